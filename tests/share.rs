//! The share-link codec: round trips, lengths, damaged and foreign links, old versions, and a
//! million inputs that must never panic, each decoded one within the format's limits.
#![cfg(not(target_arch = "wasm32"))]
// Native only: the size rules of clippy.toml are for the page.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)]

mod common;

use common::any_answer;

use bita::model::bank::{validate, Dimension, Question};
use bita::model::share::{
    after_prefix, base64url, crc32, decode, decode_body, encode, encode_as, unbase64url,
    ShareError, MAX_PAYLOAD, NAME_BYTES,
};
use bita::model::{builtin, Answer, Assessment, Bank, Perspective};
use proptest::prelude::*;
use std::collections::BTreeMap;

fn sample(bank: &Bank) -> Assessment {
    let mut a = Assessment::new(bank, "x1".into(), 1_764_115_200_000.0);
    a.name = "Acme Finance".into();
    a.perspective = Perspective::Business;
    for (i, q) in bank.order(bank.version()).iter().enumerate() {
        let ans = match i % 8 {
            0 => continue,
            6 => Answer::DontKnow,
            7 => Answer::NotApplicable,
            l => Answer::Level(l as u8),
        };
        a.answers.insert(q.id.clone(), ans);
    }
    a
}

/// What a link carries of an assessment (not its id, role, notes unless asked, or time of day).
#[derive(Debug, PartialEq)]
struct Carried {
    answers: Vec<(String, Answer)>,
    name: String,
    perspective: Perspective,
    day: String,
    notes: Vec<(String, String)>,
    targets: Vec<(String, u8)>,
}

fn carried(a: &Assessment, notes: bool) -> Carried {
    Carried {
        answers: a.answers.iter().map(|(q, v)| (q.clone(), *v)).collect(),
        name: a.name.clone(),
        perspective: a.perspective,
        day: bita::model::dates::utc_day(a.updated),
        targets: a.targets.iter().map(|(d, l)| (d.clone(), *l)).collect(),
        notes: if notes {
            a.notes
                .iter()
                .map(|(q, v)| (q.clone(), v.clone()))
                .collect()
        } else {
            vec![]
        },
    }
}

#[test]
fn a_link_round_trips_what_it_carries() {
    let bank = builtin();
    let mut a = sample(bank);
    a.notes.insert(
        "sd-01".into(),
        "Seen in the 2026 catalogue — “services”".into(),
    );
    for notes in [false, true] {
        let e = encode(bank, &a, notes);
        let back = decode(bank, &e.payload).unwrap();
        assert_eq!(carried(&back.assessment, notes), carried(&a, notes));
        assert!(!e.name_shortened && !back.name_shortened);
        assert_eq!(back.version, bank.version());
        assert_eq!(back.assessment.id, "", "nobody's saved assessment");
    }
}

/// A bank of `n` questions, for the length rule.
fn bank_of(n: usize) -> Bank {
    let mut model = builtin().model.clone();
    model.version = 1;
    model.scoring.basics = vec!["q0".into()];
    model.dimensions = vec!["d".into()];
    for r in &mut model.roles {
        r.id = format!("role-{}", r.id);
    }
    model.roles.truncate(0);
    model.levels.iter_mut().for_each(|l| l.backed_by.clear());
    model.scoring.stop_the_bleeding = vec!["relief".into()];
    let mut questions: Vec<Question> = (0..n)
        .map(|i| common::question(&format!("q{i}"), 1, None, false))
        .collect();
    questions[0].answers[0].action = "relief".into();
    let mut dims = BTreeMap::new();
    dims.insert(
        "questions/d.toml".to_string(),
        Dimension {
            id: "d".into(),
            name: "D".into(),
            summary: "s".into(),
            questions,
        },
    );
    validate(model, dims).unwrap()
}

#[test]
fn fifty_answers_fit_in_40_characters_and_a_name_adds_at_most_60() {
    let bank = bank_of(50);
    let mut a = Assessment::new(&bank, "x".into(), 1_764_115_200_000.0);
    for (i, q) in bank.order(1).iter().enumerate() {
        a.answers
            .insert(q.id.clone(), Answer::Level((i % 5 + 1) as u8));
    }
    let bare = encode(&bank, &a, false).payload;
    assert!(bare.len() <= 40, "{} characters: {bare}", bare.len());
    a.name = "Ærøskøbing Kommune — Digitalisering og IT-drift, afdeling for borgerservice".into();
    let named = encode(&bank, &a, false);
    assert!(named.payload.len() - bare.len() <= 60);
    assert!(named.name_shortened);
    let back = decode(&bank, &named.payload).unwrap();
    assert!(back.name_shortened);
    assert!(a.name.starts_with(&back.assessment.name));
    assert!(back.assessment.name.len() <= NAME_BYTES);
    println!(
        "a 50-question link: {} characters, {} with the longest name",
        bare.len(),
        named.payload.len()
    );
}

#[test]
fn the_longest_link_bita_makes_still_opens() {
    let bank = builtin();
    let mut a = sample(bank);
    a.name = "ü".repeat(200);
    for q in bank.order(bank.version()) {
        a.notes.insert(q.id.clone(), "n".repeat(150));
    }
    let e = encode(bank, &a, true);
    assert!(
        e.payload.len() <= MAX_PAYLOAD,
        "{} characters",
        e.payload.len()
    );
    assert!(e.name_shortened && e.notes_shortened);
    let back = decode(bank, &e.payload).unwrap();
    assert!(back.name_shortened && back.notes_shortened);
}

#[test]
fn notes_have_a_documented_maximum() {
    let bank = builtin();
    let mut a = sample(bank);
    for q in bank.order(bank.version()) {
        a.notes.insert(q.id.clone(), "ü".repeat(1000));
    }
    let e = encode(bank, &a, true);
    assert!(e.notes_shortened);
    assert!(e.payload.len() <= MAX_PAYLOAD, "{}", e.payload.len());
    let back = decode(bank, &e.payload).unwrap();
    assert!(back.notes_shortened);
    assert!(back
        .assessment
        .notes
        .values()
        .all(|n| n.chars().all(|c| c == 'ü')));
}

/// The order of version 1 and a link made under it: links already sent must keep opening.
const V1_ORDER: [&str; 38] = [
    "sd-01", "sd-02", "sd-03", "sd-04", "sd-05", "sd-06", "sd-07", "va-01", "va-02", "va-03",
    "va-04", "va-05", "va-06", "va-07", "cv-01", "cv-02", "cv-03", "cv-04", "cv-05", "cv-06",
    "dt-01", "dt-02", "dt-03", "dt-04", "dt-05", "dt-06", "dt-07", "dt-08", "ro-01", "ro-02",
    "ro-03", "ro-04", "ro-05", "ro-06", "ro-07", "ro-08", "ro-09", "ro-10",
];
/// A golden link's assessment, dated 2025-11-26: question i of `order` answered with code
/// (i + shift) mod 8 (0 unanswered, 1 to 5 a level, 6 "Don't know", 7 "Not applicable").
fn golden(name: &str, side: Perspective, order: &[&str], shift: usize) -> Assessment {
    let mut a = Assessment::new(builtin(), "g".into(), 1_764_115_200_000.0);
    a.name = name.into();
    a.perspective = side;
    for (i, q) in order.iter().enumerate() {
        let ans = match (i + shift) % 8 {
            0 => continue,
            6 => Answer::DontKnow,
            7 => Answer::NotApplicable,
            l => Answer::Level(l as u8),
        };
        a.answers.insert(q.to_string(), ans);
    }
    a
}

/// Version 1, the business's view, 2025-11-26, "Golden": question i answered with code i mod 8.
const V1_LINK: &str = "AQFPwgU5dwU5dwU5dwU5dwU5QAZHb2xkZW6exRft";

#[test]
fn golden_a_version_1_link_still_opens() {
    let bank = builtin();
    let ids: Vec<&str> = bank.order(1).iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, V1_ORDER);
    let a = golden("Golden", Perspective::Business, &V1_ORDER, 0);
    assert_eq!(encode_as(bank, &a, false, 1).payload, V1_LINK);
    let back = decode(bank, V1_LINK).unwrap();
    assert_eq!(back.version, 1);
    assert_eq!(carried(&back.assessment, false), carried(&a, false));
    let retired = a
        .answers
        .keys()
        .filter(|q| !bank.question(q).unwrap().1.active_in(bank.version()))
        .count();
    assert!(retired > 0);
    assert_eq!(back.retired, retired);
}

#[test]
fn bad_links_say_what_is_wrong() {
    let bank = builtin();
    let good = encode(bank, &sample(bank), false).payload;
    assert_eq!(
        decode(bank, &good[..good.len() - 3]),
        Err(ShareError::Damaged)
    );
    assert_eq!(decode(bank, "!!!not-a-link"), Err(ShareError::NotALink));
    assert_eq!(decode(bank, &"A".repeat(5000)), Err(ShareError::TooLong));
    assert_eq!(
        decode(bank, &"x".repeat(3_000_000)),
        Err(ShareError::TooLong)
    );
    assert_eq!(decode(bank, ""), Err(ShareError::Damaged));
    // A link from a newer model says so, rather than that it is damaged.
    let mut body = unbase64url(&good).unwrap();
    body.truncate(body.len() - 4);
    body[0] = (bank.version() + 1) as u8;
    let mut newer = body.clone();
    newer.extend(crc32(&body).to_be_bytes());
    assert_eq!(
        decode(bank, &base64url(&newer)),
        Err(ShareError::Newer(bank.version() + 1))
    );
    assert!(ShareError::Newer(3)
        .to_string()
        .contains("Reload the page to update bita"));
}

/// A link as a later version may make it: the golden link of version 1 with the flag 32 set and a
/// field of one byte after the name, checksum recomputed. Whole, so never called damaged. (Flag
/// 16 was such a flag until this version gave it the targets: the previous release reads a link
/// with targets this way.)
const NEWER_FLAG_LINK: &str = "ASFPwgU5dwU5dwU5dwU5dwU5QAZHb2xkZW4DGvtVVA";

#[test]
fn golden_a_link_with_a_flag_of_a_later_version_says_newer_version() {
    let bank = builtin();
    let mut body = unbase64url(V1_LINK).unwrap();
    body.truncate(body.len() - 4);
    body[1] |= 32;
    body.push(3);
    let crc = crc32(&body);
    body.extend(crc.to_be_bytes());
    assert_eq!(
        base64url(&body),
        NEWER_FLAG_LINK,
        "the golden link as the rule makes it"
    );
    let e = decode(bank, NEWER_FLAG_LINK).unwrap_err();
    assert_eq!(e, ShareError::NewerFormat);
    assert!(e.newer());
    let text = e.to_string();
    assert!(
        text.contains("newer version of bita") && text.contains("Reload"),
        "{text}"
    );
    assert!(
        !text.contains("changed") && !text.contains("damaged") && !text.contains("incomplete"),
        "{text}"
    );
    // Every flag this version does not know, alone, with no field after it, reads the same way.
    let mut plain = unbase64url(V1_LINK).unwrap();
    plain.truncate(plain.len() - 4);
    for bit in [32u8, 64, 128] {
        let mut b = plain.clone();
        b[1] |= bit;
        let crc = crc32(&b);
        b.extend(crc.to_be_bytes());
        assert_eq!(
            decode(bank, &base64url(&b)),
            Err(ShareError::NewerFormat),
            "flag {bit}"
        );
    }
}

#[test]
fn every_prefix_and_every_single_change_is_refused_or_exact() {
    let bank = builtin();
    let mut a = sample(bank);
    a.notes.insert("va-02".into(), "note".into());
    const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~%";
    for notes in [false, true] {
        let link = encode(bank, &a, notes).payload;
        let original = decode(bank, &link).unwrap();
        for end in 0..link.len() {
            if let Ok(d) = decode(bank, &link[..end]) {
                assert_eq!(d, original, "prefix of {end} characters");
            }
        }
        for i in 0..link.len() {
            for &c in CHARS {
                let mut changed = link.clone().into_bytes();
                changed[i] = c;
                let changed = String::from_utf8(changed).unwrap();
                if let Ok(d) = decode(bank, &changed) {
                    assert_eq!(d, original, "{changed}");
                }
            }
        }
    }
}

/// A small deterministic generator, so the million inputs are the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn a_million_inputs_decode_without_panic() {
    let bank = builtin();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let seeds: Vec<Vec<u8>> = [false, true]
        .iter()
        .map(|&n| {
            let mut a = sample(bank);
            a.notes.insert("sd-01".into(), "ok".into());
            let mut b = unbase64url(&encode(bank, &a, n).payload).unwrap();
            b.truncate(b.len() - 4);
            b
        })
        .collect();
    let (mut ok, mut refused) = (0, 0);
    for i in 0..1_000_000u32 {
        let r = rng.next();
        if i % 2 == 0 {
            // A mutated payload behind a valid checksum: the parser itself is exercised.
            let mut body = seeds[(r & 1) as usize].clone();
            for _ in 0..=(r >> 1 & 3) {
                let r = rng.next();
                match r % 4 {
                    0 if !body.is_empty() => {
                        let at = (r >> 8) as usize % body.len();
                        body[at] = (r >> 32) as u8;
                    }
                    1 if !body.is_empty() => body.truncate((r >> 8) as usize % body.len()),
                    2 => body.push((r >> 8) as u8),
                    _ => {
                        let at = (r >> 8) as usize % (body.len() + 1);
                        body.insert(at, (r >> 32) as u8);
                    }
                }
            }
            match decode_body(bank, &body) {
                Ok(shared) => {
                    holds(bank, &shared);
                    ok += 1
                }
                Err(e) => {
                    assert_ne!(
                        e,
                        ShareError::TooLong,
                        "a body is never refused for its length"
                    );
                    refused += 1
                }
            }
        } else {
            // Text of any shape.
            let len = (r % 60) as usize;
            let text: String = (0..len)
                .map(|_| {
                    let c = rng.next();
                    if c % 5 == 0 {
                        char::from_u32((c >> 8) as u32 % 0x2000).unwrap_or('?')
                    } else {
                        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                            [(c >> 8) as usize % 64] as char
                    }
                })
                .collect();
            match decode(bank, &text) {
                Ok(shared) => {
                    holds(bank, &shared);
                    ok += 1
                }
                Err(e) => {
                    assert_ne!(e, ShareError::TooLong, "{} characters", text.len());
                    refused += 1
                }
            }
        }
    }
    assert!(refused > 0 && ok > 0, "{ok} decoded, {refused} refused");
}

/// What every decoded link satisfies, however it was made: a model version this build knows, a
/// name and notes within their limits, answers and notes only to questions of that version.
fn holds(bank: &Bank, shared: &bita::model::share::Shared) {
    assert!((1..=bank.version()).contains(&shared.version));
    let a = &shared.assessment;
    assert!(a.name.len() <= NAME_BYTES, "{:?}", a.name);
    let order = bank.order(shared.version);
    let asked = |q: &String| order.iter().any(|o| &o.id == q);
    assert!(a.answers.keys().all(asked), "{:?}", a.answers);
    assert!(a.notes.keys().all(asked), "{:?}", a.notes);
    let notes: usize = a.notes.values().map(|n| n.len() + 3).sum();
    assert!(
        notes <= bita::model::share::NOTES_BYTES,
        "{notes} bytes of notes"
    );
    assert!(shared.retired <= a.answers.len());
    assert!(
        a.id.is_empty(),
        "a link's assessment is nobody's until saved"
    );
}

proptest! {
    #[test]
    fn any_assessment_round_trips(
        answers in proptest::collection::vec(any_answer(), builtin().order(builtin().version()).len()),
        name in "\\PC{0,30}",
        business in any::<bool>(),
        day in 0u32..60_000,
        note in proptest::option::of("\\PC{1,40}"),
        targets in proptest::collection::vec(proptest::option::of(1u8..=5), builtin().dimensions.len()),
    ) {
        let bank = builtin();
        let mut a = Assessment::new(bank, "p".into(), f64::from(day) * 86_400_000.0 + 1234.0);
        a.name = name.trim().to_string();
        a.perspective = if business { Perspective::Business } else { Perspective::It };
        for (q, ans) in bank.order(bank.version()).iter().zip(&answers) {
            if let Some(ans) = ans {
                a.answers.insert(q.id.clone(), *ans);
            }
        }
        if let Some(n) = note.filter(|n| !n.trim().is_empty()) {
            a.notes.insert("cv-03".into(), n.trim().to_string());
        }
        for (d, t) in bank.dimensions.iter().zip(&targets) {
            if let Some(t) = t {
                a.targets.insert(d.id.clone(), *t);
            }
        }
        let e = encode(bank, &a, true);
        let back = decode(bank, &e.payload).unwrap();
        // Everything but a long name comes back exactly; a long name as its beginning.
        let (mut got, want) = (carried(&back.assessment, true), carried(&a, true));
        prop_assert!(want.name.starts_with(&got.name));
        prop_assert_eq!(e.name_shortened, got.name != want.name);
        got.name = want.name.clone();
        prop_assert_eq!(got, want);
    }
}

#[test]
fn the_payload_is_what_follows_the_last_link_prefix() {
    assert_eq!(
        after_prefix("https://example.org/team/bita/#/s/AbC-_1"),
        Some("AbC-_1")
    );
    assert_eq!(after_prefix("#/s/one#/s/two"), Some("two"));
    assert_eq!(after_prefix("Ünïcödé #/s/x"), Some("x"));
    assert_eq!(after_prefix("#/s/"), Some(""));
    assert_eq!(after_prefix("AbC-_1"), None);
    assert_eq!(after_prefix("#/s"), None);
    assert_eq!(after_prefix(""), None);
}

proptest! {
    #[test]
    fn the_payload_search_agrees_with_rfind(s in "(#|/|s|é|[a-z]){0,24}") {
        let want = s.rfind("#/s/").map(|i| &s[i + 4..]);
        prop_assert_eq!(after_prefix(&s), want);
    }
}

/// Version 2's order (as tests/bank.rs pins it), in which version-2 links list their answers.
const V2_ORDER: [&str; 39] = [
    "sd-01", "sd-12", "sd-08", "sd-09", "sd-10", "sd-11", "va-08", "va-02", "va-03", "va-09",
    "va-10", "va-11", "cv-07", "cv-03", "cv-04", "cv-08", "cv-06", "cv-09", "dt-01", "dt-02",
    "dt-10", "dt-12", "dt-03", "dt-04", "dt-11", "dt-05", "dt-09", "dt-07", "dt-08", "ro-11",
    "ro-12", "ro-03", "ro-13", "ro-14", "ro-15", "ro-07", "ro-16", "ro-17", "ro-18",
];
/// Version 2, IT's view, 2025-11-26, "Golden 2": question i answered with code (i + 3) mod 8.
const V2_LINK: &str = "AgBPwnLuCnLuCnLuCnLuCnLuCAhHb2xkZW4gMgPV9II";

#[test]
fn golden_a_version_2_link_still_opens() {
    let bank = builtin();
    let a = golden("Golden 2", Perspective::It, &V2_ORDER, 3);
    assert_eq!(encode_as(bank, &a, false, 2).payload, V2_LINK);
    let back = decode(bank, V2_LINK).unwrap();
    assert_eq!(back.version, 2);
    assert_eq!(carried(&back.assessment, false), carried(&a, false));
}

/// The golden link of version 2 (see above) made again by this version with targets for two
/// dimensions: at most four characters more (two bytes for five dimensions), and a release
/// before targets calls it newer (flag 16).
const TARGETS_LINK: &str = "AhBPwnLuCnLuCnLuCnLuCnLuCAhHb2xkZW4gMhAEOduGqw";

#[test]
fn golden_targets_ride_in_four_characters_and_a_link_without_them_is_unchanged() {
    let bank = builtin();
    let mut a = decode(bank, V2_LINK).unwrap().assessment;
    let plain = encode_as(bank, &a, false, 2).payload;
    assert_eq!(plain, V2_LINK, "no targets, no change");
    a.targets.insert("value".into(), 4);
    a.targets.insert("it-roles".into(), 2);
    let with = encode_as(bank, &a, false, 2).payload;
    assert!(with.len() <= V2_LINK.len() + 4, "{with}");
    assert_eq!(with, TARGETS_LINK);
    let back = decode(bank, TARGETS_LINK).unwrap().assessment;
    assert_eq!(back.targets, a.targets);
    assert_eq!(back.answers, a.answers);
    // A target of no dimension of the model (a hand-edited record) does not travel, and no empty
    // field is written for it: the link is the plain one.
    let mut stray = decode(bank, V2_LINK).unwrap().assessment;
    stray.targets.insert("sd".into(), 4);
    assert_eq!(encode_as(bank, &stray, false, 2).payload, V2_LINK);
    // The field's flag is the one the previous release reads as a newer version's.
    assert_eq!(unbase64url(TARGETS_LINK).unwrap()[1] & 16, 16);
    // A target code of 6 or 7, or a field with no target at all, is damage.
    let mut body = unbase64url(TARGETS_LINK).unwrap();
    body.truncate(body.len() - 4);
    let at = body.len() - (bank.dimensions.len() * 3).div_ceil(8);
    for field in [[0xff, 0], [0, 0]] {
        let mut b = body.clone();
        b[at..].copy_from_slice(&field);
        let crc = crc32(&b);
        b.extend(crc.to_be_bytes());
        assert_eq!(
            decode(bank, &base64url(&b)),
            Err(ShareError::Damaged),
            "{field:?}"
        );
    }
}
