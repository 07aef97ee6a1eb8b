//! Campaigns: one personalised template × an audience file. This room reads the audience,
//! judges each row with the core's rules, and runs the sends; the filling-in of placeholders
//! and the message checks themselves are pure and live in `crate::rcs`.

pub mod audience;
pub mod check;
