//! Problems found in a user's file, each located by file, line and column, quoted and with a hint.

use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a problem is: errors stop the run, warnings are shown and the run goes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A 1-based line and column in a source file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// One problem in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: PathBuf,
    pub position: Position,
    pub message: String,
    pub quote: Option<Quote>,
    pub hint: Option<String>,
}

/// The offending line as shown under a message: at most [`QUOTE_WIDTH`] characters around the
/// column, and where in it the caret goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub text: String,
    pub caret: usize,
}

/// The widest quote shown; a longer line is cut around the column, marked with `…`.
const QUOTE_WIDTH: usize = 100;

impl Diagnostic {
    pub fn error(file: &Path, position: Position, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_path_buf(),
            position,
            message: message.into(),
            quote: None,
            hint: None,
        }
    }

    pub fn warning(file: &Path, position: Position, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, position, message)
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Quotes the offending line of `source` under the message.
    pub fn quoting(mut self, source: &str) -> Self {
        let line = source.lines().nth(self.position.line.saturating_sub(1));
        self.quote = line.map(|line| Quote::around(line, self.position.column));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let Position { line, column } = self.position;
        write!(
            f,
            "{}:{line}:{column}: {label}: {}",
            self.file.display(),
            self.message
        )?;

        if let Some(Quote { text, caret }) = &self.quote {
            let gutter = line.to_string();
            let pad = " ".repeat(gutter.len());
            let caret = " ".repeat(*caret);
            write!(f, "\n {pad} |\n {gutter} | {text}\n {pad} | {caret}^")?;
        }

        if let Some(hint) = &self.hint {
            write!(f, "\n  = hint: {hint}")?;
        }
        Ok(())
    }
}

impl Quote {
    /// `line` with tabs shown as one space, cut to [`QUOTE_WIDTH`] around the 1-based `column`.
    fn around(line: &str, column: usize) -> Quote {
        let chars: Vec<char> = line
            .chars()
            .map(|c| if c == '\t' { ' ' } else { c })
            .collect();
        let at = column.saturating_sub(1).min(chars.len());
        if chars.len() <= QUOTE_WIDTH {
            return Quote {
                text: chars.into_iter().collect(),
                caret: at,
            };
        }

        let start = at
            .saturating_sub(QUOTE_WIDTH / 2)
            .min(chars.len() - QUOTE_WIDTH);
        let end = start + QUOTE_WIDTH;
        let mut text: String = chars[start..end].iter().collect();
        let mut caret = at - start;
        if start > 0 {
            text.insert(0, '…');
            caret += 1;
        }
        if end < chars.len() {
            text.push('…');
        }
        Quote { text, caret }
    }
}

/// Every problem found in one or more files, reported together.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter().filter(|d| !d.is_error())
    }

    /// Sorts by file and position so a file reads top to bottom.
    pub fn sort(&mut self) {
        self.0
            .sort_by(|a, b| (&a.file, a.position).cmp(&(&b.file, b.position)));
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, diagnostic) in self.0.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            writeln!(f, "{diagnostic}")?;
        }
        let errors = self.error_count();
        if errors > 0 {
            let noun = if errors == 1 { "problem" } else { "problems" };
            write!(f, "\n{errors} {noun} to fix")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

/// The closest known word to `word`, if one is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let known: Vec<&str> = known.into_iter().collect();
    let wanted = canonical(word);
    if let Some(same) = known
        .iter()
        .find(|candidate| canonical(candidate) == wanted)
    {
        return Some(same);
    }

    let lowered = word.to_lowercase();
    known
        .into_iter()
        .map(|candidate| {
            (
                strsim::jaro_winkler(&lowered, &candidate.to_lowercase()),
                candidate,
            )
        })
        .filter(|(score, _)| *score >= 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// An id as a user may mistype it, reduced to what matters: `k09`, `K 9` and `K-9` are `k9`.
fn canonical(id: &str) -> String {
    let mut out = String::new();
    let mut digits = String::new();
    for c in id
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '_')
    {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        out.push_str(digits.trim_start_matches('0'));
        digits.clear();
        out.extend(c.to_lowercase());
    }
    out.push_str(digits.trim_start_matches('0'));
    out
}

/// Appends ` (did you mean "X"?)` when a close match exists.
pub fn suggestion<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    did_you_mean(word, known)
        .map(|candidate| format!(" (did you mean \"{candidate}\"?)"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_requirement() {
        assert_eq!(did_you_mean("K11", ["K1", "K2", "K10", "R1"]), Some("K1"));
        assert_eq!(
            did_you_mean("promot", ["promote", "omit", "add"]),
            Some("promote")
        );
        assert_eq!(did_you_mean("zzzz", ["promote", "omit"]), None);
        assert_eq!(did_you_mean("K09", ["K1", "K9", "K10", "K10k"]), Some("K9"));
        assert_eq!(did_you_mean("ex1", ["EX-1", "EX-2"]), Some("EX-1"));
    }

    #[test]
    fn a_long_line_is_quoted_around_the_column() {
        let line = format!("{}X{}", "a".repeat(500), "b".repeat(500));
        let quote = Quote::around(&line, 501);
        assert!(
            quote.text.chars().count() <= QUOTE_WIDTH + 2,
            "{}",
            quote.text
        );
        assert_eq!(quote.text.chars().nth(quote.caret), Some('X'));
        assert!(quote.text.starts_with('…') && quote.text.ends_with('…'));
    }

    #[test]
    fn display_quotes_the_line_with_a_caret_under_the_column() {
        let source = "a: 1\n  - id: K11\n";
        let shown = Diagnostic::error(Path::new("p.yaml"), Position { line: 2, column: 9 }, "bad")
            .quoting(source)
            .with_hint("use K1")
            .to_string();
        assert_eq!(
            shown,
            "p.yaml:2:9: error: bad\n   |\n 2 |   - id: K11\n   |         ^\n  = hint: use K1"
        );
    }
}
