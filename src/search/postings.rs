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

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use hashbrown::HashTable;

use super::json;

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
            self.add(tail(rest) ^ ((rest.len() as u64) << 59));
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

/// The 1 to 7 bytes of `rest` as one number, read in at most two loads
/// that may overlap (most terms are shorter than 8 bytes: no copy to a
/// buffer); with the length, every byte counts.
fn tail(rest: &[u8]) -> u64 {
    let n = rest.len();
    if n >= 4 {
        let word = |at: usize| {
            u64::from(u32::from_le_bytes(
                rest[at..at + 4].try_into().expect("4 bytes"),
            ))
        };
        word(0) | (word(n - 4) << 32)
    } else {
        u64::from(rest[0]) | (u64::from(rest[n / 2]) << 8) | (u64::from(rest[n - 1]) << 16)
    }
}

/// Terms up to this many bytes are told apart by [`hash`] and length.
pub(crate) const WHOLE_IN_HASH: usize = 8;

/// Whether `a` and `b`, whose hashes are equal, are the same term: their
/// lengths tell when both are short; their bytes otherwise.
#[inline]
fn same_term(a: &str, b: &str) -> bool {
    a.len() == b.len() && (a.len() <= WHOLE_IN_HASH || a == b)
}

/// A map hashed with [`Quick`].
pub(crate) type QuickMap<K, V> = HashMap<K, V, BuildHasherDefault<Quick>>;

/// The hash of a whole term, as [`hash_at`] makes it where the term is
/// counted (to be carried with it to the [`Vocabulary`]).
pub(crate) fn hash(term: &str) -> u64 {
    hash_at(term.as_bytes(), 0, term.len())
}

/// The hash of the `len` bytes of `bytes` from `start`. A term of up to
/// [`WHOLE_IN_HASH`] bytes is hashed as one number, read in one load
/// where the bytes after it allow: two terms of that length have
/// different hashes (one multiply by an odd number), so they are told
/// apart by hash and length alone, without reading their text.
#[inline]
pub(crate) fn hash_at(bytes: &[u8], start: usize, len: usize) -> u64 {
    if len > WHOLE_IN_HASH {
        let mut hasher = Quick::default();
        hasher.write(&bytes[start..start + len]);
        hasher.finish()
    } else if let Some(eight) = bytes.get(start..start + 8) {
        hash_short(u64::from_le_bytes(eight.try_into().expect("8 bytes")) & KEEP[len])
    } else {
        let mut eight = [0u8; 8];
        eight[..len].copy_from_slice(&bytes[start..start + len]);
        hash_short(u64::from_le_bytes(eight))
    }
}

/// The hash of a term of up to [`WHOLE_IN_HASH`] bytes, given as one
/// number (little-endian, zeros after it).
#[inline]
pub(crate) fn hash_short(word: u64) -> u64 {
    let mut hasher = Quick::default();
    hasher.add(word);
    hasher.finish()
}

/// The bits of a little-endian number's first `n` bytes (up to
/// [`WHOLE_IN_HASH`]), at `n`.
pub(crate) const KEEP: [u64; WHOLE_IN_HASH + 1] = {
    let mut keep = [0; WHOLE_IN_HASH + 1];
    let mut n = 1;
    while n <= WHOLE_IN_HASH {
        keep[n] = u64::MAX >> (64 - 8 * n);
        n += 1;
    }
    keep
};

/// Every term seen, once each, by number.
#[derive(Default)]
pub(crate) struct Vocabulary {
    /// Each term's hash and number (the hash beside the number, so that
    /// most misses are told without reading a name).
    ids: HashTable<(u64, u32)>,
    /// Each term, at its number.
    names: Vec<Box<str>>,
}

impl Vocabulary {
    /// The number of `term` (whose hash is `hash`), given it if new.
    pub(crate) fn id(&mut self, term: &str, hash: u64) -> u32 {
        let Vocabulary { ids, names } = self;
        let same = |&(h, id): &(u64, u32)| h == hash && same_term(&names[id as usize], term);
        if let Some(&(_, id)) = ids.find(hash, same) {
            return id;
        }
        let id = u32::try_from(names.len()).expect("fewer than 2³² distinct terms");
        ids.insert_unique(hash, (hash, id), |&(h, _)| h);
        names.push(term.into());
        id
    }

    /// How many terms it holds.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether it holds no term.
    pub(crate) fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Each term, at its number.
    pub(crate) fn names(&self) -> Vec<&str> {
        self.names.iter().map(|name| &**name).collect()
    }
}

/// One article's terms by number, ascending, each with its score.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Scored {
    pub terms: Box<[u32]>,
    pub scores: Box<[u8]>,
}

/// One article's terms by number, each with its score, in the order they
/// were counted: enough for a build's postings ([`Postings::add`] takes
/// them in any order); `serve` sorts them ([`Counted::sorted`]) to tell
/// what an edit changed.
#[derive(Debug, Default)]
pub(crate) struct Counted {
    pub terms: Vec<u32>,
    pub scores: Vec<u8>,
}

impl Counted {
    /// Each term with its score.
    pub(crate) fn pairs(&self) -> impl Iterator<Item = (u32, u8)> + '_ {
        self.terms.iter().copied().zip(self.scores.iter().copied())
    }

    /// The same terms in term order.
    pub(crate) fn sorted(&self) -> Scored {
        Scored::new(self.pairs().collect())
    }
}

impl Scored {
    /// `numbered` in term order.
    pub(crate) fn new(mut numbered: Vec<(u32, u8)>) -> Scored {
        numbered.sort_unstable();
        Scored {
            terms: numbered.iter().map(|&(t, _)| t).collect(),
            scores: numbered.iter().map(|&(_, s)| s).collect(),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.terms.len()
    }

    /// Each term with its score, in term order.
    pub(crate) fn pairs(&self) -> impl Iterator<Item = (u32, u8)> + '_ {
        self.terms.iter().copied().zip(self.scores.iter().copied())
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

/// Postings are held in blocks of numbers: the next block's place, then
/// the postings. A chain's first block holds 8 numbers and each next one
/// twice as many, up to 128: a rare term wastes little room, a common one
/// is read in few long runs.
const FIRST_BLOCK: usize = 8;
/// Blocks stop doubling after this many.
const LAST_DOUBLING: u8 = 4;

/// The size of a chain's block `k` (from 0).
fn block_size(k: u8) -> usize {
    FIRST_BLOCK << k.min(LAST_DOUBLING)
}

/// Term → `(article, score)`, articles in order, filled an article at a
/// time: each term's postings are a chain of blocks in one array, so they
/// are held once, never also as each article's list.
#[derive(Default)]
pub(crate) struct Postings {
    /// Each term's chain, by term number.
    chains: Vec<Chain>,
    /// The blocks, one after the other.
    blocks: Vec<u32>,
    len: usize,
}

#[derive(Default, Clone, Copy)]
struct Chain {
    /// Where the first and last blocks start in [`Postings::blocks`].
    first: u32,
    last: u32,
    /// Postings in all.
    len: u32,
    /// The last block's number in the chain, and postings in it.
    block: u8,
    used: u8,
}

/// Articles are numbered in the 24 bits above a posting's score.
const SCORE_BITS: u32 = 8;

impl Postings {
    /// The postings of `articles` (each one's terms, in article order).
    pub(crate) fn new<'s>(articles: impl IntoIterator<Item = &'s Scored>) -> Postings {
        let mut postings = Postings::default();
        for (article, scored) in articles.into_iter().enumerate() {
            postings.add(article as u32, scored.pairs());
        }
        postings
    }

    /// Add the terms of `article`, numbered after every article added.
    pub(crate) fn add(&mut self, article: u32, terms: impl IntoIterator<Item = (u32, u8)>) {
        assert!(article < 1 << (32 - SCORE_BITS), "fewer than 2²⁴ articles");
        for (term, score) in terms {
            let term = term as usize;
            if term >= self.chains.len() {
                self.chains.resize(term + 1, Chain::default());
            }
            let chain = &mut self.chains[term];
            if chain.len == 0 || usize::from(chain.used) == block_size(chain.block) - 1 {
                let block = if chain.len == 0 { 0 } else { chain.block + 1 };
                let at = u32::try_from(self.blocks.len()).expect("under 2³² numbers");
                self.blocks.resize(self.blocks.len() + block_size(block), 0);
                if chain.len == 0 {
                    chain.first = at;
                } else {
                    self.blocks[chain.last as usize] = at;
                }
                (chain.last, chain.block, chain.used) = (at, block.min(LAST_DOUBLING), 0);
            }
            self.blocks[chain.last as usize + 1 + usize::from(chain.used)] =
                (article << SCORE_BITS) | u32::from(score);
            chain.used += 1;
            chain.len += 1;
            self.len += 1;
        }
    }

    /// How many postings there are, over every term.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// How many articles hold `term`.
    pub(crate) fn count(&self, term: u32) -> usize {
        self.chains.get(term as usize).map_or(0, |c| c.len as usize)
    }

    /// The postings of `term`, in article order.
    pub(crate) fn of(&self, term: u32) -> impl Iterator<Item = (u32, u8)> + '_ {
        let chain = self.chains.get(term as usize).copied().unwrap_or_default();
        let (mut at, mut block, mut used) = (chain.first as usize, 0, 0);
        (0..chain.len).map(move |_| {
            if used == block_size(block) - 1 {
                let next = (block + 1).min(LAST_DOUBLING);
                (at, block, used) = (self.blocks[at] as usize, next, 0);
            }
            let posting = self.blocks[at + 1 + used];
            used += 1;
            (posting >> SCORE_BITS, posting as u8)
        })
    }
}

/// Bytes of a posting in a shard at most: `,`, a gap of ten digits, `,`,
/// a score of three.
const PAIR: usize = 15;

/// The shard file of `terms` (numbers, sorted by name):
/// `{"term":[gap,score,…],…}`, articles as gaps from the one before.
/// Terms are letters and digits only, so they need no escaping.
pub(crate) fn shard_json(terms: &[u32], names: &[&str], postings: &Postings) -> Vec<u8> {
    // About six bytes a posting, as the shard count assumes.
    let size: usize = terms.iter().map(|&t| postings.count(t) * 6 + 8).sum();
    let mut json = Vec::with_capacity(size);
    json.push(b'{');
    for (i, &term) in terms.iter().enumerate() {
        if i > 0 {
            json.push(b',');
        }
        json.push(b'"');
        json.extend_from_slice(names[term as usize].as_bytes());
        json.extend_from_slice(b"\":");
        // Each posting's `,gap,score` (`[gap,score` the first) is made on
        // the stack and copied whole, then cut to its length: one growth
        // check a posting instead of four.
        let mut open = b'[';
        let mut previous = 0;
        for (article, score) in postings.of(term) {
            let mut pair = [b','; PAIR];
            pair[0] = std::mem::replace(&mut open, b',');
            let gap = 1 + json::digits(&mut pair[1..], article - previous);
            let end = gap + 1 + json::digits(&mut pair[gap + 1..], u32::from(score));
            let at = json.len();
            json.extend_from_slice(&pair);
            json.truncate(at + end);
            previous = article;
        }
        if open == b'[' {
            json.push(b'[');
        }
        json.push(b']');
    }
    json.push(b'}');
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
    fn a_term_s_every_byte_counts_in_its_hash() {
        let terms = [
            "a",
            "b",
            "ab",
            "ba",
            "abc",
            "acb",
            "cba",
            "abcd",
            "abdc",
            "bacd",
            "abcde",
            "abced",
            "abcdefg",
            "abcdegf",
            "bacdefg",
            "abcdefgh",
            "abcdefghi",
            "abcdefghj",
        ];
        let hashes: std::collections::HashSet<u64> = terms.iter().map(|t| hash(t)).collect();
        assert_eq!(hashes.len(), terms.len());
    }

    #[test]
    fn short_terms_of_one_length_never_share_a_hash() {
        // Every two-byte term over a wide alphabet, and many longer ones
        // up to the bound, from a fixed sequence of numbers.
        let alphabet: Vec<char> = ('0'..='z').chain(['é', 'ß']).collect();
        let mut terms: Vec<String> = alphabet
            .iter()
            .flat_map(|a| alphabet.iter().map(move |b| format!("{a}{b}")))
            .collect();
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        for n in 0..50_000 {
            let len = 3 + n % (WHOLE_IN_HASH - 2);
            let term: String = (0..len)
                .map(|_| {
                    state = state
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1);
                    char::from(b'a' + (state >> 59) as u8 % 26)
                })
                .collect();
            terms.push(term);
        }
        terms.sort();
        terms.dedup();
        let mut seen = std::collections::HashMap::new();
        for term in &terms {
            assert!(term.len() <= WHOLE_IN_HASH);
            if let Some(other) = seen.insert((term.len(), hash(term)), term) {
                panic!("{term} and {other} share a hash");
            }
        }
    }

    #[test]
    fn a_term_hashes_alike_wherever_it_is_read_from() {
        let text = "cells anode lithium-ion separators x";
        for start in 0..text.len() {
            for end in start + 1..=text.len() {
                let term = &text[start..end];
                assert_eq!(
                    hash_at(text.as_bytes(), start, end - start),
                    hash(term),
                    "{term}"
                );
            }
        }
    }

    #[test]
    fn postings_list_each_term_s_articles_in_order() {
        let a = scored(&[(0, 3), (2, 1)]);
        let b = scored(&[(1, 1)]);
        let c = scored(&[(0, 1), (1, 2)]);
        let postings = Postings::new([&a, &b, &c]);
        let of = |term| postings.of(term).collect::<Vec<_>>();
        assert_eq!(of(0), [(0, 3), (2, 1)]);
        assert_eq!(of(1), [(1, 1), (2, 2)]);
        assert_eq!(postings.count(3), 0, "a term no article holds");
        assert_eq!(postings.len(), 5);
        let names = ["lithium", "cells", "sodium", "gone"];
        assert_eq!(
            shard_json(&[1, 0], &names, &postings),
            br#"{"cells":[1,1,1,2],"lithium":[0,3,2,1]}"#
        );
        assert_eq!(shard_json(&[3], &names, &postings), br#"{"gone":[]}"#);
    }

    #[test]
    fn a_shard_is_the_json_serde_writes_for_its_gaps_and_scores() {
        // Gaps and scores of one to five digits, and the largest score.
        let articles: Vec<u32> = vec![0, 9, 10, 109, 1109, 31_109, 131_109];
        let lists: Vec<Scored> = (0..=*articles.last().unwrap())
            .map(|a| match articles.iter().position(|&b| b == a) {
                Some(n) => scored(&[(0, [1, 9, 10, 99, 100, 200, 255][n])]),
                None => scored(&[]),
            })
            .collect();
        let postings = Postings::new(&lists);
        let mut pairs = Vec::new();
        let mut previous = 0;
        for (article, score) in postings.of(0) {
            pairs.extend([article - previous, u32::from(score)]);
            previous = article;
        }
        let expected = serde_json::to_vec(&std::collections::BTreeMap::from([("t", pairs)]));
        assert_eq!(shard_json(&[0], &["t"], &postings), expected.unwrap());
    }

    #[test]
    fn a_long_list_runs_over_many_blocks_in_order() {
        let articles = 1000;
        let lists: Vec<Scored> = (0..articles)
            .map(|a| scored(&[(0, (a % 7) as u8 + 1), (1 + a % 2, 9)]))
            .collect();
        let postings = Postings::new(&lists);
        let zero: Vec<_> = postings.of(0).collect();
        let expected: Vec<_> = (0..articles).map(|a| (a, (a % 7) as u8 + 1)).collect();
        assert_eq!(zero, expected);
        let odd: Vec<_> = postings.of(2).map(|(a, _)| a).collect();
        let expected: Vec<_> = (0..articles).filter(|a| a % 2 == 1).collect();
        assert_eq!(odd, expected);
    }
}
