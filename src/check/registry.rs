//! Check stage: the registries against each other and against articles.
//!
//! Takes the parsed content files; gives back a warning for each topic that no
//! article lists and ingest cannot assign, an error for each alias (or name)
//! two organizations both claim, and a note for each organization ingest
//! generated that no person has confirmed yet.

use std::collections::{BTreeMap, HashSet};

use crate::content::contents::Contents;
use crate::content::front_matter::{OrganizationFrontMatter, PlaceFrontMatter};
use crate::content::source::Parsed;
use crate::diag::Diagnostic;

/// Run every registry check.
pub(crate) fn check(corpus: &Contents) -> Vec<Diagnostic> {
    let mut out = unused(corpus);
    out.extend(alias_conflicts(corpus));
    out.extend(generated(corpus));
    out
}

/// Organizations ingest added that still carry their `generated:` block.
/// A note, not a warning: the site is right as it stands (the page says
/// the entry is unreviewed), and new seeds add entries all the time, so a
/// warning would fail `--deny-warnings` on every pull request that adds
/// an article. The note is the review queue.
fn generated(corpus: &Contents) -> Vec<Diagnostic> {
    corpus
        .organizations
        .iter()
        .filter_map(|org| Some((org, org.front.generated.as_ref()?)))
        .map(|(org, generated)| {
            Diagnostic::note(
                "registry/generated",
                &org.path,
                format!(
                    "`{}` was added by ingest from {} and is not confirmed yet",
                    org.front.name, generated.seed
                ),
            )
            .at(&org.source, org.key_span("generated"))
            .with_help(
                "check its name, kind, country and aliases and write a description, then delete the \
                 `generated:` block; if it is another entry's name, add it there as an alias and delete this file",
            )
        })
        .collect()
}

/// Topics that no article (draft or not) lists and that ingest could never
/// assign either, because they carry no `keywords:`.
///
/// Organizations, places and topics with keywords are ingest's vocabulary
/// (its gazetteer and topic classifier), broad on purpose: how much of that
/// vocabulary the articles use so far is coverage, not a mistake, so it is
/// never a warning.
fn unused(corpus: &Contents) -> Vec<Diagnostic> {
    if corpus.unparsed_articles > 0 {
        return Vec::new();
    }
    let topics: HashSet<&str> = corpus
        .articles
        .iter()
        .flat_map(|a| a.front.topics.iter().map(String::as_str))
        .collect();
    corpus
        .topics
        .iter()
        .filter(|t| t.front.keywords.is_empty() && !topics.contains(t.stem().as_str()))
        .map(|topic| {
            Diagnostic::warning(
                "registry/unused",
                &topic.path,
                format!(
                    "the topic `{}` is not mentioned by any article (no `topics:` lists it) and has no `keywords:` for ingest to assign it by",
                    topic.stem()
                ),
            )
            .at(&topic.source, topic.key_span("name"))
            .with_help(
                "list it in an article's `topics:`, give it `keywords:`, or delete the file if it was added by mistake",
            )
        })
        .collect()
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

    /// Unused organizations and places are gazetteer coverage, and a topic
    /// with keywords is ingest's vocabulary: neither warns. A topic that no
    /// article lists and nothing could assign does.
    #[test]
    fn only_unassignable_unused_topics_warn() {
        let corpus = Contents {
            articles: vec![file(
                "content/articles/2024-01-01-a.md",
                "---\ntitle: A\ndate: 2024-01-01\ntopics: [used]\n---\n",
            )],
            organizations: vec![file(
                "content/organizations/b.md",
                "---\nname: Beta\nkind: company\ncountry: KR\n---\n",
            )],
            places: vec![file(
                "content/places/seoul.md",
                "---\nname: Seoul\nkind: city\n---\n",
            )],
            topics: vec![
                file("content/topics/used.md", "---\nname: Used\n---\n"),
                file(
                    "content/topics/vocabulary.md",
                    "---\nname: Vocabulary\nkeywords: [word]\n---\n",
                ),
                file("content/topics/orphan.md", "---\nname: Orphan\n---\n"),
            ],
            ..Contents::default()
        };
        let diags = unused(&corpus);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].path, Path::new("content/topics/orphan.md"));
        assert_eq!(diags[0].line_col(), (2, 7));
    }
}
