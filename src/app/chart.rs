//! Charts, drawn by Apache ECharts from options `model::chart_options` fills in. ECharts is served from our
//! own `dist/vendor/`: fetched and started in idle time once a question is answered; on a page with
//! charts opened directly (a report from a link), downloaded in idle time and started only when a
//! chart comes near. Nothing before that depends on it.
//!
//! A chart is drawn once it comes within half a screen of being seen, or before the page is
//! printed: on a phone the report's charts sit two screens down, and drawing them while the report
//! opens would hold up its first screen.
//!
//! A chart is created once per assessment and updated in place: its element and ECharts instance
//! are kept while the respondent moves between that assessment's pages (so coming back from a
//! question shows the new figures in the same chart), and disposed as soon as they go elsewhere.
//! No option uses a JavaScript function or an HTML tooltip: the page's Content-Security-Policy
//! allows neither.

use super::browser::{js_call, js_get};
use super::words::{tr, trf};
use crate::model::keys as k;
use crate::model::map::Map;
use leptos::html::Div;
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::echarts::{download_when_idle, echarts, ensure_echarts};

/// An ECharts option as JSON (see `model::chart_options`).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOption(pub String);

/// A chart element and its ECharts instance, kept while their owner's pages are shown.
struct KeptChart {
    owner: String,
    el: web_sys::HtmlElement,
    instance: Option<JsValue>,
    /// The element has come near the screen: it draws at once.
    near: bool,
    /// Figures waiting until then, and where to say that they could not be drawn.
    pending: Option<(ChartOption, RwSignal<Option<String>>)>,
    /// The observer that watches for that, with its callback; kept until the chart is disposed.
    watch: Option<Watch>,
}

/// An `IntersectionObserver` and the callback it calls.
type Watch = (JsValue, Closure<dyn FnMut(js_sys::Array)>);

thread_local! {
    // The domain's small sorted map: a page has a few charts, and std's HashMap adds its hasher.
    static LIVE: RefCell<Map<&'static str, KeptChart>> = RefCell::new(Map::default());
}

impl KeptChart {
    /// Frees the ECharts instance and takes the element out of the page.
    fn dispose(&self) {
        if let Some(i) = &self.instance {
            let _ = js_call(i, "dispose", &[]);
        }
        if let Some((observer, _)) = &self.watch {
            // Taken first, so no queued call reaches the callback once it is dropped.
            let _ = js_call(observer, "takeRecords", &[]);
            let _ = js_call(observer, "disconnect", &[]);
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
        let l = live.entry_or_insert_with(id, || {
            let el: web_sys::HtmlElement = document()
                .create_element("div")
                .unwrap_or_else(|_| panic!("a div can be made"))
                .unchecked_into();
            el.set_id(id);
            el.set_class_name("chart-box");
            let _ = el.set_attribute("role", "img");
            let watch = watch_near(id, &el);
            KeptChart {
                owner: owner.to_string(),
                el,
                instance: None,
                near: watch.is_none(),
                pending: None,
                watch,
            }
        });
        let _ = l.el.set_attribute("aria-label", label);
        l.el.clone()
    })
}

/// Watches a chart's element until it comes within half a screen of the viewport; `None` where the
/// browser cannot tell (the chart is then drawn at once).
fn watch_near(id: &'static str, el: &web_sys::HtmlElement) -> Option<Watch> {
    let class: js_sys::Function = js_get(&window().into(), "IntersectionObserver")?
        .dyn_into()
        .ok()?;
    let seen = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let near = entries
            .iter()
            .any(|e| js_get(&e, "isIntersecting").is_some_and(|v| v.is_truthy()));
        if near {
            LIVE.with_borrow_mut(|live| {
                if let Some(l) = live.get_mut(id) {
                    l.near = true;
                    if let Some((observer, _)) = &l.watch {
                        let _ = js_call(observer, "disconnect", &[]);
                    }
                }
            });
            draw_pending(id);
        }
    });
    let opts = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&opts, &"rootMargin".into(), &"50% 0px".into());
    let observer =
        js_sys::Reflect::construct(&class, &js_sys::Array::of2(seen.as_ref(), &opts)).ok()?;
    js_call(&observer, "observe", &[el.clone().into()])?;
    Some((observer, seen))
}

/// Draws a chart now if it is near the screen or drawn already; else when it comes near or the
/// page is about to be printed.
fn show(
    id: &'static str,
    el: web_sys::HtmlElement,
    chart: ChartOption,
    failed: RwSignal<Option<String>>,
) {
    let now = LIVE.with_borrow_mut(|live| {
        let l = live.get_mut(id)?;
        if l.near || l.instance.is_some() {
            Some(chart)
        } else {
            l.pending = Some((chart, failed));
            None
        }
    });
    if let Some(chart) = now {
        draw_soon(id, el, chart, failed);
    }
}

/// Whether a chart in the page is not drawn yet (waiting to come near, or for ECharts).
fn undrawn() -> bool {
    LIVE.with_borrow(|live| {
        live.values()
            .any(|l| l.instance.is_none() && l.el.is_connected())
    })
}

/// Draws at once every chart in the page still waiting, where ECharts is loaded.
fn draw_all_pending() {
    if echarts().is_none() {
        return;
    }
    let pending: Vec<_> = LIVE.with_borrow_mut(|live| {
        live.iter_mut()
            .filter(|(_, l)| l.el.is_connected())
            .filter_map(|(id, l)| Some((*id, l.el.clone(), l.pending.take()?)))
            .collect()
    });
    for (id, el, (chart, failed)) in pending {
        if let Err(e) = draw(id, &el, &chart) {
            failed.try_set(Some(e));
        }
    }
}

/// Prints the page, charts included: those not drawn yet are drawn first (ECharts loaded if need
/// be), and the browser is given a frame to show them (Chromium leaves out of a printout a chart
/// first drawn while it prints).
pub fn print_page() {
    if !undrawn() {
        let _ = window().print();
        return;
    }
    leptos::task::spawn_local(async {
        let _ = ensure_echarts().await;
        draw_all_pending();
        let print = Closure::once_into_js(|| {
            let _ = window().print();
        });
        let later = Closure::once_into_js(move || {
            let _ = window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(print.unchecked_ref(), 0);
        });
        let _ = window().request_animation_frame(later.unchecked_ref());
    });
}

/// Ctrl+P or ⌘P, while a chart is not drawn yet, prints as "Print or save as PDF" does. Printing
/// from the browser's menu cannot be foreseen: the charts are drawn at `beforeprint`, which
/// Chromium leaves out of the printout (the tables beside them hold the same figures).
fn draw_before_printing() {
    thread_local! {
        static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if LISTENING.replace(true) {
        return;
    }
    let key = Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(|e: web_sys::KeyboardEvent| {
        // `code` names the key whatever the keyboard's layout.
        let p = e.key().eq_ignore_ascii_case("p") || e.code() == "KeyP";
        if (e.ctrl_key() || e.meta_key()) && p && undrawn() {
            e.prevent_default();
            print_page();
        }
    });
    let print = Closure::<dyn FnMut()>::new(draw_all_pending);
    let w = window();
    let _ = w.add_event_listener_with_callback("keydown", key.as_ref().unchecked_ref());
    let _ = w.add_event_listener_with_callback("beforeprint", print.as_ref().unchecked_ref());
    // Listeners for the page's whole life.
    key.forget();
    print.forget();
}

/// Draws the figures a chart keeps waiting, if any.
fn draw_pending(id: &'static str) {
    let pending = LIVE.with_borrow_mut(|live| {
        let l = live.get_mut(id)?;
        Some((l.el.clone(), l.pending.take()?))
    });
    if let Some((el, (chart, failed))) = pending {
        draw_soon(id, el, chart, failed);
    }
}

fn draw_soon(
    id: &'static str,
    el: web_sys::HtmlElement,
    chart: ChartOption,
    failed: RwSignal<Option<String>>,
) {
    leptos::task::spawn_local(async move {
        let drawn = match ensure_echarts().await {
            Ok(()) => draw(id, &el, &chart),
            Err(e) => Err(e),
        };
        if let Err(e) = drawn {
            failed.try_set(Some(e));
        }
    });
}

/// Draws a chart whose element `el` is still kept (not replaced by another owner's while
/// ECharts loaded), with ECharts loaded.
fn draw(id: &'static str, el: &web_sys::HtmlElement, chart: &ChartOption) -> Result<(), String> {
    let kept = LIVE.with_borrow(|live| {
        live.get(id)
            .filter(|l| l.el == *el)
            .map(|l| l.instance.clone())
    });
    let Some(instance) = kept else {
        return Ok(());
    };
    let instance = match instance {
        Some(i) => {
            // The box may have a new size after coming back.
            let _ = js_call(&i, "resize", &[]);
            i
        }
        None => {
            let echarts = echarts().ok_or(tr(k::charts::NO_LIBRARY))?;
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
            .ok_or(tr(k::charts::NOT_STARTED))?;
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
    let option = js_sys::JSON::parse(&chart.0).map_err(|_| tr(k::charts::NOT_BUILT))?;
    js_call(&instance, "setOption", &[option, JsValue::TRUE]).ok_or(tr(k::charts::NOT_DRAWN))?;
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
    download_when_idle();
    draw_before_printing();
    Effect::new(move |_| {
        let chart = make();
        let Some(slot) = slot.get() else { return };
        if el.parent_node().as_ref() != Some(slot.as_ref()) {
            let _ = slot.append_child(&el);
        }
        show(id, el.clone(), chart, failed);
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
                <p class="notice warn">{trf(k::charts::FAILED, &[("error", &e)])}</p>
            })}
            <button type="button" class="quiet no-print" on:click=move |_| download_png(id, file)>
                {tr(k::charts::DOWNLOAD)}
            </button>
        </div>
    }
}
