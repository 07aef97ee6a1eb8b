//! Timestamps for calendar events: read as ISO 8601 / RFC 3339 strings or epoch seconds (as
//! the AWS CLI does), written as ISO 8601 UTC strings. Parsing, formatting and calendar
//! arithmetic are `jiff`'s (pure functions, no I/O): a maintained date library rather than
//! hand-written calendar code.

use std::fmt;

use jiff::civil::{DateTime, Time};
use jiff::fmt::temporal::{Pieces, PiecesOffset};
use jiff::tz::Offset;

/// A point in time as whole seconds since the Unix epoch plus nanoseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Timestamp {
    secs: i64,
    nanos: u32,
}

/// Years outside 0001–9999 cannot be written as ISO 8601 without extensions.
const MIN_SECS: i64 = -62_135_596_800; // 0001-01-01T00:00:00Z
const MAX_SECS: i64 = 253_402_300_799; // 9999-12-31T23:59:59Z
/// ISO 8601 offsets stay within a day; jiff accepts up to ±25:59:59, which no zone uses.
const MAX_OFFSET_SECS: i32 = 23 * 3600 + 59 * 60;

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
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "the fraction is in [0, 1), so nanos fit in u32"
        )]
        let nanos = ((value - secs) * 1e9).round().min(999_999_999.0) as u32;
        #[expect(clippy::cast_precision_loss, reason = "only compares the range")]
        if secs < MIN_SECS as f64 || secs > MAX_SECS as f64 {
            return None;
        }
        #[expect(clippy::cast_possible_truncation, reason = "range-checked above")]
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

    fn to_jiff(self) -> jiff::Timestamp {
        // The constructor keeps secs within years 1–9999 and nanos below 10^9, both inside
        // jiff's range, so the fallback is never taken.
        #[expect(clippy::cast_possible_wrap, reason = "nanos < 10^9 fits in i32")]
        jiff::Timestamp::new(self.secs, self.nanos as i32).unwrap_or(jiff::Timestamp::UNIX_EPOCH)
    }

    fn from_jiff(t: jiff::Timestamp) -> Option<Self> {
        let nanos = u32::try_from(t.subsec_nanosecond()).ok()?;
        Self::from_secs_nanos(t.as_second(), nanos)
    }

    /// The calendar fields (UTC): year, month, day, hour, minute, second.
    #[must_use]
    pub fn to_civil(self) -> (i64, u32, u32, u32, u32, u32) {
        let dt = Offset::UTC.to_datetime(self.to_jiff());
        let field = |v: i8| u32::try_from(v).unwrap_or_default();
        (
            i64::from(dt.year()),
            field(dt.month()),
            field(dt.day()),
            field(dt.hour()),
            field(dt.minute()),
            field(dt.second()),
        )
    }

    /// Builds a UTC timestamp from calendar fields; `None` when a field is out of range.
    #[must_use]
    pub fn from_civil(y: i64, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> Option<Self> {
        let small = |v: u32| i8::try_from(v).ok();
        let dt = DateTime::new(
            i16::try_from(y).ok()?,
            small(mo)?,
            small(d)?,
            small(h)?,
            small(mi)?,
            small(s)?,
            0,
        )
        .ok()?;
        Self::from_jiff(Offset::UTC.to_timestamp(dt).ok()?)
    }

    /// The next calendar day after this instant (UTC) at `hour`:00:00; `None` past 9999 or
    /// for an hour above 23. Pure: the caller says what "now" is.
    #[must_use]
    pub fn next_day_at(self, hour: u32) -> Option<Self> {
        let day = Offset::UTC
            .to_datetime(self.to_jiff())
            .date()
            .tomorrow()
            .ok()?;
        let time = Time::new(i8::try_from(hour).ok()?, 0, 0, 0).ok()?;
        Self::from_jiff(Offset::UTC.to_timestamp(day.to_datetime(time)).ok()?)
    }

    /// Parses ISO 8601 / RFC 3339: `2026-12-01T10:00:00Z`, with an optional fraction (`.` or
    /// `,`) and offset (`Z`, `+02:00`, `+0200`, `+02`); a date alone is midnight UTC, and a
    /// time without an offset is UTC, as the AWS CLI reads it.
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
    let pieces = Pieces::parse(s).ok()?;
    // A bracketed zone name (`[Europe/Paris]`) needs a time-zone database: not for a template.
    if pieces.time_zone_annotation().is_some() {
        return None;
    }
    let offset = match pieces.offset() {
        None | Some(PiecesOffset::Zulu) => Offset::UTC,
        Some(PiecesOffset::Numeric(n)) => n.offset(),
        Some(_) => return None,
    };
    if offset.seconds().abs() > MAX_OFFSET_SECS {
        return None;
    }
    let time = pieces.time().unwrap_or(Time::midnight());
    let instant = offset.to_timestamp(pieces.date().to_datetime(time)).ok()?;
    Timestamp::from_jiff(instant)
}

impl fmt::Display for Timestamp {
    /// ISO 8601 UTC: `2026-12-01T10:00:00Z`, with the shortest fraction when there is one.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.to_jiff())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_day_at_an_hour() {
        let at = |text: &str| Timestamp::parse_iso8601(text).unwrap();
        let late = at("2026-12-31T23:59:59Z");
        assert_eq!(late.next_day_at(10), Some(at("2027-01-01T10:00:00Z")));
        let early = at("2027-02-28T00:00:00Z");
        assert_eq!(early.next_day_at(11), Some(at("2027-03-01T11:00:00Z")));
        assert_eq!(
            at("2028-02-28T12:00:00Z").next_day_at(0),
            Some(at("2028-02-29T00:00:00Z"))
        );
        assert_eq!(late.next_day_at(24), None);
        // jiff's instants end on 9999-12-30 at 22:00 UTC.
        let last_day = Timestamp::from_civil(9999, 12, 30, 10, 0, 0).unwrap();
        assert_eq!(last_day.next_day_at(10), None);
    }

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
        for secs in (MIN_SECS..MAX_SECS).step_by(86_400 * 997 + 3_607) {
            let instant = Timestamp::from_secs_nanos(secs, 0).unwrap();
            let (year, month, day, hour, minute, second) = instant.to_civil();
            assert_eq!(
                Timestamp::from_civil(year, month, day, hour, minute, second),
                Some(instant)
            );
        }
    }

    #[test]
    fn offsets_in_every_written_form() {
        for text in [
            "2026-12-01T12:00:00+02:00",
            "2026-12-01T12:00:00+0200",
            "2026-12-01T12:00:00+02",
            "2026-12-01T07:30:00-02:30",
            "2026-12-01 10:00:00Z",
            "2026-12-01t10:00:00z",
        ] {
            assert_eq!(
                Timestamp::parse_iso8601(text).unwrap().to_string(),
                "2026-12-01T10:00:00Z",
                "{text}"
            );
        }
        assert!(Timestamp::parse_iso8601("2026-12-01T10:00:00[Europe/Paris]").is_err());
    }

    #[test]
    fn fractions_keep_nanoseconds_and_accept_a_comma() {
        let t = Timestamp::parse_iso8601("2026-12-01T10:00:00,123456789Z").unwrap();
        assert_eq!(t.nanos(), 123_456_789);
        assert_eq!(t.to_string(), "2026-12-01T10:00:00.123456789Z");
        let t = Timestamp::parse_iso8601("2026-12-01T10:00:00.1Z").unwrap();
        assert_eq!(t.to_string(), "2026-12-01T10:00:00.1Z");
    }

    #[test]
    fn leap_days() {
        for ok in [
            "2024-02-29",
            "2000-02-29T12:00:00Z",
            "2400-02-29T00:00:00+01:00",
        ] {
            assert!(Timestamp::parse_iso8601(ok).is_ok(), "{ok}");
        }
        for bad in ["2023-02-29", "1900-02-29T00:00:00Z", "2100-02-29T00:00:00Z"] {
            assert!(Timestamp::parse_iso8601(bad).is_err(), "{bad}");
        }
        let t = Timestamp::from_civil(2024, 2, 29, 23, 59, 59).unwrap();
        assert_eq!(t.to_string(), "2024-02-29T23:59:59Z");
        assert!(Timestamp::from_civil(2023, 2, 29, 0, 0, 0).is_none());
    }
}
