//! One job per file: a source file over 400 lines (counted up to its test module) must be on the
//! list below, which names its one job. A file that grows past that says so here, and is split
//! or listed on purpose.
#![cfg(not(target_arch = "wasm32"))]
// Native only: the size rules of clippy.toml are for the page.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use std::path::Path;

const MAX_LINES: usize = 400;

/// At most five, each with the one job that keeps it whole.
const LONG_FILES: &[(&str, &str)] = &[
    (
        "src/model/bank.rs",
        "the question bank's model and every check of it",
    ),
    (
        "src/model/store.rs",
        "the store core: one reducer, the commit and the stash, with their rules",
    ),
    ("src/model/json.rs", "a small JSON reader and writer"),
    (
        "src/model/assessment.rs",
        "an assessment, its actions and stamps, and their merge",
    ),
    (
        "src/model/codec.rs",
        "each stored or built document read from and written to JSON",
    ),
];

fn lines_before_tests(text: &str) -> usize {
    text.lines()
        .take_while(|l| !l.starts_with("#[cfg(test)]") && !l.starts_with("#[cfg(all(test"))
        .count()
}

fn walk(dir: &Path, out: &mut Vec<(String, usize)>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("a source file");
            let rel = path
                .strip_prefix(env!("CARGO_MANIFEST_DIR"))
                .expect("under the crate")
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, lines_before_tests(&text)));
        }
    }
}

#[test]
fn every_long_source_file_is_listed_with_its_one_job() {
    assert!(LONG_FILES.len() <= 5, "at most five long files");
    let mut files = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let long: Vec<&(String, usize)> = files.iter().filter(|(_, n)| *n > MAX_LINES).collect();
    for (file, n) in &long {
        assert!(
            LONG_FILES.iter().any(|(f, _)| f == file),
            "{file} has {n} lines: split it by job, or list it here with its one job"
        );
    }
    for (file, job) in LONG_FILES {
        assert!(!job.is_empty());
        assert!(
            long.iter().any(|(f, _)| f == file),
            "{file} is no longer over {MAX_LINES} lines: take it off the list"
        );
    }
}
