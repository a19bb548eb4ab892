//! The `briefing` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    briefing::cli::main()
}
