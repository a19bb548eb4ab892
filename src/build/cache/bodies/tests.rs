use super::*;
use crate::build::reuse::inputs;
use crate::build::BuildOptions;
use crate::render::Bodies as _;

/// The cache of the site at `root` as a build would open it now.
fn opened(root: &Path) -> (Bodies, Writing) {
    let (now, _) = inputs(&BuildOptions::new(root)).unwrap();
    open(root, &now).unwrap()
}

/// Each body of `library` rendered from its file and handed to the cache
/// of the site at `root` (search off), written as a build writes it.
fn rendered(root: &Path, library: &Library) -> Vec<RenderedMarkdown> {
    let (bodies, writing) = opened(root);
    let writer = std::thread::spawn(move || writing.run());
    let put = |_: &str, _: &[u8]| Ok(());
    let used = Used::new(Some(bodies), library, None, &put);
    let markdown = library.markdown();
    let mut all = Vec::new();
    for (i, article) in library.articles.iter().enumerate() {
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
    assert!(decode(&bytes).is_some());
    for at in 0..bytes.len() {
        // Cut anywhere inside the head or the HTML: nothing.
        let head = u64::from_le_bytes(bytes[..8].try_into().unwrap()) as usize;
        let html = u64::from_le_bytes(bytes[8 + head..16 + head].try_into().unwrap()) as usize;
        if at < 16 + head + html {
            assert!(decode(&bytes[..at]).is_none(), "cut at {at}");
        }
    }
}
