//! The chart options the page hands to ECharts: valid JSON, every figure in place, nothing left of
//! the templates' placeholders, and names kept as text.
#![cfg(not(target_arch = "wasm32"))]

use bita::model::chart_options::{bars, dimensions, gap, COLOURS, MAX_SERIES};
use serde_json::Value;

fn placeholders(v: &Value) -> usize {
    match v {
        Value::String(s) => usize::from(s.starts_with('@')),
        Value::Array(a) => a.iter().map(placeholders).sum(),
        Value::Object(o) => o.values().map(placeholders).sum(),
        _ => 0,
    }
}

/// A list of numbers and nulls, whether written as 1 or 1.0.
fn nums(v: &Value) -> Vec<Option<f64>> {
    v.as_array().unwrap().iter().map(Value::as_f64).collect()
}

/// A polar line's points as (radius, angle), `None` where there is no point.
fn points(v: &Value) -> Vec<Option<(f64, f64)>> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| Some((p.get(0)?.as_f64()?, p.get(1)?.as_f64()?)))
        .collect()
}

fn parse(json: &str) -> Value {
    let v = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"));
    assert_eq!(placeholders(&v), 0, "a placeholder is left: {json}");
    v
}

#[test]
fn one_assessment_is_one_filled_closed_line_that_leaves_missing_values_out() {
    let labels = ["A".to_string(), "B".into(), "C".into()];
    let o = parse(&dimensions(&labels, &[&[Some(3.5), None, Some(1.0)]]));
    // The names, one spoke each; the lines on a second system whose angle runs to the full turn.
    assert_eq!(
        o["angleAxis"][0]["data"],
        serde_json::json!(["A", "B", "C"])
    );
    assert_eq!(o["angleAxis"][1]["type"], "value");
    assert_eq!(o["angleAxis"][1]["max"].as_f64(), Some(3.0));
    let series = o["series"].as_array().unwrap();
    assert_eq!(series.len(), 1);
    assert_eq!(series[0]["polarIndex"].as_f64(), Some(1.0));
    assert_eq!(
        points(&series[0]["data"]),
        [Some((3.5, 0.0)), None, Some((1.0, 2.0)), Some((3.5, 3.0))],
        "closed at the full turn, with a gap where a value is missing"
    );
    assert_eq!(series[0]["coordinateSystem"], "polar");
    assert_ne!(
        series[0]["connectNulls"], true,
        "a missing value is not bridged"
    );
    assert_eq!(series[0]["lineStyle"]["color"], COLOURS[0]);
    assert!(series[0]["areaStyle"].is_object());
}

#[test]
fn several_assessments_get_a_colour_and_a_mark_each_and_no_fill() {
    let labels = ["A".to_string(), "B".into()];
    let rows: Vec<Vec<Option<f64>>> = (0..MAX_SERIES)
        .map(|i| vec![Some(i as f64 / 2.0), None])
        .collect();
    let refs: Vec<&[Option<f64>]> = rows.iter().map(|r| &r[..]).collect();
    let o = parse(&dimensions(&labels, &refs));
    let series = o["series"].as_array().unwrap();
    assert_eq!(series.len(), MAX_SERIES);
    let mut marks = Vec::new();
    for (i, s) in series.iter().enumerate() {
        assert_eq!(s["itemStyle"]["color"], COLOURS[i]);
        assert_eq!(points(&s["data"])[0], Some((i as f64 / 2.0, 0.0)));
        assert!(s["areaStyle"].is_null());
        marks.push(s["symbol"].as_str().unwrap().to_string());
    }
    marks.dedup();
    assert_eq!(marks.len(), MAX_SERIES, "marks differ: {marks:?}");
}

#[test]
fn bars_read_top_down_and_names_stay_text() {
    let labels = ["Integrator \"@values\" <b>".to_string(), "Partner".into()];
    let o = parse(&bars(&labels, &[Some(2.0), None]));
    assert_eq!(
        o["yAxis"]["data"],
        serde_json::json!(["Partner", "Integrator \"@values\" <b>"])
    );
    assert_eq!(nums(&o["series"][0]["data"]), [None, Some(2.0)]);
}

#[test]
fn names_that_read_exactly_like_placeholders_stay_names() {
    // Not `parse`: these names start with '@' on purpose.
    let raw = |json: String| -> Value { serde_json::from_str(&json).unwrap() };
    let labels = ["@values".to_string(), "@labels".into(), "@series".into()];
    let o = raw(bars(&labels, &[Some(2.0), None, Some(1.0)]));
    assert_eq!(
        o["yAxis"]["data"],
        serde_json::json!(["@series", "@labels", "@values"])
    );
    assert_eq!(nums(&o["series"][0]["data"]), [Some(1.0), None, Some(2.0)]);
    let o = raw(dimensions(&labels, &[&[Some(1.0), None, Some(2.0)]]));
    assert_eq!(
        o["angleAxis"][0]["data"],
        serde_json::json!(["@values", "@labels", "@series"])
    );
    assert_eq!(o["series"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        points(&o["series"][0]["data"]),
        [Some((1.0, 0.0)), None, Some((2.0, 2.0)), Some((1.0, 3.0))]
    );
}

#[test]
fn the_gap_is_bars_either_side_of_zero_coloured_by_the_side_that_sees_it_higher() {
    let labels = ["A".to_string(), "B".into(), "Role \"R\"".into()];
    let o = parse(&gap(&labels, &[Some(-1.2), Some(0.5), None]));
    // Top to bottom as given: ECharts draws a category axis from the bottom up.
    assert_eq!(
        o["yAxis"]["data"],
        serde_json::json!(["Role \"R\"", "B", "A"])
    );
    assert_eq!(
        o["yAxis"]["axisLine"]["onZero"], false,
        "labels at the edge, not on zero"
    );
    let data = o["series"][0]["data"].as_array().unwrap();
    assert!(data[0].is_null(), "no bar without a value");
    assert_eq!(data[1]["value"], 0.5);
    assert_eq!(
        data[1]["itemStyle"]["color"], COLOURS[1],
        "the business sees it higher"
    );
    assert_eq!(data[2]["value"], -1.2);
    assert_eq!(
        data[2]["itemStyle"]["color"], COLOURS[0],
        "IT sees it higher"
    );
    // Symmetric, in whole levels, never narrower than one either way.
    assert_eq!(
        (o["xAxis"]["min"].as_f64(), o["xAxis"]["max"].as_f64()),
        (Some(-2.0), Some(2.0))
    );
    let small = parse(&gap(&labels, &[Some(0.1), None, None]));
    assert_eq!(small["xAxis"]["max"].as_f64(), Some(1.0));
}
