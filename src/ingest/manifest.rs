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
use std::sync::Arc;

use sha2::{Digest, Sha256};

use crate::content::date::PartialDate;
use crate::diag::Diagnostic;
use crate::{limits, sitefs};

/// Where the manifest lives, relative to the site root.
pub(crate) const MANIFEST_PATH: &str = "content/articles/.ingest.lock";

const HEADER: &str =
    "# Written by `briefing ingest`: seed, generated file, SHA-256 of the bytes written (or `accepted`)[, day an undated article came in].\n\
# A file whose hash no longer matches was edited by hand and is not overwritten without --force; `accepted`: a person took the file over with `briefing ingest --accept` and ingest never writes it; `organization` lines: registry entries ingest added (one a person deleted stays rejected).\n";

/// The hash field of a file a person accepted (`briefing ingest --accept`):
/// theirs from then on, whatever its bytes. Older versions read the line as
/// malformed, which leaves the file alone too.
pub(crate) const ACCEPTED: &str = "accepted";

/// First field of a line recording a generated registry entry.
const ORGANIZATION: &str = "organization";

/// One generated file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The generated file, relative to the site root, `/`-separated.
    pub(crate) output: String,
    /// Lowercase hex SHA-256 of the bytes ingest wrote, or [`ACCEPTED`].
    pub(crate) hash: String,
    /// For an undated article, the day recorded as its `ingested:`.
    pub(crate) ingested: Option<PartialDate>,
}

impl Entry {
    /// True when a person took the file over: ingest leaves it as it is.
    pub(crate) fn accepted(&self) -> bool {
        self.hash == ACCEPTED
    }
}

/// Seed (relative, `/`-separated) → what was generated from it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Manifest {
    pub(crate) entries: BTreeMap<String, Entry>,
    /// Registry entries ingest added (`content/organizations/<slug>.md`)
    /// → the organization's name. Kept after the file is gone: a deleted
    /// entry is a name a person rejected, and ingest never adds it again.
    pub(crate) organizations: BTreeMap<String, String>,
}

impl Manifest {
    /// Parse the manifest text. Malformed lines are ignored, which at worst
    /// makes ingest treat a file as hand-written and leave it alone; a line
    /// naming a seed outside `seeds/` or a file outside `content/articles/`
    /// is an error naming the line, and is never acted on.
    pub(crate) fn parse(text: &str) -> (Manifest, Vec<Diagnostic>) {
        let source: Arc<str> = Arc::from(text);
        let mut diagnostics = Vec::new();
        let mut entries = BTreeMap::new();
        let mut organizations = BTreeMap::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            let line = line.trim_end_matches(['\n', '\r']);
            if line.starts_with('#') {
                continue;
            }
            if let Some((path, name)) = line
                .strip_prefix(ORGANIZATION)
                .and_then(|rest| rest.strip_prefix('\t'))
                .and_then(|rest| rest.split_once('\t'))
            {
                // Only ever tested for existence, and only inside the registry.
                if is_plain_file(path, "content/organizations/", ".md") {
                    organizations.insert(path.to_string(), name.to_string());
                }
                continue;
            }
            let mut fields = line.split('\t');
            let (Some(seed), Some(output), Some(hash)) =
                (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let is_hash = hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit());
            if !is_hash && hash != ACCEPTED {
                continue;
            }
            if !is_plain_file(seed, "seeds/", ".txt")
                || !is_plain_file(output, "content/articles/", ".md")
            {
                diagnostics.push(outside_entry(&source, start..start + line.len()));
                continue;
            }
            let entry = Entry {
                output: output.to_string(),
                hash: hash.to_string(),
                ingested: fields.next().and_then(|day| day.parse().ok()),
            };
            entries.insert(seed.to_string(), entry);
        }
        (
            Manifest {
                entries,
                organizations,
            },
            diagnostics,
        )
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
        for (path, name) in &self.organizations {
            text.push_str(&format!("{ORGANIZATION}\t{path}\t{name}\n"));
        }
        text
    }

    /// Read `root/MANIFEST_PATH`; a missing manifest is an empty one. Gives
    /// back the errors of lines that were not acted on.
    pub(crate) fn load(root: &Path) -> Result<(Manifest, Vec<Diagnostic>), sitefs::ReadError> {
        match sitefs::read(root, Path::new(MANIFEST_PATH), limits::MANIFEST_BYTES) {
            Ok(bytes) => Ok(Manifest::parse(&String::from_utf8_lossy(&bytes))),
            Err(err) if err.is_not_found() => Ok((Manifest::default(), Vec::new())),
            Err(err) => Err(err),
        }
    }
}

/// `prefix` + one file name (no folder, not hidden) + `extension`.
pub(crate) fn is_plain_file(path: &str, prefix: &str, extension: &str) -> bool {
    path.strip_prefix(prefix)
        .and_then(|name| name.strip_suffix(extension))
        .is_some_and(|stem| {
            !stem.is_empty()
                && !stem.starts_with('.')
                && !stem.contains(['/', '\\'])
                && !stem.chars().any(char::is_control)
        })
}

fn outside_entry(source: &Arc<str>, span: std::ops::Range<usize>) -> Diagnostic {
    Diagnostic::error(
        "ingest/manifest",
        MANIFEST_PATH,
        "this manifest line names a seed outside seeds/ or a file outside content/articles/; it was ignored, and no file it names was read, written or deleted",
    )
    .at(source, span)
    .with_help("ingest only writes `seeds/<name>.txt<TAB>content/articles/<name>.md<TAB><sha256 or accepted>` lines: delete this line (it names no file of the site, so nothing is lost; a pull request that adds one should be refused)")
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
        manifest.entries.insert(
            "seeds/c.txt".into(),
            Entry {
                output: "content/articles/c.md".into(),
                hash: ACCEPTED.into(),
                ingested: None,
            },
        );
        manifest.organizations.insert(
            "content/organizations/acme.md".into(),
            "Acme Institute".into(),
        );
        let text = manifest.render();
        assert!(text.find("seeds/a.txt").unwrap() < text.find("seeds/b.txt").unwrap());
        let (parsed, errors) = Manifest::parse(&format!(
            "{text}junk line\nx\ty\tnothex\norganization\t../../etc/passwd\tX\n"
        ));
        assert_eq!(
            parsed, manifest,
            "an organization line outside the registry is dropped"
        );
        assert!(errors.is_empty());
    }

    #[test]
    fn entries_outside_the_site_folders_are_errors_naming_the_line() {
        let good = format!("seeds/a.txt\tcontent/articles/a.md\t{}\n", hash(b"a"));
        for bad in [
            "seeds/b.txt\t/tmp/x/victim.txt",
            "seeds/b.txt\tcontent/articles/../../victim.md",
            "seeds/b.txt\tcontent/articles/sub/b.md",
            "seeds/b.txt\tcontent/articles/.ingest.lock",
            "seeds/b.txt\tcontent/pages/about.md",
            "seeds/b.txt\tcontent/articles/b.txt",
            "../b.txt\tcontent/articles/b.md",
            "seeds/b.txt\tcontent/articles/..\\b.md",
        ] {
            let text = format!("# header\n{good}{bad}\t{}\n", hash(b"b"));
            let (parsed, errors) = Manifest::parse(&text);
            assert_eq!(parsed.entries.len(), 1, "{bad}");
            assert!(parsed.entries.contains_key("seeds/a.txt"));
            assert_eq!(errors.len(), 1, "{bad}");
            assert_eq!(errors[0].line_col(), (3, 1), "{bad}");
            assert_eq!(errors[0].code, "ingest/manifest");
        }
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
