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
    let mut preview = briefing::build::BuildOptions::new(site.root());
    preview.output = Some(site.root().join("preview"));
    preview.drafts = true;
    preview.render.preview = true;
    briefing::build::build(&preview).expect("the preview builds");
    let files = site.tree("preview");
    assert!(files.contains_key("organizations/sk-on/index.html"));
    assert!(!files.contains_key("organizations/samsung-sdi/index.html"));
}

#[test]
fn facts_read_correctly_and_can_be_linked_to() {
    let site = SiteFixture::new("build/basic");
    site.write(
        "content/articles/2024-05-01-plant-news.md",
        "---\ntitle: KRICT plant news\ndate: 2024-05-01\nsource: { publisher: Fixture Wire, seed: seeds/001_abc.txt }\n\
         organizations: [krict]\n\
         figures: [{ text: \"8 GWh\", value: 8, unit: GWh, year_target: 2024, quote: \"KRICT made 8 GWh in 2024.\", about: { organizations: [krict] } }, \
         { text: \"400,000 pyeong\", value: 400000, unit: pyeong, quote: \"The site covers 400,000 pyeong.\" }]\n\
         events: [{ date: 2026-02-05, date_end: 2026-02-06, title: \"KRICT holds a forum\", quote: \"The forum runs on 5-6 February.\", about: { organizations: [krict] } }]\n\
         ---\nKRICT made 8 GWh in 2024. The site covers 400,000 pyeong. The forum runs on 5-6 February.\n",
    );
    site.build();
    let article = html(&site, "articles/plant-news/index.html");
    assert!(article.contains("5–6 February 2026"), "{article}");
    assert!(!article.contains("2026-02-06<"), "no ISO end date shown");
    assert!(article.contains("in 2024") && !article.contains("by 2024"));
    assert!(article.contains("(about 1.32 km²)"));
    assert!(!article.contains("seeds/001_abc.txt"), "no internal paths");
    assert!(article.contains("id=\"figure-8-gwh\""));
    assert!(article.contains("id=\"event-2026-02-05-krict-holds-a-forum\""));

    let krict = html(&site, "organizations/krict/index.html");
    assert!(
        krict.contains("plant-news/#figure-8-gwh\""),
        "entity pages link to the fact"
    );
    assert!(krict.contains("plant-news/#event-2026-02-05-krict-holds-a-forum\""));
    assert!(
        krict.contains("Research institute · Korea"),
        "a country name, not KR"
    );
    assert!(!krict.contains("· KR<"));
    assert!(krict.contains("<span lang=\"ko\">한국화학연구원</span>"));
    let css = site.read("public/css/style.css");
    assert!(css.contains("word-break: keep-all"));
}

/// Every JSON-LD block of the built site parses and carries the fields its
/// type requires.
#[test]
fn every_json_ld_block_parses_with_its_required_fields() {
    let site = SiteFixture::new("build/basic");
    site.build();
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    const OPEN: &str = "<script type=\"application/ld+json\">";
    for (path, bytes) in site.tree("public") {
        if !path.ends_with(".html") {
            continue;
        }
        let page = String::from_utf8(bytes).unwrap();
        for block in page.split(OPEN).skip(1) {
            let text = &block[..block.find("</script>").expect("closed")];
            let value: serde_json::Value =
                serde_json::from_str(text).unwrap_or_else(|e| panic!("{path}: {e}: {text}"));
            assert_eq!(value["@context"], "https://schema.org", "{path}");
            let kind = value["@type"].as_str().expect("@type").to_string();
            let absolute = |v: &serde_json::Value| {
                v.as_str()
                    .is_some_and(|u| u.starts_with("https://example.org/briefing/"))
            };
            match kind.as_str() {
                "NewsArticle" => {
                    for field in ["headline", "datePublished", "image", "publisher", "url"] {
                        assert!(!value[field].is_null(), "{path}: NewsArticle lacks {field}");
                    }
                    assert!(
                        absolute(&value["url"]) && absolute(&value["image"][0]),
                        "{path}"
                    );
                    assert!(value["publisher"]["name"].is_string(), "{path}");
                    for item in value["about"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .chain(value["mentions"].as_array().unwrap())
                    {
                        assert!(item["name"].is_string(), "{path}: {item}");
                        assert!(absolute(&item["url"]), "{path}: {item} links its page");
                    }
                }
                "Organization" | "Place" => {
                    assert!(value["name"].is_string(), "{path}");
                    assert!(absolute(&value["url"]), "{path}");
                }
                "BreadcrumbList" => {
                    let items = value["itemListElement"].as_array().unwrap();
                    assert!(items.len() >= 2, "{path}");
                    for (i, item) in items.iter().enumerate() {
                        assert_eq!(item["position"], i + 1, "{path}");
                        assert!(
                            item["name"].is_string() && absolute(&item["item"]),
                            "{path}"
                        );
                    }
                }
                other => panic!("{path}: unexpected type {other}"),
            }
            *seen.entry(kind).or_default() += 1;
        }
    }
    for kind in ["NewsArticle", "Organization", "Place", "BreadcrumbList"] {
        assert!(
            seen.get(kind).is_some_and(|n| *n > 0),
            "no {kind} in {seen:?}"
        );
    }
    let article = html(&site, "articles/solid-state-pilot-line/index.html");
    for tag in [
        "<meta property=\"og:description\" content=\"KRICT opened a pilot line for sulfide electrolytes.\">",
        "<meta property=\"og:site_name\" content=\"Fixture Briefing\">",
        "<meta property=\"og:image\" content=\"https://example.org/briefing/img/card.png\">",
        "<meta name=\"twitter:card\" content=\"summary_large_image\">",
        "<meta property=\"article:published_time\" content=\"2024-06-18\">",
        "<meta property=\"article:tag\" content=\"All-solid-state batteries\">",
    ] {
        assert!(article.contains(tag), "missing {tag}");
    }
    assert!(site.tree("public").contains_key("img/card.png"));
}

/// An entity page shows only the facts about that entity; the article page
/// shows them all.
#[test]
fn entity_pages_show_only_the_facts_about_them() {
    let site = SiteFixture::new("build/basic");
    site.write(
        "content/articles/2024-05-02-two-companies.md",
        "---\ntitle: Two companies\ndate: 2024-05-02\nsource: { publisher: Fixture Wire }\n\
         topics: [recycling, all-solid-state]\norganizations: [krict, lg-energy-solution]\n\
         figures: [{ text: \"9 GWh\", value: 9, unit: GWh, quote: \"KRICT made 9 GWh.\", about: { organizations: [krict], topics: [all-solid-state] } }, \
         { text: \"KRW 7 billion\", value: 7.0e9, unit: KRW, quote: \"LGES spent KRW 7 billion.\", about: { organizations: [lg-energy-solution], topics: [recycling] } }, \
         { text: \"31 people\", value: 31, unit: people, quote: \"31 people came.\" }]\n\
         events: [{ date: 2024-05-01, title: \"LGES opened a plant\", quote: \"LGES opened a plant.\", about: { organizations: [lg-energy-solution] } }]\n\
         ---\nKRICT made 9 GWh. LGES spent KRW 7 billion. 31 people came. LGES opened a plant.\n",
    );
    site.build();
    let article = html(&site, "articles/two-companies/index.html");
    for fact in ["9 GWh", "KRW 7 billion", "31 people", "LGES opened a plant"] {
        assert!(article.contains(fact), "the article shows {fact}");
    }
    let krict = html(&site, "organizations/krict/index.html");
    assert!(krict.contains("9 GWh"));
    assert!(!krict.contains("KRW 7 billion") && !krict.contains("LGES opened a plant"));
    assert!(
        !krict.contains("31 people"),
        "a fact about no one stays on its article"
    );
    let lges = html(&site, "organizations/lg-energy-solution/index.html");
    assert!(lges.contains("KRW 7 billion") && lges.contains("LGES opened a plant"));
    assert!(!lges.contains("9 GWh"));
    let recycling = html(&site, "topics/recycling/index.html");
    assert!(recycling.contains("KRW 7 billion") && !recycling.contains("9 GWh"));
    let solid = html(&site, "topics/all-solid-state/index.html");
    assert!(solid.contains("9 GWh") && !solid.contains("KRW 7 billion"));
}

/// `about` names only what the article lists: the error says which fact,
/// which entity and which list, and nothing is written.
#[test]
fn about_an_unlisted_entity_is_an_error() {
    let site = SiteFixture::new("build/basic");
    site.write(
        "content/articles/2024-05-02-wrong-about.md",
        "---\ntitle: Wrong about\ndate: 2024-05-02\norganizations: [krict]\n\
         figures: [{ text: \"9 GWh\", value: 9, unit: GWh, about: { organizations: [motie] } }]\n\
         ---\nKRICT made 9 GWh.\n",
    );
    let output = site.run(&["build"]);
    assert!(!output.status.success());
    let message = crate::common::stderr(&output);
    assert!(
        message.contains(
            "`9 GWh` is about `motie`, which the article's `organizations:` does not list"
        ),
        "{message}"
    );
    assert!(
        message.contains("2024-05-02-wrong-about.md:5:"),
        "{message}"
    );
    assert!(!site.root().join("public").exists(), "nothing written");
}

/// Cards show the first three topics, the main ones (ingest writes them
/// strongest first; a contributor may reorder); the article shows all.
#[test]
fn cards_show_three_main_topics_and_the_article_all() {
    let site = SiteFixture::new("build/basic");
    for slug in ["safety", "recycling-policy", "ev-mobility"] {
        site.write(
            &format!("content/topics/{slug}.md"),
            &format!("---\nname: Topic {slug}\nkeywords: [{slug}]\n---\n"),
        );
    }
    site.write(
        "content/articles/2024-08-01-many-topics.md",
        "---\ntitle: Many topics\ndate: 2024-08-01\n\
         topics: [ev-mobility, recycling, safety, all-solid-state, recycling-policy]\n---\nText.\n",
    );
    site.build();
    let home = html(&site, "index.html");
    let card = &home[home.find("Many topics").unwrap()..];
    let card = &card[..card.find("</article>").unwrap()];
    for shown in ["Topic ev-mobility", ">Recycling<", "Topic safety"] {
        assert!(card.contains(shown), "{shown} in {card}");
    }
    assert!(
        !card.contains("All-solid-state") && !card.contains("recycling-policy"),
        "{card}"
    );
    let article = html(&site, "articles/many-topics/index.html");
    for all in [
        "Topic ev-mobility",
        "Topic safety",
        "All-solid-state",
        "Topic recycling-policy",
    ] {
        assert!(article.contains(all), "{all}");
    }
}

/// Korean text outside a Korean article's body is marked too: topic
/// keywords, and a Korean briefing's event titles, quotes and title where
/// an entity page repeats them. Another date a page gives for itself, and
/// an update, are shown on the article.
#[test]
fn korean_text_is_marked_and_other_dates_are_shown() {
    let site = SiteFixture::new("build/basic");
    site.write(
        "content/topics/recycling.md",
        "---\nname: Recycling\nkeywords: [recycling, 재활용]\n---\nRecycling.\n",
    );
    site.write(
        "content/articles/2024-05-03-korean-plant.md",
        "---\ntitle: 한국화학연구원 재활용 공장\nlanguage: ko\ndate: 2024-05-03\nother_date: 2024-05-06\nupdated: 2024-05-08\n\
         topics: [recycling]\norganizations: [krict]\n\
         figures: [{ text: \"8 GWh\", value: 8, unit: GWh, quote: \"한국화학연구원은 8 GWh를 만들었다.\", about: { organizations: [krict] } }]\n\
         events: [{ date: 2024-05-01, title: \"한국화학연구원 공장 준공\", quote: \"한국화학연구원은 공장을 준공했다.\", about: { organizations: [krict] } }]\n\
         ---\n한국화학연구원은 8 GWh를 만들었다. 한국화학연구원은 공장을 준공했다.\n",
    );
    site.build();
    let topic = html(&site, "topics/recycling/index.html");
    assert!(
        topic.contains("<span>recycling</span>, <span lang=\"ko\">재활용</span>"),
        "{topic}"
    );
    let krict = html(&site, "organizations/krict/index.html");
    assert!(krict.contains("<span class=\"event-title\" lang=\"ko\">한국화학연구원 공장 준공"));
    assert!(krict.contains("<blockquote class=\"figure-quote\" lang=\"ko\">"));
    assert!(krict.contains("#figure-8-gwh\" lang=\"ko\">한국화학연구원 재활용 공장</a>"));
    let article = html(&site, "articles/korean-plant/index.html");
    assert!(article.contains("updated 8 May 2024"), "{article}");
    assert!(article.contains("the page also carries 6 May 2024"));
}

/// Korean in plain fields of an English site (a publisher, a person, an
/// evidence sentence) is marked `lang="ko"` and still escaped.
#[test]
fn korean_in_plain_fields_is_marked() {
    let site = SiteFixture::new("build/basic");
    site.write(
        "content/articles/2024-05-04-korean-publisher.md",
        "---\ntitle: A plant\ndate: 2024-05-04\nsource: { publisher: \"최고관리자 & Co\" }\norganizations: [krict]\n\
         people: [{ name: 민경준, role: 장관 }]\n\
         evidence: { \"organization:krict\": \"한국화학연구원 <공장>\" }\n\
         ---\nA plant.\n",
    );
    site.build();
    let article = html(&site, "articles/korean-publisher/index.html");
    assert!(
        article.contains("<span lang=\"ko\">최고관리자</span> &amp; Co"),
        "{article}"
    );
    assert!(article.contains(
        "<strong><span lang=\"ko\">민경준</span></strong>, <span lang=\"ko\">장관</span>"
    ));
    assert!(article.contains("<dd><span lang=\"ko\">한국화학연구원 &lt;공장</span>&gt;</dd>"));
    let list = html(&site, "articles/index.html");
    assert!(list.contains("<span lang=\"ko\">최고관리자</span> &amp; Co"));
}
