//! The commands that write the site's own files rather than its output: `init`,
//! `add-language` and `stamp`. What they write is worked out by the core; `output` writes it.

use std::path::Path;
use std::process::ExitCode;

use super::checking::load_site;
use super::report::{Failed, fail, report, say};
use super::{EXIT_USAGE, Environment, InitArgs};
use crate::diagnostics::{Diagnostic, counted};
use crate::output::{self};
use crate::{console, content, init, source, stamp};

pub(super) fn run_init(dir: &Path, args: &InitArgs, env: &Environment) -> ExitCode {
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
    if let Err(error) = output::write_site_files(dir, &starter.files) {
        return fail(&[error], env, Failed::Command("init"));
    }
    let text = format!(
        "created a notice site in {} ({}); next: edit site.toml and content/, then `sunset build` there\n",
        dir.display(),
        languages.join(", ")
    );
    say(&text, env).err().unwrap_or(ExitCode::SUCCESS)
}

pub(super) fn run_add_language(root: &Path, code: &str, env: &Environment) -> ExitCode {
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
    if let Err(error) = output::write_site_files(root, &added.files) {
        return fail(&[error], env, failed);
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

pub(super) fn run_stamp(root: &Path, languages: &[String], env: &Environment) -> ExitCode {
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
        let stamped = stamp::stamp_language(&config, language, &sources.locales, &pages);
        if let Err(error) = output::write_site_files(root, &stamped.files) {
            return fail(&[error], env, Failed::Command("stamp"));
        }
        text += &format!(
            "{language}: {} stamped with the version of the default language they follow\n",
            counted(stamped.files.len(), "file", "files")
        );
        if stamped.copied_messages + stamped.copied_pages > 0 {
            text += &format!(
                "{language}: {} and {} are still the default language's text: left as copies to translate, brought up to its current text\n",
                counted(stamped.copied_messages, "message", "messages"),
                counted(stamped.copied_pages, "page", "pages")
            );
        }
    }
    say(&text, env).err().unwrap_or(ExitCode::SUCCESS)
}
