//! Ingest's promises over any input, as checks fuzzing can call.
//!
//! Takes seed bytes (or already decoded text); runs decoding, cleaning,
//! extraction and emitting on them against the repository's registries;
//! gives back `Err` with the broken promise and the emitted file when what
//! ingest wrote would not load back, or dates a seed it could not date.
//! A panic is the other failure fuzzing looks for.

use std::path::Path;
use std::sync::OnceLock;

use super::article::generate;
use super::gazetteer::Gazetteer;
use super::seed;
use crate::content::date::PartialDate;
use crate::content::entity::Registries;
use crate::content::front_matter::{split, ArticleFrontMatter, DateBasis};

/// The repository's own registries: the gazetteer ingest really uses.
pub(crate) fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let (registries, _) = Registries::load(Path::new(env!("CARGO_MANIFEST_DIR")));
        Gazetteer::new(&registries)
    })
}

/// A fixed "today", so a failure found once is found again.
pub(crate) fn today() -> PartialDate {
    PartialDate::ymd(2026, 12, 1).expect("a real day")
}

/// Decode `bytes` as a seed and check what ingest makes of them.
pub(crate) fn check_seed(bytes: &[u8]) -> Result<(), String> {
    match seed::decode(bytes) {
        Ok(decoded) => check_text(&decoded.text),
        Err(_) => Ok(()),
    }
}

/// What ingest emits for `text` loads back through the front-matter types,
/// and is undated exactly when its basis says so (with the day it came in
/// instead): never an invented date.
pub(crate) fn check_text(text: &str) -> Result<(), String> {
    let Ok(generated) = generate("seeds/x.txt", text, gazetteer(), today()) else {
        return Ok(());
    };
    let emitted = &generated.text;
    let parts = split(emitted).map_err(|err| format!("{err}\n{emitted}"))?;
    let front = crate::yaml::from_str::<ArticleFrontMatter>(parts.yaml)
        .map_err(|err| format!("emitted front matter does not load: {err}\n{emitted}"))?;
    let unknown = front.date_basis == DateBasis::Unknown;
    if front.date.is_none() != unknown || front.ingested.is_some() != unknown {
        return Err(format!("date, date_basis and ingested disagree\n{emitted}"));
    }
    Ok(())
}
