//! Component tests in headless Chromium (wasm-bindgen-test): mount, click, check the DOM and storage.
#![cfg(target_arch = "wasm32")]

use bita::app::{render, App, Ctx, Questions};
use bita::model::blocks::Block;
use bita::model::storage::{self, key};
use bita::model::{builtin, Assessment};
use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

fn fresh_wrapper() -> web_sys::HtmlElement {
    // What the page's loader does before it mounts the app: the interface texts in.
    let [first, pages, _] = bita::model::languages::contents("en").unwrap();
    bita::app::words::install(first, "en").unwrap();
    bita::app::words::install_pages(pages).unwrap();
    local().clear().unwrap();
    let _ = window().location().set_hash("/");
    // Only our own roots: the test runner reports through elements of its own in the same page.
    let old = document().query_selector_all(".test-root").unwrap();
    for i in 0..old.length() {
        let node = old.item(i).unwrap();
        node.parent_node().unwrap().remove_child(&node).unwrap();
    }
    let wrapper = document().create_element("div").unwrap();
    wrapper.set_class_name("test-root");
    document().body().unwrap().append_child(&wrapper).unwrap();
    wrapper.unchecked_into()
}

/// Saves a fresh assessment under `id`, as a previous visit would have.
fn seed(id: &str) -> Assessment {
    let a = Assessment::new(builtin(), id.into(), 1.0);
    local().set_item(&key(id), &storage::encode(&a)).unwrap();
    a
}

/// Waits (up to about a second) for the stored copy of `id` to satisfy `ok`: saving is async.
async fn stored_when(id: &str, ok: impl Fn(&Assessment) -> bool) -> Assessment {
    for _ in 0..100 {
        if let Some(raw) = local().get_item(&key(id)).unwrap() {
            let a = storage::decode(&raw).unwrap();
            if ok(&a) {
                return a;
            }
        }
        sleep(10).await;
    }
    panic!(
        "the stored copy of {id} never reached the expected state: {:?}",
        local().get_item(&key(id))
    );
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Waits until the app has started: it mounts its shell, reads storage and builds the first page in
/// three tasks, `main` busy until the last.
async fn started(root: &web_sys::HtmlElement) {
    for _ in 0..200 {
        let busy = root.query_selector("main[aria-busy]").unwrap().is_some();
        if root.query_selector("main").unwrap().is_some() && !busy {
            return;
        }
        sleep(10).await;
    }
    panic!("the app did not start");
}

fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

fn click(root: &web_sys::HtmlElement, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element {selector}"))
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
}

#[wasm_bindgen_test]
async fn start_page_lists_the_dimensions_of_the_bank() {
    let root = fresh_wrapper();
    let _app = mount_to(root.clone(), App);
    started(&root).await;
    let expected: Vec<String> = builtin()
        .dimensions
        .iter()
        .map(|d| d.name.clone())
        .collect();
    assert_eq!(texts(&root, ".dimension-name"), expected);
    assert_eq!(
        texts(&root, "form.start button[type=submit]"),
        ["Start the assessment"]
    );
}

#[wasm_bindgen_test]
async fn choosing_a_statement_saves_it_and_marks_the_question() {
    let root = fresh_wrapper();
    let id = "webtest1".to_string();
    seed(&id);
    window()
        .location()
        .set_hash("/a/webtest1/d/service-definition")
        .unwrap();
    let _app = mount_to(root.clone(), move || {
        let ctx = Ctx::new();
        provide_context(ctx);
        view! { <Questions dimension=&builtin().dimensions[0] side=bita::model::Perspective::It/> }
    });
    tick().await;
    let card = root.query_selector("fieldset#q-sd-01").unwrap().unwrap();
    assert!(!card.class_list().contains("answered"));
    assert_eq!(
        texts(&root, "#q-sd-01 legend"),
        [builtin().dimensions[0].questions[0].text.clone()]
    );
    // Five statements plus "Don't know" and "Not applicable", all in one radio group.
    assert_eq!(
        root.query_selector_all("input[type=radio][name=sd-01]")
            .unwrap()
            .length(),
        7
    );

    click(&root, "label[for=sd-01-3]");
    tick().await;
    assert!(card.class_list().contains("answered"));
    stored_when(&id, |a| {
        a.answers.get("sd-01").map(|x| x.code()).as_deref() == Some("3")
    })
    .await;

    click(&root, "#sd-01-dk");
    tick().await;
    stored_when(&id, |a| {
        a.answers.get("sd-01").map(|x| x.code()).as_deref() == Some("dk")
    })
    .await;
    let checked = root.query_selector("input:checked").unwrap().unwrap();
    assert_eq!(checked.id(), "sd-01-dk");
}

#[wasm_bindgen_test]
async fn unreadable_storage_is_reported_and_the_rest_still_loads() {
    let root = fresh_wrapper();
    seed("goodone");
    local().set_item(&key("broken"), "{\"format\":").unwrap();
    let _app = mount_to(root.clone(), App);
    started(&root).await;
    let notices = texts(&root, ".notice.error");
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("could not be opened"), "{}", notices[0]);
    assert_eq!(texts(&root, ".saved-name"), ["Untitled assessment"]);
    assert_eq!(
        local().get_item(&key("broken")).unwrap().as_deref(),
        Some("{\"format\":"),
        "left untouched"
    );
}

#[wasm_bindgen_test]
async fn progress_and_dimension_counts_follow_the_answers() {
    let root = fresh_wrapper();
    seed("navtest");
    window().location().set_hash("/a/navtest/d/value").unwrap();
    let _app = mount_to(root.clone(), App);
    started(&root).await;
    let total = builtin().question_count();
    assert_eq!(
        texts(&root, ".progress-text"),
        [format!("0 of {total} answered")]
    );
    assert_eq!(texts(&root, "h1"), ["Value (2 of 5)"]);

    click(&root, "label[for=va-12-4]");
    click(&root, "label[for=va-09-na]");
    tick().await;
    assert_eq!(
        texts(&root, ".progress-text"),
        [format!("2 of {total} answered")]
    );
    let counts = texts(&root, ".nav-count");
    let size = |i: usize| builtin().active(&builtin().dimensions[i]).count();
    assert_eq!(counts[0], format!("0/{}", size(0)));
    assert_eq!(counts[1], format!("2/{}", size(1)));
    let here = texts(&root, ".dimnav a[aria-current=page] .nav-name");
    assert_eq!(here, ["Value"]);
}

/// Blocks are built by hand (see `app::report`): laid out again, a block that reads the same keeps
/// its element (focus in a table and its scroll stay), and one that changed is replaced.
#[wasm_bindgen_test]
async fn a_block_laid_out_again_is_kept_unless_it_changed() {
    let wrapper = fresh_wrapper();
    let section = |id: &'static str, text: &str| Block::Section {
        id,
        class: "report-section",
        title: id.to_string(),
        body: vec![Block::P("", text.to_string())],
    };
    let blocks = RwSignal::new(vec![section("kept", "same"), section("changed", "before")]);
    let _handle = mount_to(wrapper.clone(), move || {
        view! { <div>{move || render(blocks.get(), 0, "test")}</div> }
    });
    tick().await;
    let first = |id: &str| {
        wrapper
            .query_selector(&format!("section[aria-labelledby={id}]"))
            .unwrap()
            .unwrap()
    };
    let (kept, changed) = (first("kept"), first("changed"));
    assert_eq!(texts(&wrapper, "section p"), ["same", "before"]);
    blocks.set(vec![section("kept", "same"), section("changed", "after")]);
    tick().await;
    assert_eq!(texts(&wrapper, "section p"), ["same", "after"]);
    assert!(
        first("kept") == kept,
        "an unchanged block keeps its element"
    );
    assert!(first("changed") != changed, "a changed block is built anew");
    assert!(
        changed.parent_node().is_none(),
        "and the old one leaves the page"
    );
}
