//! The article page: body, metadata, annotations, related briefings.

use std::cell::RefCell;

use tera::Context;

use super::super::context::{ArticleView, PageKind, PageMeta, PersonView, CARD_HTML};
use super::super::display::display_date;
use super::super::merged::{Merged, StructOf};
use super::super::plan::Section;
use super::super::structured;
use super::excerpt::excerpt;
use super::Renderer;
use crate::content::article::Article;
use crate::content::library::{order, Library};
use crate::markdown::RenderedMarkdown;

/// Fields of an article page's `article` key: its [`ArticleCard`]'s and
/// its [`ArticleView`]'s (room reserved for them; a hint).
///
/// [`ArticleCard`]: super::super::context::ArticleCard
const ARTICLE_FIELDS: usize = 29;

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
                .filter_map(|o| views.link_value(Section::Organizations, o))
                .collect(),
            places: front.places.iter().map(|p| views.place_value(p)).collect(),
            people: front
                .people
                .iter()
                .map(|p| PersonView {
                    name: &p.name,
                    role: p.role.as_deref(),
                    organization: p
                        .organization
                        .as_deref()
                        .and_then(|o| views.link_value(Section::Organizations, o)),
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
            &["articles/", &article.slug, "/"].concat(),
            PageKind::Article,
            None,
        );
        meta.published = front.date.map(|d| d.to_string());
        let topics = &self.library.topics;
        meta.tags = (front.topics.iter())
            .filter_map(|t| views.lookup.position(Section::Topics, t))
            .map(|at| topics[at].front.name.clone())
            .collect();
        let block = structured::news_article(
            article,
            &meta.permalink,
            &super::structured_urls(&self.site),
            &self.values.things,
            &views.lookup,
        );
        meta.structured_data.insert(0, block);
        // The card's fields, from the card value the article's lists
        // show, and the page's, in one map.
        let card = self.cards(std::iter::once(i))?;
        let merged = Merged {
            first: &StructOf {
                value: &card[0],
                without: CARD_HTML,
            },
            second: &view,
            capacity: ARTICLE_FIELDS,
        };
        context.insert("article", &merged);
        Ok(meta)
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
    // 2 % of a build's instructions), set back to zero after; the
    // candidates seen go in a per-thread list too.
    thread_local! {
        static SCRATCH: RefCell<(Vec<u32>, Vec<usize>)> =
            const { RefCell::new((Vec::new(), Vec::new())) };
    }
    SCRATCH.with_borrow_mut(|(tally, seen)| {
        if tally.len() < library.articles.len() {
            tally.resize(library.articles.len(), 0);
        }
        seen.clear();
        // The article itself is counted too (it is in its own lists) and
        // left out after: one test a candidate instead of one a mention.
        for list in lists {
            for &j in &list[..list.len().min(RELATED_WINDOW)] {
                let count = &mut tally[j];
                if *count == 0 {
                    seen.push(j);
                }
                *count += 1;
            }
        }
        let shared = seen
            .iter()
            .map(|&j| (j, std::mem::take(&mut tally[j])))
            .filter(|&(j, s)| s >= 2 && j != i);
        top(shared, RELATED)
    })
}

/// How many related briefings an article page shows.
const RELATED: usize = 4;

/// The first `n` of `(article, score)` by score, highest first, then by
/// article: kept in a short sorted list as they come (sorting every
/// candidate cost as much as counting them). Once `n` are kept, most
/// candidates rank below the last of them: one comparison turns them away.
fn top(scored: impl Iterator<Item = (usize, u32)>, n: usize) -> Vec<usize> {
    let mut best: Vec<(usize, u32)> = Vec::with_capacity(n + 1);
    let ahead = |(k, t): (usize, u32), (j, s): (usize, u32)| t > s || (t == s && k < j);
    for candidate in scored {
        if best.len() == n && best.last().is_none_or(|&last| ahead(last, candidate)) {
            continue;
        }
        let at = best.partition_point(|&kept| ahead(kept, candidate));
        best.insert(at, candidate);
        best.truncate(n);
    }
    best.into_iter().map(|(j, _)| j).collect()
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

#[cfg(test)]
mod tests {
    /// Related articles as the rule says, counted the plain way: each
    /// other article by the lists (newest [`super::RELATED_WINDOW`] of
    /// each) it shares with article `i`, two or more, the most first.
    fn related_plainly(library: &crate::content::library::Library, i: usize) -> Vec<usize> {
        let front = &library.articles[i].front;
        let lists = (front.organizations.iter())
            .filter_map(|o| library.articles_by_organization.get(o))
            .chain((front.topics.iter()).filter_map(|t| library.articles_by_topic.get(t)));
        let mut counts = vec![0u32; library.articles.len()];
        for list in lists {
            for &j in list.iter().take(super::RELATED_WINDOW) {
                counts[j] += 1;
            }
        }
        let mut scored: Vec<(usize, u32)> = (counts.into_iter().enumerate())
            .filter(|&(j, s)| j != i && s >= 2)
            .collect();
        scored.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        scored
            .into_iter()
            .take(super::RELATED)
            .map(|(j, _)| j)
            .collect()
    }

    #[test]
    fn related_articles_are_the_plainly_counted_ones_never_the_article_itself() {
        let library = crate::search::records::tests::fixture();
        let mut shown = 0;
        for i in 0..library.articles.len() {
            let related = super::related(&library, i);
            assert!(!related.contains(&i));
            assert_eq!(related, related_plainly(&library, i), "article {i}");
            shown += related.len();
        }
        assert!(shown > 0, "the fixture relates some articles");
    }

    proptest::proptest! {
        #[test]
        fn the_top_are_the_first_of_the_sorted(
            scores in proptest::collection::vec(0u32..6, 0..60),
            n in 0usize..6,
        ) {
            // Each article once, in any order: as the tally gives them.
            let scored: Vec<(usize, u32)> = scores.iter().copied().enumerate().rev().collect();
            let mut sorted = scored.clone();
            sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let expected: Vec<usize> = sorted.into_iter().take(n).map(|(j, _)| j).collect();
            proptest::prop_assert_eq!(super::top(scored.into_iter(), n), expected);
        }
    }
}
