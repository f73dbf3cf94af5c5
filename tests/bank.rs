//! The question bank in `questions/`: its shape, and that bad data is refused with a clear message.
#![cfg(not(target_arch = "wasm32"))]

use bita::model::bank::{dimension_file, load_dir, validate, Bank, BankIssues, Dimension};
use std::collections::BTreeMap;
use std::path::Path;

fn dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/questions"))
}

fn real() -> Bank {
    load_dir(dir()).expect("the shipped bank is valid")
}

fn parts(bank: Bank) -> (bita::model::bank::ModelFile, BTreeMap<String, Dimension>) {
    let dims = bank
        .dimensions
        .into_iter()
        .map(|d| (dimension_file(&d.id), d))
        .collect();
    (bank.model, dims)
}

/// Applies a change to the shipped bank and returns what validation says about it.
fn issues_after(
    change: impl FnOnce(&mut bita::model::bank::ModelFile, &mut BTreeMap<String, Dimension>),
) -> Vec<String> {
    let (mut model, mut dims) = parts(real());
    change(&mut model, &mut dims);
    match validate(model, dims) {
        Ok(_) => vec![],
        Err(BankIssues(v)) => v.iter().map(|i| i.to_string()).collect(),
    }
}

fn sd(dims: &mut BTreeMap<String, Dimension>) -> &mut Dimension {
    dims.get_mut("questions/service-definition.toml").unwrap()
}

#[test]
fn the_compiled_in_bank_is_the_one_in_questions() {
    assert_eq!(&real(), bita::model::builtin());
}

#[test]
fn bank_has_the_required_shape() {
    let bank = real();
    let ids: Vec<&str> = bank.dimensions.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "service-definition",
            "value",
            "customer-view",
            "delivery-trust",
            "it-roles"
        ]
    );
    for d in &bank.dimensions[..4] {
        assert!(
            bank.active(d).count() >= 6,
            "{} has fewer than 6 questions",
            d.id
        );
    }
    let total = bank.question_count();
    assert!((35..=50).contains(&total), "{total} questions");
    for role in &bank.model.roles {
        let n = bank
            .dimensions
            .iter()
            .flat_map(|d| bank.active(d))
            .filter(|q| q.role.as_deref() == Some(role.id.as_str()))
            .count();
        assert!(n >= 2, "role {} has {n} questions", role.id);
    }
    let roles: Vec<&str> = bank.model.roles.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        roles,
        ["integrator", "partner", "innovator", "leader", "broker"]
    );
    // The cap rests on the two basic services, both in Delivery and trust.
    assert_eq!(bank.model.scoring.basics.len(), 2);
    for b in &bank.model.scoring.basics {
        assert_eq!(bank.question(b).unwrap().0.id, "delivery-trust", "{b}");
    }
}

#[test]
fn questions_readme_maps_every_question_to_a_seed_idea() {
    let readme =
        std::fs::read_to_string(dir().join("README.md")).expect("questions/README.md exists");
    for q in real().dimensions.iter().flat_map(|d| &d.questions) {
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| {} |", q.id)))
            .unwrap_or_else(|| panic!("questions/README.md has no table row for {}", q.id));
        assert!(
            row.contains(q.source.as_str()),
            "row for {} does not name its source {:?}",
            q.id,
            q.source
        );
    }
}

#[test]
fn duplicate_ids_are_refused_naming_file_and_field() {
    let issues = issues_after(|_, dims| {
        let d = sd(dims);
        d.questions[1].id = d.questions[0].id.clone();
    });
    assert_eq!(issues.len(), 1, "{issues:?}");
    assert!(
        issues[0].starts_with(
            "questions/service-definition.toml: questions[1].id: duplicate question id \"sd-01\""
        ),
        "{}",
        issues[0]
    );
}

#[test]
fn duplicates_across_files_are_refused() {
    let issues = issues_after(|_, dims| {
        dims.get_mut("questions/value.toml").unwrap().questions[0].id = "sd-03".into();
    });
    assert!(
        issues
            .iter()
            .any(|i| i.contains("duplicate question id \"sd-03\"")),
        "{issues:?}"
    );
}

#[test]
fn malformed_ids_are_refused() {
    for bad in ["", "SD-01", "sd 01", "sd_01", &"x".repeat(33)] {
        let issues = issues_after(|_, dims| sd(dims).questions[2].id = bad.to_string());
        assert!(
            issues
                .iter()
                .any(|i| i.contains("questions[2].id") && i.contains("must be 1 to 32")),
            "{bad:?}: {issues:?}"
        );
    }
}

#[test]
fn wrong_statement_counts_are_refused() {
    for n in [4, 6] {
        let issues = issues_after(|_, dims| {
            let q = &mut sd(dims).questions[0];
            if n == 4 {
                q.answers.pop();
            } else {
                let extra = q.answers[0].clone();
                q.answers.push(extra);
            }
        });
        assert_eq!(issues, [format!("questions/service-definition.toml: questions[0].answers: expected 5 statements, found {n}")]);
    }
}

#[test]
fn missing_advice_and_empty_text_are_refused() {
    let issues = issues_after(|_, dims| {
        let q = &mut sd(dims).questions[3];
        q.answers[2].next = "  ".into();
        q.answers[4].meaning = String::new();
        q.text = String::new();
    });
    assert_eq!(
        issues,
        [
            "questions/service-definition.toml: questions[3].text: must not be empty",
            "questions/service-definition.toml: questions[3].answers[2].next: must not be empty",
            "questions/service-definition.toml: questions[3].answers[4].meaning: must not be empty",
        ]
    );
}

#[test]
fn unknown_references_are_refused() {
    let issues = issues_after(|model, dims| {
        dims.get_mut("questions/it-roles.toml").unwrap().questions[0].role = Some("wizard".into());
        model.scoring.basics = vec!["nowhere".into()];
    });
    assert!(
        issues
            .iter()
            .any(|i| i == "questions/it-roles.toml: questions[0].role: unknown role \"wizard\""),
        "{issues:?}"
    );
    assert!(
        issues
            .iter()
            .any(|i| i
                == "questions/model.toml: scoring.basics[0]: \"nowhere\" is not a question asked of both sides in version 1"),
        "{issues:?}"
    );
}

#[test]
fn unlisted_and_missing_dimension_files_are_refused() {
    let issues = issues_after(|model, dims| {
        let d = dims.remove("questions/value.toml").unwrap();
        dims.insert("questions/valeu.toml".into(), d);
        model.dimensions.push("ghost".into());
    });
    assert!(
        issues
            .iter()
            .any(|i| i.contains("no file questions/value.toml")),
        "{issues:?}"
    );
    assert!(
        issues
            .iter()
            .any(|i| i.contains("no file questions/ghost.toml")),
        "{issues:?}"
    );
    assert!(
        issues
            .iter()
            .any(|i| i.starts_with("questions/valeu.toml: id: this file is not listed")),
        "{issues:?}"
    );
}

#[test]
fn weights_and_versions_are_checked() {
    let issues = issues_after(|_, dims| {
        let d = sd(dims);
        d.questions[0].weight = 0;
        d.questions[1].since = 2;
        d.questions[2].retired_in = Some(1);
    });
    assert_eq!(issues.len(), 3, "{issues:?}");
    assert!(issues[0].contains("questions[0].weight: must be 1, 2 or 3, found 0"));
    assert!(issues[1].contains("questions[1].since"));
    assert!(issues[2].contains("questions[2].retired_in"));
}

#[test]
fn retired_questions_leave_the_order_but_keep_the_rest_stable() {
    let (mut model, mut dims) = parts(real());
    model.version = 2;
    sd(&mut dims).questions[1].retired_in = Some(2);
    let bank = validate(model, dims).expect("retiring is valid");
    let v1: Vec<&str> = bank.order(1).iter().map(|q| q.id.as_str()).collect();
    let v2: Vec<&str> = bank.order(2).iter().map(|q| q.id.as_str()).collect();
    assert_eq!(v1.len(), v2.len() + 1);
    assert!(v1.contains(&"sd-02") && !v2.contains(&"sd-02"));
    assert_eq!(
        v1.iter().filter(|id| **id != "sd-02").collect::<Vec<_>>(),
        v2.iter().collect::<Vec<_>>()
    );
}

#[test]
fn broken_toml_names_the_file_and_line() {
    let tmp = std::env::temp_dir().join(format!("bita-bank-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    for entry in std::fs::read_dir(dir()).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "toml") {
            std::fs::copy(&p, tmp.join(p.file_name().unwrap())).unwrap();
        }
    }
    let file = tmp.join("value.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replacen("weight = 3", "weight = \"heavy\"", 1)).unwrap();
    let err = load_dir(&tmp).unwrap_err().to_string();
    std::fs::remove_dir_all(&tmp).ok();
    assert!(err.contains("questions/value.toml: line "), "{err}");
    assert!(err.contains("weight") || err.contains("integer"), "{err}");
}
