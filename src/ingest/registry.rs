//! Ingest, registry: organizations an article names clearly that the
//! registry lacks become generated registry entries.
//!
//! Takes the generated articles (each carrying its [`NewOrganization`]s)
//! and the manifest; gives back one entry per new slug (the first seed in
//! order names it, so runs are deterministic), writes each as
//! `content/organizations/<slug>.md` with a `generated:` block holding the
//! seed and the sentence, never over an existing file, and records it in
//! the manifest. An entry a person deleted is a rejected name: the
//! manifest keeps it, and ingest never proposes that name again.
//!
//! What is written is a guess until a person confirms it: the page says
//! so, and `briefing check` lists every entry still marked generated.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::article::Generated;
use super::extract::NewOrganization;
use super::manifest::Manifest;
use super::report::IngestReport;
use crate::content::entity::Organization;
use crate::content::front_matter::{GeneratedEntry, OrganizationFrontMatter};
use crate::diag::Diagnostic;

/// One entry to add: the seed that named it first, and what it named.
pub(crate) struct Addition {
    seed: String,
    organization: NewOrganization,
    /// Says so, at the name in the seed.
    note: Diagnostic,
}

/// Where an entry lives, relative to the site root.
fn path_of(slug: &str) -> String {
    format!("content/organizations/{slug}.md")
}

/// Names of entries ingest added that are gone from disk: rejected.
pub(crate) fn rejected<'m>(root: &Path, manifest: &'m Manifest) -> Vec<&'m str> {
    manifest
        .organizations
        .iter()
        .filter(|(path, _)| !root.join(path).exists())
        .map(|(_, name)| name.as_str())
        .collect()
}

/// The new organizations of all articles, one per slug, first seed first.
pub(crate) fn additions(articles: &[(String, Generated)]) -> Vec<Addition> {
    let mut by_slug: BTreeMap<&str, Addition> = BTreeMap::new();
    for (seed, article) in articles {
        for (organization, note) in &article.organizations {
            by_slug
                .entry(organization.slug.as_str())
                .or_insert_with(|| Addition {
                    seed: seed.clone(),
                    organization: organization.clone(),
                    note: note.clone(),
                });
        }
    }
    by_slug.into_values().collect()
}

/// The registry entry an addition becomes.
pub(crate) fn entity(addition: &Addition) -> Organization {
    let new = &addition.organization;
    Organization {
        slug: new.slug.clone(),
        path: PathBuf::from(path_of(&new.slug)),
        front: OrganizationFrontMatter {
            name: new.name.clone(),
            kind: new.kind,
            country: new.country.clone(),
            aliases: new.aliases.clone(),
            website: None,
            generated: Some(GeneratedEntry {
                seed: addition.seed.clone(),
                quote: new.quote.clone(),
            }),
        },
        body: String::new(),
        body_line: 1,
    }
}

/// The file text of an entry: front matter and no description, which a
/// person writes when confirming it.
fn render(entity: &Organization) -> Result<String, crate::yaml::YamlError> {
    let yaml = crate::yaml::to_string(&entity.front)?;
    Ok(format!("---\n{yaml}---\n"))
}

/// Write every addition that has no file yet (in a dry run: only report
/// them), recording each in `organizations` (the manifest's records).
pub(crate) fn write(
    root: &Path,
    dry_run: bool,
    additions: &[Addition],
    organizations: &mut BTreeMap<String, String>,
    report: &mut IngestReport,
) {
    for addition in additions {
        let entity = entity(addition);
        let path = path_of(&entity.slug);
        let text = match render(&entity) {
            Ok(text) => text,
            Err(err) => {
                report.diagnostics.push(Diagnostic::error(
                    "ingest/yaml",
                    &path,
                    format!("cannot write the registry entry: {err}"),
                ));
                continue;
            }
        };
        report.diagnostics.push(addition.note.clone());
        if dry_run {
            continue;
        }
        match create_new(&root.join(&path), text.as_bytes()) {
            Ok(()) => {
                organizations.insert(path.clone(), entity.front.name.clone());
                report.organizations.push(PathBuf::from(path));
            }
            // A file already there is a person's (or a registry file that
            // does not parse, reported by the content stage): left alone.
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(err) => report.diagnostics.push(Diagnostic::error(
                "ingest/write",
                &path,
                format!("cannot write {path}: {err}"),
            )),
        }
    }
}

/// Create `path` with `bytes`, failing if it exists: a person's file is
/// never replaced, not even by a race.
fn create_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Parse what [`render`] writes, for tests.
#[cfg(test)]
fn parse(text: &str) -> Organization {
    let source: std::sync::Arc<str> = std::sync::Arc::from(text);
    crate::content::entity::parse_entity(Path::new("content/organizations/x.md"), &source)
        .expect("a generated entry parses")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front_matter::OrganizationKind;

    fn addition() -> Addition {
        Addition {
            seed: "seeds/a.txt".into(),
            organization: NewOrganization {
                slug: "tarn-cell-corporation".into(),
                name: "Tarn Cell Corporation".into(),
                kind: OrganizationKind::Company,
                country: "CN".into(),
                aliases: vec!["TCC".into()],
                quote: "Tarn Cell Corporation (TCC) opened a line.".into(),
            },
            note: Diagnostic::note("ingest/generated-organization", "seeds/a.txt", "added"),
        }
    }

    #[test]
    fn an_entry_round_trips_with_its_evidence() {
        let entity = entity(&addition());
        let back = parse(&render(&entity).unwrap());
        assert_eq!(back.front, entity.front);
        let generated = back.front.generated.unwrap();
        assert_eq!(generated.seed, "seeds/a.txt");
        assert!(generated.quote.contains("(TCC)"));
    }

    #[test]
    fn an_existing_file_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir
            .path()
            .join("content/organizations/tarn-cell-corporation.md");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "mine").unwrap();
        let mut records = BTreeMap::new();
        let mut report = IngestReport::default();
        write(dir.path(), false, &[addition()], &mut records, &mut report);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "mine");
        assert!(records.is_empty() && report.organizations.is_empty());
    }
}
