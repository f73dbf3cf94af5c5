//! The question bank as read from `questions/`, and its validation.
//!
//! This file is compiled twice: into the library, and into `build.rs` (through `#[path]`) so that bad
//! data fails the build with a message naming the file and the field. It may therefore only use
//! `serde`, `std` and, natively, `toml`; never `crate::`.

use serde::{Deserialize, Serialize};
// Checking the bank runs natively only (build.rs, tests, `load_dir`): the page gets a bank that was
// checked when it was built, so the standard collections cost it nothing.
#[allow(clippy::disallowed_types)]
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Every question has exactly this many statements, from least (level 1) to most mature (level 5).
pub const LEVEL_COUNT: usize = 5;

/// `questions/model.toml`: what holds for the model as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelFile {
    /// Stable id of the model; links and exports name it.
    pub id: String,
    /// Bumped whenever questions are added or retired; fixes the order of questions for links.
    pub version: u32,
    pub title: String,
    /// Label of the "Don't know" option every question accepts.
    pub dont_know: String,
    /// Label of the "Not applicable" option every question accepts.
    pub not_applicable: String,
    /// Dimension ids in the order they are asked; each is defined in `questions/<id>.toml`.
    pub dimensions: Vec<String>,
    pub scoring: ScoringRule,
    pub levels: Vec<LevelInfo>,
    pub roles: Vec<Role>,
}

/// The rules that keep the level and the advice from outrunning delivery (see `scoring.rs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoringRule {
    /// The questions on the two basic services (keeping what exists working, delivering the new),
    /// whose level caps the overall level.
    pub basics: Vec<String>,
    /// How many levels the overall level may stand above the basics' level.
    pub cap_margin: u8,
    /// The basics' level from which they count as sound. Below it the overall level stands below
    /// it too, the steps that stop the bleeding come first and steps that presume trust wait.
    pub basics_sound: u8,
    /// The action keys of the steps that stop the bleeding, in the order they come first.
    pub stop_the_bleeding: Vec<String>,
    /// The day (`YYYY-MM-DD`) the level's rules last changed: a report of answers saved before it
    /// says once when its level is no longer the one shown then.
    pub level_rule_since: String,
}

/// An answer a level's description relies on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backing {
    pub question: String,
    /// The lowest answer that still backs the claim.
    pub at_least: u8,
}

/// Who carries out a step.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Who {
    #[default]
    It,
    Business,
    Both,
}

impl Who {
    pub fn key(self) -> &'static str {
        match self {
            Who::It => "it",
            Who::Business => "business",
            Who::Both => "both",
        }
    }
}

/// Which side of the organisation a question is asked of, when only one side can answer it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    It,
    Business,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelInfo {
    pub level: u8,
    pub name: String,
    /// Shown with the report; empty in the page's bank until the advice texts arrive.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The answers the description's claims rest on: the overall level is this level only where
    /// none of them stands lower (and the levels below are backed too).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub backed_by: Vec<Backing>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub name: String,
    pub description: String,
}

/// `questions/<dimension>.toml`: one dimension and its questions, in asking order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dimension {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable forever: saved answers and shared links refer to it.
    pub id: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Relative weight within its dimension and role, 1 to 3.
    pub weight: u8,
    /// For questions of the roles dimension: which IT role this question scores.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Asked of this side only (and left out of comparisons); both sides when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<Audience>,
    /// The idea in `shared/seeds` this question tests (documentation only).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// Model version that introduced the question.
    #[serde(default = "first_version")]
    pub since: u32,
    /// Model version from which the question is no longer asked; answers to it are kept, not scored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired_in: Option<u32>,
    /// Exactly five, from least to most mature; the n-th is level n.
    pub answers: Vec<Statement>,
}

fn first_version() -> u32 {
    1
}

impl Question {
    /// Whether this question is asked (and scored) in the given model version.
    pub fn active_in(&self, version: u32) -> bool {
        self.since <= version && self.retired_in.is_none_or(|r| r > version)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// What the organisation looks like at this level.
    pub text: String,
    /// "What this means", shown with the answer in the report (empty in the page's bank until the
    /// advice texts arrive).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub meaning: String,
    /// "What to do next" from this level (likewise, as is the rest of the step below).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub next: String,
    /// Who carries out `next`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<Who>,
    /// Steps that ask for the same action share a key; one assessment's advice lists it once.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub action: String,
    /// `next` is doable within weeks, without new funding or reorganisation.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub quick: bool,
    /// `next` presumes trust (advising, proposing, leading, rewriting agreements): held back while
    /// the basics are not sound.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub after_basics: bool,
}

/// What the report adds to a statement: everything but its text. Written to the page as a list
/// (`[meaning, next, who, action, quick, after_basics]`): its keys repeated for every statement
/// cost the report's file 0.4 KB.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(into = "AdviceList", from = "AdviceList")]
pub struct StatementAdvice {
    pub meaning: String,
    pub next: String,
    pub who: Who,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub action: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub quick: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub after_basics: bool,
}

type AdviceList = (String, String, Who, String, bool, bool);

impl From<StatementAdvice> for AdviceList {
    fn from(s: StatementAdvice) -> Self {
        (s.meaning, s.next, s.who, s.action, s.quick, s.after_basics)
    }
}

impl From<AdviceList> for StatementAdvice {
    fn from((meaning, next, who, action, quick, after_basics): AdviceList) -> Self {
        StatementAdvice {
            meaning,
            next,
            who,
            action,
            quick,
            after_basics,
        }
    }
}

/// A validated question bank: every reference resolves, every question is well formed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bank {
    pub model: ModelFile,
    /// In the order of `model.dimensions`.
    pub dimensions: Vec<Dimension>,
}

/// What only the report needs: each statement's meaning and step, and the levels' descriptions.
/// The page's first view does without them; they arrive with the report.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AdviceTexts {
    pub levels: Vec<String>,
    /// Question id with what each statement adds, level 1 first, in the bank's order (a list
    /// rather than a map: the page looks each up once, and a map type costs wasm).
    pub questions: Vec<(String, Vec<StatementAdvice>)>,
}

impl Bank {
    /// Drops what the page never shows: the `source` notes (for the people who edit the bank) and
    /// the words of retired questions (their ids and versions are what count: old answers to them
    /// are kept, and old links list them).
    pub fn strip_for_the_page(&mut self) {
        let version = self.model.version;
        for q in self
            .dimensions
            .iter_mut()
            .flat_map(|d| d.questions.iter_mut())
        {
            q.source.clear();
            if !q.active_in(version) {
                q.text.clear();
                q.help = None;
                q.answers.clear();
            }
        }
    }

    /// Takes the advice texts out of the bank.
    pub fn split_advice(&mut self) -> AdviceTexts {
        let mut out = AdviceTexts {
            levels: self
                .model
                .levels
                .iter_mut()
                .map(|l| std::mem::take(&mut l.description))
                .collect(),
            ..AdviceTexts::default()
        };
        for q in self
            .dimensions
            .iter_mut()
            .flat_map(|d| d.questions.iter_mut())
        {
            if q.answers.is_empty() {
                continue;
            }
            let texts = q
                .answers
                .iter_mut()
                .map(|s| StatementAdvice {
                    meaning: std::mem::take(&mut s.meaning),
                    next: std::mem::take(&mut s.next),
                    who: s.who.take().unwrap_or_default(),
                    action: std::mem::take(&mut s.action),
                    quick: std::mem::take(&mut s.quick),
                    after_basics: std::mem::take(&mut s.after_basics),
                })
                .collect();
            out.questions.push((q.id.clone(), texts));
        }
        out
    }

    /// Puts advice texts back, checking they fit this bank.
    pub fn merge_advice(&mut self, advice: &AdviceTexts) -> Result<(), String> {
        if advice.levels.len() != self.model.levels.len() {
            return Err("the advice texts are for another model".into());
        }
        for (l, d) in self.model.levels.iter_mut().zip(&advice.levels) {
            l.description = d.clone();
        }
        for q in self
            .dimensions
            .iter_mut()
            .flat_map(|d| d.questions.iter_mut())
        {
            if q.answers.is_empty() {
                continue;
            }
            let texts = advice
                .questions
                .iter()
                .find_map(|(id, t)| (*id == q.id).then_some(t))
                .filter(|t| t.len() == q.answers.len())
                .ok_or_else(|| format!("the advice texts lack question {}", q.id))?;
            for (s, a) in q.answers.iter_mut().zip(texts) {
                s.meaning = a.meaning.clone();
                s.next = a.next.clone();
                s.who = Some(a.who);
                s.action = a.action.clone();
                s.quick = a.quick;
                s.after_basics = a.after_basics;
            }
        }
        Ok(())
    }
}

/// A short, stable fingerprint of a text (FNV-1a, 32 bits): names the advice file by its content.
pub fn fingerprint(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// One thing wrong in the bank, located by file and field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankIssue {
    pub file: String,
    pub field: String,
    pub problem: String,
}

impl fmt::Display for BankIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.field, self.problem)
    }
}

/// Everything wrong in the bank at once, so one build shows all of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankIssues(pub Vec<BankIssue>);

impl fmt::Display for BankIssues {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "the question bank has {} problem(s):", self.0.len())?;
        for issue in &self.0 {
            writeln!(f, "  {issue}")?;
        }
        Ok(())
    }
}

impl std::error::Error for BankIssues {}

/// The file a dimension is defined in, relative to the repository.
pub fn dimension_file(id: &str) -> String {
    format!("questions/{id}.toml")
}

pub const MODEL_FILE: &str = "questions/model.toml";
/// The report's sentences, beside the bank (not a dimension).
pub const REPORT_FILE: &str = "report.toml";
/// The catalogue check's lexicon (see `model::catalogue`), beside the bank.
pub const CATALOGUE_FILE: &str = "catalogue.toml";
/// The interface's own words (see `model::interface`): the first view's, and the other pages'.
pub const INTERFACE_FILE: &str = "interface.toml";
pub const INTERFACE_PAGES_FILE: &str = "interface-pages.toml";

struct Checker {
    issues: Vec<BankIssue>,
}

impl Checker {
    fn fail(&mut self, file: &str, field: impl Into<String>, problem: impl Into<String>) {
        self.issues.push(BankIssue {
            file: file.to_string(),
            field: field.into(),
            problem: problem.into(),
        });
    }

    fn text(&mut self, file: &str, field: impl Into<String>, value: &str) {
        if value.trim().is_empty() {
            self.fail(file, field, "must not be empty");
        }
    }

    fn id(&mut self, file: &str, field: impl Into<String>, value: &str) {
        let ok = !value.is_empty()
            && value.len() <= 32
            && value
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !ok {
            self.fail(
                file,
                field,
                format!("id {value:?} must be 1 to 32 characters of a-z, 0-9 and '-'"),
            );
        }
    }
}

/// Checks a parsed bank. `dimensions` maps each dimension file name to its content.
#[allow(clippy::disallowed_types)] // native only: see the import above
pub fn validate(
    model: ModelFile,
    mut dimensions: BTreeMap<String, Dimension>,
) -> Result<Bank, BankIssues> {
    let mut c = Checker { issues: Vec::new() };
    let mf = MODEL_FILE;
    c.id(mf, "id", &model.id);
    if model.version == 0 {
        c.fail(mf, "version", "must be 1 or more");
    }
    c.text(mf, "title", &model.title);
    c.text(mf, "dont_know", &model.dont_know);
    c.text(mf, "not_applicable", &model.not_applicable);

    if model.levels.len() != LEVEL_COUNT {
        c.fail(
            mf,
            "levels",
            format!(
                "expected {LEVEL_COUNT} levels, found {}",
                model.levels.len()
            ),
        );
    }
    for (i, level) in model.levels.iter().enumerate() {
        if usize::from(level.level) != i + 1 {
            c.fail(
                mf,
                format!("levels[{i}].level"),
                format!("expected {}, found {}", i + 1, level.level),
            );
        }
        c.text(mf, format!("levels[{i}].name"), &level.name);
        c.text(mf, format!("levels[{i}].description"), &level.description);
        if i == 0 && !level.backed_by.is_empty() {
            c.fail(
                mf,
                "levels[0].backed_by",
                "level 1 is the floor: it relies on no answer",
            );
        }
        for (bi, b) in level.backed_by.iter().enumerate() {
            if !(1..=LEVEL_COUNT as u8).contains(&b.at_least) {
                c.fail(
                    mf,
                    format!("levels[{i}].backed_by[{bi}].at_least"),
                    format!("must be 1 to {LEVEL_COUNT}"),
                );
            }
        }
    }

    let mut role_ids = BTreeSet::new();
    for (i, role) in model.roles.iter().enumerate() {
        c.id(mf, format!("roles[{i}].id"), &role.id);
        if !role_ids.insert(role.id.clone()) {
            c.fail(
                mf,
                format!("roles[{i}].id"),
                format!("duplicate role id {:?}", role.id),
            );
        }
        c.text(mf, format!("roles[{i}].name"), &role.name);
        c.text(mf, format!("roles[{i}].description"), &role.description);
    }

    if model.scoring.basics.is_empty() {
        c.fail(mf, "scoring.basics", "name the basic-service questions");
    }
    if model.scoring.cap_margin >= LEVEL_COUNT as u8 {
        c.fail(
            mf,
            "scoring.cap_margin",
            "must be below the number of levels",
        );
    }
    if !(2..=LEVEL_COUNT as u8).contains(&model.scoring.basics_sound) {
        c.fail(
            mf,
            "scoring.basics_sound",
            format!("must be 2 to {LEVEL_COUNT}"),
        );
    }
    let bleeding = &model.scoring.stop_the_bleeding;
    if bleeding.is_empty() {
        c.fail(
            mf,
            "scoring.stop_the_bleeding",
            "name the steps that stop the bleeding",
        );
    }
    for (i, key) in bleeding.iter().enumerate() {
        c.id(mf, format!("scoring.stop_the_bleeding[{i}]"), key);
        if bleeding[..i].contains(key) {
            c.fail(
                mf,
                format!("scoring.stop_the_bleeding[{i}]"),
                format!("{key:?} is listed twice"),
            );
        }
    }
    let since = model.scoring.level_rule_since.as_bytes();
    let is_day = since.len() == 10
        && since.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !is_day {
        c.fail(
            mf,
            "scoring.level_rule_since",
            "must be a day written YYYY-MM-DD",
        );
    }
    // Stop-the-bleeding keys a step of a weak answer carries: each key needs one.
    let mut bleeding_found = BTreeSet::new();

    let mut ordered = Vec::new();
    let mut question_ids: BTreeMap<String, String> = BTreeMap::new();
    let mut role_counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut seen_dims = BTreeSet::new();
    for (i, dim_id) in model.dimensions.iter().enumerate() {
        let file = dimension_file(dim_id);
        if !seen_dims.insert(dim_id.clone()) {
            c.fail(
                mf,
                format!("dimensions[{i}]"),
                format!("dimension {dim_id:?} listed twice"),
            );
            continue;
        }
        let Some(dim) = dimensions.remove(&file) else {
            c.fail(
                mf,
                format!("dimensions[{i}]"),
                format!("no file {file} for dimension {dim_id:?}"),
            );
            continue;
        };
        if &dim.id != dim_id {
            c.fail(
                &file,
                "id",
                format!("expected {dim_id:?} (the file name), found {:?}", dim.id),
            );
        }
        c.text(&file, "name", &dim.name);
        c.text(&file, "summary", &dim.summary);
        if dim.questions.is_empty() {
            c.fail(
                &file,
                "questions",
                "a dimension needs at least one question",
            );
        }
        for (qi, q) in dim.questions.iter().enumerate() {
            let at = |f: &str| format!("questions[{qi}].{f}");
            c.id(&file, at("id"), &q.id);
            if let Some(other) = question_ids.insert(q.id.clone(), file.clone()) {
                c.fail(
                    &file,
                    at("id"),
                    format!("duplicate question id {:?} (also in {other})", q.id),
                );
            }
            c.text(&file, at("text"), &q.text);
            c.text(&file, at("source"), &q.source);
            if let Some(help) = &q.help {
                c.text(&file, at("help"), help);
            }
            if !(1..=3).contains(&q.weight) {
                c.fail(
                    &file,
                    at("weight"),
                    format!("must be 1, 2 or 3, found {}", q.weight),
                );
            }
            if q.since == 0 || q.since > model.version {
                c.fail(
                    &file,
                    at("since"),
                    format!("must be between 1 and the model version {}", model.version),
                );
            }
            if let Some(r) = q.retired_in {
                if r <= q.since || r > model.version {
                    c.fail(
                        &file,
                        at("retired_in"),
                        format!(
                            "must be after `since` and at most the model version {}",
                            model.version
                        ),
                    );
                }
            }
            match &q.role {
                Some(role) if !role_ids.contains(role) => {
                    c.fail(&file, at("role"), format!("unknown role {role:?}"));
                }
                Some(role) if q.active_in(model.version) => {
                    *role_counts.entry(role.clone()).or_default() += 1;
                }
                _ => {}
            }
            if q.answers.len() != LEVEL_COUNT {
                c.fail(
                    &file,
                    at("answers"),
                    format!(
                        "expected {LEVEL_COUNT} statements, found {}",
                        q.answers.len()
                    ),
                );
            }
            for (ai, s) in q.answers.iter().enumerate() {
                c.text(
                    &file,
                    format!("questions[{qi}].answers[{ai}].text"),
                    &s.text,
                );
                c.text(
                    &file,
                    format!("questions[{qi}].answers[{ai}].meaning"),
                    &s.meaning,
                );
                c.text(
                    &file,
                    format!("questions[{qi}].answers[{ai}].next"),
                    &s.next,
                );
                let at = |f: &str| format!("questions[{qi}].answers[{ai}].{f}");
                if s.who.is_none() {
                    c.fail(
                        &file,
                        at("who"),
                        "say who acts: \"it\", \"business\" or \"both\"",
                    );
                }
                if !s.action.is_empty() {
                    c.id(&file, at("action"), &s.action);
                }
                if bleeding.contains(&s.action) {
                    if s.after_basics {
                        c.fail(
                            &file,
                            at("after_basics"),
                            format!(
                                "{:?} stops the bleeding: it cannot wait for the basics",
                                s.action
                            ),
                        );
                    }
                    if q.active_in(model.version)
                        && ai + 1 < usize::from(model.scoring.basics_sound)
                    {
                        bleeding_found.insert(s.action.clone());
                    }
                }
            }
        }
        ordered.push(dim);
    }
    for (file, _) in dimensions {
        c.fail(
            &file,
            "id",
            "this file is not listed in questions/model.toml `dimensions`",
        );
    }
    for (i, b) in model.scoring.basics.iter().enumerate() {
        let active = ordered
            .iter()
            .flat_map(|d: &Dimension| d.questions.iter())
            .any(|q| &q.id == b && q.active_in(model.version) && q.audience.is_none());
        if !active {
            c.fail(
                mf,
                format!("scoring.basics[{i}]"),
                format!(
                    "{b:?} is not a question asked of both sides in version {}",
                    model.version
                ),
            );
        }
    }
    for (i, key) in bleeding.iter().enumerate() {
        if !bleeding_found.contains(key) {
            c.fail(
                mf,
                format!("scoring.stop_the_bleeding[{i}]"),
                format!(
                    "no step of an answer below level {} of an active question has action {key:?}",
                    model.scoring.basics_sound
                ),
            );
        }
    }
    for (i, level) in model.levels.iter().enumerate() {
        for (bi, b) in level.backed_by.iter().enumerate() {
            let active = ordered
                .iter()
                .flat_map(|d: &Dimension| d.questions.iter())
                .any(|q| q.id == b.question && q.active_in(model.version));
            if !active {
                c.fail(
                    mf,
                    format!("levels[{i}].backed_by[{bi}].question"),
                    format!(
                        "{:?} is not a question of version {}",
                        b.question, model.version
                    ),
                );
            }
        }
    }
    for role in &model.roles {
        if !role_counts.contains_key(&role.id) {
            c.fail(
                mf,
                "roles",
                format!("role {:?} has no active question", role.id),
            );
        }
    }

    if c.issues.is_empty() {
        Ok(Bank {
            model,
            dimensions: ordered,
        })
    } else {
        Err(BankIssues(c.issues))
    }
}

/// Reads and validates every `.toml` file of a question directory (natively: build script, tests).
#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::disallowed_types, clippy::disallowed_methods)] // native only
pub fn load_dir(dir: &std::path::Path) -> Result<Bank, BankIssues> {
    let single = |file: &str, problem: String| {
        BankIssues(vec![BankIssue {
            file: file.to_string(),
            field: "-".to_string(),
            problem,
        }])
    };
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name))
            .map_err(|e| single(&format!("questions/{name}"), format!("cannot be read: {e}")))
    };
    let model: ModelFile = toml::from_str(&read("model.toml")?)
        .map_err(|e| single(MODEL_FILE, e.message().to_string()))?;
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| single("questions/", format!("cannot be listed: {e}")))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.ends_with(".toml")
                && n != "model.toml"
                && n != REPORT_FILE
                && n != CATALOGUE_FILE
                && n != INTERFACE_FILE
                && n != INTERFACE_PAGES_FILE
        })
        .collect();
    names.sort();
    let mut dims = BTreeMap::new();
    let mut parse_issues = Vec::new();
    for name in names {
        let file = format!("questions/{name}");
        let text = read(&name)?;
        match toml::from_str::<Dimension>(&text) {
            Ok(d) => {
                dims.insert(file, d);
            }
            Err(e) => parse_issues.push(BankIssue {
                file,
                field: toml_location(&e, &text),
                problem: e.message().to_string(),
            }),
        }
    }
    if !parse_issues.is_empty() {
        return Err(BankIssues(parse_issues));
    }
    validate(model, dims)
}

/// Where a TOML error happened: the line and its text, which names the field.
#[cfg(not(target_arch = "wasm32"))]
fn toml_location(e: &toml::de::Error, text: &str) -> String {
    match e.span() {
        Some(span) => {
            let line = text[..span.start].matches('\n').count() + 1;
            let source = text.lines().nth(line - 1).unwrap_or("").trim();
            format!("line {line} `{source}`")
        }
        None => "-".to_string(),
    }
}
