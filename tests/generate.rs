//! `kravgen generate`: the real binary run on the examples and on fixture profiles under
//! `tests/fixtures/generate/`, its Markdown read back with pulldown-cmark.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::SystemTime;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use tempfile::TempDir;

const HOSPITAL: &str = "examples/sykehus-journal.yaml";
const MUNICIPALITY: &str = "examples/municipality-citizen-apps.yaml";
const USER_TEXT: &str = "tests/fixtures/generate/user-text.yaml";
const OMIT_ONLY: &str = "tests/fixtures/generate/omit-only.yaml";
const ALL_MANDATORY: &str = "tests/fixtures/generate/all-mandatory.yaml";

/// Every profile the structural tests run on.
const PROFILES: [&str; 5] = [HOSPITAL, MUNICIPALITY, USER_TEXT, OMIT_ONLY, ALL_MANDATORY];

const HOSPITAL_FILES: [&str; 4] = [
    "evalueringsmatrise.md",
    "kravspesifikasjon.md",
    "rammebetingelser.md",
    "svarskjema.md",
];

// ---------------------------------------------------------------------------------------------
// Running kravgen

fn path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// `kravgen generate PROFILE -o OUT --format md EXTRA…`
fn generate(profile: &Path, out: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kravgen"))
        .arg("generate")
        .arg(profile)
        .arg("-o")
        .arg(out)
        .args(["--format", "md"])
        .args(extra)
        .output()
        .expect("kravgen runs")
}

/// Generates `profile` into a fresh folder and returns the folder and what was written.
fn generated(profile: &str) -> (TempDir, BTreeMap<String, String>) {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out");
    let output = generate(&path(profile), &out, &[]);
    assert_success(&output);
    let files = read_folder(&out);
    (dir, files)
}

fn assert_success(output: &Output) {
    assert!(
        output.status.success(),
        "kravgen failed ({}):\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Every file in `dir` (hidden ones too) by name, as text.
fn read_folder(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(entry.path()).unwrap())
        })
        .collect()
}

/// Every entry in `dir` by name, with its bytes and modification time.
fn stamps(dir: &Path) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            let modified = entry.metadata().unwrap().modified().unwrap();
            (name, (std::fs::read(entry.path()).unwrap(), modified))
        })
        .collect()
}

fn names(files: &BTreeMap<String, String>) -> Vec<&str> {
    files.keys().map(String::as_str).collect()
}

// ---------------------------------------------------------------------------------------------
// Reading the Markdown back

/// The extensions GitHub renders and the DOCX converter reads.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_MATH
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Heading(usize),
    Paragraph,
    Item,
    Cell,
}

/// A heading, paragraph, list item or table cell, with the text a reader sees and the heading of
/// the section it stands in.
#[derive(Debug)]
struct Block {
    kind: Kind,
    text: String,
    section: String,
}

/// The blocks of `markdown` in order (a block inside another comes first).
fn blocks(markdown: &str) -> Vec<Block> {
    let mut done = Vec::new();
    let mut open: Vec<(Kind, String)> = Vec::new();
    let mut section = String::new();
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(tag) => {
                if let Some(kind) = kind(&tag) {
                    open.push((kind, String::new()));
                }
            }
            Event::End(end) if is_block_end(end) => {
                let (kind, text) = open.pop().unwrap();
                if let Kind::Heading(_) = kind {
                    section = text.clone();
                }
                let section = section.clone();
                done.push(Block {
                    kind,
                    text,
                    section,
                });
            }
            Event::Text(text) => push_text(&mut open, &text),
            Event::SoftBreak | Event::HardBreak => push_text(&mut open, " "),
            _ => {}
        }
    }
    done
}

fn kind(tag: &Tag) -> Option<Kind> {
    match tag {
        Tag::Heading { level, .. } => Some(Kind::Heading(*level as usize)),
        Tag::Paragraph => Some(Kind::Paragraph),
        Tag::Item => Some(Kind::Item),
        Tag::TableCell => Some(Kind::Cell),
        _ => None,
    }
}

fn is_block_end(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell
    )
}

fn push_text(open: &mut [(Kind, String)], text: &str) {
    if let Some((_, buffer)) = open.last_mut() {
        buffer.push_str(text);
    }
}

fn headings(markdown: &str) -> Vec<(usize, String)> {
    blocks(markdown)
        .into_iter()
        .filter_map(|block| match block.kind {
            Kind::Heading(level) => Some((level, block.text)),
            _ => None,
        })
        .collect()
}

/// Whether `text` has `id` as a whole word (K3, not K30 or K3a).
fn mentions(text: &str, id: &str) -> bool {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .any(|word| word == id)
}

/// A table: its number of columns (from the delimiter row) and its rows, header first.
struct Table {
    columns: usize,
    rows: Vec<Row>,
}

/// A table row: the cells pulldown-cmark gives it (it pads and cuts rows to the header's
/// width) and the cells its source line has.
struct Row {
    cells: usize,
    source_cells: usize,
    source: String,
}

fn tables(markdown: &str) -> Vec<Table> {
    let mut tables: Vec<Table> = Vec::new();
    let mut row: Option<Row> = None;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Table(alignments)) => tables.push(Table {
                columns: alignments.len(),
                rows: Vec::new(),
            }),
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                let source = markdown[range].to_string();
                let source_cells = source_cells(&source);
                row = Some(Row {
                    cells: 0,
                    source_cells,
                    source,
                });
            }
            Event::Start(Tag::TableCell) => row.as_mut().unwrap().cells += 1,
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                tables.last_mut().unwrap().rows.extend(row.take());
            }
            _ => {}
        }
    }
    tables
}

/// The cells of a table row's source line as GFM splits them: at every `|` not escaped.
fn source_cells(line: &str) -> usize {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let mut pipes = 0;
    let mut escaped = false;
    let mut last_is_pipe = false;
    for c in line.chars() {
        last_is_pipe = c == '|' && !escaped;
        if last_is_pipe {
            pipes += 1;
        }
        escaped = c == '\\' && !escaped;
    }
    if last_is_pipe { pipes } else { pipes + 1 }
}

// ---------------------------------------------------------------------------------------------
// Snapshots of the examples

fn assert_snapshots(example: &str, profile: &str, expected: &[&str]) {
    let (_dir, files) = generated(profile);
    assert_eq!(names(&files), expected);
    for (name, markdown) in &files {
        insta::assert_snapshot!(format!("{example}__{name}"), markdown);
    }
}

#[test]
fn hospital_example_documents() {
    assert_snapshots("sykehus-journal", HOSPITAL, &HOSPITAL_FILES);
}

#[test]
fn municipality_example_documents() {
    assert_snapshots(
        "municipality-citizen-apps",
        MUNICIPALITY,
        &[
            "evaluation-matrix.md",
            "framework-conditions.md",
            "requirements-specification.md",
            "response-form.md",
        ],
    );
}

// ---------------------------------------------------------------------------------------------
// User text is data

/// What `user-text.yaml` holds, as a reader must see it: line breaks and the U+000B become one
/// space, nothing else changes.
const TITLE: &str = "Drift & vedlikehold | *fet* _kursiv_ {{ project.title }} {% if true %}";
const BUYER: &str = "# Helse Vest <pris eks. mva> [lenke](x) `a|b`";
const REFERENCE: &str = "2026/0042 | del 2";
const PROMOTION_REASON: &str = "# svartid < 4 timer; svar Ja | Nei | Delvis";
const OMISSION_REASON: &str =
    "Drift & vedlikehold <pris eks. mva> `a|b` *ikke fet* {{ project.buyer }}";
const EX1_TOPIC: &str = "Drift & vedlikehold | 24/7";
const EX1_TEXT: &str = "15. januar 2026 skal løsningen være i drift, med svartid < 4 timer.";
const EX1_COMMENT: &str = "[lenke](x) og {% if true %}ja{% endif %}";
const EX2_TOPIC: &str = "`a|b` *_#";
const EX2_TEXT: &str = "3. part skal kunne teste mot API-et uten leverandøren.";
const EX2_COMMENT: &str = r"Pris $5/$10 pr. kall; oppsettet ligger i C:\drift\a|b.";
const EX3_TEXT: &str = "# ikke en overskrift - ikke et punkt | ikke | en | tabell |";
const SUPPLIERS: [&str; 3] = ["Leverandør | A", "*B* AS", "<C> & Co"];

fn user_text_documents() -> BTreeMap<String, String> {
    let (_dir, files) = generated(USER_TEXT);
    assert_eq!(names(&files), HOSPITAL_FILES);
    files
}

/// Asserts that some block of `kind` in `markdown` reads exactly `text`.
fn assert_block(markdown: &str, kind: Kind, text: &str) {
    let found = blocks(markdown)
        .iter()
        .any(|block| block.kind == kind && block.text == text);
    assert!(found, "no {kind:?} reading {text:?} in:\n{markdown}");
}

#[test]
fn user_text_in_title_block_stays_literal_in_every_document() {
    for (name, markdown) in user_text_documents() {
        let headings = headings(&markdown);
        let titles: Vec<_> = headings.iter().filter(|(level, _)| *level == 1).collect();
        assert_eq!(titles.len(), 1, "{name}: one title, got {headings:?}");
        assert!(
            titles[0].1.ends_with(&format!(": {TITLE}")),
            "{name}: title reads {:?}",
            titles[0].1
        );
        assert_block(&markdown, Kind::Cell, BUYER);
        assert_block(&markdown, Kind::Cell, REFERENCE);
    }
}

#[test]
fn user_text_in_specification_stays_literal() {
    let spec = &user_text_documents()["kravspesifikasjon.md"];

    assert_block(spec, Kind::Heading(3), &format!("2.6 EX-1 {EX1_TOPIC}"));
    assert_block(spec, Kind::Paragraph, EX1_TEXT);
    assert_block(spec, Kind::Paragraph, &format!("Kommentar: {EX1_COMMENT}"));
    assert_block(spec, Kind::Heading(3), &format!("3.2 EX-2 {EX2_TOPIC}"));
    assert_block(spec, Kind::Paragraph, EX2_TEXT);
    assert_block(spec, Kind::Paragraph, &format!("Kommentar: {EX2_COMMENT}"));
    assert_block(spec, Kind::Paragraph, EX3_TEXT);

    let promoted = blocks(spec)
        .into_iter()
        .any(|b| b.kind == Kind::Paragraph && b.text.ends_with(PROMOTION_REASON));
    assert!(promoted, "the promotion's reason is not in a paragraph");
    for cell in [
        PROMOTION_REASON,
        OMISSION_REASON,
        EX1_TEXT,
        EX2_TEXT,
        EX3_TEXT,
    ] {
        assert_block(spec, Kind::Cell, cell);
    }
}

#[test]
fn user_text_in_response_form_and_matrix_stays_literal() {
    let documents = user_text_documents();
    let form = &documents["svarskjema.md"];
    let matrix = &documents["evalueringsmatrise.md"];

    for cell in [EX1_TEXT, EX2_TEXT, EX3_TEXT] {
        assert_block(form, Kind::Cell, cell);
    }
    for cell in [EX1_TOPIC, EX2_TOPIC] {
        assert_block(matrix, Kind::Cell, cell);
    }
    for supplier in SUPPLIERS {
        assert_block(matrix, Kind::Cell, supplier);
        assert_block(matrix, Kind::Cell, &format!("{supplier} (0–10)"));
    }
}

/// Markup a user's text could have created: links, code, HTML, math, footnotes, ordered lists
/// (the matrix's formulas are the templates' own code).
fn markup_from_user_text(markdown: &str) -> Vec<String> {
    Parser::new_ext(markdown, options())
        .filter_map(|event| match event {
            Event::Html(html) if html.trim_start().starts_with("<!-- kravgen:") => None,
            Event::Code(code) if code.starts_with("prispoeng = ") => None,
            Event::Code(code) if code.starts_with("totalpoeng = ") => None,
            Event::Html(_)
            | Event::InlineHtml(_)
            | Event::Code(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_)
            | Event::FootnoteReference(_)
            | Event::Start(Tag::Link { .. } | Tag::Image { .. })
            | Event::Start(Tag::List(Some(_)) | Tag::CodeBlock(_) | Tag::BlockQuote(_)) => {
                Some(format!("{event:?}"))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn user_text_creates_no_markup_backslash_or_entity() {
    for (name, markdown) in user_text_documents() {
        assert_eq!(
            markup_from_user_text(&markdown),
            Vec::<String>::new(),
            "{name}"
        );
        for block in blocks(&markdown) {
            let text = &block.text;
            assert!(
                !text.contains('\\') || text.contains(EX2_COMMENT),
                "{name}: a backslash shows in {text:?}"
            );
            for entity in ["&amp;", "&lt;", "&gt;", "&quot;", "&#"] {
                assert!(!text.contains(entity), "{name}: {entity} shows in {text:?}");
            }
        }
    }
}

/// Pitfall 4: `15. januar 2026 skal …` and `3. part skal …` at the start of a line.
#[test]
fn ordinal_dates_at_line_start_are_paragraphs_not_lists() {
    let spec = &user_text_documents()["kravspesifikasjon.md"];
    assert!(
        spec.lines().any(|line| line.starts_with("15")),
        "the fixture no longer puts 15. januar at the start of a line"
    );
    let ordered = Parser::new_ext(spec, options())
        .filter(|event| matches!(event, Event::Start(Tag::List(Some(_)))))
        .count();
    assert_eq!(ordered, 0);
    assert_block(spec, Kind::Paragraph, EX1_TEXT);
    assert_block(spec, Kind::Paragraph, EX2_TEXT);
}

// ---------------------------------------------------------------------------------------------
// Profiles as users save them

/// Pitfall 6: `language: no` is not Norwegian by accident, nor false.
#[test]
fn language_no_is_rejected_naming_nb_and_en() {
    let dir = TempDir::new().unwrap();
    let profile = dir.path().join("profil.yaml");
    let hospital = std::fs::read_to_string(path(HOSPITAL)).unwrap();
    assert!(hospital.contains("\nlanguage: nb\n"));
    std::fs::write(
        &profile,
        hospital.replace("\nlanguage: nb\n", "\nlanguage: no\n"),
    )
    .unwrap();

    let out = dir.path().join("out");
    let output = generate(&profile, &out, &[]);

    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("profil.yaml:5:"), "{stderr}");
    assert!(stderr.contains("nb, en"), "{stderr}");
    assert!(!out.exists());
}

/// Pitfall 7: a profile saved on Windows, with a byte-order mark and CRLF line ends.
#[test]
fn profile_with_bom_and_crlf_gives_identical_output() {
    let dir = TempDir::new().unwrap();
    let lf = std::fs::read_to_string(path(HOSPITAL)).unwrap();
    let windows = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    assert!(windows.contains("\r\n") && !lf.contains('\r'));
    let profile = dir.path().join("windows.yaml");
    std::fs::write(&profile, windows).unwrap();

    let out = dir.path().join("out");
    assert_success(&generate(&profile, &out, &[]));

    let (_lf_dir, expected) = generated(HOSPITAL);
    assert_eq!(read_folder(&out), expected);
}

// ---------------------------------------------------------------------------------------------
// Writing

#[test]
fn second_run_refuses_to_overwrite_names_files_and_changes_nothing() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out");
    assert_success(&generate(&path(HOSPITAL), &out, &[]));
    std::fs::write(out.join("kravspesifikasjon.md"), "Eget arbeid.\n").unwrap();
    let before = stamps(&out);

    let output = generate(&path(HOSPITAL), &out, &[]);

    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for name in HOSPITAL_FILES {
        assert!(stderr.contains(name), "{name} is not named:\n{stderr}");
    }
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(stamps(&out), before);
}

#[test]
fn one_existing_file_stops_the_whole_run() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("svarskjema.md"), "Eget arbeid.\n").unwrap();

    let output = generate(&path(HOSPITAL), &out, &[]);

    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("svarskjema.md"), "{stderr}");
    assert!(!stderr.contains("kravspesifikasjon.md"), "{stderr}");
    let files = read_folder(&out);
    assert_eq!(names(&files), ["svarskjema.md"]);
    assert_eq!(files["svarskjema.md"], "Eget arbeid.\n");
}

#[test]
fn force_replaces_existing_files() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out");
    assert_success(&generate(&path(HOSPITAL), &out, &[]));
    let fresh = read_folder(&out);
    std::fs::write(out.join("kravspesifikasjon.md"), "Eget arbeid.\n").unwrap();

    let output = generate(&path(HOSPITAL), &out, &["--force"]);

    assert_success(&output);
    assert_eq!(read_folder(&out), fresh);
    let stdout = String::from_utf8_lossy(&output.stdout);
    for name in HOSPITAL_FILES {
        assert!(stdout.contains(name), "{name} is not reported:\n{stdout}");
    }
}

/// A folder holding one template that replaces the built-in `name`.
fn templates_with(name: &str, text: &str) -> TempDir {
    let dir = TempDir::new().unwrap();
    let file = dir.path().join(name);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(file, text).unwrap();
    dir
}

fn temporaries(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with(".kravgen-") {
            found.push(name);
        }
        if entry.file_type().unwrap().is_dir() {
            found.extend(temporaries(&entry.path()));
        }
    }
    found
}

#[test]
fn broken_template_writes_nothing() {
    for broken in ["{% if %}", "{{ no_such_value.title }}"] {
        let templates = templates_with("nb/evalueringsmatrise.md", broken);
        let dir = TempDir::new().unwrap();
        let out = dir.path().join("out");
        let templates_arg = templates.path().to_str().unwrap();

        let output = generate(&path(HOSPITAL), &out, &["--templates", templates_arg]);

        assert_eq!(output.status.code(), Some(2), "{broken}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("evalueringsmatrise.md"), "{stderr}");
        assert!(!out.exists(), "{broken}: {:?}", read_folder(&out));
        assert_eq!(temporaries(dir.path()), Vec::<String>::new());
    }
}

/// A folder where a document should go stops the run before anything is written, even with
/// `--force`: no file is replaced and no temporary file is left behind.
#[test]
fn a_folder_in_the_way_stops_the_run_before_anything_is_written() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir_all(out.join("evalueringsmatrise.md")).unwrap();
    std::fs::write(out.join("kravspesifikasjon.md"), "old").unwrap();

    let output = generate(&path(HOSPITAL), &out, &["--force"]);

    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("evalueringsmatrise.md is a folder"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("kravspesifikasjon.md")).unwrap(),
        "old"
    );
    assert_eq!(temporaries(dir.path()), Vec::<String>::new());
    assert_eq!(
        std::fs::read_dir(&out).unwrap().count(),
        2,
        "only the old file and the folder"
    );
}

#[test]
fn two_processes_write_identical_bytes() {
    for profile in [HOSPITAL, MUNICIPALITY, USER_TEXT] {
        let (_first_dir, first) = generated(profile);
        let (_second_dir, second) = generated(profile);
        assert_eq!(first, second, "{profile}");
    }
}

// ---------------------------------------------------------------------------------------------
// Requirements in every document

/// What the hospital example keeps, in document order: mandatory first.
const HOSPITAL_KEPT: [&str; 22] = [
    "K1", "K2", "K4", "K5", "K6", "EX-1", "K8", "K9", "K10", "K10a", "K10b", "K10c", "K10d",
    "K10e", "K10f", "K10g", "K10h", "K10i", "K10j", "K10k", "K7", "EX-2",
];

/// What the hospital example omits.
const HOSPITAL_OMITTED: &str = "K3";

/// The first cell of every row of the tables whose first column is headed ID, in order.
fn id_column(markdown: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut first_cell: Option<String> = None;
    let mut id_table = false;
    let mut in_head = false;
    let mut cell = 0;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::TableHead) => {
                in_head = true;
                first_cell = None;
                cell = 0;
            }
            Event::Start(Tag::TableRow) => {
                first_cell = None;
                cell = 0;
            }
            Event::Start(Tag::TableCell) => cell += 1,
            // Only the first column holds ids; a row with an empty first cell (a result row) has none.
            Event::Text(text) if cell == 1 && first_cell.is_none() => {
                first_cell = Some(text.to_string())
            }
            Event::End(TagEnd::TableHead) => {
                id_table = first_cell.as_deref() == Some("ID");
                in_head = false;
            }
            Event::End(TagEnd::TableRow) if id_table && !in_head => {
                ids.extend(first_cell.take());
            }
            _ => {}
        }
    }
    ids
}

/// The ids of the specification's requirement headings (`2.3 K4 Publisering`) and of its items
/// (`K10a: …`), in order.
fn specification_ids(markdown: &str) -> Vec<String> {
    blocks(markdown)
        .into_iter()
        .filter_map(|block| match block.kind {
            Kind::Heading(3) if block.text.starts_with(|c: char| c.is_ascii_digit()) => {
                block.text.split(' ').nth(1).map(str::to_string)
            }
            Kind::Item => block.text.split(':').next().map(str::to_string),
            _ => None,
        })
        .collect()
}

#[test]
fn every_kept_requirement_is_in_specification_form_and_matrix_in_order() {
    let (_dir, files) = generated(HOSPITAL);

    assert_eq!(
        specification_ids(&files["kravspesifikasjon.md"]),
        HOSPITAL_KEPT
    );
    assert_eq!(id_column(&files["svarskjema.md"]), HOSPITAL_KEPT);
    assert_eq!(id_column(&files["evalueringsmatrise.md"]), HOSPITAL_KEPT);
}

#[test]
fn omitted_requirement_is_only_in_tailoring_appendix() {
    let (_dir, files) = generated(HOSPITAL);
    let omitted = HOSPITAL_OMITTED;

    let mentions_in: Vec<Block> = blocks(&files["kravspesifikasjon.md"])
        .into_iter()
        .filter(|block| mentions(&block.text, omitted))
        .collect();
    assert!(!mentions_in.is_empty(), "{omitted} is not in the appendix");
    for block in mentions_in {
        assert_eq!(block.section, "A.2 Utelatte krav", "{block:?}");
    }
    for name in ["svarskjema.md", "evalueringsmatrise.md"] {
        assert!(!mentions(&files[name], omitted), "{omitted} is in {name}");
    }
}

// ---------------------------------------------------------------------------------------------
// Markdown structure

#[test]
fn every_table_row_is_as_wide_as_its_header() {
    for profile in PROFILES {
        let (_dir, files) = generated(profile);
        for (name, markdown) in &files {
            let tables = tables(markdown);
            let delimiters = markdown.lines().filter(|l| l.starts_with("|---")).count();
            let parsed = tables.len();
            assert_eq!(
                parsed, delimiters,
                "{profile} {name}: a table did not parse"
            );
            for table in tables {
                for row in table.rows {
                    let source = &row.source;
                    assert_eq!(row.cells, table.columns, "{profile} {name}: {source}");
                    assert_eq!(
                        row.source_cells, table.columns,
                        "{profile} {name}: {source}"
                    );
                }
            }
        }
    }
}

/// `2.1` under `2`, `A.3` under `Vedlegg A`: the number a heading must start with, given the
/// numbers of the headings before it.
fn expected_numbers(headings: &[(usize, String)]) -> Vec<(String, String)> {
    let mut chapter = 0;
    let mut appendix = b'A' - 1;
    let mut parent = String::new();
    let mut child = 0;
    let mut expected = Vec::new();
    for (level, text) in headings {
        let number = match level {
            1 => continue,
            2 if text.starts_with("Vedlegg ") || text.starts_with("Appendix ") => {
                appendix += 1;
                parent = char::from(appendix).to_string();
                child = 0;
                let word = text.split(' ').next().unwrap();
                format!("{word} {parent}")
            }
            2 => {
                chapter += 1;
                parent = chapter.to_string();
                child = 0;
                parent.clone()
            }
            _ => {
                child += 1;
                format!("{parent}.{child}")
            }
        };
        expected.push((format!("{number} "), text.clone()));
    }
    expected
}

#[test]
fn headings_are_numbered_without_gaps() {
    for profile in PROFILES {
        let (_dir, files) = generated(profile);
        for (name, markdown) in &files {
            let headings = headings(markdown);
            assert_eq!(
                headings[0].0, 1,
                "{profile} {name}: starts with {headings:?}"
            );
            assert!(headings.iter().all(|(level, _)| *level <= 3));
            for (number, text) in expected_numbers(&headings) {
                assert!(
                    text.starts_with(&number),
                    "{profile} {name}: {text:?}, not {number}"
                );
            }
        }
    }
}

/// Top-level blocks in order: `Some(level)` for a heading, `None` for anything else a reader
/// sees (kravgen's layout comments are not content).
fn outline(markdown: &str) -> Vec<Option<usize>> {
    let mut outline = Vec::new();
    let mut depth = 0;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(tag) => {
                match tag {
                    _ if depth > 0 => {}
                    Tag::Heading { level, .. } => outline.push(Some(level as usize)),
                    Tag::HtmlBlock => {}
                    _ => outline.push(None),
                }
                depth += 1;
            }
            Event::End(_) => depth -= 1,
            _ if depth == 0 => outline.push(None),
            _ => {}
        }
    }
    outline
}

#[test]
fn no_section_is_empty() {
    for profile in PROFILES {
        let (_dir, files) = generated(profile);
        for (name, markdown) in &files {
            let outline = outline(markdown);
            for (at, block) in outline.iter().enumerate() {
                let Some(level) = block else { continue };
                let next = outline.get(at + 1).copied().flatten();
                let empty = at + 1 == outline.len() || next.is_some_and(|n| n <= *level);
                assert!(!empty, "{profile} {name}: heading {at} has no content");
            }
        }
    }
}

/// Regression: the tailoring appendix numbered its omissions A.2 when nothing was promoted.
#[test]
fn appendix_without_promotions_starts_at_a1() {
    let (_dir, files) = generated(OMIT_ONLY);
    let headings = headings(&files["requirements-specification.md"]);
    let appendix: Vec<&str> = headings
        .iter()
        .filter(|(_, text)| text.starts_with("A."))
        .map(|(_, text)| text.as_str())
        .collect();
    assert_eq!(appendix, ["A.1 Requirements left out"]);
}

/// Regression: with every recommended requirement promoted, the introduction pointed at a
/// chapter 3 on evaluated requirements that does not exist.
#[test]
fn specification_without_evaluated_requirements_points_at_no_chapter_3() {
    let (_dir, files) = generated(ALL_MANDATORY);
    let spec = &files["kravspesifikasjon.md"];
    assert!(!spec.contains("kapittel 3"), "{spec}");
    assert!(spec.contains("Denne anskaffelsen har ingen evaluerte krav."));
    assert!(
        !headings(spec)
            .iter()
            .any(|(_, text)| text.starts_with("3 "))
    );
}

// ---------------------------------------------------------------------------------------------
// Templates and documents

#[test]
fn own_template_replaces_one_document_only() {
    let own = "# Eget svarskjema: {{ project.title }}\n\n\
               {% for r in set.mandatory %}- {{ r.id }}\n{% endfor %}";
    let templates = templates_with("nb/svarskjema.md", own);
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("out");
    let templates_arg = templates.path().to_str().unwrap();

    assert_success(&generate(
        &path(HOSPITAL),
        &out,
        &["--templates", templates_arg],
    ));

    let files = read_folder(&out);
    let (_built_in_dir, built_in) = generated(HOSPITAL);
    let mandatory = ["K1", "K2", "K4", "K5", "K6", "EX-1", "K8", "K9", "K10"];
    let list: String = mandatory.iter().map(|id| format!("- {id}\n")).collect();
    let expected = format!("# Eget svarskjema: Nytt journalsystem med åpne API\n\n{list}");
    assert_eq!(files["svarskjema.md"], expected);
    for name in HOSPITAL_FILES
        .iter()
        .filter(|name| **name != "svarskjema.md")
    {
        assert_eq!(files[*name], built_in[*name], "{name}");
    }
}

#[test]
fn without_health_data_there_is_no_framework_conditions_file() {
    let (_dir, files) = generated(OMIT_ONLY);
    assert_eq!(
        names(&files),
        [
            "evaluation-matrix.md",
            "requirements-specification.md",
            "response-form.md"
        ]
    );
}

/// Guards against a misspelt template name or a missing templates folder going unnoticed.
#[test]
fn templates_that_replace_nothing_are_named() {
    let templates = TempDir::new().unwrap();
    std::fs::create_dir_all(templates.path().join("nb")).unwrap();
    std::fs::write(templates.path().join("nb/svarskjma.md"), "# x\n").unwrap();
    let dir = TempDir::new().unwrap();
    let folder = templates.path().to_str().unwrap();

    let output = generate(
        &path(HOSPITAL),
        &dir.path().join("out"),
        &["--templates", folder],
    );
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("svarskjma.md replaces no template"),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean \"nb/svarskjema.md\""),
        "{stderr}"
    );

    let missing = templates.path().join("missing");
    let output = generate(
        &path(HOSPITAL),
        &dir.path().join("out2"),
        &["--templates", missing.to_str().unwrap()],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(!dir.path().join("out2").exists());
}
