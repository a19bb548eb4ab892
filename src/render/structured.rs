//! Render stage, machine-readable metadata: the JSON-LD blocks of a page
//! (`NewsArticle` on articles, `Organization` / `Place` on entity pages,
//! `BreadcrumbList` on every page below home). Takes borrowed library
//! values; gives back JSON text, safe inside `<script>`.

use serde::Serialize;

use crate::content::article::Article;
use crate::content::library::Library;

use super::display::push_decimal;
use super::lookup::Lookup;
use super::plan::{has_page, Section};
use super::script_json::{array, string, Object};

// Each block is a struct written to JSON text by hand ([`script_json`]), field
// by field in declaration order: byte order of their names, the order of
// the JSON objects these blocks were first written as. The structs still
// derive `Serialize`: `serde_json` is the reference the tests hold every
// block to, byte for byte (it cost a tenth of an article page's render).

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

    fn write(&self, out: &mut String) {
        let mut object = Object::open(out);
        object.string("@type", self.kind);
        object.string("name", self.name);
        object.some_string("sameAs", self.same_as);
        object.some_string("url", self.url.as_deref());
        object.close();
    }
}

/// A thing in a block: made for it, or a registry entity's, written once
/// per build ([`Things`]).
enum Part<'a> {
    Thing(Thing<'a>),
    Written(&'a str),
}

impl Part<'_> {
    fn write(&self, out: &mut String) {
        match self {
            Part::Thing(thing) => thing.write(out),
            Part::Written(text) => out.push_str(text),
        }
    }
}

/// As the thing it was written from (its text read back): `serde_json`,
/// the reference the tests hold the blocks to, writes it again.
impl Serialize for Part<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Part::Thing(thing) => thing.serialize(serializer),
            Part::Written(text) => serde_json::from_str::<serde_json::Value>(text)
                .map_err(serde::ser::Error::custom)?
                .serialize(serializer),
        }
    }
}

/// Each registry organization's and place's [`Thing`] as an article's
/// block names it, written once per build: an organization is in the
/// blocks of hundreds of articles.
pub(crate) struct Things {
    organizations: Vec<String>,
    places: Vec<String>,
}

impl Things {
    /// The things of `library`'s registries, linked under `urls`.
    pub(crate) fn new(library: &Library, urls: &Urls<'_>) -> Things {
        let written = |thing: Thing<'_>| {
            let mut out = String::new();
            thing.write(&mut out);
            out
        };
        Things {
            organizations: library
                .organizations
                .iter()
                .map(|org| {
                    written(Thing {
                        same_as: org.front.website.as_deref(),
                        url: urls.entity(library, Section::Organizations, &org.slug),
                        ..Thing::named("Organization", &org.front.name)
                    })
                })
                .collect(),
            places: library
                .places
                .iter()
                .map(|place| {
                    written(Thing {
                        url: urls.entity(library, Section::Places, &place.slug),
                        ..Thing::named("Place", &place.front.name)
                    })
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct NewsArticle<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    about: Vec<Part<'a>>,
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
    mentions: Vec<Part<'a>>,
    publisher: Thing<'a>,
    #[serde(rename = "sourceOrganization", skip_serializing_if = "Option::is_none")]
    source_organization: Option<Thing<'a>>,
    url: &'a str,
}

impl NewsArticle<'_> {
    fn write(&self, out: &mut String) {
        let mut object = open_block(out, self.context, self.kind);
        array(object.key("about"), &self.about, |out, part| {
            part.write(out)
        });
        if let Some(author) = &self.author {
            author.write(object.key("author"));
        }
        object.some_string("dateModified", self.date_modified.as_deref());
        object.some_string("datePublished", self.date_published.as_deref());
        object.some_string("description", self.description);
        object.string("headline", self.headline);
        array(object.key("image"), self.image, string);
        object.string("inLanguage", self.in_language);
        object.some_string("isBasedOn", self.is_based_on);
        array(object.key("keywords"), &self.keywords, |out, k| {
            string(out, k)
        });
        object.string("mainEntityOfPage", self.main_entity_of_page);
        array(object.key("mentions"), &self.mentions, |out, part| {
            part.write(out)
        });
        self.publisher.write(object.key("publisher"));
        if let Some(source) = &self.source_organization {
            source.write(object.key("sourceOrganization"));
        }
        object.string("url", self.url);
        object.close();
    }
}

const SCHEMA: &str = "https://schema.org";

/// Room for a block's text: more than most need, so few grow as they are
/// written.
const BLOCK_CAPACITY: usize = 2048;

/// A block's object, opened with its `@context` and `@type`.
fn open_block<'o>(out: &'o mut String, context: &str, kind: &str) -> Object<'o> {
    let mut object = Object::open(out);
    object.string("@context", context);
    object.string("@type", kind);
    object
}

/// The text of a block written by `write`.
fn script(write: impl FnOnce(&mut String)) -> String {
    let mut out = String::with_capacity(BLOCK_CAPACITY);
    write(&mut out);
    out
}

/// `NewsArticle`: headline, dates, publisher, the organizations it is
/// about and the places it mentions, each with its page.
#[inline(never)] // one call a page: kept whole in profiles
pub(crate) fn news_article<'a>(
    article: &'a Article,
    permalink: &str,
    urls: &Urls<'_>,
    things: &Things,
    lookup: &Lookup<'a>,
) -> String {
    let library = lookup.library();
    let front = &article.front;
    let about = front
        .organizations
        .iter()
        .filter_map(|slug| {
            let at = lookup.position(Section::Organizations, slug)?;
            Some(Part::Written(&things.organizations[at]))
        })
        .collect();
    let mentions = front
        .places
        .iter()
        .map(|written| match lookup.place(written) {
            Some(at) => Part::Written(&things.places[at]),
            None => Part::Thing(Thing::named("Place", written)),
        })
        .collect();
    let keywords = front
        .topics
        .iter()
        .filter_map(|t| lookup.position(Section::Topics, t))
        .map(|at| library.topics[at].front.name.as_str())
        .collect();
    let date = front.date.as_ref().map(ToString::to_string);
    let publisher = front.source.publisher.as_deref();
    let block = NewsArticle {
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
    };
    script(|out| block.write(out))
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
    let block = EntityBlock {
        context: SCHEMA,
        kind,
        alternate_name: aliases,
        name,
        same_as: website,
        url: permalink,
    };
    script(|out| block.write(out))
}

impl EntityBlock<'_> {
    fn write(&self, out: &mut String) {
        let mut object = open_block(out, self.context, self.kind);
        if !self.alternate_name.is_empty() {
            array(
                object.key("alternateName"),
                self.alternate_name,
                |out, a| string(out, a),
            );
        }
        object.string("name", self.name);
        object.some_string("sameAs", self.same_as);
        object.string("url", self.url);
        object.close();
    }
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

/// `BreadcrumbList` from home down to the page: `(name, absolute URL)`,
/// at once (pages write [`breadcrumbs_opening`] once per build, then
/// [`breadcrumbs_closing`]; this is what the two must give).
#[cfg(test)]
pub(crate) fn breadcrumbs(trail: &[(&str, String)]) -> String {
    let block = breadcrumb_list(trail.iter().map(|(name, url)| (*name, url.as_str())));
    script(|out| block.write(out))
}

/// The list of `(name, absolute URL)`, positions from 1.
fn breadcrumb_list<'a>(trail: impl Iterator<Item = (&'a str, &'a str)>) -> BreadcrumbList<'a> {
    BreadcrumbList {
        context: SCHEMA,
        kind: "BreadcrumbList",
        items: trail
            .enumerate()
            .map(|(i, (name, item))| ListItem {
                kind: "ListItem",
                item,
                name,
                position: i + 1,
            })
            .collect(),
    }
}

impl BreadcrumbList<'_> {
    #[cfg(test)]
    fn write(&self, out: &mut String) {
        let mut object = open_block(out, self.context, self.kind);
        array(object.key("itemListElement"), &self.items, |out, item| {
            item.write(out)
        });
        object.close();
    }
}

impl ListItem<'_> {
    fn write(&self, out: &mut String) {
        let mut object = Object::open(out);
        object.string("@type", self.kind);
        object.string("item", self.item);
        object.string("name", self.name);
        // A position is a small number: no formatting machinery.
        push_decimal(object.key("position"), self.position as u64);
        object.close();
    }
}

/// A `BreadcrumbList` whose first items are `above`, open after them:
/// the text [`breadcrumbs_closing`] completes with a page's own item
/// (every page of a section has the same items above it).
pub(crate) fn breadcrumbs_opening(above: &[(&str, String)]) -> String {
    let mut out = String::new();
    let mut object = open_block(&mut out, SCHEMA, "BreadcrumbList");
    let list = object.key("itemListElement");
    list.push('[');
    let above = breadcrumb_list(above.iter().map(|(name, url)| (*name, url.as_str())));
    for item in &above.items {
        item.write(list);
        list.push(',');
    }
    out
}

/// The list `opening` began, with the page's own item (`name`, `url`)
/// at `position` last: what [`breadcrumbs`] writes for the whole trail.
pub(crate) fn breadcrumbs_closing(opening: &str, position: usize, name: &str, url: &str) -> String {
    let mut out = String::with_capacity(opening.len() + name.len() + url.len() + 64);
    out.push_str(opening);
    ListItem {
        kind: "ListItem",
        item: url,
        name,
        position,
    }
    .write(&mut out);
    out.push_str("]}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::script_json::reference;

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

    /// A thing from `text`: its name, and a `sameAs` and a `url` when
    /// `text` has more parts (`|`-separated).
    fn thing(text: &str) -> Thing<'_> {
        let mut parts = text.split('|');
        Thing {
            same_as: parts.next().filter(|s| !s.is_empty()),
            url: parts.next().map(String::from),
            ..Thing::named("Organization", parts.next().unwrap_or("LG"))
        }
    }

    fn option(text: &str) -> Option<&str> {
        (!text.is_empty()).then_some(text)
    }

    const TEXT: &str = "(<|>|&|\"|\\\\|/|\\n|\\x01|\\x1f|é|한|\\|[a-z ]{1,5}){0,8}";

    proptest::proptest! {
        #[test]
        fn a_news_article_is_written_as_serde_json_writes_it(
            texts in proptest::collection::vec(TEXT, 14),
            lists in proptest::collection::vec(proptest::collection::vec(TEXT, 0..3), 3),
        ) {
            let t = |i: usize| texts[i].as_str();
            // Every other thing written before, as a registry's are.
            let written: Vec<Vec<String>> = lists
                .iter()
                .map(|list| list.iter().map(|a| script(|out| thing(a).write(out))).collect())
                .collect();
            let parts = |i: usize| -> Vec<Part<'_>> {
                lists[i]
                    .iter()
                    .zip(&written[i])
                    .enumerate()
                    .map(|(n, (a, text))| match n % 2 {
                        0 => Part::Written(text),
                        _ => Part::Thing(thing(a)),
                    })
                    .collect()
            };
            let block = NewsArticle {
                context: SCHEMA,
                kind: "NewsArticle",
                about: parts(0),
                author: option(t(0)).map(thing),
                date_modified: option(t(1)).map(String::from),
                date_published: option(t(2)).map(String::from),
                description: option(t(3)),
                headline: t(4),
                image: [t(5)],
                in_language: t(6),
                is_based_on: option(t(7)),
                keywords: lists[1].iter().map(String::as_str).collect(),
                main_entity_of_page: t(8),
                mentions: parts(2),
                publisher: thing(t(9)),
                source_organization: option(t(10)).map(thing),
                url: t(11),
            };
            let text = script(|out| block.write(out));
            proptest::prop_assert_eq!(text, reference(&block));
        }

        #[test]
        fn an_opening_closed_by_the_last_item_is_the_whole_trail(
            trail in proptest::collection::vec((TEXT, TEXT), 1..5),
        ) {
            let trail: Vec<(&str, String)> = trail
                .iter()
                .map(|(name, url)| (name.as_str(), url.clone()))
                .collect();
            let (last, above) = trail.split_last().unwrap();
            let opening = breadcrumbs_opening(above);
            proptest::prop_assert_eq!(
                breadcrumbs_closing(&opening, trail.len(), last.0, &last.1),
                breadcrumbs(&trail),
            );
        }

        #[test]
        fn entity_blocks_and_breadcrumbs_are_written_as_serde_json_writes_them(
            texts in proptest::collection::vec(TEXT, 4),
            aliases in proptest::collection::vec(TEXT, 0..3),
            trail in proptest::collection::vec((TEXT, TEXT), 0..12),
        ) {
            let block = EntityBlock {
                context: SCHEMA,
                kind: &texts[0],
                alternate_name: &aliases,
                name: &texts[1],
                same_as: option(&texts[2]),
                url: &texts[3],
            };
            proptest::prop_assert_eq!(script(|out| block.write(out)), reference(&block));
            let block = breadcrumb_list(trail.iter().map(|(n, u)| (n.as_str(), u.as_str())));
            proptest::prop_assert_eq!(script(|out| block.write(out)), reference(&block));
        }
    }
}
