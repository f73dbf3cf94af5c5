//! Navigation state, kept in the URL fragment (`#/...`) so that bita works from any static host and
//! sub-path, and a reload or a bookmark lands on the same page. Pure, so it is tested natively.

use crate::model::assessment::Place;
use crate::model::store::{Op, Store};
use crate::model::{Action, Assessment, Bank};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Route {
    /// No fragment at all: resume the last assessment if there is one, else home.
    Landing,
    /// The start page with the list of saved assessments.
    Home,
    /// An assessment, at the place it was left.
    Resume {
        id: String,
    },
    /// A dimension page, optionally pointing at one question.
    Dimension {
        id: String,
        dimension: String,
        question: Option<String>,
    },
    Review {
        id: String,
    },
    Results {
        id: String,
    },
    /// Several assessments side by side, as a team, or over time.
    Compare,
    /// A report carried whole by the link (`#/s/<payload>`, see `model::share`).
    Shared(String),
    /// The service-catalogue check: the list of catalogues, or one of them.
    Catalogue(Option<String>),
    NotFound(String),
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        if path.is_empty() {
            return Route::Landing;
        }
        let parts: Vec<&str> = path
            .trim_start_matches('/')
            .split('/')
            .filter(|p| !p.is_empty())
            .collect();
        let ok = |s: &str| crate::model::storage::valid_id(s);
        match parts.as_slice() {
            [] => Route::Home,
            ["a", id] if ok(id) => Route::Resume { id: id.to_string() },
            ["a", id, "review"] if ok(id) => Route::Review { id: id.to_string() },
            ["a", id, "results"] if ok(id) => Route::Results { id: id.to_string() },
            ["s", payload] => Route::Shared(payload.to_string()),
            ["compare"] => Route::Compare,
            ["catalogue"] => Route::Catalogue(None),
            ["catalogue", id] if ok(id) => Route::Catalogue(Some(id.to_string())),
            ["a", id, "d", dim] if ok(id) && ok(dim) => Route::Dimension {
                id: id.to_string(),
                dimension: dim.to_string(),
                question: None,
            },
            ["a", id, "d", dim, q] if ok(id) && ok(dim) && ok(q) => Route::Dimension {
                id: id.to_string(),
                dimension: dim.to_string(),
                question: Some(q.to_string()),
            },
            _ => Route::NotFound(path.to_string()),
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Landing | Route::Home | Route::NotFound(_) => "#/".into(),
            Route::Resume { id } => format!("#/a/{id}"),
            Route::Dimension {
                id,
                dimension,
                question: None,
            } => format!("#/a/{id}/d/{dimension}"),
            Route::Dimension {
                id,
                dimension,
                question: Some(q),
            } => format!("#/a/{id}/d/{dimension}/{q}"),
            Route::Review { id } => format!("#/a/{id}/review"),
            Route::Results { id } => format!("#/a/{id}/results"),
            Route::Shared(payload) => format!("#/s/{payload}"),
            Route::Compare => "#/compare".into(),
            Route::Catalogue(None) => "#/catalogue".into(),
            Route::Catalogue(Some(id)) => format!("#/catalogue/{id}"),
        }
    }

    /// Whose charts this page shows: the assessment's id, or "shared" for a link's report.
    pub fn owner(&self) -> Option<&str> {
        match self {
            Route::Shared(_) => Some("shared"),
            Route::Compare => Some("compare"),
            other => other.assessment(),
        }
    }

    /// The route of a saved place in an assessment.
    pub fn of_place(id: &str, place: &Place, first_dimension: &str) -> Route {
        match place {
            Place::Start => Route::Dimension {
                id: id.into(),
                dimension: first_dimension.into(),
                question: None,
            },
            Place::Dimension {
                dimension,
                question,
            } => Route::Dimension {
                id: id.into(),
                dimension: dimension.clone(),
                question: question.clone(),
            },
            Place::Review => Route::Review { id: id.into() },
        }
    }

    /// The assessment this route is about, if any.
    pub fn assessment(&self) -> Option<&str> {
        match self {
            Route::Resume { id }
            | Route::Dimension { id, .. }
            | Route::Review { id }
            | Route::Results { id } => Some(id),
            _ => None,
        }
    }
}

/// What following a route asks for once storage is read: where to go instead, and what to record
/// so that a reload or a later visit resumes there. The page carries it out (see `app`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Follow {
    /// Go here instead, in place of the address (no new history entry).
    pub redirect: Option<Route>,
    /// Operations on the store: the assessment to resume, the place visited.
    pub ops: Vec<Op>,
}

/// The route policy: which route redirects where, and what a visit records.
/// - The bare address resumes the assessment last worked on, if it was left part-way (on a
///   question page); one at its review or results waits in the start page's list.
/// - An assessment's address resumes at its saved place (its first page when that place names a
///   dimension the bank does not have: a record edited by hand, or from an older bita).
/// - A question page, the review and the results remember the assessment as the one to resume;
///   a question page and the review also record the place (a question page the question named,
///   else the one last touched on it).
/// - Addresses of an assessment that is not here (or deleted), and every other page, ask nothing.
pub fn follow(route: &Route, store: &Store, bank: &Bank) -> Follow {
    let first = &bank.dimensions[0].id;
    let resume_at = |a: &Assessment| match Route::of_place(&a.id, &a.place, first) {
        Route::Dimension { dimension, .. } if bank.dimension(&dimension).is_none() => {
            Route::of_place(&a.id, &Place::Start, first)
        }
        route => route,
    };
    let open = |id: &str| Op::Open { id: id.to_string() };
    let visit = |id: &str, place: Place| Op::Edit {
        id: id.to_string(),
        actions: vec![Action::Visit(place)],
    };
    let mut f = Follow::default();
    match route {
        Route::Landing => {
            let resume = store
                .last()
                .and_then(|id| store.get(id))
                .filter(|a| matches!(a.place, Place::Dimension { .. } | Place::Start));
            f.redirect = Some(resume.map_or(Route::Home, resume_at));
        }
        Route::Resume { id } => f.redirect = store.get(id).map(resume_at),
        Route::Dimension {
            id,
            dimension,
            question,
        } => {
            let Some(a) = store.get(id) else { return f };
            if bank.dimension(dimension).is_none() {
                return f;
            }
            let question = question
                .clone()
                .or_else(|| a.resume_at(dimension).map(str::to_string));
            f.ops = vec![
                open(id),
                visit(
                    id,
                    Place::Dimension {
                        dimension: dimension.clone(),
                        question,
                    },
                ),
            ];
        }
        Route::Review { id } if store.get(id).is_some() => {
            f.ops = vec![open(id), visit(id, Place::Review)];
        }
        Route::Results { id } if store.get(id).is_some() => f.ops = vec![open(id)],
        _ => {}
    }
    f
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn parse_and_href_round_trip() {
        let routes = [
            Route::Home,
            Route::Resume { id: "k1".into() },
            Route::Dimension {
                id: "k1".into(),
                dimension: "value".into(),
                question: None,
            },
            Route::Dimension {
                id: "k1".into(),
                dimension: "value".into(),
                question: Some("va-02".into()),
            },
            Route::Review { id: "k1".into() },
            Route::Results { id: "k1".into() },
            Route::Compare,
            Route::Catalogue(None),
            Route::Catalogue(Some("c1".into())),
        ];
        for r in routes {
            assert_eq!(Route::parse(&r.href()), r, "{}", r.href());
        }
    }

    /// Routes built from valid ids, every kind of page included.
    fn any_route() -> impl proptest::strategy::Strategy<Value = Route> {
        use proptest::prelude::*;
        let id = || "[A-Za-z0-9-]{1,40}";
        prop_oneof![
            Just(Route::Home),
            Just(Route::Compare),
            Just(Route::Catalogue(None)),
            id().prop_map(|id| Route::Catalogue(Some(id))),
            id().prop_map(|id| Route::Resume { id }),
            (id(), id(), proptest::option::of(id())).prop_map(|(id, dimension, question)| {
                Route::Dimension {
                    id,
                    dimension,
                    question,
                }
            }),
            id().prop_map(|id| Route::Review { id }),
            id().prop_map(|id| Route::Results { id }),
            "[A-Za-z0-9_-]{1,80}".prop_map(Route::Shared),
        ]
    }

    proptest::proptest! {
        /// Every page's address parses back to the same page.
        #[test]
        fn real_routes_round_trip(route in any_route()) {
            proptest::prop_assert_eq!(Route::parse(&route.href()), route);
        }

        /// The fragment is outside input: any text parses to some route without panicking, and a
        /// parsed route's own address parses back to it.
        #[test]
        fn any_fragment_parses(hash in "#?/?[a-z0-9/<>%-]{0,40}") {
            let route = Route::parse(&hash);
            if !matches!(route, Route::NotFound(_) | Route::Landing) {
                proptest::prop_assert_eq!(Route::parse(&route.href()), route);
            }
        }
    }

    #[test]
    fn odd_fragments_are_handled() {
        assert_eq!(Route::parse(""), Route::Landing);
        assert_eq!(Route::parse("#"), Route::Landing);
        assert_eq!(Route::parse("#/"), Route::Home);
        assert_eq!(Route::parse("#/a/k1/"), Route::Resume { id: "k1".into() });
        assert!(matches!(Route::parse("#/a/<script>"), Route::NotFound(_)));
        assert!(matches!(Route::parse("#/a/k1/d"), Route::NotFound(_)));
        assert!(matches!(Route::parse("#/elsewhere"), Route::NotFound(_)));
    }
}
