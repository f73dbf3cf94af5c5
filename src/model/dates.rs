//! Calendar days from times, in plain integer arithmetic (no date crate in the page).

/// `YYYY-MM-DD` (UTC) of a time in milliseconds since the Unix epoch.
pub fn utc_day(ms: f64) -> String {
    // Within JavaScript's date range, whatever a file says.
    let days = (ms.clamp(-8.64e15, 8.64e15) / 86_400_000.0).floor() as i64;
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The day of a time as the language in use writes it ("2026-12-07", "07.12.2026").
pub fn shown_day(ms: f64) -> String {
    iso_shown(&utc_day(ms))
}

/// A day written `YYYY-MM-DD` (the bank's dates, [`utc_day`]) as the language in use writes it;
/// anything else as it is. Cut, not parsed: a number parser would cost the report's code.
pub fn iso_shown(iso: &str) -> String {
    let b = iso.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return iso.to_string();
    }
    super::words::trf(
        super::keys::format::DAY,
        &[
            ("year", &iso[..4]),
            ("month", &iso[5..7]),
            ("day", &iso[8..]),
        ],
    )
}

/// Days since 1970-01-01 to a (year, month, day) of the proleptic Gregorian calendar.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}
