//! Scoring: from an assessment to levels, confidence and advice (the gap between two views is
//! `compare.rs`'s).
//!
//! The rules, in one place:
//! - A question scores the level of the chosen statement (1 to 5). "Don't know", "Not applicable",
//!   unanswered questions, questions not asked of the respondent's side (`audience`) and answers to
//!   questions the model no longer asks are not scored.
//! - A dimension (and each IT role) scores the weighted mean of its scored questions, computed in
//!   integers (the sum of weight × level over the sum of weights) and rounded once to one decimal,
//!   halves up. It needs at least half of its *applicable* questions scored (applicable: asked and
//!   not "Not applicable"), so "Not applicable" never blocks a score; otherwise it has "not enough
//!   answers". "Don't know" counts as applicable and unscored: many of them mean low visibility.
//! - A score's level comes from that rounded score: the nearest whole level, halves up (2.5 is 3).
//!   So the level shown always agrees with the score shown.
//! - Overall: the mean of the dimension scores *as shown* (one decimal), rounded once more to one
//!   decimal, given that at least half of the dimensions are scored and the basics are answered.
//!   A reader who adds up the printed dimension scores gets the printed overall.
//! - The cap: the business only takes IT's advice once IT delivers its two basic services (keeping
//!   what exists working, delivering the new; `scoring.basics` in `questions/model.toml`). The
//!   overall level stands at most `cap_margin` (1) above the level of those questions' weighted
//!   mean, whatever the other dimensions say; the report says so when it applies.
//! - Confidence of a dimension: the share of its applicable questions answered with a statement:
//!   high from 80 %, medium from 50 %, else low.
//! - Advice: each answered statement's `next` is a step. Quick wins are the steps of statements
//!   flagged `quick`, lowest answers first. While the basics are below level 3, steps of questions
//!   marked `after_basics` (advise, propose, lead) are held back, and the quick steps of the
//!   dimension that holds the basics come first: stop the bleeding before offering advice.

use super::{Answer, Assessment, Bank, Question};
use serde::Serialize;

/// What a group of questions (a dimension or a role) adds up to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Questions asked of the respondent by the current model.
    pub total: usize,
    /// Answered with a statement.
    pub scored: usize,
    pub dont_know: usize,
    pub not_applicable: usize,
    /// The weighted mean in tenths (10 to 50), rounded once; `None` under the half rule.
    pub tenths: Option<u16>,
}

/// A score in tenths as people read it: 27 is "2.7".
pub fn tenths_text(t: u16) -> String {
    format!("{}.{}", t / 10, t % 10)
}

/// The level a score in tenths stands for: the nearest whole level, halves up.
pub fn level_of_tenths(t: u16) -> u8 {
    ((t + 5) / 10).clamp(1, 5) as u8
}

/// `numerator / denominator` to the nearest tenth, halves up, in integers.
fn round_tenths(numerator: u32, denominator: u32) -> u16 {
    ((20 * numerator + denominator) / (2 * denominator)) as u16
}

impl Tally {
    pub fn applicable(&self) -> usize {
        self.total - self.not_applicable
    }

    pub fn score(&self) -> Option<f64> {
        self.tenths.map(|t| f64::from(t) / 10.0)
    }

    /// The score as shown, e.g. "2.7".
    pub fn score_text(&self) -> Option<String> {
        self.tenths.map(tenths_text)
    }

    pub fn level(&self) -> Option<u8> {
        self.tenths.map(level_of_tenths)
    }

    pub fn unanswered(&self) -> usize {
        self.total - self.scored - self.dont_know - self.not_applicable
    }

    /// `scored / applicable`, 0.0 to 1.0 (1.0 when nothing applies).
    pub fn confidence(&self) -> f64 {
        match self.applicable() {
            0 => 1.0,
            n => self.scored as f64 / n as f64,
        }
    }

    /// A word for the confidence, for people rather than charts.
    pub fn confidence_label(&self) -> &'static str {
        let n = self.applicable();
        if self.scored * 10 >= n * 8 {
            "high"
        } else if self.scored * 2 >= n {
            "medium"
        } else {
            "low"
        }
    }
}

/// Adds up the given questions' answers.
pub fn tally<'a>(questions: impl Iterator<Item = &'a Question>, a: &Assessment) -> Tally {
    let mut t = Tally::default();
    let (mut sum, mut weights) = (0u32, 0u32);
    for q in questions {
        t.total += 1;
        match a.answers.get(&q.id) {
            Some(Answer::Level(l)) => {
                t.scored += 1;
                sum += u32::from(*l) * u32::from(q.weight);
                weights += u32::from(q.weight);
            }
            Some(Answer::DontKnow) => t.dont_know += 1,
            Some(Answer::NotApplicable) => t.not_applicable += 1,
            None => {}
        }
    }
    if t.scored > 0 && t.scored * 2 >= t.applicable() {
        t.tenths = Some(round_tenths(sum, weights));
    }
    t
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Overall {
    /// Mean of the scored dimensions' shown scores, in tenths.
    pub tenths: u16,
    /// The level the score alone would give.
    pub uncapped_level: u8,
    /// After the cap.
    pub level: u8,
    /// The level of the two basic services.
    pub basics_level: u8,
    /// How many dimensions the score rests on.
    pub based_on: usize,
}

impl Overall {
    pub fn capped(&self) -> bool {
        self.level < self.uncapped_level
    }

    pub fn score(&self) -> f64 {
        f64::from(self.tenths) / 10.0
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    pub dimensions: Vec<DimensionScore>,
    pub roles: Vec<RoleScore>,
    /// The basic services (keep working, deliver the new) together.
    pub basics: Tally,
    /// `None` while there are not enough answers for an overall level.
    pub overall: Option<Overall>,
}

impl Scores {
    /// Every question asked of the respondent, all dimensions together: what the overall
    /// confidence rests on.
    pub fn all(&self) -> Tally {
        let mut all = Tally::default();
        for d in &self.dimensions {
            all.total += d.tally.total;
            all.scored += d.tally.scored;
            all.not_applicable += d.tally.not_applicable;
            all.dont_know += d.tally.dont_know;
        }
        all
    }
}

/// Scores an assessment against the bank (the current model version, the respondent's side).
pub fn score(bank: &Bank, a: &Assessment) -> Scores {
    let side = a.perspective;
    score_over(bank, a, &|q| super::asks(q, side))
}

/// Scores over the current questions that `asked` keeps (a comparison keeps those both sides are
/// asked, so that IT and the business are scored over the same items).
pub fn score_over(bank: &Bank, a: &Assessment, asked: &dyn Fn(&Question) -> bool) -> Scores {
    let dimensions: Vec<DimensionScore> = bank
        .dimensions
        .iter()
        .map(|d| DimensionScore {
            id: d.id.clone(),
            name: d.name.clone(),
            tally: tally(bank.active(d).filter(|q| asked(q)), a),
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
                    .filter(|q| asked(q))
                    .filter(|q| q.role.as_deref() == Some(r.id.as_str())),
                a,
            ),
        })
        .collect();
    let basics = tally(
        bank.model
            .scoring
            .basics
            .iter()
            .filter_map(|id| bank.question(id).map(|(_, q)| q))
            .filter(|q| q.active_in(bank.version()) && asked(q)),
        a,
    );
    let overall = overall(bank, &dimensions, &basics);
    Scores {
        dimensions,
        roles,
        basics,
        overall,
    }
}

fn overall(bank: &Bank, dims: &[DimensionScore], basics: &Tally) -> Option<Overall> {
    let basics_level = basics.level()?;
    let scores: Vec<u16> = dims.iter().filter_map(|d| d.tally.tenths).collect();
    if scores.is_empty() || scores.len() * 2 < dims.len() {
        return None;
    }
    let sum: u32 = scores.iter().map(|&t| u32::from(t)).sum();
    let tenths = round_tenths(sum, scores.len() as u32 * 10);
    let uncapped_level = level_of_tenths(tenths);
    Some(Overall {
        tenths,
        uncapped_level,
        level: uncapped_level.min(basics_level + bank.model.scoring.cap_margin),
        basics_level,
        based_on: scores.len(),
    })
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
    pub tenths: Option<u16>,
    /// Lowest answers first, heavier questions first among equals.
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Advice {
    /// At most three cheap, fast steps, the lowest answers (and, while the basics are weak, the
    /// basics) first.
    pub quick_wins: Vec<Step>,
    /// Weakest dimension first; dimensions without enough answers last.
    pub dimensions: Vec<DimensionAdvice>,
    /// Steps that ask IT to advise, propose or lead were held back: the basics are below level 3.
    pub held_back: bool,
}

pub const QUICK_WINS: usize = 3;
/// Below this level of the basics, advice-giving steps wait.
pub const BASICS_FIRST_BELOW: u8 = 3;

/// Next steps from the current answers.
pub fn advise(bank: &Bank, a: &Assessment) -> Advice {
    let report = score(bank, a);
    let weak_basics = report
        .basics
        .level()
        .is_some_and(|l| l < BASICS_FIRST_BELOW);
    // "Stop the bleeding" steps: those of the dimension that holds the basic services (keeping
    // things working, relieving the worst problems, handling failures).
    let bleeding: Vec<&str> = bank
        .model
        .scoring
        .basics
        .iter()
        .filter_map(|b| bank.question(b).map(|(d, _)| d.id.as_str()))
        .collect();
    let mut held_back = false;
    // (not a basic while the basics are weak, level, heavier first, step)
    let mut candidates: Vec<(bool, u8, std::cmp::Reverse<u8>, Step)> = Vec::new();
    let mut dimensions: Vec<DimensionAdvice> = bank
        .dimensions
        .iter()
        .zip(&report.dimensions)
        .map(|(d, ds)| {
            let mut steps: Vec<(u8, Step)> = bank
                .asked(d, a.perspective)
                .filter_map(|q| {
                    let level = a.answers.get(&q.id)?.level()?;
                    if level == 5 {
                        return None;
                    }
                    if weak_basics && q.after_basics {
                        held_back = true;
                        return None;
                    }
                    let statement = &q.answers[usize::from(level) - 1];
                    let step = Step {
                        question: q.id.clone(),
                        dimension: d.id.clone(),
                        level,
                        text: statement.next.clone(),
                    };
                    if statement.quick {
                        let later = weak_basics && !bleeding.contains(&d.id.as_str());
                        candidates.push((later, level, std::cmp::Reverse(q.weight), step.clone()));
                    }
                    Some((q.weight, step))
                })
                .collect();
            super::sort_by_key(&mut steps, |(w, s)| (s.level, std::cmp::Reverse(*w)));
            DimensionAdvice {
                id: d.id.clone(),
                name: d.name.clone(),
                tenths: ds.tally.tenths,
                steps: steps.into_iter().map(|(_, s)| s).collect(),
            }
        })
        .collect();
    // Stable: among equal scores, the dimensions keep their order.
    super::sort_by_key(&mut dimensions, |d| (d.tenths.is_none(), d.tenths));
    super::sort_by_key(&mut candidates, |(later, level, weight, _)| {
        (*later, *level, *weight)
    });
    Advice {
        quick_wins: candidates
            .into_iter()
            .take(QUICK_WINS)
            .map(|(_, _, _, s)| s)
            .collect(),
        dimensions,
        held_back,
    }
}
