//! Extraction, organizations the registry lacks that the text clearly
//! names as organizations: a head word ("… Institute", "Ministry of …") or
//! a legal form ("… Co., Ltd."). Ingest adds each as a generated registry
//! entry, so the article links it and readers get its page; an acronym
//! defined after it ("… Corporation (CTG)") becomes an alias.
//!
//! A name found only by its acronym definition, or in a headline-cased
//! line, stays a suggestion: those patterns also fit products and titles.

use super::Unknown;
use crate::content::entity::slugify;
use crate::content::front_matter::OrganizationKind;
use crate::ingest::extract::{Part, Sentence};
use crate::ingest::gazetteer::{Gazetteer, Hit};
use crate::ingest::text::token::headline_cased;
use crate::ingest::text::vocab::without_legal_form;

/// An organization ingest adds to the registry, marked as generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NewOrganization {
    /// File stem of its registry entry.
    pub(crate) slug: String,
    /// The name as the text writes it.
    pub(crate) name: String,
    /// Guessed from the head word or legal form.
    pub(crate) kind: OrganizationKind,
    /// ISO code guessed from a place in the name, else in its sentence;
    /// empty when neither names one.
    pub(crate) country: String,
    /// An acronym the text defines for it, and the name without its
    /// legal form.
    pub(crate) aliases: Vec<String>,
    /// The sentence that names it.
    pub(crate) quote: String,
}

/// The entry `found` in `sentence` would become, when the text names it
/// clearly enough; `None` leaves it a suggestion.
pub(crate) fn entry(
    sentence: &Sentence<'_>,
    found: &Unknown,
    gazetteer: &Gazetteer,
) -> Option<NewOrganization> {
    let kind = found.kind?;
    if sentence.part == Part::Heading || headline_cased(sentence.text) {
        return None;
    }
    let name = &sentence.text[found.start..found.end];
    // A name with Hangul ("해남군", "제일E&S") is filed under its
    // romanization, which keeps its Latin letters.
    let slug = if name.chars().any(crate::ingest::text::hangul::is_hangul) {
        slugify(&crate::ingest::text::hangul::romanize(name))
    } else {
        slugify(name)
    };
    if slug.is_empty() || gazetteer.organization_by_slug(&slug).is_some() {
        return None;
    }
    let country = country_of(&gazetteer.find_places(name), gazetteer)
        .or_else(|| country_of(&sentence.places, gazetteer))
        .unwrap_or_default()
        .to_string();
    // "Korea Precursors Co., Ltd.": stories write the name without its
    // legal form, so that form is an alias too, when two words or more
    // are left ("Stem Inc." is no "stem", "ESS Inc." no "ESS").
    let short = without_legal_form(name);
    let aliases = found
        .alias
        .map(|(start, end)| sentence.text[start..end].to_string())
        .into_iter()
        .chain((short != name && short.contains(' ')).then(|| short.to_string()))
        .collect();
    Some(NewOrganization {
        slug,
        name: name.to_string(),
        kind,
        country,
        aliases,
        quote: sentence.text.to_string(),
    })
}

/// The country of the first place hit that has one.
pub(crate) fn country_of<'g>(hits: &[Hit], gazetteer: &'g Gazetteer) -> Option<&'g str> {
    hits.iter()
        .find_map(|hit| gazetteer.places()[hit.entity].front.country.as_deref())
}
