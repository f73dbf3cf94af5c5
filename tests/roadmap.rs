//! Targets and the roadmap: hand-worked cases over the shipped bank, and the rules as properties
//! over random assessments and targets.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;

use bita::model::assessment::{apply_at, merge, step_key, Stamp};
use bita::model::roadmap::{roadmap, targets, Roadmap, Target};
use bita::model::scoring::score;
use bita::model::{builtin, Action, Answer, Assessment, Perspective};
use common::any_answer;
use proptest::prelude::*;

/// Every question the respondent is asked, answered `level`.
fn all_at(level: u8, side: Perspective) -> Assessment {
    let bank = builtin();
    let mut a = Assessment::new(bank, "r".into(), 0.0);
    a.perspective = side;
    for d in &bank.dimensions {
        for q in bank.asked(d, side) {
            a.answers.insert(q.id.clone(), Answer::Level(level));
        }
    }
    a
}

fn set_target(a: &mut Assessment, dimension: &str, level: Option<u8>, at: u64) {
    apply_at(
        a,
        &Action::SetTarget {
            dimension: dimension.into(),
            level,
        },
        Stamp(at, 1),
    );
}

#[test]
fn targets_are_proposed_one_level_up_until_set() {
    let bank = builtin();
    let mut a = all_at(2, Perspective::It);
    let scores = score(bank, &a);
    let t = targets(bank, &a, &scores);
    assert!(t.iter().all(|t| *t
        == Some(Target {
            level: 3,
            proposed: true
        })));
    set_target(&mut a, "value", Some(5), 10);
    let t = targets(bank, &a, &scores);
    let value = bank
        .dimensions
        .iter()
        .position(|d| d.id == "value")
        .unwrap();
    assert_eq!(
        t[value],
        Some(Target {
            level: 5,
            proposed: false
        })
    );
    // Cleared: proposed again. At level 5 the proposal stays 5; without a score there is none.
    set_target(&mut a, "value", None, 11);
    assert!(targets(bank, &a, &scores)[value].unwrap().proposed);
    let top = all_at(5, Perspective::It);
    assert!(targets(bank, &top, &score(bank, &top))
        .iter()
        .all(|t| t.unwrap().level == 5));
    let empty = Assessment::new(bank, "e".into(), 0.0);
    assert!(targets(bank, &empty, &score(bank, &empty))
        .iter()
        .all(Option::is_none));
}

#[test]
fn targets_and_marks_merge_per_field_the_later_write_winning_and_a_clear_too() {
    let bank = builtin();
    let mut a = Assessment::new(bank, "m".into(), 0.0);
    let mut b = a.clone();
    set_target(&mut a, "value", Some(4), 10);
    set_target(&mut b, "value", Some(2), 20);
    set_target(&mut a, "it-roles", Some(3), 30);
    apply_at(
        &mut a,
        &Action::MarkDone {
            step: step_key("sd-01", 2),
            done: true,
        },
        Stamp(40, 1),
    );
    let mut ab = a.clone();
    merge(&mut ab, &b);
    let mut ba = b.clone();
    merge(&mut ba, &a);
    assert_eq!(ab, ba, "commutative");
    assert_eq!(ab.targets.get("value"), Some(&2), "the later target wins");
    assert_eq!(ab.targets.get("it-roles"), Some(&3));
    assert_eq!(ab.done.get("sd-01@2"), Some(&true));
    // A later clear (back to the proposal, not done again) beats the earlier value.
    let mut c = ab.clone();
    set_target(&mut c, "it-roles", None, 50);
    apply_at(
        &mut c,
        &Action::MarkDone {
            step: step_key("sd-01", 2),
            done: false,
        },
        Stamp(60, 2),
    );
    merge(&mut ab, &c);
    assert_eq!(ab.targets.get("it-roles"), None);
    assert_eq!(ab.done.get("sd-01@2"), None);
    // Marking a step is not an edit of the assessment; a target is.
    let before = ab.updated;
    apply_at(
        &mut ab,
        &Action::MarkDone {
            step: step_key("sd-02", 1),
            done: true,
        },
        Stamp(70, 2),
    );
    assert_eq!(ab.updated, before);
    set_target(&mut ab, "value", Some(3), 80);
    assert_eq!(ab.updated, 80.0);
}

/// Checks the module's rules on one roadmap, and returns what doing every step gives.
fn check(a: &Assessment, r: &Roadmap) {
    let bank = builtin();
    let sound = bank.model.scoring.basics_sound;
    let mut keys = Vec::new();
    let mut done = a.clone();
    let mut before = r.start.clone();
    let mut basics_before = score(bank, a).basics.tenths;
    for (i, p) in r.phases.iter().enumerate() {
        assert!(!p.steps.is_empty(), "phase {} has steps", i + 1);
        for s in &p.steps {
            assert!(!keys.contains(&s.key), "{} twice", s.key);
            keys.push(s.key.clone());
            let q = bank.question(&s.step.question).unwrap().1;
            assert_eq!(
                done.answers.get(&q.id),
                Some(&Answer::Level(s.step.level)),
                "{} lifts the answer it stands at",
                s.key
            );
            let held = q.answers[usize::from(s.step.level) - 1].after_basics;
            // Basics without a score hold nothing back, as in the advice.
            assert!(
                !held || basics_before.is_none_or(|t| t >= u16::from(sound) * 10),
                "{} presumes trust, but the basics were at {basics_before:?} before phase {}",
                s.key,
                i + 1
            );
        }
        for s in &p.steps {
            done.answers
                .insert(s.step.question.clone(), Answer::Level(s.step.level + 1));
        }
        // The projection is the scoring of the answers raised.
        let scored = score(bank, &done);
        for (proj, d) in p.projection.iter().zip(&scored.dimensions) {
            assert_eq!(proj.tenths, d.tally.tenths, "{}", proj.dimension);
        }
        for (now, was) in p.projection.iter().zip(&before) {
            assert!(now.tenths >= was.tenths, "{} fell", now.dimension);
        }
        assert!(p.months > 0 && (i == 0 || p.months > r.phases[i - 1].months));
        // The first 90 days hold only what stops the bleeding and the quick steps; the other
        // phases come by half-year.
        if p.months == 3 {
            assert_eq!(i, 0);
            assert!(p
                .steps
                .iter()
                .all(|s| s.step.bleeding.is_some() || s.step.quick));
        } else {
            assert_eq!(p.months % 6, 0);
        }
        before = p.projection.clone();
        basics_before = p.basics_tenths;
    }
    // Every target of a dimension with a score is reached.
    for end in r.end() {
        assert!(
            end.level.is_none() || end.reached(),
            "{} ends at {:?} below its target {:?}",
            end.dimension,
            end.level,
            end.target
        );
    }
}

#[test]
fn an_assessment_at_level_one_gets_its_bleeding_stopped_first_then_climbs_by_phases() {
    let bank = builtin();
    let mut a = all_at(1, Perspective::It);
    for d in &bank.dimensions {
        set_target(&mut a, &d.id, Some(4), 5);
    }
    let r = roadmap(bank, &a);
    check(&a, &r);
    let first = &r.phases[0];
    assert_eq!(first.months, 3);
    assert!(first.steps.iter().any(|s| s.step.bleeding.is_some()));
    assert!(first
        .steps
        .iter()
        .all(|s| s.step.bleeding.is_some() || s.step.quick));
    // Level 1 to level 4 takes at least three lifts after the first phase.
    assert!(r.phases.len() >= 4, "{} phases", r.phases.len());
    assert_eq!(r.phases[1].months, 6);
    assert_eq!(r.phases[2].months, 12);
}

#[test]
fn reached_targets_need_no_phase_and_a_dimension_without_a_score_has_no_projection() {
    let bank = builtin();
    let mut a = all_at(3, Perspective::Business);
    for d in &bank.dimensions {
        set_target(&mut a, &d.id, Some(3), 5);
    }
    // Without quick steps in the answers, nothing is planned at all.
    let r = roadmap(bank, &a);
    check(&a, &r);
    assert!(r.phases.iter().skip(1).all(|p| p.steps.is_empty()));
    assert!(r.phases.len() <= 1);
    // One dimension left unanswered: a target but no score, so no projection.
    let first = &bank.dimensions[0];
    for q in bank.asked(first, a.perspective) {
        a.answers.remove(&q.id);
    }
    let r = roadmap(bank, &a);
    assert_eq!(r.start[0].tenths, None);
    assert_eq!(r.start[0].target, Some(3));
    assert!(r.end()[0].level.is_none());
}

fn any_assessment() -> impl Strategy<Value = Assessment> {
    let bank = builtin();
    let ids: Vec<String> = bank
        .dimensions
        .iter()
        .flat_map(|d| bank.active(d).map(|q| q.id.clone()))
        .collect();
    let dims = bank.dimensions.len();
    (
        prop::collection::vec(any_answer(), ids.len()),
        prop::collection::vec(prop::option::of(1u8..=5), dims),
        any::<bool>(),
    )
        .prop_map(move |(answers, targets, business)| {
            let bank = builtin();
            let mut a = Assessment::new(bank, "p".into(), 0.0);
            if business {
                a.perspective = Perspective::Business;
            }
            for (id, ans) in ids.iter().zip(answers) {
                if let Some(ans) = ans {
                    a.answers.insert(id.clone(), ans);
                }
            }
            for (d, t) in bank.dimensions.iter().zip(targets) {
                if let Some(t) = t {
                    a.targets.insert(d.id.clone(), t);
                }
            }
            a
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_roadmap_follows_the_rules_and_doing_its_steps_reaches_every_target(a in any_assessment()) {
        let r = roadmap(builtin(), &a);
        check(&a, &r);
    }
}

#[test]
fn the_section_names_targets_phases_steps_and_who_acts_and_the_csv_holds_every_step() {
    use bita::model::plan_page::{plan_page, roadmap_csv};
    let bank = builtin();
    let mut a = all_at(2, Perspective::It);
    set_target(&mut a, "value", Some(4), 5);
    let first_value = bank
        .asked(&bank.dimensions[1], a.perspective)
        .next()
        .unwrap()
        .id
        .clone();
    apply_at(
        &mut a,
        &Action::MarkDone {
            step: step_key(&first_value, 2),
            done: true,
        },
        Stamp(6, 1),
    );
    let p = plan_page(bank, &a);
    assert_eq!(p.title, "Targets and roadmap");
    let value = p.targets.iter().find(|t| t.dimension == "value").unwrap();
    assert_eq!(value.label, "Target for Value");
    assert_eq!((value.level, value.proposed), (Some(4), false));
    assert!(
        value.today.starts_with("today 2.0, level 2"),
        "{}",
        value.today
    );
    let other = p.targets.iter().find(|t| t.dimension != "value").unwrap();
    assert_eq!((other.level, other.proposed), (Some(3), true));
    let r = roadmap(bank, &a);
    assert_eq!(p.phases.len(), r.phases.len());
    let titles: Vec<&str> = p.phases.iter().map(|ph| ph.title.as_str()).collect();
    if r.phases[0].months == 3 {
        assert_eq!(titles[0], "Phase 1: the first 90 days");
        assert_eq!(titles[1], "Phase 2: by month 6");
    } else {
        assert_eq!(titles[0], "Phase 1: by month 6");
    }
    let steps: Vec<_> = p.phases.iter().flat_map(|ph| &ph.steps).collect();
    assert!(steps
        .iter()
        .all(|s| !s.line.text.is_empty() && !s.line.who.is_empty()));
    assert!(
        steps.iter().all(|s| s.of.contains(", from level ")),
        "{}",
        steps[0].of
    );
    let marked: Vec<_> = steps.iter().filter(|s| s.done).collect();
    assert_eq!(marked.len(), 1);
    assert_eq!(marked[0].key, step_key(&first_value, 2));
    // Each phase's table: a row per dimension, with its target and whether it is reached.
    let last = &p.phases.last().unwrap().after;
    assert_eq!(last.rows.len(), bank.dimensions.len());
    let (_, value_row) = last.rows.iter().find(|(n, _)| n == "Value").unwrap();
    assert_eq!(value_row[2], "4");
    assert_eq!(value_row[3], "yes");
    // The chart: today, the targets and the phases, named in the legend and the table alike.
    assert_eq!(p.chart.legend[0].0, "Today");
    assert_eq!(p.chart.legend[1].0, "Target");
    assert_eq!(p.chart.legend[2].0, "After phase 1");
    let head: Vec<&str> = p
        .chart
        .table
        .head
        .iter()
        .skip(1)
        .map(String::as_str)
        .collect();
    let legend: Vec<&str> = p.chart.legend.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(head, legend);
    let (_, cells) = p
        .chart
        .table
        .rows
        .iter()
        .find(|(n, _)| n == "Value")
        .unwrap();
    assert_eq!((cells[0].as_str(), cells[1].as_str()), ("2.0", "4.0"));
    // The CSV: a header and a row per step, the marked one saying so.
    let csv = roadmap_csv(bank, &a);
    assert!(csv.starts_with("\u{feff}phase,step,who acts,question,done\r\n"));
    assert_eq!(csv.lines().count(), 1 + steps.len());
    assert_eq!(csv.matches(",yes\r\n").count(), 1);
    // Every target reached: nothing planned, and it says so.
    let mut top = all_at(5, Perspective::It);
    top.targets.clear();
    let p = plan_page(bank, &top);
    assert!(p.phases.is_empty());
    assert_eq!(
        p.notes,
        vec!["Every target is reached already: raise a target to plan further."]
    );
}

#[test]
fn targets_and_steps_done_go_out_in_an_export_and_come_back_in_its_import() {
    let bank = builtin();
    let mut a = all_at(2, Perspective::It);
    a.id = "exported1".into();
    set_target(&mut a, "value", Some(4), 10);
    set_target(&mut a, "it-roles", Some(3), 11);
    apply_at(
        &mut a,
        &Action::MarkDone {
            step: step_key("sd-01", 3),
            done: true,
        },
        Stamp(12, 1),
    );
    let text = bita::model::exchange::export_json(&[&a]);
    let back = bita::model::exchange::import(bank, &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].targets, a.targets);
    assert_eq!(back[0].done, a.done);
    // A target of a dimension this model does not have is left out on the way in.
    assert!(text.contains("\"it-roles\""), "{text}");
    let foreign = text.replace("\"it-roles\"", "\"no-such-dimension\"");
    let back = bita::model::exchange::import(bank, &foreign).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back[0].targets.get("value"), Some(&4));
    assert!(back[0].targets.get("no-such-dimension").is_none());
}
