//! The report's sections as blocks (see `blocks`); the page adds the headline above them.

use super::blocks::{Block, Figure, Table};
use super::keys as k;
use super::report::{Finding, ReportModel, Row, Series, StepLine};
use super::report_texts::fill;
use super::words::{tr, trf};

/// The table beside a chart: the same figures, for keyboards, screen readers and paper.
fn figures(caption: &str, first: &str, rows: &[Row], not_enough: &str) -> Table {
    Table {
        caption: caption.into(),
        head: [
            first,
            tr(k::labels::TABLE_SCORE),
            tr(k::labels::TABLE_LEVEL),
            tr(k::labels::TABLE_CONFIDENCE),
        ]
        .map(String::from)
        .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                let level = r
                    .level
                    .map_or_else(|| "–".into(), |l| format!("{l} {}", r.level_name));
                let conf = trf(
                    k::labels::CONFIDENCE_CELL,
                    &[
                        ("confidence", &r.confidence),
                        ("scored", &r.scored.to_string()),
                        ("applicable", &r.applicable.to_string()),
                        ("dont_know", &r.dont_know.to_string()),
                    ],
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
        vec![trf(
            k::labels::NOT_DRAWN,
            &[("list", &s.missing.join(", "))],
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
    let who = tr(k::labels::WHO);
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
                    (
                        "finding-a",
                        trf(
                            k::labels::FINDING,
                            &[("level", &f.level.to_string()), ("statement", &f.statement)],
                        ),
                    ),
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
        let not_enough = tr(k::labels::NOT_ENOUGH);
        let dim_rows: Vec<Row> = self.dimensions.iter().map(|d| d.row.clone()).collect();
        let radar = Figure {
            caption: tr(k::labels::RADAR_CAPTION).into(),
            id: "radar-dimensions",
            file: "bita-dimensions.png",
            label: tr(k::labels::RADAR_LABEL).into(),
            option: super::chart_options::dimensions(&self.radar.labels, &[&self.radar.values]),
            legend: Vec::new(),
            notes: missing(&self.radar),
            table: figures(
                tr(k::labels::RADAR_TABLE),
                tr(k::labels::COLUMN_DIMENSION),
                &dim_rows,
                not_enough,
            ),
        };
        let bars = Figure {
            caption: tr(k::labels::BARS_CAPTION).into(),
            id: "bars-roles",
            file: "bita-it-roles.png",
            label: tr(k::labels::BARS_LABEL).into(),
            option: super::chart_options::bars(&self.bars.labels, &self.bars.values),
            legend: Vec::new(),
            notes: missing(&self.bars),
            table: figures(
                tr(k::labels::BARS_TABLE),
                tr(k::labels::COLUMN_ROLE),
                &self.roles,
                not_enough,
            ),
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
            vec![list_or(&self.first, "steps quick", tr(k::labels::NO_FIRST))],
        ));
        steps.push(section(
            "",
            "",
            tr(k::labels::THEN_TITLE),
            vec![list_or(&self.next_steps, "steps", tr(k::labels::NO_THEN))],
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
                .map(|n| {
                    trf(
                        k::labels::DIMENSION_LEVEL,
                        &[("level", &n.to_string()), ("name", &r.level_name)],
                    )
                })
                .unwrap_or_default();
            let mut body = vec![Block::P(
                "meta",
                trf(
                    k::labels::DIMENSION_META,
                    &[
                        ("score", &score),
                        ("level", &level),
                        ("confidence", &r.confidence),
                        ("dont_know", &r.dont_know.to_string()),
                    ],
                ),
            )];
            body.extend(findings(tr(k::labels::STRONGEST), &d.strongest));
            body.extend(findings(tr(k::labels::WEAKEST), &d.weakest));
            if !d.steps.is_empty() {
                body.push(section(
                    "",
                    "",
                    tr(k::labels::STEPS_TITLE),
                    vec![step_list(false, &d.steps, "steps")],
                ));
            }
            // The seeds' most concrete lesson has a check of its own.
            if r.id == super::catalogue_page::DIMENSION {
                body.push(Block::Link(
                    super::words::tr(super::keys::walk::CATALOGUE_LINK).into(),
                    "#/catalogue",
                ));
            }
            by_dimension.push(section("", "dimension-report", &r.name, body));
        }
        vec![
            section(
                "summary-title",
                "report-section",
                tr(k::labels::SUMMARY_TITLE),
                vec![Block::P("summary", self.summary.clone())],
            ),
            section(
                "charts-title",
                "report-section charts",
                tr(k::labels::SCORES_TITLE),
                vec![Block::Figure(radar), Block::Figure(bars)],
            ),
            section(
                "steps-title",
                "report-section results",
                tr(k::labels::STEPS_TITLE),
                steps,
            ),
            section(
                "dims-title",
                "report-section",
                tr(k::labels::BY_DIMENSION),
                by_dimension,
            ),
        ]
    }
}
