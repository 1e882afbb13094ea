//! sunset: a static-site generator for the multilingual notice that a service is ending.
//!
//! The pipeline, one module per stage (see ARCHITECTURE.md): [`source`] reads the site,
//! [`config`], [`clock`], [`content`] and [`i18n`] turn it into a model, [`render`] (with
//! [`markdown`] and [`bidi`]) turns the model into files, and [`output`] writes them.
//! [`build`] strings the stages together; [`cli`] is the command line around it.

pub mod bidi;
pub mod build;
pub mod cache;
pub mod calendar;
pub mod check;
pub mod cldr;
pub mod cli;
pub mod clock;
pub mod config;
pub mod console;
pub mod content;
pub mod diagnostics;
pub mod i18n;
pub mod init;
pub mod markdown;
pub mod messages;
pub mod output;
pub mod phase;
pub mod render;
pub mod serve;
pub mod source;
pub mod stamp;
pub mod watch;
