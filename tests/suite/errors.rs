//! Every mistake in a site is an error located at its file, line and column, reported in one
//! run, once, with the phase it shows in named; the previous output stays as it was. On the
//! fixture `tests/fixtures/mini`.

use crate::common::{SiteTest, refused};

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

/// A message the default language renamed while the templates still use the old id fails
/// the build at the template, even though the other languages still have it: a page that
/// does not render is never left out of a build that says it succeeded.
#[test]
fn a_message_the_default_language_lost_fails_the_build_where_it_is_used() {
    let site = SiteTest::fixture("mini");
    site.build_at("2026-01-05");
    site.edit("locales/en/main.ftl", "footer =", "footer-note =");
    let run = site.run(&["build", "--now", "2026-01-05"]).expect_code(1);
    assert!(
        run.stderr.contains(
            "error: no translation defines the message `footer`\n  --> templates/page.html:14:12"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.ends_with("the previous output is untouched\n"),
        "{}",
        run.stderr
    );
    // Renamed in every language, the template is all that is left to fix.
    for lang in ["ar", "tr", "id", "fr"] {
        site.edit(
            &format!("locales/{lang}/main.ftl"),
            "footer =",
            "footer-note =",
        );
    }
    let run = site.run(&["build", "--now", "2026-01-05"]).expect_code(1);
    assert!(
        run.stderr.contains(
            "error: no translation defines the message `footer`\n  --> templates/page.html:14:12"
        ),
        "{}",
        run.stderr
    );
}

/// A message of the default language with a syntax error is reported once, at its line: not
/// again as "defined by no translation" where a template uses it.
#[test]
fn a_broken_message_a_template_uses_is_one_error() {
    let site = SiteTest::fixture("mini");
    site.edit(
        "locales/en/main.ftl",
        "footer = Announced",
        "footer = { Announced",
    );
    let run = site.run(&["build", "--now", "2026-01-05"]).expect_code(1);
    assert!(
        run.stderr.contains("--> locales/en/main.ftl:8:"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("no translation defines"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .ends_with("build failed with 1 error; the previous output is untouched\n"),
        "{}",
        run.stderr
    );
}

/// An announcement dated after the last day is a date left from the starter or a typo: a
/// warning at its line.
#[test]
fn an_announcement_after_the_end_is_a_warning_at_its_line() {
    let site = SiteTest::fixture("mini");
    site.edit(
        "site.toml",
        "announced = 2025-10-21",
        "announced = 2026-08-01",
    );
    let run = site.run(&["check"]);
    assert!(
        run.stdout.contains(
            "warning: `announced` (2026-08-01) is after the last day (2026-01-15)\n --> site.toml:"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("help: write the day the end was made public"),
        "{}",
        run.stdout
    );
}

/// A link to a page that is not there names the page meant, when one is close.
#[test]
fn a_misspelled_page_link_names_the_page_meant() {
    let site = SiteTest::fixture("mini");
    site.edit(
        "content/en/index.md",
        "[FAQ](@/faq.md#why)",
        "[FAQ](@/fqa.md#why)",
    );
    let run = site.run(&["build", "--now", "2026-01-05"]).expect_code(1);
    assert!(
        run.stderr.contains(
            "broken link `@/fqa.md#why`: there is no content/en/fqa.md (did you mean @/faq.md?)"
        ),
        "{}",
        run.stderr
    );
}

/// A link to a heading the page does not have names the heading meant, when one is close.
#[test]
fn a_misspelled_anchor_names_the_heading_meant() {
    let site = SiteTest::fixture("mini");
    site.edit(
        "content/en/index.md",
        "[FAQ](@/faq.md#why)",
        "[FAQ](@/faq.md#wyh)",
    );
    let run = site.run(&["build", "--now", "2026-01-05"]).expect_code(1);
    assert!(
        run.stderr.contains("but that page has no #wyh"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("help: did you mean #why?"),
        "{}",
        run.stderr
    );
}
