//! Serve stage, what an article edit touches: old library + new articles →
//! new library + the page jobs whose output may differ.
//!
//! The rule, page by page (see `render/pages.rs` for what each shows):
//!
//! - Only the body changed: the pages its body shows on
//!   (`render::depends::body_pages`).
//! - Front matter or slug changed: also home, section indexes, sitemap, the
//!   timeline years of its events, the feeds and the changed pages of each
//!   entity it names before or after the edit (`render::depends`), the
//!   article list pages whose order changed, and the other articles whose
//!   "related" list changed or shows it.
//! - An article added or removed: everything, since every page's footer
//!   counts the articles.
//!
//! The serve tests check the result against a full render after each edit.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;

use crate::content::article::Article;
use crate::content::library::{Library, LoadOptions};
use crate::render::pages::related;
use crate::render::plan::{articles_index, PageJob, Section};

use crate::render::depends::{body_pages, EntityState};

/// The jobs to re-render.
#[derive(Debug, Default)]
pub(crate) struct JobSet {
    /// Every job.
    pub all: bool,
    /// Every HTML job.
    pub all_html: bool,
    /// Every job rendered through one of these templates.
    pub templates: HashSet<&'static str>,
    /// The timeline overview and every year.
    pub timeline: bool,
    /// Every page and the feed of these entities (index into the registry).
    pub entities: HashSet<(Section, usize)>,
    /// Single jobs.
    pub jobs: HashSet<PageJob>,
    /// Years whose events an edit touched: their timeline pages and the
    /// overview are re-rendered (all of them when the list of years or
    /// their counts changed, which the caller decides).
    pub touched_years: BTreeSet<i32>,
}

impl JobSet {
    /// Whether `job` is in the set.
    pub(crate) fn wants(&self, job: &PageJob) -> bool {
        self.all
            || self.jobs.contains(job)
            || job
                .template()
                .is_some_and(|t| self.all_html || self.templates.contains(t))
            || match job {
                PageJob::Timeline | PageJob::TimelineYear(_) => self.timeline,
                PageJob::Entity(s, i, _) | PageJob::EntityFeed(s, i) => {
                    self.entities.contains(&(*s, *i))
                }
                _ => false,
            }
    }
}

/// An entity an article names: section and slug.
type Key = (Section, String);

/// Replace articles (`None`: deleted) in `library` and say which jobs to
/// re-render. Slugs of the new articles are unique (checked by the caller).
pub(crate) fn replace_articles(
    library: Library,
    replacements: Vec<(PathBuf, Option<Article>)>,
    options: LoadOptions,
    jobs: &mut JobSet,
) -> Library {
    let mut body_only: Vec<String> = Vec::new();
    let mut structural: Vec<(Option<usize>, Option<&Article>)> = Vec::new();
    for (path, new) in &replacements {
        let new = new.as_ref().filter(|a| options.drafts || !a.front.draft);
        let old = library.articles.iter().position(|a| &a.path == path);
        match (old.map(|i| &library.articles[i]), new) {
            (None, None) => {}
            (Some(o), Some(n)) if o.front == n.front && o.slug == n.slug => {
                if o.body != n.body || o.word_count != n.word_count {
                    body_only.push(n.slug.clone());
                }
            }
            _ => structural.push((old, new)),
        }
    }
    if body_only.is_empty() && structural.is_empty() {
        return library;
    }
    let before = (!structural.is_empty()).then(|| Before::capture(&library, &structural));
    let old_count = library.articles.len();
    let library = library.with_articles_replaced(replacements, options);
    if library.articles.len() != old_count {
        jobs.all = true;
        return library;
    }
    let slugs: HashMap<&str, usize> = library
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.slug.as_str(), i))
        .collect();
    for slug in &body_only {
        let i = slugs[slug.as_str()];
        jobs.jobs.extend(body_pages(&library, i));
    }
    if let Some(before) = before {
        before.compare(&library, &slugs, jobs);
    }
    library
}

/// What the structural part of an edit needs from the old library.
struct Before {
    order: Vec<String>,
    entities: HashMap<Key, EntityState>,
    changed: HashSet<String>,
    related: HashMap<String, Vec<String>>,
    years: BTreeSet<i32>,
}

impl Before {
    fn capture(library: &Library, structural: &[(Option<usize>, Option<&Article>)]) -> Before {
        let mut keys = HashSet::new();
        let mut changed = HashSet::new();
        let mut years = BTreeSet::new();
        for (old, new) in structural {
            for article in old.map(|i| &library.articles[i]).into_iter().chain(*new) {
                keys.extend(keys_of(library, article));
                changed.insert(article.slug.clone());
                years.extend(article.front.events.iter().map(|e| e.date.year));
            }
        }
        // Whose related list may change: articles sharing a topic or an
        // organization with an edited article (related ignores places).
        let mut related_before = HashMap::new();
        for (section, slug) in keys.iter().filter(|(s, _)| *s != Section::Places) {
            for &j in articles_index(library, *section)
                .get(slug)
                .into_iter()
                .flatten()
            {
                let slug = &library.articles[j].slug;
                if !related_before.contains_key(slug) {
                    related_before.insert(slug.clone(), related_slugs(library, j));
                }
            }
        }
        let entities = keys
            .into_iter()
            .map(|key| {
                let state = EntityState::capture(library, key.0, &key.1);
                (key, state)
            })
            .collect();
        Before {
            order: library.articles.iter().map(|a| a.slug.clone()).collect(),
            entities,
            changed,
            related: related_before,
            years,
        }
    }

    fn compare(self, library: &Library, slugs: &HashMap<&str, usize>, jobs: &mut JobSet) {
        jobs.jobs.extend([
            PageJob::Home,
            PageJob::SiteFeed,
            PageJob::Sitemap,
            PageJob::SectionIndex(Section::Topics),
            PageJob::SectionIndex(Section::Organizations),
            PageJob::SectionIndex(Section::Places),
        ]);
        jobs.touched_years.extend(&self.years);
        let per_page = library.config.items_per_page.max(1);
        for (key, before) in &self.entities {
            let Some(e) = entity_index(library, key) else {
                continue;
            };
            let after = EntityState::capture(library, key.0, &key.1);
            for page in before.pages_to_render(&after, per_page, &self.changed) {
                jobs.jobs.insert(PageJob::Entity(key.0, e, page));
            }
            if key.0 != Section::Places {
                jobs.jobs.insert(PageJob::EntityFeed(key.0, e));
            }
        }
        for slug in &self.changed {
            if let Some(&i) = slugs.get(slug.as_str()) {
                jobs.jobs.insert(PageJob::Article(i));
            }
        }
        let differ = self
            .order
            .iter()
            .zip(&library.articles)
            .enumerate()
            .filter(|(_, (old, new))| **old != new.slug || self.changed.contains(*old))
            .map(|(i, _)| i);
        for i in differ {
            jobs.jobs.insert(PageJob::ArticleList(i / per_page + 1));
        }
        for (slug, old) in &self.related {
            let Some(&j) = slugs.get(slug.as_str()) else {
                continue;
            };
            let new = related_slugs(library, j);
            if new != *old || new.iter().any(|s| self.changed.contains(s)) {
                jobs.jobs.insert(PageJob::Article(j));
            }
        }
    }
}

fn related_slugs(library: &Library, i: usize) -> Vec<String> {
    related(library, i)
        .into_iter()
        .map(|j| library.articles[j].slug.clone())
        .collect()
}

/// The entities an article is listed under.
fn keys_of(library: &Library, article: &Article) -> Vec<Key> {
    let front = &article.front;
    let topics = front.topics.iter().map(|t| (Section::Topics, t.clone()));
    let orgs = front
        .organizations
        .iter()
        .map(|o| (Section::Organizations, o.clone()));
    let places = front
        .places
        .iter()
        .filter_map(|p| library.place_slug(p))
        .map(|p| (Section::Places, p.to_string()));
    topics.chain(orgs).chain(places).collect()
}

/// Index of an entity in its (slug-sorted) registry.
fn entity_index(library: &Library, (section, slug): &Key) -> Option<usize> {
    match section {
        Section::Topics => library.topics.binary_search_by(|e| e.slug.cmp(slug)),
        Section::Organizations => library.organizations.binary_search_by(|e| e.slug.cmp(slug)),
        Section::Places => library.places.binary_search_by(|e| e.slug.cmp(slug)),
    }
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_set_matches_by_template_entity_and_job() {
        let mut set = JobSet::default();
        assert!(!set.wants(&PageJob::Home));
        set.templates.insert("article.html");
        assert!(set.wants(&PageJob::Article(3)));
        assert!(!set.wants(&PageJob::SiteFeed));
        set.entities.insert((Section::Topics, 2));
        assert!(set.wants(&PageJob::Entity(Section::Topics, 2, 5)));
        assert!(set.wants(&PageJob::EntityFeed(Section::Topics, 2)));
        assert!(!set.wants(&PageJob::Entity(Section::Topics, 1, 1)));
        set.timeline = true;
        assert!(set.wants(&PageJob::TimelineYear(2024)));
        set.all_html = true;
        assert!(set.wants(&PageJob::NotFound));
        assert!(!set.wants(&PageJob::Robots));
    }
}
