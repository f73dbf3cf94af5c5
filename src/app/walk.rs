//! Walking through the questions, one dimension per page.

use super::cards::{focus_question, Questions};
use super::widgets::{AssessmentBar, DimensionNav};
use super::words::{tr, trf};
use super::{browser, go, Ctx};
use crate::model::builtin;
use crate::model::keys as k;
use crate::route::Route;
use leptos::prelude::*;

/// One dimension's questions, with Back and Next.
#[component]
pub fn DimensionPage(dimension: String, question: Option<String>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let bank = builtin();
    let index = bank
        .dimensions
        .iter()
        .position(|d| d.id == dimension)
        .unwrap_or(0);
    let dim = &bank.dimensions[index];
    let side = ctx
        .current
        .with_untracked(|c| c.as_ref().map(|a| a.perspective))
        .unwrap_or_default();
    let id = ctx
        .current
        .with_untracked(|c| c.as_ref().map(|a| a.id.clone()))
        .unwrap_or_default();

    // A page opens at its top with its heading focused. An address naming a question (a review's
    // link, resuming where the respondent left off) opens at that question instead, and so does
    // the first page after a reload: at the question last touched on it.
    let saved = browser::first_page()
        .then(|| {
            ctx.current.with_untracked(|c| {
                c.as_ref()
                    .and_then(|a| a.resume_at(&dimension).map(str::to_string))
            })
        })
        .flatten();
    let target = question.clone().or(saved).filter(|_| !browser::returning());
    request_animation_frame(move || match target {
        Some(q) => focus_question(&q),
        None => browser::show_page(),
    });

    let back = if index == 0 {
        Route::Home
    } else {
        Route::Dimension {
            id: id.clone(),
            dimension: bank.dimensions[index - 1].id.clone(),
            question: None,
        }
    };
    let next = match bank.dimensions.get(index + 1) {
        Some(d) => Route::Dimension {
            id: id.clone(),
            dimension: d.id.clone(),
            question: None,
        },
        None => Route::Review { id: id.clone() },
    };
    let back_label = tr(if index == 0 {
        k::walk::BACK_TO_START
    } else {
        k::walk::BACK
    });
    let next_label = tr(if index + 1 == bank.dimensions.len() {
        k::walk::NEXT_REVIEW
    } else {
        k::walk::NEXT
    });
    let heading = trf(
        k::walk::HEADING,
        &[
            ("name", &dim.name),
            ("n", &(index + 1).to_string()),
            ("total", &bank.dimensions.len().to_string()),
        ],
    );
    view! {
        <div class="walk">
            <AssessmentBar/>
            <div class="walk-body">
                <DimensionNav active=dimension.clone()/>
                <section class="page questions" aria-labelledby="dim-title">
                    <h1 id="dim-title">{heading}</h1>
                    <p class="lead">{dim.summary.clone()}</p>
                    // Several questions ask about planning with IT and paying for it: said once, where the walk starts.
                    {(index == 0 && side == crate::model::Perspective::Business).then(|| view! {
                        <p class="meta">{trf(k::walk::BUSINESS_LEAD, &[("dont_know", &bank.model.dont_know)])}</p>
                    })}
                    {(dim.id == crate::model::catalogue_page::DIMENSION).then(|| view! {
                        <p class="meta"><a href="#/catalogue">{tr(k::walk::CATALOGUE_LINK)}</a></p>
                    })}
                    <Questions dimension=dim side=side/>
                    <div class="pager">
                        <button type="button" on:click=move |_| go(&back)>{back_label}</button>
                        <button type="button" class="primary" on:click=move |_| go(&next)>{next_label}</button>
                    </div>
                </section>
            </div>
        </div>
    }
}
