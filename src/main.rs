#[cfg(target_arch = "wasm32")]
#[global_allocator]
// Single-threaded: the page runs on one thread, so the allocator needs no lock.
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
}

/// Mounts the app in place of the skeleton, in `language` (its code), whose first view's file
/// the loader fetched beside the wasm as `texts`. Called by the page's loader in a task after the one that compiled and
/// started the wasm (see scripts/site.mjs): on a phone each takes tens of milliseconds, and the
/// page stays responsive between them.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount(texts: String, language: String) -> Result<(), String> {
    bita::app::words::install(&texts, &language)
        .map_err(|e| format!("its texts are unreadable: {e}"))?;
    if let Some(skeleton) = leptos::prelude::document().get_element_by_id("skeleton") {
        skeleton.remove();
    }
    leptos::mount::mount_to_body(bita::app::App);
    Ok(())
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("bita runs in the browser: see README.md for the command that serves it.");
}
