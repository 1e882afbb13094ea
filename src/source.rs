//! Reading a site from disk: the only place the build reads files.
//!
//! Everything a build needs is read into memory up front (the shipped site is well under a
//! megabyte), so the stages after this one are plain functions over data and the same code
//! serves `build`, `check` and `watch`.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::content::ContentFile;
use crate::diagnostics::Diagnostic;
use crate::files::{CONFIG_FILE, Sources, StaticFile, TemplateFile};
use crate::i18n::LocaleFile;

/// The parts of a site, each read from its own file or folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SitePart {
    Config,
    Content,
    Locales,
    Templates,
    Static,
}

impl SitePart {
    pub const ALL: [SitePart; 5] = [
        SitePart::Config,
        SitePart::Content,
        SitePart::Locales,
        SitePart::Templates,
        SitePart::Static,
    ];

    /// The file or folder below the site root that holds this part.
    pub fn location(self) -> &'static str {
        match self {
            SitePart::Config => CONFIG_FILE,
            SitePart::Content => "content",
            SitePart::Locales => "locales",
            SitePart::Templates => "templates",
            SitePart::Static => "static",
        }
    }
}

/// Reads the site at `root`. Unreadable or non-UTF-8 files, symlink loops and a missing
/// site.toml are reported together.
pub fn read(root: &Path) -> Result<Sources, Vec<Diagnostic>> {
    let mut sources = Sources::default();
    let mut problems = Vec::new();
    for part in SitePart::ALL {
        if let Err(mut e) = reread(root, part, &mut sources) {
            problems.append(&mut e);
        }
    }
    if problems.is_empty() {
        Ok(sources)
    } else {
        Err(problems)
    }
}

/// Whether `root` holds a site (its site.toml), and what to say if it does not.
pub fn find_site(root: &Path) -> Result<(), Diagnostic> {
    if root.join(CONFIG_FILE).is_file() {
        Ok(())
    } else {
        Err(not_a_site(root))
    }
}

fn not_a_site(root: &Path) -> Diagnostic {
    Diagnostic::error(format!("no {CONFIG_FILE} in {}", root.display()))
        .hint("run sunset in the folder of a site, or pass --root DIR")
}

/// Every path the site reads: site.toml, its folders, and each link met inside them (which
/// leads elsewhere), so that a build can refuse an output over any of them. Whether they exist
/// does not matter: a folder that is missing now is read once it is created.
pub fn locations(root: &Path) -> Vec<PathBuf> {
    let mut paths = Vec::new();
    for part in SitePart::ALL {
        let path = root.join(part.location());
        let links = WalkDir::new(&path)
            .follow_links(true)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name().to_str().unwrap_or("")))
            // What cannot be read is reported by `read`; here it leads nowhere new.
            .filter_map(Result::ok)
            .filter(|e| e.depth() > 0 && e.path_is_symlink())
            .map(|e| e.into_path());
        paths.extend(links);
        paths.push(path);
    }
    paths
}

/// Reads one part of the site again, replacing what `sources` held for it.
pub fn reread(root: &Path, part: SitePart, sources: &mut Sources) -> Result<(), Vec<Diagnostic>> {
    let mut problems = Vec::new();
    match part {
        SitePart::Config => match fs::read(root.join(CONFIG_FILE)) {
            Ok(bytes) => match text_of(Path::new(CONFIG_FILE), bytes) {
                Ok(text) => sources.config = text,
                Err(d) => problems.push(d),
            },
            Err(e) if e.kind() == io::ErrorKind::NotFound => problems.push(not_a_site(root)),
            Err(e) => problems.push(read_error(Path::new(CONFIG_FILE), &e)),
        },
        SitePart::Content => {
            sources.content.clear();
            for (relative, bytes) in walk(root, part.location(), &mut problems) {
                if relative.extension().is_some_and(|e| e == "md") {
                    match text_of(&relative, bytes) {
                        Ok(text) => sources.content.push(ContentFile {
                            path: relative,
                            text: text.into(),
                        }),
                        Err(d) => problems.push(d),
                    }
                }
            }
        }
        SitePart::Locales => {
            sources.locales.clear();
            for (relative, bytes) in walk(root, part.location(), &mut problems) {
                if relative.extension().is_some_and(|e| e == "ftl") {
                    let language = relative
                        .components()
                        .nth(1)
                        .and_then(|c| c.as_os_str().to_str())
                        .unwrap_or_default()
                        .to_string();
                    match text_of(&relative, bytes) {
                        Ok(text) => sources.locales.push(LocaleFile {
                            language,
                            path: relative,
                            text,
                        }),
                        Err(d) => problems.push(d),
                    }
                }
            }
        }
        SitePart::Templates => {
            sources.templates.clear();
            for (relative, bytes) in walk(root, part.location(), &mut problems) {
                let name = name_under(&relative);
                match text_of(&relative, bytes) {
                    Ok(text) => sources.templates.push(TemplateFile {
                        name,
                        path: relative,
                        text,
                    }),
                    Err(d) => problems.push(d),
                }
            }
        }
        SitePart::Static => {
            sources.statics.clear();
            for (relative, bytes) in walk(root, part.location(), &mut problems) {
                sources.statics.push(StaticFile {
                    name: name_under(&relative),
                    bytes,
                });
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The files below `root/folder`, sorted, as (path relative to root, bytes). A missing folder
/// is simply empty.
fn walk(root: &Path, folder: &str, problems: &mut Vec<Diagnostic>) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let walker = WalkDir::new(root.join(folder))
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name().to_str().unwrap_or("")));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e)
                if e.io_error()
                    .is_some_and(|io| io.kind() == io::ErrorKind::NotFound)
                    && e.depth() == 0 =>
            {
                break;
            }
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| relative_to(root, p))
                    .unwrap_or_else(|| PathBuf::from(folder));
                let message = match e.loop_ancestor() {
                    Some(ancestor) => format!(
                        "symbolic link loop: it leads back to {}",
                        relative_to(root, ancestor).display()
                    ),
                    None => format!("cannot read: {e}"),
                };
                problems.push(
                    Diagnostic::error(message)
                        .in_file(&path)
                        .hint("remove the link or make the file readable"),
                );
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = relative_to(root, entry.path());
        match fs::read(entry.path()) {
            Ok(bytes) => files.push((relative, bytes)),
            Err(e) => problems.push(read_error(&relative, &e)),
        }
    }
    files
}

/// Hidden files and the temporary files editors leave beside the ones they save.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.contains("___jb_")
        || name == "4913"
}

fn text_of(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        Diagnostic::error(format!("line {line} is not valid UTF-8"))
            .in_file(path)
            .hint("save the file as UTF-8")
    })
}

fn read_error(path: &Path, error: &io::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot read: {error}"))
        .in_file(path)
        .hint("check that the file exists and is readable")
}

fn relative_to(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// The path below the top folder, with `/` separators: `templates/partials/x.html` → `partials/x.html`.
fn name_under(relative: &Path) -> String {
    relative
        .components()
        .skip(1)
        .filter_map(|c| c.as_os_str().to_str())
        .collect::<Vec<_>>()
        .join("/")
}
