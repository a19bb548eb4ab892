//! Between builds: what a build worked out and the next one may take back
//! instead of working it out again (the parsed articles, `articles`; the
//! search index's terms, `search`; the rendered bodies, `bodies`, a
//! [`pack`] read one entry at a time).
//!
//! Each cache is one file in `<root>/.briefing-cache/` (scratch space:
//! never published, safe to delete at any time): a header naming its
//! kind and layout, a stamp, a CRC-32 and the length of what follows. The
//! stamp is a SHA-256 digest of the layout, this crate's version, the
//! executable (`reuse::executable`: its path, inode, size and times, so
//! any new binary starts afresh; the hashes a cache holds, such as an
//! article body's, are only stable within one binary) and whatever else
//! the kind depends on (for articles, the registries). A file that does
//! not match in every part, is cut short, damaged, over
//! [`crate::limits::CACHE_FILE_BYTES`], a link leading out of the site,
//! or not a file at all is ignored: the build works everything out
//! again, and its output is the same either way.
//!
//! Written through a temporary file renamed into place, so a build killed
//! while writing leaves the old cache or the new one; writing is best
//! effort (a cache that cannot be written costs the next build time,
//! never its output).

pub(super) mod articles;
pub(super) mod bodies;
mod pack;
pub(super) mod search;

use std::path::{Path, PathBuf};

use sha2::{Digest as _, Sha256};

use super::reuse::{Digest, CACHE_FOLDER};

/// The first bytes of every cache file.
const MAGIC: &[u8] = b"briefing cache\n";

/// A cache's kind and layout, e.g. `b"articles 1\n"`: bumped whenever
/// what the file holds, or how, changes.
pub(super) type Layout = &'static [u8];

/// The stamp of a cache of `layout` that also depends on `parts` (each
/// length-prefixed, so no two lists digest alike); `None` when the
/// executable cannot be identified (then nothing is cached).
pub(super) fn stamp(layout: Layout, parts: &[&[u8]]) -> Option<Digest> {
    let mut hasher = Sha256::new();
    for part in [
        layout,
        env!("CARGO_PKG_VERSION").as_bytes(),
        &super::reuse::executable()?,
    ]
    .iter()
    .chain(parts)
    {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    Some(hasher.finalize().into())
}

/// The registries: an article validates against them, and its body links
/// the organizations named in it.
const REGISTRIES: [&str; 3] = [
    "content/organizations/",
    "content/topics/",
    "content/places/",
];

/// A digest of the path and bytes of every file of `inputs` whose path
/// `wanted` picks (each length-prefixed).
fn digest_of(inputs: &super::reuse::Inputs, wanted: impl Fn(&str) -> bool) -> Digest {
    let mut hasher = Sha256::new();
    for (path, digest) in inputs.file_digests().filter(|(path, _)| wanted(path)) {
        hasher.update((path.len() as u64).to_le_bytes());
        hasher.update(path);
        hasher.update(digest);
    }
    hasher.finalize().into()
}

/// The digest of the registries in `inputs`.
fn registries(inputs: &super::reuse::Inputs) -> Digest {
    digest_of(inputs, |path| {
        REGISTRIES.iter().any(|r| path.starts_with(r))
    })
}

/// `<root>/.briefing-cache/<name>`, relative to the root.
fn relative(name: &str) -> PathBuf {
    Path::new(CACHE_FOLDER).join(name)
}

/// What the cache file `name` holds, when it is whole and of `layout`
/// and `stamp`; `None` otherwise (read inside the site only, within
/// `limit` bytes).
pub(super) fn read(
    root: &Path,
    name: &str,
    layout: Layout,
    stamp: &Digest,
    limit: u64,
) -> Option<Vec<u8>> {
    let mut bytes = crate::sitefs::read(root, &relative(name), limit).ok()?;
    let whole = {
        let rest = bytes.strip_prefix(header(layout, stamp).as_slice())?;
        let (crc, rest) = rest.split_first_chunk::<4>()?;
        let (length, payload) = rest.split_first_chunk::<8>()?;
        u64::try_from(payload.len()).ok() == Some(u64::from_le_bytes(*length))
            && crc32fast::hash(payload) == u32::from_le_bytes(*crc)
    };
    if !whole {
        return None;
    }
    bytes.drain(..header_length(layout));
    Some(bytes)
}

/// What every cache file begins with: the magic, its layout, its stamp.
fn header(layout: Layout, stamp: &Digest) -> Vec<u8> {
    [MAGIC, layout, stamp].concat()
}

/// Bytes before the payload.
fn header_length(layout: Layout) -> usize {
    MAGIC.len() + layout.len() + 32 + 4 + 8
}

/// The cache folder, made if need be, when the cache file `name` may be
/// written in it: never through a link that leads out of the site, nor
/// into a cache folder that is a link or a file.
fn writable_folder(root: &Path, name: &str) -> Option<PathBuf> {
    let folder = root.join(CACHE_FOLDER);
    if crate::sitefs::check_writable(root, &relative(name)).is_err()
        || std::fs::symlink_metadata(&folder).is_ok_and(|m| !m.is_dir())
        || std::fs::create_dir_all(&folder).is_err()
    {
        return None;
    }
    Some(folder)
}

/// Replace the cache file `name` with `payload` (best effort): never
/// through a link leading out of the site, and through a temporary file.
pub(super) fn write(root: &Path, name: &str, layout: Layout, stamp: &Digest, payload: &[u8]) {
    let Some(folder) = writable_folder(root, name) else {
        return;
    };
    let relative = relative(name);
    let mut bytes = Vec::with_capacity(header_length(layout) + payload.len());
    bytes.extend_from_slice(&header(layout, stamp));
    bytes.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
    bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    bytes.extend_from_slice(payload);
    if crate::ingest::write_atomic(&root.join(relative), &bytes).is_ok() {
        remove_leftovers(&folder, name);
    }
}

/// Temporary files of `name` that a build killed while writing left
/// (`.<name>.<process>.tmp`, `ingest::write_atomic`'s names).
fn remove_leftovers(folder: &Path, name: &str) {
    remove_leftovers_if(folder, name, |_| true);
}

/// [`remove_leftovers`] of processes no longer running only (a build
/// writing one now keeps it), in the site's own cache folder: a large
/// cache file left by a killed build goes even when no build writes that
/// file again.
pub(super) fn remove_dead_leftovers(root: &Path, name: &str) {
    let folder = root.join(CACHE_FOLDER);
    if std::fs::symlink_metadata(&folder).is_ok_and(|m| m.is_dir()) {
        remove_leftovers_if(&folder, name, |pid| !running(pid));
    }
}

/// Whether the process `pid` runs (or may: when that cannot be told).
#[cfg(not(unix))]
fn running(_pid: u32) -> bool {
    true
}

/// Whether the process `pid` runs (or may: when that cannot be told).
#[cfg(unix)]
fn running(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only checks that the process exists.
    pid > 0
        && (unsafe { libc::kill(pid, 0) } == 0
            || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH))
}

fn remove_leftovers_if(folder: &Path, name: &str, wanted: impl Fn(u32) -> bool) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(file) = file.to_str() else { continue };
        let pid = file
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .filter(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()));
        // Too many digits for a process id: not one of ours to spare.
        if let Some(pid) = pid.map(|pid| pid.parse::<u32>().unwrap_or(u32::MAX)) {
            if wanted(pid) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// Takes apart a cache's payload, field by field; every read is checked
/// (`None` past the end).
#[derive(Clone)]
pub(super) struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { rest: bytes }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    /// Bytes not read yet.
    pub(super) fn rest_len(&self) -> usize {
        self.rest.len()
    }

    pub(super) fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let (taken, rest) = self.rest.split_at_checked(n)?;
        self.rest = rest;
        Some(taken)
    }

    pub(super) fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.bytes(8)?.try_into().ok()?))
    }

    pub(super) fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.u64()?).ok()
    }

    pub(super) fn digest(&mut self) -> Option<Digest> {
        self.bytes(32)?.try_into().ok()
    }

    /// A number of 7 bits a byte, low bits first.
    pub(super) fn varint(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let (&byte, rest) = self.rest.split_first()?;
            self.rest = rest;
            n |= u64::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    /// A length-prefixed run of bytes.
    pub(super) fn field(&mut self) -> Option<&'a [u8]> {
        let n = self.usize()?;
        self.bytes(n)
    }
}

/// The writing twin of [`Reader`].
#[derive(Default)]
pub(super) struct Writer {
    pub(super) bytes: Vec<u8>,
}

impl Writer {
    pub(super) fn u64(&mut self, n: u64) {
        self.bytes.extend_from_slice(&n.to_le_bytes());
    }

    pub(super) fn field(&mut self, bytes: &[u8]) {
        self.u64(bytes.len() as u64);
        self.bytes.extend_from_slice(bytes);
    }

    /// The writing twin of [`Reader::varint`].
    pub(super) fn varint(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.bytes.push(n as u8 | 0x80);
            n >>= 7;
        }
        self.bytes.push(n as u8);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAYOUT: Layout = b"test 1\n";

    fn site() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }

    #[test]
    fn a_cache_reads_back_and_any_damage_is_ignored() {
        let dir = site();
        let root = dir.path();
        let stamp = [3; 32];
        let payload = b"what a build worked out".to_vec();
        write(root, "x", LAYOUT, &stamp, &payload);
        let read = |limit| read(root, "x", LAYOUT, &stamp, limit);
        assert_eq!(read(1 << 20), Some(payload.clone()));
        let path = root.join(CACHE_FOLDER).join("x");
        let whole = std::fs::read(&path).unwrap();
        // Another stamp, another layout, too large.
        assert_eq!(super::read(root, "x", LAYOUT, &[4; 32], 1 << 20), None);
        assert_eq!(super::read(root, "x", b"test 2\n", &stamp, 1 << 20), None);
        assert_eq!(read(whole.len() as u64 - 1), None, "over the limit");
        // Every byte flipped in turn, and every length cut short.
        for at in 0..whole.len() {
            let mut damaged = whole.clone();
            damaged[at] ^= 0x20;
            std::fs::write(&path, &damaged).unwrap();
            assert_eq!(read(1 << 20), None, "byte {at} flipped");
            std::fs::write(&path, &whole[..at]).unwrap();
            assert_eq!(read(1 << 20), None, "cut at {at}");
        }
        // A temporary file a killed build left goes with the next write.
        let leftover = root.join(CACHE_FOLDER).join(".x.12345.tmp");
        std::fs::write(&leftover, &whole[..10]).unwrap();
        write(root, "x", LAYOUT, &stamp, &payload);
        assert!(!leftover.exists());
        assert_eq!(read(1 << 20), Some(payload.clone()));
        // Something else entirely, and a folder in its place.
        std::fs::write(&path, b"PK\x03\x04 not ours").unwrap();
        assert_eq!(read(1 << 20), None);
        std::fs::remove_file(&path).unwrap();
        std::fs::create_dir(&path).unwrap();
        assert_eq!(read(1 << 20), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_cache_is_never_read_or_written_through_a_link_out_of_the_site() {
        let (dir, outside) = (site(), site());
        let root = dir.path();
        let stamp = [3; 32];
        write(outside.path(), "x", LAYOUT, &stamp, b"outside");
        let theirs = outside.path().join(CACHE_FOLDER);
        std::os::unix::fs::symlink(&theirs, root.join(CACHE_FOLDER)).unwrap();
        assert_eq!(read(root, "x", LAYOUT, &stamp, 1 << 20), None);
        write(root, "x", LAYOUT, &stamp, b"written");
        let kept = read(outside.path(), "x", LAYOUT, &stamp, 1 << 20);
        assert_eq!(kept.as_deref(), Some(&b"outside"[..]));
        // A file link inside the folder, to a cache outside.
        std::fs::remove_file(root.join(CACHE_FOLDER)).unwrap();
        std::fs::create_dir(root.join(CACHE_FOLDER)).unwrap();
        std::os::unix::fs::symlink(theirs.join("x"), root.join(CACHE_FOLDER).join("x")).unwrap();
        assert_eq!(read(root, "x", LAYOUT, &stamp, 1 << 20), None);
    }

    #[test]
    fn a_reader_stops_at_the_end() {
        let mut writer = Writer::default();
        writer.u64(7);
        writer.field(b"abc");
        for n in [0, 127, 128, 300, u64::MAX] {
            writer.varint(n);
        }
        let mut reader = Reader::new(&writer.bytes);
        assert_eq!(reader.u64(), Some(7));
        assert_eq!(reader.field(), Some(&b"abc"[..]));
        for n in [0, 127, 128, 300, u64::MAX] {
            assert_eq!(reader.varint(), Some(n));
        }
        assert!(reader.is_empty());
        assert_eq!(reader.u64(), None);
        let mut short = Reader::new(&writer.bytes[..12]);
        assert_eq!(short.u64(), Some(7));
        assert_eq!(short.field(), None);
    }
}
