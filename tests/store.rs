//! The store core: failed writes, other tabs, per-answer merges and delete versus edit, natively.
#![cfg(not(target_arch = "wasm32"))]
// Native only: the size rules of clippy.toml are for the page.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

use bita::model::assessment::Place;
use bita::model::storage::{self, key, read_all};
use bita::model::store::{Io, Op, Problem, Store, Unavailable};
use bita::model::{builtin, Action, Answer};
use proptest::prelude::*;

mod common;
use common::Fake;
use std::collections::BTreeMap;

impl Fake {
    fn refresh(&self, store: &mut Store, now: u64) -> bool {
        store.refresh(read_all(self.map.clone()), None, now)
    }
    fn stored(&self, id: &str) -> bita::model::Assessment {
        storage::decode(&self.map[&key(id)]).unwrap()
    }
}

fn answer(q: &str, a: Option<Answer>) -> Action {
    Action::Answer {
        question: q.into(),
        answer: a,
    }
}

fn edit(id: &str, actions: Vec<Action>) -> Op {
    Op::Edit {
        id: id.into(),
        actions,
    }
}

fn start(store: &mut Store, io: &mut Fake, id: &str, now: u64) {
    store.dispatch(
        Op::Start {
            id: id.into(),
            setup: vec![Action::Rename("Acme".into())],
        },
        now,
        builtin(),
    );
    store.commit(io);
}

fn answers(a: &bita::model::Assessment) -> Vec<(String, String)> {
    a.answers
        .iter()
        .map(|(q, v)| (q.clone(), v.code()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(q, a)| (q.to_string(), a.to_string()))
        .collect()
}

#[test]
fn failed_writes_in_a_row_keep_every_answer() {
    let bank = builtin();
    let (mut io, mut s) = (Fake::default(), Store::new(1));
    start(&mut s, &mut io, "x", 10);
    s.dispatch(
        edit("x", vec![answer("sd-01", Some(Answer::Level(2)))]),
        11,
        bank,
    );
    s.commit(&mut io);
    io.fail_writes = true;
    for (t, q, l) in [(12, "sd-02", 3), (13, "sd-03", 4), (14, "sd-04", 5)] {
        s.dispatch(edit("x", vec![answer(q, Some(Answer::Level(l)))]), t, bank);
        s.commit(&mut io);
        assert_eq!(
            s.problem(),
            Some(&Problem::WriteFailed("QuotaExceededError".into()))
        );
        assert!(s.unsaved());
    }
    let want = pairs(&[
        ("sd-01", "2"),
        ("sd-02", "3"),
        ("sd-03", "4"),
        ("sd-04", "5"),
    ]);
    assert_eq!(
        answers(s.get("x").unwrap()),
        want,
        "every answer stays in memory"
    );
    assert_eq!(
        answers(&io.stored("x")),
        pairs(&[("sd-01", "2")]),
        "storage keeps the last good copy"
    );
    io.fail_writes = false;
    s.commit(&mut io);
    assert_eq!(s.problem(), None);
    assert!(!s.unsaved());
    assert_eq!(
        answers(&io.stored("x")),
        want,
        "the next good write carries them all"
    );
}

#[test]
fn a_refresh_from_another_tab_during_unsaved_changes_keeps_both_sides() {
    let bank = builtin();
    let mut io = Fake::default();
    let (mut a, mut b) = (Store::new(1), Store::new(2));
    start(&mut a, &mut io, "x", 10);
    io.refresh(&mut b, 10);
    io.fail_writes = true;
    a.dispatch(
        edit("x", vec![answer("sd-01", Some(Answer::Level(4)))]),
        20,
        bank,
    );
    a.commit(&mut io);
    assert!(a.unsaved());
    // The other tab saves while this one cannot.
    io.fail_writes = false;
    b.dispatch(
        edit("x", vec![answer("va-01", Some(Answer::DontKnow))]),
        21,
        bank,
    );
    b.commit(&mut io);
    assert!(io.refresh(&mut a, 22), "still something to save");
    let both = pairs(&[("sd-01", "4"), ("va-01", "dk")]);
    assert_eq!(
        answers(a.get("x").unwrap()),
        both,
        "the refresh drops nothing"
    );
    a.commit(&mut io);
    assert_eq!(answers(&io.stored("x")), both);
    io.refresh(&mut b, 23);
    assert_eq!(answers(b.get("x").unwrap()), both);
}

#[test]
fn interleaved_writers_merge_per_answer_and_the_later_answer_wins() {
    let bank = builtin();
    let mut io = Fake::default();
    let (mut a, mut b) = (Store::new(1), Store::new(2));
    start(&mut a, &mut io, "x", 10);
    io.refresh(&mut b, 10);
    // Both read before either writes (no lock): b's write lands between a's read and a's write.
    a.dispatch(
        edit("x", vec![answer("sd-01", Some(Answer::Level(1)))]),
        20,
        bank,
    );
    b.dispatch(
        edit("x", vec![answer("sd-02", Some(Answer::Level(2)))]),
        21,
        bank,
    );
    assert!(a.pull(&mut io), "storage was readable");
    b.commit(&mut io);
    a.push(&mut io);
    assert_eq!(
        answers(&io.stored("x")),
        pairs(&[("sd-01", "1")]),
        "a overwrote b's write in storage for a moment"
    );
    // b hears of a's write, sees storage lost its answer, and writes it back.
    assert!(io.refresh(&mut b, 22));
    b.commit(&mut io);
    assert_eq!(
        answers(&io.stored("x")),
        pairs(&[("sd-01", "1"), ("sd-02", "2")])
    );
    // Both answer the same question: the later one wins everywhere, whoever writes last.
    b.dispatch(
        edit("x", vec![answer("sd-03", Some(Answer::Level(5)))]),
        30,
        bank,
    );
    a.dispatch(
        edit("x", vec![answer("sd-03", Some(Answer::Level(3)))]),
        31,
        bank,
    );
    a.commit(&mut io);
    b.commit(&mut io);
    io.refresh(&mut a, 32);
    assert_eq!(io.stored("x").answers["sd-03"], Answer::Level(3));
    assert_eq!(a.get("x").unwrap().answers["sd-03"], Answer::Level(3));
    assert_eq!(b.get("x").unwrap().answers["sd-03"], Answer::Level(3));
    // A clear is a write too, and beats an older answer from the other tab.
    b.dispatch(edit("x", vec![answer("sd-03", None)]), 40, bank);
    b.commit(&mut io);
    io.refresh(&mut a, 41);
    assert!(!a.get("x").unwrap().answers.contains_key("sd-03"));
}

#[test]
fn delete_versus_edit_keeps_the_edit_inside_the_deleted_assessment() {
    let bank = builtin();
    let mut io = Fake::default();
    let (mut a, mut b) = (Store::new(1), Store::new(2));
    start(&mut a, &mut io, "x", 10);
    io.refresh(&mut b, 10);
    a.dispatch(Op::Delete { id: "x".into() }, 20, bank);
    a.commit(&mut io);
    assert!(a.get("x").is_none() && a.list().is_empty());
    // b has not heard of the delete yet and answers.
    b.dispatch(
        edit("x", vec![answer("sd-01", Some(Answer::Level(5)))]),
        21,
        bank,
    );
    b.commit(&mut io);
    assert!(
        b.get("x").is_none(),
        "an edit does not bring a deleted assessment back"
    );
    assert!(io.stored("x").deleted);
    assert_eq!(
        io.stored("x").answers["sd-01"],
        Answer::Level(5),
        "the edit is kept"
    );
    // Undo in the tab that deleted brings it back with the late answer.
    io.refresh(&mut a, 22);
    a.dispatch(Op::Undo, 23, bank);
    a.commit(&mut io);
    io.refresh(&mut b, 24);
    assert_eq!(b.get("x").unwrap().answers["sd-01"], Answer::Level(5));
    assert_eq!(b.get("x").unwrap().name, "Acme");
}

#[test]
fn deleted_assessments_are_purged_later_or_when_space_is_needed() {
    let bank = builtin();
    let mut io = Fake::default();
    let mut s = Store::new(1);
    start(&mut s, &mut io, "old", 10);
    start(&mut s, &mut io, "new", 11);
    s.dispatch(Op::Delete { id: "old".into() }, 12, bank);
    s.commit(&mut io);
    assert!(io.map.contains_key(&key("old")));
    let mut s = Store::new(3);
    let mut later = Store::new(2);
    let week = bita::model::store::PURGE_AFTER_MS;
    io.refresh(&mut later, 12 + week / 2);
    later.commit(&mut io);
    assert!(io.map.contains_key(&key("old")), "kept for a while");
    io.refresh(&mut later, 13 + week);
    later.commit(&mut io);
    assert!(!io.map.contains_key(&key("old")), "then purged");

    // With storage full, deleted data makes room for unsaved answers.
    io.refresh(&mut s, 13 + week);
    start(&mut s, &mut io, "gone", 20);
    s.dispatch(Op::Delete { id: "gone".into() }, 21, bank);
    s.commit(&mut io);
    s.dispatch(Op::Delete { id: "new".into() }, 22, bank);
    s.dispatch(Op::Undo, 22, bank);
    assert!(io.map.contains_key(&key("gone")));
    struct FullUntilPurged(Fake);
    impl Io for FullUntilPurged {
        fn read(&mut self, k: &str) -> Result<Option<String>, Unavailable> {
            self.0.read(k)
        }
        fn write(&mut self, k: &str, v: &str) -> Result<(), String> {
            if self.0.map.contains_key(&key("gone")) {
                return Err("QuotaExceededError".into());
            }
            self.0.write(k, v)
        }
        fn remove(&mut self, k: &str) {
            self.0.remove(k)
        }
        fn keys(&mut self, prefix: &str) -> Vec<String> {
            self.0.keys(prefix)
        }
    }
    let mut full = FullUntilPurged(io);
    s.dispatch(
        edit("new", vec![answer("sd-01", Some(Answer::Level(3)))]),
        23,
        bank,
    );
    s.commit(&mut full);
    assert!(!s.unsaved(), "{:?}", s.problem());
    assert!(!full.0.map.contains_key(&key("gone")));
    assert_eq!(full.0.stored("new").answers["sd-01"], Answer::Level(3));
}

#[test]
fn dismissing_undo_after_another_tab_restored_keeps_the_assessment() {
    let bank = builtin();
    let mut io = Fake::default();
    let (mut a, mut b) = (Store::new(1), Store::new(2));
    start(&mut a, &mut io, "x", 10);
    a.dispatch(Op::Delete { id: "x".into() }, 11, bank);
    a.commit(&mut io);
    io.refresh(&mut b, 12);
    b.dispatch(Op::Restore { id: "x".into() }, 13, bank);
    b.commit(&mut io);
    io.refresh(&mut a, 14);
    assert!(a.undoable().is_none(), "nothing left to undo");
    a.dispatch(Op::DismissUndo, 15, bank);
    a.commit(&mut io);
    assert!(io.map.contains_key(&key("x")));
    assert!(a.get("x").is_some() && !io.stored("x").deleted);
}

#[test]
fn stamps_from_hostile_records_never_overflow() {
    let bank = builtin();
    let mut io = Fake::default();
    let mut s = Store::new(1);
    let mut a = bita::model::Assessment::new(bank, "h".into(), 1e300);
    a.answers.insert("sd-01".into(), Answer::Level(2));
    let raw = storage::encode(&a);
    io.map.insert(key("h"), raw);
    io.refresh(&mut s, 10);
    s.dispatch(
        edit("h", vec![answer("sd-01", Some(Answer::Level(4)))]),
        11,
        bank,
    );
    s.commit(&mut io);
    assert_eq!(
        io.stored("h").answers["sd-01"],
        Answer::Level(4),
        "the edit wins and stays"
    );
}

#[test]
fn dismissing_undo_removes_the_data_for_good() {
    let bank = builtin();
    let mut io = Fake::default();
    let mut s = Store::new(1);
    start(&mut s, &mut io, "x", 10);
    s.dispatch(Op::Delete { id: "x".into() }, 11, bank);
    s.commit(&mut io);
    assert!(io.map.contains_key(&key("x")), "kept for Undo");
    s.dispatch(Op::DismissUndo, 12, bank);
    s.commit(&mut io);
    assert!(!io.map.contains_key(&key("x")));
    assert!(s.record("x").is_none());
}

#[test]
fn an_unreadable_stored_copy_is_never_overwritten() {
    let bank = builtin();
    let mut io = Fake::default();
    let mut s = Store::new(1);
    start(&mut s, &mut io, "x", 10);
    io.map.insert(key("x"), "{\"format\":".into());
    s.dispatch(
        edit("x", vec![answer("sd-01", Some(Answer::Level(2)))]),
        11,
        bank,
    );
    s.commit(&mut io);
    assert_eq!(s.problem(), Some(&Problem::StoredCopyUnreadable));
    assert_eq!(io.map[&key("x")], "{\"format\":");
    assert_eq!(s.get("x").unwrap().answers["sd-01"], Answer::Level(2));
}

#[test]
fn visits_and_unchanged_places_write_nothing_new() {
    let bank = builtin();
    let mut io = Fake::default();
    let mut s = Store::new(1);
    start(&mut s, &mut io, "x", 10);
    let visit = || {
        edit(
            "x",
            vec![Action::Visit(Place::Dimension {
                dimension: "value".into(),
                question: None,
            })],
        )
    };
    s.dispatch(visit(), 11, bank);
    s.commit(&mut io);
    let writes = io.writes;
    s.dispatch(visit(), 12, bank);
    s.commit(&mut io);
    assert_eq!(io.writes, writes, "the same place again is no write");
    assert_eq!(s.get("x").unwrap().updated, 10.0, "moving is not an edit");
}

#[test]
fn import_merges_with_the_copy_already_here() {
    let bank = builtin();
    let mut io = Fake::default();
    let mut s = Store::new(1);
    start(&mut s, &mut io, "x", 10);
    let mut other = Store::new(2);
    io.clone().refresh(&mut other, 10);
    other.dispatch(
        edit("x", vec![answer("cv-01", Some(Answer::Level(4)))]),
        20,
        bank,
    );
    s.dispatch(
        edit("x", vec![answer("sd-01", Some(Answer::Level(1)))]),
        21,
        bank,
    );
    s.dispatch(Op::Import(vec![other.get("x").unwrap().clone()]), 22, bank);
    s.commit(&mut io);
    assert_eq!(s.list().len(), 1, "never duplicated");
    assert_eq!(
        answers(&io.stored("x")),
        pairs(&[("cv-01", "4"), ("sd-01", "1")])
    );
}

/// One step of two writers sharing one storage.
#[derive(Debug, Clone)]
enum Step {
    Answer(usize, usize, Option<u8>),
    Delete(usize),
    Undo(usize),
    Commit(usize),
    /// The first half of a commit now, the second later (another writer may come between).
    Pull(usize),
    Push(usize),
    Refresh(usize),
    /// The tab is hidden: it stashes what is unsaved, and goes on.
    Stash(usize),
    /// The tab is closed or reloaded right after an answer: it stashes, and a new tab (a new
    /// writer) reads storage in its place. Its commit never runs.
    Reload(usize),
    Fail(bool),
    Tick(u64),
    /// A writer sets a dimension's target (or clears it), or marks a roadmap step done or not.
    Target(usize, usize, Option<u8>),
    Mark(usize, usize, bool),
}

fn step() -> impl Strategy<Value = Step> {
    let w = 0..2usize;
    prop_oneof![
        4 => (w.clone(), 0..4usize, proptest::option::of(1..=5u8)).prop_map(|(w, q, a)| Step::Answer(w, q, a)),
        1 => w.clone().prop_map(Step::Delete),
        1 => w.clone().prop_map(Step::Undo),
        2 => w.clone().prop_map(Step::Commit),
        1 => w.clone().prop_map(Step::Pull),
        1 => w.clone().prop_map(Step::Push),
        2 => w.clone().prop_map(Step::Refresh),
        1 => w.clone().prop_map(Step::Stash),
        1 => w.clone().prop_map(Step::Reload),
        1 => any::<bool>().prop_map(Step::Fail),
        2 => (0..3u64).prop_map(Step::Tick),
        2 => (w.clone(), 0..2usize, proptest::option::of(1..=5u8)).prop_map(|(w, d, t)| Step::Target(w, d, t)),
        1 => (w, 0..2usize, any::<bool>()).prop_map(|(w, k, d)| Step::Mark(w, k, d)),
    ]
}

/// A write as the fold sees it: (time, writer) and the answer, `None` for a clear.
type Write = ((u64, u32), Option<Answer>);
/// A target's write (`None`: back to the proposal) and a step's mark, likewise.
type TargetWrite = ((u64, u32), Option<u8>);
type MarkWrite = ((u64, u32), bool);

const QS: [&str; 4] = ["sd-01", "sd-02", "va-01", "ro-03"];
const DIMS: [&str; 2] = ["value", "it-roles"];
const STEPS: [&str; 2] = ["sd-01@2", "va-01@1"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    /// For any interleaving of two writers' answers, clears, deletes and undos, with failed writes
    /// and split commits, both writers and storage end at the per-question last-writer-wins fold of
    /// every operation (clears and deletes as stamped tombstones, ties broken by writer id).
    #[test]
    fn any_interleaving_converges_to_the_last_writer_wins_fold(steps in proptest::collection::vec(step(), 1..60), locked in any::<bool>()) {
        let bank = builtin();
        let mut io = Fake::default();
        let mut w = [Store::new(1), Store::new(2)];
        let mut next_writer = 3;
        // With Web Locks a commit is never split by another tab's: Pull and Push are whole commits.
        let split = !locked;
        start(&mut w[0], &mut io, "x", 100);
        io.refresh(&mut w[1], 100);
        let mut now = 100;
        // Per question: (stamp, answer) of every write; deletes and undos likewise.
        let mut writes: BTreeMap<&str, Vec<Write>> = BTreeMap::new();
        let mut deletes: Vec<((u64, u32), bool)> = Vec::new();
        // Targets and marks likewise, per dimension and per step.
        let mut targets: BTreeMap<&str, Vec<TargetWrite>> = BTreeMap::new();
        let mut marks: BTreeMap<&str, Vec<MarkWrite>> = BTreeMap::new();
        for s in steps {
            match s {
                Step::Answer(i, q, a) => {
                    let ans = a.map(Answer::Level);
                    if w[i].get("x").is_none() && w[i].record("x").is_none() { continue; }
                    w[i].dispatch(edit("x", vec![answer(QS[q], ans)]), now, bank);
                    let st = w[i].record("x").unwrap().clock.answers[QS[q]];
                    writes.entry(QS[q]).or_default().push(((st.0, st.1), ans));
                }
                Step::Delete(i) | Step::Undo(i) => {
                    let before = w[i].record("x").map(|a| a.clock.deleted);
                    let op = if matches!(s, Step::Delete(_)) { Op::Delete { id: "x".into() } } else { Op::Undo };
                    w[i].dispatch(op, now, bank);
                    let rec = w[i].record("x").unwrap();
                    if Some(rec.clock.deleted) != before {
                        deletes.push(((rec.clock.deleted.0, rec.clock.deleted.1), rec.deleted));
                    }
                }
                Step::Commit(i) => w[i].commit(&mut io),
                Step::Pull(i) | Step::Push(i) if locked => w[i].commit(&mut io),
                Step::Pull(i) => {
                    w[i].pull(&mut io);
                }
                Step::Push(i) => w[i].push(&mut io),
                Step::Refresh(i) => { io.refresh(&mut w[i], now); }
                Step::Stash(i) => { w[i].stash(&mut io); }
                Step::Reload(i) => {
                    // Storage refusing every write cannot keep what a closed tab held (the page
                    // says so while it is open). Nor can a tab whose own write another tab's
                    // unlocked, split commit overwrote: only a tab still open writes it back, so
                    // closing is modelled where commits hold the lock (none split).
                    if io.fail_writes || split { continue; }
                    prop_assert!(!w[i].unsaved() || w[i].stash(&mut io));
                    w[i] = Store::new(next_writer);
                    next_writer += 1;
                    io.refresh(&mut w[i], now);
                }
                Step::Fail(f) => io.fail_writes = f,
                Step::Tick(d) => now += d,
                Step::Target(i, d, t) => {
                    if w[i].get("x").is_none() && w[i].record("x").is_none() { continue; }
                    w[i].dispatch(edit("x", vec![Action::SetTarget { dimension: DIMS[d].into(), level: t }]), now, bank);
                    let st = w[i].record("x").unwrap().clock.targets[DIMS[d]];
                    targets.entry(DIMS[d]).or_default().push(((st.0, st.1), t));
                }
                Step::Mark(i, k, done) => {
                    if w[i].get("x").is_none() && w[i].record("x").is_none() { continue; }
                    w[i].dispatch(edit("x", vec![Action::MarkDone { step: STEPS[k].into(), done }]), now, bank);
                    let st = w[i].record("x").unwrap().clock.done[STEPS[k]];
                    marks.entry(STEPS[k]).or_default().push(((st.0, st.1), done));
                }
            }
        }
        io.fail_writes = false;
        for i in [0, 1, 0, 1] {
            io.refresh(&mut w[i], now);
            w[i].commit(&mut io);
        }
        let deleted = deletes.iter().max_by_key(|(st, _)| *st).is_some_and(|(_, d)| *d);
        if !io.map.contains_key(&key("x")) {
            // Purged to make room: allowed only for an assessment that ends deleted.
            prop_assert!(deleted, "a live assessment vanished");
            prop_assert!(w.iter().all(|s| s.record("x").is_none()));
            return Ok(());
        }
        prop_assert!(io.keys(storage::PENDING_PREFIX).is_empty(), "pending entries left behind");
        let stored = io.stored("x");
        for q in QS {
            let want = writes.get(q).and_then(|ws| ws.iter().max_by_key(|(st, _)| *st)).and_then(|(_, a)| *a);
            prop_assert_eq!(stored.answers.get(q).copied(), want, "question {}", q);
        }
        prop_assert_eq!(stored.deleted, deleted);
        for d in DIMS {
            let want = targets.get(d).and_then(|ws| ws.iter().max_by_key(|(st, _)| *st)).and_then(|(_, t)| *t);
            prop_assert_eq!(stored.targets.get(d).copied(), want, "target of {}", d);
        }
        for k in STEPS {
            let want = marks.get(k).and_then(|ws| ws.iter().max_by_key(|(st, _)| *st)).is_some_and(|(_, d)| *d);
            prop_assert_eq!(stored.done.contains_key(k), want, "step {}", k);
        }
        for s in &w {
            prop_assert_eq!(s.record("x").unwrap(), &stored);
            prop_assert!(!s.unsaved());
        }
    }
}

proptest! {
    /// The small sort the domain uses is stable and sorts like the standard library's.
    #[test]
    fn the_domain_sort_matches_the_standard_stable_sort(v in proptest::collection::vec((0u8..5, any::<u16>()), 0..60)) {
        let mut ours = v.clone();
        bita::model::sort_by_key(&mut ours, |(k, _)| *k);
        let mut std = v;
        std.sort_by_key(|(k, _)| *k);
        prop_assert_eq!(ours, std);
    }
}

#[test]
fn nothing_is_written_when_storage_cannot_be_read() {
    struct Unreadable(Fake);
    impl Io for Unreadable {
        fn read(&mut self, _: &str) -> Result<Option<String>, Unavailable> {
            Err(Unavailable)
        }
        fn write(&mut self, k: &str, v: &str) -> Result<(), String> {
            self.0.write(k, v)
        }
        fn remove(&mut self, k: &str) {
            self.0.remove(k)
        }
        fn keys(&mut self, prefix: &str) -> Vec<String> {
            self.0.keys(prefix)
        }
    }
    let bank = builtin();
    let mut io = Fake::default();
    let mut s = Store::new(1);
    start(&mut s, &mut io, "x", 10);
    let writes = io.writes;
    s.dispatch(
        edit("x", vec![answer("sd-01", Some(Answer::Level(2)))]),
        11,
        bank,
    );
    let mut broken = Unreadable(io);
    assert!(!s.pull(&mut broken));
    s.commit(&mut broken);
    assert_eq!(broken.0.writes, writes, "no write of what was not merged");
    assert_eq!(s.problem(), Some(&Problem::Unavailable));
    assert!(s.unsaved());
}

/// Storage whose `before` runs once, just before its `at`-th operation (a read, write, removal or
/// listing): another tab acting in the middle of a commit.
struct Interleaved<'a> {
    io: Fake,
    at: usize,
    ops: usize,
    before: Option<Meanwhile<'a>>,
}

/// What the other tab does meanwhile.
type Meanwhile<'a> = Box<dyn FnOnce(&mut Fake) + 'a>;

impl Interleaved<'_> {
    fn tick(&mut self) {
        if self.ops == self.at {
            if let Some(f) = self.before.take() {
                f(&mut self.io);
            }
        }
        self.ops += 1;
    }
}

impl Io for Interleaved<'_> {
    fn read(&mut self, key: &str) -> Result<Option<String>, Unavailable> {
        self.tick();
        self.io.read(key)
    }
    fn write(&mut self, key: &str, value: &str) -> Result<(), String> {
        self.tick();
        self.io.write(key, value)
    }
    fn remove(&mut self, key: &str) {
        self.tick();
        self.io.remove(key)
    }
    fn keys(&mut self, prefix: &str) -> Vec<String> {
        self.tick();
        self.io.keys(prefix)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// A tab that goes away right after answering stashes without the lock, while another tab's
    /// locked commit reads and writes around it. At every point of that commit (before its first
    /// operation, between any two, after its last), both tabs' answers are kept: storage as the
    /// next tab reads it holds both, and once that tab commits, the record holds both and no
    /// pending entry is left. The same question answered by both ends at the later answer.
    #[test]
    fn a_stash_at_any_point_of_another_tabs_commit_keeps_both_answers(
        qa in 0..4usize, qb in 0..4usize, la in 1..=5u8, lb in 1..=5u8, a_first in any::<bool>(),
    ) {
        let bank = builtin();
        let mut base = Fake::default();
        let (mut a, mut b) = (Store::new(1), Store::new(2));
        start(&mut a, &mut base, "x", 100);
        base.refresh(&mut b, 100);
        let (ta, tb) = if a_first { (110, 120) } else { (120, 110) };
        a.dispatch(edit("x", vec![answer(QS[qa], Some(Answer::Level(la)))]), ta, bank);
        b.dispatch(edit("x", vec![answer(QS[qb], Some(Answer::Level(lb)))]), tb, bank);
        let want = |q: &str| {
            let mut got = None;
            for (t, qq, l) in [(ta, QS[qa], la), (tb, QS[qb], lb)] {
                if qq == q && got.is_none_or(|(t0, _)| t > t0) {
                    got = Some((t, l));
                }
            }
            got.map(|(_, l)| Answer::Level(l))
        };
        // How many operations B's commit makes when nothing comes between.
        let ops = {
            let mut probe = Interleaved { io: base.clone(), at: usize::MAX, ops: 0, before: None };
            b.clone().commit(&mut probe);
            probe.ops
        };
        for at in 0..=ops {
            let mut stasher = a.clone();
            let mut io = Interleaved {
                io: base.clone(),
                at,
                ops: 0,
                before: Some(Box::new(move |io: &mut Fake| {
                    stasher.stash(io);
                })),
            };
            let mut committer = b.clone();
            committer.commit(&mut io);
            if let Some(f) = io.before.take() {
                f(&mut io.io);
            }
            let io = io.io;
            // The next tab to open reads storage as it is.
            let mut next = Store::new(3);
            let mut after = io.clone();
            after.refresh(&mut next, 200);
            for q in QS {
                prop_assert_eq!(next.get("x").unwrap().answers.get(q).copied(), want(q), "read, stash before op {}", at);
            }
            next.commit(&mut after);
            prop_assert!(after.keys(storage::PENDING_PREFIX).is_empty(), "pending left, stash before op {}", at);
            for q in QS {
                prop_assert_eq!(after.stored("x").answers.get(q).copied(), want(q), "stored, stash before op {}", at);
            }
            // The committing tab takes the stash in as well, once it hears of it.
            committer.refresh(read_all(io.map.clone()), None, 200);
            let mut io2 = io.clone();
            committer.commit(&mut io2);
            for q in QS {
                prop_assert_eq!(committer.get("x").unwrap().answers.get(q).copied(), want(q), "committer, stash before op {}", at);
            }
        }
    }
}

#[test]
fn a_stash_writes_only_its_own_new_key_and_supersedes_its_previous_one() {
    let bank = builtin();
    let mut io = Fake::default();
    let mut s = Store::new(7);
    start(&mut s, &mut io, "x", 10);
    assert!(!s.stash(&mut io), "nothing unsaved: nothing stashed");
    let record = io.map[&key("x")].clone();
    s.dispatch(
        edit("x", vec![answer("sd-01", Some(Answer::Level(2)))]),
        11,
        bank,
    );
    assert!(s.stash(&mut io));
    assert_eq!(
        io.map[&key("x")],
        record,
        "the record itself is not written unlocked"
    );
    let first = io.keys(storage::PENDING_PREFIX);
    assert_eq!(first.len(), 1);
    s.dispatch(
        edit("x", vec![answer("sd-02", Some(Answer::Level(3)))]),
        12,
        bank,
    );
    assert!(s.stash(&mut io));
    let second = io.keys(storage::PENDING_PREFIX);
    assert_eq!(second.len(), 1);
    assert_ne!(
        first, second,
        "a new key for each stash, the previous one removed"
    );
    s.commit(&mut io);
    assert!(
        io.keys(storage::PENDING_PREFIX).is_empty(),
        "written, so the entry goes"
    );
    assert_eq!(
        answers(&io.stored("x")),
        pairs(&[("sd-01", "2"), ("sd-02", "3")])
    );
}

#[test]
fn an_unreadable_pending_entry_is_left_untouched_and_listed() {
    let mut io = Fake::default();
    let mut s = Store::new(1);
    start(&mut s, &mut io, "x", 10);
    let k = storage::pending_key(9, 1);
    io.map.insert(
        k.clone(),
        "{\"format\":\"bita-export\",\"assessments\":[{".into(),
    );
    let mut t = Store::new(2);
    io.refresh(&mut t, 20);
    t.commit(&mut io);
    assert!(io.map.contains_key(&k), "never removed unread");
    assert_eq!(t.unreadable().len(), 1);
    assert_eq!(t.unreadable()[0].key, k);
}
