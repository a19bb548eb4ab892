//! Ingest, bookkeeping: what ingest wrote, so a person's edits are safe.
//!
//! `content/articles/.ingest.lock` maps each seed to the file generated
//! from it and the SHA-256 of exactly the bytes written, and, for an
//! undated article, the day ingest first wrote it (kept across runs so the
//! article's `ingested:` day, and with it the output, stays the same). A file whose bytes
//! no longer match was edited by a person; a file the manifest does not
//! list was written by a person. Both are left alone unless `--force`.
//! The format is a sorted, tab-separated text file, so it diffs well and
//! is byte-identical across runs.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::content::date::PartialDate;

/// Where the manifest lives, relative to the site root.
pub(crate) const MANIFEST_PATH: &str = "content/articles/.ingest.lock";

const HEADER: &str =
    "# Written by `briefing ingest`: seed, generated file, SHA-256 of the bytes written[, day an undated article came in].\n\
# A file whose hash no longer matches was edited by hand and is not overwritten without --force.\n";

/// One generated file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The generated file, relative to the site root, `/`-separated.
    pub(crate) output: String,
    /// Lowercase hex SHA-256 of the bytes ingest wrote.
    pub(crate) hash: String,
    /// For an undated article, the day recorded as its `ingested:`.
    pub(crate) ingested: Option<PartialDate>,
}

/// Seed (relative, `/`-separated) → what was generated from it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Manifest {
    pub(crate) entries: BTreeMap<String, Entry>,
}

impl Manifest {
    /// Parse the manifest text; malformed lines are ignored, which at worst
    /// makes ingest treat a file as hand-written and leave it alone.
    pub(crate) fn parse(text: &str) -> Manifest {
        let entries = text
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let (seed, output, hash) = (fields.next()?, fields.next()?, fields.next()?);
                let ingested = fields.next().and_then(|day| day.parse().ok());
                let valid = hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit());
                valid.then(|| {
                    let entry = Entry {
                        output: output.to_string(),
                        hash: hash.to_string(),
                        ingested,
                    };
                    (seed.to_string(), entry)
                })
            })
            .collect();
        Manifest { entries }
    }

    /// The manifest text: header, then one sorted line per seed.
    pub(crate) fn render(&self) -> String {
        let mut text = HEADER.to_string();
        for (seed, entry) in &self.entries {
            text.push_str(&format!("{seed}\t{}\t{}", entry.output, entry.hash));
            if let Some(day) = entry.ingested {
                text.push_str(&format!("\t{day}"));
            }
            text.push('\n');
        }
        text
    }

    /// Read `root/MANIFEST_PATH`; a missing manifest is an empty one.
    pub(crate) fn load(root: &Path) -> std::io::Result<Manifest> {
        match std::fs::read_to_string(root.join(MANIFEST_PATH)) {
            Ok(text) => Ok(Manifest::parse(&text)),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(Manifest::default()),
            Err(err) => Err(err),
        }
    }
}

/// Lowercase hex SHA-256.
pub(crate) fn hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A file-system failure, with the path it concerns.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {}: {source}", path.display())]
pub(crate) struct WriteError {
    pub(crate) path: PathBuf,
    #[source]
    pub(crate) source: std::io::Error,
}

/// Write `bytes` to `path` atomically: a temporary file in the same folder,
/// flushed, then renamed over the target. A crash leaves either the old file
/// or the new one, never half of one.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let fail = |source| WriteError {
        path: path.to_path_buf(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(fail)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Hidden, and unique per process and file, so parallel runs never share it.
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::File::create(&temp)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        })
        .and_then(|()| std::fs::rename(&temp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_it_renders_and_skips_garbage() {
        let mut manifest = Manifest::default();
        manifest.entries.insert(
            "seeds/b.txt".into(),
            Entry {
                output: "content/articles/b.md".into(),
                hash: hash(b"b"),
                ingested: PartialDate::ymd(2026, 12, 1),
            },
        );
        manifest.entries.insert(
            "seeds/a.txt".into(),
            Entry {
                output: "content/articles/a.md".into(),
                hash: hash(b"a"),
                ingested: None,
            },
        );
        let text = manifest.render();
        assert!(text.find("seeds/a.txt").unwrap() < text.find("seeds/b.txt").unwrap());
        assert_eq!(
            Manifest::parse(&format!("{text}junk line\nx\ty\tnothex\n")),
            manifest
        );
    }

    #[test]
    fn hashes_are_sha256_hex() {
        assert_eq!(
            hash(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/a.md");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(
            std::fs::read_dir(dir.path().join("sub")).unwrap().count(),
            1
        );
    }
}
