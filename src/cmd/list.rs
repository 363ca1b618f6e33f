//! `kravgen list`: the catalogue at a glance as a terminal table, or complete as JSON.

use crate::Error;
use crate::catalogue::{Catalogue, Language, Level};
use crate::cli::{ListArgs, ListFormat};

/// The table's width: it must fit a 100-column terminal.
const WIDTH: usize = 100;

pub fn run(catalogue: &Catalogue, args: &ListArgs) -> Result<(), Error> {
    let output = match args.format {
        ListFormat::Json => json(catalogue)?,
        ListFormat::Table => table(catalogue, args.lang),
    };
    super::print(&output)
}

/// The whole catalogue, both languages, with stable keys.
pub fn json(catalogue: &Catalogue) -> Result<String, Error> {
    let mut text = serde_json::to_string_pretty(catalogue)
        .map_err(|error| Error::Runtime(format!("cannot write JSON: {error}")))?;
    text.push('\n');
    Ok(text)
}

/// One line per requirement, item and framework condition, shortened to fit the terminal.
pub fn table(catalogue: &Catalogue, language: Language) -> String {
    let labels = Labels::for_language(language);
    let mut out = format!("{}\n\n", catalogue.catalogue.title.get(language));

    out.push_str(&row(labels.id, labels.level, labels.requirement));
    for requirement in &catalogue.requirements {
        let text = requirement.text.get(language);
        out.push_str(&row(
            &requirement.id,
            level_cell(requirement.level, language),
            text,
        ));
        for item in &requirement.items {
            let id = format!("  {}", item.id);
            out.push_str(&row(
                &id,
                level_cell(item.level, language),
                item.text.get(language),
            ));
        }
    }

    out.push('\n');
    out.push_str(&row(labels.id, "", labels.condition));
    for condition in &catalogue.framework_conditions {
        out.push_str(&row(&condition.id, "", condition.title.get(language)));
    }

    if language == Language::En {
        let note = textwrap::fill(&catalogue.catalogue.translation_note.en, WIDTH);
        out.push_str(&format!("\n{note}\n"));
    }
    out
}

fn level_cell(level: Level, language: Language) -> &'static str {
    match (level, language) {
        (Level::Mandatory, Language::Nb) => "O obligatorisk",
        (Level::Recommended, Language::Nb) => "A anbefalt",
        (Level::Mandatory, Language::En) => "O mandatory",
        (Level::Recommended, Language::En) => "A recommended",
    }
}

fn row(id: &str, level: &str, text: &str) -> String {
    let head = format!("{id:<7} {level:<15} ");
    let room = WIDTH - head.chars().count();
    format!("{head}{}\n", shorten(text, room))
        .trim_end()
        .to_string()
        + "\n"
}

/// The text on one line, cut at a word boundary with an ellipsis when it does not fit.
fn shorten(text: &str, room: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= room {
        return line;
    }
    let cut: String = line.chars().take(room - 1).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', '.', ':', ';']))
}

struct Labels {
    id: &'static str,
    level: &'static str,
    requirement: &'static str,
    condition: &'static str,
}

impl Labels {
    fn for_language(language: Language) -> Labels {
        match language {
            Language::Nb => Labels {
                id: "ID",
                level: "Type",
                requirement: "Krav",
                condition: "Rammebetingelse",
            },
            Language::En => Labels {
                id: "ID",
                level: "Type",
                requirement: "Requirement",
                condition: "Framework condition",
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_at_a_word_and_marks_the_cut() {
        assert_eq!(shorten("en to tre fire", 9), "en to…");
        assert_eq!(shorten("kort", 10), "kort");
        assert!(shorten(&"ord ".repeat(50), 30).chars().count() <= 30);
    }
}
