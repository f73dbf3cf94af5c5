//! Scoring: from an assessment to levels, confidence, the perception gap and advice.
//!
//! The rules, in one place:
//! - A question scores the level of the chosen statement (1 to 5). "Don't know", "Not applicable",
//!   unanswered questions and answers to questions the model no longer asks are not scored.
//! - A dimension (and each IT role) scores the weighted mean of its scored questions, 1.0 to 5.0,
//!   but only when at least half of its questions are scored; otherwise it has "not enough answers".
//!   The denominator is every question asked, so adding "Don't know" or "Not applicable" never
//!   changes a score.
//! - A score maps to the nearest level, halves rounding up: 2.5 is level 3.
//! - Overall: the mean of the dimension scores, given that the cap dimension (Delivery and trust)
//!   and at least half of the dimensions are scored. The business only asks IT's advice once IT
//!   keeps things working and delivers the new well, so the overall level is capped at
//!   `cap_margin` (1) above the cap dimension's level, whatever the other dimensions say.
//! - Confidence of a dimension: the share of its applicable questions (asked, not "Not applicable")
//!   that were answered with a statement. Many "Don't know" answers mean low visibility.

use super::{Answer, Assessment, Bank, Question};
use serde::Serialize;

/// What a group of questions (a dimension or a role) adds up to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tally {
    /// Questions asked by the current model.
    pub total: usize,
    /// Answered with a statement.
    pub scored: usize,
    pub dont_know: usize,
    pub not_applicable: usize,
    /// Weighted mean, or `None` with fewer than half the questions scored.
    pub score: Option<f64>,
    /// `scored / (total - not_applicable)`, 0.0 to 1.0 (1.0 when nothing applies).
    pub confidence: f64,
}

impl Tally {
    pub fn level(&self) -> Option<u8> {
        self.score.map(level_of)
    }

    pub fn unanswered(&self) -> usize {
        self.total - self.scored - self.dont_know - self.not_applicable
    }

    /// A word for the confidence, for people rather than charts.
    pub fn confidence_label(&self) -> &'static str {
        match self.confidence {
            c if c >= 0.8 => "high",
            c if c >= 0.5 => "medium",
            _ => "low",
        }
    }
}

/// The level a score stands for: the nearest whole level, halves rounding up.
pub fn level_of(score: f64) -> u8 {
    (score + 0.5).floor().clamp(1.0, 5.0) as u8
}

/// Adds up the given questions' answers.
pub fn tally<'a>(questions: impl Iterator<Item = &'a Question>, a: &Assessment) -> Tally {
    let (mut total, mut scored, mut dk, mut na) = (0, 0, 0, 0);
    let (mut sum, mut weights) = (0.0, 0.0);
    for q in questions {
        total += 1;
        match a.answers.get(&q.id) {
            Some(Answer::Level(l)) => {
                scored += 1;
                sum += f64::from(*l) * f64::from(q.weight);
                weights += f64::from(q.weight);
            }
            Some(Answer::DontKnow) => dk += 1,
            Some(Answer::NotApplicable) => na += 1,
            None => {}
        }
    }
    let score = (scored > 0 && scored * 2 >= total).then(|| sum / weights);
    let applicable = total - na;
    let confidence = if applicable == 0 {
        1.0
    } else {
        scored as f64 / applicable as f64
    };
    Tally {
        total,
        scored,
        dont_know: dk,
        not_applicable: na,
        score,
        confidence,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionScore {
    pub id: String,
    pub name: String,
    pub tally: Tally,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleScore {
    pub id: String,
    pub name: String,
    pub tally: Tally,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overall {
    /// Mean of the scored dimensions.
    pub score: f64,
    /// The level the score alone would give.
    pub uncapped_level: u8,
    /// After the delivery cap.
    pub level: u8,
    /// How many dimensions the score rests on.
    pub based_on: usize,
}

impl Overall {
    pub fn capped(&self) -> bool {
        self.level < self.uncapped_level
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub dimensions: Vec<DimensionScore>,
    pub roles: Vec<RoleScore>,
    /// `None` while there are not enough answers for an overall level.
    pub overall: Option<Overall>,
}

/// Scores an assessment against the bank (the current model version).
pub fn score(bank: &Bank, a: &Assessment) -> Report {
    let dimensions: Vec<DimensionScore> = bank
        .dimensions
        .iter()
        .map(|d| DimensionScore {
            id: d.id.clone(),
            name: d.name.clone(),
            tally: tally(bank.active(d), a),
        })
        .collect();
    let roles = bank
        .model
        .roles
        .iter()
        .map(|r| RoleScore {
            id: r.id.clone(),
            name: r.name.clone(),
            tally: tally(
                bank.dimensions
                    .iter()
                    .flat_map(|d| bank.active(d))
                    .filter(|q| q.role.as_deref() == Some(r.id.as_str())),
                a,
            ),
        })
        .collect();
    let overall = overall(bank, &dimensions);
    Report {
        dimensions,
        roles,
        overall,
    }
}

fn overall(bank: &Bank, dims: &[DimensionScore]) -> Option<Overall> {
    let rule = &bank.model.scoring;
    let cap = dims
        .iter()
        .find(|d| d.id == rule.cap_dimension)?
        .tally
        .level()?;
    let scores: Vec<f64> = dims.iter().filter_map(|d| d.tally.score).collect();
    if scores.len() * 2 < dims.len() {
        return None;
    }
    let score = scores.iter().sum::<f64>() / scores.len() as f64;
    let uncapped_level = level_of(score);
    Some(Overall {
        score,
        uncapped_level,
        level: uncapped_level.min(cap + rule.cap_margin),
        based_on: scores.len(),
    })
}

/// One dimension seen from two assessments.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionGap {
    pub id: String,
    pub name: String,
    pub first: Option<f64>,
    pub second: Option<f64>,
}

impl DimensionGap {
    /// `second - first`, when both are scored.
    pub fn difference(&self) -> Option<f64> {
        Some(self.second? - self.first?)
    }
}

/// A question both assessments answered with a statement, and how far apart they are.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionGap {
    pub question: String,
    pub first: u8,
    pub second: u8,
}

impl QuestionGap {
    pub fn difference(&self) -> i8 {
        self.second as i8 - self.first as i8
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    pub dimensions: Vec<DimensionGap>,
    /// Disagreements, largest first (ties in question order); questions answered alike are left out.
    pub questions: Vec<QuestionGap>,
}

/// The perception gap between two assessments of the same model (e.g. IT's and the business's).
pub fn gap(bank: &Bank, first: &Assessment, second: &Assessment) -> Result<Gap, GapError> {
    for a in [first, second] {
        if a.model != bank.model.id {
            return Err(GapError::OtherModel(a.model.clone()));
        }
    }
    let (r1, r2) = (score(bank, first), score(bank, second));
    let dimensions = r1
        .dimensions
        .iter()
        .zip(&r2.dimensions)
        .map(|(d1, d2)| DimensionGap {
            id: d1.id.clone(),
            name: d1.name.clone(),
            first: d1.tally.score,
            second: d2.tally.score,
        })
        .collect();
    let mut questions: Vec<QuestionGap> = bank
        .order(bank.version())
        .into_iter()
        .filter_map(|q| {
            let l1 = first.answers.get(&q.id)?.level()?;
            let l2 = second.answers.get(&q.id)?.level()?;
            (l1 != l2).then(|| QuestionGap {
                question: q.id.clone(),
                first: l1,
                second: l2,
            })
        })
        .collect();
    // Stable sort keeps question order among equal disagreements.
    questions.sort_by_key(|g| std::cmp::Reverse(g.difference().unsigned_abs()));
    Ok(Gap {
        dimensions,
        questions,
    })
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GapError {
    OtherModel(String),
}

impl std::fmt::Display for GapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GapError::OtherModel(m) => write!(
                f,
                "one assessment was made with another question model ({m:?}), so the two cannot be compared"
            ),
        }
    }
}

/// One next step: the advice attached to the statement the respondent chose.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub question: String,
    pub dimension: String,
    pub level: u8,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionAdvice {
    pub id: String,
    pub name: String,
    pub score: Option<f64>,
    /// Lowest answers first, heavier questions first among equals.
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Advice {
    /// At most three cheap, fast steps from the lowest answers, to stop the bleeding.
    pub quick_wins: Vec<Step>,
    /// Weakest dimension first; dimensions without enough answers last.
    pub dimensions: Vec<DimensionAdvice>,
}

pub const QUICK_WINS: usize = 3;

/// Next steps from the current answers.
pub fn advise(bank: &Bank, a: &Assessment) -> Advice {
    let report = score(bank, a);
    let mut candidates: Vec<(u8, u8, Step)> = Vec::new();
    let mut dimensions: Vec<DimensionAdvice> = bank
        .dimensions
        .iter()
        .zip(&report.dimensions)
        .map(|(d, ds)| {
            let mut steps: Vec<(u8, Step)> = bank
                .active(d)
                .filter_map(|q| {
                    let level = a.answers.get(&q.id)?.level()?;
                    let step = Step {
                        question: q.id.clone(),
                        dimension: d.id.clone(),
                        level,
                        text: q.answers[usize::from(level) - 1].next.clone(),
                    };
                    if q.quick_win && level <= 3 {
                        candidates.push((level, q.weight, step.clone()));
                    }
                    (level < 5).then_some((q.weight, step))
                })
                .collect();
            steps.sort_by_key(|(w, s)| (s.level, std::cmp::Reverse(*w)));
            DimensionAdvice {
                id: d.id.clone(),
                name: d.name.clone(),
                score: ds.tally.score,
                steps: steps.into_iter().map(|(_, s)| s).collect(),
            }
        })
        .collect();
    dimensions.sort_by(|x, y| match (x.score, y.score) {
        (Some(a), Some(b)) => a.total_cmp(&b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    candidates.sort_by_key(|(level, weight, _)| (*level, std::cmp::Reverse(*weight)));
    Advice {
        quick_wins: candidates
            .into_iter()
            .take(QUICK_WINS)
            .map(|(_, _, s)| s)
            .collect(),
        dimensions,
    }
}
