//! The rules a response must follow beyond its shape: ids this procurement knows, points within
//! the profile's scale, a score for every evaluated requirement of a qualified tender, and one
//! response per supplier.

use super::{Context, FORMAT, Response};
use crate::catalogue::Entry;
use crate::diagnostic::{Diagnostics, suggestion};
use crate::evaluation;
use crate::source::{Source, escape_pointer};

/// Every rule broken by one response whose shape is already right, and every warning.
pub fn check(response: &Response, source: &Source, context: &Context) -> Diagnostics {
    let mut rules = Rules {
        response,
        source,
        context,
        found: Diagnostics::default(),
    };

    rules.format();
    rules.supplier();
    rules.answers();
    rules.scores();
    rules.scores_complete();
    rules.found
}

/// Two files for one supplier: each later file is reported, naming the first. Read from the
/// files as written, so that it is found even in files with other problems.
pub fn same_supplier(sources: &[Source]) -> Diagnostics {
    let supplier = |source: &Source| {
        let name = source.value.get("supplier").and_then(|v| v.as_str())?;
        Some(normalised(name)).filter(|name| !name.is_empty())
    };
    let mut found = Diagnostics::default();
    for (index, later) in sources.iter().enumerate() {
        let Some(name) = supplier(later) else {
            continue;
        };
        let Some(first) = sources[..index]
            .iter()
            .find(|earlier| supplier(earlier).as_ref() == Some(&name))
        else {
            continue;
        };
        let line = first.position("/supplier").line;
        let message = format!(
            "this supplier has a response already: {} (line {line})",
            first.path.display()
        );
        let hint = "give each supplier one response file; merge the two or correct the name";
        found.push(later.error_at("/supplier", message).with_hint(hint));
    }
    found
}

fn normalised(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Where an id stands in this procurement.
enum Place<'a> {
    Mandatory,
    Evaluated,
    Omitted(&'a str),
    Condition,
    Unknown,
}

struct Rules<'a> {
    response: &'a Response,
    source: &'a Source,
    context: &'a Context<'a>,
    found: Diagnostics,
}

impl<'a> Rules<'a> {
    fn format(&mut self) {
        if self.response.format != FORMAT {
            let message = format!("response format {} is not known", self.response.format);
            let hint = format!("this kravgen reads `kravgen-response: {FORMAT}`");
            self.found.push(
                self.source
                    .error_at("/kravgen-response", message)
                    .with_hint(hint),
            );
        }
    }

    fn supplier(&mut self) {
        let name = self.response.supplier.trim();
        let listed = &self.context.profile.evaluation.suppliers;
        if name.is_empty() {
            let message = "the supplier has no name";
            self.found.push(self.source.error_at("/supplier", message));
        } else if !listed.is_empty() && !listed.iter().any(|s| normalised(s) == normalised(name)) {
            let message = format!(
                "\"{name}\" is not among the profile's suppliers{}",
                suggestion(name, listed.iter().map(String::as_str))
            );
            let hint = format!("the profile lists: {}", listed.join(", "));
            self.found
                .push(self.source.warning_at("/supplier", message).with_hint(hint));
        }
    }

    fn answers(&mut self) {
        for id in self.response.answers.keys() {
            let pointer = format!("/answers/{}", escape_pointer(id));
            match self.place(id) {
                Place::Mandatory | Place::Evaluated => {}
                Place::Omitted(reason) => {
                    let message =
                        format!("{id} is omitted from this procurement, so it cannot be answered");
                    let hint =
                        format!("the profile leaves it out (\"{reason}\"); remove the answer");
                    self.error_at_key(&pointer, message, hint);
                }
                place => {
                    let accepted = self.requirement_ids();
                    self.unknown(id, &pointer, place, &accepted);
                }
            }
        }
    }

    fn scores(&mut self) {
        let scale = self.context.profile.evaluation.scale;
        for (id, score) in &self.response.scores {
            let pointer = format!("/scores/{}", escape_pointer(id));
            match self.place(id) {
                Place::Evaluated if score.points > f64::from(scale) => {
                    let message = format!(
                        "the points for {id} must be from 0 to {scale} (the profile's scale), found {}",
                        score.points
                    );
                    let at = format!("{pointer}/points");
                    let diagnostic = self.source.error_at(&at, message);
                    self.found.push(diagnostic);
                }
                Place::Evaluated => {}
                Place::Mandatory => {
                    let message = format!("{id} is mandatory: it is passed or failed, not scored");
                    let hint = format!(
                        "scores go on the evaluated requirements: {}",
                        self.evaluated_ids().join(", ")
                    );
                    self.error_at_key(&pointer, message, hint);
                }
                Place::Omitted(reason) => {
                    let message =
                        format!("{id} is omitted from this procurement, so it cannot be scored");
                    let hint =
                        format!("the profile leaves it out (\"{reason}\"); remove the score");
                    self.error_at_key(&pointer, message, hint);
                }
                place => {
                    let accepted = self.evaluated_ids();
                    self.unknown(id, &pointer, place, &accepted);
                }
            }
        }
    }

    /// A qualified tender needs the committee's points on every evaluated requirement.
    fn scores_complete(&mut self) {
        let qualified = evaluation::qualify(self.response, self.context.set).is_empty();
        let missing: Vec<String> = self
            .evaluated_ids()
            .into_iter()
            .filter(|id| !self.response.scores.contains_key(id))
            .collect();
        if !qualified || missing.is_empty() {
            return;
        }

        let message = format!(
            "{} is qualified, but the committee has not scored {}",
            self.response.supplier.trim(),
            missing.join(", ")
        );
        let scale = self.context.profile.evaluation.scale;
        let hint = format!(
            "add under scores, e.g. `{}: {{ points: {scale}, reason: \"...\" }}`; a qualified tender needs points from 0 to {scale} on every evaluated requirement",
            missing[0]
        );
        self.error_at_key("/scores", message, hint);
    }

    fn place(&self, id: &str) -> Place<'a> {
        let set = self.context.set;
        let mandatory = set
            .mandatory
            .iter()
            .any(|r| r.id == id || r.items.iter().any(|item| item.id == id));
        if mandatory {
            return Place::Mandatory;
        }
        if set.evaluated.iter().any(|r| r.id == id) {
            return Place::Evaluated;
        }
        if let Some(omitted) = set.omitted.iter().find(|o| o.id == id) {
            return Place::Omitted(&omitted.reason);
        }
        match self.context.catalogue.entry(id) {
            Some(Entry::FrameworkCondition(condition)) if condition.id == id => Place::Condition,
            _ => Place::Unknown,
        }
    }

    fn unknown(&mut self, id: &str, pointer: &str, place: Place, accepted: &[String]) {
        let (message, hint) = match place {
            Place::Condition => (
                format!("{id} is a framework condition, not a requirement"),
                "framework conditions bind the buyer and are not answered or scored".to_string(),
            ),
            _ => {
                let known = self.known_ids();
                let guess = suggestion(id, known.iter().map(String::as_str));
                (
                    format!("unknown requirement \"{id}\"{guess}"),
                    format!("this procurement's ids are: {}", shortened(accepted)),
                )
            }
        };
        self.error_at_key(pointer, message, hint);
    }

    fn error_at_key(&mut self, pointer: &str, message: String, hint: String) {
        let diagnostic = self.source.error_at_key(pointer, message).with_hint(hint);
        self.found.push(diagnostic);
    }

    /// Every id a supplier answers: the mandatory requirements with their items, then the
    /// evaluated ones.
    fn requirement_ids(&self) -> Vec<String> {
        let set = self.context.set;
        set.mandatory
            .iter()
            .flat_map(|r| std::iter::once(r.id.clone()).chain(r.items.iter().map(|i| i.id.clone())))
            .chain(set.evaluated.iter().map(|r| r.id.clone()))
            .collect()
    }

    fn evaluated_ids(&self) -> Vec<String> {
        self.context
            .set
            .evaluated
            .iter()
            .map(|r| r.id.clone())
            .collect()
    }

    /// Every id a did-you-mean may offer: this procurement's, the omitted ones and the catalogue's.
    fn known_ids(&self) -> Vec<String> {
        let mut known = self.requirement_ids();
        known.extend(self.context.set.omitted.iter().map(|o| o.id.clone()));
        known.extend(self.context.catalogue.ids().into_iter().map(str::to_string));
        known
    }
}

/// `K1, K2, K10, K10a–K10k, EX-1`: runs of documentation items written as a range.
fn shortened(ids: &[String]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut index = 0;
    while index < ids.len() {
        let parent = &ids[index];
        let run = ids[index + 1..]
            .iter()
            .take_while(|id| is_item_of(id, parent))
            .count();
        parts.push(parent.clone());
        if run > 1 {
            parts.push(format!("{}–{}", ids[index + 1], ids[index + run]));
        } else if run == 1 {
            parts.push(ids[index + 1].clone());
        }
        index += run + 1;
    }
    parts.join(", ")
}

fn is_item_of(id: &str, parent: &str) -> bool {
    id.len() > parent.len()
        && id.starts_with(parent)
        && id[parent.len()..].chars().all(|c| c.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::shortened;

    #[test]
    fn item_runs_are_written_as_ranges() {
        let ids: Vec<String> = ["K9", "K10", "K10a", "K10b", "K10c", "EX-1"]
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(shortened(&ids), "K9, K10, K10a–K10c, EX-1");
    }
}
