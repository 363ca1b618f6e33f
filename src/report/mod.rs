//! The evaluation results as a document: the data the results template is rendered with, every
//! number already written in the documents' language together with the working that gives it.

mod numbers;
pub mod workbook;

use serde::Serialize;
use tera::Context;

use crate::Error;
use crate::catalogue::Language;
use crate::evaluation::{Outcome, Points, Tender};
use crate::profile::{PriceModel, Profile, Project};
use crate::render::Templates;
use crate::response::{Response, Verdict};
use crate::tailoring::RequirementSet;

pub use numbers::{decimal, plain};

/// The results file name without extension, in the documents' language.
pub fn stem(language: Language) -> &'static str {
    match language {
        Language::Nb => "evalueringsresultat",
        Language::En => "evaluation-results",
    }
}

/// Everything the report is made from.
pub struct Report<'a> {
    pub profile: &'a Profile,
    pub set: &'a RequirementSet,
    pub responses: &'a [&'a Response],
    pub outcome: &'a Outcome,
}

impl Report<'_> {
    /// The results as Markdown, from the built-in or the user's template.
    pub fn markdown(&self, templates: &Templates) -> Result<String, Error> {
        let language = self.profile.language;
        let context = Context::from_serialize(&self.data())
            .map_err(|error| Error::Runtime(format!("cannot prepare the results: {error}")))?;
        let name = format!("{}/{}.md", folder(language), stem(language));
        let markdown = templates.render(&name, &context)?;
        Ok(crate::documents::tidy(&markdown))
    }

    fn data(&self) -> ReportData<'_> {
        let language = self.profile.language;
        let project = &self.profile.project;
        let suppliers: Vec<SupplierData> = self
            .outcome
            .tenders
            .iter()
            .zip(self.responses)
            .map(|(tender, response)| self.supplier(tender, response))
            .collect();
        let qualified: Vec<SupplierData> =
            suppliers.iter().filter(|s| s.qualified).cloned().collect();
        let mut ranking = qualified.clone();
        ranking.sort_by_key(|s| s.rank);

        ReportData {
            project,
            rules: self.rules(),
            weights: self.weights(),
            qualification: self.qualification(),
            tenders: suppliers.len(),
            rejected: suppliers.len() - qualified.len(),
            tie: ranking.iter().any(|s| s.tied),
            suppliers,
            qualified,
            ranking,
            lowest_price: self.outcome.lowest_price.map(|p| plain(p, language)),
        }
    }

    fn rules(&self) -> RulesData {
        let language = self.profile.language;
        let rules = &self.outcome.rules;
        let scale = plain(rules.scale, language);
        let sum: f64 = rules.weights.iter().map(|w| w.weight).sum();
        RulesData {
            scale: scale.clone(),
            quality_weight: plain(rules.quality_weight, language),
            price_weight: plain(rules.price_weight(), language),
            linear: rules.price_model == PriceModel::Linear,
            price_formula: match rules.price_model {
                PriceModel::Linear => format!("{scale} − {scale} × (P − Pmin) / Pmin"),
                PriceModel::Proportional => format!("{scale} × Pmin / P"),
            },
            weight_sum: plain(sum, language),
        }
    }

    fn weights(&self) -> Vec<WeightData> {
        let language = self.profile.language;
        self.outcome
            .rules
            .weights
            .iter()
            .map(|w| {
                let requirement = self.set.evaluated.iter().find(|r| r.id == w.id);
                let scores = self.outcome.tenders.iter().zip(self.responses);
                WeightData {
                    id: w.id.clone(),
                    topic: requirement.map(label).unwrap_or_default(),
                    weight: plain(w.weight, language),
                    points: scores
                        .filter(|(tender, _)| tender.points.is_some())
                        .map(|(_, response)| points_of(response, &w.id, language))
                        .collect(),
                }
            })
            .collect()
    }

    /// One row per mandatory requirement and documentation item, one cell per supplier.
    fn qualification(&self) -> Vec<QualificationRow> {
        let mut rows = Vec::new();
        for requirement in &self.set.mandatory {
            rows.push(self.qualification_row(&requirement.id, &label(requirement), false));
            for item in &requirement.items {
                rows.push(self.qualification_row(&item.id, &item.text, true));
            }
        }
        rows
    }

    fn qualification_row(&self, id: &str, text: &str, item: bool) -> QualificationRow {
        let language = self.profile.language;
        QualificationRow {
            id: id.to_string(),
            text: text.to_string(),
            item,
            cells: self
                .responses
                .iter()
                .map(|response| {
                    let answer = response.answers.get(id).map(|a| a.answer);
                    Cell {
                        answer: verdict(answer, language).to_string(),
                        passed: answer == Some(Verdict::Yes),
                    }
                })
                .collect(),
        }
    }

    fn supplier(&self, tender: &Tender, response: &Response) -> SupplierData {
        let language = self.profile.language;
        let points = tender.points;
        let number = |value: Option<f64>| value.map(|v| decimal(v, language)).unwrap_or_default();
        SupplierData {
            name: tender.supplier.clone(),
            qualified: tender.failures.is_empty(),
            failures: tender
                .failures
                .iter()
                .map(|f| FailureData {
                    id: f.id.clone(),
                    answer: verdict(f.answer, language).to_string(),
                })
                .collect(),
            price: plain(tender.price, language),
            quality: number(points.map(|p| p.quality)),
            price_points: number(points.map(|p| p.price)),
            total: number(points.map(|p| p.total)),
            rank: points.map_or(0, |p| p.rank),
            tied: points.is_some_and(|p| p.tied),
            workings: points.map(|p| self.workings(tender, response, p)),
            submitted: response.submitted.clone(),
            contact: response.contact.clone(),
            answers: self.answers(response),
            scores: self.scores(response),
        }
    }

    /// The formulas with this tender's numbers put in, so each result can be checked by hand.
    fn workings(&self, tender: &Tender, response: &Response, points: Points) -> Workings {
        let language = self.profile.language;
        let rules = &self.outcome.rules;
        let scale = plain(rules.scale, language);
        let price = plain(tender.price, language);
        let lowest = plain(self.outcome.lowest_price.unwrap_or_default(), language);

        let terms: Vec<String> = rules
            .weights
            .iter()
            .map(|w| {
                let given = points_of(response, &w.id, language);
                format!("{} × {given}", plain(w.weight, language))
            })
            .collect();
        let sum: f64 = rules.weights.iter().map(|w| w.weight).sum();
        Workings {
            quality: format!("({}) / {}", terms.join(" + "), plain(sum, language)),
            price: match rules.price_model {
                PriceModel::Linear => {
                    format!("{scale} − {scale} × ({price} − {lowest}) / {lowest}")
                }
                PriceModel::Proportional => format!("{scale} × {lowest} / {price}"),
            },
            total: format!(
                "{}\u{a0}% × {} + {}\u{a0}% × {}",
                plain(rules.quality_weight, language),
                decimal(points.quality, language),
                plain(rules.price_weight(), language),
                decimal(points.price, language)
            ),
        }
    }

    /// The supplier's answers in document order, to every requirement the set holds.
    fn answers(&self, response: &Response) -> Vec<AnswerData> {
        let language = self.profile.language;
        let ids = self.set.all().flat_map(|r| {
            std::iter::once(r.id.as_str()).chain(r.items.iter().map(|item| item.id.as_str()))
        });
        ids.filter_map(|id| {
            let answer = response.answers.get(id)?;
            Some(AnswerData {
                id: id.to_string(),
                answer: verdict(Some(answer.answer), language).to_string(),
                reference: answer.reference.clone(),
                note: answer.note.clone(),
            })
        })
        .collect()
    }

    fn scores(&self, response: &Response) -> Vec<ScoreData> {
        let language = self.profile.language;
        self.set
            .evaluated
            .iter()
            .filter_map(|r| {
                let score = response.scores.get(&r.id)?;
                Some(ScoreData {
                    id: r.id.clone(),
                    points: plain(score.points, language),
                    reason: score.reason.clone(),
                })
            })
            .collect()
    }
}

/// The committee's points for `id` as written, or 0 when there are none.
fn points_of(response: &Response, id: &str, language: Language) -> String {
    plain(response.scores.get(id).map_or(0.0, |s| s.points), language)
}

fn label(requirement: &crate::tailoring::Resolved) -> String {
    requirement
        .topic
        .clone()
        .unwrap_or_else(|| requirement.text.clone())
}

/// An answer as the documents' language writes it.
pub fn verdict(answer: Option<Verdict>, language: Language) -> &'static str {
    match (answer, language) {
        (Some(Verdict::Yes), Language::Nb) => "Ja",
        (Some(Verdict::Partly), Language::Nb) => "Delvis",
        (Some(Verdict::No), Language::Nb) => "Nei",
        (None, Language::Nb) => "Ikke besvart",
        (Some(Verdict::Yes), Language::En) => "Yes",
        (Some(Verdict::Partly), Language::En) => "Partly",
        (Some(Verdict::No), Language::En) => "No",
        (None, Language::En) => "Not answered",
    }
}

fn folder(language: Language) -> &'static str {
    match language {
        Language::Nb => "nb",
        Language::En => "en",
    }
}

#[derive(Serialize)]
struct ReportData<'a> {
    project: &'a Project,
    rules: RulesData,
    weights: Vec<WeightData>,
    qualification: Vec<QualificationRow>,
    tenders: usize,
    rejected: usize,
    /// Some qualified suppliers share a rank.
    tie: bool,
    /// Every supplier, in the order the responses were given.
    suppliers: Vec<SupplierData>,
    /// The qualified suppliers, in the order the responses were given.
    qualified: Vec<SupplierData>,
    /// The qualified suppliers, best first.
    ranking: Vec<SupplierData>,
    lowest_price: Option<String>,
}

#[derive(Serialize)]
struct RulesData {
    scale: String,
    quality_weight: String,
    price_weight: String,
    linear: bool,
    price_formula: String,
    weight_sum: String,
}

/// An evaluated requirement, its weight and each qualified supplier's points.
#[derive(Serialize)]
struct WeightData {
    id: String,
    topic: String,
    weight: String,
    points: Vec<String>,
}

#[derive(Serialize)]
struct QualificationRow {
    id: String,
    text: String,
    item: bool,
    cells: Vec<Cell>,
}

#[derive(Serialize)]
struct Cell {
    answer: String,
    passed: bool,
}

#[derive(Clone, Serialize)]
struct SupplierData {
    name: String,
    qualified: bool,
    failures: Vec<FailureData>,
    price: String,
    quality: String,
    price_points: String,
    total: String,
    rank: usize,
    tied: bool,
    workings: Option<Workings>,
    submitted: Option<String>,
    contact: Option<String>,
    answers: Vec<AnswerData>,
    scores: Vec<ScoreData>,
}

#[derive(Clone, Serialize)]
struct FailureData {
    id: String,
    answer: String,
}

#[derive(Clone, Serialize)]
struct Workings {
    quality: String,
    price: String,
    total: String,
}

#[derive(Clone, Serialize)]
struct AnswerData {
    id: String,
    answer: String,
    reference: Option<String>,
    note: Option<String>,
}

#[derive(Clone, Serialize)]
struct ScoreData {
    id: String,
    points: String,
    reason: String,
}
