//! Serve stage, which pages of an entity an article edit touches.
//!
//! Takes an entity's article list before and after an edit; gives back the
//! page numbers to re-render. Every page of an entity repeats the same
//! header (article count, newest 30 events, first 12 figures, co-mentioned
//! entities; see `Renderer::entity` in `render/pages.rs`): when that part
//! differs, every page is re-rendered, otherwise only the pages whose slice
//! of cards changed. A place such as Korea may list every article, so
//! re-rendering all its pages on each title edit would cost seconds.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::content::library::Library;
use crate::render::context::Views;
use crate::render::pages::entity_charts;
use crate::render::plan::{articles_index, page_count, Section};
use crate::render::shared::{co_mentions, entity_events, entity_figures};

/// Events and figures shown on every page of an entity.
const EVENTS_SHOWN: usize = 30;
const FIGURES_SHOWN: usize = 12;
const CO_MENTIONS_SHOWN: usize = 10;

/// An entity's article list as slugs, and its shared header's inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityState {
    /// Article slugs, newest first.
    pub slugs: Vec<String>,
    /// Everything the shared header shows, written out.
    pub header: String,
}

impl EntityState {
    /// Capture the entity `slug` of `section` in `library`.
    pub fn capture(library: &Library, section: Section, slug: &str) -> EntityState {
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
    pub fn pages_to_render(
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

/// The header's inputs as text: equal text, equal header.
fn header(library: &Library, section: Section, list: &[usize], slug: &str) -> String {
    let mut text = format!("{}\n", list.len());
    for event in entity_events(library, list, section, slug)
        .iter()
        .take(EVENTS_SHOWN)
    {
        let article = &library.articles[event.article];
        let _ = writeln!(
            text,
            "e {} {:?} {:?}",
            article.slug, article.front.title, article.front.events[event.event]
        );
    }
    for (a, f) in entity_figures(library, list, section, slug).take(FIGURES_SHOWN) {
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
    let orgs = |a: usize| library.articles[a].front.organizations.as_slice();
    let topics = |a: usize| library.articles[a].front.topics.as_slice();
    let _ = writeln!(
        text,
        "o {:?}",
        co_mentions(list, orgs, slug, CO_MENTIONS_SHOWN)
    );
    let _ = writeln!(
        text,
        "t {:?}",
        co_mentions(list, topics, slug, CO_MENTIONS_SHOWN)
    );
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
