//! Rebuilds that reuse unchanged pages give exactly what a fresh build gives.

use crate::common::SiteTest;
use sunset::build::{BuildRequest, Built, build, build_reusing};
use sunset::cache::RenderCache;
use sunset::clock::NowInput;
use sunset::source;

fn request() -> BuildRequest {
    BuildRequest {
        now: NowInput::parse("2026-01-05").unwrap(),
        base_url: None,
    }
}

/// Builds `site` reusing `cache`, checks the result against a fresh build, and returns how
/// many pages were rendered.
fn rebuild(site: &SiteTest, cache: &mut RenderCache) -> usize {
    let sources = source::read(&site.root).unwrap();
    let reused: Built = build_reusing(&sources, &request(), cache).unwrap();
    let fresh = build(&sources, &request()).unwrap();
    assert_eq!(
        reused.files, fresh.files,
        "a reused page differs from a fresh render"
    );
    cache.rendered
}

#[test]
fn only_what_an_edit_affects_is_rendered_again() {
    let site = SiteTest::fixture("mini");
    let mut cache = RenderCache::default();
    // 7 pages in five languages, the FAQ in the three languages that show it untranslated,
    // the chooser and 404.
    assert_eq!(rebuild(&site, &mut cache), 12);
    assert_eq!(rebuild(&site, &mut cache), 0, "nothing changed");

    site.edit("content/fr/faq.md", "Parce que.", "Parce que, voilà.");
    assert_eq!(rebuild(&site, &mut cache), 1, "the edited page");

    site.edit(
        "content/fr/faq.md",
        "title = \"FAQ fr\"",
        "title = \"Questions\"",
    );
    assert_eq!(
        rebuild(&site, &mut cache),
        2,
        "the page and the other French page listing it"
    );

    site.edit("content/en/faq.md", "Because.", "Because of this.");
    assert_eq!(
        rebuild(&site, &mut cache),
        4,
        "the page, and where it is shown untranslated"
    );

    site.edit("locales/tr/main.ftl", "gün kaldı", "gün var");
    assert_eq!(
        rebuild(&site, &mut cache),
        4,
        "Turkish pages (one untranslated), the chooser and 404"
    );

    site.edit("locales/en/main.ftl", "day left", "day to go");
    assert_eq!(
        rebuild(&site, &mut cache),
        12,
        "the default language is every language's fallback"
    );

    site.edit("templates/page.html", "<main>", "<main class=\"x\">");
    assert_eq!(rebuild(&site, &mut cache), 12, "a template: everything");
}

#[test]
fn a_new_day_renders_everything_again() {
    let site = SiteTest::fixture("mini");
    let sources = source::read(&site.root).unwrap();
    let mut cache = RenderCache::default();
    build_reusing(&sources, &request(), &mut cache).unwrap();
    let later_today = BuildRequest {
        now: NowInput::parse("2026-01-05T18:00:00Z").unwrap(),
        base_url: None,
    };
    build_reusing(&sources, &later_today, &mut cache).unwrap();
    assert_eq!(
        cache.rendered, 0,
        "the same day in the notice's zone shows the same words"
    );
    let tomorrow = BuildRequest {
        now: NowInput::parse("2026-01-06").unwrap(),
        base_url: None,
    };
    build_reusing(&sources, &tomorrow, &mut cache).unwrap();
    assert_eq!(cache.rendered, 12);
}
