//! Extraction, places: registry places mentioned in the story.
//!
//! Takes the sentences with their place hits (already without places that
//! sit inside an organization's name) and gives back canonical registry
//! names in first-mention order, recording each one's first sentence.

use std::collections::BTreeMap;

use super::Sentence;
use crate::content::evidence::EvidenceKey;
use crate::ingest::gazetteer::Gazetteer;

/// Canonical place names, first-mention order.
pub(crate) fn mentions(
    sentences: &[&Sentence<'_>],
    gazetteer: &Gazetteer,
    evidence: &mut BTreeMap<EvidenceKey, String>,
) -> Vec<String> {
    let mut names = Vec::new();
    for sentence in sentences {
        for hit in &sentence.places {
            let place = &gazetteer.places()[hit.entity];
            if !names.contains(&place.front.name) {
                names.push(place.front.name.clone());
                evidence.insert(EvidenceKey::place(&place.slug), sentence.text.to_string());
            }
        }
    }
    names
}
