//! The report's sentences as data (`questions/report.toml`, with `{name}` placeholders): their
//! shape, the keys the code uses, and how a template is filled. Loading them is `model::texts`.

use super::map::Map;
use serde::{Deserialize, Serialize};

/// The sentences of the report (`questions/report.toml`), with `{name}` placeholders.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    pub headline: Map<String, String>,
    pub summary: Map<String, String>,
    pub labels: Map<String, String>,
}

/// Every template key the code uses, by table (`tests/report.rs` checks the file has each of them;
/// `build.rs` that none is empty).
pub const TEMPLATE_KEYS: &[(&str, &[&str])] = &[
    (
        "headline",
        &[
            "level",
            "score",
            "capped",
            "capped_unsound",
            "unbacked",
            "rule_changed",
            "no_level",
            "answered",
            "perspective_it",
            "perspective_business",
            "perspective_pooled",
        ],
    ),
    (
        "summary",
        &[
            "stands",
            "no_level",
            "extremes",
            "capped",
            "unbacked",
            "actions",
            "action",
            "no_actions",
        ],
    ),
    (
        "labels",
        &[
            "not_enough",
            "confidence_high",
            "confidence_medium",
            "confidence_low",
            "held_back",
            "first_bleeding",
            "first_quick",
            "who_it",
            "who_business",
            "who_both",
            "who",
            "model_changed",
            "new_questions",
            "table_score",
            "table_level",
            "table_confidence",
            "confidence_cell",
            "not_drawn",
            "finding",
            "radar_caption",
            "radar_label",
            "radar_table",
            "column_dimension",
            "bars_caption",
            "bars_label",
            "bars_table",
            "column_role",
            "no_first",
            "then_title",
            "no_then",
            "dimension_meta",
            "dimension_level",
            "strongest",
            "weakest",
            "steps_title",
            "summary_title",
            "scores_title",
            "by_dimension",
            "plan_column_reached",
            "plan_yes",
            "plan_no",
            "plan_not_yet",
            "plan_chart_label",
            "plan_csv_phase",
            "plan_csv_step",
            "plan_csv_who",
            "plan_csv_question",
            "plan_csv_done",
            "plan_title",
            "plan_lead",
            "target_for",
            "target_today",
            "target_unscored",
            "phase_first",
            "phase_later",
            "phase_after",
            "plan_reached",
            "plan_unscored",
            "plan_step_of",
            "plan_chart",
            "plan_today",
            "plan_target",
            "plan_offer_part",
            "plan_offer_title",
            "plan_offer_lead",
            "plan_offer_button",
            "plan_set",
            "plan_reset",
            "plan_export",
            "chart_no_library",
            "chart_not_started",
            "chart_not_built",
            "chart_not_drawn",
            "chart_failed",
            "chart_download",
            "chart_legend",
            "results",
            "confidence",
        ],
    ),
];

/// Fills `{key}` placeholders in one pass, so a value that itself looks like a placeholder (a
/// name typed as "{score}") stays as typed; unknown placeholders stay as they are.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| {
            values
                .iter()
                .find(|(k, _)| *k == &after[..close])
                .map(|(_, v)| (close, v))
        }) {
            Some((close, v)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl Texts {
    fn get<'a>(table: &'a Map<String, String>, key: &str) -> &'a str {
        table.get(key).map_or("", String::as_str)
    }
    pub fn headline(&self, key: &str) -> &str {
        Self::get(&self.headline, key)
    }
    pub fn summary(&self, key: &str) -> &str {
        Self::get(&self.summary, key)
    }
    pub fn label(&self, key: &str) -> &str {
        Self::get(&self.labels, key)
    }
}
