//! The search index as serve keeps it: made by the first build as its
//! pages render, then by [`Session::update_index`] after each reload.
//! Every file goes to the store as it is made, as pages do, so none is
//! held beyond its entry (at 100,000 articles the result files are some
//! 800 MB).

use std::sync::{Arc, Mutex, PoisonError};

use super::Session;
use crate::diag::Diagnostic;
use crate::output::RenderedPage;
use crate::serve::snapshot::Entry;
use crate::serve::store::Store;

/// Index files as they are made (from many threads), each stored at once.
pub(super) struct IndexFiles<'s> {
    store: Option<&'s Arc<Store>>,
    made: Mutex<Vec<(String, Entry)>>,
}

impl<'s> IndexFiles<'s> {
    pub(super) fn new(store: Option<&'s Arc<Store>>) -> IndexFiles<'s> {
        IndexFiles {
            store,
            made: Mutex::default(),
        }
    }

    pub(super) fn put(&self, path: &str, contents: Vec<u8>) {
        let entry = Entry::stored(path, contents, self.store);
        self.made
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((path.to_string(), entry));
    }

    pub(super) fn into_made(self) -> Vec<(String, Entry)> {
        self.made
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

/// What one update of the index gave: the files it made and the paths of
/// those no longer part of it; none when search is off; or why it could
/// not be made.
pub(super) type IndexUpdate = Result<Option<(Vec<(String, Entry)>, Vec<String>)>, Diagnostic>;

impl Session {
    /// Bring the search index up to date if the library changed since it
    /// was last made, and swap in the files that differ; whether any did.
    /// Only the articles whose record changed are indexed again, and only
    /// the files they change are made (`crate::search::Kept`).
    /// Kept out of [`Session::apply`]: serve calls it once the reload
    /// event is sent, so indexing never delays a reload. The first build
    /// makes the first index itself, from the bodies as they render or
    /// come from the build's cache: no reload waits for it.
    pub fn update_index(&mut self) -> bool {
        let Some(site) = self.site.as_ref().filter(|_| self.index_stale) else {
            return false;
        };
        self.index_stale = false;
        let files = IndexFiles::new(self.store.as_ref());
        let put = |file: RenderedPage| {
            files.put(&file.path, file.contents);
            Ok::<(), Diagnostic>(())
        };
        let gone = self.search.update(&site.library, put);
        let update = gone.map(|gone| gone.map(|gone| (files.into_made(), gone)));
        self.take_index(update)
    }

    /// Serve the files of the index `update` made that differ; whether
    /// any did. An update that failed leaves the index stale.
    pub(super) fn take_index(&mut self, update: IndexUpdate) -> bool {
        let (made, gone) = match update {
            Ok(Some(update)) => update,
            Ok(None) => {
                let changed = !self.index.is_empty();
                self.index = Arc::default();
                return changed;
            }
            // A body changed on disk since it was loaded: its change
            // event is on its way, and indexing runs again after it.
            Err(diagnostic) => {
                log::debug!("search index not updated: {}", diagnostic.message);
                self.index_stale = true;
                return false;
            }
        };
        let index = &self.index;
        // Unchanged files' entries are dropped, and their stored copies
        // with them.
        let fresh: Vec<_> = made
            .into_iter()
            .filter(|(path, entry)| index.get(path).is_none_or(|e| e.etag != entry.etag))
            .collect();
        let gone: Vec<_> = gone.into_iter().filter(|p| index.contains_key(p)).collect();
        if fresh.is_empty() && gone.is_empty() {
            return false;
        }
        let files = Arc::make_mut(&mut self.index);
        for path in gone {
            files.remove(&path);
        }
        for (path, entry) in fresh {
            files.insert(path, Arc::new(entry));
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Files under the site's scratch folder (the store's blobs).
    fn blobs(root: &std::path::Path) -> usize {
        let folder = root.join(crate::build::CACHE_FOLDER);
        walkdir::WalkDir::new(folder)
            .into_iter()
            .filter(|e| e.as_ref().is_ok_and(|e| e.file_type().is_file()))
            .count()
    }

    #[test]
    fn an_index_file_is_stored_as_it_is_put_and_goes_with_its_entry() {
        let site = tempfile::tempdir().unwrap();
        let store = Store::create(site.path()).unwrap();
        let files = IndexFiles::new(Some(&store));
        files.put("search/meta.json", b"{}".to_vec());
        assert_eq!(blobs(site.path()), 1, "stored before the index is made");
        let made = files.into_made();
        assert_eq!(made[0].0, "search/meta.json");
        assert_eq!(&made[0].1.bytes().unwrap()[..], b"{}");
        drop(made);
        assert_eq!(blobs(site.path()), 0);
    }
}
