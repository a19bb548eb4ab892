//! Check stage: what articles reference beyond build's own checks.
//!
//! Takes the parsed content files; gives back warnings for places that match no place
//! entry, `evidence:` entries for entities the article does not list, and
//! `suggested_organizations:` the registry has since learned.

use std::collections::{HashMap, HashSet};

use super::registry::place_names;
use crate::content::contents::Contents;
use crate::content::entity::{registry_names, slugify};
use crate::content::evidence::EvidenceKey;
use crate::content::source::Parsed;
use crate::content::suggest::closest;
use crate::diag::Diagnostic;

/// Run every reference check.
pub(crate) fn check(corpus: &Contents) -> Vec<Diagnostic> {
    let mut out = unknown_places(corpus);
    out.extend(unknown_evidence(corpus));
    out.extend(resolved_suggestions(corpus));
    out
}

/// Article `places:` entries that match no place slug, name or alias.
/// A warning, since places may be written as plain names.
fn unknown_places(corpus: &Contents) -> Vec<Diagnostic> {
    if corpus.places.is_empty() {
        return Vec::new();
    }
    let known: HashSet<String> = corpus.places.iter().flat_map(place_names).collect();
    let stems: Vec<String> = corpus.places.iter().map(|p| p.stem()).collect();
    let names = registry_names(
        &[],
        stems
            .iter()
            .map(String::as_str)
            .zip(corpus.places.iter().map(|p| &p.front)),
    );
    let mut out = Vec::new();
    for article in &corpus.articles {
        for place in article
            .front
            .places
            .iter()
            .filter(|p| !known.contains(&p.to_lowercase()))
        {
            let help = names.help(place, || format!("add `content/places/{}.md`, or add `{place}` to an existing place's `aliases:`", slugify(place)));
            out.push(
                Diagnostic::warning(
                    "article/unknown-place",
                    &article.path,
                    format!("place `{place}` is not in content/places/"),
                )
                .at(&article.source, article.find_after_key("places", place))
                .with_help(help),
            );
        }
    }
    out
}

/// `evidence:` keys (`organization:<slug>`, `topic:<slug>`,
/// `place:<slug>`) for something the article does not list: the evidence
/// would be shown for nothing.
fn unknown_evidence(corpus: &Contents) -> Vec<Diagnostic> {
    // Place written form (slug, name or alias, lowercased) → place slug.
    let place_slugs: HashMap<String, String> = corpus
        .places
        .iter()
        .flat_map(|p| place_names(p).into_iter().map(move |n| (n, p.stem())))
        .collect();
    // Every key the registries know: an evidence key naming one of them,
    // next to a listed key that is a typo, is the typo's follow-on (the
    // typo has its own error, suggesting this very key).
    let registry: HashSet<String> = corpus
        .stems_in("content/organizations")
        .into_iter()
        .map(|s| format!("organization:{s}"))
        .chain(
            corpus
                .stems_in("content/topics")
                .into_iter()
                .map(|s| format!("topic:{s}")),
        )
        .chain(place_slugs.values().map(|s| format!("place:{s}")))
        .collect();
    let mut out = Vec::new();
    for article in &corpus.articles {
        let front = &article.front;
        let people_orgs = front
            .people
            .iter()
            .filter_map(|p| p.organization.as_deref());
        let listed: HashSet<EvidenceKey> = front
            .organizations
            .iter()
            .map(String::as_str)
            .chain(people_orgs)
            .map(EvidenceKey::organization)
            .chain(front.topics.iter().map(|s| EvidenceKey::topic(s)))
            .chain(front.places.iter().map(|p| {
                let written = p.to_lowercase();
                match place_slugs.get(&written) {
                    Some(slug) => EvidenceKey::place(slug),
                    None => EvidenceKey::place(&slugify(p)),
                }
            }))
            .collect();
        let mut listed_written: Vec<String> = listed.iter().map(ToString::to_string).collect();
        listed_written.sort_unstable();
        for key in front.evidence.keys().filter(|k| !listed.contains(k)) {
            let key_written = key.written();
            let best = closest(&key_written, listed_written.iter().map(String::as_str));
            if best
                .is_some_and(|b| registry.contains(key_written.as_ref()) && !registry.contains(b))
            {
                continue;
            }
            let help = match (key, best) {
                (EvidenceKey::Unrecognized(_), _) => "evidence keys are written `organization:<slug>`, `topic:<slug>` or `place:<slug>`".to_string(),
                (_, Some(best)) => format!("did you mean `{best}`?"),
                (_, None) => "list the entity in the article, or remove the evidence entry".to_string(),
            };
            out.push(
                Diagnostic::warning(
                    "article/orphan-evidence",
                    &article.path,
                    format!(
                        "`evidence:` has an entry for `{key}`, which the article does not list"
                    ),
                )
                .at(
                    &article.source,
                    find_map_key(article, "evidence", &key_written),
                )
                .with_help(help),
            );
        }
    }
    out
}

/// `suggested_organizations:` entries the registry has since learned: the
/// article should reference them by slug instead.
fn resolved_suggestions(corpus: &Contents) -> Vec<Diagnostic> {
    let mut by_name: HashMap<String, String> = HashMap::new();
    for org in &corpus.organizations {
        for name in std::iter::once(&org.front.name).chain(&org.front.aliases) {
            by_name.insert(name.trim().to_lowercase(), org.stem());
        }
    }
    let mut out = Vec::new();
    for article in &corpus.articles {
        for suggestion in &article.front.suggested_organizations {
            let Some(slug) = by_name.get(&suggestion.name.trim().to_lowercase()) else {
                continue;
            };
            out.push(
                Diagnostic::warning(
                    "article/suggestion-now-known",
                    &article.path,
                    format!(
                        "suggested organization `{}` is in the registry now, as `{slug}`",
                        suggestion.name
                    ),
                )
                .at(
                    &article.source,
                    article.find_after_key("suggested_organizations", &suggestion.name),
                )
                .with_help(format!(
                    "add `{slug}` to `organizations:` and remove this suggestion"
                )),
            );
        }
    }
    out
}

/// Byte range of `key` written as a mapping key (`  key: …`, quoted or
/// not) on its own line below `section:`; else what `find_after_key` finds.
fn find_map_key<T>(file: &Parsed<T>, section: &str, key: &str) -> std::ops::Range<usize> {
    let section_at = file.find_after_key(section, "").start;
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
    file.find_after_key(section, key)
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
    fn evidence_must_be_for_a_listed_entity() {
        let corpus = Contents {
            articles: vec![file(
                "content/articles/2024-01-01-a.md",
                "---\ntitle: A\ndate: 2024-01-01\norganizations: [krict]\nplaces: [Seoul]\nevidence:\n  organization:krict: s\n  place:seoul: s\n  topic:recycling: s\n  krict: s\n---\n",
            )],
            places: vec![file("content/places/seoul.md", "---\nname: Seoul\nkind: city\n---\n")],
            ..Contents::default()
        };
        let diags = unknown_evidence(&corpus);
        let lines: Vec<usize> = diags.iter().map(|d| d.line_col().0).collect();
        assert_eq!(lines, [10, 9], "{diags:?}");
    }

    #[test]
    fn suggestions_the_registry_now_knows_are_reported() {
        let corpus = Contents {
            articles: vec![file(
                "content/articles/2024-01-01-a.md",
                "---\ntitle: A\ndate: 2024-01-01\nsuggested_organizations:\n  - name: Unknown Co\n  - name: AX\n---\n",
            )],
            organizations: vec![file(
                "content/organizations/alpha.md",
                "---\nname: Alpha\nkind: company\ncountry: KR\naliases: [ax]\n---\n",
            )],
            ..Contents::default()
        };
        let diags = resolved_suggestions(&corpus);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].line_col(), (6, 11));
        assert!(diags[0].message.contains("as `alpha`"));
    }
}
