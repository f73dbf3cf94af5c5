//! The interface texts of the language the page runs in, installed by `mount` from the file the
//! loader fetched beside the wasm (see `model::interface`). In the domain, so that its messages
//! (an import refused, a record unreadable) are data too; natively (the tests, the build's tools)
//! the English texts of the build stand in until others are installed.

use super::interface::Text;
use super::keys;
use super::languages::{self, Language};
use super::report_texts::fill;

/// Installs the first view's file of a language (its words, and its bank for the walk: once; a
/// later call changes nothing), or says why it cannot be read.
pub fn install(json: &str, code: &str) -> Result<(), String> {
    let language = languages::find(code).ok_or_else(|| format!("no language {code}"))?;
    let file = super::json::parse(json).map_err(|e| e.to_string())?;
    let texts = file.get("texts").ok_or("no texts")?;
    let list = super::read_texts(texts, keys::COUNT)?;
    if file.get("bank").is_none() {
        return Err("no questions".into());
    }
    store::set(
        list.into_iter().map(|s| &*s.leak()).collect(),
        language,
        json,
    );
    Ok(())
}

/// The language in use (natively the default until another is installed on the thread).
pub fn language() -> &'static Language {
    store::language()
}

/// The first view's file of the language in use, as installed.
pub(super) fn first_file() -> &'static str {
    store::first_file()
}

/// Installs the other pages' texts (as [`install`]), fetched with the first of them.
pub fn install_pages(json: &str) -> Result<(), String> {
    let list = super::json::parse(json).map_err(|e| e.to_string())?;
    let list = super::read_texts(&list, keys::PAGE_COUNT)?;
    store::set_pages(list.into_iter().map(|s| &*s.leak()).collect());
    Ok(())
}

/// Whether the other pages' texts are in.
pub fn pages_ready() -> bool {
    store::pages_ready()
}

/// Installs the report's sentences (once): the list of the report's file of the language,
/// fetched with the report's code.
pub fn install_report(list: Vec<String>) {
    store::set_report(list.into_iter().map(|s| &*s.leak()).collect());
}

/// One interface text ("" for one of a page whose texts are not in yet: those pages wait for them).
#[inline(always)]
pub fn tr(t: Text) -> &'static str {
    let at = usize::from(t.0);
    if at < keys::COUNT {
        store::get(at)
    } else if at < keys::COUNT + keys::PAGE_COUNT {
        store::get_page(at - keys::COUNT)
    } else {
        store::get_report(at - keys::COUNT - keys::PAGE_COUNT)
    }
}

// In the page: one fixed array read at a constant place, so that a text costs a call site no
// more than a literal would (a lookup through a call and a thread-local cost every one of
// hundreds of sites tens of bytes). The page has one thread: nothing reads while `set` writes.
#[cfg(all(target_arch = "wasm32", target_feature = "atomics"))]
compile_error!("model::words assumes the page has one thread: a build with threads needs a lock");

#[cfg(target_arch = "wasm32")]
mod store {
    use super::keys::{COUNT, PAGE_COUNT, REPORT_COUNT};
    use super::Language;
    use std::cell::{Cell, UnsafeCell};
    use std::sync::atomic::{AtomicBool, Ordering};

    struct Slots<const N: usize>(UnsafeCell<[&'static str; N]>, AtomicBool);
    // SAFETY: wasm32 without threads: one thread reads and writes.
    unsafe impl<const N: usize> Sync for Slots<N> {}
    static TEXTS: Slots<COUNT> = Slots(UnsafeCell::new([""; COUNT]), AtomicBool::new(false));
    static PAGES: Slots<PAGE_COUNT> =
        Slots(UnsafeCell::new([""; PAGE_COUNT]), AtomicBool::new(false));
    static REPORT: Slots<REPORT_COUNT> =
        Slots(UnsafeCell::new([""; REPORT_COUNT]), AtomicBool::new(false));

    fn fill<const N: usize>(slots: &Slots<N>, list: Vec<&'static str>) {
        if slots.1.swap(true, Ordering::Relaxed) {
            return;
        }
        // SAFETY: see `Slots`; `read_texts` checked the length.
        let all = unsafe { &mut *slots.0.get() };
        for (slot, text) in all.iter_mut().zip(list) {
            *slot = text;
        }
    }

    struct Chosen(Cell<Option<(&'static Language, &'static str)>>);
    // SAFETY: as `Slots`.
    unsafe impl Sync for Chosen {}
    static CHOSEN: Chosen = Chosen(Cell::new(None));

    pub fn set(list: Vec<&'static str>, language: &'static Language, file: &str) {
        if CHOSEN.0.get().is_none() {
            CHOSEN.0.set(Some((language, String::from(file).leak())));
        }
        fill(&TEXTS, list);
    }

    pub fn language() -> &'static Language {
        CHOSEN
            .0
            .get()
            .map_or(&super::languages::LANGUAGES[0], |c| c.0)
    }

    pub fn first_file() -> &'static str {
        CHOSEN.0.get().map_or("", |c| c.1)
    }

    pub fn set_pages(list: Vec<&'static str>) {
        fill(&PAGES, list);
    }

    pub fn pages_ready() -> bool {
        PAGES.1.load(Ordering::Relaxed)
    }

    pub fn set_report(list: Vec<&'static str>) {
        fill(&REPORT, list);
    }

    #[inline(always)]
    pub fn get_report(at: usize) -> &'static str {
        // SAFETY: see `Slots`.
        unsafe { (*REPORT.0.get())[at] }
    }

    #[inline(always)]
    pub fn get(at: usize) -> &'static str {
        // SAFETY: see `Slots`.
        unsafe { (*TEXTS.0.get())[at] }
    }

    #[inline(always)]
    pub fn get_page(at: usize) -> &'static str {
        // SAFETY: see `Slots`.
        unsafe { (*PAGES.0.get())[at] }
    }
}

// Natively (tests run on several threads): each thread's own language, the default until
// `use_language` says otherwise; its bank and report sentences are read once per thread.
#[cfg(not(target_arch = "wasm32"))]
mod store {
    use super::super::{languages, Bank};
    use super::Language;
    use std::cell::{Cell, OnceCell};

    thread_local! {
        static LANGUAGE: Cell<Option<&'static Language>> = const { Cell::new(None) };
        static TEXTS: OnceCell<Vec<&'static str>> = const { OnceCell::new() };
        static PAGES: OnceCell<Vec<&'static str>> = const { OnceCell::new() };
        static REPORT: OnceCell<Vec<&'static str>> = const { OnceCell::new() };
        static BANK: OnceCell<&'static Bank> = const { OnceCell::new() };
    }

    pub fn set(list: Vec<&'static str>, language: &'static Language, _: &str) {
        LANGUAGE.with(|l| {
            if l.get().is_none() {
                l.set(Some(language));
            }
        });
        TEXTS.with(|t| {
            let _ = t.set(list);
        });
    }

    pub fn language() -> &'static Language {
        LANGUAGE.with(Cell::get).unwrap_or(&languages::LANGUAGES[0])
    }

    fn files() -> [&'static str; 3] {
        languages::contents(language().code).expect("build.rs wrote every language")
    }

    pub fn first_file() -> &'static str {
        files()[0]
    }

    /// This thread's bank, where its language is not the default.
    pub fn bank() -> Option<&'static Bank> {
        if language().code == languages::LANGUAGES[0].code {
            return None;
        }
        Some(BANK.with(|b| {
            *b.get_or_init(|| {
                let (bank, _) = super::super::language_bank(language().code)
                    .expect("build.rs wrote a valid language");
                &*Box::leak(Box::new(bank))
            })
        }))
    }

    pub fn set_report(list: Vec<&'static str>) {
        REPORT.with(|t| {
            let _ = t.set(list);
        });
    }

    pub fn get_report(at: usize) -> &'static str {
        if REPORT.with(|l| l.get().is_none()) {
            let (_, list) = super::super::language_bank(language().code)
                .expect("build.rs wrote a valid language");
            set_report(list.into_iter().map(|s| &*s.leak()).collect());
        }
        REPORT
            .with(|l| l.get().and_then(|l| l.get(at).copied()))
            .unwrap_or_default()
    }

    pub fn set_pages(list: Vec<&'static str>) {
        PAGES.with(|t| {
            let _ = t.set(list);
        });
    }

    pub fn pages_ready() -> bool {
        PAGES.with(|t| t.get().is_some())
    }

    pub fn get(at: usize) -> &'static str {
        thread_local! {
            // A file that does not read describes its error with texts: not from itself again.
            static INSTALLING: Cell<bool> = const { Cell::new(false) };
        }
        if TEXTS.with(|l| l.get().is_none()) && !INSTALLING.with(|i| i.replace(true)) {
            let code = language().code;
            let _ = super::install(files()[0], code);
            INSTALLING.with(|i| i.set(false));
        }
        TEXTS
            .with(|l| l.get().and_then(|l| l.get(at).copied()))
            .unwrap_or_default()
    }

    pub fn get_page(at: usize) -> &'static str {
        if !pages_ready() {
            let _ = super::install_pages(files()[1]);
        }
        PAGES
            .with(|l| l.get().and_then(|l| l.get(at).copied()))
            .unwrap_or_default()
    }
}

/// Natively: this thread reads, writes and reports in another language of the build (tests of
/// every language). Call it before the thread reads any text.
#[cfg(not(target_arch = "wasm32"))]
pub fn use_language(code: &str) {
    let [first, pages, _] = languages::contents(code).expect("a language of this build");
    let wrote = |r: Result<(), String>| r.unwrap_or_else(|e| panic!("build.rs wrote {code}: {e}"));
    wrote(install(first, code));
    wrote(install_pages(pages));
}

#[cfg(not(target_arch = "wasm32"))]
pub(super) fn native_bank() -> Option<&'static super::Bank> {
    store::bank()
}

/// One interface text with its placeholders filled.
#[inline(never)]
pub fn trf(t: Text, args: &[(&str, &str)]) -> String {
    fill(tr(t), args)
}

/// The text for a count: `one` for 1, `other` (with `{n}`) otherwise, as English and German
/// both say it.
pub fn trn(n: usize, one: Text, other: Text, args: &[(&str, &str)]) -> String {
    let n = n.to_string();
    let mut all = vec![("n", n.as_str())];
    all.extend_from_slice(args);
    fill(tr(if n == "1" { one } else { other }), &all)
}
