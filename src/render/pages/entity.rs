//! Registry pages: the topic, organization and place indexes, and each
//! entity's own page (a briefing in itself: its articles, timeline, figures
//! and the entities most often mentioned with it).

use serde::Serialize;
use tera::Context;

use crate::content::date::PartialDate;
use crate::content::front_matter::PlaceKind;

use super::super::chart::series::{self, DatedFigure};
use super::super::chart::ChartView;
use super::super::context::{
    kind_label, kind_name, EventView, FigureView, LinkView, PageKind, PageMeta, Views,
};
use super::super::display::briefings;
use super::super::plan::{articles_index, entity_slug, has_page, page_count, paged_url, Section};
use super::super::shared::{entity_figures, Sidebar};
use super::super::structured;
use super::Renderer;

/// An entity as its page shows it.
#[derive(Debug, Serialize)]
struct EntityView<'a> {
    slug: &'a str,
    name: &'a str,
    section: &'static str,
    kind: Option<&'static str>,
    /// The country's name from the place registry, never its code.
    country: Option<&'a str>,
    aliases: Vec<AliasView<'a>>,
    keywords: Vec<AliasView<'a>>,
    website: Option<&'a str>,
    /// For an organization ingest added and no person confirmed yet: the
    /// sentence it was found in, so the page can say it is unreviewed.
    generated: Option<&'a str>,
    /// The description as HTML: the same on each of the entity's pages,
    /// made once ([`super::SharedValues::description`]).
    description: tera::Value,
    url: String,
    article_count: usize,
}

/// A name the entity is also written as, or a topic keyword; Korean ones
/// are marked `lang="ko"`.
#[derive(Debug, Serialize)]
struct AliasView<'a> {
    text: &'a str,
    lang: Option<&'static str>,
}

impl<'a> AliasView<'a> {
    fn new(text: &'a str) -> AliasView<'a> {
        let hangul = text.chars().any(crate::markdown::is_hangul);
        AliasView {
            text,
            lang: hangul.then_some("ko"),
        }
    }
}

/// A country's name from the place registry (`kind: country`).
fn country_name<'a>(library: &'a crate::content::library::Library, code: &str) -> Option<&'a str> {
    library
        .places
        .iter()
        .find(|p| p.front.kind == PlaceKind::Country && p.front.country.as_deref() == Some(code))
        .map(|p| p.front.name.as_str())
}

impl<'a> Renderer<'a> {
    pub(super) fn section_index(&self, section: Section, context: &mut Context) -> PageMeta {
        let library = self.library;
        let (title, description, groups) = match section {
            Section::Topics => {
                let items = library
                    .topics
                    .iter()
                    .filter_map(|t| self.entity_item(section, &t.slug, &t.front.name))
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
                    let Some(item) = self.entity_item(section, &org.slug, &org.front.name) else {
                        continue;
                    };
                    let label = kind_label(org.front.kind).to_string();
                    if groups.last().is_none_or(|(l, _)| *l != label) {
                        groups.push((label, Vec::new()));
                    }
                    groups.last_mut().expect("just pushed").1.push(item);
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
                    .filter_map(|p| self.entity_item(section, &p.slug, &p.front.name))
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
            PageKind::Section,
            None,
        )
    }

    /// An index entry: only for an entity with a page.
    fn entity_item(
        &self,
        section: Section,
        slug: &'a str,
        name: &'a str,
    ) -> Option<(LinkView<'a>, usize)> {
        if !has_page(self.library, section, slug) {
            return None;
        }
        let count = articles_index(self.library, section)
            .get(slug)
            .map_or(0, Vec::len);
        let url = Some(format!(
            "{}{}/{}/",
            self.views.base,
            section.segment(),
            slug
        ));
        Some((LinkView { slug, name, url }, count))
    }

    pub(super) fn entity(
        &self,
        section: Section,
        i: usize,
        n: usize,
        context: &mut Context,
    ) -> Result<PageMeta, tera::Error> {
        let library = self.library;
        let slug = entity_slug(library, section, i);
        let indexes: &[usize] = articles_index(self.library, section)
            .get(slug)
            .map_or(&[], Vec::as_slice);
        let view = self.entity_view(section, i, indexes.len());
        let per_page = library.config.items_per_page;
        let total = page_count(indexes.len(), per_page);
        let start = ((n - 1) * per_page).min(indexes.len());
        let end = (start + per_page).min(indexes.len());
        context.insert(
            "articles",
            &self.cards(indexes[start..end].iter().copied())?,
        );
        context.insert_value("pagination", self.pagination(&view.url, n, total));
        self.entity_sidebar(indexes, section, (slug, view.name), n == 1, context);
        let feed = (section != Section::Places).then(|| format!("{}atom.xml", view.url));
        let title = if n == 1 {
            view.name.to_string()
        } else {
            format!("{}, page {n}", view.name)
        };
        let description = format!(
            "{}: {}, their timeline, figures and related entities.",
            view.name,
            briefings(indexes.len())
        );
        let path = paged_url(&format!("{}/{}/", section.segment(), slug), n);
        let mut meta = self.meta(&title, &description, &path, PageKind::Entity, feed);
        let kind = match section {
            Section::Organizations => Some("Organization"),
            Section::Places => Some("Place"),
            Section::Topics => None,
        };
        if let Some(kind) = kind {
            let aliases: Vec<String> = view.aliases.iter().map(|a| a.text.to_string()).collect();
            let permalink = format!("{}{}/{slug}/", self.site.base_url, section.segment());
            meta.structured_data.insert(
                0,
                structured::entity(kind, view.name, &aliases, &permalink, view.website),
            );
        }
        context.insert("entity", &view);
        Ok(meta)
    }

    /// Timeline, figures and co-mentions of an entity: on its first page
    /// only, so deep pages of a popular entity stay cheap.
    fn entity_sidebar(
        &self,
        indexes: &[usize],
        section: Section,
        (slug, name): (&str, &str),
        full: bool,
        context: &mut Context,
    ) {
        let library = self.library;
        let indexes = if full { indexes } else { &[] };
        let mentions = &self.values.mentions;
        let sidebar = Sidebar::of(
            library,
            mentions,
            &self.views.lookup,
            indexes,
            section,
            slug,
        );
        let events: Vec<EventView<'_>> = sidebar.events.iter().map(|e| self.event(e)).collect();
        context.insert("events", &events);
        let figures: Vec<FigureView<'_>> = sidebar
            .figures
            .iter()
            .map(|&(a, f)| self.views.figure(&library.articles[a], f, true))
            .collect();
        context.insert("figures", &figures);
        context.insert(
            "charts",
            &entity_charts(&self.views, section, (slug, name), indexes),
        );
        let views = &self.views;
        let org_links: Vec<(tera::Value, usize)> = sidebar
            .organizations
            .into_iter()
            .filter_map(|(s, c)| Some((views.link_value(Section::Organizations, s)?, c)))
            .collect();
        let topic_links: Vec<(tera::Value, usize)> = sidebar
            .topics
            .into_iter()
            .filter_map(|(s, c)| Some((views.link_value(Section::Topics, s)?, c)))
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
                    Some(kind_name(f.kind)),
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
            country: country.and_then(|code| country_name(library, code)),
            aliases: aliases.iter().map(|a| AliasView::new(a)).collect(),
            keywords: keywords.iter().map(|k| AliasView::new(k)).collect(),
            website,
            generated: match section {
                Section::Organizations => library.organizations[i]
                    .front
                    .generated
                    .as_ref()
                    .map(|g| g.quote.as_str()),
                _ => None,
            },
            description: self.values.description(section, i, || {
                crate::markdown::plain(body, library.config.unsafe_html)
            }),
            url: format!("{base}{}/{slug}/", section.segment()),
            article_count,
        }
    }
}

/// Pictures of an entity's first page: its briefings per year or month;
/// on topic and organization pages, its figures of one unit over time.
/// Serve compares them before and after an edit to know whether the page
/// changed.
pub(crate) fn entity_charts(
    views: &Views<'_>,
    section: Section,
    (slug, name): (&str, &str),
    indexes: &[usize],
) -> Vec<ChartView> {
    let library = views.library;
    let dates: Vec<_> = indexes
        .iter()
        .filter_map(|&a| library.articles[a].front.date)
        .collect();
    let mut charts: Vec<ChartView> = series::briefings_over_time(&dates, name)
        .map(|s| s.draw())
        .into_iter()
        .collect();
    if section == Section::Places {
        return charts;
    }
    let figures: Vec<DatedFigure> = entity_figures(library, indexes, section, slug)
        .filter_map(|(a, f)| {
            let article = &library.articles[a];
            let figure = &article.front.figures[f];
            let own = figure.year_target.map(PartialDate::y);
            let view = views.figure(article, f, true);
            let source = view.article.as_ref().expect("linked");
            Some(DatedFigure {
                when: own.or(article.front.date)?,
                own_year: own.is_some(),
                year_word: view.year_word,
                unit: figure.unit.clone(),
                value: figure.value,
                display: match view.qualifier {
                    Some(q) => format!("{q} {}", view.display),
                    None => view.display.clone(),
                },
                source: (
                    source.title.to_string(),
                    format!("{}#{}", source.url, view.id),
                ),
            })
        })
        .collect();
    charts.extend(series::figures_over_time(&figures, name).map(|s| s.draw()));
    charts
}
