//! The document model between Markdown and Word: blocks and inline pieces.

use std::collections::BTreeMap;

/// Horizontal alignment of a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Align {
    None,
    Left,
    Center,
    Right,
}

/// Formatting that applies to a piece of text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Format {
    pub bold: bool,
    pub italic: bool,
    pub strike: bool,
    pub code: bool,
    pub link: Option<String>,
}

/// One inline piece of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Inline {
    Text(String, Format),
    HardBreak,
    FootnoteRef(String),
}

/// One table: column alignments, the header row and the body rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Table {
    pub aligns: Vec<Align>,
    pub head: Vec<Vec<Inline>>,
    pub rows: Vec<Vec<Vec<Inline>>>,
}

/// One list: `start` is `Some` for an ordered list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct List {
    pub start: Option<u64>,
    pub items: Vec<Vec<Block>>,
}

/// Page orientation of a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Orientation {
    Portrait,
    Landscape,
}

/// One block of the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    Heading(u8, Vec<Inline>),
    Paragraph(Vec<Inline>),
    Code(String),
    List(List),
    Table(Table),
    Quote(Vec<Block>),
    Rule,
    Toc,
    PageBreak,
    Orientation(Orientation),
}

/// A parsed document: its blocks and its footnote definitions by label.
#[derive(Debug, Default)]
pub(crate) struct Document {
    pub blocks: Vec<Block>,
    pub footnotes: BTreeMap<String, Vec<Block>>,
}

/// The plain text of inline pieces, footnote references left out.
pub(crate) fn plain_text(inlines: &[Inline]) -> String {
    let mut text = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(t, _) => text.push_str(t),
            Inline::HardBreak => text.push(' '),
            Inline::FootnoteRef(_) => {}
        }
    }
    text
}
