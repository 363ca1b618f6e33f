//! Text safety: what may reach a Word XML part and how it is escaped.

/// Line endings as `\n` only, so CRLF and LF input give the same document.
pub(crate) fn normalize_newlines(markdown: &str) -> String {
    markdown.replace("\r\n", "\n").replace('\r', "\n")
}

/// Drops characters XML 1.0 forbids (control characters such as U+000B,
/// U+FFFE, U+FFFF) and carriage returns; tabs and newlines stay.
pub(crate) fn xml_safe(text: &str) -> String {
    text.chars().filter(|c| is_xml_char(*c)).collect()
}

fn is_xml_char(c: char) -> bool {
    match c {
        '\t' | '\n' => true,
        '\u{FFFE}' | '\u{FFFF}' => false,
        c => c >= ' ',
    }
}

/// Escapes text for an XML attribute or element we write ourselves.
pub(crate) fn escape_xml(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in xml_safe(text).chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_carriage_returns_are_dropped() {
        assert_eq!(xml_safe("a\u{b}b\rc\td\ne\u{FFFF}"), "abc\td\ne");
    }

    #[test]
    fn escaping_happens_once() {
        assert_eq!(escape_xml("Drift & <pris>"), "Drift &amp; &lt;pris&gt;");
    }
}
