//! The targets and roadmap section as plain data: what the page shows and the CSV it exports, so
//! that its words and figures are tested natively (the page only lays them out, see `app::plan`).

use super::blocks::{Figure, Table};
use super::chart_options::{dimensions, COLOURS, MAX_SERIES};
use super::keys as k;
use super::report::StepLine;
use super::roadmap::{roadmap, Projection, Roadmap};
use super::scoring::tenths_text;
use super::words::{tr, trf};
use super::{Assessment, Bank};

/// A dimension's target as the page offers it.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetRow {
    pub dimension: String,
    /// "Target for Value".
    pub label: String,
    /// "today 2.3, level 2", or that there are not enough answers.
    pub today: String,
    /// The target, set or proposed (`None`: neither set nor a score to propose from).
    pub level: Option<u8>,
    pub proposed: bool,
}

/// One step of a phase, with what it lifts and whether it is marked done.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanStep {
    pub key: String,
    pub line: StepLine,
    /// "Value: “…”, from level 2".
    pub of: String,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PhaseView {
    pub title: String,
    pub steps: Vec<PlanStep>,
    /// Each dimension after the phase.
    pub after: Table,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanPage {
    pub title: String,
    pub lead: String,
    pub targets: Vec<TargetRow>,
    pub chart: Figure,
    pub phases: Vec<PhaseView>,
    /// Targets reached already, dimensions without a projection.
    pub notes: Vec<String>,
}

fn phase_title(i: usize, months: u8) -> String {
    if i == 0 && months == 3 {
        tr(k::plan::PHASE_FIRST).to_string()
    } else {
        trf(
            k::plan::PHASE_LATER,
            &[("n", &(i + 1).to_string()), ("months", &months.to_string())],
        )
    }
}

fn projection_table(bank: &Bank, caption: String, p: &[Projection]) -> Table {
    let not_enough = tr(k::labels::NOT_ENOUGH);
    Table {
        caption,
        head: vec![
            tr(k::labels::COLUMN_DIMENSION).to_string(),
            tr(k::labels::TABLE_SCORE).to_string(),
            tr(k::labels::TABLE_LEVEL).to_string(),
            tr(k::plan::TARGET).to_string(),
            tr(k::plan::COLUMN_REACHED).to_string(),
        ],
        rows: bank
            .dimensions
            .iter()
            .zip(p)
            .map(|(d, p)| {
                let reached = match (p.level, p.target) {
                    (None, _) => String::new(),
                    (Some(_), None) => String::new(),
                    (Some(_), Some(_)) if p.reached() => tr(k::plan::YES).into(),
                    _ => tr(k::plan::NOT_YET).into(),
                };
                (
                    d.name.clone(),
                    vec![
                        p.tenths.map_or_else(|| not_enough.into(), tenths_text),
                        p.level.map_or(String::new(), |l| l.to_string()),
                        p.target.map_or(String::new(), |l| l.to_string()),
                        reached,
                    ],
                )
            })
            .collect(),
    }
}

/// The phases the chart draws: every one when they fit beside today and the targets; else the
/// first ones and the last.
fn charted(r: &Roadmap) -> Vec<usize> {
    let room = MAX_SERIES - 2;
    let n = r.phases.len();
    if n <= room {
        (0..n).collect()
    } else {
        (0..room - 1).chain([n - 1]).collect()
    }
}

fn values(p: &[Projection]) -> Vec<Option<f64>> {
    p.iter()
        .map(|p| p.tenths.map(|t| f64::from(t) / 10.0))
        .collect()
}

/// The section for an assessment, its roadmap worked out from its answers and targets.
pub fn plan_page(bank: &Bank, a: &Assessment) -> PlanPage {
    let r = roadmap(bank, a);
    let targets = bank
        .dimensions
        .iter()
        .zip(&r.start)
        .map(|(d, p)| TargetRow {
            dimension: d.id.clone(),
            label: trf(k::plan::TARGET_FOR, &[("dimension", &d.name)]),
            today: match (p.tenths, p.level) {
                (Some(s), Some(l)) => trf(
                    k::plan::TARGET_TODAY,
                    &[("score", &tenths_text(s)), ("level", &l.to_string())],
                ),
                _ => tr(k::plan::TARGET_UNSCORED).to_string(),
            },
            level: p.target,
            proposed: !a.targets.contains_key(&d.id),
        })
        .collect();
    let phases: Vec<PhaseView> = r
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| PhaseView {
            title: phase_title(i, p.months),
            steps: p
                .steps
                .iter()
                .map(|s| {
                    let (d, q) = bank
                        .question(&s.step.question)
                        .map_or(("", ""), |(d, q)| (d.name.as_str(), q.text.as_str()));
                    PlanStep {
                        key: s.key.clone(),
                        line: StepLine::of(&s.step),
                        of: trf(
                            k::plan::STEP_OF,
                            &[
                                ("dimension", d),
                                ("question", q),
                                ("level", &s.step.level.to_string()),
                            ],
                        ),
                        done: a.done.contains_key(&s.key),
                    }
                })
                .collect(),
            after: projection_table(
                bank,
                trf(k::plan::PHASE_AFTER, &[("n", &(i + 1).to_string())]),
                &p.projection,
            ),
        })
        .collect();
    let mut notes = Vec::new();
    if r.phases.is_empty() {
        notes.push(tr(k::plan::REACHED).to_string());
    }
    for (d, p) in bank.dimensions.iter().zip(&r.start) {
        if p.tenths.is_none() {
            notes.push(trf(k::plan::UNSCORED, &[("dimension", &d.name)]));
        }
    }
    // The chart: today, the targets, and the phases that fit.
    let today = values(&r.start);
    let target: Vec<Option<f64>> = r.start.iter().map(|p| p.target.map(f64::from)).collect();
    let shown = charted(&r);
    let after: Vec<Vec<Option<f64>>> = shown
        .iter()
        .map(|&i| values(&r.phases[i].projection))
        .collect();
    let mut series: Vec<&[Option<f64>]> = vec![&today, &target];
    series.extend(after.iter().map(Vec::as_slice));
    let mut names = vec![
        tr(k::plan::TODAY).to_string(),
        tr(k::plan::TARGET).to_string(),
    ];
    names.extend(
        shown
            .iter()
            .map(|&i| trf(k::plan::PHASE_AFTER, &[("n", &(i + 1).to_string())])),
    );
    let labels: Vec<String> = bank.dimensions.iter().map(|d| d.name.clone()).collect();
    let mut head = vec![tr(k::labels::COLUMN_DIMENSION).to_string()];
    head.extend(names.iter().cloned());
    // In tenths, as every score bita shows: formatting a float would bring in a float printer.
    let mut tenths: Vec<Vec<Option<u16>>> = vec![
        r.start.iter().map(|p| p.tenths).collect(),
        r.start
            .iter()
            .map(|p| p.target.map(|t| u16::from(t) * 10))
            .collect(),
    ];
    tenths.extend(
        shown
            .iter()
            .map(|&i| r.phases[i].projection.iter().map(|p| p.tenths).collect()),
    );
    let rows = bank
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let cells = tenths
                .iter()
                .map(|s| s[i].map_or(String::new(), tenths_text))
                .collect();
            (d.name.clone(), cells)
        })
        .collect();
    let caption = tr(k::plan::CHART).to_string();
    let chart = Figure {
        caption: caption.clone(),
        id: "plan-chart",
        file: "bita-roadmap.png",
        label: trf(k::plan::CHART_LABEL, &[("caption", &caption)]),
        option: dimensions(&labels, &series),
        legend: names.into_iter().zip(COLOURS).collect(),
        notes: Vec::new(),
        table: Table {
            caption,
            head,
            rows,
        },
    };
    PlanPage {
        title: tr(k::plan::TITLE).to_string(),
        lead: tr(k::plan::LEAD).to_string(),
        targets,
        chart,
        phases,
        notes,
    }
}

/// The roadmap as CSV for whoever tracks the work: one row per step.
pub fn roadmap_csv(bank: &Bank, a: &Assessment) -> String {
    use super::exchange::{header, row};
    let p = plan_page(bank, a);
    let mut out = header(&[
        tr(k::plan::CSV_PHASE),
        tr(k::plan::CSV_STEP),
        tr(k::plan::CSV_WHO),
        tr(k::plan::CSV_QUESTION),
        tr(k::plan::CSV_DONE),
    ]);
    for phase in &p.phases {
        for s in &phase.steps {
            row(
                &mut out,
                &[
                    phase.title.clone(),
                    s.line.text.clone(),
                    s.line.who.clone(),
                    s.of.clone(),
                    tr(if s.done { k::plan::YES } else { k::plan::NO }).to_string(),
                ],
            );
        }
    }
    out
}
