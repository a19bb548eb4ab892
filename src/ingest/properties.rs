//! Property tests of ingest's pure functions over seed text: whatever a
//! scraped page holds, ingest never panics, and what it emits loads.
//!
//! Inputs are built from the pieces real seeds are made of (headlines,
//! datelines, Korean text, money and units, bullets, site chrome) so the
//! cases reach deep into cleaning and extraction, plus fully arbitrary
//! strings and bytes. Case counts stay modest to keep `cargo test` fast.

use proptest::prelude::*;

use super::article::generate;
use super::invariants::{check_text, gazetteer, today};
use super::{clean, seed};

/// Text built from the pieces real seeds are made of.
pub(crate) fn seed_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\n",
        "\n\n",
        "\r\n",
        " ",
        "Title: ",
        "Date: ",
        "2024-03-11",
        "2023.06.02",
        "June 2, 2023",
        "【Innovation Strategy】",
        "[Photo] ",
        "■ ",
        "1. ",
        "- ",
        "○ ",
        "※ ",
        "Reporter Kim ",
        "kim@example.com",
        "Copyright ⓒ",
        "LG Energy Solution",
        "Samsung SDI",
        "KRICT",
        "Ministry of Trade, Industry and Energy",
        "said on Monday that",
        "will invest",
        "over 50 trillion won",
        "KRW 1.2 billion",
        "$3.5 billion",
        "300 Wh/kg",
        "20 GWh",
        "10,000 tons per year",
        "30%",
        "by 2030",
        "in the first half of next year",
        "last year",
        "한국화학연구원",
        "이차전지",
        "억원",
        "조 원",
        ".",
        ", ",
        "\"",
        "“",
        "”",
        "(",
        ")",
        "—",
        "Home > News > Industry",
        "Share",
        "Print",
        "Related articles",
        "0",
        "9999",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn generate_never_panics_and_what_it_emits_loads(text in seed_text()) {
        let checked = check_text(&text);
        prop_assert!(checked.is_ok(), "{}", checked.unwrap_err());
    }

    #[test]
    fn generate_never_panics_on_any_string(text in any::<String>()) {
        let _ = generate("seeds/x.txt", &text, gazetteer(), today());
    }

    #[test]
    fn cleaning_never_panics(text in seed_text()) {
        let _ = clean::clean(&text);
    }

    #[test]
    fn decoding_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let _ = seed::decode(&bytes);
    }
}
