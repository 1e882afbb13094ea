//! `[[languages]]`: each code checked against CLDR, with its name, direction, Open Graph
//! locale, digits and calendar from CLDR where site.toml does not give them.

use serde::Deserialize;
use toml::Spanned;

use super::{Direction, Language};
use crate::cldr::conventions::{self, NotKnown};
use crate::cldr::{self, Conventions, LocaleData, Unknown};
use crate::diagnostics::{Diagnostic, Location};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLanguage {
    code: Spanned<String>,
    name: Option<String>,
    dir: Option<Direction>,
    og_locale: Option<String>,
    digits: Option<Spanned<String>>,
    calendar: Option<Spanned<String>>,
}

pub(super) fn validate_languages(
    raw: &Spanned<Vec<RawLanguage>>,
    at: &impl Fn(std::ops::Range<usize>) -> Location,
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Language> {
    if raw.get_ref().is_empty() {
        errors.push(
            Diagnostic::error("site.toml lists no languages")
                .at(at(raw.span()))
                .hint("add a [[languages]] table per language, the default language first"),
        );
    }
    let mut languages: Vec<Language> = Vec::new();
    for entry in raw.get_ref() {
        let code = entry.code.get_ref();
        let here = || at(entry.code.span());
        let id = match cldr::canonical(code) {
            Ok(id) => id,
            Err(unknown) => {
                errors.push(unknown_language(code, unknown).at(here()));
                continue;
            }
        };
        let canonical_code = id.to_string();
        if let Some(earlier) = languages
            .iter()
            .find(|l| l.canonical_code == canonical_code)
        {
            let same = if earlier.code == *code {
                String::new()
            } else {
                format!(" (as {:?}, the same language)", earlier.code)
            };
            errors.push(
                Diagnostic::error(format!("language {code:?} is listed twice{same}"))
                    .at(here())
                    .hint("remove one of the two [[languages]] tables"),
            );
            continue;
        }
        let Some(conventions) = language_conventions(entry, &canonical_code, at, errors) else {
            continue;
        };
        if let Err(why) = LocaleData::new(&canonical_code, &conventions) {
            errors.push(
                Diagnostic::error(format!(
                    "{} cannot be a language of the site: {why}",
                    cldr::english_name(&id)
                ))
                .at(here())
                .hint(
                    "a language needs CLDR's plural rules and dates: choose one that CLDR has \
                     locale data for, such as another language its readers read",
                ),
            );
            continue;
        }
        if !canonical_code.eq_ignore_ascii_case(code) {
            // Kept as written: the code is also the folders' and the URLs' name, which a
            // silent rename would move under the site's feet.
            warnings.push(
                Diagnostic::warning(format!(
                    "{code:?} is an alias: CLDR's code for {} is {canonical_code:?}",
                    cldr::english_name(&id)
                ))
                .at(here())
                .hint(format!(
                    "write \"{canonical_code}\", and rename content/{code}/ and locales/{code}/ \
                     to {canonical_code}/ (its pages move from /{code}/ to /{canonical_code}/)"
                )),
            );
        }
        let name = match entry.name.clone().or_else(|| cldr::own_name(&id)) {
            Some(name) => name,
            None => {
                errors.push(
                    Diagnostic::error(format!(
                        "CLDR has no name of {code:?} in its own language"
                    ))
                    .at(here())
                    .hint("add `name = \"…\"` to this [[languages]] table: the language's name in its own script"),
                );
                continue;
            }
        };
        let likely = cldr::likely(&id);
        let og_locale = entry
            .og_locale
            .clone()
            .unwrap_or_else(|| match likely.region {
                Some(region) => format!("{}_{}", likely.language, region),
                None => likely.language.to_string(),
            });
        let dir = entry.dir.unwrap_or(if cldr::is_right_to_left(&id) {
            Direction::Rtl
        } else {
            Direction::Ltr
        });
        languages.push(Language {
            code: code.clone(),
            canonical_code,
            name,
            dir,
            og_locale,
            conventions,
        });
    }
    languages
}

/// The digits and calendar of a `[[languages]]` table: CLDR's choice for the language, with
/// what the table sets instead; `None` after an error for a value that names neither.
fn language_conventions(
    entry: &RawLanguage,
    canonical_code: &str,
    at: &impl Fn(std::ops::Range<usize>) -> Location,
    errors: &mut Vec<Diagnostic>,
) -> Option<Conventions> {
    let mut chosen = Conventions::of(canonical_code);
    let mut known = true;
    // A setting's key, its value in the table, how it is read, what its hint lists of the
    // values there are, and what it sets.
    type Setting<'t> = (
        &'static str,
        &'t Option<Spanned<String>>,
        fn(&str) -> Result<String, NotKnown>,
        fn() -> String,
        &'t mut String,
    );
    let settings: [Setting; 2] = [
        (
            "digits",
            &entry.digits,
            conventions::parse_digits,
            digits_hint,
            &mut chosen.digits,
        ),
        (
            "calendar",
            &entry.calendar,
            conventions::parse_calendar,
            || format!("CLDR's calendars are {}", conventions::CALENDARS.join(", ")),
            &mut chosen.calendar,
        ),
    ];
    for (key, value, parse, listed, setting) in settings {
        let Some(value) = value else {
            continue;
        };
        match parse(value.get_ref()) {
            Ok(name) => *setting = name,
            Err(not_known) => {
                known = false;
                errors.push(
                    unknown_value(key, value.get_ref(), not_known, listed()).at(at(value.span())),
                );
            }
        }
    }
    known.then_some(chosen)
}

/// The error for a value of `key` that names no numbering system or calendar: the name
/// meant, else what there is (`listed`).
fn unknown_value(key: &str, value: &str, not_known: NotKnown, listed: String) -> Diagnostic {
    let error = Diagnostic::error(format!("unknown {key} {value:?}"));
    match not_known.meant {
        Some(meant) => error.hint(format!("did you mean {key} = \"{meant}\"?")),
        None => error.hint(format!(
            "write {key} = \"…\" with its BCP 47 name: {listed}"
        )),
    }
}

/// Every numbering system, with its digits: `latn` (0123456789), `arab` (٠١٢٣٤٥٦٧٨٩)…
fn digits_hint() -> String {
    let systems: Vec<String> = conventions::numbering_systems()
        .iter()
        .map(|(name, digits)| format!("{name} ({digits})"))
        .collect();
    format!("CLDR's digits are {}", systems.join(", "))
}

/// The error for a code CLDR does not know, with the hint that fits the reason.
fn unknown_language(code: &str, unknown: Unknown) -> Diagnostic {
    let error = Diagnostic::error(format!("unknown language code {code:?}"));
    match unknown {
        Unknown::NotATag {
            suggestion: Some(tag),
        } => error.hint(format!(
            "write \"{tag}\": BCP 47 separates its parts with hyphens"
        )),
        Unknown::Keywords { language } => error.hint(format!(
            "write code = \"{language}\": the code is also the folders' and the URLs' name; \
             set the digits and calendar with `digits = \"…\"` and `calendar = \"…\"` in this table"
        )),
        Unknown::Subtag { kind, subtag } => error.hint(format!(
            "CLDR knows no {kind} {subtag:?}; use a BCP 47 code such as \"pt-BR\" or \"zh-Hant\""
        )),
        Unknown::NotATag { suggestion: None } | Unknown::Language => {
            error.hint("use a BCP 47 code that CLDR knows, such as \"en\", \"ar\" or \"pt-BR\"")
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::config::{Config, parse};
    use crate::diagnostics::Diagnostic;

    fn with_table(table: &str) -> Result<Config, Vec<Diagnostic>> {
        let text = format!(
            "base_url = \"https://example.org/\"\n[notice]\nend_date = 2026-01-15\n\
             time_zone = \"UTC\"\n[[languages]]\n{table}\n"
        );
        parse(Path::new("site.toml"), &text)
    }

    #[test]
    fn digits_and_calendar_are_cldrs_unless_the_table_sets_them() {
        let conventions = |table: &str| {
            let config = with_table(table).unwrap();
            let chosen = &config.languages[0].conventions;
            (chosen.digits.clone(), chosen.calendar.clone())
        };
        let pair = |d: &str, c: &str| (d.to_string(), c.to_string());
        assert_eq!(conventions("code = \"fa\""), pair("arabext", "persian"));
        assert_eq!(
            conventions("code = \"fa\"\ndigits = \"latn\""),
            pair("latn", "persian")
        );
        assert_eq!(
            conventions("code = \"ar\"\ndigits = \"ARAB\"\ncalendar = \"islamic-umalqura\""),
            pair("arab", "islamic-umalqura")
        );
    }

    #[test]
    fn an_unknown_value_is_located_with_the_name_meant() {
        let errors =
            with_table("code = \"fa\"\ndigits = \"farsi\"\ncalendar = \"jalali\"").unwrap_err();
        let found: Vec<(String, String, usize, usize)> = errors
            .iter()
            .map(|e| {
                let at = e.location.as_ref().unwrap();
                (
                    e.message.clone(),
                    e.hint.clone().unwrap_or_default(),
                    at.line,
                    at.column,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    "unknown digits \"farsi\"".to_string(),
                    "did you mean digits = \"arabext\"?".to_string(),
                    7,
                    10
                ),
                (
                    "unknown calendar \"jalali\"".to_string(),
                    "did you mean calendar = \"persian\"?".to_string(),
                    8,
                    12
                ),
            ]
        );
        let errors = with_table("code = \"ar-EG-u-nu-latn\"").unwrap_err();
        let hint = errors[0].hint.as_deref().unwrap_or_default();
        assert!(
            hint.starts_with("write code = \"ar-EG\"") && hint.contains("digits = "),
            "{hint}"
        );
    }
}
