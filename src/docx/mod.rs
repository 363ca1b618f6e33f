//! Markdown to DOCX: owns the Word rendering of kravgen's tender documents,
//! from parsing Markdown to a reproducible, compressed package.

mod fixup;
mod inline;
mod layout;
mod model;
mod numbering;
mod order;
mod package;
mod page;
mod parse;
mod render;
mod styles;
mod table;
mod text;
mod wordml;

pub use parse::{LANDSCAPE_MARKER, PAGE_BREAK_MARKER, PORTRAIT_MARKER, TOC_MARKER};

/// What the document says about itself and the words of its page furniture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxOptions {
    /// Document title: core property and running header.
    pub title: String,
    /// Core property creator (the buyer).
    pub author: String,
    /// Case reference shown in the running header; may be empty.
    pub reference: String,
    /// "YYYY-MM-DD" for created and modified; `None` gives 2000-01-01T00:00:00Z.
    pub date: Option<String>,
    /// Document language, "nb-NO" or "en-GB".
    pub language_tag: String,
    /// Footer "Side X av Y": `page_label` = "Side", `of_label` = "av".
    pub page_label: String,
    pub of_label: String,
    /// Heading above the table of contents: "Innhold" or "Contents".
    pub contents_title: String,
}

/// Why a DOCX could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    #[error("document date \"{0}\" is not a date of the form YYYY-MM-DD")]
    Date(String),
    #[error("could not write the DOCX package: {0}")]
    Zip(#[from] zip::result::ZipError),
    #[error("could not write the DOCX package: {0}")]
    Io(#[from] std::io::Error),
}

/// Converts Markdown to DOCX bytes; the same input always gives the same bytes.
pub fn markdown_to_docx(markdown: &str, options: &DocxOptions) -> Result<Vec<u8>, DocxError> {
    let markdown = text::normalize_newlines(markdown);
    let document = parse::parse(&markdown);
    let rendered = render::render(&document, options);
    package::package(rendered, options)
}
