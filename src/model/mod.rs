//! The pure domain: no leptos, web-sys, gloo or charming here (they are not even dependencies natively).

pub mod advice;
pub mod alignment_page;
pub mod assessment;
pub mod bank;
#[cfg(not(target_arch = "wasm32"))]
pub mod bank_language;
pub mod blocks;
pub mod catalogue;
pub mod catalogue_csv;
pub mod catalogue_lexicon;
pub mod catalogue_page;
pub mod catalogue_record;
pub mod catalogue_shelf;
pub mod chart_options;
pub mod codec;
pub mod compare;
pub mod compare_inputs;
pub mod compare_page;
pub mod compare_picks;
pub mod dates;
pub mod exchange;
pub mod interface;
pub mod json;
pub mod link_bytes;
pub mod map;
pub mod plan_page;
pub mod report;
pub mod report_sections;
pub mod report_summary;
pub mod report_texts;
pub mod roadmap;
pub mod scoring;
pub mod share;
pub mod storage;
pub mod store;
pub mod team;
pub mod team_trend_page;
pub mod words;

pub use assessment::{Action, Answer, Assessment, Perspective};
pub use bank::{Bank, Dimension, Question};

use std::sync::OnceLock;

/// The bank `build.rs` wrote for the page in the language in use: what the walk needs, without
/// the advice texts (it comes in the first view's file of the language, beside its words).
fn read_walk_bank() -> Bank {
    json::parse(words::first_file())
        .map_err(|e| e.to_string())
        .and_then(|j| codec::bank(j.get("bank").unwrap_or(&j)))
        // Not `expect`: it would format the error with `Debug`, code the page has no other use for.
        .unwrap_or_else(|e| panic!("build.rs wrote a valid bank: {e}"))
}

/// The bank as the page gets it first.
fn walk_bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(bank) = words::native_bank() {
        return bank;
    }
    BANK.get_or_init(read_walk_bank)
}

static FULL: OnceLock<Bank> = OnceLock::new();

/// Every language of this build, with the files the page fetches of each (`build.rs`).
pub mod languages {
    /// One language: its code (`<html lang>`), its own name (the switch shows it) and its files.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct Language {
        pub code: &'static str,
        pub name: &'static str,
        /// The first view's words and the walk's bank: the loader fetches it beside the wasm.
        pub texts: &'static str,
        /// The other pages' words, fetched with the first of them.
        pub pages: &'static str,
        /// The advice and the report's sentences, fetched with the report's code.
        pub advice: &'static str,
    }

    include!(concat!(env!("OUT_DIR"), "/languages.rs"));

    /// The language with this code, if the build has it.
    pub fn find(code: &str) -> Option<&'static Language> {
        LANGUAGES.iter().find(|l| l.code == code)
    }
}

/// The file (beside `index.html`) that holds the catalogue check's lexicon of this build.
pub const CATALOGUE_FILE: &str = include_str!(concat!(env!("OUT_DIR"), "/catalogue.name"));

/// The lexicon of this build, as written to [`CATALOGUE_FILE`] (natively only, as the advice).
#[cfg(not(target_arch = "wasm32"))]
pub fn catalogue_json() -> &'static str {
    include_str!(concat!(env!("OUT_DIR"), "/catalogue.json"))
}

/// Completes the bank with the advice texts, and takes in the report's sentences, from the
/// language's report file (once; later calls change nothing).
pub fn install_advice(json: &str) -> Result<&'static Bank, String> {
    if let Some(full) = FULL.get() {
        return Ok(full);
    }
    let (full, texts) = read_report_file(json, read_walk_bank())?;
    words::install_report(texts);
    Ok(FULL.get_or_init(|| full))
}

/// A language's report file put over its walk's bank: the whole bank and the report's sentences.
fn read_report_file(json: &str, mut bank: Bank) -> Result<(Bank, Vec<String>), String> {
    let damaged = |e: String| format!("the advice texts are damaged ({e})");
    let file = json::parse(json).map_err(|e| damaged(e.to_string()))?;
    let part = |key: &str| file.get(key).ok_or_else(|| damaged(format!("no {key}")));
    let advice = codec::advice(part("advice")?).map_err(damaged)?;
    let texts = read_texts(part("report")?, keys::REPORT_COUNT).map_err(damaged)?;
    bank.merge_advice(&advice)?;
    Ok((bank, texts))
}

/// Whether the advice texts are in (always natively; in the page once fetched).
pub fn advice_ready() -> bool {
    cfg!(not(target_arch = "wasm32")) || FULL.get().is_some()
}

/// A language's whole bank and report sentences, read from its files as the page reads them
/// (natively: the tests of every language).
#[cfg(not(target_arch = "wasm32"))]
pub fn language_bank(code: &str) -> Option<(Bank, Vec<String>)> {
    let [first, _, report] = languages::contents(code)?;
    let bank = json::parse(first)
        .map_err(|e| e.to_string())
        .and_then(|j| codec::bank(j.get("bank").unwrap_or(&j)))
        .ok()?;
    read_report_file(report, bank).ok()
}

/// The question bank shipped with this build, validated by `build.rs`: with the advice texts
/// natively, and in the page once they have arrived (before that, without them).
pub fn builtin() -> &'static Bank {
    #[cfg(not(target_arch = "wasm32"))]
    {
        if let Some(bank) = words::native_bank() {
            return bank;
        }
        if FULL.get().is_none() {
            let [_, _, report] = languages::contents(languages::LANGUAGES[0].code)
                .unwrap_or_else(|| panic!("build.rs wrote the default language"));
            install_advice(report)
                .unwrap_or_else(|e| panic!("build.rs wrote matching advice texts: {e}"));
        }
    }
    FULL.get().unwrap_or_else(walk_bank)
}

/// A stable insertion sort. The lists bita sorts are short (steps, dimensions, saved assessments),
/// and the standard library's stable sort adds its code anew for every element type it sorts
/// (measured: see the levers table in docs/size-and-speed.md).
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> std::cmp::Ordering) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && cmp(&v[j - 1], &v[j]) == std::cmp::Ordering::Greater {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// [`sort_by`] on a key.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Whether a question is asked of a side.
pub fn asks(q: &Question, side: Perspective) -> bool {
    match q.audience {
        None => true,
        Some(bank::Audience::It) => side == Perspective::It,
        Some(bank::Audience::Business) => side == Perspective::Business,
    }
}

impl Bank {
    pub fn version(&self) -> u32 {
        self.model.version
    }

    /// The questions of a dimension that the current model version asks, in order.
    pub fn active<'a>(&self, dim: &'a Dimension) -> impl Iterator<Item = &'a Question> + 'a {
        let version = self.model.version;
        dim.questions.iter().filter(move |q| q.active_in(version))
    }

    /// The questions of a dimension asked of one side (the current version; `audience` respected).
    pub fn asked<'a>(
        &self,
        dim: &'a Dimension,
        side: Perspective,
    ) -> impl Iterator<Item = &'a Question> + 'a {
        self.active(dim).filter(move |q| asks(q, side))
    }

    /// Every question the given model version asks, in its fixed order (what a share link relies on).
    pub fn order(&self, version: u32) -> Vec<&Question> {
        self.dimensions
            .iter()
            .flat_map(|d| d.questions.iter())
            .filter(|q| q.active_in(version))
            .collect()
    }

    /// The number of questions asked by the current version.
    pub fn question_count(&self) -> usize {
        self.order(self.model.version).len()
    }

    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    /// A question by id, with its dimension, whether or not it is still asked.
    pub fn question(&self, id: &str) -> Option<(&Dimension, &Question)> {
        self.dimensions
            .iter()
            .find_map(|d| d.questions.iter().find(|q| q.id == id).map(|q| (d, q)))
    }

    pub fn level_name(&self, level: u8) -> &str {
        self.model
            .levels
            .iter()
            .find(|l| l.level == level)
            .map_or("", |l| l.name.as_str())
    }
}

/// The constants naming each interface text (`model::interface`), generated by the build from the
/// default language's files: `keys::start::BUTTON`.
pub mod keys {
    include!(concat!(env!("OUT_DIR"), "/texts.rs"));
}

/// A language's interface texts as the page gets them: a JSON array of `count` strings.
pub fn read_texts(list: &json::Json, count: usize) -> Result<Vec<String>, String> {
    let list: Option<Vec<String>> = list
        .as_array()
        .map(|l| l.iter().map(|t| t.as_str().map(str::to_string)).collect())
        .unwrap_or(None);
    match list {
        Some(l) if l.len() == count => Ok(l),
        Some(l) => Err(format!("{} texts where this version has {count}", l.len())),
        None => Err("not a list of texts".into()),
    }
}
