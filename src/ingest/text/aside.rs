//! Ingest, text layer: asides and quotations in a sentence.
//!
//! Takes a sentence; gives it back without its bracketed asides
//! ("KRICT (President Lee)" → "KRICT"), or tells whether a place in it lies
//! inside a quotation. Titles (`meta`) and event titles (`extract`) read
//! sentences the same way through here.

/// Remove "(…)" asides: "KRICT (President Lee)" → "KRICT".
pub(crate) fn drop_asides(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" ,", ",")
}

/// True when byte `i` of `text` is outside any quotation.
pub(crate) fn outside_quotes(text: &str, i: usize) -> bool {
    let before = &text[..i];
    before.matches('“').count() == before.matches('”').count()
        && before.matches('"').count().is_multiple_of(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asides_go_with_the_space_before_them() {
        assert_eq!(
            drop_asides("KRICT (President Lee) and KIST (Seoul) , together"),
            "KRICT and KIST, together"
        );
        assert_eq!(drop_asides("a (b (c) d) e"), "a e");
    }

    #[test]
    fn quotes_open_and_close() {
        let text = "He said \u{201C}we will\u{201D} and \"so\" done";
        assert!(outside_quotes(text, 0));
        assert!(!outside_quotes(text, text.find("will").unwrap()));
        assert!(outside_quotes(text, text.find("and").unwrap()));
        assert!(!outside_quotes(text, text.find("so").unwrap()));
        assert!(outside_quotes(text, text.find("done").unwrap()));
    }
}
