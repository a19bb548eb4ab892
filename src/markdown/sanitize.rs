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

/// The length of the longest of [`SCHEMES`]: a longer scheme is unknown.
const LONGEST: usize = {
    let (mut longest, mut i) = (0, 0);
    while i < SCHEMES.len() {
        if SCHEMES[i].len() > longest {
            longest = SCHEMES[i].len();
        }
        i += 1;
    }
    longest
};

/// True when the event stream holds raw HTML written by the contributor.
pub(crate) fn has_raw_html(events: &[Event<'_>]) -> bool {
    events
        .iter()
        .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_)))
}

/// True when a link or image address is relative or has an allowed scheme.
///
/// The scheme is read as a browser reads it: ASCII white space and control
/// characters ignored, case folded; it runs up to the first `:`, starts
/// with a letter and holds only letters, digits, `+`, `-` and `.`.
/// Without a colon, or with anything else before it, the address has no
/// scheme. Read without copying the address: bodies hold many links.
pub(crate) fn is_safe_url(url: &str) -> bool {
    let mut head = [0u8; LONGEST];
    let mut len = 0;
    for c in url.chars() {
        if c.is_ascii_whitespace() || c.is_control() {
            continue;
        }
        if c == ':' {
            // No scheme at all, or an allowed one.
            return len == 0
                || (len <= LONGEST && SCHEMES.iter().any(|s| s.as_bytes() == &head[..len]));
        }
        let allowed = if len == 0 {
            c.is_ascii_alphabetic()
        } else {
            c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')
        };
        if !allowed {
            return true;
        }
        if len < LONGEST {
            head[len] = c.to_ascii_lowercase() as u8;
        }
        len += 1;
    }
    true
}

/// The HTML policy over a stream of events: drops links and images with
/// unsafe addresses (their text stays) and every heading attribute but the
/// id and classes.
#[derive(Default)]
pub(crate) struct Policy {
    /// For each open link or image: whether its tags were dropped.
    open: Vec<bool>,
}

impl Policy {
    /// Whether the policy lets `event` through, made safe in place (read
    /// where it lies: a body has thousands of events, each a large value).
    pub(crate) fn admit(&mut self, event: &mut Event<'_>) -> bool {
        match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                let drop = !is_safe_url(dest_url);
                self.open.push(drop);
                !drop
            }
            Event::End(TagEnd::Link | TagEnd::Image) => !self.open.pop().unwrap_or(false),
            Event::Start(Tag::Heading { attrs, .. }) => {
                attrs.clear();
                true
            }
            _ => true,
        }
    }
}

/// `events` under the [`Policy`].
pub(crate) fn safe_events(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut policy = Policy::default();
    events
        .into_iter()
        .filter_map(|mut event| policy.admit(&mut event).then_some(event))
        .collect()
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

    /// The rule as written for a reader: fold, cut at the first colon,
    /// check the head.
    fn safe_by_copy(url: &str) -> bool {
        let folded: String = url
            .chars()
            .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
            .collect::<String>()
            .to_ascii_lowercase();
        let Some(colon) = folded.find(':') else {
            return true;
        };
        let head = &folded[..colon];
        let is_scheme = head.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && head
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        !is_scheme || SCHEMES.contains(&head)
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn url() -> impl Strategy<Value = String> {
            let pieces = prop::sample::select(vec![
                "http",
                "HTTPS",
                "mailto",
                "tel",
                "javascript",
                "data",
                "a",
                "Z",
                "1",
                "+",
                "-",
                ".",
                ":",
                " ",
                "\t",
                "\u{0}",
                "\u{85}",
                "/",
                "#",
                "?",
                "é",
                "ſ",
                "K",
            ]);
            prop::collection::vec(pieces, 0..8).prop_map(|p| p.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2048))]

            #[test]
            fn reading_without_a_copy_agrees_with_the_rule(url in url()) {
                prop_assert_eq!(is_safe_url(&url), safe_by_copy(&url), "{:?}", url);
            }

            #[test]
            fn any_string_agrees_with_the_rule(url in any::<String>()) {
                prop_assert_eq!(is_safe_url(&url), safe_by_copy(&url), "{:?}", url);
            }
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
