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
    // Follows the answers: another tab's change shows at once, in the same charts.
    let model = Memo::new(move |_| {
        ctx.current
            .with(|c| c.as_ref().map(|a| ReportModel::from(builtin(), a)))
    });
    let report = Signal::derive(move || {
        model
            .get()
            .expect("the page exists only for a known assessment")
    });
    view! {
        <div class="walk">
            <AssessmentBar/>
            <div class="page report-page">
                <p class="no-print actions">
                    <button type="button" on:click=move |_| { let _ = window().print(); }>"Print or save as PDF"</button>
                </p>
                <Report model=report owner=id/>
            </div>
        </div>
    }
    .into_any()
}
