//! Re-reading more than one file: the whole site (config, theme,
//! everything, through the build's caches) or every content file (config,
//! templates and static files kept). Either failing keeps the last good
//! site and records why.

use std::sync::Arc;

use super::jobs::{JobSet, Rendered};
use super::static_files::diff_keys;
use super::{Failing, Outcome, Session};
use crate::build::{self, Site};
use crate::content::library::Library;
use crate::render::shared::Shared;
use crate::serve::statics;

impl Session {
    /// Re-read and re-render everything; on failure keep the last good site.
    /// Articles and bodies the build's caches hold unchanged are taken
    /// from them (read only: `build::cached`), for this render alone: the
    /// bodies' keys are the files as this load found them. With `index`
    /// (the first build: no reload waits for it), the search index is
    /// made from the bodies as they render or come from the cache.
    pub(super) fn full(&mut self, index: bool) -> Outcome {
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
    pub(super) fn reload_library(&mut self) -> bool {
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
}
