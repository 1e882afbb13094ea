//! The edge of the program: reads the clock, the environment and the arguments once, then
//! hands them to `sunset::cli`.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use sunset::cli::{self, Cli, Environment};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let current_dir = match std::env::current_dir() {
        Ok(dir) => dir,
        Err(e) => {
            eprintln!("error: cannot read the current folder: {e}");
            return ExitCode::from(2);
        }
    };
    let env = Environment {
        current_dir,
        temp_dir: std::env::temp_dir(),
        source_date_epoch: std::env::var("SOURCE_DATE_EPOCH").ok(),
        clock: || chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now()),
        styled_errors: std::io::stderr().is_terminal(),
    };
    cli::run(cli, &env)
}
