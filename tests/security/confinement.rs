//! Confinement: the ingest manifest cannot name files outside
//! `content/articles/`, and symlinks are followed only inside the site.

use briefing::diag::Severity;

use crate::ingest::Site;

const SEED: &str =
    "Plant opens in the north\nDate2024-05-01\nThe ministry opened a battery plant on Monday.\n";

/// A manifest line pointing the seed's article at `victim`, with its hash.
fn hostile_manifest(site: &Site, victim: &str, hash: &str) {
    let path = site.path("content/articles/.ingest.lock");
    let text = std::fs::read_to_string(&path).unwrap();
    let line = text.lines().find(|l| l.starts_with("seeds/a.txt")).unwrap();
    let hostile = format!("seeds/a.txt\t{victim}\t{hash}");
    std::fs::write(&path, text.replace(line, &hostile)).unwrap();
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn a_manifest_entry_outside_content_articles_is_an_error_and_never_deleted() {
    let outside = tempfile::tempdir().unwrap();
    let victim = outside.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let site = Site::new();
    site.seed("a.txt", SEED);
    site.ingest();
    for (target, force) in [
        (victim.display().to_string(), false),
        (victim.display().to_string(), true),
        ("content/articles/../../victim.txt".to_string(), true),
    ] {
        hostile_manifest(&site, &target, &sha256(b"precious"));
        let report = site.ingest_with(force, false);
        let error = report
            .diagnostics
            .iter()
            .find(|d| d.code == "ingest/manifest")
            .unwrap_or_else(|| panic!("no manifest error for {target}"));
        assert_eq!(error.severity, Severity::Error);
        assert_eq!(
            error.path,
            std::path::Path::new("content/articles/.ingest.lock")
        );
        assert_eq!(error.line_col(), (3, 1));
        assert!(error.message.contains("outside content/articles/"));
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    }
}

/// An outside folder holding a secret, a `.md` file and a dotfile.
#[cfg(unix)]
fn outside_secrets() -> tempfile::TempDir {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("env"), "TOKEN=hunter2-secret\n").unwrap();
    std::fs::write(
        outside.path().join("2024-01-10-leak.md"),
        "---\ntitle: Leaked hunter2-secret\ndate: 2024-01-10\n---\nhunter2-secret body\n",
    )
    .unwrap();
    std::fs::create_dir_all(outside.path().join(".ssh")).unwrap();
    std::fs::write(outside.path().join(".ssh/id_rsa"), "hunter2-secret key").unwrap();
    outside
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_site_are_skipped_with_a_warning_naming_them() {
    use std::os::unix::fs::symlink;
    let outside = outside_secrets();
    let site = crate::common::SiteFixture::new("build/basic");
    let root = site.root();
    symlink(
        outside.path().join("env"),
        root.join("content/articles/2024-01-10-env.md"),
    )
    .unwrap();
    symlink(
        outside.path().join("2024-01-10-leak.md"),
        root.join("content/articles/2024-01-10-leak.md"),
    )
    .unwrap();
    symlink("..", root.join("content/articles/up")).unwrap();
    symlink(outside.path(), root.join("static")).unwrap();
    symlink(outside.path(), root.join("content/organizations/more")).unwrap();
    std::fs::create_dir_all(root.join("templates")).unwrap();
    symlink(outside.path().join("env"), root.join("templates/page.html")).unwrap();

    let output = site.run(&["build"]);
    let text = crate::common::stderr(&output);
    assert!(output.status.success(), "{text}");
    for link in [
        "content/articles/2024-01-10-env.md",
        "content/articles/2024-01-10-leak.md",
        "content/articles/up",
        "content/organizations/more",
        "static",
        "templates/page.html",
    ] {
        assert!(
            text.contains(&format!("{link} is a symlink")),
            "{link} not named:\n{text}"
        );
    }
    assert!(
        !text.contains("hunter2"),
        "an outside file's contents leaked:\n{text}"
    );
    let public = site.tree("public");
    assert!(public
        .keys()
        .all(|k| !k.contains("leak") && !k.contains("ssh")));
    assert!(public
        .values()
        .all(|v| !String::from_utf8_lossy(v).contains("hunter2")));

    let check = site.run(&["check", "--format", "json"]);
    let json = String::from_utf8_lossy(&check.stdout);
    assert!(json.contains("\"code\": \"site/symlink\""), "{json}");
    assert!(!json.contains("hunter2") && !crate::common::stderr(&check).contains("hunter2"));
}

#[cfg(unix)]
#[test]
fn symlinks_inside_the_site_are_followed() {
    use std::os::unix::fs::symlink;
    let site = crate::common::SiteFixture::new("build/basic");
    let root = site.root();
    std::fs::create_dir_all(root.join("assets")).unwrap();
    std::fs::write(root.join("assets/logo.svg"), "<svg/>").unwrap();
    symlink(root.join("assets"), root.join("static")).unwrap();
    let output = site.build();
    assert!(!crate::common::stderr(&output).contains("symlink"));
    assert_eq!(site.tree("public")["logo.svg"], b"<svg/>");
}

#[cfg(unix)]
#[test]
fn a_seed_that_links_out_of_the_site_or_is_no_file_is_named_and_skipped() {
    use std::os::unix::fs::symlink;
    let outside = outside_secrets();
    let site = Site::new();
    site.seed("a.txt", SEED);
    symlink(outside.path().join("env"), site.path("seeds/env.txt")).unwrap();
    symlink("nowhere.txt", site.path("seeds/dangling.txt")).unwrap();
    std::fs::create_dir_all(site.path("seeds/folder.txt")).unwrap();
    let fifo = std::ffi::CString::new(site.path("seeds/pipe.txt").to_str().unwrap()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    let report = site.ingest();
    assert_eq!(report.written.len(), 1);
    let mut named: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "ingest/skipped-seed")
        .map(|d| d.path.display().to_string())
        .collect();
    named.sort();
    assert_eq!(
        named,
        [
            "seeds/dangling.txt",
            "seeds/env.txt",
            "seeds/folder.txt",
            "seeds/pipe.txt"
        ]
    );
    assert!(report
        .diagnostics
        .iter()
        .all(|d| !d.message.contains("hunter2")));
}
