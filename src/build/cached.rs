//! The build's caches between runs, read by `serve`: its first build
//! (and each full reload) takes every article whose file is unchanged
//! from `cache::articles` and every body rendered from the same bytes
//! from `cache::bodies`, through the code a build reads them with, and
//! renders the rest as ever. What serve serves is the same either way.
//!
//! Takes a site root; gives back the loaded site, as a build loads it,
//! and the pack of rendered bodies to hand to render
//! (`cache::bodies::Used`).
//!
//! Read only: serve never writes a cache. What it loads and renders
//! would be right for one (an article validates, and a body renders, the
//! same with drafts or without, and with the preview's options), but
//! only its first build hands bodies to search as a build does; a full
//! reload or an edit renders them without (the index is made apart,
//! after the reload), so an entry written then would lack the result
//! file and terms a build's entry holds; and a pack is one file whose
//! terms are numbered by the one search that wrote it, while serve's
//! vocabulary lives on through a session of edits. Reading only, every
//! entry serve takes is one a `build` made.

use std::path::Path;

use super::cache::articles::{Articles, ReadOnly};
use super::cache::bodies::{self, Bodies};
use super::{load_known, reuse, BuildOptions, Site};
use crate::content::library::{KnownArticles, ReadArticles};
use crate::diag::Diagnostic;

/// The site at `root` loaded as a build loads it (drafts as `drafts`
/// says), each article the cache of parsed articles has taken
/// from it; and the cache of rendered bodies, when there is one to read.
pub(crate) fn load(root: &Path, drafts: bool) -> (Result<Site, Vec<Diagnostic>>, Option<Bodies>) {
    // The caches' keys: each file's digest, as a build takes them. The
    // options digested beside them are not part of any cache's stamp.
    let options = BuildOptions {
        drafts,
        ingest: false,
        ..BuildOptions::new(root)
    };
    let walks = crate::sitefs::walk_site(root);
    // The stamps a build into the default output recorded spare reading
    // the files unchanged since.
    let output = crate::output::real_path(&options.output_dir()).ok();
    let recorded = output.and_then(|output| reuse::recorded(&options, &output));
    let inputs = reuse::inputs_unrecorded(&options, &walks, recorded.as_ref());
    drop(walks);
    let (known, bodies) = match &inputs {
        Some(inputs) => rayon::join(
            || Articles::load(root, inputs).map(ReadOnly),
            || bodies::read_only(root, inputs),
        ),
        None => (None, None),
    };
    let known = known.as_ref().map(|k| k as &dyn KnownArticles);
    (load_known(root, drafts, known, ReadArticles::new()), bodies)
}
