//! Every language of the build: the same keys and ids as the default, its report in its own words
//! and numbers, and a second language's files refused where they do not fit, naming file and field.
#![cfg(not(target_arch = "wasm32"))]
// Native only: the size rules of clippy.toml are for the page.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use bita::model::bank_language::{apply, DimensionTexts, ModelTexts};
use bita::model::report::{ReportModel, SUMMARY_WORDS};
use bita::model::{builtin, languages, words, Answer, Assessment};

/// Runs `f` on a thread of its own in language `code` (each test thread keeps its language).
fn in_language<T: Send + 'static>(code: &'static str, f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::spawn(move || {
        words::use_language(code);
        f()
    })
    .join()
    .unwrap()
}

fn german_files() -> (String, Vec<String>) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/questions/de");
    let read = |name: &str| std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
    let model = read("model.toml");
    let dims = builtin()
        .model
        .dimensions
        .iter()
        .map(|d| read(&format!("{d}.toml")))
        .collect();
    (model, dims)
}

#[test]
fn german_is_a_language_of_the_build_with_every_question_in_german() {
    assert_eq!(languages::LANGUAGES[0].code, "en");
    let de = languages::find("de").expect("German is built");
    assert_eq!(de.name, "Deutsch");
    let (en, _) = bita::model::language_bank("en").unwrap();
    let (de, texts) = bita::model::language_bank("de").unwrap();
    // The same structure: ids, weights, sides and steps; only the words differ.
    let order = |b: &bita::model::Bank| -> Vec<(String, u8, usize)> {
        b.order(b.version())
            .iter()
            .map(|q| (q.id.clone(), q.weight, q.answers.len()))
            .collect()
    };
    assert_eq!(order(&en), order(&de));
    for (e, d) in en.order(en.version()).iter().zip(de.order(de.version())) {
        assert_ne!(e.text, d.text, "{} is in German", e.id);
        for (s, t) in e.answers.iter().zip(&d.answers) {
            assert_eq!((s.who, &s.action, s.quick), (t.who, &t.action, t.quick));
            assert!(!t.next.is_empty() && !t.meaning.is_empty());
        }
    }
    assert_eq!(de.model.dont_know, "Weiß nicht");
    let level = usize::from(bita::model::keys::headline::LEVEL.0)
        - bita::model::keys::COUNT
        - bita::model::keys::PAGE_COUNT;
    assert!(
        texts[level].starts_with("Reifegrad {level}"),
        "{}",
        texts[level]
    );
}

#[test]
fn a_german_report_speaks_german_with_a_decimal_comma_within_80_words() {
    let (summary, score, level_label, day, csv) = in_language("de", || {
        let bank = builtin();
        let mut a = Assessment::new(bank, "s".into(), 0.0);
        a.name = "Nordwind".into();
        a.updated = 1_795_737_599_999.0;
        for (i, q) in bank.order(bank.version()).iter().enumerate() {
            a.answers
                .insert(q.id.clone(), Answer::Level(if i % 2 == 0 { 2 } else { 3 }));
        }
        let r = ReportModel::from(bank, &a);
        let csv = bita::model::exchange::export_scores_csv(bank, &[&a]);
        (
            r.summary,
            r.headline.score.unwrap(),
            r.headline.level_label,
            r.headline.date,
            csv,
        )
    });
    assert!(score.contains(','), "{score}");
    assert!(level_label.starts_with("Reifegrad"), "{level_label}");
    assert_eq!(day, "26.11.2026");
    assert!(summary.contains("Nordwind"), "{summary}");
    assert!(!summary.contains(" level "), "English left in: {summary}");
    let n = summary.split_whitespace().count();
    assert!(n <= SUMMARY_WORDS, "{n} words: {summary}");
    // German spreadsheets: `;` between cells, the decimal comma, the byte-order mark.
    let first = csv.lines().nth(1).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    assert!(first.contains(';') && first.contains(&score), "{first}");
    // The same figures in English on another thread: only the words and the comma differ.
    let english = in_language("en", || {
        let bank = builtin();
        let mut a = Assessment::new(bank, "s".into(), 0.0);
        for (i, q) in bank.order(bank.version()).iter().enumerate() {
            a.answers
                .insert(q.id.clone(), Answer::Level(if i % 2 == 0 { 2 } else { 3 }));
        }
        ReportModel::from(bank, &a).headline.score.unwrap()
    });
    assert_eq!(english.replace('.', ","), score);
}

#[test]
fn days_are_written_as_the_language_writes_them() {
    use bita::model::dates::{iso_shown, shown_day};
    let german = in_language("de", || {
        (
            iso_shown("2026-12-07"),
            shown_day(951_782_400_000.0),
            iso_shown("soon"),
        )
    });
    assert_eq!(
        german,
        ("07.12.2026".into(), "29.02.2000".into(), "soon".into())
    );
    let english = in_language("en", || iso_shown("2026-12-07"));
    assert_eq!(english, "2026-12-07");
}

#[test]
fn a_damaged_file_is_described_in_the_page_s_language() {
    use bita::model::exchange::import;
    let deep = "[".repeat(1000);
    let describe =
        |text: &'static str| move || import(builtin(), text).map(|_| ()).unwrap_err().to_string();
    let deep: &'static str = deep.leak();
    let german = in_language("de", describe(deep));
    assert_eq!(
        german,
        "Die Datei ist kein gültiges JSON (zu tief verschachtelt bei Zeichen 130)."
    );
    let german = in_language("de", describe("{\"a\" 1}"));
    assert!(
        german.contains("':' wurde erwartet bei Zeichen 6"),
        "{german}"
    );
    let english = in_language("en", describe(deep));
    assert_eq!(
        english,
        "The file is not valid JSON (nested too deeply at character 130)."
    );
}

#[test]
fn a_translation_that_does_not_fit_is_refused_naming_file_and_field() {
    let (model, dims) = german_files();
    let parse_model = |t: &str| toml::from_str::<ModelTexts>(t).unwrap();
    let parse_dims = |list: &[String]| -> Vec<DimensionTexts> {
        list.iter().map(|t| toml::from_str(t).unwrap()).collect()
    };
    let fresh = || builtin().clone();
    assert_eq!(
        apply(&mut fresh(), "de", parse_model(&model), parse_dims(&dims)),
        Vec::<String>::new()
    );
    // A question left out, a statement emptied, a help added and a dimension renamed.
    let mut broken = dims.clone();
    let first_q = broken[0].find("[[questions]]").unwrap();
    let second_q = first_q + 1 + broken[0][first_q + 1..].find("[[questions]]").unwrap();
    broken[0].replace_range(first_q..second_q, "");
    broken[1] = broken[1].replacen("\nmeaning = \"", "\nmeaning = \" \" #\"", 1);
    broken[2] = broken[2].replacen("id = \"customer-view\"", "id = \"kundensicht\"", 1);
    let found = apply(&mut fresh(), "de", parse_model(&model), parse_dims(&broken));
    let has = |needle: &str| found.iter().any(|p| p.contains(needle));
    assert!(
        has("de/service-definition.toml: questions: expected the ids sd-01"),
        "{found:?}"
    );
    assert!(
        has("de/value.toml: questions[") && has("].meaning: must not be empty"),
        "{found:?}"
    );
    assert!(
        has("de/customer-view.toml: missing, or its id is not customer-view"),
        "{found:?}"
    );
    let short = model.replacen(
        "[[roles]]\nid = \"integrator\"",
        "[[roles]]\nid = \"integrierer\"",
        1,
    );
    let found = apply(&mut fresh(), "de", parse_model(&short), parse_dims(&dims));
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("de/model.toml: roles: expected integrator")),
        "{found:?}"
    );
}

#[test]
fn every_language_has_the_default_s_interface_and_report_keys_and_placeholders() {
    use bita::model::interface::{problems, Table};
    let read =
        |path: &str| -> Table { toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap() };
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/questions");
    for l in &languages::LANGUAGES[1..] {
        for file in ["interface.toml", "interface-pages.toml", "report.toml"] {
            let base = read(&format!("{root}/{file}"));
            let other = read(&format!("{root}/{}/{file}", l.code));
            assert_eq!(
                problems(&format!("{}/{file}", l.code), &other, Some(&base)),
                Vec::<String>::new()
            );
        }
    }
}
