//! Render stage, what each page reads, for serve to compare.
//!
//! Takes a library (before or after an edit) and an edited article; gives
//! back what pages read of it: the parts of an article pages show
//! ([`Parts`]), the lists it sits in with its place ([`Placement`]), the
//! pages showing it ([`readers`]) or a slice of a list ([`list_readers`]),
//! and the site-wide values pages are drawn from ([`Overview`]). Serve
//! captures these before and after an edit, compares, and re-renders the
//! pages whose inputs differ, without knowing how a page is drawn; each
//! rule leans on the function that draws the page (`pages::home_articles`,
//! `pages::related_candidates`, …), so the two cannot drift apart.

use std::collections::{BTreeSet, HashMap};
use std::ops::RangeInclusive;

use crate::content::article::Article;
use crate::content::library::{listed_alike, Library};
use crate::render::feeds::FEED_LENGTH;
use crate::render::pages::{
    home_articles, home_events, home_figures, present_year, related, related_candidates,
};
use crate::render::plan::{
    self, articles_index, entity_count, entity_slug, page_count, PageJob, Section,
};
use crate::render::shared::Shared;

/// Which parts of an article that pages read differ between two versions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Parts {
    /// The body (its own page and the full-text site feed).
    pub(crate) body: bool,
    /// Any front matter (cards, facts, feeds, its own page).
    pub(crate) front: bool,
    /// What orders and indexes read: dates, topics, organizations, places.
    pub(crate) listing: bool,
    /// The date a sitemap gives for it.
    pub(crate) modified: bool,
}

impl Parts {
    /// Every part: what an article that comes or goes changes.
    pub(crate) const ALL: Parts = Parts {
        body: true,
        front: true,
        listing: true,
        modified: true,
    };

    /// The parts that differ from `old` to `new`.
    pub(crate) fn between(old: &Article, new: &Article) -> Parts {
        Parts {
            body: !old.body.same_text(&new.body) || old.word_count != new.word_count,
            front: old.front != new.front || old.slug != new.slug,
            listing: !listed_alike(old, new),
            modified: old.front.last_changed() != new.front.last_changed(),
        }
    }
}

/// A list pages show a slice of: every briefing, or an entity's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum List {
    /// `/articles/`, the site feed and home.
    All,
    /// An entity's pages and feed (index into its registry).
    Entity(Section, usize),
}

/// Where an article sits: each list it is in, its position there and the
/// list's length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Placement(pub(crate) Vec<(List, usize, usize)>);

impl Placement {
    /// The lists article `i` of `library` is in.
    pub(crate) fn of(library: &Library, i: usize) -> Placement {
        let mut lists = vec![(List::All, i, library.articles.len())];
        for section in Section::ALL {
            let index = articles_index(library, section);
            for (slug, members) in entities_of(library, section, i)
                .into_iter()
                .filter_map(|slug| Some((slug, index.get(slug)?)))
            {
                let (Ok(at), Some(e)) = (
                    members.binary_search(&i),
                    entity_index(library, section, slug),
                ) else {
                    continue;
                };
                lists.push((List::Entity(section, e), at, members.len()));
            }
        }
        Placement(lists)
    }

    /// Pages whose slice of a list may differ going from `self` to
    /// `after` (the placements of one article in two libraries): the
    /// positions between its old and new place, or the whole list when
    /// it joined or left it (every page shows the count).
    pub(crate) fn changed_lists(
        &self,
        after: &Placement,
    ) -> HashMap<List, Option<RangeInclusive<usize>>> {
        let mut changed = HashMap::new();
        let lists: BTreeSet<List> = self.0.iter().chain(&after.0).map(|l| l.0).collect();
        for list in lists {
            let old = self.0.iter().find(|l| l.0 == list);
            let new = after.0.iter().find(|l| l.0 == list);
            let range = match (old, new) {
                (Some(&(_, p, n)), Some(&(_, q, m))) if n == m => {
                    if p == q {
                        continue;
                    }
                    Some(p.min(q)..=p.max(q))
                }
                _ => None,
            };
            changed.insert(list, range);
        }
        changed
    }
}

/// Pages whose slice of a list may differ when articles leave and join
/// lists (`gone`: placements of the articles removed, in the library
/// before; `come`: of those added, in the library after): the positions
/// from the first touched to the last when a list kept its length (a file
/// renamed), the whole list when its length changed.
pub(crate) fn moved_lists(
    gone: &[Placement],
    come: &[Placement],
) -> HashMap<List, Option<RangeInclusive<usize>>> {
    // Per list: first and last position touched, length before and after.
    type Touched = (usize, usize, Option<usize>, Option<usize>);
    let mut touched: HashMap<List, Touched> = HashMap::new();
    let sides = gone
        .iter()
        .map(|p| (p, true))
        .chain(come.iter().map(|p| (p, false)));
    for (placement, before) in sides {
        for &(list, at, length) in &placement.0 {
            let entry = touched.entry(list).or_insert((at, at, None, None));
            entry.0 = entry.0.min(at);
            entry.1 = entry.1.max(at);
            if before {
                entry.2 = Some(length);
            } else {
                entry.3 = Some(length);
            }
        }
    }
    touched
        .into_iter()
        .map(|(list, (first, last, old, new))| {
            let kept = old.is_some() && old == new;
            (list, kept.then_some(first..=last))
        })
        .collect()
}

/// Slugs of the entities of `section` article `i` is listed under.
fn entities_of(library: &Library, section: Section, i: usize) -> Vec<&str> {
    let front = &library.articles[i].front;
    match section {
        Section::Topics => front.topics.iter().map(String::as_str).collect(),
        Section::Organizations => front.organizations.iter().map(String::as_str).collect(),
        Section::Places => front
            .places
            .iter()
            .filter_map(|p| library.place_slug(p))
            .collect(),
    }
}

/// Index of an entity in its (slug-sorted) registry.
fn entity_index(library: &Library, section: Section, slug: &str) -> Option<usize> {
    match section {
        Section::Topics => library
            .topics
            .binary_search_by(|e| e.slug.as_str().cmp(slug)),
        Section::Organizations => library
            .organizations
            .binary_search_by(|e| e.slug.as_str().cmp(slug)),
        Section::Places => library
            .places
            .binary_search_by(|e| e.slug.as_str().cmp(slug)),
    }
    .ok()
}

/// The pages that show `parts` of article `i`: its own page, the list
/// pages and feeds carrying its card, the first page of each of its
/// entities (timeline, figures, charts), home and the timeline where they
/// show it, the sitemap for its date, and the articles whose related list
/// shows it.
pub(crate) fn readers(library: &Library, shared: &Shared, i: usize, parts: Parts) -> Vec<PageJob> {
    let mut jobs = Vec::new();
    if parts.body || parts.front {
        jobs.push(PageJob::Article(i));
        if i < FEED_LENGTH {
            jobs.push(PageJob::SiteFeed);
        }
    }
    if parts.modified {
        jobs.push(PageJob::Sitemap);
    }
    if !parts.front {
        return jobs;
    }
    let per_page = library.config.items_per_page.max(1);
    for &(list, at, _) in &Placement::of(library, i).0 {
        match list {
            List::All => jobs.push(PageJob::ArticleList(at / per_page + 1)),
            List::Entity(section, e) => {
                jobs.push(PageJob::Entity(section, e, at / per_page + 1));
                jobs.push(PageJob::Entity(section, e, 1));
                if at < FEED_LENGTH && section != Section::Places {
                    jobs.push(PageJob::EntityFeed(section, e));
                }
            }
        }
    }
    let article = &library.articles[i];
    let on_home = home_articles(library).contains(&i)
        || (!article.front.figures.is_empty() && home_figures(library).any(|j| j == i))
        || home_events(shared).iter().any(|e| e.article == i);
    if on_home {
        jobs.push(PageJob::Home);
    }
    if article.front.date.is_some() {
        let present = present_year(library, shared);
        for event in &article.front.events {
            jobs.push(PageJob::TimelineYear(event.date.year));
            if Some(event.date.year) == present {
                jobs.push(PageJob::Timeline);
            }
        }
    }
    jobs.extend(
        related_candidates(library, i, None)
            .into_iter()
            .filter(|&j| related(library, j).contains(&i))
            .map(PageJob::Article),
    );
    jobs
}

/// The pages article `i`'s Markdown body shows on: its own page, and the
/// site feed while it is among the newest (other feeds carry summaries).
/// A rebuild after body edits renders only these.
pub(crate) fn body_pages(library: &Library, shared: &Shared, i: usize) -> Vec<PageJob> {
    let body = Parts {
        body: true,
        ..Parts::default()
    };
    readers(library, shared, i, body)
}

/// The pages showing positions `range` of `list` (`None`: the whole list,
/// whose length changed).
pub(crate) fn list_readers(
    library: &Library,
    list: List,
    range: Option<RangeInclusive<usize>>,
) -> Vec<PageJob> {
    let per_page = library.config.items_per_page.max(1);
    let length = match list {
        List::All => library.articles.len(),
        List::Entity(section, e) => articles_index(library, section)
            .get(entity_slug(library, section, e))
            .map_or(0, Vec::len),
    };
    let range = range.unwrap_or(0..=length.max(1) - 1);
    let pages = (range.start() / per_page + 1)..=(range.end() / per_page + 1);
    let pages = pages.filter(|&n| n <= page_count(length, per_page));
    let in_feed = *range.start() < FEED_LENGTH;
    match list {
        List::All => {
            let mut jobs: Vec<PageJob> = pages.map(PageJob::ArticleList).collect();
            if in_feed {
                jobs.push(PageJob::SiteFeed);
            }
            jobs
        }
        List::Entity(section, e) => {
            // The first page's timeline, figures and charts follow the
            // list's order.
            let mut jobs = vec![PageJob::Entity(section, e, 1)];
            jobs.extend(pages.map(|n| PageJob::Entity(section, e, n)));
            if in_feed && section != Section::Places {
                jobs.push(PageJob::EntityFeed(section, e));
            }
            jobs
        }
    }
}

/// The articles whose related list an edit of article `i` into `next`
/// may change (`i` too): slug → its related slugs. Captured before an
/// edit of `i`'s lists; serve compares each with its list after.
pub(crate) fn related_around(
    library: &Library,
    i: usize,
    next: &Article,
) -> HashMap<String, Vec<String>> {
    related_candidates(library, i, Some(next))
        .into_iter()
        .chain([i])
        .map(|j| (library.articles[j].slug.clone(), related_slugs(library, j)))
        .collect()
}

/// The related list of article `j`, as slugs.
pub(crate) fn related_slugs(library: &Library, j: usize) -> Vec<String> {
    related(library, j)
        .into_iter()
        .map(|k| library.articles[k].slug.clone())
        .collect()
}

/// What pages read of the whole site that one article edit can change:
/// how many articles each entity lists (index pages, home's topics, whether
/// an entity has a page at all), the timeline's years and the year it
/// opens on, and what home shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Overview {
    /// How many articles the site has: home and the archive say (and
    /// every page, in a theme whose footer does).
    articles: usize,
    counts: Vec<(Section, Vec<usize>)>,
    years: Vec<(i32, usize)>,
    present: Option<i32>,
    home: Vec<String>,
}

impl Overview {
    /// Capture from a library.
    pub(crate) fn of(library: &Library, shared: &Shared) -> Overview {
        let counts = Section::ALL
            .iter()
            .map(|&section| {
                let index = articles_index(library, section);
                let counts = (0..entity_count(library, section))
                    .map(|e| {
                        index
                            .get(entity_slug(library, section, e))
                            .map_or(0, Vec::len)
                    })
                    .collect();
                (section, counts)
            })
            .collect();
        let slug = |i: usize| library.articles[i].slug.clone();
        let home = home_articles(library)
            .chain(home_figures(library))
            .map(slug)
            .chain(
                home_events(shared)
                    .iter()
                    .map(|e| format!("{} {}", slug(e.article), e.event)),
            )
            .collect();
        Overview {
            articles: library.articles.len(),
            counts,
            years: shared.years.clone(),
            present: present_year(library, shared),
            home,
        }
    }

    /// The pages to re-render going from `self` to `after` (of `library`,
    /// the library after the edit; `count_everywhere`: the templates show
    /// the article count on every page, `Templates::count_on_every_page`).
    pub(crate) fn readers(
        &self,
        after: &Overview,
        library: &Library,
        count_everywhere: bool,
    ) -> Vec<PageJob> {
        let mut jobs = Vec::new();
        if self.articles != after.articles {
            let per_page = library.config.items_per_page;
            let pages = page_count(library.articles.len(), per_page);
            jobs.push(PageJob::Home);
            jobs.extend((1..=pages).map(PageJob::ArticleList));
        }
        if self.articles != after.articles && count_everywhere {
            let years: Vec<i32> = after.years.iter().map(|&(y, _)| y).collect();
            jobs.extend(
                plan::jobs(library, &years)
                    .into_iter()
                    .filter(|j| j.template().is_some()),
            );
        }
        if self.home != after.home {
            jobs.push(PageJob::Home);
        }
        if self.years != after.years || self.present != after.present {
            jobs.push(PageJob::Timeline);
            jobs.extend(after.years.iter().map(|&(y, _)| PageJob::TimelineYear(y)));
        }
        for ((section, old), (_, new)) in self.counts.iter().zip(&after.counts) {
            if old == new {
                continue;
            }
            jobs.push(PageJob::SectionIndex(*section));
            if *section == Section::Topics {
                jobs.push(PageJob::Home);
            }
            // An entity that gained or lost its page: every page linking
            // it changes (articles naming it, even in a person's line).
            for e in (0..old.len()).filter(|&e| (old[e] == 0) != (new[e] == 0)) {
                let slug = entity_slug(library, *section, e);
                jobs.extend(
                    (0..library.articles.len())
                        .filter(|&i| names(library, &library.articles[i], *section, slug))
                        .map(PageJob::Article),
                );
            }
        }
        jobs
    }
}

/// Whether an article names an entity anywhere a page links it.
fn names(library: &Library, article: &Article, section: Section, slug: &str) -> bool {
    let front = &article.front;
    match section {
        Section::Topics => front.topics.iter().any(|t| t == slug),
        Section::Organizations => {
            front.organizations.iter().any(|o| o == slug)
                || front
                    .people
                    .iter()
                    .any(|p| p.organization.as_deref() == Some(slug))
        }
        Section::Places => front
            .places
            .iter()
            .any(|p| library.place_slug(p) == Some(slug)),
    }
}

/// Pages reading the plan (the set of every page): the sitemap.
pub(crate) fn plan_readers() -> Vec<PageJob> {
    vec![PageJob::Sitemap]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_move_changes_the_positions_between_and_a_join_the_whole_list() {
        let topic = List::Entity(Section::Topics, 0);
        let before = Placement(vec![(List::All, 7, 10), (topic, 2, 5)]);
        let after = Placement(vec![(List::All, 3, 10), (topic, 2, 5)]);
        let changed = before.changed_lists(&after);
        assert_eq!(changed.len(), 1);
        assert_eq!(changed[&List::All], Some(3..=7));
        let joined = Placement(vec![(List::All, 7, 10), (topic, 2, 6)]);
        assert_eq!(before.changed_lists(&joined)[&topic], None);
        let left = Placement(vec![(List::All, 7, 10)]);
        assert_eq!(before.changed_lists(&left)[&topic], None);
        assert!(before.changed_lists(&before).is_empty());
    }

    #[test]
    fn a_renamed_file_changes_the_positions_between_and_an_added_one_whole_lists() {
        let topic = List::Entity(Section::Topics, 0);
        let gone = Placement(vec![(List::All, 7, 10), (topic, 2, 5)]);
        let come = Placement(vec![(List::All, 4, 10), (topic, 2, 5)]);
        let renamed = moved_lists(std::slice::from_ref(&gone), std::slice::from_ref(&come));
        assert_eq!(renamed[&List::All], Some(4..=7));
        assert_eq!(renamed[&topic], Some(2..=2));
        let added = Placement(vec![(List::All, 4, 11)]);
        let both = moved_lists(&[gone], &[added]);
        assert_eq!(both[&List::All], None, "the list grew");
        assert_eq!(both[&topic], None, "the list shrank");
        assert_eq!(moved_lists(&[], &[come])[&topic], None);
        assert!(moved_lists(&[], &[]).is_empty());
    }
}
