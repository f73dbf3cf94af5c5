//! What the catalogue check's page shows, worked out natively: each entry's class and reason, the
//! summary, the draft outcome-named catalogue and its CSV, and reading such a CSV back.

use super::assessment::Stamp;
use super::catalogue::{classify, Class, Lexicon, Verdict};
use super::catalogue_csv::Table;
use super::catalogue_record::{Catalogue, Entry, Stamped};
use super::interface::Text;
use super::keys::catalogue as k;
use super::words::{tr, trf, trn};

/// The dimension whose questions and findings lead to the catalogue check.
pub const DIMENSION: &str = "service-definition";

/// How the page names a class.
pub fn label(class: Class) -> &'static str {
    tr(match class {
        Class::Application => k::CLASS_APPLICATION,
        Class::Technology => k::CLASS_TECHNOLOGY,
        Class::Activity => k::CLASS_ACTIVITY,
        Class::Outcome => k::CLASS_OUTCOME,
        Class::Unclear => k::CLASS_UNCLEAR,
    })
}

/// The class a label names (reading an exported draft back).
pub fn from_label(text: &str) -> Option<Class> {
    Class::ALL
        .into_iter()
        .find(|c| label(*c).eq_ignore_ascii_case(text.trim()) || c.id() == text.trim())
}

/// What a complete service needs besides the systems it runs on, as the seeds list it.
pub const CHECKLIST: [Text; 9] = [
    k::CHECK_SUPPORT,
    k::CHECK_SUPPLIERS,
    k::CHECK_KNOWLEDGE,
    k::CHECK_AGREEMENT,
    k::CHECK_DEVICES,
    k::CHECK_HOSTING,
    k::CHECK_AVAILABILITY,
    k::CHECK_CONTINUITY,
    k::CHECK_GOVERNANCE,
];

impl Verdict {
    /// The reason, in a sentence.
    pub fn reason(&self) -> String {
        let term = self.term.as_str();
        let (named, described) = match self.class {
            Class::Application => (k::REASON_PRODUCT, k::REASON_PRODUCT_DESCRIBED),
            Class::Technology => (k::REASON_TECHNOLOGY, k::REASON_TECHNOLOGY_DESCRIBED),
            Class::Activity => (k::REASON_ACTIVITY, k::REASON_ACTIVITY_DESCRIBED),
            Class::Outcome => (k::REASON_OUTCOME, k::REASON_OUTCOME_DESCRIBED),
            Class::Unclear if term.is_empty() => return tr(k::REASON_NONE).into(),
            Class::Unclear => (k::REASON_UNCLEAR, k::REASON_UNCLEAR),
        };
        let key = if self.from_description {
            described
        } else {
            named
        };
        trf(key, &[("term", term)])
    }
}

/// One entry as the page lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<'a> {
    pub entry: &'a Entry,
    /// The check's own verdict, whatever the reader corrected.
    pub verdict: Verdict,
    /// The class shown: the reader's correction where there is one.
    pub class: Class,
    pub corrected: bool,
    /// The name of the business service it is part of.
    pub service: Option<&'a str>,
}

impl Row<'_> {
    /// Why it has its class, in words.
    pub fn reason(&self) -> String {
        if self.corrected {
            trf(k::CORRECTED, &[("reason", &self.verdict.reason())])
        } else {
            self.verdict.reason()
        }
    }
}

pub fn rows<'a>(lex: &Lexicon, c: &'a Catalogue) -> Vec<Row<'a>> {
    let own = c.own_names();
    rows_with(c, |e| classify(lex, &own, &e.name, &e.description))
}

/// [`rows`] with the check's verdicts from elsewhere (a page keeps them between changes).
pub fn rows_with<'a>(c: &'a Catalogue, mut verdict: impl FnMut(&Entry) -> Verdict) -> Vec<Row<'a>> {
    c.entries
        .iter()
        .map(|e| {
            let verdict = verdict(e);
            let class = e.class.value.unwrap_or(verdict.class);
            Row {
                entry: e,
                class,
                corrected: e.class.value.is_some_and(|k| k != verdict.class),
                verdict,
                service: c.service_of(e).map(|s| s.name.value.as_str()),
            }
        })
        .collect()
}

/// How many entries fall in each class, in `Class::ALL`'s order.
pub fn counts(rows: &[Row<'_>]) -> [usize; 5] {
    let mut n = [0; 5];
    for r in rows {
        n[Class::ALL.iter().position(|c| *c == r.class).unwrap_or(4)] += 1;
    }
    n
}

/// The summary: one sentence of counts tied to the service-definition dimension, then the three
/// most common patterns, each with what to do about it.
pub fn summary(rows: &[Row<'_>]) -> (String, Vec<String>) {
    let n = counts(rows);
    let total = rows.len();
    if total == 0 {
        return (tr(k::NO_ENTRIES).into(), Vec::new());
    }
    let [application, technology, activity, outcome, unclear] = n.map(|x| x.to_string());
    let sentence = trn(
        total,
        k::SUMMARY_ONE,
        k::SUMMARY_OTHER,
        &[
            ("outcome", &outcome),
            ("application", &application),
            ("technology", &technology),
            ("activity", &activity),
            ("unclear", &unclear),
        ],
    );
    let mut patterns: Vec<(usize, Class)> = [0, 1, 2, 4]
        .into_iter()
        .filter(|&i| n[i] > 0)
        .map(|i| (n[i], Class::ALL[i]))
        .collect();
    super::sort_by(&mut patterns, |a, b| b.0.cmp(&a.0));
    let advice = patterns
        .into_iter()
        .take(3)
        .map(|(count, class)| {
            let (one, other) = match class {
                Class::Application => (k::PATTERN_APPLICATION_ONE, k::PATTERN_APPLICATION_OTHER),
                Class::Technology => (k::PATTERN_TECHNOLOGY_ONE, k::PATTERN_TECHNOLOGY_OTHER),
                Class::Activity => (k::PATTERN_ACTIVITY_ONE, k::PATTERN_ACTIVITY_OTHER),
                _ => (k::PATTERN_UNCLEAR_ONE, k::PATTERN_UNCLEAR_OTHER),
            };
            trn(count, one, other, &[])
        })
        .collect();
    (sentence, advice)
}

/// A service of the draft catalogue: its name and the entries it depends on.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftService<'a> {
    pub name: &'a str,
    pub parts: Vec<&'a Row<'a>>,
}

/// The draft outcome-named catalogue: each service the reader named with the entries assigned
/// to it, in the order they were named; then the entries not part of any service.
pub fn draft<'a>(
    c: &'a Catalogue,
    rows: &'a [Row<'a>],
) -> (Vec<DraftService<'a>>, Vec<&'a Row<'a>>) {
    let services = c
        .live_services()
        .map(|s| DraftService {
            name: &s.name.value,
            parts: rows
                .iter()
                .filter(|r| r.entry.service.value.as_deref() == Some(s.id.as_str()))
                .collect(),
        })
        .collect();
    let rest = rows.iter().filter(|r| r.service.is_none()).collect();
    (services, rest)
}

/// The draft's columns, in the language in use.
fn header() -> [&'static str; 5] {
    [
        k::COLUMN_SERVICE,
        k::COLUMN_ENTRY,
        k::COLUMN_DESCRIPTION_CSV,
        k::COLUMN_NAMED,
        k::COLUMN_REASON,
    ]
    .map(tr)
}

/// The draft catalogue as CSV: a row per entry, by service; a service's last row lists what it
/// still needs. Cells a spreadsheet would read as a formula are neutralised.
pub fn draft_csv(c: &Catalogue, rows: &[Row<'_>]) -> String {
    let (services, rest) = draft(c, rows);
    // No mark here: a draft read back is taken as it was written.
    let mut out = super::exchange::header(&header());
    out.remove(0);
    let mut line = |cells: [&str; 5]| {
        let cells: Vec<String> = cells.iter().map(|t| t.to_string()).collect();
        super::exchange::row(&mut out, &cells);
    };
    let todo = trf(
        k::STILL_TO_DESCRIBE,
        &[("list", &CHECKLIST.map(tr).join("; "))],
    );
    for s in &services {
        for r in &s.parts {
            let e = r.entry;
            line([s.name, &e.name, &e.description, label(r.class), &r.reason()]);
        }
        line([s.name, "", &todo, "", ""]);
    }
    for r in rest {
        let e = r.entry;
        line(["", &e.name, &e.description, label(r.class), &r.reason()]);
    }
    out
}

/// One entry read from a CSV file or a pasted list.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Item {
    pub name: String,
    pub description: String,
    /// From a draft catalogue read back: its service and the class it was given.
    pub service: String,
    pub class: Option<Class>,
}

/// The items of a CSV table, given the name and description columns; a draft this page exported
/// brings its services and classes back too.
pub fn items(table: &Table, name: usize, description: Option<usize>) -> Vec<Item> {
    let col = |h: &str| table.header.iter().position(|c| c.trim() == h);
    let head = header();
    let (service, class) = (col(head[0]), col(head[3]));
    let at = |row: &Vec<String>, i: Option<usize>| {
        i.and_then(|i| row.get(i))
            .map_or("", |s| s.trim())
            .to_string()
    };
    // A cell the draft's export neutralised ("'=…") comes back as it was written.
    let unquote = |t: String| match t.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) && service.is_some() => {
            rest.to_string()
        }
        _ => t,
    };
    table
        .rows
        .iter()
        .map(|row| Item {
            name: unquote(at(row, Some(name))),
            description: at(row, description),
            service: unquote(at(row, service)),
            class: from_label(&at(row, class)),
        })
        // A draft's service without entries comes back too (a row of its own, with no name).
        .filter(|i| !i.name.is_empty() || !i.service.is_empty())
        .collect()
}

/// Adds items to a catalogue: new names only; a new entry read from a draft takes its service,
/// and its class where that differs from the check's.
pub fn add_items(
    lex: &Lexicon,
    c: &mut Catalogue,
    items: &[Item],
    at: Stamp,
) -> super::catalogue_record::Added {
    let before = c.entries.len();
    let pairs: Vec<(String, String)> = items
        .iter()
        .map(|i| (i.name.clone(), i.description.clone()))
        .collect();
    let added = c.add(&pairs, at);
    let own = c.own_names();
    let new: super::map::Map<String, usize> = (before..c.entries.len())
        .map(|i| (c.entries[i].key(), i))
        .collect();
    for i in items {
        let service = (!i.service.is_empty())
            .then(|| c.add_service(&i.service, at))
            .flatten();
        let Some(&pos) = new.get(&super::catalogue_record::key(&i.name)) else {
            continue;
        };
        let e = &mut c.entries[pos];
        if service.is_some() {
            e.service = Stamped { value: service, at };
        }
        if let Some(class) = i.class {
            if classify(lex, &own, &e.name, &e.description).class != class {
                e.class = Stamped {
                    value: Some(class),
                    at,
                };
            }
        }
    }
    added
}
