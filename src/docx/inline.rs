//! Inline pieces as Word runs: formatting, hyperlinks, breaks and footnotes.

use docx_rs::{
    BreakType, Footnote, Hyperlink, HyperlinkData, HyperlinkType, Paragraph, Run, RunFonts,
};

use super::model::{Block, Format, Inline, plain_text};
use super::render::Renderer;
use super::styles::{CODE_CHAR, CODE_FONT, FOOTNOTE_TEXT, HYPERLINK};
use super::text::xml_safe;

/// Relationship id of the hyperlink target with this index.
pub(crate) fn link_rid(index: usize) -> String {
    format!("rIdLink{}", index + 1)
}

impl Renderer<'_> {
    /// Appends the runs of `inlines` to `paragraph`.
    pub(crate) fn add_inlines(
        &mut self,
        mut paragraph: Paragraph,
        inlines: &[Inline],
    ) -> Paragraph {
        for inline in inlines {
            paragraph = match inline {
                Inline::Text(text, format) => self.add_text(paragraph, text, format),
                Inline::HardBreak => {
                    paragraph.add_run(Run::new().add_break(BreakType::TextWrapping))
                }
                Inline::FootnoteRef(label) => self.add_footnote(paragraph, label),
            };
        }
        paragraph
    }

    fn add_text(&mut self, paragraph: Paragraph, text: &str, format: &Format) -> Paragraph {
        let run = formatted_run(&xml_safe(text), format);
        match &format.link {
            Some(url) => {
                let rid = self.link(url);
                let mut hyperlink = Hyperlink::new(url.as_str(), HyperlinkType::External);
                hyperlink.link = HyperlinkData::External {
                    rid,
                    path: String::new(),
                };
                paragraph.add_hyperlink(hyperlink.add_run(run))
            }
            None => paragraph.add_run(run),
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
    fn add_footnote(&mut self, paragraph: Paragraph, label: &str) -> Paragraph {
        let body = match self.footnote_definitions.get(label) {
            Some(body) if !self.in_footnote => body,
            _ => {
                let text = format!("[^{label}]");
                return self.add_text(paragraph, &text, &Format::default());
            }
        };

        self.in_footnote = true;
        let content = self.footnote_paragraphs(body);
        self.in_footnote = false;

        self.footnote_count += 1;
        let footnote = Footnote {
            id: self.footnote_count,
            content,
        };
        paragraph.add_run(Run::new().add_footnote_reference(footnote))
    }

    /// Footnote bodies hold paragraphs only: other blocks become text paragraphs.
    fn footnote_paragraphs(&mut self, blocks: &[Block]) -> Vec<Paragraph> {
        let mut paragraphs = Vec::new();
        for block in blocks {
            let inlines = match block {
                Block::Paragraph(inlines) | Block::Heading(_, inlines) => inlines.clone(),
                Block::Code(code) => vec![Inline::Text(code.clone(), code_format())],
                Block::Quote(inner) => {
                    paragraphs.extend(self.footnote_paragraphs(inner));
                    continue;
                }
                Block::List(list) => {
                    for item in &list.items {
                        paragraphs.extend(self.footnote_paragraphs(item));
                    }
                    continue;
                }
                Block::Table(table) => table_as_text(table),
                _ => continue,
            };
            let paragraph = Paragraph::new().style(FOOTNOTE_TEXT);
            paragraphs.push(self.add_inlines(paragraph, &inlines));
        }
        if paragraphs.is_empty() {
            paragraphs.push(Paragraph::new().style(FOOTNOTE_TEXT));
        }
        paragraphs
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

/// One run with the formatting of `format`; newlines become line breaks.
fn formatted_run(text: &str, format: &Format) -> Run {
    let mut run = Run::new();
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(line);
    }

    if format.link.is_some() {
        run = run.style(HYPERLINK);
        if format.code {
            run = run.fonts(RunFonts::new().ascii(CODE_FONT).hi_ansi(CODE_FONT));
        }
    } else if format.code {
        run = run.style(CODE_CHAR);
    }
    if format.bold {
        run = run.bold();
    }
    if format.italic {
        run = run.italic();
    }
    if format.strike {
        run = run.strike();
    }
    run
}
