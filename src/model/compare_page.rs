//! The comparison page as blocks (see `blocks`), from the figures of `compare`: its words and
//! layout, tested natively; the views only render them.

use super::alignment_page::{alignment_section, answer_of, sides};
use super::compare::{alignment, compare, diff, gap, signed, Line};
use super::scoring::tenths_text;
use super::{Assessment, Bank, Perspective};

use super::blocks::{Block, Figure, Table};

use super::keys::comparison as k;
use super::words::{tr, trf};

pub(super) fn score_text(t: Option<u16>) -> String {
    t.map_or_else(|| tr(k::NOT_ENOUGH).into(), tenths_text)
}

pub(super) fn change_text(d: Option<i16>) -> String {
    d.map_or_else(|| "–".into(), signed)
}

pub(super) fn strings<const N: usize>(list: [&str; N]) -> Vec<String> {
    list.map(String::from).to_vec()
}

pub(super) fn table(caption: &str, head: Vec<String>, rows: Vec<(String, Vec<String>)>) -> Block {
    Block::Table(Table {
        caption: caption.into(),
        head,
        rows,
    })
}

/// Rows of lines: a name, one cell per assessment, and their difference when there are two.
pub(super) fn score_rows(
    lines: &[Line],
    overall: Option<&[Option<u16>]>,
    difference: bool,
) -> Vec<(String, Vec<String>)> {
    lines
        .iter()
        .map(|l| (l.name.clone(), &l.scores[..]))
        .chain(overall.map(|o| (tr(k::OVERALL).to_string(), o)))
        .map(|(name, scores)| {
            let mut cells: Vec<String> = scores.iter().map(|s| score_text(*s)).collect();
            if let (true, [a, b]) = (difference, scores) {
                cells.push(change_text(diff(*a, *b)));
            }
            (name, cells)
        })
        .collect()
}

/// Several assessments side by side: the alignment gap first when they are IT's and the
/// business's, a chart and tables of every score, and with two, where they disagree most.
pub fn side_by_side(bank: &Bank, list: &[&Assessment]) -> Vec<Block> {
    // IT's side first in a pair, so that every difference on the page has the gap's sign.
    let swapped;
    let list = match list {
        [a, b] if a.perspective == Perspective::Business && b.perspective == Perspective::It => {
            swapped = [*b, *a];
            &swapped[..]
        }
        _ => list,
    };
    let c = compare(bank, list);
    let aligned = match list {
        [a, b] => alignment(bank, a, b),
        _ => None,
    };
    // With the alignment gap above (over the questions both sides are asked), a second difference
    // over each side's own questions would only confuse: the columns show the scores alone.
    let difference = c.names.len() == 2 && aligned.is_none();
    let head = |first: &str| {
        let mut head = vec![first.to_string()];
        head.extend(c.names.iter().cloned());
        if let (true, [a, b]) = (difference, &c.names[..]) {
            head.push(trf(k::DIFFERENCE, &[("first", a), ("second", b)]));
        }
        head
    };
    let (dim_head, role_head) = (head(tr(k::DIMENSION)), head(tr(k::ROLE)));
    // What each figure is computed over, so that the gap's scores and these explain each other.
    let over = if c.names.len() == 2 && list[0].perspective == list[1].perspective {
        tr(k::OVER_BOTH)
    } else {
        tr(k::OVER_EACH)
    };
    let drawn = c.names.len().min(super::chart_options::MAX_SERIES);
    let labels: Vec<String> = c.dimensions.iter().map(|l| l.name.clone()).collect();
    let values: Vec<Vec<Option<f64>>> = (0..drawn)
        .map(|i| {
            let values = c
                .dimensions
                .iter()
                .map(|l| l.scores[i].map(|t| f64::from(t) / 10.0));
            values.collect()
        })
        .collect();
    let series: Vec<&[Option<f64>]> = values.iter().map(|v| &v[..]).collect();
    let mut notes = Vec::new();
    if c.names.len() > drawn {
        let (drawn, all) = (drawn.to_string(), c.names.len().to_string());
        notes.push(trf(k::CHART_FIRST, &[("drawn", &drawn), ("all", &all)]));
    }
    let mut body = vec![
        Block::Figure(Figure {
            caption: tr(k::CHART_CAPTION).into(),
            id: "compare-dimensions",
            file: "bita-comparison.png",
            label: tr(k::CHART_LABEL).into(),
            option: super::chart_options::dimensions(&labels, &series),
            legend: c
                .names
                .iter()
                .cloned()
                .zip(super::chart_options::COLOURS)
                .take(drawn)
                .collect(),
            notes,
            table: Table {
                caption: trf(k::DIMENSIONS_TABLE, &[("over", over)]),
                head: dim_head,
                rows: score_rows(&c.dimensions, Some(&c.overall), difference),
            },
        }),
        table(
            &trf(k::ROLES_TABLE, &[("over", over)]),
            role_head,
            score_rows(&c.roles, None, difference),
        ),
    ];
    let mut page = Vec::new();
    if aligned.is_some() {
        notes_for_scores(&mut body);
    }
    if let [a, b] = list {
        // The gap above lists the three largest already.
        let shown = if aligned.is_some() { 3 } else { 0 };
        if let Some(al) = aligned {
            page.push(alignment_section(bank, al, &sides(false)));
        }
        let items: Vec<Vec<(&'static str, String)>> = gap(bank, a, b)
            .disagreements
            .into_iter()
            .skip(shown)
            .take(10 - shown)
            .map(|d| {
                vec![
                    ("question", d.text),
                    ("", answer_of(&c.names[0], d.first, &d.first_statement)),
                    ("", answer_of(&c.names[1], d.second, &d.second_statement)),
                ]
            })
            .collect();
        let (title, none) = if shown > 0 {
            (tr(k::MORE_DISAGREE), None)
        } else {
            (tr(k::DISAGREE_MOST), Some(tr(k::SAME_STATEMENTS)))
        };
        let list = if items.is_empty() {
            none.map(|t| Block::P("", t.into()))
        } else {
            Some(Block::List {
                ordered: false,
                class: "findings differences",
                items,
            })
        };
        if let Some(list) = list {
            body.push(Block::Section {
                id: "disagree-title",
                class: "",
                title: title.into(),
                body: vec![list],
            });
        }
    }
    page.push(Block::Section {
        id: "side-title",
        class: "report-section",
        title: tr(k::SIDE_BY_SIDE).into(),
        body,
    });
    page
}

/// Under side-by-side scores of an IT and a business assessment: why they differ from the gap's.
fn notes_for_scores(body: &mut [Block]) {
    if let Some(Block::Figure(f)) = body.first_mut() {
        f.notes.push(tr(k::SCORES_NOTE).into());
    }
}
