//! The bundled catalogue holds HITR 1229:2020 as the guideline words it: every requirement, item,
//! framework condition and use area, in order, with both languages, and Norwegian text that
//! occurs verbatim in the guideline's own text.

use std::path::Path;

use kravgen::catalogue::{Catalogue, Level};
use serde_json::Value;

/// The guideline's full text; in CI it sits beside the repository.
const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/seed/000_9f10313de6992c15.txt"
);

fn bundled() -> Catalogue {
    Catalogue::bundled().unwrap_or_else(|error| panic!("the bundled catalogue loads:\n{error}"))
}

#[test]
fn seven_mandatory_and_three_recommended_requirements_in_the_guidelines_order() {
    let catalogue = bundled();

    let ids: Vec<&str> = catalogue
        .requirements
        .iter()
        .map(|r| r.id.as_str())
        .collect();
    let expected: Vec<String> = (1..=10).map(|n| format!("K{n}")).collect();
    assert_eq!(ids, expected);

    let letters: Vec<&str> = catalogue
        .requirements
        .iter()
        .map(|r| r.level.letter())
        .collect();
    assert_eq!(letters, ["O", "O", "A", "O", "O", "O", "A", "O", "A", "O"]);

    let count = |level| {
        catalogue
            .requirements
            .iter()
            .filter(|r| r.level == level)
            .count()
    };
    assert_eq!(count(Level::Mandatory), 7);
    assert_eq!(count(Level::Recommended), 3);
}

#[test]
fn k10_has_eleven_items_a_to_k_that_inherit_its_level() {
    let catalogue = bundled();
    let k10 = catalogue
        .requirement("K10")
        .expect("K10 is in the catalogue");

    let ids: Vec<&str> = k10.items.iter().map(|item| item.id.as_str()).collect();
    let expected: Vec<String> = ('a'..='k').map(|letter| format!("K10{letter}")).collect();
    assert_eq!(ids, expected);
    for item in &k10.items {
        assert_eq!(item.level, k10.level, "{} has the level of K10", item.id);
    }

    let others = catalogue.requirements.iter().filter(|r| r.id != "K10");
    for requirement in others {
        assert!(
            requirement.items.is_empty(),
            "{} has no items",
            requirement.id
        );
    }
}

/// Regression: items are read without a level and must take their requirement's, also when that
/// is not the default (mandatory). K10 is mandatory, so this uses a recommended requirement.
#[test]
fn items_of_a_recommended_requirement_are_recommended() {
    let yaml = kravgen::catalogue::BUNDLED.replace(
        "  - id: K10\n    level: mandatory",
        "  - id: K10\n    level: recommended",
    );
    assert_ne!(
        yaml,
        kravgen::catalogue::BUNDLED,
        "the replacement found K10"
    );
    let source = kravgen::source::Source::parse(Path::new("k10-recommended.yaml"), &yaml)
        .expect("still valid YAML");
    let catalogue = Catalogue::from_source(&source).expect("still a valid catalogue");

    let k10 = catalogue
        .requirement("K10")
        .expect("K10 is in the catalogue");
    assert!(
        k10.items
            .iter()
            .all(|item| item.level == Level::Recommended)
    );
}

#[test]
fn framework_conditions_r1_to_r10_in_order() {
    let catalogue = bundled();
    let ids: Vec<&str> = catalogue
        .framework_conditions
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    let expected: Vec<String> = (1..=10).map(|n| format!("R{n}")).collect();
    assert_eq!(ids, expected);
}

#[test]
fn five_use_areas_in_the_guidelines_order() {
    let catalogue = bundled();
    let ids: Vec<&str> = catalogue.use_areas.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "sharing-between-health-actors",
            "sharing-with-citizens",
            "citizen-apps",
            "platform-solutions",
            "internal-integration",
        ]
    );
}

#[test]
fn every_text_is_present_and_non_empty_in_both_languages() {
    let value = serde_json::to_value(bundled()).expect("the catalogue serialises");
    let mut texts = Vec::new();
    collect_texts(&value, "", &mut texts);

    // 3 catalogue texts, 5 use areas, 10 topics + 10 texts + 4 comments + 2 references,
    // 11 items, and for R1–R10: 10 titles, 17 rules, 20 legal references, 7 ensure.
    assert_eq!(texts.len(), 3 + 5 + 26 + 11 + 54, "texts found: {texts:#?}");
    for (pointer, text) in &texts {
        for language in ["nb", "en"] {
            let content = text[language].as_str().unwrap_or_default();
            assert!(
                !content.trim().is_empty(),
                "{pointer}/{language} is empty or not text"
            );
        }
    }
}

/// Every object that holds a language key, with its JSON pointer; fails on any that holds
/// anything but exactly `nb` and `en`.
fn collect_texts<'a>(value: &'a Value, at: &str, texts: &mut Vec<(String, &'a Value)>) {
    match value {
        Value::Object(object) if object.contains_key("nb") || object.contains_key("en") => {
            let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
            keys.sort_unstable();
            assert_eq!(keys, ["en", "nb"], "{at} is a text with exactly nb and en");
            texts.push((at.to_string(), value));
        }
        Value::Object(object) => {
            for (key, child) in object {
                collect_texts(child, &format!("{at}/{key}"), texts);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                collect_texts(child, &format!("{at}/{index}"), texts);
            }
        }
        _ => {}
    }
}

#[test]
fn norwegian_texts_are_the_guidelines_wording() {
    let Some(guideline) = read_seed() else {
        return;
    };
    let guideline = normalise_guideline(&guideline);
    let catalogue = bundled();

    let mut missing = Vec::new();
    for (place, text) in guideline_texts(&catalogue) {
        let text = collapse_whitespace(&text);
        if !guideline.contains(&text) {
            missing.push(format!("{place}: {text}"));
        }
    }
    assert!(
        missing.is_empty(),
        "these nb texts are not in the guideline word for word:\n{}",
        missing.join("\n")
    );
}

/// Guards the normalisation above: a text the guideline does not contain must be caught, and the
/// markup the guideline is written in must not hide a text that it does contain.
#[test]
fn normalised_guideline_keeps_wording_and_drops_markup() {
    let normalised = normalise_guideline(
        "Målarkitektur for datadeling <sup>9</sup> beskriver <i>hvem</i>\n\
         <sup>10</sup> [Notice, The Office \\(ONC\\), 2020](#) <https://ehelse.no/normen>",
    );
    assert_eq!(
        normalised,
        "Målarkitektur for datadeling beskriver hvem Notice, The Office (ONC), 2020 \
         https://ehelse.no/normen"
    );
    assert!(!normalised.contains("Målarkitektur for nasjonal datadeling"));
}

/// Every Norwegian text the guideline itself words, with where it stands. Topics and the labels
/// of legal references are kravgen's own and are left out.
fn guideline_texts(catalogue: &Catalogue) -> Vec<(String, String)> {
    let mut texts = Vec::new();
    for requirement in &catalogue.requirements {
        let id = &requirement.id;
        texts.push((format!("{id} text"), requirement.text.nb.clone()));
        if let Some(comment) = &requirement.comment {
            texts.push((format!("{id} comment"), comment.nb.clone()));
        }
        for reference in &requirement.references {
            texts.push((format!("{id} reference"), reference.nb.clone()));
        }
        for item in &requirement.items {
            texts.push((format!("{} text", item.id), item.text.nb.clone()));
        }
    }
    for condition in &catalogue.framework_conditions {
        let id = &condition.id;
        texts.push((format!("{id} title"), condition.title.nb.clone()));
        for rule in &condition.rules {
            texts.push((format!("{id} rule"), rule.nb.clone()));
        }
        if let Some(ensure) = &condition.ensure {
            texts.push((format!("{id} ensure"), ensure.nb.clone()));
        }
    }
    for area in &catalogue.use_areas {
        texts.push((area.id.clone(), area.text.nb.clone()));
    }
    texts
}

/// The guideline's text, or None outside CI when it is not there.
fn read_seed() -> Option<String> {
    match std::fs::read_to_string(SEED) {
        Ok(text) => Some(text),
        Err(error) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("the guideline's text is needed in CI: cannot read {SEED}: {error}")
        }
        Err(error) => {
            eprintln!("note: skipping the wording check, cannot read {SEED}: {error}");
            None
        }
    }
}

/// The guideline as plain words: footnote marks dropped with their numbers, other HTML tags,
/// Markdown link syntax and backslash escapes removed, whitespace collapsed.
fn normalise_guideline(text: &str) -> String {
    let text = remove_between(text, "<sup>", "</sup>");
    let text = text.replace("](#)", " ").replace('[', " ");
    let text = remove_tags(&text);
    let text = text.replace('\\', "");
    collapse_whitespace(&text)
}

/// `text` without every `open … close` span, the markers included.
fn remove_between(text: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(open) {
        out.push_str(&rest[..start]);
        match rest[start..].find(close) {
            Some(end) => rest = &rest[start + end + close.len()..],
            None => rest = "",
        }
    }
    out.push_str(rest);
    out
}

/// Replaces every `<…>` by a space; `<https://…>` autolinks keep their address.
fn remove_tags(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            break;
        };
        let inner = &rest[start + 1..start + end];
        if inner.starts_with("http") {
            out.push_str(inner);
        }
        out.push(' ');
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    out
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
