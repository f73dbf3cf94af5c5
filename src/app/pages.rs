//! The one place that turns a route into a page, and the pages whose code is a chunk of its own.

use super::chunks::{call_chunk, Unloaded};
use super::offline::CodeMissing;
use super::words::tr;
use super::{browser, compare, home, notices, results, review, shared_report, walk, Ctx};
use crate::model::builtin;
use crate::model::keys as k;
use crate::route::Route;
use leptos::prelude::*;
use std::future::Future;

/// The one place that turns a route into a page. Every navigation builds the page afresh: nothing
/// of the previous page's DOM (checked radios, open notes) carries over. A view of the same type
/// would be patched in place, so consecutive pages alternate between the two sides of an
/// `Either`, whose change of side always replaces the old page (a keyed `<For>` does the same
/// at several kilobytes more of wasm).
#[component]
pub(super) fn Pages(
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
                    <h1>{tr(k::pages::NO_ASSESSMENT)}</h1>
                    <p>{tr(k::pages::NO_ASSESSMENT_TEXT)}</p>
                    <p><a href="#/">{tr(k::pages::START)}</a></p>
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
        Route::Review { .. } => {
            page_from_chunk(Box::pin(async move { call_chunk!(review_page()) }), None)
        }
        Route::Results { .. } => view! { <results::Results/> }.into_any(),
        // Both show reports: their chunk and the report's are fetched side by side.
        Route::Shared(payload) => {
            ctx.load_report();
            page_from_chunk(
                Box::pin(async move { call_chunk!(shared_page(payload)) }),
                None,
            )
        }
        Route::Compare => {
            ctx.load_report();
            page_from_chunk(Box::pin(async move { call_chunk!(compare_page()) }), None)
        }
        Route::Catalogue(id) => page_from_chunk(
            Box::pin(async move {
                match call_chunk!(catalogue_chunk(CatalogueCall::Page(id))) {
                    Ok(CatalogueDone::Page(page)) => Ok(page),
                    _ => Err(Unloaded),
                }
            }),
            None,
        ),
        Route::NotFound(_) => not_found(),
    }
}

fn not_found() -> AnyView {
    request_animation_frame(browser::show_page);
    view! {
        <section class="page">
            <h1>{tr(k::pages::NOT_FOUND)}</h1>
            <p>{tr(k::pages::NOT_FOUND_TEXT)}</p>
            <p><a href="#/">{tr(k::pages::START)}</a></p>
        </section>
    }
    .into_any()
}

/// A page's code on its way. Boxed: the task that awaits it is then one function for every page,
/// not one per page (each cost about 1 KB of the first view).
pub(super) type PageFuture = std::pin::Pin<Box<dyn Future<Output = Result<AnyView, Unloaded>>>>;

/// A page whose code is fetched when it is first opened: with the `split` feature (the release
/// build, see scripts/wasm) its functions go into a chunk of their own, kept out of the first view.
/// Without it (tests) they are called directly. Says so while it loads, and when it cannot.
/// With `part` (what it is), it is a part of a page (the start page's saved list, a report's
/// roadmap): it says so without a page's heading.
pub(super) fn page_from_chunk(page: PageFuture, part: Option<&'static str>) -> AnyView {
    let arrived = RwSignal::new(false);
    let slot = StoredValue::new_local(None::<AnyView>);
    // Scoped: the page is built inside the task, and needs this page's owner (its context).
    leptos::task::spawn_local_scoped(async move {
        // The page's words first (fetched already once an answer was given): the call into its
        // chunk builds the page as soon as its code is in.
        let page = match super::words::load_pages().await {
            Ok(()) => page.await,
            Err(_) => Err(Unloaded),
        };
        let view = page.unwrap_or_else(|Unloaded| {
            if let Some(what) = part {
                return view! { <CodeMissing what=what/> }.into_any();
            }
            request_animation_frame(browser::show_page);
            view! {
                <section class="page">
                    <h1>{tr(k::pages::NOT_LOADED)}</h1>
                    <CodeMissing what=tr(k::pages::THIS_PAGE)/>
                    <p><a href="#/">{tr(k::pages::START)}</a></p>
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
            Some(view! { <p class="page" role="status">{tr(if part.is_some() { k::pages::LOADING } else { k::pages::LOADING_PAGE })}</p> }.into_any())
        }
    })
    .into_any()
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

/// What the start page's chunk is asked for: the list of saved assessments, or reading an import
/// file (one split point for both: a split point costs the first view more than sharing does).
pub(super) enum SavedCall {
    List,
    Import(Ctx, String),
}

pub(super) enum SavedDone {
    List(AnyView),
    Import(std::pin::Pin<Box<dyn Future<Output = Result<String, String>>>>),
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(saved, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn saved_chunk(call: SavedCall) -> Result<SavedDone, Unloaded> {
    Ok(match call {
        SavedCall::List => SavedDone::List(view! { <super::saved::SavedList/> }.into_any()),
        SavedCall::Import(ctx, text) => {
            SavedDone::Import(Box::pin(super::saved::import(ctx, text)))
        }
    })
}

/// Reads an export file and saves what it holds (everything or nothing); what it did, in words.
pub async fn import_file(ctx: Ctx, text: String) -> Result<String, String> {
    // The import's words come with the other pages' (see `page_from_chunk`).
    if super::words::load_pages().await.is_err() {
        return Err(tr(k::pages::IMPORT_MISSING).into());
    }
    match call_chunk!(saved_chunk(SavedCall::Import(ctx, text))) {
        Ok(SavedDone::Import(done)) => done.await,
        _ => Err(tr(k::pages::IMPORT_MISSING).into()),
    }
}

/// The start page's list of saved assessments, fetched when there are any.
pub fn saved_list_later() -> AnyView {
    page_from_chunk(
        Box::pin(async move {
            match call_chunk!(saved_chunk(SavedCall::List)) {
                Ok(SavedDone::List(view)) => Ok(view),
                _ => Err(Unloaded),
            }
        }),
        Some(tr(k::pages::SAVED_LIST)),
    )
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

/// What the catalogue check's chunk is asked for: its page, or the catalogues of an import file. One chunk for both: each split point of its own would cut the code shared with
/// the report into more, smaller chunks, each a request of the report's.
pub(super) enum CatalogueCall {
    Page(Option<String>),
    Import(String),
}

pub(super) enum CatalogueDone {
    Page(AnyView),
    Import(Result<usize, String>),
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(catalogue, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn catalogue_chunk(call: CatalogueCall) -> Result<CatalogueDone, Unloaded> {
    Ok(match call {
        CatalogueCall::Page(id) => {
            CatalogueDone::Page(view! { <super::catalogue::CataloguePage id=id/> }.into_any())
        }
        CatalogueCall::Import(text) => CatalogueDone::Import(super::catalogue::import_file(&text)),
    })
}

/// Reads and saves the catalogues an import file holds (every one or none): how many.
pub async fn import_catalogues(text: String) -> Result<usize, String> {
    match call_chunk!(catalogue_chunk(CatalogueCall::Import(text))) {
        Ok(CatalogueDone::Import(done)) => done,
        _ => Err(tr(k::pages::CATALOGUE_IMPORT_MISSING).into()),
    }
}
