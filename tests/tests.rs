//! The one integration-test binary: a module per feature, so it links once.

mod common;
mod ingest;
mod serve;
