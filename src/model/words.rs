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

/// One interface text.
#[inline(always)]
pub fn tr(t: Text) -> &'static str {
    store::get(usize::from(t.0))
}

// In the page: one fixed array read at a constant place, so that a text costs a call site no
// more than a literal would (a lookup through a call and a thread-local cost every one of
// hundreds of sites tens of bytes). The page has one thread: nothing reads while `set` writes.
#[cfg(target_arch = "wasm32")]
mod store {
    use super::keys::COUNT;
    use std::cell::UnsafeCell;

    struct Slots(UnsafeCell<[&'static str; COUNT]>);
    // SAFETY: wasm32 without threads: one thread reads and writes.
    unsafe impl Sync for Slots {}
    static TEXTS: Slots = Slots(UnsafeCell::new([""; COUNT]));
    static SET: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

    pub fn set(list: Vec<&'static str>) {
        if SET.swap(true, std::sync::atomic::Ordering::Relaxed) {
            return;
        }
        // SAFETY: see `Slots`; `read_texts` checked the length.
        let slots = unsafe { &mut *TEXTS.0.get() };
        for (slot, text) in slots.iter_mut().zip(list) {
            *slot = text;
        }
    }

    #[inline(always)]
    pub fn get(at: usize) -> &'static str {
        // SAFETY: see `Slots`.
        unsafe { (*TEXTS.0.get())[at] }
    }
}

// Natively (tests run on several threads): each thread's own copy, English until told otherwise.
#[cfg(not(target_arch = "wasm32"))]
mod store {
    use std::cell::OnceCell;

    thread_local! {
        static TEXTS: OnceCell<Vec<&'static str>> = const { OnceCell::new() };
    }

    pub fn set(list: Vec<&'static str>) {
        TEXTS.with(|t| {
            let _ = t.set(list);
        });
    }

    pub fn get(at: usize) -> &'static str {
        if TEXTS.with(|l| l.get().is_none()) {
            let _ = super::install(super::super::texts_json());
        }
        TEXTS
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
