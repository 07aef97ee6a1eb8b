//! Timestamps for calendar events: read as ISO 8601 strings or epoch seconds (as the AWS CLI
//! does), written as ISO 8601 UTC strings. Hand-written so the core needs no date crate.

use std::fmt;

/// A point in time as whole seconds since the Unix epoch plus nanoseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp {
    secs: i64,
    nanos: u32,
}

/// Years outside 0001–9999 cannot be written as ISO 8601 without extensions.
const MIN_SECS: i64 = -62_135_596_800; // 0001-01-01T00:00:00Z
const MAX_SECS: i64 = 253_402_300_799; // 9999-12-31T23:59:59Z

impl Timestamp {
    /// `None` when the instant is outside the years 0001–9999.
    #[must_use]
    pub fn from_secs_nanos(secs: i64, nanos: u32) -> Option<Self> {
        ((MIN_SECS..=MAX_SECS).contains(&secs) && nanos < 1_000_000_000)
            .then_some(Self { secs, nanos })
    }

    /// From epoch seconds with a fraction, as JSON numbers carry them.
    #[must_use]
    pub fn from_epoch_f64(value: f64) -> Option<Self> {
        if !value.is_finite() {
            return None;
        }
        let secs = value.floor();
        // Reason: range-checked against MIN_SECS/MAX_SECS right after; fraction is in [0, 1).
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let nanos = ((value - secs) * 1e9).round().min(999_999_999.0) as u32;
        #[allow(clippy::cast_precision_loss)]
        if secs < MIN_SECS as f64 || secs > MAX_SECS as f64 {
            return None;
        }
        #[allow(clippy::cast_possible_truncation)]
        Self::from_secs_nanos(secs as i64, nanos)
    }

    #[must_use]
    pub const fn secs(self) -> i64 {
        self.secs
    }

    #[must_use]
    pub const fn nanos(self) -> u32 {
        self.nanos
    }

    /// The calendar fields (UTC): year, month, day, hour, minute, second.
    #[must_use]
    pub fn to_civil(self) -> (i64, u32, u32, u32, u32, u32) {
        let days = self.secs.div_euclid(86_400);
        let rem = self.secs.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        // Reason: rem is in 0..86400, so each part fits in u32.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let (hh, mm, ss) = (
            (rem / 3600) as u32,
            (rem % 3600 / 60) as u32,
            (rem % 60) as u32,
        );
        (y, m, d, hh, mm, ss)
    }

    /// Builds a UTC timestamp from calendar fields; `None` when a field is out of range.
    #[must_use]
    pub fn from_civil(y: i64, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> Option<Self> {
        if !(1..=12).contains(&mo) || d == 0 || d > days_in_month(y, mo) || h > 23 || mi > 59 {
            return None;
        }
        // A leap second (:60) is accepted by ISO 8601; fold it into the next second.
        if s > 60 {
            return None;
        }
        let secs = days_from_civil(y, mo, d) * 86_400
            + i64::from(h) * 3600
            + i64::from(mi) * 60
            + i64::from(s);
        Self::from_secs_nanos(secs, 0)
    }

    /// Parses ISO 8601 / RFC 3339: `2026-12-01T10:00:00Z`, with optional fraction and offset
    /// (`+02:00`, `+0200`, `Z`); a date alone is midnight UTC, a time without a zone is UTC.
    ///
    /// # Errors
    /// A message naming what is wrong with the text.
    pub fn parse_iso8601(text: &str) -> Result<Self, String> {
        parse(text.trim()).ok_or_else(|| {
            format!("'{text}' is not an ISO 8601 date-time such as 2026-12-01T10:00:00Z")
        })
    }
}

fn parse(s: &str) -> Option<Timestamp> {
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<u32> {
        let part = b.get(from..from + len)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0, |acc, d| acc * 10 + u32::from(d - b'0')))
    };
    let year = i64::from(num(0, 4)?);
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let (month, day) = (num(5, 2)?, num(8, 2)?);
    if b.len() == 10 {
        return Timestamp::from_civil(year, month, day, 0, 0, 0);
    }
    if !matches!(b.get(10), Some(b'T' | b't' | b' ')) || b.get(13) != Some(&b':') {
        return None;
    }
    let (hour, minute) = (num(11, 2)?, num(14, 2)?);
    let mut at = 16;
    let mut second = 0;
    if b.get(at) == Some(&b':') {
        second = num(17, 2)?;
        at = 19;
    }
    let mut nanos: u32 = 0;
    if matches!(b.get(at), Some(b'.' | b',')) {
        at += 1;
        let start = at;
        while b.get(at).is_some_and(u8::is_ascii_digit) {
            if at - start < 9 {
                nanos = nanos * 10 + u32::from(b[at] - b'0');
            }
            at += 1;
        }
        let digits = at - start;
        if digits == 0 {
            return None;
        }
        for _ in digits..9 {
            nanos *= 10;
        }
    }
    let offset_secs = parse_offset(&b[at..])?;
    let leap = second == 60;
    let base = Timestamp::from_civil(
        year,
        month,
        day,
        hour,
        minute,
        if leap { 59 } else { second },
    )?;
    let secs = base.secs - offset_secs + i64::from(leap);
    Timestamp::from_secs_nanos(secs, nanos)
}

/// `Z`, `+hh:mm`, `+hhmm`, `+hh`, or nothing (UTC). Returns the offset in seconds.
fn parse_offset(b: &[u8]) -> Option<i64> {
    match b {
        [] | [b'Z' | b'z'] => Some(0),
        [sign @ (b'+' | b'-'), rest @ ..] => {
            let digits: Vec<u8> = rest.iter().copied().filter(|c| *c != b':').collect();
            let colon_ok = match rest.len() {
                5 => rest[2] == b':',
                4 | 2 => !rest.contains(&b':'),
                _ => false,
            };
            if !colon_ok || !digits.iter().all(u8::is_ascii_digit) {
                return None;
            }
            let h = i64::from(digits[0] - b'0') * 10 + i64::from(digits[1] - b'0');
            let m = if digits.len() == 4 {
                i64::from(digits[2] - b'0') * 10 + i64::from(digits[3] - b'0')
            } else {
                0
            };
            if h > 23 || m > 59 {
                return None;
            }
            let total = h * 3600 + m * 60;
            Some(if *sign == b'-' { -total } else { total })
        }
        _ => None,
    }
}

impl fmt::Display for Timestamp {
    /// ISO 8601 UTC: `2026-12-01T10:00:00Z`, with the shortest fraction when there is one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day, hour, minute, second) = self.to_civil();
        write!(
            f,
            "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}"
        )?;
        if self.nanos != 0 {
            let frac = format!("{:09}", self.nanos);
            write!(f, ".{}", frac.trim_end_matches('0'))?;
        }
        f.write_str("Z")
    }
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Howard Hinnant's days-from-civil algorithm (proleptic Gregorian).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    // Reason: d is 1..=31 and m is 1..=12 by construction.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    (y, m as u32, d as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats_utc() {
        let t = Timestamp::parse_iso8601("2026-12-01T10:00:00Z").unwrap();
        assert_eq!(t.secs(), 1_796_119_200);
        assert_eq!(t.to_string(), "2026-12-01T10:00:00Z");
    }

    #[test]
    fn applies_offsets_and_fractions() {
        let t = Timestamp::parse_iso8601("2026-12-01T12:30:00.25+02:30").unwrap();
        assert_eq!(t.to_string(), "2026-12-01T10:00:00.25Z");
        let t = Timestamp::parse_iso8601("2026-12-01T05:00:00-0500").unwrap();
        assert_eq!(t.to_string(), "2026-12-01T10:00:00Z");
    }

    #[test]
    fn date_only_is_midnight_and_naive_is_utc() {
        assert_eq!(
            Timestamp::parse_iso8601("2024-02-29").unwrap().to_string(),
            "2024-02-29T00:00:00Z"
        );
        assert_eq!(
            Timestamp::parse_iso8601("2024-02-29T08:15")
                .unwrap()
                .to_string(),
            "2024-02-29T08:15:00Z"
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in [
            "2023-02-29T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-12-01T24:00:00Z",
            "2026-12-01T10:00:00+25:00",
            "tomorrow",
            "2026-12-01T10:00:00.Z",
            "",
        ] {
            assert!(Timestamp::parse_iso8601(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn epoch_numbers_round_trip() {
        let t = Timestamp::from_epoch_f64(1_796_119_200.5).unwrap();
        assert_eq!(t.to_string(), "2026-12-01T10:00:00.5Z");
        assert_eq!(
            Timestamp::from_epoch_f64(0.0).unwrap().to_string(),
            "1970-01-01T00:00:00Z"
        );
        assert!(Timestamp::from_epoch_f64(1e20).is_none());
        assert!(Timestamp::from_epoch_f64(-1e20).is_none());
    }

    #[test]
    fn civil_round_trip_over_centuries() {
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
