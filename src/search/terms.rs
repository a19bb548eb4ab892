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

use std::borrow::Cow;

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

/// Every term of `text`, in order, once per occurrence.
pub(crate) fn terms<'t>(text: &'t str, mut emit: impl FnMut(Cow<'t, str>)) {
    let mut rest = text;
    while let Some(start) = rest.find(is_word) {
        let word = &rest[start..];
        let hangul = word.starts_with(is_hangul);
        let end = word
            .find(|c: char| !is_word(c) || is_hangul(c) != hangul)
            .unwrap_or(word.len());
        let (word, after) = word.split_at(end);
        if hangul {
            bigrams(word, &mut emit);
        } else if word.chars().nth(MAX_WORD_CHARS).is_none() {
            emit(lowercase(word));
        }
        rest = after;
    }
}

fn bigrams<'t>(word: &'t str, emit: &mut impl FnMut(Cow<'t, str>)) {
    // Where each character starts, and the end.
    let mut bounds: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
    bounds.push(word.len());
    if bounds.len() == 2 {
        emit(Cow::Borrowed(word));
        return;
    }
    for pair in bounds.windows(3) {
        emit(Cow::Borrowed(&word[pair[0]..pair[2]]));
    }
}

fn lowercase(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
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
        terms(text, |t| out.push(t.into_owned()));
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
