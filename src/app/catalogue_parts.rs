//! The parts of one catalogue on the catalogue check's page: adding entries (pasted or from a CSV
//! file, with a column picker), the summary, the entries with their class, reason and business
//! service, the services the reader names, and the draft catalogue with its downloads.

use super::browser;
use super::catalogue::{delete, export, Shelved};
use super::catalogue_table::{classified, sync_service_options, EntryRow, RowView};
use super::words::{tr, trf, trn};
use crate::model::catalogue::Lexicon;
use crate::model::catalogue_page as page;
use crate::model::catalogue_record::{Catalogue, Stamped};
use crate::model::exchange;
use crate::model::keys as k;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn OneCatalogue(id: String, lex: &'static Lexicon, shelved: Shelved) -> impl IntoView {
    let id = StoredValue::new(id);
    let cat = Memo::new(move |_| id.with_value(|id| shelved.get(id)));
    let Some(first) = cat.get_untracked() else {
        return view! {
            <section aria-labelledby="one-title">
                <h2 id="one-title">{tr(k::catalogue::NOT_FOUND)}</h2>
                <p>{tr(k::catalogue::NOT_FOUND_LEAD)}</p>
            </section>
        }
        .into_any();
    };
    let edit = move |change: Edit| {
        id.with_value(|id| shelved.edit(id, change));
    };
    let services = Memo::new(move |_| {
        cat.with(|c| {
            c.iter()
                .flat_map(|c| c.live_services())
                .map(|s| (s.id.clone(), s.name.value.clone()))
                .collect::<Vec<_>>()
        })
    });
    let rows = Memo::new(move |_| {
        cat.with(|c| {
            let Some(c) = c else { return Vec::new() };
            classified(lex, c)
                .iter()
                .map(|r| RowView {
                    key: r.entry.key(),
                    name: r.entry.name.clone(),
                    description: r.entry.description.clone(),
                    class: r.class,
                    reason: r.reason(),
                    service: c.service_of(r.entry).map(|s| s.id.clone()),
                })
                .collect::<Vec<_>>()
        })
    });
    // A service named or removed changes every row's list of services in place: rebuilding
    // 2,000 rows for it took seconds.
    Effect::new(move |before: Option<()>| {
        let list = services.get();
        if before.is_none() {
            return;
        }
        sync_service_options(&list);
    });
    let rename = move |ev: leptos::ev::Event| {
        let name = event_target_value(&ev);
        if !name.trim().is_empty() {
            edit(Box::new(move |c, at| {
                c.name = Stamped {
                    value: name.trim().to_string(),
                    at,
                }
            }));
        }
    };
    let set_own = move |ev: leptos::ev::Event| {
        let own = event_target_value(&ev);
        edit(Box::new(move |c, at| c.own = Stamped { value: own, at }));
    };
    let summary = move || {
        cat.with(|c| {
            let c = c.as_ref()?;
            let rows = classified(lex, c);
            let (sentence, patterns) = page::summary(&rows);
            Some(view! {
                <p>{sentence}</p>
                <ul>{patterns.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            })
        })
    };
    let confirm = RwSignal::new(false);
    let first_name = first.name.value.clone();
    // Opened (not come back to): the catalogue, where its next step is, not the page's
    // introduction, which a phone shows for a whole screen above it.
    if !browser::returning() {
        request_animation_frame(|| {
            if let Some(h) = document().get_element_by_id("one-title") {
                let _ = h.set_attribute("tabindex", "-1");
                h.scroll_into_view();
                let _ = h.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
    }
    let download_csv = move |_| {
        cat.with_untracked(|c| {
            if let Some(c) = c {
                let csv = page::draft_csv(c, &classified(lex, c));
                let name = match c.name.value.trim() {
                    "" => tr(k::catalogue::DEFAULT_NAME),
                    name => name,
                };
                // A byte-order mark, so spreadsheet programs read the text as UTF-8.
                browser::download(
                    &exchange::file_name(
                        &trf(k::catalogue::DRAFT_FILE, &[("name", name)]),
                        "catalogue",
                        "csv",
                    ),
                    "text/csv",
                    &format!("\u{feff}{csv}"),
                );
            }
        })
    };
    view! {
        <section aria-labelledby="one-title">
            <h2 id="one-title">{move || cat.with(|c| c.as_ref().map(|c| c.name.value.clone())).unwrap_or_else(|| first_name.clone())}</h2>
            {move || cat.with(Option::is_none).then(|| view! {
                <p class="notice error" role="alert">{tr(k::catalogue::DELETED)}</p>
            })}
            <p>
                <label for="catalogue-name">{tr(k::catalogue::NAME_LABEL)}</label>
                <input id="catalogue-name" type="text" maxlength="200" prop:value=first.name.value.clone() on:change=rename/>
            </p>
            <super::catalogue_input::AddEntries lex=lex edit=edit/>
            <p>
                <label for="catalogue-own">{tr(k::catalogue::OWN_LABEL)}</label>
                <input id="catalogue-own" type="text" aria-describedby="catalogue-own-help" prop:value=first.own.value.clone() on:change=set_own/>
                <span id="catalogue-own-help" class="meta">{tr(k::catalogue::OWN_HELP)}</span>
            </p>
        </section>
        <section aria-labelledby="summary-title">
            <h2 id="summary-title">{tr(k::catalogue::SUMMARY_TITLE)}</h2>
            {summary}
        </section>
        <section aria-labelledby="entries-title">
            <h2 id="entries-title">{tr(k::catalogue::ENTRIES_TITLE)}</h2>
            <p class="meta">{tr(k::catalogue::ENTRIES_LEAD)}</p>
            <div class="table-wrap">
                <table class="entries">
                    <thead><tr>
                        <th scope="col">{tr(k::catalogue::COLUMN_ENTRY)}</th>
                        <th scope="col">{tr(k::catalogue::COLUMN_NAMED)}</th>
                        <th scope="col">{tr(k::catalogue::COLUMN_REASON)}</th>
                        <th scope="col">{tr(k::catalogue::COLUMN_SERVICE)}</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || rows.get() key=|r| r.clone() let:row>
                            <EntryRow row=row services=services edit=edit/>
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
        <Services services=services edit=edit/>
        <section aria-labelledby="draft-title">
            <h2 id="draft-title">{tr(k::catalogue::DRAFT_TITLE)}</h2>
            {move || draft(lex, cat)}
            <h3>{tr(k::catalogue::NEEDS_TITLE)}</h3>
            <p class="meta">{tr(k::catalogue::NEEDS_LEAD)}</p>
            <ul>{page::CHECKLIST.iter().map(|t| view! { <li>{tr(*t)}</li> }).collect_view()}</ul>
            <p class="actions">
                <button type="button" on:click=download_csv>{tr(k::catalogue::DOWNLOAD_DRAFT)}</button>
                <button type="button" on:click=move |_| cat.with_untracked(|c| if let Some(c) = c {
                    export(std::slice::from_ref(c), &exchange::file_name(&c.name.value, "catalogue", "json"));
                })>{tr(k::catalogue::EXPORT_ONE)}</button>
                <button type="button" on:click=move |_| confirm.set(true)>{tr(k::catalogue::DELETE)}</button>
            </p>
            <Show when=move || confirm.get()>
                <div class="notice" role="alert">
                    <p>{tr(k::catalogue::DELETE_CONFIRM)}</p>
                    <button type="button" on:click=move |_| id.with_value(|id| delete(shelved, id))>{tr(k::catalogue::DELETE_YES)}</button>
                    <button type="button" on:click=move |_| confirm.set(false)>{tr(k::catalogue::DELETE_NO)}</button>
                </div>
            </Show>
        </section>
    }
    .into_any()
}

pub type Edit = Box<dyn FnOnce(&mut Catalogue, crate::model::assessment::Stamp)>;

/// The business services the reader names, to regroup the entries under.
#[component]
fn Services(
    services: Memo<Vec<(String, String)>>,
    edit: impl Fn(Edit) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let status = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(field) = input.get_untracked() else {
            return;
        };
        let name = field.value();
        if name.trim().is_empty() {
            status.set(tr(k::catalogue::SERVICE_FIRST).into());
            return;
        }
        field.set_value("");
        let said = trf(k::catalogue::SERVICE_ADDED, &[("name", name.trim())]);
        edit(Box::new(move |c, at| {
            c.add_service(&name, at);
        }));
        status.set(said);
    };
    view! {
        <section aria-labelledby="services-title">
            <h2 id="services-title">{tr(k::catalogue::SERVICES_TITLE)}</h2>
            <p class="meta">{tr(k::catalogue::SERVICES_LEAD)}</p>
            <form class="inline-form" on:submit=add>
                <label for="service-new">{tr(k::catalogue::SERVICE_LABEL)}</label>
                <input id="service-new" type="text" maxlength="200" node_ref=input/>
                <button type="submit">{tr(k::catalogue::SERVICE_BUTTON)}</button>
            </form>
            <p role="status">{move || status.get()}</p>
            <ul>
                <For each=move || services.get() key=|s| s.clone() let:s>
                    <li>
                        {s.1.clone()}" "
                        <button type="button" aria-label=trf(k::catalogue::SERVICE_REMOVE_LABEL, &[("name", &s.1)]) on:click=move |_| {
                            let id = s.0.clone();
                            edit(Box::new(move |c, at| c.remove_service(&id, at)));
                            status.set(trf(k::catalogue::SERVICE_REMOVED, &[("name", &s.1)]));
                        }>{tr(k::catalogue::REMOVE)}</button>
                    </li>
                </For>
            </ul>
        </section>
    }
}

/// The draft catalogue: each service with what it depends on and what it still needs.
fn draft(lex: &'static Lexicon, cat: Memo<Option<Catalogue>>) -> impl IntoView {
    cat.with(|c| {
        let c = c.as_ref()?;
        let rows = classified(lex, c);
        let (services, rest) = page::draft(c, &rows);
        let rest = rest.len();
        let services = services
            .into_iter()
            .map(|s| {
                let parts = s
                    .parts
                    .iter()
                    .map(|r| {
                        let class = page::label(r.class).to_lowercase();
                        view! { <li>{trf(k::catalogue::PART_OF, &[("name", &r.entry.name), ("class", &class)])}</li> }
                    })
                    .collect_view();
                view! {
                    <article class="draft-service">
                        <h3>{s.name.to_string()}</h3>
                        <p>{tr(if s.parts.is_empty() { k::catalogue::NO_PARTS } else { k::catalogue::DEPENDS })}</p>
                        <ul>{parts}</ul>
                    </article>
                }
            })
            .collect_view();
        Some(view! {
            {(rows.is_empty()).then_some(view! { <p>{tr(k::catalogue::ADD_FIRST)}</p> })}
            {services}
            <p>{match rest {
                0 => tr(k::catalogue::REST_NONE).to_string(),
                n => trn(n, k::catalogue::REST_ONE, k::catalogue::REST_OTHER, &[]),
            }}</p>
        })
    })
}
