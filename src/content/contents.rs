//! Every content file read and its front matter parsed, once.
//!
//! Takes the site root; gives back each article, registry entry and plain
//! page whose front matter parses, with its text and spans, plus a
//! diagnostic for every file that does not. The library is validated and
//! built from this; `check` runs its own checks over the same files, so
//! nothing is parsed twice.

use std::path::Path;

use super::front_matter::{
    ArticleFrontMatter, OrganizationFrontMatter, PageFrontMatter, PlaceFrontMatter,
    TopicFrontMatter,
};
use super::source::{read_all, Parsed};
use crate::diag::Diagnostic;

/// The parsed files of `content/`, each folder sorted by path.
#[derive(Debug, Default)]
pub(crate) struct Contents {
    /// `content/articles/` (drafts included).
    pub articles: Vec<Parsed<ArticleFrontMatter>>,
    /// `content/organizations/`.
    pub organizations: Vec<Parsed<OrganizationFrontMatter>>,
    /// `content/topics/`.
    pub topics: Vec<Parsed<TopicFrontMatter>>,
    /// `content/places/`.
    pub places: Vec<Parsed<PlaceFrontMatter>>,
    /// `content/pages/` (drafts included).
    pub pages: Vec<Parsed<PageFrontMatter>>,
    /// Articles that could not be read or parsed: what they mention is
    /// unknown, so "nothing mentions this entry" cannot be claimed.
    pub unparsed_articles: usize,
}

impl Contents {
    /// Read and parse every content file under `root`; every problem in one
    /// list.
    pub(crate) fn read(root: &Path) -> (Contents, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let registries = read_registries(root, &mut diagnostics);
        let (articles, unparsed_articles) = read_all(root, "content/articles", &mut diagnostics);
        let pages = read_all(root, "content/pages", &mut diagnostics).0;
        let contents = Contents {
            articles,
            pages,
            unparsed_articles,
            ..registries
        };
        (contents, diagnostics)
    }
}

/// The three registry folders, parsed (articles and pages left empty).
pub(crate) fn read_registries(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Contents {
    Contents {
        organizations: read_all(root, "content/organizations", diagnostics).0,
        topics: read_all(root, "content/topics", diagnostics).0,
        places: read_all(root, "content/places", diagnostics).0,
        ..Contents::default()
    }
}
