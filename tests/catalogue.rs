//! The catalogue check's classifier: the README's examples, and its figures on the labelled set of
//! real catalogue entries (tests/catalogue/), printed per source and class.
// Native only: the size rules of clippy.toml are for the page.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]
// Native only: the lexicon is read with toml.
#![cfg(not(target_arch = "wasm32"))]

use bita::model::catalogue::{classify, Class, Lexicon, Verdict};

fn lexicon() -> Lexicon {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questions/catalogue.toml"
    ))
    .unwrap_or_else(|e| panic!("questions/catalogue.toml: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("questions/catalogue.toml: {e}"))
}

#[test]
fn the_rules_examples_get_their_class_and_the_term_that_decided() {
    let lex = lexicon();
    for (name, class, term) in [
        ("SAP", Class::Application, "SAP"),
        ("Exchange Online", Class::Application, "Exchange"),
        ("Moodle", Class::Application, "Moodle"),
        ("Microsoft 365", Class::Application, "Microsoft 365"),
        ("Workday HR", Class::Application, "Workday"),
        ("SharePoint sites", Class::Application, "SharePoint"),
        ("Servers", Class::Technology, "Servers"),
        ("Wireless network", Class::Technology, "Wireless"),
        ("VPN", Class::Technology, "VPN"),
        ("Database hosting", Class::Technology, "Database"),
        ("Storage for research", Class::Technology, "Storage"),
        ("Service desk", Class::Activity, "Service desk"),
        ("Database administration", Class::Activity, "administration"),
        ("Desktop support", Class::Activity, "Desktop support"),
        ("Server administration", Class::Activity, "administration"),
        ("Payroll", Class::Outcome, "Payroll"),
        ("Onboarding new staff", Class::Outcome, "Onboarding"),
        ("Student enrolment", Class::Outcome, "enrolment"),
        ("Manufacturing support", Class::Outcome, "Manufacturing"),
        ("Research computing", Class::Outcome, "Research"),
        ("Email", Class::Unclear, "Email"),
        ("Printing", Class::Unclear, "Printing"),
        ("Student email", Class::Unclear, "email"),
    ] {
        let v = classify(&lex, &[], name, "");
        assert_eq!((v.class, v.term.as_str()), (class, term), "{name}");
        assert!(!v.from_description);
    }
}

/// German entries, compounds included: a word the lists do not hold is read as the word of the
/// lists it ends with and what comes before it.
#[test]
fn german_entries_and_their_compounds_get_their_class() {
    let lex = lexicon();
    for (name, class, term) in [
        ("Druckerverwaltung", Class::Activity, "verwaltung"),
        ("Netzwerkdrucker", Class::Technology, "Netzwerk"),
        ("Gehaltsabrechnung", Class::Outcome, "Gehaltsabrechnung"),
        ("Reisekostenabrechnung", Class::Outcome, "Reisekosten"),
        ("Datenbankbetrieb", Class::Activity, "betrieb"),
        (
            "Speicherplatz für Studierende",
            Class::Technology,
            "Speicherplatz",
        ),
        ("SAP-Personalwesen", Class::Application, "SAP"),
        ("Telefonie", Class::Unclear, "Telefonie"),
        (
            "Einarbeitung neuer Beschäftigter",
            Class::Outcome,
            "Einarbeitung",
        ),
    ] {
        let v = classify(&lex, &[], name, "");
        assert_eq!((v.class, v.term.as_str()), (class, term), "{name}");
    }
    // English names stay whole: a compound is read by its parts only where both are listed.
    assert_eq!(classify(&lex, &[], "Helpdesk", "").class, Class::Activity);
    for (name, class) in [
        ("PonyMail", Class::Application),
        ("Email (Staffmail)", Class::Application),
        ("Dashboard", Class::Unclear),
    ] {
        assert_eq!(classify(&lex, &[], name, "").class, class, "{name}");
    }
}

#[test]
fn a_common_word_is_a_product_only_where_written_as_a_name() {
    let lex = lexicon();
    assert_eq!(classify(&lex, &[], "Canvas", "").class, Class::Application);
    assert_eq!(
        classify(&lex, &[], "data exchange", "").class,
        Class::Unclear
    );
    // A name in capitals throughout says nothing by its capitals.
    assert_eq!(classify(&lex, &[], "EMAIL", "").class, Class::Unclear);
    // An abbreviation nobody lists is a system's name.
    let v = classify(&lex, &[], "FRED reporting", "");
    assert_eq!((v.class, v.term.as_str()), (Class::Application, "FRED"));
    // A name in brackets after the service's words is the system behind it...
    let v = classify(&lex, &[], "Service Desk System (Quantum)", "");
    assert_eq!((v.class, v.term.as_str()), (Class::Application, "Quantum"));
    // ...unless it is a word of the lexicon, one that says how a service is offered, or an
    // abbreviation of the words before it.
    for (name, class) in [
        ("Backup (Optional)", Class::Technology),
        ("Storage (Research Data)", Class::Technology),
        ("Voice Advisory Service (VAS)", Class::Activity),
        ("Payroll (Standard)", Class::Outcome),
        ("Printing (Colour)", Class::Unclear),
        ("Backup (Daily)", Class::Technology),
        ("VPN (Remote)", Class::Technology),
    ] {
        assert_eq!(classify(&lex, &[], name, "").class, class, "{name}");
    }
    // In a description, brackets hold prose, not a system's name.
    let v = classify(
        &lex,
        &[],
        "Printing",
        "Staffed on weekdays (Reception desk).",
    );
    assert_eq!(v.class, Class::Unclear);
}

#[test]
fn the_description_decides_only_where_the_name_cannot() {
    let lex = lexicon();
    let v = classify(
        &lex,
        &[],
        "Video conferencing",
        "Meetings online, provided through Zoom.",
    );
    assert_eq!(
        (v.class, v.term.as_str(), v.from_description),
        (Class::Application, "Zoom", true)
    );
    let v = classify(
        &lex,
        &[],
        "Collaboration",
        "Helps admissions staff share applications.",
    );
    assert_eq!((v.class, v.from_description), (Class::Outcome, true));
    // A name with a class keeps it, whatever the description says.
    let v = classify(&lex, &[], "Payroll", "Runs on SAP.");
    assert_eq!((v.class, v.from_description), (Class::Outcome, false));
    assert_eq!(v.reason(), "named after the business process “Payroll”");
}

/// The organisation's own names and abbreviations, as its reader would give them to the page
/// (from tests/catalogue/sources.md): they name no product.
fn own(source: &str) -> Vec<String> {
    let names: &[&str] = match source {
        "janet-uk" => &["janet"],
        "noaa-ocio" => &["noaa", "ocio"],
        "ihs-oit" => &["ihs", "oit"],
        "ssc-au" => &["ssc"],
        "nci-frederick" => &["nci"],
        "icr-scicomp" => &["icr"],
        "uni-osuit" => &["osuit", "osu"],
        "uni-macquarie" => &["mq", "macquarie"],
        "wvot" => &["wvot"],
        "cccco-it" => &["cccco", "state"],
        "omes-ok" => &["omes", "state"],
        "asf-infra" => &["asf", "apache"],
        _ => &[],
    };
    names.iter().map(|n| n.to_string()).collect()
}

/// One labelled entry: its source, name, description and the class the rules give it.
struct Labelled {
    source: String,
    name: String,
    description: String,
    class: Class,
}

fn labelled() -> Vec<Labelled> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/catalogue/labelled.csv");
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let t = bita::model::catalogue_csv::read(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
    assert_eq!(t.header, ["source", "name", "description", "class", "note"]);
    t.rows
        .iter()
        .enumerate()
        .map(|(i, r)| Labelled {
            source: r[0].clone(),
            name: r[1].clone(),
            description: r.get(2).cloned().unwrap_or_default(),
            class: Class::from_id(&r[3])
                .unwrap_or_else(|| panic!("{path} row {}: class {:?}", i + 2, r[3])),
        })
        .collect()
}

/// The lexicon as if it had been written without one source. The lexicon was first written from
/// general knowledge, before the labelled set existed (`tests/catalogue/lexicon-before-the-set.toml`,
/// a copy of that version); words added after it had been seen are the part a set can tune. So,
/// with a source left out, every added word that decides an entry of that source and no entry of
/// another is taken out; the first version's words and the rules (a product's shape, the order of
/// the words) stay.
fn without_source(lex: &Lexicon, set: &[Labelled], source: &str) -> Lexicon {
    let decided = |e: &Labelled| {
        classify(lex, &own(&e.source), &e.name, &e.description)
            .term
            .to_lowercase()
    };
    let mut only_here: std::collections::BTreeSet<String> = set
        .iter()
        .filter(|e| e.source == source)
        .map(decided)
        .collect();
    for e in set.iter().filter(|e| e.source != source) {
        only_here.remove(&decided(e));
    }
    let before: Lexicon = toml::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/catalogue/lexicon-before-the-set.toml"
        ))
        .unwrap(),
    )
    .unwrap();
    let general = [
        &before.products,
        &before.capitalised_products,
        &before.abbreviations,
        &before.technology,
        &before.activity,
        &before.outcome,
        &before.unclear,
    ];
    let tuned = |t: &String| {
        !general.iter().any(|l| l.contains(t))
            && only_here.iter().any(|d| {
                let d = d.replace('-', " ");
                let t = t.replace('-', " ");
                d == t || d == format!("{t}s") || d == format!("{t}es")
            })
    };
    let keep = |list: &Vec<String>| list.iter().filter(|t| !tuned(t)).cloned().collect();
    Lexicon {
        products: keep(&lex.products),
        capitalised_products: keep(&lex.capitalised_products),
        audiences: lex.audiences.clone(),
        abbreviations: keep(&lex.abbreviations),
        technology: keep(&lex.technology),
        activity: keep(&lex.activity),
        outcome: keep(&lex.outcome),
        unclear: keep(&lex.unclear),
        plain: lex.plain.clone(),
    }
}

/// The three figures over some entries, each with the count it is of.
struct Figures {
    /// Of the entries named after an application or a technology, the share found as either.
    recall: (usize, usize),
    /// Of the outcome-named entries, the share flagged as an application or a technology.
    outcome_flagged: (usize, usize),
    /// Of all entries, the share left unclear.
    unclear: (usize, usize),
}

/// Whether a class is one the recall counts: named after an application or a technology.
fn flagged(c: Class) -> bool {
    matches!(c, Class::Application | Class::Technology)
}

/// One printed line of an entry classed otherwise than labelled.
fn miss_line(e: &Labelled, got: &Verdict) -> String {
    format!(
        "  {} | {} | labelled {}, found {} ({})",
        e.source,
        e.name,
        e.class.id(),
        got.class.id(),
        got.reason()
    )
}

fn figures(lex: &Lexicon, set: &[&Labelled]) -> Figures {
    let got: Vec<Class> = set
        .iter()
        .map(|e| classify(lex, &own(&e.source), &e.name, &e.description).class)
        .collect();
    let count = |f: &dyn Fn(&Labelled, Class) -> bool| {
        set.iter().zip(&got).filter(|(e, c)| f(e, **c)).count()
    };
    Figures {
        recall: (
            count(&|e, c| flagged(e.class) && flagged(c)),
            count(&|e, _| flagged(e.class)),
        ),
        outcome_flagged: (
            count(&|e, c| e.class == Class::Outcome && flagged(c)),
            count(&|e, _| e.class == Class::Outcome),
        ),
        unclear: (count(&|_, c| c == Class::Unclear), set.len()),
    }
}

fn share((n, of): (usize, usize)) -> f64 {
    if of == 0 {
        0.0
    } else {
        n as f64 / of as f64
    }
}

/// The figures on the labelled set, per source and over all, then with each source left out (see
/// [`without_source`]), with the classes and every entry classed otherwise than labelled printed.
/// Held as floors that catch a regression: over the whole set at least 80 % of the application- and
/// technology-named entries found as either, at most 10 % of the outcome-named ones flagged as
/// either, at most 20 % of all left unclear; with each source left out, pooled: 70 %, 10 % and
/// 27 %. The issue asks 90 % found and at most 15 % unclear on each source left out: not reached
/// (see the printed lines and docs/catalogue-check.md).
#[test]
fn on_real_catalogues_most_applications_and_technology_are_found_and_outcomes_rarely_flagged() {
    let lex = lexicon();
    let set = labelled();
    let mut sources: Vec<&str> = set.iter().map(|e| e.source.as_str()).collect();
    sources.sort_unstable();
    sources.dedup();
    assert!(sources.len() >= 5, "five sources at least: {sources:?}");
    assert!(set.len() >= 200, "200 entries at least: {}", set.len());
    let pct = |f: (usize, usize)| format!("{:5.1} % ({}/{})", 100.0 * share(f), f.0, f.1);
    println!("source                  | apps+tech found    | outcomes flagged   | unclear");
    for s in &sources {
        let held: Vec<&Labelled> = set.iter().filter(|e| e.source == *s).collect();
        let f = figures(&lex, &held);
        println!(
            "{s:23} | {} | {} | {}",
            pct(f.recall),
            pct(f.outcome_flagged),
            pct(f.unclear)
        );
    }
    // Each source left out: its entries classed by the lexicon without the terms only they need.
    println!("source left out         | apps+tech found    | outcomes flagged   | unclear");
    let mut pooled = [(0, 0); 3];
    let mut missed = Vec::new();
    for s in &sources {
        let held: Vec<&Labelled> = set.iter().filter(|e| e.source == *s).collect();
        let without = without_source(&lex, &set, s);
        let f = figures(&without, &held);
        for e in &held {
            let got = classify(&without, &own(&e.source), &e.name, &e.description);
            if flagged(e.class) != flagged(got.class) {
                missed.push(miss_line(e, &got));
            }
        }
        for (p, x) in pooled
            .iter_mut()
            .zip([f.recall, f.outcome_flagged, f.unclear])
        {
            *p = (p.0 + x.0, p.1 + x.1);
        }
        println!(
            "{s:23} | {} | {} | {}",
            pct(f.recall),
            pct(f.outcome_flagged),
            pct(f.unclear)
        );
    }
    println!(
        "{:23} | {} | {} | {}",
        "each left out, pooled",
        pct(pooled[0]),
        pct(pooled[1]),
        pct(pooled[2])
    );
    println!(
        "with their source left out, entries flagged otherwise than labelled ({}):",
        missed.len()
    );
    for m in &missed {
        println!("{m}");
    }
    // Floors that catch a regression; the bar (90 % found on each source left out, at most
    // 15 % unclear) is not reached: see the note of issue 28.
    assert!(
        share(pooled[0]) >= 0.7,
        "left out, found {}",
        pct(pooled[0])
    );
    assert!(
        share(pooled[1]) <= 0.1,
        "left out, flagged {}",
        pct(pooled[1])
    );
    assert!(
        share(pooled[2]) <= 0.27,
        "left out, unclear {}",
        pct(pooled[2])
    );
    let all: Vec<&Labelled> = set.iter().collect();
    let f = figures(&lex, &all);
    println!(
        "{:23} | {} | {} | {}",
        "all",
        pct(f.recall),
        pct(f.outcome_flagged),
        pct(f.unclear)
    );
    // Per class: how many the rules give it, how many the classifier does, and agreed.
    println!("class        | labelled | found | agreed | precision | recall");
    for class in Class::ALL {
        let labelled = set.iter().filter(|e| e.class == class).count();
        let found: Vec<&Labelled> = set
            .iter()
            .filter(|e| classify(&lex, &own(&e.source), &e.name, &e.description).class == class)
            .collect();
        let agreed = found.iter().filter(|e| e.class == class).count();
        println!(
            "{:12} | {labelled:8} | {:5} | {agreed:6} | {:7.1} % | {:5.1} %",
            class.id(),
            found.len(),
            100.0 * share((agreed, found.len())),
            100.0 * share((agreed, labelled))
        );
    }
    let misses: Vec<String> = set
        .iter()
        .filter_map(|e| {
            let v = classify(&lex, &own(&e.source), &e.name, &e.description);
            (v.class != e.class).then(|| miss_line(e, &v))
        })
        .collect();
    println!(
        "entries classed otherwise than labelled ({}):\n{}",
        misses.len(),
        misses.join("\n")
    );
    assert!(
        share(f.recall) >= 0.8,
        "applications and technology found {}",
        pct(f.recall)
    );
    assert!(
        share(f.outcome_flagged) <= 0.1,
        "outcomes flagged {}",
        pct(f.outcome_flagged)
    );
    assert!(share(f.unclear) <= 0.2, "unclear {}", pct(f.unclear));
}
