//! What a localization team needs to know about a site: what is missing, stale or dangerous in
//! each language, with the line to fix.
//!
//! [`static_findings`] reads the translations (see `messages`) and pages, and
//! [`link_findings`] and [`policy_findings`] read a built site's HTML; `build` runs them and
//! fails only on errors,
//! `check` runs them for a date in every phase. Every finding is a `Diagnostic` with a `code`
//! (see docs/check.md for the list), so the JSON report can be read by machines. By concern:
//! each language's run through the checks here, [`messages`] (each message on its own),
//! [`coverage`] (the messages a translation lacks, keeps, renamed or copied), [`pages`] (each
//! language's pages against the default's), [`text`] (characters and leftovers in any text),
//! [`links`] (the built HTML), [`policy`] (what the pages' Content-Security-Policy would
//! block, see `csp`), [`typography`] (each language's typographic rules, as data, and the
//! fixes `check --fix` makes; the `check` command alone runs it), [`updates`] (what
//! site.toml's history needs of the rest of the site) and [`summary`] (the counts and the
//! JSON report).

mod coverage;
mod links;
mod messages;
mod pages;
mod policy;
mod summary;
mod text;
mod typography;
mod updates;

pub use links::link_findings;
pub use pages::future_updates;
pub use policy::policy_findings;
pub use summary::{LanguageSummary, json_report, summarize, summary_table};
pub use typography::{Finding as TypographyFinding, fix, fixes, typography_findings};
pub use updates::{history_findings, missing_history_messages};

use coverage::compare_messages;
use messages::{
    check_message, check_selects, compare_variables, selector_values, unknown_variables,
};
use pages::compare_pages;
use text::{check_dangerous_characters, check_placeholders, check_text};

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::cldr;
use crate::config::Config;
use crate::content::Page;
use crate::diagnostics::Diagnostic;
use crate::files::{Sources, TemplateFile};
use crate::history;
use crate::i18n::LocaleFile;
use crate::messages::{LanguageMessages, MessageInfo};
use crate::stamp;
use crate::variables;

/// Whether a finding says that text is not translated yet: a message or page missing, or
/// still the default language's text. `check --require-translated` fails on them.
pub fn is_untranslated(finding: &Diagnostic) -> bool {
    matches!(
        finding.code,
        Some("missing-message" | "missing-page" | "identical")
    )
}

/// The Fluent variables a message can receive: the build's, and the named arguments templates
/// pass to `t(id="…", name=…)` for it.
fn provided_variables(
    config: &Config,
    templates: &[TemplateFile],
) -> (BTreeSet<String>, BTreeMap<String, BTreeSet<String>>) {
    let build: BTreeSet<String> = variables::names(config).into_iter().collect();
    let mut by_message: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for id in variables::REMINDER_MESSAGES {
        by_message.entry(id.into()).or_default().extend(
            variables::reminder_variables(config)
                .into_iter()
                .map(String::from),
        );
    }
    by_message
        .entry(variables::REMINDER_CHANGED.into())
        .or_default()
        .extend(
            variables::reminder_changed_variables(config)
                .into_iter()
                .map(String::from),
        );
    for template in templates {
        let mut rest = template.text.as_str();
        while let Some(at) = rest.find("t(id=\"").or_else(|| rest.find("t_html(id=\"")) {
            rest = &rest[at..];
            let call_end = rest.find(')').unwrap_or(rest.len());
            let call = &rest[..call_end];
            let id = call.split('"').nth(1).unwrap_or_default().to_string();
            let names = call
                .split([',', '('])
                .skip(2)
                .filter_map(|argument| {
                    argument
                        .split_once('=')
                        .map(|(name, _)| name.trim().to_string())
                })
                .filter(|name| name != "lang");
            by_message.entry(id).or_default().extend(names);
            rest = &rest[call_end..];
        }
    }
    (build, by_message)
}

/// Findings about translations, pages and text that need no rendering.
pub fn static_findings(
    config: &Config,
    sources: &Sources,
    parsed: &LanguageMessages,
    pages: &[Page],
) -> Vec<Diagnostic> {
    let mut findings = Vec::new();
    let default = &config.default_language().code;
    let (build_variables, template_arguments) = provided_variables(config, &sources.templates);
    let known_values = selector_values(config);
    let none = BTreeMap::new();
    let reference = parsed.get(default).unwrap_or(&none);
    for language in &config.languages {
        let is_default = &language.code == default;
        let files: Vec<&LocaleFile> = sources
            .locales
            .iter()
            .filter(|f| f.language == language.code)
            .collect();
        let messages = parsed.get(&language.code).unwrap_or(&none);
        let plural_forms = cldr::needed_plural_forms(&language.canonical_code);
        let all_forms = cldr::all_plural_forms(&language.canonical_code);
        // A copy is published as the default language's message, whose checks stand for it.
        let is_copy = |id: &String, info: &MessageInfo| {
            !is_default
                && reference.get(id).is_some_and(|source| {
                    stamp::is_copied_message(info, source, &config.allow_identical)
                })
        };
        for (id, info) in messages {
            if is_copy(id, info) {
                continue;
            }
            let mut provided = build_variables.clone();
            provided.extend(template_arguments.get(id).into_iter().flatten().cloned());
            provided.extend(history::message_variable_names(config, id).map(String::from));
            let source = reference.get(id).filter(|_| !is_default);
            let unknown = unknown_variables(info, source, &provided);
            check_message(
                id,
                info,
                &unknown,
                messages,
                &plural_forms,
                &files,
                &mut findings,
            );
            if let Some(source) = source {
                compare_variables(id, info, source, &unknown, &mut findings);
            }
            check_selects(
                id,
                info,
                &language.code,
                &known_values,
                &all_forms,
                &mut findings,
            );
            check_text(&info.text, &info.location, &mut findings);
        }
        if !is_default {
            compare_messages(
                &language.code,
                messages,
                reference,
                &files,
                &config.allow_identical,
                &mut findings,
            );
            let written: BTreeSet<&Path> =
                sources.content.iter().map(|f| f.path.as_path()).collect();
            compare_pages(&language.code, default, pages, &written, &mut findings);
            findings.extend(stamp::outdated_messages(
                reference,
                messages,
                &config.allow_identical,
            ));
        }
        for file in &files {
            check_dangerous_characters(&file.path, &file.text, &mut findings);
        }
        for page in pages.iter().filter(|p| p.language == language.code) {
            check_dangerous_characters(&page.path, &page.source, &mut findings);
            if !is_default {
                check_placeholders(page, &mut findings);
            }
        }
    }
    findings.extend(stamp::outdated_pages(config, pages));
    findings
}

/// The file where the default language defines `id`, with the line if `with_line`.
fn place_of(reference: &BTreeMap<String, MessageInfo>, id: &str, with_line: bool) -> String {
    reference.get(id).map_or_else(String::new, |source| {
        let path = source.location.path.display();
        match with_line {
            true => format!("{path}:{}", source.location.line),
            false => path.to_string(),
        }
    })
}

/// The first few items, and how many more there are.
fn first_few(items: impl ExactSizeIterator<Item = impl std::fmt::Display>) -> String {
    const SHOWN: usize = 6;
    let more = items.len().saturating_sub(SHOWN);
    let shown = list(items.take(SHOWN));
    match more {
        0 => shown,
        _ => format!("{shown} and {more} more"),
    }
}

fn list(items: impl Iterator<Item = impl std::fmt::Display>) -> String {
    items
        .map(|item| item.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::text::leftover_in;

    #[test]
    fn plural_forms_for_the_counts_the_build_passes() {
        let forms = |code| {
            crate::cldr::needed_plural_forms(code)
                .into_iter()
                .collect::<Vec<_>>()
        };
        assert_eq!(forms("ar"), ["few", "many", "one", "other", "two", "zero"]);
        assert_eq!(forms("fr"), ["one", "other"]);
        assert_eq!(forms("en"), ["one", "other"]);
        assert_eq!(forms("tr"), ["one", "other"]);
        assert_eq!(forms("id"), ["other"]);
    }

    #[test]
    fn leftovers_are_whole_words() {
        assert_eq!(leftover_in("Traduire TODO ici"), Some("TODO"));
        assert_eq!(leftover_in("[translate me]"), Some("[translate"));
        assert_eq!(leftover_in("Todos los días"), None);
        assert_eq!(leftover_in("XXXL"), None);
    }
}
