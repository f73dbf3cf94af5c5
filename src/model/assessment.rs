//! One respondent's assessment and the actions that change it.
//!
//! Components never edit an assessment directly: they dispatch an [`Action`], which [`apply`] carries
//! out. Storage re-applies the same action to the freshest stored copy, so two tabs never overwrite
//! each other's answers.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

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
        match self {
            Perspective::It => "IT",
            Perspective::Business => "The business",
        }
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
    pub answers: BTreeMap<String, Answer>,
    /// Evidence notes by question id.
    #[serde(default)]
    pub notes: BTreeMap<String, String>,
    #[serde(default)]
    pub place: Place,
    /// The question last touched on each dimension page, so going back to a page resumes there too.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub marks: BTreeMap<String, String>,
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
}

/// Longest name, role or note kept, so one field cannot fill the storage quota.
pub const MAX_TEXT: usize = 2000;

fn clip(text: &str) -> String {
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
            answers: BTreeMap::new(),
            notes: BTreeMap::new(),
            place: Place::Start,
            marks: BTreeMap::new(),
        }
    }

    /// Answers to questions the current model asks (what progress counts).
    pub fn answered_in(&self, bank: &Bank, dim: &super::Dimension) -> usize {
        bank.active(dim)
            .filter(|q| self.answers.contains_key(&q.id))
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
            "Untitled assessment"
        } else {
            name
        }
    }
}

/// Applies an action. Returns whether anything changed (so unchanged actions are not saved).
pub fn apply(a: &mut Assessment, action: &Action, now: f64) -> bool {
    let changed = match action {
        Action::Answer { question, answer } => match answer {
            Some(ans) => a.answers.insert(question.clone(), *ans) != Some(*ans),
            None => a.answers.remove(question).is_some(),
        },
        Action::Note { question, text } => {
            let text = clip(text);
            if text.trim().is_empty() {
                a.notes.remove(question).is_some()
            } else {
                a.notes.insert(question.clone(), text.clone()) != Some(text)
            }
        }
        Action::Rename(name) => replace(&mut a.name, clip(name)),
        Action::SetRole(role) => replace(&mut a.role, clip(role)),
        Action::SetPerspective(p) => replace(&mut a.perspective, *p),
        Action::Visit(place) => {
            let marked = match place {
                Place::Dimension {
                    dimension,
                    question: Some(q),
                } => a.marks.insert(dimension.clone(), q.clone()).as_ref() != Some(q),
                _ => false,
            };
            replace(&mut a.place, place.clone()) | marked
        }
    };
    // Moving around is not an edit: it must not reorder the list of assessments by date.
    if changed && !matches!(action, Action::Visit(_)) {
        a.updated = now;
    }
    changed
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
