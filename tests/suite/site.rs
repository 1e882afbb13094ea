//! The site shipped in this repository, built for dates in each phase.

use std::io::Write;
use std::path::Path;

use crate::common;
use crate::common::{
    CARRIED, SiteTest, between, carried_by_key, carried_page, plain, script_key, visible_body,
};
use fluent_bundle::FluentArgs;
use sunset::config;
use sunset::i18n::Translations;
use sunset::source;

const LANGUAGES: [&str; 5] = ["en", "ar", "tr", "id", "fr"];
const PAGES: [&str; 3] = ["", "faq/", "link-account/"];
/// One date in each phase: 10 days before, the last day, after the end.
const DATES: [&str; 3] = ["2026-01-05", "2026-01-15", "2026-02-01"];

fn page(lang: &str, page: &str) -> String {
    format!("{lang}/{page}index.html")
}

#[test]
fn builds_cleanly_in_every_phase() {
    let site = SiteTest::shipped();
    for now in DATES {
        let warnings = common::shipped_warnings(&site, &["--now", now]);
        assert!(warnings.is_empty(), "at {now}: {warnings:#?}");
        site.build_at(now);
        let mut expected: Vec<String> = LANGUAGES
            .iter()
            .flat_map(|l| PAGES.iter().map(move |p| page(l, p)))
            .collect();
        expected.extend(
            [
                ".sunset-output",
                "404.html",
                "favicon.svg",
                "index.html",
                "notice.json",
                "robots.txt",
                "sitemap.xml",
            ]
            .map(String::from),
        );
        let icon = sunset::stamp::hash_bytes(site.read("static/favicon.svg").as_bytes());
        expected.push(format!("favicon.{icon}.svg"));
        if now <= "2026-01-15" {
            // The calendar reminder, while the notice is upcoming for some reader: on the
            // last day in UTC, readers behind it are still on the day before.
            expected.extend(LANGUAGES.iter().map(|l| format!("{l}/remind-me.ics")));
        }
        expected.sort();
        let names: Vec<String> = site
            .tree("public")
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        assert_eq!(names, expected, "at {now}");
    }
}

#[test]
fn every_page_declares_language_and_direction() {
    let site = SiteTest::shipped();
    site.build_at("2026-01-05");
    for lang in LANGUAGES {
        let dir = if lang == "ar" { "rtl" } else { "ltr" };
        for p in PAGES {
            let html = site.output(&page(lang, p));
            assert!(
                html.contains(&format!("<html lang=\"{lang}\" dir=\"{dir}\">")),
                "{lang}/{p}"
            );
            for other in LANGUAGES {
                assert!(
                    html.contains(&format!("hreflang=\"{other}\" href=\"https://")),
                    "{lang}/{p} → {other}"
                );
            }
            assert!(html.contains("hreflang=\"x-default\""), "{lang}/{p}");
        }
    }
}

#[test]
fn the_status_element_follows_the_contract_in_every_phase() {
    let site = SiteTest::shipped();
    // (date, data-phase, data-days-left, data-next-change)
    let expected = [
        (
            "2026-01-05",
            "upcoming",
            Some("10"),
            Some("2026-01-06T00:00:00Z"),
        ),
        (
            "2026-01-15",
            "last-day",
            Some("0"),
            Some("2026-01-16T00:00:00Z"),
        ),
        ("2026-02-01", "ended", None, None),
    ];
    let attribute = |element: &str, name: &str| -> Option<String> {
        let start = format!(" {name}=\"");
        element
            .find(&start)
            .map(|at| between(&element[at..], &start, "\"").to_string())
    };
    for (now, phase, days_left, next_change) in expected {
        site.build_at(now);
        for lang in LANGUAGES {
            for p in PAGES {
                let html = site.output(&page(lang, p));
                let status = format!(" {}", between(&html, "<section class=\"status\" ", ">"));
                assert_eq!(
                    attribute(&status, "data-phase").as_deref(),
                    Some(phase),
                    "{lang}/{p} at {now}"
                );
                assert_eq!(
                    attribute(&status, "data-days-left").as_deref(),
                    days_left,
                    "{lang}/{p} at {now}"
                );
                assert_eq!(
                    attribute(&status, "data-next-change").as_deref(),
                    next_change,
                    "{lang}/{p} at {now}"
                );
                // The date the text shows, the last day; no exact instant is known.
                assert!(
                    html.contains("<time datetime=\"2026-01-15\">"),
                    "{lang}/{p} at {now}"
                );
                assert!(!html.contains("data-ends-at"), "{lang}/{p} at {now}");
            }
        }
    }
}

/// Every page of `site` built for each of `days`, by day, language and page.
fn built_pages<'d>(
    site: &SiteTest,
    days: &[&'d str],
) -> std::collections::BTreeMap<(&'d str, &'static str, &'static str), String> {
    let mut built = std::collections::BTreeMap::new();
    for &now in days {
        site.build_at(now);
        for lang in LANGUAGES {
            for p in PAGES {
                built.insert((now, lang, p), site.output(&page(lang, p)));
            }
        }
    }
    built
}

/// A page built before the end carries, for readers who open it later, exactly the page a
/// build of that later day writes: its title and everything in its body.
#[test]
fn pages_carry_each_later_phase_exactly_as_a_later_build_writes_it() {
    let built = built_pages(
        &SiteTest::shipped(),
        &["2026-01-05", "2026-01-15", "2026-01-20"],
    );
    for lang in LANGUAGES {
        for p in PAGES {
            let early = &built[&("2026-01-05", lang, p)];
            let last_day = &built[&("2026-01-15", lang, p)];
            let ended = &built[&("2026-01-20", lang, p)];
            for (carrier, name, phase, later) in [
                (early, "upcoming", "last-day", last_day),
                (early, "upcoming", "ended", ended),
                (last_day, "last-day", "ended", ended),
            ] {
                let where_ = format!("{lang}/{p} built in {name}, read in {phase}");
                let (title, body) = carried_page(carrier, phase).expect(&where_);
                assert_eq!(title, between(later, "<title>", "</title>"), "{where_}");
                assert_eq!(body, visible_body(later), "{where_}");
            }
            let script = between(early, "<script data-phase-guard", "</script>");
            assert!(
                script.len() < 1400,
                "{} bytes of inline script",
                script.len()
            );
        }
    }
    for (&(now, lang, p), html) in &built {
        if now == "2026-01-20" {
            let name = page(lang, p);
            assert!(
                !html.contains(CARRIED),
                "{name}: nothing left to change once ended"
            );
            assert!(!html.contains("data-phase-guard"), "{name}");
        }
    }
}

/// A page built on 5 January carries, for readers whose own calendar is on another day, the
/// page a build of that day writes: the day before (readers behind UTC), the next days'
/// counts, the eve, the last day and the day after, each with its own count, not the build's;
/// and the key its script works out from each of those days is that page's.
#[test]
fn pages_carry_each_readers_day_exactly_as_that_days_build_writes_it() {
    let site = SiteTest::shipped();
    let readings = [
        ("u11", "2026-01-04"),
        ("u9", "2026-01-06"),
        ("u8", "2026-01-07"),
        ("u1", "2026-01-14"),
        ("l", "2026-01-15"),
        ("e", "2026-01-16"),
    ];
    let days: Vec<&str> = std::iter::once("2026-01-05")
        .chain(readings.iter().map(|(_, day)| *day))
        .collect();
    let built = built_pages(&site, &days);
    let built_at = "2026-01-05T00:00:00Z".parse().unwrap();
    for lang in LANGUAGES {
        for p in PAGES {
            let early = &built[&("2026-01-05", lang, p)];
            assert!(
                early.contains("data-phase-guard data-key=\"u10\""),
                "{lang}/{p}"
            );
            // The script reads the last day from the page and counts from the reader's own
            // day, whatever the instant: no count goes stale at an instant.
            let milestones = between(early, " data-milestones=\"", "\"");
            assert_eq!(milestones, "2026-01-15", "{lang}/{p}");
            assert!(!early.contains("data-stale-at"), "{lang}/{p}");
            for (key, day) in readings {
                let where_ = format!("{lang}/{p} built on 5 January, read on {day}");
                let reader_day = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
                assert_eq!(
                    script_key(milestones, built_at, reader_day),
                    key,
                    "{where_}"
                );
                let later = &built[&(day, lang, p)];
                let (title, body) = carried_by_key(early, key).expect(&where_);
                assert_eq!(title, between(later, "<title>", "</title>"), "{where_}");
                assert_eq!(body, visible_body(later), "{where_}");
            }
            // Past the days it counts, a reading of the same phase is not carried: the script
            // shows the count's stale text.
            assert!(carried_by_key(early, "u7").is_none(), "{lang}/{p}");
        }
    }
}

/// Sentences of a page's visible text, long enough to belong to one phase's wording.
fn sentences(html: &str) -> std::collections::BTreeSet<String> {
    plain(visible_body(html))
        .split(['.', '?', '!', '\u{61f}', '\n', ':'])
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| s.chars().count() >= 16)
        .collect()
}

/// Every day from the announcement to a month after the end: each build is clean, states
/// the day's phase and count, and after the end no page says what only held before it.
#[test]
fn the_notice_lives_day_by_day() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sources = source::read(root).unwrap();
    let build = |day: chrono::NaiveDate| {
        let request = sunset::build::BuildRequest {
            now: sunset::clock::NowInput::Date(day),
            base_url: None,
        };
        sunset::build::build(&sources, &request).unwrap_or_else(|e| {
            panic!(
                "{day}: {}",
                e.iter().map(|d| d.to_string()).collect::<String>()
            )
        })
    };
    let file = |built: &sunset::build::Built, path: &str| -> String {
        let file = built.files.iter().find(|f| f.path == path).unwrap();
        String::from_utf8(file.bytes.clone()).unwrap()
    };
    let date = |text: &str| chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
    let end = date("2026-01-15");
    let before_only: Vec<(String, std::collections::BTreeSet<String>)> = {
        let (before, after) = (build(date("2026-01-05")), build(date("2026-01-20")));
        LANGUAGES
            .iter()
            .flat_map(|l| PAGES.iter().map(move |p| page(l, p)))
            .map(|name| {
                let ended = sentences(&file(&after, &name));
                let only = &sentences(&file(&before, &name)) - &ended;
                assert!(
                    !only.is_empty(),
                    "{name}: no wording of its own before the end"
                );
                (name, only)
            })
            .collect()
    };
    let mut day = date("2025-10-21");
    while day <= date("2026-02-15") {
        let built = build(day);
        let warnings: Vec<String> = built
            .warnings
            .iter()
            .filter(|d| d.severity != sunset::diagnostics::Severity::Note)
            .map(|d| d.to_string())
            .collect();
        assert!(warnings.is_empty(), "{day}: {warnings:?}");
        let days_left = (end - day).num_days();
        let (phase, count) = match days_left {
            1.. => ("upcoming", Some(days_left)),
            0 => ("last-day", Some(0)),
            _ => ("ended", None),
        };
        for (name, only) in &before_only {
            let html = file(&built, name);
            let status = between(&html, "<section class=\"status\"", ">");
            assert!(
                status.contains(&format!("data-phase=\"{phase}\"")),
                "{day} {name}: {status}"
            );
            match count {
                Some(n) => assert!(
                    status.contains(&format!("data-days-left=\"{n}\"")),
                    "{day} {name}"
                ),
                None => assert!(!status.contains("data-days-left"), "{day} {name}"),
            }
            if phase == "ended" {
                let shown = sentences(&html);
                let stale: Vec<&String> = shown.intersection(only).collect();
                assert!(stale.is_empty(), "{day} {name} still says {stale:?}");
            }
        }
        day = day.succ_opt().unwrap();
    }
}

/// The root page's title lists the site's name in every language on one line, which a
/// `<title>` cannot mark up: each name is isolated, so a real bidi implementation shows the
/// Arabic one in its own order.
#[test]
fn the_root_title_shows_each_language_in_its_own_order() {
    let site = SiteTest::shipped();
    site.build_at("2026-01-05");
    let root = site.output("index.html");
    let title = between(&root, "<title>", "</title>");
    let arabic = site
        .read("locales/ar/main.ftl")
        .lines()
        .find_map(|l| l.strip_prefix("site-name = "))
        .unwrap()
        .to_string();
    assert!(
        title.contains(&format!("\u{2067}{arabic}\u{2069}")),
        "{title}"
    );
    // As a reader sees it: the words of the Arabic name, laid out right to left, stay in
    // the order of the name itself, read from the right.
    let visual = |text: &str| {
        let info = unicode_bidi::BidiInfo::new(text, Some(unicode_bidi::Level::ltr()));
        let line = info.paragraphs[0].range.clone();
        info.reorder_line(&info.paragraphs[0], line).into_owned()
    };
    let shown = visual(title);
    let reversed_words: Vec<String> = arabic
        .split(' ')
        .rev()
        .map(|word| {
            visual(&format!("\u{2067}{word}\u{2069}"))
                .trim_matches(['\u{2067}', '\u{2069}'])
                .to_string()
        })
        .collect();
    assert!(shown.contains(&reversed_words.join(" ")), "{shown}");
    let plain_title = title.replace(['\u{2066}', '\u{2067}', '\u{2069}'], "");
    assert!(
        !visual(&plain_title).contains(&reversed_words.join(" ")),
        "the test would pass without isolation"
    );
}

#[test]
fn the_stylesheet_uses_logical_properties_only() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let css = std::fs::read_to_string(repo.join("templates/partials/style.css")).unwrap();
    let declarations: Vec<(&str, &str)> = css
        .split(['{', '}', ';'])
        .filter_map(|d| d.split_once(':'))
        .map(|(property, value)| (property.trim(), value.trim()))
        .collect();
    assert!(
        declarations.len() > 50,
        "the stylesheet was read: {}",
        declarations.len()
    );
    let physical = ["left", "right", "top", "bottom"];
    for (property, value) in declarations {
        let sides = property
            .split('-')
            .any(|part| physical[..2].contains(&part));
        assert!(
            !sides,
            "`{property}` is a physical side: use its logical form (inline-start…)"
        );
        if ["float", "clear", "text-align"].contains(&property) {
            assert!(
                !physical.contains(&value),
                "`{property}: {value}`: use start or end"
            );
        }
        assert!(
            !sides_differ(property, value),
            "`{property}: {value}` gives left and right different values: use the \
             -inline and -block forms (or -start-start… for corners)"
        );
    }
    for (property, value) in [
        ("padding", "0 1rem 0 0"),
        ("margin", "0 1rem 0 2rem !important"),
        ("border-color", "var(--a) var(--b) var(--a) var(--c)"),
        ("inset", "calc(1px + 2px) 0 0 calc(1px + 3px)"),
        ("border-radius", ".5rem 0 0 .5rem"),
        ("border-radius", ".5rem 0"),
        ("border-radius", "1rem 1rem 0"),
        ("border-radius", "1rem / 1rem 0 0 1rem"),
    ] {
        assert!(sides_differ(property, value), "{property}: {value}");
    }
    for (property, value) in [
        ("padding", "0 1rem 0 1rem"),
        ("margin", ".25rem 0 0"),
        ("padding", ".4rem .6rem"),
        ("border-radius", "1rem 1rem 0 0"),
        ("border-radius", "1rem / 2rem 2rem 0 0"),
        ("inset", "0 calc(1px + 2px) 0 calc(1px + 2px)"),
        ("border", "1px solid var(--line)"),
    ] {
        assert!(!sides_differ(property, value), "{property}: {value}");
    }
}

/// Whether a box or corner shorthand (`padding: 0 1rem 0 0`, `border-radius: .5rem 0`)
/// gives the left and the right sides (or corners) different values, which a right-to-left
/// page would need mirrored.
fn sides_differ(property: &str, value: &str) -> bool {
    let words = |value: &str| -> Vec<String> {
        let mut words = vec![String::new()];
        let mut depth = 0;
        for c in value.trim().trim_end_matches("!important").trim().chars() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            if c.is_whitespace() && depth == 0 {
                if !words.last().unwrap().is_empty() {
                    words.push(String::new());
                }
            } else {
                words.last_mut().unwrap().push(c);
            }
        }
        words
    };
    let sides = [
        "margin",
        "padding",
        "inset",
        "border-width",
        "border-style",
        "border-color",
        "scroll-margin",
        "scroll-padding",
    ];
    if sides.contains(&property) {
        // top right bottom left: three values or fewer repeat right as left.
        let w = words(value);
        return w.len() == 4 && w[1] != w[3];
    }
    if property == "border-radius" {
        // top-left top-right bottom-right bottom-left, for each radius either side of `/`.
        return value.split('/').any(|radii| match words(radii).as_slice() {
            [_] => false,
            [a, b] => a != b,
            [a, b, c] => a != b || b != c,
            [a, b, c, d] => a != b || c != d,
            _ => panic!("border-radius: {value}"),
        });
    }
    false
}

#[test]
fn no_invisible_bidi_controls_anywhere() {
    let site = SiteTest::shipped();
    for now in DATES {
        site.build_at(now);
        for (name, bytes) in site.tree("public") {
            let text = String::from_utf8_lossy(&bytes);
            // A `<title>` and structured data cannot hold markup: there, and only there, names
            // are isolated. (What pages carry for other readings holds structured data too.)
            let outside = |text: &str, open: &str, close: &str| -> String {
                text.split(open)
                    .map(|part| part.split_once(close).map_or(part, |(_, rest)| rest))
                    .collect()
            };
            // Nor can a calendar file: in Arabic, Latin names are isolated so that a calendar's
            // plain text keeps them in their place; elsewhere it has no control at all.
            if name.ends_with(".ics") {
                let unfolded = text.replace("\r\n ", "");
                let isolated = unfolded.contains("\u{2066}ChatGPT\u{2069}");
                assert_eq!(isolated, name.starts_with("ar/"), "{name} at {now}");
                continue;
            }
            let outside_titles = outside(&text, "<title>", "</title>");
            let outside_titles = outside(
                &outside_titles,
                "<script type=\"application/ld+json\">",
                "</script>",
            );
            let outside_titles = outside(&outside_titles, "data-phase-page=", "</script>");
            let found = outside_titles.chars().find(|c| matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'));
            assert_eq!(found, None, "{name} at {now}");
            let in_titles = text
                .chars()
                .filter(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{200E}' | '\u{200F}'))
                .count();
            assert_eq!(
                in_titles, 0,
                "{name}: no embeddings or marks, only isolates"
            );
        }
    }
}

#[test]
fn arabic_keeps_left_to_right_runs_whole() {
    let site = SiteTest::shipped();
    site.build_at("2026-01-05");
    let faq = site.output("ar/faq/index.html");
    assert!(
        faq.contains("<bdi dir=\"ltr\" class=\"nowrap\">+1-800-242-8478</bdi>"),
        "{faq}"
    );
    assert!(
        faq.contains("<bdi dir=\"ltr\" class=\"nowrap\">1-800-ChatGPT</bdi>")
            || faq.contains("<bdi dir=\"ltr\">ChatGPT</bdi>"),
        "{faq}"
    );
    let toc_entry = between(&faq, "<li><a href=\"#number\">", "</a>");
    assert!(
        toc_entry.contains("<bdi dir=\"ltr\" class=\"nowrap\">1-800-ChatGPT</bdi>"),
        "{toc_entry}"
    );
    let title = between(&faq, "<title>", "</title>");
    assert!(!title.contains('<'), "markup in the title: {title}");
}

fn gzip_size(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap().len()
}

/// The local files a page makes the browser fetch: `src` of any element, and `href` of each
/// `<link>` that is loaded (not the `alternate` and `canonical` ones, which only name pages).
fn loaded_resources(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in html.match_indices(" src=\"") {
        found.push(html[at + 6..].split('"').next().unwrap().to_string());
    }
    for tag in html
        .split("<link ")
        .skip(1)
        .map(|t| t.split('>').next().unwrap())
    {
        let rel = between(&format!(" {tag}"), " rel=\"", "\"").to_string();
        if !["alternate", "canonical"].contains(&rel.as_str()) {
            found.push(between(&format!(" {tag}"), " href=\"", "\"").to_string());
        }
    }
    found
}

#[test]
fn every_page_with_what_it_loads_fits_in_one_round_trip() {
    let site = SiteTest::shipped();
    for now in DATES {
        site.build_at(now);
        let files: std::collections::HashMap<String, Vec<u8>> =
            site.tree("public").into_iter().collect();
        for (name, bytes) in &files {
            if !name.ends_with(".html") {
                continue;
            }
            let html = String::from_utf8_lossy(bytes);
            let resources = loaded_resources(&html);
            assert!(!resources.is_empty(), "{name}: the icon at least");
            let mut total = gzip_size(bytes);
            for resource in resources {
                let path = resource
                    .strip_prefix('/')
                    .unwrap_or_else(|| panic!("{name} loads {resource} from elsewhere"));
                let loaded = files
                    .get(path)
                    .unwrap_or_else(|| panic!("{name} loads {resource}, which is not there"));
                total += gzip_size(loaded);
            }
            assert!(
                total <= 14 * 1024,
                "{name} at {now}: {total} bytes gzipped with what it loads"
            );
        }
    }
}

#[test]
fn structured_data_comes_from_the_content() {
    let site = SiteTest::shipped();
    site.build_at("2026-01-05");
    for lang in LANGUAGES {
        let faq = site.output(&page(lang, "faq/"));
        let json = between(&faq, "<script type=\"application/ld+json\">", "</script>");
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["@type"], "FAQPage");
        assert_eq!(value["inLanguage"], lang);
        let questions = value["mainEntity"].as_array().unwrap();
        assert!(
            questions.len() >= 10,
            "{lang}: {} questions",
            questions.len()
        );
        let steps = site.output(&page(lang, "link-account/"));
        let json = between(&steps, "<script type=\"application/ld+json\">", "</script>");
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["@type"], "HowTo");
        assert_eq!(value["step"].as_array().unwrap().len(), 6, "{lang}");
    }
}

/// Every JSON-LD block a reader or a crawler can meet (each build's, and each reading a
/// page carries) has what schema.org and Google's rich results require of its type, in the
/// page's language; in Arabic, names and numbers are isolated, as search results show the
/// text without markup.
#[test]
fn structured_data_is_valid_in_every_phase_and_reading() {
    let site = SiteTest::shipped();
    let text_of = |value: &serde_json::Value, what: &str| -> String {
        let text = value.as_str().unwrap_or_else(|| panic!("{what}: {value}"));
        assert!(!text.trim().is_empty(), "{what} is empty");
        text.to_string()
    };
    for now in [
        "2026-01-05",
        "2026-01-14",
        "2026-01-15",
        "2026-01-16",
        "2026-02-20",
    ] {
        site.build_at(now);
        for lang in LANGUAGES {
            for p in PAGES {
                if p.is_empty() {
                    continue;
                }
                let html = site.output(&page(lang, p));
                let mut bodies = vec![(String::from("built"), visible_body(&html).to_string())];
                for (at, _) in html.match_indices(" data-key=\"") {
                    let key = between(&html[at..], " data-key=\"", "\"");
                    if html[..at].ends_with("data-phase-guard") {
                        continue;
                    }
                    let (_, body) = carried_by_key(&html, key).unwrap();
                    bodies.push((format!("reading {key}"), body));
                }
                for (reading, body) in bodies {
                    let where_ = format!("{lang}/{p} at {now}, {reading}");
                    let json = between(&body, "<script type=\"application/ld+json\">", "</script>");
                    let value: serde_json::Value = serde_json::from_str(json).expect(&where_);
                    assert_eq!(value["@context"], "https://schema.org", "{where_}");
                    assert_eq!(value["inLanguage"], lang, "{where_}");
                    let mut texts = Vec::new();
                    match value["@type"].as_str() {
                        Some("FAQPage") => {
                            let questions = value["mainEntity"].as_array().expect(&where_);
                            assert!(!questions.is_empty(), "{where_}");
                            for q in questions {
                                assert_eq!(q["@type"], "Question", "{where_}");
                                assert_eq!(q["acceptedAnswer"]["@type"], "Answer", "{where_}");
                                texts.push(text_of(&q["name"], &where_));
                                texts.push(text_of(&q["acceptedAnswer"]["text"], &where_));
                            }
                        }
                        Some("HowTo") => {
                            texts.push(text_of(&value["name"], &where_));
                            let steps = value["step"].as_array().expect(&where_);
                            assert!(!steps.is_empty(), "a HowTo needs steps: {where_}");
                            for (i, step) in steps.iter().enumerate() {
                                assert_eq!(step["@type"], "HowToStep", "{where_}");
                                assert_eq!(step["position"], i + 1, "{where_}");
                                texts.push(text_of(&step["text"], &where_));
                            }
                        }
                        Some("WebPage") => texts.push(text_of(&value["name"], &where_)),
                        other => panic!("{where_}: unexpected type {other:?}"),
                    }
                    for text in texts {
                        let isolated = text.contains('\u{2066}');
                        if lang == "ar" {
                            // Outside the isolates, no Latin letter is left bare.
                            let mut depth = 0;
                            for c in text.chars() {
                                match c {
                                    '\u{2066}' => depth += 1,
                                    '\u{2069}' => depth -= 1,
                                    c if c.is_ascii_alphabetic() => {
                                        assert!(depth > 0, "{where_}: bare Latin in {text}")
                                    }
                                    _ => {}
                                }
                            }
                            assert_eq!(depth, 0, "{where_}: {text}");
                        } else {
                            assert!(!isolated, "{where_}: isolates in {text}");
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn faq_answers_keep_the_same_ids_in_every_language() {
    let site = SiteTest::shipped();
    site.build_at("2026-01-05");
    let ids = |lang: &str| -> Vec<String> {
        site.output(&page(lang, "faq/"))
            .match_indices("<h2 id=\"")
            .map(|(i, _)| {
                between(&site.output(&page(lang, "faq/"))[i..], "<h2 id=\"", "\"").to_string()
            })
            .collect()
    };
    let english = ids("en");
    for lang in LANGUAGES {
        assert_eq!(ids(lang), english, "{lang}");
    }
}

/// The shipped translations, loaded as the build loads them.
fn shipped_translations() -> Translations {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sources = source::read(root).unwrap();
    let config = config::parse(Path::new("site.toml"), &sources.config).unwrap();
    let (translations, diagnostics) =
        Translations::load(&config, &sources.locales, &Default::default());
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    translations
}

fn countdown(translations: &Translations, lang: &str, days: i64) -> String {
    let mut args = FluentArgs::new();
    args.set("days_left", days);
    translations
        .format(lang, "status-upcoming", &args)
        .unwrap()
        .text
}

#[test]
fn arabic_countdown_agrees_with_its_number() {
    let t = shipped_translations();
    let forms: Vec<String> = [0, 1, 2, 3, 10, 11, 99, 100, 103, 111]
        .iter()
        .map(|n| countdown(&t, "ar", *n))
        .collect();
    // zero, one and two spell the number out; few takes the plural, many the accusative
    // singular, and other (100, 1000…) the genitive singular.
    assert!(!forms[0].contains('0'), "zero: {}", forms[0]);
    assert!(
        forms[1].contains("يوم") && !forms[1].contains('1'),
        "one: {}",
        forms[1]
    );
    assert!(
        forms[2].contains("يومان") || forms[2].contains("يومين"),
        "two: {}",
        forms[2]
    );
    for (form, n) in [(&forms[3], "3"), (&forms[4], "10"), (&forms[8], "103")] {
        assert!(form.contains(&format!("{n} أيام")), "few: {form}");
    }
    for (form, n) in [(&forms[5], "11"), (&forms[6], "99"), (&forms[9], "111")] {
        assert!(form.contains(&format!("{n} يومًا")), "many: {form}");
    }
    assert!(
        forms[7].contains("100 يوم") && !forms[7].contains("يومًا"),
        "other: {}",
        forms[7]
    );
}

#[test]
fn each_language_states_the_phase_in_its_own_words() {
    // The reviewed wording of the status headline and the linking banner, per phase.
    let expected = [
        (
            "2026-01-05",
            "en",
            "The last day is in 10 days",
            "To keep your chats with ChatGPT, link your WhatsApp number to your ChatGPT account. The last day to do this is in 10 days.",
        ),
        (
            "2026-01-05",
            "ar",
            "بقي 10 أيام على آخر يوم",
            "لتحتفظ بمحادثاتك مع ChatGPT، اربط رقمك على واتساب بحساب ChatGPT. وقد بقي 10 أيام على آخر يوم للقيام بذلك.",
        ),
        (
            "2026-01-05",
            "tr",
            "Son güne 10 gün kaldı",
            "WhatsApp’taki ChatGPT sohbetlerinizi saklamak için WhatsApp numaranızı bir ChatGPT hesabına bağlayın. Bunun için son güne 10 gün kaldı.",
        ),
        (
            "2026-01-05",
            "id",
            "10 hari lagi menuju hari terakhir",
            "Agar obrolan Anda dengan ChatGPT tetap tersimpan, tautkan nomor WhatsApp Anda ke akun ChatGPT. Batas akhirnya tinggal 10 hari lagi.",
        ),
        (
            "2026-01-05",
            "fr",
            "Le dernier jour est dans 10\u{a0}jours",
            "Pour conserver vos discussions avec ChatGPT, liez votre numéro WhatsApp à un compte ChatGPT. Dernier jour pour le faire\u{202f}: dans 10\u{a0}jours.",
        ),
        (
            "2026-01-15",
            "en",
            "Today is the last day",
            "To keep your chats with ChatGPT, link your WhatsApp number to your ChatGPT account now. Today is the last day to do this.",
        ),
        (
            "2026-01-15",
            "ar",
            "اليوم هو آخر يوم",
            "لتحتفظ بمحادثاتك مع ChatGPT، اربط رقمك على واتساب بحساب ChatGPT الآن، فاليوم هو آخر يوم للقيام بذلك.",
        ),
        (
            "2026-01-15",
            "tr",
            "Bugün son gün",
            "WhatsApp’taki ChatGPT sohbetlerinizi saklamak için WhatsApp numaranızı hemen bir ChatGPT hesabına bağlayın. Bunun için bugün son gün.",
        ),
        (
            "2026-01-15",
            "id",
            "Hari ini hari terakhir",
            "Agar obrolan Anda dengan ChatGPT tetap tersimpan, tautkan nomor WhatsApp Anda ke akun ChatGPT sekarang. Hari ini adalah hari terakhir untuk melakukannya.",
        ),
        (
            "2026-01-15",
            "fr",
            "C’est aujourd’hui le dernier jour",
            "Pour conserver vos discussions avec ChatGPT, liez dès maintenant votre numéro WhatsApp à un compte ChatGPT. C’est aujourd’hui le dernier jour pour le faire.",
        ),
        (
            "2026-02-01",
            "en",
            "ChatGPT on WhatsApp has ended",
            "The last day to link your WhatsApp number to your ChatGPT account was January 15, 2026.",
        ),
        (
            "2026-02-01",
            "ar",
            "انتهت خدمة ChatGPT على واتساب",
            "كان آخر يوم لربط رقمك على واتساب بحساب ChatGPT هو 15 يناير 2026.",
        ),
        (
            "2026-02-01",
            "tr",
            "Hizmet sona erdi",
            "WhatsApp numaranızı bir ChatGPT hesabına bağlamak için son gün 15 Ocak 2026 idi.",
        ),
        (
            "2026-02-01",
            "id",
            "Layanan ChatGPT di WhatsApp sudah berakhir",
            "Nomor WhatsApp hanya bisa ditautkan ke akun ChatGPT sampai 15 Januari 2026.",
        ),
        (
            "2026-02-01",
            "fr",
            "Le service ChatGPT sur WhatsApp a pris fin",
            "Le dernier jour pour lier un numéro WhatsApp à un compte ChatGPT était le 15\u{a0}janvier\u{a0}2026.",
        ),
    ];
    let site = SiteTest::shipped();
    for now in DATES {
        site.build_at(now);
        for (_, lang, headline, banner) in expected.iter().filter(|e| e.0 == now) {
            let notice = site.output(&page(lang, ""));
            let h2 = between(&notice, "<h2 id=\"status-heading\"", "</h2>");
            let h2 = &h2[h2.find('>').unwrap() + 1..];
            assert_eq!(plain(h2), *headline, "{lang} at {now}");
            let steps = site.output(&page(lang, "link-account/"));
            let banner_html = between(&steps, "<p class=\"banner", "</p>");
            let text = plain(&banner_html[banner_html.find('>').unwrap() + 1..]);
            assert!(text.contains(banner), "{lang} at {now}: {text}");
        }
    }
}

/// `(hreflang, href)` of every `<link rel="alternate">` of a page, and its canonical URL.
fn alternates(html: &str) -> (Vec<(String, String)>, String) {
    let attribute = |tag: &str, name: &str| -> String {
        between(tag, &format!(" {name}=\""), "\"").to_string()
    };
    let head = between(html, "<head>", "</head>");
    let mut links = Vec::new();
    let mut canonical = String::new();
    for tag in head
        .split("<link ")
        .skip(1)
        .map(|t| t.split('>').next().unwrap())
    {
        let tag = format!(" {tag}");
        match attribute(&tag, "rel").as_str() {
            "alternate" => links.push((attribute(&tag, "hreflang"), attribute(&tag, "href"))),
            "canonical" => canonical = attribute(&tag, "href"),
            _ => {}
        }
    }
    (links, canonical)
}

/// Following every hreflang alternate of every page, in the head and in the sitemap, leads to
/// that page in that language, which leads back; each page is its own canonical.
#[test]
fn hreflang_alternates_lead_to_each_language_and_back() {
    let site = SiteTest::shipped();
    let base = "https://chatgpt-whatsapp-ending.example/";
    for now in DATES {
        site.build_at(now);
        let file_of = |url: &str| -> String {
            let path = url
                .strip_prefix(base)
                .unwrap_or_else(|| panic!("{url} is outside the site"));
            format!("{path}index.html")
        };
        let sitemap = site.output("sitemap.xml");
        for lang in LANGUAGES {
            for p in PAGES {
                let name = page(lang, p);
                let html = site.output(&name);
                let own = format!("{base}{lang}/{p}");
                let (links, canonical) = alternates(&html);
                assert_eq!(canonical, own, "{name} at {now}");
                let languages: Vec<&str> = links.iter().map(|(l, _)| l.as_str()).collect();
                assert_eq!(
                    languages,
                    ["en", "ar", "tr", "id", "fr", "x-default"],
                    "{name}"
                );
                for (hreflang, href) in &links {
                    if hreflang == "x-default" {
                        let expected = if p.is_empty() {
                            base.to_string()
                        } else {
                            format!("{base}en/{p}")
                        };
                        assert_eq!(href, &expected, "{name}: x-default");
                        continue;
                    }
                    let target = site.output(&file_of(href));
                    assert!(
                        target.contains(&format!("<html lang=\"{hreflang}\"")),
                        "{name} → {href}"
                    );
                    let (back, _) = alternates(&target);
                    assert!(
                        back.contains(&(lang.to_string(), own.clone())),
                        "{href} does not lead back to {own}"
                    );
                    assert_eq!(back, links, "{href} and {own} list different alternates");
                }
                let entry = between(&sitemap, &format!("<loc>{own}</loc>"), "</url>");
                let in_sitemap: Vec<(String, String)> = entry
                    .split("<xhtml:link ")
                    .skip(1)
                    .map(|tag| {
                        (
                            between(tag, "hreflang=\"", "\"").to_string(),
                            between(tag, "href=\"", "\"").to_string(),
                        )
                    })
                    .collect();
                assert_eq!(
                    in_sitemap, links,
                    "{own}: the sitemap and the page disagree"
                );
            }
        }
    }
}

/// Whatever an answer says, the structured data embedded in the page parses and cannot end
/// its `<script>` element, in the page and in what it carries for later phases.
#[test]
fn structured_data_cannot_close_its_script_whatever_the_content_says() {
    let site = SiteTest::shipped();
    let hostile = "It ends here: </script><script>alert(1)</script> <!-- and </SCRIPT >";
    site.edit(
        "content/en/faq.md",
        "OpenAI launched ChatGPT on WhatsApp in December 2024.",
        &format!("OpenAI launched ChatGPT on WhatsApp in December 2024. {hostile}"),
    );
    site.build_at("2026-01-05");
    let html = site.output("en/faq/index.html");
    let scripts: Vec<&str> = html.split("<script").skip(1).collect();
    assert!(
        scripts.len() >= 3,
        "the FAQ data, the later pages, the guard"
    );
    for script in scripts {
        let inside = between(script, ">", "</script>");
        let lower = inside.to_lowercase();
        assert!(
            !lower.contains("</script") && !lower.contains("<!--"),
            "{inside}"
        );
    }
    let json = between(&html, "<script type=\"application/ld+json\">", "</script>");
    let data: serde_json::Value = serde_json::from_str(json).unwrap();
    let answers: Vec<&str> = data["mainEntity"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["acceptedAnswer"]["text"].as_str().unwrap())
        .collect();
    assert!(answers.iter().any(|a| a.contains(hostile)), "{answers:?}");
    assert!(
        visible_body(&html).contains("&lt;/script&gt;&lt;script&gt;alert(1)"),
        "the page shows the answer as text"
    );
}

/// A team renames its steps page with data only: templates find it by its role.
#[test]
fn pages_are_found_by_role_so_a_rename_is_a_data_edit() {
    let site = SiteTest::shipped();
    for lang in LANGUAGES {
        let old = site.path(&format!("content/{lang}/link-account.md"));
        std::fs::rename(
            &old,
            site.path(&format!("content/{lang}/keep-your-chats.md")),
        )
        .unwrap();
        for page in ["index.md", "faq.md"] {
            let file = format!("content/{lang}/{page}");
            let text = site
                .read(&file)
                .replace("@/link-account.md", "@/keep-your-chats.md");
            site.write(&file, &text);
        }
    }
    site.edit(
        "site.toml",
        "page = \"link-account\"",
        "page = \"keep-your-chats\"",
    );
    // A new page needs no template of its own either.
    site.write(
        "content/en/contact.md",
        "+++\ntitle = \"Contact\"\ndescription = \"Who to ask\"\n+++\nWrite to us.\n",
    );
    site.build_at("2026-01-05");
    let notice = site.output("en/index.html");
    assert!(
        notice.contains("class=\"button\" href=\"/en/keep-your-chats/\""),
        "{notice}"
    );
    assert!(
        site.output("en/contact/index.html")
            .contains("Write to us.")
    );

    // Without the role, the template says which page it looked for, at its line.
    site.edit("content/fr/keep-your-chats.md", "role = \"steps\"\n", "");
    let run = site.run(&["build", "--now", "2026-01-05"]).expect_code(1);
    assert!(
        run.stderr.contains("templates/notice.html:9:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("content/fr/ has no page with role = \"steps\""),
        "{}",
        run.stderr
    );
}

/// A page's `updated` date is shown only from that day on and only while the notice is
/// upcoming; before it, check says why it is missing.
#[test]
fn a_last_updated_date_is_never_in_the_future() {
    let site = SiteTest::shipped();
    let updated = "Last updated November 21, 2025";
    site.build_at("2025-11-01");
    // A reader on the eve of the last day, later than the date, is shown it.
    assert!(!visible_body(&site.output("en/index.html")).contains(updated));
    site.build_at("2025-12-01");
    assert!(site.output("en/index.html").contains(updated));
    // Each page shows its own date, though the message is the same.
    site.edit(
        "content/en/faq.md",
        "updated = 2025-11-21",
        "updated = 2025-11-25",
    );
    site.build_at("2025-12-01");
    assert!(site.output("en/index.html").contains(updated));
    assert!(
        site.output("en/faq/index.html")
            .contains("Last updated November 25, 2025")
    );
    site.build_at("2026-01-20");
    assert!(
        !site.output("en/index.html").contains(updated),
        "after the end"
    );
    let run = site.run(&["check", "--format", "json", "--now", "2025-11-01"]);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let notes = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "future-update" && f["severity"] == "note")
        .count();
    assert_eq!(notes, 15, "one per page");
}

/// A page the default language has and a translation lacks is still published in that
/// language, in every phase: the language's navigation and status around the default
/// language's text, marked with its `lang`, a notice with a link to the original, and no claim
/// to be a translation (canonical is the original, no `hreflang`, not in the sitemap).
#[test]
fn a_page_not_translated_yet_is_shown_in_the_original_and_not_announced() {
    let site = SiteTest::shipped();
    fs_remove(&site.path("content/fr/faq.md"));
    let base = "https://chatgpt-whatsapp-ending.example/";
    for now in DATES {
        let run = site.build_at(now);
        assert!(
            run.stderr
                .contains("the page `faq` is not translated into fr: /fr/faq/ shows the en text"),
            "{}",
            run.stderr
        );
        let html = site.output("fr/faq/index.html");
        assert!(html.contains("<html lang=\"fr\" dir=\"ltr\">"), "{now}");
        let main = between(&html, "<main", "</main>");
        assert!(
            main.contains("<h1 lang=\"en\" dir=\"ltr\">Questions and answers"),
            "{main}"
        );
        assert!(main.contains("<div class=\"content faq\" lang=\"en\" dir=\"ltr\">"));
        assert!(main.contains(
            "<p class=\"untranslated\" role=\"note\">Cette page n’est pas encore traduite"
        ));
        assert!(main.contains("<a href=\"/en/faq/\" hreflang=\"en\">"));
        // The status and the navigation speak French.
        let french_status = site.output("fr/index.html");
        let status = |html: &str| between(html, "<h2 id=\"status-heading\"", "</h2>").to_string();
        assert_eq!(status(&html), status(&french_status), "{now}");
        let (links, canonical) = alternates(&html);
        assert_eq!(canonical, format!("{base}en/faq/"));
        assert!(links.is_empty(), "{links:?}");
        assert!(html.contains("<meta property=\"og:locale\" content=\"en_US\">"));
        assert!(!html.contains("og:locale:alternate"));
        assert!(html.contains("\"inLanguage\":\"en\""));
        // The original and the translations do not list it; French pages link to it.
        let (english, _) = alternates(&site.output("en/faq/index.html"));
        let languages: Vec<&str> = english.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(languages, ["en", "ar", "tr", "id", "x-default"]);
        assert!(!site.output("sitemap.xml").contains("/fr/faq/"));
        assert!(
            french_status.contains("<a href=\"/fr/faq/\" lang=\"en\">"),
            "the French menu lists it, with its language"
        );
    }
    // Once translated, it is a translation like the others.
    let translation = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/fr/faq.md");
    site.write(
        "content/fr/faq.md",
        &std::fs::read_to_string(translation).unwrap(),
    );
    site.build_at("2026-01-05");
    let html = site.output("fr/faq/index.html");
    assert!(!html.contains("class=\"untranslated\""));
    assert_eq!(alternates(&html).0.len(), 6);
}

fn fs_remove(path: &Path) {
    std::fs::remove_file(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Each page marks itself once in the language switcher (its own language) and in the menu
/// (its own page), the menu lists only pages of its language, and the how-to steps of the
/// structured data are numbered from one, in order.
#[test]
fn navigation_marks_the_current_page_and_stays_in_its_language() {
    let site = SiteTest::shipped();
    site.build_at(DATES[0]);
    for lang in LANGUAGES {
        for p in PAGES {
            let name = page(lang, p);
            let html = site.output(&name);
            let switcher = between(&html, "<nav class=\"languages\"", "</nav>");
            let current: Vec<&str> = switcher
                .split("<a ")
                .filter(|a| a.contains("aria-current"))
                .collect();
            assert_eq!(current.len(), 1, "{name}: {switcher}");
            assert!(
                current[0].contains(&format!("lang=\"{lang}\"")),
                "{name}: {}",
                current[0]
            );
            let menu = between(&html, "<nav aria-label=", "</nav>");
            let links: Vec<&str> = menu.split("href=\"").skip(1).collect();
            assert_eq!(links.len(), PAGES.len(), "{name}: {menu}");
            for link in &links {
                assert!(link.starts_with(&format!("/{lang}/")), "{name}: {link}");
            }
            let marked: Vec<&&str> = links
                .iter()
                .filter(|l| l.contains("aria-current"))
                .collect();
            assert_eq!(marked.len(), 1, "{name}: {menu}");
            assert!(
                marked[0].starts_with(&format!("/{lang}/{p}\"")),
                "{name}: {}",
                marked[0]
            );
        }
        let steps = site.output(&page(lang, "link-account/"));
        let positions: Vec<String> = steps
            .split("\"position\":")
            .skip(1)
            .map(|rest| rest.chars().take_while(char::is_ascii_digit).collect())
            .collect();
        let expected: Vec<String> = (1..=positions.len()).map(|n| n.to_string()).collect();
        assert!(positions.len() >= 3, "{lang}: {positions:?}");
        assert_eq!(positions, expected, "{lang}");
    }
}
