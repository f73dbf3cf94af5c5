//! The start page's list of saved assessments, with their exports, share links and renaming: a
//! chunk of its own, fetched only when there is something to list (see `pages`).

use super::home::export;
use super::words::{tr, trf, trn};
use super::{browser, Ctx};
use crate::model::keys as k;
use crate::model::store::Op;
use crate::model::{builtin, exchange, Action, Assessment};
use crate::route::Route;
use leptos::prelude::*;

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
                &exchange::export_all(&refs, &super::local_store::stored_catalogues()),
            );
        }
    };
    view! {
        <Show when=move || list.with(|l| !l.is_empty())>
            <section aria-labelledby="saved-title">
                <h2 id="saved-title">{tr(k::saved::TITLE)}</h2>
                <p class="meta">{tr(k::saved::LINK_WARNING)}</p>
                <ul class="saved">
                    // Rebuilt whole when the list changes: it is short, and a keyed <For> costs
                    // kilobytes of wasm per use.
                    {move || list.get().into_iter().map(|a| view! { <SavedItem a=a/> }).collect_view()}
                </ul>
                <p class="actions">
                    <button type="button" on:click=move |_| export_all(false)>{tr(k::saved::EXPORT_JSON)}</button>
                    <button type="button" on:click=move |_| export_all(true)>{tr(k::saved::EXPORT_CSV)}</button>
                    <button type="button" on:click=move |_| {
                        super::results::download_scores("bita-scores.csv", list.get_untracked());
                    }>{tr(k::saved::EXPORT_SCORES)}</button>
                </p>
            </section>
        </Show>
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
                    {trf(k::side::VIEW, &[("side", a.perspective.label())])}
                    {(!a.role.is_empty()).then(|| trf(k::saved::ROLE, &[("role", &a.role)]))}
                    {trf(k::saved::ANSWERED, &[("answered", &answered.to_string()), ("total", &total.to_string())])}
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
                                aria-label=trf(k::saved::RENAME_LABEL, &[("name", &name)])>{tr(k::saved::RENAME)}</button>
                            <button type="button" on:click=move |_| {
                                ctx.dispatch(Op::Duplicate {
                                    from: copy.id.clone(),
                                    id: browser::new_id(),
                                    name: trf(k::saved::COPY_OF, &[("name", copy.display_name())]),
                                });
                            }>{tr(k::saved::DUPLICATE)}</button>
                            <button type="button" on:click=move |_| export(&export_copy)>{tr(k::saved::EXPORT)}</button>
                            <super::share_button::ShareLink assessment=Signal::derive({ let a = share_copy.clone(); move || Some(a.clone()) }) compact=name.clone()/>
                            <button type="button" class="danger" on:click={
                                let did = did.clone();
                                move |_| ctx.dispatch(Op::Delete { id: did.clone() })
                            }>{tr(k::saved::DELETE)}</button>
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
                            <label class="sr-only" for="rename-input">{tr(k::saved::NEW_NAME)}</label>
                            <input id="rename-input" type="text" maxlength="200" autofocus
                                prop:value=move || draft.get()
                                on:input=move |ev| draft.set(event_target_value(&ev)) />
                            <button type="submit">{tr(k::saved::SAVE_NAME)}</button>
                            <button type="button" class="quiet" on:click=move |_| renaming.set(false)>{tr(k::saved::CANCEL)}</button>
                        </form>
                    }
                }
            </Show>
        </li>
    }
}

/// Reads an export file and saves what it holds: the assessments and the service catalogues, each
/// checked before anything is saved (a wrong one changes nothing and says why).
pub async fn import(ctx: Ctx, text: String) -> Result<String, String> {
    let refused = |e: String| trf(k::saved::NOTHING_IMPORTED, &[("error", &e)]);
    let list = exchange::import(builtin(), &text).map_err(|e| refused(e.to_string()))?;
    // The catalogues' code is the check's chunk, fetched only for a file that holds some.
    let catalogues = if exchange::holds_catalogues(&text) {
        super::pages::import_catalogues(text)
            .await
            .map_err(refused)?
    } else {
        0
    };
    let known = list
        .iter()
        .filter(|a| ctx.store.with_untracked(|s| s.record(&a.id).is_some()))
        .count();
    let n = list.len();
    ctx.dispatch(Op::Import(list));
    let catalogues = match catalogues {
        0 => String::new(),
        c => trn(c, k::saved::CATALOGUES_ONE, k::saved::CATALOGUES_OTHER, &[]),
    };
    if n == 0 {
        return Ok(trf(
            k::saved::IMPORTED_CATALOGUES,
            &[("catalogues", &catalogues)],
        ));
    }
    let merged = if known > 0 {
        trf(k::saved::MERGED, &[("n", &known.to_string())])
    } else {
        String::new()
    };
    let catalogues = if catalogues.is_empty() {
        catalogues
    } else {
        trf(k::saved::AND_CATALOGUES, &[("catalogues", &catalogues)])
    };
    Ok(trn(
        n,
        k::saved::IMPORTED_ONE,
        k::saved::IMPORTED_OTHER,
        &[("merged", &merged), ("catalogues", &catalogues)],
    ))
}
