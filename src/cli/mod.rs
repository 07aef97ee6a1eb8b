//! The command line: the `clap` parser and the dispatch to one module per subcommand.

pub mod account;
pub mod agents;
pub mod campaign;
pub mod check;
pub mod config_sets;
pub mod connection;
pub mod event_destinations;
pub mod export;
pub mod sandbox;
pub mod send;
pub mod spend_limit;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "rcs-composer",
    version,
    about = "Design, check and send RCS business messages"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A template to open in the composer window.
    pub file: Option<PathBuf>,
    /// An audience CSV to open in the window's Audience tab.
    #[arg(long, value_name = "FILE.csv")]
    pub audience: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check template files against every rule of the RCS send request.
    Check(check::CheckArgs),
    /// Send a template (or dry-run it) through AWS End User Messaging SMS.
    Send(send::SendArgs),
    /// Print the request `send` would send as an AWS CLI command, a boto3 script or JSON.
    Export(export::ExportArgs),
    /// Send one personalised template to every row of an audience CSV (or dry-run or check it).
    Campaign(campaign::CampaignArgs),
    /// Serve a local sandbox of the service on 127.0.0.1 (nothing is delivered).
    Sandbox(sandbox::SandboxArgs),
    /// RCS agents: list, create, update, delete.
    Agents {
        #[command(flatten)]
        common: account::Common,
        #[command(subcommand)]
        command: agents::AgentsCommand,
    },
    /// The RCS monthly spend limit: show, set, clear.
    SpendLimit {
        #[command(flatten)]
        common: account::Common,
        #[command(subcommand)]
        command: spend_limit::SpendCommand,
    },
    /// Configuration sets: list, create, delete.
    ConfigSets {
        #[command(flatten)]
        common: account::Common,
        #[command(subcommand)]
        command: config_sets::ConfigSetsCommand,
    },
    /// Event destinations of a configuration set: list, create, update, delete.
    EventDestinations {
        #[command(flatten)]
        common: account::Common,
        #[command(subcommand)]
        command: event_destinations::DestinationsCommand,
    },
}

/// Entry point for subcommands.
#[must_use]
pub fn run(command: &Command) -> ExitCode {
    match command {
        Command::Check(args) => check::run(args),
        Command::Send(args) => send::run(args),
        Command::Export(args) => export::run(args),
        Command::Campaign(args) => campaign::run(args),
        Command::Sandbox(args) => sandbox::run(args),
        Command::Agents { common, command } => agents::run(common, command),
        Command::SpendLimit { common, command } => spend_limit::run(common, command),
        Command::ConfigSets { common, command } => config_sets::run(common, command),
        Command::EventDestinations { common, command } => event_destinations::run(common, command),
    }
}
