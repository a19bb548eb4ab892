//! Markdown, the event stream: a body's events from the parser to the HTML
//! writer, one at a time.
//!
//! Takes the Markdown of one body; gives the events the HTML is written
//! from (the HTML policy applied, headings fixed, code highlighted, first
//! mentions linked, Korean stretches marked) as an iterator, and after it
//! the headings, the words and whether the body held raw HTML. Nothing is
//! collected: a body's events are written as they come.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Parser, Tag, TagEnd};

use super::headings::Headings;
use super::highlight::highlight;
use super::links::Wanted;
use super::sanitize::Policy;
use super::text::Words;
use super::{mark_korean_into, may_hold_hangul, options, Heading, MarkdownRenderer};

/// The events of one body, ready for the HTML writer.
pub(super) struct Events<'m, 'r, 'a> {
    parser: Parser<'m>,
    /// The HTML policy, unless the site trusts raw HTML.
    policy: Option<Policy>,
    has_raw_html: bool,
    headings: Headings<'m>,
    decorate: Decorate<'r, 'a, 'm>,
    /// Whether Korean stretches of text are marked `lang="ko"`.
    mark_korean: bool,
    /// The events being marked, moved out of [`Decorate::out`] (kept, so
    /// the two buffers trade places instead of one being made per event).
    marking: Vec<Event<'m>>,
    /// Whether the parser has given its last event.
    parsed: bool,
}

/// What a body's stream leaves once the writer has taken every event.
pub(super) struct Finished {
    pub(super) headings: Vec<Heading>,
    /// The words ([`super::RenderedMarkdown::text`]).
    pub(super) text: String,
    /// Whether the body held raw HTML (before the policy).
    pub(super) has_raw_html: bool,
}

impl<'m, 'r, 'a> Events<'m, 'r, 'a> {
    /// The events of `markdown`; the first mention of each of `link_orgs`
    /// linked; Korean stretches marked when `mark_korean` (and the body
    /// can hold any).
    pub(super) fn new(
        renderer: &'r MarkdownRenderer<'a>,
        markdown: &'m str,
        link_orgs: &'r [String],
        mark_korean: bool,
    ) -> Self {
        Events {
            parser: Parser::new_ext(markdown, options()),
            policy: (!renderer.raw_html).then(Policy::default),
            has_raw_html: false,
            headings: Headings::new(),
            decorate: Decorate {
                renderer,
                words: Words::with_capacity(markdown.len()),
                code: None,
                wanted: renderer.links.wanted(link_orgs),
                blocked: 0,
                out: Vec::new(),
            },
            mark_korean: mark_korean && may_hold_hangul(markdown),
            marking: Vec::new(),
            parsed: false,
        }
    }

    /// The headings, words and raw-HTML flag, once every event is taken.
    pub(super) fn finish(self) -> Finished {
        Finished {
            headings: self.headings.list,
            text: self.decorate.words.finish(),
            has_raw_html: self.has_raw_html,
        }
    }

    /// Feed the next parser event through the policy, the headings and
    /// [`Decorate`]; false when the parser had none left.
    fn feed(&mut self) -> bool {
        let decorate = &mut self.decorate;
        let mut emit = |event| decorate.push(event);
        let Some(mut event) = self.parser.next() else {
            self.headings.finish(&mut emit);
            return false;
        };
        if let Some(policy) = &mut self.policy {
            self.has_raw_html |= matches!(event, Event::Html(_) | Event::InlineHtml(_));
            if !policy.admit(&mut event) {
                return true;
            }
        }
        self.headings.push(event, &mut emit);
        true
    }
}

impl<'m> Iterator for Events<'m, '_, '_> {
    type Item = Event<'m>;

    fn next(&mut self) -> Option<Event<'m>> {
        loop {
            // What the last parser event gave, last first (most give one).
            if let Some(event) = self.decorate.out.pop() {
                return Some(event);
            }
            if self.parsed {
                return None;
            }
            self.parsed = !self.feed();
            if self.mark_korean {
                std::mem::swap(&mut self.decorate.out, &mut self.marking);
                let out = &mut self.decorate.out;
                for event in self.marking.drain(..) {
                    mark_korean_into(event, &mut |e| out.push(e));
                }
            }
            self.decorate.out.reverse();
        }
    }
}

/// The last steps of rendering, event by event: the words are taken, code
/// blocks highlighted, the first mention of each wanted organization
/// linked; what comes out goes to `out`, where [`Events`] marks its Korean
/// stretches and hands it on.
struct Decorate<'r, 'a, 'e> {
    renderer: &'r MarkdownRenderer<'a>,
    words: Words,
    /// The open code block: its info string and its text so far.
    code: Option<(CowStr<'e>, String)>,
    /// Organizations not linked yet.
    wanted: Wanted<'r>,
    /// Depth inside links, headings and images, where nothing is linked.
    blocked: usize,
    out: Vec<Event<'e>>,
}

impl<'e> Decorate<'_, '_, 'e> {
    fn push(&mut self, event: Event<'e>) {
        self.words.push(&event);
        let event = match (&mut self.code, event) {
            (None, Event::Start(Tag::CodeBlock(kind))) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(lang) => lang,
                    CodeBlockKind::Indented => CowStr::Borrowed(""),
                };
                self.code = Some((lang, String::new()));
                return;
            }
            (Some((_, text)), Event::Text(t)) => {
                text.push_str(&t);
                return;
            }
            (Some((lang, text)), Event::End(TagEnd::CodeBlock)) => {
                let html = highlight(self.renderer.syntaxes, lang, text);
                self.code = None;
                self.out.push(Event::Html(CowStr::from(html)));
                return;
            }
            (_, event) => event,
        };
        match &event {
            Event::Start(Tag::Link { .. } | Tag::Heading { .. } | Tag::Image { .. }) => {
                self.blocked += 1
            }
            Event::End(TagEnd::Link | TagEnd::Heading(_) | TagEnd::Image) => {
                self.blocked = self.blocked.saturating_sub(1)
            }
            Event::Text(text)
                if self.blocked == 0
                    && !self.wanted.is_empty()
                    && self.wanted.link(text, &mut self.out) =>
            {
                return;
            }
            _ => {}
        }
        self.out.push(event);
    }
}
