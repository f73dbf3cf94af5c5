//! The report leadership reads, as plain data: every number, level, sentence and chart series the
//! page shows, computed from the bank and one assessment. The view only lays it out, and every
//! later view (a shared link, the comparison) reuses it. Sentences come from the templates in
//! `questions/report.toml`, so a second language is a matter of files.

use super::advice::{advise_scored, Step};
use super::bank::Statement;
use super::bank::Who;
use super::keys as k;
use super::scoring::{self, score, Tally};
use super::words::{tr, trf};
use super::{Assessment, Bank, Perspective};
use serde::Serialize;

pub use super::report_summary::SUMMARY_WORDS;
use super::report_summary::{summary, why_held};

/// A step as the report lists it: what to do, and who does it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepLine {
    pub text: String,
    /// In words ("IT", "the business", ...).
    pub who: String,
}

impl StepLine {
    pub(crate) fn of(s: &Step) -> StepLine {
        StepLine {
            text: s.text.clone(),
            who: tr(match s.who {
                Who::It => k::labels::WHO_IT,
                Who::Business => k::labels::WHO_BUSINESS,
                Who::Both => k::labels::WHO_BOTH,
            })
            .to_string(),
        }
    }
}

/// One row of the dimension or role table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub id: String,
    pub name: String,
    /// One decimal, e.g. "2.7"; `None` with not enough answers.
    pub score: Option<String>,
    pub value: Option<f64>,
    pub level: Option<u8>,
    pub level_name: String,
    pub confidence: String,
    pub scored: usize,
    pub applicable: usize,
    pub dont_know: usize,
}

/// A chart's figures: one label and one value (or none) per axis or bar.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub labels: Vec<String>,
    pub values: Vec<Option<f64>>,
    /// Names of the axes without a value, for the line under the chart.
    pub missing: Vec<String>,
}

/// An answer worth reading: the chosen statement and what it means.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub question: String,
    pub level: u8,
    pub statement: String,
    pub meaning: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionReport {
    pub row: Row,
    pub strongest: Vec<Finding>,
    pub weakest: Vec<Finding>,
    pub steps: Vec<StepLine>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Headline {
    pub level: Option<u8>,
    /// "Level 3 of 5".
    pub level_label: String,
    pub level_name: String,
    pub level_text: String,
    /// The overall score to one decimal.
    pub score: Option<String>,
    pub score_line: String,
    pub perspective: String,
    /// The day the answers were last changed (UTC), `YYYY-MM-DD`.
    pub date: String,
    pub answered: String,
    pub confidence: String,
    /// Why the level is lower than the score alone would give, when it is.
    pub capped: Option<String>,
    /// That the level's rules changed since these answers were saved, and what it was then,
    /// when that changes it.
    pub rule_changed: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportModel {
    pub name: String,
    pub headline: Headline,
    pub summary: String,
    pub dimensions: Vec<DimensionReport>,
    pub roles: Vec<Row>,
    pub radar: Series,
    pub bars: Series,
    /// The heading of `first`: stopping the bleeding, or quick wins.
    pub first_title: String,
    /// The steps to take first (`advice::Advice::first`).
    pub first: Vec<StepLine>,
    /// Steps of the weakest dimensions, weakest first (after the first ones).
    pub next_steps: Vec<StepLine>,
    /// Why steps that presume trust are held back, when they are.
    pub held_back: Option<String>,
    /// That the questions changed since these answers were given: answers kept for questions no
    /// longer asked, questions new since (said once, above the dimensions).
    pub model_changed: Option<String>,
}

fn confidence(tally: &Tally) -> String {
    tr(match tally.confidence_label() {
        "high" => k::labels::CONFIDENCE_HIGH,
        "medium" => k::labels::CONFIDENCE_MEDIUM,
        _ => k::labels::CONFIDENCE_LOW,
    })
    .to_string()
}

fn row(bank: &Bank, id: &str, name: &str, tally: &Tally) -> Row {
    Row {
        id: id.to_string(),
        name: name.to_string(),
        score: tally.score_text(),
        value: tally.score(),
        level: tally.level(),
        level_name: tally
            .level()
            .map(|l| bank.level_name(l).to_string())
            .unwrap_or_default(),
        confidence: confidence(tally),
        scored: tally.scored,
        applicable: tally.applicable(),
        dont_know: tally.dont_know,
    }
}

fn series(rows: &[Row]) -> Series {
    let not_enough = tr(k::labels::NOT_ENOUGH);
    Series {
        labels: rows
            .iter()
            .map(|r| match r.value {
                Some(_) => r.name.clone(),
                None => format!("{} ({not_enough})", r.name),
            })
            .collect(),
        values: rows.iter().map(|r| r.value).collect(),
        missing: rows
            .iter()
            .filter(|r| r.value.is_none())
            .map(|r| r.name.clone())
            .collect(),
    }
}

fn statement<'a>(bank: &'a Bank, qid: &str, level: u8) -> Option<&'a Statement> {
    let (_, q) = bank.question(qid)?;
    q.answers.get(usize::from(level).checked_sub(1)?)
}

impl ReportModel {
    /// The report of a team's median over both sides: its answers are IT's and the business's
    /// pooled, not one side's view (the median is kept as an IT assessment, whose questions cover
    /// both sides').
    pub fn pooled(mut self) -> Self {
        self.headline.perspective = tr(k::headline::PERSPECTIVE_POOLED).to_string();
        self
    }

    /// Everything the report shows for one assessment.
    pub fn from(bank: &Bank, a: &Assessment) -> ReportModel {
        let scores = score(bank, a);
        let advice = advise_scored(bank, a, &scores);
        let dims: Vec<Row> = scores
            .dimensions
            .iter()
            .map(|d| row(bank, &d.id, &d.name, &d.tally))
            .collect();
        let roles: Vec<Row> = scores
            .roles
            .iter()
            .map(|r| row(bank, &r.id, &r.name, &r.tally))
            .collect();

        let all = scores.all();
        let answered = all.scored + all.dont_know + all.not_applicable;
        let perspective = match a.perspective {
            Perspective::It => tr(k::headline::PERSPECTIVE_IT),
            Perspective::Business => tr(k::headline::PERSPECTIVE_BUSINESS),
        };
        let overall = scores.overall.as_ref();
        let level = overall.map(|o| o.level);
        let score_text = overall.map(|o| scoring::tenths_text(o.tenths));
        let (capped, rule_changed) = why_held(bank, a, overall);
        let headline = Headline {
            level,
            level_label: level
                .map(|l| trf(k::headline::LEVEL, &[("level", &l.to_string())]))
                .unwrap_or_default(),
            level_name: level
                .map(|l| bank.level_name(l).to_string())
                .unwrap_or_default(),
            level_text: level
                .and_then(|l| bank.model.levels.get(usize::from(l) - 1))
                .map(|l| l.description.clone())
                .unwrap_or_default(),
            score: score_text.clone(),
            score_line: match overall {
                Some(o) => trf(
                    k::headline::SCORE,
                    &[
                        ("score", &scoring::tenths_text(o.tenths)),
                        ("count", &o.based_on.to_string()),
                    ],
                ),
                None => tr(k::headline::NO_LEVEL).to_string(),
            },
            perspective: perspective.to_string(),
            date: super::dates::shown_day(a.updated),
            answered: trf(
                k::headline::ANSWERED,
                &[
                    ("answered", &answered.to_string()),
                    ("asked", &all.total.to_string()),
                ],
            ),
            confidence: confidence(&all),
            capped,
            rule_changed,
        };

        let first: Vec<StepLine> = advice.first.iter().map(StepLine::of).collect();
        let mut next_steps: Vec<StepLine> = Vec::new();
        // Each dimension's first three steps beyond those listed first.
        for d in &advice.dimensions {
            let lines = d.steps.iter().map(StepLine::of);
            for line in lines.filter(|l| !first.contains(l)).take(3) {
                if !next_steps.contains(&line) {
                    next_steps.push(line);
                }
            }
        }
        let dimensions = bank
            .dimensions
            .iter()
            .zip(dims.iter())
            .map(|(d, r)| {
                let mut found: Vec<Finding> = bank
                    .asked(d, a.perspective)
                    .filter_map(|q| {
                        let level = a.answers.get(&q.id)?.level()?;
                        let s = statement(bank, &q.id, level)?;
                        Some(Finding {
                            question: q.text.clone(),
                            level,
                            statement: s.text.clone(),
                            meaning: s.meaning.clone(),
                        })
                    })
                    .collect();
                // Stable sorts keep the asking order among equal levels.
                super::sort_by_key(&mut found, |f| std::cmp::Reverse(f.level));
                let strongest: Vec<Finding> = found.iter().take(2).cloned().collect();
                let mut weakest: Vec<Finding> = found
                    .iter()
                    .rev()
                    .filter(|f| !strongest.contains(f))
                    .take(2)
                    .cloned()
                    .collect();
                super::sort_by_key(&mut weakest, |f| f.level);
                let steps = advice
                    .dimensions
                    .iter()
                    .find(|x| x.id == d.id)
                    .map(|x| x.steps.iter().map(|s: &Step| StepLine::of(s)).collect())
                    .unwrap_or_default();
                DimensionReport {
                    row: r.clone(),
                    strongest,
                    weakest,
                    steps,
                }
            })
            .collect();

        let actions: Vec<StepLine> = first
            .iter()
            .chain(next_steps.iter())
            .take(3)
            .cloned()
            .collect();
        let name = a.display_name().to_string();
        let summary = summary(bank, &name, &dims, overall, &actions);
        ReportModel {
            name,
            headline,
            summary,
            radar: series(&dims),
            bars: series(&roles),
            dimensions,
            roles,
            first_title: tr(if advice.bleeding {
                k::labels::FIRST_BLEEDING
            } else {
                k::labels::FIRST_QUICK
            })
            .to_string(),
            first,
            next_steps,
            held_back: advice
                .held_back
                .then(|| tr(k::labels::HELD_BACK).to_string()),
            model_changed: model_changed(bank, a),
        }
    }
}

/// What changed in the questions since `a` was answered, in one paragraph, when anything did.
fn model_changed(bank: &Bank, a: &Assessment) -> Option<String> {
    let mut parts = Vec::new();
    if a.model_version < bank.version() {
        let new = bank
            .dimensions
            .iter()
            .flat_map(|d| bank.asked(d, a.perspective))
            .filter(|q| q.since > a.model_version && !a.answers.contains_key(&q.id))
            .count();
        parts.push(trf(
            k::labels::MODEL_CHANGED,
            &[
                ("then", &a.model_version.to_string()),
                ("now", &bank.version().to_string()),
            ],
        ));
        if new > 0 {
            parts.push(trf(k::labels::NEW_QUESTIONS, &[("new", &new.to_string())]));
        }
    }
    let retired = a.retired_answers(bank);
    if retired > 0 {
        let count = retired.to_string();
        parts.push(super::words::trf(
            super::keys::bar::RETIRED,
            &[("count", &count)],
        ));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}
