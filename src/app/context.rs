//! The application's shared state, handed to components through context: the route, the store
//! (read-only for the pages; changed through `Ctx::dispatch`), and what the page fetches later.

use super::chunks::Unloaded;
use super::{browser, compare, local_store, results};
use crate::model::store::{Op, Store};
use crate::model::{builtin, Action, Assessment};
use crate::route::Route;
use leptos::prelude::*;

/// Shared application state, handed to components through context.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub route: RwSignal<Route>,
    /// Every assessment this tab knows, and what is not saved yet: read-only for the pages, which
    /// change it only through [`Ctx::dispatch`].
    pub store: ReadSignal<Store>,
    /// The same store, written by [`Ctx::dispatch`], the refresh and the commit loop only.
    pub(super) store_w: RwSignal<Store>,
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
    pub(super) committing: StoredValue<local_store::Committing>,
}

impl Ctx {
    /// Reads storage into a fresh store for this tab, with the route from the address.
    pub fn new() -> Ctx {
        let ctx = Ctx::unread();
        ctx.refresh();
        ctx
    }

    /// A fresh store for this tab, storage not read yet (see [`Ctx::refresh`]).
    pub(super) fn unread() -> Ctx {
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
        // Asking for the chunks is a task of its own (the loader then asks for the chunks it
        // shares with other pages one per task): with the page's building, it blocked a phone.
        browser::after_task(move || {
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
                    let json = browser::fetch_text(crate::model::words::language().advice).await?;
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
            })
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
