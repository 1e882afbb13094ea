//! What CLDR (through ICU4X's compiled data) knows about a language code of site.toml: whether
//! it names a language at all, its canonical form (`he` for the old `iw`), its likely region,
//! its direction, and its name in its own language and in English.
//!
//! `config` turns the answers into diagnostics; nothing here knows about site.toml.

use icu_experimental::displaynames::multi::{
    LanguageDisplayNames, LocaleDisplayNamesFormatter, RegionDisplayNames, ScriptDisplayNames,
    VariantDisplayNames,
};
use icu_experimental::displaynames::{DisplayNamesOptions, DisplayNamesPreferences};
use icu_locale::{
    LocaleCanonicalizer, LocaleDirectionality, LocaleExpander, TransformResult, locale,
};
use icu_locale_core::{LanguageIdentifier, Locale};
use icu_provider::prelude::*;

/// Why a code is not one CLDR knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unknown {
    /// Not a BCP 47 language tag (`en_US`, `en-u-ca-gregory`, `xx-nonsense-`); `suggestion` is
    /// the tag it would be with hyphens, when that is one.
    NotATag { suggestion: Option<String> },
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
    let english = English::new();
    // `und` has an English name too ("Unknown language"), but names no language.
    let language_known = !id.language.is_unknown()
        && (LocaleExpander::new_extended().maximize(&mut bare) == TransformResult::Modified
            || english.language(&id).is_some());
    if !language_known {
        return Err(Unknown::Language);
    }
    if let Some(script) = id.script
        && english.script(script).is_none()
    {
        return Err(Unknown::subtag("script", script.as_str()));
    }
    if let Some(region) = id.region
        && english.region(region).is_none()
    {
        return Err(Unknown::subtag("region", region.as_str()));
    }
    if let Some(variant) = id.variants.iter().find(|v| english.variant(**v).is_none()) {
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
    let locale = Locale::from(id.clone());
    let prefs = DisplayNamesPreferences::from(&locale);
    let options = DisplayNamesOptions::default();
    // The formatter falls back to the bare code: ask the language's own table first.
    LanguageDisplayNames::try_new_unstable(&Names, prefs, options)
        .ok()?
        .of(id.language)?;
    let formatter = LocaleDisplayNamesFormatter::try_new_unstable(&Names, prefs, options).ok()?;
    Some(formatter.of(&locale).into_owned())
}

/// The language's English name (`Hebrew`, `Serbian (Latin)`), for messages; the code itself
/// when CLDR has none.
pub fn english_name(id: &LanguageIdentifier) -> String {
    let locale = Locale::from(id.clone());
    English::new()
        .formatter
        .map_or_else(|| id.to_string(), |f| f.of(&locale).into_owned())
}

/// CLDR's English names: the ones it has for every language, script, region and variant it
/// knows, so they tell which subtags are real.
struct English {
    formatter: Option<LocaleDisplayNamesFormatter>,
    languages: Option<LanguageDisplayNames>,
    scripts: Option<ScriptDisplayNames>,
    regions: Option<RegionDisplayNames>,
    variants: Option<VariantDisplayNames>,
}

impl English {
    fn new() -> English {
        let prefs = DisplayNamesPreferences::from(&locale!("en"));
        let options = DisplayNamesOptions::default();
        English {
            formatter: LocaleDisplayNamesFormatter::try_new_unstable(&Names, prefs, options).ok(),
            languages: LanguageDisplayNames::try_new_unstable(&Names, prefs, options).ok(),
            scripts: ScriptDisplayNames::try_new_unstable(&Names, prefs, options).ok(),
            regions: RegionDisplayNames::try_new_unstable(&Names, prefs, options).ok(),
            variants: VariantDisplayNames::try_new_unstable(&Names, prefs, options).ok(),
        }
    }

    fn language(&self, id: &LanguageIdentifier) -> Option<&str> {
        self.languages.as_ref()?.of(id.language)
    }

    fn script(&self, script: icu_locale_core::subtags::Script) -> Option<&str> {
        self.scripts.as_ref()?.of(script)
    }

    fn region(&self, region: icu_locale_core::subtags::Region) -> Option<&str> {
        self.regions.as_ref()?.of(region)
    }

    fn variant(&self, variant: icu_locale_core::subtags::Variant) -> Option<&str> {
        self.variants.as_ref()?.of(variant)
    }
}

/// ICU4X's compiled display names, where a table a language lacks reads as an empty one:
/// CLDR has names of languages in Urdu but none of variants, and the formatter needs all five
/// tables. The requests are silent, so debug builds print no ICU4X log line for each miss.
struct Names;

impl<M> DataProvider<M> for Names
where
    M: DataMarker,
    M::DataStruct: Default,
    icu_experimental::provider::Baked: DataProvider<M>,
{
    fn load(&self, mut request: DataRequest) -> Result<DataResponse<M>, DataError> {
        request.metadata.silent = true;
        match icu_experimental::provider::Baked.load(request) {
            Err(e) if e.kind == DataErrorKind::IdentifierNotFound => Ok(DataResponse {
                metadata: Default::default(),
                payload: DataPayload::from_owned(M::DataStruct::default()),
            }),
            loaded => loaded,
        }
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
        for code in ["", "en-", "en-u-ca-gregory", "en/..", "no-bok"] {
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
