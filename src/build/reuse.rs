//! Between builds: proving that a rebuild has nothing, or little, to do.
//!
//! Takes the build's options and its locked output folder; gives back what
//! the last build into that folder recorded, when the folder still holds
//! exactly what that build wrote. When the inputs are the same too,
//! `build` stops before loading or rendering anything; when the only
//! change is to articles (every other input as recorded),
//! [`changed_articles`] names them and `build` renders only the pages
//! they touch (`render::touched`), keeping every other file as it is.
//!
//! Every successful build records two SHA-256 digests in
//! `<root>/.briefing-cache/<output>.build` (scratch space: never published,
//! safe to delete at any time; one file per output folder, named by a hash
//! of its real path):
//!
//! - the inputs: the briefing executable (its path and file stamp, as
//!   below), the build's options (drafts, preview, injected script), and
//!   the path and bytes of `site.yaml` and of every file under `content/`,
//!   `themes/`, `templates/` and `static/` (read through `sitefs`, as the
//!   build reads them), so any edit, addition or removal of an article, a
//!   registry entry, a template, a static file or the config, and any new
//!   binary, changes it (the record also keeps each file's own digest,
//!   and for an article the digest of its front matter, to say which
//!   files changed). A file is not read again while its stamp (inode,
//!   size, modification and change times) is the one the record holds
//!   for it: the record keeps a file's stamp only when the file last
//!   changed well before that build started, so any later change,
//!   whatever it does to the modification time, gives another change
//!   time (as git's index does);
//! - the output as that build left it: every path under the folder with
//!   its type, inode, size, modification and change times. Editing,
//!   adding, deleting or replacing a file there (by hand, or by another
//!   site's build into the same folder) changes it: a change time cannot
//!   be set back, and the build returns only once every change time in
//!   the folder is older than a clock tick of the file system, so a later
//!   change cannot share one. The build makes this digest from what it
//!   wrote (`output::digest`: each file stamped on its descriptor as it
//!   is written), the next build by walking the folder.
//!
//! A build skips only when both match: the same inputs through the same
//! program give the same bytes (builds are deterministic, tested), and the
//! folder still holds the files that build wrote. Anything else (no record,
//! an unreadable input, another digest) is a full build, which replaces
//! the record: it deletes the old one before publishing and writes the new
//! one after, so a build cut short in between leaves none. Recording is
//! best effort: a cache that cannot be written costs the next build its
//! shortcut, never its output.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use rayon::prelude::*;
use sha2::{Digest as _, Sha256};

use super::fronts::Fronts;
use super::BuildOptions;
use crate::content::library::ReadArticles;
use crate::output::digest::{field, stamp, FileStamps};
use crate::output::Published;
use crate::sitefs::Walk;
use layout::{format_record, hex, parse_record};
use stamps::{file_system_now, stamp_of, trusted};

mod layout;
mod stamps;

/// The scratch folder, in the site root.
pub(crate) const CACHE_FOLDER: &str = ".briefing-cache";

/// Bumped whenever what a digest covers, or the record's layout, changes.
const FORMAT: &str = "briefing build record 3";

pub(crate) use crate::output::digest::Digest;

/// Everything a build reads, digested.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Inputs {
    /// Digest of all of it.
    pub(crate) digest: Digest,
    /// Digest of what is not a site file: the format, the executable, the
    /// build's options.
    program: Digest,
    /// Each site file, sorted by path.
    files: Vec<Source>,
}

impl Inputs {
    /// Each site file's path (`/`-separated, inside the site) and the
    /// digest of its bytes, sorted by path.
    pub(crate) fn file_digests(&self) -> impl Iterator<Item = (&str, &Digest)> {
        self.files.iter().map(|f| (f.path.as_str(), &f.bytes))
    }
}

/// One input file's digests.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Source {
    /// Path inside the site, `/`-separated.
    path: String,
    /// Digest of its bytes.
    bytes: Digest,
    /// An article's front matter (everything before its body); `None`
    /// for other files and articles that do not split.
    front: Option<Digest>,
    /// Digest of the file's stamp (inode, size, modification and change
    /// times: `output::digest::stamp`) taken before its bytes were read,
    /// and of the executable that read them ([`stamp_of`]), when the file
    /// had last changed well before the build started ([`trusted`]);
    /// `None` otherwise. Not part of the inputs' digest: a file touched
    /// but not changed is the same input.
    stamp: Option<Digest>,
}

/// What a build into one output folder left there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Record {
    /// What the build read.
    pub(crate) inputs: Inputs,
    /// Digest of the output folder as the build left it.
    pub(crate) output: Digest,
    /// Files the build wrote (for its report).
    pub(crate) files: usize,
    /// Articles it rendered.
    pub(crate) articles: usize,
}

/// Digest of everything a build with `options` reads; `None` when a file
/// cannot be read (the build itself will say why).
#[cfg(test)]
pub(crate) fn inputs(options: &BuildOptions) -> Option<(Inputs, Fronts)> {
    inputs_walked(options, &crate::sitefs::walk_site(&options.root), None)
        .map(|(inputs, fronts, _)| (inputs, fronts))
}

/// Digest of everything a build with `options` reads, the site's folders
/// as `walks` found them ([`crate::sitefs::walk_site`]: the build's one
/// walk of them); `None` when a file cannot be read (the build itself will
/// say why). A file whose stamp is the one `earlier` (the record of the
/// last build into the output) holds for it is not read again: that
/// build's digests stand for its bytes. The stamps of files that changed
/// well before now are kept for the next build.
///
/// The article files read are handed on whole, up to
/// [`crate::limits::HELD_ARTICLE_BYTES`] of them: the library is built
/// from these very bytes and each body rendered from them, where each
/// file was read twice more.
pub(crate) fn inputs_walked(
    options: &BuildOptions,
    walks: &[Walk],
    earlier: Option<&Record>,
) -> Option<(Inputs, Fronts, ReadArticles)> {
    // Taken before any file is looked at: stamps trusted are older.
    let started = file_system_now(options);
    let hold = crate::limits::HELD_ARTICLE_BYTES;
    inputs_since(options, walks, started, earlier, hold)
}

/// [`inputs_walked`] for a reader that records nothing (serve): no stamp
/// is kept, and nothing is written to find the file system's time.
pub(crate) fn inputs_unrecorded(
    options: &BuildOptions,
    walks: &[Walk],
    earlier: Option<&Record>,
) -> Option<Inputs> {
    inputs_since(options, walks, None, earlier, 0).map(|(inputs, ..)| inputs)
}

/// [`inputs_walked`] for a build that started at `started` (nanoseconds,
/// by the file system's clock; `None`: no stamp is kept), handing on up
/// to `hold` bytes of article files.
fn inputs_since(
    options: &BuildOptions,
    walks: &[Walk],
    started: Option<i128>,
    earlier: Option<&Record>,
    hold: u64,
) -> Option<(Inputs, Fronts, ReadArticles)> {
    let root = &options.root;
    let mut files = vec![PathBuf::from(crate::config::CONFIG_FILE)];
    for walk in walks {
        files.extend(
            walk.files
                .iter()
                .filter_map(|f| f.strip_prefix(root).ok().map(Path::to_path_buf)),
        );
    }
    let site = crate::sitefs::Root::open(root);
    let executable = executable()?;
    let left = AtomicU64::new(hold);
    let sources = files
        .into_par_iter()
        .with_max_len(crate::ITEMS_A_TASK)
        .map(|relative| source_of(&site, relative, &executable, started, earlier, &left))
        .collect::<Option<Vec<_>>>();
    let program = program(options, &executable);
    let mut texts = ReadArticles::new();
    let (mut files, read): (Vec<Source>, Vec<_>) = (sources?.into_iter())
        .map(|(source, front, text)| {
            texts.extend(text);
            (source, front)
        })
        .unzip();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    let mut hasher = Sha256::new();
    hasher.update(program);
    for file in &files {
        field(&mut hasher, file.path.as_bytes());
        hasher.update(file.bytes);
    }
    // The front matter of each article: as read, or as the last build
    // kept it beside its record.
    let read: HashMap<Digest, Box<[u8]>> = read.into_iter().flatten().collect();
    let kept = (files.iter())
        .filter_map(|file| file.front.filter(|digest| !read.contains_key(digest)))
        .collect();
    let inputs = Inputs {
        digest: hasher.finalize().into(),
        program,
        files,
    };
    Some((inputs, Fronts { read, kept }, texts))
}

/// An article's front matter as read: its digest and text.
type FrontText = (Digest, Box<[u8]>);

/// The site file at `relative` as read: its digests, its front matter's
/// text when it is an article, and its whole text when it is an article's
/// Markdown that `left` (the bytes still to hand on) has room for.
type SourceRead = (Source, Option<FrontText>, Option<(PathBuf, Arc<str>)>);

/// The digests of the site file at `relative`: the recorded ones when its
/// stamp is the one `earlier` holds, otherwise from its bytes (with, for an
/// article, its front matter's text, and its whole text as `left` allows);
/// `None` when it cannot be read.
fn source_of(
    site: &crate::sitefs::Root<'_>,
    relative: PathBuf,
    executable: &Digest,
    started: Option<i128>,
    earlier: Option<&Record>,
    left: &AtomicU64,
) -> Option<SourceRead> {
    let path = relative.to_str()?.replace(std::path::MAIN_SEPARATOR, "/");
    let opened = site.open_file(&relative).ok()?;
    let raw = stamp(opened.metadata());
    let stamp = raw.as_ref().map(|raw| stamp_of(raw, executable));
    if let Some(same) = stamp.and_then(|stamp| earlier?.same(&path, stamp)) {
        return Some((same, None, None));
    }
    let kept = raw.zip(started).is_some_and(|(raw, at)| trusted(&raw, at));
    let bytes = opened.read(crate::limits::STATIC_FILE_BYTES).ok()?;
    let article = (relative.starts_with(ARTICLES))
        .then(|| simdutf8::basic::from_utf8(&bytes).ok())
        .flatten();
    let front = (article.and_then(front_matter))
        .map(|text| (Sha256::digest(text).into(), Box::from(text.as_bytes())));
    let source = Source {
        path,
        bytes: Sha256::digest(&bytes).into(),
        front: front.as_ref().map(|(digest, _)| *digest),
        stamp: stamp.filter(|_| kept),
    };
    // Only a file the library reads as an article, within its bound (a
    // larger one is read there again, for its error).
    let text = article
        .filter(|_| crate::content::source::is_content_markdown(&relative))
        .filter(|text| text.len() as u64 <= crate::limits::CONTENT_FILE_BYTES)
        .filter(|text| take(left, text.len() as u64))
        .map(|text| (relative, Arc::from(text)));
    Some((source, front, text))
}

/// Take `bytes` from `left`, if it has as many.
fn take(left: &AtomicU64, bytes: u64) -> bool {
    (left.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
        left.checked_sub(bytes)
    }))
    .is_ok()
}

/// Digest of what is not a site file: the record's format, the
/// `executable`, the build's options.
fn program(options: &BuildOptions, executable: &Digest) -> Digest {
    let mut hasher = Sha256::new();
    field(&mut hasher, FORMAT.as_bytes());
    hasher.update(executable);
    hasher.update([u8::from(options.drafts), u8::from(options.render.preview)]);
    let inject = options.render.inject.as_deref().unwrap_or_default();
    field(&mut hasher, inject.as_bytes());
    hasher.finalize().into()
}

/// Where articles live; only their front matter is digested on its own.
const ARTICLES: &str = "content/articles";

/// An article file up to its body; `None` when it does not split.
fn front_matter(text: &str) -> Option<&str> {
    let parts = crate::content::front_matter::split(text).ok()?;
    Some(&text[..text.len() - parts.body.len()])
}

/// The record of the last build into `output`, whatever the folder holds
/// now.
pub(crate) fn recorded(options: &BuildOptions, output: &Path) -> Option<Record> {
    let bytes = read_scratch(options, &record_path(options, output)?)?;
    parse_record(std::str::from_utf8(&bytes).ok()?)
}

/// `record`, the [`recorded`] one of `output`, if the folder still holds
/// exactly what that build left; with each file's stamp as found.
pub(crate) fn previous(record: Record, output: &Path) -> Option<(Record, FileStamps)> {
    let ((digest, _), files) = crate::output::digest::of_folder_stamped(output)?;
    (digest == record.output).then_some((record, files))
}

/// An article file that changed since the last build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Changed {
    /// Path inside the site.
    pub(crate) path: PathBuf,
    /// The digest of its front matter at the last build (kept in the
    /// [`Fronts`] file); `None` for a file that is new.
    pub(crate) front_before: Option<Digest>,
    /// Whether the file is still there.
    pub(crate) now: bool,
}

/// The article files edited, added or removed since `record`, when
/// nothing else changed: same program and options, every other file the
/// same, and every changed article one whose front matter was known.
/// `None` otherwise (or when nothing changed).
pub(crate) fn changed_articles(record: &Record, now: &Inputs) -> Option<Vec<Changed>> {
    let before = &record.inputs;
    if before.program != now.program {
        return None;
    }
    let article = |source: &Source| {
        let path = Path::new(&source.path);
        (path.starts_with(ARTICLES) && source.front.is_some()).then(|| path.to_path_buf())
    };
    let (mut old, mut new) = (before.files.iter().peekable(), now.files.iter().peekable());
    let mut changed = Vec::new();
    loop {
        let (a, b) = (old.peek(), new.peek());
        let order = match (a, b) {
            (None, None) => break,
            (Some(a), Some(b)) => a.path.cmp(&b.path),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
        };
        let change = match order {
            std::cmp::Ordering::Equal => {
                let (a, b) = (old.next()?, new.next()?);
                if a.bytes == b.bytes {
                    continue;
                }
                article(b).zip(article(a)).map(|(path, _)| Changed {
                    path,
                    front_before: a.front,
                    now: true,
                })
            }
            std::cmp::Ordering::Less => old.next().and_then(|a| {
                article(a).map(|path| Changed {
                    path,
                    front_before: a.front,
                    now: false,
                })
            }),
            std::cmp::Ordering::Greater => new.next().and_then(|b| {
                article(b).map(|path| Changed {
                    path,
                    front_before: None,
                    now: true,
                })
            }),
        };
        changed.push(change?);
    }
    (!changed.is_empty()).then_some(changed)
}

/// The extension of the [`Fronts`] file beside a record.
const FRONTS: &str = "fronts";

/// The front matter texts of digests `wanted`, as the last build into
/// `output` kept them; `None` unless every one is there.
pub(crate) fn previous_fronts(
    options: &BuildOptions,
    output: &Path,
    wanted: &[Digest],
) -> Option<HashMap<Digest, String>> {
    let path = record_path(options, output)?.with_extension(FRONTS);
    Fronts::texts(&read_scratch(options, &path)?, wanted)
}

/// Forget the record of `output`: it is about to change.
pub(crate) fn forget(options: &BuildOptions, output: &Path) {
    if let Some(path) = record_path(options, output) {
        let _ = std::fs::remove_file(path);
    }
}

/// Save the front matter texts of the build about to be recorded for
/// `output`, beside its record (alone, the file is never read: its texts
/// are only looked up through a record).
pub(crate) fn save_fronts(options: &BuildOptions, output: &Path, fronts: &Fronts) {
    let Some(path) = record_path(options, output) else {
        return;
    };
    if !scratch_writable(options, &path) {
        return;
    }
    let path = path.with_extension(FRONTS);
    // What the build did not read, the file it replaces holds.
    let old = match fronts.kept.is_empty() {
        true => None,
        false => read_scratch(options, &path),
    };
    fronts.write(&path, old.as_deref().unwrap_or_default());
}

/// Record that a build of `inputs` just left `output` as it is now:
/// `published`, what it wrote there.
pub(crate) fn record(
    options: &BuildOptions,
    published: &Published,
    inputs: &Inputs,
    files: usize,
    articles: usize,
) {
    let Some(path) = record_path(options, published.folder()) else {
        return;
    };
    if !scratch_writable(options, &path) {
        return;
    }
    let Some(digest) = published.digest().and_then(settle) else {
        return;
    };
    let record = Record {
        inputs: inputs.clone(),
        output: digest,
        files,
        articles,
    };
    let _ = crate::ingest::write_atomic(&path, format_record(&record).as_bytes());
}

/// The folder of the scratch file at `path` exists, made if need be, and
/// no link leads it out of the site.
fn scratch_writable(options: &BuildOptions, path: &Path) -> bool {
    let Some(folder) = path.parent() else {
        return false;
    };
    crate::sitefs::check_writable(&options.root, Path::new(CACHE_FOLDER)).is_ok()
        && std::fs::create_dir_all(folder).is_ok()
}

/// How far the newest change time in a recorded folder must lie in the
/// past before the build returns. File systems stamp change times from a
/// coarse clock (one tick: 1–10 ms), so a file rewritten in the tick of
/// its last change could keep its stamp; once every stamp is older than
/// this, any later change gets a newer one.
const SETTLED: Duration = Duration::from_millis(20);

/// `digest`, once its newest change time is [`SETTLED`] (waiting for
/// that); `None` when the clock is unreadable.
fn settle((digest, newest): (Digest, i128)) -> Option<Digest> {
    let wait = newest + SETTLED.as_nanos() as i128 - nanos(SystemTime::now())?;
    if wait > 0 {
        std::thread::sleep(Duration::from_nanos(wait as u64));
    }
    Some(digest)
}

fn nanos(time: SystemTime) -> Option<i128> {
    let since = time.duration_since(SystemTime::UNIX_EPOCH).ok()?;
    Some(since.as_nanos() as i128)
}

/// `<root>/.briefing-cache/<hash of the output's real path>.build`.
pub(super) fn record_path(options: &BuildOptions, output: &Path) -> Option<PathBuf> {
    let name = Sha256::digest(output.as_os_str().as_encoded_bytes());
    let name = hex(&name[..8]);
    let folder = options.root.join(CACHE_FOLDER);
    if std::fs::symlink_metadata(&folder).is_ok_and(|m| !m.is_dir()) {
        return None;
    }
    Some(folder.join(format!("{name}.build")))
}

/// The scratch file at `path` (in the site's scratch folder), read as
/// every site file is: confined to the site, never from a FIFO, within
/// [`crate::limits::CACHE_FILE_BYTES`].
fn read_scratch(options: &BuildOptions, path: &Path) -> Option<Vec<u8>> {
    let relative = path.strip_prefix(&options.root).ok()?;
    crate::sitefs::read(&options.root, relative, crate::limits::CACHE_FILE_BYTES).ok()
}

/// The running executable: a new briefing may render the same inputs
/// differently. Its path, inode, size, modification and change times, as
/// for the output folder (hashing its bytes would cost more than a small
/// site's whole build); `None` where those are missing.
pub(super) fn executable() -> Option<Digest> {
    let path = std::env::current_exe().ok()?;
    let mut hasher = Sha256::new();
    field(&mut hasher, path.as_os_str().as_encoded_bytes());
    hasher.update(stamp(&std::fs::metadata(&path).ok()?)?);
    Some(hasher.finalize().into())
}

#[cfg(test)]
mod tests;
