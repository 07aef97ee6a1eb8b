//! The campaign's send rate: a token bucket on tokio's clock, and the back-off after a
//! `ThrottlingException`.
//!
//! A small bucket of our own rather than `governor`: the runner needs a non-blocking "take or
//! tell me how long to wait" for its dispatch loop (it must not sit in an `.await` while
//! results come in), an awaitable take for retries that a cancel interrupts, and nothing else;
//! forty lines tested against exact instants beat a new dependency tree.

use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

/// One token in token-nanoseconds, so that refills are exact integers.
const TOKEN: u128 = 1_000_000_000;

/// `rate` tokens a second; holds a tenth of a second's worth (at least one), so requests are
/// spread evenly rather than sent in bursts the service's own bucket would throttle, while a
/// late timer wake-up can still catch up.
#[derive(Debug)]
pub struct TokenBucket {
    /// Tokens per second; 0 is unlimited.
    rate: u32,
    capacity: u128,
    state: Mutex<(u128, Option<Instant>)>,
}

impl TokenBucket {
    /// A full bucket; `rate` 0 lets everything through.
    #[must_use]
    pub fn new(rate: u32) -> Self {
        let capacity = u128::from((rate / 10).max(1)) * TOKEN;
        Self {
            rate,
            capacity,
            state: Mutex::new((capacity, None)),
        }
    }

    /// Takes a token at `now`, or says how long until one is there.
    ///
    /// # Errors
    /// The wait until the next token (nothing is taken).
    pub fn try_take(&self, now: Instant) -> Result<(), Duration> {
        if self.rate == 0 {
            return Ok(());
        }
        let rate = u128::from(self.rate);
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let (held, updated) = &mut *state;
        // An instant older than the last one refills nothing and does not move the clock back.
        let last = updated.unwrap_or(now);
        let now = now.max(last);
        *held = held
            .saturating_add((now - last).as_nanos().saturating_mul(rate))
            .min(self.capacity);
        *updated = Some(now);
        if *held >= TOKEN {
            *held -= TOKEN;
            Ok(())
        } else {
            let nanos = (TOKEN - *held).div_ceil(rate);
            Err(Duration::from_nanos(
                u64::try_from(nanos).unwrap_or(u64::MAX),
            ))
        }
    }

    /// Waits for a token; `false` when `cancel` fires first (nothing is taken then).
    pub async fn take(&self, cancel: &CancellationToken) -> bool {
        loop {
            match self.try_take(Instant::now()) {
                Ok(()) => return true,
                Err(wait) => {
                    tokio::select! {
                        () = cancel.cancelled() => return false,
                        () = tokio::time::sleep(wait) => {}
                    }
                }
            }
        }
    }
}

/// The wait before retry number `attempt` (0 for the first) after a `ThrottlingException`:
/// exponential from 50 ms, capped at 5 s, with "equal jitter" (half fixed, half random) so that
/// many throttled requests do not come back at the same instant.
#[must_use]
pub fn backoff(attempt: u32) -> Duration {
    const BASE_MS: u64 = 50;
    const CAP_MS: u64 = 5_000;
    let ceiling = BASE_MS.saturating_mul(1 << attempt.min(16)).min(CAP_MS);
    let half = ceiling / 2;
    Duration::from_millis(half + fastrand::u64(0..=half))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unlimited_never_waits() {
        let b = TokenBucket::new(0);
        let now = Instant::now();
        assert!((0..10_000).all(|_| b.try_take(now).is_ok()));
    }

    #[test]
    fn spreads_requests_at_the_rate() {
        let b = TokenBucket::new(20);
        let t0 = Instant::now();
        // 20/s holds two tokens: two at once, then one every 50 ms.
        assert_eq!(b.try_take(t0), Ok(()));
        assert_eq!(b.try_take(t0), Ok(()));
        assert_eq!(b.try_take(t0), Err(Duration::from_millis(50)));
        assert_eq!(
            b.try_take(t0 + Duration::from_millis(20)),
            Err(Duration::from_millis(30))
        );
        assert_eq!(b.try_take(t0 + Duration::from_millis(50)), Ok(()));
        // A long pause refills only up to the capacity.
        let later = t0 + Duration::from_secs(10);
        assert_eq!(b.try_take(later), Ok(()));
        assert_eq!(b.try_take(later), Ok(()));
        assert!(b.try_take(later).is_err());
    }

    #[test]
    fn takes_exactly_rate_per_second_over_time() {
        let b = TokenBucket::new(7);
        let t0 = Instant::now();
        let mut taken = 0;
        // Ask every millisecond for ten seconds: 1 token up front + 7 a second.
        for ms in 0..10_000 {
            if b.try_take(t0 + Duration::from_millis(ms)).is_ok() {
                taken += 1;
            }
        }
        assert_eq!(taken, 70);
    }

    #[test]
    fn an_earlier_instant_does_not_refill() {
        let b = TokenBucket::new(1);
        let t0 = Instant::now() + Duration::from_secs(5);
        assert!(b.try_take(t0).is_ok());
        assert!(b.try_take(t0 - Duration::from_secs(5)).is_err());
        assert!(b.try_take(t0 + Duration::from_millis(999)).is_err());
        assert!(b.try_take(t0 + Duration::from_secs(1)).is_ok());
    }

    #[tokio::test]
    async fn take_waits_and_a_cancel_interrupts_it() {
        let b = TokenBucket::new(10);
        let cancel = CancellationToken::new();
        let started = Instant::now();
        assert!(b.take(&cancel).await);
        assert!(b.take(&cancel).await);
        assert!(started.elapsed() >= Duration::from_millis(90));
        cancel.cancel();
        assert!(!b.take(&cancel).await);
    }

    #[test]
    fn backoff_grows_with_jitter_up_to_the_cap() {
        for attempt in 0..20 {
            let ceiling = (50u64 << attempt.min(16)).min(5_000);
            for _ in 0..50 {
                let d = backoff(attempt).as_millis();
                assert!(
                    u128::from(ceiling / 2) <= d && d <= u128::from(ceiling),
                    "{attempt}: {d}"
                );
            }
        }
        assert!(backoff(30) <= Duration::from_secs(5));
    }
}
