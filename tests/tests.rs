//! The one integration-test binary: a module per feature, so it links once.

mod build;
mod common;
mod ingest;
