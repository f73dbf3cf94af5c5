//! The saved-assessment schema: how an assessment is written to local storage, and read back from
//! whatever an earlier version of bita (or a person editing storage by hand) left there.
//!
//! Each assessment lives under its own key (`bita.assessment.<id>`), so one unreadable entry never
//! hides the others. The stored record is the same shape that export writes: an envelope with
//! `format` and `schema`, plus the assessment's fields.

use super::json::Json;
use super::keys as k;
use super::words::{tr, trf};
use super::Assessment;
use std::fmt;

/// The current schema version. Bump it, and add a migration, whenever the stored shape changes.
/// Schema 2 added the per-field `clock` of stamps and the `deleted` flag (see `model::store`);
/// schema 3 the dimensions' `targets` and the roadmap steps marked `done`, each with its stamps.
pub const SCHEMA: u32 = 3;
/// Marks a JSON document as a bita assessment (storage and export files alike).
pub const FORMAT: &str = "bita-assessment";
/// Key prefix of one assessment; the rest of the key is its id.
pub const PREFIX: &str = "bita.assessment.";
/// Key of the id of the assessment last worked on, to resume there.
pub const LAST_KEY: &str = "bita.last";
/// The language the reader chose (a code of `model::languages`); the page's loader reads it
/// before the wasm starts (scripts/site.mjs names the same key), and falls back to the browser's.
pub const LANGUAGE_KEY: &str = "bita.language";
/// Key prefix of a pending entry: what a tab that was going away held unsaved (see
/// `store::Store::stash`), in the shape of an export file. The rest of the key names the tab and
/// the entry, so an entry is written once and never changes.
pub const PENDING_PREFIX: &str = "bita.pending.";

/// The top-level fields of a current record, and of its `clock`. A record of the current schema
/// holding any other is from a newer bita that added a field without bumping the schema: it is
/// kept untouched, never rewritten without the field.
const FIELDS: &[&str] = &[
    "format",
    "schema",
    "id",
    "name",
    "perspective",
    "role",
    "model",
    "model_version",
    "created",
    "updated",
    "answers",
    "notes",
    "place",
    "marks",
    "deleted",
    "targets",
    "done",
    "clock",
];
const CLOCK_FIELDS: &[&str] = &[
    "answers",
    "notes",
    "name",
    "role",
    "perspective",
    "place",
    "deleted",
    "targets",
    "done",
];

/// Migrations in order: `MIGRATIONS[i]` turns a schema `i + 1` record into a schema `i + 2` one.
/// They work on the typed record: fields a later schema adds have defaults (`codec`), and fields it
/// renames or reshapes keep a legacy field to convert from here.
const MIGRATIONS: &[Migration] = &[stamps_from_updated, |_| {}];

/// 1 → 2: a schema-1 record has no stamps. Every answer and note gets the record's `updated` time
/// and writer 0, so any later write (in any tab) beats it. `decode` does the same for stamps a
/// hand-edited record lacks.
fn stamps_from_updated(a: &mut Assessment) {
    a.stamp_unstamped();
}

// 2 → 3: nothing to convert: a record without targets proposes them, and has no step done.

/// Brings a typed record of an older schema up to date.
type Migration = fn(&mut Assessment);

pub fn key(id: &str) -> String {
    format!("{PREFIX}{id}")
}

/// The key of a tab's `seq`-th pending entry.
pub fn pending_key(writer: u32, seq: u32) -> String {
    format!("{PENDING_PREFIX}{writer:x}.{seq}")
}

/// The stored (and exported) text of an assessment.
pub fn encode(a: &Assessment) -> String {
    super::codec::assessment_json(a, FORMAT, SCHEMA).to_text()
}

/// Why a stored or imported record could not be read. Each says what happened in plain words.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    NotJson(String),
    NotAnAssessment,
    NewerSchema(u32),
    /// A field only a newer bita writes, at this schema.
    NewerField(String),
    BadSchema,
    Invalid(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotJson(e) => f.write_str(&trf(k::storage::NOT_JSON, &[("error", e)])),
            LoadError::NotAnAssessment => f.write_str(tr(k::storage::NOT_AN_ASSESSMENT)),
            LoadError::NewerSchema(v) => f.write_str(&trf(
                k::storage::NEWER_SCHEMA,
                &[("version", &v.to_string()), ("schema", &SCHEMA.to_string())],
            )),
            LoadError::NewerField(field) => {
                f.write_str(&trf(k::storage::NEWER_FIELD, &[("field", field)]))
            }
            LoadError::BadSchema => f.write_str(tr(k::storage::BAD_SCHEMA)),
            LoadError::Invalid(e) => f.write_str(&trf(k::storage::INVALID, &[("error", e)])),
        }
    }
}

impl std::error::Error for LoadError {}

/// Reads a stored or imported record of any known schema, migrating it to the current one.
pub fn decode(raw: &str) -> Result<Assessment, LoadError> {
    let json = super::json::parse(raw).map_err(|e| LoadError::NotJson(e.to_string()))?;
    decode_json(&json)
}

/// [`decode`] of a record already read as JSON (one of an export file's).
pub fn decode_json(j: &Json) -> Result<Assessment, LoadError> {
    // The envelope first: a field of the wrong type reads as missing, so the error says which
    // part is wrong.
    if j.get("format").and_then(Json::as_str) != Some(FORMAT) {
        return Err(LoadError::NotAnAssessment);
    }
    let schema = j
        .get("schema")
        .and_then(|s| s.as_uint(u64::from(u32::MAX)))
        .filter(|s| *s >= 1)
        .ok_or(LoadError::BadSchema)? as u32;
    if schema > SCHEMA {
        return Err(LoadError::NewerSchema(schema));
    }
    if schema == SCHEMA {
        if let Some(k) = unknown_field(j, FIELDS).or_else(|| {
            j.get("clock")
                .and_then(|c| unknown_field(c, CLOCK_FIELDS))
                .map(|k| format!("clock.{k}"))
        }) {
            return Err(LoadError::NewerField(k));
        }
    }
    let mut a = super::codec::assessment(j).map_err(LoadError::Invalid)?;
    for step in &MIGRATIONS[(schema - 1) as usize..] {
        step(&mut a);
    }
    a.clamp_times();
    a.stamp_unstamped();
    Ok(a)
}

fn unknown_field(j: &Json, known: &[&str]) -> Option<String> {
    j.as_object()?
        .iter()
        .map(|(k, _)| k)
        .find(|k| !known.contains(&k.as_str()))
        .cloned()
}

impl LoadError {
    /// Whether the record comes from a newer bita (a reload may bring that version).
    pub fn newer(&self) -> bool {
        matches!(self, LoadError::NewerSchema(_) | LoadError::NewerField(_))
    }
}

/// The records of an export document (`{"format": "bita-export", "assessments": [...]}`): the shape
/// of export files and of pending entries alike.
pub fn export_records(j: &Json) -> Option<&[Json]> {
    if j.get("format").and_then(Json::as_str) != Some(EXPORT_FORMAT) {
        return None;
    }
    j.get("assessments").and_then(Json::as_array)
}

/// Marks a JSON document as a bita export of several assessments.
pub const EXPORT_FORMAT: &str = "bita-export";

/// The text of a pending entry or an export file: the records, each as storage holds it.
pub fn encode_many<'a>(list: impl IntoIterator<Item = &'a Assessment>) -> String {
    let records: Vec<String> = list.into_iter().map(encode).collect();
    format!(
        "{{\"format\":\"{EXPORT_FORMAT}\",\"schema\":{SCHEMA},\"assessments\":[{}]}}",
        records.join(",")
    )
}

/// Reads a pending entry: every record must be readable, or none is taken (the entry then stays
/// untouched, listed as unreadable).
pub fn decode_pending(raw: &str) -> Result<Vec<Assessment>, LoadError> {
    let json = super::json::parse(raw).map_err(|e| LoadError::NotJson(e.to_string()))?;
    let records = export_records(&json).ok_or(LoadError::NotAnAssessment)?;
    records
        .iter()
        .map(|r| {
            let a = decode_json(r)?;
            if valid_id(&a.id) {
                Ok(a)
            } else {
                Err(LoadError::Invalid("a record holds no valid bita id".into()))
            }
        })
        .collect()
}

/// A stored entry that could not be read: kept untouched so its raw text can still be exported.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub key: String,
    pub raw: String,
    pub error: LoadError,
}

impl Unreadable {
    /// The name the entry gives, where its text can still be read as JSON: so the page can say
    /// which assessment it is.
    pub fn name(&self) -> Option<String> {
        let j = super::json::parse(&self.raw).ok()?;
        let name = j.get("name")?.as_str()?.trim();
        (!name.is_empty()).then(|| name.to_string())
    }
}

/// Everything bita found in storage.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    /// Most recently changed first.
    pub assessments: Vec<Assessment>,
    pub unreadable: Vec<Unreadable>,
    /// Pending entries (see [`PENDING_PREFIX`]), by key: records storage may not hold yet.
    pub pending: Vec<(String, Vec<Assessment>)>,
}

/// Whether a storage key is one of bita's records or pending entries (what [`read_all`] reads).
pub fn is_ours(key: &str) -> bool {
    key.starts_with(PREFIX) || key.starts_with(PENDING_PREFIX)
}

/// Sorts storage entries into readable assessments, pending entries and unreadable ones; other
/// keys are ignored.
pub fn read_all(entries: impl IntoIterator<Item = (String, String)>) -> Loaded {
    let mut loaded = Loaded::default();
    for (k, raw) in entries {
        if k.starts_with(PENDING_PREFIX) {
            match decode_pending(&raw) {
                Ok(list) => loaded.pending.push((k, list)),
                Err(error) => loaded.unreadable.push(Unreadable { key: k, raw, error }),
            }
            continue;
        }
        let Some(id) = k.strip_prefix(PREFIX) else {
            continue;
        };
        match decode(&raw) {
            Ok(a) if a.id == id && valid_id(id) => loaded.assessments.push(a),
            Ok(_) => {
                let why = if valid_id(id) {
                    "its id does not match its storage key"
                } else {
                    "its storage key holds no valid bita id"
                };
                loaded.unreadable.push(Unreadable {
                    key: k,
                    raw,
                    error: LoadError::Invalid(why.into()),
                })
            }
            Err(error) => loaded.unreadable.push(Unreadable { key: k, raw, error }),
        }
    }
    super::sort_by(&mut loaded.assessments, |a, b| {
        b.updated.total_cmp(&a.updated).then(a.id.cmp(&b.id))
    });
    super::sort_by(&mut loaded.unreadable, |a, b| a.key.cmp(&b.key));
    super::sort_by(&mut loaded.pending, |a, b| a.0.cmp(&b.0));
    loaded
}

/// Whether an id is safe to use as a storage key and in a URL fragment.
pub fn valid_id(id: &str) -> bool {
    (1..=40).contains(&id.len()) && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}
