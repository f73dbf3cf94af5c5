//! Validates the question bank in `questions/` and hands it to the crate as JSON, so that bad data
//! fails the build with a message naming the file and the field.
// Native only: the size rules of clippy.toml are for the page.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

#[allow(dead_code)]
#[path = "src/model/bank.rs"]
mod bank;

#[path = "src/charts.rs"]
mod charts;

#[allow(dead_code)]
#[path = "src/model/catalogue.rs"]
mod catalogue;

#[path = "src/model/catalogue_lexicon.rs"]
mod catalogue_lexicon;

#[allow(dead_code)]
#[path = "src/model/interface.rs"]
mod interface;

fn main() {
    println!("cargo:rerun-if-changed=questions");
    println!("cargo:rerun-if-changed=src/model/bank.rs");
    println!("cargo:rerun-if-changed=src/charts.rs");
    println!("cargo:rerun-if-changed=src/model/catalogue.rs");
    println!("cargo:rerun-if-changed=src/model/catalogue_lexicon.rs");
    println!("cargo:rerun-if-changed=src/model/interface.rs");
    // wasm-split reads the linker's relocations to cut the release build into chunks (scripts/wasm).
    if std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bin=bita=--emit-relocs");
    }
    // Read when the script runs, not when it was compiled: a target folder moved to another
    // checkout must not read the old checkout's questions.
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = std::path::Path::new(&root).join("questions");
    let mut bank = match bank::load_dir(&dir) {
        Ok(bank) => bank,
        Err(issues) => {
            eprintln!("{issues}");
            std::process::exit(1);
        }
    };
    // The catalogue check's lexicon: read as the page will, and refused with what is wrong.
    let file = format!("questions/{}", bank::CATALOGUE_FILE);
    let lexicon = std::fs::read_to_string(dir.join(bank::CATALOGUE_FILE))
        .map_err(|e| vec![e.to_string()])
        .and_then(|t| {
            toml::from_str::<catalogue::Lexicon>(&t).map_err(|e| vec![e.message().to_string()])
        })
        .and_then(|l| match l.problems() {
            p if p.is_empty() => Ok(l),
            p => Err(p),
        });
    let lexicon = match lexicon {
        Ok(l) => l,
        Err(problems) => {
            for p in problems {
                eprintln!("{file}: {p}");
            }
            std::process::exit(1);
        }
    };
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    interface_texts(&dir, &out);
    // Fetched with the catalogue check's page, named by its content as the advice is.
    let lexicon = serde_json::to_string(&lexicon).expect("a lexicon serialises");
    let name = format!("catalogue-{:08x}.json", bank::fingerprint(&lexicon));
    std::fs::write(out.join("catalogue.json"), lexicon).expect("OUT_DIR is writable");
    std::fs::write(out.join("catalogue.name"), name).expect("OUT_DIR is writable");
    std::fs::write(out.join("charts.rs"), charts::source()).expect("OUT_DIR is writable");
    bank.strip_for_the_page();
    // The first view's bank holds what the walk needs; the advice texts are fetched with the
    // report from a file of their own, named by its content so a cache never serves an old one.
    let advice = bank.split_advice();
    let json = serde_json::to_string(&bank).expect("a bank always serialises");
    std::fs::write(out.join("bank.json"), json).expect("OUT_DIR is writable");
    let advice = serde_json::to_string(&advice).expect("texts serialise");
    let name = format!("advice-{:08x}.json", bank::fingerprint(&advice));
    std::fs::write(out.join("advice.json"), advice).expect("OUT_DIR is writable");
    std::fs::write(out.join("advice.name"), name).expect("OUT_DIR is writable");

    // The report's sentences: three tables of non-empty strings (the keys the code uses are
    // checked by tests/report.rs).
    let file = format!("questions/{}", bank::REPORT_FILE);
    let texts = read_table(&dir, bank::REPORT_FILE);
    for (table, entries) in &texts {
        for (key, value) in entries {
            if value.trim().is_empty() {
                eprintln!("{file}: {table}.{key}: must not be empty");
                std::process::exit(1);
            }
        }
    }
    let json = serde_json::to_string(&texts).expect("texts serialise");
    std::fs::write(out.join("report.json"), json).expect("OUT_DIR is writable");
}

/// The interface's words (`model::interface`), in two files: the first view's and the other
/// pages' (fetched with the first page that needs them). Checked, the code's constants generated
/// (one set for both: a section is in one file only), and each written as the array the page
/// fetches, named by its content.
fn interface_texts(dir: &std::path::Path, out: &std::path::Path) {
    let read = |name: &str| -> interface::Table {
        let file = format!("questions/{name}");
        let table = read_table(dir, name);
        let problems = interface::problems(&file, &table, None);
        if !problems.is_empty() {
            for p in problems {
                eprintln!("{p}");
            }
            std::process::exit(1);
        }
        table
    };
    let first = read(bank::INTERFACE_FILE);
    let pages = read(bank::INTERFACE_PAGES_FILE);
    if let Some(both) = first.keys().find(|s| pages.contains_key(*s)) {
        eprintln!(
            "questions/{}: [{both}] is in questions/{} too: a section is in one file only",
            bank::INTERFACE_PAGES_FILE,
            bank::INTERFACE_FILE
        );
        std::process::exit(1);
    }
    let (first_list, page_list) = (interface::in_order(&first), interface::in_order(&pages));
    let code = format!(
        "/// How many interface texts of the first view a language has.\npub const COUNT: usize = {};\n\
         /// How many of the other pages.\npub const PAGE_COUNT: usize = {};\n{}{}",
        first_list.len(),
        page_list.len(),
        interface::constants(&first, 0),
        interface::constants(&pages, first_list.len() as u16)
    );
    std::fs::write(out.join("texts.rs"), code).expect("OUT_DIR is writable");
    for (list, stem) in [(first_list, "texts"), (page_list, "pages")] {
        let json = serde_json::to_string(&list).expect("texts serialise");
        let name = format!("{stem}-en-{:08x}.json", bank::fingerprint(&json));
        std::fs::write(out.join(format!("{stem}.en.json")), json).expect("OUT_DIR is writable");
        std::fs::write(out.join(format!("{stem}.en.name")), name).expect("OUT_DIR is writable");
    }
}

/// A file of texts in tables (`[table] key = "text"`), or the build stops naming the file.
fn read_table(dir: &std::path::Path, name: &str) -> interface::Table {
    match std::fs::read_to_string(dir.join(name))
        .map_err(|e| e.to_string())
        .and_then(|t| toml::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(t) => t,
        Err(e) => {
            eprintln!("questions/{name}: {e}");
            std::process::exit(1);
        }
    }
}
