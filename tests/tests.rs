//! The one integration-test binary: a module per feature, so it links once.

mod bench_corpus;
mod common;
mod ingest;
