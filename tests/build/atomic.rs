//! Atomic rebuilds: whatever stops a build (the fault-injection variable
//! after every k-th file operation, a SIGKILL at a random moment, another
//! build at the same time), the output is exactly the old site or exactly
//! the new one; beside it the next build leaves at most its lock file and
//! a staging folder of briefing's to start from, which never shows.

use std::collections::BTreeMap;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use crate::common::{copy_tree, tree_with_folders as tree, SiteFixture};

type Tree = BTreeMap<String, Vec<u8>>;

/// The basic fixture cut down (fewer pages, so every k stays quick).
fn small_site() -> SiteFixture {
    let site = SiteFixture::new("build/basic");
    site.remove("content/articles/2023-11-20-older-news.md");
    site.remove("content/articles/2024-07-01-draft-note.md");
    site.remove("content/pages/about.md");
    site
}

/// The next version of a site: every article edited, one removed (stale
/// pages to delete), one added (new folders).
fn revise(site: &SiteFixture) {
    for entry in std::fs::read_dir(site.root().join("content/articles")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let text = text.replacen("title: ", "title: Revised ", 1) + "\nRevised paragraph.\n";
        std::fs::write(&path, text).unwrap();
    }
    site.remove("content/articles/2024-03-02-recycling-rules.md");
    site.write(
        "content/articles/2024-08-01-new-plant.md",
        "---\ntitle: A new plant\ndate: 2024-08-01\nsource: { publisher: Fixture Wire }\n\
         summary: A plant opens.\ntopics: [recycling]\norganizations: [krict]\n---\nA plant opened.\n",
    );
}

fn build(root: &Path, output: &Path, fault_after: Option<usize>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_briefing"));
    command
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(output)
        .env("NO_COLOR", "1");
    if let Some(k) = fault_after {
        command.env("BRIEFING_FAULT_AFTER", k.to_string());
    }
    command.output().expect("run briefing")
}

/// Names beside the output, but a staging folder left for the next build
/// to start from (the old site, or what a killed build left), which must
/// be briefing's (its marker).
fn beside(output: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(output.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != ".public.staging")
        .collect();
    names.sort();
    let staging = output.with_file_name(".public.staging");
    if staging.exists() {
        assert!(staging.join(".briefing-output").is_file(), "{staging:?}");
    }
    names
}

/// Build the version the output does not hold, starting from whatever
/// is beside it: exactly that version comes out.
fn build_the_other(v: &Versions, output: &Path, found: &str, what: &str) {
    let other = if found == "old" { "new" } else { "old" };
    assert!(build(version(v, other).root(), output, None)
        .status
        .success());
    assert_eq!(which(v, output, what), other, "{what}");
}

/// The old and new sites, each built once into its own folder.
struct Versions {
    old_site: SiteFixture,
    new_site: SiteFixture,
    old: Tree,
    new: Tree,
    old_output: PathBuf,
    _dir: tempfile::TempDir,
}

fn versions(make: fn() -> SiteFixture) -> Versions {
    let dir = tempfile::tempdir().unwrap();
    let (old_site, new_site) = (make(), make());
    revise(&new_site);
    let old_output = dir.path().join("old/public");
    let new_output = dir.path().join("new/public");
    assert!(build(old_site.root(), &old_output, None).status.success());
    assert!(build(new_site.root(), &new_output, None).status.success());
    let (old, new) = (tree(&old_output), tree(&new_output));
    assert_ne!(old, new);
    Versions {
        old_site,
        new_site,
        old,
        new,
        old_output,
        _dir: dir,
    }
}

/// The site of a version `which` named.
fn version<'v>(v: &'v Versions, name: &str) -> &'v SiteFixture {
    if name == "old" {
        &v.old_site
    } else {
        &v.new_site
    }
}

/// Which version `output` holds; panics on a mix.
fn which(v: &Versions, output: &Path, what: &str) -> &'static str {
    let now = tree(output);
    if now == v.old {
        "old"
    } else if now == v.new {
        "new"
    } else {
        let differs: Vec<&String> = now
            .keys()
            .chain(v.old.keys())
            .filter(|k| now.get(*k) != v.old.get(*k) && now.get(*k) != v.new.get(*k))
            .take(5)
            .collect();
        panic!("{what}: the output is neither the old nor the new site; e.g. {differs:?}")
    }
}

#[test]
fn a_build_stopped_after_any_file_operation_leaves_old_or_new() {
    let v = versions(small_site);
    let work = tempfile::tempdir().unwrap();
    let (mut old, mut new, mut done) = (0, 0, false);
    // A few stopping points at a time, each in its own folder.
    for batch in (0..).step_by(4) {
        let outcomes: Vec<(usize, Stopped)> = std::thread::scope(|scope| {
            let handles: Vec<_> = (batch..batch + 4)
                .map(|k| {
                    let (v, work) = (&v, work.path());
                    scope.spawn(move || (k, stop_after(v, work, k)))
                })
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for (k, outcome) in outcomes {
            match outcome {
                Stopped::Old => old += 1,
                Stopped::New => new += 1,
                Stopped::Finished => {
                    assert!(k > 20, "a rebuild takes more than {k} operations");
                    done = true;
                }
            }
        }
        if done {
            break;
        }
    }
    assert!(
        old > 0 && new > 0,
        "stops before and after the exchange ({old}, {new})"
    );
}

enum Stopped {
    Old,
    New,
    Finished,
}

/// Rebuild a copy of the old output into the new site, stopped after `k`
/// file operations; check what is left, and that the next build's first
/// step cleans up beside the output without changing it.
fn stop_after(v: &Versions, work: &Path, k: usize) -> Stopped {
    let output = work.join(format!("k{k}/public"));
    copy_tree(&v.old_output, &output);
    let run = build(v.new_site.root(), &output, Some(k));
    if run.status.success() {
        assert_eq!(which(v, &output, "unstopped"), "new");
        assert_eq!(beside(&output), [".public.lock", "public"]);
        return Stopped::Finished;
    }
    assert_eq!(run.status.signal(), Some(9), "k={k}: {run:?}");
    let found = which(v, &output, &format!("stopped after {k} operations"));
    // The next build of the version found cleans up beside the output and
    // leaves the output as it is.
    let before = tree(&output);
    assert!(build(version(v, found).root(), &output, None)
        .status
        .success());
    assert_eq!(tree(&output), before, "k={k}");
    assert_eq!(beside(&output), [".public.lock", "public"], "k={k}");
    build_the_other(
        v,
        &output,
        found,
        &format!("k={k}, then a build of the other"),
    );
    std::fs::remove_dir_all(output.parent().unwrap()).unwrap();
    if found == "old" {
        Stopped::Old
    } else {
        Stopped::New
    }
}

#[test]
fn a_killed_first_build_leaves_no_output_or_the_whole_site() {
    let v = versions(small_site);
    let work = tempfile::tempdir().unwrap();
    for k in [0, 1, 5, 15, 30] {
        let output = work.path().join(format!("k{k}/public"));
        let run = build(v.old_site.root(), &output, Some(k));
        assert!(!run.status.success());
        assert!(!output.exists() || tree(&output) == v.old, "k={k}");
        assert!(build(v.old_site.root(), &output, None).status.success());
        assert_eq!(tree(&output), v.old);
        assert_eq!(beside(&output), [".public.lock", "public"], "k={k}");
    }
}

#[test]
fn a_build_killed_at_random_moments_leaves_old_or_new() {
    let v = versions(|| {
        let site = SiteFixture::new("build/basic");
        for i in 0..60 {
            site.write(
                &format!("content/articles/2022-01-{:02}-note-{i}.md", i % 28 + 1),
                &format!(
                    "---\ntitle: Note {i}\ndate: 2022-01-{:02}\nsource: {{ publisher: Fixture Wire }}\n\
                     summary: Note {i}.\ntopics: [recycling]\norganizations: [krict, motie]\n---\n\
                     Body of note {i}, with a [link](https://example.org/{i}).\n",
                    i % 28 + 1
                ),
            );
        }
        site
    });
    let work = tempfile::tempdir().unwrap();
    let output = work.path().join("public");
    copy_tree(&v.old_output, &output);
    let started = Instant::now();
    assert!(build(v.new_site.root(), &output, None).status.success());
    let full = started.elapsed();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for round in 0..8 {
        std::fs::remove_dir_all(&output).unwrap();
        copy_tree(&v.old_output, &output);
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = full.mul_f64((seed % 1000) as f64 / 1000.0);
        let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
            .args(["build", "--root"])
            .arg(v.new_site.root())
            .arg("--output")
            .arg(&output)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        child.wait().unwrap();
        let found = which(
            &v,
            &output,
            &format!("round {round}, killed after {delay:?}"),
        );
        let before = tree(&output);
        assert!(build(version(&v, found).root(), &output, None)
            .status
            .success());
        assert_eq!(tree(&output), before);
        assert_eq!(beside(&output), [".public.lock", "public"]);
        build_the_other(
            &v,
            &output,
            found,
            &format!("round {round}, then the other"),
        );
    }
    assert!(build(v.new_site.root(), &output, None).status.success());
    assert_eq!(which(&v, &output, "after the next build"), "new");
}

#[test]
fn builds_at_the_same_time_wait_for_each_other() {
    // Three builds of one site into a fresh folder: all succeed, one site.
    let v = versions(small_site);
    let work = tempfile::tempdir().unwrap();
    let output = work.path().join("public");
    let runs = concurrently(&[v.old_site.root(); 3], &output);
    assert!(runs.iter().all(|r| r.status.success()), "{runs:?}");
    assert_eq!(tree(&output), v.old);
    // Two different sites into one existing folder: both succeed, and the
    // folder holds exactly one of them.
    let runs = concurrently(&[v.old_site.root(), v.new_site.root()], &output);
    assert!(runs.iter().all(|r| r.status.success()), "{runs:?}");
    which(&v, &output, "after two sites built at once");
    assert_eq!(beside(&output), [".public.lock", "public"]);
}

fn concurrently(roots: &[&Path], output: &Path) -> Vec<Output> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = roots
            .iter()
            .map(|root| scope.spawn(move || build(root, output, None)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

#[test]
fn a_second_build_waits_while_the_folder_is_locked() {
    let site = small_site();
    let work = tempfile::tempdir().unwrap();
    let output = work.path().join("public");
    // Hold the lock the way a running build does: on `.public.lock`.
    let held = std::fs::File::create(work.path().join(".public.lock")).unwrap();
    held.lock().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["build", "--root"])
        .arg(site.root())
        .arg("--output")
        .arg(&output)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    assert!(child.try_wait().unwrap().is_none(), "the build waits");
    assert!(!output.exists(), "and writes nothing meanwhile");
    held.unlock().unwrap();
    let done = child.wait_with_output().unwrap();
    assert!(done.status.success());
    assert!(String::from_utf8_lossy(&done.stderr).contains("another build is writing"));
    assert!(output.join("index.html").is_file());
}
