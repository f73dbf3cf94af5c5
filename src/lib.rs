//! bita: a Business–IT Alignment maturity assessor.
//!
//! `model` is the pure domain (question bank, assessments, scoring, storage schema): no browser
//! crate is reachable from it, so it compiles and tests natively. `app` is the thin Leptos shell.

pub mod model;
pub mod route;

#[cfg(target_arch = "wasm32")]
pub mod app;
