//! Render stage, entity sidebars: the organizations and topics named
//! beside an entity, counted by their place in the registry.
//!
//! An entity's first page counts every organization and topic its
//! articles name ([`shared::co_mentions`]): hundreds of thousands of
//! slugs hashed in a build. Here each article's slugs are looked up in
//! their (slug-sorted) registries once per render, the first time a page
//! needs them, and counted in a per-thread tally by position; registry
//! order is slug order, so ties sort as by slug. The same list, in the
//! same order; an article naming a slug no registry has (a build that
//! failed its checks) is counted by [`shared::co_mentions`] as before.

use std::cell::RefCell;
use std::sync::OnceLock;

use crate::content::entity::Entity;
use crate::content::library::Library;

use super::context::position;
use super::lookup::Lookup;
use super::plan::Section;
use super::shared;

/// Each article's organizations and topics as registry positions, made
/// when first asked for.
pub(crate) struct Mentions<'a> {
    library: &'a Library,
    positions: Vec<OnceLock<Option<Positions>>>,
}

/// One article's organizations and topics, as positions.
struct Positions {
    organizations: Box<[u32]>,
    topics: Box<[u32]>,
}

impl<'a> Mentions<'a> {
    /// Nothing looked up yet.
    pub(crate) fn new(library: &'a Library) -> Mentions<'a> {
        Mentions {
            library,
            positions: std::iter::repeat_with(OnceLock::new)
                .take(library.articles.len())
                .collect(),
        }
    }

    /// The `limit` organizations (or topics, by `section`) most often
    /// named by the articles at `indexes`, without `exclude`, most first
    /// and then by slug, with their counts: [`shared::co_mentions`].
    /// `lookup` finds the registry positions (the renderer's own).
    pub(crate) fn co_mentions(
        &self,
        lookup: &Lookup<'a>,
        indexes: &[usize],
        section: Section,
        exclude: &str,
        limit: usize,
    ) -> Vec<(&'a str, usize)> {
        let library = self.library;
        let articles = &library.articles;
        let lists: Option<Vec<&[u32]>> = indexes
            .iter()
            .map(|&a| {
                let positions = self.positions[a].get_or_init(|| self.positions_of(lookup, a));
                let positions = positions.as_ref()?;
                Some(match section {
                    Section::Topics => &*positions.topics,
                    _ => &*positions.organizations,
                })
            })
            .collect();
        let Some(lists) = lists else {
            return match section {
                Section::Topics => {
                    shared::co_mentions(indexes, |a| &articles[a].front.topics, exclude, limit)
                }
                _ => shared::co_mentions(
                    indexes,
                    |a| &articles[a].front.organizations,
                    exclude,
                    limit,
                ),
            };
        };
        match section {
            Section::Topics => named(&library.topics, &lists, exclude, limit),
            _ => named(&library.organizations, &lists, exclude, limit),
        }
    }
}

/// [`ranked`] positions of `registry`, as its slugs.
fn named<'a, T>(
    registry: &'a [Entity<T>],
    lists: &[&[u32]],
    exclude: &str,
    limit: usize,
) -> Vec<(&'a str, usize)> {
    let exclude = position(registry, exclude);
    ranked(lists, registry.len(), exclude, limit)
        .into_iter()
        .map(|(p, count)| (registry[p].slug.as_str(), count))
        .collect()
}

impl Mentions<'_> {
    /// Article `a`'s organizations and topics as positions; `None` when
    /// one is in no registry.
    fn positions_of(&self, lookup: &Lookup<'_>, a: usize) -> Option<Positions> {
        let front = &self.library.articles[a].front;
        let find = |slugs: &[String], section: Section| {
            (slugs.iter())
                .map(|s| lookup.position(section, s).map(|p| p as u32))
                .collect::<Option<Box<[u32]>>>()
        };
        Some(Positions {
            organizations: find(&front.organizations, Section::Organizations)?,
            topics: find(&front.topics, Section::Topics)?,
        })
    }
}

/// The first `limit` positions by count (most first, then by position)
/// of every position in `lists` but `exclude`, among `size`.
fn ranked(
    lists: &[&[u32]],
    size: usize,
    exclude: Option<usize>,
    limit: usize,
) -> Vec<(usize, usize)> {
    thread_local! {
        static TALLY: RefCell<(Vec<u32>, Vec<usize>)> =
            const { RefCell::new((Vec::new(), Vec::new())) };
    }
    TALLY.with_borrow_mut(|(tally, seen)| {
        if tally.len() < size {
            tally.resize(size, 0);
        }
        seen.clear();
        for &p in lists.iter().copied().flatten() {
            let p = p as usize;
            if Some(p) != exclude {
                if tally[p] == 0 {
                    seen.push(p);
                }
                tally[p] += 1;
            }
        }
        let counts = seen
            .iter()
            .map(|&p| (p, std::mem::take(&mut tally[p]) as usize))
            .collect();
        shared::most_named(counts, limit)
    })
}

#[cfg(test)]
mod tests {
    use super::ranked;
    use crate::render::shared::co_mentions;

    proptest::proptest! {
        /// Counted by position, the list is the one counted by slug, for
        /// slugs in registry (sorted) order.
        #[test]
        fn ranked_by_position_is_co_mentions_by_slug(
            articles in proptest::collection::vec(
                proptest::collection::vec(0u32..8, 0..5), 0..40),
            exclude in 0usize..10,
            limit in 0usize..12,
        ) {
            let names: Vec<String> = (0..8).map(|p| format!("s{p}")).collect();
            let slugs: Vec<Vec<String>> = articles
                .iter()
                .map(|a| a.iter().map(|&p| names[p as usize].clone()).collect())
                .collect();
            let indexes: Vec<usize> = (0..articles.len()).collect();
            let exclude_name = format!("s{exclude}");
            let expected = co_mentions(&indexes, |i| &slugs[i], &exclude_name, limit);
            let lists: Vec<&[u32]> = articles.iter().map(Vec::as_slice).collect();
            let exclude = (exclude < 8).then_some(exclude);
            let got: Vec<(&str, usize)> = ranked(&lists, 8, exclude, limit)
                .into_iter()
                .map(|(p, n)| (names[p].as_str(), n))
                .collect();
            proptest::prop_assert_eq!(got, expected);
        }
    }
}
