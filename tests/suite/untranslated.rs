//! What `check` says about text not translated yet: pages still copies of the default
//! language, translations without a stamp, messages renamed in the default language, and
//! `--require-translated`, which fails on what is not translated.

use serde_json::Value;

use crate::common::{SiteTest, check_findings};

/// The findings with `code`.
fn with_code<'a>(findings: &'a [Value], code: &str) -> Vec<&'a Value> {
    findings.iter().filter(|f| f["code"] == code).collect()
}

/// Replaces `from` by `to` in each message of a Fluent file, which must hold it.
fn translate(site: &SiteTest, file: &str, translations: &[(&str, &str)]) {
    for (from, to) in translations {
        site.edit(file, from, to);
    }
}

/// The pages init copied are listed like its copied messages: one note per language naming
/// them, after translating the messages as after `add-language`.
#[test]
fn pages_still_copies_are_one_note_per_language() {
    let site = SiteTest::init(&["--languages", "en,he,fr"]);
    translate(
        &site,
        "locales/he/main.ftl",
        &[("cta-faq = Questions and answers", "cta-faq = שאלות ותשובות")],
    );
    let findings = check_findings(&site, &["--lang", "he"]);
    let pages = with_code(&findings, "identical")
        .into_iter()
        .filter(|f| f["file"] == "content/he")
        .collect::<Vec<_>>();
    assert_eq!(pages.len(), 1, "{findings:#?}");
    assert_eq!(pages[0]["severity"], "note");
    assert_eq!(
        pages[0]["message"],
        "3 pages are still the default language's text: content/he/index.md, content/he/faq.md, content/he/link-account.md"
    );
    assert!(
        pages[0]["hint"]
            .as_str()
            .unwrap()
            .starts_with("translate them, then `sunset stamp he`"),
        "{}",
        pages[0]
    );

    site.run(&["add-language", "de"]).expect_code(0);
    let findings = check_findings(&site, &["--lang", "de"]);
    assert_eq!(
        with_code(&findings, "identical")
            .iter()
            .map(|f| f["file"].as_str().unwrap())
            .collect::<Vec<_>>(),
        [
            "locales/de/main.ftl",
            "locales/de/updates.ftl",
            "content/de"
        ],
        "{findings:#?}"
    );
}

/// `check` passes on copies (they are published, marked as untranslated), unless asked to
/// require translations, for CI; a site translated throughout passes that too.
#[test]
fn require_translated_fails_on_copies_and_missing_text() {
    let site = SiteTest::init(&["--languages", "en,he"]);
    site.run(&["check", "--strict"]).expect_code(0);
    let run = site
        .run(&["check", "--strict", "--require-translated"])
        .expect_code(1);
    assert!(
        run.stdout.ends_with(
            "check: 0 errors, 0 warnings, 3 notes\ncheck failed with --require-translated: 3 findings about text not translated yet\n"
        ),
        "{}",
        run.stdout
    );
    // The English of the default language alone is all translated.
    site.run(&["check", "--lang", "en", "--require-translated"])
        .expect_code(0);
    let json = site
        .run(&["check", "--require-translated", "--format", "json"])
        .expect_code(1);
    serde_json::from_str::<Value>(&json.stdout).unwrap();

    let shipped = SiteTest::shipped();
    shipped
        .run(&["check", "--strict", "--require-translated"])
        .expect_code(0);
    // A page not translated at all is a warning, which fails only `--strict`, or this.
    std::fs::remove_file(shipped.path("content/tr/faq.md")).unwrap();
    shipped.run(&["check", "--lang", "tr"]).expect_code(0);
    shipped
        .run(&["check", "--require-translated", "--lang", "tr"])
        .expect_code(1);
}

/// A translated page without `translated_from` can never be reported outdated: check says
/// so, and how to record it; the shipped site's translations all have one.
#[test]
fn a_translation_without_a_stamp_is_a_note() {
    let site = SiteTest::shipped();
    assert_eq!(check_findings(&site, &[]), Vec::<Value>::new());
    let faq = site.read("content/fr/faq.md");
    let stamp_line = faq
        .lines()
        .find(|line| line.starts_with("translated_from"))
        .unwrap();
    site.write(
        "content/fr/faq.md",
        &faq.replacen(&format!("{stamp_line}\n"), "", 1),
    );
    let findings = check_findings(&site, &[]);
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let note = &findings[0];
    assert_eq!(
        (&note["severity"], &note["code"], &note["file"]),
        (
            &Value::from("note"),
            &Value::from("unstamped-page"),
            &Value::from("content/fr/faq.md")
        )
    );
    assert!(
        note["message"]
            .as_str()
            .unwrap()
            .contains("check cannot tell when content/en/faq.md changes"),
        "{note}"
    );
    assert!(
        note["hint"]
            .as_str()
            .unwrap()
            .ends_with("record that with `sunset stamp fr`"),
        "{note}"
    );
    site.run(&["stamp", "fr"]).expect_code(0);
    assert_eq!(check_findings(&site, &[]), Vec::<Value>::new());
}

/// Messages renamed in the default language: one finding per rename in a translation (by the
/// text it was translated from, or as the file's only obsolete and missing pair), none for a
/// file that is still init's copy, which `stamp` brings up to the new names.
#[test]
fn a_renamed_message_is_one_finding_and_stamp_renames_copies() {
    let site = SiteTest::init(&["--languages", "en,he,fr"]);
    translate(
        &site,
        "locales/he/main.ftl",
        &[
            ("cta-faq = Questions and answers", "cta-faq = שאלות ותשובות"),
            (
                "status-ending = The service is ending",
                "status-ending = השירות מסתיים",
            ),
        ],
    );
    site.run(&["stamp", "he"]).expect_code(0);
    // English renames both; one keeps its text, the other's changes too.
    translate(
        &site,
        "locales/en/main.ftl",
        &[
            ("cta-faq = ", "cta-questions = "),
            (
                "status-ending = The service is ending",
                "status-closing = The service is closing",
            ),
        ],
    );
    for template in ["templates/notice.html", "templates/partials/status.html"] {
        let text = site.read(template);
        site.write(
            template,
            &text
                .replace("\"cta-faq\"", "\"cta-questions\"")
                .replace("\"status-ending\"", "\"status-closing\""),
        );
    }
    let findings = check_findings(&site, &[]);
    let renamed: Vec<(&str, &str)> = with_code(&findings, "renamed-message")
        .iter()
        .map(|f| (f["file"].as_str().unwrap(), f["message"].as_str().unwrap()))
        .collect();
    assert_eq!(
        renamed,
        [
            (
                "locales/he/main.ftl",
                "`cta-faq` looks renamed to `cta-questions`: rename it in locales/he/main.ftl"
            ),
            (
                "locales/he/main.ftl",
                "`status-ending` looks renamed to `status-closing`: rename it in locales/he/main.ftl"
            ),
        ],
        "{findings:#?}"
    );
    for code in ["missing-message", "obsolete-message"] {
        assert!(with_code(&findings, code).is_empty(), "{findings:#?}");
    }
    let french_copy = with_code(&findings, "identical")
        .into_iter()
        .find(|f| f["file"] == "locales/fr/main.ftl")
        .unwrap();
    assert!(
        french_copy["hint"]
            .as_str()
            .unwrap()
            .starts_with("`sunset stamp fr` brings this copy up to the default language's messages (new there: `cta-questions`, `status-closing`; gone: `cta-faq`, `status-ending`)"),
        "{french_copy}"
    );

    site.run(&["stamp", "fr"]).expect_code(0);
    let french = site.read("locales/fr/main.ftl");
    assert!(
        french.contains("\ncta-questions = Questions and answers\n")
            && french.contains("\nstatus-closing = The service is closing\n")
            && !french.contains("cta-faq")
            && !french.contains("status-ending"),
        "{french}"
    );
    let findings = check_findings(&site, &["--lang", "fr"]);
    assert_eq!(
        with_code(&findings, "identical")[0]["hint"]
            .as_str()
            .unwrap(),
        "translate them, then `sunset stamp fr`; names that stay as they are go in [check] allow_identical in site.toml"
    );
    site.run(&["build", "--now", "2027-06-01"]).expect_code(0);
}
