//! The saved-assessment schema: how an assessment is written to local storage, and read back from
//! whatever an earlier version of bita (or a person editing storage by hand) left there.
//!
//! Each assessment lives under its own key (`bita.assessment.<id>`), so one unreadable entry never
//! hides the others. The stored record is the same shape that export writes: an envelope with
//! `format` and `schema`, plus the assessment's fields.

use super::Assessment;
use serde::{Deserialize, Serialize};
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
/// They work on the typed record: fields a later schema adds have serde defaults, and fields it
/// renames or reshapes keep a legacy field to convert from here. (No `serde_json::Value`: its
/// parser would be a second JSON parser in the page's wasm.)
const MIGRATIONS: &[Migration] = &[stamps_from_updated];

/// 1 → 2: a schema-1 record has no stamps. Every answer and note gets the record's `updated` time
/// and writer 0, so any later write (in any tab) beats it. `decode` does the same for stamps a
/// hand-edited record lacks.
fn stamps_from_updated(a: &mut Assessment) {
    a.stamp_unstamped();
}

/// Brings a typed record of an older schema up to date.
type Migration = fn(&mut Assessment);

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

/// The envelope of a record, read before the record itself. Lenient: a field of the wrong type
/// reads as missing, so the error can say which part is wrong.
#[derive(Deserialize)]
struct Header {
    #[serde(default, deserialize_with = "lenient::text")]
    format: Option<String>,
    #[serde(default, deserialize_with = "lenient::count")]
    schema: Option<u64>,
}

pub(crate) mod lenient {
    use serde::de::{Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
    use std::fmt;

    /// Accepts any JSON value; keeps it only when it is of the wanted kind.
    struct Any<T>(fn(Kind) -> Option<T>);

    pub enum Kind<'a> {
        Text(&'a str),
        Count(u64),
        Other,
    }

    impl<'de, T> Visitor<'de> for Any<T> {
        type Value = Option<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any value")
        }
        fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
            Ok((self.0)(Kind::Text(v)))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
            Ok((self.0)(Kind::Count(v)))
        }
        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok((self.0)(Kind::Other))
        }
        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok((self.0)(Kind::Other))
        }
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok((self.0)(Kind::Other))
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok((self.0)(Kind::Other))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok((self.0)(Kind::Other))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok((self.0)(Kind::Other))
        }
    }

    pub fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        d.deserialize_any(Any(|k| match k {
            Kind::Text(t) => Some(t.to_string()),
            _ => None,
        }))
    }

    pub fn count<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        d.deserialize_any(Any(|k| match k {
            Kind::Count(n) => Some(n),
            _ => None,
        }))
    }
}

/// Reads a stored or imported record of any known schema, migrating it to the current one.
pub fn decode(raw: &str) -> Result<Assessment, LoadError> {
    let header: Header = serde_json::from_str(raw).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => LoadError::NotAnAssessment,
        _ => LoadError::NotJson(e.to_string()),
    })?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(LoadError::NotAnAssessment);
    }
    let schema = header
        .schema
        .filter(|s| *s >= 1)
        .and_then(|s| u32::try_from(s).ok())
        .ok_or(LoadError::BadSchema)?;
    if schema > SCHEMA {
        return Err(LoadError::NewerSchema(schema));
    }
    let mut a: Assessment =
        serde_json::from_str(raw).map_err(|e| LoadError::Invalid(e.to_string()))?;
    for step in &MIGRATIONS[(schema - 1) as usize..] {
        step(&mut a);
    }
    a.clamp_times();
    a.stamp_unstamped();
    Ok(a)
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
    loaded
}

/// Whether an id is safe to use as a storage key and in a URL fragment.
pub fn valid_id(id: &str) -> bool {
    (1..=40).contains(&id.len()) && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}
