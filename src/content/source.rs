//! Reading content files: discovery with walkdir, reading with the path in
//! every error, and front matter parsing with places mapped to file lines.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::front_matter::Split;
use crate::diag::Diagnostic;
use crate::yaml;
use crate::{limits, sitefs};

/// Every `*.md` file under `root/dir`, relative to `root`, sorted.
/// A missing folder is an empty registry, not an error; a symlink leading
/// outside the site is skipped (`sitefs::audit` names it once).
pub fn list_markdown(root: &Path, dir: &str, diagnostics: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let walk = sitefs::walk(root, Path::new(dir));
    diagnostics.extend(
        walk.diagnostics
            .into_iter()
            .filter(|d| d.code != sitefs::SYMLINK_CODE),
    );
    walk.files
        .into_iter()
        .filter(|path| {
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            path.extension().is_some_and(|e| e == "md") && !hidden
        })
        .map(|path| path.strip_prefix(root).unwrap_or(&path).to_path_buf())
        .collect()
}

/// Read a content file as UTF-8, inside the site and within
/// [`limits::CONTENT_FILE_BYTES`]; the error names the file.
pub fn read_source(root: &Path, relative: &Path) -> Result<Arc<str>, Diagnostic> {
    let bytes = sitefs::read(root, relative, limits::CONTENT_FILE_BYTES).map_err(|err| {
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

/// Parse the YAML part of a split file into `T`; errors point at the line in
/// the whole file, with a hint for the common mistakes.
pub fn parse_front_matter<T: DeserializeOwned>(
    relative: &Path,
    source: &Arc<str>,
    parts: &Split<'_>,
) -> Result<T, Vec<Diagnostic>> {
    yaml::from_str::<T>(parts.yaml).map_err(|err| {
        let code = if err.message.contains("unknown field") {
            "front-matter/unknown-field"
        } else if err.message.contains("missing field") {
            "front-matter/missing-field"
        } else if err.message.contains("is not a date") {
            "front-matter/bad-date"
        } else if err.message.contains("invalid type") || err.message.contains("unknown variant") {
            "front-matter/wrong-type"
        } else {
            "front-matter/yaml"
        };
        let mut diag = Diagnostic::error(code, relative, err.message.clone());
        diag = match (err.line, err.column) {
            (Some(line), Some(column)) => {
                diag.at_line_col(source, line + parts.yaml_line - 1, column)
            }
            // serde reports a missing field without a place: point at the fence.
            _ => diag.at(source, 0..3),
        };
        vec![with_front_matter_help(diag, &err.message)]
    })
}

fn with_front_matter_help(diag: Diagnostic, message: &str) -> Diagnostic {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let field = rest.split('`').next().unwrap_or("");
        let expected = message.split("expected ").nth(1).unwrap_or("");
        let names: Vec<&str> = expected
            .split(['`', ',', ' '])
            .filter(|s| !s.is_empty() && *s != "one" && *s != "of" && *s != "or")
            .collect();
        if let Some(best) = crate::content::suggest::closest(field, names.iter().copied()) {
            return diag.with_help(format!("did you mean `{best}`?"));
        }
        return diag.with_help(format!(
            "remove `{field}`; the allowed fields are {expected}"
        ));
    }
    if message.contains("not a date") || message.contains("YYYY") {
        return diag.with_help("dates are written YYYY-MM-DD, e.g. 2024-06-18");
    }
    if message.starts_with("missing field") {
        return diag.with_help("add the field to the front matter between the `---` lines");
    }
    if message.contains("invalid type") {
        return diag.with_help("check the value's type: lists are written `[a, b]` or as `- item` lines, text that starts with a special character is quoted");
    }
    diag.with_help("front matter is YAML: `key: value` lines; quote text that contains `: ` or starts with `[`, `{`, `*` or `&`")
}

/// The diagnostic for a link that is not a web address.
pub fn bad_url(relative: &Path, source: &Arc<str>, span: std::ops::Range<usize>) -> Diagnostic {
    Diagnostic::error(
        "front-matter/bad-url",
        relative,
        "this link is not a web address",
    )
    .at(source, span)
    .with_help("write a full address starting with https:// (or http://)")
}
