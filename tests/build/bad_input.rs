//! Every bad input a contributor can produce: the message names the file
//! and line, the exit code is non-zero, and `public/` and `content/` are
//! exactly as they were.

use crate::common::{stderr, stderr_in, SiteFixture};

/// Build the good fixture, apply `break_it`, build again: it must fail,
/// leave public/ and content/ untouched, and its stderr is returned.
fn failing_build(break_it: impl FnOnce(&SiteFixture)) -> String {
    let site = SiteFixture::new("build/basic");
    site.build();
    let public_before = site.tree("public");
    break_it(&site);
    let content_before = site.tree("content");
    let output = site.run(&["build"]);
    assert!(!output.status.success(), "build should fail");
    assert_eq!(
        site.tree("public"),
        public_before,
        "public/ must be untouched"
    );
    assert_eq!(
        site.tree("content"),
        content_before,
        "content/ must be untouched"
    );
    let text = stderr_in(&site, &output);
    assert!(text.contains("build failed: nothing was written"), "{text}");
    text
}

const ARTICLE: &str = "content/articles/2025-01-05-bad.md";

fn article(front: &str) -> impl FnOnce(&SiteFixture) + '_ {
    move |site| site.write(ARTICLE, &format!("---\n{front}---\nBody text.\n"))
}

#[test]
fn malformed_yaml() {
    let text = failing_build(article(
        "title: Broken\ndate: 2025-01-05\ntopics: [recycling\n",
    ));
    assert!(
        text.contains("content/articles/2025-01-05-bad.md:"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn unknown_front_matter_field_suggests_the_right_one() {
    let text = failing_build(article("title: T\ndate: 2025-01-05\nsumary: typo\n"));
    assert!(
        text.contains("content/articles/2025-01-05-bad.md:4:1"),
        "{text}"
    );
    assert!(text.contains("did you mean `summary`?"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn wrong_type() {
    let text = failing_build(article("title: T\ndate: 2025-01-05\ntopics: recycling\n"));
    assert!(
        text.contains("should be a list, not the text `recycling`"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn suggested_organization_of_no_known_kind() {
    let text = failing_build(article(
        "title: T\ndate: 2025-01-05\nsuggested_organizations: [{ name: Acme Cells, kind: firm }]\n",
    ));
    assert!(
        text.contains("content/articles/2025-01-05-bad.md:4:"),
        "{text}"
    );
    assert!(text.contains("is `firm`, which is not one of"), "{text}");
    assert!(text.contains("company"), "names the kinds: {text}");
}

#[test]
fn invalid_date() {
    let text = failing_build(article("title: T\ndate: 2025-02-30\n"));
    assert!(text.contains("dates are written YYYY-MM-DD"), "{text}");
    assert!(text.contains(":3:"), "points at the date line: {text}");
    insta::assert_snapshot!(text);
}

#[test]
fn missing_title() {
    let text = failing_build(article("date: 2025-01-05\n"));
    assert!(
        text.contains("the required field `title:` is missing"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn unknown_topic_and_organization_with_suggestions() {
    let text = failing_build(article(
        "title: T\ndate: 2025-01-05\ntopics: [recyling]\norganizations: [lg-energy-soluton]\n",
    ));
    assert!(
        text.contains("unknown topic `recyling`") && text.contains("did you mean `recycling`?"),
        "{text}"
    );
    assert!(
        text.contains("did you mean `lg-energy-solution`?"),
        "{text}"
    );
    assert!(text.contains("2 error(s)"), "both reported: {text}");
    insta::assert_snapshot!(text);
}

#[test]
fn two_articles_with_one_slug() {
    let text = failing_build(|site| {
        site.write(
            "content/articles/2025-01-05-solid-state-pilot-line.md",
            "---\ntitle: Same slug\ndate: 2025-01-05\n---\nx\n",
        );
    });
    assert!(
        text.contains("two articles have the slug `solid-state-pilot-line`"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn template_syntax_error_names_template_and_line() {
    let text = failing_build(|site| {
        site.write(
            "templates/page.html",
            "{% extends \"base.html\" %}\n{% block content %}\n{% if %}\n{% endblock content %}\n",
        );
    });
    assert!(text.contains("templates/page.html:3:"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn template_with_undefined_variable_names_template_and_line() {
    let text = failing_build(|site| {
        site.write("templates/page.html", "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ no_such_thing.title }}</p>\n{% endblock content %}\n");
    });
    assert!(text.contains("templates/page.html:3:"), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn a_card_partial_using_a_page_key_names_its_line() {
    let text = failing_build(|site| {
        site.write(
            "templates/partials/card.html",
            "<article>\n{{ page.title }}\n</article>\n",
        );
    });
    assert!(text.contains("templates/partials/card.html:2:"), "{text}");
}

#[test]
fn missing_theme() {
    let text = failing_build(|site| {
        let config = site.read("site.yaml");
        site.write("site.yaml", &format!("{config}theme: nonexistent\n"));
    });
    assert!(
        text.contains("the theme `nonexistent` does not exist"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn unknown_config_key() {
    let text = failing_build(|site| {
        let config = site.read("site.yaml");
        site.write("site.yaml", &format!("{config}titel: typo\n"));
    });
    assert!(
        text.contains("site.yaml:6:1") && text.contains("unknown field `titel`"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn every_error_of_a_run_is_reported() {
    let text = failing_build(|site| {
        site.write(
            "content/articles/2025-01-01-one.md",
            "---\ntitle: One\ndate: 2025-13-01\n---\n",
        );
        site.write(
            "content/articles/2025-01-02-two.md",
            "---\ntitle: Two\ndate: 2025-01-02\nfoo: bar\n---\n",
        );
        site.write(
            "content/organizations/broken.md",
            "---\nname: Broken\nkind: bank\ncountry: KR\n---\n",
        );
    });
    assert!(
        text.contains("2025-01-01-one.md")
            && text.contains("2025-01-02-two.md")
            && text.contains("broken.md"),
        "{text}"
    );
    assert!(text.contains("3 error(s)"), "{text}");
}

/// A content error does not hide a template error that only rendering
/// finds: every page that can be rendered is rendered (to nowhere).
#[test]
fn content_and_render_errors_are_reported_together() {
    let text = failing_build(|site| {
        article("title: Broken\ndate: 2025-01-05\ntopics: [recycling\n")(site);
        site.write("templates/page.html", "{% extends \"base.html\" %}\n{% block content %}\n<p>{{ no_such_thing.title }}</p>\n{% endblock content %}\n");
    });
    assert!(
        text.contains("content/articles/2025-01-05-bad.md:"),
        "{text}"
    );
    assert!(text.contains("templates/page.html:3:"), "{text}");
    assert!(text.contains("2 error(s)"), "{text}");
}

#[test]
fn page_named_like_a_section() {
    let text = failing_build(|site| {
        site.write(
            "content/pages/timeline.md",
            "---\ntitle: My timeline\n---\nx\n",
        );
    });
    assert!(
        text.contains("content/pages/timeline.md")
            && text.contains("would replace the site's own /timeline/ pages"),
        "{text}"
    );
}

#[test]
fn link_that_is_not_a_web_address() {
    let text = failing_build(article(
        "title: T\ndate: 2025-01-05\nsource: { url: \"javascript:alert(1)\" }\n",
    ));
    assert!(
        text.contains("2025-01-05-bad.md:4:") && text.contains("this link is not a web address"),
        "{text}"
    );
}

#[test]
fn unreadable_seed_and_content_errors_are_reported_together() {
    let text = failing_build(|site| {
        site.write("seeds/empty.txt", "");
        site.write(ARTICLE, "---\ntitle: T\ndate: 2025-13-01\n---\n");
    });
    assert!(
        text.contains("seeds/empty.txt") && text.contains("2025-01-05-bad.md"),
        "{text}"
    );
}

#[test]
fn output_folder_briefing_did_not_write_is_refused() {
    let site = SiteFixture::new("build/basic");
    let foreign = tempfile::tempdir().unwrap();
    std::fs::write(foreign.path().join("notes.txt"), "keep me").unwrap();
    let output = site.run(&["build", "--output", foreign.path().to_str().unwrap()]);
    assert!(!output.status.success());
    let text = stderr_in(&site, &output);
    assert!(text.contains("was not written by briefing"), "{text}");
    assert_eq!(
        std::fs::read_dir(foreign.path()).unwrap().count(),
        1,
        "nothing written"
    );
    let own_root = site.run(&["build", "--output", site.root().to_str().unwrap()]);
    assert!(!own_root.status.success());
    assert!(
        stderr(&own_root).contains("holds the site's own sources"),
        "{}",
        stderr(&own_root)
    );
    assert!(site.root().join("site.yaml").exists());
}
