//! The command line: parsing arguments into requests, running them, and reporting.
//!
//! The core never sees clap types, the environment or the system clock: `main` reads those
//! once into an [`Environment`], and this module turns them into a `BuildRequest`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, Days, Utc};
use clap::{Args, Parser, Subcommand};

use crate::build::{self, BuildRequest, Built};
use crate::clock::{NowInput, rfc3339};
use crate::diagnostics::Severity;
use crate::diagnostics::{self, Diagnostic};
use crate::output::{self, Claim, ClaimError, Output, Replace, Writer};
use crate::watch::{self, Now, Outcome, Session};
use crate::{check, config, console, content, init, serve, source, stamp};

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
            let output = match claim(&root, &out, args.force.replace(), Writer::Build, env) {
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
            let output = match claim(&root, &out, args.force.replace(), Writer::Watch, env) {
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
            let output = match claim(&root, &out, args.force.replace(), Writer::Serve, env) {
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

/// Claims the output folder `out` of the site at `root` for `writer`, before anything is
/// written. Exit code 2 when it is not sunset's to write (bad usage), 1 when the disk refuses.
fn claim(
    root: &Path,
    out: &Path,
    replace: Replace,
    writer: Writer,
    env: &Environment,
) -> Result<Output, ExitCode> {
    // Not a site (`sunset build` in the wrong folder): nothing is written, not even a lock.
    let failed = Failed::Command(writer.as_str());
    if let Err(error) = source::find_site(root) {
        return Err(fail(&[error], env, failed));
    }
    let sources = source::locations(root);
    let claim = Claim {
        out,
        name: shown(out, env),
        root,
        sources: &sources,
        replace,
        writer,
    };
    Output::claim(&claim).map_err(|error| match error {
        ClaimError::Refused(diagnostic) => {
            report(&[diagnostic], env);
            ExitCode::from(EXIT_USAGE)
        }
        ClaimError::Failed(diagnostic) => fail(&[diagnostic], env, failed),
    })
}

/// `path` as the user would name it: relative to the current folder when inside it.
fn shown<'a>(path: &'a Path, env: &Environment) -> &'a Path {
    match path.strip_prefix(&env.current_dir) {
        Ok(inside) if inside.as_os_str().is_empty() => Path::new("."),
        Ok(inside) => inside,
        Err(_) => path,
    }
}

/// "Now" for watch and serve: fixed when given, else the clock at every rebuild.
fn watch_now(args: &NowArgs, env: &Environment) -> Option<Now> {
    if args.now.is_none() && env.source_date_epoch.is_none() {
        return Some(Now::Clock(env.clock));
    }
    resolve_now(args, env).map(Now::Fixed)
}

/// One line per rebuild, with what changed and how long it took; diagnostics as in `build`.
fn report_rebuild(session: &Session, outcome: &Outcome, styled: bool, verbosity: Verbosity) {
    let what = |changed: &[PathBuf]| match changed {
        [] => String::new(),
        [one] => format!(" after {} changed", one.display()),
        [first, rest @ ..] => format!(" after {} and {} more changed", first.display(), rest.len()),
    };
    match outcome {
        Outcome::Built {
            changed,
            rendered,
            reused,
            written,
            elapsed,
            warnings,
        } => {
            print_diagnostics(warnings, styled, verbosity);
            // A line that cannot be printed is lost; watching and writing go on.
            let _ = console::print(&format!(
                "rebuilt in {:.1} ms{}: {rendered} pages rendered, {reused} reused, {written} files written to {}\n",
                elapsed.as_secs_f64() * 1000.0,
                what(changed),
                session.out().display()
            ));
        }
        Outcome::Failed {
            changed,
            diagnostics,
        } => {
            print_diagnostics(diagnostics, styled, verbosity);
            let _ = console::print(&format!(
                "rebuild failed{}; the last good output stays in {}\n",
                what(changed),
                session.out().display()
            ));
        }
    }
}

/// "Now" from `--now`, else `SOURCE_DATE_EPOCH`, else the system clock.
fn resolve_now(args: &NowArgs, env: &Environment) -> Option<NowInput> {
    let parsed = match (&args.now, &env.source_date_epoch) {
        (Some(now), _) => NowInput::parse(now).map_err(|e| format!("--now: {e}")),
        (None, Some(epoch)) => NowInput::from_source_date_epoch(epoch),
        (None, None) => Ok(NowInput::Instant((env.clock)())),
    };
    parsed
        .map_err(|message| {
            let diagnostic = Diagnostic::error(message)
                .hint("give --now 2026-01-05 or --now 2026-01-05T09:00:00Z");
            report(&[diagnostic], env);
        })
        .ok()
}

fn run_build(root: &Path, output: &Output, request: &BuildRequest, env: &Environment) -> ExitCode {
    let built = source::read(root).and_then(|sources| build::build(&sources, request));
    let built = match built {
        Ok(built) => built,
        Err(diagnostics) => return fail(&diagnostics, env, Failed::Build),
    };
    report(&built.warnings, env);
    if let Err(error) = output.write_site(&built.files) {
        return fail(&[error], env, Failed::Build);
    }
    let text = format!(
        "{}\nbuilt {} in {} into {}\n",
        status_line(&built),
        counted(built.files.len(), "file"),
        counted(built.config.languages.len(), "language"),
        output.name().display()
    );
    say(&text, env).err().unwrap_or(ExitCode::SUCCESS)
}

/// The site's files and its checked site.toml, for commands that look at a site without
/// building it.
fn load_site(root: &Path) -> Result<(source::Sources, config::Config), Vec<Diagnostic>> {
    let sources = source::read(root)?;
    let config = config::parse(Path::new(source::CONFIG_FILE), &sources.config)?;
    Ok((sources, config))
}

fn run_check(root: &Path, args: &CheckArgs, env: &Environment) -> ExitCode {
    let (mut sources, config) = match load_site(root) {
        Ok(loaded) => loaded,
        Err(diagnostics) => return fail(&diagnostics, env, Failed::Command("check")),
    };
    if let Some(unknown) = args.languages.iter().find(|l| config.language(l).is_none()) {
        console::eprint(&format!(
            "error: --lang {unknown}: site.toml has no such language\n"
        ));
        return ExitCode::from(EXIT_USAGE);
    }
    let now = match &args.now {
        Some(now) => match NowInput::parse(now) {
            Ok(now) => now,
            Err(e) => {
                console::eprint(&format!("error: --now: {e}\n"));
                return ExitCode::from(EXIT_USAGE);
            }
        },
        None => before_the_end(config.notice.first_date()),
    };
    let mut fixed = String::new();
    if args.fix {
        match fix_typography(root, &config, &mut sources, &args.languages) {
            Ok(lines) => fixed = lines,
            Err(error) => {
                report(&[error], env);
                return ExitCode::from(EXIT_SITE_ERRORS);
            }
        }
        // JSON keeps stdout for the report.
        if args.format == Format::Json {
            console::eprint(&fixed);
            fixed.clear();
        }
    }
    // A build checks its own phase and every later one, so a date before the end checks all.
    let mut findings = match build::build(
        &sources,
        &BuildRequest {
            now,
            base_url: None,
        },
    ) {
        Ok(built) => built.warnings,
        Err(diagnostics) => diagnostics,
    };
    let (pages, _) = content::parse_pages(&config, &sources.content);
    // Typography is proofreading: `check` does it, builds (and every rebuild of watch and
    // serve) do not pay for it.
    findings.extend(
        check::typography_findings(&config, &sources, &pages)
            .iter()
            .map(check::TypographyFinding::diagnostic),
    );
    findings.retain(|f| {
        args.languages.is_empty()
            || f.language()
                .is_none_or(|l| args.languages.iter().any(|a| a == l))
    });
    let mut summary = check::summarize(&config, &sources, &pages, &findings);
    summary.retain(|s| args.languages.is_empty() || args.languages.contains(&s.language));
    let count = |severity: Severity| findings.iter().filter(|f| f.severity == severity).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let text = match args.format {
        Format::Json => format!("{}\n", check::json_report(&summary, &findings)),
        Format::Human => {
            // check's report is its output, for a pager or a file: everything, errors first.
            let mut listed = findings.clone();
            listed.sort_by_key(|d| rank_of(d.severity));
            format!(
                "{}{fixed}{}check: {}, {}, {}\n",
                diagnostics::render(&listed, env.styled_output),
                check::summary_table(&summary),
                counted(errors, "error"),
                counted(warnings, "warning"),
                counted(count(Severity::Note), "note")
            )
        }
    };
    if let Err(code) = say(&text, env) {
        return code;
    }
    if errors > 0 || (args.strict && warnings > 0) {
        ExitCode::from(EXIT_SITE_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}

/// `check --fix`: makes every safe typographic fix in the files of `languages` (every
/// language when empty), in memory, then writes each file that changed and returns a line per
/// file. After each round it looks again, since fixes that overlap wait for the next and a fix
/// can make another one possible; what no safe fix resolves is left for the report.
fn fix_typography(
    root: &Path,
    config: &config::Config,
    sources: &mut source::Sources,
    languages: &[String],
) -> Result<String, Diagnostic> {
    const ROUNDS: usize = 4;
    let mut fixed: BTreeMap<PathBuf, usize> = BTreeMap::new();
    for _ in 0..ROUNDS {
        let (pages, _) = content::parse_pages(config, &sources.content);
        let mut by_file: BTreeMap<PathBuf, Vec<check::TypographyFinding>> = BTreeMap::new();
        for finding in check::typography_findings(config, sources, &pages) {
            let in_language = languages.is_empty()
                || finding
                    .diagnostic()
                    .language()
                    .is_some_and(|l| languages.iter().any(|a| a == l));
            if finding.safe && in_language {
                by_file
                    .entry(finding.location.path.clone())
                    .or_default()
                    .push(finding);
            }
        }
        if by_file.is_empty() {
            break;
        }
        for (path, findings) in by_file {
            let Some(text) = site_text(sources, &path) else {
                continue;
            };
            *fixed.entry(path).or_default() += check::fixes(text, &findings).len();
            *text = check::fix(text, &findings);
        }
    }
    let mut lines = String::new();
    for (path, count) in &fixed {
        let text = site_text(sources, path).map_or("", |t| t.as_str());
        output::replace_site_file(&root.join(path), text).map_err(|e| {
            Diagnostic::error(format!("cannot write the fixes: {e}"))
                .in_file(path)
                .hint("make the file writable, then run `sunset check --fix` again")
        })?;
        let fixes = if *count == 1 { "fix" } else { "fixes" };
        lines += &format!("fixed {}: {count} typographic {fixes}\n", path.display());
    }
    Ok(lines)
}

/// The text of a page or translation file of the site, by its path in it.
fn site_text<'s>(sources: &'s mut source::Sources, path: &Path) -> Option<&'s mut String> {
    if let Some(file) = sources.content.iter_mut().find(|f| f.path == path) {
        return Some(&mut file.text);
    }
    sources
        .locales
        .iter_mut()
        .find(|f| f.path == path)
        .map(|f| &mut f.text)
}

/// The date `check` builds for without `--now`: ten days before the first milestone, so that
/// the build renders every state.
fn before_the_end(end: chrono::NaiveDate) -> NowInput {
    NowInput::Date(end.checked_sub_days(Days::new(10)).unwrap_or(end))
}

fn run_init(dir: &Path, args: &InitArgs, env: &Environment) -> ExitCode {
    let languages = &args.languages;
    if std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some()) {
        console::eprint(&format!(
            "error: {} is not empty; sunset init only writes into a new or empty folder\n",
            dir.display()
        ));
        return ExitCode::from(EXIT_USAGE);
    }
    let starter = match init::starter_site(languages, args.milestones) {
        Ok(starter) => starter,
        Err(diagnostics) => {
            report(&diagnostics, env);
            return ExitCode::from(EXIT_USAGE);
        }
    };
    report(&starter.warnings, env);
    for (path, text) in &starter.files {
        let path = dir.join(path);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text));
        if let Err(e) = written {
            return fail(
                &[
                    Diagnostic::error(format!("cannot write {}: {e}", path.display()))
                        .hint("choose a folder you can write to"),
                ],
                env,
                Failed::Command("init"),
            );
        }
    }
    let text = format!(
        "created a notice site in {} ({}); next: edit site.toml and content/, then `sunset build` there\n",
        dir.display(),
        languages.join(", ")
    );
    say(&text, env).err().unwrap_or(ExitCode::SUCCESS)
}

fn run_add_language(root: &Path, code: &str, env: &Environment) -> ExitCode {
    let failed = Failed::Command("add-language");
    let sources = match source::read(root) {
        Ok(sources) => sources,
        Err(diagnostics) => return fail(&diagnostics, env, failed),
    };
    let added = match init::add_language(&sources.config, code, &sources.locales, &sources.content)
    {
        Ok(added) => added,
        Err(diagnostics) => return fail(&diagnostics, env, failed),
    };
    report(&added.warnings, env);
    for (path, text) in &added.files {
        let path = root.join(path);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| output::replace_site_file(&path, text));
        if let Err(e) = written {
            let error = Diagnostic::error(format!("cannot write {}: {e}", path.display()))
                .hint("check that the site's folder can be written to");
            return fail(&[error], env, failed);
        }
    }
    let text = match added.files.len() {
        0 => format!(
            "{code} has every file of the default language already; `sunset check --lang {code}` lists what is left to translate\n"
        ),
        _ => format!(
            "added {code}: {}\nnext: translate them (until then the pages show the default language's text, marked as such), then `sunset stamp {code}`; `sunset check --lang {code}` lists what is left\n",
            added
                .files
                .iter()
                .map(|(path, _)| path.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    say(&text, env).err().unwrap_or(ExitCode::SUCCESS)
}

fn run_stamp(root: &Path, languages: &[String], env: &Environment) -> ExitCode {
    let (sources, config) = match load_site(root) {
        Ok(loaded) => loaded,
        Err(diagnostics) => return fail(&diagnostics, env, Failed::Command("stamp")),
    };
    let (pages, problems) = content::parse_pages(&config, &sources.content);
    if problems.iter().any(Diagnostic::is_error) {
        return fail(&problems, env, Failed::Command("stamp"));
    }
    let mut text = String::new();
    for language in languages {
        if config.language(language).is_none() || *language == config.default_language().code {
            console::eprint(&format!(
                "error: {language} is not a translation of this site (site.toml lists its languages, the default first)\n"
            ));
            return ExitCode::from(EXIT_USAGE);
        }
        let edits = stamp::stamp_language(&config, language, &sources.locales, &pages);
        for (path, text) in &edits {
            if let Err(e) = output::replace_site_file(&root.join(path), text) {
                return fail(
                    &[Diagnostic::error(format!("cannot write: {e}")).in_file(path)],
                    env,
                    Failed::Command("stamp"),
                );
            }
        }
        text += &format!(
            "{language}: {} stamped as translated from the current default language\n",
            counted(edits.len(), "file")
        );
    }
    say(&text, env).err().unwrap_or(ExitCode::SUCCESS)
}

/// The build's phase and next change, for deploy jobs.
fn status_line(built: &Built) -> String {
    let status = &built.status;
    let days = status
        .days_left
        .map(|d| format!(", {d} days left"))
        .unwrap_or_default();
    let next = status
        .next_change
        .as_ref()
        .map_or_else(|| "none (the notice has ended)".to_string(), rfc3339);
    // With several milestones, the next one to happen once it is not the main one, whose
    // count the phase already gives.
    let notice = &built.config.notice;
    let milestone = status
        .next_milestone()
        .filter(|&index| notice.has_milestones() && index != notice.main)
        .map(|index| {
            let name = &notice.milestones[index].name;
            match status.milestones[index].days_left {
                Some(0) => format!("; next milestone: {name} (today)"),
                Some(days) => format!(
                    "; next milestone: {name} in {}",
                    counted(usize::try_from(days).unwrap_or_default(), "day")
                ),
                None => String::new(),
            }
        })
        .unwrap_or_default();
    format!(
        "phase: {}{days}{milestone}; next change: {next}",
        status.phase.as_str()
    )
}

/// What failed, for the line that ends the report of its errors.
#[derive(Clone, Copy)]
enum Failed {
    /// A build of a site, which leaves the output as it was.
    Build,
    /// Any other command, by name.
    Command(&'static str),
}

fn fail(diagnostics: &[Diagnostic], env: &Environment, failed: Failed) -> ExitCode {
    report(diagnostics, env);
    let errors = counted(diagnostics.iter().filter(|d| d.is_error()).count(), "error");
    console::eprint(&match failed {
        Failed::Build => format!("build failed with {errors}; the previous output is untouched\n"),
        Failed::Command(name) => format!("{name} failed with {errors}\n"),
    });
    ExitCode::from(EXIT_SITE_ERRORS)
}

/// Prints `text` on stdout. A stdout that cannot take it (a full disk) fails the command, as
/// what it reports would be lost; a closed one has ended the program by SIGPIPE already.
fn say(text: &str, env: &Environment) -> Result<(), ExitCode> {
    console::print(text).map_err(|e| {
        let error = Diagnostic::error(format!("cannot write to standard output: {e}"))
            .hint("send the output where there is room, or to a file");
        report(&[error], env);
        ExitCode::from(EXIT_SITE_ERRORS)
    })
}

fn report(diagnostics: &[Diagnostic], env: &Environment) {
    print_diagnostics(diagnostics, env.styled_errors, env.verbosity);
}

/// Errors first, then warnings, then notes, as much as `verbosity` asks for; what is left out
/// is counted in a line that says where to see it.
fn print_diagnostics(diagnostics: &[Diagnostic], styled: bool, verbosity: Verbosity) {
    let rank = |d: &Diagnostic| rank_of(d.severity);
    let shown_up_to = match verbosity {
        Verbosity::Quiet => 0,
        Verbosity::Normal => 1,
        Verbosity::Verbose => 2,
    };
    let mut shown: Vec<Diagnostic> = diagnostics
        .iter()
        .filter(|d| rank(d) <= shown_up_to)
        .cloned()
        .collect();
    shown.sort_by_key(rank);
    if !shown.is_empty() {
        console::eprint(&diagnostics::render(&shown, styled));
    }
    let count = |severity: Severity| {
        diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    };
    let hidden: Vec<String> = [(Severity::Warning, "warning"), (Severity::Note, "note")]
        .into_iter()
        .filter(|(severity, _)| rank_of(*severity) > shown_up_to)
        .map(|(severity, name)| (count(severity), name))
        .filter(|(n, _)| *n > 0)
        .map(|(n, name)| counted(n, name))
        .collect();
    if !hidden.is_empty() && verbosity == Verbosity::Normal {
        console::eprint(&format!(
            "{} not shown: `sunset check` lists them (or add --verbose)\n",
            hidden.join(" and ")
        ));
    }
}

/// Errors before warnings before notes.
fn rank_of(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Note => 2,
    }
}

/// "1 note", "2 notes".
fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
