//! Template context: borrowed, precomputed views of the library.
//!
//! Templates get a fixed set of keys (`site`, `page`, and the page kind's
//! own data); nothing here walks the whole library per page.

use std::sync::OnceLock;

use serde::Serialize;

use crate::content::article::Article;
use crate::content::entity::{Entity, Place};
use crate::content::evidence::EvidenceKey;
use crate::content::front_matter::{ArticleFrontMatter, DateBasis, OrganizationKind, TitleBasis};
use crate::content::library::Library;
use crate::markdown::Heading;
use crate::render::display::{display_date, display_figure};
use crate::render::facts;
use crate::render::lookup::Lookup;
use crate::render::plan::{has_page, Section};
use crate::render::unescaped::mark_unescaped;

/// Site-wide values, the `site` key of every template.
#[derive(Debug, Serialize)]
pub(crate) struct SiteView<'a> {
    /// Site title.
    pub title: &'a str,
    /// Site description.
    pub description: &'a str,
    /// Absolute base URL with trailing slash.
    pub base_url: String,
    /// Absolute URL of the default sharing image (the theme's `img/card.png`).
    pub image: String,
    /// Path prefix of every internal link (`/` or `/sub/`).
    pub base_path: String,
    /// Content language.
    pub language: &'a str,
    /// True in `serve`, where drafts are shown.
    pub preview: bool,
    /// Counts for the footer and home page.
    pub article_count: usize,
    /// Plain pages for the navigation (About, …).
    pub pages: Vec<LinkView<'a>>,
    /// URL of the search page, with base path; none when search is off.
    pub search: Option<String>,
}

/// Values about the page being rendered, the `page` key.
#[derive(Debug, Serialize)]
pub(crate) struct PageMeta {
    /// `<title>` and `<h1>`.
    pub title: String,
    /// `<meta name="description">`.
    pub description: String,
    /// Absolute canonical URL.
    pub permalink: String,
    /// Site-relative path with base (`/sub/articles/x/`).
    pub path: String,
    /// Page kind, as templates test it (`page.kind == "article"`).
    pub kind: PageKind,
    /// Feed URL to advertise, if the page has one.
    pub feed: Option<String>,
    /// Publication date of an article (`article:published_time`).
    pub published: Option<String>,
    /// Topic names of an article (`article:tag`).
    pub tags: Vec<String>,
    /// JSON-LD blocks, each safe inside `<script>`.
    pub structured_data: Vec<String>,
}

/// What sort of page is rendered; templates see it as `page.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum PageKind {
    /// `/`.
    Home,
    /// The paginated list of every briefing.
    Articles,
    /// One briefing.
    Article,
    /// `/topics/`, `/organizations/`, `/places/`.
    Section,
    /// A topic, organization or place.
    Entity,
    /// The timeline overview and its years.
    Timeline,
    /// A plain page (About).
    Page,
    /// The search page.
    Search,
    /// `404.html`.
    #[serde(rename = "404")]
    NotFound,
}

/// A link to an entity.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LinkView<'a> {
    /// Slug.
    pub slug: &'a str,
    /// Display name.
    pub name: &'a str,
    /// URL with base path, or none when the entity has no page.
    pub url: Option<String>,
}

/// An article in a list.
#[derive(Debug, Serialize)]
pub(crate) struct ArticleCard<'a> {
    /// Slug.
    pub slug: &'a str,
    /// URL with base path.
    pub url: String,
    /// Title.
    pub title: &'a str,
    /// Language of the article's text when it is not the site's (`ko`).
    pub lang: Option<&'a str>,
    /// ISO date; none when no one could date the article.
    pub date: Option<String>,
    /// Human date ("2 June 2023", "February 2026", "date unknown").
    pub date_display: String,
    /// Whether the date was inferred rather than stated.
    pub date_inferred: bool,
    /// Publisher.
    pub publisher: Option<&'a str>,
    /// Summary.
    pub summary: Option<&'a str>,
    /// Topics, main first (the order of the article's `topics:`): each a
    /// [`LinkView`], as the template value [`Views`] made once per build.
    pub topics: Vec<tera::Value>,
    /// The main topics cards and lists show: the first three.
    pub main_topics: Vec<tera::Value>,
    /// Draft marker (serve only).
    pub draft: bool,
}

/// A figure with a readable value.
#[derive(Debug, Serialize)]
pub(crate) struct FigureView<'a> {
    /// As written.
    pub text: &'a str,
    /// "KRW 50 trillion", "400 Wh/kg".
    pub display: String,
    /// Unit.
    pub unit: &'a str,
    /// Qualifier.
    pub qualifier: Option<&'a str>,
    /// Target year.
    pub year_target: Option<i32>,
    /// "by" a deadline or "in" a year, as its sentence says.
    pub year_word: &'static str,
    /// Metric equivalent of a non-metric unit ("about 1.32 km²").
    pub metric: Option<String>,
    /// Its `id` on its article's page.
    pub id: String,
    /// Source sentence.
    pub quote: Option<&'a str>,
    /// Language of the sentence when it is not the site's (`ko`).
    pub lang: Option<&'a str>,
    /// The article it came from (on entity and home pages).
    pub article: Option<ArticleRef<'a>>,
}

/// A pointer back to an article.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ArticleRef<'a> {
    /// Title.
    pub title: &'a str,
    /// Language of the article's text when it is not the site's (`ko`).
    pub lang: Option<&'a str>,
    /// URL with base path.
    pub url: String,
}

/// A dated event with its article.
#[derive(Debug, Serialize)]
pub(crate) struct EventView<'a> {
    /// ISO date.
    pub date: String,
    /// End of range.
    pub date_end: Option<String>,
    /// Human date or range ("5–6 February 2026").
    pub date_display: String,
    /// Its `id` on its article's page.
    pub id: String,
    /// One-line title.
    pub title: &'a str,
    /// Planned rather than happened.
    pub planned: bool,
    /// Source sentence.
    pub quote: Option<&'a str>,
    /// Language of its title and sentence when not the site's (`ko`).
    pub lang: Option<&'a str>,
    /// Article it came from.
    pub article: ArticleRef<'a>,
}

/// A person named in an article.
#[derive(Debug, Serialize)]
pub(crate) struct PersonView<'a> {
    /// Name.
    pub name: &'a str,
    /// Role.
    pub role: Option<&'a str>,
    /// Organization, linked: a [`LinkView`] as the template value
    /// [`Views::link_value`] makes.
    pub organization: Option<tera::Value>,
    /// Source sentence.
    pub quote: Option<&'a str>,
}

/// Everything an article page shows beside its [`ArticleCard`] fields,
/// which its `article` key holds too (two structs merged into one map:
/// `serde(flatten)` made every key an allocated string).
#[derive(Debug, Serialize)]
pub(crate) struct ArticleView<'a> {
    /// Body HTML.
    pub content: &'a str,
    /// Headings with ids.
    pub headings: &'a [Heading],
    /// Words.
    pub word_count: usize,
    /// Minutes at 220 words a minute, at least 1.
    pub reading_minutes: usize,
    /// Title is derived, not the page's headline.
    pub title_derived: bool,
    /// Why the date was inferred.
    pub date_reason: Option<&'a str>,
    /// Another date the page gives for itself (a repost's own date beside
    /// the original's), as displayed.
    pub other_date: Option<String>,
    /// Last substantive edit, when there was one.
    pub updated: Option<String>,
    /// Original URL.
    pub source_url: Option<&'a str>,
    /// Seed file.
    pub source_seed: Option<&'a str>,
    /// Organizations, linked: [`LinkView`]s as the template values
    /// [`Views::link_value`] makes.
    pub organizations: Vec<tera::Value>,
    /// Places: [`LinkView`]s as template values, a registry place's made
    /// once ([`Views::place_value`]).
    pub places: Vec<tera::Value>,
    /// People.
    pub people: Vec<PersonView<'a>>,
    /// Key figures.
    pub figures: Vec<FigureView<'a>>,
    /// Dated events.
    pub events: Vec<EventView<'a>>,
    /// Evidence sentences for annotations, sorted by key.
    pub evidence: Vec<(&'a EvidenceKey, &'a str)>,
    /// Other articles sharing the most topics and organizations: their
    /// cards, as the template values [`Views::card_value`] makes.
    pub related: Vec<tera::Value>,
}

/// The key of a card value that holds the card partial's HTML.
pub(crate) const CARD_HTML: &str = "html";

/// Topics a card shows: a reader sees what a briefing is mainly about.
const MAIN_TOPICS: usize = 3;

/// Human label of an organization kind, plural, for grouping.
pub(crate) fn kind_label(kind: OrganizationKind) -> &'static str {
    match kind {
        OrganizationKind::Government => "Government and agencies",
        OrganizationKind::Company => "Companies",
        OrganizationKind::Research => "Research institutes",
        OrganizationKind::University => "Universities",
        OrganizationKind::Association => "Associations",
        OrganizationKind::Other => "Alliances, media and others",
    }
}

/// Human label of an organization kind, singular, for its page.
pub(crate) fn kind_name(kind: OrganizationKind) -> &'static str {
    match kind {
        OrganizationKind::Government => "Government",
        OrganizationKind::Company => "Company",
        OrganizationKind::Research => "Research institute",
        OrganizationKind::University => "University",
        OrganizationKind::Association => "Association",
        OrganizationKind::Other => "Organization",
    }
}

/// Views are built from the library with the base path fixed.
pub(crate) struct Views<'a> {
    /// The library.
    pub library: &'a Library,
    /// Link prefix.
    pub base: String,
    /// The registries' slugs and place names, hashed once per build.
    pub lookup: Lookup<'a>,
    /// Each entity's link as a template value, by `Section as usize`, in
    /// registry order: made once, shared by every card and page that names the
    /// entity (a card is built for every mention of an article in a list).
    link_values: [OnceLock<Vec<tera::Value>>; 3],
    /// Each article's card as a template value, made the first time a
    /// list shows it: an article is on a dozen lists (its entities' pages,
    /// the list of every briefing, related briefings).
    card_values: Vec<OnceLock<tera::Value>>,
}

impl<'a> Views<'a> {
    /// Views of `library` with links under `base`.
    pub(crate) fn new(library: &'a Library, base: String) -> Views<'a> {
        Views {
            library,
            base,
            lookup: Lookup::new(library),
            link_values: Default::default(),
            card_values: std::iter::repeat_with(OnceLock::new)
                .take(library.articles.len())
                .collect(),
        }
    }

    /// The card of article `i` as a template value, made once per build:
    /// its [`ArticleCard`] fields and `html`, what `render` makes of them
    /// (the card partial, safe HTML).
    pub(crate) fn card_value(
        &self,
        i: usize,
        render: impl FnOnce(&tera::Value) -> Result<String, tera::Error>,
    ) -> Result<tera::Value, tera::Error> {
        if let Some(value) = self.card_values[i].get() {
            return Ok(value.clone());
        }
        let fields = tera::Value::from_serializable(&self.card(&self.library.articles[i]));
        let html = render(&fields)?;
        let mut value = fields.into_map().expect("a struct is a map");
        value.insert(CARD_HTML.into(), tera::Value::safe_string(&html));
        Ok(self.card_values[i].get_or_init(|| value.into()).clone())
    }

    /// The template values made for this build (a card for every
    /// article, a link for every entity), owned: freed by whoever takes
    /// them.
    pub(crate) fn into_made(self) -> impl Send + 'static {
        (self.card_values, self.link_values)
    }

    /// Card of article `i`.
    pub(crate) fn card(&self, article: &'a Article) -> ArticleCard<'a> {
        let front = &article.front;
        let topics: Vec<tera::Value> = front
            .topics
            .iter()
            .filter_map(|t| self.link_value(Section::Topics, t))
            .collect();
        ArticleCard {
            slug: &article.slug,
            url: [&self.base, "articles/", &article.slug, "/"].concat(),
            title: &front.title,
            lang: front.language.as_deref(),
            date: front.date.map(|d| d.to_string()),
            date_display: date_display(front),
            date_inferred: front.date_basis == DateBasis::Inferred,
            publisher: front.source.publisher.as_deref(),
            summary: front.summary.as_deref(),
            main_topics: topics.iter().take(MAIN_TOPICS).cloned().collect(),
            topics,
            draft: front.draft,
        }
    }

    /// Pointer to an article.
    pub(crate) fn article_ref(&self, article: &'a Article) -> ArticleRef<'a> {
        ArticleRef {
            title: &article.front.title,
            lang: article.front.language.as_deref(),
            url: [&self.base, "articles/", &article.slug, "/"].concat(),
        }
    }

    /// Link to a topic by slug.
    pub(crate) fn topic_link(&self, slug: &str) -> Option<LinkView<'a>> {
        let topic = &self.library.topics[self.lookup.position(Section::Topics, slug)?];
        Some(self.link(Section::Topics, topic, &topic.front.name))
    }

    /// The link to entity `slug` of `section` (a topic's or an
    /// organization's to its page when it has one, as [`Views::topic_link`];
    /// a place's as an article links it) as a template value, made once per
    /// build.
    pub(crate) fn link_value(&self, section: Section, slug: &str) -> Option<tera::Value> {
        let at = self.lookup.position(section, slug)?;
        Some(self.link_value_at(section, at))
    }

    /// [`Views::link_value`] of the entity at `at` in `section`'s registry.
    pub(crate) fn link_value_at(&self, section: Section, at: usize) -> tera::Value {
        let library = self.library;
        let values = self.link_values[section as usize].get_or_init(|| match section {
            Section::Topics => self.values(&library.topics, |t| &t.front.name, section),
            Section::Organizations => {
                self.values(&library.organizations, |o| &o.front.name, section)
            }
            Section::Places => {
                let places = library.places.iter();
                places.map(|p| link_value(&self.place_link(p))).collect()
            }
        });
        values[at].clone()
    }

    /// The links of a registry as template values, in its order.
    fn values<T>(
        &self,
        entities: &'a [Entity<T>],
        name: impl Fn(&'a Entity<T>) -> &'a String,
        section: Section,
    ) -> Vec<tera::Value> {
        entities
            .iter()
            .map(|e| link_value(&self.link(section, e, name(e))))
            .collect()
    }

    /// A place as an article links it: always to its page (an article
    /// naming it gives it one).
    fn place_link(&self, place: &'a Place) -> LinkView<'a> {
        LinkView {
            slug: &place.slug,
            name: &place.front.name,
            url: Some([&self.base, "places/", &place.slug, "/"].concat()),
        }
    }

    /// A place an article names, as written: the registry's, linked, when
    /// the name is one of a registry place's; else the bare name.
    pub(crate) fn place_value(&self, written: &str) -> tera::Value {
        self.lookup
            .place(written)
            .map(|at| self.link_value_at(Section::Places, at))
            .unwrap_or_else(|| {
                tera::Value::from_serializable(&LinkView {
                    slug: written,
                    name: written,
                    url: None,
                })
            })
    }

    /// A link to an entity's page, or its bare name when it has none.
    fn link<T>(&self, section: Section, entity: &'a Entity<T>, name: &'a str) -> LinkView<'a> {
        let url = has_page(self.library, section, &entity.slug)
            .then(|| [&self.base, section.segment(), "/", &entity.slug, "/"].concat());
        LinkView {
            slug: &entity.slug,
            name,
            url,
        }
    }

    /// Figure `index` of `article`; `linked` when shown away from the
    /// article, with a link back to it.
    pub(crate) fn figure(
        &self,
        article: &'a Article,
        index: usize,
        linked: bool,
    ) -> FigureView<'a> {
        let figure = &article.front.figures[index];
        FigureView {
            text: &figure.text,
            display: display_figure(figure.value, &figure.unit),
            unit: figure.unit.as_str(),
            qualifier: figure.qualifier.as_deref(),
            year_target: figure.year_target,
            year_word: facts::year_word(figure),
            metric: facts::metric_equivalent(figure.value, &figure.unit),
            id: facts::figure_ids(&article.front.figures).swap_remove(index),
            quote: figure.quote.as_deref(),
            lang: article.front.language.as_deref(),
            article: linked.then(|| self.article_ref(article)),
        }
    }

    /// Events of an article.
    pub(crate) fn events(&self, article: &'a Article) -> impl Iterator<Item = EventView<'a>> + '_ {
        let ids = facts::event_ids(&article.front.events);
        article
            .front
            .events
            .iter()
            .zip(ids)
            .map(move |(event, id)| EventView {
                date: event.date.to_string(),
                date_end: event.date_end.map(|d| d.to_string()),
                date_display: facts::display_range(&event.date, event.date_end.as_ref()),
                id,
                title: &event.title,
                planned: event.planned,
                quote: event.quote.as_deref(),
                lang: article.front.language.as_deref(),
                article: self.article_ref(article),
            })
    }
}

/// A link made once per build as a template value, its plain strings
/// marked safe: it is written on many pages.
fn link_value(link: &LinkView<'_>) -> tera::Value {
    mark_unescaped(tera::Value::from_serializable(link))
}

/// Binary search a slug-sorted registry.
pub(crate) fn find<'a, T>(entities: &'a [Entity<T>], slug: &str) -> Option<&'a Entity<T>> {
    position(entities, slug).map(|i| &entities[i])
}

/// The date of an article as pages show it (`18 June 2024`, `date unknown`).
pub(crate) fn date_display(front: &ArticleFrontMatter) -> String {
    front
        .date
        .as_ref()
        .map_or_else(|| "date unknown".to_string(), display_date)
}

/// Index of `slug` in a slug-sorted registry.
pub(crate) fn position<T>(entities: &[Entity<T>], slug: &str) -> Option<usize> {
    entities
        .binary_search_by(|e| e.slug.as_str().cmp(slug))
        .ok()
}

/// Whether a title is derived (for the article view).
pub(crate) fn is_derived(basis: TitleBasis) -> bool {
    basis == TitleBasis::Derived
}
