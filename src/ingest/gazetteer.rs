//! Ingest stage, gazetteer: the registries turned into matchers.
//!
//! Takes the organization, place and topic registries once per run and gives
//! back aho-corasick automata over every name, alias and keyword. Extraction
//! shares one `Gazetteer` read-only across rayon threads and asks it for the
//! registry entries mentioned in a sentence, as byte spans of that sentence.

// Until the ingest pipeline builds it, only tests use the gazetteer.
#![allow(dead_code)]

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::content::entity::{Organization, Place, Registries, Topic};

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
        let organization_names = registries.organizations.iter().map(|o| {
            std::iter::once(o.front.name.as_str()).chain(o.front.aliases.iter().map(String::as_str))
        });
        let place_names = registries.places.iter().map(|p| {
            let demonym = demonym(&p.front.name);
            std::iter::once(p.front.name.as_str())
                .chain(p.front.aliases.iter().map(String::as_str))
                .chain(demonym)
        });
        let organization_matcher =
            Matcher::new(organization_names.map(|n| n.map(normalize_key)), false);
        let place_matcher = Matcher::new(place_names.map(|n| n.map(normalize_key)), false);
        let topic_matcher = Matcher::new(
            registries.topics.iter().map(|t| {
                t.front
                    .keywords
                    .iter()
                    .map(|k| crate::ingest::extract::canonical::canonical_phrase(k))
            }),
            true,
        );
        let topic_keyword = topic_matcher.origins.iter().map(|&(_, k)| k).collect();
        let mut organization_by_key = HashMap::new();
        for (index, organization) in registries.organizations.iter().enumerate() {
            let names =
                std::iter::once(&organization.front.name).chain(&organization.front.aliases);
            for name in names {
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
        }
    }

    /// Exact (normalised, case-insensitive) name/alias lookup, for publishers.
    pub(crate) fn organization_named(&self, text: &str) -> Option<&Organization> {
        let key = lookup_key(text);
        let key = key.strip_prefix("the ").unwrap_or(&key);
        self.organization_by_key
            .get(key)
            .map(|&index| &self.organizations[index])
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
        index == 1 + self.places[entity].front.aliases.len()
    }

    /// Topic keywords in `canonical` text (see `extract::canonical`);
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

/// Country demonyms, so "Korean companies" counts as a mention of Korea.
/// Only countries whose adjective is not a prefix-derivable form are listed.
fn demonym(country: &str) -> Option<&'static str> {
    const DEMONYMS: &[(&str, &str)] = &[
        ("Korea", "Korean"),
        ("South Korea", "South Korean"),
        ("Japan", "Japanese"),
        ("China", "Chinese"),
        ("Germany", "German"),
        ("France", "French"),
        ("United States", "American"),
        ("United Kingdom", "British"),
        ("Indonesia", "Indonesian"),
        ("Australia", "Australian"),
        ("India", "Indian"),
        ("Chile", "Chilean"),
        ("Sweden", "Swedish"),
        ("Hungary", "Hungarian"),
        ("Poland", "Polish"),
        ("Canada", "Canadian"),
        ("Vietnam", "Vietnamese"),
        ("Taiwan", "Taiwanese"),
    ];
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

/// Typographic variants folded to ASCII (curly quotes, non-breaking and odd
/// spaces, dashes) and whitespace runs collapsed, so scraped text matches the
/// registry. Gives back the text and, for each of its bytes plus one past
/// the end, the byte offset in the input it came from.
pub(crate) fn normalize(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut last_space = false;
    for (offset, c) in text.char_indices() {
        let folded = match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if folded == ' ' && last_space {
            continue;
        }
        last_space = folded == ' ';
        let before = out.len();
        out.push(folded);
        map.extend(std::iter::repeat_n(offset, out.len() - before));
    }
    map.push(text.len());
    (out, map)
}

/// Case rules per pattern: acronyms ("GIST", "SK") must match exactly, so
/// that the English word "gist" is not the institute.
fn exact_case(pattern: &str) -> bool {
    pattern.chars().any(|c| c.is_uppercase()) && !pattern.chars().any(|c| c.is_lowercase())
}

/// An automaton over names, each pattern pointing at its registry entry.
struct Matcher {
    automaton: AhoCorasick,
    /// Per pattern: (entity index, exact case).
    targets: Vec<(usize, bool)>,
    /// Per pattern: (entity index, index of the name within the entity).
    origins: Vec<(usize, usize)>,
    patterns: Vec<String>,
}

impl Matcher {
    /// Patterns grouped by entity; empty and duplicate patterns are skipped.
    /// Unless `shared`, a name used by two entities keeps its first (slug
    /// order decides); shared patterns (topic keywords) point at each.
    fn new<I, J>(entities: I, shared: bool) -> Matcher
    where
        I: Iterator<Item = J>,
        J: Iterator<Item = String>,
    {
        let mut seen = HashMap::new();
        let mut patterns = Vec::new();
        let mut targets = Vec::new();
        let mut origins = Vec::new();
        for (entity, names) in entities.enumerate() {
            for (index, name) in names.enumerate() {
                if name.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                    continue;
                }
                let exact = exact_case(&name);
                let key = if exact {
                    name.clone()
                } else {
                    name.to_lowercase()
                };
                if seen
                    .insert((key, if shared { entity } else { usize::MAX }), entity)
                    .is_some()
                {
                    continue;
                }
                targets.push((entity, exact));
                origins.push((entity, index));
                patterns.push(name);
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("gazetteer patterns build an automaton");
        Matcher {
            automaton,
            targets,
            origins,
            patterns,
        }
    }

    /// Every valid match (word boundaries, case rules), then the leftmost
    /// longest non-overlapping ones. Spans are offsets into `text`.
    fn find(&self, text: &str) -> Vec<Hit> {
        let mut hits = self.find_all(text);
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        let mut chosen: Vec<Hit> = Vec::with_capacity(hits.len());
        for hit in hits {
            if chosen.last().is_none_or(|last| hit.start >= last.end) {
                chosen.push(hit);
            }
        }
        chosen
    }

    /// Every valid match, overlapping ones included.
    fn find_all(&self, text: &str) -> Vec<Hit> {
        let (normal, map) = normalize(text);
        self.automaton
            .find_overlapping_iter(normal.as_str())
            .filter_map(|m| {
                let pattern = m.pattern().as_usize();
                let (entity, exact) = self.targets[pattern];
                let found = &normal[m.start()..m.end()];
                if exact && found != self.patterns[pattern] {
                    return None;
                }
                if !at_boundaries(&normal, m.start(), m.end()) {
                    return None;
                }
                Some(Hit {
                    start: map[m.start()],
                    end: map[m.end()],
                    entity,
                    pattern,
                })
            })
            .collect()
    }
}

/// True when the match does not start or end inside a word. Hangul edges
/// need no boundary: Korean particles attach directly to names.
fn at_boundaries(text: &str, start: usize, end: usize) -> bool {
    let inside = &text[start..end];
    let first = inside.chars().next();
    let last = inside.chars().next_back();
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let clash = |edge: Option<char>, neighbour: Option<char>| match (edge, neighbour) {
        (Some(e), Some(n)) => e.is_alphanumeric() && !is_hangul(e) && n.is_alphanumeric(),
        _ => false,
    };
    !clash(first, before) && !clash(last, after)
}

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c) || ('\u{1100}'..='\u{11FF}').contains(&c)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::content::entity::Entity;
    use crate::content::front_matter::{
        OrganizationFrontMatter, OrganizationKind, PlaceFrontMatter, PlaceKind, TopicFrontMatter,
    };

    fn entity<T>(slug: &str, front: T) -> Entity<T> {
        Entity {
            slug: slug.to_string(),
            path: format!("content/x/{slug}.md").into(),
            front,
            body: String::new(),
            body_line: 1,
        }
    }

    pub(crate) fn organization(
        slug: &str,
        name: &str,
        kind: OrganizationKind,
        aliases: &[&str],
    ) -> Organization {
        entity(
            slug,
            OrganizationFrontMatter {
                name: name.to_string(),
                kind,
                country: "KR".to_string(),
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
                website: None,
            },
        )
    }

    pub(crate) fn place(slug: &str, name: &str, kind: PlaceKind, aliases: &[&str]) -> Place {
        entity(
            slug,
            PlaceFrontMatter {
                name: name.to_string(),
                kind,
                country: Some("KR".to_string()),
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
            },
        )
    }

    pub(crate) fn topic(slug: &str, keywords: &[&str]) -> Topic {
        entity(
            slug,
            TopicFrontMatter {
                name: slug.to_string(),
                keywords: keywords.iter().map(|a| a.to_string()).collect(),
            },
        )
    }

    /// A tiny registry written for these tests (not the site's data).
    pub(crate) fn registries() -> Registries {
        use OrganizationKind::*;
        Registries {
            organizations: vec![
                organization("acme-energy", "Acme Energy", Company, &["Acme", "에이크미"]),
                organization(
                    "nbri",
                    "National Battery Research Institute",
                    Research,
                    &["NBRI"],
                ),
                organization(
                    "seoul-national-university",
                    "Seoul National University",
                    University,
                    &["SNU"],
                ),
                organization(
                    "motie",
                    "Ministry of Trade, Industry and Energy",
                    Government,
                    &["MOTIE", "Ministry of Industry"],
                ),
                organization(
                    "gist",
                    "Gwangju Institute of Science and Technology",
                    University,
                    &["GIST"],
                ),
                organization(
                    "north-chungcheong",
                    "North Chungcheong Province",
                    Government,
                    &["Chungbuk"],
                ),
            ],
            places: vec![
                place(
                    "korea",
                    "Korea",
                    PlaceKind::Country,
                    &["South Korea", "Republic of Korea"],
                ),
                place("seoul", "Seoul", PlaceKind::City, &[]),
                place(
                    "north-chungcheong",
                    "North Chungcheong Province",
                    PlaceKind::Province,
                    &["Chungbuk"],
                ),
            ],
            topics: vec![
                topic(
                    "recycling",
                    &["recycling", "battery recycling", "black mass"],
                ),
                topic(
                    "robotics-ai",
                    &["artificial intelligence", "humanoid robot", "AI"],
                ),
                topic("ev-mobility", &["electric vehicle", "EV"]),
            ],
        }
    }

    #[test]
    fn matches_names_and_aliases_case_insensitively_with_boundaries() {
        let g = Gazetteer::new(&registries());
        let text = "ACME ENERGY and nbri met; the Acmeist did not. 에이크미는 왔다.";
        let hits = g.find_organizations(text);
        let found: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(found, ["ACME ENERGY", "에이크미"]);
    }

    #[test]
    fn acronyms_need_their_case_and_curly_text_is_folded() {
        let g = Gazetteer::new(&registries());
        assert!(g.find_organizations("the gist of it").is_empty());
        let text = "GIST\u{2019}s lab with\u{a0}Acme\u{a0}Energy";
        let hits = g.find_organizations(text);
        assert_eq!(hits.len(), 2);
        assert_eq!(&text[hits[1].start..hits[1].end], "Acme\u{a0}Energy");
    }

    #[test]
    fn longest_match_wins() {
        let g = Gazetteer::new(&registries());
        let text = "Ministry of Trade, Industry and Energy officials";
        let hits = g.find_organizations(text);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].end, "Ministry of Trade, Industry and Energy".len());
    }

    #[test]
    fn looks_up_publishers_by_exact_name() {
        let g = Gazetteer::new(&registries());
        assert_eq!(g.organization_named("the MOTIE").unwrap().slug, "motie");
        assert_eq!(
            g.organization_named(" acme energy ").unwrap().slug,
            "acme-energy"
        );
        assert!(g.organization_named("Acme Energy Storage").is_none());
    }

    #[test]
    fn demonyms_count_as_country_mentions() {
        let g = Gazetteer::new(&registries());
        let hits = g.find_places("Korean firms and Seoul");
        assert_eq!(hits.len(), 2);
        assert_eq!(g.places()[hits[0].entity].slug, "korea");
        assert!(g.is_demonym(&hits[0]) && !g.is_demonym(&hits[1]));
    }
}
