//! Apache ECharts, served from our own dist/ (never a CDN): fetched and started when the page
//! needs it, never as part of the first view (see `chart`).

use super::browser::{js_get, when_idle};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

const SCRIPT_ID: &str = "echarts-script";
const PREFETCH_ID: &str = "echarts-prefetch";
// Relative, so it works under any sub-path.
const SCRIPT_SRC: &str = "vendor/echarts.min.js";

/// Fetches and starts ECharts when the browser is idle, once a question is answered, so the report
/// rarely waits for it; never part of the first view, nor of a question page just opened. Where
/// there is no `requestIdleCallback`, the first chart to draw loads it.
pub fn prefetch_when_idle() {
    if echarts().is_none() && document().get_element_by_id(SCRIPT_ID).is_none() {
        when_idle(|| {
            leptos::task::spawn_local(async {
                let _ = ensure_echarts().await;
            })
        });
    }
}

/// Downloads ECharts when the browser is idle without starting it, for a page with charts: starting
/// it blocks the page for a moment (about 70 ms on a mid-range phone), which is spent only once a
/// chart comes near the screen. The browser keeps a prefetched file for the script that asks for it
/// then.
pub(super) fn download_when_idle() {
    // Asked already (by another chart of the page, say)?
    let asked = || {
        let doc = document();
        echarts().is_some()
            || doc.get_element_by_id(SCRIPT_ID).is_some()
            || doc.get_element_by_id(PREFETCH_ID).is_some()
    };
    if asked() {
        return;
    }
    when_idle(move || {
        if asked() {
            return;
        }
        let doc = document();
        let Ok(link) = doc.create_element("link") else {
            return;
        };
        link.set_id(PREFETCH_ID);
        for (k, v) in [("rel", "prefetch"), ("as", "script"), ("href", SCRIPT_SRC)] {
            let _ = link.set_attribute(k, v);
        }
        // Marked once done (either way), so a script asked for meanwhile waits for it rather than
        // download the file a second time.
        for event in ["load", "error"] {
            let marked = link.clone();
            let done = Closure::once_into_js(move || {
                let _ = marked.set_attribute("data-done", "");
            });
            let _ = link.add_event_listener_with_callback(event, done.unchecked_ref());
        }
        if let Some(head) = doc.head() {
            let _ = head.append_child(&link);
        }
    });
}

/// ECharts, once loaded.
pub(super) fn echarts() -> Option<JsValue> {
    js_get(&window().into(), "echarts")
}

/// Loads ECharts once; later calls resolve at once.
pub(super) async fn ensure_echarts() -> Result<(), String> {
    if echarts().is_some() {
        return Ok(());
    }
    let doc = document();
    if let Some(link) = doc
        .get_element_by_id(PREFETCH_ID)
        .filter(|l| !l.has_attribute("data-done"))
    {
        let done = js_sys::Promise::new(&mut |resolve, _| {
            for event in ["load", "error"] {
                let _ = link.add_event_listener_with_callback(event, &resolve);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(done).await;
        // Another chart may have started it meanwhile.
        if echarts().is_some() {
            return Ok(());
        }
    }
    let script: web_sys::HtmlScriptElement = match doc.get_element_by_id(SCRIPT_ID) {
        Some(el) => el.unchecked_into(),
        None => {
            let el: web_sys::HtmlScriptElement = doc
                .create_element("script")
                .map_err(|_| "cannot create a script element")?
                .unchecked_into();
            el.set_id(SCRIPT_ID);
            el.set_src(SCRIPT_SRC);
            doc.head()
                .ok_or("no document head")?
                .append_child(&el)
                .map_err(|_| "cannot add the script")?;
            el
        }
    };
    // Listeners, not `onload`: several charts may wait on the same script.
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        let _ = script.add_event_listener_with_callback("load", &resolve);
        let _ = script.add_event_listener_with_callback("error", &reject);
    });
    let result = wasm_bindgen_futures::JsFuture::from(loaded).await;
    if result.is_err() {
        // A failed script never fires again: remove it so the next chart tries afresh.
        script.remove();
    }
    result
        .map(|_| ())
        .map_err(|_| super::words::tr(crate::model::keys::charts::NOT_LOADED).to_string())
}
