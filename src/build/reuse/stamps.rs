//! When an input need not be read again: its stamp (`output::digest::stamp`)
//! is the one the last build recorded, and that build trusted it because
//! the file had last changed well before the build started, by the file
//! system's own clock.

use std::path::Path;
use std::time::Duration;

use sha2::{Digest as _, Sha256};

use super::{BuildOptions, Digest, Record, Source, CACHE_FOLDER};
use crate::output::digest::{changed_at, stamp, Stamp};

/// How long before a build started a file must have last changed for its
/// stamp to stand for its bytes at the next build. A change in the same
/// tick of the file system's clock as the stamp could keep it; the tick is
/// 1–10 ms where outputs are written (`SETTLED`), but inputs may sit on a
/// file system that stamps to the second or two (FAT, some network
/// shares), and the margin only costs a file edited just before a build
/// one more read. Once a file's change time is older than this at the
/// start of a build, any change after the build looked at it gets another
/// stamp.
pub(super) const STAMP_TRUSTED_AFTER: Duration = Duration::from_secs(2);

/// Digest of a file's `stamp` and of the `executable` looking at it: what
/// the file's digests were taken by (splitting off front matter is the
/// program's rule) is part of what must match.
pub(super) fn stamp_of(stamp: &Stamp, executable: &Digest) -> Digest {
    let mut hasher = Sha256::new();
    hasher.update(executable);
    hasher.update(stamp);
    hasher.finalize().into()
}

/// Whether a file's `stamp` can stand for its bytes at the next build: it
/// last changed more than [`STAMP_TRUSTED_AFTER`] before `started`.
pub(super) fn trusted(stamp: &Stamp, started: i128) -> bool {
    changed_at(stamp) < started - STAMP_TRUSTED_AFTER.as_nanos() as i128
}

/// The file system's clock now (nanoseconds): the change time of a file
/// made for the purpose in the site's scratch folder, then removed. Stamps
/// are compared with it rather than with this machine's clock, which a file
/// server's may run behind. `None` where it cannot be made: then no stamp
/// is kept.
pub(super) fn file_system_now(options: &BuildOptions) -> Option<i128> {
    let relative = Path::new(CACHE_FOLDER);
    crate::sitefs::check_writable(&options.root, relative).ok()?;
    let folder = options.root.join(CACHE_FOLDER);
    std::fs::create_dir_all(&folder).ok()?;
    let path = folder.join(format!("clock-{}", std::process::id()));
    // Left by a killed build of the same process number, or planted.
    let _ = std::fs::remove_file(&path);
    let made = std::fs::File::create_new(&path);
    let _ = std::fs::remove_file(&path);
    let meta = made.ok()?.metadata().ok()?;
    Some(changed_at(&stamp(&meta)?))
}

impl Record {
    /// What this record holds of the file at `path`, when it recorded a
    /// trusted stamp for it and the file's stamp is still `stamp` (so its
    /// bytes are the ones digested then).
    pub(super) fn same(&self, path: &str, stamp: Digest) -> Option<Source> {
        let files = &self.inputs.files;
        let at = files
            .binary_search_by(|file| file.path.as_str().cmp(path))
            .ok()?;
        (files[at].stamp == Some(stamp)).then(|| files[at].clone())
    }
}
