//! What the commands print: diagnostics, errors first; the line that ends a failure; the
//! exit codes.

use std::process::ExitCode;

use super::{EXIT_SITE_ERRORS, Environment, Verbosity};
use crate::console;
use crate::diagnostics::{self, Diagnostic, Severity, counted};

/// What failed, for the line that ends the report of its errors.
#[derive(Clone, Copy)]
pub(super) enum Failed {
    /// A build of a site, which leaves the output as it was.
    Build,
    /// Any other command, by name.
    Command(&'static str),
}

pub(super) fn fail(diagnostics: &[Diagnostic], env: &Environment, failed: Failed) -> ExitCode {
    // The errors are what stops the command: they are listed, the rest only counted, so that
    // the first error is never scrolled away.
    let (errors, others): (Vec<Diagnostic>, Vec<Diagnostic>) =
        diagnostics.iter().cloned().partition(Diagnostic::is_error);
    report(&errors, env);
    let warnings = others
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    if warnings > 0 && env.verbosity != Verbosity::Quiet {
        console::eprint(&format!(
            "{} not shown: `sunset check` lists {}\n",
            counted(warnings, "warning", "warnings"),
            them(warnings)
        ));
    }
    let errors = counted(
        diagnostics.iter().filter(|d| d.is_error()).count(),
        "error",
        "errors",
    );
    console::eprint(&match failed {
        Failed::Build => format!("build failed with {errors}; the previous output is untouched\n"),
        Failed::Command(name) => format!("{name} failed with {errors}\n"),
    });
    ExitCode::from(EXIT_SITE_ERRORS)
}

/// Prints `text` on stdout. A stdout that cannot take it (a full disk) fails the command, as
/// what it reports would be lost; a closed one has ended the program by SIGPIPE already.
pub(super) fn say(text: &str, env: &Environment) -> Result<(), ExitCode> {
    console::print(text).map_err(|e| {
        let error = Diagnostic::error(format!("cannot write to standard output: {e}"))
            .hint("send the output where there is room, or to a file");
        report(&[error], env);
        ExitCode::from(EXIT_SITE_ERRORS)
    })
}

pub(super) fn report(diagnostics: &[Diagnostic], env: &Environment) {
    print_diagnostics(diagnostics, env.styled_errors, env.verbosity);
}

/// Errors first, then warnings, then notes, as much as `verbosity` asks for; what is left out
/// is counted in a line that says where to see it.
pub(super) fn print_diagnostics(diagnostics: &[Diagnostic], styled: bool, verbosity: Verbosity) {
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
    let hidden: Vec<(usize, &str, &str)> = [
        (Severity::Warning, "warning", "warnings"),
        (Severity::Note, "note", "notes"),
    ]
    .into_iter()
    .filter(|(severity, ..)| rank_of(*severity) > shown_up_to)
    .map(|(severity, one, other)| (count(severity), one, other))
    .filter(|(n, ..)| *n > 0)
    .collect();
    if !hidden.is_empty() && verbosity == Verbosity::Normal {
        let named: Vec<String> = hidden
            .iter()
            .map(|(n, one, other)| counted(*n, one, other))
            .collect();
        console::eprint(&format!(
            "{} not shown: `sunset check` lists {} (or add --verbose)\n",
            named.join(" and "),
            them(hidden.iter().map(|(n, ..)| n).sum())
        ));
    }
}

/// Errors before warnings before notes.
pub(super) fn rank_of(severity: Severity) -> usize {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Note => 2,
    }
}

/// What points back at `n` findings: "it" for one, "them" for more.
fn them(n: usize) -> &'static str {
    if n == 1 { "it" } else { "them" }
}
