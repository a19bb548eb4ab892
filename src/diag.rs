//! Diagnostics: contributor mistakes, with file, line, column and a hint.
//!
//! Every stage collects [`Diagnostic`]s instead of stopping at the first
//! problem; the command prints them all at the end (human, JSON or GitHub
//! workflow commands) and exits non-zero when any is an error.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::{self, Files, SimpleFile};
use codespan_reporting::term::{self, termcolor};
use serde::Serialize;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// For information (a generated registry entry awaiting review); never
    /// fails a run, not even under `--deny-warnings`.
    Note,
    /// Worth a look; fails only under `--deny-warnings`.
    Warning,
    /// The site cannot be built as it is.
    Error,
}

/// One problem in one file, at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Stable short name of the rule, e.g. `front-matter/unknown-field`.
    pub code: &'static str,
    /// The file, relative to the site root where possible.
    pub path: PathBuf,
    /// The lines of the file's text the problem covers, when it has a
    /// place in it.
    pub source: Option<Excerpt>,
    /// Byte range of the offending text in the file.
    pub span: Range<usize>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error in `path` with no place yet.
    pub(crate) fn error(
        code: &'static str,
        path: impl Into<PathBuf>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            path: path.into(),
            source: None,
            span: 0..0,
            message: message.into(),
            help: None,
        }
    }

    /// A warning in `path` with no place yet.
    pub(crate) fn warning(
        code: &'static str,
        path: impl Into<PathBuf>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, path, message)
        }
    }

    /// A note (information only) in `path` with no place yet.
    pub(crate) fn note(
        code: &'static str,
        path: impl Into<PathBuf>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(code, path, message)
        }
    }

    /// Point at a byte range of the file's text.
    pub(crate) fn at(mut self, source: &str, span: Range<usize>) -> Self {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
        self.span = start..end;
        self.source = Some(Excerpt::new(source, &self.span));
        self
    }

    /// Point at a 1-based line and column of the file's text.
    pub(crate) fn at_line_col(self, source: &str, line: usize, column: usize) -> Self {
        let offset = offset_of(source, line, column);
        let end = source[offset..]
            .find('\n')
            .map_or(source.len(), |i| offset + i);
        let end = if end == offset { offset } else { end };
        self.at(source, offset..end)
    }

    /// Add a hint on how to fix the problem.
    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// 1-based line and column of the start of the span (1:1 without a place).
    pub fn line_col(&self) -> (usize, usize) {
        match &self.source {
            Some(source) => source.line_col(self.span.start),
            None => (1, 1),
        }
    }

    /// True when this diagnostic has a place in the file's text.
    pub fn has_place(&self) -> bool {
        self.source.is_some()
    }
}

/// The lines of a file that a diagnostic's span covers, whole, and where
/// they sit in the file: a diagnostic keeps these, not the file's text, so
/// a run with many problems does not hold every file they are in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Excerpt {
    /// From the start of the span's first line to the end of its last
    /// (its newline included).
    text: Box<str>,
    /// Byte offset of `text` in the file.
    offset: usize,
    /// Lines of the file before `text`.
    lines_before: usize,
}

impl Excerpt {
    fn new(source: &str, span: &Range<usize>) -> Excerpt {
        let start = source[..span.start].rfind('\n').map_or(0, |i| i + 1);
        let end = source[span.end..]
            .find('\n')
            .map_or(source.len(), |i| span.end + i + 1);
        Excerpt {
            text: source[start..end].into(),
            offset: start,
            lines_before: source[..start].matches('\n').count(),
        }
    }

    /// 1-based line and column in the file of a byte offset in it.
    fn line_col(&self, offset: usize) -> (usize, usize) {
        let (line, column) = line_col_of(&self.text, offset.saturating_sub(self.offset));
        (self.lines_before + line, column)
    }

    /// Whether the excerpt holds the byte range `span` of the file.
    pub fn holds(&self, span: &Range<usize>) -> bool {
        self.offset <= span.start && span.end <= self.offset + self.text.len()
    }
}

/// An excerpt as codespan reads a file: its own lines, numbered as in the
/// whole file.
struct ExcerptFile<'a> {
    file: SimpleFile<&'a str, &'a str>,
    lines_before: usize,
}

impl<'a> Files<'a> for ExcerptFile<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, _: ()) -> Result<&'a str, files::Error> {
        Ok(self.file.name())
    }

    fn source(&'a self, _: ()) -> Result<&'a str, files::Error> {
        Ok(self.file.source())
    }

    fn line_index(&'a self, id: (), byte_index: usize) -> Result<usize, files::Error> {
        self.file.line_index(id, byte_index)
    }

    fn line_number(&'a self, _: (), line_index: usize) -> Result<usize, files::Error> {
        Ok(self.lines_before + line_index + 1)
    }

    fn line_range(&'a self, id: (), line_index: usize) -> Result<Range<usize>, files::Error> {
        self.file.line_range(id, line_index)
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col_of(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

/// Byte offset of a 1-based line and column; clamps to the text.
pub(crate) fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for _ in 1..line.max(1) {
        match text[offset..].find('\n') {
            Some(i) => offset += i + 1,
            None => return text.len(),
        }
    }
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    text[offset..line_end]
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_end, |(i, _)| offset + i)
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Output formats of `check` and of failed builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Source snippets with carets, for terminals.
    #[default]
    Human,
    /// One JSON object per run, for tools (fields in README.md, "Checking
    /// content").
    ///
    /// ```json
    /// { "errors": 1, "warnings": 0, "diagnostics": [
    ///   { "severity": "error", "code": "article/unknown-topic",
    ///     "file": "content/articles/2024-01-10-a.md",
    ///     "line": 5, "column": 10, "end_line": 5, "end_column": 18,
    ///     "message": "unknown topic `recyclng`: …",
    ///     "help": "did you mean `recycling`?" } ] }
    /// ```
    ///
    /// `file` is relative to the site root with `/` separators; lines and
    /// columns are 1-based (columns count characters), the end is
    /// exclusive; `help` may be `null`. Diagnostics are sorted by file and
    /// position. Fields are only ever added, never renamed.
    Json,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
}

/// Sort diagnostics by file, place and message so output is deterministic.
pub(crate) fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.path, a.span.start, a.severity, &a.message).cmp(&(
            &b.path,
            b.span.start,
            b.severity,
            &b.message,
        ))
    });
}

/// Render every diagnostic in `format`, without colour.
pub fn render(diagnostics: &[Diagnostic], format: Format) -> String {
    match format {
        Format::Human => render_human(diagnostics, false),
        Format::Json => render_json(diagnostics),
        Format::Github => render_github(diagnostics),
    }
}

/// Print diagnostics to stderr; colour when stderr is a terminal.
pub fn emit(diagnostics: &[Diagnostic], format: Format) {
    use std::io::IsTerminal;
    let text = match format {
        Format::Human => render_human(diagnostics, std::io::stderr().is_terminal()),
        other => render(diagnostics, other),
    };
    eprint!("{text}");
}

fn count(diagnostics: &[Diagnostic], severity: Severity) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .count()
}

fn render_human(diagnostics: &[Diagnostic], colour: bool) -> String {
    let mut buffer = if colour {
        termcolor::Buffer::ansi()
    } else {
        termcolor::Buffer::no_color()
    };
    let config = term::Config::default();
    for diagnostic in diagnostics {
        let name = diagnostic.path.display().to_string();
        let (text, offset, lines_before) = match &diagnostic.source {
            Some(excerpt) => (&*excerpt.text, excerpt.offset, excerpt.lines_before),
            None => ("", 0, 0),
        };
        let file = ExcerptFile {
            file: SimpleFile::new(name.as_str(), text),
            lines_before,
        };
        let span = diagnostic.span.start - offset..diagnostic.span.end - offset;
        let mut cs = match diagnostic.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
            Severity::Note => CsDiagnostic::note(),
        }
        .with_code(diagnostic.code);
        if diagnostic.has_place() {
            cs = cs
                .with_message(&diagnostic.message)
                .with_labels(vec![Label::primary((), span)]);
        } else {
            cs = cs.with_message(format!("{}: {}", name, diagnostic.message));
        }
        if let Some(help) = &diagnostic.help {
            cs = cs.with_notes(vec![format!("help: {help}")]);
        }
        // Writing to an in-memory buffer cannot fail for a valid span.
        let _ = term::emit(&mut buffer, &config, &file, &cs);
    }
    let mut text = String::from_utf8_lossy(buffer.as_slice()).into_owned();
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = count(diagnostics, Severity::Warning);
    let notes = count(diagnostics, Severity::Note);
    if !diagnostics.is_empty() {
        let _ = write!(text, "{errors} error(s), {warnings} warning(s)");
        if notes > 0 {
            let _ = write!(text, ", {notes} note(s)");
        }
        text.push('\n');
    }
    text
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: Severity,
    code: &'a str,
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    message: &'a str,
    help: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    errors: usize,
    warnings: usize,
    notes: usize,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

fn render_json(diagnostics: &[Diagnostic]) -> String {
    let items: Vec<JsonDiagnostic<'_>> = diagnostics
        .iter()
        .map(|d| {
            let (line, column) = d.line_col();
            let (end_line, end_column) = match &d.source {
                Some(source) => source.line_col(d.span.end),
                None => (line, column),
            };
            JsonDiagnostic {
                severity: d.severity,
                code: d.code,
                file: path_for_output(&d.path),
                line,
                column,
                end_line,
                end_column,
                message: &d.message,
                help: d.help.as_deref(),
            }
        })
        .collect();
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let report = JsonReport {
        errors,
        warnings: count(diagnostics, Severity::Warning),
        notes: count(diagnostics, Severity::Note),
        diagnostics: items,
    };
    let mut text = serde_json::to_string_pretty(&report).expect("plain data serializes");
    text.push('\n');
    text
}

fn render_github(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let (line, column) = d.line_col();
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let _ = writeln!(
            out,
            "::{level} file={},line={line},col={column},title={}::{}",
            escape_property(&path_for_output(&d.path)),
            escape_property(d.code),
            escape_data(&message)
        );
    }
    out
}

fn path_for_output(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

// GitHub workflow commands percent-encode these characters.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn sample() -> Diagnostic {
        let source: Arc<str> = Arc::from("---\ntitel: A\n---\n");
        Diagnostic::error(
            "front-matter/unknown-field",
            "content/articles/a.md",
            "unknown field `titel`",
        )
        .at(&source, 4..9)
        .with_help("did you mean `title`?")
    }

    #[test]
    fn line_and_column_come_from_byte_offsets() {
        assert_eq!(line_col_of("ab\ncd", 4), (2, 2));
        assert_eq!(offset_of("ab\ncd", 2, 2), 4);
        assert_eq!(sample().line_col(), (2, 1));
    }

    #[test]
    fn human_output_shows_file_line_caret_and_help() {
        let text = render(&[sample()], Format::Human);
        assert!(text.contains("content/articles/a.md:2:1"), "{text}");
        assert!(text.contains("^^^^^"), "{text}");
        assert!(text.contains("help: did you mean `title`?"), "{text}");
        assert!(text.contains("1 error(s), 0 warning(s)"), "{text}");
    }

    #[test]
    fn github_output_is_a_workflow_command() {
        let text = render(&[sample()], Format::Github);
        assert_eq!(
            text,
            "::error file=content/articles/a.md,line=2,col=1,title=front-matter/unknown-field::unknown field `titel`%0Ahelp: did you mean `title`?\n"
        );
    }

    #[test]
    fn json_output_counts_and_locates() {
        let value: serde_json::Value =
            serde_json::from_str(&render(&[sample()], Format::Json)).unwrap();
        assert_eq!(value["errors"], 1);
        assert_eq!(value["diagnostics"][0]["line"], 2);
        assert_eq!(value["diagnostics"][0]["end_column"], 6);
    }
}
