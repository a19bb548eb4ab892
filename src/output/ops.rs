//! Every file-system operation the output stage performs, counted.
//!
//! Going through these functions lets a test stop a real build between any
//! two operations: with `BRIEFING_FAULT_AFTER=k` in the environment the
//! process kills itself (SIGKILL, as a power cut or the OOM killer would)
//! instead of performing operation k + 1. Without the variable the count
//! costs one relaxed atomic add.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

/// Environment variable naming after how many output operations to stop.
pub(crate) const FAULT_AFTER: &str = "BRIEFING_FAULT_AFTER";

static DONE: AtomicU64 = AtomicU64::new(0);

fn limit() -> Option<u64> {
    static LIMIT: OnceLock<Option<u64>> = OnceLock::new();
    *LIMIT.get_or_init(|| std::env::var(FAULT_AFTER).ok()?.trim().parse().ok())
}

/// Count one operation about to happen; past the limit, die on the spot.
fn tick() {
    let Some(limit) = limit() else { return };
    if DONE.fetch_add(1, Ordering::SeqCst) >= limit {
        die();
    }
}

#[cfg(unix)]
fn die() -> ! {
    // SAFETY: kill(2) on our own pid with a signal that cannot be caught.
    unsafe {
        libc::kill(libc::getpid(), libc::SIGKILL);
    }
    std::process::abort()
}

#[cfg(not(unix))]
fn die() -> ! {
    std::process::abort()
}

/// A folder held open so that files are made relative to it: the kernel
/// then walks only the path below it for each of a site's tens of
/// thousands of files, not the folder's own path every time.
#[derive(Debug)]
pub(super) struct Folder {
    /// Where it was opened (for messages, and where descriptors are missing).
    path: PathBuf,
    #[cfg(unix)]
    fd: std::os::fd::OwnedFd,
}

impl Folder {
    /// Open the folder at `path` (reading nothing, changing nothing: not
    /// an operation that counts).
    pub(super) fn open(path: &Path) -> io::Result<Folder> {
        Ok(Folder {
            path: path.to_path_buf(),
            #[cfg(unix)]
            fd: at::open_folder(path)?,
        })
    }

    /// The folder's path, as opened.
    pub(super) fn path(&self) -> &Path {
        &self.path
    }
}

/// Make the folder `relative` inside `folder`.
pub(super) fn create_dir_in(folder: &Folder, relative: &str) -> io::Result<()> {
    tick();
    #[cfg(unix)]
    return at::mkdir(&folder.fd, relative);
    #[cfg(not(unix))]
    std::fs::create_dir(folder.path.join(relative))
}

/// Create the file `relative` inside `folder` with `contents` (an error
/// if the name is taken); its metadata right after (`None` where it
/// cannot be had).
pub(super) fn write_in(
    folder: &Folder,
    relative: &str,
    contents: &[u8],
) -> io::Result<Option<std::fs::Metadata>> {
    tick();
    #[cfg(unix)]
    return at::write(&folder.fd, relative, contents);
    #[cfg(not(unix))]
    {
        use std::io::Write as _;
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(folder.path.join(relative))?;
        file.write_all(contents).map(|()| None)
    }
}

/// Link the file `relative` of `from` to the same path inside `to`.
pub(super) fn hard_link_in(from: &Folder, to: &Folder, relative: &str) -> io::Result<()> {
    tick();
    #[cfg(unix)]
    return at::link(&from.fd, &to.fd, relative);
    #[cfg(not(unix))]
    std::fs::hard_link(from.path.join(relative), to.path.join(relative))
}

/// Remove the file `relative` inside `folder`.
pub(super) fn remove_in(folder: &Folder, relative: &str) -> io::Result<()> {
    tick();
    #[cfg(unix)]
    return at::unlink(&folder.fd, relative);
    #[cfg(not(unix))]
    std::fs::remove_file(folder.path.join(relative))
}

/// Whether `relative` is one and the same regular file (not a link) in
/// both folders: two hard links to one inode. Reads, so not counted.
pub(super) fn same_file_in(a: &Folder, b: &Folder, relative: &str) -> bool {
    #[cfg(unix)]
    return at::file_id(&a.fd, relative).is_some_and(|id| at::file_id(&b.fd, relative) == Some(id));
    #[cfg(not(unix))]
    false
}

/// The size of `relative` inside `folder` when it is a regular file (not
/// a link); reads, so not counted.
pub(super) fn file_len_in(folder: &Folder, relative: &str) -> Option<u64> {
    #[cfg(unix)]
    return at::file_len(&folder.fd, relative);
    #[cfg(not(unix))]
    std::fs::symlink_metadata(folder.path.join(relative))
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len())
}

/// The bytes of the file `relative` inside `folder`; reads, so not counted.
pub(super) fn read_in(folder: &Folder, relative: &str) -> io::Result<Vec<u8>> {
    #[cfg(unix)]
    return at::read(&folder.fd, relative);
    #[cfg(not(unix))]
    std::fs::read(folder.path.join(relative))
}

pub(super) fn create_dir(path: &Path) -> io::Result<()> {
    tick();
    std::fs::create_dir(path)
}

pub(super) fn write(path: &Path, contents: &[u8]) -> io::Result<()> {
    tick();
    std::fs::write(path, contents)
}

pub(super) fn rename(from: &Path, to: &Path) -> io::Result<()> {
    tick();
    std::fs::rename(from, to)
}

pub(super) fn remove_file(path: &Path) -> io::Result<()> {
    tick();
    std::fs::remove_file(path)
}

pub(super) fn remove_dir(path: &Path) -> io::Result<()> {
    tick();
    std::fs::remove_dir(path)
}

/// Swap two paths in one step. `Ok(false)` when the system cannot
/// (not Linux, or a file system without `RENAME_EXCHANGE`): nothing moved.
pub(super) fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    tick();
    exchange_now(a, b)
}

#[cfg(target_os = "linux")]
fn exchange_now(a: &Path, b: &Path) -> io::Result<bool> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))
    };
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: two valid NUL-terminated paths relative to the working folder.
    let status = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if status == 0 {
        return Ok(true);
    }
    let err = io::Error::last_os_error();
    match err.raw_os_error() {
        Some(libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP) => Ok(false),
        _ => Err(err),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange_now(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

/// Flush everything written so far on the file system holding `path` to
/// the disk, so that the exchange that follows never publishes pages a
/// power cut could still lose.
pub(super) fn sync_file_system(path: &Path) -> io::Result<()> {
    tick();
    sync_now(path)
}

#[cfg(target_os = "linux")]
fn sync_now(path: &Path) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let folder = std::fs::File::open(path)?;
    // SAFETY: syncfs(2) on a descriptor we own for the duration of the call.
    if unsafe { libc::syncfs(folder.as_raw_fd()) } == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn sync_now(path: &Path) -> io::Result<()> {
    std::fs::File::open(path)?.sync_all()
}

/// Make a rename inside `folder` durable.
pub(super) fn sync_folder(folder: &Path) -> io::Result<()> {
    tick();
    std::fs::File::open(folder)?.sync_all()
}

#[cfg(unix)]
mod at;
