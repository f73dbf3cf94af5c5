//! The report leadership reads, laid out from a [`ReportModel`]: plain data, so the same view serves
//! the respondent's results, a shared link and (later) the comparison. Prints to A4 and Letter.

use super::chart::{ChartBox, ChartOption};
use crate::model::chart;
use crate::model::report::{Finding, ReportModel, Row};
use leptos::prelude::*;

fn score_cell(r: &Row, not_enough: &str) -> String {
    r.score.clone().unwrap_or_else(|| not_enough.to_string())
}

/// A table with a caption, column heads and rows named by their first cell (for screen readers).
/// Every table of the report and the comparison goes through here: one view type, little wasm.
pub fn table(caption: String, head: Vec<String>, rows: Vec<(String, Vec<String>)>) -> AnyView {
    let label = caption.clone();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=label>
            <table class="scores">
                <caption>{caption}</caption>
                <thead>
                    <tr>{head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|(name, cells)| view! {
                        <tr>
                            <th scope="row">{name}</th>
                            {cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The table beside a chart: the same figures, for keyboards, screen readers and paper.
fn figures(caption: &str, first: &str, rows: Vec<Row>, not_enough: &str) -> AnyView {
    let rows = rows
        .into_iter()
        .map(|r| {
            let score = score_cell(&r, not_enough);
            let level = r
                .level
                .map(|l| format!("{l} {}", r.level_name))
                .unwrap_or_else(|| "–".into());
            let conf = format!(
                "{}: {} of {} answered, {} don't know",
                r.confidence, r.scored, r.applicable, r.dont_know
            );
            (r.name, vec![score, level, conf])
        })
        .collect();
    let head = [first, "Score", "Level", "Confidence"]
        .map(String::from)
        .to_vec();
    table(caption.to_string(), head, rows)
}

/// A list of texts, or a sentence when there is none.
pub fn list_or(items: Vec<String>, class: &'static str, none: &'static str) -> AnyView {
    if items.is_empty() {
        view! { <p>{none}</p> }.into_any()
    } else {
        view! { <ol class=class>{items.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol> }.into_any()
    }
}

/// Answers worth reading under a small heading: the question, the statement chosen, its meaning.
fn findings(title: &'static str, list: Vec<Finding>) -> Option<impl IntoView> {
    (!list.is_empty()).then(|| {
        view! {
            <h4>{title}</h4>
            <ul class="findings">{list.into_iter().map(|f| view! {
                <li>
                    <span class="finding-q">{f.question}</span> " "
                    <span class="finding-a">{format!("Level {}: {}", f.level, f.statement)}</span> " "
                    <span class="finding-m">{f.meaning}</span>
                </li>
            }).collect_view()}</ul>
        }
    })
}

fn missing_line(names: &[String]) -> Option<impl IntoView> {
    (!names.is_empty()).then(|| {
        view! { <p class="meta">{format!("Not enough answers to draw: {}.", names.join(", "))}</p> }
    })
}

/// The whole report, laid out afresh whenever its figures change. The charts survive that: they
/// are kept per owner and updated in place (see `chart`).
#[component]
pub fn Report(
    #[prop(into)] model: Signal<ReportModel>,
    #[prop(into)] owner: String,
) -> impl IntoView {
    let not_enough = crate::model::report::texts()
        .label("not_enough")
        .to_string();
    move || {
        let m = model.get();
        let h = m.headline;
        let (radar, bars) = (m.radar, m.bars);
        let (missing_dims, missing_roles) =
            (missing_line(&radar.missing), missing_line(&bars.missing));
        let dim_rows: Vec<Row> = m.dimensions.iter().map(|d| d.row.clone()).collect();
        let ne = not_enough.clone();
        view! {
            <article class="report" aria-labelledby="report-title">
                <header class="report-head">
                    <p class="report-meta">
                        <span class="report-name">{m.name}</span>
                        " · " {h.perspective} " · " <time>{h.date}</time>
                    </p>
                    <h1 id="report-title">"Results"</h1>
                    <div class="level card">
                        {h.level.map(|_| view! {
                            <p class="level-number">{h.level_label}</p>
                            <h2 class="level-name">{h.level_name}</h2>
                            <p>{h.level_text}</p>
                        })}
                        <p class="score-line">{h.score_line}</p>
                        {h.capped.map(|c| view! { <p class="capped">{c}</p> })}
                        <p class="meta">{h.answered} " · confidence " {h.confidence}</p>
                    </div>
                </header>
                <section class="report-section" aria-labelledby="summary-title">
                    <h2 id="summary-title">"Summary"</h2>
                    <p class="summary">{m.summary}</p>
                </section>
                <section class="report-section charts" aria-labelledby="charts-title">
                    <h2 id="charts-title">"Scores"</h2>
                    <figure class="figure">
                        <figcaption>"Score per dimension, 0 to 5"</figcaption>
                        <div>
                            <ChartBox id="radar-dimensions" owner=owner.clone() file="bita-dimensions.png"
                                label="Chart of the score per dimension, from 0 to 5. The table below lists the same figures."
                                make=move || ChartOption(chart::dimensions(&radar.labels, &[&radar.values])) />
                            {missing_dims}
                        </div>
                        {figures("Score per dimension (1 to 5)", "Dimension", dim_rows, &ne)}
                    </figure>
                    <figure class="figure">
                        <figcaption>"Score per IT role, 0 to 5"</figcaption>
                        <div>
                            <ChartBox id="bars-roles" owner=owner.clone() file="bita-it-roles.png"
                                label="Bar chart of the score per IT role, from 0 to 5. The table below lists the same figures."
                                make=move || ChartOption(chart::bars(&bars.labels, &bars.values)) />
                            {missing_roles}
                        </div>
                        {figures("IT roles (1 to 5)", "Role", m.roles, &ne)}
                    </figure>
                </section>
                <section class="report-section results" aria-labelledby="steps-title">
                    <h2 id="steps-title">"Next steps"</h2>
                    {m.held_back.map(|h| view! { <p class="held-back">{h}</p> })}
                    <h3 class="sub">"Quick wins"</h3>
                    {list_or(m.quick_wins, "steps quick", "No quick wins stand out from the answers given.")}
                    <h3 class="sub">"Then, weakest dimension first"</h3>
                    {list_or(m.next_steps, "steps", "No further steps stand out from the answers given.")}
                </section>
                <section class="report-section" aria-labelledby="dims-title">
                    <h2 id="dims-title">"By dimension"</h2>
                    {m.retired.map(|r| view! { <p class="meta">{r}</p> })}
                    {m.dimensions.into_iter().map(|d| {
                        let r = d.row;
                        let score = score_cell(&r, &ne);
                        let level = r.level.map(|l| format!(", level {l} {}", r.level_name)).unwrap_or_default();
                        view! {
                            <section class="dimension-report">
                                <h3>{r.name.clone()}</h3>
                                <p class="meta">{format!("Score {score}{level}; confidence {} ({} don't know).", r.confidence, r.dont_know)}</p>
                                {findings("Strongest answers", d.strongest)}
                                {findings("Weakest answers", d.weakest)}
                                {(!d.steps.is_empty()).then(|| view! {
                                    <h4>"Next steps"</h4>
                                    <ul class="steps">{d.steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul>
                                })}
                            </section>
                        }
                    }).collect_view()}
                </section>
            </article>
        }
    }
}
