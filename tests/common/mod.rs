//! Shared helpers for the integration tests: fixture sites copied into
//! temporary folders, the real binary, and snapshots of whole trees.

#![allow(dead_code)] // each test module uses a different subset

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fixture site copied into a temporary folder, with the repository's
/// theme, so tests can change files and build again (mdBook's `BookTest`).
pub struct SiteFixture {
    dir: tempfile::TempDir,
}

impl SiteFixture {
    /// Copy `tests/fixtures/<name>` and the repository's `themes/`.
    pub fn new(name: &str) -> SiteFixture {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_tree(&repo().join("tests/fixtures").join(name), dir.path());
        copy_tree(&repo().join("themes"), &dir.path().join("themes"));
        SiteFixture { dir }
    }

    /// Copy `tests/fixtures/<base>`, then lay `tests/fixtures/<overlay>` over it.
    pub fn with_overlay(base: &str, overlay: &str) -> SiteFixture {
        let site = SiteFixture::new(base);
        copy_tree(&repo().join("tests/fixtures").join(overlay), site.root());
        site
    }

    /// The site root.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Write a file (creating folders).
    pub fn write(&self, relative: &str, text: &str) {
        let path = self.root().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Read a file of the site.
    pub fn read(&self, relative: &str) -> String {
        let path = self.root().join(relative);
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
    }

    /// Remove a file.
    pub fn remove(&self, relative: &str) {
        std::fs::remove_file(self.root().join(relative)).unwrap();
    }

    /// Run the binary with `args` and `--root <site>`.
    pub fn run(&self, args: &[&str]) -> Output {
        run_in(self.root(), args)
    }

    /// `briefing build`, asserting success.
    pub fn build(&self) -> Output {
        let output = self.run(&["build"]);
        assert!(
            output.status.success(),
            "build failed:\n{}",
            stderr(&output)
        );
        output
    }

    /// Every file under `relative` with its contents (binary files as a length).
    pub fn tree(&self, relative: &str) -> BTreeMap<String, Vec<u8>> {
        tree(&self.root().join(relative))
    }
}

/// Every file under `dir`, path → bytes.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = tree_with_folders(dir);
    files.retain(|path, _| !path.ends_with('/'));
    files
}

/// [`tree`], and every folder below `dir`, `path/` → nothing: an extra or
/// missing empty folder in a built site shows.
pub fn tree_with_folders(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    if !dir.exists() {
        return files;
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let relative = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            files.insert(relative, std::fs::read(entry.path()).unwrap());
        } else if entry.file_type().is_dir() && entry.depth() > 0 {
            let relative = entry.path().strip_prefix(dir).unwrap().to_string_lossy();
            files.insert(format!("{}/", relative.replace('\\', "/")), Vec::new());
        }
    }
    files
}

/// Copy a folder tree.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Run the binary with `args` and `--root <root>`.
pub fn run_in(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .arg("--root")
        .arg(root)
        .env("NO_COLOR", "1")
        .output()
        .expect("run briefing")
}

/// Stderr as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Stderr with the temporary root replaced by `<root>`, for snapshots.
pub fn stderr_in(site: &SiteFixture, output: &Output) -> String {
    stderr(output).replace(&site.root().display().to_string(), "<root>")
}

/// The slugs of the briefings a search index lists under `term`, read as
/// the search page reads them: `search/meta.json` for the shard count, the
/// term's shard (its first three characters hashed as `search.js` hashes
/// them), its postings (gaps between article numbers, and scores).
/// `file` gives the bytes at an output path.
pub fn search_hits(term: &str, file: impl Fn(&str) -> Vec<u8>) -> Vec<String> {
    let json = |path: &str| -> serde_json::Value {
        serde_json::from_slice(&file(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let meta = json("search/meta.json");
    let shards = meta["shards"].as_u64().expect("a shard count");
    let hash = term
        .chars()
        .take(3)
        .fold(0u64, |h, c| (h * 31 + u64::from(c)) % 1_000_003);
    let shard = json(&format!("search/terms/{}.json", hash % shards));
    let mut article = 0;
    let mut slugs = Vec::new();
    for pair in shard[term]
        .as_array()
        .map_or(&[][..], Vec::as_slice)
        .chunks(2)
    {
        article += pair[0].as_u64().expect("a gap") as usize;
        slugs.push(
            meta["docs"][article][0]
                .as_str()
                .expect("a slug")
                .to_string(),
        );
    }
    slugs
}

/// A tiny deterministic generator: the same edits on every run.
pub struct Lcg(pub u64);

impl Lcg {
    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }
}

/// Rewrite `root/relative` with `text` (of the same length), then put its
/// modification time back, as `cp -p`, `rsync -t` or `tar x` do: only its
/// change time still tells.
pub fn rewrite_keeping_time(root: &Path, relative: &str, text: &str) {
    let path = root.join(relative);
    let before = std::fs::read_to_string(&path).unwrap();
    assert_eq!(before.len(), text.len(), "{relative}: the same length");
    let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
    std::fs::write(&path, text).unwrap();
    let file = std::fs::File::options().write(true).open(&path).unwrap();
    file.set_modified(modified).unwrap();
}

/// Wait until every file under `root` last changed more than 2 s before
/// now by the file system's own clock (a file made for the purpose), as a
/// build measures it before it keeps a file's stamp
/// (`reuse::STAMP_TRUSTED_AFTER`): sleeping alone would not do where the
/// clock ticks by whole seconds.
pub fn wait_until_settled(root: &Path) {
    use std::os::unix::fs::MetadataExt as _;
    let changed = |meta: &std::fs::Metadata| {
        i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec())
    };
    let newest = walkdir::WalkDir::new(root)
        .into_iter()
        .map(|entry| changed(&entry.unwrap().metadata().unwrap()))
        .max()
        .unwrap();
    let probe = root.join(".settle-probe");
    loop {
        std::fs::write(&probe, "").unwrap();
        let now = changed(&std::fs::metadata(&probe).unwrap());
        std::fs::remove_file(&probe).unwrap();
        if now - newest > 2_100_000_000 {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}
