//! Share links: a whole assessment in the URL fragment (`#/s/<payload>`), which never reaches a
//! server. Versioned, packed and checksummed, so a truncated, altered or foreign link is detected.
//!
//! The payload, before base64url (no padding):
//!
//! | bytes | what |
//! |---|---|
//! | 1 | model version the answers refer to (1 to 255) |
//! | 1 | flags: 1 the business's view, 2 name shortened, 4 notes included, 8 notes shortened, 16 targets included; the other bits are for later versions (see below) |
//! | 2 | the day the answers were last changed, UTC days since 1970-01-01, big-endian |
//! | ⌈3n/8⌉ | one answer per question of that version's fixed order, 3 bits each, first question in the high bits: 0 none, 1–5 the statement, 6 "Don't know", 7 "Not applicable" |
//! | 1 + k | the name: its length k (at most [`NAME_BYTES`]), then k bytes of UTF-8 |
//! | notes | only with flag 4: a count, then per note its question's index, its length (2 bytes) and its UTF-8, in all at most [`NOTES_BYTES`] bytes of text |
//! | ⌈3d/8⌉ | only with flag 16: a target per dimension of the model, in its order, 3 bits each as the answers are: 0 none (proposed), 1–5 the level |
//! | 4 | CRC-32 of everything before |
//!
//! For 50 questions that is 4 + 19 + 1 + 4 = 28 bytes, 38 characters; a name adds at most 60,
//! and targets for five dimensions 2 bytes, at most 4 characters. The targets follow the order of
//! the model's dimensions, which no model version has changed: a version that adds or reorders
//! dimensions must give links a fixed dimension order per version, as it does for questions.
//! A link with notes is at most [`MAX_PAYLOAD`] characters after its prefix.
//!
//! **Later fields.** A later version adds a field to the link only behind a flag bit this one
//! does not know (32 and 64; 128 would say that a second flags byte follows), and puts the
//! field after the last one (the targets, flag 16, were the first such field). This version reads a link with any such bit as one made by a newer
//! bita ([`ShareError::NewerFormat`]), never as damaged: builds cached offline meet the next
//! version's links with the offer to reload.

use super::{Answer, Assessment, Bank, Perspective};
use std::fmt;

use super::link_bytes::ALPHABET;
pub use super::link_bytes::{base64url, crc32, unbase64url};

/// What starts a share link's fragment.
pub const PREFIX: &str = "#/s/";

/// What follows the last [`PREFIX`] in `text` (a whole address, say), if there is one. A byte
/// search: `str::rfind` with a string brings in the standard library's two-way string search
/// (see `chart_options::fill`, which avoids it too).
pub fn after_prefix(text: &str) -> Option<&str> {
    let (hay, needle) = (text.as_bytes(), PREFIX.as_bytes());
    let at = (0..=hay.len().checked_sub(needle.len())?)
        .rev()
        .find(|&i| hay[i..].starts_with(needle))?;
    // The prefix is ASCII, so `at` and the end of it are character boundaries.
    Some(&text[at + needle.len()..])
}
/// The longest name carried, in bytes of UTF-8 (60 characters of base64); longer names are cut
/// at a character boundary.
pub const NAME_BYTES: usize = 45;
/// The most a link's notes take, in bytes: their UTF-8 and 3 bytes each for index and length.
pub const NOTES_BYTES: usize = 3_000;
/// The longest payload accepted (characters after the prefix); anything longer is refused before
/// it is decoded. It holds the longest link bita makes: header 4, answers of 255 questions 96,
/// name 46, notes 1 + 3,000, checksum 4: 3,151 bytes, 4,202 characters.
pub const MAX_PAYLOAD: usize = 4_210;

const BUSINESS: u8 = 1;
const NAME_CUT: u8 = 2;
const NOTES: u8 = 4;
const NOTES_CUT: u8 = 8;
const TARGETS: u8 = 16;
const KNOWN_FLAGS: u8 = BUSINESS | NAME_CUT | NOTES | NOTES_CUT | TARGETS;

/// `codes` (each 0 to 7) packed 3 bits each, the first in the high bits, zero padded.
fn pack3(codes: impl ExactSizeIterator<Item = u8>) -> Vec<u8> {
    let mut packed = vec![0u8; (codes.len() * 3).div_ceil(8)];
    for (i, c) in codes.enumerate() {
        for b in 0..3 {
            if c & (4 >> b) != 0 {
                let bit = i * 3 + b;
                packed[bit / 8] |= 0x80 >> (bit % 8);
            }
        }
    }
    packed
}

/// The `n` codes [`pack3`] packed, read from the reader; the padding must be zero.
fn unpack3(r: &mut Reader<'_>, n: usize) -> Result<Vec<u8>, ShareError> {
    let packed = r.take((n * 3).div_ceil(8))?;
    let codes = (0..n)
        .map(|i| {
            (0..3).fold(0, |c, b| {
                let bit = i * 3 + b;
                if packed[bit / 8] & (0x80 >> (bit % 8)) != 0 {
                    c | (4 >> b)
                } else {
                    c
                }
            })
        })
        .collect();
    // The padding bits of the last byte are zero in every link bita makes.
    let used = n * 3;
    if used % 8 != 0 && packed.last().is_some_and(|b| b & (0xff >> (used % 8)) != 0) {
        return Err(ShareError::Damaged);
    }
    Ok(codes)
}

/// A link's payload and what did not fit in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Encoded {
    pub payload: String,
    pub name_shortened: bool,
    /// Notes left out or cut because the link would be too long.
    pub notes_shortened: bool,
}

/// An assessment read from a link.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    /// With an empty id: it is nobody's saved assessment until someone saves a copy.
    pub assessment: Assessment,
    pub name_shortened: bool,
    pub notes_shortened: bool,
    /// The model version the link was made with.
    pub version: u32,
    /// Answers to questions this version of the model no longer asks.
    pub retired: usize,
}

/// Why a link cannot be opened, in words a person can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    TooLong,
    NotALink,
    Damaged,
    /// Made by a newer version of bita, which knows a later question model.
    Newer(u32),
    /// Made by a newer version of bita, which puts more in its links than this one knows.
    NewerFormat,
}

impl ShareError {
    /// Whether a reload (which may bring the newer version) is the way to open the link.
    pub fn newer(&self) -> bool {
        matches!(self, ShareError::Newer(_) | ShareError::NewerFormat)
    }
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use super::keys::link as k;
        use super::words::{tr, trf};
        f.write_str(&match self {
            ShareError::TooLong => tr(k::TOO_LONG).into(),
            ShareError::NotALink => tr(k::NOT_A_LINK).into(),
            ShareError::Damaged => tr(k::DAMAGED).into(),
            ShareError::Newer(v) => trf(k::NEWER, &[("version", &v.to_string())]),
            ShareError::NewerFormat => tr(k::NEWER_FORMAT).into(),
        })
    }
}

impl std::error::Error for ShareError {}

fn code(a: Option<&Answer>) -> u8 {
    match a {
        None => 0,
        Some(Answer::Level(l)) => *l,
        Some(Answer::DontKnow) => 6,
        Some(Answer::NotApplicable) => 7,
    }
}

fn answer(code: u8) -> Option<Answer> {
    match code {
        1..=5 => Some(Answer::Level(code)),
        6 => Some(Answer::DontKnow),
        7 => Some(Answer::NotApplicable),
        _ => None,
    }
}

/// The longest prefix of `text` that fits in `max` bytes, cut at a character boundary.
fn cut(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The link payload of an assessment, under the bank's current model version.
pub fn encode(bank: &Bank, a: &Assessment, with_notes: bool) -> Encoded {
    encode_as(bank, a, with_notes, bank.version())
}

/// The payload under a given model version (tests make links of older versions with it).
pub fn encode_as(bank: &Bank, a: &Assessment, with_notes: bool, version: u32) -> Encoded {
    let order = bank.order(version);
    let mut flags = 0;
    if a.perspective == Perspective::Business {
        flags |= BUSINESS;
    }
    let name = a.name.trim();
    let short_name = cut(name, NAME_BYTES);
    if short_name.len() < name.len() {
        flags |= NAME_CUT;
    }
    let day = (a.updated.max(0.0) / 86_400_000.0)
        .floor()
        .min(f64::from(u16::MAX)) as u16;
    let mut bytes = vec![version.min(255) as u8, 0, (day >> 8) as u8, day as u8];
    bytes.extend(pack3(order.iter().map(|q| code(a.answers.get(&q.id)))));
    bytes.push(short_name.len() as u8);
    bytes.extend(short_name.as_bytes());
    let mut notes_shortened = false;
    if with_notes {
        flags |= NOTES;
        let mut room = NOTES_BYTES;
        let mut notes = Vec::new();
        for (i, q) in order.iter().enumerate().take(255) {
            let Some(text) = a
                .notes
                .get(&q.id)
                .map(|t| t.trim())
                .filter(|t| !t.is_empty())
            else {
                continue;
            };
            // Each note also takes 3 bytes: its question's index and its length.
            let fits = cut(text, room.saturating_sub(3));
            if fits.len() < text.len() {
                notes_shortened = true;
            }
            if fits.is_empty() {
                continue;
            }
            room -= fits.len() + 3;
            notes.push((i as u8, fits));
        }
        // Notes beside questions past the 256th (none today) do not fit the format.
        notes_shortened |= order.iter().skip(255).any(|q| a.notes.contains_key(&q.id));
        bytes.push(notes.len() as u8);
        for (i, text) in notes {
            bytes.push(i);
            bytes.extend((text.len() as u16).to_be_bytes());
            bytes.extend(text.as_bytes());
        }
        if notes_shortened {
            flags |= NOTES_CUT;
        }
    }
    // Only targets of the model's dimensions travel; the field only when one does.
    let targets: Vec<u8> = bank
        .dimensions
        .iter()
        .map(|d| a.targets.get(&d.id).copied().unwrap_or(0))
        .collect();
    if targets.iter().any(|&t| t != 0) {
        flags |= TARGETS;
        bytes.extend(pack3(targets.into_iter()));
    }
    bytes[1] = flags;
    let crc = crc32(&bytes);
    bytes.extend(crc.to_be_bytes());
    Encoded {
        payload: base64url(&bytes),
        name_shortened: flags & NAME_CUT != 0,
        notes_shortened,
    }
}

/// Reads a link payload (what follows [`PREFIX`]). Never panics, whatever the input.
pub fn decode(bank: &Bank, payload: &str) -> Result<Shared, ShareError> {
    if payload.len() > MAX_PAYLOAD {
        return Err(ShareError::TooLong);
    }
    if !payload.bytes().all(|c| ALPHABET.contains(&c)) {
        return Err(ShareError::NotALink);
    }
    // Only bita's characters, but not a whole payload: cut off.
    let bytes = unbase64url(payload).ok_or(ShareError::Damaged)?;
    if bytes.len() < 4 + 1 + 4 {
        return Err(ShareError::Damaged);
    }
    let (body, sum) = bytes.split_at(bytes.len() - 4);
    if crc32(body).to_be_bytes() != sum {
        return Err(ShareError::Damaged);
    }
    decode_body(bank, body)
}

/// Reads a payload whose checksum holds (split out so tests can reach it with any body).
pub fn decode_body(bank: &Bank, body: &[u8]) -> Result<Shared, ShareError> {
    let mut r = Reader { bytes: body, at: 0 };
    let version = u32::from(r.byte()?);
    if version == 0 {
        return Err(ShareError::Damaged);
    }
    if version > bank.version() {
        return Err(ShareError::Newer(version));
    }
    let flags = r.byte()?;
    if flags & !KNOWN_FLAGS != 0 {
        // The checksum holds, so the link is whole: a field of a later version.
        return Err(ShareError::NewerFormat);
    }
    let day = u16::from_be_bytes([r.byte()?, r.byte()?]);
    let order = bank.order(version);
    let codes = unpack3(&mut r, order.len())?;
    let mut a = Assessment::new(bank, String::new(), f64::from(day) * 86_400_000.0);
    a.model_version = version;
    a.perspective = if flags & BUSINESS != 0 {
        Perspective::Business
    } else {
        Perspective::It
    };
    let mut retired = 0;
    for (q, c) in order.iter().zip(codes) {
        if let Some(ans) = answer(c) {
            if !q.active_in(bank.version()) {
                retired += 1;
            }
            a.answers.insert(q.id.clone(), ans);
        }
    }
    let n = usize::from(r.byte()?);
    if n > NAME_BYTES {
        return Err(ShareError::Damaged);
    }
    a.name = std::str::from_utf8(r.take(n)?)
        .map_err(|_| ShareError::Damaged)?
        .to_string();
    if flags & NOTES != 0 {
        let count = r.byte()?;
        for _ in 0..count {
            let i = usize::from(r.byte()?);
            let len = usize::from(u16::from_be_bytes([r.byte()?, r.byte()?]));
            let text = std::str::from_utf8(r.take(len)?).map_err(|_| ShareError::Damaged)?;
            let q = order.get(i).ok_or(ShareError::Damaged)?;
            // bita never writes a note twice, nor one longer than the notes' room.
            if len > NOTES_BYTES || a.notes.insert(q.id.clone(), text.to_string()).is_some() {
                return Err(ShareError::Damaged);
            }
        }
    } else if flags & NOTES_CUT != 0 {
        return Err(ShareError::Damaged);
    }
    if flags & TARGETS != 0 {
        let codes = unpack3(&mut r, bank.dimensions.len())?;
        for (d, c) in bank.dimensions.iter().zip(codes) {
            match c {
                0 => {}
                1..=5 => {
                    a.targets.insert(d.id.clone(), c);
                }
                _ => return Err(ShareError::Damaged),
            }
        }
        // bita writes the field only when it holds a target.
        if a.targets.is_empty() {
            return Err(ShareError::Damaged);
        }
    }
    if r.at != body.len() {
        return Err(ShareError::Damaged);
    }
    a.stamp_unstamped();
    Ok(Shared {
        assessment: a,
        name_shortened: flags & NAME_CUT != 0,
        notes_shortened: flags & NOTES_CUT != 0,
        version,
        retired,
    })
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ShareError> {
        let end = self.at.checked_add(n).ok_or(ShareError::Damaged)?;
        let out = self.bytes.get(self.at..end).ok_or(ShareError::Damaged)?;
        self.at = end;
        Ok(out)
    }

    fn byte(&mut self) -> Result<u8, ShareError> {
        Ok(self.take(1)?[0])
    }
}
