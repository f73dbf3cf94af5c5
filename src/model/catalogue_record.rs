//! A service catalogue as the check keeps it (issue 28): its entries, the reader's corrections,
//! the business services the entries are regrouped under, and the stamps that merge two copies.
//!
//! Stored under its own key (`bita.catalogue.<id>`) in the same envelope as an assessment
//! (`format`, `schema`), and merged the same way: every value the reader sets carries a [`Stamp`],
//! the later one wins, and entries and services are only ever added (a removed service keeps its
//! stamp as a tombstone), so copies from two tabs or an import converge in any order.

use super::assessment::Stamp;
use super::catalogue::Class;
use super::map::{Map, Set};
use serde::{Deserialize, Serialize};

/// Marks a JSON document as a bita catalogue.
pub const FORMAT: &str = "bita-catalogue";
/// Bump it, with a migration, whenever the stored shape changes.
pub const SCHEMA: u32 = 1;
/// Key prefix of one catalogue; the rest of the key is its id.
pub const PREFIX: &str = "bita.catalogue.";
/// The most entries one catalogue holds (as many as a CSV file may bring).
pub const MAX_ENTRIES: usize = super::catalogue_csv::MAX_ENTRIES;
/// Longer names and descriptions are cut: they are names, not documents.
pub const MAX_NAME: usize = 200;
pub const MAX_DESCRIPTION: usize = 300;
/// The most services one catalogue is regrouped under.
pub const MAX_SERVICES: usize = 200;
/// The stored text of all catalogues together stays below this, so that local storage's quota
/// (5 MB or more in current browsers, shared with the assessments) is never the first to refuse.
/// A full catalogue of the longest names and descriptions takes about 1.2 MB.
pub const MAX_STORED_BYTES: usize = 2_000_000;

/// A value the reader set, and when.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Stamped<T> {
    pub value: T,
    pub at: Stamp,
}

impl<T: Clone> Stamped<T> {
    fn take_later(&mut self, other: &Stamped<T>) {
        if other.at > self.at {
            *self = other.clone();
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// When it was added, and its place among what was added at once: the entries' order, and
    /// which copy's description is kept.
    pub added: Stamp,
    #[serde(default)]
    pub seq: u32,
    /// The reader's correction of the class; none where the check's class stands.
    #[serde(default)]
    pub class: Stamped<Option<Class>>,
    /// The business service (its id) this entry is part of.
    #[serde(default)]
    pub service: Stamped<Option<String>>,
}

impl Entry {
    /// What makes two entries the same: the name, ignoring case and spacing.
    pub fn key(&self) -> String {
        key(&self.name)
    }
}

/// A name as entries are compared: lower case, runs of white space as one space.
pub fn key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A business service (an outcome or process) the reader names to regroup entries under.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Service {
    /// Made from the stamp that created it, so two tabs never make the same id.
    pub id: String,
    pub name: Stamped<String>,
    #[serde(default)]
    pub removed: Stamped<bool>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub format: String,
    pub schema: u32,
    pub id: String,
    pub created: u64,
    pub name: Stamped<String>,
    /// The organisation's own names and abbreviations, comma-separated: they name no product.
    #[serde(default)]
    pub own: Stamped<String>,
    #[serde(default)]
    pub deleted: Stamped<bool>,
    #[serde(default)]
    pub entries: Vec<Entry>,
    #[serde(default)]
    pub services: Vec<Service>,
}

/// What adding names did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Added {
    pub added: usize,
    /// Already in the catalogue (or twice in what was added).
    pub known: usize,
    /// Over [`MAX_ENTRIES`].
    pub refused: usize,
}

fn clip(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.char_indices().nth(max) {
        Some((i, _)) => text[..i].to_string(),
        None => text,
    }
}

impl Catalogue {
    pub fn new(id: String, name: &str, at: Stamp) -> Catalogue {
        Catalogue {
            format: FORMAT.into(),
            schema: SCHEMA,
            id,
            created: at.0,
            name: Stamped {
                value: clip(name, MAX_NAME),
                at,
            },
            own: Stamped::default(),
            deleted: Stamped::default(),
            entries: Vec::new(),
            services: Vec::new(),
        }
    }

    /// The latest stamp anywhere in the record: a writer's next stamp must be later.
    pub fn latest(&self) -> Stamp {
        let entries = self
            .entries
            .iter()
            .flat_map(|e| [e.added, e.class.at, e.service.at]);
        let services = self.services.iter().flat_map(|s| [s.name.at, s.removed.at]);
        entries
            .chain(services)
            .chain([self.name.at, self.own.at, self.deleted.at])
            .max()
            .unwrap_or_default()
    }

    /// Adds `(name, description)` pairs, skipping blank names and names it holds already.
    pub fn add(&mut self, items: &[(String, String)], at: Stamp) -> Added {
        let mut done = Added::default();
        let mut keys: Set<String> = self.entries.iter().map(Entry::key).collect();
        for (name, description) in items {
            let name = clip(name, MAX_NAME);
            if name.is_empty() {
                continue;
            }
            let k = key(&name);
            if keys.contains(&k) {
                done.known += 1;
            } else if self.entries.len() >= MAX_ENTRIES {
                done.refused += 1;
            } else {
                self.entries.push(Entry {
                    name,
                    description: clip(description, MAX_DESCRIPTION),
                    added: at,
                    seq: done.added as u32,
                    class: Stamped::default(),
                    service: Stamped::default(),
                });
                keys.insert(k);
                done.added += 1;
            }
        }
        done
    }

    pub fn entry_mut(&mut self, key_: &str) -> Option<&mut Entry> {
        self.entries.iter_mut().find(|e| e.key() == key_)
    }

    /// The services not removed, in the order they were named.
    pub fn live_services(&self) -> impl Iterator<Item = &Service> {
        self.services.iter().filter(|s| !s.removed.value)
    }

    /// The service an entry is part of, if it is still there.
    pub fn service_of(&self, e: &Entry) -> Option<&Service> {
        let id = e.service.value.as_deref()?;
        self.live_services().find(|s| s.id == id)
    }

    /// Names a business service, or finds the one of that name; `None` when there are too many.
    pub fn add_service(&mut self, name: &str, at: Stamp) -> Option<String> {
        let name = clip(name, MAX_NAME);
        if let Some(s) = self
            .live_services()
            .find(|s| key(&s.name.value) == key(&name))
        {
            return Some(s.id.clone());
        }
        if name.is_empty() || self.live_services().count() >= MAX_SERVICES {
            return None;
        }
        // The stamp and the count: several services named at once (a draft read back) differ.
        let id = format!("s{:x}-{:x}-{}", at.0, at.1, self.services.len());
        self.services.push(Service {
            id: id.clone(),
            name: Stamped { value: name, at },
            removed: Stamped::default(),
        });
        Some(id)
    }

    pub fn remove_service(&mut self, id: &str, at: Stamp) {
        if let Some(s) = self.services.iter_mut().find(|s| s.id == id) {
            s.removed = Stamped { value: true, at };
        }
    }

    /// Merges another copy of the same catalogue into this one (commutative, associative and
    /// idempotent, as `assessment::merge`).
    pub fn merge(&mut self, other: &Catalogue) {
        self.created = self.created.min(other.created);
        self.name.take_later(&other.name);
        self.own.take_later(&other.own);
        self.deleted.take_later(&other.deleted);
        let mut at: Map<String, usize> = Map::new();
        for (i, e) in self.entries.iter().enumerate() {
            at.insert(e.key(), i);
        }
        for o in &other.entries {
            match at.get(&o.key()).map(|&i| &mut self.entries[i]) {
                Some(e) => {
                    // The copy added first keeps its spelling and description: the same in any order.
                    if (o.added, o.seq, &o.name, &o.description)
                        < (e.added, e.seq, &e.name, &e.description)
                    {
                        e.added = o.added;
                        e.seq = o.seq;
                        e.name = o.name.clone();
                        e.description = o.description.clone();
                    }
                    e.class.take_later(&o.class);
                    e.service.take_later(&o.service);
                }
                None => {
                    at.insert(o.key(), self.entries.len());
                    self.entries.push(o.clone());
                }
            }
        }
        for o in &other.services {
            match self.services.iter_mut().find(|s| s.id == o.id) {
                Some(s) => {
                    s.name.take_later(&o.name);
                    s.removed.take_later(&o.removed);
                }
                None => self.services.push(o.clone()),
            }
        }
        // In the order they were added, a paste in its own order: no two entries share both.
        super::sort_by(&mut self.entries, |a, b| {
            (a.added, a.seq).cmp(&(b.added, b.seq))
        });
        super::sort_by(&mut self.services, |a, b| {
            (a.name.at, &a.id).cmp(&(b.name.at, &b.id))
        });
        // Merging two copies that each hold the most entries must not make one that holds more.
        self.entries.truncate(MAX_ENTRIES);
    }

    /// The organisation's own names, as the classifier takes them.
    pub fn own_names(&self) -> Vec<String> {
        self.own
            .value
            .split([',', ';', '\n'])
            .map(|s| s.trim().to_lowercase())
            .filter(|s| !s.is_empty())
            .collect()
    }
}

pub fn storage_key(id: &str) -> String {
    format!("{PREFIX}{id}")
}

/// The stored (and exported) text of a catalogue. A deleted one keeps only what its delete needs
/// to merge, so that deleting frees the space at once.
pub fn encode(c: &Catalogue) -> String {
    if c.deleted.value {
        let mut c = c.clone();
        c.entries.clear();
        c.services.clear();
        return serde_json::to_string(&c).unwrap_or_default();
    }
    serde_json::to_string(c).unwrap_or_default()
}

use super::keys::catalogue as k;
use super::words::{tr, trf};

/// Reads a stored or exported catalogue; says in words what is wrong with one it cannot read.
pub fn decode(raw: &str) -> Result<Catalogue, String> {
    let value: serde_json::Value = serde_json::from_str(raw)
        .map_err(|e| trf(k::RECORD_NOT_JSON, &[("error", &e.to_string())]))?;
    decode_value(value)
}

/// [`decode`] of a record already read as JSON (one of an export file's).
pub fn decode_value(value: serde_json::Value) -> Result<Catalogue, String> {
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(tr(k::RECORD_NOT_BITA).into());
    }
    match value.get("schema").and_then(|s| s.as_u64()) {
        Some(s) if s > u64::from(SCHEMA) => {
            return Err(trf(
                k::RECORD_NEWER_FORMAT,
                &[("format", &s.to_string()), ("reads", &SCHEMA.to_string())],
            ))
        }
        Some(1..) => {}
        _ => return Err(tr(k::RECORD_NO_VERSION).into()),
    }
    let c: Catalogue = serde_json::from_value(value).map_err(|e| {
        let e = e.to_string();
        match e.strip_prefix("unknown field `") {
            // A field of this schema only a newer bita writes: left untouched, never rewritten.
            Some(rest) => trf(
                k::RECORD_NEWER_FIELD,
                &[("field", rest.split('`').next().unwrap_or_default())],
            ),
            None => trf(k::RECORD_DAMAGED, &[("error", &e)]),
        }
    })?;
    if !super::storage::valid_id(&c.id) {
        return Err(tr(k::RECORD_NO_ID).into());
    }
    let mut c = c;
    if c.entries.len() > MAX_ENTRIES {
        return Err(trf(
            k::RECORD_TOO_MANY,
            &[
                ("n", &c.entries.len().to_string()),
                ("max", &MAX_ENTRIES.to_string()),
            ],
        ));
    }
    if c.services.len() > 2 * MAX_SERVICES {
        return Err(trf(
            k::RECORD_TOO_MANY_SERVICES,
            &[("n", &c.services.len().to_string())],
        ));
    }
    let mut keys = Set::new();
    if !c.entries.iter().all(|e| keys.insert(e.key())) {
        return Err(tr(k::RECORD_TWICE).into());
    }
    // Within what bita itself writes.
    c.name.value = clip(&c.name.value, MAX_NAME);
    for e in &mut c.entries {
        e.name = clip(&e.name, MAX_NAME);
        e.description = clip(&e.description, MAX_DESCRIPTION);
    }
    for s in &mut c.services {
        s.name.value = clip(&s.name.value, MAX_NAME);
    }
    Ok(c)
}
