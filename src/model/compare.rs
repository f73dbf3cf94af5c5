//! Comparing assessments: side by side, the alignment gap between IT's view and the business's,
//! a team's median view, and the trend over time. Pure functions of assessments and the bank.
//!
//! The rules, in one place:
//! - Scores are the report's (one decimal, see `scoring`); a difference is the later or second
//!   score minus the first, in tenths, so gap(a, b) = -gap(b, a) and gap(a, a) = 0.
//! - Only questions both sides are asked count in a gap; questions for one side only are listed
//!   apart.
//! - A question's disagreement is the difference of the two levels chosen; questions where either
//!   side gave no level ("Don't know", "Not applicable", no answer) are left out of it.
//! - Team median: per question, the median of the levels given (answers are ordinal: with an even
//!   count the lower middle one). "Don't know" and "Not applicable" do not enter the median; when
//!   nobody gave a level, the team answer is "Don't know" if anyone said so, else "Not applicable"
//!   if anyone said so, else none. The spread is the highest level minus the lowest; a question is
//!   flagged when respondents are [`FLAG_SPREAD`] or more levels apart.

use super::scoring::{score, score_over, tenths_text};
use super::{Assessment, Bank, Perspective};

/// Respondents this many levels apart on a question are flagged.
pub const FLAG_SPREAD: u8 = 2;

/// One dimension (or role) across several assessments.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub name: String,
    /// Per assessment, in tenths.
    pub scores: Vec<Option<u16>>,
}

/// A question answered with a level by two assessments, and how far apart they are.
#[derive(Debug, Clone, PartialEq)]
pub struct Disagreement {
    pub question: String,
    pub text: String,
    pub first: u8,
    pub second: u8,
    pub first_statement: String,
    pub second_statement: String,
}

impl Disagreement {
    pub fn difference(&self) -> i8 {
        self.second as i8 - self.first as i8
    }
}

/// Several assessments side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub names: Vec<String>,
    pub dimensions: Vec<Line>,
    pub roles: Vec<Line>,
    pub overall: Vec<Option<u16>>,
}

/// Picks named scores (dimensions or roles) out of a report.
type Pick = dyn Fn(&super::scoring::Scores) -> Vec<(String, Option<u16>)>;

/// Scores of several assessments, dimension by dimension and role by role.
pub fn compare(bank: &Bank, list: &[&Assessment]) -> Comparison {
    let reports: Vec<_> = list.iter().map(|a| score(bank, a)).collect();
    lines_of(list, reports)
}

fn lines_of(list: &[&Assessment], reports: Vec<super::scoring::Scores>) -> Comparison {
    let lines = |pick: &Pick| {
        let first = reports.first().map(pick).unwrap_or_default();
        first
            .iter()
            .enumerate()
            .map(|(i, (name, _))| Line {
                name: name.clone(),
                scores: reports.iter().map(|r| pick(r)[i].1).collect(),
            })
            .collect::<Vec<_>>()
    };
    Comparison {
        names: unique_names(list),
        dimensions: lines(&|r| {
            r.dimensions
                .iter()
                .map(|d| (d.name.clone(), d.tally.tenths))
                .collect()
        }),
        roles: lines(&|r| {
            r.roles
                .iter()
                .map(|d| (d.name.clone(), d.tally.tenths))
                .collect()
        }),
        overall: reports
            .iter()
            .map(|r| r.overall.as_ref().map(|o| o.tenths))
            .collect(),
    }
}

/// Column names people can tell apart: the assessment's name and side, numbered when two read the
/// same (respondents may stay anonymous).
fn unique_names(list: &[&Assessment]) -> Vec<String> {
    let base: Vec<String> = list
        .iter()
        .map(|a| {
            let side = match a.perspective {
                Perspective::It => "IT",
                Perspective::Business => "business",
            };
            format!("{} ({side})", a.display_name())
        })
        .collect();
    base.iter()
        .enumerate()
        .map(|(i, name)| {
            let same = base.iter().filter(|n| *n == name).count();
            if same == 1 {
                name.clone()
            } else {
                let nth = base[..=i].iter().filter(|n| *n == name).count();
                format!("{name} {nth}")
            }
        })
        .collect()
}

/// The gap between two assessments: per dimension and role `second - first` (tenths), the
/// overall difference, and the questions they disagree on, largest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    /// The two sides' scores the gap is worked out from (over the questions both are asked).
    pub scores: Comparison,
    pub dimensions: Vec<(String, Option<i16>)>,
    pub roles: Vec<(String, Option<i16>)>,
    pub overall: Option<i16>,
    pub disagreements: Vec<Disagreement>,
    /// Questions asked of one side only: not part of the gap.
    pub one_sided: Vec<String>,
}

/// The second minus the first, in tenths, where both have a score.
pub fn diff(a: Option<u16>, b: Option<u16>) -> Option<i16> {
    Some(b? as i16 - a? as i16)
}

/// The gap of `second` against `first`, over the questions both are asked: those for both sides,
/// and when both answer from the same side, that side's own questions too; of the questions added
/// since the older one's model version, those both answered.
pub fn gap(bank: &Bank, first: &Assessment, second: &Assessment) -> Gap {
    let older = first.model_version.min(second.model_version);
    let both = |q: &super::Question| {
        super::asks(q, first.perspective)
            && super::asks(q, second.perspective)
            && (q.since <= older
                || (first.answers.contains_key(&q.id) && second.answers.contains_key(&q.id)))
    };
    let c = lines_of(
        &[first, second],
        vec![
            score_over(bank, first, &both),
            score_over(bank, second, &both),
        ],
    );
    let pair = |lines: &[Line]| {
        lines
            .iter()
            .map(|l| (l.name.clone(), diff(l.scores[0], l.scores[1])))
            .collect()
    };
    let mut disagreements: Vec<Disagreement> = bank
        .order(bank.version())
        .into_iter()
        .filter(|q| both(q))
        .filter_map(|q| {
            let l1 = first.answers.get(&q.id)?.level()?;
            let l2 = second.answers.get(&q.id)?.level()?;
            let statement = |l: u8| {
                q.answers
                    .get(usize::from(l) - 1)
                    .map(|s| s.text.clone())
                    .unwrap_or_default()
            };
            (l1 != l2).then(|| Disagreement {
                question: q.id.clone(),
                text: q.text.clone(),
                first: l1,
                second: l2,
                first_statement: statement(l1),
                second_statement: statement(l2),
            })
        })
        .collect();
    super::sort_by_key(&mut disagreements, |d| {
        std::cmp::Reverse(d.difference().unsigned_abs())
    });
    Gap {
        dimensions: pair(&c.dimensions),
        roles: pair(&c.roles),
        overall: diff(c.overall[0], c.overall[1]),
        scores: c,
        disagreements,
        one_sided: bank
            .order(bank.version())
            .into_iter()
            .filter(|q| !both(q))
            .map(|q| q.id.clone())
            .collect(),
    }
}

/// A difference in tenths as people read it: "+0.8", "-1.2", "0.0".
pub fn signed(d: i16) -> String {
    let sign = match d {
        d if d > 0 => "+",
        d if d < 0 => "-",
        _ => "",
    };
    format!("{sign}{}", tenths_text(d.unsigned_abs()))
}

/// The alignment gap between IT's view and the business's, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// The business's scores minus IT's.
    pub gap: Gap,
    /// The side that scores itself higher overall, if one does.
    pub more_optimistic: Option<Perspective>,
    /// The three largest disagreements, each a short item: the question, then each side's answer
    /// in words.
    pub items: Vec<[String; 3]>,
    /// The dimensions whose targets IT and the business set differently (or one side only): the
    /// dimension's name, IT's target and the business's.
    pub targets: Vec<(String, Option<u8>, Option<u8>)>,
}

/// The alignment gap when one assessment is IT's and the other the business's.
pub fn alignment(bank: &Bank, a: &Assessment, b: &Assessment) -> Option<Alignment> {
    let (it, business) = match (a.perspective, b.perspective) {
        (Perspective::It, Perspective::Business) => (a, b),
        (Perspective::Business, Perspective::It) => (b, a),
        _ => return None,
    };
    let gap = gap(bank, it, business);
    let total: i32 = gap
        .dimensions
        .iter()
        .filter_map(|(_, d)| *d)
        .map(i32::from)
        .sum();
    let more_optimistic = match gap.overall.map(i32::from).unwrap_or(total) {
        d if d < 0 => Some(Perspective::It),
        d if d > 0 => Some(Perspective::Business),
        _ => None,
    };
    let items = gap
        .disagreements
        .iter()
        .take(3)
        .map(|d| {
            let sides = super::alignment_page::sides(false);
            [
                d.text.clone(),
                super::alignment_page::answer_of(sides.head[0], d.first, &d.first_statement),
                super::alignment_page::answer_of(sides.head[1], d.second, &d.second_statement),
            ]
        })
        .collect();
    let targets = bank
        .dimensions
        .iter()
        .map(|d| {
            let (a, b) = (
                it.targets.get(&d.id).copied(),
                business.targets.get(&d.id).copied(),
            );
            (d.name.clone(), a, b)
        })
        .filter(|(_, a, b)| a != b)
        .collect();
    Some(Alignment {
        gap,
        more_optimistic,
        items,
        targets,
    })
}

/// One step of a trend: an assessment and the change per dimension since the one before.
#[derive(Debug, Clone, PartialEq)]
pub struct TrendStep {
    pub name: String,
    pub day: String,
    pub scores: Vec<Option<u16>>,
    /// Per dimension, against the previous step; `None` for the first or where either is missing.
    pub change: Vec<Option<i16>>,
    /// The question model changed since the previous step.
    pub model_changed: bool,
}

/// Assessments of one team in date order, with the change per dimension since the last one.
pub fn trend(bank: &Bank, list: &[&Assessment]) -> (Vec<String>, Vec<TrendStep>) {
    let mut ordered: Vec<&Assessment> = list.to_vec();
    super::sort_by(&mut ordered, |a, b| a.updated.total_cmp(&b.updated));
    let c = compare(bank, &ordered);
    let names: Vec<String> = c.dimensions.iter().map(|l| l.name.clone()).collect();
    let columns = c.names.clone();
    let steps = ordered
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let scores: Vec<Option<u16>> = c.dimensions.iter().map(|l| l.scores[i]).collect();
            let change = c
                .dimensions
                .iter()
                .map(|l| {
                    if i == 0 {
                        None
                    } else {
                        diff(l.scores[i - 1], l.scores[i])
                    }
                })
                .collect();
            TrendStep {
                name: columns[i].clone(),
                day: super::dates::shown_day(a.updated),
                scores,
                change,
                model_changed: i > 0 && ordered[i - 1].model_version != a.model_version,
            }
        })
        .collect();
    (names, steps)
}
