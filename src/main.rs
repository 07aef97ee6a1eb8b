use std::process::ExitCode;

use clap::Parser;
use rcs_composer::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = &cli.command {
        return cli::run(command);
    }
    match rcs_composer::ui::run(cli.file, cli.audience) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rcs-composer: cannot open the window: {e}");
            ExitCode::from(2)
        }
    }
}
