//! Extraction, what each figure and event is about: the organizations,
//! places and topics its own sentence names, and the organization a
//! definite description in it refers back to ("the company", "the
//! ministry": the latest one of that kind named before it), and the
//! organization a quoted "we" speaks for.
//!
//! Takes the story's sentences with their registry hits and the article's
//! own lists; gives each figure and event an `about`, drawn only from those
//! lists, so a fact never lands on an entity the article does not list.

use crate::content::front_matter::{About, Event, Figure, OrganizationKind};
use crate::ingest::gazetteer::Gazetteer;
use crate::ingest::text::words::{word_list, Pairs};

use super::speaker::{in_first_person, speaker};
use super::Sentence;
use crate::ingest::text::canonical::canonical_phrase;

/// "the <noun>" referring back to an organization of a kind.
static REFERENCES: Pairs = word_list!(pairs "extract/about-references.txt");

/// What the article lists; `about` never goes beyond it.
pub(crate) struct Listed<'a> {
    pub(crate) organizations: &'a [String],
    pub(crate) places: &'a [String],
    pub(crate) topics: &'a [String],
}

/// Fill `about` of every figure and event from the sentence it quotes.
pub(crate) fn attach(
    sentences: &[&Sentence<'_>],
    gazetteer: &Gazetteer,
    listed: &Listed<'_>,
    figures: &mut [Figure],
    events: &mut [Event],
) {
    let about = |quote: Option<&str>| {
        let i = sentences.iter().position(|s| Some(s.text) == quote)?;
        Some(of_sentence(sentences, i, gazetteer, listed))
    };
    for figure in figures {
        figure.about = about(figure.quote.as_deref());
    }
    for event in events {
        event.about = about(event.quote.as_deref());
    }
}

/// The entities sentence `i` is about.
fn of_sentence(
    sentences: &[&Sentence<'_>],
    i: usize,
    gazetteer: &Gazetteer,
    listed: &Listed<'_>,
) -> About {
    let sentence = sentences[i];
    let mut about = About::default();
    let add = |list: &mut Vec<String>, value: &str, allowed: &[String]| {
        if allowed.iter().any(|a| a == value) && !list.iter().any(|v| v == value) {
            list.push(value.to_string());
        }
    };
    for hit in &sentence.organizations {
        let slug = &gazetteer.organizations()[hit.entity].slug;
        add(&mut about.organizations, slug, listed.organizations);
    }
    // "we will …" in a quotation: the organization that speaks.
    if in_first_person(sentence.text) {
        if let Some((_, hit)) = speaker(sentences, i) {
            let slug = &gazetteer.organizations()[hit.entity].slug;
            add(&mut about.organizations, slug, listed.organizations);
        }
    }
    for kind in references(sentence.text) {
        if let Some(slug) = latest_of_kind(&sentences[..i], gazetteer, kind, listed) {
            add(&mut about.organizations, slug, listed.organizations);
        }
    }
    for hit in &sentence.places {
        let name = &gazetteer.places()[hit.entity].front.name;
        add(&mut about.places, name, listed.places);
    }
    for hit in gazetteer.find_topic_keywords(&canonical_phrase(sentence.text)) {
        let slug = &gazetteer.topics()[hit.entity].slug;
        add(&mut about.topics, slug, listed.topics);
    }
    about
}

/// Kinds of organization that "the <noun>" phrases in `text` refer to.
fn references(text: &str) -> Vec<OrganizationKind> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let mut kinds = Vec::new();
    for pair in words.windows(2) {
        if pair[0] != "the" {
            continue;
        }
        let noun = pair[1].trim_end_matches("'s").trim_end_matches('\'');
        if let Some(&(_, kind)) = REFERENCES.iter().find(|(n, _)| *n == noun) {
            if let Some(kind) = OrganizationKind::from_word(kind) {
                kinds.push(kind);
            }
        }
    }
    kinds
}

/// The organization of `kind` the story named last before this sentence.
fn latest_of_kind<'g>(
    before: &[&Sentence<'_>],
    gazetteer: &'g Gazetteer,
    kind: OrganizationKind,
    listed: &Listed<'_>,
) -> Option<&'g str> {
    before.iter().rev().find_map(|sentence| {
        sentence.organizations.iter().rev().find_map(|hit| {
            let org = &gazetteer.organizations()[hit.entity];
            let listed = listed.organizations.contains(&org.slug);
            (listed && org.front.kind == kind).then_some(org.slug.as_str())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definite_descriptions_name_a_kind() {
        assert_eq!(
            references("The company's plant and the ministry's plan."),
            [OrganizationKind::Company, OrganizationKind::Government]
        );
        assert!(references("A company said so.").is_empty());
    }
}
