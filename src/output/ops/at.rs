//! The `*at` system calls behind [`super::Folder`]: each path is resolved
//! from an open folder's descriptor.

use std::ffi::CString;
use std::fs::File;
use std::io::{self, Read as _, Write as _};
use std::os::fd::{AsRawFd as _, FromRawFd as _, OwnedFd};
use std::os::unix::fs::OpenOptionsExt as _;
use std::path::Path;

pub(super) fn open_folder(path: &Path) -> io::Result<OwnedFd> {
    let folder = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_DIRECTORY)
        .open(path)?;
    Ok(folder.into())
}

fn name(relative: &str) -> io::Result<CString> {
    CString::new(relative).map_err(|err| io::Error::new(io::ErrorKind::InvalidInput, err))
}

/// Check a system call's status: -1 is the error in `errno`.
fn status(result: libc::c_int) -> io::Result<libc::c_int> {
    if result < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(result)
    }
}

fn open(folder: &OwnedFd, relative: &str, flags: libc::c_int) -> io::Result<File> {
    let name = name(relative)?;
    // SAFETY: an open folder descriptor and a NUL-terminated path; the
    // descriptor returned is owned by the `File` alone.
    unsafe {
        let fd = status(libc::openat(
            folder.as_raw_fd(),
            name.as_ptr(),
            flags | libc::O_CLOEXEC,
            0o666 as libc::c_uint,
        ))?;
        Ok(File::from_raw_fd(fd))
    }
}

/// Write a new file (never through a name that is there: it could be
/// another's hard link), then stat it on its descriptor (no second path
/// walk): the build record's stamp of it.
pub(super) fn write(
    folder: &OwnedFd,
    relative: &str,
    contents: &[u8],
) -> io::Result<Option<std::fs::Metadata>> {
    let flags = libc::O_WRONLY | libc::O_CREAT | libc::O_EXCL;
    let mut file = open(folder, relative, flags)?;
    file.write_all(contents)?;
    Ok(file.metadata().ok())
}

pub(super) fn read(folder: &OwnedFd, relative: &str) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    open(folder, relative, libc::O_RDONLY | libc::O_NOFOLLOW)?.read_to_end(&mut bytes)?;
    Ok(bytes)
}

pub(super) fn mkdir(folder: &OwnedFd, relative: &str) -> io::Result<()> {
    let name = name(relative)?;
    // SAFETY: an open folder descriptor and a NUL-terminated path.
    status(unsafe { libc::mkdirat(folder.as_raw_fd(), name.as_ptr(), 0o777) }).map(drop)
}

pub(super) fn link(from: &OwnedFd, to: &OwnedFd, relative: &str) -> io::Result<()> {
    let name = name(relative)?;
    let (from, to, name) = (from.as_raw_fd(), to.as_raw_fd(), name.as_ptr());
    // SAFETY: two open folder descriptors and a NUL-terminated path.
    status(unsafe { libc::linkat(from, name, to, name, 0) }).map(drop)
}

pub(super) fn unlink(folder: &OwnedFd, relative: &str) -> io::Result<()> {
    let name = name(relative)?;
    // SAFETY: an open folder descriptor and a NUL-terminated path.
    status(unsafe { libc::unlinkat(folder.as_raw_fd(), name.as_ptr(), 0) }).map(drop)
}

/// The device and inode of `relative` when it is a regular file (not a
/// link).
pub(super) fn file_id(folder: &OwnedFd, relative: &str) -> Option<(u64, u64)> {
    let stat = lstat(folder, relative)?;
    (stat.st_mode & libc::S_IFMT == libc::S_IFREG).then_some((stat.st_dev, stat.st_ino))
}

fn lstat(folder: &OwnedFd, relative: &str) -> Option<libc::stat> {
    let name = name(relative).ok()?;
    let mut stat = std::mem::MaybeUninit::<libc::stat>::uninit();
    // SAFETY: an open folder descriptor, a NUL-terminated path and room
    // for the answer, read only once the call succeeded.
    let stat = unsafe {
        status(libc::fstatat(
            folder.as_raw_fd(),
            name.as_ptr(),
            stat.as_mut_ptr(),
            libc::AT_SYMLINK_NOFOLLOW,
        ))
        .ok()?;
        stat.assume_init()
    };
    Some(stat)
}

pub(super) fn file_len(folder: &OwnedFd, relative: &str) -> Option<u64> {
    let stat = lstat(folder, relative)?;
    (stat.st_mode & libc::S_IFMT == libc::S_IFREG).then_some(stat.st_size as u64)
}
