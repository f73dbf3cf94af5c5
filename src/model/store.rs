//! The store core: every assessment this tab knows, one reducer over all of them, and the commit
//! that reconciles them with storage. Pure: storage is reached only through the [`Io`] trait, so
//! failed writes, unreadable copies and other tabs are all plain cases for native tests.
//!
//! The rules, in one place:
//! - **Nothing done is lost.** An operation changes the records in memory and marks them dirty.
//!   [`Store::commit`] reads the freshest stored copy of each dirty record, merges it in, and
//!   writes the result; a record stays dirty until a write succeeds. So while storage is full,
//!   disabled or unreadable, every change stays in memory (and in the page and the export), and
//!   the next commit still carries all of them, on top of whatever other tabs saved meanwhile.
//!   Records are state-based, so "replaying the unwritten log" onto the stored copy is a merge
//!   of the in-memory record into it: the same result, without a log that could be cut short.
//! - **Merge per answer.** Each answer, note and field carries a [`Stamp`]; copies merge field by
//!   field, the later stamp winning and the writer id breaking ties (see `assessment::merge`). A
//!   cleared answer keeps its stamp as a tombstone. A writer's stamps strictly increase and are
//!   always later than anything already in the record it edits.
//! - **Refresh from another tab** ([`Store::refresh`]) merges what storage holds into memory, never
//!   the other way round: unsaved changes survive it. A record that memory holds more of than
//!   storage (another tab wrote between our read and our write) is marked dirty again and written
//!   back, so two tabs converge even without a lock.
//! - **Delete versus edit.** Deleting is one more stamped field (`deleted`). A deleted record is
//!   hidden but kept, so Undo works from any tab. An edit made in another tab after the delete is
//!   kept inside the deleted record and comes back with Undo; it never silently brings the
//!   assessment back. Deleted records are removed from storage for good when the person dismisses
//!   the Undo message, after [`PURGE_AFTER_MS`], or at once when storage is full and the space is
//!   needed.
//! - **A tab going away saves without the lock.** A commit waits for the lock in a later task, so
//!   a tab that is hidden, closed or reloaded may never run it. [`Store::stash`] therefore writes,
//!   synchronously and unlocked, every record not yet saved into a *pending entry*: a key of its
//!   own (`storage::pending_key`), new for each stash and never rewritten, so no other tab's write
//!   can overwrite it and no other tab's removal can take a later stash with it. Every commit
//!   (and every refresh) merges all pending entries it finds; an entry is removed only by a
//!   commit that merged it and has written every record it holds, or by the tab that wrote it
//!   when it stashes again (its new entry holds everything the old one did that storage lacks:
//!   memory only grows by merges, and a record leaves the dirty set only once written). Whatever the order of a stash
//!   and another tab's locked commit, the stashed answers are then either in that commit's write
//!   or still in their entry for the next one: never lost, and merged per answer like any copy.

use super::assessment::{apply_at, merge, Action, Assessment, Clock, Stamp};
use super::keys as k;
use super::storage::{self, Loaded, Unreadable};
use super::words::{tr, trf};
use super::Bank;
use crate::model::map::{Map, Set};

/// Deleted assessments are kept this long for Undo (and late edits in other tabs), then purged.
pub const PURGE_AFTER_MS: u64 = 7 * 24 * 3600 * 1000;

/// Everything a person can do to the set of assessments.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// A new assessment under a fresh id, set up by the given actions.
    Start {
        id: String,
        setup: Vec<Action>,
    },
    /// Actions on one assessment (answers, notes, rename, visits, ...).
    Edit {
        id: String,
        actions: Vec<Action>,
    },
    /// A copy of `from` under a fresh id, with a new name.
    Duplicate {
        from: String,
        id: String,
        name: String,
    },
    Delete {
        id: String,
    },
    /// Restores the assessment deleted last.
    Undo,
    /// Restores a deleted assessment (for example one deleted in another tab).
    Restore {
        id: String,
    },
    /// Lets the last delete stand: hides the message and removes the data for good.
    DismissUndo,
    /// Remembers the assessment to resume at on the next visit.
    Open {
        id: String,
    },
    /// Removes a stored entry that could not be read (the person confirmed it).
    DiscardUnreadable {
        key: String,
    },
    /// Assessments from a file or a link: merged answer by answer with any copy already here.
    Import(Vec<Assessment>),
}

/// Why some changes are not saved, in words for the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Local storage is missing or refused (disabled, private mode, sandboxed page).
    Unavailable,
    /// A write failed, most likely because storage is full; the browser's name for the error.
    WriteFailed(String),
    /// The stored copy of an assessment is unreadable, so bita does not overwrite it.
    StoredCopyUnreadable,
}

impl Problem {
    pub fn message(&self) -> String {
        match self {
            Problem::Unavailable => tr(k::storage::UNAVAILABLE).into(),
            Problem::WriteFailed(e) => trf(k::storage::WRITE_FAILED, &[("error", e)]),
            Problem::StoredCopyUnreadable => tr(k::storage::STORED_COPY_UNREADABLE).into(),
        }
    }
}

/// Storage cannot be used at all (missing, disabled, or refusing reads).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unavailable;

/// Storage as the core sees it.
pub trait Io {
    fn read(&mut self, key: &str) -> Result<Option<String>, Unavailable>;
    /// `Err` carries the browser's name for the failure (e.g. `QuotaExceededError`).
    fn write(&mut self, key: &str, value: &str) -> Result<(), String>;
    fn remove(&mut self, key: &str);
    /// Every key that starts with `prefix`.
    fn keys(&mut self, prefix: &str) -> Vec<String>;
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Store {
    writer: u32,
    last_ms: u64,
    /// Every known record by id, deleted ones included.
    records: Map<String, Assessment>,
    /// Records memory may hold more of than storage.
    dirty: Set<String>,
    /// Dirty records whose stored copy is unreadable: never overwritten.
    blocked: Set<String>,
    unreadable: Vec<Unreadable>,
    /// Storage keys to remove at the next commit.
    removals: Set<String>,
    /// The assessment to resume at, and whether storage still needs to hear of it.
    last: Option<String>,
    last_dirty: bool,
    /// Deleted last, for Undo.
    undo: Option<String>,
    problem: Option<Problem>,
    /// Pending entries merged into memory, with the ids each holds: removed from storage once
    /// those records are written.
    merged: Map<String, Vec<String>>,
    /// This tab's stashes so far, and its latest pending entry (superseded by the next).
    stashes: u32,
    stashed: Option<String>,
}

impl Store {
    /// An empty store for one writer (a tab); `writer` breaks ties between equal times.
    pub fn new(writer: u32) -> Store {
        Store {
            writer,
            ..Store::default()
        }
    }

    /// A visible (not deleted) assessment.
    pub fn get(&self, id: &str) -> Option<&Assessment> {
        self.records.get(id).filter(|a| !a.deleted)
    }

    /// A record whether deleted or not.
    pub fn record(&self, id: &str) -> Option<&Assessment> {
        self.records.get(id)
    }

    /// The visible assessments, most recently changed first.
    pub fn list(&self) -> Vec<&Assessment> {
        let mut list: Vec<&Assessment> = self.records.values().filter(|a| !a.deleted).collect();
        super::sort_by(&mut list, |a, b| {
            b.updated.total_cmp(&a.updated).then(a.id.cmp(&b.id))
        });
        list
    }

    pub fn unreadable(&self) -> &[Unreadable] {
        &self.unreadable
    }

    /// The assessment that Undo would restore.
    pub fn undoable(&self) -> Option<&Assessment> {
        self.undo
            .as_ref()
            .and_then(|id| self.records.get(id))
            .filter(|a| a.deleted)
    }

    /// The id last opened, as storage or this tab knows it.
    pub fn last(&self) -> Option<&str> {
        self.last.as_deref()
    }

    /// Whether some changes are not in storage yet.
    pub fn unsaved(&self) -> bool {
        !self.dirty.is_empty()
    }

    /// Why changes are not saved, while some are not.
    pub fn problem(&self) -> Option<&Problem> {
        self.problem.as_ref()
    }

    /// Says storage cannot be used at all (the shell's probe found none).
    pub fn storage_unavailable(&mut self) {
        self.problem = Some(Problem::Unavailable);
    }

    fn stamp(&mut self, now: u64, after: Stamp) -> Stamp {
        // Saturating: a stamp from a hand-edited or hostile record may be as large as u64 allows.
        let ms = now
            .max(self.last_ms.saturating_add(1))
            .max(after.0.saturating_add(1));
        self.last_ms = ms;
        Stamp(ms, self.writer)
    }

    fn edit(&mut self, id: &str, actions: &[Action], now: u64, bank: &Bank) {
        let Some(latest) = self.records.get(id).map(Assessment::latest) else {
            return;
        };
        let at = self.stamp(now, latest);
        let a = self.records.get_mut(id).expect("checked above");
        let mut touched = false;
        for act in actions {
            let changed = apply_at(a, act, at);
            // Answers, notes, targets and marks are new writes even with the same value (a clear
            // this tab's copy does not need still beats an older value another copy holds);
            // moving around only counts when the place changed.
            touched |= changed
                || matches!(
                    act,
                    Action::Answer { .. }
                        | Action::Note { .. }
                        | Action::SetTarget { .. }
                        | Action::MarkDone { .. }
                );
            if matches!(act, Action::Answer { .. }) {
                a.model_version = bank.version();
            }
        }
        if touched {
            self.dirty.insert(id.to_string());
        }
    }

    /// Carries out one operation in memory; [`Store::commit`] then saves it.
    pub fn dispatch(&mut self, op: Op, now: u64, bank: &Bank) {
        match op {
            Op::Start { id, setup } => {
                if self.records.contains_key(&id) {
                    return;
                }
                let a = Assessment::new(bank, id.clone(), now as f64);
                self.records.insert(id.clone(), a);
                self.dirty.insert(id.clone());
                self.edit(&id, &setup, now, bank);
                self.set_last(&id);
            }
            Op::Edit { id, actions } => self.edit(&id, &actions, now, bank),
            Op::Duplicate { from, id, name } => {
                let Some(src) = self.get(&from).cloned() else {
                    return;
                };
                if self.records.contains_key(&id) {
                    return;
                }
                let mut copy = src;
                copy.id = id.clone();
                copy.created = now as f64;
                copy.updated = now as f64;
                copy.clock = Clock::default();
                copy.stamp_unstamped();
                self.records.insert(id.clone(), copy);
                self.dirty.insert(id.clone());
                self.edit(&id, &[Action::Rename(name)], now, bank);
            }
            Op::Delete { id } => {
                if self.get(&id).is_some() {
                    self.edit(&id, &[Action::SetDeleted(true)], now, bank);
                    self.undo = Some(id);
                }
            }
            Op::Undo => {
                if let Some(id) = self.undo.take() {
                    self.edit(&id, &[Action::SetDeleted(false)], now, bank);
                }
            }
            Op::Restore { id } => {
                if self.records.get(&id).is_some_and(|a| a.deleted) {
                    if self.undo.as_deref() == Some(&id) {
                        self.undo = None;
                    }
                    self.edit(&id, &[Action::SetDeleted(false)], now, bank);
                }
            }
            Op::DismissUndo => {
                // The person saw the delete and let it stand: its data goes now (unless another
                // tab has restored it meanwhile).
                if let Some(id) = self.undo.take() {
                    if self.records.get(&id).is_some_and(|a| a.deleted) {
                        self.records.remove(&id);
                        self.dirty.remove(&id);
                        self.removals.insert(storage::key(&id));
                    }
                }
            }
            Op::Open { id } => {
                if self.get(&id).is_some() && self.last.as_deref() != Some(&id) {
                    self.set_last(&id);
                }
            }
            Op::DiscardUnreadable { key } => {
                self.unreadable.retain(|u| u.key != key);
                self.removals.insert(key);
            }
            Op::Import(list) => {
                for mut a in list {
                    a.stamp_unstamped();
                    self.take_in(a);
                }
            }
        }
    }

    fn set_last(&mut self, id: &str) {
        self.last = Some(id.to_string());
        self.last_dirty = true;
    }

    /// Takes in what storage holds now (at start, and after another tab wrote). Stored copies are
    /// merged into memory; unsaved changes survive. Returns whether a commit is needed.
    pub fn refresh(&mut self, loaded: Loaded, last: Option<String>, now: u64) -> bool {
        let mut seen = Set::new();
        for stored in loaded.assessments {
            let id = stored.id.clone();
            seen.insert(id.clone());
            let mine = self
                .records
                .entry_or_insert_with(id.clone(), || stored.clone());
            merge(mine, &stored);
            let expired = mine.deleted
                && mine.clock.deleted.0.saturating_add(PURGE_AFTER_MS) < now
                && self.undo.as_deref() != Some(id.as_str());
            if expired {
                self.records.remove(&id);
                self.dirty.remove(&id);
                self.removals.insert(storage::key(&id));
            } else if *mine != stored {
                self.dirty.insert(id);
            }
        }
        let gone: Vec<String> = self
            .records
            .keys()
            .filter(|id| !seen.contains(*id))
            .cloned()
            .collect();
        for id in gone {
            let deleted = self
                .records
                .get(&id)
                .expect("gone ids come from the records")
                .deleted;
            let undoable = self.undo.as_deref() == Some(id.as_str());
            if deleted && !self.dirty.contains(&id) && !undoable {
                // Purged by another tab.
                self.records.remove(&id);
            } else {
                // Storage lost it (cleared by hand, or a write overwritten): save it again.
                self.dirty.insert(id);
            }
        }
        if self
            .undo
            .as_ref()
            .is_some_and(|id| self.records.get(id).is_none_or(|a| !a.deleted))
        {
            // Restored in another tab: nothing left to undo.
            self.undo = None;
        }
        for (key, records) in loaded.pending {
            self.take_pending(key, records);
        }
        self.unreadable = loaded.unreadable;
        if !self.last_dirty {
            if let Some(l) = last {
                self.last = Some(l);
            }
        }
        if self.problem == Some(Problem::Unavailable) {
            self.problem = None;
        }
        self.unsaved() || !self.removals.is_empty() || self.last_dirty
    }

    /// Merges a pending entry's records into memory (once per entry) and marks them for writing.
    fn take_pending(&mut self, key: String, records: Vec<Assessment>) {
        if self.merged.contains_key(&key) {
            return;
        }
        let ids = records.iter().map(|a| a.id.clone()).collect();
        for a in records {
            self.take_in(a);
        }
        self.merged.insert(key, ids);
    }

    /// Merges a copy from elsewhere (a file, a link, a pending entry) answer by answer with the
    /// record here, if any, and marks it for writing.
    fn take_in(&mut self, a: Assessment) {
        let id = a.id.clone();
        match self.records.get_mut(&id) {
            Some(mine) => merge(mine, &a),
            None => {
                self.records.insert(id.clone(), a);
            }
        }
        self.dirty.insert(id);
    }

    /// Saves what is unsaved at once, without the lock, into a pending entry of this tab's (see
    /// the rules above): for a tab being hidden, closed or reloaded, whose commit may never run.
    /// Supersedes this tab's previous entry. Returns whether anything was left to stash and
    /// written.
    pub fn stash(&mut self, io: &mut impl Io) -> bool {
        if self.last_dirty {
            if let Some(last) = &self.last {
                let _ = io.write(storage::LAST_KEY, last);
            }
        }
        if self.dirty.is_empty() {
            return false;
        }
        self.stashes += 1;
        let key = storage::pending_key(self.writer, self.stashes);
        let text = storage::encode_many(self.dirty.iter().filter_map(|id| self.records.get(id)));
        if io.write(&key, &text).is_err() {
            return false;
        }
        // Everything the previous entry held is in this one, or in storage already.
        if let Some(old) = self.stashed.replace(key) {
            io.remove(&old);
        }
        true
    }

    /// Reads and merges the stored copy of every dirty record: the first half of a commit.
    /// Returns whether [`Store::push`] may follow: not when storage could not be read, since a
    /// write of what was not merged could overwrite another tab's answers.
    pub fn pull(&mut self, io: &mut impl Io) -> bool {
        self.blocked.clear();
        if self.problem == Some(Problem::Unavailable) {
            self.problem = None;
        }
        // Entries the person discarded go first, so a record saved under the same key is no
        // longer blocked by them.
        for key in std::mem::take(&mut self.removals) {
            io.remove(&key);
        }
        // Pending entries of tabs that went away (or of this one) since storage was last read.
        for key in io.keys(storage::PENDING_PREFIX) {
            if self.merged.contains_key(&key) {
                continue;
            }
            match io.read(&key) {
                Err(Unavailable) => {
                    self.problem = Some(Problem::Unavailable);
                    return false;
                }
                Ok(Some(raw)) => {
                    // An unreadable entry stays untouched; the next refresh lists it.
                    if let Ok(records) = storage::decode_pending(&raw) {
                        self.take_pending(key, records);
                    }
                }
                Ok(None) => {}
            }
        }
        let ids: Vec<String> = self.dirty.iter().cloned().collect();
        for id in ids {
            match io.read(&storage::key(&id)) {
                Err(Unavailable) => {
                    self.problem = Some(Problem::Unavailable);
                    return false;
                }
                Ok(None) => {}
                Ok(Some(raw)) => match storage::decode(&raw) {
                    Ok(stored) if stored.id == id => {
                        let mine = self.records.get_mut(&id).expect("dirty records exist");
                        merge(mine, &stored);
                        if *mine == stored {
                            self.dirty.remove(&id);
                        }
                    }
                    _ => {
                        self.blocked.insert(id);
                    }
                },
            }
        }
        true
    }

    /// Writes every dirty record that is safe to write: the second half of a commit.
    pub fn push(&mut self, io: &mut impl Io) {
        for key in std::mem::take(&mut self.removals) {
            io.remove(&key);
        }
        let mut failure = None;
        let mut purged = false;
        let ids: Vec<String> = self.dirty.iter().cloned().collect();
        for id in ids {
            if self.blocked.contains(&id) {
                continue;
            }
            let text = storage::encode(self.records.get(&id).expect("dirty ids are stored"));
            let mut result = io.write(&storage::key(&id), &text);
            if result.is_err() && !purged {
                // Full: the data of deleted assessments goes first, then try once more.
                purged = true;
                if self.purge_deleted(io) {
                    result = io.write(&storage::key(&id), &text);
                }
            }
            match result {
                Ok(()) => {
                    self.dirty.remove(&id);
                }
                Err(e) => failure = Some(e),
            }
        }
        if self.last_dirty {
            if let Some(last) = &self.last {
                if io.write(storage::LAST_KEY, last).is_ok() {
                    self.last_dirty = false;
                }
            }
        }
        // A pending entry goes once every record it holds is written.
        let written: Vec<String> = self
            .merged
            .iter()
            .filter(|(_, ids)| ids.iter().all(|id| !self.dirty.contains(id)))
            .map(|(key, _)| key.clone())
            .collect();
        for key in written {
            io.remove(&key);
            self.merged.remove(&key);
            if self.stashed.as_deref() == Some(key.as_str()) {
                self.stashed = None;
            }
        }
        self.problem = if !self.blocked.is_empty() {
            Some(Problem::StoredCopyUnreadable)
        } else {
            failure.map(Problem::WriteFailed)
        };
        if self.dirty.is_empty() {
            self.problem = None;
        }
    }

    /// Reconciles memory with storage: [`Store::pull`], then [`Store::push`].
    pub fn commit(&mut self, io: &mut impl Io) {
        if self.pull(io) {
            self.push(io);
        }
    }

    /// Removes deleted records (other than the one Undo offers, and those with edits not yet
    /// saved) from storage and memory.
    fn purge_deleted(&mut self, io: &mut impl Io) -> bool {
        let doomed: Vec<String> = self
            .records
            .values()
            .filter(|a| a.deleted && self.undo.as_deref() != Some(a.id.as_str()))
            .filter(|a| !self.dirty.contains(&a.id))
            .map(|a| a.id.clone())
            .collect();
        for id in &doomed {
            io.remove(&storage::key(id));
            self.records.remove(id);
            self.dirty.remove(id);
        }
        !doomed.is_empty()
    }
}
