//! Ingest, text layer: the dateline that opens a story's first sentence.
//!
//! Takes a sentence; gives it back without a short capitalized head before
//! a dash ("Newswise — Text", "SEOUL (Yonhap) -- Text"), the way titles,
//! summaries and event titles all read a lead.

use crate::ingest::text::vocab::is_news_agency;

/// "Newswise — Text" → "Text"; a short capitalized head before a dash, or
/// before the colon after a wire's tag ("Seoul [South Korea], June 21
/// (ANI): Text").
pub(crate) fn strip_dateline(text: &str) -> &str {
    if let Some(i) = text.find("): ") {
        let head = &text[..i];
        let tag = head.rsplit_once('(').map_or("", |(_, tag)| tag.trim());
        if head.split_whitespace().count() <= 8
            && head.starts_with(|c: char| c.is_uppercase())
            && is_news_agency(tag)
        {
            return &text[i + 3..];
        }
    }
    for dash in [" — ", " -- ", " – "] {
        if let Some(i) = text.find(dash) {
            let head = &text[..i];
            let dateline = head.split_whitespace().count() <= 6
                && head.starts_with(|c: char| c.is_uppercase())
                && (head.contains('(')
                    || head
                        .split_whitespace()
                        .all(|w| !w.starts_with(char::is_lowercase)));
            if dateline {
                return &text[i + dash.len()..];
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_capitalized_head_before_a_dash_goes() {
        assert_eq!(
            strip_dateline("Newswise — The plant opened."),
            "The plant opened."
        );
        assert_eq!(
            strip_dateline("SEOUL, March 3 (Yonhap) -- The plant opened."),
            "The plant opened."
        );
    }

    #[test]
    fn a_wire_tag_before_a_colon_goes() {
        assert_eq!(
            strip_dateline("Seoul [South Korea], June 21 (ANI): The plant opened."),
            "The plant opened."
        );
        let text = "The plan (draft): it grows.";
        assert_eq!(strip_dateline(text), text);
    }

    #[test]
    fn a_clause_before_a_dash_stays() {
        let text = "The plant opened — and it makes cells.";
        assert_eq!(strip_dateline(text), text);
    }
}
