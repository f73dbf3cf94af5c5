//! The report leadership reads: the headline, then the sections `ReportModel::sections` lays out as
//! blocks. The same block views render the comparison, a shared link's report and the team's. Prints
//! to A4 and Letter.

use super::chart::{ChartBox, ChartOption};
use super::dom::{add, attr, el, StaticElement};
use super::words::{tr, trf};
use crate::model::blocks::{Block, Figure, Table};
use crate::model::keys as k;
use crate::model::report::ReportModel;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A section's heading: `h2` at the top of a page, `h3` one section down, and so on; `id` (may be
/// empty) names it.
pub(super) fn heading(depth: u8, id: &str, title: &str) -> web_sys::Element {
    let (tag, class) = match depth {
        0 => ("h2", ""),
        1 => ("h3", "sub"),
        2 => ("h4", ""),
        _ => ("h5", ""),
    };
    // A page's sections fold (a long report on a phone): the heading holds the button that does
    // it, so its name stays the title (see `fold`).
    let h = if depth == 0 && !id.is_empty() {
        let h = el(tag, class, None);
        let b = el("button", "fold", Some(title));
        attr(&b, "type", "button");
        attr(&b, "aria-expanded", "true");
        add(&h, &b);
        h
    } else {
        el(tag, class, Some(title))
    };
    if !id.is_empty() {
        attr(&h, "id", id);
    }
    h
}

/// A section that names its heading, if that has an id.
pub(super) fn section(class: &str, id: &str) -> web_sys::Element {
    let s = el("section", class, None);
    if !id.is_empty() {
        attr(&s, "aria-labelledby", id);
    }
    s
}

/// A table with a caption, column heads and rows named by their first cell (for screen readers),
/// in a region that scrolls sideways on a narrow screen.
pub(super) fn table(t: &Table) -> web_sys::Element {
    let wrap = el("div", "table-wrap", None);
    attr(&wrap, "tabindex", "0");
    attr(&wrap, "role", "region");
    attr(&wrap, "aria-label", &t.caption);
    let table = el("table", "scores", None);
    add(&table, &el("caption", "", Some(&t.caption)));
    let th = |tr: &web_sys::Element, text: &str, scope: &str| {
        let th = el("th", "", Some(text));
        attr(&th, "scope", scope);
        add(tr, &th);
    };
    let thead = el("thead", "", None);
    let heads = el("tr", "", None);
    t.head.iter().for_each(|h| th(&heads, h, "col"));
    add(&thead, &heads);
    let tbody = el("tbody", "", None);
    for (name, cells) in &t.rows {
        let tr = el("tr", "", None);
        th(&tr, name, "row");
        // A figure ("3.0", "−1.5", "4 / 5") is never broken across lines, as any other text may
        // be; nor is one that leads a cell ("3.0 (+0.5 since the one before)").
        let figure = |c: &str| {
            c.len() <= 12
                && c.chars().any(|ch| ch.is_ascii_digit())
                && !c.contains(|ch: char| ch.is_ascii_alphabetic())
        };
        for c in cells {
            if figure(c) {
                add(&tr, &el("td", "num", Some(c)));
                continue;
            }
            let td = el("td", "", None);
            match c.split_once(' ') {
                Some((lead, rest)) if figure(lead) => {
                    add(&td, &el("span", "num", Some(lead)));
                    let _ = td.append_with_str_1(&format!(" {rest}"));
                }
                _ => td.set_text_content(Some(c)),
            }
            add(&tr, &td);
        }
        add(&tbody, &tr);
    }
    add(&table, &thead);
    add(&table, &tbody);
    add(&wrap, &table);
    wrap
}

/// A block without figures.
fn dom(b: &Block, depth: u8) -> web_sys::Element {
    match b {
        Block::Section {
            id,
            class,
            title,
            body,
        } => {
            let s = section(class, id);
            add(&s, &heading(depth, id, title));
            body.iter().for_each(|b| add(&s, &dom(b, depth + 1)));
            s
        }
        Block::P(class, text) => el("p", class, Some(text)),
        Block::Link(text, href) => {
            let p = el("p", "", None);
            let a = el("a", "", Some(text));
            attr(&a, "href", href);
            add(&p, &a);
            p
        }
        Block::List {
            ordered,
            class,
            items,
        } => {
            let list = el(if *ordered { "ol" } else { "ul" }, class, None);
            for spans in items {
                let li = el("li", "", None);
                for (class, text) in spans {
                    add(&li, &el("span", class, Some(text)));
                    let _ = li.append_with_str_1(" ");
                }
                add(&list, &li);
            }
            list
        }
        Block::Table(t) => table(t),
        // Routed to `figure` by `render`.
        Block::Figure(_) => el("div", "", None),
    }
}

/// The name and colour of each series. The colour is set through the element's style object: a
/// `style` attribute would be refused by the page's Content-Security-Policy.
fn legend_list(legend: &[(String, &str)]) -> web_sys::Element {
    let list = el("ul", "legend", None);
    attr(&list, "aria-label", tr(k::charts::LEGEND));
    for (name, colour) in legend {
        let li = el("li", "", None);
        let swatch: web_sys::HtmlElement = el("span", "swatch", None).unchecked_into();
        let _ = swatch.style().set_property("background-color", colour);
        add(&li, &swatch);
        let _ = li.append_with_str_1(name);
        add(&list, &li);
    }
    list
}

/// A chart with its legend and notes, and the table of the same figures.
fn figure(f: Figure, owner: &str) -> AnyView {
    let Figure {
        caption,
        id,
        file,
        label,
        option,
        legend,
        notes,
        table: figures,
    } = f;
    view! {
        <figure class="figure">
            <figcaption>{caption}</figcaption>
            <div>
                <ChartBox id=id owner=owner.to_string() file=file label=label
                    make=move || ChartOption(option.clone()) />
                {(!legend.is_empty()).then(|| StaticElement::view(legend_list(&legend)))}
                {notes.iter().map(|n| StaticElement::view(el("p", "meta", Some(n)))).collect::<Vec<_>>()}
            </div>
            {StaticElement::view(table(&figures))}
        </figure>
    }
    .into_any()
}

/// Blocks as HTML. Figures, and the sections that hold them, are views (a chart is a component);
/// every other block is built with plain DOM calls (see [`StaticElement`]). `depth` 0 is the page's top
/// level, whose headings are `h2`; charts belong to `owner` (see `chart`).
pub fn render(blocks: Vec<Block>, depth: u8, owner: &str) -> AnyView {
    blocks
        .into_iter()
        .map(|b| match b {
            Block::Figure(f) => figure(f, owner),
            Block::Section {
                id,
                class,
                title,
                body,
            } if body.iter().any(Block::has_figure) => {
                let title = StaticElement::view(heading(depth, id, &title));
                let body = render(body, depth + 1, owner);
                let id = (!id.is_empty()).then_some(id);
                view! { <section class=class aria-labelledby=id>{title}{body}</section> }.into_any()
            }
            b => StaticElement::view(dom(&b, depth)),
        })
        .collect::<Vec<_>>()
        .into_any()
}

/// Folds or unfolds the section whose heading's button was clicked: one listener on the page
/// serves every section, built by DOM calls or as views.
pub fn fold(ev: leptos::ev::MouseEvent) {
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    if !target.class_list().contains("fold") {
        return;
    }
    let open = target.get_attribute("aria-expanded").as_deref() != Some("true");
    attr(
        &target,
        "aria-expanded",
        if open { "true" } else { "false" },
    );
    if let Some(section) = target.parent_element().and_then(|h| h.parent_element()) {
        let _ = section.class_list().toggle_with_force("folded", !open);
    }
}

/// The whole report, laid out afresh whenever its figures change. The charts survive that: they
/// are kept per owner and updated in place (see `chart`). `nested` under a heading of the page (the
/// team's report), it has no title of its own and its headings start one level down.
#[component]
pub fn Report(
    /// The model and its sections (see `results::report_of`); `None` while the assessment goes
    /// away (deleted in another tab).
    #[prop(into)]
    model: Signal<Option<(ReportModel, Vec<Block>)>>,
    #[prop(into)] owner: String,
    #[prop(optional)] nested: bool,
    /// The page has given the report its title (`#report-title`) and said whose view it is: the
    /// report starts at its level.
    #[prop(optional)]
    titled: bool,
) -> impl IntoView {
    move || {
        let (m, sections) = model.get()?;
        Some(view! {
            <article class="report" aria-labelledby=(!nested).then_some("report-title") on:click=fold>
                {StaticElement::view(headline(&m, nested, titled))}
                {render(sections, u8::from(nested), &owner)}
            </article>
        })
    }
}

/// The report's head: whose it is, and its level and score. Its own `h1` unless `nested`; only
/// the level and score when the page has `titled` it.
fn headline(m: &ReportModel, nested: bool, titled: bool) -> web_sys::Element {
    let h = &m.headline;
    let head = el("header", "report-head", None);
    if !titled {
        let meta = el("p", "report-meta", None);
        add(&meta, &el("span", "report-name", Some(&m.name)));
        let _ = meta.append_with_str_1(&format!(" · {} · ", h.perspective));
        add(&meta, &el("time", "", Some(&h.date)));
        add(&head, &meta);
    }
    if !nested && !titled {
        let title = el("h1", "", Some(tr(k::labels::RESULTS)));
        attr(&title, "id", "report-title");
        add(&head, &title);
    }
    let card = el("div", "level card", None);
    if h.level.is_some() {
        add(&card, &el("p", "level-number", Some(&h.level_label)));
        let tag = if nested { "h3" } else { "h2" };
        add(&card, &el(tag, "level-name", Some(&h.level_name)));
        add(&card, &el("p", "", Some(&h.level_text)));
    }
    add(&card, &el("p", "score-line", Some(&h.score_line)));
    if let Some(c) = &h.capped {
        add(&card, &el("p", "capped", Some(c)));
    }
    if let Some(c) = &h.rule_changed {
        add(&card, &el("p", "meta", Some(c)));
    }
    let confidence = trf(
        k::labels::CONFIDENCE,
        &[("answered", &h.answered), ("confidence", &h.confidence)],
    );
    add(&card, &el("p", "meta", Some(&confidence)));
    add(&head, &card);
    head
}
