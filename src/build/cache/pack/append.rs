//! A pack put in place by appending to the old one's file: the new
//! entries, then a new index and footer that list the entries kept (at
//! their old offsets, no byte of them copied) and the new ones. Entries
//! no longer wanted stay behind as dead bytes until a rewrite (the
//! writer's temporary file renamed into place, as every cache file is
//! written) drops them.
//!
//! Nothing written is ever overwritten, so a reader that opened the pack
//! before (its index in memory, its descriptor on the same file) reads
//! the same bytes at its offsets after. A build killed while appending
//! leaves a tail that ends in no footer that checks (its last twelve
//! bytes would have to be the CRC-32 and length of an index before
//! them): the next build ignores the pack as a whole, renders every body
//! from its file (its output is the same) and rewrites the pack. A build
//! that opens the pack during another's append ignores it likewise.
//!
//! Appenders take an exclusive lock (`flock`) on the pack's file for the
//! length of the append only, and write at its size as read under the
//! lock: no two append at once, so each knows the offset of every byte
//! it writes before its index names it. A rewrite takes no lock: it
//! copies from its own descriptor and renames a new file over the path,
//! so an append that began before writes into a file no longer there
//! (its work lost, never wrong). An appender finds a lock already taken
//! (another build of the same site, into another output, appending now)
//! or a file that is not the one it read (rewritten meanwhile) and
//! rewrites instead; it never waits.

use std::fs::File;
use std::sync::PoisonError;

use super::super::super::reuse::Digest;
use super::write::copy_range;
use super::{index_and_footer, write_at, Pack, PackWriter, Slot};

/// Put `writer`'s entries in place by appending them, with an index of
/// them and of `old`'s entries at `kept`, to `old`'s file; `None` (and
/// the file as it was) when it is not worth it, not the file `old` was
/// read from, locked by another appender, or anything fails.
pub(super) fn append(
    writer: &mut PackWriter,
    old: &Pack,
    kept: &[(Digest, Slot)],
    shared: &[u8],
) -> Option<()> {
    if old.head != writer.head {
        return None;
    }
    let file = open_same(&writer.path, &old.file)?;
    file.try_lock().ok()?;
    // Entries are never cut off (but by a failed append, under the lock,
    // back to where it began): a file shorter is not one of ours.
    let end = file.metadata().ok()?.len();
    if end < old.size {
        return None;
    }
    let head = writer.head.len() as u64;
    let added = writer.at.get_mut().checked_sub(head)?;
    let index = writer
        .index
        .get_mut()
        .unwrap_or_else(PoisonError::into_inner);
    let mut slots: Vec<(Digest, Slot)> = index
        .iter()
        .map(|(key, slot)| {
            let offset = slot.offset - head + end;
            (*key, Slot { offset, ..*slot })
        })
        .collect();
    slots.extend_from_slice(kept);
    let index = index_and_footer(&mut slots, shared);
    let sizes = Sizes {
        end,
        head,
        kept: kept.iter().map(|(_, slot)| slot.len).sum(),
        added,
        index: index.len() as u64,
    };
    if !sizes.worth_appending(writer.limit) {
        return None;
    }
    let written = copy_range(&writer.file, head, added, &file, end)
        // The entries on disk before an index that names them.
        .and_then(|()| file.sync_data().ok())
        .and_then(|()| write_at(&file, &index, end + added).ok());
    if written.is_none() {
        // Under the lock, and no index names what is past `end`.
        let _ = file.set_len(end);
    }
    written
}

/// The pack's file at `path` for writing, when it is the file `read`
/// (same device and inode) and a plain one, never through a link.
#[cfg(unix)]
fn open_same(path: &std::path::Path, read: &File) -> Option<File> {
    use std::os::unix::fs::{MetadataExt as _, OpenOptionsExt as _};
    let file = std::fs::OpenOptions::new()
        .write(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)
        .ok()?;
    let (now, then) = (file.metadata().ok()?, read.metadata().ok()?);
    (now.is_file() && (now.dev(), now.ino()) == (then.dev(), then.ino())).then_some(file)
}

/// Elsewhere packs are not read, so never appended to.
#[cfg(not(unix))]
fn open_same(_path: &std::path::Path, _read: &File) -> Option<File> {
    None
}

/// What an append would leave, in bytes.
#[derive(Debug, Clone, Copy)]
struct Sizes {
    /// The file's size before it.
    end: u64,
    /// The header.
    head: u64,
    /// The old entries kept.
    kept: u64,
    /// The new entries.
    added: u64,
    /// The new index and footer.
    index: u64,
}

impl Sizes {
    /// Whether appending beats a rewrite: the file stays within `limit`,
    /// its dead bytes (entries not kept, old indexes, torn tails) would
    /// not exceed its live ones (so it is never over twice a rewrite's
    /// size, plus one index), and the bytes copied (the new entries,
    /// once more from the temporary file) are fewer than the kept ones a
    /// rewrite would copy.
    fn worth_appending(self, limit: u64) -> bool {
        let Sizes {
            end,
            head,
            kept,
            added,
            index,
        } = self;
        let dead = end.saturating_sub(head).saturating_sub(kept);
        let live = kept.saturating_add(added);
        let size = end.saturating_add(added).saturating_add(index);
        size <= limit && dead <= live && added < kept
    }
}

#[cfg(test)]
mod tests {
    use super::Sizes;

    #[test]
    fn appending_is_worth_it_only_while_cheaper_bounded_and_not_mostly_dead() {
        let sizes = Sizes {
            end: 1000,
            head: 50,
            kept: 600,
            added: 10,
            index: 100,
        };
        assert!(sizes.worth_appending(1110));
        assert!(!sizes.worth_appending(1109), "past the limit");
        // 480 dead bytes against 480 live, then 481 against 479.
        assert!(Sizes { kept: 470, ..sizes }.worth_appending(u64::MAX));
        assert!(!Sizes { kept: 469, ..sizes }.worth_appending(u64::MAX));
        // More bytes to copy than a rewrite would.
        assert!(!Sizes {
            added: 600,
            ..sizes
        }
        .worth_appending(u64::MAX));
    }
}
