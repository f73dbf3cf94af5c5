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
    let texts: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>> =
        match std::fs::read_to_string(dir.join(bank::REPORT_FILE))
            .map_err(|e| e.to_string())
            .and_then(|t| toml::from_str(&t).map_err(|e| e.to_string()))
        {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{file}: {e}");
                std::process::exit(1);
            }
        };
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

/// The interface's words (`model::interface`): checked, the code's constants generated, and the
/// texts written as the array the page's loader fetches, named by its content.
fn interface_texts(dir: &std::path::Path, out: &std::path::Path) {
    let file = format!("questions/{}", bank::INTERFACE_FILE);
    let table: interface::Table = match std::fs::read_to_string(dir.join(bank::INTERFACE_FILE))
        .map_err(|e| e.to_string())
        .and_then(|t| toml::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{file}: {e}");
            std::process::exit(1);
        }
    };
    let problems = interface::problems(&file, &table, None);
    if !problems.is_empty() {
        for p in problems {
            eprintln!("{p}");
        }
        std::process::exit(1);
    }
    let list = interface::in_order(&table);
    let code = format!(
        "/// How many interface texts a language has.\npub const COUNT: usize = {};\n{}",
        list.len(),
        interface::constants(&table)
    );
    std::fs::write(out.join("texts.rs"), code).expect("OUT_DIR is writable");
    let json = serde_json::to_string(&list).expect("texts serialise");
    let name = format!("texts-en-{:08x}.json", bank::fingerprint(&json));
    std::fs::write(out.join("texts.en.json"), json).expect("OUT_DIR is writable");
    std::fs::write(out.join("texts.en.name"), name).expect("OUT_DIR is writable");
}
