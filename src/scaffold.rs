//! `briefing new`: scaffold a correctly formed article or organization.
//!
//! Takes what the contributor typed (title or name, options) and the site
//! root; writes one new file through the same front-matter types build
//! reads, so it always passes `check`, and never overwrites an existing
//! file. Gives back the path written, or every problem with the input.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::content::date::PartialDate;
use crate::content::entity::{is_country_code, slugify, Registries};
use crate::content::front_matter::{
    ArticleFrontMatter, OrganizationFrontMatter, OrganizationKind, Source,
};
use crate::content::suggest::closest;
use crate::diag::Diagnostic;
use crate::url::{shorten_slug, MAX_NEW_SLUG};
use crate::yaml;

/// What `briefing new article` was given.
#[derive(Debug, Clone, Default)]
pub(crate) struct NewArticle {
    /// Headline.
    pub title: String,
    /// Publication date; today when `None`.
    pub date: Option<String>,
    /// Topic slugs.
    pub topics: Vec<String>,
    /// Organization slugs.
    pub organizations: Vec<String>,
}

/// What `briefing new organization` was given.
#[derive(Debug, Clone)]
pub(crate) struct NewOrganization {
    /// Canonical English name.
    pub name: String,
    /// Kind of body.
    pub kind: OrganizationKind,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
}

const ARTICLE_BODY: &str = "Write the briefing here, in Markdown: who did what, when, and why it matters.\n\nOrganizations listed in `organizations:` are linked at their first mention in the text.\n";
const ORGANIZATION_BODY: &str =
    "Describe the organization in a few sentences: what it does in the battery industry.\n";

/// Write `content/articles/<date>-<slug>.md`.
pub(crate) fn article(root: &Path, new: &NewArticle) -> Result<PathBuf, Vec<Diagnostic>> {
    let slug = slugify(&new.title);
    let slug = shorten_slug(&slug, MAX_NEW_SLUG);
    let date = match &new.date {
        Some(text) => text.parse::<PartialDate>().map_err(|err| {
            vec![Diagnostic::error("new/bad-date", "--date", err.to_string())
                .with_help("dates are written YYYY-MM-DD, e.g. 2024-06-18")]
        })?,
        None => today(),
    };
    let relative = PathBuf::from(format!("content/articles/{date}-{slug}.md"));
    if slug.is_empty() {
        return Err(vec![Diagnostic::error("new/bad-title", &relative, "the title has no letters or digits to make a file name from")
            .with_help("give the headline in quotes: briefing new article \"LG Energy Solution opens Arizona plant\"")]);
    }
    let (registries, _) = Registries::load(root);
    let mut errors = unknown(
        &relative,
        "topic",
        &new.topics,
        registries.topics.iter().map(|t| t.slug.as_str()),
    );
    errors.extend(unknown(
        &relative,
        "organization",
        &new.organizations,
        registries.organizations.iter().map(|o| o.slug.as_str()),
    ));
    if !errors.is_empty() {
        return Err(errors);
    }
    let front = ArticleFrontMatter {
        title: new.title.trim().to_string(),
        title_basis: Default::default(),
        language: None,
        date: Some(date),
        date_basis: Default::default(),
        date_reason: None,
        other_date: None,
        updated: None,
        ingested: None,
        source: Source::default(),
        summary: Some("One or two sentences saying what happened.".into()),
        topics: new.topics.clone(),
        organizations: new.organizations.clone(),
        people: Vec::new(),
        places: Vec::new(),
        figures: Vec::new(),
        events: Vec::new(),
        evidence: Default::default(),
        suggested_organizations: Vec::new(),
        draft: false,
    };
    write_new(root, &relative, "article", &front, ARTICLE_BODY)
}

/// Write `content/organizations/<slug>.md`.
pub(crate) fn organization(root: &Path, new: &NewOrganization) -> Result<PathBuf, Vec<Diagnostic>> {
    let slug = slugify(&new.name);
    let slug = shorten_slug(&slug, MAX_NEW_SLUG);
    let relative = PathBuf::from(format!("content/organizations/{slug}.md"));
    if slug.is_empty() {
        return Err(vec![Diagnostic::error("new/bad-name", &relative, "the name has no letters or digits to make a file name from")
            .with_help("give the English name in quotes: briefing new organization \"Korea Battery Industry Association\"")]);
    }
    let country = new.country.trim().to_uppercase();
    if !is_country_code(&country) || country.is_empty() {
        return Err(vec![Diagnostic::error(
            "new/bad-country",
            "--country",
            format!("`{}` is not a country code", new.country),
        )
        .with_help(
            "give an ISO 3166-1 alpha-2 code (`KR`, `US`, `DE`), or `EU` / `INT`",
        )]);
    }
    let front = OrganizationFrontMatter {
        name: new.name.trim().to_string(),
        kind: new.kind,
        country,
        aliases: Vec::new(),
        website: None,
        generated: None,
    };
    write_new(root, &relative, "organization", &front, ORGANIZATION_BODY)
}

fn unknown<'a>(
    relative: &Path,
    noun: &str,
    given: &[String],
    known: impl Iterator<Item = &'a str> + Clone,
) -> Vec<Diagnostic> {
    given
        .iter()
        .filter(|slug| !known.clone().any(|k| k == slug.as_str()))
        .map(|slug| {
            let help = match closest(slug, known.clone()) {
                Some(best) => format!("did you mean `{best}`?"),
                None => {
                    format!("create it first (content/{noun}s/{slug}.md), or pick an existing slug")
                }
            };
            Diagnostic::error(
                "new/unknown-slug",
                relative,
                format!("unknown {noun} `{slug}`"),
            )
            .with_help(help)
        })
        .collect()
}

/// Front matter (with a schema modeline for editors), then the body, into a
/// file that must not exist yet.
fn write_new<T: serde::Serialize>(
    root: &Path,
    relative: &Path,
    schema: &str,
    front: &T,
    body: &str,
) -> Result<PathBuf, Vec<Diagnostic>> {
    let yaml = yaml::to_string(front)
        .map_err(|err| vec![Diagnostic::error("new/yaml", relative, err.message)])?;
    let text = format!(
        "---\n# yaml-language-server: $schema=../../schemas/{schema}.schema.json\n{yaml}---\n{body}"
    );
    let path = root.join(relative);
    let io_error = |err: std::io::Error| {
        let exists = err.kind() == std::io::ErrorKind::AlreadyExists;
        let diag = Diagnostic::error(
            if exists { "new/exists" } else { "new/io" },
            relative,
            if exists {
                "the file already exists; nothing was written".to_string()
            } else {
                format!("cannot write the file: {err}")
            },
        );
        vec![if exists {
            diag.with_help("edit the existing file, or choose another title or date")
        } else {
            diag
        }]
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io_error)?;
    }
    // `create_new` refuses to touch an existing file, atomically.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(io_error)?;
    file.write_all(text.as_bytes()).map_err(io_error)?;
    Ok(relative.to_path_buf())
}

fn today() -> PartialDate {
    use chrono::Datelike;
    let now = chrono::Local::now().date_naive();
    PartialDate::ymd(now.year(), now.month() as u8, now.day() as u8).expect("today is a date")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_file_is_named_by_date_and_title_and_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let new = NewArticle {
            title: "LGES opens: a plant!".into(),
            date: Some("2024-06-18".into()),
            ..NewArticle::default()
        };
        let path = article(dir.path(), &new).unwrap();
        assert_eq!(
            path,
            Path::new("content/articles/2024-06-18-lges-opens-a-plant.md")
        );
        let text = std::fs::read_to_string(dir.path().join(&path)).unwrap();
        assert!(text.contains("title: 'LGES opens: a plant!'"), "{text}");
        std::fs::write(dir.path().join(&path), "mine").unwrap();
        let err = article(dir.path(), &new).unwrap_err();
        assert_eq!(err[0].code, "new/exists");
        assert_eq!(
            std::fs::read_to_string(dir.path().join(&path)).unwrap(),
            "mine"
        );
    }

    #[test]
    fn unknown_slugs_and_bad_dates_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let new = NewArticle {
            title: "T".into(),
            date: Some("18/06/2024".into()),
            ..NewArticle::default()
        };
        assert_eq!(
            article(dir.path(), &new).unwrap_err()[0].code,
            "new/bad-date"
        );
        let new = NewArticle {
            title: "T".into(),
            topics: vec!["recyclng".into()],
            ..NewArticle::default()
        };
        assert_eq!(
            article(dir.path(), &new).unwrap_err()[0].code,
            "new/unknown-slug"
        );
    }
}
