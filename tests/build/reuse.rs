//! Rebuilds with nothing to do: a build whose inputs and output folder are
//! exactly what the last build into that folder recorded loads, renders and
//! writes nothing; any change to an input, to the binary or to the output
//! folder makes it build, and what it writes is byte-identical to a clean
//! build of the same site.

use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::process::Command;

use crate::common::{rewrite_keeping_time, stderr, tree_with_folders, SiteFixture};

const NOTHING: &str = "nothing changed since the last build";

fn inode(path: &Path) -> u64 {
    std::fs::metadata(path).unwrap().ino()
}

/// The site's output, its folders included.
fn output_tree(site: &SiteFixture) -> std::collections::BTreeMap<String, Vec<u8>> {
    tree_with_folders(&site.root().join("public"))
}

/// The site built from scratch into a folder of its own.
fn clean_build(site: &SiteFixture) -> std::collections::BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("public");
    let run = site.run(&["build", "--output", output.to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    tree_with_folders(&output)
}

#[test]
fn a_rebuild_with_nothing_changed_leaves_the_output_alone() {
    let site = SiteFixture::new("build/basic");
    site.build();
    let public = site.root().join("public");
    let (before, folder) = (output_tree(&site), inode(&public));
    let again = site.build();
    assert!(stderr(&again).contains(NOTHING), "{}", stderr(&again));
    // Not even published again: the folder is the one the first build made.
    assert_eq!(inode(&public), folder);
    assert_eq!(output_tree(&site), before);
    assert_eq!(before, clean_build(&site));
}

type Change = (&'static str, fn(&SiteFixture));

#[test]
fn any_change_to_inputs_or_output_rebuilds_as_a_clean_build_would() {
    let site = SiteFixture::new("build/basic");
    site.build();
    let article = "content/articles/2024-03-02-recycling-rules.md";
    let changes: [Change; 10] = [
        ("an article's body", |s| {
            let text = s.read("content/articles/2024-03-02-recycling-rules.md");
            s.write(
                "content/articles/2024-03-02-recycling-rules.md",
                &(text + "\nOne more sentence.\n"),
            );
        }),
        ("an article's title", |s| {
            let text = s.read("content/articles/2024-03-02-recycling-rules.md");
            s.write(
                "content/articles/2024-03-02-recycling-rules.md",
                &text.replacen("title: ", "title: Revised ", 1),
            );
        }),
        ("a registry entry", |s| {
            let text = s.read("content/organizations/krict.md");
            s.write("content/organizations/krict.md", &(text + "\nMore.\n"));
        }),
        ("a template", |s| {
            let path = "themes/default/templates/base.html";
            let text = s.read(path).replacen("</footer>", " Changed.</footer>", 1);
            s.write(path, &text);
        }),
        ("a static file", |s| {
            let text = s.read("themes/default/static/css/style.css");
            s.write(
                "themes/default/static/css/style.css",
                &(text + "\n/* x */\n"),
            );
        }),
        ("site.yaml", |s| {
            let text = s.read("site.yaml");
            s.write("site.yaml", &text.replacen("title: ", "title: New ", 1));
        }),
        ("a page removed", |s| s.remove("content/pages/about.md")),
        ("a file of the output edited", |s| {
            let text = s.read("public/index.html");
            s.write("public/index.html", &text.replacen('<', "<!-- -->\n<", 1));
        }),
        ("a file added to the output", |s| {
            s.write("public/stray.html", "x")
        }),
        ("a file of the output deleted", |s| {
            s.remove("public/robots.txt")
        }),
    ];
    assert!(site.root().join(article).exists());
    for (what, change) in changes {
        change(&site);
        let run = site.build();
        assert!(!stderr(&run).contains(NOTHING), "{what}: {}", stderr(&run));
        assert_eq!(output_tree(&site), clean_build(&site), "{what}");
        // And once built, the same inputs have nothing to do.
        assert!(stderr(&site.build()).contains(NOTHING), "{what}");
    }
}

#[test]
fn other_options_or_another_binary_rebuild() {
    let site = SiteFixture::new("build/basic");
    site.build();
    let drafts = site.run(&["build", "--drafts"]);
    assert!(!stderr(&drafts).contains(NOTHING), "{}", stderr(&drafts));
    assert!(site
        .tree("public")
        .contains_key("articles/draft-note/index.html"));
    let run = site.build();
    assert!(!stderr(&run).contains(NOTHING), "{}", stderr(&run));
    assert_eq!(output_tree(&site), clean_build(&site));
    // The same binary's bytes under another file: a new briefing.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("briefing");
    std::fs::copy(env!("CARGO_BIN_EXE_briefing"), &copy).unwrap();
    let run = Command::new(&copy)
        .args(["build", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert!(run.status.success());
    assert!(!stderr(&run).contains(NOTHING), "{}", stderr(&run));
}

const KEPT: &str = "kept (only articles changed)";

/// How many files a partial rebuild rendered, from its report line.
fn rendered(run: &std::process::Output) -> usize {
    let text = stderr(run);
    let before = text.split(" rendered, ").next().unwrap_or_default();
    let count = before.rsplit(' ').next().unwrap_or_default();
    count
        .parse()
        .unwrap_or_else(|_| panic!("no count in {text}"))
}

/// After body edits a rebuild renders only the pages the bodies show on
/// (the article and the site feed carrying it) and keeps every other file;
/// what it leaves is byte-identical to a clean build. Any change to front
/// matter, or beside the bodies, renders everything again.
#[test]
fn a_body_edit_renders_only_the_pages_the_body_shows_on() {
    let site = SiteFixture::new("build/basic");
    site.build();
    let article = "content/articles/2024-03-02-recycling-rules.md";
    let page = "public/articles/recycling-rules/index.html";
    let before = site.read(page);
    let home = inode(&site.root().join("public/index.html"));
    let text = site.read(article);
    site.write(
        article,
        &(text + "\n## A new section\n\nOne more sentence.\n"),
    );
    let run = site.build();
    assert!(stderr(&run).contains(KEPT), "{}", stderr(&run));
    // The article and the site feed (it is among the newest 30); topic
    // and organization feeds carry summaries only.
    assert_eq!(rendered(&run), 2, "{}", stderr(&run));
    assert_ne!(site.read(page), before);
    assert!(site.read(page).contains("One more sentence."));
    assert_eq!(inode(&site.root().join("public/index.html")), home);
    assert_eq!(output_tree(&site), clean_build(&site));
    // Two articles' bodies at once.
    for path in [article, "content/articles/2023-11-20-older-news.md"] {
        let text = site.read(path);
        site.write(
            path,
            &(text + "\nA last line, with a [link](/articles/).\n"),
        );
    }
    let run = site.build();
    assert!(stderr(&run).contains(KEPT), "{}", stderr(&run));
    assert_eq!(output_tree(&site), clean_build(&site));
    // The title is front matter: cards on other pages show it, and
    // they are rendered too, but not every page.
    let text = site.read(article);
    site.write(article, &text.replacen("title: ", "title: Revised ", 1));
    let run = site.build();
    assert!(stderr(&run).contains(KEPT), "{}", stderr(&run));
    assert!(rendered(&run) > 2, "{}", stderr(&run));
    assert_ne!(inode(&site.root().join("public/index.html")), home);
    assert_eq!(output_tree(&site), clean_build(&site));
    // A body edit with a template edit beside it renders everything.
    let text = site.read(article);
    site.write(article, &(text + "\nAnd another.\n"));
    let path = "themes/default/templates/base.html";
    let text = site
        .read(path)
        .replacen("</footer>", " Changed.</footer>", 1);
    site.write(path, &text);
    let run = site.build();
    assert!(!stderr(&run).contains(KEPT), "{}", stderr(&run));
    assert_eq!(output_tree(&site), clean_build(&site));
}

/// Whether every build record of the site (one per output folder) keeps
/// a stamp for the input `path` (lines: bytes digest, front digest, stamp
/// digest, path).
fn recorded_stamp(site: &SiteFixture, path: &str) -> bool {
    let cache = site.root().join(".briefing-cache");
    let records: Vec<_> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|file| file.extension().is_some_and(|e| e == "build"))
        .collect();
    !records.is_empty()
        && records.iter().all(|record| {
            let text = std::fs::read_to_string(record).unwrap();
            let line = text
                .lines()
                .find(|line| line.ends_with(&format!(" {path}")));
            let fields: Vec<&str> = line.unwrap_or_default().split(' ').collect();
            fields.len() == 4 && fields[2].len() == 64
        })
}

/// Files unchanged since the last build are not read again (their stamps
/// stand for their bytes), yet an edit that keeps a file's size and
/// modification time is still seen, and the rebuild is what a clean build
/// writes.
#[test]
fn files_edited_in_place_with_their_times_kept_are_still_rebuilt() {
    let site = SiteFixture::new("build/basic");
    // Only files that last changed well before a build have their stamps
    // kept by it.
    crate::common::wait_until_settled(site.root());
    site.build();
    let again = site.build();
    assert!(stderr(&again).contains(NOTHING), "{}", stderr(&again));
    let edits = [
        (
            "content/articles/2024-03-02-recycling-rules.md",
            "black",
            "Black",
        ),
        (
            "themes/default/templates/base.html",
            "</footer>",
            "</Footer>",
        ),
    ];
    for (path, from, to) in edits {
        // The first build kept the file's stamp: the next one did not read it.
        assert!(recorded_stamp(&site, path), "{path}: no stamp recorded");
        let text = site.read(path);
        let edited = text.replacen(from, to, 1);
        assert_ne!(edited, text, "{path}");
        rewrite_keeping_time(site.root(), path, &edited);
        let run = site.build();
        assert!(!stderr(&run).contains(NOTHING), "{path}: {}", stderr(&run));
        assert_eq!(output_tree(&site), clean_build(&site), "{path}");
        assert!(stderr(&site.build()).contains(NOTHING), "{path}");
    }
}
