//! Scoring rules, with expectations worked out by hand, plus properties over the shipped bank.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use bita::model::scoring::{self, advise, level_of_tenths, score};
use bita::model::{builtin, Answer, Assessment};
use common::{answers, any_answer, tiny};
use proptest::prelude::*;

#[test]
fn levels_come_from_the_rounded_score_with_halves_up() {
    for (t, l) in [
        (10, 1),
        (14, 1),
        (15, 2),
        (24, 2),
        (25, 3),
        (32, 3),
        (44, 4),
        (45, 5),
        (50, 5),
    ] {
        assert_eq!(level_of_tenths(t), l, "{t}");
    }
    assert_eq!(scoring::tenths_text(27), "2.7");
    assert_eq!(scoring::tenths_text(40), "4.0");
}

/// Answers, expected tenths of `a`, of `b`, and the confidence word of `a`.
type Case<'a> = (&'a str, Option<u16>, Option<u16>, &'a str);

#[test]
fn dimension_scores_are_weighted_means_rounded_once_with_half_rule() {
    let bank = tiny();
    let cases: &[Case] = &[
        // a: (2*1 + 4*2) / 3 = 3.33 -> 3.3; q3 unknown. b: 1 of 1 applicable scored: 1.0.
        ("q1=2 q2=4 q3=dk q4=1 q5=na", Some(33), Some(10), "medium"),
        // a: (1 + 2*2 + 3*5)/6 = 3.33 -> 3.3.
        ("q1=1 q2=2 q3=5", Some(33), None, "high"),
        // a: one of one applicable scored: "Not applicable" never blocks a score.
        ("q1=5 q2=na q3=na", Some(50), None, "high"),
        // a: one scored, two "Don't know": under half of the applicable.
        ("q1=5 q2=dk q3=dk", None, None, "low"),
        // Nothing answered.
        ("", None, None, "low"),
    ];
    for (list, a, b, conf) in cases {
        let r = score(&bank, &answers(&bank, list));
        assert_eq!(r.dimensions[0].tally.tenths, *a, "{list:?}");
        assert_eq!(r.dimensions[1].tally.tenths, *b, "{list:?}");
        assert_eq!(r.dimensions[0].tally.confidence_label(), *conf, "{list:?}");
    }
}

#[test]
fn regression_a_mean_of_one_and_a_half_is_level_two() {
    let bank = tiny();
    // b: (1 + 2) / 2 = 1.5 exactly: shown "1.5", level 2 (it once came out as 1.4999..., level 1).
    let r = score(&bank, &answers(&bank, "q4=1 q5=2"));
    let b = &r.dimensions[1].tally;
    assert_eq!(b.score_text().as_deref(), Some("1.5"));
    assert_eq!(b.level(), Some(2));
}

#[test]
fn regression_a_score_shown_as_two_and_a_half_is_level_three() {
    let bank = tiny();
    // a: (1*1 + 2*2 + 3*3) / 6 = 14/6 = 2.333 -> "2.3", level 2; (2*1 + 2*2 + 3*3)/6 = 2.5 -> 3;
    // (3*1 + 3*2 + 2*3)/6 = 15/6 = 2.5; and 2.45 (49/20) shows "2.5", so it must be level 3.
    let r = score(&bank, &answers(&bank, "q1=1 q2=2 q3=3"));
    assert_eq!(r.dimensions[0].tally.score_text().as_deref(), Some("2.3"));
    assert_eq!(r.dimensions[0].tally.level(), Some(2));
    let r = score(&bank, &answers(&bank, "q1=3 q2=3 q3=2"));
    assert_eq!(r.dimensions[0].tally.score_text().as_deref(), Some("2.5"));
    assert_eq!(r.dimensions[0].tally.level(), Some(3));
}

#[test]
fn not_applicable_never_blocks_a_score_in_the_shipped_bank() {
    let bank = builtin();
    let dim = &bank.dimensions[0];
    let asked: Vec<_> = bank.asked(dim, Default::default()).collect();
    let mut a = Assessment::new(bank, "na".into(), 0.0);
    // More than half "Not applicable", the rest answered: the dimension is scored, confidence high.
    let na = asked.len() / 2 + 1;
    for (i, q) in asked.iter().enumerate() {
        let ans = if i < na {
            Answer::NotApplicable
        } else {
            Answer::Level(3)
        };
        a.answers.insert(q.id.clone(), ans);
    }
    let t = &score(bank, &a).dimensions[0].tally;
    assert_eq!(t.score_text().as_deref(), Some("3.0"));
    assert_eq!(t.confidence_label(), "high");
}

#[test]
fn roles_are_scored_on_their_own_questions() {
    let bank = tiny();
    let r = score(&bank, &answers(&bank, "q1=1 q2=4 q3=1"));
    assert_eq!(r.roles.len(), 1);
    assert_eq!(r.roles[0].tally.tenths, Some(40));
    assert_eq!(r.roles[0].tally.level(), Some(4));
}

#[test]
fn overall_is_the_mean_of_shown_dimension_scores_capped_by_the_basics() {
    let bank = tiny();
    // a = 10/3 shown 3.3, b = 1.0: mean of the shown (3.3 + 1.0) / 2 = 2.15 -> 2.2, level 2; the
    // basics (q4, q5) are at level 1, the cap 1 + 1 = 2: not capped.
    let r = score(&bank, &answers(&bank, "q1=2 q2=4 q4=1 q5=1"));
    let o = r.overall.unwrap();
    assert_eq!(o.tenths, 22);
    assert_eq!(
        (o.uncapped_level, o.level, o.capped(), o.based_on),
        (2, 2, false, 2)
    );

    // a = 5, b = 1: mean 3.0 would be level 3, but the basics at level 1 cap the overall at 2.
    let r = score(&bank, &answers(&bank, "q1=5 q2=5 q3=5 q4=1 q5=1"));
    let o = r.overall.unwrap();
    assert_eq!((o.uncapped_level, o.level, o.capped()), (3, 2, true));

    // a = 5, b = 4.5 (level 5): mean 4.75 -> 4.8, level 5, within the cap.
    let r = score(&bank, &answers(&bank, "q1=5 q2=5 q3=5 q4=4 q5=5"));
    let o = r.overall.unwrap();
    assert_eq!((o.tenths, o.level), (48, 5));
}

#[test]
fn no_overall_without_the_basics() {
    let bank = tiny();
    let r = score(&bank, &answers(&bank, "q1=5 q2=5 q3=5 q4=dk"));
    assert!(r.dimensions[0].tally.tenths.is_some());
    assert_eq!(r.overall, None);
}

#[test]
fn answers_to_retired_or_unknown_questions_are_kept_but_not_scored() {
    let bank = tiny();
    let mut a = answers(&bank, "q1=2 q2=2 q4=3 q5=3");
    let before = score(&bank, &a);
    a.answers.insert("gone".into(), Answer::Level(5));
    assert_eq!(score(&bank, &a), before);
}

#[test]
fn advice_puts_weakest_dimensions_and_quick_wins_first() {
    let bank = tiny();
    // a = (5 + 2*3 + 3*2)/6 = 17/6 ≈ 2.8; b = 1.5 (weakest, and the basics: below level 3).
    let a = answers(&bank, "q1=5 q2=3 q3=2 q4=1 q5=2");
    let adv = advise(&bank, &a);
    let dims: Vec<&str> = adv.dimensions.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(dims, ["b", "a"]);
    // In a: q1 at level 5 has no next step; q3 (level 2) before q2 (level 3).
    let steps: Vec<(&str, &str)> = adv.dimensions[1]
        .steps
        .iter()
        .map(|s| (s.question.as_str(), s.text.as_str()))
        .collect();
    assert_eq!(steps, [("q3", "q3 next from 2"), ("q2", "q2 next from 3")]);
    // Quick wins: q4 (a basic, level 1) then q3 (level 2, weight 3); q1 is at level 5.
    let wins: Vec<&str> = adv.quick_wins.iter().map(|s| s.question.as_str()).collect();
    assert_eq!(wins, ["q4", "q3"]);
}

#[test]
fn quick_wins_are_at_most_three() {
    let bank = builtin();
    let mut a = Assessment::new(bank, "x".into(), 0.0);
    for q in bank.order(bank.version()) {
        a.answers.insert(q.id.clone(), Answer::Level(1));
    }
    let adv = advise(bank, &a);
    assert_eq!(adv.quick_wins.len(), scoring::QUICK_WINS);
    assert!(adv.quick_wins.iter().all(|s| s.level == 1));
}

fn assessment_from(list: &[Option<Answer>]) -> Assessment {
    let bank = builtin();
    let mut a = Assessment::new(bank, "p".into(), 0.0);
    for (q, ans) in bank.order(bank.version()).iter().zip(list) {
        if let Some(ans) = ans {
            a.answers.insert(q.id.clone(), *ans);
        }
    }
    a
}

fn answer_list() -> impl Strategy<Value = Vec<Option<Answer>>> {
    proptest::collection::vec(any_answer(), builtin().question_count())
}

proptest! {
    #[test]
    fn every_score_stays_in_range(list in answer_list()) {
        let r = score(builtin(), &assessment_from(&list));
        let tallies = r.dimensions.iter().map(|d| &d.tally).chain(r.roles.iter().map(|r| &r.tally));
        for t in tallies {
            if let Some(s) = t.score() {
                prop_assert!((1.0..=5.0).contains(&s));
                prop_assert!((1..=5).contains(&t.level().unwrap()));
            }
            prop_assert!((0.0..=1.0).contains(&t.confidence()));
        }
        if let Some(o) = r.overall {
            prop_assert!((1.0..=5.0).contains(&o.score()));
            prop_assert!(o.level <= o.uncapped_level && (1..=5).contains(&o.level));
        }
    }

    #[test]
    fn raising_one_answer_never_lowers_its_dimension(list in answer_list(), pick in any::<proptest::sample::Index>(), by in 1u8..=4) {
        let bank = builtin();
        let order = bank.order(bank.version());
        let i = pick.index(order.len());
        let Some(Answer::Level(l)) = list[i] else { return Ok(()) };
        let mut raised = list.clone();
        raised[i] = Some(Answer::Level((l + by).min(5)));
        let (before, after) = (score(bank, &assessment_from(&list)), score(bank, &assessment_from(&raised)));
        let dim = bank.question(&order[i].id).unwrap().0;
        let find = |r: &scoring::Scores| r.dimensions.iter().find(|d| d.id == dim.id).unwrap().tally.tenths;
        match (find(&before), find(&after)) {
            (Some(b), Some(a)) => prop_assert!(a >= b, "{b} -> {a}"),
            (b, a) => prop_assert_eq!(b.is_some(), a.is_some()),
        }
    }

    #[test]
    fn dont_know_never_changes_a_score_and_not_applicable_only_adds_one(list in answer_list(), pick in any::<proptest::sample::Index>(), na in any::<bool>()) {
        let i = pick.index(list.len());
        // An unanswered question is answered "Don't know" or "Not applicable".
        let mut list = list;
        list[i] = None;
        let mut changed = list.clone();
        changed[i] = Some(if na { Answer::NotApplicable } else { Answer::DontKnow });
        let (before, after) = (score(builtin(), &assessment_from(&list)), score(builtin(), &assessment_from(&changed)));
        let scores = |r: &scoring::Scores| -> Vec<Option<u16>> {
            r.dimensions.iter().map(|d| d.tally.tenths).chain(r.roles.iter().map(|r| r.tally.tenths)).collect()
        };
        for (b, a) in scores(&before).into_iter().zip(scores(&after)) {
            match (b, a) {
                // An existing score never moves.
                (Some(b), a) => prop_assert_eq!(Some(b), a),
                // "Not applicable" shrinks the applicable set, so it may let a score appear.
                (None, Some(_)) => prop_assert!(na, "a \"Don't know\" made a score appear"),
                (None, None) => {}
            }
        }
    }

    /// For every dimension and role, the level shown agrees with the score shown; the overall is
    /// the mean of the dimension scores as printed.
    #[test]
    fn shown_scores_and_levels_agree(list in answer_list()) {
        let r = score(builtin(), &assessment_from(&list));
        let tallies = r.dimensions.iter().map(|d| &d.tally).chain(r.roles.iter().map(|r| &r.tally));
        for t in tallies {
            if let Some(text) = t.score_text() {
                let shown: f64 = text.parse().unwrap();
                let nearest = (shown + 0.5).floor() as u8;
                prop_assert_eq!(t.level(), Some(nearest.clamp(1, 5)), "{}", text);
            }
        }
        if let Some(o) = r.overall {
            let printed: Vec<f64> = r.dimensions.iter().filter_map(|d| d.tally.score_text()).map(|s| s.parse().unwrap()).collect();
            let mean = printed.iter().sum::<f64>() / printed.len() as f64;
            // Round half up to one decimal, with a nudge for binary fractions like 2.15.
            let expected = ((mean * 10.0) + 0.5 + 1e-9).floor() / 10.0;
            prop_assert!((o.score() - expected).abs() < 1e-9, "{} vs {}", o.score(), expected);
            let shown = scoring::tenths_text(o.tenths).parse::<f64>().unwrap();
            prop_assert_eq!(o.uncapped_level, ((shown + 0.5).floor() as u8).clamp(1, 5));
        }
    }
}

fn all_at(bank: &bita::model::Bank, level: impl Fn(&str) -> Answer) -> Assessment {
    let mut a = Assessment::new(bank, "v".into(), 0.0);
    for q in bank.order(bank.version()) {
        a.answers.insert(q.id.clone(), level(&q.id));
    }
    a
}

#[test]
fn with_weak_basics_quick_wins_stop_the_bleeding_and_advice_waits() {
    let bank = builtin();
    let a = all_at(bank, |_| Answer::Level(1));
    let adv = advise(bank, &a);
    assert!(adv.held_back);
    assert_eq!(adv.quick_wins.len(), scoring::QUICK_WINS);
    let basics_dim = bank
        .question(&bank.model.scoring.basics[0])
        .unwrap()
        .0
        .id
        .clone();
    for s in &adv.quick_wins {
        let q = bank.question(&s.question).unwrap().1;
        assert!(!q.after_basics, "{} asks IT to advise or lead", q.id);
        assert_eq!(
            s.dimension, basics_dim,
            "{}: not a stop-the-bleeding step",
            q.id
        );
    }
    for d in &adv.dimensions {
        for s in &d.steps {
            assert!(
                !bank.question(&s.question).unwrap().1.after_basics,
                "{}",
                s.question
            );
        }
    }
    // With the basics at 3, advice-giving steps come back.
    let b = all_at(bank, |id| {
        Answer::Level(if bank.model.scoring.basics.iter().any(|x| x == id) {
            3
        } else {
            1
        })
    });
    let adv = advise(bank, &b);
    assert!(!adv.held_back);
    assert!(adv.dimensions.iter().flat_map(|d| &d.steps).any(|s| bank
        .question(&s.question)
        .unwrap()
        .1
        .after_basics));
}

#[test]
fn the_cap_follows_the_two_basic_services_only() {
    let bank = builtin();
    let basic = |id: &str| bank.model.scoring.basics.iter().any(|b| b == id);
    let weak = all_at(bank, |id| Answer::Level(if basic(id) { 1 } else { 5 }));
    let o = score(bank, &weak).overall.unwrap();
    assert_eq!((o.basics_level, o.level), (1, 2));
    assert!(o.capped());
    // Another Delivery and trust question at 1 does not cap: only the basics do.
    let other = all_at(bank, |id| Answer::Level(if id == "dt-04" { 1 } else { 5 }));
    let o = score(bank, &other).overall.unwrap();
    assert_eq!(o.basics_level, 5);
    assert!(!o.capped());
}

#[test]
fn a_saved_version_1_assessment_scores_under_version_2_as_documented() {
    let bank = builtin();
    // Every version-1 question answered at level 4, as saved before the upgrade.
    let mut a = Assessment::new(bank, "old".into(), 0.0);
    a.model_version = 1;
    for q in bank.order(1) {
        a.answers.insert(q.id.clone(), Answer::Level(4));
    }
    let kept = bank.order(1).len();
    let still_asked: Vec<_> = bank
        .order(1)
        .into_iter()
        .filter(|q| q.active_in(2))
        .collect();
    let r = score(bank, &a);
    // Answers to retired questions are kept in the assessment and not scored.
    assert_eq!(a.answers.len(), kept);
    let scored: usize = r.dimensions.iter().map(|d| d.tally.scored).sum();
    assert_eq!(scored, still_asked.len());
    // A dimension still scores where at least half of its questions are version-1 ones still asked.
    for (d, ds) in bank.dimensions.iter().zip(&r.dimensions) {
        let old = bank
            .asked(d, a.perspective)
            .filter(|q| q.since == 1)
            .count();
        let all = bank.asked(d, a.perspective).count();
        assert_eq!(ds.tally.tenths.is_some(), old * 2 >= all, "{}", d.id);
        if ds.tally.tenths.is_some() {
            assert_eq!(ds.tally.score_text().as_deref(), Some("4.0"), "{}", d.id);
        }
    }
    let report = bita::model::report::ReportModel::from(bank, &a);
    let retired = kept - still_asked.len();
    assert_eq!(
        report.retired.as_deref(),
        Some(format!("{retired} answers belong to questions this version of the model no longer asks. They are kept, and not scored.").as_str())
    );
}
