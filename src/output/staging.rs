//! The new site, written beside the old one, then exchanged for it.
//!
//! Takes a locked [`Output`] and the new site's paths; each file is written
//! into `.<name>.staging` beside the output as soon as it is rendered (a
//! file with the same bytes in the old output is hard-linked instead, so it
//! keeps its inode). Publishing exchanges the staging folder with the
//! output in one `renameat2(RENAME_EXCHANGE)` after flushing the file
//! system. The old site, now in the staging folder, is deleted while the
//! build saves its caches, unless it shares most files with the new one:
//! then it stays, and the next build starts from it ([`adopt`]) instead of
//! linking every file anew and deleting a whole site.
//!
//! What a crash leaves behind, and what the next build (holding the lock)
//! does with it: before the exchange, the old output and a partial staging
//! folder; after it, the new output and the old site in the staging folder.
//! Either way the next build starts from that folder, proving each of its
//! files against the output, or deletes it when there is no output. Where
//! the exchange is missing (not Linux, or a file system that refuses it)
//! the old output is first renamed to `.<name>.old`, then the staging
//! folder renamed into place: for that instant no output folder exists,
//! and a crash then leaves the old site aside, which the next build moves
//! back before anything else. A leftover is used or deleted only if it is
//! briefing's (the marker, written first and removed last, or empty);
//! otherwise the build refuses to touch it.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use ahash::{AHashMap, AHashSet};
use rayon::prelude::*;

use super::digest::{self, Digest, FileStamps, Ledger, Stamp};
use super::{ancestors, fail, is_ours, ops, refuse, Output, OutputError, MARKER, MARKER_TEXT};

mod adopt;

const STAGING: &str = "staging";
const ASIDE: &str = "old";

/// The old site stays beside the output for the next build to start from
/// when at most one file in this many of the new site was written anew
/// (the rest are hard links the two share, so it costs little space).
const SPARE_WHEN_ONE_IN: usize = 4;

/// A new site being written beside the output.
#[derive(Debug)]
pub(crate) struct Staging<'o> {
    output: &'o Output,
    root: PathBuf,
    /// The staging folder, open: every file is made relative to it.
    folder: ops::Folder,
    /// The current output, when there is one to link unchanged files from.
    previous: Option<ops::Folder>,
    /// Every file and folder made in it, for the build record.
    ledger: Ledger,
    /// Folders that hold no folder (most: one page's own), made by the
    /// first file written into each rather than all before rendering, so
    /// that making them overlaps rendering instead of delaying it.
    leaves: AHashSet<Box<str>>,
    /// Files an earlier staging folder had at the new site's paths
    /// ([`adopt`]), each flagged once the build has reached its path.
    adopted: AHashMap<Box<str>, Adopted>,
    /// The output's files as the build's check of it stamped them, when
    /// it was checked: which of them a file taken over is, without a look
    /// at either.
    checked: Option<AHashMap<Box<str>, Stamp>>,
    /// How many files the new site has, and how many were written rather
    /// than linked.
    files: usize,
    written: AtomicUsize,
    published: bool,
}

/// A file of the folder taken over.
#[derive(Debug)]
struct Adopted {
    /// Its device and inode, as sorting out found them.
    id: adopt::FileId,
    reached: AtomicBool,
}

/// The new site, in place of the old one.
#[derive(Debug)]
pub(crate) struct Published {
    folder: PathBuf,
    ledger: Ledger,
    /// No name of the old site was deleted (it stays beside the output).
    old_site_kept: bool,
}

impl Published {
    /// The output folder (its real path).
    pub(crate) fn folder(&self) -> &Path {
        &self.folder
    }

    /// Digest of the output folder as it is now (`digest::of_folder`),
    /// from what the build wrote rather than a walk; with its newest
    /// change time, in nanoseconds. `None` when a stamp is missing.
    pub(crate) fn digest(&self) -> Option<(Digest, i128)> {
        self.ledger.digest(&self.folder, self.old_site_kept)
    }
}

/// Finish or undo what an interrupted build left beside `output`.
pub(super) fn recover(output: &Output) -> Result<(), OutputError> {
    let aside = output.sibling(ASIDE);
    if std::fs::symlink_metadata(&aside).is_ok() {
        if std::fs::symlink_metadata(&output.real).is_err() {
            ops::rename(&aside, &output.real).map_err(fail("cannot restore", &output.real))?;
        } else {
            remove_leftover(&aside)?;
        }
    }
    // A staging folder stays for the next staging to start from, when
    // there is an output to prove its files against ([`adopt`]).
    let staging = output.sibling(STAGING);
    if std::fs::symlink_metadata(&staging).is_ok() {
        refuse_unless_ours(&staging)?;
        if !output.real.is_dir() {
            remove_leftover(&staging)?;
        }
    }
    Ok(())
}

/// Refuse a folder under one of the build's own names that briefing did
/// not write.
fn refuse_unless_ours(folder: &Path) -> Result<(), OutputError> {
    let ours = std::fs::symlink_metadata(folder).is_ok_and(|m| m.is_dir())
        && is_ours(folder).map_err(fail("cannot read", folder))?;
    if !ours {
        return Err(refuse(
            folder,
            "a build would use this name for its own folder, and this one was not written by briefing; \
             move it away (deleting it loses what it holds)",
        ));
    }
    Ok(())
}

fn remove_leftover(folder: &Path) -> Result<(), OutputError> {
    refuse_unless_ours(folder)?;
    remove_tree(folder).map_err(fail("cannot remove what an interrupted build left", folder))
}

/// The staging folder `root` an earlier build left, sorted out for a site
/// of these `files` and `folders` ([`adopt`]); `None`, and the folder
/// removed, when it cannot be read through.
fn take_over(root: &Path, wanted: &adopt::Wanted<'_>) -> Result<Option<adopt::Found>, OutputError> {
    refuse_unless_ours(root)?;
    match adopt::sort_out(root, wanted) {
        Ok(Some(found)) => Ok(Some(found)),
        Ok(None) | Err(_) => remove_leftover(root).map(|()| None),
    }
}

impl<'o> Staging<'o> {
    /// Create the staging folder, its marker and the `folders` that hold
    /// other folders (each once, with every folder above it); the others
    /// are made as the first file goes into each ([`Staging::put`],
    /// [`Staging::keep`]).
    pub(super) fn begin(
        output: &'o Output,
        files: AHashSet<&str>,
        folders: AHashSet<&str>,
        later: AHashSet<&str>,
        checked: Option<FileStamps>,
    ) -> Result<Staging<'o>, OutputError> {
        let root = output.sibling(STAGING);
        let previous = match output.real.is_dir() {
            true => {
                Some(ops::Folder::open(&output.real).map_err(fail("cannot open", &output.real))?)
            }
            false => None,
        };
        let wanted = adopt::Wanted {
            files: &files,
            folders: &folders,
            later: &later,
        };
        let found = match previous.is_some() && std::fs::symlink_metadata(&root).is_ok() {
            true => take_over(&root, &wanted)?,
            false => None,
        };
        if found.is_none() {
            ops::create_dir(&root).map_err(fail("cannot create folder", &root))?;
        }
        let folder = match ops::Folder::open(&root) {
            Ok(folder) => folder,
            Err(err) => {
                let _ = remove_tree(&root);
                return Err(fail("cannot open", &root)(err));
            }
        };
        let found = found.unwrap_or_default();
        let existing: AHashSet<&str> = found.folders.iter().map(String::as_str).collect();
        let mut leaves = leaves(&folders);
        leaves.retain(|leaf| !existing.contains(&**leaf));
        let staging = Staging {
            output,
            root,
            folder,
            previous,
            ledger: Ledger::default(),
            leaves,
            // Only files taken over are looked up in the output's stamps.
            checked: checked
                .filter(|_| !found.files.is_empty())
                .map(|files| files.into_iter().collect()),
            adopted: (found.files.into_iter())
                .map(|(file, id)| {
                    let reached = AtomicBool::new(false);
                    (file.into_boxed_str(), Adopted { id, reached })
                })
                .collect(),
            files: files.len(),
            written: AtomicUsize::new(0),
            published: false,
        };
        staging.write_marker()?;
        for folder in &existing {
            staging.ledger.folder(folder);
        }
        // A folder's parent is one level shallower: each level's folders
        // are made together, once the level above exists.
        let mut levels: Vec<Vec<&str>> = Vec::new();
        let inner = folders
            .into_iter()
            .filter(|folder| !staging.leaves.contains(*folder) && !existing.contains(folder));
        for folder in inner {
            let depth = folder.matches('/').count();
            levels.resize_with(levels.len().max(depth + 1), Vec::new);
            levels[depth].push(folder);
        }
        for level in levels {
            level.par_iter().try_for_each(|folder| {
                ops::create_dir_in(&staging.folder, folder).map_err(|err| {
                    fail("cannot create folder", &staging.folder.path().join(folder))(err)
                })?;
                staging.ledger.folder(folder);
                Ok(())
            })?;
        }
        Ok(staging)
    }

    /// The marker, first in a new staging folder. A folder taken over
    /// keeps its own only when it is a file of exactly the marker's text
    /// (one a crash cut short, or an older version's, is written anew).
    fn write_marker(&self) -> Result<(), OutputError> {
        let marker = self.root.join(MARKER);
        let text = MARKER_TEXT.as_bytes();
        let there = std::fs::symlink_metadata(&marker).ok();
        let whole = there
            .as_ref()
            .is_some_and(|m| m.is_file() && m.len() == text.len() as u64)
            && ops::read_in(&self.folder, MARKER).is_ok_and(|bytes| bytes == text);
        if !whole {
            if there.is_some() {
                ops::remove_file(&marker).map_err(fail("cannot remove", &marker))?;
            }
            ops::write(&marker, MARKER_TEXT.as_bytes()).map_err(fail("cannot write", &marker))?;
        }
        self.ledger.file(MARKER, None);
        Ok(())
    }

    /// The build reaches `relative`: when the folder taken over has a file
    /// there not reached before, true if it is the output's own file (a
    /// link already in place); otherwise that file is removed now.
    fn reach_adopted(&self, relative: &str) -> Result<bool, OutputError> {
        let Some(adopted) = self.adopted.get(relative) else {
            return Ok(false);
        };
        if adopted.reached.swap(true, Ordering::Relaxed) {
            return Ok(false);
        }
        if let Some(previous) = &self.previous {
            let same = match &self.checked {
                Some(checked) => {
                    checked.get(relative).and_then(digest::file_id) == Some(adopted.id)
                }
                None => ops::same_file_in(previous, &self.folder, relative),
            };
            if same {
                return Ok(true);
            }
        }
        self.unlink(relative).map(|()| false)
    }

    fn unlink(&self, relative: &str) -> Result<(), OutputError> {
        match ops::remove_in(&self.folder, relative) {
            Err(err) if err.kind() != io::ErrorKind::NotFound => Err(fail(
                "cannot remove",
                &self.folder.path().join(relative),
            )(err)),
            _ => Ok(()),
        }
    }

    /// Write one file of the new site (safe to call from many threads). A
    /// folder the staging was not begun with is made on the way.
    pub(crate) fn put(&self, relative: &str, contents: &[u8]) -> Result<(), OutputError> {
        self.make_leaf(relative)?;
        let linked = self.reach_adopted(relative)?;
        if let Some(previous) = &self.previous {
            // The bytes compared are the file's that would be kept: the one
            // in place when linked, however the output changed since.
            if linked && unchanged(&self.folder, relative, contents) {
                self.note_kept(relative);
                return Ok(());
            }
            if !linked
                && unchanged(previous, relative, contents)
                && ops::hard_link_in(previous, &self.folder, relative).is_ok()
            {
                self.ledger.file(relative, None);
                return Ok(());
            }
        }
        if linked {
            // The output's own file: never written through.
            self.unlink(relative)?;
        }
        self.written.fetch_add(1, Ordering::Relaxed);
        let written = match ops::write_in(&self.folder, relative, contents) {
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                self.make_folders([relative])?;
                ops::write_in(&self.folder, relative, contents)
            }
            // Written twice, or left by a folder taken over: a new file,
            // never bytes through a name that may be another's link.
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
                self.unlink(relative)?;
                ops::write_in(&self.folder, relative, contents)
            }
            written => written,
        };
        let meta =
            written.map_err(|err| fail("cannot write", &self.folder.path().join(relative))(err))?;
        self.ledger.file(relative, meta.as_ref());
        Ok(())
    }

    /// Every missing folder on the way to each of `paths`, outermost first
    /// (for files the staging was not begun with; another thread may be
    /// making the same folders).
    pub(crate) fn make_folders<'p>(
        &self,
        paths: impl IntoIterator<Item = &'p str>,
    ) -> Result<(), OutputError> {
        let folders: BTreeSet<&str> = paths.into_iter().flat_map(ancestors).collect();
        // Sorted paths put a parent before its children.
        for folder in folders {
            match ops::create_dir_in(&self.folder, folder) {
                Err(err) if err.kind() != io::ErrorKind::AlreadyExists => {
                    return Err(fail(
                        "cannot create folder",
                        &self.folder.path().join(folder),
                    )(err));
                }
                _ => self.ledger.folder(folder),
            }
        }
        Ok(())
    }

    /// Keep the previous output's file at `relative` in the new site (a
    /// hard link: same bytes, same inode), for a page the build knows is
    /// unchanged without rendering it. False when there is no such file
    /// to keep; then the caller renders it.
    pub(crate) fn keep(&self, relative: &str) -> bool {
        let Some(previous) = &self.previous else {
            return false;
        };
        // Unmade, the hard link fails and the page is rendered and put,
        // which says why the folder could not be made.
        let _ = self.make_leaf(relative);
        let Ok(linked) = self.reach_adopted(relative) else {
            return false;
        };
        if linked {
            self.note_kept(relative);
            return true;
        }
        let kept = ops::file_len_in(previous, relative).is_some()
            && ops::hard_link_in(previous, &self.folder, relative).is_ok();
        if kept {
            self.ledger.file(relative, None);
        }
        kept
    }

    /// The output's own file at `relative` is kept: its stamp is the one
    /// the build's check found, when it has one.
    fn note_kept(&self, relative: &str) {
        match self
            .checked
            .as_ref()
            .and_then(|checked| checked.get(relative))
        {
            Some(stamp) => self.ledger.kept(relative, *stamp),
            None => self.ledger.file(relative, None),
        }
    }

    /// Make the folder holding `relative` if it is one of the
    /// [`Staging::leaves`] (another thread may be making it too).
    fn make_leaf(&self, relative: &str) -> Result<(), OutputError> {
        let Some(folder) = ancestors(relative).next() else {
            return Ok(());
        };
        if !self.leaves.contains(folder) {
            return Ok(());
        }
        match ops::create_dir_in(&self.folder, folder) {
            Ok(()) => self.ledger.folder(folder),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {}
            Err(err) => {
                return Err(fail(
                    "cannot create folder",
                    &self.folder.path().join(folder),
                )(err))
            }
        }
        Ok(())
    }

    /// Put the new site in place of the old one, then delete the old one.
    #[cfg(test)]
    pub(crate) fn commit(self) -> Result<Published, OutputError> {
        self.commit_while(|| ()).map(|(published, ())| published)
    }

    /// Put the new site in place of the old one, then delete the old one
    /// while `meanwhile` runs: nobody waits for the removal of a whole
    /// site alone. `meanwhile` must not stat the new site: removing the
    /// old one's hard links changes the change time of every file the two
    /// share. The removal's failure is the error, once `meanwhile` is done.
    pub(crate) fn commit_while<R: Send>(
        mut self,
        meanwhile: impl FnOnce() -> R + Send,
    ) -> Result<(Published, R), OutputError> {
        self.remove_unreached()?;
        let old = self.publish()?;
        // Kept for the next build when the two sites share most files.
        let spare = self.written.load(Ordering::Relaxed) * SPARE_WHEN_ONE_IN <= self.files;
        let old = old.filter(|old| !(spare && *old == self.root));
        let remove = || match &old {
            Some(old) => remove_tree(old).map_err(fail("cannot remove the previous site", old)),
            None => Ok(()),
        };
        let (removed, result) = rayon::join(remove, meanwhile);
        removed?;
        let published = Published {
            folder: self.output.real.clone(),
            ledger: std::mem::take(&mut self.ledger),
            old_site_kept: old.is_none(),
        };
        Ok((published, result))
    }

    /// Remove every file of the folder taken over that the build did not
    /// reach (none, unless a path of the site went unwritten).
    fn remove_unreached(&self) -> Result<(), OutputError> {
        self.adopted
            .par_iter()
            .filter(|(_, adopted)| !adopted.reached.load(Ordering::Relaxed))
            .try_for_each(|(relative, _)| self.unlink(relative))
    }

    /// Put the new site in place of the old one; the old one's folder,
    /// when there was one.
    fn publish(&mut self) -> Result<Option<PathBuf>, OutputError> {
        let real = &self.output.real;
        let parent = real.parent().unwrap_or(Path::new("/"));
        ops::sync_file_system(&self.root).map_err(fail("cannot flush", &self.root))?;
        if self.previous.is_none() {
            ops::rename(&self.root, real).map_err(fail("cannot move the new site to", real))?;
            self.published = true;
            ops::sync_folder(parent).map_err(fail("cannot flush", parent))?;
            return Ok(None);
        }
        let old = if ops::exchange(&self.root, real).map_err(fail("cannot exchange", real))? {
            self.root.clone()
        } else {
            let aside = self.output.sibling(ASIDE);
            ops::rename(real, &aside).map_err(fail("cannot move aside", real))?;
            if let Err(err) = ops::rename(&self.root, real) {
                let _ = ops::rename(&aside, real);
                return Err(fail("cannot move the new site to", real)(err));
            }
            aside
        };
        self.published = true;
        ops::sync_folder(parent).map_err(fail("cannot flush", parent))?;
        Ok(Some(old))
    }
}

impl Drop for Staging<'_> {
    /// A build that fails (or is abandoned) before publishing leaves no
    /// staging folder behind.
    fn drop(&mut self) {
        if !self.published {
            let _ = remove_tree(&self.root);
        }
    }
}

/// The `folders` that hold none of the others.
pub(super) fn leaves(folders: &AHashSet<&str>) -> AHashSet<Box<str>> {
    let holding: AHashSet<&str> = folders.iter().filter_map(|f| ancestors(f).next()).collect();
    folders
        .iter()
        .filter(|folder| !holding.contains(*folder))
        .map(|folder| Box::from(*folder))
        .collect()
}

/// Same bytes in the regular file at `relative` in `folder`.
fn unchanged(folder: &ops::Folder, relative: &str, contents: &[u8]) -> bool {
    ops::file_len_in(folder, relative) == Some(contents.len() as u64)
        && ops::read_in(folder, relative).is_ok_and(|old| old == contents)
}

/// Remove a folder briefing wrote, the marker and the folder itself last,
/// so that a removal cut short still leaves a folder recognisably
/// briefing's.
fn remove_tree(root: &Path) -> io::Result<()> {
    let marker = root.join(MARKER);
    remove_inside(root, Some(&marker))?;
    if marker.exists() {
        ops::remove_file(&marker)?;
    }
    ops::remove_dir(root)
}

/// Remove everything in `folder` but `spared`, each folder's entries in
/// parallel (a site's few big folders hold most of its files), each
/// folder after what it holds. A symbolic link is removed, never followed.
pub(super) fn remove_inside(folder: &Path, spared: Option<&Path>) -> io::Result<()> {
    let entries = std::fs::read_dir(folder)?.collect::<io::Result<Vec<_>>>()?;
    entries.par_iter().try_for_each(|entry| {
        let path = entry.path();
        if Some(path.as_path()) == spared {
            return Ok(());
        }
        if entry.file_type()?.is_dir() {
            remove_inside(&path, None)?;
            ops::remove_dir(&path)
        } else {
            ops::remove_file(&path)
        }
    })
}
