//! Serve stage, rebuilding what changed: batches of [`Change`]s → a new
//! in-memory site.
//!
//! Keeps the loaded site (library, templates) and its rendered files between
//! rebuilds. An edited article is re-read alone and swapped into the library
//! (`Library::with_articles_replaced`), and so is an added, deleted or
//! renamed one; a template change reloads the
//! templates and re-renders the pages that use it; a static file is re-read
//! alone; a registry entry or plain page rebuilds the library from the
//! content files through the same validation a build runs (config,
//! templates and static files kept) and re-renders every page; the config
//! or the theme re-reads the whole site.
//! A failing file leaves its last good version in place and its diagnostics
//! on record until it is fixed, so the last good site keeps being served.

mod articles;
mod index;

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::snapshot::{Entry, Files, Pages, Snapshot};
use super::statics;
use super::store::Store;
use super::watch::Change;
use crate::build::{self, Site};
use crate::content::library::{Library, LoadOptions};
use crate::diag::{self, Diagnostic};
use crate::output::RenderedPage;
use crate::render::plan::{page_template, PageJob};
use crate::render::shared::Shared;
use crate::render::templates::Templates;
use crate::render::{self, RenderOptions};
use index::IndexFiles;

/// What a recorded failure belongs to; each is cleared when that part
/// loads or renders again.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Failing {
    /// The whole site did not load (config, registries, pages, or an
    /// article during a full load).
    Site,
    /// The templates did not load.
    Templates,
    /// Rendering failed.
    Render,
    /// One edited article, relative to the root.
    Article(PathBuf),
}

/// What one rebuild did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Output paths whose bytes changed, appeared or vanished, sorted.
    pub changed: Vec<String>,
    /// Only stylesheets changed.
    pub css_only: bool,
    /// Jobs rendered.
    pub rendered: usize,
    /// Article bodies rendered from their Markdown for those jobs; the
    /// others came from the build's cache (`build::cached`).
    pub bodies: usize,
    /// Every problem the site has now; empty when it builds.
    pub diagnostics: Vec<Diagnostic>,
}

impl Outcome {
    /// Whether the site builds.
    pub fn ok(&self) -> bool {
        self.diagnostics.is_empty()
    }
}

/// What one render did: jobs rendered, bodies rendered from their
/// Markdown for them, and whether it made the search index too.
#[derive(Debug, Default, Clone, Copy)]
struct Rendered {
    jobs: usize,
    bodies: usize,
    indexed: bool,
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

/// The live preview state of one site.
pub struct Session {
    root: PathBuf,
    render: RenderOptions,
    load: LoadOptions,
    site: Option<Site>,
    /// Every job of the site as it is now, sorted.
    plan: Vec<PageJob>,
    pages: Pages,
    statics: Arc<Files>,
    /// The search index, behind the pages: see [`Session::update_index`].
    index: Arc<Files>,
    /// What the index keeps between updates.
    search: crate::search::Kept,
    /// The library changed since the index was made.
    index_stale: bool,
    errors: BTreeMap<Failing, Vec<Diagnostic>>,
    stale_render: bool,
    build: u64,
    /// Where rendered pages and search files wait to be served.
    store: Option<Arc<Store>>,
}

impl Session {
    /// Load and render the whole site at `root` (drafts as `load` says).
    pub(crate) fn start(
        root: &Path,
        load: LoadOptions,
        render: RenderOptions,
    ) -> (Session, Outcome) {
        let mut session = Session {
            root: root.to_path_buf(),
            render,
            load,
            site: None,
            plan: Vec::new(),
            pages: Pages::default(),
            statics: Arc::default(),
            index: Arc::default(),
            search: crate::search::Kept::for_session(),
            index_stale: true,
            errors: BTreeMap::new(),
            stale_render: false,
            build: 0,
            store: Store::create(root),
        };
        let outcome = session.full(true);
        (session, outcome)
    }

    /// [`Session::start`] with the preview's options (drafts shown and
    /// marked, the reload script injected), as `serve` runs it.
    pub fn preview(root: &Path) -> (Session, Outcome) {
        let (load, render) = super::preview_options();
        Session::start(root, load, render)
    }

    /// How this session renders (a full build with these options writes
    /// what it serves).
    pub fn render_options(&self) -> &RenderOptions {
        &self.render
    }

    /// The site as it would be served now.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            pages: self.pages.clone(),
            statics: Arc::clone(&self.statics),
            index: Arc::clone(&self.index),
            build: self.build,
            base_path: self
                .site
                .as_ref()
                .map_or_else(|| "/".into(), |s| s.library.config.base_path()),
        }
    }

    /// The theme in use (`default` until the site loads).
    pub fn theme(&self) -> &str {
        self.site
            .as_ref()
            .map_or("default", |s| s.library.config.theme.as_str())
    }

    /// Apply a batch of changes.
    pub fn apply(&mut self, changes: &[Change]) -> Outcome {
        let mut articles = BTreeSet::new();
        let mut templates = BTreeSet::new();
        let mut statics = BTreeSet::new();
        let mut full = self.site.is_none() || self.errors.contains_key(&Failing::Site);
        let mut content = false;
        for change in changes {
            match change {
                Change::Full => full = true,
                Change::Content => content = true,
                Change::Article(path) => {
                    articles.insert(path.clone());
                }
                Change::Template(name) => {
                    templates.insert(name.clone());
                }
                Change::Static(key) => {
                    statics.insert(key.clone());
                }
                Change::Seed(seed) => super::ingest_seed(&self.root, seed),
            }
        }
        if full {
            return self.full(false);
        }
        // Files still failing are retried: another file's edit (a duplicate
        // slug renamed, say) may have fixed them.
        articles.extend(self.errors.keys().filter_map(|failing| match failing {
            Failing::Article(path) => Some(path.clone()),
            _ => None,
        }));
        let mut jobs = JobSet {
            all: self.stale_render,
            ..JobSet::default()
        };
        if !templates.is_empty() {
            self.update_templates(&templates, &mut jobs);
        }
        if content {
            if !self.reload_library() {
                return self.finish(Vec::new(), false, Rendered::default());
            }
            jobs.all = true;
        } else if !articles.is_empty() {
            self.update_articles(&articles, &mut jobs);
        }
        let mut changed = self.update_statics(&statics);
        let css_only = !changed.is_empty() && changed.iter().all(|p| p.ends_with(".css"));
        let rendered = self.render_jobs(&jobs, &mut changed, None, false);
        self.finish(changed, css_only, rendered)
    }

    fn finish(&mut self, mut changed: Vec<String>, css_only: bool, rendered: Rendered) -> Outcome {
        changed.sort();
        changed.dedup();
        // Pages changed, so the library may have: the next
        // `update_index` makes the index again (unless this render did).
        self.index_stale |= !changed.is_empty() && !rendered.indexed;
        let css_only = css_only && changed.iter().all(|p| p.ends_with(".css"));
        if !changed.is_empty() {
            self.build += 1;
        }
        let mut diagnostics: Vec<Diagnostic> = self.errors.values().flatten().cloned().collect();
        diag::sort(&mut diagnostics);
        Outcome {
            changed,
            css_only,
            rendered: rendered.jobs,
            bodies: rendered.bodies,
            diagnostics,
        }
    }

    /// Re-read and re-render everything; on failure keep the last good site.
    /// Articles and bodies the build's caches hold unchanged are taken
    /// from them (read only: `build::cached`), for this render alone: the
    /// bodies' keys are the files as this load found them. With `index`
    /// (the first build: no reload waits for it), the search index is
    /// made from the bodies as they render or come from the cache.
    fn full(&mut self, index: bool) -> Outcome {
        let (site, bodies) = build::cached::load(&self.root, self.load.drafts);
        let site = match site {
            Ok(site) => site,
            Err(diagnostics) => {
                self.errors.clear();
                self.errors.insert(Failing::Site, diagnostics);
                return self.finish(Vec::new(), false, Rendered::default());
            }
        };
        self.errors.clear();
        let new_statics = statics::load(&self.root, &site.library.config.theme);
        let mut changed = diff_keys(&self.statics, &new_statics);
        self.statics = Arc::new(new_statics);
        self.site = Some(site);
        let jobs = JobSet {
            all: true,
            ..JobSet::default()
        };
        let rendered = self.render_jobs(&jobs, &mut changed, bodies, index);
        self.finish(changed, false, rendered)
    }

    /// Read every content file again and rebuild the library through the
    /// same validation a build runs, keeping config, templates and static
    /// files. On failure the last good site stays and the next change
    /// reloads everything.
    fn reload_library(&mut self) -> bool {
        let site = self.site.take().expect("loaded before incremental work");
        let config = site.library.config.clone();
        let library = Library::read(&self.root, config, self.load);
        match library {
            Ok(library) => {
                self.errors
                    .retain(|failing, _| !matches!(failing, Failing::Article(_)));
                self.site = Some(Site {
                    shared: Shared::new(&library),
                    library,
                    templates: site.templates,
                });
                true
            }
            Err(diagnostics) => {
                self.errors.clear();
                self.errors.insert(Failing::Site, diagnostics);
                self.site = Some(site);
                false
            }
        }
    }

    fn update_templates(&mut self, names: &BTreeSet<String>, jobs: &mut JobSet) {
        let site = self.site.as_mut().expect("loaded before incremental work");
        match Templates::load(&self.root, &site.library.config.theme) {
            Ok(templates) => {
                self.errors.remove(&Failing::Templates);
                for name in names {
                    match page_template(name).filter(|n| !templates.is_used_by_others(n)) {
                        Some(name) => {
                            jobs.templates.insert(name);
                        }
                        // base.html, partials, or anything another template
                        // pulls in: every page may use it.
                        None => jobs.all_html = true,
                    }
                }
                site.templates = templates;
            }
            Err(diagnostics) => {
                self.errors.insert(Failing::Templates, diagnostics);
            }
        }
    }

    fn update_statics(&mut self, keys: &BTreeSet<String>) -> Vec<String> {
        let Some(site) = &self.site else {
            return Vec::new();
        };
        let dirs = build::static_dirs(&self.root, &site.library.config.theme);
        let files = Arc::make_mut(&mut self.statics);
        let mut changed = Vec::new();
        for key in keys {
            let on_disk = dirs.iter().any(|d| d.join(key).is_dir());
            let had_children = files.keys().any(|k| k.starts_with(&format!("{key}/")));
            if on_disk || had_children {
                // A folder came, went or was renamed: read them all again.
                let fresh = statics::load(&self.root, &site.library.config.theme);
                changed.extend(diff_keys(files, &fresh));
                *files = fresh;
            } else if statics::update(files, &self.root, &dirs, key) {
                changed.push(key.clone());
            }
        }
        changed
    }

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
    fn render_jobs(
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

#[cfg(test)]
mod tests;

/// Keys added, removed or changed between two file maps.
fn diff_keys(old: &Files, new: &Files) -> Vec<String> {
    let mut changed: Vec<String> = new
        .iter()
        .filter(|(k, v)| old.get(*k) != Some(v))
        .map(|(k, _)| k.clone())
        .collect();
    changed.extend(old.keys().filter(|k| !new.contains_key(*k)).cloned());
    changed
}
