//! Render stage, machine-readable metadata: the JSON-LD blocks of a page
//! (`NewsArticle` on articles, `Organization` / `Place` on entity pages,
//! `BreadcrumbList` on every page below home). Takes borrowed library
//! values; gives back JSON text, safe inside `<script>`.

use serde_json::{json, Value};

use crate::content::article::Article;
use crate::content::library::Library;

use super::context::find;
use super::plan::{has_page, Section};

/// The absolute URLs a block needs.
pub(crate) struct Urls<'a> {
    /// Absolute base URL with a trailing slash.
    pub base_url: &'a str,
    /// Site title, the publisher's name.
    pub site_title: &'a str,
    /// Absolute URL of the default sharing image.
    pub image: &'a str,
}

impl Urls<'_> {
    fn entity(&self, library: &Library, section: Section, slug: &str) -> Option<String> {
        has_page(library, section, slug)
            .then(|| format!("{}{}/{slug}/", self.base_url, section.segment()))
    }

    fn publisher(&self) -> Value {
        json!({ "@type": "Organization", "name": self.site_title, "url": self.base_url })
    }
}

/// `NewsArticle`: headline, dates, publisher, the organizations it is
/// about and the places it mentions, each with its page.
pub(crate) fn news_article(
    library: &Library,
    article: &Article,
    permalink: &str,
    urls: &Urls<'_>,
) -> String {
    let front = &article.front;
    let about: Vec<Value> = front
        .organizations
        .iter()
        .filter_map(|slug| {
            let org = find(&library.organizations, slug)?;
            let mut value = json!({ "@type": "Organization", "name": org.front.name });
            if let Some(url) = urls.entity(library, Section::Organizations, slug) {
                value["url"] = url.into();
            }
            if let Some(site) = &org.front.website {
                value["sameAs"] = site.as_str().into();
            }
            Some(value)
        })
        .collect();
    let mentions: Vec<Value> = front
        .places
        .iter()
        .map(|written| {
            let place = library
                .place_slug(written)
                .and_then(|s| find(&library.places, s));
            let name = place.map_or(written.as_str(), |p| p.front.name.as_str());
            let mut value = json!({ "@type": "Place", "name": name });
            if let Some(url) = place.and_then(|p| urls.entity(library, Section::Places, &p.slug)) {
                value["url"] = url.into();
            }
            value
        })
        .collect();
    let keywords: Vec<&str> = front
        .topics
        .iter()
        .filter_map(|t| find(&library.topics, t).map(|t| t.front.name.as_str()))
        .collect();
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": front.title,
        "url": permalink,
        "mainEntityOfPage": permalink,
        "image": [urls.image],
        "publisher": urls.publisher(),
        "inLanguage": library.config.language,
        "about": about,
        "mentions": mentions,
        "keywords": keywords,
    });
    if let Some(date) = &front.date {
        value["datePublished"] = date.to_string().into();
        value["dateModified"] = date.to_string().into();
    }
    if let Some(summary) = &front.summary {
        value["description"] = summary.as_str().into();
    }
    if let Some(publisher) = &front.source.publisher {
        value["author"] = json!({ "@type": "Organization", "name": publisher });
        value["sourceOrganization"] = json!({ "@type": "Organization", "name": publisher });
    }
    if let Some(url) = &front.source.url {
        value["isBasedOn"] = url.as_str().into();
    }
    to_script(&value)
}

/// `Organization` or `Place` for an entity page.
pub(crate) fn entity(
    kind: &str,
    name: &str,
    aliases: &[String],
    permalink: &str,
    website: Option<&str>,
) -> String {
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": kind,
        "name": name,
        "url": permalink,
    });
    if !aliases.is_empty() {
        value["alternateName"] = aliases.into();
    }
    if let Some(site) = website {
        value["sameAs"] = site.into();
    }
    to_script(&value)
}

/// `BreadcrumbList` from home down to the page: `(name, absolute URL)`.
pub(crate) fn breadcrumbs(trail: &[(&str, String)]) -> String {
    let items: Vec<Value> = trail
        .iter()
        .enumerate()
        .map(|(i, (name, url))| {
            json!({ "@type": "ListItem", "position": i + 1, "name": name, "item": url })
        })
        .collect();
    to_script(&json!({
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": items,
    }))
}

/// JSON that cannot end its `<script>` element early.
fn to_script(value: &Value) -> String {
    let json = value.to_string();
    if !json.contains(['<', '>', '&']) {
        return json;
    }
    let mut safe = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => safe.push_str("\\u003c"),
            '>' => safe.push_str("\\u003e"),
            '&' => safe.push_str("\\u0026"),
            c => safe.push(c),
        }
    }
    safe
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_text_cannot_close_the_element() {
        let text = breadcrumbs(&[("</script><b>", "https://e.org/".into())]);
        assert!(!text.contains('<'), "{text}");
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["itemListElement"][0]["name"], "</script><b>");
    }
}
