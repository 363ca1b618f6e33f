//! The rules a catalogue must follow beyond its shape: known format, unique ids, items named after
//! their requirement, and every text present in both languages.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Catalogue, Text};
use crate::diagnostic::Diagnostics;
use crate::source::Source;

/// Every problem in a catalogue whose shape is already right.
pub fn check(catalogue: &Catalogue, source: &Source) -> Diagnostics {
    let mut diagnostics = Diagnostics::default();
    if catalogue.format != 1 {
        let message = format!("catalogue format {} is not known", catalogue.format);
        let hint = "this kravgen reads `kravgen-catalogue: 1`";
        diagnostics.push(
            source
                .error_at("/kravgen-catalogue", message)
                .with_hint(hint),
        );
    }

    check_unique_ids(catalogue, source, &mut diagnostics);
    check_item_ids(catalogue, source, &mut diagnostics);
    check_texts(source, &source.value, "", &mut diagnostics);
    diagnostics.sort();
    diagnostics
}

fn check_unique_ids(catalogue: &Catalogue, source: &Source, diagnostics: &mut Diagnostics) {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for (pointer, id) in id_pointers(catalogue) {
        let key = id.to_ascii_uppercase();
        match seen.get(&key) {
            Some(first) => {
                let line = source.position(first).line;
                let message = format!("the id \"{id}\" is used twice");
                let hint = format!("it is first used on line {line}; give each entry its own id");
                diagnostics.push(source.error_at(&pointer, message).with_hint(hint));
            }
            None => {
                seen.insert(key, pointer);
            }
        }
    }
}

/// Every id with the JSON pointer of where it stands.
fn id_pointers(catalogue: &Catalogue) -> Vec<(String, &str)> {
    let mut ids = Vec::new();
    for (r, requirement) in catalogue.requirements.iter().enumerate() {
        ids.push((format!("/requirements/{r}/id"), requirement.id.as_str()));
        for (i, item) in requirement.items.iter().enumerate() {
            ids.push((format!("/requirements/{r}/items/{i}/id"), item.id.as_str()));
        }
    }
    for (c, condition) in catalogue.framework_conditions.iter().enumerate() {
        ids.push((
            format!("/framework_conditions/{c}/id"),
            condition.id.as_str(),
        ));
    }
    for (u, area) in catalogue.use_areas.iter().enumerate() {
        ids.push((format!("/use_areas/{u}/id"), area.id.as_str()));
    }
    ids
}

fn check_item_ids(catalogue: &Catalogue, source: &Source, diagnostics: &mut Diagnostics) {
    for (r, requirement) in catalogue.requirements.iter().enumerate() {
        for (i, item) in requirement.items.iter().enumerate() {
            if !item.id.starts_with(&requirement.id) || item.id.len() == requirement.id.len() {
                let pointer = format!("/requirements/{r}/items/{i}/id");
                let message = format!(
                    "the item \"{}\" must be named after its requirement \"{}\"",
                    item.id, requirement.id
                );
                let hint = format!(
                    "write the requirement's id and a letter, e.g. {}a",
                    requirement.id
                );
                diagnostics.push(source.error_at(&pointer, message).with_hint(hint));
            }
        }
    }
}

/// Walks the file and reports every bilingual text with an empty language.
fn check_texts(
    source: &Source,
    value: &serde_json::Value,
    at: &str,
    diagnostics: &mut Diagnostics,
) {
    match value {
        serde_json::Value::Object(object) => {
            if let Ok(text) = Text::deserialize(value) {
                report_empty(source, &text, at, diagnostics);
                return;
            }
            for (key, child) in object {
                check_texts(source, child, &format!("{at}/{key}"), diagnostics);
            }
        }
        serde_json::Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                check_texts(source, child, &format!("{at}/{index}"), diagnostics);
            }
        }
        _ => {}
    }
}

fn report_empty(source: &Source, text: &Text, at: &str, diagnostics: &mut Diagnostics) {
    for (language, content) in [("nb", &text.nb), ("en", &text.en)] {
        if content.trim().is_empty() {
            let message = format!("the {language} text is empty");
            let hint = "every text needs both Norwegian (nb) and its English translation (en)";
            diagnostics.push(
                source
                    .error_at(&format!("{at}/{language}"), message)
                    .with_hint(hint),
            );
        }
    }
}
