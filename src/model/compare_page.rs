//! The comparison page as blocks (see `blocks`), from the figures of `compare`: its words and
//! layout, tested natively; the views only render them.

use super::compare::{alignment, compare, diff, gap, signed, Alignment, Line};
use super::scoring::tenths_text;
use super::{Assessment, Bank, Perspective};

use super::blocks::{Block, Figure, Table};

pub(super) fn score_text(t: Option<u16>) -> String {
    t.map_or_else(|| "not enough answers".into(), tenths_text)
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

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
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
        .chain(overall.map(|o| ("Overall".to_string(), o)))
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
            head.push(format!("Difference ({b} minus {a})"));
        }
        head
    };
    let (dim_head, role_head) = (head("Dimension"), head("Role"));
    // What each figure is computed over, so that the gap's scores and these explain each other.
    let over = if c.names.len() == 2 && list[0].perspective == list[1].perspective {
        "over the questions both are asked"
    } else {
        "each over every question its side is asked"
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
        notes.push(format!(
            "The chart shows the first {drawn}; the tables show all {}.",
            c.names.len()
        ));
    }
    let mut body = vec![
        Block::Figure(Figure {
            caption: "Score per dimension, 0 to 5".into(),
            id: "compare-dimensions",
            file: "bita-comparison.png",
            label: "Chart of the score per dimension of each assessment, from 0 to 5. The table below lists the same figures.".into(),
            option: super::chart_options::dimensions(&labels, &series),
            legend: c.names.iter().cloned().zip(super::chart_options::COLOURS).take(drawn).collect(),
            notes,
            table: Table {
                caption: format!("Score per dimension (1 to 5), {over}"),
                head: dim_head,
                rows: score_rows(&c.dimensions, Some(&c.overall), difference),
            },
        }),
        table(
            &format!("Score per IT role (1 to 5), {over}"),
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
            page.push(alignment_section(bank, al, "IT", "The business"));
        }
        let items: Vec<Vec<(&'static str, String)>> = gap(bank, a, b)
            .disagreements
            .into_iter()
            .skip(shown)
            .take(10 - shown)
            .map(|d| {
                vec![
                    ("question", d.text),
                    (
                        "",
                        format!("{}: level {}, “{}”", c.names[0], d.first, d.first_statement),
                    ),
                    (
                        "",
                        format!(
                            "{}: level {}, “{}”",
                            c.names[1], d.second, d.second_statement
                        ),
                    ),
                ]
            })
            .collect();
        let (title, none) = if shown > 0 {
            ("More questions where they disagree", None)
        } else {
            (
                "Where they disagree most",
                Some("Wherever both gave a level, they chose the same statement."),
            )
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
        title: "Side by side".into(),
        body,
    });
    page
}

/// Under side-by-side scores of an IT and a business assessment: why they differ from the gap's.
fn notes_for_scores(body: &mut [Block]) {
    if let Some(Block::Figure(f)) = body.first_mut() {
        f.notes.push("These scores count every question each side is asked; the alignment gap above counts only the questions both sides are asked.".into());
    }
}

/// The dimensions where the two sides' scores part most, largest first (a tie keeps the model's
/// order), at most three, in words: `gaps` are the business's score minus IT's, in tenths.
pub fn largest_gaps(gaps: &[(String, Option<i16>)], first: &str, second: &str) -> Vec<String> {
    let mut apart: Vec<(&String, i16)> = gaps
        .iter()
        .filter_map(|(name, d)| d.filter(|d| *d != 0).map(|d| (name, d)))
        .collect();
    super::sort_by_key(&mut apart, |(_, d)| std::cmp::Reverse(d.unsigned_abs()));
    apart
        .into_iter()
        .take(3)
        .map(|(name, d)| {
            let (higher, lower) = if d < 0 {
                (first, second)
            } else {
                (second, first)
            };
            format!(
                "{name}: {} sees it {} higher than {}",
                within(higher),
                tenths_text(d.unsigned_abs()),
                within(lower)
            )
        })
        .collect()
}

/// A side's name within a sentence: "the business".
fn within(s: &str) -> String {
    s.strip_prefix("The ")
        .map_or(s.to_string(), |r| format!("the {r}"))
}

/// The alignment gap in figures and words; `first` names IT's side, `second` the business's:
/// a chart of the gap per dimension and role with its tables, and the three largest disagreements
/// as short items. Every figure says what it is computed over.
pub(super) fn alignment_section(bank: &Bank, al: Alignment, first: &str, second: &str) -> Block {
    let g = al.gap;
    let shared = bank.order(bank.version()).len() - g.one_sided.len();
    let over = format!(
        "over the {} both sides are asked",
        plural(shared, "question", "questions")
    );
    let lead = match al.more_optimistic {
        Some(side) => format!("{side} is more optimistic overall."),
        None => "Overall, both sides see IT alike.".into(),
    };
    let head = |what: &str| strings([what, first, second, "Gap"]);
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
        "Overall".into(),
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
        Block::P(
            "",
            "Wherever both sides gave a level, they chose the same statement.".into(),
        )
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
    let largest = largest_gaps(&g.dimensions, first, second);
    let mut body = vec![
        Block::P("summary", format!("{lead} Each gap is the business's score minus IT's, {over}: below zero, the business sees IT as less mature than IT sees itself.")),
        Block::Figure(Figure {
            caption: "The alignment gap per dimension and IT role".into(),
            id: "compare-gap",
            file: "bita-alignment-gap.png",
            label: format!("Bar chart of the alignment gap per dimension and IT role, the business's score minus IT's, {over}. Bars to the left: IT sees it higher; to the right: the business does. The tables list the same figures."),
            option: super::chart_options::gap(&labels, &values),
            legend: vec![
                (format!("{first} sees it higher"), super::chart_options::COLOURS[0]),
                (format!("{second} sees it higher"), super::chart_options::COLOURS[1]),
            ],
            notes: vec![format!("The business's score minus IT's, {over}.")],
            table: Table {
                caption: format!("Alignment gap per dimension, {over}"),
                head: head("Dimension"),
                rows: dims,
            },
        }),
        table(
            &format!("Alignment gap per IT role, {over}"),
            head("Role"),
            rows(&g.scores.roles, &g.roles),
        ),
        Block::Section {
            id: "differences-title",
            class: "",
            title: "The biggest differences".into(),
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
                title: if largest.len() == 3 {
                    "The three largest gaps".into()
                } else {
                    "The largest gaps".into()
                },
                body: vec![super::blocks::list(true, "findings", largest)],
            },
        );
    }
    if !al.targets.is_empty() {
        let set = |t: Option<u8>| t.map_or("none set".to_string(), |t| format!("level {t}"));
        let (first, second) = (within(first), within(second));
        body.push(Block::Section {
            id: "targets-differ-title",
            class: "",
            title: "Targets that differ".into(),
            body: vec![super::blocks::list(
                false,
                "findings",
                al.targets
                    .iter()
                    .map(|(name, a, b)| {
                        format!("{name}: {} for {first}, {} for {second}", set(*a), set(*b))
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
            format!(
                "Left out of the gap, because only one side is asked them: {}",
                one_sided.join(" ")
            ),
        ));
    }
    Block::Section {
        id: "gap-title",
        class: "report-section alignment",
        title: "The alignment gap".into(),
        body,
    }
}
