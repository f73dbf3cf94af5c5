//! The results page of the open assessment: the report, with print, share and export.

use super::offline::CodeMissing;
use super::report::Report;
use super::share::ShareLink;
use super::widgets::AssessmentBar;
use super::Unloaded;
use super::{browser, Ctx};
use crate::model::doc::Block;
use crate::model::report::ReportModel;
use crate::model::{builtin, Assessment};
use leptos::prelude::*;

/// The report of an assessment, once its code and advice texts (fetched with the first report or
/// once a question is answered, not part of the first view) are in; says so while they load or when
/// they cannot be.
#[component]
pub fn ReportWhenReady(
    #[prop(into)] assessment: Signal<Option<Assessment>>,
    #[prop(into)] owner: String,
    /// Under a heading of the page: see [`Report`].
    #[prop(optional)]
    nested: bool,
    /// A team's median over both sides: see `ReportModel::pooled`.
    #[prop(optional)]
    pooled: bool,
    /// The page gives the title and says whose view it is: see [`Report`].
    #[prop(optional)]
    titled: bool,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    ctx.load_report();
    let ready = Memo::new(move |_| matches!(ctx.report_ready.get(), Some(Ok(()))));
    // Follows the answers: another tab's change shows at once, in the same charts.
    let model = Memo::new(move |_| {
        ready
            .get()
            .then(|| {
                assessment.with(|a| {
                    let a = a.as_ref()?;
                    // Ready means the chunk is in, so this completes at once.
                    super::at_once!(report_of(a, pooled)).ok()
                })
            })
            .flatten()
    });
    let has_model = Memo::new(move |_| model.with(Option::is_some));
    move || {
        if has_model.get() {
            view! { <Report model=model owner=owner.clone() nested=nested titled=titled/> }
                .into_any()
        } else if let Some(Err(_)) = ctx.report_ready.get() {
            view! { <CodeMissing what="The report"/> }.into_any()
        } else {
            view! { <p role="status">"Preparing the report…"</p> }.into_any()
        }
    }
}

#[component]
pub fn Results() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    request_animation_frame(browser::show_page);
    let Some(id) = ctx.current_id() else {
        return ().into_any();
    };
    let assessment = Signal::derive(move || ctx.current.get());
    view! {
        <div class="walk">
            <AssessmentBar/>
            <div class="page report-page">
                <div class="no-print report-actions">
                    <button type="button" on:click=|_| super::chart::print_page()>"Print or save as PDF"</button>
                    <button type="button" on:click=move |_| {
                        if let Some(a) = ctx.current.get_untracked() {
                            browser::download(
                                "bita-scores.csv",
                                "text/csv",
                                &crate::model::exchange::export_scores_csv(builtin(), &[&a]),
                            );
                        }
                    }>"Export scores (CSV)"</button>
                    <ShareLink assessment=assessment/>
                </div>
                <ReportWhenReady assessment=assessment owner=id/>
            </div>
        </div>
    }
    .into_any()
}

// The report's domain code (its model and its sections: about 13 KB gzip) is a chunk of its own in
// the release build, fetched with the advice texts (`Ctx::load_report`), not part of the first view.
// One function is its one way in: each split function keeps its own note of whether its chunk is
// in, and `at_once!` needs that note set by the preload.

/// An assessment's report: its model (a team's median over both sides when `pooled`) and its
/// sections as blocks.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        report,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(fetch_report_chunk)
    )
)]
fn report_of(a: &Assessment, pooled: bool) -> Result<(ReportModel, Vec<Block>), Unloaded> {
    let m = ReportModel::from(builtin(), a);
    let m = if pooled { m.pooled() } else { m };
    let sections = m.sections();
    Ok((m, sections))
}

/// Fetches the report's chunk (done at once where there is none).
pub async fn report_code() -> Result<(), Unloaded> {
    #[cfg(feature = "split")]
    return fetch_report_chunk().await.map_err(Unloaded::from);
    #[cfg(not(feature = "split"))]
    Ok(())
}
