//! Search postings: records → each article's terms and scores → the
//! inverted index, term → `(article, score)` in article order, and its
//! shard files.
//!
//! Terms are held once each, in a [`Vocabulary`], and named by number
//! everywhere else: an article's terms are a list of numbers and scores
//! ([`Scored`]), and the postings are one array for every term
//! ([`Postings`]). A build makes them once; `serve` keeps the vocabulary
//! and each article's list between edits and makes them again only for
//! the articles that changed (see [`super::Kept`]).

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::{BuildHasherDefault, Hasher};

use super::records::Record;
use super::terms::{self, Term};

/// How much a word counts where it is found: a title word most, a name or
/// alias of what the briefing mentions more than a word of its body.
pub(crate) const TITLE: u32 = 8;
const NAMES: u32 = 4;
const SUMMARY: u32 = 2;
const BODY: u32 = 1;
/// Scores stop here: a word repeated fifty times is not fifty times as apt.
pub(crate) const MAX_SCORE: u32 = 99;

/// A quick hash for short keys (the multiply-and-rotate of `rustc`'s
/// `FxHasher`): terms are hashed millions of times, and no key comes from
/// anyone trying to collide them into one bucket.
#[derive(Default, Clone, Copy)]
pub(crate) struct Quick(u64);

impl Quick {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for Quick {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // The table picks buckets by the low bits: bring the well-mixed
        // high bits down.
        self.0.rotate_left(26)
    }
}

/// A map hashed with [`Quick`].
pub(crate) type QuickMap<K, V> = HashMap<K, V, BuildHasherDefault<Quick>>;

/// Every term seen, once each, by number.
#[derive(Default)]
pub(crate) struct Vocabulary {
    ids: QuickMap<Box<str>, u32>,
}

impl Vocabulary {
    /// The number of `term`, given it if new.
    fn id(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = u32::try_from(self.ids.len()).expect("fewer than 2³² distinct terms");
        self.ids.insert(term.into(), id);
        id
    }

    /// How many terms it holds.
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// Each term, at its number.
    pub(crate) fn names(&self) -> Vec<&str> {
        let mut names = vec![""; self.ids.len()];
        for (term, &id) in &self.ids {
            names[id as usize] = term;
        }
        names
    }
}

/// One article's terms by number, ascending, each with its score.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Scored {
    pub terms: Box<[u32]>,
    pub scores: Box<[u8]>,
}

impl Scored {
    pub(crate) fn len(&self) -> usize {
        self.terms.len()
    }

    /// The terms whose score differs between `self` and `other` (in one
    /// and not the other, or scored differently), each once.
    pub(crate) fn differences(&self, other: &Scored, mut each: impl FnMut(u32)) {
        let (mut i, mut j) = (0, 0);
        while i < self.len() || j < other.len() {
            let a = self.terms.get(i).copied().unwrap_or(u32::MAX);
            let b = other.terms.get(j).copied().unwrap_or(u32::MAX);
            if a < b {
                each(a);
                i += 1;
            } else if b < a {
                each(b);
                j += 1;
            } else {
                if self.scores[i] != other.scores[j] {
                    each(a);
                }
                i += 1;
                j += 1;
            }
        }
    }
}

/// The terms of a record with their scores, each term once, in no set
/// order.
pub(crate) fn score<'a>(record: &Record<'a>) -> Vec<(Cow<'a, str>, u32)> {
    let mut scores: QuickMap<Cow<'a, str>, u32> = QuickMap::default();
    let mut add = |text: &'a str, weight: u32| {
        terms::terms(text, |term| match term {
            Term::Text(term) => *scores.entry(Cow::Borrowed(term)).or_default() += weight,
            Term::Lowered(term) => match scores.get_mut(term) {
                Some(score) => *score += weight,
                None => {
                    scores.insert(Cow::Owned(term.to_string()), weight);
                }
            },
        });
    };
    add(record.title, TITLE);
    for name in &record.names {
        add(name, NAMES);
    }
    if let Some(summary) = record.summary {
        add(summary, SUMMARY);
    }
    add(record.body, BODY);
    scores.into_iter().collect()
}

/// `scored` (from [`score`]) by number, numbering new terms.
pub(crate) fn number(vocabulary: &mut Vocabulary, scored: Vec<(Cow<'_, str>, u32)>) -> Scored {
    let mut numbered: Vec<(u32, u8)> = scored
        .into_iter()
        .map(|(term, score)| (vocabulary.id(&term), score.min(MAX_SCORE) as u8))
        .collect();
    numbered.sort_unstable();
    Scored {
        terms: numbered.iter().map(|&(t, _)| t).collect(),
        scores: numbered.iter().map(|&(_, s)| s).collect(),
    }
}

/// Term → `(article, score)`, articles in order: one array for every term,
/// term `t`'s postings at `starts[t]..starts[t + 1]`.
pub(crate) struct Postings {
    starts: Vec<u32>,
    articles: Vec<u32>,
    scores: Vec<u8>,
}

impl Postings {
    /// The postings of `articles` (each one's terms, in article order) over
    /// a vocabulary of `terms` terms.
    pub(crate) fn new(articles: &[&Scored], terms: usize) -> Postings {
        let mut starts = vec![0u32; terms + 1];
        for scored in articles {
            for &term in &scored.terms {
                starts[term as usize + 1] += 1;
            }
        }
        for t in 0..terms {
            starts[t + 1] += starts[t];
        }
        let total = starts[terms] as usize;
        let mut next: Vec<u32> = starts[..terms].to_vec();
        let mut article_of = vec![0u32; total];
        let mut score_of = vec![0u8; total];
        for (article, scored) in articles.iter().enumerate() {
            for (&term, &score) in scored.terms.iter().zip(scored.scores.iter()) {
                let at = &mut next[term as usize];
                article_of[*at as usize] = article as u32;
                score_of[*at as usize] = score;
                *at += 1;
            }
        }
        Postings {
            starts,
            articles: article_of,
            scores: score_of,
        }
    }

    /// How many postings there are, over every term.
    pub(crate) fn len(&self) -> usize {
        self.articles.len()
    }

    /// Whether `term` is in any article.
    pub(crate) fn has(&self, term: u32) -> bool {
        let t = term as usize;
        self.starts[t + 1] > self.starts[t]
    }

    fn of(&self, term: u32) -> (&[u32], &[u8]) {
        let t = term as usize;
        let range = self.starts[t] as usize..self.starts[t + 1] as usize;
        (&self.articles[range.clone()], &self.scores[range])
    }
}

/// The shard file's text of `terms` (numbers, sorted by name):
/// `{"term":[gap,score,…],…}`, articles as gaps from the one before.
/// Terms are letters and digits only, so they need no escaping.
pub(crate) fn shard_json(terms: &[u32], names: &[&str], postings: &Postings) -> String {
    let mut json = String::from("{");
    for (i, &term) in terms.iter().enumerate() {
        if i > 0 {
            json.push(',');
        }
        let _ = write!(json, "\"{}\":[", names[term as usize]);
        let (articles, scores) = postings.of(term);
        let mut previous = 0;
        for (j, (&article, &score)) in articles.iter().zip(scores).enumerate() {
            if j > 0 {
                json.push(',');
            }
            let _ = write!(json, "{},{}", article - previous, score);
            previous = article;
        }
        json.push(']');
    }
    json.push('}');
    json
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scored(pairs: &[(u32, u8)]) -> Scored {
        Scored {
            terms: pairs.iter().map(|p| p.0).collect(),
            scores: pairs.iter().map(|p| p.1).collect(),
        }
    }

    #[test]
    fn differences_are_terms_added_dropped_or_rescored() {
        let old = scored(&[(1, 1), (3, 2), (5, 1), (9, 4)]);
        let new = scored(&[(1, 1), (3, 5), (6, 1), (9, 4), (12, 1)]);
        let mut found = Vec::new();
        old.differences(&new, |t| found.push(t));
        assert_eq!(found, [3, 5, 6, 12]);
        let mut none = Vec::new();
        new.differences(&new.clone(), |t| none.push(t));
        assert!(none.is_empty());
    }

    #[test]
    fn postings_list_each_term_s_articles_in_order() {
        let a = scored(&[(0, 3), (2, 1)]);
        let b = scored(&[(1, 1)]);
        let c = scored(&[(0, 1), (1, 2)]);
        let postings = Postings::new(&[&a, &b, &c], 4);
        assert_eq!(postings.of(0), (&[0, 2][..], &[3, 1][..]));
        assert_eq!(postings.of(1), (&[1, 2][..], &[1, 2][..]));
        assert!(!postings.has(3), "a term no article holds");
        let names = ["lithium", "cells", "sodium", "gone"];
        assert_eq!(
            shard_json(&[1, 0], &names, &postings),
            r#"{"cells":[1,1,1,2],"lithium":[0,3,2,1]}"#
        );
    }

    #[test]
    fn a_term_is_numbered_once() {
        let mut vocabulary = Vocabulary::default();
        let first = number(
            &mut vocabulary,
            vec![("cells".into(), 2), ("anode".into(), 200)],
        );
        let second = number(&mut vocabulary, vec![("anode".into(), 1)]);
        let names = vocabulary.names();
        assert_eq!(names.len(), 2);
        let anode = names.iter().position(|n| *n == "anode").unwrap() as u32;
        assert_eq!(second.terms[..], [anode]);
        let at = first.terms.iter().position(|t| *t == anode).unwrap();
        assert_eq!(u32::from(first.scores[at]), MAX_SCORE, "scores are bounded");
    }
}
