//! What a reader sees on the built site: counts in words, pages worth
//! opening, facts on the pages they are about, sharing metadata.

use super::html;
use crate::common::SiteFixture;

#[test]
fn one_briefing_is_counted_in_the_singular() {
    let site = SiteFixture::new("build/basic");
    site.build();
    let krict = html(&site, "organizations/krict/index.html");
    assert!(
        krict.contains(">1 briefing<") || krict.contains("1 briefing ·"),
        "{krict}"
    );
    for (path, bytes) in site.tree("public") {
        let text = String::from_utf8_lossy(&bytes);
        let plural_one = text
            .match_indices("1 briefings")
            .any(|(at, _)| !text[..at].ends_with(|c: char| c.is_ascii_digit()))
            || text.contains("1<span class=\"visually-hidden\"> briefings");
        assert!(!plural_one, "{path} says \"1 briefings\"");
    }
}

#[test]
fn only_entities_a_published_briefing_names_get_pages() {
    let site = SiteFixture::new("build/basic");
    for slug in ["samsung-sdi", "sk-on"] {
        site.write(
            &format!("content/organizations/{slug}.md"),
            "---\nname: Registry Only Co\nkind: company\ncountry: KR\n---\nIn the gazetteer.\n",
        );
    }
    site.write(
        "content/articles/2024-07-01-draft-note.md",
        "---\ntitle: A draft that must not be published\ndate: 2024-07-01\ndraft: true\norganizations: [sk-on]\n---\nDraft text.\n",
    );
    site.build();
    let files = site.tree("public");
    let sitemap = html(&site, "sitemap.xml");
    let index = html(&site, "organizations/index.html");
    for slug in ["samsung-sdi", "sk-on"] {
        assert!(!files.keys().any(|p| p.contains(slug)), "{slug} has files");
        assert!(!sitemap.contains(slug), "{slug} in the sitemap");
        assert!(!index.contains(slug), "{slug} in the index");
    }
    assert!(files.contains_key("organizations/krict/index.html"));
    assert!(files.contains_key("organizations/krict/atom.xml"));
    assert!(sitemap.contains("organizations/krict/"));
    assert!(!index.contains(">0<"), "no entry counts zero briefings");

    // The preview counts drafts: the draft's organization has a page there.
    let (load, render) = briefing::serve::preview_options();
    let syntaxes = briefing::markdown::highlight::syntax_set();
    let loaded = briefing::build::load(site.root(), load.drafts, &syntaxes).expect("loads");
    let pages = briefing::build::render_all(&loaded, &render).expect("renders");
    let paths: Vec<&str> = pages.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"organizations/sk-on/index.html"));
    assert!(!paths.contains(&"organizations/samsung-sdi/index.html"));
}
