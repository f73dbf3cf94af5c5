//! The results page of the open assessment: the report, with print and export.

use super::report::Report;
use super::widgets::AssessmentBar;
use super::{browser, Ctx};
use crate::model::builtin;
use crate::model::report::ReportModel;
use leptos::prelude::*;

#[component]
pub fn Results() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    request_animation_frame(browser::focus_main);
    let Some(id) = ctx.current_id() else {
        return ().into_any();
    };
    // The advice texts arrive with the report, not with the first view.
    ctx.load_advice();
    let ready = Memo::new(move |_| matches!(ctx.advice.get(), Some(Ok(()))));
    // Follows the answers: another tab's change shows at once, in the same charts.
    let model = Memo::new(move |_| {
        ready
            .get()
            .then(|| {
                ctx.current
                    .with(|c| c.as_ref().map(|a| ReportModel::from(builtin(), a)))
            })
            .flatten()
    });
    let has_model = Memo::new(move |_| model.with(Option::is_some));
    view! {
        <div class="walk">
            <AssessmentBar/>
            <div class="page report-page">
                <p class="no-print actions">
                    <button type="button" on:click=move |_| { let _ = window().print(); }>"Print or save as PDF"</button>
                </p>
                {move || {
                    if has_model.get() {
                        let report = Signal::derive(move || model.get().unwrap_or_else(|| {
                            // Only while the assessment goes away (deleted in another tab).
                            ReportModel::from(builtin(), &crate::model::Assessment::new(builtin(), String::new(), 0.0))
                        }));
                        view! { <Report model=report owner=id.clone()/> }.into_any()
                    } else if let Some(Err(e)) = ctx.advice.get() {
                        view! {
                            <p class="notice warn" role="alert">{format!("The report could not be loaded ({e}). Check the connection and reload the page.")}</p>
                        }.into_any()
                    } else {
                        view! { <p role="status">"Preparing the report…"</p> }.into_any()
                    }
                }}
            </div>
        </div>
    }
    .into_any()
}
