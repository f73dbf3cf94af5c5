//! The browser edge of storage: local storage reached through gloo-storage behind a probe, the
//! commit loop (under `navigator.locks` where the browser has it), and `navigator.storage.persist()`.
//! What is stored, how it is read and how copies merge live in `model::storage` and `model::store`.
//!
//! gloo-storage assumes a working store: `LocalStorage::raw()` and its helpers panic when local
//! storage is missing or disabled, and its error conversion panics on a thrown value that is not an
//! `Error`. So [`local`] probes first, and reads and writes go through the probed handle with every
//! failure caught and turned into words for the page.

use super::browser::{js_call, navigator, settle};
use super::Ctx;
use crate::model::storage::{self, Loaded};
use crate::model::store::{Io, Store, Unavailable};
use gloo_storage::{LocalStorage, Storage as _};
use leptos::prelude::*;
use std::cell::Cell;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// Local storage, probed: present, allowed, and answering.
pub struct Local(web_sys::Storage);

/// Local storage if this page may use it. A store that refuses writes (full, or a private mode
/// that throws on every write) is still returned: reads work, and each failed write says so.
pub fn local() -> Option<Local> {
    let probed = web_sys::window()?.local_storage().ok()??;
    probed.length().ok()?;
    // Safe now: the probe showed gloo's handle will not panic.
    Some(Local(LocalStorage::raw()))
}

impl Local {
    /// Every bita entry, sorted into readable and unreadable, and the id to resume at.
    pub fn load(&self) -> (Loaded, Option<String>) {
        let s = &self.0;
        let len = s.length().unwrap_or(0);
        let entries = (0..len)
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| storage::is_ours(k))
            .filter_map(|k| s.get_item(&k).ok().flatten().map(|v| (k, v)))
            .collect::<Vec<_>>();
        let last = s.get_item(storage::LAST_KEY).ok().flatten();
        (storage::read_all(entries), last)
    }
}

impl Io for Local {
    fn read(&mut self, key: &str) -> Result<Option<String>, Unavailable> {
        self.0.get_item(key).map_err(|_| Unavailable)
    }

    fn write(&mut self, key: &str, value: &str) -> Result<(), String> {
        self.0.set_item(key, value).map_err(|e| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.name()))
                .unwrap_or_else(|| "the browser refused the write".into())
        })
    }

    fn remove(&mut self, key: &str) {
        let _ = self.0.remove_item(key);
    }

    fn keys(&mut self, prefix: &str) -> Vec<String> {
        let len = self.0.length().unwrap_or(0);
        (0..len)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .filter(|k| k.starts_with(prefix))
            .collect()
    }
}

thread_local! {
    /// Whether the catalogue check holds changes storage has not taken (its code is a chunk of
    /// its own: this is all the first view needs to know of it).
    pub static CATALOGUE_UNSAVED: Cell<bool> = const { Cell::new(false) };
}

/// The service catalogues an all-data export carries, as stored.
pub fn stored_catalogues() -> Vec<String> {
    let Some(mut io) = local() else {
        return Vec::new();
    };
    let keys = io.keys(crate::model::catalogue_record::PREFIX);
    let raws = keys
        .iter()
        .filter_map(|k| io.read(k).ok().flatten())
        .collect();
    crate::model::exchange::stored_catalogues(raws)
}

/// Saves at once what is not saved yet, for a page being hidden, closed or reloaded: its commit,
/// waiting for the lock in a later task, may never run. Synchronous, so it is done before the
/// page goes (see `Store::stash`).
pub fn stash_now(ctx: Ctx) {
    if let Some(mut io) = local() {
        ctx.store_w.try_update_untracked(|s| s.stash(&mut io));
    }
}

thread_local! {
    static ASKED_TO_PERSIST: Cell<bool> = const { Cell::new(false) };
}

/// Whether a commit is under way for a store, and whether another one was asked for meanwhile.
#[derive(Debug, Clone, Copy, Default)]
pub struct Committing {
    busy: bool,
    again: bool,
}

/// Saves what the store holds unsaved, now or as soon as the commit under way ends. Commits never
/// overlap within a tab; across tabs they take the `bita-storage` lock where the browser has
/// Web Locks, and converge through the store's merge where it has not.
pub fn commit_soon(ctx: Ctx) {
    let start = ctx
        .committing
        .try_update_value(|c| {
            if c.busy {
                c.again = true;
                false
            } else {
                c.busy = true;
                true
            }
        })
        .unwrap_or(false);
    if !start {
        return;
    }
    // Not tied to any reactive owner: a commit under way always finishes.
    wasm_bindgen_futures::spawn_local(async move {
        loop {
            ctx.committing.try_update_value(|c| c.again = false);
            with_lock(commit_once(ctx)).await;
            let again = ctx
                .committing
                .try_update_value(|c| {
                    c.busy = c.again;
                    c.again
                })
                .unwrap_or(false);
            if !again {
                break;
            }
        }
        let saved = ctx
            .store
            .try_with_untracked(|s| !s.unsaved() && s.problem().is_none());
        if saved == Some(true) {
            ctx.update_blocked.try_set(false);
            ask_to_persist(ctx);
        }
    });
}

/// `try_update`: the app may have been unmounted (in tests) while a commit waited.
async fn commit_once(ctx: Ctx) {
    match local() {
        Some(mut io) => {
            // `Store::commit`, split so the test hook can hold a tab between read and write.
            if ctx.store_w.try_update(|s| s.pull(&mut io)) != Some(true) {
                return;
            }
            hold_for_tests().await;
            ctx.store_w.try_update(|s| s.push(&mut io));
        }
        None => {
            ctx.store_w.try_update(Store::storage_unavailable);
        }
    }
}

/// Runs `body` while holding the `bita-storage` Web Lock, or directly where there is none.
async fn with_lock(body: impl std::future::Future<Output = ()> + 'static) {
    let body = std::rc::Rc::new(std::cell::RefCell::new(Some(body)));
    let inside = body.clone();
    let callback = Closure::once_into_js(move |_lock: JsValue| -> js_sys::Promise {
        let body = inside.borrow_mut().take();
        wasm_bindgen_futures::future_to_promise(async move {
            if let Some(body) = body {
                body.await;
            }
            Ok(JsValue::UNDEFINED)
        })
    });
    let held = navigator("locks")
        .and_then(|locks| js_call(&locks, "request", &["bita-storage".into(), callback]));
    if let Some(promise) = held {
        settle(promise).await;
    }
    // No Web Locks, or the lock was refused (a sandboxed page, for instance): save without it
    // rather than never.
    let left = body.borrow_mut().take();
    if let Some(body) = left {
        body.await;
    }
}

/// A hook for the end-to-end tests: when the page defines `window.__bitaBeforeWrite` (a function
/// returning a promise), a commit waits for it between reading storage and writing, so a test can
/// hold one tab there on purpose instead of racing. Pages that do not define it never wait.
async fn hold_for_tests() {
    if let Some(promise) = js_call(&window().into(), "__bitaBeforeWrite", &[]) {
        settle(promise).await;
    }
}

/// Asks the browser once per page to keep bita's data when space runs low, after the first
/// successful save; records a refusal so the page can say so.
fn ask_to_persist(ctx: Ctx) {
    if ASKED_TO_PERSIST.replace(true) {
        return;
    }
    let Some(promise) = navigator("storage").and_then(|m| js_call(&m, "persist", &[])) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let granted = settle(promise)
            .await
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        ctx.persist_refused.try_set(!granted);
    });
}

/// Remembers the language chosen, for the loader to start in it; false where storage refuses.
pub fn remember_language(code: &str) -> bool {
    local().is_some_and(|mut io| io.write(storage::LANGUAGE_KEY, code).is_ok())
}

/// Key prefix of the link an assessment answers from the other side (see `shared`): kept beside
/// the record, not in it, so the saved schema does not change.
const COUNTERPART: &str = "bita.counterpart.";

fn counterpart_key(id: &str) -> String {
    format!("{COUNTERPART}{id}")
}

/// Remembers that assessment `id` gives the other side's view of the report a link holds.
pub fn remember_counterpart(id: &str, payload: &str) {
    if let Some(mut io) = local() {
        let _ = io.write(&counterpart_key(id), payload);
    }
}

/// The link whose other side assessment `id` gives, if it does.
pub fn counterpart(id: &str) -> Option<String> {
    local()?.read(&counterpart_key(id)).ok()?
}

/// The assessment already giving the other side's view of this link, if one is still here;
/// links whose assessment is gone are forgotten on the way.
pub fn counterpart_of(ctx: Ctx, payload: &str) -> Option<String> {
    let mut io = local()?;
    let mut found = None;
    for key in io.keys(COUNTERPART) {
        let id = key[COUNTERPART.len()..].to_string();
        if ctx.store.with_untracked(|s| s.record(&id).is_none()) {
            io.remove(&key);
        } else if io.read(&key).ok().flatten().as_deref() == Some(payload)
            && ctx.store.with_untracked(|s| s.get(&id).is_some())
        {
            found = Some(id);
        }
    }
    found
}

/// Forgets the link of [`remember_counterpart`], once the comparison with it has opened.
pub fn forget_counterpart(id: &str) {
    if let Some(mut io) = local() {
        io.remove(&counterpart_key(id));
    }
}
