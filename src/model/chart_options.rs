//! The ECharts options of bita's charts: templates made with charming when the crate is built (see
//! `src/charts.rs` for why then), filled here with names and figures. Pure, so tested natively.

use super::json::Json;

mod templates {
    include!(concat!(env!("OUT_DIR"), "/charts.rs"));
}

/// Colours of the series, in order; the page's legends use them too.
pub use templates::COLOURS;

/// Series a chart tells apart (by colour and mark).
pub const MAX_SERIES: usize = COLOURS.len();

/// Puts text in for the quoted placeholders (`"@name"`) of a template, in one pass: what is filled
/// in is never read for placeholders again, whatever a name says.
fn fill(template: &str, parts: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    // Found by its '@' and then its quote: a search for a string pattern brings in the standard
    // library's two-way string search (see docs/size-and-speed.md; any `find`, `contains`,
    // `split` or `replace` with a `&str` brings it back).
    while let Some(at) = rest.find('@') {
        let after = &rest[at + 1..];
        let part = rest[..at].ends_with('"').then(|| {
            parts.iter().find(|(name, _)| {
                after
                    .strip_prefix(name)
                    .is_some_and(|tail| tail.starts_with('"'))
            })
        });
        match part.flatten() {
            Some((name, text)) => {
                out.push_str(&rest[..at - 1]);
                out.push_str(text);
                rest = &after[name.len() + 1..];
            }
            None => {
                out.push_str(&rest[..=at]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn json<T: Clone + Into<Json>>(items: &[T]) -> String {
    Json::Arr(items.iter().cloned().map(Into::into).collect()).to_text()
}

fn quoted(text: &str) -> String {
    Json::from(text).to_text()
}

/// The dimensions of up to [`MAX_SERIES`] assessments on polar axes: per series a closed line (the
/// first value again at the full turn; see `src/charts.rs`), filled when it is alone. A `None`
/// breaks the line there: never drawn as 0, and never bridged as if it had a value.
pub fn dimensions(labels: &[String], series: &[&[Option<f64>]]) -> String {
    let template = if series.len() == 1 {
        templates::LINE_FILLED
    } else {
        templates::LINE
    };
    let lines: Vec<String> = series
        .iter()
        .zip(COLOURS.iter().zip(templates::MARKS))
        .map(|(values, (colour, mark))| {
            // [radius, angle] per dimension, and the first again at the full turn.
            let points: Vec<Json> = values
                .iter()
                .chain(values.first())
                .enumerate()
                .map(|(i, v)| match v {
                    Some(v) => Json::Arr(vec![Json::Num(*v), Json::Num(i as f64)]),
                    None => Json::Null,
                })
                .collect();
            fill(
                template,
                &[
                    ("values", &Json::Arr(points).to_text()),
                    ("colour", &quoted(colour)),
                    ("mark", &quoted(mark)),
                ],
            )
        })
        .collect();
    fill(
        templates::DIMENSIONS,
        &[
            ("series", &format!("[{}]", lines.join(","))),
            ("count", &labels.len().to_string()),
            ("labels", &json(labels)),
        ],
    )
}

/// Horizontal bars, top to bottom in the order given; a `None` keeps its label and has no bar.
pub fn bars(labels: &[String], values: &[Option<f64>]) -> String {
    let labels: Vec<String> = labels.iter().rev().cloned().collect();
    let values: Vec<Option<f64>> = values.iter().rev().copied().collect();
    fill(
        templates::ROLES,
        &[("values", &json(&values)), ("labels", &json(&labels))],
    )
}

/// The alignment gap as bars either side of zero, top to bottom in the order given; a `None`
/// keeps its label and has no bar. A bar below zero (IT sees it higher) takes IT's colour, the
/// first series', one above the business's, the second's, as in the other comparison charts.
pub fn gap(labels: &[String], values: &[Option<f64>]) -> String {
    let labels: Vec<String> = labels.iter().rev().cloned().collect();
    let bars: Vec<Json> = values
        .iter()
        .rev()
        .map(|v| match v {
            Some(v) => Json::Obj(vec![
                ("value".into(), Json::Num(*v)),
                (
                    "itemStyle".into(),
                    Json::Obj(vec![(
                        "color".into(),
                        COLOURS[usize::from(*v > 0.0)].into(),
                    )]),
                ),
            ]),
            None => Json::Null,
        })
        .collect();
    // Symmetric, in whole levels, at least one either way.
    let max = values
        .iter()
        .flatten()
        .fold(1.0f64, |m, v| m.max(v.abs().ceil()));
    fill(
        templates::GAP,
        &[
            ("values", &Json::Arr(bars).to_text()),
            ("labels", &json(&labels)),
            ("max", &max.to_string()),
            ("min", &(-max).to_string()),
        ],
    )
}
