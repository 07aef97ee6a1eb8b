//! The campaign's progress on stderr: an `indicatif` bar on a terminal, a plain line every few
//! seconds (and at each change of state) otherwise, so logs of headless runs stay readable.

use std::fmt::Write as _;
use std::io::IsTerminal as _;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tokio::sync::watch;

use crate::campaign::{Progress, State};

/// How often a plain line is printed when stderr is not a terminal.
const LINE_EVERY: Duration = Duration::from_secs(5);

/// Shows progress until the runner drops its end of the channel.
pub(super) async fn show(rx: watch::Receiver<Progress>) {
    if std::io::stderr().is_terminal() {
        bar(rx).await;
    } else {
        lines(rx).await;
    }
}

async fn bar(mut rx: watch::Receiver<Progress>) {
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{prefix:>10} [{bar:30}] {pos}/{len} rows  {msg}")
        .map_or_else(
            |_| ProgressStyle::default_bar(),
            |s| s.progress_chars("=> "),
        );
    bar.set_style(style);
    loop {
        let p = rx.borrow_and_update().clone();
        bar.set_length(p.total);
        bar.set_position(p.done);
        bar.set_prefix(p.state.label());
        bar.set_message(figures(&p));
        if rx.changed().await.is_err() {
            break;
        }
    }
    bar.finish();
}

async fn lines(mut rx: watch::Receiver<Progress>) {
    let mut tick = tokio::time::interval(LINE_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    tick.tick().await;
    let mut last_state = State::Starting;
    let mut printed = String::new();
    loop {
        tokio::select! {
            changed = rx.changed() => {
                if changed.is_err() {
                    break;
                }
                let p = rx.borrow_and_update().clone();
                if p.state != last_state {
                    last_state = p.state.clone();
                    printed = line(&p);
                    eprintln!("{printed}");
                }
            }
            _ = tick.tick() => {
                let p = rx.borrow().clone();
                if p.state != State::Finished {
                    printed = line(&p);
                    eprintln!("{printed}");
                }
            }
        }
    }
    let last = line(&rx.borrow());
    if last != printed {
        eprintln!("{last}");
    }
}

/// `campaign: sending 1200/10000 rows (12%); 950 rows/s, ETA 9s; …`
fn line(p: &Progress) -> String {
    format!(
        "campaign: {} {}/{} rows ({:.0}%); {}",
        p.state.label(),
        p.done,
        p.total,
        f64::from(p.fraction()) * 100.0,
        figures(p)
    )
}

/// Rate, ETA and the counts so far.
fn figures(p: &Progress) -> String {
    let c = &p.counts;
    let mut s = format!("{:.0} rows/s", p.rows_per_second);
    if let Some(eta) = p.eta.filter(|_| !p.state.is_stopping()) {
        let _ = write!(s, ", ETA {}", clock(eta));
    }
    let _ = write!(
        s,
        "; accepted {}, errors {} (rejected {}, invalid {}, skipped {}, unknown {})",
        c.accepted,
        c.errors(),
        c.rejected,
        c.invalid,
        c.skipped,
        c.unknown
    );
    if p.throttled > 0 {
        let _ = write!(s, ", throttled {}", p.throttled);
    }
    s
}

/// `1h02m03s`, `2m05s`, `9s`.
fn clock(d: Duration) -> String {
    let s = d.as_secs();
    match (s / 3600, s / 60 % 60, s % 60) {
        (0, 0, sec) => format!("{sec}s"),
        (0, m, sec) => format!("{m}m{sec:02}s"),
        (h, m, sec) => format!("{h}h{m:02}m{sec:02}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaign::Counts;

    #[test]
    fn plain_lines_name_the_figures() {
        let p = Progress {
            state: State::Sending,
            total: 200,
            done: 50,
            counts: Counts {
                accepted: 40,
                rejected: 1,
                invalid: 4,
                skipped: 3,
                unknown: 2,
            },
            throttled: 7,
            rows_per_second: 20.4,
            eta: Some(Duration::from_secs(125)),
            ..Progress::default()
        };
        assert_eq!(
            line(&p),
            "campaign: sending 50/200 rows (25%); 20 rows/s, ETA 2m05s; accepted 40, errors 10 (rejected 1, invalid 4, skipped 3, unknown 2), throttled 7"
        );
        assert_eq!(clock(Duration::from_secs(3723)), "1h02m03s");
        assert_eq!(clock(Duration::from_secs(9)), "9s");
    }
}
