//! sunset against Hugo, side by side, on the same synthetic sites; and the shipped pages' weight.
//!
//! `cargo bench --bench sites` (Hugo from Debian: `apt-get install hugo`; without it, sunset
//! alone is measured). A deterministic generator writes L languages × N pages of about 2 KB of
//! Markdown each (headings, lists, a table, emphasis, internal links, a localized date) twice:
//! as a sunset site with the shipped templates and translations (plural countdowns, CLDR
//! dates on every page), and as a Hugo site with per-language content folders, i18n TOML with
//! the same plural forms, and one equivalent template. The two are built alternately; the
//! table gives medians of wall time, CPU time and peak memory, and the ratios. sunset builds
//! for 5 January (every later reading rendered, checked and carried) and, for the cost of
//! that, after the end (one reading). Then the same sunset sites with their share cards and
//! without, cold (into an empty folder) and warm (into the last build's folder, which holds
//! every card already).
//! `cargo bench --bench sites -- 1000` runs one size only.

use std::fmt::Write as _;
#[path = "../tests/common/mod.rs"]
mod common;

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

const LANGUAGES: [(&str, &str); 5] = [
    ("en", "English"),
    ("ar", "العربية"),
    ("tr", "Türkçe"),
    ("id", "Bahasa Indonesia"),
    ("fr", "Français"),
];

/// One build: seconds of wall time, seconds of CPU time, peak memory in MB.
#[derive(Clone, Copy)]
struct Run {
    wall: f64,
    cpu: f64,
    peak_mb: f64,
}

// The child is reaped by wait4 below, which also gives its CPU time and peak memory.
#[allow(clippy::zombie_processes)]
fn measure(command: &mut Command) -> Run {
    let started = Instant::now();
    let child = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the build starts");
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `child.id()` is our own child, not yet reaped; both pointers are valid.
    let reaped = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let wall = started.elapsed().as_secs_f64();
    assert!(
        reaped > 0 && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "a build failed: {command:?}"
    );
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Run {
        wall,
        cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
        peak_mb: usage.ru_maxrss as f64 / 1024.0,
    }
}

fn median(runs: &[Run], field: fn(&Run) -> f64) -> f64 {
    let mut values: Vec<f64> = runs.iter().map(field).collect();
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// About 2 KB of Markdown that both generators understand.
fn page_markdown(n: usize, per_language: usize, lang: &str) -> String {
    let next = (n + 1) % per_language;
    let previous = (n + per_language - 1) % per_language;
    let mut body = format!(
        "+++\ntitle = \"Page {n} in {lang}\"\ndescription = \"Synthetic page {n} for benchmarks\"\ntemplate = \"faq.html\"\nweight = {}\n+++\n",
        n + 10
    );
    let _ = write!(
        body,
        "This page explains **step {n}** of the notice, with _emphasis_ and a [link to the next page](../page-{next}/) \
         and one to the [previous page](../page-{previous}/#details). The service ends on 15 January 2026.\n\n\
         ## What changes {{#changes}}\n\nThe change affects several things, listed here so that readers can check them one by one:\n\n\
         - the first thing, which is described in a sentence of ordinary length;\n\
         - the second thing, with `code` and a [link](../page-{next}/#changes);\n\
         - the third thing, which ends the list.\n\n\
         ## Details {{#details}}\n\n| Item | Before | After |\n|---|---|---|\n| Chats | kept | lost unless linked |\n\
         | Number | answers | automatic reply |\n| App | works | works |\n\n\
         1. Open the app and sign in.\n2. Link the number.\n3. Check the history.\n\n\
         ## Questions {{#questions}}\n\nA longer paragraph answers the most frequent question in plain words. It repeats what matters: \
         the date, what happens to the chats, and where to go next. Readers on slow phones get the answer in one screen, \
         and the page links back to the [notice](../) for the rest.\n"
    );
    body
}

/// A sunset site: the shipped templates, translations and pages, plus `pages` generated pages;
/// with the shipped share card template when `cards`, else without (Hugo draws no cards).
fn sunset_site(dir: &Path, pages: usize, cards: bool) {
    common::copy_shipped_site(dir);
    if !cards {
        fs::remove_file(dir.join("templates/card.svg")).unwrap();
    }
    let per_language = pages / LANGUAGES.len();
    for (lang, _) in LANGUAGES {
        for n in 0..per_language {
            write(
                &dir.join(format!("content/{lang}/page-{n}.md")),
                &page_markdown(n, per_language, lang),
            );
        }
    }
}

const HUGO_TEMPLATE: &str = r#"<!DOCTYPE html>
<html lang="{{ .Language.Lang }}" dir="{{ .Language.LanguageDirection | default "ltr" }}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ i18n "site_name" }}</title>
<meta name="description" content="{{ .Description }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">
{{ end }}<style>{{ readFile "style.css" | safeCSS }}</style></head>
<body><header><p><a href="{{ "" | relLangURL }}">{{ i18n "site_name" }}</a></p>
<nav>{{ range .AllTranslations }}<a href="{{ .RelPermalink }}" lang="{{ .Language.Lang }}">{{ .Language.LanguageName }}</a> {{ end }}</nav></header>
<main><h1>{{ .Title }}</h1>
<section class="status" data-phase="upcoming" data-days-left="10"><h2>{{ i18n "days_left" 10 }}</h2>
<p>{{ i18n "last_day_is" }} <time datetime="2026-01-16T00:00:00Z">{{ time.Format ":date_long" "2026-01-15" }}</time></p></section>
<nav>{{ .TableOfContents }}</nav>
{{ .Content }}</main>
<footer><ul>{{ range first 3 .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
<p>{{ i18n "last_updated" }} {{ .Lastmod | time.Format ":date_long" }}</p></footer></body></html>
"#;

/// The same pages as a Hugo site: per-language content folders, i18n TOML, one template.
fn hugo_site(dir: &Path, pages: usize) {
    let mut config = String::from(
        "baseURL = \"https://example.org/\"\ndefaultContentLanguage = \"en\"\ndefaultContentLanguageInSubdir = true\n\
         disableKinds = [\"taxonomy\", \"term\", \"RSS\", \"section\"]\n[markup.goldmark.renderer]\nunsafe = false\n\
         [markup.goldmark.parser.attribute]\ntitle = true\n",
    );
    for (weight, (lang, name)) in LANGUAGES.iter().enumerate() {
        let direction = if *lang == "ar" { "rtl" } else { "ltr" };
        let _ = write!(
            config,
            "[languages.{lang}]\ncontentDir = \"content/{lang}\"\nlanguageName = \"{name}\"\nlanguageDirection = \"{direction}\"\nweight = {}\n",
            weight + 1
        );
    }
    write(&dir.join("config.toml"), &config);
    let plurals = |lang: &str| match lang {
        "ar" => {
            "zero = \"لم يبقَ أي يوم\"\none = \"بقي يوم واحد\"\ntwo = \"بقي يومان\"\nfew = \"بقي {{ .Count }} أيام\"\nmany = \"بقي {{ .Count }} يومًا\"\nother = \"بقي {{ .Count }} يوم\"\n"
        }
        "id" => "other = \"Tinggal {{ .Count }} hari lagi\"\n",
        "tr" => "one = \"{{ .Count }} gün kaldı\"\nother = \"{{ .Count }} gün kaldı\"\n",
        "fr" => "one = \"Il reste {{ .Count }} jour\"\nother = \"Il reste {{ .Count }} jours\"\n",
        _ => "one = \"{{ .Count }} day left\"\nother = \"{{ .Count }} days left\"\n",
    };
    for (lang, _) in LANGUAGES {
        write(
            &dir.join(format!("i18n/{lang}.toml")),
            &format!(
                "[site_name]\nother = \"ChatGPT on WhatsApp\"\n[last_day_is]\nother = \"Last day:\"\n[last_updated]\nother = \"Last updated\"\n[days_left]\n{}",
                plurals(lang)
            ),
        );
        let per_language = pages / LANGUAGES.len();
        for n in 0..per_language {
            write(
                &dir.join(format!("content/{lang}/page-{n}.md")),
                &page_markdown(n, per_language, lang),
            );
        }
        write(
            &dir.join(format!("content/{lang}/_index.md")),
            "+++\ntitle = \"Notice\"\n+++\n",
        );
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::copy(
        repo.join("templates/partials/style.css"),
        dir.join("style.css"),
    )
    .unwrap();
    write(&dir.join("layouts/_default/single.html"), HUGO_TEMPLATE);
    write(&dir.join("layouts/_default/list.html"), HUGO_TEMPLATE);
}

/// The same site with the share card template and without it: a cold build into an empty
/// folder (every card drawn), and a warm one into the folder the last build wrote (every card
/// kept), each the median of alternating runs, with the cost of cards.
fn share_cards(sunset: &str, only: Option<usize>, sizes: &[(&str, usize, usize)]) {
    println!(
        "\nshare cards: cold = into an empty folder (every card drawn), warm = again into the last build's folder\n\
         site            pages | without cards: cold, warm       | with cards: cold, warm, peak       | warm cost"
    );
    for &(name, generated, runs) in sizes {
        if only.is_some_and(|size| size != generated) {
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let mut medians = Vec::new();
        for cards in [false, true] {
            let site = dir.path().join(format!("site-{cards}"));
            sunset_site(&site, generated, cards);
            let out = dir.path().join(format!("out-{cards}"));
            let build = || {
                measure(
                    Command::new(sunset)
                        .arg("--root")
                        .arg(&site)
                        .args(["build", "--now", "2026-01-05", "--out"])
                        .arg(&out),
                )
            };
            let (mut cold, mut warm) = (Vec::new(), Vec::new());
            for _ in 0..runs {
                let _ = fs::remove_dir_all(&out);
                cold.push(build());
                warm.push(build());
            }
            medians.push([
                median(&cold, |r| r.wall),
                median(&warm, |r| r.wall),
                median(&warm, |r| r.cpu),
                median(&cold, |r| r.peak_mb),
            ]);
        }
        let pages = generated + 15;
        let [
            [plain_cold, plain_warm, plain_cpu, _],
            [cards_cold, cards_warm, cards_cpu, peak],
        ] = medians[..]
        else {
            unreachable!("two kinds of site")
        };
        println!(
            "{name:<14} {pages:>6} | {plain_cold:>8.3} s {plain_warm:>6.3} s ({plain_cpu:.3} s cpu) | {cards_cold:>8.3} s {cards_warm:>6.3} s ({cards_cpu:.3} s cpu) {peak:>5.0} MB | {:>+6.1} % wall, {:>+6.1} % cpu",
            (cards_warm / plain_warm - 1.0) * 100.0,
            (cards_cpu / plain_cpu - 1.0) * 100.0
        );
    }
    println!(
        "(medians; warm cost = a warm build with cards against one without; peak = cold, with cards)"
    );
}

fn gzip_size(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap().len()
}

fn main() {
    let only: Option<usize> = std::env::args().skip(1).find_map(|a| a.parse().ok());
    let hugo = Command::new("hugo")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !hugo {
        println!("hugo is not installed (apt-get install hugo): measuring sunset alone");
    }
    let sunset = env!("CARGO_BIN_EXE_sunset");
    let sizes: [(&str, usize, usize); 3] = [
        ("shipped site", 0, 15),
        ("1,000 pages", 1000, 7),
        ("10,000 pages", 10_000, 3),
    ];
    let mut table = String::from(
        "site            pages | sunset: wall     cpu    peak | one state: cpu  ratio | hugo: wall      cpu    peak | faster  cpu   memory\n",
    );
    for (name, generated, runs) in sizes {
        if only.is_some_and(|size| size != generated) {
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let (ours, theirs) = (dir.path().join("sunset"), dir.path().join("hugo"));
        sunset_site(&ours, generated, false);
        hugo_site(&theirs, generated);
        let pages = fs::read_dir(ours.join("content"))
            .unwrap()
            .map(|l| fs::read_dir(l.unwrap().path()).unwrap().count())
            .sum::<usize>();
        let (mut ours_runs, mut one_state_runs, mut theirs_runs) =
            (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..runs {
            // Built on 5 January, every later reading is rendered, checked and carried; built
            // after the end, there is one reading.
            for (now, runs) in [
                ("2026-01-05", &mut ours_runs),
                ("2026-01-20", &mut one_state_runs),
            ] {
                let out = dir.path().join("out-sunset");
                let _ = fs::remove_dir_all(&out);
                runs.push(measure(
                    Command::new(sunset)
                        .arg("--root")
                        .arg(&ours)
                        .args(["build", "--now", now, "--out"])
                        .arg(&out),
                ));
            }
            if hugo {
                let out = dir.path().join("out-hugo");
                let _ = fs::remove_dir_all(&out);
                theirs_runs.push(measure(
                    Command::new("hugo")
                        .arg("--quiet")
                        .arg("--source")
                        .arg(&theirs)
                        .arg("--destination")
                        .arg(&out),
                ));
            }
        }
        let (w, c, m) = (
            median(&ours_runs, |r| r.wall),
            median(&ours_runs, |r| r.cpu),
            median(&ours_runs, |r| r.peak_mb),
        );
        let one_state = median(&one_state_runs, |r| r.cpu);
        let _ = write!(
            table,
            "{name:<14} {pages:>6} | {w:>9.3} s {c:>6.3} s {m:>5.0} MB | {one_state:>8.3} s {:>5.2} |",
            c / one_state
        );
        if hugo {
            let (hw, hc, hm) = (
                median(&theirs_runs, |r| r.wall),
                median(&theirs_runs, |r| r.cpu),
                median(&theirs_runs, |r| r.peak_mb),
            );
            let _ = writeln!(
                table,
                " {hw:>8.3} s {hc:>6.3} s {hm:>5.0} MB | {:>5.1}× {:>4.1}× {:>5.2}",
                hw / w,
                hc / c,
                m / hm
            );
        } else {
            table.push_str(" (no hugo)\n");
        }
        print!("{table}");
        table.clear();
    }
    println!(
        "(medians of alternating runs; sunset builds for 5 January, every later reading checked; \
         one state = built after the end; ratio = every state's CPU / one state's; faster = \
         Hugo's wall time / sunset's; memory = sunset's peak / Hugo's; no share cards, as Hugo \
         draws none)"
    );
    share_cards(sunset, only, &sizes);

    // Weight of each shipped page, as a reader's browser downloads it.
    let dir = tempfile::tempdir().unwrap();
    let out: PathBuf = dir.path().join("public");
    let built = Command::new(sunset)
        .args([
            "--root",
            env!("CARGO_MANIFEST_DIR"),
            "build",
            "--now",
            "2026-01-05",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(built.status.success());
    let icon = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("favicon."))
        .unwrap();
    let icon_gzip = gzip_size(&fs::read(icon).unwrap());
    println!("\nshipped pages, gzip bytes with everything they load (limit 14,336):");
    for (lang, _) in LANGUAGES {
        let mut line = format!("  {lang}:");
        for page in ["", "faq/", "link-account/"] {
            let html = fs::read(out.join(format!("{lang}/{page}index.html"))).unwrap();
            let _ = write!(
                line,
                "  {:<14} {:>6}",
                format!("/{lang}/{page}"),
                gzip_size(&html) + icon_gzip
            );
        }
        println!("{line}");
    }
}
