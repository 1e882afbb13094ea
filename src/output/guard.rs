//! Which folder a build may replace, and whose files a folder holds.
//!
//! A build replaces its output folder whole. An output that is the site's folder, something the
//! site reads, a folder inside those or a folder above them would delete the site, so it is
//! refused whatever the flags. Paths are compared resolved (symlinks followed as far as the path
//! exists, `.` and `..` gone): an output that does not exist yet lands where its deepest existing
//! ancestor leads. A folder that exists is replaced only if it is empty or sunset wrote it,
//! which the [`MARKER`] file in every output says.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// The file in every output folder that says sunset wrote it. Hidden, so hosts do not list it.
pub const MARKER: &str = ".sunset-output";
pub const MARKER_TEXT: &str =
    "Written by sunset, which replaces this folder whole at each build.\n";

/// How an output folder would overlap the site. Paths are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conflict {
    /// The site's own folder.
    Root,
    /// A folder the site is inside.
    AboveRoot,
    /// Something the site reads: site.toml, a source folder, where a link in them leads.
    Source(PathBuf),
    /// A folder inside something the site reads.
    InsideSource(PathBuf),
    /// A folder that holds something the site reads outside its folder (through a link).
    AboveSource(PathBuf),
}

/// How the output `out` overlaps the site at `root`, which reads `sources`; all resolved.
pub fn conflict(out: &Path, root: &Path, sources: &[PathBuf]) -> Option<Conflict> {
    if out == root {
        return Some(Conflict::Root);
    }
    if root.starts_with(out) {
        return Some(Conflict::AboveRoot);
    }
    sources.iter().find_map(|source| {
        if out == source {
            Some(Conflict::Source(source.clone()))
        } else if out.starts_with(source) {
            Some(Conflict::InsideSource(source.clone()))
        } else if source.starts_with(out) {
            Some(Conflict::AboveSource(source.clone()))
        } else {
            None
        }
    })
}

impl Conflict {
    /// Why `given` (the output as the user named it) is refused, and what to do instead.
    pub fn diagnostic(&self, given: &Path, root: &Path) -> Diagnostic {
        let name = |path: &Path| match path.strip_prefix(root) {
            Ok(inside) => inside.display().to_string(),
            Err(_) => path.display().to_string(),
        };
        let why = match self {
            Conflict::Root => format!("is the site's own folder ({})", root.display()),
            Conflict::AboveRoot => format!("holds the site ({} is inside it)", root.display()),
            Conflict::Source(source) => format!("is {}, which the site reads", name(source)),
            Conflict::InsideSource(source) => {
                format!("is inside {}, which the site reads", name(source))
            }
            Conflict::AboveSource(source) => {
                format!("holds {}, which the site reads", name(source))
            }
        };
        Diagnostic::error(format!(
            "the output folder {} {why}; a build replaces its output whole and would delete the site's files",
            given.display()
        ))
        .hint("build into a folder of its own, such as public/ in the site's folder (the default); --force does not change this")
    }
}

/// Where writing to `path` would land: the canonical form of its deepest existing ancestor
/// (symlinks followed), then the rest of it with `.` and `..` applied. `path` is absolute.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut existing = path;
    let mut rest = Vec::new();
    loop {
        match existing.canonicalize() {
            Ok(mut resolved) => {
                // What follows does not exist, so it holds no links: `..` is just the parent.
                for component in rest.iter().rev() {
                    match component {
                        Component::ParentDir => {
                            resolved.pop();
                        }
                        Component::Normal(name) => resolved.push(name),
                        _ => {}
                    }
                }
                return Ok(resolved);
            }
            Err(e) => {
                let mut components = existing.components();
                let last = components.next_back();
                let parent = components.as_path();
                match last {
                    Some(last) if !parent.as_os_str().is_empty() => {
                        rest.push(last);
                        existing = parent;
                    }
                    _ => return Err(e),
                }
            }
        }
    }
}

/// Whose files a folder holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holds {
    /// No folder, or an empty one.
    Nothing,
    /// Sunset's output: it has the marker, or is the output of a sunset from before the marker.
    Sunset,
    Other,
}

pub fn holds(dir: &Path) -> io::Result<Holds> {
    let mut entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Holds::Nothing),
        Err(e) => return Err(e),
    };
    if entries.next().is_none() {
        Ok(Holds::Nothing)
    } else if dir.join(MARKER).is_file() || built_before_the_marker(dir) {
        Ok(Holds::Sunset)
    } else {
        Ok(Holds::Other)
    }
}

/// Sunset wrote `sitemap.xml` and a `notice.json` with its own keys into every output before it
/// wrote the marker; such a folder is taken as its own, so existing `public/` folders keep being
/// rebuilt. Another tool's folder with both files and those keys is not a credible accident.
fn built_before_the_marker(dir: &Path) -> bool {
    let notice = fs::read(dir.join("notice.json")).unwrap_or_default();
    let keys = serde_json::from_slice::<serde_json::Value>(&notice).ok();
    let ours = keys
        .as_ref()
        .and_then(|v| v.as_object())
        .is_some_and(|object| {
            ["phase", "next_change", "built_for"]
                .iter()
                .all(|key| object.contains_key(*key))
        });
    ours && dir.join("sitemap.xml").is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(names: &[&str]) -> Vec<PathBuf> {
        names.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn the_site_and_its_sources_are_never_an_output() {
        let root = Path::new("/site");
        let sources = paths(&["/site/site.toml", "/site/content", "/shared/static"]);
        let conflict = |out: &str| conflict(Path::new(out), root, &sources);
        assert_eq!(conflict("/site"), Some(Conflict::Root));
        assert_eq!(conflict("/"), Some(Conflict::AboveRoot));
        assert_eq!(
            conflict("/site/content"),
            Some(Conflict::Source("/site/content".into()))
        );
        assert_eq!(
            conflict("/site/content/out"),
            Some(Conflict::InsideSource("/site/content".into()))
        );
        assert_eq!(
            conflict("/shared"),
            Some(Conflict::AboveSource("/shared/static".into()))
        );
        assert_eq!(
            conflict("/site/site.toml"),
            Some(Conflict::Source("/site/site.toml".into()))
        );
    }

    #[test]
    fn folders_beside_the_sources_are_fine() {
        let root = Path::new("/site");
        let sources = paths(&["/site/site.toml", "/site/content"]);
        for out in [
            "/site/public",
            "/site/contents",
            "/elsewhere/public",
            "/sites",
        ] {
            assert_eq!(conflict(Path::new(out), root, &sources), None, "{out}");
        }
    }

    #[test]
    fn resolving_follows_links_and_applies_dots_after_them() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().canonicalize().unwrap();
        fs::create_dir(base.join("real")).unwrap();
        std::os::unix::fs::symlink(base.join("real"), base.join("link")).unwrap();
        assert_eq!(resolve(&base.join("link")).unwrap(), base.join("real"));
        assert_eq!(
            resolve(&base.join("link/new/deeper")).unwrap(),
            base.join("real/new/deeper")
        );
        assert_eq!(
            resolve(&base.join("link/new/../../x/./y")).unwrap(),
            base.join("x/y")
        );
    }

    #[test]
    fn a_folder_is_sunsets_with_the_marker_or_an_old_sunsets_files() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("out");
        assert_eq!(holds(&folder).unwrap(), Holds::Nothing);
        fs::create_dir(&folder).unwrap();
        assert_eq!(holds(&folder).unwrap(), Holds::Nothing);
        fs::write(folder.join("notes.txt"), "mine").unwrap();
        assert_eq!(holds(&folder).unwrap(), Holds::Other);
        fs::write(folder.join("sitemap.xml"), "<urlset/>").unwrap();
        fs::write(folder.join("notice.json"), "{\"phase\": \"x\"}").unwrap();
        assert_eq!(holds(&folder).unwrap(), Holds::Other, "not sunset's keys");
        fs::write(
            folder.join("notice.json"),
            "{\"phase\": \"upcoming\", \"next_change\": null, \"built_for\": \"x\"}",
        )
        .unwrap();
        assert_eq!(holds(&folder).unwrap(), Holds::Sunset);
        fs::remove_file(folder.join("sitemap.xml")).unwrap();
        fs::write(folder.join(MARKER), MARKER_TEXT).unwrap();
        assert_eq!(holds(&folder).unwrap(), Holds::Sunset);
    }
}
