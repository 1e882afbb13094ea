//! What CLDR (through ICU4X's compiled data) knows about a language code of site.toml: whether
//! it names a language at all, its canonical form (`he` for the old `iw`), its likely region,
//! its direction, its name in its own language and in English, and how it writes numbers and
//! dates (`conventions`).
//!
//! `config` turns the answers into diagnostics; nothing here knows about site.toml.

pub mod conventions;
mod locale_data;
mod names;

pub use conventions::Conventions;
pub use locale_data::{LocaleData, all_plural_forms, category_name, needed_plural_forms};

use icu_locale::{
    LocaleCanonicalizer, LocaleDirectionality, LocaleExpander, TransformResult, langid,
};
use icu_locale_core::{LanguageIdentifier, Locale};
use names::{Kind, Table};
use std::sync::OnceLock;

/// Why a code is not one CLDR knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unknown {
    /// Not a BCP 47 language tag (`en_US`, `xx-nonsense-`); `suggestion` is
    /// the tag it would be with hyphens, when that is one.
    NotATag { suggestion: Option<String> },
    /// A locale with keywords or other extensions (`ar-EG-u-nu-latn`): `language` is the
    /// language alone, which a site's code names.
    Keywords { language: String },
    /// A well-formed tag whose language CLDR has never heard of (`xx`, `qqq`).
    Language,
    /// A script, region or variant CLDR does not name (`en-QQ`): which kind, and the subtag.
    Subtag { kind: &'static str, subtag: String },
}

/// The canonical form of `code` (CLDR's aliases replaced: `iw` → `he`, `no-bokmal` → `nb`,
/// `sh` → `sr-Latn`), or why CLDR does not know it. Letter case never matters (`pt-br`).
pub fn canonical(code: &str) -> Result<LanguageIdentifier, Unknown> {
    // The code is also a folder name and a URL segment: nothing but letters, digits and hyphens.
    let parsed = code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-')
        .then(|| code.parse::<LanguageIdentifier>().ok())
        .flatten();
    let Some(parsed) = parsed else {
        if let Ok(locale) = code.parse::<Locale>()
            && !locale.extensions.is_empty()
        {
            return Err(Unknown::Keywords {
                language: locale.id.to_string(),
            });
        }
        let hyphenated = code.replace('_', "-");
        let suggestion = (hyphenated != code)
            .then(|| canonical(&hyphenated).ok())
            .flatten()
            .map(|id| id.to_string());
        return Err(Unknown::NotATag { suggestion });
    };
    let mut locale = Locale::from(parsed);
    LocaleCanonicalizer::new_extended().canonicalize(&mut locale);
    let id = locale.id;

    // CLDR knows a language when its likely subtags name it, or its English names do (Klingon
    // has a name but no likely script).
    let mut bare = LanguageIdentifier::from((id.language, None, None));
    let english = Names::english();
    // `und` has an English name too ("Unknown language"), but names no language.
    let language_known = !id.language.is_unknown()
        && (LocaleExpander::new_extended().maximize(&mut bare) == TransformResult::Modified
            || english.language.get(id.language.as_str()).is_some());
    if !language_known {
        return Err(Unknown::Language);
    }
    if let Some(script) = id.script
        && english.script.get(script.as_str()).is_none()
    {
        return Err(Unknown::subtag("script", script.as_str()));
    }
    if let Some(region) = id.region
        && english.region.get(region.as_str()).is_none()
    {
        return Err(Unknown::subtag("region", region.as_str()));
    }
    if let Some(variant) = id
        .variants
        .iter()
        .find(|v| english.variant.get(v.as_str()).is_none())
    {
        return Err(Unknown::subtag("variant", variant.as_str()));
    }
    Ok(id)
}

impl Unknown {
    fn subtag(kind: &'static str, subtag: &str) -> Unknown {
        Unknown::Subtag {
            kind,
            subtag: subtag.to_string(),
        }
    }
}

/// The language with its likely script and region filled in (`he` → `he-Hebr-IL`).
pub fn likely(id: &LanguageIdentifier) -> LanguageIdentifier {
    let mut likely = id.clone();
    LocaleExpander::new_extended().maximize(&mut likely);
    likely
}

pub fn is_right_to_left(id: &LanguageIdentifier) -> bool {
    LocaleDirectionality::new_extended().is_right_to_left(id)
}

/// The language's name in itself, as CLDR writes it in running text (`Deutsch`, `français`,
/// `português (Brasil)`, `繁體中文`), or `None` when CLDR has no such name.
pub fn own_name(id: &LanguageIdentifier) -> Option<String> {
    let names = Names::of(id);
    // The display name falls back to the bare code: ask the language's own table first.
    names.language.get(id.language.as_str())?;
    Some(names.display_name(id))
}

/// The language's English name (`Hebrew`, `Serbian (Latin)`), for messages; the code itself
/// when CLDR has none.
pub fn english_name(id: &LanguageIdentifier) -> String {
    Names::english().display_name(id)
}

/// The tables of names one locale reads. English ones name every language, script, region and
/// variant CLDR knows, so they tell which subtags are real.
struct Names {
    language: Table,
    locale: Table,
    script: Table,
    region: Table,
    variant: Table,
}

impl Names {
    fn of(id: &LanguageIdentifier) -> Names {
        let locales = names::locales(id);
        Names {
            language: names::table(Kind::Language, &locales),
            locale: names::table(Kind::Locale, &locales),
            script: names::table(Kind::Script, &locales),
            region: names::table(Kind::Region, &locales),
            variant: names::table(Kind::Variant, &locales),
        }
    }

    fn english() -> &'static Names {
        static ENGLISH: OnceLock<Names> = OnceLock::new();
        ENGLISH.get_or_init(|| Names::of(&langid!("en")))
    }

    /// `id`'s name by CLDR's display-name algorithm as ICU4X implements it: the name of the
    /// language with its script or else its region when there is one (`British English`),
    /// else of the language, then the other subtags' names in parentheses, each its code when
    /// unnamed (`Deutsch (Schweiz, 1996)`).
    fn display_name(&self, id: &LanguageIdentifier) -> String {
        let combined = |script, region| {
            let code = LanguageIdentifier::from((id.language, script, region)).to_string();
            self.locale.get(&code)
        };
        let (name, script, region) = match id.script.and_then(|s| combined(Some(s), None)) {
            Some(name) => (Some(name), None, id.region),
            None => match id.region.and_then(|r| combined(None, Some(r))) {
                Some(name) => (Some(name), id.script, None),
                None => (None, id.script, id.region),
            },
        };
        let mut display = name
            .or_else(|| self.language.get(id.language.as_str()))
            .unwrap_or(id.language.as_str())
            .to_string();
        let qualifiers: Vec<&str> = script
            .iter()
            .map(|s| self.script.get(s.as_str()).unwrap_or(s.as_str()))
            .chain(
                region
                    .iter()
                    .map(|r| self.region.get(r.as_str()).unwrap_or(r.as_str())),
            )
            .chain(
                id.variants
                    .iter()
                    .map(|v| self.variant.get(v.as_str()).unwrap_or(v.as_str())),
            )
            .collect();
        if !qualifiers.is_empty() {
            display.push_str(&format!(" ({})", qualifiers.join(", ")));
        }
        display
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canonical_str(code: &str) -> Result<String, Unknown> {
        canonical(code).map(|id| id.to_string())
    }

    #[test]
    fn aliases_become_their_canonical_tags() {
        for (alias, tag) in [
            ("iw", "he"),
            ("in", "id"),
            ("ji", "yi"),
            ("mo", "ro"),
            ("sh", "sr-Latn"),
            ("no-BOKMAL", "nb"),
            ("tl", "fil"),
            ("cmn", "zh"),
        ] {
            assert_eq!(canonical_str(alias), Ok(tag.to_string()), "{alias}");
        }
    }

    #[test]
    fn canonical_tags_and_their_case_stay() {
        for (code, tag) in [
            ("nb", "nb"),
            ("zh-Hant", "zh-Hant"),
            ("zh-Hans-CN", "zh-Hans-CN"),
            ("sr-Latn", "sr-Latn"),
            ("pt-br", "pt-BR"),
            ("es-419", "es-419"),
            ("de-CH-1996", "de-CH-1996"),
            ("tlh", "tlh"),
        ] {
            assert_eq!(canonical_str(code), Ok(tag.to_string()), "{code}");
        }
    }

    #[test]
    fn nonsense_is_unknown_and_says_why() {
        assert_eq!(canonical_str("xx"), Err(Unknown::Language));
        assert_eq!(canonical_str("xx-nonsense"), Err(Unknown::Language));
        assert_eq!(canonical_str("und-Latn"), Err(Unknown::Language));
        assert_eq!(canonical_str("en-QQ"), Err(Unknown::subtag("region", "QQ")));
        assert_eq!(
            canonical_str("en-nonsense"),
            Err(Unknown::subtag("variant", "nonsense"))
        );
        assert_eq!(
            canonical_str("pt_BR"),
            Err(Unknown::NotATag {
                suggestion: Some("pt-BR".into())
            })
        );
        assert_eq!(
            canonical_str("ar-EG-u-nu-latn"),
            Err(Unknown::Keywords {
                language: "ar-EG".into()
            })
        );
        for code in ["", "en-", "en/..", "no-bok"] {
            assert!(
                matches!(canonical_str(code), Err(Unknown::NotATag { .. })),
                "{code}"
            );
        }
    }

    #[test]
    fn own_names_come_from_cldr() {
        let name = |code: &str| canonical(code).ok().and_then(|id| own_name(&id));
        for (code, own) in [
            ("de", "Deutsch"),
            ("nb", "norsk bokmål"),
            ("ar", "العربية"),
            ("ja", "日本語"),
            ("he", "עברית"),
            ("iw", "עברית"),
            ("fr", "français"),
            ("pt-BR", "português (Brasil)"),
            ("zh-Hant", "繁體中文"),
            ("sr-Latn", "srpski (latinica)"),
            // CLDR has no names of variants in Urdu: the language's name still comes.
            ("ur", "اردو"),
        ] {
            assert_eq!(name(code).as_deref(), Some(own), "{code}");
        }
        assert_eq!(name("tlh"), None, "Klingon has no CLDR locale");
    }

    #[test]
    fn english_names_direction_and_likely_region() {
        let id = |code: &str| canonical(code).unwrap();
        assert_eq!(english_name(&id("he")), "Hebrew");
        assert_eq!(english_name(&id("sh")), "Serbian (Latin)");
        assert!(is_right_to_left(&id("iw")));
        assert!(!is_right_to_left(&id("nb")));
        assert_eq!(likely(&id("nb")).to_string(), "nb-Latn-NO");
    }
}
