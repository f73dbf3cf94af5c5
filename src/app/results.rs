//! The results page of the open assessment: the report, with print, share and export.

use super::offline::CodeMissing;
use super::report::Report;
use super::share_button::ShareLink;
use super::widgets::AssessmentBar;
use super::words::tr;
use super::Unloaded;
use super::{browser, Ctx};
use crate::model::blocks::Block;
use crate::model::keys as k;
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
    let ready = Memo::new(move |_| ctx.report_code.get() == super::ReportCode::Ready);
    // Follows the answers: another tab's change shows at once, in the same charts.
    let model = Memo::new(move |_| {
        ready
            .get()
            .then(|| {
                assessment.with(|a| {
                    let a = a.as_ref()?;
                    // Ready means the chunk is in, so this completes at once.
                    match super::call_loaded!(report_chunk(Ask::Report(a, pooled))) {
                        Ok(Answer::Report(report)) => Some(*report),
                        _ => None,
                    }
                })
            })
            .flatten()
    });
    let has_model = Memo::new(move |_| model.with(Option::is_some));
    move || {
        if has_model.get() {
            view! { <Report model=model owner=owner.clone() nested=nested titled=titled/> }
                .into_any()
        } else if matches!(ctx.report_code.get(), super::ReportCode::Failed(_)) {
            view! { <CodeMissing what=tr(k::results::THE_REPORT)/> }.into_any()
        } else {
            view! { <p role="status">{tr(k::results::PREPARING)}</p> }.into_any()
        }
    }
}

/// The targets and the roadmap of an assessment, under its report once the report's chunk is in
/// (see [`ReportWhenReady`]): whose targets they are is `mode`'s. Their code is a chunk of its
/// own, fetched when the reader asks to set targets, or at once where targets are set already.
pub fn plan_when_ready(
    assessment: Signal<Option<Assessment>>,
    owner: String,
    mode: super::plan::Mode,
    open: RwSignal<bool>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let ready = Memo::new(move |_| ctx.report_code.get() == super::ReportCode::Ready);
    let set = assessment.with_untracked(|a| a.as_ref().is_some_and(|a| !a.targets.is_empty()));
    if set {
        open.set(true);
    }
    move || {
        if !ready.get() {
            return ().into_any();
        }
        if open.get() {
            let plan = super::plan::Plan {
                assessment,
                owner: owner.clone(),
                mode,
                focus: !set,
            };
            return super::pages::page_from_chunk(
                Box::pin(async move { super::chunks::call_chunk!(plan_chunk(plan)) }),
                Some(tr(k::labels::PLAN_OFFER_PART)),
            );
        }
        view! {
            <section class="report-section no-print" aria-labelledby="plan-title">
                <h2 id="plan-title">{tr(k::labels::PLAN_OFFER_TITLE)}</h2>
                <p>{tr(k::labels::PLAN_OFFER_LEAD)}</p>
                <button type="button" class="primary" on:click=move |_| open.set(true)>{tr(k::labels::PLAN_OFFER_BUTTON)}</button>
            </section>
        }
        .into_any()
    }
}

/// Targets tried where nothing is saved by itself (a link's report, a team's median): the report
/// and the roadmap follow them, what came stays as it was, and a saved copy keeps them.
#[derive(Clone, Copy)]
pub struct Tried {
    pub targets: RwSignal<crate::model::map::Map<String, u8>>,
    pub assessment: Signal<Option<Assessment>>,
    /// Whether they differ from the targets that came.
    pub changed: Memo<bool>,
}

impl Tried {
    pub fn new(a: Assessment) -> Tried {
        let sent = a.targets.clone();
        let targets = RwSignal::new(sent.clone());
        let assessment = Signal::derive(move || {
            let mut x = a.clone();
            x.targets = targets.get();
            Some(x)
        });
        let changed = Memo::new(move |_| targets.with(|t| *t != sent));
        Tried {
            targets,
            assessment,
            changed,
        }
    }

    /// Saves a copy with the targets tried, and opens it.
    pub fn save_copy(self, ctx: Ctx) {
        if let Some(mut copy) = self.assessment.get_untracked() {
            copy.stamp_unstamped();
            super::home::save_copy(ctx, &copy);
        }
    }

    /// Targets and roadmap with these targets: see [`plan_when_ready`].
    pub fn plan(self, owner: &str, open: RwSignal<bool>) -> impl IntoView {
        plan_when_ready(
            self.assessment,
            owner.to_string(),
            super::plan::Mode::Tried(self.targets),
            open,
        )
    }
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(plan, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn plan_chunk(plan: super::plan::Plan) -> Result<AnyView, Unloaded> {
    Ok(super::plan::plan_view(plan))
}

/// Prints the one page leadership takes to a meeting: the report's head and summary, the chart of
/// today and the targets, and the first phase's steps with who acts (the stylesheet's `one-page`
/// rules). The roadmap's code is fetched first where it is not in; the page is as before once the
/// print is done.
pub fn print_one_page(plan_open: RwSignal<bool>) {
    plan_open.set(true);
    leptos::task::spawn_local(async {
        // The roadmap's chart is in once its chunk has arrived and the section is laid out.
        for _ in 0..200 {
            if document().get_element_by_id("plan-chart").is_some() {
                break;
            }
            browser::sleep(25).await;
        }
        let root = document().document_element();
        if let Some(root) = &root {
            let _ = root.class_list().add_1("one-page");
        }
        let undo = wasm_bindgen::closure::Closure::once_into_js(move || {
            if let Some(root) = root {
                let _ = root.class_list().remove_1("one-page");
            }
        });
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"once".into(), &true.into());
        let _ = browser::js_call(
            &window().into(),
            "addEventListener",
            &["afterprint".into(), undo, opts.into()],
        );
        super::chart::print_page();
    });
}

#[component]
pub fn Results() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    request_animation_frame(browser::show_page);
    let Some(id) = ctx.current_id() else {
        return ().into_any();
    };
    let assessment = Signal::derive(move || ctx.current.get());
    let plan_open = RwSignal::new(false);
    view! {
        <div class="walk">
            <AssessmentBar/>
            <div class="page report-page">
                <div class="no-print report-actions">
                    <button type="button" on:click=|_| super::chart::print_page()>{tr(k::results::PRINT)}</button>
                    <button type="button" on:click=move |_| print_one_page(plan_open)>{tr(k::results::PRINT_ONE)}</button>
                    <button type="button" on:click=move |_| {
                        if let Some(a) = ctx.current.get_untracked() {
                            download_scores("bita-scores.csv", vec![a]);
                        }
                    }>{tr(k::results::EXPORT_SCORES)}</button>
                    <ShareLink assessment=assessment/>
                </div>
                <ReportWhenReady assessment=assessment owner=id.clone()/>
                {plan_when_ready(assessment, id, super::plan::Mode::Saved, plan_open)}
            </div>
        </div>
    }
    .into_any()
}

// The report's domain code (its model, its sections and the scores export) is a chunk of its own
// in the release build, fetched with the advice texts (`Ctx::load_report`), not part of the first
// view. One function is its one way in: each split function keeps its own note of whether its
// chunk is in, and `call_loaded!` needs that note set by the preload.

/// What the report's chunk is asked for.
enum Ask<'a> {
    /// An assessment's report: its model (a team's median over both sides when `pooled`) and its
    /// sections as blocks.
    Report(&'a Assessment, bool),
    /// The scores of some assessments as CSV, for spreadsheets.
    ScoresCsv(&'a [&'a Assessment]),
}

enum Answer {
    Report(Box<(ReportModel, Vec<Block>)>),
    Csv(String),
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        report,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(fetch_report_chunk)
    )
)]
fn report_chunk(ask: Ask<'_>) -> Result<Answer, Unloaded> {
    Ok(match ask {
        Ask::Report(a, pooled) => {
            let m = ReportModel::from(builtin(), a);
            let m = if pooled { m.pooled() } else { m };
            let sections = m.sections();
            Answer::Report(Box::new((m, sections)))
        }
        Ask::ScoresCsv(list) => {
            Answer::Csv(crate::model::exchange::export_scores_csv(builtin(), list))
        }
    })
}

/// Downloads the scores of some assessments as CSV: computed by the report's code, fetched first
/// where it is not in yet (the start page's export).
pub fn download_scores(file: &'static str, list: Vec<Assessment>) {
    leptos::task::spawn_local(async move {
        if report_code().await.is_err() {
            let _ = window().alert_with_message(tr(k::results::SCORES_MISSING));
            return;
        }
        let refs: Vec<&Assessment> = list.iter().collect();
        if let Ok(Answer::Csv(text)) = super::call_loaded!(report_chunk(Ask::ScoresCsv(&refs))) {
            browser::download(file, "text/csv", &text);
        }
    });
}

/// Fetches the report's chunk (done at once where there is none).
pub async fn report_code() -> Result<(), Unloaded> {
    #[cfg(feature = "split")]
    return fetch_report_chunk().await.map_err(Unloaded::from);
    #[cfg(not(feature = "split"))]
    Ok(())
}
