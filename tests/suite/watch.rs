//! `watch` and `serve`, run as real processes on a temporary copy of the fixture site.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::thread;
use std::time::{Duration, Instant};

use crate::common::SiteTest;

const NOW: &str = "2026-01-05";
const PATIENCE: Duration = Duration::from_secs(20);

/// A running `sunset` process whose stdout lines arrive on a channel; killed when dropped.
struct Running {
    child: Child,
    lines: Receiver<String>,
}

impl Running {
    fn start(site: &SiteTest, args: &[&str]) -> Running {
        Running::spawn(
            Command::new(env!("CARGO_BIN_EXE_sunset"))
                .arg("--root")
                .arg(&site.root)
                .args(args),
        )
    }

    /// Like `start`, with `temp` as the system's temporary folder.
    fn start_in_temp(site: &SiteTest, args: &[&str], temp: &std::path::Path) -> Running {
        let mut command = Command::new(env!("CARGO_BIN_EXE_sunset"));
        command
            .env("TMPDIR", temp)
            .arg("--root")
            .arg(&site.root)
            .args(args);
        Running::spawn(&mut command)
    }

    fn spawn(command: &mut Command) -> Running {
        let mut child = command
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, lines) = channel();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        Running { child, lines }
    }

    /// The next line that contains `text`.
    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) if line.contains(text) => return line,
                Ok(_) => {}
                Err(_) => break,
            }
        }
        panic!("no line with {text:?} within {PATIENCE:?}");
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits until the watched output equals what a fresh build of the same files writes.
fn assert_matches_fresh_build(site: &SiteTest, after: &str) {
    let deadline = Instant::now() + PATIENCE;
    loop {
        site.run(&["build", "--now", NOW, "--out", "fresh"])
            .expect_code(0);
        let fresh = site.tree("fresh");
        if site.tree("public") == fresh {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "after {after}: the output never matched a fresh build"
        );
        thread::sleep(Duration::from_millis(50));
    }
}

fn start_watch(site: &SiteTest) -> Running {
    let watch = Running::start(site, &["watch", "--now", NOW]);
    watch.wait_for("rebuilt in");
    watch
}

#[test]
fn watch_follows_every_kind_of_edit() {
    let site = SiteTest::fixture("mini");
    let watch = start_watch(&site);
    assert_matches_fresh_build(&site, "the first build");

    site.edit("content/en/faq.md", "Because.", "Because of new terms.");
    assert_matches_fresh_build(&site, "editing a page");

    site.write(
        "content/en/new.md",
        "+++\ntitle = \"New\"\ndescription = \"A new page\"\n+++\nHello.\n",
    );
    assert_matches_fresh_build(&site, "creating a page");
    assert!(site.output("en/new/index.html").contains("Hello."));

    fs::rename(
        site.path("content/en/new.md"),
        site.path("content/en/renamed.md"),
    )
    .unwrap();
    assert_matches_fresh_build(&site, "renaming a page");
    assert!(!site.path("public/en/new").exists());

    fs::remove_file(site.path("content/en/renamed.md")).unwrap();
    assert_matches_fresh_build(&site, "deleting a page");

    site.edit(
        "locales/fr/main.ftl",
        "*[other] Il reste",
        "*[other] Encore",
    );
    assert_matches_fresh_build(&site, "editing a locale file");
    assert!(site.output("fr/index.html").contains("Encore 10 jours"));

    site.edit("templates/page.html", "<main>", "<main class=\"edited\">");
    assert_matches_fresh_build(&site, "editing a template");

    // How vim and many editors save: write a temporary file, then rename it over the original.
    let text = site
        .read("content/tr/index.md")
        .replace("The last day", "Son gün");
    site.write("content/tr/.index.md.swp", "swap file noise");
    site.write("content/tr/index.md.tmp~", &text);
    fs::rename(
        site.path("content/tr/index.md.tmp~"),
        site.path("content/tr/index.md"),
    )
    .unwrap();
    fs::remove_file(site.path("content/tr/.index.md.swp")).unwrap();
    assert_matches_fresh_build(&site, "a write-then-rename save");
    assert!(site.output("tr/index.html").contains("Son gün"));

    // A folder renamed away and back: watched again once it returns.
    fs::rename(site.path("static"), site.path("static-aside")).unwrap();
    assert_matches_fresh_build(&site, "moving static/ away");
    assert!(!site.path("public/site.css").exists());
    fs::rename(site.path("static-aside"), site.path("static")).unwrap();
    assert_matches_fresh_build(&site, "bringing static/ back");
    site.write("static/site.css", "body { margin-inline: 2rem }");
    assert_matches_fresh_build(&site, "editing a file in the returned folder");
    assert_eq!(site.output("site.css"), "body { margin-inline: 2rem }");

    drop(watch);
}

#[test]
fn watch_survives_a_burst_of_saves() {
    let site = SiteTest::fixture("mini");
    let _watch = start_watch(&site);
    let original = site.read("content/id/index.md");
    for n in 1..=100 {
        site.write(
            "content/id/index.md",
            &original.replace("It is over.", &format!("Save {n}.")),
        );
    }
    site.write(
        "content/id/index.md",
        &original.replace("The last day", "Hari terakhir"),
    );
    assert_matches_fresh_build(&site, "100 saves");
    assert!(site.output("id/index.html").contains("Hari terakhir"));
}

#[test]
fn watch_reports_a_broken_file_keeps_the_output_and_recovers() {
    let site = SiteTest::fixture("mini");
    let watch = start_watch(&site);
    let good = site.tree("public");
    site.edit(
        "locales/ar/main.ftl",
        "site-name = نهاية الخدمة",
        "site-name = { نهاية",
    );
    watch.wait_for("rebuild failed after locales/ar/main.ftl changed");
    assert_eq!(site.tree("public"), good, "the last good output stays");

    site.edit(
        "locales/ar/main.ftl",
        "site-name = { نهاية",
        "site-name = نهاية الخدمة الجديدة",
    );
    watch.wait_for("rebuilt in");
    assert_matches_fresh_build(&site, "fixing the file");
    assert!(
        site.output("ar/index.html")
            .contains("نهاية الخدمة الجديدة")
    );
}

/// A raw HTTP/1.1 exchange: the status code, the headers (lower-cased names) and the body.
fn get(port: u16, target: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(
        stream,
        "GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let response = String::from_utf8_lossy(&response).into_owned();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head.to_lowercase(), body.to_string())
}

fn start_serve(site: &SiteTest) -> (Running, u16) {
    let out = site.path("served");
    let serve = Running::start(
        site,
        &[
            "serve",
            "--port",
            "0",
            "--now",
            NOW,
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let port = port_of(&serve);
    (serve, port)
}

/// The port a starting server listens on, once its first build is done.
fn port_of(serve: &Running) -> u16 {
    let line = serve.wait_for("serving http://127.0.0.1:");
    let port = line
        .split(':')
        .nth(2)
        .and_then(|p| {
            p.trim_end_matches(|c: char| !c.is_ascii_digit())
                .split('/')
                .next()?
                .parse()
                .ok()
        })
        .unwrap();
    serve.wait_for("rebuilt in");
    port
}

#[test]
fn a_first_build_that_fails_says_there_is_nothing_to_show() {
    let site = SiteTest::fixture("mini");
    site.edit(
        "templates/page.html",
        "{{ page.content | safe }}",
        "{{ page.content | safe }",
    );
    // Its temporary output in the site's folder: the server is killed, not stopped.
    let temp = site.path("tmp");
    fs::create_dir(&temp).unwrap();
    let serve = Running::start_in_temp(&site, &["serve", "--port", "0", "--now", NOW], &temp);
    let line = serve.wait_for("serving http://127.0.0.1:");
    let port: u16 = line
        .rsplit(':')
        .next()
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    serve.wait_for("rebuild failed");
    let (status, _, body) = get(port, "/en/");
    assert_eq!(status, 404);
    assert!(
        body.contains("The site could not be built, so there is nothing to show yet."),
        "{body}"
    );
    assert!(body.contains("templates/page.html:13:"), "{body}");
}

#[test]
fn each_serve_has_its_own_temporary_output_removed_when_it_stops() {
    let first = SiteTest::fixture("mini");
    let second = SiteTest::fixture("mini");
    second.edit(
        "content/en/index.md",
        "The last day:",
        "Second site, last day:",
    );
    let temp = first.path("tmp");
    fs::create_dir(&temp).unwrap();
    let args = ["serve", "--port", "0", "--now", NOW];
    let mut servers = [
        Running::start_in_temp(&first, &args, &temp),
        Running::start_in_temp(&second, &args, &temp),
    ];
    let ports = servers.each_ref().map(port_of);
    assert!(!get(ports[0], "/en/").2.contains("Second site, last day"));
    assert!(get(ports[1], "/en/").2.contains("Second site, last day"));
    let folders = || fs::read_dir(&temp).unwrap().count();
    assert_eq!(folders(), 2, "one folder each");

    // Ctrl-C and SIGTERM both end the server and remove its folder (and the lock in it).
    for (serve, signal) in servers.iter_mut().zip([libc::SIGINT, libc::SIGTERM]) {
        // SAFETY: kill only sends a signal to the child this test started.
        assert_eq!(unsafe { libc::kill(serve.child.id() as i32, signal) }, 0);
        let deadline = Instant::now() + PATIENCE;
        let status = loop {
            if let Some(status) = serve.child.try_wait().unwrap() {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "signal {signal} did not stop serve"
            );
            thread::sleep(Duration::from_millis(20));
        };
        assert!(status.success(), "{status}");
    }
    assert_eq!(folders(), 0, "nothing left in the temporary folder");
}

#[test]
fn serve_answers_like_a_static_host() {
    let site = SiteTest::fixture("mini");
    let (_serve, port) = start_serve(&site);

    let (status, head, body) = get(port, "/fr/faq/");
    assert_eq!(status, 200);
    assert!(
        head.contains("content-type: text/html; charset=utf-8"),
        "{head}"
    );
    assert!(body.contains("<html lang=\"fr\""), "{body}");
    assert!(
        body.contains("/__sunset/events"),
        "live reload is injected when serving"
    );
    assert!(
        !fs::read_to_string(site.path("served/fr/faq/index.html"))
            .unwrap()
            .contains("__sunset")
    );

    let (status, head, _) = get(port, "/fr/faq");
    assert_eq!(status, 301);
    assert!(head.contains("location: /fr/faq/"), "{head}");

    let (status, head, _) = get(port, "/sitemap.xml");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: application/xml"), "{head}");

    let (status, _, body) = get(port, "/no/such/page/");
    assert_eq!(status, 404);
    assert!(
        body.contains("La fin du service"),
        "the site's 404 page: {body}"
    );

    let (status, _, _) = get(port, "/static/");
    assert_eq!(status, 404, "no directory listing");

    site.write("secret.txt", "do not serve");
    for attack in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/en/%2E%2E/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/..%5csecret.txt",
    ] {
        let (status, _, body) = get(port, attack);
        assert_eq!(status, 404, "{attack}");
        assert!(!body.contains("do not serve"), "{attack}");
    }
}

#[test]
fn serve_previews_another_date_without_restarting() {
    let site = SiteTest::fixture("mini");
    let (_serve, port) = start_serve(&site);
    let (_, _, body) = get(port, "/en/");
    assert!(body.contains("data-phase=\"upcoming\""), "{body}");
    let (status, _, body) = get(port, "/en/?now=2026-01-15");
    assert_eq!(status, 200);
    assert!(body.contains("data-phase=\"last-day\""), "{body}");
    let (_, _, body) = get(port, "/ar/?now=2026-01-22");
    assert!(body.contains("data-phase=\"ended\""), "{body}");
    let (status, _, body) = get(port, "/en/?now=someday");
    assert_eq!(status, 400);
    assert!(body.contains("someday"), "{body}");
    assert!(
        body.contains("This preview could not be built, so there is nothing to show."),
        "the overlay does not speak of a last good build: {body}"
    );
}

/// The version `/__sunset/check` gives for `page`.
fn version(port: u16, page: &str) -> String {
    let (status, _, body) = get(port, &format!("/__sunset/check?page={page}"));
    assert_eq!(status, 200, "{body}");
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    json["version"].as_str().unwrap().to_string()
}

#[test]
fn only_pages_whose_output_changed_get_a_new_version() {
    let site = SiteTest::fixture("mini");
    let (_serve, port) = start_serve(&site);
    let (faq, fr, preview) = (
        version(port, "/en/faq/"),
        version(port, "/fr/"),
        version(port, "/en/faq/%3Fnow%3D2026-01-22"),
    );
    assert_eq!(version(port, "/en/faq/"), faq, "a version is stable");
    site.edit("content/en/faq.md", "Because.", "Because of new terms.");
    let deadline = Instant::now() + PATIENCE;
    while version(port, "/en/faq/") == faq {
        assert!(
            Instant::now() < deadline,
            "the edited page kept its version"
        );
        thread::sleep(Duration::from_millis(50));
    }
    assert_eq!(version(port, "/fr/"), fr, "a page the edit did not change");
    assert_ne!(version(port, "/en/faq/%3Fnow%3D2026-01-22"), preview);
}

#[test]
fn previews_leave_out_what_pages_carry_for_the_browsers_clock() {
    let site = SiteTest::fixture("mini");
    let (_serve, port) = start_serve(&site);
    let on_disk = fs::read_to_string(site.path("served/en/index.html")).unwrap();
    assert!(
        on_disk.contains("data-phase-guard"),
        "build's files keep it"
    );
    // `--now` fixes the served day, and `?now=` previews another: neither may be rewritten
    // for the day of the browser's clock.
    for target in ["/en/", "/en/?now=2026-01-12", "/no/such/page/"] {
        let (_, _, body) = get(port, target);
        assert!(!body.contains("data-phase-guard"), "{target}: {body}");
        assert!(!body.contains("data-phase-page"), "{target}: {body}");
    }
}

#[test]
fn serve_sends_a_reload_after_an_edit_and_shows_errors() {
    let site = SiteTest::fixture("mini");
    let (_serve, port) = start_serve(&site);
    let mut events = TcpStream::connect(("127.0.0.1", port)).unwrap();
    events.set_read_timeout(Some(PATIENCE)).unwrap();
    write!(
        events,
        "GET /__sunset/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    let mut reader = BufReader::new(events);
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert!(line.starts_with("HTTP/1.1 200"), "{line}");
    let next_build = |reader: &mut BufReader<TcpStream>| loop {
        let mut line = String::new();
        assert!(
            reader.read_line(&mut line).unwrap() > 0,
            "the event stream closed"
        );
        if let Some(build) = line.trim().strip_prefix("data: ") {
            return build.parse::<u64>().unwrap();
        }
    };
    // The current build number as soon as a page listens: one it missed shows at once.
    let first = next_build(&mut reader);

    site.edit(
        "templates/page.html",
        "{{ page.content | safe }}",
        "{{ page.content | safe }",
    );
    assert_eq!(next_build(&mut reader), first + 1);
    let (_, _, body) = get(port, "/en/");
    assert!(body.contains("The last rebuild failed"), "{body}");
    assert!(body.contains("templates/page.html:13:"), "{body}");

    site.edit(
        "templates/page.html",
        "{{ page.content | safe }",
        "{{ page.content | safe }}",
    );
    let deadline = Instant::now() + PATIENCE;
    while get(port, "/en/").2.contains("The last rebuild failed") {
        assert!(Instant::now() < deadline, "the overlay never went away");
        thread::sleep(Duration::from_millis(50));
    }
}

/// Pages name static files by a hash of their bytes (`asset()`): editing one must re-render
/// every page that names it, or cached pages keep linking to a file that is gone.
#[test]
fn editing_a_static_file_named_by_asset_rerenders_the_pages_that_name_it() {
    let site = SiteTest::fixture("mini");
    site.edit(
        "templates/page.html",
        "<main>",
        "<link rel=\"stylesheet\" href=\"{{ asset(path=\"site.css\") }}\"><main>",
    );
    let watch = start_watch(&site);
    assert_matches_fresh_build(&site, "the first build");
    let before = site.output("en/index.html");
    site.write("static/site.css", "body { color: rebeccapurple }\n");
    watch.wait_for("rebuilt in");
    assert_matches_fresh_build(&site, "editing a static file");
    let after = site.output("en/index.html");
    assert_ne!(before, after, "the page names the new file");
    let hashed = after
        .split("href=\"/site.")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    assert!(
        site.path(&format!("public/site.{hashed}")).exists(),
        "{hashed}"
    );
}

/// On the shipped site, with its share cards: a rebuild draws only the cards whose text
/// changed, takes the others from its last write, and leaves what a fresh build writes.
#[test]
fn watch_draws_only_the_share_cards_an_edit_changes() {
    let site = SiteTest::shipped();
    let watch = start_watch(&site);
    assert_matches_fresh_build(&site, "the first build");
    site.edit(
        "content/en/faq.md",
        "## Why is ChatGPT leaving WhatsApp?",
        "## Why is ChatGPT leaving WhatsApp now?",
    );
    let line = watch.wait_for("rebuilt in");
    assert!(
        line.contains(": 1 pages rendered, 16 reused, 0 share cards drawn,"),
        "a page's text that its card does not show: {line}"
    );
    site.edit(
        "content/en/faq.md",
        "title = \"Questions and answers\"",
        "title = \"Your questions\"",
    );
    let line = watch.wait_for("rebuilt in");
    assert!(line.contains(", 1 share cards drawn,"), "{line}");
    assert_matches_fresh_build(&site, "a title its card shows");
}
