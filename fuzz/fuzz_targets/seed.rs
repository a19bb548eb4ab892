//! Any bytes as a seed, through decoding, cleaning, extraction and emitting.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    briefing::fuzzing::seed(bytes);
});
