//! The edge of the program: reads the clock, the environment and the arguments once, then
//! hands them to `sunset::cli`.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use sunset::cli::{self, Cli, Environment};
use sunset::console;

fn main() -> ExitCode {
    // Rust ignores SIGPIPE, so that writing to a closed pipe is an error instead; sunset ends
    // quietly then, as other Unix tools do (`sunset check --format json | head -1`). Before
    // parsing, as `--help` prints too.
    set_sigpipe(libc::SIG_DFL);
    let cli = Cli::parse();
    if cli.serves() {
        // A browser closing its connection must not end the server: there the closed pipe
        // stays an error, which serve's writes handle.
        set_sigpipe(libc::SIG_IGN);
    }
    let current_dir = match std::env::current_dir() {
        Ok(dir) => dir,
        Err(e) => {
            console::eprint(&format!("error: cannot read the current folder: {e}\n"));
            return ExitCode::from(2);
        }
    };
    let env = Environment {
        current_dir,
        temp_dir: std::env::temp_dir(),
        source_date_epoch: std::env::var("SOURCE_DATE_EPOCH").ok(),
        clock: || chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now()),
        styled_errors: std::io::stderr().is_terminal(),
        styled_output: std::io::stdout().is_terminal(),
        verbosity: cli.verbosity(),
    };
    cli::run(cli, &env)
}

fn set_sigpipe(action: libc::sighandler_t) {
    // SAFETY: called before any thread starts; SIG_DFL and SIG_IGN are valid dispositions.
    unsafe {
        libc::signal(libc::SIGPIPE, action);
    }
}
