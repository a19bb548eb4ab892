//! Ingest, writing: generated articles reach `content/articles/` without
//! ever overwriting a person's work.
//!
//! Takes the generated articles in seed order, the manifest of what ingest
//! wrote before, and the options; writes what may be written (atomically),
//! leaves edited and hand-written files alone, and fills the report.
//!
//! A generated file that a person deleted is regenerated: the seed is the
//! source of truth for generated articles, and deleting the seed is how an
//! article is retired. An article whose seed is gone is left in place and
//! drops out of the manifest, so from then on it belongs to people.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::article::Generated;
use super::manifest::{hash, write_atomic, Entry, Manifest, MANIFEST_PATH};
use super::report::{IngestOptions, IngestReport};
use crate::diag::Diagnostic;
use crate::{limits, sitefs};

/// What to do with one generated file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Action {
    /// Absent, or still exactly as ingest wrote it: write the new text.
    Write,
    /// Already holds exactly the new text.
    Unchanged,
    /// Edited or written by a person: leave it.
    Keep,
}

/// Decide for one file from its current bytes and the hash ingest recorded.
pub(crate) fn decide(
    current: Option<&[u8]>,
    recorded: Option<&str>,
    new: &[u8],
    force: bool,
) -> Action {
    match current {
        None => Action::Write,
        Some(current) if current == new => Action::Unchanged,
        Some(_) if force => Action::Write,
        Some(current) if recorded == Some(hash(current).as_str()) => Action::Write,
        Some(_) => Action::Keep,
    }
}

/// Give each article a unique `content/articles/<stem>.md`, in seed order
/// so the same seeds always get the same names. `reserved` holds the files
/// of seeds not being ingested now (unselected or failed), which keep them.
pub(crate) fn assign_paths(
    generated: Vec<(String, Generated)>,
    reserved: BTreeSet<String>,
) -> Vec<(String, String, Generated)> {
    let mut taken = reserved;
    generated
        .into_iter()
        .map(|(seed, article)| {
            let mut output = format!("content/articles/{}.md", article.stem);
            let mut n = 2;
            while !taken.insert(output.clone()) {
                output = format!("content/articles/{}-{n}.md", article.stem);
                n += 1;
            }
            (seed, output, article)
        })
        .collect()
}

/// Write (or, in a dry run, only judge) every article and the manifest.
pub(crate) fn store(
    options: &IngestOptions,
    articles: Vec<(String, String, Generated)>,
    old: &Manifest,
    failed_seeds: &[String],
    organizations: BTreeMap<String, String>,
    report: &mut IngestReport,
) {
    let mut manifest = Manifest {
        organizations,
        ..Manifest::default()
    };
    for seed in failed_seeds {
        if let Some(entry) = old.entries.get(seed) {
            manifest.entries.insert(seed.clone(), entry.clone());
        }
    }
    let mut renamed = Renamed::default();
    for (seed, output, mut article) in articles {
        report.diagnostics.append(&mut article.warnings);
        let previous = old.entries.get(&seed);
        let moved = previous.and_then(|entry| {
            let moved = renamed.find(&options.root, &seed, entry)?;
            Some((entry, moved))
        });
        if let Some((entry, moved)) = moved {
            report
                .diagnostics
                .push(moved_away(&entry.output, &seed, &moved));
            report.skipped_edited.push(PathBuf::from(moved));
            // Kept as it was: the next run finds the renamed file again.
            manifest.entries.insert(seed, entry.clone());
            continue;
        }
        if let Some(entry) = store_one(options, &seed, &output, article, previous, report) {
            manifest.entries.insert(seed, entry);
        }
    }
    if !options.dry_run && manifest != *old {
        if let Err(err) = write_atomic(
            &options.root.join(MANIFEST_PATH),
            manifest.render().as_bytes(),
        ) {
            report.diagnostics.push(Diagnostic::error(
                "ingest/write",
                MANIFEST_PATH,
                err.to_string(),
            ));
        }
    }
}

/// Store one article; gives back the manifest entry to record for its seed.
fn store_one(
    options: &IngestOptions,
    seed: &str,
    output: &str,
    article: Generated,
    previous: Option<&Entry>,
    report: &mut IngestReport,
) -> Option<Entry> {
    if options.propose {
        report.proposed.push(super::report::Proposed {
            seed: seed.to_string(),
            output: PathBuf::from(output),
            text: article.text.clone(),
        });
    }
    if let Some(entry) = previous.filter(|e| e.accepted()) {
        // A person took the file over: never written, nothing to warn
        // about. Deleting it hands the seed back to ingest.
        if sitefs::check_file(&options.root, Path::new(&entry.output)).is_ok() {
            report.accepted.push(PathBuf::from(&entry.output));
            return Some(entry.clone());
        }
    }
    let previous = previous.filter(|e| !e.accepted());
    let recorded = previous
        .filter(|e| e.output == output)
        .map(|e| e.hash.as_str());
    let current = match sitefs::read(&options.root, Path::new(output), limits::CONTENT_FILE_BYTES) {
        Ok(bytes) => Some(bytes),
        Err(err) if err.is_not_found() => None,
        Err(err) => {
            // A link out of the site, a folder, an oversized file: never
            // read through, never replaced.
            let path = options.root.join(output);
            report
                .diagnostics
                .push(sitefs::skipped(&options.root, &path, &err));
            report.skipped_edited.push(PathBuf::from(output));
            return previous.cloned();
        }
    };
    let new = article.text.into_bytes();
    let action = decide(current.as_deref(), recorded, &new, options.force);
    if action == Action::Keep {
        report
            .diagnostics
            .push(kept(output, seed, recorded.is_some()));
        report.skipped_edited.push(PathBuf::from(output));
        // Keep the old record, so the edited file stays protected.
        return previous.cloned();
    }
    if let Some(stale) = previous.filter(|e| e.output != output) {
        if !retire(options, stale, report) {
            return Some(stale.clone());
        }
    }
    if action == Action::Write {
        if let Err(diagnostic) = write(options, output, &new) {
            report.diagnostics.push(diagnostic);
            return previous.cloned();
        }
        report.written.push(PathBuf::from(output));
    } else {
        report.unchanged.push(PathBuf::from(output));
    }
    Some(Entry {
        output: output.to_string(),
        hash: hash(&new),
        ingested: article.ingested,
    })
}

/// The seed's article moved to a new name (its title or date changed).
/// Remove the old file if ingest's bytes are still there; if a person
/// edited it, keep it and do not write a second copy. Returns whether the
/// new file may be written.
fn retire(options: &IngestOptions, stale: &Entry, report: &mut IngestReport) -> bool {
    let path = options.root.join(&stale.output);
    if let Err(err) = sitefs::check_writable(&options.root, Path::new(&stale.output)) {
        report
            .diagnostics
            .push(sitefs::skipped(&options.root, &path, &err));
        return false;
    }
    let Ok(current) = sitefs::read(
        &options.root,
        Path::new(&stale.output),
        limits::CONTENT_FILE_BYTES,
    ) else {
        return true;
    };
    if hash(&current) != stale.hash && !options.force {
        report.diagnostics.push(kept(&stale.output, "", true));
        report.skipped_edited.push(PathBuf::from(&stale.output));
        return false;
    }
    if !options.dry_run {
        if let Err(err) = std::fs::remove_file(&path) {
            report.diagnostics.push(Diagnostic::error(
                "ingest/write",
                &stale.output,
                format!("cannot remove the article's previous file: {err}"),
            ));
        }
    }
    true
}

fn write(options: &IngestOptions, output: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
    if options.dry_run {
        return Ok(());
    }
    sitefs::check_writable(&options.root, Path::new(output)).map_err(|err| {
        Diagnostic::error("ingest/write", Path::new(output), err.to_string()).with_help(err.help())
    })?;
    write_atomic(&options.root.join(output), bytes)
        .map_err(|err| Diagnostic::error("ingest/write", Path::new(output), err.to_string()))
}

/// Articles a person renamed: the file ingest recorded for a seed is gone,
/// and another article names that seed as its `source.seed`. Ingest leaves
/// the renamed file as the seed's article instead of writing the old name
/// again (which would give two articles from one seed).
#[derive(Default)]
struct Renamed {
    /// Seed → the article file naming it, read once on first need.
    by_seed: Option<BTreeMap<String, String>>,
}

impl Renamed {
    fn find(&mut self, root: &Path, seed: &str, entry: &Entry) -> Option<String> {
        if sitefs::check_file(root, Path::new(&entry.output)).is_ok() {
            return None;
        }
        let by_seed = self.by_seed.get_or_insert_with(|| articles_by_seed(root));
        by_seed
            .get(seed)
            .filter(|path| **path != entry.output)
            .cloned()
    }
}

/// Every article under `content/articles/` by the seed its front matter
/// names (the first file in name order, for a seed two files name).
fn articles_by_seed(root: &Path) -> BTreeMap<String, String> {
    use crate::content::front_matter::{split, ArticleFrontMatter};
    let mut by_seed = BTreeMap::new();
    for path in sitefs::walk(root, Path::new("content/articles")).files {
        let Ok(relative) = path.strip_prefix(root) else {
            continue;
        };
        let Ok(bytes) = sitefs::read(root, relative, limits::CONTENT_FILE_BYTES) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        let front = split(&text)
            .ok()
            .and_then(|parts| crate::yaml::from_str::<ArticleFrontMatter>(parts.yaml).ok());
        if let Some(seed) = front.and_then(|f| f.source.seed) {
            let relative = relative.to_string_lossy().replace('\\', "/");
            by_seed.entry(seed).or_insert(relative);
        }
    }
    by_seed
}

fn moved_away(recorded: &str, seed: &str, moved: &str) -> Diagnostic {
    Diagnostic::warning(
        "ingest/renamed",
        moved,
        format!("{moved} is the article of {seed}, renamed from {recorded}; ingest left it as is and did not write {recorded} again"),
    )
    .with_help(format!(
        "nothing to do if the rename was meant; to have ingest write its own file again, delete {moved} (its edits are lost)"
    ))
}

fn kept(output: &str, seed: &str, edited: bool) -> Diagnostic {
    let why = if edited {
        "was edited by hand since ingest wrote it"
    } else {
        "exists but was not written by ingest"
    };
    let from = if seed.is_empty() {
        String::new()
    } else {
        format!(" from {seed}")
    };
    Diagnostic::warning(
        "ingest/edited",
        output,
        format!("{output} {why}; it was left as is"),
    )
    .with_help(format!(
        "to keep the edits and stop this warning, run `briefing ingest --accept {output}` (ingest then never writes it); `briefing ingest --diff {output}` shows what regenerating it{from} would change; `briefing ingest --force` regenerates it and discards the edits"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions() {
        let new = b"new";
        assert_eq!(decide(None, None, new, false), Action::Write);
        assert_eq!(decide(Some(b"new"), None, new, false), Action::Unchanged);
        let ours = hash(b"old");
        assert_eq!(decide(Some(b"old"), Some(&ours), new, false), Action::Write);
        assert_eq!(
            decide(Some(b"edited"), Some(&ours), new, false),
            Action::Keep
        );
        assert_eq!(
            decide(Some(b"hand-written"), None, new, false),
            Action::Keep
        );
        assert_eq!(
            decide(Some(b"edited"), Some(&ours), new, true),
            Action::Write
        );
    }

    #[test]
    fn paths_are_unique_in_seed_order() {
        let article = || Generated {
            stem: "2024-01-01-same".into(),
            ingested: None,
            text: String::new(),
            warnings: vec![],
            organizations: vec![],
        };
        let paths = assign_paths(
            vec![
                ("seeds/a.txt".into(), article()),
                ("seeds/b.txt".into(), article()),
            ],
            BTreeSet::new(),
        );
        assert_eq!(paths[0].1, "content/articles/2024-01-01-same.md");
        assert_eq!(paths[1].1, "content/articles/2024-01-01-same-2.md");
    }

    #[test]
    fn reserved_paths_are_not_handed_out() {
        let article = Generated {
            stem: "2024-01-01-same".into(),
            ingested: None,
            text: String::new(),
            warnings: vec![],
            organizations: vec![],
        };
        let reserved = BTreeSet::from(["content/articles/2024-01-01-same.md".to_string()]);
        let paths = assign_paths(vec![("seeds/b.txt".into(), article)], reserved);
        assert_eq!(paths[0].1, "content/articles/2024-01-01-same-2.md");
    }
}
