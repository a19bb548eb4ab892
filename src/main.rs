//! The `briefing` binary: parse the command line and hand over to the library.

fn main() {
    println!("briefing: under construction");
}
