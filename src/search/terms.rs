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
    c.is_alphanumeric()
}

/// Every term of `text`, in order, once per occurrence, as the byte range
/// it spans. `text` must be lower-cased already where it is ASCII
/// ([`str::make_ascii_lowercase`], done once for a whole text, not word by
/// word); `lower` says the term holds another capital, for the caller to
/// lower-case it. An ASCII word is read by table, a byte at a time (most
/// words); anything else a character at a time.
pub(crate) fn terms(text: &str, mut emit: impl FnMut(Range<usize>, bool)) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b.is_ascii() {
            if !ASCII_WORD[usize::from(b)] {
                at += 1;
                continue;
            }
            let start = at;
            at += 1;
            while at < bytes.len() && ASCII_WORD[usize::from(bytes[at])] {
                at += 1;
            }
            let upper = b.is_ascii_uppercase();
            if at == bytes.len() || bytes[at].is_ascii() {
                if at - start <= MAX_WORD_CHARS {
                    emit(start..at, upper);
                }
            } else {
                at = word(text, start, at, (at - start, upper, false), &mut emit);
            }
        } else {
            let (first, width) = char_at(text, at);
            if !is_word(first) {
                at += width;
                continue;
            }
            let state = (1, first.is_uppercase(), is_hangul(first));
            at = word(text, at, at + width, state, &mut emit);
        }
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

/// Read on the word that starts at byte `start` of `text`, read as far as
/// `at`: `chars` characters so far, `upper` whether one was a capital,
/// `hangul` whether it is Hangul. Emits its terms; gives back where it
/// ends.
fn word(
    text: &str,
    start: usize,
    mut at: usize,
    (mut chars, mut upper, hangul): (usize, bool, bool),
    emit: &mut impl FnMut(Range<usize>, bool),
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
        emit(start..at, upper);
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

fn bigrams(text: &str, word: Range<usize>, emit: &mut impl FnMut(Range<usize>, bool)) {
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
        emit(a..c, false);
        (a, b, one) = (b, c, false);
    }
    if one {
        emit(a..b, false);
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
        let text = text.to_ascii_lowercase();
        let mut out = Vec::new();
        terms(&text, |range, lower| {
            let term = &text[range];
            out.push(if lower {
                term.to_lowercase()
            } else {
                term.to_string()
            });
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
