//! Markdown, HTML policy: what of a contributor's raw HTML, link URLs and
//! heading attributes reaches a page and a feed.
//!
//! By default (Hugo's choice too) Markdown is not trusted to carry markup:
//! link and image addresses must be relative or use a web, mail or phone
//! scheme (`javascript:`, `data:`, `vbscript:`, `file:` … are dropped, the
//! link text kept); heading attributes keep only `{#id .class}`; and a body
//! that contains raw HTML is passed through `ammonia`, which keeps the
//! markup articles use (tables with alignment, footnotes, figures, task
//! lists, `id`/`class`, highlighted code) and drops scripts, frames, SVG,
//! forms, `on*` handlers, styles other than `text-align` and unsafe URLs.
//! A site opts in to raw HTML with `unsafe_html: true` in `site.yaml`.

use std::collections::HashSet;
use std::sync::OnceLock;

use pulldown_cmark::{Event, Tag, TagEnd};

/// URL schemes a link or image may use; anything else is dropped.
const SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// True when the event stream holds raw HTML written by the contributor.
pub(crate) fn has_raw_html(events: &[Event<'_>]) -> bool {
    events
        .iter()
        .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)))
}

/// The scheme of a URL as a browser reads it (ASCII whitespace and control
/// characters ignored, case folded), if it has one.
fn scheme(url: &str) -> Option<String> {
    let folded: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let colon = folded.find(':')?;
    let head = &folded[..colon];
    let is_scheme = head.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && head
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    is_scheme.then(|| head.to_string())
}

/// True when a link or image address is relative or has an allowed scheme.
pub(crate) fn is_safe_url(url: &str) -> bool {
    scheme(url).is_none_or(|s| SCHEMES.contains(&s.as_str()))
}

/// Drop links and images with unsafe addresses (their text stays) and every
/// heading attribute but the id and classes.
pub(crate) fn safe_events(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len());
    // For each open link or image: whether its tags were dropped.
    let mut open: Vec<bool> = Vec::new();
    for event in events {
        match event {
            Event::Start(Tag::Link { ref dest_url, .. } | Tag::Image { ref dest_url, .. }) => {
                let drop = !is_safe_url(dest_url);
                open.push(drop);
                if !drop {
                    out.push(event);
                }
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if !open.pop().unwrap_or(false) {
                    out.push(event);
                }
            }
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => out.push(Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs: Vec::new(),
            })),
            other => out.push(other),
        }
    }
    out
}

/// Sanitize rendered HTML that holds raw HTML from the contributor.
pub(crate) fn clean(html: &str) -> String {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(cleaner).clean(html).to_string()
}

fn cleaner() -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::default();
    builder
        .link_rel(None)
        .url_schemes(HashSet::from(SCHEMES))
        .add_generic_attributes(["id", "class", "lang"])
        .add_tags(["input"])
        .add_tag_attributes("input", ["type", "checked"])
        .set_tag_attribute_value("input", "disabled", "")
        .add_tag_attributes("pre", ["data-lang"])
        .add_tag_attributes("a", ["title"])
        .add_tag_attributes("img", ["title"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        .filter_style_properties(HashSet::from(["text-align"]));
    builder
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_are_read_as_a_browser_reads_them() {
        for safe in [
            "/a/",
            "a.html",
            "#x",
            "https://x.org/",
            "mailto:a@b",
            "a/b:c",
            "?q=a:b",
        ] {
            assert!(is_safe_url(safe), "{safe}");
        }
        for unsafe_ in [
            "javascript:alert(1)",
            " JavaScript:x",
            "java\tscript:x",
            "data:text/html,x",
            "vbscript:x",
            "file:///etc/passwd",
        ] {
            assert!(!is_safe_url(unsafe_), "{unsafe_}");
        }
    }

    #[test]
    fn the_cleaner_keeps_article_markup_and_drops_script() {
        let kept = "<table><thead><tr><th style=\"text-align:center\">a</th></tr></thead></table>\
<figure><img src=\"/a.png\" alt=\"a\"><figcaption>c</figcaption></figure>\
<h2 id=\"x\" class=\"y\">h</h2><pre class=\"code hl\" data-lang=\"rust\"><code><span class=\"hl-k\">let</span></code></pre>\
<sup class=\"footnote-reference\"><a href=\"#1\">1</a></sup>";
        assert_eq!(clean(kept), kept);
        let cleaned = clean("<p onclick=\"x()\">a<script>alert(1)</script><iframe src=\"https://e.org\"></iframe><svg onload=\"x()\"></svg><a href=\"javascript:x()\">l</a><img src=\"data:image/png;base64,AA\"></p>");
        assert_eq!(cleaned, "<p>a<a>l</a><img></p>");
    }
}
