//! Ingest integration tests: seeds in a temporary site, `ingest::run`, and
//! checks on the files it writes. One module per concern; `gold` scores the
//! five fixture seeds against their gold annotations.

mod about;
mod accept;
mod cleaning;
mod dates;
mod devset;
mod encodings;
mod generated;
mod gold;
mod korean;
mod markup;
mod patterns;
mod protection;
mod topics;
mod unseen;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use briefing::content::article::front_matter_of;
use briefing::content::front_matter::{split, ArticleFrontMatter};
use briefing::ingest::{run, IngestOptions, IngestReport};

/// A temporary site with a `seeds/` folder.
pub(crate) struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    /// An empty site (no registries).
    pub(crate) fn new() -> Site {
        Site {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A site with the repository's real registries.
    pub(crate) fn with_registries() -> Site {
        let site = Site::new();
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        for registry in ["organizations", "topics", "places"] {
            copy_dir(
                &repo.join("content").join(registry),
                &site.path(&format!("content/{registry}")),
            );
        }
        site
    }

    pub(crate) fn root(&self) -> &Path {
        self.dir.path()
    }

    pub(crate) fn path(&self, relative: &str) -> PathBuf {
        self.root().join(relative)
    }

    /// Add `seeds/<name>` with these bytes.
    pub(crate) fn seed(&self, name: &str, bytes: impl AsRef<[u8]>) {
        std::fs::create_dir_all(self.path("seeds")).unwrap();
        std::fs::write(self.path(&format!("seeds/{name}")), bytes).unwrap();
    }

    pub(crate) fn ingest(&self) -> IngestReport {
        self.ingest_with(false, false)
    }

    pub(crate) fn ingest_with(&self, force: bool, dry_run: bool) -> IngestReport {
        run(&IngestOptions {
            root: self.root().to_path_buf(),
            force,
            dry_run,
            propose: false,
        })
    }

    /// Every article file, relative path and text, sorted by path.
    pub(crate) fn articles(&self) -> Vec<(String, String)> {
        let dir = self.path("content/articles");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Vec::new();
        };
        let mut files: Vec<(String, String)> = entries
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".md"))
            .map(|name| {
                let text = std::fs::read_to_string(dir.join(&name)).unwrap();
                (format!("content/articles/{name}"), text)
            })
            .collect();
        files.sort();
        files
    }

    /// The single article of a one-seed site: front matter and body.
    pub(crate) fn only_article(&self) -> (ArticleFrontMatter, String) {
        let articles = self.articles();
        assert_eq!(articles.len(), 1, "expected one article: {articles:?}");
        parse_article(&articles[0].1)
    }
}

/// Front matter and body of an article file.
pub(crate) fn parse_article(text: &str) -> (ArticleFrontMatter, String) {
    let parts = split(text).expect("front matter fences");
    let front = front_matter_of(Path::new("article.md"), &Arc::from(text))
        .expect("front matter loads back");
    (front, parts.body.to_string())
}

/// Ingest one seed into an empty site and return its article.
pub(crate) fn ingest_one(seed: &str) -> (ArticleFrontMatter, String) {
    let site = Site::new();
    site.seed("a.txt", seed);
    let report = site.ingest();
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.severity != briefing::diag::Severity::Error),
        "{:?}",
        report.diagnostics
    );
    site.only_article()
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    let Ok(entries) = std::fs::read_dir(from) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}
