//! Registries: one file per organization, topic or place.
//!
//! Takes the site root; gives back every entry of a registry, sorted by slug,
//! plus a diagnostic for each file that does not parse. Build renders the
//! entries as pages; ingest uses them as its gazetteer.

use std::path::{Path, PathBuf};

use super::contents::read_registries;
use super::front_matter::{OrganizationFrontMatter, PlaceFrontMatter, TopicFrontMatter};
use super::source::{bad_url, Parsed};
use super::suggest::Names;
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
        let read = read_registries(root, &mut diagnostics);
        let registries = Registries::validate(
            &read.organizations,
            &read.topics,
            &read.places,
            &mut diagnostics,
        );
        (registries, diagnostics)
    }

    /// Validate parsed registry files into entries, sorted by slug; every
    /// problem into `diagnostics`.
    pub(crate) fn validate(
        organizations: &[Parsed<OrganizationFrontMatter>],
        topics: &[Parsed<TopicFrontMatter>],
        places: &[Parsed<PlaceFrontMatter>],
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Registries {
        let organizations = validate_all(organizations, diagnostics, |org, diagnostics| {
            check_website(org, diagnostics);
            check_country(org, Some(org.front.country.as_str()), diagnostics);
        });
        let topics = validate_all(topics, diagnostics, |_, _| {});
        let places = validate_all(places, diagnostics, |place, diagnostics| {
            check_country(place, place.front.country.as_deref(), diagnostics);
        });
        Registries {
            organizations,
            topics,
            places,
        }
    }
}

/// What a registry entry goes by besides its slug: its name and aliases.
pub(crate) trait Named {
    /// The `name:`, then every alias.
    fn names(&self) -> Vec<&str>;
}

impl Named for OrganizationFrontMatter {
    fn names(&self) -> Vec<&str> {
        std::iter::once(self.name.as_str())
            .chain(self.aliases.iter().map(String::as_str))
            .collect()
    }
}

impl Named for TopicFrontMatter {
    fn names(&self) -> Vec<&str> {
        vec![self.name.as_str()]
    }
}

impl Named for PlaceFrontMatter {
    fn names(&self) -> Vec<&str> {
        std::iter::once(self.name.as_str())
            .chain(self.aliases.iter().map(String::as_str))
            .collect()
    }
}

/// Every name a registry knows, for suggestions: the stems of its files
/// (`files`, whether they parse or not) and each entry's slug, name and
/// aliases.
pub(crate) fn registry_names<'a, T: Named + 'a>(
    files: &[String],
    entries: impl IntoIterator<Item = (&'a str, &'a T)>,
) -> Names {
    let mut names = Names::from_slugs(files.iter().map(String::as_str));
    for (slug, front) in entries {
        names.add(slug, front.names());
    }
    names
}

/// The link table Markdown rendering takes: each organization's name and
/// aliases, with the slug of its page.
pub(crate) fn organization_links(
    organizations: &[Organization],
) -> impl Iterator<Item = (&str, &str)> {
    organizations.iter().flat_map(|org| {
        std::iter::once(&org.front.name)
            .chain(&org.front.aliases)
            .map(move |name| (name.as_str(), org.slug.as_str()))
    })
}

fn check_website(org: &Parsed<OrganizationFrontMatter>, diagnostics: &mut Vec<Diagnostic>) {
    let Some(website) = org.front.website.as_deref().filter(|w| !is_web_url(w)) else {
        return;
    };
    let start = org.source.find(website).unwrap_or(0);
    diagnostics.push(bad_url(
        &org.path,
        &org.source,
        start..start + website.len(),
    ));
}

/// A country as registries write it: an ISO 3166-1 alpha-2 code (`KR`),
/// `EU` or `INT`; empty in an entry ingest generated without one.
pub(crate) fn is_country_code(code: &str) -> bool {
    code.is_empty()
        || code == "INT"
        || (code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()))
}

fn check_country<T>(file: &Parsed<T>, country: Option<&str>, diagnostics: &mut Vec<Diagnostic>) {
    let Some(country) = country.filter(|c| !is_country_code(c)) else {
        return;
    };
    diagnostics.push(
        Diagnostic::error(
            "registry/bad-country",
            &file.path,
            format!("country `{country}` is not a country code"),
        )
        .at(&file.source, file.find_after_key("country", country))
        .with_help(
            "write an ISO 3166-1 alpha-2 code in capitals (`KR`, `US`, `DE`), or `EU` / `INT`",
        ),
    );
}

/// Validate every parsed file of one registry, then run `more` on each
/// valid one; sorted by slug.
fn validate_all<T: Clone>(
    files: &[Parsed<T>],
    diagnostics: &mut Vec<Diagnostic>,
    more: impl Fn(&Parsed<T>, &mut Vec<Diagnostic>),
) -> Vec<Entity<T>> {
    let mut entities = Vec::with_capacity(files.len());
    for file in files {
        match validate_entity(file) {
            Ok(entity) => {
                more(file, diagnostics);
                entities.push(entity);
            }
            Err(mut errors) => diagnostics.append(&mut errors),
        }
    }
    entities.sort_by(|a, b| a.slug.cmp(&b.slug));
    entities
}

/// Parse one registry file's text: the pure twin of reading it.
#[cfg(test)]
pub(crate) fn parse_entity<T: serde::de::DeserializeOwned + Clone>(
    relative: &Path,
    source: &std::sync::Arc<str>,
) -> Result<Entity<T>, Vec<Diagnostic>> {
    validate_entity(&super::source::parse_file(relative, source)?)
}

/// A parsed registry file as an entry: its slug must be valid.
pub(crate) fn validate_entity<T: Clone>(file: &Parsed<T>) -> Result<Entity<T>, Vec<Diagnostic>> {
    let slug = file.stem();
    if !is_slug(&slug) {
        return Err(vec![Diagnostic::error(
            "content/bad-slug",
            &file.path,
            format!("`{slug}` is not a valid slug"),
        )
        .with_help(
            "file names are lowercase ASCII words joined by hyphens, e.g. `lg-energy-solution.md`",
        )]);
    }
    Ok(Entity {
        slug,
        path: file.path.clone(),
        front: file.front.clone(),
        body: file.body_text().to_string(),
        body_line: file.body_line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

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
