use std::os::unix::fs::MetadataExt;

use super::*;

fn page(path: &str, text: &str) -> RenderedPage {
    RenderedPage {
        path: path.into(),
        contents: text.as_bytes().to_vec(),
    }
}

/// A temporary folder and the (not yet existing) output inside it.
fn temp_output() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("public");
    (dir, output)
}

/// Names in a folder, sorted.
fn names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn inode(path: &Path) -> u64 {
    std::fs::metadata(path).unwrap().ino()
}

#[test]
fn replaces_output_and_drops_stale_files() {
    let (dir, output) = temp_output();
    commit(
        &output,
        &[page("a/index.html", "one"), page("gone/deep/x.html", "x")],
        &[],
    )
    .unwrap();
    commit(&output, &[page("a/index.html", "two")], &[]).unwrap();
    assert_eq!(
        std::fs::read_to_string(output.join("a/index.html")).unwrap(),
        "two"
    );
    assert_eq!(names(&output), vec![".briefing-output", "a"]);
    assert_eq!(
        names(dir.path()),
        vec![".public.lock", "public"],
        "no staging or old folder"
    );
}

#[test]
fn unchanged_files_keep_their_inode_and_changed_ones_are_new() {
    let (_dir, output) = temp_output();
    let first = [page("a/index.html", "same"), page("b/index.html", "old")];
    commit(&output, &first, &[]).unwrap();
    let (same, before) = (
        inode(&output.join("a/index.html")),
        inode(&output.join("b/index.html")),
    );
    let second = [
        page("a/index.html", "same"),
        page("b/index.html", "new"),
        page("c/d/e.html", "added"),
    ];
    commit(&output, &second, &[]).unwrap();
    assert_eq!(inode(&output.join("a/index.html")), same);
    assert_ne!(inode(&output.join("b/index.html")), before);
    assert_eq!(
        std::fs::read_to_string(output.join("c/d/e.html")).unwrap(),
        "added"
    );
    assert_eq!(
        std::fs::metadata(output.join("a/index.html"))
            .unwrap()
            .nlink(),
        1
    );
}

#[test]
fn a_path_both_file_and_folder_is_refused_before_writing() {
    let (dir, output) = temp_output();
    commit(&output, &[page("index.html", "good")], &[]).unwrap();
    let err = commit(
        &output,
        &[page("x", "file"), page("x/index.html", "dir")],
        &[],
    );
    assert!(err.unwrap_err().to_string().contains("`x` is also a file"));
    assert_eq!(
        std::fs::read_to_string(output.join("index.html")).unwrap(),
        "good"
    );
    assert_eq!(names(dir.path()), vec![".public.lock", "public"]);
}

#[test]
fn a_failed_write_leaves_the_output_and_nothing_beside_it() {
    let (dir, output) = temp_output();
    commit(
        &output,
        &[page("index.html", "good"), page("a/index.html", "a")],
        &[],
    )
    .unwrap();
    // A NUL byte makes one write fail after others succeeded.
    let err = commit(
        &output,
        &[
            page("index.html", "changed"),
            page("new/x.html", "x"),
            page("bad\0.html", "?"),
        ],
        &[],
    );
    assert!(err.is_err());
    assert_eq!(
        std::fs::read_to_string(output.join("index.html")).unwrap(),
        "good"
    );
    assert_eq!(names(&output), vec![".briefing-output", "a", "index.html"]);
    assert_eq!(names(dir.path()), vec![".public.lock", "public"]);
}

#[test]
fn a_file_becoming_a_folder_is_fine() {
    let (dir, output) = temp_output();
    commit(&output, &[page("x", "file")], &[]).unwrap();
    commit(&output, &[page("x/index.html", "folder")], &[]).unwrap();
    assert_eq!(
        std::fs::read_to_string(output.join("x/index.html")).unwrap(),
        "folder"
    );
    assert_eq!(names(dir.path()), vec![".public.lock", "public"]);
}

#[test]
fn refuses_a_folder_it_did_not_write() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("site.yaml"), "precious").unwrap();
    let err = commit(dir.path(), &[page("index.html", "x")], &[]).unwrap_err();
    assert!(
        err.to_string().contains("was not written by briefing"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("site.yaml")).unwrap(),
        "precious"
    );
    assert!(!dir.path().join("index.html").exists());
}

#[test]
fn refuses_a_file_as_output() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("public");
    std::fs::write(&file, "a file").unwrap();
    let err = commit(&file, &[page("index.html", "x")], &[]).unwrap_err();
    assert!(err.to_string().contains("it is a file"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "a file");
}

#[test]
fn a_symlinked_output_keeps_its_link_and_target() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("www");
    let link = dir.path().join("public");
    commit(&target, &[page("index.html", "one")], &[]).unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    commit(&link, &[page("index.html", "two")], &[]).unwrap();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        std::fs::read_to_string(target.join("index.html")).unwrap(),
        "two"
    );
    assert_eq!(names(dir.path()), vec![".www.lock", "public", "www"]);
}

#[test]
fn what_an_interrupted_build_left_is_removed_or_restored() {
    let (dir, output) = temp_output();
    commit(&output, &[page("index.html", "old")], &[]).unwrap();
    // A staging folder cut short (marker first), and an empty one.
    let staging = dir.path().join(".public.staging");
    std::fs::create_dir_all(staging.join("articles/a")).unwrap();
    std::fs::write(staging.join(MARKER), MARKER_TEXT).unwrap();
    std::fs::write(staging.join("articles/a/index.html"), "half").unwrap();
    commit(&output, &[page("index.html", "new")], &[]).unwrap();
    assert_eq!(names(dir.path()), vec![".public.lock", "public"]);
    // The old site moved aside and the process killed before the new one
    // took its place (the path without an exchange): it comes back.
    std::fs::rename(&output, dir.path().join(".public.old")).unwrap();
    std::fs::create_dir(&staging).unwrap();
    let locked = Output::lock(&output).unwrap();
    assert_eq!(
        std::fs::read_to_string(output.join("index.html")).unwrap(),
        "new"
    );
    drop(locked);
    // The staging folder is left for the next build to start from.
    commit(&output, &[page("index.html", "newer")], &[]).unwrap();
    assert_eq!(names(dir.path()), vec![".public.lock", "public"]);
}

#[test]
fn the_lock_is_the_outputs_own_so_a_sibling_output_does_not_wait() {
    let (dir, output) = temp_output();
    let locked = Output::lock(&output).unwrap();
    let lock_file = dir.path().join(".public.lock");
    let held = std::fs::File::open(&lock_file).unwrap();
    assert!(
        matches!(held.try_lock(), Err(std::fs::TryLockError::WouldBlock)),
        "the output's lock file is held while its build runs"
    );
    // Another output in the same folder is locked at once (a lock on the
    // folder holding both would keep this thread waiting).
    let www = dir.path().join("www");
    let (sent, received) = std::sync::mpsc::channel();
    std::thread::spawn(move || sent.send(Output::lock(&www).map(drop).is_ok()));
    let sibling = received.recv_timeout(std::time::Duration::from_secs(10));
    assert_eq!(sibling, Ok(true), "a sibling output's build does not wait");
    drop(locked);
    held.try_lock().expect("free once the build ends");
}

#[test]
fn a_symlink_or_folder_under_the_lock_name_is_refused_and_left_alone() {
    let (dir, output) = temp_output();
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("victim");
    let lock_file = dir.path().join(".public.lock");
    std::os::unix::fs::symlink(&target, &lock_file).unwrap();
    let err = Output::lock(&output).unwrap_err().to_string();
    assert!(
        err.contains(".public.lock") && err.contains("not a plain file"),
        "{err}"
    );
    assert!(!target.exists(), "nothing made through the link");
    assert!(std::fs::symlink_metadata(&lock_file).unwrap().is_symlink());
    std::fs::remove_file(&lock_file).unwrap();
    std::fs::create_dir(&lock_file).unwrap();
    let err = Output::lock(&output).unwrap_err().to_string();
    assert!(err.contains("not a plain file"), "{err}");
    assert!(lock_file.is_dir());
    assert!(!output.exists());
}

#[test]
fn a_foreign_folder_under_the_staging_name_is_never_deleted() {
    let (dir, output) = temp_output();
    let staging = dir.path().join(".public.staging");
    std::fs::create_dir(&staging).unwrap();
    std::fs::write(staging.join("notes.txt"), "mine").unwrap();
    let err = commit(&output, &[page("index.html", "x")], &[]).unwrap_err();
    assert!(err.to_string().contains("not written by briefing"), "{err}");
    assert_eq!(
        std::fs::read_to_string(staging.join("notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn static_files_are_written_and_pages_win() {
    let (_dir, output) = temp_output();
    let statics = [
        page("css/style.css", "body{}"),
        page("robots.txt", "static"),
    ];
    commit(&output, &[page("robots.txt", "page")], &statics).unwrap();
    assert_eq!(
        std::fs::read_to_string(output.join("css/style.css")).unwrap(),
        "body{}"
    );
    assert_eq!(
        std::fs::read_to_string(output.join("robots.txt")).unwrap(),
        "page"
    );
}

#[cfg(unix)]
#[test]
fn files_made_inside_an_open_folder_land_below_it() {
    use std::os::unix::fs::MetadataExt as _;
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    let (a, b) = (
        ops::Folder::open(&a).unwrap(),
        ops::Folder::open(&b).unwrap(),
    );
    ops::create_dir_in(&a, "x").unwrap();
    ops::write_in(&a, "x/page.html", b"page").unwrap();
    assert_eq!(
        std::fs::read(dir.path().join("a/x/page.html")).unwrap(),
        b"page"
    );
    assert_eq!(ops::read_in(&a, "x/page.html").unwrap(), b"page");
    assert_eq!(ops::file_len_in(&a, "x/page.html"), Some(4));
    // Folders, links and missing files are no regular files.
    std::os::unix::fs::symlink("page.html", dir.path().join("a/x/link")).unwrap();
    assert_eq!(ops::file_len_in(&a, "x/link"), None);
    assert_eq!(ops::file_len_in(&a, "x"), None);
    assert_eq!(ops::file_len_in(&a, "x/gone"), None);
    // A link keeps the inode, at the same path in the other folder.
    ops::create_dir_in(&b, "x").unwrap();
    ops::hard_link_in(&a, &b, "x/page.html").unwrap();
    let inode = |p: &str| std::fs::metadata(dir.path().join(p)).unwrap().ino();
    assert_eq!(inode("a/x/page.html"), inode("b/x/page.html"));
    assert!(ops::same_file_in(&a, &b, "x/page.html"));
    assert!(!ops::same_file_in(&a, &b, "x/link"));
    // A name that is taken is never written through (the other folder's
    // file shares the inode); it is removed, then written anew.
    let taken = ops::write_in(&a, "x/page.html", b"p").unwrap_err();
    assert_eq!(taken.kind(), std::io::ErrorKind::AlreadyExists);
    ops::remove_in(&a, "x/page.html").unwrap();
    ops::write_in(&a, "x/page.html", b"p").unwrap();
    assert_eq!(ops::read_in(&a, "x/page.html").unwrap(), b"p");
    assert_eq!(ops::read_in(&b, "x/page.html").unwrap(), b"page");
    assert!(!ops::same_file_in(&a, &b, "x/page.html"));
}

#[test]
fn every_folder_on_the_way_to_the_paths_is_made_once() {
    let folders = folders_of(&["a/b/c.html", "a/d.html", "a/b/e.html", "f.html"]).unwrap();
    let mut folders: Vec<&str> = folders.into_iter().collect();
    folders.sort_unstable();
    assert_eq!(folders, vec!["a", "a/b"]);
    let err = folders_of(&["a/b/c.html", "a/b"]).unwrap_err();
    assert_eq!(err.path, PathBuf::from("a/b/c.html"));
    assert!(err.to_string().contains("`a/b` is also a file"));
}

#[test]
fn a_folder_holding_no_folder_is_made_by_its_first_file() {
    let paths = ["a/b/c.html", "a/b/d.html", "a/e.html", "f/g.html", "h.html"];
    let folders = folders_of(&paths).unwrap();
    let mut leaves: Vec<Box<str>> = staging::leaves(&folders).into_iter().collect();
    leaves.sort_unstable();
    assert_eq!(leaves, vec![Box::from("a/b"), Box::from("f")]);
    let (dir, output) = temp_output();
    let locked = Output::lock(&output).unwrap();
    let staging = locked.stage(paths).unwrap();
    let staged = dir.path().join(".public.staging");
    assert_eq!(names(&staged), vec![".briefing-output", "a"]);
    assert_eq!(names(&staged.join("a")), Vec::<String>::new());
    for path in paths {
        staging.put(path, path.as_bytes()).unwrap();
    }
    staging.commit().unwrap();
    for path in paths {
        assert_eq!(std::fs::read(output.join(path)).unwrap(), path.as_bytes());
    }
}

/// The old site is removed while the caller's work runs and is gone when
/// the commit returns; a symbolic link someone left in it is removed, not
/// followed, so what it points to outside is untouched.
#[test]
fn the_old_site_goes_while_other_work_runs_and_its_links_are_not_followed() {
    let (dir, output) = temp_output();
    commit(&output, &[page("deep/er/index.html", "old")], &[]).unwrap();
    let outside = dir.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("keep.txt"), "mine").unwrap();
    std::os::unix::fs::symlink(&outside, output.join("deep/linked")).unwrap();
    std::os::unix::fs::symlink(outside.join("keep.txt"), output.join("file-link")).unwrap();
    let locked = Output::lock(&output).unwrap();
    let staging = locked.stage(["index.html"]).unwrap();
    staging.put("index.html", b"new").unwrap();
    let (published, answer) = staging.commit_while(|| 42).unwrap();
    assert_eq!(answer, 42);
    assert_eq!(published.folder(), output.canonicalize().unwrap());
    drop(locked);
    assert_eq!(
        names(dir.path()),
        vec![".public.lock", "outside", "public"],
        "no staging or old folder"
    );
    assert_eq!(names(&output), vec![".briefing-output", "index.html"]);
    assert_eq!(
        std::fs::read_to_string(outside.join("keep.txt")).unwrap(),
        "mine"
    );
}

/// Eight pages, page `changed` with `text`.
fn pages_with(changed: usize, text: &str) -> Vec<RenderedPage> {
    (0..8)
        .map(|i| match i == changed {
            true => page(&format!("p{i}/index.html"), text),
            false => page(&format!("p{i}/index.html"), "same"),
        })
        .collect()
}

/// After a rebuild that kept most files, the old site stays beside the
/// output; the next build starts from it, proving each of its files
/// against the output: a planted link, a stray file, a forged page and a
/// file of the old site it shares with the output all come out right, and
/// nothing is written through a name the output has.
#[test]
fn the_old_site_left_beside_is_started_from_and_none_of_it_trusted() {
    old_site_left_beside(commit_plain);
}

/// The same, as a build that checked the output against its record does
/// it: which files are the output's own comes from that check's stamps
/// and the old site's listing, with no look at either file.
#[test]
fn the_old_site_is_proven_against_the_checked_output_as_well() {
    old_site_left_beside(commit_checked);
}

fn commit_plain(output: &Path, pages: &[RenderedPage]) -> Result<(), OutputError> {
    commit(output, pages, &[])
}

fn old_site_left_beside(commit: fn(&Path, &[RenderedPage]) -> Result<(), OutputError>) {
    let (dir, output) = temp_output();
    let staging = dir.path().join(".public.staging");
    commit(&output, &pages_with(0, "first")).unwrap();
    commit(&output, &pages_with(0, "second")).unwrap();
    assert_eq!(
        std::fs::read_to_string(staging.join("p0/index.html")).unwrap(),
        "first",
        "the old site, whole"
    );
    assert_eq!(
        inode(&staging.join("p1/index.html")),
        inode(&output.join("p1/index.html"))
    );
    // Planted beside: a link out, a stray file, a forged copy of a page.
    let outside = dir.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("keep.txt"), "mine").unwrap();
    std::os::unix::fs::symlink(&outside, staging.join("p2/out")).unwrap();
    std::os::unix::fs::symlink(&outside, staging.join("p9")).unwrap();
    std::fs::write(staging.join("stray.html"), "stray").unwrap();
    std::fs::remove_file(staging.join("p3/index.html")).unwrap();
    std::fs::write(staging.join("p3/index.html"), "forged").unwrap();
    std::fs::remove_file(staging.join("p6/index.html")).unwrap();
    std::fs::hard_link(outside.join("keep.txt"), staging.join("p6/index.html")).unwrap();
    // A marker cut short, and a folder of other permissions than this
    // process gives a new one.
    std::fs::write(staging.join(MARKER), "").unwrap();
    let probe = dir.path().join("probe");
    std::fs::create_dir(&probe).unwrap();
    let mode = |path: &Path| std::fs::metadata(path).unwrap().mode() & 0o7777;
    std::fs::set_permissions(
        staging.join("p7"),
        std::os::unix::fs::PermissionsExt::from_mode(mode(&probe) ^ 0o055),
    )
    .unwrap();
    // Another program holds two of the output's pages by names of its own:
    // p5 is also the old site's (one inode), and both change.
    let held = dir.path().join("held");
    std::fs::hard_link(output.join("p0/index.html"), &held).unwrap();
    let held_shared = dir.path().join("held-shared");
    std::fs::hard_link(output.join("p5/index.html"), &held_shared).unwrap();
    assert_eq!(inode(&staging.join("p5/index.html")), inode(&held_shared));
    let (p1, p4) = (
        inode(&output.join("p1/index.html")),
        inode(&output.join("p4/index.html")),
    );
    let mut third = pages_with(0, "third");
    third[5] = page("p5/index.html", "changed");
    third.push(page("p9/index.html", "new page"));
    commit(&output, &third).unwrap();
    for file in &third {
        let text = std::fs::read_to_string(output.join(&file.path)).unwrap();
        assert_eq!(text.as_bytes(), file.contents, "{}", file.path);
    }
    let mut expected = vec![".briefing-output".to_string()];
    expected.extend((0..8).map(|i| format!("p{i}")));
    expected.push("p9".into());
    assert_eq!(names(&output), expected);
    assert_eq!(names(&output.join("p2")), vec!["index.html"]);
    assert_eq!(names(&outside), vec!["keep.txt"]);
    assert_eq!(
        std::fs::read_to_string(outside.join("keep.txt")).unwrap(),
        "mine"
    );
    assert_eq!(
        std::fs::read_to_string(output.join(MARKER)).unwrap(),
        MARKER_TEXT
    );
    assert_eq!(mode(&output.join("p7")), mode(&probe));
    assert_eq!(std::fs::read_to_string(&held).unwrap(), "second");
    assert_eq!(std::fs::read_to_string(&held_shared).unwrap(), "same");
    assert_eq!(inode(&output.join("p1/index.html")), p1);
    assert_eq!(inode(&output.join("p4/index.html")), p4);
}

/// A rebuild that wrote most files anew leaves nothing beside the output
/// (the old site would cost its whole size).
#[test]
fn an_old_site_sharing_little_with_the_new_is_removed() {
    let (dir, output) = temp_output();
    let all = |text: &str| -> Vec<RenderedPage> {
        (0..8)
            .map(|i| page(&format!("p{i}/index.html"), &format!("{text} {}", i % 2)))
            .collect()
    };
    commit(&output, &all("first"), &[]).unwrap();
    commit(&output, &all("second"), &[]).unwrap();
    assert_eq!(names(dir.path()), vec![".public.lock", "public"]);
}

/// A build that started from the old site but wrote too much of the new
/// one to keep it removes it, and with it the names the kept files had
/// there: their change times move, so the record must take them anew
/// (`commit_checked` compares the record's digest with a walk's).
#[test]
fn kept_files_are_stamped_anew_when_the_old_site_is_removed() {
    let (dir, output) = temp_output();
    let pages = |changed: &[usize], text: &str| -> Vec<RenderedPage> {
        (0..8)
            .map(|i| match changed.contains(&i) {
                true => page(&format!("p{i}/index.html"), text),
                false => page(&format!("p{i}/index.html"), "same"),
            })
            .collect()
    };
    commit_checked(&output, &pages(&[], "first")).unwrap();
    commit_checked(&output, &pages(&[0], "second")).unwrap();
    assert!(dir.path().join(".public.staging").is_dir(), "kept beside");
    // Change times are coarse: a removal now must give newer ones.
    std::thread::sleep(std::time::Duration::from_millis(25));
    let kept = inode(&output.join("p7/index.html"));
    commit_checked(&output, &pages(&[0, 1, 2], "third")).unwrap();
    assert_eq!(inode(&output.join("p7/index.html")), kept, "taken over");
    assert_eq!(names(dir.path()), vec![".public.lock", "public"]);
}

/// A page the output changed after the build checked it: the file the
/// new site keeps is the one whose bytes were compared, never the old
/// site's file that the check's stamps still name.
#[test]
fn a_file_kept_from_the_old_site_is_the_one_compared() {
    let (_dir, output) = temp_output();
    commit_checked(&output, &pages_with(0, "first")).unwrap();
    commit_checked(&output, &pages_with(0, "second")).unwrap();
    let checked = digest::of_folder_stamped(&output).map(|(_, files)| files);
    // Another program puts a new file in place of one page.
    let replaced = output.join("p1/index.html");
    std::fs::remove_file(&replaced).unwrap();
    std::fs::write(&replaced, "replaced").unwrap();
    let mut pages = pages_with(0, "third");
    pages[1] = page("p1/index.html", "replaced");
    let locked = Output::lock(&output).unwrap();
    let paths = pages.iter().map(|page| page.path.as_str());
    let staging = locked.stage_with(paths, &[], checked).unwrap();
    for page in &pages {
        staging.put(&page.path, &page.contents).unwrap();
    }
    staging.commit().unwrap();
    for page in &pages {
        let text = std::fs::read(output.join(&page.path)).unwrap();
        assert_eq!(text, page.contents, "{}", page.path);
    }
}
