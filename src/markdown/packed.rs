//! Rendered text kept compressed while the site is loaded.
//!
//! Takes a string; gives back [`Packed`], a few times smaller, which gives
//! the same string back on [`Packed::unpack`]. Every article's body (its
//! HTML and its plain words) lives from loading to the end of a build, so
//! holding them compressed keeps a 100,000-article build's memory bounded
//! by what the pages being rendered need, not by the whole site's text.
//! LZ4: it compresses HTML about 3× and unpacks at gigabytes a second, so
//! each page pays a few microseconds.

use std::fmt;

/// A string, LZ4-compressed. Equal strings pack to equal bytes (the
/// compression is deterministic), so comparing two `Packed` compares their
/// strings.
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub(crate) struct Packed(Box<[u8]>);

impl Packed {
    /// `text`, compressed.
    pub(crate) fn new(text: &str) -> Packed {
        if text.is_empty() {
            return Packed::default();
        }
        Packed(lz4_flex::block::compress_prepend_size(text.as_bytes()).into_boxed_slice())
    }

    /// The string that was packed.
    pub(crate) fn unpack(&self) -> String {
        if self.0.is_empty() {
            return String::new();
        }
        let bytes = lz4_flex::block::decompress_size_prepended(&self.0)
            .expect("bytes this module compressed decompress");
        String::from_utf8(bytes).expect("packed from a str")
    }

    /// Bytes held.
    #[cfg(test)]
    pub(crate) fn packed_len(&self) -> usize {
        self.0.len()
    }
}

impl From<&str> for Packed {
    fn from(text: &str) -> Packed {
        Packed::new(text)
    }
}

impl fmt::Debug for Packed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.unpack(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unpacks_to_what_was_packed() {
        for text in [
            "",
            "a",
            "배터리 <p>“quoted”</p>\n",
            &"<p>cells</p>".repeat(500),
        ] {
            assert_eq!(Packed::new(text).unpack(), text);
        }
    }

    #[test]
    fn equal_texts_compare_equal_and_different_ones_do_not() {
        let page = "<p>LG Energy Solution opens a plant.</p>".repeat(40);
        assert_eq!(Packed::new(&page), Packed::new(&page.clone()));
        assert_ne!(Packed::new(&page), Packed::new(&format!("{page} ")));
        assert_ne!(Packed::new(""), Packed::new(" "));
    }

    #[test]
    fn repetitive_html_is_held_in_less_room() {
        let page =
            "<p>The plant in <a href=\"/organizations/x/\">Ochang</a> opens.</p>\n".repeat(100);
        assert!(Packed::new(&page).packed_len() * 3 < page.len());
    }
}
