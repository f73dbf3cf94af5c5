//! The results: the level, the radar, a table per dimension and role, and the next steps.

use super::widgets::AssessmentBar;
use super::{browser, Ctx};
use crate::model::builtin;
use crate::model::scoring::{advise, score, Tally};
use leptos::prelude::*;

fn score_text(t: &Tally) -> String {
    match t.score {
        Some(s) => format!("{s:.1}"),
        None => "not enough answers".into(),
    }
}

/// A first results view: the level, a table per dimension and role, and the next steps.
#[component]
pub fn Results() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let bank = builtin();
    request_animation_frame(browser::focus_main);
    let Some(a) = ctx.current.get_untracked() else {
        return ().into_any();
    };
    let report = score(bank, &a);
    let advice = advise(bank, &a);
    let cap_name = bank
        .dimension(&bank.model.scoring.cap_dimension)
        .map(|d| d.name.clone())
        .unwrap_or_default();
    let overall = match &report.overall {
        Some(o) => {
            let level = bank.model.levels[usize::from(o.level) - 1].clone();
            let capped = o.capped().then(|| {
                let margin = bank.model.scoring.cap_margin;
                format!(
                    "The average of the dimensions ({:.1}) would give level {}, but the overall level may stand at most {} level{} above {}: \
                     the business only asks IT's advice once the basics are delivered well.",
                    o.score,
                    o.uncapped_level,
                    margin,
                    if margin == 1 { "" } else { "s" },
                    cap_name
                )
            });
            view! {
                <div class="level card">
                    <p class="level-number">"Level " {o.level} " of 5"</p>
                    <h2>{level.name}</h2>
                    <p>{level.description}</p>
                    <p class="meta">{format!("Average score {:.1} over {} dimensions.", o.score, o.based_on)}</p>
                    {capped.map(|c| view! { <p class="capped">{c}</p> })}
                </div>
            }
            .into_any()
        }
        None => view! {
            <div class="level card">
                <p>"There are not enough answers for an overall level yet. At least half of the questions of "
                   {cap_name} " and of most other dimensions need an answer other than “Don't know”."</p>
            </div>
        }
        .into_any(),
    };
    view! {
        <div class="walk">
            <AssessmentBar/>
            <section class="page results" aria-labelledby="results-title">
                <h1 id="results-title">"Results"</h1>
                {overall}
                <super::chart::ChartBox
                    id="radar-dimensions"
                    label="Radar chart of the score per dimension, from 0 to 5. The table below lists the same figures.".to_string()
                    chart=super::chart::radar(&report)
                />
                <table class="scores">
                    <caption>"Score per dimension (1 to 5)"</caption>
                    <thead><tr><th scope="col">"Dimension"</th><th scope="col">"Score"</th><th scope="col">"Level"</th><th scope="col">"Confidence"</th></tr></thead>
                    <tbody>
                        {report.dimensions.iter().map(|d| view! {
                            <tr>
                                <th scope="row">{d.name.clone()}</th>
                                <td>{score_text(&d.tally)}</td>
                                <td>{d.tally.level().map(|l| bank.level_name(l).to_string()).unwrap_or_else(|| "–".into())}</td>
                                <td>{format!("{} ({} of {} applicable answered, {} don't know)", d.tally.confidence_label(), d.tally.scored, d.tally.total - d.tally.not_applicable, d.tally.dont_know)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <table class="scores">
                    <caption>"IT roles (1 to 5)"</caption>
                    <thead><tr><th scope="col">"Role"</th><th scope="col">"Score"</th></tr></thead>
                    <tbody>
                        {report.roles.iter().map(|r| view! {
                            <tr><th scope="row">{r.name.clone()}</th><td>{score_text(&r.tally)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <h2>"Quick wins"</h2>
                {if advice.quick_wins.is_empty() {
                    view! { <p>"No quick wins stand out from the answers given."</p> }.into_any()
                } else {
                    view! { <ol class="steps">{advice.quick_wins.iter().map(|s| view! { <li>{s.text.clone()}</li> }).collect_view()}</ol> }.into_any()
                }}
                <h2>"Next steps, weakest dimension first"</h2>
                {advice.dimensions.iter().filter(|d| !d.steps.is_empty()).map(|d| view! {
                    <h3>{d.name.clone()}</h3>
                    <ul class="steps">{d.steps.iter().take(3).map(|s| view! { <li>{s.text.clone()}</li> }).collect_view()}</ul>
                }).collect_view()}
            </section>
        </div>
    }
    .into_any()
}
