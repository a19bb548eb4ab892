//! Markdown, headings: an outline that never skips a level, and an id for
//! every heading.
//!
//! Takes a body's events one at a time, in order; passes each on at once,
//! except a heading's, which it holds until the heading ends (its id is a
//! slug of its text). Gives back every event, the headings fixed, and the
//! list of headings.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::Heading;
use crate::url::slugify;

/// The heading state of one body.
pub(super) struct Headings<'e> {
    /// The level of the last heading (a body sits under its page's `<h1>`).
    previous: HeadingLevel,
    /// Levels of the headings open, for their ends.
    open: Vec<HeadingLevel>,
    /// How often each id was given, to make the next one unique.
    used: HashMap<String, usize>,
    /// The events of the heading being read.
    held: Vec<Event<'e>>,
    /// The headings so far, in order.
    pub(super) list: Vec<Heading>,
}

impl<'e> Headings<'e> {
    pub(super) fn new() -> Self {
        Headings {
            previous: HeadingLevel::H1,
            open: Vec::new(),
            used: HashMap::new(),
            held: Vec::new(),
            list: Vec::new(),
        }
    }

    /// Hand `event` on to `emit`, or hold it while a heading is open.
    ///
    /// Headings go deeper by one level at a time: a `###` right under the
    /// title, or under a `#`, reads as the level below (an outline that
    /// skips a level confuses screen readers, and the Nu HTML Checker
    /// rejects it). Going back up is free.
    pub(super) fn push(&mut self, event: Event<'e>, emit: &mut impl FnMut(Event<'e>)) {
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                let deepest =
                    HeadingLevel::try_from(self.previous as usize + 1).unwrap_or(HeadingLevel::H6);
                let level = level.min(deepest);
                self.previous = level;
                self.open.push(level);
                self.held.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                let level = self.open.pop().unwrap_or(level);
                self.held.push(Event::End(TagEnd::Heading(level)));
                self.release(emit);
            }
            event if !self.held.is_empty() => self.held.push(event),
            event => emit(event),
        }
    }

    /// Hand on what is still held (a heading the body never closed).
    pub(super) fn finish(&mut self, emit: &mut impl FnMut(Event<'e>)) {
        if !self.held.is_empty() {
            self.release(emit);
        }
    }

    /// Give the held heading its id (its own `{#id}` if written, else a
    /// slug of its text), made unique with `-1`, `-2` in document order
    /// (stable across builds); then hand its events on.
    fn release(&mut self, emit: &mut impl FnMut(Event<'e>)) {
        if let Some(Event::Start(Tag::Heading { level, id, .. })) = self.held.first() {
            let level = *level as u8;
            let explicit = id.as_ref().map(|id| id.to_string());
            let mut text = String::new();
            for event in &self.held[1..] {
                match event {
                    Event::End(TagEnd::Heading(_)) => break,
                    Event::Text(t) | Event::Code(t) => text.push_str(t),
                    _ => {}
                }
            }
            let unique = self.unique(explicit.unwrap_or_else(|| {
                let slug = slugify(&text);
                if slug.is_empty() {
                    "section".to_string()
                } else {
                    slug
                }
            }));
            if let Some(Event::Start(Tag::Heading { id, .. })) = self.held.first_mut() {
                *id = Some(CowStr::from(unique.clone()));
            }
            self.list.push(Heading {
                level,
                id: unique,
                text,
            });
        }
        for event in self.held.drain(..) {
            emit(event);
        }
    }

    /// `base`, or `base-N` when `base` was given N times before.
    fn unique(&mut self, base: String) -> String {
        let count = self.used.entry(base.clone()).or_insert(0);
        let unique = if *count == 0 {
            base
        } else {
            format!("{base}-{count}")
        };
        *count += 1;
        unique
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Parser;

    fn headings(markdown: &str) -> (Vec<Heading>, usize) {
        let mut headings = Headings::new();
        let mut count = 0;
        let mut emit = |_: Event<'_>| count += 1;
        for event in Parser::new(markdown) {
            headings.push(event, &mut emit);
        }
        headings.finish(&mut emit);
        (headings.list, count)
    }

    #[test]
    fn every_event_is_handed_on_and_ids_are_unique() {
        let markdown = "# A\n\ntext\n\n#### A\n\n### `A`\n";
        let (list, count) = headings(markdown);
        assert_eq!(count, Parser::new(markdown).count());
        let ids: Vec<&str> = list.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["a", "a-1", "a-2"]);
        let levels: Vec<u8> = list.iter().map(|h| h.level).collect();
        assert_eq!(levels, [1, 2, 3]);
    }

    #[test]
    fn a_heading_without_words_is_a_section() {
        let (list, _) = headings("## ***\n\n## ?\n");
        let ids: Vec<&str> = list.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["section", "section-1"]);
    }
}
