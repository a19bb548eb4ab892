//! Scraped text stays text: markup-looking words in a seed reach the
//! published page as visible characters, never as HTML the browser runs.

use crate::common::SiteFixture;

#[test]
fn script_tags_are_inert_and_angle_bracket_titles_survive() {
    let seed = "Battery day announced for the spring\n\
                Date: 2024-05-01\n\
                The company will hold <2024 배터리 데이> in Seoul next month.\n\n\
                Visitors saw <script>alert(1)</script> and <img src=x onerror=alert(2)> on the page.\n\n\
                Research &amp; development spending rose, R&D staff said.\n\n\
                The filing read &lt;b&gt;final&lt;/b&gt;.\n";
    // `build` ingests the seed, then renders its article.
    let site = SiteFixture::new("build/basic");
    site.write("seeds/battery-day.txt", seed);
    site.build();
    let (_, page) = site
        .tree("public")
        .into_iter()
        .find(|(path, bytes)| {
            path.starts_with("articles/")
                && String::from_utf8_lossy(bytes).contains("R&amp;D staff")
        })
        .expect("the seed's article page");
    let html = String::from_utf8(page).unwrap();
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(!html.contains("<img src=x"), "{html}");
    assert!(
        html.contains("&lt;2024 <span lang=\"ko\">배터리 데이</span>&gt;"),
        "{html}"
    );
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    // A character reference the scrape left is the character it stands
    // for, shown as text: an escaped tag stays a visible tag.
    assert!(html.contains("Research &amp; development"), "{html}");
    assert!(!html.contains("&amp;amp;"), "{html}");
    assert!(html.contains("read &lt;b&gt;final&lt;/b&gt;."), "{html}");
    assert!(!html.contains("<b>final"), "{html}");
    assert!(html.contains("R&amp;D staff"), "{html}");
}
