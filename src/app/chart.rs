//! Charts, drawn with charming over Apache ECharts. ECharts is served from our own `dist/vendor/`
//! and loaded only when a chart is first shown, so nothing before that depends on it.
//!
//! A chart is created once per assessment and updated in place: its element and ECharts instance
//! are kept while the respondent moves between that assessment's pages (so coming back from a
//! question shows the new figures in the same chart), and disposed as soon as they go elsewhere.
//! No option uses a JavaScript function or an HTML tooltip: the coming Content-Security-Policy
//! allows neither.

use super::browser::{js_call, js_get};
use crate::model::report::Series;
use charming::component::{AngleAxis, Axis, Grid, PolarCoordinate, RadiusAxis};
use charming::element::{
    AreaStyle, AxisLabel, AxisType, BoundaryGap, Color, CoordinateSystem, ItemStyle, LineStyle,
    SplitLine,
};
use charming::series::{Bar, Line};
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

/// The charts' colours. Charts sit on a light card in both colour schemes (and on paper, and in
/// the PNG download), so one palette with AA contrast on white serves everywhere.
#[derive(Debug, Clone, PartialEq)]
pub struct Palette {
    pub ink: &'static str,
    pub muted: &'static str,
    pub line: &'static str,
    pub series: &'static str,
}

pub const PALETTE: Palette = Palette {
    ink: "#1b2430",
    muted: "#4a5563",
    line: "#c9d1db",
    series: "#1f6fb2",
};

fn label(p: &Palette) -> AxisLabel {
    AxisLabel::new().color(Color::from(p.ink)).font_size(13)
}

/// An ECharts option, built from charming's typed components. Serialised part by part: charming's
/// `Chart` holds every series type in one enum, and serialising it would put all their code into
/// the wasm (about 15 KB gzip on every page, measured), where bita draws only a line and a bar.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOption(pub String);

fn json(part: &impl serde::Serialize) -> String {
    serde_json::to_string(part).unwrap_or_else(|_| "null".into())
}

/// The dimensions on a circle: a closed line on polar axes rather than ECharts' radar, because the
/// radar draws a missing value at the centre (as 0) and a polar line can skip it.
pub fn dimensions_chart(s: &Series, p: &Palette) -> ChartOption {
    let mut labels = s.labels.clone();
    // A last, unlabelled category at the first one's angle closes the loop.
    labels.push(String::new());
    let mut values = s.values.clone();
    values.push(s.values.first().copied().flatten());
    let polar = PolarCoordinate::new().radius("62%");
    let angle = AngleAxis::new()
        .type_(AxisType::Category)
        .data(labels)
        .boundary_gap(BoundaryGap::CategoryAxis(false))
        .start_angle(90)
        .axis_label(label(p))
        .split_line(
            SplitLine::new()
                .show(true)
                .line_style(LineStyle::new().color(p.line)),
        );
    let radius = RadiusAxis::new()
        .min(0)
        .max(5)
        .interval(1)
        .axis_label(AxisLabel::new().color(Color::from(p.muted)));
    let line = Line::new()
        .name("Score")
        .coordinate_system(CoordinateSystem::Polar)
        .connect_nulls(true)
        .symbol_size(8)
        .line_style(LineStyle::new().width(3).color(p.series))
        .item_style(ItemStyle::new().color(p.series))
        .area_style(AreaStyle::new().color(p.series).opacity(0.2))
        .data(values);
    ChartOption(format!(
        r#"{{"animation":false,"polar":{},"angleAxis":{},"radiusAxis":{},"series":[{}]}}"#,
        json(&polar),
        json(&angle),
        json(&radius),
        json(&line)
    ))
}

/// The IT roles as horizontal bars (long names stay readable on a phone); a role without enough
/// answers keeps its label and has no bar.
pub fn roles_chart(s: &Series, p: &Palette) -> ChartOption {
    // Top to bottom in the order of the model.
    let labels: Vec<String> = s.labels.iter().rev().cloned().collect();
    let values: Vec<Option<f64>> = s.values.iter().rev().copied().collect();
    let grid = Grid::new()
        .left(8)
        .right(24)
        .top(8)
        .bottom(28)
        .contain_label(true);
    let x = Axis::new()
        .type_(AxisType::Value)
        .min(0)
        .max(5)
        .interval(1)
        .axis_label(AxisLabel::new().color(Color::from(p.muted)))
        .split_line(SplitLine::new().line_style(LineStyle::new().color(p.line)));
    let y = Axis::new()
        .type_(AxisType::Category)
        .data(labels)
        .axis_label(label(p));
    let bar = Bar::new()
        .name("Score")
        .bar_width(20)
        .item_style(ItemStyle::new().color(p.series))
        .data(values);
    ChartOption(format!(
        r#"{{"animation":false,"grid":{},"xAxis":{},"yAxis":{},"series":[{}]}}"#,
        json(&grid),
        json(&x),
        json(&y),
        json(&bar)
    ))
}

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
    // Through JSON rather than charming's WasmRenderer, whose serde-wasm-bindgen would add a
    // serializer of its own to the wasm, while serde_json is there anyway.
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
