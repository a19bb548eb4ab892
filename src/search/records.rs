//! Search records: the library → one record per published article, with
//! what results show (URL, title, date, publisher), what filters use
//! (topics, organizations, places, year) and the words searched (title,
//! summary, body text, and the names and aliases of what it mentions).
//!
//! Everything comes from the library as loaded; no written HTML is read.

use rayon::prelude::*;

use crate::content::article::{Article, Body};
use crate::content::library::Library;
use crate::render::context::{date_display, find, Views};

/// One article, as search sees it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Record<'a> {
    /// The article's slug (its index files are named by it).
    pub slug: &'a str,
    /// URL with the base path, as results link to it.
    pub url: String,
    /// Title as written.
    pub title: &'a str,
    /// Language of the article, when it says (`ko`).
    pub lang: Option<&'a str>,
    /// The date as pages show it (`18 June 2024`, `date unknown`).
    pub date: String,
    /// Publisher, when known.
    pub publisher: Option<&'a str>,
    /// Summary, when there is one.
    pub summary: Option<&'a str>,
    /// Where the body is (its words are read again one article at a
    /// time: [`Library::text_of`]); a changed body changes the record.
    pub body: &'a Body,
    /// Filter values: every topic (main topics first), organization and
    /// place by display name, and the year.
    pub topics: Vec<&'a str>,
    /// Organizations by name.
    pub organizations: Vec<&'a str>,
    /// Places by name.
    pub places: Vec<&'a str>,
    /// Year of publication, when dated.
    pub year: Option<i32>,
    /// Names searched though the text may not write them: organizations'
    /// and places' names and aliases (Korean names, acronyms), people,
    /// topic names.
    pub names: Vec<&'a str>,
}

/// One record per article of the library, in the library's order (newest
/// first).
pub(crate) fn records(library: &Library) -> Vec<Record<'_>> {
    let views = Views::new(library, library.config.base_path());
    library
        .articles
        .par_iter()
        .map(|article| record(&views, article))
        .collect()
}

fn record<'a>(views: &Views<'a>, article: &'a Article) -> Record<'a> {
    let library = views.library;
    let front = &article.front;
    let organizations: Vec<_> = front
        .organizations
        .iter()
        .filter_map(|slug| find(&library.organizations, slug))
        .collect();
    let mut places: Vec<_> = front
        .places
        .iter()
        .filter_map(|written| library.place_slug(written))
        .filter_map(|slug| find(&library.places, slug))
        .collect();
    places.dedup_by_key(|p| &p.slug);
    let topics: Vec<&str> = front
        .topics
        .iter()
        .filter_map(|t| find(&library.topics, t))
        .map(|t| t.front.name.as_str())
        .collect();
    let names = organizations
        .iter()
        .flat_map(|o| std::iter::once(&o.front.name).chain(&o.front.aliases))
        .chain(
            places
                .iter()
                .flat_map(|p| std::iter::once(&p.front.name).chain(&p.front.aliases)),
        )
        .chain(front.people.iter().map(|p| &p.name))
        .map(String::as_str)
        .chain(topics.iter().copied())
        .collect();
    Record {
        slug: &article.slug,
        url: views.article_ref(article).url,
        title: &front.title,
        lang: front.language.as_deref(),
        date: date_display(front),
        publisher: front.source.publisher.as_deref(),
        summary: front.summary.as_deref(),
        body: &article.body,
        organizations: organizations
            .iter()
            .map(|o| o.front.name.as_str())
            .collect(),
        places: places.iter().map(|p| p.front.name.as_str()).collect(),
        topics,
        year: front.date.map(|d| d.year),
        names,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::path::Path;

    /// The library of the `build/basic` fixture site (drafts left out).
    pub(crate) fn fixture() -> Library {
        load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/build/basic"))
    }

    fn load(root: &Path) -> Library {
        let config = crate::config::SiteConfig::load(root).expect("the fixture's config");
        let options = crate::content::library::LoadOptions::default();
        Library::read(root, config, options).expect("the fixture loads")
    }

    /// [`fixture`] read from a copy of its files, for tests that edit
    /// bodies ([`with_body`]); the copy goes with the folder.
    pub(crate) fn fixture_copy() -> (tempfile::TempDir, Library) {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/build/basic"),
            dir.path(),
        );
        let library = load(dir.path());
        (dir, library)
    }

    /// Copy the folder `from` and all it holds to `to`.
    pub(crate) fn copy_tree(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let entry = entry.unwrap();
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy_tree(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }

    /// `library` (read from `root`) with article `i`'s body replaced by
    /// `body`, in its file and as the library knows it.
    pub(crate) fn with_body(library: Library, root: &Path, i: usize, body: &str) -> Library {
        let path = library.articles[i].path.clone();
        let text = std::fs::read_to_string(root.join(&path)).unwrap();
        let start = library.articles[i].body.start;
        let text = format!("{}{body}", &text[..start]);
        std::fs::write(root.join(&path), &text).unwrap();
        let changed = library.validate_changes(vec![(path, Some(text.into()))]);
        assert!(changed.refused.is_empty(), "{:?}", changed.refused);
        library.with_articles_replaced(changed.articles, Default::default())
    }

    #[test]
    fn a_record_holds_what_results_show_and_filters_use() {
        let library = fixture();
        let records = records(&library);
        assert_eq!(
            records.len(),
            library.articles.len(),
            "drafts are not indexed"
        );
        let pilot = records
            .iter()
            .find(|r| r.slug == "solid-state-pilot-line")
            .expect("the pilot-line briefing");
        assert_eq!(pilot.url, "/briefing/articles/solid-state-pilot-line/");
        assert_eq!(pilot.title, "KRICT opens a solid-state pilot line");
        assert_eq!(pilot.date, "18 June 2024");
        assert_eq!(pilot.publisher, Some("Fixture Wire"));
        assert_eq!(
            pilot.organizations,
            [
                "Korea Research Institute of Chemical Technology",
                "LG Energy Solution"
            ]
        );
        assert_eq!(pilot.places, ["Korea"]);
        assert_eq!(pilot.topics, ["All-solid-state batteries"]);
        assert_eq!(pilot.year, Some(2024));
        let at = library.article_with_slug(pilot.slug).unwrap();
        let body = library.text_of(&library.articles[at]).unwrap();
        assert!(body.starts_with("KRICT opened"), "{body}");
        assert!(!body.contains('<'), "no markup: {body}");
        // The Korean name the text never writes, and the person.
        assert!(pilot.names.contains(&"한국화학연구원"), "{:?}", pilot.names);
        assert!(pilot.names.contains(&"Jane Doe"), "{:?}", pilot.names);
    }

    #[test]
    fn an_undated_briefing_has_no_year_and_says_so() {
        let mut library = fixture();
        let article = &mut library.articles[0];
        article.front.date = None;
        article.front.source.publisher = None;
        let record = &records(&library)[0];
        assert_eq!(record.date, "date unknown");
        assert_eq!(record.publisher, None);
        assert_eq!(record.year, None);
    }
}
