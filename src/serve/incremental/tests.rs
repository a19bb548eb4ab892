use super::*;
use crate::build;
use crate::content::library::Library;
use crate::search::records::tests::copy_tree;
use crate::serve::watch::Change;

/// The build fixture with the repository's themes: a site serve starts.
fn fixture_copy() -> (tempfile::TempDir, Library) {
    let (dir, library) = crate::search::records::tests::fixture_copy();
    let themes = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes");
    copy_tree(&themes, &dir.path().join("themes"));
    (dir, library)
}

/// Every file the session serves, with its bytes.
fn served(session: &Session) -> BTreeMap<String, Vec<u8>> {
    let snapshot = session.snapshot();
    let files = snapshot.pages.iter().chain(snapshot.index.iter());
    files
        .map(|(path, entry)| (path.clone(), entry.bytes().unwrap().to_vec()))
        .collect()
}

/// The site at `root` built as serve shows it, its caches kept.
fn build_with_drafts(root: &Path) {
    let out = tempfile::tempdir().unwrap();
    let mut options = build::BuildOptions::new(root);
    options.output = Some(out.path().join("public"));
    options.drafts = true;
    options.ingest = false;
    build::build(&options).unwrap();
}

#[test]
fn the_first_build_makes_the_index_and_later_renders_leave_it_to_update_index() {
    let (dir, library) = fixture_copy();
    let (mut session, first) = Session::preview(dir.path());
    assert!(first.ok(), "{:#?}", first.diagnostics);
    assert!(session.index.keys().any(|p| p.ends_with("meta.json")));
    assert!(!session.update_index(), "made with the first build");
    let path = library.articles[0].path.clone();
    let text = std::fs::read_to_string(dir.path().join(&path)).unwrap();
    std::fs::write(dir.path().join(&path), format!("{text}\nZygote quokkas.\n")).unwrap();
    let edit = session.apply(&[Change::Article(path)]);
    assert!(edit.ok() && !edit.changed.is_empty());
    assert!(
        session.index_stale,
        "an edit's index waits for update_index"
    );
    assert!(session.update_index());
}

#[test]
fn a_first_build_from_a_warm_cache_serves_what_one_from_the_files_does() {
    let (dir, _) = fixture_copy();
    let (cold, first) = Session::preview(dir.path());
    assert!(first.bodies > 0, "no cache: every body from its file");
    // Read before the next session: they share the store's folder.
    let cold = served(&cold);
    build_with_drafts(dir.path());
    let (warm, first) = Session::preview(dir.path());
    assert_eq!(first.bodies, 0, "every body from the cache");
    let warm = served(&warm);
    let differ: Vec<&String> = warm
        .keys()
        .chain(cold.keys())
        .filter(|path| warm.get(*path) != cold.get(*path))
        .collect();
    assert!(differ.is_empty(), "these differ: {differ:?}");
}
