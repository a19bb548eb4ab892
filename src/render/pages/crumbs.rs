//! Breadcrumbs of a page: Home, its section, the page. The trail above
//! each page is one of a few (Home alone, or Home and one of five
//! sections), so its JSON-LD is written once per build and each page
//! only adds its own item.

use super::super::structured;

/// Sections a page's path may start with, and their names in a trail.
const SECTIONS: [(&str, &str); 5] = [
    ("articles", "Briefings"),
    ("topics", "Topics"),
    ("organizations", "Organizations"),
    ("places", "Places"),
    ("timeline", "Timeline"),
];

/// The opening of every `BreadcrumbList` of a build, by the trail above
/// the page.
pub(super) struct Crumbs {
    /// Above a page outside a section (or a section's own index): Home.
    home: String,
    /// Above a page in the section of the same index in [`SECTIONS`].
    sections: Vec<String>,
}

impl Crumbs {
    /// The openings of a site at the absolute `base_url`.
    pub(super) fn new(base_url: &str) -> Crumbs {
        let home = ("Home", base_url.to_string());
        Crumbs {
            home: structured::breadcrumbs_opening(std::slice::from_ref(&home)),
            sections: SECTIONS
                .iter()
                .map(|(folder, name)| {
                    let section = (*name, format!("{base_url}{folder}/"));
                    structured::breadcrumbs_opening(&[home.clone(), section])
                })
                .collect(),
        }
    }

    /// The `BreadcrumbList` of the page titled `title` at `path` (below
    /// the base) and `permalink`: Home, its section unless it is the
    /// section's index, the page. None for home and `.html` pages.
    pub(super) fn of(&self, title: &str, path: &str, permalink: &str) -> Option<String> {
        if path.is_empty() || path.ends_with(".html") {
            return None;
        }
        let first = path.split('/').next().unwrap_or_default();
        let in_section = SECTIONS
            .iter()
            .position(|(folder, _)| *folder == first)
            .filter(|_| &path[first.len()..] != "/");
        let (opening, position) = match in_section {
            Some(at) => (&self.sections[at], 3),
            None => (&self.home, 2),
        };
        Some(structured::breadcrumbs_closing(
            opening, position, title, permalink,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::Crumbs;
    use crate::render::structured::breadcrumbs;

    const BASE: &str = "https://e.org/sub/";

    /// The trail as first written: `(name, absolute URL)` from Home.
    fn trail<'t>(title: &'t str, path: &str) -> Vec<(&'t str, String)> {
        let mut trail = vec![("Home", BASE.to_string())];
        let first = path.split('/').next().unwrap_or_default();
        let section = super::SECTIONS.iter().find(|(f, _)| *f == first);
        let folder = format!("{first}/");
        if let Some((_, name)) = section.filter(|_| path != folder) {
            trail.push((*name, format!("{BASE}{folder}")));
        }
        trail.push((title, format!("{BASE}{path}")));
        trail
    }

    #[test]
    fn each_page_closes_the_opening_of_its_trail() {
        let crumbs = Crumbs::new(BASE);
        for path in [
            "articles/",
            "articles/2/",
            "articles/lg-to-build/",
            "topics/",
            "topics/recycling/",
            "organizations/kistep/2/",
            "places/korea/",
            "timeline/",
            "timeline/2024/",
            "about/",
            "search/",
            "articlesx/",
        ] {
            let title = "Cells & <packs>";
            let expected = trail(title, path);
            let permalink = format!("{BASE}{path}");
            assert_eq!(
                crumbs.of(title, path, &permalink),
                Some(breadcrumbs(&expected)),
                "{path}"
            );
        }
    }

    #[test]
    fn home_and_html_pages_have_none() {
        let crumbs = Crumbs::new(BASE);
        assert_eq!(crumbs.of("Home", "", BASE), None);
        assert_eq!(crumbs.of("Not found", "404.html", BASE), None);
    }
}
