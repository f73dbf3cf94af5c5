//! Scoring rules, with expectations worked out by hand, plus properties over the shipped bank.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use bita::model::advice::{self, advise};
use bita::model::bank::Who;
use bita::model::scoring::{self, level_of_tenths, score};
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
fn advice_puts_weakest_dimensions_and_the_stop_the_bleeding_steps_first() {
    let bank = tiny();
    // a = (5 + 2*3 + 3*2)/6 = 17/6 ≈ 2.8; b = 1.5 (weakest, and the basics: below level 3).
    let a = answers(&bank, "q1=5 q2=3 q3=2 q4=1 q5=2");
    let adv = advise(&bank, &a);
    let dims: Vec<&str> = adv.dimensions.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(dims, ["b", "a"]);
    assert!(adv.bleeding);
    // In a: q1 at level 5 has no next step; q2's step presumes trust and waits.
    assert!(adv.held_back);
    let steps = |d: &advice::DimensionAdvice| {
        d.steps
            .iter()
            .map(|s| (s.question.clone(), s.text.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        steps(&adv.dimensions[1]),
        [("q3".into(), "q3 next from 2".into())]
    );
    // In b the relief step, which stops the bleeding, first.
    assert_eq!(steps(&adv.dimensions[0])[0].0, "q4");
    // First: the stop-the-bleeding steps in the documented order (pains, then relief), though
    // q3's answer is higher than q4's, each with who acts.
    let first: Vec<(&str, Option<usize>, Who)> = adv
        .first
        .iter()
        .map(|s| (s.question.as_str(), s.bleeding, s.who))
        .collect();
    assert_eq!(
        first,
        [("q3", Some(0), Who::Both), ("q4", Some(1), Who::It)]
    );

    // With sound basics the quick steps come first, lowest answers first, and q2's step is back.
    let a = answers(&bank, "q1=2 q2=1 q3=1 q4=3 q5=3");
    let adv = advise(&bank, &a);
    assert!(!adv.bleeding && !adv.held_back);
    let first: Vec<&str> = adv.first.iter().map(|s| s.question.as_str()).collect();
    // q3 (level 1, heavier) before q1 (level 2), then q4 (level 3); q2 is not quick.
    assert_eq!(first, ["q3", "q1", "q4"]);
    assert!(adv.first.iter().all(|s| s.bleeding.is_none()));
    assert!(adv
        .dimensions
        .iter()
        .flat_map(|d| &d.steps)
        .any(|s| s.question == "q2"));
}

#[test]
fn steps_that_share_an_action_are_listed_once() {
    let mut bank = tiny();
    // q1 asks for the same action as q3 at every level.
    for s in &mut bank.dimensions[0].questions[0].answers {
        s.action = "pains".into();
    }
    let a = answers(&bank, "q1=1 q2=3 q3=2 q4=4 q5=4");
    let adv = advise(&bank, &a);
    let all: Vec<&str> = adv
        .dimensions
        .iter()
        .flat_map(|d| &d.steps)
        .map(|s| s.question.as_str())
        .collect();
    // q1 (level 1) outranks q3 (level 2): q3's step is not listed again.
    assert!(all.contains(&"q1") && !all.contains(&"q3"), "{all:?}");
}

#[test]
fn the_first_actions_are_at_most_three_once_the_basics_are_sound() {
    let bank = builtin();
    let basic = |id: &str| bank.model.scoring.basics.iter().any(|b| b == id);
    let a = all_at(bank, |id| Answer::Level(if basic(id) { 3 } else { 1 }));
    let adv = advise(bank, &a);
    assert!(!adv.bleeding);
    assert_eq!(adv.first.len(), advice::QUICK_WINS);
    assert!(adv.first.iter().all(|s| s.level == 1 && s.quick));
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

fn all_at(bank: &bita::model::Bank, mut level: impl FnMut(&str) -> Answer) -> Assessment {
    let mut a = Assessment::new(bank, "v".into(), 0.0);
    for q in bank.order(bank.version()) {
        a.answers.insert(q.id.clone(), level(&q.id));
    }
    a
}

/// What stopping the bleeding promises for one assessment whose basics are not sound: the first
/// actions start with every stop-the-bleeding step its answers give, in the documented order; no
/// such step is held back; steps that presume trust are, and the report says why.
fn stops_the_bleeding_first(a: &Assessment) -> Vec<String> {
    let bank = builtin();
    let rule = &bank.model.scoring;
    let adv = advise(bank, a);
    assert!(adv.bleeding, "the basics are not sound here");
    // The keys the answers give, in the documented order.
    let given: Vec<&String> = rule
        .stop_the_bleeding
        .iter()
        .filter(|k| {
            bank.order(bank.version()).iter().any(|q| {
                let level = a.answers.get(&q.id).and_then(|x| x.level());
                bita::model::asks(q, a.perspective)
                    && level.is_some_and(|l| l < 5 && q.answers[usize::from(l) - 1].action == **k)
            })
        })
        .collect();
    let first: Vec<&String> = adv
        .first
        .iter()
        .take(given.len())
        .map(|s| &s.action)
        .collect();
    assert_eq!(
        first, given,
        "the first actions start with the stop-the-bleeding steps in order"
    );
    let mut presumes_trust = false;
    for q in bank.order(bank.version()) {
        let Some(l) = a
            .answers
            .get(&q.id)
            .and_then(|x| x.level())
            .filter(|l| *l < 5)
        else {
            continue;
        };
        let s = &q.answers[usize::from(l) - 1];
        presumes_trust |= s.after_basics && bita::model::asks(q, a.perspective);
        assert!(
            !(s.after_basics && rule.stop_the_bleeding.contains(&s.action)),
            "{} is a cure",
            q.id
        );
    }
    for s in adv
        .dimensions
        .iter()
        .flat_map(|d| &d.steps)
        .chain(&adv.first)
    {
        let q = bank.question(&s.question).unwrap().1;
        assert!(
            !q.answers[usize::from(s.level) - 1].after_basics,
            "{} presumes trust",
            q.id
        );
    }
    let r = bita::model::report::ReportModel::from(bank, a);
    assert_eq!(adv.held_back, presumes_trust);
    assert_eq!(r.held_back.is_some(), presumes_trust);
    assert_eq!(r.first_title, "Stop the bleeding first");
    given.into_iter().cloned().collect()
}

#[test]
fn with_the_basics_not_sound_the_advice_stops_the_bleeding_first() {
    let bank = builtin();
    let basic = |id: &str| bank.model.scoring.basics.iter().any(|b| b == id);
    // All 1: every stop-the-bleeding step, in order, and the held-back sentence.
    let keys = stops_the_bleeding_first(&all_at(bank, |_| Answer::Level(1)));
    assert_eq!(
        keys, bank.model.scoring.stop_the_bleeding,
        "all at 1 gives every such step"
    );
    // All 2.
    let keys = stops_the_bleeding_first(&all_at(bank, |_| Answer::Level(2)));
    assert!(keys.len() >= 3, "{keys:?}");
    // The basics at 2, the rest at 3 or 4.
    let mut flip = false;
    stops_the_bleeding_first(&all_at(bank, |id| {
        flip = !flip;
        Answer::Level(if basic(id) {
            2
        } else if flip {
            3
        } else {
            4
        })
    }));
    // Low trust: promises, the business's choice and its response to proposals at 1, the rest at 2.
    let low = all_at(bank, |id| {
        Answer::Level(if ["dt-04", "dt-07", "dt-08"].contains(&id) {
            1
        } else {
            2
        })
    });
    stops_the_bleeding_first(&low);
    // From the business's side too.
    let mut business = all_at(bank, |_| Answer::Level(1));
    business.perspective = bita::model::Perspective::Business;
    stops_the_bleeding_first(&business);
}

#[test]
fn with_sound_basics_steps_that_presume_trust_come_back() {
    let bank = builtin();
    let basic = |id: &str| bank.model.scoring.basics.iter().any(|b| b == id);
    let b = all_at(bank, |id| Answer::Level(if basic(id) { 3 } else { 1 }));
    let adv = advise(bank, &b);
    assert!(!adv.held_back && !adv.bleeding);
    assert!(adv.dimensions.iter().flat_map(|d| &d.steps).any(|s| {
        bank.question(&s.question).unwrap().1.answers[usize::from(s.level) - 1].after_basics
    }));
    assert_eq!(
        bita::model::report::ReportModel::from(bank, &b).first_title,
        "Quick wins"
    );
}

/// No two steps of one assessment's advice ask for the same action, and every step says who acts.
fn no_repeats(a: &Assessment) {
    let adv = advise(builtin(), a);
    let keys: Vec<&str> = adv
        .dimensions
        .iter()
        .flat_map(|d| &d.steps)
        .map(|s| s.action.as_str())
        .filter(|k| !k.is_empty())
        .collect();
    for (i, k) in keys.iter().enumerate() {
        assert!(!keys[..i].contains(k), "{k} is listed twice: {keys:?}");
    }
    let first: Vec<(&str, &str)> = adv
        .first
        .iter()
        .map(|s| (s.question.as_str(), s.action.as_str()))
        .collect();
    for (i, (q, k)) in first.iter().enumerate() {
        assert!(
            k.is_empty() || !first[..i].iter().any(|(_, x)| x == k),
            "{q} repeats {k}"
        );
        assert!(!first[..i].iter().any(|(x, _)| x == q), "{q} twice");
    }
}

#[test]
fn no_action_is_listed_twice_for_answers_1_to_5_everywhere() {
    let bank = builtin();
    for level in 1..=5 {
        for p in [
            bita::model::Perspective::It,
            bita::model::Perspective::Business,
        ] {
            let mut a = all_at(bank, |_| Answer::Level(level));
            a.perspective = p;
            no_repeats(&a);
        }
    }
    // Every statement of every question says who acts on its step.
    for q in bank.dimensions.iter().flat_map(|d| &d.questions) {
        assert!(q.answers.iter().all(|s| s.who.is_some()), "{}", q.id);
    }
}

#[test]
fn the_cap_follows_the_two_basic_services_only() {
    let bank = builtin();
    let basic = |id: &str| bank.model.scoring.basics.iter().any(|b| b == id);
    // The basics at 2 and everything else at 5: not "Service provider", whose description says
    // the basics run reliably, but 2.
    let weak = all_at(bank, |id| Answer::Level(if basic(id) { 2 } else { 5 }));
    let o = score(bank, &weak).overall.unwrap();
    assert_eq!((o.basics_level, o.uncapped_level, o.level), (2, 5, 2));
    assert_eq!(o.held, Some(scoring::Hold::Basics));
    // At 2.5 (dt-01 at 2, dt-02 at 3, equally weighted) their level rounds to 3, but they are not
    // sound: the level stays at 2 and the advice stops the bleeding first.
    let half = all_at(bank, |id| {
        Answer::Level(match id {
            "dt-01" => 2,
            "dt-02" => 3,
            _ => 5,
        })
    });
    let o = score(bank, &half).overall.unwrap();
    assert_eq!(
        (o.basics_level, o.basics_tenths, o.basics_unsound, o.level),
        (3, 25, true, 2)
    );
    assert!(advise(bank, &half).bleeding);
    // At 3 the basics allow one level more.
    let sound = all_at(bank, |id| Answer::Level(if basic(id) { 3 } else { 5 }));
    let o = score(bank, &sound).overall.unwrap();
    assert_eq!((o.basics_level, o.level), (3, 4));
    // Another Delivery and trust question at 1 does not cap (dt-05: no level relies on it).
    assert!(bank
        .model
        .levels
        .iter()
        .all(|l| l.backed_by.iter().all(|b| b.question != "dt-05")));
    let other = all_at(bank, |id| Answer::Level(if id == "dt-05" { 1 } else { 5 }));
    let o = score(bank, &other).overall.unwrap();
    assert_eq!(o.basics_level, 5);
    assert!(!o.capped());
    // Promises broken (dt-04 at 1) contradict level 4's description: level 3.
    let broken = all_at(bank, |id| Answer::Level(if id == "dt-04" { 1 } else { 5 }));
    let o = score(bank, &broken).overall.unwrap();
    assert_eq!(o.level, 3);
    assert!(
        matches!(o.held, Some(scoring::Hold::Unbacked { level: 4, ref question, .. }) if question == "dt-04")
    );
}

#[test]
fn a_saved_version_1_assessment_scores_under_the_current_version_as_documented() {
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
        .filter(|q| q.active_in(bank.version()))
        .collect();
    let r = score(bank, &a);
    // Answers to retired questions are kept in the assessment and not scored.
    assert_eq!(a.answers.len(), kept);
    let scored: usize = r.dimensions.iter().map(|d| d.tally.scored).sum();
    assert_eq!(scored, still_asked.len());
    // A dimension still scores where one of its version-1 questions is still asked: the questions
    // added since count once answered.
    for (d, ds) in bank.dimensions.iter().zip(&r.dimensions) {
        let old = bank
            .asked(d, a.perspective)
            .filter(|q| q.since == 1)
            .count();
        assert_eq!(ds.tally.tenths.is_some(), old > 0, "{}", d.id);
        assert_eq!(ds.tally.total, old, "{}", d.id);
        if ds.tally.tenths.is_some() {
            assert_eq!(ds.tally.score_text().as_deref(), Some("4.0"), "{}", d.id);
        }
    }
    let report = bita::model::report::ReportModel::from(bank, &a);
    let retired = kept - still_asked.len();
    assert_eq!(
        report.model_changed.as_deref(),
        Some(format!("These answers were given to version 1 of the questions; this is version {}. Its {} new questions count once answered. {retired} answers belong to questions this version of the model no longer asks. They are kept, and not scored.", bank.version(), bank.order(bank.version()).iter().filter(|q| q.since > 1).count()).as_str())
    );
}

proptest! {
    #[test]
    fn no_action_is_listed_twice_for_any_answers(list in answer_list(), business in any::<bool>()) {
        let mut a = assessment_from(&list);
        if business {
            a.perspective = bita::model::Perspective::Business;
        }
        no_repeats(&a);
    }

    /// The level shown is one the answers back: every claim of its description and of the levels
    /// below holds (no answer it relies on stands lower), it is at most 2 while the basics are not
    /// sound, and at most `cap_margin` above them.
    #[test]
    fn the_level_shown_is_backed_by_the_answers(list in answer_list(), business in any::<bool>()) {
        let bank = builtin();
        let mut a = assessment_from(&list);
        if business {
            a.perspective = bita::model::Perspective::Business;
        }
        let Some(o) = score(bank, &a).overall else { return Ok(()) };
        let rule = &bank.model.scoring;
        prop_assert!(o.level <= o.uncapped_level);
        prop_assert!(o.level <= o.basics_level + rule.cap_margin);
        if o.basics_level < rule.basics_sound {
            prop_assert!(o.level < rule.basics_sound);
        }
        for info in &bank.model.levels[..usize::from(o.level)] {
            for b in &info.backed_by {
                let q = bank.question(&b.question).unwrap().1;
                if let Some(l) = a.answers.get(&q.id).and_then(|x| x.level()) {
                    if bita::model::asks(q, a.perspective) {
                        prop_assert!(l >= b.at_least, "level {} claims {} at {} or more; it is {l}", o.level, q.id, b.at_least);
                    }
                }
            }
        }
        // And it is the highest such level: one more would pass the score's level or a cap, or
        // break a claim of that level.
        let mut cap = o.uncapped_level.min(o.basics_level + rule.cap_margin);
        if o.basics_unsound {
            cap = cap.min(rule.basics_sound - 1);
        }
        if o.level < cap {
            let next = &bank.model.levels[usize::from(o.level)];
            let broken = next.backed_by.iter().any(|b| {
                let q = bank.question(&b.question).unwrap().1;
                bita::model::asks(q, a.perspective)
                    && a.answers.get(&q.id).and_then(|x| x.level()).is_some_and(|l| l < b.at_least)
            });
            prop_assert!(broken, "level {} is shown where {} is backed", o.level, o.level + 1);
            let unbacked = matches!(o.held, Some(scoring::Hold::Unbacked { .. }));
            prop_assert!(unbacked, "held by {:?}", o.held);
        } else if o.level < o.uncapped_level {
            prop_assert_eq!(&o.held, &Some(scoring::Hold::Basics));
        }
    }
}

/// A complete assessment of version `v`: every question that version asks, answered by `level`.
fn complete_in(v: u32, level: &mut dyn FnMut(usize) -> Answer) -> Assessment {
    let bank = builtin();
    let mut a = Assessment::new(bank, "v".into(), 0.0);
    a.model_version = v;
    for (i, q) in bank.order(v).into_iter().enumerate() {
        a.answers.insert(q.id.clone(), level(i));
    }
    a
}

/// Each dimension a complete version-2 assessment had a score in keeps one under the current
/// version (version 2's scores are those of the bank with only its questions asked).
fn keeps_its_scores(a: &Assessment) {
    let bank = builtin();
    let mut then = bank.clone();
    then.model.version = 2;
    let (before, after) = (score(&then, a), score(bank, a));
    for (b, n) in before.dimensions.iter().zip(&after.dimensions) {
        assert!(
            b.tally.tenths.is_none() || n.tally.tenths.is_some(),
            "{} lost its score",
            b.id
        );
    }
    assert!(
        before.overall.is_none() || after.overall.is_some(),
        "the overall level is lost"
    );
}

#[test]
fn every_complete_version_2_assessment_keeps_its_dimension_scores() {
    for level in 1..=5 {
        keeps_its_scores(&complete_in(2, &mut |_| Answer::Level(level)));
    }
    // With as many "Don't know" and "Not applicable" as still give every dimension a score.
    keeps_its_scores(&complete_in(2, &mut |i| match i % 4 {
        0 => Answer::DontKnow,
        1 => Answer::NotApplicable,
        n => Answer::Level(n as u8 + 1),
    }));
}

proptest! {
    /// With "Don't know" and "Not applicable" too: the questions the model added since count for
    /// nothing until answered, so a dimension's count of questions never grows.
    #[test]
    fn any_complete_version_2_assessment_keeps_its_dimension_scores(answers in proptest::collection::vec(any_answer(), 39)) {
        let a = complete_in(2, &mut |i| answers[i].unwrap_or(Answer::Level(3)));
        let bank = builtin();
        let mut then = bank.clone();
        then.model.version = 2;
        let (before, after) = (score(&then, &a), score(bank, &a));
        for (b, n) in before.dimensions.iter().zip(&after.dimensions) {
            let t = &n.tally;
            prop_assert!(t.total <= b.tally.total, "{}: {} questions now, {} before", b.id, t.total, b.tally.total);
            prop_assert!(t.unanswered() == 0, "{}: {} unanswered", b.id, t.unanswered());
        }
    }
}
