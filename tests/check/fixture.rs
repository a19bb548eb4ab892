//! A fixture site in a temp folder: the `ok` site, a case overlaid on it,
//! and the repository's theme; plus running the real binary on it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A temp copy of a fixture site.
pub(super) struct Site {
    dir: tempfile::TempDir,
}

/// What one run of the binary printed and returned.
pub(super) struct Run {
    pub(super) code: i32,
    pub(super) stdout: String,
    pub(super) stderr: String,
}

impl Run {
    /// The lines of stderr that start with `prefix` (a severity and rule,
    /// "warning[content/placeholder]").
    pub(super) fn stderr_lines(&self, prefix: &str) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| l.starts_with(prefix))
            .collect()
    }

    /// Fails, showing all of stderr, unless stderr contains `text`.
    #[track_caller]
    pub(super) fn expect_stderr(&self, text: &str) {
        assert!(self.stderr.contains(text), "{}", self.stderr);
    }
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

impl Site {
    /// The `ok` site with `case` (a folder under tests/fixtures/check/)
    /// copied over it; `None` for the `ok` site alone.
    pub(super) fn new(case: Option<&str>) -> Site {
        let dir = tempfile::tempdir().expect("temp dir");
        let fixtures = manifest_dir().join("tests/fixtures/check");
        copy_tree(&fixtures.join("ok"), dir.path());
        if let Some(case) = case {
            copy_tree(&fixtures.join(case), dir.path());
        }
        copy_tree(&manifest_dir().join("themes"), &dir.path().join("themes"));
        Site { dir }
    }

    pub(super) fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Run `briefing <args> --root <site>`.
    pub(super) fn run(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_briefing"))
            .args(args)
            .arg("--root")
            .arg(self.root())
            .env_remove("RUST_LOG")
            .output()
            .expect("the binary runs");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Every file under the site with its bytes, for before/after checks.
    pub(super) fn snapshot_files(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        walkdir::WalkDir::new(self.root())
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let relative = e.path().strip_prefix(self.root()).unwrap().to_path_buf();
                (relative, std::fs::read(e.path()).unwrap())
            })
            .collect()
    }
}

pub(super) fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let relative = entry.path().strip_prefix(from).unwrap();
        let target = to.join(relative);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}
