use std::time::Duration;

use super::*;
use crate::output::{Output, RenderedPage};

/// The digest once no change time in `folder` is recent, so that any
/// later change gets a newer one.
fn settled(folder: &Path) -> Digest {
    std::thread::sleep(Duration::from_millis(25));
    of_folder(folder).unwrap().0
}

fn page(path: &str, text: &str) -> RenderedPage {
    RenderedPage {
        path: path.into(),
        contents: text.as_bytes().to_vec(),
    }
}

/// Publish `pages` into `output` as a build does (a folder made on the
/// way, one file kept from the previous output by `keep`) and return
/// the ledger's digest.
fn publish(output: &Path, pages: &[RenderedPage], keep: Option<&str>) -> Digest {
    let locked = Output::lock(output).unwrap();
    let paths = pages.iter().map(|p| p.path.as_str()).chain(keep);
    let staging = locked.stage(paths).unwrap();
    for page in pages {
        staging.put(&page.path, &page.contents).unwrap();
    }
    staging.make_folders(["late/folder/file.json"]).unwrap();
    staging.put("late/folder/file.json", b"{}").unwrap();
    if let Some(keep) = keep {
        assert!(staging.keep(keep));
    }
    let published = staging.commit().unwrap();
    published.digest().unwrap().0
}

#[test]
fn what_a_build_wrote_digests_as_a_walk_of_the_folder_does() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("public");
    let first = [
        page("index.html", "home"),
        page("a/index.html", "a"),
        page("a-b/index.html", "a-b"),
        page("a-b/feed.xml", "feed"),
        page("a/deep/er/x.html", "x"),
        page("a.css", "css"),
    ];
    let ledger = publish(&output, &first, None);
    assert_eq!(ledger, of_folder(&output).unwrap().0, "a first build");
    // A rebuild: one page the same bytes (linked), one changed, one kept
    // without rendering, one gone; the old site's names are deleted.
    let second = [
        page("index.html", "home"),
        page("a/index.html", "changed"),
        page("a-b/index.html", "a-b"),
    ];
    let ledger = publish(&output, &second, Some("a/deep/er/x.html"));
    assert_eq!(ledger, of_folder(&output).unwrap().0, "a rebuild");
}

#[test]
fn any_change_to_a_folder_changes_its_digest() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("out");
    std::fs::create_dir_all(folder.join("a")).unwrap();
    std::fs::write(folder.join("a/index.html"), "one").unwrap();
    let first = settled(&folder);
    assert_eq!(of_folder(&folder).unwrap().0, first);
    // Same length, rewritten in place, in the same second.
    std::fs::write(folder.join("a/index.html"), "two").unwrap();
    let second = settled(&folder);
    assert_ne!(first, second);
    std::fs::write(folder.join("b.html"), "").unwrap();
    let third = settled(&folder);
    assert_ne!(second, third);
    std::fs::remove_file(folder.join("b.html")).unwrap();
    assert_ne!(of_folder(&folder).unwrap().0, third);
}

#[test]
fn a_change_time_is_read_back_from_its_stamp() {
    let dir = tempfile::tempdir().unwrap();
    let meta = std::fs::metadata(dir.path()).unwrap();
    let at = meta.modified().unwrap();
    let stamp = stamp(&meta).unwrap();
    // A fresh folder's change and modification times are one instant.
    let nanos = at.duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    assert_eq!(changed_at(&stamp), nanos as i128);
}

#[test]
fn a_walk_with_stamps_lists_every_file_as_it_is_and_digests_alike() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("public");
    publish(
        &output,
        &[page("index.html", "home"), page("a/b/c.html", "c")],
        None,
    );
    std::os::unix::fs::symlink("index.html", output.join("link")).unwrap();
    let ((digest, _), mut files) = of_folder_stamped(&output).unwrap();
    assert_eq!(digest, of_folder(&output).unwrap().0);
    files.sort();
    let paths: Vec<&str> = files.iter().map(|(path, _)| &**path).collect();
    let expected = [
        ".briefing-output",
        "a/b/c.html",
        "index.html",
        "late/folder/file.json",
        "link",
    ];
    assert_eq!(paths, expected);
    for (path, stamped) in &files {
        let meta = std::fs::symlink_metadata(output.join(&**path)).unwrap();
        assert_eq!(Some(*stamped), stamp(&meta), "{path}");
        let id = std::os::unix::fs::MetadataExt::ino(&meta);
        let regular = meta.file_type().is_file();
        assert_eq!(
            file_id(stamped).map(|(_, ino)| ino),
            regular.then_some(id),
            "{path}"
        );
    }
}
