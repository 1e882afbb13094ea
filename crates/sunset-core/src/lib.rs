//! sunset's core: the pipeline from a site's files, as data, and an instant to the files of the
//! built site, as data. No module here reads or writes a file, reads the clock or the
//! environment, or parses arguments (see ARCHITECTURE.md); the `sunset` crate does.
//!
//! [`config`], [`clock`], [`history`], [`content`] and [`i18n`] turn [`files::Sources`] into a
//! model, [`render`] (with [`markdown`] and [`bidi`]) turns the model into
//! [`files::OutputFile`]s, and [`check`] finds what is missing, stale or broken. [`build`]
//! strings the stages together.

pub mod bidi;
pub mod build;
pub mod cache;
pub mod calendar;
pub mod card;
pub mod check;
pub mod cldr;
pub mod clock;
pub mod config;
pub mod content;
pub mod csp;
pub mod diagnostics;
pub mod files;
pub mod history;
pub mod i18n;
pub mod init;
pub mod markdown;
pub mod messages;
pub mod phase;
pub mod render;
pub mod stamp;
pub mod variables;
