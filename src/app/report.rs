//! The report leadership reads: the headline, then the sections `ReportModel::sections` lays out as
//! blocks. The same block views render the comparison, a shared link's report and the team's. Prints
//! to A4 and Letter.

use super::chart::{ChartBox, ChartOption};
use crate::model::doc::{Block, Figure, Table};
use crate::model::report::ReportModel;
use leptos::prelude::*;

/// A table with a caption, column heads and rows named by their first cell (for screen readers).
fn table(t: Table) -> AnyView {
    let Table {
        caption,
        head,
        rows,
    } = t;
    let label = caption.clone();
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label=label>
            <table class="scores">
                <caption>{caption}</caption>
                <thead>
                    <tr>{head.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|(name, cells)| view! {
                        <tr>
                            <th scope="row">{name}</th>
                            {cells.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
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
                {(!legend.is_empty()).then(|| view! {
                    <ul class="legend" aria-label="Chart legend">{legend.into_iter().map(|(name, colour)| view! {
                        <li><span class="swatch" style:background-color=colour></span>{name}</li>
                    }).collect_view()}</ul>
                })}
                {notes.into_iter().map(|n| view! { <p class="meta">{n}</p> }).collect_view()}
            </div>
            {table(figures)}
        </figure>
    }
    .into_any()
}

/// Blocks as HTML: one small view per kind of block. `depth` 0 is the page's top level, whose
/// headings are `h2`; charts belong to `owner` (see `chart`).
pub fn render(blocks: Vec<Block>, depth: u8, owner: &str) -> AnyView {
    blocks
        .into_iter()
        .map(|b| match b {
            Block::Section {
                id,
                class,
                title,
                body,
            } => {
                let body = render(body, depth + 1, owner);
                let id = (!id.is_empty()).then_some(id);
                let heading = match depth {
                    0 => view! { <h2 id=id>{title}</h2> }.into_any(),
                    1 => view! { <h3 class="sub" id=id>{title}</h3> }.into_any(),
                    2 => view! { <h4 id=id>{title}</h4> }.into_any(),
                    _ => view! { <h5 id=id>{title}</h5> }.into_any(),
                };
                view! { <section class=class aria-labelledby=id>{heading}{body}</section> }
                    .into_any()
            }
            Block::P(class, text) => view! { <p class=class>{text}</p> }.into_any(),
            Block::List {
                ordered,
                class,
                items,
            } => {
                let items = items
                    .into_iter()
                    .map(|spans| {
                        let spans = spans
                            .into_iter()
                            .map(|(c, t)| view! { <span class=c>{t}</span> " " })
                            .collect_view();
                        view! { <li>{spans}</li> }
                    })
                    .collect_view();
                if ordered {
                    view! { <ol class=class>{items}</ol> }.into_any()
                } else {
                    view! { <ul class=class>{items}</ul> }.into_any()
                }
            }
            Block::Table(t) => table(t),
            Block::Figure(f) => figure(f, owner),
        })
        .collect::<Vec<_>>()
        .into_any()
}

/// The whole report, laid out afresh whenever its figures change. The charts survive that: they
/// are kept per owner and updated in place (see `chart`). `nested` under a heading of the page (the
/// team's report), it has no title of its own and its headings start one level down.
#[component]
pub fn Report(
    #[prop(into)] model: Signal<ReportModel>,
    #[prop(into)] owner: String,
    #[prop(optional)] nested: bool,
) -> impl IntoView {
    move || {
        let m = model.get();
        let sections = m.sections();
        let h = m.headline;
        let level_name = h.level_name;
        view! {
            <article class="report" aria-labelledby=(!nested).then_some("report-title")>
                <header class="report-head">
                    <p class="report-meta">
                        <span class="report-name">{m.name}</span>
                        " · " {h.perspective} " · " <time>{h.date}</time>
                    </p>
                    {(!nested).then(|| view! { <h1 id="report-title">"Results"</h1> })}
                    <div class="level card">
                        {h.level.map(|_| view! {
                            <p class="level-number">{h.level_label}</p>
                            {if nested {
                                view! { <h3 class="level-name">{level_name}</h3> }.into_any()
                            } else {
                                view! { <h2 class="level-name">{level_name}</h2> }.into_any()
                            }}
                            <p>{h.level_text}</p>
                        })}
                        <p class="score-line">{h.score_line}</p>
                        {h.capped.map(|c| view! { <p class="capped">{c}</p> })}
                        <p class="meta">{h.answered} " · confidence " {h.confidence}</p>
                    </div>
                </header>
                {render(sections, u8::from(nested), &owner)}
            </article>
        }
    }
}
