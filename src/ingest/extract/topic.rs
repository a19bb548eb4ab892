//! Extraction, topics: registry topics the article clearly discusses.
//!
//! Takes the title and sentences, matches each topic's keywords on the
//! canonical (stemmed, paraphrase-folded) text, and scores a topic by how
//! many distinct keywords hit, how often, and where: the title and lead
//! weigh more than the body. A single passing mention is not enough. Gives
//! back topic slugs, strongest first, and records each one's best sentence.

use std::collections::{BTreeMap, BTreeSet};

use super::canonical::canonical_phrase;
use super::{Part, Sentence};
use crate::ingest::gazetteer::Gazetteer;

/// Score a topic needs to be listed.
const THRESHOLD: f64 = 2.0;

#[derive(Default)]
struct Tally<'a> {
    keywords: BTreeSet<usize>,
    score: f64,
    best: Option<(f64, &'a str)>,
}

/// How telling a keyword is: a term of art ("sodium ion", "4680", "supply
/// chain") names its topic on its own; a single common word ("research",
/// "policy", "cobalt") needs company.
fn specificity(keyword: &str) -> f64 {
    if keyword.contains(' ') || keyword.chars().any(|c| c.is_ascii_digit()) {
        2.0
    } else {
        1.0
    }
}

/// Topic slugs whose evidence is clear, strongest first.
pub(crate) fn topics(
    sentences: &[Sentence<'_>],
    gazetteer: &Gazetteer,
    evidence: &mut BTreeMap<String, String>,
) -> Vec<String> {
    let mut tallies: BTreeMap<usize, Tally<'_>> = BTreeMap::new();
    for sentence in sentences {
        let weight = match sentence.part {
            Part::Title => 2.0,
            Part::Lead => 1.5,
            Part::Body => 1.0,
        };
        let canonical = canonical_phrase(sentence.text);
        for hit in gazetteer.find_topic_keywords(&canonical) {
            let weight = weight * specificity(&canonical[hit.start..hit.end]);
            let tally = tallies.entry(hit.entity).or_default();
            // A repeated keyword adds less than a new one: repetition of a
            // single term is weaker evidence than several related terms.
            let gain = if tally.keywords.insert(hit.pattern) {
                weight
            } else {
                weight * 0.5
            };
            tally.score += gain;
            if tally.best.is_none_or(|(w, _)| weight > w) {
                tally.best = Some((weight, sentence.text));
            }
        }
    }
    let mut ranked: Vec<(f64, &str, &str)> = tallies
        .iter()
        .filter(|(_, t)| t.score >= THRESHOLD)
        .map(|(&entity, t)| {
            let slug = gazetteer.topics()[entity].slug.as_str();
            (t.score, slug, t.best.map_or("", |b| b.1))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    for (_, slug, sentence) in &ranked {
        evidence.insert(format!("topic:{slug}"), sentence.to_string());
    }
    ranked
        .into_iter()
        .map(|(_, slug, _)| slug.to_string())
        .collect()
}
