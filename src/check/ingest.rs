//! Check stage: what ingest would say, without writing anything.
//!
//! Takes the site root; gives back ingest's diagnostics from a dry run
//! (unknown-organization suggestions and seeds that fail to ingest).
//! Isolated in one function so the rest of `check` does not depend on how
//! ingest is built.

use std::path::Path;

use crate::diag::Diagnostic;

/// Ingest's diagnostics for the seeds under `root`, from a dry run.
pub(crate) fn dry_run(_root: &Path) -> Vec<Diagnostic> {
    // Ingest lands on its own branch; until then there is nothing to run.
    Vec::new()
}
