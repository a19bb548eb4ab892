//! Reading content files: discovery with walkdir, reading with the path in
//! every error, and front matter parsing with places mapped to file lines.
//! A parsed file keeps its text and the spans of its front matter and body
//! ([`Parsed`]), so every later stage points at a line without reading the
//! file again.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use super::front_matter::{split, Split, SplitError};
use crate::diag::Diagnostic;
use crate::yaml::{self, YamlError, YamlErrorKind};
use crate::{limits, sitefs};

/// Every `*.md` file under `root/dir`, relative to `root`, sorted.
/// A missing folder is an empty registry, not an error; a symlink leading
/// outside the site is skipped (`sitefs::audit` names it once).
pub(crate) fn list_markdown(
    root: &Path,
    dir: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<PathBuf> {
    let walk = sitefs::walk(root, Path::new(dir));
    diagnostics.extend(
        walk.diagnostics
            .into_iter()
            .filter(|d| d.code != sitefs::SYMLINK_CODE),
    );
    walk.files
        .into_iter()
        .filter(|path| is_content_markdown(path))
        .map(|path| path.strip_prefix(root).unwrap_or(&path).to_path_buf())
        .collect()
}

/// Whether the file at `path` is one [`list_markdown`] lists: a `*.md`
/// file whose name does not start with a dot.
pub(crate) fn is_content_markdown(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    path.extension().is_some_and(|e| e == "md") && !hidden
}

/// Read a content file as UTF-8, inside the site and within
/// [`limits::CONTENT_FILE_BYTES`]; the error names the file.
pub(crate) fn read_source(root: &Path, relative: &Path) -> Result<Arc<str>, Diagnostic> {
    read_source_in(&sitefs::Root::open(root), relative)
}

/// [`read_source`] of a root held open for a pass over many files.
pub(crate) fn read_source_in(
    root: &sitefs::Root<'_>,
    relative: &Path,
) -> Result<Arc<str>, Diagnostic> {
    let bytes = root
        .read(relative, limits::CONTENT_FILE_BYTES)
        .map_err(|err| {
            let code = match err {
                sitefs::ReadError::TooLarge { .. } => "content/too-large",
                _ => "content/unreadable",
            };
            Diagnostic::error(code, relative, err.to_string()).with_help(err.help())
        })?;
    String::from_utf8(bytes).map(Arc::from).map_err(|err| {
        Diagnostic::error(
            "content/not-utf8",
            relative,
            format!(
                "the file is not valid UTF-8 (bad byte at offset {})",
                err.utf8_error().valid_up_to()
            ),
        )
        .with_help("save the file as UTF-8 in your editor")
    })
}

/// Parse the YAML part of a split file into `T`; every problem points at
/// its line in the whole file, with a hint.
pub(crate) fn parse_front_matter<T: DeserializeOwned>(
    relative: &Path,
    source: &Arc<str>,
    parts: &Split<'_>,
) -> Result<T, Vec<Diagnostic>> {
    yaml::from_str_all::<T>(parts.yaml, parts.yaml_line).map_err(|errors| {
        errors
            .into_iter()
            .map(|err| yaml_diagnostic(relative, source, err))
            .collect()
    })
}

/// One YAML problem (lines counted in the file) as a diagnostic: its
/// rule, its place and a hint.
fn yaml_diagnostic(relative: &Path, source: &Arc<str>, err: YamlError) -> Diagnostic {
    let code = match &err.kind {
        YamlErrorKind::Tab => "front-matter/tab",
        YamlErrorKind::Indentation => "front-matter/indentation",
        YamlErrorKind::AfterQuote => "front-matter/text-after-quote",
        YamlErrorKind::MissingColon => "front-matter/missing-colon",
        YamlErrorKind::UnknownField { .. } => "front-matter/unknown-field",
        YamlErrorKind::MissingField => "front-matter/missing-field",
        YamlErrorKind::BadValue => "front-matter/bad-date",
        YamlErrorKind::WrongType | YamlErrorKind::UnknownVariant { .. } => {
            "front-matter/wrong-type"
        }
        YamlErrorKind::Limit | YamlErrorKind::Syntax => "front-matter/yaml",
    };
    let help = help_for(&err);
    let diag = Diagnostic::error(code, relative, err.message);
    let diag = match (err.line, err.column) {
        (Some(line), Some(column)) => diag.at_line_col(source, line, column),
        // serde reports a missing field without a place: point at the fence.
        _ => diag.at(source, 0..3),
    };
    diag.with_help(help)
}

/// The hint for a YAML problem: did-you-mean over the names allowed at
/// that place, or the YAML module's own hint.
fn help_for(err: &YamlError) -> String {
    let (written, expected) = match &err.kind {
        YamlErrorKind::UnknownField { field, expected } => (field, expected),
        YamlErrorKind::UnknownVariant { value, expected } => (value, expected),
        _ => {
            return err.help.clone().unwrap_or_else(|| {
                "YAML is `key: value` lines; quote text that contains `: ` or starts with `[`, `{`, `*` or `&`".to_string()
            })
        }
    };
    let names: Vec<String> = expected.iter().map(|n| format!("`{n}`")).collect();
    let allowed = if names.is_empty() {
        "nothing is allowed here".to_string()
    } else {
        format!("the names allowed here are {}", names.join(", "))
    };
    match crate::content::suggest::closest(written, expected.iter().map(String::as_str)) {
        Some(best) if names.len() <= 8 => format!("did you mean `{best}`? ({allowed})"),
        Some(best) => format!("did you mean `{best}`?"),
        None => match &err.help {
            Some(help) => help.clone(),
            None => format!(
                "remove `{written}`, or use one of the names allowed here: {}",
                names.join(", ")
            ),
        },
    }
}

/// A content file whose front matter parsed, with its text.
#[derive(Debug, Clone)]
pub(crate) struct Parsed<T> {
    /// The file, relative to the site root.
    pub path: PathBuf,
    /// The whole file.
    pub source: Arc<str>,
    /// Byte range of the YAML between the fences.
    pub yaml: Range<usize>,
    /// Byte range of the Markdown body.
    pub body: Range<usize>,
    /// 1-based line where the body starts.
    pub body_line: usize,
    /// Typed front matter.
    pub front: T,
}

impl<T> Parsed<T> {
    /// The Markdown body.
    pub(crate) fn body_text(&self) -> &str {
        &self.source[self.body.clone()]
    }

    /// The file stem: the registry slug.
    pub(crate) fn stem(&self) -> String {
        self.path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// Byte range of the value of `key:` at the start of a line of the front
    /// matter, or of the opening fence when the key is absent.
    pub(crate) fn key_span(&self, key: &str) -> Range<usize> {
        let text = &self.source[self.yaml.clone()];
        match key_line(text, key) {
            Some(at) => {
                let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
                let value = text[at + key.len() + 1..line_end].trim();
                let start = if value.is_empty() {
                    at
                } else {
                    at + key.len() + 1 + text[at + key.len() + 1..].find(value).unwrap_or(0)
                };
                let end = if value.is_empty() {
                    at + key.len()
                } else {
                    start + value.trim_end_matches('\r').len()
                };
                self.yaml.start + start..self.yaml.start + end
            }
            None => 0..3,
        }
    }

    /// Byte range of `needle` in the front matter after the line starting
    /// with `key:`; falls back to the key itself, then to the opening fence.
    pub(crate) fn find_after_key(&self, key: &str, needle: &str) -> Range<usize> {
        let text = &self.source[self.yaml.clone()];
        let Some(at) = key_line(text, key) else {
            return 0..3;
        };
        match text[at..].find(needle).filter(|_| !needle.is_empty()) {
            Some(i) => self.yaml.start + at + i..self.yaml.start + at + i + needle.len(),
            None => self.yaml.start + at..self.yaml.start + at + key.len(),
        }
    }
}

/// Offset (in `text`) of the line that starts with `key:`.
fn key_line(text: &str, key: &str) -> Option<usize> {
    let pattern = format!("{key}:");
    text.match_indices(&pattern)
        .map(|(i, _)| i)
        .find(|&i| i == 0 || text.as_bytes()[i - 1] == b'\n')
}

/// Split one file's text and parse its front matter (the pure twin of
/// reading it); every problem as diagnostics.
pub(crate) fn parse_file<T: DeserializeOwned>(
    relative: &Path,
    source: &Arc<str>,
) -> Result<Parsed<T>, Vec<Diagnostic>> {
    let parts = split(source).map_err(|err| vec![split_diagnostic(relative, source, &err)])?;
    let front: T = parse_front_matter(relative, source, &parts)?;
    let offset = |s: &str| s.as_ptr() as usize - source.as_ptr() as usize;
    let yaml_start = offset(parts.yaml);
    let body_start = offset(parts.body);
    Ok(Parsed {
        path: relative.to_path_buf(),
        source: Arc::clone(source),
        yaml: yaml_start..yaml_start + parts.yaml.len(),
        body: body_start..body_start + parts.body.len(),
        body_line: parts.body_line,
        front,
    })
}

/// Read and parse every `*.md` in `root/dir`, in parallel, sorted by path;
/// every problem into `diagnostics`. Also gives the files that did not
/// read or parse.
pub(crate) fn read_all<T: DeserializeOwned + Send>(
    root: &Path,
    dir: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Parsed<T>>, Vec<PathBuf>) {
    let paths = list_markdown(root, dir, diagnostics);
    let site = sitefs::Root::open(root);
    let results: Vec<Result<Parsed<T>, Vec<Diagnostic>>> = paths
        .par_iter()
        .map(|relative| {
            let source = read_source_in(&site, relative).map_err(|d| vec![d])?;
            parse_file(relative, &source)
        })
        .collect();
    let mut files = Vec::with_capacity(results.len());
    let mut unparsed = Vec::new();
    for (result, path) in results.into_iter().zip(paths) {
        match result {
            Ok(file) => files.push(file),
            Err(mut errors) => {
                unparsed.push(path);
                diagnostics.append(&mut errors);
            }
        }
    }
    (files, unparsed)
}

/// The diagnostic for a file whose front matter fences are wrong.
fn split_diagnostic(relative: &Path, source: &Arc<str>, err: &SplitError) -> Diagnostic {
    Diagnostic::error("front-matter/fence", relative, err.to_string())
        .at(source, 0..source.find('\n').unwrap_or(source.len()))
        .with_help(
            "a content file starts with a line `---`, then YAML, then a line `---`, then Markdown",
        )
}

/// The diagnostic for a link that is not a web address.
pub(crate) fn bad_url(
    relative: &Path,
    source: &Arc<str>,
    span: std::ops::Range<usize>,
) -> Diagnostic {
    Diagnostic::error(
        "front-matter/bad-url",
        relative,
        "this link is not a web address",
    )
    .at(source, span)
    .with_help("write a full address starting with https:// (or http://)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front_matter::OrganizationFrontMatter;

    fn org(text: &str) -> Result<Parsed<OrganizationFrontMatter>, Vec<Diagnostic>> {
        parse_file(
            Path::new("content/organizations/krict.md"),
            &Arc::from(text),
        )
    }

    #[test]
    fn keeps_body_and_locates_keys() {
        let file =
            org("---\nname: KRICT\nkind: research\ncountry: KR\naliases: [A, B]\n---\nBody\n")
                .unwrap();
        assert_eq!(file.body_text(), "Body\n");
        assert_eq!(file.body_line, 7);
        assert_eq!(&file.source[file.key_span("name")], "KRICT");
        assert_eq!(&file.source[file.find_after_key("aliases", "B")], "B");
        assert_eq!(file.key_span("website"), 0..3);
    }

    #[test]
    fn points_inside_the_right_list() {
        let file =
            org("---\nname: sk-on news\nkind: company\ncountry: KR\naliases: [sk-on]\n---\n")
                .unwrap();
        let range = file.find_after_key("aliases", "sk-on");
        assert_eq!(&file.source[range.clone()], "sk-on");
        assert!(range.start > file.source.find("aliases").unwrap());
    }

    #[test]
    fn unparsable_files_are_diagnosed() {
        let errors = org("---\nname: [\n---\n").unwrap_err();
        assert_eq!(errors[0].path, Path::new("content/organizations/krict.md"));
    }
}
