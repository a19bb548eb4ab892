//! Ingest, text layer: the dateline that opens a story's first sentence.
//!
//! Takes a sentence; gives it back without a short capitalized head before
//! a dash ("Newswise — Text", "SEOUL (Yonhap) -- Text"), the way titles,
//! summaries and event titles all read a lead.

/// "Newswise — Text" → "Text"; a short capitalized head before a dash.
pub(crate) fn strip_dateline(text: &str) -> &str {
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
    fn a_clause_before_a_dash_stays() {
        let text = "The plant opened — and it makes cells.";
        assert_eq!(strip_dateline(text), text);
    }
}
