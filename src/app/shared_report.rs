//! A report opened from a link: read-only, nothing written to this browser's storage unless the
//! reader saves a copy or answers from the other side. It says whose view it is, and offers the
//! reader the other side's view as its main action. A bad link gets a clear message over the
//! normal start page.

use super::home::Home;
use super::offline::ReloadButton;
use super::results::{ReportWhenReady, Tried};
use super::{browser, go, local_store, Ctx};
use crate::model::builtin;
use crate::model::share::decode;
use crate::route::Route;
use leptos::prelude::*;

#[component]
pub fn SharedPage(payload: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    request_animation_frame(browser::show_page);
    let shared = match decode(builtin(), &payload) {
        Ok(s) => s,
        Err(e) => {
            let newer = e.newer();
            return view! {
                <div class="notice error" role="alert">
                    <p>{e.to_string()} " Nothing saved in this browser was changed."</p>
                    {newer.then(|| view! { <ReloadButton label="Reload to update"/> })}
                </div>
                <Home/>
            }
            .into_any();
        }
    };
    let mut notes = Vec::new();
    if shared.name_shortened {
        notes.push("The name was shortened to fit the link.".to_string());
    }
    if shared.notes_shortened {
        notes.push(
            "Some evidence notes were too long for the link and were shortened or left out."
                .to_string(),
        );
    }
    if shared.version < builtin().version() {
        notes.push(format!(
            "This link was made with version {} of the questions; its answers to questions no longer asked are shown as kept, not counted.",
            shared.version
        ));
    }
    let a = shared.assessment;
    let side = a.perspective;
    let name = a.name.trim().to_string();
    let title = if name.is_empty() {
        "A shared assessment".to_string()
    } else {
        name.clone()
    };
    // Targets the reader tries: the report and the roadmap follow them, the link does not change,
    // and nothing is saved until the reader saves a copy (which takes them).
    let tried = Tried::new(a.clone());
    let compared = a.clone();
    let compare = move |_| {
        ctx.picks.add(ctx, vec![compared.clone()], Vec::new());
        go(&Route::Compare);
    };
    let save = move |_| tried.save_copy(ctx);
    // The other side answers under the same name; the comparison with this link follows.
    // Once: a second visit to the link goes on with the assessment already started from it.
    let answer = move |_| {
        if let Some(id) = local_store::counterpart_of(ctx, &payload) {
            go(&Route::Resume { id });
            return;
        }
        let id = browser::new_id();
        local_store::remember_counterpart(&id, &payload);
        super::home::start_assessment(ctx, id, &name, "", side.other());
    };
    let other_view = match side.other() {
        crate::model::Perspective::It => "Give IT's view",
        crate::model::Perspective::Business => "Give the business's view",
    };
    let whose = format!(
        "{} · answers as of {} · opened from a link",
        side.view_name(),
        crate::model::dates::utc_day(a.updated)
    );
    view! {
        <div class="page report-page">
            <header class="shared-head">
                <h1 id="report-title">{title}</h1>
                <p class="report-meta">{whose}</p>
                <p class="actions no-print">
                    <button type="button" class="primary" on:click=answer>{other_view}</button>
                    <button type="button" on:click=save>"Save a copy"</button>
                    <button type="button" on:click=compare>"Add to a comparison"</button>
                </p>
                <p class="meta no-print">
                    {format!("“{other_view}” starts an assessment from the other side under the same name; once it is answered, bita compares the two.")}
                </p>
            </header>
            {notes.into_iter().map(|n| view! { <p class="meta">{n}</p> }).collect_view()}
            <ReportWhenReady assessment=tried.assessment owner="shared" titled=true/>
            // Always in the page, so that its words are announced when they come.
            <p class="no-print" role="status">
                {move || tried.changed.get().then_some("These targets are tried here only: the link is unchanged, and nothing is saved unless you save a copy, which keeps them.")}
            </p>
            {tried.plan("shared", RwSignal::new(false))}
            <p class="notice shared-banner no-print" role="note">
                "This report comes from a link: the link itself holds the answers. Nothing from it is saved in this browser unless you save a copy or give the other side's view."
            </p>
        </div>
    }
    .into_any()
}
