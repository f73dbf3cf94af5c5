//! The ECharts options bita draws, built with charming's typed components when the crate is built
//! (`build.rs` includes this file; the page does not). Each becomes a JSON template whose figures
//! are quoted placeholders (`"@labels"`, `"@values"`, `"@series"`, `"@colour"`, `"@mark"`) that
//! `model::chart_options` fills in.
//!
//! Why at build time: charming's components serialise through serde code generated per field, which
//! weighed heavily on the first view (measured: see docs/size-and-speed.md). A chunk of its own
//! (see scripts/wasm) would still weigh on the report, whose budget has no room for it. The
//! templates are a few hundred bytes.
//!
//! Charts sit on a light card in both colour schemes (and on paper, and in the PNG download), so
//! one palette with AA contrast on white serves everywhere. No option uses a JavaScript function or
//! an HTML tooltip: the Content-Security-Policy allows neither, and names never reach HTML.

use charming::component::{AngleAxis, Axis, Grid, PolarCoordinate, RadiusAxis};
use charming::element::{
    AreaStyle, AxisLabel, AxisLine, AxisTick, AxisType, BoundaryGap, Color, CoordinateSystem,
    ItemStyle, LineStyle, SplitLine, Symbol,
};
use charming::series::{Bar, Line};

const INK: &str = "#1b2430";
const MUTED: &str = "#4a5563";
const LINE: &str = "#c9d1db";

/// Colour and mark of each series in a chart of several assessments, the first also for a chart of
/// one: each colour with AA contrast on white, told apart by the mark too.
pub const SERIES: [(&str, &str); 6] = [
    ("#1f6fb2", "circle"),
    ("#b4450c", "rect"),
    ("#2b7a3d", "triangle"),
    ("#8a3ea8", "diamond"),
    ("#a3123a", "roundRect"),
    ("#4a5563", "pin"),
];

fn json(part: &impl serde::Serialize) -> String {
    serde_json::to_string(part).expect("chart parts serialise")
}

fn label() -> AxisLabel {
    AxisLabel::new().color(Color::from(INK)).font_size(13)
}

/// The dimensions on a circle: closed lines on polar axes rather than ECharts' radar, because the
/// radar draws a missing value at the centre (as 0) and a polar line can leave it out.
///
/// Two polar systems share the circle. The first holds the dimensions' names on a category axis,
/// one spoke each, evenly spaced. The lines are drawn on the second, whose angle is a value from 0
/// to the number of dimensions (`"@count"`), so a line can come back to the first dimension at the
/// full turn and close (a category axis has no position after the last category).
pub fn dimensions() -> String {
    let polar = PolarCoordinate::new().radius("58%");
    let hidden = |axis: AngleAxis| {
        axis.axis_label(AxisLabel::new().show(false))
            .axis_line(AxisLine::new().show(false))
            .axis_tick(AxisTick::new().show(false))
            .split_line(SplitLine::new().show(false))
    };
    let names = AngleAxis::new()
        .polar_index(0)
        .type_(AxisType::Category)
        .data(vec!["@labels"])
        .boundary_gap(BoundaryGap::CategoryAxis(false))
        .start_angle(90)
        .axis_label(label())
        .split_line(
            SplitLine::new()
                .show(true)
                .line_style(LineStyle::new().color(LINE)),
        );
    let turn = hidden(
        AngleAxis::new()
            .polar_index(1)
            .type_(AxisType::Value)
            .min(0)
            .max(COUNT)
            .interval(1)
            .start_angle(90),
    );
    let rings = RadiusAxis::new()
        .polar_index(0)
        .min(0)
        .max(5)
        .interval(1)
        .axis_label(AxisLabel::new().color(Color::from(MUTED)));
    let lines = RadiusAxis::new()
        .polar_index(1)
        .min(0)
        .max(5)
        .axis_label(AxisLabel::new().show(false))
        .axis_line(AxisLine::new().show(false));
    // charming's radius axis has no ticks or split lines to set: added to its JSON.
    let lines = json(&lines);
    let lines = format!(
        r#"{},"axisTick":{{"show":false}},"splitLine":{{"show":false}}}}"#,
        &lines[..lines.len() - 1]
    );
    format!(
        r#"{{"animation":false,"polar":[{p},{p}],"angleAxis":[{},{}],"radiusAxis":[{},{}],"series":"@series"}}"#,
        // Long names wrap rather than run off a phone-width chart (charming has no setter for it).
        json(&names)
            .replace(r#"["@labels"]"#, r#""@labels""#)
            .replacen(
                r#""axisLabel":{"#,
                r#""axisLabel":{"width":90,"overflow":"break","lineHeight":15,"#,
                1
            ),
        json(&turn).replace(&format!("{COUNT}.0"), r#""@count""#),
        json(&rings),
        lines,
        p = json(&polar),
    )
}

/// A number no option holds otherwise, replaced by the `"@count"` placeholder.
const COUNT: i32 = 987_654;

/// One line of [`dimensions`] (data: `[radius, angle]` pairs, `null` where there is no value);
/// filled when it is the only one.
pub fn dimension_line(filled: bool) -> String {
    let mut line = Line::new()
        .coordinate_system(CoordinateSystem::Polar)
        // A dimension without enough answers leaves a gap, not a chord that reads as a value.
        .connect_nulls(false)
        .symbol(Symbol::Custom("@mark".into()))
        .symbol_size(8)
        .line_style(LineStyle::new().width(3).color("@colour"))
        .item_style(ItemStyle::new().color("@colour"))
        .data(vec![0]);
    if filled {
        line = line.area_style(AreaStyle::new().color("@colour").opacity(0.2));
    }
    json(&line).replace("[0]", r#""@values""#).replacen(
        r#"{"type":"line""#,
        r#"{"type":"line","polarIndex":1"#,
        1,
    )
}

/// The room around horizontal bars, their labels inside it.
fn bars_grid() -> Grid {
    Grid::new()
        .left(8)
        .right(24)
        .top(8)
        .bottom(28)
        .contain_label(true)
}

/// The names beside horizontal bars (filled in for `"@labels"`).
fn category_axis() -> Axis {
    Axis::new()
        .type_(AxisType::Category)
        .data(vec!["@labels"])
        .axis_label(label())
}

/// Horizontal bars on a grid: the value axis (as JSON), the category axis and the one series.
fn bars_option(x: &str, y: &Axis, bar: &Bar) -> String {
    format!(
        r#"{{"animation":false,"grid":{},"xAxis":{x},"yAxis":{},"series":[{}]}}"#,
        json(&bars_grid()),
        json(y).replace(r#"["@labels"]"#, r#""@labels""#),
        json(bar).replace("[0]", r#""@values""#),
    )
}

/// The IT roles as horizontal bars (long names stay readable on a phone).
pub fn roles() -> String {
    let x = Axis::new()
        .type_(AxisType::Value)
        .min(0)
        .max(5)
        .interval(1)
        .axis_label(AxisLabel::new().color(Color::from(MUTED)))
        .split_line(SplitLine::new().line_style(LineStyle::new().color(LINE)));
    let bar = Bar::new()
        .bar_width(20)
        .item_style(ItemStyle::new().color(SERIES[0].0))
        .data(vec![0]);
    bars_option(&json(&x), &category_axis(), &bar)
}

/// The alignment gap as bars either side of zero, one per dimension and role: the business's score
/// minus IT's. The axis is symmetric (`"@max"` either way), the labels stay at the left edge
/// rather than on the zero line the bars start from, and each bar brings its colour (the side
/// that sees it higher) in its data.
pub fn gap() -> String {
    let x = Axis::new()
        .type_(AxisType::Value)
        .interval(1)
        .axis_label(AxisLabel::new().color(Color::from(MUTED)))
        .split_line(SplitLine::new().line_style(LineStyle::new().color(LINE)));
    let bar = Bar::new().bar_width(16).data(vec![0]);
    let x = json(&x).replacen('{', r#"{"min":"@min","max":"@max","#, 1);
    bars_option(&x, &category_axis(), &bar).replacen(
        r#""yAxis":{"#,
        r#""yAxis":{"axisLine":{"onZero":false},"#,
        1,
    )
}

/// Rust source for the crate: the templates and the series colours, as constants.
pub fn source() -> String {
    let colours: Vec<String> = SERIES.iter().map(|(c, _)| format!("{c:?}")).collect();
    let marks: Vec<String> = SERIES.iter().map(|(_, m)| format!("{m:?}")).collect();
    format!(
        "pub const DIMENSIONS: &str = {:?};\npub const LINE: &str = {:?};\npub const LINE_FILLED: &str = {:?};\npub const ROLES: &str = {:?};\npub const GAP: &str = {:?};\npub const COLOURS: [&str; {n}] = [{}];\npub const MARKS: [&str; {n}] = [{}];\n",
        dimensions(),
        dimension_line(false),
        dimension_line(true),
        roles(),
        gap(),
        colours.join(", "),
        marks.join(", "),
        n = SERIES.len(),
    )
}
