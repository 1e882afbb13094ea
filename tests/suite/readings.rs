//! What a page carries for its later readings is what a build of that day writes, whether
//! render rendered the reading again or took the current reading's page (where nothing the
//! page reads differs: `tests/fixtures/readings`, whose templates read nothing of the reading,
//! a message that counts the days, or the reminder's link).

use crate::common::{SiteTest, between, carried_by_key, visible_body};

const LANGUAGES: [&str; 2] = ["en", "ar"];
const PAGES: [&str; 3] = ["", "count/", "remind/"];

#[test]
fn every_reading_carried_is_the_page_a_build_of_its_day_writes() {
    let site = SiteTest::fixture("readings");
    let readings = [
        ("u11", "2026-01-04"),
        ("u9", "2026-01-06"),
        ("u8", "2026-01-07"),
        ("u1", "2026-01-14"),
        ("l", "2026-01-15"),
        ("e", "2026-01-20"),
    ];
    site.build_at("2026-01-05");
    let early: Vec<(String, String)> = LANGUAGES
        .iter()
        .flat_map(|lang| {
            PAGES
                .iter()
                .map(move |page| format!("{lang}/{page}index.html"))
        })
        .map(|path| {
            let html = site.output(&path);
            (path, html)
        })
        .collect();
    for (key, day) in readings {
        site.build_at(day);
        for (path, html) in &early {
            let later = site.output(path);
            let where_ = format!("{path} built on 5 January, read on {day}");
            let (title, body) = carried_by_key(html, key).expect(&where_);
            assert_eq!(title, between(&later, "<title>", "</title>"), "{where_}");
            assert_eq!(body, visible_body(&later), "{where_}");
        }
    }
    // The count differs in every reading and the reminder's link goes with the notice's end,
    // so those pages are not the same in every reading; the plain page is.
    let (_, plain) = &early[0];
    let (_, count) = &early[1];
    assert!(plain.contains(r#""edits":[6]"#), "{plain}");
    assert!(count.contains("9 days left"), "{count}");
    let (_, remind) = &early[2];
    let (_, ended) = carried_by_key(remind, "e").unwrap();
    assert!(!ended.contains("remind-me.ics"), "{ended}");
    assert!(remind.contains("remind-me.ics"), "{remind}");
}
