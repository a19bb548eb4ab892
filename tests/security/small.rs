//! The small findings of the hostile-input probe (issue 13, finding 8):
//! each is a clear error or warning naming the file, and nothing a person
//! wrote is lost or overwritten.

use briefing::diag::Severity;

use crate::common::{stderr, SiteFixture};
use crate::ingest::Site;

/// `path:line: message` of every diagnostic of `check` at `severity`.
fn findings(site: &SiteFixture, severity: Severity) -> Vec<String> {
    briefing::check::run(site.root())
        .diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .map(|d| format!("{}:{}: {}", d.path.display(), d.line_col().0, d.message))
        .collect()
}

fn assert_has(found: &[String], want: &str) {
    assert!(
        found.iter().any(|f| f.starts_with(want)),
        "no `{want}` in {found:#?}"
    );
}

/// Front matter that YAML reads as something other than what a person
/// sees: each is an error at its line, all in one run, and a build writes
/// nothing.
#[test]
fn front_matter_values_yaml_would_misread_are_errors_at_their_line() {
    let site = SiteFixture::new("build/basic");
    let article = |name: &str, extra: &str| {
        site.write(
            &format!("content/articles/2025-01-05-{name}.md"),
            &format!("---\n{extra}\n---\nBody a b.\n"),
        );
    };
    article("null", "title: null\ndate: 2025-01-05");
    article("binary", "title: !!binary SGVsbG8=\ndate: 2025-01-05");
    article(
        "nan",
        "title: NaN\ndate: 2025-01-05\nfigures: [{ text: a, value: .nan, unit: KRW }]",
    );
    article(
        "inf",
        "title: Inf\ndate: 2025-01-05\nfigures:\n  - { text: b, value: .inf, unit: KRW }",
    );
    article(
        "huge",
        "title: Huge\ndate: 2025-01-05\nfigures: [{ text: a, value: 1e400, unit: KRW }]",
    );
    article("year", "title: Year zero\ndate: 0000-01-01");
    article("lang", "title: Lang\ndate: 2025-01-05\nlanguage: klingon");
    let errors = findings(&site, Severity::Error);
    let a = "content/articles/2025-01-05-";
    for want in [
        format!("{a}null.md:2: no text (an empty value, `null` or `~`): write the text after the colon"),
        format!("{a}binary.md:2: YAML tags (`!!binary`, `!name`) are not used"),
        format!("{a}nan.md:4: the value of figure `a` is not a number"),
        format!("{a}inf.md:5: the value of figure `b` is not a number"),
        format!("{a}huge.md:4: figures[0].value: `1e400` is too large a number"),
        format!("{a}year.md:3: date: `0000-01-01` is not a date: the year must be between 1000 and 9999"),
        format!("{a}lang.md:4: language `klingon` is not a language tag"),
    ] {
        assert_has(&errors, &want);
    }
    let content = site.tree("content");
    let output = site.run(&["build"]);
    assert!(!output.status.success());
    assert!(!site.root().join("public").exists(), "nothing published");
    assert_eq!(site.tree("content"), content, "nothing rewritten");
}

#[test]
fn a_bad_country_is_refused_by_new_and_by_check() {
    let site = SiteFixture::new("build/basic");
    let before = site.tree("content");
    let output = site.run(&[
        "new",
        "organization",
        "Evil Org",
        "--kind",
        "company",
        "--country",
        "../../x",
    ]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("`../../x` is not a country code"),
        "{}",
        stderr(&output)
    );
    assert_eq!(site.tree("content"), before, "nothing written");
    site.write(
        "content/organizations/evil.md",
        "---\nname: Evil\nkind: company\ncountry: ../../X\n---\n",
    );
    assert_has(
        &findings(&site, Severity::Error),
        "content/organizations/evil.md:4: country `../../X` is not a country code",
    );
}

#[test]
fn a_very_long_title_makes_a_file_name_cut_at_a_word() {
    let site = SiteFixture::new("build/basic");
    let title = "word ".repeat(500);
    let output = site.run(&["new", "article", &title, "--date", "2025-01-08"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let name = format!("2025-01-08-{}.md", ["word"; 16].join("-"));
    let text = site.read(&format!("content/articles/{name}"));
    assert!(text.contains(title.trim()), "the whole title is kept");
}

#[test]
fn outputs_over_the_site_or_inside_its_sources_are_refused() {
    let site = SiteFixture::new("build/basic");
    let before = site.tree("");
    for (output, why) in [
        (
            "/",
            "is inside that folder, and a build replaces the folder's contents",
        ),
        (
            "content/pages/x",
            "inside the site's content/, which builds read",
        ),
        ("themes", "inside the site's themes/, which builds read"),
    ] {
        let target = if output.starts_with('/') {
            output.to_string()
        } else {
            site.root().join(output).display().to_string()
        };
        let run = site.run(&["build", "--output", &target]);
        assert!(!run.status.success(), "{output} accepted");
        assert!(stderr(&run).contains(why), "{output}: {}", stderr(&run));
    }
    assert_eq!(site.tree(""), before, "nothing written");
}

#[test]
fn a_taken_port_is_named_once_with_its_cause() {
    let site = SiteFixture::new("build/basic");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let output = site.run(&["serve", "--port", &port]);
    assert!(!output.status.success());
    let text = stderr(&output);
    assert!(
        text.contains(&format!(
            "cannot listen on 127.0.0.1:{port} (choose another --port): "
        )),
        "{text}"
    );
    assert_eq!(text.matches("os error").count(), 1, "{text}");
}

#[cfg(unix)]
#[test]
fn dangling_and_looping_links_are_named_as_such() {
    use std::os::unix::fs::symlink;
    let site = SiteFixture::new("build/basic");
    let dir = site.root().join("content/articles");
    symlink("/nonexistent/x.md", dir.join("2025-01-06-dangling.md")).unwrap();
    symlink("2025-01-07-loop.md", dir.join("2025-01-07-loop.md")).unwrap();
    let warnings = findings(&site, Severity::Warning);
    for name in ["2025-01-06-dangling.md", "2025-01-07-loop.md"] {
        let path = format!("content/articles/{name}");
        assert_has(
            &warnings,
            &format!("{path}:1: skipped: {path} is a symlink that points nowhere (or loops)"),
        );
    }
}

#[cfg(unix)]
#[test]
fn a_seed_whose_name_is_not_utf8_is_named_and_skipped() {
    use std::os::unix::ffi::OsStrExt;
    let site = Site::new();
    site.seed(
        "a.txt",
        "Plant opens\nThe ministry opened a plant on Monday.\n",
    );
    let name = std::ffi::OsStr::from_bytes(b"seeds/caf\xe9.txt");
    std::fs::write(site.root().join(name), "Text\n").unwrap();
    let report = site.ingest();
    assert_eq!(report.written.len(), 1);
    let skipped: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "ingest/skipped-seed")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        skipped,
        ["seeds/caf\u{fffd}.txt: the file name is not valid UTF-8; the seed was skipped"]
    );
}

/// A person renames the article ingest wrote: ingest leaves the renamed
/// file as the seed's article and says so, instead of writing the old
/// name again (two articles from one seed, a duplicate for `check`).
#[test]
fn a_renamed_generated_article_is_followed_not_written_again() {
    let site = Site::new();
    site.seed(
        "a.txt",
        "Plant opens in the north\nDate2024-05-01\nThe ministry opened a battery plant on Monday.\n",
    );
    site.ingest();
    let articles = site.articles();
    assert_eq!(articles.len(), 1);
    let (old, text) = &articles[0];
    let renamed = "content/articles/2024-05-01-my-better-name.md";
    std::fs::rename(site.path(old), site.path(renamed)).unwrap();
    for _ in 0..2 {
        let report = site.ingest();
        assert!(report.written.is_empty(), "{:?}", report.written);
        assert!(!site.path(old).exists(), "{old} written again");
        assert_eq!(&std::fs::read_to_string(site.path(renamed)).unwrap(), text);
        let warning = report
            .diagnostics
            .iter()
            .find(|d| d.code == "ingest/renamed")
            .expect("a warning naming the rename");
        assert_eq!(warning.path, std::path::Path::new(renamed));
        assert!(
            warning.message.contains(&format!("renamed from {old}")),
            "{}",
            warning.message
        );
    }
    // Deleting the renamed file hands the seed back to ingest.
    std::fs::remove_file(site.path(renamed)).unwrap();
    assert_eq!(site.ingest().written.len(), 1);
    assert!(site.path(old).exists());
}
