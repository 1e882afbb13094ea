//! Lines for people on stdout and stderr, written without panicking.
//!
//! `println!` panics when its stream is closed or full (`sunset check | head -1`,
//! `sunset build > /dev/full`). `main` lets a closed stream end the program by SIGPIPE, as it
//! ends other Unix tools, except in `serve`; what is left (a full disk, serve's closed stream)
//! comes back from here as an error for the caller to weigh.

use std::io::{self, Write};

/// Writes `text` to stdout as it is, flushed, so that a failure shows here.
pub fn print(text: &str) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    stdout.flush()
}

/// Writes `text` to stderr as it is. A failure is ignored: there is nowhere left to report it.
pub fn eprint(text: &str) {
    let _ = io::stderr().lock().write_all(text.as_bytes());
}
