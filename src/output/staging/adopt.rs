//! An earlier staging folder taken over as the start of the new site.
//!
//! After a build the old site, exchanged out of the output, is left in the
//! staging folder when it shares most files with the new one (hard links:
//! it costs the space of the changed files alone); a killed build leaves
//! its half-made staging folder there too. The next build starts from that
//! folder instead of an empty one: most of its files are already links to
//! the output's, so it neither links every file anew nor deletes every
//! file of the old site afterwards.
//!
//! Nothing in it is trusted. Sorting it out removes every entry the new
//! site has no place for (and every symbolic link or other special file,
//! unfollowed); a regular file at one of the new site's paths stays only
//! until the build reaches that path, where it is kept if and only if it
//! is the output's own file (same device and inode) and the build wants
//! the output's bytes there; otherwise it is removed before anything is
//! written, so no write ever goes through a name another site shares.

use std::io;
use std::path::Path;

use ahash::AHashSet;
use rayon::prelude::*;

use super::super::{ops, MARKER};
use super::remove_inside;

/// What sorting out left: the new site's folders and the regular files
/// at its paths (bytes unproven), as paths relative to the folder, each
/// file with its device and inode as its folder's listing gave them.
#[derive(Debug, Default)]
pub(super) struct Found {
    pub(super) folders: Vec<String>,
    pub(super) files: Vec<(String, FileId)>,
}

/// A file's device and inode.
pub(super) type FileId = (u64, u64);

impl Found {
    fn merge(mut self, other: Found) -> Found {
        self.folders.extend(other.folders);
        self.files.extend(other.files);
        self
    }
}

/// What the new site has room for.
pub(super) struct Wanted<'w> {
    pub(super) files: &'w AHashSet<&'w str>,
    pub(super) folders: &'w AHashSet<&'w str>,
    /// Folders whose files are named only as they are written.
    pub(super) later: &'w AHashSet<&'w str>,
}

impl Wanted<'_> {
    fn file(&self, path: &str) -> bool {
        self.files.contains(path)
            || path
                .rsplit_once('/')
                .is_some_and(|(folder, _)| self.later.contains(folder))
    }
}

/// Sort out the staging folder `root` for the `wanted` site (the marker at
/// the top is left alone); `None` when the folder itself is not as this
/// build would make it (see [`Made::fresh`]).
pub(super) fn sort_out(root: &Path, wanted: &Wanted<'_>) -> io::Result<Option<Found>> {
    let Some(made) = Made::now() else {
        return Ok(None);
    };
    let meta = std::fs::symlink_metadata(root)?;
    if !made.fresh(&meta) {
        return Ok(None);
    }
    sort_out_in(root, "", device(&meta), wanted, made).map(Some)
}

/// The owner and permissions a folder made by this process gets.
#[derive(Debug, Clone, Copy)]
struct Made {
    owner: u32,
    mode: u32,
}

impl Made {
    /// This process's: its user, and the mode `mkdir` gives under its
    /// umask (read from `/proc`; `None` where that is missing, and then
    /// no folder is taken over).
    #[cfg(target_os = "linux")]
    fn now() -> Option<Made> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let umask = status
            .lines()
            .find_map(|line| line.strip_prefix("Umask:"))
            .and_then(|octal| u32::from_str_radix(octal.trim(), 8).ok())?;
        // SAFETY: geteuid has no failure and no arguments.
        let owner = unsafe { libc::geteuid() };
        Some(Made {
            owner,
            mode: 0o777 & !umask,
        })
    }

    #[cfg(not(target_os = "linux"))]
    fn now() -> Option<Made> {
        None
    }

    /// Whether a folder of these `meta`data is as this process would make
    /// it: a folder kept from a build under another umask or user would
    /// give the new site the old one's permissions.
    #[cfg(target_os = "linux")]
    fn fresh(self, meta: &std::fs::Metadata) -> bool {
        use std::os::unix::fs::MetadataExt as _;
        meta.is_dir() && meta.uid() == self.owner && meta.mode() & 0o7777 == self.mode
    }

    #[cfg(not(target_os = "linux"))]
    fn fresh(self, _meta: &std::fs::Metadata) -> bool {
        false
    }
}

/// The device a folder is on, which its files are taken to share. A file
/// that reports another (one mounted over; overlayfs with layers on
/// different file systems and `xino=off`) never matches the output's: it
/// is replaced, never kept wrongly.
#[cfg(unix)]
fn device(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::dev(meta)
}

#[cfg(not(unix))]
fn device(_meta: &std::fs::Metadata) -> u64 {
    0
}

/// A file's inode as its folder's listing gives it (no look at the file).
#[cfg(unix)]
fn inode(entry: &std::fs::DirEntry) -> u64 {
    std::os::unix::fs::DirEntryExt::ino(entry)
}

#[cfg(not(unix))]
fn inode(_entry: &std::fs::DirEntry) -> u64 {
    0
}

/// [`sort_out`] of the folder at `path` on `device`, `relative` inside
/// the root (empty for the root, else ending in `/`), entries in parallel.
fn sort_out_in(
    path: &Path,
    relative: &str,
    device: u64,
    wanted: &Wanted<'_>,
    made: Made,
) -> io::Result<Found> {
    let entries = std::fs::read_dir(path)?.collect::<io::Result<Vec<_>>>()?;
    entries
        .par_iter()
        .map(|entry| {
            let name = entry.file_name();
            let inside = name.to_str().map(|name| format!("{relative}{name}"));
            let path = entry.path();
            if relative.is_empty() && inside.as_deref() == Some(MARKER) {
                return Ok(Found::default());
            }
            let kind = entry.file_type()?;
            // A wanted folder is kept when made as this build would make it.
            let kept_folder = match &inside {
                Some(inside) if kind.is_dir() && wanted.folders.contains(inside.as_str()) => {
                    let meta = entry.metadata()?;
                    made.fresh(&meta).then(|| self::device(&meta))
                }
                _ => None,
            };
            match (inside, kept_folder) {
                (Some(inside), Some(device)) => {
                    let below = sort_out_in(&path, &format!("{inside}/"), device, wanted, made)?;
                    Ok(below.merge(Found {
                        folders: vec![inside],
                        files: Vec::new(),
                    }))
                }
                (Some(inside), None) if kind.is_file() && wanted.file(&inside) => Ok(Found {
                    folders: Vec::new(),
                    files: vec![(inside, (device, inode(entry)))],
                }),
                _ if kind.is_dir() => {
                    remove_inside(&path, None)?;
                    ops::remove_dir(&path).map(|()| Found::default())
                }
                _ => ops::remove_file(&path).map(|()| Found::default()),
            }
        })
        .try_reduce(Found::default, |a, b| Ok(a.merge(b)))
}
