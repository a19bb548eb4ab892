//! A cache file too large to read whole: entries keyed by a digest, each
//! read on its own (`pread`), so a build holds one entry at a time, never
//! the file.
//!
//! The file: the header every cache file has (`super`'s magic, layout
//! and stamp), then the entries one after the other, then the index
//! (a count, then per entry its key, offset, length and CRC-32, then
//! what the whole pack shares: its user's bytes, [`Pack::shared`]), then
//! the index's CRC-32 and length. The index is read when the pack is opened
//! and checked whole; an entry is checked against its CRC-32 when it is
//! read. A file whose header, size or index does not match is ignored as
//! a whole, an entry that does not match on its own.
//!
//! Written as every cache file is: through a temporary file renamed into
//! place (a build killed while writing leaves the old pack or the new),
//! best effort, within a size bound (then nothing is written, and
//! [`PackWriter::finish`] says so). A pack that keeps most of the old
//! one's entries is instead appended to the old one's file
//! ([`PackWriter::finish_keeping`]): only the new entries and a new index
//! are written, and the old entries no longer wanted become dead bytes
//! until a rewrite; [`append`] says what a build killed while appending
//! leaves, and how two builds appending at once stay apart.

use std::collections::HashMap;
use std::fs::File;
use std::io::{Read as _, Seek as _, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};

use super::super::reuse::Digest;
use super::{Layout, Reader, Writer};

mod append;

/// Bytes of one index entry: key, offset, length, CRC-32.
const INDEX_ENTRY: usize = 32 + 8 + 8 + 4;
/// Bytes after the index: its CRC-32 and length.
const FOOTER: usize = 4 + 8;

/// `buffer.len()` bytes of `file` from `at` (`pread`).
#[cfg(unix)]
fn read_at(file: &File, buffer: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buffer, at)
}

/// `bytes` into `file` from `at` (`pwrite`).
#[cfg(unix)]
fn write_at(file: &File, bytes: &[u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, bytes, at)
}

/// Elsewhere no pack is read (nor written: [`write_at`]), and builds
/// render every body.
#[cfg(not(unix))]
fn read_at(_file: &File, _buffer: &mut [u8], _at: u64) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

#[cfg(not(unix))]
fn write_at(_file: &File, _bytes: &[u8], _at: u64) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// Where one entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Slot {
    offset: u64,
    len: u64,
    crc: u32,
}

/// A pack file opened for reading: its index in memory, its entries on
/// disk.
pub(super) struct Pack {
    file: File,
    /// Its header ([`super::header`]): an append must match it.
    head: Vec<u8>,
    /// Its size when opened: the end of its footer.
    size: u64,
    index: HashMap<Digest, Slot>,
    shared: Vec<u8>,
}

impl Pack {
    /// The pack `name` of the site at `root`, when its header is of
    /// `layout` and `stamp`, its size within `limit` and its index whole.
    pub(super) fn open(
        root: &Path,
        name: &str,
        layout: Layout,
        stamp: &Digest,
        limit: u64,
    ) -> Option<Pack> {
        let (real, _) = crate::sitefs::check_file(root, &super::relative(name)).ok()?;
        let file = File::open(real).ok()?;
        let size = file.metadata().ok().filter(|m| m.is_file())?.len();
        if size > limit {
            return None;
        }
        let head = super::header(layout, stamp);
        let mut read = vec![0; head.len()];
        read_at(&file, &mut read, 0).ok()?;
        let mut footer = [0; FOOTER];
        let footer_at = size.checked_sub(FOOTER as u64)?;
        read_at(&file, &mut footer, footer_at).ok()?;
        let (crc, length) = footer.split_at(4);
        let index_len = u64::from_le_bytes(length.try_into().ok()?);
        let index_at = footer_at.checked_sub(index_len)?;
        if read != head || index_at < head.len() as u64 {
            return None;
        }
        let mut bytes = vec![0; usize::try_from(index_len).ok()?];
        read_at(&file, &mut bytes, index_at).ok()?;
        if crc32fast::hash(&bytes) != u32::from_le_bytes(crc.try_into().ok()?) {
            return None;
        }
        let (index, shared) = parse_index(&bytes, head.len() as u64..index_at)?;
        let shared = shared.to_vec();
        Some(Pack {
            file,
            head,
            size,
            index,
            shared,
        })
    }

    /// What every entry of the pack shares, as [`PackWriter::finish`]
    /// was given it (checked with the index).
    pub(super) fn shared(&self) -> &[u8] {
        &self.shared
    }

    /// The entry kept under `key`, when there is one and it is whole.
    #[cfg(test)]
    pub(super) fn get(&self, key: &Digest) -> Option<Vec<u8>> {
        self.get_in(key, &mut Vec::new()).map(<[u8]>::to_vec)
    }

    /// [`Pack::get`] read into `buffer`, which only grows: a reader that
    /// keeps one buffer neither allocates nor clears memory per entry.
    pub(super) fn get_in<'b>(&self, key: &Digest, buffer: &'b mut Vec<u8>) -> Option<&'b [u8]> {
        let slot = self.index.get(key)?;
        let len = usize::try_from(slot.len).ok()?;
        if buffer.len() < len {
            buffer.resize(len, 0);
        }
        let bytes = &mut buffer[..len];
        read_at(&self.file, bytes, slot.offset).ok()?;
        (crc32fast::hash(bytes) == slot.crc).then_some(bytes)
    }

    /// Whether an entry is kept under `key` (not checked).
    #[cfg(test)]
    pub(super) fn has(&self, key: &Digest) -> bool {
        self.index.contains_key(key)
    }
}

/// The index of a pack whose entries lie in `data`, and the shared
/// bytes after it; `None` unless every entry lies there, once each.
fn parse_index(bytes: &[u8], data: std::ops::Range<u64>) -> Option<(HashMap<Digest, Slot>, &[u8])> {
    let mut reader = Reader::new(bytes);
    let count = reader.usize()?;
    if count.checked_mul(INDEX_ENTRY)? > reader.rest_len() {
        return None;
    }
    let mut index = HashMap::with_capacity(count);
    for _ in 0..count {
        let key = reader.digest()?;
        let offset = reader.u64()?;
        let len = reader.u64()?;
        let crc = u32::from_le_bytes(reader.bytes(4)?.try_into().ok()?);
        let end = offset.checked_add(len)?;
        if offset < data.start || end > data.end {
            return None;
        }
        if index.insert(key, Slot { offset, len, crc }).is_some() {
            return None;
        }
    }
    Some((index, reader.bytes(reader.rest_len())?))
}

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
pub(super) struct PackWriter {
    path: PathBuf,
    temp: PathBuf,
    file: File,
    /// The header it begins with.
    head: Vec<u8>,
    /// The end of what is written or reserved.
    at: AtomicU64,
    limit: u64,
    index: Mutex<Vec<(Digest, Slot)>>,
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
pub(super) enum Placed {
    /// Its new entries and index appended to the old pack's file.
    Appended,
    /// Written whole into a new file, renamed over the old.
    Rewritten,
}

/// Why a pack was not written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unwritten {
    /// It would have been larger than its bound.
    TooLarge,
    /// The file system said no (best effort: nothing to report).
    Failed,
}

impl PackWriter {
    /// Start the pack `name` of the site at `root` (nothing when the
    /// cache folder cannot be written), at most `limit` bytes.
    pub(super) fn create(
        root: &Path,
        name: &str,
        layout: Layout,
        stamp: &Digest,
        limit: u64,
    ) -> Option<PackWriter> {
        let folder = super::writable_folder(root, name)?;
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
        let head = super::header(layout, stamp);
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
    pub(super) fn add(&self, key: Digest, parts: &[&[u8]]) {
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
    pub(super) fn given_up(&self) -> bool {
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
    pub(super) fn finish_keeping<'k>(
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
    pub(super) fn finish(mut self, shared: &[u8]) -> Result<(), Unwritten> {
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
            super::remove_leftovers(folder, &name.to_string_lossy());
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

/// The index of the entries at `slots` (sorted by key, one each), with
/// `shared`, then its CRC-32 and length: what ends a pack, in one buffer
/// (an append writes it at once).
fn index_and_footer(slots: &mut Vec<(Digest, Slot)>, shared: &[u8]) -> Vec<u8> {
    // Two article files of the same bytes share one entry.
    slots.sort_unstable_by_key(|(key, slot)| (*key, slot.offset));
    slots.dedup_by_key(|(key, _)| *key);
    let mut index = Writer::default();
    index.u64(slots.len() as u64);
    for (key, slot) in slots.iter() {
        index.bytes.extend_from_slice(key);
        index.u64(slot.offset);
        index.u64(slot.len);
        index.bytes.extend_from_slice(&slot.crc.to_le_bytes());
    }
    index.bytes.extend_from_slice(shared);
    let crc = crc32fast::hash(&index.bytes);
    let len = index.bytes.len() as u64;
    index.bytes.extend_from_slice(&crc.to_le_bytes());
    index.u64(len);
    index.bytes
}

/// `len` bytes of `from` from `start` into `to` at `offset`, in the
/// kernel where it can.
fn copy_range(from: &File, start: u64, len: u64, to: &File, offset: u64) -> Option<()> {
    let mut from = from.try_clone().ok()?;
    from.seek(SeekFrom::Start(start)).ok()?;
    let mut to = to;
    to.seek(SeekFrom::Start(offset)).ok()?;
    let copied = std::io::copy(&mut from.take(len), &mut to).ok()?;
    (copied == len).then_some(())
}

#[cfg(test)]
mod tests;
