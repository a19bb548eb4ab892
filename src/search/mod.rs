//! Search stage: the library → the files of a static search index.
//!
//! Takes a [`Library`]; gives back the index as files under the search
//! page's folder, for `build` to write through its staging folder and
//! `serve` to hold in memory. The records come from the library
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

pub(crate) mod records;
pub(crate) mod terms;

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::sync::Mutex;

use rayon::prelude::*;
use serde::Serialize;

use crate::content::library::Library;
use crate::output::RenderedPage;
use crate::render::plan::SEARCH;
use records::Record;

/// How much a word counts where it is found: a title word most, a name or
/// alias of what the briefing mentions more than a word of its body.
const TITLE: u32 = 8;
const NAMES: u32 = 4;
const SUMMARY: u32 = 2;
const BODY: u32 = 1;
/// Scores stop here: a word repeated fifty times is not fifty times as apt.
const MAX_SCORE: u32 = 99;

/// Shards are sized for about this many bytes each (a common word's
/// postings can make one larger).
const SHARD_BYTES: usize = 32 * 1024;
/// At most this many shards.
const MAX_SHARDS: usize = 4096;

/// Articles scored at once, in parallel, before their terms join the
/// postings: only one batch's term lists are held at a time.
const BATCH: usize = 256;

/// The index of every article of `library`: files under the search
/// folder, sorted by path. Nothing when the site turned search off.
pub(crate) fn index(library: &Library) -> Vec<RenderedPage> {
    let Some(index) = Index::new(library) else {
        return Vec::new();
    };
    let files = Mutex::new(Vec::new());
    let put = |file: RenderedPage| {
        files.lock().expect("no panic holds it").push(file);
        Ok::<(), std::convert::Infallible>(())
    };
    let Ok(()) = index.write(put);
    let mut files = files.into_inner().expect("no panic holds it");
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// The index before its files are made: the records and the postings.
/// `build` [`writes`](Index::write) each file as it is made, so the result
/// files (each article's text) are never all held at once.
pub(crate) struct Index<'a> {
    records: Vec<Record<'a>>,
    /// Term → `[article, score, …]`, articles in order.
    postings: HashMap<Cow<'a, str>, Vec<u32>>,
    shards: u32,
}

impl<'a> Index<'a> {
    /// The records and postings of `library`; none when the site turned
    /// search off.
    pub(crate) fn new(library: &'a Library) -> Option<Index<'a>> {
        if !library.config.search {
            return None;
        }
        let records = records::records(library);
        let mut postings: HashMap<Cow<'a, str>, Vec<u32>> = HashMap::new();
        let mut count = 0;
        for (n, batch) in records.chunks(BATCH).enumerate() {
            let scored: Vec<Vec<(Cow<'a, str>, u32)>> = batch.par_iter().map(score).collect();
            for (i, terms) in scored.into_iter().enumerate() {
                let article = (n * BATCH + i) as u32;
                count += terms.len();
                for (term, score) in terms {
                    postings.entry(term).or_default().extend([article, score]);
                }
            }
        }
        Some(Index {
            records,
            postings,
            shards: shard_count(count),
        })
    }

    /// Make each file of the index and hand it to `put` (from many
    /// threads, in no set order); the first error `put` gives.
    pub(crate) fn write<E: Send>(
        self,
        put: impl Fn(RenderedPage) -> Result<(), E> + Sync,
    ) -> Result<(), E> {
        self.records.par_iter().try_for_each(|r| put(doc(r)))?;
        put(meta(&self.records, self.shards))?;
        shards(self.postings, self.shards)
            .into_par_iter()
            .enumerate()
            .try_for_each(|(n, mut terms)| {
                terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
                put(RenderedPage {
                    path: format!("{SEARCH}terms/{n}.json"),
                    contents: shard_json(&terms).into_bytes(),
                })
            })
    }
}

/// Each term of a record with its score, sorted by term.
fn score<'a>(record: &Record<'a>) -> Vec<(Cow<'a, str>, u32)> {
    let mut scores: HashMap<Cow<'a, str>, u32> = HashMap::new();
    let mut add = |text: &'a str, weight: u32| {
        terms::terms(text, |term| *scores.entry(term).or_default() += weight);
    };
    add(record.title, TITLE);
    for name in &record.names {
        add(name, NAMES);
    }
    if let Some(summary) = record.summary {
        add(summary, SUMMARY);
    }
    add(record.body, BODY);
    let mut scored: Vec<(Cow<'a, str>, u32)> = scores
        .into_iter()
        .map(|(term, score)| (term, score.min(MAX_SCORE)))
        .collect();
    scored.sort_unstable();
    scored
}

fn shard_count(postings: usize) -> u32 {
    // About six bytes a posting: a gap, a score, two commas.
    let bytes = postings * 6;
    let wanted = bytes.div_ceil(SHARD_BYTES).next_power_of_two();
    wanted.clamp(1, MAX_SHARDS) as u32
}

/// The postings cut into `count` shards, each's terms in no set order.
type Shard<'a> = Vec<(Cow<'a, str>, Vec<u32>)>;

fn shards(postings: HashMap<Cow<'_, str>, Vec<u32>>, count: u32) -> Vec<Shard<'_>> {
    let mut by_shard: Vec<Shard<'_>> = (0..count).map(|_| Vec::new()).collect();
    for (term, list) in postings {
        by_shard[terms::shard(&term, count) as usize].push((term, list));
    }
    by_shard
}

/// `{"term":[gap,score,…],…}`. Terms are letters and digits only, so they
/// need no escaping.
fn shard_json(terms: &[(Cow<'_, str>, Vec<u32>)]) -> String {
    let mut json = String::from("{");
    for (i, (term, list)) in terms.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        let _ = write!(json, "\"{term}\":[");
        let mut previous = 0;
        for (j, pair) in list.chunks_exact(2).enumerate() {
            if j > 0 {
                json.push(',');
            }
            let _ = write!(json, "{},{}", pair[0] - previous, pair[1]);
            previous = pair[0];
        }
        json.push(']');
    }
    json.push('}');
    json
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

fn meta(records: &[Record<'_>], shards: u32) -> RenderedPage {
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
    RenderedPage {
        path: format!("{SEARCH}meta.json"),
        contents: serde_json::to_vec(&meta).expect("plain data serializes"),
    }
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
