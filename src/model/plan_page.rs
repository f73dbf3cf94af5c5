//! The targets and roadmap section as plain data: what the page shows and the CSV it exports, so
//! that its words and figures are tested natively (the page only lays them out, see `app::plan`).

use super::blocks::{Figure, Table};
use super::chart_options::{dimensions, COLOURS, MAX_SERIES};
use super::report::StepLine;
use super::report_texts::fill;
use super::roadmap::{roadmap, Projection, Roadmap};
use super::scoring::tenths_text;
use super::{texts, Assessment, Bank};

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
    let t = texts();
    if i == 0 && months == 3 {
        t.label("phase_first").to_string()
    } else {
        fill(
            t.label("phase_later"),
            &[("n", &(i + 1).to_string()), ("months", &months.to_string())],
        )
    }
}

fn projection_table(bank: &Bank, caption: String, p: &[Projection]) -> Table {
    let t = texts();
    let not_enough = t.label("not_enough");
    Table {
        caption,
        head: [
            "column_dimension",
            "table_score",
            "table_level",
            "plan_target",
            "plan_column_reached",
        ]
        .map(|k| t.label(k).to_string())
        .to_vec(),
        rows: bank
            .dimensions
            .iter()
            .zip(p)
            .map(|(d, p)| {
                let reached = match (p.level, p.target) {
                    (None, _) => String::new(),
                    (Some(_), None) => String::new(),
                    (Some(_), Some(_)) if p.reached() => t.label("plan_yes").into(),
                    _ => t.label("plan_not_yet").into(),
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
    let t = texts();
    let r = roadmap(bank, a);
    let targets = bank
        .dimensions
        .iter()
        .zip(&r.start)
        .map(|(d, p)| TargetRow {
            dimension: d.id.clone(),
            label: fill(t.label("target_for"), &[("dimension", &d.name)]),
            today: match (p.tenths, p.level) {
                (Some(s), Some(l)) => fill(
                    t.label("target_today"),
                    &[("score", &tenths_text(s)), ("level", &l.to_string())],
                ),
                _ => t.label("target_unscored").to_string(),
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
                        line: StepLine::of(t, &s.step),
                        of: fill(
                            t.label("plan_step_of"),
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
                fill(t.label("phase_after"), &[("n", &(i + 1).to_string())]),
                &p.projection,
            ),
        })
        .collect();
    let mut notes = Vec::new();
    if r.phases.is_empty() {
        notes.push(t.label("plan_reached").to_string());
    }
    for (d, p) in bank.dimensions.iter().zip(&r.start) {
        if p.tenths.is_none() {
            notes.push(fill(t.label("plan_unscored"), &[("dimension", &d.name)]));
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
        t.label("plan_today").to_string(),
        t.label("plan_target").to_string(),
    ];
    names.extend(
        shown
            .iter()
            .map(|&i| fill(t.label("phase_after"), &[("n", &(i + 1).to_string())])),
    );
    let labels: Vec<String> = bank.dimensions.iter().map(|d| d.name.clone()).collect();
    let mut head = vec![t.label("column_dimension").to_string()];
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
    let caption = t.label("plan_chart").to_string();
    let chart = Figure {
        caption: caption.clone(),
        id: "plan-chart",
        file: "bita-roadmap.png",
        label: fill(t.label("plan_chart_label"), &[("caption", &caption)]),
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
        title: t.label("plan_title").to_string(),
        lead: t.label("plan_lead").to_string(),
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
    let t = texts();
    let mut out = header(&[
        t.label("plan_csv_phase"),
        t.label("plan_csv_step"),
        t.label("plan_csv_who"),
        t.label("plan_csv_question"),
        t.label("plan_csv_done"),
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
                    t.label(if s.done { "plan_yes" } else { "plan_no" })
                        .to_string(),
                ],
            );
        }
    }
    out
}
