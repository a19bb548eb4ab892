//! Check stage: what ingest would say, without writing anything.
//!
//! Takes the site root; gives back ingest's diagnostics from a dry run
//! (seeds that cannot be read or ingested, skipped hand-edited files,
//! organizations the registry does not list yet). Isolated in one function
//! so the rest of `check` does not depend on how ingest is built.

use std::path::Path;

use crate::diag::Diagnostic;
use crate::ingest::{self, IngestOptions};

/// Ingest's diagnostics for the seeds under `root`, from a dry run.
pub(crate) fn dry_run(root: &Path) -> Vec<Diagnostic> {
    let report = ingest::run(&IngestOptions {
        root: root.to_path_buf(),
        force: false,
        dry_run: true,
        propose: false,
    });
    report.diagnostics
}
