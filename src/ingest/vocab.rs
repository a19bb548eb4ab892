//! Ingest, shared vocabulary: word lists that more than one stage reads.
//!
//! Month names (publication dates in `meta`, event dates in `extract`,
//! names in `extract` that are really months), the labels that introduce a
//! date on a board page (`meta` reads the date after them, `clean` drops
//! the line), and the capitalized words that open sentences and so never
//! start a person's or an organization's name, and the news agencies and
//! release wires whose names stand in datelines and credits. One list
//! each, so a word added for one stage is known to all.

/// Month names in calendar order, lowercase.
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month number of a month name or abbreviation, any case ("Nov.",
/// "Sept", "october"); three letters or "sept" for an abbreviation.
pub(crate) fn month_number(word: &str) -> Option<u8> {
    let word = word.trim_end_matches(['.', ',']).to_lowercase();
    if word.len() < 3 {
        return None;
    }
    let index = MONTHS.iter().position(|m| {
        *m == word
            || (word.len() <= 4 && m.starts_with(&word) && (word.len() == 3 || word == "sept"))
    })?;
    Some(index as u8 + 1)
}

/// A month's full name ("March"), not an abbreviation that is also a given
/// name ("Jan").
pub(crate) fn is_month_name(word: &str) -> bool {
    MONTHS.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// Labels that introduce a publication date on a board or news page.
pub(crate) const DATE_LABELS: &[&str] = &[
    "registration date",
    "reg. date",
    "date of registration",
    "posted on",
    "posted",
    "published on",
    "published",
];

/// Labels of a later edit to the page.
pub(crate) const UPDATE_LABELS: &[&str] = &["last updated", "updated", "modified"];

/// Capitalized words that start sentences or clauses, never names.
pub(crate) const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "By",
    "For",
    "With",
    "From",
    "To",
    "And",
    "Of",
    "This",
    "That",
    "These",
    "Those",
    "Meanwhile",
    "According",
    "Also",
    "As",
    "Through",
    "During",
    "Since",
    "After",
    "Before",
    "While",
    "Its",
    "Their",
    "His",
    "Her",
    "Our",
    "We",
    "It",
    "He",
    "She",
    "They",
    "Both",
    "Each",
    "Recently",
    "Currently",
    "However",
    "Furthermore",
    "Under",
];

/// Wire services and press-release distributors, as the single words
/// their names appear as in datelines, credits and bylines ("(Yonhap)",
/// "/PRNewswire/", "Newswise —"). Never part of a person's name.
const NEWS_AGENCIES: &[&str] = &[
    "Reuters",
    "Bloomberg",
    "AP",
    "AFP",
    "Xinhua",
    "Kyodo",
    "Yonhap",
    "Newsis",
    "News1",
    "Nikkei",
    "Bernama",
    "Antara",
    "Interfax",
    "PRNewswire",
    "Businesswire",
    "GlobeNewswire",
    "Newswire",
    "Newswise",
    "EurekAlert",
];

/// Whether `word` is a news agency's or release wire's name, any case.
pub(crate) fn is_news_agency(word: &str) -> bool {
    NEWS_AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_and_abbreviations() {
        for (word, month) in [("Nov.", 11), ("Sept", 9), ("october", 10), ("May", 5)] {
            assert_eq!(month_number(word), Some(month), "{word}");
        }
        for word in ["Ma", "Marc", "Mayor", "Jun.e"] {
            assert_eq!(month_number(word), None, "{word}");
        }
        assert!(is_month_name("March") && !is_month_name("Jan"));
    }

    #[test]
    fn news_agencies_in_any_case() {
        assert!(is_news_agency("Yonhap") && is_news_agency("prnewswire"));
        assert!(!is_news_agency("Seoul"));
    }
}
