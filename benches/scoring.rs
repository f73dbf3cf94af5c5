//! How fast the domain scores: 10,000 assessments must take well under a second natively.
//! `cargo bench` prints the figures; no timing is asserted in tests.

use bita::model::{builtin, scoring, Answer, Assessment};

fn main() {
    link_lengths();
    divan::main();
}

/// Share-link lengths (characters after `#/s/`): bytes are deterministic, so they are printed once.
fn link_lengths() {
    use bita::model::share::{encode, NAME_BYTES};
    let bank = builtin();
    let mut a = population(1).remove(0);
    let bare = encode(bank, &a, false).payload.len();
    a.name = "x".repeat(NAME_BYTES + 10);
    let named = encode(bank, &a, false).payload.len();
    // For 50 questions: 4 bytes of header, 150 bits of answers, 1 of name length, 4 of checksum.
    let fifty = (4 + (50 * 3usize).div_ceil(8) + 1 + 4) * 4 / 3 + 1;
    println!(
        "share link: {bare} characters for the {} questions of model {} without a name, {named} with the longest name; {fifty} for 50 questions",
        bank.order(bank.version()).len(),
        bank.version()
    );
}

/// Deterministic, varied assessments: every question answered, with some "don't know".
fn population(n: usize) -> Vec<Assessment> {
    let bank = builtin();
    let order = bank.order(bank.version());
    (0..n)
        .map(|i| {
            let mut a = Assessment::new(bank, format!("a{i}"), 0.0);
            for (j, q) in order.iter().enumerate() {
                let x = (i * 31 + j * 17) % 7;
                let ans = match x {
                    5 => Answer::DontKnow,
                    6 => Answer::NotApplicable,
                    l => Answer::Level(l as u8 + 1),
                };
                a.answers.insert(q.id.clone(), ans);
            }
            a
        })
        .collect()
}

#[divan::bench(sample_count = 10)]
fn score_10_000_assessments(bencher: divan::Bencher) {
    let bank = builtin();
    let people = population(10_000);
    bencher.bench(|| {
        people
            .iter()
            .map(|a| scoring::score(bank, a).overall.map_or(0.0, |o| o.score()))
            .sum::<f64>()
    });
}

#[divan::bench(sample_count = 10)]
fn advise_10_000_assessments(bencher: divan::Bencher) {
    let bank = builtin();
    let people = population(10_000);
    bencher.bench(|| {
        people
            .iter()
            .map(|a| bita::model::advice::advise(bank, a).first.len())
            .sum::<usize>()
    });
}

/// The team view stays instant: merging 200 respondents into a median and scoring it.
#[divan::bench(sample_count = 10)]
fn team_of_200_merged_and_scored(bencher: divan::Bencher) {
    let bank = builtin();
    let people = population(200);
    bencher.bench(|| {
        let refs: Vec<&Assessment> = people.iter().collect();
        let t = bita::model::team::team(bank, &refs, "Team");
        scoring::score(bank, &t.median)
            .overall
            .map_or(0, |o| o.tenths)
    });
}
