//! The service-catalogue check (issue 28): a chunk of its own, with its word lists fetched as it
//! opens. What each entry is named after, the summary and the draft catalogue come from
//! `model::catalogue_page`; the catalogues are kept by a `model::catalogue_shelf::Shelf`, one per
//! tab, committed to local storage after every change. This file holds the page's frame, the list
//! of catalogues and storage; `catalogue_parts` the parts of one catalogue.

use super::words::{tr, trf, trn};
use super::{browser, go, local_store};
use crate::model::catalogue::Lexicon;
use crate::model::catalogue_record::{self as record, Catalogue, Stamped, PREFIX};
use crate::model::catalogue_shelf::{self as shelf, Shelf};
use crate::model::exchange;
use crate::model::keys as k;
use crate::model::store::{Io, Unavailable};
use crate::route::Route;
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::OnceLock;

static LEXICON: OnceLock<Lexicon> = OnceLock::new();

thread_local! {
    // One per tab, as the assessments' store: its writer id breaks ties between tabs.
    static SHELF: RefCell<Option<Shelf>> = const { RefCell::new(None) };
}

/// Storage that is not there: every read and write refused, so the shelf says so.
struct NoStorage;

impl Io for NoStorage {
    fn read(&mut self, _: &str) -> Result<Option<String>, Unavailable> {
        Err(Unavailable)
    }
    fn write(&mut self, _: &str, _: &str) -> Result<(), String> {
        Err(shelf::unavailable().into())
    }
    fn remove(&mut self, _: &str) {}
    fn keys(&mut self, _: &str) -> Vec<String> {
        Vec::new()
    }
}

pub(super) fn with_shelf<T>(f: impl FnOnce(&mut Shelf) -> T) -> T {
    SHELF.with_borrow_mut(|s| {
        let shelf = s.get_or_insert_with(|| {
            let mut shelf = Shelf::new((js_sys::Math::random() * f64::from(u32::MAX)) as u32);
            if let Some(mut io) = local_store::local() {
                shelf.load(&mut io, browser::now());
            }
            shelf
        });
        f(shelf)
    })
}

/// Reads what other tabs saved into this tab's catalogues.
fn reload() {
    if let Some(mut io) = local_store::local() {
        with_shelf(|s| s.load(&mut io, browser::now()));
    }
}

fn commit() {
    let unsaved = with_shelf(|s| {
        match local_store::local() {
            Some(mut io) => s.commit(&mut io),
            None => s.commit(&mut NoStorage),
        }
        s.unsaved()
    });
    // For the update switch, which must not reload over unsaved changes.
    local_store::CATALOGUE_UNSAVED.set(unsaved);
}

/// The page's reactive handle on the shelf: `version` changes with every change.
#[derive(Clone, Copy)]
pub(super) struct Shelved {
    pub version: RwSignal<u32>,
}

impl Shelved {
    /// A copy of a catalogue, tracked.
    pub fn get(&self, id: &str) -> Option<Catalogue> {
        self.version.track();
        with_shelf(|s| s.get(id).cloned())
    }

    /// Changes a catalogue, saves it, and redraws what shows it.
    pub fn edit(
        &self,
        id: &str,
        change: impl FnOnce(&mut Catalogue, crate::model::assessment::Stamp),
    ) {
        with_shelf(|s| s.edit(id, browser::now(), change));
        self.saved();
    }

    pub fn saved(&self) {
        commit();
        self.version.update(|v| *v += 1);
    }
}

/// An export file of catalogues, in the shape of the all-data export.
pub(super) fn export(list: &[Catalogue], file: &str) {
    let texts: Vec<String> = list.iter().map(record::encode).collect();
    browser::download(file, "application/json", &exchange::export_all(&[], &texts));
}

/// Reads the catalogues of an export file (or one catalogue's record) and saves them, merged
/// with any copy here; every one is checked before any is saved.
pub fn import_file(text: &str) -> Result<usize, String> {
    let file: serde_json::Value = serde_json::from_str(text)
        .map_err(|e| trf(k::catalogue::FILE_NOT_JSON, &[("error", &e.to_string())]))?;
    let records = match file.get("format").and_then(|f| f.as_str()) {
        Some(record::FORMAT) => vec![file],
        Some(exchange::EXPORT_FORMAT) => match file.get("catalogues").cloned() {
            Some(serde_json::Value::Array(list)) => list,
            _ => Vec::new(),
        },
        _ => return Err(tr(k::catalogue::FILE_NOT_BITA).into()),
    };
    if records.is_empty() {
        return Err(tr(k::catalogue::FILE_NO_CATALOGUES).into());
    }
    let list = records
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            record::decode_value(r).map_err(|e| {
                let n = (i + 1).to_string();
                trf(
                    k::catalogue::FILE_BAD_CATALOGUE,
                    &[("n", &n), ("error", &e)],
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let n = list.len();
    with_shelf(|s| s.import(list));
    commit();
    // Read but not saved (the space kept for catalogues, or storage, refused): not imported.
    match with_shelf(|s| s.problem().map(str::to_string)) {
        Some(problem) => Err(problem),
        None => Ok(n),
    }
}

#[component]
pub fn CataloguePage(id: Option<String>) -> impl IntoView {
    request_animation_frame(browser::show_page);
    let shelved = Shelved {
        version: RwSignal::new(0),
    };
    let lexicon = RwSignal::new(LEXICON.get().map(|_| Ok::<(), String>(())));
    let fetch = move || {
        lexicon.set(None);
        leptos::task::spawn_local(async move {
            let got = browser::fetch_text(crate::model::CATALOGUE_FILE)
                .await
                .and_then(|t| serde_json::from_str::<Lexicon>(&t).map_err(|e| e.to_string()));
            lexicon.try_set(Some(got.map(|l| {
                let _ = LEXICON.set(l);
            })));
        });
    };
    if lexicon.get_untracked().is_none() {
        fetch();
    }
    // Another tab's change shows here as it is saved.
    let listener = window_event_listener(leptos::ev::storage, move |e| {
        if e.key().is_none_or(|k| k.starts_with(PREFIX)) {
            reload();
            shelved.version.update(|v| *v += 1);
        }
    });
    on_cleanup(move || listener.remove());
    // Memos: a message that has not changed is not announced again after every edit.
    let problem =
        Memo::new(move |_| {
            shelved.version.track();
            with_shelf(|s| {
                let mut said: Vec<String> = s.problem().map(str::to_string).into_iter().collect();
                said.extend(s.unreadable().iter().map(|(key, why)| {
                    trf(k::catalogue::UNREADABLE, &[("why", why), ("key", key)])
                }));
                said
            })
        });
    let problem = move || {
        problem.with(|p| {
            (!p.is_empty()).then(|| {
                view! { <div class="notice error" role="alert">{p.iter().map(|m| view! { <p>{m.clone()}</p> }).collect_view()}</div> }
            })
        })
    };
    let one = id.clone();
    view! {
        <section class="page catalogue" aria-labelledby="catalogue-title">
            <h1 id="catalogue-title">{tr(k::catalogue::TITLE)}</h1>
            <p class="lead">{tr(k::catalogue::LEAD)}</p>
            {problem}
            <Catalogues shelved=shelved current=id/>
            {move || match lexicon.get() {
                None => view! { <p role="status">{tr(k::catalogue::LOADING_WORDS)}</p> }.into_any(),
                Some(Err(e)) => view! {
                    <div class="notice error" role="alert">
                        <p>{trf(k::catalogue::WORDS_FAILED, &[("error", &e)])}</p>
                        <button type="button" on:click=move |_| fetch()>{tr(k::catalogue::TRY_AGAIN)}</button>
                    </div>
                }.into_any(),
                Some(Ok(())) => match (one.clone(), LEXICON.get()) {
                    (Some(id), Some(lex)) => view! {
                        <super::catalogue_parts::OneCatalogue id=id lex=lex shelved=shelved/>
                    }.into_any(),
                    _ => ().into_any(),
                },
            }}
        </section>
    }
}

/// The catalogues kept here, a new one, exporting and importing them all.
#[component]
fn Catalogues(shelved: Shelved, current: Option<String>) -> impl IntoView {
    let status = RwSignal::new(None::<Result<String, String>>);
    // What the list shows, so that it is rebuilt only when that changes.
    let list = Memo::new(move |_| {
        shelved.version.track();
        with_shelf(|s| {
            s.list()
                .into_iter()
                .map(|c| (c.id.clone(), c.name.value.clone(), c.entries.len()))
                .collect::<Vec<_>>()
        })
    });
    let new_name = NodeRef::<leptos::html::Input>::new();
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = new_name
            .get_untracked()
            .map(|i| i.value())
            .unwrap_or_default();
        let name = if name.trim().is_empty() {
            tr(k::catalogue::DEFAULT_NAME).to_string()
        } else {
            name
        };
        let id = browser::new_id();
        with_shelf(|s| s.create(id.clone(), &name, browser::now()));
        shelved.saved();
        go(&Route::Catalogue(Some(id)));
    };
    let on_import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let result = browser::read_file(file, exchange::MAX_IMPORT_BYTES)
                .await
                .and_then(|text| import_file(&text))
                .map(|n| {
                    trn(
                        n,
                        k::catalogue::IMPORTED_ONE,
                        k::catalogue::IMPORTED_OTHER,
                        &[],
                    )
                })
                .map_err(|e| trf(k::catalogue::NOTHING_IMPORTED, &[("error", &e)]));
            status.try_set(Some(result));
            shelved.version.try_update(|v| *v += 1);
        });
    };
    let current = StoredValue::new(current);
    view! {
        <section aria-labelledby="catalogues-title">
            <h2 id="catalogues-title">{tr(k::catalogue::YOURS)}</h2>
            {move || list.with(|l| l.is_empty()).then(|| view! { <p>{tr(k::catalogue::NONE_SAVED)}</p> })}
            <ul class="saved">
                <For each=move || list.get() key=|c| c.clone() let:c>
                    <li>
                        <a href=Route::Catalogue(Some(c.0.clone())).href() aria-current=current.with_value(|id| id.as_deref() == Some(c.0.as_str())).then_some("page")>{c.1.clone()}</a>
                        <span class="meta">{trn(c.2, k::catalogue::ENTRIES_ONE, k::catalogue::ENTRIES_OTHER, &[])}</span>
                    </li>
                </For>
            </ul>
            <Show when=move || list.with(|l| !l.is_empty())>
                <p><button type="button" on:click=move |_| {
                    let all = with_shelf(|s| s.list().into_iter().cloned().collect::<Vec<_>>());
                    export(&all, "bita-catalogues.json");
                }>{tr(k::catalogue::EXPORT_ALL)}</button></p>
            </Show>
            <form class="inline-form" on:submit=create>
                <label for="catalogue-new">{tr(k::catalogue::NEW_NAME)}</label>
                <input id="catalogue-new" type="text" maxlength="200" node_ref=new_name placeholder=tr(k::catalogue::DEFAULT_NAME)/>
                <button type="submit">{tr(k::catalogue::NEW_BUTTON)}</button>
            </form>
            <label for="catalogue-import">{tr(k::catalogue::IMPORT_LABEL)}</label>
            <input type="file" id="catalogue-import" accept=".json,application/json" on:change=on_import/>
            <div role="status">
                {move || status.get().map(|r| match r {
                    Ok(m) => view! { <p class="ok">{m}</p> }.into_any(),
                    Err(m) => view! { <p class="notice error">{m}</p> }.into_any(),
                })}
            </div>
        </section>
    }
}

/// Deletes a catalogue (a stamped flag, as for assessments, so the delete reaches other tabs).
pub(super) fn delete(shelved: Shelved, id: &str) {
    shelved.edit(id, |c, at| c.deleted = Stamped { value: true, at });
    go(&Route::Catalogue(None));
}
