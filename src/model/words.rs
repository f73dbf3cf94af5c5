//! The interface texts of the language the page runs in, installed by `mount` from the file the
//! loader fetched beside the wasm (see `model::interface`). In the domain, so that its messages
//! (an import refused, a record unreadable) are data too; natively (the tests, the build's tools)
//! the English texts of the build stand in until others are installed.

use super::interface::Text;
use super::keys;
use super::report_texts::fill;

/// Installs the texts (once; a later call changes nothing), or says why they cannot be read.
pub fn install(json: &str) -> Result<(), String> {
    let list = super::read_texts(json, keys::COUNT)?;
    store::set(list.into_iter().map(|s| &*s.leak()).collect());
    Ok(())
}

/// Installs the other pages' texts (as [`install`]), fetched with the first of them.
pub fn install_pages(json: &str) -> Result<(), String> {
    let list = super::read_texts(json, keys::PAGE_COUNT)?;
    store::set_pages(list.into_iter().map(|s| &*s.leak()).collect());
    Ok(())
}

/// Whether the other pages' texts are in.
pub fn pages_ready() -> bool {
    store::pages_ready()
}

/// One interface text ("" for one of a page whose texts are not in yet: those pages wait for them).
#[inline(always)]
pub fn tr(t: Text) -> &'static str {
    let at = usize::from(t.0);
    if at < keys::COUNT {
        store::get(at)
    } else {
        store::get_page(at - keys::COUNT)
    }
}

// In the page: one fixed array read at a constant place, so that a text costs a call site no
// more than a literal would (a lookup through a call and a thread-local cost every one of
// hundreds of sites tens of bytes). The page has one thread: nothing reads while `set` writes.
#[cfg(all(target_arch = "wasm32", target_feature = "atomics"))]
compile_error!("model::words assumes the page has one thread: a build with threads needs a lock");

#[cfg(target_arch = "wasm32")]
mod store {
    use super::keys::{COUNT, PAGE_COUNT};
    use std::cell::UnsafeCell;
    use std::sync::atomic::{AtomicBool, Ordering};

    struct Slots<const N: usize>(UnsafeCell<[&'static str; N]>, AtomicBool);
    // SAFETY: wasm32 without threads: one thread reads and writes.
    unsafe impl<const N: usize> Sync for Slots<N> {}
    static TEXTS: Slots<COUNT> = Slots(UnsafeCell::new([""; COUNT]), AtomicBool::new(false));
    static PAGES: Slots<PAGE_COUNT> =
        Slots(UnsafeCell::new([""; PAGE_COUNT]), AtomicBool::new(false));

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

    pub fn set(list: Vec<&'static str>) {
        fill(&TEXTS, list);
    }

    pub fn set_pages(list: Vec<&'static str>) {
        fill(&PAGES, list);
    }

    pub fn pages_ready() -> bool {
        PAGES.1.load(Ordering::Relaxed)
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

// Natively (tests run on several threads): each thread's own copy, English until told otherwise.
#[cfg(not(target_arch = "wasm32"))]
mod store {
    use std::cell::OnceCell;

    thread_local! {
        static TEXTS: OnceCell<Vec<&'static str>> = const { OnceCell::new() };
        static PAGES: OnceCell<Vec<&'static str>> = const { OnceCell::new() };
    }

    pub fn set(list: Vec<&'static str>) {
        TEXTS.with(|t| {
            let _ = t.set(list);
        });
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
        if TEXTS.with(|l| l.get().is_none()) {
            let _ = super::install(super::super::texts_json());
        }
        TEXTS
            .with(|l| l.get().and_then(|l| l.get(at).copied()))
            .unwrap_or_default()
    }

    pub fn get_page(at: usize) -> &'static str {
        if !pages_ready() {
            let _ = super::install_pages(super::super::page_texts_json());
        }
        PAGES
            .with(|l| l.get().and_then(|l| l.get(at).copied()))
            .unwrap_or_default()
    }
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
