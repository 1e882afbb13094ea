//! Writing the built site: all or nothing, and only where sunset may write.
//!
//! An output folder is first claimed ([`Output::claim`]): it may not be the site or anything
//! the site reads ([`guard`]), it must be empty or sunset's own output unless `--force`, and it
//! is locked against other sunsets ([`lock`]) for as long as the claim lives. Every output gets
//! the [`guard::MARKER`] file, which is how a later build knows the folder is its to replace.
//!
//! The site is written into a staging folder beside the target, then swapped in with one
//! atomic rename. On Linux, `renameat2(RENAME_EXCHANGE)` swaps the two folders, so at every
//! instant the target holds either the complete previous site or the complete new one, even
//! if the build is killed. Elsewhere the old folder is moved aside first, which leaves a short
//! window without a target. A staging folder left by a killed build is removed by the next.

mod guard;
mod lock;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;
use crate::files::OutputFile;
use guard::{Holds, MARKER, MARKER_TEXT};
pub use lock::LockHolder;
use lock::{Lock, LockError};

/// Whether a folder that sunset did not write may be replaced (`--force`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    OnlyOurs,
    Anything,
}

/// What to claim: the output folder, and the site it is built from.
pub struct Claim<'a> {
    /// Absolute.
    pub out: &'a Path,
    /// The output folder as the user named it, for messages.
    pub name: &'a Path,
    pub root: &'a Path,
    /// Everything the site reads (`source::locations`).
    pub sources: &'a [PathBuf],
    pub replace: Replace,
    pub writer: LockHolder,
}

/// Why an output folder cannot be claimed. The command line gives them different exit codes.
#[derive(Debug)]
pub enum ClaimError {
    /// Not sunset's to write: the site itself, someone else's files, or another sunset's.
    Refused(Diagnostic),
    /// The file system would not let it.
    Failed(Diagnostic),
}

/// An output folder sunset may write, locked for as long as this lives.
#[derive(Debug)]
pub struct Output {
    /// Resolved: where the files land, symlinks followed.
    path: PathBuf,
    /// As the user named it.
    name: PathBuf,
    _lock: Lock,
}

impl Output {
    /// Checks that `claim.out` may be written, then locks it. Nothing is written but the lock
    /// file beside it (and the folders above it, when missing).
    pub fn claim(claim: &Claim) -> Result<Output, ClaimError> {
        let failed = |what: &str, path: &Path, e: io::Error| {
            ClaimError::Failed(
                Diagnostic::error(format!("cannot {what} {}: {e}", path.display()))
                    .hint("choose another --out folder, or check its permissions"),
            )
        };
        let resolve = |path: &Path| guard::resolve(path).map_err(|e| failed("resolve", path, e));
        let path = resolve(claim.out)?;
        let root = resolve(claim.root)?;
        let sources = claim
            .sources
            .iter()
            .map(|source| resolve(source))
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(conflict) = guard::conflict(&path, &root, &sources) {
            return Err(ClaimError::Refused(conflict.diagnostic(claim.name, &root)));
        }
        if fs::symlink_metadata(&path).is_ok_and(|m| !m.is_dir()) {
            return Err(ClaimError::Failed(
                Diagnostic::error(format!(
                    "the output path {} is a file, not a folder",
                    claim.name.display()
                ))
                .hint("remove the file or pass another --out"),
            ));
        }
        let leftovers = [sibling(&path, "staging"), sibling(&path, "old")];
        let check_owner = || {
            for folder in std::iter::once(&path).chain(&leftovers) {
                let holds = guard::holds(folder).map_err(|e| failed("read", folder, e))?;
                if holds == Holds::Other && claim.replace == Replace::OnlyOurs {
                    return Err(ClaimError::Refused(foreign(claim.name, folder)));
                }
            }
            Ok(())
        };
        // Before the lock, so that a refused folder does not even get a lock file beside it.
        check_owner()?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| failed("create", parent, e))?;
        }
        let lock_path = sibling(&path, "lock");
        let lock = lock::acquire(&lock_path, claim.writer).map_err(|e| match e {
            LockError::Busy { holder } => {
                let holder = holder.map(|h| format!(" ({h})")).unwrap_or_default();
                ClaimError::Refused(
                    Diagnostic::error(format!(
                        "another sunset{holder} is writing to {}",
                        claim.name.display()
                    ))
                    .hint("stop it (watch and serve hold their folder until they end), or build into another --out"),
                )
            }
            LockError::Failed(e) => failed("create", &lock_path, e),
        })?;
        // Again under the lock: the folder may have changed while this claim waited for it.
        check_owner()?;
        Ok(Output {
            path,
            name: claim.name.to_path_buf(),
            _lock: lock,
        })
    }

    /// Where the files land (the output folder with symlinks followed).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The output folder as the user named it, for messages.
    pub fn name(&self) -> &Path {
        &self.name
    }

    /// Writes `files` as the complete content of the folder, replacing what was there, with
    /// the files of `kept` (paths in the folder, such as share cards whose name says they are
    /// unchanged) kept as they are: hard-linked into the new folder, copied where links fail.
    pub fn write_site(&self, files: &[OutputFile], kept: &[String]) -> Result<(), Diagnostic> {
        write_site(&self.path, files, kept)
    }

    /// Which of `paths` (below the folder) it holds as files.
    pub fn holds<'p>(&self, paths: impl Iterator<Item = &'p str>) -> HashSet<String> {
        paths
            .filter(|path| self.path.join(path).is_file())
            .map(String::from)
            .collect()
    }

    /// The bytes of the file at `path` below the folder, if it holds one.
    pub fn read(&self, path: &str) -> Option<Vec<u8>> {
        fs::read(self.path.join(path)).ok()
    }

    /// Brings the folder, which holds `previous` (the files of the last write), to `next`:
    /// writes only files whose bytes changed, each through a temporary file and a rename so
    /// that a server never reads half a file, and removes files no longer produced. Returns
    /// how many files changed. For watch, where a whole-folder swap per keystroke would be
    /// wasted work; the marker of the first write stays, as it is in neither list.
    pub fn write_changes(
        &self,
        previous: &[OutputFile],
        next: &[OutputFile],
    ) -> Result<usize, Diagnostic> {
        write_changes(&self.path, previous, next)
    }
}

/// A folder with files that sunset did not write, refused without `--force`.
fn foreign(given: &Path, folder: &Path) -> Diagnostic {
    let what = if folder.file_name() == given.file_name() {
        format!("the output folder {}", given.display())
    } else {
        format!(
            "{} (beside the output folder {})",
            folder.display(),
            given.display()
        )
    };
    Diagnostic::error(format!(
        "{what} holds files sunset did not write (it has no {MARKER}); a build would replace them all"
    ))
    .hint("build into a new or empty folder, or pass --force to replace this one and lose its files")
}

/// Writes `files` as the complete content of `out`, replacing what was there, with `kept`
/// linked from the old content. `out` has been claimed: the folder and its leftovers are
/// sunset's, or `--force` said to replace them.
fn write_site(out: &Path, files: &[OutputFile], kept: &[String]) -> Result<(), Diagnostic> {
    let fail = |what: &str, path: &Path, e: io::Error| {
        Diagnostic::error(format!("cannot {what} {}: {e}", path.display()))
            .hint("choose another --out folder, or check its permissions")
    };
    let staging = sibling(out, "staging");
    let old = sibling(out, "old");
    for leftover in [&staging, &old] {
        if leftover.exists() {
            discard(leftover).map_err(|e| fail("remove", leftover, e))?;
        }
    }
    fs::create_dir(&staging).map_err(|e| fail("create", &staging, e))?;
    // The marker first: a staging folder left by a killed build is then empty or marked.
    let written = fs::write(staging.join(MARKER), MARKER_TEXT)
        .and_then(|()| write_all(&staging, files, kept))
        .and_then(|()| link_all(out, &staging, kept));
    if let Err(e) = written {
        let _ = discard(&staging);
        return Err(fail("write into", &staging, e));
    }
    swap_in(&staging, out, &old).map(|_| ()).map_err(|e| {
        let _ = discard(&staging);
        fail("replace", out, e)
    })
}

/// The work of [`Output::write_changes`] on the folder `out`.
fn write_changes(
    out: &Path,
    previous: &[OutputFile],
    next: &[OutputFile],
) -> Result<usize, Diagnostic> {
    let fail = |path: &Path, e: io::Error| {
        Diagnostic::error(format!("cannot update {}: {e}", path.display()))
            .hint("check the output folder's permissions, or stop what else writes to it")
    };
    let before: HashMap<&str, &[u8]> = previous
        .iter()
        .map(|f| (f.path.as_str(), f.bytes.as_slice()))
        .collect();
    let after: HashSet<&str> = next.iter().map(|f| f.path.as_str()).collect();
    let mut changed = 0;
    for file in next {
        if before.get(file.path.as_str()) == Some(&file.bytes.as_slice()) {
            continue;
        }
        let path = out.join(&file.path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| fail(parent, e))?;
        }
        let temporary = temporary_beside(&path);
        fs::write(&temporary, &file.bytes).map_err(|e| fail(&temporary, e))?;
        fs::rename(&temporary, &path).map_err(|e| fail(&path, e))?;
        changed += 1;
    }
    for gone in previous.iter().filter(|f| !after.contains(f.path.as_str())) {
        let path = out.join(&gone.path);
        match fs::remove_file(&path) {
            Ok(()) => changed += 1,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(fail(&path, e)),
        }
        // Folders left empty go too, as a fresh build would not have them.
        for folder in path.ancestors().skip(1).take_while(|p| *p != out) {
            if fs::remove_dir(folder).is_err() {
                break;
            }
        }
    }
    Ok(changed)
}

/// Writes every file, folders first (those of `linked` too, for [`link_all`]). Both steps run
/// on every core: on a site of thousands of pages, creating folders and files is most of a
/// build's time.
fn write_all(dir: &Path, files: &[OutputFile], linked: &[String]) -> io::Result<()> {
    let folders: BTreeSet<PathBuf> = files
        .iter()
        .map(|file| file.path.as_str())
        .chain(linked.iter().map(String::as_str))
        .flat_map(|path| Path::new(path).ancestors().skip(1))
        .filter(|folder| !folder.as_os_str().is_empty())
        .map(|folder| dir.join(folder))
        .collect();
    // A level at a time, so that every folder's parent exists; each level in parallel.
    let depth = |p: &PathBuf| p.components().count();
    let mut levels: BTreeMap<usize, Vec<&PathBuf>> = BTreeMap::new();
    for folder in &folders {
        levels.entry(depth(folder)).or_default().push(folder);
    }
    for level in levels.values() {
        level
            .par_iter()
            .try_for_each(|folder| match fs::create_dir(folder) {
                Err(e) if e.kind() != io::ErrorKind::AlreadyExists => Err(e),
                _ => Ok(()),
            })?;
    }
    files
        .par_iter()
        .try_for_each(|file| fs::write(dir.join(&file.path), &file.bytes))
}

/// Puts each file of `paths` from `from` into `to` as a hard link (the same file, nothing
/// copied), or as a copy where the file system has no links.
fn link_all(from: &Path, to: &Path, paths: &[String]) -> io::Result<()> {
    paths.par_iter().try_for_each(|path| {
        let (source, target) = (from.join(path), to.join(path));
        fs::hard_link(&source, &target).or_else(|_| fs::copy(&source, &target).map(|_| ()))
    })
}

/// `.name.sunset-tmp` beside `path`: where a file is written before it is renamed into place.
fn temporary_beside(path: &Path) -> PathBuf {
    path.with_file_name(format!(
        ".{}.sunset-tmp",
        path.file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    ))
}

/// Replaces a file of the site (a translation that `stamp` records, a text `check --fix`
/// corrects) whole or not at all: the text goes to a hidden file beside it, renamed over it,
/// so a full disk or a killed process never leaves a translator's file half written.
pub fn replace_site_file(path: &Path, text: &str) -> io::Result<()> {
    let temporary = temporary_beside(path);
    fs::write(&temporary, text)
        .and_then(|()| fs::rename(&temporary, path))
        .inspect_err(|_| {
            let _ = fs::remove_file(&temporary);
        })
}

/// Writes files of the site that `init`, `add-language` or `stamp` made (paths relative to
/// `root`), each whole or not at all, creating their folders; the first that fails stops
/// the rest and is returned with its path.
pub fn write_site_files(root: &Path, files: &[(PathBuf, String)]) -> Result<(), Diagnostic> {
    for (path, text) in files {
        let full = root.join(path);
        full.parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| replace_site_file(&full, text))
            .map_err(|e| {
                Diagnostic::error(format!("cannot write {}: {e}", full.display()))
                    .hint("choose a folder you can write to")
            })?;
    }
    Ok(())
}

/// `.public.staging` beside `public`: hidden, and on the same file system, so renames are atomic.
fn sibling(out: &Path, role: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    out.with_file_name(format!(".{name}.{role}"))
}

/// How the new site took the place of the old one.
#[derive(Debug, PartialEq, Eq)]
enum Swap {
    /// There was no previous site.
    Renamed,
    /// One atomic exchange: at every instant, `out` held one whole site.
    Exchanged,
    /// Where the system cannot exchange: the old site moved aside, then the new one in, which
    /// leaves a moment without `out`.
    MovedAside,
}

fn swap_in(staging: &Path, out: &Path, old: &Path) -> io::Result<Swap> {
    if !out.exists() {
        fs::rename(staging, out)?;
        return Ok(Swap::Renamed);
    }
    if exchange(staging, out).is_ok() {
        // `staging` now holds the previous site.
        discard(staging)?;
        return Ok(Swap::Exchanged);
    }
    fs::rename(out, old)?;
    fs::rename(staging, out)?;
    discard(old)?;
    Ok(Swap::MovedAside)
}

/// Removes a folder that sunset replaced, marking it first and removing the marker last: a
/// removal cut short leaves a folder that still says it is sunset's, for the next build to
/// finish removing.
fn discard(dir: &Path) -> io::Result<()> {
    let marker = dir.join(MARKER);
    fs::write(&marker, MARKER_TEXT)?;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name() == MARKER {
            continue;
        }
        if entry.file_type()?.is_dir() {
            fs::remove_dir_all(entry.path())?;
        } else {
            fs::remove_file(entry.path())?;
        }
    }
    fs::remove_file(&marker)?;
    fs::remove_dir(dir)
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both pointers are valid NUL-terminated strings that outlive the call.
    let result = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if result == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "no atomic exchange",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the kill test relies on: on Linux, a rebuild replaces the old site in one atomic
    /// exchange, never by moving it aside first.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_rebuild_exchanges_the_sites_in_one_step() {
        let dir = tempfile::tempdir().unwrap();
        let (out, staging, old) = (
            dir.path().join("public"),
            dir.path().join("s"),
            dir.path().join("o"),
        );
        for (folder, text) in [(&out, "old"), (&staging, "new")] {
            fs::create_dir(folder).unwrap();
            fs::write(folder.join("index.html"), text).unwrap();
        }
        assert_eq!(swap_in(&staging, &out, &old).unwrap(), Swap::Exchanged);
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "new");
        assert!(!old.exists() && !staging.exists());
        fs::create_dir(&staging).unwrap();
        let fresh = dir.path().join("fresh");
        assert_eq!(swap_in(&staging, &fresh, &old).unwrap(), Swap::Renamed);
    }

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn replaces_the_whole_folder_and_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[file("a.html", "1"), file("old/b.html", "2")], &[]).unwrap();
        write_site(&out, &[file("a.html", "3")], &[]).unwrap();
        assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "3");
        assert!(
            !out.join("old").exists(),
            "files of an earlier build linger"
        );
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["public"]);
    }

    #[test]
    fn kept_files_are_the_same_files_in_the_new_site() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(
            &out,
            &[file("en/card.1.png", "picture"), file("a.html", "1")],
            &[],
        )
        .unwrap();
        let inode = fs::metadata(out.join("en/card.1.png")).unwrap().ino();
        write_site(&out, &[file("a.html", "2")], &["en/card.1.png".to_string()]).unwrap();
        assert_eq!(
            fs::read_to_string(out.join("en/card.1.png")).unwrap(),
            "picture"
        );
        assert_eq!(
            fs::metadata(out.join("en/card.1.png")).unwrap().ino(),
            inode
        );
        assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "2");
        // A kept file that is not there fails the write, and the site stays as it was.
        assert!(write_site(&out, &[file("a.html", "3")], &["gone.png".to_string()]).is_err());
        assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "2");
    }

    #[test]
    fn cleans_a_staging_folder_left_by_a_killed_build() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        fs::create_dir_all(dir.path().join(".site.staging/half")).unwrap();
        write_site(&out, &[file("index.html", "x")], &[]).unwrap();
        assert!(!dir.path().join(".site.staging").exists());
        assert!(out.join("index.html").exists());
    }

    #[test]
    fn changes_write_only_what_differs_and_remove_what_is_gone() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = [
            file("a.html", "1"),
            file("b/c.html", "2"),
            file("d.html", "3"),
        ];
        write_site(&out, &first, &[]).unwrap();
        let next = [
            file("a.html", "1"),
            file("d.html", "4"),
            file("e.html", "5"),
        ];
        assert_eq!(write_changes(&out, &first, &next).unwrap(), 3);
        let mut names: Vec<_> = fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        assert_eq!(names, [MARKER, "a.html", "d.html", "e.html"]);
        assert_eq!(fs::read_to_string(out.join("d.html")).unwrap(), "4");
    }

    #[test]
    fn a_file_already_gone_is_no_error_and_one_that_cannot_go_is() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = [
            file("a.html", "1"),
            file("b.html", "2"),
            file("c.html", "3"),
        ];
        write_site(&out, &first, &[]).unwrap();
        // Someone removed b.html by hand: nothing left to remove, nothing to count.
        fs::remove_file(out.join("b.html")).unwrap();
        assert_eq!(write_changes(&out, &first, &first[..1]).unwrap(), 1);
        assert!(!out.join("c.html").exists());
        // c.html became a folder with a file in it: it cannot be removed as a file.
        fs::create_dir(out.join("c.html")).unwrap();
        fs::write(out.join("c.html/keep"), "x").unwrap();
        let error = write_changes(&out, &first, &first[..1]).unwrap_err();
        assert!(error.message.contains("c.html"), "{}", error.message);
        assert!(out.join("c.html/keep").exists());
    }

    #[test]
    fn folders_that_exist_are_written_into_and_a_file_in_the_way_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let files = [file("en/index.html", "1"), file("en/faq/index.html", "2")];
        write_all(dir.path(), &files, &[]).unwrap();
        write_all(dir.path(), &files, &[]).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("en/faq/index.html")).unwrap(),
            "2"
        );
        let blocked = dir.path().join("blocked");
        fs::create_dir(&blocked).unwrap();
        fs::write(blocked.join("en"), "a file where a folder goes").unwrap();
        assert!(write_all(&blocked, &files, &[]).is_err());
    }

    #[test]
    fn holds_tells_nothing_from_a_file_in_the_way() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            guard::holds(&dir.path().join("missing")).unwrap(),
            guard::Holds::Nothing
        );
        let file_path = dir.path().join("file");
        fs::write(&file_path, "x").unwrap();
        assert!(guard::holds(&file_path).is_err());
    }

    #[test]
    fn folders_without_files_of_their_own_are_created() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[file("en/guides/deep/index.html", "x")], &[]).unwrap();
        assert!(out.join("en/guides/deep/index.html").is_file());
        write_site(&out, &[file("fr/index.html", "y")], &[]).unwrap();
        assert!(!out.join("en").exists(), "the previous site is removed");
    }

    fn claim(out: &Path, replace: Replace) -> Result<Output, ClaimError> {
        Output::claim(&Claim {
            out,
            name: out,
            root: Path::new("/nonexistent/site"),
            sources: &[],
            replace,
            writer: LockHolder::Build,
        })
    }

    #[test]
    fn watch_writes_its_changes_through_the_claimed_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let output = claim(&out, Replace::OnlyOurs).unwrap();
        let first = [file("a.html", "1"), file("b.html", "2")];
        output.write_site(&first, &[]).unwrap();
        let next = [file("a.html", "3")];
        assert_eq!(output.write_changes(&first, &next).unwrap(), 2);
        assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "3");
        assert!(!out.join("b.html").exists());
    }

    #[test]
    fn an_output_path_that_is_a_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        fs::write(&out, "not a folder").unwrap();
        let Err(ClaimError::Failed(error)) = claim(&out, Replace::Anything) else {
            panic!("claimed a file");
        };
        assert!(error.message.contains("is a file"), "{}", error.message);
        assert_eq!(fs::read_to_string(&out).unwrap(), "not a folder");
    }

    #[test]
    fn a_folder_sunset_did_not_write_is_replaced_only_when_forced() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("notice");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("letter.txt"), "mine").unwrap();
        let Err(ClaimError::Refused(error)) = claim(&out, Replace::OnlyOurs) else {
            panic!("claimed someone else's folder");
        };
        assert!(error.message.contains("did not write"), "{}", error.message);
        let output = claim(&out, Replace::Anything).unwrap();
        output.write_site(&[file("a.html", "1")], &[]).unwrap();
        assert!(!out.join("letter.txt").exists());
        assert_eq!(fs::read_to_string(out.join(MARKER)).unwrap(), MARKER_TEXT);
        drop(output);
        claim(&out, Replace::OnlyOurs).expect("its own output is sunset's to replace");
    }

    #[test]
    fn a_write_that_fails_midway_names_the_path_and_keeps_the_previous_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[file("a.html", "1")], &[]).unwrap();
        // A file and a folder of the same name: the second write fails, for root too.
        let error = write_site(&out, &[file("x/y.html", "2"), file("x", "3")], &[]).unwrap_err();
        assert!(
            error.message.contains(".public.staging"),
            "{}",
            error.message
        );
        assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "1");
        assert!(!dir.path().join(".public.staging").exists());
    }

    #[test]
    fn a_leftover_sunset_did_not_write_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        fs::create_dir_all(dir.path().join(".public.old")).unwrap();
        fs::write(dir.path().join(".public.old/keep.txt"), "mine").unwrap();
        assert!(matches!(
            claim(&out, Replace::OnlyOurs),
            Err(ClaimError::Refused(_))
        ));
        assert!(dir.path().join(".public.old/keep.txt").exists());
    }

    /// A file of the site is replaced whole, and nothing is left beside it; one that cannot
    /// be written stays as it was.
    #[test]
    fn a_site_file_is_replaced_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("main.ftl");
        fs::write(&path, "old").unwrap();
        replace_site_file(&path, "new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
        let missing = dir.path().join("no-such-folder").join("main.ftl");
        assert!(replace_site_file(&missing, "x").is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
    }
}
