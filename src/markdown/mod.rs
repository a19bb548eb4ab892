//! Markdown to HTML: pulldown-cmark with tables, footnotes, strikethrough,
//! task lists, smart punctuation; stable heading ids; fenced code through
//! syntect; and the first mention of each annotated organization linked to
//! its page.

use std::collections::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use syntect::parsing::SyntaxSet;

pub(crate) mod highlight;
mod sanitize;
mod text;

use crate::url::slugify;
use highlight::{escape, highlight};

/// A heading of the body, for anchors and the table of contents.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub(crate) struct Heading {
    /// 1–6.
    pub level: u8,
    /// Anchor id.
    pub id: String,
    /// Plain text.
    pub text: String,
}

/// A rendered body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RenderedMarkdown {
    /// HTML.
    pub html: String,
    /// Headings in order, with their ids.
    pub headings: Vec<Heading>,
    /// The words without markup, a block a line: what search indexes and
    /// cuts its excerpts from ([`plain_text`] gives the same alone).
    pub text: String,
}

/// Shared, read-only state for rendering Markdown in parallel.
pub(crate) struct MarkdownRenderer<'a> {
    syntaxes: &'a SyntaxSet,
    base_path: String,
    names: AhoCorasick,
    /// Pattern index → organization slug.
    pattern_slugs: Vec<String>,
    /// `unsafe_html: true` in site.yaml: raw HTML, any URL and any heading
    /// attribute pass unchanged (`sanitize`).
    raw_html: bool,
}

impl<'a> MarkdownRenderer<'a> {
    /// Build the renderer once: `links` is the link table, each name (or
    /// alias) with the slug of the organization page it links to;
    /// `base_path` prefixes every internal link.
    pub(crate) fn new<'n>(
        syntaxes: &'a SyntaxSet,
        links: impl IntoIterator<Item = (&'n str, &'n str)>,
        base_path: &str,
    ) -> Self {
        let mut patterns = Vec::new();
        let mut pattern_slugs = Vec::new();
        for (name, slug) in links {
            if name.trim().chars().count() >= 2 {
                patterns.push(name.trim().to_string());
                pattern_slugs.push(slug.to_string());
            }
        }
        let names = AhoCorasickBuilder::new()
            .ascii_case_insensitive(false)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("plain string patterns always build");
        MarkdownRenderer {
            syntaxes,
            base_path: base_path.to_string(),
            names,
            pattern_slugs,
            raw_html: false,
        }
    }

    /// Trust the Markdown's raw HTML (`unsafe_html: true` in site.yaml):
    /// nothing is sanitized.
    pub(crate) fn with_raw_html(mut self, allowed: bool) -> Self {
        self.raw_html = allowed;
        self
    }

    /// Render `markdown`; the first mention of each of `link_orgs` becomes a
    /// link to its organization page.
    pub(crate) fn render(&self, markdown: &str, link_orgs: &[String]) -> RenderedMarkdown {
        self.render_in(markdown, link_orgs, None)
    }

    /// Render `markdown` written in `lang` (the site's language when none):
    /// unless the text is Korean, Korean words in it are marked
    /// `<span lang="ko">`, so browsers and screen readers treat them so.
    pub(crate) fn render_in(
        &self,
        markdown: &str,
        link_orgs: &[String],
        lang: Option<&str>,
    ) -> RenderedMarkdown {
        let (events, has_raw_html) = safe_events(markdown, self.raw_html);
        let (events, headings) = assign_heading_ids(close_heading_gaps(events));
        let text = text::plain_text(&events);
        let events = self.highlight_code(events);
        let wanted: HashSet<&str> = link_orgs.iter().map(String::as_str).collect();
        let events = self.link_organizations(events, wanted);
        let events = if lang == Some("ko") {
            events
        } else {
            mark_korean(events)
        };
        let mut html = String::with_capacity(markdown.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        if has_raw_html {
            html = sanitize::clean(&html);
        }
        RenderedMarkdown {
            html,
            headings,
            text,
        }
    }

    fn highlight_code<'e>(&self, events: Vec<Event<'e>>) -> Vec<Event<'e>> {
        let mut out = Vec::with_capacity(events.len());
        let mut code: Option<(String, String)> = None;
        for event in events {
            match (&mut code, event) {
                (None, Event::Start(Tag::CodeBlock(kind))) => {
                    let lang = match kind {
                        CodeBlockKind::Fenced(lang) => lang.to_string(),
                        CodeBlockKind::Indented => String::new(),
                    };
                    code = Some((lang, String::new()));
                }
                (Some((_, text)), Event::Text(t)) => text.push_str(&t),
                (Some((lang, text)), Event::End(TagEnd::CodeBlock)) => {
                    out.push(Event::Html(CowStr::from(highlight(
                        self.syntaxes,
                        lang,
                        text,
                    ))));
                    code = None;
                }
                (_, event) => out.push(event),
            }
        }
        out
    }

    fn link_organizations<'e>(
        &self,
        events: Vec<Event<'e>>,
        mut wanted: HashSet<&str>,
    ) -> Vec<Event<'e>> {
        let mut out = Vec::with_capacity(events.len());
        let mut blocked = 0usize; // inside a link, heading or image
        for event in events {
            match &event {
                Event::Start(Tag::Link { .. } | Tag::Heading { .. } | Tag::Image { .. }) => {
                    blocked += 1
                }
                Event::End(TagEnd::Link | TagEnd::Heading(_) | TagEnd::Image) => {
                    blocked = blocked.saturating_sub(1)
                }
                Event::Text(text) if blocked == 0 && !wanted.is_empty() => {
                    if let Some(linked) = self.link_text(text, &mut wanted) {
                        out.extend(linked);
                        continue;
                    }
                }
                _ => {}
            }
            out.push(event);
        }
        out
    }

    /// `text` with its first mentions of `wanted` organizations linked;
    /// `None` when it mentions none (the text event stays as it is).
    fn link_text<'e>(&self, text: &str, wanted: &mut HashSet<&str>) -> Option<Vec<Event<'e>>> {
        let mut events = Vec::new();
        let mut last = 0;
        for found in self.names.find_iter(text) {
            let slug = self.pattern_slugs[found.pattern().as_usize()].as_str();
            if !wanted.contains(slug) || !on_word_boundaries(text, found.start(), found.end()) {
                continue;
            }
            wanted.remove(slug);
            events.push(Event::Text(CowStr::from(
                text[last..found.start()].to_string(),
            )));
            events.push(Event::Html(CowStr::from(format!(
                "<a class=\"org-link\" href=\"{}organizations/{}/\">{}</a>",
                self.base_path,
                slug,
                escape(&text[found.start()..found.end()])
            ))));
            last = found.end();
        }
        if events.is_empty() {
            return None;
        }
        events.push(Event::Text(CowStr::from(text[last..].to_string())));
        Some(events)
    }
}

/// The parsed events of a body under the HTML policy (sanitized unless
/// `raw_html`), and whether the contributor wrote raw HTML that the
/// rendered HTML must be cleaned of.
fn safe_events(markdown: &str, raw_html: bool) -> (Vec<Event<'_>>, bool) {
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, options()).collect();
    if raw_html {
        return (events, false);
    }
    let has_raw_html = sanitize::has_raw_html(&events);
    (sanitize::safe_events(events), has_raw_html)
}

/// The words of an article body without markup, exactly as
/// [`MarkdownRenderer::render_in`] gives them in [`RenderedMarkdown::text`]
/// (`raw_html` as the site's `unsafe_html`), without rendering its HTML:
/// for search, when the article's page is not rendered in the same pass.
pub(crate) fn plain_text(markdown: &str, raw_html: bool) -> String {
    text::plain_text(&safe_events(markdown, raw_html).0)
}

/// Registry descriptions: plain Markdown (no highlighting or links),
/// Korean words marked `lang="ko"`, under the same HTML policy as article
/// bodies (sanitized unless the site trusts raw HTML).
pub(crate) fn plain(text: &str, raw_html: bool) -> String {
    let mut events: Vec<Event<'_>> = Parser::new(text).collect();
    let has_raw_html = !raw_html && sanitize::has_raw_html(&events);
    if !raw_html {
        events = sanitize::safe_events(events);
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, mark_korean(events).into_iter());
    if has_raw_html {
        html = sanitize::clean(&html);
    }
    html
}

/// Text events with Hangul split so each Korean stretch ("한국화학연구원",
/// "배터리 산업 전략") sits in a `<span lang="ko">`.
fn mark_korean(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len());
    for event in events {
        let Event::Text(text) = &event else {
            out.push(event);
            continue;
        };
        if text.is_ascii() || !text.chars().any(is_hangul) {
            out.push(event);
            continue;
        }
        let mut last = 0;
        for (start, end) in korean_stretches(text) {
            if start > last {
                out.push(Event::Text(CowStr::from(text[last..start].to_string())));
            }
            out.push(Event::Html(CowStr::from(format!(
                "<span lang=\"ko\">{}</span>",
                escape(&text[start..end])
            ))));
            last = end;
        }
        if last < text.len() {
            out.push(Event::Text(CowStr::from(text[last..].to_string())));
        }
    }
    out
}

/// `text` escaped for HTML, each Korean stretch in `<span lang="ko">`:
/// for plain fields that may hold Korean (a publisher, a person's name, a
/// quote) outside a Korean article's body. Templates call it as the
/// `korean` filter.
pub(crate) fn mark_korean_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (start, end) in korean_stretches(text) {
        out.push_str(&escape(&text[last..start]));
        out.push_str("<span lang=\"ko\">");
        out.push_str(&escape(&text[start..end]));
        out.push_str("</span>");
        last = end;
    }
    out.push_str(&escape(&text[last..]));
    out
}

/// Byte spans that start and end with Hangul and hold no Latin letter.
fn korean_stretches(text: &str) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, c) in text.char_indices() {
        if is_hangul(c) {
            let end = i + c.len_utf8();
            open = Some(open.map_or((i, end), |(start, _)| (start, end)));
        } else if c.is_alphabetic() {
            spans.extend(open.take());
        }
    }
    spans.extend(open);
    spans
}

/// A Hangul syllable or jamo (the render side's test for Korean script).
pub(crate) fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Give every heading an id: its own `{#id}` if written, else a slug of its
/// text, made unique with `-1`, `-2` in document order (stable across builds).
fn assign_heading_ids(mut events: Vec<Event<'_>>) -> (Vec<Event<'_>>, Vec<Heading>) {
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut headings = Vec::new();
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, id, .. }) = &events[i] {
            let level = heading_level(*level);
            let explicit = id.as_ref().map(|id| id.to_string());
            let mut text = String::new();
            let mut j = i + 1;
            while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[j] {
                    text.push_str(t);
                }
                j += 1;
            }
            let base = explicit.unwrap_or_else(|| {
                let slug = slugify(&text);
                if slug.is_empty() {
                    "section".to_string()
                } else {
                    slug
                }
            });
            let count = used.entry(base.clone()).or_insert(0);
            let unique = if *count == 0 {
                base.clone()
            } else {
                format!("{base}-{count}")
            };
            *count += 1;
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[i] {
                *id = Some(CowStr::from(unique.clone()));
            }
            headings.push(Heading {
                level,
                id: unique,
                text,
            });
            i = j;
        }
        i += 1;
    }
    (events, headings)
}

/// Headings that go deeper by one level at a time: a body sits under its
/// page's `<h1>`, so a `###` right under the title, or under a `#`, reads
/// as the level below (an outline that skips a level confuses screen
/// readers, and the Nu HTML Checker rejects it). Going back up is free.
fn close_heading_gaps(mut events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut previous = HeadingLevel::H1;
    let mut open = Vec::new();
    for event in &mut events {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let deepest =
                    HeadingLevel::try_from(previous as usize + 1).unwrap_or(HeadingLevel::H6);
                *level = (*level).min(deepest);
                previous = *level;
                open.push(*level);
            }
            Event::End(TagEnd::Heading(level)) => {
                *level = open.pop().unwrap_or(*level);
            }
            _ => {}
        }
    }
    events
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A link table with one organization under its name and aliases.
    fn org<'n>(slug: &'n str, name: &'n str, aliases: &[&'n str]) -> Vec<(&'n str, &'n str)> {
        std::iter::once(name)
            .chain(aliases.iter().copied())
            .map(|n| (n, slug))
            .collect()
    }

    fn render(markdown: &str, link: &[&str]) -> RenderedMarkdown {
        let set = highlight::syntax_set();
        let orgs = org(
            "krict",
            "Korea Research Institute of Chemical Technology",
            &["KRICT"],
        );
        let renderer = MarkdownRenderer::new(&set, orgs, "/sub/");
        let link: Vec<String> = link.iter().map(|s| s.to_string()).collect();
        renderer.render(markdown, &link)
    }

    #[test]
    fn heading_ids_are_slugs_made_unique() {
        let out = render("## Key points\n\n## Key points\n\n## Custom {#mine}\n", &[]);
        assert!(out.html.contains("<h2 id=\"key-points\">"), "{}", out.html);
        assert!(
            out.html.contains("<h2 id=\"key-points-1\">"),
            "{}",
            out.html
        );
        assert!(out.html.contains("<h2 id=\"mine\">"), "{}", out.html);
        assert_eq!(out.headings.len(), 3);
    }

    #[test]
    fn korean_stretches_of_plain_text_are_marked_and_the_rest_escaped() {
        assert_eq!(
            mark_korean_text("최고관리자 & KRICT <b> 한국화학연구원"),
            "<span lang=\"ko\">최고관리자</span> &amp; KRICT &lt;b&gt; <span lang=\"ko\">한국화학연구원</span>"
        );
        assert_eq!(mark_korean_text("plain"), "plain");
        assert_eq!(
            plain("The *committee* (국가전략위원회).", false),
            "<p>The <em>committee</em> (<span lang=\"ko\">국가전략위원회</span>).</p>\n"
        );
    }

    #[test]
    fn registry_descriptions_follow_the_html_policy() {
        let hostile = "Maker <script>alert(1)</script> of [cells](javascript:alert(2)) <b onclick=\"x()\">here</b>";
        let safe = plain(hostile, false);
        assert!(!safe.contains("<script"), "{safe}");
        assert!(!safe.contains("javascript:"), "{safe}");
        assert!(!safe.contains("onclick"), "{safe}");
        assert!(
            safe.contains("cells") && safe.contains("<b>here</b>"),
            "{safe}"
        );
        let trusted = plain(hostile, true);
        assert!(trusted.contains("<script>alert(1)</script>"), "{trusted}");
    }

    #[test]
    fn headings_never_skip_a_level() {
        let out = render(
            "### Under the title\n\n#### Deeper\n\n###### Far deeper\n\n## Back up\n\n#### Skip again\n",
            &[],
        );
        let levels: Vec<u8> = out.headings.iter().map(|h| h.level).collect();
        assert_eq!(levels, [2, 3, 4, 2, 3]);
        assert!(
            out.html
                .contains("<h2 id=\"under-the-title\">Under the title</h2>"),
            "{}",
            out.html
        );
        assert!(
            out.html.contains("<h4 id=\"far-deeper\">Far deeper</h4>"),
            "{}",
            out.html
        );
        assert!(!out.html.contains("<h6"), "{}", out.html);
    }

    #[test]
    fn extensions_are_on() {
        let out = render(
            "| a |\n|---|\n| b |\n\n~~x~~ - [x] \"q\"\n\nNote[^1]\n\n[^1]: f\n",
            &[],
        );
        assert!(out.html.contains("<table>"));
        assert!(out.html.contains("<del>x</del>"));
        assert!(out.html.contains("\u{201c}q\u{201d}"));
        assert!(out.html.contains("footnote"));
    }

    #[test]
    fn first_mention_of_annotated_org_links_once() {
        let out = render("KRICT said. KRICT again. Not KRICTX.\n", &["krict"]);
        assert_eq!(
            out.html.matches("<a class=\"org-link\"").count(),
            1,
            "{}",
            out.html
        );
        assert!(out
            .html
            .contains("href=\"/sub/organizations/krict/\">KRICT</a> said."));
        let unannotated = render("KRICT said.\n", &[]);
        assert!(!unannotated.html.contains("<a"));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn render(markdown: &str, link: &[&str]) -> RenderedMarkdown {
            let set = highlight::syntaxes();
            let orgs = org(
                "krict",
                "Korea Research Institute of Chemical Technology",
                &["KRICT", "한국화학연구원"],
            );
            let renderer = MarkdownRenderer::new(set, orgs, "/sub/");
            let link: Vec<String> = link.iter().map(|s| s.to_string()).collect();
            renderer.render(markdown, &link)
        }

        /// Markdown-ish text: every construct the renderer treats specially
        /// (headings with ids, code fences, links, footnotes, tables,
        /// organization names) mixed with multi-byte text.
        fn markdown() -> impl Strategy<Value = String> {
            let pieces = prop::sample::select(vec![
                "# ",
                "## ",
                "{#id}",
                "{#}",
                "\n",
                "\n\n",
                "```",
                "```rust\n",
                "~~~",
                "    ",
                "[a](/x/)",
                "[",
                "]",
                "(",
                ")",
                "![i](p.png)",
                "[^1]",
                "[^1]: n",
                "| a |",
                "|---|",
                "KRICT",
                "Korea Research Institute of Chemical Technology",
                "KRICTX",
                "*",
                "_",
                "<a href=\"x\">",
                "</a>",
                "&amp;",
                "한국화학연구원",
                "é",
                " ",
                "- ",
                "1. ",
                "> ",
                "\"",
                "'",
                "--",
                "...",
                "`code`",
            ]);
            prop::collection::vec(pieces, 0..48).prop_map(|p| p.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(128))]

            #[test]
            fn rendering_never_panics_and_heading_ids_are_unique(text in markdown()) {
                let out = render(&text, &["krict"]);
                let mut ids: Vec<&str> = out.headings.iter().map(|h| h.id.as_str()).collect();
                let count = ids.len();
                ids.sort_unstable();
                ids.dedup();
                prop_assert_eq!(ids.len(), count, "duplicate heading ids in {:?}", out.headings);
                prop_assert!(out.html.matches("class=\"org-link\"").count() <= 1);
                prop_assert_eq!(plain_text(&text, false), out.text, "the words alone differ");
            }

            #[test]
            fn rendering_never_panics_on_any_string(text in any::<String>()) {
                let _ = render(&text, &["krict"]);
            }
        }
    }

    #[test]
    fn korean_words_in_other_text_are_marked() {
        let html = render("KRICT (한국화학연구원) and the 배터리 산업 strategy.", &[]).html;
        assert!(
            html.contains("KRICT (<span lang=\"ko\">한국화학연구원</span>) and the <span lang=\"ko\">배터리 산업</span> strategy."),
            "{html}"
        );
        let set = highlight::syntax_set();
        let renderer = MarkdownRenderer::new(&set, Vec::new(), "/");
        let korean = renderer.render_in("정부가 전략을 내놓는다.", &[], Some("ko"));
        assert!(!korean.html.contains("<span"), "{}", korean.html);
    }

    #[test]
    fn code_blocks_are_highlighted() {
        let out = render("```rust\nlet x = 1;\n```\n", &[]);
        assert!(out.html.contains("hl-"), "{}", out.html);
    }
}
