//! Article texts read once for two stages. The fingerprint reads every
//! input file to digest it; on a build that will then read every article
//! file again to load it (no record of a build into this output, no cache
//! of parsed articles: a first or clean build) it hands the articles'
//! texts to the loader instead, up to [`BUDGET`] bytes in all, so most
//! sites' articles are opened and read once, and a very large site's
//! memory stays bounded (the rest are read again, as before).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use super::{cache, reuse, BuildOptions};
use crate::content::source::is_markdown;

/// Most bytes of article text held between the fingerprint and the load:
/// all of a 10,000-article site (96 MB), an eighth of a 100,000 one.
const BUDGET: usize = 128 << 20;

/// Article texts read by the fingerprint, by path inside the site.
pub(crate) type Texts = HashMap<PathBuf, Arc<str>>;

/// Which texts the fingerprint keeps.
#[derive(Debug)]
pub(crate) struct Handover {
    /// Bytes it may still keep; `None`: it keeps nothing.
    left: Option<AtomicUsize>,
}

impl Handover {
    /// For a build into `output`: keeps texts only when the loader will
    /// read every article file (nothing recorded, nothing cached).
    pub(crate) fn for_build(options: &BuildOptions, output: &Path) -> Handover {
        let recorded = reuse::record_path(options, output)
            .is_none_or(|path| std::fs::symlink_metadata(path).is_ok());
        let keeps = !recorded && !cache::articles::Articles::exists(&options.root);
        Handover {
            left: keeps.then(|| AtomicUsize::new(BUDGET)),
        }
    }

    /// Keeps no text.
    #[cfg(test)]
    pub(crate) fn nothing() -> Handover {
        Handover { left: None }
    }

    /// The text of the input file at `relative`, to keep for the loader:
    /// an article file within the content limit, while the budget lasts.
    pub(crate) fn keep(&self, relative: &Path, text: &str) -> Option<Arc<str>> {
        let left = self.left.as_ref()?;
        let wanted = text.len();
        let fits = wanted as u64 <= crate::limits::CONTENT_FILE_BYTES
            && relative.starts_with(reuse::ARTICLES)
            && is_markdown(relative)
            && left
                .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                    left.checked_sub(wanted)
                })
                .is_ok();
        fits.then(|| Arc::from(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn handover(left: usize) -> Handover {
        Handover {
            left: Some(AtomicUsize::new(left)),
        }
    }

    #[test]
    fn nothing_keeps_nothing() {
        let article = Path::new("content/articles/a.md");
        assert_eq!(Handover::nothing().keep(article, ""), None);
    }

    #[test]
    fn only_article_files_are_kept_and_only_within_the_budget() {
        let keep = handover(10);
        let article = Path::new("content/articles/a.md");
        assert_eq!(keep.keep(article, "12345").as_deref(), Some("12345"));
        assert_eq!(keep.keep(Path::new("content/topics/t.md"), "1"), None);
        assert_eq!(keep.keep(Path::new("content/articles/.lock.md"), "1"), None);
        assert_eq!(keep.keep(Path::new("content/articles/a.txt"), "1"), None);
        assert_eq!(keep.keep(article, "123456"), None, "over what is left");
        assert_eq!(keep.keep(article, "12345").as_deref(), Some("12345"));
        assert_eq!(keep.keep(article, "1"), None, "the budget is spent");
    }

    #[test]
    fn nothing_is_kept_for_an_output_with_a_record_or_a_site_with_an_article_cache() {
        let dir = tempfile::tempdir().unwrap();
        let options = BuildOptions::new(dir.path());
        let output = dir.path().join("public");
        let article = Path::new("content/articles/a.md");
        assert!(Handover::for_build(&options, &output)
            .keep(article, "text")
            .is_some());
        let record = reuse::record_path(&options, &output).unwrap();
        std::fs::create_dir_all(record.parent().unwrap()).unwrap();
        std::fs::write(&record, "").unwrap();
        assert!(Handover::for_build(&options, &output)
            .keep(article, "text")
            .is_none());
        let elsewhere = dir.path().join("elsewhere");
        assert!(Handover::for_build(&options, &elsewhere)
            .keep(article, "text")
            .is_some());
        std::fs::write(record.with_file_name("articles"), "").unwrap();
        assert!(Handover::for_build(&options, &elsewhere)
            .keep(article, "text")
            .is_none());
    }
}
