//! Rendering documents from tera templates to Markdown: the built-in templates, a user's
//! overrides, and the escaping that keeps every value a user wrote literal text.

use std::io::Write;
use std::path::Path;

use tera::{Context, Tera};

use crate::Error;

/// The built-in templates, compiled into kravgen: `LANGUAGE/NAME.md`.
const BUILT_IN: &[(&str, &str)] = &[
    (
        "nb/kravspesifikasjon.md",
        include_str!("../templates/nb/kravspesifikasjon.md"),
    ),
    (
        "nb/svarskjema.md",
        include_str!("../templates/nb/svarskjema.md"),
    ),
    (
        "nb/evalueringsmatrise.md",
        include_str!("../templates/nb/evalueringsmatrise.md"),
    ),
    (
        "nb/rammebetingelser.md",
        include_str!("../templates/nb/rammebetingelser.md"),
    ),
    (
        "nb/evalueringsresultat.md",
        include_str!("../templates/nb/evalueringsresultat.md"),
    ),
    (
        "en/requirements-specification.md",
        include_str!("../templates/en/requirements-specification.md"),
    ),
    (
        "en/response-form.md",
        include_str!("../templates/en/response-form.md"),
    ),
    (
        "en/evaluation-matrix.md",
        include_str!("../templates/en/evaluation-matrix.md"),
    ),
    (
        "en/framework-conditions.md",
        include_str!("../templates/en/framework-conditions.md"),
    ),
    (
        "en/evaluation-results.md",
        include_str!("../templates/en/evaluation-results.md"),
    ),
];

/// The templates documents are rendered with.
pub struct Templates {
    tera: Tera,
}

impl Templates {
    /// The built-in templates, each replaced by `DIR/LANGUAGE/NAME.md` where a user has one.
    pub fn load(overrides: Option<&Path>) -> Result<Templates, Error> {
        if let Some(dir) = overrides.filter(|dir| !dir.is_dir()) {
            return Err(Error::Usage(format!(
                "error: the templates folder {} does not exist\n  = hint: --templates takes a folder holding nb/NAME.md and en/NAME.md files",
                dir.display()
            )));
        }
        for warning in overrides.map(unused_templates).unwrap_or_default() {
            eprintln!("{warning}");
        }
        let mut tera = Tera::default();
        tera.autoescape_on([".md"]);
        tera.set_escape_fn(escape_markdown);

        for (name, built_in) in BUILT_IN {
            let own = overrides
                .map(|dir| dir.join(name))
                .filter(|path| path.is_file());
            let text = match &own {
                Some(path) => read_template(path)?,
                None => built_in.to_string(),
            };
            tera.add_raw_template(name, &text).map_err(|error| {
                let origin =
                    own.map_or_else(|| format!("templates/{name}"), |p| p.display().to_string());
                Error::Usage(format!(
                    "error: {origin}: the template cannot be read: {}",
                    chain(&error)
                ))
            })?;
        }
        Ok(Templates { tera })
    }

    /// Renders the template `name` (e.g. `nb/svarskjema.md`) with `context`.
    pub fn render(&self, name: &str, context: &Context) -> Result<String, Error> {
        self.tera.render(name, context).map_err(|error| {
            Error::Usage(format!("error: cannot render {name}: {}", chain(&error)))
        })
    }
}

fn read_template(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// Warnings for the `.md` files in a user's templates folder that replace no built-in template
/// (a misspelt name, or a file outside `nb/` and `en/`): they would silently do nothing.
pub fn unused_templates(dir: &Path) -> Vec<String> {
    let known: Vec<&str> = BUILT_IN.iter().map(|(name, _)| *name).collect();
    let mut warnings = Vec::new();
    for folder in ["", "nb", "en"] {
        let Ok(entries) = std::fs::read_dir(dir.join(folder)) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let relative = match folder {
                "" => name.clone(),
                _ => format!("{folder}/{name}"),
            };
            if name.ends_with(".md") && !known.contains(&relative.as_str()) {
                warnings.push(format!(
                    "warning: {} replaces no template and is not used{}; kravgen's templates are {}",
                    dir.join(&relative).display(),
                    crate::diagnostic::suggestion(&relative, known.iter().copied()),
                    known.join(", ")
                ));
            }
        }
    }
    warnings.sort();
    warnings
}

/// The error with every cause, on one line.
fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    text
}

/// Writes `input` so that Markdown shows it literally, in a paragraph, a heading or a table cell:
/// punctuation that could start markup is backslash-escaped, a line break becomes a space, a
/// number followed by `.` or `)` cannot start a list, and control characters are dropped.
pub fn escape_markdown(input: &str, buf: &mut dyn Write) -> std::io::Result<()> {
    buf.write_all(escape(input).as_bytes())
}

/// The escaped text (see [`escape_markdown`]).
pub fn escape(input: &str) -> String {
    let line = input
        .split(breaking_space)
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::with_capacity(line.len() + 8);
    let mut chars = line.chars().peekable();
    let mut index = 0;
    while let Some(c) = chars.next() {
        let ends_marker = chars.peek().is_none_or(|next| next.is_whitespace());
        let number_so_far = !out.is_empty() && out.chars().all(|d| d.is_ascii_digit());
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '&' | '~' | '!' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if index == 0 => {
                out.push('\\');
                out.push(c);
            }
            '.' | ')' if number_so_far && ends_marker => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
        index += 1;
    }
    out
}

/// White space that may break a line: everything but the no-break spaces, which keep a number
/// or a "40 %" together.
fn breaking_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}')
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markdown_and_table_syntax_is_escaped() {
        assert_eq!(escape("Ja | Nei | Delvis"), "Ja \\| Nei \\| Delvis");
        assert_eq!(
            escape("*fet* _kursiv_ `kode`"),
            "\\*fet\\* \\_kursiv\\_ \\`kode\\`"
        );
        assert_eq!(escape("# ikke overskrift"), "\\# ikke overskrift");
        assert_eq!(escape("<pris eks. mva>"), "\\<pris eks. mva\\>");
        assert_eq!(escape("[lenke](x)"), "\\[lenke\\](x)");
        assert_eq!(escape("$5/$10"), "\\$5/\\$10");
    }

    #[test]
    fn norwegian_ordinal_dates_do_not_start_a_list() {
        assert_eq!(escape("15. januar 2026 skal"), "15\\. januar 2026 skal");
        assert_eq!(escape("3. part skal"), "3\\. part skal");
        assert_eq!(escape("- ikke punkt"), "\\- ikke punkt");
        assert_eq!(escape("versjon 1.0"), "versjon 1.0");
        assert_eq!(escape("1.0"), "1.0");
        assert_eq!(escape("2026"), "2026");
    }

    #[test]
    fn line_breaks_become_spaces_and_control_characters_go() {
        assert_eq!(escape("en\nto\r\ntre"), "en to tre");
        assert_eq!(escape("a\u{b}b"), "a b");
        assert_eq!(escape("a\u{1}b"), "ab");
        assert_eq!(escape("1\u{a0}250\u{a0}000"), "1\u{a0}250\u{a0}000");
        assert_eq!(escape("Drift & vedlikehold"), "Drift \\& vedlikehold");
    }

    #[test]
    fn template_syntax_is_kept_as_text() {
        assert_eq!(escape("{{ title }} {% if %}"), "{{ title }} {% if %}");
    }
}
