//! The articles of the last build, as loaded: an article file whose bytes
//! are the same is not read, split, YAML-parsed and counted again.
//!
//! Takes the build's fingerprint of its inputs (`reuse::Inputs`: each
//! file's SHA-256 digest, taken as the build began) and
//! `.briefing-cache/articles`; gives the library's loader
//! ([`KnownArticles`]) each article whose file's digest is the one the
//! cache kept it under: its front matter (kept as JSON, which reads back
//! to the same values, checked before it is kept), where its body is and
//! the body's hash and word count. Whether an article validates depends
//! on the registries too, so the whole cache is stamped with their
//! digest: any edit of `content/organizations/`, `topics/` or `places/`
//! (or a new binary, `super::stamp`) starts it afresh. Only articles
//! that validated are kept; any other is read and reported as ever.
//!
//! The payload: a count, then per article its path, the digest of its
//! file, the body's offset, length and hash, its word count and its
//! front matter, each length-prefixed or fixed-size (`super::Reader`).

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use super::super::reuse::{Digest, Inputs};
use super::{Layout, Reader, Writer};
use crate::content::article::{slug_from_path, Article, Body, HeldText};
use crate::content::front_matter::ArticleFrontMatter;
use crate::content::library::KnownArticles;
use crate::diag::Diagnostic;

const LAYOUT: Layout = b"articles 1\n";
const NAME: &str = "articles";
const ARTICLES: &str = "content/articles/";

/// The cache, as read at the start of a build and added to as it loads.
pub(crate) struct Articles {
    root: PathBuf,
    stamp: Digest,
    /// Each article file's digest now.
    now: HashMap<PathBuf, Digest>,
    /// The file as read, and where each of its entries is in it.
    payload: Vec<u8>,
    kept: HashMap<PathBuf, Kept>,
    /// Articles built from their files in this build, encoded.
    built: Mutex<Vec<(PathBuf, Vec<u8>)>>,
}

/// The cache-writer thread ([`Articles::save_meanwhile`]); dropped, it
/// waits until the files are written.
pub(crate) struct Saving(Option<std::thread::JoinHandle<Option<Diagnostic>>>);

impl Saving {
    fn start(save: impl FnOnce() -> Option<Diagnostic> + Send + 'static) -> Saving {
        Saving(Some(std::thread::spawn(save)))
    }

    /// Wait until the files are written; what the writing warns of.
    pub(crate) fn finish(mut self) -> Option<Diagnostic> {
        self.0.take()?.join().ok().flatten()
    }
}

impl Drop for Saving {
    fn drop(&mut self) {
        if let Some(thread) = self.0.take() {
            let _ = thread.join();
        }
    }
}

/// One article as the cache file keeps it.
#[derive(Debug, Clone, PartialEq)]
struct Kept {
    digest: Digest,
    body: Body,
    words: usize,
    /// The front matter's JSON, in the payload.
    front: Range<usize>,
    /// The whole entry, in the payload.
    entry: Range<usize>,
}

impl Articles {
    /// The cache of the site at `root` for the inputs `now`; empty when
    /// there is none or it does not match in every part.
    pub(crate) fn load(root: &Path, now: &Inputs) -> Option<Articles> {
        let articles = now
            .file_digests()
            .filter(|(path, _)| path.starts_with(ARTICLES))
            .map(|(path, digest)| (PathBuf::from(path), *digest))
            .collect();
        let stamp = super::stamp(LAYOUT, &[&super::registries(now)])?;
        let limit = crate::limits::CACHE_FILE_BYTES;
        let payload = super::read(root, NAME, LAYOUT, &stamp, limit).unwrap_or_default();
        let kept = parse(&payload).unwrap_or_default();
        Some(Articles {
            root: root.to_path_buf(),
            stamp,
            now: articles,
            payload,
            kept,
            built: Mutex::default(),
        })
    }

    /// [`Articles::save`] on a thread of its own, so that the build goes
    /// on meanwhile, then `then` (the build's other caches) on the same
    /// thread; dropping what this returns waits for it to finish.
    pub(crate) fn save_meanwhile(
        self,
        then: impl FnOnce() -> Option<Diagnostic> + Send + 'static,
    ) -> Saving {
        Saving::start(move || {
            self.save();
            then()
        })
    }

    /// Write the cache for the next build: every article kept whose file
    /// is unchanged, and every one built this time. Nothing is written
    /// when that is what the file holds already.
    pub(crate) fn save(self) {
        let built = self
            .built
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        let kept: Vec<(&Path, &[u8])> = self
            .kept
            .iter()
            .filter(|(path, kept)| self.now.get(*path) == Some(&kept.digest))
            .map(|(path, kept)| (path.as_path(), &self.payload[kept.entry.clone()]))
            .collect();
        if built.is_empty() && kept.len() == self.kept.len() {
            return;
        }
        let built = built
            .iter()
            .map(|(path, entry)| (path.as_path(), &entry[..]));
        let entries = by_path(built, kept);
        let mut out = Writer::default();
        out.u64(entries.len() as u64);
        for entry in entries {
            out.bytes.extend_from_slice(entry);
        }
        super::write(&self.root, NAME, LAYOUT, &self.stamp, &out.bytes);
    }
}

/// The entries of the articles `built` and `kept`, each path once (a
/// built one replacing the kept one of its path), sorted by path as
/// bytes: a `Path`'s own order compares it component by component, some
/// thousand instructions a comparison (140 million at 10,000 articles,
/// on a thread beside the render).
fn by_path<'e>(
    built: impl Iterator<Item = (&'e Path, &'e [u8])>,
    kept: Vec<(&'e Path, &'e [u8])>,
) -> Vec<&'e [u8]> {
    let mut entries: Vec<(&[u8], &[u8])> = built
        .chain(kept)
        .map(|(path, entry)| (path.as_os_str().as_encoded_bytes(), entry))
        .collect();
    // Stable: of two entries of one path, the built one stays first.
    entries.sort_by(|a, b| a.0.cmp(b.0));
    entries.dedup_by(|later, first| later.0 == first.0);
    entries.into_iter().map(|(_, entry)| entry).collect()
}

impl KnownArticles for Articles {
    fn get(&self, path: &Path) -> Option<Article> {
        let kept = self.kept.get(path)?;
        if self.now.get(path) != Some(&kept.digest) {
            return None;
        }
        let front = serde_json::from_slice(&self.payload[kept.front.clone()]).ok()?;
        Some(Article {
            slug: slug_from_path(path),
            path: path.to_path_buf(),
            front,
            body: kept.body,
            word_count: kept.words,
            text: HeldText::default(),
        })
    }

    fn built(&self, path: &Path, article: &Article) {
        // The digest the build took of the file as it began; the article
        // is kept under it (a file edited while the build runs is found
        // changed by the next one, as by the build record).
        let Some(digest) = self.now.get(path) else {
            return;
        };
        let Some(entry) = encode(path, digest, article) else {
            return;
        };
        self.built
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((path.to_path_buf(), entry));
    }
}

/// The cache read and never added to: what [`Articles::built`] would
/// keep for [`Articles::save`] is not even encoded (serve's use,
/// `build::cached`).
pub(crate) struct ReadOnly(pub(crate) Articles);

impl KnownArticles for ReadOnly {
    fn get(&self, path: &Path) -> Option<Article> {
        self.0.get(path)
    }

    fn built(&self, _: &Path, _: &Article) {}
}

/// One article's entry; `None` when its front matter would not read back
/// the same from JSON (then it is parsed from its file every time).
fn encode(path: &Path, digest: &Digest, article: &Article) -> Option<Vec<u8>> {
    let front = serde_json::to_vec(&article.front).ok()?;
    let back: ArticleFrontMatter = serde_json::from_slice(&front).ok()?;
    if back != article.front {
        return None;
    }
    let mut out = Writer::default();
    out.field(path.to_str()?.as_bytes());
    out.bytes.extend_from_slice(digest);
    let Body { start, len, hash } = article.body;
    for n in [start as u64, len as u64, hash, article.word_count as u64] {
        out.u64(n);
    }
    out.field(&front);
    Some(out.bytes)
}

/// Every entry of a payload by path; `None` unless all of it reads.
fn parse(payload: &[u8]) -> Option<HashMap<PathBuf, Kept>> {
    if payload.is_empty() {
        return None;
    }
    let mut reader = Reader::new(payload);
    let count = reader.usize()?;
    let mut kept = HashMap::with_capacity(count.min(payload.len() / 80));
    for _ in 0..count {
        let at = payload.len() - reader.rest_len();
        let path = std::str::from_utf8(reader.field()?).ok()?;
        let digest = reader.digest()?;
        let body = Body {
            start: reader.usize()?,
            len: reader.usize()?,
            hash: reader.u64()?,
        };
        let words = reader.usize()?;
        let front_len = reader.usize()?;
        let front_at = payload.len() - reader.rest_len();
        reader.bytes(front_len)?;
        let end = payload.len() - reader.rest_len();
        let entry = Kept {
            digest,
            body,
            words,
            front: front_at..front_at + front_len,
            entry: at..end,
        };
        kept.insert(PathBuf::from(path), entry);
    }
    reader.is_empty().then_some(kept)
}

#[cfg(test)]
mod tests;
