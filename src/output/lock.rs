//! One build at a time per output folder: an advisory lock.
//!
//! The lock is taken on the folder that holds the output folder (its
//! parent), not on the output itself, because the output is exchanged for a
//! new folder at the end of every build, and not on a lock file, which would
//! stay behind. The lock belongs to the open descriptor: the kernel drops it
//! when the process ends, however it ends, so a killed build never leaves a
//! lock that refuses the next one.

use std::fs::{File, TryLockError};
use std::path::Path;

use super::{fail, OutputError};

/// Held while a build writes beside and into one output folder.
#[derive(Debug)]
pub(crate) struct OutputLock {
    _folder: File,
}

/// Lock `parent` (the folder holding the output) for this process,
/// waiting for another build to finish if one holds it.
pub(super) fn lock(parent: &Path, output: &Path) -> Result<OutputLock, OutputError> {
    let folder = File::open(parent).map_err(fail("cannot open", parent))?;
    match folder.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            eprintln!(
                "note: another build is writing {}; waiting for it to finish",
                output.display()
            );
            folder.lock().map_err(fail("cannot lock", parent))?;
        }
        Err(TryLockError::Error(err)) => return Err(fail("cannot lock", parent)(err)),
    }
    Ok(OutputLock { _folder: folder })
}
