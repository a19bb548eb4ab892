//! Check stage: every internal link and `#anchor` of the rendered site
//! resolves.
//!
//! Takes the pages rendered in memory, the static files, and a way to find
//! the content file behind each page; gives back one diagnostic per broken
//! link, pointing at the Markdown line that wrote it when it can be found
//! (else at the content file's front matter fence, else at the template).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::address::{classify, output_file, resolve, Kind};
use super::html::{self, Scanned};
use crate::content::suggest::closest;
use crate::diag::Diagnostic;
use crate::output::RenderedPage;

/// A file a rendered page came from, for pointing at the right line.
#[derive(Debug, Clone)]
pub(crate) struct Origin {
    /// Content file (article, plain page, registry entry) or template.
    pub(crate) path: PathBuf,
    /// Its text, when it could be read.
    pub(crate) text: Option<Arc<str>>,
    /// Byte offset of a content file's Markdown body (links are written
    /// there, not in the front matter); 0 for a template.
    pub(crate) body: usize,
    /// A template: links are written with `{{ site.base_path }}` in front.
    pub(crate) template: bool,
}

/// The files a page came from, most specific first: its content file (if
/// any), its template, the base template.
pub(crate) type PageSource = Vec<Origin>;

/// Everything link checking needs.
pub(crate) struct LinkInput<'a> {
    /// Rendered pages, paths inside the output folder.
    pub(crate) pages: &'a [RenderedPage],
    /// Static files, paths inside the output folder.
    pub(crate) statics: &'a HashSet<String>,
    /// The site's base path (`/` or `/sub/`).
    pub(crate) base_path: &'a str,
    /// The site's absolute base URL with a trailing slash.
    pub(crate) base_url: &'a str,
    /// Page output path → the file to blame.
    pub(crate) sources: &'a HashMap<String, PageSource>,
    /// Output folders (`articles/<slug>/`) whose pages could not be
    /// rendered this run because their file has an error: links there are
    /// not blamed.
    pub(crate) unsure: &'a HashSet<String>,
}

/// Check every link of every HTML page.
pub(crate) fn check(input: &LinkInput<'_>) -> Vec<Diagnostic> {
    let scanned: BTreeMap<&str, Scanned> = input
        .pages
        .par_iter()
        .filter(|p| p.path.ends_with(".html"))
        .map(|p| {
            (
                p.path.as_str(),
                html::scan(&String::from_utf8_lossy(&p.contents)),
            )
        })
        .collect();
    let files: HashSet<&str> = input
        .pages
        .iter()
        .map(|p| p.path.as_str())
        .chain(input.statics.iter().map(String::as_str))
        .collect();
    let ids: HashMap<&str, HashSet<&str>> = scanned
        .iter()
        .map(|(path, s)| (*path, s.ids.iter().map(String::as_str).collect()))
        .collect();
    let mut diagnostics = Vec::new();
    let mut seen = HashSet::new();
    for (page, found) in &scanned {
        for link in &found.links {
            let Some(problem) = problem(input, &files, &ids, page, link) else {
                continue;
            };
            let diag = blame(input, page, link, problem);
            // A broken link in a shared template shows on every page: once is enough.
            if seen.insert((diag.path.clone(), diag.span.clone(), link.clone())) {
                diagnostics.push(diag);
            }
        }
    }
    diagnostics
}

/// A broken link: what is wrong and how to fix it.
struct Problem {
    message: String,
    help: String,
}

/// What is wrong with `link` on `page`, if anything.
fn problem(
    input: &LinkInput<'_>,
    files: &HashSet<&str>,
    ids: &HashMap<&str, HashSet<&str>>,
    page: &str,
    link: &str,
) -> Option<Problem> {
    let base = input.base_path;
    let target = match classify(link, base, input.base_url) {
        Kind::External => return None,
        Kind::OutsideBase => {
            return Some(Problem {
                message: format!("link `{link}` does not start with the site's base path `{base}`, so it breaks when the site is published there"),
                help: format!("write `{base}{}`, or a link relative to the page", link.trim_start_matches('/')),
            })
        }
        Kind::Internal(path) => resolve(page, &path)?,
    };
    let (path, fragment) = match target.split_once('#') {
        Some((p, f)) => (p.to_string(), Some(f.to_string())),
        None => (target, None),
    };
    if input
        .unsure
        .iter()
        .any(|folder| path.starts_with(folder.as_str()))
    {
        return None;
    }
    let Some(file) = output_file(files, &path) else {
        let folders = files.iter().filter_map(|f| f.strip_suffix("index.html"));
        let help = match closest(&path, folders) {
            Some(best) => format!("did you mean `{base}{best}`?"),
            None => format!("link to an existing page: articles are at `{base}articles/<slug>/`, where the slug is the file name without its date"),
        };
        return Some(Problem {
            message: if link == format!("{base}{path}") {
                format!("link `{link}`: no page or static file is served there")
            } else {
                format!(
                    "link `{link}` points to `{base}{path}`, which no page or static file provides"
                )
            },
            help,
        });
    };
    let fragment = fragment.filter(|f| !f.is_empty() && f != "top")?;
    let known = ids.get(file.as_str())?;
    if known.contains(fragment.as_str()) {
        return None;
    }
    let help = match closest(&fragment, known.iter().copied()) {
        Some(best) => format!("did you mean `#{best}`?"),
        None => "anchors are heading ids: `## Key points` gets `#key-points`; `## Title {#my-id}` sets one".to_string(),
    };
    Some(Problem {
        message: format!(
            "link `{link}`: there is no element with id `{fragment}` on `{}`",
            url_of(base, &file)
        ),
        help,
    })
}

/// The address a page is served at: `articles/a/index.html` → `/base/articles/a/`.
fn url_of(base: &str, page: &str) -> String {
    format!("{base}{}", page.strip_suffix("index.html").unwrap_or(page))
}

/// The diagnostic for a broken `link` on `page`, at the best place found:
/// where an origin writes the link, else the content file's front matter
/// fence, else the top of the template.
fn blame(input: &LinkInput<'_>, page: &str, link: &str, problem: Problem) -> Diagnostic {
    let origins = input.sources.get(page).map_or(&[][..], Vec::as_slice);
    let message = format!(
        "{} (on page {})",
        problem.message,
        url_of(input.base_path, page)
    );
    let diag = |path: &Path| {
        Diagnostic::error("link/broken", path, message.clone()).with_help(problem.help.clone())
    };
    for origin in origins {
        let Some(text) = &origin.text else { continue };
        if let Some(span) = locate(text, origin.body, link, input.base_path, origin.template) {
            return diag(&origin.path).at(text, span);
        }
    }
    match origins.first() {
        Some(Origin {
            path,
            text: Some(text),
            template,
            ..
        }) => {
            let fence = if *template {
                0..0
            } else {
                0..3.min(text.len())
            };
            diag(path).at(text, fence)
        }
        Some(origin) => diag(&origin.path),
        None => diag(Path::new(page)),
    }
}

/// Byte range of the link as written: in a content file's Markdown body
/// (from `body_start`, after the front matter) as rendered, HTML-escaped or
/// without the base path; in a template also as the part after
/// `{{ site.base_path }}`.
fn locate(
    text: &str,
    body_start: usize,
    link: &str,
    base_path: &str,
    template: bool,
) -> Option<Range<usize>> {
    let body = &text[body_start..];
    let escaped = link.replace('&', "&amp;");
    let unbased = link.strip_prefix(base_path).map(|rest| format!("/{rest}"));
    let after_base = link
        .strip_prefix(base_path)
        .filter(|_| template)
        .map(|rest| format!("}}}}{rest}"));
    [Some(link.to_string()), Some(escaped), unbased, after_base]
        .into_iter()
        .flatten()
        .filter(|needle| needle.len() > 2)
        .find_map(|needle| {
            let skip = if needle.starts_with("}}") { 2 } else { 0 };
            body.find(&needle)
                .map(|i| body_start + i + skip..body_start + i + needle.len())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_links_in_templates_after_the_base_path() {
        let text = "<a href=\"{{ site.base_path }}topicz/\">T</a>";
        let span = locate(text, 0, "/sub/topicz/", "/sub/", true).unwrap();
        assert_eq!(&text[span], "topicz/");
    }

    #[test]
    fn locates_the_link_in_the_body_not_the_front_matter() {
        let text = "---\ntitle: /x/\n---\nSee [x](/x/).\n";
        let body = text.find("See").unwrap();
        let span = locate(text, body, "/sub/x/", "/sub/", false).unwrap();
        assert_eq!(&text[span.clone()], "/x/");
        assert!(span.start > text.find("See").unwrap());
    }
}
