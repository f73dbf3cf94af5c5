//! Comparison, the alignment gap, the team median and the trend, on hand-made assessments.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use bita::model::compare::{alignment, compare, gap, signed, trend};
use bita::model::compare_inputs::read_links;
use bita::model::team::{team, team_alignment};
use bita::model::{builtin, Answer, Assessment, Perspective};
use common::{answers, any_answer, tiny};
use proptest::prelude::*;

fn side(mut a: Assessment, p: Perspective, name: &str) -> Assessment {
    a.perspective = p;
    a.name = name.into();
    a
}

#[test]
fn an_it_and_a_business_assessment_give_the_gap_worked_out_by_hand() {
    let bank = tiny();
    let it = side(
        answers(&bank, "q1=4 q2=4 q3=4 q4=3 q5=dk"),
        Perspective::It,
        "IT",
    );
    let biz = side(
        answers(&bank, "q1=1 q2=3 q3=4 q4=5 q5=2"),
        Perspective::Business,
        "Sales",
    );
    // a: IT (4 + 8 + 12) / 6 = 4.0; business (1 + 6 + 12) / 6 = 3.17 -> 3.2. b: IT 3.0, business 3.5.
    // Overall: IT (4.0 + 3.0) / 2 = 3.5; business (3.2 + 3.5) / 2 = 3.35 -> 3.4.
    let c = compare(&bank, &[&it, &biz]);
    assert_eq!(c.dimensions[0].scores, [Some(40), Some(32)]);
    assert_eq!(c.dimensions[1].scores, [Some(30), Some(35)]);
    assert_eq!(c.overall, [Some(35), Some(34)]);
    let al = alignment(&bank, &biz, &it).expect("one side each");
    let g = &al.gap;
    assert_eq!(
        g.dimensions,
        [("A".to_string(), Some(-8)), ("B".to_string(), Some(5))]
    );
    assert_eq!(g.roles, [("R".to_string(), Some(-10))]);
    assert_eq!(g.overall, Some(-1));
    assert_eq!(al.more_optimistic, Some(Perspective::It));
    let order: Vec<(&str, i8)> = g
        .disagreements
        .iter()
        .map(|d| (d.question.as_str(), d.difference()))
        .collect();
    assert_eq!(order, [("q1", -3), ("q4", 2), ("q2", -1)]);
    assert_eq!(al.items.len(), 3);
    assert_eq!(
        al.items[0],
        [
            "Question q1?".to_string(),
            "IT: level 4, “q1 statement 4”".to_string(),
            "The business: level 1, “q1 statement 1”".to_string()
        ]
    );
    assert_eq!(signed(-8), "-0.8");
    assert_eq!(signed(5), "+0.5");
    // Two assessments of the same side are compared, but that is no alignment gap.
    assert!(alignment(&bank, &it, &it).is_none());
}

/// The shipped bank with dt-10 asked of IT only (version 3 asks every question of both sides;
/// version 2 asked dt-10 of IT alone, and the rule for one-sided questions stays).
fn one_sided_bank() -> bita::model::Bank {
    let mut bank = builtin().clone();
    for q in bank
        .dimensions
        .iter_mut()
        .flat_map(|d| d.questions.iter_mut())
    {
        if q.id == "dt-10" {
            q.audience = Some(bita::model::bank::Audience::It);
        }
    }
    bank
}

#[test]
fn questions_for_one_side_only_stay_out_of_the_gap() {
    let bank = &one_sided_bank();
    let only: Vec<String> = bank
        .order(bank.version())
        .iter()
        .filter(|q| q.audience.is_some())
        .map(|q| q.id.clone())
        .collect();
    assert!(!only.is_empty());
    let mut it = Assessment::new(bank, "i".into(), 0.0);
    let mut biz = Assessment::new(bank, "b".into(), 0.0);
    biz.perspective = Perspective::Business;
    for q in bank.order(bank.version()) {
        it.answers.insert(q.id.clone(), Answer::Level(3));
        biz.answers.insert(q.id.clone(), Answer::Level(3));
    }
    // IT alone answers its own question at 1: no effect on the gap.
    it.answers.insert(only[0].clone(), Answer::Level(1));
    let g = gap(bank, &it, &biz);
    assert!(
        g.dimensions.iter().all(|(_, d)| *d == Some(0)),
        "{:?}",
        g.dimensions
    );
    assert!(g.disagreements.is_empty());
    assert_eq!(g.one_sided, only);
}

#[test]
fn the_team_median_takes_the_lower_middle_and_pools_dont_know_as_documented() {
    let bank = tiny();
    let people = [
        answers(&bank, "q1=1 q2=3 q3=dk q4=na"),
        answers(&bank, "q1=2 q2=dk q3=dk q4=na"),
        answers(&bank, "q1=4 q2=na q3=na"),
        answers(&bank, "q1=5 q2=3"),
    ];
    let refs: Vec<&Assessment> = people.iter().collect();
    let t = team(&bank, &refs, "Team");
    let q = |id: &str| t.questions.iter().find(|x| x.question == id).unwrap();
    assert_eq!(
        q("q1").median,
        Some(Answer::Level(2)),
        "1, 2, 4, 5: the lower middle"
    );
    assert_eq!(q("q1").spread, 4);
    assert!(q("q1").flagged());
    assert_eq!(q("q2").median, Some(Answer::Level(3)));
    assert_eq!(
        (q("q2").spread, q("q2").dont_know, q("q2").not_applicable),
        (0, 1, 1)
    );
    assert!(!q("q2").flagged());
    assert_eq!(
        q("q3").median,
        Some(Answer::DontKnow),
        "no level, someone did not know"
    );
    assert_eq!(q("q4").median, Some(Answer::NotApplicable));
    assert_eq!(q("q5").median, None);
    assert_eq!(t.median.answers["q1"], Answer::Level(2));
    assert_eq!(t.size, 4);
    // Three levels: the middle one.
    let three: Vec<Assessment> = ["q1=5", "q1=1", "q1=3"]
        .iter()
        .map(|s| answers(&bank, s))
        .collect();
    let refs: Vec<&Assessment> = three.iter().collect();
    assert_eq!(
        team(&bank, &refs, "T").questions[0].median,
        Some(Answer::Level(3))
    );
}

#[test]
fn a_team_with_both_sides_has_an_alignment_gap_of_medians() {
    let bank = tiny();
    let people = [
        side(
            answers(&bank, "q1=5 q2=5 q3=5 q4=4 q5=4"),
            Perspective::It,
            "a",
        ),
        side(
            answers(&bank, "q1=4 q2=4 q3=4 q4=4 q5=4"),
            Perspective::It,
            "b",
        ),
        side(
            answers(&bank, "q1=2 q2=2 q3=2 q4=2 q5=2"),
            Perspective::Business,
            "c",
        ),
    ];
    let refs: Vec<&Assessment> = people.iter().collect();
    let al = team_alignment(&bank, &refs).unwrap();
    // IT's median: lower middle of (5, 4) is 4 everywhere; the business: 2. Gap -2.0 per dimension.
    assert_eq!(
        al.gap.dimensions,
        [("A".to_string(), Some(-20)), ("B".to_string(), Some(-20))]
    );
    assert_eq!(al.more_optimistic, Some(Perspective::It));
    assert!(team_alignment(&bank, &refs[..2]).is_none());

    // Its median report says it pools both sides, not that it is IT's view.
    let (_, median, pooled) = bita::model::team_trend_page::team_page(&bank, &refs);
    assert!(pooled);
    assert_eq!(median.name, "Team of 3, IT and the business");
    let report = bita::model::report::ReportModel::from(&bank, &median);
    assert_eq!(report.headline.perspective, "IT's view");
    assert_eq!(
        report.pooled().headline.perspective,
        "IT's and the business's answers pooled"
    );
}

#[test]
fn the_trend_orders_by_date_and_shows_the_change_and_model_changes() {
    let bank = tiny();
    let mut first = answers(&bank, "q1=2 q2=2 q3=2 q4=2 q5=2");
    first.updated = 1_000.0 * 86_400_000.0;
    first.model_version = 1;
    let mut second = answers(&bank, "q1=3 q2=3 q3=3 q4=2 q5=2");
    second.updated = 1_100.0 * 86_400_000.0;
    second.model_version = 2;
    let (names, steps) = trend(&bank, &[&second, &first]);
    assert_eq!(names, ["A", "B"]);
    assert_eq!(steps[0].change, [None, None]);
    assert_eq!(steps[1].scores, [Some(30), Some(20)]);
    assert_eq!(steps[1].change, [Some(10), Some(0)]);
    assert!(!steps[0].model_changed && steps[1].model_changed);
    assert!(steps[0].day < steps[1].day);
}

fn assessment(list: &[Option<Answer>], p: Perspective) -> Assessment {
    let bank = builtin();
    let mut a = Assessment::new(bank, "x".into(), 0.0);
    a.perspective = p;
    for (q, ans) in bank.order(bank.version()).iter().zip(list) {
        if let Some(ans) = ans {
            a.answers.insert(q.id.clone(), *ans);
        }
    }
    a
}

proptest! {
    #[test]
    fn an_assessment_against_itself_has_no_gap(list in proptest::collection::vec(any_answer(), builtin().order(builtin().version()).len())) {
        let a = assessment(&list, Perspective::It);
        let g = gap(builtin(), &a, &a);
        prop_assert!(g.dimensions.iter().chain(&g.roles).all(|(_, d)| d.is_none_or(|d| d == 0)));
        prop_assert!(g.overall.is_none_or(|d| d == 0));
        prop_assert!(g.disagreements.is_empty());
    }

    #[test]
    fn the_gap_is_antisymmetric(
        x in proptest::collection::vec(any_answer(), builtin().order(builtin().version()).len()),
        y in proptest::collection::vec(any_answer(), builtin().order(builtin().version()).len()),
    ) {
        let (a, b) = (assessment(&x, Perspective::It), assessment(&y, Perspective::Business));
        let (ab, ba) = (gap(builtin(), &a, &b), gap(builtin(), &b, &a));
        let neg = |v: &[(String, Option<i16>)]| v.iter().map(|(n, d)| (n.clone(), d.map(|d| -d))).collect::<Vec<_>>();
        prop_assert_eq!(&ab.dimensions, &neg(&ba.dimensions));
        prop_assert_eq!(&ab.roles, &neg(&ba.roles));
        prop_assert_eq!(ab.overall, ba.overall.map(|d| -d));
        prop_assert_eq!(ab.disagreements.len(), ba.disagreements.len());
    }
}

#[test]
fn columns_are_named_by_name_and_side_and_numbered_when_they_read_the_same() {
    let bank = tiny();
    let a = side(answers(&bank, "q1=1"), Perspective::It, "");
    let b = side(answers(&bank, "q1=2"), Perspective::It, "");
    let c = side(answers(&bank, "q1=3"), Perspective::Business, "Sales");
    assert_eq!(
        compare(&bank, &[&a, &b, &c]).names,
        [
            "Untitled assessment (IT) 1",
            "Untitled assessment (IT) 2",
            "Sales (business)"
        ]
    );
}

#[test]
fn pasted_links_are_read_line_by_line_and_each_bad_line_is_named() {
    let bank = builtin();
    let mut a = Assessment::new(bank, "x".into(), 0.0);
    a.perspective = Perspective::Business;
    a.answers.insert("sd-01".into(), Answer::Level(4));
    let payload = bita::model::share::encode(bank, &a, false).payload;
    let text = format!(
        "https://example.org/team/bita/#/s/{payload}\n\n  {payload}  \nhttps://example.org/#/s/{}\nnot a link at all",
        &payload[..payload.len() - 3]
    );
    let (found, problems) = read_links(bank, &text, &[]);
    assert_eq!(found.len(), 1, "the same link twice is one respondent");
    for f in &found {
        assert_eq!(f.perspective, Perspective::Business);
        assert_eq!(f.answers.get("sd-01"), Some(&Answer::Level(4)));
    }
    assert_eq!(problems.len(), 3, "{problems:?}");
    assert_eq!(
        problems[0],
        "Line 3: this assessment is in the lists above already."
    );
    assert!(problems[1].starts_with("Line 4: "), "{problems:?}");
    assert!(problems[2].starts_with("Line 5: "), "{problems:?}");
    // Already added earlier: named, not added again.
    let (again, problems) = read_links(bank, &payload, &found);
    assert!(again.is_empty());
    assert_eq!(
        problems,
        ["Line 1: this assessment is in the lists above already."]
    );
}

#[test]
fn the_page_for_an_it_and_a_business_assessment_shows_the_gap_worked_out_by_hand() {
    let bank = tiny();
    let it = side(
        answers(&bank, "q1=4 q2=4 q3=4 q4=3 q5=dk"),
        Perspective::It,
        "IT",
    );
    let biz = side(
        answers(&bank, "q1=1 q2=3 q3=4 q4=5 q5=2"),
        Perspective::Business,
        "Sales",
    );
    // Picked business first: the page still puts IT first, so every difference has the gap's sign.
    let text = bita::model::blocks::text(&bita::model::compare_page::side_by_side(
        &bank,
        &[&biz, &it],
    ));
    for line in [
        "The alignment gap",
        "Dimension | IT | The business | Gap",
        "A | 4.0 | 3.2 | -0.8",
        "B | 3.0 | 3.5 | +0.5",
        "Overall | 3.5 | 3.4 | -0.1",
        "R | 4.0 | 3.0 | -1.0",
        // What a one-page print keeps: the dimensions apart most, largest first.
        "The largest gaps",
        "A: IT sees it 0.8 higher than the business",
        "B: the business sees it 0.5 higher than IT",
        "Side by side",
        // Side by side: the scores alone, under the gap (no second difference to confuse).
        "Dimension | IT (IT) | Sales (business)",
        "A | 4.0 | 3.2",
        // Every table says what it counts.
        "Alignment gap per dimension, over the 5 questions both sides are asked",
        "Score per dimension (1 to 5), each over every question its side is asked",
        // The three largest disagreements as short items: the question, each side's answer.
        "The biggest differences",
        "Question q1? IT: level 4, “q1 statement 4” The business: level 1, “q1 statement 1”",
    ] {
        assert!(
            text.lines().any(|l| l == line),
            "missing line {line:?} in:\n{text}"
        );
    }
    assert!(text
        .contains("\nIT is more optimistic overall. Each gap is the business's score minus IT's"));
    // Only three disagree: side by side does not list them again.
    assert!(!text.contains("disagree"), "{text}");
}

#[test]
fn the_team_page_lists_median_spread_and_flags_per_question() {
    let bank = tiny();
    let people = [
        answers(&bank, "q1=1 q2=3 q3=dk q4=na"),
        answers(&bank, "q1=2 q2=dk q3=dk q4=na"),
        answers(&bank, "q1=4 q2=na q3=na"),
        answers(&bank, "q1=5 q2=3"),
    ];
    let refs: Vec<&Assessment> = people.iter().collect();
    let (blocks, median, pooled) = bita::model::team_trend_page::team_page(&bank, &refs);
    assert!(!pooled, "one side only");
    assert_eq!(median.name, "Team of 4");
    let text = bita::model::blocks::text(&blocks);
    for line in [
        "The team's answers (4 respondents)",
        "1 question is far apart.",
        "Question q1? | Level 2 | 4 levels | 4 gave a level, 0 don't know, 0 not applicable | Far apart",
        "Question q2? | Level 3 | 0 levels | 2 gave a level, 1 don't know, 1 not applicable | ",
        // The bank's own labels of the two extra answers (the tiny bank's are "DK" and "NA").
        "Question q3? | DK | 0 levels | 0 gave a level, 2 don't know, 1 not applicable | ",
        "Question q5? | No answers | 0 levels | 0 gave a level, 0 don't know, 0 not applicable | ",
    ] {
        assert!(text.lines().any(|l| l == line), "missing {line:?} in:\n{text}");
    }
    assert!(text.contains("the lower of the two middle ones"));
    assert_eq!(median.answers["q1"], Answer::Level(2));
}

/// One team's IT assessments a quarter apart: the first at 2 everywhere, the second a level up
/// on the first dimension.
fn two_quarters(bank: &bita::model::Bank) -> (Assessment, Assessment) {
    let mut first = side(
        answers(bank, "q1=2 q2=2 q3=2 q4=2 q5=2"),
        Perspective::It,
        "Q1",
    );
    first.updated = 1_000.0 * 86_400_000.0;
    let mut second = side(
        answers(bank, "q1=3 q2=3 q3=3 q4=2 q5=2"),
        Perspective::It,
        "Q2",
    );
    second.updated = 1_100.0 * 86_400_000.0;
    (first, second)
}

#[test]
fn the_trend_page_says_the_change_and_when_the_questions_changed() {
    let bank = tiny();
    let (mut first, mut second) = two_quarters(&bank);
    first.model_version = 1;
    second.model_version = 2;
    let text = bita::model::blocks::text(&bita::model::team_trend_page::trend_page(
        &bank,
        &[&second, &first],
    ));
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| *l == "Assessment | A | B")
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        lines[at + 1].starts_with("Q1 (IT), 1972-09-27 | 2.0 | 2.0"),
        "{text}"
    );
    assert!(
        lines[at + 2].starts_with(
            "Q2 (IT), 1973-01-05 | 3.0 (+1.0 since the one before) | 2.0 (0.0 since the one before)"
        ),
        "{text}"
    );
    assert!(text
        .contains("The questions changed between Q1 (IT) (1972-09-27) and Q2 (IT) (1973-01-05)"));
}

#[test]
fn two_respondents_of_one_side_are_compared_on_that_side_s_own_questions_too() {
    let bank = &one_sided_bank();
    let only_it = bank
        .order(bank.version())
        .into_iter()
        .find(|q| q.audience.is_some())
        .expect("a question for one side");
    let mut a = Assessment::new(bank, "a".into(), 0.0);
    a.name = "Ops".into();
    let mut b = a.clone();
    b.name = "Dev".into();
    a.answers.insert(only_it.id.clone(), Answer::Level(1));
    b.answers.insert(only_it.id.clone(), Answer::Level(4));
    let text = bita::model::blocks::text(&bita::model::compare_page::side_by_side(bank, &[&a, &b]));
    assert!(
        text.contains(&format!("{} Ops (IT): level 1", only_it.text)),
        "{text}"
    );
    assert!(
        text.contains("Difference (Dev (IT) minus Ops (IT))"),
        "{text}"
    );
    // Across the sides the same question is left out of the gap and of the disagreements.
    b.perspective = Perspective::Business;
    let g = gap(bank, &a, &b);
    assert!(g.disagreements.is_empty());
    assert!(g.one_sided.contains(&only_it.id));
}

#[test]
fn the_same_respondent_is_recognised_across_saved_copies_links_and_files() {
    let bank = builtin();
    let mut saved = Assessment::new(bank, "s1".into(), 1_764_115_200_000.0 + 3_600_000.0);
    saved.name = "Acme".into();
    saved.answers.insert("sd-01".into(), Answer::Level(3));
    // Its link: no id, the day only.
    let link = bita::model::share::decode(
        bank,
        &bita::model::share::encode(bank, &saved, false).payload,
    )
    .unwrap()
    .assessment;
    assert!(bita::model::compare_inputs::same(&saved, &link));
    let mut other = link.clone();
    other.answers.insert("sd-02".into(), Answer::Level(1));
    assert!(!bita::model::compare_inputs::same(&saved, &other));
    let (kept, repeated) = bita::model::compare_inputs::new_ones(
        vec![link.clone(), other.clone(), other.clone()],
        &[saved],
    );
    assert_eq!((kept, repeated), (vec![other], 2));
}

fn named(id: &str, name: &str, level: u8) -> Assessment {
    let mut a = Assessment::new(builtin(), id.into(), 1_764_115_200_000.0);
    a.name = name.into();
    a.answers.insert("sd-01".into(), Answer::Level(level));
    a
}

#[test]
fn the_comparison_s_picks_add_once_name_the_anonymous_and_keep_the_order() {
    use bita::model::compare_picks::Picks;
    let saved = vec![named("s1", "Acme IT", 3), named("s2", "Acme business", 2)];
    let mut p = Picks::default();
    p.pick_saved("s2", true);
    p.pick_saved("s1", true);
    p.pick_saved("s2", false);
    p.pick_saved("s2", true);
    let (from_link, anonymous) = (named("", "Link", 4), named("", "", 5));
    let said = p.add(
        vec![from_link.clone(), saved[0].clone(), anonymous.clone()],
        &saved,
        vec!["line 3: damaged".into()],
    );
    assert_eq!(
        said,
        [
            "Added 2 assessments.",
            "line 3: damaged",
            "1 of them is in the lists above already and was not added again."
        ]
    );
    let names = |l: Vec<Assessment>| l.into_iter().map(|a| a.name).collect::<Vec<_>>();
    // Saved ones in the browser's order, then those added in the order added.
    assert_eq!(
        names(p.chosen(&saved)),
        ["Acme IT", "Acme business", "Link", "Respondent 2"]
    );
    // Adding the same again adds nothing.
    assert_eq!(
        p.add(vec![from_link, anonymous], &saved, Vec::new()).len(),
        1
    );
    p.pick_added(0, false);
    p.pick_added(7, true);
    assert_eq!(
        names(p.chosen(&saved)),
        ["Acme IT", "Acme business", "Respondent 2"]
    );
    assert!(!p.is_added_picked(0) && p.is_added_picked(1) && !p.is_added_picked(7));
    p.clear_added();
    assert_eq!(p.added().count(), 0);
    assert_eq!(names(p.chosen(&saved)), ["Acme IT", "Acme business"]);
}

#[test]
fn a_shared_report_is_paired_with_one_saved_assessment_and_picked_again_not_repeated() {
    use bita::model::compare_picks::Picks;
    let bank = builtin();
    let mine = named("s1", "Acme business", 2);
    let theirs = named("s9", "Acme IT", 4);
    let link = |a: &Assessment| {
        bita::model::share::decode(bank, &bita::model::share::encode(bank, a, false).payload)
            .unwrap()
            .assessment
    };
    let mut saved = vec![mine.clone()];
    let mut p = Picks::default();
    p.pick_saved("s1", true);
    p.add(vec![named("", "Other", 1)], &saved, Vec::new());
    p.pair("s1");
    assert_eq!(
        p.take_shared(link(&theirs), &saved),
        ["Added 1 assessment."]
    );
    let chosen = p.chosen(&saved);
    assert_eq!(
        chosen.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(),
        ["Acme business", "Acme IT"]
    );
    // The same link again: the one added is picked again, nothing new.
    p.pair("s1");
    assert!(p.take_shared(link(&theirs), &saved).is_empty());
    assert_eq!(p.chosen(&saved).len(), 2);
    assert_eq!(p.added().count(), 2);
    // Once saved here as a copy, the copy is picked rather than the link added.
    let mut p = Picks::default();
    saved.push(theirs.clone());
    p.pair("s1");
    assert!(p.take_shared(link(&theirs), &saved).is_empty());
    assert_eq!(
        p.chosen(&saved)
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        ["s1", "s9"]
    );
    assert_eq!(p.added().count(), 0);
}

#[test]
fn the_alignment_gap_lists_the_dimensions_whose_targets_differ() {
    use bita::model::blocks::text;
    use bita::model::compare_page::side_by_side;
    let bank = tiny();
    let mut it = side(
        answers(&bank, "q1=2 q2=2 q3=2 q4=2 q5=2"),
        Perspective::It,
        "IT",
    );
    let mut biz = side(
        answers(&bank, "q1=2 q2=2 q3=2 q4=2 q5=2"),
        Perspective::Business,
        "Sales",
    );
    // Same targets: nothing listed.
    it.targets.insert("a".into(), 4);
    biz.targets.insert("a".into(), 4);
    assert!(alignment(&bank, &it, &biz).unwrap().targets.is_empty());
    biz.targets.insert("a".into(), 3);
    biz.targets.insert("b".into(), 2);
    let al = alignment(&bank, &biz, &it).unwrap();
    let names: Vec<&str> = bank.dimensions.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(
        al.targets,
        vec![
            (names[0].to_string(), Some(4), Some(3)),
            (names[1].to_string(), None, Some(2)),
        ],
        "IT's first, whichever order they come in"
    );
    let page = text(&side_by_side(&bank, &[&it, &biz]));
    assert!(page.contains("Targets that differ"), "{page}");
    assert!(
        page.contains(&format!(
            "{}: level 4 for IT, level 3 for the business",
            names[0]
        )),
        "{page}"
    );
    assert!(
        page.contains(&format!(
            "{}: none set for IT, level 2 for the business",
            names[1]
        )),
        "{page}"
    );
}

#[test]
fn the_trend_shows_how_far_each_dimension_moved_toward_the_latest_targets() {
    let bank = tiny();
    let (mut first, mut second) = two_quarters(&bank);
    let page = |list: &[&Assessment]| {
        bita::model::blocks::text(&bita::model::team_trend_page::trend_page(&bank, list))
    };
    let text = page(&[&second, &first]);
    assert!(
        text.contains("Set targets on the latest assessment's report to follow the progress toward them here."),
        "{text}"
    );
    // The earlier assessment's targets do not count: the latest one's do.
    first.targets.insert("b".into(), 5);
    second.targets.insert("a".into(), 4);
    second.targets.insert("b".into(), 2);
    let text = page(&[&second, &first]);
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| *l == "Progress toward the latest assessment's targets")
        .unwrap_or_else(|| panic!("{text}"));
    assert_eq!(
        lines[at + 1],
        "Dimension | Target | First score | Latest score | Moved | Still to go"
    );
    assert_eq!(lines[at + 2], "A | 4 | 2.0 | 3.0 | +1.0 | 1.0");
    assert_eq!(lines[at + 3], "B | 2 | 2.0 | 2.0 | 0.0 | reached");
}

#[test]
fn the_largest_gaps_are_the_three_dimensions_apart_most_ties_in_the_model_s_order() {
    let gaps: Vec<(String, Option<i16>)> = [
        ("A", Some(3)),
        ("B", None),
        ("C", Some(-12)),
        ("D", Some(0)),
        ("E", Some(7)),
        ("F", Some(-7)),
    ]
    .map(|(n, d)| (n.to_string(), d))
    .to_vec();
    assert_eq!(
        bita::model::alignment_page::largest_gaps(&gaps, &bita::model::alignment_page::sides(true)),
        [
            "C: IT's median sees it 1.2 higher than the business's median",
            "E: the business's median sees it 0.7 higher than IT's median",
            "F: IT's median sees it 0.7 higher than the business's median",
        ]
    );
    // No gap anywhere: nothing to list.
    let level: Vec<(String, Option<i16>)> = vec![("A".into(), Some(0)), ("B".into(), None)];
    assert!(bita::model::alignment_page::largest_gaps(
        &level,
        &bita::model::alignment_page::sides(false)
    )
    .is_empty());
}
