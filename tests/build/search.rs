//! Search on the built site: the search page and the header's search box,
//! the index written from the library (read back as the browser reads it),
//! byte-identical from one build to the next, and `search: false`.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::common::{search_hits, stderr, tree, SiteFixture};

type Files = BTreeMap<String, Vec<u8>>;

fn json(files: &Files, path: &str) -> Value {
    let bytes = files.get(path).unwrap_or_else(|| panic!("no {path}"));
    serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn index_files(files: Files) -> Files {
    files
        .into_iter()
        .filter(|(p, _)| p.starts_with("search/") && p != "search/index.html")
        .collect()
}

fn articles_with(files: &Files, term: &str) -> Vec<String> {
    search_hits(term, |path| files.get(path).cloned().unwrap_or_default())
}

#[test]
fn the_index_holds_each_published_briefing_with_what_results_show() {
    let site = SiteFixture::new("build/basic");
    site.build();
    let files = site.tree("public");
    let meta = json(&files, "search/meta.json");
    let slugs: Vec<&str> = meta["docs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d[0].as_str().unwrap())
        .collect();
    assert_eq!(
        slugs,
        ["solid-state-pilot-line", "recycling-rules", "older-news"],
        "newest first; the draft is not indexed"
    );
    assert!(meta["filters"]["organization"]
        .as_array()
        .unwrap()
        .contains(&Value::from("LG Energy Solution")));
    let doc = json(&files, "search/docs/solid-state-pilot-line.json");
    assert_eq!(doc["url"], "/briefing/articles/solid-state-pilot-line/");
    assert_eq!(doc["title"], "KRICT opens a solid-state pilot line");
    assert_eq!(doc["date"], "18 June 2024");
    assert_eq!(doc["publisher"], "Fixture Wire");
    let text = doc["text"].as_str().unwrap();
    assert!(text.contains("Solid electrolytes do not burn."), "{text}");
    assert!(!text.contains("<h2"), "text, not HTML: {text}");
    assert_eq!(
        articles_with(&files, "electrolytes"),
        ["solid-state-pilot-line"]
    );
    // The Korean alias, which no body writes, by one of its bigrams.
    assert!(articles_with(&files, "화학").contains(&"solid-state-pilot-line".to_string()));
}

#[test]
fn the_search_page_works_without_javascript_by_linking_the_indexes() {
    let site = SiteFixture::new("build/basic");
    site.build();
    let page = site.read("public/search/index.html");
    assert!(page.contains("src=\"/briefing/js/search.js\""), "{page}");
    assert!(page.contains("data-index=\"/briefing/search/\""), "{page}");
    assert!(page.contains("role=\"status\""), "a live region: {page}");
    for filter in ["topic", "organization", "place", "year"] {
        assert!(
            page.contains(&format!("<label for=\"search-{filter}\">")),
            "a labelled {filter} filter: {page}"
        );
    }
    let fallback = &page[page.find("<noscript>").expect("a fallback")..];
    let fallback = &fallback[..fallback.find("</noscript>").unwrap()];
    assert!(fallback.contains("needs JavaScript"), "{fallback}");
    for index in [
        "articles/",
        "topics/",
        "organizations/",
        "places/",
        "timeline/",
    ] {
        assert!(
            fallback.contains(&format!("href=\"/briefing/{index}\"")),
            "links {index}: {fallback}"
        );
    }
    assert!(
        !site.read("public/sitemap.xml").contains("/search/"),
        "the search page is not content"
    );
    assert!(site.root().join("public/js/search.js").is_file());
}

#[test]
fn every_page_has_the_search_box_in_its_header() {
    let site = SiteFixture::new("build/basic");
    site.build();
    let files = site.tree("public");
    let pages: Vec<&String> = files.keys().filter(|p| p.ends_with(".html")).collect();
    assert!(pages.len() > 10);
    for path in pages {
        let html = String::from_utf8_lossy(&files[path]);
        let header = &html[html.find("<header").unwrap()..html.find("</header>").unwrap()];
        assert!(
            header.contains("action=\"/briefing/search/\"") && header.contains("name=\"q\""),
            "{path} has no search box in its header"
        );
    }
}

#[test]
fn index_files_are_byte_identical_from_build_to_build() {
    let site = SiteFixture::new("build/basic");
    site.build();
    let first = index_files(site.tree("public"));
    assert!(
        first.keys().any(|p| p.starts_with("search/terms/")),
        "{:?}",
        first.keys()
    );
    let other = SiteFixture::new("build/basic");
    let fresh = other.root().join("elsewhere");
    let output = other.run(&["build", "--output", fresh.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(first, index_files(tree(&fresh)));
}

#[test]
fn an_edited_briefing_is_found_by_its_new_words_after_the_next_build() {
    let site = SiteFixture::new("build/basic");
    site.build();
    assert!(articles_with(&site.tree("public"), "zirconium").is_empty());
    let path = "content/articles/2024-03-02-recycling-rules.md";
    let text = site.read(path);
    assert!(text.contains("black mass exports."), "{text}");
    site.write(
        path,
        &text.replace("black mass exports.", "black mass exports and zirconium."),
    );
    site.build();
    assert_eq!(
        articles_with(&site.tree("public"), "zirconium"),
        ["recycling-rules"]
    );
}

#[test]
fn search_false_publishes_no_search() {
    let site = SiteFixture::new("build/basic");
    let config = site.read("site.yaml");
    site.write("site.yaml", &format!("{config}search: false\n"));
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let files = site.tree("public");
    assert!(
        !files.keys().any(|p| p.starts_with("search/")),
        "{:?}",
        files.keys()
    );
    let home = String::from_utf8_lossy(&files["index.html"]);
    assert!(!home.contains("site-search"), "no search box: {home}");
}
