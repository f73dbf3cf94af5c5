//! The comparison's two other views as blocks: a team's pooled answers and the trend over time.

use super::blocks::Block;
use super::compare::{diff, signed, trend};
use super::compare_page::{alignment_section, plural, score_text, strings, table};
use super::scoring::tenths_text;
use super::team::{team, team_alignment};
use super::{Answer, Assessment, Bank};

fn answer_text(a: Option<Answer>) -> String {
    match a {
        Some(Answer::Level(l)) => format!("Level {l}"),
        Some(Answer::DontKnow) => "Don't know".into(),
        Some(Answer::NotApplicable) => "Not applicable".into(),
        None => "No answers".into(),
    }
}

/// Whether the assessments come from both sides, IT and the business.
fn both_sides(list: &[&Assessment]) -> bool {
    list.iter().any(|a| a.perspective != list[0].perspective)
}

/// The team's median per question with its spread and flags, and its alignment gap when it holds
/// both sides; with the median assessment, whose report the page shows under these blocks, and
/// whether it pools both sides (its report then says so: see `ReportModel::pooled`).
pub fn team_page(bank: &Bank, list: &[&Assessment]) -> (Vec<Block>, Assessment, bool) {
    let pooled = both_sides(list);
    // The name says it too, so a saved copy of a pooled median keeps it.
    let name = if pooled {
        format!("Team of {}, IT and the business", list.len())
    } else {
        format!("Team of {}", list.len())
    };
    let t = team(bank, list, &name);
    let flagged = t.questions.iter().filter(|q| q.flagged()).count();
    let rows = t
        .questions
        .iter()
        .filter_map(|q| {
            let (_, question) = bank.question(&q.question)?;
            let cells = vec![
                answer_text(q.median),
                plural(usize::from(q.spread), "level", "levels"),
                format!(
                    "{} gave a level, {} don't know, {} not applicable",
                    q.levels, q.dont_know, q.not_applicable
                ),
                if q.flagged() { "Far apart" } else { "" }.into(),
            ];
            Some((question.text.clone(), cells))
        })
        .collect();
    let mut page = Vec::new();
    if let Some(al) = team_alignment(bank, list) {
        page.push(alignment_section(
            bank,
            al,
            "IT's median",
            "The business's median",
        ));
    }
    page.push(Block::Section {
        id: "team-title",
        class: "report-section",
        title: format!("The team's answers ({} respondents)", t.size),
        body: vec![
            Block::P("", "Each question shows the team's median: the middle of the levels given, and with an even number of them the lower of the two middle ones. “Don't know” and “Not applicable” do not count toward it; where nobody gave a level, the team's answer is “Don't know” if anyone said so, otherwise “Not applicable”. Questions where respondents are two or more levels apart are marked “Far apart”.".into()),
            Block::P("summary", format!(
                "{} far apart.",
                plural(flagged, "question is", "questions are")
            )),
            table(
                "The team's answer per question",
                strings(["Question", "Median", "Spread", "Answers", "Flag"]),
                rows,
            ),
        ],
    });
    (page, t.median, pooled)
}

/// The assessments in date order, with the change per dimension since the one before.
pub fn trend_page(bank: &Bank, list: &[&Assessment]) -> Vec<Block> {
    let (names, steps) = trend(bank, list);
    let mut body = vec![Block::P(
        "",
        "In date order (the day each was last changed); each change is against the assessment before it.".into(),
    )];
    if both_sides(list) {
        body.push(Block::P(
            "notice warn",
            "These assessments come from both sides, IT and the business: part of a change may be a difference of view, not of maturity.".into(),
        ));
    }
    for pair in steps.windows(2).filter(|p| p[1].model_changed) {
        body.push(Block::P("notice warn", format!(
            "The questions changed between {} ({}) and {} ({}): part of the change may come from that.",
            pair[0].name, pair[0].day, pair[1].name, pair[1].day
        )));
    }
    let mut head = vec!["Assessment".to_string()];
    head.extend(names);
    let rows = steps
        .into_iter()
        .map(|s| {
            let cells = s
                .scores
                .iter()
                .zip(&s.change)
                .map(|(v, d)| match d {
                    Some(d) => format!("{} ({} since the one before)", score_text(*v), signed(*d)),
                    None => score_text(*v),
                })
                .collect();
            (format!("{}, {}", s.name, s.day), cells)
        })
        .collect();
    body.push(table("Score per dimension over time (1 to 5)", head, rows));
    body.push(progress(bank, list));
    vec![Block::Section {
        id: "trend-title",
        class: "report-section",
        title: "Trend".into(),
        body,
    }]
}

/// How far each dimension moved toward the target the latest assessment sets for it, from the
/// earliest score to the latest.
fn progress(bank: &Bank, list: &[&Assessment]) -> Block {
    let (_, steps) = trend(bank, list);
    let Some(latest) = list.iter().max_by(|a, b| a.updated.total_cmp(&b.updated)) else {
        return Block::P("", String::new());
    };
    let rows: Vec<(String, Vec<String>)> = bank
        .dimensions
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            let target = *latest.targets.get(&d.id)?;
            let first = steps.iter().find_map(|s| s.scores[i]);
            let last = steps.iter().rev().find_map(|s| s.scores[i]);
            let goal = u16::from(target) * 10;
            let to_go = match last {
                Some(l) if l + 5 >= goal => "reached".to_string(),
                Some(l) => tenths_text(goal - l),
                None => String::new(),
            };
            Some((
                d.name.clone(),
                vec![
                    target.to_string(),
                    score_text(first),
                    score_text(last),
                    diff(first, last).map_or(String::new(), signed),
                    to_go,
                ],
            ))
        })
        .collect();
    if rows.is_empty() {
        return Block::P(
            "meta",
            "Set targets on the latest assessment's report to follow the progress toward them here.".into(),
        );
    }
    table(
        "Progress toward the latest assessment's targets",
        strings([
            "Dimension",
            "Target",
            "First score",
            "Latest score",
            "Moved",
            "Still to go",
        ]),
        rows,
    )
}
