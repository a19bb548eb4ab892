//! Serve stage, request path → output path, safely.
//!
//! Takes the raw (still percent-encoded) path of a request and the site's
//! base path; gives back the file to send, a redirect, "not found", or a
//! refusal. Refusals come before any lookup: `..` and `.` segments (plain or
//! encoded), encoded slashes, backslashes, NUL and other control bytes,
//! invalid UTF-8 and over-long paths never reach the file map.
//!
//! Files are served from memory, so no lookup can leave the site; the checks
//! still refuse such paths loudly rather than relying on that. Symlinks are
//! never followed when static files are read (see `statics.rs`).

use percent_encoding::percent_decode_str;

/// Longest request path accepted, in bytes (encoded).
pub(crate) const MAX_PATH: usize = 2048;

/// Why a path was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Longer than [`MAX_PATH`].
    TooLong,
    /// A `..` or `.` segment, plain or percent-encoded.
    DotSegment,
    /// `%2f` or `%5c` inside a segment.
    EncodedSlash,
    /// A backslash, plain.
    Backslash,
    /// NUL or another control character.
    ControlByte,
    /// Percent-decoding gives invalid UTF-8, or the path is not absolute.
    Malformed,
}

impl Refusal {
    /// A short reason for the response body.
    pub(crate) fn reason(self) -> &'static str {
        match self {
            Refusal::TooLong => "the path is too long",
            Refusal::DotSegment => "`.` and `..` path segments are not allowed",
            Refusal::EncodedSlash => "encoded slashes are not allowed in paths",
            Refusal::Backslash => "backslashes are not allowed in paths",
            Refusal::ControlByte => "control characters are not allowed in paths",
            Refusal::Malformed => "the path is malformed",
        }
    }
}

/// What to answer for a request path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Resolved {
    /// Send this output file.
    File(String),
    /// Redirect here (a folder asked for without its trailing slash).
    Redirect(String),
    /// Nothing there: send the site's 404 page.
    NotFound,
    /// Bad request.
    Refused(Refusal),
}

/// Resolve `raw` (the request path, percent-encoded, without the query)
/// against the files `exists` knows, under `base` (`/` or `/sub/`).
pub(crate) fn resolve(raw: &str, base: &str, exists: impl Fn(&str) -> bool) -> Resolved {
    let decoded = match decode(raw) {
        Ok(decoded) => decoded,
        Err(refusal) => return Resolved::Refused(refusal),
    };
    let base_bare = base.trim_end_matches('/');
    if !base_bare.is_empty() && decoded == base_bare {
        return Resolved::Redirect(format!("{raw}/"));
    }
    let Some(rest) = decoded.strip_prefix(base) else {
        // The server root of a site published under a sub-path: go there.
        return if decoded == "/" {
            Resolved::Redirect(base.to_string())
        } else {
            Resolved::NotFound
        };
    };
    // An empty segment (`//`) names no file; without this, `//x` would ask
    // the file map for the absolute `/x` (found by the fuzzing test).
    if rest.starts_with('/') || rest.contains("//") {
        return Resolved::NotFound;
    }
    if rest.is_empty() || rest.ends_with('/') {
        let key = format!("{rest}index.html");
        return if exists(&key) {
            Resolved::File(key)
        } else {
            Resolved::NotFound
        };
    }
    if exists(rest) {
        Resolved::File(rest.to_string())
    } else if exists(&format!("{rest}/index.html")) {
        Resolved::Redirect(format!("{raw}/"))
    } else {
        Resolved::NotFound
    }
}

/// Percent-decode a path segment by segment, refusing anything that could
/// change which file a path names once decoded.
fn decode(raw: &str) -> Result<String, Refusal> {
    if raw.len() > MAX_PATH {
        return Err(Refusal::TooLong);
    }
    if !raw.starts_with('/') {
        return Err(Refusal::Malformed);
    }
    if raw.contains('\\') {
        return Err(Refusal::Backslash);
    }
    let mut decoded = String::with_capacity(raw.len());
    for (i, segment) in raw.split('/').enumerate() {
        let text = percent_decode_str(segment)
            .decode_utf8()
            .map_err(|_| Refusal::Malformed)?;
        if text.contains(['/', '\\']) {
            return Err(Refusal::EncodedSlash);
        }
        if text.chars().any(char::is_control) {
            return Err(Refusal::ControlByte);
        }
        if text == ".." || text == "." {
            return Err(Refusal::DotSegment);
        }
        if i > 0 {
            decoded.push('/');
        }
        decoded.push_str(&text);
    }
    Ok(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILES: &[&str] = &[
        "index.html",
        "articles/index.html",
        "articles/x/index.html",
        "css/style.css",
        "한글/index.html",
    ];

    fn at(raw: &str, base: &str) -> Resolved {
        resolve(raw, base, |p| FILES.contains(&p))
    }

    fn refused(raw: &str) -> Refusal {
        match at(raw, "/") {
            Resolved::Refused(r) => r,
            other => panic!("{raw} was not refused: {other:?}"),
        }
    }

    #[test]
    fn folders_serve_index_html() {
        assert_eq!(at("/", "/"), Resolved::File("index.html".into()));
        assert_eq!(
            at("/articles/x/", "/"),
            Resolved::File("articles/x/index.html".into())
        );
        assert_eq!(
            at("/css/style.css", "/"),
            Resolved::File("css/style.css".into())
        );
        assert_eq!(
            at("/%ED%95%9C%EA%B8%80/", "/"),
            Resolved::File("한글/index.html".into())
        );
    }

    #[test]
    fn folders_without_slash_redirect() {
        assert_eq!(
            at("/articles/x", "/"),
            Resolved::Redirect("/articles/x/".into())
        );
        assert_eq!(at("/nothing", "/"), Resolved::NotFound);
        assert_eq!(at("/nothing/", "/"), Resolved::NotFound);
    }

    #[test]
    fn sub_path_base_is_stripped() {
        assert_eq!(at("/sub/", "/sub/"), Resolved::File("index.html".into()));
        assert_eq!(at("/sub", "/sub/"), Resolved::Redirect("/sub/".into()));
        assert_eq!(
            at("/sub/articles/", "/sub/"),
            Resolved::File("articles/index.html".into())
        );
        assert_eq!(at("/articles/", "/sub/"), Resolved::NotFound);
        assert_eq!(at("/", "/sub/"), Resolved::Redirect("/sub/".into()));
    }

    #[test]
    fn empty_segments_name_no_file() {
        let asks_absolute = |raw: &str| {
            let absolute = std::cell::Cell::new(false);
            resolve(raw, "/", |p| {
                absolute.set(absolute.get() || p.starts_with('/'));
                true
            });
            absolute.get()
        };
        assert_eq!(at("//", "/"), Resolved::NotFound);
        assert_eq!(at("/articles//x/", "/"), Resolved::NotFound);
        assert_eq!(at("/sub//", "/sub/"), Resolved::NotFound);
        assert!(!asks_absolute("//evil.example/"));
        assert!(!asks_absolute("//index.html"));
    }

    #[test]
    fn dot_segments_are_refused_plain_and_encoded() {
        assert_eq!(refused("/../etc/passwd"), Refusal::DotSegment);
        assert_eq!(refused("/articles/../index.html"), Refusal::DotSegment);
        assert_eq!(refused("/%2e%2e/etc/passwd"), Refusal::DotSegment);
        assert_eq!(refused("/%2E%2E/etc/passwd"), Refusal::DotSegment);
        assert_eq!(refused("/.%2e/x"), Refusal::DotSegment);
        assert_eq!(refused("/./index.html"), Refusal::DotSegment);
    }

    #[test]
    fn encoded_slashes_and_backslashes_are_refused() {
        assert_eq!(refused("/..%2fetc%2fpasswd"), Refusal::EncodedSlash);
        assert_eq!(refused("/articles%2Fx/"), Refusal::EncodedSlash);
        assert_eq!(refused("/..%5cetc"), Refusal::EncodedSlash);
        assert_eq!(refused("/..\\etc\\passwd"), Refusal::Backslash);
    }

    #[test]
    fn nul_and_control_bytes_are_refused() {
        assert_eq!(refused("/index.html%00.css"), Refusal::ControlByte);
        assert_eq!(refused("/a%0ab"), Refusal::ControlByte);
    }

    #[test]
    fn over_long_and_malformed_paths_are_refused() {
        let long = format!("/{}", "a/".repeat(MAX_PATH));
        assert_eq!(refused(&long), Refusal::TooLong);
        assert_eq!(refused("/%ff%fe"), Refusal::Malformed);
        assert_eq!(refused("*"), Refusal::Malformed);
    }
}
