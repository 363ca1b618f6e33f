//! Page geometry (A4, margins) and table column widths, all in twips.

use super::model::Orientation;

/// A4 width and height in twips.
pub(crate) const A4_SHORT: u32 = 11906;
pub(crate) const A4_LONG: u32 = 16838;

/// 2.5 cm margins on all sides.
pub(crate) const MARGIN: u32 = 1418;

/// Distance of header and footer from the page edge (1.25 cm).
pub(crate) const HEADER_DISTANCE: u32 = 709;

/// Narrowest column a table gets, enough for a short ID such as "K10".
const MIN_COLUMN: u32 = 850;

/// Longest cell text that still earns a column more width.
const MAX_WEIGHT: usize = 60;

/// Fewest characters a column is weighted by, so a short column stays readable.
const MIN_WEIGHT: usize = 4;

/// Page width and height of a section.
pub(crate) fn page_size(orientation: Orientation) -> (u32, u32) {
    match orientation {
        Orientation::Portrait => (A4_SHORT, A4_LONG),
        Orientation::Landscape => (A4_LONG, A4_SHORT),
    }
}

/// Width between the left and right margins.
pub(crate) fn text_width(orientation: Orientation) -> u32 {
    page_size(orientation).0 - 2 * MARGIN
}

/// Twips a character of a bold header takes at most, plus the cell's own margins: enough that a
/// header word is not split even in a wide fallback font.
const HEADER_CHAR: u32 = 140;
const CELL_MARGINS: u32 = 250;

/// What a column holds: its longest text and the longest word of its header, in characters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct ColumnText {
    pub(crate) longest: usize,
    pub(crate) header_word: usize,
}

/// Shares `total` between columns: every column first gets its minimum (room for its header's
/// longest word, never less than [`MIN_COLUMN`]), the rest goes by the longest text in each.
/// Widths are > 0 and their sum never exceeds `total`.
pub(crate) fn column_widths(columns: &[ColumnText], total: u32) -> Vec<u32> {
    let minimums = minimums(columns, total);
    let spare = total.saturating_sub(minimums.iter().sum()) as u64;

    let weights: Vec<u64> = columns
        .iter()
        .map(|column| column.longest.clamp(MIN_WEIGHT, MAX_WEIGHT) as u64)
        .collect();
    let weight_sum: u64 = weights.iter().sum::<u64>().max(1);

    minimums
        .iter()
        .zip(&weights)
        .map(|(minimum, weight)| minimum + (spare * weight / weight_sum) as u32)
        .collect()
}

/// Each column's minimum, scaled down evenly when together they would not fit.
fn minimums(columns: &[ColumnText], total: u32) -> Vec<u32> {
    let wanted: Vec<u32> = columns
        .iter()
        .map(|column| MIN_COLUMN.max(column.header_word as u32 * HEADER_CHAR + CELL_MARGINS))
        .collect();
    let sum: u64 = wanted.iter().map(|w| *w as u64).sum::<u64>().max(1);
    if sum <= total as u64 {
        return wanted;
    }
    wanted
        .iter()
        .map(|w| ((*w as u64 * total as u64 / sum) as u32).max(1))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_fit_and_favour_long_text() {
        let columns = [3, 200, 10].map(|longest| ColumnText {
            longest,
            header_word: 2,
        });
        let widths = column_widths(&columns, text_width(Orientation::Portrait));
        assert!(widths.iter().all(|w| *w > 0));
        assert!(widths.iter().sum::<u32>() <= text_width(Orientation::Portrait));
        assert!(widths[1] > widths[2] && widths[2] > widths[0]);
    }

    #[test]
    fn a_header_word_gets_room_before_text_is_shared() {
        let columns = [
            ColumnText {
                longest: 4,
                header_word: 2,
            },
            ColumnText {
                longest: 60,
                header_word: 4,
            },
            ColumnText {
                longest: 2,
                header_word: 10,
            },
        ];
        let widths = column_widths(&columns, text_width(Orientation::Portrait));
        assert!(widths[2] >= 10 * HEADER_CHAR + CELL_MARGINS, "{widths:?}");
        assert!(widths.iter().sum::<u32>() <= text_width(Orientation::Portrait));
    }

    #[test]
    fn many_columns_still_fit() {
        let widths = column_widths(
            &[ColumnText {
                longest: 1,
                header_word: 12,
            }; 40],
            9070,
        );
        assert!(widths.iter().all(|w| *w > 0));
        assert!(widths.iter().sum::<u32>() <= 9070);
    }
}
