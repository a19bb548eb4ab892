//! The search index's terms as the last build into an output folder made
//! them: after article edits alone, an unchanged article's body is not
//! read, its words not extracted and counted again, and its result file
//! (`search/docs/<slug>.json`) is kept from the previous output.
//!
//! `.briefing-cache/<output>.search`, beside the output's build record
//! (`reuse`), is stamped with the digest of the inputs of the build that
//! wrote it. It is used only when the output folder is exactly what that
//! build left (its record matched: `reuse::previous`) and only article
//! files changed since (`reuse::changed_articles`): then an article's
//! record, terms and result file are functions of its file's bytes alone
//! (the config, registries and binary are the same), and an article whose
//! file has the digest kept here has the terms kept here and the result
//! file the previous output holds. Every other article is indexed as in
//! a full build; the postings, shards and `meta.json` are made whole from
//! all of them, so the index is byte-identical to a full build's.
//!
//! The payload: the articles in the library's order (path, file digest),
//! then each term with its postings: `(article gap, score)`, the gap
//! from the article before (the first from 0).

use std::path::Path;

use super::super::reuse::{self, Digest, Inputs};
use super::super::BuildOptions;
use super::{Layout, Reader, Writer};
use crate::content::library::Library;
use crate::output::Staging;
use crate::search::{doc_path, Feed, Kept};

const LAYOUT: Layout = b"search 1\n";

/// `<output>.search`, named after the output folder as its record is.
fn name(options: &BuildOptions, output: &Path) -> Option<String> {
    let path = reuse::record_path(options, output)?.with_extension("search");
    Some(path.file_name()?.to_str()?.to_string())
}

/// Write the terms of `kept` (made by [`Kept::once_saved`] over `library`,
/// whose article files had the digests of `inputs`) for the next build
/// into `output`.
pub(crate) fn save(
    options: &BuildOptions,
    output: &Path,
    inputs: &Inputs,
    library: &Library,
    kept: &Kept,
) {
    let (Some(name), Some((names, postings))) = (name(options, output), kept.made()) else {
        return;
    };
    let Some(stamp) = super::stamp(LAYOUT, &[&inputs.digest]) else {
        return;
    };
    let digests = inputs
        .file_digests()
        .collect::<std::collections::HashMap<_, _>>();
    let mut out = Writer::default();
    out.u64(library.articles.len() as u64);
    for article in &library.articles {
        let path = article.path.to_str().unwrap_or_default();
        let Some(digest) = digests.get(path) else {
            return;
        };
        out.field(path.as_bytes());
        out.bytes.extend_from_slice(*digest);
    }
    out.u64(names.len() as u64);
    for (term, name) in names.iter().enumerate() {
        out.field(name.as_bytes());
        out.varint(postings.count(term as u32) as u64);
        let mut previous = 0;
        for (article, score) in postings.of(term as u32) {
            out.varint(u64::from(article - previous));
            out.bytes.push(score);
            previous = article;
        }
    }
    super::write(&options.root, &name, LAYOUT, &stamp, &out.bytes);
}

/// Hand `feed` the terms of every article of `library` whose file is the
/// one the last build into `output` indexed (that build's inputs digest:
/// `previous`; the digests now: `now`), keeping its result file from the
/// previous output through `staging`. How many were handed.
pub(crate) fn reuse(
    options: &BuildOptions,
    output: &Path,
    previous: &Digest,
    now: &Inputs,
    library: &Library,
    feed: &Feed<'_>,
    staging: &Staging<'_>,
) -> usize {
    let Some(stamp) = super::stamp(LAYOUT, &[previous]) else {
        return 0;
    };
    let Some(name) = name(options, output) else {
        return 0;
    };
    let limit = crate::limits::CACHE_FILE_BYTES;
    let Some(payload) = super::read(&options.root, &name, LAYOUT, &stamp, limit) else {
        return 0;
    };
    let Some((names, mut articles)) = parse(&payload, now, library) else {
        return 0;
    };
    // Only articles whose result file is there to keep.
    articles.retain(|(i, _)| staging.keep(&doc_path(&library.articles[*i].slug)));
    let known = articles.len();
    feed.known(&names, articles);
    known
}

/// The term names, and each article of `library` (by number) whose file
/// digest is the one kept with its terms; `None` unless the whole payload
/// reads.
#[allow(clippy::type_complexity)]
fn parse<'p>(
    payload: &'p [u8],
    now: &Inputs,
    library: &Library,
) -> Option<(Vec<&'p str>, Vec<(usize, Vec<(u32, u8)>)>)> {
    let digests = now
        .file_digests()
        .collect::<std::collections::HashMap<_, _>>();
    let mut reader = Reader::new(payload);
    let count = reader.usize()?;
    // Each kept article's number in `library`, when its file is unchanged.
    let mut at = Vec::with_capacity(count.min(payload.len() / 40));
    for _ in 0..count {
        let path = std::str::from_utf8(reader.field()?).ok()?;
        let digest = reader.digest()?;
        let unchanged = digests.get(path) == Some(&&digest);
        at.push(
            unchanged
                .then(|| library.article_at(Path::new(path)))
                .flatten(),
        );
    }
    let mut terms: Vec<Vec<(u32, u8)>> = vec![Vec::new(); library.articles.len()];
    let term_count = reader.usize()?;
    let mut names = Vec::with_capacity(term_count.min(payload.len()));
    for term in 0..term_count {
        names.push(std::str::from_utf8(reader.field()?).ok()?);
        let postings = reader.varint()?;
        let mut article = 0u64;
        for _ in 0..postings {
            article = article.checked_add(reader.varint()?)?;
            let score = *reader.bytes(1)?.first()?;
            if let Some(i) = *at.get(usize::try_from(article).ok()?)? {
                terms[i].push((u32::try_from(term).ok()?, score));
            }
        }
    }
    if !reader.is_empty() {
        return None;
    }
    let mut seen = vec![false; library.articles.len()];
    let mut known = Vec::new();
    for &i in at.iter().flatten() {
        // One file listed twice: not a payload a build wrote.
        if std::mem::replace(&mut seen[i], true) {
            return None;
        }
        known.push((i, std::mem::take(&mut terms[i])));
    }
    Some((names, known))
}

#[cfg(test)]
mod tests;
