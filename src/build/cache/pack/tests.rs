use std::path::PathBuf;

use super::*;
use crate::build::reuse::CACHE_FOLDER;

const LAYOUT: Layout = b"test pack 1\n";
const STAMP: Digest = [7; 32];

fn key(n: u8) -> Digest {
    [n; 32]
}

/// A pack of `entries` written into the site at `root`.
fn written(root: &Path, entries: &[(u8, &[u8])], limit: u64) -> Result<(), Unwritten> {
    let writer = PackWriter::create(root, "p", LAYOUT, &STAMP, limit).unwrap();
    for (n, bytes) in entries {
        writer.add(key(*n), &[&bytes[..1], &bytes[1..]]);
    }
    writer.finish(b"shared")
}

/// How many files the cache folder of the site at `root` holds.
fn cache_files(root: &Path) -> usize {
    std::fs::read_dir(root.join(CACHE_FOLDER)).unwrap().count()
}

fn open(root: &Path) -> Option<Pack> {
    Pack::open(root, "p", LAYOUT, &STAMP, 1 << 20)
}

#[test]
fn entries_read_back_one_by_one_and_copy_into_the_next_pack() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    written(
        root,
        &[(1, b"first"), (2, b"second"), (3, b"third")],
        1 << 20,
    )
    .unwrap();
    let pack = open(root).unwrap();
    assert_eq!(pack.get(&key(2)).as_deref(), Some(&b"second"[..]));
    assert_eq!(pack.get(&key(9)), None);
    assert!(pack.has(&key(3)) && !pack.has(&key(4)));
    assert_eq!(pack.shared(), b"shared");
    // The next pack: one new entry, two old ones copied (one not wanted),
    // into a new file: there are fewer bytes to keep than to add.
    let writer = PackWriter::create(root, "p", LAYOUT, &STAMP, 1 << 20).unwrap();
    writer.add(key(4), &[b"fourth"]);
    writer.add(key(1), &[b"first"]);
    let placed = writer.finish_keeping(&pack, &[key(3), key(8)], b"");
    assert_eq!(placed, Ok(Placed::Rewritten));
    let next = open(root).unwrap();
    assert_eq!(next.shared(), b"", "its own shared bytes");
    for (n, bytes) in [(1, &b"first"[..]), (3, b"third"), (4, b"fourth")] {
        assert_eq!(next.get(&key(n)).as_deref(), Some(bytes), "entry {n}");
    }
    assert!(!next.has(&key(2)), "an entry not wanted is dropped");
    // The old pack, still open, reads as before the new one replaced it.
    assert_eq!(pack.get(&key(2)).as_deref(), Some(&b"second"[..]));
    assert_eq!(cache_files(root), 1, "only the pack itself");
}

#[test]
fn a_damaged_cut_or_foreign_pack_is_ignored_and_a_damaged_entry_too() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    written(root, &[(1, b"first"), (2, b"second")], 1 << 20).unwrap();
    let path = root.join(CACHE_FOLDER).join("p");
    let whole = std::fs::read(&path).unwrap();
    assert!(Pack::open(root, "p", b"test pack 2\n", &STAMP, 1 << 20).is_none());
    assert!(Pack::open(root, "p", LAYOUT, &[8; 32], 1 << 20).is_none());
    let size = whole.len() as u64;
    assert!(
        Pack::open(root, "p", LAYOUT, &STAMP, size - 1).is_none(),
        "over the limit"
    );
    for at in 0..whole.len() {
        std::fs::write(&path, &whole[..at]).unwrap();
        assert!(open(root).is_none(), "cut at {at}");
        let mut damaged = whole.clone();
        damaged[at] ^= 0x20;
        std::fs::write(&path, &damaged).unwrap();
        // The header or index damaged: nothing; an entry: that entry.
        let read = open(root).map(|pack| (pack.get(&key(1)), pack.get(&key(2))));
        let (first, second) = (Some(b"first".to_vec()), Some(b"second".to_vec()));
        let one_lost = match &read {
            None => true,
            Some((a, b)) => (a.is_none() && *b == second) || (*a == first && b.is_none()),
        };
        assert!(one_lost, "byte {at} flipped: {read:?}");
    }
    std::fs::remove_file(&path).unwrap();
    std::fs::create_dir(&path).unwrap();
    assert!(open(root).is_none(), "a folder");
}

#[test]
fn a_pack_over_its_bound_is_not_written_and_the_old_one_stays() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    written(root, &[(1, b"first")], 1 << 20).unwrap();
    let big = vec![b'x'; 4096];
    let result = written(root, &[(2, &big)], 1024);
    assert!(matches!(result, Err(Unwritten::TooLarge)), "{result:?}");
    let pack = open(root).unwrap();
    assert_eq!(pack.get(&key(1)).as_deref(), Some(&b"first"[..]));
    assert!(!pack.has(&key(2)));
    assert_eq!(cache_files(root), 1, "the temporary file is gone");
}

#[cfg(unix)]
#[test]
fn a_pack_is_never_read_through_a_link_out_of_the_site() {
    let (dir, outside) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    written(outside.path(), &[(1, b"outside")], 1 << 20).unwrap();
    std::fs::create_dir(dir.path().join(CACHE_FOLDER)).unwrap();
    let theirs = outside.path().join(CACHE_FOLDER).join("p");
    std::os::unix::fs::symlink(theirs, dir.path().join(CACHE_FOLDER).join("p")).unwrap();
    assert!(open(dir.path()).is_none());
}

#[test]
fn entries_added_from_many_threads_in_batches_all_read_back() {
    use rayon::prelude::*;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let writer = PackWriter::create(root, "p", LAYOUT, &STAMP, 1 << 30).unwrap();
    // Some 5 MB: every thread's batch is written more than once.
    let entry = |n: u8| vec![n; 20_000];
    (0..=255u8)
        .into_par_iter()
        .for_each(|n| writer.add(key(n), &[&entry(n)[..7], &entry(n)[7..]]));
    writer.finish(b"").unwrap();
    let pack = Pack::open(root, "p", LAYOUT, &STAMP, 1 << 30).unwrap();
    for n in 0..=255u8 {
        assert_eq!(pack.get(&key(n)), Some(entry(n)), "entry {n}");
    }
}

/// `len` bytes of entry `n`.
fn entry(n: u8, len: usize) -> Vec<u8> {
    vec![n; len]
}

/// The pack at `root` put in place after `old` by a build that added
/// entries `added` (each key and length) and wants the entries `wanted`
/// (new or old), within `limit` bytes.
fn next_within(
    root: &Path,
    old: &Pack,
    added: &[(u8, usize)],
    wanted: &[u8],
    limit: u64,
) -> Result<Placed, Unwritten> {
    let writer = PackWriter::create(root, "p", LAYOUT, &STAMP, limit).unwrap();
    for (n, len) in added {
        writer.add(key(*n), &[&entry(*n, *len)]);
    }
    let wanted: Vec<Digest> = wanted.iter().map(|n| key(*n)).collect();
    writer.finish_keeping(old, &wanted, b"shared")
}

fn next(
    root: &Path,
    old: &Pack,
    added: &[(u8, usize)],
    wanted: &[u8],
) -> Result<Placed, Unwritten> {
    next_within(root, old, added, wanted, 1 << 20)
}

/// A pack of entries 1 to 4, 1,000 bytes each, at `root`.
fn four(root: &Path) -> Pack {
    let entries: Vec<(u8, Vec<u8>)> = (1..=4).map(|n| (n, entry(n, 1000))).collect();
    let entries: Vec<(u8, &[u8])> = entries.iter().map(|(n, e)| (*n, &e[..])).collect();
    written(root, &entries, 1 << 20).unwrap();
    open(root).unwrap()
}

fn pack_file(root: &Path) -> PathBuf {
    root.join(CACHE_FOLDER).join("p")
}

#[test]
fn an_append_keeps_old_entries_where_they_were_and_an_earlier_reader_reads_on() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let before = four(root);
    let old = std::fs::read(pack_file(root)).unwrap();
    let placed = next(root, &before, &[(5, 100)], &[1, 2, 3, 5]);
    assert_eq!(placed, Ok(Placed::Appended));
    let now = std::fs::read(pack_file(root)).unwrap();
    assert!(
        now.len() > old.len() && now.starts_with(&old),
        "only appended to"
    );
    let after = open(root).unwrap();
    for n in 1..=3 {
        assert_eq!(
            after.index[&key(n)],
            before.index[&key(n)],
            "entry {n} kept in place"
        );
        assert_eq!(after.get(&key(n)), Some(entry(n, 1000)));
    }
    assert_eq!(after.get(&key(5)), Some(entry(5, 100)));
    assert!(!after.has(&key(4)), "an entry not wanted is dropped");
    assert_eq!(after.shared(), b"shared");
    // The reader opened before: every entry it knew, at its offsets.
    for n in 1..=4 {
        assert_eq!(before.get(&key(n)), Some(entry(n, 1000)), "entry {n}");
    }
    assert_eq!(cache_files(root), 1, "the temporary file is gone");
}

#[test]
fn an_append_cut_short_or_followed_by_garbage_leaves_the_pack_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let before = four(root);
    let old_size = before.size as usize;
    let placed = next(root, &before, &[(5, 100)], &[1, 2, 3, 5]);
    assert_eq!(placed, Ok(Placed::Appended));
    let whole = std::fs::read(pack_file(root)).unwrap();
    // Killed before its first byte: the old pack, whole.
    std::fs::write(pack_file(root), &whole[..old_size]).unwrap();
    assert_eq!(open(root).unwrap().get(&key(4)), Some(entry(4, 1000)));
    // Killed anywhere after: no pack, never a wrong entry.
    for cut in old_size + 1..whole.len() {
        std::fs::write(pack_file(root), &whole[..cut]).unwrap();
        assert!(open(root).is_none(), "cut at {cut}");
    }
    let garbage = [&whole[..], b"twelve bytes"].concat();
    std::fs::write(pack_file(root), garbage).unwrap();
    assert!(open(root).is_none(), "garbage after the footer");
}

#[test]
fn a_pack_mostly_dead_is_rewritten_to_the_size_of_a_fresh_one() {
    let (dir, fresh) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let root = dir.path();
    let before = four(root);
    // 3,000 dead bytes against 1,010 live.
    let placed = next(root, &before, &[(5, 10)], &[1, 5]);
    assert_eq!(placed, Ok(Placed::Rewritten));
    let after = open(root).unwrap();
    assert_eq!(after.get(&key(1)), Some(entry(1, 1000)));
    assert_eq!(after.get(&key(5)), Some(entry(5, 10)));
    assert!(!after.has(&key(2)));
    let (one, five) = (entry(1, 1000), entry(5, 10));
    written(fresh.path(), &[(1, &one), (5, &five)], 1 << 20).unwrap();
    let size = |root: &Path| std::fs::metadata(pack_file(root)).unwrap().len();
    assert_eq!(size(root), size(fresh.path()));
}

#[test]
fn a_pack_edited_again_and_again_stays_within_twice_a_fresh_one() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let entries: Vec<(u8, Vec<u8>)> = (0..8).map(|n| (n, entry(n, 1000))).collect();
    let entries: Vec<(u8, &[u8])> = entries.iter().map(|(n, e)| (*n, &e[..])).collect();
    written(root, &entries, 1 << 20).unwrap();
    let fresh = std::fs::metadata(pack_file(root)).unwrap().len();
    let mut live: Vec<u8> = (0..8).collect();
    let mut placed = Vec::new();
    for round in 0..100u8 {
        // One entry edited: a new key in place of the oldest.
        let new = 8 + round;
        live.remove(0);
        live.push(new);
        let old = open(root).unwrap();
        placed.push(next(root, &old, &[(new, 1000)], &live).unwrap());
        let size = std::fs::metadata(pack_file(root)).unwrap().len();
        assert!(
            size <= 2 * fresh,
            "round {round}: {size} bytes, fresh {fresh}"
        );
    }
    let pack = open(root).unwrap();
    for n in &live {
        assert_eq!(pack.get(&key(*n)), Some(entry(*n, 1000)), "entry {n}");
    }
    let appended = placed.iter().filter(|p| **p == Placed::Appended).count();
    assert!(appended > 50 && appended < 100, "{appended} appends in 100");
}

#[test]
fn an_append_stays_within_the_bound_and_a_rewrite_takes_over_past_it() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let before = four(root);
    let limit = before.size + 400;
    let placed = next_within(root, &before, &[(5, 300)], &[1, 2, 3, 4, 5], limit);
    assert_eq!(placed, Ok(Placed::Rewritten), "an index more would pass it");
    let size = std::fs::metadata(pack_file(root)).unwrap().len();
    assert!(size <= limit, "{size} bytes");
    let after = Pack::open(root, "p", LAYOUT, &STAMP, limit).unwrap();
    assert_eq!(after.get(&key(5)), Some(entry(5, 300)));
    assert_eq!(after.get(&key(4)), Some(entry(4, 1000)));
}

#[test]
fn two_builds_appending_one_after_the_other_each_name_their_own_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let (first, second) = (four(root), open(root).unwrap());
    let placed = next(root, &first, &[(5, 300)], &[1, 2, 3, 4, 5]);
    assert_eq!(placed, Ok(Placed::Appended));
    // The second read the pack before the first appended, and appends
    // fewer bytes: where it began, they would lie inside the first's.
    let placed = next(root, &second, &[(6, 100)], &[1, 2, 3, 4, 6]);
    assert_eq!(placed, Ok(Placed::Appended));
    let after = open(root).unwrap();
    assert_eq!(after.get(&key(6)), Some(entry(6, 100)));
    assert_eq!(after.get(&key(4)), Some(entry(4, 1000)));
    assert!(!after.has(&key(5)), "the first's entry: dead bytes now");
}

#[test]
fn a_pack_locked_by_an_appender_or_replaced_meanwhile_is_rewritten_not_appended_to() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let before = four(root);
    let held = File::open(pack_file(root)).unwrap();
    held.lock().unwrap();
    let placed = next(root, &before, &[(5, 100)], &[1, 2, 3, 4, 5]);
    assert_eq!(placed, Ok(Placed::Rewritten), "never waits for the lock");
    drop(held);
    let after = open(root).unwrap();
    assert_eq!(after.get(&key(5)), Some(entry(5, 100)));
    // Another build rewrote the pack, larger and its entries elsewhere,
    // after this one read it: its offsets name nothing in the new file.
    let (read, other) = (open(root).unwrap(), entry(9, 4500));
    written(root, &[(9, &other)], 1 << 20).unwrap();
    let placed = next(root, &read, &[(6, 100)], &[1, 2, 3, 4, 6]);
    assert_eq!(placed, Ok(Placed::Rewritten));
    let after = open(root).unwrap();
    for n in 1..=4 {
        assert_eq!(after.get(&key(n)), Some(entry(n, 1000)), "entry {n}");
    }
    assert_eq!(after.get(&key(6)), Some(entry(6, 100)));
}
