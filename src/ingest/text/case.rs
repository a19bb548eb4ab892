//! Ingest, text layer: a lowercase copy whose byte offsets are the
//! original's.
//!
//! Takes a line; gives it back in lowercase, every character at the byte
//! where it was. `str::to_lowercase` does not promise that: the Kelvin
//! sign 'K' (three bytes) becomes 'k' (one), 'İ' (two) becomes "i̇" (three),
//! so an offset found in its copy may fall inside a character of the
//! original, or past its end, and slicing there panics. A rule that finds
//! a label in the lowercase copy and cuts the line there lowercases
//! through here.

/// `text` in lowercase, with every byte offset kept: a character whose
/// lowercase is another number of bytes (or more than one character) stays
/// as written. ASCII and Hangul lowercase exactly as `to_lowercase` does.
pub(crate) fn lowercase_aligned(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_stays_at_its_byte() {
        for text in [
            "Photo: Acme",
            "\u{212a}한 Newsroom",
            "İstanbul (Yonhap)",
            "\u{23e}[사진]",
            "Straße ẞ ÅNGSTRÖM \u{212b}",
            "ΣΊΣΥΦΟΣ 서울",
        ] {
            let lower = lowercase_aligned(text);
            assert_eq!(lower.len(), text.len(), "{text:?} → {lower:?}");
            assert!(
                lower.char_indices().all(|(i, _)| text.is_char_boundary(i)),
                "{text:?} → {lower:?}"
            );
        }
    }

    #[test]
    fn ascii_and_hangul_lowercase_as_usual() {
        for text in [
            "NEWSROOM | Acme",
            "사진=연합뉴스 (YONHAP)",
            "Copyright ⓒ 한빛일보 ÉTÉ",
        ] {
            assert_eq!(lowercase_aligned(text), text.to_lowercase());
        }
    }
}
