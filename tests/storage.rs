//! The saved-assessment schema: round trips, corruption, and entries that must be kept aside.
#![cfg(not(target_arch = "wasm32"))]
// Native only: the size rules of clippy.toml are for the page.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use bita::model::assessment::{apply, apply_at, step_key, Place, Stamp};
use bita::model::storage::{self, decode, encode, key, read_all, LoadError, SCHEMA};
use bita::model::{builtin, Action, Answer, Assessment, Perspective};
use proptest::prelude::*;

fn sample(id: &str, updated: f64) -> Assessment {
    let mut a = Assessment::new(builtin(), id.into(), 1.0);
    let acts = [
        Action::Rename("Finance <b>& ops</b> \"team\"".into()),
        Action::SetPerspective(Perspective::Business),
        Action::SetRole("CFO".into()),
        Action::Answer {
            question: "sd-01".into(),
            answer: Some(Answer::Level(2)),
        },
        Action::Answer {
            question: "va-02".into(),
            answer: Some(Answer::DontKnow),
        },
        Action::Answer {
            question: "dt-01".into(),
            answer: Some(Answer::NotApplicable),
        },
        Action::Note {
            question: "sd-01".into(),
            text: "Catalogue v3, page 2\nline two".into(),
        },
        Action::Visit(Place::Dimension {
            dimension: "value".into(),
            question: Some("va-02".into()),
        }),
    ];
    for act in &acts {
        apply(&mut a, act, updated);
    }
    a
}

#[test]
fn encode_decode_round_trips_everything() {
    let a = sample("abc-1", 5.0);
    let text = encode(&a);
    assert!(
        text.starts_with(&format!(
            "{{\"format\":\"bita-assessment\",\"schema\":{SCHEMA},"
        )),
        "{text}"
    );
    assert_eq!(decode(&text).unwrap(), a);
}

#[test]
fn a_schema_1_record_written_by_hand_reads() {
    let raw = r#"{"format":"bita-assessment","schema":1,"id":"x1","perspective":"it","model":"bita",
        "model_version":1,"created":1,"updated":2,"answers":{"sd-01":"5","old-q":"dk"}}"#;
    let a = decode(raw).unwrap();
    assert_eq!(a.answers["sd-01"], Answer::Level(5));
    assert_eq!(
        a.answers["old-q"],
        Answer::DontKnow,
        "answers to unknown questions are kept"
    );
    assert_eq!(a.name, "");
    assert_eq!(a.place, Place::Start);
    // Schema 1 had no stamps: each answer gets the record's time, so any later write beats it.
    assert_eq!(
        a.clock.answers["sd-01"],
        bita::model::assessment::Stamp(2, 0)
    );
    assert_eq!(
        a.clock.answers["old-q"],
        bita::model::assessment::Stamp(2, 0)
    );
    assert!(!a.deleted);
}

#[test]
fn damaged_records_give_errors_a_person_can_read() {
    let good = encode(&sample("g", 1.0));
    let cases: Vec<(String, &str)> = vec![
        ("{not json".into(), "not valid JSON"),
        (good[..good.len() / 2].to_string(), "not valid JSON"),
        ("[1,2]".into(), "not a bita assessment"),
        (
            r#"{"format":"other","schema":1}"#.into(),
            "not a bita assessment",
        ),
        (
            r#"{"format":"bita-assessment"}"#.into(),
            "no valid format version",
        ),
        (
            r#"{"format":"bita-assessment","schema":0}"#.into(),
            "no valid format version",
        ),
        (
            r#"{"format":"bita-assessment","schema":99}"#.into(),
            "newer version of bita",
        ),
        (
            good.replace("\"sd-01\":\"2\"", "\"sd-01\":\"7\""),
            "incomplete or damaged",
        ),
        (
            good.replace("\"perspective\":\"business\"", "\"perspective\":\"sales\""),
            "incomplete or damaged",
        ),
        (
            good.replace("\"model\":\"bita\",", ""),
            "incomplete or damaged",
        ),
    ];
    for (raw, expect) in cases {
        let err = decode(&raw).unwrap_err();
        assert!(err.to_string().contains(expect), "{raw:?}: {err}");
    }
    let newer = format!(r#"{{"format":"bita-assessment","schema":{}}}"#, SCHEMA + 1);
    assert_eq!(decode(&newer), Err(LoadError::NewerSchema(SCHEMA + 1)));
}

/// A record of the current schema as a later bita might write it, with a field this one does not
/// know (`weights`, say, stamped in the clock too).
const NEWER_FIELD_RECORD: &str = r#"{"format":"bita-assessment","schema":3,"id":"k3x9","name":"Acme Q3","perspective":"it","role":"","model":"bita","model_version":2,"created":1764115200000,"updated":1764115200000,"answers":{"sd-01":"3"},"notes":{},"place":"Review","weights":{"sd":4},"clock":{"answers":{"sd-01":[1764115200000,1]},"notes":{},"name":[1764115200000,1],"role":[0,0],"perspective":[0,0],"place":[0,0],"deleted":[0,0]}}"#;

#[test]
fn golden_a_record_with_a_field_of_a_later_version_is_kept_untouched_and_named() {
    assert_eq!(
        decode(NEWER_FIELD_RECORD),
        Err(LoadError::NewerField("weights".into()))
    );
    let in_clock = NEWER_FIELD_RECORD
        .replace(r#""weights":{"sd":4},"#, "")
        .replace(r#""deleted":[0,0]}"#, r#""deleted":[0,0],"weights":[1,1]}"#);
    assert_eq!(
        decode(&in_clock),
        Err(LoadError::NewerField("clock.weights".into()))
    );
    let without = NEWER_FIELD_RECORD.replace(r#""weights":{"sd":4},"#, "");
    assert!(decode(&without).is_ok(), "the same record without it reads");
    let e = decode(NEWER_FIELD_RECORD).unwrap_err();
    assert!(e.newer());
    assert!(e.to_string().contains("newer version of bita"), "{e}");
    // Kept untouched: listed as unreadable with its raw text, never rewritten by a commit.
    let mut io = std::collections::BTreeMap::new();
    io.insert(key("k3x9"), NEWER_FIELD_RECORD.to_string());
    let loaded = read_all(io.clone());
    assert!(loaded.assessments.is_empty());
    assert_eq!(loaded.unreadable.len(), 1);
    assert_eq!(loaded.unreadable[0].raw, NEWER_FIELD_RECORD);
    assert_eq!(
        loaded.unreadable[0].name().as_deref(),
        Some("Acme Q3"),
        "named in the page"
    );
}

/// A record as the release before targets wrote it (schema 2).
const SCHEMA_2_RECORD: &str = r#"{"format":"bita-assessment","schema":2,"id":"k3x9","name":"Acme Q3","perspective":"it","role":"","model":"bita","model_version":2,"created":1764115200000,"updated":1764115200000,"answers":{"sd-01":"3"},"notes":{},"place":"Review","clock":{"answers":{"sd-01":[1764115200000,1]},"notes":{},"name":[1764115200000,1],"role":[0,0],"perspective":[0,0],"place":[0,0],"deleted":[0,0]}}"#;

#[test]
fn golden_targets_and_steps_done_are_saved_and_an_earlier_record_reads_without_them() {
    let old = decode(SCHEMA_2_RECORD).unwrap();
    assert!(old.targets.is_empty() && old.done.is_empty());
    assert_eq!(old.answers.len(), 1);
    // Written back, it is a schema-3 record; an older build leaves such a record untouched.
    let mut a = old.clone();
    apply_at(
        &mut a,
        &Action::SetTarget {
            dimension: "value".into(),
            level: Some(4),
        },
        Stamp(1764115300000, 2),
    );
    apply_at(
        &mut a,
        &Action::MarkDone {
            step: step_key("sd-01", 3),
            done: true,
        },
        Stamp(1764115400000, 2),
    );
    let text = encode(&a);
    assert!(text.contains(r#""schema":3,"#), "{text}");
    assert!(
        text.contains(r#""targets":{"value":4},"done":{"sd-01@3":true},"#),
        "{text}"
    );
    assert!(
        text.contains(
            r#""targets":{"value":[1764115300000,2]},"done":{"sd-01@3":[1764115400000,2]}}"#
        ),
        "{text}"
    );
    assert_eq!(decode(&text).unwrap(), a);
    // Without targets, nothing of them is written.
    assert!(!encode(&old).contains("targets"));
    // A target outside 1 to 5, or a mark other than true, is a damaged record.
    for bad in [
        text.replace(r#""value":4"#, r#""value":6"#),
        text.replace(r#""sd-01@3":true"#, r#""sd-01@3":false"#),
    ] {
        assert!(decode(&bad).is_err(), "{bad}");
    }
}

#[test]
fn read_all_keeps_unreadable_entries_aside_and_ignores_other_keys() {
    let older = sample("older", 10.0);
    let newer = sample("newer", 20.0);
    let entries = vec![
        (key("older"), encode(&older)),
        ("unrelated".to_string(), "whatever".to_string()),
        (key("broken"), "{\"format\":\"bita-assess".to_string()),
        (key("newer"), encode(&newer)),
        (key("moved"), encode(&sample("elsewhere", 1.0))),
        (storage::LAST_KEY.to_string(), "newer".to_string()),
    ];
    let loaded = read_all(entries);
    let ids: Vec<&str> = loaded.assessments.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["newer", "older"], "newest first");
    let bad: Vec<&str> = loaded.unreadable.iter().map(|u| u.key.as_str()).collect();
    assert_eq!(bad, [key("broken").as_str(), key("moved").as_str()]);
    assert_eq!(
        loaded.unreadable[0].raw, "{\"format\":\"bita-assess",
        "raw text kept for export"
    );
}

#[test]
fn ids_are_checked() {
    assert!(storage::valid_id("k3x9-a"));
    for bad in ["", "a b", "a/b", "é", &"x".repeat(41)] {
        assert!(!storage::valid_id(bad), "{bad}");
    }
}

proptest! {
    #[test]
    fn decode_never_panics_on_arbitrary_text(raw in ".{0,200}") {
        let _ = decode(&raw);
    }

    #[test]
    fn decode_never_panics_on_truncated_or_mutated_records(cut in 0usize..400, at in 0usize..400, byte in any::<u8>()) {
        let mut text = encode(&sample("m", 3.0)).into_bytes();
        let at = at % text.len();
        text[at] = byte;
        text.truncate(cut.max(1).min(text.len()));
        let _ = decode(&String::from_utf8_lossy(&text));
    }

    #[test]
    fn text_fields_round_trip(name in ".{0,80}", note in ".{0,80}") {
        let mut a = sample("t", 1.0);
        apply(&mut a, &Action::Rename(name), 2.0);
        apply(&mut a, &Action::Note { question: "cv-01".into(), text: note }, 2.0);
        prop_assert_eq!(decode(&encode(&a)).unwrap(), a);
    }
}

/// The fields a current record may hold are listed by hand (a record with any other is from a
/// newer bita): a record with every field this version writes must read back, so a field added to
/// the codec but not to that list fails here, not in a person's browser.
#[test]
fn a_record_with_every_field_this_version_writes_reads_back() {
    let mut a = sample("full", 5.0);
    apply(
        &mut a,
        &Action::Visit(Place::Dimension {
            dimension: "value".into(),
            question: Some("va-02".into()),
        }),
        6.0,
    );
    apply(&mut a, &Action::SetDeleted(true), 7.0);
    a.marks.insert("value".into(), "va-02".into());
    let text = encode(&a);
    for field in [
        "\"marks\"",
        "\"deleted\"",
        "\"place\"",
        "\"notes\"",
        "\"role\"",
        "\"clock\"",
    ] {
        assert!(text.contains(field), "{field} is written: {text}");
    }
    assert_eq!(decode(&text), Ok(a));
}
