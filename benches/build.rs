//! Benchmark harness (written on the bench branch).

fn main() {}
