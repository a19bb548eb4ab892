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
    /// Keep the text of every article generated, in
    /// [`IngestReport::proposed`] (`briefing ingest --diff`).
    pub propose: bool,
}

impl IngestOptions {
    /// A run over `root` that writes, without `--force`.
    pub fn new(root: impl Into<PathBuf>) -> IngestOptions {
        IngestOptions {
            root: root.into(),
            force: false,
            dry_run: false,
            propose: false,
        }
    }
}

/// What ingest generated for one seed, whether it was written or not.
#[derive(Debug, Clone)]
pub struct Proposed {
    /// The seed, `seeds/<name>.txt`.
    pub seed: String,
    /// Where ingest would write it.
    pub output: PathBuf,
    /// The article's text.
    pub text: String,
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
    /// Articles a person accepted (`briefing ingest --accept`), left alone
    /// without a warning.
    pub accepted: Vec<PathBuf>,
    /// With [`IngestOptions::propose`]: every article generated.
    pub proposed: Vec<Proposed>,
    /// Organization registry entries added, marked `generated:`.
    pub organizations: Vec<PathBuf>,
    /// Unreadable seeds (errors), skipped files and unknown organizations
    /// (warnings).
    pub diagnostics: Vec<Diagnostic>,
}
