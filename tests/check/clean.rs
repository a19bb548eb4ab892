//! A clean checkout passes `check --deny-warnings`, and every GitHub
//! annotation points at a file and a line, never at a folder.

use super::fixture::Site;
use std::process::Command;

/// The repository's own content, as cloned, has no warning: gazetteer
/// coverage (registry entries no article mentions yet) is not one.
#[test]
fn the_checkout_passes_check_deny_warnings() {
    let root = env!("CARGO_MANIFEST_DIR");
    let output = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args([
            "check",
            "--deny-warnings",
            "--format",
            "github",
            "--root",
            root,
        ])
        .env_remove("RUST_LOG")
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.is_empty(), "{stdout}");
}

/// Thirty organizations and thirty places no article mentions: a broad
/// gazetteer, not a warning.
#[test]
fn a_broad_unused_gazetteer_is_not_a_warning() {
    let site = Site::new(None);
    for i in 0..30 {
        let org = site
            .root()
            .join(format!("content/organizations/zz-org-{i}.md"));
        std::fs::write(
            org,
            format!("---\nname: Zeta Org {i}\nkind: company\ncountry: KR\n---\n"),
        )
        .unwrap();
        let place = site.root().join(format!("content/places/zz-place-{i}.md"));
        std::fs::write(
            place,
            format!("---\nname: Zetaville {i}\nkind: city\n---\n"),
        )
        .unwrap();
    }
    let run = site.run(&["check", "--deny-warnings"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("warning"), "{}", run.stderr);
}

/// Every `::warning`/`::error` line names a file that exists, and a line.
#[test]
fn github_annotations_point_at_files() {
    for case in [
        "unused-registry",
        "undated",
        "unknown-reference",
        "alias-conflict",
    ] {
        let site = Site::new(Some(case));
        let run = site.run(&["check", "--format", "github"]);
        let annotations: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("::")).collect();
        assert!(!annotations.is_empty(), "{case}: {}", run.stdout);
        for line in annotations {
            let file = line
                .split("file=")
                .nth(1)
                .and_then(|rest| rest.split(',').next())
                .unwrap_or_else(|| panic!("{case}: no file in {line}"));
            assert!(
                site.root().join(file).is_file(),
                "{case}: not a file: {line}"
            );
            let number: usize = line
                .split(",line=")
                .nth(1)
                .and_then(|rest| rest.split(',').next())
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("{case}: no line in {line}"));
            assert!(number >= 1, "{case}: {line}");
        }
    }
}
