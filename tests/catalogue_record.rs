//! The catalogue check's record (issue 28): adding, correcting and regrouping, the merge of two
//! copies, the stored schema, the shelf's commit against full, unreadable and shared storage, and
//! the draft catalogue's CSV read back.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use bita::model::assessment::Stamp;
use bita::model::catalogue::{Class, Lexicon};
use bita::model::catalogue_page::{self as page, Item};
use bita::model::catalogue_record::{self as record, Catalogue, Stamped};
use bita::model::catalogue_shelf::Shelf;
use proptest::prelude::*;

mod common;
use common::Fake;

fn lexicon() -> Lexicon {
    serde_json::from_str(bita::model::catalogue_json()).unwrap()
}

fn pairs(names: &[&str]) -> Vec<(String, String)> {
    names
        .iter()
        .map(|n| (n.to_string(), String::new()))
        .collect()
}

fn sample() -> Catalogue {
    let mut c = Catalogue::new("c1".into(), "Our catalogue", Stamp(10, 1));
    c.add(
        &pairs(&[
            "SAP",
            "Exchange Online",
            "Servers",
            "Onboarding new staff",
            "Printing",
        ]),
        Stamp(11, 1),
    );
    c
}

#[test]
fn adding_again_adds_only_names_not_held_ignoring_case_and_spacing() {
    let mut c = sample();
    let done = c.add(
        &pairs(&["sap", "  Exchange   online ", "Payroll", "Payroll", ""]),
        Stamp(12, 1),
    );
    assert_eq!((done.added, done.known), (1, 3));
    assert_eq!(c.entries.len(), 6);
    assert_eq!(c.entries[5].name, "Payroll");
}

#[test]
fn a_catalogue_holds_at_most_two_thousand_entries_and_clips_long_texts() {
    let mut c = Catalogue::new("c1".into(), "Big", Stamp(1, 1));
    let many: Vec<(String, String)> = (0..2100)
        .map(|i| (format!("Service {i}"), "d".repeat(1000)))
        .collect();
    let done = c.add(&many, Stamp(2, 1));
    assert_eq!((done.added, done.refused), (2000, 100));
    assert!(c
        .entries
        .iter()
        .all(|e| e.description.chars().count() == record::MAX_DESCRIPTION));
    // The fullest catalogue still fits the space bita keeps for catalogues.
    for e in &mut c.entries {
        e.name = format!("{:0>200}", e.name);
    }
    assert!(record::encode(&c).len() < record::MAX_STORED_BYTES);
}

#[test]
fn a_stored_catalogue_reads_back_and_a_newer_or_damaged_one_is_refused_in_words() {
    let mut c = sample();
    let id = c
        .add_service("Manufacturing support", Stamp(20, 1))
        .unwrap();
    c.entries[0].service = Stamped {
        value: Some(id),
        at: Stamp(21, 1),
    };
    c.entries[4].class = Stamped {
        value: Some(Class::Application),
        at: Stamp(22, 1),
    };
    let text = record::encode(&c);
    assert_eq!(record::decode(&text).unwrap(), c);
    assert!(
        text.starts_with(r#"{"format":"bita-catalogue","schema":1,"#),
        "{text}"
    );

    let newer = text.replace(r#""schema":1"#, r#""schema":2"#);
    assert!(record::decode(&newer)
        .unwrap_err()
        .contains("newer version of bita (format 2"));
    let field = text.replacen('{', r#"{"colour":"red","#, 1);
    assert!(record::decode(&field)
        .unwrap_err()
        .contains("it holds “colour”"));
    assert!(record::decode("{\"format\":\"bita-assessment\"}")
        .unwrap_err()
        .contains("not a bita catalogue"));
    assert!(record::decode(&text[..text.len() / 2])
        .unwrap_err()
        .contains("not valid JSON"));
    let bad_id = text.replace(r#""id":"c1""#, r#""id":"../x""#);
    assert!(record::decode(&bad_id).unwrap_err().contains("no valid id"));
}

/// Operations two tabs might make on copies of one catalogue.
#[derive(Debug, Clone)]
enum Change {
    Add(Vec<String>),
    Correct(usize, Option<Class>),
    Assign(usize, usize),
    Service(String),
    Remove(usize),
    Rename(String),
}

fn any_change() -> impl Strategy<Value = Change> {
    let name = prop::sample::select(vec!["SAP", "Servers", "Payroll", "VPN", "Email", "sap"]);
    prop_oneof![
        prop::collection::vec(name.prop_map(String::from), 1..3).prop_map(Change::Add),
        (
            0..6usize,
            prop::option::of(prop::sample::select(Class::ALL.to_vec()))
        )
            .prop_map(|(i, c)| Change::Correct(i, c)),
        (0..6usize, 0..3usize).prop_map(|(i, s)| Change::Assign(i, s)),
        prop::sample::select(vec!["Payroll", "Teaching"]).prop_map(|s| Change::Service(s.into())),
        (0..3usize).prop_map(Change::Remove),
        "[a-z]{1,5}".prop_map(Change::Rename),
    ]
}

fn apply(c: &mut Catalogue, change: &Change, at: Stamp) {
    match change {
        Change::Add(names) => {
            let items: Vec<(String, String)> =
                names.iter().map(|n| (n.clone(), String::new())).collect();
            c.add(&items, at);
        }
        Change::Correct(i, class) => {
            if let Some(e) = c.entries.get_mut(*i) {
                e.class = Stamped { value: *class, at };
            }
        }
        Change::Assign(i, s) => {
            let id = c.services.get(*s).map(|s| s.id.clone());
            if let Some(e) = c.entries.get_mut(*i) {
                e.service = Stamped { value: id, at };
            }
        }
        Change::Service(name) => {
            c.add_service(name, at);
        }
        Change::Remove(s) => {
            if let Some(id) = c.services.get(*s).map(|s| s.id.clone()) {
                c.remove_service(&id, at);
            }
        }
        Change::Rename(name) => {
            c.name = Stamped {
                value: name.clone(),
                at,
            }
        }
    }
}

proptest! {
    /// Two tabs change copies of one catalogue; merged either way round, or twice, they agree, and
    /// nothing either added is lost.
    #[test]
    fn copies_merge_to_the_same_catalogue_in_any_order(
        left in prop::collection::vec(any_change(), 0..8),
        right in prop::collection::vec(any_change(), 0..8),
    ) {
        let (mut a, mut b) = (sample(), sample());
        for (i, ch) in left.iter().enumerate() {
            apply(&mut a, ch, Stamp(100 + i as u64, 1));
        }
        for (i, ch) in right.iter().enumerate() {
            apply(&mut b, ch, Stamp(100 + i as u64, 2));
        }
        let mut ab = a.clone();
        ab.merge(&b);
        let mut ba = b.clone();
        ba.merge(&a);
        prop_assert_eq!(&ab, &ba);
        let mut again = ab.clone();
        again.merge(&a);
        again.merge(&b);
        prop_assert_eq!(&again, &ab);
        for e in a.entries.iter().chain(&b.entries) {
            prop_assert!(ab.entries.iter().any(|m| m.key() == e.key()));
        }
    }
}

#[test]
fn two_tabs_each_keep_their_changes_and_a_full_storage_loses_nothing() {
    let mut io = Fake::default();
    let (mut one, mut two) = (Shelf::new(1), Shelf::new(2));
    one.create("c1".into(), "Ours", 10);
    one.edit("c1", 11, |c, at| {
        c.add(&pairs(&["SAP", "Servers"]), at);
    });
    one.commit(&mut io);
    two.load(&mut io, 12);
    two.edit("c1", 13, |c, at| {
        c.add(&pairs(&["Payroll"]), at);
    });
    one.edit("c1", 13, |c, at| {
        c.add_service("Finance", at);
    });
    two.commit(&mut io);
    one.commit(&mut io);
    let stored = record::decode(&io.map[&record::storage_key("c1")]).unwrap();
    assert_eq!(stored.entries.len(), 3);
    assert_eq!(stored.services.len(), 1);

    io.fail_writes = true;
    one.edit("c1", 20, |c, at| {
        c.add(&pairs(&["VPN"]), at);
    });
    one.commit(&mut io);
    assert!(one.unsaved());
    assert!(
        one.problem().unwrap().contains("QuotaExceededError"),
        "{:?}",
        one.problem()
    );
    assert_eq!(one.get("c1").unwrap().entries.len(), 4);
    io.fail_writes = false;
    one.commit(&mut io);
    assert!(!one.unsaved() && one.problem().is_none());
    assert_eq!(
        record::decode(&io.map[&record::storage_key("c1")])
            .unwrap()
            .entries
            .len(),
        4
    );
}

#[test]
fn an_unreadable_stored_copy_is_never_overwritten_and_the_space_kept_is_never_exceeded() {
    let mut io = Fake::default();
    let mut s = Shelf::new(1);
    s.create("c1".into(), "Ours", 10);
    io.map.insert(record::storage_key("c1"), "{damaged".into());
    s.commit(&mut io);
    assert_eq!(io.map[&record::storage_key("c1")], "{damaged");
    assert!(s.problem().unwrap().contains("unreadable"));
    s.load(&mut io, 11);
    assert_eq!(s.unreadable().len(), 1);

    let mut io = Fake::default();
    io.map.insert(
        format!("{}big", record::PREFIX),
        "x".repeat(record::MAX_STORED_BYTES),
    );
    let mut s = Shelf::new(1);
    s.create("c2".into(), "Ours", 10);
    s.commit(&mut io);
    assert!(!io.map.contains_key(&record::storage_key("c2")));
    assert!(s.problem().unwrap().contains("2 MB"), "{:?}", s.problem());
    assert!(s.unsaved());

    let mut io = Fake {
        unavailable: true,
        ..Fake::default()
    };
    let mut s = Shelf::new(1);
    s.create("c3".into(), "Ours", 10);
    s.commit(&mut io);
    assert!(s.problem().unwrap().contains("does not let bita save"));
    assert_eq!(s.list().len(), 1);
}

#[test]
fn a_deleted_catalogue_is_hidden_then_purged_after_a_week() {
    let mut io = Fake::default();
    let mut s = Shelf::new(1);
    s.create("c1".into(), "Ours", 10);
    s.edit("c1", 11, |c, at| c.deleted = Stamped { value: true, at });
    s.commit(&mut io);
    assert!(s.get("c1").is_none() && s.list().is_empty());
    let mut later = Shelf::new(2);
    later.load(&mut io, 12);
    assert!(io.map.contains_key(&record::storage_key("c1")));
    later.load(&mut io, 12 + bita::model::catalogue_shelf::PURGE_AFTER_MS);
    assert!(!io.map.contains_key(&record::storage_key("c1")));
}

#[test]
fn the_summary_counts_each_class_and_names_the_three_most_common_patterns() {
    let lex = lexicon();
    let mut c = Catalogue::new("c1".into(), "Ours", Stamp(1, 1));
    c.add(
        &pairs(&[
            "SAP",
            "Moodle",
            "Exchange Online",
            "Servers",
            "VPN",
            "Database administration",
            "Onboarding new staff",
            "Email",
        ]),
        Stamp(2, 1),
    );
    let rows = page::rows(&lex, &c);
    let classes: Vec<Class> = rows.iter().map(|r| r.class).collect();
    assert_eq!(
        classes[..4],
        [
            Class::Application,
            Class::Application,
            Class::Application,
            Class::Technology
        ]
    );
    let (sentence, patterns) = page::summary(&rows);
    assert!(
        sentence.starts_with("1 of 8 entries are named after a business outcome or process"),
        "{sentence}"
    );
    assert!(
        sentence.contains("3 after an application or product"),
        "{sentence}"
    );
    assert_eq!(patterns.len(), 3);
    assert!(patterns[0].starts_with(
        "3 entries are named after an application or product: group them by the business process"
    ));
    assert!(patterns[1].starts_with("2 entries are named after a technology"));
}

#[test]
fn a_correction_wins_and_says_what_the_check_had_said() {
    let lex = lexicon();
    let mut c = sample();
    let e = c.entry_mut("printing").unwrap();
    e.class = Stamped {
        value: Some(Class::Technology),
        at: Stamp(30, 1),
    };
    let rows = page::rows(&lex, &c);
    let printing = rows.iter().find(|r| r.entry.name == "Printing").unwrap();
    assert_eq!(printing.class, Class::Technology);
    assert!(printing.corrected);
    assert!(
        printing
            .reason()
            .starts_with("corrected by you (the check said:"),
        "{}",
        printing.reason()
    );
}

#[test]
fn the_draft_catalogue_exports_as_csv_and_reads_back_with_its_services_and_corrections() {
    let lex = lexicon();
    let mut c = sample();
    let id = c
        .add_service("Manufacturing support", Stamp(20, 1))
        .unwrap();
    for k in ["sap", "exchange online", "servers"] {
        c.entry_mut(k).unwrap().service = Stamped {
            value: Some(id.clone()),
            at: Stamp(21, 1),
        };
    }
    c.entry_mut("printing").unwrap().class = Stamped {
        value: Some(Class::Technology),
        at: Stamp(22, 1),
    };
    c.add(
        &[("=HYPERLINK(\"x\")".into(), "a, \"quoted\" text".into())],
        Stamp(23, 1),
    );
    let rows = page::rows(&lex, &c);
    let (services, rest) = page::draft(&c, &rows);
    assert_eq!(services.len(), 1);
    assert_eq!(services[0].parts.len(), 3);
    assert_eq!(rest.len(), 3);
    let csv = page::draft_csv(&c, &rows);
    assert!(csv.starts_with("Business service,Entry,Description,Named after,Reason\r\n"));
    assert!(csv.contains("'=HYPERLINK"), "formula neutralised: {csv}");
    assert!(csv.contains("Still to describe: Support"));

    let table = bita::model::catalogue_csv::read(csv.as_bytes()).unwrap();
    let items: Vec<Item> = page::items(&table, table.name_column(), table.description_column());
    let mut back = Catalogue::new("c2".into(), "Back", Stamp(40, 1));
    page::add_items(&lex, &mut back, &items, Stamp(41, 1));
    assert_eq!(back.entries.len(), 6);
    let back_rows = page::rows(&lex, &back);
    let (services, _) = page::draft(&back, &back_rows);
    assert_eq!(services[0].name, "Manufacturing support");
    let names: Vec<&str> = services[0]
        .parts
        .iter()
        .map(|r| r.entry.name.as_str())
        .collect();
    assert_eq!(names, ["SAP", "Exchange Online", "Servers"]);
    let printing = back_rows
        .iter()
        .find(|r| r.entry.name == "Printing")
        .unwrap();
    assert_eq!(printing.class, Class::Technology);
    // Read into the same catalogue again, nothing is added twice.
    let again = page::add_items(&lex, &mut back, &items, Stamp(42, 1));
    assert_eq!((again.added, again.known), (0, 6));
}

#[test]
fn the_all_data_export_carries_the_catalogues_and_an_export_of_catalogues_only_imports() {
    use bita::model::exchange;
    let c = sample();
    let mut gone = Catalogue::new("c2".into(), "Gone", Stamp(1, 1));
    gone.deleted = Stamped {
        value: true,
        at: Stamp(2, 1),
    };
    let stored = exchange::stored_catalogues(vec![
        record::encode(&c),
        record::encode(&gone),
        "{damaged".into(),
    ]);
    assert_eq!(stored, [record::encode(&c)]);
    let bank = bita::model::builtin();
    let a = bita::model::Assessment::new(bank, "a1".into(), 5.0);
    let file = exchange::export_all(&[&a], &stored);
    assert!(exchange::holds_catalogues(&file));
    assert_eq!(exchange::import(bank, &file).unwrap().len(), 1);
    let json: serde_json::Value = serde_json::from_str(&file).unwrap();
    let back = record::decode_value(json["catalogues"][0].clone()).unwrap();
    assert_eq!(back, c);

    let only = exchange::export_all(&[], &stored);
    assert!(exchange::holds_catalogues(&only));
    assert_eq!(exchange::import(bank, &only).unwrap(), Vec::new());
    assert!(exchange::holds_catalogues(&record::encode(&c)));
    assert_eq!(
        exchange::import(bank, &record::encode(&c)).unwrap(),
        Vec::new()
    );
    // Without catalogues, an empty export is still refused.
    let empty = exchange::export_all(&[], &[]);
    assert!(!exchange::holds_catalogues(&empty));
    assert!(exchange::import(bank, &empty).is_err());
}

#[test]
fn entries_keep_the_order_they_were_pasted_in_through_a_merge() {
    let mut a = Catalogue::new("c1".into(), "Ours", Stamp(1, 1));
    a.add(&pairs(&["Zebra", "SAP", "Moodle"]), Stamp(2, 1));
    let mut b = a.clone();
    b.add(&pairs(&["Payroll", "Apple"]), Stamp(3, 2));
    a.add(&pairs(&["Yak"]), Stamp(4, 1));
    let mut ab = a.clone();
    ab.merge(&b);
    let names: Vec<&str> = ab.entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Zebra", "SAP", "Moodle", "Payroll", "Apple", "Yak"]);
    b.merge(&a);
    assert_eq!(b, ab);
}

#[test]
fn several_services_read_back_at_once_stay_apart_with_their_entries() {
    let lex = lexicon();
    let mut c = sample();
    let a = c.add_service("Payroll", Stamp(20, 1)).unwrap();
    let b = c.add_service("Teaching", Stamp(20, 1)).unwrap();
    assert_ne!(a, b, "the same stamp, two services");
    c.add_service("Research", Stamp(20, 1)).unwrap();
    c.entry_mut("sap").unwrap().service = Stamped {
        value: Some(a),
        at: Stamp(21, 1),
    };
    c.entry_mut("servers").unwrap().service = Stamped {
        value: Some(b),
        at: Stamp(21, 1),
    };
    c.add(&[("=SUM(A1)".into(), String::new())], Stamp(22, 1));
    let rows = page::rows(&lex, &c);
    let csv = page::draft_csv(&c, &rows);
    let table = bita::model::catalogue_csv::read(csv.as_bytes()).unwrap();
    let items = page::items(&table, table.name_column(), table.description_column());
    let mut back = Catalogue::new("c2".into(), "Back", Stamp(40, 1));
    page::add_items(&lex, &mut back, &items, Stamp(41, 1));
    let rows = page::rows(&lex, &back);
    let (services, _) = page::draft(&back, &rows);
    let got: Vec<(&str, Vec<&str>)> = services
        .iter()
        .map(|s| {
            (
                s.name,
                s.parts.iter().map(|r| r.entry.name.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Payroll", vec!["SAP"]),
            ("Teaching", vec!["Servers"]),
            ("Research", vec![])
        ]
    );
    // The neutralised formula comes back as written, so reading again adds nothing twice.
    assert!(back.entries.iter().any(|e| e.name == "=SUM(A1)"));
    let again = page::add_items(&lex, &mut back, &items, Stamp(42, 1));
    assert_eq!(again.added, 0);
}

#[test]
fn a_forged_record_is_refused_or_kept_within_what_bita_writes() {
    let mut c = sample();
    c.entries[1].name = "sap".into();
    assert!(record::decode(&record::encode(&c))
        .unwrap_err()
        .contains("the same entry twice"));
    let mut c = sample();
    c.entries[0].description = "x".repeat(5000);
    let back = record::decode(&record::encode(&c)).unwrap();
    assert_eq!(back.entries[0].description.len(), record::MAX_DESCRIPTION);
    // A stamp at the end of time neither panics nor stops later edits from being stamped.
    let mut c = sample();
    c.name.at = Stamp(u64::MAX, 9);
    let mut s = Shelf::new(1);
    s.import(vec![c]);
    assert!(s.edit("c1", 5, |c, at| c.own = Stamped {
        value: "x".into(),
        at
    }));
}

#[test]
fn a_deleted_catalogue_frees_its_space_and_takes_no_more_edits() {
    let mut c = sample();
    c.deleted = Stamped {
        value: true,
        at: Stamp(50, 1),
    };
    let text = record::encode(&c);
    assert!(!text.contains("SAP"), "{text}");
    let mut s = Shelf::new(2);
    s.import(vec![sample()]);
    s.import(vec![record::decode(&text).unwrap()]);
    assert!(s.get("c1").is_none());
    assert!(!s.edit("c1", 60, |c, at| c.name = Stamped {
        value: "back".into(),
        at
    }));
}
