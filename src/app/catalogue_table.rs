//! The entries table of the catalogue check: one row per entry with what it is named after (a
//! correction chosen here wins), the reason, and its business service; built for catalogues of
//! up to 2,000 entries (docs/catalogue-check.md, "Speed with a full catalogue").

use super::catalogue_parts::Edit;
use super::words::{tr, trf};
use crate::model::catalogue::{classify, Class, Lexicon, Verdict};
use crate::model::catalogue_page as page;
use crate::model::catalogue_record::{Catalogue, Stamped};
use crate::model::keys as k;
use crate::model::map::Map;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The check's verdicts by an entry's name and description.
type Verdicts = Map<(String, String), Verdict>;

thread_local! {
    // The check's verdicts by entry, kept between changes: a correction or a regrouping does not
    // classify 2,000 entries again. Cleared when the organisation's own names change.
    static VERDICTS: std::cell::RefCell<(String, Verdicts)> = Default::default();
}

/// The rows of a catalogue, each entry classified once.
pub(super) fn classified<'a>(lex: &Lexicon, c: &'a Catalogue) -> Vec<page::Row<'a>> {
    VERDICTS.with_borrow_mut(|(own, known)| {
        if *own != c.own.value {
            *own = c.own.value.clone();
            known.clear();
        }
        let names = c.own_names();
        page::rows_with(c, |e| {
            let k = (e.name.clone(), e.description.clone());
            if let Some(v) = known.get(&k) {
                return v.clone();
            }
            let v = classify(lex, &names, &e.name, &e.description);
            known.insert(k, v.clone());
            v
        })
    })
}

/// One entry as its row shows it. Rows are keyed by all of it: a change rebuilds the rows it
/// touches and no other, and a row holds no reactive part (2,000 rows each subscribed to the
/// list made every change quadratic: 2.4 s for one correction).
#[derive(Clone, PartialEq, Eq, Hash)]
pub(super) struct RowView {
    pub(super) key: String,
    pub(super) name: String,
    pub(super) description: String,
    pub(super) class: Class,
    pub(super) reason: String,
    pub(super) service: Option<String>,
}

/// One entry: what it is named after (a correction chosen here wins), why, and its service.
#[component]
pub(super) fn EntryRow(
    row: RowView,
    services: Memo<Vec<(String, String)>>,
    edit: impl Fn(Edit) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    // Ids spelled from the entry's key (unique in a catalogue), so the select a change rebuilt
    // takes the focus back, where the rebuild took it away (and not where the reader moved on).
    let id: String = row.key.bytes().map(|b| format!("{b:02x}")).collect();
    let (class_id, service_id) = (format!("class-{id}"), format!("service-{id}"));
    let refocus = |id: String| {
        request_animation_frame(move || {
            let doc = document();
            let lost = doc
                .active_element()
                .is_none_or(|a| a.tag_name().eq_ignore_ascii_case("body"));
            if let Some(e) = doc.get_element_by_id(&id).filter(|_| lost) {
                let _ = e.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        })
    };
    let k = StoredValue::new(row.key.clone());
    let again = class_id.clone();
    let correct = move |ev: leptos::ev::Event| {
        let class = Class::from_id(&event_target_value(&ev));
        let k = k.get_value();
        edit(Box::new(move |c, at| {
            if let Some(e) = c.entry_mut(&k) {
                e.class = Stamped { value: class, at };
            }
        }));
        refocus(again.clone());
    };
    let again = service_id.clone();
    let assign = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        let k = k.get_value();
        edit(Box::new(move |c, at| {
            if let Some(e) = c.entry_mut(&k) {
                e.service = Stamped {
                    value: (!v.is_empty()).then_some(v),
                    at,
                };
            }
        }));
        refocus(again.clone());
    };
    let RowView {
        name,
        description,
        class,
        reason,
        service,
        ..
    } = row;
    let services = services.get_untracked();
    view! {
        <tr>
            <th scope="row">{name.clone()}{(!description.is_empty()).then(|| view! { <span class="meta">{format!(" — {description}")}</span> })}</th>
            <td>
                <select id=class_id aria-label=trf(k::catalogue::CLASS_LABEL, &[("name", &name)]) on:change=correct>
                    {Class::ALL.into_iter().map(|c| view! {
                        <option value=c.id() selected=c == class>{page::label(c)}</option>
                    }).collect_view()}
                </select>
            </td>
            <td>{reason}</td>
            <td>
                <select id=service_id class="service-pick" aria-label=trf(k::catalogue::SERVICE_OF, &[("name", &name)]) on:change=assign>
                    <option value="" selected=service.is_none()>{tr(k::catalogue::NO_SERVICE)}</option>
                    {services.iter().map(|(sid, sname)| view! {
                        <option value=sid.clone() selected=service.as_deref() == Some(sid.as_str())>{sname.clone()}</option>
                    }).collect_view()}
                </select>
            </td>
        </tr>
    }
}

/// Gives every row's service list the services named now, keeping each row's choice (a choice
/// whose service is gone rebuilds its row anyway).
pub(super) fn sync_service_options(list: &[(String, String)]) {
    let Ok(selects) = document().query_selector_all("select.service-pick") else {
        return;
    };
    for i in 0..selects.length() {
        let Some(select) = selects.item(i) else {
            continue;
        };
        let select: web_sys::HtmlSelectElement = select.unchecked_into();
        let chosen = select.value();
        let options = select.options();
        // The first option is "Not part of a service yet"; the ones that still match the list
        // stay (a service named last only adds one option to each row).
        let same = list
            .iter()
            .enumerate()
            .take_while(|(i, (id, name))| {
                options.item(*i as u32 + 1).is_some_and(|o| {
                    let o: web_sys::HtmlOptionElement = o.unchecked_into();
                    o.value() == *id && o.text() == *name
                })
            })
            .count();
        while options.length() as usize > same + 1 {
            if options.remove(options.length() as i32 - 1).is_err() {
                break;
            }
        }
        for (id, name) in &list[same..] {
            if let Ok(o) = web_sys::HtmlOptionElement::new_with_text_and_value(name, id) {
                let _ = select.add_with_html_option_element(&o);
            }
        }
        select.set_value(&chosen);
        if select.selected_index() < 0 {
            select.set_selected_index(0);
        }
    }
}
