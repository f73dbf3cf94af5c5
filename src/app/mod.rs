//! The Leptos shell: it renders the store and the route, and forwards what people do to the store
//! core (`model::store`). Data flows one way: an event dispatches an operation, the store changes,
//! the page follows; storage is written by the commit loop only.

mod browser;
mod cards;
mod catalogue;
mod catalogue_input;
mod catalogue_parts;
mod catalogue_table;
mod chart;
mod chunks;
mod compare;
mod context;
mod dom;
mod echarts;
mod home;
pub mod local_store;
mod notices;
mod offline;
mod pages;
mod plan;
mod report;
mod results;
mod review;
mod saved;
mod share_button;
mod shared_report;
mod walk;
mod widgets;
pub mod words;

use crate::model::builtin;
use crate::model::keys as k;
use crate::route::Route;
use leptos::prelude::*;
use pages::Pages;
use words::tr;

pub use browser::{focus_main, go};
pub use cards::Questions;
pub(crate) use chunks::call_loaded;
pub use chunks::Unloaded;
pub use context::{Ctx, ReportCode};
pub use pages::saved_list_later;
pub use report::render;

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let ctx = Ctx::unread();
    provide_context(ctx);
    // Three tasks, each short enough on a phone not to hold up a tap: the shell; storage read and
    // the route followed; the page. One task of all three blocks for longer.
    let stage = RwSignal::new(Stage::Shell);
    browser::after_task(move || {
        ctx.refresh();
        // A page that shows a report asks for its code before it is built (the results only of
        // an assessment this browser has).
        let shows_report = match ctx.route.get_untracked() {
            Route::Results { id } => ctx.store.with_untracked(|s| s.get(&id).is_some()),
            Route::Shared(_) | Route::Compare => true,
            _ => false,
        };
        if shows_report {
            ctx.load_report();
        }
        stage.set(Stage::Read);
        browser::after_task(move || {
            stage.set(Stage::Page);
            if let Some(main) = document().get_element_by_id("main") {
                let _ = main.remove_attribute("aria-busy");
            }
        });
    });

    browser::manage_scrolling();
    browser::route_is(ctx.route);
    let on_hash = window_event_listener(leptos::ev::hashchange, move |ev| {
        if browser::arrived(&ev.new_url()) {
            return;
        }
        browser::entered();
        ctx.route.set(Route::parse(&browser::current_hash()));
    });
    // Another tab changed storage: take in its answers; ours stay.
    let on_storage = window_event_listener(leptos::ev::storage, move |e| {
        if e.key().is_none_or(|k| k.starts_with("bita.")) {
            ctx.refresh();
        }
    });
    // A page hidden (a phone freezes it, a tab is switched away) or going (closed, reloaded):
    // what waits for the lock is saved now.
    let on_hide = window_event_listener_untyped("pagehide", move |_| local_store::stash_now(ctx));
    let on_hidden = window_event_listener_untyped("visibilitychange", move |_| {
        if document().hidden() {
            local_store::stash_now(ctx);
        }
    });
    on_cleanup(move || {
        on_hash.remove();
        on_storage.remove();
        on_hide.remove();
        on_hidden.remove();
    });
    // Changes once each, so what follows them runs once at start.
    let read = Memo::new(move |_| stage.get() >= Stage::Read);
    let page_may_show = Memo::new(move |_| stage.get() == Stage::Page);
    Effect::new(move |_| {
        if read.get() {
            follow_route(ctx, ctx.route.get());
        }
    });
    // Once the first page is up: offline support must not compete with the first view.
    Effect::new(move |_| {
        if page_may_show.get() {
            offline::register(ctx);
        }
    });

    view! {
        <a class="skip" href="#main" on:click=move |ev| {
            ev.prevent_default();
            focus_main();
        }>{tr(k::shell::SKIP)}</a>
        <header class="top">
            <a class="brand" href="#/">
                <span class="brand-name">"bita"</span>
                <span class="brand-tag">{tr(k::shell::BRAND_TAG)}</span>
            </a>
            <nav class="top-nav" aria-label=tr(k::shell::NAV)>
                <a href="#/" aria-current=move || matches!(ctx.route.get(), Route::Home).then_some("page")>{tr(k::shell::NAV_ASSESSMENTS)}</a>
                <a href="#/compare" aria-current=move || matches!(ctx.route.get(), Route::Compare).then_some("page")>{tr(k::shell::NAV_COMPARE)}</a>
                <a href="#/catalogue" aria-current=move || matches!(ctx.route.get(), Route::Catalogue(_)).then_some("page")>{tr(k::shell::NAV_CATALOGUE)}</a>
            </nav>
            <LanguageSwitch/>
        </header>
        // Messages sit inside the main landmark, above the page they concern.
        // Busy until the first page is in (two short tasks after the shell, see above).
        <main id="main" tabindex="-1" aria-busy="true">
            <notices::Notices/>
            <Pages page_may_show=page_may_show/>
        </main>
        <footer class="foot">
            <p>
                {tr(k::shell::STAYS)}
                {move || ctx.persist_refused.get().then_some(tr(k::shell::NOT_PROMISED))}
            </p>
        </footer>
    }
}

/// The language switch. A language's words and questions come beside the wasm, before the app
/// starts, so a choice is remembered and the page starts again in it; answers are saved as they
/// are given, and the address keeps the page.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let now = crate::model::words::language().code;
    let ctx = expect_context::<Ctx>();
    let refused = RwSignal::new(false);
    let change = move |ev: leptos::ev::Event| {
        if local_store::remember_language(&event_target_value(&ev)) {
            offline::reload_when_saved(ctx);
        } else {
            // The page stays in its language: so does the switch.
            let select: web_sys::HtmlSelectElement = event_target(&ev);
            select.set_value(now);
            refused.set(true);
        }
    };
    view! {
        <p class="language">
            <label for="language">{tr(k::shell::LANGUAGE_LABEL)}</label>
            " "
            <select id="language" on:change=change>
                {crate::model::languages::LANGUAGES
                    .iter()
                    .map(|l| view! { <option value=l.code lang=l.code selected=l.code == now>{l.name}</option> })
                    .collect_view()}
            </select>
            {move || refused.get().then(|| view! { <span role="alert">{tr(k::shell::LANGUAGE_REFUSED)}</span> })}
        </p>
    }
}

/// How far the app has started (see `App`).
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Stage {
    Shell,
    Read,
    Page,
}

/// What a route asks of the store, once storage is read (at start, a task before the first page is
/// built; afterwards, after each page): redirects, and recording where the respondent is so a
/// reload or a later visit resumes there.
fn follow_route(ctx: Ctx, route: Route) {
    // Charts are kept while their assessment's pages are shown, disposed once it is left.
    chart::dispose_unless(route.owner());
    let follow = ctx
        .store
        .with_untracked(|s| crate::route::follow(&route, s, builtin()));
    // The address may have moved on since the route was read (its `hashchange` is on its way, and
    // brings the route it names): a redirect never overwrites it.
    if let Some(next) = follow.redirect {
        if Route::parse(&browser::current_hash()) == route {
            ctx.replace_route(next);
        }
    }
    for op in follow.ops {
        ctx.dispatch(op);
    }
}
