//! A rebuild after article edits, adds, deletes and renames alone: the
//! pages they touch, by serve's rule (`render::touched`).
//!
//! Takes the site as loaded now and the article files changed since the
//! last build (`reuse::changed_articles`) with their front matter then
//! (`reuse::previous_fronts`); rebuilds the previous library from them
//! (each changed article's old front matter over its current body: pages
//! other than its own show front matter only), swaps the current versions
//! back in through `render::touched::swap`, and gives back the site and
//! the pages to render. A body-only edit leaves the library as it is and
//! renders the pages its body shows on (`render::depends::body_pages`).

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use super::reuse::{Changed, Digest};
use super::Site;
use crate::content::article::Article;
use crate::content::front_matter::split;
use crate::content::library::LoadOptions;
use crate::content::source::read_source;
use crate::render::plan::PageJob;
use crate::render::shared::Shared;
use crate::render::{self, touched};

/// The site (with the same library, swapped back) and the pages the
/// changes touch; the site unchanged in `Err` when the previous library
/// cannot be rebuilt (a file unreadable now, an old version that no
/// longer validates): then everything is rendered.
pub(super) fn touched(
    site: Site,
    root: &std::path::Path,
    load: LoadOptions,
    changed: &[Changed],
    fronts: &HashMap<Digest, String>,
) -> Result<(Site, HashSet<PageJob>), Site> {
    let mut old_texts = Vec::new();
    let mut bodies = Vec::new();
    for change in changed {
        let text = match change.now {
            true => match read_source(root, &change.path) {
                Ok(text) => Some(text),
                Err(_) => return Err(site),
            },
            false => None,
        };
        let body = match &text {
            Some(text) => match split(text) {
                Ok(parts) => parts.body,
                Err(_) => return Err(site),
            },
            None => "",
        };
        let front = change.front_before.map(|digest| &fronts[&digest]);
        match (front, &text) {
            // The same front matter: only the body changed.
            (Some(front), Some(text)) if **front == text[..text.len() - body.len()] => {
                bodies.push(change.path.clone());
            }
            (front, _) => {
                let old = front.map(|front| format!("{front}{body}").into());
                old_texts.push((change.path.clone(), old));
            }
        }
    }
    let olds = site.library.validate_changes(old_texts);
    if !olds.refused.is_empty() {
        return Err(site);
    }
    let Site {
        library,
        templates,
        shared,
    } = site;
    // The current versions, taken before the old ones replace them.
    let news: Vec<(PathBuf, Option<Article>)> = olds
        .articles
        .iter()
        .map(|(path, _)| {
            let now = library
                .article_at(path)
                .map(|i| library.articles[i].clone());
            (path.clone(), now)
        })
        .collect();
    let mut jobs = HashSet::new();
    let (library, shared) = if news.is_empty() {
        (library, shared)
    } else {
        let library = library.with_articles_replaced(olds.articles, load);
        let shared_before = Shared::new(&library);
        let mut plan_before = render::full_plan(&library, &shared_before);
        plan_before.sort_unstable();
        let everywhere = templates.count_on_every_page();
        let (library, shared, touched) =
            touched::swap(library, shared_before, news, load, everywhere);
        jobs.extend(touched.jobs);
        if touched.plan_may_change {
            let mut plan = render::full_plan(&library, &shared);
            plan.sort_unstable();
            jobs.extend(touched::plan_changes(&library, &plan_before, &plan).0);
        }
        (library, shared)
    };
    for path in &bodies {
        if let Some(i) = library.article_at(path) {
            jobs.extend(render::depends::body_pages(&library, &shared, i));
        }
    }
    let site = Site {
        library,
        templates,
        shared,
    };
    Ok((site, jobs))
}
