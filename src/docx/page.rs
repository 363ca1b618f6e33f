//! Page furniture: sections (A4 portrait or landscape), the running header
//! and footer, fields (page numbers, table of contents) and breaks.

use docx_rs::{
    AlignmentType, FieldCharType, Footer, Header, InstrText, PageMargin, PageOrientationType,
    PageSize, Paragraph, Run, SectionProperty, Tab, TabValueType,
};

use super::layout::{HEADER_DISTANCE, MARGIN, page_size, text_width};
use super::model::{Format, Inline, Orientation};
use super::render::Renderer;
use super::styles::{FOOTER, HEADER, TOC_HEADING};
use super::text::xml_safe;
use super::wordml::{self, ParagraphProperties};

/// Relationship ids of the headers (portrait, landscape) and the footer.
pub(crate) const HEADER_RID: &str = "rIdHeader1";
pub(crate) const LANDSCAPE_HEADER_RID: &str = "rIdHeader2";
pub(crate) const FOOTER_RID: &str = "rIdFooter1";

/// The text shown where the table of contents will be until Word updates it.
pub(crate) fn toc_hint(language_tag: &str) -> &'static str {
    if language_tag.to_ascii_lowercase().starts_with("en") {
        "The table of contents is filled in when the document is opened in Word \
         (or right-click it and choose Update Field)."
    } else {
        "Innholdsfortegnelsen fylles ut når dokumentet åpnes i Word \
         (eller høyreklikk og velg Oppdater felt)."
    }
}

/// Page size, margins, header and footer of one section.
pub(crate) fn section(
    orientation: Orientation,
    header: &Header,
    footer: &Footer,
) -> SectionProperty {
    let (width, height) = page_size(orientation);
    let (orient, header_rid) = match orientation {
        Orientation::Portrait => (PageOrientationType::Portrait, HEADER_RID),
        Orientation::Landscape => (PageOrientationType::Landscape, LANDSCAPE_HEADER_RID),
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
        .header(header.clone(), header_rid)
        .footer(footer.clone(), FOOTER_RID)
}

/// Title on the left and the case reference at the right margin of a
/// section of the given orientation (a right tab stop at the text width).
pub(crate) fn header(title: &str, reference: &str, orientation: Orientation) -> Header {
    let mut paragraph = Paragraph::new()
        .style(HEADER)
        .add_run(Run::new().add_text(xml_safe(title)));
    if !reference.is_empty() {
        let stop = Tab::new()
            .val(TabValueType::Right)
            .pos(text_width(orientation) as usize);
        paragraph = paragraph
            .add_tab(stop)
            .add_run(Run::new().add_tab().add_text(xml_safe(reference)));
    }
    Header::new().add_paragraph(paragraph)
}

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

/// The contents heading and a TOC field over heading levels 1–3 whose cached
/// result is a hint, so no word processor shows raw field codes.
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
    wordml::field(renderer.out(), r#"TOC \o "1-3" \h \z \u"#, hint);
    renderer.out().push_str("</w:p>");
}
