//! Messages about storage above every page: changes not saved, entries that cannot be read, and
//! the assessment just deleted (with Undo).

use super::dom::{add, attr, el, keep, listen, target, StaticElement};
use super::words::{tr, trf};
use super::{browser, home, Ctx};
use crate::model::keys as k;
use crate::model::storage::Unreadable;
use crate::model::store::Op;
use leptos::prelude::*;

/// The notices above every page, built with DOM calls (see the levers in docs/size-and-speed.md):
/// four parts, each rebuilt only when what it says changes, so a screen reader hears only what is
/// new; one listener answers every button by its `data-act`.
#[component]
pub fn Notices() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let root = el("div", "notices", None);
    attr(&root, "aria-live", "polite");
    let [problem, update, unreadable, undo] = ["", "", "", ""].map(|_| {
        let part = el("div", "", None);
        add(&root, &part);
        part
    });
    keep(
        move || {
            let open = ctx.current.with(Option::is_some);
            ctx.store.with(|s| s.problem().map(|p| (p.message(), open)))
        },
        move |_, p| {
            clear(&problem);
            if let Some((message, open)) = p {
                let n = notice(&problem, "notice warn", true, message);
                if *open {
                    button(&n, "", "export", tr(k::notices::EXPORT));
                }
            }
        },
    );
    keep(
        move || (ctx.update_ready.get(), ctx.update_blocked.get()),
        move |_, (ready, blocked)| {
            clear(&update);
            if *ready {
                let mut text = tr(k::notices::UPDATE).to_string();
                if *blocked {
                    text.push_str(tr(k::notices::UPDATE_BLOCKED));
                }
                let n = notice(&update, "notice", false, &text);
                button(&n, "", "switch", tr(k::notices::SWITCH));
            }
        },
    );
    keep(
        move || ctx.store.with(|s| s.unreadable().to_vec()),
        move |_, list| {
            clear(&unreadable);
            for u in list {
                unreadable_notice(&unreadable, u);
            }
        },
    );
    keep(
        move || {
            ctx.store
                .with(|s| s.undoable().map(|a| a.display_name().to_string()))
        },
        move |_, name| {
            clear(&undo);
            if let Some(name) = name {
                let n = notice(
                    &undo,
                    "notice",
                    false,
                    &trf(k::notices::DELETED, &[("name", name)]),
                );
                button(&n, "", "undo", tr(k::notices::UNDO));
                button(&n, "quiet", "dismiss", tr(k::notices::DISMISS));
            }
        },
    );
    listen(&root, "click", move |ev| {
        let Some(b) = target::<web_sys::Element>(&ev)
            .and_then(|t| t.closest("button[data-act]").ok().flatten())
        else {
            return;
        };
        let key = b.get_attribute("data-key").unwrap_or_default();
        match b.get_attribute("data-act").as_deref() {
            Some("export") => {
                if let Some(a) = ctx.current.get_untracked() {
                    home::export(&a);
                }
            }
            Some("switch") => super::offline::switch(ctx),
            Some("reload") => super::offline::update(ctx),
            Some("undo") => ctx.dispatch(Op::Undo),
            Some("dismiss") => ctx.dispatch(Op::DismissUndo),
            Some("raw") => {
                let raw = ctx.store.with_untracked(|s| {
                    s.unreadable()
                        .iter()
                        .find(|u| u.key == key)
                        .map(|u| u.raw.clone())
                });
                if let Some(raw) = raw {
                    let file = format!("{}-unreadable.json", key.replace('.', "-"));
                    browser::download(&file, "application/json", &raw);
                }
            }
            Some("delete") => {
                let sure = window()
                    .confirm_with_message(tr(k::notices::CONFIRM_DELETE_RAW))
                    .unwrap_or(false);
                if sure {
                    ctx.dispatch(Op::DiscardUnreadable { key });
                }
            }
            _ => {}
        }
    });
    StaticElement::view(root)
}

fn clear(part: &web_sys::Element) {
    part.set_text_content(None);
}

/// A notice in `part`, its words in a paragraph; an alert where it says something is wrong.
fn notice(part: &web_sys::Element, class: &str, alert: bool, text: &str) -> web_sys::Element {
    let n = el("div", class, None);
    if alert {
        attr(&n, "role", "alert");
    }
    add(&n, &el("p", "", Some(text)));
    add(part, &n);
    n
}

fn button(notice: &web_sys::Element, class: &str, act: &str, label: &str) -> web_sys::Element {
    let b = el("button", class, Some(label));
    attr(&b, "type", "button");
    attr(&b, "data-act", act);
    add(notice, &b);
    b
}

fn unreadable_notice(part: &web_sys::Element, u: &Unreadable) {
    let which = match u.name() {
        Some(name) => trf(k::notices::UNREADABLE_NAMED, &[("name", &name)]),
        None => tr(k::notices::UNREADABLE).to_string(),
    };
    let newer = u.error.newer();
    let mut text = trf(
        k::notices::UNTOUCHED,
        &[("which", &which), ("error", &u.error.to_string())],
    );
    if newer {
        text.push_str(tr(k::notices::RELOAD_MAY));
    }
    let n = notice(part, "notice error", true, &text);
    if newer {
        button(&n, "primary", "reload", tr(k::offline::RELOAD_UPDATE));
    }
    for (class, act, label) in [
        ("", "raw", tr(k::notices::RAW)),
        ("quiet", "delete", tr(k::notices::DELETE_RAW)),
    ] {
        attr(&button(&n, class, act, label), "data-key", &u.key);
    }
}

/// The page of an assessment that was deleted (here or in another tab), with a way back.
pub fn deleted_page(ctx: Ctx, id: String) -> AnyView {
    // It may replace the page being worked in (deleted in another tab): focus goes to it, as to
    // every new page, not to nowhere.
    request_animation_frame(super::browser::show_page);
    let name = ctx
        .store
        .with_untracked(|s| s.record(&id).map(|a| a.display_name().to_string()))
        .unwrap_or_default();
    view! {
        <section class="page">
            <h1>{tr(k::deleted::TITLE)}</h1>
            <p>{trf(k::deleted::TEXT, &[("name", &name)])}</p>
            <p>
                <button type="button" class="primary" on:click=move |_| {
                    ctx.dispatch(Op::Restore { id: id.clone() });
                    // Rebuild the page for the restored assessment, the address with it (a route
                    // the address does not name would never be redirected from).
                    ctx.replace_route(crate::route::Route::Resume { id: id.clone() });
                }>{tr(k::deleted::RESTORE)}</button>
                " "
                <a href="#/">{tr(k::pages::START)}</a>
            </p>
        </section>
    }
    .into_any()
}
