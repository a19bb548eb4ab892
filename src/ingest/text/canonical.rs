//! Ingest, text layer: text folded to a canonical word form for topic matching.
//!
//! Takes a sentence or a registry keyword and gives back lowercase, lightly
//! stemmed words joined by single spaces, with spelling variants folded to
//! the usual term. Keywords and text go through the same function, so a
//! keyword matches its plural, its hyphenated spelling and its common
//! variants ("Li-ion", "EVs", "autos").

use crate::ingest::text::words::{word_list, Pairs};

/// Spelling variants of one term, folded to the keyword's form.
static FOLDS: Pairs = word_list!(pairs "shared/topic-folds.txt");

/// The canonical form of a phrase (see the module comment).
pub(crate) fn canonical_phrase(text: &str) -> String {
    let words: Vec<String> = split_words(text).map(|w| stem(&w.to_lowercase())).collect();
    let mut out: Vec<&str> = Vec::with_capacity(words.len());
    let mut i = 0;
    'words: while i < words.len() {
        for (from, to) in &FOLDS {
            let end = i + from.split(' ').count();
            if end <= words.len()
                && words[i..end]
                    .iter()
                    .zip(from.split(' '))
                    .all(|(a, b)| same_word(a, b))
            {
                out.extend(to.split(' '));
                i = end;
                continue 'words;
            }
        }
        out.push(&words[i]);
        i += 1;
    }
    out.join(" ")
}

/// A text word and a word of a fold: equal, or a Hangul word with a
/// particle glued to it ("고체전해질계면을" for "고체전해질계면").
fn same_word(word: &str, fold: &str) -> bool {
    word == fold || !fold.is_ascii() && super::hangul::strip_particle(word) == fold
}

/// Words: runs of letters and digits; `&` stays inside ("R&D"). A
/// clause mark (comma, semicolon, colon) stays as a word of its own, so a
/// keyword never matches across it: "South Korea, China and Japan" is a
/// list of countries, not "Korea-China" cooperation. A keyword that is
/// itself a list keeps its commas and still matches.
fn split_words(text: &str) -> impl Iterator<Item = &str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        if c.is_alphanumeric() || c == '&' {
            continue;
        }
        pieces.push(&text[start..at]);
        if CLAUSE_MARKS.contains(&c) {
            pieces.push(&text[at..at + c.len_utf8()]);
        }
        start = at + c.len_utf8();
    }
    pieces.push(&text[start..]);
    pieces
        .into_iter()
        .map(|w| w.trim_matches('&'))
        .filter(|w| !w.is_empty())
}

/// Punctuation that ends a phrase inside a sentence (see [`split_words`]).
const CLAUSE_MARKS: [char; 6] = [',', ';', ':', '，', '；', '：'];

/// Light plural stemming: enough to match "batteries" with "battery".
fn stem(word: &str) -> String {
    let n = word.len();
    if !word.is_ascii() || n < 3 {
        return word.to_string();
    }
    if let Some(base) = word.strip_suffix("ies") {
        if n > 4 {
            return format!("{base}y");
        }
    }
    if word.ends_with("sses") || word.ends_with("xes") || word.ends_with("ches") {
        return word[..n - 2].to_string();
    }
    let keep = ["ss", "us", "is", "as"];
    if word.ends_with('s') && !keep.iter().any(|k| word.ends_with(k)) {
        return word[..n - 1].to_string();
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_lowercases() {
        assert_eq!(
            canonical_phrase("Solid-State Batteries"),
            "solid state battery"
        );
        assert_eq!(canonical_phrase("processes analysis"), "process analysis");
    }

    #[test]
    fn folds_spelling_variants() {
        assert_eq!(canonical_phrase("electrical autos"), "electric vehicle");
        assert_eq!(canonical_phrase("R&D"), "r&d");
        assert_eq!(canonical_phrase("research and development"), "r&d");
        assert_eq!(canonical_phrase("Li-S cells"), "lithium sulfur cell");
        assert_eq!(canonical_phrase("EVs"), "electric vehicle");
        assert_eq!(canonical_phrase("AI chips"), "artificial intelligence chip");
        assert_eq!(canonical_phrase("the authorities"), "the authority");
        // The interphase every liquid-electrolyte cell grows is no solid
        // electrolyte, in either language, particle or not.
        assert_eq!(
            canonical_phrase("a thin solid-electrolyte interphase"),
            "a thin sei"
        );
        assert_eq!(canonical_phrase("고체전해질계면을 형성"), "sei 형성");
    }

    #[test]
    fn phrases_end_at_clause_marks() {
        assert_eq!(
            canonical_phrase("Germany, France and Spain"),
            "germany , france and spain"
        );
        assert_eq!(
            canonical_phrase("cells; storage: grids"),
            "cell ; storage : grid"
        );
        assert_eq!(
            canonical_phrase("cathodes, anodes and separators"),
            canonical_phrase("cathodes,anodes and separators")
        );
    }
}
