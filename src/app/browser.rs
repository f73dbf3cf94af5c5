//! Small browser helpers: the URL fragment, focus, file downloads, ids and the clock.

use crate::model::keys as k;
use crate::model::words::{tr, trf};
use crate::route::Route;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Navigates by changing the fragment, and shows the new page in the same task: waiting for the
/// `hashchange` event would let other queued work (a chunk's fetch, the commit) go first. The
/// event still comes, and `arrived` tells the listener it was handled here.
pub fn go(route: &Route) {
    let before = current_hash();
    let _ = window().location().set_hash(&route.href());
    let now = current_hash();
    if now == before {
        return; // The same address: no event comes, and the page stays.
    }
    GONE_TO.with_borrow_mut(|g| g.push(now));
    entered();
    if let Some(route) = ROUTE.get() {
        route.try_set(Route::parse(&current_hash()));
    }
}

/// The app's route, which [`go`] sets (event handlers have no reactive owner to find it in).
pub fn route_is(route: RwSignal<Route>) {
    ROUTE.set(Some(route));
}

/// Whether a `hashchange` to `new_url` is the one a [`go`] already handled; any other means the
/// reader moved on (back, forward, a link), and what `go` still expected is dropped.
pub fn arrived(new_url: &str) -> bool {
    let hash = new_url.find('#').map_or("", |i| &new_url[i..]);
    GONE_TO.with_borrow_mut(|g| {
        if g.first().is_some_and(|h| h == hash) {
            g.remove(0);
            true
        } else {
            g.clear();
            false
        }
    })
}

thread_local! {
    /// Fragments set by [`go`] whose `hashchange` has not come yet, oldest first.
    static GONE_TO: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
    static ROUTE: std::cell::Cell<Option<RwSignal<Route>>> = const { std::cell::Cell::new(None) };
}

/// Replaces the fragment without a new history entry (for redirects), keeping the entry's number.
pub fn replace(route: &Route) {
    if let Ok(history) = window().history() {
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&route.href()));
    }
}

pub fn focus_main() {
    if let Some(el) = document().get_element_by_id("main") {
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

// Where the reader was on each history entry of this tab, so that back and forward return there
// while every other navigation shows the new page from its top. The browser's own restoration is
// off: it would scroll before the new page is built. Entries are numbered at random in their
// history state (a reload keeps the states but not this memory).
thread_local! {
    static ENTRY: std::cell::Cell<f64> = const { std::cell::Cell::new(-1.0) };
    static SCROLLS: std::cell::RefCell<Vec<(f64, f64)>> = const { std::cell::RefCell::new(Vec::new()) };
    static RESTORE: std::cell::Cell<Option<f64>> = const { std::cell::Cell::new(None) };
    static NAVIGATED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether the page shown is the first since the page loaded (a reload, a bookmark): it may
/// resume where the respondent was rather than at its top.
pub fn first_page() -> bool {
    !NAVIGATED.get()
}

/// Takes over scrolling between pages, at start.
pub fn manage_scrolling() {
    if let Ok(history) = window().history() {
        let _ = js_sys::Reflect::set(&history, &"scrollRestoration".into(), &"manual".into());
    }
    note_entry();
}

/// The address changed (a new entry, or back and forward): see [`note_entry`].
pub fn entered() {
    NAVIGATED.set(true);
    note_entry();
}

/// Remembers where the reader was on the page left, and numbers the entry now shown if it is new;
/// the next page then shows from its top, or from where the reader was on it (back and forward).
fn note_entry() {
    let Ok(history) = window().history() else {
        return;
    };
    let y = window().scroll_y().unwrap_or(0.0);
    let left = ENTRY.get();
    SCROLLS.with_borrow_mut(|s| {
        s.retain(|(e, _)| *e != left);
        s.push((left, y));
    });
    let entry = history.state().ok().and_then(|v| v.as_f64());
    let known = entry
        .and_then(|e| SCROLLS.with_borrow(|s| s.iter().find(|(k, _)| *k == e).map(|(_, y)| *y)));
    RESTORE.set(known);
    let entry = entry.unwrap_or_else(|| {
        let e = (js_sys::Math::random() * 1e9).floor();
        let _ = history.replace_state(&e.into(), "");
        e
    });
    ENTRY.set(entry);
}

/// Whether the page about to be shown returns to where the reader was (back and forward).
pub fn returning() -> bool {
    RESTORE.get().is_some()
}

/// Shows a page that was just built: from its top (or, after back and forward, from where the
/// reader was on it), with focus on its heading for screen readers. The focus ring shows only
/// to keyboard users (see the loader and the stylesheet).
pub fn show_page() {
    let doc = document();
    let heading = doc
        .query_selector("main h1")
        .ok()
        .flatten()
        .or_else(|| doc.get_element_by_id("main"));
    if let Some(h) = heading {
        if !h.has_attribute("tabindex") {
            let _ = h.set_attribute("tabindex", "-1");
        }
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"preventScroll".into(), &true.into());
        let _ = js_call(&h, "focus", &[opts.into()]);
    }
    window().scroll_to_with_x_and_y(0.0, RESTORE.take().unwrap_or(0.0));
}

/// Calls `f` in a later task, so the browser may paint and take input between two long pieces of
/// work (a phone spends tens of milliseconds on each; one task of both would block it for longer).
pub fn after_task(f: impl FnOnce() + 'static) {
    let f = wasm_bindgen::closure::Closure::once_into_js(f);
    // At the priority of what the reader waits for, where the browser has it: a timer may wait
    // for a frame first.
    if let Some(scheduler) = js_get(&window().into(), "scheduler") {
        let opts = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&opts, &"priority".into(), &"user-blocking".into());
        if js_call(&scheduler, "postTask", &[f.clone(), opts.into()]).is_some() {
            return;
        }
    }
    let _ = window().set_timeout_with_callback(f.unchecked_ref());
}

/// Calls `f` when the browser is idle, or after two seconds at the latest (a page kept busy
/// would otherwise put it off indefinitely); false (and `f` dropped) where it has no
/// `requestIdleCallback`.
pub fn when_idle(f: impl FnOnce() + 'static) -> bool {
    let window: wasm_bindgen::JsValue = window().into();
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"timeout".into(), &2000.into());
    js_get(&window, "requestIdleCallback").is_some()
        && js_call(
            &window,
            "requestIdleCallback",
            &[
                wasm_bindgen::closure::Closure::once_into_js(f),
                options.into(),
            ],
        )
        .is_some()
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// Offers text as a file download, without any server.
pub fn download(filename: &str, mime: &str, text: &str) {
    let doc = document();
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = doc.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(filename);
        if let Some(body) = doc.body() {
            let _ = body.append_child(&a);
            a.click();
            let _ = body.remove_child(&a);
        }
    }
    // Later, not at once: some browsers cancel a download whose URL is revoked while it starts.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
}

/// Saves what a URL (a `data:` URL, for instance) holds as a file.
pub fn download_url(filename: &str, url: &str) {
    let doc = document();
    if let Ok(a) = doc.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(url);
        a.set_download(filename);
        if let Some(body) = doc.body() {
            let _ = body.append_child(&a);
            a.click();
            let _ = body.remove_child(&a);
        }
    }
}

/// Fetches a text file from our own origin (a path relative to the page).
pub async fn fetch_text(path: &str) -> Result<String, String> {
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(window().fetch_with_str(path))
        .await
        .map_err(|_| tr(k::files::NO_CONNECTION).to_string())?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(trf(
            k::files::SERVER_ANSWERED,
            &[("status", &response.status().to_string())],
        ));
    }
    let text = JsFuture::from(
        response
            .text()
            .map_err(|_| tr(k::files::UNREADABLE_ANSWER).to_string())?,
    )
    .await
    .map_err(|_| tr(k::files::UNREADABLE_ANSWER).to_string())?;
    text.as_string()
        .ok_or_else(|| tr(k::files::UNREADABLE_ANSWER).to_string())
}

/// Whether the site now serves another build than this page's: its start page no longer names
/// this page's start script. `None` when that cannot be told (no connection, or a build without
/// the loader, as in the tests). A query the service worker does not know makes it ask the site.
pub async fn deployment_replaced() -> Option<bool> {
    let mine = document()
        .query_selector("script[type=module][src]")
        .ok()??
        .get_attribute("src")?;
    let fresh = (now() % 1_000_000_000) as u32;
    let index = fetch_text(&format!("./?fresh={fresh}")).await.ok()?;
    let mine = mine.strip_prefix("./").unwrap_or(&mine).as_bytes();
    if mine.is_empty() {
        return None;
    }
    // A byte search: `str::contains` with a string brings in the standard library's two-way
    // string search (see `chart_options::fill`).
    Some(!index.as_bytes().windows(mine.len()).any(|w| w == mine))
}

/// A property of a JavaScript object, when it is there (neither undefined nor null).
pub fn js_get(target: &wasm_bindgen::JsValue, name: &str) -> Option<wasm_bindgen::JsValue> {
    js_sys::Reflect::get(target, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Calls a method of a JavaScript object: `None` when there is no such method or it throws.
/// Browser features that may be missing (locks, clipboard, service workers, ECharts) are reached
/// through this rather than through web-sys bindings that assume them.
pub fn js_call(
    target: &wasm_bindgen::JsValue,
    method: &str,
    args: &[wasm_bindgen::JsValue],
) -> Option<wasm_bindgen::JsValue> {
    let f: js_sys::Function = js_get(target, method)?.dyn_into().ok()?;
    f.apply(target, &args.iter().collect()).ok()
}

/// A property of `navigator`, where the browser has it.
pub fn navigator(name: &str) -> Option<wasm_bindgen::JsValue> {
    js_get(&js_get(&window().into(), "navigator")?, name)
}

/// Waits for a JavaScript promise: its value, or `None` when it rejects or is no promise.
pub async fn settle(promise: wasm_bindgen::JsValue) -> Option<wasm_bindgen::JsValue> {
    let promise = promise.dyn_into::<js_sys::Promise>().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
}

/// A fresh random id (base 36, 12 characters).
pub fn new_id() -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    (0..12)
        .map(|_| DIGITS[(js_sys::Math::random() * 36.0) as usize % 36] as char)
        .collect()
}

/// Milliseconds since the Unix epoch.
pub fn now() -> u64 {
    js_sys::Date::now().max(0.0) as u64
}

/// A local date and time for people, the day as the language writes it: "2026-11-26 17:04".
pub fn date_time(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let day = format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    );
    let day = crate::model::dates::iso_shown(&day);
    format!("{day} {:02}:{:02}", d.get_hours(), d.get_minutes())
}

/// The text of a file the user picked, refused above `limit` bytes (so a wrong pick cannot stall
/// the page), with a message a person can act on.
pub async fn read_file(file: web_sys::File, limit: usize) -> Result<String, String> {
    if file.size() > limit as f64 {
        return Err(
            crate::model::exchange::ImportError::TooLarge(file.size() as usize).to_string(),
        );
    }
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| tr(k::files::UNREADABLE).to_string())
}

/// The bytes of a file the user picked (for text in an encoding the browser would not guess),
/// refused above `limit` bytes before anything is read.
pub async fn read_bytes(file: web_sys::File, limit: usize) -> Result<Vec<u8>, String> {
    if file.size() > limit as f64 {
        return Err(
            crate::model::catalogue_csv::CsvError::TooLarge(file.size() as usize).to_string(),
        );
    }
    wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map(|b| js_sys::Uint8Array::new(&b).to_vec())
        .map_err(|_| tr(k::files::UNREADABLE).to_string())
}
