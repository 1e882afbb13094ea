//! Each language's digits and calendar, as CLDR chooses them or site.toml says, on
//! `tests/fixtures/digits`: a new site in English, Egyptian Arabic (Arabic-Indic digits),
//! Persian (Persian digits, the Solar Hijri calendar), Bengali (Bengali digits) and Thai
//! (Western digits, the Buddhist calendar), last day 2026-01-15 in UTC, each reader's day,
//! with the default theme.

use std::collections::BTreeSet;

use crate::common::{SiteTest, between, carried_by_key, plain, visible_body};

const PAGES: [&str; 3] = ["", "faq/", "save-photos/"];

/// Each language with the digits it writes numbers in.
const DIGITS: [(&str, &str); 5] = [
    ("en", "latn"),
    ("ar-EG", "arab"),
    ("fa", "arabext"),
    ("bn", "beng"),
    ("th", "latn"),
];

/// The numbering systems of the digits in `text`, by their CLDR names (`other` for digits of
/// none of the fixture's).
fn digit_systems(text: &str) -> BTreeSet<&'static str> {
    text.chars()
        .filter(|c| c.is_numeric())
        .map(|c| match c {
            '0'..='9' => "latn",
            '\u{660}'..='\u{669}' => "arab",
            '\u{6f0}'..='\u{6f9}' => "arabext",
            '\u{9e6}'..='\u{9ef}' => "beng",
            '\u{e50}'..='\u{e59}' => "thai",
            _ => "other",
        })
        .collect()
}

/// What a reader of the page reads: its body as text, without scripts (the structured data
/// and what is carried for later days, which machines read) and styles.
fn reader_text(html: &str) -> String {
    let mut body = visible_body(html).to_string();
    for (open, close) in [("<script", "</script>"), ("<style", "</style>")] {
        while let Some(start) = body.find(open) {
            let end = body[start..]
                .find(close)
                .map_or(body.len(), |e| start + e + close.len());
            body.replace_range(start..end, "");
        }
    }
    plain(&body)
}

fn status_headline(html: &str) -> String {
    let h2 = between(html, "<h2 id=\"status-heading\"", "</h2>");
    plain(&h2[h2.find('>').unwrap() + 1..])
}

fn end_date_shown(html: &str) -> String {
    between(html, "<time datetime=\"2026-01-15\">", "</time>").to_string()
}

/// Every page of every language, before the end, on the last day and after it, and on days
/// that start on either side of UTC, shows its count and its dates in one set of digits: the
/// language's.
#[test]
fn every_page_shows_its_count_and_dates_in_the_languages_digits() {
    let site = SiteTest::fixture_with_default_theme("digits");
    for now in [
        "2026-01-05",
        "2026-01-14T21:00:00-05:00",
        "2026-01-15T08:00:00+09:00",
        "2026-01-15",
        "2026-01-20",
    ] {
        site.build_at(now);
        for (lang, digits) in DIGITS {
            for page in PAGES {
                let html = site.output(&format!("{lang}/{page}index.html"));
                let text = reader_text(&html);
                assert_eq!(
                    digit_systems(&text),
                    BTreeSet::from([digits]),
                    "{lang}/{page} at {now}:\n{text}"
                );
            }
        }
    }
}

#[test]
fn the_count_and_the_dates_read_as_each_language_writes_them() {
    let site = SiteTest::fixture_with_default_theme("digits");
    site.build_at("2026-01-05");
    let expected = [
        (
            "en",
            "10 days left",
            "January 15, 2026",
            "As of January 5, 2026.",
        ),
        (
            "ar-EG",
            "بقي ١٠ أيام",
            "١٥ يناير ٢٠٢٦",
            "(محسوب في ٥ يناير ٢٠٢٦)",
        ),
        ("fa", "۱۰ روز مانده", "۲۵ دی ۱۴۰۴", "(به تاریخ ۱۵ دی ۱۴۰۴)"),
        (
            "bn",
            "আর ১০ দিন বাকি",
            "১৫ জানুয়ারি, ২০২৬",
            "(৫ জানুয়ারি, ২০২৬ অনুযায়ী)",
        ),
        (
            "th",
            "เหลืออีก 10 วัน",
            "15 มกราคม 2569",
            "(ข้อมูล ณ วันที่ 5 มกราคม 2569)",
        ),
    ];
    for (lang, count, end, as_of) in expected {
        for page in PAGES {
            let html = site.output(&format!("{lang}/{page}index.html"));
            assert_eq!(status_headline(&html), count, "{lang}/{page}");
            assert_eq!(end_date_shown(&html), end, "{lang}/{page}");
            assert_eq!(
                plain(between(&html, "<p class=\"status-as-of\">", "</p>")),
                as_of,
                "{lang}/{page}"
            );
        }
    }
    // The page's own date (its last update) and a date of site.toml's [dates], each in the
    // language's calendar: 1 December 2025 is 10 Azar 1404, and 2568 in the Buddhist era.
    let footer = |lang: &str| {
        plain(between(
            &site.output(&format!("{lang}/save-photos/index.html")),
            "<p class=\"updated\">",
            "</p>",
        ))
    };
    assert_eq!(footer("fa"), "آخرین به‌روزرسانی: ۱۰ آذر ۱۴۰۴");
    assert_eq!(footer("th"), "อัปเดตล่าสุดเมื่อ 1 ธันวาคม 2568");
    assert_eq!(footer("ar-EG"), "آخر تحديث في ١ ديسمبر ٢٠٢٥");
    let notice = reader_text(&site.output("fa/index.html"));
    assert!(
        notice.contains("پایان آن در ۲۹ مهر ۱۴۰۴ اعلام شد."),
        "announced on 21 October 2025:\n{notice}"
    );
    // After the end, the date the service ended on.
    site.build_at("2026-01-20");
    let ended = reader_text(&site.output("th/index.html"));
    assert!(
        ended.contains("Acme Photos ยุติบริการเมื่อวันที่ 15 มกราคม 2569"),
        "{ended}"
    );
    let ended = reader_text(&site.output("fa/index.html"));
    assert!(
        ended.contains("سرویس Acme Photos در ۲۵ دی ۱۴۰۴ به پایان رسید."),
        "{ended}"
    );
}

/// Plural forms are chosen on the count's value, whatever its digits: Arabic's six forms
/// (103 is `few` and 111 `many`, which fluent-bundle's own rules get wrong), Persian's and
/// Bengali's `one` and `other`.
#[test]
fn plural_forms_follow_the_count_not_its_digits() {
    let site = SiteTest::fixture_with_default_theme("digits");
    let cases = [
        ("2026-01-14", "ar-EG", "بقي يوم واحد"),
        ("2026-01-13", "ar-EG", "بقي يومان"),
        ("2026-01-05", "ar-EG", "بقي ١٠ أيام"),
        ("2025-10-07", "ar-EG", "بقي ١٠٠ يوم"),
        ("2025-10-04", "ar-EG", "بقي ١٠٣ أيام"),
        ("2025-09-26", "ar-EG", "بقي ١١١ يومًا"),
        ("2026-01-14", "fa", "۱ روز مانده"),
        ("2025-09-26", "fa", "۱۱۱ روز مانده"),
        ("2026-01-14", "bn", "আর ১ দিন বাকি"),
        ("2026-01-14", "en", "1 day left"),
        ("2025-09-26", "en", "111 days left"),
    ];
    for (now, lang, headline) in cases {
        site.build_at(now);
        let html = site.output(&format!("{lang}/index.html"));
        assert_eq!(status_headline(&html), headline, "{lang} at {now}");
    }
    // A count of a thousand or more is grouped as the language groups it.
    site.build_at("2023-04-21");
    assert_eq!(
        status_headline(&site.output("bn/index.html")),
        "আর ১,০০০ দিন বাকি"
    );
    assert_eq!(
        status_headline(&site.output("fa/index.html")),
        "۱٬۰۰۰ روز مانده"
    );
}

/// What machines read stays ISO and ASCII: the status element's data, `datetime`, the
/// later readings' keys and instants, the structured data's positions, notice.json and the
/// calendar file's fields.
#[test]
fn what_machines_read_stays_ascii() {
    let site = SiteTest::fixture_with_default_theme("digits");
    site.build_at("2026-01-05");
    for (lang, _) in DIGITS {
        for page in PAGES {
            let html = site.output(&format!("{lang}/{page}index.html"));
            let status = between(&html, "<section class=\"status\" ", ">");
            assert!(status.contains("data-days-left=\"10\""), "{lang}: {status}");
            assert!(
                status.contains("data-last-day=\"2026-01-15T00:00:00Z\""),
                "{lang}: {status}"
            );
            assert!(html.contains("<time datetime=\"2026-01-15\">"), "{lang}");
            for attribute in [
                "data-days-left=",
                "datetime=",
                "data-next-change=",
                "data-last-day=",
                "data-key=",
                "data-milestones=",
            ] {
                for value in html.split(attribute).skip(1) {
                    let value = between(value, "\"", "\"");
                    assert!(value.is_ascii(), "{lang}/{page}: {attribute}{value:?}");
                }
            }
        }
        let steps = site.output(&format!("{lang}/save-photos/index.html"));
        let structured = between(&steps, "<script type=\"application/ld+json\">", "</script>");
        assert!(structured.contains("\"position\":3"), "{structured}");
        let ics = site.output(&format!("{lang}/remind-me.ics"));
        for field in ["DTSTART;VALUE=DATE:20260115", "DTEND;VALUE=DATE:20260116"] {
            assert!(ics.contains(field), "{lang}: {ics}");
        }
    }
    let notice = site.output("notice.json");
    assert!(notice.is_ascii(), "{notice}");
    assert!(notice.contains("\"days_left\": 10"), "{notice}");
    // A calendar's reader reads the event's text in the language, digits and calendar.
    let ics = site.output("fa/remind-me.ics").replace("\r\n ", "");
    assert!(ics.contains("پس از ۲۵ دی ۱۴۰۴ کار نمی‌کند"), "{ics}");
}

/// A page read on a later day than it was built for shows what its script carries for that
/// day: rendered by the build, in the same digits and calendar as the page.
#[test]
fn what_a_page_carries_for_later_days_is_in_the_languages_digits() {
    let site = SiteTest::fixture_with_default_theme("digits");
    site.build_at("2026-01-05");
    let cases = [
        ("fa", "u9", "۹ روز مانده", "(به تاریخ ۱۶ دی ۱۴۰۴)"),
        ("ar-EG", "u9", "بقي ٩ أيام", "(محسوب في ٦ يناير ٢٠٢٦)"),
        ("bn", "u9", "আর ৯ দিন বাকি", "(৬ জানুয়ারি, ২০২৬ অনুযায়ী)"),
        ("th", "u9", "เหลืออีก 9 วัน", "(ข้อมูล ณ วันที่ 6 มกราคม 2569)"),
        ("fa", "e", "سرویس Acme Photos به پایان رسید", ""),
    ];
    for (lang, key, headline, as_of) in cases {
        let html = site.output(&format!("{lang}/index.html"));
        let (_, body) =
            carried_by_key(&html, key).unwrap_or_else(|| panic!("{lang} carries no {key}"));
        let page = format!("<body>{body}</body>");
        assert_eq!(status_headline(&page), headline, "{lang} {key}");
        if !as_of.is_empty() {
            assert_eq!(
                plain(between(&page, "<p class=\"status-as-of\">", "</p>")),
                as_of,
                "{lang} {key}"
            );
        }
        let digits = DIGITS.iter().find(|(l, _)| *l == lang).unwrap().1;
        assert_eq!(
            digit_systems(&reader_text(&page)),
            BTreeSet::from([digits]),
            "{lang} {key}"
        );
    }
}

/// Numbered steps and the table of contents are ordered lists: their markers are CSS's, in
/// the page language's digits where those are not Western ones.
#[test]
fn ordered_lists_are_numbered_in_the_languages_digits() {
    let site = SiteTest::fixture_with_default_theme("digits");
    site.build_at("2026-01-05");
    let expected = [
        (
            "ar-EG",
            Some("<style>:lang(ar-EG) ol{list-style-type:arabic-indic}</style>"),
        ),
        (
            "fa",
            Some("<style>:lang(fa) ol{list-style-type:persian}</style>"),
        ),
        (
            "bn",
            Some("<style>:lang(bn) ol{list-style-type:bengali}</style>"),
        ),
        ("th", None),
        ("en", None),
    ];
    for (lang, style) in expected {
        for page in PAGES {
            let html = site.output(&format!("{lang}/{page}index.html"));
            let head = between(&html, "<head>", "</head>");
            match style {
                Some(style) => assert!(head.contains(style), "{lang}/{page}:\n{head}"),
                None => assert!(!head.contains("list-style-type"), "{lang}/{page}"),
            }
        }
    }
    let steps = site.output("fa/save-photos/index.html");
    assert!(
        between(&steps, "<div class=\"content steps\">", "</div>").contains("<ol>"),
        "{steps}"
    );
}

/// The team decides: `digits` and `calendar` in a language's table replace CLDR's choice,
/// in the count, the dates and the list markers alike.
#[test]
fn a_site_sets_a_languages_digits_and_calendar() {
    let site = SiteTest::fixture_with_default_theme("digits");
    site.edit(
        "site.toml",
        "code = \"fa\"\n",
        "code = \"fa\"\ndigits = \"latn\"\ncalendar = \"gregory\"\n",
    );
    site.edit(
        "site.toml",
        "code = \"th\"\n",
        "code = \"th\"\ndigits = \"thai\"\n",
    );
    site.build_at("2026-01-05");
    let fa = site.output("fa/index.html");
    assert_eq!(status_headline(&fa), "10 روز مانده");
    assert_eq!(end_date_shown(&fa), "15 ژانویه 2026");
    assert!(
        !fa.contains("list-style-type"),
        "Western digits need no style"
    );
    let th = site.output("th/save-photos/index.html");
    assert_eq!(status_headline(&th), "เหลืออีก ๑๐ วัน");
    assert_eq!(end_date_shown(&th), "๑๕ มกราคม ๒๕๖๙");
    assert!(
        th.contains("<style>:lang(th) ol{list-style-type:thai}</style>"),
        "{th}"
    );
    assert_eq!(
        digit_systems(&reader_text(&th)),
        BTreeSet::from(["thai"]),
        "{}",
        reader_text(&th)
    );
}

/// A value that names no numbering system or calendar is an error at its line, with the
/// name meant; keywords in the code are pointed to the settings.
#[test]
fn an_unknown_digits_or_calendar_is_located_with_the_name_meant() {
    let cases = [
        (
            "code = \"fa\"\ndigits = \"persian\"\n",
            "site.toml:27:10",
            "unknown digits \"persian\"",
            "did you mean digits = \"arabext\"?",
        ),
        (
            "code = \"fa\"\ncalendar = \"Solar Hijri\"\n",
            "site.toml:27:12",
            "unknown calendar \"Solar Hijri\"",
            "did you mean calendar = \"persian\"?",
        ),
        (
            "code = \"fa\"\ncalendar = \"mayan\"\n",
            "site.toml:27:12",
            "unknown calendar \"mayan\"",
            "CLDR's calendars are buddhist, chinese,",
        ),
        (
            "code = \"fa\"\ndigits = \"roman\"\n",
            "site.toml:27:10",
            "unknown digits \"roman\"",
            "arabext (۰۱۲۳۴۵۶۷۸۹)",
        ),
        (
            "code = \"fa-u-nu-latn\"\n",
            "site.toml:26:8",
            "unknown language code \"fa-u-nu-latn\"",
            "write code = \"fa\"",
        ),
    ];
    for (table, place, message, hint) in cases {
        let site = SiteTest::fixture_with_default_theme("digits");
        site.edit("site.toml", "code = \"fa\"\n", table);
        let run = site.run(&["build", "--now", "2026-01-05"]).expect_code(1);
        for expected in [place, message, hint] {
            assert!(
                run.stderr.contains(expected),
                "{expected:?} in:\n{}",
                run.stderr
            );
        }
    }
}

/// The shipped site's Arabic keeps the Western digits and Gregorian dates of its seeds, by
/// its own setting in site.toml rather than CLDR's default of the day.
#[test]
fn the_shipped_arabic_keeps_western_digits_and_gregorian_dates() {
    let site = SiteTest::shipped();
    let table = between(&site.read("site.toml"), "code = \"ar\"", "[[languages]]").to_string();
    assert!(
        table.contains("digits = \"latn\"\ncalendar = \"gregory\"\n"),
        "{table}"
    );
    site.build_at("2026-01-05");
    for page in ["", "faq/", "link-account/"] {
        let html = site.output(&format!("ar/{page}index.html"));
        assert_eq!(end_date_shown(&html), "15 يناير 2026", "ar/{page}");
        assert_eq!(
            digit_systems(&reader_text(&html)),
            BTreeSet::from(["latn"]),
            "ar/{page}"
        );
        assert!(!html.contains("list-style-type"), "ar/{page}");
    }
    let notice = site.output("ar/index.html");
    assert!(status_headline(&notice).contains("10"), "{notice}");
}
