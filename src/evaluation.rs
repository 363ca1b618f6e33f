//! The evaluation of the tenders: qualification (a tender is rejected when a mandatory requirement
//! is not met), quality points, price points among the qualified tenders, totals and the ranking.
//!
//! Numbers are plain `f64` throughout; they are rounded only when shown, and the ranking compares
//! totals as shown (two decimals), so that equal totals in the report are equal ranks.

use crate::diagnostic::Diagnostic;
use crate::profile::{PriceModel, Profile};
use crate::response::{Response, Verdict};
use crate::source::Source;
use crate::tailoring::RequirementSet;

/// A mandatory requirement a tender does not meet, and how it was answered (None: not at all).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub id: String,
    pub answer: Option<Verdict>,
}

/// An evaluated requirement and its weight.
#[derive(Clone, Debug, PartialEq)]
pub struct Weight {
    pub id: String,
    pub weight: f64,
}

/// How tenders are scored: the profile's scale, quality weight and price model, and the weights.
#[derive(Clone, Debug)]
pub struct Rules {
    pub scale: f64,
    /// Percent of the total given to quality.
    pub quality_weight: f64,
    pub price_model: PriceModel,
    pub weights: Vec<Weight>,
}

/// One tender as evaluated.
#[derive(Clone, Debug)]
pub struct Tender {
    pub supplier: String,
    pub price: f64,
    /// Empty when the tender is qualified.
    pub failures: Vec<Failure>,
    /// The points of a qualified tender; None for a rejected one.
    pub points: Option<Points>,
}

/// The points of one qualified tender.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Points {
    pub quality: f64,
    pub price: f64,
    pub total: f64,
    /// 1 is best; tenders with the same total (to two decimals) share a rank.
    pub rank: usize,
    /// Another tender has the same rank.
    pub tied: bool,
}

/// Every tender evaluated, in the order the responses were given.
#[derive(Clone, Debug)]
pub struct Outcome {
    pub rules: Rules,
    /// The lowest price among the qualified tenders (Pmin); None when all are rejected.
    pub lowest_price: Option<f64>,
    pub tenders: Vec<Tender>,
}

/// Why the profile does not allow a total to be computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unweighted {
    /// Evaluated requirements without a weight (possible under part-ii).
    Missing(Vec<String>),
    /// The weights add up to 0, so quality points are undefined.
    ZeroSum,
    /// Quality counts, but nothing is evaluated.
    NothingEvaluated,
}

impl Unweighted {
    /// The problem, located at the profile's evaluation settings.
    pub fn diagnostic(&self, profile: &Source) -> Diagnostic {
        let (pointer, message, hint) = match self {
            Unweighted::Missing(missing) => (
                "/evaluation",
                format!(
                    "weights are needed to compute a total; no weight is given for {}",
                    missing.join(", ")
                ),
                format!(
                    "add them under evaluation.weights (percent, adding up to 100), e.g. `{}: 50`; under part-ii a priority order is enough for the documents, but not for computing totals",
                    missing[0]
                ),
            ),
            Unweighted::ZeroSum => (
                "/evaluation/weights",
                "the weights add up to 0, so quality points cannot be computed".to_string(),
                "give at least one evaluated requirement a weight above 0".to_string(),
            ),
            Unweighted::NothingEvaluated => (
                "/evaluation/quality_weight",
                "quality counts in the total, but the profile evaluates no requirement".to_string(),
                "set quality_weight: 0 to award on price alone, or keep a recommended requirement"
                    .to_string(),
            ),
        };
        profile.error_at_key(pointer, message).with_hint(hint)
    }
}

impl Rules {
    /// The profile's evaluation rules, or why a total cannot be computed from them.
    pub fn of(profile: &Profile, set: &RequirementSet) -> Result<Rules, Unweighted> {
        let evaluation = &profile.evaluation;
        let missing: Vec<String> = set
            .evaluated
            .iter()
            .filter(|r| r.weight.is_none())
            .map(|r| r.id.clone())
            .collect();
        if !missing.is_empty() {
            return Err(Unweighted::Missing(missing));
        }

        let weights: Vec<Weight> = set
            .evaluated
            .iter()
            .map(|r| Weight {
                id: r.id.clone(),
                weight: f64::from(r.weight.unwrap_or_default()),
            })
            .collect();
        let sum: f64 = weights.iter().map(|w| w.weight).sum();
        match (weights.is_empty(), sum > 0.0, evaluation.quality_weight > 0) {
            (true, _, true) => return Err(Unweighted::NothingEvaluated),
            (false, false, _) => return Err(Unweighted::ZeroSum),
            _ => {}
        }

        Ok(Rules {
            scale: f64::from(evaluation.scale),
            quality_weight: f64::from(evaluation.quality_weight.min(100)),
            price_model: evaluation.price_model,
            weights,
        })
    }

    /// Percent of the total given to price.
    pub fn price_weight(&self) -> f64 {
        100.0 - self.quality_weight
    }
}

/// The mandatory requirements, with their documentation items, a tender does not meet: answered
/// partly or no, or not answered. Empty when the tender is qualified.
pub fn qualify(response: &Response, set: &RequirementSet) -> Vec<Failure> {
    let ids = set
        .mandatory
        .iter()
        .flat_map(|r| std::iter::once(&r.id).chain(r.items.iter().map(|item| &item.id)));
    ids.filter_map(|id| {
        let answer = response.answers.get(id).map(|a| a.answer);
        (answer != Some(Verdict::Yes)).then(|| Failure {
            id: id.clone(),
            answer,
        })
    })
    .collect()
}

/// Evaluates every response: qualification, then points among the qualified tenders.
pub fn evaluate(rules: Rules, set: &RequirementSet, responses: &[&Response]) -> Outcome {
    let failures: Vec<Vec<Failure>> = responses.iter().map(|r| qualify(r, set)).collect();
    let lowest_price = responses
        .iter()
        .zip(&failures)
        .filter(|(_, failed)| failed.is_empty())
        .map(|(response, _)| response.price)
        .min_by(f64::total_cmp);

    let totals: Vec<Option<(f64, f64, f64)>> = responses
        .iter()
        .zip(&failures)
        .map(|(response, failed)| {
            let lowest = lowest_price.filter(|_| failed.is_empty())?;
            let quality = quality_points(&rules.weights, response);
            let price = price_points(rules.price_model, rules.scale, response.price, lowest);
            Some((quality, price, total(rules.quality_weight, quality, price)))
        })
        .collect();
    let ranks = ranks(
        &totals
            .iter()
            .filter_map(|t| t.map(|t| t.2))
            .collect::<Vec<_>>(),
    );

    let mut ranked = ranks.into_iter();
    let tenders = responses
        .iter()
        .zip(failures)
        .zip(totals)
        .map(|((response, failures), totals)| Tender {
            supplier: response.supplier.trim().to_string(),
            price: response.price,
            failures,
            points: totals.and_then(|(quality, price, total)| {
                let (rank, tied) = ranked.next()?;
                Some(Points {
                    quality,
                    price,
                    total,
                    rank,
                    tied,
                })
            }),
        })
        .collect();

    Outcome {
        rules,
        lowest_price,
        tenders,
    }
}

/// Σ weight × points / Σ weights, on the profile's scale; 0 when nothing is weighted.
pub fn quality_points(weights: &[Weight], response: &Response) -> f64 {
    let sum: f64 = weights.iter().map(|w| w.weight).sum();
    if sum <= 0.0 {
        return 0.0;
    }
    let weighted: f64 = weights
        .iter()
        .map(|w| w.weight * response.scores.get(&w.id).map_or(0.0, |s| s.points))
        .sum();
    weighted / sum
}

/// Linear: scale − scale·(P − Pmin)/Pmin, which goes below zero above twice the lowest price;
/// proportional: scale·Pmin/P.
pub fn price_points(model: PriceModel, scale: f64, price: f64, lowest: f64) -> f64 {
    match model {
        PriceModel::Linear => scale - scale * (price - lowest) / lowest,
        PriceModel::Proportional => scale * lowest / price,
    }
}

/// quality_weight % × quality points + (100 − quality_weight) % × price points.
pub fn total(quality_weight: f64, quality: f64, price: f64) -> f64 {
    quality_weight / 100.0 * quality + (100.0 - quality_weight) / 100.0 * price
}

/// The rank of each total (1 is best) and whether it is shared: totals equal to two decimals
/// share a rank, and the next rank skips as many places (1, 1, 3).
pub fn ranks(totals: &[f64]) -> Vec<(usize, bool)> {
    let shown: Vec<i64> = totals.iter().map(|t| hundredths(*t)).collect();
    shown
        .iter()
        .map(|own| {
            let better = shown.iter().filter(|other| *other > own).count();
            let same = shown.iter().filter(|other| *other == own).count();
            (better + 1, same > 1)
        })
        .collect()
}

/// A number as shown with two decimals, in hundredths.
pub fn hundredths(value: f64) -> i64 {
    (value * 100.0).round() as i64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::response::Score;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    fn weights(given: &[(&str, f64)]) -> Vec<Weight> {
        given
            .iter()
            .map(|(id, weight)| Weight {
                id: id.to_string(),
                weight: *weight,
            })
            .collect()
    }

    fn scored(points: &[(&str, f64)]) -> Response {
        Response {
            format: 1,
            supplier: "Leverandør A".into(),
            price: 1.0,
            submitted: None,
            contact: None,
            answers: Default::default(),
            scores: points
                .iter()
                .map(|(id, points)| {
                    let reason = String::new();
                    (
                        id.to_string(),
                        Score {
                            points: *points,
                            reason,
                        },
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn quality_points_are_the_weighted_mean_on_the_scale() {
        // (60 × 9 + 40 × 8) / 100 = (540 + 320) / 100 = 8.6
        let hospital = weights(&[("K7", 60.0), ("EX-2", 40.0)]);
        let points = quality_points(&hospital, &scored(&[("K7", 9.0), ("EX-2", 8.0)]));
        assert!(close(points, 8.6), "{points}");

        // weights that do not add up to 100 (part-ii): (20 × 10 + 10 × 4) / 30 = 240 / 30 = 8
        let uneven = weights(&[("K3", 20.0), ("MUN-2", 10.0)]);
        let points = quality_points(&uneven, &scored(&[("K3", 10.0), ("MUN-2", 4.0)]));
        assert!(close(points, 8.0), "{points}");
    }

    #[test]
    fn the_hospital_example_total_of_leverandor_a() {
        // price points 10 − 10 × 150 000 / 1 100 000 = 95/11; total 0.4 × 8.6 + 0.6 × 95/11
        let price = price_points(PriceModel::Linear, 10.0, 1_250_000.0, 1_100_000.0);
        assert!(close(price, 95.0 / 11.0), "{price}");
        let total = total(40.0, 8.6, price);
        assert!(close(total, 3.44 + 57.0 / 11.0), "{total}");
        assert_eq!(hundredths(total), 862);
    }

    #[test]
    fn linear_price_points_fall_below_zero_above_twice_the_lowest_price() {
        // 10 − 10 · (2 500 000 − 1 000 000) / 1 000 000 = 10 − 15 = −5
        let points = price_points(PriceModel::Linear, 10.0, 2_500_000.0, 1_000_000.0);
        assert!(close(points, -5.0), "{points}");
        assert!(close(
            price_points(PriceModel::Linear, 10.0, 1.0e6, 1.0e6),
            10.0
        ));
    }

    #[test]
    fn proportional_price_points_are_the_lowest_price_over_the_price() {
        // 10 · 1 000 000 / 2 500 000 = 4
        let points = price_points(PriceModel::Proportional, 10.0, 2_500_000.0, 1_000_000.0);
        assert!(close(points, 4.0), "{points}");
        // on a scale of 100: 100 · 800 / 1 000 = 80
        assert!(close(
            price_points(PriceModel::Proportional, 100.0, 1000.0, 800.0),
            80.0
        ));
    }

    #[test]
    fn total_weighs_quality_and_price() {
        // 40 % × 7.2 + 60 % × 10 = 2.88 + 6 = 8.88
        assert!(close(total(40.0, 7.2, 10.0), 8.88));
        assert!(close(total(100.0, 7.2, -3.0), 7.2));
    }

    #[test]
    fn equal_totals_to_two_decimals_share_a_rank_and_the_next_skips() {
        let ranks = ranks(&[9.200_002, 9.2, 8.5, 9.31]);
        assert_eq!(ranks, vec![(2, true), (2, true), (4, false), (1, false)]);
    }

    #[test]
    fn totals_that_differ_in_the_second_decimal_do_not_tie() {
        assert_eq!(ranks(&[8.06, 8.07]), vec![(2, false), (1, false)]);
    }
}
