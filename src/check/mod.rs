//! `briefing check`: every validation of build and ingest, writing nothing.
//!
//! Takes a site root; loads and renders the whole site (so every error
//! build would report is found), link-checking each page as it is rendered
//! and keeping none, dry-runs ingest, then runs the checks build does not:
//! links and anchors, registry use and conflicts,
//! annotations against the text, duplicates. Gives back every diagnostic,
//! sorted, and the exit status they imply.

mod address;
mod code;
mod duplicates;
mod facts;
mod file_date;
mod html;
mod ingest;
mod links;
mod placeholder;
mod references;
mod registry;
mod unlisted;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::build::{self, Site};
use crate::content::contents::Contents;
use crate::content::source::read_source;
use crate::content::source::Parsed;
use crate::diag::{self, Diagnostic, Severity};
use crate::render::plan::{self, PageJob, Section};
use crate::render::{self, RenderOptions};
use links::{LinkInput, Origin, PageSource};

/// What `check` found.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// Every problem, sorted by file and place.
    pub diagnostics: Vec<Diagnostic>,
    /// Article files checked (drafts and files that do not parse included).
    pub articles: usize,
    /// Pages rendered in memory.
    pub pages: usize,
}

/// The outcome of a check, as a process exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing to fix (warnings allowed): exit 0.
    Clean,
    /// At least one error: exit 1.
    Errors,
    /// Only warnings, and `--deny-warnings` was given: exit 2.
    DeniedWarnings,
}

impl Outcome {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Errors => 1,
            Outcome::DeniedWarnings => 2,
        }
    }
}

impl CheckReport {
    /// Count of diagnostics at `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// What the findings mean for the exit status.
    pub fn outcome(&self, deny_warnings: bool) -> Outcome {
        if self.count(Severity::Error) > 0 {
            Outcome::Errors
        } else if deny_warnings && self.count(Severity::Warning) > 0 {
            Outcome::DeniedWarnings
        } else {
            Outcome::Clean
        }
    }
}

/// Check the site at `root`. Reads files only; never writes.
pub fn run(root: &Path) -> CheckReport {
    let mut diagnostics = Vec::new();
    let mut pages = 0;
    // Drafts included: their links must hold before they are published
    // (serve and `build --drafts` render them too).
    // Every valid file is rendered and link-checked even when others
    // fail: every error of the run at once.
    let (mut contents, read_errors) = Contents::read(root);
    let articles = contents.articles.len() + contents.unparsed_articles;
    // What reads the files' own text runs first; then the library is
    // built from the texts already read, each let go (they are most of a
    // large site's memory) once its article is built, keeping no body (a
    // page reads its article's again): a link is placed in its article by
    // reading the file again too. (Not reading each file for the library
    // also spares the allocator a heap riddled with freed texts.)
    let origins = content_origins(&contents);
    let texts = text_checks(&contents);
    let files = contents.take_article_texts();
    let (site, errors) = build::load_partial(root, &contents, files, read_errors, true);
    diagnostics.extend(errors);
    if let Some(site) = site {
        let (found, rendered) =
            render_and_check_links(root, &site, &contents, &origins, &mut diagnostics);
        pages = rendered;
        diagnostics.extend(found);
    }
    diagnostics.extend(ingest::dry_run(root));
    diagnostics.extend(crate::sitefs::audit(root));
    diagnostics.extend(texts);
    place_unplaced(root, &mut diagnostics);
    diag::sort(&mut diagnostics);
    diagnostics.dedup();
    CheckReport {
        diagnostics,
        articles,
        pages,
    }
}

/// The checks of the content files themselves, against each other and the
/// registries: references, quotes and facts, duplicates, code, placeholders.
fn text_checks(contents: &Contents) -> Vec<Diagnostic> {
    let mut diagnostics = registry::check(contents);
    diagnostics.extend(references::check(contents));
    diagnostics.extend(facts::check(&contents.articles));
    diagnostics.extend(duplicates::check(&contents.articles));
    diagnostics.extend(code::check(&contents.articles));
    diagnostics.extend(placeholder::check(contents));
    diagnostics.extend(file_date::check(&contents.articles));
    diagnostics.extend(unlisted::check(contents));
    diagnostics
}

/// Output folders whose pages this run could not render because a file
/// has an error: a link there is not called broken (the file's own error
/// is the one to fix). A broken article may be what gives an entity its
/// page, so then every entity page counts as unsure.
fn unsure_pages(contents: &Contents, diagnostics: &[Diagnostic]) -> HashSet<String> {
    let broken: HashSet<&Path> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.path.as_path())
        .chain(contents.unparsed.iter().map(PathBuf::as_path))
        .collect();
    let mut unsure = HashSet::new();
    let sections = [
        ("content/organizations", "organizations/"),
        ("content/topics", "topics/"),
        ("content/places", "places/"),
        ("content/pages", ""),
    ];
    let article_broken = broken.iter().any(|p| p.starts_with("content/articles"));
    for (dir, segment) in sections {
        for stem in contents.stems_in(dir) {
            let path = Path::new(dir).join(format!("{stem}.md"));
            if broken.contains(path.as_path()) || (article_broken && !segment.is_empty()) {
                unsure.insert(format!("{segment}{stem}/"));
            }
        }
    }
    for path in broken.iter().filter(|p| p.starts_with("content/articles")) {
        let slug = crate::content::article::slug_from_path(path);
        unsure.insert(format!("articles/{slug}/"));
    }
    unsure
}

/// Render every page and check its links as it comes (no page is held),
/// adding render problems to `diagnostics`; gives back the broken links and
/// the number of pages rendered.
///
/// Links are first checked against every planned page. When some page
/// fails to render, links to it are broken, and a failure can make more
/// folders unsure: then every page is rendered and scanned again against
/// what was really rendered (only a site with errors pays twice).
fn render_and_check_links(
    root: &Path,
    site: &Site,
    contents: &Contents,
    files: &HashMap<PathBuf, Origin>,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Diagnostic>, usize) {
    let (library, templates, shared) = (&site.library, &site.templates, &site.shared);
    let jobs = render::full_plan(library, shared);
    let planned: Vec<String> = jobs
        .iter()
        .map(|job| plan::output_path(library, job))
        .collect();
    let statics = static_files(root, &library.config.theme);
    let sources: HashMap<String, PageSource> = jobs
        .iter()
        .zip(&planned)
        .map(|(job, path)| (path.clone(), page_source(site, files, job)))
        .collect();
    let base_path = library.config.base_path();
    let base_url = library.config.base_url();
    let unsure = unsure_pages(contents, diagnostics);
    let files: HashSet<&str> = planned.iter().chain(&statics).map(String::as_str).collect();
    let input = LinkInput {
        root,
        folders: links::folders(&files),
        files,
        base_path: &base_path,
        base_url: &base_url,
        sources: &sources,
        unsure: &unsure,
    };
    let options = RenderOptions::default();
    let scan = |input: &LinkInput<'_>| {
        let scan_page =
            |page: crate::output::RenderedPage| (page.path.clone(), links::scan_page(input, &page));
        render::render_each(library, templates, shared, &jobs, &options, scan_page, None)
    };
    let (scanned, errors) = scan(&input);
    let rendered = scanned.len();
    diagnostics.extend(errors);
    if rendered == jobs.len() {
        let pages = scanned.into_iter().filter_map(|(_, page)| page).collect();
        return (links::finish(&input, pages), rendered);
    }
    let unsure = unsure_pages(contents, diagnostics);
    let made: Vec<String> = scanned.into_iter().map(|(path, _)| path).collect();
    let files: HashSet<&str> = made.iter().chain(&statics).map(String::as_str).collect();
    let input = LinkInput {
        folders: links::folders(&files),
        files,
        unsure: &unsure,
        ..input
    };
    let (scanned, _) = scan(&input);
    let pages = scanned.into_iter().filter_map(|(_, page)| page).collect();
    (links::finish(&input, pages), rendered)
}

/// Every parsed content file as a place a link may be written. The
/// articles' texts are not held (read again for a broken link): there
/// are as many as the site has articles.
fn content_origins(contents: &Contents) -> HashMap<PathBuf, Origin> {
    fn origins<T>(files: &[Parsed<T>], held: bool) -> impl Iterator<Item = (PathBuf, Origin)> + '_ {
        files.iter().map(move |file| {
            let origin = Origin {
                path: file.path.clone(),
                text: held.then(|| Arc::clone(&file.source)),
                body: file.body.start,
                template: false,
            };
            (file.path.clone(), origin)
        })
    }
    origins(&contents.articles, false)
        .chain(origins(&contents.pages, true))
        .chain(origins(&contents.topics, true))
        .chain(origins(&contents.organizations, true))
        .chain(origins(&contents.places, true))
        .collect()
}

/// The files to blame for what a page links to: its content file, the
/// template it renders through, and the base template all pages extend.
fn page_source(site: &Site, files: &HashMap<PathBuf, Origin>, job: &PageJob) -> PageSource {
    let library = &site.library;
    let content: Option<PathBuf> = match job {
        PageJob::Article(i) => Some(library.articles[*i].path.clone()),
        PageJob::Page(i) => Some(PathBuf::from(format!(
            "content/pages/{}.md",
            library.pages[*i].slug
        ))),
        PageJob::Entity(section, i, _) => Some(match section {
            Section::Topics => library.topics[*i].path.clone(),
            Section::Organizations => library.organizations[*i].path.clone(),
            Section::Places => library.places[*i].path.clone(),
        }),
        _ => None,
    };
    let mut origins: PageSource = content
        .into_iter()
        .map(|path| match files.get(path.as_path()) {
            Some(origin) => origin.clone(),
            None => Origin {
                path,
                text: None,
                body: 0,
                template: false,
            },
        })
        .collect();
    let templates = job.template().into_iter().chain(Some("base.html"));
    for name in templates {
        // The file it was loaded from: the site's own templates/ overrides
        // the theme's; a built-in fallback has no file to point at.
        let origin = match site.templates.file(name) {
            Some((path, text)) => Origin {
                path: path.to_path_buf(),
                text: Some(Arc::clone(text)),
                body: 0,
                template: true,
            },
            None => Origin {
                path: Path::new("themes")
                    .join(&library.config.theme)
                    .join("templates")
                    .join(name),
                text: None,
                body: 0,
                template: true,
            },
        };
        origins.push(origin);
    }
    origins
}

/// Give a place to diagnostics that have none (a duplicate slug, an
/// unreadable seed): the file's first line, so every finding shows
/// file:line:column and the line itself.
fn place_unplaced(root: &Path, diagnostics: &mut [Diagnostic]) {
    for diagnostic in diagnostics.iter_mut().filter(|d| !d.has_place()) {
        let Ok(text) = read_source(root, &diagnostic.path) else {
            continue;
        };
        let first_line = 0..text.find('\n').unwrap_or(text.len());
        *diagnostic = diagnostic.clone().at(&text, first_line);
    }
}

/// Every static file the build would copy, as paths inside the output folder.
fn static_files(root: &Path, theme: &str) -> HashSet<String> {
    build::static_files(root, theme).into_keys().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_distinguish_errors_and_denied_warnings() {
        let warning = Diagnostic::warning("x", "a.md", "w");
        let error = Diagnostic::error("x", "a.md", "e");
        let report = |d: Vec<Diagnostic>| CheckReport {
            diagnostics: d,
            ..CheckReport::default()
        };
        assert_eq!(report(vec![]).outcome(true), Outcome::Clean);
        assert_eq!(report(vec![warning.clone()]).outcome(false), Outcome::Clean);
        assert_eq!(
            report(vec![warning.clone()]).outcome(true),
            Outcome::DeniedWarnings
        );
        assert_eq!(report(vec![warning, error]).outcome(true), Outcome::Errors);
        assert_eq!(Outcome::DeniedWarnings.code(), 2);
    }
}
