//! One mistake, one finding, saying what was meant: a misspelled variable, a broken anchor on
//! a page published in two languages, a misspelled placeholder, a value of the wrong type in
//! site.toml, heading ids that differ across languages.

use serde_json::Value;

use crate::common::{SiteTest, check_findings};

/// The errors and warnings among `findings`.
fn problems(findings: &[Value]) -> Vec<&Value> {
    findings
        .iter()
        .filter(|f| f["severity"] != "note")
        .collect()
}

/// A misspelled variable in a translation is one error at the variable, naming the default
/// language's variable it stands for: not also "cannot be formatted" where the reminder uses
/// it, nor "variables differ from the default language".
#[test]
fn a_misspelled_variable_is_one_error_at_the_variable() {
    let site = SiteTest::shipped();
    site.edit(
        "locales/fr/main.ftl",
        "est le { DATETIME($end_date) }. Pour",
        "est le { DATETIME($cdate) }. Pour",
    );
    let findings = check_findings(&site, &[]);
    let problems = problems(&findings);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    let error = problems[0];
    assert_eq!(error["code"], "unknown-variable");
    assert_eq!(error["file"], "locales/fr/main.ftl");
    let line = site
        .read("locales/fr/main.ftl")
        .lines()
        .position(|l| l.contains("$cdate"))
        .unwrap()
        + 1;
    let column = site
        .read("locales/fr/main.ftl")
        .lines()
        .nth(line - 1)
        .unwrap()
        .chars()
        .take_while(|c| *c != '$')
        .count()
        + 1;
    assert_eq!(
        (error["line"].as_u64(), error["column"].as_u64()),
        (Some(line as u64), Some(column as u64))
    );
    assert_eq!(
        error["hint"],
        "did you mean $end_date? The default language's message uses it"
    );
}

/// A broken anchor in an English page is one error, though the German page, still a copy,
/// publishes the same text.
#[test]
fn a_broken_anchor_shown_in_two_languages_is_one_error() {
    let site = SiteTest::init(&["--languages", "en"]);
    site.run(&["add-language", "de"]).expect_code(0);
    let index = site.read("content/en/index.md");
    site.write(
        "content/en/index.md",
        &format!("{index}\nSee [what to keep](#keep).\n"),
    );
    let findings = check_findings(&site, &[]);
    let anchors: Vec<&Value> = findings
        .iter()
        .filter(|f| f["code"] == "broken-anchor")
        .collect();
    assert_eq!(anchors.len(), 1, "{anchors:#?}");
    assert_eq!(anchors[0]["file"], "content/en/index.md");
    assert_eq!(
        anchors[0]["message"],
        "/en/index.html links to #keep, but that page has no #keep"
    );
}

/// A misspelled placeholder names the message meant; one that is like none names a message
/// the site has.
#[test]
fn a_placeholder_hint_names_a_message_of_the_site() {
    let site = SiteTest::init(&["--languages", "en"]);
    site.edit("content/en/index.md", "{{ end-date }}", "{{ end-dat }}");
    let run = site.run(&["check"]).expect_code(1);
    assert!(
        run.stdout
            .contains("`{{ end-dat }}`: no translation defines the message `end-dat`")
            && run.stdout.contains("help: did you mean {{ end-date }}?\n"),
        "{}",
        run.stdout
    );
    site.edit("content/en/index.md", "{{ end-dat }}", "{{ farewell }}");
    let run = site.run(&["check"]).expect_code(1);
    assert!(
        run.stdout.contains(
            "help: a placeholder names a message of the locales/ files, like {{ announced-date }}\n"
        ),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("countdown"), "{}", run.stdout);
}

/// A site.toml value of the wrong type gets its key in the right form, for every key with a
/// form to show: dates, milestones' dates or instants, numbers, lists, choices; a key
/// misspelled or missing gets the one meant.
#[test]
fn site_toml_hints_show_the_right_form() {
    let cases = [
        (
            "end_date = 2027-06-30",
            "end_date = \"30/06/2027\"",
            "help: write a TOML date, year-month-day without quotes: end_date = 2027-06-30",
        ),
        (
            "announced = 2027-03-01",
            "announced = \"2027-03-01\"",
            "help: write a TOML date, year-month-day without quotes: announced = 2027-03-01",
        ),
        (
            "alert_days_before = 3",
            "alert_days_before = \"5\"",
            "help: write a whole number, 0 or more, without quotes: alert_days_before = 5",
        ),
        (
            "allow_identical = [\"Example Service\"]",
            "allow_identical = \"Example Service\"",
            "help: write a list of texts in quotes: allow_identical = [\"Example Service\"]",
        ),
        (
            "\nday = \"reader\"",
            "\nday = true",
            "help: write day = \"reader\" or day = \"zone\"",
        ),
        (
            "time_zone = \"UTC\"",
            "timezone = \"UTC\"",
            "help: did you mean `time_zone`?",
        ),
        (
            "time_zone = \"UTC\"",
            "",
            "help: add time_zone = \"Europe/Paris\" to [notice]",
        ),
    ];
    for (from, to, hint) in cases {
        let site = SiteTest::init(&["--languages", "en"]);
        site.edit("site.toml", from, to);
        let run = site.run(&["check"]).expect_code(1);
        assert!(run.stderr.contains(hint), "{to}: {}", run.stderr);
        // The key's own form, never the fallback that sends the reader elsewhere.
        assert!(
            !run.stderr.contains("docs/ lists them all"),
            "{}",
            run.stderr
        );
    }
    let site = SiteTest::init(&["--milestones"]);
    site.edit("site.toml", "date = 2027-12-31", "date = \"2027-12-31\"");
    let run = site.run(&["check"]).expect_code(1);
    assert!(
        run.stderr.contains(
            "help: write a TOML date, year-month-day without quotes: date = 2027-12-31, or an instant with its offset: date = 2027-12-31T09:00:00Z"
        ),
        "{}",
        run.stderr
    );
}

/// A translated page whose explicit heading ids are not the default language's is a warning
/// at the first that differs; an id written out that the original gets from its words is
/// the same id.
#[test]
fn heading_ids_that_differ_across_languages_are_a_warning() {
    let site = SiteTest::shipped();
    let faq = site.read("content/fr/faq.md");
    let line = faq.lines().position(|l| l.contains("{#where}")).unwrap() + 1;
    site.edit("content/fr/faq.md", "{#where}", "{#ou}");
    let findings = check_findings(&site, &[]);
    let ids: Vec<&Value> = findings
        .iter()
        .filter(|f| f["code"] == "heading-ids")
        .collect();
    assert_eq!(ids.len(), 1, "{findings:#?}");
    let warning = ids[0];
    assert_eq!(warning["severity"], "warning");
    assert_eq!(warning["file"], "content/fr/faq.md");
    assert_eq!(warning["line"].as_u64(), Some(line as u64));
    assert_eq!(
        warning["message"],
        "the heading ids differ from those of content/en/faq.md: missing #where; extra #ou"
    );
    assert!(
        warning["hint"]
            .as_str()
            .unwrap()
            .starts_with("write {#where} instead of {#ou}"),
        "{warning}"
    );
    site.run(&["check", "--strict"]).expect_code(1);

    // mini's French FAQ writes out `{#second-question}`, the English heading's slug.
    let mini = SiteTest::fixture("mini");
    let findings = check_findings(&mini, &[]);
    assert!(
        !findings.iter().any(|f| f["code"] == "heading-ids"),
        "{findings:#?}"
    );
}
