//! The start page: what bita is, starting a new assessment, and the saved ones.

use super::{browser, go, Ctx};
use crate::model::assessment::Place;
use crate::model::exchange;
use crate::model::store::Op;
use crate::model::{builtin, Action, Assessment, Perspective};
use crate::route::Route;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Downloads an assessment as the same JSON that storage holds.
pub fn export(a: &Assessment) {
    let stem: String = a
        .display_name()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    browser::download(
        &format!("bita-{}.json", stem.trim_matches('-')),
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
    view! {
        <section class="page home" aria-labelledby="home-title">
            <h1 id="home-title">"How well are IT and the business aligned?"</h1>
            <p class="lead">
                "Answer " {bank.question_count()} " questions about how your organisation defines IT services, creates value, "
                "sees its customers, delivers and earns trust, and which roles IT plays. Each question offers five statements, "
                "from least to most mature: pick the one that best describes your organisation today. "
                "It takes about " {minutes} " to " {minutes + 5} " minutes, and every answer is saved in this browser as you go."
            </p>
            // Starting is what most visitors come for: it leads, in view without scrolling.
            <StartForm/>
            <p>
                "Ask colleagues from IT and, from the business, managers who plan with IT and pay for its services to answer the same questions: "
                "where they see things differently is as telling as the scores themselves. "
                <a href="#/compare">"Compare assessments"</a>
                " side by side, pool a team's answers, or follow the trend."
            </p>
            {move || has_saved.get().then(super::saved_list_later)}
            <ImportFile/>
            <section aria-labelledby="dims-title">
                <h2 id="dims-title">"What the assessment covers"</h2>
                <ol class="dimensions">
                    {bank.dimensions.iter().map(|d| view! {
                        <li class="dimension">
                            <strong class="dimension-name">{d.name.clone()}</strong>
                            <span class="dimension-summary">{d.summary.clone()}</span>
                            <span class="count">{format!("{} questions", bank.active(d).count())}</span>
                        </li>
                    }).collect_view()}
                </ol>
            </section>
        </section>
    }
}

#[component]
fn StartForm() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    // No default: a business respondent who skims must not be saved as IT.
    let perspective = RwSignal::new(None::<Perspective>);
    let unchosen = RwSignal::new(false);
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(side) = perspective.get_untracked() else {
            unchosen.set(true);
            if let Ok(Some(first)) = document().query_selector("input[name=perspective]") {
                let _ = first.unchecked_into::<web_sys::HtmlElement>().focus();
            }
            return;
        };
        start_assessment(
            ctx,
            browser::new_id(),
            name.get_untracked().trim(),
            role.get_untracked().trim(),
            side,
        );
    };
    let choice = move |p: Perspective, label: &'static str, hint: &'static str| {
        view! {
            <label class="choice">
                <input
                    type="radio"
                    name="perspective"
                    value=p.as_str()
                    prop:checked=move || perspective.get() == Some(p)
                    on:change=move |_| {
                        perspective.set(Some(p));
                        unchosen.set(false);
                    }
                />
                <span><strong>{label}</strong>" " <span class="hint">{hint}</span></span>
            </label>
        }
    };
    view! {
        <form class="card start" on:submit=start aria-labelledby="start-title">
            <h2 id="start-title">"Start a new assessment"</h2>
            <label for="start-name">"Organisation or team " <span class="hint">"(optional)"</span></label>
            <input id="start-name" type="text" maxlength="200" autocomplete="organization"
                prop:value=move || name.get()
                on:input=move |ev| name.set(event_target_value(&ev)) />
            <fieldset role="radiogroup" aria-describedby="side-error" aria-invalid=move || unchosen.get().then_some("true")>
                <legend>"You answer from the point of view of"</legend>
                {choice(Perspective::It, "IT", "you work in or lead the IT organisation")}
                {choice(Perspective::Business, "The business", "you manage a part of the business that plans with IT and pays for its services")}
                <p id="side-error" class="field-error" role="alert">
                    {move || unchosen.get().then_some("Choose whether you answer for IT or for the business: the comparison depends on it.")}
                </p>
            </fieldset>
            <label for="start-role">"Your role " <span class="hint">"(optional, e.g. CIO, service owner, finance director)"</span></label>
            <input id="start-role" type="text" maxlength="200" autocomplete="organization-title"
                prop:value=move || role.get()
                on:input=move |ev| role.set(event_target_value(&ev)) />
            <button type="submit" class="primary">"Start the assessment"</button>
        </form>
    }
}

#[component]
pub fn SavedList() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let list = Memo::new(move |_| {
        ctx.store
            .with(|s| s.list().into_iter().cloned().collect::<Vec<_>>())
    });
    let export_all = move |csv: bool| {
        let all = list.get_untracked();
        let refs: Vec<&Assessment> = all.iter().collect();
        if csv {
            browser::download(
                "bita-assessments.csv",
                "text/csv",
                &exchange::export_csv(builtin(), &refs),
            );
        } else {
            browser::download(
                "bita-assessments.json",
                "application/json",
                &exchange::export_json(&refs),
            );
        }
    };
    view! {
        <Show when=move || list.with(|l| !l.is_empty())>
            <section aria-labelledby="saved-title">
                <h2 id="saved-title">"Saved assessments"</h2>
                <p class="meta">"A copied link holds the assessment's answers: whoever has the link can read them."</p>
                <ul class="saved">
                    // Rebuilt whole when the list changes: it is short, and a keyed <For> costs
                    // kilobytes of wasm per use.
                    {move || list.get().into_iter().map(|a| view! { <SavedItem a=a/> }).collect_view()}
                </ul>
                <p class="actions">
                    <button type="button" on:click=move |_| export_all(false)>"Export all (JSON)"</button>
                    <button type="button" on:click=move |_| export_all(true)>"Export all (CSV, for spreadsheets)"</button>
                    <button type="button" on:click=move |_| {
                        super::results::download_scores("bita-scores.csv", list.get_untracked());
                    }>"Export all scores (CSV)"</button>
                </p>
            </section>
        </Show>
    }
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
                Err(e) => Err(e),
                Ok(text) => {
                    match exchange::import(builtin(), &text) {
                        Ok(list) => {
                            let known = list
                                .iter()
                                .filter(|a| ctx.store.with_untracked(|s| s.record(&a.id).is_some()))
                                .count();
                            let n = list.len();
                            ctx.dispatch(Op::Import(list));
                            Ok(format!(
                                "Imported {n} assessment{}{}.",
                                if n == 1 { "" } else { "s" },
                                if known > 0 {
                                    format!(", {known} merged answer by answer with the copy already here")
                                } else {
                                    String::new()
                                }
                            ))
                        }
                        Err(e) => Err(format!("{e} Nothing was imported.")),
                    }
                }
            };
            status.try_set(Some(result));
        });
    };
    view! {
        <section aria-labelledby="import-title" class="import">
            <h2 id="import-title">"Import"</h2>
            <label for="import-file">"Import assessments from an exported file (.json)"</label>
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

#[component]
fn SavedItem(a: Assessment) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let bank = builtin();
    let renaming = RwSignal::new(false);
    let draft = RwSignal::new(a.name.clone());
    let id = a.id.clone();
    let answered = a.answered(bank);
    let total = a.asked(bank);
    let name = a.display_name().to_string();
    let open_route = Route::Resume { id: id.clone() };
    let (rid, did) = (id.clone(), id.clone());
    let copy = a.clone();
    let export_copy = a.clone();
    let share_copy = a.clone();
    let label_id = format!("saved-{id}");
    view! {
        <li class="saved-item">
            <div class="saved-main">
                <a id=label_id.clone() href=open_route.href() class="saved-name">{name.clone()}</a>
                <span class="meta">
                    {a.perspective.label()} " view"
                    {(!a.role.is_empty()).then(|| format!(" · {}", a.role))}
                    " · " {answered} " of " {total} " answered · last changed "
                    <time>{browser::date_time(a.updated)}</time>
                </span>
            </div>
            <Show
                when=move || renaming.get()
                fallback=move || {
                    let (did, copy, export_copy) = (did.clone(), copy.clone(), export_copy.clone());
                    let name = name.clone();
                    view! {
                        <div class="actions">
                            <button type="button" on:click=move |_| renaming.set(true)
                                aria-label=format!("Rename {name}")>"Rename"</button>
                            <button type="button" on:click=move |_| {
                                ctx.dispatch(Op::Duplicate {
                                    from: copy.id.clone(),
                                    id: browser::new_id(),
                                    name: format!("Copy of {}", copy.display_name()),
                                });
                            }>"Duplicate"</button>
                            <button type="button" on:click=move |_| export(&export_copy)>"Export"</button>
                            <super::share_button::ShareLink assessment=Signal::derive({ let a = share_copy.clone(); move || Some(a.clone()) }) compact=name.clone()/>
                            <button type="button" class="danger" on:click={
                                let did = did.clone();
                                move |_| ctx.dispatch(Op::Delete { id: did.clone() })
                            }>"Delete"</button>
                        </div>
                    }
                }
            >
                {
                    let rid = rid.clone();
                    view! {
                        <form class="actions" on:submit=move |ev: leptos::ev::SubmitEvent| {
                            ev.prevent_default();
                            ctx.edit(&rid, vec![Action::Rename(draft.get_untracked().trim().to_string())]);
                            renaming.set(false);
                        }>
                            <label class="sr-only" for="rename-input">"New name"</label>
                            <input id="rename-input" type="text" maxlength="200" autofocus
                                prop:value=move || draft.get()
                                on:input=move |ev| draft.set(event_target_value(&ev)) />
                            <button type="submit">"Save name"</button>
                            <button type="button" class="quiet" on:click=move |_| renaming.set(false)>"Cancel"</button>
                        </form>
                    }
                }
            </Show>
        </li>
    }
}
