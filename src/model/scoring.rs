//! Scoring: from an assessment to levels and confidence (the advice is `advice.rs`'s, the gap
//! between two views `compare.rs`'s).
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
//!   what exists working, delivering the new; `scoring.basics` in `questions/model.toml`). While
//!   those questions' weighted mean is below `basics_sound` (3; 2.5 is below it, though its level
//!   rounds to 3), the overall level stays below it too; otherwise it stands at most `cap_margin` (1) above it, whatever the other dimensions
//!   say. The report says so when it applies.
//! - The claims: each level's description relies on answers (`backed_by` in `model.toml`); the
//!   overall level is the highest, up to the capped one, for which no such answer of its own or
//!   of a lower level stands below what the claim needs. An answer not given contradicts nothing.
//! - Questions the model added after an assessment's version (`since` above its `model_version`)
//!   count once answered: until then its scores rest on the questions it was asked, so a complete
//!   assessment keeps a score wherever one of its questions is still asked.
//! - Confidence of a dimension: the share of its applicable questions answered with a statement:
//!   high from 80 %, medium from 50 %, else low.

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
    let point = super::words::tr(super::keys::format::DECIMAL);
    format!("{}{point}{}", t / 10, t % 10)
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

    /// Whether the score is below `level` itself, not only its rounded level (2.5 is below 3).
    pub fn below(&self, level: u8) -> Option<bool> {
        self.tenths.map(|t| t < u16::from(level) * 10)
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
    /// Their score, in tenths.
    pub basics_tenths: u16,
    /// Their score is below `basics_sound` (not only their level: 2.5 is not sound).
    pub basics_unsound: bool,
    /// How many dimensions the score rests on.
    pub based_on: usize,
    /// What holds the level below the score's, if anything.
    pub held: Option<Hold>,
}

/// Why the overall level stands below the one the score alone gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Hold {
    /// The basic services: see the cap above.
    Basics,
    /// An answer the description of `level` relies on stands at `answer`, below `at_least`.
    Unbacked {
        level: u8,
        question: String,
        answer: u8,
        at_least: u8,
    },
}

impl Overall {
    pub fn capped(&self) -> bool {
        self.level < self.uncapped_level
    }

    /// The level the rule before `scoring.level_rule_since` gave: the score's, at most
    /// `cap_margin` above the basics.
    pub fn earlier_rule_level(&self, bank: &Bank) -> u8 {
        self.uncapped_level
            .min(self.basics_level + bank.model.scoring.cap_margin)
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
    // A question the model added after these answers were given counts once it is answered.
    let asked =
        &|q: &Question| asked(q) && (q.since <= a.model_version || a.answers.contains_key(&q.id));
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
    let overall = overall(bank, &dimensions, &basics, &|l| unbacked(bank, a, asked, l));
    Scores {
        dimensions,
        roles,
        basics,
        overall,
    }
}

/// The first answer that does not back a claim of `level`'s description, as a [`Hold`].
fn unbacked(
    bank: &Bank,
    a: &Assessment,
    asked: &dyn Fn(&Question) -> bool,
    level: u8,
) -> Option<Hold> {
    let info = bank.model.levels.get(usize::from(level).checked_sub(1)?)?;
    info.backed_by.iter().find_map(|b| {
        let (_, q) = bank.question(&b.question)?;
        let answer = a.answers.get(&q.id)?.level()?;
        (asked(q) && q.active_in(bank.version()) && answer < b.at_least).then(|| Hold::Unbacked {
            level,
            question: q.id.clone(),
            answer,
            at_least: b.at_least,
        })
    })
}

fn overall(
    bank: &Bank,
    dims: &[DimensionScore],
    basics: &Tally,
    unbacked: &dyn Fn(u8) -> Option<Hold>,
) -> Option<Overall> {
    let basics_level = basics.level()?;
    let basics_unsound = basics.below(bank.model.scoring.basics_sound)?;
    let scores: Vec<u16> = dims.iter().filter_map(|d| d.tally.tenths).collect();
    if scores.is_empty() || scores.len() * 2 < dims.len() {
        return None;
    }
    let sum: u32 = scores.iter().map(|&t| u32::from(t)).sum();
    let tenths = round_tenths(sum, scores.len() as u32 * 10);
    let uncapped_level = level_of_tenths(tenths);
    let rule = &bank.model.scoring;
    let mut cap = basics_level + rule.cap_margin;
    if basics_unsound {
        cap = cap.min(rule.basics_sound - 1);
    }
    let mut level = uncapped_level.min(cap);
    let mut held = (level < uncapped_level).then_some(Hold::Basics);
    // The lowest level whose claims an answer contradicts bounds the level from above.
    if let Some(hold) = (2..=level).find_map(unbacked) {
        if let Hold::Unbacked { level: l, .. } = hold {
            level = l - 1;
        }
        held = Some(hold);
    }
    Some(Overall {
        tenths,
        uncapped_level,
        level,
        basics_level,
        basics_tenths: basics.tenths?,
        basics_unsound,
        based_on: scores.len(),
        held,
    })
}
