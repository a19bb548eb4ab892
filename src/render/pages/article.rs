//! The article page: body, metadata, annotations, related briefings.

use std::cell::RefCell;

use tera::Context;

use super::super::context::{find, ArticleView, LinkView, PageKind, PageMeta, PersonView};
use super::super::display::display_date;
use super::super::structured;
use super::Renderer;
use crate::content::article::Article;
use crate::content::library::{order, Library};
use crate::markdown::RenderedMarkdown;

impl<'a> Renderer<'a> {
    pub(super) fn article(
        &self,
        i: usize,
        body: &RenderedMarkdown,
        context: &mut Context,
    ) -> Result<PageMeta, tera::Error> {
        let views = &self.views;
        let article = &self.library.articles[i];
        let front = &article.front;
        let html = &body.html;
        let view = ArticleView {
            card: views.card(article),
            content: html,
            headings: &body.headings,
            word_count: article.word_count,
            reading_minutes: (article.word_count / 220).max(1),
            title_derived: super::super::context::is_derived(front.title_basis),
            date_reason: front.date_reason.as_deref(),
            other_date: front.other_date.as_ref().map(display_date),
            updated: front.updated.as_ref().map(display_date),
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
            figures: (0..front.figures.len())
                .map(|f| views.figure(article, f, false))
                .collect(),
            events: views.events(article).collect(),
            evidence: front
                .evidence
                .iter()
                .map(|(k, v)| (k, v.as_str()))
                .collect(),
            related: self.cards(related(self.library, i).into_iter())?,
        };
        let description = front.summary.clone().unwrap_or_else(|| excerpt(html, 200));
        let mut meta = self.meta(
            &front.title,
            &description,
            &format!("articles/{}/", article.slug),
            PageKind::Article,
            None,
        );
        meta.published = front.date.map(|d| d.to_string());
        meta.tags = front
            .topics
            .iter()
            .filter_map(|t| views.topic_link(t))
            .map(|t| t.name.to_string())
            .collect();
        let urls = structured::Urls {
            base_url: &self.site.base_url,
            site_title: self.site.title,
            image: &self.site.image,
        };
        meta.structured_data.insert(
            0,
            structured::news_article(self.library, article, &meta.permalink, &urls),
        );
        context.insert("article", &view);
        Ok(meta)
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
}

/// Up to four articles sharing the most topics and organizations with
/// article `i`, looking only at the newest 50 of each shared index (bounded
/// work). Public so serve can tell whose related list an edit changed.
pub(crate) fn related(library: &Library, i: usize) -> Vec<usize> {
    let front = &library.articles[i].front;
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
    // Each candidate once per list it is in: a few hundred numbers,
    // counted in a per-thread tally by article (sorting them to count was
    // 2 % of a build's instructions), set back to zero after.
    thread_local! {
        static TALLY: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
    }
    TALLY.with_borrow_mut(|tally| {
        if tally.len() < library.articles.len() {
            tally.resize(library.articles.len(), 0);
        }
        let mut seen = Vec::new();
        for &j in lists.flat_map(|list| list.iter().take(RELATED_WINDOW)) {
            if j != i {
                if tally[j] == 0 {
                    seen.push(j);
                }
                tally[j] += 1;
            }
        }
        let mut ranked: Vec<(usize, u32)> = seen
            .iter()
            .map(|&j| (j, std::mem::take(&mut tally[j])))
            .filter(|(_, s)| *s >= 2)
            .collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.into_iter().take(4).map(|(j, _)| j).collect()
    })
}

/// How many of the newest articles of each shared list `related` looks at.
const RELATED_WINDOW: usize = 50;

/// The articles whose related list may show article `i` or change with
/// its topics and organizations: every article of each list in whose
/// newest [`RELATED_WINDOW`] it is (an article outside every window is in
/// no related list), without `i`. With `next`, the article's next version,
/// also the lists whose window it is about to enter.
pub(crate) fn related_candidates(
    library: &Library,
    i: usize,
    next: Option<&Article>,
) -> Vec<usize> {
    let articles = &library.articles;
    let mut lists: Vec<&Vec<usize>> = Vec::new();
    for front in std::iter::once(&articles[i].front).chain(next.map(|a| &a.front)) {
        lists.extend(
            front
                .organizations
                .iter()
                .filter_map(|o| library.articles_by_organization.get(o)),
        );
        lists.extend(
            front
                .topics
                .iter()
                .filter_map(|t| library.articles_by_topic.get(t)),
        );
    }
    let enters = |list: &Vec<usize>| {
        let next = next?;
        let last = list.iter().filter(|&&j| j != i).nth(RELATED_WINDOW - 1);
        Some(last.is_none_or(|&j| order(next, &articles[j]).is_lt()))
    };
    let mut candidates: Vec<usize> = lists
        .into_iter()
        .filter(|list| {
            list.iter().take(RELATED_WINDOW).any(|&j| j == i) || enters(list) == Some(true)
        })
        .flatten()
        .copied()
        .filter(|&j| j != i)
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    candidates
}

/// The opening words of a body, as plain text, for a page without a
/// summary: cut at a word boundary, never inventing text.
fn excerpt(html: &str, limit: usize) -> String {
    let mut text = String::with_capacity(limit + 8);
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                if !text.ends_with(' ') {
                    text.push(' ');
                }
            }
            c if !in_tag => text.push(if c.is_whitespace() { ' ' } else { c }),
            _ => {}
        }
        if text.len() > limit * 2 {
            break;
        }
    }
    let text = text
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = String::new();
    for word in words {
        if out.len() + word.len() + 1 > limit {
            out.push('…');
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
