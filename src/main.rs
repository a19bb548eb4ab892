//! The `briefing` binary: everything lives in the library.

/// jemalloc instead of the C library's allocator: a build allocates and
/// frees millions of small strings and vectors across its threads, and
/// glibc's malloc spent more CPU and kept more memory doing it (measured
/// in the commit that chose it).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    briefing::cli::main()
}
