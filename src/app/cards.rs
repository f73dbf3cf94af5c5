//! A dimension page's question cards: each question an accessible radio group, built with DOM
//! calls and kept in step with the saved answers.

use super::dom::{add, attr, el, keep, target, StaticElement};
use super::words::{tr, trf};
use super::Ctx;
use crate::model::assessment::Place;
use crate::model::keys as k;
use crate::model::{builtin, Action, Answer, Dimension, Perspective, Question};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub fn focus_question(qid: &str) {
    let doc = document();
    let Some(card) = doc.get_element_by_id(&format!("q-{qid}")) else {
        return;
    };
    card.scroll_into_view();
    let input = card
        .query_selector("input[type=radio]:checked")
        .ok()
        .flatten()
        .or_else(|| card.query_selector("input[type=radio]").ok().flatten());
    if let Some(input) = input {
        let _ = input.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// A dimension's questions, each an accessible radio group: five statements, "Don't know", "Not
/// applicable", optional help and an evidence note. The cards are built with DOM calls, not a
/// `view!` each (a dimension page is built as the respondent waits, the first after a tap on
/// "Start"; see the levers in docs/size-and-speed.md): the form listens once for every choice and
/// note, and one effect keeps the cards as the saved answers say (another tab's change too).
#[component]
pub fn Questions(dimension: &'static Dimension, side: Perspective) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let bank = builtin();
    let questions: std::rc::Rc<[&'static Question]> = bank.asked(dimension, side).collect();
    let listed = questions.clone();
    let now = move || {
        ctx.current.with(|c| {
            listed
                .iter()
                .map(|q| {
                    let a = c.as_ref();
                    (
                        a.and_then(|a| a.answers.get(&q.id).copied()),
                        a.and_then(|a| a.notes.get(&q.id).cloned())
                            .unwrap_or_default(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let built = now();
    let cards: Vec<AnyView> = questions
        .iter()
        .zip(&built)
        .map(|(q, (answer, note))| StaticElement::view(card(q, *answer, note)))
        .collect();
    // The cards are built as `built` says: a card changes only where its answer did since.
    keep(now, move |was, now| {
        let Some(was) = was else { return };
        for ((q, was), (answer, note)) in questions.iter().zip(was).zip(now) {
            if was.0 != *answer || was.1 != *note {
                show(&q.id, *answer, note);
            }
        }
    });
    let dim = dimension.id.as_str();
    // The answer and the place to resume at are saved together, in one write.
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = target::<web_sys::HtmlInputElement>(&ev) else {
            return;
        };
        let Some(answer) = Answer::from_code(&input.value()) else {
            return;
        };
        let qid = input.name();
        ctx.edit_current(vec![
            Action::Answer {
                question: qid.clone(),
                answer: Some(answer),
            },
            Action::Visit(Place::Dimension {
                dimension: dim.to_string(),
                question: Some(qid),
            }),
        ]);
        // What the report needs, while the respondent works: it rarely waits for it then. Once
        // idle: fetching it first would delay saving this answer.
        super::echarts::prefetch_when_idle();
        // The review's words too (the other pages' texts), so that it opens without waiting.
        let load = move || {
            ctx.load_report();
            if !super::words::pages_ready() {
                leptos::task::spawn_local(async {
                    let _ = super::words::load_pages().await;
                });
            }
        };
        if !super::browser::when_idle(load) {
            load();
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        let Some(note) = target::<web_sys::HtmlTextAreaElement>(&ev) else {
            return;
        };
        if let Some(qid) = note.get_attribute("data-question") {
            ctx.edit_current(vec![Action::Note {
                question: qid,
                text: note.value(),
            }]);
        }
    };
    // A form of its own, so this page's radio groups never share state with another page's.
    view! {
        <form class="answers" on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()
            on:change=on_change on:input=on_input>
            {cards}
        </form>
    }
}

/// One question's card, `answer` chosen and `note` written.
fn card(q: &Question, answer: Option<Answer>, note: &str) -> web_sys::Element {
    let bank = builtin();
    let qid = q.id.as_str();
    let card = el("fieldset", "question", None);
    attr(&card, "id", &format!("q-{qid}"));
    if answer.is_some() {
        let _ = card.class_list().add_1("answered");
    }
    let legend = el("legend", "", Some(&q.text));
    attr(&legend, "id", &format!("q-{qid}-legend"));
    add(&card, &legend);
    if let Some(help) = &q.help {
        let details = el("details", "help", None);
        add(&details, &el("summary", "", Some(tr(k::question::MORE))));
        add(&details, &el("p", "", Some(help)));
        add(&card, &details);
    }
    let options = el("div", "options", None);
    let option = |parent: &web_sys::Element, value: Answer, label: &str, class: &str| {
        let code = value.code();
        let id = format!("{qid}-{code}");
        let div = el("div", &format!("option {class}"), None);
        let input = el("input", "", None);
        attr(&input, "type", "radio");
        attr(&input, "id", &id);
        attr(&input, "name", qid);
        attr(&input, "value", &code);
        if answer == Some(value) {
            attr(&input, "checked", "");
        }
        let l = el("label", "", Some(label));
        attr(&l, "for", &id);
        add(&div, &input);
        add(&div, &l);
        add(parent, &div);
    };
    for (i, s) in q.answers.iter().enumerate() {
        option(&options, Answer::Level(i as u8 + 1), &s.text, "statement");
    }
    let other = el("div", "other", None);
    option(&other, Answer::DontKnow, &bank.model.dont_know, "aside");
    option(
        &other,
        Answer::NotApplicable,
        &bank.model.not_applicable,
        "aside",
    );
    add(&options, &other);
    add(&card, &options);
    let details = el("details", "note", None);
    if !note.is_empty() {
        attr(&details, "open", "");
    }
    let summary = el("summary", "", Some(tr(k::question::NOTE)));
    add(
        &summary,
        &el("span", "hint", Some(tr(k::question::NOTE_HINT))),
    );
    add(&details, &summary);
    let note_id = format!("{qid}-note");
    let label = el(
        "label",
        "sr-only",
        Some(&trf(k::question::NOTE_FOR, &[("question", &q.text)])),
    );
    attr(&label, "for", &note_id);
    add(&details, &label);
    let area = el("textarea", "", Some(note));
    attr(&area, "id", &note_id);
    attr(&area, "rows", "2");
    attr(&area, "maxlength", "2000");
    attr(&area, "data-question", qid);
    add(&details, &area);
    add(&card, &details);
    card
}

/// Shows a question's saved answer and note on its card.
fn show(qid: &str, answer: Option<Answer>, note: &str) {
    let Some(card) = document().get_element_by_id(&format!("q-{qid}")) else {
        return;
    };
    let _ = card
        .class_list()
        .toggle_with_force("answered", answer.is_some());
    let code = answer.map(Answer::code);
    if let Ok(inputs) = card.query_selector_all("input") {
        for i in 0..inputs.length() {
            if let Some(input) = inputs.item(i) {
                let input: web_sys::HtmlInputElement = input.unchecked_into();
                input.set_checked(code.as_deref() == Some(input.value().as_str()));
            }
        }
    }
    if let Some(area) = card
        .query_selector("textarea")
        .ok()
        .flatten()
        .map(|a| a.unchecked_into::<web_sys::HtmlTextAreaElement>())
    {
        // Not while it reads the same: the caret stays where the writer is.
        if area.value() != note {
            area.set_value(note);
        }
    }
}
