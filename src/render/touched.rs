//! The pages a batch of changed article files touches: what `serve` and
//! an incremental `build` re-render.
//!
//! Takes a library, its shared values and the new version of each changed
//! article file (`None`: the file is gone); swaps them in
//! (`Library::with_articles_replaced`) and finds the pages whose inputs
//! differ by comparing what render says they read (`render::depends`)
//! before and after the swap. A file renamed is its article deleted and
//! another added. Serve runs it on its live library; build on the
//! previous build's library, rebuilt from the current one and the changed
//! articles' previous front matter (`build::reuse`).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;

use crate::content::article::Article;
use crate::content::library::{Library, LoadOptions};
use crate::render::depends::{
    list_readers, moved_lists, readers, related_around, related_slugs, Overview, Parts, Placement,
};
use crate::render::plan::{output_path, PageJob};
use crate::render::shared::Shared;

/// What a batch touches.
#[derive(Debug, Default)]
pub(crate) struct Touched {
    /// Pages to render (of the library after the batch; some may be gone
    /// from its plan).
    pub(crate) jobs: HashSet<PageJob>,
    /// Output paths of articles' own pages that are gone.
    pub(crate) removed: Vec<String>,
    /// The batch may have added or removed pages other than articles'
    /// own (an order, an index or the timeline's years changed): the
    /// caller compares the plans.
    pub(crate) plan_may_change: bool,
}

/// Swap `replacements` into `library` and say which pages that touches;
/// `count_everywhere` as for [`Overview::readers`]. `shared` must be
/// `library`'s; the shared values of the new library come back with it.
pub(crate) fn swap(
    library: Library,
    mut shared: Shared,
    replacements: Vec<(PathBuf, Option<Article>)>,
    load: LoadOptions,
    count_everywhere: bool,
) -> (Library, Shared, Touched) {
    let mut edits = Vec::new();
    let mut removed = Vec::new();
    let mut added = Vec::new();
    for (path, new) in &replacements {
        let new = new.as_ref().filter(|a| load.drafts || !a.front.draft);
        let old = library.article_at(path);
        match (old, new) {
            (None, None) => {}
            (Some(i), Some(new)) if library.articles[i].slug == new.slug => {
                let parts = Parts::between(&library.articles[i], new);
                let path = path.clone();
                edits.push((Edit { path, parts }, i, new));
            }
            (old, new) => {
                removed.extend(old);
                added.extend(new.map(|_| path.clone()));
            }
        }
    }
    let before = Before::capture(&library, &shared, &edits, &removed, !added.is_empty());
    let years = |shared: &Shared| shared.years.iter().map(|y| y.0).collect::<Vec<_>>();
    let years_before = years(&shared);
    let edits: Vec<Edit> = edits.into_iter().map(|(edit, ..)| edit).collect();
    let library = library.with_articles_replaced(replacements, load);
    let at: Vec<usize> = edits
        .iter()
        .map(|e| {
            library
                .article_at(&e.path)
                .expect("an edited article stays")
        })
        .collect();
    let added: Vec<usize> = added
        .iter()
        .filter_map(|path| library.article_at(path))
        .collect();
    let moved = !removed.is_empty() || !added.is_empty();
    let listing = moved || edits.iter().any(|e| e.parts.listing);
    if listing {
        shared = Shared::new(&library);
    } else if edits.iter().any(|e| e.parts.front) {
        shared.replace(&library, &at);
    }
    let now = After {
        library: &library,
        shared: &shared,
        edits: &edits,
        at: &at,
        added: &added,
    };
    let mut touched = Touched {
        plan_may_change: listing || years(&shared) != years_before,
        ..Touched::default()
    };
    now.compare(before, count_everywhere, &mut touched);
    (library, shared, touched)
}

/// The pages that read the plan (the set of every page) when it changed
/// from `old` to `new` (both sorted): the jobs it gained, the paths no job
/// produces any more, and the plan's readers. Articles' own pages are left
/// out: their jobs are indexes, which shift; [`swap`] follows them by slug.
pub(crate) fn plan_changes(
    library: &Library,
    old: &[PageJob],
    new: &[PageJob],
) -> (Vec<PageJob>, Vec<String>) {
    if old == new {
        return (Vec::new(), Vec::new());
    }
    let others = |plan: &[PageJob]| -> HashSet<PageJob> {
        plan.iter()
            .filter(|job| !matches!(job, PageJob::Article(_)))
            .cloned()
            .collect()
    };
    let (old, new) = (others(old), others(new));
    let removed = old
        .difference(&new)
        .map(|job| output_path(library, job))
        .collect();
    let mut jobs: Vec<PageJob> = new.difference(&old).cloned().collect();
    jobs.extend(crate::render::depends::plan_readers());
    (jobs, removed)
}

/// One article edited in place (same file, same slug).
struct Edit {
    path: PathBuf,
    parts: Parts,
}

/// What the pages read before an edit, for comparing after it.
struct Before {
    /// Per edit: where the article sat.
    placements: Vec<Placement>,
    /// Where each removed article sat.
    gone: Vec<Placement>,
    /// The output paths of removed articles' own pages.
    gone_pages: Vec<String>,
    /// Pages (of the old library) that showed the edited parts; articles
    /// by slug, since an edit may move them.
    jobs: Vec<PageJob>,
    articles: Vec<(usize, String)>,
    /// Only when front matter changed: a body shows on no overview.
    overview: Option<Overview>,
    /// Related lists an edit of lists may change, by slug.
    related: HashMap<String, Vec<String>>,
}

impl Before {
    /// Capture for `edits` and the articles at `removed` (which an
    /// article added also changes when `added`).
    fn capture(
        library: &Library,
        shared: &Shared,
        edits: &[(Edit, usize, &Article)],
        removed: &[usize],
        added: bool,
    ) -> Before {
        let mut before = Before {
            placements: Vec::new(),
            gone: Vec::new(),
            gone_pages: Vec::new(),
            jobs: Vec::new(),
            articles: Vec::new(),
            overview: (added || !removed.is_empty() || edits.iter().any(|(e, ..)| e.parts.front))
                .then(|| Overview::of(library, shared)),
            related: HashMap::new(),
        };
        for (edit, i, next) in edits {
            before.placements.push(Placement::of(library, *i));
            before.readers(library, shared, *i, edit.parts);
            if edit.parts.listing {
                before.related.extend(related_around(library, *i, next));
            }
        }
        for &i in removed {
            before.gone.push(Placement::of(library, i));
            before
                .gone_pages
                .push(output_path(library, &PageJob::Article(i)));
            before.readers(library, shared, i, Parts::ALL);
            let article = &library.articles[i];
            before.related.extend(related_around(library, i, article));
        }
        before
    }

    /// Note the pages showing `parts` of article `i`.
    fn readers(&mut self, library: &Library, shared: &Shared, i: usize, parts: Parts) {
        for job in readers(library, shared, i, parts) {
            match job {
                PageJob::Article(j) => {
                    self.articles.push((j, library.articles[j].slug.clone()));
                }
                job => self.jobs.push(job),
            }
        }
    }
}

/// The library after a batch, and where its changed articles are now.
struct After<'a> {
    library: &'a Library,
    shared: &'a Shared,
    edits: &'a [Edit],
    /// Where each edited article is now.
    at: &'a [usize],
    /// Where each added article is.
    added: &'a [usize],
}

impl After<'_> {
    /// Add to `touched` the pages whose inputs differ between `before`
    /// and the library after the batch.
    fn compare(&self, before: Before, count_everywhere: bool, touched: &mut Touched) {
        let library = self.library;
        let jobs = &mut touched.jobs;
        // Articles are found again by slug only when the batch may have
        // moved them; otherwise every article kept its index.
        let moved = !self.added.is_empty()
            || !before.gone.is_empty()
            || self.edits.iter().any(|e| e.parts.listing);
        let find = |old: usize, slug: &str| {
            if moved {
                library.article_with_slug(slug)
            } else {
                Some(old)
            }
        };
        jobs.extend(before.jobs);
        jobs.extend(
            before
                .articles
                .iter()
                .filter_map(|(old, slug)| find(*old, slug))
                .map(PageJob::Article),
        );
        let now = |i| Placement::of(library, i);
        for ((edit, &i), placement) in self.edits.iter().zip(self.at).zip(&before.placements) {
            jobs.extend(readers(library, self.shared, i, edit.parts));
            for (list, range) in placement.changed_lists(&now(i)) {
                jobs.extend(list_readers(library, list, range));
            }
        }
        for &j in self.added {
            jobs.extend(readers(library, self.shared, j, Parts::ALL));
        }
        let come: Vec<Placement> = self.added.iter().map(|&j| now(j)).collect();
        for (list, range) in moved_lists(&before.gone, &come) {
            jobs.extend(list_readers(library, list, range));
        }
        let live: BTreeSet<String> = self
            .added
            .iter()
            .map(|&j| output_path(library, &PageJob::Article(j)))
            .collect();
        touched.removed.extend(
            before
                .gone_pages
                .into_iter()
                .filter(|path| !live.contains(path)),
        );
        if let Some(overview) = &before.overview {
            let after = Overview::of(library, self.shared);
            jobs.extend(overview.readers(&after, library, count_everywhere));
        }
        for (slug, old) in &before.related {
            if let Some(j) = library.article_with_slug(slug) {
                if related_slugs(library, j) != *old {
                    jobs.insert(PageJob::Article(j));
                }
            }
        }
    }
}
