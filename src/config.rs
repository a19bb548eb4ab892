//! Site configuration: `site.yaml` at the site root.
//!
//! Read once per build; unknown keys are errors so a typo never silently
//! falls back to a default.

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::diag::Diagnostic;
use crate::yaml;

/// Name of the config file at the site root.
pub const CONFIG_FILE: &str = "site.yaml";

/// The site config, as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Site title, shown in the header and feeds.
    pub title: String,
    /// One-sentence description for `<meta>` and feeds.
    #[serde(default)]
    pub description: String,
    /// Absolute URL the site is published at; may carry a sub-path
    /// (`https://example.org/briefing/`).
    pub base_url: String,
    /// BCP 47 language tag of the content.
    #[serde(default = "default_language")]
    pub language: String,
    /// Theme folder name under `themes/`.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Articles per page of the paginated list.
    #[serde(default = "default_items_per_page")]
    pub items_per_page: usize,
    /// Author or organization named in feeds.
    #[serde(default)]
    pub author: Option<String>,
    /// Trust raw HTML in Markdown: scripts, frames, event handlers and any
    /// link scheme reach pages and feeds unchanged. Off by default, when
    /// raw HTML is sanitized; turn it on only if every contributor is
    /// trusted with the site's visitors.
    #[serde(default)]
    pub unsafe_html: bool,
    /// Publish a search page (`/search/`) with its index and a search box
    /// in every page's header. On by default.
    #[serde(default = "default_search")]
    pub search: bool,
}

fn default_search() -> bool {
    true
}

fn default_language() -> String {
    "en".to_string()
}

fn default_theme() -> String {
    "default".to_string()
}

fn default_items_per_page() -> usize {
    20
}

impl SiteConfig {
    /// Parse config text; `path` names the file in diagnostics.
    pub fn parse(text: &str, path: &Path) -> Result<SiteConfig, Diagnostic> {
        let source: Arc<str> = Arc::from(text);
        let config: SiteConfig = yaml::from_str(text).map_err(|err| {
            let help = match (&err.kind, &err.help) {
                (yaml::YamlErrorKind::UnknownField { expected, .. }, _) => format!(
                    "the keys site.yaml takes are `{}` (README.md, section \"Site config\")",
                    expected.join("`, `")
                ),
                (_, Some(help)) => help.clone(),
                _ => "see README.md, section \"Site config\", for the keys site.yaml takes".into(),
            };
            let diag =
                Diagnostic::error("config/invalid", path, err.message.clone()).with_help(help);
            match (err.line, err.column) {
                (Some(line), Some(column)) => diag.at_line_col(&source, line, column),
                _ => diag,
            }
        })?;
        config.validate(path, &source)?;
        Ok(config)
    }

    /// Read `site.yaml` from the site root.
    pub fn load(root: &Path) -> Result<SiteConfig, Diagnostic> {
        let path = root.join(CONFIG_FILE);
        let bytes = crate::sitefs::read(
            root,
            Path::new(CONFIG_FILE),
            crate::limits::CONFIG_FILE_BYTES,
        )
        .map_err(|err| {
            let help = if err.is_not_found() {
                "every site needs a site.yaml at its root (`--root` names the site folder)"
            } else {
                err.help()
            };
            Diagnostic::error(
                "config/unreadable",
                CONFIG_FILE,
                format!("cannot read {}: {err}", path.display()),
            )
            .with_help(help)
        })?;
        let text = String::from_utf8(bytes).map_err(|_| {
            Diagnostic::error(
                "config/unreadable",
                CONFIG_FILE,
                "site.yaml is not valid UTF-8",
            )
            .with_help("save site.yaml as UTF-8 in your editor")
        })?;
        SiteConfig::parse(&text, Path::new(CONFIG_FILE))
    }

    fn validate(&self, path: &Path, source: &Arc<str>) -> Result<(), Diagnostic> {
        let fail = |key: &str, message: String, help: &str| {
            let offset = source.find(&format!("{key}:")).unwrap_or(0);
            Diagnostic::error("config/invalid", path, message)
                .at(source, offset..offset + key.len())
                .with_help(help.to_string())
        };
        // Feeds and the sitemap need absolute addresses.
        if !crate::url::is_web_url(&self.base_url) {
            return Err(fail(
                "base_url",
                format!(
                    "base_url `{}` is not an absolute http(s) URL",
                    self.base_url
                ),
                "write it as https://example.org/ or https://example.org/sub/path/",
            ));
        }
        if !crate::url::is_language_tag(&self.language) {
            return Err(fail(
                "language",
                format!("language `{}` is not a language tag", self.language),
                "write a language tag such as `en`, `ko` or `en-GB`",
            ));
        }
        if self.items_per_page == 0 {
            return Err(fail(
                "items_per_page",
                "items_per_page must be at least 1".into(),
                "20 is a good default",
            ));
        }
        Ok(())
    }

    /// The base URL with exactly one trailing slash.
    pub fn base_url(&self) -> String {
        format!("{}/", self.base_url.trim_end_matches('/'))
    }

    /// The path part of the base URL (`/` or `/sub/path/`), which every
    /// internal link starts with, so the site works under a sub-path.
    pub fn base_path(&self) -> String {
        let url = self.base_url();
        let after_scheme = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
        let path = if url.starts_with('/') {
            url.as_str()
        } else {
            after_scheme.find('/').map_or("/", |i| &after_scheme[i..])
        };
        path.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<SiteConfig, Diagnostic> {
        SiteConfig::parse(text, Path::new("site.yaml"))
    }

    #[test]
    fn base_path_keeps_sub_path() {
        let config = parse("title: T\nbase_url: https://example.org/briefing\n").unwrap();
        assert_eq!(config.base_url(), "https://example.org/briefing/");
        assert_eq!(config.base_path(), "/briefing/");
        let root = parse("title: T\nbase_url: https://example.org\n").unwrap();
        assert_eq!(root.base_path(), "/");
    }

    #[test]
    fn unknown_key_is_an_error_with_a_place() {
        let err = parse("title: T\nbase_url: https://e.org/\nthme: dark\n").unwrap_err();
        assert!(
            err.message.contains("unknown field `thme`"),
            "{}",
            err.message
        );
        assert_eq!(err.line_col().0, 3);
    }

    #[test]
    fn rejects_relative_base_url() {
        let err = parse("title: T\nbase_url: example.org\n").unwrap_err();
        assert!(err.message.contains("base_url"), "{}", err.message);
    }
}
