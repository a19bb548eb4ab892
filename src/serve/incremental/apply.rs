//! A batch of [`Change`]s sorted into the work each needs (a full
//! reload, the library re-read, articles, templates, static files), that
//! work done, and what it did given back as an [`Outcome`].

use std::collections::BTreeSet;

use super::jobs::{JobSet, Rendered};
use super::{Failing, Outcome, Session};
use crate::diag::{self, Diagnostic};
use crate::serve::watch::Change;

impl Session {
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
                Change::Seed(seed) => crate::serve::ingest_seed(&self.root, seed),
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

    pub(super) fn finish(
        &mut self,
        mut changed: Vec<String>,
        css_only: bool,
        rendered: Rendered,
    ) -> Outcome {
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
}
