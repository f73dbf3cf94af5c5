//! The interface texts, for the views (kept in the domain: see `model::words`).

pub use crate::model::words::{install, install_pages, pages_ready, tr, trf, trn};

/// Fetches the other pages' texts, unless they are in: once an answer is given (with the report's
/// code), and before a page that needs them is built, should it come first.
pub async fn load_pages() -> Result<(), String> {
    if pages_ready() {
        return Ok(());
    }
    let json = super::browser::fetch_text(crate::model::words::language().pages).await?;
    install_pages(&json)
}
