//! rcs-composer: design, check and send RCS business messages through AWS End User Messaging
//! SMS. The binary is a thin shell over these modules so that tests and benchmarks drive the
//! real code.

pub mod aws;
pub mod campaign;
pub mod cli;
pub mod export;
pub mod rcs;
pub mod sandbox;
pub mod templates;
pub mod ui;
