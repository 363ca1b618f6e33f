//! `kravgen show ID`: one requirement, documentation item or framework condition in full.

use crate::Error;
use crate::catalogue::{Catalogue, Entry, FrameworkCondition, Item, Language, Requirement, Text};
use crate::cli::ShowArgs;

/// Text is wrapped to this width for reading in a terminal.
const WIDTH: usize = 100;

pub fn run(catalogue: &Catalogue, args: &ShowArgs) -> Result<(), Error> {
    let Some(entry) = catalogue.entry(&args.id) else {
        return Err(Error::Usage(format!(
            "error: \"{}\" is not in the catalogue{}\n  = hint: the catalogue has {}; `kravgen list` shows them all",
            args.id,
            catalogue.suggest(&args.id),
            catalogue.id_ranges()
        )));
    };
    super::print(&render(catalogue, &entry, args.lang))
}

/// The entry as terminal text in `language`.
pub fn render(catalogue: &Catalogue, entry: &Entry, language: Language) -> String {
    let labels = Labels::for_language(language);
    let mut out = match entry {
        Entry::Requirement(requirement) => requirement_text(requirement, language, &labels),
        Entry::Item(requirement, item) => item_text(requirement, item, language, &labels),
        Entry::FrameworkCondition(condition) => condition_text(condition, language, &labels),
    };

    if language == Language::En {
        out.push_str(&format!(
            "\n{}\n",
            wrap(&catalogue.catalogue.translation_note.en, "")
        ));
    }
    out
}

fn requirement_text(requirement: &Requirement, language: Language, labels: &Labels) -> String {
    let level = requirement.level;
    let mut out = format!(
        "{} · {} ({}) · {}\n\n{}\n",
        requirement.id,
        level.name(language),
        level.letter(),
        requirement.topic.get(language),
        wrap(requirement.text.get(language), "")
    );

    for item in &requirement.items {
        out.push_str(&item_line(item, language));
    }
    if let Some(comment) = &requirement.comment {
        out.push_str(&labelled(labels.comment, comment.get(language)));
    }
    out.push_str(&list(labels.sources, &requirement.references, language));
    out
}

fn item_text(
    requirement: &Requirement,
    item: &Item,
    language: Language,
    labels: &Labels,
) -> String {
    format!(
        "{} · {} ({}) · {} {}\n\n{}\n{}\n",
        item.id,
        item.level.name(language),
        item.level.letter(),
        labels.item_of,
        requirement.id,
        wrap(requirement.text.get(language), ""),
        item_line(item, language).trim_end()
    )
}

fn condition_text(condition: &FrameworkCondition, language: Language, labels: &Labels) -> String {
    let mut out = format!("{} · {}\n", condition.id, condition.title.get(language));
    for paragraph in &condition.rules {
        out.push_str(&format!("\n{}\n", wrap(paragraph.get(language), "")));
    }
    if let Some(ensure) = &condition.ensure {
        out.push_str(&labelled(labels.ensure, ensure.get(language)));
    }
    out.push_str(&list(labels.legal, &condition.legal_references, language));
    out
}

/// `  K10a  text…`, the text aligned after the id on following lines.
fn item_line(item: &Item, language: Language) -> String {
    wrap_hanging(&format!("  {:<6}", item.id), item.text.get(language))
}

/// A labelled paragraph (`Kommentar:`), its text indented under the label.
fn labelled(label: &str, text: &str) -> String {
    format!("\n{label}:\n{}\n", wrap(text, "  "))
}

fn list(title: &str, texts: &[Text], language: Language) -> String {
    if texts.is_empty() {
        return String::new();
    }
    let mut out = format!("\n{title}:\n");
    for text in texts {
        out.push_str(&wrap_hanging("  - ", text.get(language)));
    }
    out
}

fn wrap(text: &str, indent: &str) -> String {
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(indent)
        .subsequent_indent(indent);
    textwrap::fill(text, options)
}

/// `head` on the first line, the text aligned after it on the following ones.
fn wrap_hanging(head: &str, text: &str) -> String {
    let indent = " ".repeat(head.chars().count());
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(head)
        .subsequent_indent(&indent);
    format!("{}\n", textwrap::fill(text, options))
}

struct Labels {
    comment: &'static str,
    sources: &'static str,
    ensure: &'static str,
    legal: &'static str,
    item_of: &'static str,
}

impl Labels {
    fn for_language(language: Language) -> Labels {
        match language {
            Language::Nb => Labels {
                comment: "Kommentar",
                sources: "Kilder",
                ensure: "Virksomheten må sikre",
                legal: "Rettslig grunnlag",
                item_of: "dokumentasjonspunkt i",
            },
            Language::En => Labels {
                comment: "Comment",
                sources: "Sources",
                ensure: "The organisation must ensure",
                legal: "Legal references",
                item_of: "documentation item of",
            },
        }
    }
}
