//! Templates: Tera 2, loaded from the theme, then the site's own
//! `templates/` (overriding by name), with the default theme built into the
//! binary as the fallback for any template a theme leaves out.
//!
//! Template errors become diagnostics naming the template file and line.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tera::{ErrorKind, Tera};

use super::folded;
use super::unescaped::is_unescaped;
use crate::diag::Diagnostic;

/// The default theme's templates, compiled in as fallbacks.
const BUILTIN: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../../themes/default/templates/base.html"),
    ),
    (
        "partials/card.html",
        include_str!("../../themes/default/templates/partials/card.html"),
    ),
    (
        "partials/event.html",
        include_str!("../../themes/default/templates/partials/event.html"),
    ),
    (
        "partials/figure.html",
        include_str!("../../themes/default/templates/partials/figure.html"),
    ),
    (
        "partials/pagination.html",
        include_str!("../../themes/default/templates/partials/pagination.html"),
    ),
    (
        "index.html",
        include_str!("../../themes/default/templates/index.html"),
    ),
    (
        "article.html",
        include_str!("../../themes/default/templates/article.html"),
    ),
    (
        "articles.html",
        include_str!("../../themes/default/templates/articles.html"),
    ),
    (
        "entity.html",
        include_str!("../../themes/default/templates/entity.html"),
    ),
    (
        "entities.html",
        include_str!("../../themes/default/templates/entities.html"),
    ),
    (
        "timeline.html",
        include_str!("../../themes/default/templates/timeline.html"),
    ),
    (
        "page.html",
        include_str!("../../themes/default/templates/page.html"),
    ),
    (
        "search.html",
        include_str!("../../themes/default/templates/search.html"),
    ),
    (
        "404.html",
        include_str!("../../themes/default/templates/404.html"),
    ),
];

/// The templates that show the site's article count by design: home's and
/// the archive's (`render::depends::Overview` re-renders them when it changes).
const COUNT_PAGES: [&str; 2] = ["index.html", "articles.html"];

/// Loaded templates plus where each came from, for error messages.
pub(crate) struct Templates {
    /// The Tera instance, shared read-only by the render threads.
    pub tera: Tera,
    /// Template name → file it was loaded from (site-root relative) and its text.
    sources: Vec<(String, PathBuf, Arc<str>)>,
}

impl Templates {
    /// Load `themes/<theme>/templates`, then `templates/` of the site.
    pub(crate) fn load(root: &Path, theme: &str) -> Result<Templates, Vec<Diagnostic>> {
        let theme_dir = root.join("themes").join(theme);
        if !theme_dir.is_dir() {
            let diagnostic = Diagnostic::error(
                "theme/missing",
                "site.yaml",
                format!("the theme `{theme}` does not exist: there is no folder themes/{theme}/"),
            )
            .with_help(available_themes_hint(root));
            return Err(vec![at_theme_key(root, diagnostic)]);
        }
        let mut files: Vec<(String, PathBuf)> = Vec::new();
        for dir in [theme_dir.join("templates"), root.join("templates")] {
            collect_files(root, &dir, &mut files);
        }
        let mut sources: Vec<(String, PathBuf, Arc<str>)> = BUILTIN
            .iter()
            .map(|(name, text)| {
                (
                    name.to_string(),
                    PathBuf::from(format!("<built-in>/{name}")),
                    Arc::from(*text),
                )
            })
            .collect();
        let mut diagnostics = Vec::new();
        for (name, relative) in files {
            let read = crate::sitefs::read(root, &relative, crate::limits::TEMPLATE_FILE_BYTES)
                .map_err(|err| (err.to_string(), err.help()))
                .and_then(|bytes| {
                    String::from_utf8(bytes)
                        .map_err(|_| ("the file is not valid UTF-8".into(), "save it as UTF-8"))
                });
            match read {
                Ok(text) => {
                    sources.retain(|(n, _, _)| *n != name);
                    sources.push((name, relative, Arc::from(text)));
                }
                Err((err, help)) => diagnostics.push(
                    Diagnostic::error(
                        "template/unreadable",
                        relative,
                        format!("cannot read template: {err}"),
                    )
                    .with_help(help),
                ),
            }
        }
        if !diagnostics.is_empty() {
            return Err(diagnostics);
        }
        let mut templates = Templates {
            tera: configured(),
            sources,
        };
        templates.compile()?;
        Ok(templates)
    }

    /// These templates with the values of `site` that are the same on
    /// every page written in (see [`super::folded`]); `None` when nothing
    /// may be folded. Errors are for the unfolded templates to report.
    pub(crate) fn folded(&self, site: &tera::Value) -> Option<Tera> {
        if !folded::may_fold(self.sources.iter().map(|(_, _, text)| &**text)) {
            return None;
        }
        let mut values: Vec<(String, Option<String>)> = Vec::new();
        let mut value = |field: &str| {
            if let Some((_, known)) = values.iter().find(|(f, _)| f == field) {
                return known.clone();
            }
            let known = folded::folded_value(site, field);
            values.push((field.to_string(), known.clone()));
            known
        };
        let texts: Vec<(&str, String)> = self
            .sources
            .iter()
            .map(|(name, _, text)| (name.as_str(), folded::fold(text, &mut value)))
            .collect();
        let mut tera = configured();
        tera.add_raw_templates(texts).ok()?;
        Some(tera)
    }

    fn compile(&mut self) -> Result<(), Vec<Diagnostic>> {
        // Add one by one first so a syntax error names its own file; then
        // all together so inheritance is checked.
        let mut diagnostics = Vec::new();
        for (name, _, text) in &self.sources {
            let mut probe = Tera::new();
            // Only syntax errors: the probe has no parents for `extends`.
            if let Err(err) = probe.add_raw_template(name, text) {
                if matches!(err.kind(), ErrorKind::SyntaxError(_)) {
                    diagnostics.push(self.diagnostic(&err, Some(name)));
                }
            }
        }
        if !diagnostics.is_empty() {
            return Err(diagnostics);
        }
        let all: Vec<(&str, &str)> = self
            .sources
            .iter()
            .map(|(n, _, t)| (n.as_str(), &**t))
            .collect();
        self.tera
            .add_raw_templates(all)
            .map_err(|err| vec![self.diagnostic(&err, None)])
    }

    /// The file template `name` was loaded from (site-root relative) and its
    /// text; `None` for a built-in fallback.
    pub(crate) fn file(&self, name: &str) -> Option<(&Path, &Arc<str>)> {
        self.sources
            .iter()
            .find(|(n, path, _)| n == name && !path.starts_with("<built-in>"))
            .map(|(_, path, text)| (path.as_path(), text))
    }

    /// Whether another template names `name` in quotes (`extends`,
    /// `include`, `import`): then a change to it may reach any page.
    pub(crate) fn is_used_by_others(&self, name: &str) -> bool {
        let quoted = [format!("\"{name}\""), format!("'{name}'")];
        self.sources
            .iter()
            .any(|(n, _, text)| n != name && quoted.iter().any(|q| text.contains(q.as_str())))
    }

    /// Whether a template other than home's and the archive's mentions
    /// `site.article_count` (a theme whose footer shows it): then every
    /// page changes with the count. Read from the text, so a mention
    /// anywhere (a comment, a partial) counts: a false yes only costs a
    /// rebuild its shortcut.
    pub(crate) fn count_on_every_page(&self) -> bool {
        self.sources.iter().any(|(name, _, text)| {
            !COUNT_PAGES.contains(&name.as_str()) && text.contains("site.article_count")
        })
    }

    /// Turn a Tera error into a diagnostic at the template's file and line.
    pub(crate) fn diagnostic(&self, err: &tera::Error, template: Option<&str>) -> Diagnostic {
        let (report, code) = match err.kind() {
            ErrorKind::SyntaxError(report) => (Some(report), "template/syntax"),
            ErrorKind::RenderingError(report) => (Some(report), "template/render"),
            _ => (None, "template/error"),
        };
        let name = report
            .map(|r| r.filename().to_string())
            .filter(|n| !n.is_empty())
            .or(template.map(str::to_string));
        let found = name
            .as_deref()
            .and_then(|n| self.sources.iter().find(|(s, _, _)| s == n));
        let message = match report {
            Some(report) => report.message().to_string(),
            None => error_chain(err),
        };
        let help = if message.contains("not defined") || message.contains("undefined") {
            "the variable does not exist in this template's context; see README.md, section \"Templates\", for the keys each page gets, or guard it with `{% if x is defined %}`"
        } else if code == "template/syntax" {
            "check the tag's spelling and that every `{% if %}`, `{% for %}` and `{% block %}` is closed"
        } else {
            "see README.md, section \"Templates\""
        };
        let Some((_, path, text)) = found else {
            return Diagnostic::error(code, PathBuf::from("templates"), message).with_help(help);
        };
        let mut diag = Diagnostic::error(code, path.clone(), message).with_help(help);
        if let Some(report) = report {
            let span = report.span();
            diag = diag.at_line_col(text, span.start_line, span.start_col + 1);
            let start = diag.span.start;
            let end = if span.range.end > span.range.start && span.range.end <= text.len() {
                span.range.end
            } else {
                diag.span.end
            };
            diag = diag.at(text, start..end.max(start));
        }
        diag
    }
}

/// Point at the `theme:` line of site.yaml, or its first line when the
/// default theme is implied.
fn at_theme_key(root: &Path, diagnostic: Diagnostic) -> Diagnostic {
    let Ok(bytes) = crate::sitefs::read(
        root,
        Path::new(crate::config::CONFIG_FILE),
        crate::limits::CONFIG_FILE_BYTES,
    ) else {
        return diagnostic;
    };
    let source: Arc<str> = Arc::from(String::from_utf8_lossy(&bytes));
    let line_start = source
        .match_indices("theme:")
        .map(|(i, _)| i)
        .find(|&i| i == 0 || source.as_bytes()[i - 1] == b'\n');
    match line_start {
        Some(start) => {
            let end = source[start..]
                .find('\n')
                .map_or(source.len(), |n| start + n);
            diagnostic.at(&source, start..end)
        }
        None => diagnostic.at_line_col(&source, 1, 1),
    }
}

fn error_chain(err: &tera::Error) -> String {
    let mut message = err.to_string();
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

fn collect_files(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) {
    if !dir.is_dir() {
        return;
    }
    // Links out of the site are skipped here and named by `sitefs::audit`.
    // `walk` takes a folder of the site, relative to it (a relative root
    // would otherwise be joined twice).
    let inside = dir.strip_prefix(root).unwrap_or(dir);
    let mut found: Vec<(String, PathBuf)> = crate::sitefs::walk(root, inside)
        .files
        .into_iter()
        .filter(|path| {
            matches!(
                path.extension().and_then(|x| x.to_str()),
                Some("html" | "xml" | "txt")
            )
        })
        .map(|path| {
            let name = path
                .strip_prefix(dir)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            (name, path.strip_prefix(root).unwrap_or(&path).to_path_buf())
        })
        .collect();
    found.sort();
    files.extend(found);
}

fn available_themes_hint(root: &Path) -> String {
    let mut names: Vec<String> = std::fs::read_dir(root.join("themes"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    if names.is_empty() {
        "create themes/<name>/templates, or copy themes/default from the briefing repository".into()
    } else {
        format!("set `theme:` in site.yaml to one of: {}", names.join(", "))
    }
}

/// A Tera with the site's settings: autoescaping and the `korean` filter.
fn configured() -> Tera {
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.register_filter("korean", korean);
    tera
}

/// The `korean` filter: `{{ text | korean }}` escapes `text` and marks its
/// Korean stretches `lang="ko"`; the result is safe HTML.
fn korean(text: &str, _: tera::Kwargs, _: &tera::State) -> tera::Value {
    // ASCII holds no Hangul: text that escaping also leaves as it is comes
    // out as it went in, without the scan for Korean and its copies.
    if text.is_ascii() && is_unescaped(text) {
        return tera::Value::safe_string(text);
    }
    tera::Value::safe_string(&crate::markdown::mark_korean_text(text))
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #[test]
        fn the_korean_filter_writes_what_marking_korean_text_writes(
            text in "[ -~]{0,24}|[ a-z&<'가-힣]{0,12}",
        ) {
            let mut tera = super::configured();
            tera.add_raw_template("t.html", "{{ t | korean }}").unwrap();
            let mut context = tera::Context::new();
            context.insert("t", &text);
            let written = tera.render("t.html", &context).unwrap();
            proptest::prop_assert_eq!(written, crate::markdown::mark_korean_text(&text));
        }
    }
}
