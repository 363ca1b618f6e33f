//! Page layout of the produced DOCX as a reader sees it: running headers that
//! fit their section, sections that start where the marker stands, a table of
//! contents with the headings in it, room below tables, and lead-ins kept
//! with what they introduce. XML is read back; where the question is how a
//! word processor lays it out, LibreOffice's PDF is read with `pdftotext`.

mod docx_support;

use std::path::{Path, PathBuf};
use std::process::Command;

use docx_support::{Node, WordBlock, body_blocks, convert, nodes, options, part};
use kravgen::docx::{DocxOptions, markdown_to_docx};

const WIDE_TABLE: &str = concat!(
    "| Post | Beskrivelse | Enhet | Antall | Enhetspris | Sum | Merknad | Kolonne åtte | Kolonne ni |\n",
    "|------|-------------|-------|-------:|-----------:|----:|---------|------|------|\n",
    "| 1 | Lisens for API-plattform med en lang beskrivelse | Stk | 1 | | | | | |\n",
);

const LONG_TITLE: &str =
    "Anskaffelse av integrasjonsplattform og tilhørende konsulenttjenester for helseforetakene";

fn convert_with(markdown: &str, title: &str, reference: &str) -> Vec<u8> {
    let options = DocxOptions {
        title: title.into(),
        reference: reference.into(),
        ..options()
    };
    markdown_to_docx(markdown, &options).expect("conversion succeeds")
}

/// `w:w` of every element `name` in `xml`, in order.
fn widths_of(xml: &str, name: &str) -> Vec<u32> {
    nodes(xml)
        .iter()
        .filter(|node| node.is_open(name))
        .filter_map(|node| node.attr("w:w")?.parse().ok())
        .collect()
}

#[test]
fn portrait_header_uses_portrait_width_when_the_document_ends_in_landscape() {
    let markdown =
        format!("Stående tekst.\n\n<!-- kravgen:landscape -->\n\nLiggende tekst.\n\n{WIDE_TABLE}");
    let docx = convert_with(&markdown, "Tittel", "2026/0099");
    for (header, width) in [("word/header1.xml", 9070), ("word/header2.xml", 14002)] {
        let xml = part(&docx, header);
        assert!(xml.contains("2026/0099"), "{header} lacks the reference");
        assert_eq!(widths_of(&xml, "w:tblW"), [width], "{header}");
        let columns: u32 = widths_of(&xml, "w:gridCol").iter().sum();
        assert_eq!(columns, width, "{header}: columns fill the text width");
    }
}

#[test]
fn a_long_title_and_the_reference_sit_in_separate_header_columns() {
    let docx = convert_with("Tekst.\n", LONG_TITLE, "2026/1187");
    let xml = part(&docx, "word/header1.xml");
    let cells: Vec<String> = body_blocks(&xml)
        .into_iter()
        .find_map(|block| match block {
            WordBlock::Table(rows) => rows.into_iter().next(),
            WordBlock::Paragraph(_) => None,
        })
        .expect("the header is a table");
    assert_eq!(cells, [LONG_TITLE, "2026/1187"]);
    let start = xml.find("<w:tblBorders>").expect("header table borders");
    let end = xml.find("</w:tblBorders>").expect("end of the borders");
    let borders = nodes(&xml[start..end + "</w:tblBorders>".len()]);
    let sides: Vec<&Node> = borders
        .iter()
        .filter(|n| n.attr("w:val").is_some())
        .collect();
    let no_borders = sides.len() == 6 && sides.iter().all(|n| n.attr("w:val") == Some("none"));
    assert!(no_borders, "the header table is borderless");

    if let Some(text) = pdf_text(&docx, "long_title") {
        let first_line = text
            .lines()
            .find(|line| !line.trim().is_empty())
            .unwrap_or("");
        assert!(first_line.contains("2026/1187"), "{first_line:?}");
        assert!(
            !text.contains("tjenester for helseforetakene2026"),
            "{text}"
        );
        assert!(
            !text.contains("helseforetakene 2026/1187"),
            "title and reference touch: {text}"
        );
    }
}

#[test]
fn a_header_without_reference_is_a_single_paragraph() {
    let xml = part(&convert_with("Tekst.\n", "Tittel", ""), "word/header1.xml");
    assert!(!xml.contains("<w:tbl>"));
    assert!(xml.contains("Tittel"));
}

#[test]
fn landscape_marker_directly_before_a_table_starts_the_section_before_it() {
    let markdown = format!("Stående tekst.\n\n<!-- kravgen:landscape -->\n\n{WIDE_TABLE}");
    let docx = convert(&markdown);
    let document = nodes(&part(&docx, "word/document.xml"));

    // The portrait section ends before the table, and the body ends with a
    // paragraph after it: LibreOffice loses the last section of a body that
    // ends in a table.
    let section_break = document
        .iter()
        .position(|n| n.is_open("w:pgSz") && n.attr("w:orient") == Some("portrait"));
    let table = document.iter().position(|n| n.is_open("w:tbl"));
    assert!(section_break < table, "{section_break:?} {table:?}");
    let last_table_end = document.iter().rposition(|n| n.is_close("w:tbl"));
    let last_paragraph = document.iter().rposition(|n| n.is_open("w:p"));
    assert!(last_paragraph > last_table_end, "the body ends in a table");

    if let Some(orientations) = pdf_of(&docx, "landscape_table").and_then(page_orientations) {
        assert_eq!(orientations, ["portrait", "landscape"]);
    }
}

/// Style and text of each table of contents line in document.xml.
fn toc_lines(xml: &str) -> Vec<(String, String)> {
    body_blocks(xml)
        .into_iter()
        .filter_map(|block| match block {
            WordBlock::Paragraph(p) => {
                let style = p
                    .style
                    .filter(|s| s.starts_with("TOC") && s != "TOCHeading")?;
                Some((style, p.text.trim_end().to_string()))
            }
            WordBlock::Table(_) => None,
        })
        .collect()
}

#[test]
fn toc_field_result_lists_the_headings_linked_to_bookmarks() {
    let markdown = concat!(
        "<!-- kravgen:toc -->\n\n# Innledning\n\nTekst.\n\n## Bakgrunn\n\n",
        "### Detaljer\n\n#### For dypt\n\n# Priser\n"
    );
    let docx = convert(markdown);
    let xml = part(&docx, "word/document.xml");
    let document = nodes(&xml);

    let begin = document
        .iter()
        .position(|n| n.attr("w:fldCharType") == Some("begin"));
    let end = document
        .iter()
        .rposition(|n| n.attr("w:fldCharType") == Some("end"));
    let (begin, end) = (begin.expect("TOC field"), end.expect("end of the field"));
    let entries = toc_lines(&xml);
    let styles_and_text: Vec<(&str, &str)> = entries
        .iter()
        .map(|(style, text)| (style.as_str(), text.as_str()))
        .collect();
    assert_eq!(
        styles_and_text,
        [
            ("TOC1", "Innledning"),
            ("TOC2", "Bakgrunn"),
            ("TOC3", "Detaljer"),
            ("TOC1", "Priser"),
        ]
    );

    // Every entry sits inside the field and links to a bookmark on its heading.
    let anchors: Vec<&str> = document[begin..end]
        .iter()
        .filter(|n| n.is_open("w:hyperlink"))
        .filter_map(|n| n.attr("w:anchor"))
        .collect();
    let bookmarks: Vec<&str> = document
        .iter()
        .filter(|n| n.is_open("w:bookmarkStart"))
        .filter_map(|n| n.attr("w:name"))
        .collect();
    assert_eq!(anchors.len(), 4);
    assert_eq!(anchors, bookmarks);
    assert!(part(&docx, "word/settings.xml").contains(r#"<w:updateFields w:val="true" />"#));
    let styles = part(&docx, "word/styles.xml");
    for style in ["TOC1", "TOC2", "TOC3"] {
        assert!(
            styles.contains(&format!(r#"w:styleId="{style}""#)),
            "{style}"
        );
    }

    if let Some(text) = pdf_text(&docx, "toc") {
        let contents = text.split("Tekst.").next().unwrap_or("");
        for heading in ["Innledning", "Bakgrunn", "Detaljer", "Priser"] {
            assert!(
                contents.contains(heading),
                "{heading} not in contents: {contents}"
            );
        }
        assert!(!contents.contains("For dypt"), "level 4 listed: {contents}");
    }
}

#[test]
fn documents_without_toc_get_no_bookmarks() {
    let xml = part(&convert("# Innledning\n\nTekst.\n"), "word/document.xml");
    assert!(!xml.contains("w:bookmarkStart"));
}

#[test]
fn a_list_after_a_table_keeps_a_gap_below_the_table() {
    let markdown = "| A | B |\n|---|---|\n| 1 | 2 |\n\n- punkt\n- punkt to\n";
    let document = nodes(&part(&convert(markdown), "word/document.xml"));
    let table_end = document
        .iter()
        .position(|n| n.is_close("w:tbl"))
        .expect("a table");
    let next = &document[table_end + 1..];
    assert!(next[0].is_open("w:p"), "a paragraph follows the table");
    let paragraph_end = next.iter().position(|n| n.is_close("w:p")).expect("end");
    let spacing = next[..paragraph_end]
        .iter()
        .find(|n| n.is_open("w:spacing"))
        .expect("the spacer sets its height");
    assert_eq!(spacing.attr("w:line"), Some("120"));
    assert_eq!(spacing.attr("w:lineRule"), Some("exact"));
    let text = next[..paragraph_end].iter().any(|n| n.is_open("w:t"));
    assert!(!text, "the spacer holds no text");
    let numbered = next[paragraph_end..]
        .iter()
        .position(|n| n.is_open("w:numPr"));
    let following = next[paragraph_end + 1..]
        .iter()
        .position(|n| n.is_open("w:p"));
    assert!(following < numbered, "the list comes after the spacer");
}

#[test]
fn a_paragraph_ending_in_a_colon_keeps_with_the_next() {
    let markdown = concat!(
        "# Pris\n\nEn tilbyder med pris P får:\n\nPoeng = 10 × (laveste pris / P)\n\n",
        "Vanlig avsnitt.\n\n- Punkter følger:\n  - ett\n"
    );
    let docx = convert(markdown);
    let document = nodes(&part(&docx, "word/document.xml"));
    let mut keeps = Vec::new();
    let mut keep = false;
    for node in &document {
        match node {
            Node::Open(name, _) if name == "w:p" => keep = false,
            Node::Open(name, _) if name == "w:keepNext" => keep = true,
            Node::Text(text) => keeps.push((text.clone(), keep)),
            _ => {}
        }
    }
    assert_eq!(
        keeps,
        [
            ("Pris".to_string(), false),
            ("En tilbyder med pris P får:".to_string(), true),
            ("Poeng = 10 × (laveste pris / P)".to_string(), false),
            ("Vanlig avsnitt.".to_string(), false),
            ("Punkter følger:".to_string(), true),
            ("ett".to_string(), false),
        ]
    );

    // Headings keep with next through their styles.
    let styles = part(&docx, "word/styles.xml");
    for level in 1..=6 {
        let start = styles
            .find(&format!(r#"w:styleId="Heading{level}""#))
            .expect("heading style");
        let style = &styles[start..start + styles[start..].find("</w:style>").expect("end")];
        assert!(style.contains("<w:keepNext />"), "Heading{level}: {style}");
    }
}

fn soffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("soffice"))
        .find(|candidate| candidate.is_file())
}

/// LibreOffice's PDF of `docx`, or `None` (with a note) when `soffice` is missing.
fn pdf_of(docx: &[u8], name: &str) -> Option<(tempfile::TempDir, PathBuf)> {
    let Some(soffice) = soffice() else {
        eprintln!("note: soffice not found; skipping the rendering check");
        return None;
    };
    let dir = tempfile::tempdir().expect("temporary folder");
    let input = dir.path().join(format!("{name}.docx"));
    std::fs::write(&input, docx).expect("write DOCX");
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let status = Command::new(soffice)
        .arg(profile)
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&input)
        .output()
        .expect("soffice runs")
        .status;
    assert!(status.success(), "soffice failed");
    let pdf = input.with_extension("pdf");
    Some((dir, pdf))
}

/// The PDF's text laid out as on the page, or `None` when `soffice` or
/// `pdftotext` is missing.
fn pdf_text(docx: &[u8], name: &str) -> Option<String> {
    let (_dir, pdf) = pdf_of(docx, name)?;
    let output = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// "portrait" or "landscape" for each page, from `pdfinfo`; `None` when it is missing.
fn page_orientations((_dir, pdf): (tempfile::TempDir, PathBuf)) -> Option<Vec<&'static str>> {
    let path: &Path = &pdf;
    let output = Command::new("pdfinfo")
        .args(["-f", "1", "-l", "99"])
        .arg(path)
        .output()
        .ok()?;
    let pages = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|line| line.starts_with("Page") && line.contains("size:"))
        .filter_map(|line| {
            let size = line.split("size:").nth(1)?;
            let mut numbers = size
                .split_whitespace()
                .filter_map(|w| w.parse::<f64>().ok());
            let (width, height) = (numbers.next()?, numbers.next()?);
            Some(if width > height {
                "landscape"
            } else {
                "portrait"
            })
        })
        .collect();
    Some(pages)
}
