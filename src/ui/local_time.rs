//! The system clock for the core (which is told "now"), and instants shown in the user's own
//! time zone, readable: the session history's clock and the account records' created times
//! (which the service gives as epoch seconds).

use std::sync::OnceLock;

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// The system's time zone, looked up once per session: the lookup reads the zone database,
/// which a frame must not do each time it draws.
fn zone() -> &'static TimeZone {
    static ZONE: OnceLock<TimeZone> = OnceLock::new();
    ZONE.get_or_init(TimeZone::system)
}

/// The current instant from the system clock, for the core's pure functions that need to
/// know "now" (a new calendar event starts tomorrow).
#[must_use]
pub fn now() -> crate::rcs::timestamp::Timestamp {
    let t = Timestamp::now();
    crate::rcs::timestamp::Timestamp::from_secs_nanos(t.as_second(), 0).unwrap_or_default()
}

/// `14:03:07`, local time, for an instant of this session.
#[must_use]
pub fn clock(epoch_secs: u64) -> String {
    clock_in(epoch_secs, zone())
}

fn clock_in(epoch_secs: u64, zone: &TimeZone) -> String {
    i64::try_from(epoch_secs)
        .ok()
        .and_then(|s| Timestamp::from_second(s).ok())
        .map_or_else(String::new, |t| {
            t.to_zoned(zone.clone()).strftime("%H:%M:%S").to_string()
        })
}

/// `28 Nov 2026, 14:03 CET` for epoch seconds (fractions allowed); `None` when the number is
/// not a representable instant.
#[must_use]
pub fn date_time(epoch_secs: f64) -> Option<String> {
    date_time_in(epoch_secs, zone())
}

fn date_time_in(epoch_secs: f64, zone: &TimeZone) -> Option<String> {
    if !epoch_secs.is_finite() {
        return None;
    }
    #[expect(
        clippy::cast_possible_truncation,
        reason = "jiff rejects seconds outside its range right after"
    )]
    let t = Timestamp::from_second(epoch_secs.floor() as i64).ok()?;
    Some(
        t.to_zoned(zone.clone())
            .strftime("%-d %b %Y, %H:%M %Z")
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::tz::{Offset, TimeZone};

    #[test]
    fn shows_the_zone_local_time() {
        let paris_winter = TimeZone::fixed(Offset::constant(1));
        assert_eq!(clock_in(1_796_119_200, &paris_winter), "11:00:00");
        let shown = date_time_in(1_796_119_200.7, &paris_winter).unwrap();
        assert!(shown.starts_with("1 Dec 2026, 11:00"), "{shown}");
        assert_eq!(date_time_in(f64::NAN, &paris_winter), None);
        assert_eq!(date_time_in(1e300, &paris_winter), None);
    }
}
