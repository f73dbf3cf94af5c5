//! Export and import files: JSON in the same shape as storage (so a file can always be read back)
//! and CSV for spreadsheets. Imports are checked whole before anything is saved.
//!
//! An export file is `{"format": "bita-export", "schema": 2, "assessments": [record, ...]}`, where
//! each record is exactly what local storage holds (`model::storage`). A single record (what
//! "Export" on one assessment writes) imports too.

use super::assessment::{clip, Place};
use super::json::Json;
use super::keys as k;
use super::storage::{self, valid_id, LoadError};
use super::words::{tr, trf};
use super::{Answer, Assessment, Bank};
use std::fmt;

pub use super::storage::EXPORT_FORMAT;
/// Larger files are refused before they are read.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// A download's name made from what the reader called the thing: `bita-{stem}.{extension}`.
/// ASCII letters and digits are lowercased, letters beyond ASCII kept as written (a file name may
/// hold them), every run of anything else becomes one `-`; `fallback` stands in for a name with
/// nothing left. Letters are told by code-point ranges (punctuation and symbol blocks left out), so
/// that no Unicode tables come with it.
pub fn file_name(name: &str, fallback: &str, extension: &str) -> String {
    let mut stem = String::new();
    for c in name.chars() {
        let kept = c.is_ascii_alphanumeric() || beyond_ascii_letter(c);
        if kept {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    let stem = if stem.is_empty() { fallback } else { stem };
    format!("bita-{stem}.{extension}")
}

fn beyond_ascii_letter(c: char) -> bool {
    matches!(c, '\u{c0}'..='\u{1fff}' | '\u{3040}'..='\u{fdff}' | '\u{10000}'..)
        && !matches!(c, '\u{d7}' | '\u{f7}')
}

/// The export file of some assessments.
pub fn export_json(list: &[&Assessment]) -> String {
    storage::encode_many(list.iter().copied())
}

/// The all-data export: the assessments and, after them, the service catalogues (each the text
/// storage holds, see `model::catalogue_record`). A bita before the catalogue check reads the
/// assessments and leaves the catalogues.
pub fn export_all(list: &[&Assessment], catalogues: &[String]) -> String {
    let mut text = export_json(list);
    if !catalogues.is_empty() {
        text.pop();
        text += ",\"catalogues\":[";
        text += &catalogues.join(",");
        text += "]}";
    }
    text
}

/// Of the texts stored under `catalogue_record::PREFIX`, those an export carries: readable
/// catalogue records not deleted.
pub fn stored_catalogues(raws: Vec<String>) -> Vec<String> {
    raws.into_iter()
        .filter(|raw| {
            // What this version reads back: the format, a schema it knows, a valid id.
            super::json::parse(raw).is_ok_and(|j| {
                j.get("format").and_then(Json::as_str) == Some(super::catalogue_record::FORMAT)
                    && j.get("schema").and_then(|s| s.as_uint(u64::from(u32::MAX)))
                        == Some(u64::from(super::catalogue_record::SCHEMA))
                    && j.get("id").and_then(Json::as_str).is_some_and(valid_id)
                    && j.get("deleted").and_then(|d| d.get("value")) != Some(&Json::Bool(true))
            })
        })
        .collect()
}

/// Whether an export file holds service catalogues (read by the catalogue check's own code).
pub fn holds_catalogues(text: &str) -> bool {
    super::json::parse(text).is_ok_and(|f| {
        f.get("catalogues")
            .and_then(Json::as_array)
            .is_some_and(|c| !c.is_empty())
            || f.get("format").and_then(Json::as_str) == Some(super::catalogue_record::FORMAT)
    })
}

/// Why a file cannot be imported; nothing is saved when any part of it is wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    TooLarge(usize),
    NotJson(String),
    NotBita,
    /// The n-th assessment of the file (1-based) and what is wrong with it.
    Record(usize, LoadError),
    OtherModel(usize, String),
    BadId(usize),
    UnknownQuestions(usize, Vec<String>),
    Empty,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge(n) => f.write_str(&trf(
                k::import_errors::TOO_LARGE,
                &[("mb", &(n / (1024 * 1024)).to_string())],
            )),
            ImportError::NotJson(e) => {
                f.write_str(&trf(k::import_errors::NOT_JSON, &[("error", e)]))
            }
            ImportError::NotBita => f.write_str(tr(k::import_errors::NOT_BITA)),
            ImportError::Record(i, e) => f.write_str(&trf(
                k::import_errors::RECORD,
                &[("n", &i.to_string()), ("error", &e.to_string())],
            )),
            ImportError::OtherModel(i, m) => f.write_str(&trf(
                k::import_errors::OTHER_MODEL,
                &[("n", &i.to_string()), ("model", m)],
            )),
            ImportError::BadId(i) => {
                f.write_str(&trf(k::import_errors::BAD_ID, &[("n", &i.to_string())]))
            }
            ImportError::UnknownQuestions(i, q) => f.write_str(&trf(
                k::import_errors::UNKNOWN_QUESTIONS,
                &[("n", &i.to_string()), ("questions", &q.join(", "))],
            )),
            ImportError::Empty => f.write_str(tr(k::import_errors::EMPTY)),
        }
    }
}

impl std::error::Error for ImportError {}

/// Reads an export file (or a single exported assessment), checking every record against the bank.
pub fn import(bank: &Bank, text: &str) -> Result<Vec<Assessment>, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    // Nesting deeper than `json::MAX_DEPTH` is an error, never a crash.
    let file = super::json::parse(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let records: Vec<&Json> = match file.get("format").and_then(Json::as_str) {
        Some(EXPORT_FORMAT) => storage::export_records(&file)
            .ok_or(ImportError::NotBita)?
            .iter()
            .collect(),
        Some(storage::FORMAT) => vec![&file],
        // One catalogue's record: no assessments, the catalogues are read apart.
        Some(super::catalogue_record::FORMAT) => return Ok(Vec::new()),
        _ => return Err(ImportError::NotBita),
    };
    if records.is_empty() {
        // An export of catalogues only: they are read apart (`holds_catalogues`).
        if file
            .get("catalogues")
            .and_then(Json::as_array)
            .is_some_and(|c| !c.is_empty())
        {
            return Ok(Vec::new());
        }
        return Err(ImportError::Empty);
    }
    records
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let n = i + 1;
            let a = storage::decode_json(r).map_err(|e| ImportError::Record(n, e))?;
            if !valid_id(&a.id) {
                return Err(ImportError::BadId(n));
            }
            if a.model != bank.model.id {
                return Err(ImportError::OtherModel(n, a.model));
            }
            let unknown: Vec<String> = a
                .answers
                .keys()
                .chain(a.notes.keys())
                .filter(|q| bank.question(q).is_none())
                .cloned()
                .collect();
            if !unknown.is_empty() {
                return Err(ImportError::UnknownQuestions(n, unknown));
            }
            Ok(tidy(bank, a))
        })
        .collect()
}

/// Keeps an imported record within what bita itself writes: texts no longer than it keeps, a model
/// version it knows, and a place that exists.
fn tidy(bank: &Bank, mut a: Assessment) -> Assessment {
    a.name = clip(&a.name);
    a.role = clip(&a.role);
    a.notes.values_mut().for_each(|n| *n = clip(n));
    a.model_version = a.model_version.clamp(1, bank.version());
    if let Place::Dimension { dimension, .. } = &a.place {
        if bank.dimension(dimension).is_none() {
            a.place = Place::Start;
        }
    }
    a.marks.retain(|d, _| bank.dimension(d).is_some());
    a.targets.retain(|d, _| bank.dimension(d).is_some());
    a
}

/// The separator of CSV cells in the language in use (a German spreadsheet reads `;`, as its
/// decimal comma would split a `,`).
/// A char, not a text: a search for a text pattern brings 2 KB of string search into the report.
pub(crate) fn separator() -> char {
    super::words::tr(super::keys::format::CSV_SEPARATOR)
        .chars()
        .next()
        .unwrap_or(',')
}

/// `cells` joined by the separator, the line ended as spreadsheets expect.
fn line(out: &mut String, cells: impl IntoIterator<Item = impl AsRef<str>>) {
    let sep = separator();
    for (i, c) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        out.push_str(c.as_ref());
    }
    out.push_str("\r\n");
}

/// A cell a spreadsheet reads as text: quoted when needed, and never as a formula.
pub(crate) fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    let sep = separator();
    if text.contains(['"', '\n', '\r', sep]) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Starts every CSV bita writes: the byte-order mark by which spreadsheet programs know UTF-8
/// (without it, Excel reads “ and é as two characters each).
pub(crate) const BOM: &str = "\u{feff}";

/// The first line of a CSV file: the mark, then the column names in the language's separator.
pub(crate) fn header(names: &[&str]) -> String {
    let mut out = String::from(BOM);
    line(&mut out, names.iter());
    out
}

pub(crate) fn row(out: &mut String, cells: &[String]) {
    line(out, cells.iter().map(|c| cell(c)));
}

/// The columns of [`whose`], first in both exports.
const WHOSE: [&str; 5] = ["assessment", "name", "perspective", "role", "date"];

/// The cells that say whose row it is: id, name, side, role and the day last changed.
fn whose(a: &Assessment) -> [String; 5] {
    [
        a.id.clone(),
        a.name.clone(),
        a.perspective.as_str().to_string(),
        a.role.clone(),
        super::dates::utc_day(a.updated),
    ]
}

/// One row per assessment and question asked of its side, for spreadsheets.
pub fn export_csv(bank: &Bank, list: &[&Assessment]) -> String {
    let mut out = header(
        &[
            &WHOSE[..],
            &[
                "model version",
                "dimension",
                "question id",
                "question",
                "answer",
                "statement",
                "note",
            ],
        ]
        .concat(),
    );
    for a in list {
        let head = whose(a);
        for d in &bank.dimensions {
            for q in bank.asked(d, a.perspective) {
                let ans = a.answers.get(&q.id);
                let statement = match ans {
                    Some(Answer::Level(l)) => q
                        .answers
                        .get(usize::from(*l) - 1)
                        .map_or("", |s| s.text.as_str()),
                    Some(Answer::DontKnow) => bank.model.dont_know.as_str(),
                    Some(Answer::NotApplicable) => bank.model.not_applicable.as_str(),
                    None => "",
                };
                let mut cells = head.to_vec();
                cells.extend([
                    a.model_version.to_string(),
                    d.name.clone(),
                    q.id.clone(),
                    q.text.clone(),
                    ans.map(|x| x.code()).unwrap_or_default(),
                    statement.to_string(),
                    a.notes.get(&q.id).cloned().unwrap_or_default(),
                ]);
                row(&mut out, &cells);
            }
        }
    }
    out
}

/// The report's figures for spreadsheets: per assessment a row for the overall score, one per
/// dimension and one per IT role, each with its score, level and confidence (what share of the
/// questions that apply were answered with a statement).
pub fn export_scores_csv(bank: &Bank, list: &[&Assessment]) -> String {
    let mut out = header(
        &[
            &WHOSE[..],
            &[
                "scope",
                "scope id",
                "scope name",
                "score",
                "level",
                "level name",
                "confidence",
                "answered",
                "applicable",
                "don't know",
            ],
        ]
        .concat(),
    );
    for a in list {
        let r = super::scoring::score(bank, a);
        let head = whose(a);
        let mut line = |scope: &str,
                        id: &str,
                        title: &str,
                        score: String,
                        level: Option<u8>,
                        t: &super::scoring::Tally| {
            let mut cells = head.to_vec();
            cells.extend([
                scope.to_string(),
                id.to_string(),
                title.to_string(),
                score,
                level.map_or(String::new(), |l| l.to_string()),
                level.map_or(String::new(), |l| bank.level_name(l).to_string()),
                t.confidence_label().to_string(),
                t.scored.to_string(),
                t.applicable().to_string(),
                t.dont_know.to_string(),
            ]);
            row(&mut out, &cells);
        };
        let all = r.all();
        let (score, level) = r.overall.as_ref().map_or((String::new(), None), |o| {
            (super::scoring::tenths_text(o.tenths), Some(o.level))
        });
        line("overall", "", "Overall", score, level, &all);
        let parts = (r
            .dimensions
            .iter()
            .map(|d| ("dimension", &d.id, &d.name, &d.tally)))
        .chain(r.roles.iter().map(|x| ("role", &x.id, &x.name, &x.tally)));
        for (scope, id, name, t) in parts {
            let score = t.score_text().unwrap_or_default();
            line(scope, id, name, score, t.level(), t);
        }
    }
    out
}
