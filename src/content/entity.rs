//! Registries: one file per organization, topic or place.
//!
//! Takes the site root; gives back every entry of a registry, sorted by slug,
//! plus a diagnostic for each file that does not parse. Build renders the
//! entries as pages; ingest uses them as its gazetteer.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use super::front_matter::{
    split, OrganizationFrontMatter, PlaceFrontMatter, SplitError, TopicFrontMatter,
};
use super::source::{bad_url, list_markdown, parse_front_matter, read_source};
use crate::diag::Diagnostic;
use crate::url::is_web_url;
pub use crate::url::{is_slug, slugify};

/// One registry entry: its slug (the file stem), front matter and body.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity<T> {
    /// File stem, used in URLs and in article front matter.
    pub slug: String,
    /// The file, relative to the site root.
    pub path: PathBuf,
    /// Typed front matter.
    pub front: T,
    /// Markdown description.
    pub body: String,
    /// 1-based line where the body starts, for diagnostics.
    pub body_line: usize,
}

/// An organization registry entry.
pub type Organization = Entity<OrganizationFrontMatter>;
/// A topic registry entry.
pub type Topic = Entity<TopicFrontMatter>;
/// A place registry entry.
pub type Place = Entity<PlaceFrontMatter>;

/// The three registries, as read from `content/`.
#[derive(Debug, Clone, Default)]
pub struct Registries {
    /// `content/organizations/`.
    pub organizations: Vec<Organization>,
    /// `content/topics/`.
    pub topics: Vec<Topic>,
    /// `content/places/`.
    pub places: Vec<Place>,
}

impl Registries {
    /// Read all three registries under `root`, collecting every problem.
    pub fn load(root: &Path) -> (Registries, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let organizations: Vec<Organization> =
            load_registry(root, "content/organizations", &mut diagnostics);
        for org in &organizations {
            check_website(root, org, &mut diagnostics);
        }
        let topics = load_registry(root, "content/topics", &mut diagnostics);
        let places = load_registry(root, "content/places", &mut diagnostics);
        (
            Registries {
                organizations,
                topics,
                places,
            },
            diagnostics,
        )
    }
}

fn check_website(root: &Path, org: &Organization, diagnostics: &mut Vec<Diagnostic>) {
    let Some(website) = org.front.website.as_deref().filter(|w| !is_web_url(w)) else {
        return;
    };
    let Ok(source) = read_source(root, &org.path) else {
        return;
    };
    let start = source.find(website).unwrap_or(0);
    diagnostics.push(bad_url(&org.path, &source, start..start + website.len()));
}

/// The link table Markdown rendering takes: each organization's name and
/// aliases, with the slug of its page.
pub fn organization_links(organizations: &[Organization]) -> impl Iterator<Item = (&str, &str)> {
    organizations.iter().flat_map(|org| {
        std::iter::once(&org.front.name)
            .chain(&org.front.aliases)
            .map(move |name| (name.as_str(), org.slug.as_str()))
    })
}

/// Read every `*.md` in `root/dir` as a registry entry of type `T`.
pub fn load_registry<T: DeserializeOwned + Send>(
    root: &Path,
    dir: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Entity<T>> {
    let paths = list_markdown(root, dir, diagnostics);
    let results: Vec<Result<Entity<T>, Vec<Diagnostic>>> = paths
        .par_iter()
        .map(|relative| {
            let source = read_source(root, relative).map_err(|d| vec![d])?;
            parse_entity(relative, &source)
        })
        .collect();
    let mut entities = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(entity) => entities.push(entity),
            Err(mut errors) => diagnostics.append(&mut errors),
        }
    }
    entities.sort_by(|a, b| a.slug.cmp(&b.slug));
    entities
}

/// Parse one registry file's text: the pure twin of reading it.
pub fn parse_entity<T: DeserializeOwned>(
    relative: &Path,
    source: &Arc<str>,
) -> Result<Entity<T>, Vec<Diagnostic>> {
    let slug = relative
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let parts = split(source).map_err(|err| vec![split_diagnostic(relative, source, &err)])?;
    let front = parse_front_matter::<T>(relative, source, &parts)?;
    let mut errors = Vec::new();
    if !is_slug(&slug) {
        errors.push(
            Diagnostic::error("content/bad-slug", relative, format!("`{slug}` is not a valid slug"))
                .with_help("file names are lowercase ASCII words joined by hyphens, e.g. `lg-energy-solution.md`"),
        );
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Entity {
        slug,
        path: relative.to_path_buf(),
        front,
        body: parts.body.to_string(),
        body_line: parts.body_line,
    })
}

/// The diagnostic for a file whose front matter fences are wrong.
pub fn split_diagnostic(relative: &Path, source: &Arc<str>, err: &SplitError) -> Diagnostic {
    Diagnostic::error("front-matter/fence", relative, err.to_string())
        .at(source, 0..source.find('\n').unwrap_or(source.len()))
        .with_help(
            "a content file starts with a line `---`, then YAML, then a line `---`, then Markdown",
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_an_organization_and_rejects_unknown_fields() {
        let ok: Arc<str> = Arc::from("---\nname: KRICT\nkind: research\ncountry: KR\n---\nBody\n");
        let entity: Organization =
            parse_entity(Path::new("content/organizations/krict.md"), &ok).unwrap();
        assert_eq!(entity.slug, "krict");
        assert_eq!(entity.body, "Body\n");
        let bad: Arc<str> =
            Arc::from("---\nname: KRICT\nkind: research\ncountry: KR\nwebsit: x\n---\n");
        let errors = parse_entity::<OrganizationFrontMatter>(
            Path::new("content/organizations/krict.md"),
            &bad,
        )
        .unwrap_err();
        assert!(
            errors[0].message.contains("unknown field `websit`"),
            "{}",
            errors[0].message
        );
        assert_eq!(errors[0].line_col().0, 5);
    }
}
