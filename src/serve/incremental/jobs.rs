//! The jobs a batch of changes wants ([`JobSet`]) rendered: each page
//! goes to the store as it renders and replaces the one served when its
//! bytes differ; outputs no job produces any more are dropped. Gives back
//! the paths that changed and what the render did ([`Rendered`]).

use std::collections::HashSet;
use std::sync::Arc;

use super::index::IndexFiles;
use super::{Failing, Session};
use crate::build;
use crate::content::library::Library;
use crate::diag::Diagnostic;
use crate::output::RenderedPage;
use crate::render;
use crate::render::plan::PageJob;
use crate::render::shared::Shared;
use crate::serve::snapshot::Entry;

/// What one render did: jobs rendered, bodies rendered from their
/// Markdown for them, and whether it made the search index too.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Rendered {
    pub(super) jobs: usize,
    pub(super) bodies: usize,
    pub(super) indexed: bool,
}

/// The jobs to re-render.
#[derive(Debug, Default)]
pub(crate) struct JobSet {
    /// Every job.
    pub all: bool,
    /// Every HTML job.
    pub all_html: bool,
    /// Every job rendered through one of these templates.
    pub templates: HashSet<&'static str>,
    /// Single jobs (any that the plan no longer has are skipped).
    pub jobs: HashSet<PageJob>,
    /// Output paths no job produces any more.
    pub removed: Vec<String>,
}

impl JobSet {
    /// Whether `job` is in the set.
    pub(crate) fn wants(&self, job: &PageJob) -> bool {
        self.all
            || self.jobs.contains(job)
            || job
                .template()
                .is_some_and(|t| self.all_html || self.templates.contains(t))
    }
}

impl Session {
    /// Make the plan again after an edit that may add or remove pages;
    /// new pages are rendered, vanished ones removed, and the pages that
    /// read the plan re-rendered.
    pub(super) fn update_plan(&mut self, library: &Library, shared: &Shared, jobs: &mut JobSet) {
        let mut plan = render::full_plan(library, shared);
        plan.sort_unstable();
        let (new, removed) = render::touched::plan_changes(library, &self.plan, &plan);
        jobs.jobs.extend(new);
        jobs.removed.extend(removed);
        self.plan = plan;
    }

    /// Render the jobs `jobs` wants and drop the outputs no job produces
    /// any more, each article body that `bodies` holds taken from it;
    /// with `index`, make the search index from the bodies meanwhile.
    /// Pushes what changed.
    pub(super) fn render_jobs(
        &mut self,
        jobs: &JobSet,
        changed: &mut Vec<String>,
        bodies: Option<build::Bodies>,
        index: bool,
    ) -> Rendered {
        let Some(site) = &self.site else {
            return Rendered::default();
        };
        let todo: Vec<PageJob> = if jobs.all {
            self.plan = render::full_plan(&site.library, &site.shared);
            self.plan.sort_unstable();
            self.plan.clone()
        } else if jobs.all_html || !jobs.templates.is_empty() {
            self.plan
                .iter()
                .filter(|j| jobs.wants(j))
                .cloned()
                .collect()
        } else {
            let mut todo: Vec<PageJob> = jobs
                .jobs
                .iter()
                .filter(|j| self.plan.binary_search(j).is_ok())
                .cloned()
                .collect();
            todo.sort_unstable();
            todo
        };
        // Each page goes to the store as it is rendered: none is held
        // beyond its entry (path, validator, where its bytes are).
        let store = self.store.as_ref();
        // Search is indexed apart (`update_index`) unless `index`: then
        // each body's words go to it as a build's do, and its result
        // file here.
        let feed = if index {
            self.search.feed(&site.library)
        } else {
            None
        };
        let docs = IndexFiles::new(store);
        let put = |path: &str, contents: &[u8]| {
            docs.put(path, contents.to_vec());
            Ok(())
        };
        let used = build::Used::new(bodies, &site.library, feed.as_ref(), &put);
        let rendered = render::render_with(
            &site.library,
            &site.templates,
            &site.shared,
            &todo,
            &self.render,
            |page| {
                let entry = Entry::stored(&page.path, page.contents, store);
                (page.path, entry)
            },
            Some(&used),
        );
        let bodies = used.rendered_from_files();
        // Putting never fails: nothing to report.
        let _ = used.finish();
        // Made even when a page failed: the feed holds the vocabulary.
        let update = feed.map(|feed| {
            let put = |file: RenderedPage| {
                docs.put(&file.path, file.contents);
                Ok::<(), Diagnostic>(())
            };
            let gone = self.search.update_fed(&site.library, Some(feed), put);
            gone.map(|gone| gone.map(|gone| (docs.into_made(), gone)))
        });
        let indexed = update.is_some();
        if let Some(update) = update {
            self.index_stale = false;
            self.take_index(update);
        }
        let pages = match rendered {
            Ok(pages) => pages,
            Err(diagnostics) => {
                self.errors.insert(Failing::Render, diagnostics);
                // What failed must be rendered again once it can be.
                self.stale_render = true;
                return Rendered {
                    jobs: 0,
                    bodies,
                    indexed,
                };
            }
        };
        self.errors.remove(&Failing::Render);
        self.stale_render = false;
        if jobs.all {
            let live: HashSet<&str> = pages.iter().map(|(path, _)| path.as_str()).collect();
            let gone: Vec<String> = self
                .pages
                .iter()
                .filter(|(path, _)| !live.contains(path.as_str()))
                .map(|(path, _)| path.clone())
                .collect();
            for path in gone {
                self.pages.remove(&path);
                changed.push(path);
            }
        }
        for path in &jobs.removed {
            if self.pages.remove(path) {
                changed.push(path.clone());
            }
        }
        for (path, entry) in pages {
            if self.pages.get(&path).is_none_or(|old| **old != entry) {
                changed.push(path.clone());
                self.pages.insert(path, Arc::new(entry));
            }
        }
        Rendered {
            jobs: todo.len(),
            bodies,
            indexed,
        }
    }
}
