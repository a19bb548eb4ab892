//! Extraction, organizations: a region's own body under a national name.
//!
//! "The North Carolina Department of Commerce said …": the registry's
//! "Department of Commerce" is the federal one, but a state, province or
//! city written before the generic name makes it that region's body.

use crate::content::front_matter::PlaceKind;
use crate::ingest::extract::Sentence;
use crate::ingest::gazetteer::{Gazetteer, Hit};
use crate::ingest::text::words::{word_list, Words};

/// First words of a public body's generic name.
static HEADS: Words = word_list!("extract/regional-body-heads.txt");

/// True when `hit` is a generic body's name written right after a
/// sub-national place.
pub(super) fn regions_own_body(sentence: &Sentence<'_>, hit: &Hit, gazetteer: &Gazetteer) -> bool {
    let written = &sentence.text[hit.start..hit.end];
    let first = written.split_whitespace().next().unwrap_or("");
    if !HEADS.contains(&first) {
        return false;
    }
    sentence.places.iter().any(|place| {
        let regional = matches!(
            gazetteer.places()[place.entity].front.kind,
            PlaceKind::Province | PlaceKind::City | PlaceKind::District
        );
        regional && place.end <= hit.start && sentence.text[place.end..hit.start].trim().is_empty()
    })
}
