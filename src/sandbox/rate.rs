//! The sandbox's per-account send rate (`--rate N`): a token bucket that holds N tokens and
//! gains N per second, as the service's messages-per-second quota behaves. A `SendRcsMessage`
//! request takes one token or is throttled; a throttled request takes nothing.

use std::time::Instant;

/// One token, in token-nanoseconds: the bucket counts in these so that refills are exact
/// integers (no float drift at boundaries, which keeps the tests exact).
const TOKEN: u128 = 1_000_000_000;

#[derive(Debug)]
pub struct RateLimiter {
    /// Requests per second; 0 means unlimited.
    rate: u32,
    /// What the bucket holds, in [`TOKEN`] units; at most `rate` tokens.
    held: u128,
    /// When `held` was last brought up to date.
    updated: Option<Instant>,
}

impl RateLimiter {
    /// A full bucket for `rate` requests per second; 0 lets everything through.
    #[must_use]
    pub fn new(rate: u32) -> Self {
        Self {
            rate,
            held: u128::from(rate) * TOKEN,
            updated: None,
        }
    }

    /// Whether a request arriving at `now` may proceed; if so, it takes a token.
    pub fn admit(&mut self, now: Instant) -> bool {
        if self.rate == 0 {
            return true;
        }
        let rate = u128::from(self.rate);
        // An instant older than the last one (a caller that read the clock before another)
        // refills nothing and does not move the clock back.
        let last = self.updated.unwrap_or(now);
        let now = now.max(last);
        let elapsed = (now - last).as_nanos();
        self.held = self
            .held
            .saturating_add(elapsed.saturating_mul(rate))
            .min(rate * TOKEN);
        self.updated = Some(now);
        if self.held >= TOKEN {
            self.held -= TOKEN;
            true
        } else {
            false
        }
    }

    /// The configured rate, for messages (0: unlimited).
    #[must_use]
    pub fn rate(&self) -> u32 {
        self.rate
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn admitted(limiter: &mut RateLimiter, at: Instant, n: usize) -> usize {
        (0..n).filter(|_| limiter.admit(at)).count()
    }

    #[test]
    fn a_burst_gets_the_capacity_and_no_more() {
        let t0 = Instant::now();
        let mut limiter = RateLimiter::new(5);
        assert_eq!(admitted(&mut limiter, t0, 20), 5);
        assert!(!limiter.admit(t0 + Duration::from_millis(199)));
    }

    #[test]
    fn tokens_come_back_at_the_rate() {
        let t0 = Instant::now();
        let mut limiter = RateLimiter::new(5);
        assert_eq!(admitted(&mut limiter, t0, 5), 5);
        // One token every 200 ms, exactly.
        assert!(!limiter.admit(t0 + Duration::from_nanos(199_999_999)));
        assert!(limiter.admit(t0 + Duration::from_millis(200)));
        assert!(!limiter.admit(t0 + Duration::from_millis(200)));
        assert_eq!(
            admitted(&mut limiter, t0 + Duration::from_millis(600), 5),
            2
        );
    }

    #[test]
    fn a_quiet_second_refills_the_bucket_but_never_beyond_the_rate() {
        let t0 = Instant::now();
        let mut limiter = RateLimiter::new(5);
        assert_eq!(admitted(&mut limiter, t0, 5), 5);
        assert_eq!(admitted(&mut limiter, t0 + Duration::from_secs(1), 20), 5);
        assert_eq!(admitted(&mut limiter, t0 + Duration::from_secs(90), 20), 5);
    }

    #[test]
    fn throttled_requests_take_nothing() {
        let t0 = Instant::now();
        let mut limiter = RateLimiter::new(2);
        assert_eq!(admitted(&mut limiter, t0, 2), 2);
        // Many refused attempts in the first half second do not delay the refill.
        for ms in (0..500).step_by(10) {
            assert!(!limiter.admit(t0 + Duration::from_millis(ms)));
        }
        assert!(limiter.admit(t0 + Duration::from_millis(500)));
    }

    #[test]
    fn an_earlier_instant_neither_refills_nor_panics() {
        let earlier = Instant::now();
        let t0 = earlier + Duration::from_millis(500);
        let mut limiter = RateLimiter::new(1);
        assert!(limiter.admit(t0));
        assert!(!limiter.admit(earlier));
        // The refill still counts from t0, not from the earlier instant.
        assert!(!limiter.admit(t0 + Duration::from_millis(999)));
        assert!(limiter.admit(t0 + Duration::from_secs(1)));
    }

    #[test]
    fn zero_is_unlimited() {
        let t0 = Instant::now();
        let mut limiter = RateLimiter::new(0);
        assert_eq!(admitted(&mut limiter, t0, 10_000), 10_000);
    }
}
