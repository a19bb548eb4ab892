//! Check stage: every internal link and `#anchor` of the rendered site
//! resolves.
//!
//! Works as pages are rendered, so no page is held longer than it takes to
//! scan it: [`scan_page`] takes one rendered page and checks each of its
//! distinct links against what is known before rendering (the planned
//! pages and the static files), keeping only the page's ids and the links
//! whose `#anchor` is on another page; [`finish`] resolves those once every
//! page's ids are in, and gives back one diagnostic per broken link,
//! pointing at the Markdown line that wrote it when it can be found (else
//! at the content file's front matter fence, else at the template).

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::address::{classify, output_file, resolve, Kind};
use super::html;
use crate::content::source::read_source;
use crate::content::suggest::closest;
use crate::diag::Diagnostic;
use crate::output::RenderedPage;

/// A file a rendered page came from, for pointing at the right line.
#[derive(Debug, Clone)]
pub(crate) struct Origin {
    /// Content file (article, plain page, registry entry) or template.
    pub(crate) path: PathBuf,
    /// Its text, when it could be read. `None` for a content file means it
    /// is read again if a link on its page is broken (articles' texts are
    /// not held while every page renders).
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

/// Everything link checking needs, known before any page is rendered.
pub(crate) struct LinkInput<'a> {
    /// The site root, to read a content file again for a broken link's place.
    pub(crate) root: &'a Path,
    /// Every file the output will hold (pages and static files), paths
    /// inside the output folder.
    pub(crate) files: HashSet<&'a str>,
    /// The folders of `files` that hold an `index.html` (`articles/x/`,
    /// and `` for the site's own): what a plain link to a folder needs.
    pub(crate) folders: HashSet<&'a str>,
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

/// The folders that serve an `index.html` among `files`.
pub(crate) fn folders<'a>(files: &HashSet<&'a str>) -> HashSet<&'a str> {
    files
        .iter()
        .filter_map(|file| file.strip_suffix("index.html"))
        .filter(|folder| folder.is_empty() || folder.ends_with('/'))
        .collect()
}

/// What one HTML page's links came to, all that is kept of the page.
#[derive(Debug)]
pub(crate) struct PageLinks {
    /// The page, a path inside the output folder.
    path: String,
    /// Every `id` on the page (anchors other pages may link to).
    ids: Box<[Box<str>]>,
    /// Its broken or not yet decided links, in the order they appear.
    findings: Vec<Finding>,
}

/// A link of one page that is broken, or whose anchor is on another page.
#[derive(Debug)]
enum Finding {
    Broken(String, Problem),
    /// `link` points at `#fragment` on the HTML page `file`.
    Anchor {
        link: String,
        file: String,
        fragment: String,
    },
}

/// Scan one rendered page (`None` unless it is HTML) and check every
/// distinct link it holds as far as the page alone allows.
pub(crate) fn scan_page(input: &LinkInput<'_>, page: &RenderedPage) -> Option<PageLinks> {
    if !page.path.ends_with(".html") {
        return None;
    }
    // Pages are UTF-8 (templates write text); checking is cheaper than
    // the lossy copy, which stays for anything else.
    let html = match std::str::from_utf8(&page.contents) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(&page.contents),
    };
    let scanned = html::scan(&html);
    let own: HashSet<&str> = scanned.ids.iter().map(|id| &**id).collect();
    let mut distinct = HashSet::new();
    let mut findings = Vec::new();
    for link in scanned.links.iter().map(|link| &**link) {
        if !distinct.insert(link) || plainly_served(input, link) {
            continue;
        }
        match problem(input, &page.path, link) {
            Decision::Fine => {}
            Decision::Broken(problem) => findings.push(Finding::Broken(link.to_string(), problem)),
            Decision::Anchor(file, fragment) if file == page.path => {
                if let Some(problem) = missing_anchor(input.base_path, link, &file, &fragment, &own)
                {
                    findings.push(Finding::Broken(link.to_string(), problem));
                }
            }
            Decision::Anchor(file, fragment) => findings.push(Finding::Anchor {
                link: link.to_string(),
                file,
                fragment,
            }),
        }
    }
    Some(PageLinks {
        path: page.path.clone(),
        ids: scanned.ids.iter().map(|id| Box::from(&**id)).collect(),
        findings,
    })
}

/// Every broken link of the scanned pages (in any order), each reported
/// once: pages are taken in path order and a link broken the same way in
/// the same place (a shared template) is named on its first page only.
pub(crate) fn finish(input: &LinkInput<'_>, mut pages: Vec<PageLinks>) -> Vec<Diagnostic> {
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    let ids: HashMap<&str, HashSet<&str>> = pages
        .iter()
        .map(|page| {
            (
                page.path.as_str(),
                page.ids.iter().map(|id| &**id).collect(),
            )
        })
        .collect();
    let mut diagnostics = Vec::new();
    let mut seen = HashSet::new();
    for page in &pages {
        for finding in &page.findings {
            let (link, problem) = match finding {
                Finding::Broken(link, problem) => (link, problem.clone()),
                Finding::Anchor {
                    link,
                    file,
                    fragment,
                } => {
                    let Some(known) = ids.get(file.as_str()) else {
                        continue;
                    };
                    match missing_anchor(input.base_path, link, file, fragment, known) {
                        Some(problem) => (link, problem),
                        None => continue,
                    }
                }
            };
            let diag = blame(input, &page.path, link, problem);
            // A broken link in a shared template shows on every page: once is enough.
            if seen.insert((diag.path.clone(), diag.span.clone(), link.clone())) {
                diagnostics.push(diag);
            }
        }
    }
    diagnostics
}

/// A broken link: what is wrong and how to fix it.
#[derive(Debug, Clone)]
struct Problem {
    message: String,
    help: String,
}

/// What one link comes to before other pages are known.
enum Decision {
    Fine,
    Broken(Problem),
    /// Points at this fragment of this HTML page: fine if the page has it.
    Anchor(String, String),
}

/// Whether `link` is the base path and then a page's folder or a file
/// that will be served, with nothing to resolve (no fragment, query,
/// escape, `.` or `..`, empty segment or surrounding space): most links
/// of every page (the menus, cards, tags), decided without the copies
/// [`problem`] makes. Anything else goes to [`problem`], which gives the
/// same answer for these.
fn plainly_served(input: &LinkInput<'_>, link: &str) -> bool {
    let Some(rest) = link.strip_prefix(input.base_path) else {
        return false;
    };
    let plain = !rest.starts_with('/')
        && link.trim().len() == link.len()
        && input.unsure.is_empty()
        && !rest.contains(['#', '?', '%'])
        && rest
            .split('/')
            .rev()
            .skip(1)
            .all(|segment| !matches!(segment, "" | "." | ".."))
        && !matches!(rest.rsplit('/').next(), Some("." | ".."));
    plain
        && match rest.is_empty() || rest.ends_with('/') {
            true => input.folders.contains(rest),
            false => input.files.contains(rest),
        }
}

/// What is wrong with `link` on `page`, as far as the files alone tell.
fn problem(input: &LinkInput<'_>, page: &str, link: &str) -> Decision {
    let base = input.base_path;
    let target = match classify(link, base, input.base_url) {
        Kind::External => return Decision::Fine,
        Kind::OutsideBase => {
            return Decision::Broken(Problem {
                message: format!("link `{link}` does not start with the site's base path `{base}`, so it breaks when the site is published there"),
                help: format!("write `{base}{}`, or a link relative to the page", link.trim_start_matches('/')),
            })
        }
        Kind::Internal(path) => match resolve(page, &path) {
            Some(target) => target,
            None => return Decision::Fine,
        },
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
        return Decision::Fine;
    }
    let Some(file) = output_file(&input.files, &path) else {
        let folders = input
            .files
            .iter()
            .filter_map(|f| f.strip_suffix("index.html"));
        let help = match closest(&path, folders) {
            Some(best) => format!("did you mean `{base}{best}`?"),
            None => format!("link to an existing page: articles are at `{base}articles/<slug>/`, where the slug is the file name without its date"),
        };
        return Decision::Broken(Problem {
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
    match fragment.filter(|f| !f.is_empty() && f != "top") {
        Some(fragment) if file.ends_with(".html") => Decision::Anchor(file, fragment),
        _ => Decision::Fine,
    }
}

/// The problem of `link`, to `#fragment` on `file`, whose ids are `known`.
fn missing_anchor(
    base: &str,
    link: &str,
    file: &str,
    fragment: &str,
    known: &HashSet<&str>,
) -> Option<Problem> {
    if known.contains(fragment) {
        return None;
    }
    let help = match closest(fragment, known.iter().copied()) {
        Some(best) => format!("did you mean `#{best}`?"),
        None => "anchors are heading ids: `## Key points` gets `#key-points`; `## Title {#my-id}` sets one".to_string(),
    };
    Some(Problem {
        message: format!(
            "link `{link}`: there is no element with id `{fragment}` on `{}`",
            url_of(base, file)
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
    let texts: Vec<Option<Arc<str>>> = origins.iter().map(|o| text_of(input, o)).collect();
    for (origin, text) in origins.iter().zip(&texts) {
        let Some(text) = text else { continue };
        if let Some(span) = locate(text, origin.body, link, input.base_path, origin.template) {
            return diag(&origin.path).at(text, span);
        }
    }
    match (origins.first(), texts.first()) {
        (Some(origin), Some(Some(text))) => {
            let fence = if origin.template {
                0..0
            } else {
                0..3.min(text.len())
            };
            diag(&origin.path).at(text, fence)
        }
        (Some(origin), _) => diag(&origin.path),
        (None, _) => diag(Path::new(page)),
    }
}

/// An origin's text: the one held, or a content file's read again.
fn text_of(input: &LinkInput<'_>, origin: &Origin) -> Option<Arc<str>> {
    match &origin.text {
        Some(text) => Some(Arc::clone(text)),
        None if !origin.template => read_source(input.root, &origin.path).ok(),
        None => None,
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

    /// The shortcut says "served" exactly where the full decision finds
    /// nothing wrong, and leaves everything else to it.
    #[test]
    fn plain_links_are_decided_as_the_full_check_decides() {
        let files: HashSet<&str> =
            ["index.html", "a/index.html", "css/s.css", "xindex.html"].into();
        let sources = HashMap::new();
        let unsure = HashSet::new();
        let input = LinkInput {
            root: Path::new("."),
            folders: folders(&files),
            files,
            base_path: "/sub/",
            base_url: "https://e.org/sub/",
            sources: &sources,
            unsure: &unsure,
        };
        let page = "a/index.html";
        let served = ["/sub/", "/sub/a/", "/sub/css/s.css"];
        let not_plain = [
            "/sub/a",
            "/sub/b/",
            "/sub/x",
            "/sub//a/",
            "/sub/./a/",
            "/sub/b/../a/",
            "/sub/a/#t",
            "/sub/a/?q",
            "/sub/%61/",
            "/sub/a/ ",
            "/a/",
            "a/",
            "https://e.org/sub/a/",
            "/sub/a/.",
        ];
        for link in served {
            assert!(plainly_served(&input, link), "{link}");
            assert!(
                matches!(problem(&input, page, link), Decision::Fine),
                "{link}"
            );
        }
        for link in not_plain {
            assert!(!plainly_served(&input, link), "{link}");
        }
        let unsure: HashSet<String> = ["b/".to_string()].into();
        let input = LinkInput {
            unsure: &unsure,
            ..input
        };
        assert!(!plainly_served(&input, "/sub/a/"));
    }

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
