//! The promises ARCHITECTURE.md makes about the code's own structure, checked: the core crate
//! depends on nothing that touches files, the clock, the network or the command line, reads
//! neither the clock nor the environment, and its modules form no import cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn core() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/sunset-core")
}

/// Every `.rs` file below `dir`, with its path relative to it.
fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = fs::read_to_string(&path).unwrap();
                files.push((path.strip_prefix(dir).unwrap().to_path_buf(), text));
            }
        }
    }
    files.sort();
    files
}

/// A file's code without its unit tests, which may do what the code may not (a module of
/// tests of its own, `tests.rs`, is all tests).
fn without_tests<'t>(path: &Path, text: &'t str) -> &'t str {
    match path.file_name().is_some_and(|name| name == "tests.rs") {
        true => "",
        false => text.split("#[cfg(test)]").next().unwrap_or(text),
    }
}

#[test]
fn the_core_depends_on_nothing_that_does_input_or_output() {
    let manifest = fs::read_to_string(core().join("Cargo.toml")).unwrap();
    let dependencies = manifest
        .split("[dependencies]")
        .nth(1)
        .unwrap()
        .split("\n[")
        .next()
        .unwrap();
    let names: Vec<&str> = dependencies
        .lines()
        .filter_map(|line| line.split(['=', '.']).next())
        .map(str::trim)
        .filter(|name| !name.is_empty() && !name.starts_with('#'))
        .collect();
    assert!(names.contains(&"tera"), "{names:?}");
    for forbidden in [
        "clap",
        "notify",
        "notify-debouncer-full",
        "tiny_http",
        "libc",
        "tempfile",
        "walkdir",
    ] {
        assert!(
            !names.contains(&forbidden),
            "sunset-core depends on {forbidden}"
        );
    }
    for (path, text) in sources(&core().join("src")) {
        let code = without_tests(&path, &text);
        // `use std::{fs, env}` names them without `std::fs`.
        for group in code.split("std::{").skip(1) {
            let names = group.split('}').next().unwrap_or_default();
            for name in names
                .split(',')
                .map(|n| n.split("::").next().unwrap_or_default().trim())
            {
                assert!(
                    !["fs", "env", "net", "process"].contains(&name),
                    "{} uses std::{name}: the shell does that and hands the core data",
                    path.display()
                );
            }
        }
        for call in [
            "std::fs",
            "std::env",
            "std::net",
            "std::process",
            "SystemTime::now",
            "Instant::now",
            "Utc::now",
            "Local::now",
        ] {
            assert!(
                !code.contains(call),
                "{} uses {call}: the shell does that and hands the core data",
                path.display()
            );
        }
    }
}

#[test]
fn the_core_s_modules_form_no_import_cycle() {
    let src = core().join("src");
    // Which top-level module each file belongs to, and the top-level modules it uses.
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in sources(&src) {
        let module = path
            .iter()
            .next()
            .unwrap()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string();
        if module == "lib" {
            continue;
        }
        let used = uses.entry(module.clone()).or_default();
        let code = without_tests(&path, &text);
        for found in code.split("crate::").skip(1) {
            let name: String = found
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && name != module {
                used.insert(name);
            }
        }
    }
    assert!(uses["render"].contains("config"), "{uses:?}");
    // A cycle is a path from a module back to itself.
    for start in uses.keys() {
        let mut stack = vec![vec![start.clone()]];
        let mut seen = BTreeSet::new();
        while let Some(path) = stack.pop() {
            let last = path.last().unwrap();
            for next in uses.get(last).into_iter().flatten() {
                assert!(
                    next != start,
                    "import cycle: {} -> {start}",
                    path.join(" -> ")
                );
                if seen.insert(next.clone()) {
                    let mut longer = path.clone();
                    longer.push(next.clone());
                    stack.push(longer);
                }
            }
        }
    }
}
