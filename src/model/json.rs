//! A small JSON reader and writer for what the page reads and writes: stored and imported
//! assessments, the question bank, the advice and report texts, and chart options.
//!
//! Why not serde_json in the page: its generic deserialiser is instantiated for every type it reads,
//! and with the derives it weighed heavily on the first view (measured: see the levers table in
//! docs/size-and-speed.md); every page reads
//! JSON (storage, the bank), so no chunk could take it. This reads any JSON into a [`Json`] tree once, and each type is read from the tree by plain
//! code (see `codec`). Natively, serde_json still writes the build's data and checks tests.
//!
//! Limits, on purpose: nesting deeper than [`MAX_DEPTH`] is an error (never a stack overflow);
//! numbers are read as `f64` (exact for the integers bita writes: times in milliseconds, versions,
//! stamps) and written as integers when whole, else with up to six decimals.

use super::interface::Text;
use super::keys::json as k;
use super::words::{tr, trf};
use std::fmt;

/// Deeper nesting is refused: no bita document comes close.
pub const MAX_DEPTH: usize = 128;

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    /// Members in document order; with a repeated key the last one counts.
    Obj(Vec<(String, Json)>),
}

/// Why a text is not JSON, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// What was wrong, in the page's language.
    pub what: Text,
    /// Byte offset into the text.
    pub at: usize,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = (self.at + 1).to_string();
        // The reader's own texts are JSON: before they are in, a bare position.
        match trf(k::AT, &[("what", tr(self.what)), ("at", &at)]) {
            t if t.is_empty() => write!(f, "JSON: {at}"),
            t => f.write_str(&t),
        }
    }
}

impl std::error::Error for ParseError {}

impl Json {
    /// The member `key` of an object (the last one when repeated).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Num(n) => Some(*n),
            _ => None,
        }
    }

    /// A whole, non-negative number up to `max`.
    pub fn as_uint(&self, max: u64) -> Option<u64> {
        let n = self.as_f64()?;
        (n >= 0.0 && n.fract() == 0.0 && n <= max as f64).then_some(n as u64)
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Arr(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match self {
            Json::Obj(members) => Some(members),
            _ => None,
        }
    }

    /// The JSON text of this value, without spaces.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    pub fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Num(n) => write_number(out, *n),
            Json::Str(s) => write_str(out, s),
            Json::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Obj(members) => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_str(out, k);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }
}

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::Str(s.to_string())
    }
}

impl From<String> for Json {
    fn from(s: String) -> Json {
        Json::Str(s)
    }
}

impl From<f64> for Json {
    fn from(n: f64) -> Json {
        Json::Num(n)
    }
}

impl From<Option<f64>> for Json {
    fn from(n: Option<f64>) -> Json {
        n.map_or(Json::Null, Json::Num)
    }
}

/// A JSON string, quoted and escaped.
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(hex_digit(c as u32 >> 4));
                out.push(hex_digit(c as u32 & 15));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn hex_digit(n: u32) -> char {
    char::from_digit(n, 16).unwrap_or('0')
}

/// Whole numbers as integers; others rounded to six decimals, trailing zeros dropped (bita writes
/// whole milliseconds, versions, stamps and tenths). Beyond 2^64 (never written by bita) as digits
/// and a power of ten. Not finite numbers have no JSON form and are written as `null`.
fn write_number(out: &mut String, n: f64) {
    if !n.is_finite() {
        out.push_str("null");
        return;
    }
    if n < 0.0 {
        out.push('-');
    }
    let mut n = n.abs();
    const TWO_64: f64 = 18_446_744_073_709_551_616.0;
    if n >= TWO_64 {
        let mut exp = 0;
        while n >= 1e18 {
            n /= 10.0;
            exp += 1;
        }
        out.push_str(&(n.round() as u64).to_string());
        out.push('e');
        out.push_str(&exp.to_string());
        return;
    }
    let whole = n.trunc();
    out.push_str(&(whole as u64).to_string());
    let micros = ((n - whole) * 1e6).round() as u64;
    if micros == 0 || micros >= 1_000_000 {
        return;
    }
    let mut frac = micros;
    let mut digits = 6;
    while frac % 10 == 0 {
        frac /= 10;
        digits -= 1;
    }
    out.push('.');
    let text = frac.to_string();
    for _ in text.len()..digits {
        out.push('0');
    }
    out.push_str(&text);
}

/// Exact powers of ten as `f64` (10^22 is the largest that is).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The value of `int.frac × 10^exp` (digits only). Correctly rounded whenever the significant digits
/// fit in 2^53 and the power of ten is exact (every number bita writes: whole milliseconds,
/// versions, stamps, tenths); otherwise within a few units in the last place. Never panics.
fn decimal(int: &[u8], frac: &[u8], exp: i64) -> f64 {
    // Trailing zeros of the fraction add nothing ("12.50" is "12.5", "3.0" is "3").
    let frac = &frac[..frac.iter().rposition(|d| *d != b'0').map_or(0, |i| i + 1)];
    let (mut mantissa, mut scale) = (0u64, exp - frac.len() as i64);
    for d in int.iter().chain(frac) {
        if mantissa < 1_000_000_000_000_000_000 {
            mantissa = mantissa * 10 + u64::from(d - b'0');
        } else {
            // Beyond 19 significant digits a digit is dropped and only scales what is kept.
            scale += 1;
        }
    }
    if mantissa == 0 {
        return 0.0;
    }
    let m = mantissa as f64;
    if mantissa < 1 << 53 {
        if (0..=22).contains(&scale) {
            return m * POW10[scale as usize];
        }
        if (-22..0).contains(&scale) {
            return m / POW10[(-scale) as usize];
        }
    }
    // Rare in bita's data: scaled in steps, so no intermediate power overflows.
    let (mut value, mut scale) = (m, scale);
    while scale > 22 {
        value *= 1e22;
        scale -= 22;
    }
    while scale < -22 {
        value /= 1e22;
        scale += 22;
    }
    if scale >= 0 {
        value * POW10[scale as usize]
    } else {
        value / POW10[(-scale) as usize]
    }
}

/// Reads a whole JSON text (whitespace around it allowed, nothing else).
pub fn parse(text: &str) -> Result<Json, ParseError> {
    let mut p = Parser {
        bytes: text.as_bytes(),
        at: 0,
    };
    let value = p.value(0)?;
    p.space();
    if p.at < p.bytes.len() {
        return Err(p.error(k::AFTER_END));
    }
    Ok(value)
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn error(&self, what: Text) -> ParseError {
        ParseError { what, at: self.at }
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn word(&mut self, word: &str, value: Json) -> Result<Json, ParseError> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error(k::VALUE))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, ParseError> {
        if depth > MAX_DEPTH {
            return Err(self.error(k::TOO_DEEP));
        }
        self.space();
        match self.peek() {
            None => Err(self.error(k::END)),
            Some(b'{') => {
                self.at += 1;
                let mut members = Vec::new();
                self.space();
                if self.peek() == Some(b'}') {
                    self.at += 1;
                    return Ok(Json::Obj(members));
                }
                loop {
                    self.space();
                    if self.peek() != Some(b'"') {
                        return Err(self.error(k::KEY));
                    }
                    let key = self.string()?;
                    self.space();
                    if self.peek() != Some(b':') {
                        return Err(self.error(k::COLON));
                    }
                    self.at += 1;
                    members.push((key, self.value(depth + 1)?));
                    self.space();
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b'}') => {
                            self.at += 1;
                            return Ok(Json::Obj(members));
                        }
                        _ => return Err(self.error(k::OBJECT)),
                    }
                }
            }
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.space();
                if self.peek() == Some(b']') {
                    self.at += 1;
                    return Ok(Json::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.space();
                    match self.peek() {
                        Some(b',') => self.at += 1,
                        Some(b']') => {
                            self.at += 1;
                            return Ok(Json::Arr(items));
                        }
                        _ => return Err(self.error(k::ARRAY)),
                    }
                }
            }
            Some(b'"') => self.string().map(Json::Str),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error(k::VALUE)),
        }
    }

    /// Skips a run of digits; how many there were.
    fn skip_digits(&mut self) -> usize {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Json, ParseError> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let int_start = self.at;
        let int_len = self.skip_digits();
        if int_len == 0 || (int_len > 1 && self.bytes[int_start] == b'0') {
            return Err(self.error(k::NUMBER));
        }
        let int = &self.bytes[int_start..self.at];
        let mut frac: &[u8] = &[];
        if self.peek() == Some(b'.') {
            self.at += 1;
            let start = self.at;
            if self.skip_digits() == 0 {
                return Err(self.error(k::NUMBER));
            }
            frac = &self.bytes[start..self.at];
        }
        let mut exp: i64 = 0;
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            let negative_exp = match self.peek() {
                Some(b'-') => {
                    self.at += 1;
                    true
                }
                Some(b'+') => {
                    self.at += 1;
                    false
                }
                _ => false,
            };
            let start = self.at;
            if self.skip_digits() == 0 {
                return Err(self.error(k::NUMBER));
            }
            for d in &self.bytes[start..self.at] {
                exp = (exp * 10 + i64::from(d - b'0')).min(1_000_000);
            }
            if negative_exp {
                exp = -exp;
            }
        }
        let value = decimal(int, frac, exp);
        if !value.is_finite() {
            return Err(self.error(k::RANGE));
        }
        Ok(Json::Num(if negative { -value } else { value }))
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let digits = self
            .bytes
            .get(self.at..self.at + 4)
            .ok_or_else(|| self.error(k::END))?;
        let mut n = 0;
        for d in digits {
            n = n * 16
                + char::from(*d)
                    .to_digit(16)
                    .ok_or_else(|| self.error(k::ESCAPE))?;
        }
        self.at += 4;
        Ok(n)
    }

    /// A string from its opening quote.
    fn string(&mut self) -> Result<String, ParseError> {
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error(k::STRING));
            };
            self.at += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let Some(e) = self.peek() else {
                        return Err(self.error(k::STRING));
                    };
                    self.at += 1;
                    let c = match e {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let mut code = self.hex4()?;
                            if (0xD800..0xDC00).contains(&code) {
                                if !self.bytes[self.at..].starts_with(b"\\u") {
                                    return Err(self.error(k::SURROGATE));
                                }
                                self.at += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return Err(self.error(k::SURROGATE));
                                }
                                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                            }
                            char::from_u32(code).ok_or_else(|| self.error(k::SURROGATE))?
                        }
                        _ => return Err(self.error(k::ESCAPE)),
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                0..=0x1f => return Err(self.error(k::CONTROL)),
                _ => out.push(b),
            }
        }
        // The input is a str and escapes add whole characters, so this holds; checked anyway.
        String::from_utf8(out).map_err(|_| self.error(k::TEXT))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_serde_json_reads_and_writes_what_it_reads_back() {
        for text in [
            r#"{"a":[1,2.5,-3e2,true,false,null],"b":"x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00","c":{}}"#,
            "[]",
            " 0 ",
            "1700000000000.0",
            "-0.000001",
            r#""\u0001 tab	""#,
        ] {
            let ours = parse(text);
            let theirs: Result<serde_json::Value, _> = serde_json::from_str(text);
            assert_eq!(ours.is_ok(), theirs.is_ok(), "{text}");
            let Ok(ours) = ours else { continue };
            // The same values, whichever of the two wrote them.
            let theirs = serde_json::to_string(&theirs.unwrap()).unwrap();
            assert_eq!(parse(&theirs).unwrap(), ours, "{text}");
            assert_eq!(parse(&ours.to_text()).unwrap(), ours, "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_json() {
        for text in [
            "",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            "-",
            "1e",
            "\"\\x\"",
            "\"\\ud800\"",
            "tru",
            "{a:1}",
            "[1] [2]",
            "\"\u{1}\"",
            "1e400",
        ] {
            assert!(parse(text).is_err(), "{text:?}");
        }
        let deep = "[".repeat(MAX_DEPTH + 2);
        assert_eq!(parse(&deep).unwrap_err().what, k::TOO_DEEP);
    }

    #[test]
    fn numbers_bita_writes_round_trip_exactly() {
        for n in [
            0.0,
            1.0,
            8.64e15,
            1_764_115_200_000.0,
            3.5,
            0.2,
            -2.25,
            4_294_967_295.0,
        ] {
            let text = Json::Num(n).to_text();
            assert_eq!(parse(&text).unwrap(), Json::Num(n), "{text}");
        }
        assert_eq!(Json::Num(1_764_115_200_000.0).to_text(), "1764115200000");
        assert_eq!(Json::Num(f64::NAN).to_text(), "null");
        let big = parse(&Json::Num(1e21).to_text()).unwrap().as_f64().unwrap();
        assert!((big - 1e21).abs() <= 1e21 * 1e-15, "{big}");
    }

    #[test]
    fn the_last_of_a_repeated_key_counts() {
        let j = parse(r#"{"a":1,"a":2}"#).unwrap();
        assert_eq!(j.get("a"), Some(&Json::Num(2.0)));
    }
}
