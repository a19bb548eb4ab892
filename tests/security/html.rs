//! The HTML policy: raw HTML, URL schemes and heading attributes from
//! Markdown are sanitized in pages and feeds, unless `site.yaml` opts in
//! with `unsafe_html: true`.

use crate::common::SiteFixture;

const HOSTILE: &str = "---
title: Hostile markup
date: 2025-01-05
summary: Every vector of the probe.
---
# Hi {#x onmouseover=alert(1)}

## Kept {#kept .note}

<script>alert('script')</script>

<iframe src=\"https://evil.example/\"></iframe>

<img src=\"x.png\" onerror=\"alert('onerror')\">

<svg onload=\"alert('svg')\"><circle/></svg>

[js link](javascript:alert('js')) and [data link](data:text/html,<b>x</b>) and
<a href=\"JaVaScRiPt:alert('raw')\">raw js</a>.

![data image](data:image/svg+xml;base64,PHN2Zz4=)

| left | centre |
|:-----|:------:|
| a    | b      |

<figure><img src=\"/briefing/a.png\" alt=\"A\"><figcaption>Caption</figcaption></figure>

Note.[^1]

[^1]: The footnote.
";

const ARTICLE: &str = "content/articles/2025-01-05-hostile.md";

fn page_and_feed(site: &SiteFixture) -> (String, String) {
    site.build();
    let page = site.read("public/articles/hostile/index.html");
    let feed = site.read("public/atom.xml");
    (page, feed)
}

#[test]
fn raw_html_urls_and_heading_attributes_are_sanitized_in_pages_and_feeds() {
    let site = SiteFixture::new("build/basic");
    site.write(ARTICLE, HOSTILE);
    let (page, feed) = page_and_feed(&site);
    let body = page
        .split("<h1 id=\"x\"")
        .nth(1)
        .expect("the heading keeps its id")
        .to_string();
    for vector in [
        "alert(",
        "<script",
        "<iframe",
        "onerror",
        "onload",
        "onmouseover",
        "<svg",
        "javascript:",
        "JaVaScRiPt",
        "data:",
    ] {
        assert!(!body.contains(vector), "{vector} reached the page:\n{body}");
        assert!(
            !feed
                .to_lowercase()
                .contains(&vector.to_lowercase().replace('<', "&lt;")),
            "{vector} reached the feed"
        );
    }
    for kept in [
        "<h2 id=\"kept\" class=\"note\">",
        "<table>",
        "text-align:center",
        "<figure><img src=\"/briefing/a.png\" alt=\"A\"><figcaption>Caption</figcaption></figure>",
        "footnote-definition",
        "js link",
        "raw js",
    ] {
        assert!(body.contains(kept), "{kept} was lost:\n{body}");
    }
    assert!(feed.contains("&lt;figure&gt;"), "the feed carries the body");
}

#[test]
fn a_body_without_raw_html_is_not_rewritten() {
    let site = SiteFixture::new("build/basic");
    site.write(
        ARTICLE,
        "---\ntitle: Plain\ndate: 2025-01-05\n---\n| a |\n|:-:|\n| b |\n\n[x](/briefing/y/) & \"q\"\n",
    );
    site.build();
    let page = site.read("public/articles/hostile/index.html");
    assert!(
        page.contains("<th style=\"text-align: center\">a</th>"),
        "{page}"
    );
}

#[test]
fn unsafe_html_in_site_yaml_opts_in_to_raw_html() {
    let site = SiteFixture::new("build/basic");
    let config = site.read("site.yaml");
    site.write("site.yaml", &format!("{config}unsafe_html: true\n"));
    site.write(ARTICLE, HOSTILE);
    let (page, _) = page_and_feed(&site);
    assert!(page.contains("<script>alert('script')</script>"));
    assert!(page.contains("onmouseover=\"alert(1)\""));
    assert!(page.contains("href=\"javascript:alert("));
}
