//! The catalogue: the guideline's requirements, their documentation items, the framework
//! conditions and the use areas, in Norwegian (the source of truth) and English (a translation).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostics, suggestion};
use crate::source::Source;
use crate::structure;

mod check;

/// The catalogue compiled into kravgen: HITR 1229:2020.
pub const BUNDLED: &str = include_str!("../../requirements/hitr-1229-2020.yaml");

/// The name the bundled catalogue goes by in messages.
pub const BUNDLED_NAME: &str = "requirements/hitr-1229-2020.yaml";

/// The language of a text, a document or a listing.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Norwegian bokmål, the guideline's own language.
    Nb,
    /// English, kravgen's translation.
    En,
}

/// A text in both languages: `nb` is the guideline's wording, `en` a translation of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Norwegian bokmål, exactly as the guideline words it.
    pub nb: String,
    /// English translation.
    pub en: String,
}

impl Text {
    pub fn get(&self, language: Language) -> &str {
        match language {
            Language::Nb => &self.nb,
            Language::En => &self.en,
        }
    }
}

/// Whether a requirement must be met (the guideline's O, "skal") or should be (A, "bør").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// O (obligatorisk): must be met for an API to be called open.
    #[default]
    Mandatory,
    /// A (anbefalt): should be met; leaving it out must be well justified.
    Recommended,
}

impl Level {
    /// The guideline's own letter for the level.
    pub fn letter(self) -> &'static str {
        match self {
            Level::Mandatory => "O",
            Level::Recommended => "A",
        }
    }

    pub fn name(self, language: Language) -> &'static str {
        match (self, language) {
            (Level::Mandatory, Language::Nb) => "obligatorisk",
            (Level::Recommended, Language::Nb) => "anbefalt",
            (Level::Mandatory, Language::En) => "mandatory",
            (Level::Recommended, Language::En) => "recommended",
        }
    }
}

/// A catalogue file: the metadata, the use areas, the requirements and the framework conditions.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Catalogue format version; this kravgen reads version 1.
    #[serde(rename = "kravgen-catalogue", skip_serializing)]
    pub format: u32,
    /// What the catalogue is and where its text comes from.
    pub catalogue: CatalogueInfo,
    /// The requirements, in the guideline's order.
    #[schemars(length(min = 1))]
    pub requirements: Vec<Requirement>,
    /// The framework conditions for processing and sharing health data.
    pub framework_conditions: Vec<FrameworkCondition>,
    /// The use areas the guideline names.
    pub use_areas: Vec<UseArea>,
}

/// Where a catalogue comes from.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogueInfo {
    /// Short identifier, e.g. hitr-1229-2020.
    #[schemars(length(min = 1))]
    pub id: String,
    pub title: Text,
    pub publisher: Text,
    /// The publication's report number, e.g. HITR 1229:2020.
    pub report_number: String,
    /// The publication's version, e.g. "1.0" (quoted).
    pub version: String,
    /// Year and month of publication, e.g. "2020-05" (quoted).
    pub published: String,
    /// Which language is the source of truth and which is a translation.
    pub translation_note: Text,
}

/// One requirement of the guideline (K1–K10) or of an organisation's own catalogue.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// Identifier, e.g. K4.
    #[schemars(length(min = 1))]
    pub id: String,
    /// mandatory (O, "skal") or recommended (A, "bør").
    pub level: Level,
    /// A short label kravgen gives the requirement; not the guideline's wording.
    pub topic: Text,
    /// The requirement as the guideline words it.
    pub text: Text,
    /// The guideline's comment ("Kommentar"), if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<Text>,
    /// Sources the guideline cites for the requirement (its footnotes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Text>,
    /// Sub-items (K10's documentation items a–k); they share the requirement's level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<Item>,
}

/// A sub-item of a requirement, such as K10a.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Identifier: the requirement's id followed by a letter, e.g. K10a.
    #[schemars(length(min = 1))]
    pub id: String,
    /// Inherited from the requirement the item belongs to.
    #[serde(skip_deserializing)]
    #[schemars(skip)]
    pub level: Level,
    pub text: Text,
}

/// One framework condition for processing and sharing health data (R1–R10).
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FrameworkCondition {
    /// Identifier, e.g. R1.
    #[schemars(length(min = 1))]
    pub id: String,
    pub title: Text,
    /// What the rules say, paragraph by paragraph.
    pub rules: Vec<Text>,
    /// The laws and articles the condition rests on.
    pub legal_references: Vec<Text>,
    /// What an organisation sharing health data through an API must ensure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ensure: Option<Text>,
}

/// A use area the guideline names, such as sharing between health actors.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UseArea {
    /// Identifier, e.g. sharing-between-health-actors.
    #[schemars(length(min = 1))]
    pub id: String,
    pub text: Text,
}

/// Anything in the catalogue that `show` can find by its id.
pub enum Entry<'a> {
    Requirement(&'a Requirement),
    Item(&'a Requirement, &'a Item),
    FrameworkCondition(&'a FrameworkCondition),
}

impl Catalogue {
    /// The catalogue compiled into kravgen.
    pub fn bundled() -> Result<Catalogue, crate::Error> {
        let source =
            Source::parse(Path::new(BUNDLED_NAME), BUNDLED).map_err(crate::Error::Input)?;
        Catalogue::from_source(&source).map_err(crate::Error::Input)
    }

    /// The bundled catalogue, or the one at `path` when given.
    pub fn load(path: Option<&Path>) -> Result<Catalogue, crate::Error> {
        match path {
            None => Catalogue::bundled(),
            Some(path) => {
                let source = Source::read(path)?;
                Catalogue::from_source(&source).map_err(crate::Error::Input)
            }
        }
    }

    /// Checks a parsed catalogue file and builds the catalogue, or reports every problem in it.
    pub fn from_source(source: &Source) -> Result<Catalogue, Diagnostics> {
        let mut diagnostics = structure::check(source, &structure::schema_for::<Catalogue>());
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }

        let mut catalogue: Catalogue = Catalogue::deserialize(&source.value)
            .map_err(|error| Diagnostics(vec![source.error_at("", error.to_string())]))?;
        diagnostics.extend(check::check(&catalogue, source));
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }

        catalogue.inherit_levels();
        Ok(catalogue)
    }

    fn inherit_levels(&mut self) {
        for requirement in &mut self.requirements {
            for item in &mut requirement.items {
                item.level = requirement.level;
            }
        }
    }

    pub fn requirement(&self, id: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.id == id)
    }

    /// Finds a requirement, an item or a framework condition; ids are matched case-insensitively.
    pub fn entry(&self, id: &str) -> Option<Entry<'_>> {
        let same = |other: &str| other.eq_ignore_ascii_case(id);
        for requirement in &self.requirements {
            if same(&requirement.id) {
                return Some(Entry::Requirement(requirement));
            }
            if let Some(item) = requirement.items.iter().find(|item| same(&item.id)) {
                return Some(Entry::Item(requirement, item));
            }
        }
        self.framework_conditions
            .iter()
            .find(|condition| same(&condition.id))
            .map(Entry::FrameworkCondition)
    }

    /// Every id in the catalogue, in order: requirements with their items, then conditions.
    pub fn ids(&self) -> Vec<&str> {
        let requirements = self.requirements.iter().flat_map(|requirement| {
            std::iter::once(requirement.id.as_str())
                .chain(requirement.items.iter().map(|item| item.id.as_str()))
        });
        let conditions = self.framework_conditions.iter().map(|c| c.id.as_str());
        requirements.chain(conditions).collect()
    }

    /// A did-you-mean for an id that is not in the catalogue.
    pub fn suggest(&self, id: &str) -> String {
        suggestion(id, self.ids())
    }

    /// "K1–K10, K10a–K10k and R1–R10": what the catalogue holds, for hints.
    pub fn id_ranges(&self) -> String {
        let range = |ids: Vec<&str>| match (ids.first(), ids.last()) {
            (Some(first), Some(last)) if first != last => format!("{first}–{last}"),
            (Some(first), _) => first.to_string(),
            _ => String::new(),
        };
        let requirements = range(self.requirements.iter().map(|r| r.id.as_str()).collect());
        let items: BTreeSet<String> = self
            .requirements
            .iter()
            .filter(|r| !r.items.is_empty())
            .map(|r| range(r.items.iter().map(|i| i.id.as_str()).collect()))
            .collect();
        let conditions = range(
            self.framework_conditions
                .iter()
                .map(|c| c.id.as_str())
                .collect(),
        );
        let mut parts = vec![requirements];
        parts.extend(items);
        parts.push(conditions);
        parts.retain(|part| !part.is_empty());
        parts.join(", ")
    }
}

/// Where the catalogue came from, for messages and document title blocks.
pub fn describe_origin(path: Option<&Path>) -> PathBuf {
    path.map_or_else(|| PathBuf::from(BUNDLED_NAME), Path::to_path_buf)
}
