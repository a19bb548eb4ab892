//! Search counting: one record → each of its terms once, by number in
//! the index's vocabulary, with its score (how often and where the term is
//! found), for the postings.
//!
//! This is the index's inner loop (a step per word of every article): the
//! count of a word is inlined into the reading of it ([`terms::Sink`]).
//! A [`Counter`] is kept from one record to the next (one per thread at a
//! time: [`Counters`]) and its table keeps every term it has met with the
//! term's number, so a word is counted and numbered in one probe; the
//! shared vocabulary is locked only for a term that counter has not met.
//! Which counter meets a term first (and so the term's number) depends on
//! the threads; nothing written does (shards list terms by name).

use std::ops::Range;
use std::sync::{Mutex, PoisonError};

use super::postings::{hash, hash_at, hash_short, Counted, Vocabulary, KEEP, WHOLE_IN_HASH};
use super::records::Record;
use super::{terms, ONES};

/// How much a word counts where it is found: a title word most, a name or
/// alias of what the briefing mentions more than a word of its body.
pub(crate) const TITLE: u32 = 8;
pub(crate) const NAMES: u32 = 4;
const SUMMARY: u32 = 2;
const BODY: u32 = 1;
/// Scores stop here: a word repeated fifty times is not fifty times as apt.
pub(crate) const MAX_SCORE: u32 = 99;

/// Slots of a new counter's table (it doubles when half full).
const FIRST_SLOTS: usize = 1024;

/// The vocabulary that numbers an index's terms, with the counters that
/// count records into it (each counter's table holds numbers of this
/// vocabulary only, so the two are kept together).
#[derive(Default)]
pub(crate) struct Counters {
    vocabulary: Mutex<Vocabulary>,
    /// Counters not in use; a thread takes one for a record and gives it
    /// back.
    idle: Mutex<Vec<Counter>>,
}

impl Counters {
    /// Counters numbering into `vocabulary`.
    pub(crate) fn new(vocabulary: Vocabulary) -> Counters {
        Counters {
            vocabulary: Mutex::new(vocabulary),
            idle: Mutex::default(),
        }
    }

    /// The terms of `record` with their scores; `body` is its body's words
    /// (made by the caller, which also shows them in the result file).
    pub(crate) fn score(&self, record: &Record<'_>, body: &str) -> Counted {
        let idle = || self.idle.lock().unwrap_or_else(PoisonError::into_inner);
        let mut counter = idle().pop().unwrap_or_default();
        let fields = [(body, BODY), (record.title, TITLE)]
            .into_iter()
            .chain(record.names.iter().map(|name| (*name, NAMES)))
            .chain(record.summary.map(|summary| (summary, SUMMARY)));
        for (text, weight) in fields {
            let mut reading = Reading {
                counter: &mut counter,
                vocabulary: &self.vocabulary,
                text,
                weight,
            };
            terms::terms(text, &mut reading);
        }
        let counted = counter.take();
        idle().push(counter);
        counted
    }

    /// Number `names` 0, 1, 2, … in a vocabulary that has no term yet, so
    /// that terms numbered so in an earlier build keep their numbers;
    /// false (and some of them numbered otherwise) when it had terms or
    /// a name comes twice.
    pub(crate) fn seed(&self, names: &[&str]) -> bool {
        let mut vocabulary = self.vocabulary();
        if !vocabulary.is_empty() {
            return false;
        }
        names
            .iter()
            .enumerate()
            .all(|(n, name)| vocabulary.id(name, hash(name)) as usize == n)
    }

    /// The number of `term`, given it if new.
    pub(crate) fn id(&self, term: &str) -> u32 {
        self.vocabulary().id(term, hash(term))
    }

    /// Each term numbered so far, at its number.
    pub(crate) fn names(&self) -> Vec<String> {
        let vocabulary = self.vocabulary();
        vocabulary.names().into_iter().map(str::to_string).collect()
    }

    fn vocabulary(&self) -> std::sync::MutexGuard<'_, Vocabulary> {
        self.vocabulary
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The vocabulary, with every term counted into it.
    pub(crate) fn into_vocabulary(self) -> Vocabulary {
        self.vocabulary
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

/// Every term met, with its number and its score in the record being
/// counted: an open-addressing table whose slots compare a hash and a
/// length before any text.
#[derive(Default)]
struct Counter {
    /// A power of two of them, at most half used (none before the first
    /// term).
    slots: Vec<Slot>,
    used: usize,
    /// The text of each term met, one after the other.
    names: String,
    /// The slots scored in the record being counted, the first
    /// `scored` of them; as many as the slots, so that a term found is
    /// written here whether it is new to the record or not, and counted
    /// only when it is (no branch to mispredict on each word).
    found: Vec<u32>,
    scored: usize,
    /// A term being lower-cased.
    lowered: String,
}

#[derive(Clone, Copy, Default)]
struct Slot {
    hash: u64,
    /// The term's text in [`Counter::names`]; `len` 0 while the slot is
    /// empty (no term is empty).
    start: u32,
    len: u32,
    /// The term's number in the vocabulary.
    id: u32,
    /// Its score in the record being counted, 0 when not found in it.
    score: u32,
}

impl Counter {
    /// Count `term` (whose hash is `hash`) with `weight`.
    #[inline(always)]
    fn count(&mut self, term: &[u8], hash: u64, weight: u32, vocabulary: &Mutex<Vocabulary>) {
        let mask = self.slots.len().wrapping_sub(1);
        let mut at = hash as usize & mask;
        loop {
            let Some(slot) = self.slots.get_mut(at) else {
                return self.insert(term, hash, weight, vocabulary);
            };
            if slot.len == 0 {
                return self.insert(term, hash, weight, vocabulary);
            }
            if slot.hash == hash
                && slot.len as usize == term.len()
                && (term.len() <= WHOLE_IN_HASH
                    || &self.names.as_bytes()[slot.start as usize..][..term.len()] == term)
            {
                self.found[self.scored] = at as u32;
                self.scored += usize::from(slot.score == 0);
                slot.score += weight;
                return;
            }
            at = (at + 1) & mask;
        }
    }

    /// A term this counter has not met: numbered (in the shared
    /// vocabulary) and given a slot.
    #[cold]
    #[inline(never)]
    fn insert(&mut self, term: &[u8], hash: u64, weight: u32, vocabulary: &Mutex<Vocabulary>) {
        let term = std::str::from_utf8(term).expect("terms are cut at characters");
        let id = vocabulary
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .id(term, hash);
        let start = u32::try_from(self.names.len()).expect("under 4 GiB of terms");
        self.names.push_str(term);
        if (self.used + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let at = self.free_slot(hash);
        self.slots[at] = Slot {
            hash,
            start,
            len: term.len() as u32,
            id,
            score: weight,
        };
        self.used += 1;
        self.found[self.scored] = at as u32;
        self.scored += 1;
    }

    /// Where a new term of hash `hash` goes.
    fn free_slot(&self, hash: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = hash as usize & mask;
        while self.slots[at].len != 0 {
            at = (at + 1) & mask;
        }
        at
    }

    /// Twice the slots (or the first ones), each moved to its place among
    /// them.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(FIRST_SLOTS);
        let old = std::mem::replace(&mut self.slots, vec![Slot::default(); size]);
        self.found = vec![0; size];
        self.scored = 0;
        for slot in old.into_iter().filter(|s| s.len != 0) {
            let at = self.free_slot(slot.hash);
            self.slots[at] = slot;
            self.found[self.scored] = at as u32;
            self.scored += usize::from(slot.score > 0);
        }
    }

    /// The terms of the record counted, with their scores, each slot's
    /// score set back to 0 for the next record.
    fn take(&mut self) -> Counted {
        let mut counted = Counted {
            terms: Vec::with_capacity(self.scored),
            scores: Vec::with_capacity(self.scored),
        };
        for &at in &self.found[..self.scored] {
            let slot = &mut self.slots[at as usize];
            let score = slot.score.min(MAX_SCORE) as u8;
            counted.terms.push(slot.id);
            counted.scores.push(score);
            slot.score = 0;
        }
        self.scored = 0;
        counted
    }
}

/// One field of a record as it is read: where its terms go.
struct Reading<'c, 't> {
    counter: &'c mut Counter,
    vocabulary: &'c Mutex<Vocabulary>,
    text: &'t str,
    weight: u32,
}

/// An ASCII term's capitals are lower-cased by setting 0x20 in each byte
/// (letters and digits only: a digit has it set already).
const LOWER: u64 = ONES * 0x20;

impl terms::Sink for Reading<'_, '_> {
    #[inline(always)]
    fn ascii(&mut self, range: Range<usize>, head: u64) {
        let len = range.end - range.start;
        if len <= WHOLE_IN_HASH {
            let word = (head | LOWER) & KEEP[len];
            let hash = hash_short(word);
            self.counter.count(
                &word.to_le_bytes()[..len],
                hash,
                self.weight,
                self.vocabulary,
            );
        } else {
            // Lower-cased eight bytes at a time (the bytes after the word
            // in its last eight are left out by `len`).
            let mut term = [0u8; terms::MAX_WORD_CHARS];
            let from = &self.text.as_bytes()[range.start..];
            for (i, to) in term.chunks_exact_mut(8).take(len.div_ceil(8)).enumerate() {
                let eight = match from[8 * i..].first_chunk::<8>() {
                    Some(eight) => u64::from_le_bytes(*eight),
                    None => {
                        let mut eight = [0u8; 8];
                        eight[..from.len() - 8 * i].copy_from_slice(&from[8 * i..]);
                        u64::from_le_bytes(eight)
                    }
                };
                to.copy_from_slice(&(eight | LOWER).to_le_bytes());
            }
            let term = &term[..len];
            let hash = hash_at(term, 0, len);
            self.counter.count(term, hash, self.weight, self.vocabulary);
        }
    }

    fn term(&mut self, range: Range<usize>, upper: bool) {
        let mut lowered = std::mem::take(&mut self.counter.lowered);
        lowered.clear();
        lowered.push_str(&self.text[range]);
        lowered.make_ascii_lowercase();
        if upper {
            lowered = lowered.to_lowercase();
        }
        let hash = hash(&lowered);
        self.counter
            .count(lowered.as_bytes(), hash, self.weight, self.vocabulary);
        self.counter.lowered = lowered;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each term of `counted` by name, with its score.
    fn named(counters: Counters, counted: &[Counted]) -> Vec<Vec<(String, u32)>> {
        let vocabulary = counters.into_vocabulary();
        let names = vocabulary.names();
        counted
            .iter()
            .map(|c| {
                let mut terms: Vec<_> = c
                    .pairs()
                    .map(|(t, s)| (names[t as usize].to_string(), u32::from(s)))
                    .collect();
                terms.sort();
                terms
            })
            .collect()
    }

    #[test]
    fn a_term_is_counted_and_numbered_once_whatever_its_capitals() {
        let library = super::super::records::tests::fixture();
        let mut records = super::super::records::records(&library);
        let record = &mut records[0];
        (record.title, record.summary, record.names) = ("Anode", None, vec!["ÉCOLE"]);
        let body = "cells École CELLS ".repeat(15) + &"ANODE anode ".repeat(50);
        let counters = Counters::default();
        let first = counters.score(record, &body);
        let second = counters.score(record, "Cells");
        assert_eq!(counters.vocabulary().len(), 3, "no term numbered twice");
        let named = named(counters, &[first, second]);
        let cells = ("cells".to_string(), 30);
        let ecole = ("école".to_string(), 15 + NAMES);
        let anode = ("anode".to_string(), MAX_SCORE);
        assert_eq!(named[0], [anode, cells, ecole], "scores are bounded");
        let scores: Vec<u32> = named[1].iter().map(|t| t.1).collect();
        assert_eq!(
            scores,
            [TITLE, 1, NAMES],
            "a counter starts each record at 0"
        );
    }

    #[test]
    fn many_terms_grow_the_table_and_each_keeps_its_count() {
        let library = super::super::records::tests::fixture();
        let mut records = super::super::records::records(&library);
        let record = &mut records[0];
        (record.title, record.summary, record.names) = ("", None, vec![]);
        // Short and long terms, many more than the first table holds,
        // some read where fewer than eight bytes follow them.
        let words: Vec<String> = (0..3000)
            .map(|n| format!("W{n}{}", "x".repeat(n % 12)))
            .collect();
        let body = words.join(" ") + " " + &words[..100].join(" ");
        let counters = Counters::default();
        let counted = [counters.score(record, &body), counters.score(record, "w1")];
        let named = named(counters, &counted);
        assert_eq!(named[0].len(), 3000);
        for (term, score) in &named[0] {
            let n: usize = term[1..].trim_end_matches('x').parse().unwrap();
            assert_eq!(*score, if n < 100 { 2 } else { 1 }, "{term}");
        }
        assert_eq!(named[1], [("w1".to_string(), 1)]);
    }

    #[test]
    fn a_term_hashes_alike_read_from_any_field_or_case() {
        let counters = Counters::default();
        let library = super::super::records::tests::fixture();
        let mut records = super::super::records::records(&library);
        let record = &mut records[0];
        let long = "Electrolytes";
        (record.title, record.summary, record.names) = (long, Some("ab"), vec!["AB"]);
        let counted = counters.score(record, "electrolytes AB");
        let id = |term| counters.id(term);
        let mut found: Vec<(u32, u8)> = counted.pairs().collect();
        found.sort();
        let mut expected = vec![
            (id("electrolytes"), (BODY + TITLE) as u8),
            (id("ab"), (BODY + NAMES + SUMMARY) as u8),
        ];
        expected.sort();
        assert_eq!(found, expected);
        assert_eq!(counters.vocabulary().len(), 2);
    }
}
