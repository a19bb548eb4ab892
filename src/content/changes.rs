//! Edited articles checked against a loaded library, as a full load would
//! check them: serve's cheap path after an edit.
//!
//! Takes the library and the new text of each changed article file (`None`:
//! deleted); gives back the articles to swap in and, per file, the problems
//! that keep its last good version in place.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::article::{parse_article, Article, KnownSlugs};
use super::entity::registry_names;
use super::library::{duplicate_slug, Library};
use crate::diag::Diagnostic;

/// What [`Library::validate_changes`] found.
#[derive(Debug, Default)]
pub(crate) struct ValidatedChanges {
    /// Path → the new article, or `None` for a deleted file.
    pub articles: Vec<(PathBuf, Option<Article>)>,
    /// Path → why its new text was refused.
    pub refused: Vec<(PathBuf, Vec<Diagnostic>)>,
}

impl Library {
    /// Parse and validate changed article files against this library's
    /// registries, and refuse a new article whose slug another one has.
    pub(crate) fn validate_changes(
        &self,
        changed: Vec<(PathBuf, Option<Arc<str>>)>,
    ) -> ValidatedChanges {
        let organizations = registry_names(
            &[],
            self.organizations
                .iter()
                .map(|o| (o.slug.as_str(), &o.front)),
        );
        let topics = registry_names(&[], self.topics.iter().map(|t| (t.slug.as_str(), &t.front)));
        let known = KnownSlugs {
            organizations: &organizations,
            topics: &topics,
        };
        let mut out = ValidatedChanges::default();
        for (path, source) in changed {
            match source.map(|source| parse_article(&path, &source, &known)) {
                None => out.articles.push((path, None)),
                Some(Ok(article)) => out.articles.push((path, Some(article))),
                Some(Err(diagnostics)) => out.refused.push((path, diagnostics)),
            }
        }
        self.refuse_duplicate_slugs(&mut out);
        out
    }

    /// A changed article may not take a slug another article keeps.
    fn refuse_duplicate_slugs(&self, out: &mut ValidatedChanges) {
        let replaced: HashSet<&Path> = out.articles.iter().map(|(p, _)| p.as_path()).collect();
        let kept = |slug: &str| {
            self.article_with_slug(slug)
                .map(|i| &self.articles[i].path)
                .filter(|path| !replaced.contains(path.as_path()))
                .cloned()
        };
        let mut taken: BTreeMap<&str, &Path> = BTreeMap::new();
        let mut rejected = Vec::new();
        for (path, article) in &out.articles {
            let Some(article) = article else { continue };
            let other = taken
                .get(article.slug.as_str())
                .map(|p| p.to_path_buf())
                .or_else(|| kept(&article.slug));
            if let Some(other) = other {
                let other = other.display().to_string();
                let diagnostic = duplicate_slug(path, &article.slug, &[other.as_str()]);
                rejected.push((path.clone(), vec![diagnostic]));
            } else {
                taken.insert(&article.slug, path);
            }
        }
        out.articles
            .retain(|(p, _)| !rejected.iter().any(|(r, _)| r == p));
        out.refused.extend(rejected);
    }
}
