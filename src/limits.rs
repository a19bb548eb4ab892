//! Limits on what one input may cost: every bound on hostile or mistaken
//! input, in one place, each listed in README.md ("Limits").
//!
//! A file over a limit is an error naming the file and the limit; work
//! over a limit (highlighting, near-duplicate findings) falls back to a
//! cheaper form with a warning.

/// A Markdown content file: an article, a registry entry or a page.
pub(crate) const CONTENT_FILE_BYTES: u64 = 1024 * 1024;

/// `site.yaml`.
pub(crate) const CONFIG_FILE_BYTES: u64 = 64 * 1024;

/// A template file.
pub(crate) const TEMPLATE_FILE_BYTES: u64 = 1024 * 1024;

/// A static file copied into the site (images, fonts, CSS).
pub(crate) const STATIC_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The ingest manifest (`content/articles/.ingest.lock`).
pub(crate) const MANIFEST_BYTES: u64 = 16 * 1024 * 1024;

/// One file of the build's cache between runs (`.briefing-cache/`); a
/// larger one is ignored, and the build works it all out again.
pub(crate) const CACHE_FILE_BYTES: u64 = 1024 * 1024 * 1024;

/// The build's cache of rendered article bodies (`.briefing-cache/bodies`,
/// some 15 KiB an article): a build whose bodies would take more keeps
/// none, with a warning, and later builds render every body again.
pub(crate) const CACHE_PACK_BYTES: u64 = 4 * 1024 * 1024 * 1024;

/// Article files a build holds in memory from its first read of them (its
/// fingerprint) to the rendering of their bodies, instead of reading each
/// twice more; the rest are read again where needed. All of a
/// 10,000-article site's (some 90 MB), a tenth of one ten times larger.
pub(crate) const HELD_ARTICLE_BYTES: u64 = 96 * 1024 * 1024;

/// Nesting of YAML flow collections (`[…]`, `{…}`) in front matter,
/// registries and `site.yaml`.
pub(crate) const YAML_DEPTH: usize = 32;

/// YAML aliases (`*name`) in one YAML document.
pub(crate) const YAML_ALIASES: usize = 64;

/// One fenced code block that is highlighted; a longer one is shown as
/// plain text (highlighting multiplies its size by about 80).
pub(crate) const HIGHLIGHT_BYTES: usize = 64 * 1024;

/// One rendered page or feed. Content files are bounded, so only a
/// pathological mix of them (or a template loop) gets here.
pub(crate) const PAGE_BYTES: u64 = 32 * 1024 * 1024;
