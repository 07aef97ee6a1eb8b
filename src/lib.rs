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

/// mimalloc instead of glibc's allocator, for every binary built on this crate (the app, its
/// tests and benchmarks alike): a keystroke frame makes and frees thousands of small strings
/// and vectors, and glibc's malloc and free took about a fifth of it (see the README).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
