//! Any request path through serve's resolver.
#![no_main]

libfuzzer_sys::fuzz_target!(|raw: &str| {
    briefing::fuzzing::serve_path(raw);
});
