//! Writing a pack: entries added from the render threads in batches into
//! a temporary file, then put in place whole (renamed over the old pack)
//! or, keeping the old pack's entries where they are, appended to it
//! ([`super::append`]).

use std::fs::File;
use std::io::{Read as _, Seek as _, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};

use super::super::super::reuse::Digest;
use super::super::Layout;
use super::{append, index_and_footer, write_at, Pack, Slot};

/// Bytes of entries a thread gathers before it writes them at once: one
/// large write instead of thousands of small ones into one file, which
/// the threads would take turns at.
const BATCH_BYTES: usize = 1 << 20;

/// Entries gathered by one thread, not written yet.
#[derive(Default)]
struct Batch {
    bytes: Vec<u8>,
    /// Each entry's key and slot, its offset within `bytes`.
    slots: Vec<(Digest, Slot)>,
}

/// A pack being written into a temporary file, entries added from many
/// threads at once (each thread's in batches, each batch written where it
/// reserved its place).
pub(crate) struct PackWriter {
    pub(super) path: PathBuf,
    temp: PathBuf,
    pub(super) file: File,
    /// The header it begins with.
    pub(super) head: Vec<u8>,
    /// The end of what is written or reserved.
    pub(super) at: AtomicU64,
    pub(super) limit: u64,
    pub(super) index: Mutex<Vec<(Digest, Slot)>>,
    /// One batch per thread of the pool (and one for any other thread).
    batches: Vec<Mutex<Batch>>,
    /// The first thing that went wrong.
    failed: Mutex<Option<Unwritten>>,
    /// Put in place: the temporary file is gone.
    placed: bool,
}

impl Drop for PackWriter {
    fn drop(&mut self) {
        if !self.placed {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// How a pack was put in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Placed {
    /// Its new entries and index appended to the old pack's file.
    Appended,
    /// Written whole into a new file, renamed over the old.
    Rewritten,
}

/// Why a pack was not written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unwritten {
    /// It would have been larger than its bound.
    TooLarge,
    /// The file system said no (best effort: nothing to report).
    Failed,
}

impl PackWriter {
    /// Start the pack `name` of the site at `root` (nothing when the
    /// cache folder cannot be written), at most `limit` bytes.
    pub(crate) fn create(
        root: &Path,
        name: &str,
        layout: Layout,
        stamp: &Digest,
        limit: u64,
    ) -> Option<PackWriter> {
        let folder = super::super::writable_folder(root, name)?;
        let path = folder.join(name);
        let temp = folder.join(format!(".{name}.{}.tmp", std::process::id()));
        // Read too: an append copies the new entries from it.
        let file = File::options()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&temp)
            .ok()?;
        let head = super::super::header(layout, stamp);
        let writer = PackWriter {
            path,
            temp,
            file,
            head,
            at: AtomicU64::new(0),
            limit,
            index: Mutex::default(),
            batches: (0..=rayon::current_num_threads())
                .map(|_| Mutex::default())
                .collect(),
            failed: Mutex::default(),
            placed: false,
        };
        let head = &writer.head;
        writer.add_at(writer.reserve(head.len() as u64)?, &[head])?;
        Some(writer)
    }

    /// Where `len` more bytes go; `None` (and the pack given up) past
    /// the bound.
    fn reserve(&self, len: u64) -> Option<u64> {
        let offset = self.at.fetch_add(len, Ordering::Relaxed);
        if offset.saturating_add(len) > self.limit {
            self.fail(Unwritten::TooLarge);
            return None;
        }
        Some(offset)
    }

    fn fail(&self, why: Unwritten) {
        self.failed
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get_or_insert(why);
    }

    /// `parts` one after the other from `offset`.
    fn add_at(&self, mut offset: u64, parts: &[&[u8]]) -> Option<()> {
        for part in parts {
            if write_at(&self.file, part, offset).is_err() {
                self.fail(Unwritten::Failed);
                return None;
            }
            offset += part.len() as u64;
        }
        Some(())
    }

    /// Add the entry `key` made of `parts`, one after the other (from any
    /// thread; once the pack is given up, nothing is written).
    pub(crate) fn add(&self, key: Digest, parts: &[&[u8]]) {
        let mine = rayon::current_thread_index().map_or(0, |i| i + 1) % self.batches.len();
        let mut batch = self.batches[mine]
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let offset = batch.bytes.len() as u64;
        let mut crc = crc32fast::Hasher::new();
        for part in parts {
            crc.update(part);
            batch.bytes.extend_from_slice(part);
        }
        let len = batch.bytes.len() as u64 - offset;
        let crc = crc.finalize();
        batch.slots.push((key, Slot { offset, len, crc }));
        if batch.bytes.len() >= BATCH_BYTES {
            self.write_batch(&mut batch);
        }
    }

    /// Write `batch` where it reserves its place, and empty it.
    fn write_batch(&self, batch: &mut Batch) {
        let Batch { bytes, slots } = batch;
        if !bytes.is_empty() {
            let written = self
                .reserve(bytes.len() as u64)
                .and_then(|at| Some((at, self.add_at(at, &[bytes])?)));
            if let Some((at, ())) = written {
                let mut index = self.index.lock().unwrap_or_else(PoisonError::into_inner);
                for (key, slot) in slots.iter() {
                    let offset = at + slot.offset;
                    index.push((*key, Slot { offset, ..*slot }));
                }
            }
        }
        bytes.clear();
        slots.clear();
    }

    /// Write every batch still gathered.
    fn write_batches(&mut self) {
        let mut batches = std::mem::take(&mut self.batches);
        for batch in &mut batches {
            self.write_batch(batch.get_mut().unwrap_or_else(PoisonError::into_inner));
        }
        self.batches = batches;
    }

    /// Whether the pack was given up (over its bound, or a failed write).
    fn given_up(&self) -> bool {
        self.failed
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    }

    /// Copy the entries of `pack` at `slots`, as they are on disk, runs
    /// of neighbours at once.
    fn copy(&mut self, pack: &Pack, mut slots: Vec<(Digest, Slot)>) {
        self.write_batches();
        slots.sort_by_key(|(_, slot)| slot.offset);
        let mut run = 0;
        while run < slots.len() && !self.given_up() {
            let start = slots[run].1.offset;
            let mut end = run + 1;
            while end < slots.len()
                && slots[end].1.offset == slots[end - 1].1.offset + slots[end - 1].1.len
            {
                end += 1;
            }
            let last = slots[end - 1].1;
            let len = last.offset + last.len - start;
            let Some(offset) = self.reserve(len) else {
                return;
            };
            if copy_range(&pack.file, start, len, &self.file, offset).is_none() {
                self.fail(Unwritten::Failed);
                return;
            }
            let index = self.index.get_mut().unwrap_or_else(PoisonError::into_inner);
            for (key, slot) in &slots[run..end] {
                let offset = slot.offset - start + offset;
                index.push((*key, Slot { offset, ..*slot }));
            }
            run = end;
        }
    }

    /// [`PackWriter::finish`] with the entries of `old` kept under one of
    /// `wanted` (those it has, and this pack has not), appended to `old`'s
    /// own file when that is worth it ([`append`]), copied into this one
    /// otherwise.
    pub(crate) fn finish_keeping<'k>(
        mut self,
        old: &Pack,
        wanted: impl IntoIterator<Item = &'k Digest>,
        shared: &[u8],
    ) -> Result<Placed, Unwritten> {
        self.write_batches();
        let index = self.index.get_mut().unwrap_or_else(PoisonError::into_inner);
        let added: std::collections::HashSet<Digest> = index.iter().map(|(key, _)| *key).collect();
        let kept: Vec<(Digest, Slot)> = wanted
            .into_iter()
            .filter(|key| !added.contains(*key))
            .filter_map(|key| Some((*key, *old.index.get(key)?)))
            .collect();
        if !self.given_up() && append::append(&mut self, old, &kept, shared).is_some() {
            return Ok(Placed::Appended);
        }
        self.copy(old, kept);
        self.finish(shared).map(|()| Placed::Rewritten)
    }

    /// Write the index, with `shared` (what every entry shares, read back
    /// by [`Pack::shared`]), and put the pack in place of the old one;
    /// when anything failed, remove the temporary file instead and say
    /// why.
    pub(crate) fn finish(mut self, shared: &[u8]) -> Result<(), Unwritten> {
        self.write_batches();
        let failed = *self
            .failed
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(why) = failed {
            return Err(why);
        }
        self.write_index(shared)?;
        self.placed = true;
        if let (Some(folder), Some(name)) = (self.path.parent(), self.path.file_name()) {
            super::super::remove_leftovers(folder, &name.to_string_lossy());
        }
        Ok(())
    }

    fn write_index(&mut self, shared: &[u8]) -> Result<(), Unwritten> {
        let slots = self.index.get_mut().unwrap_or_else(PoisonError::into_inner);
        let index = index_and_footer(slots, shared);
        let failed = || {
            self.failed
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .unwrap_or(Unwritten::Failed)
        };
        let offset = self.reserve(index.len() as u64).ok_or_else(failed)?;
        self.add_at(offset, &[&index]).ok_or_else(failed)?;
        self.file.sync_all().map_err(|_| Unwritten::Failed)?;
        std::fs::rename(&self.temp, &self.path).map_err(|_| Unwritten::Failed)
    }
}

/// `len` bytes of `from` from `start` into `to` at `offset`, in the
/// kernel where it can.
pub(super) fn copy_range(from: &File, start: u64, len: u64, to: &File, offset: u64) -> Option<()> {
    let mut from = from.try_clone().ok()?;
    from.seek(SeekFrom::Start(start)).ok()?;
    let mut to = to;
    to.seek(SeekFrom::Start(offset)).ok()?;
    let copied = std::io::copy(&mut from.take(len), &mut to).ok()?;
    (copied == len).then_some(())
}
