//! Where a build may write: never over the site or over files sunset did not write, one
//! writer at a time, and no panic on any output (closed pipes, full or unwritable targets).

use std::fs::{self, File};
use std::io::{Read, Write};
use std::os::unix::fs::symlink;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::common::{Run, SiteTest};

const NOW: &str = "2026-01-05";

/// Every file of the temporary folder that holds the site (the site, its output, and the
/// folders beside it), with its bytes.
fn everything(site: &SiteTest) -> Vec<(String, Vec<u8>)> {
    site.tree("..")
}

/// A `--out` that `sunset build` (and watch and serve) must refuse with exit code 2 and
/// `message`, with and without --force, leaving every file as it was.
fn refused_output(site: &SiteTest, out: &str, message: &str) {
    let before = everything(site);
    for command in ["build", "watch", "serve"] {
        for force in [&[][..], &["--force"][..]] {
            let mut args = vec![command, "--now", NOW, "--out", out];
            args.extend_from_slice(force);
            if command == "serve" {
                args.extend_from_slice(&["--port", "0"]);
            }
            let run = site.run(&args).expect_code(2);
            assert!(
                run.stderr.contains(message),
                "{command} --out {out} {force:?}: expected {message:?} in:\n{}",
                run.stderr
            );
            assert!(run.stderr.contains("help:"), "no hint in:\n{}", run.stderr);
            assert_eq!(
                everything(site),
                before,
                "{command} --out {out} changed files"
            );
        }
    }
}

#[test]
fn the_site_and_what_it_reads_are_never_an_output() {
    let site = SiteTest::fixture("mini");
    site.build_at(NOW);
    refused_output(&site, ".", "is the site's own folder");
    refused_output(
        &site,
        site.root.to_str().unwrap(),
        "is the site's own folder",
    );
    for source in ["content", "locales", "templates", "static", "site.toml"] {
        refused_output(&site, source, &format!("is {source}, which the site reads"));
    }
    refused_output(&site, "..", "holds the site");
    refused_output(&site, "/", "holds the site");
    refused_output(
        &site,
        "content/out",
        "is inside content, which the site reads",
    );
    refused_output(&site, "templates/new/deeper", "is inside templates");
    refused_output(
        &site,
        "public/../locales",
        "is locales, which the site reads",
    );
}

#[test]
fn symlinks_do_not_hide_the_site() {
    let site = SiteTest::fixture("mini");
    site.build_at(NOW);
    let beside = site.path("../beside");
    fs::create_dir(&beside).unwrap();
    symlink(site.path("content"), beside.join("to-content")).unwrap();
    symlink(&site.root, beside.join("to-root")).unwrap();
    let to = |name: &str| beside.join(name).to_str().unwrap().to_string();
    refused_output(&site, &to("to-content"), "is content, which the site reads");
    refused_output(&site, &to("to-content/en"), "is inside content");
    refused_output(&site, &to("to-root"), "is the site's own folder");
    // A folder the site reads through a link of its own, outside the site's folder.
    let shared = site.path("../shared");
    fs::create_dir_all(shared.join("pages")).unwrap();
    fs::write(
        shared.join("pages/extra.md"),
        "+++\ntitle = \"Extra\"\ndescription = \"d\"\n+++\nShared.\n",
    )
    .unwrap();
    symlink(shared.join("pages"), site.path("content/en/shared")).unwrap();
    site.build_at(NOW);
    assert!(
        site.output("en/shared/extra/index.html")
            .contains("Shared.")
    );
    let shared = shared.to_str().unwrap();
    refused_output(&site, &format!("{shared}/pages"), "which the site reads");
    refused_output(&site, shared, "holds ");
}

/// A folder of someone else's, beside the site.
fn foreign_folder(site: &SiteTest) -> String {
    let folder = site.path("../notice");
    fs::create_dir_all(folder.join("drafts")).unwrap();
    fs::write(folder.join("letter.txt"), "Dear all,\n").unwrap();
    fs::write(folder.join("drafts/plan.md"), "# Plan\n").unwrap();
    folder.to_str().unwrap().to_string()
}

#[test]
fn a_folder_sunset_did_not_write_is_kept_byte_for_byte_without_force() {
    let site = SiteTest::fixture("mini");
    let folder = foreign_folder(&site);
    let before = everything(&site);
    for command in ["build", "watch", "serve"] {
        let mut args = vec![command, "--now", NOW, "--out", &folder];
        if command == "serve" {
            args.extend_from_slice(&["--port", "0"]);
        }
        let run = site.run(&args).expect_code(2);
        assert!(
            run.stderr.contains("holds files sunset did not write"),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("--force"), "{}", run.stderr);
        assert_eq!(everything(&site), before, "{command} changed files");
    }
    assert!(
        !site.path("../.notice.lock").exists(),
        "a lock beside a refused folder"
    );
}

#[test]
fn force_replaces_a_foreign_folder_which_is_then_sunsets() {
    let site = SiteTest::fixture("mini");
    let folder = foreign_folder(&site);
    site.run(&["build", "--now", NOW, "--out", &folder, "--force"])
        .expect_code(0);
    let out = Path::new(&folder);
    assert!(!out.join("letter.txt").exists());
    assert!(out.join("en/index.html").is_file());
    assert!(
        fs::read_to_string(out.join(".sunset-output"))
            .unwrap()
            .contains("sunset")
    );
    site.run(&["build", "--now", "2026-02-01", "--out", &folder])
        .expect_code(0);
    assert!(
        fs::read_to_string(out.join("notice.json"))
            .unwrap()
            .contains("\"phase\": \"ended\"")
    );
}

#[test]
fn a_foreign_leftover_beside_the_output_is_kept() {
    let site = SiteTest::fixture("mini");
    site.build_at(NOW);
    site.write(".public.staging/mine.txt", "not sunset's");
    let before = everything(&site);
    let run = site.run(&["build", "--now", NOW]).expect_code(2);
    assert!(run.stderr.contains(".public.staging"), "{}", run.stderr);
    assert_eq!(everything(&site), before);
}

#[test]
fn public_is_rebuilt_again_and_again_also_from_an_older_sunset() {
    let site = SiteTest::fixture("mini");
    for now in [NOW, "2026-01-15", "2026-02-01", NOW] {
        site.build_at(now);
    }
    let fresh = site.tree("public");
    // An older sunset wrote no marker; its notice.json and sitemap.xml say whose it is.
    fs::remove_file(site.path("public/.sunset-output")).unwrap();
    site.build_at("2026-02-01");
    assert!(site.path("public/.sunset-output").is_file());
    site.build_at(NOW);
    assert_eq!(site.tree("public"), fresh);
    // An empty folder is free to use.
    fs::create_dir(site.path("empty")).unwrap();
    site.run(&["build", "--now", NOW, "--out", "empty"])
        .expect_code(0);
    assert_eq!(site.tree("empty"), fresh);
}

/// Starts `sunset <args>` on `site` with stdout and stderr captured.
fn spawn(site: &SiteTest, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_sunset"))
        .arg("--root")
        .arg(&site.root)
        .args(args)
        .current_dir(&site.root)
        .env_remove("SOURCE_DATE_EPOCH")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn wait_until(what: &str, done: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !done() {
        assert!(Instant::now() < deadline, "{what} never happened");
        thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_build_while_watch_writes_the_folder_is_refused_by_name() {
    let site = SiteTest::fixture("mini");
    let mut watch = spawn(&site, &["watch", "--now", NOW]);
    wait_until("the first build of watch", || {
        site.path("public/.sunset-output").exists()
    });
    let watched = site.tree("public");
    let run = site.run(&["build", "--now", "2026-02-01"]).expect_code(2);
    assert!(
        run.stderr.contains(&format!(
            "another sunset (watch, process {}) is writing to public",
            watch.id()
        )),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("stop it"), "{}", run.stderr);
    assert_eq!(site.tree("public"), watched);
    let run = site.run(&["serve", "--port", "0", "--now", NOW, "--out", "public"]);
    let run = run.expect_code(2);
    assert!(run.stderr.contains("(watch, process"), "{}", run.stderr);
    watch.kill().unwrap();
    watch.wait().unwrap();
    site.build_at("2026-02-01");
}

#[test]
fn a_build_waits_for_another_build_of_the_same_folder() {
    let site = SiteTest::fixture("mini");
    site.build_at(NOW);
    // Hold the lock as another build would.
    let mut lock = File::options()
        .read(true)
        .write(true)
        .open(site.path(".public.lock"))
        .unwrap();
    lock.lock().unwrap();
    lock.set_len(0).unwrap();
    writeln!(lock, "build 1").unwrap();
    let mut waiting = spawn(&site, &["build", "--now", "2026-02-01"]);
    thread::sleep(Duration::from_millis(500));
    assert!(waiting.try_wait().unwrap().is_none(), "it did not wait");
    assert!(site.output("notice.json").contains("upcoming"));
    drop(lock);
    let status = waiting.wait().unwrap();
    assert!(status.success());
    assert!(site.output("notice.json").contains("ended"));
}

#[test]
fn two_builds_at_once_leave_one_whole_site() {
    let site = SiteTest::fixture("mini");
    for n in 0..300 {
        site.write(
            &format!("content/en/page-{n}.md"),
            &format!(
                "+++\ntitle = \"Page {n}\"\ndescription = \"d\"\n+++\n## Part {n}\n\n{}\n",
                "Text. ".repeat(200)
            ),
        );
    }
    let dates = [NOW, "2026-02-01"];
    let snapshots: Vec<_> = dates
        .iter()
        .map(|now| {
            site.build_at(now);
            site.tree("public")
        })
        .collect();
    for _ in 0..3 {
        // Each read in a thread of its own: a build that waits on a full stderr pipe while
        // holding the lock would keep the other waiting.
        let builds: Vec<_> = dates
            .iter()
            .map(|now| {
                let build = spawn(&site, &["build", "--now", now]);
                thread::spawn(move || build.wait_with_output().unwrap())
            })
            .collect();
        for build in builds {
            let output = build.join().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(output.status.success(), "{stderr}");
        }
        let tree = site.tree("public");
        assert!(tree == snapshots[0] || tree == snapshots[1], "a mixed site");
        assert!(site.leftovers().is_empty(), "{:?}", site.leftovers());
    }
}

enum Closed {
    Stdout,
    Stderr,
}

/// Runs `sunset <args>` with its stdout or its stderr a pipe closed before it writes; returns
/// the exit code, the signal that ended it, and what it wrote to the other stream.
fn with_closed(
    site: &SiteTest,
    args: &[&str],
    closed: Closed,
) -> (Option<i32>, Option<i32>, String) {
    let mut child = spawn(site, args);
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut kept: Box<dyn Read> = match closed {
        Closed::Stdout => {
            drop(stdout);
            Box::new(stderr)
        }
        Closed::Stderr => {
            drop(stderr);
            Box::new(stdout)
        }
    };
    let mut text = String::new();
    kept.read_to_string(&mut text).unwrap();
    let status = child.wait().unwrap();
    (status.code(), status.signal(), text)
}

#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let site = SiteTest::fixture("mini");
    site.build_at(NOW);
    let init = site.path("../new-site");
    let commands: [&[&str]; 6] = [
        &["check", "--format", "json"],
        &["check", "--format", "human"],
        &["build", "--now", NOW],
        &["stamp", "fr"],
        &["init", init.to_str().unwrap()],
        &["--help"],
    ];
    for args in commands {
        let (code, signal, stderr) = with_closed(&site, args, Closed::Stdout);
        assert!(!stderr.contains("panicked"), "{args:?}:\n{stderr}");
        assert_ne!(code, Some(101), "{args:?}:\n{stderr}");
        assert!(
            signal == Some(libc::SIGPIPE) || code == Some(0),
            "{args:?}: {code:?} {signal:?}\n{stderr}"
        );
    }
    // A build's diagnostics go to stderr, check's report (errors here) to stdout.
    site.edit(
        "content/en/faq.md",
        "title = \"FAQ en\"",
        "title = \"FAQ en",
    );
    for (args, closed) in [
        (&["build", "--now", NOW][..], Closed::Stderr),
        (&["check"][..], Closed::Stdout),
    ] {
        let (code, signal, _) = with_closed(&site, args, closed);
        assert_eq!((code, signal), (None, Some(libc::SIGPIPE)), "{args:?}");
    }
}

#[test]
fn a_closed_pipe_does_not_stop_the_server() {
    let site = SiteTest::fixture("mini");
    let mut serve = spawn(
        &site,
        &["serve", "--port", "0", "--now", NOW, "--out", "served"],
    );
    drop(serve.stdout.take());
    wait_until("the first build of serve", || {
        site.path("served/.sunset-output").exists()
    });
    thread::sleep(Duration::from_millis(300));
    assert!(serve.try_wait().unwrap().is_none(), "serve ended");
    serve.kill().unwrap();
    let output = serve.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_full_stdout_is_an_error_not_a_panic() {
    let site = SiteTest::fixture("mini");
    for args in [
        &["check", "--format", "json"][..],
        &["build", "--now", NOW][..],
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_sunset"))
            .arg("--root")
            .arg(&site.root)
            .args(args)
            .stdout(File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        let run = Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::new(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        };
        let run = run.expect_code(1);
        assert!(
            run.stderr
                .contains("cannot write to standard output: No space left on device"),
            "{}",
            run.stderr
        );
    }
    assert!(
        site.output("index.html").contains("<html"),
        "the build itself was written"
    );
}

#[test]
fn an_unwritable_output_is_an_error_that_names_it() {
    // Root may write anywhere it has permissions for; these refuse root too.
    let site = SiteTest::fixture("mini");
    site.write("notes.txt", "a file where a folder is expected\n");
    for (out, place) in [
        ("notes.txt/public", "notes.txt"),
        ("/proc/sunset/public", "/proc/sunset"),
        ("/sys/sunset-out", "/sys/.sunset-out.lock"),
    ] {
        let run = site
            .run(&["build", "--now", NOW, "--out", out])
            .expect_code(1);
        assert!(run.stderr.contains(place), "{out}: {}", run.stderr);
        assert!(run.stderr.contains("help:"), "{}", run.stderr);
    }
    // An existing folder that only root could write is not sunset's; forced, the disk says no.
    let run = site
        .run(&["build", "--now", NOW, "--out", "/proc/self", "--force"])
        .expect_code(1);
    assert!(run.stderr.contains("/proc/"), "{}", run.stderr);
}

#[test]
fn a_folder_that_is_not_a_site_gets_nothing_written() {
    let site = SiteTest::fixture("mini");
    fs::remove_file(site.path("site.toml")).unwrap();
    let before = everything(&site);
    for command in ["build", "watch", "serve"] {
        let run = site.run(&[command, "--now", NOW]).expect_code(1);
        assert!(run.stderr.contains("no site.toml in"), "{}", run.stderr);
        assert_eq!(everything(&site), before, "{command} wrote something");
    }
}
