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

pub(crate) mod count;
mod json;
pub(crate) mod postings;
pub(crate) mod records;
mod runs;
pub(crate) mod terms;

use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::Serialize;

use crate::content::library::Library;
use crate::diag::Diagnostic;
use crate::output::RenderedPage;
use crate::render::plan::SEARCH;
use count::Counters;
pub(crate) use postings::Counted;
use postings::{Postings, QuickMap, Scored, Vocabulary};
use records::Record;

#[cfg(test)]
use count::{MAX_SCORE, TITLE};

/// Shards are sized for about this many bytes each (a common word's
/// postings can make one larger).
const SHARD_BYTES: usize = 32 * 1024;
/// At most this many shards.
const MAX_SHARDS: usize = 4096;

/// Eight bytes read as one number (scanned a word at a time): 0x01 in
/// each byte, and each byte's high bit.
const ONES: u64 = u64::from_ne_bytes([1; 8]);
const HIGH: u64 = ONES * 0x80;

/// Articles scored at once, in parallel, before their terms are added to
/// the postings: only one batch's term lists are held at a time.
const BATCH: usize = 256;

/// The index of every article of `library`: files under the search
/// folder, sorted by path. Nothing when the site turned search off.
#[cfg(test)]
pub(crate) fn index(library: &Library) -> Vec<RenderedPage> {
    let Some(mut update) = Kept::once().files(library).expect("the bodies read") else {
        return Vec::new();
    };
    update.made.sort_by(|a, b| a.path.cmp(&b.path));
    update.made
}

/// The folders the index's files go in (each as a path inside it), for
/// `build` to make before it writes them.
pub(crate) fn folders() -> [String; 2] {
    [doc_path("-"), shard_path(0)]
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
    /// Keep the postings of the last update ([`Kept::made`]).
    save: bool,
    saved: Option<Postings>,
}

struct KeptArticle {
    fingerprint: u64,
    scored: Scored,
}

/// One update's files, made and held (tests compare them; `serve`
/// stores each as it is made instead).
#[cfg(test)]
pub(crate) struct Update {
    /// The files made, in no set order.
    pub(crate) made: Vec<RenderedPage>,
    /// Files of the last update that are no longer part of the index.
    pub(crate) gone: Vec<String>,
}

impl Kept {
    /// For one index, made whole: nothing is kept for a next update.
    #[cfg(test)]
    pub(crate) fn once() -> Kept {
        Kept::default()
    }

    /// For one index, made whole, whose terms are then read back
    /// ([`Kept::made`]) for the next build's cache (`build::cache::search`).
    pub(crate) fn once_saved() -> Kept {
        Kept {
            save: true,
            ..Kept::default()
        }
    }

    /// Each term of the last update with its postings, `(article,
    /// score)` in the order of the library's articles; `None` unless
    /// made by [`Kept::once_saved`].
    pub(crate) fn made(&self) -> Option<(Vec<&str>, &Postings)> {
        Some((self.vocabulary.names(), self.saved.as_ref()?))
    }

    /// For a session: each update gives only the files that changed.
    pub(crate) fn for_session() -> Kept {
        Kept {
            keep: true,
            ..Kept::default()
        }
    }

    /// A feed for the articles of `library`'s pages as they render
    /// ([`Feed`]), numbering terms in this index's vocabulary until
    /// [`Kept::update_fed`] takes it back; none when search is off.
    pub(crate) fn feed<'l>(&mut self, library: &'l Library) -> Option<Feed<'l>> {
        if !library.config.search {
            return None;
        }
        let records = records::records(library);
        Some(Feed {
            counted: (0..records.len()).map(|_| OnceLock::new()).collect(),
            records,
            counters: Counters::new(std::mem::take(&mut self.vocabulary)),
        })
    }

    /// [`Kept::update`], its files held and handed back.
    #[cfg(test)]
    pub(crate) fn files(&mut self, library: &Library) -> Result<Option<Update>, Diagnostic> {
        let made = std::sync::Mutex::new(Vec::new());
        let put = |file: RenderedPage| {
            made.lock().expect("no panic holds it").push(file);
            Ok::<(), Diagnostic>(())
        };
        let gone = self.update(library, put)?;
        let made = made.into_inner().expect("no panic holds it");
        Ok(gone.map(|gone| Update { made, gone }))
    }

    /// Bring the index up to `library`: make each file that changed since
    /// the last update (every file, the first time) and hand it to `put`
    /// (from many threads, in no set order), as it is made, so the result
    /// files (each article's text) are never all held at once. Gives the
    /// files of the last update that are no longer part of the index, or
    /// none when the site turned search off (then nothing is kept
    /// either); or the first error `put` gives, or the first body that
    /// could not be read again.
    pub(crate) fn update<E: Send + From<Diagnostic>>(
        &mut self,
        library: &Library,
        put: impl Fn(RenderedPage) -> Result<(), E> + Sync,
    ) -> Result<Option<Vec<String>>, E> {
        self.update_fed(library, None, put)
    }

    /// [`Kept::update`] after `feed` (from [`Kept::feed`] on the same
    /// library) was handed articles' words: those articles' result files
    /// are made and their terms scored already; only the others' bodies
    /// are read here.
    pub(crate) fn update_fed<'l, E: Send + From<Diagnostic>>(
        &mut self,
        library: &'l Library,
        feed: Option<Feed<'l>>,
        put: impl Fn(RenderedPage) -> Result<(), E> + Sync,
    ) -> Result<Option<Vec<String>>, E> {
        if !library.config.search {
            *self = Kept {
                keep: self.keep,
                ..Kept::default()
            };
            return Ok(None);
        }
        let (records, mut fed, counters) = match feed {
            Some(feed) => (feed.records, feed.counted, feed.counters),
            None => {
                let vocabulary = std::mem::take(&mut self.vocabulary);
                (
                    records::records(library),
                    Vec::new(),
                    Counters::new(vocabulary),
                )
            }
        };
        let stable = self.order.len() == records.len()
            && self.order.iter().zip(&records).all(|(o, r)| o == r.slug);
        let fingerprints: Vec<u64> = if self.keep {
            records.par_iter().map(fingerprint).collect()
        } else {
            Vec::new()
        };
        // The articles whose record changed: their result files are made
        // and their terms scored again, each body read once for both
        // (unless its page's render did both).
        let docs: Vec<usize> = (0..records.len())
            .filter(|&i| {
                let kept = self.articles.get(records[i].slug);
                !self.keep || kept.is_none_or(|k| k.fingerprint != fingerprints[i])
            })
            .collect();
        // Made whole, the postings are filled as each batch is numbered;
        // kept, from every article's list once all are scored. The
        // filters of `meta.json` are gathered meanwhile, on another core.
        let mut postings = Postings::default();
        let mut changed_terms: Vec<u32> = Vec::new();
        let index = || -> Result<(), E> {
            for batch in docs.chunks(BATCH) {
                let handed = &fed;
                let counted = batch
                    .par_iter()
                    .map(|&i| {
                        if handed.get(i).is_some_and(|s| s.get().is_some()) {
                            return Ok(None);
                        }
                        let body = library.text_of(&library.articles[i])?;
                        put(doc(&records[i], &body))?;
                        Ok(Some(counters.score(&records[i], &body)))
                    })
                    .collect::<Result<Vec<_>, E>>()?;
                for (&i, counted) in batch.iter().zip(counted) {
                    let counted = counted
                        .or_else(|| fed[i].take())
                        .expect("an article is scored or fed");
                    if !self.keep {
                        postings.add(i as u32, counted.pairs());
                        continue;
                    }
                    let slug = records[i].slug;
                    let article = KeptArticle {
                        fingerprint: fingerprints[i],
                        scored: counted.sorted(),
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
            Ok(())
        };
        let (facets, indexed) = rayon::join(|| Facets::of(&records), index);
        indexed?;
        self.vocabulary = counters.into_vocabulary();
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
        if self.keep {
            postings = Postings::new(records.iter().map(|r| &self.articles[r.slug].scored));
        }
        let shards = shard_count(postings.len());
        let every_shard = !stable || shards != self.shards;
        gone.extend((shards..self.shards).map(shard_path));
        let meta = facets.meta(shards);
        let meta_print = fingerprint(&meta);
        if self.meta != Some(meta_print) {
            put(RenderedPage {
                path: format!("{SEARCH}meta.json"),
                contents: meta,
            })?;
        }
        self.meta = Some(meta_print);
        self.shards = shards;
        if !stable {
            self.order = records.iter().map(|r| r.slug.to_string()).collect();
        }
        let names = self.vocabulary.names();
        let mut wanted = vec![every_shard; shards as usize];
        for term in changed_terms {
            wanted[terms::shard(names[term as usize], shards) as usize] = true;
        }
        let mut by_shard: Vec<Vec<u32>> = vec![Vec::new(); shards as usize];
        for (term, name) in names.iter().enumerate() {
            let term = term as u32;
            if postings.count(term) > 0 {
                let shard = terms::shard(name, shards) as usize;
                if wanted[shard] {
                    by_shard[shard].push(term);
                }
            }
        }
        let (names, held) = (&names, &postings);
        by_shard
            .into_par_iter()
            .enumerate()
            .filter(|(n, _)| wanted[*n])
            .try_for_each(|(n, mut terms)| {
                terms.sort_unstable_by(|a, b| names[*a as usize].cmp(names[*b as usize]));
                put(RenderedPage {
                    path: shard_path(n as u32),
                    contents: postings::shard_json(&terms, names, held),
                })
            })?;
        if self.save {
            self.saved = Some(postings);
        }
        Ok(Some(gone))
    }
}

/// An index made while the pages render: each article's page hands over
/// its body's words as it is rendered ([`Feed::article`]), and its result
/// file is made and its terms scored and numbered right there, in that
/// thread; [`Kept::update_fed`] makes the rest after.
pub(crate) struct Feed<'l> {
    records: Vec<Record<'l>>,
    counters: Counters,
    /// Each article's terms, once handed over.
    counted: Vec<OnceLock<Counted>>,
}

impl Feed<'_> {
    /// Whether article `i`'s terms are in already (handed over, or known:
    /// [`Feed::known`]); then its result file is made or kept too.
    pub(crate) fn has(&self, i: usize) -> bool {
        self.counted[i].get().is_some()
    }

    /// The result file of article `i`, whose body's words (as
    /// [`Library::text_of`] gives them) are `text`; the caller writes it.
    pub(crate) fn doc(&self, i: usize, text: &str) -> RenderedPage {
        doc(&self.records[i], text)
    }

    /// Article `i`'s terms, scored from its body's words `text`. Handed
    /// over twice, or known already, the first one counts.
    pub(crate) fn score(&self, i: usize, text: &str) {
        if !self.has(i) {
            let _ = self.counted[i].set(self.counters.score(&self.records[i], text));
        }
    }

    /// Article `i`'s terms, once handed over: numbers of this feed's
    /// vocabulary ([`Feed::names`]), with their scores.
    pub(crate) fn counted(&self, i: usize) -> Option<&Counted> {
        self.counted[i].get()
    }

    /// Article `i`'s terms as [`Feed::counted`] gave them in an earlier
    /// build whose vocabulary this one's begins with ([`Feed::seed`]).
    pub(crate) fn scored(&self, i: usize, counted: Counted) {
        let _ = self.counted[i].set(counted);
    }

    /// Begin the vocabulary with `names`, numbered as they come, before
    /// any term is numbered: false when it cannot (then terms of an
    /// earlier build are not numbers of this one's).
    pub(crate) fn seed(&self, names: &[&str]) -> bool {
        self.counters.seed(names)
    }

    /// Each term numbered so far, at its number.
    pub(crate) fn names(&self) -> Vec<String> {
        self.counters.names()
    }

    /// The number of the term `name` (given it if new), as the terms of
    /// [`Feed::known`] articles are numbered.
    pub(crate) fn id(&self, name: &str) -> u32 {
        self.counters.id(name)
    }

    /// Articles whose terms are known from an earlier build (and whose
    /// result files the caller kept): each article's number and its
    /// terms (numbered by [`Feed::id`]) with their scores.
    pub(crate) fn known(&self, articles: Vec<(usize, Counted)>) {
        for (i, counted) in articles {
            let _ = self.counted[i].set(counted);
        }
    }
}

/// A fingerprint of `value`, to tell whether it changed.
fn fingerprint(value: &impl Hash) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
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

/// What `meta.json` says of the articles: the filters' values and each
/// article's place among them.
struct Facets<'a> {
    filters: Filters<'a>,
    docs: Vec<MetaDoc<'a>>,
}

impl<'a> Facets<'a> {
    fn of(records: &[Record<'a>]) -> Facets<'a> {
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
        Facets {
            filters: Filters {
                year: years.into_iter().rev().collect(),
                topic,
                organization,
                place,
            },
            docs,
        }
    }

    /// `meta.json`, for an index of `shards` shards.
    fn meta(self, shards: u32) -> Vec<u8> {
        let meta = Meta {
            shards,
            key_chars: terms::KEY_CHARS,
            max_word_chars: terms::MAX_WORD_CHARS,
            filters: self.filters,
            docs: self.docs,
        };
        serde_json::to_vec(&meta).expect("plain data serializes")
    }
}

/// Each value once, sorted.
fn sorted<'a>(values: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let set: BTreeSet<&str> = values.collect();
    set.into_iter().collect()
}

/// The result file of `record`, whose body's words are `text`:
/// `docs/<slug>.json`, `{"url","title","lang"?,"date","publisher"?,
/// "summary"?,"text"}` (the optional ones left out when unknown).
fn doc(record: &Record<'_>, text: &str) -> RenderedPage {
    // Sized for the text, to spare regrowing the buffer as it is written.
    let mut json = Vec::with_capacity(text.len() + text.len() / 16 + 512);
    let fields = [
        ("url", Some(record.url.as_str())),
        ("title", Some(record.title)),
        ("lang", record.lang),
        ("date", Some(record.date.as_str())),
        ("publisher", record.publisher),
        ("summary", record.summary),
        ("text", Some(text)),
    ];
    for (name, value) in fields {
        let Some(value) = value else { continue };
        json.extend_from_slice(if json.is_empty() { b"{\"" } else { b",\"" });
        json.extend_from_slice(name.as_bytes());
        json.extend_from_slice(b"\":");
        json::string(&mut json, value);
    }
    json.push(b'}');
    RenderedPage {
        path: doc_path(record.slug),
        contents: json,
    }
}

/// The result file of the article `slug`.
pub(crate) fn doc_path(slug: &str) -> String {
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
