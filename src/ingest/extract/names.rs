//! Extraction helper for people: which words can be part of a person's name
//! and which are titles.
//!
//! Takes single words and says whether they can belong to a romanised name
//! ("Byung-Seon", "Jeong", "Gi", "Watanabe") or are a title or role word
//! ("President", "Vice", "Minister", "Dr"). Lists here are vocabulary, not
//! names of anyone.

use crate::ingest::text::token::Token;
use crate::ingest::text::vocab::{is_month_name, is_news_agency, SENTENCE_OPENERS};
use crate::ingest::text::words::{word_list, Words};

/// Forms of address that are not roles.
pub(crate) static HONORIFICS: Words = word_list!("extract/honorifics.txt");

/// Title words that can stand before a name or open an appositive.
static ROLES: Words = word_list!("extract/roles.txt");

/// Capitalized words that are never part of a person's name, besides
/// sentence openers and month names.
static NOT_NAME: Words = word_list!("extract/not-names.txt");

/// True for a word that can be part of a person's name: capitalized,
/// letters and inner hyphens only, not an acronym, not a common noun of
/// organization or place names, not a news agency, not a title.
pub(crate) fn is_name_token(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    first.is_uppercase()
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        && word.chars().any(char::is_lowercase)
        && !word.ends_with(['-', '\'', '’'])
        && !NOT_NAME.contains(&word)
        && !SENTENCE_OPENERS.contains(&word)
        && !is_month_name(word)
        && !is_news_agency(word)
        && !is_role_word(word)
}

/// Family names written in capitals beside a given name ("KANG Kisuk").
static CAPITAL_SURNAMES: Words = word_list!("extract/capital-surnames.txt");

static GIVEN_NAMES: Words = word_list!("extract/given-names.txt");

/// True for a given name common in English-language news ("Doug",
/// "Ursula"): the first word of a run that may be a person's name where
/// nothing else says so.
pub(crate) fn is_given_name(word: &str) -> bool {
    GIVEN_NAMES.binary_search(&word).is_ok()
}

/// True for a family name in capitals ("KIM"): part of a name only next
/// to a name word, since capitals are as often an acronym.
pub(crate) fn is_capital_surname(word: &str) -> bool {
    CAPITAL_SURNAMES.contains(&word)
}

/// Acronyms spelled with dots that are places, not a person's initials.
static DOTTED_PLACES: Words = word_list!("extract/dotted-places.txt");

/// Initials opening a name at the start of `tokens`: dotted ("J.B.", "K.",
/// "S.K.") or a short all-caps run ("JB"). Gives the number of tokens they
/// take and whether they were dotted; undotted capitals are often acronyms
/// ("LG", "EV"), so callers accept those only after a title.
pub(crate) fn initials(tokens: &[Token<'_>]) -> Option<(usize, bool)> {
    let single =
        |t: &Token<'_>| t.text.len() == 1 && t.text.chars().all(|c| c.is_ascii_uppercase());
    let mut len = 0;
    let mut letters = String::new();
    while len + 1 < tokens.len() && single(&tokens[len]) && tokens[len + 1].text == "." {
        letters.push_str(tokens[len].text);
        len += 2;
    }
    if len > 0 {
        return (len <= 6 && !DOTTED_PLACES.contains(&letters.as_str())).then_some((len, true));
    }
    let word = tokens.first()?.text;
    let caps = (2..=3).contains(&word.len()) && word.chars().all(|c| c.is_ascii_uppercase());
    (caps && !is_role_word(word)).then_some((1, false))
}

/// A person's age as written beside the name ("Kim, 45,", "김민수(58)"):
/// one to three digits.
pub(crate) fn is_age(word: &str) -> bool {
    (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// True for a title word ("President", "vice", "Dr"), also one held
/// before ("the then-CEO", "ex-minister").
pub(crate) fn is_role_word(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    static HELD_BEFORE: Words = word_list!("extract/held-title-prefixes.txt");
    let title = HELD_BEFORE
        .iter()
        .find_map(|held| lower.strip_prefix(held))
        .unwrap_or(&lower);
    ROLES.contains(&title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_are_sorted_for_their_binary_search() {
        assert!(
            GIVEN_NAMES.windows(2).all(|w| w[0] < w[1]),
            "sort extract/given-names.txt with LC_ALL=C sort -u"
        );
        assert!(is_given_name("Doug") && is_given_name("Ursula"));
        assert!(!is_given_name("Nordic") && !is_given_name("Minera"));
    }

    #[test]
    fn romanised_names_are_name_tokens() {
        for word in ["Byung-Seon", "Jeong", "Gi", "Watanabe", "Young-kuk"] {
            assert!(is_name_token(word), "{word}");
        }
        for word in [
            "KISTEP",
            "President",
            "University",
            "said",
            "Ok-",
            "R&D",
            "Reuters",
        ] {
            assert!(!is_name_token(word), "{word}");
        }
    }
}
