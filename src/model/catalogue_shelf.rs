//! Every catalogue this tab knows, and the commit that reconciles them with storage: the same
//! rules as the assessments' store (`model::store`), for a record that changes far less often.
//!
//! - A change is made in memory and marks the catalogue dirty; [`Shelf::commit`] reads the stored
//!   copy, merges it in, and writes the result. A catalogue stays dirty until a write succeeds, so
//!   a full or disabled storage loses nothing that is on the page (and in its export).
//! - Another tab's write is merged in by [`Shelf::load`], never the other way round.
//! - A stored copy that cannot be read is never overwritten.
//! - Before writing, the catalogues' stored text is held under [`MAX_STORED_BYTES`], so bita
//!   refuses with its own words before the browser's quota does.
//!
//! A commit is one synchronous read, merge and write, made at once after every change: a tab
//! going away has nothing left to save.

use super::assessment::Stamp;
use super::catalogue_record::{self as record, Catalogue, MAX_STORED_BYTES, PREFIX};
use super::keys::catalogue as k;
use super::map::{Map, Set};
use super::store::Io;
use super::words::{tr, trf};

/// Deleted catalogues leave storage this long after the delete.
pub const PURGE_AFTER_MS: u64 = super::store::PURGE_AFTER_MS;

#[derive(Debug, Clone, Default)]
pub struct Shelf {
    writer: u32,
    last_ms: u64,
    records: Map<String, Catalogue>,
    dirty: Set<String>,
    /// Stored entries that could not be read: key and why.
    unreadable: Vec<(String, String)>,
    problem: Option<String>,
}

impl Shelf {
    pub fn new(writer: u32) -> Shelf {
        Shelf {
            writer,
            ..Shelf::default()
        }
    }

    /// A stamp later than any this tab has seen.
    pub fn stamp(&mut self, now: u64) -> Stamp {
        self.last_ms = now.max(self.last_ms.saturating_add(1));
        Stamp(self.last_ms, self.writer)
    }

    /// The catalogues not deleted, oldest first.
    pub fn list(&self) -> Vec<&Catalogue> {
        let mut list: Vec<&Catalogue> =
            self.records.values().filter(|c| !c.deleted.value).collect();
        super::sort_by_key(&mut list, |c| c.created);
        list
    }

    pub fn get(&self, id: &str) -> Option<&Catalogue> {
        self.records.get(id).filter(|c| !c.deleted.value)
    }

    pub fn unreadable(&self) -> &[(String, String)] {
        &self.unreadable
    }

    /// Why some changes are not saved, in words for the page.
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    pub fn unsaved(&self) -> bool {
        !self.dirty.is_empty()
    }

    fn take(&mut self, c: Catalogue) {
        self.last_ms = self.last_ms.max(c.latest().0);
        match self.records.get_mut(&c.id) {
            Some(mine) => {
                mine.merge(&c);
                // Memory held more than this copy: it goes back to storage.
                if *mine != c {
                    self.dirty.insert(c.id.clone());
                }
            }
            None => {
                self.records.insert(c.id.clone(), c);
            }
        }
    }

    /// Reads every stored catalogue and merges it into memory; the stored copies of catalogues
    /// deleted long ago are removed.
    pub fn load(&mut self, io: &mut impl Io, now: u64) {
        self.unreadable.clear();
        for key in io.keys(PREFIX) {
            let Ok(Some(raw)) = io.read(&key) else {
                continue;
            };
            match record::decode(&raw) {
                Ok(c) if c.deleted.value && c.deleted.at.0.saturating_add(PURGE_AFTER_MS) < now => {
                    io.remove(&key);
                    self.records.remove(&c.id);
                }
                Ok(c) if record::storage_key(&c.id) == key => self.take(c),
                Ok(_) => self.unreadable.push((key, tr(k::SHELF_ID_MISMATCH).into())),
                Err(why) => self.unreadable.push((key, why)),
            }
        }
    }

    /// Makes a new catalogue.
    pub fn create(&mut self, id: String, name: &str, now: u64) {
        let at = self.stamp(now);
        self.records
            .insert(id.clone(), Catalogue::new(id.clone(), name, at));
        self.dirty.insert(id);
    }

    /// Changes a catalogue in memory, with a fresh stamp; false if there is no such catalogue (or
    /// it was deleted, in another tab say: an edit must not go into a record nobody sees).
    pub fn edit(&mut self, id: &str, now: u64, change: impl FnOnce(&mut Catalogue, Stamp)) -> bool {
        let at = self.stamp(now);
        let Some(c) = self.records.get_mut(id).filter(|c| !c.deleted.value) else {
            return false;
        };
        change(c, at);
        self.dirty.insert(id.to_string());
        true
    }

    /// Catalogues from an export file: merged with any copy already here.
    pub fn import(&mut self, list: Vec<Catalogue>) {
        for c in list {
            let id = c.id.clone();
            self.take(c);
            self.dirty.insert(id);
        }
    }

    /// Writes every dirty catalogue, merged with its stored copy.
    pub fn commit(&mut self, io: &mut impl Io) {
        self.problem = None;
        for id in self.dirty.iter().cloned().collect::<Vec<_>>() {
            let key = record::storage_key(&id);
            let stored = match io.read(&key) {
                Ok(s) => s,
                Err(_) => {
                    self.problem = Some(unavailable().into());
                    return;
                }
            };
            if let Some(raw) = &stored {
                match record::decode(raw) {
                    Ok(c) => {
                        if let Some(mine) = self.records.get_mut(&id) {
                            mine.merge(&c);
                        }
                    }
                    Err(_) => {
                        self.problem = Some(tr(k::SHELF_COPY_UNREADABLE).into());
                        continue;
                    }
                }
            }
            let Some(mine) = self.records.get(&id) else {
                continue;
            };
            let text = record::encode(mine);
            let others: usize = io
                .keys(PREFIX)
                .iter()
                .filter(|k| **k != key)
                .filter_map(|k| io.read(k).ok().flatten())
                .map(|v| v.len())
                .sum();
            if others + text.len() > MAX_STORED_BYTES {
                let mb = (MAX_STORED_BYTES / 1_000_000).to_string();
                self.problem = Some(trf(k::SHELF_TOO_BIG, &[("mb", &mb)]));
                continue;
            }
            match io.write(&key, &text) {
                Ok(()) => {
                    self.dirty.remove(&id);
                }
                Err(e) => {
                    self.problem = Some(trf(k::SHELF_NOT_SAVED, &[("error", &e.to_string())]))
                }
            }
        }
    }
}

/// The message for a page that has no storage at all.
pub fn unavailable() -> &'static str {
    tr(k::SHELF_UNAVAILABLE)
}
