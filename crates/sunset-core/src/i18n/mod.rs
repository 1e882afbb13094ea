//! Translations: one Fluent bundle per language, CLDR plurals, numbers and dates
//! (`functions`), fallback to the default language, syntax errors located (`syntax`).
//!
//! Bidi isolation marks are turned off: they leak into titles and attributes. Templates and
//! Markdown isolate left-to-right runs with markup instead (see `render::isolate_ltr_runs`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentError, FluentResource};

use crate::cldr::LocaleData;
use crate::config::{Config, Language};
use crate::diagnostics::{Diagnostic, Location, closest};

mod functions;
mod syntax;

use functions::{FUNCTIONS, formatting_in};

/// A `.ftl` file as read from disk, with its path relative to the site root.
#[derive(Debug, Clone)]
pub struct LocaleFile {
    pub language: String,
    pub path: PathBuf,
    pub text: String,
}

struct LanguageBundle {
    code: String,
    bundle: FluentBundle<FluentResource>,
    /// Where each message is defined, for diagnostics.
    definitions: BTreeMap<String, Location>,
    /// Messages that are still the default language's text (see `stamp::Copies`): shown as
    /// the default language's, like missing ones.
    copies: BTreeSet<String>,
    data: Arc<LocaleData>,
}

/// A message formatted, and the language it is in: the one asked for, or the default
/// language where that one has no translation of it yet.
#[derive(Debug)]
pub struct Formatted<'a> {
    pub text: String,
    pub language: &'a str,
}

/// Every language's translations, the default language first.
pub struct Translations {
    languages: Vec<LanguageBundle>,
}

/// A message id, optionally with an attribute: `notice-title` or `notice.title`.
fn split_id(id: &str) -> (&str, Option<&str>) {
    match id.split_once('.') {
        Some((message, attribute)) => (message, Some(attribute)),
        None => (id, None),
    }
}

impl Translations {
    /// Builds the bundles from the `.ftl` files. Syntax errors and duplicate messages are
    /// errors; what else can be wrong with a translation is for `check`.
    /// `copies` are, by language, the messages to show in the default language's text.
    pub fn load(
        config: &Config,
        files: &[LocaleFile],
        copies: &BTreeMap<String, BTreeSet<String>>,
    ) -> (Translations, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let mut languages = Vec::new();
        for language in &config.languages {
            let lang_files = files.iter().filter(|f| f.language == language.code);
            match load_language(language, lang_files, &mut diagnostics) {
                Ok(mut bundle) => {
                    bundle.copies = copies.get(&language.code).cloned().unwrap_or_default();
                    languages.push(bundle);
                }
                Err(diagnostic) => diagnostics.push(diagnostic),
            }
        }
        (Translations { languages }, diagnostics)
    }

    fn language(&self, code: &str) -> Option<&LanguageBundle> {
        self.languages.iter().find(|l| l.code == code)
    }

    pub fn locale_data(&self, code: &str) -> Option<&LocaleData> {
        self.language(code).map(|l| l.data.as_ref())
    }

    /// The ids of the default language's messages (not terms): what every language can name.
    pub fn message_ids(&self) -> Vec<String> {
        self.languages.first().map_or_else(Vec::new, |language| {
            language
                .definitions
                .keys()
                .filter(|id| !id.starts_with('-'))
                .cloned()
                .collect()
        })
    }

    /// Whether `id` (message or `message.attribute`) exists in this language itself.
    pub fn has(&self, code: &str, id: &str) -> bool {
        let (message, attribute) = split_id(id);
        self.language(code)
            .and_then(|l| l.bundle.get_message(message))
            .is_some_and(|m| match attribute {
                None => m.value().is_some(),
                Some(a) => m.get_attribute(a).is_some(),
            })
    }

    /// Whether `code` has its own translation of `id`: written, and not a copy.
    fn translates(&self, code: &str, id: &str) -> bool {
        let (message, _) = split_id(id);
        self.has(code, id)
            && self
                .language(code)
                .is_some_and(|l| !l.copies.contains(message))
    }

    /// Formats `id` in `code`, falling back to the default language when the translation lacks
    /// it or is still a copy. Any resolver error (unknown variable, message or function) is an
    /// error: its text would show `{$name}` to readers.
    pub fn format(
        &self,
        code: &str,
        id: &str,
        args: &FluentArgs,
    ) -> Result<Formatted<'_>, Diagnostic> {
        let language = self
            .language(code)
            .filter(|_| self.translates(code, id))
            .or_else(|| self.languages.first().filter(|l| self.has(&l.code, id)))
            .ok_or_else(|| {
                let ids = self.message_ids();
                let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                // A renamed or misspelled id: the one meant, in the message itself, as it
                // travels through Tera to the template that used it.
                let meant = closest(split_id(id).0, &ids)
                    .map(|meant| format!(" (the default language has `{meant}`)"))
                    .unwrap_or_default();
                Diagnostic::error(format!("no translation defines the message `{id}`{meant}"))
                    .hint("define it in the default language's .ftl files, or fix the id")
            })?;
        let (message_id, attribute) = split_id(id);
        let message = language.bundle.get_message(message_id);
        let pattern = message.and_then(|m| match attribute {
            None => m.value(),
            Some(a) => m.get_attribute(a).map(|a| a.value()),
        });
        let Some(pattern) = pattern else {
            return Err(Diagnostic::error(format!("message `{id}` has no value")));
        };
        let mut errors = Vec::new();
        let text = formatting_in(&language.data, || {
            language
                .bundle
                .format_pattern(pattern, Some(args), &mut errors)
        });
        let failed_function = FUNCTIONS
            .iter()
            .find(|(name, _)| text.contains(&format!("{name}()")));
        let problem = match (errors.first(), failed_function) {
            (Some(error), _) => describe_resolver_error(error),
            (None, Some((name, takes))) => format!("{name}() could not use its arguments: {takes}"),
            (None, None) => {
                return Ok(Formatted {
                    text: text.into_owned(),
                    language: &language.code,
                });
            }
        };
        let mut diagnostic = Diagnostic::error(format!(
            "message `{id}` in {} cannot be formatted: {problem}",
            language.code
        ))
        .hint(format!(
            "the build provides: {}",
            args.iter()
                .map(|(name, _)| format!("${name}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        if let Some(location) = language.definitions.get(message_id) {
            diagnostic = diagnostic.at(location.clone());
        }
        Err(diagnostic)
    }
}

fn describe_resolver_error(error: &FluentError) -> String {
    match error {
        FluentError::ResolverError(e) => e.to_string(),
        other => other.to_string(),
    }
}

fn load_language<'a>(
    language: &Language,
    files: impl Iterator<Item = &'a LocaleFile>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<LanguageBundle, Diagnostic> {
    let data = LocaleData::new(&language.canonical_code, &language.conventions)
        .map_err(Diagnostic::error)?;
    let data = Arc::new(data);
    let langid: unic_langid::LanguageIdentifier = language
        .canonical_code
        .parse()
        .map_err(|_| Diagnostic::error(format!("{:?} is not a language tag", language.code)))?;
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    functions::register(&mut bundle, &data);
    let mut definitions = BTreeMap::new();
    for file in files {
        let resource = match FluentResource::try_new(file.text.clone()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                diagnostics.extend(errors.iter().map(|error| syntax::diagnostic(file, error)));
                resource
            }
        };
        let here = message_definitions(&file.path, &file.text);
        for id in duplicates(&here, &definitions) {
            diagnostics.push(
                Diagnostic::error(format!("message `{id}` is defined twice"))
                    .at(here[&id].clone())
                    .hint(format!(
                        "the other definition is at {}:{}; keep one",
                        definitions[&id].path.display(),
                        definitions[&id].line
                    )),
            );
        }
        for (id, location) in here {
            definitions.entry(id).or_insert(location);
        }
        // Duplicates were reported above; the first definition stays in force.
        let _ = bundle.add_resource(resource);
    }
    Ok(LanguageBundle {
        code: language.code.clone(),
        bundle,
        definitions,
        copies: BTreeSet::new(),
        data,
    })
}

fn duplicates(
    here: &BTreeMap<String, Location>,
    seen: &BTreeMap<String, Location>,
) -> BTreeSet<String> {
    here.keys()
        .filter(|id| seen.contains_key(*id))
        .cloned()
        .collect()
}

/// Where each message and term of a file is defined: Fluent's AST keeps no positions, and an
/// entry always starts at the beginning of a line with its identifier.
pub(crate) fn message_definitions(path: &Path, text: &str) -> BTreeMap<String, Location> {
    let mut definitions = BTreeMap::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let name_len = line
            .char_indices()
            // Identifiers hold letters, digits, `_` and `-`; a term's starts with `-`.
            .take_while(|(_, c)| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .count();
        let rest = line[name_len..].trim_start_matches([' ', '\t']);
        if name_len > 0 && rest.starts_with('=') {
            definitions
                .entry(line[..name_len].to_string())
                .or_insert_with(|| Location::from_range(path, text, offset..offset + name_len));
        }
        offset += line.len();
    }
    definitions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_unclosed_brace_is_underlined_alone() {
        let (_, d) = Translations::load(
            &config(&["en"]),
            &[file("en", "a = { $x\nb = B\n")],
            &BTreeMap::new(),
        );
        let location = d[0].location.as_ref().unwrap();
        assert_eq!(
            (location.column, location.span.clone()),
            (5, 4..5),
            "{d:#?}"
        );
    }

    #[test]
    fn definitions_are_identifiers_at_the_start_of_a_line_before_an_equals_sign() {
        let text = "-term = T\nmsg-id = x\n  continued = no\noops\n= orphan\ntwo words = no\n";
        let found = message_definitions(Path::new("x.ftl"), text);
        assert_eq!(found.keys().collect::<Vec<_>>(), ["-term", "msg-id"]);
        let at = &found["msg-id"];
        assert_eq!((at.line, at.column, at.span.clone()), (2, 1, 0..6));
    }

    fn config(codes: &[&str]) -> Config {
        let mut text = String::from(
            "base_url = \"https://example.org/\"\n[notice]\nend_date = 2026-01-15\ntime_zone = \"UTC\"\n",
        );
        for code in codes {
            text.push_str(&format!(
                "[[languages]]\ncode = \"{code}\"\nname = \"{code}\"\n"
            ));
        }
        crate::config::parse(Path::new("site.toml"), &text).unwrap()
    }

    fn file(language: &str, text: &str) -> LocaleFile {
        LocaleFile {
            language: language.into(),
            path: PathBuf::from(format!("locales/{language}/main.ftl")),
            text: text.into(),
        }
    }

    fn days(n: i64) -> FluentArgs<'static> {
        let mut args = FluentArgs::new();
        args.set("days", n);
        args
    }

    const ARABIC_DAYS: &str = "days = { PLURAL($days) ->\n    [zero] zero\n    [one] one\n    [two] two\n    [few] few\n    [many] many\n   *[other] other\n}\n";

    #[test]
    fn arabic_plurals_follow_current_cldr_above_one_hundred() {
        let (t, d) = Translations::load(
            &config(&["ar"]),
            &[file("ar", ARABIC_DAYS)],
            &BTreeMap::new(),
        );
        assert!(d.is_empty(), "{d:#?}");
        let got: Vec<_> = [0, 1, 2, 3, 11, 100, 102, 103, 111, 199, 1003]
            .iter()
            .map(|n| t.format("ar", "days", &days(*n)).unwrap().text)
            .collect();
        assert_eq!(
            got,
            [
                "zero", "one", "two", "few", "many", "other", "other", "few", "many", "many", "few"
            ]
        );
    }

    #[test]
    fn numbers_are_the_languages_and_what_number_cannot_write_is_an_error() {
        let ftl = "n = { $n } { NUMBER($n, minimumIntegerDigits: 3) }\np = { NUMBER($n, style: \"percent\") }\n";
        let (t, _) = Translations::load(&config(&["fa"]), &[file("fa", ftl)], &BTreeMap::new());
        let mut args = FluentArgs::new();
        args.set("n", 12);
        assert_eq!(t.format("fa", "n", &args).unwrap().text, "۱۲ ۰۱۲");
        let error = t.format("fa", "p", &args).unwrap_err();
        assert!(
            error
                .message
                .contains("NUMBER() could not use its arguments")
                && error.message.contains("not style \"percent\""),
            "{}",
            error.message
        );
        assert_eq!(error.location.unwrap().line, 2);
    }

    #[test]
    fn missing_and_copied_messages_are_the_default_languages_and_say_so() {
        let files = [
            file("en", "hello = Hello\nbye = Bye\nthanks = Thanks\n"),
            file("tr", "hello = Merhaba\nthanks = Thanks\n"),
        ];
        let copies = BTreeMap::from([("tr".to_string(), BTreeSet::from(["thanks".to_string()]))]);
        let (t, d) = Translations::load(&config(&["en", "tr"]), &files, &copies);
        let formatted = |id| {
            let message = t.format("tr", id, &FluentArgs::new()).unwrap();
            (message.text, message.language.to_string())
        };
        assert_eq!(formatted("hello"), ("Merhaba".into(), "tr".into()));
        assert_eq!(formatted("bye"), ("Bye".into(), "en".into()));
        assert_eq!(formatted("thanks"), ("Thanks".into(), "en".into()));
        assert!(d.is_empty(), "{d:#?}");
    }

    #[test]
    fn syntax_errors_are_all_reported_with_lines() {
        let text = "ok = fine\nbroken = { $x\nalso-ok = yes\n= nothing\n";
        let (t, d) = Translations::load(&config(&["en"]), &[file("en", text)], &BTreeMap::new());
        let lines: Vec<_> = d
            .iter()
            .map(|d| d.location.as_ref().unwrap().line)
            .collect();
        assert_eq!(lines, [2, 4], "{d:#?}");
        assert_eq!(
            d[0].location.as_ref().unwrap().column,
            10,
            "at the unclosed brace"
        );
        assert!(t.has("en", "also-ok"), "the rest of the file stays usable");
    }

    #[test]
    fn unknown_variable_is_an_error_not_a_placeholder() {
        let (t, _) = Translations::load(
            &config(&["en"]),
            &[file("en", "x =\n  Hi { $who }\n")],
            &BTreeMap::new(),
        );
        let error = t.format("en", "x", &FluentArgs::new()).unwrap_err();
        assert!(error.message.contains("who"), "{}", error.message);
        assert_eq!(error.location.unwrap().line, 1);
    }

    #[test]
    fn duplicate_messages_are_errors() {
        let files = [file("en", "a = 1\n"), file("en", "b = 2\na = 3\n")];
        let (_, d) = Translations::load(&config(&["en"]), &files, &BTreeMap::new());
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("`a`"));
        assert_eq!(d[0].location.as_ref().unwrap().line, 2);
    }

    #[test]
    fn attributes_and_no_isolation_marks() {
        let ftl = "page = Page\n    .title = Title { $n }\n";
        let (t, _) = Translations::load(&config(&["en"]), &[file("en", ftl)], &BTreeMap::new());
        let mut args = FluentArgs::new();
        args.set("n", 3);
        assert_eq!(t.format("en", "page.title", &args).unwrap().text, "Title 3");
        assert_eq!(t.format("en", "page", &args).unwrap().text, "Page");
    }

    #[test]
    fn datetime_function_formats_iso_dates_and_rejects_others() {
        let ftl = "ends = Ends on { DATETIME($end) }.\n";
        let (t, _) = Translations::load(&config(&["fr"]), &[file("fr", ftl)], &BTreeMap::new());
        let mut args = FluentArgs::new();
        args.set("end", "2026-01-15");
        assert_eq!(
            t.format("fr", "ends", &args).unwrap().text,
            "Ends on 15\u{a0}janvier\u{a0}2026."
        );
        let mut args = FluentArgs::new();
        args.set("end", "tomorrow");
        let error = t.format("fr", "ends", &args).unwrap_err();
        assert!(error.message.contains("DATETIME"), "{}", error.message);
        assert_eq!(error.location.unwrap().line, 1);
    }
}
