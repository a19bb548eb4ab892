//! `briefing check`, `briefing new` and the committed JSON Schemas, run
//! through the real binary on fixture sites under tests/fixtures/check/.

mod clean;
mod contributing;
mod fixture;
mod scaffold;
mod silent;
mod yaml;

use fixture::Site;

/// Human output of `check` on a case, as a snapshot; also asserts the exit
/// code and that nothing was written.
fn human(case: &str, code: i32) -> String {
    let site = Site::new(Some(case));
    let before = site.snapshot_files();
    let run = site.run(&["check"]);
    assert_eq!(run.code, code, "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert_eq!(before, site.snapshot_files(), "check wrote files");
    run.stderr
}

#[test]
fn ok_site_passes_with_no_findings() {
    let site = Site::new(None);
    let run = site.run(&["check", "--deny-warnings"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        !run.stderr.contains("error") && !run.stderr.contains("warning"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("checked 2 articles"), "{}", run.stderr);
}

#[test]
fn broken_links_and_anchors() {
    insta::assert_snapshot!(human("broken-links", 1));
}

#[test]
fn broken_link_in_a_template_points_at_the_template() {
    insta::assert_snapshot!(human("template-link", 1));
}

/// A page that fails to render (its template is broken) is not there:
/// links to it are broken, as a build would leave them.
#[test]
fn links_to_a_page_that_did_not_render_are_broken() {
    let text = human("unrendered-page", 1);
    assert!(text.contains("error[template/"), "{text}");
    assert!(
        text.contains("link `/briefing/about/`: no page or static file is served there"),
        "{text}"
    );
}

#[test]
fn findings_without_a_place_point_at_the_first_line() {
    insta::assert_snapshot!(human("duplicate-slug", 1));
}

/// Ingest runs dry: its findings on the seeds are reported, nothing is
/// written (no article, no manifest).
#[test]
fn ingest_findings_on_seeds() {
    insta::assert_snapshot!(human("ingest", 1));
}

#[test]
fn unknown_references() {
    insta::assert_snapshot!(human("unknown-reference", 1));
}

#[test]
fn bad_front_matter() {
    insta::assert_snapshot!(human("bad-front-matter", 1));
}

#[test]
fn alias_claimed_twice() {
    insta::assert_snapshot!(human("alias-conflict", 1));
}

#[test]
fn unused_registry_entry() {
    insta::assert_snapshot!(human("unused-registry", 0));
}

#[test]
fn annotations_against_the_text() {
    insta::assert_snapshot!(human("annotations", 0));
}

/// An undated article is valid, but a person should look: a warning at
/// its `date_basis: unknown`.
#[test]
fn undated_article_warns() {
    insta::assert_snapshot!(human("undated", 0));
}

/// A missing date needs `date_basis: unknown` and the day the article
/// came in; an "unknown" date that is there is a contradiction.
#[test]
fn dates_missing_or_contradicted() {
    insta::assert_snapshot!(human("undated-bad", 1));
}

#[test]
fn duplicate_articles() {
    insta::assert_snapshot!(human("duplicates", 1));
}

#[test]
fn only_warnings_exit_2_under_deny_warnings() {
    let site = Site::new(Some("unused-registry"));
    assert_eq!(site.run(&["check"]).code, 0);
    assert_eq!(site.run(&["check", "--deny-warnings"]).code, 2);
    let errors = Site::new(Some("broken-links"));
    assert_eq!(errors.run(&["check", "--deny-warnings"]).code, 1);
}

#[test]
fn github_format_is_workflow_commands_on_stdout() {
    let site = Site::new(Some("unknown-reference"));
    let run = site.run(&["check", "--format", "github"]);
    assert_eq!(run.code, 1);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn json_format_is_one_documented_object_on_stdout() {
    let site = Site::new(Some("annotations"));
    let run = site.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 0);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(value["errors"], 0);
    assert_eq!(value["warnings"], 2);
    let first = &value["diagnostics"][0];
    for key in [
        "severity",
        "code",
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "message",
        "help",
    ] {
        assert!(first.get(key).is_some(), "missing `{key}` in {first}");
    }
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn check_writes_nothing_even_when_clean() {
    let site = Site::new(None);
    let before = site.snapshot_files();
    assert_eq!(site.run(&["check"]).code, 0);
    assert_eq!(before, site.snapshot_files());
    assert!(!site.root().join("public").exists());
}

#[test]
fn scaffolded_files_pass_check_and_are_never_overwritten() {
    let site = Site::new(None);
    let article = site.run(&[
        "new",
        "article",
        "KRICT and LGES: a joint recycling pilot",
        "--date",
        "2024-05-01",
        "--topic",
        "recycling",
        "--org",
        "krict",
        "--org",
        "lg-energy-solution",
    ]);
    assert_eq!(article.code, 0, "{}", article.stderr);
    assert_eq!(
        article.stdout.trim(),
        "content/articles/2024-05-01-krict-and-lges-a-joint-recycling-pilot.md"
    );
    let org = site.run(&[
        "new",
        "organization",
        "Korea Battery Industry Association",
        "--kind",
        "association",
    ]);
    assert_eq!(org.code, 0, "{}", org.stderr);
    let check = site.run(&["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    // The new organization is not mentioned yet: gazetteer coverage, not a
    // warning; only the placeholders are.
    let warnings = check.stderr.lines().filter(|l| l.starts_with("warning"));
    assert!(
        warnings
            .clone()
            .all(|l| l.starts_with("warning[content/placeholder]")),
        "{}",
        check.stderr
    );
    assert_eq!(warnings.count(), 3, "{}", check.stderr);

    let path = site.root().join(article.stdout.trim());
    std::fs::write(&path, "edited by hand").unwrap();
    let again = site.run(&[
        "new",
        "article",
        "KRICT and LGES: a joint recycling pilot",
        "--date",
        "2024-05-01",
    ]);
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("new/exists"), "{}", again.stderr);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "edited by hand");
}

#[test]
fn new_article_refuses_unknown_slugs_with_a_suggestion() {
    let site = Site::new(None);
    let run = site.run(&["new", "article", "Title", "--topic", "recyclng"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("did you mean `recycling`?"),
        "{}",
        run.stderr
    );
    assert!(!site
        .root()
        .join("content/articles")
        .read_dir()
        .unwrap()
        .any(|e| { e.unwrap().file_name().to_string_lossy().contains("title") }));
}

/// The schemas under schemas/ are what the Rust types generate.
/// Regenerate with `cargo run -- schema --write` or `UPDATE_SCHEMAS=1 cargo test`.
#[test]
fn committed_schemas_are_up_to_date() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("UPDATE_SCHEMAS").is_some() {
        briefing::schema::write(root).unwrap();
    }
    for (name, generated) in briefing::schema::all() {
        let path = root.join(briefing::schema::SCHEMA_DIR).join(name);
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{} is out of date: run `cargo run -- schema --write` (or `UPDATE_SCHEMAS=1 cargo test`) and commit the result",
            path.display()
        );
    }
}

/// An organization ingest added and no person confirmed yet is listed as a
/// note: information that never fails a run, not even under
/// `--deny-warnings`; its page tells readers it is unreviewed.
#[test]
fn generated_registry_entries_are_listed_as_notes() {
    let site = Site::new(Some("generated-entry"));
    let run = site.run(&["check", "--deny-warnings"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("note[registry/generated]")
            && run.stderr.contains("content/organizations/krict.md:6:1")
            && run.stderr.contains("0 error(s), 0 warning(s), 1 note(s)"),
        "{}",
        run.stderr
    );
    let json = site.run(&["check", "--format", "json"]);
    assert!(
        json.stdout.contains("\"severity\": \"note\""),
        "{}",
        json.stdout
    );
    let github = site.run(&["check", "--format", "github"]);
    assert!(
        github
            .stdout
            .contains("::notice file=content/organizations/krict.md"),
        "{}",
        github.stdout
    );

    let build = site.run(&["build"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    let page =
        std::fs::read_to_string(site.root().join("public/organizations/krict/index.html")).unwrap();
    assert!(
        page.contains("not yet reviewed") && page.contains("unveiled a solid electrolyte"),
        "{page}"
    );
}

/// A YAML error in one article, a broken registry file and a broken link
/// in another article: all three in one run, every valid page rendered
/// and link-checked, and no follow-on errors (the article naming the
/// broken topic is not blamed; the link to the broken article's page is
/// not called broken).
#[test]
fn every_error_of_a_run_at_once() {
    let text = human("all-at-once", 1);
    for want in [
        "error[front-matter/tab]",
        "error[front-matter/unknown-field]",
        "error[link/broken]: link `../krict-pilot-line/`",
    ] {
        assert!(text.contains(want), "no {want} in {text}");
    }
    assert!(!text.contains("unknown-topic"), "{text}");
    assert!(!text.contains("articles/lges-recycling/`"), "{text}");
    assert!(!text.contains(" 0 pages rendered"), "{text}");
    insta::assert_snapshot!(text);
}

/// After a topic typo, the evidence for the right topic is not called an
/// orphan with the typo as its suggestion: the typo's own error suggests
/// the right topic.
#[test]
fn a_typo_in_a_list_blames_only_the_typo() {
    let text = human("topic-typo", 1);
    assert!(text.contains("unknown topic `all-solid-stat`"), "{text}");
    assert!(text.contains("did you mean `all-solid-state`?"), "{text}");
    assert!(!text.contains("orphan-evidence"), "{text}");
    insta::assert_snapshot!(text);
}

/// `--root` given as a relative path finds the theme's static files (the
/// stylesheet every page links to is not called broken).
#[test]
fn a_relative_root_finds_the_static_files() {
    let site = Site::new(None);
    let parent = site.root().parent().expect("a temp folder has a parent");
    let name = site.root().file_name().expect("a name");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["check", "--deny-warnings", "--root"])
        .arg(name)
        .current_dir(parent)
        .env_remove("RUST_LOG")
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("style.css"), "{stderr}");
}
