//! Any text as an article file: front matter, validation and Markdown.
#![no_main]

libfuzzer_sys::fuzz_target!(|text: &str| {
    briefing::fuzzing::front_matter_and_markdown(text);
});
