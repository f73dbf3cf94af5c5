//! A report opened from a link: read-only, nothing written to this browser's storage unless the
//! reader saves a copy. A bad link gets a clear message over the normal start page.

use super::home::Home;
use super::offline::ReloadButton;
use super::results::ReportWhenReady;
use super::{browser, go, Ctx};
use crate::model::builtin;
use crate::model::share::decode;
use crate::model::store::Op;
use crate::route::Route;
use leptos::prelude::*;

#[component]
pub fn SharedPage(payload: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    request_animation_frame(browser::focus_main);
    let shared = match decode(builtin(), &payload) {
        Ok(s) => s,
        Err(e) => {
            let newer = e.newer();
            return view! {
                <div class="notice error" role="alert">
                    <p>{e.to_string()} " Nothing saved in this browser was changed."</p>
                    {newer.then(|| view! {
                        <ReloadButton label="Reload to update"/>
                    })}
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
    let keep = a.clone();
    let compared = a.clone();
    let compare = move |_| {
        ctx.picks.add(ctx, vec![compared.clone()], Vec::new());
        go(&Route::Compare);
    };
    let save = move |_| {
        let mut copy = keep.clone();
        copy.id = browser::new_id();
        let id = copy.id.clone();
        ctx.dispatch(Op::Import(vec![copy]));
        go(&Route::Results { id });
    };
    let assessment = Signal::derive(move || Some(a.clone()));
    view! {
        <div class="page report-page">
            <div class="notice shared-banner no-print" role="note">
                <p>"This report comes from a link: the link itself holds the answers. Nothing from it is saved in this browser unless you save a copy."</p>
                <button type="button" class="primary" on:click=save>"Save a copy"</button>
                <button type="button" on:click=compare>"Add to a comparison"</button>
            </div>
            {notes.into_iter().map(|n| view! { <p class="meta">{n}</p> }).collect_view()}
            <ReportWhenReady assessment=assessment owner="shared"/>
        </div>
    }
    .into_any()
}
