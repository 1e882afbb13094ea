//! What the fuzz targets run, shared with `tests/suite/fuzz_regressions.rs` so that every input a
//! fuzzer found or a person kept is replayed by `cargo test`. Each function may only panic
//! when one of the properties it states does not hold.

// Each fuzz target uses one of these functions.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use sunset::build::{BuildRequest, build};
use sunset::clock::NowInput;
use sunset::config;
use sunset::content::ContentFile;
use sunset::files::{Sources, TemplateFile};
use sunset::i18n::{LocaleFile, Translations};

const CONFIG: &str = "base_url = \"https://example.org/\"\n[notice]\nend_date = 2026-01-15\ntime_zone = \"UTC\"\n[[languages]]\ncode = \"en\"\nname = \"English\"\n[[languages]]\ncode = \"ar\"\nname = \"العربية\"\n";
const PAGE_TEMPLATE: &str = "<title>{{ page.title }}</title><h1>{{ t_html(id=\"hello\") }}</h1>{{ page.content | safe }}{% for s in page.sections %}<a href=\"#{{ s.id }}\">{{ s.title_html | safe }}</a>{% endfor %}";

fn sources(pages: Vec<ContentFile>, arabic_ftl: &str) -> Sources {
    let template = |name: &str, text: &str| TemplateFile {
        name: name.into(),
        path: PathBuf::from(format!("templates/{name}")),
        text: text.into(),
    };
    Sources {
        config: CONFIG.into(),
        content: pages,
        locales: vec![
            LocaleFile {
                language: "en".into(),
                path: "locales/en/main.ftl".into(),
                text: "hello = Hello { $days_left }\n".into(),
            },
            LocaleFile {
                language: "ar".into(),
                path: "locales/ar/main.ftl".into(),
                text: arabic_ftl.into(),
            },
        ],
        templates: vec![
            template("page.html", PAGE_TEMPLATE),
            template(
                "root.html",
                "{% for n in translations %}{{ n.name }}{% endfor %}",
            ),
            template("404.html", "404"),
        ],
        statics: Vec::new(),
    }
}

/// Front matter and Markdown, as an Arabic page, built in every phase. Properties: no panic;
/// when the build succeeds, no tag or script URL from the page survives as markup (raw HTML
/// is off; as escaped text they are harmless) and no invisible bidi control is added.
pub fn page(input: &[u8]) {
    let Ok(text) = std::str::from_utf8(input) else {
        return;
    };
    let page = ContentFile {
        path: PathBuf::from("content/ar/index.md"),
        text: text.into(),
    };
    let sources = sources(vec![page], "hello = مرحبا { $days_left }\n");
    for now in ["2026-01-05", "2026-01-15", "2026-02-01"] {
        let request = BuildRequest {
            now: NowInput::parse(now).unwrap_or(NowInput::Instant(Default::default())),
            base_url: None,
        };
        let Ok(built) = build(&sources, &request) else {
            continue;
        };
        for file in &built.files {
            let html = String::from_utf8_lossy(&file.bytes);
            for forbidden in ["<script", "<img", "<iframe", "=\"javascript:", "=\"data:"] {
                let from_input = text.to_lowercase().matches(forbidden).count();
                assert!(
                    from_input == 0 || !html.to_lowercase().contains(forbidden),
                    "{forbidden} reached {}",
                    file.path
                );
            }
            let added_controls = html
                .chars()
                .filter(|c| matches!(c, '\u{2066}'..='\u{2069}' | '\u{202A}'..='\u{202E}'))
                .count();
            let given_controls = text
                .chars()
                .filter(|c| matches!(c, '\u{2066}'..='\u{2069}' | '\u{202A}'..='\u{202E}'))
                .count();
            assert!(
                added_controls <= given_controls,
                "bidi controls were added to {}",
                file.path
            );
        }
    }
}

/// An Arabic .ftl file, loaded and every message formatted with arguments taken from the
/// input's last bytes. Properties: no panic; formatting either succeeds or returns a
/// diagnostic; from an input without bidi isolates, no formatted text holds one (Fluent's own
/// isolation marks are off).
pub fn translation(input: &[u8]) {
    let Ok(text) = std::str::from_utf8(input) else {
        return;
    };
    let Ok(config) = config::parse(Path::new("site.toml"), CONFIG) else {
        return;
    };
    let file = LocaleFile {
        language: "ar".into(),
        path: "locales/ar/main.ftl".into(),
        text: text.into(),
    };
    let (translations, _) = Translations::load(&config, &[file], &Default::default());
    let number = input
        .iter()
        .fold(0i64, |n, b| n.wrapping_mul(31).wrapping_add(i64::from(*b)))
        % 100_000;
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("days_left", number);
    args.set("end_date", "2026-01-15");
    args.set("date", text.chars().take(12).collect::<String>());
    args.set("phase", "upcoming");
    let isolates = |t: &str| {
        t.chars()
            .filter(|c| matches!(c, '\u{2066}'..='\u{2069}'))
            .count()
    };
    for id in text
        .lines()
        .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim()))
    {
        if let Ok(formatted) = translations.format("ar", id, &args).map(|m| m.text) {
            assert!(
                isolates(text) > 0 || isolates(&formatted) == 0,
                "`{id}` gained isolation marks: {formatted:?}"
            );
        }
    }
}

/// A site.toml. Property: no panic; a parsed config has at least one language.
pub fn site_config(input: &[u8]) {
    let Ok(text) = std::str::from_utf8(input) else {
        return;
    };
    if let Ok(config) = config::parse(Path::new("site.toml"), text) {
        assert!(!config.languages.is_empty());
        assert!(config.base_url.ends_with('/'));
    }
}
