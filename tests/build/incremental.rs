//! Incremental builds equal clean builds: random front-matter edits, body
//! edits, adds, deletes and renames, each followed by `briefing build`
//! into the same folder (which renders only the pages they touch and
//! keeps every other file, inode and all) and compared byte for byte with
//! a clean build of the same content into a folder of its own.

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use crate::common::{run_in, stderr, tree_with_folders, Lcg};
use crate::serve::site::{add_bulk, article_path, bulk, TestSite, BULK_ORGS, BULK_TOPICS};

const KEPT: &str = "kept (only articles changed)";

fn inodes(dir: &Path) -> BTreeMap<String, u64> {
    if !dir.exists() {
        return BTreeMap::new();
    }
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let path = e.path().strip_prefix(dir).unwrap().display().to_string();
            (path, e.metadata().unwrap().ino())
        })
        .collect()
}

/// The count in "…; R rendered, K kept (…)".
fn kept(text: &str) -> usize {
    let before = text.split(" kept (").next().unwrap_or_default();
    before.rsplit(' ').next().unwrap().parse().unwrap()
}

struct Builds<'a> {
    site: &'a TestSite,
}

impl Builds<'_> {
    /// Build into `public/`; then a clean build into a folder of its own,
    /// which must hold the same bytes. Returns the build's report.
    fn build(&self, step: &str) -> String {
        let public = self.site.path("public");
        let before = inodes(&public);
        let run = run_in(&self.site.root, &["build"]);
        let text = stderr(&run);
        assert!(run.status.success(), "{step}: {text}");
        let dir = tempfile::tempdir().unwrap();
        let clean = dir.path().join("out");
        let full = run_in(
            &self.site.root,
            &["build", "--output", clean.to_str().unwrap()],
        );
        assert!(full.status.success(), "{step}: {}", stderr(&full));
        let (got, want) = (tree_with_folders(&public), tree_with_folders(&clean));
        let differ: Vec<&String> = got
            .keys()
            .chain(want.keys())
            .filter(|k| got.get(*k) != want.get(*k))
            .collect();
        assert!(
            differ.is_empty(),
            "{step}: differ from a clean build: {differ:?}"
        );
        if text.contains(KEPT) {
            let after = inodes(&public);
            let same = after
                .iter()
                .filter(|(p, i)| before.get(*p) == Some(i))
                .count();
            assert!(
                same >= kept(&text),
                "{step}: {same} files kept their inode; {text}"
            );
        }
        text
    }
}

fn line_starting(text: &str, key: &str) -> String {
    text.lines()
        .find(|l| l.starts_with(key))
        .unwrap()
        .to_string()
}

#[test]
fn random_article_changes_build_incrementally_to_what_a_clean_build_writes() {
    let site = TestSite::new();
    let (topics, orgs) = (BULK_TOPICS, BULK_ORGS);
    let mut paths = add_bulk(&site, 40);
    let builds = Builds { site: &site };
    builds.build("first");
    let mut rng = Lcg(11);
    let mut next = 40;
    for step in 0..36 {
        let at = rng.below(paths.len());
        let path = paths[at].clone();
        let text = site.read(&path);
        let what = match rng.below(9) {
            0 => {
                site.write(&path, &text.replace("body", "body edited"));
                "body"
            }
            1 => {
                site.write(&path, &text.replacen("title: ", "title: Renamed ", 1));
                "title"
            }
            2 => {
                let line = line_starting(&text, "date:");
                let date = format!("date: {}-06-{:02}", 2017 + rng.below(8), 1 + rng.below(27));
                site.write(&path, &text.replacen(&line, &date, 1));
                "date"
            }
            3 => {
                let line = line_starting(&text, "topics:");
                let topic = format!("topics: [{}]", topics[rng.below(3)]);
                site.write(&path, &text.replacen(&line, &topic, 1));
                "topics"
            }
            4 => {
                let line = line_starting(&text, "organizations:");
                let org = format!("organizations: [{}]", orgs[rng.below(3)]);
                site.write(&path, &text.replacen(&line, &org, 1));
                "organizations"
            }
            5 => {
                let (path, text) = bulk(next);
                next += 1;
                site.write(&path, &text);
                paths.push(path);
                "add"
            }
            6 => {
                site.remove(&paths.swap_remove(at));
                "delete"
            }
            7 => {
                let to = path.replace("bulk-", &format!("moved{step}-"));
                std::fs::rename(site.path(&path), site.path(&to)).unwrap();
                paths[at] = to;
                "rename (new slug)"
            }
            _ => {
                // The same slug under another date prefix: the page stays.
                let (_, name) = path.rsplit_once('/').unwrap();
                let to = format!("content/articles/1999-01-01-{}", &name[11..]);
                std::fs::rename(site.path(&path), site.path(&to)).unwrap();
                paths[at] = to;
                "rename (same slug)"
            }
        };
        let text = builds.build(&format!("step {step}: {what} of {path}"));
        // Articles alone changed (or, a topic set to the one it had,
        // nothing): no step needs a full build.
        assert!(
            text.contains(KEPT) || text.contains("nothing changed"),
            "step {step}: {what} of {path}: {text}"
        );
    }
    // Several at once, of every kind.
    let (fresh, text) = bulk(next);
    site.write(&fresh, &text);
    site.remove(&paths.pop().unwrap());
    let title = site.read(&paths[0]).replacen("title: ", "title: Again ", 1);
    site.write(&paths[0], &title);
    std::fs::rename(
        site.path(&paths[1]),
        site.path(&paths[1].replace("bulk-", "batch-")),
    )
    .unwrap();
    let text = builds.build("a batch of every kind");
    assert!(text.contains(KEPT), "{text}");
}

/// Anything beside articles, or a lost cache, builds everything, still
/// as a clean build would.
#[test]
fn other_changes_or_a_lost_cache_build_everything() {
    let site = TestSite::new();
    let builds = Builds { site: &site };
    builds.build("first");
    let article = article_path("2024-03-01", "recycling-plant");
    let retitle = |word: &str| {
        let text = site
            .read(&article)
            .replacen("title: ", &format!("title: {word} "), 1);
        site.write(&article, &text);
    };
    retitle("New");
    assert!(builds.build("a title alone").contains(KEPT));
    type Beside = (&'static str, fn(&TestSite));
    let besides: [Beside; 5] = [
        ("a registry entry", |s| {
            let text = s.read("content/organizations/sk-on.md");
            s.write("content/organizations/sk-on.md", &(text + "More.\n"));
        }),
        ("a template", |s| {
            let base = "themes/default/templates/base.html";
            let text = s.read(base).replacen("</footer>", " Changed.</footer>", 1);
            s.write(base, &text);
        }),
        ("site.yaml", |s| {
            let text = s.read("site.yaml").replacen("title: ", "title: New ", 1);
            s.write("site.yaml", &text);
        }),
        ("the cache's front matter lost", |s| {
            for entry in std::fs::read_dir(s.path(".briefing-cache")).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|x| x == "fronts") {
                    std::fs::remove_file(path).unwrap();
                }
            }
        }),
        ("the cache's front matter cut short", |s| {
            for entry in std::fs::read_dir(s.path(".briefing-cache")).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|x| x == "fronts") {
                    let bytes = std::fs::read(&path).unwrap();
                    std::fs::write(path, &bytes[..bytes.len() - 2]).unwrap();
                }
            }
        }),
    ];
    for (n, (what, change)) in besides.into_iter().enumerate() {
        retitle(&format!("Step{n}"));
        change(&site);
        let text = builds.build(what);
        assert!(!text.contains(KEPT), "{what}: {text}");
    }
}
