//! Markdown to HTML: pulldown-cmark with tables, footnotes, strikethrough,
//! task lists, smart punctuation; stable heading ids; fenced code through
//! syntect; and the first mention of each annotated organization linked to
//! its page.

use pulldown_cmark::{CowStr, Event, Options, Parser};
use syntect::parsing::SyntaxSet;

mod events;
mod headings;
pub(crate) mod highlight;
mod links;
mod parsed_lines;
mod sanitize;
mod text;

use events::{Events, Finished};
use highlight::escape;
use links::Links;
use sanitize::Policy;
use text::Words;

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
    links: Links,
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
        MarkdownRenderer {
            syntaxes,
            links: Links::new(links, base_path),
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
        let mut events = Events::new(self, markdown, link_orgs, lang != Some("ko"));
        let mut html = String::with_capacity(markdown.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, &mut events);
        let Finished {
            headings,
            text,
            has_raw_html,
        } = events.finish();
        if has_raw_html {
            html = sanitize::clean(&html);
        }
        RenderedMarkdown {
            html,
            headings,
            text,
        }
    }
}

/// The bytes `range` of `text`, borrowed when `text` is.
pub(super) fn piece<'e>(text: &CowStr<'e>, range: std::ops::Range<usize>) -> CowStr<'e> {
    match text {
        CowStr::Borrowed(text) => CowStr::Borrowed(&text[range]),
        text => CowStr::from(text[range].to_string()),
    }
}

/// The words of an article body without markup, exactly as
/// [`MarkdownRenderer::render_in`] gives them in [`RenderedMarkdown::text`]
/// (`raw_html` as the site's `unsafe_html`), without rendering its HTML:
/// for search, when the article's page is not rendered in the same pass.
pub(crate) fn plain_text(markdown: &str, raw_html: bool) -> String {
    let mut policy = (!raw_html).then(Policy::default);
    let mut words = Words::with_capacity(markdown.len());
    for mut event in Parser::new_ext(markdown, options()) {
        if policy
            .as_mut()
            .is_none_or(|policy| policy.admit(&mut event))
        {
            words.push(&event);
        }
    }
    words.finish()
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

/// `events` with each text event's Korean stretches marked, as
/// [`mark_korean_into`] marks them.
fn mark_korean(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut marked = Vec::with_capacity(events.len());
    for event in events {
        mark_korean_into(event, &mut |e| marked.push(e));
    }
    marked
}

/// `event` to `out`; a text event with Hangul split so each Korean
/// stretch ("한국화학연구원", "배터리 산업 전략") sits in a
/// `<span lang="ko">`.
fn mark_korean_into<'e>(event: Event<'e>, out: &mut impl FnMut(Event<'e>)) {
    let Event::Text(text) = &event else {
        out(event);
        return;
    };
    if !has_hangul(text) {
        out(event);
        return;
    }
    let mut last = 0;
    for (start, end) in korean_stretches(text) {
        if start > last {
            out(Event::Text(piece(text, last..start)));
        }
        out(Event::Html(CowStr::from(format!(
            "<span lang=\"ko\">{}</span>",
            escape(&text[start..end])
        ))));
        last = end;
    }
    if last < text.len() {
        out(Event::Text(piece(text, last..text.len())));
    }
}

/// Whether `text` holds a character [`is_hangul`] accepts. Looks only at
/// the lead bytes of the three-byte characters where the Hangul blocks
/// lie (U+1xxx, U+3xxx, U+Axxx–U+Dxxx), found with SIMD: most text is
/// ASCII, or Latin with a few signs such as `₩` and `“`.
fn has_hangul(text: &str) -> bool {
    let bytes = text.as_bytes();
    let hangul_at = |i: usize| {
        text.get(i..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(is_hangul)
    };
    memchr::memchr3_iter(0xE1, 0xE3, 0xEA, bytes).any(hangul_at)
        || memchr::memchr3_iter(0xEB, 0xEC, 0xED, bytes).any(hangul_at)
}

/// Whether any text event of `markdown` can hold Hangul: only when the
/// source has Hangul or a numeric character reference (no named entity
/// stands for a Hangul character). Most bodies have neither, and are not
/// looked at again event by event.
fn may_hold_hangul(markdown: &str) -> bool {
    has_hangul(markdown) || memchr::memmem::find(markdown.as_bytes(), b"&#").is_some()
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
                "&#44032;",
                "&#xD55C;",
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
            fn text_marked_as_it_streams_is_the_body_marked_when_its_words_hold_hangul(
                text in markdown(),
            ) {
                let set = highlight::syntaxes();
                let renderer = MarkdownRenderer::new(set, org("krict", "KRICT", &["한국화학연구원"]), "/");
                let link = ["krict".to_string()];
                let mut plain = Events::new(&renderer, &text, &link, false);
                let events: Vec<Event<'_>> = plain.by_ref().collect();
                let words = plain.finish().text;
                let whole = if has_hangul(&words) { mark_korean(events) } else { events };
                let streamed: Vec<Event<'_>> = Events::new(&renderer, &text, &link, true).collect();
                prop_assert_eq!(streamed, whole);
            }

            #[test]
            fn hangul_is_found_as_by_reading_every_character(text in any::<String>()) {
                prop_assert_eq!(has_hangul(&text), text.chars().any(is_hangul));
            }

            #[test]
            fn rendering_never_panics_on_any_string(text in any::<String>()) {
                let _ = render(&text, &["krict"]);
            }
        }
    }

    #[test]
    fn hangul_is_found_in_every_block_and_nowhere_else() {
        for c in ['\u{1100}', '\u{11FF}', '\u{3130}', '\u{318F}', '가', '힣'] {
            assert!(has_hangul(&format!("₩ “{c}”")), "{c:?}");
        }
        for text in [
            "plain",
            "₩ “q” — é",
            "\u{10FF}\u{1200}\u{312F}\u{3190}\u{ABFF}\u{D7A4}",
            "漢字",
        ] {
            assert!(!has_hangul(text), "{text:?}");
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
