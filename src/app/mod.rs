//! The Leptos shell: it renders the store and the route, and forwards what people do to the store
//! core (`model::store`). Data flows one way: an event dispatches an operation, the store changes,
//! the page follows; storage is written by the commit loop only.

mod browser;
mod chart;
mod compare;
mod home;
pub mod local_store;
mod notices;
mod offline;
mod report;
mod results;
mod review;
mod share_button;
mod shared_report;
mod walk;
mod widgets;

use crate::model::store::{Op, Store};
use crate::model::{builtin, Action, Assessment};
use crate::route::Route;
use leptos::prelude::*;
use offline::CodeMissing;
use std::future::Future;

pub use browser::{focus_main, go};
pub use report::render;
pub use widgets::QuestionCard;

/// Shared application state, handed to components through context.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub route: RwSignal<Route>,
    /// Every assessment this tab knows, and what is not saved yet: read-only for the pages, which
    /// change it only through [`Ctx::dispatch`].
    pub store: ReadSignal<Store>,
    /// The same store, written by [`Ctx::dispatch`], the refresh and the commit loop only.
    store_w: RwSignal<Store>,
    /// The assessment the route names, derived from the store (never kept as a copy of its own).
    pub current: Memo<Option<Assessment>>,
    /// The browser declined to keep bita's data for good.
    pub persist_refused: RwSignal<bool>,
    /// A new version of bita is installed and waits to take over.
    pub update_ready: RwSignal<bool>,
    /// The switch to it was refused because some changes are not saved yet.
    pub update_blocked: RwSignal<bool>,
    /// Where the report's code and advice texts are (see [`Ctx::load_report`]).
    pub report_code: RwSignal<ReportCode>,
    /// What the comparison page shows, kept while the tab is open.
    pub picks: compare::Picks,
    committing: StoredValue<local_store::Committing>,
}

impl Ctx {
    /// Reads storage into a fresh store for this tab, with the route from the address.
    pub fn new() -> Ctx {
        let ctx = Ctx::unread();
        ctx.refresh();
        ctx
    }

    /// A fresh store for this tab, storage not read yet (see [`Ctx::refresh`]).
    fn unread() -> Ctx {
        let writer = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
        let store = RwSignal::new(Store::new(writer));
        let route = RwSignal::new(Route::parse(&browser::current_hash()));
        let current = Memo::new(move |_| {
            let id = route.with(|r| r.assessment().map(str::to_string))?;
            store.with(|s| s.get(&id).cloned())
        });
        Ctx {
            route,
            store: store.read_only(),
            store_w: store,
            current,
            persist_refused: RwSignal::new(false),
            update_ready: RwSignal::new(false),
            update_blocked: RwSignal::new(false),
            // Without chunks (tests), texts already installed are all the report needs.
            report_code: RwSignal::new(
                if cfg!(not(feature = "split")) && crate::model::advice_ready() {
                    ReportCode::Ready
                } else {
                    ReportCode::NotAsked
                },
            ),
            picks: compare::Picks::new(),
            committing: StoredValue::new(Default::default()),
        }
    }

    /// Takes in what storage holds now (at start, and when another tab changed it).
    pub fn refresh(&self) {
        match local_store::local() {
            Some(s) => {
                let (loaded, last) = s.load();
                let mut needs_commit = false;
                self.store_w
                    .update(|st| needs_commit = st.refresh(loaded, last, browser::now()));
                if needs_commit {
                    local_store::commit_soon(*self);
                }
            }
            None => self.store_w.update(Store::storage_unavailable),
        }
    }

    /// Carries out an operation and saves it.
    pub fn dispatch(&self, op: Op) {
        self.store_w
            .update(|s| s.dispatch(op, browser::now(), builtin()));
        local_store::commit_soon(*self);
    }

    /// Applies actions to one assessment.
    pub fn edit(&self, id: &str, actions: Vec<Action>) {
        self.dispatch(Op::Edit {
            id: id.to_string(),
            actions,
        });
    }

    /// Applies actions to the open assessment.
    pub fn edit_current(&self, actions: Vec<Action>) {
        if let Some(id) = self.current_id() {
            self.edit(&id, actions);
        }
    }

    /// Fetches what the report needs and the first view has not: its chunk and its advice texts,
    /// side by side. Once; again only after a failure.
    pub fn load_report(&self) {
        if matches!(
            self.report_code.get_untracked(),
            ReportCode::Loading | ReportCode::Ready
        ) {
            return;
        }
        // A retry after a failure: the page says it is loading again, not that it failed.
        self.report_code.set(ReportCode::Loading);
        let state = self.report_code;
        leptos::task::spawn_local(async move {
            let code = async {
                results::report_code()
                    .await
                    .map_err(|Unloaded| "its code could not be fetched".to_string())
            };
            let texts = async {
                if crate::model::advice_ready() {
                    return Ok(());
                }
                let json = browser::fetch_text(crate::model::ADVICE_FILE).await?;
                crate::model::install_advice(&json).map(|_| ())
            };
            let (code, texts) = futures::future::join(code, texts).await;
            // Taking the chunk and the texts in is one task, laying out the report another.
            browser::after_task(move || {
                state.try_set(match code.and(texts) {
                    Ok(()) => ReportCode::Ready,
                    Err(e) => ReportCode::Failed(e),
                });
            });
        });
    }

    /// Goes to `next` in place of the current address (no new history entry): redirects, and a
    /// page rebuilt for another route.
    pub fn replace_route(&self, next: Route) {
        browser::replace(&next);
        self.route.set(next);
    }

    pub fn current_id(&self) -> Option<String> {
        self.current
            .with_untracked(|c| c.as_ref().map(|a| a.id.clone()))
    }
}

/// The report's code and advice texts, which the first view does not carry.
#[derive(Debug, Clone, PartialEq)]
pub enum ReportCode {
    NotAsked,
    Loading,
    Ready,
    /// Why they could not be had; asking again retries.
    Failed(String),
}

impl Default for Ctx {
    fn default() -> Self {
        Ctx::new()
    }
}

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
        stage.set(Stage::Read);
        browser::after_task(move || {
            stage.set(Stage::Page);
            if let Some(main) = document().get_element_by_id("main") {
                let _ = main.remove_attribute("aria-busy");
            }
        });
    });

    browser::manage_scrolling();
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
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
        }>"Skip to content"</a>
        <header class="top">
            <a class="brand" href="#/">
                <span class="brand-name">"bita"</span>
                <span class="brand-tag">"Business–IT Alignment maturity"</span>
            </a>
            <nav class="top-nav" aria-label="Main">
                <a href="#/" aria-current=move || matches!(ctx.route.get(), Route::Home).then_some("page")>"Your assessments"</a>
                <a href="#/compare" aria-current=move || matches!(ctx.route.get(), Route::Compare).then_some("page")>"Compare"</a>
            </nav>
        </header>
        // Messages sit inside the main landmark, above the page they concern.
        // Busy until the first page is in (two short tasks after the shell, see above).
        <main id="main" tabindex="-1" aria-busy="true">
            <notices::Notices/>
            <Pages page_may_show=page_may_show/>
        </main>
        <footer class="foot">
            <p>
                "Your answers stay in this browser. Nothing is sent anywhere."
                {move || ctx.persist_refused.get().then_some(
                    " This browser has not promised to keep them when it runs short of space: export what you need to keep."
                )}
            </p>
        </footer>
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

/// The one place that turns a route into a page. Every navigation builds the page afresh: nothing
/// of the previous page's DOM (checked radios, open notes) carries over. A view of the same type
/// would be patched in place, so consecutive pages alternate between the two sides of an
/// `Either`, whose change of side always replaces the old page (a keyed `<For>` does the same
/// at several kilobytes more of wasm).
#[component]
fn Pages(
    /// The first page may be built (see `App`).
    page_may_show: Memo<bool>,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // Which side of the `Either` the last page took (see above).
    let left_side = StoredValue::new(false);
    // Only a different route makes a new page, or its assessment going or coming back (deleted or
    // restored in another tab: the page says so).
    let route = Memo::new(move |_| ctx.route.get());
    let record = Memo::new(move |_| {
        let Some(id) = route.with(|r| r.assessment().map(str::to_string)) else {
            return RecordState::NotAbout;
        };
        ctx.store.with(|s| match s.record(&id) {
            None => RecordState::Absent,
            Some(a) if a.deleted => RecordState::Deleted,
            Some(_) => RecordState::There,
        })
    });
    move || {
        let route = route.get();
        let _ = record.get();
        let page = if page_may_show.get() {
            untrack(|| page(ctx, route))
        } else {
            ().into_any()
        };
        left_side.update_value(|f| *f = !*f);
        if left_side.get_value() {
            leptos::either::Either::Left(page)
        } else {
            leptos::either::Either::Right(page)
        }
    }
}

/// What the page's assessment record is, for [`Pages`] to rebuild the page when it changes.
#[derive(Clone, Copy, PartialEq)]
enum RecordState {
    /// The page is about no assessment.
    NotAbout,
    Absent,
    Deleted,
    There,
}

fn page(ctx: Ctx, route: Route) -> AnyView {
    if let Some(id) = route.assessment() {
        let (exists, deleted) = ctx
            .store
            .with_untracked(|s| (s.get(id).is_some(), s.record(id).is_some_and(|a| a.deleted)));
        if deleted {
            return notices::deleted_page(ctx, id.to_string());
        }
        if !exists {
            request_animation_frame(browser::show_page);
            return view! {
                <section class="page">
                    <h1>"Assessment not found"</h1>
                    <p>"There is no assessment with this address in this browser. Assessments are saved only in the browser where they were answered."</p>
                    <p><a href="#/">"Go to the start page"</a></p>
                </section>
            }
            .into_any();
        }
    }
    let bank = builtin();
    match route {
        // Redirected by `follow_route`.
        Route::Landing | Route::Resume { .. } => ().into_any(),
        Route::Home => view! { <home::Home/> }.into_any(),
        Route::Dimension {
            dimension,
            question,
            ..
        } => match bank.dimension(&dimension) {
            Some(_) => {
                view! { <walk::DimensionPage dimension=dimension question=question/> }.into_any()
            }
            None => not_found(),
        },
        Route::Review { .. } => page_from_chunk(async move { call_chunk!(review_page()) }, false),
        Route::Results { .. } => view! { <results::Results/> }.into_any(),
        // Both show reports: their chunk and the report's are fetched side by side.
        Route::Shared(payload) => {
            ctx.load_report();
            page_from_chunk(async move { call_chunk!(shared_page(payload)) }, false)
        }
        Route::Compare => {
            ctx.load_report();
            page_from_chunk(async move { call_chunk!(compare_page()) }, false)
        }
        Route::NotFound(_) => not_found(),
    }
}

fn not_found() -> AnyView {
    request_animation_frame(browser::show_page);
    view! {
        <section class="page">
            <h1>"Page not found"</h1>
            <p>"This address does not lead to a page of bita."</p>
            <p><a href="#/">"Go to the start page"</a></p>
        </section>
    }
    .into_any()
}

/// A page whose code is fetched when it is first opened: with the `split` feature (the release
/// build, see scripts/wasm) its functions go into a chunk of their own, kept out of the first view.
/// Without it (tests) they are called directly. Says so while it loads, and when it cannot.
/// With `part`, it is a part of a page (the start page's saved list): it says so without a
/// page's heading.
fn page_from_chunk(
    page: impl Future<Output = Result<AnyView, Unloaded>> + 'static,
    part: bool,
) -> AnyView {
    let arrived = RwSignal::new(false);
    let slot = StoredValue::new_local(None::<AnyView>);
    // Scoped: the page is built inside the task, and needs this page's owner (its context).
    leptos::task::spawn_local_scoped(async move {
        let view = page.await.unwrap_or_else(|Unloaded| {
            if part {
                return view! { <CodeMissing what="The list of saved assessments"/> }.into_any();
            }
            request_animation_frame(browser::show_page);
            view! {
                <section class="page">
                    <h1>"This page could not be loaded"</h1>
                    <CodeMissing what="This page"/>
                    <p><a href="#/">"Go to the start page"</a></p>
                </section>
            }
            .into_any()
        });
        // The reader may have moved on meanwhile, taking this page's owner with it.
        if slot.try_set_value(Some(view)).is_none() {
            arrived.try_set(true);
        }
    });
    (move || {
        if arrived.get() {
            slot.try_update_value(Option::take).flatten()
        } else {
            Some(view! { <p class="page" role="status">{if part { "Loading…" } else { "Loading the page…" }}</p> }.into_any())
        }
    })
    .into_any()
}

/// The result of a call into a chunk that is already loaded, which completes at once; `Unloaded`
/// if it is not.
#[cfg(feature = "split")]
pub(crate) fn poll_once<T>(call: impl Future<Output = Result<T, Unloaded>>) -> Result<T, Unloaded> {
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match std::pin::pin!(call).poll(&mut cx) {
        std::task::Poll::Ready(r) => r,
        std::task::Poll::Pending => Err(Unloaded),
    }
}

/// Calls a function of a chunk that is loaded already (see `poll_once`); directly where there are
/// no chunks.
macro_rules! call_loaded {
    ($call:expr) => {{
        #[cfg(feature = "split")]
        let r = $crate::app::poll_once($call);
        #[cfg(not(feature = "split"))]
        let r = $call;
        r
    }};
}
pub(crate) use call_loaded;

/// Calls a page function of a chunk: awaited where it is split off, directly where it is not.
macro_rules! call_chunk {
    ($call:expr) => {{
        #[cfg(feature = "split")]
        let page = $call.await;
        #[cfg(not(feature = "split"))]
        let page = $call;
        page
    }};
}
use call_chunk;

/// A chunk's code could not be fetched (offline before the page was ever opened, say).
pub struct Unloaded;

impl From<leptos::wasm_split::SplitLoaderError> for Unloaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unloaded
    }
}

// Neither the first view nor the report needs these: the review, the start page's list of saved
// assessments (with its actions), the comparison, and a report opened from a link (its reader
// fetches the chunk with the page, as it fetches the charts).
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(review, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn review_page() -> Result<AnyView, Unloaded> {
    Ok(view! { <review::Review/> }.into_any())
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(saved, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn saved_list() -> Result<AnyView, Unloaded> {
    Ok(view! { <home::SavedList/> }.into_any())
}

/// The start page's list of saved assessments, fetched when there are any.
pub fn saved_list_later() -> AnyView {
    page_from_chunk(async move { call_chunk!(saved_list()) }, true)
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(compare, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn compare_page() -> Result<AnyView, Unloaded> {
    Ok(view! { <compare::ComparePage/> }.into_any())
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(shared, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn shared_page(payload: String) -> Result<AnyView, Unloaded> {
    Ok(view! { <shared_report::SharedPage payload=payload/> }.into_any())
}
