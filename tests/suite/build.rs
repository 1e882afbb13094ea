//! The build pipeline end to end, on the small fixture site `tests/fixtures/mini`
//! (five languages, notice zone Europe/Paris, last day 2026-01-15).

use crate::common;
use crate::common::{SiteTest, between, visible_body};

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
            // The security headers and the language redirect, for Netlify and Cloudflare.
            "_headers",
            "_redirects",
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

/// The default language's page is added to a language that lacks it, but never beside the
/// language's own translation at another address (a `slug`), nor over another of the
/// language's pages at the address it would take.
#[test]
fn a_fallback_page_never_doubles_or_replaces_a_languages_own_page() {
    let site = SiteTest::fixture("mini");
    site.edit(
        "content/fr/faq.md",
        "weight = 1",
        "weight = 1\nslug = \"questions\"",
    );
    site.write(
        "content/tr/sss.md",
        "+++\ntitle = \"SSS tr\"\ndescription = \"Sorular\"\nslug = \"faq\"\n+++\nCevap.\n",
    );
    site.build_at("2026-01-05");
    let faqs: Vec<String> = site
        .tree("public")
        .into_iter()
        .map(|(path, _)| path)
        .filter(|path| path.ends_with("/faq/index.html") || path.ends_with("/questions/index.html"))
        .collect();
    assert_eq!(
        faqs,
        [
            "ar/faq/index.html",
            "en/faq/index.html",
            "fr/questions/index.html",
            "id/faq/index.html",
            "tr/faq/index.html",
        ]
    );
    let title = |path: &str| between(&site.output(path), "<title>", " · ").to_string();
    assert_eq!(title("fr/questions/index.html"), "FAQ fr");
    assert_eq!(title("tr/faq/index.html"), "SSS tr");
    assert_eq!(title("ar/faq/index.html"), "FAQ en");
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

/// `&` and `'` join a Latin run in right-to-left text, so they land inside its `<bdi>`: there
/// too they are escaped, in Markdown and in translations.
#[test]
fn an_isolated_left_to_right_run_is_escaped_inside_its_bdi() {
    let site = SiteTest::fixture("mini");
    site.edit(
        "content/ar/index.md",
        "{{ call }}",
        "{{ call }}\n\nاسأل AT&T أو O'Brien.",
    );
    site.edit(
        "locales/ar/main.ftl",
        "عبر WhatsApp.",
        "عبر WhatsApp أو AT&T O'Brien.",
    );
    site.build_at("2026-01-05");
    let ar = site.output("ar/index.html");
    let body = visible_body(&ar);
    assert!(
        body.contains(
            "<p>اسأل <bdi dir=\"ltr\">AT&amp;T</bdi> أو <bdi dir=\"ltr\">O&#39;Brien</bdi>.</p>"
        ),
        "{body}"
    );
    assert!(
        body.contains("أو <bdi dir=\"ltr\">AT&amp;T O&#39;Brien</bdi>.</p>"),
        "{body}"
    );
    assert!(
        !body.contains("AT&T") && !body.contains("O'Brien"),
        "{body}"
    );
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
