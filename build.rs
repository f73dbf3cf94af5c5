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

#[path = "src/model/bank_language.rs"]
mod bank_language;

/// The default language: its files are `questions/*.toml`, another's `questions/<code>/`.
const DEFAULT: &str = "en";

fn main() {
    println!("cargo:rerun-if-changed=questions");
    println!("cargo:rerun-if-changed=src/model/bank.rs");
    println!("cargo:rerun-if-changed=src/charts.rs");
    println!("cargo:rerun-if-changed=src/model/catalogue.rs");
    println!("cargo:rerun-if-changed=src/model/catalogue_lexicon.rs");
    println!("cargo:rerun-if-changed=src/model/interface.rs");
    println!("cargo:rerun-if-changed=src/model/bank_language.rs");
    // wasm-split reads the linker's relocations to cut the release build into chunks (scripts/wasm).
    if std::env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo:rustc-link-arg-bin=bita=--emit-relocs");
    }
    // Read when the script runs, not when it was compiled: a target folder moved to another
    // checkout must not read the old checkout's questions.
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = std::path::Path::new(&root).join("questions");
    let bank = match bank::load_dir(&dir) {
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
    // Fetched with the catalogue check's page, named by its content as the advice is.
    let lexicon = serde_json::to_string(&lexicon).expect("a lexicon serialises");
    let name = format!("catalogue-{:08x}.json", bank::fingerprint(&lexicon));
    std::fs::write(out.join("catalogue.json"), lexicon).expect("OUT_DIR is writable");
    std::fs::write(out.join("catalogue.name"), name).expect("OUT_DIR is writable");
    std::fs::write(out.join("charts.rs"), charts::source()).expect("OUT_DIR is writable");
    let base = Language::read(&dir, "questions");
    base.check(None);
    let first = interface::in_order(&base.first).len();
    let pages = interface::in_order(&base.pages).len();
    if let Some(both) = base
        .report
        .keys()
        .find(|s| base.first.contains_key(*s) || base.pages.contains_key(*s))
    {
        stop_on(vec![format!(
            "questions/{}: [{both}] is an interface section too: a section is in one file only",
            bank::REPORT_FILE
        )]);
    }
    let code = format!(
        "/// How many interface texts of the first view a language has.\npub const COUNT: usize = {first};\n\
         /// How many of the other pages.\npub const PAGE_COUNT: usize = {pages};\n\
         /// How many of the report (fetched with its advice).\npub const REPORT_COUNT: usize = {};\n{}{}{}",
        interface::in_order(&base.report).len(),
        interface::constants(&base.first, 0),
        interface::constants(&base.pages, first as u16),
        interface::constants(&base.report, (first + pages) as u16)
    );
    std::fs::write(out.join("texts.rs"), code).expect("OUT_DIR is writable");
    let mut languages = vec![(DEFAULT.to_string(), base.write(&bank, &out, DEFAULT))];
    for code in other_languages(&dir) {
        let folder = format!("questions/{code}");
        let lang = Language::read(&dir.join(&code), &folder);
        lang.check(Some(&base));
        let texts = lang.bank(&dir.join(&code), &folder, &bank);
        languages.push((code.clone(), lang.write(&texts, &out, &code)));
    }
    std::fs::write(out.join("languages.rs"), languages_code(&languages))
        .expect("OUT_DIR is writable");
}

/// The folders of `questions/` named as a language (two lower-case letters), sorted.
fn other_languages(dir: &std::path::Path) -> Vec<String> {
    let mut list: Vec<String> = std::fs::read_dir(dir)
        .expect("questions/ is readable")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.len() == 2 && n.bytes().all(|b| b.is_ascii_lowercase()))
        .collect();
    list.sort();
    list
}

/// One language's tables of words (the bank's are read by `Language::bank`).
struct Language {
    first: interface::Table,
    pages: interface::Table,
    report: interface::Table,
    folder: String,
}

/// What the page fetches of one language: the first view's file, the other pages', the report's.
struct Files {
    name: String,
    texts: String,
    pages: String,
    advice: String,
}

impl Language {
    fn read(dir: &std::path::Path, folder: &str) -> Self {
        Language {
            first: read_table(dir, folder, bank::INTERFACE_FILE),
            pages: read_table(dir, folder, bank::INTERFACE_PAGES_FILE),
            report: read_table(dir, folder, bank::REPORT_FILE),
            folder: folder.to_string(),
        }
    }

    /// Stops the build naming the file and the key where a table is wrong, or (for another
    /// language) does not match the default's: every key, no unknown one, the same placeholders.
    fn check(&self, base: Option<&Language>) {
        let mut problems = Vec::new();
        for (table, name, of) in [
            (&self.first, bank::INTERFACE_FILE, base.map(|b| &b.first)),
            (
                &self.pages,
                bank::INTERFACE_PAGES_FILE,
                base.map(|b| &b.pages),
            ),
            (&self.report, bank::REPORT_FILE, base.map(|b| &b.report)),
        ] {
            problems.extend(interface::problems(
                &format!("{}/{name}", self.folder),
                table,
                of,
            ));
        }
        if let Some(both) = self.first.keys().find(|s| self.pages.contains_key(*s)) {
            problems.push(format!(
                "{}/{}: [{both}] is in {}/{} too: a section is in one file only",
                self.folder,
                bank::INTERFACE_PAGES_FILE,
                self.folder,
                bank::INTERFACE_FILE
            ));
        }
        stop_on(problems);
    }

    /// The default bank with this language's words over it, or the build stops saying why.
    fn bank(&self, dir: &std::path::Path, folder: &str, base: &bank::Bank) -> bank::Bank {
        fn parse<T: serde::de::DeserializeOwned>(
            dir: &std::path::Path,
            folder: &str,
            name: &str,
        ) -> T {
            let text = std::fs::read_to_string(dir.join(name))
                .map_err(|e| e.to_string())
                .and_then(|t| toml::from_str(&t).map_err(|e| e.to_string()));
            text.unwrap_or_else(|e| {
                eprintln!("{folder}/{name}: {e}");
                std::process::exit(1);
            })
        }
        let model = parse(dir, folder, "model.toml");
        let dims = base
            .model
            .dimensions
            .iter()
            .map(|d| parse(dir, folder, &format!("{d}.toml")))
            .collect();
        let mut out = base.clone();
        stop_on(bank_language::apply(&mut out, folder, model, dims));
        out
    }

    /// Writes the three files of this language, named by their content (a cache never serves an
    /// old one). The first view's holds the interface texts and the walk's bank (so a language's
    /// questions come with its words, beside the wasm); the report's holds the advice and the
    /// report's sentences.
    fn write(&self, bank: &bank::Bank, out: &std::path::Path, code: &str) -> Files {
        let mut walk = bank.clone();
        walk.strip_for_the_page();
        let advice = walk.split_advice();
        let texts = serde_json::json!({ "texts": interface::in_order(&self.first), "bank": walk });
        let pages = serde_json::json!(interface::in_order(&self.pages));
        let report = serde_json::json!({
            "advice": advice,
            "report": interface::in_order(&self.report),
        });
        let mut names = Vec::new();
        for (stem, json) in [("texts", texts), ("pages", pages), ("advice", report)] {
            let json = json.to_string();
            let name = format!("{stem}-{code}-{:08x}.json", bank::fingerprint(&json));
            std::fs::write(out.join(format!("{stem}.{code}.json")), json)
                .expect("OUT_DIR is writable");
            names.push(name);
        }
        let [texts, pages, advice] = <[String; 3]>::try_from(names).expect("three files");
        let name = self.first["shell"]["language"].clone();
        Files {
            name,
            texts,
            pages,
            advice,
        }
    }
}

/// `model::languages`: each language's code, own name and files; natively also their contents.
fn languages_code(list: &[(String, Files)]) -> String {
    let mut code = String::from("/// Every language of this build, the default first.\npub const LANGUAGES: &[Language] = &[\n");
    for (lang, f) in list {
        code += &format!(
            "    Language {{ code: {lang:?}, name: {:?}, texts: {:?}, pages: {:?}, advice: {:?} }},\n",
            f.name, f.texts, f.pages, f.advice
        );
    }
    code += "];\n/// A language's three files as written, for `bita-data` and the tests (the page fetches\n\
             /// them: nothing of the app calls this).\npub fn contents(code: &str) -> Option<[&'static str; 3]> {\n    match code {\n";
    for (lang, _) in list {
        code += &format!(
            "        {lang:?} => Some([{}]),\n",
            ["texts", "pages", "advice"]
                .map(|s| format!("include_str!(concat!(env!(\"OUT_DIR\"), \"/{s}.{lang}.json\"))"))
                .join(", ")
        );
    }
    code + "        _ => None,\n    }\n}\n"
}

fn stop_on(problems: Vec<String>) {
    if !problems.is_empty() {
        for p in problems {
            eprintln!("{p}");
        }
        std::process::exit(1);
    }
}

/// A file of texts in tables (`[table] key = "text"`), or the build stops naming the file.
fn read_table(dir: &std::path::Path, folder: &str, name: &str) -> interface::Table {
    match std::fs::read_to_string(dir.join(name))
        .map_err(|e| e.to_string())
        .and_then(|t| toml::from_str(&t).map_err(|e| e.to_string()))
    {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{folder}/{name}: {e}");
            std::process::exit(1);
        }
    }
}
