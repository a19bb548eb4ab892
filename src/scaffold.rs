//! `briefing new`: scaffold a correctly formed article or organization.
//!
//! Takes what the contributor typed (title or name, options) and the site
//! root; writes one new file through the same front-matter types build
//! reads, so it always parses, and never overwrites an existing file nor
//! repeats a slug, title, name or alias another file has. A new article is
//! a draft, and `check` warns until its placeholder text is replaced.
//! Gives back the path written, or every problem with the input.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::content::article::slug_from_path;
use crate::content::contents::{read_registries, Contents};
use crate::content::date::PartialDate;
use crate::content::entity::{is_country_code, is_slug, registry_names, slugify, Named};
use crate::content::front_matter::{
    ArticleFrontMatter, OrganizationFrontMatter, OrganizationKind, Source,
};
use crate::content::source::Parsed;
use crate::content::suggest::Names;
use crate::diag::Diagnostic;
use crate::ingest::text::hangul::romanize;
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
    /// The file name's slug, instead of one made from the title.
    pub slug: Option<String>,
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
    /// The file name's slug, instead of one made from the name.
    pub slug: Option<String>,
}

/// The text `new` leaves for a person to replace; `check` warns while any
/// of it is still in a file (one home for both).
pub(crate) const PLACEHOLDER_SUMMARY: &str = "One or two sentences saying what happened.";
/// The first sentence of a new article's body.
pub(crate) const PLACEHOLDER_ARTICLE: &str =
    "Write the briefing here, in Markdown: who did what, when, and why it matters.";
/// A new organization's description.
pub(crate) const PLACEHOLDER_ORGANIZATION: &str =
    "Describe the organization in a few sentences: what it does in the battery industry.";

/// Write `content/articles/<date>-<slug>.md`, a draft.
pub(crate) fn article(root: &Path, new: &NewArticle) -> Result<PathBuf, Vec<Diagnostic>> {
    let date = match &new.date {
        Some(text) => text.parse::<PartialDate>().map_err(|err| {
            vec![Diagnostic::error("new/bad-date", "--date", err.to_string())
                .with_help("dates are written YYYY-MM-DD, e.g. 2024-06-18")]
        })?,
        None => today(),
    };
    let slug = file_slug(&new.title, new.slug.as_deref(), "title")?;
    let relative = PathBuf::from(format!("content/articles/{date}-{slug}.md"));
    let (contents, _) = Contents::read(root);
    let (organizations, topics) = (names(&contents.organizations), names(&contents.topics));
    let mut errors = existing_article(&contents, &relative, &slug, &new.title);
    errors.extend(unknown(&relative, "topic", &new.topics, &topics));
    errors.extend(unknown(
        &relative,
        "organization",
        &new.organizations,
        &organizations,
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
        summary: Some(PLACEHOLDER_SUMMARY.into()),
        topics: new.topics.clone(),
        organizations: new.organizations.clone(),
        people: Vec::new(),
        places: Vec::new(),
        figures: Vec::new(),
        events: Vec::new(),
        evidence: Default::default(),
        suggested_organizations: Vec::new(),
        // Off the published site until a person has replaced the placeholder.
        draft: true,
    };
    let body = format!("{PLACEHOLDER_ARTICLE}\n\nOrganizations listed in `organizations:` are linked at their first mention in the text. Delete `draft: true` when the article is ready.\n");
    write_new(root, &relative, "article", &front, &body)
}

/// Write `content/organizations/<slug>.md`.
pub(crate) fn organization(root: &Path, new: &NewOrganization) -> Result<PathBuf, Vec<Diagnostic>> {
    let slug = file_slug(&new.name, new.slug.as_deref(), "name")?;
    let relative = PathBuf::from(format!("content/organizations/{slug}.md"));
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
    let mut read = Vec::new();
    let registry = names(&read_registries(root, &mut read).organizations);
    let taken = [(new.name.as_str(), "name"), (slug.as_str(), "file name")]
        .into_iter()
        .find_map(|(written, what)| Some((registry.find(written)?, written, what)));
    if let Some((owner, written, what)) = taken {
        return Err(vec![Diagnostic::error(
            "new/exists",
            format!("content/organizations/{owner}.md"),
            format!("the {what} `{written}` is already this organization's slug, name or alias; nothing was written"),
        )
        .with_help(format!("edit content/organizations/{owner}.md instead (add an alias there if this is another name for it); if it is a different organization, give it a name no entry uses, or `--slug`"))]);
    }
    let front = OrganizationFrontMatter {
        name: new.name.trim().to_string(),
        kind: new.kind,
        country,
        aliases: Vec::new(),
        website: None,
        generated: None,
    };
    let body = format!("{PLACEHOLDER_ORGANIZATION}\n");
    write_new(root, &relative, "organization", &front, &body)
}

/// The slug a new file is named by: `--slug` as given (it must be a slug),
/// else the title or name in Latin letters (Korean romanized by ingest's
/// rule), shortened.
fn file_slug(text: &str, given: Option<&str>, what: &str) -> Result<String, Vec<Diagnostic>> {
    if let Some(given) = given {
        return if is_slug(given) && given.len() <= MAX_NEW_SLUG {
            Ok(given.to_string())
        } else {
            Err(vec![Diagnostic::error("new/bad-slug", "--slug", format!("`{given}` is not a slug"))
                .with_help(format!("a slug is lowercase letters, digits and single hyphens, at most {MAX_NEW_SLUG} characters, e.g. `samsung-sdi-cheonan-line`"))])
        };
    }
    let slug = slugify(&romanize(text));
    let slug = shorten_slug(&slug, MAX_NEW_SLUG).to_string();
    if slug.is_empty() {
        return Err(vec![Diagnostic::error(
            "new/bad-slug",
            format!("--{what}"),
            format!("the {what} `{text}` has no letters or digits to make a file name from"),
        )
        .with_help(
            "give the file name yourself with `--slug`, e.g. `--slug samsung-sdi-cheonan-line`",
        )]);
    }
    Ok(slug)
}

/// Every name of a registry's files (parsed ones by name and aliases too).
fn names<T: Named>(files: &[Parsed<T>]) -> Names {
    let stems: Vec<String> = files.iter().map(Parsed::stem).collect();
    registry_names(
        &[],
        stems
            .iter()
            .map(String::as_str)
            .zip(files.iter().map(|f| &f.front)),
    )
}

/// An article that already has this slug (under any date) or this title.
fn existing_article(
    contents: &Contents,
    relative: &Path,
    slug: &str,
    title: &str,
) -> Vec<Diagnostic> {
    let by_slug = contents
        .stems_in("content/articles")
        .into_iter()
        .find(|stem| slug_from_path(Path::new(stem)) == slug)
        .map(|stem| (format!("content/articles/{stem}.md"), "slug"));
    let by_title = || {
        contents
            .articles
            .iter()
            .find(|a| a.front.title.trim().eq_ignore_ascii_case(title.trim()))
            .map(|a| (a.path.to_string_lossy().replace('\\', "/"), "title"))
    };
    let Some((file, what)) = by_slug.or_else(by_title) else {
        return Vec::new();
    };
    vec![Diagnostic::error("new/exists", &file, format!("this article has the same {what}; {} was not written", relative.display()))
        .with_help("edit that article instead; if this is another story, give it another title, or its own file name with `--slug`")]
}

fn unknown(relative: &Path, noun: &str, given: &[String], known: &Names) -> Vec<Diagnostic> {
    given
        .iter()
        .filter(|slug| !known.contains(slug))
        .map(|slug| {
            let help = known.help(slug, || {
                format!("create it first (content/{noun}s/{slug}.md), or pick an existing slug")
            });
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
