//! A build killed at any moment leaves either the complete previous site or the complete new
//! one, and the next build clears what the killed one left behind.

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
