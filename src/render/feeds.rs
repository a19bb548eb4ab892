//! Atom feeds, sitemap.xml and robots.txt: written directly, since their
//! formats are fixed and escaping must be exact.

use std::fmt::Write as _;

use super::plan::{output_path, PageJob};
use crate::content::article::Article;
use crate::content::library::Library;
use crate::diag::Diagnostic;
use crate::markdown::highlight::escape;
use crate::markdown::MarkdownRenderer;

/// Entries per feed.
pub(crate) const FEED_LENGTH: usize = 30;

/// How much of each article a feed carries.
#[derive(Clone, Copy)]
pub(crate) enum FeedBody<'m> {
    /// The whole article (the site feed), its body taken from the bodies
    /// known (a warm build's cache) or else rendered by this library's
    /// renderer: only the articles the feed shows are rendered.
    Full(&'m MarkdownRenderer<'m>, Option<&'m dyn super::Bodies>),
    /// The summary and a link (topic and organization feeds, which would
    /// otherwise repeat the same articles in full hundreds of times).
    Summary,
}

/// An Atom feed of `indexes` (newest first) titled `title`, at
/// `self_path`; an error when a body it shows can no longer be read.
pub(crate) fn atom(
    library: &Library,
    title: &str,
    self_path: &str,
    page_path: &str,
    indexes: &[usize],
    body: FeedBody<'_>,
) -> Result<String, Diagnostic> {
    let base = library.config.base_url();
    let articles: Vec<&Article> = indexes
        .iter()
        .take(FEED_LENGTH)
        .map(|&i| &library.articles[i])
        .collect();
    let updated = articles
        .iter()
        .filter_map(|a| a.front.last_changed())
        .max()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |d| d.to_rfc3339());
    let author = library
        .config
        .author
        .as_deref()
        .unwrap_or(&library.config.title);
    let mut xml = String::with_capacity(4096 + articles.len() * 1024);
    xml.push_str(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"",
    );
    let _ = writeln!(xml, " xml:lang=\"{}\">", escape(&library.config.language));
    let _ = writeln!(xml, "  <title>{}</title>", escape(title));
    let _ = writeln!(
        xml,
        "  <subtitle>{}</subtitle>",
        escape(&library.config.description)
    );
    let _ = writeln!(
        xml,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}{}\"/>",
        escape(&base),
        escape(self_path)
    );
    let _ = writeln!(
        xml,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}{}\"/>",
        escape(&base),
        escape(page_path)
    );
    let _ = writeln!(xml, "  <id>{}{}</id>", escape(&base), escape(self_path));
    let _ = writeln!(xml, "  <updated>{updated}</updated>");
    let _ = writeln!(xml, "  <author><name>{}</name></author>", escape(author));
    xml.push_str("  <generator>briefing</generator>\n");
    for (&i, article) in indexes.iter().zip(articles) {
        write_entry(&mut xml, library, &base, (i, article), body)?;
    }
    xml.push_str("</feed>\n");
    Ok(xml)
}

/// One `<entry>` of a feed.
fn write_entry(
    xml: &mut String,
    library: &Library,
    base: &str,
    (i, article): (usize, &Article),
    body: FeedBody<'_>,
) -> Result<(), Diagnostic> {
    let url = escape(&[base, "articles/", &article.slug, "/"].concat());
    let front = &article.front;
    xml.push_str("  <entry>\n");
    line(xml, &["    <title>", &escape(&front.title), "</title>"]);
    line(
        xml,
        &[
            "    <link rel=\"alternate\" type=\"text/html\" href=\"",
            &url,
            "\"/>",
        ],
    );
    line(xml, &["    <id>", &url, "</id>"]);
    // An undated article has no `<published>`; its `<updated>` is the day
    // it came to the site, as recorded in its front matter.
    if let Some(date) = front.date {
        line(
            xml,
            &["    <published>", &date.to_rfc3339(), "</published>"],
        );
    }
    if let Some(updated) = front.last_changed() {
        line(xml, &["    <updated>", &updated.to_rfc3339(), "</updated>"]);
    }
    if let Some(publisher) = &front.source.publisher {
        let name = escape(publisher);
        line(xml, &["    <author><name>", &name, "</name></author>"]);
    }
    for topic in &front.topics {
        line(xml, &["    <category term=\"", &escape(topic), "\"/>"]);
    }
    if let Some(summary) = &front.summary {
        line(xml, &["    <summary>", &escape(summary), "</summary>"]);
    }
    if let FeedBody::Full(markdown, bodies) = body {
        let html = match bodies.and_then(|bodies| bodies.html(i)) {
            Some(html) => html,
            None => library.render_body(article, markdown)?.html,
        };
        line(
            xml,
            &["    <content type=\"html\">", &escape(&html), "</content>"],
        );
    }
    xml.push_str("  </entry>\n");
    Ok(())
}

/// `parts` one after the other, then a line's end: what `writeln!` wrote,
/// without the formatting machinery (a feed entry is up to ten lines, and
/// a build writes some 16,000 entries at 10,000 articles).
fn line(xml: &mut String, parts: &[&str]) {
    for part in parts {
        xml.push_str(part);
    }
    xml.push('\n');
}

/// sitemap.xml listing every HTML page of `jobs` (404 excluded).
pub(crate) fn sitemap(library: &Library, jobs: &[PageJob]) -> String {
    let base = library.config.base_url();
    let mut urls: Vec<(String, Option<String>)> = jobs
        .iter()
        // Neither the 404 page nor the search page is content.
        .filter(|job| job.template().is_some())
        .filter(|job| !matches!(job, PageJob::NotFound | PageJob::Search))
        .map(|job| {
            let path = output_path(library, job);
            let loc = path.strip_suffix("index.html").unwrap_or(&path).to_string();
            let lastmod = match job {
                PageJob::Article(i) => {
                    let front = &library.articles[*i].front;
                    front.last_changed().map(|d| d.floor_iso())
                }
                _ => None,
            };
            (loc, lastmod)
        })
        .collect();
    urls.sort();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    let base = escape(&base);
    for (loc, lastmod) in urls {
        for part in ["  <url><loc>", &base, &escape(&loc), "</loc>"] {
            xml.push_str(part);
        }
        if let Some(lastmod) = lastmod {
            for part in ["<lastmod>", &lastmod, "</lastmod>"] {
                xml.push_str(part);
            }
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// robots.txt allowing everything and naming the sitemap.
pub(crate) fn robots(library: &Library) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
        library.config.base_url()
    )
}
