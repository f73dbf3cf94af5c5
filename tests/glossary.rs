//! The German glossary (`questions/README.md`) holds across the bank, the report and the
//! interface: where the English says a term, the German says the glossary's word for it, and the
//! words the glossary rules out appear nowhere.
#![cfg(not(target_arch = "wasm32"))]
// Native only: the size rules of clippy.toml are for the page.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use bita::model::interface::Table;
use bita::model::{language_bank, Bank};

/// Where the English has the term (lower case), the German has this stem (any inflection; `|`
/// separates stems that are each the glossary's word, as "Misstrauen" is for distrust).
const TERMS: &[(&str, &str)] = &[
    ("service catalogue", "servicekatalog"),
    ("service level agreement", "service level agreement"),
    ("quick win", "quick win"),
    ("business case", "business case"),
    ("roadmap", "roadmap"),
    ("evidence note", "nachweis"),
    ("trust", "vertrau|misstrau"),
    ("service owner", "service owner"),
    ("don't know", "weiß nicht"),
    ("stop the bleeding", "brände"),
    ("maturity", "reife"),
    ("service broker", "service-broker"),
];

/// Each English text with its German counterpart, named by where it is.
fn pairs() -> Vec<(String, String, String)> {
    let (en, _) = language_bank("en").unwrap();
    let (de, _) = language_bank("de").unwrap();
    let mut out = Vec::new();
    bank_pairs(&en, &de, &mut out);
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/questions");
    let read = |path: String| -> Table {
        toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    };
    for file in ["interface.toml", "interface-pages.toml", "report.toml"] {
        let (e, d) = (
            read(format!("{root}/{file}")),
            read(format!("{root}/de/{file}")),
        );
        for (section, keys) in &e {
            for (key, text) in keys {
                out.push((
                    format!("{file} {section}.{key}"),
                    text.clone(),
                    d[section][key].clone(),
                ));
            }
        }
    }
    out
}

fn bank_pairs(en: &Bank, de: &Bank, out: &mut Vec<(String, String, String)>) {
    let mut push = |at: String, e: &str, d: &str| out.push((at, e.into(), d.into()));
    push("model.title".into(), &en.model.title, &de.model.title);
    push(
        "model.dont_know".into(),
        &en.model.dont_know,
        &de.model.dont_know,
    );
    for (e, d) in en.model.levels.iter().zip(&de.model.levels) {
        push(format!("level {}", e.level), &e.description, &d.description);
    }
    for (e, d) in en.model.roles.iter().zip(&de.model.roles) {
        push(format!("role {}", e.id), &e.name, &d.name);
        push(format!("role {}", e.id), &e.description, &d.description);
    }
    for (e, d) in en.dimensions.iter().zip(&de.dimensions) {
        push(e.id.clone(), &e.summary, &d.summary);
        for (q, r) in en.active(e).zip(de.active(d)) {
            push(q.id.clone(), &q.text, &r.text);
            push(
                format!("{} help", q.id),
                q.help.as_deref().unwrap_or(""),
                r.help.as_deref().unwrap_or(""),
            );
            for (n, (s, t)) in q.answers.iter().zip(&r.answers).enumerate() {
                push(format!("{} statement {}", q.id, n + 1), &s.text, &t.text);
                push(
                    format!("{} meaning {}", q.id, n + 1),
                    &s.meaning,
                    &t.meaning,
                );
                push(format!("{} next {}", q.id, n + 1), &s.next, &t.next);
            }
        }
    }
}

/// The words the glossary rules out: its table's third column.
fn ruled_out() -> Vec<String> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/questions/README.md"))
            .unwrap();
    let section = readme
        .split("## German (`de`)")
        .nth(1)
        .expect("the README has the German glossary");
    let table = section.split("\n## ").next().unwrap();
    let mut out = Vec::new();
    for row in table.lines().filter(|l| l.starts_with('|')).skip(2) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        out.extend(
            cells[3]
                .split(',')
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase),
        );
    }
    assert!(out.len() > 10, "the glossary lists what it rules out");
    out
}

/// Whether `text` holds `phrase` as whole words (lower case; a hyphen joins words).
fn has_words(text: &str, phrase: &str) -> bool {
    let text = text.to_lowercase();
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric() && c != '-');
        edge(before) && edge(after)
    })
}

#[test]
fn each_glossary_term_is_said_the_glossary_s_way() {
    let mut wrong = Vec::new();
    for (at, en, de) in pairs() {
        for (term, stem) in TERMS {
            let de = de.to_lowercase();
            if en.to_lowercase().contains(term) && !stem.split('|').any(|s| de.contains(s)) {
                wrong.push(format!("{at}: “{term}” without “{stem}”: {de}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_german_text_uses_a_word_the_glossary_rules_out() {
    let ruled_out = ruled_out();
    let mut wrong = Vec::new();
    for (at, _, de) in pairs() {
        // The export's format ids and the placeholders are names, not words.
        let mut de = de.replace("bita-assessment", "");
        while let Some((open, close)) = de.find('{').zip(de.find('}')).filter(|(o, c)| o < c) {
            de.replace_range(open..=close, "");
        }
        for word in &ruled_out {
            if has_words(&de, word) {
                wrong.push(format!("{at}: “{word}”: {de}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
