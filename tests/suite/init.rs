//! `init` writes a notice site that builds and passes `check` at once.

use std::fs;
use std::path::Path;
use std::process::Command;

use tempfile::TempDir;

fn sunset(current_dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_sunset"))
        .args(args)
        .current_dir(current_dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap();
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (
        output.status.code().unwrap_or(-1),
        text(&output.stdout),
        text(&output.stderr),
    )
}

/// Replaces every `from` in the file at `path`, which must hold it.
fn edit_file(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from} in {}", path.display());
    fs::write(path, text.replace(from, to)).unwrap();
}

#[test]
fn a_new_site_builds_and_passes_check() {
    let dir = TempDir::new().unwrap();
    let (code, stdout, stderr) = sunset(dir.path(), &["init", "notice", "--languages", "en,ar,pl"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let site = dir.path().join("notice");
    let (code, stdout, stderr) = sunset(&site, &["check"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("check: 0 errors, 0 warnings"), "{stdout}");
    assert!(
        stdout.contains("30 messages are still the default language's text"),
        "what to translate is listed, on standard output: {stdout}"
    );
    for now in ["2027-06-01", "2027-06-30", "2027-07-10"] {
        let (code, stdout, stderr) = sunset(&site, &["build", "--now", now]);
        assert_eq!(code, 0, "{stdout}{stderr}");
    }
    for lang in ["en", "ar", "pl"] {
        for page in ["", "faq/", "link-account/"] {
            assert!(
                site.join(format!("public/{lang}/{page}index.html"))
                    .is_file(),
                "{lang}/{page}"
            );
        }
    }
    let arabic = fs::read_to_string(site.join("public/ar/index.html")).unwrap();
    assert!(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"));
    let polish = fs::read_to_string(site.join("locales/pl/main.ftl")).unwrap();
    assert!(
        polish.contains("[few]") && polish.contains("[many]"),
        "Polish plural forms: {polish}"
    );
}

/// The starter's home page, before and after the end, with and without milestones: one link
/// to the FAQ in what it shows (the template's, under the text: the text adds none), and a
/// heading that does not repeat the status's sentence.
#[test]
fn the_starter_home_page_says_each_thing_once() {
    let inner = |html: &str, opening: &str, closing: &str| -> String {
        let start = html
            .find(opening)
            .unwrap_or_else(|| panic!("{opening}: {html}"));
        let rest = &html[start..];
        let text = &rest[rest.find('>').unwrap() + 1..];
        text[..text.find(closing).unwrap()].to_string()
    };
    for options in [&[][..], &["--milestones"][..]] {
        let dir = TempDir::new().unwrap();
        let mut args = vec!["init", "notice", "--languages", "en,he,fr"];
        args.extend(options);
        let (code, stdout, stderr) = sunset(dir.path(), &args);
        assert_eq!(code, 0, "{stdout}{stderr}");
        let site = dir.path().join("notice");
        for (now, phase) in [("2027-06-01", "upcoming"), ("2027-07-05", "ended")] {
            let (code, stdout, stderr) = sunset(&site, &["build", "--now", now]);
            assert_eq!(code, 0, "{options:?} {now}: {stdout}{stderr}");
            let html = fs::read_to_string(site.join("public/en/index.html")).unwrap();
            let main = inner(&html, "<main", "</main>");
            assert!(main.contains(&format!("data-phase=\"{phase}\"")), "{now}");
            assert_eq!(
                main.matches("href=\"/en/faq/\"").count(),
                1,
                "{options:?} {now}: {main}"
            );
            let heading = inner(&main, "<h1", "</h1>");
            let status = inner(&main, "<h2 id=\"status-heading\"", "</h2>");
            assert!(
                !heading.contains(&status) && !status.contains(&heading),
                "{options:?} {now}: {heading:?} and {status:?}"
            );
            // What link previews and search results show promises nothing the day has
            // made false.
            let description = html
                .split("<meta name=\"description\" content=\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .unwrap_or_default();
            assert_eq!(
                description.contains("how to keep your data"),
                phase == "upcoming",
                "{options:?} {now}: {description}"
            );
        }
    }
}

/// `init --milestones` starts a notice with two dates that builds, passes `check`, and says
/// in each state what is true then: the deletion is announced after the service ends, and
/// reported once it has happened.
#[test]
fn a_new_site_with_milestones_reads_right_in_every_state() {
    let dir = TempDir::new().unwrap();
    let (code, stdout, stderr) = sunset(
        dir.path(),
        &["init", "notice", "--languages", "en,ar", "--milestones"],
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    let site = dir.path().join("notice");
    let toml = fs::read_to_string(site.join("site.toml")).unwrap();
    assert!(
        toml.contains("[[notice.milestones]]") && !toml.contains("end_date"),
        "{toml}"
    );
    let (code, stdout, stderr) = sunset(&site, &["check", "--strict"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("check: 0 errors, 0 warnings"), "{stdout}");
    let deleted = "What people stored in Example Service was deleted";
    let to_be_deleted = "What people stored in Example Service is deleted";
    for (now, phase, next, shown) in [
        ("2027-06-01", "upcoming", None, to_be_deleted),
        ("2027-06-30", "last-day", None, to_be_deleted),
        (
            "2027-07-01",
            "ended",
            Some("Stored data is deleted in 183 days"),
            to_be_deleted,
        ),
        (
            "2027-12-31",
            "ended",
            Some("Stored data is deleted at the end of today"),
            to_be_deleted,
        ),
        ("2028-01-01", "ended", None, deleted),
    ] {
        let (code, stdout, stderr) = sunset(&site, &["build", "--now", now]);
        assert_eq!(code, 0, "{now}: {stdout}{stderr}");
        let html = fs::read_to_string(site.join("public/en/index.html")).unwrap();
        // What the page shows, without what it carries for later states.
        let html = html
            .split("<script type=\"application/json\"")
            .next()
            .unwrap();
        assert!(html.contains(&format!("data-phase=\"{phase}\"")), "{now}");
        assert!(html.contains(shown), "{now}");
        match next {
            Some(next) => assert!(html.contains(next), "{now}: {next}"),
            None => assert!(!html.contains("status-next"), "{now}"),
        }
        let arabic = fs::read_to_string(site.join("public/ar/index.html")).unwrap();
        assert!(arabic.contains("<html lang=\"ar\" dir=\"rtl\">"), "{now}");
    }
}

#[test]
fn init_refuses_a_folder_in_use_and_unknown_languages() {
    let dir = TempDir::new().unwrap();
    fs::write(dir.path().join("keep.txt"), "mine").unwrap();
    let (code, _, stderr) = sunset(dir.path(), &["init", "."]);
    assert_eq!(code, 2);
    assert!(stderr.contains("is not empty"), "{stderr}");
    let (code, _, stderr) = sunset(dir.path(), &["init", "new", "--languages", "en,zz-qq"]);
    assert_eq!(code, 2);
    // A mistake in the command line is reported there, not in a site.toml never written.
    assert!(
        stderr.contains("error: --languages: unknown language code \"zz-qq\""),
        "{stderr}"
    );
    assert!(!stderr.contains("site.toml"), "{stderr}");
    assert!(!dir.path().join("new").exists());
    // A language CLDR knows but has no plural rules or dates for cannot be one either.
    let (code, _, stderr) = sunset(dir.path(), &["init", "new", "--languages", "en,yi"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("error: --languages: Yiddish cannot be a language of the site")
            && !stderr.contains("site.toml"),
        "{stderr}"
    );
    assert!(!dir.path().join("new").exists());
}

#[test]
fn the_default_theme_is_every_template_and_static_file() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut on_disk = Vec::new();
    for folder in ["templates", "static"] {
        for entry in walk(&repo.join(folder)) {
            on_disk.push(
                entry
                    .strip_prefix(repo)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
            );
        }
    }
    on_disk.sort();
    let mut embedded: Vec<String> = sunset::init::DEFAULT_THEME
        .iter()
        .map(|(path, _)| path.to_string())
        .collect();
    embedded.sort();
    assert_eq!(
        embedded, on_disk,
        "init's DEFAULT_THEME must list every file of templates/ and static/"
    );
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// A first build of a new site prints a few lines, the way cargo does: notes are counted, not
/// listed (`check` lists them), errors come first, and `-v` and `-q` say more or less.
#[test]
fn a_first_build_prints_a_few_lines() {
    let dir = TempDir::new().unwrap();
    sunset(dir.path(), &["init", "notice", "--languages", "en,de,ar"]);
    let site = dir.path().join("notice");
    let now = ["--now", "2027-06-01"];
    let (code, stdout, stderr) = sunset(&site, &[&["build"][..], &now].concat());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout.lines().count() + stderr.lines().count(),
        3,
        "{stdout}{stderr}"
    );
    assert!(
        stderr.ends_with("notes not shown: `sunset check` lists them (or add --verbose)\n"),
        "{stderr}"
    );
    assert!(
        stdout.contains("built 36 files (9 share cards, 9 drawn) in 3 languages"),
        "{stdout}"
    );
    let (_, _, verbose) = sunset(&site, &[&["build", "-v"][..], &now].concat());
    // One note per file of messages that is init's copy (main.ftl and updates.ftl), one per
    // language for its copies of the pages, not one per message or page.
    assert_eq!(verbose.matches("note:").count(), 6, "{verbose}");
    let (code, quiet_out, quiet) = sunset(&site, &[&["-q", "build"][..], &now].concat());
    assert_eq!((code, quiet_out.as_str(), quiet.as_str()), (0, "", ""));

    // A broken page: a failed build lists its errors only, and counts the warnings.
    fs::write(site.join("content/de/faq.md"), "no front matter").unwrap();
    fs::write(
        site.join("content/de/extra.md"),
        "+++\ntitle = \"x\"\ndescription = \"x\"\n+++\nx\n",
    )
    .unwrap();
    let (code, _, stderr) = sunset(&site, &[&["build", "-v"][..], &now].concat());
    assert_eq!(code, 1);
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(
        !stderr.contains("warning:") && !stderr.contains("note:"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("1 warning not shown: `sunset check` lists it\nbuild failed with 1 error; the previous output is untouched\n"),
        "{stderr}"
    );
}

/// `init` copies the default language into every other one: check does not count the copies
/// as translated, messages or pages, even after the default language changes.
#[test]
fn copies_of_the_default_language_are_not_counted_as_translated() {
    let dir = TempDir::new().unwrap();
    sunset(dir.path(), &["init", "notice", "--languages", "en,de"]);
    let site = dir.path().join("notice");
    let (_, stdout, _) = sunset(&site, &["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let summary = report["summary"].as_array().unwrap();
    let de = summary.iter().find(|s| s["language"] == "de").unwrap();
    assert_eq!(de["pages_translated"], 0, "{de}");
    let (translated, total) = (
        de["translated"].as_u64().unwrap(),
        de["messages"].as_u64().unwrap(),
    );
    assert!(
        translated * 5 < total,
        "only messages with nothing to translate count: {de}"
    );
    let en = summary.iter().find(|s| s["language"] == "en").unwrap();
    assert_eq!(en["translated"], en["messages"], "{en}");

    // The default language changes: the copies are still copies, not translations.
    for file in [
        "locales/en/main.ftl",
        "content/en/index.md",
        "content/en/faq.md",
    ] {
        let path = site.join(file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains("Example Service"), "{file}");
        fs::write(&path, text.replace("Example Service", "Example Chat")).unwrap();
    }
    let (_, stdout, _) = sunset(&site, &["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let after = report["summary"].as_array().unwrap();
    let de_after = after.iter().find(|s| s["language"] == "de").unwrap();
    assert_eq!(de_after["translated"], de["translated"], "{de_after}");
    assert_eq!(de_after["pages_translated"], 0, "{de_after}");

    // Once a page is translated, it counts.
    let faq = site.join("content/de/faq.md");
    let text = fs::read_to_string(&faq).unwrap();
    fs::write(&faq, format!("{text}\nEine neue Antwort.\n")).unwrap();
    let (_, stdout, _) = sunset(&site, &["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let de = report["summary"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["language"] == "de")
        .unwrap()
        .clone();
    assert_eq!(de["pages_translated"], 1, "{de}");
}

/// The names of the languages a page links to in `<nav class="languages">`, in order.
fn chooser_names(html: &str) -> Vec<String> {
    let nav = html
        .split_once("<nav class=\"languages\"")
        .and_then(|(_, rest)| rest.split_once("</nav>"))
        .map_or("", |(nav, _)| nav);
    nav.split("</a>")
        .filter_map(|item| item.rsplit_once('>').map(|(_, name)| name.to_string()))
        .filter(|name| !name.trim().is_empty())
        .collect()
}

/// Languages CLDR has, and their names in themselves, come from CLDR: `init` writes them into
/// site.toml, the language chooser shows them, and Hebrew reads right to left.
#[test]
fn languages_get_their_own_names_from_cldr() {
    let dir = TempDir::new().unwrap();
    let (code, stdout, stderr) = sunset(dir.path(), &["init", "notice", "--languages", "en,nb,he"]);
    assert_eq!((code, stderr.as_str()), (0, ""), "{stdout}");
    let site = dir.path().join("notice");
    let toml = fs::read_to_string(site.join("site.toml")).unwrap();
    assert!(
        toml.contains("code = \"nb\"\nname = \"norsk bokmål\"\n")
            && toml.contains("code = \"he\"\nname = \"עברית\"\n"),
        "{toml}"
    );
    assert!(!toml.contains("# The language's name"), "{toml}");

    // Without names in site.toml, the build takes the same ones from CLDR.
    let unnamed = toml.replace("name = \"norsk bokmål\"\n", "");
    fs::write(site.join("site.toml"), &unnamed).unwrap();
    let (code, stdout, stderr) = sunset(&site, &["build", "--now", "2027-06-01"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let names = ["English", "norsk bokmål", "עברית"];
    for lang in ["en", "nb", "he"] {
        let page = fs::read_to_string(site.join(format!("public/{lang}/index.html"))).unwrap();
        assert_eq!(chooser_names(&page), names, "{lang}");
    }
    let hebrew = fs::read_to_string(site.join("public/he/index.html")).unwrap();
    assert!(
        hebrew.contains("<html lang=\"he\" dir=\"rtl\">"),
        "{hebrew}"
    );
    let root = fs::read_to_string(site.join("public/index.html")).unwrap();
    assert!(
        root.contains("<li lang=\"he\" dir=\"rtl\"><a href=\"/he/\" hreflang=\"he\"><span class=\"language-name\">עברית</span>"),
        "{root}"
    );
}

/// An alias (`iw`, the old code for Hebrew) is accepted as written, since it names the folders
/// and URLs, with a warning from init, build and check that names the code to write instead.
#[test]
fn an_alias_is_kept_with_a_warning_naming_the_canonical_code() {
    let dir = TempDir::new().unwrap();
    let (code, _, stderr) = sunset(dir.path(), &["init", "notice", "--languages", "en,iw"]);
    assert_eq!(code, 0, "{stderr}");
    let warning =
        "warning: \"iw\" is an alias: CLDR's code for Hebrew is \"he\"\n  --> site.toml:65:8";
    let hint = "help: write \"he\", and rename content/iw/ and locales/iw/ to he/";
    assert!(
        stderr.contains(warning) && stderr.contains(hint),
        "{stderr}"
    );

    let site = dir.path().join("notice");
    let (code, stdout, stderr) = sunset(&site, &["build", "--now", "2027-06-01"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stderr.contains(warning) && stderr.contains(hint),
        "{stderr}"
    );
    let page = fs::read_to_string(site.join("public/iw/index.html")).unwrap();
    assert!(page.contains("<html lang=\"iw\" dir=\"rtl\">"), "{page}");
    assert_eq!(chooser_names(&page), ["English", "עברית"]);
    let ftl = fs::read_to_string(site.join("locales/iw/main.ftl")).unwrap();
    assert!(ftl.contains("[two]"), "Hebrew's plural forms: {ftl}");

    let (code, stdout, _) = sunset(&site, &["check", "--format", "json"]);
    assert_eq!(code, 0, "{stdout}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let in_site_toml: Vec<_> = report["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["file"] == "site.toml")
        .map(|f| {
            (
                f["severity"].clone(),
                f["line"].clone(),
                f["column"].clone(),
            )
        })
        .collect();
    assert_eq!(in_site_toml, [("warning".into(), 65.into(), 8.into())]);
    let (code, _, _) = sunset(&site, &["check", "--strict"]);
    assert_eq!(code, 1, "a warning fails a strict check");
}

/// The next team's first day, with data edits only: a notice in three languages (one right to
/// left), its steps page renamed, a language added under an alias code, one translated page
/// deleted. It builds, and check tells the truth about what is translated.
#[test]
fn a_notice_for_another_service_is_data_only() {
    let dir = TempDir::new().unwrap();
    let (code, _, stderr) = sunset(dir.path(), &["init", "acme", "--languages", "en,ar,fr"]);
    assert_eq!(code, 0, "{stderr}");
    let site = dir.path().join("acme");
    let edit = |file: &str, from: &str, to: &str| {
        let path = site.join(file);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} has no {from:?}");
        fs::write(&path, text.replace(from, to)).unwrap();
    };
    for lang in ["en", "ar", "fr"] {
        fs::rename(
            site.join(format!("content/{lang}/link-account.md")),
            site.join(format!("content/{lang}/export.md")),
        )
        .unwrap();
        edit(
            &format!("content/{lang}/faq.md"),
            "@/link-account.md",
            "@/export.md",
        );
    }
    edit("site.toml", "page = \"link-account\"", "page = \"export\"");
    // Norwegian Bokmål under its macrolanguage's alias, translated in the copy init would make.
    let toml = fs::read_to_string(site.join("site.toml")).unwrap();
    fs::write(
        site.join("site.toml"),
        format!("{toml}\n[[languages]]\ncode = \"no\"\n"),
    )
    .unwrap();
    for part in ["content", "locales"] {
        let (from, to) = (
            site.join(format!("{part}/en")),
            site.join(format!("{part}/no")),
        );
        fs::create_dir_all(&to).unwrap();
        for entry in fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
    fs::remove_file(site.join("content/fr/faq.md")).unwrap();

    let (code, stdout, stderr) = sunset(&site, &["build", "--now", "2027-06-01"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    for page in [
        "ar/export/index.html",
        "no/export/index.html",
        "fr/faq/index.html",
    ] {
        assert!(site.join("public").join(page).is_file(), "{page}");
    }
    let french_faq = fs::read_to_string(site.join("public/fr/faq/index.html")).unwrap();
    assert!(
        french_faq.contains("class=\"untranslated\""),
        "shown untranslated"
    );

    let (_, stdout, _) = sunset(&site, &["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let summary = |lang: &str| {
        report["summary"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["language"] == lang)
            .unwrap_or_else(|| panic!("no {lang} in {report}"))
            .clone()
    };
    for lang in ["ar", "fr", "no"] {
        assert_eq!(summary(lang)["pages_translated"], 0, "{lang}: copies");
        assert_eq!(summary(lang)["pages"], 3);
    }
    let missing: Vec<_> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "missing-page")
        .map(|f| f["file"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(missing, ["content/fr/faq.md"]);
}

/// init's copies are not translations: the Hebrew pages show the English text marked as
/// English (under the note that it is not translated yet), and after the English changes the
/// copies are still untranslated, never "translated from an earlier version".
#[test]
fn inits_copies_are_published_and_counted_as_untranslated() {
    let dir = TempDir::new().unwrap();
    sunset(dir.path(), &["init", "notice", "--languages", "en,he"]);
    let site = dir.path().join("notice");
    let english = site.join("locales/en/main.ftl");
    let text = fs::read_to_string(&english).unwrap();
    fs::write(&english, text.replace("Example Service", "Acme Photos")).unwrap();
    let page = site.join("content/en/index.md");
    let text = fs::read_to_string(&page).unwrap();
    fs::write(&page, text.replace("Example Service", "Acme Photos")).unwrap();

    let (code, stdout, stderr) = sunset(&site, &["build", "--now", "2027-06-20", "-v"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!stderr.contains("earlier version"), "{stderr}");
    let hebrew = fs::read_to_string(site.join("public/he/index.html")).unwrap();
    assert!(
        hebrew.contains("<html lang=\"he\" dir=\"rtl\">"),
        "{hebrew}"
    );
    assert!(
        hebrew.contains("<div class=\"content\" lang=\"en\" dir=\"ltr\">"),
        "{hebrew}"
    );
    assert!(
        hebrew.contains("<h1 lang=\"en\" dir=\"ltr\">Acme Photos is ending</h1>"),
        "the English as it is now, not init's copy: {hebrew}"
    );
    assert!(
        hebrew.contains("<p class=\"untranslated\" role=\"note\" lang=\"en\" dir=\"ltr\"><span lang=\"en\" dir=\"ltr\">"),
        "{hebrew}"
    );
    // The language chooser's title names the site once, not once per copy of its name.
    let chooser = fs::read_to_string(site.join("public/index.html")).unwrap();
    assert!(
        chooser.contains("<title>\u{2066}Acme Photos: end of service\u{2069}</title>"),
        "{chooser}"
    );
    // In plain text (the title of the tab), the English is isolated from the Hebrew around it.
    assert!(
        hebrew.contains("\u{2066}Acme Photos: end of service\u{2069}"),
        "{hebrew}"
    );

    let (code, stdout, _) = sunset(&site, &["check"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(!stdout.contains("outdated"), "{stdout}");
    let hebrew_row = stdout.lines().find(|l| l.starts_with("he ")).unwrap();
    assert!(
        hebrew_row.contains(" 0/3 "),
        "no page translated: {hebrew_row}"
    );
}

/// A variant no value can choose is an error, with the values in the hint: the newcomer's
/// `[on]`/`*[before]` (phase blocks' words) on `$phase_<name>`, and a plural form English
/// does not have.
#[test]
fn check_proves_every_variant_can_be_chosen() {
    let dir = TempDir::new().unwrap();
    sunset(dir.path(), &["init", "notice", "--milestones"]);
    let site = dir.path().join("notice");
    let english = site.join("locales/en/main.ftl");
    let mut text = fs::read_to_string(&english).unwrap();
    text.push_str(concat!(
        "deletion-note = { $phase_data-deleted ->\n",
        "    [on] Your data is deleted today\n",
        "   *[before] Your data is kept\n",
        "}\n",
        "count-note = { PLURAL($days_left) ->\n",
        "    [few] A few days\n",
        "   *[other] Days\n",
        "}\n",
    ));
    fs::write(&english, text).unwrap();
    let (code, stdout, _) = sunset(&site, &["check", "--format", "json"]);
    assert_eq!(code, 1, "{stdout}");
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let found = |code: &str| -> Vec<(String, String)> {
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == code && f["language"] == "en")
            .map(|f| {
                let text = |field: &str| f[field].as_str().unwrap_or_default().to_string();
                (text("message"), text("hint"))
            })
            .collect()
    };
    assert_eq!(
        found("unreachable-variant"),
        [
            (
                "`count-note`: the variant [few] can never be chosen: CLDR's plural forms in en are one, other".to_string(),
                "use those forms, or an exact number such as [0]".to_string()
            ),
            (
                "`deletion-note`: the variant [on] can never be chosen: $phase_data-deleted is one of upcoming, last-day, ended".to_string(),
                "phase blocks write `on`; in a message the same phase is [last-day]".to_string()
            ),
        ]
    );
    let uncovered = found("uncovered-values");
    assert_eq!(uncovered.len(), 1, "{uncovered:?}");
    assert!(
        uncovered[0]
            .0
            .contains("upcoming, last-day, ended take the default variant *[before]"),
        "{uncovered:?}"
    );
}

/// Each mistake once, with its own hint: a wrong role in a template shared by three
/// languages is one error; a misspelled variable is one error, where the message is defined.
#[test]
fn each_mistake_is_reported_once_with_the_name_that_was_meant() {
    let dir = TempDir::new().unwrap();
    sunset(dir.path(), &["init", "notice", "--languages", "en,he,fr"]);
    let site = dir.path().join("notice");
    let edit = |path: &str, from: &str, to: &str| edit_file(&site.join(path), from, to);
    edit("templates/notice.html", "role=\"faq\"", "role=\"fqa\"");
    edit(
        "locales/en/main.ftl",
        "*[other] { $days_left } days left\n",
        "*[other] { $days_lfet } days left\n",
    );
    let (code, _, stderr) = sunset(&site, &["build", "-q"]);
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(stderr.matches("error:").count(), 2, "{stderr}");
    assert!(
        stderr.contains("no page has role = \"fqa\"")
            && stderr.contains("help: a page has role = \"faq\": if it is the one meant"),
        "{stderr}"
    );
    assert!(
        stderr.contains("uses $days_lfet") && stderr.contains("help: did you mean $days_left?"),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("build failed with 2 errors; the previous output is untouched\n"),
        "{stderr}"
    );
}

/// A steps page about another milestone than the main one says so in its front matter, and
/// its banner, its bare phase blocks and its `[phases.ended]` title follow that milestone: on
/// 15 July 2027, after the service ended, the steps that still apply until the deletion are
/// not announced as past; after the deletion they are. A name site.toml does not have is an
/// error at its line.
#[test]
fn the_steps_banner_follows_the_pages_own_milestone() {
    let dir = TempDir::new().unwrap();
    sunset(dir.path(), &["init", "notice", "--milestones"]);
    let site = dir.path().join("notice");
    let steps = site.join("content/en/link-account.md");
    let text = fs::read_to_string(&steps).unwrap();
    fs::write(
        &steps,
        text.replacen("+++\n", "+++\nmilestone = \"data-deleted\"\n", 1)
            .replacen("What is left of your data", "Your data is gone", 1),
    )
    .unwrap();
    let (code, stdout, stderr) = sunset(&site, &["build", "--now", "2027-07-15"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let html = fs::read_to_string(site.join("public/en/link-account/index.html")).unwrap();
    assert!(
        html.contains("<p class=\"banner banner-upcoming\" data-phased=\"count\">You have 169 days left to keep your data."),
        "{html}"
    );
    // What the page shows now, without the later states it carries.
    let shown = |html: &str| {
        let body = html.split("<body").nth(1).unwrap();
        body.split("data-phase-page").next().unwrap().to_string()
    };
    let body = shown(&html);
    assert!(
        body.contains("Describe the first step.") && !body.contains("too-late"),
        "{html}"
    );
    assert!(html.contains("<title>Keep your data"), "{html}");
    let (code, stdout, stderr) = sunset(&site, &["build", "--now", "2028-01-02"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let html = fs::read_to_string(site.join("public/en/link-account/index.html")).unwrap();
    let body = shown(&html);
    assert!(
        !body.contains("Describe the first step.") && body.contains("id=\"too-late\""),
        "{html}"
    );
    assert!(html.contains("<title>Your data is gone"), "{html}");
    let (code, _, stderr) = sunset(&site, &["build", "--now", "2027-07-15"]);
    assert_eq!(code, 0, "{stderr}");
    let notice = fs::read_to_string(site.join("public/en/index.html")).unwrap();
    assert!(notice.contains("data-phase=\"ended\""), "{notice}");

    let text = fs::read_to_string(&steps).unwrap();
    fs::write(&steps, text.replace("\"data-deleted\"", "\"data-delted\"")).unwrap();
    let (code, _, stderr) = sunset(&site, &["build", "--now", "2027-07-15"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("error: there is no milestone \"data-delted\" in site.toml\n --> content/en/link-account.md:2:13"),
        "{stderr}"
    );
    assert!(
        stderr.contains("help: name one of service-ends, data-deleted"),
        "{stderr}"
    );
}

/// `add-language` adds a language to a site that exists: its table with CLDR's name, the
/// default language's files as copies stamped as such (Hebrew's plural forms included), never
/// touching a file the language has; a language added to site.toml by hand gets its files.
#[test]
fn add_language_adds_a_language_to_an_existing_site() {
    let dir = TempDir::new().unwrap();
    sunset(dir.path(), &["init", "notice", "--languages", "en,fr"]);
    let site = dir.path().join("notice");
    let english = site.join("locales/en/main.ftl");
    let text = fs::read_to_string(&english).unwrap();
    fs::write(&english, text.replace("Example Service", "Acme Photos")).unwrap();

    let (code, stdout, stderr) = sunset(&site, &["add-language", "he"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.starts_with(
            "added he: site.toml, locales/he/main.ftl, locales/he/updates.ftl, content/he/faq.md"
        ),
        "{stdout}"
    );
    let toml = fs::read_to_string(site.join("site.toml")).unwrap();
    assert!(
        toml.ends_with(
            "\n[[languages]]\ncode = \"he\"\nname = \"עברית\"\n\
             # Digits and calendar: CLDR's choice for this language (see the README).\n\
             digits = \"latn\" # 0123456789\n\
             calendar = \"gregory\" # 2027-06-30 reads 30 ביוני 2027\n"
        ),
        "{toml}"
    );
    let hebrew = fs::read_to_string(site.join("locales/he/main.ftl")).unwrap();
    assert!(
        hebrew.contains("[two]") && hebrew.contains("Acme Photos"),
        "{hebrew}"
    );

    let (code, stdout, _) = sunset(&site, &["check"]);
    assert_eq!(code, 0, "{stdout}");
    // Per language, one note per file of copied messages (main.ftl, updates.ftl) and one
    // for the copied pages.
    assert!(
        stdout.contains("check: 0 errors, 0 warnings, 6 notes"),
        "{stdout}"
    );
    let row = stdout.lines().find(|l| l.starts_with("he ")).unwrap();
    assert!(row.contains(" 0/3 "), "{row}");

    // Again: nothing to add, nothing overwritten.
    let mine =
        "+++\ntitle = \"שאלות\"\ndescription = \"שאלות ותשובות\"\nrole = \"faq\"\n+++\nתשובות.\n";
    fs::write(site.join("content/he/faq.md"), mine).unwrap();
    let (code, stdout, _) = sunset(&site, &["add-language", "he"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("he has every file"), "{stdout}");
    assert_eq!(
        fs::read_to_string(site.join("content/he/faq.md")).unwrap(),
        mine
    );

    // A language site.toml lists but has no files of: its files, site.toml untouched.
    fs::write(
        site.join("site.toml"),
        format!("{toml}\n[[languages]]\ncode = \"de\"\n"),
    )
    .unwrap();
    let (code, _, stderr) = sunset(&site, &["build", "--now", "2027-06-20"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("sunset add-language de"),
        "the warning says how: {stderr}"
    );
    let (code, stdout, _) = sunset(&site, &["add-language", "de"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.starts_with("added de: locales/de/main.ftl"),
        "{stdout}"
    );

    let (code, _, stderr) = sunset(&site, &["add-language", "en"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("en is the site's default language"),
        "{stderr}"
    );
}

/// `stamp` records translations, never a copy: after the English changes, a Hebrew page and a
/// message translated by hand are stamped, and init's copies stay copies, brought up to the
/// current English (what translators start from), published as English and counted so.
#[test]
fn stamp_leaves_copies_as_copies_brought_up_to_the_current_text() {
    let dir = TempDir::new().unwrap();
    sunset(dir.path(), &["init", "notice", "--languages", "en,he"]);
    let site = dir.path().join("notice");
    let edit = |path: &str, from: &str, to: &str| edit_file(&site.join(path), from, to);
    for path in [
        "locales/en/main.ftl",
        "content/en/index.md",
        "content/en/faq.md",
    ] {
        edit(path, "Example Service", "Acme Photos");
    }
    edit(
        "locales/he/main.ftl",
        "skip-link = Skip to the content",
        "skip-link = דילוג לתוכן",
    );
    edit(
        "content/he/index.md",
        "title = \"Example Service is ending\"",
        "title = \"Example Service נסגר\"",
    );
    edit(
        "content/he/index.md",
        "Say here, in a few sentences, why the service is ending.",
        "כאן נסביר מדוע השירות נסגר.",
    );

    let (code, stdout, stderr) = sunset(&site, &["stamp", "he"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("he: 30 messages and 2 pages are still the default language's text"),
        "{stdout}"
    );
    let faq = fs::read_to_string(site.join("content/he/faq.md")).unwrap();
    assert!(
        faq.contains("Acme Photos") && !faq.contains("Example Service"),
        "{faq}"
    );
    let messages = fs::read_to_string(site.join("locales/he/main.ftl")).unwrap();
    assert!(
        messages.contains("site-name = Acme Photos: end of service"),
        "{messages}"
    );
    assert!(messages.contains("skip-link = דילוג לתוכן"), "{messages}");
    // Hebrew's extra plural form survives the refresh.
    assert!(
        messages.contains("    [two] { $days_left } days left"),
        "{messages}"
    );

    let (code, stdout, _) = sunset(&site, &["check"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("check: 0 errors, 0 warnings"), "{stdout}");
    let row = stdout.lines().find(|l| l.starts_with("he ")).unwrap();
    assert!(row.contains(" 1/3 ") && row.contains("3/33"), "{row}");
    let (code, _, stderr) = sunset(&site, &["build", "--now", "2027-06-20"]);
    assert_eq!(code, 0, "{stderr}");
    let faq = fs::read_to_string(site.join("public/he/faq/index.html")).unwrap();
    assert!(
        faq.contains("class=\"untranslated\""),
        "published as untranslated: {faq}"
    );
}

/// A line whose label is still the default language's text is that language's whole line:
/// the date beside it is written in the same language, not in the page's.
#[test]
fn a_label_in_the_default_language_gets_its_date_in_that_language_too() {
    let dir = TempDir::new().unwrap();
    sunset(dir.path(), &["init", "notice", "--languages", "en,he"]);
    let site = dir.path().join("notice");
    let (code, _, stderr) = sunset(&site, &["build", "--now", "2027-06-20"]);
    assert_eq!(code, 0, "{stderr}");
    let hebrew = fs::read_to_string(site.join("public/he/index.html")).unwrap();
    assert!(
        hebrew.contains("<p class=\"status-date\" lang=\"en\" dir=\"ltr\">\u{2066}Last day of the service:\u{2069} <time datetime=\"2027-06-30\">June 30, 2027</time></p>"),
        "{hebrew}"
    );
}

/// What the second newcomer met: a copy whose English became a select of several lines is
/// refreshed whole by `stamp` (its closing brace too), and a message translated from init's
/// copy (Hebrew's `[two]` form included) is not "translated from an earlier version".
#[test]
fn stamp_refreshes_a_copy_whole_and_a_translated_copy_is_not_outdated() {
    let dir = TempDir::new().unwrap();
    sunset(dir.path(), &["init", "notice", "--languages", "en,he"]);
    let site = dir.path().join("notice");
    edit_file(
        &site.join("locales/he/main.ftl"),
        "    [one] { $days_left } day left\n    [two] { $days_left } days left\n   *[other] { $days_left } days left",
        "    [one] נותר יום אחד\n    [two] נותרו יומיים\n   *[other] נותרו { $days_left } ימים",
    );
    let (code, stdout, _) = sunset(&site, &["check"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(!stdout.contains("earlier version"), "{stdout}");

    edit_file(
        &site.join("locales/en/main.ftl"),
        "status-last-day = Today is the last day",
        "status-last-day = { $phase ->\n    [last-day] Today is the last day\n   *[other] The last day\n}",
    );
    let (code, _, stderr) = sunset(&site, &["stamp", "he"]);
    assert_eq!(code, 0, "{stderr}");
    let hebrew = fs::read_to_string(site.join("locales/he/main.ftl")).unwrap();
    assert!(
        hebrew.contains("status-last-day = { $phase ->\n    [last-day] Today is the last day\n   *[other] The last day\n}\n"),
        "{hebrew}"
    );
    assert!(hebrew.contains("# copy-of: "), "{hebrew}");
    let (code, _, stderr) = sunset(&site, &["build", "--now", "2027-06-20"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, _) = sunset(&site, &["check"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("0 warnings"), "{stdout}");
}

/// The README's rename step: one build names every place that still uses the old page (the
/// reminder in site.toml and the FAQ's link) at once; a translation whose role differs from
/// the default language's page is an error, since templates find pages by role.
#[test]
fn a_rename_is_reported_in_one_run_and_roles_agree_across_languages() {
    let dir = TempDir::new().unwrap();
    sunset(dir.path(), &["init", "notice", "--languages", "en,he"]);
    let site = dir.path().join("notice");
    for lang in ["en", "he"] {
        fs::rename(
            site.join(format!("content/{lang}/link-account.md")),
            site.join(format!("content/{lang}/export.md")),
        )
        .unwrap();
    }
    let (code, _, stderr) = sunset(&site, &["build", "-q"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains(" --> site.toml:"), "{stderr}");
    assert!(stderr.contains("help: write page = \"export\""), "{stderr}");
    assert!(stderr.contains(" --> content/en/faq.md:"), "{stderr}");
    assert!(stderr.contains("build failed with 2 errors"), "{stderr}");

    edit_file(
        &site.join("site.toml"),
        "page = \"link-account\"",
        "page = \"export\"",
    );
    for lang in ["en", "he"] {
        edit_file(
            &site.join(format!("content/{lang}/faq.md")),
            "@/link-account.md",
            "@/export.md",
        );
    }
    // A translated page (a copy is published as the default language's page, role and all).
    edit_file(
        &site.join("content/he/index.md"),
        "Say here, in a few sentences, why the service is ending.",
        "כאן נסביר מדוע השירות נסגר.",
    );
    edit_file(
        &site.join("content/he/index.md"),
        "menu = true\n",
        "menu = true\nrole = \"faq\"\n",
    );
    let (code, _, stderr) = sunset(&site, &["build", "-q"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(
            "error: content/he/index.md: this page has role = \"faq\", but content/en/index.md has no role"
        ),
        "{stderr}"
    );
}
