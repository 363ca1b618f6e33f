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

/// Shares `total` between columns by the longest text in each (in characters):
/// every column gets a minimum and the rest goes by weight. Widths are > 0 and
/// their sum never exceeds `total`.
pub(crate) fn column_widths(longest: &[usize], total: u32) -> Vec<u32> {
    let columns = longest.len().max(1) as u32;
    let minimum = MIN_COLUMN.min(total / columns).max(1);
    let spare = total.saturating_sub(minimum * columns) as u64;

    let weights: Vec<u64> = longest
        .iter()
        .map(|len| (*len).clamp(MIN_WEIGHT, MAX_WEIGHT) as u64)
        .collect();
    let weight_sum: u64 = weights.iter().sum::<u64>().max(1);

    weights
        .iter()
        .map(|weight| minimum + (spare * weight / weight_sum) as u32)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_fit_and_favour_long_text() {
        let widths = column_widths(&[3, 200, 10], text_width(Orientation::Portrait));
        assert!(widths.iter().all(|w| *w > 0));
        assert!(widths.iter().sum::<u32>() <= text_width(Orientation::Portrait));
        assert!(widths[1] > widths[2] && widths[2] > widths[0]);
    }

    #[test]
    fn many_columns_still_fit() {
        let widths = column_widths(&[1; 40], 9070);
        assert!(widths.iter().all(|w| *w > 0));
        assert!(widths.iter().sum::<u32>() <= 9070);
    }
}
