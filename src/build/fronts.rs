//! The front matter of every article at the last build, kept beside its
//! record (`<root>/.briefing-cache/<output>.fronts`): what an incremental
//! build needs to rebuild the previous library for `render::touched`.
//!
//! One entry per distinct front matter: its SHA-256 digest (the one the
//! record keeps for the article), its length, then its bytes. Looked up by
//! digest and checked against it on reading, so a damaged, stale or
//! missing file only costs the next build its shortcut. Best effort, like
//! the record: scratch space, never published, safe to delete.

use std::collections::HashMap;
use std::io::Write as _;
use std::path::Path;

use sha2::{Digest as _, Sha256};

use super::reuse::Digest;

/// Bumped whenever the layout changes.
const FORMAT: &[u8] = b"briefing fronts 1\n";

/// Front matter texts by digest.
#[derive(Debug, Default)]
pub(crate) struct Fronts(pub(crate) HashMap<Digest, Box<[u8]>>);

impl Fronts {
    /// Write to `path` (through a temporary file beside it).
    pub(crate) fn write(&self, path: &Path) {
        let temporary = path.with_extension(format!("fronts-tmp{}", std::process::id()));
        let written = std::fs::File::create(&temporary).and_then(|file| {
            let mut out = std::io::BufWriter::new(file);
            out.write_all(FORMAT)?;
            let mut entries: Vec<_> = self.0.iter().collect();
            entries.sort_unstable_by_key(|(digest, _)| **digest);
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

    /// The texts of `wanted` digests kept at `path`; `None` unless every
    /// one is there, whole and matching its digest.
    pub(crate) fn read(path: &Path, wanted: &[Digest]) -> Option<HashMap<Digest, String>> {
        let bytes = std::fs::read(path).ok()?;
        let mut rest = bytes.strip_prefix(FORMAT)?;
        let mut found = HashMap::new();
        while !rest.is_empty() {
            let (digest, tail) = rest.split_first_chunk::<32>()?;
            let (length, tail) = tail.split_first_chunk::<8>()?;
            let length = usize::try_from(u64::from_le_bytes(*length)).ok()?;
            let text = tail.get(..length)?;
            rest = &tail[length..];
            if wanted.contains(digest) && <[u8; 32]>::from(Sha256::digest(text)) == *digest {
                found.insert(*digest, String::from_utf8(text.to_vec()).ok()?);
            }
        }
        wanted
            .iter()
            .all(|d| found.contains_key(d))
            .then_some(found)
    }
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
        let fronts = Fronts(
            digests
                .iter()
                .zip(texts)
                .map(|(d, t)| (*d, t.as_bytes().into()))
                .collect(),
        );
        fronts.write(&path);
        let read = Fronts::read(&path, &digests).unwrap();
        assert_eq!(read[&digests[1]], texts[1]);
        assert!(Fronts::read(&path, &[[0; 32]]).is_none(), "not kept");
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 3;
        bytes[last] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert!(Fronts::read(&path, &digests).is_none(), "damaged");
        std::fs::write(&path, &bytes[..bytes.len() - 5]).unwrap();
        assert!(Fronts::read(&path, &digests).is_none(), "cut short");
        assert!(Fronts::read(&dir.path().join("none"), &digests).is_none());
    }
}
