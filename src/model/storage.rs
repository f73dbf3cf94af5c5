//! The saved-assessment schema: how an assessment is written to local storage, and read back from
//! whatever an earlier version of bita (or a person editing storage by hand) left there.
//!
//! Each assessment lives under its own key (`bita.assessment.<id>`), so one unreadable entry never
//! hides the others. The stored record is the same shape that export writes: an envelope with
//! `format` and `schema`, plus the assessment's fields.

use super::Assessment;
use serde::Serialize;
use serde_json::Value;
use std::fmt;

/// The current schema version. Bump it, and add a migration, whenever the stored shape changes.
/// Schema 2 added the per-field `clock` of stamps and the `deleted` flag (see `model::store`).
pub const SCHEMA: u32 = 2;
/// Marks a JSON document as a bita assessment (storage and export files alike).
pub const FORMAT: &str = "bita-assessment";
/// Key prefix of one assessment; the rest of the key is its id.
pub const PREFIX: &str = "bita.assessment.";
/// Key of the id of the assessment last worked on, to resume there.
pub const LAST_KEY: &str = "bita.last";

/// Migrations in order: `MIGRATIONS[i]` turns a schema `i + 1` record into a schema `i + 2` one.
const MIGRATIONS: &[Migration] = &[stamps_from_updated];

/// 1 → 2: a schema-1 record has no stamps. Every answer and note gets the record's `updated` time
/// and writer 0, so any later write (in any tab) beats it. `decode` does the same for stamps a
/// hand-edited record lacks.
fn stamps_from_updated(v: &mut Value) -> Result<(), String> {
    let obj = v.as_object_mut().ok_or("not an object")?;
    obj.entry("clock")
        .or_insert_with(|| Value::Object(Default::default()));
    Ok(())
}

/// Rewrites a stored record one schema up, in place, or says why it cannot.
type Migration = fn(&mut Value) -> Result<(), String>;

pub fn key(id: &str) -> String {
    format!("{PREFIX}{id}")
}

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    schema: u32,
    #[serde(flatten)]
    assessment: &'a Assessment,
}

/// The stored (and exported) text of an assessment.
pub fn encode(a: &Assessment) -> String {
    serde_json::to_string(&Envelope {
        format: FORMAT,
        schema: SCHEMA,
        assessment: a,
    })
    .expect("an assessment always serialises")
}

/// Why a stored or imported record could not be read. Each says what happened in plain words.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    NotJson(String),
    NotAnAssessment,
    NewerSchema(u32),
    BadSchema,
    Invalid(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotJson(e) => write!(f, "the data is damaged and is not valid JSON ({e})"),
            LoadError::NotAnAssessment => write!(f, "the data is not a bita assessment"),
            LoadError::NewerSchema(v) => write!(
                f,
                "it was saved by a newer version of bita (format {v}, this version reads up to {SCHEMA})"
            ),
            LoadError::BadSchema => write!(f, "the data has no valid format version"),
            LoadError::Invalid(e) => write!(f, "the data is incomplete or damaged ({e})"),
        }
    }
}

impl std::error::Error for LoadError {}

/// Reads a stored or imported record of any known schema, migrating it to the current one.
pub fn decode(raw: &str) -> Result<Assessment, LoadError> {
    let value: Value = serde_json::from_str(raw).map_err(|e| LoadError::NotJson(e.to_string()))?;
    decode_value(value)
}

/// Reads a record already parsed as JSON (one entry of an export file, for instance).
pub fn decode_value(mut value: Value) -> Result<Assessment, LoadError> {
    let obj = value.as_object_mut().ok_or(LoadError::NotAnAssessment)?;
    if obj.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(LoadError::NotAnAssessment);
    }
    let schema = obj
        .get("schema")
        .and_then(Value::as_u64)
        .filter(|s| *s >= 1)
        .ok_or(LoadError::BadSchema)?;
    let schema = u32::try_from(schema).map_err(|_| LoadError::BadSchema)?;
    if schema > SCHEMA {
        return Err(LoadError::NewerSchema(schema));
    }
    migrate(&mut value, schema).map_err(LoadError::Invalid)?;
    let mut a: Assessment =
        serde_json::from_value(value).map_err(|e| LoadError::Invalid(e.to_string()))?;
    a.stamp_unstamped();
    Ok(a)
}

fn migrate(value: &mut Value, from: u32) -> Result<(), String> {
    for step in &MIGRATIONS[(from - 1) as usize..] {
        step(value)?;
    }
    Ok(())
}

/// A stored entry that could not be read: kept untouched so its raw text can still be exported.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub key: String,
    pub raw: String,
    pub error: LoadError,
}

/// Everything bita found in storage.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    /// Most recently changed first.
    pub assessments: Vec<Assessment>,
    pub unreadable: Vec<Unreadable>,
}

/// Sorts storage entries into readable assessments and unreadable ones; other keys are ignored.
pub fn read_all(entries: impl IntoIterator<Item = (String, String)>) -> Loaded {
    let mut loaded = Loaded::default();
    for (k, raw) in entries {
        let Some(id) = k.strip_prefix(PREFIX) else {
            continue;
        };
        match decode(&raw) {
            Ok(a) if a.id == id && valid_id(id) => loaded.assessments.push(a),
            Ok(_) => loaded.unreadable.push(Unreadable {
                key: k,
                raw,
                error: LoadError::Invalid("its id does not match its storage key".into()),
            }),
            Err(error) => loaded.unreadable.push(Unreadable { key: k, raw, error }),
        }
    }
    loaded
        .assessments
        .sort_by(|a, b| b.updated.total_cmp(&a.updated).then(a.id.cmp(&b.id)));
    loaded.unreadable.sort_by(|a, b| a.key.cmp(&b.key));
    loaded
}

/// Whether an id is safe to use as a storage key and in a URL fragment.
pub fn valid_id(id: &str) -> bool {
    (1..=40).contains(&id.len()) && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}
