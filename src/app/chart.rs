//! Charts, drawn by Apache ECharts from options `model::chart` fills in. ECharts is served from our own `dist/vendor/`
//! and loaded only when a chart is first shown, so nothing before that depends on it.
//!
//! A chart is created once per assessment and updated in place: its element and ECharts instance
//! are kept while the respondent moves between that assessment's pages (so coming back from a
//! question shows the new figures in the same chart), and disposed as soon as they go elsewhere.
//! No option uses a JavaScript function or an HTML tooltip: the coming Content-Security-Policy
//! allows neither.

use super::browser::{js_call, js_get};
use leptos::html::Div;
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::{JsCast, JsValue};

const SCRIPT_ID: &str = "echarts-script";

/// Fetches ECharts when the browser is idle, once the walk has begun, so the report rarely waits for
/// it; never part of the first view. Where there is no `requestIdleCallback` the report loads it.
pub fn prefetch_when_idle() {
    let window: JsValue = window().into();
    if js_get(&window, "requestIdleCallback").is_none() {
        return;
    }
    let load = wasm_bindgen::closure::Closure::once_into_js(|| {
        leptos::task::spawn_local(async {
            let _ = ensure_echarts().await;
        });
    });
    let _ = js_call(&window, "requestIdleCallback", &[load]);
}

/// Loads ECharts once; later calls resolve at once.
async fn ensure_echarts() -> Result<(), String> {
    if js_sys::Reflect::has(&window(), &JsValue::from_str("echarts")).unwrap_or(false) {
        return Ok(());
    }
    let doc = document();
    let script: web_sys::HtmlScriptElement = match doc.get_element_by_id(SCRIPT_ID) {
        Some(el) => el.unchecked_into(),
        None => {
            let el: web_sys::HtmlScriptElement = doc
                .create_element("script")
                .map_err(|_| "cannot create a script element")?
                .unchecked_into();
            el.set_id(SCRIPT_ID);
            // Relative, so it works under any sub-path.
            el.set_src("vendor/echarts.min.js");
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
        .map_err(|_| "the chart library could not be loaded".to_string())
}

/// An ECharts option as JSON (see `model::chart`).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOption(pub String);

/// A chart element and its ECharts instance, kept while their owner's pages are shown.
struct Live {
    owner: String,
    el: web_sys::HtmlElement,
    instance: Option<JsValue>,
}

thread_local! {
    static LIVE: RefCell<HashMap<&'static str, Live>> = RefCell::new(HashMap::new());
}

impl Live {
    /// Frees the ECharts instance and takes the element out of the page.
    fn dispose(&self) {
        if let Some(i) = &self.instance {
            let _ = js_call(i, "dispose", &[]);
        }
        self.el.remove();
    }
}

/// The ECharts instance of a kept chart, once drawn.
fn instance(id: &str) -> Option<JsValue> {
    LIVE.with_borrow(|live| live.get(id).and_then(|l| l.instance.clone()))
}

/// Disposes every kept chart that does not belong to `owner` (the assessment now shown, if any).
pub fn dispose_unless(owner: Option<&str>) {
    LIVE.with_borrow_mut(|live| {
        live.retain(|_, l| {
            let keep = Some(l.owner.as_str()) == owner;
            if !keep {
                l.dispose();
            }
            keep
        })
    });
}

/// The element of a chart, kept from an earlier visit of the same owner or made now.
fn element(id: &'static str, owner: &str, label: &str) -> web_sys::HtmlElement {
    LIVE.with_borrow_mut(|live| {
        if live.get(id).is_some_and(|l| l.owner != owner) {
            if let Some(old) = live.remove(id) {
                old.dispose();
            }
        }
        let l = live.entry(id).or_insert_with(|| {
            let el: web_sys::HtmlElement = document()
                .create_element("div")
                .expect("a div can be made")
                .unchecked_into();
            el.set_id(id);
            el.set_class_name("chart-box");
            let _ = el.set_attribute("role", "img");
            Live {
                owner: owner.to_string(),
                el,
                instance: None,
            }
        });
        let _ = l.el.set_attribute("aria-label", label);
        l.el.clone()
    })
}

async fn draw(id: &'static str, chart: ChartOption) -> Result<(), String> {
    ensure_echarts().await?;
    let existing =
        LIVE.with_borrow(|live| live.get(id).map(|l| (l.el.clone(), l.instance.clone())));
    let Some((el, instance)) = existing else {
        return Ok(());
    };
    let instance = match instance {
        Some(i) => {
            // The box may have a new size after coming back.
            let _ = js_call(&i, "resize", &[]);
            i
        }
        None => {
            let echarts =
                js_get(&window().into(), "echarts").ok_or("the chart library is missing")?;
            let opts = js_sys::Object::new();
            // Crisp on paper and on high-density screens.
            let ratio = window().device_pixel_ratio().max(2.0);
            let _ = js_sys::Reflect::set(&opts, &"devicePixelRatio".into(), &ratio.into());
            let _ = js_sys::Reflect::set(&opts, &"renderer".into(), &"canvas".into());
            let i = js_call(
                &echarts,
                "init",
                &[el.clone().into(), JsValue::NULL, opts.into()],
            )
            .ok_or("the chart could not be started")?;
            LIVE.with_borrow_mut(|live| {
                if let Some(l) = live.get_mut(id) {
                    l.instance = Some(i.clone());
                }
            });
            i
        }
    };
    // Through JSON rather than charming's WasmRenderer: the options are JSON already (templates
    // made with charming at build time), and serde-wasm-bindgen would add a serializer.
    let option = js_sys::JSON::parse(&chart.0).map_err(|_| "the chart could not be built")?;
    js_call(&instance, "setOption", &[option, JsValue::TRUE])
        .ok_or("the chart could not be drawn")?;
    Ok(())
}

/// Saves a drawn chart as a PNG file.
fn download_png(id: &'static str, file: &str) {
    let instance = instance(id);
    let Some(instance) = instance else { return };
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"type".into(), &"png".into());
    let _ = js_sys::Reflect::set(&opts, &"pixelRatio".into(), &2.into());
    let _ = js_sys::Reflect::set(&opts, &"backgroundColor".into(), &"#ffffff".into());
    if let Some(url) = js_call(&instance, "getDataURL", &[opts.into()]) {
        if let Some(url) = url.as_string() {
            super::browser::download_url(file, &url);
        }
    }
}

/// A chart kept for `owner`, redrawn in place whenever `make` gives new figures, resized with the
/// window, with a button that saves it as PNG. Says so in the page when it cannot be drawn.
#[component]
pub fn ChartBox(
    /// Unique element id.
    id: &'static str,
    /// The assessment (or view) the chart belongs to.
    #[prop(into)]
    owner: String,
    /// What the chart shows, for screen readers (the table next to it has the same figures).
    #[prop(into)]
    label: String,
    /// File name of the PNG download.
    file: &'static str,
    /// Builds the chart; reactive, so the chart follows its figures.
    make: impl Fn() -> ChartOption + 'static,
) -> impl IntoView {
    let failed = RwSignal::new(None::<String>);
    let slot = NodeRef::<Div>::new();
    let el = element(id, &owner, &label);
    Effect::new(move |_| {
        let chart = make();
        let Some(slot) = slot.get() else { return };
        if el.parent_node().as_ref() != Some(slot.as_ref()) {
            let _ = slot.append_child(&el);
        }
        leptos::task::spawn_local(async move {
            if let Err(e) = draw(id, chart).await {
                failed.try_set(Some(e));
            }
        });
    });
    let on_resize = window_event_listener(leptos::ev::resize, move |_| {
        let instance = instance(id);
        if let Some(i) = instance {
            let _ = js_call(&i, "resize", &[]);
        }
    });
    on_cleanup(move || {
        on_resize.remove();
        // Out of the page, not disposed: the shell disposes it unless the next page is the same
        // owner's (see `dispose_unless`).
        LIVE.with_borrow(|live| {
            if let Some(l) = live.get(id) {
                l.el.remove();
            }
        });
    });
    view! {
        <div class="chart">
            <div class="chart-slot" node_ref=slot></div>
            {move || failed.get().map(|e| view! {
                <p class="notice warn">"The chart could not be drawn (" {e} "); the table has the same figures."</p>
            })}
            <button type="button" class="quiet no-print" on:click=move |_| download_png(id, file)>
                "Download chart"
            </button>
        </div>
    }
}
