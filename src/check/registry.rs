//! Check stage: the registries against each other and against articles.
//!
//! Takes the corpus; gives back warnings for registry entries no article
//! mentions and for places and evidence keys that match no entry, and an
//! error for each alias (or name) two organizations both claim.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::corpus::{find_after_key, key_span, Corpus, Parsed};
use crate::content::entity::slugify;
use crate::content::front_matter::{OrganizationFrontMatter, PlaceFrontMatter};
use crate::content::suggest::closest;
use crate::diag::Diagnostic;

/// Run every registry check.
pub(crate) fn check(corpus: &Corpus) -> Vec<Diagnostic> {
    let mut out = unused(corpus);
    out.extend(alias_conflicts(corpus));
    out.extend(unknown_places(corpus));
    out.extend(unknown_evidence(corpus));
    out
}

/// Registry entries that no article (draft or not) mentions.
fn unused(corpus: &Corpus) -> Vec<Diagnostic> {
    if corpus.unparsed_articles > 0 {
        return Vec::new();
    }
    let mut orgs: HashSet<&str> = HashSet::new();
    let mut topics: HashSet<&str> = HashSet::new();
    let mut places: HashSet<String> = HashSet::new();
    for article in &corpus.articles {
        let front = &article.front;
        orgs.extend(front.organizations.iter().map(String::as_str));
        orgs.extend(
            front
                .people
                .iter()
                .filter_map(|p| p.organization.as_deref()),
        );
        topics.extend(front.topics.iter().map(String::as_str));
        places.extend(front.places.iter().map(|p| p.to_lowercase()));
    }
    let mut out = Vec::new();
    let unused_entry = |file_slug: String, noun: &str, key: &str| {
        format!("the {noun} `{file_slug}` is not mentioned by any article (no `{key}:` lists it)")
    };
    for org in corpus
        .organizations
        .iter()
        .filter(|o| !orgs.contains(o.stem().as_str()))
    {
        out.push(
            Diagnostic::warning("registry/unused", &org.path, unused_entry(org.stem(), "organization", "organizations"))
                .at(&org.source, key_span(org, "name"))
                .with_help("list it in an article's `organizations:` (or a person's `organization:`), or delete the file if it was added by mistake"),
        );
    }
    for topic in corpus
        .topics
        .iter()
        .filter(|t| !topics.contains(t.stem().as_str()))
    {
        out.push(
            Diagnostic::warning(
                "registry/unused",
                &topic.path,
                unused_entry(topic.stem(), "topic", "topics"),
            )
            .at(&topic.source, key_span(topic, "name"))
            .with_help(
                "list it in an article's `topics:`, or delete the file if it was added by mistake",
            ),
        );
    }
    for place in &corpus.places {
        let names = place_names(place);
        if !names.iter().any(|n| places.contains(n)) {
            out.push(
                Diagnostic::warning("registry/unused", &place.path, unused_entry(place.stem(), "place", "places"))
                    .at(&place.source, key_span(place, "name"))
                    .with_help("list it (by slug, name or alias) in an article's `places:`, or delete the file if it was added by mistake"),
            );
        }
    }
    out
}

fn place_names(place: &Parsed<PlaceFrontMatter>) -> Vec<String> {
    std::iter::once(place.stem())
        .chain(std::iter::once(place.front.name.clone()))
        .chain(place.front.aliases.iter().cloned())
        .map(|n| n.to_lowercase())
        .collect()
}

/// Names and aliases (case-insensitive) that two organizations both claim:
/// ingest could not tell which one a mention means.
fn alias_conflicts(corpus: &Corpus) -> Vec<Diagnostic> {
    // Lowercased alias → (organization index, alias as written).
    let mut claims: BTreeMap<String, Vec<(usize, &str, &str)>> = BTreeMap::new();
    for (i, org) in corpus.organizations.iter().enumerate() {
        let mut own = HashSet::new();
        let named = std::iter::once(("name", org.front.name.as_str()))
            .chain(org.front.aliases.iter().map(|a| ("aliases", a.as_str())));
        for (key, alias) in named {
            let folded = alias.trim().to_lowercase();
            if !folded.is_empty() && own.insert(folded.clone()) {
                claims.entry(folded).or_default().push((i, key, alias));
            }
        }
    }
    let mut out = Vec::new();
    for claimants in claims.values().filter(|c| c.len() > 1) {
        for &(i, key, alias) in claimants {
            let org = &corpus.organizations[i];
            let others: Vec<String> = claimants
                .iter()
                .filter(|(j, ..)| *j != i)
                .map(|(j, ..)| {
                    let other = &corpus.organizations[*j];
                    let (line, _) = crate::diag::line_col_of(
                        &other.source,
                        find_alias(other, key_of(other, alias), alias).start,
                    );
                    format!("{}:{line}", other.path.display())
                })
                .collect();
            out.push(
                Diagnostic::error(
                    "registry/alias-conflict",
                    &org.path,
                    format!("`{alias}` is claimed by two organizations: this one and {}", others.join(", ")),
                )
                .at(&org.source, find_alias(org, key, alias))
                .with_help("an alias must name one organization only: keep it on the organization it belongs to and remove it from the other"),
            );
        }
    }
    out
}

/// Whether `alias` is the organization's name or one of its aliases.
fn key_of(org: &Parsed<OrganizationFrontMatter>, alias: &str) -> &'static str {
    let folded = alias.trim().to_lowercase();
    if org.front.name.trim().to_lowercase() == folded {
        "name"
    } else {
        "aliases"
    }
}

fn find_alias(
    org: &Parsed<OrganizationFrontMatter>,
    key: &str,
    alias: &str,
) -> std::ops::Range<usize> {
    // The alias as written in this file (case may differ from the other's).
    let written = std::iter::once(&org.front.name)
        .chain(&org.front.aliases)
        .find(|a| a.trim().to_lowercase() == alias.trim().to_lowercase())
        .map_or(alias, String::as_str);
    find_after_key(org, key, written.trim())
}

/// Article `places:` entries that match no place slug, name or alias.
/// A warning, since places may be written as plain names.
fn unknown_places(corpus: &Corpus) -> Vec<Diagnostic> {
    if corpus.places.is_empty() {
        return Vec::new();
    }
    let known: HashSet<String> = corpus.places.iter().flat_map(place_names).collect();
    let slugs: Vec<String> = corpus.places.iter().map(|p| p.stem()).collect();
    let mut out = Vec::new();
    for article in &corpus.articles {
        for place in article
            .front
            .places
            .iter()
            .filter(|p| !known.contains(&p.to_lowercase()))
        {
            let help = match closest(place, slugs.iter().map(String::as_str)) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("add `content/places/{}.md`, or add `{place}` to an existing place's `aliases:`", slugify(place)),
            };
            out.push(
                Diagnostic::warning(
                    "article/unknown-place",
                    &article.path,
                    format!("place `{place}` is not in content/places/"),
                )
                .at(&article.source, find_after_key(article, "places", place))
                .with_help(help),
            );
        }
    }
    out
}

/// `evidence:` keys (`organization:<slug>`, `topic:<slug>`,
/// `place:<slug>`) for something the article does not list: the evidence
/// would be shown for nothing.
fn unknown_evidence(corpus: &Corpus) -> Vec<Diagnostic> {
    // Place written form (slug, name or alias, lowercased) → place slug.
    let place_slugs: HashMap<String, String> = corpus
        .places
        .iter()
        .flat_map(|p| place_names(p).into_iter().map(move |n| (n, p.stem())))
        .collect();
    let mut out = Vec::new();
    for article in &corpus.articles {
        let front = &article.front;
        let people_orgs = front.people.iter().filter_map(|p| p.organization.clone());
        let listed: HashSet<String> = front
            .organizations
            .iter()
            .cloned()
            .chain(people_orgs)
            .map(|s| format!("organization:{s}"))
            .chain(front.topics.iter().map(|s| format!("topic:{s}")))
            .chain(front.places.iter().map(|p| {
                let written = p.to_lowercase();
                let slug = place_slugs.get(&written).cloned();
                format!("place:{}", slug.unwrap_or_else(|| slugify(p)))
            }))
            .collect();
        for key in front
            .evidence
            .keys()
            .filter(|k| !listed.contains(k.as_str()))
        {
            let well_formed = ["organization:", "topic:", "place:"]
                .iter()
                .any(|prefix| key.starts_with(prefix));
            let help = match closest(key, listed.iter().map(String::as_str)) {
                Some(best) if well_formed => format!("did you mean `{best}`?"),
                _ if !well_formed => "evidence keys are written `organization:<slug>`, `topic:<slug>` or `place:<slug>`".to_string(),
                _ => "list the entity in the article, or remove the evidence entry".to_string(),
            };
            out.push(
                Diagnostic::warning(
                    "article/orphan-evidence",
                    &article.path,
                    format!(
                        "`evidence:` has an entry for `{key}`, which the article does not list"
                    ),
                )
                .at(&article.source, find_map_key(article, "evidence", key))
                .with_help(help),
            );
        }
    }
    out
}

/// Byte range of `key` written as a mapping key (`  key: …`, quoted or
/// not) on its own line below `section:`; else what `find_after_key` finds.
fn find_map_key<T>(file: &Parsed<T>, section: &str, key: &str) -> std::ops::Range<usize> {
    let section_at = find_after_key(file, section, "").start;
    let mut offset = section_at;
    for line in file.source[section_at..].split_inclusive('\n') {
        let trimmed = line.trim_start();
        let unquoted = trimmed.trim_start_matches(['"', '\'']);
        let rest = unquoted
            .strip_prefix(key)
            .map(|r| r.trim_start_matches(['"', '\'']));
        if rest.is_some_and(|r| r.starts_with(':')) {
            let start = offset + (line.len() - unquoted.len());
            return start..start + key.len();
        }
        offset += line.len();
    }
    find_after_key(file, section, key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::corpus::parse;
    use std::path::Path;
    use std::sync::Arc;

    fn file<T: serde::de::DeserializeOwned>(path: &str, text: &str) -> Parsed<T> {
        parse(Path::new(path), &Arc::from(text)).unwrap()
    }

    #[test]
    fn alias_claimed_twice_points_at_both_files() {
        let corpus = Corpus {
            organizations: vec![
                file("content/organizations/a.md", "---\nname: Alpha\nkind: company\ncountry: KR\naliases: [AX]\n---\n"),
                file("content/organizations/b.md", "---\nname: Beta\nkind: company\ncountry: KR\naliases:\n  - Gamma\n  - ax\n---\n"),
            ],
            ..Corpus::default()
        };
        let diags = alias_conflicts(&corpus);
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert_eq!(diags[0].line_col(), (5, 11));
        assert!(
            diags[0].message.contains("content/organizations/b.md:7"),
            "{}",
            diags[0].message
        );
        assert_eq!(diags[1].line_col(), (7, 5));
    }

    #[test]
    fn evidence_must_be_for_a_listed_entity() {
        let corpus = Corpus {
            articles: vec![file(
                "content/articles/2024-01-01-a.md",
                "---\ntitle: A\ndate: 2024-01-01\norganizations: [krict]\nplaces: [Seoul]\nevidence:\n  organization:krict: s\n  place:seoul: s\n  topic:recycling: s\n  krict: s\n---\n",
            )],
            places: vec![file("content/places/seoul.md", "---\nname: Seoul\nkind: city\n---\n")],
            ..Corpus::default()
        };
        let diags = unknown_evidence(&corpus);
        let lines: Vec<usize> = diags.iter().map(|d| d.line_col().0).collect();
        assert_eq!(lines, [10, 9], "{diags:?}");
    }

    #[test]
    fn unused_entries_warn_and_used_ones_do_not() {
        let corpus = Corpus {
            articles: vec![file("content/articles/2024-01-01-a.md", "---\ntitle: A\ndate: 2024-01-01\npeople: [{name: X, organization: a}]\nplaces: [Seoul]\n---\n")],
            organizations: vec![
                file("content/organizations/a.md", "---\nname: Alpha\nkind: company\ncountry: KR\n---\n"),
                file("content/organizations/b.md", "---\nname: Beta\nkind: company\ncountry: KR\n---\n"),
            ],
            places: vec![file("content/places/seoul.md", "---\nname: Seoul\nkind: city\n---\n")],
            ..Corpus::default()
        };
        let diags = unused(&corpus);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].path, Path::new("content/organizations/b.md"));
    }
}
