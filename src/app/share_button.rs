//! "Copy link": the whole assessment in a link's fragment, copied with the clipboard API or, where
//! the browser refuses, offered in a selected text field to copy by hand.

use super::browser;
use super::words::{tr, trf};
use crate::model::keys as k;
use crate::model::share::{encode, PREFIX};
use crate::model::{builtin, Assessment};
use leptos::prelude::*;

/// The address of a share link: this page's address with the assessment in the fragment.
pub fn link_for(payload: &str) -> String {
    let loc = window().location();
    let base = format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    );
    format!("{base}{PREFIX}{payload}")
}

async fn copy_to_clipboard(text: &str) -> bool {
    let written = browser::navigator("clipboard")
        .and_then(|c| browser::js_call(&c, "writeText", &[text.into()]));
    match written {
        Some(promise) => browser::settle(promise).await.is_some(),
        None => false,
    }
}

/// "Copy link" with the choice to include notes, and the line that says what a link reveals.
#[component]
pub fn ShareLink(
    #[prop(into)] assessment: Signal<Option<Assessment>>,
    /// In a list: only the button, named after the assessment (the list says once what a link
    /// reveals).
    #[prop(optional, into)]
    compact: Option<String>,
) -> impl IntoView {
    let with_notes = RwSignal::new(false);
    let copied = RwSignal::new(None::<Result<String, String>>);
    let uid = browser::new_id();
    let notes_id = format!("share-notes-{uid}");
    let notes_for = notes_id.clone();
    let field_id = format!("share-field-{uid}");
    let copy = move |_| {
        let Some(a) = assessment.get_untracked() else {
            return;
        };
        let encoded = encode(builtin(), &a, with_notes.get_untracked());
        let link = link_for(&encoded.payload);
        let mut note = String::new();
        if encoded.name_shortened {
            note.push_str(tr(k::share::NAME_SHORTENED));
        }
        if encoded.notes_shortened {
            note.push_str(tr(k::share::NOTES_SHORTENED));
        }
        leptos::task::spawn_local(async move {
            let result = if copy_to_clipboard(&link).await {
                Ok(trf(k::share::COPIED, &[("notes", &note)]))
            } else {
                Err(link)
            };
            copied.try_set(Some(result));
        });
    };
    let select_on_mount = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = select_on_mount.get() {
            input.select();
            let _ = input.focus();
        }
    });
    view! {
        <div class="share">
            <button type="button" on:click=copy aria-label=compact.as_ref().map(|n| trf(k::share::COPY_LABEL, &[("name", n)]))>{tr(k::share::COPY)}</button>
            {compact.is_none().then(|| view! {
                <label class="inline" for=notes_for>
                    <input type="checkbox" id=notes_id prop:checked=move || with_notes.get()
                        on:change=move |ev| with_notes.set(event_target_checked(&ev)) />
                    {tr(k::share::WITH_NOTES)}
                </label>
                <p class="meta">{tr(k::share::REVEALS)}</p>
            })}
            <div role="status">
                {move || copied.get().map(|r| match r {
                    Ok(msg) => view! { <p class="ok">{msg}</p> }.into_any(),
                    Err(link) => view! {
                        <label for=field_id.clone()>{tr(k::share::BY_HAND)}</label>
                        <input type="text" id=field_id.clone() readonly value=link node_ref=select_on_mount />
                    }.into_any(),
                })}
            </div>
        </div>
    }
}
