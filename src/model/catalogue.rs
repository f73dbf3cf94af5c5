//! What each entry of a service catalogue is named after (issue 28): an application or product, a
//! technology, an IT activity or team, or a business outcome or process; unclear where the name
//! alone cannot tell. The words are data (`questions/catalogue.toml`, a [`Lexicon`]); the order of
//! the decision is here:
//!
//! 1. a product's or in-house system's name, from the lexicon or by its shape, decides;
//! 2. a business process decides, unless a technology or an IT activity comes before it in the
//!    name ("Storage for research");
//! 3. then an IT activity ("Server administration"), then a technology;
//! 4. what is left is unclear; its description may then name a product or a process.
//!
//! Two shapes of name come first: "Category – Service" is decided by its service part, or by its
//! category where the service part tells nothing (or could be either, and the category names a
//! technology or product: "VOIP - Digital Phones"); "Head with/for qualifier" is decided by its
//! head where that tells ("Internet Access with URL Filtering").

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    Application,
    Technology,
    Activity,
    Outcome,
    Unclear,
}

impl Class {
    pub const ALL: [Class; 5] = [
        Class::Application,
        Class::Technology,
        Class::Activity,
        Class::Outcome,
        Class::Unclear,
    ];

    /// The id the labelled set and exports use.
    pub fn id(self) -> &'static str {
        match self {
            Class::Application => "application",
            Class::Technology => "technology",
            Class::Activity => "activity",
            Class::Outcome => "outcome",
            Class::Unclear => "unclear",
        }
    }

    pub fn from_id(id: &str) -> Option<Class> {
        Class::ALL.into_iter().find(|c| c.id() == id)
    }
}

use super::catalogue_lexicon::same_word;
pub use super::catalogue_lexicon::Lexicon;

/// What decided an entry's class, in words the page shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub class: Class,
    /// The deciding term as the entry writes it (empty where nothing decided).
    pub term: String,
    /// Whether the description decided, the name alone being unclear.
    pub from_description: bool,
}

/// A word of an entry, as written and in lower case.
struct Token<'a> {
    text: &'a str,
    lower: String,
    /// The first word in brackets after other words ("Email (Groupwise)").
    opens_aside: bool,
}

/// The words of a text, leaving out the organisation's own names (`own`, in lower case) and an
/// abbreviation in brackets that spells the words before it ("Voice Advisory Service (VAS)").
fn tokens<'a>(text: &'a str, own: &[String]) -> Vec<Token<'a>> {
    let word = |c: char| c.is_alphanumeric() || matches!(c, '-' | '.' | '&' | '+' | '\'');
    let mut out: Vec<Token<'a>> = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| word(c)) {
        let tail = &rest[start..];
        let end = tail.find(|c: char| !word(c)).unwrap_or(tail.len());
        let raw = &tail[..end];
        let opens = rest[..start].trim_end().ends_with('(');
        let bracketed = opens && tail[end..].starts_with(')');
        rest = &tail[end..];
        let t = raw.trim_matches(|c: char| matches!(c, '-' | '.' | '\''));
        if t.is_empty() {
            continue;
        }
        let lower = t.to_lowercase();
        if own.contains(&lower) || (bracketed && spells(t, &out)) || spelled_after(t, rest) {
            continue;
        }
        let opens_aside = opens && !out.is_empty();
        out.push(Token {
            text: t,
            lower,
            opens_aside,
        });
    }
    out
}

/// Whether `abbreviation` is made of the initials of the words just before it ("and", "of" and
/// the like may be left out of it).
fn spells(abbreviation: &str, before: &[Token<'_>]) -> bool {
    let letters: Vec<char> = abbreviation
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let mut words = before.iter().rev().map(|t| t.lower.as_str());
    let mut left = letters.len();
    if left < 2 {
        return false;
    }
    while left > 0 {
        let Some(w) = words.next() else { return false };
        if w.starts_with(letters[left - 1]) {
            left -= 1;
        } else if !matches!(w, "and" | "of" | "the" | "for" | "&" | "in" | "to") {
            return false;
        }
    }
    true
}

/// Whether `abbreviation` is spelled by the words in brackets right after it ("OLL (Office of
/// Lifelong Learning)").
fn spelled_after(abbreviation: &str, after: &str) -> bool {
    let Some(inner) = after
        .trim_start()
        .strip_prefix('(')
        .and_then(|r| r.split_once(')'))
        .map(|(i, _)| i)
    else {
        return false;
    };
    let words: Vec<Token<'_>> = inner
        .split_whitespace()
        .map(|w| Token {
            text: w,
            lower: w.to_lowercase(),
            opens_aside: false,
        })
        .collect();
    spells(abbreviation, &words)
}

/// The words with each compound read as its parts, as German writes them
/// ("Druckerverwaltung", "SAP-Personalwesen"): see [`Lexicon::compound_cut`].
fn parts<'a>(lex: &Lexicon, toks: Vec<Token<'a>>, compounds: bool) -> Vec<Token<'a>> {
    let mut out = Vec::with_capacity(toks.len());
    for t in toks {
        let inner_capital = t.text.chars().skip(1).any(char::is_uppercase);
        let whole = !compounds || t.opens_aside || inner_capital;
        match lex.compound_cut(&t.lower, t.text, whole) {
            Some(c) => {
                let head = t.text[c..].trim_start_matches('-');
                out.push(Token {
                    text: &t.text[..c],
                    lower: t.lower[..c].to_string(),
                    opens_aside: t.opens_aside,
                });
                out.push(Token {
                    text: head,
                    lower: head.to_lowercase(),
                    opens_aside: false,
                });
            }
            None => out.push(t),
        }
    }
    out
}

/// The lexicon's term that matches at `at`, longest first, with its length in words.
fn term_at<'l>(list: &'l [String], toks: &[Token<'_>], at: usize) -> Option<(&'l str, usize)> {
    list.iter()
        .filter_map(|term| {
            // Word by word, no list made: most terms fail on their first word.
            let mut n = 0;
            for w in term.split_whitespace() {
                if !same_word(&toks.get(at + n)?.lower, w) {
                    return None;
                }
                n += 1;
            }
            (n > 0).then_some((term.as_str(), n))
        })
        .max_by_key(|(_, n)| *n)
}

/// Whether a word's shape makes it a product's or system's name: an inner capital, letters with
/// digits, an abbreviation in capitals that is none of the lexicon's words, or a capitalised word
/// that opens brackets after the name and is none of them either ("Email (Groupwise)"): catalogues
/// name the system behind a service that way.
fn product_shape(
    lex: &Lexicon,
    toks: &[Token<'_>],
    i: usize,
    shouting: bool,
    asides: bool,
) -> bool {
    let t = toks[i].text;
    let chars: Vec<char> = t.chars().collect();
    let inner_capital = chars
        .windows(2)
        .any(|w| w[0].is_lowercase() && w[1].is_uppercase());
    let letters = chars.iter().any(|c| c.is_alphabetic());
    let digits = chars.iter().any(|c| c.is_ascii_digit());
    // "Office 365", "Echo 360": a number of three digits or more after a name.
    let numbered =
        !letters && chars.len() >= 3 && i > 0 && toks[i - 1].text.starts_with(char::is_uppercase);
    let known = |w: &str| {
        [
            &lex.abbreviations,
            &lex.technology,
            &lex.activity,
            &lex.outcome,
            &lex.unclear,
            &lex.audiences,
        ]
        .iter()
        .any(|l| l.iter().any(|x| same_word(w, x)))
            || lex.plain.iter().any(|x| same_word(w, x))
    };
    let aside = asides
        && !shouting
        && toks[i].opens_aside
        && t.starts_with(char::is_uppercase)
        && !known(&toks[i].lower);
    let capitals = !shouting
        && chars.len() >= 2
        && chars.len() <= 8
        && letters
        && chars
            .iter()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || *c == '&')
        && !known(&toks[i].lower);
    (inner_capital && !known(&toks[i].lower))
        || (letters && digits)
        || numbered
        || capitals
        || aside
}

/// The first product named in `text`, from the lexicon or by its shape (with `asides`, a
/// capitalised word opening brackets too).
fn product(lex: &Lexicon, own: &[String], text: &str, asides: bool) -> Option<String> {
    let toks = parts(lex, tokens(text, own), false);
    // A name in capitals throughout says nothing by its capitals, unless it is one word.
    let shouting = !text.chars().any(char::is_lowercase) && toks.len() > 1;
    if text.contains(['®', '™']) {
        return toks.first().map(|t| t.text.to_string());
    }
    (0..toks.len()).find_map(|i| {
        let capital = toks[i].text.starts_with(char::is_uppercase) && !shouting;
        let listed = term_at(&lex.products, &toks, i).or_else(|| {
            capital
                .then(|| term_at(&lex.capitalised_products, &toks, i))
                .flatten()
        });
        match listed {
            Some((_, n)) => Some(words(&toks[i..i + n])),
            None => {
                product_shape(lex, &toks, i, shouting, asides).then(|| toks[i].text.to_string())
            }
        }
    })
}

fn words(toks: &[Token<'_>]) -> String {
    toks.iter().map(|t| t.text).collect::<Vec<_>>().join(" ")
}

/// The classes of the lexicon's terms in `text`, in order, each with the words that matched;
/// where terms overlap, the longest from the left wins.
fn terms(lex: &Lexicon, own: &[String], text: &str) -> Vec<(Class, String)> {
    let toks = parts(lex, tokens(text, own), true);
    let lists = [
        (Some(Class::Outcome), &lex.outcome),
        (Some(Class::Activity), &lex.activity),
        (Some(Class::Technology), &lex.technology),
        (Some(Class::Unclear), &lex.unclear),
        (None, &lex.audiences),
    ];
    let mut found = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let best = lists
            .iter()
            .filter_map(|(class, list)| term_at(list, &toks, i).map(|(_, n)| (*class, n)))
            .max_by_key(|(_, n)| *n);
        match best {
            Some((class, n)) => {
                if let Some(class) = class {
                    found.push((class, words(&toks[i..i + n])));
                }
                i += n;
            }
            None => i += 1,
        }
    }
    found
}

/// The class of one entry, from its name and, where the name is unclear, its description. `own`
/// are the organisation's own names and abbreviations, in lower case: they name no product.
pub fn classify(lex: &Lexicon, own: &[String], name: &str, description: &str) -> Verdict {
    // "Category – Service": the service's own words first, the category's where they tell nothing.
    if let Some((category, service)) = split_category(name) {
        let v = decide(lex, own, service, description);
        if v.class != Class::Unclear || v.from_description {
            return v;
        }
        // A service part whose word could be either ("Digital Phones") takes a category that
        // names a technology or product ("VOIP"); any class where it names nothing.
        let c = decide(lex, own, category, "");
        let names_it = matches!(c.class, Class::Application | Class::Technology);
        if names_it || (c.class != Class::Unclear && v.term.is_empty()) {
            return c;
        }
        return v;
    }
    // "Head with/for qualifier": the head names what it is, where it tells.
    if let Some((head, _)) = [" with ", " for "].iter().find_map(|w| name.split_once(w)) {
        let h = decide(lex, own, head, "");
        if h.class != Class::Unclear {
            return h;
        }
    }
    decide(lex, own, name, description)
}

/// A name's category and service, where a dash with spaces around it parts them.
fn split_category(name: &str) -> Option<(&str, &str)> {
    [" – ", " — ", " - "]
        .iter()
        .find_map(|dash| name.rsplit_once(dash))
        .filter(|(c, s)| !c.trim().is_empty() && !s.trim().is_empty())
}

fn decide(lex: &Lexicon, own: &[String], name: &str, description: &str) -> Verdict {
    let verdict = |class, term: &str, from_description| Verdict {
        class,
        term: term.to_string(),
        from_description,
    };
    if let Some(p) = product(lex, own, name, true) {
        return verdict(Class::Application, &p, false);
    }
    let found = terms(lex, own, name);
    let first = |class: Class| found.iter().position(|(c, _)| *c == class);
    if let Some(o) = first(Class::Outcome) {
        let lead = found[..o]
            .iter()
            .find(|(c, _)| matches!(c, Class::Technology | Class::Activity));
        let (class, term) = lead.unwrap_or(&found[o]);
        return verdict(*class, term, false);
    }
    for class in [Class::Activity, Class::Technology] {
        if let Some(i) = first(class) {
            return verdict(class, &found[i].1, false);
        }
    }
    // The name cannot tell: a description that names one product, or the process first, can.
    // Not by a word in brackets: prose puts anything there ("(Monday to Friday)").
    if let Some(p) = product(lex, own, description, false) {
        return verdict(Class::Application, &p, true);
    }
    if let Some((_, term)) = terms(lex, own, description)
        .into_iter()
        .find(|(c, _)| *c == Class::Outcome)
    {
        return verdict(Class::Outcome, &term, true);
    }
    let term = first(Class::Unclear).map_or("", |i| found[i].1.as_str());
    verdict(Class::Unclear, term, false)
}
