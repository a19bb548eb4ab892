//! Ingest, text layer: one line of text. Its list marker (cleaning builds
//! lists from them; dates and publishers read past them), whether it ends
//! like a sentence, its word count and its key for "same line".

use crate::ingest::text::words::{word_list, Chars};

/// The list marker a line starts with, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    /// No marker.
    None,
    /// "- ", "• ", "· ", "▪ " and the like.
    Bullet,
    /// "1. ", "2) ", "(3) ", "④".
    Number(u32),
}

static BULLETS: Chars = word_list!(chars "shared/bullets.txt");

/// Split a trimmed line into its list marker and the text after it.
pub(crate) fn split_marker(line: &str) -> (Marker, &str) {
    let line = line.trim();
    if let Some(first) = line.chars().next() {
        if BULLETS.contains(&first) {
            let rest = &line[first.len_utf8()..];
            // "-30-" or "--" is not a bullet; a bullet is followed by a space.
            if rest.is_empty() || rest.starts_with(' ') {
                return (Marker::Bullet, rest.trim_start());
            }
        }
        if ('①'..='⑳').contains(&first) {
            let n = first as u32 - '①' as u32 + 1;
            return (Marker::Number(n), line[first.len_utf8()..].trim_start());
        }
    }
    if let Some((n, rest)) = number_marker(line) {
        return (Marker::Number(n), rest);
    }
    (Marker::None, line)
}

/// "12. text", "3) text", "(4) text" → number and text.
fn number_marker(line: &str) -> Option<(u32, &str)> {
    let inner = line.strip_prefix('(').unwrap_or(line);
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let after = &inner[digits..];
    let closer = if line.starts_with('(') { ")" } else { "." };
    let rest = after.strip_prefix(closer).or_else(|| {
        (!line.starts_with('('))
            .then(|| after.strip_prefix(')'))
            .flatten()
    })?;
    // "2.5 GWh" and "3.Next" are not list items; a marker is followed by a space.
    if !rest.starts_with(' ') {
        return None;
    }
    Some((inner[..digits].parse().ok()?, rest.trim_start()))
}

/// Arrows, shapes and dingbats that set a line or a point off ("▷", "■",
/// "➤", "•"), unlike a currency sign or a quotation mark, which belong to
/// the words.
pub(crate) fn is_set_off_sign(c: char) -> bool {
    matches!(c, '\u{2190}'..='\u{21FF}' | '\u{25A0}'..='\u{25FF}' | '\u{2600}'..='\u{27BF}' | '•' | '※')
}

/// True when `text` ends like a sentence (., !, ?, 。, …), closing quotes
/// and brackets aside.
pub(crate) fn ends_sentence(text: &str) -> bool {
    let text = text
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', '」', '』', ')', ']']);
    text.ends_with(['.', '!', '?', '。', '…'])
}

/// Whitespace-separated words.
pub(crate) fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Lowercase with runs of whitespace squeezed: the key for "same line".
pub(crate) fn line_key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A word that is an e-mail address, brackets and punctuation around it
/// allowed. A page saved from behind a CDN masks each address as
/// "[email protected]": its first word stands for the address.
pub(crate) fn is_email(word: &str) -> bool {
    if word == "[email" {
        return true;
    }
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    match word.split_once('@') {
        Some((user, domain)) => !user.is_empty() && domain.contains('.') && !domain.contains('@'),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_and_its_mask_are_e_mail() {
        assert!(is_email("<gaon@acme.example>"));
        assert!("공감언론 가온 [email protected]"
            .split_whitespace()
            .any(is_email));
        assert!(!is_email("email"));
        assert!(!is_email("@acme"));
    }

    #[test]
    fn markers() {
        assert_eq!(split_marker("- Home"), (Marker::Bullet, "Home"));
        assert_eq!(split_marker("• Writer X"), (Marker::Bullet, "Writer X"));
        assert_eq!(
            split_marker("2. Establishing a hub:"),
            (Marker::Number(2), "Establishing a hub:")
        );
        assert_eq!(split_marker("(3) Third"), (Marker::Number(3), "Third"));
        assert_eq!(split_marker("② Second"), (Marker::Number(2), "Second"));
        assert_eq!(
            split_marker("2.5 GWh plant"),
            (Marker::None, "2.5 GWh plant")
        );
        assert_eq!(split_marker("-30-"), (Marker::None, "-30-"));
        assert_eq!(split_marker("2024 plans"), (Marker::None, "2024 plans"));
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("He said so."));
        assert!(ends_sentence("\"It works.\""));
        assert!(ends_sentence("Is it?”"));
        assert!(!ends_sentence("A headline without a stop"));
        assert!(!ends_sentence("Caption (KETI)"));
    }
}
