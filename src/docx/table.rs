//! GFM tables as Word tables: fixed grid sized to the content, shaded bold
//! header row, column alignment.

use docx_rs::{
    AlignmentType, Paragraph, Shading, ShdType, Table, TableCell, TableLayoutType, TableRow,
    WidthType,
};

use super::layout::{ColumnText, column_widths, text_width};
use super::model::{self, Align, Inline, plain_text};
use super::render::{Context, Renderer};
use super::styles::{HEADER_FILL, TABLE, TABLE_TEXT, table_borders};

impl Renderer<'_> {
    /// Renders `table` to fit the text width of the current section.
    pub(crate) fn table(&mut self, table: &model::Table, context: Context) {
        let available = text_width(self.orientation).saturating_sub(context.indent.max(0) as u32);
        let widths = column_widths(&longest_texts(table), available);

        let mut rows = vec![self.row(&table.head, &widths, &table.aligns, true)];
        for row in &table.rows {
            rows.push(self.row(row, &widths, &table.aligns, false));
        }

        let total: u32 = widths.iter().sum();
        let mut word_table = Table::new(rows)
            .set_grid(widths.iter().map(|w| *w as usize).collect())
            .style(TABLE)
            .set_borders(table_borders())
            .layout(TableLayoutType::Fixed)
            .width(total as usize, WidthType::Dxa);
        if context.indent > 0 {
            word_table = word_table.indent(context.indent);
        }
        self.push_table(word_table);
    }

    fn row(
        &mut self,
        cells: &[Vec<Inline>],
        widths: &[u32],
        aligns: &[Align],
        head: bool,
    ) -> TableRow {
        let mut word_cells = Vec::new();
        for (index, width) in widths.iter().enumerate() {
            let inlines = cells.get(index).map(Vec::as_slice).unwrap_or_default();
            let align = aligns.get(index).copied().unwrap_or(Align::None);
            word_cells.push(self.cell(inlines, *width, align, head));
        }
        TableRow::new(word_cells).cant_split()
    }

    fn cell(&mut self, inlines: &[Inline], width: u32, align: Align, head: bool) -> TableCell {
        let mut paragraph = Paragraph::new().style(TABLE_TEXT);
        if let Some(alignment) = alignment(align) {
            paragraph = paragraph.align(alignment);
        }

        let paragraph = if head {
            self.add_inlines(paragraph, &emboldened(inlines))
        } else {
            self.add_inlines(paragraph, inlines)
        };

        let cell = TableCell::new()
            .width(width as usize, WidthType::Dxa)
            .add_paragraph(paragraph);
        if head {
            cell.shading(Shading::new().shd_type(ShdType::Clear).fill(HEADER_FILL))
        } else {
            cell
        }
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

fn alignment(align: Align) -> Option<AlignmentType> {
    match align {
        Align::None => None,
        Align::Left => Some(AlignmentType::Left),
        Align::Center => Some(AlignmentType::Center),
        Align::Right => Some(AlignmentType::Right),
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
