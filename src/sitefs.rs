//! Site files: the one place that walks the site's folders and reads its
//! files, confined to the site.
//!
//! Takes the site root and a folder or file under it; gives back the files
//! found (sorted) with a warning for each symlink skipped, or a file's bytes.
//! A symlink anywhere under the root (a file, a folder, or a top-level
//! folder such as `content/` or `static/` itself) is followed only when
//! what it points at lies inside the site; any other link is skipped with a
//! warning naming it, and never opened, so no outside file's contents can
//! reach a page, a copied file or a message. Every reader of site files
//! (content, registries, config, templates, static files, seeds, the ingest
//! manifest) goes through here, so the rule is stated once.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diag::Diagnostic;

/// Diagnostic code of a skipped symlink.
pub(crate) const SYMLINK_CODE: &str = "site/symlink";

/// Why a site file was not read.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ReadError {
    /// The file system refused (missing, permissions, …).
    #[error("cannot read the file: {0}")]
    Io(#[from] std::io::Error),
    /// The path, or a folder on the way to it, is a symlink that leads
    /// outside the site.
    #[error("{link} is a symlink to {target}, outside the site; it is not read")]
    Outside {
        /// The link, relative to the site root.
        link: String,
        /// Where it points (a path, never contents).
        target: String,
    },
    /// A symlink that points nowhere, or at itself.
    #[error("{0} is a symlink that points nowhere (or loops); it is not read")]
    Dangling(String),
    /// A link to a folder that holds the folder being walked.
    #[error("{0} is a symlink to a folder that contains it (a loop); it is not followed")]
    Loop(String),
    /// A folder, FIFO, socket or device where a file was expected.
    #[error("it is not a regular file (a folder, pipe or device)")]
    NotFile,
    /// Larger than the limit for this kind of file.
    #[error("the file is {size} bytes, over the limit of {limit} bytes for this kind of file")]
    TooLarge {
        /// Size in bytes (at least; reading stops past the limit).
        size: u64,
        /// The limit.
        limit: u64,
    },
}

impl ReadError {
    /// True when the file does not exist (and is no dangling link).
    pub(crate) fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(err) if err.kind() == std::io::ErrorKind::NotFound)
    }

    /// How to fix it, for a diagnostic's help.
    pub(crate) fn help(&self) -> &'static str {
        match self {
            ReadError::Outside { .. } | ReadError::Dangling(_) | ReadError::Loop(_) => {
                "copy the file into the site instead of linking to it; symlinks are followed only when they point inside the site"
            }
            ReadError::TooLarge { .. } => {
                "split the file, or shorten it; README.md, section \"Limits\", lists each limit"
            }
            ReadError::NotFile => "replace it with a regular file",
            ReadError::Io(_) => "check that the file exists and is readable",
        }
    }
}

/// The site root, resolved once for a walk or a read.
fn real_root(root: &Path) -> std::io::Result<PathBuf> {
    root.canonicalize()
}

fn display(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Check that `path` (under `root`) resolves inside the site; gives back
/// its real path. Names the first symlink on the way that leads outside.
fn confine(root: &Path, real_root: &Path, path: &Path) -> Result<PathBuf, ReadError> {
    match path.canonicalize() {
        Ok(real) if real.starts_with(real_root) => Ok(real),
        Ok(real) => Err(ReadError::Outside {
            link: outside_link(root, real_root, path).unwrap_or_else(|| display(root, path)),
            target: real.display().to_string(),
        }),
        Err(err) => match std::fs::symlink_metadata(path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                Err(ReadError::Dangling(display(root, path)))
            }
            _ => Err(ReadError::Io(err)),
        },
    }
}

/// The first component of `path` below `root` that is a symlink resolving
/// outside the site.
fn outside_link(root: &Path, real_root: &Path, path: &Path) -> Option<String> {
    let relative = path.strip_prefix(root).ok()?;
    let mut at = root.to_path_buf();
    for part in relative.components() {
        at.push(part);
        let is_link = std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink());
        if is_link && at.canonicalize().is_ok_and(|r| !r.starts_with(real_root)) {
            return Some(display(root, &at));
        }
    }
    None
}

/// Check that `root/relative` is a regular file inside the site (without
/// opening it: opening a FIFO would block); gives back its real path and
/// metadata.
pub(crate) fn check_file(
    root: &Path,
    relative: &Path,
) -> Result<(PathBuf, std::fs::Metadata), ReadError> {
    let real_root = real_root(root)?;
    let real = confine(root, &real_root, &root.join(relative))?;
    let meta = std::fs::metadata(&real)?;
    if !meta.is_file() {
        return Err(ReadError::NotFile);
    }
    Ok((real, meta))
}

/// Read `root/relative`, a regular file inside the site of at most `limit`
/// bytes.
pub(crate) fn read(root: &Path, relative: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    Root::open(root).read(relative, limit)
}

/// The site root held open for a pass that reads many of its files (every
/// input of a build, every article): each read then resolves only its
/// own path below the root, instead of opening the root again first.
#[derive(Debug)]
pub(crate) struct Root<'a> {
    path: &'a Path,
    /// The root's folder, open (`None` where that failed or is not used:
    /// each read then takes the full check).
    folder: Option<std::fs::File>,
}

impl<'a> Root<'a> {
    /// Hold the site root at `path` open.
    pub(crate) fn open(path: &'a Path) -> Root<'a> {
        Root {
            path,
            folder: open_folder(path),
        }
    }

    /// [`read`] of a file of this root.
    pub(crate) fn read(&self, relative: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
        self.open_file(relative)?.read(limit)
    }

    /// A regular file of this root, open: its metadata can be looked at
    /// before its bytes are read.
    pub(crate) fn open_file(&self, relative: &Path) -> Result<Opened, ReadError> {
        let beneath = self
            .folder
            .as_ref()
            .and_then(|folder| open_beneath(folder, relative));
        let (file, meta) = match beneath {
            Some(open) => open,
            None => {
                // Checked by path first: opening a FIFO would block.
                let (real, _) = check_file(self.path, relative)?;
                let file = std::fs::File::open(&real)?;
                // The opened file's own: the path may have been replaced since.
                let meta = file.metadata()?;
                if !meta.is_file() {
                    return Err(ReadError::NotFile);
                }
                (file, meta)
            }
        };
        Ok(Opened { file, meta })
    }
}

/// A site file opened by [`Root::open_file`].
#[derive(Debug)]
pub(crate) struct Opened {
    file: std::fs::File,
    meta: std::fs::Metadata,
}

impl Opened {
    /// The file's metadata, taken when it was opened (before any byte was
    /// read, so a later change gives other metadata).
    pub(crate) fn metadata(&self) -> &std::fs::Metadata {
        &self.meta
    }

    /// Its bytes, at most `limit` of them.
    pub(crate) fn read(self, limit: u64) -> Result<Vec<u8>, ReadError> {
        let size = self.meta.len();
        if size > limit {
            return Err(ReadError::TooLarge { size, limit });
        }
        // The file may grow between the size check and the read: stop past it.
        let mut bytes = Vec::with_capacity(size as usize);
        self.file.take(limit + 1).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > limit {
            return Err(ReadError::TooLarge {
                size: bytes.len() as u64,
                limit,
            });
        }
        Ok(bytes)
    }
}

/// `root/relative` and its metadata, opened by the kernel's own confined lookup (`openat2`
/// with `RESOLVE_BENEATH`: no step of the path, symlinks included, may
/// leave the root), when that finds a regular file; `None` for anything
/// else (a link outside or absolute, a missing file, a folder, a kernel
/// without `openat2`), which the caller's full check then names. It spares
/// resolving the root and the whole path in user space for every read
/// (a `readlink` per step), which was most of a read's system calls.
/// `O_NONBLOCK`: a FIFO is closed unread rather than waited on.
#[cfg(target_os = "linux")]
fn open_beneath(
    dir: &std::fs::File,
    relative: &Path,
) -> Option<(std::fs::File, std::fs::Metadata)> {
    use std::ffi::CString;
    use std::os::fd::{AsRawFd as _, FromRawFd as _};
    use std::os::unix::ffi::OsStrExt as _;
    /// `struct open_how` of `linux/openat2.h`.
    #[repr(C)]
    struct OpenHow {
        flags: u64,
        mode: u64,
        resolve: u64,
    }
    if relative.is_absolute() {
        return None;
    }
    let path = CString::new(relative.as_os_str().as_bytes()).ok()?;
    let how = OpenHow {
        flags: (libc::O_RDONLY | libc::O_CLOEXEC | libc::O_NOCTTY | libc::O_NONBLOCK) as u64,
        mode: 0,
        resolve: libc::RESOLVE_BENEATH | libc::RESOLVE_NO_MAGICLINKS,
    };
    // SAFETY: a valid folder descriptor, a NUL-terminated path and an
    // `open_how` of the size passed.
    let fd = unsafe {
        libc::syscall(
            libc::SYS_openat2,
            dir.as_raw_fd(),
            path.as_ptr(),
            &raw const how,
            std::mem::size_of::<OpenHow>(),
        )
    };
    let fd = i32::try_from(fd).ok().filter(|fd| *fd >= 0)?;
    // SAFETY: `fd` was just opened and is owned by nothing else.
    let file = unsafe { std::fs::File::from_raw_fd(fd) };
    let meta = file.metadata().ok()?;
    meta.is_file().then_some((file, meta))
}

/// The folder [`open_beneath`] resolves paths from.
#[cfg(target_os = "linux")]
fn open_folder(root: &Path) -> Option<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt as _;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_DIRECTORY)
        .open(root)
        .ok()
}

#[cfg(not(target_os = "linux"))]
fn open_folder(_root: &Path) -> Option<std::fs::File> {
    None
}

#[cfg(not(target_os = "linux"))]
fn open_beneath(
    _dir: &std::fs::File,
    _relative: &Path,
) -> Option<(std::fs::File, std::fs::Metadata)> {
    None
}

/// Check that writing, replacing or deleting `root/relative` stays inside
/// the site: the nearest existing folder on its way resolves inside. (A
/// file that is itself a symlink is replaced or removed as a link; what it
/// points at is never touched.)
pub(crate) fn check_writable(root: &Path, relative: &Path) -> Result<(), ReadError> {
    let real_root = real_root(root)?;
    let mut folder = root.join(relative);
    while folder.pop() {
        if std::fs::symlink_metadata(&folder).is_ok() {
            return confine(root, &real_root, &folder).map(drop);
        }
    }
    Ok(())
}

/// What a walk found.
#[derive(Debug, Default)]
pub(crate) struct Walk {
    /// Regular files (or links to regular files inside the site), as
    /// `root/dir/…` paths, sorted.
    pub(crate) files: Vec<PathBuf>,
    /// A warning for each link skipped; an error for each folder that could
    /// not be listed.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// Every regular file under `root/dir`. A missing folder is empty.
pub(crate) fn walk(root: &Path, dir: &Path) -> Walk {
    let mut walk = Walk::default();
    let base = root.join(dir);
    if std::fs::symlink_metadata(&base).is_err() {
        return walk;
    }
    let real_root = match real_root(root) {
        Ok(real) => real,
        Err(err) => {
            walk.diagnostics.push(Diagnostic::error(
                "site/unreadable",
                dir,
                format!("cannot resolve the site folder: {err}"),
            ));
            return walk;
        }
    };
    let real_base = match confine(root, &real_root, &base) {
        Ok(real) if real.is_dir() => real,
        Ok(_) => return walk,
        Err(err) => {
            walk.diagnostics.push(skipped(root, &base, &err));
            return walk;
        }
    };
    let mut refused = Vec::new();
    let entries = WalkDir::new(&base)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            if !entry.path_is_symlink() || entry.depth() == 0 {
                return true;
            }
            match confine(root, &real_root, entry.path()) {
                Ok(real) if real_base.starts_with(&real) => {
                    let err = ReadError::Loop(display(root, entry.path()));
                    refused.push(skipped(root, entry.path(), &err));
                    false
                }
                Ok(_) => true,
                Err(err) => {
                    refused.push(skipped(root, entry.path(), &err));
                    false
                }
            }
        });
    for entry in entries {
        match entry {
            Ok(entry) if entry.file_type().is_file() => walk.files.push(entry.into_path()),
            Ok(_) => {}
            Err(err) => {
                let path = err.path().map_or_else(|| base.clone(), Path::to_path_buf);
                let is_link =
                    std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
                walk.diagnostics.push(if err.loop_ancestor().is_some() {
                    skipped(root, &path, &ReadError::Loop(display(root, &path)))
                } else if is_link {
                    skipped(root, &path, &ReadError::Dangling(display(root, &path)))
                } else {
                    Diagnostic::error(
                        "site/unreadable",
                        display(root, &path),
                        format!("cannot list this folder: {}", io_reason(&err)),
                    )
                });
            }
        }
    }
    walk.diagnostics.append(&mut refused);
    walk.files.sort();
    walk
}

/// The folders of a site that a build reads besides `site.yaml`: those
/// whose skipped links [`audit`] reports (`seeds/` is ingest's to report,
/// with the seed's own code) and whose files a rebuild's fingerprint covers.
pub(crate) const SITE_FOLDERS: [&str; 4] = ["content", "themes", "templates", "static"];

/// A warning for every symlink in the site's folders that is not followed.
/// `build` and `check` report these once; the readers themselves skip the
/// links silently, so each link is named once however often it is walked.
pub(crate) fn audit(root: &Path) -> Vec<Diagnostic> {
    skipped_links(&walk_site(root))
}

/// Each of the [`SITE_FOLDERS`] walked, in that order (side by side: the
/// folders are walked on the threads there are).
pub(crate) fn walk_site(root: &Path) -> Vec<Walk> {
    use rayon::prelude::*;
    SITE_FOLDERS
        .par_iter()
        .map(|dir| walk(root, Path::new(dir)))
        .collect()
}

/// The warnings [`audit`] gives, from walks already made
/// ([`walk_site`]): a build's fingerprint walks the same folders.
pub(crate) fn skipped_links(walks: &[Walk]) -> Vec<Diagnostic> {
    walks
        .iter()
        .flat_map(|walk| &walk.diagnostics)
        .filter(|d| d.code == SYMLINK_CODE)
        .cloned()
        .collect()
}

fn io_reason(err: &walkdir::Error) -> String {
    err.io_error()
        .map_or_else(|| "a symlink loop".to_string(), ToString::to_string)
}

/// The warning for a link that is not followed.
pub(crate) fn skipped(root: &Path, path: &Path, err: &ReadError) -> Diagnostic {
    let name = display(root, path);
    let message = match err {
        ReadError::Outside { .. } | ReadError::Dangling(_) | ReadError::Loop(_) => {
            format!("skipped: {err}")
        }
        other => format!("{name} skipped: {other}"),
    };
    Diagnostic::warning(SYMLINK_CODE, name, message).with_help(err.help())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn site() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let outside = dir.path().join("outside");
        std::fs::create_dir_all(root.join("content/a")).unwrap();
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(root.join("content/a/in.md"), "in").unwrap();
        std::fs::write(outside.join("secret.md"), "SECRET").unwrap();
        (dir, root, outside)
    }

    #[test]
    fn links_inside_are_followed_and_links_outside_are_named() {
        let (_dir, root, outside) = site();
        symlink(outside.join("secret.md"), root.join("content/a/leak.md")).unwrap();
        symlink(&outside, root.join("content/up")).unwrap();
        symlink("..", root.join("content/a/loop")).unwrap();
        symlink("in.md", root.join("content/a/alias.md")).unwrap();
        symlink("nowhere.md", root.join("content/a/dangling.md")).unwrap();
        let walk = walk(&root, Path::new("content"));
        let names: Vec<String> = walk.files.iter().map(|p| display(&root, p)).collect();
        assert_eq!(names, ["content/a/alias.md", "content/a/in.md"]);
        let mut warned: Vec<String> = walk
            .diagnostics
            .iter()
            .map(|d| format!("{} {}", d.path.display(), d.message))
            .collect();
        warned.sort();
        assert_eq!(warned.len(), 4, "{warned:?}");
        assert!(warned[0].starts_with(
            "content/a/dangling.md skipped: content/a/dangling.md is a symlink that points nowhere"
        ));
        assert!(
            warned[1].starts_with("content/a/leak.md skipped: content/a/leak.md is a symlink to ")
        );
        assert!(warned[2].contains("content/a/loop"), "{warned:?}");
        assert!(warned[3].starts_with("content/up skipped"));
        assert!(walk
            .diagnostics
            .iter()
            .all(|d| !d.message.contains("SECRET")));
    }

    #[test]
    fn a_linked_top_level_folder_outside_is_not_walked() {
        let (_dir, root, outside) = site();
        symlink(&outside, root.join("static")).unwrap();
        let walk = walk(&root, Path::new("static"));
        assert!(walk.files.is_empty());
        assert_eq!(walk.diagnostics.len(), 1);
        assert_eq!(walk.diagnostics[0].path, Path::new("static"));
        let audit = audit(&root);
        assert_eq!(audit.len(), 1);
        assert_eq!(audit[0].path, Path::new("static"));
    }

    #[test]
    fn reads_are_confined_and_bounded() {
        let (_dir, root, outside) = site();
        symlink(outside.join("secret.md"), root.join("leak.md")).unwrap();
        symlink(&outside, root.join("content/out")).unwrap();
        assert_eq!(
            read(&root, Path::new("content/a/in.md"), 10).unwrap(),
            b"in"
        );
        let err = read(&root, Path::new("leak.md"), 10).unwrap_err();
        assert!(
            err.to_string().starts_with("leak.md is a symlink to "),
            "{err}"
        );
        let err = read(&root, Path::new("content/out/secret.md"), 10).unwrap_err();
        assert!(
            err.to_string().starts_with("content/out is a symlink to "),
            "{err}"
        );
        let err = read(&root, Path::new("content/a/in.md"), 1).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the file is 2 bytes, over the limit of 1 bytes for this kind of file"
        );
        assert!(matches!(
            read(&root, Path::new("content/a"), 10),
            Err(ReadError::NotFile)
        ));
        assert!(read(&root, Path::new("missing.md"), 10)
            .unwrap_err()
            .is_not_found());
        // Relative links: one staying inside is read, one climbing out by
        // `..` is refused (the kernel's confined lookup and the full check
        // must agree).
        symlink("../a/in.md", root.join("content/a/up-and-in.md")).unwrap();
        symlink(
            "../../../outside/secret.md",
            root.join("content/a/climb.md"),
        )
        .unwrap();
        assert_eq!(
            read(&root, Path::new("content/a/up-and-in.md"), 10).unwrap(),
            b"in"
        );
        let err = read(&root, Path::new("content/a/climb.md"), 10).unwrap_err();
        assert!(matches!(err, ReadError::Outside { .. }), "{err}");
        assert!(check_writable(&root, Path::new("content/a/new/b.md")).is_ok());
        assert!(check_writable(&root, Path::new("content/out/secret.md")).is_err());
        assert!(check_writable(&root, Path::new("leak.md")).is_ok());
    }

    #[test]
    fn a_root_held_open_reads_what_read_reads() {
        let (_dir, root, outside) = site();
        symlink(outside.join("secret.md"), root.join("leak.md")).unwrap();
        let held = Root::open(&root);
        assert!(cfg!(not(target_os = "linux")) || held.folder.is_some());
        std::fs::write(root.join("content/a/later.md"), "later").unwrap();
        for (path, limit) in [("content/a/in.md", 10), ("content/a/later.md", 10)] {
            let path = Path::new(path);
            assert_eq!(
                held.read(path, limit).unwrap(),
                read(&root, path, limit).unwrap()
            );
        }
        let err = held.read(Path::new("leak.md"), 10).unwrap_err();
        assert!(matches!(err, ReadError::Outside { .. }), "{err}");
        let err = held.read(Path::new("content/a/in.md"), 1).unwrap_err();
        assert!(matches!(err, ReadError::TooLarge { size: 2, limit: 1 }));
        assert!(held
            .read(Path::new("missing.md"), 10)
            .unwrap_err()
            .is_not_found());
        // A root that cannot be held open still reads through the full check.
        let gone = root.join("gone");
        assert!(Root::open(&gone).folder.is_none());
        assert!(Root::open(&gone)
            .read(Path::new("a.md"), 10)
            .unwrap_err()
            .is_not_found());
    }
}
