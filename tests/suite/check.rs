//! `check` on `tests/fixtures/l10n-broken`: one deliberately broken translation per class.

use crate::common;
use crate::common::SiteTest;
use serde_json::Value;

/// Every class of problem, where the fixture plants it: (code, file, line or 0 for none).
const EXPECTED: [(&str, &str, usize); 19] = [
    ("syntax", "locales/fr/main.ftl", 13),
    ("missing-message", "locales/fr/main.ftl", 0),
    ("missing-attribute", "locales/tr/main.ftl", 13),
    ("obsolete-message", "locales/id/main.ftl", 17),
    ("variables", "locales/tr/main.ftl", 8),
    ("unknown-variable", "locales/id/main.ftl", 5),
    ("unknown-reference", "locales/ar/main.ftl", 15),
    ("plural-categories", "locales/ar/main.ftl", 2),
    ("plural-selector", "locales/fr/main.ftl", 20),
    ("missing-page", "content/tr/faq.md", 0),
    ("extra-page", "content/id/extra.md", 0),
    ("outdated-message", "locales/fr/main.ftl", 7),
    ("outdated-page", "content/fr/faq.md", 0),
    ("broken-anchor", "content/fr/index.md", 17),
    ("broken-link", "templates/page.html", 13),
    ("bidi-control", "locales/ar/main.ftl", 20),
    ("bidi-isolate", "locales/ar/main.ftl", 21),
    ("markup", "locales/id/main.ftl", 14),
    ("placeholder", "locales/tr/main.ftl", 15),
];

fn json_check(site: &SiteTest, extra: &[&str]) -> Value {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let run = site.run(&args).expect_code(1);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

#[test]
fn every_class_is_found_at_its_file_and_line() {
    let site = SiteTest::fixture("l10n-broken");
    let report = json_check(&site, &[]);
    assert_eq!(report["version"], 1);
    let findings = report["findings"].as_array().unwrap();
    for (code, file, line) in EXPECTED {
        let found = findings.iter().any(|f| {
            f["code"] == code && f["file"] == file && f["line"].as_u64().unwrap_or(0) == line as u64
        });
        assert!(
            found,
            "no {code} at {file}:{line} in\n{}",
            serde_json::to_string_pretty(findings).unwrap()
        );
    }
    let identical: Vec<&Value> = findings
        .iter()
        .filter(|f| f["code"] == "identical")
        .collect();
    assert_eq!(
        identical.len(),
        1,
        "only `same` in fr; names on the allow-list pass: {identical:#?}"
    );
    assert_eq!(identical[0]["severity"], "note");
    assert_eq!(identical[0]["file"], "locales/fr/main.ftl");
}

#[test]
fn the_human_report_carries_the_same_findings() {
    let site = SiteTest::fixture("l10n-broken");
    let report = json_check(&site, &[]);
    let run = site.run(&["check"]).expect_code(1);
    for finding in report["findings"].as_array().unwrap() {
        let message = finding["message"].as_str().unwrap();
        let first_line = message.lines().next().unwrap();
        assert!(
            run.stdout.contains(first_line),
            "{first_line} is missing from:\n{}",
            run.stdout
        );
        if let (Some(file), Some(line)) = (finding["file"].as_str(), finding["line"].as_u64()) {
            let place = format!("{file}:{line}:{}", finding["column"]);
            assert!(
                run.stdout.contains(&place),
                "{place} is missing from:\n{}",
                run.stdout
            );
        }
    }
    let errors = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .count();
    assert!(
        run.stdout.contains(&format!("check: {errors} errors")),
        "{}",
        run.stdout
    );
}

#[test]
fn the_summary_counts_per_language() {
    let site = SiteTest::fixture("l10n-broken");
    let report = json_check(&site, &[]);
    let summary = report["summary"].as_array().unwrap();
    let fr = summary.iter().find(|s| s["language"] == "fr").unwrap();
    assert_eq!(fr["missing"], 1, "{fr}");
    assert_eq!(fr["obsolete"], 1, "`bare`: {fr}");
    // Both French pages differ from the English ones (index.md only in one link's anchor).
    assert_eq!(fr["pages_translated"], 2, "{fr}");
    let id = summary.iter().find(|s| s["language"] == "id").unwrap();
    assert_eq!(
        id["pages_translated"], 1,
        "the extra page does not count: {id}"
    );
    // Each language's errors, warnings and notes are its findings of that severity.
    let findings = report["findings"].as_array().unwrap();
    for entry in summary {
        let language = &entry["language"];
        for (count, severity) in [
            ("errors", "error"),
            ("warnings", "warning"),
            ("notes", "note"),
        ] {
            let expected = findings
                .iter()
                .filter(|f| f["language"] == *language && f["severity"] == severity)
                .count();
            assert_eq!(entry[count], expected, "{language} {count}: {entry}");
        }
    }
    let counts = |lang: &str| {
        let entry = summary.iter().find(|s| s["language"] == lang).unwrap();
        [&entry["errors"], &entry["warnings"], &entry["notes"]].map(|v| v.as_u64().unwrap())
    };
    // With the typographic warnings: tr's straight apostrophe, and the two colons of
    // fr/index.md's English text without French's narrow no-break space. The notes: each
    // index.md translated without a stamp, and French's copied message.
    assert_eq!(
        [counts("ar"), counts("tr"), counts("fr")],
        [[4, 1, 1], [0, 5, 1], [2, 7, 2]]
    );
    let typography = |lang: &str| {
        let entry = summary.iter().find(|s| s["language"] == lang).unwrap();
        entry["typography"].as_u64().unwrap()
    };
    assert_eq!(
        [typography("ar"), typography("tr"), typography("fr")],
        [0, 1, 2]
    );
    let run = site.run(&["check"]).expect_code(1);
    assert!(
        run.stdout
            .contains("language  messages  missing  obsolete  pages"),
        "{}",
        run.stdout
    );
}

#[test]
fn lang_narrows_the_report() {
    let site = SiteTest::fixture("l10n-broken");
    let report = json_check(&site, &["--lang", "tr"]);
    let languages: std::collections::BTreeSet<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["language"].as_str())
        .collect();
    assert_eq!(languages.into_iter().collect::<Vec<_>>(), ["tr"]);
    assert_eq!(report["summary"].as_array().unwrap().len(), 1);
    site.run(&["check", "--lang", "xx"]).expect_code(2);
}

#[test]
fn warnings_fail_only_when_strict_and_notes_never() {
    let site = SiteTest::fixture("mini");
    // The notes: the translations, none of them stamped.
    let run = site.run(&["check"]).expect_code(0);
    assert!(
        run.stdout.contains("check: 0 errors, 4 warnings, 5 notes"),
        "{}",
        run.stdout
    );
    site.run(&["check", "--strict"]).expect_code(1);
}

#[test]
fn stamping_records_the_source_and_check_sees_it_change() {
    let site = SiteTest::shipped();
    assert_eq!(common::shipped_warnings(&site, &[]), Vec::<String>::new());
    site.edit(
        "locales/en/main.ftl",
        "Today is the last day\n",
        "Today is the very last day\n",
    );
    site.edit(
        "content/en/faq.md",
        "## Can I export my chats with ChatGPT from WhatsApp? {#export}",
        "## Can I export my WhatsApp chats with ChatGPT? {#export}",
    );
    let report = json_check(&site, &["--strict"]);
    let outdated: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "outdated-message" || f["code"] == "outdated-page")
        .map(|f| {
            (
                f["file"].as_str().unwrap().to_string(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(outdated.len(), 8, "two per translation: {outdated:#?}");
    let ar_page = outdated
        .iter()
        .find(|(file, _)| file == "content/ar/faq.md")
        .unwrap();
    assert!(
        ar_page.1.ends_with("changed since: #export"),
        "{}",
        ar_page.1
    );
    let ar_message = outdated
        .iter()
        .find(|(file, _)| file == "locales/ar/main.ftl")
        .unwrap();
    assert!(
        ar_message.1.contains("Today is the very last day"),
        "{}",
        ar_message.1
    );

    // The translators catch up, and say so.
    let run = site.run(&["stamp", "ar", "tr", "id", "fr"]).expect_code(0);
    assert!(run.stdout.contains("ar: 2 files stamped"), "{}", run.stdout);
    assert_eq!(common::shipped_warnings(&site, &[]), Vec::<String>::new());
    site.edit("content/en/faq.md", "ChatGPT", "ChatGPT ");
    let run = site.run(&["stamp", "fr"]).expect_code(0);
    assert!(run.stdout.contains("fr: 1 file stamped"), "{}", run.stdout);
    site.run(&["stamp", "en"]).expect_code(2);
}

/// The parts of each translation of `page` that check reports outdated, as its messages say.
fn outdated_parts(site: &SiteTest, page: &str) -> Vec<String> {
    let run = site.run(&["check", "--format", "json"]);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "outdated-page" && f["file"] == format!("content/fr/{page}"))
        .map(|f| {
            let message = f["message"].as_str().unwrap();
            message.split("changed since: ").nth(1).unwrap().to_string()
        })
        .collect()
}

#[test]
fn sections_added_removed_or_moved_in_the_default_language_are_outdated() {
    let site = SiteTest::shipped();
    assert_eq!(outdated_parts(&site, "faq.md"), Vec::<String>::new());
    site.edit(
        "content/en/faq.md",
        "## Was it OpenAI’s decision to remove ChatGPT from WhatsApp? {#openai-choice}",
        "## A new question? {#new}\n\nA new answer.\n\n## Was it OpenAI’s decision to remove ChatGPT from WhatsApp? {#openai-choice}",
    );
    assert_eq!(outdated_parts(&site, "faq.md"), ["#new, order"]);

    let site = SiteTest::shipped();
    let faq = site.read("content/en/faq.md");
    let start = faq.find("## Does this affect businesses").unwrap();
    let end = faq.find("## Are other AI assistants affected?").unwrap();
    let section = faq[start..end].to_string();
    site.write("content/en/faq.md", &faq.replacen(&section, "", 1));
    assert_eq!(
        outdated_parts(&site, "faq.md"),
        ["order, #businesses (removed)"]
    );

    // The same section, moved: no text changed, but the translation's order is wrong now.
    let moved = faq.replacen(&section, "", 1) + "\n" + section.trim_end() + "\n";
    site.write("content/en/faq.md", &moved);
    assert_eq!(outdated_parts(&site, "faq.md"), ["order"]);
}

/// Each finding's code, file and message from `check --format json` on `site`.
fn findings(site: &SiteTest) -> Vec<(String, String, String)> {
    let run = site.run(&["check", "--format", "json", "--now", "2026-01-05"]);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let text = |key: &str| f[key].as_str().unwrap_or_default().to_string();
            (text("code"), text("file"), text("message"))
        })
        .collect()
}

/// What mutation testing showed unchecked: which file a missing message belongs in, the words
/// of a variables finding, leftovers only in translations and once, and an `updated` date on
/// the build's own day.
#[test]
fn findings_name_the_right_file_and_say_what_differs() {
    let site = SiteTest::fixture("mini");
    // A second file in each language; French lacks one of its messages.
    site.write("locales/en/more.ftl", "extra = More\nother = Other\n");
    site.write("locales/fr/more.ftl", "other = Autre\n");
    // French drops one variable and adds another.
    site.edit(
        "locales/fr/main.ftl",
        "status-ended = Terminé le { DATETIME($end_date) }",
        "status-ended = Terminé le { DATETIME($date_announced) }",
    );
    // A leftover in the default language is the author's business; in French it is not
    // finished.
    site.edit("content/en/faq.md", "Because.", "Because. TODO");
    let fr_index = site.read("content/fr/index.md");
    site.write("content/fr/index.md", &format!("{fr_index}\nTODO\n"));
    let found = findings(&site);
    let with = |code: &str| -> Vec<&(String, String, String)> {
        found.iter().filter(|(c, _, _)| c == code).collect()
    };
    let missing: Vec<_> = with("missing-message")
        .into_iter()
        .filter(|(_, _, message)| message.ends_with("instead: `extra`"))
        .collect();
    assert_eq!(missing.len(), 1, "{found:#?}");
    assert_eq!(missing[0].1, "locales/fr/more.ftl");
    assert!(missing[0].2.starts_with("1 message is missing in fr"));
    // A language without the file: one finding for the file, however many messages it lacks.
    let arabic: Vec<_> = with("missing-message")
        .into_iter()
        .filter(|(_, file, _)| file == "locales/ar/more.ftl")
        .collect();
    assert_eq!(arabic.len(), 1, "{found:#?}");
    assert!(
        arabic[0]
            .2
            .starts_with("this file does not exist yet: the 2 messages"),
        "{found:#?}"
    );
    let variables = with("variables");
    assert_eq!(variables.len(), 1, "{found:#?}");
    assert!(
        variables[0].2.ends_with(
            "lacks $end_date and adds $date_announced compared with the default language"
        ),
        "{}",
        variables[0].2
    );
    let leftovers = with("placeholder");
    assert_eq!(leftovers.len(), 1, "{found:#?}");
    assert_eq!(leftovers[0].1, "content/fr/index.md");
    assert!(with("future-update").is_empty(), "{found:#?}");

    // Only dropping a variable says only that.
    site.edit(
        "locales/fr/main.ftl",
        "status-ended = Terminé le { DATETIME($date_announced) }",
        "status-ended = Terminé",
    );
    let found = findings(&site);
    let variables: Vec<_> = found.iter().filter(|(c, _, _)| c == "variables").collect();
    assert!(
        variables[0]
            .2
            .contains("`status-ended` lacks $end_date compared"),
        "{}",
        variables[0].2
    );
}

/// A page updated on the day of the build shows its date: no note; one a day later does.
#[test]
fn an_update_on_the_build_day_is_not_in_the_future() {
    let site = SiteTest::fixture("mini");
    let index = site.read("content/en/index.md");
    let dated = index.replacen("updated = 2025-12-01", "updated = 2026-01-05", 1);
    site.write("content/en/index.md", &dated);
    let notes = |site: &SiteTest| {
        findings(site)
            .into_iter()
            .filter(|(c, _, _)| c == "future-update")
            .count()
    };
    assert_eq!(notes(&site), 0);
    site.write(
        "content/en/index.md",
        &dated.replace("2026-01-05", "2026-01-06"),
    );
    assert_eq!(notes(&site), 1);
}

/// One broken file is one finding: a page that does not parse is not also "not translated",
/// nor, in the default language, does it make every translation "an extra page".
#[test]
fn a_page_that_does_not_parse_is_reported_once() {
    let site = SiteTest::fixture("mini");
    site.edit("content/fr/faq.md", "title =", "titl =");
    let found = findings(&site);
    let about_french_faq: Vec<_> = found
        .iter()
        .filter(|(_, file, _)| file == "content/fr/faq.md")
        .map(|(code, _, _)| code.as_str())
        .collect();
    assert_eq!(about_french_faq, ["front-matter"], "{found:#?}");
    // The languages without the page are still told.
    assert!(
        found
            .iter()
            .any(|(code, file, _)| code == "missing-page" && file == "content/tr/faq.md"),
        "{found:#?}"
    );

    site.edit("content/fr/faq.md", "titl =", "title =");
    site.edit("content/en/faq.md", "title =", "titl =");
    let found = findings(&site);
    assert!(
        !found.iter().any(|(code, _, _)| code == "extra-page"),
        "{found:#?}"
    );
    assert!(
        !found.iter().any(|(code, _, _)| code == "missing-page"),
        "{found:#?}"
    );
}

/// A broken link is underlined whole, where the template writes it; a broken anchor says how
/// to name a heading.
#[test]
fn broken_links_are_underlined_and_anchors_get_their_own_hint() {
    let site = SiteTest::fixture("l10n-broken");
    let run = site.run(&["check", "--now", "2026-01-05"]);
    assert!(
        run.stdout.contains(
            "13 | <p><a href=\"/en/missing/\">gone</a></p>\n   |             ^^^^^^^^^^^^\n"
        ),
        "{}",
        run.stdout
    );
    let anchor = run
        .stdout
        .split("\n\n")
        .find(|block| block.contains("has no #pourquoi"))
        .unwrap_or_else(|| panic!("{}", run.stdout));
    assert!(
        anchor.contains("help: use the id of a heading of that page ({#id} in its Markdown)"),
        "{anchor}"
    );
    // In the Markdown, the anchor is underlined whole.
    assert!(
        anchor.contains("17 | [FAQ](@/faq.md#pourquoi)\n   |               ^^^^^^^^^\n"),
        "{anchor}"
    );
}

/// A leftover in a page is a warning underlined whole, at its line.
#[test]
fn a_leftover_in_a_page_is_underlined_whole() {
    let site = SiteTest::fixture("mini");
    let page = site.read("content/fr/index.md");
    site.write(
        "content/fr/index.md",
        &format!("{page}\nEncore à faire : TODO ici.\n"),
    );
    let run = site.run(&["check", "--now", "2026-01-05"]);
    let block = run
        .stdout
        .split("\n\n")
        .find(|block| block.contains("the page still holds \"TODO\""))
        .unwrap_or_else(|| panic!("{}", run.stdout));
    assert!(
        block.contains("19 | Encore à faire : TODO ici.\n   |                  ^^^^\n"),
        "{block}"
    );
}

/// The typographic findings of `check --format json` on `site`: (code, file, line, column).
fn typography(site: &SiteTest) -> Vec<(String, String, u64, u64)> {
    let run = site
        .run(&["check", "--format", "json", "--now", "2026-01-05"])
        .expect_code(0);
    let report: Value = serde_json::from_str(&run.stdout).unwrap();
    let mut found: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["code"]
                .as_str()
                .is_some_and(|c| c.starts_with("typography-"))
        })
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect();
    found.sort();
    found
}

/// One finding per typographic rule, planted in a copy of `mini`: `check` names each at its
/// `path:line:col`, `check --fix` makes the safe fixes in the files and leaves the rest.
#[test]
fn typography_is_checked_per_language_and_fixed() {
    let site = SiteTest::fixture("mini");
    // English, and the rules of every language.
    site.edit(
        "locales/en/main.ftl",
        "site-name = The end of the service",
        "site-name = The service's end",
    );
    site.edit(
        "locales/en/main.ftl",
        "reminder-title = Last day of the service",
        "reminder-title = The \"last day\" of the service",
    );
    site.write(
        "content/en/faq.md",
        "+++\ntitle = \"FAQ en\"\ndescription = \"Questions in en\"\nweight = 1\n+++\n\
         ## Why? {#why}\n\nBecause , really.  Truly.\n\n## Second question\n\n\
         Answer: a 27\" screen, `it's` and <https://example.org/it's>.\n",
    );
    // French: text that follows the rules is left alone (U+202F before `:` on line 12).
    site.write(
        "content/fr/faq.md",
        "+++\ntitle = \"FAQ : questions\"\ndescription = \"Les questions, le 15 janvier\"\nweight = 1\n+++\n\
         ## Pourquoi ? {#why}\n\n\
         Parce que: c'est « fini ».  Voir https://example.org/a?b=1 à 12:30, et \"ceci\".\n\n\
         ## Deuxième question\n\nRéponse\u{202F}: oui, le 15\u{A0}janvier.\n",
    );
    site.edit(
        "locales/tr/main.ftl",
        "site-name = Hizmetin sonu",
        "site-name = WhatsAppta hizmetin sonu, ChatGPT'nin",
    );
    site.edit(
        "locales/ar/main.ftl",
        "site-name = نهاية الخدمة",
        "site-name = نهاية الخدمة, قريبا?",
    );
    site.edit(
        "locales/id/main.ftl",
        "site-name = Akhir layanan",
        "site-name = \"Akhir\" layanan Jum'at",
    );
    let expected = [
        ("typography-apostrophe", "content/fr/faq.md", 8, 13),
        ("typography-apostrophe", "locales/en/main.ftl", 1, 24),
        ("typography-apostrophe", "locales/id/main.ftl", 1, 32),
        ("typography-apostrophe", "locales/tr/main.ftl", 1, 46),
        (
            "typography-arabic-punctuation",
            "locales/ar/main.ftl",
            1,
            25,
        ),
        (
            "typography-arabic-punctuation",
            "locales/ar/main.ftl",
            1,
            32,
        ),
        ("typography-french-spacing", "content/fr/faq.md", 2, 13),
        ("typography-french-spacing", "content/fr/faq.md", 6, 12),
        ("typography-french-spacing", "content/fr/faq.md", 8, 10),
        ("typography-guillemets", "content/fr/faq.md", 8, 19),
        ("typography-guillemets", "content/fr/faq.md", 8, 24),
        ("typography-number-space", "content/fr/faq.md", 3, 36),
        ("typography-quotes", "content/en/faq.md", 12, 13),
        ("typography-quotes", "content/fr/faq.md", 8, 72),
        ("typography-quotes", "content/fr/faq.md", 8, 77),
        ("typography-quotes", "locales/en/main.ftl", 10, 22),
        ("typography-quotes", "locales/en/main.ftl", 10, 31),
        ("typography-quotes", "locales/id/main.ftl", 1, 13),
        ("typography-quotes", "locales/id/main.ftl", 1, 19),
        ("typography-repeated-spaces", "content/en/faq.md", 8, 18),
        ("typography-repeated-spaces", "content/fr/faq.md", 8, 27),
        (
            "typography-space-before-punctuation",
            "content/en/faq.md",
            8,
            8,
        ),
        ("typography-turkish-suffix", "locales/tr/main.ftl", 1, 13),
    ];
    let as_owned = |rows: &[(&str, &str, u64, u64)]| -> Vec<(String, String, u64, u64)> {
        rows.iter()
            .map(|(c, f, l, col)| (c.to_string(), f.to_string(), *l, *col))
            .collect()
    };
    assert_eq!(typography(&site), as_owned(&expected));

    // The human report names each at its place, with the fix.
    let run = site.run(&["check", "--now", "2026-01-05"]).expect_code(0);
    for (_, file, line, column) in &expected {
        let place = format!("{file}:{line}:{column}");
        assert!(run.stdout.contains(&place), "{place} in:\n{}", run.stdout);
    }
    assert!(
        run.stdout
            .contains("help: write ’ (U+2019) instead of ' (`sunset check --fix` does it)"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("notes  typography\n"), "{}", run.stdout);
    // Said once at the end: the fixes that need no one.
    assert!(
        run.stdout.contains(
            "typographic warnings have a safe fix: `sunset check --fix` makes them all\n"
        ),
        "{}",
        run.stdout
    );
    // Proofreading is check's: a build does not pay for it, nor report it.
    let build = site
        .run(&["build", "--now", "2026-01-05", "-v"])
        .expect_code(0);
    for (_, file, line, column) in &expected {
        let place = format!("{file}:{line}:{column}");
        assert!(
            !build.stderr.contains(&place),
            "{place} in:\n{}",
            build.stderr
        );
    }

    let run = site
        .run(&["check", "--fix", "--now", "2026-01-05"])
        .expect_code(0);
    for line in [
        "fixed content/en/faq.md: 2 typographic fixes\n",
        "fixed content/fr/faq.md: 8 typographic fixes\n",
        "fixed locales/ar/main.ftl: 2 typographic fixes\n",
        "fixed locales/en/main.ftl: 3 typographic fixes\n",
        "fixed locales/id/main.ftl: 3 typographic fixes\n",
        "fixed locales/tr/main.ftl: 2 typographic fixes\n",
    ] {
        assert!(run.stdout.contains(line), "{line} in:\n{}", run.stdout);
    }
    assert!(!run.stdout.contains("a safe fix:"), "{}", run.stdout);
    assert!(
        site.read("locales/en/main.ftl")
            .starts_with("site-name = The service’s end\n")
    );
    assert!(
        site.read("locales/en/main.ftl")
            .contains("reminder-title = The “last day” of the service\n")
    );
    let en_faq = site.read("content/en/faq.md");
    assert!(en_faq.contains("\nBecause, really. Truly.\n"), "{en_faq}");
    assert!(
        en_faq.contains("Answer: a 27\" screen, `it's` and <https://example.org/it's>."),
        "{en_faq}"
    );
    let fr_faq = site.read("content/fr/faq.md");
    for fixed in [
        "title = \"FAQ\u{202F}: questions\"",
        "description = \"Les questions, le 15\u{A0}janvier\"",
        "## Pourquoi\u{202F}? {#why}",
        "Parce que\u{202F}: c’est «\u{202F}fini\u{202F}». Voir https://example.org/a?b=1 à 12:30, et \"ceci\".",
        "Réponse\u{202F}: oui, le 15\u{A0}janvier.",
    ] {
        assert!(fr_faq.contains(fixed), "{fixed:?} in:\n{fr_faq}");
    }
    assert!(
        site.read("locales/tr/main.ftl")
            .starts_with("site-name = WhatsApp’ta hizmetin sonu, ChatGPT’nin\n")
    );
    assert!(
        site.read("locales/ar/main.ftl")
            .starts_with("site-name = نهاية الخدمة، قريبا؟\n")
    );
    assert!(
        site.read("locales/id/main.ftl")
            .starts_with("site-name = “Akhir” layanan Jum’at\n")
    );
    // What is left has no safe fix: a quote that pairs with none, and French's guillemets,
    // which are the writer's to place.
    assert_eq!(
        typography(&site),
        as_owned(&[
            ("typography-quotes", "content/en/faq.md", 12, 13),
            ("typography-quotes", "content/fr/faq.md", 8, 72),
            ("typography-quotes", "content/fr/faq.md", 8, 77),
        ])
    );
    // Nothing is left to fix, and the site still builds.
    let run = site.run(&["check", "--fix"]).expect_code(0);
    assert!(!run.stdout.contains("fixed "), "{}", run.stdout);
    site.build_at("2026-01-05");
}

/// `--lang` narrows what `--fix` touches, and with `--format json` the lines about fixes go
/// to stderr, so that stdout stays one JSON report.
#[test]
fn fix_follows_lang_and_keeps_json_on_stdout() {
    let site = SiteTest::fixture("mini");
    site.edit(
        "locales/en/main.ftl",
        "site-name = The end of the service",
        "site-name = The service's end",
    );
    site.edit(
        "locales/tr/main.ftl",
        "site-name = Hizmetin sonu",
        "site-name = WhatsAppta",
    );
    let run = site
        .run(&["check", "--fix", "--lang", "tr", "--format", "json"])
        .expect_code(0);
    let report: Value =
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout));
    assert_eq!(report["version"], 1);
    assert!(
        run.stderr
            .contains("fixed locales/tr/main.ftl: 1 typographic fix\n"),
        "{}",
        run.stderr
    );
    assert!(
        site.read("locales/tr/main.ftl")
            .starts_with("site-name = WhatsApp’ta\n")
    );
    assert!(
        site.read("locales/en/main.ftl")
            .starts_with("site-name = The service's end\n")
    );
}
