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
use std::path::Path;

use super::super::reuse::Digest;
use super::{Layout, Reader, Writer};

mod append;
mod write;

pub(super) use write::{PackWriter, Placed, Unwritten};

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

#[cfg(test)]
mod tests;
