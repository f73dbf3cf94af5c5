//! The interface's words as data (`questions/interface.toml`, `model::interface`): the checks the
//! build runs on a language's file, the array the page reads, and placeholders filled.
// Native only: the files are read with toml.
#![cfg(not(target_arch = "wasm32"))]
// Native only: the size rules of clippy.toml are for the page.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use bita::model::interface::{placeholders, problems, Table};
use bita::model::json::parse;
use bita::model::report_texts::fill;
use bita::model::{keys, languages, read_texts};

fn table(toml: &str) -> Table {
    toml::from_str(toml).unwrap()
}

fn english() -> Table {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questions/interface.toml"
    ))
    .unwrap();
    table(&text)
}

#[test]
fn the_english_texts_pass_the_checks_and_reach_the_page_in_key_order() {
    let en = english();
    assert_eq!(problems("interface.toml", &en, None), Vec::<String>::new());
    let [first, pages, _] = languages::contents("en").unwrap();
    let first = parse(first).unwrap();
    let list = read_texts(first.get("texts").unwrap(), keys::COUNT).unwrap();
    assert_eq!(list.len(), keys::COUNT);
    let pages = read_texts(&parse(pages).unwrap(), keys::PAGE_COUNT).unwrap();
    assert_eq!(
        pages[usize::from(keys::review::TITLE.0) - keys::COUNT],
        "Review"
    );
    assert_eq!(
        list[usize::from(keys::start::BUTTON.0)],
        en["start"]["button"]
    );
    assert_eq!(list[usize::from(keys::shell::SKIP.0)], "Skip to content");
}

#[test]
fn another_language_must_have_every_key_no_other_and_the_same_placeholders() {
    let base = table("[a]\nx = \"{n} of {m}\"\ny = \"Two\"\n");
    let good = table("[a]\nx = \"{m}: {n}\"\ny = \"Zwei\"\n");
    assert_eq!(
        problems("de.toml", &good, Some(&base)),
        Vec::<String>::new()
    );
    let bad = table("[a]\nx = \"{n} von {total}\"\nz = \"Drei\"\n[b]\nw = \" \"\n");
    let found = problems("de.toml", &bad, Some(&base));
    for expected in [
        "de.toml: a.x: placeholders [\"n\", \"total\"] where the default language has [\"m\", \"n\"]",
        "de.toml: a.z: no such key in the default language",
        "de.toml: b.w: must not be empty",
        "de.toml: a.y: missing",
    ] {
        assert!(found.iter().any(|p| p == expected), "{expected} in {found:?}");
    }
}

#[test]
fn sections_and_keys_must_make_rust_names() {
    let bad = table("[type]\nok = \"x\"\n[fine]\nnext-review = \"y\"\nUpper = \"z\"\n");
    let found = problems("interface.toml", &bad, None);
    for refused in [
        "interface.toml: [type]:",
        "interface.toml: fine.next-review:",
        "interface.toml: fine.Upper:",
    ] {
        assert!(
            found.iter().any(|p| p.starts_with(refused)),
            "{refused} in {found:?}"
        );
    }
}

#[test]
fn braces_are_placeholders_or_refused() {
    assert_eq!(placeholders("{n} of {total}").unwrap(), ["n", "total"]);
    assert!(placeholders("{n").is_err());
    assert!(placeholders("n}").is_err());
    assert!(placeholders("{Name}").is_err());
    assert!(placeholders("{}").is_err());
}

#[test]
fn placeholders_are_filled_and_one_not_given_stays() {
    assert_eq!(
        fill("{n} of {total} answered", &[("n", "3"), ("total", "40")]),
        "3 of 40 answered"
    );
    assert_eq!(fill("{n} and {x}", &[("n", "1")]), "1 and {x}");
    assert_eq!(fill("no braces", &[]), "no braces");
    // A value that looks like a placeholder is not filled again.
    assert_eq!(fill("{a}{b}", &[("a", "{b}"), ("b", "2")]), "{b}2");
}

#[test]
fn a_wrong_texts_file_is_refused_with_a_reason() {
    use bita::model::words::install;
    let n = keys::COUNT;
    let texts = |list: &str| format!("{{\"texts\": {list}, \"bank\": {{}}}}");
    assert!(install("not json", "en").is_err());
    assert_eq!(install("{}", "en").unwrap_err(), "no texts");
    assert_eq!(
        install(&texts("[\"one\"]"), "en").unwrap_err(),
        format!("1 texts where this version has {n}")
    );
    assert_eq!(
        install(&texts("[1, 2]"), "en").unwrap_err(),
        "not a list of texts"
    );
    let full = format!("[{}]", vec!["\"x\""; n].join(","));
    assert_eq!(
        install(&format!("{{\"texts\": {full}}}"), "en").unwrap_err(),
        "no questions"
    );
    assert_eq!(install(&texts(&full), "xx").unwrap_err(), "no language xx");
}

/// Every `trf(k::section::KEY, &[("name", …)])` and `trn(…)` in the code passes exactly the
/// placeholders its text holds (`trn` adds `n`): a misspelt `{name}` would otherwise show as typed.
#[test]
fn each_call_passes_the_placeholders_its_text_holds() {
    let mut texts = english();
    let pages = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questions/interface-pages.toml"
    ))
    .unwrap();
    texts.extend(table(&pages));
    let report = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questions/report.toml"
    ))
    .unwrap();
    texts.extend(table(&report));
    let text_of = |key: &str| -> String {
        let (section, name) = key
            .split_once("::")
            .unwrap_or_else(|| panic!("key {key:?}"));
        texts
            .get(section)
            .and_then(|s| s.get(&name.to_lowercase()))
            .unwrap_or_else(|| panic!("no text for {key}"))
            .clone()
    };
    let mut checked = 0;
    let mut wrong = Vec::new();
    for file in rust_files(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))) {
        let code = std::fs::read_to_string(&file).unwrap();
        // A file may name one section `k` (`use super::keys::comparison as k;`).
        let alias = code
            .split_once("keys::")
            .and_then(|(_, r)| r.split_once(" as k;"))
            .map(|(section, _)| section)
            .filter(|s| s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
        for (call, plural) in [("trf(", false), ("trn(", true)] {
            for (at, _) in code.match_indices(call) {
                let mut rest = &code[at + call.len()..];
                if plural {
                    // trn(n, k::…::ONE, k::…::OTHER, &[…]): past the count.
                    rest = rest.split_once(',').map_or("", |(_, r)| r);
                }
                if !rest.trim_start().starts_with("k::") {
                    continue; // the definition, or a call with a computed key
                }
                let keys: Vec<&str> = key_paths(rest)
                    .into_iter()
                    .take(if plural { 2 } else { 1 })
                    .collect();
                // The argument list: from `&[` to its matching `]`, if it is this call's.
                let args = match rest.find("&[") {
                    Some(open) if !rest[..open].contains(';') => {
                        let inner = &rest[open + 2..];
                        let mut depth = 1;
                        let end = inner
                            .char_indices()
                            .find(|(_, c)| {
                                match c {
                                    '[' => depth += 1,
                                    ']' => depth -= 1,
                                    _ => {}
                                }
                                depth == 0
                            })
                            .map_or(0, |(i, _)| i);
                        &inner[..end]
                    }
                    _ => "",
                };
                // Each `("name", value)`, however rustfmt broke its line.
                let mut passed: Vec<&str> = args
                    .split('(')
                    .skip(1)
                    .filter_map(|a| a.trim_start().strip_prefix('"'))
                    .filter_map(|a| a.split_once('"').map(|(n, _)| n))
                    .filter(|n| {
                        !n.is_empty() && n.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                    })
                    .collect();
                if plural {
                    passed.push("n");
                }
                passed.sort_unstable();
                passed.dedup();
                for key in &keys {
                    let key = &match alias {
                        Some(section) if !key.contains("::") => format!("{section}::{key}"),
                        _ => key.to_string(),
                    };
                    let text = text_of(key);
                    let mut wants = placeholders(&text).unwrap();
                    wants.sort_unstable();
                    wants.dedup();
                    let missing: Vec<&&str> =
                        wants.iter().filter(|w| !passed.contains(w)).collect();
                    let unused: Vec<&&str> = passed
                        .iter()
                        .filter(|p| !(wants.contains(p) || plural && **p == "n"))
                        .collect();
                    if !missing.is_empty() || !unused.is_empty() {
                        wrong.push(format!(
                            "{}: {key}: not passed {missing:?}, passed but not in the text {unused:?}",
                            file.display()
                        ));
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(
        checked >= 20,
        "only {checked} calls found: is the search still right?"
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The `section::KEY` of each `k::section::KEY` in `code`, in order.
fn key_paths(code: &str) -> Vec<&str> {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    code.match_indices("k::")
        .filter(|(at, _)| !code[..*at].ends_with(|c: char| ident(c) || c == ':'))
        .map(|(at, _)| {
            let path = &code[at + 3..];
            let end = path
                .find(|c: char| !(ident(c) || c == ':'))
                .unwrap_or(path.len());
            path[..end].trim_end_matches(':')
        })
        .collect()
}

fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}
