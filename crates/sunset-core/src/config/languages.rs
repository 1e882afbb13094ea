//! `[[languages]]`: each code checked against CLDR, with its name, direction and Open Graph
//! locale from CLDR where site.toml does not give them.

use serde::Deserialize;
use toml::Spanned;

use super::{Direction, Language};
use crate::cldr::LocaleData;
use crate::cldr::{self, Unknown};
use crate::diagnostics::{Diagnostic, Location};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLanguage {
    code: Spanned<String>,
    name: Option<String>,
    dir: Option<Direction>,
    og_locale: Option<String>,
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
        if let Err(why) = LocaleData::new(&canonical_code) {
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
        });
    }
    languages
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
        Unknown::Subtag { kind, subtag } => error.hint(format!(
            "CLDR knows no {kind} {subtag:?}; use a BCP 47 code such as \"pt-BR\" or \"zh-Hant\""
        )),
        Unknown::NotATag { suggestion: None } | Unknown::Language => {
            error.hint("use a BCP 47 code that CLDR knows, such as \"en\", \"ar\" or \"pt-BR\"")
        }
    }
}
