//! `briefing new` refuses what would conflict with an existing file, names
//! Korean titles, leaves a draft whose placeholder `check` points at; and
//! "did you mean" knows every name a registry knows.

use super::fixture::Site;

const ARTICLE: &str = "content/articles/2024-01-10-lges-recycling.md";

fn refused(site: &Site, args: &[&str], names: &str) -> String {
    let before = site.snapshot_files();
    let run = site.run(args);
    assert_eq!(run.code, 1, "{}", run.stderr);
    run.expect_stderr("new/exists");
    run.expect_stderr(names);
    assert_eq!(before, site.snapshot_files(), "a refused `new` wrote");
    run.stderr
}

#[test]
fn an_organization_named_like_an_existing_one_is_refused_naming_its_file() {
    let site = Site::new(None);
    let org = "content/organizations/krict.md";
    let name = "Korea Research Institute of Chemical Technology";
    let err = refused(&site, &["new", "organization", name], org);
    assert!(
        err.contains("edit content/organizations/krict.md instead"),
        "{err}"
    );
    // An alias, in another case; the Korean alias; the slug.
    refused(&site, &["new", "organization", "krict"], org);
    refused(&site, &["new", "organization", "한국화학연구원"], org);
    let lges = "content/organizations/lg-energy-solution.md";
    refused(&site, &["new", "organization", "Lg Energy Solution"], lges);
    let other = ["new", "organization", "Other Lab", "--slug", "krict"];
    refused(&site, &other, org);
    let ok = site.run(&["new", "organization", "Other Lab", "--slug", "other-lab"]);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    assert_eq!(ok.stdout.trim(), "content/organizations/other-lab.md");
}

#[test]
fn an_article_with_an_existing_slug_or_title_is_refused_naming_its_file() {
    let site = Site::new(None);
    // Same slug under another date.
    let same_slug = ["new", "article", "LGES recycling", "--date", "2025-02-02"];
    refused(&site, &same_slug, ARTICLE);
    let same_title = [
        "new",
        "article",
        "LG Energy Solution expands recycling",
        "--date",
        "2025-02-02",
    ];
    let err = refused(&site, &same_title, ARTICLE);
    assert!(err.contains("same title"), "{err}");
    let own_slug = [&same_title[..], &["--slug", "lges-recycling-2025"]].concat();
    refused(&site, &own_slug, ARTICLE);
}

#[test]
fn a_korean_title_gets_a_romanized_file_name_and_slug_can_be_given() {
    let site = Site::new(None);
    let run = site.run(&[
        "new",
        "article",
        "삼성SDI, 천안에 배터리 라인 가동",
        "--date",
        "2024-05-01",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.trim(),
        "content/articles/2024-05-01-samseongsdi-cheonan-baeteori-rain-gadong.md"
    );
    let run = site.run(&["new", "article", "…", "--date", "2024-05-01"]);
    assert_eq!(run.code, 1);
    run.expect_stderr("--slug");
    let run = site.run(&[
        "new",
        "article",
        "…",
        "--date",
        "2024-05-01",
        "--slug",
        "sdi-line",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.trim(), "content/articles/2024-05-01-sdi-line.md");
    let run = site.run(&["new", "article", "T", "--slug", "Not A Slug"]);
    assert_eq!(run.code, 1);
    run.expect_stderr("new/bad-slug");
}

#[test]
fn a_new_article_is_a_draft_and_check_warns_on_its_placeholders() {
    let site = Site::new(None);
    let run = site.run(&["new", "article", "KRICT pilot line", "--date", "2024-05-01"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let path = run.stdout.trim().to_string();
    let text = std::fs::read_to_string(site.root().join(&path)).unwrap();
    assert!(text.contains("draft: true"), "{text}");
    let run = site.run(&["new", "organization", "Other Lab"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let check = site.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    let warned = check.stderr_lines("warning[content/placeholder]");
    assert_eq!(
        warned.len(),
        3,
        "summary, body, description:\n{}",
        check.stderr
    );
    check.expect_stderr(&format!("{path}:"));
    check.expect_stderr("content/organizations/other-lab.md:");
    // A draft is not published.
    let build = site.run(&["build"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(!site
        .root()
        .join("public/articles/krict-pilot-line")
        .exists());
}

#[test]
fn did_you_mean_knows_names_and_aliases_before_guessing() {
    let site = Site::new(None);
    let path = site.root().join(ARTICLE);
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replace(
        "organizations: [lg-energy-solution]",
        "organizations: [lg-energy-solution, lg에너지솔루션, KRICT, korea-research-institute]",
    );
    std::fs::write(&path, &text).unwrap();
    let check = site.run(&["check"]);
    assert_eq!(check.code, 1, "{}", check.stderr);
    let helps: Vec<&str> = check
        .stderr
        .lines()
        .filter(|l| l.contains("help: did you mean"))
        .collect();
    assert_eq!(
        helps,
        [
            "  = help: did you mean `lg-energy-solution`?",
            "  = help: did you mean `krict`?",
            "  = help: did you mean `krict`?",
        ],
        "{}",
        check.stderr
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}
