//! Gazetteer helper: an aho-corasick automaton over names with word
//! boundaries, case rules and typographic folding.
//!
//! Takes names grouped by registry entry and gives back, for any text, the
//! entries named in it as byte spans of that text.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::Hit;
use crate::ingest::text::hangul::{
    company_word_after, hangul_run, is_ending, is_hangul, is_predicate_ending,
};
use crate::ingest::text::words::{word_list, Pairs};

/// Typographic variants folded to ASCII (curly quotes, non-breaking and odd
/// spaces, dashes) and whitespace runs collapsed, so scraped text matches the
/// registry. Gives back the text and, for each of its bytes plus one past
/// the end, the byte offset in the input it came from.
pub(crate) fn normalize(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    for (offset, folded) in fold(text) {
        let before = out.len();
        out.push(folded);
        map.extend(std::iter::repeat_n(offset, out.len() - before));
    }
    map.push(text.len());
    (out, map)
}

/// [`normalize`]'s text alone: the offsets are wanted only for a match.
fn normal_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    out.extend(fold(text).map(|(_, folded)| folded));
    out
}

/// The characters [`normalize`] keeps, folded, with their byte offsets.
fn fold(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut last_space = false;
    text.char_indices().filter_map(move |(offset, c)| {
        let folded = match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => '-',
            c if c.is_whitespace() => ' ',
            c => plain_letter(c),
        };
        if folded == ' ' && last_space {
            return None;
        }
        last_space = folded == ' ';
        Some((offset, folded))
    })
}

/// A Latin letter without its diacritic ("é" → "e"), so that "Québec"
/// matches the registry's "Quebec" and "Orban" matches "Orbán"; any other
/// character as it is.
fn plain_letter(c: char) -> char {
    static FOLDS: Pairs = word_list!(pairs "shared/latin-letter-folds.txt");
    // Only Latin-1 and Latin Extended-A letters carry these marks.
    if !('\u{C0}'..='\u{17F}').contains(&c) {
        return c;
    }
    let mut buffer = [0; 4];
    let letter: &str = c.encode_utf8(&mut buffer);
    FOLDS
        .iter()
        .find(|(accented, _)| *accented == letter)
        .and_then(|(_, plain)| plain.chars().next())
        .unwrap_or(c)
}

/// Case rules per pattern: acronyms ("GIST", "SK") must match exactly, so
/// that the English word "gist" is not the institute.
fn exact_case(pattern: &str) -> bool {
    pattern.chars().any(|c| c.is_uppercase()) && !pattern.chars().any(|c| c.is_lowercase())
}

/// An automaton over names, each pattern pointing at its registry entry.
pub(super) struct Matcher {
    automaton: AhoCorasick,
    /// Per pattern: (entity index, exact case).
    pub(super) targets: Vec<(usize, bool)>,
    /// Per pattern: (entity index, index of the name within the entity).
    pub(super) origins: Vec<(usize, usize)>,
    patterns: Vec<String>,
    /// Topic keywords: a Hangul noun may also be used as a verb.
    shared: bool,
}

impl Matcher {
    /// Patterns grouped by entity; empty and duplicate patterns are skipped.
    /// Unless `shared`, a name used by two entities keeps its first (slug
    /// order decides); shared patterns (topic keywords) point at each.
    pub(super) fn new<I, J>(entities: I, shared: bool) -> Matcher
    where
        I: Iterator<Item = J>,
        J: Iterator<Item = String>,
    {
        let mut seen = HashMap::new();
        let mut patterns = Vec::new();
        let mut targets = Vec::new();
        let mut origins = Vec::new();
        for (entity, names) in entities.enumerate() {
            for (index, name) in names.enumerate() {
                if name.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                    continue;
                }
                // Patterns fold as the text does ("Hydro-Québec").
                let name = normal_text(&name);
                let exact = exact_case(&name);
                let key = if exact {
                    name.clone()
                } else {
                    name.to_lowercase()
                };
                if seen
                    .insert((key, if shared { entity } else { usize::MAX }), entity)
                    .is_some()
                {
                    continue;
                }
                targets.push((entity, exact));
                origins.push((entity, index));
                patterns.push(name);
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("gazetteer patterns build an automaton");
        Matcher {
            automaton,
            targets,
            origins,
            patterns,
            shared,
        }
    }

    /// Every valid match (word boundaries, case rules), then the leftmost
    /// longest non-overlapping ones. Spans are offsets into `text`.
    pub(super) fn find(&self, text: &str) -> Vec<Hit> {
        let mut hits = self.find_all(text);
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        let mut chosen: Vec<Hit> = Vec::with_capacity(hits.len());
        for hit in hits {
            if chosen.last().is_none_or(|last| hit.start >= last.end) {
                chosen.push(hit);
            }
        }
        chosen
    }

    /// Every valid match, overlapping ones included.
    pub(super) fn find_all(&self, text: &str) -> Vec<Hit> {
        let normal = normal_text(text);
        let mut map = None;
        self.automaton
            .find_overlapping_iter(normal.as_str())
            .filter_map(|m| {
                let pattern = m.pattern().as_usize();
                let (entity, exact) = self.targets[pattern];
                let found = &normal[m.start()..m.end()];
                if exact && found != self.patterns[pattern] {
                    return None;
                }
                // "the building shell" is no "Shell": a capitalized name of
                // one word is written capitalized; names of several words
                // ("Trade Ministry") and keywords are any case.
                let capitalized = |name: &str| {
                    name.starts_with(|c: char| c.is_ascii_uppercase()) && !name.contains(' ')
                };
                if !self.shared
                    && capitalized(&self.patterns[pattern])
                    && found.starts_with(|c: char| c.is_ascii_lowercase())
                {
                    return None;
                }
                if !at_boundaries(&normal, m.start(), m.end(), self.shared) {
                    return None;
                }
                let map: &[usize] = map.get_or_insert_with(|| normalize(text).1);
                Some(Hit {
                    start: map[m.start()],
                    end: map[m.end()],
                    entity,
                    pattern,
                })
            })
            .collect()
    }
}

/// True when the match does not start or end inside a word. Korean
/// particles attach directly to names ("산업부는"), so a Hangul name may
/// run into the next Hangul syllable; but a name of two syllables or fewer
/// does so only before a particle or suffix (not "전주" in "전주기"), and
/// no Hangul name starts inside a Hangul word ("산은" in "방산은"). A
/// keyword (`verbs`) also runs into 하다 or 되다 ("투입했다").
fn at_boundaries(text: &str, start: usize, end: usize, verbs: bool) -> bool {
    let inside = &text[start..end];
    let first = inside.chars().next();
    let last = inside.chars().next_back();
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let clash = |edge: Option<char>, neighbour: Option<char>| match (edge, neighbour) {
        (Some(e), Some(n)) => e.is_alphanumeric() && !is_hangul(e) && n.is_alphanumeric(),
        _ => false,
    };
    let both_hangul = |edge: Option<char>, neighbour: Option<char>| {
        edge.is_some_and(is_hangul) && neighbour.is_some_and(is_hangul)
    };
    if both_hangul(first, before) {
        return false;
    }
    if both_hangul(last, after) {
        let short = inside.chars().rev().take_while(|&c| is_hangul(c)).count() <= 2;
        let rest = hangul_run(&text[end..]);
        if short && !is_ending(rest) && !(verbs && is_predicate_ending(rest)) {
            return false;
        }
    }
    // "삼성SDI는", "SK온의": a Latin or digit end takes a Korean particle
    // (but "LG" stays out of "LG에너지솔루션"); "BMW사가": also 사, the
    // word for a company, before one.
    let rest = &text[end..];
    let particle_after =
        after.is_some_and(is_hangul) && (is_ending(hangul_run(rest)) || company_word_after(rest));
    !clash(first, before) && (particle_after || !clash(last, after))
}
