#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(bita::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("bita runs in the browser: see README.md for the command that serves it.");
}
