//! Every file-system operation the output stage performs, counted.
//!
//! Going through these functions lets a test stop a real build between any
//! two operations: with `BRIEFING_FAULT_AFTER=k` in the environment the
//! process kills itself (SIGKILL, as a power cut or the OOM killer would)
//! instead of performing operation k + 1. Without the variable the count
//! costs one relaxed atomic add.

use std::io;
use std::path::Path;
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

pub(super) fn create_dir(path: &Path) -> io::Result<()> {
    tick();
    std::fs::create_dir(path)
}

pub(super) fn write(path: &Path, contents: &[u8]) -> io::Result<()> {
    tick();
    std::fs::write(path, contents)
}

pub(super) fn hard_link(existing: &Path, new: &Path) -> io::Result<()> {
    tick();
    std::fs::hard_link(existing, new)
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
