//! A report opened from a link: read-only, nothing written to this browser's storage unless the
//! reader saves a copy or answers from the other side. It says whose view it is, and offers the
//! reader the other side's view as its main action. A bad link gets a clear message over the
//! normal start page.

use super::home::Home;
use super::offline::ReloadButton;
use super::results::{ReportWhenReady, Tried};
use super::words::{tr, trf};
use super::{browser, go, local_store, Ctx};
use crate::model::builtin;
use crate::model::keys as k;
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
                    <p>{trf(k::shared::UNCHANGED, &[("error", &e.to_string())])}</p>
                    {newer.then(|| view! { <ReloadButton label=tr(k::offline::RELOAD_UPDATE)/> })}
                </div>
                <Home/>
            }
            .into_any();
        }
    };
    let mut notes = Vec::new();
    if shared.name_shortened {
        notes.push(tr(k::shared::NAME_SHORTENED).to_string());
    }
    if shared.notes_shortened {
        notes.push(tr(k::shared::NOTES_SHORTENED).to_string());
    }
    if shared.version < builtin().version() {
        notes.push(trf(
            k::shared::OLDER_VERSION,
            &[("version", &shared.version.to_string())],
        ));
    }
    let a = shared.assessment;
    let side = a.perspective;
    let name = a.name.trim().to_string();
    let title = if name.is_empty() {
        tr(k::shared::UNTITLED).to_string()
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
    let other_view = tr(match side.other() {
        crate::model::Perspective::It => k::shared::GIVE_IT,
        crate::model::Perspective::Business => k::shared::GIVE_BUSINESS,
    });
    let whose = trf(
        k::shared::WHOSE,
        &[
            ("view", side.view_name()),
            ("date", &crate::model::dates::shown_day(a.updated)),
        ],
    );
    view! {
        <div class="page report-page">
            <header class="shared-head">
                <h1 id="report-title">{title}</h1>
                <p class="report-meta">{whose}</p>
                <p class="actions no-print">
                    <button type="button" class="primary" on:click=answer>{other_view}</button>
                    <button type="button" on:click=save>{tr(k::shared::SAVE_COPY)}</button>
                    <button type="button" on:click=compare>{tr(k::shared::ADD_TO_COMPARISON)}</button>
                </p>
                <p class="meta no-print">
                    {trf(k::shared::OTHER_SIDE, &[("action", other_view)])}
                </p>
            </header>
            {notes.into_iter().map(|n| view! { <p class="meta">{n}</p> }).collect_view()}
            <ReportWhenReady assessment=tried.assessment owner="shared" titled=true/>
            // Always in the page, so that its words are announced when they come.
            <p class="no-print" role="status">
                {move || tried.changed.get().then_some(tr(k::shared::TRIED))}
            </p>
            {tried.plan("shared", RwSignal::new(false))}
            <p class="notice shared-banner no-print" role="note">
                {tr(k::shared::BANNER)}
            </p>
        </div>
    }
    .into_any()
}
