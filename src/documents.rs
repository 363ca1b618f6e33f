//! The tender documents: which documents a profile gets, their file names in each language, and
//! the data their templates are rendered with.

use serde::Serialize;
use tera::Context;

use crate::Error;
use crate::catalogue::{Catalogue, FrameworkCondition, Language, Level};
use crate::profile::{PriceModel, Profile, Regime};
use crate::render::Templates;
use crate::tailoring::RequirementSet;

/// One of the documents `generate` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Specification,
    ResponseForm,
    EvaluationMatrix,
    FrameworkConditions,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Specification,
        Kind::ResponseForm,
        Kind::EvaluationMatrix,
        Kind::FrameworkConditions,
    ];

    /// The file name without extension, in the documents' language.
    pub fn stem(self, language: Language) -> &'static str {
        match (self, language) {
            (Kind::Specification, Language::Nb) => "kravspesifikasjon",
            (Kind::ResponseForm, Language::Nb) => "svarskjema",
            (Kind::EvaluationMatrix, Language::Nb) => "evalueringsmatrise",
            (Kind::FrameworkConditions, Language::Nb) => "rammebetingelser",
            (Kind::Specification, Language::En) => "requirements-specification",
            (Kind::ResponseForm, Language::En) => "response-form",
            (Kind::EvaluationMatrix, Language::En) => "evaluation-matrix",
            (Kind::FrameworkConditions, Language::En) => "framework-conditions",
        }
    }

    fn template(self, language: Language) -> String {
        let folder = match language {
            Language::Nb => "nb",
            Language::En => "en",
        };
        format!("{folder}/{}.md", self.stem(language))
    }
}

/// A rendered document: its kind, file stem and Markdown.
pub struct Document {
    pub kind: Kind,
    pub stem: &'static str,
    pub markdown: String,
}

/// Renders every document the profile calls for: the framework conditions checklist only when
/// health data is shared.
pub fn render_all(
    profile: &Profile,
    catalogue: &Catalogue,
    templates: &Templates,
) -> Result<Vec<Document>, Error> {
    let set = RequirementSet::resolve(profile, catalogue);
    let context = context(profile, catalogue, &set)?;
    let language = profile.language;

    Kind::ALL
        .into_iter()
        .filter(|kind| *kind != Kind::FrameworkConditions || profile.project.health_data)
        .map(|kind| {
            let markdown = templates.render(&kind.template(language), &context)?;
            Ok(Document {
                kind,
                stem: kind.stem(language),
                markdown: tidy(&markdown),
            })
        })
        .collect()
}

/// What every template sees.
fn context(
    profile: &Profile,
    catalogue: &Catalogue,
    set: &RequirementSet,
) -> Result<Context, Error> {
    let language = profile.language;
    let data = TemplateData {
        language,
        project: project(profile, catalogue),
        catalogue: catalogue_info(catalogue, language),
        promoted: set
            .mandatory
            .iter()
            .filter(|r| r.origin == crate::tailoring::Origin::Promoted)
            .cloned()
            .collect(),
        added: set
            .all()
            .filter(|r| r.origin == crate::tailoring::Origin::Added)
            .cloned()
            .collect(),
        counts: set.counts(),
        set: set.clone(),
        evaluation: evaluation(profile),
        framework_conditions: catalogue
            .framework_conditions
            .iter()
            .map(|c| condition(c, language))
            .collect(),
        contract_terms: contract_terms(catalogue, set, language),
    };
    Context::from_serialize(&data)
        .map_err(|error| Error::Runtime(format!("cannot prepare the documents: {error}")))
}

#[derive(Serialize)]
struct TemplateData {
    language: Language,
    project: ProjectData,
    catalogue: CatalogueData,
    set: RequirementSet,
    promoted: Vec<crate::tailoring::Resolved>,
    added: Vec<crate::tailoring::Resolved>,
    counts: crate::tailoring::Counts,
    evaluation: EvaluationData,
    framework_conditions: Vec<ConditionData>,
    contract_terms: Vec<ContractTerm>,
}

#[derive(Serialize)]
struct ProjectData {
    title: String,
    buyer: String,
    reference: Option<String>,
    date: String,
    use_area: Option<String>,
    health_data: bool,
}

#[derive(Serialize)]
struct CatalogueData {
    id: String,
    title: String,
    publisher: String,
    report_number: String,
    version: String,
    published: String,
    translation_note: String,
}

#[derive(Serialize)]
struct EvaluationData {
    part_iii: bool,
    scale: u32,
    quality_weight: u32,
    price_weight: u32,
    linear: bool,
    price_formula: String,
    has_weights: bool,
    suppliers: Vec<String>,
}

#[derive(Serialize)]
struct ConditionData {
    id: String,
    title: String,
    rules: Vec<String>,
    legal_references: Vec<String>,
    ensure: Option<String>,
}

/// A contract-related requirement (terms, rights, price, competition) for the legal checklist.
#[derive(Serialize)]
struct ContractTerm {
    id: String,
    topic: String,
    text: String,
    level: Level,
    omitted: bool,
}

fn project(profile: &Profile, catalogue: &Catalogue) -> ProjectData {
    let project = &profile.project;
    let use_area = project.use_area.as_ref().and_then(|id| {
        let area = catalogue.use_areas.iter().find(|a| &a.id == id)?;
        Some(area.text.get(profile.language).to_string())
    });
    ProjectData {
        title: project.title.clone(),
        buyer: project.buyer.clone(),
        reference: project.reference.clone(),
        date: project.date.clone(),
        use_area,
        health_data: project.health_data,
    }
}

fn catalogue_info(catalogue: &Catalogue, language: Language) -> CatalogueData {
    let info = &catalogue.catalogue;
    CatalogueData {
        id: info.id.clone(),
        title: info.title.get(language).to_string(),
        publisher: info.publisher.get(language).to_string(),
        report_number: info.report_number.clone(),
        version: info.version.clone(),
        published: info.published.clone(),
        translation_note: info.translation_note.get(language).to_string(),
    }
}

fn evaluation(profile: &Profile) -> EvaluationData {
    let evaluation = &profile.evaluation;
    let scale = evaluation.scale;
    let price_formula = match evaluation.price_model {
        PriceModel::Linear => format!("{scale} − {scale} · (P − Pmin) / Pmin"),
        PriceModel::Proportional => format!("{scale} · Pmin / P"),
    };
    EvaluationData {
        part_iii: profile.project.procurement_regime == Regime::PartIII,
        scale,
        quality_weight: evaluation.quality_weight,
        price_weight: 100 - evaluation.quality_weight.min(100),
        linear: evaluation.price_model == PriceModel::Linear,
        price_formula,
        has_weights: !evaluation.weights.is_empty(),
        suppliers: evaluation.suppliers.clone(),
    }
}

fn condition(condition: &FrameworkCondition, language: Language) -> ConditionData {
    ConditionData {
        id: condition.id.clone(),
        title: condition.title.get(language).to_string(),
        rules: condition
            .rules
            .iter()
            .map(|r| r.get(language).to_string())
            .collect(),
        legal_references: condition
            .legal_references
            .iter()
            .map(|r| r.get(language).to_string())
            .collect(),
        ensure: condition
            .ensure
            .as_ref()
            .map(|e| e.get(language).to_string()),
    }
}

/// The guideline's requirements on terms, rights, price and competition: K1, K2, K3 and K5.
const CONTRACT_TERMS: [&str; 4] = ["K1", "K2", "K3", "K5"];

fn contract_terms(
    catalogue: &Catalogue,
    set: &RequirementSet,
    language: Language,
) -> Vec<ContractTerm> {
    CONTRACT_TERMS
        .iter()
        .filter_map(|id| catalogue.requirement(id))
        .map(|requirement| {
            let kept = set.all().find(|r| r.id == requirement.id);
            ContractTerm {
                id: requirement.id.clone(),
                topic: requirement.topic.get(language).to_string(),
                text: requirement.text.get(language).to_string(),
                level: kept.map_or(requirement.level, |r| r.level),
                omitted: kept.is_none(),
            }
        })
        .collect()
}

/// Removes trailing spaces and runs of blank lines that template conditionals leave behind, and
/// ends the file with exactly one line break.
pub(crate) fn tidy(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut blank = 0;
    for line in markdown.lines() {
        let line = line.trim_end();
        blank = if line.is_empty() { blank + 1 } else { 0 };
        if blank <= 1 {
            out.push_str(line);
            out.push('\n');
        }
    }
    let trimmed = out.trim_matches('\n');
    format!("{trimmed}\n")
}
