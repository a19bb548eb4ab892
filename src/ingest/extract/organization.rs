//! Extraction, organizations: registry mentions and suggestions.
//!
//! Takes the sentences with their gazetteer hits and gives back registry
//! slugs in first-mention order (with evidence), and, from general naming
//! patterns ("Ministry of …", "… Institute", "… Co., Ltd.", "Full Name
//! (ACRONYM)"), the organizations the registry does not know yet, so they
//! can be added rather than silently dropped.

use std::collections::{BTreeMap, HashSet};

use super::Sentence;
use crate::content::front_matter::OrganizationSuggestion;
use crate::ingest::gazetteer::{Gazetteer, Hit};
use crate::ingest::text::token::{tokenize, Token};
use crate::ingest::text::vocab::SENTENCE_OPENERS;
use crate::ingest::text::words::{word_list, Pairs, Words};

/// Generic references that are not a named organization.
static GENERIC: Words = word_list!("extract/generic-organizations.txt");

/// Registry slugs in first-mention order; records each one's first sentence.
pub(crate) fn registry_mentions(
    sentences: &[&Sentence<'_>],
    gazetteer: &Gazetteer,
    evidence: &mut BTreeMap<String, String>,
) -> Vec<String> {
    let mut slugs = Vec::new();
    for sentence in sentences {
        for hit in &sentence.organizations {
            let written = sentence.text[hit.start..hit.end].to_lowercase();
            if GENERIC.contains(&written.as_str()) || is_credit(sentence.text, hit) {
                continue;
            }
            let slug = &gazetteer.organizations()[hit.entity].slug;
            if !slugs.contains(slug) {
                slugs.push(slug.clone());
                evidence.insert(format!("organization:{slug}"), sentence.text.to_string());
            }
        }
    }
    slugs
}

/// A source credit rather than an actor: "Source: X",
/// "© X", "Copyright X", a dateline "X —" opening the sentence, or a wire
/// credit "(X) -". The outlet that published a story is not part of it.
fn is_credit(text: &str, hit: &Hit) -> bool {
    let before = text[..hit.start].trim_end().to_lowercase();
    let before = before
        .strip_suffix("the")
        .map_or(before.as_str(), str::trim_end);
    let after = text[hit.end..].trim_start();
    let dash = |rest: &str| rest.starts_with(['-', '\u{2014}', '\u{2013}', ':']);
    let credited = ["source:", "\u{a9}", "copyright", "copyrights", "(c)"]
        .iter()
        .any(|w| before.ends_with(w));
    let dateline = before.is_empty() && dash(after);
    let wire = before.ends_with('(')
        && after
            .strip_prefix(')')
            .is_some_and(|r| dash(r.trim_start()));
    credited || dateline || wire
}

/// Head words that end an organization's name, with the kind they suggest.
static HEADS: Pairs = word_list!(pairs "extract/organization-heads.txt");

/// An organization name found by pattern that the registry lacks: its
/// byte span in the sentence and a guessed kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unknown {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: Option<&'static str>,
}

/// Names in `text` that look like organizations, overlap no registry hit
/// in `known` and are not registry names either.
pub(crate) fn unknown(text: &str, known: &[Hit], gazetteer: &Gazetteer) -> Vec<Unknown> {
    let tokens = tokenize(text);
    candidates(&tokens)
        .into_iter()
        .filter_map(|(start, end, kind)| {
            let (from, to) = (tokens[start].start, tokens[end - 1].end);
            let overlaps = known.iter().any(|h| h.start < to && from < h.end);
            let name = text[from..to].trim_end_matches(',');
            (!overlaps && gazetteer.organization_named(name).is_none()).then_some(Unknown {
                start: from,
                end: from + name.len(),
                kind,
            })
        })
        .collect()
}

/// Organizations named by general patterns and absent from the registry,
/// each once, with the first sentence naming it.
pub(crate) fn suggestions(sentences: &[&Sentence<'_>]) -> Vec<OrganizationSuggestion> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for sentence in sentences {
        for found in &sentence.unknown {
            let name = &sentence.text[found.start..found.end];
            if seen.insert(name.to_lowercase()) {
                out.push(OrganizationSuggestion {
                    name: name.to_string(),
                    kind: found.kind.map(str::to_string),
                    quote: Some(sentence.text.to_string()),
                });
            }
        }
    }
    out
}

/// Token ranges that look like organization names, with a guessed kind.
fn candidates(tokens: &[Token<'_>]) -> Vec<(usize, usize, Option<&'static str>)> {
    let mut found = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if let Some(&(_, kind)) = HEADS.iter().find(|(h, _)| token.text == *h) {
            let start = extend_left(tokens, i);
            let mut end = extend_right(tokens, i + 1);
            if matches!(kind, "company") {
                end = company_suffix_end(tokens, i);
            }
            let words = tokens[start..end].iter().filter(|t| t.is_word()).count();
            let head_first = token.text == "Ministry" || token.text == "University";
            if words >= 2 && (start < i || head_first && end > i + 1) {
                found.push((start, end, Some(kind)));
            }
        }
        if let Some(range) = acronym_definition(tokens, i) {
            found.push((range.0, range.1, None));
        }
    }
    // Longest first at each start; a guessed kind beats none.
    found.sort_by_key(|&(start, end, kind)| (start, std::cmp::Reverse(end), kind.is_none()));
    found.dedup_by(|b, a| b.0 < a.1 && a.0 <= b.0);
    found
}

fn is_name_word(token: &Token<'_>) -> bool {
    (token.is_capitalized()
        || token
            .text
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit()))
        && !SENTENCE_OPENERS.contains(&token.text)
}

/// Walk left over capitalized words and inner connectors ("&", "and").
fn extend_left(tokens: &[Token<'_>], head: usize) -> usize {
    let mut start = head;
    while start > 0 {
        let prev = &tokens[start - 1];
        let connector =
            matches!(prev.text, "&" | "and") && start >= 2 && is_name_word(&tokens[start - 2]);
        if is_name_word(prev) || connector {
            start -= 1;
        } else {
            break;
        }
    }
    start
}

/// After a head: "of"/"for" plus capitalized words, "and"/"&"/"," between
/// them ("Ministry of Trade, Industry and Energy").
fn extend_right(tokens: &[Token<'_>], from: usize) -> usize {
    let linked = tokens
        .get(from)
        .is_some_and(|t| matches!(t.text, "of" | "for" | "on"))
        && tokens.get(from + 1).is_some_and(is_name_word);
    if !linked {
        return from;
    }
    let mut end = from + 2;
    while end < tokens.len() {
        let t = &tokens[end];
        let next_is_name = tokens.get(end + 1).is_some_and(is_name_word);
        if is_name_word(t) {
            end += 1;
        } else if (matches!(t.text, "and" | "&" | "of")
            || t.text == "," && list_closes(tokens, end + 1))
            && next_is_name
        {
            end += 2;
        } else {
            break;
        }
    }
    end
}

/// A comma inside a name only in "A, B and C" lists of capitalized words.
fn list_closes(tokens: &[Token<'_>], mut at: usize) -> bool {
    while at < tokens.len() && is_name_word(&tokens[at]) {
        at += 1;
    }
    tokens.get(at).is_some_and(|t| t.text == "and") && tokens.get(at + 1).is_some_and(is_name_word)
}

/// "Co", "Ltd", "Inc" with their periods and a following ", Ltd.".
fn company_suffix_end(tokens: &[Token<'_>], head: usize) -> usize {
    let mut end = head + 1;
    if tokens.get(end).is_some_and(|t| t.text == ".") {
        end += 1;
    }
    let more = tokens.get(end).is_some_and(|t| t.text == ",")
        && tokens
            .get(end + 1)
            .is_some_and(|t| matches!(t.text, "Ltd" | "Inc" | "LLC"));
    if more {
        end += 2;
        if tokens.get(end).is_some_and(|t| t.text == ".") {
            end += 1;
        }
    }
    end
}

/// "Full Name (ACRONYM)" where the acronym's letters are the initials of
/// the name's words, in order. Gives the range of the full name.
fn acronym_definition(tokens: &[Token<'_>], open: usize) -> Option<(usize, usize)> {
    if tokens[open].text != "(" || open < 2 {
        return None;
    }
    let acronym = tokens.get(open + 1)?;
    let closes = tokens.get(open + 2).is_some_and(|t| t.text == ")");
    let letters: Vec<char> = acronym.text.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    if !closes || !all_caps {
        return None;
    }
    let mut start = open;
    while start > 0 {
        let prev = &tokens[start - 1];
        let connector = matches!(prev.text, "of" | "for" | "and" | "&" | "the" | "on")
            && start >= 2
            && is_name_word(&tokens[start - 2]);
        if is_name_word(prev) || connector {
            start -= 1;
        } else {
            break;
        }
    }
    let initials: Vec<char> = tokens[start..open]
        .iter()
        .filter(|t| t.is_capitalized())
        .flat_map(|t| t.text.split('-').filter_map(|w| w.chars().next()))
        .collect();
    let mut it = initials.iter();
    let matched = letters.iter().all(|l| it.any(|c| c == l));
    (open - start >= 2 && matched && initials.first() == letters.first()).then_some((start, open))
}

#[cfg(test)]
mod tests;
