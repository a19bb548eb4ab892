//! Search counting: one record → each of its terms once, with its score
//! (how often and where the term is found), for the postings to number.
//!
//! This is the index's inner loop (a step per word of every article): the
//! count of a word is inlined into the reading of it ([`terms::Sink`]),
//! and the counts are a small open-addressing table of their own whose
//! slots compare a hash and a length before any text.

use std::ops::Range;

use super::postings::{hash_at, Vocabulary, WHOLE_IN_HASH};
use super::records::Record;
use super::terms;

/// How much a word counts where it is found: a title word most, a name or
/// alias of what the briefing mentions more than a word of its body.
pub(crate) const TITLE: u32 = 8;
pub(crate) const NAMES: u32 = 4;
const SUMMARY: u32 = 2;
const BODY: u32 = 1;
/// Scores stop here: a word repeated fifty times is not fifty times as apt.
pub(crate) const MAX_SCORE: u32 = 99;

/// One record's terms, each once with its score, in no set order.
pub(crate) struct Counted {
    /// The record's words: its body, then its title, names and summary,
    /// lower-cased where ASCII (the terms are ranges of it).
    text: String,
    /// The terms that held capitals beyond ASCII, lower-cased, one after
    /// the other.
    lowered: String,
    /// The table's slots, empty ones (score 0) among them.
    slots: Vec<Count>,
}

#[derive(Clone, Copy, Default)]
struct Count {
    hash: u64,
    /// The term's bytes, in [`Counted::lowered`] or [`Counted::text`].
    start: u32,
    len: u32,
    lowered: bool,
    /// 0 while the slot is empty (every weight is at least 1).
    score: u32,
}

/// The text of `count`.
#[inline]
fn text_of<'t>(text: &'t str, lowered: &'t str, count: &Count) -> &'t str {
    let range = count.start as usize..(count.start + count.len) as usize;
    if count.lowered {
        &lowered[range]
    } else {
        &text[range]
    }
}

/// The terms of a record with their scores; `body` is its body's words
/// (made by the caller, which also shows them in the result file).
pub(crate) fn score(record: &Record<'_>, body: String) -> Counted {
    let mut text = body;
    let mut fields = vec![(0..text.len(), BODY)];
    let mut field = |text: &mut String, words: &str, weight: u32| {
        text.push('\n');
        let start = text.len();
        text.push_str(words);
        fields.push((start..text.len(), weight));
    };
    field(&mut text, record.title, TITLE);
    for name in &record.names {
        field(&mut text, name, NAMES);
    }
    if let Some(summary) = record.summary {
        field(&mut text, summary, SUMMARY);
    }
    // Lower-cased once for the whole text: a term is then a slice of it
    // unless it holds a capital beyond ASCII (rare; copied, lowered).
    text.make_ascii_lowercase();
    assert!(u32::try_from(text.len()).is_ok(), "a record under 4 GiB");
    // About one distinct term in 32 bytes of text; the table is kept at
    // most half full.
    let slots = (text.len() / 16).next_power_of_two().max(64);
    let mut counter = Counter {
        text: &text,
        lowered: String::new(),
        slots: vec![Count::default(); slots],
        used: 0,
        offset: 0,
        weight: BODY,
    };
    for (field, weight) in fields {
        (counter.offset, counter.weight) = (field.start, weight);
        terms::terms(&text[field], &mut counter);
    }
    let (lowered, slots) = (counter.lowered, counter.slots);
    Counted {
        text,
        lowered,
        slots,
    }
}

/// The terms of `counted` (from [`score`]) by number, numbering new terms,
/// with their scores, in no set order.
pub(crate) fn number(vocabulary: &mut Vocabulary, counted: &Counted) -> Vec<(u32, u8)> {
    counted
        .slots
        .iter()
        .filter(|count| count.score > 0)
        .map(|count| {
            let term = text_of(&counted.text, &counted.lowered, count);
            let score = count.score.min(MAX_SCORE) as u8;
            (vocabulary.id(term, count.hash), score)
        })
        .collect()
}

/// The counts of one record as its fields are read.
struct Counter<'t> {
    text: &'t str,
    lowered: String,
    /// A power of two of them, at most half used.
    slots: Vec<Count>,
    used: usize,
    /// Where the field being read starts in `text`, and its weight.
    offset: usize,
    weight: u32,
}

impl terms::Sink for Counter<'_> {
    #[inline(always)]
    fn term(&mut self, range: Range<usize>, lower: bool) {
        let (start, len) = (self.offset + range.start, range.len());
        let (hash, start, len) = if lower {
            let at = self.lowered.len();
            self.lowered
                .push_str(&self.text[start..start + len].to_lowercase());
            let len = self.lowered.len() - at;
            (hash_at(self.lowered.as_bytes(), at, len), at, len)
        } else {
            (hash_at(self.text.as_bytes(), start, len), start, len)
        };
        let count = Count {
            hash,
            start: start as u32,
            len: len as u32,
            lowered: lower,
            score: self.weight,
        };
        let mask = self.slots.len() - 1;
        let mut at = hash as usize & mask;
        loop {
            let slot = &mut self.slots[at];
            if slot.score == 0 {
                *slot = count;
                self.used += 1;
                if self.used * 2 > self.slots.len() {
                    self.grow();
                }
                return;
            }
            if slot.hash == hash
                && slot.len == count.len
                && (len <= WHOLE_IN_HASH
                    || text_of(self.text, &self.lowered, slot)
                        == text_of(self.text, &self.lowered, &count))
            {
                slot.score += self.weight;
                if lower {
                    self.lowered.truncate(start);
                }
                return;
            }
            at = (at + 1) & mask;
        }
    }
}

impl Counter<'_> {
    /// Twice the slots, each count moved to its place among them.
    #[cold]
    fn grow(&mut self) {
        let twice = vec![Count::default(); self.slots.len() * 2];
        let old = std::mem::replace(&mut self.slots, twice);
        let mask = self.slots.len() - 1;
        for count in old.into_iter().filter(|c| c.score > 0) {
            let mut at = count.hash as usize & mask;
            while self.slots[at].score != 0 {
                at = (at + 1) & mask;
            }
            self.slots[at] = count;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::postings::Scored;

    #[test]
    fn a_term_is_counted_and_numbered_once() {
        let library = super::super::records::tests::fixture();
        let mut records = super::super::records::records(&library);
        let record = &mut records[0];
        (record.title, record.summary, record.names) = ("Anode", None, vec!["ÉCOLE"]);
        let body = "cells École ".repeat(30) + &"anode ".repeat(100);
        let mut vocabulary = Vocabulary::default();
        let first = Scored::new(number(&mut vocabulary, &score(record, body)));
        let names: Vec<String> = vocabulary.names().into_iter().map(String::from).collect();
        let id = |term: &str| names.iter().position(|n| *n == term).unwrap() as u32;
        let score_of = |scored: &Scored, term| {
            let at = scored.terms.iter().position(|t| *t == id(term)).unwrap();
            u32::from(scored.scores[at])
        };
        assert_eq!(names.len(), 3, "{names:?}");
        assert_eq!(score_of(&first, "cells"), 30);
        assert_eq!(score_of(&first, "école"), 30 + NAMES);
        assert_eq!(score_of(&first, "anode"), MAX_SCORE, "scores are bounded");
        let second = Scored::new(number(&mut vocabulary, &score(record, "cells".into())));
        assert_eq!(vocabulary.len(), 3, "no term numbered twice");
        assert_eq!(second.len(), 3, "cells, and the title's and name's terms");
        assert_eq!(score_of(&second, "cells"), 1);
    }

    #[test]
    fn many_terms_grow_the_table_and_each_keeps_its_count() {
        let library = super::super::records::tests::fixture();
        let mut records = super::super::records::records(&library);
        let record = &mut records[0];
        (record.title, record.summary, record.names) = ("", None, vec![]);
        // Short and long terms, many more than the first table holds.
        let words: Vec<String> = (0..3000)
            .map(|n| format!("w{n}{}", "x".repeat(n % 12)))
            .collect();
        let body = words.join(" ") + " " + &words[..100].join(" ");
        let mut vocabulary = Vocabulary::default();
        let counted = number(&mut vocabulary, &score(record, body));
        assert_eq!(counted.len(), 3000);
        let names = vocabulary.names();
        for (id, score) in counted {
            let n: usize = names[id as usize][1..]
                .trim_end_matches('x')
                .parse()
                .unwrap();
            assert_eq!(u32::from(score), if n < 100 { 2 } else { 1 }, "{n}");
        }
    }
}
