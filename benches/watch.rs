//! Watch latency on the shipped site: from saving one page to its updated output.
//!
//! `cargo bench --bench watch` runs the release binary's `watch` on a copy of the site, saves
//! content/en/faq.md 50 times, and reports the median and 90th percentile of
//! - save → output: until public/en/faq/index.html holds the new text (what an editor waits for,
//!   including the file watcher and its 25 ms debounce), and
//! - rebuild: re-reading, rendering and writing, as `watch` itself measures it.

#[path = "../tests/common/mod.rs"]
mod common;

use std::fs;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc::channel;
use std::thread;
use std::time::{Duration, Instant};

const SAVES: usize = 50;

fn percentile(values: &mut [f64], p: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    values[((values.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path();
    common::copy_shipped_site(site);
    let mut child = Command::new(env!("CARGO_BIN_EXE_sunset"))
        .args([
            "--root",
            site.to_str().unwrap(),
            "watch",
            "--now",
            "2026-01-05",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (lines, received) = channel();
    thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    let rebuild_ms = |line: &str| -> Option<f64> {
        line.strip_prefix("rebuilt in ")?
            .split(" ms")
            .next()?
            .parse()
            .ok()
    };
    let first = received.recv_timeout(Duration::from_secs(30)).unwrap();
    println!("first build: {first}");

    let page = site.join("content/en/faq.md");
    let output = site.join("public/en/faq/index.html");
    let original = fs::read_to_string(&page).unwrap();
    let (mut latencies, mut rebuilds) = (Vec::new(), Vec::new());
    for n in 0..SAVES {
        let marker = format!("Saved edit number {n}.");
        // Settle between saves, so each one is measured alone.
        thread::sleep(Duration::from_millis(60));
        while received.try_recv().is_ok() {}
        let saved = Instant::now();
        fs::write(&page, format!("{original}\n{marker}\n")).unwrap();
        loop {
            if fs::read_to_string(&output).is_ok_and(|html| html.contains(&marker)) {
                break;
            }
            assert!(
                saved.elapsed() < Duration::from_secs(10),
                "the edit never reached the output"
            );
            thread::sleep(Duration::from_micros(200));
        }
        latencies.push(saved.elapsed().as_secs_f64() * 1000.0);
        let line = received.recv_timeout(Duration::from_secs(10)).unwrap();
        rebuilds.push(rebuild_ms(&line).unwrap_or(f64::NAN));
    }
    let _ = child.kill();
    let _ = child.wait();
    println!("watch latency, one edited page of the shipped site, {SAVES} saves:");
    println!(
        "  save -> output:  median {:6.1} ms   p90 {:6.1} ms   (target < 50 ms)",
        percentile(&mut latencies, 0.5),
        percentile(&mut latencies, 0.9)
    );
    println!(
        "  rebuild:         median {:6.1} ms   p90 {:6.1} ms   (target < 10 ms)",
        percentile(&mut rebuilds, 0.5),
        percentile(&mut rebuilds, 0.9)
    );
}
