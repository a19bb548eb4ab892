//! Rebuilds: bring an existing output folder up to date in place.
//!
//! Takes the output folder and the complete new set of files; writes only
//! what changed. Phase one writes every changed file beside its target
//! under a temporary name (and any new folders); if any write fails (a full
//! disk, a bad path), those are removed again and the output is as it was.
//! Phase two renames them over their targets, each rename atomic; phase
//! three deletes files and folders the new set no longer has. Unchanged
//! files keep their inode and their bytes. A process killed during phases
//! two and three leaves some pages new and some old; the next build
//! completes the update.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use super::{fail, OutputError};

/// Suffix of files written in phase one; a leftover from a crash is stale
/// and removed by the next build.
const TEMP_SUFFIX: &str = ".briefing-tmp";

/// What the output folder holds now, relative paths with `/`.
struct Existing {
    files: BTreeSet<String>,
    folders: BTreeSet<String>,
}

/// Update `output` to hold exactly `files`. Returns `Ok(false)`, having
/// touched nothing, when a path changes between file and folder: the caller
/// then writes a fresh folder instead.
pub(super) fn update_in_place(
    output: &Path,
    files: &BTreeMap<&str, &[u8]>,
) -> Result<bool, OutputError> {
    let existing = scan(output)?;
    if kinds_conflict(&existing, files) {
        return Ok(false);
    }
    let changed: Vec<(&str, &[u8])> = files
        .par_iter()
        .filter(|(path, contents)| !unchanged(&output.join(path), contents))
        .map(|(path, contents)| (*path, *contents))
        .collect();
    let new_folders = missing_folders(&existing, changed.iter().map(|(p, _)| *p));
    if let Err(err) = write_temporaries(output, &new_folders, &changed) {
        remove_temporaries(output, &new_folders, &changed);
        return Err(err);
    }
    // Renames do not run out of space; should one fail anyway, the
    // temporaries not yet renamed are removed before reporting.
    let renamed = changed.par_iter().try_for_each(|(path, _)| {
        let target = output.join(path);
        std::fs::rename(temporary(&target), &target).map_err(fail("cannot replace", &target))
    });
    if let Err(err) = renamed {
        remove_temporaries(output, &[], &changed);
        return Err(err);
    }
    remove_stale(output, &existing, files)?;
    Ok(true)
}

fn scan(output: &Path) -> Result<Existing, OutputError> {
    let mut existing = Existing {
        files: BTreeSet::new(),
        folders: BTreeSet::new(),
    };
    for entry in WalkDir::new(output).min_depth(1) {
        let entry = entry.map_err(|err| OutputError {
            action: "cannot read output folder",
            path: output.to_path_buf(),
            source: err
                .into_io_error()
                .unwrap_or_else(|| io::Error::other("walk failed")),
        })?;
        let relative = entry.path().strip_prefix(output).unwrap_or(entry.path());
        let relative = relative.to_string_lossy().replace('\\', "/");
        if entry.file_type().is_dir() {
            existing.folders.insert(relative);
        } else {
            existing.files.insert(relative);
        }
    }
    Ok(existing)
}

/// A new file where a folder is, or a folder needed where a file is.
fn kinds_conflict(existing: &Existing, files: &BTreeMap<&str, &[u8]>) -> bool {
    files.keys().any(|path| {
        existing.folders.contains(*path)
            || ancestors(path).any(|folder| existing.files.contains(folder))
    })
}

/// `a/b/c.html` → `a/b`, `a`.
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    path.rmatch_indices('/').map(move |(i, _)| &path[..i])
}

fn unchanged(path: &Path, contents: &[u8]) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == contents.len() as u64)
        && std::fs::read(path).is_ok_and(|old| old == contents)
}

/// Folders the changed files need that do not exist yet, parents first.
fn missing_folders<'a>(existing: &Existing, changed: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut missing = BTreeSet::new();
    for path in changed {
        for folder in ancestors(path) {
            if !existing.folders.contains(folder) {
                missing.insert(folder.to_string());
            }
        }
    }
    // Sorted paths put a parent before its children.
    missing.into_iter().collect()
}

fn temporary(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(TEMP_SUFFIX);
    target.with_file_name(name)
}

fn write_temporaries(
    output: &Path,
    new_folders: &[String],
    changed: &[(&str, &[u8])],
) -> Result<(), OutputError> {
    for folder in new_folders {
        let path = output.join(folder);
        std::fs::create_dir(&path).map_err(fail("cannot create folder", &path))?;
    }
    changed.par_iter().try_for_each(|(path, contents)| {
        let target = temporary(&output.join(path));
        std::fs::write(&target, contents).map_err(fail("cannot write", &target))
    })
}

/// Undo phase one after a failure: the output is left as it was.
fn remove_temporaries(output: &Path, new_folders: &[String], changed: &[(&str, &[u8])]) {
    for (path, _) in changed {
        let _ = std::fs::remove_file(temporary(&output.join(path)));
    }
    for folder in new_folders.iter().rev() {
        let _ = std::fs::remove_dir(output.join(folder));
    }
}

/// Delete files the new build does not have, then folders left empty.
fn remove_stale(
    output: &Path,
    existing: &Existing,
    files: &BTreeMap<&str, &[u8]>,
) -> Result<(), OutputError> {
    let stale: Vec<&String> = existing
        .files
        .iter()
        .filter(|f| !files.contains_key(f.as_str()))
        .collect();
    stale.par_iter().try_for_each(|relative| {
        let path = output.join(relative);
        std::fs::remove_file(&path).map_err(fail("cannot remove stale file", &path))
    })?;
    let needed: BTreeSet<&str> = files.keys().flat_map(|path| ancestors(path)).collect();
    for folder in existing
        .folders
        .iter()
        .rev()
        .filter(|f| !needed.contains(f.as_str()))
    {
        let path = output.join(folder);
        std::fs::remove_dir(&path).map_err(fail("cannot remove stale folder", &path))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::MetadataExt;

    use super::super::commit;
    use super::super::tests::{page, temp_output};

    fn inode(path: &std::path::Path) -> u64 {
        std::fs::metadata(path).unwrap().ino()
    }

    #[test]
    fn rewrites_only_what_changed() {
        let (_dir, output) = temp_output();
        commit(
            &output,
            &[page("a/index.html", "same"), page("b/index.html", "old")],
            &[],
        )
        .unwrap();
        let same = inode(&output.join("a/index.html"));
        let before = inode(&output.join("b/index.html"));
        commit(
            &output,
            &[
                page("a/index.html", "same"),
                page("b/index.html", "new"),
                page("c/d/e.html", "added"),
            ],
            &[],
        )
        .unwrap();
        assert_eq!(
            inode(&output.join("a/index.html")),
            same,
            "unchanged file untouched"
        );
        assert_ne!(inode(&output.join("b/index.html")), before);
        assert_eq!(
            std::fs::read_to_string(output.join("b/index.html")).unwrap(),
            "new"
        );
        assert_eq!(
            std::fs::read_to_string(output.join("c/d/e.html")).unwrap(),
            "added"
        );
    }

    #[test]
    fn stale_files_and_empty_folders_go() {
        let (_dir, output) = temp_output();
        commit(
            &output,
            &[page("keep.html", "k"), page("gone/deep/index.html", "g")],
            &[],
        )
        .unwrap();
        std::fs::write(output.join("keep.html.briefing-tmp"), "crash leftover").unwrap();
        commit(&output, &[page("keep.html", "k")], &[]).unwrap();
        let names: Vec<_> = std::fs::read_dir(&output)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        let mut names: Vec<String> = names
            .into_iter()
            .map(|n| n.to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, vec![".briefing-output", "keep.html"]);
    }

    #[test]
    fn a_failed_write_leaves_the_output_as_it_was() {
        let (_dir, output) = temp_output();
        commit(
            &output,
            &[page("index.html", "good"), page("a/index.html", "a")],
            &[],
        )
        .unwrap();
        // A NUL byte makes the write fail after other files were written.
        let err = commit(
            &output,
            &[
                page("index.html", "changed"),
                page("new/x.html", "x"),
                page("bad\0.html", "?"),
            ],
            &[],
        );
        assert!(err.is_err());
        assert_eq!(
            std::fs::read_to_string(output.join("index.html")).unwrap(),
            "good"
        );
        assert_eq!(
            std::fs::read_to_string(output.join("a/index.html")).unwrap(),
            "a"
        );
        let mut all: Vec<String> = walkdir::WalkDir::new(&output)
            .min_depth(1)
            .into_iter()
            .map(|e| {
                e.unwrap()
                    .path()
                    .strip_prefix(&output)
                    .unwrap()
                    .display()
                    .to_string()
            })
            .collect();
        all.sort();
        assert_eq!(
            all,
            vec![".briefing-output", "a", "a/index.html", "index.html"],
            "no temporaries or new folders left"
        );
    }

    #[test]
    fn a_file_becoming_a_folder_is_written_fresh() {
        let (dir, output) = temp_output();
        commit(&output, &[page("x", "file")], &[]).unwrap();
        commit(&output, &[page("x/index.html", "folder")], &[]).unwrap();
        assert_eq!(
            std::fs::read_to_string(output.join("x/index.html")).unwrap(),
            "folder"
        );
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no staging or old folder left"
        );
    }
}
