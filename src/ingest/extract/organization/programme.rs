//! Extraction, organizations: a name that opens a programme's name.
//!
//! "The Acme Research Funding Program" names a programme: Acme is not
//! acting in the story by being part of its name.

use crate::ingest::text::token::tokenize;
use crate::ingest::text::words::{word_list, Words};

/// Last words of a programme's, prize's or fund's name.
static PROGRAMME_HEADS: Words = word_list!("extract/programme-heads.txt");

/// Joining words allowed inside the capitalized name.
const JOINERS: [&str; 4] = ["of", "for", "and", "&"];

/// Longest run of words read after the organization's name.
const MAX_WORDS: usize = 8;

/// True when the name ending at byte `end` is followed, word by word, by
/// capitalized words up to a programme head ("Research Funding Program").
pub(super) fn opens_programme_name(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    if !rest.starts_with(' ') {
        return false;
    }
    for token in tokenize(rest).iter().take(MAX_WORDS) {
        if PROGRAMME_HEADS.contains(&token.text) {
            return true;
        }
        let digits = token.text.chars().all(|c| c.is_ascii_digit());
        if !(token.is_capitalized() || digits || JOINERS.contains(&token.text)) {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_opening_a_programme_is_the_programme() {
        let text = "It was chosen for the Acme Research Funding Program this year.";
        assert!(opens_programme_name(text, text.find(" Research").unwrap()));
        let text = "They won the Acme Battery Challenge 2024.";
        assert!(opens_programme_name(text, text.find(" Battery").unwrap()));
    }

    #[test]
    fn an_acting_name_is_not() {
        let text = "Acme said it will fund the program.";
        assert!(!opens_programme_name(text, 4));
        // A possessive: Acme runs its own programme and acts.
        let text = "Acme's Research Program grew.";
        assert!(!opens_programme_name(text, 4));
        let text = "Acme Energy Solutions and Kim Lab joined.";
        assert!(!opens_programme_name(text, 4));
    }
}
