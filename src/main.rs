use std::process::ExitCode;

use clap::Parser;
use rcs_composer::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = &cli.command {
        return cli::run(command);
    }
    eprintln!(
        "rcs-composer: the composer window is not part of this build yet; use `rcs-composer check FILE...`"
    );
    ExitCode::from(2)
}
