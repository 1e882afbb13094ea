//! `src/cldr/names.txt` is ICU4X's CLDR display names cut to what `cldr` looks up, and `cldr`
//! names and checks codes as it did when it asked ICU4X's display-names formatter.
//!
//! After an ICU4X update, `SUNSET_WRITE_CLDR_NAMES=1 cargo test --test suite cldr_names` rewrites the
//! file from the new data.

use std::collections::{BTreeMap, BTreeSet};

use icu_experimental::displaynames::multi::{
    LanguageDisplayNames, LocaleDisplayNamesFormatter, RegionDisplayNames, ScriptDisplayNames,
    VariantDisplayNames,
};
use icu_experimental::displaynames::provider::{
    LocaleNamesLanguageV0, LocaleNamesLocaleV0, LocaleNamesRegionV0, LocaleNamesScriptV0,
    LocaleNamesVariantV0,
};
use icu_experimental::displaynames::{DisplayNamesOptions, DisplayNamesPreferences};
use icu_locale::fallback::LocaleFallbackConfig;
use icu_locale::fallback::provider::{Baked as FallbackData, LocaleParentsV1};
use icu_locale::{LocaleCanonicalizer, LocaleExpander, TransformResult};
use icu_locale_core::subtags::Language;
use icu_locale_core::{LanguageIdentifier, Locale, locale};
use icu_provider::IterableDataProvider;
use icu_provider::prelude::*;
use rayon::prelude::*;
use sunset::cldr::{self, Unknown};

const NAMES_FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/crates/sunset-core/src/cldr/names.txt"
);

/// The display names icu_experimental compiles in (the same macros of icu_experimental_data),
/// here able to list the locales they have.
struct Baked;

const _: () = {
    use icu_experimental_data::*;
    use icu_locale::fallback as icu_locale_fallback;
    pub mod icu {
        pub use icu_experimental as experimental;
    }
    make_provider!(Baked);
    impl_locale_names_language_v0!(Baked, ITER);
    impl_locale_names_locale_v0!(Baked, ITER);
    impl_locale_names_region_v0!(Baked, ITER);
    impl_locale_names_script_v0!(Baked, ITER);
    impl_locale_names_variant_v0!(Baked, ITER);
};

/// One kind's tables: locale → (key → name), the `names` map of ICU4X's struct (the formatter
/// reads no other with default options).
type Tables = BTreeMap<String, BTreeMap<String, String>>;

/// Every table of one marker, keys as strings (subtags unless told how).
macro_rules! tables {
    ($marker:ty) => {
        tables!($marker, |key| key.try_into_tinystr().unwrap().to_string())
    };
    ($marker:ty, |$key:ident| $key_string:expr) => {{
        assert_eq!(
            <$marker as DataMarker>::INFO.fallback_config,
            LocaleFallbackConfig::default(),
            "cldr::names walks the default fallback chain"
        );
        let mut tables = Tables::new();
        for id in IterableDataProvider::<$marker>::iter_ids(&Baked).unwrap() {
            assert!(id.marker_attributes.is_empty());
            let response: DataResponse<$marker> = Baked
                .load(DataRequest {
                    id: id.as_borrowed(),
                    ..Default::default()
                })
                .unwrap();
            let names = response
                .payload
                .get()
                .names
                .iter()
                .map(|($key, name)| ($key_string, name.to_string()))
                .collect();
            tables.insert(id.locale.to_string(), names);
        }
        tables
    }};
}

/// The languages whose codes can end their fallback in a locale of language `target`: itself,
/// and those a CLDR parent locale leads to it (`nb` → `no`, `hi-Latn` → `en-IN`).
fn languages_reaching(target: Language) -> BTreeSet<Language> {
    let parents: DataResponse<LocaleParentsV1> = FallbackData.load(Default::default()).unwrap();
    let edges: Vec<(Language, Language)> = parents
        .payload
        .get()
        .parents
        .iter_copied_values()
        .map(|(child, (parent, _, _))| {
            let child = std::str::from_utf8(child.as_bytes()).unwrap();
            (child.parse::<Locale>().unwrap().id.language, parent)
        })
        .collect();
    let mut reaching = BTreeSet::from([target]);
    loop {
        let more: Vec<Language> = edges
            .iter()
            .filter(|(child, parent)| reaching.contains(parent) && !reaching.contains(child))
            .map(|(child, _)| *child)
            .collect();
        if more.is_empty() {
            return reaching;
        }
        reaching.extend(more);
    }
}

/// Keeps in each table only the names `cldr` can read there. A code's fallback changes language
/// only at a CLDR parent locale, so a table is read for codes of its own language and of those
/// whose parents lead to it; English names are asked for every code, so English keeps all.
fn cut_to_reachable_languages(tables: &mut Tables) {
    for (data_locale, names) in tables.iter_mut() {
        let language = data_locale.parse::<Locale>().unwrap().id.language;
        if *data_locale == "en" || language.is_unknown() {
            continue;
        }
        let reaching = languages_reaching(language);
        names.retain(|key, _| reaching.contains(&key.parse::<Locale>().unwrap().id.language));
    }
}

/// ICU4X's tables of each kind, in names.txt's order.
fn icu4x_tables() -> [(&'static str, Tables); 5] {
    [
        ("language", tables!(LocaleNamesLanguageV0)),
        (
            "locale",
            tables!(LocaleNamesLocaleV0, |key| String::from_utf8(
                key.as_bytes().to_vec()
            )
            .unwrap()),
        ),
        ("script", tables!(LocaleNamesScriptV0)),
        ("region", tables!(LocaleNamesRegionV0)),
        ("variant", tables!(LocaleNamesVariantV0)),
    ]
}

/// names.txt as ICU4X's data makes it: the tables of each kind, a locale's table once for all
/// locales that have the same one.
fn generated_names_file() -> String {
    let mut file = String::from(
        "# CLDR's display names of languages, scripts, regions and variants, from ICU4X's \
         compiled data\n\
         # (icu_experimental_data), cut to what crates/sunset-core/src/cldr.rs looks up.\n\
         # Generated, do not edit: after an ICU4X update,\n\
         # `SUNSET_WRITE_CLDR_NAMES=1 cargo test --test suite cldr_names` rewrites it.\n\
         # `[kind locale…]` starts the table those locales share; each line under it is a code, \
         a tab, its name.\n",
    );
    for (kind, mut tables) in icu4x_tables() {
        if kind == "language" || kind == "locale" {
            cut_to_reachable_languages(&mut tables);
        }
        let mut shared: BTreeMap<&BTreeMap<String, String>, Vec<&str>> = BTreeMap::new();
        for (data_locale, names) in &tables {
            shared.entry(names).or_default().push(data_locale);
        }
        let mut sections: Vec<_> = shared.into_iter().map(|(n, l)| (l, n)).collect();
        sections.sort();
        for (data_locales, names) in sections {
            file.push_str(&format!("[{kind} {}]\n", data_locales.join(" ")));
            for (key, name) in names {
                assert!(!name.contains(['\t', '\n']) && !name.is_empty(), "{name:?}");
                file.push_str(&format!("{key}\t{name}\n"));
            }
        }
    }
    file
}

#[test]
fn names_file_is_icu4x_data() {
    let generated = generated_names_file();
    if std::env::var_os("SUNSET_WRITE_CLDR_NAMES").is_some() {
        std::fs::write(NAMES_FILE, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(NAMES_FILE).unwrap();
    assert!(
        checked_in == generated,
        "crates/sunset-core/src/cldr/names.txt is not ICU4X's data: `SUNSET_WRITE_CLDR_NAMES=1 cargo test --test \
         suite cldr_names` rewrites it"
    );
}

/// ICU4X's display names where a table a language lacks reads as an empty one, as src/cldr.rs
/// asked for them before it had names.txt.
struct Icu4xNames;

impl<M> DataProvider<M> for Icu4xNames
where
    M: DataMarker,
    M::DataStruct: Default,
    Baked: DataProvider<M>,
{
    fn load(&self, request: DataRequest) -> Result<DataResponse<M>, DataError> {
        match Baked.load(request) {
            Err(e) if e.kind == DataErrorKind::IdentifierNotFound => Ok(DataResponse {
                metadata: Default::default(),
                payload: DataPayload::from_owned(M::DataStruct::default()),
            }),
            loaded => loaded,
        }
    }
}

/// `cldr::own_name` as it was: ICU4X's formatter in the language's own locale, when that
/// locale names the language.
fn icu4x_own_name(id: &LanguageIdentifier) -> Option<String> {
    let locale = Locale::from(id.clone());
    let prefs = DisplayNamesPreferences::from(&locale);
    let options = DisplayNamesOptions::default();
    LanguageDisplayNames::try_new_unstable(&Icu4xNames, prefs, options)
        .ok()?
        .of(id.language)?;
    let formatter =
        LocaleDisplayNamesFormatter::try_new_unstable(&Icu4xNames, prefs, options).ok()?;
    Some(formatter.of(&locale).into_owned())
}

fn english_prefs() -> DisplayNamesPreferences {
    DisplayNamesPreferences::from(&locale!("en"))
}

/// `cldr::english_name` as it was: ICU4X's formatter in English.
fn icu4x_english_name(id: &LanguageIdentifier) -> String {
    LocaleDisplayNamesFormatter::try_new_unstable(&Icu4xNames, english_prefs(), Default::default())
        .unwrap()
        .of(&Locale::from(id.clone()))
        .into_owned()
}

/// `cldr::canonical` as it was when ICU4X's English names told which subtags are real.
fn icu4x_canonical(code: &str) -> Result<LanguageIdentifier, Unknown> {
    let parsed = code
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-')
        .then(|| code.parse::<LanguageIdentifier>().ok())
        .flatten();
    let Some(parsed) = parsed else {
        let hyphenated = code.replace('_', "-");
        let suggestion = (hyphenated != code)
            .then(|| icu4x_canonical(&hyphenated).ok())
            .flatten()
            .map(|id| id.to_string());
        return Err(Unknown::NotATag { suggestion });
    };
    let mut locale = Locale::from(parsed);
    LocaleCanonicalizer::new_extended().canonicalize(&mut locale);
    let id = locale.id;
    let (prefs, options) = (english_prefs(), DisplayNamesOptions::default());
    let languages = LanguageDisplayNames::try_new_unstable(&Icu4xNames, prefs, options).unwrap();
    let scripts = ScriptDisplayNames::try_new_unstable(&Icu4xNames, prefs, options).unwrap();
    let regions = RegionDisplayNames::try_new_unstable(&Icu4xNames, prefs, options).unwrap();
    let variants = VariantDisplayNames::try_new_unstable(&Icu4xNames, prefs, options).unwrap();
    let mut bare = LanguageIdentifier::from((id.language, None, None));
    let language_known = !id.language.is_unknown()
        && (LocaleExpander::new_extended().maximize(&mut bare) == TransformResult::Modified
            || languages.of(id.language).is_some());
    let unknown = |kind, subtag: &str| Unknown::Subtag {
        kind,
        subtag: subtag.to_string(),
    };
    if !language_known {
        Err(Unknown::Language)
    } else if let Some(script) = id.script.filter(|s| scripts.of(*s).is_none()) {
        Err(unknown("script", script.as_str()))
    } else if let Some(region) = id.region.filter(|r| regions.of(*r).is_none()) {
        Err(unknown("region", region.as_str()))
    } else if let Some(variant) = id.variants.iter().find(|v| variants.of(**v).is_none()) {
        Err(unknown("variant", variant.as_str()))
    } else {
        Ok(id)
    }
}

/// The codes of every table's locale, each alone and with every script, region and variant
/// CLDR names in English, and every language CLDR names in English, alone and with the
/// locales' scripts and regions: each table and each name in names.txt is read by some.
fn codes() -> BTreeSet<String> {
    let tables = icu4x_tables();
    let english = |kind: &str| -> Vec<&String> {
        let (_, tables) = tables.iter().find(|(k, _)| *k == kind).unwrap();
        tables["en"].keys().collect()
    };
    let languages = english("language");
    let (scripts, regions, variants) = (english("script"), english("region"), english("variant"));
    let data_locales: BTreeSet<&String> = tables.iter().flat_map(|(_, t)| t.keys()).collect();
    let subtags_of_locales: BTreeSet<&str> = data_locales
        .iter()
        .flat_map(|l| l.split('-').skip(1))
        .collect();
    let mut codes = BTreeSet::new();
    for base in data_locales {
        codes.insert(base.clone());
        for subtag in scripts.iter().chain(&regions).chain(&variants) {
            codes.insert(format!("{base}-{subtag}"));
        }
    }
    for language in languages {
        codes.insert(language.clone());
        for subtag in &subtags_of_locales {
            codes.insert(format!("{language}-{subtag}"));
        }
    }
    codes
}

#[test]
fn names_and_checks_are_icu4x_answers() {
    let codes: Vec<String> = codes().into_iter().collect();
    assert!(codes.len() > 100_000, "{}", codes.len());
    let differences: Vec<String> = codes
        .par_iter()
        .filter_map(|code| {
            let ours = cldr::canonical(code);
            let icu4x = icu4x_canonical(code);
            if ours != icu4x {
                return Some(format!("{code}: {ours:?} ≠ ICU4X {icu4x:?}"));
            }
            let id = code.parse::<LanguageIdentifier>().ok()?;
            let ours = (cldr::own_name(&id), cldr::english_name(&id));
            let icu4x = (icu4x_own_name(&id), icu4x_english_name(&id));
            (ours != icu4x).then(|| format!("{code}: {ours:?} ≠ ICU4X {icu4x:?}"))
        })
        .collect();
    assert!(
        differences.is_empty(),
        "{} of {} codes:\n{}",
        differences.len(),
        codes.len(),
        differences[..differences.len().min(20)].join("\n")
    );
}
