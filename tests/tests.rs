//! The one integration-test binary: a module per feature, so it links once.
#![allow(unreachable_pub)] // test helpers; the lint is for the library

mod build;
mod common;
mod ingest;
