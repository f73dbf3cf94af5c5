//! The comparison's two other views as blocks: a team's pooled answers and the trend over time.

use super::alignment_page::{alignment_section, sides};
use super::blocks::Block;
use super::compare::{diff, signed, trend};
use super::compare_page::{score_text, strings, table};
use super::keys::comparison as k;
use super::scoring::tenths_text;
use super::team::{team, team_alignment};
use super::words::{tr, trf, trn};
use super::{Answer, Assessment, Bank};

fn answer_text(bank: &Bank, a: Option<Answer>) -> String {
    match a {
        Some(Answer::Level(l)) => trf(k::LEVEL, &[("level", &l.to_string())]),
        Some(Answer::DontKnow) => bank.model.dont_know.clone(),
        Some(Answer::NotApplicable) => bank.model.not_applicable.clone(),
        None => tr(k::NO_ANSWERS).into(),
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
    let n = list.len().to_string();
    let name = trf(if pooled { k::TEAM_BOTH } else { k::TEAM }, &[("n", &n)]);
    let t = team(bank, list, &name);
    let flagged = t.questions.iter().filter(|q| q.flagged()).count();
    let rows = t
        .questions
        .iter()
        .filter_map(|q| {
            let (_, question) = bank.question(&q.question)?;
            let cells = vec![
                answer_text(bank, q.median),
                trn(usize::from(q.spread), k::SPREAD_ONE, k::SPREAD_OTHER, &[]),
                trf(
                    k::COUNTS,
                    &[
                        ("levels", &q.levels.to_string()),
                        ("dont_know", &q.dont_know.to_string()),
                        ("not_applicable", &q.not_applicable.to_string()),
                    ],
                ),
                if q.flagged() { tr(k::FAR_APART) } else { "" }.into(),
            ];
            Some((question.text.clone(), cells))
        })
        .collect();
    let mut page = Vec::new();
    if let Some(al) = team_alignment(bank, list) {
        page.push(alignment_section(bank, al, &sides(true)));
    }
    page.push(Block::Section {
        id: "team-title",
        class: "report-section",
        title: trf(k::TEAM_TITLE, &[("n", &t.size.to_string())]),
        body: vec![
            Block::P("", tr(k::TEAM_LEAD).into()),
            Block::P(
                "summary",
                trn(flagged, k::FLAGGED_ONE, k::FLAGGED_OTHER, &[]),
            ),
            table(
                tr(k::TEAM_TABLE),
                strings([
                    tr(k::COLUMN_QUESTION),
                    tr(k::COLUMN_MEDIAN),
                    tr(k::COLUMN_SPREAD),
                    tr(k::COLUMN_ANSWERS),
                    tr(k::COLUMN_FLAG),
                ]),
                rows,
            ),
        ],
    });
    (page, t.median, pooled)
}

/// The assessments in date order, with the change per dimension since the one before.
pub fn trend_page(bank: &Bank, list: &[&Assessment]) -> Vec<Block> {
    let (names, steps) = trend(bank, list);
    let mut body = vec![Block::P("", tr(k::TREND_LEAD).into())];
    if both_sides(list) {
        body.push(Block::P("notice warn", tr(k::TREND_BOTH).into()));
    }
    for pair in steps.windows(2).filter(|p| p[1].model_changed) {
        let text = trf(
            k::TREND_MODEL,
            &[
                ("first", &pair[0].name),
                ("first_day", &pair[0].day),
                ("second", &pair[1].name),
                ("second_day", &pair[1].day),
            ],
        );
        body.push(Block::P("notice warn", text));
    }
    let mut head = vec![tr(k::COLUMN_ASSESSMENT).to_string()];
    head.extend(names);
    let rows = steps
        .into_iter()
        .map(|s| {
            let cells = s
                .scores
                .iter()
                .zip(&s.change)
                .map(|(v, d)| match d {
                    Some(d) => trf(
                        k::SINCE_BEFORE,
                        &[("score", &score_text(*v)), ("change", &signed(*d))],
                    ),
                    None => score_text(*v),
                })
                .collect();
            (format!("{}, {}", s.name, s.day), cells)
        })
        .collect();
    body.push(table(tr(k::TREND_TABLE), head, rows));
    body.push(progress(bank, list));
    vec![Block::Section {
        id: "trend-title",
        class: "report-section",
        title: tr(k::TREND_TITLE).into(),
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
                Some(l) if l + 5 >= goal => tr(k::REACHED).to_string(),
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
        return Block::P("meta", tr(k::NO_TARGETS).into());
    }
    table(
        tr(k::PROGRESS_TABLE),
        strings([
            tr(k::DIMENSION),
            tr(k::COLUMN_TARGET),
            tr(k::COLUMN_FIRST),
            tr(k::COLUMN_LATEST),
            tr(k::COLUMN_MOVED),
            tr(k::COLUMN_TO_GO),
        ]),
        rows,
    )
}
