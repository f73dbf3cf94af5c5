//! Advice: from an assessment to next steps, each with who acts.
//!
//! The rules, in one place:
//! - Each answered statement below level 5 gives its `next` as a step, with who acts.
//!   Steps are ranked by answer level, heavier questions first, then asking order; of the steps
//!   that share an action key only the first is kept. While the basics are not sound, the steps
//!   that stop the bleeding (`stop_the_bleeding`, by action key) come first in the documented
//!   order, everywhere, and steps marked `after_basics` (they presume trust) are held back. The
//!   first actions are those stop-the-bleeding steps, then quick steps, at least three in all
//!   when there are; with sound basics, the three first quick steps.

use super::bank::Who;
use super::scoring::{score, Scores};
use super::{Assessment, Bank};
use serde::Serialize;

/// One next step: the advice attached to the statement the respondent chose.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub question: String,
    pub dimension: String,
    pub level: u8,
    pub text: String,
    pub who: Who,
    /// Steps that ask for the same action share it (empty: a step of its own).
    pub action: String,
    pub quick: bool,
    /// Its place in `stop_the_bleeding` while the basics are not sound.
    pub bleeding: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionAdvice {
    pub id: String,
    pub name: String,
    pub tenths: Option<u16>,
    /// In rank order (see the module's rules).
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Advice {
    /// The steps to take first (see the module's rules).
    pub first: Vec<Step>,
    /// The basics are not sound: the first steps stop the bleeding.
    pub bleeding: bool,
    /// Weakest dimension first; dimensions without enough answers last.
    pub dimensions: Vec<DimensionAdvice>,
    /// Steps that presume trust were held back: the basics are not sound.
    pub held_back: bool,
}

pub const QUICK_WINS: usize = 3;

/// A step's place: stop-the-bleeding rank, answer level, heavier first, dimension, asking order.
type Rank = (usize, u8, std::cmp::Reverse<u8>, usize, usize);

/// The step of each answered statement below level 5 that `wanted` keeps (by dimension,
/// question and the statement's level), in rank order (see the module's rules), steps sharing an action included;
/// and whether a step was held back for the basics (`bleeding`).
pub(crate) fn ranked_steps(
    bank: &Bank,
    a: &Assessment,
    bleeding: bool,
    wanted: &dyn Fn(&str, &str, u8) -> bool,
) -> (Vec<(Rank, Step)>, bool) {
    let rule = &bank.model.scoring;
    let mut held_back = false;
    let mut ranked: Vec<(Rank, Step)> = Vec::new();
    for (di, d) in bank.dimensions.iter().enumerate() {
        for (qi, q) in bank.asked(d, a.perspective).enumerate() {
            let Some(level) = a.answers.get(&q.id).and_then(|x| x.level()) else {
                continue;
            };
            let Some(s) = q.answers.get(usize::from(level) - 1) else {
                continue;
            };
            if level == 5 || !wanted(&d.id, &q.id, level) {
                continue;
            }
            if bleeding && s.after_basics {
                held_back = true;
                continue;
            }
            let rank = if bleeding {
                rule.stop_the_bleeding.iter().position(|k| *k == s.action)
            } else {
                None
            };
            let step = Step {
                question: q.id.clone(),
                dimension: d.id.clone(),
                level,
                text: s.next.clone(),
                who: s.who.unwrap_or_default(),
                action: s.action.clone(),
                quick: s.quick,
                bleeding: rank,
            };
            let key = (
                rank.unwrap_or(usize::MAX),
                level,
                std::cmp::Reverse(q.weight),
                di,
                qi,
            );
            ranked.push((key, step));
        }
    }
    super::sort_by_key(&mut ranked, |(k, _)| *k);
    (ranked, held_back)
}

/// Next steps from the current answers.
pub fn advise(bank: &Bank, a: &Assessment) -> Advice {
    advise_scored(bank, a, &score(bank, a))
}

/// [`advise`], given the assessment's scores already worked out (the report has them).
pub fn advise_scored(bank: &Bank, a: &Assessment, report: &Scores) -> Advice {
    let bleeding = report
        .basics
        .below(bank.model.scoring.basics_sound)
        .unwrap_or(false);
    let (ranked, held_back) = ranked_steps(bank, a, bleeding, &|_, _, _| true);
    let mut seen: Vec<&str> = Vec::new();
    let mut steps: Vec<&Step> = Vec::new();
    for (_, s) in &ranked {
        if !s.action.is_empty() {
            if seen.contains(&s.action.as_str()) {
                continue;
            }
            seen.push(&s.action);
        }
        steps.push(s);
    }
    let mut first: Vec<Step> = steps
        .iter()
        .filter(|s| s.bleeding.is_some())
        .map(|s| (*s).clone())
        .collect();
    let quick = steps.iter().filter(|s| s.quick && s.bleeding.is_none());
    let room = QUICK_WINS.saturating_sub(first.len());
    first.extend(quick.take(room).map(|s| (*s).clone()));
    let mut dimensions: Vec<DimensionAdvice> = bank
        .dimensions
        .iter()
        .zip(&report.dimensions)
        .map(|(d, ds)| DimensionAdvice {
            id: d.id.clone(),
            name: d.name.clone(),
            tenths: ds.tally.tenths,
            steps: steps
                .iter()
                .filter(|s| s.dimension == d.id)
                .map(|s| (*s).clone())
                .collect(),
        })
        .collect();
    // Stable: among equal scores, the dimensions keep their order.
    super::sort_by_key(&mut dimensions, |d| (d.tenths.is_none(), d.tenths));
    Advice {
        first,
        bleeding,
        dimensions,
        held_back,
    }
}
