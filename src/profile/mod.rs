//! The project profile: which catalogue, which language, the project, how the guideline is
//! tailored (promote, omit with a reason, add) and how evaluated requirements are weighted.

use std::collections::BTreeMap;
use std::path::Path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::catalogue::{Catalogue, Language, Level};
use crate::diagnostic::Diagnostics;
use crate::source::Source;
use crate::structure;

mod rules;

/// The title and buyer `kravgen init` writes, in Norwegian and English, for the user to replace.
pub const STARTER_TITLE: [&str; 2] = ["Anskaffelsens tittel", "Title of the procurement"];
pub const STARTER_BUYER: [&str; 2] = ["Oppdragsgiver", "Buyer"];

/// The profile format this kravgen reads.
pub const FORMAT: u32 = 1;

/// A project profile: how one procurement uses the guideline.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "kravgen project profile")]
pub struct Profile {
    /// Profile format version: 1.
    pub kravgen: u32,
    /// Id of the catalogue the profile is written against; the bundled hitr-1229-2020 by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalogue: Option<String>,
    /// The language of the documents: nb (Norwegian bokmål) or en (English). For Norwegian write
    /// nb, not no.
    pub language: Language,
    pub project: Project,
    #[serde(default)]
    pub tailoring: Tailoring,
    pub evaluation: Evaluation,
}

/// The procurement the documents are for.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// The procurement's title, shown on every document.
    #[schemars(length(min = 1, max = 500))]
    pub title: String,
    /// The buying organisation (oppdragsgiver).
    #[schemars(length(min = 1, max = 500))]
    pub buyer: String,
    /// The case or tender reference, e.g. "2026/0042" (quoted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The documents' date, written YYYY-MM-DD.
    #[schemars(extend("format" = "date"))]
    pub date: String,
    /// The guideline's use area this procurement falls under, e.g. sharing-between-health-actors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub use_area: Option<String>,
    /// true when health data is shared through the API: the framework conditions then apply.
    pub health_data: bool,
    /// part-ii (award criteria in priority order) or part-iii (weights required) of the
    /// Norwegian public procurement regulations.
    pub procurement_regime: Regime,
}

/// Which part of the procurement regulations (anskaffelsesforskriften) the tender follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Regime {
    /// Part II: award criteria may be given in priority order.
    #[serde(rename = "part-ii")]
    PartII,
    /// Part III: award criteria must be weighted.
    #[serde(rename = "part-iii")]
    PartIII,
}

/// How the guideline is tailored to this procurement.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tailoring {
    /// Recommended requirements raised to mandatory in this procurement.
    #[serde(default)]
    pub promote: Vec<Promotion>,
    /// Recommended requirements left out; each needs a reason.
    #[serde(default)]
    pub omit: Vec<Omission>,
    /// The buyer's own requirements.
    #[serde(default)]
    pub add: Vec<OwnRequirement>,
}

/// A recommended requirement raised to mandatory.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Promotion {
    /// The recommended requirement to make mandatory, e.g. K9.
    pub id: String,
    /// Why it is raised (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 10000))]
    pub reason: Option<String>,
}

/// A recommended requirement left out of this procurement.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Omission {
    /// The recommended requirement to leave out, e.g. K3.
    pub id: String,
    /// Why it is left out: the guideline says leaving out a recommended requirement must be well
    /// justified.
    #[schemars(length(max = 10000))]
    pub reason: String,
}

/// A requirement of the buyer's own.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OwnRequirement {
    /// An id that clashes with nothing in the catalogue, e.g. EX-1.
    pub id: String,
    /// mandatory (a minimum requirement) or recommended (evaluated and scored).
    pub level: Level,
    /// The requirement, in the documents' language.
    #[schemars(length(min = 1, max = 10000))]
    pub text: String,
    /// A short label for tables (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 200))]
    pub topic: Option<String>,
    /// An explanation shown under the requirement (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = 10000))]
    pub comment: Option<String>,
    /// The id of the requirement this one is placed after in the documents (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}

/// How tenders are evaluated.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// Points are given from 0 to this whole number, e.g. 10.
    #[schemars(range(min = 1))]
    pub scale: u32,
    /// Percent of the total given to quality; price gets the rest.
    #[schemars(range(max = 100))]
    pub quality_weight: u32,
    /// linear or proportional.
    pub price_model: PriceModel,
    /// Percent weight per evaluated (recommended and kept) requirement; under part-iii they must
    /// add up to 100.
    #[serde(default)]
    pub weights: BTreeMap<String, u32>,
    /// Under part-ii: every evaluated requirement, most important first. Without it the
    /// evaluated requirements are prioritised in the order they stand in the documents.
    #[serde(default)]
    pub priority: Vec<String>,
    /// Supplier names: a column each in the evaluation matrix (optional).
    #[serde(default)]
    #[schemars(inner(length(min = 1, max = 200)), extend("uniqueItems" = true))]
    pub suppliers: Vec<String>,
}

/// How price points are computed from the prices offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum PriceModel {
    /// scale − scale·(P − Pmin)/Pmin: each percent above the lowest price costs the same.
    Linear,
    /// scale·Pmin/P: points in proportion to the lowest price.
    Proportional,
}

/// A profile that has passed every rule, with the warnings found on the way.
#[derive(Debug)]
pub struct Checked {
    pub profile: Profile,
    pub warnings: Diagnostics,
}

impl Profile {
    /// Reads and checks the profile at `path` against `catalogue`.
    pub fn load(path: &Path, catalogue: &Catalogue) -> Result<Checked, crate::Error> {
        let source = Source::read(path)?;
        Profile::from_source(&source, catalogue).map_err(crate::Error::Input)
    }

    /// Checks a parsed profile: first its shape, then the tailoring and evaluation rules.
    pub fn from_source(source: &Source, catalogue: &Catalogue) -> Result<Checked, Diagnostics> {
        let mut diagnostics = structure::check(source, &structure::schema_for::<Profile>());
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }

        let profile: Profile = Profile::deserialize(&source.value)
            .map_err(|error| Diagnostics(vec![source.error_at("", error.to_string())]))?;
        diagnostics.extend(rules::check(&profile, catalogue, source));
        diagnostics.sort();
        match diagnostics.has_errors() {
            true => Err(diagnostics),
            false => Ok(Checked {
                profile,
                warnings: diagnostics,
            }),
        }
    }
}
