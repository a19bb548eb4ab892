//! Ingest stage: raw seeds in `seeds/` become annotated Markdown in
//! `content/articles/`.
//!
//! Takes the site root; reads `seeds/*.txt` in sorted order and, in
//! parallel, decodes (`seed`), cleans (`clean`), reads metadata (`meta`),
//! annotates (`extract`, with the registries as `gazetteer`) and renders
//! (`emit`) each one; then writes the articles in seed order (`store`),
//! never over a file a person edited, recording what it wrote in a
//! manifest (`manifest`). Gives back an [`IngestReport`].

pub(crate) mod accept;
mod article;
mod clean;
mod clock;
pub(crate) mod document;
mod emit;
pub(crate) mod extract;
#[cfg(test)]
mod fuzz_tests;
pub(crate) mod gazetteer;
pub(crate) mod invariants;
mod manifest;
/// Writing a file whole or not at all; the build record uses it too.
pub(crate) use manifest::write_atomic;
mod meta;
#[cfg(test)]
pub(crate) mod properties;
mod registry;
mod report;
mod seed;
mod store;
pub(crate) mod text;

pub use report::{IngestOptions, IngestReport, Proposed};

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::content::date::PartialDate;
use crate::content::entity::Registries;
use crate::diag::Diagnostic;

/// Ingest every seed under `options.root`. Deterministic: the same seeds
/// and registries give byte-identical files. A seed that fails is reported
/// by name and the others are still ingested.
pub fn run(options: &IngestOptions) -> IngestReport {
    run_selected(options, None)
}

/// Ingest only `seeds` (paths relative to the root, `seeds/x.txt`), with the
/// same protection of hand-edited articles; every other seed's manifest
/// record is kept as it is. `serve` calls this when one seed changes.
/// Files the manifest gives to other seeds are not handed out again, so a
/// seed sharing a `<date>-<slug>` stem keeps the `-2` name a full run gave it.
pub fn run_seeds(options: &IngestOptions, seeds: &[PathBuf]) -> IngestReport {
    let wanted: Vec<String> = seeds
        .iter()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    run_selected(options, Some(&wanted))
}

fn run_selected(options: &IngestOptions, only: Option<&[String]>) -> IngestReport {
    let mut report = IngestReport::default();
    let all = list_seeds(&options.root, &mut report.diagnostics);
    // Unselected seeds are carried over like failed ones: their records stay.
    let (seeds, mut failed): (Vec<String>, Vec<String>) = match only {
        Some(only) => all.into_iter().partition(|s| only.contains(s)),
        None => (all, Vec::new()),
    };
    if seeds.is_empty() {
        return report;
    }
    let old = match manifest::Manifest::load(&options.root) {
        Ok((old, mut errors)) => {
            report.diagnostics.append(&mut errors);
            old
        }
        Err(err) => {
            report.diagnostics.push(Diagnostic::warning(
                "ingest/manifest",
                manifest::MANIFEST_PATH,
                format!("cannot read the ingest manifest ({err}); every existing article is treated as hand-written"),
            ).with_help(err.help()));
            manifest::Manifest::default()
        }
    };
    // Registry problems are reported by the content stage, once.
    let (mut registries, _) = Registries::load(&options.root);
    let rejected = registry::rejected(&options.root, &old);
    let gazetteer = |registries: &Registries| {
        gazetteer::Gazetteer::new(registries).with_rejected(rejected.iter().copied())
    };
    let today = clock::today();
    let mut results = generate_all(options, &seeds, &old, today, &gazetteer(&registries));
    let additions = registry::additions(&results.0);
    if !additions.is_empty() {
        // Annotate again with the new entries in the registry, so every
        // article links them exactly as the next run will.
        registries
            .organizations
            .extend(additions.iter().map(registry::entity));
        registries.organizations.sort_by(|a, b| a.slug.cmp(&b.slug));
        results = generate_all(options, &seeds, &old, today, &gazetteer(&registries));
    }
    let (generated, errors) = results;
    for (seed, diagnostic) in errors {
        report.diagnostics.push(diagnostic);
        failed.push(seed);
    }
    let mut organizations = old.organizations.clone();
    registry::write(
        &options.root,
        options.dry_run,
        &additions,
        &mut organizations,
        &mut report,
    );
    // A seed carried over keeps its file: no selected seed may take it.
    let reserved = failed
        .iter()
        .filter_map(|seed| old.entries.get(seed))
        .map(|entry| entry.output.clone())
        .collect();
    store::store(
        options,
        store::assign_paths(generated, reserved),
        &old,
        &failed,
        organizations,
        &mut report,
    );
    report
}

/// Generated articles (in seed order) and the seeds that failed.
type Results = (Vec<(String, article::Generated)>, Vec<(String, Diagnostic)>);

/// Generate every seed in parallel against one gazetteer.
fn generate_all(
    options: &IngestOptions,
    seeds: &[String],
    old: &manifest::Manifest,
    today: PartialDate,
    gazetteer: &gazetteer::Gazetteer,
) -> Results {
    let results: Vec<(String, Result<article::Generated, Diagnostic>)> = seeds
        .par_iter()
        .map(|seed| {
            // An undated article keeps the day ingest first wrote it.
            let day = old
                .entries
                .get(seed)
                .and_then(|entry| entry.ingested)
                .unwrap_or(today);
            (seed.clone(), generate(&options.root, seed, gazetteer, day))
        })
        .collect();
    let mut generated = Vec::new();
    let mut failed = Vec::new();
    for (seed, result) in results {
        match result {
            Ok(article) => generated.push((seed, article)),
            Err(diagnostic) => failed.push((seed, diagnostic)),
        }
    }
    (generated, failed)
}

fn generate(
    root: &Path,
    seed: &str,
    gazetteer: &gazetteer::Gazetteer,
    today: PartialDate,
) -> Result<article::Generated, Diagnostic> {
    let decoded = seed::read(root, Path::new(seed)).map_err(|err| {
        Diagnostic::error("ingest/unreadable-seed", seed, format!("{seed}: {err}")).with_help(
            "save the seed as UTF-8 text (UTF-16 and EUC-KR/CP949 are also read), under 2 MiB",
        )
    })?;
    // A bug in one seed's extraction must not cost the other seeds their
    // articles: report it against the seed, like any unreadable seed.
    let encoding_note = decoded.note.map(|note| {
        Diagnostic::warning("ingest/encoding", seed, format!("{seed}: {note}"))
            .with_help("check the article's text; save the seed as UTF-8 to silence this warning")
    });
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        article::generate(seed, &decoded.text, gazetteer, today)
    }))
    .map(|generated| {
        generated.map(|mut article| {
            article.warnings.extend(encoding_note);
            article
        })
    })
    .unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("unknown panic");
        Err(Diagnostic::error(
            "ingest/internal",
            seed,
            format!("{seed}: ingest failed on this seed: {what}"),
        )
        .with_help("this is a bug in briefing; please report it with the seed attached"))
    })
}

/// `seeds/*.txt`, relative to the root with `/` separators, sorted. No
/// `seeds/` folder means nothing to ingest. A `*.txt` entry that is no
/// regular file (a folder, a pipe, a link out of the site) or whose name is
/// not UTF-8 is skipped with a warning naming it.
fn list_seeds(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<String> {
    let dir = root.join("seeds");
    if let Err(err) = crate::sitefs::check_writable(root, Path::new("seeds/x")) {
        diagnostics.push(crate::sitefs::skipped(root, &dir, &err));
        return Vec::new();
    }
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Vec::new(),
        Err(err) => {
            diagnostics.push(Diagnostic::error(
                "ingest/unreadable-seed",
                "seeds",
                format!("cannot list seeds/: {err}"),
            ));
            return Vec::new();
        }
    };
    let mut seeds = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            let shown = name.to_string_lossy();
            if shown.ends_with(".txt") {
                diagnostics.push(
                    Diagnostic::warning(
                        "ingest/skipped-seed",
                        format!("seeds/{shown}"),
                        format!(
                            "seeds/{shown}: the file name is not valid UTF-8; the seed was skipped"
                        ),
                    )
                    .with_help("rename the seed to a UTF-8 name, e.g. `briefing-2024-05-01.txt`"),
                );
            }
            continue;
        };
        if !name.ends_with(".txt") || name.starts_with('.') {
            continue;
        }
        let relative = format!("seeds/{name}");
        let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
        let is_file = std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file());
        if is_link || !is_file {
            // A link inside the site to a regular file is read like one.
            if let Err(err) = crate::sitefs::check_file(root, Path::new(&relative)) {
                let mut skipped = crate::sitefs::skipped(root, &entry.path(), &err);
                skipped.code = "ingest/skipped-seed";
                diagnostics.push(skipped);
                continue;
            }
        }
        seeds.push(relative);
    }
    seeds.sort();
    seeds
}
