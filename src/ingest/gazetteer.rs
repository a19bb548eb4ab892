//! Ingest stage, gazetteer: the registries turned into matchers.
//!
//! Takes the organization, place and topic registries once per run and gives
//! back aho-corasick automata over every name, alias and keyword. Extraction
//! shares one `Gazetteer` read-only across rayon threads and asks it for the
//! registry entries mentioned in a sentence, as byte spans of that sentence.

use std::collections::{HashMap, HashSet};

use crate::content::entity::{Organization, Place, Registries, Topic};
use crate::ingest::text::words::{word_list, Pairs, Words};

mod matcher;

pub(crate) use matcher::normalize;
use matcher::Matcher;

/// The registries, indexed for matching. Built once; immutable afterwards.
pub(crate) struct Gazetteer {
    organizations: Vec<Organization>,
    places: Vec<Place>,
    topics: Vec<Topic>,
    organization_matcher: Matcher,
    place_matcher: Matcher,
    /// Keywords in their canonical (stemmed, paraphrase-folded) form.
    topic_matcher: Matcher,
    /// For each topic matcher pattern: its keyword index within the topic.
    topic_keyword: Vec<usize>,
    organization_by_key: HashMap<String, usize>,
    /// Lookup keys of names a person rejected as organizations (by deleting
    /// the entry ingest generated for them): never suggested again.
    rejected: HashSet<String>,
}

/// One registry entry found in a text: `entity` indexes the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) entity: usize,
    /// Which pattern matched (for topics: which keyword).
    pub(crate) pattern: usize,
}

impl Gazetteer {
    /// Index every name, alias and keyword of `registries`.
    pub(crate) fn new(registries: &Registries) -> Gazetteer {
        // Every way each organization is written, made once for the
        // matcher and the exact lookup both.
        let organization_forms: Vec<Vec<String>> = registries
            .organizations
            .iter()
            .map(|o| written_forms(std::iter::once(&o.front.name).chain(&o.front.aliases)))
            .collect();
        // Demonyms come last: those of the name and of every alias ("South
        // Korean" for Korea, also called "South Korea").
        let place_names = registries.places.iter().map(|p| {
            let names = || std::iter::once(&p.front.name).chain(&p.front.aliases);
            let demonyms = names().filter_map(|n| demonym(n));
            names().map(String::as_str).chain(demonyms)
        });
        let organization_matcher = Matcher::new(
            organization_forms
                .iter()
                .map(|forms| forms.iter().map(|n| normalize_key(n))),
            false,
        );
        let place_matcher = Matcher::new(place_names.map(|n| n.map(normalize_key)), false);
        let topic_matcher = Matcher::new(
            registries.topics.iter().map(|t| {
                t.front
                    .keywords
                    .iter()
                    .map(|k| crate::ingest::text::canonical::canonical_phrase(k))
            }),
            true,
        );
        let topic_keyword = topic_matcher.origins.iter().map(|&(_, k)| k).collect();
        let mut organization_by_key = HashMap::new();
        for (index, forms) in organization_forms.iter().enumerate() {
            for name in forms {
                organization_by_key.entry(lookup_key(name)).or_insert(index);
            }
        }
        Gazetteer {
            organizations: registries.organizations.clone(),
            places: registries.places.clone(),
            topics: registries.topics.clone(),
            organization_matcher,
            place_matcher,
            topic_matcher,
            topic_keyword,
            organization_by_key,
            rejected: HashSet::new(),
        }
    }

    /// The same gazetteer, refusing `names` as organizations.
    pub(crate) fn with_rejected<'n>(mut self, names: impl IntoIterator<Item = &'n str>) -> Self {
        self.rejected = names.into_iter().map(lookup_key).collect();
        self
    }

    /// True for a name a person rejected as an organization.
    pub(crate) fn rejected(&self, name: &str) -> bool {
        !self.rejected.is_empty() && self.rejected.contains(&lookup_key(name))
    }

    /// Exact (normalised, case-insensitive) name/alias lookup, for publishers.
    pub(crate) fn organization_named(&self, text: &str) -> Option<&Organization> {
        let key = lookup_key(text);
        let key = key.strip_prefix("the ").unwrap_or(&key);
        self.organization_by_key
            .get(key)
            .map(|&index| &self.organizations[index])
    }

    /// The entry filed under `slug`.
    pub(crate) fn organization_by_slug(&self, slug: &str) -> Option<&Organization> {
        self.organizations.iter().find(|o| o.slug == slug)
    }

    pub(crate) fn organizations(&self) -> &[Organization] {
        &self.organizations
    }

    pub(crate) fn places(&self) -> &[Place] {
        &self.places
    }

    pub(crate) fn topics(&self) -> &[Topic] {
        &self.topics
    }

    /// Organizations named in `text`, leftmost-longest, in text order.
    pub(crate) fn find_organizations(&self, text: &str) -> Vec<Hit> {
        self.organization_matcher.find(text)
    }

    /// Places named in `text`, leftmost-longest, in text order.
    pub(crate) fn find_places(&self, text: &str) -> Vec<Hit> {
        self.place_matcher.find(text)
    }

    /// True when a place hit is a country adjective ("Korean") rather than
    /// the country's name.
    pub(crate) fn is_demonym(&self, hit: &Hit) -> bool {
        let (entity, index) = self.place_matcher.origins[hit.pattern];
        index > self.places[entity].front.aliases.len()
    }

    /// Topic keywords in `canonical` text (see `text::canonical`);
    /// `pattern` of each hit is the keyword's index in its topic.
    /// Keywords shared by topics count for each; within one topic the
    /// longest keyword wins ("battery recycling" over "recycling").
    pub(crate) fn find_topic_keywords(&self, canonical: &str) -> Vec<Hit> {
        let mut hits = self.topic_matcher.find_all(canonical);
        hits.sort_by_key(|h| (h.entity, h.start, std::cmp::Reverse(h.end)));
        let mut chosen: Vec<Hit> = Vec::with_capacity(hits.len());
        for mut hit in hits {
            let clear = chosen
                .last()
                .is_none_or(|last| last.entity != hit.entity || hit.start >= last.end);
            if clear {
                hit.pattern = self.topic_keyword[hit.pattern];
                chosen.push(hit);
            }
        }
        chosen
    }
}

/// Each of `names`, and after it the same name with its head last where
/// English writes it so ("Ministry of Energy" is also "Energy Ministry"),
/// and with its legal form spelled the other ways (`legal_spellings`).
fn written_forms<'n>(names: impl Iterator<Item = &'n String>) -> Vec<String> {
    static HEADS: Words = word_list!("shared/inverted-heads.txt");
    let mut forms = Vec::new();
    for name in names {
        forms.push(name.clone());
        let inverted = HEADS.iter().find_map(|head| {
            let rest = name.strip_prefix(head)?.strip_prefix(" of ")?;
            (!rest.starts_with("the ")).then(|| format!("{rest} {head}"))
        });
        let derived = inverted
            .into_iter()
            .chain(legal_spellings(name))
            .chain(serial_comma_spelling(name));
        for form in derived {
            if !forms.contains(&form) {
                forms.push(form);
            }
        }
    }
    forms
}

/// "Acme Corporation", "Acme Corp." and "Acme Corp": a name ending in a
/// legal form, spelled with the form's other spellings.
fn legal_spellings(name: &str) -> Vec<String> {
    static SPELLINGS: Pairs = word_list!(pairs "shared/legal-form-spellings.txt");
    SPELLINGS
        .iter()
        .find_map(|&(long, short)| {
            let abbreviated = format!("{short}.");
            let base = [long, abbreviated.as_str(), short]
                .into_iter()
                .find_map(|form| name.strip_suffix(form)?.strip_suffix(' '))?;
            let spellings =
                [long, abbreviated.as_str(), short].map(|form| format!("{base} {form}"));
            Some(spellings.into_iter().filter(|s| s != name).collect())
        })
        .unwrap_or_default()
}

/// "Economy, Trade and Industry" is also written "Economy, Trade, and
/// Industry": the same list with or without a comma before its last "and".
fn serial_comma_spelling(name: &str) -> Option<String> {
    if let Some(at) = name.rfind(", and ") {
        return Some(format!("{}{}", &name[..at], &name[at + 1..]));
    }
    // The "and" after the list's last comma closes it ("Metals, Minerals
    // and Chemicals Importers and Exporters" has its comma before the
    // first "and").
    let comma = name.rfind(", ")?;
    let at = comma + name[comma..].find(" and ")?;
    Some(format!("{},{}", &name[..at], &name[at..]))
}

/// Country demonyms, so "Korean companies" counts as a mention of Korea.
/// Only countries whose adjective is not a prefix-derivable form are listed.
fn demonym(country: &str) -> Option<&'static str> {
    static DEMONYMS: Pairs = word_list!(pairs "shared/demonyms.txt");
    DEMONYMS
        .iter()
        .find(|(name, _)| *name == country)
        .map(|(_, adjective)| *adjective)
}

/// Key for exact lookups: normalised, lowercase, without trailing dots.
fn lookup_key(text: &str) -> String {
    normalize(text)
        .0
        .trim()
        .trim_end_matches('.')
        .to_lowercase()
}

/// A name as a pattern: normalised and trimmed.
fn normalize_key(name: &str) -> String {
    normalize(name).0.trim().to_string()
}

#[cfg(test)]
pub(crate) mod tests;
