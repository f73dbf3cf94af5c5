//! The interface's own words as data (`questions/interface.toml`, one file per language with the
//! same keys), so that a language is a matter of files. The build checks the files and writes each
//! language's texts as one JSON array in key order, which the page's loader fetches beside the
//! wasm; the code names a text by a constant the build generates (`model::keys::start::BUTTON`),
//! so a key the file lacks does not compile.
//!
//! Also compiled into `build.rs` (by path): std only. What checks the files is native only: the
//! page gets them checked.
// The checks are native only (cfg below): the page's size rules do not apply to them.
#![cfg_attr(
    not(target_arch = "wasm32"),
    allow(clippy::disallowed_types, clippy::disallowed_methods)
)]

#[cfg(not(target_arch = "wasm32"))]
use std::collections::BTreeMap;

/// A language's interface texts as written: sections of keys.
#[cfg(not(target_arch = "wasm32"))]
pub type Table = BTreeMap<String, BTreeMap<String, String>>;

/// One interface text: its place in the language's array.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text(pub u16);

/// The placeholders a text holds (`{name}`), in order, or what is wrong with its braces.
#[cfg(not(target_arch = "wasm32"))]
pub fn placeholders(text: &str) -> Result<Vec<&str>, String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err("a “}” without its “{”".into());
        }
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or("a “{” without its “}”")?;
        let name = &after[..close];
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return Err(format!(
                "“{{{name}}}” is not a placeholder (lower-case letters and _)"
            ));
        }
        out.push(name);
        rest = &after[close + 1..];
    }
    Ok(out)
}

/// What is wrong with a language's texts, each naming the file and the key: an empty text, broken
/// braces, and, against the default language's (`base`, when given), a key missing or unknown or
/// a placeholder lost or added.
#[cfg(not(target_arch = "wasm32"))]
pub fn problems(file: &str, table: &Table, base: Option<&Table>) -> Vec<String> {
    let mut out = Vec::new();
    for (section, keys) in table {
        if !is_name(section) || RUST_WORDS.contains(&section.as_str()) {
            out.push(format!(
                "{file}: [{section}]: a section is named in lower-case letters, digits and _, and is not one of Rust's words"
            ));
        }
        for (key, text) in keys {
            let at = format!("{file}: {section}.{key}");
            if !is_name(key) {
                out.push(format!(
                    "{at}: a key is named in lower-case letters, digits and _"
                ));
            }
            if text.trim().is_empty() {
                out.push(format!("{at}: must not be empty"));
            }
            match (
                placeholders(text),
                base.and_then(|b| b.get(section)?.get(key)),
            ) {
                (Err(e), _) => out.push(format!("{at}: {e}")),
                (Ok(_), None) if base.is_some() => {
                    out.push(format!("{at}: no such key in the default language"))
                }
                (Ok(mine), Some(theirs)) => {
                    let mut mine = mine;
                    let mut theirs = placeholders(theirs).unwrap_or_default();
                    mine.sort_unstable();
                    theirs.sort_unstable();
                    if mine != theirs {
                        out.push(format!(
                            "{at}: placeholders {mine:?} where the default language has {theirs:?}"
                        ));
                    }
                }
                _ => {}
            }
        }
    }
    for (section, keys) in base.into_iter().flatten() {
        for key in keys.keys() {
            if table.get(section).and_then(|s| s.get(key)).is_none() {
                out.push(format!("{file}: {section}.{key}: missing"));
            }
        }
    }
    out
}

/// A section's or key's name: it becomes a Rust name (`keys::start::BUTTON`).
#[cfg(not(target_arch = "wasm32"))]
fn is_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Rust's keywords: a section of that name would not compile as a module.
#[cfg(not(target_arch = "wasm32"))]
const RUST_WORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type",
    "unsafe", "use", "where", "while", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield",
];

/// The texts in key order, as the page gets them.
#[cfg(not(target_arch = "wasm32"))]
pub fn in_order(table: &Table) -> Vec<&str> {
    table
        .values()
        .flat_map(|keys| keys.values().map(String::as_str))
        .collect()
}

/// Rust constants naming each text by section and key (`pub mod start { pub const BUTTON … }`),
/// in the order of [`in_order`], counted from `first`.
#[cfg(not(target_arch = "wasm32"))]
pub fn constants(table: &Table, first: u16) -> String {
    let mut out = String::new();
    let mut at = first;
    for (section, keys) in table {
        out += &format!("pub mod {section} {{\n    use crate::model::interface::Text;\n");
        for key in keys.keys() {
            out += &format!("    pub const {}: Text = Text({at});\n", key.to_uppercase());
            at += 1;
        }
        out += "}\n";
    }
    out
}
