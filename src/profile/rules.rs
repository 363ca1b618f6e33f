//! The tailoring and evaluation rules a profile must follow, each with its own message.

use std::collections::BTreeMap;

use super::{FORMAT, Profile, Regime, STARTER_BUYER, STARTER_TITLE};
use crate::catalogue::{Catalogue, Entry, Level};
use crate::diagnostic::{Diagnostics, suggestion};
use crate::source::{Source, escape_pointer};

/// Every rule broken by a profile whose shape is already right, and every warning.
pub fn check(profile: &Profile, catalogue: &Catalogue, source: &Source) -> Diagnostics {
    let mut rules = Rules {
        profile,
        catalogue,
        source,
        found: Diagnostics::default(),
        listed: BTreeMap::new(),
    };

    rules.format_and_catalogue();
    rules.use_area();
    rules.starter_text();
    rules.promotions();
    rules.omissions();
    rules.additions();
    rules.weights();
    rules.found
}

struct Rules<'a> {
    profile: &'a Profile,
    catalogue: &'a Catalogue,
    source: &'a Source,
    found: Diagnostics,
    /// Ids already named under promote or omit, with the pointer where they were named.
    listed: BTreeMap<String, String>,
}

impl Rules<'_> {
    fn format_and_catalogue(&mut self) {
        if self.profile.kravgen != FORMAT {
            let message = format!("profile format {} is not known", self.profile.kravgen);
            let hint = format!("this kravgen reads `kravgen: {FORMAT}`");
            self.found
                .push(self.source.error_at("/kravgen", message).with_hint(hint));
        }

        let loaded = &self.catalogue.catalogue.id;
        if let Some(wanted) = &self.profile.catalogue
            && wanted != loaded
        {
            let message = format!(
                "the profile is written for catalogue \"{wanted}\", but kravgen is using \"{loaded}\""
            );
            let hint = "point kravgen at that catalogue with --catalogue PATH, or remove the line to use the bundled one";
            self.found
                .push(self.source.error_at("/catalogue", message).with_hint(hint));
        }
    }

    /// The title and buyer `kravgen init` wrote are there to be replaced before anything is sent.
    fn starter_text(&mut self) {
        let project = &self.profile.project;
        for (pointer, value, starter) in [
            ("/project/title", &project.title, STARTER_TITLE),
            ("/project/buyer", &project.buyer, STARTER_BUYER),
        ] {
            if starter.contains(&value.as_str()) {
                let message = format!("\"{value}\" is still the text kravgen init wrote");
                let hint = "write the procurement's own title and the buying organisation's name";
                self.found
                    .push(self.source.warning_at(pointer, message).with_hint(hint));
            }
        }
    }

    fn use_area(&mut self) {
        let Some(area) = &self.profile.project.use_area else {
            return;
        };
        let known: Vec<&str> = self
            .catalogue
            .use_areas
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        if !known.contains(&area.as_str()) {
            let message = format!(
                "unknown use area \"{area}\"{}",
                suggestion(area, known.iter().copied())
            );
            let hint = format!("the guideline's use areas are: {}", known.join(", "));
            self.found.push(
                self.source
                    .error_at("/project/use_area", message)
                    .with_hint(hint),
            );
        }
    }

    fn promotions(&mut self) {
        for (index, promotion) in self.profile.tailoring.promote.iter().enumerate() {
            let pointer = format!("/tailoring/promote/{index}/id");
            let Some(level) = self.requirement_level(&promotion.id, &pointer) else {
                continue;
            };
            if !self.listed_once(&promotion.id, &pointer, "promote") {
                continue;
            }
            if level == Level::Mandatory {
                let message = format!(
                    "{} is already mandatory; promoting it changes nothing",
                    promotion.id
                );
                let hint =
                    "only recommended (A, \"bør\") requirements can be promoted; remove this entry";
                self.found
                    .push(self.source.warning_at(&pointer, message).with_hint(hint));
            }
        }
    }

    fn omissions(&mut self) {
        for (index, omission) in self.profile.tailoring.omit.iter().enumerate() {
            let pointer = format!("/tailoring/omit/{index}/id");
            if omission.reason.trim().is_empty() {
                let at = format!("/tailoring/omit/{index}/reason");
                let message = format!("omitting {} needs a reason", omission.id);
                let hint = "the guideline says leaving out a recommended requirement must be well justified";
                self.found
                    .push(self.source.error_at(&at, message).with_hint(hint));
            }
            let Some(level) = self.requirement_level(&omission.id, &pointer) else {
                continue;
            };
            if !self.listed_once(&omission.id, &pointer, "omit") {
                continue;
            }
            if level == Level::Mandatory {
                let message = format!("{} is mandatory and cannot be omitted", omission.id);
                let hint = "a mandatory (O, \"skal\") requirement must be met for an API to be called open; only recommended requirements can be omitted";
                self.found
                    .push(self.source.error_at(&pointer, message).with_hint(hint));
            }
        }
    }

    /// The level of a catalogue requirement or item, or a located error when there is none.
    fn requirement_level(&mut self, id: &str, pointer: &str) -> Option<Level> {
        match self.catalogue.entry(id) {
            Some(Entry::Requirement(requirement)) if requirement.id == id => {
                Some(requirement.level)
            }
            Some(Entry::Item(_, item)) if item.id == id => Some(item.level),
            Some(Entry::Requirement(requirement)) => self.wrong_case(id, &requirement.id, pointer),
            Some(Entry::Item(_, item)) => self.wrong_case(id, &item.id, pointer),
            Some(Entry::FrameworkCondition(condition)) => {
                let message = format!(
                    "{} is a framework condition, not a requirement",
                    condition.id
                );
                let hint = "framework conditions apply by law and cannot be promoted or omitted";
                self.found
                    .push(self.source.error_at(pointer, message).with_hint(hint));
                None
            }
            None => {
                let message = format!("unknown requirement \"{id}\"{}", self.catalogue.suggest(id));
                let hint = format!("the catalogue has {}", self.catalogue.id_ranges());
                self.found
                    .push(self.source.error_at(pointer, message).with_hint(hint));
                None
            }
        }
    }

    fn wrong_case(&mut self, id: &str, known: &str, pointer: &str) -> Option<Level> {
        let message = format!("unknown requirement \"{id}\" (did you mean \"{known}\"?)");
        let hint = "ids are written exactly as in the catalogue";
        self.found
            .push(self.source.error_at(pointer, message).with_hint(hint));
        None
    }

    /// Records `id` as listed; false (with an error) when it was listed before.
    fn listed_once(&mut self, id: &str, pointer: &str, under: &str) -> bool {
        if let Some(first) = self.listed.get(id) {
            let line = self.source.position(first).line;
            let list = if first.starts_with("/tailoring/promote") {
                "promote"
            } else {
                "omit"
            };
            let message =
                format!("{id} is listed twice: under {list} on line {line} and under {under} here");
            let hint = "a requirement can be promoted or omitted, once";
            self.found
                .push(self.source.error_at(pointer, message).with_hint(hint));
            return false;
        }
        self.listed.insert(id.to_string(), pointer.to_string());
        true
    }

    fn additions(&mut self) {
        let mut own: BTreeMap<String, String> = BTreeMap::new();
        for (index, added) in self.profile.tailoring.add.iter().enumerate() {
            let pointer = format!("/tailoring/add/{index}");
            self.own_id(&added.id, &format!("{pointer}/id"), &own);
            if let Some(after) = &added.after {
                self.placement(after, &format!("{pointer}/after"), &own);
            }
            own.insert(added.id.clone(), format!("{pointer}/id"));
            if added.text.trim().is_empty() {
                let message = format!("the own requirement {} has no text", added.id);
                self.found
                    .push(self.source.error_at(&format!("{pointer}/text"), message));
            }
        }
    }

    fn own_id(&mut self, id: &str, pointer: &str, own: &BTreeMap<String, String>) {
        let clash_in_catalogue = self
            .catalogue
            .ids()
            .iter()
            .any(|known| known.eq_ignore_ascii_case(id));
        let earlier = own.keys().find(|known| known.eq_ignore_ascii_case(id));
        let message = if id.trim().is_empty() {
            "an own requirement needs an id".to_string()
        } else if clash_in_catalogue {
            format!("the id \"{id}\" is already used by the catalogue")
        } else if let Some(earlier) = earlier {
            let line = self.source.position(&own[earlier]).line;
            format!("the id \"{id}\" is already used by the own requirement on line {line}")
        } else {
            return;
        };
        let hint = "give own requirements ids of their own, e.g. EX-1, EX-2";
        self.found
            .push(self.source.error_at(pointer, message).with_hint(hint));
    }

    /// `after` must name a requirement that stays: in the catalogue and not omitted, or own.
    fn placement(&mut self, after: &str, pointer: &str, own: &BTreeMap<String, String>) {
        let in_catalogue = self.catalogue.requirement(after).is_some();
        let omitted = self.profile.tailoring.omit.iter().any(|o| o.id == after);
        let message = if omitted {
            format!("\"after: {after}\" names an omitted requirement")
        } else if in_catalogue || own.contains_key(after) {
            return;
        } else {
            let known: Vec<&str> = self
                .catalogue
                .requirements
                .iter()
                .map(|r| r.id.as_str())
                .chain(own.keys().map(String::as_str))
                .collect();
            format!(
                "\"after: {after}\" names no requirement{}",
                suggestion(after, known)
            )
        };
        let hint = "name a requirement that stays in the documents (not an item, not omitted), or an own requirement listed above";
        self.found
            .push(self.source.error_at(pointer, message).with_hint(hint));
    }

    fn weights(&mut self) {
        let evaluated = evaluated_ids(self.profile, self.catalogue);
        let weights = &self.profile.evaluation.weights;

        for id in weights.keys() {
            if !evaluated.contains(id) {
                let pointer = format!("/evaluation/weights/{}", escape_pointer(id));
                let known = self.catalogue.entry(id).is_some()
                    || self.profile.tailoring.add.iter().any(|own| &own.id == id);
                let message = match known {
                    true => format!(
                        "{id} {}, so it cannot have a weight",
                        self.why_not_evaluated(id)
                    ),
                    false => format!(
                        "unknown requirement \"{id}\" under weights{}",
                        suggestion(id, evaluated.iter().map(String::as_str))
                    ),
                };
                let hint = format!(
                    "weights go on recommended requirements that stay: {}",
                    list_or_none(&evaluated)
                );
                self.found
                    .push(self.source.error_at(&pointer, message).with_hint(hint));
            }
        }

        let regime = self.profile.project.procurement_regime;
        self.priority(&evaluated, regime);
        if evaluated.is_empty() {
            self.nothing_to_evaluate();
        } else if regime == Regime::PartIII {
            self.weights_complete(&evaluated);
        } else {
            self.weights_all_or_none(&evaluated);
        }
    }

    /// Why a known requirement is not among the evaluated ones, in a few words.
    fn why_not_evaluated(&self, id: &str) -> &'static str {
        let tailoring = &self.profile.tailoring;
        if tailoring.omit.iter().any(|o| o.id == id) {
            "is omitted"
        } else if tailoring.promote.iter().any(|p| p.id == id) {
            "is promoted to mandatory"
        } else {
            "is mandatory"
        }
    }

    /// A priority order names every evaluated requirement once, and only under part II.
    fn priority(&mut self, evaluated: &[String], regime: Regime) {
        let priority = &self.profile.evaluation.priority;
        if priority.is_empty() {
            self.priority_by_default(evaluated, regime);
            return;
        }
        if regime == Regime::PartIII {
            let message = "a priority order is for part-ii; under part-iii the weights decide";
            let hint = "remove evaluation.priority, or use procurement_regime: part-ii";
            self.found.push(
                self.source
                    .error_at_key("/evaluation/priority", message)
                    .with_hint(hint),
            );
            return;
        }

        let mut seen: Vec<&str> = Vec::new();
        for (index, id) in priority.iter().enumerate() {
            let pointer = format!("/evaluation/priority/{index}");
            let message = if seen.contains(&id.as_str()) {
                format!("{id} is listed twice in the priority order")
            } else if !evaluated.contains(id) {
                format!(
                    "{id} is not evaluated{}",
                    suggestion(id, evaluated.iter().map(String::as_str))
                )
            } else {
                seen.push(id);
                continue;
            };
            let hint = format!(
                "list each evaluated requirement once: {}",
                evaluated.join(", ")
            );
            self.found
                .push(self.source.error_at(&pointer, message).with_hint(hint));
        }

        let missing: Vec<&str> = evaluated
            .iter()
            .map(String::as_str)
            .filter(|id| !seen.contains(id))
            .collect();
        if !missing.is_empty() && seen.len() + missing.len() == evaluated.len() {
            let message = format!("the priority order leaves out {}", missing.join(", "));
            let hint = "list every evaluated requirement, most important first";
            self.found.push(
                self.source
                    .error_at_key("/evaluation/priority", message)
                    .with_hint(hint),
            );
        }
    }

    /// Under part II without weights or a priority order, the document order becomes the
    /// priority: say so, since it is published in the tender.
    fn priority_by_default(&mut self, evaluated: &[String], regime: Regime) {
        let weighted = !self.profile.evaluation.weights.is_empty();
        if regime == Regime::PartII && !weighted && evaluated.len() > 1 {
            let message = format!(
                "the evaluated requirements get the priority of their order in the documents: {}",
                evaluated.join(", ")
            );
            let hint = format!(
                "to choose the order, add under evaluation: `priority: [{}]`, most important first",
                evaluated.join(", ")
            );
            self.found.push(
                self.source
                    .warning_at_key("/evaluation", message)
                    .with_hint(hint),
            );
        }
    }

    /// A quality share with no evaluated requirement to score would be lost.
    fn nothing_to_evaluate(&mut self) {
        let share = self.profile.evaluation.quality_weight;
        if share > 0 {
            let message = format!(
                "no requirement is evaluated, so the quality share of {share} % cannot be scored"
            );
            let hint = "set quality_weight: 0 (price decides), or keep a recommended requirement or add one of your own";
            self.found.push(
                self.source
                    .warning_at("/evaluation/quality_weight", message)
                    .with_hint(hint),
            );
        }
    }

    /// Under part II weights are optional, but given for some they are needed for all.
    fn weights_all_or_none(&mut self, evaluated: &[String]) {
        let missing = unweighted(self.profile, evaluated);
        if !missing.is_empty() && missing.len() < evaluated.len() {
            let message = format!(
                "weights are given for some evaluated requirements but not for {}",
                missing.join(", ")
            );
            let hint = "under part-ii give every evaluated requirement a weight, or none (the order of the requirements is then their priority)";
            self.found.push(
                self.source
                    .error_at_key("/evaluation/weights", message)
                    .with_hint(hint),
            );
        }
    }

    /// Under part III every evaluated requirement has a weight and the weights add up to 100.
    fn weights_complete(&mut self, evaluated: &[String]) {
        let weights = &self.profile.evaluation.weights;
        let missing = unweighted(self.profile, evaluated);
        let pointer = match weights.is_empty() {
            true => "/evaluation",
            false => "/evaluation/weights",
        };
        if !missing.is_empty() {
            let message = format!(
                "part-iii needs a weight for every evaluated requirement; missing: {}",
                missing.join(", ")
            );
            let hint = format!(
                "add them under evaluation.weights, e.g. `{}: 20`",
                missing[0]
            );
            self.found
                .push(self.source.error_at_key(pointer, message).with_hint(hint));
        }

        let sum: u64 = weights.values().map(|w| u64::from(*w)).sum();
        if missing.is_empty() && sum != 100 {
            let shown: Vec<String> = weights.iter().map(|(id, w)| format!("{id} {w}")).collect();
            let message = format!(
                "the weights add up to {sum}, not 100 ({})",
                shown.join(" + ")
            );
            let hint =
                "under part-iii the weights of the evaluated requirements must add up to 100";
            self.found
                .push(self.source.error_at_key(pointer, message).with_hint(hint));
        }
    }
}

/// The evaluated requirements the profile gives no weight.
fn unweighted<'a>(profile: &Profile, evaluated: &'a [String]) -> Vec<&'a str> {
    let weights = &profile.evaluation.weights;
    evaluated
        .iter()
        .filter(|id| !weights.contains_key(*id))
        .map(String::as_str)
        .collect()
}

/// The ids that are evaluated: recommended catalogue requirements neither promoted nor omitted,
/// then the buyer's own recommended ones, in document order.
pub fn evaluated_ids(profile: &Profile, catalogue: &Catalogue) -> Vec<String> {
    crate::tailoring::RequirementSet::order(profile, catalogue)
        .into_iter()
        .filter(|(_, level)| *level == Level::Recommended)
        .map(|(id, _)| id)
        .collect()
}

fn list_or_none(ids: &[String]) -> String {
    match ids.is_empty() {
        true => "none in this profile".to_string(),
        false => ids.join(", "),
    }
}
