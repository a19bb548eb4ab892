//! The one integration-test binary: a module per feature, so it links once.
#![allow(unreachable_pub)] // test helpers; the lint is for the library

mod bench_corpus;
mod build;
mod check;
mod common;
mod ingest;
mod security;
mod serve;
