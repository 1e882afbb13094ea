//! CLDR's long dates and plural rules of a language, through ICU4X: what translations format
//! with (`DATETIME()`, `PLURAL()`) and what site.toml's languages are checked against.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};

/// Formats the long date and plural category of one language with CLDR data.
pub struct LocaleData {
    dates: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    plurals: PluralRules,
    /// French writes the first day of a month as an ordinal ("1er janvier"), which CLDR's
    /// patterns cannot say. French typography: the first of a month is an ordinal (`1er`), and a date never
    /// breaks across lines (no-break spaces between its parts).
    french: bool,
}

impl LocaleData {
    pub fn new(code: &str) -> Result<LocaleData, String> {
        let locale: Locale = code
            .parse()
            .map_err(|e| format!("{code:?} is not a locale: {e}"))?;
        let dates = FixedCalendarDateTimeFormatter::try_new(locale.clone().into(), YMD::long())
            .map_err(|e| format!("no CLDR date format for {code}: {e}"))?;
        // For a language it has no data of, ICU4X falls back to CLDR's root locale, whose
        // dates read "2026 M01 15" and whose plural rules know only `other`. Its data covers
        // the same languages for both, so the dates tell.
        let root = FixedCalendarDateTimeFormatter::try_new(Locale::UNKNOWN.into(), YMD::long())
            .map_err(|e| format!("no CLDR root date format: {e}"))?;
        if let Ok(probe) = Date::try_new_gregorian(2026, 1, 15)
            && dates.format(&probe).to_string() == root.format(&probe).to_string()
        {
            return Err(format!(
                "CLDR has no plural rules or dates for {code}: ICU4X would fall back to its \
                 root locale (dates such as \"{}\")",
                root.format(&probe)
            ));
        }
        let french = locale.id.language.as_str() == "fr";
        let plurals = PluralRules::try_new_cardinal(locale.into())
            .map_err(|e| format!("no CLDR plural rules for {code}: {e}"))?;
        Ok(LocaleData {
            dates,
            plurals,
            french,
        })
    }

    pub fn long_date(&self, date: NaiveDate) -> String {
        // chrono dates always fit the ISO calendar ICU expects.
        let month = date.month() as u8;
        let day = date.day() as u8;
        let formatted = match Date::try_new_gregorian(date.year(), month, day) {
            Ok(date) => self.dates.format(&date).to_string(),
            Err(_) => return date.to_string(),
        };
        if !self.french {
            return formatted;
        }
        let formatted = match formatted.strip_prefix("1 ") {
            Some(rest) if day == 1 => format!("1er {rest}"),
            _ => formatted,
        };
        formatted.replace(' ', "\u{a0}")
    }

    pub fn plural_category(&self, n: f64) -> &'static str {
        let category = if n.fract() == 0.0 && n.abs() < 1e15 {
            self.plurals.category_for(n as i64)
        } else {
            // Fractional counts never reach the notice; CLDR's `other` is their safe reading.
            PluralCategory::Other
        };
        category_name(category)
    }
}

/// The name of a plural category, as Fluent variant keys write it.
pub fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// Every plural form CLDR gives the language, for any number.
pub fn all_plural_forms(code: &str) -> BTreeSet<&'static str> {
    Locale::try_from_str(code)
        .ok()
        .and_then(|l| PluralRules::try_new_cardinal(l.into()).ok())
        .map(|rules| rules.categories().map(category_name).collect())
        .unwrap_or_default()
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
