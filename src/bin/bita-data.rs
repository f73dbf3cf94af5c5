//! Writes the advice texts, the catalogue check's lexicon and the interface texts of this build
//! (`model::ADVICE_FILE`, `model::CATALOGUE_FILE`, `model::TEXTS_FILE`) into the folder given as
//! argument
//! (scripts/site.mjs runs it for dist/).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("give the folder to write to");
    for (name, text) in [
        (bita::model::ADVICE_FILE, bita::model::advice_json()),
        (bita::model::CATALOGUE_FILE, bita::model::catalogue_json()),
        (bita::model::TEXTS_FILE, bita::model::texts_json()),
        (bita::model::PAGE_TEXTS_FILE, bita::model::page_texts_json()),
    ] {
        let path = std::path::Path::new(&dir).join(name);
        std::fs::write(&path, text)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
