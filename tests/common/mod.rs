//! Helpers shared by the native test files: a tiny hand-made bank and compact assessments.
#![allow(dead_code)]
// Native only: the size rules of clippy.toml are for the page.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use bita::model::bank::{
    validate, Dimension, LevelInfo, ModelFile, Question, Role, ScoringRule, Statement, Who,
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
        source: "test".into(),
        since: 1,
        retired_in: None,
        answers: (1..=5)
            .map(|l| Statement {
                text: format!("{id} statement {l}"),
                meaning: format!("{id} means {l}"),
                next: format!("{id} next from {l}"),
                who: Some(Who::It),
                action: String::new(),
                quick: quick && l <= 3,
                after_basics: false,
            })
            .collect(),
    }
}

/// Dimension `a`: q1 (w1, quick), q2 (w2, role r, its steps presume trust), q3 (w3, quick; at
/// levels 1 and 2 it learns the pains, both sides together). Dimension `b`: q4 (quick; at levels 1
/// and 2 it agrees relief), q5 (w1), which are also the basics that cap the overall level. Stop the
/// bleeding: pains, then relief.
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
            basics_sound: 3,
            stop_the_bleeding: vec!["pains".into(), "relief".into()],
            level_rule_since: "2026-12-07".into(),
        },
        levels: (1..=5)
            .map(|l| LevelInfo {
                level: l,
                name: format!("L{l}"),
                description: "d".into(),
                backed_by: Vec::new(),
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
    let mut q2 = question("q2", 2, Some("r"), false);
    q2.answers.iter_mut().for_each(|s| s.after_basics = true);
    let mut q3 = question("q3", 3, None, true);
    let mut q4 = question("q4", 1, None, true);
    for (q, key, who) in [(&mut q3, "pains", Who::Both), (&mut q4, "relief", Who::It)] {
        for s in &mut q.answers[..2] {
            s.action = key.into();
            s.who = Some(who);
        }
    }
    let mut dims = BTreeMap::new();
    dims.insert(
        "questions/a.toml".to_string(),
        dim("a", vec![question("q1", 1, None, true), q2, q3]),
    );
    dims.insert(
        "questions/b.toml".to_string(),
        dim("b", vec![q4, question("q5", 1, None, false)]),
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

/// Local storage as a map, with switches for the ways a browser's storage misbehaves: writes that
/// fail (full), or storage refusing every read (disabled). Counts the writes that land.
#[derive(Default, Clone)]
pub struct Fake {
    pub map: BTreeMap<String, String>,
    pub fail_writes: bool,
    pub unavailable: bool,
    pub writes: usize,
}

impl bita::model::store::Io for Fake {
    fn read(&mut self, key: &str) -> Result<Option<String>, bita::model::store::Unavailable> {
        if self.unavailable {
            return Err(bita::model::store::Unavailable);
        }
        Ok(self.map.get(key).cloned())
    }
    fn write(&mut self, key: &str, value: &str) -> Result<(), String> {
        if self.fail_writes {
            return Err("QuotaExceededError".into());
        }
        self.writes += 1;
        self.map.insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&mut self, key: &str) {
        self.map.remove(key);
    }
    fn keys(&mut self, prefix: &str) -> Vec<String> {
        self.map
            .keys()
            .filter(|k| k.starts_with(prefix))
            .cloned()
            .collect()
    }
}
