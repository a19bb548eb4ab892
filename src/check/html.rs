//! Check stage helper: a minimal HTML scanner for links and anchors.
//!
//! Takes rendered HTML; gives back every `id`, `href` and `src` attribute
//! value. It only needs to understand what our templates and pulldown-cmark
//! produce (tags, quoted attributes, comments, script and style), so a
//! small hand-written scanner beats pulling in a full HTML parser.

use std::borrow::Cow;

/// Attributes of interest found in one page: slices of it, copied only
/// where an entity had to be decoded.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Scanned<'a> {
    /// Values of every `id` (and `<a name>`) attribute.
    pub(crate) ids: Vec<Cow<'a, str>>,
    /// Values of every `href` and `src` attribute, entities decoded.
    pub(crate) links: Vec<Cow<'a, str>>,
}

/// Scan `html` for ids and links.
pub(crate) fn scan(html: &str) -> Scanned<'_> {
    let mut out = Scanned::default();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        rest = &rest[lt + 1..];
        if let Some(after) = rest.strip_prefix("!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        let name_len = rest
            .bytes()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        if name_len == 0 {
            continue;
        }
        let name = &rest[..name_len];
        let is = |tag: &str| name.eq_ignore_ascii_case(tag);
        let consumed = attributes(&rest[name_len..], |key, value| {
            let is_key = |k: &str| key.eq_ignore_ascii_case(k);
            if is_key("id") || (is_key("name") && is("a")) {
                out.ids.push(decode(value));
            } else if is_key("href") || is_key("src") {
                out.links.push(decode(value));
            }
        });
        rest = &rest[name_len + consumed..];
        // Script and style bodies are not markup.
        if is("script") || is("style") {
            let close = format!("</{name}");
            rest = find_ascii_case_insensitive(rest, &close).map_or("", |i| &rest[i..]);
        }
    }
    out
}

/// Hand each attribute of one tag to `found` (key as written, value);
/// gives back the bytes consumed up to and including `>`.
fn attributes<'t>(text: &'t str, mut found: impl FnMut(&'t str, &'t str)) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return i + 1,
            b if b.is_ascii_whitespace() || b == b'/' => i += 1,
            _ => {
                let start = i;
                while i < bytes.len() && !b" \t\r\n=>/".contains(&bytes[i]) {
                    i += 1;
                }
                let key = &text[start..i];
                if bytes.get(i) != Some(&b'=') {
                    continue;
                }
                i += 1;
                let (value, next) = attribute_value(text, i);
                found(key, value);
                i = next;
            }
        }
    }
    bytes.len()
}

/// A quoted or bare attribute value starting at `i`, and where it ends.
fn attribute_value(text: &str, i: usize) -> (&str, usize) {
    let bytes = text.as_bytes();
    match bytes.get(i) {
        Some(&quote @ (b'"' | b'\'')) => {
            let end = text[i + 1..]
                .find(quote as char)
                .map_or(text.len(), |j| i + 1 + j);
            (&text[i + 1..end], (end + 1).min(text.len()))
        }
        _ => {
            let end = text[i..]
                .find(|c: char| c.is_ascii_whitespace() || c == '>')
                .map_or(text.len(), |j| i + j);
            (&text[i..end], end)
        }
    }
}

/// Where `needle` (which starts with `<`) first occurs, ASCII case
/// ignored: only at a `<`, found by `str::find`, is the rest compared.
fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    let (bytes, wanted) = (haystack.as_bytes(), needle.as_bytes());
    let mut from = 0;
    while let Some(i) = haystack[from..].find('<') {
        let at = from + i;
        if bytes
            .get(at..at + wanted.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(wanted))
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Decode the entities our HTML escaper writes in attribute values.
pub(crate) fn decode(value: &str) -> Cow<'_, str> {
    if !value.contains('&') {
        return Cow::Borrowed(value);
    }
    let decoded = value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    Cow::Owned(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn finds_ids_and_links_but_not_text_or_comments() {
        let html = r##"<!-- <a href="/gone/"> --><h2 id="key-points">Key</h2>
<a class=x href="/a/?q=1&amp;r=2#top" data-href="/no/">t</a> href="/text/"
<img src='/img.png' alt="x > y"><a name=old></a><script>var a = "<a href='/js/'>";</script>
<A HREF="/upper/">"##;
        let scanned = scan(html);
        assert_eq!(scanned.ids, ["key-points", "old"]);
        assert_eq!(
            scanned.links,
            ["/a/?q=1&r=2#top", "/img.png", "/upper/"],
            "{scanned:?}"
        );
    }

    #[test]
    fn script_ends_at_its_closing_tag_in_any_case() {
        let html = r#"<script>if (a<b) x = "<a href='/in/'>";</SCRIPT ><a href="/out/">"#;
        assert_eq!(scan(html).links, ["/out/"]);
        assert_eq!(
            find_ascii_case_insensitive("a<b</sTyLe", "</style"),
            Some(3)
        );
        assert_eq!(find_ascii_case_insensitive("</styl", "</style"), None);
    }

    #[test]
    fn truncated_markup_does_not_panic() {
        for html in ["<a href=\"/x", "<a href=", "<", "<!--", "<script>", "<a b"] {
            let _ = scan(html);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]
        #[test]
        fn never_panics(html in "[<>a-z =\"'/!#-]{0,64}") {
            let _ = scan(&html);
        }
    }
}
