//! The report's sentences about the whole: the executive summary, and why the level stands where
//! it does (held by the basics or by an answer its description relies on, or changed with the rules).

use super::dates::utc_day;
use super::keys as k;
use super::report::{Row, StepLine};
use super::scoring::{self, Hold, Overall};
use super::words::{tr, trf};
use super::{Assessment, Bank};

/// The most words the executive summary may have.
pub const SUMMARY_WORDS: usize = 80;

/// Why the level is below the score's (when it is), and what it was under the rules before
/// `level_rule_since` (when these answers were saved before it and it differs).
pub(super) fn why_held(
    bank: &Bank,
    a: &Assessment,
    overall: Option<&Overall>,
) -> (Option<String>, Option<String>) {
    let rule = &bank.model.scoring;
    let capped = overall.and_then(|o| match o.held.as_ref()? {
        Hold::Basics if o.basics_unsound => Some(trf(
            k::headline::CAPPED_UNSOUND,
            &[
                ("uncapped", &o.uncapped_level.to_string()),
                ("basics", &scoring::tenths_text(o.basics_tenths)),
                ("sound", &rule.basics_sound.to_string()),
                ("level", &o.level.to_string()),
            ],
        )),
        Hold::Basics => Some(trf(
            k::headline::CAPPED,
            &[
                ("uncapped", &o.uncapped_level.to_string()),
                ("margin", &rule.cap_margin.to_string()),
                ("basics", &o.basics_level.to_string()),
            ],
        )),
        Hold::Unbacked {
            level,
            question,
            answer,
            at_least,
        } => Some(trf(
            k::headline::UNBACKED,
            &[
                ("uncapped", &o.uncapped_level.to_string()),
                ("claimed", &level.to_string()),
                ("claimed_name", bank.level_name(*level)),
                (
                    "question",
                    bank.question(question).map_or("", |(_, q)| &q.text),
                ),
                ("answer", &answer.to_string()),
                ("at_least", &at_least.to_string()),
                ("level", &o.level.to_string()),
            ],
        )),
    });
    let rule_changed = overall
        .map(|o| (o.level, o.earlier_rule_level(bank)))
        .filter(|(now, then)| now != then && utc_day(a.updated) < rule.level_rule_since)
        .map(|(_, then)| {
            trf(
                k::headline::RULE_CHANGED,
                &[
                    ("date", &super::dates::iso_shown(&rule.level_rule_since)),
                    ("sound", &rule.basics_sound.to_string()),
                    ("earlier", &then.to_string()),
                ],
            )
        });
    (capped, rule_changed)
}

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The first clause of a step, for the summary when whole steps would make it too long.
fn short(step: &str) -> String {
    let cut = step
        .find([',', ';', ':', '('])
        .map_or(step, |i| &step[..i])
        .trim_end_matches(['.', ' ']);
    cut.to_string()
}

/// The executive summary: where the organisation stands, its strongest and weakest dimension,
/// the cap if it applies, and the first three actions, in at most [`SUMMARY_WORDS`] words.
pub(super) fn summary(
    bank: &Bank,
    name: &str,
    dims: &[Row],
    overall: Option<&Overall>,
    actions: &[StepLine],
) -> String {
    let mut parts = Vec::new();
    match overall {
        Some(o) => parts.push(trf(
            k::summary::STANDS,
            &[
                ("name", name),
                ("level", &o.level.to_string()),
                ("level_name", bank.level_name(o.level)),
                ("score", &scoring::tenths_text(o.tenths)),
            ],
        )),
        None => parts.push(trf(k::summary::NO_LEVEL, &[("name", name)])),
    }
    let scored: Vec<&Row> = dims.iter().filter(|r| r.value.is_some()).collect();
    // Highest first; among equals the earlier dimension.
    let strongest = scored
        .iter()
        .copied()
        .reduce(|best, r| if r.value > best.value { r } else { best });
    let weakest = scored
        .iter()
        .copied()
        .reduce(|worst, r| if r.value < worst.value { r } else { worst });
    if let (Some(s), Some(w)) = (strongest, weakest) {
        if s.id != w.id {
            parts.push(trf(
                k::summary::EXTREMES,
                &[
                    ("strongest", &s.name),
                    ("strongest_score", s.score.as_deref().unwrap_or("")),
                    ("weakest", &w.name),
                    ("weakest_score", w.score.as_deref().unwrap_or("")),
                ],
            ));
        }
    }
    match overall.map(|o| (o, &o.held)) {
        Some((o, Some(Hold::Basics))) => parts.push(trf(
            k::summary::CAPPED,
            &[
                ("level", &o.level.to_string()),
                ("basics", &scoring::tenths_text(o.basics_tenths)),
            ],
        )),
        Some((o, Some(Hold::Unbacked { level, answer, .. }))) => parts.push(trf(
            k::summary::UNBACKED,
            &[
                ("level", &o.level.to_string()),
                ("claimed", &level.to_string()),
                ("answer", &answer.to_string()),
            ],
        )),
        _ => {}
    }
    let head = parts.join(" ");
    if actions.is_empty() {
        return format!("{head} {}", tr(k::summary::NO_ACTIONS));
    }
    // Whole steps if they fit, else their first clauses, else fewer of them; each with who acts.
    let with_who = |text: &str, s: &StepLine| {
        trf(
            k::summary::ACTION,
            &[("step", text.trim_end_matches('.')), ("who", &s.who)],
        )
    };
    let whole: Vec<String> = actions.iter().map(|s| with_who(&s.text, s)).collect();
    let shorts: Vec<String> = actions
        .iter()
        .map(|s| with_who(&short(&s.text), s))
        .collect();
    for n in (1..=actions.len()).rev() {
        for list in [&whole[..n], &shorts[..n]] {
            let joined = list.join("; ");
            let text = format!(
                "{head} {}",
                trf(k::summary::ACTIONS, &[("actions", &joined)])
            );
            if words(&text) <= SUMMARY_WORDS {
                return text;
            }
        }
    }
    head
}
