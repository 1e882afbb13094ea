//! CLDR's display names, from `names.txt` (ICU4X's compiled data, cut to what `cldr` reads and
//! checked against it by tests/suite/cldr_names.rs), each table found for a language code as ICU4X
//! finds its data: the code's own locale, then its fallbacks (`de-CH-1996` → `de-CH` → `de`,
//! `nb` → `no`). A text file rather than ICU4X's experimental display-names crate: that crate
//! and what only it needed were about a sixth of a fresh build's compile time.

use std::collections::HashMap;
use std::sync::OnceLock;

use icu_locale::LocaleFallbacker;
use icu_locale::fallback::LocaleFallbackConfig;
use icu_locale_core::LanguageIdentifier;
use icu_locale_core::preferences::LocalePreferences;
use icu_provider::DataLocale;
use memchr::memmem;

const NAMES: &str = include_str!("names.txt");

/// What a table names, by its codes: languages (`de`), a language with its script or region
/// (`zh-Hant`, `en-GB`: the locale names CLDR has for some), scripts, regions and variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Kind {
    Language,
    Locale,
    Script,
    Region,
    Variant,
}

impl Kind {
    fn from_header(word: &str) -> Kind {
        match word {
            "language" => Kind::Language,
            "locale" => Kind::Locale,
            "script" => Kind::Script,
            "region" => Kind::Region,
            "variant" => Kind::Variant,
            _ => panic!("names.txt has a table of {word:?}"),
        }
    }
}

/// One table's lines, a code, a tab and its name each, after the newline that ends its header.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Table(&'static str);

impl Table {
    pub(super) fn get(self, code: &str) -> Option<&'static str> {
        let line = format!("\n{code}\t");
        let name = &self.0[memmem::find(self.0.as_bytes(), line.as_bytes())? + line.len()..];
        Some(name.split_once('\n').map_or(name, |(name, _)| name))
    }
}

/// The locales whose tables ICU4X reads for `id`, in its order: `id`'s own, then its fallbacks.
pub(super) fn locales(id: &LanguageIdentifier) -> Vec<DataLocale> {
    let own = LocalePreferences::from(id).to_data_locale_language_priority();
    let mut locales = vec![own];
    let mut fallbacks = LocaleFallbacker::new()
        .for_config(LocaleFallbackConfig::default())
        .fallback_for(own);
    loop {
        locales.push(*fallbacks.get());
        if fallbacks.get().is_unknown() {
            return locales;
        }
        fallbacks.step();
    }
}

/// The table of `kind` of the first of `locales` CLDR has one for, or an empty one when none
/// has (CLDR has names of languages in Urdu but none of variants).
pub(super) fn table(kind: Kind, locales: &[DataLocale]) -> Table {
    let tables = index();
    locales
        .iter()
        .find_map(|locale| tables.get(&(kind, *locale)).copied())
        .unwrap_or_default()
}

/// Where each locale's table of each kind is in names.txt, found once: a table starts with a
/// `[kind locale…]` line and runs to the next.
fn index() -> &'static HashMap<(Kind, DataLocale), Table> {
    static INDEX: OnceLock<HashMap<(Kind, DataLocale), Table>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let starts: Vec<usize> = memmem::find_iter(NAMES.as_bytes(), "\n[")
            .map(|newline| newline + 1)
            .chain([NAMES.len()])
            .collect();
        let mut index = HashMap::new();
        for section in starts.windows(2).map(|w| &NAMES[w[0]..w[1]]) {
            let header_end = section.find('\n').unwrap_or(section.len());
            let (header, lines) = section.split_at(header_end);
            let mut words = header
                .strip_prefix('[')
                .and_then(|h| h.strip_suffix(']'))
                .expect("a names.txt table starts with [kind locale…]")
                .split(' ');
            let kind = Kind::from_header(words.next().unwrap_or_default());
            for locale in words {
                let locale = locale.parse().expect("names.txt names its tables' locales");
                index.insert((kind, locale), Table(lines));
            }
        }
        index
    })
}
