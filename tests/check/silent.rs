//! What `check` used to accept silently: a file name dated otherwise than
//! `date:`, and a registry organization the text names but the article does
//! not list (a note, with the sentence).

use super::fixture::Site;

fn write(site: &Site, relative: &str, text: &str) {
    std::fs::write(site.root().join(relative), text).unwrap();
}

#[test]
fn a_file_name_dated_otherwise_than_date_is_warned_at_the_date_line() {
    let site = Site::new(None);
    let text = "---\ntitle: Pilot line\ndate: 2024-03-01\n---\nA pilot line.\n";
    write(&site, "content/articles/2024-02-01-pilot.md", text);
    write(
        &site,
        "content/articles/pilot-two.md",
        &text.replace("Pilot line", "Second pilot"),
    );
    let before = site.snapshot_files();
    let run = site.run(&["check", "--deny-warnings"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(before, site.snapshot_files(), "check wrote files");
    run.expect_stderr(
        "warning[article/file-date]: the file name says 2024-02-01, but `date:` is 2024-03-01",
    );
    run.expect_stderr("content/articles/2024-02-01-pilot.md:3:7");
    run.expect_stderr("rename the file to content/articles/2024-03-01-pilot.md");
    run.expect_stderr("`date:` is 2024-03-01, but the file name has no date");
    assert_eq!(
        run.stderr.matches("article/file-date").count(),
        2,
        "{}",
        run.stderr
    );
}

#[test]
fn an_organization_named_but_not_listed_is_a_note_with_its_sentence() {
    let site = Site::new(None);
    let text = "---\ntitle: Pilot line\ndate: 2024-03-01\nsource: { publisher: LG Energy Solution }\n---\nLG Energy Solution said so. The pilot line was built with KRICT in Daejeon.\nKRICT will run it.\n";
    let path = "content/articles/2024-03-01-pilot.md";
    write(&site, path, text);
    let run = site.run(&["check", "--deny-warnings"]);
    assert_eq!(run.code, 0, "a note never fails: {}", run.stderr);
    let notes = run.stderr_lines("note[article/unlisted-organization]");
    assert_eq!(
        notes,
        ["note[article/unlisted-organization]: the text names `KRICT` (Korea Research Institute of Chemical Technology, content/organizations/krict.md), which `organizations:` does not list: \"The pilot line was built with KRICT in Daejeon.\""],
        "once, at its first mention; the publisher is no subject:\n{}",
        run.stderr
    );
    run.expect_stderr(&format!("{path}:6:59"));
    run.expect_stderr("add `krict` to `organizations:`");
    write(
        &site,
        path,
        &text.replace("source:", "organizations: [krict]\nsource:"),
    );
    let run = site.run(&["check", "--deny-warnings"]);
    assert!(
        !run.stderr.contains("unlisted-organization"),
        "{}",
        run.stderr
    );
}
