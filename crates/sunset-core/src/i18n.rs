//! Translations: one Fluent bundle per language, CLDR plurals and dates, fallback to the
//! default language.
//!
//! fluent-bundle gets two things wrong or not at all, so this module supplies them from ICU4X:
//! - `PLURAL($n)` gives the CLDR plural category of a number as a string selector. Fluent's own
//!   number selectors use CLDR 37 rules, which put Arabic 103 and 111 in `other` instead of
//!   `few` and `many`.
//! - `DATETIME($date)` formats an ISO date (`2026-01-15`) as the language's long date.
//!
//! Bidi isolation marks are turned off: they leak into titles and attributes. Templates and
//! Markdown isolate left-to-right runs with markup instead (see `render::isolate_ltr_runs`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};

use crate::cldr::LocaleData;
use crate::config::{Config, Language};
use crate::diagnostics::{Diagnostic, Location, closest};

/// A `.ftl` file as read from disk, with its path relative to the site root.
#[derive(Debug, Clone)]
pub struct LocaleFile {
    pub language: String,
    pub path: PathBuf,
    pub text: String,
}

/// The functions translations may call, as listed in diagnostics.
const FUNCTIONS: [&str; 2] = ["PLURAL", "DATETIME"];

struct LanguageBundle {
    code: String,
    bundle: FluentBundle<FluentResource>,
    /// Where each message is defined, for diagnostics.
    definitions: BTreeMap<String, Location>,
    /// Messages that are still the default language's text (see `stamp::Copies`): shown as
    /// the default language's, like missing ones.
    copies: BTreeSet<String>,
    data: std::sync::Arc<LocaleData>,
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
        let text = language
            .bundle
            .format_pattern(pattern, Some(args), &mut errors);
        let failed_function = FUNCTIONS.iter().find(|f| text.contains(&format!("{f}()")));
        let problem = match (errors.first(), failed_function) {
            (Some(error), _) => describe_resolver_error(error),
            (None, Some(function)) => format!("{function}() could not use its argument"),
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
    let data = LocaleData::new(&language.canonical_code).map_err(Diagnostic::error)?;
    let data = std::sync::Arc::new(data);
    let langid: unic_langid::LanguageIdentifier = language
        .canonical_code
        .parse()
        .map_err(|_| Diagnostic::error(format!("{:?} is not a language tag", language.code)))?;
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    register_fluent_functions(&mut bundle, &data);
    let mut definitions = BTreeMap::new();
    for file in files {
        let resource = match FluentResource::try_new(file.text.clone()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                for error in errors {
                    let missing_default = matches!(
                        error.kind,
                        fluent_syntax::parser::ErrorKind::MissingDefaultVariant
                    );
                    let (message, range, hint) = match unclosed_brace(&file.text, &error)
                        .filter(|_| !missing_default)
                    {
                        Some(at) => (
                            "Fluent syntax: this `{` is never closed".to_string(),
                            at..at + 1,
                            "close the placeable with `}` (`{ $days }`); for a brace in the \
                             text itself, write `{\"{\"}`",
                        ),
                        None if missing_default => (
                            "Fluent syntax: this select has no default variant".to_string(),
                            error_position(&file.text, &error),
                            "mark the variant used for every other value with `*`, as in `*[other] …`",
                        ),
                        None => (
                            format!("Fluent syntax: {}", error.kind),
                            error_position(&file.text, &error),
                            "messages look like `id = text`; continuation lines are \
                             indented; see https://projectfluent.org/fluent/guide/",
                        ),
                    };
                    diagnostics.push(
                        Diagnostic::error(message)
                            .code("syntax")
                            .at(Location::from_range(&file.path, &file.text, range))
                            .hint(hint),
                    );
                }
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

/// Where to point for a parse error that is not an unclosed brace. The parser notices some
/// mistakes only at the start of a following line, after any blank lines; the end of the
/// line the mistake is on is where the fix goes.
fn error_position(
    text: &str,
    error: &fluent_syntax::parser::ParserError,
) -> std::ops::Range<usize> {
    let entry_start = error.slice.as_ref().map_or(error.pos.start, |s| s.start);
    let at = error.pos.start.min(text.len());
    if at > entry_start && text[..at].ends_with('\n') {
        let end_of_line = text[..at].trim_end().len().max(entry_start);
        return end_of_line..end_of_line;
    }
    error.pos.clone()
}

/// The offset of the `{` a parse error comes from, when the entry it is in opens a placeable
/// before the error and never closes it: the parser reports that where it gave up (often the
/// next line), the translator's slip is the brace. String literals in placeables (`{"{"}`)
/// are skipped.
fn unclosed_brace(text: &str, error: &fluent_syntax::parser::ParserError) -> Option<usize> {
    let start = error.slice.as_ref().map_or(error.pos.start, |s| s.start);
    let end = error.pos.start.min(text.len());
    let entry = text.get(start..end)?;
    let mut open = Vec::new();
    let mut chars = entry.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '{' => open.push(i),
            '}' => {
                open.pop();
            }
            '"' if !open.is_empty() => {
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' | '\n' => break,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    open.last().map(|i| start + i)
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

fn register_fluent_functions(
    bundle: &mut FluentBundle<FluentResource>,
    data: &std::sync::Arc<LocaleData>,
) {
    let plural_data = data.clone();
    let date_data = data.clone();
    // Both names are fresh in an empty bundle, so registration cannot collide.
    let _ = bundle.add_function("PLURAL", move |positional, _named| {
        match positional.first() {
            Some(FluentValue::Number(n)) => FluentValue::from(plural_data.plural_category(n.value)),
            _ => FluentValue::Error,
        }
    });
    let _ = bundle.add_function("DATETIME", move |positional, _named| {
        let date = match positional.first() {
            Some(FluentValue::String(s)) => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok(),
            _ => None,
        };
        match date {
            Some(date) => FluentValue::from(date_data.long_date(date)),
            None => FluentValue::Error,
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line, column and message of each syntax error in `text`.
    fn syntax_errors(text: &str) -> Vec<(usize, usize, String)> {
        let (_, errors) = FluentResource::try_new(text.to_string()).unwrap_err();
        errors
            .iter()
            .map(|error| {
                let (range, message) = match unclosed_brace(text, error) {
                    Some(at) => (at..at + 1, "unclosed".to_string()),
                    None => (error_position(text, error), error.kind.to_string()),
                };
                let location = Location::from_range(Path::new("x.ftl"), text, range);
                (location.line, location.column, message)
            })
            .collect()
    }

    #[test]
    fn an_unclosed_brace_is_found_where_it_is() {
        // At the end of a line, before a blank line: the parser gives up two lines later.
        assert_eq!(
            syntax_errors("a = A\nfaq = Sur cette page {\n\nb = B\n"),
            [(2, 22, "unclosed".to_string())]
        );
        assert_eq!(
            syntax_errors("cta = Questions { et réponses\nb = B\n"),
            [(1, 17, "unclosed".to_string())]
        );
        // A brace inside a string literal is text; the one that opens the placeable is not.
        assert_eq!(
            syntax_errors("a = { \"{\" } and { $x\n"),
            [(1, 17, "unclosed".to_string())]
        );
        let other = syntax_errors("a = A\n= B\n");
        assert_ne!(other[0].2, "unclosed", "{other:?}");
        // The innermost of two is closed: the outer one is the slip.
        assert_eq!(
            syntax_errors("a = {  { $x }\n"),
            [(1, 5, "unclosed".to_string())]
        );
        // Quotes outside a placeable are text, and do not hide the brace after them.
        assert_eq!(
            syntax_errors("a = \"x { $n\n"),
            [(1, 8, "unclosed".to_string())]
        );
        // A `}` inside a string literal, escaped quote or not, closes nothing.
        assert_eq!(
            syntax_errors("a = { \"}\" \n"),
            [(1, 5, "unclosed".to_string())]
        );
        assert_eq!(
            syntax_errors("a = { \"\\\"}\" \n"),
            [(1, 5, "unclosed".to_string())]
        );
    }

    /// Where a mistake that the parser notices only on a later line is pointed at: the end of
    /// its own line, not the start of what follows; one it notices where it is, there.
    #[test]
    fn other_syntax_errors_point_at_the_end_of_their_line() {
        let position = |text: &str| {
            let (_, errors) = FluentResource::try_new(text.to_string()).unwrap_err();
            error_position(text, &errors[0])
        };
        // No default variant: noticed at the `}` on the next line.
        assert_eq!(position("a = A\nb = { $n ->\n  [one] x\n}\n"), 27..27);
        // No value: noticed at the entry's own start, which follows a line break.
        assert_eq!(position("a = A\nb =\n\nc = C\n"), 6..11);
    }

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

    #[test]
    fn fractional_counts_take_the_other_form() {
        let english = LocaleData::new("en").unwrap();
        assert_eq!(english.plural_category(1.0), "one");
        assert_eq!(english.plural_category(1.5), "other");
        assert_eq!(english.plural_category(2.0), "other");
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
    fn long_dates_in_five_languages() {
        let date = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        let got: Vec<_> = ["en", "fr", "tr", "id", "ar"]
            .iter()
            .map(|c| LocaleData::new(c).unwrap().long_date(date))
            .collect();
        assert_eq!(
            got,
            [
                "January 15, 2026",
                "15\u{a0}janvier\u{a0}2026",
                "15 Ocak 2026",
                "15 Januari 2026",
                "15 يناير 2026"
            ]
        );
    }

    #[test]
    fn french_writes_the_first_of_the_month_as_an_ordinal() {
        let fr = LocaleData::new("fr").unwrap();
        let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        // No line breaks inside a French date: its spaces are no-break spaces.
        assert_eq!(fr.long_date(first), "1er\u{a0}janvier\u{a0}2026");
        let eleventh = NaiveDate::from_ymd_opt(2026, 1, 11).unwrap();
        assert_eq!(fr.long_date(eleventh), "11\u{a0}janvier\u{a0}2026");
        assert_eq!(
            LocaleData::new("tr").unwrap().long_date(first),
            "1 Ocak 2026"
        );
    }

    #[test]
    fn languages_without_cldr_data_of_their_own_are_refused() {
        let date = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        let long_date = |code| LocaleData::new(code).map(|data| data.long_date(date));
        assert_eq!(long_date("nb").as_deref(), Ok("15. januar 2026"));
        assert_eq!(long_date("he").as_deref(), Ok("15 בינואר 2026"));
        assert_eq!(long_date("zh-Hant").as_deref(), Ok("2026年1月15日"));
        assert_eq!(long_date("sr-Latn").as_deref(), Ok("15. januar 2026."));
        // Japanese has one plural form, as CLDR's root does, and is no less a language.
        assert_eq!(long_date("ja").as_deref(), Ok("2026年1月15日"));
        for code in ["yi", "tlh", "xx"] {
            let error = long_date(code).unwrap_err();
            assert!(error.contains("2026 M01 15"), "{code}: {error}");
        }
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
}
