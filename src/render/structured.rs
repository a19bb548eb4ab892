//! Render stage, machine-readable metadata: the JSON-LD blocks of a page
//! (`NewsArticle` on articles, `Organization` / `Place` on entity pages,
//! `BreadcrumbList` on every page below home). Takes borrowed library
//! values; gives back JSON text, safe inside `<script>`.

use serde::Serialize;

use crate::content::article::Article;
use crate::content::library::Library;

use super::context::find;
use super::plan::{has_page, Section};

// Each block is a struct serialized straight to JSON text (no tree of
// values in between). Fields are declared in byte order of their names,
// the order of the JSON objects these blocks were first written as; the
// tests read every block back.

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
}

/// An `Organization` or `Place` named by a block.
#[derive(Serialize)]
struct Thing<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(rename = "sameAs", skip_serializing_if = "Option::is_none")]
    same_as: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

impl<'a> Thing<'a> {
    fn named(kind: &'static str, name: &'a str) -> Thing<'a> {
        Thing {
            kind,
            name,
            same_as: None,
            url: None,
        }
    }
}

#[derive(Serialize)]
struct NewsArticle<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    about: Vec<Thing<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Thing<'a>>,
    #[serde(rename = "dateModified", skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    headline: &'a str,
    image: [&'a str; 1],
    #[serde(rename = "inLanguage")]
    in_language: &'a str,
    #[serde(rename = "isBasedOn", skip_serializing_if = "Option::is_none")]
    is_based_on: Option<&'a str>,
    keywords: Vec<&'a str>,
    #[serde(rename = "mainEntityOfPage")]
    main_entity_of_page: &'a str,
    mentions: Vec<Thing<'a>>,
    publisher: Thing<'a>,
    #[serde(rename = "sourceOrganization", skip_serializing_if = "Option::is_none")]
    source_organization: Option<Thing<'a>>,
    url: &'a str,
}

const SCHEMA: &str = "https://schema.org";

/// `NewsArticle`: headline, dates, publisher, the organizations it is
/// about and the places it mentions, each with its page.
pub(crate) fn news_article(
    library: &Library,
    article: &Article,
    permalink: &str,
    urls: &Urls<'_>,
) -> String {
    let front = &article.front;
    let about = front
        .organizations
        .iter()
        .filter_map(|slug| {
            let org = find(&library.organizations, slug)?;
            Some(Thing {
                same_as: org.front.website.as_deref(),
                url: urls.entity(library, Section::Organizations, slug),
                ..Thing::named("Organization", &org.front.name)
            })
        })
        .collect();
    let mentions = front
        .places
        .iter()
        .map(|written| {
            let place = library
                .place_slug(written)
                .and_then(|s| find(&library.places, s));
            let name = place.map_or(written.as_str(), |p| p.front.name.as_str());
            Thing {
                url: place.and_then(|p| urls.entity(library, Section::Places, &p.slug)),
                ..Thing::named("Place", name)
            }
        })
        .collect();
    let keywords = front
        .topics
        .iter()
        .filter_map(|t| find(&library.topics, t).map(|t| t.front.name.as_str()))
        .collect();
    let date = front.date.as_ref().map(ToString::to_string);
    let publisher = front.source.publisher.as_deref();
    to_script(&NewsArticle {
        context: SCHEMA,
        kind: "NewsArticle",
        about,
        author: publisher.map(|name| Thing::named("Organization", name)),
        date_modified: date.clone(),
        date_published: date,
        description: front.summary.as_deref(),
        headline: &front.title,
        image: [urls.image],
        in_language: &library.config.language,
        is_based_on: front.source.url.as_deref(),
        keywords,
        main_entity_of_page: permalink,
        mentions,
        publisher: Thing {
            url: Some(urls.base_url.to_string()),
            ..Thing::named("Organization", urls.site_title)
        },
        source_organization: publisher.map(|name| Thing::named("Organization", name)),
        url: permalink,
    })
}

#[derive(Serialize)]
struct EntityBlock<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'a str,
    #[serde(rename = "alternateName", skip_serializing_if = "<[_]>::is_empty")]
    alternate_name: &'a [String],
    name: &'a str,
    #[serde(rename = "sameAs", skip_serializing_if = "Option::is_none")]
    same_as: Option<&'a str>,
    url: &'a str,
}

/// `Organization` or `Place` for an entity page.
pub(crate) fn entity(
    kind: &str,
    name: &str,
    aliases: &[String],
    permalink: &str,
    website: Option<&str>,
) -> String {
    to_script(&EntityBlock {
        context: SCHEMA,
        kind,
        alternate_name: aliases,
        name,
        same_as: website,
        url: permalink,
    })
}

#[derive(Serialize)]
struct BreadcrumbList<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "itemListElement")]
    items: Vec<ListItem<'a>>,
}

#[derive(Serialize)]
struct ListItem<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    item: &'a str,
    name: &'a str,
    position: usize,
}

/// `BreadcrumbList` from home down to the page: `(name, absolute URL)`.
pub(crate) fn breadcrumbs(trail: &[(&str, String)]) -> String {
    let items = trail
        .iter()
        .enumerate()
        .map(|(i, (name, url))| ListItem {
            kind: "ListItem",
            item: url,
            name,
            position: i + 1,
        })
        .collect();
    to_script(&BreadcrumbList {
        context: SCHEMA,
        kind: "BreadcrumbList",
        items,
    })
}

/// JSON that cannot end its `<script>` element early.
fn to_script(value: &impl Serialize) -> String {
    let json = serde_json::to_string(value).expect("plain structs serialize");
    // By bytes: a search for any of three `char`s decodes each character.
    if !json.bytes().any(|b| matches!(b, b'<' | b'>' | b'&')) {
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
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["itemListElement"][0]["name"], "</script><b>");
    }

    /// Keys in byte order at every level, as a JSON object tree writes them:
    /// reading a block back and writing it again gives the same text.
    #[test]
    fn blocks_write_their_keys_in_order() {
        let aliases = ["LGES".to_string()];
        for text in [
            breadcrumbs(&[
                ("Home", "https://e.org/".into()),
                ("A", "https://e.org/a/".into()),
            ]),
            entity(
                "Organization",
                "LG",
                &aliases,
                "https://e.org/o/lg/",
                Some("https://lg.com"),
            ),
            entity("Place", "Ochang", &[], "https://e.org/p/ochang/", None),
        ] {
            let back: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(serde_json::to_string(&back).unwrap(), text);
        }
    }
}
