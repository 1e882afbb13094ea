//! A build killed at any moment leaves either the complete previous site or the complete new
//! one, the site is there at every moment someone reads it, and the next build clears what the
//! killed one left behind.

mod common;

use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use common::SiteTest;

const KILLS: usize = 200;

/// A small deterministic generator, so that a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % bound.max(1)
    }
}

#[test]
fn a_killed_build_never_leaves_a_mixed_site() {
    let site = SiteTest::fixture("mini");
    // Enough pages that writing takes a while, so that kills land in the middle of it.
    for n in 0..300 {
        site.write(
            &format!("content/en/page-{n}.md"),
            &format!(
                "+++\ntitle = \"Page {n}\"\ndescription = \"d\"\n+++\n## Part {n}\n\n{}\n",
                "Text. ".repeat(200)
            ),
        );
    }
    let dates = ["2026-01-05", "2026-02-01"];
    let mut snapshots = Vec::new();
    let mut longest = Duration::ZERO;
    for now in dates {
        let started = Instant::now();
        site.build_at(now);
        longest = longest.max(started.elapsed());
        snapshots.push(site.tree("public"));
    }
    assert_ne!(snapshots[0], snapshots[1]);

    // All along, someone reads the site: it must always be there (an exchange, not a move
    // aside and back, which leaves a moment without it).
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let reader = {
        let (stop, public) = (stop.clone(), site.path("public"));
        thread::spawn(move || {
            let (mut looks, mut missing) = (0u64, 0u64);
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                looks += 1;
                if !public.join("index.html").exists() {
                    missing += 1;
                }
                // A reader, not a spinner: the builds need the cores.
                thread::sleep(Duration::from_micros(100));
            }
            (looks, missing)
        })
    };
    let mut random = Lcg(20_260_115);
    let (mut interrupted, mut while_writing) = (0, 0);
    for kill in 0..KILLS {
        let now = dates[kill % 2];
        let mut child = Command::new(env!("CARGO_BIN_EXE_sunset"))
            .args(["--root", site.root.to_str().unwrap(), "build", "--now", now])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let delay = random.below(longest.as_micros() as u64 * 6 / 5);
        thread::sleep(Duration::from_micros(delay));
        if child.try_wait().unwrap().is_none() {
            interrupted += 1;
        }
        child.kill().unwrap_or(()); // SIGKILL; a build that already finished is simply reaped
        child.wait().unwrap();
        if site.path(".public.staging").exists() {
            while_writing += 1;
        }
        let tree = site.tree("public");
        assert!(
            tree == snapshots[0] || tree == snapshots[1],
            "after kill {kill} ({delay} µs): the output is neither the old site nor the new one"
        );
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let (looks, missing) = reader.join().unwrap();
    assert!(looks > 1000, "the site was read only {looks} times");
    assert_eq!(missing, 0, "{missing} of {looks} reads found no site");
    assert!(
        interrupted >= KILLS / 2,
        "only {interrupted} of {KILLS} kills interrupted a build"
    );
    assert!(
        while_writing >= 10,
        "only {while_writing} kills landed while the new site was being written"
    );
    println!(
        "{interrupted} of {KILLS} kills interrupted a build, {while_writing} while it was writing"
    );

    site.build_at(dates[0]);
    assert_eq!(site.tree("public"), snapshots[0]);
    assert!(
        site.leftovers().is_empty(),
        "left behind: {:?}",
        site.leftovers()
    );
}
