//! Shared helpers for the DOCX tests: the corpus, conversion, unzipping and
//! reading Word XML back with quick-xml.

#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};

use kravgen::docx::{DocxOptions, markdown_to_docx};
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

pub fn options() -> DocxOptions {
    DocxOptions {
        title: "Anskaffelse av API-plattform".into(),
        author: "Helse Testregion RHF".into(),
        reference: "Saksnr. 2026/0042".into(),
        date: Some("2026-01-15".into()),
        language_tag: "nb-NO".into(),
        page_label: "Side".into(),
        of_label: "av".into(),
        contents_title: "Innhold".into(),
    }
}

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/docx_corpus")
}

/// Every corpus file as (file name, Markdown), sorted by name.
pub fn corpus() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(corpus_dir())
        .expect("corpus folder")
        .map(|entry| entry.expect("corpus entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .map(|path| {
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            let markdown = std::fs::read_to_string(&path).expect("corpus file");
            (name, markdown)
        })
        .collect();
    files.sort();
    assert!(files.len() >= 10, "the corpus is missing files");
    files
}

/// A document kravgen wrote for one of the examples: its name, Markdown and DOCX.
pub struct Generated {
    pub name: String,
    pub markdown: String,
    pub docx: Vec<u8>,
}

/// Every document the real binary writes for both example profiles and for the example
/// evaluation, as Markdown and DOCX.
pub fn generated_examples() -> Vec<Generated> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temporary folder");
    let runs: [&[&str]; 3] = [
        &["generate", "examples/sykehus-journal.yaml"],
        &["generate", "examples/municipality-citizen-apps.yaml"],
        &[
            "evaluate",
            "examples/sykehus-journal.yaml",
            "examples/responses/leverandor-a.yaml",
            "examples/responses/leverandor-b.yaml",
            "examples/responses/leverandor-c.yaml",
        ],
    ];
    for (index, args) in runs.iter().enumerate() {
        let status = std::process::Command::new(assert_cmd::cargo::cargo_bin!("kravgen"))
            .current_dir(root)
            .args(*args)
            .args(["--format", "md,docx", "-q", "-o"])
            .arg(dir.path().join(index.to_string()))
            .status()
            .expect("kravgen runs");
        assert!(status.success(), "kravgen {args:?} failed");
    }
    collect_generated(dir.path())
}

fn collect_generated(dir: &Path) -> Vec<Generated> {
    let mut documents = Vec::new();
    for run in std::fs::read_dir(dir).expect("output folder").flatten() {
        for file in std::fs::read_dir(run.path()).expect("run folder").flatten() {
            let path = file.path();
            if path.extension().is_some_and(|ext| ext == "docx") {
                documents.push(Generated {
                    name: path
                        .file_name()
                        .expect("name")
                        .to_string_lossy()
                        .into_owned(),
                    markdown: std::fs::read_to_string(path.with_extension("md")).expect("Markdown"),
                    docx: std::fs::read(&path).expect("DOCX"),
                });
            }
        }
    }
    documents.sort_by(|a, b| a.name.cmp(&b.name));
    assert_eq!(
        documents.len(),
        9,
        "4 + 4 documents and the evaluation results"
    );
    documents
}

pub fn corpus_file(name: &str) -> String {
    std::fs::read_to_string(corpus_dir().join(name)).expect("corpus file")
}

pub fn convert(markdown: &str) -> Vec<u8> {
    markdown_to_docx(markdown, &options()).expect("conversion succeeds")
}

/// One part of a DOCX package as text.
pub fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip archive");
    let mut file = archive.by_name(name).expect("part present");
    let mut text = String::new();
    file.read_to_string(&mut text).expect("UTF-8 part");
    text
}

pub fn part_names(docx: &[u8]) -> Vec<String> {
    let archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip archive");
    archive.file_names().map(str::to_string).collect()
}

/// Value of attribute `name` (qualified, e.g. `w:val`) on an element.
pub fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name.as_bytes())
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

/// A streamed XML element event: start (or empty) with its attributes, end,
/// or text (entities resolved). Panics on malformed XML, which is the point.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Open(String, Vec<(String, String)>),
    Close(String),
    Text(String),
}

impl Node {
    pub fn attr(&self, name: &str) -> Option<&str> {
        match self {
            Node::Open(_, attributes) => attributes
                .iter()
                .find(|(key, _)| key == name)
                .map(|(_, value)| value.as_str()),
            _ => None,
        }
    }

    pub fn is_open(&self, name: &str) -> bool {
        matches!(self, Node::Open(n, _) if n == name)
    }

    pub fn is_close(&self, name: &str) -> bool {
        matches!(self, Node::Close(n) if n == name)
    }
}

/// Reads XML into a flat list of nodes; an empty element gives Open + Close.
pub fn nodes(xml: &str) -> Vec<Node> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => out.push(open(&e)),
            Event::Empty(e) => {
                out.push(open(&e));
                out.push(Node::Close(name(&e)));
            }
            Event::End(e) => out.push(Node::Close(
                String::from_utf8_lossy(e.name().as_ref()).into_owned(),
            )),
            Event::Text(t) => push_text(&mut out, &t.decode().expect("text")),
            Event::GeneralRef(r) => {
                let text = if r.is_char_ref() {
                    r.resolve_char_ref().expect("char ref").map(String::from)
                } else {
                    let entity = r.decode().expect("entity");
                    quick_xml::escape::resolve_predefined_entity(&entity).map(String::from)
                };
                push_text(&mut out, &text.expect("known entity"));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

fn push_text(out: &mut Vec<Node>, text: &str) {
    if let Some(Node::Text(previous)) = out.last_mut() {
        previous.push_str(text);
    } else {
        out.push(Node::Text(text.to_string()));
    }
}

fn name(e: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(e.name().as_ref()).into_owned()
}

fn open(e: &BytesStart<'_>) -> Node {
    let attributes = e
        .attributes()
        .flatten()
        .map(|a| {
            let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
            let raw = String::from_utf8_lossy(&a.value).into_owned();
            let value = quick_xml::escape::unescape(&raw)
                .expect("attribute value")
                .into_owned();
            (key, value)
        })
        .collect();
    Node::Open(name(e), attributes)
}

/// A paragraph of document.xml as read back.
#[derive(Debug, Clone, Default)]
pub struct WordParagraph {
    pub style: Option<String>,
    pub num_id: Option<String>,
    pub level: Option<String>,
    pub text: String,
    pub has_field: bool,
}

/// A top-level block of the body: a paragraph or a table of cell texts.
#[derive(Debug, Clone)]
pub enum WordBlock {
    Paragraph(WordParagraph),
    Table(Vec<Vec<String>>),
}

/// The body of document.xml as paragraphs and tables, in order.
pub fn body_blocks(document_xml: &str) -> Vec<WordBlock> {
    let nodes = nodes(document_xml);
    let mut blocks = Vec::new();
    let mut index = 0;
    while index < nodes.len() {
        if nodes[index].is_open("w:tbl") {
            let (table, next) = read_table(&nodes, index);
            blocks.push(WordBlock::Table(table));
            index = next;
        } else if nodes[index].is_open("w:p") {
            let (paragraph, next) = read_paragraph(&nodes, index);
            blocks.push(WordBlock::Paragraph(paragraph));
            index = next;
        } else {
            index += 1;
        }
    }
    blocks
}

fn read_table(nodes: &[Node], start: usize) -> (Vec<Vec<String>>, usize) {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut index = start + 1;
    while index < nodes.len() && !nodes[index].is_close("w:tbl") {
        let node = &nodes[index];
        if node.is_open("w:tr") {
            rows.push(Vec::new());
        } else if node.is_open("w:tc") {
            if let Some(row) = rows.last_mut() {
                row.push(String::new());
            }
        } else if node.is_open("w:p") {
            let (paragraph, next) = read_paragraph(nodes, index);
            if let Some(cell) = rows.last_mut().and_then(|row| row.last_mut()) {
                if !cell.is_empty() {
                    cell.push('\n');
                }
                cell.push_str(&paragraph.text);
            }
            index = next;
            continue;
        }
        index += 1;
    }
    (rows, index + 1)
}

fn read_paragraph(nodes: &[Node], start: usize) -> (WordParagraph, usize) {
    let mut paragraph = WordParagraph::default();
    let mut in_text = false;
    let mut index = start + 1;
    while index < nodes.len() && !nodes[index].is_close("w:p") {
        let node = &nodes[index];
        match node {
            Node::Open(name, _) => match name.as_str() {
                "w:pStyle" => paragraph.style = node.attr("w:val").map(String::from),
                "w:numId" => paragraph.num_id = node.attr("w:val").map(String::from),
                "w:ilvl" => paragraph.level = node.attr("w:val").map(String::from),
                "w:t" => in_text = true,
                "w:br" => paragraph.text.push('\n'),
                "w:tab" => paragraph.text.push('\t'),
                "w:fldChar" => paragraph.has_field = true,
                _ => {}
            },
            Node::Close(name) if name == "w:t" => in_text = false,
            Node::Text(text) if in_text => paragraph.text.push_str(text),
            _ => {}
        }
        index += 1;
    }
    (paragraph, index + 1)
}

/// Whitespace runs as one space, trimmed: soft breaks, hard breaks and code
/// lines compare equal on both sides.
pub fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
