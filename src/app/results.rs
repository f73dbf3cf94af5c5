//! The results page of the open assessment: the report, with print, share and export.

use super::report::Report;
use super::share::ShareLink;
use super::widgets::AssessmentBar;
use super::{browser, Ctx};
use crate::model::report::ReportModel;
use crate::model::{builtin, Assessment};
use leptos::prelude::*;

/// The report of an assessment, once the advice texts (fetched with the first report, not part of
/// the first view) are in; says so while they load or when they cannot be.
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
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    ctx.load_advice();
    let ready = Memo::new(move |_| matches!(ctx.advice.get(), Some(Ok(()))));
    // Follows the answers: another tab's change shows at once, in the same charts.
    let model = Memo::new(move |_| {
        ready
            .get()
            .then(|| assessment.with(|a| a.as_ref().map(|a| ReportModel::from(builtin(), a))))
            .flatten()
            .map(|m| if pooled { m.pooled() } else { m })
    });
    let has_model = Memo::new(move |_| model.with(Option::is_some));
    move || {
        if has_model.get() {
            let report = Signal::derive(move || {
                model.get().unwrap_or_else(|| {
                    // Only while the assessment goes away (deleted in another tab).
                    ReportModel::from(builtin(), &Assessment::new(builtin(), String::new(), 0.0))
                })
            });
            view! { <Report model=report owner=owner.clone() nested=nested/> }.into_any()
        } else if let Some(Err(e)) = ctx.advice.get() {
            view! {
                <p class="notice warn" role="alert">{format!("The report could not be loaded ({e}). Check the connection and reload the page.")}</p>
            }
            .into_any()
        } else {
            view! { <p role="status">"Preparing the report…"</p> }.into_any()
        }
    }
}

#[component]
pub fn Results() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    request_animation_frame(browser::focus_main);
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
                    <ShareLink assessment=assessment/>
                </div>
                <ReportWhenReady assessment=assessment owner=id/>
            </div>
        </div>
    }
    .into_any()
}
