//! Output stage: write rendered pages and static files atomically.
//!
//! Everything goes into a staging folder beside the output folder; only
//! when all of it is written does the staging folder replace the output in
//! two renames. A failure at any point leaves the previous output as it was
//! and removes the staging folder, so nothing stale or half-written remains.

use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedPage {
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

/// Write `pages` and the files under each of `static_dirs` (later folders
/// override earlier ones) into `output`, replacing it atomically.
pub fn commit(
    output: &Path,
    pages: &[RenderedPage],
    static_dirs: &[PathBuf],
) -> Result<(), OutputError> {
    let staging = sibling(output, "staging");
    if staging.exists() {
        std::fs::remove_dir_all(&staging)
            .map_err(fail("cannot remove stale staging folder", &staging))?;
    }
    let result = write_all(&staging, pages, static_dirs).and_then(|()| swap(&staging, output));
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

fn write_all(
    staging: &Path,
    pages: &[RenderedPage],
    static_dirs: &[PathBuf],
) -> Result<(), OutputError> {
    std::fs::create_dir_all(staging).map_err(fail("cannot create staging folder", staging))?;
    for dir in static_dirs.iter().filter(|d| d.is_dir()) {
        copy_tree(dir, staging)?;
    }
    pages.par_iter().try_for_each(|page| {
        let path = staging.join(&page.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(fail("cannot create folder", parent))?;
        }
        std::fs::write(&path, &page.contents).map_err(fail("cannot write", &path))
    })
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), OutputError> {
    for entry in WalkDir::new(from).sort_by_file_name() {
        let entry = entry.map_err(|err| OutputError {
            action: "cannot read static folder",
            path: from.to_path_buf(),
            source: err
                .into_io_error()
                .unwrap_or_else(|| io::Error::other("walk failed")),
        })?;
        let relative = entry.path().strip_prefix(from).unwrap_or(entry.path());
        let target = to.join(relative);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).map_err(fail("cannot create folder", &target))?;
        } else if entry.file_type().is_file() {
            std::fs::copy(entry.path(), &target)
                .map_err(fail("cannot copy static file", entry.path()))?;
        }
    }
    Ok(())
}

/// Put `staging` in place of `output`: move the old output aside, rename,
/// then delete the old one. Between the two renames a reader may briefly
/// find no folder, never a mixed one.
fn swap(staging: &Path, output: &Path) -> Result<(), OutputError> {
    if !output.exists() {
        return std::fs::rename(staging, output)
            .map_err(fail("cannot move staging folder to", output));
    }
    let old = sibling(output, "old");
    if old.exists() {
        remove_tree(&old).map_err(fail("cannot remove", &old))?;
    }
    std::fs::rename(output, &old).map_err(fail("cannot move aside", output))?;
    if let Err(err) = std::fs::rename(staging, output) {
        // Put the previous site back before reporting.
        let _ = std::fs::rename(&old, output);
        return Err(fail("cannot move staging folder to", output)(err));
    }
    remove_tree(&old).map_err(fail("cannot remove previous output", &old))
}

/// Remove a folder tree, unlinking its files in parallel: a site has tens of
/// thousands of files, and one-by-one deletion dominated rebuild time.
fn remove_tree(root: &Path) -> io::Result<()> {
    let mut files = Vec::new();
    for entry in WalkDir::new(root) {
        let entry = entry.map_err(|err| {
            err.into_io_error()
                .unwrap_or_else(|| io::Error::other("walk failed"))
        })?;
        if !entry.file_type().is_dir() {
            files.push(entry.into_path());
        }
    }
    files.par_iter().try_for_each(std::fs::remove_file)?;
    std::fs::remove_dir_all(root)
}

fn sibling(output: &Path, suffix: &str) -> PathBuf {
    let name = output
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    output.with_file_name(format!(".{name}.{suffix}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, text: &str) -> RenderedPage {
        RenderedPage {
            path: path.into(),
            contents: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn replaces_output_and_drops_stale_files() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        commit(
            &output,
            &[page("a/index.html", "one"), page("old.html", "x")],
            &[],
        )
        .unwrap();
        commit(&output, &[page("a/index.html", "two")], &[]).unwrap();
        assert_eq!(
            std::fs::read_to_string(output.join("a/index.html")).unwrap(),
            "two"
        );
        assert!(!output.join("old.html").exists());
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no staging or old folder left"
        );
    }

    #[test]
    fn failed_write_leaves_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        commit(&output, &[page("index.html", "good")], &[]).unwrap();
        // A file and a folder with the same path cannot both be written.
        let err = commit(
            &output,
            &[page("x", "file"), page("x/index.html", "dir")],
            &[],
        );
        assert!(err.is_err());
        assert_eq!(
            std::fs::read_to_string(output.join("index.html")).unwrap(),
            "good"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
