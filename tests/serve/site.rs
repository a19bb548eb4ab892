//! Fixture sites written by the tests into temp folders, with the repo's
//! theme copied in, plus a running preview server over one.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use briefing::serve::{ServeOptions, Server};

/// A small site: three topics, three organizations, one place, five
/// articles; two articles per page so lists paginate.
pub(crate) struct TestSite {
    _dir: tempfile::TempDir,
    pub(crate) root: PathBuf,
}

impl TestSite {
    pub(crate) fn new() -> TestSite {
        TestSite::with_base("https://example.org/")
    }

    pub(crate) fn with_base(base_url: &str) -> TestSite {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("site");
        let site = TestSite { _dir: dir, root };
        site.populate(base_url);
        site
    }

    fn populate(&self, base_url: &str) {
        copy_tree(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("themes"),
            &self.root.join("themes"),
        );
        self.write(
            "site.yaml",
            &format!("title: Test Briefing\ndescription: Tests.\nbase_url: {base_url}\nitems_per_page: 2\n"),
        );
        for (slug, name, kind) in [
            ("kistep", "KISTEP", "government"),
            ("lg-energy-solution", "LG Energy Solution", "company"),
            ("sk-on", "SK On", "company"),
            // Named by no article until a test edit names it.
            ("samsung-sdi", "Samsung SDI", "company"),
        ] {
            self.write(
                &format!("content/organizations/{slug}.md"),
                &format!("---\nname: {name}\nkind: {kind}\ncountry: KR\naliases: []\n---\nAbout {name}.\n"),
            );
        }
        for (slug, name) in [
            ("recycling", "Recycling"),
            ("all-solid-state", "All-solid-state batteries"),
            ("workforce-training", "Workforce training"),
        ] {
            self.write(
                &format!("content/topics/{slug}.md"),
                &format!("---\nname: {name}\nkeywords: [{slug}]\n---\nAbout {name}.\n"),
            );
        }
        self.write(
            "content/places/korea.md",
            "---\nname: Korea\nkind: country\naliases: [South Korea]\n---\n",
        );
        let articles = [
            (
                "2024-03-01",
                "recycling-plant",
                "Recycling plant opens",
                "[recycling]",
                "[sk-on, kistep]",
            ),
            (
                "2024-02-10",
                "solid-state-pilot",
                "Solid-state pilot line",
                "[all-solid-state, recycling]",
                "[lg-energy-solution, sk-on]",
            ),
            (
                "2023-11-05",
                "training-program",
                "Battery training program",
                "[workforce-training]",
                "[kistep]",
            ),
            (
                "2023-06-02",
                "kistep-forum",
                "KISTEP forum on competitiveness",
                "[all-solid-state, workforce-training]",
                "[kistep, lg-energy-solution]",
            ),
            (
                "2022-12-24",
                "recycling-rules",
                "New recycling rules",
                "[recycling, all-solid-state]",
                "[kistep, sk-on]",
            ),
        ];
        for (date, slug, title, topics, orgs) in articles {
            self.write(
                &article_path(date, slug),
                &article(title, date, topics, orgs, &format!("The body of {title}.")),
            );
        }
    }

    pub(crate) fn path(&self, relative: &str) -> PathBuf {
        self.root.join(relative)
    }

    pub(crate) fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, text).expect("write");
    }

    /// How editors save: write a temp file beside it, then rename over.
    pub(crate) fn save_atomically(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        let temp = path.with_extension("md.tmp");
        std::fs::write(&temp, text).expect("write temp");
        std::fs::rename(&temp, &path).expect("rename");
    }

    pub(crate) fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.path(relative)).expect("read")
    }

    /// Replace `from` with `to` in a file (a plain write, not an atomic save).
    pub(crate) fn replace(&self, relative: &str, from: &str, to: &str) {
        let text = self.read(relative);
        assert!(text.contains(from), "{relative} has no `{from}`");
        self.write(relative, &text.replace(from, to));
    }

    pub(crate) fn remove(&self, relative: &str) {
        std::fs::remove_file(self.path(relative)).expect("remove");
    }

    /// Start a preview server on a system-chosen port.
    pub(crate) fn serve(&self) -> Server {
        let mut options = ServeOptions::new(&self.root);
        options.port = Some(0);
        options.verbose = false;
        Server::start(&options).expect("serve starts")
    }
}

pub(crate) fn article_path(date: &str, slug: &str) -> String {
    format!("content/articles/{date}-{slug}.md")
}

/// The article tests add to the site: `(path, text)`.
pub(crate) fn new_cell() -> (String, String) {
    let date = "2025-01-01";
    let text = article("A new cell", date, "[recycling]", "[sk-on]", "Fresh.");
    (article_path(date, "new-cell"), text)
}

/// The topics and organizations bulk articles name.
pub(crate) const BULK_TOPICS: [&str; 3] = ["recycling", "all-solid-state", "workforce-training"];
pub(crate) const BULK_ORGS: [&str; 3] = ["kistep", "lg-energy-solution", "sk-on"];

/// The `i`-th of many articles a test adds, `(path, text)`: dates over six
/// years, one of [`BULK_TOPICS`], two of [`BULK_ORGS`].
pub(crate) fn bulk(i: usize) -> (String, String) {
    let date = format!("20{:02}-{:02}-{:02}", 18 + i % 6, 1 + i % 12, 1 + i % 27);
    let topic = format!("[{}]", BULK_TOPICS[i % 3]);
    let org = format!("[{}, {}]", BULK_ORGS[i % 3], BULK_ORGS[(i + 1) % 3]);
    let text = article(&format!("Bulk {i}"), &date, &topic, &org, "Bulk body.");
    (article_path(&date, &format!("bulk-{i}")), text)
}

/// Add bulk articles `0..n` to `site`; their paths.
pub(crate) fn add_bulk(site: &TestSite, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let (path, text) = bulk(i);
            site.write(&path, &text);
            path
        })
        .collect()
}

/// An article with one event and one figure.
pub(crate) fn article(title: &str, date: &str, topics: &str, orgs: &str, body: &str) -> String {
    format!(
        "---\ntitle: {title}\ndate: {date}\nsource: {{ publisher: KISTEP }}\nsummary: About {title}.\n\
         topics: {topics}\norganizations: {orgs}\nplaces: [korea]\n\
         figures: [{{ text: \"12 units\", value: 12, unit: units }}]\n\
         events: [{{ date: {date}, title: \"{title} happens\" }}]\n---\n\n{body}\n"
    )
}

pub(crate) fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let target = to.join(entry.path().strip_prefix(from).expect("prefix"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Poll `check` until it gives `Some`, for at most `limit`.
pub(crate) fn wait_for<T>(limit: Duration, mut check: impl FnMut() -> Option<T>) -> Option<T> {
    let started = Instant::now();
    loop {
        if let Some(value) = check() {
            return Some(value);
        }
        if started.elapsed() > limit {
            return None;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
