//! Articles: `content/articles/<date>-<slug>.md` parsed and validated.
//!
//! Takes a file's text and the registries; gives back an [`Article`] whose
//! every field is final, or every problem found in the file as
//! diagnostics. The body is not held: the article says where it is in the
//! file ([`Body`]), and it is read and rendered again where it is shown.

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use super::evidence::EntityKind;
use super::front_matter::{ArticleFrontMatter, DateBasis};
use super::source::{bad_url, parse_file, Parsed};
use super::suggest::Names;
use crate::diag::Diagnostic;
use crate::url::{is_language_tag, is_slug, is_web_url};

/// Registry entries an article may reference, by every name they go by
/// (for suggestions).
pub(crate) struct KnownSlugs<'a> {
    /// Organizations.
    pub(crate) organizations: &'a Names,
    /// Topics.
    pub(crate) topics: &'a Names,
}

/// A validated article, ready to render.
#[derive(Debug, Clone)]
pub(crate) struct Article {
    /// URL slug: the file stem without its date prefix.
    pub slug: String,
    /// The file, relative to the site root.
    pub path: std::path::PathBuf,
    /// Front matter as written.
    pub front: ArticleFrontMatter,
    /// Where the Markdown body is in the file.
    pub body: Body,
    /// Words in the body, for reading time.
    pub word_count: usize,
    /// The whole file as the article was built from it, when the build
    /// holds it (`limits::HELD_ARTICLE_BYTES`): its body's first use
    /// takes it from here instead of reading the file again.
    pub text: HeldText,
}

/// An article file's text held for its body's first use, which takes it
/// (a build renders each body once): its memory then serves the rest of
/// the build, and any later use reads the file again.
#[derive(Debug, Default)]
pub(crate) struct HeldText(Mutex<Option<Arc<str>>>);

impl HeldText {
    /// `text`, held.
    pub(crate) fn new(text: Arc<str>) -> HeldText {
        HeldText(Mutex::new(Some(text)))
    }

    /// The text, no longer held; `None` when none is (any more).
    pub(crate) fn take(&self) -> Option<Arc<str>> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).take()
    }

    /// Whether a text is held.
    #[cfg(test)]
    pub(crate) fn is_held(&self) -> bool {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    }
}

impl Clone for HeldText {
    fn clone(&self) -> HeldText {
        let held = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        HeldText(Mutex::new(held.clone()))
    }
}

/// Where an article's Markdown body sits in its file, and a hash of it.
/// Bodies are read again where they are used (the article's own page, the
/// site feed, search), one at a time, so a site's text is never all held
/// (a build holds a bounded part of it: [`Article::text`]);
/// the hash tells that the file still holds the body the article was
/// loaded with ([`super::library::Library::markdown_of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Body {
    /// Byte offset in the file (the body runs to its end).
    pub start: usize,
    /// Length in bytes.
    pub len: usize,
    /// [`Body::hash_of`] the body's text.
    pub hash: u64,
}

impl Body {
    /// The body at `range` of `source`.
    pub(crate) fn new(source: &str, range: std::ops::Range<usize>) -> Body {
        Body {
            start: range.start,
            len: range.len(),
            hash: Body::hash_of(&source[range]),
        }
    }

    /// A quick hash of a body's text, the same in every run of one
    /// program (fixed keys): it tells a body that changed on disk from
    /// the one loaded, not an attacker's text (nothing is keyed by it).
    pub(crate) fn hash_of(text: &str) -> u64 {
        ahash::RandomState::with_seeds(0x6272_6965, 0x6669_6e67, 0x626f_6479, 0x7465_7874)
            .hash_one(text)
    }

    /// Whether two bodies hold the same text (wherever in their files).
    pub(crate) fn same_text(&self, other: &Body) -> bool {
        self.len == other.len && self.hash == other.hash
    }
}

/// An article file's front matter from its text, every problem a
/// diagnostic placed in the file (the pure twin of reading it; tests and
/// tools).
pub fn front_matter_of(
    relative: &Path,
    source: &Arc<str>,
) -> Result<ArticleFrontMatter, Vec<Diagnostic>> {
    parse_file(relative, source).map(|file| file.front)
}

/// Parse and validate one article file's text (the pure twin of reading it).
pub(crate) fn parse_article(
    relative: &Path,
    source: &Arc<str>,
    known: &KnownSlugs<'_>,
) -> Result<Article, Vec<Diagnostic>> {
    validate_article(parse_file(relative, source)?, known)
}

/// Validate one parsed article file (references, slug, URL) and count
/// its body's words. The article takes the file's front matter and path
/// as they are: a copy of every string of it, per article, was a tenth
/// of loading one.
pub(crate) fn validate_article(
    file: Parsed<ArticleFrontMatter>,
    known: &KnownSlugs<'_>,
) -> Result<Article, Vec<Diagnostic>> {
    let slug = slug_from_path(&file.path);
    check_article(&file, &slug, known)?;
    let body = Body::new(&file.source, file.body.clone());
    let word_count = count_words(file.body_text());
    Ok(Article {
        slug,
        path: file.path,
        front: file.front,
        body,
        word_count,
        text: HeldText::default(),
    })
}

/// Every problem of one parsed article file whose slug is `slug`.
fn check_article(
    file: &Parsed<ArticleFrontMatter>,
    slug: &str,
    known: &KnownSlugs<'_>,
) -> Result<(), Vec<Diagnostic>> {
    let (relative, source, front) = (file.path.as_path(), &file.source, &file.front);
    let mut errors = Vec::new();
    let point_at = |needle: &str, after_key: &str| file.find_after_key(after_key, needle);
    if front.title.trim().is_empty() {
        errors.push(
            Diagnostic::error("article/empty-title", relative, "the title is empty")
                .at(source, point_at("title", "title"))
                .with_help("write the article's headline after `title:`"),
        );
    }
    check_date(relative, source, front, &point_at, &mut errors);
    if let Some(tag) = front.language.as_deref().filter(|t| !is_language_tag(t)) {
        errors.push(
            Diagnostic::error(
                "article/bad-language",
                relative,
                format!("language `{tag}` is not a language tag"),
            )
            .at(source, point_at(tag, "language"))
            .with_help("write a language tag such as `ko` or `en`, or delete the line if the text is in the site's language"),
        );
    }
    for figure in front.figures.iter().filter(|f| !f.value.is_finite()) {
        errors.push(
            Diagnostic::error(
                "article/bad-figure",
                relative,
                format!("the value of figure `{}` is not a number", figure.text),
            )
            .at(source, point_at(&figure.text, "figures"))
            .with_help("write the figure's value as a plain number, e.g. `value: 5.0e13` (`.nan` and `.inf` are not amounts)"),
        );
    }
    if let Some(url) = front.source.url.as_deref().filter(|u| !is_web_url(u)) {
        errors.push(bad_url(relative, source, point_at(url, "source")));
    }
    if !is_slug(slug) {
        errors.push(
            Diagnostic::error(
                "content/bad-slug",
                relative,
                format!("`{slug}` is not a valid article slug"),
            )
            .with_help(
                "name article files `YYYY-MM-DD-words-joined-by-hyphens.md` in lowercase ASCII",
            ),
        );
    }
    check_references(
        relative,
        source,
        &front.topics,
        known.topics,
        EntityKind::Topic,
        &point_at,
        &mut errors,
    );
    check_references(
        relative,
        source,
        &front.organizations,
        known.organizations,
        EntityKind::Organization,
        &point_at,
        &mut errors,
    );
    for person in &front.people {
        if let Some(org) = &person.organization {
            if !known.organizations.contains(org) {
                errors.push(unknown_reference(
                    relative,
                    source,
                    point_at(org, "people"),
                    org,
                    known.organizations,
                    EntityKind::Organization,
                ));
            }
        }
    }
    check_about(relative, source, front, &point_at, &mut errors);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Words of `text`, as `split_whitespace` counts them (runs of
/// non-whitespace), in one pass over its bytes, eight at a time where they
/// are ASCII (most of a body), else byte by byte: a byte's class (table
/// below) says whether it starts a word, ends one or continues a
/// character; only the four lead bytes that can begin a non-ASCII space
/// decode their character.
fn count_words(text: &str) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let bytes = text.as_bytes();
    let mut count = Count::default();
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if x & HIGH == 0 {
            // Each byte below 0x80, so no sum carries into the next byte:
            // its top bit says `byte >= 9`, `byte >= 14`, `byte != b' '`.
            let from_tab = x + ONES * (0x80 - 0x09);
            let past_return = x + ONES * (0x80 - 0x0E);
            let not_blank = (x ^ (ONES * 0x20)) + ONES * 0x7F;
            let space = ((from_tab & !past_return) | !not_blank) & HIGH;
            // A word starts at a byte that is no space after one that is
            // (little-endian: the byte before is eight bits lower).
            let after_space = (space << 8) | (u64::from(!count.in_word) << 7);
            count.words += (!space & HIGH & after_space).count_ones() as usize;
            count.in_word = space >> 63 == 0;
        } else {
            for (i, &b) in chunk.iter().enumerate() {
                count.byte(text, at + i, b);
            }
        }
        at += 8;
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        count.byte(text, at + i, b);
    }
    count.words
}

/// [`count_words`] so far.
#[derive(Default)]
struct Count {
    words: usize,
    in_word: bool,
}

impl Count {
    /// Take byte `b`, at `i` in `text`.
    fn byte(&mut self, text: &str, i: usize, b: u8) {
        let class = match BYTE_CLASS[usize::from(b)] {
            // A lead byte is a character's first: `i` is on a boundary.
            MAYBE_SPACE if text[i..].starts_with(char::is_whitespace) => SPACE,
            MAYBE_SPACE => WORD,
            class => class,
        };
        let (word, space) = (class == WORD, class == SPACE);
        self.words += usize::from(word && !self.in_word);
        self.in_word = (self.in_word || word) && !space;
    }
}

/// A byte that is (part of) a character other than whitespace.
const WORD: u8 = 0;
/// An ASCII whitespace byte.
const SPACE: u8 = 1;
/// A UTF-8 continuation byte: its character's lead byte decided.
const CONTINUATION: u8 = 2;
/// A lead byte of U+0080–U+00BF or U+1000–U+3FFF, where the non-ASCII
/// whitespace characters are.
const MAYBE_SPACE: u8 = 3;

const BYTE_CLASS: [u8; 256] = {
    let mut table = [WORD; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b' ' | b'\t'..=b'\r' => SPACE,
            0x80..=0xBF => CONTINUATION,
            0xC2 | 0xE1..=0xE3 => MAYBE_SPACE,
            _ => WORD,
        };
        b += 1;
    }
    table
};

/// A figure's or event's `about` names only what the article lists, so
/// entity pages (indexed by those lists) can show it.
fn check_about(
    relative: &Path,
    source: &Arc<str>,
    front: &ArticleFrontMatter,
    point_at: &impl Fn(&str, &str) -> std::ops::Range<usize>,
    errors: &mut Vec<Diagnostic>,
) {
    let figures = front.figures.iter().map(|f| ("figures", &f.text, &f.about));
    let events = front.events.iter().map(|e| ("events", &e.title, &e.about));
    for (key, fact, about) in figures.chain(events) {
        let Some(about) = about else { continue };
        let lists = [
            ("organizations", &about.organizations, &front.organizations),
            ("places", &about.places, &front.places),
            ("topics", &about.topics, &front.topics),
        ];
        for (list, named, listed) in lists {
            for name in named.iter().filter(|n| !listed.contains(n)) {
                errors.push(
                    Diagnostic::error(
                        "article/about-not-listed",
                        relative,
                        format!("`{fact}` is about `{name}`, which the article's `{list}:` does not list"),
                    )
                    .at(source, point_at(name, key))
                    .with_help(format!("add `{name}` to `{list}:`, or remove it from this `about:`")),
                );
            }
        }
    }
}

/// A date, or an honest `date_basis: unknown` with the day the article
/// came to the site (feeds need a time, and the build's clock is not one).
fn check_date(
    relative: &Path,
    source: &Arc<str>,
    front: &ArticleFrontMatter,
    point_at: &impl Fn(&str, &str) -> std::ops::Range<usize>,
    errors: &mut Vec<Diagnostic>,
) {
    let unknown = front.date_basis == DateBasis::Unknown;
    let problem = match (front.date, unknown) {
        (None, false) => Some((
            point_at("title", "title"),
            "the article has no `date`",
            "add `date: YYYY-MM-DD` (or `YYYY-MM` / `YYYY`); if no one can tell when it was published, write `date_basis: unknown` and `ingested: YYYY-MM-DD` (the day it came to the site) instead",
        )),
        (Some(_), true) => Some((
            point_at("unknown", "date_basis"),
            "`date_basis: unknown` but the article has a `date`",
            "remove `date_basis: unknown` if the date is stated, or write `date_basis: inferred` with a `date_reason` if it was guessed",
        )),
        (None, true) if front.ingested.is_none() && front.updated.is_none() => Some((
            point_at("unknown", "date_basis"),
            "an undated article needs `ingested: YYYY-MM-DD`",
            "add `ingested:` with the day the article came to the site: feeds list it by that day",
        )),
        _ => None,
    };
    if let Some((span, message, help)) = problem {
        errors.push(
            Diagnostic::error("article/date", relative, message)
                .at(source, span)
                .with_help(help),
        );
    }
}

/// The URL slug of an article file: its stem without a leading
/// `YYYY-MM-DD-`, `YYYY-MM-` or `YYYY-` date.
pub fn slug_from_path(relative: &Path) -> String {
    let stem = relative
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Longest date prefix first; keep the whole stem if nothing would remain.
    for shape in ["dddd-dd-dd-", "dddd-dd-", "dddd-"] {
        let matches = stem.len() > shape.len()
            && stem.bytes().zip(shape.bytes()).all(|(c, s)| {
                if s == b'd' {
                    c.is_ascii_digit()
                } else {
                    c == s
                }
            });
        if matches && stem[shape.len()..].bytes().any(|b| b.is_ascii_alphabetic()) {
            return stem[shape.len()..].to_string();
        }
    }
    stem
}

/// The date an article's file name starts with (`2024-03-11`, `2024-03`,
/// `2024`), the part [`slug_from_path`] leaves out.
pub(crate) fn date_from_path(relative: &Path) -> Option<String> {
    let stem = relative.file_stem()?.to_string_lossy().into_owned();
    let slug = slug_from_path(relative);
    (slug.len() < stem.len()).then(|| stem[..stem.len() - slug.len() - 1].to_string())
}

fn check_references(
    relative: &Path,
    source: &Arc<str>,
    values: &[String],
    known: &Names,
    kind: EntityKind,
    point_at: &dyn Fn(&str, &str) -> std::ops::Range<usize>,
    errors: &mut Vec<Diagnostic>,
) {
    let mut seen = HashSet::new();
    for value in values {
        if !known.contains(value) {
            errors.push(unknown_reference(
                relative,
                source,
                point_at(value, kind.plural()),
                value,
                known,
                kind,
            ));
        } else if !seen.insert(value.as_str()) {
            errors.push(
                Diagnostic::error(
                    "article/duplicate-reference",
                    relative,
                    format!("{} `{value}` is listed twice", kind.noun()),
                )
                .at(source, point_at(value, kind.plural()))
                .with_help("remove the second entry"),
            );
        }
    }
}

fn unknown_reference(
    relative: &Path,
    source: &Arc<str>,
    span: std::ops::Range<usize>,
    value: &str,
    known: &Names,
    kind: EntityKind,
) -> Diagnostic {
    let (noun, folder) = (kind.noun(), kind.plural());
    let help = known.help(value, || {
        format!("add `content/{folder}/{value}.md` to the registry, or use an existing slug")
    });
    Diagnostic::error(
        match kind {
            EntityKind::Topic => "article/unknown-topic",
            EntityKind::Organization => "article/unknown-organization",
            EntityKind::Place => "article/unknown-place",
        },
        relative,
        format!("unknown {noun} `{value}`: there is no content/{folder}/{value}.md"),
    )
    .at(source, span)
    .with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for text in [
            "",
            "  ",
            "one",
            " two  words ",
            "tab\tnew\nline\x0bvertical\x0cfeed\rreturn",
            "no\u{a0}break\u{2003}em\u{3000}ideographic\u{85}next",
            "한국 배터리\u{200b}zero-width is no space",
            "\x1c\x1d\x1e\x1f separators are words",
        ] {
            assert_eq!(
                count_words(text),
                text.split_whitespace().count(),
                "{text:?}"
            );
        }
    }

    /// Every character whose lead byte may begin a non-ASCII space, between
    /// words and alone.
    #[test]
    fn every_character_near_the_spaces_is_counted_as_split_whitespace_counts_it() {
        let near = ('\u{80}'..='\u{bf}').chain('\u{1000}'..='\u{3fff}');
        for c in near {
            for text in [format!("a{c}b"), format!("{c}"), format!(" {c} x{c}")] {
                assert_eq!(count_words(&text), text.split_whitespace().count(), "{c:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_counted_as_split_whitespace_counts_it(text in "(\\PC|\\s){0,40}") {
            proptest::prop_assert_eq!(count_words(&text), text.split_whitespace().count());
        }

        /// Mostly ASCII, long enough for several eight-byte steps, with
        /// every ASCII space and control byte and a few wider characters.
        #[test]
        fn long_ascii_text_is_counted_as_split_whitespace_counts_it(
            text in "([ -~]|[\\x00-\\x20]|[\\u{85}\\u{a0}\\u{3000}é한]){0,120}"
        ) {
            proptest::prop_assert_eq!(count_words(&text), text.split_whitespace().count());
        }
    }

    #[test]
    fn slug_drops_the_date_prefix() {
        assert_eq!(
            slug_from_path(Path::new("a/2023-06-02-kistep-forum.md")),
            "kistep-forum"
        );
        assert_eq!(
            slug_from_path(Path::new("a/2026-02-krict-forum.md")),
            "krict-forum"
        );
        assert_eq!(slug_from_path(Path::new("a/plain.md")), "plain");
        assert_eq!(slug_from_path(Path::new("a/2023-06-02.md")), "2023-06-02");
    }
}
