//! Ingest, what a run is asked to do and what it did: the options of
//! `briefing ingest` (and of the first step of `build` and `check`) and the
//! report every step of a run adds to. Kept apart from the run itself so
//! the steps that write (`store`, `registry`) need nothing from above them.

use std::path::PathBuf;

use crate::diag::Diagnostic;

/// What `briefing ingest` (and the first step of `build` and `check`) does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestOptions {
    /// The site root, holding `seeds/` and `content/`.
    pub root: PathBuf,
    /// Regenerate files a person edited, discarding the edits.
    pub force: bool,
    /// Validate only: write nothing (`briefing check`).
    pub dry_run: bool,
}

/// What ingest did. Paths are relative to the site root.
#[derive(Debug, Clone, Default)]
pub struct IngestReport {
    /// Articles written (in a dry run: that would be written).
    pub written: Vec<PathBuf>,
    /// Articles that already held exactly what ingest would write.
    pub unchanged: Vec<PathBuf>,
    /// Articles left alone because a person edited or wrote them.
    pub skipped_edited: Vec<PathBuf>,
    /// Organization registry entries added, marked `generated:`.
    pub organizations: Vec<PathBuf>,
    /// Unreadable seeds (errors), skipped files and unknown organizations
    /// (warnings).
    pub diagnostics: Vec<Diagnostic>,
}
