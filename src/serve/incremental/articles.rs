//! Edited articles: re-read alone, checked, and swapped into the library.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use super::super::affected::{replace_articles, JobSet};
use super::Session;
use crate::build::Site;
use crate::content::article::{parse_article, Article, KnownSlugs};
use crate::content::source::read_source;
use crate::diag::Diagnostic;
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
        let library = &site.library;
        let markdown = self.markdown.as_ref().expect("built with the site");
        let organizations: HashSet<&str> = library
            .organizations
            .iter()
            .map(|o| o.slug.as_str())
            .collect();
        let topics: HashSet<&str> = library.topics.iter().map(|t| t.slug.as_str()).collect();
        let known = KnownSlugs {
            organizations: &organizations,
            topics: &topics,
        };
        let mut replacements = Vec::new();
        let mut failures = Vec::new();
        for path in paths {
            if std::fs::metadata(self.root.join(path)).is_err() {
                replacements.push((path.clone(), None));
                continue;
            }
            let parsed = read_source(&self.root, path)
                .map_err(|d| vec![d])
                .and_then(|source| parse_article(path, &source, &known, markdown));
            match parsed {
                Ok(article) => replacements.push((path.clone(), Some(article))),
                Err(diagnostics) => failures.push((path.clone(), diagnostics)),
            }
        }
        for path in paths {
            self.errors.remove(path);
        }
        self.errors.extend(failures);
        self.reject_duplicate_slugs(library, &mut replacements);
        replacements
    }

    pub(super) fn reject_duplicate_slugs(
        &mut self,
        library: &crate::content::library::Library,
        replacements: &mut Vec<(PathBuf, Option<Article>)>,
    ) {
        let replaced: HashSet<&Path> = replacements.iter().map(|(p, _)| p.as_path()).collect();
        let mut taken: BTreeMap<String, PathBuf> = library
            .articles
            .iter()
            .filter(|a| !replaced.contains(a.path.as_path()))
            .map(|a| (a.slug.clone(), a.path.clone()))
            .collect();
        let mut rejected = Vec::new();
        for (path, article) in replacements.iter() {
            let Some(article) = article else { continue };
            if let Some(other) = taken.get(&article.slug) {
                let slug = &article.slug;
                let diagnostic = Diagnostic::error(
                    "article/duplicate-slug",
                    path,
                    format!(
                        "two articles have the slug `{slug}` (also {}), so both would be written to /articles/{slug}/",
                        other.display()
                    ),
                )
                .with_help("rename one of the files: the part after the date is the URL slug");
                self.errors.insert(path.clone(), vec![diagnostic]);
                rejected.push(path.clone());
            } else {
                taken.insert(article.slug.clone(), path.clone());
            }
        }
        replacements.retain(|(p, _)| !rejected.contains(p));
    }
}
