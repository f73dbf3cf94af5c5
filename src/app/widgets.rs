//! Widgets of the assessment pages: progress, the dimension navigation, the assessment bar and
//! the question card.

use super::Ctx;
use crate::model::assessment::Place;
use crate::model::{builtin, Action, Answer, Question};
use crate::route::Route;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
/// Answered of total, overall, with an accessible name and value.
#[component]
pub fn Progress() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let bank = builtin();
    let total = Memo::new(move |_| {
        ctx.current
            .with(|c| c.as_ref().map_or(0, |a| a.asked(bank)))
    });
    let answered = Memo::new(move |_| {
        ctx.current
            .with(|c| c.as_ref().map_or(0, |a| a.answered(bank)))
    });
    view! {
        <div class="progress">
            <progress id="progress" max=move || total.get() value=move || answered.get() aria-label="Questions answered"
                aria-valuetext=move || format!("{} of {} questions answered", answered.get(), total.get())></progress>
            <span class="progress-text">{move || answered.get()} " of " {move || total.get()} " answered"</span>
        </div>
    }
}

/// Links to every dimension with its own progress, and to the review.
#[component]
pub fn DimensionNav(#[prop(into)] active: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let bank = builtin();
    let Some(id) = ctx
        .current
        .with_untracked(|c| c.as_ref().map(|a| a.id.clone()))
    else {
        return ().into_any();
    };
    let review = Route::Review { id: id.clone() }.href();
    let on_review = active == "review";
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
            || "Review and results".to_string(),
            |i| {
                format!(
                    "{} ({} of {})",
                    bank.dimensions[i].name,
                    i + 1,
                    bank.dimensions.len()
                )
            },
        );
    view! {
        <details class="dimnav" open=wide>
        <summary>"All dimensions" <span class="here-name">{format!(" · now: {here_name}")}</span></summary>
        <nav aria-label="Dimensions">
            <ol>
                {bank.dimensions.iter().map(|d| {
                    let href = Route::Dimension { id: id.clone(), dimension: d.id.clone(), question: None }.href();
                    let here = d.id == active;
                    let side = ctx.current.with_untracked(|c| c.as_ref().map(|a| a.perspective).unwrap_or_default());
                    let total = bank.asked(d, side).count();
                    let done = Memo::new(move |_| ctx.current.with(|c| c.as_ref().map_or(0, |a| a.answered_in(bank, d))));
                    view! {
                        <li class:here=here>
                            <a href=href aria-current=here.then_some("page")>
                                <span class="nav-name">{d.name.clone()}</span>
                                <span class="nav-count">{move || done.get()} "/" {total}</span>
                            </a>
                        </li>
                    }
                }).collect_view()}
                <li class:here=on_review>
                    <a href=review aria-current=on_review.then_some("page")>"Review and results"</a>
                </li>
            </ol>
        </nav>
        </details>
    }
    .into_any()
}

/// The open assessment's name, perspective, progress and export.
#[component]
pub fn AssessmentBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let name = move || {
        ctx.current.with(|c| {
            c.as_ref()
                .map(|a| a.display_name().to_string())
                .unwrap_or_default()
        })
    };
    let view_of = move || {
        ctx.current.with(|c| {
            c.as_ref()
                .map(|a| a.perspective.label())
                .unwrap_or_default()
        })
    };
    view! {
        <div class="bar">
            <div class="bar-title">
                <span class="bar-name">{name}</span>
                <span class="meta">{view_of} " view"</span>
            </div>
            <Progress/>
            {move || {
                let n = ctx.current.with(|c| c.as_ref().map_or(0, |a| a.retired_answers(builtin())));
                (n > 0).then(|| {
                    let text = crate::model::report_texts::fill(
                        crate::model::texts().label("retired"),
                        &[("count", &n.to_string())],
                    );
                    view! { <p class="meta retired-note">{text}</p> }
                })
            }}
            <button type="button" class="quiet" on:click=move |_| {
                if let Some(a) = ctx.current.get_untracked() {
                    super::home::export(&a);
                }
            }>"Export"</button>
        </div>
    }
}

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

/// One question as an accessible radio group: five statements, "Don't know", "Not applicable",
/// optional help and an evidence note. Only this card reacts when its own answer changes.
#[component]
pub fn QuestionCard(q: &'static Question) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let bank = builtin();
    let qid = q.id.as_str();
    let chosen = Memo::new(move |_| {
        ctx.current
            .with(|c| c.as_ref().and_then(|a| a.answers.get(qid).copied()))
    });
    let note = Memo::new(move |_| {
        ctx.current.with(|c| {
            c.as_ref()
                .and_then(|a| a.notes.get(qid).cloned())
                .unwrap_or_default()
        })
    });
    let dimension = bank
        .question(qid)
        .map(|(d, _)| d.id.as_str())
        .unwrap_or_default();
    // The answer and the place to resume at are saved together, in one write.
    let choose = move |answer: Answer| {
        ctx.edit_current(vec![
            Action::Answer {
                question: qid.to_string(),
                answer: Some(answer),
            },
            Action::Visit(Place::Dimension {
                dimension: dimension.to_string(),
                question: Some(qid.to_string()),
            }),
        ]);
        // What the report needs, while the respondent works: it rarely waits for it then. Once
        // idle: fetching it first would delay saving this answer.
        super::echarts::prefetch_when_idle();
        let load = move || ctx.load_report();
        if !super::browser::when_idle(load) {
            load();
        }
    };
    // One listener and one effect for the card's seven options, not seven of each: a dimension
    // page is built as the respondent waits (the first after a tap on "Start").
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(answer) = Answer::from_code(&input.value()) {
            choose(answer);
        }
    };
    let options = NodeRef::<leptos::html::Div>::new();
    let initial = chosen.get_untracked();
    Effect::new(move |built: Option<()>| {
        let now = chosen.get();
        // The options are built checked as `initial` says: the first run has nothing to do unless
        // the answer changed since.
        if built.is_none() && now == initial {
            return;
        }
        let now = now.map(Answer::code);
        let Some(div) = options.get_untracked() else {
            return;
        };
        let Ok(inputs) = div.query_selector_all("input") else {
            return;
        };
        for i in 0..inputs.length() {
            if let Some(input) = inputs.item(i) {
                let input: web_sys::HtmlInputElement = input.unchecked_into();
                input.set_checked(now.as_deref() == Some(input.value().as_str()));
            }
        }
    });
    let option = move |answer: Answer, label: String, class: &'static str| {
        let input_id = format!("{qid}-{}", answer.code());
        view! {
            <div class=format!("option {class}")>
                <input type="radio" id=input_id.clone() name=qid value=answer.code()
                    prop:checked=initial == Some(answer) />
                <label for=input_id>{label}</label>
            </div>
        }
    };
    let legend_id = format!("q-{qid}-legend");
    let note_id = format!("{qid}-note");
    view! {
        <fieldset class="question" id=format!("q-{qid}") class:answered=move || chosen.get().is_some()>
            <legend id=legend_id>{q.text.clone()}</legend>
            {q.help.clone().map(|h| view! {
                <details class="help"><summary>"More about this question"</summary><p>{h}</p></details>
            })}
            <div class="options" node_ref=options on:change=on_change>
                {q.answers.iter().enumerate().map(|(i, s)| option(Answer::Level(i as u8 + 1), s.text.clone(), "statement")).collect_view()}
                <div class="other">
                    {option(Answer::DontKnow, bank.model.dont_know.clone(), "aside")}
                    {option(Answer::NotApplicable, bank.model.not_applicable.clone(), "aside")}
                </div>
            </div>
            <details class="note" open=!note.get_untracked().is_empty()>
                <summary>"Evidence note " <span class="hint">"(optional)"</span></summary>
                <label class="sr-only" for=note_id.clone()>{format!("Evidence note for: {}", q.text)}</label>
                <textarea id=note_id rows="2" maxlength="2000"
                    prop:value=move || note.get()
                    on:input=move |ev| ctx.edit_current(vec![Action::Note { question: qid.to_string(), text: event_target_value(&ev) }])
                ></textarea>
            </details>
        </fieldset>
    }
}
