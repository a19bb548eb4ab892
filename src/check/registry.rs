//! Check stage: the registries against each other and against articles.
//!
//! Takes the parsed content files; gives back a warning for each registry entry no
//! article mentions, and an error for each alias (or name) two
//! organizations both claim.

use std::collections::{BTreeMap, HashSet};

use crate::content::contents::Contents;
use crate::content::front_matter::{OrganizationFrontMatter, PlaceFrontMatter};
use crate::content::source::Parsed;
use crate::diag::Diagnostic;

/// Run every registry check.
pub(crate) fn check(corpus: &Contents) -> Vec<Diagnostic> {
    let mut out = unused(corpus);
    out.extend(alias_conflicts(corpus));
    out
}

/// Registry entries that no article (draft or not) mentions.
fn unused(corpus: &Contents) -> Vec<Diagnostic> {
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
    let mut unused_orgs = Vec::new();
    let mut unused_places = Vec::new();
    let unused_entry = |file_slug: String, noun: &str, key: &str| {
        format!("the {noun} `{file_slug}` is not mentioned by any article (no `{key}:` lists it)")
    };
    for org in corpus
        .organizations
        .iter()
        .filter(|o| !orgs.contains(o.stem().as_str()))
    {
        unused_orgs.push(
            Diagnostic::warning("registry/unused", &org.path, unused_entry(org.stem(), "organization", "organizations"))
                .at(&org.source, org.key_span("name"))
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
            .at(&topic.source, topic.key_span("name"))
            .with_help(
                "list it in an article's `topics:`, or delete the file if it was added by mistake",
            ),
        );
    }
    for place in &corpus.places {
        let names = place_names(place);
        if !names.iter().any(|n| places.contains(n)) {
            unused_places.push(
                Diagnostic::warning("registry/unused", &place.path, unused_entry(place.stem(), "place", "places"))
                    .at(&place.source, place.key_span("name"))
                    .with_help("list it (by slug, name or alias) in an article's `places:`, or delete the file if it was added by mistake"),
            );
        }
    }
    out.extend(summarize_unused(
        unused_orgs,
        "organizations",
        corpus.organizations.len(),
    ));
    out.extend(summarize_unused(
        unused_places,
        "places",
        corpus.places.len(),
    ));
    out
}

/// Most unused organizations and places are expected: those registries are
/// also ingest's gazetteer, broad on purpose. One by one they would bury every
/// other finding, so past a handful they become one warning on the folder.
fn summarize_unused(unused: Vec<Diagnostic>, folder: &str, total: usize) -> Vec<Diagnostic> {
    const ONE_BY_ONE: usize = 20;
    if unused.len() <= ONE_BY_ONE {
        return unused;
    }
    let names: Vec<String> = unused
        .iter()
        .take(ONE_BY_ONE)
        .filter_map(|d| d.path.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    let message = format!(
        "{} of {total} {folder} are mentioned by no article ({}, …)",
        unused.len(),
        names.join(", ")
    );
    vec![Diagnostic::warning("registry/unused", format!("content/{folder}"), message).with_help(
        "they still serve ingest as its gazetteer, which is expected for a broad registry; delete only entries added by mistake",
    )]
}

pub(crate) fn place_names(place: &Parsed<PlaceFrontMatter>) -> Vec<String> {
    std::iter::once(place.stem())
        .chain(std::iter::once(place.front.name.clone()))
        .chain(place.front.aliases.iter().cloned())
        .map(|n| n.to_lowercase())
        .collect()
}

/// Names and aliases (case-insensitive) that two organizations both claim:
/// ingest could not tell which one a mention means.
fn alias_conflicts(corpus: &Contents) -> Vec<Diagnostic> {
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
    org.find_after_key(key, written.trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::source::parse_file;
    use std::path::Path;
    use std::sync::Arc;

    fn file<T: serde::de::DeserializeOwned>(path: &str, text: &str) -> Parsed<T> {
        parse_file(Path::new(path), &Arc::from(text)).unwrap()
    }

    #[test]
    fn alias_claimed_twice_points_at_both_files() {
        let corpus = Contents {
            organizations: vec![
                file("content/organizations/a.md", "---\nname: Alpha\nkind: company\ncountry: KR\naliases: [AX]\n---\n"),
                file("content/organizations/b.md", "---\nname: Beta\nkind: company\ncountry: KR\naliases:\n  - Gamma\n  - ax\n---\n"),
            ],
            ..Contents::default()
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
    fn unused_entries_warn_and_used_ones_do_not() {
        let corpus = Contents {
            articles: vec![file("content/articles/2024-01-01-a.md", "---\ntitle: A\ndate: 2024-01-01\npeople: [{name: X, organization: a}]\nplaces: [Seoul]\n---\n")],
            organizations: vec![
                file("content/organizations/a.md", "---\nname: Alpha\nkind: company\ncountry: KR\n---\n"),
                file("content/organizations/b.md", "---\nname: Beta\nkind: company\ncountry: KR\n---\n"),
            ],
            places: vec![file("content/places/seoul.md", "---\nname: Seoul\nkind: city\n---\n")],
            ..Contents::default()
        };
        let diags = unused(&corpus);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].path, Path::new("content/organizations/b.md"));
    }
}
