//! What translations call, and how the numbers they show are written. fluent-bundle gets
//! these wrong or not at all, so they come from ICU4X, with the language's CLDR data:
//! - `PLURAL($n)` gives the CLDR plural category of a number as a string selector. Fluent's own
//!   number selectors use CLDR 37 rules, which put Arabic 103 and 111 in `other` instead of
//!   `few` and `many`.
//! - `DATETIME($date)` formats an ISO date (`2026-01-15`) as the language's long date, in its
//!   calendar and digits.
//! - Numbers: fluent-bundle writes them in Latin digits, ungrouped. Every number a message
//!   shows (a variable, a literal, what `NUMBER()` returns) is written by `icu_decimal` in the
//!   language's digits, with `NUMBER()`'s options, so that a sentence never mixes two digit
//!   systems. The value stays a number, which plural selection reads.

use std::cell::RefCell;
use std::sync::Arc;

use chrono::NaiveDate;
use fixed_decimal::{Decimal, SignedRoundingMode, UnsignedRoundingMode};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::{FluentNumber, FluentNumberStyle};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::cldr::LocaleData;

/// The functions translations may call, each with what it takes: a failed call shows in the
/// text as `NAME()`, and the diagnostic says what the function needed.
pub(super) const FUNCTIONS: [(&str, &str); 3] = [
    ("PLURAL", "PLURAL() takes a number"),
    ("DATETIME", "DATETIME() takes a date like 2026-01-15"),
    (
        "NUMBER",
        "NUMBER() takes a number, with the options useGrouping, minimumIntegerDigits, \
         minimumFractionDigits, maximumFractionDigits, minimumSignificantDigits and \
         maximumSignificantDigits (not style \"percent\" or \"currency\")",
    ),
];

thread_local! {
    /// The CLDR data of the language whose message this thread is formatting. fluent-bundle's
    /// number formatter is a plain `fn` that gets only the bundle's memoizer, whose language
    /// (a `unic_langid` identifier) cannot hold the `-u-nu-` keyword of site.toml's digits;
    /// [`formatting_in`] sets it for one `format_pattern`, which runs on its caller's thread.
    static FORMATTING: RefCell<Option<Arc<LocaleData>>> = const { RefCell::new(None) };
}

/// Runs `format` (a `format_pattern` of a bundle of the language `data` is of), writing its
/// numbers with `data`.
pub(super) fn formatting_in<T>(data: &Arc<LocaleData>, format: impl FnOnce() -> T) -> T {
    let outer = FORMATTING.with(|current| current.replace(Some(data.clone())));
    let result = format();
    FORMATTING.with(|current| current.replace(outer));
    result
}

/// Registers `PLURAL`, `DATETIME` and `NUMBER` with the language's `data`, and the writer of
/// its numbers.
pub(super) fn register(bundle: &mut FluentBundle<FluentResource>, data: &Arc<LocaleData>) {
    let plural_data = data.clone();
    let date_data = data.clone();
    // The names are fresh in an empty bundle, so registration cannot collide.
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
    let _ = bundle.add_function("NUMBER", number_function);
    bundle.set_formatter(Some(write_number));
}

/// `NUMBER($n, option: value…)`: the number with Fluent's options, which [`write_number`]
/// applies. Percentages and currencies need formatters ICU4X has only as experiments: they
/// are refused rather than written as plain numbers.
fn number_function<'a>(positional: &[FluentValue<'a>], named: &FluentArgs) -> FluentValue<'a> {
    let Some(FluentValue::Number(number)) = positional.first() else {
        return FluentValue::Error;
    };
    let mut number = number.clone();
    number.options.merge(named);
    if number.options.style != FluentNumberStyle::Decimal || number.options.currency.is_some() {
        return FluentValue::Error;
    }
    FluentValue::Number(number)
}

/// A number as the language of the message being formatted writes it (see [`FORMATTING`]);
/// other values as fluent-bundle writes them.
fn write_number<M>(value: &FluentValue, _: &M) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let decimal = decimal_of(number)?;
    FORMATTING.with(|current| {
        current
            .borrow()
            .as_ref()
            .map(|data| data.number(&decimal, number.options.use_grouping))
    })
}

/// The digits a number shows with its options, as ECMA-402 (which Fluent follows) rounds
/// and pads them: significant digits when given, else fraction digits; then the integer
/// digits. `None` for infinities and NaN.
fn decimal_of(number: &FluentNumber) -> Option<Decimal> {
    // Rust writes a finite f64 as the shortest decimal that reads back the same, without
    // an exponent.
    let mut decimal = Decimal::try_from_str(&number.value.to_string()).ok()?;
    let options = &number.options;
    // ECMA-402's limits: 21 integer and significant digits, 100 fraction digits.
    let count = |n: usize, max: usize| n.clamp(1, max) as i16;
    let half_expand = SignedRoundingMode::Unsigned(UnsignedRoundingMode::HalfExpand);
    let top = |d: &Decimal| d.absolute.nonzero_magnitude_start();
    if options.minimum_significant_digits.is_some() || options.maximum_significant_digits.is_some()
    {
        if let Some(max) = options.maximum_significant_digits {
            decimal.round_with_mode(top(&decimal) - count(max, 21) + 1, half_expand);
            decimal.absolute.trim_end();
        }
        if let Some(min) = options.minimum_significant_digits {
            let at = top(&decimal) - count(min, 21) + 1;
            decimal.absolute.pad_end(at.min(0));
        }
    } else {
        if let Some(max) = options.maximum_fraction_digits {
            decimal.round_with_mode(-(max.min(100) as i16), half_expand);
            decimal.absolute.trim_end();
        }
        if let Some(min) = options.minimum_fraction_digits {
            decimal.absolute.pad_end(-(min.min(100) as i16));
        }
    }
    if let Some(min) = options.minimum_integer_digits {
        decimal.absolute.pad_start(count(min, 21));
    }
    Some(decimal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cldr::Conventions;

    fn data(code: &str) -> Arc<LocaleData> {
        Arc::new(LocaleData::new(code, &Conventions::of(code)).unwrap())
    }

    /// `ftl`'s message `x` in the language `code`, with `$n` = `n`.
    fn formatted(code: &str, ftl: &str, n: f64) -> String {
        let data = data(code);
        let mut bundle = FluentBundle::new_concurrent(vec![code.parse().unwrap()]);
        bundle.set_use_isolating(false);
        register(&mut bundle, &data);
        bundle
            .add_resource(FluentResource::try_new(ftl.to_string()).unwrap())
            .unwrap();
        let pattern = bundle.get_message("x").unwrap().value().unwrap();
        let mut args = FluentArgs::new();
        args.set("n", n);
        let mut errors = Vec::new();
        let text = formatting_in(&data, || {
            bundle.format_pattern(pattern, Some(&args), &mut errors)
        });
        assert!(errors.is_empty(), "{errors:?}");
        text.into_owned()
    }

    #[test]
    fn numbers_are_written_in_the_languages_digits_with_its_grouping() {
        let x = "x = { $n }";
        assert_eq!(formatted("en", x, 1234567.5), "1,234,567.5");
        assert_eq!(formatted("ar-EG", x, 541.0), "٥٤١");
        assert_eq!(formatted("fa", x, 1234.0), "۱٬۲۳۴");
        assert_eq!(formatted("bn", x, 1234567.0), "১২,৩৪,৫৬৭");
        assert_eq!(formatted("th", x, 541.0), "541");
        assert_eq!(formatted("fr", x, -1234.5), "-1\u{202f}234,5");
        // Literals too, with the fraction digits they are written with.
        assert_eq!(formatted("fa", "x = { 1.50 } { $n }", 3.0), "۱٫۵۰ ۳");
    }

    #[test]
    fn number_options_round_and_pad_as_ecma_402_does() {
        let cases = [
            ("NUMBER($n, minimumIntegerDigits: 2)", 7.0, "٠٧"),
            ("NUMBER($n, useGrouping: \"false\")", 2026.0, "٢٠٢٦"),
            ("NUMBER($n)", 2026.0, "٢٬٠٢٦"),
            ("NUMBER($n, maximumFractionDigits: 1)", 2.25, "٢٫٣"),
            ("NUMBER($n, maximumFractionDigits: 2)", 1.5, "١٫٥"),
            ("NUMBER($n, minimumFractionDigits: 2)", 1.5, "١٫٥٠"),
            ("NUMBER($n, maximumSignificantDigits: 2)", 1234.0, "١٬٢٠٠"),
            ("NUMBER($n, maximumSignificantDigits: 2)", 9.96, "١٠"),
            ("NUMBER($n, minimumSignificantDigits: 3)", 5.0, "٥٫٠٠"),
        ];
        for (call, n, expected) in cases {
            assert_eq!(
                formatted("ar-EG", &format!("x = {{ {call} }}"), n),
                expected,
                "{call} of {n}"
            );
        }
    }

    #[test]
    fn plural_forms_are_chosen_on_the_value_not_its_digits() {
        let ftl = "x = { PLURAL($n) ->\n    [zero] zero {$n}\n    [one] one {$n}\n    [two] two {$n}\n    [few] few {$n}\n    [many] many {$n}\n   *[other] other {$n}\n}\n";
        let got: Vec<String> = [0.0, 1.0, 2.0, 3.0, 11.0, 103.0, 111.0]
            .iter()
            .map(|n| formatted("ar-EG", ftl, *n))
            .collect();
        assert_eq!(
            got,
            [
                "zero ٠",
                "one ١",
                "two ٢",
                "few ٣",
                "many ١١",
                "few ١٠٣",
                "many ١١١"
            ]
        );
        let selected_by_fluent =
            "x = { $n ->\n    [0] none\n    [one] one {$n}\n   *[other] {$n}\n}\n";
        assert_eq!(formatted("fa", selected_by_fluent, 0.0), "none");
        assert_eq!(formatted("fa", selected_by_fluent, 12.0), "۱۲");
    }

    #[test]
    fn percentages_and_currencies_are_refused() {
        let data = data("en");
        for call in [
            "NUMBER($n, style: \"percent\")",
            "NUMBER($n, currency: \"EUR\")",
            "NUMBER(\"x\")",
        ] {
            let mut bundle = FluentBundle::new_concurrent(vec!["en".parse().unwrap()]);
            bundle.set_use_isolating(false);
            register(&mut bundle, &data);
            let ftl = format!("x = {{ {call} }}");
            bundle
                .add_resource(FluentResource::try_new(ftl).unwrap())
                .unwrap();
            let pattern = bundle.get_message("x").unwrap().value().unwrap();
            let mut args = FluentArgs::new();
            args.set("n", 0.5);
            let text = bundle.format_pattern(pattern, Some(&args), &mut Vec::new());
            assert_eq!(text, "NUMBER()", "{call}");
        }
    }
}
