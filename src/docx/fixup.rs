//! Post-processing of docx-rs's XML parts for what docx-rs 0.4 cannot say:
//! the document language, the header-row table style, field updating,
//! the footnotes part with its separators, and stable paragraph ids.

use super::styles::HEADER_FILL;

/// docx-rs writes an empty `w:rPr` first in `w:pPr`, where the schema wants
/// it last; an empty one says nothing, so it goes.
pub(crate) fn drop_empty_paragraph_run_properties(xml: &str) -> String {
    xml.replace("<w:pPr><w:rPr /></w:pPr>", "")
        .replace("<w:pPr><w:rPr />", "<w:pPr>")
}

/// The document language as the default of every run, the table style's
/// shaded, bold header row, and contextual spacing for list paragraphs.
pub(crate) fn complete_styles(xml: &str, language_tag: &str) -> String {
    let lang = format!(
        r#"<w:lang w:val="{0}" w:eastAsia="{0}" w:bidi="ar-SA" /></w:rPr></w:rPrDefault>"#,
        super::text::escape_xml(language_tag)
    );
    let first_row = format!(
        r#"<w:tblStylePr w:type="firstRow"><w:rPr><w:b /><w:bCs /></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}" /></w:tcPr></w:tblStylePr></w:style></w:styles>"#
    );
    let styles = drop_empty_paragraph_run_properties(xml)
        .replacen("</w:rPr></w:rPrDefault>", &lang, 1)
        .replacen("</w:style></w:styles>", &first_row, 1);
    let list_style = r#"w:styleId="ListParagraph">"#;
    insert_after_each(&styles, list_style, "<w:pPr>", "<w:contextualSpacing />")
}

/// Word updates fields (the table of contents) on open; footnote separators.
pub(crate) fn complete_settings(xml: &str) -> String {
    let additions = concat!(
        r#"<w:updateFields w:val="true" />"#,
        r#"<w:footnotePr><w:footnote w:id="-1" /><w:footnote w:id="0" /></w:footnotePr>"#,
        "<w:compat>"
    );
    xml.replacen("<w:compat>", additions, 1)
}

/// The footnotes part: separator footnotes, then `footnotes` (the
/// `w:footnote` elements of the document).
pub(crate) fn footnotes_part(footnotes: &str) -> String {
    format!("{FOOTNOTES_START}{SEPARATORS}{footnotes}</w:footnotes>")
}

const FOOTNOTES_START: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
    r#"xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14">"#
);

const SEPARATORS: &str = concat!(
    r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto" /></w:pPr><w:r><w:separator /></w:r></w:p></w:footnote>"#,
    r#"<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto" /></w:pPr><w:r><w:continuationSeparator /></w:r></w:p></w:footnote>"#
);

/// After each `anchor`, inserts `insertion` behind the next `after`.
fn insert_after_each(xml: &str, anchor: &str, after: &str, insertion: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(start) = rest.find(anchor) {
        let Some(offset) = rest[start..].find(after) else {
            break;
        };
        let split = start + offset + after.len();
        out.push_str(&rest[..split]);
        out.push_str(insertion);
        rest = &rest[split..];
    }
    out.push_str(rest);
    out
}

/// Renumbers `w14:paraId` values across the parts after document.xml, so ids
/// never depend on how many documents the process built before.
pub(crate) struct ParagraphIds {
    next: u32,
}

impl ParagraphIds {
    /// Ids that continue after the `count` paragraphs of document.xml.
    pub(crate) fn after(count: u32) -> Self {
        ParagraphIds { next: count + 1 }
    }

    pub(crate) fn renumber(&mut self, xml: &str) -> String {
        const ATTRIBUTE: &str = "w14:paraId=\"";
        let mut out = String::with_capacity(xml.len());
        let mut rest = xml;
        while let Some(start) = rest.find(ATTRIBUTE) {
            let value_start = start + ATTRIBUTE.len();
            let Some(length) = rest[value_start..].find('"') else {
                break;
            };
            out.push_str(&rest[..value_start]);
            out.push_str(&format!("{:08X}", self.next));
            self.next += 1;
            rest = &rest[value_start + length..];
        }
        out.push_str(rest);
        out
    }
}
