//! Every content file read and its front matter parsed, once.
//!
//! Takes the site root; gives back each article, registry entry and plain
//! page whose front matter parses, with its text and spans, plus a
//! diagnostic for every file that does not. The library is validated and
//! built from this; `check` runs its own checks over the same files, so
//! nothing is parsed twice.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::front_matter::{
    ArticleFrontMatter, OrganizationFrontMatter, PageFrontMatter, PlaceFrontMatter,
    TopicFrontMatter,
};
use super::source::{list_markdown, read_all, Parsed};
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
    /// Every content file that could not be read or parsed (its error is
    /// reported once, at the file): what names it is not blamed again.
    pub unparsed: Vec<PathBuf>,
}

impl Contents {
    /// Read and parse every content file under `root`; every problem in one
    /// list.
    pub(crate) fn read(root: &Path) -> (Contents, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let mut registries = read_registries(root, &mut diagnostics);
        let (articles, mut unparsed) = read_all(root, "content/articles", &mut diagnostics);
        let unparsed_articles = unparsed.len();
        let (pages, unparsed_pages) = read_all(root, "content/pages", &mut diagnostics);
        unparsed.extend(unparsed_pages);
        unparsed.append(&mut registries.unparsed);
        unparsed.sort();
        let contents = Contents {
            articles,
            pages,
            unparsed_articles,
            unparsed,
            ..registries
        };
        (contents, diagnostics)
    }

    /// [`Contents::read`] with the articles listed but not read: their
    /// paths, for a caller that reads each as it builds it
    /// ([`crate::content::library::Library::read`]), so the whole site's
    /// text is never in memory at once.
    pub(crate) fn read_but_articles(root: &Path) -> (Contents, Vec<PathBuf>, Vec<Diagnostic>) {
        // The walk of every article's folder (one thread, a file system
        // call per entry) goes on while the registries are read and parsed
        // on the others; the problems are listed in the same order as ever.
        let ((mut registries, mut diagnostics), (articles, pages, mut later)) = rayon::join(
            || {
                let mut diagnostics = Vec::new();
                (read_registries(root, &mut diagnostics), diagnostics)
            },
            || {
                let mut diagnostics = Vec::new();
                let articles = list_markdown(root, "content/articles", &mut diagnostics);
                let pages = read_all(root, "content/pages", &mut diagnostics);
                (articles, pages, diagnostics)
            },
        );
        diagnostics.append(&mut later);
        let (pages, mut unparsed) = pages;
        unparsed.append(&mut registries.unparsed);
        unparsed.sort();
        let contents = Contents {
            pages,
            unparsed,
            ..registries
        };
        (contents, articles, diagnostics)
    }

    /// Let the parsed articles go, keeping each one's path and text (for
    /// [`Library::from_contents_partial`] to build its article from and
    /// then free: the file is not read again).
    ///
    /// [`Library::from_contents_partial`]: crate::content::library::Library::from_contents_partial
    pub(crate) fn take_article_texts(&mut self) -> Vec<(PathBuf, Arc<str>)> {
        std::mem::take(&mut self.articles)
            .into_iter()
            .map(|file| (file.path, file.source))
            .collect()
    }

    /// Slugs (file stems) of the files in `dir` (`content/topics`, …) that
    /// exist, whether or not they parsed.
    pub(crate) fn stems_in(&self, dir: &str) -> Vec<String> {
        let parsed = match dir {
            "content/organizations" => stems(&self.organizations),
            "content/topics" => stems(&self.topics),
            "content/places" => stems(&self.places),
            "content/pages" => stems(&self.pages),
            "content/articles" => stems(&self.articles),
            _ => Vec::new(),
        };
        let unparsed = self
            .unparsed
            .iter()
            .filter(|p| p.parent() == Some(Path::new(dir)))
            .filter_map(|p| p.file_stem())
            .map(|s| s.to_string_lossy().into_owned());
        parsed.into_iter().chain(unparsed).collect()
    }
}

fn stems<T>(files: &[Parsed<T>]) -> Vec<String> {
    files.iter().map(Parsed::stem).collect()
}

/// The three registry folders, parsed (articles and pages left empty).
pub(crate) fn read_registries(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Contents {
    let (organizations, mut unparsed) = read_all(root, "content/organizations", diagnostics);
    let (topics, more) = read_all(root, "content/topics", diagnostics);
    unparsed.extend(more);
    let (places, more) = read_all(root, "content/places", diagnostics);
    unparsed.extend(more);
    Contents {
        organizations,
        topics,
        places,
        unparsed,
        ..Contents::default()
    }
}
