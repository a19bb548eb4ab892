//! The excerpt of a body: its opening words as plain text, the
//! description of an article page without a summary. The words are
//! taken as the body is scanned, and the scan stops at the first word
//! that does not fit.

/// The opening words of a body, as plain text, for a page without a
/// summary: cut at a word boundary, never inventing text.
pub(super) fn excerpt(html: &str, limit: usize) -> String {
    let mut words = Words {
        out: String::with_capacity(limit + '…'.len_utf8()),
        word: String::new(),
        limit,
        entity: false,
        full: false,
    };
    scan(html, limit, &mut words);
    words.end_word();
    words.out
}

/// The text of a body for its excerpt, into `words`: tags left out,
/// their ends and every white space a space (at most one space for a tag
/// end), until the text is over twice `limit` bytes long or the excerpt
/// is full.
fn scan(html: &str, limit: usize, words: &mut Words) {
    let bytes = html.as_bytes();
    let mut at = 0;
    // What the text would be: its length, and whether it ends in a space.
    let (mut len, mut spaced) = (0, false);
    // By bytes: `<`, `>` and ASCII spaces are single bytes, never inside a
    // wider character; a tag is skipped to its end at once.
    while at < bytes.len() && !words.full {
        match bytes[at] {
            b'<' => {
                at += bytes[at..]
                    .iter()
                    .position(|&b| b == b'>')
                    .unwrap_or(bytes.len() - at);
                continue;
            }
            b'>' => {
                if !spaced {
                    words.end_word();
                    (len, spaced) = (len + 1, true);
                }
                at += 1;
            }
            b' ' | b'\t'..=b'\r' => {
                words.end_word();
                (len, spaced) = (len + 1, true);
                at += 1;
            }
            b if b.is_ascii() => {
                // A run of other ASCII bytes at once, up to where the
                // text is long enough (as if pushed one by one).
                let room = limit * 2 + 1 - len;
                let ends =
                    |&b: &u8| !b.is_ascii() || matches!(b, b'<' | b'>' | b' ' | b'\t'..=b'\r');
                let run = bytes[at..]
                    .iter()
                    .take(room)
                    .position(ends)
                    .unwrap_or_else(|| room.min(bytes.len() - at));
                words.text(&html[at..at + run]);
                (len, spaced) = (len + run, false);
                at += run;
            }
            _ => {
                let c = html[at..].chars().next().expect("a character starts here");
                if c.is_whitespace() {
                    words.end_word();
                    (len, spaced) = (len + 1, true);
                } else {
                    words.text(&html[at..at + c.len_utf8()]);
                    (len, spaced) = (len + c.len_utf8(), false);
                }
                at += c.len_utf8();
            }
        }
        if len > limit * 2 {
            break;
        }
    }
}

/// The excerpt made word by word: each word kept while it fits in
/// `limit` bytes with a space before it, the first that does not ending
/// the excerpt with `…`.
struct Words {
    out: String,
    /// The word being scanned.
    word: String,
    limit: usize,
    /// The word has an `&`: its entities are decoded when it ends.
    entity: bool,
    /// The excerpt has its `…`: the rest of the text makes no difference.
    full: bool,
}

impl Words {
    /// More of the current word (no white space in it).
    fn text(&mut self, text: &str) {
        self.word.push_str(text);
        self.entity |= text.contains('&');
        // A word without entities only grows: once it does not fit, it
        // never will.
        if !self.entity {
            self.fit();
        }
    }

    /// The current word ends: into the excerpt, if it fits.
    fn end_word(&mut self) {
        if self.full || self.word.is_empty() {
            return;
        }
        if self.entity {
            self.word = decode(&self.word);
            self.entity = false;
            if !self.fit() {
                return;
            }
        }
        if !self.out.is_empty() {
            self.out.push(' ');
        }
        self.out.push_str(&self.word);
        self.word.clear();
    }

    /// Whether the current word fits; the excerpt ends if it does not.
    fn fit(&mut self) -> bool {
        if self.out.len() + self.word.len() + 1 > self.limit {
            self.out.push('…');
            self.full = true;
        }
        !self.full
    }
}

/// Entities decoded one name after the other (`&amp;lt;` ends as `<`).
/// None decodes to white space, so a word decodes alone as it would
/// in its text.
fn decode(word: &str) -> String {
    word.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    /// The excerpt as first written (by characters, every entity name
    /// replaced in turn): the reference the faster one must match.
    fn by_characters(html: &str, limit: usize) -> String {
        let mut text = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => {
                    in_tag = false;
                    if !text.ends_with(' ') {
                        text.push(' ');
                    }
                }
                c if !in_tag => text.push(if c.is_whitespace() { ' ' } else { c }),
                _ => {}
            }
            if text.len() > limit * 2 {
                break;
            }
        }
        let text = text
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'");
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut out = String::new();
        for word in words {
            if out.len() + word.len() + 1 > limit {
                out.push('…');
                break;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        out
    }

    #[test]
    fn a_body_opens_the_excerpt() {
        let html =
            "<h2 id=\"a\">Cells &amp; packs</h2>\n<p>LG&#39;s <em>new</em>\u{a0}line &amp;lt;3</p>";
        assert_eq!(excerpt(html, 200), "Cells & packs LG's new line <3");
        assert_eq!(excerpt(html, 12), "Cells &…");
    }

    #[test]
    fn words_that_fit_end_the_scan_before_an_entity() {
        let html = "<p>aaa bbb\u{a0}ccc &amp;lt; ddd</p>";
        assert_eq!(excerpt(html, 8), "aaa bbb…");
        assert_eq!(excerpt(html, 8), by_characters(html, 8));
        assert_eq!(excerpt(html, 40), "aaa bbb ccc < ddd");
    }

    proptest::proptest! {
        #[test]
        fn the_excerpt_is_the_one_made_by_characters(
            html in "(<|>|&|amp;|lt;|gt;|quot;|#39;| |\\t|\\n|\\x0b|\\u{a0}|\\u{3000}|é|한|[a-z]{1,12}){0,200}",
            limit in 1usize..80,
        ) {
            proptest::prop_assert_eq!(excerpt(&html, limit), by_characters(&html, limit));
        }
    }
}
