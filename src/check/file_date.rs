//! Check stage: an article's file name and its `date:` agree.
//!
//! Takes the parsed articles; gives back a warning for each whose file
//! name starts with another date than its `date:` says (or with a date when
//! it has none, or with none when it has one). The page's address is the
//! slug alone, so renaming the file moves nothing.

use crate::content::article::{date_from_path, slug_from_path};
use crate::content::front_matter::{ArticleFrontMatter, DateBasis};
use crate::content::source::Parsed;
use crate::diag::Diagnostic;

/// A warning for each article whose file-name date and `date:` differ.
pub(crate) fn check(articles: &[Parsed<ArticleFrontMatter>]) -> Vec<Diagnostic> {
    articles.iter().filter_map(mismatch).collect()
}

fn mismatch(article: &Parsed<ArticleFrontMatter>) -> Option<Diagnostic> {
    let front = &article.front;
    if front.date_basis == DateBasis::Unknown && front.date.is_some() {
        // `article/date` already says the two contradict each other.
        return None;
    }
    let named = date_from_path(&article.path);
    let written = article.front.date.map(|d| d.to_string());
    if named == written {
        return None;
    }
    let slug = slug_from_path(&article.path);
    let (message, help) = match (&named, &written) {
        (Some(named), Some(written)) => (
            format!("the file name says {named}, but `date:` is {written}"),
            format!("if `date:` is right, rename the file to content/articles/{written}-{slug}.md (its address stays /articles/{slug}/); otherwise write `date: {named}`"),
        ),
        (Some(named), None) => (
            format!("the file name says {named}, but the article has no `date:`"),
            format!("write `date: {named}` (instead of `date_basis: unknown`) if that is when it was published; otherwise rename the file to content/articles/{slug}.md"),
        ),
        (None, Some(written)) => (
            format!("`date:` is {written}, but the file name has no date"),
            format!("rename the file to content/articles/{written}-{slug}.md (its address stays /articles/{slug}/)"),
        ),
        (None, None) => return None,
    };
    Some(
        Diagnostic::warning("article/file-date", &article.path, message)
            .at(&article.source, article.key_span("date"))
            .with_help(help),
    )
}
