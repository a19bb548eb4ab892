//! Edited, added, deleted and renamed articles: re-read alone, checked,
//! swapped into the library, and the pages whose inputs differ found by
//! comparing what render says they read (`render::depends`) before and
//! after the swap. A file renamed is its article deleted and another added.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use super::{Failing, JobSet, Session};
use crate::build::Site;
use crate::content::article::Article;
use crate::content::library::Library;
use crate::content::source::read_source;
use crate::render::depends::{
    list_readers, moved_lists, readers, related_around, related_slugs, Overview, Parts, Placement,
};
use crate::render::plan::{output_path, PageJob};
use crate::render::shared::Shared;

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

impl Session {
    pub(super) fn update_articles(&mut self, paths: &BTreeSet<PathBuf>, jobs: &mut JobSet) {
        let site = self.site.take().expect("loaded before incremental work");
        let replacements = self.read_articles(&site, paths);
        let Site {
            library,
            templates,
            mut shared,
        } = site;
        let mut edits = Vec::new();
        let mut removed = Vec::new();
        let mut added = Vec::new();
        for (path, new) in &replacements {
            let new = new.as_ref().filter(|a| self.load.drafts || !a.front.draft);
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
        let library = library.with_articles_replaced(replacements, self.load);
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
        now.compare(before, jobs);
        if listing || years(&shared) != years_before {
            self.update_plan(&library, &shared, jobs);
        }
        self.site = Some(Site {
            shared,
            library,
            templates,
        });
    }

    /// Parse each changed article; `None` for a deleted one. Failures are
    /// recorded and leave the last good version in the library.
    pub(super) fn read_articles(
        &mut self,
        site: &Site,
        paths: &BTreeSet<PathBuf>,
    ) -> Vec<(PathBuf, Option<Article>)> {
        let markdown = self.markdown.as_ref().expect("built with the site");
        let mut changed = Vec::new();
        let mut unreadable = Vec::new();
        for path in paths {
            if std::fs::metadata(self.root.join(path)).is_err() {
                changed.push((path.clone(), None));
                continue;
            }
            match read_source(&self.root, path) {
                Ok(source) => changed.push((path.clone(), Some(source))),
                Err(diagnostic) => unreadable.push((path.clone(), vec![diagnostic])),
            }
        }
        let validated = site.library.validate_changes(changed, markdown);
        for path in paths {
            self.errors.remove(&Failing::Article(path.clone()));
        }
        let failed = unreadable.into_iter().chain(validated.refused);
        self.errors
            .extend(failed.map(|(path, found)| (Failing::Article(path), found)));
        validated.articles
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
    /// Add to `jobs` the pages whose inputs differ between `before` and
    /// the library after the batch.
    fn compare(&self, before: Before, jobs: &mut JobSet) {
        let library = self.library;
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
        jobs.jobs.extend(before.jobs);
        jobs.jobs.extend(
            before
                .articles
                .iter()
                .filter_map(|(old, slug)| find(*old, slug))
                .map(PageJob::Article),
        );
        let now = |i| Placement::of(library, i);
        for ((edit, &i), placement) in self.edits.iter().zip(self.at).zip(&before.placements) {
            jobs.jobs
                .extend(readers(library, self.shared, i, edit.parts));
            for (list, range) in placement.changed_lists(&now(i)) {
                jobs.jobs.extend(list_readers(library, list, range));
            }
        }
        for &j in self.added {
            jobs.jobs
                .extend(readers(library, self.shared, j, Parts::ALL));
        }
        let come: Vec<Placement> = self.added.iter().map(|&j| now(j)).collect();
        for (list, range) in moved_lists(&before.gone, &come) {
            jobs.jobs.extend(list_readers(library, list, range));
        }
        let live: BTreeSet<String> = self
            .added
            .iter()
            .map(|&j| output_path(library, &PageJob::Article(j)))
            .collect();
        jobs.removed.extend(
            before
                .gone_pages
                .into_iter()
                .filter(|path| !live.contains(path)),
        );
        if let Some(overview) = &before.overview {
            jobs.jobs
                .extend(overview.readers(&Overview::of(library, self.shared), library));
        }
        for (slug, old) in &before.related {
            if let Some(j) = library.article_with_slug(slug) {
                if related_slugs(library, j) != *old {
                    jobs.jobs.insert(PageJob::Article(j));
                }
            }
        }
    }
}
