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
    push_escaped(&mut escaped, text);
    escaped
}

/// Appends `text` to `out` without the characters XML forbids, escaped.
pub(crate) fn push_escaped(out: &mut String, text: &str) {
    let plain = |c: char| is_xml_char(c) && !matches!(c, '&' | '<' | '>' | '"' | '\'');
    if text.chars().all(plain) {
        out.push_str(text);
        return;
    }
    for c in text.chars().filter(|c| is_xml_char(*c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
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
