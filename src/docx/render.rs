//! Renders the document model into a docx-rs document: blocks, lists,
//! sections and markers.

use std::collections::BTreeMap;

use docx_rs::{
    BorderType, BuildXML, Docx, Footer, Header, IndentLevel, NumberingId, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, SectionProperty, Table,
};

use super::DocxOptions;
use super::model::{Block, Document, Inline, List, Orientation};
use super::numbering::{ListNumbering, MAX_LEVEL};
use super::page;
use super::styles::{self, CODE_BLOCK, HEADING, LIST_PARAGRAPH, QUOTE};
use super::text::xml_safe;

/// Indent of each block-quote level, in twips.
const QUOTE_INDENT: i32 = 567;

/// What rendering produced: the docx-rs document and the hyperlink targets
/// in order of their relationship ids.
pub(crate) struct Rendered {
    pub docx: Docx,
    pub links: Vec<String>,
    /// The header part of landscape sections (docx-rs packs only one header).
    pub landscape_header: Vec<u8>,
}

/// A body element in document order.
enum Child {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
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
    pub footnote_count: usize,
    pub links: Vec<String>,
    pub orientation: Orientation,
    numbering: ListNumbering,
    children: Vec<Child>,
    headers: [Header; 2],
    footer: Footer,
    options: &'a DocxOptions,
}

/// Renders `document` with the page furniture from `options`.
pub(crate) fn render(document: &Document, options: &DocxOptions) -> Rendered {
    let mut renderer = Renderer {
        footnote_definitions: &document.footnotes,
        in_footnote: false,
        footnote_count: 0,
        links: Vec::new(),
        orientation: Orientation::Portrait,
        numbering: ListNumbering::new(),
        children: Vec::new(),
        headers: [
            page::header(&options.title, &options.reference, Orientation::Portrait),
            page::header(&options.title, &options.reference, Orientation::Landscape),
        ],
        footer: page::footer(&options.page_label, &options.of_label),
        options,
    };
    renderer.blocks(&document.blocks, Context::default());
    renderer.finish()
}

impl Renderer<'_> {
    fn finish(self) -> Rendered {
        let last_section = self.section(self.orientation);
        let mut docx = Docx::new()
            .styles(styles::styles())
            .numberings(self.numbering.into_numberings());
        for child in self.children {
            docx = match child {
                Child::Paragraph(paragraph) => docx.add_paragraph(*paragraph),
                Child::Table(table) => docx.add_table(*table),
            };
        }
        docx.document.section_property = last_section;
        let [_, landscape_header] = self.headers;
        Rendered {
            docx,
            links: self.links,
            landscape_header: landscape_header.build(),
        }
    }

    /// Page layout, header and footer of a section in `orientation`.
    fn section(&self, orientation: Orientation) -> SectionProperty {
        let header = match orientation {
            Orientation::Portrait => &self.headers[0],
            Orientation::Landscape => &self.headers[1],
        };
        page::section(orientation, header, &self.footer)
    }

    fn push(&mut self, paragraph: Paragraph) {
        self.children.push(Child::Paragraph(Box::new(paragraph)));
    }

    pub(crate) fn push_table(&mut self, table: Table) {
        self.children.push(Child::Table(Box::new(table)));
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
                let paragraph = self.body_paragraph(inlines, context);
                self.push(paragraph);
            }
            Block::Code(code) => self.code(code, context),
            Block::List(list) => self.list(list, context),
            Block::Table(table) => self.table(table, context),
            Block::Quote(inner) => {
                let quoted = Context {
                    quote_depth: context.quote_depth + 1,
                    ..context
                };
                self.blocks(inner, quoted);
            }
            Block::Rule => self.push(rule()),
            Block::Toc => self.toc(),
            Block::PageBreak => self.push(page::page_break()),
            Block::Orientation(orientation) => self.orientation(*orientation),
        }
    }

    fn heading(&mut self, level: u8, inlines: &[Inline]) {
        let index = usize::from(level.clamp(1, 6)) - 1;
        let paragraph = Paragraph::new().style(HEADING[index]);
        let paragraph = self.add_inlines(paragraph, inlines);
        self.push(paragraph);
    }

    /// A body paragraph, indented inside lists and styled inside quotes.
    fn body_paragraph(&mut self, inlines: &[Inline], context: Context) -> Paragraph {
        let paragraph = styled(Paragraph::new(), context);
        self.add_inlines(paragraph, inlines)
    }

    /// A code block: one paragraph, lines separated by line breaks.
    fn code(&mut self, code: &str, context: Context) {
        let text = xml_safe(code.strip_suffix('\n').unwrap_or(code));
        let mut paragraph = Paragraph::new().style(CODE_BLOCK);
        if context.indent > 0 {
            paragraph = paragraph.indent(Some(context.indent), None, None, None);
        }
        let format = super::model::Format {
            code: true,
            ..Default::default()
        };
        let inlines = [Inline::Text(text, format)];
        let paragraph = self.add_inlines(paragraph, &inlines);
        self.push(paragraph);
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
            let paragraph = Paragraph::new()
                .style(LIST_PARAGRAPH)
                .numbering(NumberingId::new(num), IndentLevel::new(level));
            let paragraph = self.add_inlines(paragraph, first);
            self.push(paragraph);
            self.blocks(rest, inner);
        }
    }

    fn toc(&mut self) {
        let hint = page::toc_hint(&self.options.language_tag);
        for paragraph in page::table_of_contents(&self.options.contents_title, hint) {
            self.push(paragraph);
        }
    }

    /// Ends the current section when the orientation changes; a marker before
    /// any content just sets the orientation of the first section.
    fn orientation(&mut self, orientation: Orientation) {
        if orientation == self.orientation {
            return;
        }
        if !self.children.is_empty() {
            let section = self.section(self.orientation);
            self.push(page::section_break(section));
        }
        self.orientation = orientation;
    }
}

/// Quote and list-item styling and indent for a body paragraph.
fn styled(paragraph: Paragraph, context: Context) -> Paragraph {
    let quote_indent = QUOTE_INDENT * context.quote_depth as i32;
    let indent = context.indent + quote_indent;
    let paragraph = match (context.quote_depth, context.indent) {
        (0, 0) => return paragraph,
        (0, _) => paragraph.style(LIST_PARAGRAPH),
        _ => paragraph.style(QUOTE),
    };
    paragraph.indent(Some(indent), None, None, None)
}

/// A thematic break: an empty paragraph with a bottom border.
fn rule() -> Paragraph {
    let border = ParagraphBorder::new(ParagraphBorderPosition::Bottom)
        .val(BorderType::Single)
        .size(6)
        .space(1)
        .color(styles::BORDER_COLOR);
    let mut paragraph = Paragraph::new();
    paragraph.property = paragraph
        .property
        .set_borders(ParagraphBorders::with_empty().set(border));
    paragraph
}
