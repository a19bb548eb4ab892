//! Render stage, templates with the site's values written in.
//!
//! Takes the templates' texts and the build's `site` value; gives back the
//! same texts with every output tag of the exact form `{{ site.<field> }}`
//! replaced by what Tera would write for it, when that is a plain string
//! or number, the same on every page of the build. Each such tag was a
//! name lookup, an attribute lookup and a write on every page (a dozen on
//! every page in the default `base.html`); folded, it is part of the text
//! around it. A theme is edited exactly as before: the folding is redone
//! from the theme's own files for every render.
//!
//! Only what cannot change a byte is folded: a value escaping leaves as it
//! is (so autoescaping, and whether the value is marked safe, do not
//! matter), with no brace (it could not form a tag with its neighbours),
//! not empty and with no white space at either end (a neighbour's `{%-`
//! or `-%}` trims the white space of the text beside it, never a value). Nothing is folded when any template binds a
//! name `site` (`{% set site %}`, `{% for site in %}`) or defines a
//! component (which has a scope of its own). Tags inside `{% raw %}`,
//! comments and strings are left alone.

use super::unescaped::is_unescaped;

/// What `{{ site.<field> }}` writes, if it may be folded.
pub(crate) fn folded_value(site: &tera::Value, field: &str) -> Option<String> {
    let (_, value) = site
        .as_map()?
        .iter()
        .find(|(key, _)| key.as_str() == Some(field))?;
    let text = match (value.as_str(), value.as_number()) {
        (Some(text), _) => text.to_string(),
        (None, Some(_)) => value.to_string(),
        _ => return None,
    };
    let foldable = !text.is_empty()
        && is_unescaped(&text)
        && !text.contains(['{', '}'])
        && !text.starts_with(char::is_whitespace)
        && !text.ends_with(char::is_whitespace);
    foldable.then_some(text)
}

/// Whether the templates leave `site` meaning the build's site everywhere:
/// no statement binds the name, and no component has a scope of its own.
pub(crate) fn may_fold<'t>(mut texts: impl Iterator<Item = &'t str>) -> bool {
    texts.all(|text| {
        Tags::of(text).all(|tag| match tag {
            Tag::Statement(inner) => {
                let words = outside_strings(inner);
                let first = words.trim_start_matches(['-', ' ', '\t', '\n', '\r']);
                !first.starts_with("component") && !binds_site(&words)
            }
            _ => true,
        })
    })
}

/// `text` with each foldable `{{ site.<field> }}` replaced by `value(field)`.
pub(crate) fn fold(text: &str, mut value: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (start, end, tag) in Tags::spanned(text) {
        let Tag::Output(inner) = tag else { continue };
        let Some(field) = site_field(inner) else {
            continue;
        };
        if let Some(written) = value(field) {
            out.push_str(&text[last..start]);
            out.push_str(&written);
            last = end;
        }
    }
    out.push_str(&text[last..]);
    out
}

/// The field of an output tag's inside of the exact form ` site.<field> `
/// (spaces only: a `-` trims white space and is left to Tera).
fn site_field(inner: &str) -> Option<&str> {
    let field = inner.trim_matches(' ').strip_prefix("site.")?;
    let mut chars = field.chars();
    let first = chars.next()?;
    let ident = (first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    ident.then_some(field)
}

/// Whether the identifier `site` appears in a statement other than as
/// `site.<field>` (a binding, or the whole value used by name).
fn binds_site(words: &str) -> bool {
    let bytes = words.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    words.match_indices("site").any(|(at, _)| {
        let before = at.checked_sub(1).map(|i| bytes[i]);
        let after = words[at + 4..].trim_start().as_bytes().first().copied();
        !before.is_some_and(|b| is_ident(b) || b == b'.')
            && !bytes.get(at + 4).copied().is_some_and(is_ident)
            && after != Some(b'.')
    })
}

/// `inner` with the text of its string literals blanked out.
fn outside_strings(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len());
    let mut quote = None;
    let mut escaped = false;
    for c in inner.chars() {
        match quote {
            Some(_) if escaped => {
                escaped = false;
                out.push(' ');
            }
            Some(q) if c == q => {
                quote = None;
                out.push(c);
            }
            Some(_) => {
                escaped = c == '\\';
                out.push(' ');
            }
            None => {
                if matches!(c, '"' | '\'' | '`') {
                    quote = Some(c);
                }
                out.push(c);
            }
        }
    }
    out
}

/// A tag of a template, by what is inside its delimiters.
#[derive(Debug, PartialEq)]
enum Tag<'t> {
    /// `{{ … }}`.
    Output(&'t str),
    /// `{% … %}`.
    Statement(&'t str),
    /// `{# … #}`, or a `{% raw %}` block: nothing in it is a tag.
    Inert,
}

/// The tags of a template, in order, with their byte spans; an unclosed
/// tag ends the scan (Tera reports it; nothing after it is folded).
struct Tags<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Tags<'t> {
    /// The tags of `text`.
    fn of(text: &'t str) -> impl Iterator<Item = Tag<'t>> {
        Tags::spanned(text).map(|(_, _, tag)| tag)
    }

    /// The tags of `text` with their spans.
    fn spanned(text: &'t str) -> Tags<'t> {
        Tags { text, at: 0 }
    }
}

impl<'t> Iterator for Tags<'t> {
    type Item = (usize, usize, Tag<'t>);

    fn next(&mut self) -> Option<Self::Item> {
        let text = self.text;
        let start = self.at + find_opening(&text[self.at..])?;
        let inside = start + 2;
        let (end, tag) = match &text[start..inside] {
            "{#" => (inside + text[inside..].find("#}")? + 2, Tag::Inert),
            "{{" => {
                let close = inside + closing(&text[inside..], "}}")?;
                (close + 2, Tag::Output(&text[inside..close]))
            }
            _ => {
                let close = inside + closing(&text[inside..], "%}")?;
                let inner = &text[inside..close];
                if inner.trim_matches(['-', ' ', '\t', '\n', '\r']) == "raw" {
                    let endraw = close + text[close..].find("endraw")?;
                    (endraw + text[endraw..].find("%}")? + 2, Tag::Inert)
                } else {
                    (close + 2, Tag::Statement(inner))
                }
            }
        };
        self.at = end;
        Some((start, end, tag))
    }
}

/// Where the next `{{`, `{%` or `{#` starts.
fn find_opening(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'{', bytes).find(|&i| matches!(bytes.get(i + 1), Some(b'{' | b'%' | b'#')))
}

/// Where `delimiter` closes a tag, skipping string literals (and the
/// character after a `\\` in them).
fn closing(inner: &str, delimiter: &str) -> Option<usize> {
    let mut quote = None;
    let mut escaped = false;
    for (i, c) in inner.char_indices() {
        match quote {
            Some(_) if escaped => escaped = false,
            Some(q) if c == q => quote = None,
            Some(_) => escaped = c == '\\',
            None if matches!(c, '"' | '\'' | '`') => quote = Some(c),
            None if inner[i..].starts_with(delimiter) => return Some(i),
            None => {}
        }
    }
    None
}

#[cfg(test)]
mod tests;
