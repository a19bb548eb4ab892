//! `briefing build` on fixture sites: the pages it writes, and the errors
//! it gives for every kind of bad input, with `public/` left untouched.

mod atomic;
mod bad_input;
mod cache;
mod charts;
mod incremental;
mod readers;
mod reuse;
mod search;

use crate::common::{stderr, SiteFixture};

fn html(site: &SiteFixture, path: &str) -> String {
    site.read(&format!("public/{path}"))
}

#[test]
fn builds_every_page_kind_under_a_sub_path() {
    let site = SiteFixture::new("build/basic");
    let output = site.build();
    assert!(stderr(&output).contains("built "), "{}", stderr(&output));
    let files = site.tree("public");
    for path in [
        "index.html",
        "404.html",
        "robots.txt",
        "sitemap.xml",
        "atom.xml",
        "css/style.css",
        "css/syntax.css",
        "articles/index.html",
        "articles/page/2/index.html",
        "articles/solid-state-pilot-line/index.html",
        "topics/index.html",
        "topics/recycling/index.html",
        "topics/recycling/atom.xml",
        "organizations/index.html",
        "organizations/krict/index.html",
        "organizations/krict/atom.xml",
        "places/korea/index.html",
        "timeline/index.html",
        "timeline/2024/index.html",
        "about/index.html",
    ] {
        assert!(
            files.contains_key(path),
            "missing {path}; have {:?}",
            files.keys().collect::<Vec<_>>()
        );
    }
    let article = html(&site, "articles/solid-state-pilot-line/index.html");
    assert!(
        article.contains("href=\"/briefing/css/style.css\""),
        "links carry the sub-path"
    );
    assert!(article.contains(
        "<a class=\"org-link\" href=\"/briefing/organizations/krict/\">KRICT</a> opened"
    ));
    assert_eq!(
        article
            .matches("class=\"org-link\" href=\"/briefing/organizations/krict/\"")
            .count(),
        1
    );
    assert!(
        article.contains("KRW 10 billion") && article.contains("The line cost KRW 10 billion.")
    );
    assert!(article.contains("<h2 id=\"why-it-matters\">"));
    assert!(article.contains("class=\"hl-"), "code is highlighted");
    assert!(
        !article.contains("__briefing"),
        "build output carries no reload script"
    );
}

#[test]
fn drafts_are_left_out_and_lists_are_newest_first() {
    let site = SiteFixture::new("build/basic");
    site.build();
    assert!(!site.root().join("public/articles/draft-note").exists());
    let list = html(&site, "articles/index.html");
    let newer = list.find("KRICT opens a solid-state pilot line").unwrap();
    let older = list
        .find("Ministry of Industry sets recycling rules")
        .unwrap();
    assert!(newer < older);
    assert!(html(&site, "articles/page/2/index.html").contains("(inferred)"));
}

#[test]
fn entity_pages_are_briefings_in_themselves() {
    let site = SiteFixture::new("build/basic");
    site.build();
    let krict = html(&site, "organizations/krict/index.html");
    assert!(
        krict.contains("Also written: <span>KRICT</span>, <span lang=\"ko\">한국화학연구원</span>")
    );
    assert!(
        krict.contains("KRICT opened its pilot line"),
        "its timeline"
    );
    assert!(krict.contains("KRW 10 billion"), "its figures");
    assert!(
        krict.contains("/briefing/organizations/lg-energy-solution/"),
        "mentioned with"
    );
    let orgs = html(&site, "organizations/index.html");
    assert!(orgs.contains("Government and agencies") && orgs.contains("Companies"));
    let timeline = html(&site, "timeline/2024/index.html");
    assert!(timeline.contains("July 2024") && timeline.contains("Planned"));
}

#[test]
fn feeds_and_sitemap_use_absolute_urls() {
    let site = SiteFixture::new("build/basic");
    site.build();
    let feed = html(&site, "atom.xml");
    assert!(feed.starts_with("<?xml"));
    assert!(feed.contains("<id>https://example.org/briefing/articles/solid-state-pilot-line/</id>"));
    assert!(!feed.contains("draft"), "drafts stay out of feeds");
    let sitemap = html(&site, "sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/briefing/articles/solid-state-pilot-line/</loc><lastmod>2024-06-18</lastmod>"));
    assert!(!sitemap.contains("404"));
    assert!(html(&site, "robots.txt").contains("Sitemap: https://example.org/briefing/sitemap.xml"));
}

#[test]
fn two_builds_are_byte_identical() {
    let site = SiteFixture::new("build/basic");
    site.build();
    let first = site.tree("public");
    site.build();
    assert_eq!(first, site.tree("public"), "rebuild in place");
    // A separate copy, built into a fresh folder, gives the same bytes.
    let other = SiteFixture::new("build/basic");
    let fresh = other.root().join("elsewhere");
    let output = other.run(&["build", "--output", fresh.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(first, crate::common::tree(&fresh), "fresh copy");
}

#[test]
fn nothing_stale_lingers_after_a_deletion() {
    let site = SiteFixture::new("build/basic");
    site.build();
    site.remove("content/articles/2024-03-02-recycling-rules.md");
    site.build();
    assert!(!site.root().join("public/articles/recycling-rules").exists());
    assert!(!html(&site, "index.html").contains("recycling rules"));
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // The build cache (`.briefing-cache`, build/reuse.rs) and the
        // output's lock file (output/lock.rs) are no staging.
        .filter(|n| n.starts_with('.') && n != ".briefing-cache" && n != ".public.lock")
        .collect();
    assert!(leftovers.is_empty(), "staging folders left: {leftovers:?}");
}

#[test]
fn site_templates_override_the_theme_by_name() {
    let site = SiteFixture::new("build/basic");
    site.write("templates/404.html", "{% extends \"base.html\" %}{% block content %}<p>Custom lost page</p>{% endblock content %}");
    site.write("static/extra.txt", "copied");
    site.build();
    assert!(html(&site, "404.html").contains("Custom lost page"));
    assert_eq!(html(&site, "extra.txt"), "copied");
    assert!(
        html(&site, "index.html").contains("Latest briefings"),
        "other templates still from the theme"
    );
}

#[test]
fn an_edit_of_the_themes_header_shows_on_every_page() {
    // The site's own values are written into the templates for a build
    // (render/folded.rs): the edit, and the values, must still reach
    // every page, a rebuild after a change of them included.
    let site = SiteFixture::new("build/basic");
    let path = "themes/default/templates/base.html";
    let edited = site.read(path).replacen(
        "<a class=\"brand\"",
        "<span class=\"edited\">{{ site.title }}|{{ site.base_path }}|{{site.language}}</span><a class=\"brand\"",
        1,
    );
    site.write(path, &edited);
    site.build();
    let every_page = |expected: &str| {
        let pages: Vec<String> = site
            .tree("public")
            .into_iter()
            .filter(|(name, _)| name.ends_with(".html"))
            .map(|(name, bytes)| (name, String::from_utf8(bytes).unwrap()))
            .filter(|(_, text)| text.contains("</html>"))
            .map(|(name, text)| {
                assert!(text.contains(expected), "{name} lacks {expected}");
                name
            })
            .collect();
        assert!(pages.len() > 10, "{pages:?}");
    };
    let title = format!("{}|/briefing/|en", site_title(&site));
    every_page(&format!("<span class=\"edited\">{title}</span>"));
    let config = site.read("site.yaml");
    site.write(
        "site.yaml",
        &config.replacen("title: ", "title: Renamed ", 1),
    );
    site.build();
    let renamed = format!("<span class=\"edited\">Renamed {title}</span>");
    every_page(&renamed);
}

/// The `title:` of a fixture's site.yaml.
fn site_title(site: &SiteFixture) -> String {
    let config = site.read("site.yaml");
    let line = config.lines().find(|l| l.starts_with("title: ")).unwrap();
    line["title: ".len()..].trim().to_string()
}

#[test]
fn a_site_card_partial_is_each_lists_card() {
    let site = SiteFixture::new("build/basic");
    site.write(
        "templates/partials/card.html",
        "<p class=\"own-card\">{{ a.title }} · {{ site.title }}</p>",
    );
    site.build();
    let cards = |path: &str| html(&site, path).matches("<p class=\"own-card\">").count();
    assert_eq!(
        cards("articles/index.html") + cards("articles/page/2/index.html"),
        3,
        "every published briefing's card, once"
    );
    assert!(cards("index.html") > 0 && cards("organizations/krict/index.html") > 0);
    assert!(html(&site, "articles/index.html")
        .contains("<p class=\"own-card\">KRICT opens a solid-state pilot line"));
}

#[test]
fn the_repository_site_builds() {
    let dir = tempfile::tempdir().unwrap();
    let repo = crate::common::repo();
    for part in ["content", "themes", "seeds"] {
        crate::common::copy_tree(&repo.join(part), &dir.path().join(part));
    }
    std::fs::copy(repo.join("site.yaml"), dir.path().join("site.yaml")).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["build", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(dir.path().join("public/index.html").exists());
}

/// The current Nu HTML Checker (npm `vnu-jar` 26.x, run with `java -jar`)
/// checks every page. The jar is `BRIEFING_VNU_JAR`, else the copy the
/// audit tools install. Skips loudly when either is missing; CI installs
/// both and sets `BRIEFING_REQUIRE_VALIDATOR=1`, which turns the skip into a
/// failure.
#[test]
fn every_page_is_valid_html() {
    let site = SiteFixture::new("build/basic");
    site.build();
    assert_valid_html(&site, "every_page_is_valid_html");
}

/// Run the Nu HTML Checker over `site`'s `public/`; fail on any error.
pub(crate) fn assert_valid_html(site: &SiteFixture, test: &str) {
    let jar = std::env::var_os("BRIEFING_VNU_JAR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| "/opt/audit-tools/node_modules/vnu-jar/build/dist/vnu.jar".into());
    let java = std::process::Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !java || !jar.is_file() {
        assert!(
            std::env::var_os("BRIEFING_REQUIRE_VALIDATOR").is_none(),
            "vnu.jar is required (BRIEFING_REQUIRE_VALIDATOR is set) but {} or java is missing",
            jar.display()
        );
        eprintln!("\n!!! SKIPPED {test}: no java or no {} (npm install vnu-jar, then set BRIEFING_VNU_JAR) !!!\n", jar.display());
        return;
    }
    let output = std::process::Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--skip-non-html", "--format", "gnu"])
        .arg(site.root().join("public"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "invalid HTML:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        stderr(&output)
    );
}

#[test]
fn timeline_opens_on_the_newest_briefings_year_not_a_planned_one() {
    let site = SiteFixture::new("build/basic");
    site.write(
        "content/articles/2024-01-09-far-plan.md",
        "---\ntitle: A far plan\ndate: 2024-01-09\nevents: [{ date: 2031, title: \"Plant opens\", planned: true }]\n---\nThe plant opens in 2031.\n",
    );
    site.build();
    let overview = html(&site, "timeline/index.html");
    assert!(
        overview.contains("June 2024"),
        "overview shows the present year"
    );
    assert!(
        !overview.contains("Plant opens"),
        "the planned year is one click away"
    );
    assert!(html(&site, "timeline/2031/index.html").contains("Plant opens"));
}

/// An article no one could date: listed after every dated one and marked
/// "date unknown", off the timeline, and in feeds and the sitemap under
/// the day it came to the site (recorded, never the build's clock).
#[test]
fn an_undated_briefing_is_listed_last_marked_and_off_the_timeline() {
    let site = SiteFixture::new("build/basic");
    site.write(
        "content/articles/plant-of-unknown-date.md",
        "---\ntitle: A recycling plant of unknown date\ndate_basis: unknown\ningested: 2024-08-01\ntopics: [recycling]\nevents:\n  - date: 2021-05\n    title: The undated plant opens\n---\nA recycling plant opened.\n",
    );
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let article = html(&site, "articles/plant-of-unknown-date/index.html");
    assert!(article.contains("date unknown"), "{article}");
    // Every list page, in order: the undated briefing comes last.
    let mut pages = vec![html(&site, "articles/index.html")];
    for n in 2.. {
        let path = site
            .root()
            .join(format!("public/articles/page/{n}/index.html"));
        let Ok(page) = std::fs::read_to_string(path) else {
            break;
        };
        pages.push(page);
    }
    let list = pages.concat();
    let undated = list.find("A recycling plant of unknown date").unwrap();
    let oldest = list.find("An older briefing about cells").unwrap();
    assert!(oldest < undated, "the undated briefing is listed last");
    assert!(list[undated..].contains("date unknown"));
    let topic = html(&site, "topics/recycling/page/2/index.html");
    assert!(topic.contains("date unknown"), "{topic}");
    // Off every timeline, and no timeline year is made for it.
    assert!(!html(&site, "timeline/index.html").contains("The undated plant opens"));
    assert!(!site.root().join("public/timeline/2021").exists());
    assert!(!html(&site, "topics/recycling/index.html").contains("The undated plant opens"));
    let feed = html(&site, "atom.xml");
    let entry = &feed[feed.find("A recycling plant of unknown date").unwrap()..];
    let entry = &entry[..entry.find("</entry>").unwrap()];
    assert!(
        entry.contains("<updated>2024-08-01T00:00:00Z</updated>"),
        "{entry}"
    );
    assert!(!entry.contains("<published>"), "{entry}");
    let sitemap = html(&site, "sitemap.xml");
    assert!(
        sitemap.contains("articles/plant-of-unknown-date/</loc><lastmod>2024-08-01</lastmod>"),
        "{sitemap}"
    );
}

/// A repost's own date beside the original's: the reader sees both.
#[test]
fn the_other_date_a_page_gives_is_shown_beside_the_publication_date() {
    let site = SiteFixture::new("build/basic");
    site.write(
        "content/articles/2020-12-04-reposted.md",
        "---\ntitle: A reposted briefing\ndate: 2020-12-04\nother_date: 2024-09-12\n---\nFirst published in 2020.\n",
    );
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let article = html(&site, "articles/reposted/index.html");
    let other = article.find("the page also carries").expect(&article);
    assert!(article[other..].contains("12 September 2024"), "{article}");
    assert!(
        article[..other].contains("datetime=\"2020-12-04\""),
        "{article}"
    );
}

#[test]
fn korean_text_is_marked_lang_ko() {
    let site = SiteFixture::new("build/basic");
    site.write(
        "content/articles/2024-09-10-korean-plant.md",
        "---\ntitle: 양극재 신공장 착공\nlanguage: ko\ndate: 2024-09-10\nsummary: 회사가 공장을 짓는다.\n---\n회사가 양극재 공장을 짓는다.\n",
    );
    site.write(
        "content/articles/2024-09-11-english-plant.md",
        "---\ntitle: A cathode plant\ndate: 2024-09-11\n---\nThe ministry (산업통상자원부) spoke.\n",
    );
    let output = site.build();
    assert!(output.status.success(), "{}", stderr(&output));
    let korean = html(&site, "articles/korean-plant/index.html");
    assert!(
        korean.contains("<h1 id=\"title\" lang=\"ko\">양극재 신공장 착공"),
        "{korean}"
    );
    assert!(
        korean.contains("<div class=\"prose\" lang=\"ko\">"),
        "{korean}"
    );
    assert!(
        !korean.contains("<span lang=\"ko\">"),
        "no spans inside Korean text"
    );
    let list = html(&site, "articles/index.html");
    assert!(
        list.contains("<h3 class=\"card-title\" lang=\"ko\">"),
        "{list}"
    );
    let english = html(&site, "articles/english-plant/index.html");
    assert!(
        english.contains("(<span lang=\"ko\">산업통상자원부</span>)"),
        "{english}"
    );
    assert!(!english.contains("<h1 id=\"title\" lang="), "{english}");
}
