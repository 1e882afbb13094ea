//! What a localization team needs to know about a site: what is missing, stale or dangerous in
//! each language, with the line to fix.
//!
//! [`static_findings`] reads the translations (see `messages`) and pages, and
//! [`link_findings`] reads a built site's HTML; `build` runs both and fails only on errors,
//! `check` runs them for a date in every phase. Every finding is a `Diagnostic` with a `code`
//! (see docs/check.md for the list), so the JSON report can be read by machines. By concern: the
//! messages and pages of each language here, [`text`] (characters and leftovers in any text),
//! [`links`] (the built HTML), [`typography`] (each language's typographic rules, as data,
//! and the fixes `check --fix` makes; the `check` command alone runs it) and [`summary`]
//! (the counts and the JSON report).

mod links;
mod summary;
mod text;
mod typography;

pub use links::link_findings;
pub use summary::{LanguageSummary, json_report, summarize, summary_table};
pub use typography::{Finding as TypographyFinding, fix, fixes, typography_findings};

use text::{check_dangerous_characters, check_placeholders, check_text};

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::cldr;
use crate::config::Config;
use crate::content::Page;
use crate::diagnostics::{Diagnostic, closest};
use crate::files::{Sources, TemplateFile};
use crate::i18n::LocaleFile;
use crate::messages::{MessageInfo, messages_of};
use crate::phase::Phase;
use crate::stamp;
use crate::variables;

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
/// Pages whose `updated` date is later than the day the site is built for: the page does
/// not show it then (a "last updated" in the future reads as a mistake).
pub fn future_updates(pages: &[Page], today: NaiveDate) -> Vec<Diagnostic> {
    pages
        .iter()
        .filter_map(|page| {
            let updated = page.updated.filter(|updated| *updated > today)?;
            Some(
                Diagnostic::note(format!(
                    "`updated = {updated}` is later than the build's date, {today}: the page does not show it until then"
                ))
                .code("future-update")
                .in_file(&page.path)
                .hint("set `updated` to the day the page last changed"),
            )
        })
        .collect()
}

pub fn static_findings(config: &Config, sources: &Sources, pages: &[Page]) -> Vec<Diagnostic> {
    let mut findings = Vec::new();
    let default = &config.default_language().code;
    let (build_variables, template_arguments) = provided_variables(config, &sources.templates);
    let known_values = selector_values(config);
    let reference = messages_of(sources.locales.iter().filter(|f| &f.language == default));
    for language in &config.languages {
        let is_default = &language.code == default;
        let files: Vec<&LocaleFile> = sources
            .locales
            .iter()
            .filter(|f| f.language == language.code)
            .collect();
        let messages = if is_default {
            None
        } else {
            Some(messages_of(files.iter().copied()))
        };
        let messages = messages.as_ref().unwrap_or(&reference);
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
            check_message(id, info, messages, &provided, &plural_forms, &mut findings);
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
                &reference,
                &files,
                &config.allow_identical,
                &mut findings,
            );
            let written: BTreeSet<&Path> =
                sources.content.iter().map(|f| f.path.as_path()).collect();
            compare_pages(&language.code, default, pages, &written, &mut findings);
            findings.extend(stamp::outdated_messages(
                &reference,
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

fn check_message(
    id: &str,
    info: &MessageInfo,
    messages: &BTreeMap<String, MessageInfo>,
    provided: &BTreeSet<String>,
    plural_forms: &BTreeSet<&'static str>,
    findings: &mut Vec<Diagnostic>,
) {
    for variable in info.variables.difference(provided) {
        findings.push(
            Diagnostic::error(format!(
                "`{id}` uses ${variable}, which the build never provides"
            ))
            .code("unknown-variable")
            .at(info.location.clone())
            .hint(
                match closest(
                    variable,
                    &provided.iter().map(String::as_str).collect::<Vec<_>>(),
                ) {
                    Some(name) => format!("did you mean ${name}?"),
                    None => format!(
                        "the build provides {}",
                        list(provided.iter().map(|v| format!("${v}")))
                    ),
                },
            ),
        );
    }
    for reference in &info.references {
        let (target, attribute) = reference
            .split_once('.')
            .map_or((reference.as_str(), None), |(m, a)| (m, Some(a)));
        let exists = messages
            .get(target)
            .is_some_and(|m| attribute.is_none_or(|a| m.attributes.contains(a)));
        if !exists {
            findings.push(
                Diagnostic::error(format!(
                    "`{id}` refers to `{reference}`, which this language does not define"
                ))
                .code("unknown-reference")
                .at(info.location.clone())
                .hint("define it in this language's .ftl files, or fix the reference"),
            );
        }
    }
    for select in &info.plurals {
        if !select.through_function {
            findings.push(
                Diagnostic::warning(format!("`{id}` selects a plural form on the number itself"))
                    .code("plural-selector")
                    .at(info.location.clone())
                    .hint("write { PLURAL($n) -> … }: fluent-bundle's own rules are an old CLDR that puts Arabic 103 and 111 in the wrong form"),
            );
        }
        let missing: Vec<&str> = plural_forms
            .iter()
            .copied()
            .filter(|form| !select.keys.contains(*form))
            .collect();
        if !missing.is_empty() {
            findings.push(
                Diagnostic::error(format!(
                    "`{id}` has no variant for the plural forms {}",
                    list(missing.iter())
                ))
                .code("plural-categories")
                .at(info.location.clone())
                .hint("this language's CLDR plural rules need a variant for each of these forms"),
            );
        }
    }
}

/// The values of the variables the build gives that have a known set of them: `$phase` and
/// each `$phase_<milestone>` (upcoming, last-day, ended), and the reminders' `$milestone`.
pub fn selector_values(config: &Config) -> BTreeMap<String, Vec<String>> {
    let phases: Vec<String> = Phase::ALL.iter().map(|p| p.as_str().to_string()).collect();
    let mut values = BTreeMap::from([("phase".to_string(), phases.clone())]);
    if config.notice.has_several_milestones() {
        for milestone in &config.notice.milestones {
            values.insert(format!("phase_{}", milestone.name), phases.clone());
        }
        let names = config.notice.milestones.iter().map(|m| m.name.clone());
        values.insert("milestone".to_string(), names.collect());
    }
    values
}

/// Proves that every variant of a select can be chosen: a key no value of the variable can
/// take is an error (`[on]` where `$phase_exports` is `last-day`; `[few]` in English), and a
/// default variant whose key is no value (`*[before]`) is a warning naming the values that
/// fall to it.
fn check_selects(
    id: &str,
    info: &MessageInfo,
    code: &str,
    known_values: &BTreeMap<String, Vec<String>>,
    all_forms: &BTreeSet<&'static str>,
    findings: &mut Vec<Diagnostic>,
) {
    for select in &info.selects {
        let Some((default, others)) = select.keys.split_last() else {
            continue;
        };
        let variable = &select.variable;
        if select.plural {
            for key in others {
                if key.parse::<f64>().is_err() && !all_forms.contains(key.as_str()) {
                    findings.push(
                        Diagnostic::error(format!(
                            "`{id}`: the variant [{key}] can never be chosen: CLDR's plural forms in {code} are {}",
                            list(all_forms.iter())
                        ))
                        .code("unreachable-variant")
                        .at(info.location.clone())
                        .hint("use those forms, or an exact number such as [0]"),
                    );
                }
            }
            continue;
        }
        let Some(values) = known_values.get(variable) else {
            continue;
        };
        let shown_values = list(values.iter());
        for key in others.iter().filter(|key| !values.contains(key)) {
            let hint = match Phase::from_word(key).filter(|_| variable.starts_with("phase")) {
                Some(phase) => format!(
                    "phase blocks write `{key}`; in a message the same phase is [{}]",
                    phase.as_str()
                ),
                None => format!("write one of {shown_values}"),
            };
            findings.push(
                Diagnostic::error(format!(
                    "`{id}`: the variant [{key}] can never be chosen: ${variable} is one of {shown_values}"
                ))
                .code("unreachable-variant")
                .at(info.location.clone())
                .hint(hint),
            );
        }
        let uncovered: Vec<&String> = values
            .iter()
            .filter(|value| !select.keys.contains(value))
            .collect();
        if default != "other" && !values.contains(default) && !uncovered.is_empty() {
            findings.push(
                Diagnostic::warning(format!(
                    "`{id}`: ${variable} {} {} take the default variant *[{default}], which is not one of its values",
                    if uncovered.len() == 1 { "value" } else { "values" },
                    list(uncovered.iter())
                ))
                .code("uncovered-values")
                .at(info.location.clone())
                .hint(format!(
                    "give each value of ${variable} ({shown_values}) its variant, or call the default *[other]"
                )),
            );
        }
    }
}

fn compare_messages(
    code: &str,
    messages: &BTreeMap<String, MessageInfo>,
    reference: &BTreeMap<String, MessageInfo>,
    files: &[&LocaleFile],
    allow_identical: &[String],
    findings: &mut Vec<Diagnostic>,
) {
    // A message written but unreadable (a syntax error, reported with its line) is broken, not
    // missing: telling a translator to translate it again would mislead.
    let written: BTreeSet<String> = files
        .iter()
        .flat_map(|f| crate::i18n::message_definitions(&f.path, &f.text).into_keys())
        .collect();
    // Missing and copied messages are reported once per file, each a list: one file not
    // written yet or still a copy would otherwise bury everything else under one line per
    // message.
    let mut missing: BTreeMap<PathBuf, Vec<&str>> = BTreeMap::new();
    let mut copied: BTreeMap<PathBuf, Vec<(&str, &MessageInfo)>> = BTreeMap::new();
    for (id, source) in reference {
        let Some(translation) = messages.get(id) else {
            if written.contains(id) {
                continue;
            }
            let file_name = source.location.path.file_name().unwrap_or_default();
            let expected = files
                .iter()
                .map(|f| f.path.clone())
                .find(|p| p.file_name() == Some(file_name))
                .unwrap_or_else(|| Path::new("locales").join(code).join(file_name));
            missing.entry(expected).or_default().push(id);
            continue;
        };
        if stamp::is_copied_message(translation, source, allow_identical) {
            copied
                .entry(translation.location.path.clone())
                .or_default()
                .push((id, translation));
            continue;
        }
        for attribute in source.attributes.difference(&translation.attributes) {
            findings.push(
                Diagnostic::warning(format!(
                    "`{id}` has no .{attribute}, which the default language has"
                ))
                .code("missing-attribute")
                .at(translation.location.clone())
                .hint(format!(
                    "translate it from {}:{}",
                    source.location.path.display(),
                    source.location.line
                )),
            );
        }
        for attribute in translation.attributes.difference(&source.attributes) {
            findings.push(
                Diagnostic::warning(format!(
                    "`{id}` has .{attribute}, which the default language no longer has"
                ))
                .code("obsolete-attribute")
                .at(translation.location.clone())
                .hint("remove it"),
            );
        }
        let dropped: Vec<_> = source
            .variables
            .difference(&translation.variables)
            .collect();
        let added: Vec<_> = translation
            .variables
            .difference(&source.variables)
            .collect();
        if !dropped.is_empty() || !added.is_empty() {
            let mut what = Vec::new();
            if !dropped.is_empty() {
                what.push(format!(
                    "lacks {}",
                    list(dropped.iter().map(|v| format!("${v}")))
                ));
            }
            if !added.is_empty() {
                what.push(format!(
                    "adds {}",
                    list(added.iter().map(|v| format!("${v}")))
                ));
            }
            findings.push(
                Diagnostic::warning(format!(
                    "`{id}` {} compared with the default language",
                    what.join(" and ")
                ))
                .code("variables")
                .at(translation.location.clone())
                .hint(format!(
                    "the default language's message is at {}:{}",
                    source.location.path.display(),
                    source.location.line
                )),
            );
        }
    }
    for (path, ids) in missing {
        let exists = files.iter().any(|f| f.path == path);
        let (message, hint) = if exists {
            (
                format!(
                    "{} missing in {code}; the default language's text is shown instead: {}",
                    count(ids.len(), "message is", "messages are"),
                    first_few(ids.iter().map(|id| format!("`{id}`")))
                ),
                match ids.as_slice() {
                    [id] => format!("translate it from {}", place_of(reference, id, true)),
                    _ => format!("translate them from {}", place_of(reference, ids[0], false)),
                },
            )
        } else {
            (
                format!(
                    "this file does not exist yet: the {} it would hold show the default language's text",
                    count(ids.len(), "message", "messages")
                ),
                format!(
                    "`sunset add-language {code}` writes it with the default language's text to translate"
                ),
            )
        };
        findings.push(
            Diagnostic::warning(message)
                .code("missing-message")
                .in_file(&path)
                .hint(hint),
        );
    }
    for mut copies in copied.into_values() {
        copies.sort_by_key(|(_, message)| message.location.line);
        let (_, first) = copies[0];
        let what = format!(
            "{} still the default language's text: {}",
            count(copies.len(), "message is", "messages are"),
            first_few(copies.iter().map(|(id, _)| format!("`{id}`")))
        );
        findings.push(
            Diagnostic::note(what)
            .code("identical")
            .at(first.location.clone())
            .hint(format!(
                "translate {}, then `sunset stamp {code}`; names that stay as they are go in [check] allow_identical in site.toml",
                if copies.len() == 1 { "it" } else { "them" }
            )),
        );
    }
    for (id, translation) in messages {
        if !reference.contains_key(id) {
            findings.push(
                Diagnostic::warning(format!("`{id}` is not in the default language any more"))
                    .code("obsolete-message")
                    .at(translation.location.clone())
                    .hint("remove it, or add it to the default language"),
            );
        }
    }
}

/// Pages one language has and the other lacks. A page whose file is there but did not parse
/// is not reported again as missing: its error says what to fix.
fn compare_pages(
    code: &str,
    default: &str,
    pages: &[Page],
    written: &BTreeSet<&Path>,
    findings: &mut Vec<Diagnostic>,
) {
    let unparsed =
        |lang: &str, key: &str| written.contains(Path::new(&format!("content/{lang}/{key}.md")));
    let keys = |lang: &str| -> BTreeMap<&str, &Page> {
        pages
            .iter()
            .filter(|p| p.language == lang)
            .map(|p| (p.key.as_str(), p))
            .collect()
    };
    let (source, translated) = (keys(default), keys(code));
    for (key, page) in &source {
        if !translated.contains_key(key) && !unparsed(code, key) {
            let expected = PathBuf::from(format!("content/{code}/{key}.md"));
            let shown_at = page
                .url_path
                .strip_prefix(default)
                .unwrap_or(&page.url_path);
            findings.push(
                Diagnostic::warning(format!(
                    "the page `{key}` is not translated into {code}: /{code}{shown_at} shows the {default} text, with a notice"
                ))
                .code("missing-page")
                    .in_file(&expected)
                    .hint(format!("translate {}", page.path.display())),
            );
        }
    }
    for (key, page) in &translated {
        // Templates find pages by role: a translation's own role sends its readers elsewhere.
        if let Some(original) = source.get(key)
            && original.role != page.role
            && !stamp::is_copied_page(page, original)
        {
            let role = |p: &Page| {
                p.role
                    .as_ref()
                    .map_or("no role".to_string(), |r| format!("role = \"{r}\""))
            };
            findings.push(
                Diagnostic::error(format!(
                    "this page has {}, but {} has {}",
                    role(page),
                    original.path.display(),
                    role(original)
                ))
                .code("role")
                .in_file(&page.path)
                .hint("a page's role is the same in every language: templates find the page by it"),
            );
        }
        if !source.contains_key(key) && !unparsed(default, key) {
            findings.push(
                Diagnostic::warning(format!(
                    "the page `{key}` exists only in {code}, not in the default language"
                ))
                .code("extra-page")
                .in_file(&page.path)
                .hint("remove it, or add it to the default language"),
            );
        }
    }
}

/// "1 message is", "3 messages are".
fn count(n: usize, one: &str, other: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { other })
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
