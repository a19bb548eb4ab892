//! Property tests of ingest's pure functions over seed text: whatever a
//! scraped page holds, ingest never panics, and what it emits loads.
//!
//! Inputs are built from the pieces real seeds are made of (headlines,
//! datelines, Korean text, money and units, bullets, site chrome) so the
//! cases reach deep into cleaning and extraction, plus fully arbitrary
//! strings and bytes. Case counts stay modest to keep `cargo test` fast.

use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;

use super::article::generate;
use super::gazetteer::Gazetteer;
use super::{clean, seed};
use crate::content::date::PartialDate;
use crate::content::entity::Registries;
use crate::content::front_matter::{split, ArticleFrontMatter, DateBasis};

/// The repository's own registries: the gazetteer ingest really uses.
fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let (registries, _) = Registries::load(Path::new(env!("CARGO_MANIFEST_DIR")));
        Gazetteer::new(&registries)
    })
}

fn today() -> PartialDate {
    PartialDate::ymd(2026, 12, 1).unwrap()
}

fn seed_text() -> impl Strategy<Value = String> {
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
        if let Ok(generated) = generate("seeds/x.txt", &text, gazetteer(), today()) {
            let parts = split(&generated.text).expect("emitted files have front matter");
            let parsed = crate::yaml::from_str::<ArticleFrontMatter>(parts.yaml);
            prop_assert!(parsed.is_ok(), "{:?}\n{}", parsed.err(), generated.text);
            // Undated exactly when the basis says so, and then with the day
            // it came to the site: never an invented date.
            let front = parsed.unwrap();
            let unknown = front.date_basis == DateBasis::Unknown;
            prop_assert_eq!(front.date.is_none(), unknown, "{}", generated.text);
            prop_assert_eq!(front.ingested.is_some(), unknown, "{}", generated.text);
        }
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
