//! `watch`: rebuild on every saved change, touching only what the change affects.
//!
//! The inputs are watched with notify, debounced briefly so that an editor's save (write to a
//! temporary file and rename, swap files, several events per save) arrives as one batch. Each
//! batch is classified by [`classify`] into the parts of the site it touches; only those parts
//! are read again, the render cache re-renders only pages whose inputs changed, and only files
//! whose bytes changed are written. A failed rebuild leaves the last good output in place and
//! the next good save recovers. This module knows nothing of HTTP or live reload: `serve`
//! passes a callback that runs after every rebuild.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use notify::event::ModifyKind;
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use crate::build::{self, BuildRequest, Built};
use crate::cache::RenderCache;
use crate::cards;
use crate::clock::NowInput;
use crate::diagnostics::Diagnostic;
use crate::files::{OutputFile, Sources};
use crate::output::Output;
use crate::source::{self, SitePart, is_ignored};

/// Long enough to gather the events of one save, short enough to feel instant.
const DEBOUNCE: Duration = Duration::from_millis(25);

/// Which part of the site a changed path belongs to; `None` for paths that do not affect the
/// site (the output folder, editor temporary files, anything else in the root).
pub fn classify(root: &Path, out: &Path, path: &Path) -> Option<SitePart> {
    if path.starts_with(out) {
        return None;
    }
    let relative = path.strip_prefix(root).ok()?;
    let names: Vec<&str> = relative
        .components()
        .map(|c| match c {
            Component::Normal(name) => name.to_str().unwrap_or(""),
            _ => "",
        })
        .collect();
    if names.iter().any(|name| name.is_empty() || is_ignored(name)) {
        return None;
    }
    SitePart::ALL
        .into_iter()
        .find(|part| names.first() == Some(&part.location()))
}

/// "Now" for each rebuild: fixed by `--now`, or the clock, read by `main` and passed in.
pub enum NowSource {
    Fixed(NowInput),
    Clock(fn() -> DateTime<Utc>),
}

impl NowSource {
    fn input(&self) -> NowInput {
        match self {
            NowSource::Fixed(input) => *input,
            NowSource::Clock(clock) => NowInput::Instant(clock()),
        }
    }
}

/// What one rebuild did.
pub enum Outcome {
    Built {
        /// The paths whose change caused it (empty for the first build).
        changed: Vec<PathBuf>,
        rendered: usize,
        reused: usize,
        /// Share cards drawn (the others were kept: their text, fonts and design did not change).
        cards_drawn: usize,
        written: usize,
        elapsed: Duration,
        warnings: Vec<Diagnostic>,
    },
    Failed {
        changed: Vec<PathBuf>,
        diagnostics: Vec<Diagnostic>,
    },
}

/// The state kept between rebuilds: the site as last read, the render cache, and the files
/// the output folder holds.
pub struct Session {
    pub root: PathBuf,
    /// Claimed for the session's whole life: each rebuild writes only what changed since the
    /// last, which holds only while no one else writes the folder.
    output: Output,
    pub base_url: Option<String>,
    pub now: NowSource,
    sources: Sources,
    cache: RenderCache,
    written: Vec<OutputFile>,
    last: Option<Built>,
}

impl Session {
    pub fn new(root: PathBuf, output: Output, base_url: Option<String>, now: NowSource) -> Session {
        Session {
            root,
            output,
            base_url,
            now,
            sources: Sources::default(),
            cache: RenderCache::default(),
            written: Vec::new(),
            last: None,
        }
    }

    /// The output folder, resolved.
    pub fn out(&self) -> &Path {
        self.output.path()
    }

    /// The sources as last read, for previews at another date.
    pub fn sources(&self) -> &Sources {
        &self.sources
    }

    /// Each milestone's name and last day, as of the last good build (for a notice of one
    /// date, one named `end`).
    pub fn milestones(&self) -> Vec<(String, chrono::NaiveDate)> {
        self.last.as_ref().map_or_else(Vec::new, |built| {
            let notice = &built.config.notice;
            notice
                .milestones
                .iter()
                .map(|m| (m.name.clone(), m.date))
                .collect()
        })
    }

    /// The instant at which the last good build's wording changes next.
    pub fn next_change(&self) -> Option<DateTime<Utc>> {
        let next = self.last.as_ref()?.status.next_change?;
        Some(next.with_timezone(&Utc))
    }

    /// Reads `parts` again, rebuilds and writes what changed.
    pub fn rebuild(&mut self, parts: &BTreeSet<SitePart>, changed: Vec<PathBuf>) -> Outcome {
        let started = Instant::now();
        let mut diagnostics = Vec::new();
        for part in parts {
            if let Err(mut problems) = source::reread(&self.root, *part, &mut self.sources) {
                diagnostics.append(&mut problems);
            }
        }
        if !diagnostics.is_empty() {
            return Outcome::Failed {
                changed,
                diagnostics,
            };
        }
        let request = BuildRequest {
            now: self.now.input(),
            base_url: self.base_url.clone(),
        };
        let mut built = match build::build_reusing(&self.sources, &request, &mut self.cache) {
            Ok(built) => built,
            Err(diagnostics) => {
                return Outcome::Failed {
                    changed,
                    diagnostics,
                };
            }
        };
        let cards = match cards::for_rebuild(&self.output, &self.written, &built.cards) {
            Ok(cards) => cards,
            Err(diagnostics) => {
                return Outcome::Failed {
                    changed,
                    diagnostics,
                };
            }
        };
        // The files are kept as `written`; the rest of the build as `last`.
        let mut files = std::mem::take(&mut built.files);
        files.extend(cards.files);
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let written = if self.last.is_none() {
            self.output.write_site(&files, &[]).map(|()| files.len())
        } else {
            self.output.write_changes(&self.written, &files)
        };
        let written = match written {
            Ok(count) => count,
            Err(error) => {
                return Outcome::Failed {
                    changed,
                    diagnostics: vec![error],
                };
            }
        };
        self.written = files;
        let outcome = Outcome::Built {
            changed,
            rendered: self.cache.rendered,
            reused: self.cache.reused,
            cards_drawn: cards.drawn,
            written,
            elapsed: started.elapsed(),
            warnings: built.warnings.clone(),
        };
        self.last = Some(built);
        outcome
    }
}

/// Builds the site, then rebuilds after every change (and when the wording's day changes, if
/// "now" is the clock) until the watcher fails. `after_rebuild` sees every outcome.
pub fn run(
    mut session: Session,
    mut after_rebuild: impl FnMut(&Session, &Outcome),
) -> Result<(), Diagnostic> {
    let (sender, events) = channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(DEBOUNCE, None, sender)
        .map_err(|e| Diagnostic::error(format!("cannot watch files: {e}")))?;
    let mut watched = BTreeSet::new();
    let root = session.root.clone();
    // Folders are watched recursively once they exist, and again after being replaced.
    let watch_folders = |debouncer: &mut notify_debouncer_full::Debouncer<_, _>,
                         watched: &mut BTreeSet<PathBuf>| {
        for part in SitePart::ALL.into_iter().filter(|p| *p != SitePart::Config) {
            let folder = root.join(part.location());
            if folder.is_dir()
                && !watched.contains(&folder)
                && debouncer.watch(&folder, RecursiveMode::Recursive).is_ok()
            {
                watched.insert(folder);
            }
        }
        watched.retain(|folder| folder.is_dir());
    };
    // The root itself, not recursively: site.toml, and folders created or renamed later.
    debouncer
        .watch(&session.root, RecursiveMode::NonRecursive)
        .map_err(|e| Diagnostic::error(format!("cannot watch {}: {e}", session.root.display())))?;
    watch_folders(&mut debouncer, &mut watched);

    let all: BTreeSet<SitePart> = SitePart::ALL.into_iter().collect();
    let outcome = session.rebuild(&all, Vec::new());
    after_rebuild(&session, &outcome);
    loop {
        let wait = match (&session.now, session.next_change()) {
            (NowSource::Clock(clock), Some(next)) => (next - clock()).to_std().unwrap_or_default(),
            _ => Duration::from_secs(24 * 60 * 60),
        };
        let (parts, changed) = match events.recv_timeout(wait) {
            Ok(batch) => {
                let mut batches = vec![batch];
                // Saves that arrived during the last build are one more batch, not several.
                batches.extend(events.try_iter());
                let (parts, changed) = changes(&session.root, session.out(), batches);
                if parts.is_empty() {
                    continue;
                }
                (parts, changed)
            }
            // The wording's day has changed: the same sources, rendered for the new "now".
            Err(RecvTimeoutError::Timeout) => (BTreeSet::new(), Vec::new()),
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        };
        watch_folders(&mut debouncer, &mut watched);
        let outcome = session.rebuild(&parts, changed);
        after_rebuild(&session, &outcome);
    }
}

/// Whether an event can change what a file holds. Reading the sources makes the watcher see
/// opens and accesses (and access-time updates); counting those would rebuild forever.
fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) | EventKind::Any | EventKind::Other => true,
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        EventKind::Modify(_) => true,
        EventKind::Access(_) => false,
    }
}

/// The parts and paths a group of debounced batches touches.
fn changes(
    root: &Path,
    out: &Path,
    batches: Vec<DebounceEventResult>,
) -> (BTreeSet<SitePart>, Vec<PathBuf>) {
    let mut parts = BTreeSet::new();
    let mut paths = BTreeSet::new();
    for batch in batches {
        match batch {
            Ok(events) => {
                let edits = events.iter().filter(|e| changes_content(&e.kind));
                for path in edits.flat_map(|e| e.paths.iter()) {
                    if let Some(part) = classify(root, out, path) {
                        parts.insert(part);
                        paths.insert(path.strip_prefix(root).unwrap_or(path).to_path_buf());
                    }
                }
            }
            // The watcher lost track (an overflowing event queue): read everything again.
            Err(_) => parts.extend(SitePart::ALL),
        }
    }
    (parts, paths.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_changes_by_the_part_they_touch() {
        let root = Path::new("/site");
        let out = Path::new("/site/public");
        let part = |p: &str| classify(root, out, Path::new(p));
        assert_eq!(part("/site/site.toml"), Some(SitePart::Config));
        assert_eq!(part("/site/content/fr/faq.md"), Some(SitePart::Content));
        assert_eq!(part("/site/content/fr"), Some(SitePart::Content));
        assert_eq!(part("/site/locales/ar/main.ftl"), Some(SitePart::Locales));
        assert_eq!(
            part("/site/templates/partials/status.html"),
            Some(SitePart::Templates)
        );
        assert_eq!(part("/site/static/favicon.svg"), Some(SitePart::Static));
    }

    #[test]
    fn only_edits_count_as_changes() {
        use notify::event::{AccessKind, CreateKind, DataChange, MetadataKind, RenameMode};
        assert!(changes_content(&EventKind::Create(CreateKind::File)));
        assert!(changes_content(&EventKind::Modify(ModifyKind::Data(
            DataChange::Content
        ))));
        assert!(changes_content(&EventKind::Modify(ModifyKind::Name(
            RenameMode::Both
        ))));
        assert!(!changes_content(&EventKind::Access(AccessKind::Read)));
        assert!(!changes_content(&EventKind::Modify(ModifyKind::Metadata(
            MetadataKind::AccessTime
        ))));
    }

    #[test]
    fn ignores_output_editor_files_and_strangers() {
        let root = Path::new("/site");
        let out = Path::new("/site/public");
        for path in [
            "/site/public/en/index.html",
            "/site/content/en/.faq.md.swp",
            "/site/content/en/faq.md~",
            "/site/content/en/#faq.md#",
            "/site/content/en/4913",
            "/site/templates/.base.html.kate-swp",
            "/site/.git/index",
            "/site/README.md",
            "/site/target/debug/sunset",
            "/elsewhere/content/en/faq.md",
        ] {
            assert_eq!(classify(root, out, Path::new(path)), None, "{path}");
        }
    }
}
