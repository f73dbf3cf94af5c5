//! Helpers shared by the native test files: a tiny hand-made bank and compact assessments.
#![allow(dead_code)]
// Native only: the size rules of clippy.toml are for the page.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use bita::model::bank::{
    validate, Dimension, LevelInfo, ModelFile, Question, Role, ScoringRule, Statement,
};
use bita::model::{Answer, Assessment, Bank};
use proptest::prelude::*;
use std::collections::BTreeMap;

/// A question whose statements 1 to 3 have quick next steps when `quick` is set.
pub fn question(id: &str, weight: u8, role: Option<&str>, quick: bool) -> Question {
    Question {
        id: id.into(),
        text: format!("Question {id}?"),
        help: None,
        weight,
        role: role.map(Into::into),
        audience: None,
        after_basics: false,
        source: "test".into(),
        since: 1,
        retired_in: None,
        answers: (1..=5)
            .map(|l| Statement {
                text: format!("{id} statement {l}"),
                meaning: format!("{id} means {l}"),
                next: format!("{id} next from {l}"),
                quick: quick && l <= 3,
            })
            .collect(),
    }
}

/// Dimension `a`: q1 (w1, quick), q2 (w2, role r), q3 (w3, quick). Dimension `b`: q4 (quick), q5
/// (w1), which are also the basics that cap the overall level.
pub fn tiny() -> Bank {
    let model = ModelFile {
        id: "tiny".into(),
        version: 1,
        title: "Tiny".into(),
        dont_know: "DK".into(),
        not_applicable: "NA".into(),
        dimensions: vec!["a".into(), "b".into()],
        scoring: ScoringRule {
            basics: vec!["q4".into(), "q5".into()],
            cap_margin: 1,
        },
        levels: (1..=5)
            .map(|l| LevelInfo {
                level: l,
                name: format!("L{l}"),
                description: "d".into(),
            })
            .collect(),
        roles: vec![Role {
            id: "r".into(),
            name: "R".into(),
            description: "d".into(),
        }],
    };
    let dim = |id: &str, questions| Dimension {
        id: id.into(),
        name: id.to_uppercase(),
        summary: "s".into(),
        questions,
    };
    let mut dims = BTreeMap::new();
    dims.insert(
        "questions/a.toml".to_string(),
        dim(
            "a",
            vec![
                question("q1", 1, None, true),
                question("q2", 2, Some("r"), false),
                question("q3", 3, None, true),
            ],
        ),
    );
    dims.insert(
        "questions/b.toml".to_string(),
        dim(
            "b",
            vec![
                question("q4", 1, None, true),
                question("q5", 1, None, false),
            ],
        ),
    );
    validate(model, dims).expect("tiny bank is valid")
}

/// An assessment from a compact list of answers: "q1=2 q2=dk".
pub fn answers(bank: &Bank, list: &str) -> Assessment {
    let mut a = Assessment::new(bank, "t".into(), 0.0);
    for pair in list.split_whitespace() {
        let (q, code) = pair.split_once('=').expect("question=answer");
        a.answers
            .insert(q.to_string(), Answer::from_code(code).unwrap());
    }
    a
}

/// Any answer or none, statements more often than the rest.
pub fn any_answer() -> impl Strategy<Value = Option<Answer>> {
    prop_oneof![
        2 => Just(None),
        6 => (1u8..=5).prop_map(|l| Some(Answer::Level(l))),
        1 => Just(Some(Answer::DontKnow)),
        1 => Just(Some(Answer::NotApplicable)),
    ]
}
