//! Check stage: code blocks shown without highlighting.
//!
//! Takes the parsed articles; gives back a warning at each fenced block
//! that names a language but is longer than
//! [`crate::limits::HIGHLIGHT_BYTES`], which pages show as plain text.

use crate::content::front_matter::ArticleFrontMatter;
use crate::content::source::Parsed;
use crate::diag::Diagnostic;
use crate::markdown::highlight::too_long_to_highlight;

/// A warning for each code block too long to highlight.
pub(crate) fn check(articles: &[Parsed<ArticleFrontMatter>]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // A block's text is part of the body: a body within the limit holds
    // no block over it, and is not parsed again for one.
    let long = |a: &&Parsed<_>| a.body_text().len() > crate::limits::HIGHLIGHT_BYTES;
    for article in articles.iter().filter(long) {
        for block in too_long_to_highlight(article.body_text()) {
            let start = article.body.start + block.start;
            out.push(
                Diagnostic::warning(
                    "article/code-not-highlighted",
                    &article.path,
                    format!(
                        "this code block is over {} bytes, the limit for highlighting; it is shown as plain text",
                        crate::limits::HIGHLIGHT_BYTES
                    ),
                )
                .at(&article.source, start..start + 3)
                .with_help("link to the code instead of pasting it, or split it into shorter blocks"),
            );
        }
    }
    out
}
