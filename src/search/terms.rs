//! Search terms: text → the terms the index holds, and each term's shard.
//!
//! A word is a run of letters and digits (Unicode `Alphabetic` or a
//! number). Hangul is cut from the rest (`삼성SDI` is `삼성` and `sdi`).
//! Other words are lower-cased whole: a query matches them by prefix.
//! Korean writes particles onto words (`산업통상자원부는`), so Hangul is
//! indexed by character bigrams (`산업`, `업통`, …; a one-syllable word
//! is its own term): a query's bigrams all present find the word inside
//! a longer one. `themes/default/static/js/search.js` cuts queries by the
//! same rules; the two must change together.

use std::ops::Range;

use super::{runs, HIGH};

/// Longer words are not indexed (a URL, a hash, a run of digits).
pub(crate) const MAX_WORD_CHARS: usize = 40;

/// Characters of a non-Hangul term that choose its shard: a query of at
/// least this many matches by prefix inside one shard.
pub(crate) const KEY_CHARS: usize = 3;

/// Whether `c` is Hangul (syllables, jamo, compatibility jamo).
pub(crate) fn is_hangul(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'
        | '\u{3130}'..='\u{318F}'
        | '\u{A960}'..='\u{A97F}'
        | '\u{AC00}'..='\u{D7FF}')
}

fn is_word(c: char) -> bool {
    // Quotes, dashes and currency signs (common in news text) are told
    // without the slow look-up of the Unicode tables: no letter or number
    // is among them.
    !is_punctuation(c) && c.is_alphanumeric()
}

/// The blocks General Punctuation and Currency Symbols (not the
/// superscripts and subscripts between them, which are numbers).
fn is_punctuation(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}' | '\u{20A0}'..='\u{20CF}')
}

/// Every term of `text`, in order, once per occurrence, as the byte range
/// it spans, capitals as written: the sink lower-cases them
/// ([`Sink`]). Runs of ASCII letters, digits and non-ASCII bytes are
/// found 64 bytes at a time ([`runs`]); a run of ASCII only is one
/// word (most words), any other is read a character at a time.
// Inlined, with `characters`, into the index's counter, whose inner
// loop it is: left to the compiler's choice, an edit elsewhere in the
// module once built them apart, 5 % more instructions (69 M at 10,000
// articles, callgrind).
#[inline(always)]
pub(crate) fn terms(text: &str, emit: &mut impl Sink) {
    let bytes = text.as_bytes();
    for (run, beyond_ascii) in runs::runs(bytes) {
        if beyond_ascii {
            // A run ends at an ASCII byte that is no letter or digit (or
            // the text's end), where every word ends too.
            characters(text, run, emit);
        } else if run.end - run.start <= MAX_WORD_CHARS {
            let head = runs::eight(bytes, run.start);
            emit.ascii(run, head);
        }
    }
}

/// The terms of `text` within `within`, read a character at a time
/// (ASCII words eight bytes at a time); `within` ends where a word ends.
#[inline(always)] // with `terms`, into the counter's loop
fn characters(text: &str, within: Range<usize>, emit: &mut impl Sink) {
    let bytes = text.as_bytes();
    let mut at = within.start;
    while at < within.end {
        let b = bytes[at];
        if b.is_ascii() {
            if !ASCII_WORD[usize::from(b)] {
                at += 1;
                continue;
            }
            let start = at;
            // The word's first eight bytes tell where it ends when it is
            // shorter (most are), and are the term.
            let head = runs::eight(bytes, start);
            let stops = !runs::ascii_word_bytes(head) & HIGH;
            at = match stops {
                0 => ascii_word_end(bytes, start + 8),
                _ => start + (stops.trailing_zeros() / 8) as usize,
            };
            match bytes.get(at) {
                Some(b) if !b.is_ascii() => {
                    at = word(text, start, at, (at - start, false, false), emit);
                }
                next => {
                    if at - start <= MAX_WORD_CHARS {
                        emit.ascii(start..at, head);
                    }
                    // Past the byte that ended it (ASCII, not a letter or
                    // digit), if any.
                    at += usize::from(next.is_some());
                }
            }
        } else {
            let (first, width) = char_at(text, at);
            if !is_word(first) {
                at += width;
                continue;
            }
            let state = (1, first.is_uppercase(), is_hangul(first));
            at = word(text, at, at + width, state, emit);
        }
    }
}

/// What takes each term as [`terms`] reads it: a closure (given every
/// term as [`Sink::term`] gives it), or a type whose methods are inlined
/// into the reading loop (the index's counter). A term is the text of its
/// range with ASCII capitals lower-cased, and then lower-cased whole
/// ([`str::to_lowercase`]) when `upper` says it holds a capital beyond
/// ASCII.
pub(crate) trait Sink {
    /// A word of ASCII letters and digits only (most words): lower-cased
    /// by setting each byte's 0x20 bit. `head` is its first eight bytes
    /// as one little-endian number (zeros after the text's end), more
    /// after a shorter word.
    fn ascii(&mut self, range: Range<usize>, head: u64) {
        let _ = head;
        self.term(range, false);
    }

    /// Any other term.
    fn term(&mut self, range: Range<usize>, upper: bool);
}

impl<F: FnMut(Range<usize>, bool)> Sink for F {
    fn term(&mut self, range: Range<usize>, upper: bool) {
        self(range, upper);
    }
}

/// Which bytes are ASCII word characters (any other byte is not).
const ASCII_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Where the run of ASCII letters and digits from `at` stops.
#[inline]
fn ascii_word_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(eight) = bytes.get(at..at + 8) {
        let chunk = u64::from_le_bytes(eight.try_into().expect("8 bytes"));
        let stops = !runs::ascii_word_bytes(chunk) & HIGH;
        if stops != 0 {
            return at + (stops.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < bytes.len() && ASCII_WORD[usize::from(bytes[at])] {
        at += 1;
    }
    at
}

/// Read on the word that starts at byte `start` of `text`, read as far as
/// `at`: `chars` characters so far, `upper` whether one was a capital
/// beyond ASCII,
/// `hangul` whether it is Hangul. Emits its terms; gives back where it
/// ends.
fn word(
    text: &str,
    start: usize,
    mut at: usize,
    (mut chars, mut upper, hangul): (usize, bool, bool),
    emit: &mut impl Sink,
) -> usize {
    let bytes = text.as_bytes();
    while at < bytes.len() {
        let b = bytes[at];
        if b.is_ascii() {
            if hangul || !ASCII_WORD[usize::from(b)] {
                break;
            }
            at += 1;
        } else {
            let (c, width) = char_at(text, at);
            if !is_word(c) || is_hangul(c) != hangul {
                break;
            }
            upper |= c.is_uppercase();
            at += width;
        }
        chars += 1;
    }
    if hangul {
        bigrams(text, start..at, emit);
    } else if chars <= MAX_WORD_CHARS {
        emit.term(start..at, upper);
    }
    at
}

/// The character starting at byte `at` of `text`, and its width.
fn char_at(text: &str, at: usize) -> (char, usize) {
    let b = text.as_bytes()[at];
    if b.is_ascii() {
        return (char::from(b), 1);
    }
    let c = text[at..].chars().next().expect("a character starts here");
    (c, c.len_utf8())
}

fn bigrams(text: &str, word: Range<usize>, emit: &mut impl Sink) {
    let offset = word.start;
    let word = &text[word];
    let mut starts = word
        .char_indices()
        .map(|(i, _)| offset + i)
        .chain([offset + word.len()]);
    let (Some(mut a), Some(mut b)) = (starts.next(), starts.next()) else {
        return;
    };
    let mut one = true;
    for c in starts {
        emit.term(a..c, false);
        (a, b, one) = (b, c, false);
    }
    if one {
        emit.term(a..b, false);
    }
}

/// The part of `term` that chooses its shard: the first Hangul syllable,
/// or the first [`KEY_CHARS`] characters of any other term.
pub(crate) fn key(term: &str) -> &str {
    let chars = if term.starts_with(is_hangul) {
        1
    } else {
        KEY_CHARS
    };
    match term.char_indices().nth(chars) {
        Some((at, _)) => &term[..at],
        None => term,
    }
}

/// The shard of `term` among `shards`: a hash of its [`key`] that the
/// browser computes the same way (code points, no 32-bit overflow in JS).
pub(crate) fn shard(term: &str, shards: u32) -> u32 {
    let hash = key(term)
        .chars()
        .fold(0u64, |h, c| (h * 31 + u64::from(c)) % 1_000_003);
    (hash % u64::from(shards.max(1))) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        terms(text, &mut |range: Range<usize>, upper| {
            let term = text[range].to_ascii_lowercase();
            out.push(if upper { term.to_lowercase() } else { term });
        });
        out
    }

    #[test]
    fn words_are_lower_cased_and_cut_at_anything_but_letters_and_digits() {
        assert_eq!(
            all("LG Energy Solution's 46-series cells, KRW 1.2 trillion"),
            [
                "lg", "energy", "solution", "s", "46", "series", "cells", "krw", "1", "2",
                "trillion"
            ]
        );
    }

    #[test]
    fn hangul_is_cut_from_latin_and_indexed_by_bigrams() {
        assert_eq!(all("삼성SDI"), ["삼성", "sdi"]);
        assert_eq!(all("배터리를"), ["배터", "터리", "리를"]);
        assert_eq!(all("이 배터리"), ["이", "배터", "터리"]);
    }

    #[test]
    fn capitals_beyond_ascii_are_lower_cased_too() {
        assert_eq!(all("ÉCOLE Straße ΣΟΦΙΑ"), ["école", "straße", "σοφια"]);
    }

    #[test]
    fn a_word_read_as_ascii_goes_on_into_other_letters() {
        assert_eq!(
            all("naïve CAFÉ Zürich abc삼성 x-ÿ"),
            ["naïve", "café", "zürich", "abc", "삼성", "x", "ÿ"]
        );
        let at_bound = "a".repeat(MAX_WORD_CHARS - 1) + "é";
        let over = "a".repeat(MAX_WORD_CHARS) + "é";
        assert_eq!(all(&format!("{at_bound} {over}")), [at_bound]);
    }

    #[test]
    fn punctuation_told_without_the_tables_is_no_letter_or_number() {
        for c in ('\u{1f00}'..='\u{2100}').filter(|c| is_punctuation(*c)) {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
        assert!(is_punctuation('€') && is_punctuation('“') && is_punctuation('—'));
        assert!(
            !is_punctuation('⁴') && is_word('⁴'),
            "superscripts are numbers"
        );
        assert_eq!(all("“Quoted”—€5 x⁴"), ["quoted", "5", "x⁴"]);
    }

    #[test]
    fn words_of_any_length_anywhere_are_cut_as_runs_of_letters_and_digits() {
        // Against the rule read plainly, on texts made from pieces that
        // end words, continue them, and change their case, at every
        // length around the eight bytes read at once and the text's end.
        let pieces = ["a", "B", "9", " ", "-", "é", "É", "’", "€", "xyzw"];
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for n in 0..4000 {
            // Up to some 200 bytes: runs cross the 64-byte blocks.
            let text: String = (0..n % 67)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    pieces[(state % pieces.len() as u64) as usize]
                })
                .collect();
            let plain: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty() && w.chars().count() <= MAX_WORD_CHARS)
                .map(str::to_lowercase)
                .collect();
            assert_eq!(all(&text), plain, "{text:?}");
        }
    }

    #[test]
    fn runs_found_in_blocks_give_the_terms_read_a_character_at_a_time() {
        // Hangul, Latin with and without accents, punctuation beyond
        // ASCII, over several blocks: each run read as the whole text is.
        let text = "삼성SDI의 배터리는 “ÉCOLE” naïve—cells 46-series €5 Straße ".repeat(9)
            + &"x".repeat(70)
            + "é";
        let mut by_runs = Vec::new();
        terms(&text, &mut |range: Range<usize>, upper| {
            by_runs.push((range, upper))
        });
        let mut whole = Vec::new();
        let mut sink = |range: Range<usize>, upper| whole.push((range, upper));
        characters(&text, 0..text.len(), &mut sink);
        assert_eq!(by_runs, whole);
        assert!(by_runs.len() > 100);
    }

    #[test]
    fn overlong_words_are_left_out() {
        let long = "a".repeat(MAX_WORD_CHARS + 1);
        assert_eq!(all(&format!("short {long} word")), ["short", "word"]);
    }

    #[test]
    fn a_term_shards_by_its_first_characters() {
        assert_eq!(key("lithium"), "lit");
        assert_eq!(key("li"), "li");
        assert_eq!(key("배터"), "배");
        assert_eq!(shard("lithium", 64), shard("lithography", 64));
        assert_eq!(shard("배터", 64), shard("배출", 64));
        // The browser's arithmetic (search.js), by hand: "lit" with the
        // modulus as the shard count.
        assert_eq!(shard("lithium", 1_000_003), 108 * 31 * 31 + 105 * 31 + 116);
        assert_eq!(shard("anything", 1), 0);
    }
}
