//! sunset: a static-site generator for the multilingual notice that a service is ending.
//!
//! This crate is the shell around `sunset_core`'s pipeline (see ARCHITECTURE.md): [`source`]
//! reads the site, [`output`] writes it, [`cards`] draws the share cards the output does not
//! hold yet, [`watch`] and [`serve`] rebuild and preview it, and [`cli`] is the command line. The core's modules are re-exported under their own names, so
//! `sunset::build` is `sunset_core::build`.

pub use sunset_core::{
    bidi, build, cache, calendar, card, check, cldr, clock, config, content, csp, diagnostics,
    files, i18n, init, markdown, messages, phase, render, stamp, variables,
};

pub mod cards;
pub mod cli;
pub mod console;
pub mod output;
pub mod serve;
pub mod source;
pub mod watch;
