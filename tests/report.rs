//! The report model on hand-built assessments: headline, summary, findings, chart series.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use bita::model::dates::{civil_from_days, utc_day};
use bita::model::report::{ReportModel, SUMMARY_WORDS};
use bita::model::{builtin, Answer, Assessment, Perspective};
use common::{answers, tiny};

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

#[test]
fn dates_are_utc_days() {
    assert_eq!(utc_day(0.0), "1970-01-01");
    assert_eq!(utc_day(951_782_400_000.0), "2000-02-29");
    assert_eq!(utc_day(1_795_737_599_999.0), "2026-11-26");
    assert_eq!(civil_from_days(-1), (1969, 12, 31));
}

#[test]
fn a_complete_assessment_has_headline_summary_and_series_that_agree() {
    let bank = tiny();
    // a: (4 + 2*4 + 3*3) / 6 = 3.5; b: (3 + 4) / 2 = 3.5; overall 3.5, level 4; basics 3.5 -> level 4.
    let mut a = answers(&bank, "q1=4 q2=4 q3=3 q4=3 q5=4");
    a.name = "Acme".into();
    a.updated = 1_795_737_599_999.0;
    let r = ReportModel::from(&bank, &a);
    assert_eq!(r.headline.level, Some(4));
    assert_eq!(r.headline.level_label, "Level 4 of 5");
    assert_eq!(r.headline.level_name, "L4");
    assert_eq!(r.headline.score.as_deref(), Some("3.5"));
    assert_eq!(r.headline.capped, None);
    assert_eq!(r.headline.date, "2026-11-26");
    assert_eq!(r.headline.perspective, "IT's view");
    assert_eq!(r.headline.answered, "5 of 5 questions answered");
    assert_eq!(r.radar.values, [Some(3.5), Some(3.5)]);
    assert_eq!(r.radar.labels, ["A", "B"]);
    assert!(r.radar.missing.is_empty());
    assert_eq!(r.bars.values, [Some(4.0)]);
    assert_eq!(r.dimensions[0].row.score.as_deref(), Some("3.5"));
    assert_eq!(r.dimensions[0].row.level, Some(4));
    // Strongest answers first, with the chosen statement and its meaning.
    let strong: Vec<(&str, u8)> = r.dimensions[0]
        .strongest
        .iter()
        .map(|f| (f.statement.as_str(), f.level))
        .collect();
    assert_eq!(strong, [("q1 statement 4", 4), ("q2 statement 4", 4)]);
    assert_eq!(r.dimensions[0].weakest[0].meaning, "q3 means 3");
    assert!(
        r.summary
            .starts_with("Acme stands at level 4, L4, with an overall score of 3.5 out of 5."),
        "{}",
        r.summary
    );
    assert!(words(&r.summary) <= SUMMARY_WORDS);
}

#[test]
fn a_capped_assessment_says_why_in_the_headline_and_the_summary() {
    let bank = tiny();
    let a = answers(&bank, "q1=5 q2=5 q3=5 q4=1 q5=1");
    let r = ReportModel::from(&bank, &a);
    assert_eq!(r.headline.level, Some(2));
    assert_eq!(r.headline.score.as_deref(), Some("3.0"));
    let why = r.headline.capped.as_deref().expect("capped");
    assert!(
        why.contains("would give level 3")
            && why.contains("score 1.0 of 5: until they reach 3, the level stands at most 2"),
        "{why}"
    );
    assert!(
        r.summary
            .contains("held at 2 because the basic services score 1.0 of 5"),
        "{}",
        r.summary
    );
    // The step that stops the bleeding comes first among the actions, with who acts.
    assert_eq!(
        r.first.first().map(|s| (s.text.as_str(), s.who.as_str())),
        Some(("q4 next from 1", "IT"))
    );
    assert!(r.summary.contains("q4 next from 1 (IT)"), "{}", r.summary);
}

#[test]
fn without_enough_answers_nothing_is_drawn_as_zero() {
    let bank = tiny();
    // a: one of three applicable scored, not enough; b: one of two, enough. Half the dimensions
    // are scored, so there is an overall level, resting on b alone.
    let a = answers(&bank, "q1=3 q2=dk q3=dk q4=2");
    let r = ReportModel::from(&bank, &a);
    assert_eq!(r.headline.level, Some(2));
    assert_eq!(r.radar.values, [None, Some(2.0)]);
    assert_eq!(r.radar.labels[0], "A (not enough answers)");
    assert_eq!(r.radar.missing, ["A"]);
    assert_eq!(r.dimensions[0].row.score, None);
    assert_eq!(r.dimensions[0].row.confidence, "low");
    assert_eq!(r.dimensions[0].row.dont_know, 2);
    assert!(
        r.headline
            .score_line
            .contains("mean of the 1 dimension scores"),
        "{}",
        r.headline.score_line
    );

    let r = ReportModel::from(&bank, &answers(&bank, "q1=dk q4=dk"));
    assert_eq!(r.headline.level, None);
    assert!(r
        .headline
        .score_line
        .starts_with("There are not enough answers"));
    assert_eq!(r.radar.values, [None, None]);
    assert!(
        r.summary.contains("does not have enough answers"),
        "{}",
        r.summary
    );
}

/// Table-driven: the summary of hand-made assessments of the shipped bank.
#[test]
fn summaries_of_the_shipped_bank_name_level_extremes_and_actions_within_80_words() {
    let bank = builtin();
    let order = bank.order(bank.version());
    let make = |f: &dyn Fn(usize, &str) -> Option<Answer>| {
        let mut a = Assessment::new(bank, "s".into(), 0.0);
        a.name = "Northwind".into();
        for (i, q) in order.iter().enumerate() {
            if let Some(ans) = f(i, &q.id) {
                a.answers.insert(q.id.clone(), ans);
            }
        }
        a
    };
    let first_dim = bank.dimensions[0].name.as_str();
    type Expect<'a> = (
        &'a str,
        Box<dyn Fn(usize, &str) -> Option<Answer>>,
        Vec<&'a str>,
    );
    let cases: Vec<Expect> = vec![
        (
            "all level 3",
            Box::new(|_, _| Some(Answer::Level(3))),
            vec!["stands at level 3", "First actions:"],
        ),
        (
            "first dimension strong, the rest at 2, basics at 4",
            Box::new(move |_, id| {
                let strong = bank.question(id).unwrap().0.name == first_dim
                    || bank.model.scoring.basics.iter().any(|b| b == id);
                Some(Answer::Level(if strong { 4 } else { 2 }))
            }),
            vec![
                "strongest dimension is Service definition",
                "First actions:",
            ],
        ),
        (
            "high scores with weak basics: capped",
            Box::new(|_, id| {
                let basic = builtin().model.scoring.basics.iter().any(|b| b == id);
                Some(Answer::Level(if basic { 2 } else { 5 }))
            }),
            vec!["is held at 2", "basic services score 2.0 of 5"],
        ),
        (
            "high scores with failing basics: level 2's claims do not hold",
            Box::new(|_, id| {
                let basic = builtin().model.scoring.basics.iter().any(|b| b == id);
                Some(Answer::Level(if basic { 1 } else { 5 }))
            }),
            vec!["is held at 1", "an answer level 2 relies on stands at 1"],
        ),
        (
            "only don't know",
            Box::new(|_, _| Some(Answer::DontKnow)),
            vec!["does not have enough answers", "No next steps"],
        ),
        (
            "everything at 5",
            Box::new(|_, _| Some(Answer::Level(5))),
            vec!["stands at level 5", "No next steps"],
        ),
    ];
    for (name, f, expect) in cases {
        let a = make(&*f);
        let r = ReportModel::from(bank, &a);
        assert!(
            words(&r.summary) <= SUMMARY_WORDS,
            "{name}: {} words: {}",
            words(&r.summary),
            r.summary
        );
        for e in expect {
            assert!(r.summary.contains(e), "{name}: {:?} lacks {e:?}", r.summary);
        }
        if let Some(level) = r.headline.level {
            assert!(
                r.summary.contains(bank.level_name(level)),
                "{name}: {}",
                r.summary
            );
        }
    }
}

#[test]
fn the_business_side_reads_its_own_perspective() {
    let bank = tiny();
    let mut a = answers(&bank, "q1=3");
    a.perspective = Perspective::Business;
    assert_eq!(
        ReportModel::from(&bank, &a).headline.perspective,
        "The business's view"
    );
}

#[test]
fn the_sections_lay_out_tables_notes_and_steps_from_the_model() {
    let bank = tiny();
    let r = ReportModel::from(&bank, &answers(&bank, "q1=3 q2=dk q3=dk q4=2"));
    let text = bita::model::blocks::text(&r.sections());
    let lines: Vec<&str> = text.lines().collect();
    for line in [
        "Summary",
        "Scores",
        "Score per dimension, 0 to 5",
        "Not enough answers to draw: A.",
        "Dimension | Score | Level | Confidence",
        "A | not enough answers | – | low: 1 of 3 answered, 2 don't know",
        "IT roles (1 to 5)",
        "Next steps",
        "Stop the bleeding first",
        "Then, weakest dimension first",
        "By dimension",
    ] {
        assert!(lines.contains(&line), "missing {line:?} in:\n{text}");
    }
    assert!(
        lines.iter().any(|l| l.starts_with("B | 2.0 | 2 ")),
        "{text}"
    );
    assert_eq!(lines[1], r.summary);
    // Only the scores hold charts: the page builds every other section as plain elements.
    let charted: Vec<String> = r
        .sections()
        .iter()
        .filter(|b| b.has_figure())
        .map(|b| bita::model::blocks::text(std::slice::from_ref(b)))
        .collect();
    assert_eq!(charted.len(), 1, "{charted:?}");
    assert!(charted[0].starts_with("Scores\n"), "{charted:?}");
}

#[test]
fn a_level_an_answer_contradicts_is_not_shown_and_the_report_names_the_answer() {
    let mut bank = tiny();
    bank.model.levels[2].backed_by = vec![bita::model::bank::Backing {
        question: "q3".into(),
        at_least: 3,
    }];
    // a = (4 + 8 + 6) / 6 = 3.0, b = 4.0: overall 3.5, level 4; the basics at 4 allow it, but
    // level 3 relies on q3, answered 2: the level is 2.
    let mut a = answers(&bank, "q1=4 q2=4 q3=2 q4=4 q5=4");
    a.updated = 1_796_601_600_000.0; // 2026-12-07, the day the rules changed
    let r = ReportModel::from(&bank, &a);
    assert_eq!(r.headline.level, Some(2));
    let why = r.headline.capped.as_deref().expect("held");
    assert!(
        why.contains("would give level 4")
            && why.contains("Level 3, L3,")
            && why.contains("“Question q3?”")
            && why.contains("(level 2, where it needs 3 or more)")
            && why.contains("stands at 2"),
        "{why}"
    );
    assert!(
        r.summary
            .contains("held at 2 because an answer level 3 relies on stands at 2"),
        "{}",
        r.summary
    );
    // Saved after the rules changed: nothing to say about them.
    assert_eq!(r.headline.rule_changed, None);
    // Saved the day before: the report says once what the level was under the earlier rule.
    a.updated = 1_796_601_600_000.0 - 1.0; // 2026-12-06, its last millisecond
    let r = ReportModel::from(&bank, &a);
    assert_eq!(
        r.headline.rule_changed.as_deref(),
        Some("Since 2026-12-07, the level also follows what the answers back and stays below 3 while the basic services do. Under the earlier rule these answers stood at level 4.")
    );
    // One mention: the headline only.
    assert!(!r.summary.contains("earlier rule"));
    // Where the rule changes nothing, nothing is said.
    let b = answers(&bank, "q1=4 q2=4 q3=4 q4=4 q5=4");
    assert_eq!(ReportModel::from(&bank, &b).headline.rule_changed, None);
}
