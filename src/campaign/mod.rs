//! Campaigns: one personalised template × an audience file. This room reads the audience,
//! judges each row with the core's rules, and runs the sends (rate limit, journal, report);
//! the filling-in of placeholders and the message checks themselves are pure and live in
//! `crate::rcs`. The public entry points are in [`run`]; the window and the command line use
//! only those and [`progress`].

pub mod audience;
pub mod check;
mod driver;
pub mod journal;
mod plan;
pub mod progress;
mod quotes;
pub mod rate;
pub mod report;
pub mod run;
#[cfg(test)]
mod tests;

pub use progress::{Counts, Progress, State};
pub use run::{
    Confirmation, DEFAULT_RATE, End, Mode, Options, Outcome, Plan, RunError, TemplateSource,
    Totals, count, run,
};
