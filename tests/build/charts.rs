//! Charts on entity pages: inline SVG drawn at build time, named by its
//! `<title>` and `<desc>`, every value written as text, the same numbers
//! in a table, links from the table to the facts.

use super::html;
use crate::common::SiteFixture;

/// Two more briefings naming KRICT, with KRW figures about it.
fn site_with_krict_figures() -> SiteFixture {
    let site = SiteFixture::new("build/basic");
    site.write(
        "content/articles/2022-01-10-krict-plan.md",
        "---\ntitle: KRICT plan\ndate: 2022-01-10\norganizations: [krict]\n\
         figures: [{ text: \"KRW 2 trillion\", value: 2.0e12, unit: KRW, qualifier: over, year_target: 2030, \
         quote: \"KRICT will spend over KRW 2 trillion by 2030.\", about: { organizations: [krict] } }]\n\
         ---\nKRICT will spend over KRW 2 trillion by 2030.\n",
    );
    site.write(
        "content/articles/2023-05-01-krict-budget.md",
        "---\ntitle: KRICT budget\ndate: 2023-05-01\norganizations: [krict]\n\
         figures: [{ text: \"KRW 500 billion\", value: 5.0e11, unit: KRW, quote: \"KRICT got KRW 500 billion.\", about: { organizations: [krict] } }, \
         { text: \"8 GWh\", value: 8, unit: GWh, quote: \"KRICT made 8 GWh.\", about: { organizations: [krict] } }]\n\
         ---\nKRICT got KRW 500 billion. KRICT made 8 GWh.\n",
    );
    site.build();
    site
}

/// The `<svg>…</svg>` blocks of a page.
fn svgs(page: &str) -> Vec<&str> {
    page.match_indices("<svg class=\"chart\"")
        .map(|(at, _)| &page[at..at + page[at..].find("</svg>").expect("closed") + 6])
        .collect()
}

#[test]
fn entity_pages_chart_their_briefings_and_figures_accessibly() {
    let site = site_with_krict_figures();
    let krict = html(&site, "organizations/krict/index.html");
    let charts = svgs(&krict);
    assert_eq!(charts.len(), 2, "briefings and KRW figures");
    for svg in &charts {
        assert!(svg.contains("role=\"img\""), "{svg}");
        let ids = svg
            .split("aria-labelledby=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .expect("labelled");
        for id in ids.split(' ') {
            assert!(
                svg.contains(&format!("<title id=\"{id}\">"))
                    || svg.contains(&format!("<desc id=\"{id}\">")),
                "{id} names the picture"
            );
        }
        assert!(
            !svg.contains("<script") && !svg.contains(" on"),
            "no script"
        );
    }
    assert!(charts[0].contains("<title id=\"chart-briefings-title\">Briefings per year</title>"));
    for year in ["2022", "2023", "2024"] {
        assert!(
            charts[0].contains(&format!(">{year}</text>")),
            "{year} labelled"
        );
    }
    assert!(charts[1].contains("Figures in KRW over time"));
    assert!(charts[1].contains(">over KRW 2 trillion</tspan>"));
    // The numbers as a table, each figure linking to its place in its briefing.
    assert!(
        krict.contains("<th scope=\"row\">2023</th><td>1</td>"),
        "{krict}"
    );
    let link = "/briefing/articles/krict-budget/#figure-krw-500-billion";
    assert!(krict.contains(&format!("<a href=\"{link}\">KRW 500 billion</a>")));
    let article = html(&site, "articles/krict-budget/index.html");
    assert!(article.contains("id=\"figure-krw-500-billion\""));
    // The GWh figure is one of its unit: listed, not charted.
    assert!(!charts[1].contains("8 GWh"));
    super::assert_valid_html(
        &site,
        "entity_pages_chart_their_briefings_and_figures_accessibly",
    );
}

#[test]
fn briefings_within_a_year_are_charted_per_month_and_few_figures_not_at_all() {
    let site = SiteFixture::new("build/basic");
    site.build();
    let lges = html(&site, "organizations/lg-energy-solution/index.html");
    let charts = svgs(&lges);
    assert_eq!(charts.len(), 1, "two briefings, no figures about it");
    assert!(charts[0].contains("Briefings per month"));
    assert!(lges.contains("<th scope=\"row\">November 2023</th><td>1</td>"));
    assert!(lges.contains("<th scope=\"row\">January 2024</th><td>0</td>"));
    // Places get the briefings chart only.
    let korea = html(&site, "places/korea/index.html");
    assert_eq!(svgs(&korea).len(), 1);
}
