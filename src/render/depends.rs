//! Render stage, what an entity's pages depend on, for serve to compare.
//!
//! Takes the library; gives back an entity's article list and what its
//! pages show beside their cards (the article count, and the [`Sidebar`]
//! the page itself is rendered from), written out so two states compare
//! with `==`. From two states and the articles whose cards changed it says
//! which pages differ: every page when the shared part does, otherwise only
//! the pages whose slice of cards changed. A place such as Korea may list
//! every article, so re-rendering all its pages on each title edit would
//! cost seconds.
//!
//! It also says which pages an article's Markdown body shows on, for serve
//! and for a rebuild after body edits.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::content::library::Library;
use crate::render::context::Views;
use crate::render::pages::entity_charts;
use crate::render::plan::{articles_index, page_count, PageJob, Section};
use crate::render::shared::Sidebar;

/// An entity's article list as slugs, and its shared header's inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct EntityState {
    /// Article slugs, newest first.
    pub(crate) slugs: Vec<String>,
    /// Everything the shared header shows, written out.
    pub(crate) header: String,
}

impl EntityState {
    /// Capture the entity `slug` of `section` in `library`.
    pub(crate) fn capture(library: &Library, section: Section, slug: &str) -> EntityState {
        let list: &[usize] = articles_index(library, section)
            .get(slug)
            .map_or(&[], Vec::as_slice);
        EntityState {
            slugs: list
                .iter()
                .map(|&i| library.articles[i].slug.clone())
                .collect(),
            header: header(library, section, list, slug),
        }
    }

    /// Pages (1-based) to re-render going from `self` to `after`, given
    /// the articles whose card changed.
    pub(crate) fn pages_to_render(
        &self,
        after: &EntityState,
        per_page: usize,
        changed: &HashSet<String>,
    ) -> Vec<usize> {
        let total = page_count(after.slugs.len(), per_page);
        if self.header != after.header || self.slugs.len() != after.slugs.len() {
            return (1..=total).collect();
        }
        let per_page = per_page.max(1);
        (1..=total)
            .filter(|page| {
                let range = (page - 1) * per_page..(page * per_page).min(after.slugs.len());
                let (old, new) = (&self.slugs[range.clone()], &after.slugs[range]);
                old != new || new.iter().any(|s| changed.contains(s))
            })
            .collect()
    }
}

/// The pages article `i`'s Markdown body shows on: its own page and the
/// feeds that carry bodies (the site's, its topics' and organizations';
/// places have no feed). Every other page shows only front matter, so a
/// body edit leaves them as they are.
pub(crate) fn body_pages(library: &Library, i: usize) -> Vec<PageJob> {
    let front = &library.articles[i].front;
    let topics = front.topics.iter().filter_map(|slug| {
        let e = library.topics.binary_search_by(|t| t.slug.cmp(slug)).ok()?;
        Some(PageJob::EntityFeed(Section::Topics, e))
    });
    let organizations = front.organizations.iter().filter_map(|slug| {
        let e = library
            .organizations
            .binary_search_by(|o| o.slug.cmp(slug))
            .ok()?;
        Some(PageJob::EntityFeed(Section::Organizations, e))
    });
    [PageJob::Article(i), PageJob::SiteFeed]
        .into_iter()
        .chain(topics)
        .chain(organizations)
        .collect()
}

/// The shared part's inputs as text: equal text, equal pages.
fn header(library: &Library, section: Section, list: &[usize], slug: &str) -> String {
    let mut text = format!("{}\n", list.len());
    let sidebar = Sidebar::of(library, list, section, slug);
    for event in &sidebar.events {
        let article = &library.articles[event.article];
        let _ = writeln!(
            text,
            "e {} {:?} {:?}",
            article.slug, article.front.title, article.front.events[event.event]
        );
    }
    for &(a, f) in &sidebar.figures {
        let article = &library.articles[a];
        let _ = writeln!(
            text,
            "f {} {:?} {:?}",
            article.slug, article.front.title, article.front.figures[f]
        );
    }
    // The charts, as render draws them (its rule, not restated here).
    let views = Views {
        library,
        base: String::new(),
    };
    let _ = writeln!(
        text,
        "c {:?}",
        entity_charts(&views, section, (slug, ""), list)
    );
    let _ = writeln!(text, "o {:?}", sidebar.organizations);
    let _ = writeln!(text, "t {:?}", sidebar.topics);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(slugs: &[&str], header: &str) -> EntityState {
        EntityState {
            slugs: slugs.iter().map(|s| s.to_string()).collect(),
            header: header.into(),
        }
    }

    #[test]
    fn only_pages_whose_cards_changed() {
        let before = state(&["a", "b", "c", "d", "e"], "h");
        let changed: HashSet<String> = ["d".to_string()].into();
        assert_eq!(before.pages_to_render(&before, 2, &changed), vec![2]);
        let swapped = state(&["a", "c", "b", "d", "e"], "h");
        assert_eq!(before.pages_to_render(&swapped, 2, &changed), vec![1, 2]);
        let new_header = state(&["a", "b", "c", "d", "e"], "h2");
        assert_eq!(
            before.pages_to_render(&new_header, 2, &HashSet::new()),
            vec![1, 2, 3]
        );
    }
}
