//! Writes the data files of this build into the folder given as argument: each language's three
//! (`model::languages`) and the catalogue check's lexicon (`model::CATALOGUE_FILE`).
//! scripts/site.mjs runs it for dist/.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use bita::model::languages::{contents, LANGUAGES};
    let dir = std::env::args()
        .nth(1)
        .expect("give the folder to write to");
    let mut files = vec![(bita::model::CATALOGUE_FILE, bita::model::catalogue_json())];
    for l in LANGUAGES {
        let [texts, pages, advice] = contents(l.code).expect("build.rs wrote every language");
        files.extend([(l.texts, texts), (l.pages, pages), (l.advice, advice)]);
    }
    for (name, text) in files {
        let path = std::path::Path::new(&dir).join(name);
        std::fs::write(&path, text)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
