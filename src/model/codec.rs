//! Each stored or built document read from and written to [`Json`] by plain code (see `json` for
//! why not serde in the page). The shapes are exactly those serde gives the same types natively;
//! the tests below hold the two to each other, both ways.
//!
//! Reading follows serde's defaults for these types: required fields must be present and of their
//! type, fields with defaults may be missing, unknown fields are ignored. Two leniencies serde does
//! not have: `null` reads as a missing field, and with a repeated key the last one counts. A map
//! holds at most [`MAX_ENTRIES`] entries (no bita record comes close), so a hostile file cannot make
//! reading it slow.

use super::assessment::{Clock, Place, Stamp};
use super::bank::{
    AdviceTexts, Audience, Backing, Bank, Dimension, LevelInfo, ModelFile, Question, Role,
    ScoringRule, Statement, StatementAdvice, Who,
};
use super::json::Json;
use super::map::Map;
use super::{Answer, Assessment, Perspective};

type Result<T> = std::result::Result<T, String>;

/// A present, non-null member.
fn member<'a>(j: &'a Json, key: &str) -> Option<&'a Json> {
    j.get(key).filter(|v| **v != Json::Null)
}

fn required<'a>(j: &'a Json, key: &str) -> Result<&'a Json> {
    member(j, key).ok_or_else(|| format!("`{key}` is missing"))
}

fn wrong(key: &str, what: &str) -> String {
    format!("`{key}` must be {what}")
}

fn text(j: &Json, key: &str) -> Result<String> {
    required(j, key)?
        .as_str()
        .map(String::from)
        .ok_or_else(|| wrong(key, "text"))
}

/// Text that defaults to empty.
fn text_or_empty(j: &Json, key: &str) -> Result<String> {
    match member(j, key) {
        None => Ok(String::new()),
        Some(v) => v
            .as_str()
            .map(String::from)
            .ok_or_else(|| wrong(key, "text")),
    }
}

fn optional_text(j: &Json, key: &str) -> Result<Option<String>> {
    member(j, key)
        .map(|v| {
            v.as_str()
                .map(String::from)
                .ok_or_else(|| wrong(key, "text"))
        })
        .transpose()
}

fn uint(j: &Json, key: &str, max: u64) -> Result<u64> {
    required(j, key)?
        .as_uint(max)
        .ok_or_else(|| wrong(key, "a whole number"))
}

fn number(j: &Json, key: &str) -> Result<f64> {
    required(j, key)?
        .as_f64()
        .ok_or_else(|| wrong(key, "a number"))
}

fn flag(j: &Json, key: &str) -> Result<bool> {
    match member(j, key) {
        None => Ok(false),
        Some(v) => v.as_bool().ok_or_else(|| wrong(key, "true or false")),
    }
}

fn list<'a>(j: &'a Json, key: &str) -> Result<&'a [Json]> {
    required(j, key)?
        .as_array()
        .ok_or_else(|| wrong(key, "a list"))
}

fn texts(j: &Json, key: &str) -> Result<Vec<String>> {
    list(j, key)?
        .iter()
        .map(|v| {
            v.as_str()
                .map(String::from)
                .ok_or_else(|| wrong(key, "a list of texts"))
        })
        .collect()
}

/// Most entries a map of a record may hold: far more than questions in any version of the model.
pub const MAX_ENTRIES: usize = 2000;

/// An object of values read by `read` (a missing one is empty).
fn map<V>(j: &Json, key: &str, what: &str, read: fn(&Json) -> Option<V>) -> Result<Map<String, V>> {
    let Some(v) = member(j, key) else {
        return Ok(Map::new());
    };
    let members = v.as_object().ok_or_else(|| wrong(key, what))?;
    if members.len() > MAX_ENTRIES {
        return Err(format!("`{key}` holds more entries than any bita record"));
    }
    members
        .iter()
        .map(|(k, v)| read(v).map(|v| (k.clone(), v)))
        .collect::<Option<Map<String, V>>>()
        .ok_or_else(|| wrong(key, what))
}

fn object(members: Vec<(&str, Json)>) -> Json {
    Json::Obj(
        members
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

fn map_json<V>(m: &Map<String, V>, write: fn(&V) -> Json) -> Json {
    Json::Obj(m.iter().map(|(k, v)| (k.clone(), write(v))).collect())
}

// Assessments, as storage and export files hold them.

fn stamp(v: &Json) -> Option<Stamp> {
    match v.as_array()? {
        [ms, writer] => Some(Stamp(
            ms.as_uint(u64::MAX)?,
            writer.as_uint(u64::from(u32::MAX))? as u32,
        )),
        _ => None,
    }
}

fn stamp_json(s: &Stamp) -> Json {
    Json::Arr(vec![Json::Num(s.0 as f64), Json::Num(f64::from(s.1))])
}

fn clock(j: &Json) -> Result<Clock> {
    // Not an object: refused, never read as fresh stamps (an older copy would then win a merge).
    if j.as_object().is_none() {
        return Err(wrong("clock", "the record's stamps"));
    }
    let one = |key: &str| match member(j, key) {
        None => Ok(Stamp::default()),
        Some(v) => stamp(v).ok_or_else(|| wrong(key, "a stamp")),
    };
    const STAMPS: &str = "stamps by question";
    Ok(Clock {
        answers: map(j, "answers", STAMPS, stamp)?,
        notes: map(j, "notes", STAMPS, stamp)?,
        name: one("name")?,
        role: one("role")?,
        perspective: one("perspective")?,
        place: one("place")?,
        deleted: one("deleted")?,
        targets: map(j, "targets", "stamps by dimension", stamp)?,
        done: map(j, "done", "stamps by step", stamp)?,
    })
}

fn place(v: Option<&Json>) -> Result<Place> {
    let bad = || wrong("place", "a place in the assessment");
    match v {
        None => Ok(Place::Start),
        Some(Json::Str(s)) if s == "Start" => Ok(Place::Start),
        Some(Json::Str(s)) if s == "Review" => Ok(Place::Review),
        Some(v) => {
            let d = v.get("Dimension").ok_or_else(bad)?;
            Ok(Place::Dimension {
                dimension: text(d, "dimension").map_err(|_| bad())?,
                question: optional_text(d, "question").map_err(|_| bad())?,
            })
        }
    }
}

fn place_json(p: &Place) -> Json {
    match p {
        Place::Start => "Start".into(),
        Place::Review => "Review".into(),
        Place::Dimension {
            dimension,
            question,
        } => {
            let mut inner = vec![("dimension", dimension.as_str().into())];
            if let Some(q) = question {
                inner.push(("question", q.as_str().into()));
            }
            object(vec![("Dimension", object(inner))])
        }
    }
}

pub fn perspective(v: &Json) -> Option<Perspective> {
    match v.as_str()? {
        "it" => Some(Perspective::It),
        "business" => Some(Perspective::Business),
        _ => None,
    }
}

/// An assessment's fields (the envelope is `storage`'s).
pub fn assessment(j: &Json) -> Result<Assessment> {
    if j.as_object().is_none() {
        return Err("the record is not an object".into());
    }
    let by_question = "answers by question";
    Ok(Assessment {
        id: text(j, "id")?,
        name: text_or_empty(j, "name")?,
        perspective: perspective(required(j, "perspective")?)
            .ok_or_else(|| wrong("perspective", "\"it\" or \"business\""))?,
        role: text_or_empty(j, "role")?,
        model: text(j, "model")?,
        model_version: uint(j, "model_version", u64::from(u32::MAX))? as u32,
        created: number(j, "created")?,
        updated: number(j, "updated")?,
        answers: map(j, "answers", by_question, |v| {
            v.as_str().and_then(Answer::from_code)
        })
        .map_err(|e| format!("{e} (1 to 5, dk or na)"))?,
        notes: map(j, "notes", "texts by question", |v| {
            v.as_str().map(String::from)
        })?,
        place: place(member(j, "place"))?,
        marks: map(j, "marks", "questions by dimension", |v| {
            v.as_str().map(String::from)
        })?,
        deleted: flag(j, "deleted")?,
        targets: map(j, "targets", "levels (1 to 5) by dimension", |v| {
            v.as_f64()
                .filter(|l| [1.0, 2.0, 3.0, 4.0, 5.0].contains(l))
                .map(|l| l as u8)
        })?,
        done: map(j, "done", "steps marked done", |v| {
            (*v == Json::Bool(true)).then_some(true)
        })?,
        clock: match member(j, "clock") {
            None => Clock::default(),
            Some(c) => clock(c)?,
        },
    })
}

/// The record storage and export files hold: the envelope, then the assessment's fields.
pub fn assessment_json(a: &Assessment, format: &str, schema: u32) -> Json {
    let text = |s: &String| Json::Str(s.clone());
    let c = &a.clock;
    let mut members = vec![
        ("format", format.into()),
        ("schema", Json::Num(f64::from(schema))),
        ("id", text(&a.id)),
        ("name", text(&a.name)),
        ("perspective", a.perspective.as_str().into()),
        ("role", text(&a.role)),
        ("model", text(&a.model)),
        ("model_version", Json::Num(f64::from(a.model_version))),
        ("created", Json::Num(a.created)),
        ("updated", Json::Num(a.updated)),
        ("answers", map_json(&a.answers, |v| v.code().into())),
        ("notes", map_json(&a.notes, text)),
        ("place", place_json(&a.place)),
    ];
    if !a.marks.is_empty() {
        members.push(("marks", map_json(&a.marks, text)));
    }
    if a.deleted {
        members.push(("deleted", Json::Bool(true)));
    }
    if !a.targets.is_empty() {
        members.push((
            "targets",
            map_json(&a.targets, |l| Json::Num(f64::from(*l))),
        ));
    }
    if !a.done.is_empty() {
        members.push(("done", map_json(&a.done, |d| Json::Bool(*d))));
    }
    let mut clock = vec![
        ("answers", map_json(&c.answers, stamp_json)),
        ("notes", map_json(&c.notes, stamp_json)),
        ("name", stamp_json(&c.name)),
        ("role", stamp_json(&c.role)),
        ("perspective", stamp_json(&c.perspective)),
        ("place", stamp_json(&c.place)),
        ("deleted", stamp_json(&c.deleted)),
    ];
    if !c.targets.is_empty() {
        clock.push(("targets", map_json(&c.targets, stamp_json)));
    }
    if !c.done.is_empty() {
        clock.push(("done", map_json(&c.done, stamp_json)));
    }
    members.push(("clock", object(clock)));
    object(members)
}

// What the build writes for the page (trusted, but read with the same care).

fn each<T>(j: &Json, key: &str, read: fn(&Json) -> Result<T>) -> Result<Vec<T>> {
    list(j, key)?.iter().map(read).collect()
}

// The page's bank holds each statement's text only: the rest arrives with the advice texts.
fn statement(j: &Json) -> Result<Statement> {
    Ok(Statement {
        text: text(j, "text")?,
        meaning: String::new(),
        next: String::new(),
        who: None,
        action: String::new(),
        quick: false,
        after_basics: false,
    })
}

fn question(j: &Json) -> Result<Question> {
    Ok(Question {
        id: text(j, "id")?,
        text: text(j, "text")?,
        help: optional_text(j, "help")?,
        weight: uint(j, "weight", 255)? as u8,
        role: optional_text(j, "role")?,
        audience: match optional_text(j, "audience")?.as_deref() {
            None => None,
            Some("it") => Some(Audience::It),
            Some("business") => Some(Audience::Business),
            Some(_) => return Err(wrong("audience", "\"it\" or \"business\"")),
        },
        source: text_or_empty(j, "source")?,
        since: match member(j, "since") {
            None => 1,
            Some(_) => uint(j, "since", u64::from(u32::MAX))? as u32,
        },
        retired_in: match member(j, "retired_in") {
            None => None,
            Some(_) => Some(uint(j, "retired_in", u64::from(u32::MAX))? as u32),
        },
        answers: each(j, "answers", statement)?,
    })
}

fn dimension(j: &Json) -> Result<Dimension> {
    Ok(Dimension {
        id: text(j, "id")?,
        name: text(j, "name")?,
        summary: text(j, "summary")?,
        questions: each(j, "questions", question)?,
    })
}

fn level(j: &Json) -> Result<LevelInfo> {
    Ok(LevelInfo {
        level: uint(j, "level", 255)? as u8,
        name: text(j, "name")?,
        description: text_or_empty(j, "description")?,
        backed_by: match member(j, "backed_by") {
            None => Vec::new(),
            Some(_) => each(j, "backed_by", |b| {
                Ok(Backing {
                    question: text(b, "question")?,
                    at_least: uint(b, "at_least", 255)? as u8,
                })
            })?,
        },
    })
}

fn role(j: &Json) -> Result<Role> {
    Ok(Role {
        id: text(j, "id")?,
        name: text(j, "name")?,
        description: text(j, "description")?,
    })
}

/// The question bank as `build.rs` writes it.
pub fn bank(j: &Json) -> Result<Bank> {
    let m = required(j, "model")?;
    let scoring = required(m, "scoring")?;
    Ok(Bank {
        model: ModelFile {
            id: text(m, "id")?,
            version: uint(m, "version", u64::from(u32::MAX))? as u32,
            title: text(m, "title")?,
            dont_know: text(m, "dont_know")?,
            not_applicable: text(m, "not_applicable")?,
            dimensions: texts(m, "dimensions")?,
            scoring: ScoringRule {
                basics: texts(scoring, "basics")?,
                cap_margin: uint(scoring, "cap_margin", 255)? as u8,
                basics_sound: uint(scoring, "basics_sound", 255)? as u8,
                stop_the_bleeding: texts(scoring, "stop_the_bleeding")?,
                level_rule_since: text(scoring, "level_rule_since")?,
            },
            levels: each(m, "levels", level)?,
            roles: each(m, "roles", role)?,
        },
        dimensions: each(j, "dimensions", dimension)?,
    })
}

/// The advice texts: `{"levels": [..], "questions": [[id, [statement, ..]], ..]}`, each
/// statement `[meaning, next, who, action, quick, after_basics]`.
pub fn advice(j: &Json) -> Result<AdviceTexts> {
    let step = |v: &Json| -> Result<StatementAdvice> {
        let bad = || {
            wrong(
                "questions",
                "[meaning, next, who, action, quick, after_basics] for each step",
            )
        };
        let [meaning, next, who, action, quick, after] = v.as_array().ok_or_else(bad)? else {
            return Err(bad());
        };
        let text = |t: &Json| t.as_str().map(String::from).ok_or_else(bad);
        Ok(StatementAdvice {
            meaning: text(meaning)?,
            next: text(next)?,
            who: match who.as_str() {
                Some("it") => Who::It,
                Some("business") => Who::Business,
                Some("both") => Who::Both,
                _ => return Err(wrong("who", "\"it\", \"business\" or \"both\"")),
            },
            action: text(action)?,
            quick: quick.as_bool().ok_or_else(bad)?,
            after_basics: after.as_bool().ok_or_else(bad)?,
        })
    };
    let questions = list(j, "questions")?
        .iter()
        .map(|q| match q.as_array() {
            Some([id, steps]) => Ok((
                id.as_str()
                    .ok_or_else(|| wrong("questions", "an id for each question"))?
                    .to_string(),
                steps
                    .as_array()
                    .ok_or_else(|| wrong("questions", "the steps of each question"))?
                    .iter()
                    .map(step)
                    .collect::<Result<Vec<_>>>()?,
            )),
            _ => Err(wrong("questions", "an id and steps for each question")),
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(AdviceTexts {
        levels: texts(j, "levels")?,
        questions,
    })
}

// Natively only: proptest is not a wasm dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::json::parse;

    /// What serde writes natively, read by this module, equals the original.
    #[test]
    fn the_build_s_documents_read_as_serde_wrote_them() {
        let bank = crate::model::builtin().clone();
        let mut page = bank.clone();
        let advice = page.split_advice();
        let read = |text: String| parse(&text).unwrap();
        let page_read = super::bank(&read(serde_json::to_string(&page).unwrap())).unwrap();
        assert_eq!(page_read, page);
        let advice_read = super::advice(&read(serde_json::to_string(&advice).unwrap())).unwrap();
        assert_eq!(advice_read, advice);
        // The page's bank and the advice texts together are the whole bank.
        let mut whole = page_read;
        whole.merge_advice(&advice_read).unwrap();
        assert_eq!(whole, bank);
    }

    #[test]
    fn an_assessment_reads_back_from_what_serde_writes_and_serde_reads_what_this_writes() {
        let bank = crate::model::builtin();
        let mut a = Assessment::new(bank, "k1".into(), 1_700_000_000_000.0);
        a.name = "Acme \"IT\"\n".into();
        a.perspective = Perspective::Business;
        a.answers.insert("sd-01".into(), Answer::Level(4));
        a.answers.insert("sd-02".into(), Answer::DontKnow);
        a.notes.insert("sd-01".into(), "why ✓".into());
        a.place = Place::Dimension {
            dimension: "value".into(),
            question: Some("va-02".into()),
        };
        a.marks.insert("value".into(), "va-02".into());
        a.deleted = true;
        a.clock
            .answers
            .insert("sd-01".into(), Stamp(1_700_000_000_123, 77));
        a.clock.deleted = Stamp(5, u32::MAX);
        let ours = assessment_json(&a, "f", 2).to_text();
        let theirs: Assessment = serde_json::from_str(&ours).unwrap();
        assert_eq!(theirs, a);
        let by_serde = serde_json::to_string(&a).unwrap();
        assert_eq!(assessment(&parse(&by_serde).unwrap()).unwrap(), a);
    }

    fn any_assessment() -> impl proptest::strategy::Strategy<Value = Assessment> {
        use proptest::prelude::*;
        let answer = prop_oneof![
            (1u8..=5).prop_map(Answer::Level),
            Just(Answer::DontKnow),
            Just(Answer::NotApplicable)
        ];
        let stamp = (0u64..=8_640_000_000_000_000, any::<u32>()).prop_map(|(a, b)| Stamp(a, b));
        let ids = "[a-z]{2}-0[1-9]";
        let place = prop_oneof![
            Just(Place::Start),
            Just(Place::Review),
            ("[a-z-]{1,12}", proptest::option::of(ids)).prop_map(|(dimension, question)| {
                Place::Dimension {
                    dimension,
                    question,
                }
            })
        ];
        (
            (".{0,30}", ".{0,30}", any::<bool>(), 1u32..=9, any::<bool>()),
            (0u64..=8_640_000_000_000_000, 0u64..=8_640_000_000_000_000),
            proptest::collection::vec((ids, answer), 0..8),
            proptest::collection::vec((ids, ".{0,40}"), 0..4),
            proptest::collection::vec((ids, stamp.clone()), 0..8),
            (
                place,
                proptest::collection::vec(("[a-z-]{1,12}", ids), 0..3),
                stamp,
            ),
            (
                proptest::collection::vec(("[a-z-]{1,12}", 1u8..=5), 0..4),
                proptest::collection::vec((ids, 1u8..=5), 0..4),
            ),
        )
            .prop_map(
                |(
                    (name, role, business, version, deleted),
                    (created, updated),
                    answers,
                    notes,
                    stamps,
                    (place, marks, s),
                    (targets, done),
                )| {
                    let mut a =
                        Assessment::new(crate::model::builtin(), "k-1".into(), created as f64);
                    a.name = name;
                    a.role = role;
                    a.perspective = if business {
                        Perspective::Business
                    } else {
                        Perspective::It
                    };
                    a.model_version = version;
                    a.updated = updated as f64;
                    a.answers = answers.into_iter().collect();
                    a.notes = notes.into_iter().collect();
                    a.clock.answers = stamps.iter().cloned().collect();
                    a.clock.notes = stamps.into_iter().collect();
                    a.clock.place = s;
                    a.clock.name = Stamp(s.1.into(), s.1);
                    a.place = place;
                    a.marks = marks.into_iter().collect();
                    a.deleted = deleted;
                    a.clock.targets = targets.iter().map(|(d, _)| (d.clone(), s)).collect();
                    a.targets = targets.into_iter().collect();
                    a.clock.done = done.iter().map(|(q, l)| (format!("{q}@{l}"), s)).collect();
                    // Some marked done, some marked not done again (a stamp alone).
                    a.done = done
                        .into_iter()
                        .filter(|(_, l)| l % 2 == 1)
                        .map(|(q, l)| (format!("{q}@{l}"), true))
                        .collect();
                    a
                },
            )
    }

    proptest::proptest! {
        /// Any assessment: what this module writes, serde reads as the same; what serde writes,
        /// this module reads as the same.
        #[test]
        fn the_codec_and_serde_agree_both_ways(a in any_assessment()) {
            let ours = assessment_json(&a, "f", 2).to_text();
            let theirs: Assessment = serde_json::from_str(&ours).unwrap();
            proptest::prop_assert_eq!(&theirs, &a);
            let by_serde = serde_json::to_string(&a).unwrap();
            proptest::prop_assert_eq!(assessment(&parse(&by_serde).unwrap()).unwrap(), a);
        }
    }
}
