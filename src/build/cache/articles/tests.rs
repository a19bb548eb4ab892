use super::*;
use crate::build::reuse::inputs;
use crate::build::BuildOptions;
use crate::content::library::{Library, LoadOptions};

/// The articles `cache` gives for a load of the site at `root`, and how
/// many it was told were built from their files.
fn load(root: &Path, cache: &Articles) -> (Vec<String>, usize) {
    let config = crate::config::SiteConfig::load(root).unwrap();
    let options = LoadOptions { drafts: true };
    let library =
        Library::read_known(root, config, options, Some(cache), Default::default()).unwrap();
    let built = cache.built.lock().unwrap().len();
    let articles = library.articles.iter().map(|a| format!("{a:?}")).collect();
    (articles, built)
}

fn cache(root: &Path) -> Articles {
    let (now, _) = inputs(&BuildOptions::new(root)).unwrap();
    Articles::load(root, &now).unwrap()
}

#[test]
fn articles_come_back_as_parsed_and_only_changed_files_are_parsed_again() {
    let (dir, library) = crate::search::records::tests::fixture_copy();
    let root = dir.path();
    let first = cache(root);
    assert!(first.kept.is_empty(), "no cache yet");
    let (parsed, built) = load(root, &first);
    assert!(built > library.articles.len(), "drafts too: {built}");
    // Written on a thread of its own, and whole once dropped.
    drop(first.save_meanwhile(|| None));
    let second = cache(root);
    let (cached, built) = load(root, &second);
    assert_eq!(built, 0, "every article from the cache");
    assert_eq!(cached, parsed);
    second.save();

    // One body edited: that file alone is parsed again.
    let path = library.articles[0].path.clone();
    let text = std::fs::read_to_string(root.join(&path)).unwrap();
    std::fs::write(root.join(&path), format!("{text}\nOne more line.\n")).unwrap();
    let third = cache(root);
    assert!(third.get(&path).is_none());
    let (_, built) = load(root, &third);
    assert_eq!(built, 1);
    third.save();
    assert_eq!(load(root, &cache(root)).1, 0);

    // A registry entry edited: every article is validated again.
    let krict = root.join("content/organizations/krict.md");
    let text = std::fs::read_to_string(&krict).unwrap();
    std::fs::write(&krict, format!("{text}\nMore.\n")).unwrap();
    let fourth = cache(root);
    assert!(fourth.kept.is_empty(), "another stamp");
    assert_eq!(load(root, &fourth).1, parsed.len());
}

#[test]
fn a_damaged_payload_is_ignored_without_a_panic() {
    let (dir, _) = crate::search::records::tests::fixture_copy();
    let root = dir.path();
    let first = cache(root);
    load(root, &first);
    first.save();
    let payload = cache(root).payload;
    assert!(parse(&payload).is_some());
    for cut in [1, 8, 9, 40, payload.len() / 2, payload.len() - 1] {
        assert!(parse(&payload[..cut]).is_none(), "cut at {cut}");
    }
    let mut longer = payload.clone();
    longer.push(0);
    assert!(parse(&longer).is_none(), "bytes after the last entry");
    let mut huge = payload.clone();
    huge[..8].copy_from_slice(&u64::MAX.to_le_bytes());
    assert!(parse(&huge).is_none(), "a count past the end");
    // Front matter that is no longer valid JSON (a checksum that
    // matched anyway): that article is parsed from its file.
    let mut kept = cache(root);
    let (path, entry) = kept
        .kept
        .iter()
        .next()
        .map(|(p, e)| (p.clone(), e.clone()))
        .unwrap();
    kept.payload[entry.front.start] = b'!';
    assert!(kept.get(&path).is_none());
    let (_, built) = load(root, &kept);
    assert_eq!(built, 1);
}

#[test]
fn front_matter_that_would_not_read_back_the_same_is_not_kept() {
    let (_, library) = crate::search::records::tests::fixture_copy();
    let mut article = library
        .articles
        .iter()
        .find(|a| !a.front.figures.is_empty())
        .unwrap()
        .clone();
    let path = article.path.clone();
    assert!(encode(&path, &[1; 32], &article).is_some());
    article.front.figures[0].value = f64::NAN;
    assert!(
        encode(&path, &[1; 32], &article).is_none(),
        "NaN is null in JSON"
    );
}

#[test]
fn a_save_meanwhile_is_finished_once_dropped() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let done = std::sync::Arc::new(AtomicBool::new(false));
    let flag = done.clone();
    let saving = Saving::start(move || {
        std::thread::sleep(std::time::Duration::from_millis(50));
        flag.store(true, Ordering::SeqCst);
        None
    });
    assert!(!done.load(Ordering::SeqCst));
    drop(saving);
    assert!(done.load(Ordering::SeqCst));
}

#[test]
fn a_cache_read_only_gives_its_articles_and_keeps_none_built() {
    let (dir, library) = crate::search::records::tests::fixture_copy();
    let root = dir.path();
    let first = cache(root);
    let (parsed, _) = load(root, &first);
    first.save();
    let path = library.articles[0].path.clone();
    let text = std::fs::read_to_string(root.join(&path)).unwrap();
    std::fs::write(root.join(&path), format!("{text}\nOne more line.\n")).unwrap();
    let read_only = ReadOnly(cache(root));
    assert!(read_only.get(&path).is_none(), "the edited file");
    let config = crate::config::SiteConfig::load(root).unwrap();
    let options = LoadOptions { drafts: true };
    let loaded =
        Library::read_known(root, config, options, Some(&read_only), Default::default()).unwrap();
    assert_eq!(loaded.articles.len(), parsed.len());
    assert!(read_only.0.built.lock().unwrap().is_empty(), "nothing kept");
}

#[test]
fn entries_are_written_once_a_path_in_path_order_a_built_one_replacing_the_kept() {
    let path = |p: &'static str| Path::new(p);
    let kept: Vec<(&Path, &[u8])> = vec![
        (path("content/articles/b.md"), b"kept b"),
        (path("content/articles/c.md"), b"kept c"),
        (path("content/articles/a.md"), b"kept a"),
    ];
    let built: Vec<(&Path, &[u8])> = vec![
        (path("content/articles/b.md"), b"built b"),
        (path("content/articles/0.md"), b"built 0"),
    ];
    let written: Vec<&[u8]> = vec![b"built 0", b"kept a", b"built b", b"kept c"];
    assert_eq!(by_path(built.into_iter(), kept), written);
}
