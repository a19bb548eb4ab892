//! Serve stage, rebuilding what changed: batches of [`Change`](super::Change)s → a new
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
//!
//! `apply.rs` sorts a batch into that work; `articles.rs`, `templates.rs`,
//! `static_files.rs` and `full.rs` each bring one kind of input up to
//! date; `jobs.rs` renders the pages that touches; `index.rs` keeps the
//! search index.

mod apply;
mod articles;
mod full;
mod index;
mod jobs;
mod static_files;
mod templates;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::snapshot::{Files, Pages, Snapshot};
use super::store::Store;
use crate::build::Site;
use crate::content::library::LoadOptions;
use crate::diag::Diagnostic;
use crate::render::plan::PageJob;
use crate::render::RenderOptions;

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
}

#[cfg(test)]
mod tests;
