//! A notice with three milestones (`tests/fixtures/milestones`): streaming stops on 30 April
//! (Berlin, the main one), exports close at the end of 31 July in New York, and accounts are
//! deleted at 09:00 UTC on 1 October. Built for every day from a month before the first to a
//! month after the last.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{CARRIED, SiteTest, between, carried_page, script_key, visible_body};
use chrono::{DateTime, Days, NaiveDate, SecondsFormat, Utc};
use sunset::build::{BuildRequest, Built, build};
use sunset::clock::NowInput;
use sunset::files::Sources;
use sunset::source;

fn sources() -> Sources {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/milestones");
    source::read(&root).unwrap()
}

fn build_for(sources: &Sources, now: NowInput) -> Built {
    let request = BuildRequest {
        now,
        base_url: None,
    };
    build(sources, &request).unwrap_or_else(|e| {
        panic!(
            "{now:?}: {}",
            e.iter().map(|d| d.to_string()).collect::<String>()
        )
    })
}

fn file(built: &Built, path: &str) -> Option<String> {
    let file = built.files.iter().find(|f| f.path == path)?;
    Some(String::from_utf8(file.bytes.clone()).unwrap())
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// A milestone's phase and days left on `day`, counted from `today` in its own zone.
fn phase_on(today: NaiveDate, last_day: NaiveDate) -> (&'static str, Option<i64>) {
    match (last_day - today).num_days() {
        days @ 1.. => ("upcoming", Some(days)),
        0 => ("last-day", Some(0)),
        _ => ("ended", None),
    }
}

/// Where each milestone stands at midnight in Berlin on `day`, worked out here from the dates
/// alone: New York is six hours behind, so its day is still the one before; the deletion at
/// 09:00 UTC (11:00 in Berlin) has not happened yet at midnight on its day.
fn expected(day: NaiveDate) -> [(&'static str, Option<i64>); 3] {
    let new_york_today = day.checked_sub_days(Days::new(1)).unwrap();
    [
        phase_on(day, date("2026-04-30")),
        phase_on(new_york_today, date("2026-07-31")),
        phase_on(day, date("2026-10-01")),
    ]
}

const NAMES: [&str; 3] = ["streaming-ends", "export-closes", "data-deleted"];

/// Each sentence of the English notice and the milestone phases it is true in.
fn sentences(states: &[(&str, Option<i64>); 3]) -> Vec<(&'static str, bool)> {
    let [streaming, export, deletion] = states.map(|(phase, _)| phase);
    vec![
        ("You can keep streaming", streaming == "upcoming"),
        (
            "Today is the last day you can stream",
            streaming == "last-day",
        ),
        ("You can export your playlists", export != "ended"),
        (
            "Exports closed at the end of July 31, 2026",
            export == "ended",
        ),
        (
            "Accounts and their data will be deleted on October 1, 2026",
            deletion != "ended",
        ),
        (
            "Accounts and their data were deleted on October 1, 2026",
            deletion == "ended",
        ),
    ]
}

/// Every day from a month before streaming stops to a month after the deletion: the status
/// contract follows the main milestone, the page says what is true of each milestone that
/// day, the next milestone is announced with its count, notice.json lists every milestone,
/// and reminders are offered only for milestones still to come.
#[test]
fn a_notice_of_three_dates_reads_right_on_every_day() {
    let sources = sources();
    let mut day = date("2026-03-31");
    while day <= date("2026-11-01") {
        let built = build_for(&sources, NowInput::Date(day));
        assert!(built.warnings.is_empty(), "{day}: {:?}", built.warnings);
        let states = expected(day);
        let html = file(&built, "en/index.html").unwrap();
        let status = between(&html, "<section class=\"status\"", ">");
        let (main_phase, main_days) = states[0];
        assert!(
            status.contains(&format!("data-phase=\"{main_phase}\"")),
            "{day}: {status}"
        );
        match main_days {
            Some(n) => assert!(status.contains(&format!("data-days-left=\"{n}\"")), "{day}"),
            None => assert!(!status.contains("data-days-left"), "{day}"),
        }
        let body = visible_body(&html);
        for (sentence, shown) in sentences(&states) {
            assert_eq!(
                body.contains(sentence),
                shown,
                "{day}: {sentence:?}\n{body}"
            );
        }
        // The next milestone after the main one, with its count.
        let next = (1..3).find(|&m| states[0].0 == "ended" && states[m].0 != "ended");
        match next {
            Some(m) => {
                let paragraph = between(body, "<p class=\"next\"", "</p>");
                assert!(paragraph.contains(NAMES[m]), "{day}: {paragraph}");
                let count = match states[m].1 {
                    Some(0) => "today".to_string(),
                    Some(1) => "tomorrow".to_string(),
                    Some(n) => format!("in {n} days"),
                    None => unreachable!(),
                };
                assert!(paragraph.contains(&count), "{day}: {paragraph}");
            }
            None => assert!(!body.contains("class=\"next\""), "{day}"),
        }
        let manifest: serde_json::Value =
            serde_json::from_str(&file(&built, "notice.json").unwrap()).unwrap();
        assert_eq!(manifest["phase"], main_phase, "{day}");
        for (m, (phase, days)) in states.iter().enumerate() {
            let listed = &manifest["milestones"][m];
            assert_eq!(listed["name"], NAMES[m], "{day}");
            assert_eq!(listed["phase"], *phase, "{day} {}", NAMES[m]);
            assert_eq!(listed["days_left"].as_i64(), *days, "{day} {}", NAMES[m]);
        }
        for (m, name) in NAMES.iter().enumerate().take(2) {
            for lang in ["en", "ar"] {
                let path = format!("{lang}/remind-me-{name}.ics");
                let offered = states[m].0 == "upcoming";
                assert_eq!(file(&built, &path).is_some(), offered, "{day} {path}");
                assert_eq!(
                    file(&built, &format!("{lang}/index.html"))
                        .unwrap()
                        .contains(&format!("/{path}")),
                    offered,
                    "{day} {path}"
                );
            }
        }
        assert!(file(&built, "en/remind-me-data-deleted.ics").is_none());
        day = day.succ_opt().unwrap();
    }
}

/// The instants at which the wording changes: each milestone's last day starts and its
/// moment comes, in its own zone, and `next_change` is the earliest still to come.
#[test]
fn the_next_change_is_the_earliest_of_every_milestone() {
    let sources = sources();
    let next = |now: &str| {
        let built = build_for(&sources, NowInput::parse(now).unwrap());
        built.status.next_change.map(|t| sunset::clock::rfc3339(&t))
    };
    // Before streaming stops, the export count changes at midnight in New York.
    assert_eq!(
        next("2026-04-10T12:00:00+02:00").as_deref(),
        Some("2026-04-11T00:00:00+02:00")
    );
    assert_eq!(
        next("2026-04-11T01:00:00+02:00").as_deref(),
        Some("2026-04-11T06:00:00+02:00")
    );
    // On the deletion day, the deletion itself at 09:00 UTC.
    assert_eq!(
        next("2026-10-01T08:00:00Z").as_deref(),
        Some("2026-10-01T11:00:00+02:00")
    );
    assert_eq!(next("2026-10-01T09:00:00Z"), None);
}

/// An instant's last day is the day it falls in, in its zone (an instant at midnight ends the
/// day before), and its phase changes at that very second: the deletion at 09:00 UTC on
/// 1 October (11:00 in Berlin), and the same deletion moved to midnight in Berlin.
#[test]
fn an_instant_switches_at_its_second_after_its_last_day() {
    let mut sources = sources();
    let deletion_at = |sources: &Sources, now: &str| {
        let built = build_for(sources, NowInput::parse(now).unwrap());
        let manifest: serde_json::Value =
            serde_json::from_str(&file(&built, "notice.json").unwrap()).unwrap();
        let deletion = &manifest["milestones"][2];
        assert_eq!(deletion["name"], "data-deleted");
        let body = file(&built, "en/index.html").unwrap();
        let said = visible_body(&body).contains("Accounts and their data were deleted on");
        assert_eq!(said, deletion["phase"] == "ended", "{now}");
        (
            deletion["phase"].as_str().unwrap().to_string(),
            deletion["days_left"].as_i64(),
        )
    };
    let phases = |sources: &Sources, times: [&str; 5]| times.map(|now| deletion_at(sources, now));
    let expected = [
        ("upcoming".to_string(), Some(1)),
        ("last-day".to_string(), Some(0)),
        ("last-day".to_string(), Some(0)),
        ("ended".to_string(), None),
        ("ended".to_string(), None),
    ];
    // The day before, the first second of the last day, one second before, at and after.
    let nine_utc = [
        "2026-09-30T12:00:00Z",
        "2026-09-30T22:00:00Z",
        "2026-10-01T08:59:59Z",
        "2026-10-01T09:00:00Z",
        "2026-10-01T09:00:01Z",
    ];
    assert_eq!(phases(&sources, nine_utc), expected);
    sources.config = sources.config.replace(
        "date = 2026-10-01T09:00:00Z",
        "date = 2026-10-01T00:00:00+02:00",
    );
    let midnight = [
        "2026-09-29T12:00:00+02:00",
        "2026-09-30T00:00:00+02:00",
        "2026-09-30T23:59:59+02:00",
        "2026-10-01T00:00:00+02:00",
        "2026-10-01T00:00:01+02:00",
    ];
    assert_eq!(phases(&sources, midnight), expected);
}

/// Each state after the first of a page built on 1 April, and the instant it starts.
const STATES: [(&str, &str); 6] = [
    (
        "on streaming-ends, before export-closes, before data-deleted",
        "2026-04-30T00:00:00+02:00",
    ),
    (
        "after streaming-ends, before export-closes, before data-deleted",
        "2026-05-01T00:00:00+02:00",
    ),
    (
        "after streaming-ends, on export-closes, before data-deleted",
        "2026-07-31T00:00:00-04:00",
    ),
    (
        "after streaming-ends, after export-closes, before data-deleted",
        "2026-08-01T00:00:00-04:00",
    ),
    (
        "after streaming-ends, after export-closes, on data-deleted",
        "2026-10-01T00:00:00+02:00",
    ),
    (
        "after streaming-ends, after export-closes, after data-deleted",
        "2026-10-01T09:00:00Z",
    ),
];

/// A page built on one day carries, for each later state, exactly what a build at the start
/// of that state writes: readers who open an old copy read the right text.
#[test]
fn pages_carry_every_later_state_as_a_later_build_writes_it() {
    let sources = sources();
    let early = build_for(&sources, NowInput::Date(date("2026-04-01")));
    for lang in ["en", "ar"] {
        let path = format!("{lang}/index.html");
        let carrier = file(&early, &path).unwrap();
        let mut seen = BTreeMap::new();
        for (state, start) in STATES {
            let later = build_for(&sources, NowInput::parse(start).unwrap());
            let later = file(&later, &path).unwrap();
            let (title, body) = carried_page(&carrier, state)
                .unwrap_or_else(|| panic!("{path} carries nothing for {state}"));
            assert_eq!(
                title,
                between(&later, "<title>", "</title>"),
                "{path} {state}"
            );
            assert_eq!(body, visible_body(&later), "{path} {state}");
            // These milestones follow their zones and an instant, so the script knows each
            // state by its phases alone: before, on, after as U, L, E.
            let key = between(
                &carrier,
                &format!("data-phase-page=\"{state}\" data-key=\""),
                "\"",
            );
            let expected: Vec<&str> = state
                .split(", ")
                .map(|words| match words.split(' ').next() {
                    Some("before") => "U",
                    Some("on") => "L",
                    _ => "E",
                })
                .collect();
            assert_eq!(key, expected.join(","), "{state}");
            assert!(seen.insert(key, state).is_none(), "{key} twice");
        }
    }
}

/// Without a browser: from what a page built on 1 April carries, the key its script works
/// out (`common::script_key`) picks each later state from its first second and not before,
/// and each reading's counts go stale at the first midnight after it starts in the zone of a
/// milestone it still counts. Worked out here with the zones' summer offsets (Berlin +2, New
/// York −4, the deletion counted in Berlin), which hold from April to October 2026.
#[test]
fn the_script_picks_each_state_at_its_start_and_knows_when_its_counts_go_stale() {
    let built = build_for(&sources(), NowInput::Date(date("2026-04-01")));
    let html = file(&built, "en/index.html").unwrap();
    let attribute = |tag: &str, name: &str| {
        let (_, rest) = tag.split_once(&format!(" {name}=\""))?;
        rest.split('"').next().map(str::to_string)
    };
    let stale_at = |key: &str, start: DateTime<Utc>| {
        key.split(',')
            .zip([2, -4, 2])
            .filter(|(phase, _)| *phase == "U")
            .map(|(_, hours)| {
                let offset = chrono::Duration::hours(hours);
                let next_day = (start + offset).date_naive().succ_opt().unwrap();
                next_day.and_hms_opt(0, 0, 0).unwrap().and_utc() - offset
            })
            .min()
            .map(|at| at.to_rfc3339_opts(SecondsFormat::Secs, true))
    };
    let guard = between(&html, "<script data-phase-guard", ">");
    let milestones = attribute(guard, "data-milestones").unwrap();
    assert_eq!(
        milestones,
        "2026-04-29T22:00:00Z/2026-04-30T22:00:00Z 2026-07-31T04:00:00Z/2026-08-01T04:00:00Z \
         2026-09-30T22:00:00Z/2026-10-01T09:00:00Z"
    );
    let built_at: DateTime<Utc> = "2026-03-31T22:00:00Z".parse().unwrap();
    // No milestone follows the reader's day: the reader's calendar does not matter.
    let key_at = |now: DateTime<Utc>| script_key(&milestones, now, now.date_naive());
    let mut previous = key_at(built_at);
    assert_eq!(attribute(guard, "data-key"), Some(previous.clone()));
    assert_eq!(
        attribute(guard, "data-stale-at"),
        stale_at(&previous, built_at)
    );
    for (state, start) in STATES {
        let start = DateTime::parse_from_rfc3339(start).unwrap().to_utc();
        let tag = between(&html, &format!("{CARRIED}\"{state}\""), ">");
        let key = attribute(tag, "data-key").unwrap();
        assert_eq!(key_at(start), key, "{state}");
        assert_eq!(
            key_at(start - chrono::Duration::seconds(1)),
            previous,
            "{state}"
        );
        assert_eq!(
            attribute(tag, "data-stale-at"),
            stale_at(&key, start),
            "{state}"
        );
        previous = key;
    }
}

/// A mistake that only shows once exports have closed fails a build months before, naming
/// the state it shows in; `check` reports it too.
#[test]
fn a_mistake_of_a_later_state_fails_todays_build() {
    let site = SiteTest::fixture("milestones");
    site.edit(
        "content/en/index.md",
        "Exports closed at the end of {{ export-date }}",
        "Exports closed at the end of {{ export-dat }}",
    );
    let run = site.run(&["build", "--now", "2026-04-01"]).expect_code(1);
    assert!(run.stderr.contains("export-dat"), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "in the states `after streaming-ends, after export-closes, before data-deleted`"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/en/index.md:"),
        "{}",
        run.stderr
    );
    let check = site.run(&["check"]).expect_code(1);
    assert!(check.stdout.contains("export-dat") || check.stderr.contains("export-dat"));
}

/// Phase-block words that name no milestone are located, with the milestones listed.
#[test]
fn an_unknown_milestone_in_a_block_is_located() {
    let site = SiteTest::fixture("milestones");
    site.edit(
        "content/ar/index.md",
        "::: after data-deleted",
        "::: after data-delete",
    );
    let run = site.run(&["build", "--now", "2026-04-01"]).expect_code(1);
    assert!(
        run.stderr.contains("there is no milestone `data-delete`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("content/ar/index.md:24:1"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("streaming-ends, export-closes, data-deleted"),
        "{}",
        run.stderr
    );
}

/// The build's status line names the next milestone, for deploy jobs, after the phase it
/// always gave.
#[test]
fn the_build_says_which_milestone_is_next() {
    let site = SiteTest::fixture("milestones");
    for (now, line) in [
        (
            "2026-05-01",
            "phase: ended; next milestone: export-closes in 92 days; next change: 2026-05-01T06:00:00+02:00\n",
        ),
        (
            "2026-10-01",
            "phase: ended; next milestone: data-deleted (today); next change: 2026-10-01T11:00:00+02:00\n",
        ),
        ("2026-10-02", "phase: ended; next change: none"),
        // Before the main milestone, the phase's own count is the next one.
        ("2026-04-01", "phase: upcoming, 29 days left; next change: "),
        ("2026-04-29", "phase: upcoming, 1 day left; next change: "),
        (
            "2026-07-31",
            "phase: ended; next milestone: export-closes in 1 day; next change: ",
        ),
    ] {
        let run = site.build_at(now);
        assert!(run.stdout.starts_with(line), "{now}: {}", run.stdout);
    }
}

/// With a main milestone that is not the first listed, the status contract, bare phase blocks
/// and `[phases.*]` texts follow it, and a page's own `milestone` still governs its own.
#[test]
fn bare_phases_follow_the_main_milestone_wherever_it_is_listed() {
    let site = SiteTest::fixture("milestones");
    site.edit(
        "site.toml",
        "main = \"streaming-ends\"",
        "main = \"export-closes\"",
    );
    // The next milestone's line now names streaming too, before the main one.
    let messages = site.read("locales/en/main.ftl");
    site.write(
        "locales/en/main.ftl",
        &format!(
            "{messages}\nnext-streaming-ends = Streaming stops soon\n    .stale = Streaming stops\n"
        ),
    );
    let bare_blocks = "::: upcoming\nBare: upcoming.\n:::\n::: last-day\nBare: last-day.\n:::\n\
                       ::: ended\nBare: ended.\n:::\n";
    let index = site.read("content/en/index.md");
    site.write("content/en/index.md", &format!("{index}\n{bare_blocks}"));
    site.write(
        "content/en/deletion.md",
        &format!(
            "+++\ntitle = \"Deletion\"\ndescription = \"d\"\nmilestone = \"data-deleted\"\n\n\
             [phases.ended]\ntitle = \"Deleted\"\n+++\n{bare_blocks}"
        ),
    );
    let bare = |html: &str| {
        let said: Vec<&str> = ["upcoming", "last-day", "ended"]
            .into_iter()
            .filter(|phase| visible_body(html).contains(&format!("Bare: {phase}.")))
            .collect();
        said.join(" ")
    };
    // The build's instant, then the main milestone's and the deletion page's phases.
    for (now, main, deletion) in [
        ("2026-04-30", "upcoming", "upcoming"),
        // Streaming (listed first) has stopped; exports (main) are still open.
        ("2026-05-10", "upcoming", "upcoming"),
        ("2026-07-31T12:00:00-04:00", "last-day", "upcoming"),
        ("2026-08-10", "ended", "upcoming"),
        ("2026-10-01T10:00:00Z", "ended", "ended"),
    ] {
        site.build_at(now);
        let html = site.output("en/index.html");
        let status = between(&html, "<section class=\"status\"", ">");
        assert!(
            status.contains(&format!("data-phase=\"{main}\"")),
            "{now}: {status}"
        );
        let manifest: serde_json::Value =
            serde_json::from_str(&site.output("notice.json")).unwrap();
        assert_eq!(manifest["phase"], main, "{now}");
        assert_eq!(bare(&html), main, "{now}");
        let title = match main {
            "ended" => "Example Music has closed",
            _ => "Example Music is closing",
        };
        assert_eq!(between(&html, "<title>", " · "), title, "{now}");
        let page = site.output("en/deletion/index.html");
        assert_eq!(bare(&page), deletion, "{now}");
        let title = match deletion {
            "ended" => "Deleted",
            _ => "Deletion",
        };
        assert_eq!(between(&page, "<title>", " · "), title, "{now}");
    }
}

/// With `[reminder]` and no milestone marked `remind`, the main one is offered.
#[test]
fn without_a_marked_milestone_the_main_one_is_reminded() {
    let site = SiteTest::fixture("milestones");
    let toml = site.read("site.toml").replace("remind = true\n", "");
    site.write("site.toml", &toml);
    site.build_at("2026-04-01");
    let reminders: Vec<String> = site
        .tree("public/en")
        .into_iter()
        .map(|(path, _)| path)
        .filter(|path| path.ends_with(".ics"))
        .collect();
    assert_eq!(reminders, ["remind-me-streaming-ends.ics"], "{reminders:?}");
}
