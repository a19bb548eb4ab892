//! Ingest, handing an article over: a person takes an ingested article over
//! (`briefing ingest --accept FILE`), or first sees what regenerating it
//! would change (`briefing ingest --diff FILE`).
//!
//! Takes the site root and the files named on the command line; `accept`
//! records each file as `accepted` in the manifest (ingest never writes an
//! accepted file again, and nothing warns about it), `diff` runs ingest for
//! the file's seed without writing and gives back a unified diff. A file is
//! found through the manifest, or else through its own `source.seed`.

use std::path::{Path, PathBuf};

use super::manifest::{is_plain_file, write_atomic, Entry, Manifest, ACCEPTED, MANIFEST_PATH};
use super::report::IngestOptions;
use crate::content::front_matter::{split, ArticleFrontMatter};
use crate::diag::Diagnostic;
use crate::{limits, sitefs};

/// Record every file in `files` as accepted; gives back the files accepted
/// (site-relative), or every problem (then nothing is recorded).
pub(crate) fn accept(root: &Path, files: &[PathBuf]) -> Result<Vec<String>, Vec<Diagnostic>> {
    let mut manifest = load(root)?;
    let mut accepted = Vec::new();
    let mut errors = Vec::new();
    for given in files {
        match article_of(root, &manifest, given) {
            Ok((seed, output)) => {
                let ingested = manifest.entries.get(&seed).and_then(|e| e.ingested);
                let entry = Entry {
                    output: output.clone(),
                    hash: ACCEPTED.to_string(),
                    ingested,
                };
                manifest.entries.insert(seed, entry);
                accepted.push(output);
            }
            Err(err) => errors.push(err),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    write_atomic(&root.join(MANIFEST_PATH), manifest.render().as_bytes()).map_err(|err| {
        vec![Diagnostic::error(
            "ingest/write",
            MANIFEST_PATH,
            err.to_string(),
        )]
    })?;
    Ok(accepted)
}

/// What regenerating `file` from its seed would change: a unified diff from
/// the file as it is to what ingest would write (empty when nothing
/// changes), and where ingest would write it. Writes nothing.
pub(crate) fn diff(root: &Path, file: &Path) -> Result<(String, String), Vec<Diagnostic>> {
    let manifest = load(root)?;
    let (seed, output) = article_of(root, &manifest, file).map_err(|err| vec![err])?;
    let options = IngestOptions {
        dry_run: true,
        propose: true,
        ..IngestOptions::new(root)
    };
    let report = super::run_seeds(&options, &[PathBuf::from(&seed)]);
    let Some(proposed) = report.proposed.into_iter().find(|p| p.seed == seed) else {
        let errors: Vec<Diagnostic> = report
            .diagnostics
            .into_iter()
            .filter(|d| d.severity == crate::diag::Severity::Error)
            .collect();
        return Err(errors);
    };
    let current = read(root, &output).map_err(|err| vec![err])?;
    let regenerated = proposed.output.to_string_lossy().replace('\\', "/");
    let text = similar::TextDiff::from_lines(&current, &proposed.text)
        .unified_diff()
        .context_radius(2)
        .header(&output, &format!("{regenerated} (regenerated from {seed})"))
        .to_string();
    let changed = if current == proposed.text {
        String::new()
    } else {
        text
    };
    Ok((changed, regenerated))
}

fn load(root: &Path) -> Result<Manifest, Vec<Diagnostic>> {
    let (manifest, errors) = Manifest::load(root).map_err(|err| {
        vec![
            Diagnostic::error("ingest/manifest", MANIFEST_PATH, err.to_string())
                .with_help(err.help()),
        ]
    })?;
    if errors.is_empty() {
        Ok(manifest)
    } else {
        Err(errors)
    }
}

/// The seed and site-relative path of the ingested article `given` names.
fn article_of(
    root: &Path,
    manifest: &Manifest,
    given: &Path,
) -> Result<(String, String), Diagnostic> {
    let output = site_relative(root, given);
    let not_ingested =
        |why: &str| Diagnostic::error("ingest/not-ingested", &output, format!("{output} {why}"));
    if !is_plain_file(&output, "content/articles/", ".md") {
        return Err(not_ingested("is not an article file (`content/articles/<name>.md`)")
            .with_help("name the article's file as `briefing check` shows it, e.g. content/articles/2024-03-11-x.md"));
    }
    let text = read(root, &output)?;
    if let Some((seed, _)) = manifest.entries.iter().find(|(_, e)| e.output == output) {
        return Ok((seed.clone(), output));
    }
    let seed = split(&text)
        .ok()
        .and_then(|parts| crate::yaml::from_str::<ArticleFrontMatter>(parts.yaml).ok())
        .and_then(|front| front.source.seed)
        .filter(|seed| is_plain_file(seed, "seeds/", ".txt"))
        .filter(|seed| sitefs::check_file(root, Path::new(seed)).is_ok());
    seed.map(|seed| (seed, output.clone())).ok_or_else(|| {
        not_ingested("was not written by ingest and names no seed in `source.seed`").with_help(
            "ingest never writes a file it did not write, so there is nothing to accept or compare",
        )
    })
}

fn read(root: &Path, output: &str) -> Result<String, Diagnostic> {
    sitefs::read(root, Path::new(output), limits::CONTENT_FILE_BYTES)
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .map_err(|err| {
            Diagnostic::error(
                "ingest/not-ingested",
                output,
                format!("cannot read {output}: {err}"),
            )
            .with_help(err.help())
        })
}

/// `given` relative to the site root, `/`-separated: as written when it is
/// a path inside the root, else resolved from the current folder.
fn site_relative(root: &Path, given: &Path) -> String {
    let inside = if given.is_relative() && root.join(given).exists() {
        given.to_path_buf()
    } else {
        let canonical = |p: &Path| std::fs::canonicalize(p).ok();
        match (canonical(given), canonical(root)) {
            (Some(file), Some(root)) => file
                .strip_prefix(&root)
                .map(Path::to_path_buf)
                .unwrap_or_else(|_| given.to_path_buf()),
            _ => given.to_path_buf(),
        }
    };
    let text = inside.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").unwrap_or(&text).to_string()
}
