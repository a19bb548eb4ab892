//! The one integration-test binary: a module per feature, so it links once.

mod check;
mod common;
mod ingest;
