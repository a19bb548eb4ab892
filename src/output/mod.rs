//! Output stage: write rendered pages and static files atomically.
//!
//! A first build goes into a staging folder beside the output folder, which
//! then takes its place in one rename. A rebuild updates the existing output
//! in place (`update`): changed files are first written beside their targets
//! under temporary names, and only when all of them are written are they
//! renamed over the old ones and stale files removed. Either way a failure
//! while writing leaves the previous output as it was, with nothing stale or
//! half-written left behind; unchanged files are never touched, which keeps
//! a rebuild of ten thousand pages from re-creating every file and folder.
//! A folder briefing did not write (no marker file) is never replaced.

mod update;

use std::collections::BTreeMap;
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

/// Write `pages` and the site's static files (`build::read_static_files`;
/// pages override static files) into `output`, replacing its previous
/// content atomically.
pub fn commit(
    output: &Path,
    pages: &[RenderedPage],
    statics: &[RenderedPage],
) -> Result<(), OutputError> {
    let output = &resolve_output(output)?;
    let mut files: BTreeMap<&str, &[u8]> = BTreeMap::new();
    for file in statics.iter().chain(pages) {
        files.insert(&file.path, &file.contents);
    }
    files.insert(MARKER, MARKER_TEXT.as_bytes());
    check_paths(&files)?;
    if output.is_dir() && update::update_in_place(output, &files)? {
        return Ok(());
    }
    write_fresh(output, &files)
}

/// File in every output folder saying briefing wrote it: a folder without
/// it is never replaced, so a mistyped `--output` cannot delete a project.
pub const MARKER: &str = ".briefing-output";
const MARKER_TEXT: &str = "This folder is written by briefing and replaced on every build.\n";

/// The real output folder (through a symlink, so the link survives and its
/// target is updated), after refusing anything briefing must not replace.
fn resolve_output(output: &Path) -> Result<PathBuf, OutputError> {
    if !output.exists() {
        return Ok(output.to_path_buf());
    }
    let refuse = |why: &str| OutputError {
        action: "refusing to write the site into",
        path: output.to_path_buf(),
        source: io::Error::other(why.to_string()),
    };
    let real = output
        .canonicalize()
        .map_err(fail("cannot resolve", output))?;
    if !real.is_dir() {
        return Err(refuse("it is a file, not a folder"));
    }
    let empty = std::fs::read_dir(&real)
        .map_err(fail("cannot read", &real))?
        .next()
        .is_none();
    if !empty && !real.join(MARKER).is_file() {
        return Err(refuse(
            "the folder is not empty and was not written by briefing (it has no .briefing-output file); \
             choose an empty or new folder, or delete this one first",
        ));
    }
    Ok(real)
}

/// The output as a whole new folder: staging, then rename.
fn write_fresh(output: &Path, files: &BTreeMap<&str, &[u8]>) -> Result<(), OutputError> {
    let staging = sibling(output, "staging");
    if staging.exists() {
        remove_tree(&staging).map_err(fail("cannot remove stale staging folder", &staging))?;
    }
    let result = write_files(&staging, files).and_then(|()| swap(&staging, output));
    if result.is_err() {
        let _ = remove_tree(&staging);
    }
    result
}

fn write_files(root: &Path, files: &BTreeMap<&str, &[u8]>) -> Result<(), OutputError> {
    std::fs::create_dir_all(root).map_err(fail("cannot create folder", root))?;
    let files: Vec<(&&str, &&[u8])> = files.iter().collect();
    files.par_iter().try_for_each(|(relative, contents)| {
        let path = root.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(fail("cannot create folder", parent))?;
        }
        std::fs::write(&path, contents).map_err(fail("cannot write", &path))
    })
}

/// A path used both as a file and as a folder cannot be written; say so
/// before anything touches the disk.
fn check_paths(files: &BTreeMap<&str, &[u8]>) -> Result<(), OutputError> {
    for path in files.keys() {
        for (i, _) in path.match_indices('/') {
            if files.contains_key(&path[..i]) {
                return Err(OutputError {
                    action: "cannot write a file where a folder is needed for",
                    path: PathBuf::from(path),
                    source: io::Error::new(
                        io::ErrorKind::AlreadyExists,
                        format!("`{}` is also a file", &path[..i]),
                    ),
                });
            }
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

/// Remove a folder tree, unlinking its files in parallel.
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

    pub(super) fn page(path: &str, text: &str) -> RenderedPage {
        RenderedPage {
            path: path.into(),
            contents: text.as_bytes().to_vec(),
        }
    }

    /// A temporary folder and the (not yet existing) output inside it.
    pub(super) fn temp_output() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        (dir, output)
    }

    #[test]
    fn replaces_output_and_drops_stale_files() {
        let (dir, output) = temp_output();
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
        let (dir, output) = temp_output();
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

    #[test]
    fn refuses_a_folder_it_did_not_write() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("site.yaml"), "precious").unwrap();
        let err = commit(dir.path(), &[page("index.html", "x")], &[]).unwrap_err();
        assert!(
            err.to_string().contains("was not written by briefing"),
            "{err}"
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("site.yaml")).unwrap(),
            "precious"
        );
        assert!(!dir.path().join("index.html").exists());
    }

    #[test]
    fn refuses_a_file_as_output() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("public");
        std::fs::write(&file, "a file").unwrap();
        let err = commit(&file, &[page("index.html", "x")], &[]).unwrap_err();
        assert!(err.to_string().contains("it is a file"), "{err}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "a file");
    }

    #[test]
    fn a_symlinked_output_keeps_its_link_and_target() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("www");
        let link = dir.path().join("public");
        commit(&target, &[page("index.html", "one")], &[]).unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        commit(&link, &[page("index.html", "two")], &[]).unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(
            std::fs::read_to_string(target.join("index.html")).unwrap(),
            "two"
        );
        // A file turning into a folder takes the fresh path; still through the link.
        commit(&link, &[page("index.html/x", "three")], &[]).unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(
            std::fs::read_to_string(target.join("index.html/x")).unwrap(),
            "three"
        );
    }
}
