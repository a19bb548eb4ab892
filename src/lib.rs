//! `briefing`: a static site generator for a secondary-battery industry
//! briefing site. Pipeline: ingest (seeds → Markdown), content (Markdown →
//! library), render (library → pages), output (pages → `public/`).

pub mod build;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod diag;
#[doc(hidden)]
pub mod fuzzing;
pub mod ingest;
mod limits;
pub(crate) mod markdown;
pub(crate) mod output;
pub(crate) mod render;
pub(crate) mod scaffold;
pub mod schema;
pub(crate) mod search;
pub mod serve;
mod sitefs;
pub(crate) mod url;
pub(crate) mod yaml;

/// Items of a long parallel pass (the inputs' digests, the articles'
/// parsing, the pages' rendering) taken as one task at most. Left to
/// itself, rayon cuts such a list into a few long runs, and the last of
/// them ran on one core while the other waited: 20 to 50 ms at the end
/// of the digests' and of the parsing's pass in a 10,000-article build
/// (`perf record`, samples per thread). Short runs end together; a task
/// costs about a microsecond.
pub(crate) const ITEMS_A_TASK: usize = 16;
