//! The notice's history: updates recorded in site.toml, shown on the notice page, in each
//! language's Atom feed, in each language's notice for apps (`<lang>/notice.json`) and in the
//! reminders of a milestone that moved. On `tests/fixtures/history` (an end moved from 15 to
//! 31 January 2026, in English, Arabic and French) and on the shipped site.

use std::collections::BTreeSet;

use chrono::DateTime;

use crate::common::{SiteTest, between, check_findings, plain, visible_body};

const ATOM: &str = "http://www.w3.org/2005/Atom";
const XML: &str = "http://www.w3.org/XML/1998/namespace";

/// A feed as the tests read it, once [`read_feed`] has checked what RFC 4287 requires.
struct Feed {
    lang: String,
    id: String,
    updated: String,
    /// Its link to the page it stands for (the notice) and to itself.
    alternate: String,
    own: String,
    entries: Vec<Entry>,
}

struct Entry {
    id: String,
    title: String,
    /// The title's own `xml:lang`, where it is not the feed's language.
    title_lang: Option<String>,
    updated: String,
    category: String,
    link: String,
}

/// The one child of `node` named `name` in the Atom namespace, which RFC 4287 requires
/// exactly once.
fn one<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> roxmltree::Node<'a, 'i> {
    let found: Vec<_> = node
        .children()
        .filter(|n| n.has_tag_name((ATOM, name)))
        .collect();
    assert_eq!(found.len(), 1, "atom:{name} in {:?}", node.tag_name());
    found[0]
}

/// An RFC 3339 date-time, as atom:updated must be.
fn date_time(node: roxmltree::Node) -> String {
    let text = node.text().unwrap_or_default().to_string();
    assert!(
        DateTime::parse_from_rfc3339(&text).is_ok(),
        "not RFC 3339: {text}"
    );
    text
}

/// The `href` of `node`'s only link of relation `rel`; RFC 4287 allows one alternate link of
/// each type and language.
fn link(node: roxmltree::Node, rel: &str) -> String {
    let links: Vec<_> = node
        .children()
        .filter(|n| n.has_tag_name((ATOM, "link")) && n.attribute("rel") == Some(rel))
        .collect();
    assert_eq!(links.len(), 1, "{rel} links");
    links[0].attribute("href").unwrap().to_string()
}

/// Parses an Atom feed, checking the elements RFC 4287 requires: the feed's id, title,
/// updated and author (none of its entries has one of its own), its self link; each entry's
/// id, title and updated, and its alternate link (entries have no content). Ids are tag URIs.
fn read_feed(xml: &str) -> Feed {
    let document = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}:\n{xml}"));
    let feed = document.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")), "{xml}");
    let text = |node: roxmltree::Node| node.text().unwrap_or_default().to_string();
    let id = text(one(feed, "id"));
    assert!(!text(one(feed, "title")).is_empty());
    let author = one(feed, "author");
    assert!(!text(one(author, "name")).is_empty());
    let entries = feed
        .children()
        .filter(|n| n.has_tag_name((ATOM, "entry")))
        .map(|entry| {
            let title = one(entry, "title");
            let category = entry
                .children()
                .find(|n| n.has_tag_name((ATOM, "category")))
                .and_then(|n| n.attribute("term"))
                .unwrap_or_default()
                .to_string();
            Entry {
                id: text(one(entry, "id")),
                title: text(title),
                title_lang: title.attribute((XML, "lang")).map(String::from),
                updated: date_time(one(entry, "updated")),
                category,
                link: link(entry, "alternate"),
            }
        })
        .collect::<Vec<_>>();
    for id in std::iter::once(&id).chain(entries.iter().map(|e| &e.id)) {
        assert!(id.starts_with("tag:"), "{id}");
    }
    Feed {
        lang: feed
            .attribute((XML, "lang"))
            .unwrap_or_default()
            .to_string(),
        id,
        updated: date_time(one(feed, "updated")),
        alternate: link(feed, "alternate"),
        own: link(feed, "self"),
        entries,
    }
}

/// `(UID, SEQUENCE, DTSTART)` of a calendar file, lines unfolded.
fn event(ics: &str) -> (String, u32, String) {
    let unfolded = ics.replace("\r\n ", "");
    let field = |name: &str| {
        unfolded
            .split("\r\n")
            .find_map(|line| line.strip_prefix(name))
            .unwrap_or_else(|| panic!("no {name} in {ics}"))
            .to_string()
    };
    (
        field("UID:"),
        field("SEQUENCE:").parse().unwrap(),
        field("DTSTART;VALUE=DATE:"),
    )
}

/// The fixture as it was before the editor recorded the move: the end on 15 January.
fn before_the_move(site: &SiteTest) -> String {
    let recorded = site.read("site.toml");
    let moved = between(&recorded, "[[updates]]\nid = \"end-moved\"", "\n\n");
    let text = recorded
        .replace(&format!("[[updates]]\nid = \"end-moved\"{moved}\n\n"), "")
        .replace("end_date = 2026-01-31", "end_date = 2026-01-15");
    site.write("site.toml", &text);
    recorded
}

/// The notice page's list of updates, as a reader reads it: each date and text.
fn listed_updates(html: &str) -> Vec<String> {
    let list = between(
        visible_body(html),
        "<section class=\"updates\">",
        "</section>",
    );
    list.split("<dt>")
        .skip(1)
        .map(|item| plain(item).replace('\n', " ").trim().to_string())
        .collect()
}

#[test]
fn a_moved_end_shows_on_the_notice_page_in_the_feed_and_in_the_reminder() {
    let site = SiteTest::fixture("history");
    let recorded = before_the_move(&site);
    site.build_at("2026-01-05");
    let (uid, sequence, day) = event(&site.output("fr/remind-me.ics"));
    assert_eq!(
        (uid.as_str(), sequence, day.as_str()),
        ("end-fr@example.org", 0, "20260115")
    );
    assert!(!site.output("fr/remind-me.ics").contains("a changé"));
    assert_eq!(read_feed(&site.output("en/feed.xml")).entries.len(), 2);

    // The editor moves the end to 31 January, and records it.
    site.write("site.toml", &recorded);
    site.build_at("2026-01-08");
    let page = site.output("en/index.html");
    assert_eq!(
        listed_updates(&page),
        [
            "January 8, 2026 The last day moved from January 15, 2026 to January 31, 2026.",
            "December 1, 2025 A new question: can you keep your data?",
            // The announcement keeps the date it announced.
            "October 21, 2025 The service was announced to end after January 15, 2026.",
        ]
    );
    assert!(visible_body(&page).contains("<time datetime=\"2026-01-31\">January 31, 2026</time>"));
    let feed = read_feed(&site.output("fr/feed.xml"));
    let entry = &feed.entries[0];
    assert_eq!(entry.id, "tag:example.org,2026-01-08:fr/updates/end-moved");
    assert_eq!(
        entry.title,
        "Le dernier jour a changé\u{202f}: le 15\u{a0}janvier\u{a0}2026 devient le 31\u{a0}janvier\u{a0}2026."
    );
    assert_eq!(
        (entry.updated.as_str(), entry.category.as_str()),
        ("2026-01-08T00:00:00+01:00", "moved")
    );
    assert_eq!(feed.updated, entry.updated, "the latest update");
    let ics = site.output("fr/remind-me.ics");
    let (moved_uid, sequence, day) = event(&ics);
    assert_eq!(moved_uid, uid, "the same event, moved");
    assert_eq!((sequence, day.as_str()), (1, "20260131"));
    assert!(
        ics.replace("\r\n ", "").contains(
            "DESCRIPTION;LANGUAGE=fr:Cette date a changé le 8\u{a0}janvier\u{a0}2026\u{202f}: c’était le 15\u{a0}janvier\u{a0}2026.\\n\\nLe service s’arrête après le 31\u{a0}janvier\u{a0}2026."
        ),
        "the event says when it changed: {ics}"
    );
    let app: serde_json::Value = serde_json::from_str(&site.output("ar/notice.json")).unwrap();
    assert_eq!(app["latest_update"]["id"], "end-moved");
    assert_eq!(
        app["latest_update"]["text"]["text"],
        "تغيّر آخر يوم من 15 يناير 2026 إلى 31 يناير 2026."
    );
    assert_eq!(app["end"]["date"], "2026-01-31");

    // Moved again: the same event, a higher sequence.
    let again = "\n[[updates]]\nid = \"moved-again\"\ndate = 2026-01-12\nkind = \"moved\"\nfrom = 2026-01-31\nto = 2026-02-14\n";
    let text = recorded.replace("end_date = 2026-01-31", "end_date = 2026-02-14") + again;
    site.write("site.toml", &text);
    for lang in ["en", "ar", "fr"] {
        let updates = format!("locales/{lang}/updates.ftl");
        let ftl = site.read(&updates) + "update-moved-again = { DATETIME($to) }\n";
        site.write(&updates, &ftl);
    }
    site.build_at("2026-01-12");
    let (again_uid, sequence, day) = event(&site.output("fr/remind-me.ics"));
    assert_eq!((again_uid, sequence, day.as_str()), (uid, 2, "20260214"));
}

/// A date update is shown from midnight in the notice's zone, on either side of UTC; an
/// update dated later than the build is a note, and nothing of it is published.
#[test]
fn an_update_waits_for_its_day_in_the_notices_zone() {
    let site = SiteTest::fixture("history");
    let now = "2026-01-07T23:30:00Z";
    for (zone, shown) in [("Europe/Paris", true), ("America/Los_Angeles", false)] {
        site.edit(
            "site.toml",
            "time_zone = \"Europe/Paris\"",
            &format!("time_zone = \"{zone}\""),
        );
        let run = site.run(&["build", "--now", now, "-v"]).expect_code(0);
        let page = site.output("en/index.html");
        assert_eq!(page.contains("January 8, 2026"), shown, "{zone}");
        let feed = read_feed(&site.output("en/feed.xml"));
        assert_eq!(feed.entries.len(), if shown { 3 } else { 2 }, "{zone}");
        let (_, sequence, _) = event(&site.output("en/remind-me.ics"));
        assert_eq!(sequence, u32::from(shown), "{zone}");
        let future = run
            .stderr
            .contains("the update `end-moved` is dated 2026-01-08, after the build's date");
        assert_eq!(future, !shown, "{zone}: {}", run.stderr);
        if future {
            assert!(run.stderr.contains("site.toml:39:8"), "{}", run.stderr);
        }
        site.edit(
            "site.toml",
            &format!("time_zone = \"{zone}\""),
            "time_zone = \"Europe/Paris\"",
        );
    }
}

/// Before the end, on the last day and after it, the history is the same, dated the same, in
/// the feed and on the page: it only grows when an update's date comes.
#[test]
fn the_history_reads_the_same_in_every_phase() {
    let site = SiteTest::fixture("history");
    let mut lists = Vec::new();
    for (now, phase) in [
        ("2026-01-20", "upcoming"),
        ("2026-01-31", "last-day"),
        ("2026-02-10", "ended"),
    ] {
        site.build_at(now);
        for lang in ["en", "ar", "fr"] {
            let app: serde_json::Value =
                serde_json::from_str(&site.output(&format!("{lang}/notice.json"))).unwrap();
            assert_eq!(app["phase"], phase, "{lang} at {now}");
            let page = site.output(&format!("{lang}/index.html"));
            let status = plain(between(&page, "<h2 id=\"status-heading\">", "</h2>"));
            assert_eq!(
                app["status"]["text"]
                    .as_str()
                    .unwrap()
                    .replace(['\u{2066}', '\u{2069}'], ""),
                status
            );
            let feed = read_feed(&site.output(&format!("{lang}/feed.xml")));
            let ids: Vec<&str> = feed.entries.iter().map(|e| e.id.as_str()).collect();
            lists.push((
                lang,
                listed_updates(&page),
                ids.join(" "),
                feed.updated.clone(),
            ));
        }
        assert_eq!(
            site.path("public/en/remind-me.ics").exists(),
            phase != "ended",
            "a reminder while some reader is before the end, at {now}"
        );
    }
    for lang in ["en", "ar", "fr"] {
        let of: BTreeSet<_> = lists.iter().filter(|l| l.0 == lang).collect();
        let distinct: BTreeSet<_> = of.iter().map(|l| (&l.1, &l.2, &l.3)).collect();
        assert_eq!(distinct.len(), 1, "{lang}: {of:#?}");
    }
}

/// The same sources and "now" give the same bytes: feeds, notices for apps and reminders
/// included, whatever the order files were read or pages rendered in.
#[test]
fn the_same_history_gives_the_same_bytes() {
    let first = SiteTest::fixture("history");
    let second = SiteTest::fixture("history");
    first.build_at("2026-01-10T12:00:00Z");
    second.build_at("2026-01-10T12:00:00Z");
    let tree = first.tree("public");
    assert!(tree.iter().any(|(name, _)| name == "ar/feed.xml"));
    assert!(tree.iter().any(|(name, _)| name == "ar/notice.json"));
    assert_eq!(tree, second.tree("public"));
    first.build_at("2026-01-10T12:00:00Z");
    assert_eq!(tree, first.tree("public"));
}

/// An update not translated yet is shown in the default language's words, marked as such on
/// the page, in the feed and for apps, and `check` reports it as any missing message.
#[test]
fn an_update_not_translated_is_marked_and_reported() {
    let site = SiteTest::fixture("history");
    site.build_at("2026-01-05");
    let page = site.output("fr/index.html");
    assert!(
        visible_body(&page)
            .contains("<dd><span lang=\"en\">A new question: can you keep your data?</span></dd>"),
        "{page}"
    );
    let feed = read_feed(&site.output("fr/feed.xml"));
    assert_eq!(feed.entries[0].title_lang.as_deref(), Some("en"));
    assert_eq!(feed.entries[0].link, "https://example.org/fr/faq/");
    assert_eq!(feed.entries[1].title_lang, None);
    let app: serde_json::Value = serde_json::from_str(&site.output("fr/notice.json")).unwrap();
    assert_eq!(app["latest_update"]["text"]["lang"], "en");
    assert_eq!(app["latest_update"]["url"], "https://example.org/fr/faq/");
    let missing: Vec<String> = check_findings(&site, &["--lang", "fr"])
        .iter()
        .filter(|f| f["code"] == "missing-message")
        .map(|f| format!("{} {}", f["file"], f["message"]))
        .collect();
    assert_eq!(
        missing,
        [
            "\"locales/fr/updates.ftl\" \"1 message is missing in fr; the default language's text is shown instead: `update-new-question`\""
        ]
    );
}

/// Mistakes in the history are errors at their line of site.toml, with what to write, and
/// the previous output stays as it was.
#[test]
fn mistakes_in_the_history_are_errors_at_their_line() {
    let cases: [(&str, &str, &str, &str); 4] = [
        (
            "kind = \"content\"",
            "kind = \"contents\"",
            "site.toml:34:8",
            "unknown kind of update \"contents\"",
        ),
        (
            "date = 2026-01-08",
            "date = \"8 January\"",
            "site.toml:39:8",
            "invalid type: string \"8 January\", expected a TOML datetime",
        ),
        // The date moved in [notice], the move not recorded there.
        (
            "to = 2026-01-31",
            "to = 2026-01-30",
            "site.toml:42:6",
            "the update `end-moved` moves end to 2026-01-30, but [notice] gives it 2026-01-31",
        ),
        (
            "id = \"new-question\"",
            "id = \"new-questions\"",
            "site.toml:32:6",
            "the update `new-questions` has no text: locales/en/ does not define `update-new-questions`",
        ),
    ];
    for (from, to, place, message) in cases {
        let site = SiteTest::fixture("history");
        site.build_at("2026-01-10");
        let before = site.tree("public");
        site.edit("site.toml", from, to);
        let run = site.run(&["build", "--now", "2026-01-10"]).expect_code(1);
        assert!(run.stderr.contains(place), "{place}: {}", run.stderr);
        assert!(run.stderr.contains(message), "{message}: {}", run.stderr);
        assert!(run.stderr.contains("help:"), "{}", run.stderr);
        // One mistake, one error: the page that lists the update is not another.
        assert_eq!(run.stderr.matches("error:").count(), 1, "{}", run.stderr);
        assert_eq!(site.tree("public"), before, "{to}");
    }
}

/// Every page of every language links its language's feed, in its head for feed readers
/// and browsers (with a type, and no hreflang, which search engines read as a translation of
/// the page) and in its footer (with its hreflang); the feed is valid Atom in that language,
/// its entries link to that language's pages, and the language chooser links them all.
#[test]
fn every_language_links_a_valid_atom_feed_in_its_language() {
    const BASE: &str = "https://chatgpt-whatsapp-ending.example/";
    let site = SiteTest::shipped();
    for now in ["2026-01-05", "2026-01-15", "2026-01-20"] {
        site.build_at(now);
        let root = site.output("index.html");
        for lang in ["en", "ar", "tr", "id", "fr"] {
            let feed_url = format!("/{lang}/feed.xml");
            for page in ["", "faq/", "link-account/"] {
                let html = site.output(&format!("{lang}/{page}index.html"));
                let head = between(&html, "<head>", "</head>");
                assert!(
                    head.contains(&format!(
                        "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{feed_url}\" title=\""
                    )),
                    "{lang}/{page} at {now}"
                );
                assert!(
                    head.contains(&format!(
                        "<link rel=\"alternate\" type=\"application/json\" href=\"/{lang}/notice.json\">"
                    )),
                    "{lang}/{page} at {now}"
                );
                let footer = between(visible_body(&html), "<footer", "</footer>");
                assert!(
                    footer.contains(&format!(
                        "<a href=\"{feed_url}\" rel=\"alternate\" type=\"application/atom+xml\" hreflang=\"{lang}\">"
                    )),
                    "{lang}/{page} at {now}"
                );
            }
            assert!(root.contains(&format!(
                "type=\"application/atom+xml\" href=\"{feed_url}\""
            )));
            let feed = read_feed(&site.output(&format!("{lang}/feed.xml")));
            assert_eq!(feed.lang, lang);
            assert_eq!(
                feed.id,
                format!("tag:chatgpt-whatsapp-ending.example,2025-10-21:{lang}/updates")
            );
            assert_eq!(feed.own, format!("{BASE}{lang}/feed.xml"));
            assert_eq!(feed.alternate, format!("{BASE}{lang}/"));
            let [entry] = feed.entries.as_slice() else {
                panic!("the announcement alone, in {lang}")
            };
            assert_eq!(
                entry.id,
                format!("tag:chatgpt-whatsapp-ending.example,2025-10-21:{lang}/updates/announced")
            );
            assert_eq!(entry.title_lang, None, "translated in {lang}");
            assert_eq!(entry.category, "announcement");
            assert!(entry.link.starts_with(&format!("{BASE}{lang}/")));
            let path = entry.link.trim_start_matches(BASE);
            assert!(site.path(&format!("public/{path}index.html")).is_file());
            // The text the notice page lists, in the same words.
            let notice = site.output(&format!("{lang}/index.html"));
            let listed = plain(between(visible_body(&notice), "<dd>", "</dd>"));
            assert_eq!(entry.title.replace(['\u{2066}', '\u{2069}'], ""), listed);
        }
    }
}

/// `<lang>/notice.json` is all an app needs to show the notice in that language: the status
/// and headline the pages show, the last day as the language writes it and as ISO, the
/// pages' addresses, the phase and when it changes, the latest update. The site's
/// notice.json keeps every field deploy jobs read, and lists the languages'.
#[test]
fn an_app_shows_the_status_in_any_language_from_one_file() {
    let site = SiteTest::shipped();
    for (now, phase) in [
        ("2026-01-05", "upcoming"),
        ("2026-01-15", "last-day"),
        ("2026-01-20", "ended"),
    ] {
        site.build_at(now);
        let global: serde_json::Value = serde_json::from_str(&site.output("notice.json")).unwrap();
        for field in [
            "built_for",
            "day",
            "days_left",
            "end_date",
            "ended_at",
            "last_day_anywhere",
            "last_day_starts",
            "next_change",
            "phase",
            "time_zone",
        ] {
            assert!(global.get(field).is_some(), "{field} at {now}");
        }
        assert_eq!(global["latest_update"]["id"], "announced");
        for (i, lang) in ["en", "ar", "tr", "id", "fr"].into_iter().enumerate() {
            let listed = &global["languages"][i];
            assert_eq!(listed["code"], lang);
            let url = listed["notice"].as_str().unwrap();
            let path = url.trim_start_matches("https://chatgpt-whatsapp-ending.example/");
            let app: serde_json::Value = serde_json::from_str(&site.output(path)).unwrap();
            let text = |value: &serde_json::Value| {
                value["text"]
                    .as_str()
                    .unwrap()
                    .replace(['\u{2066}', '\u{2069}'], "")
            };
            let page = site.output(&format!("{lang}/index.html"));
            let shown = visible_body(&page);
            assert_eq!(app["version"], 1);
            assert_eq!(app["language"]["code"], lang);
            assert_eq!(
                app["language"]["dir"],
                if lang == "ar" { "rtl" } else { "ltr" }
            );
            assert_eq!(app["phase"], phase, "{lang} at {now}");
            assert_eq!(app["phase"], global["phase"]);
            assert_eq!(app["next_change"], global["next_change"]);
            assert_eq!(app["days_left"], global["days_left"]);
            let headline = between(shown, "<h2 id=\"status-heading\"", "</h2>");
            let headline = plain(&headline[headline.find('>').unwrap() + 1..]);
            assert_eq!(text(&app["status"]), headline, "{lang} at {now}");
            assert_eq!(app["status"]["lang"], lang);
            assert_eq!(
                text(&app["headline"]),
                plain(between(shown, "<h1>", "</h1>"))
            );
            let date = between(shown, "<time datetime=\"2026-01-15\">", "</time>");
            assert_eq!(app["end"]["date"], "2026-01-15");
            assert_eq!(app["end"]["date_text"], date, "{lang}");
            let latest = plain(between(shown, "<dd>", "</dd>"));
            assert_eq!(text(&app["latest_update"]["text"]), latest);
            assert_eq!(app["latest_update"]["date"], "2025-10-21");
            let pages = app["pages"].as_array().unwrap();
            assert_eq!(pages.len(), 3);
            for page in pages {
                let url = page["url"].as_str().unwrap();
                let path = url.trim_start_matches("https://chatgpt-whatsapp-ending.example/");
                assert!(path.starts_with(&format!("{lang}/")), "{url}");
                assert!(
                    site.path(&format!("public/{path}index.html")).is_file(),
                    "{url}"
                );
            }
            assert_eq!(app["feed"], listed["feed"]);
            // Offered while the notice is upcoming in the build's reading, as on its page.
            assert_eq!(
                app["reminders"].as_array().unwrap().is_empty(),
                phase != "upcoming"
            );
        }
    }
}

/// `init` starts a site with its first update, the announcement, which every language lists
/// (in the default language's words until it is translated) and every feed has.
#[test]
fn init_starts_a_site_with_its_first_update() {
    let site = SiteTest::init(&["--languages", "en,fr"]);
    site.build_at("2027-06-01");
    let feed = read_feed(&site.output("fr/feed.xml"));
    let [entry] = feed.entries.as_slice() else {
        panic!("one update")
    };
    assert!(
        entry.id.ends_with(",2027-03-01:fr/updates/announced"),
        "{}",
        entry.id
    );
    assert_eq!(
        entry.title_lang.as_deref(),
        Some("en"),
        "a copy, not yet translated"
    );
    let notice = site.output("en/index.html");
    assert!(
        visible_body(&notice).contains(
            "<dt><time datetime=\"2027-03-01\">March 1, 2027</time></dt>\n<dd>Example Service announced that it would stop after June 30, 2027.</dd>"
        ),
        "{notice}"
    );
}
