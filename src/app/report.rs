//! The report leadership reads, laid out from a [`ReportModel`]: plain data, so the same view serves
//! the respondent's results, a shared link and (later) the comparison. Prints to A4 and Letter.

use super::chart::{dimensions_chart, roles_chart, ChartBox, PALETTE};
use crate::model::report::{ReportModel, Row};
use leptos::prelude::*;

fn score_cell(r: &Row, not_enough: &str) -> String {
    r.score.clone().unwrap_or_else(|| not_enough.to_string())
}

/// The table beside a chart: the same figures, for keyboards, screen readers and paper.
fn figures(
    caption: &'static str,
    first: &'static str,
    rows: Vec<Row>,
    not_enough: String,
) -> impl IntoView {
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=caption>
            <table class="scores">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{first}</th>
                        <th scope="col">"Score"</th>
                        <th scope="col">"Level"</th>
                        <th scope="col">"Confidence"</th>
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|r| {
                        let score = score_cell(&r, &not_enough);
                        let level = r.level.map(|l| format!("{l} {}", r.level_name)).unwrap_or_else(|| "–".into());
                        let conf = format!("{}: {} of {} answered, {} don't know", r.confidence, r.scored, r.applicable, r.dont_know);
                        view! {
                            <tr>
                                <th scope="row">{r.name}</th>
                                <td>{score}</td>
                                <td>{level}</td>
                                <td>{conf}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The whole report. `owner` keys its charts (the assessment's id, or a view's own key).
#[component]
pub fn Report(
    #[prop(into)] model: Signal<ReportModel>,
    #[prop(into)] owner: String,
) -> impl IntoView {
    let not_enough = crate::model::report::texts()
        .label("not_enough")
        .to_string();
    let head = move || {
        let m = model.get();
        let h = m.headline;
        view! {
            <header class="report-head">
                <p class="report-meta">
                    <span class="report-name">{m.name}</span>
                    " · " {h.perspective} " · " <time>{h.date}</time>
                </p>
                <h1 id="report-title">"Results"</h1>
                <div class="level card">
                    {h.level.map(|_| view! {
                        <p class="level-number">{h.level_label.clone()}</p>
                        <h2 class="level-name">{h.level_name.clone()}</h2>
                        <p>{h.level_text.clone()}</p>
                    })}
                    <p class="score-line">{h.score_line}</p>
                    {h.capped.map(|c| view! { <p class="capped">{c}</p> })}
                    <p class="meta">{h.answered} " · confidence " {h.confidence}</p>
                </div>
            </header>
        }
    };
    let summary = move || model.with(|m| m.summary.clone());
    let missing_dims = move || model.with(|m| m.radar.missing.clone());
    let missing_roles = move || model.with(|m| m.bars.missing.clone());
    let missing_line =
        move |names: Vec<String>| {
            (!names.is_empty()).then(|| view! {
            <p class="meta">{format!("Not enough answers to draw: {}.", names.join(", "))}</p>
        })
        };
    let (ne1, ne2, ne3) = (not_enough.clone(), not_enough.clone(), not_enough);
    let owner2 = owner.clone();
    view! {
        <article class="report" aria-labelledby="report-title">
            {head}
            <section class="report-section" aria-labelledby="summary-title">
                <h2 id="summary-title">"Summary"</h2>
                <p class="summary">{summary}</p>
            </section>
            <section class="report-section charts" aria-labelledby="charts-title">
                <h2 id="charts-title">"Scores"</h2>
                <figure class="figure">
                    <figcaption>"Score per dimension, 0 to 5"</figcaption>
                    <div>
                    <ChartBox id="radar-dimensions" owner=owner file="bita-dimensions.png"
                        label="Chart of the score per dimension, from 0 to 5. The table below lists the same figures."
                        make=move || dimensions_chart(&model.with(|m| m.radar.clone()), &PALETTE) />
                    {move || missing_line(missing_dims())}
                    </div>
                    {move || figures("Score per dimension (1 to 5)", "Dimension", model.with(|m| m.dimensions.iter().map(|d| d.row.clone()).collect()), ne1.clone())}
                </figure>
                <figure class="figure">
                    <figcaption>"Score per IT role, 0 to 5"</figcaption>
                    <div>
                    <ChartBox id="bars-roles" owner=owner2 file="bita-it-roles.png"
                        label="Bar chart of the score per IT role, from 0 to 5. The table below lists the same figures."
                        make=move || roles_chart(&model.with(|m| m.bars.clone()), &PALETTE) />
                    {move || missing_line(missing_roles())}
                    </div>
                    {move || figures("IT roles (1 to 5)", "Role", model.with(|m| m.roles.clone()), ne2.clone())}
                </figure>
            </section>
            <section class="report-section results" aria-labelledby="steps-title">
                <h2 id="steps-title">"Next steps"</h2>
                {move || model.with(|m| m.held_back.clone()).map(|h| view! { <p class="held-back">{h}</p> })}
                <h3 class="sub">"Quick wins"</h3>
                {move || {
                    let wins = model.with(|m| m.quick_wins.clone());
                    if wins.is_empty() {
                        view! { <p>"No quick wins stand out from the answers given."</p> }.into_any()
                    } else {
                        view! { <ol class="steps quick">{wins.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol> }.into_any()
                    }
                }}
                <h3 class="sub">"Then, weakest dimension first"</h3>
                {move || {
                    let steps = model.with(|m| m.next_steps.clone());
                    if steps.is_empty() {
                        view! { <p>"No further steps stand out from the answers given."</p> }.into_any()
                    } else {
                        view! { <ol class="steps">{steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol> }.into_any()
                    }
                }}
            </section>
            <section class="report-section" aria-labelledby="dims-title">
                <h2 id="dims-title">"By dimension"</h2>
                {move || model.with(|m| m.retired.clone()).map(|r| view! { <p class="meta">{r}</p> })}
                {move || model.with(|m| m.dimensions.clone()).into_iter().map(|d| {
                    let r = d.row;
                    let score = score_cell(&r, &ne3);
                    let level = r.level.map(|l| format!(", level {l} {}", r.level_name)).unwrap_or_default();
                    view! {
                        <section class="dimension-report">
                            <h3>{r.name.clone()}</h3>
                            <p class="meta">{format!("Score {score}{level}; confidence {} ({} don't know).", r.confidence, r.dont_know)}</p>
                            {(!d.strongest.is_empty()).then(|| view! {
                                <h4>"Strongest answers"</h4>
                                <ul class="findings">{d.strongest.into_iter().map(|f| view! {
                                    <li><span class="finding-q">{f.question}</span> " " <span class="finding-a">{format!("Level {}: {}", f.level, f.statement)}</span> " " <span class="finding-m">{f.meaning}</span></li>
                                }).collect_view()}</ul>
                            })}
                            {(!d.weakest.is_empty()).then(|| view! {
                                <h4>"Weakest answers"</h4>
                                <ul class="findings">{d.weakest.into_iter().map(|f| view! {
                                    <li><span class="finding-q">{f.question}</span> " " <span class="finding-a">{format!("Level {}: {}", f.level, f.statement)}</span> " " <span class="finding-m">{f.meaning}</span></li>
                                }).collect_view()}</ul>
                            })}
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
