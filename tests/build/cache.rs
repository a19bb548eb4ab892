//! The caches between builds (`.briefing-cache/articles`, `bodies` and
//! `<output>.search`): a build that takes articles, bodies and search
//! terms from them writes the same bytes as one without them, whatever
//! became of the output, and a cache file that is damaged, cut short,
//! oversized, foreign, a folder or a link out of the site is ignored and
//! written again.

use std::path::Path;

use crate::common::{stderr, tree, SiteFixture};

const ARTICLE: &str = "content/articles/2024-03-02-recycling-rules.md";

/// A body edit, so that the next build has work to do.
fn edit(site: &SiteFixture, n: usize) {
    let text = site.read(ARTICLE);
    site.write(ARTICLE, &format!("{text}\nEdit number {n}.\n"));
}

/// The site built into a new folder with no cache at all.
fn without_cache(site: &SiteFixture) -> std::collections::BTreeMap<String, Vec<u8>> {
    let copy = tempfile::tempdir().unwrap();
    crate::common::copy_tree(site.root(), copy.path());
    let _ = std::fs::remove_dir_all(copy.path().join(".briefing-cache"));
    let _ = std::fs::remove_dir_all(copy.path().join("public"));
    let run = crate::common::run_in(copy.path(), &["build"]);
    assert!(run.status.success(), "{}", stderr(&run));
    tree(&copy.path().join("public"))
}

/// The cache file `articles`, or the output's `<output>.search`.
fn cache_file(site: &SiteFixture, which: &str) -> std::path::PathBuf {
    let folder = site.root().join(".briefing-cache");
    if which == "articles" || which == "bodies" {
        return folder.join(which);
    }
    std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == which))
        .unwrap_or_else(|| panic!("no .{which} file in {}", folder.display()))
}

fn is_cache_file(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file())
        && std::fs::read(path).is_ok_and(|b| b.starts_with(b"briefing cache\n"))
}

#[test]
fn a_build_from_the_cache_writes_what_a_build_without_it_does() {
    let site = SiteFixture::new("build/basic");
    site.build();
    assert!(is_cache_file(&cache_file(&site, "articles")));
    assert!(is_cache_file(&cache_file(&site, "search")));
    for n in 0..2 {
        edit(&site, n);
        site.build();
        assert_eq!(site.tree("public"), without_cache(&site), "edit {n}");
    }
    let leftovers: Vec<_> = std::fs::read_dir(site.root().join(".briefing-cache"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    // A title edit changes other pages too.
    let text = site.read(ARTICLE);
    site.write(ARTICLE, &text.replacen("title: ", "title: Revised ", 1));
    site.build();
    assert_eq!(site.tree("public"), without_cache(&site));
}

type Damage = (&'static str, fn(&Path));

#[test]
fn a_damaged_or_foreign_cache_is_ignored_and_written_again() {
    let damages: [Damage; 6] = [
        ("garbage", |p| {
            std::fs::write(p, b"\x00\xffnot a cache").unwrap()
        }),
        ("cut short", |p| {
            let bytes = std::fs::read(p).unwrap();
            std::fs::write(p, &bytes[..bytes.len() / 2]).unwrap();
        }),
        ("a flipped byte", |p| {
            let mut bytes = std::fs::read(p).unwrap();
            let last = bytes.len() - 2;
            bytes[last] ^= 1;
            std::fs::write(p, &bytes).unwrap();
        }),
        ("over the size limit", |p| {
            let file = std::fs::OpenOptions::new().write(true).open(p).unwrap();
            file.set_len((1 << 30) + 1).unwrap();
        }),
        ("a folder", |p| {
            std::fs::remove_file(p).unwrap();
            std::fs::create_dir(p).unwrap();
        }),
        ("a link out of the site", |p| {
            let outside = p.with_file_name("outside");
            std::fs::rename(p, &outside).unwrap();
            let elsewhere =
                std::env::temp_dir().join(format!("briefing-cache-{}", std::process::id()));
            std::fs::rename(&outside, &elsewhere).unwrap();
            std::os::unix::fs::symlink(&elsewhere, p).unwrap();
        }),
    ];
    for ((what, damage), file) in damages
        .iter()
        .flat_map(|d| [(d, "articles"), (d, "search"), (d, "bodies")])
    {
        let site = SiteFixture::new("build/basic");
        site.build();
        let path = cache_file(&site, file);
        let what = format!("{file}: {what}");
        damage(&path);
        edit(&site, 0);
        let run = site.build();
        assert!(run.status.success(), "{what}: {}", stderr(&run));
        assert_eq!(site.tree("public"), without_cache(&site), "{what}");
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
            // A folder where the file goes is left alone.
            continue;
        }
        assert!(is_cache_file(&path), "{what}: written again");
    }
    let _ = std::fs::remove_file(
        std::env::temp_dir().join(format!("briefing-cache-{}", std::process::id())),
    );
}

/// The inode of the pack of bodies: a new one each time it is written.
fn pack_inode(site: &SiteFixture) -> u64 {
    use std::os::unix::fs::MetadataExt as _;
    std::fs::metadata(cache_file(site, "bodies")).unwrap().ino()
}

#[test]
fn kept_bodies_serve_a_deleted_or_another_output_with_the_same_bytes() {
    let site = SiteFixture::new("build/basic");
    site.build();
    let pack = pack_inode(&site);
    std::fs::remove_dir_all(site.root().join("public")).unwrap();
    site.build();
    assert_eq!(site.tree("public"), without_cache(&site));
    let run = site.run(&[
        "build",
        "--output",
        &site.root().join("elsewhere").to_string_lossy(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(site.tree("elsewhere"), without_cache(&site));
    assert_eq!(
        pack_inode(&site),
        pack,
        "every body was known: not written again"
    );
}

#[test]
fn a_renamed_article_is_not_given_the_entry_of_its_old_name() {
    let site = SiteFixture::new("build/basic");
    site.build();
    let text = site.read(ARTICLE);
    site.remove(ARTICLE);
    site.write(
        "content/articles/2024-03-02-recycling-rules-renamed.md",
        &text,
    );
    std::fs::remove_dir_all(site.root().join("public")).unwrap();
    site.build();
    assert_eq!(site.tree("public"), without_cache(&site));
}

#[test]
fn a_registry_config_or_template_edit_never_reuses_a_stale_body() {
    let edits: [(&str, &str, &str); 3] = [
        // KRICT, written in a body, no longer links.
        (
            "content/organizations/krict.md",
            "aliases: [KRICT, ",
            "aliases: [",
        ),
        // Every organization link moves.
        (
            "site.yaml",
            "example.org/briefing/",
            "example.org/elsewhere/",
        ),
        ("site.yaml", "language: en", "language: en\nsearch: false"),
    ];
    for (file, from, to) in edits {
        let site = SiteFixture::new("build/basic");
        site.build();
        let text = site.read(file);
        assert!(text.contains(from), "{file}");
        site.write(file, &text.replace(from, to));
        std::fs::remove_dir_all(site.root().join("public")).unwrap();
        site.build();
        assert_eq!(site.tree("public"), without_cache(&site), "{file}: {to}");
    }
    // A template of the site's own: the bodies stay known.
    let site = SiteFixture::new("build/basic");
    site.build();
    let pack = pack_inode(&site);
    let theme = crate::common::repo().join("themes/default/templates/article.html");
    let template = std::fs::read_to_string(theme).unwrap();
    let ours = template.replacen(
        "{% endblock content %}",
        "<p>ours</p>{% endblock content %}",
        1,
    );
    assert_ne!(ours, template);
    site.write("templates/article.html", &ours);
    site.build();
    assert_eq!(site.tree("public"), without_cache(&site));
    assert_eq!(pack_inode(&site), pack);
}

#[test]
fn a_new_binary_renders_every_body_again() {
    let site = SiteFixture::new("build/basic");
    site.build();
    let pack = pack_inode(&site);
    let bin = tempfile::tempdir().unwrap();
    let copy = bin.path().join("briefing");
    std::fs::copy(env!("CARGO_BIN_EXE_briefing"), &copy).unwrap();
    std::fs::remove_dir_all(site.root().join("public")).unwrap();
    let run = std::process::Command::new(&copy)
        .args(["build", "--root"])
        .arg(site.root())
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", stderr(&run));
    assert_ne!(pack_inode(&site), pack, "written anew by the new binary");
    assert_eq!(site.tree("public"), without_cache(&site));
}

#[test]
fn a_pack_left_half_written_by_a_dead_build_goes_with_the_next_build() {
    let site = SiteFixture::new("build/basic");
    site.build();
    let folder = site.root().join(".briefing-cache");
    // No process has this id (above Linux's largest), and this one runs.
    let dead = folder.join(".bodies.4194305.tmp");
    let alive = folder.join(format!(".bodies.{}.tmp", std::process::id()));
    for file in [&dead, &alive] {
        std::fs::write(file, b"briefing cache\nbodies 1\n").unwrap();
    }
    // Every body is known: no pack is written, the leftover goes anyway.
    let pack = pack_inode(&site);
    std::fs::remove_dir_all(site.root().join("public")).unwrap();
    site.build();
    assert_eq!(pack_inode(&site), pack);
    assert!(!dead.exists(), "a dead build's leftover is removed");
    assert!(alive.exists(), "a running build's file is left alone");
}
