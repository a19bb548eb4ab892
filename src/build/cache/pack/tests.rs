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
    // The next pack: one new entry, two old ones copied (one not wanted).
    let mut writer = PackWriter::create(root, "p", LAYOUT, &STAMP, 1 << 20).unwrap();
    writer.add(key(4), &[b"fourth"]);
    writer.add(key(1), &[b"first"]);
    writer.copy(&pack, &[key(3), key(8)]);
    writer.finish(b"").unwrap();
    let next = open(root).unwrap();
    assert_eq!(next.shared(), b"", "its own shared bytes");
    for (n, bytes) in [(1, &b"first"[..]), (3, b"third"), (4, b"fourth")] {
        assert_eq!(next.get(&key(n)).as_deref(), Some(bytes), "entry {n}");
    }
    assert!(!next.has(&key(2)), "an entry not wanted is dropped");
    // The old pack, still open, reads as before the new one replaced it.
    assert_eq!(pack.get(&key(2)).as_deref(), Some(&b"second"[..]));
    let leftovers = std::fs::read_dir(root.join(CACHE_FOLDER)).unwrap().count();
    assert_eq!(leftovers, 1, "only the pack itself");
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
    let files = std::fs::read_dir(root.join(CACHE_FOLDER)).unwrap().count();
    assert_eq!(files, 1, "the temporary file is gone");
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
