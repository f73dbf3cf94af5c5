//! Targets and a roadmap: where leadership wants each dimension, and the steps there in phases.
//!
//! The rules, in one place:
//! - A dimension's target is the level set for it; without one, the level above its current one
//!   (at most 5) is proposed. A dimension without enough answers for a score has no proposal.
//! - The first phase (the first 90 days) is what stops the bleeding and the quick steps, as the
//!   advice ranks them (`model::advice`).
//! - Each later phase (by half-year) lifts, in every dimension still below its target, each
//!   question answered below the target by one level, with the step its statement names.
//! - While the basics are below `basics_sound`, steps that presume trust (`after_basics`) wait,
//!   and a phase that holds one back also lifts the basics' questions below that level, so that a
//!   waiting dimension reaches its target in the phase after the basics are sound.
//! - Each phase shows what each dimension would score once its steps are done: the scoring of the
//!   assessment with those answers raised. The phases end when every target is reached.

use super::advice::{ranked_steps, Step};
use super::assessment::step_key;
use super::scoring::{score, Scores};
use super::{Answer, Assessment, Bank};
use serde::Serialize;

/// The most phases a roadmap has: each lifts every question it touches by a level, so five
/// levels, the first phase and a detour for the basics fit with room to spare.
pub const MAX_PHASES: usize = 8;

/// A dimension's target: set by a reader, or proposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Target {
    pub level: u8,
    pub proposed: bool,
}

/// Each dimension's target, in the bank's order (`None`: not set and no score to propose from).
pub fn targets(bank: &Bank, a: &Assessment, scores: &Scores) -> Vec<Option<Target>> {
    bank.dimensions
        .iter()
        .zip(&scores.dimensions)
        .map(|(d, s)| match a.targets.get(&d.id) {
            Some(&level) => Some(Target {
                level,
                proposed: false,
            }),
            None => s.tally.level().map(|l| Target {
                level: (l + 1).min(5),
                proposed: true,
            }),
        })
        .collect()
}

/// A dimension as it stands, or would once a phase is done.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Projection {
    pub dimension: String,
    /// `None`: not enough answers for a score.
    pub tenths: Option<u16>,
    pub level: Option<u8>,
    pub target: Option<u8>,
}

impl Projection {
    /// Whether the target is reached (true without a target; false without a score).
    pub fn reached(&self) -> bool {
        match (self.level, self.target) {
            (_, None) => true,
            (Some(l), Some(t)) => l >= t,
            (None, Some(_)) => false,
        }
    }
}

/// One step of the roadmap: a question lifted from the statement at `step.level` to the next.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoadStep {
    /// Its key among the steps marked done (`assessment::step_key`).
    pub key: String,
    pub step: Step,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Phase {
    /// The suggested horizon: done within this many months from the start.
    pub months: u8,
    pub steps: Vec<RoadStep>,
    /// Each dimension once this phase's steps (and the earlier phases') are done.
    pub projection: Vec<Projection>,
    /// The basics' score then, in tenths.
    pub basics_tenths: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Roadmap {
    /// Where each dimension stands today, with its target.
    pub start: Vec<Projection>,
    pub phases: Vec<Phase>,
}

impl Roadmap {
    /// The projection after the last phase (today's when there is none).
    pub fn end(&self) -> &[Projection] {
        self.phases.last().map_or(&self.start, |p| &p.projection)
    }
}

fn project(bank: &Bank, scores: &Scores, targets: &[Option<Target>]) -> Vec<Projection> {
    bank.dimensions
        .iter()
        .zip(&scores.dimensions)
        .zip(targets)
        .map(|((d, s), t)| Projection {
            dimension: d.id.clone(),
            tenths: s.tally.tenths,
            level: s.tally.level(),
            target: t.map(|t| t.level),
        })
        .collect()
}

/// Raises each step's question by one level.
fn lift(a: &mut Assessment, steps: &[RoadStep]) {
    for s in steps {
        a.answers
            .insert(s.step.question.clone(), Answer::Level(s.step.level + 1));
    }
}

/// The roadmap from the answers and the targets (see the module's rules).
pub fn roadmap(bank: &Bank, a: &Assessment) -> Roadmap {
    let rule = &bank.model.scoring;
    let scores = score(bank, a);
    let targets = targets(bank, a, &scores);
    let start = project(bank, &scores, &targets);
    let road = |ranked: Vec<(_, Step)>| -> Vec<RoadStep> {
        ranked
            .into_iter()
            .map(|(_, step)| RoadStep {
                key: step_key(&step.question, step.level),
                step,
            })
            .collect()
    };
    let mut now = a.clone();
    let mut scores = scores;
    let mut phases: Vec<Phase> = Vec::new();
    let bleeding = |s: &Scores| s.basics.below(rule.basics_sound).unwrap_or(false);
    // The first phase: the bleeding stopped, and the quick steps.
    let first = {
        let b = bleeding(&scores);
        let (ranked, _) = ranked_steps(bank, &now, b, &|_, _, _| true);
        road(
            ranked
                .into_iter()
                .filter(|(_, s)| s.bleeding.is_some() || s.quick)
                .collect(),
        )
    };
    // The first 90 days only for the first phase's steps; without them, the first phase is the
    // first half-year's.
    let mut months = if first.is_empty() { 6 } else { 3 };
    let mut next_phase = |now: &mut Assessment, steps: Vec<RoadStep>, phases: &mut Vec<Phase>| {
        lift(now, &steps);
        let scores = score(bank, now);
        phases.push(Phase {
            months,
            steps,
            projection: project(bank, &scores, &targets),
            basics_tenths: scores.basics.tenths,
        });
        months = if months < 6 { 6 } else { months + 6 };
        scores
    };
    if !first.is_empty() {
        scores = next_phase(&mut now, first, &mut phases);
    }
    while phases.len() < MAX_PHASES {
        let below: Vec<(String, u8)> = project(bank, &scores, &targets)
            .into_iter()
            .filter(|p| p.level.is_some() && !p.reached())
            .filter_map(|p| Some((p.dimension, p.target?)))
            .collect();
        if below.is_empty() {
            break;
        }
        let b = bleeding(&scores);
        let target_of = |d: &str| below.iter().find(|(id, _)| id == d).map(|(_, t)| *t);
        let (ranked, held) = ranked_steps(bank, &now, b, &|d, _, level| {
            target_of(d).is_some_and(|t| level < t)
        });
        let mut steps = road(ranked);
        if held {
            // Lift the basics too, so that what waits for them can follow.
            let (basics, _) = ranked_steps(bank, &now, b, &|_, q, level| {
                rule.basics.iter().any(|id| id == q) && level < rule.basics_sound
            });
            for s in road(basics) {
                if !steps.iter().any(|t| t.key == s.key) {
                    steps.push(s);
                }
            }
        }
        if steps.is_empty() {
            break;
        }
        scores = next_phase(&mut now, steps, &mut phases);
    }
    Roadmap { start, phases }
}
