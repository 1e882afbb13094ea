//! The command line: the arguments (clap's types) and which command runs. Each command
//! is its own module; `report` prints what they say and gives the exit codes.
//!
//! The core never sees clap types, the environment or the system clock: `main` reads those
//! once into an [`Environment`], and this module turns them into a `BuildRequest`.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::{Args, Parser, Subcommand};

use crate::build::BuildRequest;
use crate::diagnostics::Diagnostic;
use crate::output::{LockHolder, Replace};
use crate::serve;
use crate::watch::{self, Outcome, Session};

mod builds;
mod checking;
mod report;
mod site_files;

use builds::{claim, report_rebuild, resolve_now, run_build, watch_now};
use checking::run_check;
use report::{Failed, fail};
use site_files::{run_add_language, run_init, run_stamp};

/// Where the options of every command that acts on an existing site are listed: `init`
/// makes a site, and its help says they are not its own.
const SITE_OPTIONS: &str = "Options of build, check, stamp, watch and serve";

#[derive(Debug, Parser)]
#[command(
    name = "sunset",
    version,
    about = "Builds the multilingual notice that a service is ending"
)]
pub struct Cli {
    /// The site's folder (holding site.toml); default: the current folder.
    #[arg(long, global = true, value_name = "DIR", help_heading = SITE_OPTIONS)]
    root: Option<PathBuf>,
    /// Print only errors (build, watch, serve).
    #[arg(short, long, global = true, conflicts_with = "verbose", help_heading = SITE_OPTIONS)]
    quiet: bool,
    /// Print every note too, instead of counting them (build, watch, serve).
    #[arg(short, long, global = true, help_heading = SITE_OPTIONS)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into public/ (or --out).
    Build(BuildArgs),
    /// Report every error and warning of the site without writing anything.
    Check(CheckArgs),
    /// Build, then rebuild what each saved change affects.
    Watch(BuildArgs),
    /// Watch, and serve the site locally with live reload and date previews.
    Serve(ServeArgs),
    /// Record that translations are up to date with the default language, for `check`.
    Stamp(StampArgs),
    /// Start a new notice site in DIR.
    Init(InitArgs),
    /// Add a language to this site: its table in site.toml, and the default language's files
    /// to translate, published as untranslated until they are.
    AddLanguage(AddLanguageArgs),
}

#[derive(Debug, Args)]
struct AddLanguageArgs {
    /// The language's BCP 47 code (he, pt-BR, zh-Hant).
    #[arg(value_name = "CODE")]
    code: String,
}

#[derive(Debug, Args)]
struct InitArgs {
    /// The folder to create (it may exist if it is empty).
    dir: PathBuf,
    /// The site's languages, the default first.
    #[arg(long, value_delimiter = ',', default_value = "en")]
    languages: Vec<String>,
    /// Start a notice with several dates: the service ends, then stored data is deleted.
    #[arg(long)]
    milestones: bool,
}

#[derive(Debug, Args)]
struct ServeArgs {
    #[command(flatten)]
    now: NowArgs,
    /// The port (0: any free port).
    #[arg(long, default_value_t = 1111)]
    port: u16,
    /// The address to listen on. Anything but loopback exposes the site to the network.
    #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1")]
    interface: std::net::IpAddr,
    /// Where to write the served site; default: a folder in the system's temporary folder,
    /// so that public/ keeps its production URLs.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    #[command(flatten)]
    force: ForceArgs,
}

#[derive(Debug, Args)]
struct ForceArgs {
    /// Replace the output folder even if sunset did not write it: everything in it is lost.
    /// Never the site's own folders.
    #[arg(long)]
    force: bool,
}

impl ForceArgs {
    fn replace(&self) -> Replace {
        if self.force {
            Replace::Anything
        } else {
            Replace::OnlyOurs
        }
    }
}

#[derive(Debug, Args)]
struct NowArgs {
    /// The build's "now": an RFC 3339 instant or a date (midnight in the notice's time zone).
    /// Default: SOURCE_DATE_EPOCH, else the system clock.
    #[arg(long, value_name = "WHEN")]
    now: Option<String>,
}

#[derive(Debug, Args)]
struct BuildArgs {
    #[command(flatten)]
    now: NowArgs,
    /// The output folder; default: public/ in the site's folder.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Publish under another address than site.toml's base_url (for example a sub-path).
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    #[command(flatten)]
    force: ForceArgs,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Check the site as it reads at this date only; default: a date in each phase.
    #[arg(long, value_name = "WHEN")]
    now: Option<String>,
    /// Treat warnings as errors (notes never are).
    #[arg(long)]
    strict: bool,
    /// Fail (exit 1) while a message or page is not translated: missing, or still the default
    /// language's text (the findings missing-message, missing-page and identical).
    #[arg(long)]
    require_translated: bool,
    /// How to report: for people, or as JSON for CI and translation platforms.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Report only on these languages (repeat for several).
    #[arg(long = "lang", value_name = "L")]
    languages: Vec<String>,
    /// First make every safe typographic fix in the files (of the --lang languages), then
    /// report what is left.
    #[arg(long)]
    fix: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Debug, Args)]
struct StampArgs {
    /// The languages whose translations are now up to date with the default language.
    #[arg(required = true, value_name = "LANG")]
    languages: Vec<String>,
}

impl Cli {
    /// Whether the command is `serve`, which must outlive a closed connection.
    pub fn serves(&self) -> bool {
        matches!(self.command, Command::Serve(_))
    }
}

impl Cli {
    pub fn verbosity(&self) -> Verbosity {
        match (self.quiet, self.verbose) {
            (true, _) => Verbosity::Quiet,
            (_, true) => Verbosity::Verbose,
            _ => Verbosity::Normal,
        }
    }
}

/// How much of a build's findings is printed: errors always; warnings unless quiet; notes
/// only when verbose, else one line that counts them, the way cargo keeps its output short.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

/// What `main` reads from the world, once.
pub struct Environment {
    pub current_dir: PathBuf,
    /// The system's temporary folder, for `serve`'s output.
    pub temp_dir: PathBuf,
    pub source_date_epoch: Option<String>,
    /// Reads the system clock; called once per build (watch and serve rebuild for hours).
    pub clock: fn() -> DateTime<Utc>,
    pub styled_errors: bool,
    /// Whether standard output is a terminal (`check` writes its report there).
    pub styled_output: bool,
    pub verbosity: Verbosity,
}

const EXIT_SITE_ERRORS: u8 = 1;

const EXIT_USAGE: u8 = 2;

pub fn run(cli: Cli, env: &Environment) -> ExitCode {
    let root = match &cli.root {
        Some(root) => env.current_dir.join(root),
        None => env.current_dir.clone(),
    };
    match cli.command {
        Command::Build(args) => {
            let Some(now) = resolve_now(&args.now, env) else {
                return ExitCode::from(EXIT_USAGE);
            };
            let out = args
                .out
                .map_or_else(|| root.join("public"), |o| env.current_dir.join(o));
            let output = match claim(&root, &out, args.force.replace(), LockHolder::Build, env) {
                Ok(output) => output,
                Err(code) => return code,
            };
            let request = BuildRequest {
                now,
                base_url: args.base_url,
            };
            run_build(&root, &output, &request, env)
        }
        Command::Watch(args) => {
            let Some(now) = watch_now(&args.now, env) else {
                return ExitCode::from(EXIT_USAGE);
            };
            let out = args
                .out
                .map_or_else(|| root.join("public"), |o| env.current_dir.join(o));
            let output = match claim(&root, &out, args.force.replace(), LockHolder::Watch, env) {
                Ok(output) => output,
                Err(code) => return code,
            };
            let session = Session::new(root, output, args.base_url, now);
            let (styled, verbosity) = (env.styled_errors, env.verbosity);
            let result = watch::run(session, |session, outcome| {
                report_rebuild(session, outcome, styled, verbosity)
            });
            match result {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => fail(&[error], env, Failed::Command("watch")),
            }
        }
        Command::Serve(args) => {
            let Some(now) = watch_now(&args.now, env) else {
                return ExitCode::from(EXIT_USAGE);
            };
            // A folder of this server's own in the temporary folder, with the lock beside the
            // site inside it, removed when the server stops; `--out` is the user's to keep.
            let (temporary, out) = match &args.out {
                Some(out) => (None, env.current_dir.join(out)),
                None => match tempfile::Builder::new()
                    .prefix("sunset-serve-")
                    .tempdir_in(&env.temp_dir)
                {
                    Ok(dir) => {
                        let out = dir.path().join("site");
                        (Some(dir), out)
                    }
                    Err(e) => {
                        let message =
                            format!("cannot create a folder in {}: {e}", env.temp_dir.display());
                        let error = Diagnostic::error(message).hint("choose one with --out");
                        return fail(&[error], env, Failed::Command("serve"));
                    }
                },
            };
            let output = match claim(&root, &out, args.force.replace(), LockHolder::Serve, env) {
                Ok(output) => output,
                Err(code) => return code,
            };
            let (styled, verbosity) = (env.styled_errors, env.verbosity);
            let report = move |session: &Session, outcome: &Outcome| {
                report_rebuild(session, outcome, styled, verbosity)
            };
            let served = serve::serve(root, output, now, args.interface, args.port, report);
            // Stopped (Ctrl-C, SIGTERM) or unable to listen: the temporary output goes.
            drop(temporary);
            match served {
                Ok(()) => ExitCode::SUCCESS,
                Err(message) => fail(
                    &[Diagnostic::error(message).hint("choose another --port")],
                    env,
                    Failed::Command("serve"),
                ),
            }
        }
        Command::Check(args) => run_check(&root, &args, env),
        Command::Stamp(args) => run_stamp(&root, &args.languages, env),
        Command::Init(args) => run_init(&env.current_dir.join(&args.dir), &args, env),
        Command::AddLanguage(args) => run_add_language(&root, &args.code, env),
    }
}
