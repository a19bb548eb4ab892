//! CONTRIBUTING.md walked through on a fresh copy of the site: every
//! `briefing` command of its `sh` blocks runs as written and succeeds
//! (`serve`, which runs until stopped, is left out), then the site still
//! checks and builds, and nothing that was there is lost.

use std::path::Path;
use std::process::Command;

use super::fixture::copy_tree;

/// The `briefing …` commands of the fenced `sh` blocks, split into words
/// as a shell would (quotes, `\` line continuations).
fn commands(markdown: &str) -> Vec<Vec<String>> {
    let mut commands = Vec::new();
    let mut in_sh = false;
    let mut pending = String::new();
    for line in markdown.lines() {
        let fence = line.trim_start();
        if fence.starts_with("```") {
            in_sh = !in_sh && fence.trim_start_matches('`').trim() == "sh";
            continue;
        }
        if !in_sh {
            continue;
        }
        let line = line.split(" #").next().unwrap_or(line).trim_end();
        match line.strip_suffix('\\') {
            Some(start) => pending.push_str(start),
            None => {
                pending.push_str(line);
                let words = words(&pending);
                if words.first().is_some_and(|w| w == "briefing") {
                    commands.push(words);
                }
                pending.clear();
            }
        }
    }
    commands
}

fn words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quote: Option<char> = None;
    let mut started = false;
    for c in command.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                started = true;
            }
            (None, c) if c.is_whitespace() => {
                if started {
                    words.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            (None, c) => {
                word.push(c);
                started = true;
            }
        }
    }
    if started {
        words.push(word);
    }
    words
}

fn files(root: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(root.join("content"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect();
    files.sort();
    files
}

fn run(root: &Path, args: &[String]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(args)
        .arg("--root")
        .arg(root)
        .env_remove("RUST_LOG")
        .output()
        .expect("the binary runs")
}

#[test]
fn contributing_walkthrough_runs_on_a_fresh_copy() {
    let repository = Path::new(env!("CARGO_MANIFEST_DIR"));
    let guide = std::fs::read_to_string(repository.join("CONTRIBUTING.md")).unwrap();
    let commands = commands(&guide);
    let names: Vec<&str> = commands.iter().map(|c| c[1].as_str()).collect();
    assert!(
        names.contains(&"new") && names.contains(&"serve"),
        "the guide's commands: {commands:?}"
    );
    let copy = tempfile::tempdir().unwrap();
    for folder in ["content", "seeds", "themes"] {
        copy_tree(&repository.join(folder), &copy.path().join(folder));
    }
    std::fs::copy(repository.join("site.yaml"), copy.path().join("site.yaml")).unwrap();
    let before = files(copy.path());
    let checks = [vec!["check".to_string()], vec!["build".to_string()]];
    let walk = commands.iter().filter(|c| c[1] != "serve").map(|c| &c[1..]);
    for args in walk.chain(checks.iter().map(Vec::as_slice)) {
        let output = run(copy.path(), args);
        assert!(
            output.status.success(),
            "`briefing {}` failed on a fresh copy:\n{}",
            args.join(" "),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    // Nothing is lost: every file is still there, and every one a person
    // owns is unchanged (`build` may regenerate the articles ingest wrote
    // and no one edited: its manifest says which).
    let after = files(copy.path());
    let articles = copy.path().join("content/articles");
    for (path, bytes) in &before {
        let now = after.iter().find(|(p, _)| p == path);
        assert!(now.is_some(), "{} is gone", path.display());
        if !path.starts_with(&articles) {
            assert_eq!(now.map(|f| &f.1), Some(bytes), "{} changed", path.display());
        }
    }
    assert!(
        after.len() > before.len(),
        "the guide's `new` wrote nothing"
    );
}

#[test]
fn commands_are_read_as_a_shell_reads_them() {
    let guide = "x\n```sh\nbriefing new article \"A b\" \\\n  --date 2024-03-06 # c\nls\n```\n```\nbriefing no\n```\n";
    assert_eq!(
        commands(guide),
        [["briefing", "new", "article", "A b", "--date", "2024-03-06"]]
    );
}
