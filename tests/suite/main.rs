//! The integration tests, one binary: each module builds small fixture sites (or the
//! shipped one) into temporary folders and asserts on what sunset writes and says. The
//! killed-build test stays a binary of its own (`tests/crash.rs`): it times builds against
//! kills, and other tests running beside it would skew the timing.

#[path = "../common/mod.rs"]
mod common;

mod build;
mod cards;
mod check;
mod cldr_names;
mod digits;
mod errors;
mod files;
mod fuzz_regressions;
mod history;
mod hostile;
mod house;
mod incremental;
mod init;
mod milestones;
mod mistakes;
mod output;
mod policy;
mod readings;
mod site;
mod untranslated;
mod watch;
