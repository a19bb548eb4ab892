//! Extraction, who speaks a quoted sentence: the organization named where
//! its quotation opens (`Kim of Ok-BIC said, “…`) or, failing that, where
//! it closes (`…,” said Kim of Ok-BIC`). Lets a first-person "we" be read
//! as the organization it means, in event titles and in `about`.

use super::Sentence;
use crate::ingest::gazetteer::Hit;
use crate::ingest::text::words::{word_list, Pairs};

/// Sentences a quotation may run over before its speaker is named.
const QUOTE_SPAN: usize = 8;

/// First-person words and how each reads in the third person; `-` for a
/// person's own ("I", "my").
static FIRST_PERSON: Pairs = word_list!(pairs "extract/first-person-words.txt");

/// A first-person word as written ("We", "our", "I"; not "US"): its third
/// person form, `-` when it is a person's own.
pub(super) fn third_person_of(word: &str) -> Option<&'static str> {
    let lower = word.to_lowercase();
    let capitals = word.chars().count() > 1 && word.chars().all(char::is_uppercase);
    if capitals {
        return None;
    }
    FIRST_PERSON
        .iter()
        .find(|(first, _)| *first == lower)
        .map(|(_, third)| *third)
}

/// Whether `text` speaks in the first person plural ("we", "our", "us"):
/// an organization speaking.
pub(super) fn in_first_person(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic())
        .any(|w| third_person_of(w).is_some_and(|t| t != "-"))
}

/// Whether a quotation mark at byte `at` of `text` opens a quotation.
fn opens(text: &str, at: usize, mark: char) -> bool {
    match mark {
        '“' => true,
        '"' => {
            let before = text[..at].chars().next_back();
            let after = text[at + 1..].chars().next();
            before.is_none_or(|c| c.is_whitespace() || "(:,".contains(c))
                && after.is_some_and(|c| !c.is_whitespace())
        }
        _ => false,
    }
}

/// Quotation marks of `text`: (byte offset, opens).
fn marks(text: &str) -> Vec<(usize, bool)> {
    text.char_indices()
        .filter(|&(_, c)| matches!(c, '“' | '”' | '"'))
        .map(|(i, c)| (i, opens(text, i, c)))
        .collect()
}

/// The organization that speaks in sentence `at`: as its text names it,
/// and its registry hit.
pub(super) fn speaker<'s>(sentences: &[&'s Sentence<'_>], at: usize) -> Option<(&'s str, &'s Hit)> {
    // Where the quotation opens: back from the sentence, the latest
    // opening mark before a closing one.
    let from = at.saturating_sub(QUOTE_SPAN);
    for j in (from..=at).rev() {
        let sentence = sentences[j];
        let marks = marks(sentence.text);
        match marks.last() {
            Some(&(_, false)) if j < at => break,
            _ => {}
        }
        if let Some(&(open, _)) = marks.iter().rev().find(|m| m.1) {
            let named = sentence
                .organizations
                .iter()
                .rfind(|h| h.end <= open)
                .map(|h| (&sentence.text[h.start..h.end], h));
            if named.is_some() {
                return named;
            }
            break;
        }
    }
    // Where it closes: forward to the first closing mark, the
    // organization named after it.
    for sentence in sentences.iter().skip(at).take(QUOTE_SPAN) {
        let marks = marks(sentence.text);
        if let Some(&(close, _)) = marks.iter().find(|m| !m.1) {
            return sentence
                .organizations
                .iter()
                .find(|h| h.start > close)
                .map(|h| (&sentence.text[h.start..h.end], h));
        }
        if marks.iter().any(|m| m.1) && sentence.text != sentences[at].text {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(text: &'static str, org: &str) -> Sentence<'static> {
        let organizations = text
            .find(org)
            .map(|start| Hit {
                start,
                end: start + org.len(),
                entity: 0,
                pattern: 0,
            })
            .into_iter()
            .collect();
        Sentence {
            text,
            part: super::super::Part::Body,
            organizations,
            places: Vec::new(),
            unknown: Vec::new(),
        }
    }

    #[test]
    fn the_speaker_is_named_where_the_quotation_opens_or_closes() {
        let opened = sentence("Ok-BIC Director Kim added, “Our goal is big.", "Ok-BIC");
        let inside = sentence("Here, we will unveil cells by 2029.”", "none");
        let after = sentence("KRICT held a forum.", "KRICT");
        let sentences = [&opened, &inside, &after];
        assert_eq!(speaker(&sentences, 1).map(|s| s.0), Some("Ok-BIC"));
        let closing = sentence(
            "“We will build a plant,” said Lee of LG Energy Solution.",
            "LG Energy Solution",
        );
        assert_eq!(
            speaker(&[&closing], 0).map(|s| s.0),
            Some("LG Energy Solution")
        );
        let straight = sentence("LG Chem said: \"We will expand.\"", "LG Chem");
        assert_eq!(speaker(&[&straight], 0).map(|s| s.0), Some("LG Chem"));
        // A quotation closed before the sentence says nothing about it.
        let closed = sentence("Ok-BIC said, “It is big.”", "Ok-BIC");
        let plain = sentence("Then we will see.", "none");
        assert_eq!(speaker(&[&closed, &plain], 1), None);
        assert!(in_first_person("Then we will see.") && !in_first_person("Western users"));
        assert!(!in_first_person("Exports to the US grew.") && !in_first_person("I will go."));
    }
}
