//! Article bodies as rendered, kept for any later build of the site: an
//! article whose file has the same bytes is not read, its Markdown not
//! rendered, its words not scored for search again, whatever became of
//! the output folder (deleted, another one, as CI builds with a kept
//! `.briefing-cache/`).
//!
//! Takes the build's fingerprint of its inputs (`reuse::Inputs`) and
//! `.briefing-cache/bodies`, a [`pack`](super::pack) of entries keyed by
//! each article file's path and SHA-256 digest; gives the render stage
//! each body it keeps ([`Used`], a [`render::Bodies`]) and search the
//! body's result file and terms. What an entry holds is a function of
//! the article file's path (its slug) and bytes, the registries (a body
//! links the organizations it names; search indexes their names),
//! `site.yaml` (the base path, raw HTML, search) and the binary
//! (Markdown, highlighting, scoring), so the pack is stamped with the
//! digests of the registries and the config (and the binary,
//! `super::stamp`): any edit of one starts it afresh.
//! Templates are left out: no entry depends on them. An entry also names
//! the body it was rendered from (offset, length, hash), checked against
//! the article as loaded.
//!
//! Written as the pages render: each body rendered from its file goes
//! into the new pack from the thread that rendered it, in batches (see
//! `pack`; handing 160 MB at 10,000 articles to one writer thread cost
//! some 0.4 s of CPU more, against 0.12 s); once rendering is done the
//! cache-writer thread copies every entry of the old pack whose article
//! is still there after them and puts the pack in place. Nothing is
//! written when every body was known.
//!
//! An entry: the head's length and the head (the body's offset, length
//! and hash; each heading's level, id and text; each search term's
//! length, bytes and score), the HTML's length and the HTML, then the
//! search result file to the end (empty when the site has no search).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use super::super::reuse::{Digest, Inputs};
use super::super::BuildError;
use super::pack::{Pack, PackWriter, Unwritten};
use super::{Layout, Reader, Writer};
use crate::content::article::Body;
use crate::content::library::Library;
use crate::diag::Diagnostic;
use crate::markdown::{Heading, RenderedMarkdown};
use crate::render;
use crate::search::Feed;

const LAYOUT: Layout = b"bodies 1\n";
const NAME: &str = "bodies";

/// The pack as it was when the build began, and the way to the writer.
pub(crate) struct Bodies {
    root: PathBuf,
    stamp: Digest,
    pack: Option<Arc<Pack>>,
    /// Each article's key now ([`key`]), by its file's path.
    now: HashMap<PathBuf, Digest>,
    /// Where the new pack goes once every body is in it.
    to_writer: SyncSender<PackWriter>,
}

/// The writer's half: run on the cache-writer thread ([`Writing::run`]).
pub(crate) struct Writing {
    pack: Option<Arc<Pack>>,
    /// Every article's key now: the entries worth keeping.
    keys: Vec<Digest>,
    written: Receiver<PackWriter>,
}

/// The cache of the site at `root` for the inputs `now` (with an empty
/// pack when there is none or it does not match), and its writer; `None`
/// when the executable cannot be identified.
pub(crate) fn open(root: &Path, now: &Inputs) -> Option<(Bodies, Writing)> {
    let config = super::digest_of(now, |path| path == crate::config::CONFIG_FILE);
    let stamp = super::stamp(LAYOUT, &[&super::registries(now), &config])?;
    let limit = crate::limits::CACHE_PACK_BYTES;
    let pack = Pack::open(root, NAME, LAYOUT, &stamp, limit).map(Arc::new);
    super::remove_dead_leftovers(root, NAME);
    let now: HashMap<PathBuf, Digest> = now
        .file_digests()
        .filter(|(path, _)| path.starts_with("content/articles/"))
        .map(|(path, digest)| (PathBuf::from(path), key(path, digest)))
        .collect();
    let (to_writer, written) = sync_channel(1);
    let writing = Writing {
        pack: pack.clone(),
        keys: now.values().copied().collect(),
        written,
    };
    let bodies = Bodies {
        root: root.to_path_buf(),
        stamp,
        pack,
        now,
        to_writer,
    };
    Some((bodies, writing))
}

impl Writing {
    /// Once the pages are rendered (each body rendered from its file is
    /// in the new pack, written from the render threads), copy the old
    /// pack's entries still wanted after them and put the new pack in
    /// place; nothing when no body was rendered. A warning when the pack
    /// would pass its bound (then it is not written, and the next build
    /// renders those bodies again).
    pub(crate) fn run(self) -> Option<Diagnostic> {
        // None: no body rendered, or the build stopped.
        let mut writer = self.written.recv().ok()?;
        if let Some(pack) = &self.pack {
            let added = writer.keys();
            writer.copy(pack, self.keys.iter().filter(|key| !added.contains(*key)));
        }
        match writer.finish() {
            Err(Unwritten::TooLarge) => Some(too_large(crate::limits::CACHE_PACK_BYTES)),
            _ => None,
        }
    }
}

/// The warning of a pack over its bound.
fn too_large(limit: u64) -> Diagnostic {
    Diagnostic::warning(
        "cache/too-large",
        Path::new(crate::build::CACHE_FOLDER).join(NAME),
        format!(
            "the rendered article bodies would take over {limit} bytes in the build's cache; \
             it was not written, and builds render every body from its file"
        ),
    )
    .with_help(
        "nothing is wrong with the site: its output is the same, only later builds are slower",
    )
}

/// Where a result file goes: its path and bytes.
pub(crate) type Put<'p> = dyn Fn(&str, &[u8]) -> Result<(), BuildError> + Sync + 'p;

/// One build's use of the cache: render's [`render::Bodies`], which also
/// hands each body's result file and terms to search (`feed`, when the
/// site has search) and its result file to `put`.
pub(crate) struct Used<'a> {
    bodies: Option<Bodies>,
    /// The new pack, made when the first body is rendered.
    writer: OnceLock<Option<PackWriter>>,
    /// Each article's key, by its number in the library.
    keys: Vec<Option<Digest>>,
    library: &'a Library,
    feed: Option<&'a Feed<'a>>,
    put: &'a Put<'a>,
    failed: Mutex<Option<BuildError>>,
}

impl<'a> Used<'a> {
    /// Use `bodies` (none: only feed search) for the articles of `library`.
    pub(crate) fn new(
        bodies: Option<Bodies>,
        library: &'a Library,
        feed: Option<&'a Feed<'a>>,
        put: &'a Put<'a>,
    ) -> Used<'a> {
        let keys = match &bodies {
            Some(bodies) => library
                .articles
                .iter()
                .map(|article| bodies.now.get(&article.path).copied())
                .collect(),
            None => Vec::new(),
        };
        Used {
            bodies,
            writer: OnceLock::new(),
            keys,
            library,
            feed,
            put,
            failed: Mutex::default(),
        }
    }

    /// The first error writing a result file gave, if any; the new pack
    /// goes to the writer.
    pub(crate) fn finish(self) -> Result<(), BuildError> {
        if let (Some(bodies), Some(Some(writer))) = (&self.bodies, self.writer.into_inner()) {
            let _ = bodies.to_writer.send(writer);
        }
        match self
            .failed
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
        {
            Some(err) => Err(err),
            None => Ok(()),
        }
    }

    fn put(&self, path: &str, contents: &[u8]) {
        if let Err(err) = (self.put)(path, contents) {
            self.failed
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .get_or_insert(err);
        }
    }

    fn key(&self, i: usize) -> Option<Digest> {
        *self.keys.get(i)?
    }
}

impl render::Bodies for Used<'_> {
    fn known(&self, i: usize) -> Option<RenderedMarkdown> {
        let pack = self.bodies.as_ref()?.pack.as_ref()?;
        let key = self.key(i)?;
        if !pack.has(&key) {
            return None;
        }
        let bytes = pack.get(&key)?;
        let entry = decode(&bytes)?;
        if entry.body != self.library.articles[i].body {
            return None;
        }
        if let Some(feed) = self.feed.filter(|feed| !feed.has(i)) {
            // A pack written without search is of another config.
            if entry.doc.is_empty() {
                return None;
            }
            let path = crate::search::doc_path(&self.library.articles[i].slug);
            self.put(&path, entry.doc);
            feed.rescore(i, entry.terms);
        }
        Some(RenderedMarkdown {
            html: entry.html.to_string(),
            headings: entry.headings,
            // Search has its words already.
            text: String::new(),
        })
    }

    fn rendered(&self, i: usize, body: RenderedMarkdown) {
        let mut head = Writer::default();
        let Body { start, len, hash } = self.library.articles[i].body;
        for n in [start as u64, len as u64, hash] {
            head.u64(n);
        }
        head.varint(body.headings.len() as u64);
        for heading in &body.headings {
            head.bytes.push(heading.level);
            short(&mut head, heading.id.as_bytes());
            short(&mut head, heading.text.as_bytes());
        }
        let mut doc = Vec::new();
        if let Some(feed) = self.feed {
            if feed.has(i) {
                // Its terms came from elsewhere (`super::search`): not
                // kept here.
                return;
            }
            let page = feed.doc(i, &body.text);
            let mut terms = Writer::default();
            let mut count = 0u64;
            feed.score(i, &body.text, |term, score| {
                short(&mut terms, term.as_bytes());
                terms.bytes.push(score);
                count += 1;
            });
            head.varint(count);
            head.bytes.extend_from_slice(&terms.bytes);
            self.put(&page.path, &page.contents);
            doc = page.contents;
        } else {
            head.varint(0);
        }
        let (Some(bodies), Some(key)) = (&self.bodies, self.key(i)) else {
            return;
        };
        let writer = self.writer.get_or_init(|| {
            let limit = crate::limits::CACHE_PACK_BYTES;
            PackWriter::create(&bodies.root, NAME, LAYOUT, &bodies.stamp, limit)
        });
        if let Some(writer) = writer {
            let head = head.bytes;
            let head_len = (head.len() as u64).to_le_bytes();
            let html_len = (body.html.len() as u64).to_le_bytes();
            let parts: [&[u8]; 5] = [&head_len, &head, &html_len, body.html.as_bytes(), &doc];
            writer.add(key, &parts);
        }
    }
}

/// The key of an article's entry: its file's path (the slug, and so the
/// URL a result file holds, comes from it) and the digest of its bytes.
fn key(path: &str, digest: &Digest) -> Digest {
    use sha2::{Digest as _, Sha256};
    let mut hasher = Sha256::new();
    hasher.update((path.len() as u64).to_le_bytes());
    hasher.update(path);
    hasher.update(digest);
    hasher.finalize().into()
}

/// A length (7 bits a byte) and the bytes.
fn short(out: &mut Writer, bytes: &[u8]) {
    out.varint(bytes.len() as u64);
    out.bytes.extend_from_slice(bytes);
}

/// One entry as read back.
struct Decoded<'e> {
    body: Body,
    headings: Vec<Heading>,
    terms: Vec<(&'e str, u8)>,
    html: &'e str,
    doc: &'e [u8],
}

/// An entry's parts; `None` unless all of it reads.
fn decode(bytes: &[u8]) -> Option<Decoded<'_>> {
    let mut entry = Reader::new(bytes);
    let mut head = Reader::new(entry.field()?);
    let html = std::str::from_utf8(entry.field()?).ok()?;
    let doc = entry.bytes(entry.rest_len())?;
    let body = Body {
        start: head.usize()?,
        len: head.usize()?,
        hash: head.u64()?,
    };
    let count = usize::try_from(head.varint()?).ok()?;
    let mut headings = Vec::with_capacity(count.min(head.rest_len()));
    for _ in 0..count {
        let level = *head.bytes(1)?.first()?;
        let id = read_short(&mut head)?.to_string();
        let text = read_short(&mut head)?.to_string();
        headings.push(Heading { level, id, text });
    }
    let count = usize::try_from(head.varint()?).ok()?;
    let mut terms = Vec::with_capacity(count.min(head.rest_len()));
    for _ in 0..count {
        let term = read_short(&mut head)?;
        let score = *head.bytes(1)?.first()?;
        if term.is_empty() || score == 0 {
            return None;
        }
        terms.push((term, score));
    }
    head.is_empty().then_some(Decoded {
        body,
        headings,
        terms,
        html,
        doc,
    })
}

/// The twin of [`short`], as text.
fn read_short<'e>(reader: &mut Reader<'e>) -> Option<&'e str> {
    let len = usize::try_from(reader.varint()?).ok()?;
    std::str::from_utf8(reader.bytes(len)?).ok()
}

#[cfg(test)]
mod tests;
