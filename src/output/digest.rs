//! The digest of an output folder, as a build record keeps it: every path
//! under the folder (the folder included) with its [`stamp`] (type,
//! inode, size, modification and change times), in name order.
//!
//! Two ways to the same bytes. [`of_folder`] walks a folder: a build
//! checking that the output still holds what the last build left.
//! [`Ledger`] gathers the stamps while the staging folder is written: a
//! build recording what it just published, without walking the tree it
//! wrote a moment ago (at 10,000 articles that walk opened 15,800 folders
//! and stat-ed 42,000 paths a second time). A file's stamp is taken on
//! its open descriptor as soon as it is written; what a later step
//! changes (a hard link's change time moves when the old site's name for
//! it is deleted, a folder's with every entry made in it, the folder's
//! own when it is moved into place) is stat-ed once the site is
//! published. A ledger that misses something only makes the next build's
//! walk disagree with the record: a full build, never a wrong skip.

use std::path::{Path, PathBuf};
use std::sync::{mpsc, Mutex, PoisonError};

use rayon::prelude::*;
use sha2::{Digest as _, Sha256};

/// A SHA-256 digest.
pub(crate) type Digest = [u8; 32];

/// A path's type, inode, device, size, modification and change times.
pub(crate) type Stamp = [u8; 64];

/// The [`Stamp`] of a file's metadata.
#[cfg(unix)]
pub(crate) fn stamp(meta: &std::fs::Metadata) -> Option<Stamp> {
    use std::os::unix::fs::MetadataExt;
    let fields = [
        i64::from(meta.mode()),
        meta.ino() as i64,
        meta.dev() as i64,
        meta.size() as i64,
        meta.mtime(),
        meta.mtime_nsec(),
        meta.ctime(),
        meta.ctime_nsec(),
    ];
    let mut bytes = [0u8; 64];
    for (chunk, n) in bytes.chunks_exact_mut(8).zip(fields) {
        chunk.copy_from_slice(&n.to_le_bytes());
    }
    Some(bytes)
}

/// Without inode numbers and change times nothing proves a file
/// untouched: every build renders.
#[cfg(not(unix))]
pub(crate) fn stamp(_meta: &std::fs::Metadata) -> Option<Stamp> {
    None
}

/// The change time a stamp holds, in nanoseconds.
pub(crate) fn changed_at(stamp: &Stamp) -> i128 {
    let field = |i: usize| {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(&stamp[8 * i..8 * i + 8]);
        i128::from(i64::from_le_bytes(bytes))
    };
    field(6) * 1_000_000_000 + field(7)
}

/// A length-prefixed field, so that no two sequences of fields hash alike.
pub(crate) fn field(hasher: &mut Sha256, bytes: &[u8]) {
    hasher.update((bytes.len() as u64).to_le_bytes());
    hasher.update(bytes);
}

/// Digest of `folder` by walking it, and the newest change time in it (in
/// nanoseconds); `None` when something cannot be read.
pub(crate) fn of_folder(folder: &Path) -> Option<(Digest, i128)> {
    let meta = std::fs::symlink_metadata(folder).ok()?;
    let top = stamp(&meta)?;
    let inner = match meta.is_dir() {
        true => Some(walk(folder)?),
        false => None,
    };
    Some(finish(&top, inner))
}

/// The folder's own stamp, then what it holds.
fn finish(top: &Stamp, inner: Option<(Digest, i128)>) -> (Digest, i128) {
    let mut hasher = Sha256::new();
    hasher.update(top);
    let mut newest = changed_at(top);
    if let Some((digest, changed)) = inner {
        hasher.update(digest);
        newest = newest.max(changed);
    }
    (hasher.finalize().into(), newest)
}

/// One entry of a folder, as hashed: its name, stamp and, for a folder,
/// the digest of what it holds.
type Hashed<'a> = (&'a [u8], Stamp, Option<(Digest, i128)>);

/// Digest of what a folder's entries (in name order) are.
fn hash_entries<'a>(entries: impl IntoIterator<Item = Hashed<'a>>) -> (Digest, i128) {
    let mut hasher = Sha256::new();
    let mut newest = i128::MIN;
    for (name, stamp, inner) in entries {
        field(&mut hasher, name);
        hasher.update(stamp);
        newest = newest.max(changed_at(&stamp));
        if let Some((digest, changed)) = inner {
            hasher.update(digest);
            newest = newest.max(changed);
        }
    }
    (hasher.finalize().into(), newest)
}

/// Fewest entries of one folder worth handing to another thread: most
/// folders of a site hold one or two, and a task for each costs more than
/// the stamp it would take.
const SPLIT: usize = 64;

/// Digest of what a folder on disk holds (links are not followed).
/// Entries are looked at in parallel: a site's output has tens of
/// thousands.
fn walk(folder: &Path) -> Option<(Digest, i128)> {
    let mut entries = std::fs::read_dir(folder)
        .ok()?
        .map(|entry| entry.ok())
        .collect::<Option<Vec<_>>>()?;
    entries.sort_unstable_by_key(std::fs::DirEntry::file_name);
    let stamped = entries
        .par_iter()
        .with_min_len(SPLIT)
        .map(|entry| {
            let meta = entry.metadata().ok()?;
            let inner = match meta.is_dir() {
                true => Some(walk(&entry.path())?),
                false => None,
            };
            Some((stamp(&meta)?, inner))
        })
        .collect::<Option<Vec<_>>>()?;
    let names: Vec<_> = entries.iter().map(std::fs::DirEntry::file_name).collect();
    Some(hash_entries(names.iter().zip(stamped).map(
        |(name, (stamp, inner))| (name.as_encoded_bytes(), stamp, inner),
    )))
}

/// What a build wrote into its staging folder, path by path (`/`-separated,
/// inside the folder): noted from many threads at once, read once the
/// site is published.
#[derive(Debug)]
pub(super) struct Ledger {
    sender: mpsc::Sender<Entry>,
    /// Only read at the end, once.
    receiver: Mutex<mpsc::Receiver<Entry>>,
}

#[derive(Debug)]
enum Entry {
    /// A file, with its stamp when it was written; `None` when a later
    /// step may still change it (a hard link: see the module comment).
    File(String, Option<Stamp>),
    Folder(String),
}

impl Default for Ledger {
    fn default() -> Ledger {
        let (sender, receiver) = mpsc::channel();
        Ledger {
            sender,
            receiver: Mutex::new(receiver),
        }
    }
}

impl Ledger {
    /// The file at `path` was just written (`meta`: its metadata then) or
    /// linked (`None`).
    pub(super) fn file(&self, path: &str, meta: Option<&std::fs::Metadata>) {
        let stamp = meta.and_then(stamp);
        let _ = self.sender.send(Entry::File(path.to_string(), stamp));
    }

    /// The folder at `path` was made (or found made).
    pub(super) fn folder(&self, path: &str) {
        let _ = self.sender.send(Entry::Folder(path.to_string()));
    }

    /// Digest of `folder`, the published site these entries were written
    /// into, and its newest change time, as [`of_folder`] would find them
    /// now; `None` when a stamp is missing.
    pub(super) fn digest(&self, folder: &Path) -> Option<(Digest, i128)> {
        let receiver = self.receiver.lock().unwrap_or_else(PoisonError::into_inner);
        let mut entries: Vec<Placed> = receiver.try_iter().map(Placed::from).collect();
        // Sorted by key, a folder comes right before what it holds.
        entries.sort_unstable_by(|a, b| a.key.cmp(&b.key));
        entries.dedup_by(|later, first| {
            let same = later.key == first.key;
            // Written twice: the disk has the last stamp, whichever it is.
            if same && !first.is_folder {
                first.stamp = None;
            }
            same
        });
        let stamped = entries.par_iter_mut().try_for_each(|entry| {
            if entry.stamp.is_none() {
                let meta = std::fs::symlink_metadata(folder.join(entry.path())).ok()?;
                entry.stamp = Some(stamp(&meta)?);
            }
            Some(())
        });
        stamped?;
        let top = stamp(&std::fs::symlink_metadata(folder).ok()?)?;
        Some(finish(&top, Some(tree(&entries, 0)?)))
    }
}

/// A ledger's entry as the tree is hashed from it.
struct Placed {
    /// Its path with each `/` made NUL (which no name holds): sorting
    /// these bytes sorts the tree folder by folder, in name order, each
    /// folder right before what it holds.
    key: Vec<u8>,
    stamp: Option<Stamp>,
    is_folder: bool,
}

impl From<Entry> for Placed {
    fn from(entry: Entry) -> Placed {
        let (path, stamp, is_folder) = match entry {
            Entry::File(path, stamp) => (path, stamp, false),
            Entry::Folder(path) => (path, None, true),
        };
        let mut key = path.into_bytes();
        for byte in &mut key {
            if *byte == b'/' {
                *byte = 0;
            }
        }
        Placed {
            key,
            stamp,
            is_folder,
        }
    }
}

impl Placed {
    fn path(&self) -> PathBuf {
        self.key
            .split(|&b| b == 0)
            .map(|part| String::from_utf8_lossy(part).into_owned())
            .collect()
    }

    /// Its last name.
    fn name(&self) -> &[u8] {
        self.key.rsplit(|&b| b == 0).next().unwrap_or(&self.key)
    }

    /// Whether `other` lies under this folder.
    fn holds(&self, other: &Placed) -> bool {
        other.key.len() > self.key.len()
            && other.key.starts_with(&self.key)
            && other.key[self.key.len()] == 0
    }
}

/// Digest of the folder whose entries (and theirs, in tree order) are
/// `entries`, each `depth` folders down; `None` when one lies deeper
/// than its folder (a folder missing from the ledger) or has no stamp.
fn tree(entries: &[Placed], depth: usize) -> Option<(Digest, i128)> {
    let mut level = Vec::new();
    let mut i = 0;
    while let Some(entry) = entries.get(i) {
        if entry.key.iter().filter(|&&b| b == 0).count() != depth {
            return None;
        }
        let end = match entry.is_folder {
            true => i + 1 + entries[i + 1..].partition_point(|e| entry.holds(e)),
            false => i + 1,
        };
        level.push((entry, entry.is_folder.then_some(i + 1..end)));
        i = end;
    }
    let inner = level
        .par_iter()
        .with_min_len(SPLIT)
        .map(|(_, within)| match within {
            Some(within) => tree(&entries[within.clone()], depth + 1).map(Some),
            None => Some(None),
        })
        .collect::<Option<Vec<_>>>()?;
    let hashed = level
        .iter()
        .zip(inner)
        .map(|((entry, _), inner)| Some((entry.name(), entry.stamp?, inner)))
        .collect::<Option<Vec<_>>>()?;
    Some(hash_entries(hashed))
}

#[cfg(test)]
mod tests;
