//! The library: every piece of content, validated, sorted and indexed.
//!
//! Built once per build from the site root (walk, sort, parse in parallel);
//! never mutated afterwards, so render shares it by plain reference.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::article::{parse_article, Article, Body, HeldText, KnownSlugs};
use super::contents::Contents;
use super::entity::{
    organization_links, registry_names, Entity, Organization, Place, Registries, Topic,
};
use super::front_matter::PageFrontMatter;
use super::source::{read_source_in, Parsed};
use crate::config::SiteConfig;
use crate::diag::Diagnostic;
use crate::markdown::{MarkdownRenderer, RenderedMarkdown};

/// A plain page such as About, `content/pages/<slug>.md`.
#[derive(Debug, Clone)]
pub(crate) struct PlainPage {
    /// File stem; the page is served at `/<slug>/`.
    pub slug: String,
    /// Front matter.
    pub front: PageFrontMatter,
    /// Rendered body.
    pub body: RenderedMarkdown,
}

/// Everything a build renders.
#[derive(Debug)]
pub(crate) struct Library {
    /// Site config.
    pub config: SiteConfig,
    /// Articles, newest first (ties by slug).
    pub articles: Vec<Article>,
    /// Organization registry, by slug.
    pub organizations: Vec<Organization>,
    /// Topic registry, by slug.
    pub topics: Vec<Topic>,
    /// Place registry, by slug.
    pub places: Vec<Place>,
    /// Plain pages, by slug.
    pub pages: Vec<PlainPage>,
    /// Organization slug → indexes into `articles`, newest first.
    pub articles_by_organization: HashMap<String, Vec<usize>>,
    /// Topic slug → indexes into `articles`, newest first.
    pub articles_by_topic: HashMap<String, Vec<usize>>,
    /// Place slug → indexes into `articles`, newest first.
    pub articles_by_place: HashMap<String, Vec<usize>>,
    /// Lowercased place slug, name or alias → place slug.
    pub place_names: HashMap<String, String>,
    /// Article slug → index into `articles` (serve's edits look articles
    /// up one by one; a scan of 100,000 costs more than the edit).
    by_slug: HashMap<String, usize>,
    /// The site root, where article bodies are read again
    /// ([`Library::with_markdown_of`]).
    root: PathBuf,
}

/// What to load.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct LoadOptions {
    /// Include articles and pages marked `draft: true`.
    pub drafts: bool,
}

impl Library {
    /// Read, validate and build the library of the site at `root`, every
    /// problem in one list. Each article is read, validated and its text
    /// freed in one step: no body is held (each is read again where it is
    /// used, [`Library::with_markdown_of`]).
    pub(crate) fn read(
        root: &Path,
        config: SiteConfig,
        options: LoadOptions,
    ) -> Result<Library, Vec<Diagnostic>> {
        Library::read_known(root, config, options, None, ReadArticles::new())
    }

    /// [`Library::read`] that asks `known` for each article before
    /// reading its file, and tells it of each article built from one; an
    /// article file `read` has is not read again, and its article keeps
    /// the text ([`Article::text`]).
    pub(crate) fn read_known(
        root: &Path,
        config: SiteConfig,
        options: LoadOptions,
        known: Option<&dyn KnownArticles>,
        mut read: ReadArticles,
    ) -> Result<Library, Vec<Diagnostic>> {
        let (contents, paths, diagnostics) = Contents::read_but_articles(root);
        let files = (paths.into_iter())
            .map(|path| {
                let text = read.remove(&path);
                (path, text)
            })
            .collect();
        drop(read);
        let articles = ArticleFiles {
            root,
            files,
            known,
            hold: true,
        };
        Library::assemble(&contents, articles, diagnostics, config, options)
    }

    /// [`Library::read`] over registries and pages already read, and the
    /// article files already read (`articles`: path and text, each text
    /// freed as its article is built), that keeps going: the library of
    /// every file that is valid, with the problems of the others, so
    /// `check` can render and link-check all that can be rendered in one
    /// run.
    pub(crate) fn from_contents_partial(
        root: &Path,
        contents: &Contents,
        articles: Vec<(PathBuf, Arc<str>)>,
        diagnostics: Vec<Diagnostic>,
        config: SiteConfig,
        options: LoadOptions,
    ) -> (Library, Vec<Diagnostic>) {
        let files = articles
            .into_iter()
            .map(|(path, text)| (path, Some(text)))
            .collect();
        let articles = ArticleFiles {
            root,
            files,
            known: None,
            hold: false,
        };
        Library::assemble_partial(contents, articles, diagnostics, config, options)
    }

    fn assemble(
        contents: &Contents,
        articles: ArticleFiles<'_>,
        diagnostics: Vec<Diagnostic>,
        config: SiteConfig,
        options: LoadOptions,
    ) -> Result<Library, Vec<Diagnostic>> {
        let (library, diagnostics) =
            Library::assemble_partial(contents, articles, diagnostics, config, options);
        if diagnostics
            .iter()
            .any(|d| d.severity == crate::diag::Severity::Error)
        {
            return Err(diagnostics);
        }
        Ok(library)
    }

    fn assemble_partial(
        contents: &Contents,
        articles: ArticleFiles<'_>,
        mut diagnostics: Vec<Diagnostic>,
        config: SiteConfig,
        options: LoadOptions,
    ) -> (Library, Vec<Diagnostic>) {
        let Registries {
            organizations,
            topics,
            places,
        } = Registries::validate(
            &contents.organizations,
            &contents.topics,
            &contents.places,
            &mut diagnostics,
        );
        // A registry file that exists but is broken has its own error; the
        // articles naming it are not blamed for it as well.
        let org_files = contents.stems_in("content/organizations");
        let topic_files = contents.stems_in("content/topics");
        let org_slugs = registry_names(&org_files, entries(&organizations));
        let topic_slugs = registry_names(&topic_files, entries(&topics));
        let known = KnownSlugs {
            organizations: &org_slugs,
            topics: &topic_slugs,
        };
        let root = articles.root.to_path_buf();
        let mut articles = validate_articles(articles, &known, &mut diagnostics);
        let markdown = markdown_renderer(&organizations, &config);
        let pages = validate_pages(&contents.pages, &markdown, &mut diagnostics);
        check_duplicate_slugs(&articles, &mut diagnostics);
        articles.retain(|a| options.drafts || !a.front.draft);
        let pages = pages
            .into_iter()
            .filter(|p| options.drafts || !p.front.draft)
            .collect();
        let place_names = place_lookup(&places);
        drop(org_slugs);
        drop(topic_slugs);
        let mut library = Library {
            config,
            articles,
            organizations,
            topics,
            places,
            pages,
            articles_by_organization: HashMap::new(),
            articles_by_topic: HashMap::new(),
            articles_by_place: HashMap::new(),
            place_names,
            by_slug: HashMap::new(),
            root,
        };
        library.sort_and_index();
        (library, diagnostics)
    }

    /// The same library with the articles at the given paths replaced
    /// (`Some`), removed (`None`) or added (a path no article has yet):
    /// serve's cheap rebuild after an edit, without reading any other file.
    /// The caller has validated the new articles (slugs unique).
    pub(crate) fn with_articles_replaced(
        mut self,
        mut changes: Vec<(PathBuf, Option<Article>)>,
        options: LoadOptions,
    ) -> Library {
        if self.replace_in_place(&mut changes, options) {
            return self;
        }
        let paths: HashSet<&Path> = changes.iter().map(|(p, _)| p.as_path()).collect();
        self.articles.retain(|a| !paths.contains(a.path.as_path()));
        let added = changes.into_iter().filter_map(|(_, a)| a);
        self.articles
            .extend(added.filter(|a| options.drafts || !a.front.draft));
        self.sort_and_index();
        self
    }

    /// The common edits, of the body or of what no order or index reads
    /// (a title, a summary), keep order and indexes: swap the articles in
    /// place instead of sorting and indexing everything again. Returns
    /// false, changing nothing, when any change is not such a swap.
    fn replace_in_place(
        &mut self,
        changes: &mut [(PathBuf, Option<Article>)],
        options: LoadOptions,
    ) -> bool {
        let mut at = Vec::with_capacity(changes.len());
        for (path, new) in changes.iter() {
            match (self.article_at(path), new) {
                (Some(i), Some(new))
                    if listed_alike(&self.articles[i], new)
                        && (options.drafts || !new.front.draft) =>
                {
                    at.push(i);
                }
                _ => return false,
            }
        }
        for (i, (_, new)) in at.into_iter().zip(changes.iter_mut()) {
            if let Some(new) = new.take() {
                self.articles[i] = new;
            }
        }
        true
    }

    /// The year of the newest dated briefing (undated ones sort last): the
    /// corpus's "now", so nothing depends on the build's clock.
    pub(crate) fn newest_year(&self) -> Option<i32> {
        self.articles
            .iter()
            .find_map(|a| a.front.date)
            .map(|d| d.year)
    }

    /// Sort articles newest first, undated ones after every dated one
    /// (latest to come to the site first), ties by slug; rebuild the indexes.
    fn sort_and_index(&mut self) {
        self.articles = sorted(std::mem::take(&mut self.articles));
        let articles = &self.articles;
        let places = &self.place_names;
        // Four independent indexes, built two by two.
        let ((organizations, topics), (by_place, by_slug)) = rayon::join(
            || {
                rayon::join(
                    || index(articles, |a| strs(&a.front.organizations)),
                    || index(articles, |a| strs(&a.front.topics)),
                )
            },
            || {
                rayon::join(
                    || {
                        index(articles, |a| {
                            a.front
                                .places
                                .iter()
                                .filter_map(|p| places.get(&p.to_lowercase()))
                                .map(String::as_str)
                                .collect()
                        })
                    },
                    || {
                        articles
                            .iter()
                            .enumerate()
                            .map(|(i, a)| (a.slug.clone(), i))
                            .collect()
                    },
                )
            },
        );
        self.articles_by_organization = organizations;
        self.articles_by_topic = topics;
        self.articles_by_place = by_place;
        self.by_slug = by_slug;
    }

    /// Index of the article with this slug.
    pub(crate) fn article_with_slug(&self, slug: &str) -> Option<usize> {
        self.by_slug
            .get(slug)
            .copied()
            .filter(|&i| self.articles[i].slug == slug)
    }

    /// Index of the article read from this file (relative to the root).
    pub(crate) fn article_at(&self, path: &Path) -> Option<usize> {
        self.article_with_slug(&super::article::slug_from_path(path))
            .filter(|&i| self.articles[i].path == path)
    }

    /// The renderer of this library's Markdown: it links its
    /// organizations (built once per render: it indexes every name).
    pub(crate) fn markdown(&self) -> MarkdownRenderer<'static> {
        markdown_renderer(&self.organizations, &self.config)
    }

    /// The Markdown body of `article`, read again from its file, handed to
    /// `use_body`; an error when the file no longer holds the body it was
    /// loaded with (it changed or went since: the new text beside the old
    /// front matter would mix two versions).
    pub(crate) fn with_markdown_of<T>(
        &self,
        article: &Article,
        use_body: impl FnOnce(&str) -> T,
    ) -> Result<T, Diagnostic> {
        let Body { start, len, hash } = article.body;
        if let Some(text) = article.text.take() {
            // The very bytes the article was parsed from.
            return Ok(use_body(&text[start..start + len]));
        }
        let changed = || {
            Diagnostic::error(
                "content/changed",
                &article.path,
                "the file changed while the site was being built",
            )
            .with_help("build again once the file is saved")
        };
        let limit = crate::limits::CONTENT_FILE_BYTES;
        let bytes = crate::sitefs::read(&self.root, &article.path, limit).map_err(|_| changed())?;
        // The body runs to the end of its file.
        if bytes.len() != start + len {
            return Err(changed());
        }
        // Checked where it lies in the file's buffer, by SIMD: a clean
        // build reads every body again (some 65 MB at 10,000 articles).
        let body = simdutf8::basic::from_utf8(&bytes[start..])
            .ok()
            .filter(|body| Body::hash_of(body) == hash)
            .ok_or_else(changed)?;
        Ok(use_body(body))
    }

    /// [`Library::with_markdown_of`], the body copied out.
    #[cfg(test)]
    pub(crate) fn markdown_of(&self, article: &Article) -> Result<String, Diagnostic> {
        self.with_markdown_of(article, str::to_owned)
    }

    /// The body of `article` rendered by `markdown` (this library's
    /// [`Library::markdown`]).
    pub(crate) fn render_body(
        &self,
        article: &Article,
        markdown: &MarkdownRenderer<'_>,
    ) -> Result<RenderedMarkdown, Diagnostic> {
        let front = &article.front;
        self.with_markdown_of(article, |body| {
            markdown.render_in(body, &front.organizations, front.language.as_deref())
        })
    }

    /// The words of `article`'s body without markup, as
    /// [`Library::render_body`] gives them, without rendering HTML.
    pub(crate) fn text_of(&self, article: &Article) -> Result<String, Diagnostic> {
        self.with_markdown_of(article, |body| {
            crate::markdown::plain_text(body, self.config.unsafe_html)
        })
    }

    /// The place slug for a name, alias or slug as written in an article.
    pub(crate) fn place_slug(&self, written: &str) -> Option<&str> {
        self.place_names
            .get(&written.to_lowercase())
            .map(String::as_str)
    }
}

/// The library's order: newest first, undated ones after every dated one
/// (latest to come to the site first), ties by slug.
pub(crate) fn order(a: &Article, b: &Article) -> std::cmp::Ordering {
    b.front
        .date
        .cmp(&a.front.date)
        .then_with(|| b.front.ingested.cmp(&a.front.ingested))
        .then_with(|| a.slug.cmp(&b.slug))
}

fn strs(strings: &[String]) -> Vec<&str> {
    strings.iter().map(String::as_str).collect()
}

/// `articles` in the library's [`order`], each moved once: the order is
/// found for their indexes, not by moving articles (hundreds of bytes
/// each) about the log n times a merge sort would. Stable, as
/// `sort_by` is.
fn sorted(articles: Vec<Article>) -> Vec<Article> {
    let mut positions: Vec<usize> = (0..articles.len()).collect();
    positions.sort_by(|&a, &b| order(&articles[a], &articles[b]));
    let mut slots: Vec<Option<Article>> = articles.into_iter().map(Some).collect();
    positions
        .into_iter()
        .filter_map(|i| slots[i].take())
        .collect()
}

/// Whether two versions of an article take the same place in the
/// library's order and indexes: same slug, dates the order reads, topics,
/// organizations and places.
pub(crate) fn listed_alike(a: &Article, b: &Article) -> bool {
    let (x, y) = (&a.front, &b.front);
    a.slug == b.slug
        && x.date == y.date
        && x.ingested == y.ingested
        && x.topics == y.topics
        && x.organizations == y.organizations
        && x.places == y.places
}

/// Article files read whole before the library is built, by path
/// relative to the site root.
pub(crate) type ReadArticles = HashMap<PathBuf, Arc<str>>;

/// The article files a library is built from, each with its text when it
/// is already read (else read here, unless `known` has its article): the
/// text is freed as its article is built, unless it came read and `hold`.
struct ArticleFiles<'a> {
    root: &'a Path,
    files: Vec<(PathBuf, Option<Arc<str>>)>,
    known: Option<&'a dyn KnownArticles>,
    hold: bool,
}

/// Articles known without reading their files (the build's cache between
/// runs, `build::cache::articles`, which knows each file's bytes are
/// unchanged and the registries too): asked before an article file is
/// read, and told of each article built from a file. Called from many
/// threads.
pub(crate) trait KnownArticles: Sync {
    /// The article the file at `path` (relative to the root) holds.
    fn get(&self, path: &Path) -> Option<Article>;
    /// `article` was just built from the file at `path`.
    fn built(&self, path: &Path, article: &Article);
}

/// Each entry's slug and front matter, as [`registry_names`] takes them.
fn entries<T>(entries: &[Entity<T>]) -> impl Iterator<Item = (&str, &T)> {
    entries.iter().map(|e| (e.slug.as_str(), &e.front))
}

/// The renderer of a site's Markdown, linking `organizations`.
fn markdown_renderer(
    organizations: &[Organization],
    config: &SiteConfig,
) -> MarkdownRenderer<'static> {
    MarkdownRenderer::new(
        crate::markdown::highlight::syntaxes(),
        organization_links(organizations),
        &config.base_path(),
    )
    .with_raw_html(config.unsafe_html)
}

fn validate_articles(
    files: ArticleFiles<'_>,
    known: &KnownSlugs<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Article> {
    let ArticleFiles {
        root,
        files,
        known: cache,
        hold,
    } = files;
    let site = crate::sitefs::Root::open(root);
    let results: Vec<Result<Article, Vec<Diagnostic>>> = files
        .into_par_iter()
        .with_max_len(crate::ITEMS_A_TASK)
        .map(|(relative, text)| {
            if let Some(article) = cache.and_then(|c| c.get(&relative)) {
                return Ok(article);
            }
            let held = hold && text.is_some();
            let source = match text {
                Some(text) => text,
                None => read_source_in(&site, &relative).map_err(|d| vec![d])?,
            };
            let mut article = parse_article(&relative, &source, known)?;
            if let Some(cache) = cache {
                cache.built(&relative, &article);
            }
            if held {
                article.text = HeldText::new(source);
            }
            Ok(article)
        })
        .collect();
    collect(results, diagnostics)
}

fn validate_pages(
    files: &[Parsed<PageFrontMatter>],
    markdown: &MarkdownRenderer<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<PlainPage> {
    let results: Vec<Result<PlainPage, Vec<Diagnostic>>> = files
        .par_iter()
        .map(|file| {
            let slug = file.stem();
            check_page_slug(&file.path, &slug)?;
            Ok(PlainPage {
                slug,
                front: file.front.clone(),
                body: markdown.render(file.body_text(), &[]),
            })
        })
        .collect();
    let mut pages = collect(results, diagnostics);
    pages.sort_by(|a, b| a.slug.cmp(&b.slug));
    for pair in pages.windows(2).filter(|p| p[0].slug == p[1].slug) {
        diagnostics.push(
            Diagnostic::error(
                "page/duplicate-slug",
                Path::new("content/pages"),
                format!(
                    "two pages are named `{}`, so both would be written to /{}/",
                    pair[0].slug, pair[0].slug
                ),
            )
            .with_help("rename one of them: a page's file name is its URL"),
        );
    }
    pages
}

/// Folders the site's own pages live in; a plain page there would replace them.
const RESERVED_PAGE_SLUGS: &[&str] = &[
    "articles",
    "topics",
    "organizations",
    "places",
    "timeline",
    "search",
    "css",
    "404",
    "atom",
    "sitemap",
];

fn check_page_slug(relative: &Path, slug: &str) -> Result<(), Vec<Diagnostic>> {
    let problem = if !crate::url::is_slug(slug) {
        format!("`{slug}` is not a valid page slug")
    } else if RESERVED_PAGE_SLUGS.contains(&slug) {
        format!("a page named `{slug}` would replace the site's own /{slug}/ pages")
    } else {
        return Ok(());
    };
    Err(vec![Diagnostic::error("page/bad-slug", relative, problem)
        .with_help("name pages in lowercase ASCII words joined by hyphens, e.g. `about-us.md`, and avoid the names of the site's sections")])
}

fn collect<T>(
    results: Vec<Result<T, Vec<Diagnostic>>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<T> {
    let mut items = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(item) => items.push(item),
            Err(mut errors) => diagnostics.append(&mut errors),
        }
    }
    items
}

fn check_duplicate_slugs(articles: &[Article], diagnostics: &mut Vec<Diagnostic>) {
    let mut by_slug: BTreeMap<&str, Vec<&Article>> = BTreeMap::new();
    for article in articles {
        by_slug.entry(&article.slug).or_default().push(article);
    }
    for (slug, group) in by_slug.into_iter().filter(|(_, g)| g.len() > 1) {
        let mut paths: Vec<String> = group.iter().map(|a| a.path.display().to_string()).collect();
        paths.sort();
        for article in &group {
            let others: Vec<&String> = paths
                .iter()
                .filter(|p| **p != article.path.display().to_string())
                .collect();
            let others: Vec<&str> = others.iter().map(|p| p.as_str()).collect();
            diagnostics.push(duplicate_slug(&article.path, slug, &others));
        }
    }
}

/// The article at `path` has the slug `slug`, which `others` have too.
pub(crate) fn duplicate_slug(path: &Path, slug: &str, others: &[&str]) -> Diagnostic {
    Diagnostic::error(
        "article/duplicate-slug",
        path,
        format!(
            "two articles have the slug `{slug}` (also {}), so both would be written to /articles/{slug}/",
            others.join(", ")
        ),
    )
    .with_help("rename one of the files: the part after the date is the URL slug")
}

fn place_lookup(places: &[Place]) -> HashMap<String, String> {
    let mut lookup = HashMap::new();
    for place in places {
        for name in std::iter::once(&place.slug)
            .chain(std::iter::once(&place.front.name))
            .chain(&place.front.aliases)
        {
            lookup
                .entry(name.to_lowercase())
                .or_insert_with(|| place.slug.clone());
        }
    }
    lookup
}

/// Each key → the indexes of the articles that have it (once each, in
/// order). Keys are borrowed while the index is built and copied once
/// each at the end: an article names only a few.
fn index<'a>(
    articles: &'a [Article],
    keys: impl Fn(&'a Article) -> Vec<&'a str>,
) -> HashMap<String, Vec<usize>> {
    let mut map: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, article) in articles.iter().enumerate() {
        for key in keys(article) {
            let indexes = map.entry(key).or_default();
            if indexes.last() != Some(&i) {
                indexes.push(i);
            }
        }
    }
    map.into_iter()
        .map(|(key, indexes)| (key.to_string(), indexes))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::records::tests::fixture;

    /// Every article is found by its file and by its slug at its index,
    /// and nothing else is found.
    fn assert_indexed(library: &Library, gone: &[&str]) {
        for (i, article) in library.articles.iter().enumerate() {
            assert_eq!(
                library.article_at(&article.path),
                Some(i),
                "{:?}",
                article.path
            );
            assert_eq!(
                library.article_with_slug(&article.slug),
                Some(i),
                "{}",
                article.slug
            );
        }
        for path in gone {
            let path = Path::new(path);
            assert_eq!(library.article_at(path), None, "{path:?}");
            let slug = super::super::article::slug_from_path(path);
            assert_eq!(library.article_with_slug(&slug), None, "{slug}");
        }
    }

    /// A copy of `article` read from `path`, dated `year` (so it sorts elsewhere).
    fn moved(article: &Article, path: &str, year: i32) -> Article {
        let mut article = article.clone();
        article.path = PathBuf::from(path);
        article.slug = super::super::article::slug_from_path(&article.path);
        if let Some(date) = article.front.date.as_mut() {
            date.year = year;
        }
        article
    }

    #[test]
    fn sorting_moves_articles_into_the_order_sort_by_gives_ties_kept() {
        let library = fixture();
        let first = &library.articles[0];
        let mut articles = vec![
            moved(first, "content/articles/2020-01-01-b.md", 2020),
            moved(first, "content/articles/2024-01-01-a.md", 2024),
            moved(first, "content/articles/2020-01-01-a.md", 2020),
            moved(first, "content/articles/2022-01-01-c.md", 2022),
        ];
        // Two with the same slug and date: a tie, kept in input order.
        articles.push(moved(first, "content/articles/other/2022-01-01-c.md", 2022));
        articles.extend(library.articles.iter().rev().cloned());
        let mut expected = articles.clone();
        expected.sort_by(order);
        let paths = |articles: &[Article]| -> Vec<PathBuf> {
            articles.iter().map(|a| a.path.clone()).collect()
        };
        assert_eq!(paths(&sorted(articles)), paths(&expected));
        assert_eq!(expected[0].slug, "a", "2024 first");
        assert!(sorted(Vec::new()).is_empty());
    }

    #[test]
    fn a_body_is_read_again_only_while_its_file_holds_it() {
        let (dir, library) = crate::search::records::tests::fixture_copy();
        let article = &library.articles[0];
        let markdown = library.markdown_of(article).expect("unchanged");
        assert!(!markdown.is_empty());
        let html = library.render_body(article, &library.markdown()).unwrap();
        assert_eq!(library.text_of(article).unwrap(), html.text);
        // Saved again unchanged: still the body it was loaded with.
        let file = dir.path().join(&article.path);
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, &text).unwrap();
        assert_eq!(library.markdown_of(article).unwrap(), markdown);
        // The body edited after loading: never the new text beside the old front matter.
        std::fs::write(
            &file,
            format!("{}{markdown}More.\n", &text[..article.body.start]),
        )
        .unwrap();
        let changed = library.markdown_of(article).unwrap_err();
        assert_eq!(changed.code, "content/changed");
        // Its last byte no longer UTF-8, the length kept: a change too.
        let mut bytes = text.clone().into_bytes();
        *bytes.last_mut().unwrap() = 0xFF;
        std::fs::write(&file, bytes).unwrap();
        assert_eq!(
            library.markdown_of(article).unwrap_err().code,
            "content/changed"
        );
        std::fs::remove_file(&file).unwrap();
        assert_eq!(
            library.markdown_of(article).unwrap_err().code,
            "content/changed"
        );
    }

    #[test]
    fn an_article_handed_its_text_is_built_and_rendered_from_it_alone() {
        let (dir, read) = crate::search::records::tests::fixture_copy();
        let root = dir.path();
        let path = read.articles[0].path.clone();
        let on_disk = std::fs::read_to_string(root.join(&path)).unwrap();
        let handed = format!("{on_disk}\nA sentence only the handed text has.\n");
        let texts = ReadArticles::from([(path.clone(), Arc::from(handed.as_str()))]);
        let config = SiteConfig::load(root).unwrap();
        let options = LoadOptions::default();
        let library = Library::read_known(root, config, options, None, texts).unwrap();
        // The file goes, and another article's: only the handed one renders.
        let other = (library.articles.iter())
            .find(|a| a.path != path)
            .unwrap()
            .clone();
        std::fs::remove_file(root.join(&path)).unwrap();
        std::fs::remove_file(root.join(&other.path)).unwrap();
        let article = &library.articles[library.article_at(&path).unwrap()];
        assert!(article.text.is_held());
        let html = library.render_body(article, &library.markdown()).unwrap();
        assert!(html.html.contains("A sentence only the handed text has."));
        // Its first use took the text: the next reads the file, gone now.
        assert!(!article.text.is_held());
        let gone = library.markdown_of(article).unwrap_err();
        assert_eq!(gone.code, "content/changed");
        assert!(!other.text.is_held(), "read by the library: not held");
        let gone = library.markdown_of(&other).unwrap_err();
        assert_eq!(gone.code, "content/changed");
        // Check's library holds no text it was given.
        let (library, _) = Library::from_contents_partial(
            root,
            &Contents::default(),
            vec![(path.clone(), Arc::from(handed.as_str()))],
            Vec::new(),
            SiteConfig::load(root).unwrap(),
            options,
        );
        assert!(library.articles.iter().all(|a| !a.text.is_held()));
    }

    #[test]
    fn the_slug_index_follows_adds_deletes_renames_and_edits() {
        let options = LoadOptions::default();
        let library = fixture();
        assert!(library.articles.len() >= 3);
        assert_indexed(&library, &[]);
        let first = library.articles[0].clone();
        let last = library.articles[library.articles.len() - 1].clone();
        let count = library.articles.len();

        // Added, dated oldest: sorts last.
        let added = moved(&first, "content/articles/1999-01-01-added.md", 1999);
        let library = library
            .with_articles_replaced(vec![(added.path.clone(), Some(added.clone()))], options);
        assert_eq!(library.articles.len(), count + 1);
        assert_eq!(library.article_at(&added.path), Some(count));
        assert_indexed(&library, &[]);

        // Renamed: the old file gone, the new one dated newest, sorting first.
        let renamed = moved(&last, "content/articles/2999-01-01-renamed.md", 2999);
        let library = library.with_articles_replaced(
            vec![
                (last.path.clone(), None),
                (renamed.path.clone(), Some(renamed.clone())),
            ],
            options,
        );
        assert_eq!(library.article_at(&renamed.path), Some(0));
        assert_indexed(&library, &[last.path.to_str().expect("utf-8")]);

        // Deleted: every later article moves up one.
        let library = library.with_articles_replaced(vec![(renamed.path.clone(), None)], options);
        assert_eq!(library.articles.len(), count);
        assert_indexed(&library, &[renamed.path.to_str().expect("utf-8")]);

        // A body edit swaps in place and keeps every index.
        let mut edited = library.articles[1].clone();
        edited.word_count += 1;
        let library = library
            .with_articles_replaced(vec![(edited.path.clone(), Some(edited.clone()))], options);
        assert_eq!(library.articles[1].word_count, edited.word_count);
        assert_indexed(&library, &[last.path.to_str().expect("utf-8")]);
    }
}
