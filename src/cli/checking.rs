//! `check`: the translation report for a date in every phase (or `--now`), with `--fix`'s
//! typographic fixes first.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::Days;

use super::report::{Failed, fail, rank_of, report, say};
use super::{CheckArgs, EXIT_SITE_ERRORS, EXIT_USAGE, Environment, Format};
use crate::build;
use crate::cache::RenderCache;
use crate::clock::NowInput;
use crate::diagnostics::{self, Diagnostic, Severity, counted};
use crate::files::Sources;
use crate::output::{self};
use crate::{check, config, console, source};

/// The site's files and its checked site.toml, for commands that look at a site without
/// building it.
pub(super) fn load_site(root: &Path) -> Result<(Sources, config::Config), Vec<Diagnostic>> {
    let sources = source::read(root)?;
    let config = build::load_config(&sources, None)?;
    Ok((sources, config))
}

pub(super) fn run_check(root: &Path, args: &CheckArgs, env: &Environment) -> ExitCode {
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
    // Parsed once for the build and for what only `check` does.
    let site = build::load(&sources, config);
    // A build checks its own phase and every later one, so a date before the end checks all.
    let mut findings = match build::build_loaded(&sources, &site, now, &mut RenderCache::off()) {
        Ok(built) => built.warnings,
        Err(diagnostics) => diagnostics,
    };
    // Typography is proofreading: `check` does it, builds (and every rebuild of watch and
    // serve) do not pay for it.
    let typography =
        check::typography_findings(&site.config, &sources, &site.messages, &site.pages);
    let fixable = typography
        .iter()
        .filter(|f| {
            f.safe
                && (args.languages.is_empty()
                    || f.diagnostic()
                        .language()
                        .is_some_and(|l| args.languages.iter().any(|a| a == l)))
        })
        .count();
    findings.extend(typography.iter().map(check::TypographyFinding::diagnostic));
    findings.retain(|f| {
        args.languages.is_empty()
            || f.language()
                .is_none_or(|l| args.languages.iter().any(|a| a == l))
    });
    let mut summary = check::summarize(&site.config, &site.messages, &site.pages, &findings);
    summary.retain(|s| args.languages.is_empty() || args.languages.contains(&s.language));
    let count = |severity: Severity| findings.iter().filter(|f| f.severity == severity).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let untranslated = findings
        .iter()
        .filter(|f| check::is_untranslated(f))
        .count();
    let failed_untranslated = args.require_translated && untranslated > 0;
    let text = match args.format {
        Format::Json => format!("{}\n", check::json_report(&summary, &findings)),
        Format::Human => {
            // check's report is its output, for a pager or a file: everything, errors first.
            let mut listed = findings.clone();
            listed.sort_by_key(|d| rank_of(d.severity));
            let verdict = match failed_untranslated {
                true => format!(
                    "check failed with --require-translated: {} about text not translated yet\n",
                    counted(untranslated, "finding", "findings")
                ),
                false => String::new(),
            };
            // A wall of typographic warnings has one answer: say it once, at the end.
            let fix = match fixable {
                0 => String::new(),
                n => format!(
                    "{} a safe fix: `sunset check --fix` makes {}\n",
                    match n {
                        1 => "1 typographic warning has".to_string(),
                        n => format!("{n} typographic warnings have"),
                    },
                    if n == 1 { "it" } else { "them all" }
                ),
            };
            format!(
                "{}{fixed}{}check: {}, {}, {}\n{fix}{verdict}",
                diagnostics::render(&listed, env.styled_output),
                check::summary_table(&summary),
                counted(errors, "error", "errors"),
                counted(warnings, "warning", "warnings"),
                counted(count(Severity::Note), "note", "notes")
            )
        }
    };
    if let Err(code) = say(&text, env) {
        return code;
    }
    if errors > 0 || (args.strict && warnings > 0) || failed_untranslated {
        ExitCode::from(EXIT_SITE_ERRORS)
    } else {
        ExitCode::SUCCESS
    }
}

/// `check --fix`: makes every safe typographic fix in the files of `languages` (every
/// language when empty), in memory, then writes each file that changed and returns a line per
/// file. After each round it looks again, since fixes that overlap wait for the next and a fix
/// can make another one possible; what no safe fix resolves is left for the report.
pub(super) fn fix_typography(
    root: &Path,
    config: &config::Config,
    sources: &mut Sources,
    languages: &[String],
) -> Result<String, Diagnostic> {
    const ROUNDS: usize = 4;
    let mut fixed: BTreeMap<PathBuf, usize> = BTreeMap::new();
    for _ in 0..ROUNDS {
        let site = build::load(sources, config.clone());
        let mut by_file: BTreeMap<PathBuf, Vec<check::TypographyFinding>> = BTreeMap::new();
        for finding in check::typography_findings(config, sources, &site.messages, &site.pages) {
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
            let count = check::fixes(text, &findings).len();
            let text = check::fix(text, &findings);
            set_site_text(sources, &path, text);
            *fixed.entry(path).or_default() += count;
        }
    }
    let mut lines = String::new();
    for (path, count) in &fixed {
        let text = site_text(sources, path).unwrap_or_default();
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
fn site_text<'s>(sources: &'s Sources, path: &Path) -> Option<&'s str> {
    let page = sources.content.iter().find(|f| f.path == path);
    page.map(|f| &*f.text).or_else(|| {
        let locale = sources.locales.iter().find(|f| f.path == path);
        locale.map(|f| f.text.as_str())
    })
}

/// Replaces the text of the page or translation file at `path`.
fn set_site_text(sources: &mut Sources, path: &Path, text: String) {
    if let Some(file) = sources.content.iter_mut().find(|f| f.path == path) {
        file.text = text.into();
    } else if let Some(file) = sources.locales.iter_mut().find(|f| f.path == path) {
        file.text = text;
    }
}

/// The date `check` builds for without `--now`: ten days before the first milestone, so that
/// the build renders every state.
pub(super) fn before_the_end(end: chrono::NaiveDate) -> NowInput {
    NowInput::Date(end.checked_sub_days(Days::new(10)).unwrap_or(end))
}
