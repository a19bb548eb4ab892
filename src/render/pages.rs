//! HTML pages: one function per page kind, each filling the template
//! context with borrowed views and rendering through Tera.

use serde::Serialize;
use tera::Context;

use super::context::{
    find, kind_label, month_name, ArticleCard, ArticleView, EventView, FigureView, LinkView,
    PageMeta, PersonView, SiteView, Views,
};
use super::plan::{entity_slug, page_count, paged_url, PageJob, Section};
use super::shared::{co_mentions, events_of, EventRef, Shared};
use crate::content::library::Library;

/// Links for a paginated list.
#[derive(Debug, Serialize)]
pub struct Pagination {
    /// Current page, 1-based.
    pub current: usize,
    /// Number of pages.
    pub total: usize,
    /// Previous page URL.
    pub prev: Option<String>,
    /// Next page URL.
    pub next: Option<String>,
    /// Every page with its URL.
    pub pages: Vec<(usize, String)>,
}

impl Pagination {
    fn new(folder: &str, current: usize, total: usize) -> Pagination {
        Pagination {
            current,
            total,
            prev: (current > 1).then(|| paged_url(folder, current - 1)),
            next: (current < total).then(|| paged_url(folder, current + 1)),
            pages: (1..=total).map(|n| (n, paged_url(folder, n))).collect(),
        }
    }
}

/// An entity as its page shows it.
#[derive(Debug, Serialize)]
struct EntityView<'a> {
    slug: &'a str,
    name: &'a str,
    section: &'static str,
    kind: Option<&'static str>,
    country: Option<&'a str>,
    aliases: &'a [String],
    keywords: &'a [String],
    website: Option<&'a str>,
    description: String,
    url: String,
    article_count: usize,
}

/// Events grouped for the timeline: year → month → events.
#[derive(Debug, Serialize)]
struct TimelineMonth<'a> {
    label: String,
    id: String,
    events: Vec<EventView<'a>>,
}

/// Everything one render thread needs, by reference.
pub struct Renderer<'a> {
    /// The library.
    pub library: &'a Library,
    /// Templates.
    pub tera: &'a tera::Tera,
    /// Precomputed data.
    pub shared: &'a Shared,
    /// Site values.
    pub site: SiteView<'a>,
    /// View builder.
    pub views: Views<'a>,
}

impl<'a> Renderer<'a> {
    /// Render an HTML job; `Ok(None)` for jobs that are not HTML pages.
    pub fn render_html(&self, job: &PageJob) -> Option<Result<String, tera::Error>> {
        let template = job.template()?;
        let mut context = Context::new();
        context.insert("site", &self.site);
        let page = match job {
            PageJob::Home => self.home(&mut context),
            PageJob::ArticleList(n) => self.article_list(*n, &mut context),
            PageJob::Article(i) => self.article(*i, &mut context),
            PageJob::SectionIndex(section) => self.section_index(*section, &mut context),
            PageJob::Entity(section, i, n) => self.entity(*section, *i, *n, &mut context),
            PageJob::Timeline => self.timeline(None, &mut context),
            PageJob::TimelineYear(year) => self.timeline(Some(*year), &mut context),
            PageJob::Page(i) => self.plain_page(*i, &mut context),
            PageJob::NotFound => self.meta(
                "Page not found",
                "The page you asked for does not exist.",
                "404.html",
                "404",
                None,
            ),
            _ => return None,
        };
        context.insert("page", &page);
        Some(self.tera.render(template, &context))
    }

    fn meta(
        &self,
        title: &str,
        description: &str,
        path: &str,
        kind: &'static str,
        feed: Option<String>,
    ) -> PageMeta {
        PageMeta {
            title: title.to_string(),
            description: description.to_string(),
            permalink: format!("{}{}", self.site.base_url, path),
            path: format!("{}{}", self.views.base, path),
            kind,
            feed,
        }
    }

    fn cards(&self, indexes: impl Iterator<Item = usize>) -> Vec<ArticleCard<'a>> {
        indexes
            .map(|i| self.views.card(&self.library.articles[i]))
            .collect()
    }

    fn home(&self, context: &mut Context) -> PageMeta {
        let library = self.library;
        context.insert("articles", &self.cards(0..library.articles.len().min(12)));
        let figures: Vec<FigureView<'_>> = library
            .articles
            .iter()
            .flat_map(|a| a.front.figures.iter().take(1).map(move |f| (a, f)))
            .take(6)
            .map(|(a, f)| self.views.figure(f, Some(a)))
            .collect();
        context.insert("figures", &figures);
        let mut topics: Vec<(LinkView<'_>, usize)> = library
            .topics
            .iter()
            .map(|t| {
                let count = library.articles_by_topic.get(&t.slug).map_or(0, Vec::len);
                (
                    self.views.topic_link(&t.slug).expect("registry topic"),
                    count,
                )
            })
            .collect();
        topics.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.slug.cmp(b.0.slug)));
        context.insert("topics", &topics);
        let events: Vec<EventView<'_>> = self
            .shared
            .events
            .iter()
            .take(8)
            .map(|e| self.event(e))
            .collect();
        context.insert("events", &events);
        let description = self.library.config.description.clone();
        self.meta(
            &self.library.config.title,
            &description,
            "",
            "home",
            Some(format!("{}atom.xml", self.views.base)),
        )
    }

    fn article_list(&self, n: usize, context: &mut Context) -> PageMeta {
        let per_page = self.library.config.items_per_page;
        let total = page_count(self.library.articles.len(), per_page);
        let start = (n - 1) * per_page;
        let end = (start + per_page).min(self.library.articles.len());
        context.insert("articles", &self.cards(start..end));
        let folder = format!("{}articles/", self.views.base);
        context.insert("pagination", &Pagination::new(&folder, n, total));
        let title = if n == 1 {
            "All briefings".to_string()
        } else {
            format!("All briefings, page {n}")
        };
        let path = paged_url("articles/", n);
        self.meta(
            &title,
            "Every briefing, newest first.",
            &path,
            "articles",
            Some(format!("{}atom.xml", self.views.base)),
        )
    }

    fn event(&self, event: &EventRef) -> EventView<'a> {
        let article = &self.library.articles[event.article];
        self.views
            .events(article)
            .nth(event.event)
            .expect("event index from the same article")
    }

    fn article(&self, i: usize, context: &mut Context) -> PageMeta {
        let views = &self.views;
        let article = &self.library.articles[i];
        let front = &article.front;
        let view = ArticleView {
            card: views.card(article),
            content: &article.body.html,
            headings: &article.body.headings,
            word_count: article.word_count,
            reading_minutes: (article.word_count / 220).max(1),
            title_derived: super::context::is_derived(front.title_basis),
            date_reason: front.date_reason.as_deref(),
            source_url: front.source.url.as_deref(),
            source_seed: front.source.seed.as_deref(),
            organizations: front
                .organizations
                .iter()
                .filter_map(|o| views.organization_link(o))
                .collect(),
            places: front.places.iter().map(|p| self.place_link(p)).collect(),
            people: front
                .people
                .iter()
                .map(|p| PersonView {
                    name: &p.name,
                    role: p.role.as_deref(),
                    organization: p
                        .organization
                        .as_deref()
                        .and_then(|o| views.organization_link(o)),
                    quote: p.quote.as_deref(),
                })
                .collect(),
            figures: front
                .figures
                .iter()
                .map(|f| views.figure(f, None))
                .collect(),
            events: views.events(article).collect(),
            evidence: front
                .evidence
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect(),
            related: self.related(i),
        };
        context.insert("article", &view);
        let description = front.summary.clone().unwrap_or_default();
        self.meta(
            &front.title,
            &description,
            &format!("articles/{}/", article.slug),
            "article",
            None,
        )
    }

    fn place_link(&self, written: &'a str) -> LinkView<'a> {
        match self
            .library
            .place_slug(written)
            .and_then(|slug| find(&self.library.places, slug))
        {
            Some(place) => LinkView {
                slug: &place.slug,
                name: &place.front.name,
                url: Some(format!("{}places/{}/", self.views.base, place.slug)),
            },
            None => LinkView {
                slug: written,
                name: written,
                url: None,
            },
        }
    }

    /// Up to four articles sharing the most topics and organizations,
    /// looking only at the newest 50 of each shared index (bounded work).
    fn related(&self, i: usize) -> Vec<ArticleCard<'a>> {
        let library = self.library;
        let front = &library.articles[i].front;
        let mut scores: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
        let lists = front
            .organizations
            .iter()
            .filter_map(|o| library.articles_by_organization.get(o))
            .chain(
                front
                    .topics
                    .iter()
                    .filter_map(|t| library.articles_by_topic.get(t)),
            );
        for list in lists {
            for &j in list.iter().take(50).filter(|&&j| j != i) {
                *scores.entry(j).or_default() += 1;
            }
        }
        let mut ranked: Vec<(usize, usize)> = scores.into_iter().filter(|(_, s)| *s >= 2).collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        self.cards(ranked.into_iter().take(4).map(|(j, _)| j))
    }

    fn section_index(&self, section: Section, context: &mut Context) -> PageMeta {
        let library = self.library;
        let (title, description, groups) = match section {
            Section::Topics => {
                let items = library
                    .topics
                    .iter()
                    .map(|t| self.entity_item(section, &t.slug, &t.front.name))
                    .collect();
                (
                    "Topics",
                    "Every topic the briefing follows.",
                    vec![("Topics".to_string(), items)],
                )
            }
            Section::Organizations => {
                let mut groups: Vec<(String, Vec<_>)> = Vec::new();
                let mut orgs: Vec<_> = library.organizations.iter().collect();
                orgs.sort_by(|a, b| {
                    a.front
                        .kind
                        .cmp(&b.front.kind)
                        .then(a.front.name.cmp(&b.front.name))
                });
                for org in orgs {
                    let label = kind_label(org.front.kind).to_string();
                    if groups.last().is_none_or(|(l, _)| *l != label) {
                        groups.push((label, Vec::new()));
                    }
                    groups
                        .last_mut()
                        .expect("just pushed")
                        .1
                        .push(self.entity_item(section, &org.slug, &org.front.name));
                }
                (
                    "Organizations",
                    "Ministries, companies, institutes and associations, grouped by kind.",
                    groups,
                )
            }
            Section::Places => {
                let items = library
                    .places
                    .iter()
                    .map(|p| self.entity_item(section, &p.slug, &p.front.name))
                    .collect();
                (
                    "Places",
                    "Countries, regions, cities and industrial complexes.",
                    vec![("Places".to_string(), items)],
                )
            }
        };
        context.insert("groups", &groups);
        context.insert("section", section.segment());
        self.meta(
            title,
            description,
            &format!("{}/", section.segment()),
            "section",
            None,
        )
    }

    fn entity_item(&self, section: Section, slug: &'a str, name: &'a str) -> (LinkView<'a>, usize) {
        let count = self.index_of(section).get(slug).map_or(0, Vec::len);
        let url = Some(format!(
            "{}{}/{}/",
            self.views.base,
            section.segment(),
            slug
        ));
        (LinkView { slug, name, url }, count)
    }

    fn index_of(&self, section: Section) -> &'a std::collections::HashMap<String, Vec<usize>> {
        match section {
            Section::Topics => &self.library.articles_by_topic,
            Section::Organizations => &self.library.articles_by_organization,
            Section::Places => &self.library.articles_by_place,
        }
    }
}

impl<'a> Renderer<'a> {
    fn entity(&self, section: Section, i: usize, n: usize, context: &mut Context) -> PageMeta {
        let library = self.library;
        let slug = entity_slug(library, section, i);
        let indexes: &[usize] = self.index_of(section).get(slug).map_or(&[], Vec::as_slice);
        let view = self.entity_view(section, i, indexes.len());
        let per_page = library.config.items_per_page;
        let total = page_count(indexes.len(), per_page);
        let start = ((n - 1) * per_page).min(indexes.len());
        let end = (start + per_page).min(indexes.len());
        context.insert("articles", &self.cards(indexes[start..end].iter().copied()));
        context.insert("pagination", &Pagination::new(&view.url, n, total));
        self.entity_sidebar(indexes, slug, n == 1, context);
        let feed = (section != Section::Places).then(|| format!("{}atom.xml", view.url));
        let title = if n == 1 {
            view.name.to_string()
        } else {
            format!("{}, page {n}", view.name)
        };
        let description = format!(
            "{}: {} briefings, their timeline, figures and related entities.",
            view.name,
            indexes.len()
        );
        let path = paged_url(&format!("{}/{}/", section.segment(), slug), n);
        context.insert("entity", &view);
        self.meta(&title, &description, &path, "entity", feed)
    }

    /// Timeline, figures and co-mentions of an entity: on its first page
    /// only, so deep pages of a popular entity stay cheap.
    fn entity_sidebar(&self, indexes: &[usize], slug: &str, full: bool, context: &mut Context) {
        let library = self.library;
        let indexes = if full { indexes } else { &[] };
        let events = events_of(library, indexes.iter().copied());
        let events: Vec<EventView<'_>> = events.iter().take(30).map(|e| self.event(e)).collect();
        context.insert("events", &events);
        let figures: Vec<FigureView<'_>> = indexes
            .iter()
            .flat_map(|&a| {
                library.articles[a]
                    .front
                    .figures
                    .iter()
                    .map(move |f| (a, f))
            })
            .take(12)
            .map(|(a, f)| self.views.figure(f, Some(&library.articles[a])))
            .collect();
        context.insert("figures", &figures);
        let orgs = co_mentions(
            indexes,
            library,
            |a| &library.articles[a].front.organizations,
            slug,
            10,
        );
        let topics = co_mentions(
            indexes,
            library,
            |a| &library.articles[a].front.topics,
            slug,
            10,
        );
        let org_links: Vec<(LinkView<'_>, usize)> = orgs
            .into_iter()
            .filter_map(|(s, c)| Some((self.views.organization_link(s)?, c)))
            .collect();
        let topic_links: Vec<(LinkView<'_>, usize)> = topics
            .into_iter()
            .filter_map(|(s, c)| Some((self.views.topic_link(s)?, c)))
            .collect();
        context.insert("related_organizations", &org_links);
        context.insert("related_topics", &topic_links);
    }

    fn entity_view(&self, section: Section, i: usize, article_count: usize) -> EntityView<'a> {
        let library = self.library;
        let base = &self.views.base;
        let empty: &'a [String] = &[];
        let (slug, name, body, kind, country, aliases, keywords, website) = match section {
            Section::Topics => {
                let t = &library.topics[i];
                (
                    &t.slug,
                    &t.front.name,
                    &t.body,
                    None,
                    None,
                    empty,
                    t.front.keywords.as_slice(),
                    None,
                )
            }
            Section::Organizations => {
                let o = &library.organizations[i];
                let f = &o.front;
                (
                    &o.slug,
                    &f.name,
                    &o.body,
                    Some(kind_label(f.kind)),
                    Some(f.country.as_str()),
                    f.aliases.as_slice(),
                    empty,
                    f.website.as_deref(),
                )
            }
            Section::Places => {
                let p = &library.places[i];
                (
                    &p.slug,
                    &p.front.name,
                    &p.body,
                    None,
                    p.front.country.as_deref(),
                    p.front.aliases.as_slice(),
                    empty,
                    None,
                )
            }
        };
        EntityView {
            slug,
            name,
            section: section.segment(),
            kind,
            country,
            aliases,
            keywords,
            website,
            description: plain_markdown(body),
            url: format!("{base}{}/{slug}/", section.segment()),
            article_count,
        }
    }

    fn timeline(&self, year: Option<i32>, context: &mut Context) -> PageMeta {
        let years: Vec<(i32, usize, String)> = self
            .shared
            .years
            .iter()
            .map(|&(y, count)| (y, count, format!("{}timeline/{y}/", self.views.base)))
            .collect();
        context.insert("years", &years);
        let shown = year.or_else(|| self.shared.years.first().map(|(y, _)| *y));
        let events = shown.map_or(&[][..], |y| self.shared.events_in_year(y));
        let mut months: Vec<TimelineMonth<'_>> = Vec::new();
        for event in events {
            let (label, id) = match event.date.month {
                Some(m) => (
                    format!("{} {}", month_name(m), event.date.year),
                    format!("m{:02}", m),
                ),
                None => (
                    format!("{} (month not stated)", event.date.year),
                    "year".to_string(),
                ),
            };
            if months.last().is_none_or(|m| m.id != id) {
                months.push(TimelineMonth {
                    label,
                    id,
                    events: Vec::new(),
                });
            }
            months
                .last_mut()
                .expect("just pushed")
                .events
                .push(self.event(event));
        }
        context.insert("months", &months);
        context.insert("year", &shown);
        match year {
            Some(y) => self.meta(
                &format!("Timeline {y}"),
                &format!("Every dated event of {y}, by month."),
                &format!("timeline/{y}/"),
                "timeline",
                None,
            ),
            None => self.meta(
                "Timeline",
                "Every dated event in the briefings, by year and month.",
                "timeline/",
                "timeline",
                None,
            ),
        }
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
            "page",
            None,
        )
    }
}

/// Registry descriptions: plain Markdown, no highlighting or links.
fn plain_markdown(text: &str) -> String {
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new(text));
    html
}
