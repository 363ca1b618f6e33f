//! Inline pieces as Word runs: formatting, hyperlinks, breaks and footnotes.

use std::fmt::Write;

use super::model::{Block, Format, Inline, plain_text};
use super::render::Renderer;
use super::styles::FOOTNOTE_TEXT;
use super::wordml::{self, ParagraphProperties};

/// Relationship id of the hyperlink target with this index.
pub(crate) fn link_rid(index: usize) -> String {
    format!("rIdLink{}", index + 1)
}

impl Renderer<'_> {
    /// Writes the runs of `inlines` into the open paragraph.
    pub(crate) fn add_inlines(&mut self, inlines: &[Inline]) {
        for inline in inlines {
            match inline {
                Inline::Text(text, format) => self.add_text(text, format),
                Inline::HardBreak => wordml::break_run(self.out(), "textWrapping"),
                Inline::FootnoteRef(label) => self.add_footnote(label),
            }
        }
    }

    fn add_text(&mut self, text: &str, format: &Format) {
        match &format.link {
            Some(url) => {
                let rid = self.link(url);
                let out = self.out();
                wordml::open_hyperlink(out, &rid);
                wordml::text_run(out, text, format);
                out.push_str("</w:hyperlink>");
            }
            None => wordml::text_run(self.out(), text, format),
        }
    }

    /// The relationship id for `url`, one per distinct target.
    fn link(&mut self, url: &str) -> String {
        let index = match self.links.iter().position(|known| known == url) {
            Some(index) => index,
            None => {
                self.links.push(url.to_string());
                self.links.len() - 1
            }
        };
        link_rid(index)
    }

    /// A real footnote when the label is defined (each reference gets its own
    /// footnote); otherwise the reference stays as text.
    fn add_footnote(&mut self, label: &str) {
        let body = match self.footnote_definitions.get(label) {
            Some(body) if !self.in_footnote => body,
            _ => {
                let text = format!("[^{label}]");
                return self.add_text(&text, &Format::default());
            }
        };

        self.footnote_count += 1;
        let id = self.footnote_count;
        self.in_footnote = true;
        self.footnote_mark_pending = true;
        let _ = write!(self.out(), r#"<w:footnote w:id="{id}">"#);
        if self.footnote_paragraphs(body) == 0 {
            self.paragraph(&footnote_text(), &[]);
        }
        self.out().push_str("</w:footnote>");
        self.in_footnote = false;

        wordml::footnote_reference(self.out(), id);
    }

    /// Footnote bodies hold paragraphs only: other blocks become text
    /// paragraphs. Returns how many paragraphs were written.
    fn footnote_paragraphs(&mut self, blocks: &[Block]) -> usize {
        let mut count = 0;
        for block in blocks {
            let inlines = match block {
                Block::Paragraph(inlines) | Block::Heading(_, inlines) => inlines.clone(),
                Block::Code(code) => vec![Inline::Text(code.clone(), code_format())],
                Block::Quote(inner) => {
                    count += self.footnote_paragraphs(inner);
                    continue;
                }
                Block::List(list) => {
                    for item in &list.items {
                        count += self.footnote_paragraphs(item);
                    }
                    continue;
                }
                Block::Table(table) => table_as_text(table),
                _ => continue,
            };
            self.paragraph(&footnote_text(), &inlines);
            count += 1;
        }
        count
    }
}

fn footnote_text() -> ParagraphProperties<'static> {
    ParagraphProperties {
        style: Some(FOOTNOTE_TEXT),
        ..Default::default()
    }
}

fn code_format() -> Format {
    Format {
        code: true,
        ..Format::default()
    }
}

/// A table inside a footnote: one line per row, cells separated by " | ".
fn table_as_text(table: &super::model::Table) -> Vec<Inline> {
    let mut inlines = Vec::new();
    for row in std::iter::once(&table.head).chain(&table.rows) {
        if !inlines.is_empty() {
            inlines.push(Inline::HardBreak);
        }
        let cells: Vec<String> = row.iter().map(|cell| plain_text(cell)).collect();
        inlines.push(Inline::Text(cells.join(" | "), Format::default()));
    }
    inlines
}
