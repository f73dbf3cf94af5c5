//! A second language's bank: `questions/<lang>/model.toml` and one file per dimension, holding
//! only what a reader sees (names, questions, statements, advice) under the default language's
//! ids. The structure (weights, audiences, versions, steps' keys) stays in the default files, so a
//! translation can never change what is scored.
//!
//! Compiled into `build.rs` as `bank.rs` is: `serde` and `std` only, never `crate::`.

use super::bank::{Bank, LEVEL_COUNT};
use serde::Deserialize;

/// `questions/<lang>/model.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelTexts {
    pub title: String,
    pub dont_know: String,
    pub not_applicable: String,
    pub levels: Vec<LevelText>,
    pub roles: Vec<RoleText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelText {
    pub level: u8,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleText {
    pub id: String,
    pub name: String,
    pub description: String,
}

/// `questions/<lang>/<dimension>.toml`: the questions the current version asks, in order.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DimensionTexts {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub questions: Vec<QuestionText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionText {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub help: Option<String>,
    pub answers: Vec<StatementText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementText {
    pub text: String,
    pub meaning: String,
    pub next: String,
}

/// Puts a language's texts over `bank` (the default language's, checked), or says what does not
/// fit, each problem naming the file and the field: a missing or unknown id, a question out of
/// order, a count of statements, an empty text, a `help` the default has and this one lacks (or
/// the reverse). Retired questions keep the default's words: the page never shows them.
pub fn apply(
    bank: &mut Bank,
    dir: &str,
    model: ModelTexts,
    dimensions: Vec<DimensionTexts>,
) -> Vec<String> {
    let mut out = Vec::new();
    let file = format!("{dir}/model.toml");
    let text = |out: &mut Vec<String>, file: &str, field: String, value: String| {
        if value.trim().is_empty() {
            out.push(format!("{file}: {field}: must not be empty"));
        }
        value
    };
    let m = &mut bank.model;
    m.title = text(&mut out, &file, "title".into(), model.title);
    m.dont_know = text(&mut out, &file, "dont_know".into(), model.dont_know);
    m.not_applicable = text(
        &mut out,
        &file,
        "not_applicable".into(),
        model.not_applicable,
    );
    if model.levels.len() != m.levels.len() {
        out.push(format!(
            "{file}: levels: expected {}, found {}",
            m.levels.len(),
            model.levels.len()
        ));
    }
    for (i, (to, from)) in m.levels.iter_mut().zip(model.levels).enumerate() {
        if to.level != from.level {
            out.push(format!(
                "{file}: levels[{i}]: level {} where the default has {}",
                from.level, to.level
            ));
        }
        to.name = text(&mut out, &file, format!("levels[{i}].name"), from.name);
        to.description = text(
            &mut out,
            &file,
            format!("levels[{i}].description"),
            from.description,
        );
    }
    let ids = |l: &mut dyn Iterator<Item = String>| l.collect::<Vec<_>>().join(", ");
    if model
        .roles
        .iter()
        .map(|r| &r.id)
        .ne(m.roles.iter().map(|r| &r.id))
    {
        out.push(format!(
            "{file}: roles: expected {} in that order, found {}",
            ids(&mut m.roles.iter().map(|r| r.id.clone())),
            ids(&mut model.roles.iter().map(|r| r.id.clone()))
        ));
    }
    for (i, (to, from)) in m.roles.iter_mut().zip(model.roles).enumerate() {
        to.name = text(&mut out, &file, format!("roles[{i}].name"), from.name);
        to.description = text(
            &mut out,
            &file,
            format!("roles[{i}].description"),
            from.description,
        );
    }
    let version = m.version;
    let mut given = dimensions.into_iter();
    for dim in &mut bank.dimensions {
        let file = format!("{dir}/{}.toml", dim.id);
        let Some(from) = given.next().filter(|d| d.id == dim.id) else {
            out.push(format!("{file}: missing, or its id is not {}", dim.id));
            continue;
        };
        dim.name = text(&mut out, &file, "name".into(), from.name);
        dim.summary = text(&mut out, &file, "summary".into(), from.summary);
        let active: Vec<_> = dim
            .questions
            .iter_mut()
            .filter(|q| q.active_in(version))
            .collect();
        if active
            .iter()
            .map(|q| &q.id)
            .ne(from.questions.iter().map(|q| &q.id))
        {
            out.push(format!(
                "{file}: questions: expected the ids {} in that order, found {}",
                ids(&mut active.iter().map(|q| q.id.clone())),
                ids(&mut from.questions.iter().map(|q| q.id.clone()))
            ));
            continue;
        }
        for (to, from) in active.into_iter().zip(from.questions) {
            let at = |field: &str| format!("questions[{}].{field}", from.id);
            to.text = text(&mut out, &file, at("text"), from.text);
            match (&to.help, from.help) {
                (Some(_), Some(h)) => to.help = Some(text(&mut out, &file, at("help"), h)),
                (None, None) => {}
                (Some(_), None) => out.push(format!("{file}: {}: missing", at("help"))),
                (None, Some(_)) => out.push(format!(
                    "{file}: {}: the default language has none",
                    at("help")
                )),
            }
            if from.answers.len() != LEVEL_COUNT {
                out.push(format!(
                    "{file}: {}: expected {LEVEL_COUNT} statements, found {}",
                    at("answers"),
                    from.answers.len()
                ));
                continue;
            }
            for (n, (s, f)) in to.answers.iter_mut().zip(from.answers).enumerate() {
                let at = |field: &str| at(&format!("answers[{n}].{field}"));
                s.text = text(&mut out, &file, at("text"), f.text);
                s.meaning = text(&mut out, &file, at("meaning"), f.meaning);
                s.next = text(&mut out, &file, at("next"), f.next);
            }
        }
    }
    if let Some(extra) = given.next() {
        out.push(format!(
            "{dir}/{}.toml: not a dimension of the model, or out of its order",
            extra.id
        ));
    }
    out
}
