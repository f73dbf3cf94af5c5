//! Widgets of the assessment pages: the dimension navigation and the assessment bar with its
//! progress (question cards: `cards`).

use super::dom::{add, attr, el, keep, StaticElement};
use super::words::{tr, trf};
use super::Ctx;
use crate::model::keys as k;
use crate::model::{builtin, Dimension};
use crate::route::Route;
use leptos::prelude::*;
/// Sets an element's text where it changed.
fn set_text(e: &web_sys::Element, text: &str) {
    if e.text_content().as_deref() != Some(text) {
        e.set_text_content(Some(text));
    }
}

/// Links to every dimension with its own progress, and to the review. Built with DOM calls (see
/// [`super::cards::Questions`]); one effect keeps the counts.
#[component]
pub fn DimensionNav(#[prop(into)] active: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let bank = builtin();
    let Some((id, side)) = ctx
        .current
        .with_untracked(|c| c.as_ref().map(|a| (a.id.clone(), a.perspective)))
    else {
        return ().into_any();
    };
    // Folded to one line on a narrow screen, so the page's first question comes first; open
    // wherever it sits beside the questions.
    let wide = super::browser::js_call(
        &window().into(),
        "matchMedia",
        &["(min-width: 48rem)".into()],
    )
    .and_then(|m| super::browser::js_get(&m, "matches"))
    .and_then(|m| m.as_bool())
    .unwrap_or(true);
    let here_name = bank
        .dimensions
        .iter()
        .position(|d| d.id == active)
        .map_or_else(
            || tr(k::dimnav::REVIEW).to_string(),
            |i| {
                trf(
                    k::walk::HEADING,
                    &[
                        ("name", &bank.dimensions[i].name),
                        ("n", &(i + 1).to_string()),
                        ("total", &bank.dimensions.len().to_string()),
                    ],
                )
            },
        );
    let details = el("details", "dimnav", None);
    if wide {
        attr(&details, "open", "");
    }
    let summary = el("summary", "", Some(tr(k::dimnav::ALL)));
    add(
        &summary,
        &el(
            "span",
            "here-name",
            Some(&trf(k::dimnav::NOW, &[("name", &here_name)])),
        ),
    );
    add(&details, &summary);
    let nav = el("nav", "", None);
    attr(&nav, "aria-label", tr(k::dimnav::LABEL));
    let ol = el("ol", "", None);
    let item = |href: String, here: bool| {
        let li = el("li", if here { "here" } else { "" }, None);
        let a = el("a", "", None);
        attr(&a, "href", &href);
        if here {
            attr(&a, "aria-current", "page");
        }
        add(&li, &a);
        add(&ol, &li);
        a
    };
    let counts: Vec<(web_sys::Element, &'static Dimension, usize)> = bank
        .dimensions
        .iter()
        .map(|d| {
            let href = Route::Dimension {
                id: id.clone(),
                dimension: d.id.clone(),
                question: None,
            }
            .href();
            let a = item(href, d.id == active);
            add(&a, &el("span", "nav-name", Some(&d.name)));
            let count = el("span", "nav-count", None);
            add(&a, &count);
            (count, d, bank.asked(d, side).count())
        })
        .collect();
    let review = item(Route::Review { id }.href(), active == "review");
    review.set_text_content(Some(tr(k::dimnav::REVIEW)));
    add(&nav, &ol);
    add(&details, &nav);
    let dims: Vec<&'static Dimension> = counts.iter().map(|(_, d, _)| *d).collect();
    keep(
        move || {
            ctx.current.with(|c| {
                dims.iter()
                    .map(|d| c.as_ref().map_or(0, |a| a.answered_in(bank, d)))
                    .collect::<Vec<_>>()
            })
        },
        move |_, done| {
            for ((count, _, total), done) in counts.iter().zip(done) {
                set_text(count, &format!("{done}/{total}"));
            }
        },
    );
    StaticElement::view(details)
}

/// The open assessment's name, perspective, progress (answered of total, with an accessible name
/// and value) and export. Built with DOM calls, but for the button (see [`super::cards::Questions`]).
#[component]
pub fn AssessmentBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let title = el("div", "bar-title", None);
    let name = el("span", "bar-name", None);
    let side = el("span", "meta", None);
    add(&title, &name);
    add(&title, &side);
    let progress = el("div", "progress", None);
    let bar = el("progress", "", None);
    attr(&bar, "id", "progress");
    attr(&bar, "aria-label", tr(k::bar::PROGRESS));
    let count = el("span", "progress-text", None);
    add(&progress, &bar);
    add(&progress, &count);
    let retired = el("p", "meta retired-note", None);
    let views = [&title, &progress, &retired].map(|e| StaticElement::view(e.clone()));
    let bank = builtin();
    keep(
        move || {
            ctx.current.with(|c| {
                c.as_ref().map(|a| {
                    (
                        a.display_name().to_string(),
                        a.perspective.label(),
                        a.answered(bank),
                        a.asked(bank),
                        a.retired_answers(bank),
                    )
                })
            })
        },
        move |_, now| {
            let Some((shown, label, answered, total, n)) = now else {
                return;
            };
            set_text(&name, shown);
            set_text(&side, &trf(k::side::VIEW, &[("side", label)]));
            attr(&bar, "max", &total.to_string());
            attr(&bar, "value", &answered.to_string());
            attr(
                &bar,
                "aria-valuetext",
                &trf(
                    k::bar::PROGRESS_VALUE,
                    &[
                        ("answered", &answered.to_string()),
                        ("total", &total.to_string()),
                    ],
                ),
            );
            set_text(
                &count,
                &trf(
                    k::bar::ANSWERED,
                    &[
                        ("answered", &answered.to_string()),
                        ("total", &total.to_string()),
                    ],
                ),
            );
            let _ = retired.toggle_attribute_with_force("hidden", *n == 0);
            if *n > 0 {
                set_text(
                    &retired,
                    &crate::model::report_texts::fill(
                        crate::app::words::tr(crate::model::keys::bar::RETIRED),
                        &[("count", &n.to_string())],
                    ),
                );
            }
        },
    );
    let [title, progress, retired] = views;
    view! {
        <div class="bar">
            {title}
            {progress}
            {retired}
            <button type="button" class="quiet" on:click=move |_| {
                if let Some(a) = ctx.current.get_untracked() {
                    super::home::export(&a);
                }
            }>{tr(k::bar::EXPORT)}</button>
        </div>
    }
}
