//! The Word styles kravgen documents use: body text, headings, lists, code,
//! quotes, footnotes, header and footer, and the table style.

use docx_rs::{
    AlignmentType, BorderType, LineSpacing, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, RunFonts, Shading, ShdType, SpecialIndentType, Style, StyleType, Styles,
    TableBorder, TableBorderPosition, TableBorders, TableCellMargins, TableProperty, VertAlignType,
    WidthType,
};

pub(crate) const BODY_FONT: &str = "Calibri";
pub(crate) const CODE_FONT: &str = "Consolas";

/// Style ids used in document.xml.
pub(crate) const HEADING: [&str; 6] = [
    "Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6",
];
pub(crate) const LIST_PARAGRAPH: &str = "ListParagraph";
pub(crate) const QUOTE: &str = "Quote";
pub(crate) const CODE_BLOCK: &str = "CodeBlock";
pub(crate) const CODE_CHAR: &str = "CodeChar";
pub(crate) const HYPERLINK: &str = "Hyperlink";
pub(crate) const TABLE: &str = "KravTable";
pub(crate) const TABLE_TEXT: &str = "TableText";
pub(crate) const TOC_HEADING: &str = "TOCHeading";
/// Table of contents lines, levels 1–3 (Word's own style ids, so Word uses them when it updates).
pub(crate) const TOC: [&str; 3] = ["TOC1", "TOC2", "TOC3"];
pub(crate) const FOOTNOTE_TEXT: &str = "FootnoteText";
pub(crate) const HEADER: &str = "Header";
pub(crate) const FOOTER: &str = "Footer";

/// Colour of headings and of the table header row.
const ACCENT: &str = "1F3864";
pub(crate) const HEADER_FILL: &str = "D9E2F3";
pub(crate) const BORDER_COLOR: &str = "8EA9DB";

fn fonts(name: &str) -> RunFonts {
    RunFonts::new()
        .ascii(name)
        .hi_ansi(name)
        .cs(name)
        .east_asia(name)
}

/// All styles, with Calibri 11 pt body text as the document default.
pub(crate) fn styles() -> Styles {
    let mut styles = Styles::new()
        .default_fonts(fonts(BODY_FONT))
        .default_size(22)
        .default_line_spacing(LineSpacing::new().after(120).line(264));

    styles = styles.add_style(title());
    for level in 1..=6 {
        styles = styles.add_style(heading(level));
    }
    for style in [
        list_paragraph(),
        quote(),
        code_block(),
        code_char(),
        hyperlink(),
        table_text(),
        toc_heading(),
        toc_line(1),
        toc_line(2),
        toc_line(3),
        footnote_text(),
        footnote_reference(),
        header_footer(HEADER, "header"),
        header_footer(FOOTER, "footer"),
        table(),
    ] {
        styles = styles.add_style(style);
    }
    styles
}

fn paragraph(id: &str, name: &str) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
}

fn title() -> Style {
    paragraph("Title", "Title")
        .size(52)
        .color(ACCENT)
        .line_spacing(LineSpacing::new().after(240))
}

/// Heading `level` (1–6) with its outline level, so the navigation pane and
/// the table of contents find it.
fn heading(level: usize) -> Style {
    let (size, before) = match level {
        1 => (32, 480),
        2 => (28, 360),
        3 => (24, 280),
        _ => (22, 240),
    };
    let mut style = paragraph(HEADING[level - 1], &format!("heading {level}"))
        .size(size)
        .bold()
        .color(ACCENT)
        .outline_lvl(level - 1)
        .line_spacing(LineSpacing::new().before(before).after(120));
    style.paragraph_property = style.paragraph_property.keep_next(true).keep_lines(true);
    if level >= 4 {
        style = style.italic();
    }
    style
}

fn list_paragraph() -> Style {
    // The package step adds contextual spacing: items sit close together and
    // the list as a whole keeps a paragraph's distance to what follows.
    paragraph(LIST_PARAGRAPH, "List Paragraph").line_spacing(LineSpacing::new().after(120))
}

fn quote() -> Style {
    let mut style =
        paragraph(QUOTE, "Quote")
            .italic()
            .color("404040")
            .indent(Some(567), None, Some(567), None);
    let border = ParagraphBorder::new(ParagraphBorderPosition::Left)
        .val(BorderType::Single)
        .size(18)
        .space(8)
        .color(BORDER_COLOR);
    style.paragraph_property = style
        .paragraph_property
        .set_borders(ParagraphBorders::with_empty().set(border));
    style
}

fn code_block() -> Style {
    let mut style = paragraph(CODE_BLOCK, "Code Block")
        .fonts(fonts(CODE_FONT))
        .size(19)
        .line_spacing(LineSpacing::new().before(60).after(180).line(240));
    style.paragraph_property = style
        .paragraph_property
        .shading(Shading::new().shd_type(ShdType::Clear).fill("F2F2F2"));
    style
}

fn code_char() -> Style {
    let mut style = Style::new(CODE_CHAR, StyleType::Character)
        .name("Code Char")
        .fonts(fonts(CODE_FONT))
        .size(20);
    style.run_property = style
        .run_property
        .shading(Shading::new().shd_type(ShdType::Clear).fill("F2F2F2"));
    style
}

fn hyperlink() -> Style {
    Style::new(HYPERLINK, StyleType::Character)
        .name("Hyperlink")
        .color("0563C1")
        .underline("single")
}

fn table_text() -> Style {
    paragraph(TABLE_TEXT, "Table Text")
        .size(20)
        .line_spacing(LineSpacing::new().before(40).after(40).line(240))
}

fn toc_heading() -> Style {
    paragraph(TOC_HEADING, "TOC Heading")
        .size(32)
        .bold()
        .color(ACCENT)
        .line_spacing(LineSpacing::new().before(240).after(120))
}

/// A table of contents line of `level` (1–3), indented 0.5 cm per level below
/// the first. No tab stop: the page numbers are empty until Word updates the
/// field, and then Word sets its own dotted tab.
fn toc_line(level: usize) -> Style {
    let indent = 284 * (level as i32 - 1);
    paragraph(TOC[level - 1], &format!("toc {level}"))
        .indent(Some(indent), None, None, None)
        .line_spacing(LineSpacing::new().after(60))
}

fn footnote_text() -> Style {
    paragraph(FOOTNOTE_TEXT, "footnote text")
        .size(18)
        .line_spacing(LineSpacing::new().after(0).line(240))
}

fn footnote_reference() -> Style {
    let mut style =
        Style::new("FootnoteReference", StyleType::Character).name("footnote reference");
    style.run_property = style.run_property.vert_align(VertAlignType::SuperScript);
    style
}

fn header_footer(id: &str, name: &str) -> Style {
    paragraph(id, name)
        .size(18)
        .color("595959")
        .line_spacing(LineSpacing::new().after(0).line(240))
}

/// The table style: thin borders everywhere and roomy cell margins. The
/// shaded, bold header row is added to styles.xml by the package step
/// (docx-rs has no conditional table formatting) and set on the cells too.
fn table() -> Style {
    let margins = TableCellMargins::new()
        .margin_top(40, WidthType::Dxa)
        .margin_bottom(40, WidthType::Dxa)
        .margin_left(100, WidthType::Dxa)
        .margin_right(100, WidthType::Dxa);
    let property = TableProperty::new()
        .set_borders(table_borders())
        .set_margins(margins);
    Style::new(TABLE, StyleType::Table)
        .name("Krav Table")
        .table_property(property)
        .align(AlignmentType::Left)
}

/// Thin borders around and between all cells.
pub(crate) fn table_borders() -> TableBorders {
    let mut borders = TableBorders::new();
    for position in [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ] {
        let border = TableBorder::new(position)
            .border_type(BorderType::Single)
            .size(4)
            .color(BORDER_COLOR);
        borders = borders.set(border);
    }
    borders
}

/// Hanging indent of list level `level` (0-based): text at 720 twips per level.
pub(crate) fn list_indent(level: usize) -> (i32, SpecialIndentType) {
    (
        360 * (level as i32 + 1) + 360,
        SpecialIndentType::Hanging(360),
    )
}
