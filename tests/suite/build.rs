//! The build pipeline end to end, on the small fixture site `tests/fixtures/mini`
//! (five languages, notice zone Europe/Paris, last day 2026-01-15).

use crate::common;
use crate::common::{SiteTest, between, refused, visible_body};

fn status_of(html: &str) -> String {
    between(html, "<section class=\"status\" ", ">").to_string()
}

fn headline(site: &SiteTest, lang: &str) -> String {
    between(
        &site.output(&format!("{lang}/index.html")),
        "<p class=\"headline\">",
        "</p>",
    )
    .to_string()
}

#[test]
fn builds_every_page_of_every_language() {
    let site = SiteTest::fixture("mini");
    let run = site.build_at("2026-01-05");
    assert!(
        run.stdout.contains("phase: upcoming, 10 days left"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("next change: 2026-01-06T00:00:00+01:00"),
        "{}",
        run.stdout
    );
    let names: Vec<String> = site
        .tree("public")
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    assert_eq!(
        names,
        [
            ".sunset-output",
            "404.html",
            // Not translated yet: the English page, in the language's navigation.
            "ar/faq/index.html",
            "ar/index.html",
            "ar/remind-me.ics",
            "en/faq/index.html",
            "en/index.html",
            "en/remind-me.ics",
            "fr/faq/index.html",
            "fr/index.html",
            "fr/remind-me.ics",
            "id/faq/index.html",
            "id/index.html",
            "id/remind-me.ics",
            "index.html",
            "notice.json",
            "robots.txt",
            "site.59f9acea.css",
            "site.css",
            "sitemap.xml",
            "tr/faq/index.html",
            "tr/index.html",
            "tr/remind-me.ics",
        ]
    );
}

#[test]
fn status_element_carries_phase_days_and_end_instant() {
    let site = SiteTest::fixture("mini");
    site.build_at("2026-01-05");
    let en = site.output("en/index.html");
    assert_eq!(
        status_of(&en),
        "data-phase=\"upcoming\" data-days-left=\"10\""
    );
    assert!(
        en.contains("<time datetime=\"2026-01-15\">January 15, 2026</time>"),
        "{en}"
    );
    site.build_at("2026-02-01");
    let en = site.output("en/index.html");
    assert_eq!(status_of(&en), "data-phase=\"ended\"");
    assert!(en.contains("It is over."), "{en}");
    assert!(!en.contains("Countdown"), "{en}");
}

#[test]
fn phase_boundaries_follow_the_notice_zone() {
    let site = SiteTest::fixture("mini");
    let cases = [
        // The last second before the last day, in Paris (UTC+1).
        (
            "2026-01-14T22:59:59Z",
            "data-phase=\"upcoming\" data-days-left=\"1\"",
        ),
        // Midnight in Paris is 23:00 UTC: the last day has begun there, not yet in UTC.
        (
            "2026-01-14T23:00:00Z",
            "data-phase=\"last-day\" data-days-left=\"0\"",
        ),
        (
            "2026-01-15T22:59:59Z",
            "data-phase=\"last-day\" data-days-left=\"0\"",
        ),
        // The end instant: midnight after the last day, Paris time.
        ("2026-01-15T23:00:00Z", "data-phase=\"ended\""),
        ("2026-01-16T00:00:00+01:00", "data-phase=\"ended\""),
        // A plain date is midnight in the notice's zone.
        ("2026-01-15", "data-phase=\"last-day\" data-days-left=\"0\""),
    ];
    for (now, expected) in cases {
        site.build_at(now);
        assert_eq!(
            status_of(&site.output("en/index.html")),
            expected,
            "at {now}"
        );
    }
}

#[test]
fn the_build_says_when_its_wording_changes_next() {
    let site = SiteTest::fixture("mini");
    let run = site.build_at("2026-01-15T12:00:00Z");
    assert!(
        run.stdout
            .contains("phase: last-day, 0 days left; next change: 2026-01-16T00:00:00+01:00"),
        "{}",
        run.stdout
    );
    let run = site.build_at("2026-03-01");
    assert!(
        run.stdout.contains("phase: ended; next change: none"),
        "{}",
        run.stdout
    );
}

#[test]
fn arabic_countdown_uses_all_six_plural_forms() {
    let site = SiteTest::fixture("mini");
    let cases = [
        ("2026-01-15", "لم يبقَ أي يوم"), // 0: zero
        ("2026-01-14", "بقي يوم واحد"),  // 1: one
        ("2026-01-13", "بقي يومان"),     // 2: two
        ("2026-01-12", "بقيت 3 أيام"),   // 3: few
        ("2026-01-04", "بقي 11 يومًا"),   // 11: many
        ("2025-10-07", "بقي 100 يوم"),   // 100: other
        ("2025-10-04", "بقيت 103 أيام"), // 103: few (fluent-bundle's own rules say other)
        ("2025-09-26", "بقي 111 يومًا"),  // 111: many (fluent-bundle's own rules say other)
    ];
    for (now, expected) in cases {
        site.build_at(now);
        let html = site.output("ar/index.html");
        assert!(
            html.contains(&format!("Countdown</bdi>: {expected}.")),
            "at {now}:\n{html}"
        );
    }
}

#[test]
fn dates_are_localized_in_every_language() {
    let site = SiteTest::fixture("mini");
    site.build_at("2026-01-05");
    let expected = [
        ("en", "January 15, 2026", "October 21, 2025"),
        ("ar", "15 يناير 2026", "21 أكتوبر 2025"),
        ("tr", "15 Ocak 2026", "21 Ekim 2025"),
        ("id", "15 Januari 2026", "21 Oktober 2025"),
        (
            "fr",
            "15\u{a0}janvier\u{a0}2026",
            "21\u{a0}octobre\u{a0}2025",
        ),
    ];
    for (lang, end, announced) in expected {
        let html = site.output(&format!("{lang}/index.html"));
        assert!(html.contains(&format!(">{end}</time>")), "{lang}:\n{html}");
        assert!(html.contains(announced), "{lang}:\n{html}");
    }
    site.build_at("2026-02-01");
    assert_eq!(headline(&site, "tr"), "15 Ocak 2026 tarihinde sona erdi");
    assert_eq!(
        headline(&site, "fr"),
        "Terminé le 15\u{a0}janvier\u{a0}2026"
    );
}

#[test]
fn a_missing_translation_falls_back_marked_as_the_default_languages_with_a_warning() {
    let site = SiteTest::fixture("mini");
    let run = site.build_at("2026-01-05");
    let fr = site.output("fr/index.html");
    assert!(
        fr.contains("<span lang=\"en\" dir=\"ltr\">Call <span class=\"nowrap\">1-800-ChatGPT</span> (<span class=\"nowrap\">+1-800-242-8478</span>) on WhatsApp.</span>"),
        "{fr}"
    );
    assert!(run.stderr.contains("locales/fr/main.ftl"), "{}", run.stderr);
    assert!(
        run.stderr.contains("1 message is missing in fr") && run.stderr.contains("`call`"),
        "{}",
        run.stderr
    );
}

#[test]
fn right_to_left_text_is_isolated_with_markup_never_with_invisible_marks() {
    let site = SiteTest::fixture("mini");
    site.build_at("2026-01-05");
    let ar = site.output("ar/index.html");
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(
        ar.contains("اتصل بـ <bdi dir=\"ltr\" class=\"nowrap\">1-800-ChatGPT</bdi> على الرقم <bdi dir=\"ltr\" class=\"nowrap\">+1-800-242-8478</bdi>"),
        "{ar}"
    );
    for (name, bytes) in site.tree("public") {
        let text = String::from_utf8_lossy(&bytes);
        for mark in [
            '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}',
        ] {
            assert!(
                !text.contains(mark),
                "{name} contains U+{:04X}",
                mark as u32
            );
        }
    }
}

#[test]
fn pages_link_to_their_translations_and_survive_a_sub_path() {
    let site = SiteTest::fixture("mini");
    site.run(&[
        "build",
        "--now",
        "2026-01-05",
        "--base-url",
        "https://example.org/help/",
    ])
    .expect_code(0);
    let fr = site.output("fr/index.html");
    assert!(fr.contains("<a href=\"/help/fr/faq/#why\">FAQ</a>"), "{fr}");
    assert!(
        fr.contains("<link rel=\"canonical\" href=\"https://example.org/help/fr/\">"),
        "{fr}"
    );
    let faq = site.output("en/faq/index.html");
    let alternates: Vec<&str> = faq.matches("hreflang=\"").map(|_| "").collect();
    assert_eq!(alternates.len(), 2, "only en and fr have the FAQ:\n{faq}");
    assert!(faq.contains("<h2 id=\"why\">Why?</h2>"), "{faq}");
    assert!(faq.contains("<h2 id=\"second-question\">"), "{faq}");
    let sitemap = site.output("sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://example.org/help/en/faq/</loc>"),
        "{sitemap}"
    );
    assert!(
        sitemap.contains("hreflang=\"x-default\" href=\"https://example.org/help/\""),
        "{sitemap}"
    );
    assert!(
        sitemap.contains("hreflang=\"x-default\" href=\"https://example.org/help/en/faq/\""),
        "{sitemap}"
    );
    assert!(
        site.output("robots.txt")
            .contains("Sitemap: https://example.org/help/sitemap.xml")
    );
    assert!(
        site.output("index.html")
            .contains("<a href=\"/help/ar/\">العربية</a>")
    );
}

#[test]
fn two_builds_are_byte_identical() {
    let site = SiteTest::fixture("mini");
    site.build_at("2026-01-05T10:00:00Z");
    let first = site.tree("public");
    site.run(&["build", "--now", "2026-01-05T10:00:00Z", "--out", "second"])
        .expect_code(0);
    assert_eq!(first, site.tree("second"));
}

#[test]
fn now_comes_from_source_date_epoch_when_not_given() {
    let site = SiteTest::fixture("mini");
    // 2026-02-01T00:00:00Z
    let run = site
        .run_with_env(&["build"], &[("SOURCE_DATE_EPOCH", "1769904000")])
        .expect_code(0);
    assert!(run.stdout.contains("phase: ended"), "{}", run.stdout);
    let run = site
        .run_with_env(
            &["build", "--now", "2026-01-05"],
            &[("SOURCE_DATE_EPOCH", "1769904000")],
        )
        .expect_code(0);
    assert!(
        run.stdout.contains("phase: upcoming"),
        "--now wins: {}",
        run.stdout
    );
}

#[test]
fn bad_now_and_bad_epoch_are_usage_errors() {
    let site = SiteTest::fixture("mini");
    let run = site.run(&["build", "--now", "next tuesday"]).expect_code(2);
    assert!(run.stderr.contains("--now"), "{}", run.stderr);
    let run = site
        .run_with_env(&["build"], &[("SOURCE_DATE_EPOCH", "yesterday")])
        .expect_code(2);
    assert!(run.stderr.contains("SOURCE_DATE_EPOCH"), "{}", run.stderr);
    assert!(!site.path("public").exists());
    site.run(&["frobnicate"]).expect_code(2);
}

#[test]
fn broken_front_matter_is_located() {
    refused(
        |s| {
            s.edit("content/fr/faq.md", "weight = 1", "weight = \"one\"");
        },
        "content/fr/faq.md:4:10",
        "invalid type",
    );
    refused(
        |s| {
            s.edit("content/en/index.md", "updated", "updatd");
        },
        "content/en/index.md:4:1",
        "updatd",
    );
}

#[test]
fn broken_fluent_is_located() {
    refused(
        |s| {
            s.edit(
                "locales/tr/main.ftl",
                "end-date = { DATETIME($end_date) }",
                "end-date = { DATETIME($end_date)",
            );
        },
        "locales/tr/main.ftl:7:",
        "Fluent syntax",
    );
    refused(
        |s| {
            s.edit(
                "locales/id/main.ftl",
                "{ $days_left } hari",
                "{ $hari } hari",
            );
        },
        // The variable itself, on the variant's line.
        "locales/id/main.ftl:3:15",
        "hari",
    );
}

#[test]
fn broken_templates_are_located() {
    refused(
        |s| {
            s.edit(
                "templates/page.html",
                "<main>{{ page.content | safe }}",
                "<main>{{ page.content | safe }",
            );
        },
        "templates/page.html:13:30",
        "expected }}",
    );
    refused(
        |s| {
            s.edit(
                "templates/page.html",
                "<footer>{{ t(id=\"footer\") }}",
                "<footer>{{ t(id=\"no-such-message\") }}",
            );
        },
        "templates/page.html:14:",
        "no-such-message",
    );
}

#[test]
fn broken_config_is_located() {
    refused(
        |s| {
            s.edit("site.toml", "Europe/Paris", "Europe/Atlantis");
        },
        "site.toml:5:13",
        "unknown time zone",
    );
}

#[test]
fn broken_markdown_references_are_located() {
    refused(
        |s| {
            s.edit(
                "content/fr/index.md",
                "[FAQ](@/faq.md#why)",
                "[FAQ](@/questions.md)",
            );
        },
        "content/fr/index.md:17:1",
        "broken link",
    );
    refused(
        |s| {
            s.edit(
                "content/en/index.md",
                "[FAQ](@/faq.md#why)",
                "[FAQ](javascript:alert(1))",
            );
        },
        "content/en/index.md:17:1",
        "javascript",
    );
}

#[test]
fn all_problems_are_reported_in_one_run() {
    let site = SiteTest::fixture("mini");
    site.edit("content/fr/faq.md", "weight = 1", "weight = \"one\"")
        .edit(
            "locales/ar/main.ftl",
            "site-name = نهاية الخدمة",
            "site-name = { نهاية",
        )
        .edit("content/tr/index.md", "::: ended", "::: finished");
    let run = site.run(&["build", "--now", "2026-01-05"]).expect_code(1);
    for place in [
        "content/fr/faq.md:4",
        "locales/ar/main.ftl:1",
        "content/tr/index.md:11",
    ] {
        assert!(
            run.stderr.contains(place),
            "expected {place} in:\n{}",
            run.stderr
        );
    }
    assert!(
        run.stderr.contains("build failed with 3 errors"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_reports_without_writing() {
    let site = SiteTest::fixture("mini");
    let run = site.run(&["check", "--now", "2026-01-05"]).expect_code(0);
    assert!(
        run.stdout.contains("check: 0 errors, 4 warnings"),
        "{}",
        run.stdout
    );
    site.run(&["check", "--strict", "--now", "2026-01-05"])
        .expect_code(1);
    assert!(!site.path("public").exists());
}

#[test]
fn raw_html_in_markdown_is_text_unless_the_site_opts_in() {
    let site = SiteTest::fixture("mini");
    site.edit(
        "content/en/index.md",
        "It is over.",
        "It is <script>alert(1)</script> over.",
    );
    site.build_at("2026-02-01");
    let en = site.output("en/index.html");
    assert!(
        en.contains("It is &lt;script&gt;alert(1)&lt;/script&gt; over."),
        "{en}"
    );
    site.write(
        "site.toml",
        &(site.read("site.toml") + "\n[markdown]\nraw_html = true\n"),
    );
    site.build_at("2026-02-01");
    assert!(
        site.output("en/index.html")
            .contains("It is <script>alert(1)</script> over.")
    );
}

#[test]
fn translations_cannot_inject_markup() {
    let site = SiteTest::fixture("mini");
    site.build_at("2026-02-01");
    let before = site.tree("public");
    site.edit(
        "locales/en/main.ftl",
        "site-name = The end of the service",
        "site-name = </title><script>alert(1)</script>",
    );
    let run = site.run(&["build", "--now", "2026-02-01"]).expect_code(1);
    assert!(
        run.stderr.contains("locales/en/main.ftl:1:1"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("markup in a translation"),
        "{}",
        run.stderr
    );
    assert_eq!(site.tree("public"), before);

    // Without markup, a quote still cannot break out of an attribute.
    site.edit(
        "locales/en/main.ftl",
        "site-name = </title><script>alert(1)</script>",
        "site-name = Help\" onmouseover=\"alert(1)",
    );
    site.build_at("2026-02-01");
    let root = site.output("index.html");
    assert!(!root.contains("\" onmouseover=\""), "{root}");
    assert!(
        root.contains("Help&quot; onmouseover=&quot;alert(1)"),
        "{root}"
    );
}

#[test]
fn a_content_folder_for_an_unknown_language_is_an_error() {
    let site = SiteTest::fixture("mini");
    site.write(
        "content/de/index.md",
        "+++\ntitle = \"x\"\ndescription = \"y\"\n+++\n",
    );
    let run = site.run(&["build", "--now", "2026-01-05"]).expect_code(1);
    assert!(
        run.stderr
            .contains("content/de/ is not a language of site.toml"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_calendar_reminder_is_offered_only_while_upcoming() {
    let site = SiteTest::fixture("mini");
    site.build_at("2026-01-05");
    let ics = site.output("fr/remind-me.ics");
    assert!(
        ics.contains("SUMMARY;LANGUAGE=fr:Dernier jour du service\r\n"),
        "{ics}"
    );
    assert!(
        ics.contains(
            "DESCRIPTION;LANGUAGE=fr:Le service s’arrête après le 15\u{a0}janvier\u{a0}2026.\r\n \\n\\nhttps://example.org/fr/\r\n"
        ),
        "the page's address is in the text, which calendars show: {ics}"
    );
    assert!(ics.contains("\r\nURL:https://example.org/fr/\r\n"), "{ics}");
    assert!(ics.contains("DTSTART;VALUE=DATE:20260115\r\n"), "{ics}");
    // Three days before, at nine in the morning of the reader's day.
    assert!(ics.contains("TRIGGER:-P2DT15H\r\n"), "{ics}");
    assert!(
        ics.contains("UID:end-fr@example.org\r\n"),
        "the UID names no date: {ics}"
    );
    assert!(
        ics.replace("\r\n ", "").contains("BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION;LANGUAGE=fr:Rappel\u{202f}: le dernier jour du service est le 15\u{a0}janvier\u{a0}2026.\r\n"),
        "the alert names the date: {ics}"
    );
    assert!(ics.contains("URL:https://example.org/fr/\r\n"), "{ics}");
    assert!(
        site.output("en/index.html")
            .contains("<a href=\"/en/remind-me.ics\">remind me</a>")
    );
    let en = site.output("en/remind-me.ics").replace("\r\n ", "");
    assert!(
        en.contains("act before then\\, today."),
        "commas are escaped: {en}"
    );
    // Midnight in Paris: readers in the Americas are still on the 14th, and their page
    // offers the reminder; every moment its alert could have is past somewhere, so it has
    // none.
    site.build_at("2026-01-15");
    assert!(!visible_body(&site.output("en/index.html")).contains("remind me"));
    assert!(site.output("en/index.html").contains("remind me"));
    let late = site.output("en/remind-me.ics");
    assert!(!late.contains("VALARM"), "{late}");
    // Once the 14th has ended everywhere, nobody is offered it.
    for now in ["2026-01-15T12:00:00Z", "2026-02-01"] {
        site.build_at(now);
        assert!(!site.path("public/en/remind-me.ics").exists(), "at {now}");
        assert!(
            !site.output("en/index.html").contains("remind me"),
            "at {now}"
        );
    }
}

#[test]
fn a_reminder_page_is_one_the_default_language_has() {
    let site = SiteTest::fixture("mini");
    // A page some translations lack is there in their language all the same.
    site.edit("site.toml", "page = \"index\"", "page = \"faq\"");
    site.build_at("2026-01-05");
    assert!(site.output("ar/remind-me.ics").contains("/ar/faq/"));
    // One the default language lacks is one error.
    site.edit("site.toml", "page = \"faq\"", "page = \"nowhere\"");
    let run = site.run(&["build", "--now", "2026-01-05"]).expect_code(1);
    assert_eq!(
        run.stderr.matches("does not have").count(),
        1,
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/en/ does not have"),
        "{}",
        run.stderr
    );
}

#[test]
fn notice_json_tells_a_deploy_job_when_to_rebuild() {
    let site = SiteTest::fixture("mini");
    site.build_at("2026-01-05T10:00:00Z");
    let manifest: serde_json::Value = serde_json::from_str(&site.output("notice.json")).unwrap();
    assert_eq!(manifest["phase"], "upcoming");
    assert_eq!(manifest["days_left"], 10);
    assert_eq!(manifest["next_change"], "2026-01-06T00:00:00+01:00");
    assert_eq!(manifest["ended_at"], "2026-01-16T00:00:00+01:00");
    assert_eq!(manifest["built_for"], "2026-01-05T10:00:00Z");
    // The last day is each reader's: from its midnight at UTC+14 to its midnight at UTC−12.
    assert_eq!(manifest["day"], "reader");
    assert_eq!(
        manifest["last_day_anywhere"],
        serde_json::json!({"starts": "2026-01-14T10:00:00Z", "ends": "2026-01-16T12:00:00Z"})
    );
    site.edit("site.toml", "[notice]", "[notice]\nday = \"zone\"");
    site.build_at("2026-01-05T10:00:00Z");
    let manifest: serde_json::Value = serde_json::from_str(&site.output("notice.json")).unwrap();
    assert_eq!(manifest["day"], "zone");
    assert!(manifest["last_day_anywhere"].is_null());
    site.edit(
        "site.toml",
        "[notice]\nday = \"zone\"",
        "[notice]\nday = \"sometimes\"",
    );
    let run = site.run(&["build", "--now", "2026-01-05"]).expect_code(1);
    assert!(
        run.stderr.contains("`day` is \"sometimes\""),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("site.toml:"), "{}", run.stderr);
    site.edit("site.toml", "[notice]\nday = \"sometimes\"", "[notice]");
    site.build_at("2026-02-01");
    let manifest: serde_json::Value = serde_json::from_str(&site.output("notice.json")).unwrap();
    assert_eq!(manifest["phase"], "ended");
    assert!(manifest["next_change"].is_null() && manifest["days_left"].is_null());
}

#[test]
fn assets_get_content_hashed_names_and_a_missing_one_is_an_error() {
    let site = SiteTest::fixture("mini");
    site.edit(
        "templates/page.html",
        "<head>",
        "<head><link rel=\"stylesheet\" href=\"{{ asset(path=\"site.css\") }}\">",
    );
    site.build_at("2026-01-05");
    let css = site.read("static/site.css");
    let hashed = format!("site.{}.css", sunset::stamp::hash_bytes(css.as_bytes()));
    assert!(
        site.output("en/index.html")
            .contains(&format!("href=\"/{hashed}\""))
    );
    assert_eq!(site.output(&hashed), css);
    site.write("static/site.css", "body { margin: 0 }");
    site.build_at("2026-01-05");
    assert!(
        !site.output("en/index.html").contains(&hashed),
        "a new content gets a new name"
    );
    refused(
        |s| {
            s.edit(
                "templates/page.html",
                "<head>",
                "<head>{{ asset(path=\"missing.css\") }}",
            );
        },
        "templates/page.html:3:",
        "there is no static/missing.css",
    );
}

#[test]
fn a_mistake_that_shows_only_after_the_end_fails_the_build_today() {
    refused(
        |site| {
            site.edit(
                "content/en/index.md",
                "It is over.",
                "It is over since {{ end-dat }}.",
            );
        },
        "content/en/index.md:12:18",
        "(in the `ended` phase)",
    );
}

#[test]
fn a_template_branch_taken_only_on_the_last_day_is_checked_before_it() {
    refused(
        |site| {
            site.edit(
                "templates/page.html",
                "<main>",
                "{% if clock.phase == \"last-day\" %}{{ t(id=\"no-such-message\") }}{% endif %}<main>",
            );
        },
        "templates/page.html",
        "(in the `last-day` phase)",
    );
}

#[test]
fn a_mistake_in_every_phase_is_reported_once_without_a_phase() {
    let site = SiteTest::fixture("mini");
    site.edit(
        "content/en/index.md",
        "The last day: {{ end-date }}.",
        "The last day: {{ end-dat }}.",
    );
    let run = site.run(&["build", "--now", "2026-01-05"]).expect_code(1);
    let reported = run
        .stderr
        .matches("no translation defines the message `end-dat`")
        .count();
    assert_eq!(reported, 1, "{}", run.stderr);
    assert!(!run.stderr.contains("phase)"), "{}", run.stderr);
}

#[test]
fn a_broken_link_that_shows_only_after_the_end_fails_the_build_today() {
    refused(
        |site| {
            site.edit(
                "content/en/index.md",
                "It is over.",
                "It is over: [see](/en/gone/).",
            );
        },
        "links to /en/gone/",
        "which the site does not have",
    );
}

/// The Markdown of a later phase is rendered again when a message it uses reads differently
/// then, even if its text is the same: the countdown in the notice's shared block says
/// "0 days left" in the page carried for the last day.
#[test]
fn a_later_phase_with_the_same_text_but_other_messages_is_rendered_again() {
    let site = SiteTest::fixture("mini");
    site.build_at("2026-01-05");
    let html = site.output("en/index.html");
    assert!(common::visible_body(&html).contains("Countdown: 10 days left."));
    let (_, last_day) = common::carried_page(&html, "last-day").unwrap();
    assert!(last_day.contains("Countdown: 0 days left."), "{last_day}");
    // A page whose shared text holds only the countdown: no message reads the same in both.
    site.write(
        "content/en/count.md",
        "+++\ntitle = \"Count\"\ndescription = \"The count\"\n+++\n::: upcoming last-day\n{{ status-left }}\n:::\n",
    );
    site.build_at("2026-01-05");
    let html = site.output("en/count/index.html");
    assert!(
        common::visible_body(&html).contains("<p>10 days left</p>"),
        "{html}"
    );
    let (_, last_day) = common::carried_page(&html, "last-day").unwrap();
    assert!(last_day.contains("<p>0 days left</p>"), "{last_day}");
}

/// Tera reports every unknown function and filter at once: each is its own error, at its
/// line and column in the template, with the functions sunset has.
#[test]
fn every_unknown_function_and_filter_is_located() {
    let site = SiteTest::fixture("mini");
    site.edit(
        "templates/page.html",
        "<main>{{ page.content | safe }}</main>",
        "<main>{{ page.content | safe }}{{ nope() }}</main>",
    );
    site.edit(
        "templates/page.html",
        "<footer>",
        "<footer>{{ x | nofilter }}",
    );
    let run = site.run(&["build", "--now", "2026-01-05"]).expect_code(1);
    let err = &run.stderr;
    assert!(
        err.contains("error: Unknown function `nope`\n  --> templates/page.html:13:35"),
        "{err}"
    );
    assert!(
        err.contains("error: Unknown filter `nofilter`\n  --> templates/page.html:14:16"),
        "{err}"
    );
    assert_eq!(
        err.matches("help: functions are t, t_html,").count(),
        1,
        "{err}"
    );
    assert!(
        err.contains("help: Tera's filters are safe, default, upper"),
        "{err}"
    );
    assert!(err.contains("build failed with 2 errors"), "{err}");
}

/// A mistake in the template every page uses is one error, not one per page; one in the
/// root page, or in the 404 page after the end only, fails the build once, and nothing else
/// (no link to a page that could not be written is reported as broken).
#[test]
fn a_template_mistake_is_reported_once_wherever_it_is() {
    for (template, from, to, phase) in [
        (
            "page.html",
            "<footer>{{ t(id=\"footer\") }}",
            "<footer>{{ t(id=\"no-such\") }}",
            "",
        ),
        ("root.html", "<title>", "<title>{{ t(id=\"no-such\") }}", ""),
        (
            "404.html",
            "<title>404",
            "<title>{% if clock.phase == \"ended\" %}{{ t(id=\"no-such\") }}{% endif %}404",
            " (in the `ended` phase)",
        ),
    ] {
        let site = SiteTest::fixture("mini");
        // Pages link to the root page: when it cannot be written, that link is not broken.
        site.edit(
            "templates/page.html",
            "<main>",
            "<a href=\"/\">home</a><main>",
        );
        site.edit(&format!("templates/{template}"), from, to);
        let run = site.run(&["build", "--now", "2026-01-05"]).expect_code(1);
        let err = &run.stderr;
        assert!(
            err.contains("build failed with 1 error;"),
            "{template}: {err}"
        );
        assert!(
            err.contains(&format!("--> templates/{template}:")),
            "{template}: {err}"
        );
        assert!(
            err.contains(&format!("`no-such`{phase}")),
            "{template}: {err}"
        );
    }
}

/// `@/…` links name a page of the same language by its path, nested or not, or a page of
/// another language after its code.
#[test]
fn page_links_reach_nested_pages_and_other_languages() {
    let site = SiteTest::fixture("mini");
    site.write(
        "content/en/guides/start.md",
        "+++\ntitle = \"Start\"\ndescription = \"A guide\"\n+++\nSee [the French FAQ](@/fr/faq.md#why).\n",
    );
    site.edit(
        "content/en/index.md",
        "[FAQ](@/faq.md#why)",
        "[FAQ](@/faq.md#why) [guide](@/guides/start.md)",
    );
    site.build_at("2026-01-05");
    let index = site.output("en/index.html");
    assert!(
        index.contains("<a href=\"/en/guides/start/\">guide</a>"),
        "{index}"
    );
    let guide = site.output("en/guides/start/index.html");
    assert!(
        guide.contains("<a href=\"/fr/faq/#why\">the French FAQ</a>"),
        "{guide}"
    );
}

/// A mistake that shows in two later phases names both.
#[test]
fn a_mistake_of_two_later_phases_names_both() {
    refused(
        |site| {
            site.edit(
                "templates/page.html",
                "<main>",
                "{% if clock.phase != \"upcoming\" %}{{ t(id=\"no-such-message\") }}{% endif %}<main>",
            );
        },
        "templates/page.html",
        "(in the `last-day` and `ended` phases)",
    );
}
