use super::*;
use crate::build::reuse::inputs;
use crate::build::BuildOptions;
use crate::output::RenderedPage;
use crate::render::Bodies as _;
use crate::search::records::tests::{fixture_copy, with_body};

/// The cache of the site at `root` as a build would open it now.
fn opened(root: &Path) -> (Bodies, Writing) {
    let (now, _) = inputs(&BuildOptions::new(root)).unwrap();
    open(root, &now).unwrap()
}

/// Each body of `library` rendered from its file and handed to the cache
/// of the site at `root` (search off), written as a build writes it.
fn rendered(root: &Path, library: &Library) -> Vec<RenderedMarkdown> {
    rendered_where(root, library, |_, _| true)
}

/// [`rendered`] for the bodies `wanted` picks (each used with the cache
/// as it was when the build began).
fn rendered_where(
    root: &Path,
    library: &Library,
    wanted: impl Fn(&Used<'_>, usize) -> bool,
) -> Vec<RenderedMarkdown> {
    let (bodies, writing) = opened(root);
    let writer = std::thread::spawn(move || writing.run());
    let put = |_: &str, _: &[u8]| Ok(());
    let used = Used::new(Some(bodies), library, None, &put);
    let markdown = library.markdown();
    let mut all = Vec::new();
    for (i, article) in library.articles.iter().enumerate() {
        if !wanted(&used, i) {
            continue;
        }
        let body = library.render_body(article, &markdown).unwrap();
        all.push(body.clone());
        used.rendered(i, body);
    }
    used.finish().unwrap();
    assert!(writer.join().unwrap().is_none());
    all
}

/// What the cache of the site at `root` knows of each article now.
fn known(root: &Path, library: &Library) -> Vec<Option<RenderedMarkdown>> {
    let (bodies, _) = opened(root);
    let put = |_: &str, _: &[u8]| Ok(());
    let used = Used::new(Some(bodies), library, None, &put);
    (0..library.articles.len()).map(|i| used.known(i)).collect()
}

/// A body as the cache gives it back: without its words.
fn wordless(body: &RenderedMarkdown) -> RenderedMarkdown {
    RenderedMarkdown {
        text: String::new(),
        ..body.clone()
    }
}

fn append(root: &Path, relative: &str, text: &str) {
    use std::io::Write as _;
    let path = root.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .unwrap();
    file.write_all(text.as_bytes()).unwrap();
}

#[test]
fn every_body_rendered_comes_back_and_an_edited_one_does_not() {
    let (dir, library) = crate::search::records::tests::fixture_copy();
    let root = dir.path();
    assert!(known(root, &library).iter().all(Option::is_none));
    let bodies = rendered(root, &library);
    let back = known(root, &library);
    assert!(bodies.iter().any(|b| !b.headings.is_empty()));
    for (i, (body, back)) in bodies.iter().zip(&back).enumerate() {
        assert_eq!(back.as_ref(), Some(&wordless(body)), "article {i}");
    }
    // One body edited: it alone is unknown.
    let library = crate::search::records::tests::with_body(library, root, 1, "New words.\n");
    let back = known(root, &library);
    assert!(back[1].is_none());
    assert!(back.iter().enumerate().all(|(i, b)| i == 1 || b.is_some()));
    // Rendered again: the new body is kept beside the others.
    rendered(root, &library);
    assert!(known(root, &library).iter().all(Option::is_some));
}

#[test]
fn a_build_that_renders_one_edited_body_appends_it_and_leaves_the_pack_in_place() {
    let (dir, library) = fixture_copy();
    let root = dir.path();
    rendered(root, &library);
    let pack = root.join(crate::build::CACHE_FOLDER).join(NAME);
    let before = std::fs::read(&pack).unwrap();
    let library = with_body(library, root, 1, "New words.\n");
    let bodies = rendered_where(root, &library, |used, i| used.known(i).is_none());
    assert_eq!(bodies.len(), 1, "the edited body alone");
    let after = std::fs::read(&pack).unwrap();
    assert!(after.len() > before.len() && after.starts_with(&before));
    let back = known(root, &library);
    assert_eq!(back[1], Some(wordless(&bodies[0])));
    assert!(back.iter().all(Option::is_some));
}

#[test]
fn a_registry_or_config_edit_starts_afresh_and_a_template_edit_does_not() {
    let edits: [(&str, &str, bool); 4] = [
        (
            "content/organizations/krict.md",
            "\nMore about it.\n",
            false,
        ),
        ("content/topics/all-solid-state.md", "\nMore.\n", false),
        ("site.yaml", "unsafe_html: true\n", false),
        ("templates/article.html", "{# a note #}\n", true),
    ];
    for (file, text, kept) in edits {
        let (dir, library) = crate::search::records::tests::fixture_copy();
        let root = dir.path();
        rendered(root, &library);
        append(root, file, text);
        let back = known(root, &library);
        assert!(back.iter().all(|b| b.is_some() == kept), "{file}: {back:?}");
    }
}

#[test]
fn an_entry_reads_back_whole_or_not_at_all() {
    let (dir, library) = crate::search::records::tests::fixture_copy();
    let root = dir.path();
    rendered(root, &library);
    let (bodies, _) = opened(root);
    let pack = bodies.pack.unwrap();
    let key = bodies.now[&library.articles[0].path];
    let bytes = pack.get(&key).unwrap();
    assert!(decode(&bytes, 0).is_some());
    for at in 0..bytes.len() {
        // Cut anywhere inside the head or the HTML: nothing.
        let head = u64::from_le_bytes(bytes[..8].try_into().unwrap()) as usize;
        let html = u64::from_le_bytes(bytes[8 + head..16 + head].try_into().unwrap()) as usize;
        if at < 16 + head + html {
            assert!(decode(&bytes[..at], 0).is_none(), "cut at {at}");
        }
    }
}

/// One build's search index of the site at `root` (its files sorted by
/// path), each body the cache knows taken from it and every other
/// rendered and handed to it, after `before` had the feed; and how many
/// bodies were known.
fn indexed_after(
    root: &Path,
    library: &Library,
    before: impl FnOnce(&Feed<'_>),
) -> (Vec<RenderedPage>, usize) {
    let (bodies, writing) = opened(root);
    let writer = std::thread::spawn(move || writing.run());
    let made = Mutex::new(Vec::new());
    let keep = |path: &str, contents: &[u8]| {
        let (path, contents) = (path.to_string(), contents.to_vec());
        made.lock().unwrap().push(RenderedPage { path, contents });
        Ok(())
    };
    let put = |path: &str, contents: &[u8]| keep(path, contents);
    let mut kept = crate::search::Kept::once();
    let feed = kept.feed(library).unwrap();
    before(&feed);
    let used = Used::new(Some(bodies), library, Some(&feed), &put);
    let markdown = library.markdown();
    let mut known = 0;
    for (i, article) in library.articles.iter().enumerate() {
        match used.known(i) {
            Some(_) => known += 1,
            None => used.rendered(i, library.render_body(article, &markdown).unwrap()),
        }
    }
    used.finish().unwrap();
    assert!(writer.join().unwrap().is_none());
    let put = |page: RenderedPage| keep(&page.path, &page.contents);
    kept.update_fed::<BuildError>(library, Some(feed), put)
        .unwrap();
    let mut made = made.into_inner().unwrap();
    made.sort_by(|a, b| a.path.cmp(&b.path));
    (made, known)
}

fn indexed(root: &Path, library: &Library) -> (Vec<RenderedPage>, usize) {
    indexed_after(root, library, |_| {})
}

#[test]
fn kept_bodies_give_search_the_index_made_from_every_file() {
    let (dir, library) = fixture_copy();
    let root = dir.path();
    let count = library.articles.len();
    let whole = crate::search::index(&library);
    assert_eq!(indexed(root, &library), (whole.clone(), 0));
    assert_eq!(indexed(root, &library), (whole, count), "terms by number");
    // An edited body brings terms the pack's vocabulary lacks: numbered
    // after it, beside old entries that keep their numbers.
    let library = with_body(library, root, 1, "Quokka zygotes.\n");
    let whole = crate::search::index(&library);
    assert_eq!(indexed(root, &library), (whole.clone(), count - 1));
    assert_eq!(
        indexed(root, &library),
        (whole, count),
        "old and new entries"
    );
}

#[test]
fn a_vocabulary_begun_before_the_pack_is_read_leaves_the_pack_unused() {
    let (dir, library) = fixture_copy();
    let root = dir.path();
    let count = library.articles.len();
    let whole = crate::search::index(&library);
    indexed(root, &library);
    let stray = |feed: &Feed<'_>| assert!(feed.seed(&["stray"]));
    assert_eq!(indexed_after(root, &library, stray), (whole.clone(), 0));
    // The pack written then was made afresh, every entry new.
    assert_eq!(indexed(root, &library), (whole, count));
}

#[test]
fn a_vocabulary_reads_back_and_is_made_afresh_once_grown_past_twice() {
    let names = ["anode".to_string(), "école".to_string()];
    let bytes = dictionary(1, &names);
    assert_eq!(read_dictionary(&bytes), Some((1, vec!["anode", "école"])));
    for at in 0..bytes.len() {
        assert_eq!(read_dictionary(&bytes[..at]), None, "cut at {at}");
    }
    let slack = GROWTH_SLACK as usize;
    assert!(!grown(100, 200 + slack));
    assert!(grown(100, 201 + slack));
    assert!(!grown(u64::MAX, usize::MAX), "no overflow");
}

#[test]
fn a_kept_body_gives_its_html_alone_and_an_edited_one_nothing() {
    let (dir, library) = fixture_copy();
    let root = dir.path();
    let bodies = rendered(root, &library);
    let library = with_body(library, root, 1, "New words.\n");
    let (cache, _) = opened(root);
    let put = |path: &str, _: &[u8]| panic!("{path} written");
    let mut kept = crate::search::Kept::once();
    let feed = kept.feed(&library).unwrap();
    let used = Used::new(Some(cache), &library, Some(&feed), &put);
    for (i, body) in bodies.iter().enumerate() {
        let html = used.html(i);
        assert_eq!(html.as_ref(), (i != 1).then_some(&body.html), "article {i}");
        assert!(!feed.has(i), "nothing goes to search");
    }
}

/// Each file in `folder`, by name, with its bytes.
fn files_in(folder: &Path) -> Vec<(std::ffi::OsString, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (e.file_name(), std::fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_pack_opened_to_read_gives_its_bodies_and_is_never_written() {
    let (dir, library) = fixture_copy();
    let root = dir.path();
    // Written by a build with search: its entries hold terms.
    indexed(root, &library);
    let library = with_body(library, root, 1, "New words.\n");
    let folder = root.join(crate::build::CACHE_FOLDER);
    let before = files_in(&folder);
    let (now, _) = inputs(&BuildOptions::new(root)).unwrap();
    let put = |_: &str, _: &[u8]| panic!("no search here: nothing is put");
    let used = Used::new(read_only(root, &now), &library, None, &put);
    let known: Vec<bool> = (0..library.articles.len())
        .map(|i| used.known(i).is_some())
        .collect();
    assert!(!known[1], "the edited body");
    assert!(
        known.iter().enumerate().all(|(i, k)| *k || i == 1),
        "{known:?}"
    );
    assert_eq!(used.rendered_from_files(), 0);
    let markdown = library.markdown();
    used.rendered(
        1,
        library
            .render_body(&library.articles[1], &markdown)
            .unwrap(),
    );
    assert!(used.html(1).is_none(), "the site feed renders it too");
    assert_eq!(used.rendered_from_files(), 2);
    used.finish().unwrap();
    assert_eq!(files_in(&folder), before, "nothing written");
}
