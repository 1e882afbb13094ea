//! Bad input, one case per class: a clear message that names the place and says what to do,
//! no panic, and the previous output byte for byte as it was.

use std::fs;
use std::os::unix::fs::symlink;

use crate::common::{SiteTest, assert_refused, refused};

const NOW: &str = "2026-01-05";

#[test]
fn front_matter_mistakes() {
    refused(
        |s| {
            s.edit(
                "content/en/faq.md",
                "title = \"FAQ en\"",
                "title = \"FAQ en",
            );
        },
        "content/en/faq.md:2:",
        "front matter",
    );
    refused(
        |s| {
            s.write(
                "content/en/faq.md",
                "+++\ntitle = \"FAQ\"\ndescription = \"d\"\n\n## Why\n",
            );
        },
        "content/en/faq.md:1:1",
        "never closed",
    );
    refused(
        |s| {
            s.edit("content/en/faq.md", "weight = 1", "wieght = 1");
        },
        "content/en/faq.md:4:1",
        "unknown field `wieght`",
    );
    refused(
        |s| {
            s.edit("content/en/faq.md", "weight = 1", "weight = \"first\"");
        },
        "content/en/faq.md:4:10",
        "invalid type",
    );
    refused(
        |s| {
            s.write("content/en/faq.md", "");
        },
        "content/en/faq.md:1:1",
        "the page is empty",
    );
    refused(
        |s| {
            s.write("content/en/faq.md", "## Why\n\nNo front matter.\n");
        },
        "content/en/faq.md:1:1",
        "does not start with front matter",
    );
}

#[test]
fn site_toml_mistakes() {
    refused(
        |s| {
            s.edit(
                "site.toml",
                "end_date = 2026-01-15",
                "end_date = 2026-13-45",
            );
        },
        "site.toml:4:12",
        "expected month between 01 and 12",
    );
    refused(
        |s| {
            s.edit(
                "site.toml",
                "end_date = 2026-01-15",
                "end_date = \"next year\"",
            );
        },
        "site.toml:4:12",
        "invalid type",
    );
    refused(
        |s| {
            s.edit("site.toml", "Europe/Paris", "Europe/Lutece");
        },
        "site.toml:5:13",
        "unknown time zone",
    );
    refused(
        |s| {
            s.edit("site.toml", "code = \"tr\"", "code = \"qx\"");
        },
        "site.toml:",
        "unknown language code \"qx\"",
    );
    refused(
        |s| {
            s.edit("site.toml", "code = \"tr\"", "code = \"ar\"");
        },
        "site.toml:",
        "language \"ar\" is listed twice",
    );
    refused(
        |s| {
            let text = s.read("site.toml");
            s.write("site.toml", &text[..text.find("[[languages]]").unwrap()]);
        },
        "site.toml",
        "languages",
    );
    refused(
        |s| {
            s.edit("site.toml", "[notice]", "[notice]\ntimezone = \"UTC\"");
        },
        "site.toml:4:1",
        "unknown field `timezone`",
    );
}

#[test]
fn translation_mistakes() {
    refused(
        |s| {
            s.edit(
                "locales/tr/main.ftl",
                "site-name = Hizmetin sonu",
                "site-name = { Hizmetin",
            );
        },
        "locales/tr/main.ftl:1:",
        "Fluent syntax",
    );
    refused(
        |s| {
            s.edit(
                "locales/fr/main.ftl",
                "footer = Annoncé le",
                "footer = { no-such-message } Annoncé le",
            );
        },
        "locales/fr/main.ftl:",
        "no-such-message",
    );
}

#[test]
fn template_mistakes() {
    refused(
        |s| {
            s.edit(
                "templates/page.html",
                "{% for other in translations %}",
                "{% for other in translations",
            );
        },
        "templates/page.html:5:29",
        "expected %}",
    );
    refused(
        |s| {
            s.edit(
                "templates/page.html",
                "<main>",
                "<main>{{ no_such_variable }}",
            );
        },
        "templates/page.html:13:",
        "no_such_variable",
    );
    refused(
        |s| {
            s.edit(
                "templates/page.html",
                "<main>",
                "<main>{{ no_such_function() }}",
            );
        },
        "templates/page.html:13:10",
        "Unknown function `no_such_function`",
    );
    refused(
        |s| {
            s.edit(
                "content/en/faq.md",
                "weight = 1",
                "weight = 1\ntemplate = \"faq-page.html\"",
            );
        },
        "content/en/faq.md",
        "the template `faq-page.html` does not exist",
    );
    refused(
        |s| {
            fs::remove_file(s.path("templates/404.html")).unwrap();
        },
        "404.html",
        "missing",
    );
}

#[test]
fn pages_in_the_wrong_place() {
    refused(
        |s| {
            s.write(
                "content/de/index.md",
                "+++\ntitle = \"A\"\ndescription = \"B\"\n+++\n",
            );
        },
        "content/de/index.md",
        "not a language of site.toml",
    );
    refused(
        |s| {
            s.write(
                "content/en/other.md",
                "+++\ntitle = \"O\"\ndescription = \"d\"\nslug = \"faq\"\n+++\n",
            );
        },
        "content/en/other.md",
        "would both be written to /en/faq/",
    );
    refused(
        |s| {
            s.edit(
                "content/en/faq.md",
                "weight = 1",
                "weight = 1\nslug = \"../../etc\"",
            );
        },
        "content/en/faq.md:5:8",
        "not a single URL segment",
    );
    refused(
        |s| {
            s.edit(
                "content/en/faq.md",
                "weight = 1",
                "weight = 1\ntemplate = \"../site.toml\"",
            );
        },
        "content/en/faq.md:5:12",
        "leaves templates/",
    );
    refused(
        |s| {
            s.edit(
                "content/en/faq.md",
                "weight = 1",
                "weight = 1\ntemplate = \"/etc/passwd\"",
            );
        },
        "content/en/faq.md:5:12",
        "leaves templates/",
    );
}

#[test]
fn files_that_cannot_be_read() {
    refused(
        |s| {
            fs::write(
                s.path("content/en/faq.md"),
                b"+++\ntitle = \"\xff\xfe\"\n+++\n",
            )
            .unwrap();
        },
        "content/en/faq.md",
        "line 2 is not valid UTF-8",
    );
    refused(
        |s| {
            symlink(s.path("content"), s.path("content/en/loop")).unwrap();
        },
        "content/en/loop",
        "symbolic link loop",
    );
    refused(
        |s| {
            symlink("/nonexistent/page.md", s.path("content/en/gone.md")).unwrap();
        },
        "content/en/gone.md",
        "cannot read",
    );
}

#[test]
fn outputs_that_cannot_be_written() {
    assert_refused(
        |s| {
            s.write("site-as-file", "x");
        },
        &["--out", "site-as-file"],
        1,
        "site-as-file",
        "is a file, not a folder",
    );
    assert_refused(
        |_| {},
        &["--out", "/proc/sunset-cannot-write-here"],
        1,
        "cannot create /proc/",
        "sunset-cannot-write-here",
    );
}

#[test]
fn bad_usage_is_exit_code_two() {
    let site = SiteTest::fixture("mini");
    site.build_at(NOW);
    let before = site.tree("public");
    let run = site
        .run(&["build", "--now", "yesterday-ish"])
        .expect_code(2);
    assert!(
        run.stderr
            .contains("--now: \"yesterday-ish\" is neither an RFC 3339 instant"),
        "{}",
        run.stderr
    );
    assert_eq!(site.tree("public"), before);
    let run = site
        .run_with_env(&["build"], &[("SOURCE_DATE_EPOCH", "1.5e9")])
        .expect_code(2);
    assert!(
        run.stderr.contains("SOURCE_DATE_EPOCH=\"1.5e9\""),
        "{}",
        run.stderr
    );
    site.run(&["build", "--no-such-flag"]).expect_code(2);
}

#[test]
fn byte_order_marks_and_crlf_are_accepted() {
    let site = SiteTest::fixture("mini");
    let page = site.read("content/en/faq.md").replace('\n', "\r\n");
    site.write("content/en/faq.md", &format!("\u{feff}{page}"));
    let ftl = site.read("locales/fr/main.ftl").replace('\n', "\r\n");
    site.write("locales/fr/main.ftl", &ftl);
    site.write("site.toml", &format!("\u{feff}{}", site.read("site.toml")));
    site.build_at(NOW);
    assert!(
        site.output("en/faq/index.html")
            .contains("<h2 id=\"why\">Why?</h2>")
    );
    assert!(site.output("fr/index.html").contains("Il reste 10 jours"));
}

#[test]
fn a_50_megabyte_page_builds() {
    let site = SiteTest::fixture("mini");
    let block = "## Heading\n\nSome *text* with [a link](https://example.org) and `code`.\n\n- a\n- b\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n";
    let mut page = String::from("+++\ntitle = \"Big\"\ndescription = \"A very long page\"\n+++\n");
    while page.len() < 50 * 1024 * 1024 {
        page.push_str(block);
    }
    site.write("content/en/big.md", &page);
    site.build_at(NOW);
    let html = site.output("en/big/index.html");
    assert!(html.len() > 50 * 1024 * 1024);
    assert!(html.contains("id=\"heading-1000\""));
}

#[test]
fn deeply_nested_markdown_does_not_overflow_the_stack() {
    let site = SiteTest::fixture("mini");
    let quotes = format!("{} deep\n\n", ">".repeat(10_000));
    let lists: String = (0..10_000)
        .map(|depth| format!("{}- item\n", "  ".repeat(depth)))
        .collect();
    site.write(
        "content/en/deep.md",
        &format!("+++\ntitle = \"Deep\"\ndescription = \"d\"\n+++\n{quotes}{lists}"),
    );
    site.build_at(NOW);
    assert!(site.output("en/deep/index.html").contains("deep"));
}

#[test]
fn markup_in_front_matter_and_markdown_stays_text() {
    let site = SiteTest::fixture("mini");
    site.edit(
        "content/en/faq.md",
        "title = \"FAQ en\"",
        "title = \"</title><script>alert(1)</script>\"",
    );
    site.edit(
        "content/en/faq.md",
        "description = \"Questions in en\"",
        "description = \"\\\" onload=\\\"alert(1)\"",
    );
    site.edit(
        "content/en/faq.md",
        "Because.",
        "Because <img src=x onerror=alert(1)> and <a href=\"javascript:alert(1)\">x</a>.",
    );
    site.build_at(NOW);
    let html = site.output("en/faq/index.html");
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("href=\"javascript"), "{html}");
    assert!(
        html.contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    site.edit(
        "content/en/faq.md",
        "Because <img",
        "[click](javascript:alert(1)) <img",
    );
    let run = site.run(&["build", "--now", NOW]).expect_code(1);
    assert!(run.stderr.contains("content/en/faq.md:"), "{}", run.stderr);
    assert!(
        run.stderr.contains("scheme `javascript:`"),
        "{}",
        run.stderr
    );
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
