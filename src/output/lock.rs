//! One writer per output folder at a time.
//!
//! Two sunsets writing one folder would mix their sites, or one would swap away the folder the
//! other is filling. Each takes an exclusive lock (`flock`) on `.<name>.lock` beside the folder:
//! `build` for its run, `watch` and `serve` for their whole life, since each of their rebuilds
//! writes only what changed since their last one and another writer in between would leave a
//! mix. The lock file names its holder, so the one refused can say who holds it. It stays when
//! released: removing it would let a third writer lock a new file while the second waits on the
//! old one.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::Path;
use std::thread;
use std::time::{Duration, Instant};

/// Who writes an output folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockHolder {
    Build,
    Watch,
    Serve,
}

impl LockHolder {
    pub fn as_str(self) -> &'static str {
        match self {
            LockHolder::Build => "build",
            LockHolder::Watch => "watch",
            LockHolder::Serve => "serve",
        }
    }
}

/// Held until dropped: closing the file releases the lock, as does the process ending.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// Another sunset writes the folder: `holder` is what its lock file says ("serve, process
/// 1234"), when it says anything.
#[derive(Debug)]
pub enum LockError {
    Busy { holder: Option<String> },
    Failed(io::Error),
}

/// Long enough for another build of a big site to finish; a watch or serve is not waited for.
const PATIENCE: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(50);

/// Locks `path` for `writer`, waiting while another build holds it.
pub fn acquire(path: &Path, writer: LockHolder) -> Result<Lock, LockError> {
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(LockError::Failed)?;
    let deadline = Instant::now() + PATIENCE;
    loop {
        match file.try_lock() {
            Ok(()) => break,
            Err(TryLockError::WouldBlock) => {
                let holder = fs::read_to_string(path).ok().and_then(|text| {
                    let (writer, pid) = text.trim().split_once(' ')?;
                    Some((writer.to_string(), pid.to_string()))
                });
                let lasts = holder
                    .as_ref()
                    .is_some_and(|(w, _)| w != LockHolder::Build.as_str());
                if lasts || Instant::now() >= deadline {
                    let holder = holder.map(|(writer, pid)| format!("{writer}, process {pid}"));
                    return Err(LockError::Busy { holder });
                }
                thread::sleep(POLL);
            }
            Err(TryLockError::Error(e)) => return Err(LockError::Failed(e)),
        }
    }
    let named = file
        .set_len(0)
        .and_then(|()| writeln!(file, "{} {}", writer.as_str(), std::process::id()));
    named.map_err(LockError::Failed)?;
    Ok(Lock { _file: file })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_is_told_who_holds_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".public.lock");
        let held = acquire(&path, LockHolder::Serve).unwrap();
        match acquire(&path, LockHolder::Build) {
            Err(LockError::Busy {
                holder: Some(holder),
            }) => {
                assert_eq!(holder, format!("serve, process {}", std::process::id()));
            }
            other => panic!("{other:?}"),
        }
        drop(held);
        acquire(&path, LockHolder::Build).unwrap();
    }

    #[test]
    fn a_build_waits_for_another_build() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".public.lock");
        let held = acquire(&path, LockHolder::Build).unwrap();
        let release = thread::spawn(move || {
            thread::sleep(Duration::from_millis(200));
            drop(held);
        });
        let started = Instant::now();
        acquire(&path, LockHolder::Build).unwrap();
        assert!(started.elapsed() >= Duration::from_millis(150));
        release.join().unwrap();
    }
}
