//! The service worker (`sw.js`, written by scripts/site.mjs): registered once the page is up,
//! so it never competes with the first view; it precaches the build so bita works offline. When a
//! new deployment is installed the page says so, and switches only when asked and only while
//! every change is saved.

use super::browser::{js_call, js_get, navigator, settle};
use super::words::{tr, trf};
use super::Ctx;
use crate::model::keys as k;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

thread_local! {
    static REGISTRATION: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

fn on(target: &JsValue, event: &str, f: impl FnMut() + 'static) {
    let cb = Closure::<dyn FnMut()>::new(f);
    let _ = js_call(
        target,
        "addEventListener",
        &[event.into(), cb.as_ref().clone()],
    );
    // Listeners for the page's lifetime.
    cb.forget();
}

fn container() -> Option<JsValue> {
    navigator("serviceWorker")
}

/// Registers the service worker, after the current task, and watches for new versions.
pub fn register(ctx: Ctx) {
    let Some(sw) = container() else { return };
    let later = Closure::once_into_js(move || {
        let Some(promise) = js_call(&sw, "register", &["sw.js".into()]) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let Some(reg) = settle(promise).await else {
                return;
            };
            let controlled = move || container().and_then(|c| js_get(&c, "controller")).is_some();
            if js_get(&reg, "waiting").is_some() && controlled() {
                ctx.update_ready.try_set(true);
            }
            let r = reg.clone();
            on(&reg, "updatefound", move || {
                let Some(worker) = js_get(&r, "installing") else {
                    return;
                };
                let w = worker.clone();
                on(&worker, "statechange", move || {
                    let installed = js_get(&w, "state").and_then(|s| s.as_string()).as_deref()
                        == Some("installed");
                    if installed && controlled() {
                        ctx.update_ready.try_set(true);
                    }
                });
            });
            REGISTRATION.with_borrow_mut(|slot| *slot = Some(reg));
        });
    });
    let _ = window().set_timeout_with_callback(later.unchecked_ref());
}

/// Reloads once every change is saved (a commit may still be waiting for another tab's lock):
/// a new version, or another language.
pub fn reload_when_saved(ctx: Ctx) {
    if ctx.store.try_with_untracked(|s| s.unsaved()) == Some(true) {
        let again = Closure::once_into_js(move || reload_when_saved(ctx));
        let _ = window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(again.unchecked_ref(), 200);
        return;
    }
    let _ = window().location().reload();
}

/// Switches to the waiting new version, unless some changes are not saved yet.
pub fn switch(ctx: Ctx) {
    if ctx.store.with_untracked(|s| s.unsaved()) || super::local_store::CATALOGUE_UNSAVED.get() {
        ctx.update_blocked.set(true);
        return;
    }
    let waiting = REGISTRATION.with_borrow(|r| r.as_ref().and_then(|r| js_get(r, "waiting")));
    let Some(sw) = container() else { return };
    let Some(waiting) = waiting else {
        // Another tab has switched already: this page only needs to load the new version.
        let _ = window().location().reload();
        return;
    };
    on(&sw, "controllerchange", move || reload_when_saved(ctx));
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
    let _ = js_call(&waiting, "postMessage", &[message.into()]);
}

/// Loads the newest version of bita this site has: the one installed and waiting, where there is
/// one, else the page again (once every change is saved).
pub fn update(ctx: Ctx) {
    let waiting = REGISTRATION.with_borrow(|r| r.as_ref().and_then(|r| js_get(r, "waiting")));
    if waiting.is_some() {
        switch(ctx);
    } else {
        reload_when_saved(ctx);
    }
}

/// The offer to reload, where something needs a newer bita or this one's code is gone.
#[component]
pub fn ReloadButton(#[prop(into)] label: &'static str) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! { <button type="button" class="primary" on:click=move |_| update(ctx)>{label}</button> }
}

/// What a page says when code it needs could not be fetched: that bita was updated on the site
/// since this page was opened (its chunks are gone), or that the connection is down; with the
/// offer to reload either way.
#[component]
pub fn CodeMissing(
    /// What could not be loaded: "This page", "The report", ...
    what: &'static str,
) -> impl IntoView {
    let replaced = RwSignal::new(None::<bool>);
    leptos::task::spawn_local(async move {
        let r = super::browser::deployment_replaced().await;
        replaced.try_set(Some(r.unwrap_or(false)));
    });
    move || {
        replaced.get().map(|r| {
            view! {
                <div class="notice error" role="alert">
                    <p>{trf(if r { k::offline::REPLACED } else { k::offline::OFFLINE }, &[("what", what)])}</p>
                    <ReloadButton label=tr(if r { k::offline::RELOAD_UPDATE } else { k::offline::RELOAD })/>
                </div>
            }
        })
    }
}
