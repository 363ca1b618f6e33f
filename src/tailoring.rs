//! Tailoring: a checked profile applied to the catalogue gives the requirement set of one
//! procurement — every requirement with its final level, origin and reason, and a record of what
//! was omitted.

use std::collections::HashMap;

use serde::Serialize;

use crate::catalogue::{Catalogue, Language, Level, Requirement};
use crate::profile::{OwnRequirement, Profile, Regime};

/// Where a requirement in the set comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// The guideline, at the guideline's level.
    Guideline,
    /// The guideline's recommended requirement, raised to mandatory by the profile.
    Promoted,
    /// The buyer's own requirement.
    Added,
}

/// One requirement as it stands in this procurement, its texts in the documents' language.
#[derive(Clone, Debug, Serialize)]
pub struct Resolved {
    pub id: String,
    pub level: Level,
    pub origin: Origin,
    /// The reason given for a promotion (optional).
    pub reason: Option<String>,
    pub topic: Option<String>,
    pub text: String,
    /// The guideline's Norwegian wording when the documents are in English.
    pub original: Option<String>,
    pub comment: Option<String>,
    pub references: Vec<String>,
    pub items: Vec<ResolvedItem>,
    /// Percent weight of an evaluated requirement, when the profile gives one.
    pub weight: Option<u32>,
    /// Place in priority order of an evaluated requirement (1 is highest).
    pub priority: Option<usize>,
}

/// A documentation item (such as K10a) of a requirement in the set.
#[derive(Clone, Debug, Serialize)]
pub struct ResolvedItem {
    pub id: String,
    pub level: Level,
    pub text: String,
    pub original: Option<String>,
}

/// A recommended requirement the profile left out, kept for the tailoring appendix.
#[derive(Clone, Debug, Serialize)]
pub struct Omitted {
    pub id: String,
    pub topic: String,
    pub text: String,
    pub reason: String,
}

/// The requirements of one procurement: mandatory ones first, then evaluated ones.
#[derive(Clone, Debug, Serialize)]
pub struct RequirementSet {
    pub mandatory: Vec<Resolved>,
    pub evaluated: Vec<Resolved>,
    pub omitted: Vec<Omitted>,
}

impl RequirementSet {
    /// Applies a checked profile to the catalogue.
    pub fn resolve(profile: &Profile, catalogue: &Catalogue) -> RequirementSet {
        let language = profile.language;
        let mut mandatory = Vec::new();
        let mut evaluated = Vec::new();
        let by_id: HashMap<&str, &Requirement> = catalogue
            .requirements
            .iter()
            .map(|requirement| (requirement.id.as_str(), requirement))
            .collect();

        for (id, level) in RequirementSet::order(profile, catalogue) {
            let resolved = match by_id.get(id.as_str()) {
                Some(requirement) => from_catalogue(requirement, level, profile, language),
                None => match profile.tailoring.add.iter().find(|own| own.id == id) {
                    Some(own) => from_profile(own),
                    None => continue,
                },
            };
            match level {
                Level::Mandatory => mandatory.push(resolved),
                Level::Recommended => evaluated.push(resolved),
            }
        }

        set_weights(&mut evaluated, profile);
        let omitted = omitted(profile, catalogue, language);
        RequirementSet {
            mandatory,
            evaluated,
            omitted,
        }
    }

    /// The kept requirement ids in document order, each with its final level: the catalogue's
    /// order, own requirements placed after the one they name (in the profile's order), or last.
    pub fn order(profile: &Profile, catalogue: &Catalogue) -> Vec<(String, Level)> {
        let tailoring = &profile.tailoring;
        let mut order: Vec<(String, Level, Option<&str>)> = catalogue
            .requirements
            .iter()
            .filter(|r| !tailoring.omit.iter().any(|o| o.id == r.id))
            .map(|r| {
                let promoted = tailoring.promote.iter().any(|p| p.id == r.id);
                let level = if promoted { Level::Mandatory } else { r.level };
                (r.id.clone(), level, None)
            })
            .collect();

        for own in &tailoring.add {
            let at = insertion_point(&order, own.after.as_deref());
            order.insert(at, (own.id.clone(), own.level, own.after.as_deref()));
        }
        order
            .into_iter()
            .map(|(id, level, _)| (id, level))
            .collect()
    }

    /// Every kept requirement, mandatory first.
    pub fn all(&self) -> impl Iterator<Item = &Resolved> {
        self.mandatory.iter().chain(&self.evaluated)
    }

    /// Mandatory requirements from the guideline, promoted and added, and the number of items.
    pub fn counts(&self) -> Counts {
        let origin = |o: Origin| self.mandatory.iter().filter(|r| r.origin == o).count();
        Counts {
            guideline: origin(Origin::Guideline),
            promoted: origin(Origin::Promoted),
            added: origin(Origin::Added),
            items: self.mandatory.iter().map(|r| r.items.len()).sum(),
            evaluated: self.evaluated.len(),
            omitted: self.omitted.len(),
        }
    }
}

/// How many requirements of each kind a set has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub guideline: usize,
    pub promoted: usize,
    pub added: usize,
    pub items: usize,
    pub evaluated: usize,
    pub omitted: usize,
}

/// Right after `after` and after any own requirements already placed behind it; last without one.
fn insertion_point(order: &[(String, Level, Option<&str>)], after: Option<&str>) -> usize {
    let Some(after) = after else {
        return order.len();
    };
    let Some(anchor) = order.iter().position(|(id, _, _)| id == after) else {
        return order.len();
    };
    let mut at = anchor + 1;
    while at < order.len() && order[at].2 == Some(after) {
        at += 1;
    }
    at
}

fn from_catalogue(
    requirement: &Requirement,
    level: Level,
    profile: &Profile,
    language: Language,
) -> Resolved {
    let promotion = profile
        .tailoring
        .promote
        .iter()
        .find(|p| p.id == requirement.id);
    let origin = match (requirement.level, level) {
        (Level::Recommended, Level::Mandatory) => Origin::Promoted,
        _ => Origin::Guideline,
    };
    let original =
        |text: &crate::catalogue::Text| (language == Language::En).then(|| text.nb.clone());

    Resolved {
        id: requirement.id.clone(),
        level,
        origin,
        reason: promotion.and_then(|p| p.reason.clone()),
        topic: Some(requirement.topic.get(language).to_string()),
        text: requirement.text.get(language).to_string(),
        original: original(&requirement.text),
        comment: requirement
            .comment
            .as_ref()
            .map(|c| c.get(language).to_string()),
        references: requirement
            .references
            .iter()
            .map(|r| r.get(language).to_string())
            .collect(),
        items: requirement
            .items
            .iter()
            .map(|item| ResolvedItem {
                id: item.id.clone(),
                level,
                text: item.text.get(language).to_string(),
                original: original(&item.text),
            })
            .collect(),
        weight: None,
        priority: None,
    }
}

fn from_profile(own: &OwnRequirement) -> Resolved {
    Resolved {
        id: own.id.clone(),
        level: own.level,
        origin: Origin::Added,
        reason: None,
        topic: own.topic.clone(),
        text: own.text.clone(),
        original: None,
        comment: own.comment.clone(),
        references: Vec::new(),
        items: Vec::new(),
        weight: None,
        priority: None,
    }
}

/// Puts the evaluated requirements in the profile's priority order (when it gives one) and sets
/// each one's weight and, under part II, its place in that order.
fn set_weights(evaluated: &mut [Resolved], profile: &Profile) {
    let evaluation = &profile.evaluation;
    let place = |id: &str| evaluation.priority.iter().position(|p| p == id);
    evaluated.sort_by_key(|requirement| place(&requirement.id));

    let weights = &evaluation.weights;
    let regime = profile.project.procurement_regime;
    for (index, requirement) in evaluated.iter_mut().enumerate() {
        requirement.weight = weights.get(&requirement.id).copied();
        requirement.priority = (regime == Regime::PartII).then_some(index + 1);
    }
}

fn omitted(profile: &Profile, catalogue: &Catalogue, language: Language) -> Vec<Omitted> {
    catalogue
        .requirements
        .iter()
        .filter_map(|requirement| {
            let omission = profile
                .tailoring
                .omit
                .iter()
                .find(|o| o.id == requirement.id)?;
            Some(Omitted {
                id: requirement.id.clone(),
                topic: requirement.topic.get(language).to_string(),
                text: requirement.text.get(language).to_string(),
                reason: omission.reason.clone(),
            })
        })
        .collect()
}
