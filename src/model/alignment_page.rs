//! The alignment gap between IT's view and the business's as blocks, for two assessments and for a
//! team's medians: its figures, chart and tables, and the largest differences in words.

use super::blocks::{Block, Figure, Table};
use super::compare::{Alignment, Line};
use super::compare_page::{change_text, score_text, strings, table};
use super::keys::comparison as k;
use super::scoring::tenths_text;
use super::words::{tr, trf};
use super::Bank;

/// How the page names the two sides: as a column's head, and within a sentence (in the form the
/// language's sentences need: "the business", "Sicht der Fachbereiche").
pub struct Sides {
    pub head: [&'static str; 2],
    pub within: [&'static str; 2],
}

/// The two sides, or their medians in a team.
pub fn sides(median: bool) -> Sides {
    if median {
        Sides {
            head: [tr(k::MEDIAN_IT), tr(k::MEDIAN_BUSINESS)],
            within: [tr(k::WITHIN_MEDIAN_IT), tr(k::WITHIN_MEDIAN_BUSINESS)],
        }
    } else {
        Sides {
            head: [tr(k::SIDE_IT), tr(k::SIDE_BUSINESS)],
            within: [tr(k::WITHIN_IT), tr(k::WITHIN_BUSINESS)],
        }
    }
}

/// One side's answer to a question: "IT: level 3, “…”".
pub fn answer_of(side: &str, level: u8, statement: &str) -> String {
    let level = level.to_string();
    trf(
        k::ANSWER_OF,
        &[("side", side), ("level", &level), ("statement", statement)],
    )
}

/// A filled sentence that may open with a name written in lower case: its first letter capitalised.
fn sentence(text: String) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or(text.clone(), |c| c.to_uppercase().chain(chars).collect())
}

/// The dimensions where the two sides' scores part most, largest first (a tie keeps the model's
/// order), at most three, in words: `gaps` are the business's score minus IT's, in tenths.
pub fn largest_gaps(gaps: &[(String, Option<i16>)], sides: &Sides) -> Vec<String> {
    let mut apart: Vec<(&String, i16)> = gaps
        .iter()
        .filter_map(|(name, d)| d.filter(|d| *d != 0).map(|d| (name, d)))
        .collect();
    super::sort_by_key(&mut apart, |(_, d)| std::cmp::Reverse(d.unsigned_abs()));
    apart
        .into_iter()
        .take(3)
        .map(|(name, d)| {
            let [it, business] = sides.within;
            let (higher, lower) = if d < 0 {
                (it, business)
            } else {
                (business, it)
            };
            let n = tenths_text(d.unsigned_abs());
            trf(
                k::HIGHER,
                &[
                    ("name", name),
                    ("higher", higher),
                    ("n", &n),
                    ("lower", lower),
                ],
            )
        })
        .collect()
}

/// The alignment gap in figures and words, the sides named by `sides`:
/// a chart of the gap per dimension and role with its tables, and the three largest disagreements
/// as short items. Every figure says what it is computed over.
pub(super) fn alignment_section(bank: &Bank, al: Alignment, sides: &Sides) -> Block {
    let g = al.gap;
    let shared = bank.order(bank.version()).len() - g.one_sided.len();
    let over = super::words::trn(shared, k::OVER_SHARED_ONE, k::OVER_SHARED_OTHER, &[]);
    let lead = match al.more_optimistic {
        Some(side) => {
            let side = sides.within[usize::from(side == super::Perspective::Business)];
            sentence(trf(k::OPTIMISTIC, &[("side", side)]))
        }
        None => tr(k::ALIKE).into(),
    };
    let [first, second] = sides.head;
    let head = |what: &str| strings([what, first, second, tr(k::GAP)]);
    let rows = |lines: &[Line], gaps: &[(String, Option<i16>)]| {
        lines
            .iter()
            .zip(gaps)
            .map(|(l, (name, d))| {
                let cells = vec![
                    score_text(l.scores[0]),
                    score_text(l.scores[1]),
                    change_text(*d),
                ];
                (name.clone(), cells)
            })
            .collect::<Vec<_>>()
    };
    let mut dims = rows(&g.scores.dimensions, &g.dimensions);
    dims.push((
        tr(k::OVERALL).into(),
        vec![
            score_text(g.scores.overall[0]),
            score_text(g.scores.overall[1]),
            change_text(g.overall),
        ],
    ));
    let (labels, values): (Vec<String>, Vec<Option<f64>>) = g
        .dimensions
        .iter()
        .chain(&g.roles)
        .map(|(name, d)| (name.clone(), d.map(|t| f64::from(t) / 10.0)))
        .unzip();
    let differences = if al.items.is_empty() {
        Block::P("", tr(k::SAME_STATEMENTS_BOTH).into())
    } else {
        Block::List {
            ordered: true,
            class: "findings differences",
            items: al
                .items
                .into_iter()
                .map(|[q, a, b]| vec![("question", q), ("", a), ("", b)])
                .collect(),
        }
    };
    let largest = largest_gaps(&g.dimensions, sides);
    let legend = |side: &str| sentence(trf(k::LEGEND_HIGHER, &[("side", side)]));
    let mut body = vec![
        Block::P(
            "summary",
            trf(k::GAP_LEAD, &[("lead", &lead), ("over", &over)]),
        ),
        Block::Figure(Figure {
            caption: tr(k::GAP_CAPTION).into(),
            id: "compare-gap",
            file: "bita-alignment-gap.png",
            label: trf(k::GAP_LABEL, &[("over", &over)]),
            option: super::chart_options::gap(&labels, &values),
            legend: vec![
                (legend(sides.within[0]), super::chart_options::COLOURS[0]),
                (legend(sides.within[1]), super::chart_options::COLOURS[1]),
            ],
            notes: vec![trf(k::GAP_NOTE, &[("over", &over)])],
            table: Table {
                caption: trf(k::GAP_DIMENSIONS, &[("over", &over)]),
                head: head(tr(k::DIMENSION)),
                rows: dims,
            },
        }),
        table(
            &trf(k::GAP_ROLES, &[("over", &over)]),
            head(tr(k::ROLE)),
            rows(&g.scores.roles, &g.roles),
        ),
        Block::Section {
            id: "differences-title",
            class: "",
            title: tr(k::BIGGEST).into(),
            body: vec![differences],
        },
    ];
    // What a one-page print keeps of the gap: leadership's first question is where the two
    // views part most.
    if !largest.is_empty() {
        body.insert(
            1,
            Block::Section {
                id: "largest-gaps-title",
                class: "largest-gaps",
                title: tr(if largest.len() == 3 {
                    k::LARGEST_THREE
                } else {
                    k::LARGEST
                })
                .into(),
                body: vec![super::blocks::list(true, "findings", largest)],
            },
        );
    }
    if !al.targets.is_empty() {
        let set = |t: Option<u8>| {
            t.map_or(tr(k::NONE_SET).into(), |t| {
                trf(k::TARGET_LEVEL, &[("level", &t.to_string())])
            })
        };
        let [first, second] = sides.within;
        body.push(Block::Section {
            id: "targets-differ-title",
            class: "",
            title: tr(k::TARGETS_DIFFER).into(),
            body: vec![super::blocks::list(
                false,
                "findings",
                al.targets
                    .iter()
                    .map(|(name, a, b)| {
                        let (a, b) = (set(*a), set(*b));
                        trf(
                            k::TARGETS_ITEM,
                            &[
                                ("name", name),
                                ("a", &a),
                                ("first", first),
                                ("b", &b),
                                ("second", second),
                            ],
                        )
                    })
                    .collect(),
            )],
        });
    }
    let one_sided: Vec<String> = g
        .one_sided
        .iter()
        .filter_map(|id| bank.question(id).map(|(_, q)| q.text.clone()))
        .collect();
    if !one_sided.is_empty() {
        body.push(Block::P(
            "meta",
            trf(k::ONE_SIDED, &[("questions", &one_sided.join(" "))]),
        ));
    }
    Block::Section {
        id: "gap-title",
        class: "report-section alignment",
        title: tr(k::GAP_TITLE).into(),
        body,
    }
}
