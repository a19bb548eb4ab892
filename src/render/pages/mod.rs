//! HTML pages: one function per page kind, each filling the template
//! context with borrowed views and rendering through Tera. Articles,
//! entities and the timeline have files of their own.

mod article;
mod crumbs;
mod entity;
mod excerpt;
mod timeline;

pub(crate) use article::{related, related_candidates};
pub(crate) use timeline::present_year;

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use serde::Serialize;
use tera::Context;

use super::context::{EventView, FigureView, LinkView, PageKind, PageMeta, SiteView, Views};
use super::mentions::Mentions;
use super::plan::{entity_count, page_count, paged_url, PageJob, Section, SEARCH};
use super::shared::{EventRef, Shared};
use super::structured;
use super::unescaped::mark_unescaped;
use crate::content::library::Library;
use crate::markdown::RenderedMarkdown;

/// Links for a paginated list: the `pagination` key.
#[derive(Debug, Serialize)]
pub(crate) struct Pagination {
    /// Current page, 1-based.
    pub current: usize,
    /// Number of pages.
    pub total: usize,
    /// Previous page URL.
    pub prev: Option<String>,
    /// Next page URL.
    pub next: Option<String>,
    /// Every page of the list with its URL, `[number, url]`: the value
    /// the list's pages share ([`SharedValues`]).
    pub pages: tera::Value,
}

impl Pagination {
    fn new(folder: &str, current: usize, total: usize, pages: tera::Value) -> Pagination {
        Pagination {
            current,
            total,
            prev: (current > 1).then(|| paged_url(folder, current - 1)),
            next: (current < total).then(|| paged_url(folder, current + 1)),
            pages,
        }
    }
}

/// Bytes reserved for a page before it renders: more than most pages (22
/// KB on average at 10,000 articles), so few grow while Tera writes them.
const PAGE_CAPACITY: usize = 32 * 1024;

/// The card partial: rendered once per article (see [`Renderer::cards`]).
const CARD: &str = "partials/card.html";

/// Values every page of a build shares, made once and handed to each
/// page's context by reference count: `site`, and each list's `pages`
/// (a list of N pages would otherwise build N² links).
pub(crate) struct SharedValues<'a> {
    site: tera::Value,
    page_lists: Mutex<HashMap<(String, usize), tera::Value>>,
    /// The registries' entities as articles' JSON-LD names them.
    things: structured::Things,
    /// The breadcrumbs above each page.
    crumbs: crumbs::Crumbs,
    /// Articles' organizations and topics by registry position, for the
    /// entity sidebars.
    mentions: Mentions<'a>,
    /// Each entity's description as HTML, by `Section as usize` and
    /// registry position, made when its first page is rendered: a popular
    /// entity has dozens of pages.
    descriptions: [Vec<OnceLock<tera::Value>>; 3],
}

impl<'a> SharedValues<'a> {
    /// The `site` value of every page.
    pub(crate) fn site(&self) -> &tera::Value {
        &self.site
    }

    /// The description of entity `i` of `section` as a template value
    /// (a plain string, escaped as before where a template does not mark
    /// it safe), `html` made once per build.
    pub(crate) fn description(
        &self,
        section: Section,
        i: usize,
        html: impl FnOnce() -> String,
    ) -> tera::Value {
        let made = &self.descriptions[section as usize][i];
        made.get_or_init(|| tera::Value::from(html())).clone()
    }

    /// The values made for this build, owned (see [`Renderer::free_on_pool`]).
    fn into_made(self) -> impl Send + 'static {
        let SharedValues {
            site,
            page_lists,
            things,
            crumbs,
            descriptions,
            ..
        } = self;
        (site, page_lists, things, crumbs, descriptions)
    }

    /// The shared values of a build of `library` with these site values.
    pub(crate) fn new(site: &SiteView<'_>, library: &'a Library) -> SharedValues<'a> {
        SharedValues {
            site: mark_unescaped(tera::Value::from_serializable(site)),
            page_lists: Mutex::default(),
            things: structured::Things::new(library, &structured_urls(site)),
            crumbs: crumbs::Crumbs::new(&site.base_url),
            mentions: Mentions::new(library),
            descriptions: Section::ALL.map(|section| {
                let count = entity_count(library, section);
                std::iter::repeat_with(OnceLock::new).take(count).collect()
            }),
        }
    }
}

/// The absolute URLs JSON-LD blocks need, from the site's values.
fn structured_urls<'s>(site: &'s SiteView<'_>) -> structured::Urls<'s> {
    structured::Urls {
        base_url: &site.base_url,
        site_title: site.title,
        image: &site.image,
    }
}

/// Everything one render thread needs, by reference.
pub(crate) struct Renderer<'a> {
    /// The library.
    pub library: &'a Library,
    /// Templates.
    pub tera: &'a tera::Tera,
    /// The same templates with the site's values written in, rendered
    /// instead when there are any ([`super::templates::Templates::folded`]);
    /// a page they fail on is rendered again with `tera`, whose errors
    /// name the theme's own lines.
    pub folded: Option<tera::Tera>,
    /// Precomputed data.
    pub shared: &'a Shared,
    /// Site values.
    pub site: SiteView<'a>,
    /// View builder.
    pub views: Views<'a>,
    /// Template values made once per build.
    pub values: SharedValues<'a>,
    /// The library's Markdown renderer, made once per build.
    pub markdown: crate::markdown::MarkdownRenderer<'static>,
    /// Article bodies known already, and told of each one rendered
    /// ([`super::render_with`]).
    pub bodies: Option<&'a dyn super::Bodies>,
}

impl<'a> Renderer<'a> {
    /// Render an HTML job into bytes (Tera writes UTF-8; checking it again
    /// as a `String` cost a pass over every page); `None` for jobs that are
    /// not HTML pages. An article's page shows `body`, its body rendered.
    pub(crate) fn render_html(
        &self,
        job: &PageJob,
        body: Option<&RenderedMarkdown>,
    ) -> Option<Result<Vec<u8>, tera::Error>> {
        let template = job.template()?;
        let mut context = Context::new();
        context.insert_value("site", self.values.site.clone());
        let page = match job {
            PageJob::Home => self.home(&mut context),
            PageJob::ArticleList(n) => self.article_list(*n, &mut context),
            PageJob::Article(i) => {
                let body = body.expect("an article's page is given its body");
                self.article(*i, body, &mut context)
            }
            PageJob::SectionIndex(section) => Ok(self.section_index(*section, &mut context)),
            PageJob::Entity(section, i, n) => self.entity(*section, *i, *n, &mut context),
            PageJob::Timeline => Ok(self.timeline(None, &mut context)),
            PageJob::TimelineYear(year) => Ok(self.timeline(Some(*year), &mut context)),
            PageJob::Page(i) => Ok(self.plain_page(*i, &mut context)),
            PageJob::Search => Ok(self.search(&mut context)),
            PageJob::NotFound => Ok(self.meta(
                "Page not found",
                "The page you asked for does not exist.",
                "404.html",
                PageKind::NotFound,
                None,
            )),
            _ => return None,
        };
        let page = match page {
            Ok(page) => page,
            Err(err) => return Some(Err(err)),
        };
        context.insert("page", &page);
        let mut html = Vec::with_capacity(PAGE_CAPACITY);
        Some(self.render_to(template, &context, &mut html).map(|()| html))
    }

    /// Let the template values made for this build go on the thread
    /// pool, not on the caller's thread while the other cores wait for
    /// what it does next (a build's search index, then its commit): at
    /// 10,000 articles they are some 24 million instructions to free.
    pub(crate) fn free_on_pool(self) {
        let made = (self.views.into_made(), self.values.into_made(), self.folded);
        rayon::spawn(move || drop(made));
    }

    /// Render `template` into `out`, with the folded templates when there
    /// are any; on their failure, again with the theme's own.
    fn render_to(
        &self,
        template: &str,
        context: &Context,
        out: &mut Vec<u8>,
    ) -> Result<(), tera::Error> {
        if let Some(folded) = &self.folded {
            if folded.render_to(template, context, &mut *out).is_ok() {
                return Ok(());
            }
            out.clear();
        }
        self.tera.render_to(template, context, out)
    }

    /// The `pagination` key of page `current` of `total` of the list at
    /// `folder`.
    fn pagination(&self, folder: &str, current: usize, total: usize) -> tera::Value {
        let pages = self
            .values
            .page_lists
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry((folder.to_string(), total))
            .or_insert_with(|| {
                let pages: Vec<(usize, String)> =
                    (1..=total).map(|n| (n, paged_url(folder, n))).collect();
                tera::Value::from_serializable(&pages)
            })
            .clone();
        // Serialized with the list's shared `pages` in it as it is (a
        // value is not serialized again), not added to the map after:
        // a map made a value is built again, key by key.
        tera::Value::from_serializable(&Pagination::new(folder, current, total, pages))
    }

    fn meta(
        &self,
        title: &str,
        description: &str,
        path: &str,
        kind: PageKind,
        feed: Option<String>,
    ) -> PageMeta {
        let permalink = [&self.site.base_url, path].concat();
        PageMeta {
            title: title.to_string(),
            description: description.to_string(),
            path: [&self.views.base, path].concat(),
            kind,
            feed,
            published: None,
            tags: Vec::new(),
            structured_data: self
                .values
                .crumbs
                .of(title, path, &permalink)
                .into_iter()
                .collect(),
            permalink,
        }
    }

    /// The cards of the articles at `indexes`, each with its `html`: the
    /// card partial, rendered once per article and build with `a` (the
    /// card) and `site`, so a list splices it instead of rendering it for
    /// each of the dozen lists an article is on.
    fn cards(&self, indexes: impl Iterator<Item = usize>) -> Result<Vec<tera::Value>, tera::Error> {
        indexes
            .map(|i| {
                self.views.card_value(i, |card| {
                    let mut context = Context::new();
                    context.insert_value("site", self.values.site.clone());
                    context.insert_value("a", card.clone());
                    let mut html = Vec::new();
                    self.render_to(CARD, &context, &mut html)?;
                    String::from_utf8(html).map_err(tera::Error::from)
                })
            })
            .collect()
    }

    fn home(&self, context: &mut Context) -> Result<PageMeta, tera::Error> {
        let library = self.library;
        context.insert("articles", &self.cards(home_articles(library))?);
        let figures: Vec<FigureView<'_>> = home_figures(library)
            .map(|i| self.views.figure(&library.articles[i], 0, true))
            .collect();
        context.insert("figures", &figures);
        let mut topics: Vec<(LinkView<'_>, usize)> = library
            .topics
            .iter()
            .filter_map(|t| {
                let count = library.articles_by_topic.get(&t.slug).map_or(0, Vec::len);
                let link = self.views.topic_link(&t.slug).expect("registry topic");
                link.url.is_some().then_some((link, count))
            })
            .collect();
        topics.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.slug.cmp(b.0.slug)));
        context.insert("topics", &topics);
        let events: Vec<EventView<'_>> = home_events(self.shared)
            .iter()
            .map(|e| self.event(e))
            .collect();
        context.insert("events", &events);
        let description = self.library.config.description.clone();
        Ok(self.meta(
            &self.library.config.title,
            &description,
            "",
            PageKind::Home,
            Some(format!("{}atom.xml", self.views.base)),
        ))
    }

    fn article_list(&self, n: usize, context: &mut Context) -> Result<PageMeta, tera::Error> {
        let per_page = self.library.config.items_per_page;
        let total = page_count(self.library.articles.len(), per_page);
        let start = (n - 1) * per_page;
        let end = (start + per_page).min(self.library.articles.len());
        context.insert("articles", &self.cards(start..end)?);
        let folder = format!("{}articles/", self.views.base);
        context.insert_value("pagination", self.pagination(&folder, n, total));
        let title = if n == 1 {
            "All briefings".to_string()
        } else {
            format!("All briefings, page {n}")
        };
        let path = paged_url("articles/", n);
        Ok(self.meta(
            &title,
            "Every briefing, newest first.",
            &path,
            PageKind::Articles,
            Some(format!("{}atom.xml", self.views.base)),
        ))
    }

    fn event(&self, event: &EventRef) -> EventView<'a> {
        let article = &self.library.articles[event.article];
        self.views
            .events(article)
            .nth(event.event)
            .expect("event index from the same article")
    }
}

/// The articles whose cards the home page shows: the newest twelve.
pub(crate) fn home_articles(library: &Library) -> std::ops::Range<usize> {
    0..library.articles.len().min(12)
}

/// The articles whose first figure the home page shows: the newest six
/// with figures.
pub(crate) fn home_figures(library: &Library) -> impl Iterator<Item = usize> + '_ {
    let articles = &library.articles;
    (0..articles.len())
        .filter(|&i| !articles[i].front.figures.is_empty())
        .take(6)
}

/// The events the home page shows: the newest eight.
pub(crate) fn home_events(shared: &Shared) -> &[EventRef] {
    &shared.events[..shared.events.len().min(8)]
}

impl<'a> Renderer<'a> {
    fn search(&self, context: &mut Context) -> PageMeta {
        context.insert("index", &format!("{}{SEARCH}", self.views.base));
        self.meta(
            "Search",
            "Search every briefing by its words, and narrow the results by topic, organization, place and year.",
            SEARCH,
            PageKind::Search,
            None,
        )
    }

    fn plain_page(&self, i: usize, context: &mut Context) -> PageMeta {
        let page = &self.library.pages[i];
        context.insert("content", &page.body.html);
        context.insert("headings", &page.body.headings);
        let description = page.front.description.clone().unwrap_or_default();
        self.meta(
            &page.front.title,
            &description,
            &format!("{}/", page.slug),
            PageKind::Page,
            None,
        )
    }
}
