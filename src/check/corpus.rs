//! Check stage, input side: every content file read once, with its text.
//!
//! Takes the site root; gives back each article and registry entry whose
//! front matter parses, keeping the file text so the checks can point at
//! the exact line. Files that do not parse are skipped here: `build::load`
//! already reports them, and the checks below still run on everything else.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::content::front_matter::{
    split, ArticleFrontMatter, OrganizationFrontMatter, PlaceFrontMatter, TopicFrontMatter,
};
use crate::content::source::{list_markdown, read_source};

/// A content file whose front matter parsed, with its text.
#[derive(Debug, Clone)]
pub(crate) struct Parsed<T> {
    /// The file, relative to the site root.
    pub(crate) path: PathBuf,
    /// The whole file.
    pub(crate) source: Arc<str>,
    /// Byte range of the YAML between the fences.
    pub(crate) yaml: Range<usize>,
    /// Byte range of the Markdown body.
    pub(crate) body: Range<usize>,
    /// Typed front matter.
    pub(crate) front: T,
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
}

/// Everything the checks read.
#[derive(Debug, Default)]
pub(crate) struct Corpus {
    /// `content/articles/`, sorted by path (drafts included).
    pub(crate) articles: Vec<Parsed<ArticleFrontMatter>>,
    /// `content/organizations/`, sorted by path.
    pub(crate) organizations: Vec<Parsed<OrganizationFrontMatter>>,
    /// `content/topics/`, sorted by path.
    pub(crate) topics: Vec<Parsed<TopicFrontMatter>>,
    /// `content/places/`, sorted by path.
    pub(crate) places: Vec<Parsed<PlaceFrontMatter>>,
    /// Articles that could not be read or parsed: what they mention is
    /// unknown, so "nothing mentions this entry" cannot be claimed.
    pub(crate) unparsed_articles: usize,
}

impl Corpus {
    /// Read every article and registry file under `root`.
    pub(crate) fn read(root: &Path) -> Corpus {
        let (articles, unparsed_articles) = read_all(root, "content/articles");
        Corpus {
            articles,
            organizations: read_all(root, "content/organizations").0,
            topics: read_all(root, "content/topics").0,
            places: read_all(root, "content/places").0,
            unparsed_articles,
        }
    }
}

/// The files of `dir` that parse, and how many did not.
fn read_all<T: DeserializeOwned + Send>(root: &Path, dir: &str) -> (Vec<Parsed<T>>, usize) {
    // Listing errors are reported by `build::load`; here they only shrink
    // what is checked.
    let paths = list_markdown(root, dir, &mut Vec::new());
    let parsed: Vec<Parsed<T>> = paths
        .par_iter()
        .filter_map(|relative| {
            let source = read_source(root, relative).ok()?;
            parse(relative, &source)
        })
        .collect();
    let unparsed = paths.len() - parsed.len();
    (parsed, unparsed)
}

/// Parse one file's text (the pure twin of reading it); `None` when it does
/// not split or its front matter does not parse.
pub(crate) fn parse<T: DeserializeOwned>(relative: &Path, source: &Arc<str>) -> Option<Parsed<T>> {
    let parts = split(source).ok()?;
    let front: T = crate::yaml::from_str(parts.yaml).ok()?;
    let offset = |s: &str| s.as_ptr() as usize - source.as_ptr() as usize;
    let yaml_start = offset(parts.yaml);
    let body_start = offset(parts.body);
    Some(Parsed {
        path: relative.to_path_buf(),
        source: Arc::clone(source),
        yaml: yaml_start..yaml_start + parts.yaml.len(),
        body: body_start..body_start + parts.body.len(),
        front,
    })
}

/// Byte range of the value of `key:` at the start of a line of the front
/// matter, or of the opening fence when the key is absent.
pub(crate) fn key_span<T>(file: &Parsed<T>, key: &str) -> Range<usize> {
    let text = &file.source[file.yaml.clone()];
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
            file.yaml.start + start..file.yaml.start + end
        }
        None => 0..3,
    }
}

/// Byte range of `needle` in the front matter after the line starting with
/// `key:`; falls back to the key itself, then to the opening fence.
pub(crate) fn find_after_key<T>(file: &Parsed<T>, key: &str, needle: &str) -> Range<usize> {
    let text = &file.source[file.yaml.clone()];
    let Some(at) = key_line(text, key) else {
        return 0..3;
    };
    match text[at..].find(needle).filter(|_| !needle.is_empty()) {
        Some(i) => file.yaml.start + at + i..file.yaml.start + at + i + needle.len(),
        None => file.yaml.start + at..file.yaml.start + at + key.len(),
    }
}

/// Offset (in `text`) of the line that starts with `key:`.
fn key_line(text: &str, key: &str) -> Option<usize> {
    let pattern = format!("{key}:");
    text.match_indices(&pattern)
        .map(|(i, _)| i)
        .find(|&i| i == 0 || text.as_bytes()[i - 1] == b'\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(text: &str) -> Parsed<OrganizationFrontMatter> {
        let source: Arc<str> = Arc::from(text);
        parse(Path::new("content/organizations/krict.md"), &source).unwrap()
    }

    #[test]
    fn keeps_body_and_locates_keys() {
        let file =
            org("---\nname: KRICT\nkind: research\ncountry: KR\naliases: [A, B]\n---\nBody\n");
        assert_eq!(file.body_text(), "Body\n");
        assert_eq!(&file.source[key_span(&file, "name")], "KRICT");
        assert_eq!(&file.source[find_after_key(&file, "aliases", "B")], "B");
        assert_eq!(key_span(&file, "website"), 0..3);
    }

    #[test]
    fn unparsable_files_are_skipped() {
        let source: Arc<str> = Arc::from("---\nname: [\n---\n");
        assert!(parse::<OrganizationFrontMatter>(Path::new("x.md"), &source).is_none());
    }
}
