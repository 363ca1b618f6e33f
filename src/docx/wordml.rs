//! WordprocessingML of the body and the footnotes, written straight into the
//! part text in the schema's order: no element tree, no reordering pass.

use std::fmt::Write;

use super::layout::{HEADER_DISTANCE, MARGIN, page_size};
use super::model::{Format, Orientation};
use super::page::{FOOTER_RID, HEADER_RID, LANDSCAPE_HEADER_RID};
use super::styles::{BORDER_COLOR, CODE_CHAR, CODE_FONT, HEADER_FILL, HYPERLINK, TABLE};
use super::text::push_escaped;

/// The start of document.xml up to the first body element.
pub(crate) const DOCUMENT_START: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:document xmlns:o="urn:schemas-microsoft-com:office:office" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:v="urn:schemas-microsoft-com:vml" "#,
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:w10="urn:schemas-microsoft-com:office:word" "#,
    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
    r#"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#,
    r#"xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" "#,
    r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
    r#"xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" "#,
    r#"xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" "#,
    r#"xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 wp14">"#,
    "<w:body>"
);

pub(crate) const DOCUMENT_END: &str = "</w:body></w:document>";

/// The footnote number mark and a space that open every footnote.
pub(crate) const FOOTNOTE_MARK: &str = concat!(
    r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference" /></w:rPr><w:footnoteRef /></w:r>"#,
    r#"<w:r><w:t xml:space="preserve"> </w:t></w:r>"#
);

/// Lets the table style's first-row formatting apply.
const TABLE_LOOK: &str = concat!(
    r#"<w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" "#,
    r#"w:lastColumn="0" w:noHBand="1" w:noVBand="1" />"#
);

/// The paragraph properties kravgen sets; all `None` writes no `w:pPr`.
#[derive(Clone, Copy, Default)]
pub(crate) struct ParagraphProperties<'a> {
    pub style: Option<&'a str>,
    /// Num id and level of a list paragraph.
    pub numbering: Option<(usize, usize)>,
    pub bottom_border: bool,
    pub indent: Option<i32>,
    pub align: Option<&'static str>,
    /// Keeps the paragraph on the page of the next one (a lead-in ending in ":").
    pub keep_next: bool,
    /// An empty paragraph with a 1 pt mark: only its spacing after counts
    /// (the gap below a table).
    pub spacer: bool,
    /// Ends a section of this orientation (a tiny empty paragraph).
    pub section: Option<Orientation>,
}

impl ParagraphProperties<'_> {
    fn is_empty(&self) -> bool {
        self.style.is_none()
            && self.numbering.is_none()
            && !self.bottom_border
            && self.indent.is_none()
            && self.align.is_none()
            && !self.keep_next
            && !self.spacer
            && self.section.is_none()
    }
}

/// Paragraph mark properties of an empty paragraph that should take no room.
const TINY_MARK: &str = r#"<w:rPr><w:sz w:val="2" /><w:szCs w:val="2" /></w:rPr>"#;

/// A spacer is exactly 6 pt high, the distance of one paragraph to the next.
const SPACER_SPACING: &str =
    r#"<w:spacing w:before="0" w:after="0" w:line="120" w:lineRule="exact" />"#;

/// Opens `w:p` with its id and properties; `</w:p>` closes it.
pub(crate) fn open_paragraph(out: &mut String, id: u32, properties: &ParagraphProperties) {
    let _ = write!(out, r#"<w:p w14:paraId="{id:08X}">"#);
    if properties.is_empty() {
        return;
    }
    out.push_str("<w:pPr>");
    if let Some(style) = properties.style {
        let _ = write!(out, r#"<w:pStyle w:val="{style}" />"#);
    }
    if properties.keep_next {
        out.push_str("<w:keepNext />");
    }
    if let Some((num, level)) = properties.numbering {
        let _ = write!(
            out,
            r#"<w:numPr><w:numId w:val="{num}" /><w:ilvl w:val="{level}" /></w:numPr>"#
        );
    }
    if properties.bottom_border {
        let _ = write!(
            out,
            r#"<w:pBdr><w:bottom w:val="single" w:space="1" w:sz="6" w:color="{BORDER_COLOR}" /></w:pBdr>"#
        );
    }
    if properties.spacer {
        out.push_str(SPACER_SPACING);
    }
    if let Some(indent) = properties.indent {
        let _ = write!(out, r#"<w:ind w:left="{indent}" w:right="0" />"#);
    }
    if let Some(align) = properties.align {
        let _ = write!(out, r#"<w:jc w:val="{align}" />"#);
    }
    if properties.spacer || properties.section.is_some() {
        out.push_str(TINY_MARK);
    }
    if let Some(orientation) = properties.section {
        section_properties(out, orientation);
    }
    out.push_str("</w:pPr>");
}

/// Page size, margins, header and footer of a section.
pub(crate) fn section_properties(out: &mut String, orientation: Orientation) {
    let (width, height) = page_size(orientation);
    let (orient, header) = match orientation {
        Orientation::Portrait => ("portrait", HEADER_RID),
        Orientation::Landscape => ("landscape", LANDSCAPE_HEADER_RID),
    };
    let _ = write!(
        out,
        concat!(
            r#"<w:sectPr><w:headerReference w:type="default" r:id="{header}" />"#,
            r#"<w:footerReference w:type="default" r:id="{footer}" />"#,
            r#"<w:pgSz w:w="{width}" w:h="{height}" w:orient="{orient}" />"#,
            r#"<w:pgMar w:top="{m}" w:right="{m}" w:bottom="{m}" w:left="{m}" "#,
            r#"w:header="{d}" w:footer="{d}" w:gutter="0" />"#,
            r#"<w:cols w:space="425" w:num="1" /></w:sectPr>"#
        ),
        header = header,
        footer = FOOTER_RID,
        width = width,
        height = height,
        orient = orient,
        m = MARGIN,
        d = HEADER_DISTANCE,
    );
}

/// One run of `text` (made XML-safe and escaped here) with the formatting of
/// `format`; newlines become line breaks.
pub(crate) fn text_run(out: &mut String, text: &str, format: &Format) {
    out.push_str("<w:r>");
    run_properties(out, format);
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push_str(r#"<w:br w:type="textWrapping" />"#);
        }
        out.push_str(r#"<w:t xml:space="preserve">"#);
        push_escaped(out, line);
        out.push_str("</w:t>");
    }
    out.push_str("</w:r>");
}

/// Run properties in schema order: style, fonts, bold, italic, strike.
fn run_properties(out: &mut String, format: &Format) {
    let style = match (&format.link, format.code) {
        (Some(_), _) => Some(HYPERLINK),
        (None, true) => Some(CODE_CHAR),
        (None, false) => None,
    };
    let code_link = format.link.is_some() && format.code;
    if style.is_none() && !format.bold && !format.italic && !format.strike {
        out.push_str("<w:rPr />");
        return;
    }
    out.push_str("<w:rPr>");
    if let Some(style) = style {
        let _ = write!(out, r#"<w:rStyle w:val="{style}" />"#);
    }
    if code_link {
        let _ = write!(
            out,
            r#"<w:rFonts w:ascii="{CODE_FONT}" w:hAnsi="{CODE_FONT}" />"#
        );
    }
    if format.bold {
        out.push_str("<w:b /><w:bCs />");
    }
    if format.italic {
        out.push_str("<w:i /><w:iCs />");
    }
    if format.strike {
        out.push_str("<w:strike />");
    }
    out.push_str("</w:rPr>");
}

/// A run holding one break: "textWrapping" or "page".
pub(crate) fn break_run(out: &mut String, kind: &str) {
    let _ = write!(out, r#"<w:r><w:rPr /><w:br w:type="{kind}" /></w:r>"#);
}

pub(crate) fn footnote_reference(out: &mut String, id: usize) {
    let _ = write!(
        out,
        r#"<w:r><w:rPr><w:rStyle w:val="FootnoteReference" /></w:rPr><w:footnoteReference w:id="{id}" /></w:r>"#
    );
}

pub(crate) fn open_hyperlink(out: &mut String, rid: &str) {
    let _ = write!(out, r#"<w:hyperlink r:id="{rid}" w:history="1">"#);
}

/// An internal hyperlink to the bookmark `anchor`; runs follow, `</w:hyperlink>` closes.
pub(crate) fn open_anchor_link(out: &mut String, anchor: &str) {
    let _ = write!(out, r#"<w:hyperlink w:anchor="{anchor}" w:history="1">"#);
}

/// A tab and the page number of the bookmark `anchor` as a PAGEREF field,
/// as Word writes a table of contents line. The number is unknown before
/// layout, so its cached result is empty until the field is updated.
pub(crate) fn page_reference(out: &mut String, anchor: &str) {
    out.push_str("<w:r><w:rPr /><w:tab /></w:r>");
    field_start(out, &format!(r"PAGEREF {anchor} \h"));
    field_end(out);
}

/// A bookmark around nothing: a target for the table of contents.
pub(crate) fn bookmark(out: &mut String, id: usize, name: &str) {
    let _ = write!(
        out,
        r#"<w:bookmarkStart w:id="{id}" w:name="{name}" /><w:bookmarkEnd w:id="{id}" />"#
    );
}

/// The start of a complex field (begin, instruction, separator); the cached
/// result follows and may span paragraphs, [`field_end`] closes the field.
pub(crate) fn field_start(out: &mut String, instruction: &str) {
    out.push_str(r#"<w:r><w:rPr /><w:fldChar w:fldCharType="begin" w:dirty="true" /></w:r>"#);
    let _ = write!(
        out,
        "<w:r><w:rPr /><w:instrText> {instruction} </w:instrText></w:r>"
    );
    out.push_str(r#"<w:r><w:rPr /><w:fldChar w:fldCharType="separate" w:dirty="false" /></w:r>"#);
}

pub(crate) fn field_end(out: &mut String) {
    out.push_str(r#"<w:r><w:rPr /><w:fldChar w:fldCharType="end" w:dirty="false" /></w:r>"#);
}

/// Opens `w:tbl` with its properties and grid; rows follow, `</w:tbl>` closes.
pub(crate) fn open_table(out: &mut String, widths: &[u32], indent: Option<i32>) {
    let total: u32 = widths.iter().sum();
    let _ = write!(
        out,
        r#"<w:tbl><w:tblPr><w:tblStyle w:val="{TABLE}" /><w:tblW w:w="{total}" w:type="dxa" /><w:jc w:val="left" />"#
    );
    if let Some(indent) = indent {
        let _ = write!(out, r#"<w:tblInd w:w="{indent}" w:type="dxa" />"#);
    }
    out.push_str("<w:tblBorders>");
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ = write!(
            out,
            r#"<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{BORDER_COLOR}" />"#
        );
    }
    out.push_str(r#"</w:tblBorders><w:tblLayout w:type="fixed" />"#);
    out.push_str(TABLE_LOOK);
    out.push_str("</w:tblPr><w:tblGrid>");
    for width in widths {
        let _ = write!(out, r#"<w:gridCol w:w="{width}" w:type="dxa" />"#);
    }
    out.push_str("</w:tblGrid>");
}

/// Opens a row that is never split across pages; the header row repeats.
pub(crate) fn open_row(out: &mut String, head: bool) {
    out.push_str("<w:tr><w:trPr><w:cantSplit />");
    if head {
        out.push_str("<w:tblHeader />");
    }
    out.push_str("</w:trPr>");
}

/// Opens a cell of `width` twips; header cells are shaded.
pub(crate) fn open_cell(out: &mut String, width: u32, head: bool) {
    let _ = write!(out, r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa" />"#);
    if head {
        let _ = write!(
            out,
            r#"<w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}" />"#
        );
    }
    out.push_str("</w:tcPr>");
}

#[cfg(test)]
mod tests {
    use super::super::{order, parse, render, text};

    const MARKDOWN: &str = concat!(
        "# Krav\n\n<!-- kravgen:toc -->\n\n",
        "Tekst **fet *kursiv* ~~strek~~** [`kode`](https://x.no/?a=1&b=2)[^n] \"sitat\".\n\n",
        "- punkt\n\n  | A | B |\n  |:--|--:|\n  | 1 | |\n\n  ```\n  kode\n  ```\n\n",
        "> sitat\n\n---\n\n<!-- kravgen:landscape -->\n\n1. en\n\n",
        "<!-- kravgen:page-break -->\n\n[^n]: Fotnote med `kode`.\n"
    );

    fn rendered() -> render::Rendered {
        let options = super::super::DocxOptions {
            title: "Tittel".into(),
            author: "Oppdragsgiver".into(),
            reference: "2026/1".into(),
            date: None,
            language_tag: "nb-NO".into(),
            page_label: "Side".into(),
            of_label: "av".into(),
            contents_title: "Innhold".into(),
        };
        let markdown = text::normalize_newlines(MARKDOWN);
        render::render(&parse::parse(&markdown), &options)
    }

    #[test]
    fn body_and_footnotes_are_written_in_schema_order() {
        let rendered = rendered();
        let footnotes = super::super::fixup::footnotes_part(&rendered.footnotes);
        for part in [rendered.document, footnotes] {
            assert_eq!(order::schema_order(&part), part);
        }
    }

    #[test]
    fn paragraph_ids_count_the_body_paragraphs() {
        let rendered = rendered();
        let ids = rendered.document.matches("w14:paraId=").count();
        assert_eq!(ids, rendered.paragraphs as usize);
        let last = format!(r#"w14:paraId="{:08X}""#, rendered.paragraphs);
        assert!(rendered.document.contains(&last));
    }
}
