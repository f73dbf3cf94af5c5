//! The report's sections as blocks (see `blocks`); the page adds the headline above them.

use super::blocks::{Block, Figure, Table};
use super::report::{Finding, ReportModel, Row, Series, StepLine};
use super::report_texts::fill;
use super::texts;

/// The table beside a chart: the same figures, for keyboards, screen readers and paper.
fn figures(caption: &str, first: &str, rows: &[Row], not_enough: &str) -> Table {
    Table {
        caption: caption.into(),
        head: [first, "Score", "Level", "Confidence"]
            .map(String::from)
            .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                let level = r
                    .level
                    .map_or_else(|| "–".into(), |l| format!("{l} {}", r.level_name));
                let conf = format!(
                    "{}: {} of {} answered, {} don't know",
                    r.confidence, r.scored, r.applicable, r.dont_know
                );
                let score = r.score.clone().unwrap_or_else(|| not_enough.into());
                (r.name.clone(), vec![score, level, conf])
            })
            .collect(),
    }
}

fn missing(s: &Series) -> Vec<String> {
    if s.missing.is_empty() {
        Vec::new()
    } else {
        vec![format!(
            "Not enough answers to draw: {}.",
            s.missing.join(", ")
        )]
    }
}

/// A section; nested ones need no id.
fn section(id: &'static str, class: &'static str, title: &str, body: Vec<Block>) -> Block {
    Block::Section {
        id,
        class,
        title: title.into(),
        body,
    }
}

/// A list of texts, or a sentence when there is none.
/// Steps as a list: each says what to do, then who acts.
fn step_list(ordered: bool, items: &[StepLine], class: &'static str) -> Block {
    let who = texts().label("who");
    Block::List {
        ordered,
        class,
        items: items
            .iter()
            .map(|s| vec![("", s.text.clone()), ("who", fill(who, &[("who", &s.who)]))])
            .collect(),
    }
}

fn list_or(items: &[StepLine], class: &'static str, none: &str) -> Block {
    if items.is_empty() {
        Block::P("", none.into())
    } else {
        step_list(true, items, class)
    }
}

/// Answers worth reading under a small heading: the question, the statement chosen, its meaning.
fn findings(title: &str, list: &[Finding]) -> Option<Block> {
    (!list.is_empty()).then(|| {
        let items = list
            .iter()
            .map(|f| {
                vec![
                    ("finding-q", f.question.clone()),
                    ("finding-a", format!("Level {}: {}", f.level, f.statement)),
                    ("finding-m", f.meaning.clone()),
                ]
            })
            .collect();
        section(
            "",
            "",
            title,
            vec![Block::List {
                ordered: false,
                class: "findings",
                items,
            }],
        )
    })
}

impl ReportModel {
    /// Everything under the headline: summary, charts with their tables, next steps, and the
    /// findings of each dimension.
    pub fn sections(&self) -> Vec<Block> {
        let not_enough = texts().label("not_enough");
        let dim_rows: Vec<Row> = self.dimensions.iter().map(|d| d.row.clone()).collect();
        let radar = Figure {
            caption: "Score per dimension, 0 to 5".into(),
            id: "radar-dimensions",
            file: "bita-dimensions.png",
            label: "Chart of the score per dimension, from 0 to 5. The table below lists the same figures.".into(),
            option: super::chart_options::dimensions(&self.radar.labels, &[&self.radar.values]),
            legend: Vec::new(),
            notes: missing(&self.radar),
            table: figures("Score per dimension (1 to 5)", "Dimension", &dim_rows, not_enough),
        };
        let bars = Figure {
            caption: "Score per IT role, 0 to 5".into(),
            id: "bars-roles",
            file: "bita-it-roles.png",
            label: "Bar chart of the score per IT role, from 0 to 5. The table below lists the same figures.".into(),
            option: super::chart_options::bars(&self.bars.labels, &self.bars.values),
            legend: Vec::new(),
            notes: missing(&self.bars),
            table: figures("IT roles (1 to 5)", "Role", &self.roles, not_enough),
        };
        let mut steps: Vec<Block> = self
            .held_back
            .iter()
            .map(|h| Block::P("held-back", h.clone()))
            .collect();
        steps.push(section(
            "",
            "",
            &self.first_title,
            vec![list_or(
                &self.first,
                "steps quick",
                "No steps stand out from the answers given.",
            )],
        ));
        steps.push(section(
            "",
            "",
            "Then, weakest dimension first",
            vec![list_or(
                &self.next_steps,
                "steps",
                "No further steps stand out from the answers given.",
            )],
        ));
        let mut by_dimension: Vec<Block> = self
            .model_changed
            .iter()
            .map(|r| Block::P("meta", r.clone()))
            .collect();
        for d in &self.dimensions {
            let r = &d.row;
            let score = r.score.clone().unwrap_or_else(|| not_enough.into());
            let level = r
                .level
                .map(|l| format!(", level {l} {}", r.level_name))
                .unwrap_or_default();
            let mut body = vec![Block::P(
                "meta",
                format!(
                    "Score {score}{level}; confidence {} ({} don't know).",
                    r.confidence, r.dont_know
                ),
            )];
            body.extend(findings("Strongest answers", &d.strongest));
            body.extend(findings("Weakest answers", &d.weakest));
            if !d.steps.is_empty() {
                body.push(section(
                    "",
                    "",
                    "Next steps",
                    vec![step_list(false, &d.steps, "steps")],
                ));
            }
            // The seeds' most concrete lesson has a check of its own.
            if r.id == super::catalogue_page::DIMENSION {
                body.push(Block::Link(
                    super::catalogue_page::LINK.into(),
                    "#/catalogue",
                ));
            }
            by_dimension.push(section("", "dimension-report", &r.name, body));
        }
        vec![
            section(
                "summary-title",
                "report-section",
                "Summary",
                vec![Block::P("summary", self.summary.clone())],
            ),
            section(
                "charts-title",
                "report-section charts",
                "Scores",
                vec![Block::Figure(radar), Block::Figure(bars)],
            ),
            section("steps-title", "report-section results", "Next steps", steps),
            section("dims-title", "report-section", "By dimension", by_dimension),
        ]
    }
}
