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
use crate::search::{doc_path, Counted, Feed, Kept};
use rayon::prelude::*;

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
    // Only articles whose result file is there to keep (hard links, made
    // in parallel: one for each unchanged article).
    let keep = |i: usize| staging.keep(&doc_path(&library.articles[i].slug));
    let Some(articles) = parse(&payload, now, library, keep, |name| feed.id(name)) else {
        return 0;
    };
    let known = articles.len();
    feed.known(articles);
    known
}

/// Each article of `library` (by number) whose file digest is the one kept
/// with its terms and that `keep` keeps (asked once the whole payload has
/// read), with those terms, numbered by `id` (asked once for each term an
/// article kept has); `None` unless the whole payload reads.
///
/// The payload holds the postings term by term; they are read twice, to
/// count each article's terms and then to fill lists made to measure
/// (growing a list for each of 100,000 articles a posting at a time was
/// most of a rebuild's time at that size).
fn parse<'p>(
    payload: &'p [u8],
    now: &Inputs,
    library: &Library,
    keep: impl Fn(usize) -> bool + Sync,
    mut id: impl FnMut(&'p str) -> u32,
) -> Option<Vec<(usize, Counted)>> {
    let mut reader = Reader::new(payload);
    let at = listed(&mut reader, now, library)?;
    let postings = reader;
    let mut lengths = vec![0usize; library.articles.len()];
    let mut reader = postings.clone();
    // A term named twice would give an article the term twice.
    let mut names = std::collections::HashSet::new();
    let mut named_twice = false;
    let mut term = usize::MAX;
    each_posting(&mut reader, at.len(), |posting| {
        if std::mem::replace(&mut term, posting.term) != posting.term {
            named_twice |= !names.insert(posting.name);
        }
        if let Some(i) = at[posting.article] {
            lengths[i] += 1;
        }
    })?;
    if named_twice || !reader.is_empty() {
        return None;
    }
    // Each kept article's lists, made to length.
    let mut terms: Vec<Option<Counted>> = (at.par_iter())
        .map(|i| {
            let i = (*i).filter(|i| keep(*i))?;
            Some(Counted {
                terms: Vec::with_capacity(lengths[i]),
                scores: Vec::with_capacity(lengths[i]),
            })
        })
        .collect();
    let mut reader = postings;
    // The number `id` gave the term being read, once an article kept has it.
    let mut numbered: (usize, Option<u32>) = (usize::MAX, None);
    each_posting(&mut reader, at.len(), |posting| {
        let Some(counted) = terms[posting.article].as_mut() else {
            return;
        };
        if numbered.0 != posting.term {
            numbered = (posting.term, None);
        }
        let term = *numbered.1.get_or_insert_with(|| id(posting.name));
        counted.terms.push(term);
        counted.scores.push(posting.score);
    })?;
    Some(
        (at.into_iter().zip(terms))
            .filter_map(|(i, counted)| Some((i?, counted?)))
            .collect(),
    )
}

/// Each article the payload lists: its number in `library` when its file
/// is unchanged (the digest kept is the one now), otherwise `None`; `None`
/// for the whole when the list does not read or names a file twice.
fn listed(reader: &mut Reader<'_>, now: &Inputs, library: &Library) -> Option<Vec<Option<usize>>> {
    let digests = now
        .file_digests()
        .collect::<std::collections::HashMap<_, _>>();
    let count = reader.usize()?;
    let mut at = Vec::with_capacity(count.min(library.articles.len()));
    let mut seen = vec![false; library.articles.len()];
    for _ in 0..count {
        let path = std::str::from_utf8(reader.field()?).ok()?;
        let digest = reader.digest()?;
        let unchanged = digests.get(path) == Some(&&digest);
        let i = unchanged
            .then(|| library.article_at(Path::new(path)))
            .flatten();
        // One file listed twice: not a payload a build wrote.
        if i.is_some_and(|i| std::mem::replace(&mut seen[i], true)) {
            return None;
        }
        at.push(i);
    }
    Some(at)
}

/// One posting of the payload.
struct Posting<'p> {
    /// The term's number in the payload, and its name.
    term: usize,
    name: &'p str,
    score: u8,
    /// The article's number in the payload's list.
    article: usize,
}

/// Call `each` for every posting of the payload's terms, in order; `None`
/// when they do not read, name an article past the `articles` listed, or
/// name one article twice for a term (a gap of 0 after the first).
fn each_posting<'p>(
    reader: &mut Reader<'p>,
    articles: usize,
    mut each: impl FnMut(Posting<'p>),
) -> Option<()> {
    let term_count = reader.usize()?;
    for term in 0..term_count {
        let name = std::str::from_utf8(reader.field()?).ok()?;
        let postings = reader.varint()?;
        let mut article = 0u64;
        for n in 0..postings {
            let gap = reader.varint()?;
            if n > 0 && gap == 0 {
                return None;
            }
            article = article.checked_add(gap)?;
            let score = *reader.bytes(1)?.first()?;
            let article = usize::try_from(article).ok().filter(|a| *a < articles)?;
            each(Posting {
                term,
                name,
                score,
                article,
            });
        }
    }
    Some(())
}

#[cfg(test)]
mod tests;
