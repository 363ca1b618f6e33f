//! Reads every corpus DOCX back and compares its text, paragraph by paragraph
//! and table cell by cell, with the text of the Markdown it came from.

mod docx_support;

use docx_support::{WordBlock, body_blocks, convert, corpus, generated_examples, normalize, part};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A block of expected text: a paragraph or a table of cells.
#[derive(Debug, PartialEq)]
enum Expected {
    Paragraph(String),
    Table(Vec<Vec<String>>),
}

/// Text blocks of the Markdown, taken with pulldown-cmark independently of
/// the converter: markers and footnote bodies (they live in footnotes.xml)
/// left out.
fn markdown_blocks(markdown: &str) -> Vec<Expected> {
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let mut collector = Collector::default();
    for event in Parser::new_ext(markdown, options) {
        collector.event(event);
    }
    collector.flush();
    collector.blocks
}

#[derive(Default)]
struct Collector {
    blocks: Vec<Expected>,
    buffer: String,
    footnote_depth: usize,
    table: Option<Vec<Vec<String>>>,
}

impl Collector {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::FootnoteDefinition(_)) => self.footnote_depth += 1,
            Event::End(TagEnd::FootnoteDefinition) => self.footnote_depth -= 1,
            _ if self.footnote_depth > 0 => {}
            Event::Start(Tag::Table(_)) => {
                self.flush();
                self.table = Some(Vec::new());
            }
            Event::End(TagEnd::Table) => {
                if let Some(table) = self.table.take() {
                    self.blocks.push(Expected::Table(table));
                }
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                if let Some(table) = &mut self.table {
                    table.push(Vec::new());
                }
            }
            Event::End(TagEnd::TableCell) => {
                let cell = normalize(&std::mem::take(&mut self.buffer));
                if let Some(row) = self.table.as_mut().and_then(|t| t.last_mut()) {
                    row.push(cell);
                }
            }
            Event::Start(tag) if is_block(&tag.to_end()) => self.flush(),
            Event::End(tag) if is_block(&tag) => self.flush(),
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                self.buffer.push_str(&without_control_characters(&t))
            }
            Event::SoftBreak | Event::HardBreak => self.buffer.push(' '),
            _ => {}
        }
    }

    fn flush(&mut self) {
        let text = normalize(&std::mem::take(&mut self.buffer));
        if !text.is_empty() && !text.starts_with("<!-- kravgen:") {
            self.blocks.push(Expected::Paragraph(text));
        }
    }
}

/// XML cannot carry control characters such as U+000B; the converter drops them.
fn without_control_characters(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n'))
        .collect()
}

fn is_block(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::HtmlBlock
            | TagEnd::List(_)
            | TagEnd::Item
    )
}

/// Text blocks of document.xml: empty paragraphs (section and page breaks,
/// rules) and the table of contents (a field and its heading) left out.
fn word_blocks(docx: &[u8]) -> Vec<Expected> {
    body_blocks(&part(docx, "word/document.xml"))
        .into_iter()
        .filter_map(|block| match block {
            WordBlock::Paragraph(p) if p.has_field || p.style.as_deref() == Some("TOCHeading") => {
                None
            }
            WordBlock::Paragraph(p) => {
                let text = normalize(&p.text);
                (!text.is_empty()).then_some(Expected::Paragraph(text))
            }
            WordBlock::Table(rows) => Some(Expected::Table(
                rows.iter()
                    .map(|row| row.iter().map(|cell| normalize(cell)).collect())
                    .collect(),
            )),
        })
        .collect()
}

#[test]
fn docx_text_matches_markdown_text_for_the_whole_corpus() {
    for (name, markdown) in corpus() {
        let expected = markdown_blocks(&markdown);
        let actual = word_blocks(&convert(&markdown));
        assert!(!expected.is_empty(), "{name}: no text in the Markdown");
        for (index, (want, got)) in expected.iter().zip(&actual).enumerate() {
            assert_eq!(want, got, "{name}: block {index} differs");
        }
        assert_eq!(expected.len(), actual.len(), "{name}: block count differs");
    }
}

#[test]
fn generated_documents_read_back_as_the_markdown_they_came_from() {
    for document in generated_examples() {
        let expected = markdown_blocks(&document.markdown);
        let actual = word_blocks(&document.docx);
        for (index, (want, got)) in expected.iter().zip(&actual).enumerate() {
            assert_eq!(want, got, "{}: block {index} differs", document.name);
        }
        assert_eq!(
            expected.len(),
            actual.len(),
            "{}: block count differs",
            document.name
        );
    }
}

#[test]
fn readback_notices_missing_text() {
    let docx = convert("Første avsnitt.\n\nAndre avsnitt.\n");
    let expected = markdown_blocks("Første avsnitt.\n\nAndre avsnitt.\n\nTredje.\n");
    assert_ne!(word_blocks(&docx), expected);
}
