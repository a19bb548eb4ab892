//! Serve stage, where rendered files wait for a request: one file each in
//! a private folder, so serve's memory does not grow with the site's
//! pages (3.4 GB of them at 100,000 articles).
//!
//! Takes the bytes of a rendered page or search file; gives back a
//! [`Blob`] that reads them again, and deletes its file when the last
//! snapshot holding it lets it go. A blob's file is written once, under a
//! name of its own (a counter), and never changed: a snapshot being served
//! keeps reading the bytes it was made with while a rebuild makes new
//! blobs. The folder is `<root>/.briefing-cache/serve-<process id>`
//! (scratch space, never published); it is deleted when serve stops, and
//! one left by a serve that was killed is deleted by the next serve of the
//! site. Nothing a request names is looked up on disk: the file map in
//! memory says which blob serves a path, and blobs are opened without
//! following links.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::build::CACHE_FOLDER;

/// A folder of blobs, deleted with its last blob.
#[derive(Debug)]
pub(crate) struct Store {
    folder: PathBuf,
    next: AtomicU64,
    /// The cache folder, when this store made it: removed with the store
    /// if nothing else was put there meanwhile.
    made: Option<PathBuf>,
}

/// One stored file.
#[derive(Debug)]
pub(crate) struct Blob {
    store: Arc<Store>,
    name: u64,
}

/// The prefix of a store's folder name; the process id follows.
const PREFIX: &str = "serve-";

impl Store {
    /// A new, empty store for the site at `root`; `None` when the folder
    /// cannot be made (then files are held in memory, as before), or when
    /// the cache folder is not a plain folder inside the site.
    pub(crate) fn create(root: &Path) -> Option<Arc<Store>> {
        let cache = root.join(CACHE_FOLDER);
        let made = match fs::symlink_metadata(&cache) {
            Ok(meta) if !meta.is_dir() => return None,
            Ok(_) => {
                remove_abandoned(&cache);
                None
            }
            Err(_) => {
                fs::create_dir(&cache).ok()?;
                Some(cache.clone())
            }
        };
        let folder = cache.join(format!("{PREFIX}{}", std::process::id()));
        // A folder of this name is a dead process's (the id came back).
        let _ = fs::remove_dir_all(&folder);
        fs::create_dir(&folder).ok()?;
        Some(Arc::new(Store {
            folder,
            next: AtomicU64::new(0),
            made,
        }))
    }

    /// Write `bytes` to a new blob.
    pub(crate) fn put(self: &Arc<Self>, bytes: &[u8]) -> io::Result<Blob> {
        let name = self.next.fetch_add(1, Ordering::Relaxed);
        let blob = Blob {
            store: Arc::clone(self),
            name,
        };
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(blob.path())?;
        std::io::Write::write_all(&mut file, bytes)?;
        Ok(blob)
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.folder);
        if let Some(cache) = &self.made {
            let _ = fs::remove_dir(cache);
        }
    }
}

impl Blob {
    fn path(&self) -> PathBuf {
        self.store.folder.join(format!("{:x}", self.name))
    }

    /// The stored bytes, read again (never through a link).
    pub(crate) fn read(&self) -> io::Result<Vec<u8>> {
        use std::io::Read as _;
        let mut options = fs::OpenOptions::new();
        options.read(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW);
        let mut file = options.open(self.path())?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        Ok(bytes)
    }
}

impl Drop for Blob {
    fn drop(&mut self) {
        let _ = fs::remove_file(self.path());
    }
}

/// Delete the stores of serves that are no longer running (killed ones
/// leave theirs). Only where a process's liveness can be told (`/proc`).
fn remove_abandoned(cache: &Path) {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(cache) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| n.strip_prefix(PREFIX)) else {
            continue;
        };
        let plain_folder = entry.file_type().is_ok_and(|t| t.is_dir());
        if plain_folder && pid.parse::<u32>().is_ok() && !proc.join(pid).exists() {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blobs_read_back_and_are_deleted_with_their_last_holder() {
        let site = tempfile::tempdir().unwrap();
        let store = Store::create(site.path()).unwrap();
        let a = store.put(b"first").unwrap();
        let b = store.put(b"first").unwrap();
        assert_eq!(a.read().unwrap(), b"first");
        assert_ne!(a.path(), b.path(), "each blob has its own file");
        let (path, folder) = (a.path(), store.folder.clone());
        drop(a);
        assert!(!path.exists());
        assert_eq!(b.read().unwrap(), b"first");
        drop(store);
        assert!(folder.exists(), "a blob still holds the store");
        drop(b);
        assert!(!folder.exists());
        assert!(
            !site.path().join(CACHE_FOLDER).exists(),
            "the folder it made"
        );
    }

    #[test]
    fn abandoned_stores_go_and_a_linked_cache_is_not_used() {
        let site = tempfile::tempdir().unwrap();
        let cache = site.path().join(CACHE_FOLDER);
        let dead = cache.join(format!("{PREFIX}{}", u32::MAX));
        fs::create_dir_all(&dead).unwrap();
        let keep = cache.join("articles");
        fs::write(&keep, "x").unwrap();
        let store = Store::create(site.path()).unwrap();
        assert!(!dead.exists());
        assert!(keep.exists());
        drop(store);
        #[cfg(unix)]
        {
            let other = tempfile::tempdir().unwrap();
            let linked = tempfile::tempdir().unwrap();
            let cache = linked.path().join(CACHE_FOLDER);
            std::os::unix::fs::symlink(other.path(), &cache).unwrap();
            assert!(Store::create(linked.path()).is_none());
            assert_eq!(fs::read_dir(other.path()).unwrap().count(), 0);
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_blob_replaced_by_a_link_is_not_followed() {
        let site = tempfile::tempdir().unwrap();
        let outside = site.path().join("outside.txt");
        fs::write(&outside, "secret").unwrap();
        let store = Store::create(site.path()).unwrap();
        let blob = store.put(b"page").unwrap();
        fs::remove_file(blob.path()).unwrap();
        std::os::unix::fs::symlink(&outside, blob.path()).unwrap();
        assert!(blob.read().is_err());
    }
}
