//! Markdown, organization links: the first mention of each organization an
//! article is annotated with becomes a link to its page.
//!
//! Takes the site's link table (each organization name or alias with its
//! slug) once, then a body's text events one at a time; gives back each
//! text with its first mentions linked. Names are matched all at once,
//! leftmost-longest, on word boundaries, so a longer name of another
//! organization is never cut into a shorter one.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use memchr::memmem::Finder;
use pulldown_cmark::{CowStr, Event};

use super::highlight::escape;
use super::piece;

/// The link table, read-only, shared by every body.
pub(super) struct Links {
    base_path: String,
    names: AhoCorasick,
    /// Pattern index → organization slug.
    pattern_slugs: Vec<String>,
    /// Slug → a finder for each of its names.
    finders: HashMap<String, Vec<Finder<'static>>>,
}

impl Links {
    /// `links`: each name (or alias) with the slug of the organization
    /// page it links to; `base_path` prefixes every link.
    pub(super) fn new<'n>(
        links: impl IntoIterator<Item = (&'n str, &'n str)>,
        base_path: &str,
    ) -> Self {
        let mut patterns = Vec::new();
        let mut pattern_slugs = Vec::new();
        let mut finders: HashMap<String, Vec<Finder<'static>>> = HashMap::new();
        for (name, slug) in links {
            let name = name.trim();
            if name.chars().count() >= 2 {
                finders
                    .entry(slug.to_string())
                    .or_default()
                    .push(Finder::new(name).into_owned());
                patterns.push(name.to_string());
                pattern_slugs.push(slug.to_string());
            }
        }
        let names = AhoCorasickBuilder::new()
            .ascii_case_insensitive(false)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("plain string patterns always build");
        Links {
            base_path: base_path.to_string(),
            names,
            pattern_slugs,
            finders,
        }
    }

    /// The organizations `slugs` of one body, none linked yet.
    pub(super) fn wanted<'w>(&'w self, slugs: &'w [String]) -> Wanted<'w> {
        let mut open: Vec<(&str, &[Finder<'static>])> = Vec::with_capacity(slugs.len());
        for slug in slugs {
            if !open.iter().any(|(s, _)| s == slug) {
                let names = self.finders.get(slug).map_or(&[][..], Vec::as_slice);
                open.push((slug, names));
            }
        }
        Wanted { links: self, open }
    }
}

/// The organizations of one body not linked yet.
pub(super) struct Wanted<'w> {
    links: &'w Links,
    /// Each with a finder for each of its names.
    open: Vec<(&'w str, &'w [Finder<'static>])>,
}

impl Wanted<'_> {
    /// `text` with its first mentions of wanted organizations linked, to
    /// `out`; false (nothing written) when it mentions none.
    pub(super) fn link<'e>(&mut self, text: &CowStr<'e>, out: &mut Vec<Event<'e>>) -> bool {
        // Most text names no wanted organization: a few SIMD searches for
        // their names tell so faster than the automaton of every name,
        // which can only link a wanted name that is there.
        self.mentioned(text) && self.link_found(text, out)
    }

    /// [`Wanted::link`] by the automaton of every name alone.
    fn link_found<'e>(&mut self, text: &CowStr<'e>, out: &mut Vec<Event<'e>>) -> bool {
        let links = self.links;
        let mut last = 0;
        for found in links.names.find_iter(text.as_ref()) {
            let slug = links.pattern_slugs[found.pattern().as_usize()].as_str();
            let Some(at) = self.open.iter().position(|(s, _)| *s == slug) else {
                continue;
            };
            if !on_word_boundaries(text, found.start(), found.end()) {
                continue;
            }
            self.open.swap_remove(at);
            out.push(Event::Text(piece(text, last..found.start())));
            // Joined, not `format!`ed: a link in nearly every body.
            let name = escape(&text[found.start()..found.end()]);
            out.push(Event::Html(CowStr::from(
                [
                    "<a class=\"org-link\" href=\"",
                    links.base_path.as_ref(),
                    "organizations/",
                    slug,
                    "/\">",
                    name.as_ref(),
                    "</a>",
                ]
                .concat(),
            )));
            last = found.end();
        }
        // A link always ends past the text's start.
        let linked = last > 0;
        if !linked {
            return false;
        }
        out.push(Event::Text(piece(text, last..text.len())));
        true
    }

    /// Whether every wanted organization is linked.
    pub(super) fn is_empty(&self) -> bool {
        self.open.is_empty()
    }

    /// Whether `text` holds a name of a wanted organization.
    fn mentioned(&self, text: &str) -> bool {
        self.open.iter().any(|(_, names)| {
            names
                .iter()
                .any(|name| name.find(text.as_bytes()).is_some())
        })
    }
}

fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Names that overlap: a longer name of another organization holds
    /// the wanted one's, and aliases of both.
    fn links() -> Links {
        Links::new(
            [
                ("Korea Research Institute of Chemical Technology", "krict"),
                ("KRICT", "krict"),
                ("한국화학연구원", "krict"),
                ("Chemical Technology", "chemtech"),
                ("Korea Research", "kr"),
                ("KRICT Holdings", "holdings"),
            ],
            "/",
        )
    }

    fn text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "Korea Research Institute of Chemical Technology",
            "Korea Research Institute",
            "Korea Research",
            "Chemical Technology",
            "KRICT",
            "KRICTX",
            "KRICT Holdings",
            "한국화학연구원",
            "Technology",
            " ",
            "é",
            "a",
            ", ",
        ]);
        prop::collection::vec(pieces, 0..12).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]

        #[test]
        fn searching_for_wanted_names_first_links_as_the_automaton_alone(
            text in text(),
            slugs in prop::sample::subsequence(vec!["krict", "chemtech", "kr", "holdings", "none"], 0..=5),
        ) {
            let links = links();
            let slugs: Vec<String> = slugs.into_iter().map(String::from).collect();
            let text = CowStr::from(text);
            let (mut out, mut expected) = (Vec::new(), Vec::new());
            let linked = links.wanted(&slugs).link(&text, &mut out);
            prop_assert_eq!(linked, links.wanted(&slugs).link_found(&text, &mut expected));
            prop_assert_eq!(out, expected);
        }
    }

    #[test]
    fn each_organization_is_linked_once_and_a_longer_name_wins() {
        let links = links();
        let slugs = ["krict".to_string(), "krict".to_string()];
        let mut wanted = links.wanted(&slugs);
        let mut out = Vec::new();
        let text = CowStr::Borrowed("KRICT Holdings and KRICT and KRICT.");
        assert!(wanted.link(&text, &mut out));
        assert!(wanted.is_empty());
        let html: Vec<String> = out.iter().map(|e| format!("{e:?}")).collect();
        assert_eq!(html.len(), 3, "{html:?}");
        assert!(
            html[1].contains("organizations/krict/\\\">KRICT</a>"),
            "{html:?}"
        );
        assert!(html[0].contains("KRICT Holdings and "), "{html:?}");
    }
}
