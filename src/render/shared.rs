//! Data computed once per build and shared by every render thread:
//! the timeline, the home page's figures, entity co-mentions.

use std::collections::BTreeMap;

use crate::content::date::PartialDate;
use crate::content::front_matter::About;
use crate::content::library::Library;
use crate::render::lookup::Lookup;
use crate::render::mentions::Mentions;
use crate::render::plan::Section;

/// An event's place in the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct EventRef {
    /// Event date (sort key).
    pub date: PartialDate,
    /// Index into `library.articles`.
    pub article: usize,
    /// Index into that article's events.
    pub event: usize,
}

/// Precomputed, read-only render data.
#[derive(Debug, Default)]
pub(crate) struct Shared {
    /// Every event, newest first.
    pub events: Vec<EventRef>,
    /// Years that have events, newest first, with their event count.
    pub years: Vec<(i32, usize)>,
}

impl Shared {
    /// Compute from the library.
    pub(crate) fn new(library: &Library) -> Shared {
        let events = events_of(library, 0..library.articles.len());
        let years = years_of(&events);
        Shared { events, years }
    }

    /// Bring up to date after the articles at `edited` (indexes into
    /// `library`) changed in place, every other article keeping its index:
    /// only their events are taken out and put back (serve, after an edit).
    pub(crate) fn replace(&mut self, library: &Library, edited: &[usize]) {
        self.events.retain(|e| !edited.contains(&e.article));
        self.events
            .extend(events_of(library, edited.iter().copied()));
        self.events.sort_by(|x, y| y.cmp(x));
        self.years = years_of(&self.events);
    }

    /// Events of one year, newest first.
    pub(crate) fn events_in_year(&self, year: i32) -> &[EventRef] {
        let start = self.events.partition_point(|e| e.date.year > year);
        let end = self.events.partition_point(|e| e.date.year >= year);
        &self.events[start..end]
    }
}

/// Years that have events, newest first, with their event count.
fn years_of(events: &[EventRef]) -> Vec<(i32, usize)> {
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    for event in events {
        *counts.entry(event.date.year).or_default() += 1;
    }
    counts.into_iter().rev().collect()
}

/// Every event of the articles at `indexes`, newest first. An undated
/// article stays off every timeline: with no publication date, nothing
/// anchors when its story happened.
pub(crate) fn events_of(
    library: &Library,
    indexes: impl IntoIterator<Item = usize>,
) -> Vec<EventRef> {
    events_where(library, indexes, |_| true)
}

/// [`events_of`], only the events `keep` accepts (picked before sorting:
/// an entity's page keeps a few of many).
fn events_where(
    library: &Library,
    indexes: impl IntoIterator<Item = usize>,
    keep: impl Fn(&crate::content::front_matter::Event) -> bool,
) -> Vec<EventRef> {
    let mut events: Vec<EventRef> = indexes
        .into_iter()
        .filter(|&a| library.articles[a].front.date.is_some())
        .flat_map(|a| {
            let events = &library.articles[a].front.events;
            events
                .iter()
                .enumerate()
                .filter(|(_, event)| keep(event))
                .map(move |(e, event)| EventRef {
                    date: event.date,
                    article: a,
                    event: e,
                })
        })
        .collect();
    events.sort_unstable_by(|x, y| y.cmp(x));
    events
}

/// Whether a fact with `about` belongs on the page of `slug` in
/// `section`: only when its `about` names it. A fact without `about`
/// stays on its article's page, which shows every fact.
pub(crate) fn is_about(
    library: &Library,
    about: Option<&About>,
    section: Section,
    slug: &str,
) -> bool {
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
pub(crate) fn entity_events(
    library: &Library,
    indexes: &[usize],
    section: Section,
    slug: &str,
) -> Vec<EventRef> {
    events_where(library, indexes.iter().copied(), |event| {
        is_about(library, event.about.as_ref(), section, slug)
    })
}

/// The figures of an entity page: `(article, figure)` of the articles at
/// `indexes` that are about the entity, in article order.
pub(crate) fn entity_figures<'a>(
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

/// What an entity's first page shows beside its cards: its newest events,
/// its first figures and the organizations and topics most often named
/// with it. The one place that says how many of each; the page shows it
/// and serve compares it before and after an edit (`render::depends`).
#[derive(Debug)]
pub(crate) struct Sidebar<'a> {
    /// Events about the entity, newest first.
    pub(crate) events: Vec<EventRef>,
    /// `(article, figure)` about the entity, in article order.
    pub(crate) figures: Vec<(usize, usize)>,
    /// Organizations named with it, with their counts.
    pub(crate) organizations: Vec<(&'a str, usize)>,
    /// Topics named with it, with their counts.
    pub(crate) topics: Vec<(&'a str, usize)>,
}

impl<'a> Sidebar<'a> {
    const EVENTS: usize = 30;
    const FIGURES: usize = 12;
    const CO_MENTIONS: usize = 10;

    /// The sidebar of entity `slug` of `section`, listed by the articles
    /// at `indexes`.
    pub(crate) fn of(
        library: &'a Library,
        mentions: &Mentions<'a>,
        lookup: &Lookup<'a>,
        indexes: &[usize],
        section: Section,
        slug: &str,
    ) -> Sidebar<'a> {
        let mut events = entity_events(library, indexes, section, slug);
        events.truncate(Self::EVENTS);
        let figures = entity_figures(library, indexes, section, slug)
            .take(Self::FIGURES)
            .collect();
        Sidebar {
            events,
            figures,
            organizations: mentions.co_mentions(
                lookup,
                indexes,
                Section::Organizations,
                slug,
                Self::CO_MENTIONS,
            ),
            topics: mentions.co_mentions(lookup, indexes, Section::Topics, slug, Self::CO_MENTIONS),
        }
    }
}

/// Count how often each slug appears beside the articles in `indexes`,
/// most frequent first (ties by slug), without `exclude`.
pub(crate) fn co_mentions<'a>(
    indexes: &[usize],
    keys: impl Fn(usize) -> &'a [String],
    exclude: &str,
    limit: usize,
) -> Vec<(&'a str, usize)> {
    // Up to tens of thousands of slugs for a popular entity: a fast hash
    // (the order is set by the sort below).
    let mut counts: ahash::AHashMap<&str, usize> = ahash::AHashMap::new();
    for &i in indexes {
        for key in keys(i) {
            if key != exclude {
                *counts.entry(key.as_str()).or_default() += 1;
            }
        }
    }
    most_named(counts.into_iter().collect(), limit)
}

/// The first `limit` of `(name, count)`, most first, then by name.
pub(crate) fn most_named<K: Ord>(mut ranked: Vec<(K, usize)>, limit: usize) -> Vec<(K, usize)> {
    let order = |a: &(K, usize), b: &(K, usize)| b.1.cmp(&a.1).then(a.0.cmp(&b.0));
    // The first `limit` picked out before they are sorted: hundreds of
    // organizations are named beside a popular entity, ten are shown.
    if ranked.len() > limit {
        ranked.select_nth_unstable_by(limit, order);
        ranked.truncate(limit);
    }
    ranked.sort_unstable_by(order);
    ranked
}

#[cfg(test)]
mod tests {
    use super::co_mentions;

    proptest::proptest! {
        /// The first `limit` of every count sorted (most first, then by
        /// slug), without `exclude`.
        #[test]
        fn co_mentions_are_the_first_of_every_count_sorted(
            articles in proptest::collection::vec(
                proptest::collection::vec("[a-h]", 0..5), 0..40),
            limit in 0usize..12,
        ) {
            let indexes: Vec<usize> = (0..articles.len()).collect();
            let mut all: Vec<(&str, usize)> = Vec::new();
            for key in articles.iter().flatten().filter(|k| *k != "a") {
                match all.iter_mut().find(|(k, _)| k == key) {
                    Some((_, n)) => *n += 1,
                    None => all.push((key, 1)),
                }
            }
            all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            all.truncate(limit);
            let got = co_mentions(&indexes, |i| &articles[i], "a", limit);
            proptest::prop_assert_eq!(got, all);
        }
    }
}
