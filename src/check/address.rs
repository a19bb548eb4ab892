//! Check stage helper: what an internal link points at.
//!
//! Takes a link as written in a rendered page, the page's path and the
//! site's base; gives back whether it is internal and which output file
//! (and fragment) it resolves to. Pure string work, tested on its own.

use std::collections::HashSet;

/// How a link relates to the site.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Another site, `mailto:`, `data:` and the like.
    External,
    /// Root-relative but not under the base path.
    OutsideBase,
    /// Inside the site: the path relative to the base (or to the page when
    /// it does not start with `/`), with its fragment.
    Internal(String),
}

pub(crate) fn classify(link: &str, base_path: &str, base_url: &str) -> Kind {
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
pub(crate) fn resolve(page: &str, link: &str) -> Option<String> {
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
pub(crate) fn output_file(files: &HashSet<&str>, path: &str) -> Option<String> {
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
}
