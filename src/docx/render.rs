//! Renders the document model into WordprocessingML: blocks, lists,
//! sections and markers go straight into document.xml and footnotes.xml;
//! docx-rs builds the small parts (styles, numbering, header, footer).

use std::collections::BTreeMap;

use docx_rs::{Docx, Footer};

use super::DocxOptions;
use super::model::{Block, Document, Inline, List, Orientation};
use super::numbering::{ListNumbering, MAX_LEVEL};
use super::page;
use super::styles::{self, CODE_BLOCK, HEADING, LIST_PARAGRAPH, QUOTE};
use super::wordml::{self, DOCUMENT_END, DOCUMENT_START, ParagraphProperties};

/// Indent of each block-quote level, in twips.
const QUOTE_INDENT: i32 = 567;

/// What rendering produced: document.xml, the footnotes, the docx-rs
/// document for the other parts, and the hyperlink targets in order of their
/// relationship ids.
pub(crate) struct Rendered {
    /// The docx-rs document: styles, numbering, settings, header and footer.
    pub docx: Docx,
    /// The complete document.xml, paragraph ids 1, 2, 3 …
    pub document: String,
    /// How many paragraphs document.xml holds.
    pub paragraphs: u32,
    /// The `w:footnote` elements of footnotes.xml; paragraph ids still to be set.
    pub footnotes: String,
    pub links: Vec<String>,
    /// The header parts of portrait and of landscape sections.
    pub headers: [String; 2],
}

/// Where a block stands: inside how many lists and quotes, and how far in.
#[derive(Clone, Copy, Default)]
pub(crate) struct Context {
    pub indent: i32,
    pub list_depth: usize,
    pub quote_depth: usize,
}

pub(crate) struct Renderer<'a> {
    pub footnote_definitions: &'a BTreeMap<String, Vec<Block>>,
    pub in_footnote: bool,
    /// The next footnote paragraph is the first of its footnote and carries the mark.
    pub footnote_mark_pending: bool,
    pub footnote_count: usize,
    pub links: Vec<String>,
    pub orientation: Orientation,
    /// The headings the table of contents lists; empty without one.
    pub toc_entries: Vec<page::TocEntry>,
    /// How many listed headings have been rendered (and bookmarked).
    toc_headings: usize,
    numbering: ListNumbering,
    document: String,
    paragraphs: u32,
    footnotes: String,
    footer: Footer,
    options: &'a DocxOptions,
}

/// Renders `document` with the page furniture from `options`.
pub(crate) fn render(document: &Document, options: &DocxOptions) -> Rendered {
    let mut body = String::with_capacity(1 << 16);
    body.push_str(DOCUMENT_START);
    let mut renderer = Renderer {
        footnote_definitions: &document.footnotes,
        in_footnote: false,
        footnote_mark_pending: false,
        footnote_count: 0,
        links: Vec::new(),
        orientation: Orientation::Portrait,
        toc_entries: page::toc_entries(&document.blocks),
        toc_headings: 0,
        numbering: ListNumbering::new(),
        document: body,
        paragraphs: 0,
        footnotes: String::new(),
        footer: page::footer(&options.page_label, &options.of_label),
        options,
    };
    renderer.blocks(&document.blocks, Context::default());
    renderer.finish()
}

impl Renderer<'_> {
    fn finish(mut self) -> Rendered {
        wordml::section_properties(&mut self.document, self.orientation);
        self.document.push_str(DOCUMENT_END);

        let mut docx = Docx::new()
            .styles(styles::styles())
            .numberings(self.numbering.into_numberings());
        docx.document.section_property = page::section(self.orientation, &self.footer);
        let options = self.options;
        let headers = [Orientation::Portrait, Orientation::Landscape]
            .map(|orientation| page::header(&options.title, &options.reference, orientation));
        Rendered {
            docx,
            document: self.document,
            paragraphs: self.paragraphs,
            footnotes: self.footnotes,
            links: self.links,
            headers,
        }
    }

    /// Where text goes now: the body, or the footnote being written.
    pub(crate) fn out(&mut self) -> &mut String {
        if self.in_footnote {
            &mut self.footnotes
        } else {
            &mut self.document
        }
    }

    /// Opens a paragraph in the current part; the first paragraph of a
    /// footnote starts with the footnote mark.
    pub(crate) fn open_paragraph(&mut self, properties: &ParagraphProperties) {
        if self.in_footnote {
            // Footnote paragraph ids are numbered after the body's, when packaged.
            wordml::open_paragraph(&mut self.footnotes, 0, properties);
            if std::mem::take(&mut self.footnote_mark_pending) {
                self.footnotes.push_str(wordml::FOOTNOTE_MARK);
            }
        } else {
            self.paragraphs += 1;
            wordml::open_paragraph(&mut self.document, self.paragraphs, properties);
        }
    }

    /// A whole paragraph of `inlines`.
    pub(crate) fn paragraph(&mut self, properties: &ParagraphProperties, inlines: &[Inline]) {
        self.open_paragraph(properties);
        self.add_inlines(inlines);
        self.out().push_str("</w:p>");
    }

    fn blocks(&mut self, blocks: &[Block], context: Context) {
        for block in blocks {
            self.block(block, context);
        }
    }

    fn block(&mut self, block: &Block, context: Context) {
        match block {
            Block::Heading(level, inlines) => self.heading(*level, inlines),
            Block::Paragraph(inlines) => {
                let properties = ParagraphProperties {
                    keep_next: is_lead_in(inlines),
                    ..styled(context)
                };
                self.paragraph(&properties, inlines);
            }
            Block::Code(code) => self.code(code, context),
            Block::List(list) => self.list(list, context),
            Block::Table(table) => {
                self.table(table, context);
                self.after_table();
            }
            Block::Quote(inner) => {
                let quoted = Context {
                    quote_depth: context.quote_depth + 1,
                    ..context
                };
                self.blocks(inner, quoted);
            }
            Block::Rule => self.rule(),
            Block::Toc => self.toc(),
            Block::PageBreak => self.page_break(),
            Block::Orientation(orientation) => self.orientation(*orientation),
        }
    }

    /// A heading; one the table of contents lists gets the bookmark its line links to.
    fn heading(&mut self, level: u8, inlines: &[Inline]) {
        let index = usize::from(level.clamp(1, 6)) - 1;
        let properties = ParagraphProperties {
            style: Some(HEADING[index]),
            ..Default::default()
        };
        self.open_paragraph(&properties);
        let listed = !self.toc_entries.is_empty() && (1..=page::TOC_LEVELS).contains(&level);
        if listed && !self.in_footnote {
            let anchor = page::toc_anchor(self.toc_headings);
            self.toc_headings += 1;
            let id = self.toc_headings;
            wordml::bookmark(self.out(), id, &anchor);
        }
        self.add_inlines(inlines);
        self.out().push_str("</w:p>");
    }

    /// A code block: one paragraph, lines separated by line breaks.
    fn code(&mut self, code: &str, context: Context) {
        let properties = ParagraphProperties {
            style: Some(CODE_BLOCK),
            indent: (context.indent > 0).then_some(context.indent),
            ..Default::default()
        };
        let format = super::model::Format {
            code: true,
            ..Default::default()
        };
        let text = code.strip_suffix('\n').unwrap_or(code);
        self.open_paragraph(&properties);
        wordml::text_run(self.out(), text, &format);
        self.out().push_str("</w:p>");
    }

    /// A list: the first paragraph of each item carries the number or bullet,
    /// everything else in the item is indented to the item's text.
    fn list(&mut self, list: &List, context: Context) {
        let level = context.list_depth.min(MAX_LEVEL);
        let num = match list.start {
            Some(start) => self.numbering.ordered(level, start),
            None => self.numbering.bullet(),
        };
        let inner = Context {
            indent: styles::list_indent(level).0,
            list_depth: context.list_depth + 1,
            ..context
        };

        for item in &list.items {
            let (first, rest) = match item.split_first() {
                Some((Block::Paragraph(inlines), rest)) => (inlines.as_slice(), rest),
                _ => (&[][..], item.as_slice()),
            };
            let properties = ParagraphProperties {
                style: Some(LIST_PARAGRAPH),
                numbering: Some((num, level)),
                keep_next: is_lead_in(first),
                ..Default::default()
            };
            self.paragraph(&properties, first);
            self.blocks(rest, inner);
        }
    }

    fn toc(&mut self) {
        let listed = !self.toc_entries.is_empty();
        let hint = page::toc_hint(&self.options.language_tag, listed);
        let title = self.options.contents_title.as_str();
        page::table_of_contents(self, title, hint);
    }

    /// A small empty paragraph below a table: what follows keeps a paragraph's
    /// distance from the table's bottom border, two tables never merge, and
    /// the body never ends in a table (LibreOffice then loses the last section).
    fn after_table(&mut self) {
        let properties = ParagraphProperties {
            spacer: true,
            ..Default::default()
        };
        self.paragraph(&properties, &[]);
    }

    /// A paragraph holding only a page break.
    fn page_break(&mut self) {
        self.open_paragraph(&ParagraphProperties::default());
        wordml::break_run(self.out(), "page");
        self.out().push_str("</w:p>");
    }

    /// A thematic break: an empty paragraph with a bottom border.
    fn rule(&mut self) {
        let properties = ParagraphProperties {
            bottom_border: true,
            ..Default::default()
        };
        self.paragraph(&properties, &[]);
    }

    /// Ends the current section when the orientation changes; a marker before
    /// any content just sets the orientation of the first section.
    fn orientation(&mut self, orientation: Orientation) {
        if orientation == self.orientation {
            return;
        }
        if self.paragraphs > 0 {
            let properties = ParagraphProperties {
                section: Some(self.orientation),
                ..Default::default()
            };
            self.paragraph(&properties, &[]);
        }
        self.orientation = orientation;
    }
}

/// A lead-in ("a tender with price P gets:") ends in a colon and belongs on
/// the page of what it introduces.
fn is_lead_in(inlines: &[Inline]) -> bool {
    match inlines.last() {
        Some(Inline::Text(text, _)) => text.trim_end().ends_with(':'),
        _ => false,
    }
}

/// Quote and list-item styling and indent for a body paragraph.
fn styled(context: Context) -> ParagraphProperties<'static> {
    let quote_indent = QUOTE_INDENT * context.quote_depth as i32;
    let indent = Some(context.indent + quote_indent);
    match (context.quote_depth, context.indent) {
        (0, 0) => ParagraphProperties::default(),
        (0, _) => ParagraphProperties {
            style: Some(LIST_PARAGRAPH),
            indent,
            ..Default::default()
        },
        _ => ParagraphProperties {
            style: Some(QUOTE),
            indent,
            ..Default::default()
        },
    }
}
