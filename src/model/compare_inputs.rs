//! What is added to a comparison: pasted share links read line by line, and the rule that keeps
//! one respondent from counting twice.

use super::{Assessment, Bank};

/// Whether two assessments are the same respondent's: the same saved assessment, or the same
/// answers from the same side on the same day, under the same name (a link or file may carry none).
/// A link pasted twice, or a saved assessment also pasted as a link, would count someone twice.
pub fn same(a: &Assessment, b: &Assessment) -> bool {
    (!a.id.is_empty() && a.id == b.id)
        || (a.perspective == b.perspective
            && a.answers == b.answers
            && super::dates::utc_day(a.updated) == super::dates::utc_day(b.updated)
            && (a.name == b.name || a.name.is_empty() || b.name.is_empty()))
}

/// What of `found` is not in `known` yet (nor earlier in `found`), and how many were left out.
pub fn new_ones(found: Vec<Assessment>, known: &[Assessment]) -> (Vec<Assessment>, usize) {
    let mut kept: Vec<Assessment> = Vec::new();
    let mut repeated = 0;
    for a in found {
        if known.iter().chain(&kept).any(|k| same(k, &a)) {
            repeated += 1;
        } else {
            kept.push(a);
        }
    }
    (kept, repeated)
}

/// Reads pasted share links, one per line (a whole address or only what follows `#/s/`): the
/// assessments they hold, and for each line that is not a link, or holds an assessment already in
/// `known` or on an earlier line (a link pasted twice would count a respondent twice), why, naming
/// the line.
pub fn read_links(bank: &Bank, text: &str, known: &[Assessment]) -> (Vec<Assessment>, Vec<String>) {
    let (mut found, mut problems) = (Vec::new(), Vec::new());
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let payload = super::share::after_prefix(line).unwrap_or(line);
        match super::share::decode(bank, payload) {
            Ok(shared)
                if known
                    .iter()
                    .chain(&found)
                    .any(|a| same(a, &shared.assessment)) =>
            {
                problems.push(super::words::trf(
                    super::keys::link::LINE_KNOWN,
                    &[("n", &(n + 1).to_string())],
                ))
            }
            Ok(shared) => found.push(shared.assessment),
            Err(e) => problems.push(super::words::trf(
                super::keys::link::LINE_ERROR,
                &[("n", &(n + 1).to_string()), ("error", &e.to_string())],
            )),
        }
    }
    (found, problems)
}
