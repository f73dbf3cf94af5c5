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
use super::{Answer, Assessment, Bank, Perspective};

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

/// Whether two assessments are the same respondent's: the same saved assessment, or the same
/// answers from the same side on the same day, under the same name (a link or file may carry none).
/// A link pasted twice, or a saved assessment also pasted as a link, would count someone twice.
pub fn same(a: &Assessment, b: &Assessment) -> bool {
    (!a.id.is_empty() && a.id == b.id)
        || (a.perspective == b.perspective
            && a.answers == b.answers
            && super::report::utc_day(a.updated) == super::report::utc_day(b.updated)
            && (a.name == b.name || a.name.is_empty() || b.name.is_empty()))
}

/// What of `found` is not in `known` yet (nor earlier in `found`), and how many were left out.
pub fn new_ones(found: Vec<Assessment>, known: &[Assessment]) -> (Vec<Assessment>, usize) {
    let mut kept: Vec<Assessment> = Vec::new();
    let mut repeated = 0;
    for a in found {
        if known.iter().chain(&kept).any(|k| same(k, &a)) {
            repeated += 1;
        } else {
            kept.push(a);
        }
    }
    (kept, repeated)
}

/// Reads pasted share links, one per line (a whole address or only what follows `#/s/`): the
/// assessments they hold, and for each line that is not a link, or holds an assessment already in
/// `known` or on an earlier line (a link pasted twice would count a respondent twice), why, naming
/// the line.
pub fn read_links(bank: &Bank, text: &str, known: &[Assessment]) -> (Vec<Assessment>, Vec<String>) {
    let (mut found, mut problems) = (Vec::new(), Vec::new());
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let payload = super::share::after_prefix(line).unwrap_or(line);
        match super::share::decode(bank, payload) {
            Ok(shared)
                if known
                    .iter()
                    .chain(&found)
                    .any(|a| same(a, &shared.assessment)) =>
            {
                problems.push(format!(
                    "Line {}: this assessment is in the lists above already.",
                    n + 1
                ))
            }
            Ok(shared) => found.push(shared.assessment),
            Err(e) => problems.push(format!("Line {}: {e}", n + 1)),
        }
    }
    (found, problems)
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

fn diff(a: Option<u16>, b: Option<u16>) -> Option<i16> {
    Some(b? as i16 - a? as i16)
}

/// The gap of `second` against `first`, over the questions both are asked: those for both sides,
/// and when both answer from the same side, that side's own questions too.
pub fn gap(bank: &Bank, first: &Assessment, second: &Assessment) -> Gap {
    let both = |q: &super::Question| {
        super::asks(q, first.perspective) && super::asks(q, second.perspective)
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
    /// "IT" or "The business", when one side scores itself higher overall.
    pub more_optimistic: Option<&'static str>,
    /// The three largest disagreements, each a short item: the question, then each side's answer
    /// in words.
    pub items: Vec<[String; 3]>,
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
        d if d < 0 => Some("IT"),
        d if d > 0 => Some("The business"),
        _ => None,
    };
    let items = gap
        .disagreements
        .iter()
        .take(3)
        .map(|d| {
            [
                d.text.clone(),
                format!("IT: level {}, “{}”", d.first, d.first_statement),
                format!("The business: level {}, “{}”", d.second, d.second_statement),
            ]
        })
        .collect();
    Some(Alignment {
        gap,
        more_optimistic,
        items,
    })
}

/// One question across a team.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamQuestion {
    pub question: String,
    pub median: Option<Answer>,
    /// Highest level minus lowest, among those who gave a level.
    pub spread: u8,
    pub levels: usize,
    pub dont_know: usize,
    pub not_applicable: usize,
}

impl TeamQuestion {
    pub fn flagged(&self) -> bool {
        self.spread >= FLAG_SPREAD
    }
}

/// A team's answers pooled question by question.
#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    pub size: usize,
    pub questions: Vec<TeamQuestion>,
    /// An assessment holding the team's median answers: the team's report is its report.
    pub median: Assessment,
}

/// Pools the answers of several respondents (see the rules at the top of this file).
pub fn team(bank: &Bank, list: &[&Assessment], name: &str) -> Team {
    let mut median = Assessment::new(bank, String::new(), 0.0);
    median.name = name.to_string();
    median.updated = list.iter().map(|a| a.updated).fold(0.0, f64::max);
    // A team of one side is that side; a mixed team is answered as IT's questions cover both.
    median.perspective =
        if !list.is_empty() && list.iter().all(|a| a.perspective == Perspective::Business) {
            Perspective::Business
        } else {
            Perspective::It
        };
    let mut questions = Vec::new();
    for q in bank.order(bank.version()) {
        let mut levels: Vec<u8> = Vec::new();
        let (mut dk, mut na) = (0, 0);
        for a in list {
            match a.answers.get(&q.id) {
                Some(Answer::Level(l)) => levels.push(*l),
                Some(Answer::DontKnow) => dk += 1,
                Some(Answer::NotApplicable) => na += 1,
                None => {}
            }
        }
        super::sort_by_key(&mut levels, |l| *l);
        let answer = if levels.is_empty() {
            if dk > 0 {
                Some(Answer::DontKnow)
            } else if na > 0 {
                Some(Answer::NotApplicable)
            } else {
                None
            }
        } else {
            // The lower middle with an even count.
            Some(Answer::Level(levels[(levels.len() - 1) / 2]))
        };
        if let Some(ans) = answer {
            median.answers.insert(q.id.clone(), ans);
        }
        questions.push(TeamQuestion {
            question: q.id.clone(),
            median: answer,
            spread: levels.last().zip(levels.first()).map_or(0, |(h, l)| h - l),
            levels: levels.len(),
            dont_know: dk,
            not_applicable: na,
        });
    }
    median.stamp_unstamped();
    Team {
        size: list.len(),
        questions,
        median,
    }
}

/// The team's IT members' median against its business members' median, when it has both.
pub fn team_alignment(bank: &Bank, list: &[&Assessment]) -> Option<Alignment> {
    let side = |p: Perspective| -> Vec<&Assessment> {
        list.iter()
            .copied()
            .filter(|a| a.perspective == p)
            .collect()
    };
    let (it, business) = (side(Perspective::It), side(Perspective::Business));
    if it.is_empty() || business.is_empty() {
        return None;
    }
    let mut it_median = team(bank, &it, "IT").median;
    it_median.perspective = Perspective::It;
    let mut biz_median = team(bank, &business, "The business").median;
    biz_median.perspective = Perspective::Business;
    alignment(bank, &it_median, &biz_median)
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
                day: super::report::utc_day(a.updated),
                scores,
                change,
                model_changed: i > 0 && ordered[i - 1].model_version != a.model_version,
            }
        })
        .collect();
    (names, steps)
}

// The comparison page, as blocks (see `doc`): the views only render them.

use super::blocks::{Block, Figure, Table};

fn score_text(t: Option<u16>) -> String {
    t.map_or_else(|| "not enough answers".into(), tenths_text)
}

fn change_text(d: Option<i16>) -> String {
    d.map_or_else(|| "–".into(), signed)
}

fn strings<const N: usize>(list: [&str; N]) -> Vec<String> {
    list.map(String::from).to_vec()
}

fn table(caption: &str, head: Vec<String>, rows: Vec<(String, Vec<String>)>) -> Block {
    Block::Table(Table {
        caption: caption.into(),
        head,
        rows,
    })
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Rows of lines: a name, one cell per assessment, and their difference when there are two.
fn score_rows(
    lines: &[Line],
    overall: Option<&[Option<u16>]>,
    difference: bool,
) -> Vec<(String, Vec<String>)> {
    lines
        .iter()
        .map(|l| (l.name.clone(), &l.scores[..]))
        .chain(overall.map(|o| ("Overall".to_string(), o)))
        .map(|(name, scores)| {
            let mut cells: Vec<String> = scores.iter().map(|s| score_text(*s)).collect();
            if let (true, [a, b]) = (difference, scores) {
                cells.push(change_text(diff(*a, *b)));
            }
            (name, cells)
        })
        .collect()
}

/// Several assessments side by side: the alignment gap first when they are IT's and the
/// business's, a chart and tables of every score, and with two, where they disagree most.
pub fn side_by_side(bank: &Bank, list: &[&Assessment]) -> Vec<Block> {
    // IT's side first in a pair, so that every difference on the page has the gap's sign.
    let swapped;
    let list = match list {
        [a, b] if a.perspective == Perspective::Business && b.perspective == Perspective::It => {
            swapped = [*b, *a];
            &swapped[..]
        }
        _ => list,
    };
    let c = compare(bank, list);
    let aligned = match list {
        [a, b] => alignment(bank, a, b),
        _ => None,
    };
    // With the alignment gap above (over the questions both sides are asked), a second difference
    // over each side's own questions would only confuse: the columns show the scores alone.
    let difference = c.names.len() == 2 && aligned.is_none();
    let head = |first: &str| {
        let mut head = vec![first.to_string()];
        head.extend(c.names.iter().cloned());
        if let (true, [a, b]) = (difference, &c.names[..]) {
            head.push(format!("Difference ({b} minus {a})"));
        }
        head
    };
    let (dim_head, role_head) = (head("Dimension"), head("Role"));
    // What each figure is computed over, so that the gap's scores and these explain each other.
    let over = if c.names.len() == 2 && list[0].perspective == list[1].perspective {
        "over the questions both are asked"
    } else {
        "each over every question its side is asked"
    };
    let drawn = c.names.len().min(super::chart_options::MAX_SERIES);
    let labels: Vec<String> = c.dimensions.iter().map(|l| l.name.clone()).collect();
    let values: Vec<Vec<Option<f64>>> = (0..drawn)
        .map(|i| {
            let values = c
                .dimensions
                .iter()
                .map(|l| l.scores[i].map(|t| f64::from(t) / 10.0));
            values.collect()
        })
        .collect();
    let series: Vec<&[Option<f64>]> = values.iter().map(|v| &v[..]).collect();
    let mut notes = Vec::new();
    if c.names.len() > drawn {
        notes.push(format!(
            "The chart shows the first {drawn}; the tables show all {}.",
            c.names.len()
        ));
    }
    let mut body = vec![
        Block::Figure(Figure {
            caption: "Score per dimension, 0 to 5".into(),
            id: "compare-dimensions",
            file: "bita-comparison.png",
            label: "Chart of the score per dimension of each assessment, from 0 to 5. The table below lists the same figures.".into(),
            option: super::chart_options::dimensions(&labels, &series),
            legend: c.names.iter().cloned().zip(super::chart_options::COLOURS).take(drawn).collect(),
            notes,
            table: Table {
                caption: format!("Score per dimension (1 to 5), {over}"),
                head: dim_head,
                rows: score_rows(&c.dimensions, Some(&c.overall), difference),
            },
        }),
        table(
            &format!("Score per IT role (1 to 5), {over}"),
            role_head,
            score_rows(&c.roles, None, difference),
        ),
    ];
    let mut page = Vec::new();
    if aligned.is_some() {
        notes_for_scores(&mut body);
    }
    if let [a, b] = list {
        // The gap above lists the three largest already.
        let shown = if aligned.is_some() { 3 } else { 0 };
        if let Some(al) = aligned {
            page.push(alignment_section(bank, al, "IT", "The business"));
        }
        let items: Vec<Vec<(&'static str, String)>> = gap(bank, a, b)
            .disagreements
            .into_iter()
            .skip(shown)
            .take(10 - shown)
            .map(|d| {
                vec![
                    ("question", d.text),
                    (
                        "",
                        format!("{}: level {}, “{}”", c.names[0], d.first, d.first_statement),
                    ),
                    (
                        "",
                        format!(
                            "{}: level {}, “{}”",
                            c.names[1], d.second, d.second_statement
                        ),
                    ),
                ]
            })
            .collect();
        let (title, none) = if shown > 0 {
            ("More questions where they disagree", None)
        } else {
            (
                "Where they disagree most",
                Some("Wherever both gave a level, they chose the same statement."),
            )
        };
        let list = if items.is_empty() {
            none.map(|t| Block::P("", t.into()))
        } else {
            Some(Block::List {
                ordered: false,
                class: "findings differences",
                items,
            })
        };
        if let Some(list) = list {
            body.push(Block::Section {
                id: "disagree-title",
                class: "",
                title: title.into(),
                body: vec![list],
            });
        }
    }
    page.push(Block::Section {
        id: "side-title",
        class: "report-section",
        title: "Side by side".into(),
        body,
    });
    page
}

/// Under side-by-side scores of an IT and a business assessment: why they differ from the gap's.
fn notes_for_scores(body: &mut [Block]) {
    if let Some(Block::Figure(f)) = body.first_mut() {
        f.notes.push("These scores count every question each side is asked; the alignment gap above counts only the questions both sides are asked.".into());
    }
}

/// The alignment gap in figures and words; `first` names IT's side, `second` the business's:
/// a chart of the gap per dimension and role with its tables, and the three largest disagreements
/// as short items. Every figure says what it is computed over.
fn alignment_section(bank: &Bank, al: Alignment, first: &str, second: &str) -> Block {
    let g = al.gap;
    let shared = bank.order(bank.version()).len() - g.one_sided.len();
    let over = format!(
        "over the {} both sides are asked",
        plural(shared, "question", "questions")
    );
    let lead = match al.more_optimistic {
        Some(side) => format!("{side} is more optimistic overall."),
        None => "Overall, both sides see IT alike.".into(),
    };
    let head = |what: &str| strings([what, first, second, "Gap"]);
    let rows = |lines: &[Line], gaps: &[(String, Option<i16>)]| {
        lines
            .iter()
            .zip(gaps)
            .map(|(l, (name, d))| {
                let cells = vec![
                    score_text(l.scores[0]),
                    score_text(l.scores[1]),
                    change_text(*d),
                ];
                (name.clone(), cells)
            })
            .collect::<Vec<_>>()
    };
    let mut dims = rows(&g.scores.dimensions, &g.dimensions);
    dims.push((
        "Overall".into(),
        vec![
            score_text(g.scores.overall[0]),
            score_text(g.scores.overall[1]),
            change_text(g.overall),
        ],
    ));
    let (labels, values): (Vec<String>, Vec<Option<f64>>) = g
        .dimensions
        .iter()
        .chain(&g.roles)
        .map(|(name, d)| (name.clone(), d.map(|t| f64::from(t) / 10.0)))
        .unzip();
    let differences = if al.items.is_empty() {
        Block::P(
            "",
            "Wherever both sides gave a level, they chose the same statement.".into(),
        )
    } else {
        Block::List {
            ordered: true,
            class: "findings differences",
            items: al
                .items
                .into_iter()
                .map(|[q, a, b]| vec![("question", q), ("", a), ("", b)])
                .collect(),
        }
    };
    let mut body = vec![
        Block::P("summary", format!("{lead} Each gap is the business's score minus IT's, {over}: below zero, the business sees IT as less mature than IT sees itself.")),
        Block::Figure(Figure {
            caption: "The alignment gap per dimension and IT role".into(),
            id: "compare-gap",
            file: "bita-alignment-gap.png",
            label: format!("Bar chart of the alignment gap per dimension and IT role, the business's score minus IT's, {over}. Bars to the left: IT sees it higher; to the right: the business does. The tables list the same figures."),
            option: super::chart_options::gap(&labels, &values),
            legend: vec![
                (format!("{first} sees it higher"), super::chart_options::COLOURS[0]),
                (format!("{second} sees it higher"), super::chart_options::COLOURS[1]),
            ],
            notes: vec![format!("The business's score minus IT's, {over}.")],
            table: Table {
                caption: format!("Alignment gap per dimension, {over}"),
                head: head("Dimension"),
                rows: dims,
            },
        }),
        table(
            &format!("Alignment gap per IT role, {over}"),
            head("Role"),
            rows(&g.scores.roles, &g.roles),
        ),
        Block::Section {
            id: "differences-title",
            class: "",
            title: "The biggest differences".into(),
            body: vec![differences],
        },
    ];
    let one_sided: Vec<String> = g
        .one_sided
        .iter()
        .filter_map(|id| bank.question(id).map(|(_, q)| q.text.clone()))
        .collect();
    if !one_sided.is_empty() {
        body.push(Block::P(
            "meta",
            format!(
                "Left out of the gap, because only one side is asked them: {}",
                one_sided.join(" ")
            ),
        ));
    }
    Block::Section {
        id: "gap-title",
        class: "report-section alignment",
        title: "The alignment gap".into(),
        body,
    }
}

fn answer_text(a: Option<Answer>) -> String {
    match a {
        Some(Answer::Level(l)) => format!("Level {l}"),
        Some(Answer::DontKnow) => "Don't know".into(),
        Some(Answer::NotApplicable) => "Not applicable".into(),
        None => "No answers".into(),
    }
}

/// Whether the assessments come from both sides, IT and the business.
fn both_sides(list: &[&Assessment]) -> bool {
    list.iter().any(|a| a.perspective != list[0].perspective)
}

/// The team's median per question with its spread and flags, and its alignment gap when it holds
/// both sides; with the median assessment, whose report the page shows under these blocks, and
/// whether it pools both sides (its report then says so: see `ReportModel::pooled`).
pub fn team_page(bank: &Bank, list: &[&Assessment]) -> (Vec<Block>, Assessment, bool) {
    let pooled = both_sides(list);
    // The name says it too, so a saved copy of a pooled median keeps it.
    let name = if pooled {
        format!("Team of {}, IT and the business", list.len())
    } else {
        format!("Team of {}", list.len())
    };
    let t = team(bank, list, &name);
    let flagged = t.questions.iter().filter(|q| q.flagged()).count();
    let rows = t
        .questions
        .iter()
        .filter_map(|q| {
            let (_, question) = bank.question(&q.question)?;
            let cells = vec![
                answer_text(q.median),
                plural(usize::from(q.spread), "level", "levels"),
                format!(
                    "{} gave a level, {} don't know, {} not applicable",
                    q.levels, q.dont_know, q.not_applicable
                ),
                if q.flagged() { "Far apart" } else { "" }.into(),
            ];
            Some((question.text.clone(), cells))
        })
        .collect();
    let mut page = Vec::new();
    if let Some(al) = team_alignment(bank, list) {
        page.push(alignment_section(
            bank,
            al,
            "IT's median",
            "The business's median",
        ));
    }
    page.push(Block::Section {
        id: "team-title",
        class: "report-section",
        title: format!("The team's answers ({} respondents)", t.size),
        body: vec![
            Block::P("", "Each question shows the team's median: the middle of the levels given, and with an even number of them the lower of the two middle ones. “Don't know” and “Not applicable” do not count toward it; where nobody gave a level, the team's answer is “Don't know” if anyone said so, otherwise “Not applicable”. Questions where respondents are two or more levels apart are marked “Far apart”.".into()),
            Block::P("summary", format!(
                "{} far apart.",
                plural(flagged, "question is", "questions are")
            )),
            table(
                "The team's answer per question",
                strings(["Question", "Median", "Spread", "Answers", "Flag"]),
                rows,
            ),
        ],
    });
    (page, t.median, pooled)
}

/// The assessments in date order, with the change per dimension since the one before.
pub fn trend_page(bank: &Bank, list: &[&Assessment]) -> Vec<Block> {
    let (names, steps) = trend(bank, list);
    let mut body = vec![Block::P(
        "",
        "In date order (the day each was last changed); each change is against the assessment before it.".into(),
    )];
    if both_sides(list) {
        body.push(Block::P(
            "notice warn",
            "These assessments come from both sides, IT and the business: part of a change may be a difference of view, not of maturity.".into(),
        ));
    }
    for pair in steps.windows(2).filter(|p| p[1].model_changed) {
        body.push(Block::P("notice warn", format!(
            "The questions changed between {} ({}) and {} ({}): part of the change may come from that.",
            pair[0].name, pair[0].day, pair[1].name, pair[1].day
        )));
    }
    let mut head = vec!["Assessment".to_string()];
    head.extend(names);
    let rows = steps
        .into_iter()
        .map(|s| {
            let cells = s
                .scores
                .iter()
                .zip(&s.change)
                .map(|(v, d)| match d {
                    Some(d) => format!("{} ({} since the one before)", score_text(*v), signed(*d)),
                    None => score_text(*v),
                })
                .collect();
            (format!("{}, {}", s.name, s.day), cells)
        })
        .collect();
    body.push(table("Score per dimension over time (1 to 5)", head, rows));
    vec![Block::Section {
        id: "trend-title",
        class: "report-section",
        title: "Trend".into(),
        body,
    }]
}
