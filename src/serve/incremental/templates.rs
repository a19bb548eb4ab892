//! Edited templates: reloaded whole, and the jobs that use the changed
//! ones (every HTML job for a template others pull in) added to the
//! [`JobSet`]. Templates that fail to load keep the last good set.

use std::collections::BTreeSet;

use super::jobs::JobSet;
use super::{Failing, Session};
use crate::render::plan::page_template;
use crate::render::templates::Templates;

impl Session {
    pub(super) fn update_templates(&mut self, names: &BTreeSet<String>, jobs: &mut JobSet) {
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
}
