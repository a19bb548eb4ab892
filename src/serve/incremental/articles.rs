//! Edited, added, deleted and renamed articles: re-read alone, checked,
//! and swapped into the library; `render::touched` says which pages that
//! touches.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::jobs::JobSet;
use super::{Failing, Session};
use crate::build::Site;
use crate::content::article::Article;
use crate::content::source::read_source;
use crate::render::touched;

impl Session {
    pub(super) fn update_articles(&mut self, paths: &BTreeSet<PathBuf>, jobs: &mut JobSet) {
        let site = self.site.take().expect("loaded before incremental work");
        let replacements = self.read_articles(&site, paths);
        let Site {
            library,
            templates,
            shared,
        } = site;
        let count_everywhere = templates.count_on_every_page();
        let (library, shared, touched) =
            touched::swap(library, shared, replacements, self.load, count_everywhere);
        jobs.jobs.extend(touched.jobs);
        jobs.removed.extend(touched.removed);
        if touched.plan_may_change {
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
        let validated = site.library.validate_changes(changed);
        for path in paths {
            self.errors.remove(&Failing::Article(path.clone()));
        }
        let failed = unreadable.into_iter().chain(validated.refused);
        self.errors
            .extend(failed.map(|(path, found)| (Failing::Article(path), found)));
        validated.articles
    }
}
