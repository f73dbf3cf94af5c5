//! One respondent's assessment and the actions that change it.
//!
//! Components never edit an assessment directly: they dispatch an [`Action`], which [`apply_at`]
//! carries out. Every field a person edits carries a [`Stamp`] (when, and which writer), so two
//! copies of the same assessment (two tabs, storage and memory, an import) [`merge`] field by field
//! and answer by answer, the later write winning. A cleared answer or note keeps its stamp as a
//! tombstone, so a clear beats an older answer from another copy.

use super::keys as k;
use super::words::tr;
use crate::model::map::Map;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Bank;

/// Which side of the organisation the respondent answers from; comparing the two gives the gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Perspective {
    #[default]
    It,
    Business,
}

impl Perspective {
    pub fn as_str(self) -> &'static str {
        match self {
            Perspective::It => "it",
            Perspective::Business => "business",
        }
    }

    pub fn label(self) -> &'static str {
        tr(match self {
            Perspective::It => k::side::IT,
            Perspective::Business => k::side::BUSINESS,
        })
    }

    /// The other side, whose view completes this one's.
    pub fn other(self) -> Perspective {
        match self {
            Perspective::It => Perspective::Business,
            Perspective::Business => Perspective::It,
        }
    }

    /// "IT's view", "The business's view".
    pub fn view_name(self) -> &'static str {
        tr(match self {
            Perspective::It => k::side::IT_VIEW,
            Perspective::Business => k::side::BUSINESS_VIEW,
        })
    }

    /// "IT's view", "the business's view": within a sentence.
    pub fn view_name_within(self) -> &'static str {
        tr(match self {
            Perspective::It => k::side::IT_VIEW,
            Perspective::Business => k::side::BUSINESS_VIEW_WITHIN,
        })
    }
}

/// An answer to one question. Only `Level` is scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answer {
    /// The chosen statement, 1 (least mature) to 5.
    Level(u8),
    DontKnow,
    NotApplicable,
}

impl Answer {
    pub fn level(self) -> Option<u8> {
        match self {
            Answer::Level(l) => Some(l),
            _ => None,
        }
    }

    /// Compact, stable text form used in storage and export: "1".."5", "dk", "na".
    pub fn code(self) -> String {
        match self {
            Answer::Level(l) => l.to_string(),
            Answer::DontKnow => "dk".into(),
            Answer::NotApplicable => "na".into(),
        }
    }

    pub fn from_code(code: &str) -> Option<Answer> {
        match code {
            "dk" => Some(Answer::DontKnow),
            "na" => Some(Answer::NotApplicable),
            _ => match code.parse::<u8>() {
                Ok(l @ 1..=5) => Some(Answer::Level(l)),
                _ => None,
            },
        }
    }
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.code())
    }
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Answer::from_code(&code).ok_or_else(|| {
            serde::de::Error::custom(format!("unknown answer {code:?}: expected 1-5, dk or na"))
        })
    }
}

/// Where the respondent was, so that coming back resumes at the same place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Place {
    #[default]
    Start,
    /// A dimension page, by id, and optionally the question last touched in it.
    Dimension {
        dimension: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        question: Option<String>,
    },
    Review,
}

/// When a value was written and by whom: milliseconds since the Unix epoch, then the writer's id
/// (one per open tab), which breaks ties. Compared in that order, so the later write wins.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
pub struct Stamp(pub u64, pub u32);

/// The stamps of an assessment's fields. A stamp without a value in `answers` or `notes` is a
/// tombstone: the answer or note was cleared at that time.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Clock {
    pub answers: Map<String, Stamp>,
    pub notes: Map<String, Stamp>,
    pub name: Stamp,
    pub role: Stamp,
    pub perspective: Stamp,
    /// `place` and `marks` together: where the respondent was.
    pub place: Stamp,
    pub deleted: Stamp,
    /// By dimension id; a stamp without a target is a cleared one (back to the proposal).
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub targets: Map<String, Stamp>,
    /// By roadmap step ([`step_key`]); a stamp without a mark is a step marked not done again.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub done: Map<String, Stamp>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// Random, unique per assessment; also its storage key.
    pub id: String,
    /// Organisation or team, as the respondent typed it (may be empty).
    #[serde(default)]
    pub name: String,
    pub perspective: Perspective,
    /// The respondent's role, free text (may be empty).
    #[serde(default)]
    pub role: String,
    /// Id of the question model the answers refer to.
    pub model: String,
    /// Model version the assessment was last answered against.
    pub model_version: u32,
    /// Milliseconds since the Unix epoch.
    pub created: f64,
    pub updated: f64,
    /// By question id. Answers to retired questions are kept; scoring ignores them.
    #[serde(default)]
    pub answers: Map<String, Answer>,
    /// Evidence notes by question id.
    #[serde(default)]
    pub notes: Map<String, String>,
    #[serde(default)]
    pub place: Place,
    /// The question last touched on each dimension page, so going back to a page resumes there too.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub marks: Map<String, String>,
    /// Deleted assessments stay stored (hidden) so that Undo works from any tab and a late edit in
    /// another tab is not lost; see `model::store` for the rule.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
    /// The level (1 to 5) leadership wants each dimension at, by dimension id; a dimension without
    /// one is proposed one level above its current level (see `model::roadmap`).
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub targets: Map<String, u8>,
    /// Roadmap steps marked done, by [`step_key`] (always `true`: a step marked not done again
    /// leaves only its stamp). Kept with the assessment and in its exports, never in links.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub done: Map<String, bool>,
    /// When each field was last written; what [`merge`] decides by.
    #[serde(default)]
    pub clock: Clock,
}

/// Everything a respondent can do to an assessment.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Set (or with `None` clear) the answer to a question.
    Answer {
        question: String,
        answer: Option<Answer>,
    },
    /// Set the evidence note of a question; an empty text removes it.
    Note {
        question: String,
        text: String,
    },
    Rename(String),
    SetRole(String),
    SetPerspective(Perspective),
    Visit(Place),
    /// Delete (`true`) or restore (`false`) the whole assessment.
    SetDeleted(bool),
    /// Set a dimension's target level (1 to 5), or with `None` go back to the proposal.
    SetTarget {
        dimension: String,
        level: Option<u8>,
    },
    /// Mark a roadmap step ([`step_key`]) done or not done.
    MarkDone {
        step: String,
        done: bool,
    },
}

/// The key of the roadmap step that lifts `question` from the statement at `level`.
pub fn step_key(question: &str, level: u8) -> String {
    format!("{question}@{level}")
}

/// Longest name, role or note kept, so one field cannot fill the storage quota.
pub const MAX_TEXT: usize = 2000;

/// A text cut to [`MAX_TEXT`] characters.
pub(crate) fn clip(text: &str) -> String {
    text.chars().take(MAX_TEXT).collect()
}

impl Assessment {
    pub fn new(bank: &Bank, id: String, now: f64) -> Assessment {
        Assessment {
            id,
            name: String::new(),
            perspective: Perspective::It,
            role: String::new(),
            model: bank.model.id.clone(),
            model_version: bank.version(),
            created: now,
            updated: now,
            answers: Map::new(),
            notes: Map::new(),
            place: Place::Start,
            marks: Map::new(),
            deleted: false,
            targets: Map::new(),
            done: Map::new(),
            clock: Clock::default(),
        }
    }

    /// Brings times from outside (a file, a hand-edited record) into a range every computation
    /// can take: from 1970 to the year 275760, as JavaScript dates are.
    pub fn clamp_times(&mut self) {
        const MAX_MS: f64 = 8.64e15;
        let clamp = |t: f64| {
            if t.is_finite() {
                t.clamp(0.0, MAX_MS)
            } else {
                0.0
            }
        };
        self.created = clamp(self.created);
        self.updated = clamp(self.updated);
        let c = &mut self.clock;
        let [a, n, t, d] = [&mut c.answers, &mut c.notes, &mut c.targets, &mut c.done];
        for map in [a, n, t, d] {
            for s in map.values_mut() {
                s.0 = s.0.min(MAX_MS as u64);
            }
        }
        for s in [
            &mut c.name,
            &mut c.role,
            &mut c.perspective,
            &mut c.place,
            &mut c.deleted,
        ] {
            s.0 = s.0.min(MAX_MS as u64);
        }
    }

    /// Gives every value that has no stamp one from `updated` (records written before stamps
    /// existed, or edited by hand), so that a later write always beats it.
    pub fn stamp_unstamped(&mut self) {
        let legacy = Stamp(self.updated.max(0.0) as u64, 0);
        for q in self.answers.keys() {
            self.clock
                .answers
                .entry_or_insert_with(q.clone(), || legacy);
        }
        for q in self.notes.keys() {
            self.clock.notes.entry_or_insert_with(q.clone(), || legacy);
        }
        for d in self.targets.keys() {
            self.clock
                .targets
                .entry_or_insert_with(d.clone(), || legacy);
        }
        for k in self.done.keys() {
            self.clock.done.entry_or_insert_with(k.clone(), || legacy);
        }
    }

    /// The latest stamp of any field: a writer's next stamp must be later than this.
    pub fn latest(&self) -> Stamp {
        // Loops over arrays of one type: a chain of iterators is a type (and code) per link.
        let c = &self.clock;
        let mut latest = [c.name, c.role, c.perspective, c.place, c.deleted]
            .into_iter()
            .max()
            .unwrap_or_default();
        for map in [&c.answers, &c.notes, &c.targets, &c.done] {
            for s in map.values() {
                latest = latest.max(*s);
            }
        }
        latest
    }

    /// Answers to questions the current model asks (what progress counts).
    pub fn answered_in(&self, bank: &Bank, dim: &super::Dimension) -> usize {
        bank.asked(dim, self.perspective)
            .filter(|q| self.answers.contains_key(&q.id))
            .count()
    }

    /// How many questions the current model asks of this respondent's side.
    pub fn asked(&self, bank: &Bank) -> usize {
        bank.dimensions
            .iter()
            .map(|d| bank.asked(d, self.perspective).count())
            .sum()
    }

    /// Answers kept for questions the current model no longer asks (or never asked).
    pub fn retired_answers(&self, bank: &Bank) -> usize {
        self.answers
            .keys()
            .filter(|q| {
                bank.question(q)
                    .is_none_or(|(_, q)| !q.active_in(bank.version()))
            })
            .count()
    }

    pub fn answered(&self, bank: &Bank) -> usize {
        bank.dimensions
            .iter()
            .map(|d| self.answered_in(bank, d))
            .sum()
    }

    /// Where to resume on a dimension page: the place itself if it is on that page, else the
    /// question last touched there.
    pub fn resume_at(&self, dimension: &str) -> Option<&str> {
        match &self.place {
            Place::Dimension {
                dimension: d,
                question: Some(q),
            } if d == dimension => Some(q),
            _ => self.marks.get(dimension).map(String::as_str),
        }
    }

    /// The name to show: what the respondent typed, or a neutral stand-in.
    pub fn display_name(&self) -> &str {
        let name = self.name.trim();
        if name.is_empty() {
            tr(k::side::UNTITLED)
        } else {
            name
        }
    }
}

/// Applies an action written by writer 0 at `now` (ms); see [`apply_at`].
pub fn apply(a: &mut Assessment, action: &Action, now: f64) -> bool {
    apply_at(a, action, Stamp(now.max(0.0) as u64, 0))
}

/// Applies an action as a write stamped `at`. Returns whether anything changed. An answer or a note
/// is a new write even when its value is unchanged: the person chose it again, later than whatever
/// another copy may hold.
pub fn apply_at(a: &mut Assessment, action: &Action, at: Stamp) -> bool {
    let changed = match action {
        Action::Answer { question, answer } => {
            a.clock.answers.insert(question.clone(), at);
            match answer {
                Some(ans) => a.answers.insert(question.clone(), *ans) != Some(*ans),
                None => a.answers.remove(question).is_some(),
            }
        }
        Action::Note { question, text } => {
            let text = clip(text);
            a.clock.notes.insert(question.clone(), at);
            if text.trim().is_empty() {
                a.notes.remove(question).is_some()
            } else {
                a.notes.insert(question.clone(), text.clone()) != Some(text)
            }
        }
        Action::Rename(name) => stamped(&mut a.name, clip(name), &mut a.clock.name, at),
        Action::SetRole(role) => stamped(&mut a.role, clip(role), &mut a.clock.role, at),
        Action::SetPerspective(p) => stamped(&mut a.perspective, *p, &mut a.clock.perspective, at),
        Action::SetDeleted(d) => stamped(&mut a.deleted, *d, &mut a.clock.deleted, at),
        Action::SetTarget { dimension, level } => {
            a.clock.targets.insert(dimension.clone(), at);
            match level.filter(|l| (1..=5).contains(l)) {
                Some(l) => a.targets.insert(dimension.clone(), l) != Some(l),
                None => a.targets.remove(dimension).is_some(),
            }
        }
        Action::MarkDone { step, done } => {
            a.clock.done.insert(step.clone(), at);
            if *done {
                a.done.insert(step.clone(), true).is_none()
            } else {
                a.done.remove(step).is_some()
            }
        }
        Action::Visit(place) => {
            let marked = match place {
                Place::Dimension {
                    dimension,
                    question: Some(q),
                } => a.marks.insert(dimension.clone(), q.clone()).as_ref() != Some(q),
                _ => false,
            };
            let moved = replace(&mut a.place, place.clone()) | marked;
            if moved {
                a.clock.place = at;
            }
            moved
        }
    };
    // Moving around is not an edit: it must not reorder the list of assessments by date. Nor is
    // ticking off the work the roadmap plans.
    if changed
        && !matches!(
            action,
            Action::Visit(_) | Action::SetDeleted(_) | Action::MarkDone { .. }
        )
    {
        a.updated = a.updated.max(at.0 as f64);
    }
    changed
}

fn stamped<T: PartialEq>(slot: &mut T, value: T, clock: &mut Stamp, at: Stamp) -> bool {
    *clock = at;
    replace(slot, value)
}

/// Merges `other` (another copy of the same assessment) into `a`, field by field and answer by
/// answer: the value with the later stamp wins, and a tombstone (a stamp without a value) clears.
/// Commutative, associative and idempotent, so copies converge whatever order they meet in.
pub fn merge(a: &mut Assessment, other: &Assessment) {
    merge_map(
        &mut a.answers,
        &mut a.clock.answers,
        &other.answers,
        &other.clock.answers,
    );
    merge_map(
        &mut a.notes,
        &mut a.clock.notes,
        &other.notes,
        &other.clock.notes,
    );
    merge_map(
        &mut a.targets,
        &mut a.clock.targets,
        &other.targets,
        &other.clock.targets,
    );
    merge_map(
        &mut a.done,
        &mut a.clock.done,
        &other.done,
        &other.clock.done,
    );
    let (c, o) = (&mut a.clock, &other.clock);
    take_later(&mut a.name, &mut c.name, &other.name, o.name);
    take_later(&mut a.role, &mut c.role, &other.role, o.role);
    take_later(
        &mut a.perspective,
        &mut c.perspective,
        &other.perspective,
        o.perspective,
    );
    take_later(&mut a.deleted, &mut c.deleted, &other.deleted, o.deleted);
    if o.place > c.place {
        c.place = o.place;
        a.place = other.place.clone();
        a.marks = other.marks.clone();
    }
    a.created = a.created.min(other.created);
    a.updated = a.updated.max(other.updated);
    a.model_version = a.model_version.max(other.model_version);
}

fn take_later<T: Clone>(value: &mut T, stamp: &mut Stamp, other: &T, other_stamp: Stamp) {
    if other_stamp > *stamp {
        *value = other.clone();
        *stamp = other_stamp;
    }
}

fn merge_map<V: Clone>(
    values: &mut Map<String, V>,
    stamps: &mut Map<String, Stamp>,
    other: &Map<String, V>,
    other_stamps: &Map<String, Stamp>,
) {
    for (q, at) in other_stamps {
        if stamps.get(q).is_none_or(|mine| at > mine) {
            stamps.insert(q.clone(), *at);
            match other.get(q) {
                Some(v) => values.insert(q.clone(), v.clone()),
                None => values.remove(q),
            };
        }
    }
}

fn replace<T: PartialEq>(slot: &mut T, value: T) -> bool {
    if *slot == value {
        false
    } else {
        *slot = value;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::builtin;

    fn fresh() -> Assessment {
        Assessment::new(builtin(), "a1".into(), 1.0)
    }

    #[test]
    fn answer_codes_round_trip_and_reject_unknown() {
        for a in [
            Answer::Level(1),
            Answer::Level(5),
            Answer::DontKnow,
            Answer::NotApplicable,
        ] {
            assert_eq!(Answer::from_code(&a.code()), Some(a));
        }
        for bad in ["0", "6", "", "DK", "x", "-1", "255"] {
            assert_eq!(Answer::from_code(bad), None, "{bad}");
        }
    }

    #[test]
    fn answering_changes_state_and_time_once() {
        let mut a = fresh();
        let act = Action::Answer {
            question: "sd-01".into(),
            answer: Some(Answer::Level(3)),
        };
        assert!(apply(&mut a, &act, 5.0));
        assert_eq!(a.answers["sd-01"], Answer::Level(3));
        assert_eq!(a.updated, 5.0);
        assert!(!apply(&mut a, &act, 9.0), "same answer again is no change");
        assert_eq!(a.updated, 5.0);
        let clear = Action::Answer {
            question: "sd-01".into(),
            answer: None,
        };
        assert!(apply(&mut a, &clear, 10.0));
        assert!(a.answers.is_empty());
    }

    #[test]
    fn notes_are_clipped_and_empty_notes_removed() {
        let mut a = fresh();
        let long = "x".repeat(MAX_TEXT + 50);
        apply(
            &mut a,
            &Action::Note {
                question: "va-01".into(),
                text: long,
            },
            2.0,
        );
        assert_eq!(a.notes["va-01"].chars().count(), MAX_TEXT);
        apply(
            &mut a,
            &Action::Note {
                question: "va-01".into(),
                text: "  ".into(),
            },
            3.0,
        );
        assert!(a.notes.is_empty());
    }

    #[test]
    fn visiting_does_not_touch_the_edit_time() {
        let mut a = fresh();
        assert!(apply(&mut a, &Action::Visit(Place::Review), 7.0));
        assert_eq!(a.place, Place::Review);
        assert_eq!(a.updated, 1.0);
    }

    #[test]
    fn each_page_remembers_its_last_question() {
        let mut a = fresh();
        let at = |d: &str, q: Option<&str>| {
            Action::Visit(Place::Dimension {
                dimension: d.into(),
                question: q.map(Into::into),
            })
        };
        apply(&mut a, &at("service-definition", Some("sd-04")), 2.0);
        apply(&mut a, &at("value", None), 3.0);
        assert_eq!(a.resume_at("value"), None);
        assert_eq!(a.resume_at("service-definition"), Some("sd-04"));
        apply(&mut a, &at("value", Some("va-02")), 4.0);
        assert_eq!(a.resume_at("value"), Some("va-02"));
        assert_eq!(a.resume_at("customer-view"), None);
    }

    #[test]
    fn progress_ignores_answers_to_unknown_questions() {
        let bank = builtin();
        let mut a = fresh();
        a.answers.insert("sd-01".into(), Answer::DontKnow);
        a.answers.insert("zz-retired".into(), Answer::Level(2));
        assert_eq!(a.answered(bank), 1);
        assert_eq!(a.display_name(), "Untitled assessment");
    }
}
