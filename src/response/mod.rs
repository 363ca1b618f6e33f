//! A supplier's response to a tender: the supplier's answers to the requirements, the price, and
//! the evaluation committee's scores, read from one YAML file per supplier with located messages.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use crate::catalogue::Catalogue;
use crate::diagnostic::Diagnostics;
use crate::profile::Profile;
use crate::source::Source;
use crate::structure;
use crate::tailoring::RequirementSet;

mod rules;

/// The response format this kravgen reads.
pub const FORMAT: u32 = 1;

/// One supplier's tender: their answers and price, and the committee's scores.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "kravgen supplier response")]
pub struct Response {
    /// Response format version: 1.
    #[serde(rename = "kravgen-response")]
    pub format: u32,
    /// The supplier's name, written as in the profile's evaluation.suppliers.
    #[schemars(length(min = 1, max = 200))]
    pub supplier: String,
    /// The total evaluated price of the tender (in NOK, without VAT), from 0.01 (one øre) to a
    /// thousand billion.
    #[schemars(range(min = 0.01, max = 1e12))]
    pub price: f64,
    /// The day the tender was received, written YYYY-MM-DD (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "date"))]
    pub submitted: Option<String>,
    /// The supplier's contact person for the tender (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// The supplier's answer to each requirement and documentation item, by id (K1, K10a, EX-1).
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// The evaluation committee's points for each evaluated requirement, by id.
    #[serde(default)]
    pub scores: BTreeMap<String, Score>,
}

/// The supplier's answer to one requirement.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub answer: Verdict,
    /// Where in the tender the requirement is described, e.g. "Vedlegg 3, kap. 2" (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The supplier's remark (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Whether the supplier meets a requirement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    #[serde(rename = "yes", alias = "ja")]
    Yes,
    #[serde(rename = "partly", alias = "delvis")]
    Partly,
    #[serde(rename = "no", alias = "nei")]
    No,
}

impl JsonSchema for Verdict {
    fn schema_name() -> Cow<'static, str> {
        "Verdict".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "yes, partly or no; the Norwegian ja, delvis and nei are accepted too. A mandatory requirement answered partly or no rejects the tender.",
            "enum": ["yes", "partly", "no", "ja", "delvis", "nei"]
        })
    }
}

/// The evaluation committee's points for one evaluated requirement.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Score {
    /// Points from 0 to the profile's scale; decimals such as 7.5 are allowed.
    #[schemars(range(min = 0))]
    pub points: f64,
    /// Why the tender got these points: the award notice must explain them.
    #[schemars(length(min = 1, max = 10000))]
    pub reason: String,
}

/// A response that has passed every rule, with the file it was read from.
#[derive(Debug)]
pub struct Loaded {
    pub source: Source,
    pub response: Response,
}

/// What a response is checked against: the profile, and the requirements it gives.
pub struct Context<'a> {
    pub profile: &'a Profile,
    pub catalogue: &'a Catalogue,
    pub set: &'a RequirementSet,
}

/// Reads and checks every response; problems in all files are reported together, warnings
/// returned beside the responses.
pub fn load_all(
    paths: &[impl AsRef<Path>],
    context: &Context,
) -> Result<(Vec<Loaded>, Diagnostics), crate::Error> {
    let sources = paths
        .iter()
        .map(|path| Source::read(path.as_ref()))
        .collect::<Result<Vec<Source>, crate::Error>>()?;
    let mut diagnostics = rules::same_supplier(&sources);

    let mut loaded = Vec::new();
    for source in sources {
        match from_source(source, context) {
            Ok((response, warnings)) => {
                diagnostics.extend(warnings);
                loaded.push(response);
            }
            Err(errors) => diagnostics.extend(errors),
        }
    }
    match diagnostics.has_errors() {
        true => Err(crate::Error::Input(diagnostics)),
        false => Ok((loaded, diagnostics)),
    }
}

/// Checks one parsed response: first its shape, then the rules against the profile.
pub fn from_source(
    source: Source,
    context: &Context,
) -> Result<(Loaded, Diagnostics), Diagnostics> {
    let diagnostics = structure::check(&source, &structure::schema_for::<Response>());
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }

    let response: Response = Response::deserialize(&source.value)
        .map_err(|error| Diagnostics(vec![source.error_at("", error.to_string())]))?;
    let mut diagnostics = rules::check(&response, &source, context);
    diagnostics.sort();
    match diagnostics.has_errors() {
        true => Err(diagnostics),
        false => Ok((Loaded { source, response }, diagnostics)),
    }
}
