//! Render stage, registry lookups: where a slug is in its registry, and
//! which registry place a place name as an article writes it means.
//!
//! Every article page looks up each organization, topic and place its
//! article names, for its links, its tags and its JSON-LD: a binary search
//! of the registry's slugs each, and for a place a lower-cased copy of the
//! name and a hash of it first. Here each registry's slugs, and the place
//! registry's own names as written, are hashed once per build, the first
//! time a page asks; the answers are those of
//! [`position`](super::context::position) and [`Library::place_slug`].

use std::sync::OnceLock;

use ahash::AHashMap;

use super::plan::Section;
use crate::content::entity::Entity;
use crate::content::library::Library;

/// A library's registries, hashed when first asked.
pub(crate) struct Lookup<'a> {
    library: &'a Library,
    /// Each section's slugs to their positions, by `Section as usize`.
    slugs: [OnceLock<AHashMap<&'a str, u32>>; 3],
    /// Every slug, name and alias of the place registry as written, to
    /// the place it means (not always its own: see [`Library::place_slug`]).
    places: OnceLock<AHashMap<&'a str, Option<u32>>>,
}

impl<'a> Lookup<'a> {
    /// Nothing hashed yet.
    pub(crate) fn new(library: &'a Library) -> Lookup<'a> {
        Lookup {
            library,
            slugs: Default::default(),
            places: OnceLock::new(),
        }
    }

    /// The library whose registries these are.
    pub(crate) fn library(&self) -> &'a Library {
        self.library
    }

    /// Where `slug` is in `section`'s registry, as
    /// [`position`](super::context::position) finds it.
    pub(crate) fn position(&self, section: Section, slug: &str) -> Option<usize> {
        let library = self.library;
        let slugs = self.slugs[section as usize].get_or_init(|| match section {
            Section::Topics => hashed(&library.topics),
            Section::Organizations => hashed(&library.organizations),
            Section::Places => hashed(&library.places),
        });
        slugs.get(slug).map(|&at| at as usize)
    }

    /// Where the place an article names as `written` is in the place
    /// registry: [`Library::place_slug`], then its position.
    pub(crate) fn place(&self, written: &str) -> Option<usize> {
        let places = self.places.get_or_init(|| {
            let registry = &self.library.places;
            let names = registry.iter().flat_map(|p| {
                let own = [p.slug.as_str(), p.front.name.as_str()];
                own.into_iter()
                    .chain(p.front.aliases.iter().map(String::as_str))
            });
            names
                .map(|name| (name, self.named(name).map(|at| at as u32)))
                .collect()
        });
        match places.get(written) {
            Some(at) => at.map(|at| at as usize),
            None => self.named(written),
        }
    }

    /// [`Lookup::place`] without the names hashed.
    fn named(&self, written: &str) -> Option<usize> {
        let slug = self.library.place_slug(written)?;
        self.position(Section::Places, slug)
    }
}

/// A registry's slugs to their positions.
fn hashed<T>(registry: &[Entity<T>]) -> AHashMap<&str, u32> {
    (registry.iter().enumerate())
        .map(|(at, entity)| (entity.slug.as_str(), at as u32))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Lookup;
    use crate::render::context::position;
    use crate::render::plan::Section;

    #[test]
    fn slugs_and_written_places_are_found_where_a_search_finds_them() {
        let library = crate::search::records::tests::fixture();
        let lookup = Lookup::new(&library);
        let registries = [
            (
                Section::Topics,
                (library.topics.iter())
                    .map(|e| e.slug.clone())
                    .collect::<Vec<_>>(),
            ),
            (
                Section::Organizations,
                (library.organizations.iter())
                    .map(|e| e.slug.clone())
                    .collect(),
            ),
            (
                Section::Places,
                (library.places.iter()).map(|e| e.slug.clone()).collect(),
            ),
        ];
        for (section, slugs) in &registries {
            assert!(!slugs.is_empty());
            for slug in slugs.iter().map(String::as_str).chain(["", "no-such-slug"]) {
                let searched = match section {
                    Section::Topics => position(&library.topics, slug),
                    Section::Organizations => position(&library.organizations, slug),
                    Section::Places => position(&library.places, slug),
                };
                assert_eq!(lookup.position(*section, slug), searched, "{slug}");
            }
        }
        let mut written: Vec<String> = (library.articles.iter())
            .flat_map(|a| a.front.places.iter().cloned())
            .collect();
        for place in &library.places {
            written.push(place.front.name.to_uppercase());
            written.extend(place.front.aliases.iter().cloned());
        }
        written.extend(["".to_string(), "Nowhere In Particular".to_string()]);
        let mut found = 0;
        for name in &written {
            let plainly = (library.place_slug(name)).and_then(|s| position(&library.places, s));
            assert_eq!(lookup.place(name), plainly, "{name}");
            found += usize::from(plainly.is_some());
        }
        assert!(found > 0, "the fixture's articles name registry places");
    }
}
