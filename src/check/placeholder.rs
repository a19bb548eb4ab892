//! Check stage: text `briefing new` left for a person to replace.
//!
//! Takes the parsed articles and organizations; gives back a warning at
//! each placeholder still in a file (the scaffold's own sentences, so the
//! two never drift), so a placeholder is never published unnoticed.

use crate::content::contents::Contents;
use crate::content::source::Parsed;
use crate::diag::Diagnostic;
use crate::scaffold::{PLACEHOLDER_ARTICLE, PLACEHOLDER_ORGANIZATION, PLACEHOLDER_SUMMARY};

/// A warning for each placeholder left in an article or organization.
pub(crate) fn check(corpus: &Contents) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for article in &corpus.articles {
        let what = "article";
        if article.front.summary.as_deref() == Some(PLACEHOLDER_SUMMARY) {
            out.extend(found(article, PLACEHOLDER_SUMMARY, "summary", what));
        }
        out.extend(found(article, PLACEHOLDER_ARTICLE, "body", what));
    }
    for organization in &corpus.organizations {
        out.extend(found(
            organization,
            PLACEHOLDER_ORGANIZATION,
            "description",
            "organization",
        ));
    }
    out
}

fn found<T>(file: &Parsed<T>, placeholder: &str, part: &str, what: &str) -> Option<Diagnostic> {
    let start = file.source.find(placeholder)?;
    Some(
        Diagnostic::warning(
            "content/placeholder",
            &file.path,
            format!("the {part} is still the placeholder `briefing new` wrote"),
        )
        .at(&file.source, start..start + placeholder.len())
        .with_help(format!(
            "replace it with the {what}'s own text before it is published"
        )),
    )
}
