//! What the catalogue check's page shows, worked out natively: each entry's class and reason, the
//! summary, the draft outcome-named catalogue and its CSV, and reading such a CSV back.

use super::assessment::Stamp;
use super::catalogue::{classify, Class, Lexicon, Verdict};
use super::catalogue_csv::Table;
use super::catalogue_record::{Catalogue, Entry, Stamped};

/// The dimension whose questions and findings lead to the catalogue check.
pub const DIMENSION: &str = "service-definition";

/// How the page names a class.
pub fn label(class: Class) -> &'static str {
    match class {
        Class::Application => "An application or product",
        Class::Technology => "A technology or component",
        Class::Activity => "An IT activity or team",
        Class::Outcome => "A business outcome or process",
        Class::Unclear => "Unclear from the name",
    }
}

/// The class a label names (reading an exported draft back).
pub fn from_label(text: &str) -> Option<Class> {
    Class::ALL
        .into_iter()
        .find(|c| label(*c).eq_ignore_ascii_case(text.trim()) || c.id() == text.trim())
}

/// What a complete service needs besides the systems it runs on, as the seeds list it.
pub const CHECKLIST: [&str; 9] = [
    "Support: who takes incidents and problems, and how they are resolved",
    "Suppliers: the contracts the service relies on",
    "Knowledge: what users and support staff need to know",
    "An agreement with the business: measures, targets and regular reporting",
    "The devices and connectivity people reach it with",
    "Hosting and backup",
    "Availability and capacity",
    "Continuity and security",
    "Governance and cost: who decides about it, and what it costs",
];

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
            format!(
                "corrected by you (the check said: {})",
                self.verdict.reason()
            )
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

fn entries(n: usize) -> String {
    match n {
        1 => "1 entry is".into(),
        n => format!("{n} entries are"),
    }
}

/// The summary: one sentence of counts tied to the service-definition dimension, then the three
/// most common patterns, each with what to do about it.
pub fn summary(rows: &[Row<'_>]) -> (String, Vec<String>) {
    let n = counts(rows);
    let total = rows.len();
    if total == 0 {
        return ("The catalogue has no entries yet.".into(), Vec::new());
    }
    let outcome = n[3];
    let sentence = format!(
        "{} of {total} {} named after a business outcome or process, as the service-definition dimension \
         asks; {} after an application or product, {} after a technology or component, {} after an IT \
         activity or team, and {} unclear from the name.",
        outcome,
        if total == 1 { "entry is" } else { "entries are" },
        n[0],
        n[1],
        n[2],
        n[4],
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
        .map(|(k, class)| {
            let what = match class {
                Class::Application => "named after an application or product: group them by the business process they support",
                Class::Technology => "named after a technology: they are parts of the services that depend on them, not services of their own",
                Class::Activity => "named after an IT activity or team: name the outcome that work delivers for the business",
                _ => "unclear from the name alone: add a description of whom each serves and what for",
            };
            format!("{} {what}.", entries(k))
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

const HEADER: [&str; 5] = [
    "Business service",
    "Entry",
    "Description",
    "Named after",
    "Reason",
];

/// The draft catalogue as CSV: a row per entry, by service; a service's last row lists what it
/// still needs. Cells a spreadsheet would read as a formula are neutralised.
pub fn draft_csv(c: &Catalogue, rows: &[Row<'_>]) -> String {
    let (services, rest) = draft(c, rows);
    let mut out = HEADER.join(super::exchange::separator()) + "\r\n";
    let mut line = |cells: [&str; 5]| {
        let cells: Vec<String> = cells.iter().map(|t| t.to_string()).collect();
        super::exchange::row(&mut out, &cells);
    };
    let todo = format!("Still to describe: {}", CHECKLIST.join("; "));
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
    let (service, class) = (col(HEADER[0]), col(HEADER[3]));
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
