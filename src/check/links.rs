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

/// How a link relates to the site.
#[derive(Debug, PartialEq, Eq)]
enum Kind {
    /// Another site, `mailto:`, `data:` and the like.
    External,
    /// Root-relative but not under the base path.
    OutsideBase,
    /// Inside the site: the path relative to the base (or to the page when
    /// it does not start with `/`), with its fragment.
    Internal(String),
}

fn classify(link: &str, base_path: &str, base_url: &str) -> Kind {
    let link = link.trim();
    if let Some(rest) = link.strip_prefix(base_url) {
        return Kind::Internal(format!("/{rest}"));
    }
    let has_scheme = link
        .split_once(':')
        .is_some_and(|(scheme, _)| !scheme.is_empty() && !scheme.contains(['/', '#', '?']));
    if has_scheme || link.starts_with("//") {
        return Kind::External;
    }
    if let Some(rest) = link.strip_prefix(base_path) {
        return Kind::Internal(format!("/{rest}"));
    }
    if link.starts_with('/') {
        // `/sub` without its slash is still the home page.
        if format!("{link}/") == base_path {
            return Kind::Internal("/".into());
        }
        return Kind::OutsideBase;
    }
    Kind::Internal(link.to_string())
}

/// Resolve an internal link against the page's folder; gives the target as
/// a path inside the output folder (no leading `/`), fragment kept.
/// `None` for links that need no checking (query-only).
fn resolve(page: &str, link: &str) -> Option<String> {
    let (without_fragment, fragment) = match link.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (link, None),
    };
    let path = without_fragment.split('?').next().unwrap_or("");
    if path.is_empty() && fragment.is_none() {
        return None;
    }
    let mut segments: Vec<&str> = if path.starts_with('/') || path.is_empty() {
        Vec::new()
    } else {
        page.split('/').collect::<Vec<_>>()
    };
    segments.pop(); // the page's own file name
    if path.is_empty() {
        return Some(format!("{page}#{}", fragment.unwrap_or("")));
    }
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    let mut joined = segments.join("/");
    if path.ends_with('/') && !joined.is_empty() {
        joined.push('/');
    }
    let joined = percent_decode(&joined);
    Some(match fragment {
        Some(f) => format!("{joined}#{f}"),
        None => joined,
    })
}

/// The output file a resolved path is served from, if any.
fn output_file(files: &HashSet<&str>, path: &str) -> Option<String> {
    let candidates = if path.is_empty() || path.ends_with('/') {
        vec![format!("{path}index.html")]
    } else {
        vec![path.to_string(), format!("{path}/index.html")]
    };
    candidates.into_iter().find(|c| files.contains(c.as_str()))
}

fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| {
            std::str::from_utf8(h)
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        });
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
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
        if let Some(span) = locate(text, link, input.base_path, origin.template) {
            return diag(&origin.path).at(text, span);
        }
    }
    match origins.first() {
        Some(Origin {
            path,
            text: Some(text),
            template,
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
/// (after the front matter) as rendered, HTML-escaped or without the base
/// path; in a template also as the part after `{{ site.base_path }}`.
fn locate(text: &str, link: &str, base_path: &str, template: bool) -> Option<Range<usize>> {
    let body_start = if template {
        0
    } else {
        crate::content::front_matter::split(text)
            .ok()
            .map_or(0, |s| s.body.as_ptr() as usize - text.as_ptr() as usize)
    };
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
    fn classifies_links() {
        let base = "/sub/";
        let url = "https://e.org/sub/";
        assert_eq!(classify("https://x.org/", base, url), Kind::External);
        assert_eq!(classify("mailto:a@b", base, url), Kind::External);
        assert_eq!(classify("//cdn.org/x", base, url), Kind::External);
        assert_eq!(classify("/sub/a/", base, url), Kind::Internal("/a/".into()));
        assert_eq!(
            classify("https://e.org/sub/a/", base, url),
            Kind::Internal("/a/".into())
        );
        assert_eq!(classify("/a/", base, url), Kind::OutsideBase);
        assert_eq!(classify("/sub", base, url), Kind::Internal("/".into()));
        assert_eq!(classify("../b/", base, url), Kind::Internal("../b/".into()));
        assert_eq!(classify("#x", base, url), Kind::Internal("#x".into()));
    }

    #[test]
    fn resolves_relative_to_the_page() {
        let page = "articles/a/index.html";
        assert_eq!(resolve(page, "../b/").as_deref(), Some("articles/b/"));
        assert_eq!(
            resolve(page, "/topics/x/#y").as_deref(),
            Some("topics/x/#y")
        );
        assert_eq!(
            resolve(page, "#top").as_deref(),
            Some("articles/a/index.html#top")
        );
        assert_eq!(
            resolve(page, "img%20a.png").as_deref(),
            Some("articles/a/img a.png")
        );
        assert_eq!(resolve(page, "?q=1"), None);
        assert_eq!(resolve("index.html", "/").as_deref(), Some(""));
    }

    #[test]
    fn output_files_serve_folders_and_files() {
        let files: HashSet<&str> = ["index.html", "a/index.html", "css/s.css"].into();
        assert_eq!(output_file(&files, "").as_deref(), Some("index.html"));
        assert_eq!(output_file(&files, "a/").as_deref(), Some("a/index.html"));
        assert_eq!(output_file(&files, "a").as_deref(), Some("a/index.html"));
        assert_eq!(
            output_file(&files, "css/s.css").as_deref(),
            Some("css/s.css")
        );
        assert_eq!(output_file(&files, "b/"), None);
    }

    #[test]
    fn locates_links_in_templates_after_the_base_path() {
        let text = "<a href=\"{{ site.base_path }}topicz/\">T</a>";
        let span = locate(text, "/sub/topicz/", "/sub/", true).unwrap();
        assert_eq!(&text[span], "topicz/");
    }

    #[test]
    fn locates_the_link_in_the_body_not_the_front_matter() {
        let text = "---\ntitle: /x/\n---\nSee [x](/x/).\n";
        let span = locate(text, "/sub/x/", "/sub/", false).unwrap();
        assert_eq!(&text[span.clone()], "/x/");
        assert!(span.start > text.find("See").unwrap());
    }
}
