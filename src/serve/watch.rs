//! Serve stage, watching: file-system events → typed changes.
//!
//! Takes the site root; watches `site.yaml` (through the root folder, so an
//! editor replacing the file by rename is seen), `content/`, `seeds/`,
//! `themes/`, `templates/` and `static/` with a short debounce; gives back
//! batches of [`Change`]s. Event kinds are not trusted: every touched path is
//! classified and the rebuild looks at what is on disk now, which handles
//! atomic saves (write temp, rename), renames, deletions and new files alike.
//! Editor swap, backup and temp files are ignored.

use std::path::{Component, Path, PathBuf};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, MetadataKind, ModifyKind};
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult};

/// Folders watched recursively, relative to the root.
pub(crate) const WATCHED: [&str; 5] = ["content", "seeds", "themes", "templates", "static"];

/// Quiet time before a batch is handed over. Editors' atomic saves are
/// a few events within a millisecond; keep this well under the 100 ms
/// save-to-reload budget.
pub(crate) const DEBOUNCE: Duration = Duration::from_millis(25);

/// What a touched path means for the site.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Change {
    /// Anything that needs everything re-read: `site.yaml`, the theme, a
    /// watched folder appearing or vanishing.
    Full,
    /// A registry entry, a plain page or a folder of articles: the library
    /// is read again (config, templates and static files are kept).
    Content,
    /// `content/articles/**.md`, relative to the root.
    Article(PathBuf),
    /// A seed, relative to the root.
    Seed(PathBuf),
    /// A template, by its name (`base.html`, `partials/card.html`).
    Template(String),
    /// A static file, by its path in the output.
    Static(String),
}

/// What the rebuild thread receives.
#[derive(Debug)]
pub(crate) enum Signal {
    /// Files changed.
    Batch(Batch),
    /// Serve is stopping.
    Stop,
}

/// A batch of changes and when its first event arrived.
#[derive(Debug)]
pub(crate) struct Batch {
    /// The changes, deduplicated.
    pub changes: Vec<Change>,
    /// Arrival of the debounced events (for the latency figure).
    pub since: Instant,
}

/// Editor droppings: swap, backup and temp files, and anything hidden.
pub(crate) fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
        || [".tmp", ".swp", ".swx", ".swo", ".bak", ".crswap"]
            .iter()
            .any(|ext| name.ends_with(ext))
        || name.contains("___jb_")
}

/// Classify one touched path; `None` when it does not affect the site.
pub(crate) fn classify(root: &Path, theme: &str, path: &Path) -> Option<Change> {
    let relative = path.strip_prefix(root).ok()?;
    let parts: Vec<&str> = relative
        .components()
        .map(|c| match c {
            Component::Normal(s) => s.to_str().unwrap_or("\u{0}"),
            _ => "\u{0}",
        })
        .collect();
    if parts.iter().any(|p| is_ignored(p) || p.contains('\u{0}')) {
        return None;
    }
    let is_md = relative.extension().is_some_and(|e| e == "md");
    match parts.as_slice() {
        ["site.yaml"] => Some(Change::Full),
        [folder] if WATCHED.contains(folder) => Some(Change::Full),
        ["content", "articles", .., _] if is_md => Some(Change::Article(relative.into())),
        ["content", "articles", ..] => folder_like(relative).then_some(Change::Content),
        ["content", "organizations" | "topics" | "places" | "pages", ..] => {
            (is_md || folder_like(relative)).then_some(Change::Content)
        }
        ["content", ..] => None,
        ["seeds", .., _] if relative.extension().is_some_and(|e| e == "txt") => {
            Some(Change::Seed(relative.into()))
        }
        ["templates", rest @ ..] => Some(Change::Template(rest.join("/"))),
        ["static", rest @ ..] => Some(Change::Static(rest.join("/"))),
        ["themes", name, "templates", rest @ ..] if *name == theme && !rest.is_empty() => {
            Some(Change::Template(rest.join("/")))
        }
        ["themes", name, "static", rest @ ..] if *name == theme && !rest.is_empty() => {
            Some(Change::Static(rest.join("/")))
        }
        ["themes", name, ..] if *name == theme => Some(Change::Full),
        _ => None,
    }
}

/// Whether an event kind can change a file. Opening, reading and closing
/// without writing cannot; they must be dropped, or every rebuild (which
/// reads the files) would trigger the next one.
fn changes_files(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        _ => true,
    }
}

/// A path with no extension may be a folder (renamed, deleted, created):
/// the files inside it changed without an event each.
fn folder_like(relative: &Path) -> bool {
    relative.extension().is_none()
}

/// A running watcher; dropping it stops watching and closes the channel.
pub(crate) struct Watcher {
    debouncer: notify_debouncer_full::Debouncer<
        notify::RecommendedWatcher,
        notify_debouncer_full::RecommendedCache,
    >,
    root: PathBuf,
    watched: Vec<PathBuf>,
}

/// Why watching could not start.
#[derive(Debug, thiserror::Error)]
#[error("cannot watch {}: {source}", path.display())]
pub struct WatchError {
    /// The folder.
    pub path: PathBuf,
    /// The cause.
    #[source]
    pub source: notify::Error,
}

/// Watch `root` (canonical) and send classified batches to `sender`.
/// `theme` picks which `themes/<name>/` matters.
pub(crate) fn start(
    root: &Path,
    theme: Arc<Mutex<String>>,
    sender: mpsc::Sender<Signal>,
) -> Result<Watcher, WatchError> {
    let root_owned = root.to_path_buf();
    let handler = move |result: DebounceEventResult| {
        let since = Instant::now();
        let events = match result {
            Ok(events) => events,
            Err(errors) => {
                for error in errors {
                    log::warn!("watch error: {error}");
                }
                return;
            }
        };
        let theme = theme.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let mut changes: Vec<Change> = events
            .iter()
            .filter(|e| changes_files(&e.event.kind))
            .flat_map(|e| e.event.paths.iter())
            .filter_map(|p| classify(&root_owned, &theme, p))
            .collect();
        changes.sort();
        changes.dedup();
        if !changes.is_empty() {
            // The receiver is gone only when serve is stopping.
            let _ = sender.send(Signal::Batch(Batch { changes, since }));
        }
    };
    let fail = |path: &Path| {
        let path = path.to_path_buf();
        move |source| WatchError { path, source }
    };
    let mut debouncer = new_debouncer(DEBOUNCE, None, handler).map_err(fail(root))?;
    debouncer
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(fail(root))?;
    let mut watcher = Watcher {
        debouncer,
        root: root.to_path_buf(),
        watched: Vec::new(),
    };
    watcher.watch_new_folders()?;
    Ok(watcher)
}

impl Watcher {
    /// Watch any of [`WATCHED`] that exists and is not watched yet (a
    /// folder created after serve started).
    pub(crate) fn watch_new_folders(&mut self) -> Result<(), WatchError> {
        for folder in WATCHED {
            let path = self.root.join(folder);
            if path.is_dir() && !self.watched.contains(&path) {
                self.debouncer
                    .watch(&path, RecursiveMode::Recursive)
                    .map_err(|source| WatchError {
                        path: path.clone(),
                        source,
                    })?;
                self.watched.push(path);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(relative: &str) -> Option<Change> {
        classify(
            Path::new("/site"),
            "default",
            &Path::new("/site").join(relative),
        )
    }

    #[test]
    fn editor_droppings_are_ignored() {
        for name in [
            ".2024-01-01-x.md.swp",
            "2024-01-01-x.md~",
            "#2024-01-01-x.md#",
            ".#2024-01-01-x.md",
            "4913",
            "2024-01-01-x.md.tmp",
            "x.md___jb_tmp___",
        ] {
            assert!(is_ignored(name), "{name}");
            assert_eq!(at(&format!("content/articles/{name}")), None, "{name}");
        }
        assert!(!is_ignored("2024-01-01-x.md"));
    }

    #[test]
    fn reads_are_not_changes() {
        let open = EventKind::Access(AccessKind::Open(AccessMode::Any));
        assert!(!changes_files(&open));
        let read = EventKind::Access(AccessKind::Close(AccessMode::Read));
        assert!(!changes_files(&read));
        let written = EventKind::Access(AccessKind::Close(AccessMode::Write));
        assert!(changes_files(&written));
        assert!(changes_files(&EventKind::Remove(
            notify::event::RemoveKind::File
        )));
    }

    #[test]
    fn paths_become_changes() {
        assert_eq!(at("site.yaml"), Some(Change::Full));
        assert_eq!(at("public/index.html"), None);
        assert_eq!(
            at("content/articles/2024-01-01-x.md"),
            Some(Change::Article("content/articles/2024-01-01-x.md".into()))
        );
        assert_eq!(at("content/articles/2024"), Some(Change::Content));
        assert_eq!(at("content/articles/notes.txt"), None);
        assert_eq!(at("content/topics/recycling.md"), Some(Change::Content));
        assert_eq!(
            at("seeds/001.txt"),
            Some(Change::Seed("seeds/001.txt".into()))
        );
        assert_eq!(
            at("themes/default/templates/partials/card.html"),
            Some(Change::Template("partials/card.html".into()))
        );
        assert_eq!(
            at("templates/article.html"),
            Some(Change::Template("article.html".into()))
        );
        assert_eq!(
            at("themes/default/static/css/style.css"),
            Some(Change::Static("css/style.css".into()))
        );
        assert_eq!(at("themes/other/static/css/style.css"), None);
        assert_eq!(at("static"), Some(Change::Full));
        assert_eq!(at(".git/index"), None);
    }
}
