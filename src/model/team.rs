//! A team's answers pooled question by question: the median, the spread and the flags (the rules
//! are at the top of `compare`), and the team's own alignment gap when it holds both sides.

use super::compare::{alignment, Alignment, FLAG_SPREAD};
use super::{Answer, Assessment, Bank, Perspective};

/// One question across a team.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamQuestion {
    pub question: String,
    pub median: Option<Answer>,
    /// Highest level minus lowest, among those who gave a level.
    pub spread: u8,
    pub levels: usize,
    pub dont_know: usize,
    pub not_applicable: usize,
}

impl TeamQuestion {
    pub fn flagged(&self) -> bool {
        self.spread >= FLAG_SPREAD
    }
}

/// A team's answers pooled question by question.
#[derive(Debug, Clone, PartialEq)]
pub struct Team {
    pub size: usize,
    pub questions: Vec<TeamQuestion>,
    /// An assessment holding the team's median answers: the team's report is its report.
    pub median: Assessment,
}

/// Pools the answers of several respondents (see the rules at the top of this file).
pub fn team(bank: &Bank, list: &[&Assessment], name: &str) -> Team {
    let mut median = Assessment::new(bank, String::new(), 0.0);
    median.name = name.to_string();
    median.updated = list.iter().map(|a| a.updated).fold(0.0, f64::max);
    // Questions added since the oldest member's version count once the median holds an answer.
    median.model_version = list
        .iter()
        .map(|a| a.model_version)
        .min()
        .unwrap_or(median.model_version);
    // A team of one side is that side; a mixed team is answered as IT's questions cover both.
    median.perspective =
        if !list.is_empty() && list.iter().all(|a| a.perspective == Perspective::Business) {
            Perspective::Business
        } else {
            Perspective::It
        };
    let mut questions = Vec::new();
    for q in bank.order(bank.version()) {
        let mut levels: Vec<u8> = Vec::new();
        let (mut dk, mut na) = (0, 0);
        for a in list {
            match a.answers.get(&q.id) {
                Some(Answer::Level(l)) => levels.push(*l),
                Some(Answer::DontKnow) => dk += 1,
                Some(Answer::NotApplicable) => na += 1,
                None => {}
            }
        }
        super::sort_by_key(&mut levels, |l| *l);
        let answer = if levels.is_empty() {
            if dk > 0 {
                Some(Answer::DontKnow)
            } else if na > 0 {
                Some(Answer::NotApplicable)
            } else {
                None
            }
        } else {
            // The lower middle with an even count.
            Some(Answer::Level(levels[(levels.len() - 1) / 2]))
        };
        if let Some(ans) = answer {
            median.answers.insert(q.id.clone(), ans);
        }
        questions.push(TeamQuestion {
            question: q.id.clone(),
            median: answer,
            spread: levels.last().zip(levels.first()).map_or(0, |(h, l)| h - l),
            levels: levels.len(),
            dont_know: dk,
            not_applicable: na,
        });
    }
    median.stamp_unstamped();
    Team {
        size: list.len(),
        questions,
        median,
    }
}

/// The team's IT members' median against its business members' median, when it has both.
pub fn team_alignment(bank: &Bank, list: &[&Assessment]) -> Option<Alignment> {
    let side = |p: Perspective| -> Vec<&Assessment> {
        list.iter()
            .copied()
            .filter(|a| a.perspective == p)
            .collect()
    };
    let (it, business) = (side(Perspective::It), side(Perspective::Business));
    if it.is_empty() || business.is_empty() {
        return None;
    }
    let mut it_median = team(bank, &it, "IT").median;
    it_median.perspective = Perspective::It;
    let mut biz_median = team(bank, &business, "The business").median;
    biz_median.perspective = Perspective::Business;
    alignment(bank, &it_median, &biz_median)
}
