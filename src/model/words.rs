//! The interface texts of the language the page runs in, installed by `mount` from the file the
//! loader fetched beside the wasm (see `model::interface`). In the domain, so that its messages
//! (an import refused, a record unreadable) are data too; natively (the tests, the build's tools)
//! the English texts of the build stand in until others are installed.

use super::interface::Text;
use super::report_texts::fill;
use std::cell::OnceCell;

thread_local! {
    // Leaked once: they live as long as the page, and `&'static str` is what views take for free.
    static TEXTS: OnceCell<Vec<&'static str>> = const { OnceCell::new() };
}

/// Installs the texts (once; a later call changes nothing), or says why they cannot be read.
pub fn install(json: &str) -> Result<(), String> {
    let list = super::read_texts(json)?;
    let list: Vec<&'static str> = list.into_iter().map(|s| &*s.leak()).collect();
    TEXTS.with(|t| {
        let _ = t.set(list);
    });
    Ok(())
}

/// One interface text.
pub fn tr(t: Text) -> &'static str {
    #[cfg(not(target_arch = "wasm32"))]
    if TEXTS.with(|l| l.get().is_none()) {
        let _ = install(super::texts_json());
    }
    TEXTS
        .with(|l| l.get().and_then(|l| l.get(usize::from(t.0)).copied()))
        .unwrap_or_default()
}

/// One interface text with its placeholders filled.
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
