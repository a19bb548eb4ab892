//! Data computed once per build and shared by every render thread:
//! the timeline, the home page's figures, entity co-mentions.

use std::collections::{BTreeMap, HashMap};

use crate::content::date::PartialDate;
use crate::content::front_matter::About;
use crate::content::library::Library;
use crate::render::plan::Section;

/// An event's place in the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct EventRef {
    /// Event date (sort key).
    pub date: PartialDate,
    /// Index into `library.articles`.
    pub article: usize,
    /// Index into that article's events.
    pub event: usize,
}

/// Precomputed, read-only render data.
#[derive(Debug, Default)]
pub struct Shared {
    /// Every event, newest first.
    pub events: Vec<EventRef>,
    /// Years that have events, newest first, with their event count.
    pub years: Vec<(i32, usize)>,
}

impl Shared {
    /// Compute from the library.
    pub fn new(library: &Library) -> Shared {
        let events = events_of(library, 0..library.articles.len());
        let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
        for event in &events {
            *counts.entry(event.date.year).or_default() += 1;
        }
        let years = counts.into_iter().rev().collect();
        Shared { events, years }
    }

    /// Events of one year, newest first.
    pub fn events_in_year(&self, year: i32) -> &[EventRef] {
        let start = self.events.partition_point(|e| e.date.year > year);
        let end = self.events.partition_point(|e| e.date.year >= year);
        &self.events[start..end]
    }
}

/// Every event of the articles at `indexes`, newest first. An undated
/// article stays off every timeline: with no publication date, nothing
/// anchors when its story happened.
pub fn events_of(library: &Library, indexes: impl IntoIterator<Item = usize>) -> Vec<EventRef> {
    let mut events: Vec<EventRef> = indexes
        .into_iter()
        .filter(|&a| library.articles[a].front.date.is_some())
        .flat_map(|a| {
            let events = &library.articles[a].front.events;
            events.iter().enumerate().map(move |(e, event)| EventRef {
                date: event.date,
                article: a,
                event: e,
            })
        })
        .collect();
    events.sort_by(|x, y| y.cmp(x));
    events
}

/// Whether a fact with `about` belongs on the page of `slug` in
/// `section`: only when its `about` names it. A fact without `about`
/// stays on its article's page, which shows every fact.
pub fn is_about(library: &Library, about: Option<&About>, section: Section, slug: &str) -> bool {
    let Some(about) = about else {
        return false;
    };
    match section {
        Section::Organizations => about.organizations.iter().any(|o| o == slug),
        Section::Topics => about.topics.iter().any(|t| t == slug),
        Section::Places => about
            .places
            .iter()
            .any(|p| library.place_slug(p) == Some(slug)),
    }
}

/// The timeline of an entity page: events of the articles at `indexes`
/// that are about the entity, newest first.
pub fn entity_events(
    library: &Library,
    indexes: &[usize],
    section: Section,
    slug: &str,
) -> Vec<EventRef> {
    let mut events = events_of(library, indexes.iter().copied());
    events.retain(|e| {
        let event = &library.articles[e.article].front.events[e.event];
        is_about(library, event.about.as_ref(), section, slug)
    });
    events
}

/// The figures of an entity page: `(article, figure)` of the articles at
/// `indexes` that are about the entity, in article order.
pub fn entity_figures<'a>(
    library: &'a Library,
    indexes: &'a [usize],
    section: Section,
    slug: &'a str,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    indexes.iter().flat_map(move |&a| {
        let figures = &library.articles[a].front.figures;
        (0..figures.len())
            .filter(move |&f| is_about(library, figures[f].about.as_ref(), section, slug))
            .map(move |f| (a, f))
    })
}

/// Count how often each slug appears beside the articles in `indexes`,
/// most frequent first (ties by slug), without `exclude`.
pub fn co_mentions<'a>(
    indexes: &[usize],
    keys: impl Fn(usize) -> &'a [String],
    exclude: &str,
    limit: usize,
) -> Vec<(&'a str, usize)> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for &i in indexes {
        for key in keys(i) {
            if key != exclude {
                *counts.entry(key.as_str()).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    ranked.truncate(limit);
    ranked
}
