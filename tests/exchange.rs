//! Export and import files: round trips, hostile files, and CSV cells that are never formulas.
#![cfg(not(target_arch = "wasm32"))]

use bita::model::exchange::{
    self, export_csv, export_json, export_scores_csv, import, ImportError, MAX_IMPORT_BYTES,
};
use bita::model::storage::encode;
use bita::model::{builtin, Answer, Assessment};

fn sample(id: &str, name: &str) -> Assessment {
    let bank = builtin();
    let mut a = Assessment::new(bank, id.into(), 1_764_115_200_000.0);
    a.name = name.into();
    a.answers.insert("sd-01".into(), Answer::Level(3));
    a.answers.insert("va-02".into(), Answer::DontKnow);
    a.notes
        .insert("sd-01".into(), "=HYPERLINK(\"http://evil\")".into());
    a.stamp_unstamped();
    a
}

#[test]
fn an_export_imports_back_the_same_assessments() {
    let (a, b) = (sample("a1", "Finance"), sample("b2", "Sales, \"EMEA\""));
    let file = export_json(&[&a, &b]);
    assert!(file.starts_with("{\"format\":\"bita-export\",\"schema\":3,"));
    assert_eq!(import(builtin(), &file).unwrap(), vec![a.clone(), b]);
    // One exported assessment (the same text as storage) imports too.
    assert_eq!(import(builtin(), &encode(&a)).unwrap(), vec![a]);
}

#[test]
fn wrong_partial_or_hostile_files_are_refused_with_a_reason() {
    let bank = builtin();
    let good = export_json(&[&sample("a1", "x")]);
    let deep = "[".repeat(100_000) + &"]".repeat(100_000);
    let deep_inside = format!(
        "{{\"format\":\"bita-export\",\"assessments\":[{}1{}]}}",
        "{\"a\":".repeat(50_000),
        "}".repeat(50_000)
    );
    let cases: Vec<(String, &str)> = vec![
        ("not json at all".into(), "not valid JSON"),
        (good[..good.len() / 2].into(), "not valid JSON"),
        ("{\"hello\":1}".into(), "not a bita export"),
        // Deep nesting is refused as such, never a crash.
        (deep, "nested too deeply"),
        (deep_inside, "nested too deeply"),
        (
            "{\"format\":\"bita-export\",\"assessments\":[]}".into(),
            "no assessments",
        ),
        (
            good.replace("\"schema\":3,\"id\"", "\"schema\":99,\"id\""),
            "newer version of bita",
        ),
        (
            good.replace("\"sd-01\":\"3\"", "\"zz-99\":\"3\""),
            "does not know: zz-99",
        ),
        (
            good.replace("\"id\":\"a1\"", "\"id\":\"a b/c\""),
            "no valid id",
        ),
        (
            good.replace("\"model\":\"bita\"", "\"model\":\"other\""),
            "another question model",
        ),
        (" ".repeat(MAX_IMPORT_BYTES + 1), "far smaller"),
    ];
    for (text, reason) in cases {
        let err = import(bank, &text).unwrap_err();
        assert!(err.to_string().contains(reason), "{reason}: {err}");
    }
    assert!(matches!(
        import(bank, &" ".repeat(MAX_IMPORT_BYTES + 1)),
        Err(ImportError::TooLarge(_))
    ));
}

#[test]
fn csv_has_a_row_per_question_and_no_cell_is_a_formula() {
    let bank = builtin();
    let mut a = sample("a1", "+cmd|' /C calc'!A0");
    a.name = "@SUM(1+1)".into();
    let csv = export_csv(bank, &[&a]);
    let rows: Vec<&str> = csv.split("\r\n").filter(|r| !r.is_empty()).collect();
    assert_eq!(rows.len(), 1 + a.asked(bank));
    assert!(
        rows[0].starts_with("\u{feff}assessment,name,perspective,role,date"),
        "a byte-order mark for spreadsheet programs, and the role: {}",
        rows[0]
    );
    for row in &rows[1..] {
        assert!(row.starts_with("a1,'@SUM(1+1),it,,2025-11-26,"), "{row}");
    }
    let sd01 = rows.iter().find(|r| r.contains(",sd-01,")).unwrap();
    assert!(sd01.contains(",3,"), "{sd01}");
    assert!(
        sd01.ends_with(",\"'=HYPERLINK(\"\"http://evil\"\")\""),
        "{sd01}"
    );
}

#[test]
fn imports_are_kept_within_what_bita_writes() {
    let bank = builtin();
    let mut a = sample("a1", &"n".repeat(3000));
    a.notes.insert("sd-01".into(), "x".repeat(5000));
    a.model_version = 99;
    let file = export_json(&[&a]).replace(
        "\"place\":\"Start\"",
        "\"place\":{\"Dimension\":{\"dimension\":\"gone\"}}",
    );
    assert!(
        file.contains("\"gone\""),
        "the record names a page the bank lacks"
    );
    let got = import(bank, &file).unwrap().remove(0);
    assert_eq!(got.name.chars().count(), bita::model::assessment::MAX_TEXT);
    assert_eq!(
        got.notes["sd-01"].chars().count(),
        bita::model::assessment::MAX_TEXT
    );
    assert_eq!(got.model_version, bank.version());
    assert_eq!(got.place, bita::model::assessment::Place::Start);
}

#[test]
fn the_scores_csv_holds_the_report_s_figures() {
    let bank = builtin();
    let mut a = sample("a1", "Acme");
    a.role = "CIO, Group".into();
    // Every question asked: level 1 to 5 in turn, every seventh "Don't know".
    for (i, q) in bank
        .dimensions
        .iter()
        .flat_map(|d| bank.asked(d, a.perspective))
        .enumerate()
    {
        let ans = if i % 7 == 6 {
            Answer::DontKnow
        } else {
            Answer::Level((i % 5) as u8 + 1)
        };
        a.answers.insert(q.id.clone(), ans);
    }
    let csv = export_scores_csv(bank, &[&a]);
    assert!(csv.starts_with('\u{feff}'));
    let rows: Vec<&str> = csv.split("\r\n").filter(|r| !r.is_empty()).collect();
    assert_eq!(
        rows[0],
        "\u{feff}assessment,name,perspective,role,date,scope,scope id,scope name,score,level,level name,confidence,answered,applicable,don't know"
    );
    let report = bita::model::scoring::score(bank, &a);
    assert_eq!(rows.len(), 2 + report.dimensions.len() + report.roles.len());
    let o = report.overall.as_ref().expect("every question answered");
    let level_name = &bank.model.levels[usize::from(o.level) - 1].name;
    assert!(
        rows[1].starts_with(&format!(
            "a1,Acme,it,\"CIO, Group\",2025-11-26,overall,,Overall,{},{},{level_name},",
            bita::model::scoring::tenths_text(o.tenths),
            o.level
        )),
        "{}",
        rows[1]
    );
    for (d, row) in report.dimensions.iter().zip(&rows[2..]) {
        let t = &d.tally;
        let want = format!(
            ",dimension,{},{},{},{},",
            d.id,
            d.name,
            t.score_text().unwrap(),
            t.level().unwrap()
        );
        assert!(row.contains(&want), "{row} lacks {want}");
        assert!(
            row.ends_with(&format!(
                ",{},{},{},{}",
                t.confidence_label(),
                t.scored,
                t.applicable(),
                t.dont_know
            )),
            "{row}"
        );
    }
    let roles = &rows[2 + report.dimensions.len()..];
    for (r, row) in report.roles.iter().zip(roles) {
        assert!(row.contains(&format!(",role,{},", r.id)), "{row}");
    }
}

#[test]
fn a_download_is_named_after_what_the_reader_called_it() {
    for (name, fallback, extension, file) in [
        (
            "Q3 — IT & Finance",
            "assessment",
            "json",
            "bita-q3-it-finance.json",
        ),
        (
            "Our IT services draft",
            "catalogue",
            "csv",
            "bita-our-it-services-draft.csv",
        ),
        // Letters beyond ASCII stay as written; a name of punctuation falls back.
        (
            "Prüfung Übersicht",
            "assessment",
            "json",
            "bita-prüfung-Übersicht.json",
        ),
        ("  ../*?  ", "catalogue", "json", "bita-catalogue.json"),
        ("", "assessment", "json", "bita-assessment.json"),
    ] {
        assert_eq!(exchange::file_name(name, fallback, extension), file);
    }
}
