//! Runs the real `sunset` binary on a copy of a fixture site in a temporary folder. The
//! benchmarks use it too.

#![allow(dead_code)] // each test and benchmark uses its own part of the helper

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

pub struct SiteTest {
    _dir: TempDir,
    pub root: PathBuf,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(output: Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Fails with the whole output when the exit code is not the expected one.
    pub fn expect_code(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout, self.stderr
        );
        assert!(!self.stderr.contains("panicked"), "panic:\n{}", self.stderr);
        self
    }
}

impl SiteTest {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> SiteTest {
        let source = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        SiteTest::copy_of(&source)
    }

    /// A copy of `tests/fixtures/<name>` with the default theme, the shipped site's
    /// templates/ and static/ (what `init` writes), for fixtures about what they do.
    pub fn fixture_with_default_theme(name: &str) -> SiteTest {
        let site = SiteTest::fixture(name);
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        for part in ["templates", "static"] {
            copy(&repo.join(part), &site.root.join(part));
        }
        site
    }

    /// A copy of the site shipped in the repository.
    pub fn shipped() -> SiteTest {
        let dir = TempDir::new().unwrap();
        let root = dir.path().join("site");
        copy_shipped_site(&root);
        SiteTest { _dir: dir, root }
    }

    /// A new site, as `sunset init site <args>` writes it.
    pub fn init(args: &[&str]) -> SiteTest {
        let dir = TempDir::new().unwrap();
        let output = Command::new(env!("CARGO_BIN_EXE_sunset"))
            .args(["init", "site"])
            .args(args)
            .current_dir(dir.path())
            .env_remove("SOURCE_DATE_EPOCH")
            .output()
            .unwrap();
        Run::from(output).expect_code(0);
        let root = dir.path().join("site");
        SiteTest { _dir: dir, root }
    }

    fn copy_of(source: &Path) -> SiteTest {
        let dir = TempDir::new().unwrap();
        let root = dir.path().join("site");
        copy(source, &root);
        SiteTest { _dir: dir, root }
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    pub fn write(&self, relative: &str, text: &str) -> &SiteTest {
        let path = self.path(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
        self
    }

    pub fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.path(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
    }

    /// Replaces `from` by `to` in a file, failing when `from` is not there.
    pub fn edit(&self, relative: &str, from: &str, to: &str) -> &SiteTest {
        let text = self.read(relative);
        assert!(text.contains(from), "{relative} has no {from:?}");
        self.write(relative, &text.replacen(from, to, 1))
    }

    /// Runs `sunset --root <site> <args>` without SOURCE_DATE_EPOCH from the environment.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_env(args, &[])
    }

    pub fn run_with_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_sunset"));
        command
            .arg("--root")
            .arg(&self.root)
            .args(args)
            .current_dir(&self.root)
            .env_remove("SOURCE_DATE_EPOCH");
        for (key, value) in env {
            command.env(key, value);
        }
        Run::from(command.output().unwrap())
    }

    /// Builds into `public/` at `now`, expecting success.
    pub fn build_at(&self, now: &str) -> Run {
        self.run(&["build", "--now", now]).expect_code(0)
    }

    /// A file of the last build, as text.
    pub fn output(&self, relative: &str) -> String {
        self.read(&format!("public/{relative}"))
    }

    /// What builds left beside `public/` (staging or old folders; the lock file stays by
    /// design).
    pub fn leftovers(&self) -> Vec<String> {
        fs::read_dir(&self.root)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with(".public") && name != ".public.lock")
            .collect()
    }

    /// Every file under `dir` (relative to the site), with its bytes, sorted by path.
    pub fn tree(&self, dir: &str) -> Vec<(String, Vec<u8>)> {
        let base = self.path(dir);
        let mut files = Vec::new();
        collect(&base, &base, &mut files);
        files.sort();
        files
    }
}

/// Breaks a copy of the `mini` fixture with `edit`, builds it again with `args`, and checks the
/// exit code, that stderr names `place` and says `message` (with a hint, for site errors), and
/// that the first build's output is untouched, with no staging folder left behind.
pub fn assert_refused(
    edit: impl Fn(&SiteTest),
    args: &[&str],
    code: i32,
    place: &str,
    message: &str,
) {
    const NOW: &str = "2026-01-05";
    let site = SiteTest::fixture("mini");
    site.build_at(NOW);
    let before = site.tree("public");
    edit(&site);
    let mut all = vec!["build", "--now", NOW];
    all.extend_from_slice(args);
    let run = site.run(&all).expect_code(code);
    assert!(
        run.stderr.contains(place),
        "expected {place:?} in:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(message),
        "expected {message:?} in:\n{}",
        run.stderr
    );
    if code == 1 {
        assert!(run.stderr.contains("help:"), "no hint in:\n{}", run.stderr);
    }
    assert_eq!(site.tree("public"), before, "the previous output changed");
    assert!(site.leftovers().is_empty(), "{:?}", site.leftovers());
}

/// A build of the `mini` fixture broken by `edit` fails with exit code 1 at `place`.
pub fn refused(edit: impl Fn(&SiteTest), place: &str, message: &str) {
    assert_refused(edit, &[], 1, place, message);
}

/// The errors and warnings `check --format json` (with `args`) reports on `site`, typography
/// included, as `file:line: code`; it must exit with 0.
pub fn shipped_warnings(site: &SiteTest, args: &[&str]) -> Vec<String> {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let run = site.run(&all).expect_code(0);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] != "note")
        .map(|f| format!("{}:{}: {}", f["file"], f["line"], f["code"]))
        .collect()
}

/// The findings of `check --format json` (with `args`) on `site`, whatever its exit code.
pub fn check_findings(site: &SiteTest, args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let run = site.run(&all);
    assert!(!run.stderr.contains("panicked"), "panic:\n{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}{}", run.stdout, run.stderr));
    report["findings"].as_array().unwrap().clone()
}

/// Copies the site shipped in the repository (its sources, not its output) to `to`.
pub fn copy_shipped_site(to: &Path) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::create_dir_all(to).unwrap();
    for part in ["site.toml", "content", "locales", "templates", "static"] {
        copy(&repo.join(part), &to.join(part));
    }
}

fn collect(base: &Path, dir: &Path, files: &mut Vec<(String, Vec<u8>)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(base, &path, files);
        } else {
            let name = path
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            // A folder that `watch` swaps out while it is read loses its files: the reader
            // sees fewer, and a polling test reads again.
            match fs::read(&path) {
                Ok(bytes) => files.push((name, bytes)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => panic!("{}: {e}", path.display()),
            }
        }
    }
}

fn copy(from: &Path, to: &Path) {
    if from.is_dir() {
        fs::create_dir_all(to).unwrap();
        for entry in fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            copy(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        fs::copy(from, to).unwrap();
    }
}

/// The text between `start` and the next `end` after it.
pub fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("no {start:?} in:\n{text}"))
        + start.len();
    let to = text[from..].find(end).map_or(text.len(), |i| from + i);
    &text[from..to]
}

/// The text a reader sees: without tags and `<template>` contents, entities decoded.
pub fn plain(html: &str) -> String {
    let mut html = html.to_string();
    while let Some(start) = html.find("<template") {
        let end = html[start..]
            .find("</template>")
            .map_or(html.len(), |e| start + e + "</template>".len());
        html.replace_range(start..end, "");
    }
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}
pub const CARRIED: &str = "<script type=\"application/json\" data-phase-page=";

/// What a build writes inside `<body>`, without what it carries for later phases.
pub fn visible_body(html: &str) -> &str {
    let start = html.find("<body>").unwrap() + "<body>".len();
    let end = html.rfind("</body>").unwrap();
    let body = &html[start..end];
    body.split(CARRIED).next().unwrap_or(body)
}

/// The later page carried by `html` for `phase` (a state's name; the first reading of it),
/// applied as the page's script applies it: its title, and its body.
pub fn carried_page(html: &str, phase: &str) -> Option<(String, String)> {
    // The name is followed by the reading's key.
    let json = between(html, &format!("{CARRIED}\"{phase}\""), "</script>");
    apply_carried(html, &json[json.find('>')? + 1..])
}

/// The page carried by `html` for the reading `key` (see `clock::reading_key`), applied.
pub fn carried_by_key(html: &str, key: &str) -> Option<(String, String)> {
    let at = html.find(&format!("{CARRIED}\"")).and_then(|first| {
        html[first..]
            .find(&format!(" data-key=\"{key}\""))
            .map(|at| first + at)
    })?;
    let json = between(&html[at..], ">", "</script>");
    apply_carried(html, json)
}

/// `json`, a carried page of `html`, applied to `html`'s body.
fn apply_carried(html: &str, json: &str) -> Option<(String, String)> {
    let data: serde_json::Value = serde_json::from_str(json).ok()?;
    let lines: Vec<&str> = visible_body(html).split('\n').collect();
    assert_eq!(data["lines"].as_u64(), Some(lines.len() as u64));
    let mut out: Vec<String> = Vec::new();
    let mut at = 0usize;
    for edit in data["edits"].as_array()? {
        match edit {
            serde_json::Value::String(text) => out.push(text.clone()),
            serde_json::Value::Number(n) => {
                let n = n.as_i64()?;
                if n > 0 {
                    out.extend(lines[at..at + n as usize].iter().map(|l| l.to_string()));
                    at += n as usize;
                } else {
                    at += (-n) as usize;
                }
            }
            _ => return None,
        }
    }
    Some((data["title"].as_str()?.to_string(), out.join("\n")))
}

/// The reading key the page's guard script works out (`render::later`'s GUARD), written again
/// from its `data-milestones`: a milestone of the reader's day (`2026-01-15`) by the reader's
/// own calendar day, one of instants (`start/end`) by `now`.
pub fn script_key(
    milestones: &str,
    now: chrono::DateTime<chrono::Utc>,
    reader_day: chrono::NaiveDate,
) -> String {
    let instant = |text: &str| {
        chrono::DateTime::parse_from_rfc3339(text)
            .unwrap_or_else(|e| panic!("{text}: {e}"))
            .to_utc()
    };
    let keys: Vec<String> = milestones
        .split(' ')
        .map(|milestone| match milestone.split_once('/') {
            Some((start, _)) if now < instant(start) => "U".into(),
            Some((_, end)) if now < instant(end) => "L".into(),
            Some(_) => "E".into(),
            None => {
                let day = chrono::NaiveDate::parse_from_str(milestone, "%Y-%m-%d").unwrap();
                match (day - reader_day).num_days() {
                    days @ 1.. => format!("u{days}"),
                    0 => "l".into(),
                    _ => "e".into(),
                }
            }
        })
        .collect();
    keys.join(",")
}
