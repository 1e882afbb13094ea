//! Writing the built site: all or nothing.
//!
//! The site is written into a staging folder beside the target, then swapped in with one
//! atomic rename. On Linux, `renameat2(RENAME_EXCHANGE)` swaps the two folders, so at every
//! instant the target holds either the complete previous site or the complete new one, even
//! if the build is killed. Elsewhere the old folder is moved aside first, which leaves a short
//! window without a target. A staging folder left by a killed build is removed by the next.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::Diagnostic;

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path below the output folder, with `/` separators.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Writes `files` as the complete content of `out`, replacing what was there.
pub fn write_site(out: &Path, files: &[OutputFile]) -> Result<(), Diagnostic> {
    let fail = |what: &str, path: &Path, e: io::Error| {
        Diagnostic::error(format!("cannot {what} {}: {e}", path.display()))
            .hint("choose another --out folder, or check its permissions")
    };
    if out.is_file() {
        return Err(Diagnostic::error(format!(
            "the output path {} is a file, not a folder",
            out.display()
        ))
        .hint("remove the file or pass another --out"));
    }
    let staging = sibling(out, "staging");
    let old = sibling(out, "old");
    for leftover in [&staging, &old] {
        if leftover.exists() {
            fs::remove_dir_all(leftover).map_err(|e| fail("remove", leftover, e))?;
        }
    }
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| fail("create", parent, e))?;
    }
    fs::create_dir(&staging).map_err(|e| fail("create", &staging, e))?;
    let written = write_all(&staging, files);
    if let Err(e) = written {
        let _ = fs::remove_dir_all(&staging);
        return Err(fail("write into", &staging, e));
    }
    swap_in(&staging, out, &old).map_err(|e| {
        let _ = fs::remove_dir_all(&staging);
        fail("replace", out, e)
    })
}

/// Brings `out`, which holds `previous` (the files of the last write), to `next`: writes only
/// files whose bytes changed, each through a temporary file and a rename so that a server never
/// reads half a file, and removes files no longer produced. Returns how many files changed.
/// For watch, where a whole-folder swap per keystroke would be wasted work.
pub fn write_changes(
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
        let temporary = path.with_file_name(format!(
            ".{}.sunset-tmp",
            path.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default()
        ));
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

/// Writes every file, folders first. Both steps run on every core: on a site of thousands of
/// pages, creating folders and files is most of a build's time.
fn write_all(dir: &Path, files: &[OutputFile]) -> io::Result<()> {
    let folders: BTreeSet<PathBuf> = files
        .iter()
        .flat_map(|file| Path::new(&file.path).ancestors().skip(1))
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
            .iter()
            .try_for_each(|folder| match fs::create_dir(folder) {
                Err(e) if e.kind() != io::ErrorKind::AlreadyExists => Err(e),
                _ => Ok(()),
            })?;
    }
    files
        .par_iter()
        .try_for_each(|file| fs::write(dir.join(&file.path), &file.bytes))
}

/// `.public.staging` beside `public`: hidden, and on the same file system, so renames are atomic.
fn sibling(out: &Path, role: &str) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    out.with_file_name(format!(".{name}.{role}"))
}

fn swap_in(staging: &Path, out: &Path, old: &Path) -> io::Result<()> {
    if !out.exists() {
        return fs::rename(staging, out);
    }
    if exchange(staging, out).is_ok() {
        // `staging` now holds the previous site.
        return fs::remove_dir_all(staging);
    }
    fs::rename(out, old)?;
    fs::rename(staging, out)?;
    fs::remove_dir_all(old)
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
        write_site(&out, &[file("a.html", "1"), file("old/b.html", "2")]).unwrap();
        write_site(&out, &[file("a.html", "3")]).unwrap();
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
    fn cleans_a_staging_folder_left_by_a_killed_build() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        fs::create_dir_all(dir.path().join(".site.staging/half")).unwrap();
        write_site(&out, &[file("index.html", "x")]).unwrap();
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
        write_site(&out, &first).unwrap();
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
        assert_eq!(names, ["a.html", "d.html", "e.html"]);
        assert_eq!(fs::read_to_string(out.join("d.html")).unwrap(), "4");
    }

    #[test]
    fn folders_without_files_of_their_own_are_created() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write_site(&out, &[file("en/guides/deep/index.html", "x")]).unwrap();
        assert!(out.join("en/guides/deep/index.html").is_file());
        write_site(&out, &[file("fr/index.html", "y")]).unwrap();
        assert!(!out.join("en").exists(), "the previous site is removed");
    }

    #[test]
    fn an_output_path_that_is_a_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        fs::write(&out, "not a folder").unwrap();
        let error = write_site(&out, &[file("a", "b")]).unwrap_err();
        assert!(error.message.contains("is a file"), "{}", error.message);
        assert_eq!(fs::read_to_string(&out).unwrap(), "not a folder");
    }
}
