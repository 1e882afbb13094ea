//! The files beside the pages: calendar reminders, notice.json for deploy jobs, and static
//! files under content-hashed names. On the fixture `tests/fixtures/mini`.

use crate::common::{SiteTest, refused, visible_body};

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
