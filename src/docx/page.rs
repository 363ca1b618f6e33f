//! Page furniture: sections (A4 portrait or landscape), the running header
//! and footer, fields (page numbers, table of contents) and breaks.

use std::fmt::Write;

use docx_rs::{
    AlignmentType, FieldCharType, Footer, InstrText, PageMargin, PageOrientationType, PageSize,
    Paragraph, Run, SectionProperty,
};

use super::layout::{HEADER_DISTANCE, MARGIN, page_size, text_width};
use super::model::{Block, Format, Inline, Orientation, plain_text};
use super::render::Renderer;
use super::styles::{FOOTER, HEADER, TOC, TOC_HEADING};
use super::text::xml_safe;
use super::wordml::{self, ParagraphProperties};

/// Relationship ids of the headers (portrait, landscape) and the footer.
pub(crate) const HEADER_RID: &str = "rIdHeader1";
pub(crate) const LANDSCAPE_HEADER_RID: &str = "rIdHeader2";
pub(crate) const FOOTER_RID: &str = "rIdFooter1";

/// The line that opens the table of contents until Word updates it. When the
/// headings are listed below it (`listed`), only the page numbers are missing.
pub(crate) fn toc_hint(language_tag: &str, listed: bool) -> &'static str {
    let english = language_tag.to_ascii_lowercase().starts_with("en");
    match (english, listed) {
        (true, true) => {
            "The table of contents gets its page numbers when the document is opened in Word \
             (or right-click it and choose Update Field)."
        }
        (true, false) => {
            "The table of contents is filled in when the document is opened in Word \
             (or right-click it and choose Update Field)."
        }
        (false, true) => {
            "Innholdsfortegnelsen får sidetall når dokumentet åpnes i Word \
             (eller høyreklikk og velg Oppdater felt)."
        }
        (false, false) => {
            "Innholdsfortegnelsen fylles ut når dokumentet åpnes i Word \
             (eller høyreklikk og velg Oppdater felt)."
        }
    }
}

/// Page size, margins and footer of the last section, for docx-rs, which
/// then builds the footer part. The header parts are written by [`header`],
/// one per orientation, so each uses its own section's text width.
pub(crate) fn section(orientation: Orientation, footer: &Footer) -> SectionProperty {
    let (width, height) = page_size(orientation);
    let orient = match orientation {
        Orientation::Portrait => PageOrientationType::Portrait,
        Orientation::Landscape => PageOrientationType::Landscape,
    };
    let margin = MARGIN as i32;
    let distance = HEADER_DISTANCE as i32;
    SectionProperty::new()
        .page_size(PageSize::new().size(width, height).orient(orient))
        .page_margin(
            PageMargin::new()
                .top(margin)
                .bottom(margin)
                .left(margin)
                .right(margin)
                .header(distance)
                .footer(distance)
                .gutter(0),
        )
        .footer(footer.clone(), FOOTER_RID)
}

/// The running header part of a section of `orientation`: the title on the
/// left and the case reference on the right of a borderless two-column table
/// as wide as that section's text, so a long title wraps in its own column
/// instead of running into the reference.
pub(crate) fn header(title: &str, reference: &str, orientation: Orientation) -> String {
    let mut xml = String::from(HEADER_START);
    let style = ParagraphProperties {
        style: Some(HEADER),
        ..Default::default()
    };
    if reference.is_empty() {
        header_paragraph(&mut xml, &style, title);
        xml.push_str("</w:hdr>");
        return xml;
    }

    let total = text_width(orientation);
    let reference_width = reference_column(reference, total);
    let widths = [total - reference_width, reference_width];
    let _ = write!(
        xml,
        r#"<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa" /><w:tblBorders>"#
    );
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ = write!(
            xml,
            r#"<w:{side} w:val="none" w:sz="0" w:space="0" w:color="auto" />"#
        );
    }
    xml.push_str(concat!(
        r#"</w:tblBorders><w:tblLayout w:type="fixed" /><w:tblCellMar>"#,
        r#"<w:left w:w="0" w:type="dxa" /><w:right w:w="0" w:type="dxa" /></w:tblCellMar>"#,
        r#"<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" "#,
        r#"w:lastColumn="0" w:noHBand="1" w:noVBand="1" /></w:tblPr><w:tblGrid>"#
    ));
    for width in widths {
        let _ = write!(xml, r#"<w:gridCol w:w="{width}" />"#);
    }
    xml.push_str("</w:tblGrid><w:tr>");
    let right = ParagraphProperties {
        align: Some("right"),
        ..style
    };
    for (width, properties, text) in [(widths[0], style, title), (widths[1], right, reference)] {
        let _ = write!(
            xml,
            r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa" /></w:tcPr>"#
        );
        header_paragraph(&mut xml, &properties, text);
        xml.push_str("</w:tc>");
    }
    // A header ends with a paragraph; this one takes no room.
    xml.push_str("</w:tr></w:tbl>");
    let tiny = ParagraphProperties {
        spacer: true,
        ..style
    };
    header_paragraph(&mut xml, &tiny, "");
    xml.push_str("</w:hdr>");
    xml
}

/// Width of the reference column: the reference's length in header-sized
/// characters and a gap to the title, at most half the text width.
fn reference_column(reference: &str, total: u32) -> u32 {
    let characters = reference.chars().count() as u32;
    (characters * HEADER_CHAR + HEADER_GAP).min(total / 2)
}

/// Twips a 9 pt header character takes at most, and the gap between title and reference.
const HEADER_CHAR: u32 = 120;
const HEADER_GAP: u32 = 340;

/// One header paragraph; paragraph ids are set when packaged.
fn header_paragraph(xml: &mut String, properties: &ParagraphProperties, text: &str) {
    wordml::open_paragraph(xml, 0, properties);
    if !text.is_empty() {
        wordml::text_run(xml, text, &Format::default());
    }
    xml.push_str("</w:p>");
}

/// The start of a header part up to its first block.
const HEADER_START: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:hdr xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
    r#"xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14">"#
);

/// "Side X av Y" with PAGE and NUMPAGES fields, centred.
pub(crate) fn footer(page_label: &str, of_label: &str) -> Footer {
    let mut paragraph = Paragraph::new().style(FOOTER).align(AlignmentType::Center);
    paragraph = paragraph.add_run(Run::new().add_text(format!("{} ", xml_safe(page_label))));
    paragraph = add_field(paragraph, "PAGE", "1");
    paragraph = paragraph.add_run(Run::new().add_text(format!(" {} ", xml_safe(of_label))));
    paragraph = add_field(paragraph, "NUMPAGES", "1");
    Footer::new().add_paragraph(paragraph)
}

/// A complex field: begin, instruction, separator, cached result, end.
fn add_field(paragraph: Paragraph, instruction: &str, result: &str) -> Paragraph {
    paragraph
        .add_run(Run::new().add_field_char(FieldCharType::Begin, true))
        .add_run(Run::new().add_instr_text(InstrText::Unsupported(format!(" {instruction} "))))
        .add_run(Run::new().add_field_char(FieldCharType::Separate, false))
        .add_run(Run::new().add_text(result))
        .add_run(Run::new().add_field_char(FieldCharType::End, false))
}

/// Deepest heading level the table of contents lists.
pub(crate) const TOC_LEVELS: u8 = 3;

/// One line of the table of contents: a heading's level, text and bookmark.
pub(crate) struct TocEntry {
    pub level: u8,
    pub text: String,
    pub anchor: String,
}

/// Bookmark name of the `index`th listed heading (0-based, in document order).
pub(crate) fn toc_anchor(index: usize) -> String {
    format!("_Toc_kravgen_{}", index + 1)
}

/// The headings the table of contents lists, in the order they are rendered
/// (quotes and list items included); empty when the document has no table
/// of contents, so no heading gets a bookmark it does not need.
pub(crate) fn toc_entries(blocks: &[Block]) -> Vec<TocEntry> {
    fn has_toc(blocks: &[Block]) -> bool {
        blocks.iter().any(|block| matches!(block, Block::Toc))
    }
    fn collect(blocks: &[Block], entries: &mut Vec<TocEntry>) {
        for block in blocks {
            match block {
                Block::Heading(level, inlines) if (1..=TOC_LEVELS).contains(level) => {
                    entries.push(TocEntry {
                        level: *level,
                        text: plain_text(inlines),
                        anchor: toc_anchor(entries.len()),
                    });
                }
                Block::Quote(inner) => collect(inner, entries),
                Block::List(list) => list.items.iter().for_each(|item| collect(item, entries)),
                _ => {}
            }
        }
    }
    let mut entries = Vec::new();
    if has_toc(blocks) {
        collect(blocks, &mut entries);
    }
    entries
}

/// The contents heading and a TOC field over heading levels 1–3. The field's
/// cached result is what a word processor that does not update fields shows:
/// a line saying Word adds the page numbers, then one linked line per heading,
/// indented by level. Word rebuilds it on open (updateFields).
pub(crate) fn table_of_contents(renderer: &mut Renderer, title: &str, hint: &str) {
    let heading = ParagraphProperties {
        style: Some(TOC_HEADING),
        ..Default::default()
    };
    renderer.paragraph(
        &heading,
        &[Inline::Text(title.to_string(), Format::default())],
    );

    renderer.open_paragraph(&ParagraphProperties::default());
    wordml::field_start(renderer.out(), r#"TOC \o "1-3" \h \z \u"#);
    wordml::text_run(renderer.out(), hint, &Format::default());
    if renderer.toc_entries.is_empty() {
        wordml::field_end(renderer.out());
        renderer.out().push_str("</w:p>");
        return;
    }
    renderer.out().push_str("</w:p>");

    let entries = std::mem::take(&mut renderer.toc_entries);
    for (index, entry) in entries.iter().enumerate() {
        let properties = ParagraphProperties {
            style: Some(TOC[usize::from(entry.level) - 1]),
            ..Default::default()
        };
        renderer.open_paragraph(&properties);
        let out = renderer.out();
        wordml::open_anchor_link(out, &entry.anchor);
        wordml::text_run(out, &entry.text, &Format::default());
        wordml::page_reference(out, &entry.anchor);
        out.push_str("</w:hyperlink>");
        if index + 1 == entries.len() {
            wordml::field_end(out);
        }
        out.push_str("</w:p>");
    }
    renderer.toc_entries = entries;
}
