//! How a language writes numbers and dates: its digits (a CLDR numbering system, BCP 47's
//! `-u-nu-` value: `latn`, `arab`, `arabext`…) and its calendar (`-u-ca-`: `gregory`,
//! `persian`, `buddhist`…). CLDR's choice for the language and its likely region, unless
//! site.toml says otherwise.

use std::sync::OnceLock;

use icu_calendar::AnyCalendarKind;
use icu_calendar::preferences::CalendarAlgorithm;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_locale_core::Locale;
use icu_locale_core::extensions::unicode::Value;
use icu_provider::IterableDataProvider;
use serde::Serialize;

/// A language's digits and calendar, by their BCP 47 names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conventions {
    pub digits: String,
    pub calendar: String,
}

impl Conventions {
    /// What CLDR chooses for the language `code` (a canonical code): the digits its numbers
    /// are written in, and the calendar of its likely region (Persian's Solar Hijri, Thai's
    /// Buddhist calendar).
    pub fn of(code: &str) -> Conventions {
        let locale = Locale::try_from_str(code).unwrap_or(Locale::UNKNOWN);
        let written = digits_written_by(&locale);
        let digits = numbering_systems()
            .iter()
            .find(|(_, digits)| Some(digits) == written.as_ref())
            .map_or("latn", |(name, _)| name.as_str())
            .to_string();
        let kind = AnyCalendarKind::try_new((&locale).into()).unwrap_or(AnyCalendarKind::Gregorian);
        let calendar = CALENDARS
            .iter()
            .find(|name| calendar_kind(name) == Some(kind))
            .unwrap_or(&"gregory")
            .to_string();
        Conventions { digits, calendar }
    }

    /// The locale ICU4X formats with: `code` with these conventions as keywords
    /// (`fa-u-ca-persian-nu-arabext`).
    pub fn locale(&self, code: &str) -> Result<Locale, String> {
        let tag = format!("{code}-u-ca-{}-nu-{}", self.calendar, self.digits);
        tag.parse()
            .map_err(|e| format!("{tag:?} is not a locale: {e}"))
    }
}

/// Every numbering system with decimal digits that ICU4X's data has, sorted by name, with
/// its digits from zero to nine (`("arabext", "۰۱۲۳۴۵۶۷۸۹")`).
pub fn numbering_systems() -> &'static [(String, String)] {
    static SYSTEMS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    SYSTEMS.get_or_init(|| {
        let mut systems: Vec<(String, String)> = Digits
            .iter_ids()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|id| {
                let name = id.marker_attributes.to_string();
                let digits = digits_of(&name)?;
                Some((name, digits))
            })
            .collect();
        systems.sort();
        systems
    })
}

/// The digits of a numbering system, zero to nine, as the language's numbers write them.
pub fn digits_of(name: &str) -> Option<String> {
    let digits = digits_written_by(&format!("und-u-nu-{name}").parse().ok()?)?;
    // ICU4X falls back to Latin digits for a system it has no data of.
    (name == "latn" || digits != "0123456789").then_some(digits)
}

/// The digits from zero to nine that ICU4X writes numbers with in `locale`.
fn digits_written_by(locale: &Locale) -> Option<String> {
    let formatter = DecimalFormatter::try_new(
        locale.into(),
        DecimalFormatterOptions::from(GroupingStrategy::Never),
    )
    .ok()?;
    let mut digits: Vec<char> = formatter
        .format(&Decimal::from(1_234_567_890))
        .to_string()
        .chars()
        .collect();
    digits.rotate_right(1);
    Some(digits.into_iter().collect())
}

/// The calendars a site can choose, by their BCP 47 names: each one ICU4X formats.
pub const CALENDARS: [&str; 16] = [
    "buddhist",
    "chinese",
    "coptic",
    "dangi",
    "ethioaa",
    "ethiopic",
    "gregory",
    "hebrew",
    "indian",
    "islamic-civil",
    "islamic-tbla",
    "islamic-umalqura",
    "iso8601",
    "japanese",
    "persian",
    "roc",
];

/// The ICU4X calendar a BCP 47 name stands for.
fn calendar_kind(name: &str) -> Option<AnyCalendarKind> {
    let value = Value::try_from_str(name).ok()?;
    let algorithm = CalendarAlgorithm::try_from(&value).ok()?;
    AnyCalendarKind::try_from(algorithm).ok()
}

/// What people call numbering systems and calendars, for the hint after a value that is not
/// one of their BCP 47 names (`persian` digits are `arabext`).
const DIGITS_CALLED: [(&str, &str); 22] = [
    ("western", "latn"),
    ("latin", "latn"),
    ("ascii", "latn"),
    ("european", "latn"),
    ("decimal", "latn"),
    ("arabic", "arab"),
    ("arabic-indic", "arab"),
    ("eastern-arabic", "arab"),
    ("persian", "arabext"),
    ("farsi", "arabext"),
    ("urdu", "arabext"),
    ("extended-arabic", "arabext"),
    ("bengali", "beng"),
    ("bangla", "beng"),
    ("devanagari", "deva"),
    ("hindi", "deva"),
    ("tamil", "tamldec"),
    ("burmese", "mymr"),
    ("myanmar", "mymr"),
    ("khmer", "khmr"),
    ("lao", "laoo"),
    ("chinese", "hanidec"),
];

const CALENDARS_CALLED: [(&str, &str); 14] = [
    ("gregorian", "gregory"),
    ("western", "gregory"),
    ("solar-hijri", "persian"),
    ("hijri-shamsi", "persian"),
    ("shamsi", "persian"),
    ("jalali", "persian"),
    ("thai", "buddhist"),
    ("thai-buddhist", "buddhist"),
    ("hijri", "islamic-umalqura"),
    ("islamic", "islamic-umalqura"),
    ("jewish", "hebrew"),
    ("ethiopian", "ethiopic"),
    ("minguo", "roc"),
    ("korean", "dangi"),
];

/// Why a value of `digits` or `calendar` is not one: the name meant, if one is close or
/// commonly called so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotKnown {
    pub meant: Option<String>,
}

/// `value` as a numbering system's name, or the one meant.
pub fn parse_digits(value: &str) -> Result<String, NotKnown> {
    let names: Vec<&'static str> = numbering_systems()
        .iter()
        .map(|(name, _)| name.as_str())
        .collect();
    parse(value, &names, &DIGITS_CALLED)
}

/// `value` as a calendar's name, or the one meant.
pub fn parse_calendar(value: &str) -> Result<String, NotKnown> {
    parse(value, &CALENDARS, &CALENDARS_CALLED)
}

fn parse(
    value: &str,
    names: &[&'static str],
    called: &[(&'static str, &'static str)],
) -> Result<String, NotKnown> {
    let written = value.trim().to_ascii_lowercase().replace([' ', '_'], "-");
    if names.contains(&written.as_str()) {
        return Ok(written);
    }
    let meant = called
        .iter()
        .find(|(name, _)| *name == written)
        .map(|(_, meant)| *meant)
        .or_else(|| crate::diagnostics::closest(&written, names))
        .map(str::to_string);
    Err(NotKnown { meant })
}

/// ICU4X's compiled digits (the macros of its data crate), here able to list the numbering
/// systems they have.
struct Digits;

const _: () = {
    use icu_decimal_data::*;
    pub mod icu {
        pub use icu_decimal as decimal;
    }
    make_provider!(Digits);
    impl_decimal_digits_v1!(Digits, ITER);
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cldr_chooses_digits_and_calendar_by_language_and_region() {
        let chosen = |code: &str| {
            let c = Conventions::of(code);
            (c.digits, c.calendar)
        };
        let pair = |d: &str, c: &str| (d.to_string(), c.to_string());
        assert_eq!(chosen("en"), pair("latn", "gregory"));
        assert_eq!(chosen("ar"), pair("latn", "gregory"));
        assert_eq!(chosen("ar-EG"), pair("arab", "gregory"));
        assert_eq!(chosen("fa"), pair("arabext", "persian"));
        assert_eq!(chosen("bn"), pair("beng", "gregory"));
        assert_eq!(chosen("th"), pair("latn", "buddhist"));
        assert_eq!(chosen("mr"), pair("deva", "gregory"));
    }

    #[test]
    fn every_numbering_system_has_its_own_ten_digits() {
        let systems = numbering_systems();
        assert!(systems.len() > 20, "{systems:?}");
        for (name, digits) in systems {
            assert_eq!(digits.chars().count(), 10, "{name}");
        }
        let find = |name: &str| systems.iter().find(|(n, _)| n == name).map(|(_, d)| d);
        assert_eq!(find("arabext").map(String::as_str), Some("۰۱۲۳۴۵۶۷۸۹"));
        assert_eq!(find("latn").map(String::as_str), Some("0123456789"));
        assert_eq!(digits_of("nonsense"), None);
    }

    #[test]
    fn every_calendar_is_one_icu4x_formats() {
        for name in CALENDARS {
            assert!(calendar_kind(name).is_some(), "{name}");
        }
    }

    #[test]
    fn values_are_read_with_the_name_meant() {
        assert_eq!(parse_digits("arabext"), Ok("arabext".into()));
        assert_eq!(parse_digits(" Latn "), Ok("latn".into()));
        let meant = |m: &str| {
            Err(NotKnown {
                meant: Some(m.to_string()),
            })
        };
        assert_eq!(parse_digits("persian"), meant("arabext"));
        assert_eq!(parse_digits("arabic"), meant("arab"));
        assert_eq!(parse_digits("bneg"), meant("beng"));
        assert_eq!(parse_digits("roman"), Err(NotKnown { meant: None }));
        assert_eq!(
            parse_calendar("Islamic-Umalqura"),
            Ok("islamic-umalqura".into())
        );
        assert_eq!(parse_calendar("gregorian"), meant("gregory"));
        assert_eq!(parse_calendar("Solar Hijri"), meant("persian"));
        assert_eq!(parse_calendar("persain"), meant("persian"));
        assert_eq!(parse_calendar("mayan"), Err(NotKnown { meant: None }));
    }
}
