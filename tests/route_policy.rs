//! The route policy: which route redirects where, and what a visit records, natively.
#![cfg(not(target_arch = "wasm32"))]

use bita::model::assessment::Place;
use bita::model::store::{Op, Store};
use bita::model::{builtin, Action};
use bita::route::{follow, Follow, Route};

fn store_with(id: &str, place: Place) -> Store {
    let mut s = Store::new(1);
    s.dispatch(
        Op::Start {
            id: id.into(),
            setup: vec![Action::Visit(place)],
        },
        10,
        builtin(),
    );
    s
}

fn dim(id: &str, dimension: &str, question: Option<&str>) -> Route {
    Route::Dimension {
        id: id.into(),
        dimension: dimension.into(),
        question: question.map(String::from),
    }
}

fn visit(id: &str, place: Place) -> Op {
    Op::Edit {
        id: id.into(),
        actions: vec![Action::Visit(place)],
    }
}

#[test]
fn the_bare_address_resumes_only_an_assessment_left_part_way() {
    let bank = builtin();
    let part_way = Place::Dimension {
        dimension: "value".into(),
        question: Some("va-02".into()),
    };
    let s = store_with("k1", part_way);
    assert_eq!(
        follow(&Route::Landing, &s, bank).redirect,
        Some(dim("k1", "value", Some("va-02")))
    );
    // At its review: the start page, with its list.
    let s = store_with("k1", Place::Review);
    assert_eq!(
        follow(&Route::Landing, &s, bank).redirect,
        Some(Route::Home)
    );
    assert_eq!(
        follow(&Route::Landing, &Store::new(1), bank).redirect,
        Some(Route::Home)
    );
}

#[test]
fn an_assessment_s_address_resumes_at_its_place_or_its_first_page() {
    let bank = builtin();
    let first = &bank.dimensions[0].id;
    let s = store_with("k1", Place::Review);
    let resume = Route::Resume { id: "k1".into() };
    assert_eq!(
        follow(&resume, &s, bank).redirect,
        Some(Route::Review { id: "k1".into() })
    );
    // A place in a dimension this bank does not have (a record from an older bita).
    let s = store_with(
        "k1",
        Place::Dimension {
            dimension: "gone".into(),
            question: None,
        },
    );
    assert_eq!(
        follow(&resume, &s, bank).redirect,
        Some(dim("k1", first, None))
    );
    assert_eq!(
        follow(
            &Route::Resume {
                id: "nobody".into()
            },
            &s,
            bank
        ),
        Follow::default()
    );
}

#[test]
fn a_visit_records_the_assessment_to_resume_and_the_place() {
    let bank = builtin();
    let mut s = store_with("k1", Place::Start);
    // The question named in the address, else the one last touched on the page.
    let f = follow(&dim("k1", "value", Some("va-03")), &s, bank);
    assert_eq!(f.redirect, None);
    let at = |q: &str| Place::Dimension {
        dimension: "value".into(),
        question: Some(q.into()),
    };
    assert_eq!(
        f.ops,
        [Op::Open { id: "k1".into() }, visit("k1", at("va-03"))]
    );
    // Carried out, the visit is where the page resumes next time.
    for op in f.ops {
        s.dispatch(op, 20, bank);
    }
    let f = follow(&dim("k1", "value", None), &s, bank);
    assert_eq!(f.ops[1], visit("k1", at("va-03")));
    let review = Route::Review { id: "k1".into() };
    assert_eq!(
        follow(&review, &s, bank).ops,
        [Op::Open { id: "k1".into() }, visit("k1", Place::Review)]
    );
    let results = Route::Results { id: "k1".into() };
    assert_eq!(
        follow(&results, &s, bank).ops,
        [Op::Open { id: "k1".into() }]
    );
}

#[test]
fn pages_of_no_assessment_here_and_other_pages_ask_nothing() {
    let bank = builtin();
    let mut s = store_with("k1", Place::Start);
    for route in [
        Route::Home,
        Route::Compare,
        Route::Shared("AQ".into()),
        Route::NotFound("x".into()),
        dim("k1", "no-such-dimension", None),
        dim("nobody", "value", None),
        Route::Review {
            id: "nobody".into(),
        },
    ] {
        assert_eq!(follow(&route, &s, bank), Follow::default(), "{route:?}");
    }
    // A deleted assessment records nothing more.
    s.dispatch(Op::Delete { id: "k1".into() }, 30, bank);
    assert_eq!(
        follow(&Route::Review { id: "k1".into() }, &s, bank),
        Follow::default()
    );
}
