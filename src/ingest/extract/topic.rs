//! Extraction, topics: registry topics the article clearly discusses.
//!
//! Takes the title and sentences, matches each topic's keywords on the
//! canonical (stemmed, paraphrase-folded) text, and scores a topic by how
//! many distinct keywords hit, how often, and where: the title, lead and
//! headings weigh more than the body; asides (captions, "About X"
//! boilerplate), names of institutions, quoted common words and funding
//! acknowledgments weigh less or nothing (see [`context`]). A topic is
//! listed when its score reaches the threshold *and* the article clearly
//! discusses it: two distinct keywords, a term of art stated plainly,
//! by the reporter or a speaker, or a common word in the headline that
//! two more sentences repeat (four without the headline). A single
//! common word said in passing, or a term only inside a name, is not
//! enough. Gives
//! back topic slugs, strongest first, and records each one's best sentence.

mod context;

use std::collections::{BTreeMap, BTreeSet};

use super::{Part, Sentence};
use crate::content::evidence::EvidenceKey;
use crate::content::front_matter::OrganizationKind;
use crate::ingest::gazetteer::Gazetteer;
use crate::ingest::text::canonical::canonical_phrase;
use crate::ingest::text::hangul::is_hangul;
use crate::ingest::text::words::{word_list, Words};

/// Score a topic needs to be listed.
const THRESHOLD: f64 = 2.0;

/// Sentences, the headline among them, that must carry a single common
/// word for it to name the article's subject ("graphite" in the headline
/// and twice more).
const HEADLINE_ECHOES: usize = 3;

/// Sentences that must carry a single common word, with no headline, for
/// it to name the subject ("BESS" in four sentences of a hazard report).
const BODY_ECHOES: usize = 4;

/// The topic a money amount speaks for, when a funding word stands beside
/// it ("has invested RMB 10 billion", "a €3 billion support package").
const MONEY_TOPIC: &str = "investment-funding";

/// The topic a named law speaks for ("Inflation Reduction Act").
const LAW_TOPIC: &str = "policy-regulation";

/// Keyword phrases that name their topic only in passing ("a clean
/// energy company", "eco-friendly"): they count as common words.
static PASSING_PHRASES: Words = word_list!("extract/passing-topic-phrases.txt");

/// The step from research to products, and the keywords that speak of it
/// only when the article is about a technology: a plant's production.
const COMMERCIALIZATION_TOPIC: &str = "commercialization";
static PRODUCTION_PHRASES: Words = word_list!("extract/production-phrases.txt");
static TECHNOLOGY_TOPICS: Words = word_list!("extract/technology-topics.txt");

/// Keywords of more than one sense, which repetition alone never makes
/// the subject.
static BROAD_WORDS: Words = word_list!("extract/broad-topic-words.txt");

/// Pseudo-keyword indices for signals that are not registry keywords.
const MONEY_SIGNAL: usize = usize::MAX;
const LAW_SIGNAL: usize = usize::MAX - 1;

#[derive(Default)]
struct Tally<'a> {
    keywords: BTreeSet<usize>,
    /// A keyword that is no bare money amount ("billion won") and no
    /// phrase said in passing ("sustainable") has hit: sales, losses and
    /// prices are amounts too, and a press release calls anything
    /// sustainable, so amounts and passing phrases alone never list a
    /// topic, however many. They still add to its score.
    telling: bool,
    score: f64,
    /// A term of art stated plainly: not inside a name or an
    /// acknowledgment, or a named law or a money amount at full weight.
    plain: bool,
    /// A telling keyword stands in the headline at full weight.
    headline: bool,
    /// Sentences where a telling keyword stands at full weight.
    sentences: usize,
    best: Option<(f64, &'a str)>,
}

impl<'a> Tally<'a> {
    fn add(&mut self, keyword: usize, weight: f64, sentence: &'a str) {
        // A repeated keyword adds less than a new one: repetition of a
        // single term is weaker evidence than several related terms.
        let gain = if self.keywords.insert(keyword) {
            weight
        } else {
            weight * 0.5
        };
        self.score += gain;
        if self.best.is_none_or(|(w, _)| weight > w) {
            self.best = Some((weight, sentence));
        }
    }

    fn clear(&self) -> bool {
        self.score >= THRESHOLD
            && self.telling
            && (self.plain
                || self.keywords.len() >= 2
                || self.headline && self.sentences >= HEADLINE_ECHOES
                || self.sentences >= BODY_ECHOES)
    }
}

/// How telling a keyword is: a term of art ("sodium ion", "4680", "supply
/// chain") names its topic on its own; a single common word ("research",
/// "policy", "cobalt") needs company. Korean writes compounds as one word,
/// so a Hangul word of three syllables or more ("공급망", "전문인력") counts
/// as a phrase. A phrase said in passing ("clean energy") is common.
/// `keyword` is as matched (canonical); `passing`: the registry lists it as said in passing.
fn specificity(keyword: &str, passing: bool) -> f64 {
    if passing {
        return 1.0;
    }
    let korean_compound = keyword.chars().filter(|&c| is_hangul(c)).count() >= 3;
    if keyword.contains(' ') || keyword.chars().any(|c| c.is_ascii_digit()) || korean_compound {
        2.0
    } else {
        1.0
    }
}

/// The topic is commercialization and every keyword that hit is a plant's
/// production word: a factory starting up is no technology reaching the
/// market, unless the article is about a technology.
fn only_production(gazetteer: &Gazetteer, entity: usize, keywords: &BTreeSet<usize>) -> bool {
    let topic = &gazetteer.topics()[entity];
    topic.slug == COMMERCIALIZATION_TOPIC
        && keywords.iter().all(|&k| {
            topic
                .front
                .keywords
                .get(k)
                .is_some_and(|registered| listed(&PRODUCTION_PHRASES, registered))
        })
}

/// True when `list` holds the registered keyword, in any case.
fn listed(list: &Words, registered: &str) -> bool {
    list.iter().any(|p| p.eq_ignore_ascii_case(registered))
}

/// A registered keyword that names its topic only in passing.
fn is_passing(registered: &str) -> bool {
    listed(&PASSING_PHRASES, registered)
}

/// A keyword that is only a money amount: "billion won", "krw", "million
/// dollars".
fn is_amount(keyword: &str) -> bool {
    keyword.split_whitespace().next_back().is_some_and(|word| {
        super::unit::is_currency_word(word)
            || super::unit::currency_code(&word.to_uppercase()).is_some()
    })
}

/// How much a sentence's place in the article counts.
fn part_weight(part: Part) -> f64 {
    match part {
        Part::Title => 2.0,
        Part::Lead | Part::Heading => 1.5,
        Part::Body => 1.0,
        Part::Aside | Part::Caption => 0.0,
    }
}

/// Topic slugs whose evidence is clear, strongest first.
pub(crate) fn topics(
    sentences: &[Sentence<'_>],
    gazetteer: &Gazetteer,
    evidence: &mut BTreeMap<EvidenceKey, String>,
) -> Vec<String> {
    let slug_index = |slug: &str| gazetteer.topics().iter().position(|t| t.slug == slug);
    let (money_topic, law_topic) = (slug_index(MONEY_TOPIC), slug_index(LAW_TOPIC));
    let mut tallies: BTreeMap<usize, Tally<'_>> = BTreeMap::new();
    for sentence in sentences {
        let weight = part_weight(sentence.part);
        if weight == 0.0 {
            continue;
        }
        let headline = sentence.part == Part::Title;
        let names: Vec<(usize, usize)> = sentence
            .organizations
            .iter()
            .map(|o| (o.start, o.end))
            .chain(sentence.unknown.iter().map(|u| (u.start, u.end)))
            .collect();
        let mut found = BTreeSet::new();
        let mut telling_here = BTreeSet::new();
        for piece in context::pieces(sentence.text, &names, headline) {
            let canonical = canonical_phrase(&piece.text);
            for hit in gazetteer.find_topic_keywords(&canonical) {
                // As written: the canonical form stems "won" to "win".
                let registered = &gazetteer.topics()[hit.entity].front.keywords[hit.pattern];
                let passing = is_passing(registered);
                let strength = specificity(&canonical[hit.start..hit.end], passing);
                let amount = is_amount(registered);
                // A speaker's term of art ("the commercialization of
                // lithium metal batteries") names the topic as plainly as
                // the reporter's; a common word in speech counts half.
                let factor = if piece.quoted && strength <= 1.0 {
                    piece.factor * 0.5
                } else {
                    piece.factor
                };
                let tally = tallies.entry(hit.entity).or_default();
                tally.add(hit.pattern, weight * strength * factor, sentence.text);
                tally.plain |= strength > 1.0 && factor == 1.0 && !amount;
                tally.telling |= !amount && !passing;
                if !amount && !passing && factor == 1.0 && !listed(&BROAD_WORDS, registered) {
                    tally.headline |= headline;
                    telling_here.insert(hit.entity);
                }
                // An amount is no funding word beside itself.
                if !amount {
                    found.insert(hit.entity);
                }
            }
        }
        for entity in telling_here {
            tallies.entry(entity).or_default().sentences += 1;
        }
        // A ministry or the word for government: a plan named here is a
        // policy, not a company's strategy.
        let government = sentence.text.contains("정부")
            || sentence.organizations.iter().any(|o| {
                gazetteer.organizations()[o.entity].front.kind == OrganizationKind::Government
            });
        let signals = [
            (money_topic, MONEY_SIGNAL, context::has_money(sentence.text)),
            (
                law_topic,
                LAW_SIGNAL,
                context::names_law(sentence.text, government),
            ),
        ];
        for (topic, signal, present) in signals {
            // A money amount counts only beside a funding word or a verb
            // that moves money; a law's name counts on its own.
            // Acknowledgments count for little.
            let beside = |t: &usize| {
                signal == LAW_SIGNAL || found.contains(t) || context::moves_money(sentence.text)
            };
            let Some(topic) = topic.filter(|t| present && beside(t)) else {
                continue;
            };
            let factor = if context::acknowledgment(sentence.text) {
                0.25
            } else {
                1.0
            };
            let tally = tallies.entry(topic).or_default();
            tally.add(signal, weight * 2.0 * factor, sentence.text);
            tally.plain |= factor == 1.0;
            tally.telling = true;
        }
    }
    let clear: Vec<(&usize, &Tally<'_>)> = tallies.iter().filter(|(_, t)| t.clear()).collect();
    let about_technology = clear
        .iter()
        .any(|(&entity, _)| TECHNOLOGY_TOPICS.contains(&gazetteer.topics()[entity].slug.as_str()));
    let mut ranked: Vec<(f64, &str, &str)> = clear
        .into_iter()
        .filter(|(&entity, t)| about_technology || !only_production(gazetteer, entity, &t.keywords))
        .map(|(&entity, t)| {
            let slug = gazetteer.topics()[entity].slug.as_str();
            (t.score, slug, t.best.map_or("", |b| b.1))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    for (_, slug, sentence) in &ranked {
        evidence.insert(EvidenceKey::topic(slug), sentence.to_string());
    }
    ranked
        .into_iter()
        .map(|(_, slug, _)| slug.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_amounts_are_told_from_funding_words() {
        for keyword in ["billion won", "krw", "million dollars", "billion yuan"] {
            assert!(is_amount(keyword), "{keyword}");
        }
        for keyword in ["investment", "tax credit", "funding round", "투자"] {
            assert!(!is_amount(keyword), "{keyword}");
        }
    }
}
