//! Adding entries to a catalogue: names pasted one per line, or a CSV file read with a column
//! picker; what was added, or what is wrong with the file, said in the page.

use super::browser;
use super::catalogue_parts::Edit;
use super::words::{tr, trf, trn};
use crate::model::catalogue::Lexicon;
use crate::model::catalogue_csv::{self, Table};
use crate::model::catalogue_page::{self as page, Item};
use crate::model::keys as k;
use leptos::prelude::*;

/// Adding entries: names pasted one per line, or a CSV file with a column picker.
#[component]
pub fn AddEntries(
    lex: &'static Lexicon,
    edit: impl Fn(Edit) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let status = RwSignal::new(None::<Result<String, String>>);
    let pasted = NodeRef::<leptos::html::Textarea>::new();
    let table = RwSignal::new(None::<(String, Table)>);
    let name_col = NodeRef::<leptos::html::Select>::new();
    let desc_col = NodeRef::<leptos::html::Select>::new();
    let take = move |items: Vec<Item>| {
        let said = std::rc::Rc::new(std::cell::Cell::new(None));
        let out = said.clone();
        edit(Box::new(move |c, at| {
            out.set(Some(page::add_items(lex, c, &items, at)))
        }));
        if let Some(done) = said.get() {
            let mut m = trn(
                done.added,
                k::catalogue::ADDED_ONE,
                k::catalogue::ADDED_OTHER,
                &[],
            );
            if done.known > 0 {
                m += &trn(
                    done.known,
                    k::catalogue::KNOWN_ONE,
                    k::catalogue::KNOWN_OTHER,
                    &[],
                );
            }
            if done.refused > 0 {
                let (n, max) = (
                    done.refused.to_string(),
                    catalogue_csv::MAX_ENTRIES.to_string(),
                );
                m += &trf(k::catalogue::REFUSED, &[("n", &n), ("max", &max)]);
            }
            status.set(Some(Ok(m)));
        }
    };
    let paste = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(area) = pasted.get_untracked() else {
            return;
        };
        let text = area.value();
        if text.trim().is_empty() {
            status.set(Some(Err(tr(k::catalogue::PASTE_FIRST).into())));
            return;
        }
        match catalogue_csv::read_lines(&text) {
            Ok(lines) if !lines.is_empty() => {
                area.set_value("");
                take(
                    lines
                        .into_iter()
                        .map(|name| Item {
                            name,
                            ..Item::default()
                        })
                        .collect(),
                );
            }
            Ok(_) => status.set(Some(Err(tr(k::catalogue::PASTE_FIRST).into()))),
            Err(e) => status.set(Some(Err(trf(
                k::catalogue::NOTHING_ADDED,
                &[("error", &e.to_string())],
            )))),
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        table.set(None);
        leptos::task::spawn_local(async move {
            let name = file.name();
            let read = browser::read_bytes(file, catalogue_csv::MAX_BYTES)
                .await
                .and_then(|bytes| catalogue_csv::read(&bytes).map_err(|e| e.to_string()));
            match read {
                Ok(t) => {
                    let n = t.rows.len().to_string();
                    status.try_set(Some(Ok(trf(
                        k::catalogue::FILE_ROWS,
                        &[("name", &name), ("n", &n)],
                    ))));
                    table.try_set(Some((name, t)));
                }
                Err(e) => {
                    status.try_set(Some(Err(trf(
                        k::catalogue::FILE_UNREADABLE,
                        &[("name", &name), ("error", &e)],
                    ))));
                }
            }
        });
    };
    let from_file = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pick = |r: NodeRef<leptos::html::Select>| {
            r.get_untracked()
                .and_then(|s| s.value().parse::<usize>().ok())
        };
        let Some((_, t)) = table.get_untracked() else {
            return;
        };
        let items = page::items(&t, pick(name_col).unwrap_or(0), pick(desc_col));
        table.set(None);
        take(items);
    };
    view! {
        <h3>{tr(k::catalogue::ADD_TITLE)}</h3>
        <form on:submit=paste>
            <label for="catalogue-paste">{tr(k::catalogue::PASTE_LABEL)}</label>
            <textarea id="catalogue-paste" rows="6" node_ref=pasted></textarea>
            <button type="submit">{tr(k::catalogue::PASTE_BUTTON)}</button>
        </form>
        <p>
            <label for="catalogue-file">{tr(k::catalogue::FILE_LABEL)}</label>
            <input type="file" id="catalogue-file" accept=".csv,.txt,text/csv,text/plain" on:change=on_file/>
        </p>
        {move || table.get().map(|(file, t)| {
            let (guess_name, guess_desc) = (t.name_column(), t.description_column());
            let options = move |none: bool, guess: Option<usize>| {
                let cols = t.header.iter().enumerate().map(|(i, h)| {
                    let label = if h.trim().is_empty() { trf(k::catalogue::COLUMN_N, &[("n", &(i + 1).to_string())]) } else { h.clone() };
                    view! { <option value=i.to_string() selected=guess == Some(i)>{label}</option> }
                }).collect_view();
                view! {
                    {none.then(|| view! { <option value="" selected=guess.is_none()>{tr(k::catalogue::NO_DESCRIPTION)}</option> })}
                    {cols}
                }
            };
            view! {
                <form class="columns" on:submit=from_file>
                    <fieldset>
                        <legend>{trf(k::catalogue::COLUMNS_OF, &[("file", &file)])}</legend>
                        <label for="column-name">{tr(k::catalogue::COLUMN_NAMES)}</label>
                        <select id="column-name" node_ref=name_col>{options(false, Some(guess_name))}</select>
                        <label for="column-description">{tr(k::catalogue::COLUMN_DESCRIPTION)}</label>
                        <select id="column-description" node_ref=desc_col>{options(true, guess_desc)}</select>
                        <button type="submit">{tr(k::catalogue::ADD_FROM_FILE)}</button>
                        <button type="button" on:click=move |_| table.set(None)>{tr(k::catalogue::CANCEL)}</button>
                    </fieldset>
                </form>
            }
        })}
        // Live regions that stay in the page: only their words change, so each is announced.
        <p class="ok" role="status">{move || status.get().and_then(Result::ok)}</p>
        <div role="alert">{move || status.get().and_then(Result::err).map(|m| view! { <p class="notice error">{m}</p> })}</div>
    }
}
