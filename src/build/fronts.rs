//! The front matter of every article at the last build, kept beside its
//! record (`<root>/.briefing-cache/<output>.fronts`): what an incremental
//! build needs to rebuild the previous library for `render::touched`.
//!
//! One entry per distinct front matter: its SHA-256 digest (the one the
//! record keeps for the article), its length, then its bytes. Looked up by
//! digest and checked against it on reading, so a damaged, stale or
//! missing file only costs the next build its shortcut. Best effort, like
//! the record: scratch space, never published, safe to delete.

use std::collections::{HashMap, HashSet};
use std::io::Write as _;
use std::path::Path;

use sha2::{Digest as _, Sha256};

use super::reuse::Digest;

/// Bumped whenever the layout changes.
const FORMAT: &[u8] = b"briefing fronts 1\n";

/// The front matter texts of a build's articles.
#[derive(Debug, Default)]
pub(crate) struct Fronts {
    /// The texts this build read, by digest.
    pub(crate) read: HashMap<Digest, Box<[u8]>>,
    /// Digests of the texts it did not read (their files were unchanged
    /// since the last build): the file it replaces has them.
    pub(crate) kept: Vec<Digest>,
}

impl Fronts {
    /// Write to `path` (through a temporary file beside it) the texts
    /// read, and the kept ones that `old` (the bytes of the file replaced)
    /// holds. One it does not hold whole is left out: an incremental build
    /// that needs it then renders every page.
    pub(crate) fn write(&self, path: &Path, old: &[u8]) {
        let wanted = self.kept.iter().collect();
        let mut entries: Vec<(&Digest, &[u8])> = found(old, &wanted).unwrap_or_default();
        entries.retain(|(digest, _)| !self.read.contains_key(*digest));
        entries.extend(self.read.iter().map(|(digest, text)| (digest, &text[..])));
        entries.sort_unstable_by_key(|(digest, _)| **digest);
        let temporary = path.with_extension(format!("fronts-tmp{}", std::process::id()));
        // Never through a link planted under the temporary name.
        let _ = std::fs::remove_file(&temporary);
        let written = std::fs::File::create_new(&temporary).and_then(|file| {
            let mut out = std::io::BufWriter::new(file);
            out.write_all(FORMAT)?;
            for (digest, text) in entries {
                out.write_all(digest)?;
                out.write_all(&(text.len() as u64).to_le_bytes())?;
                out.write_all(text)?;
            }
            out.into_inner().map_err(|e| e.into_error())?.sync_all()
        });
        if written.is_err() || std::fs::rename(&temporary, path).is_err() {
            let _ = std::fs::remove_file(&temporary);
        }
    }

    /// The texts of `wanted` digests that a fronts file's `bytes` keep;
    /// `None` unless every one is there, whole and matching its digest.
    pub(crate) fn texts(bytes: &[u8], wanted: &[Digest]) -> Option<HashMap<Digest, String>> {
        let found = found(bytes, &wanted.iter().collect())?;
        let found = (found.into_iter())
            .map(|(digest, text)| Some((*digest, String::from_utf8(text.to_vec()).ok()?)))
            .collect::<Option<HashMap<_, _>>>()?;
        wanted
            .iter()
            .all(|d| found.contains_key(d))
            .then_some(found)
    }
}

/// The entries of a fronts file's `bytes` with `wanted` digests, each
/// whole and matching its digest; `None` when the file is damaged.
fn found<'a>(bytes: &'a [u8], wanted: &HashSet<&Digest>) -> Option<Vec<(&'a Digest, &'a [u8])>> {
    if wanted.is_empty() {
        return Some(Vec::new());
    }
    let mut rest = bytes.strip_prefix(FORMAT)?;
    let mut found = Vec::new();
    while !rest.is_empty() {
        let (digest, tail) = rest.split_first_chunk::<32>()?;
        let (length, tail) = tail.split_first_chunk::<8>()?;
        let length = usize::try_from(u64::from_le_bytes(*length)).ok()?;
        let text = tail.get(..length)?;
        rest = &tail[length..];
        if wanted.contains(digest) && <[u8; 32]>::from(Sha256::digest(text)) == *digest {
            found.push((digest, text));
        }
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fronts_read_back_and_a_damaged_or_missing_one_is_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.fronts");
        let texts = ["---\ntitle: A\n---\n", "---\ntitle: B\n---\n"];
        let digests: Vec<Digest> = texts.iter().map(|t| Sha256::digest(t).into()).collect();
        let fronts = Fronts {
            read: digests
                .iter()
                .zip(texts)
                .map(|(d, t)| (*d, t.as_bytes().into()))
                .collect(),
            kept: Vec::new(),
        };
        fronts.write(&path, &[]);
        let mut bytes = std::fs::read(&path).unwrap();
        let read = Fronts::texts(&bytes, &digests).unwrap();
        assert_eq!(read[&digests[1]], texts[1]);
        assert!(Fronts::texts(&bytes, &[[0; 32]]).is_none(), "not kept");
        let last = bytes.len() - 3;
        bytes[last] ^= 1;
        assert!(Fronts::texts(&bytes, &digests).is_none(), "damaged");
        assert!(
            Fronts::texts(&bytes[..bytes.len() - 5], &digests).is_none(),
            "cut short"
        );
        assert!(Fronts::texts(&[], &digests).is_none(), "empty");
    }

    #[test]
    fn texts_not_read_are_kept_from_the_file_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.fronts");
        let texts = [
            "---\ntitle: A\n---\n",
            "---\ntitle: B\n---\n",
            "---\ntitle: C\n---\n",
        ];
        let digests: Vec<Digest> = texts.iter().map(|t| Sha256::digest(t).into()).collect();
        let read = |i: usize| (digests[i], Box::<[u8]>::from(texts[i].as_bytes()));
        let first = Fronts {
            read: [read(0), read(1)].into_iter().collect(),
            kept: Vec::new(),
        };
        first.write(&path, &[]);
        // A kept, B no longer wanted, C read, and one kept text the old
        // file never had (left out).
        let second = Fronts {
            read: [read(2)].into_iter().collect(),
            kept: vec![digests[0], [9; 32]],
        };
        second.write(&path, &std::fs::read(&path).unwrap());
        let bytes = std::fs::read(&path).unwrap();
        let now = Fronts::texts(&bytes, &[digests[0], digests[2]]).unwrap();
        assert_eq!(now[&digests[0]], texts[0]);
        assert_eq!(now[&digests[2]], texts[2]);
        assert!(Fronts::texts(&bytes, &[digests[1]]).is_none(), "B is gone");
        // Nothing but the three texts' entries (one each): nothing invented.
        let entries = texts[0].len() + texts[2].len() + 2 * (32 + 8);
        assert_eq!(bytes.len(), FORMAT.len() + entries);
    }
}
