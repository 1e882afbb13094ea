//! CLDR's long dates, numbers and plural rules of a language, through ICU4X: what
//! translations format with (`DATETIME()`, numbers, `PLURAL()`) and what site.toml's
//! languages are checked against.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use icu_calendar::{Date, Gregorian};
use icu_datetime::fieldsets::YMD;
use icu_datetime::{DateTimeFormatter, FixedCalendarDateTimeFormatter};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};

use super::Conventions;

/// Formats the long dates, numbers and plural categories of one language with CLDR data, in
/// its digits and calendar.
pub struct LocaleData {
    dates: DateTimeFormatter<YMD>,
    /// Numbers with the language's grouping (`12,34,567` in Bengali), and without.
    grouped: DecimalFormatter,
    ungrouped: DecimalFormatter,
    plurals: PluralRules,
    /// French writes the first day of a month as an ordinal ("1er janvier"), which CLDR's
    /// patterns cannot say. French typography: the first of a month is an ordinal (`1er`), and a date never
    /// breaks across lines (no-break spaces between its parts).
    french: bool,
}

impl LocaleData {
    /// The data of the language `code` (canonical) written with `conventions`, or why CLDR
    /// has none.
    pub fn new(code: &str, conventions: &Conventions) -> Result<LocaleData, String> {
        let plain: Locale = code
            .parse()
            .map_err(|e| format!("{code:?} is not a locale: {e}"))?;
        has_own_data(&plain, code)?;
        let locale = conventions.locale(code)?;
        let dates = DateTimeFormatter::try_new((&locale).into(), YMD::long())
            .map_err(|e| format!("no CLDR date format for {code}: {e}"))?;
        let numbers = |grouping: GroupingStrategy| {
            DecimalFormatter::try_new((&locale).into(), DecimalFormatterOptions::from(grouping))
                .map_err(|e| format!("no CLDR number format for {code}: {e}"))
        };
        let french = plain.id.language.as_str() == "fr";
        let plurals = PluralRules::try_new_cardinal(plain.into())
            .map_err(|e| format!("no CLDR plural rules for {code}: {e}"))?;
        Ok(LocaleData {
            dates,
            grouped: numbers(GroupingStrategy::Auto)?,
            ungrouped: numbers(GroupingStrategy::Never)?,
            plurals,
            french,
        })
    }

    /// `date` (a day of the ISO calendar) as the language's long date, in its calendar.
    pub fn long_date(&self, date: NaiveDate) -> String {
        // chrono dates always fit the ISO calendar ICU expects.
        let month = date.month() as u8;
        let day = date.day() as u8;
        let formatted = match Date::try_new_iso(date.year(), month, day) {
            Ok(date) => self.dates.format(&date).to_string(),
            Err(_) => return date.to_string(),
        };
        if !self.french {
            return formatted;
        }
        // The first of a month in the language's calendar, whichever day of the ISO one.
        let formatted = match formatted.strip_prefix("1 ") {
            Some(rest) => format!("1er {rest}"),
            None => formatted,
        };
        formatted.replace(' ', "\u{a0}")
    }

    /// `number` in the language's digits, with its separators, grouped or not.
    pub fn number(&self, number: &Decimal, grouping: bool) -> String {
        match grouping {
            true => self.grouped.format(number).to_string(),
            false => self.ungrouped.format(number).to_string(),
        }
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

/// Whether CLDR has dates and plural rules of the language `locale` itself. For a language
/// it has no data of, ICU4X falls back to CLDR's root locale, whose dates read "2026 M01 15"
/// and whose plural rules know only `other`. Its data covers the same languages for both, so
/// the dates tell.
fn has_own_data(locale: &Locale, code: &str) -> Result<(), String> {
    let long_date = |locale: &Locale| {
        FixedCalendarDateTimeFormatter::<Gregorian, YMD>::try_new(locale.into(), YMD::long())
            .map_err(|e| format!("no CLDR date format for {code}: {e}"))
    };
    let dates = long_date(locale)?;
    let root = long_date(&Locale::UNKNOWN)?;
    if let Ok(probe) = Date::try_new_gregorian(2026, 1, 15)
        && dates.format(&probe).to_string() == root.format(&probe).to_string()
    {
        return Err(format!(
            "CLDR has no plural rules or dates for {code}: ICU4X would fall back to its \
             root locale (dates such as \"{}\")",
            root.format(&probe)
        ));
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn data(code: &str) -> LocaleData {
        LocaleData::new(code, &Conventions::of(code)).unwrap()
    }

    #[test]
    fn fractional_counts_take_the_other_form() {
        let english = data("en");
        assert_eq!(english.plural_category(1.0), "one");
        assert_eq!(english.plural_category(1.5), "other");
        assert_eq!(english.plural_category(2.0), "other");
    }

    #[test]
    fn long_dates_in_five_languages() {
        let date = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        let got: Vec<_> = ["en", "fr", "tr", "id", "ar"]
            .iter()
            .map(|c| data(c).long_date(date))
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
        let fr = data("fr");
        let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        // No line breaks inside a French date: its spaces are no-break spaces.
        assert_eq!(fr.long_date(first), "1er\u{a0}janvier\u{a0}2026");
        let eleventh = NaiveDate::from_ymd_opt(2026, 1, 11).unwrap();
        assert_eq!(fr.long_date(eleventh), "11\u{a0}janvier\u{a0}2026");
        assert_eq!(data("tr").long_date(first), "1 Ocak 2026");
    }

    #[test]
    fn languages_without_cldr_data_of_their_own_are_refused() {
        let date = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        let long_date =
            |code| LocaleData::new(code, &Conventions::of(code)).map(|data| data.long_date(date));
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
}
