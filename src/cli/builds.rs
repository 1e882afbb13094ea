//! `build`, `watch` and `serve`: the output folder claimed, "now" worked out, each build or
//! rebuild reported with the status line deploy jobs read.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::report::{Failed, fail, print_diagnostics, report, say};
use super::{EXIT_USAGE, Environment, NowArgs, Verbosity};
use crate::build::{self, BuildRequest};
use crate::cards;
use crate::clock::{NowInput, Status, rfc3339};
use crate::config::Config;
use crate::diagnostics::{Diagnostic, counted};
use crate::output::{Claim, ClaimError, LockHolder, Output, Replace};
use crate::watch::{NowSource, Outcome, Session};
use crate::{console, source};

/// Claims the output folder `out` of the site at `root` for `writer`, before anything is
/// written. Exit code 2 when it is not sunset's to write (bad usage), 1 when the disk refuses.
pub(super) fn claim(
    root: &Path,
    out: &Path,
    replace: Replace,
    writer: LockHolder,
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
pub(super) fn shown<'a>(path: &'a Path, env: &Environment) -> &'a Path {
    match path.strip_prefix(&env.current_dir) {
        Ok(inside) if inside.as_os_str().is_empty() => Path::new("."),
        Ok(inside) => inside,
        Err(_) => path,
    }
}

/// "Now" for watch and serve: fixed when given, else the clock at every rebuild.
pub(super) fn watch_now(args: &NowArgs, env: &Environment) -> Option<NowSource> {
    if args.now.is_none() && env.source_date_epoch.is_none() {
        return Some(NowSource::Clock(env.clock));
    }
    resolve_now(args, env).map(NowSource::Fixed)
}

/// One line per rebuild, with what changed and how long it took; diagnostics as in `build`.
pub(super) fn report_rebuild(
    session: &Session,
    outcome: &Outcome,
    styled: bool,
    verbosity: Verbosity,
) {
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
            cards_drawn,
            written,
            elapsed,
            warnings,
        } => {
            print_diagnostics(warnings, styled, verbosity);
            // A line that cannot be printed is lost; watching and writing go on.
            let _ = console::print(&format!(
                "rebuilt in {:.1} ms{}: {rendered} pages rendered, {reused} reused, {cards_drawn} share cards drawn, {written} files written to {}\n",
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
pub(super) fn resolve_now(args: &NowArgs, env: &Environment) -> Option<NowInput> {
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

pub(super) fn run_build(
    root: &Path,
    output: &Output,
    request: &BuildRequest,
    env: &Environment,
) -> ExitCode {
    let built = source::read(root).and_then(|sources| build::build(&sources, request));
    let built = match built {
        Ok(built) => built,
        Err(diagnostics) => return fail(&diagnostics, env, Failed::Build),
    };
    let cards = match cards::for_build(output, &built.cards) {
        Ok(cards) => cards,
        Err(diagnostics) => return fail(&diagnostics, env, Failed::Build),
    };
    report(&built.warnings, env);
    let mut files = built.files;
    files.extend(cards.files);
    if let Err(error) = output.write_site(&files, &cards.kept) {
        return fail(&[error], env, Failed::Build);
    }
    // Quiet is quiet: a successful build says nothing (deploy jobs read notice.json, or run
    // without -q for the status line).
    if env.verbosity == Verbosity::Quiet {
        return ExitCode::SUCCESS;
    }
    let card_count = cards.drawn + cards.kept.len();
    let drawn = match card_count {
        0 => String::new(),
        _ => format!(
            " ({}, {} drawn)",
            counted(card_count, "share card", "share cards"),
            cards.drawn
        ),
    };
    let text = format!(
        "{}\nbuilt {}{drawn} in {} into {}\n",
        status_line(&built.status, &built.config),
        counted(files.len() + cards.kept.len(), "file", "files"),
        counted(built.config.languages.len(), "language", "languages"),
        output.name().display()
    );
    say(&text, env).err().unwrap_or(ExitCode::SUCCESS)
}

/// The build's phase and next change, for deploy jobs.
pub(super) fn status_line(status: &Status, config: &Config) -> String {
    let days = status
        .days_left
        .map(|d| {
            let days = counted(usize::try_from(d).unwrap_or_default(), "day", "days");
            format!(", {days} left")
        })
        .unwrap_or_default();
    let next = status
        .next_change
        .as_ref()
        .map_or_else(|| "none (the notice has ended)".to_string(), rfc3339);
    // With several milestones, the next one to happen once it is not the main one, whose
    // count the phase already gives.
    let notice = &config.notice;
    let milestone = status
        .next_milestone()
        .filter(|&index| notice.has_several_milestones() && index != notice.main)
        .map(|index| {
            let name = &notice.milestones[index].name;
            match status.milestones[index].days_left {
                Some(0) => format!("; next milestone: {name} (today)"),
                Some(days) => format!(
                    "; next milestone: {name} in {}",
                    counted(usize::try_from(days).unwrap_or_default(), "day", "days")
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
