//! The catalogue check's classifier: the README's examples, and its figures on the labelled set of
//! real catalogue entries (tests/catalogue/), printed per class and held to the floors.

use bita::model::catalogue::{classify, Class, Lexicon};

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
        let v = classify(&lex, name, "");
        assert_eq!((v.class, v.term.as_str()), (class, term), "{name}");
        assert!(!v.from_description);
    }
}

#[test]
fn a_common_word_is_a_product_only_where_written_as_a_name() {
    let lex = lexicon();
    assert_eq!(classify(&lex, "Canvas", "").class, Class::Application);
    assert_eq!(classify(&lex, "data exchange", "").class, Class::Unclear);
    // A name in capitals throughout says nothing by its capitals.
    assert_eq!(classify(&lex, "EMAIL", "").class, Class::Unclear);
    // An abbreviation nobody lists is a system's name.
    let v = classify(&lex, "FRED reporting", "");
    assert_eq!((v.class, v.term.as_str()), (Class::Application, "FRED"));
}

#[test]
fn the_description_decides_only_where_the_name_cannot() {
    let lex = lexicon();
    let v = classify(
        &lex,
        "Video conferencing",
        "Meetings online, provided through Zoom.",
    );
    assert_eq!(
        (v.class, v.term.as_str(), v.from_description),
        (Class::Application, "Zoom", true)
    );
    let v = classify(
        &lex,
        "Collaboration",
        "Helps admissions staff share applications.",
    );
    assert_eq!((v.class, v.from_description), (Class::Outcome, true));
    // A name with a class keeps it, whatever the description says.
    let v = classify(&lex, "Payroll", "Runs on SAP.");
    assert_eq!((v.class, v.from_description), (Class::Outcome, false));
    assert_eq!(v.reason(), "named after the business process “Payroll”");
}
