//! Serve stage, the site in memory: output path → bytes, ETag and type.
//!
//! Takes rendered pages and static files; gives back an immutable
//! [`Snapshot`] that the HTTP handlers read. A rebuild makes a new snapshot
//! and swaps it in whole, so a request sees one build, never a mix.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use axum::body::Bytes;

use super::store::{Blob, Store};

/// One servable file.
#[derive(Debug)]
pub struct Entry {
    contents: Contents,
    len: usize,
    /// Strong validator, quoted as HTTP wants it.
    pub etag: String,
    /// `Content-Type`, with a charset for text.
    pub content_type: &'static str,
}

/// Where an entry's bytes are.
#[derive(Debug)]
enum Contents {
    Memory(Bytes),
    Stored(Blob),
}

impl Entry {
    /// An entry for `path` holding `bytes` in memory.
    pub fn new(path: &str, bytes: impl Into<Bytes>) -> Entry {
        let bytes = bytes.into();
        Entry {
            etag: etag(&bytes),
            content_type: content_type(path),
            len: bytes.len(),
            contents: Contents::Memory(bytes),
        }
    }

    /// An entry for `path` whose bytes wait in `store` (in memory when
    /// there is none, or it cannot take them).
    pub(crate) fn stored(path: &str, bytes: Vec<u8>, store: Option<&Arc<Store>>) -> Entry {
        let Some(blob) = store.and_then(|store| store.put(&bytes).ok()) else {
            return Entry::new(path, bytes);
        };
        Entry {
            etag: etag(&bytes),
            content_type: content_type(path),
            len: bytes.len(),
            contents: Contents::Stored(blob),
        }
    }

    /// The contents.
    pub fn bytes(&self) -> std::io::Result<Bytes> {
        match &self.contents {
            Contents::Memory(bytes) => Ok(bytes.clone()),
            Contents::Stored(blob) => blob.read().map(Bytes::from),
        }
    }

    /// Length of the contents in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the contents are empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// Entries are the same when their validators are: the bytes of a stored
/// one are not read again to compare.
impl PartialEq for Entry {
    fn eq(&self, other: &Entry) -> bool {
        (self.etag == other.etag && self.len == other.len)
            && self.content_type == other.content_type
    }
}

impl Eq for Entry {}

/// Files by output path (`articles/x/index.html`, no leading slash).
pub(crate) type Files = HashMap<String, Arc<Entry>>;

/// Rendered pages by output path, in shards shared between snapshots: a
/// rebuild copies only the shards it changes, never the whole map (at
/// 100,000 articles the map holds 150,000 paths, and a snapshot being
/// served keeps the previous version alive).
#[derive(Debug, Clone)]
pub struct Pages {
    shards: Vec<Arc<Files>>,
}

impl Default for Pages {
    fn default() -> Pages {
        Pages {
            shards: vec![Arc::default(); Pages::SHARDS],
        }
    }
}

impl Pages {
    const SHARDS: usize = 1024;

    fn shard(path: &str) -> usize {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        path.hash(&mut hasher);
        (hasher.finish() % Pages::SHARDS as u64) as usize
    }

    /// The page at an output path.
    pub fn get(&self, path: &str) -> Option<&Arc<Entry>> {
        self.shards[Pages::shard(path)].get(path)
    }

    /// Whether a page is at an output path.
    pub fn contains_key(&self, path: &str) -> bool {
        self.shards[Pages::shard(path)].contains_key(path)
    }

    /// Put a page at its path.
    pub(crate) fn insert(&mut self, path: String, entry: Arc<Entry>) {
        Arc::make_mut(&mut self.shards[Pages::shard(&path)]).insert(path, entry);
    }

    /// Remove the page at a path; whether there was one.
    pub(crate) fn remove(&mut self, path: &str) -> bool {
        let shard = &mut self.shards[Pages::shard(path)];
        shard.contains_key(path) && Arc::make_mut(shard).remove(path).is_some()
    }

    /// Every page, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Arc<Entry>)> {
        self.shards.iter().flat_map(|shard| shard.iter())
    }

    /// Number of pages.
    pub fn len(&self) -> usize {
        self.shards.iter().map(|shard| shard.len()).sum()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.shards.iter().all(|shard| shard.is_empty())
    }
}

/// What the server answers from: rendered pages over static files.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// Rendered pages; they win over static files of the same path, as in
    /// `build`, where pages are written after static files are copied.
    pub pages: Pages,
    /// Static files of the theme and the site.
    pub statics: Arc<Files>,
    /// The search index's files (`crate::search`), updated after the
    /// pages of an edit are served.
    pub index: Arc<Files>,
    /// Counts rebuilds; the reload script uses it to bust caches.
    pub build: u64,
    /// The site's base path (`/` or `/sub/`).
    pub base_path: String,
}

impl Snapshot {
    /// The file at an output path.
    pub fn get(&self, path: &str) -> Option<&Arc<Entry>> {
        self.pages
            .get(path)
            .or_else(|| self.index.get(path))
            .or_else(|| self.statics.get(path))
    }

    /// Whether an output path exists.
    pub fn contains(&self, path: &str) -> bool {
        self.pages.contains_key(path)
            || self.index.contains_key(path)
            || self.statics.contains_key(path)
    }
}

/// A strong ETag. SipHash with fixed keys: deterministic across runs and
/// several times faster than SHA-256 on a 10,000-page first build; the
/// validator only has to change when the bytes do.
pub(crate) fn etag(bytes: &[u8]) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    format!("\"{:016x}-{:x}\"", hasher.finish(), bytes.len())
}

/// `Content-Type` by extension; text types say their charset.
pub(crate) fn content_type(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" | "map" => "application/json; charset=utf-8",
        "xml" if name == "atom.xml" => "application/atom+xml; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "pdf" => "application/pdf",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_types_carry_a_charset() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("css/style.css"), "text/css; charset=utf-8");
        assert_eq!(
            content_type("topics/x/atom.xml"),
            "application/atom+xml; charset=utf-8"
        );
        assert_eq!(
            content_type("sitemap.xml"),
            "application/xml; charset=utf-8"
        );
        assert_eq!(content_type("robots.txt"), "text/plain; charset=utf-8");
        assert_eq!(content_type("img/logo.PNG"), "image/png");
        assert_eq!(content_type("LICENSE"), "application/octet-stream");
    }

    #[test]
    fn etag_follows_the_bytes() {
        assert_eq!(etag(b"a"), etag(b"a"));
        assert_ne!(etag(b"a"), etag(b"b"));
        assert!(etag(b"").starts_with('"') && etag(b"").ends_with('"'));
    }

    #[test]
    fn pages_win_over_static_files() {
        let mut pages = Pages::default();
        pages.insert("a.css".into(), Arc::new(Entry::new("a.css", "page")));
        let mut statics = Files::new();
        statics.insert("a.css".into(), Arc::new(Entry::new("a.css", "static")));
        statics.insert("b.css".into(), Arc::new(Entry::new("b.css", "b")));
        let snapshot = Snapshot {
            pages,
            statics: Arc::new(statics),
            ..Snapshot::default()
        };
        assert_eq!(
            &snapshot.get("a.css").unwrap().bytes().unwrap()[..],
            b"page"
        );
        assert!(snapshot.contains("b.css"));
        assert!(snapshot.get("c.css").is_none());
    }

    #[test]
    fn pages_copied_share_what_neither_changed() {
        let mut pages = Pages::default();
        for i in 0..100 {
            let path = format!("p{i}.html");
            pages.insert(path.clone(), Arc::new(Entry::new(&path, "x")));
        }
        let before = pages.clone();
        pages.insert("p1.html".into(), Arc::new(Entry::new("p1.html", "y")));
        assert!(pages.remove("p2.html"));
        assert!(!pages.remove("p2.html"));
        assert_eq!(&before.get("p1.html").unwrap().bytes().unwrap()[..], b"x");
        assert!(before.contains_key("p2.html"));
        assert_eq!((before.len(), pages.len()), (100, 99));
        let shared = (0..Pages::SHARDS)
            .filter(|&i| Arc::ptr_eq(&before.shards[i], &pages.shards[i]))
            .count();
        assert!(
            shared >= Pages::SHARDS - 2,
            "only the touched shards are copied"
        );
    }
}
