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
//! cache-writer thread keeps every entry of the old pack whose article
//! is still there and puts the pack in place: most often by appending the
//! new entries and an index to the old pack's file, or by copying the
//! kept entries after the new ones into a new file when the old one holds
//! too many dead bytes (`pack`'s `append`). Nothing is written when every
//! body was known.
//!
//! An entry: the head's length and the head (the body's offset, length
//! and hash; each heading's level, id and text; each search term's
//! number and score), the HTML's length and the HTML, then the search
//! result file to the end (empty when the site has no search).
//!
//! Terms go by number, as the build's search vocabulary numbered them,
//! so that a kept body's terms are handed to search without a term
//! being read or looked up again: the pack keeps that vocabulary (each
//! term at its number, [`Pack::shared`](super::pack::Pack::shared)), and
//! a build that uses the pack begins its vocabulary with it
//! ([`Feed::seed`]), so old entries, copied as they are, and new ones
//! number alike. Terms of bodies gone stay in it; once it holds over
//! twice the terms it had when last made from nothing (plus
//! [`GROWTH_SLACK`]), the pack is not used and the build starts afresh.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use super::super::reuse::{Digest, Inputs};
use super::super::BuildError;
use super::pack::{Pack, PackWriter, Placed, Unwritten};
use super::{Layout, Reader, Writer};
use crate::content::article::Body;
use crate::content::library::Library;
use crate::diag::Diagnostic;
use crate::markdown::{Heading, RenderedMarkdown};
use crate::render;
use crate::search::postings::Counted;
use crate::search::Feed;

const LAYOUT: Layout = b"bodies 3\n";
/// Terms the pack's vocabulary may gain beyond twice its size when made
/// from nothing before it is made afresh: a small site's is not made
/// afresh for each few edits.
const GROWTH_SLACK: u64 = 4096;
const NAME: &str = "bodies";

/// The pack as it was when the build began, and the way to the writer.
pub(crate) struct Bodies {
    root: PathBuf,
    stamp: Digest,
    pack: Option<Arc<Pack>>,
    /// Each article's key now ([`key`]), by its file's path.
    now: HashMap<PathBuf, Digest>,
    /// Where the new pack goes once every body is in it; `None` when
    /// nothing is written ([`read_only`]).
    to_writer: Option<SyncSender<Finished>>,
}

/// The writer's half: run on the cache-writer thread ([`Writing::run`]).
pub(crate) struct Writing {
    pack: Option<Arc<Pack>>,
    /// Every article's key now: the entries worth keeping.
    keys: Vec<Digest>,
    written: Receiver<Finished>,
}

/// The new pack as rendering left it, for the cache-writer thread.
pub(crate) struct Finished {
    writer: PackWriter,
    /// The pack's vocabulary ([`dictionary`]).
    shared: Vec<u8>,
    /// Whether the old pack's entries number terms as the new ones do
    /// (it was used), and so may be copied.
    copy: bool,
}

/// The cache of the site at `root` for the inputs `now` (with an empty
/// pack when there is none or it does not match), and its writer; `None`
/// when the executable cannot be identified.
pub(crate) fn open(root: &Path, now: &Inputs) -> Option<(Bodies, Writing)> {
    let mut bodies = read_only(root, now)?;
    super::remove_dead_leftovers(root, NAME);
    let (to_writer, written) = sync_channel(1);
    let writing = Writing {
        pack: bodies.pack.clone(),
        keys: bodies.now.values().copied().collect(),
        written,
    };
    bodies.to_writer = Some(to_writer);
    Some((bodies, writing))
}

/// [`open`] with no writer: bodies are taken from the pack, and none
/// rendered is added to it (serve's use, `build::cached`).
pub(crate) fn read_only(root: &Path, now: &Inputs) -> Option<Bodies> {
    let config = super::digest_of(now, |path| path == crate::config::CONFIG_FILE);
    let stamp = super::stamp(LAYOUT, &[&super::registries(now), &config])?;
    let limit = crate::limits::CACHE_PACK_BYTES;
    let pack = Pack::open(root, NAME, LAYOUT, &stamp, limit).map(Arc::new);
    let now: HashMap<PathBuf, Digest> = now
        .file_digests()
        .filter(|(path, _)| path.starts_with("content/articles/"))
        .map(|(path, digest)| (PathBuf::from(path), key(path, digest)))
        .collect();
    Some(Bodies {
        root: root.to_path_buf(),
        stamp,
        pack,
        now,
        to_writer: None,
    })
}

impl Writing {
    /// Once the pages are rendered (each body rendered from its file is
    /// in the new pack, written from the render threads), put the new
    /// pack in place with the old pack's entries still wanted (appended
    /// to or copied from it); nothing when no body was rendered. A warning when the pack
    /// would pass its bound (then it is not written, and the next build
    /// renders those bodies again).
    pub(crate) fn run(self) -> Option<Diagnostic> {
        // None: no body rendered, or the build stopped.
        let Finished {
            writer,
            shared,
            copy,
        } = self.written.recv().ok()?;
        let placed = match self.pack.as_ref().filter(|_| copy) {
            Some(pack) => writer.finish_keeping(pack, &self.keys, &shared),
            None => writer.finish(&shared).map(|()| Placed::Rewritten),
        };
        log::debug!("bodies pack: {placed:?}");
        match placed {
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

thread_local! {
    /// Each thread's buffer for the entry it reads, one at a time.
    static ENTRY: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
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
    /// Terms in the old pack's vocabulary (an entry's are below).
    terms: usize,
    /// The old pack's size of vocabulary when made from nothing, when
    /// the pack is used.
    fresh: Option<u64>,
    library: &'a Library,
    feed: Option<&'a Feed<'a>>,
    put: &'a Put<'a>,
    failed: Mutex<Option<BuildError>>,
    /// Bodies rendered from their files ([`Used::rendered_from_files`]).
    from_files: AtomicUsize,
}

impl<'a> Used<'a> {
    /// Use `bodies` (none: only feed search) for the articles of `library`;
    /// made before `feed` numbers any term, to begin its vocabulary with
    /// the pack's.
    pub(crate) fn new(
        mut bodies: Option<Bodies>,
        library: &'a Library,
        feed: Option<&'a Feed<'a>>,
        put: &'a Put<'a>,
    ) -> Used<'a> {
        let (mut terms, mut fresh) = (0, None);
        if let Some(bodies) = bodies.as_mut() {
            match bodies.pack.as_deref().and_then(|pack| seed(pack, feed)) {
                Some((size, old)) => (terms, fresh) = (size, Some(old)),
                None => bodies.pack = None,
            }
        }
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
            terms,
            fresh,
            library,
            feed,
            put,
            failed: Mutex::default(),
            from_files: AtomicUsize::new(0),
        }
    }

    /// The first error writing a result file gave, if any; the new pack
    /// goes to the writer.
    pub(crate) fn finish(self) -> Result<(), BuildError> {
        let to_writer = self.bodies.as_ref().and_then(|b| b.to_writer.as_ref());
        if let (Some(to_writer), Some(Some(writer))) = (to_writer, self.writer.into_inner()) {
            let names = self.feed.map(Feed::names).unwrap_or_default();
            let fresh = self.fresh.unwrap_or(names.len() as u64);
            let shared = dictionary(fresh, &names);
            let copy = self.fresh.is_some();
            let _ = to_writer.send(Finished {
                writer,
                shared,
                copy,
            });
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

    /// How many bodies were rendered from their files so far, for a page
    /// or the site feed: those the pack did not have.
    pub(crate) fn rendered_from_files(&self) -> usize {
        self.from_files.load(Ordering::Relaxed)
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

    /// What `f` makes of article `i`'s entry, when the pack has it whole
    /// and of the body as loaded.
    fn with_entry<T>(&self, i: usize, f: impl FnOnce(Decoded<'_>) -> Option<T>) -> Option<T> {
        let pack = self.bodies.as_ref()?.pack.as_ref()?;
        let key = self.key(i)?;
        // Taken out while in use: a thread that renders another page
        // meanwhile (work stealing) reads with a buffer of its own.
        let mut buffer = ENTRY.take();
        let made = pack
            .get_in(&key, &mut buffer)
            .and_then(|bytes| decode(bytes, self.terms))
            .filter(|entry| entry.body == self.library.articles[i].body)
            .and_then(f);
        ENTRY.set(buffer);
        made
    }

    /// Article `i`'s body from its `entry`; its result file and terms go
    /// to search.
    fn take(&self, i: usize, entry: Decoded<'_>) -> Option<RenderedMarkdown> {
        if let Some(feed) = self.feed.filter(|feed| !feed.has(i)) {
            // A pack written without search is of another config.
            if entry.doc.is_empty() {
                return None;
            }
            let path = crate::search::doc_path(&self.library.articles[i].slug);
            self.put(&path, entry.doc);
            feed.scored(i, entry.terms);
        }
        Some(RenderedMarkdown {
            html: entry.html.to_string(),
            headings: entry.headings,
            // Search has its words already.
            text: String::new(),
        })
    }
}

impl render::Bodies for Used<'_> {
    fn known(&self, i: usize) -> Option<RenderedMarkdown> {
        self.with_entry(i, |entry| self.take(i, entry))
    }

    fn html(&self, i: usize) -> Option<String> {
        let html = self.with_entry(i, |entry| Some(entry.html.to_string()));
        if html.is_none() {
            // The site feed renders it from its file.
            self.from_files.fetch_add(1, Ordering::Relaxed);
        }
        html
    }

    fn rendered(&self, i: usize, body: RenderedMarkdown) {
        self.from_files.fetch_add(1, Ordering::Relaxed);
        let writes = self.bodies.as_ref().is_some_and(|b| b.to_writer.is_some());
        if self.feed.is_none() && !writes {
            return;
        }
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
            feed.score(i, &body.text);
            let counted = feed.counted(i).expect("scored just now");
            write_terms(&mut head, counted);
            self.put(&page.path, &page.contents);
            doc = page.contents;
        } else {
            head.varint(0);
        }
        let (Some(bodies), Some(key), true) = (&self.bodies, self.key(i), writes) else {
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

/// The old pack's vocabulary, `feed`'s begun with it (none: no terms are
/// handed on, as search is off or the pack is only read): its size, and
/// its size when made from nothing; `None` when it does not read, has
/// grown too large or cannot begin `feed`'s.
fn seed(pack: &Pack, feed: Option<&Feed<'_>>) -> Option<(usize, u64)> {
    let (fresh, names) = read_dictionary(pack.shared())?;
    let Some(feed) = feed else {
        // Terms go nowhere: an entry's need only be in the pack's
        // vocabulary (empty, when the pack's site has no search).
        return Some((names.len(), fresh));
    };
    (!grown(fresh, names.len()) && feed.seed(&names)).then_some((names.len(), fresh))
}

/// Whether a vocabulary of `terms` that held `fresh` when made from
/// nothing has grown enough to be made afresh.
fn grown(fresh: u64, terms: usize) -> bool {
    terms as u64 > fresh.saturating_mul(2).saturating_add(GROWTH_SLACK)
}

/// The pack's vocabulary: its size when made from nothing, then each
/// term at its number.
fn dictionary(fresh: u64, names: &[String]) -> Vec<u8> {
    let mut out = Writer::default();
    out.u64(fresh);
    out.varint(names.len() as u64);
    for name in names {
        short(&mut out, name.as_bytes());
    }
    out.bytes
}

/// The twin of [`dictionary`].
fn read_dictionary(bytes: &[u8]) -> Option<(u64, Vec<&str>)> {
    let mut reader = Reader::new(bytes);
    let fresh = reader.u64()?;
    let count = usize::try_from(reader.varint()?).ok()?;
    let mut names = Vec::with_capacity(count.min(reader.rest_len()));
    for _ in 0..count {
        names.push(read_short(&mut reader)?);
    }
    reader.is_empty().then_some((fresh, names))
}

/// An entry's terms: their count, then each one's number and score, in
/// the order they were counted (sorting them, for smaller gaps, cost a
/// clean build more than the bytes it saved).
fn write_terms(head: &mut Writer, counted: &Counted) {
    head.varint(counted.terms.len() as u64);
    for (term, score) in counted.pairs() {
        head.varint(u64::from(term));
        head.bytes.push(score);
    }
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
    terms: Counted,
    html: &'e str,
    doc: &'e [u8],
}

/// An entry's parts, its terms numbers below `terms`; `None` unless all
/// of it reads.
fn decode(bytes: &[u8], terms: usize) -> Option<Decoded<'_>> {
    let mut entry = Reader::new(bytes);
    let mut head = Reader::new(entry.field()?);
    let html = simdutf8::basic::from_utf8(entry.field()?).ok()?;
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
    let room = count.min(head.rest_len() / 2);
    let mut counted = Counted {
        terms: Vec::with_capacity(room),
        scores: Vec::with_capacity(room),
    };
    for _ in 0..count {
        let term = head.varint()?;
        let score = *head.bytes(1)?.first()?;
        if term >= terms as u64 || score == 0 {
            return None;
        }
        counted.terms.push(term as u32);
        counted.scores.push(score);
    }
    head.is_empty().then_some(Decoded {
        body,
        headings,
        terms: counted,
        html,
        doc,
    })
}

/// The twin of [`short`], as text.
fn read_short<'e>(reader: &mut Reader<'e>) -> Option<&'e str> {
    let len = usize::try_from(reader.varint()?).ok()?;
    simdutf8::basic::from_utf8(reader.bytes(len)?).ok()
}

#[cfg(test)]
mod tests;
