//! One build at a time per output folder: an advisory lock.
//!
//! The lock is taken on a file beside the output, `.<name>.lock` (next to
//! the `.<name>.staging` and `.<name>.old` folders a build makes), not on
//! the output itself, which is exchanged for a new folder at the end of
//! every build. Not on the folder holding the output either: builds into
//! `/tmp/a` and `/tmp/b` would wait for each other, and anyone able to
//! open `/tmp` could hold every build into it. The file stays behind,
//! empty (deleting it between builds is harmless; deleting it during one
//! lets a second build in beside the first). The lock belongs to the open
//! descriptor: the kernel drops it when the process ends, however it ends,
//! so a killed build never leaves a lock that refuses the next one.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use super::{fail, refuse, OutputError};

/// Held while a build writes beside and into one output folder.
#[derive(Debug)]
pub(crate) struct OutputLock {
    _file: File,
}

/// Lock the output folder `real` (through symlinks: its target; named
/// `named` in messages) for this process by its `.<name>.lock` beside it,
/// waiting for another build to finish if one holds it.
pub(super) fn lock(real: &Path, named: &Path) -> Result<OutputLock, OutputError> {
    let path = super::sibling_of(real, "lock");
    let file = open(&path, named)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            eprintln!(
                "note: another build is writing {}; waiting for it to finish",
                named.display()
            );
            file.lock().map_err(fail("cannot lock", &path))?;
        }
        Err(TryLockError::Error(err)) => return Err(fail("cannot lock", &path)(err)),
    }
    Ok(OutputLock { _file: file })
}

/// Open (creating it) the lock file at `path` of the output `named`, never
/// through a symlink (which could point anywhere) and never anything but a
/// plain file.
fn open(path: &Path, named: &Path) -> Result<File, OutputError> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Not a FIFO's open that waits for a writer: refused below anyway.
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let not_a_file = || {
        let why = format!(
            "a build locks {} beside it, and that is not a plain file; move it away",
            path.display()
        );
        refuse(named, &why)
    };
    let file = match options.open(path) {
        Ok(file) => file,
        // A symlink (refused by O_NOFOLLOW) or a folder.
        Err(_) if std::fs::symlink_metadata(path).is_ok_and(|m| !m.is_file()) => {
            return Err(not_a_file())
        }
        Err(err) => return Err(fail("cannot create the lock file", path)(err)),
    };
    match file
        .metadata()
        .map_err(fail("cannot read", path))?
        .is_file()
    {
        true => Ok(file),
        false => Err(not_a_file()),
    }
}
