//! The Leptos shell: thin components over the pure domain in `crate::model`.

mod chart;
mod home;
mod review;
pub mod store;
mod walk;

use crate::model::assessment::{apply, Place};
use crate::model::storage::Unreadable;
use crate::model::{builtin, Action, Assessment};
use crate::route::Route;
use leptos::prelude::*;

pub use walk::QuestionCard;

/// Shared application state, handed to components through context.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub route: RwSignal<Route>,
    /// Every readable assessment, most recently changed first.
    pub list: RwSignal<Vec<Assessment>>,
    /// Stored entries that could not be read; kept untouched.
    pub unreadable: RwSignal<Vec<Unreadable>>,
    /// The assessment being answered or viewed.
    pub current: RwSignal<Option<Assessment>>,
    /// Why changes are not being saved, when they are not.
    pub unsaved: RwSignal<Option<store::Unsaved>>,
    /// The last deleted assessment, for undo.
    pub deleted: RwSignal<Option<Assessment>>,
}

impl Ctx {
    pub fn new() -> Ctx {
        let ctx = Ctx {
            route: RwSignal::new(Route::parse(&current_hash())),
            list: RwSignal::new(Vec::new()),
            unreadable: RwSignal::new(Vec::new()),
            current: RwSignal::new(None),
            unsaved: RwSignal::new(None),
            deleted: RwSignal::new(None),
        };
        ctx.reload();
        ctx
    }

    /// Re-reads storage (at start, and when another tab changed it).
    pub fn reload(&self) {
        match store::local() {
            Some(s) => {
                let loaded = store::load_all(&s);
                let open = self
                    .current
                    .with_untracked(|c| c.as_ref().map(|a| a.id.clone()));
                if let Some(id) = open {
                    if let Some(fresh) = loaded.assessments.iter().find(|a| a.id == id) {
                        self.current.set(Some(fresh.clone()));
                    }
                }
                self.list.set(loaded.assessments);
                self.unreadable.set(loaded.unreadable);
                if self.unsaved.get_untracked() == Some(store::Unsaved::Unavailable) {
                    self.unsaved.set(None);
                }
            }
            None => self.unsaved.set(Some(store::Unsaved::Unavailable)),
        }
    }

    /// Applies an action to the open assessment and saves it at once.
    pub fn dispatch(&self, action: Action) {
        self.dispatch_all(&[action]);
    }

    /// Applies several actions to the open assessment with one read and one write.
    pub fn dispatch_all(&self, actions: &[Action]) {
        if let Some(id) = self
            .current
            .with_untracked(|c| c.as_ref().map(|a| a.id.clone()))
        {
            self.dispatch_to(&id, actions);
        }
    }

    /// Applies an action to an assessment (the open one or any in the list) and saves it at once.
    /// The action is applied to the freshest stored copy, so an answer given in another tab is
    /// never overwritten.
    pub fn dispatch_to(&self, id: &str, actions: &[Action]) {
        let open = self
            .current
            .with_untracked(|c| c.as_ref().is_some_and(|a| a.id == id));
        let in_memory = if open {
            self.current.get_untracked()
        } else {
            self.list
                .with_untracked(|l| l.iter().find(|a| a.id == id).cloned())
        };
        let Some(mut a) = in_memory else {
            return;
        };
        let storage = store::local();
        let readable = match storage.as_ref().map(|s| store::read(s, id)) {
            Some(Ok(Some(fresh))) => {
                a = fresh;
                true
            }
            Some(Err(_)) => false,
            _ => true,
        };
        let now = store::now();
        // Every action is applied, even after one that changed nothing.
        let changed = actions
            .iter()
            .fold(false, |changed, act| apply(&mut a, act, now) | changed);
        if !changed {
            return;
        }
        if actions
            .iter()
            .any(|act| matches!(act, Action::Answer { .. }))
        {
            // Record the model version the answers were last given against.
            a.model_version = builtin().version();
        }
        if !readable {
            // Never overwrite what we cannot read: keep working in memory.
            self.unsaved.set(Some(store::Unsaved::StoredCopyUnreadable));
            self.put(a);
            return;
        }
        match &storage {
            Some(s) => match store::write(s, &a) {
                Ok(()) => {
                    if open {
                        store::set_last(s, id);
                    }
                    if self.unsaved.get_untracked().is_some() {
                        self.unsaved.set(None);
                    }
                }
                Err(e) => self.unsaved.set(Some(e)),
            },
            None => self.unsaved.set(Some(store::Unsaved::Unavailable)),
        }
        self.put(a);
    }

    /// Refreshes an assessment's entry in the list, and the open assessment if it is that one.
    fn put(&self, a: Assessment) {
        if self
            .current
            .with_untracked(|c| c.as_ref().is_some_and(|x| x.id == a.id))
        {
            self.current.set(Some(a.clone()));
        }
        self.list
            .update(|l| match l.iter_mut().find(|x| x.id == a.id) {
                Some(slot) => *slot = a,
                None => l.insert(0, a),
            });
    }

    /// Saves a whole new assessment (start, duplicate, undo) and adds it to the list.
    pub fn add(&self, a: Assessment) {
        match store::local() {
            Some(s) => match store::write(&s, &a) {
                Ok(()) => store::set_last(&s, &a.id),
                Err(e) => self.unsaved.set(Some(e)),
            },
            None => self.unsaved.set(Some(store::Unsaved::Unavailable)),
        }
        self.list.update(|l| {
            l.retain(|x| x.id != a.id);
            l.insert(0, a);
        });
    }

    pub fn delete(&self, id: &str) {
        let gone = self
            .list
            .with_untracked(|l| l.iter().find(|a| a.id == id).cloned());
        if let Some(s) = store::local() {
            store::remove(&s, &crate::model::storage::key(id));
        }
        self.list.update(|l| l.retain(|a| a.id != id));
        if self
            .current
            .with_untracked(|c| c.as_ref().is_some_and(|a| a.id == id))
        {
            self.current.set(None);
        }
        self.deleted.set(gone);
    }

    /// Opens the assessment a route names, if it exists here.
    fn open(&self, id: &str) -> bool {
        if self
            .current
            .with_untracked(|c| c.as_ref().is_some_and(|a| a.id == id))
        {
            return true;
        }
        let found = self
            .list
            .with_untracked(|l| l.iter().find(|a| a.id == id).cloned());
        let ok = found.is_some();
        self.current.set(found);
        ok
    }

    /// Records where the respondent is, so a reload or a later visit resumes there.
    pub fn visit(&self, place: Place) {
        self.dispatch(Action::Visit(place));
    }
}

impl Default for Ctx {
    fn default() -> Self {
        Ctx::new()
    }
}

pub fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Navigates by changing the fragment; the `hashchange` listener updates the route.
pub fn go(route: &Route) {
    let _ = window().location().set_hash(&route.href());
}

/// Replaces the fragment without a new history entry (used for redirects).
fn replace(route: &Route) {
    if let Ok(history) = window().history() {
        let _ =
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&route.href()));
    }
}

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let ctx = Ctx::new();
    provide_context(ctx);

    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        ctx.route.set(Route::parse(&current_hash()));
    });
    // Another tab changed storage: pick up its answers rather than overwrite them later.
    let on_storage = window_event_listener(leptos::ev::storage, move |e| {
        let ours = e.key().is_none_or(|k| k.starts_with("bita."));
        if ours {
            ctx.reload();
        }
    });
    on_cleanup(move || {
        on_hash.remove();
        on_storage.remove();
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
        </header>
        // Messages sit inside the main landmark, above the page they concern.
        <main id="main" tabindex="-1">
            <Notices/>
            {move || page(ctx)}
        </main>
        <footer class="foot">
            <p>"Your answers stay in this browser. Nothing is sent anywhere."</p>
        </footer>
    }
}

pub fn focus_main() {
    if let Some(el) = document().get_element_by_id("main") {
        use wasm_bindgen::JsCast;
        let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

fn page(ctx: Ctx) -> AnyView {
    let route = ctx.route.get();
    if let Some(id) = route.assessment() {
        if !untrack(|| ctx.open(id)) {
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
        Route::Landing => {
            let resume = store::local().and_then(|s| store::last(&s)).and_then(|id| {
                ctx.list
                    .with_untracked(|l| l.iter().find(|a| a.id == id).cloned())
            });
            let next = match resume {
                Some(a) => Route::of_place(&a.id, &a.place, &bank.dimensions[0].id),
                None => Route::Home,
            };
            replace(&next);
            ctx.route.set(next);
            ().into_any()
        }
        Route::Home => view! { <home::Home/> }.into_any(),
        Route::Resume { id } => {
            let place = ctx
                .current
                .with_untracked(|c| c.as_ref().map(|a| a.place.clone()))
                .unwrap_or_default();
            let next = Route::of_place(&id, &place, &bank.dimensions[0].id);
            replace(&next);
            ctx.route.set(next);
            ().into_any()
        }
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
        Route::Review { .. } => view! { <review::Review/> }.into_any(),
        Route::Results { .. } => view! { <review::Results/> }.into_any(),
        Route::NotFound(_) => not_found(),
    }
}

fn not_found() -> AnyView {
    view! {
        <section class="page">
            <h1>"Page not found"</h1>
            <p>"This address does not lead to a page of bita."</p>
            <p><a href="#/">"Go to the start page"</a></p>
        </section>
    }
    .into_any()
}

/// Messages about storage: what could not be read or saved, and deleted assessments to undo.
#[component]
fn Notices() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let export_current = move |_| {
        if let Some(a) = ctx.current.get_untracked() {
            home::export(&a);
        }
    };
    view! {
        <div class="notices" aria-live="polite">
            {move || ctx.unsaved.get().map(|u| view! {
                <div class="notice warn" role="alert">
                    <p>{u.message()}</p>
                    <Show when=move || ctx.current.with(Option::is_some)>
                        <button type="button" on:click=export_current>"Export this assessment"</button>
                    </Show>
                </div>
            })}
            <For
                each=move || ctx.unreadable.get()
                key=|u| u.key.clone()
                let:u
            >
                <UnreadableNotice u=u/>
            </For>
            {move || ctx.deleted.get().map(|a| {
                let name = a.display_name().to_string();
                let restore = a.clone();
                view! {
                    <div class="notice">
                        <p>"Deleted “" {name} "”."</p>
                        <button type="button" on:click=move |_| {
                            ctx.add(restore.clone());
                            ctx.deleted.set(None);
                        }>"Undo"</button>
                        <button type="button" class="quiet" on:click=move |_| ctx.deleted.set(None)>"Dismiss"</button>
                    </div>
                }
            })}
        </div>
    }
}

#[component]
fn UnreadableNotice(u: Unreadable) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let key = u.key.clone();
    let raw = u.raw.clone();
    let file = format!("{}-unreadable.json", u.key.replace('.', "-"));
    let confirm_key = key.clone();
    view! {
        <div class="notice error" role="alert">
            <p>
                "A saved assessment could not be opened: " {u.error.to_string()} ". "
                "bita has left it untouched; everything else works as usual."
            </p>
            <button type="button" on:click=move |_| store::download(&file, "application/json", &raw)>
                "Download its raw data"
            </button>
            <button type="button" class="quiet" on:click=move |_| {
                let sure = window()
                    .confirm_with_message("Delete the unreadable data for good? Download it first if you may need it.")
                    .unwrap_or(false);
                if sure {
                    if let Some(s) = store::local() {
                        store::remove(&s, &confirm_key);
                    }
                    ctx.unreadable.update(|l| l.retain(|x| x.key != confirm_key));
                }
            }>"Delete it"</button>
        </div>
    }
}
