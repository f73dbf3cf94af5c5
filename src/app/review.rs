//! The review page: what is still unanswered, each linked to its place.

use super::widgets::{AssessmentBar, DimensionNav};
use super::words::{tr, trf, trn};
use super::{browser, Ctx};
use crate::model::builtin;
use crate::model::keys as k;
use crate::route::Route;
use leptos::prelude::*;

#[component]
pub fn Review() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let bank = builtin();
    request_animation_frame(browser::show_page);
    let id = ctx
        .current
        .with_untracked(|c| c.as_ref().map(|a| a.id.clone()))
        .unwrap_or_default();
    let results = Route::Results { id: id.clone() }.href();
    // Answered from the other side of a shared report: the comparison with it is the next step,
    // taken by itself once every question is answered (once: then the link is forgotten, and the
    // review shows as usual).
    let side = ctx
        .current
        .with_untracked(|c| c.as_ref().map(|a| a.perspective));
    let counterpart = super::local_store::counterpart(&id).and_then(|link| {
        let theirs = crate::model::share::decode(bank, &link)
            .ok()?
            .assessment
            .perspective;
        (Some(theirs) != side).then_some((link, theirs))
    });
    let complete = ctx.current.with_untracked(|c| {
        c.as_ref()
            .is_some_and(|a| a.answered(bank) == a.asked(bank))
    });
    if let Some((link, _)) = counterpart.clone().filter(|_| complete) {
        let mine = id.clone();
        request_animation_frame(move || {
            super::local_store::forget_counterpart(&mine);
            ctx.picks.pair(&mine, link);
            ctx.replace_route(Route::Compare);
        });
    }
    let missing = move || {
        ctx.current.with(|c| {
            let Some(a) = c else { return Vec::new() };
            bank.dimensions
                .iter()
                .map(|d| {
                    (
                        d,
                        bank.asked(d, a.perspective)
                            .filter(|q| !a.answers.contains_key(&q.id))
                            .collect::<Vec<_>>(),
                    )
                })
                .filter(|(_, qs)| !qs.is_empty())
                .collect::<Vec<_>>()
        })
    };
    // The next step: the comparison with the link this answers, where there is one.
    let actions = match counterpart {
        Some((link, theirs)) => {
            let mine = id.clone();
            let label = trf(k::review::COMPARE, &[("name", theirs.view_name_within())]);
            view! {
                <p class="actions">
                    <button type="button" class="primary" on:click=move |_| {
                        ctx.picks.pair(&mine, link.clone());
                        super::go(&Route::Compare);
                    }>{label}</button>
                    <a class="button" href=results>{tr(k::review::RESULTS)}</a>
                </p>
            }
            .into_any()
        }
        None => {
            view! { <p><a class="button primary" href=results>{tr(k::review::RESULTS)}</a></p> }
                .into_any()
        }
    };
    view! {
        <div class="walk">
            <AssessmentBar/>
            <div class="walk-body">
                <DimensionNav active="review"/>
                <section class="page" aria-labelledby="review-title">
                    <h1 id="review-title">{tr(k::review::TITLE)}</h1>
                    {move || {
                        let groups = missing();
                        if groups.is_empty() {
                            view! { <p class="ok">{tr(k::review::COMPLETE)}</p> }.into_any()
                        } else {
                            let n: usize = groups.iter().map(|(_, qs)| qs.len()).sum();
                            let id = id.clone();
                            view! {
                                <p>{trn(n, k::review::MISSING_ONE, k::review::MISSING_OTHER, &[])}</p>
                                {groups.into_iter().map(|(d, qs)| view! {
                                    <h2>{d.name.clone()}</h2>
                                    <ul class="missing">
                                        {qs.into_iter().map(|q| {
                                            let href = Route::Dimension { id: id.clone(), dimension: d.id.clone(), question: Some(q.id.clone()) }.href();
                                            view! { <li><a href=href>{q.text.clone()}</a></li> }
                                        }).collect_view()}
                                    </ul>
                                }).collect_view()}
                            }.into_any()
                        }
                    }}
                    {actions}
                </section>
            </div>
        </div>
    }
}
