//! Replays every input under fuzz/regressions/ through the fuzz targets' harness, so that what
//! a fuzzer once found stays fixed. (The fuzzers themselves run with `cargo +nightly fuzz`.)

#[path = "../../fuzz/harness.rs"]
mod harness;

use std::fs;
use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut count = 0;
    for entry in fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        run(&fs::read(&path).unwrap());
        count += 1;
    }
    assert!(count > 0, "no inputs in {}", folder.display());
}

#[test]
fn pages() {
    replay("page", harness::page);
}

#[test]
fn translations() {
    replay("translation", harness::translation);
}

#[test]
fn site_configs() {
    replay("config", harness::site_config);
}
