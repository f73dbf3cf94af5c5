//! Charts, drawn with charming over Apache ECharts. ECharts is served from our own `dist/vendor/`
//! and loaded only when a chart is first shown, so nothing before that depends on it.

use crate::model::scoring::Report;
use charming::component::RadarCoordinate;
use charming::series::Radar;
use charming::{Chart, WasmRenderer};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

const SCRIPT_ID: &str = "echarts-script";

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

/// The radar of the dimension scores (dimensions without enough answers at 0).
pub fn radar(report: &Report) -> Chart {
    let indicators: Vec<(&str, f64, f64)> = report
        .dimensions
        .iter()
        .map(|d| (d.name.as_str(), 0.0, 5.0))
        .collect();
    let values: Vec<f64> = report
        .dimensions
        .iter()
        .map(|d| d.tally.score.unwrap_or(0.0))
        .collect();
    Chart::new()
        .radar(RadarCoordinate::new().indicator(indicators))
        .series(Radar::new().name("Score").data(vec![(values, "Score")]))
}

/// A chart drawn into its own box once ECharts is loaded; says so in the page if it cannot be.
#[component]
pub fn ChartBox(
    /// Unique element id.
    id: &'static str,
    /// What the chart shows, for screen readers (the table next to it has the same figures).
    label: String,
    chart: Chart,
) -> impl IntoView {
    let failed = RwSignal::new(None::<String>);
    leptos::task::spawn_local(async move {
        let drawn = match ensure_echarts().await {
            Ok(()) => {
                let width = document()
                    .get_element_by_id(id)
                    .map_or(480, |el| el.client_width().max(280) as u32);
                WasmRenderer::new(width, 360)
                    .render(id, &chart)
                    .map(|_| ())
                    .map_err(|e| format!("{e:?}"))
            }
            Err(e) => Err(e),
        };
        if let Err(e) = drawn {
            failed.set(Some(e));
        }
    });
    view! {
        <figure class="chart">
            <div id=id class="chart-box" role="img" aria-label=label></div>
            {move || failed.get().map(|e| view! {
                <figcaption class="notice warn">"The chart could not be drawn (" {e} "); the table below has the same figures."</figcaption>
            })}
        </figure>
    }
}
