//! Scoring rules, with expectations worked out by hand, plus properties over the shipped bank.
#![cfg(not(target_arch = "wasm32"))]

use bita::model::bank::{
    validate, Dimension, LevelInfo, ModelFile, Question, Role, ScoringRule, Statement,
};
use bita::model::scoring::{self, advise, gap, level_of, score};
use bita::model::{builtin, Answer, Assessment, Bank};
use proptest::prelude::*;
use std::collections::BTreeMap;

fn question(id: &str, weight: u8, role: Option<&str>, quick_win: bool) -> Question {
    Question {
        id: id.into(),
        text: format!("Question {id}?"),
        help: None,
        weight,
        role: role.map(Into::into),
        quick_win,
        source: "test".into(),
        since: 1,
        retired_in: None,
        answers: (1..=5)
            .map(|l| Statement {
                text: format!("{id} statement {l}"),
                meaning: format!("{id} means {l}"),
                next: format!("{id} next from {l}"),
            })
            .collect(),
    }
}

/// Dimension `a`: q1 (w1, quick win), q2 (w2, role r), q3 (w3). Dimension `b` (the cap): q4, q5 (w1).
fn tiny() -> Bank {
    let model = ModelFile {
        id: "tiny".into(),
        version: 1,
        title: "Tiny".into(),
        dont_know: "DK".into(),
        not_applicable: "NA".into(),
        dimensions: vec!["a".into(), "b".into()],
        scoring: ScoringRule {
            cap_dimension: "b".into(),
            cap_margin: 1,
        },
        levels: (1..=5)
            .map(|l| LevelInfo {
                level: l,
                name: format!("L{l}"),
                description: "d".into(),
            })
            .collect(),
        roles: vec![Role {
            id: "r".into(),
            name: "R".into(),
            description: "d".into(),
        }],
    };
    let dim = |id: &str, questions| Dimension {
        id: id.into(),
        name: id.to_uppercase(),
        summary: "s".into(),
        questions,
    };
    let mut dims = BTreeMap::new();
    dims.insert(
        "questions/a.toml".to_string(),
        dim(
            "a",
            vec![
                question("q1", 1, None, true),
                question("q2", 2, Some("r"), false),
                question("q3", 3, None, true),
            ],
        ),
    );
    dims.insert(
        "questions/b.toml".to_string(),
        dim(
            "b",
            vec![
                question("q4", 1, None, true),
                question("q5", 1, None, false),
            ],
        ),
    );
    validate(model, dims).expect("tiny bank is valid")
}

/// An assessment from a compact list of answers: "q1=2 q2=dk".
fn answers(bank: &Bank, list: &str) -> Assessment {
    let mut a = Assessment::new(bank, "t".into(), 0.0);
    for pair in list.split_whitespace() {
        let (q, code) = pair.split_once('=').expect("question=answer");
        a.answers
            .insert(q.to_string(), Answer::from_code(code).unwrap());
    }
    a
}

fn close(x: Option<f64>, y: f64) -> bool {
    x.is_some_and(|x| (x - y).abs() < 1e-9)
}

#[test]
fn levels_round_to_the_nearest_with_halves_up() {
    for (s, l) in [
        (1.0, 1),
        (1.49, 1),
        (1.5, 2),
        (2.5, 3),
        (3.2, 3),
        (4.49, 4),
        (4.5, 5),
        (5.0, 5),
    ] {
        assert_eq!(level_of(s), l, "{s}");
    }
}

/// Answers, expected score of `a`, of `b`, and the confidence of `a`.
type Case<'a> = (&'a str, Option<f64>, Option<f64>, f64);

#[test]
fn dimension_scores_are_weighted_means_with_half_rule() {
    let bank = tiny();
    // (answers, expected a, expected b, expected confidence of a)
    let cases: &[Case] = &[
        // a: (2*1 + 4*2) / 3 = 3.333; q3 unknown. b: 1 of 2 scored = exactly half, so 1.0.
        (
            "q1=2 q2=4 q3=dk q4=1 q5=na",
            Some(10.0 / 3.0),
            Some(1.0),
            2.0 / 3.0,
        ),
        // a: (1 + 2*2 + 3*5)/6 = 20/6.
        ("q1=1 q2=2 q3=5", Some(20.0 / 6.0), None, 1.0),
        // a: one of three scored: not enough. b: nothing.
        ("q1=5 q2=na q3=na", None, None, 1.0),
        // Nothing answered.
        ("", None, None, 0.0),
    ];
    for (list, a, b, conf) in cases {
        let r = score(&bank, &answers(&bank, list));
        assert_eq!(
            r.dimensions[0].tally.score.is_some(),
            a.is_some(),
            "{list:?}"
        );
        if let Some(a) = a {
            assert!(
                close(r.dimensions[0].tally.score, *a),
                "{list:?}: {:?}",
                r.dimensions[0].tally
            );
        }
        assert_eq!(
            r.dimensions[1].tally.score.is_some(),
            b.is_some(),
            "{list:?}"
        );
        if let Some(b) = b {
            assert!(close(r.dimensions[1].tally.score, *b), "{list:?}");
        }
        assert!(
            (r.dimensions[0].tally.confidence - conf).abs() < 1e-9,
            "{list:?}: {:?}",
            r.dimensions[0].tally
        );
    }
}

#[test]
fn roles_are_scored_on_their_own_questions() {
    let bank = tiny();
    let r = score(&bank, &answers(&bank, "q1=1 q2=4 q3=1"));
    assert_eq!(r.roles.len(), 1);
    assert!(close(r.roles[0].tally.score, 4.0));
    assert_eq!(r.roles[0].tally.level(), Some(4));
}

#[test]
fn overall_is_the_mean_of_dimensions_capped_by_delivery() {
    let bank = tiny();
    // a = 10/3, b = 1.0: mean 2.1667, level 2; cap is level 1 + 1 = 2: not capped.
    let r = score(&bank, &answers(&bank, "q1=2 q2=4 q4=1 q5=1"));
    let o = r.overall.unwrap();
    assert!((o.score - (10.0 / 3.0 + 1.0) / 2.0).abs() < 1e-9);
    assert_eq!(
        (o.uncapped_level, o.level, o.capped(), o.based_on),
        (2, 2, false, 2)
    );

    // a = 5, b = 1: mean 3.0 would be level 3, but delivery at level 1 caps the overall at 2.
    let r = score(&bank, &answers(&bank, "q1=5 q2=5 q3=5 q4=1 q5=1"));
    let o = r.overall.unwrap();
    assert_eq!((o.uncapped_level, o.level, o.capped()), (3, 2, true));

    // a = 5, b = 4.5 (level 5): mean 4.75, level 5, within the cap.
    let r = score(&bank, &answers(&bank, "q1=5 q2=5 q3=5 q4=4 q5=5"));
    assert_eq!(r.overall.unwrap().level, 5);
}

#[test]
fn no_overall_without_the_delivery_dimension() {
    let bank = tiny();
    let r = score(&bank, &answers(&bank, "q1=5 q2=5 q3=5 q4=dk"));
    assert!(r.dimensions[0].tally.score.is_some());
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
fn gap_gives_differences_and_largest_disagreements_first() {
    let bank = tiny();
    let it = answers(&bank, "q1=4 q2=4 q3=4 q4=3 q5=dk");
    let biz = answers(&bank, "q1=1 q2=3 q3=4 q4=5 q5=2");
    let g = gap(&bank, &it, &biz).unwrap();
    // a: IT 4.0; business (1 + 6 + 12) / 6 = 19/6.
    assert!((g.dimensions[0].difference().unwrap() - (19.0 / 6.0 - 4.0)).abs() < 1e-9);
    // b: IT 3.0 (1 of 2), business 3.5.
    assert!((g.dimensions[1].difference().unwrap() - 0.5).abs() < 1e-9);
    let order: Vec<(&str, i8)> = g
        .questions
        .iter()
        .map(|q| (q.question.as_str(), q.difference()))
        .collect();
    assert_eq!(order, [("q1", -3), ("q4", 2), ("q2", -1)]);

    let mut other = biz.clone();
    other.model = "another".into();
    assert!(gap(&bank, &it, &other)
        .unwrap_err()
        .to_string()
        .contains("another question model"));
}

#[test]
fn advice_puts_weakest_dimensions_and_quick_wins_first() {
    let bank = tiny();
    // a = (5 + 2*3 + 3*2)/6 = 17/6 ≈ 2.83; b = 1.5 (weakest).
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
    // Quick wins: q4 (level 1) then q3 (level 2, weight 3); q1 is at level 5.
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

fn any_answer() -> impl Strategy<Value = Option<Answer>> {
    prop_oneof![
        2 => Just(None),
        6 => (1u8..=5).prop_map(|l| Some(Answer::Level(l))),
        1 => Just(Some(Answer::DontKnow)),
        1 => Just(Some(Answer::NotApplicable)),
    ]
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
            if let Some(s) = t.score {
                prop_assert!((1.0..=5.0).contains(&s));
                prop_assert!((1..=5).contains(&t.level().unwrap()));
            }
            prop_assert!((0.0..=1.0).contains(&t.confidence));
        }
        if let Some(o) = r.overall {
            prop_assert!((1.0..=5.0).contains(&o.score));
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
        let find = |r: &scoring::Report| r.dimensions.iter().find(|d| d.id == dim.id).unwrap().tally.score;
        match (find(&before), find(&after)) {
            (Some(b), Some(a)) => prop_assert!(a >= b - 1e-12, "{b} -> {a}"),
            (b, a) => prop_assert_eq!(b.is_some(), a.is_some()),
        }
    }

    #[test]
    fn dont_know_and_not_applicable_never_change_a_score(list in answer_list(), pick in any::<proptest::sample::Index>(), na in any::<bool>()) {
        let i = pick.index(list.len());
        prop_assume!(!matches!(list[i], Some(Answer::Level(_))));
        let mut changed = list.clone();
        changed[i] = Some(if na { Answer::NotApplicable } else { Answer::DontKnow });
        let (before, after) = (score(builtin(), &assessment_from(&list)), score(builtin(), &assessment_from(&changed)));
        let scores = |r: &scoring::Report| -> Vec<Option<f64>> {
            r.dimensions.iter().map(|d| d.tally.score).chain(r.roles.iter().map(|r| r.tally.score)).chain([r.overall.as_ref().map(|o| o.score)]).collect()
        };
        prop_assert_eq!(scores(&before), scores(&after));
        prop_assert_eq!(before.overall.map(|o| o.level), after.overall.map(|o| o.level));
    }
}
