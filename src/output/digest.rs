//! The digest of an output folder, as a build record keeps it: every path
//! under the folder (the folder included) with its [`stamp`] (type,
//! inode, size, modification and change times), in name order.
//!
//! Two ways to the same bytes. [`of_folder_stamped`] walks a folder: a
//! build checking that the output still holds what the last build left.
//! [`Ledger`] gathers the stamps while the staging folder is written: a
//! build recording what it just published, without walking the tree it
//! wrote a moment ago (at 10,000 articles that walk opened 15,800 folders
//! and stat-ed 42,000 paths a second time). A file's stamp is taken on
//! its open descriptor as soon as it is written; what a later step
//! changes (a hard link's change time moves when the old site's name for
//! it is deleted, a folder's with every entry made in it, the folder's
//! own when it is moved into place) is stat-ed once the site is
//! published. A file of the old site the build kept as it was (the
//! output's own inode) has the stamp the build's check of the output
//! found, unless the old site is then removed, which moves its change
//! time. A ledger that misses something only makes the next build's walk
//! disagree with the record: a full build, never a wrong skip; a stamp
//! from the check that a later change made stale does the same.

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

/// Field `i` of a stamp (see [`stamp`] for their order).
fn stamp_field(stamp: &Stamp, i: usize) -> i64 {
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&stamp[8 * i..8 * i + 8]);
    i64::from_le_bytes(bytes)
}

/// The device and inode a stamp holds, when it is a regular file's.
pub(crate) fn file_id(stamp: &Stamp) -> Option<(u64, u64)> {
    const TYPE: i64 = 0o170000;
    const REGULAR: i64 = 0o100000;
    let field = |i| stamp_field(stamp, i);
    (field(0) & TYPE == REGULAR).then(|| (field(2) as u64, field(1) as u64))
}

/// The change time a stamp holds, in nanoseconds.
pub(crate) fn changed_at(stamp: &Stamp) -> i128 {
    let field = |i| i128::from(stamp_field(stamp, i));
    field(6) * 1_000_000_000 + field(7)
}

/// A length-prefixed field, so that no two sequences of fields hash alike.
pub(crate) fn field(hasher: &mut Sha256, bytes: &[u8]) {
    hasher.update((bytes.len() as u64).to_le_bytes());
    hasher.update(bytes);
}

/// Digest of `folder` by walking it, and the newest change time in it (in
/// nanoseconds); `None` when something cannot be read.
#[cfg(test)]
pub(crate) fn of_folder(folder: &Path) -> Option<(Digest, i128)> {
    of_folder_stamped(folder).map(|(digest, _)| digest)
}

/// Each file of a walked folder (`/`-separated path inside it) with the
/// stamp the walk found: what a build checked the output against, kept to
/// tell which files of an old site are the output's own without a second
/// look at either (`Staging`). Names that are not UTF-8 are left out.
pub(crate) type FileStamps = Vec<(Box<str>, Stamp)>;

/// The digest of `folder` by walking it and its newest change time in
/// nanoseconds, with the stamp of every file in it; `None` when something
/// cannot be read.
pub(crate) fn of_folder_stamped(folder: &Path) -> Option<((Digest, i128), FileStamps)> {
    let meta = std::fs::symlink_metadata(folder).ok()?;
    let top = stamp(&meta)?;
    let (inner, files) = match meta.is_dir() {
        true => {
            let (digest, files) = walk(folder, Some(""))?;
            (Some(digest), files)
        }
        false => (None, Vec::new()),
    };
    Some((finish(&top, inner), files))
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

/// Digest of what a folder on disk holds (links are not followed), with
/// the stamp of each file in it when `prefix` (its path inside the walked
/// folder, empty or ending in `/`) is given: not below a name that is not
/// UTF-8. Entries are looked at in
/// parallel: a site's output has tens of thousands.
fn walk(folder: &Path, prefix: Option<&str>) -> Option<((Digest, i128), FileStamps)> {
    // Each name taken once: sorting by `DirEntry::file_name` makes a new
    // one at every comparison.
    let mut entries = std::fs::read_dir(folder)
        .ok()?
        .map(|entry| entry.ok().map(|entry| (entry.file_name(), entry)))
        .collect::<Option<Vec<_>>>()?;
    entries.sort_unstable_by(|(a, _), (b, _)| a.cmp(b));
    let stamped = entries
        .par_iter()
        .with_min_len(SPLIT)
        .map(|(name, entry)| {
            let meta = entry.metadata().ok()?;
            let stamp = stamp(&meta)?;
            let inside = |end: &str| {
                let (prefix, name) = (prefix?, name.to_str()?);
                // Sized exactly: made a `Box<str>` without a copy.
                let mut path = String::with_capacity(prefix.len() + name.len() + end.len());
                path.extend([prefix, name, end]);
                Some(path)
            };
            let (inner, files) = match meta.is_dir() {
                true => {
                    let (digest, files) = walk(&entry.path(), inside("/").as_deref())?;
                    (Some(digest), files)
                }
                false => (
                    None,
                    inside("")
                        .map(|path| (path.into(), stamp))
                        .into_iter()
                        .collect(),
                ),
            };
            Some((stamp, inner, files))
        })
        .collect::<Option<Vec<_>>>()?;
    let mut files = Vec::new();
    let hashed = entries
        .iter()
        .zip(stamped)
        .map(|((name, _), (stamp, inner, mut below))| {
            files.append(&mut below);
            (name.as_encoded_bytes(), stamp, inner)
        });
    let digest = hash_entries(hashed);
    Some((digest, files))
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
    /// The output's own file kept (one inode, two names), with the stamp
    /// the build's check of the output found: still its stamp unless the
    /// old site's names for it are deleted.
    Kept(String, Stamp),
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

    /// The output's own file at `path`, stamped `stamp` when the build
    /// checked the output, was kept.
    pub(super) fn kept(&self, path: &str, stamp: Stamp) {
        let _ = self.sender.send(Entry::Kept(path.to_string(), stamp));
    }

    /// The folder at `path` was made (or found made).
    pub(super) fn folder(&self, path: &str) {
        let _ = self.sender.send(Entry::Folder(path.to_string()));
    }

    /// Digest of `folder`, the published site these entries were written
    /// into, and its newest change time, as a walk ([`of_folder_stamped`])
    /// would find them now; `None` when a stamp is missing.
    /// `old_site_kept`: no name of the old site was deleted, so the files
    /// kept from it have their stamps still.
    pub(super) fn digest(&self, folder: &Path, old_site_kept: bool) -> Option<(Digest, i128)> {
        let receiver = self.receiver.lock().unwrap_or_else(PoisonError::into_inner);
        let mut entries: Vec<Placed> = receiver.try_iter().map(Placed::from).collect();
        // Sorted by key, a folder comes right before what it holds.
        entries.sort_unstable_by(|a, b| a.key.cmp(&b.key));
        entries.dedup_by(|later, first| {
            let same = later.key == first.key;
            // Written twice: the disk has the last stamp, whichever it is.
            if same && !first.is_folder {
                first.stamp = None;
                first.kept = None;
            }
            same
        });
        if old_site_kept {
            for entry in &mut entries {
                entry.stamp = entry.stamp.or(entry.kept);
            }
        }
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
    /// A kept file's stamp as the build's check found it ([`Entry::Kept`]).
    kept: Option<Stamp>,
    is_folder: bool,
}

impl From<Entry> for Placed {
    fn from(entry: Entry) -> Placed {
        let (path, stamp, kept, is_folder) = match entry {
            Entry::File(path, stamp) => (path, stamp, None, false),
            Entry::Kept(path, stamp) => (path, None, Some(stamp), false),
            Entry::Folder(path) => (path, None, None, true),
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
            kept,
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
