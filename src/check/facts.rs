//! Check stage: an article's annotations against its own text and date.
//!
//! Takes the parsed articles; gives back warnings for events dated long
//! after publication that are not marked `planned`, for undated articles,
//! and for figures,
//! events and people whose `quote` cannot be found in the body.

use crate::content::front_matter::{ArticleFrontMatter, DateBasis};
use crate::content::source::Parsed;
use crate::diag::Diagnostic;

/// How far past publication a reported (not planned) event may lie.
const MAX_DAYS_AFTER: i64 = 366;

/// Run the annotation checks on every article.
pub(crate) fn check(articles: &[Parsed<ArticleFrontMatter>]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for article in articles {
        undated(article, &mut out);
        late_events(article, &mut out);
        missing_quotes(article, &mut out);
    }
    out
}

/// An article no one could date is published, but readers see "date
/// unknown": worth a person's look.
fn undated(article: &Parsed<ArticleFrontMatter>, out: &mut Vec<Diagnostic>) {
    // A missing date without `date_basis: unknown` is already an error.
    if article.front.date.is_some() || article.front.date_basis != DateBasis::Unknown {
        return;
    }
    let span = article.find_after_key("date_basis", "unknown");
    out.push(
        Diagnostic::warning(
            "article/undated",
            &article.path,
            "the article has no publication date: it is listed after the dated ones, marked \"date unknown\", and left off the timeline",
        )
        .at(&article.source, span)
        .with_help("if the source page or its address gives the date, replace `date_basis: unknown` with `date: YYYY-MM-DD` (or `YYYY-MM` / `YYYY`)"),
    );
}

fn late_events(article: &Parsed<ArticleFrontMatter>, out: &mut Vec<Diagnostic>) {
    let Some(date) = article.front.date else {
        return;
    };
    let published = date.to_naive_floor();
    for event in article.front.events.iter().filter(|e| !e.planned) {
        // Compare the earliest day the event can be on with publication.
        let days = (event.date.to_naive_floor() - published).num_days();
        if days <= MAX_DAYS_AFTER {
            continue;
        }
        out.push(
            Diagnostic::warning(
                "article/event-after-publication",
                &article.path,
                format!(
                    "event `{}` is dated {}, more than a year after the article's date {}, but is not marked `planned`",
                    event.title, event.date, date
                ),
            )
            .at(&article.source, event_date_span(article, &event.title, &event.date.to_string()))
            .with_help("if it is a plan or target, add `planned: true` to the event; otherwise correct its date (or the article's)"),
        );
    }
}

/// The event's `date:` value: the last `date:` before its title inside
/// `events:`, else the title, else the `events:` key.
fn event_date_span(
    article: &Parsed<ArticleFrontMatter>,
    title: &str,
    date: &str,
) -> std::ops::Range<usize> {
    let events = article.find_after_key("events", "");
    let title_at = article.find_after_key("events", title);
    let text = &article.source[events.start..title_at.start];
    match text
        .rfind("date:")
        .and_then(|i| text[i..].find(date).map(|j| i + j))
    {
        Some(i) => events.start + i..events.start + i + date.len(),
        None => title_at,
    }
}

fn missing_quotes(article: &Parsed<ArticleFrontMatter>, out: &mut Vec<Diagnostic>) {
    // Made at the first quote: most articles have none to look for.
    let mut body: Option<String> = None;
    let front = &article.front;
    let quotes = front
        .figures
        .iter()
        .map(|f| ("figures", "figure", f.text.as_str(), f.quote.as_deref()))
        .chain(
            front
                .events
                .iter()
                .map(|e| ("events", "event", e.title.as_str(), e.quote.as_deref())),
        )
        .chain(
            front
                .people
                .iter()
                .map(|p| ("people", "person", p.name.as_str(), p.quote.as_deref())),
        );
    for (key, noun, what, quote) in quotes {
        let Some(quote) = quote.filter(|q| !q.trim().is_empty()) else {
            continue;
        };
        let body = body.get_or_insert_with(|| normalize(article.body_text()));
        if body.contains(&normalize(quote)) {
            continue;
        }
        let needle: String = quote.chars().take(40).collect();
        out.push(
            Diagnostic::warning(
                "article/quote-not-in-body",
                &article.path,
                format!("the quote of {noun} `{what}` is not in the article's text"),
            )
            .at(&article.source, article.find_after_key(key, needle.trim()))
            .with_help("copy the sentence from the body exactly (spacing and quote marks may differ), or update it after editing the body"),
        );
    }
}

/// Text compared for quotes: Markdown emphasis and links dropped, curly
/// quotes and dashes made plain, whitespace collapsed, lowercase.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' | '`' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => '"',
            '\u{2013}' | '\u{2014}' | '\u{2212}' => '-',
            '\u{a0}' => ' ',
            '*' | '_' | '[' | ']' | '\\' => continue,
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::source::parse_file;
    use std::path::Path;
    use std::sync::Arc;

    fn article(text: &str) -> Parsed<ArticleFrontMatter> {
        parse_file(
            Path::new("content/articles/2023-06-02-a.md"),
            &Arc::from(text),
        )
        .unwrap()
    }

    #[test]
    fn normalizes_quotes_space_and_emphasis() {
        assert_eq!(
            normalize("“Over  *50*\n trillion” won’s"),
            normalize("\"over 50 trillion\" won's")
        );
    }

    #[test]
    fn late_unplanned_events_warn_at_their_date() {
        let a = article("---\ntitle: T\ndate: 2023-06-02\nevents:\n  - date: 2023-04-12\n    title: Forum\n  - date: 2027\n    title: Plant opens\n  - date: 2030\n    title: Target\n    planned: true\n---\nBody\n");
        let mut out = Vec::new();
        late_events(&a, &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].line_col(), (7, 11));
    }

    #[test]
    fn quotes_missing_from_the_body_warn() {
        let a = article("---\ntitle: T\ndate: 2023-06-02\nfigures:\n  - text: 50 trillion won\n    value: 5.0e13\n    unit: KRW\n    quote: \"It invests “50 trillion won”.\"\n  - text: 3 GWh\n    value: 3\n    unit: GWh\n    quote: Not there at all.\n---\nIt  invests \"50 trillion\nwon\".\n");
        let mut out = Vec::new();
        missing_quotes(&a, &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        assert!(out[0].message.contains("`3 GWh`"));
        assert_eq!(out[0].line_col().0, 12);
    }
}
