//! What a localization team needs to know about a site: what is missing, stale or dangerous in
//! each language, with the line to fix.
//!
//! [`static_findings`] reads the translations (with fluent-syntax's AST) and pages, and
//! [`link_findings`] reads a built site's HTML; `build` runs both and fails only on errors,
//! `check` runs them for a date in every phase. Every finding is a `Diagnostic` with a `code`
//! (see README for the list), so the JSON report can be read by machines.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use fluent_syntax::ast;
use icu_locale_core::Locale;
use icu_plurals::PluralRules;
use rayon::prelude::*;
use serde::Serialize;

use crate::config::Config;
use crate::content::Page;
use crate::diagnostics::{Diagnostic, Location, Severity};
use crate::i18n::{LocaleFile, category_name, message_definitions};
use crate::output::OutputFile;
use crate::source::{Sources, TemplateFile};
use crate::stamp;

/// What one message of one language is made of, as far as checks are concerned.
pub(crate) struct MessageInfo {
    pub attributes: BTreeSet<String>,
    variables: BTreeSet<String>,
    /// Messages (`id`, `id.attribute`) and terms (`-id`) it refers to.
    references: BTreeSet<String>,
    plurals: Vec<PluralSelect>,
    /// The literal text, without placeables.
    text: String,
    /// The whole message written out canonically, for stamps.
    pub canonical: String,
    /// The version of the default language's message it was translated from, if stamped.
    pub stamp: Option<String>,
    pub location: Location,
}

/// A select expression that chooses a plural form.
struct PluralSelect {
    /// Through `PLURAL($n)`, or straight on `$n` (fluent-bundle's old rules).
    through_function: bool,
    keys: BTreeSet<String>,
}

const PLURAL_KEYS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// Every message and term of one language, by id.
pub(crate) fn messages_of<'a>(
    files: impl Iterator<Item = &'a LocaleFile>,
) -> BTreeMap<String, MessageInfo> {
    let mut messages = BTreeMap::new();
    for file in files {
        let resource = match fluent_syntax::parser::parse(file.text.as_str()) {
            Ok(resource) | Err((resource, _)) => resource,
        };
        let places = message_definitions(&file.path, &file.text);
        for entry in &resource.body {
            let (id, value, attributes, comment) = match entry {
                ast::Entry::Message(m) => (
                    m.id.name.to_string(),
                    m.value.as_ref(),
                    &m.attributes,
                    &m.comment,
                ),
                ast::Entry::Term(t) => (
                    format!("-{}", t.id.name),
                    Some(&t.value),
                    &t.attributes,
                    &t.comment,
                ),
                _ => continue,
            };
            let Some(location) = places.get(&id).cloned() else {
                continue;
            };
            let mut info = MessageInfo {
                attributes: attributes.iter().map(|a| a.id.name.to_string()).collect(),
                variables: BTreeSet::new(),
                references: BTreeSet::new(),
                plurals: Vec::new(),
                text: String::new(),
                canonical: String::new(),
                stamp: comment.as_ref().and_then(|c| {
                    c.content
                        .iter()
                        .find_map(|line| stamp::parse_message_stamp(line))
                }),
                location,
            };
            if let Some(value) = value {
                walk_pattern(value, &mut info);
            }
            for attribute in attributes {
                info.canonical
                    .push_str(&format!("\n.{} = ", attribute.id.name));
                walk_pattern(&attribute.value, &mut info);
            }
            messages.entry(id).or_insert(info);
        }
    }
    messages
}

fn walk_pattern(pattern: &ast::Pattern<&str>, info: &mut MessageInfo) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                info.text.push_str(value);
                info.canonical.push_str(value);
            }
            ast::PatternElement::Placeable { expression } => {
                info.canonical.push_str("{ ");
                walk_expression(expression, info);
                info.canonical.push_str(" }");
            }
        }
    }
}

fn walk_expression(expression: &ast::Expression<&str>, info: &mut MessageInfo) {
    match expression {
        ast::Expression::Inline(inline) => walk_inline(inline, info),
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, info);
            info.canonical.push_str(" ->");
            let key_of = |variant: &ast::Variant<&str>| match &variant.key {
                ast::VariantKey::Identifier { name } => name.to_string(),
                ast::VariantKey::NumberLiteral { value } => value.to_string(),
            };
            let keys: BTreeSet<String> = variants.iter().map(key_of).collect();
            let through_function = matches!(selector, ast::InlineExpression::FunctionReference { id, .. } if id.name == "PLURAL");
            let on_variable = matches!(selector, ast::InlineExpression::VariableReference { .. });
            // `{ $n -> [1] … *[other] … }` matches exact numbers, which needs no plural rules.
            let looks_plural = keys
                .iter()
                .all(|k| PLURAL_KEYS.contains(&k.as_str()) || k.parse::<f64>().is_ok())
                && keys
                    .iter()
                    .any(|k| k != "other" && PLURAL_KEYS.contains(&k.as_str()));
            if through_function || (on_variable && looks_plural) {
                info.plurals.push(PluralSelect {
                    through_function,
                    keys,
                });
            }
            for variant in variants {
                let marker = if variant.default { "*" } else { "" };
                info.canonical
                    .push_str(&format!("\n {marker}[{}] ", key_of(variant)));
                walk_pattern(&variant.value, info);
            }
            info.canonical.push('\n');
        }
    }
}

/// Writes an inline expression as Fluent does (`$days`, `DATETIME($end_date)`, `-brand`).
fn walk_inline(inline: &ast::InlineExpression<&str>, info: &mut MessageInfo) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            info.variables.insert(id.name.to_string());
            info.canonical.push_str(&format!("${}", id.name));
        }
        ast::InlineExpression::FunctionReference { id, arguments } => {
            info.canonical.push_str(&format!("{}(", id.name));
            for (n, argument) in arguments.positional.iter().enumerate() {
                if n > 0 {
                    info.canonical.push_str(", ");
                }
                walk_inline(argument, info);
            }
            for named in &arguments.named {
                info.canonical.push_str(&format!(", {}: ", named.name.name));
                walk_inline(&named.value, info);
            }
            info.canonical.push(')');
        }
        ast::InlineExpression::MessageReference { id, attribute } => {
            let reference = match attribute {
                Some(a) => format!("{}.{}", id.name, a.name),
                None => id.name.to_string(),
            };
            info.canonical.push_str(&reference);
            info.references.insert(reference);
        }
        ast::InlineExpression::TermReference { id, attribute, .. } => {
            let reference = match attribute {
                Some(a) => format!("-{}.{}", id.name, a.name),
                None => format!("-{}", id.name),
            };
            info.canonical.push_str(&reference);
            info.references.insert(reference);
        }
        ast::InlineExpression::StringLiteral { value } => {
            info.canonical.push_str(&format!("\"{value}\""))
        }
        ast::InlineExpression::NumberLiteral { value } => info.canonical.push_str(value),
        ast::InlineExpression::Placeable { expression } => {
            info.canonical.push_str("{ ");
            walk_expression(expression, info);
            info.canonical.push_str(" }");
        }
    }
}

/// The Fluent variables a message can receive: the build's, and the named arguments templates
/// pass to `t(id="…", name=…)` for it.
fn provided_variables(
    config: &Config,
    templates: &[TemplateFile],
) -> (BTreeSet<String>, BTreeMap<String, BTreeSet<String>>) {
    let mut build: BTreeSet<String> = ["phase", "days_left", "end_date"].map(String::from).into();
    build.extend(config.dates.keys().map(|name| format!("date_{name}")));
    let mut by_message: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
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
        let plural_forms = needed_plural_forms(&language.canonical_code);
        for (id, info) in messages {
            let mut provided = build_variables.clone();
            provided.extend(template_arguments.get(id).into_iter().flatten().cloned());
            check_message(id, info, messages, &provided, &plural_forms, &mut findings);
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
            compare_pages(&language.code, default, pages, &mut findings);
            findings.extend(stamp::outdated_messages(&reference, messages));
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
            .hint(format!(
                "the build provides {}",
                list(provided.iter().map(|v| format!("${v}")))
            )),
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

/// The plural forms the counts the build passes (whole numbers of days) take in a language.
/// CLDR's integer rules look at n and at n modulo 10, 100 and 1000, so 0 to 999 shows every
/// form below a million (French has a `many` form, but only from a million on).
pub fn needed_plural_forms(code: &str) -> BTreeSet<&'static str> {
    let Some(rules) = Locale::try_from_str(code)
        .ok()
        .and_then(|l| PluralRules::try_new_cardinal(l.into()).ok())
    else {
        return BTreeSet::new();
    };
    (0u32..1000)
        .map(|n| category_name(rules.category_for(n)))
        .collect()
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
            findings.push(
                Diagnostic::warning(format!("message `{id}` is missing in {code}; the default language's text is shown instead"))
                    .code("missing-message")
                    .in_file(&expected)
                    .hint(format!("translate `{id}` from {}:{}", source.location.path.display(), source.location.line)),
            );
            continue;
        };
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
        if is_untranslated(&translation.text, &source.text, allow_identical) {
            findings.push(
                Diagnostic::note(format!("`{id}` is the same as in the default language"))
                    .code("identical")
                    .at(translation.location.clone())
                    .hint("translate it, or add its words to [check] allow_identical in site.toml"),
            );
        }
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

/// Identical to the default language's text, and not only names that stay as they are.
fn is_untranslated(text: &str, source: &str, allow_identical: &[String]) -> bool {
    if text.trim() != source.trim() {
        return false;
    }
    let mut rest = text.to_string();
    for word in allow_identical {
        rest = rest.replace(word.as_str(), "");
    }
    rest.chars().any(char::is_alphabetic)
}

fn compare_pages(code: &str, default: &str, pages: &[Page], findings: &mut Vec<Diagnostic>) {
    let keys = |lang: &str| -> BTreeMap<&str, &Page> {
        pages
            .iter()
            .filter(|p| p.language == lang)
            .map(|p| (p.key.as_str(), p))
            .collect()
    };
    let (source, translated) = (keys(default), keys(code));
    for (key, page) in &source {
        if !translated.contains_key(key) {
            let expected = PathBuf::from(format!("content/{code}/{key}.md"));
            findings.push(
                Diagnostic::warning(format!("the page `{key}` is not translated into {code}"))
                    .code("missing-page")
                    .in_file(&expected)
                    .hint(format!("translate {}", page.path.display())),
            );
        }
    }
    for (key, page) in &translated {
        if !source.contains_key(key) {
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

const BIDI_OVERRIDES: [char; 5] = ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}'];
const ISOLATE_OPENERS: [char; 3] = ['\u{2066}', '\u{2067}', '\u{2068}'];
const ISOLATE_CLOSER: char = '\u{2069}';

/// Bidi embeddings and overrides (the "Trojan source" characters), and isolates left open.
fn check_dangerous_characters(path: &Path, text: &str, findings: &mut Vec<Diagnostic>) {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(at) = line.find(BIDI_OVERRIDES) {
            let start = offset + at;
            findings.push(
                Diagnostic::error(format!("invisible bidi control U+{:04X} in the text", line[at..].chars().next().map_or(0, |c| c as u32)))
                    .code("bidi-control")
                    .at(Location::from_range(path, text, start..start + 3))
                    .hint("remove it: embeddings and overrides reorder text invisibly; the build isolates left-to-right runs itself"),
            );
        }
        let opened = line.matches(ISOLATE_OPENERS).count();
        let closed = line.matches(ISOLATE_CLOSER).count();
        if opened != closed {
            let at = line
                .find(ISOLATE_OPENERS)
                .or_else(|| line.find(ISOLATE_CLOSER))
                .unwrap_or(0);
            findings.push(
                Diagnostic::error(format!(
                    "{opened} bidi isolates opened and {closed} closed on this line"
                ))
                .code("bidi-isolate")
                .at(Location::from_range(
                    path,
                    text,
                    offset + at..offset + at + 3,
                ))
                .hint("remove the invisible isolate characters (U+2066 to U+2069)"),
            );
        }
        offset += line.len();
    }
}

const LEFTOVERS: [&str; 6] = ["TODO", "FIXME", "XXX", "TBD", "[translate", "lorem ipsum"];

/// Markup and leftovers in a message's text.
fn check_text(text: &str, location: &Location, findings: &mut Vec<Diagnostic>) {
    let markup = text.char_indices().any(|(i, c)| {
        c == '<'
            && text[i + 1..].starts_with(|n: char| n.is_ascii_alphabetic() || n == '/' || n == '!')
    });
    if markup {
        findings.push(
            Diagnostic::error("markup in a translation: it is shown as text, never as HTML")
                .code("markup")
                .at(location.clone())
                .hint("write plain text; emphasis and links belong in the templates or the Markdown pages"),
        );
    }
    if let Some(leftover) = leftover_in(text) {
        findings.push(
            Diagnostic::warning(format!("the text still holds {leftover:?}"))
                .code("placeholder")
                .at(location.clone())
                .hint("finish the translation"),
        );
    }
}

fn leftover_in(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    LEFTOVERS.into_iter().find(|leftover| {
        let needle = leftover.to_lowercase();
        lower.match_indices(&needle).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + needle.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

fn check_placeholders(page: &Page, findings: &mut Vec<Diagnostic>) {
    let Some(leftover) = leftover_in(&page.source) else {
        return;
    };
    let at = page
        .source
        .to_lowercase()
        .find(&leftover.to_lowercase())
        .unwrap_or(0);
    findings.push(
        Diagnostic::warning(format!("the page still holds {leftover:?}"))
            .code("placeholder")
            .at(Location::from_range(
                &page.path,
                &page.source,
                at..at + leftover.len(),
            ))
            .hint("finish the translation"),
    );
}

/// Internal links and anchors of the built HTML that lead nowhere. A link written literally
/// in a template is reported once, at the template's line; any other at the page's source.
/// `later` has, by output path, the HTML that pages carry for later phases (see
/// `render::later`), whose links are checked too.
pub fn link_findings(
    config: &Config,
    pages: &[Page],
    templates: &[TemplateFile],
    files: &[OutputFile],
    later: &HashMap<String, String>,
) -> Vec<Diagnostic> {
    let html_files: Vec<&OutputFile> = files.iter().filter(|f| f.path.ends_with(".html")).collect();
    // Each page's ids and links, found in one reading: links are many, pages few.
    let scanned: Vec<(&OutputFile, BTreeSet<String>, Vec<String>)> = html_files
        .par_iter()
        .map(|file| {
            let (mut ids, mut targets) = (BTreeSet::new(), Vec::new());
            for html in checked_html(file, later) {
                ids.extend(element_ids(html));
                targets.extend(link_targets(html));
            }
            (*file, ids, targets)
        })
        .collect();
    let mut ids = HashMap::new();
    let mut targets = Vec::new();
    for (file, file_ids, file_targets) in scanned {
        ids.insert(file.path.as_str(), file_ids);
        targets.push((file, file_targets));
    }
    let site = LinkSite {
        config,
        templates,
        ids,
        exists: files.iter().map(|f| f.path.as_str()).collect(),
        pages: pages
            .iter()
            .map(|p| (format!("{}index.html", p.url_path), p))
            .collect(),
    };
    let found: Vec<Vec<Diagnostic>> = targets
        .into_par_iter()
        .map(|(file, targets)| site.links_of(file, targets))
        .collect();
    let mut findings: Vec<Diagnostic> = Vec::new();
    for finding in found.into_iter().flatten() {
        if !findings
            .iter()
            .any(|f| f.to_string() == finding.to_string())
        {
            findings.push(finding);
        }
    }
    findings
}

/// What checking a page's links needs to know of the whole site.
struct LinkSite<'a> {
    config: &'a Config,
    templates: &'a [TemplateFile],
    ids: HashMap<&'a str, BTreeSet<String>>,
    exists: HashSet<&'a str>,
    /// The page each output file comes from.
    pages: HashMap<String, &'a Page>,
}

impl LinkSite<'_> {
    fn links_of(&self, file: &OutputFile, targets: Vec<String>) -> Vec<Diagnostic> {
        let config = self.config;
        let page = self.pages.get(&file.path).copied();
        let own_path = format!(
            "{}{}",
            config.base_path,
            file.path.trim_end_matches("index.html")
        );
        let mut findings = Vec::new();
        for target in targets {
            let (path, anchor) = target.split_once('#').unwrap_or((&target, ""));
            let path = if path.is_empty() {
                own_path.as_str()
            } else {
                path
            };
            let Some(relative) = path.strip_prefix(&config.base_path) else {
                continue;
            };
            let wanted = if relative.is_empty() || relative.ends_with('/') {
                format!("{relative}index.html")
            } else {
                relative.to_string()
            };
            let has_anchor = anchor.is_empty()
                || anchor == "top"
                || self
                    .ids
                    .get(wanted.as_str())
                    .is_some_and(|ids| ids.contains(anchor));
            let (message, code, needle) = if !self.exists.contains(wanted.as_str()) {
                (
                    format!("links to {target}, which the site does not have"),
                    "broken-link",
                    path.to_string(),
                )
            } else if !has_anchor {
                (
                    format!("links to {target}, but that page has no #{anchor}"),
                    "broken-anchor",
                    format!("#{anchor}"),
                )
            } else {
                continue;
            };
            let in_template = self
                .templates
                .iter()
                .find_map(|t| t.text.find(&target).map(|at| (t, at)));
            let finding =
                match (in_template, page) {
                    (Some((template, at)), _) => Diagnostic::error(message).at(
                        Location::from_range(&template.path, &template.text, at..at + target.len()),
                    ),
                    (None, Some(page)) => {
                        let diagnostic = Diagnostic::error(format!("/{} {message}", file.path));
                        let word = needle
                            .trim_end_matches('/')
                            .rsplit('/')
                            .next()
                            .unwrap_or(&needle);
                        match page.source.find(word) {
                            Some(at) => diagnostic.at(Location::from_range(
                                &page.path,
                                &page.source,
                                at..at + 1,
                            )),
                            None => diagnostic.in_file(&page.path),
                        }
                    }
                    (None, None) => Diagnostic::error(format!("/{} {message}", file.path))
                        .in_file(&Path::new("templates").join(&file.path)),
                };
            findings.push(finding.code(code).hint(match code {
                "broken-anchor" => "use the id of a heading of that page ({#id} in its Markdown)",
                _ => "fix the link in the page or in the template that writes it",
            }));
        }
        findings
    }
}

/// A page's HTML as its links are checked: what it shows now, and what it carries for later
/// phases, so that a link that only shows after the end is checked too.
fn checked_html<'a>(
    file: &'a OutputFile,
    later: &'a HashMap<String, String>,
) -> impl Iterator<Item = &'a str> {
    let html = std::str::from_utf8(&file.bytes).unwrap_or_default();
    std::iter::once(html).chain(later.get(&file.path).map(String::as_str))
}

/// The `id` attributes of a page.
fn element_ids(html: &str) -> impl Iterator<Item = String> {
    attribute_values(html, " id=\"").map(str::to_string)
}

/// The values of every `attribute` (`" id=\""`) in `html`.
fn attribute_values<'a>(html: &'a str, attribute: &'a str) -> impl Iterator<Item = &'a str> {
    memchr::memmem::find_iter(html.as_bytes(), attribute.as_bytes()).map(move |at| {
        let value = &html[at + attribute.len()..];
        &value[..value.find('"').unwrap_or(0)]
    })
}

/// The `href` and `src` values of a page that point inside it or inside the site.
fn link_targets(html: &str) -> Vec<String> {
    let mut targets = Vec::new();
    for attribute in ["href=\"", "src=\""] {
        for value in attribute_values(html, attribute) {
            if value.starts_with('/') || value.starts_with('#') {
                targets.push(value.replace("&amp;", "&"));
            }
        }
    }
    targets
}

fn list(items: impl Iterator<Item = impl std::fmt::Display>) -> String {
    items
        .map(|item| item.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Counts per language, for the summary table and the JSON report.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct LanguageSummary {
    pub language: String,
    pub messages: usize,
    pub translated: usize,
    pub missing: usize,
    pub obsolete: usize,
    pub pages: usize,
    pub pages_translated: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

pub fn summarize(
    config: &Config,
    sources: &Sources,
    pages: &[Page],
    findings: &[Diagnostic],
) -> Vec<LanguageSummary> {
    let default = &config.default_language().code;
    let reference = messages_of(sources.locales.iter().filter(|f| &f.language == default));
    let default_pages: BTreeSet<&str> = pages
        .iter()
        .filter(|p| &p.language == default)
        .map(|p| p.key.as_str())
        .collect();
    config
        .languages
        .iter()
        .map(|language| {
            let messages = messages_of(
                sources
                    .locales
                    .iter()
                    .filter(|f| f.language == language.code),
            );
            let count = |severity: Severity| {
                findings
                    .iter()
                    .filter(|f| {
                        f.severity == severity && f.language() == Some(language.code.as_str())
                    })
                    .count()
            };
            let is_default = &language.code == default;
            // A text still the same as the default language's is not translated yet, whatever
            // `init` or a hurried copy put there (names in `allow_identical` aside).
            let translated_message = |id: &String, source: &MessageInfo| {
                messages.get(id).is_some_and(|message| {
                    is_default
                        || !is_untranslated(&message.text, &source.text, &config.allow_identical)
                })
            };
            let source_page = |key: &str| {
                pages
                    .iter()
                    .find(|p| &p.language == default && p.key == key)
            };
            LanguageSummary {
                language: language.code.clone(),
                messages: reference.len(),
                translated: reference
                    .iter()
                    .filter(|(id, source)| translated_message(id, source))
                    .count(),
                missing: reference
                    .keys()
                    .filter(|id| !messages.contains_key(*id))
                    .count(),
                obsolete: messages
                    .keys()
                    .filter(|id| !reference.contains_key(*id))
                    .count(),
                pages: default_pages.len(),
                pages_translated: pages
                    .iter()
                    .filter(|p| {
                        p.language == language.code
                            && default_pages.contains(p.key.as_str())
                            && (is_default
                                || source_page(&p.key)
                                    .is_none_or(|source| source.body_source() != p.body_source()))
                    })
                    .count(),
                errors: count(Severity::Error),
                warnings: count(Severity::Warning),
                notes: count(Severity::Note),
            }
        })
        .collect()
}

pub fn summary_table(summary: &[LanguageSummary]) -> String {
    let mut table =
        String::from("language  messages  missing  obsolete  pages   errors  warnings  notes\n");
    for s in summary {
        table.push_str(&format!(
            "{:<9} {:>3}/{:<4} {:>7}  {:>8}  {:>2}/{:<3} {:>6}  {:>8}  {:>5}\n",
            s.language,
            s.translated,
            s.messages,
            s.missing,
            s.obsolete,
            s.pages_translated,
            s.pages,
            s.errors,
            s.warnings,
            s.notes
        ));
    }
    table
}

/// One finding in the JSON report.
#[derive(Serialize)]
struct JsonFinding<'a> {
    severity: &'static str,
    code: Option<&'static str>,
    language: Option<&'a str>,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    message: &'a str,
    hint: Option<&'a str>,
}

/// The report as JSON, in the format README documents (`"version": 1`).
pub fn json_report(summary: &[LanguageSummary], findings: &[Diagnostic]) -> String {
    let findings: Vec<JsonFinding> = findings
        .iter()
        .map(|f| JsonFinding {
            severity: f.severity.as_str(),
            code: f.code,
            language: f.language(),
            file: f.file.as_ref().map(|p| p.display().to_string()),
            line: f.location.as_ref().map(|l| l.line),
            column: f.location.as_ref().map(|l| l.column),
            message: &f.message,
            hint: f.hint.as_deref(),
        })
        .collect();
    let report = serde_json::json!({ "version": 1, "summary": summary, "findings": findings });
    serde_json::to_string_pretty(&report).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_forms_for_the_counts_the_build_passes() {
        let forms = |code| needed_plural_forms(code).into_iter().collect::<Vec<_>>();
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

    #[test]
    fn identical_text_made_only_of_names_is_fine() {
        let names = ["ChatGPT".to_string(), "WhatsApp".to_string()];
        assert!(!is_untranslated(
            "ChatGPT WhatsApp",
            "ChatGPT WhatsApp",
            &names
        ));
        assert!(is_untranslated("Questions", "Questions", &names));
        assert!(!is_untranslated("Fragen", "Questions", &names));
    }
}
