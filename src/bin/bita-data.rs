//! Writes the advice texts of this build (`model::ADVICE_FILE`) into a folder: trunk's staging
//! folder when run as its post-build hook (see `Trunk.toml`), or the folder given as argument.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok())
        .expect("give the folder to write to, or run as trunk's post_build hook");
    let path = std::path::Path::new(&dir).join(bita::model::ADVICE_FILE);
    std::fs::write(&path, bita::model::advice_json())
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

#[cfg(target_arch = "wasm32")]
fn main() {}
