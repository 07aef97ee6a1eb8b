//! `rcs-composer config-sets`: list, create and delete configuration sets.

use std::process::ExitCode;

use clap::Subcommand;

use super::account::{Common, ListArgs, call, query, refuse};
use crate::aws;
use crate::rcs::account as rules;

#[derive(Debug, Subcommand)]
pub enum ConfigSetsCommand {
    List {
        #[arg(long = "name")]
        names: Vec<String>,
        #[command(flatten)]
        list: ListArgs,
    },
    Create {
        name: String,
    },
    /// Delete a configuration set and its event destinations.
    Delete {
        name: String,
    },
}

#[must_use]
pub fn run(common: &Common, command: &ConfigSetsCommand) -> ExitCode {
    match command {
        ConfigSetsCommand::List { names, list } => {
            let q = query(names, None, list);
            if let Some(code) = refuse(&rules::validate_config_set_query(&q)) {
                return code;
            }
            call(common, |c| async move {
                aws::account::describe_config_sets(&c, &q).await
            })
        }
        ConfigSetsCommand::Create { name } => {
            if let Some(code) = refuse(&rules::validate_new_config_set(name, &[])) {
                return code;
            }
            let name = name.clone();
            call(common, |c| async move {
                aws::account::create_config_set(&c, &name).await
            })
        }
        ConfigSetsCommand::Delete { name } => {
            if let Some(code) = refuse(&rules::validate_config_set_ref(name, None)) {
                return code;
            }
            let name = name.clone();
            call(common, |c| async move {
                aws::account::delete_config_set(&c, &name).await
            })
        }
    }
}
