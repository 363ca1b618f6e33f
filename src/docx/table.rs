//! GFM tables as Word tables: fixed grid sized to the content, shaded bold
//! header row, column alignment.

use super::layout::{ColumnText, column_widths, text_width};
use super::model::{self, Align, Inline, plain_text};
use super::render::{Context, Renderer};
use super::styles::TABLE_TEXT;
use super::wordml::{self, ParagraphProperties};

impl Renderer<'_> {
    /// Renders `table` to fit the text width of the current section.
    pub(crate) fn table(&mut self, table: &model::Table, context: Context) {
        let available = text_width(self.orientation).saturating_sub(context.indent.max(0) as u32);
        let widths = column_widths(&longest_texts(table), available);

        let indent = (context.indent > 0).then_some(context.indent);
        wordml::open_table(self.out(), &widths, indent);
        self.row(&table.head, &widths, &table.aligns, true);
        for row in &table.rows {
            self.row(row, &widths, &table.aligns, false);
        }
        self.out().push_str("</w:tbl>");
    }

    fn row(&mut self, cells: &[Vec<Inline>], widths: &[u32], aligns: &[Align], head: bool) {
        wordml::open_row(self.out(), head);
        for (index, width) in widths.iter().enumerate() {
            let inlines = cells.get(index).map(Vec::as_slice).unwrap_or_default();
            let align = aligns.get(index).copied().unwrap_or(Align::None);
            self.cell(inlines, *width, align, head);
        }
        self.out().push_str("</w:tr>");
    }

    fn cell(&mut self, inlines: &[Inline], width: u32, align: Align, head: bool) {
        wordml::open_cell(self.out(), width, head);
        let properties = ParagraphProperties {
            style: Some(TABLE_TEXT),
            align: alignment(align),
            ..Default::default()
        };
        if head {
            self.paragraph(&properties, &emboldened(inlines));
        } else {
            self.paragraph(&properties, inlines);
        }
        self.out().push_str("</w:tc>");
    }
}

/// What each column holds: its longest body cell in characters and the longest word of its
/// header. A column whose body cells are all empty is there to be filled in (an answer, a status,
/// a comment) and is weighted as if it held some text, to leave room to write.
fn longest_texts(table: &model::Table) -> Vec<ColumnText> {
    let mut columns = vec![ColumnText::default(); table.aligns.len()];
    for row in &table.rows {
        for (column, cell) in row.iter().enumerate() {
            if let Some(slot) = columns.get_mut(column) {
                slot.longest = slot.longest.max(plain_text(cell).chars().count());
            }
        }
    }

    for (column, cell) in table.head.iter().enumerate() {
        let header = plain_text(cell);
        let word = header
            .split_whitespace()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0);
        if let Some(slot) = columns.get_mut(column) {
            let fill_in = slot.longest == 0 && !table.rows.is_empty();
            slot.header_word = word;
            if fill_in {
                slot.longest = FILL_IN;
            }
        }
    }
    columns
}

/// The characters a fill-in column is weighted as.
const FILL_IN: usize = 20;

fn alignment(align: Align) -> Option<&'static str> {
    match align {
        Align::None => None,
        Align::Left => Some("left"),
        Align::Center => Some("center"),
        Align::Right => Some("right"),
    }
}

/// Header cells are bold whatever their Markdown says.
fn emboldened(inlines: &[Inline]) -> Vec<Inline> {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(text, format) => {
                let mut format = format.clone();
                format.bold = true;
                Inline::Text(text.clone(), format)
            }
            other => other.clone(),
        })
        .collect()
}
