//! The targets and the roadmap under a report: a target per dimension, chosen from a list, and the
//! phases with their steps, each marked done where the assessment is this browser's. A chunk of its
//! own (`results::plan_chunk`), fetched when the reader asks for it, and built with plain DOM calls
//! as the report's blocks are (a view per kind of element costs wasm). What it shows is
//! `model::plan_page`'s.

use super::dom::{add, attr, el, target, StaticElement};
use super::report::{heading, render, table};
use super::words::{tr, trf};
use super::{browser, Ctx};
use crate::model::blocks::Block;
use crate::model::keys as k;
use crate::model::map::Map;
use crate::model::plan_page::{plan_page, roadmap_csv, PhaseView, PlanPage};
use crate::model::{builtin, Action, Assessment};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Whose targets the section sets.
#[derive(Clone, Copy)]
pub enum Mode {
    /// The open assessment's, saved with it; steps can be marked done.
    Saved,
    /// Tried on this page only: a link's reader's, or a team's on the comparison (see
    /// `results::Tried`).
    Tried(RwSignal<Map<String, u8>>),
}

pub struct Plan {
    pub assessment: Signal<Option<Assessment>>,
    /// Names the chart (see `app::chart`).
    pub owner: String,
    pub mode: Mode,
    /// Opened by the reader's "Set targets": the first list takes the focus.
    pub focus: bool,
}

const RESET: &str = "targets-reset";
const EXPORT: &str = "roadmap-export";

/// The heading, the lead and the form of targets: built once, so a list keeps its focus.
fn form(p: &PlanPage) -> web_sys::Element {
    let bank = builtin();
    let top = el("div", "", None);
    add(&top, &heading(0, "plan-title", &p.title));
    add(&top, &el("p", "", Some(&p.lead)));
    let form = el("form", "targets no-print", None);
    let set = el("fieldset", "", None);
    add(&set, &el("legend", "", Some(tr(k::plan::SET))));
    for t in &p.targets {
        let row = el("div", "target", None);
        let id = format!("target-{}", t.dimension);
        let label = el("label", "", Some(&t.label));
        attr(&label, "for", &id);
        let _ = label.append_with_str_1(" ");
        add(&label, &el("span", "hint", Some(&format!("({})", t.today))));
        let select = el("select", "", None);
        attr(&select, "id", &id);
        // Built with its value: the effect that follows the assessment may run before the
        // section is in the page.
        let none = el("option", "", Some("–"));
        attr(&none, "value", "");
        attr(&none, "disabled", "");
        if t.level.is_none() {
            attr(&none, "selected", "");
        }
        add(&select, &none);
        for l in 1..=5u8 {
            let o = el("option", "", Some(&format!("{l} – {}", bank.level_name(l))));
            attr(&o, "value", &l.to_string());
            if t.level == Some(l) {
                attr(&o, "selected", "");
            }
            add(&select, &o);
        }
        add(&row, &label);
        add(&row, &select);
        add(&set, &row);
    }
    let reset = el("button", "quiet", Some(tr(k::plan::RESET)));
    attr(&reset, "type", "button");
    attr(&reset, "id", RESET);
    if p.targets.iter().all(|t| t.proposed) {
        attr(&reset, "hidden", "");
    }
    add(&set, &reset);
    add(&form, &set);
    add(&top, &form);
    top
}

/// The phases, each with its steps (a checkbox each where they can be marked) and its table.
fn phases(list: &[PhaseView], marks: bool) -> web_sys::Element {
    let all = el("div", "", None);
    for (i, ph) in list.iter().enumerate() {
        let id = format!("phase-{}", i + 1);
        let s = super::report::section("phase", &id);
        add(&s, &heading(1, &id, &ph.title));
        let ol = el("ol", "steps", None);
        for step in &ph.steps {
            let li = el("li", "plan-step", None);
            if marks {
                let cid = format!("done-{}", step.key);
                let c = el("input", "", None);
                attr(&c, "type", "checkbox");
                attr(&c, "id", &cid);
                // Steps can read alike: who acts and the question tell them apart.
                attr(&c, "aria-describedby", &format!("{cid}-who {cid}-of"));
                if step.done {
                    attr(&c, "checked", "");
                }
                add(&li, &c);
                let l = el("label", "", Some(&step.line.text));
                attr(&l, "for", &cid);
                add(&li, &l);
            } else {
                add(&li, &el("span", "", Some(&step.line.text)));
            }
            let who = trf(k::labels::WHO, &[("who", &step.line.who)]);
            let w = el("span", "who", Some(&who));
            let of = el("span", "meta", Some(&step.of));
            attr(&w, "id", &format!("done-{}-who", step.key));
            attr(&of, "id", &format!("done-{}-of", step.key));
            add(&li, &w);
            add(&li, &of);
            add(&ol, &li);
        }
        add(&s, &ol);
        add(&s, &table(&ph.after));
        add(&all, &s);
    }
    all
}

fn by_id(id: &str) -> Option<web_sys::Element> {
    document().get_element_by_id(id)
}

fn set_prop(e: &web_sys::Element, name: &str, value: wasm_bindgen::JsValue) {
    let _ = js_sys::Reflect::set(e, &name.into(), &value);
}

pub fn plan_view(p: Plan) -> AnyView {
    let Plan {
        assessment,
        owner,
        mode,
        focus,
    } = p;
    let bank = builtin();
    let ctx = expect_context::<Ctx>();
    let Some(first) = assessment.with_untracked(|a| a.as_ref().map(|a| plan_page(bank, a))) else {
        return ().into_any();
    };
    // What the phases follow: the answers and the targets, not the marks, so that marking a step
    // done keeps the list (and the checkbox in focus); a target changed rebuilds them.
    let shape = Memo::new(move |_| {
        assessment.with(|a| a.as_ref().map(|a| (a.answers.clone(), a.targets.clone())))
    });
    let marks = matches!(mode, Mode::Saved);
    if let Some(d) = first
        .targets
        .first()
        .map(|t| format!("target-{}", t.dimension))
    {
        if focus {
            request_animation_frame(move || {
                if let Some(s) = by_id(&d) {
                    let _ = s.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            });
        }
    }
    let dims: Vec<String> = first.targets.iter().map(|t| t.dimension.clone()).collect();
    // What the page holds follows the assessment: the lists' values, the reset button, the marks.
    Effect::new(move |_| {
        assessment.with(|a| {
            let Some(p) = a.as_ref().map(|a| plan_page(bank, a)) else {
                return;
            };
            for t in &p.targets {
                if let Some(s) = by_id(&format!("target-{}", t.dimension)) {
                    let v = t.level.map_or(String::new(), |l| l.to_string());
                    set_prop(&s, "value", v.into());
                }
            }
            if let Some(b) = by_id(RESET) {
                set_prop(&b, "hidden", p.targets.iter().all(|t| t.proposed).into());
            }
            for s in p.phases.iter().flat_map(|ph| &ph.steps) {
                if let Some(c) = by_id(&format!("done-{}", s.key)) {
                    set_prop(&c, "checked", s.done.into());
                }
            }
        });
    });
    let set_target = move |dimension: String, level: Option<u8>| match mode {
        Mode::Saved => ctx.edit_current(vec![Action::SetTarget { dimension, level }]),
        Mode::Tried(tried) => tried.update(|t| {
            match level {
                Some(l) => t.insert(dimension, l),
                None => t.remove(&dimension),
            };
        }),
    };
    // One listener of each kind for the whole section.
    let on_change = move |ev: leptos::ev::Event| {
        let Some(target) = target::<web_sys::Element>(&ev) else {
            return;
        };
        let id = target.id();
        let value = js_sys::Reflect::get(&target, &"value".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        if let Some(dim) = id.strip_prefix("target-") {
            set_target(dim.to_string(), value.parse().ok());
        } else if let Some(step) = id.strip_prefix("done-") {
            let done = js_sys::Reflect::get(&target, &"checked".into())
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            ctx.edit_current(vec![Action::MarkDone {
                step: step.to_string(),
                done,
            }]);
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = target::<web_sys::Element>(&ev) else {
            return;
        };
        match target.id().as_str() {
            RESET => dims.iter().for_each(|d| set_target(d.clone(), None)),
            EXPORT => {
                if let Some(a) = assessment.get_untracked() {
                    browser::download("bita-roadmap.csv", "text/csv", &roadmap_csv(bank, &a));
                }
            }
            _ => {}
        }
    };
    let export = el("p", "no-print", None);
    let button = el("button", "", Some(tr(k::plan::EXPORT)));
    attr(&button, "type", "button");
    attr(&button, "id", EXPORT);
    add(&export, &button);
    view! {
        <section class="report-section plan" aria-labelledby="plan-title" on:change=on_change on:click=on_click>
            {StaticElement::view(form(&first))}
            {move || {
                // Read, not only tracked: a memo that is tracked but never read stays stale, and
                // then never tells of a later change.
                shape.with(|_| ());
                assessment.with_untracked(|a| a.as_ref().map(|a| plan_page(bank, a)))
            }.map(|p| {
                let PlanPage { phases: list, chart, notes, .. } = p;
                let notes: Vec<Block> = notes.into_iter().map(|n| Block::P("meta", n)).collect();
                (
                    render(notes, 1, ""),
                    render(vec![Block::Figure(chart)], 1, &owner),
                    StaticElement::view(phases(&list, marks)),
                )
            })}
            {StaticElement::view(export)}
        </section>
    }
    .into_any()
}
