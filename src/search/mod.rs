//! Search stage: the library → the files of a static search index.
//!
//! Takes a [`Library`]; gives back the index as files under the search
//! page's folder, for `build` to write through its staging folder and
//! `serve` to hold in memory; `serve` keeps what it indexed between edits
//! ([`Kept`]) and gets back only the files an edit changes, made by the
//! same code as a build's. The records come from the library
//! ([`records`]), never from written HTML; the same library gives the same
//! bytes. The browser (`themes/default/static/js/search.js`) reads:
//!
//! - `search/meta.json`: the shard count, the filter values (topics,
//!   organizations, places, years, each sorted) and one entry per article,
//!   newest first: `[slug, [topic], [organization], [place], year]`, the
//!   lists as positions in the filter values, the year or `null`.
//! - `search/terms/<n>.json`: shard `n` of the inverted index, term →
//!   `[article, score, article, score, …]`, articles as gaps from the one
//!   before (the first from 0), in order. A term's shard is a hash of its
//!   first characters ([`terms::shard`]), so a query fetches one shard per
//!   word, prefixes included.
//! - `search/docs/<slug>.json`: what a result shows (URL, title, language,
//!   date, publisher) and the text its excerpt is cut from.

pub(crate) mod postings;
pub(crate) mod records;
pub(crate) mod terms;

use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;

use rayon::prelude::*;
use serde::Serialize;

use crate::content::library::Library;
use crate::output::RenderedPage;
use crate::render::plan::SEARCH;
use postings::{Postings, QuickMap, Scored, Vocabulary};
use records::Record;

#[cfg(test)]
use postings::{MAX_SCORE, TITLE};

/// Shards are sized for about this many bytes each (a common word's
/// postings can make one larger).
const SHARD_BYTES: usize = 32 * 1024;
/// At most this many shards.
const MAX_SHARDS: usize = 4096;

/// Articles scored at once, in parallel, before their terms are numbered:
/// only one batch's term lists are held as text at a time.
const BATCH: usize = 256;

/// The index of every article of `library`: files under the search
/// folder, sorted by path. Nothing when the site turned search off.
#[cfg(test)]
pub(crate) fn index(library: &Library) -> Vec<RenderedPage> {
    let mut kept = Kept::once();
    let Some(index) = kept.update(library) else {
        return Vec::new();
    };
    let mut files = index.collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// What indexing keeps from one library to the next: the terms, and each
/// article's record (by fingerprint) and terms with their scores. A build
/// indexes once ([`Kept::once`]); `serve` keeps one for the session
/// ([`Kept::for_session`]), so an edit re-scores only the articles whose record
/// changed and gives back only the files whose bytes change.
#[derive(Default)]
pub(crate) struct Kept {
    /// Keep each article's terms for the next update.
    keep: bool,
    vocabulary: Vocabulary,
    articles: QuickMap<String, KeptArticle>,
    /// The articles' slugs in the order last written (their numbers in
    /// the postings).
    order: Vec<String>,
    shards: u32,
    /// Fingerprint of the `meta.json` last written.
    meta: Option<u64>,
}

struct KeptArticle {
    fingerprint: u64,
    scored: Scored,
}

/// The files of one update of the index, before they are made: `build`
/// lists their [`paths`](Index::paths) when it stages the output, then
/// [`writes`](Index::write) each as it is made, so the result files (each
/// article's text) are never all held at once.
pub(crate) struct Index<'a> {
    records: Vec<Record<'a>>,
    /// The records whose result file is made.
    docs: Vec<usize>,
    /// `meta.json`, when it changed.
    meta: Option<Vec<u8>>,
    postings: Postings,
    /// Each term's text, by number.
    names: Vec<&'a str>,
    /// The terms of each shard made, by shard number, in no set order.
    shards: Vec<(u32, Vec<u32>)>,
    /// Files of the last update that are no longer part of the index.
    pub(crate) gone: Vec<String>,
}

impl Kept {
    /// For one index, made whole: nothing is kept for a next update.
    pub(crate) fn once() -> Kept {
        Kept::default()
    }

    /// For a session: each update gives only the files that changed.
    pub(crate) fn for_session() -> Kept {
        Kept {
            keep: true,
            ..Kept::default()
        }
    }

    /// The index of `library`, as the files that changed since the last
    /// update (every file, the first time); none when the site turned
    /// search off (then nothing is kept either).
    pub(crate) fn update<'a>(&'a mut self, library: &'a Library) -> Option<Index<'a>> {
        if !library.config.search {
            *self = Kept {
                keep: self.keep,
                ..Kept::default()
            };
            return None;
        }
        let records = records::records(library);
        let stable = self.order.len() == records.len()
            && self.order.iter().zip(&records).all(|(o, r)| o == r.slug);
        let fingerprints: Vec<u64> = if self.keep {
            records.par_iter().map(fingerprint).collect()
        } else {
            Vec::new()
        };
        let docs: Vec<usize> = (0..records.len())
            .filter(|&i| {
                let kept = self.articles.get(records[i].slug);
                !self.keep || kept.is_none_or(|k| k.fingerprint != fingerprints[i])
            })
            .collect();
        // Each changed article's terms; those whose postings change.
        let mut fresh: Vec<Scored> = Vec::with_capacity(docs.len());
        let mut changed_terms: Vec<u32> = Vec::new();
        for batch in docs.chunks(BATCH) {
            let scored: Vec<_> = batch
                .par_iter()
                .map(|&i| postings::score(&records[i]))
                .collect();
            for (&i, terms) in batch.iter().zip(scored) {
                let scored = postings::number(&mut self.vocabulary, terms);
                if !self.keep {
                    fresh.push(scored);
                    continue;
                }
                let slug = records[i].slug;
                let article = KeptArticle {
                    fingerprint: fingerprints[i],
                    scored,
                };
                match self.articles.get_mut(slug) {
                    Some(old) => {
                        if stable {
                            old.scored
                                .differences(&article.scored, |t| changed_terms.push(t));
                        }
                        *old = article;
                    }
                    None => {
                        self.articles.insert(slug.to_string(), article);
                    }
                }
            }
        }
        let mut gone = Vec::new();
        if self.keep && self.articles.len() > records.len() {
            let now: std::collections::HashSet<&str> = records.iter().map(|r| r.slug).collect();
            self.articles.retain(|slug, _| {
                let keep = now.contains(slug.as_str());
                if !keep {
                    gone.push(doc_path(slug));
                }
                keep
            });
        }
        let postings = if self.keep {
            let lists: Vec<&Scored> = records
                .iter()
                .map(|r| &self.articles[r.slug].scored)
                .collect();
            Postings::new(&lists, self.vocabulary.len())
        } else {
            let lists: Vec<&Scored> = fresh.iter().collect();
            Postings::new(&lists, self.vocabulary.len())
        };
        drop(fresh);
        let count = postings.len();
        let shards = shard_count(count);
        let every_shard = !stable || shards != self.shards;
        gone.extend((shards..self.shards).map(shard_path));
        let meta = meta(&records, shards);
        let meta_print = fingerprint(&meta);
        let meta = (self.meta != Some(meta_print)).then_some(meta);
        self.meta = Some(meta_print);
        self.shards = shards;
        if !stable {
            self.order = records.iter().map(|r| r.slug.to_string()).collect();
        }
        let this: &'a Kept = self;
        let names = this.vocabulary.names();
        let mut wanted = vec![every_shard; shards as usize];
        for term in changed_terms {
            wanted[terms::shard(names[term as usize], shards) as usize] = true;
        }
        let mut by_shard: Vec<Vec<u32>> = vec![Vec::new(); shards as usize];
        for (term, name) in names.iter().enumerate() {
            let term = term as u32;
            if postings.has(term) {
                let shard = terms::shard(name, shards) as usize;
                if wanted[shard] {
                    by_shard[shard].push(term);
                }
            }
        }
        let shards = by_shard
            .into_iter()
            .enumerate()
            .filter(|(n, _)| wanted[*n])
            .map(|(n, terms)| (n as u32, terms))
            .collect();
        Some(Index {
            records,
            docs,
            meta,
            postings,
            names,
            shards,
            gone,
        })
    }
}

/// A fingerprint of `value`, to tell whether it changed.
fn fingerprint(value: &impl Hash) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

impl Index<'_> {
    /// The path of every file [`Index::write`] gives.
    pub(crate) fn paths(&self) -> Vec<String> {
        let docs = self.docs.iter().map(|&i| doc_path(self.records[i].slug));
        let meta = self.meta.iter().map(|_| format!("{SEARCH}meta.json"));
        let shards = self.shards.iter().map(|(n, _)| shard_path(*n));
        docs.chain(meta).chain(shards).collect()
    }

    /// Make each file of the index and hand it to `put` (from many
    /// threads, in no set order); the first error `put` gives.
    pub(crate) fn write<E: Send>(
        self,
        put: impl Fn(RenderedPage) -> Result<(), E> + Sync,
    ) -> Result<(), E> {
        let records = &self.records;
        self.docs
            .par_iter()
            .try_for_each(|&i| put(doc(&records[i])))?;
        if let Some(meta) = self.meta {
            put(RenderedPage {
                path: format!("{SEARCH}meta.json"),
                contents: meta,
            })?;
        }
        let (names, postings) = (&self.names, &self.postings);
        self.shards.into_par_iter().try_for_each(|(n, mut terms)| {
            terms.sort_unstable_by(|a, b| names[*a as usize].cmp(names[*b as usize]));
            put(RenderedPage {
                path: shard_path(n),
                contents: postings::shard_json(&terms, names, postings).into_bytes(),
            })
        })
    }

    /// Every file, made.
    pub(crate) fn collect(self) -> Vec<RenderedPage> {
        let files = Mutex::new(Vec::new());
        let put = |file: RenderedPage| {
            files.lock().expect("no panic holds it").push(file);
            Ok::<(), std::convert::Infallible>(())
        };
        let Ok(()) = self.write(put);
        files.into_inner().expect("no panic holds it")
    }
}

fn shard_path(n: u32) -> String {
    format!("{SEARCH}terms/{n}.json")
}

fn shard_count(postings: usize) -> u32 {
    // About six bytes a posting: a gap, a score, two commas.
    let bytes = postings * 6;
    let wanted = bytes.div_ceil(SHARD_BYTES).next_power_of_two();
    wanted.clamp(1, MAX_SHARDS) as u32
}

/// `meta.json`: see the module's header.
#[derive(Serialize)]
struct Meta<'a> {
    shards: u32,
    key_chars: usize,
    max_word_chars: usize,
    filters: Filters<'a>,
    docs: Vec<MetaDoc<'a>>,
}

/// `[slug, [topic], [organization], [place], year]`.
type MetaDoc<'a> = (&'a str, Vec<usize>, Vec<usize>, Vec<usize>, Option<i32>);

/// Filter values, sorted.
#[derive(Serialize)]
struct Filters<'a> {
    topic: Vec<&'a str>,
    organization: Vec<&'a str>,
    place: Vec<&'a str>,
    year: Vec<i32>,
}

fn meta(records: &[Record<'_>], shards: u32) -> Vec<u8> {
    let topic = sorted(records.iter().flat_map(|r| r.topics.iter().copied()));
    let organization = sorted(records.iter().flat_map(|r| r.organizations.iter().copied()));
    let place = sorted(records.iter().flat_map(|r| r.places.iter().copied()));
    let positions = |all: &[&str], these: &[&str]| -> Vec<usize> {
        let mut at: Vec<usize> = these
            .iter()
            .filter_map(|v| all.binary_search(v).ok())
            .collect();
        at.sort_unstable();
        at.dedup();
        at
    };
    let docs = records
        .iter()
        .map(|r| {
            (
                r.slug,
                positions(&topic, &r.topics),
                positions(&organization, &r.organizations),
                positions(&place, &r.places),
                r.year,
            )
        })
        .collect();
    let years: BTreeSet<i32> = records.iter().filter_map(|r| r.year).collect();
    let meta = Meta {
        shards,
        key_chars: terms::KEY_CHARS,
        max_word_chars: terms::MAX_WORD_CHARS,
        filters: Filters {
            year: years.into_iter().rev().collect(),
            topic,
            organization,
            place,
        },
        docs,
    };
    serde_json::to_vec(&meta).expect("plain data serializes")
}

/// Each value once, sorted.
fn sorted<'a>(values: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let set: BTreeSet<&str> = values.collect();
    set.into_iter().collect()
}

/// `docs/<slug>.json`: one result.
#[derive(Serialize)]
struct Doc<'a> {
    url: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    date: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    text: &'a str,
}

fn doc(record: &Record<'_>) -> RenderedPage {
    let doc = Doc {
        url: &record.url,
        title: record.title,
        lang: record.lang,
        date: &record.date,
        publisher: record.publisher,
        summary: record.summary,
        text: record.body,
    };
    RenderedPage {
        path: doc_path(record.slug),
        contents: serde_json::to_vec(&doc).expect("plain data serializes"),
    }
}

fn doc_path(slug: &str) -> String {
    format!("{SEARCH}docs/{slug}.json")
}

/// The postings of `term` in an index's files, decoded: `(article, score)`.
#[cfg(test)]
pub(crate) fn postings(files: &[RenderedPage], term: &str) -> Vec<(u32, u32)> {
    let meta = files
        .iter()
        .find(|f| f.path.ends_with("meta.json"))
        .unwrap();
    let meta: serde_json::Value = serde_json::from_slice(&meta.contents).unwrap();
    let shards = meta["shards"].as_u64().unwrap() as u32;
    let path = format!("{SEARCH}terms/{}.json", terms::shard(term, shards));
    let shard = files.iter().find(|f| f.path == path).unwrap();
    let shard: std::collections::BTreeMap<String, Vec<u32>> =
        serde_json::from_slice(&shard.contents).unwrap();
    let mut article = 0;
    shard.get(term).map_or_else(Vec::new, |list| {
        list.chunks(2)
            .map(|pair| {
                article += pair[0];
                (article, pair[1])
            })
            .collect()
    })
}

#[cfg(test)]
mod tests;
