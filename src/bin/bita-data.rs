//! Writes the advice texts of this build (`model::ADVICE_FILE`) into the folder given as argument
//! (scripts/site.mjs runs it for dist/).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("give the folder to write to");
    let path = std::path::Path::new(&dir).join(bita::model::ADVICE_FILE);
    std::fs::write(&path, bita::model::advice_json())
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}
