//! Edited articles: re-read alone, checked, and swapped into the library.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::super::affected::{replace_articles, JobSet};
use super::{Failing, Session};
use crate::build::Site;
use crate::content::article::Article;
use crate::content::source::read_source;
use crate::render::plan::PageJob;
use crate::render::shared::Shared;

impl Session {
    pub(super) fn update_articles(&mut self, paths: &BTreeSet<PathBuf>, jobs: &mut JobSet) {
        let site = self.site.take().expect("loaded before incremental work");
        let replacements = self.read_articles(&site, paths);
        let present_year = crate::content::library::Library::newest_year;
        let present_before = present_year(&site.library);
        let library = replace_articles(site.library, replacements, self.load, jobs);
        let shared = Shared::new(&library);
        // The overview opens on the newest briefing's year.
        if present_year(&library) != present_before {
            jobs.jobs.insert(PageJob::Timeline);
        }
        if !jobs.touched_years.is_empty() {
            if shared.years == site.shared.years {
                jobs.jobs.insert(PageJob::Timeline);
                jobs.jobs
                    .extend(jobs.touched_years.iter().map(|&y| PageJob::TimelineYear(y)));
            } else {
                // Every timeline page lists the years with their counts.
                jobs.timeline = true;
            }
        }
        self.site = Some(Site {
            shared,
            library,
            templates: site.templates,
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
