//! The start page: what bita is, starting a new assessment, and the saved ones.

use super::dom::{add, attr, el, listen, target, StaticElement};
use super::words::{tr, trf};
use super::{browser, go, Ctx};
use crate::model::assessment::Place;
use crate::model::exchange;
use crate::model::keys as k;
use crate::model::store::Op;
use crate::model::{builtin, Action, Assessment, Perspective};
use crate::route::Route;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Downloads an assessment as the same JSON that storage holds.
pub fn export(a: &Assessment) {
    browser::download(
        &exchange::file_name(a.display_name(), "assessment", "json"),
        "application/json",
        &crate::model::storage::encode(a),
    );
}

/// Saves a copy of an assessment that is nobody's yet (a link's, a team's median) and opens its
/// report.
pub fn save_copy(ctx: Ctx, a: &Assessment) {
    let mut copy = a.clone();
    copy.id = browser::new_id();
    let id = copy.id.clone();
    ctx.dispatch(Op::Import(vec![copy]));
    go(&Route::Results { id });
}

/// Starts an assessment under `id` and opens its first page.
pub fn start_assessment(ctx: Ctx, id: String, name: &str, role: &str, side: Perspective) {
    let first = builtin().dimensions[0].id.clone();
    // The route first: the new page then replaces this one before the start page's list of saved
    // assessments, which the new record would show, asks for its chunk on the way out.
    go(&Route::Dimension {
        id: id.clone(),
        dimension: first.clone(),
        question: None,
    });
    ctx.dispatch(Op::Start {
        id,
        setup: vec![
            Action::Rename(name.to_string()),
            Action::SetRole(role.to_string()),
            Action::SetPerspective(side),
            Action::Visit(Place::Dimension {
                dimension: first,
                question: None,
            }),
        ],
    });
}

#[component]
pub fn Home() -> impl IntoView {
    request_animation_frame(browser::show_page);
    let ctx = expect_context::<Ctx>();
    // Its code is a chunk of its own, fetched only when there is something to list.
    let has_saved = Memo::new(move |_| ctx.store.with(|s| !s.list().is_empty()));
    let bank = builtin();
    let minutes = bank.question_count() * 25 / 60;
    // Built with DOM calls, not `view!`s (see the levers in docs/size-and-speed.md): only the
    // list of saved assessments and the import's status change.
    let title = el("h1", "", Some(tr(k::home::TITLE)));
    attr(&title, "id", "home-title");
    let lead = el(
        "p",
        "lead",
        Some(&trf(
            k::home::LEAD,
            &[
                ("questions", &bank.question_count().to_string()),
                ("least", &minutes.to_string()),
                ("most", &(minutes + 5).to_string()),
            ],
        )),
    );
    let ask = el("p", "", Some(tr(k::home::ASK)));
    let compare = el("a", "", Some(tr(k::home::COMPARE)));
    attr(&compare, "href", "#/compare");
    add(&ask, &compare);
    let _ = ask.append_with_str_1(tr(k::home::COMPARE_AFTER));
    let check = el("a", "", Some(tr(k::home::CATALOGUE)));
    attr(&check, "href", "#/catalogue");
    add(&ask, &check);
    let _ = ask.append_with_str_1(tr(k::home::CATALOGUE_AFTER));
    let covers = el("section", "", None);
    attr(&covers, "aria-labelledby", "dims-title");
    let h = el("h2", "", Some(tr(k::home::COVERS)));
    attr(&h, "id", "dims-title");
    add(&covers, &h);
    let list = el("ol", "dimensions", None);
    for d in &bank.dimensions {
        let li = el("li", "dimension", None);
        add(&li, &el("strong", "dimension-name", Some(&d.name)));
        add(&li, &el("span", "dimension-summary", Some(&d.summary)));
        let count = trf(
            k::home::QUESTIONS,
            &[("n", &bank.active(d).count().to_string())],
        );
        add(&li, &el("span", "count", Some(&count)));
        add(&list, &li);
    }
    add(&covers, &list);
    let [title, lead, ask, covers] = [title, lead, ask, covers].map(StaticElement::view);
    view! {
        <section class="page home" aria-labelledby="home-title">
            {title}
            {lead}
            // Starting is what most visitors come for: it leads, in view without scrolling.
            {start_form(ctx)}
            {ask}
            {move || has_saved.get().then(super::saved_list_later)}
            <ImportFile/>
            {covers}
        </section>
    }
}

/// The start form: a name, the side answered for (no default: a business respondent who skims
/// must not be saved as IT) and a role. Read when submitted.
fn start_form(ctx: Ctx) -> AnyView {
    let form = el("form", "card start", None);
    attr(&form, "aria-labelledby", "start-title");
    let h = el("h2", "", Some(tr(k::start::TITLE)));
    attr(&h, "id", "start-title");
    add(&form, &h);
    let field = |id: &str, label: &str, hint: &str, autocomplete: &str| {
        let l = el("label", "", Some(label));
        attr(&l, "for", id);
        add(&l, &el("span", "hint", Some(hint)));
        let input = el("input", "", None);
        for (k, v) in [
            ("id", id),
            ("type", "text"),
            ("maxlength", "200"),
            ("autocomplete", autocomplete),
        ] {
            attr(&input, k, v);
        }
        add(&form, &l);
        add(&form, &input);
    };
    field(
        "start-name",
        tr(k::start::NAME),
        tr(k::start::NAME_HINT),
        "organization",
    );
    let sides = el("fieldset", "", None);
    attr(&sides, "role", "radiogroup");
    attr(&sides, "aria-describedby", "side-error");
    add(&sides, &el("legend", "", Some(tr(k::start::SIDE))));
    for (p, hint) in [
        (Perspective::It, tr(k::start::IT_HINT)),
        (Perspective::Business, tr(k::start::BUSINESS_HINT)),
    ] {
        let choice = el("label", "choice", None);
        let input = el("input", "", None);
        attr(&input, "type", "radio");
        attr(&input, "name", "perspective");
        attr(&input, "value", p.as_str());
        let words = el("span", "", None);
        add(&words, &el("strong", "", Some(p.label())));
        let _ = words.append_with_str_1(" ");
        add(&words, &el("span", "hint", Some(hint)));
        add(&choice, &input);
        add(&choice, &words);
        add(&sides, &choice);
    }
    let error = el("p", "field-error", None);
    attr(&error, "id", "side-error");
    attr(&error, "role", "alert");
    add(&sides, &error);
    add(&form, &sides);
    field(
        "start-role",
        tr(k::start::ROLE),
        tr(k::start::ROLE_HINT),
        "organization-title",
    );
    let button = el("button", "primary", Some(tr(k::start::BUTTON)));
    attr(&button, "type", "submit");
    add(&form, &button);
    let said = move |wrong: bool| {
        if wrong {
            attr(&sides, "aria-invalid", "true");
        } else {
            let _ = sides.remove_attribute("aria-invalid");
        }
        error.set_text_content(wrong.then_some(tr(k::start::NO_SIDE)));
    };
    let unsaid = said.clone();
    // Choosing a side answers the alert; typing a name does not.
    listen(&form, "change", move |ev| {
        let side =
            target::<web_sys::HtmlInputElement>(&ev).is_some_and(|i| i.name() == "perspective");
        if side {
            unsaid(false);
        }
    });
    let fields = form.clone();
    listen(&form, "submit", move |ev| {
        ev.prevent_default();
        let value = |selector: &str| {
            fields
                .query_selector(selector)
                .ok()
                .flatten()
                .map(|i| i.unchecked_into::<web_sys::HtmlInputElement>().value())
        };
        let side = value("input[name=perspective]:checked").and_then(|v| {
            [Perspective::It, Perspective::Business]
                .into_iter()
                .find(|p| p.as_str() == v)
        });
        let Some(side) = side else {
            said(true);
            if let Ok(Some(first)) = fields.query_selector("input[name=perspective]") {
                let _ = first.unchecked_into::<web_sys::HtmlElement>().focus();
            }
            return;
        };
        start_assessment(
            ctx,
            browser::new_id(),
            value("#start-name").unwrap_or_default().trim(),
            value("#start-role").unwrap_or_default().trim(),
            side,
        );
    });
    StaticElement::view(form)
}

/// Imports assessments from an export file; a wrong file changes nothing and says why.
#[component]
fn ImportFile() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let status = RwSignal::new(None::<Result<String, String>>);
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let text = browser::read_file(file, exchange::MAX_IMPORT_BYTES).await;
            let result = match text {
                Ok(text) => super::pages::import_file(ctx, text).await,
                Err(e) => Err(e),
            };
            status.try_set(Some(result));
        });
    };
    view! {
        <section aria-labelledby="import-title" class="import">
            <h2 id="import-title">{tr(k::import::TITLE)}</h2>
            <label for="import-file">{tr(k::import::LABEL)}</label>
            <input type="file" id="import-file" accept=".json,application/json" on:change=on_file />
            <div role="status">
                {move || status.get().map(|r| match r {
                    Ok(m) => view! { <p class="ok">{m}</p> }.into_any(),
                    Err(m) => view! { <p class="notice error">{m}</p> }.into_any(),
                })}
            </div>
        </section>
    }
}
