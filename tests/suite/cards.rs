//! Share cards on the shipped site: every page's tags and picture in each phase, the same bytes
//! for the same inputs, a new name when the picture changes, cards kept from one build to the
//! next, a character no font has as an error where it was written, and the switches.

use std::fs;
use std::os::unix::fs::MetadataExt;

use crate::common::{SiteTest, between};

const LANGUAGES: [&str; 5] = ["en", "ar", "tr", "id", "fr"];
const PAGES: [&str; 3] = ["", "faq/", "link-account/"];
const BASE: &str = "https://chatgpt-whatsapp-ending.example/";

/// The content of the page's `<meta property|name="key">`.
fn meta<'h>(html: &'h str, key: &str) -> Option<&'h str> {
    ["property", "name"].iter().find_map(|attribute| {
        let start = format!("<meta {attribute}=\"{key}\" content=\"");
        let at = html.find(&start)? + start.len();
        Some(&html[at..at + html[at..].find('"')?])
    })
}

/// The width and height a PNG's header gives.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    let number = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (number(16), number(20))
}

/// The path below public/ of the card `html` names.
fn card_path(html: &str) -> String {
    meta(html, "og:image")
        .expect("og:image")
        .strip_prefix(BASE)
        .expect("absolute, under the base URL")
        .to_string()
}

/// Every card of the last build, by page.
fn cards(site: &SiteTest) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for lang in LANGUAGES {
        for page in PAGES {
            let html = site.output(&format!("{lang}/{page}index.html"));
            found.push((format!("{lang}/{page}"), card_path(&html)));
        }
    }
    found
}

#[test]
fn every_page_of_every_phase_names_its_card_with_the_tags_chat_apps_read() {
    let site = SiteTest::shipped();
    for now in ["2026-01-05", "2026-01-15", "2026-01-20"] {
        let run = site.build_at(now);
        assert!(
            run.stdout.contains("(15 share cards, 15 drawn)"),
            "{}",
            run.stdout
        );
        for lang in LANGUAGES {
            for page in PAGES {
                let where_ = format!("{lang}/{page} at {now}");
                let html = site.output(&format!("{lang}/{page}index.html"));
                let path = card_path(&html);
                assert!(
                    path.starts_with(&format!("{lang}/{page}card.")) && path.ends_with(".png"),
                    "{where_}: {path}"
                );
                assert_eq!(meta(&html, "og:image:width"), Some("1200"), "{where_}");
                assert_eq!(meta(&html, "og:image:height"), Some("630"), "{where_}");
                assert_eq!(meta(&html, "og:image:type"), Some("image/png"), "{where_}");
                assert_eq!(
                    meta(&html, "twitter:card"),
                    Some("summary_large_image"),
                    "{where_}"
                );
                let title = meta(&html, "og:title").unwrap();
                let alt = meta(&html, "og:image:alt").unwrap();
                assert!(alt.starts_with(&format!("{title} – ")), "{where_}: {alt}");
                let bytes = fs::read(site.path(&format!("public/{path}"))).unwrap();
                assert_eq!(png_size(&bytes), (1200, 630), "{where_}");
                assert!(bytes.len() <= 300 * 1024, "{where_}: {} bytes", bytes.len());
            }
        }
        // The chooser at / shows the default language's notice card.
        let root = site.output("index.html");
        assert_eq!(card_path(&root), card_path(&site.output("en/index.html")));
        assert_eq!(
            meta(&site.output("en/index.html"), "og:image:alt"),
            meta(&root, "og:image:alt")
        );
    }
    // The alternative says what the card says, in the page's language, for the phase.
    let arabic = site.output("ar/index.html");
    assert_eq!(
        meta(&arabic, "og:image:alt"),
        Some(
            "انتهاء خدمة ChatGPT على واتساب – انتهت خدمة ChatGPT على واتساب – آخر يوم للخدمة: 15 يناير 2026"
        )
    );
    site.build_at("2026-01-15");
    assert_eq!(
        meta(&site.output("fr/faq/index.html"), "og:image:alt"),
        Some(
            "Questions et réponses – C’est aujourd’hui le dernier jour – Dernier jour du service\u{202f}: 15\u{a0}janvier\u{a0}2026"
        )
    );
}

#[test]
fn the_same_inputs_give_the_same_cards_and_a_new_phase_new_ones() {
    let site = SiteTest::shipped();
    site.build_at("2026-01-05");
    let first = site.tree("public");
    let names = cards(&site);
    // Into another folder, and at another address: the same cards, byte for byte.
    site.run(&[
        "build",
        "--now",
        "2026-01-05",
        "--out",
        "elsewhere",
        "--base-url",
        "https://example.org/help/",
    ])
    .expect_code(0);
    for (_, path) in &names {
        let card = |folder: &str| fs::read(site.path(&format!("{folder}/{path}"))).unwrap();
        assert_eq!(card("public"), card("elsewhere"), "{path}");
    }
    // Another day of the same phase: no card counts days, so none changes.
    site.build_at("2026-01-09");
    assert_eq!(cards(&site), names);
    // Each phase says something else: every card has a new name.
    site.build_at("2026-01-15");
    let last_day = cards(&site);
    site.build_at("2026-01-20");
    let ended = cards(&site);
    for ((page, upcoming), ((_, last_day), (_, ended))) in
        names.iter().zip(last_day.iter().zip(&ended))
    {
        assert!(
            upcoming != last_day && last_day != ended && upcoming != ended,
            "{page}"
        );
    }
    site.build_at("2026-01-05");
    assert_eq!(
        site.tree("public"),
        first,
        "built again from the same inputs"
    );
}

#[test]
fn a_rebuild_draws_only_the_cards_whose_text_changed_and_keeps_the_others() {
    let site = SiteTest::shipped();
    site.build_at("2026-01-05");
    let card = site.path(&format!(
        "public/{}",
        card_path(&site.output("en/faq/index.html"))
    ));
    let inode = fs::metadata(&card).unwrap().ino();
    let run = site.build_at("2026-01-05");
    assert!(
        run.stdout.contains("(15 share cards, 0 drawn)"),
        "{}",
        run.stdout
    );
    assert_eq!(
        fs::metadata(&card).unwrap().ino(),
        inode,
        "kept as it was, not written again"
    );
    // A page's title: its card alone.
    site.edit(
        "content/fr/faq.md",
        "title = \"Questions et réponses\"",
        "title = \"Vos questions\"",
    );
    let run = site.build_at("2026-01-05");
    assert!(
        run.stdout.contains("(15 share cards, 1 drawn)"),
        "{}",
        run.stdout
    );
    // A message the cards show: its language's cards.
    site.edit(
        "locales/tr/main.ftl",
        "site-name = ",
        "site-name = Yardım: ",
    );
    let run = site.build_at("2026-01-05");
    assert!(
        run.stdout.contains("(15 share cards, 3 drawn)"),
        "{}",
        run.stdout
    );
    // The design: every card.
    site.edit("templates/card.svg", "#f7f5ef", "#fffdf8");
    let run = site.build_at("2026-01-05");
    assert!(
        run.stdout.contains("(15 share cards, 15 drawn)"),
        "{}",
        run.stdout
    );
    // A kept card is the card a fresh build draws.
    let kept = site.tree("public");
    fs::remove_dir_all(site.path("public")).unwrap();
    site.build_at("2026-01-05");
    assert_eq!(site.tree("public"), kept);
}

#[test]
fn a_character_no_font_has_is_an_error_where_it_was_written() {
    let site = SiteTest::shipped();
    site.build_at("2026-01-05");
    let before = site.tree("public");
    site.edit(
        "content/id/faq.md",
        "title = \"Tanya jawab\"",
        "title = \"Tanya jawab ไทย\"",
    );
    let run = site.run(&["build", "--now", "2026-01-05"]).expect_code(1);
    assert!(
        run.stderr.starts_with("error: the share card of content/id/faq.md has `ไ` (U+0E44), `ท` (U+0E17), `ย` (U+0E22), which no card font has\n --> content/id/faq.md:2:22\n"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("build failed with 1 error"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("[cards] fonts"),
        "the hint says what to do: {}",
        run.stderr
    );
    assert_eq!(site.tree("public"), before, "nothing written");
    // In a message, at the message.
    site.edit("content/id/faq.md", " ไทย", "");
    site.edit("locales/ar/main.ftl", "site-name = ", "site-name = ☃ ");
    let run = site.run(&["build", "--now", "2026-01-05"]).expect_code(1);
    let line = site
        .read("locales/ar/main.ftl")
        .lines()
        .position(|l| l.starts_with("site-name = "))
        .unwrap()
        + 1;
    assert!(
        run.stderr
            .contains("`☃` (U+2603), which no card font has\n")
            && run
                .stderr
                .contains(&format!("--> locales/ar/main.ftl:{line}:13\n")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("build failed with 1 error"),
        "one place, one error, whatever the cards that show it: {}",
        run.stderr
    );
}

#[test]
fn cards_are_off_without_the_template_or_when_site_toml_says_so() {
    let site = SiteTest::shipped();
    let plain = |site: &SiteTest| {
        let html = site.output("ar/faq/index.html");
        assert_eq!(meta(&html, "og:image"), None);
        assert_eq!(meta(&html, "twitter:card"), Some("summary"));
        assert!(
            !site
                .tree("public")
                .iter()
                .any(|(path, _)| path.contains("card."))
        );
    };
    site.write(
        "site.toml",
        &format!("{}\n[cards]\nenabled = false\n", site.read("site.toml")),
    );
    let run = site.build_at("2026-01-05");
    assert!(!run.stdout.contains("share card"), "{}", run.stdout);
    plain(&site);
    let site = SiteTest::shipped();
    fs::remove_file(site.path("templates/card.svg")).unwrap();
    site.build_at("2026-01-05");
    plain(&site);
}

#[test]
fn a_site_font_is_tried_first_and_not_published_and_a_missing_one_is_located() {
    let site = SiteTest::shipped();
    let thai = "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf";
    let font = fs::read(thai).unwrap_or_else(|e| panic!("{thai}: {e} (Debian's fonts-noto-core)"));
    fs::create_dir_all(site.path("static/fonts")).unwrap();
    fs::write(site.path("static/fonts/NotoSansThai-Regular.ttf"), font).unwrap();
    site.write(
        "site.toml",
        &format!(
            "{}\n[cards]\nfonts = [\"fonts/NotoSansThai-Regular.ttf\"]\n",
            site.read("site.toml")
        ),
    );
    site.edit(
        "content/id/faq.md",
        "title = \"Tanya jawab\"",
        "title = \"Tanya jawab ไทย\"",
    );
    site.build_at("2026-01-05");
    assert!(
        !site.path("public/fonts").exists(),
        "card fonts are not files of the site"
    );
    let toml = site.read("site.toml");
    site.write(
        "site.toml",
        &toml.replace("NotoSansThai-Regular.ttf\"]", "NotoSansThai.ttf\"]"),
    );
    let run = site.run(&["build", "--now", "2026-01-05"]).expect_code(1);
    let line = toml.lines().count();
    assert!(
        run.stderr.contains(&format!(
            "error: the card font \"fonts/NotoSansThai.ttf\" is not in static/\n  --> site.toml:{line}:10\n"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn a_mistake_in_the_card_template_is_located_in_it() {
    let site = SiteTest::shipped();
    site.edit(
        "templates/card.svg",
        "font-size=\"68\"",
        "font-size=\"big\"",
    );
    let run = site.run(&["build", "--now", "2026-01-05"]).expect_code(1);
    let line = site
        .read("templates/card.svg")
        .lines()
        .position(|l| l.contains("font-size=\"big\""))
        .unwrap()
        + 1;
    assert!(
        run.stderr.starts_with(&format!(
            "error: <card:text> has font-size=\"big\", which is not a number of pixels\n  --> templates/card.svg:{line}:53\n"
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("build failed with 1 error"),
        "one mistake, one error, whatever the pages: {}",
        run.stderr
    );
    // Text too long for its box even at its smallest size: named with its page.
    let site = SiteTest::shipped();
    site.edit(
        "templates/card.svg",
        "min-font-size=\"40\"",
        "min-font-size=\"68\"",
    );
    site.edit(
        "content/en/faq.md",
        "title = \"Questions and answers\"",
        &format!("title = \"{}\"", "Questions and answers ".repeat(6).trim()),
    );
    let run = site.run(&["build", "--now", "2026-01-05"]).expect_code(1);
    assert!(
        run.stderr.starts_with("error: content/en/faq.md: the page's share card cannot fit \"Questions and answers Questions"),
        "{}",
        run.stderr
    );
    assert!(
        between(&run.stderr, "help:", "\n").contains("min-font-size"),
        "{}",
        run.stderr
    );
}
