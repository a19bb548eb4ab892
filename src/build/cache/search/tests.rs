use std::collections::BTreeSet;

use super::*;
use crate::build::reuse::inputs;
use crate::diag::Diagnostic;
use crate::output::Output;

/// Each article's terms with their scores, by name.
type Terms = Vec<BTreeSet<(String, u8)>>;

/// The index of `library` made whole, saved as the build after it would,
/// for the output `out`; and each article's terms as that index holds them.
fn saved(options: &BuildOptions, out: &Path, library: &Library) -> (Digest, Terms) {
    let (now, _) = inputs(options).unwrap();
    let mut kept = Kept::once_saved();
    kept.update(library, |_| Ok::<_, Diagnostic>(())).unwrap();
    save(options, out, &now, library, &kept);
    let (names, postings) = kept.made().unwrap();
    let mut terms = vec![BTreeSet::new(); library.articles.len()];
    for (term, name) in names.iter().enumerate() {
        for (article, score) in postings.of(term as u32) {
            terms[article as usize].insert((name.to_string(), score));
        }
    }
    (now.digest, terms)
}

/// The term names, and each article with its terms numbered into them.
type Parsed = (Vec<String>, Vec<(usize, Counted)>);

/// [`parse`] keeping every result file, the terms numbered as first
/// named: those names, and the articles.
fn parse_all(payload: &[u8], now: &Inputs, library: &Library) -> Option<Parsed> {
    let mut names = Vec::new();
    let known = parse(
        payload,
        now,
        library,
        |_| true,
        |name| {
            names.push(name.to_string());
            names.len() as u32 - 1
        },
    )?;
    Some((names, known))
}

/// The payload the build `made_by` saved for the output `out`.
fn payload(options: &BuildOptions, out: &Path, made_by: &Digest) -> Vec<u8> {
    let stamp = super::super::stamp(LAYOUT, &[made_by]).unwrap();
    let name = name(options, out).unwrap();
    super::super::read(&options.root, &name, LAYOUT, &stamp, 1 << 30).unwrap()
}

/// What the cache gives back for `library` now.
fn read_back(options: &BuildOptions, out: &Path, made_by: &Digest, library: &Library) -> Terms {
    let (now, _) = inputs(options).unwrap();
    let payload = payload(options, out, made_by);
    let (names, known) = parse_all(&payload, &now, library).unwrap();
    let mut terms = vec![BTreeSet::new(); library.articles.len()];
    for (i, counted) in known {
        terms[i] = counted
            .pairs()
            .map(|(t, s)| (names[t as usize].clone(), s))
            .collect();
        // Known, even when empty.
        terms[i].insert((String::new(), 0));
    }
    terms
}

/// A copy of the fixture site, its library, build options and output.
fn site() -> (tempfile::TempDir, Library, BuildOptions, std::path::PathBuf) {
    let (dir, library) = crate::search::records::tests::fixture_copy();
    let options = BuildOptions::new(dir.path());
    let out = dir.path().join("public");
    (dir, library, options, out)
}

#[test]
fn the_terms_of_unchanged_articles_come_back_and_no_others() {
    let (dir, library, options, out) = site();
    let (made_by, terms) = saved(&options, &out, &library);
    let known = read_back(&options, &out, &made_by, &library);
    for (i, (made, back)) in terms.iter().zip(&known).enumerate() {
        let mut made = made.clone();
        made.insert((String::new(), 0));
        assert_eq!(&made, back, "article {i}");
    }
    // One body edited: that article is not known, the others are.
    let library = crate::search::records::tests::with_body(library, dir.path(), 1, "New words.\n");
    let known = read_back(&options, &out, &made_by, &library);
    assert!(known[1].is_empty());
    assert!(known
        .iter()
        .enumerate()
        .all(|(i, k)| i == 1 || !k.is_empty()));
    // Another build's stamp: nothing.
    let stamp = super::super::stamp(LAYOUT, &[&[0; 32]]).unwrap();
    let name = name(&options, &out).unwrap();
    assert!(super::super::read(dir.path(), &name, LAYOUT, &stamp, 1 << 30).is_none());
}

#[test]
fn known_articles_keep_their_result_files_and_are_not_indexed_again() {
    let (dir, library, options, out) = site();
    // The previous output: the index's files, as a build writes them.
    let index = crate::search::index(&library);
    {
        let output = Output::lock(&out).unwrap();
        let staging = output.stage(index.iter().map(|f| f.path.as_str())).unwrap();
        for file in &index {
            staging.put(&file.path, &file.contents).unwrap();
        }
        staging.commit().unwrap();
    }
    let (made_by, _) = saved(&options, &out, &library);
    let library = crate::search::records::tests::with_body(library, dir.path(), 0, "Other.\n");
    let (now, _) = inputs(&options).unwrap();
    let output = Output::lock(&out).unwrap();
    let staging = output.stage(index.iter().map(|f| f.path.as_str())).unwrap();
    let mut kept = Kept::once();
    let feed = kept.feed(&library).unwrap();
    let known = reuse(&options, &out, &made_by, &now, &library, &feed, &staging);
    assert_eq!(known, library.articles.len() - 1, "all but the edited one");
    // The index made with them is the one made from every body.
    let made = std::sync::Mutex::new(Vec::new());
    let put = |file: crate::output::RenderedPage| {
        made.lock().unwrap().push(file);
        Ok::<_, Diagnostic>(())
    };
    kept.update_fed(&library, Some(feed), put).unwrap();
    let mut made = made.into_inner().unwrap();
    made.sort_by(|a, b| a.path.cmp(&b.path));
    let whole = crate::search::index(&library);
    let paths = |files: &[crate::output::RenderedPage]| -> Vec<String> {
        files.iter().map(|f| f.path.clone()).collect()
    };
    let edited = doc_path(&library.articles[0].slug);
    let expected: Vec<_> = whole
        .iter()
        .filter(|f| !f.path.contains("/docs/") || f.path == edited)
        .collect();
    assert_eq!(
        paths(&made),
        expected.iter().map(|f| f.path.clone()).collect::<Vec<_>>()
    );
    for (a, b) in made.iter().zip(&expected) {
        assert_eq!(a.contents, b.contents, "{}", a.path);
    }
    drop(staging);
}

#[test]
fn a_damaged_payload_is_ignored_without_a_panic() {
    let (_dir, library, options, out) = site();
    let (made_by, _) = saved(&options, &out, &library);
    let (now, _) = inputs(&options).unwrap();
    let payload = payload(&options, &out, &made_by);
    assert!(parse_all(&payload, &now, &library).is_some());
    for cut in [0, 1, 8, 9, 60, payload.len() / 2, payload.len() - 1] {
        assert!(
            parse_all(&payload[..cut], &now, &library).is_none(),
            "cut at {cut}"
        );
    }
    let mut longer = payload.clone();
    longer.push(0);
    // Read whole before any result file is kept: none is, for this one.
    let asked = std::sync::atomic::AtomicUsize::new(0);
    let keep = |_| asked.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < usize::MAX;
    assert!(parse(&longer, &now, &library, keep, |_| 0).is_none());
    assert_eq!(asked.into_inner(), 0, "no result file kept");
    // The first article listed twice.
    let mut twice = payload.clone();
    let first = 8..8 + 8 + library.articles[0].path.to_str().unwrap().len() + 32;
    let entry = payload[first.clone()].to_vec();
    twice.splice(first.end..first.end, entry);
    twice[..8].copy_from_slice(&(library.articles.len() as u64 + 1).to_le_bytes());
    assert!(parse_all(&twice, &now, &library).is_none());
}

#[test]
fn articles_not_kept_are_left_out_and_only_terms_kept_are_numbered() {
    let (_dir, library, options, out) = site();
    let (made_by, terms) = saved(&options, &out, &library);
    let (now, _) = inputs(&options).unwrap();
    let payload = payload(&options, &out, &made_by);
    let mut named = Vec::new();
    let known = parse(
        &payload,
        &now,
        &library,
        |i| i != 0,
        |name| {
            named.push(name.to_string());
            named.len() as u32 - 1
        },
    )
    .unwrap();
    let numbers: Vec<usize> = known.iter().map(|(i, _)| *i).collect();
    let (_, first) = &known[0];
    assert_eq!(first.terms.capacity(), first.terms.len(), "made to measure");
    assert_eq!(numbers, (1..library.articles.len()).collect::<Vec<_>>());
    let wanted: BTreeSet<String> = terms[1..].iter().flatten().map(|t| t.0.clone()).collect();
    assert!(
        terms[0].iter().any(|t| !wanted.contains(&t.0)),
        "the first article has a word of its own"
    );
    let numbered: BTreeSet<String> = named.iter().cloned().collect();
    assert_eq!(numbered, wanted, "the terms of kept articles, no other");
    assert_eq!(named.len(), wanted.len(), "each numbered once");
}

/// A payload listing the first two articles of `library` (with their
/// digests now) and `terms`: each name with its postings (gap, score).
fn payload_of(now: &Inputs, library: &Library, terms: &[(&str, &[(u64, u8)])]) -> Vec<u8> {
    let digests: std::collections::HashMap<_, _> = now.file_digests().collect();
    let mut out = Writer::default();
    out.u64(2);
    for article in &library.articles[..2] {
        let path = article.path.to_str().unwrap();
        out.field(path.as_bytes());
        out.bytes.extend_from_slice(digests[path]);
    }
    out.u64(terms.len() as u64);
    for (name, postings) in terms {
        out.field(name.as_bytes());
        out.varint(postings.len() as u64);
        for (gap, score) in *postings {
            out.varint(*gap);
            out.bytes.push(*score);
        }
    }
    out.bytes
}

#[test]
fn a_payload_naming_an_article_or_a_term_twice_is_ignored() {
    let (_dir, library, options, _) = site();
    let (now, _) = inputs(&options).unwrap();
    let parsed = |terms: &[(&str, &[(u64, u8)])]| {
        parse_all(&payload_of(&now, &library, terms), &now, &library).map(|(names, _)| names)
    };
    let both: &[(u64, u8)] = &[(0, 5), (1, 3)];
    assert_eq!(parsed(&[("alpha", both)]), Some(vec!["alpha".to_string()]));
    assert_eq!(
        parsed(&[("alpha", &[(0, 5), (0, 3)])]),
        None,
        "article 0 twice"
    );
    assert_eq!(parsed(&[("alpha", &[(0, 5)]), ("alpha", &[(1, 3)])]), None);
    assert_eq!(
        parsed(&[("alpha", &[(0, 5), (2, 3)])]),
        None,
        "past the list"
    );
}
