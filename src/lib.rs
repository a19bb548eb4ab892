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
