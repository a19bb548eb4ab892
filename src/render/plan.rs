//! The render plan: one job per output file, derived from the library.
//!
//! Jobs are plain values, so a full build renders all of them and `serve`
//! can render only those a change touches.

use std::collections::HashMap;

use crate::content::library::Library;

/// The search page's folder; the search index (`crate::search`) is
/// written inside it.
pub(crate) const SEARCH: &str = "search/";

/// A registry section with pages of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Section {
    /// `/topics/`.
    Topics,
    /// `/organizations/`.
    Organizations,
    /// `/places/`.
    Places,
}

impl Section {
    /// URL segment.
    pub(crate) fn segment(self) -> &'static str {
        match self {
            Section::Topics => "topics",
            Section::Organizations => "organizations",
            Section::Places => "places",
        }
    }

    /// All sections.
    pub(crate) const ALL: [Section; 3] = [Section::Topics, Section::Organizations, Section::Places];
}

/// One output file to produce.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum PageJob {
    /// `/`.
    Home,
    /// `/articles/` and `/articles/page/N/` (1-based).
    ArticleList(usize),
    /// `/articles/<slug>/`, by index into `library.articles`.
    Article(usize),
    /// `/topics/`, `/organizations/`, `/places/`.
    SectionIndex(Section),
    /// An entity page (by index into its registry), page N of its articles.
    Entity(Section, usize, usize),
    /// Atom feed of an entity.
    EntityFeed(Section, usize),
    /// `/timeline/` overview.
    Timeline,
    /// `/timeline/<year>/`.
    TimelineYear(i32),
    /// `/<slug>/` plain page, by index into `library.pages`.
    Page(usize),
    /// `/search/`: the search page over the index `crate::search` writes.
    Search,
    /// `/404.html`.
    NotFound,
    /// `/atom.xml`.
    SiteFeed,
    /// `/sitemap.xml`.
    Sitemap,
    /// `/robots.txt`.
    Robots,
    /// `/css/syntax.css`.
    SyntaxCss,
}

impl PageJob {
    /// The template this job renders through, if any.
    pub(crate) fn template(&self) -> Option<&'static str> {
        Some(match self {
            PageJob::Home => "index.html",
            PageJob::ArticleList(_) => "articles.html",
            PageJob::Article(_) => "article.html",
            PageJob::SectionIndex(_) => "entities.html",
            PageJob::Entity(..) => "entity.html",
            PageJob::Timeline | PageJob::TimelineYear(_) => "timeline.html",
            PageJob::Page(_) => "page.html",
            PageJob::Search => "search.html",
            PageJob::NotFound => "404.html",
            _ => return None,
        })
    }
}

/// `name` as a template some page job renders through directly, if it is
/// one: asked of the jobs themselves, so there is no second list to keep.
pub(crate) fn page_template(name: &str) -> Option<&'static str> {
    let one_of_each = [
        PageJob::Home,
        PageJob::ArticleList(1),
        PageJob::Article(0),
        PageJob::SectionIndex(Section::Topics),
        PageJob::Entity(Section::Topics, 0, 1),
        PageJob::EntityFeed(Section::Topics, 0),
        PageJob::Timeline,
        PageJob::TimelineYear(0),
        PageJob::Page(0),
        PageJob::Search,
        PageJob::NotFound,
        PageJob::SiteFeed,
        PageJob::Sitemap,
        PageJob::Robots,
        PageJob::SyntaxCss,
    ];
    one_of_each
        .iter()
        .filter_map(PageJob::template)
        .find(|t| *t == name)
}

/// Number of pages needed for `items` at `per_page`, at least 1.
pub(crate) fn page_count(items: usize, per_page: usize) -> usize {
    items.div_ceil(per_page.max(1)).max(1)
}

/// Every job of a full build, in a stable order.
pub(crate) fn jobs(library: &Library, timeline_years: &[i32]) -> Vec<PageJob> {
    let per_page = library.config.items_per_page;
    let mut jobs = vec![
        PageJob::Home,
        PageJob::Timeline,
        PageJob::NotFound,
        PageJob::SiteFeed,
    ];
    if library.config.search {
        jobs.push(PageJob::Search);
    }
    jobs.extend([PageJob::Sitemap, PageJob::Robots, PageJob::SyntaxCss]);
    jobs.extend((1..=page_count(library.articles.len(), per_page)).map(PageJob::ArticleList));
    jobs.extend((0..library.articles.len()).map(PageJob::Article));
    jobs.extend((0..library.pages.len()).map(PageJob::Page));
    jobs.extend(timeline_years.iter().map(|&y| PageJob::TimelineYear(y)));
    for section in Section::ALL {
        jobs.push(PageJob::SectionIndex(section));
        let (count, index) = (
            entity_count(library, section),
            articles_index(library, section),
        );
        for i in 0..count {
            let slug = entity_slug(library, section, i);
            if !has_page(library, section, slug) {
                continue;
            }
            let articles = index.get(slug).map_or(0, Vec::len);
            jobs.extend(
                (1..=page_count(articles, per_page)).map(|p| PageJob::Entity(section, i, p)),
            );
            if section != Section::Places {
                jobs.push(PageJob::EntityFeed(section, i));
            }
        }
    }
    jobs
}

/// Entity slug → its articles (indexes into `library.articles`, newest
/// first) for a section.
pub(crate) fn articles_index(library: &Library, section: Section) -> &HashMap<String, Vec<usize>> {
    match section {
        Section::Topics => &library.articles_by_topic,
        Section::Organizations => &library.articles_by_organization,
        Section::Places => &library.articles_by_place,
    }
}

/// Whether an entity gets a page, an index entry, a sitemap URL and a
/// feed: only when an article of the library names it (a published one in
/// `build`; drafts count in `serve`, whose library holds them). The rest of
/// the registry is ingest's gazetteer.
pub(crate) fn has_page(library: &Library, section: Section, slug: &str) -> bool {
    articles_index(library, section)
        .get(slug)
        .is_some_and(|list| !list.is_empty())
}

/// Number of entities in a section's registry.
pub(crate) fn entity_count(library: &Library, section: Section) -> usize {
    match section {
        Section::Topics => library.topics.len(),
        Section::Organizations => library.organizations.len(),
        Section::Places => library.places.len(),
    }
}

/// Slug of entity `i` of a section.
pub(crate) fn entity_slug(library: &Library, section: Section, i: usize) -> &str {
    match section {
        Section::Topics => &library.topics[i].slug,
        Section::Organizations => &library.organizations[i].slug,
        Section::Places => &library.places[i].slug,
    }
}

/// Output path of a job inside the output folder.
pub(crate) fn output_path(library: &Library, job: &PageJob) -> String {
    match job {
        PageJob::Home => "index.html".into(),
        PageJob::ArticleList(1) => "articles/index.html".into(),
        PageJob::ArticleList(n) => format!("articles/page/{n}/index.html"),
        PageJob::Article(i) => ["articles/", &library.articles[*i].slug, "/index.html"].concat(),
        PageJob::SectionIndex(s) => [s.segment(), "/index.html"].concat(),
        PageJob::Entity(s, i, 1) => [
            s.segment(),
            "/",
            entity_slug(library, *s, *i),
            "/index.html",
        ]
        .concat(),
        PageJob::Entity(s, i, n) => format!(
            "{}/{}/page/{n}/index.html",
            s.segment(),
            entity_slug(library, *s, *i)
        ),
        PageJob::EntityFeed(s, i) => {
            [s.segment(), "/", entity_slug(library, *s, *i), "/atom.xml"].concat()
        }
        PageJob::Timeline => "timeline/index.html".into(),
        PageJob::TimelineYear(y) => format!("timeline/{y}/index.html"),
        PageJob::Page(i) => format!("{}/index.html", library.pages[*i].slug),
        PageJob::Search => format!("{SEARCH}index.html"),
        PageJob::NotFound => "404.html".into(),
        PageJob::SiteFeed => "atom.xml".into(),
        PageJob::Sitemap => "sitemap.xml".into(),
        PageJob::Robots => "robots.txt".into(),
        PageJob::SyntaxCss => "css/syntax.css".into(),
    }
}

/// URL path (with base) of a listing page: page 1 is the bare folder.
pub(crate) fn paged_url(base_folder: &str, page: usize) -> String {
    if page <= 1 {
        base_folder.to_string()
    } else {
        format!("{base_folder}page/{page}/")
    }
}
