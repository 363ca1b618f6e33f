//! Numbers as the documents' language writes them: decimal comma and thousands grouped by no-break
//! spaces in Norwegian, decimal point and comma-grouped thousands in English, a true minus sign in both.

use crate::catalogue::Language;

/// Two decimals, as every computed number is shown: `7,33` (nb), `7.33` (en), `−5,00`.
pub fn decimal(value: f64, language: Language) -> String {
    let shown = format!("{:.2}", value.abs());
    let negative = crate::evaluation::hundredths(value) < 0;
    localise(&shown, negative, language)
}

/// A number the user wrote, to the hundredth (øre) and no longer than that: `8`, `7,5`,
/// `1 250 000`, `999,99`.
pub fn plain(value: f64, language: Language) -> String {
    let text = format!("{:.2}", value.abs());
    let shown = text.trim_end_matches('0').trim_end_matches('.');
    let negative = shown
        .bytes()
        .any(|digit| digit.is_ascii_digit() && digit != b'0')
        && value < 0.0;
    localise(shown, negative, language)
}

/// `1234567.5` → `1 234 567,5` (nb) or `1,234,567.5` (en), with `−` for a negative number.
fn localise(digits: &str, negative: bool, language: Language) -> String {
    let (whole, fraction) = match digits.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let (group, point) = match language {
        // A no-break space, so a number is never split over two lines.
        Language::Nb => ('\u{a0}', ','),
        Language::En => (',', '.'),
    };

    let mut text = String::new();
    if negative {
        text.push('−');
    }
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            text.push(group);
        }
        text.push(digit);
    }
    if let Some(fraction) = fraction {
        text.push(point);
        text.push_str(fraction);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_uses_a_decimal_comma_and_spaces_between_thousands() {
        assert_eq!(decimal(7.333_333, Language::Nb), "7,33");
        assert_eq!(decimal(8.061_818, Language::Nb), "8,06");
        assert_eq!(plain(1_250_000.0, Language::Nb), "1\u{a0}250\u{a0}000");
        assert_eq!(plain(7.5, Language::Nb), "7,5");
        assert_eq!(plain(999.0, Language::Nb), "999");
        assert_eq!(plain(999.999, Language::Nb), "1\u{a0}000");
        assert_eq!(plain(0.5, Language::En), "0.5");
    }

    #[test]
    fn english_uses_a_decimal_point_and_commas_between_thousands() {
        assert_eq!(decimal(7.333_333, Language::En), "7.33");
        assert_eq!(plain(1_250_000.25, Language::En), "1,250,000.25");
    }

    #[test]
    fn negative_numbers_get_a_minus_sign_and_a_rounded_zero_has_none() {
        assert_eq!(decimal(-5.0, Language::Nb), "−5,00");
        assert_eq!(decimal(-0.001, Language::Nb), "0,00");
        assert_eq!(plain(-1500.0, Language::En), "−1,500");
    }
}
