//! Messages about storage above every page: changes not saved, entries that cannot be read, and
//! the assessment just deleted (with Undo).

use super::offline::ReloadButton;
use super::{browser, home, Ctx};
use crate::model::storage::Unreadable;
use crate::model::store::Op;
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let problem = Memo::new(move |_| ctx.store.with(|s| s.problem().cloned()));
    let unreadable = Memo::new(move |_| ctx.store.with(|s| s.unreadable().to_vec()));
    let undoable = Memo::new(move |_| {
        ctx.store
            .with(|s| s.undoable().map(|a| a.display_name().to_string()))
    });
    let export_current = move |_| {
        if let Some(a) = ctx.current.get_untracked() {
            home::export(&a);
        }
    };
    view! {
        <div class="notices" aria-live="polite">
            {move || problem.get().map(|p| view! {
                <div class="notice warn" role="alert">
                    <p>{p.message()}</p>
                    <Show when=move || ctx.current.with(Option::is_some)>
                        <button type="button" on:click=export_current>"Export this assessment"</button>
                    </Show>
                </div>
            })}
            {move || ctx.update_ready.get().then(|| view! {
                <div class="notice">
                    <p>
                        "A new version of bita is ready."
                        {move || ctx.update_blocked.get().then_some(
                            " Some changes are not saved yet (see above), so bita stays on this version until they are."
                        )}
                    </p>
                    <button type="button" on:click=move |_| super::offline::switch(ctx)>"Switch to the new version"</button>
                </div>
            })}
            {move || unreadable.get().into_iter().map(|u| view! { <UnreadableNotice u=u/> }).collect_view()}
            {move || undoable.get().map(|name| view! {
                <div class="notice">
                    <p>"Deleted “" {name} "”."</p>
                    <button type="button" on:click=move |_| ctx.dispatch(Op::Undo)>"Undo"</button>
                    <button type="button" class="quiet" on:click=move |_| ctx.dispatch(Op::DismissUndo)>"Dismiss"</button>
                </div>
            })}
        </div>
    }
}

#[component]
fn UnreadableNotice(u: Unreadable) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let key = u.key.clone();
    let raw = u.raw.clone();
    let file = format!("{}-unreadable.json", u.key.replace('.', "-"));
    let which = match u.name() {
        Some(name) => format!("The saved assessment “{name}” could not be opened: "),
        None => "A saved assessment could not be opened: ".to_string(),
    };
    let newer = u.error.newer();
    view! {
        <div class="notice error" role="alert">
            <p>
                {which} {u.error.to_string()} ". "
                "bita has left it untouched; everything else works as usual."
                {newer.then_some(" Reloading the page may bring that version.")}
            </p>
            {newer.then(|| view! {
                <ReloadButton label="Reload to update"/>
            })}
            <button type="button" on:click=move |_| browser::download(&file, "application/json", &raw)>
                "Download its raw data"
            </button>
            <button type="button" class="quiet" on:click=move |_| {
                let sure = window()
                    .confirm_with_message("Delete the unreadable data for good? Download it first if you may need it.")
                    .unwrap_or(false);
                if sure {
                    ctx.dispatch(Op::DiscardUnreadable { key: key.clone() });
                }
            }>"Delete it"</button>
        </div>
    }
}

/// The page of an assessment that was deleted (here or in another tab), with a way back.
pub fn deleted_page(ctx: Ctx, id: String) -> AnyView {
    // It may replace the page being worked in (deleted in another tab): focus goes to it, as to
    // every new page, not to nowhere.
    request_animation_frame(super::browser::show_page);
    let name = ctx
        .store
        .with_untracked(|s| s.record(&id).map(|a| a.display_name().to_string()))
        .unwrap_or_default();
    view! {
        <section class="page">
            <h1>"This assessment was deleted"</h1>
            <p>"“" {name} "” was deleted, perhaps in another tab. Its answers are kept for a week, so you can still restore it."</p>
            <p>
                <button type="button" class="primary" on:click=move |_| {
                    ctx.dispatch(Op::Restore { id: id.clone() });
                    // Rebuild the page for the restored assessment, the address with it (a route
                    // the address does not name would never be redirected from).
                    ctx.replace_route(crate::route::Route::Resume { id: id.clone() });
                }>"Restore it"</button>
                " "
                <a href="#/">"Go to the start page"</a>
            </p>
        </section>
    }
    .into_any()
}
