//! Output stage: write the built site so that the output folder is always
//! exactly the previous site or exactly the new one.
//!
//! Takes the output folder, the list of paths the site will have, then each
//! file's bytes as it is rendered; gives back the new site in place of the
//! old one. A build locks the output ([`lock`]: a file beside it; a second
//! build into the same folder waits), writes the whole new site into a
//! staging folder beside it ([`staging`]: unchanged files are hard links to
//! the old ones, so they keep their bytes and inodes) and exchanges the two
//! folders in one step.
//! Every file operation goes through [`ops`], which a test can stop after
//! any number of them. A folder briefing did not write (no marker file) is
//! never replaced.

pub(crate) mod digest;
mod lock;
pub(crate) mod ops;
mod staging;

use std::io;
use std::path::{Path, PathBuf};

use ahash::AHashSet;

pub(crate) use staging::{Published, Staging};

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RenderedPage {
    /// Path inside the output folder, with `/` separators
    /// (`articles/some-slug/index.html`).
    pub path: String,
    /// File contents.
    pub contents: Vec<u8>,
}

/// A file-system failure, naming the path involved.
#[derive(Debug, thiserror::Error)]
#[error("{action} {}: {source}", path.display())]
pub struct OutputError {
    /// What was being done.
    pub action: &'static str,
    /// The path it was done to.
    pub path: PathBuf,
    /// The underlying error.
    #[source]
    pub source: io::Error,
}

fn fail<'p>(action: &'static str, path: &'p Path) -> impl FnOnce(io::Error) -> OutputError + 'p {
    move |source| OutputError {
        action,
        path: path.to_path_buf(),
        source,
    }
}

/// A sibling of the folder `real`: `.<name>.<suffix>`.
fn sibling_of(real: &Path, suffix: &str) -> PathBuf {
    let name = real
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    real.with_file_name(format!(".{name}.{suffix}"))
}

fn refuse(path: &Path, why: &str) -> OutputError {
    OutputError {
        action: "refusing to write the site into",
        path: path.to_path_buf(),
        source: io::Error::other(why.to_string()),
    }
}

/// File in every output folder saying briefing wrote it: a folder without
/// it is never replaced, so a mistyped `--output` cannot delete a project.
/// It is the first file of every staging folder, so a folder a killed build
/// left is recognised as briefing's too.
pub(crate) const MARKER: &str = ".briefing-output";
const MARKER_TEXT: &str = "This folder is written by briefing and replaced on every build.\n";

/// An output folder locked for one build, with whatever an interrupted
/// build left beside it cleaned up.
#[derive(Debug)]
pub(crate) struct Output {
    /// The folder as named (for messages).
    named: PathBuf,
    /// The real folder: through a symlink, so the link survives and its
    /// target is replaced.
    real: PathBuf,
    _lock: lock::OutputLock,
}

impl Output {
    /// Lock the output folder for this build (waiting while another build
    /// holds it), then finish or undo what an interrupted build left.
    pub(crate) fn lock(output: &Path) -> Result<Output, OutputError> {
        let real = real_path(output)?;
        let lock = lock::lock(&real, output)?;
        let output = Output {
            named: output.to_path_buf(),
            real,
            _lock: lock,
        };
        staging::recover(&output)?;
        Ok(output)
    }

    /// Start writing a new site with exactly these files (besides the
    /// marker), after refusing a folder briefing must not replace.
    #[cfg(test)]
    pub(crate) fn stage<'p>(
        &self,
        paths: impl IntoIterator<Item = &'p str>,
    ) -> Result<Staging<'_>, OutputError> {
        self.stage_with(paths, &[], None)
    }

    /// [`Output::stage`], with files to come in the folders of `later`
    /// whose names are not known yet (the search index's).
    pub(crate) fn stage_with<'p>(
        &self,
        paths: impl IntoIterator<Item = &'p str>,
        later: &[&str],
        checked: Option<digest::FileStamps>,
    ) -> Result<Staging<'_>, OutputError> {
        self.refuse_foreign()?;
        let paths: Vec<&str> = paths.into_iter().collect();
        let mut folders = folders_of(&paths)?;
        folders.extend(later.iter().flat_map(|path| ancestors(path)));
        let later = later.iter().filter_map(|path| ancestors(path).next());
        Staging::begin(
            self,
            paths.iter().copied().collect(),
            folders,
            later.collect(),
            checked,
        )
    }

    /// The real output folder (through a symlink: its target).
    pub(crate) fn folder(&self) -> &Path {
        &self.real
    }

    /// A sibling of the real output folder: `.<name>.<suffix>`.
    fn sibling(&self, suffix: &str) -> PathBuf {
        sibling_of(&self.real, suffix)
    }

    fn refuse_foreign(&self) -> Result<(), OutputError> {
        let Ok(meta) = std::fs::symlink_metadata(&self.real) else {
            return Ok(());
        };
        if !meta.is_dir() {
            return Err(refuse(&self.named, "it is a file, not a folder"));
        }
        if !is_ours(&self.real).map_err(fail("cannot read", &self.real))? {
            return Err(refuse(
                &self.named,
                "the folder is not empty and was not written by briefing (it has no .briefing-output file); \
                 choose an empty or new folder, or move this one away first (deleting it loses its files)",
            ));
        }
        Ok(())
    }
}

/// The folder to replace: the target of a symlinked output, otherwise the
/// output in its parent's real folder (created if missing, so that two
/// spellings of one folder share one lock).
pub(crate) fn real_path(output: &Path) -> Result<PathBuf, OutputError> {
    if output.exists() {
        return output
            .canonicalize()
            .map_err(fail("cannot resolve", output));
    }
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let Some(name) = output.file_name() else {
        return Err(refuse(output, "it names no folder"));
    };
    std::fs::create_dir_all(parent).map_err(fail("cannot create folder", parent))?;
    let parent = parent
        .canonicalize()
        .map_err(fail("cannot resolve", parent))?;
    Ok(parent.join(name))
}

/// A folder briefing wrote (it has the marker) or an empty one.
fn is_ours(folder: &Path) -> io::Result<bool> {
    Ok(folder.join(MARKER).is_file() || std::fs::read_dir(folder)?.next().is_none())
}

/// Write `pages` and the site's static files (`build::read_static_files`;
/// pages override static files) into `output`, replacing its previous
/// content atomically (the output tests' one-call twin of a build).
#[cfg(test)]
pub(crate) fn commit(
    output: &Path,
    pages: &[RenderedPage],
    statics: &[RenderedPage],
) -> Result<(), OutputError> {
    let output = Output::lock(output)?;
    let files: std::collections::BTreeMap<&str, &[u8]> = statics
        .iter()
        .chain(pages)
        .map(|file| (file.path.as_str(), file.contents.as_slice()))
        .collect();
    let staging = output.stage(files.keys().copied())?;
    for (path, contents) in &files {
        staging.put(path, contents)?;
    }
    staging.commit().map(drop)
}

/// [`commit`] as a build does it after checking the output against its
/// record: begun with the stamps that check found (`checked`), which say
/// which files of an old site are the output's own. The published site's
/// digest from what was written must be a walk's, or the next build
/// would not trust the output it left.
#[cfg(test)]
pub(crate) fn commit_checked(output: &Path, pages: &[RenderedPage]) -> Result<(), OutputError> {
    let checked = digest::of_folder_stamped(output).map(|(_, files)| files);
    let output = Output::lock(output)?;
    let paths = pages.iter().map(|page| page.path.as_str());
    let staging = output.stage_with(paths, &[], checked)?;
    for page in pages {
        staging.put(&page.path, &page.contents)?;
    }
    let published = staging.commit()?;
    let walked = digest::of_folder(published.folder()).map(|(digest, _)| digest);
    assert_eq!(published.digest().map(|(digest, _)| digest), walked);
    Ok(())
}

/// Every folder on the way to `paths`, once each. A path used both as a
/// file and as a folder cannot be written: said before anything touches
/// the disk.
fn folders_of<'p>(paths: &[&'p str]) -> Result<AHashSet<&'p str>, OutputError> {
    let folders: AHashSet<&str> = paths.iter().flat_map(|p| ancestors(p)).collect();
    let Some(file) = paths.iter().find(|p| folders.contains(*p)) else {
        return Ok(folders);
    };
    let inside = paths
        .iter()
        .find(|p| ancestors(p).any(|folder| folder == *file))
        .unwrap_or(file);
    Err(OutputError {
        action: "cannot write a file where a folder is needed for",
        path: PathBuf::from(inside),
        source: io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("`{file}` is also a file"),
        ),
    })
}

/// `a/b/c.html` → `a/b`, `a`.
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    path.rmatch_indices('/').map(move |(i, _)| &path[..i])
}

#[cfg(test)]
mod tests;
