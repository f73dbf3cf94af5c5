//! The parts of one catalogue on the catalogue check's page: adding entries (pasted or from a CSV
//! file, with a column picker), the summary, the entries with their class, reason and business
//! service, the services the reader names, and the draft catalogue with its downloads.

use super::browser;
use super::catalogue::{delete, export, Shelved};
use super::catalogue_table::{classified, sync_service_options, EntryRow, RowView};
use crate::model::catalogue::Lexicon;
use crate::model::catalogue_page as page;
use crate::model::catalogue_record::{Catalogue, Stamped};
use crate::model::exchange;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn OneCatalogue(id: String, lex: &'static Lexicon, shelved: Shelved) -> impl IntoView {
    let id = StoredValue::new(id);
    let cat = Memo::new(move |_| id.with_value(|id| shelved.get(id)));
    let Some(first) = cat.get_untracked() else {
        return view! {
            <section aria-labelledby="one-title">
                <h2 id="one-title">"Catalogue not found"</h2>
                <p>"There is no catalogue with this address in this browser. Catalogues are saved only in the browser where they were made."</p>
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
                    "" => "catalogue",
                    name => name,
                };
                // A byte-order mark, so spreadsheet programs read the text as UTF-8.
                browser::download(
                    &exchange::file_name(&format!("{name} draft"), "catalogue", "csv"),
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
                <p class="notice error" role="alert">"This catalogue has been deleted, in this tab or another: changes to it are no longer kept."</p>
            })}
            <p>
                <label for="catalogue-name">"Name of this catalogue"</label>
                <input id="catalogue-name" type="text" maxlength="200" prop:value=first.name.value.clone() on:change=rename/>
            </p>
            <super::catalogue_input::AddEntries lex=lex edit=edit/>
            <p>
                <label for="catalogue-own">"Your organisation's own names and abbreviations, separated by commas"</label>
                <input id="catalogue-own" type="text" aria-describedby="catalogue-own-help" prop:value=first.own.value.clone() on:change=set_own/>
                <span id="catalogue-own-help" class="meta">" They are not taken for the names of products (for example “UCL” in “UCL Print”)."</span>
            </p>
        </section>
        <section aria-labelledby="summary-title">
            <h2 id="summary-title">"What the entries are named after"</h2>
            {summary}
        </section>
        <section aria-labelledby="entries-title">
            <h2 id="entries-title">"Entries"</h2>
            <p class="meta">"Correct what an entry is named after where the check is wrong: your choice wins and is kept. Choose a business service for each entry to regroup the catalogue."</p>
            <div class="table-wrap">
                <table class="entries">
                    <thead><tr><th scope="col">"Entry"</th><th scope="col">"Named after"</th><th scope="col">"Reason"</th><th scope="col">"Business service"</th></tr></thead>
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
            <h2 id="draft-title">"Draft service catalogue"</h2>
            {move || draft(lex, cat)}
            <h3>"What each service still needs"</h3>
            <p class="meta">"Besides the systems it runs on, a complete service has:"</p>
            <ul>{page::CHECKLIST.iter().map(|t| view! { <li>{*t}</li> }).collect_view()}</ul>
            <p class="actions">
                <button type="button" on:click=download_csv>"Download the draft catalogue (CSV)"</button>
                <button type="button" on:click=move |_| cat.with_untracked(|c| if let Some(c) = c {
                    export(std::slice::from_ref(c), &exchange::file_name(&c.name.value, "catalogue", "json"));
                })>"Export this catalogue (JSON)"</button>
                <button type="button" on:click=move |_| confirm.set(true)>"Delete this catalogue"</button>
            </p>
            <Show when=move || confirm.get()>
                <div class="notice" role="alert">
                    <p>"Delete this catalogue, its corrections and its services from this browser?"</p>
                    <button type="button" on:click=move |_| id.with_value(|id| delete(shelved, id))>"Delete it"</button>
                    <button type="button" on:click=move |_| confirm.set(false)>"Keep it"</button>
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
            status.set("Write the name of a business outcome or process first.".into());
            return;
        }
        field.set_value("");
        let said = format!(
            "Added the service “{}”: choose it for the entries it depends on.",
            name.trim()
        );
        edit(Box::new(move |c, at| {
            c.add_service(&name, at);
        }));
        status.set(said);
    };
    view! {
        <section aria-labelledby="services-title">
            <h2 id="services-title">"Business services"</h2>
            <p class="meta">"Name the business outcomes and processes your IT supports, such as “Payroll” or “Onboarding new staff”, then choose each entry's service in the table above."</p>
            <form class="inline-form" on:submit=add>
                <label for="service-new">"Name of a business service"</label>
                <input id="service-new" type="text" maxlength="200" node_ref=input/>
                <button type="submit">"Add the service"</button>
            </form>
            <p role="status">{move || status.get()}</p>
            <ul>
                <For each=move || services.get() key=|s| s.clone() let:s>
                    <li>
                        {s.1.clone()}" "
                        <button type="button" aria-label=format!("Remove the service “{}”", s.1) on:click=move |_| {
                            let id = s.0.clone();
                            edit(Box::new(move |c, at| c.remove_service(&id, at)));
                            status.set(format!("Removed the service “{}”; its entries are not part of a service now.", s.1));
                        }>"Remove"</button>
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
                    .map(|r| view! { <li>{format!("{} ({})", r.entry.name, page::label(r.class).to_lowercase())}</li> })
                    .collect_view();
                view! {
                    <article class="draft-service">
                        <h3>{s.name.to_string()}</h3>
                        <p>{if s.parts.is_empty() { "No entry is part of it yet." } else { "Depends on:" }}</p>
                        <ul>{parts}</ul>
                    </article>
                }
            })
            .collect_view();
        Some(view! {
            {(rows.is_empty()).then_some(view! { <p>"Add entries first."</p> })}
            {services}
            <p>{match rest {
                0 => "Every entry is part of a business service.".to_string(),
                1 => "1 entry is not part of a business service yet.".to_string(),
                n => format!("{n} entries are not part of a business service yet."),
            }}</p>
        })
    })
}
