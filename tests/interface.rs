//! The interface's words as data (`questions/interface.toml`, `model::interface`): the checks the
//! build runs on a language's file, the array the page reads, and placeholders filled.
// Native only: the files are read with toml.
#![cfg(not(target_arch = "wasm32"))]

use bita::model::interface::{placeholders, problems, Table};
use bita::model::report_texts::fill;
use bita::model::{keys, page_texts_json, read_texts, texts_json};

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
    let list = read_texts(texts_json(), keys::COUNT).unwrap();
    assert_eq!(list.len(), keys::COUNT);
    let pages = read_texts(page_texts_json(), keys::PAGE_COUNT).unwrap();
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
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("interface.toml: [type]:")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("interface.toml: fine.next-review:")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("interface.toml: fine.Upper:")),
        "{found:?}"
    );
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
    assert!(read_texts("not json", 2).is_err());
    assert_eq!(read_texts("{}", 2).unwrap_err(), "not a list of texts");
    assert_eq!(
        read_texts("[\"one\"]", 2).unwrap_err(),
        "1 texts where this version has 2"
    );
    assert_eq!(read_texts("[1, 2]", 2).unwrap_err(), "not a list of texts");
}
