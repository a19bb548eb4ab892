use super::stamps::STAMP_TRUSTED_AFTER;
use super::*;
use std::os::unix::fs::MetadataExt as _;

fn source(path: &str, bytes: u8, front: Option<u8>) -> Source {
    Source {
        path: path.into(),
        bytes: [bytes; 32],
        front: front.map(|f| [f; 32]),
        stamp: None,
    }
}

fn record(files: Vec<Source>) -> Record {
    Record {
        inputs: Inputs {
            digest: [7; 32],
            program: [9; 32],
            files,
        },
        output: [200; 32],
        files: 12,
        articles: 3,
    }
}

#[test]
fn a_record_reads_back_and_a_damaged_one_is_none() {
    let stamped = Source {
        stamp: Some([4; 32]),
        ..source("content/articles/a b.md", 1, Some(2))
    };
    let record = record(vec![stamped, source("site.yaml", 3, None)]);
    let text = format_record(&record);
    assert_eq!(parse_record(&text), Some(record));
    assert_eq!(parse_record(&text.replace("inputs", "input")), None);
    assert_eq!(parse_record(&text[..text.len() - 40]), None);
    let older = text.replacen(FORMAT, "briefing build record 2", 1);
    assert_eq!(parse_record(&older), None);
}

#[test]
fn only_changes_to_articles_are_named_and_any_other_is_none() {
    let before = record(vec![
        source("content/articles/a.md", 1, Some(2)),
        source("content/articles/b.md", 3, Some(4)),
        source("site.yaml", 5, None),
    ]);
    let now = |files: Vec<Source>| Inputs {
        digest: [8; 32],
        program: [9; 32],
        files,
    };
    let changed = |path: &str, front_before: Option<u8>, now: bool| Changed {
        path: path.into(),
        front_before: front_before.map(|f| [f; 32]),
        now,
    };
    let edits = now(vec![
        source("content/articles/a.md", 10, Some(2)),
        source("content/articles/b.md", 11, Some(12)),
        source("site.yaml", 5, None),
    ]);
    assert_eq!(
        changed_articles(&before, &edits),
        Some(vec![
            changed("content/articles/a.md", Some(2), true),
            changed("content/articles/b.md", Some(4), true),
        ])
    );
    let renamed = now(vec![
        source("content/articles/a.md", 1, Some(2)),
        source("content/articles/c.md", 3, Some(4)),
        source("site.yaml", 5, None),
    ]);
    assert_eq!(
        changed_articles(&before, &renamed),
        Some(vec![
            changed("content/articles/b.md", Some(4), false),
            changed("content/articles/c.md", None, true),
        ])
    );
    let config = now(vec![
        source("content/articles/a.md", 10, Some(2)),
        source("content/articles/b.md", 3, Some(4)),
        source("site.yaml", 6, None),
    ]);
    assert_eq!(changed_articles(&before, &config), None);
    let unsplit = now(vec![
        source("content/articles/a.md", 10, None),
        source("content/articles/b.md", 3, Some(4)),
        source("site.yaml", 5, None),
    ]);
    assert_eq!(changed_articles(&before, &unsplit), None);
    assert_eq!(changed_articles(&before, &before.inputs), None);
    let mut other_binary = edits.clone();
    other_binary.program = [1; 32];
    assert_eq!(changed_articles(&before, &other_binary), None);
}

/// A small site: its config, one article and one template.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("content/articles")).unwrap();
    std::fs::create_dir_all(root.join("themes/t/templates")).unwrap();
    std::fs::write(root.join("site.yaml"), "title: T\n").unwrap();
    std::fs::write(root.join(ARTICLE), "---\ntitle: A\n---\nBody.\n").unwrap();
    std::fs::write(root.join(TEMPLATE), "{{ x }}").unwrap();
    dir
}

const ARTICLE: &str = "content/articles/a.md";
const TEMPLATE: &str = "themes/t/templates/t.html";

/// The inputs of the site at `root` for a build started at `started`
/// nanoseconds, given the record of an earlier build.
fn since(root: &Path, started: i128, earlier: Option<&Record>) -> (Inputs, Fronts) {
    let options = BuildOptions::new(root);
    let walks = crate::sitefs::walk_site(root);
    let (inputs, fronts, _) = inputs_since(&options, &walks, Some(started), earlier, 0).unwrap();
    (inputs, fronts)
}

#[test]
fn article_files_read_are_handed_on_whole_within_the_bound() {
    let dir = site();
    let root = dir.path();
    let longer = "content/articles/b.md";
    std::fs::write(root.join(longer), "---\ntitle: B\n---\nA longer body.\n").unwrap();
    std::fs::write(root.join("content/articles/notes.txt"), "not Markdown").unwrap();
    let hidden = "---\ntitle: H\n---\nAn editor's copy.\n";
    std::fs::write(root.join("content/articles/.hidden.md"), hidden).unwrap();
    let options = BuildOptions::new(root);
    let walks = crate::sitefs::walk_site(root);
    let handed = |hold, earlier| {
        let (_, _, texts) = inputs_since(&options, &walks, None, earlier, hold).unwrap();
        let mut texts: Vec<(PathBuf, String)> = (texts.into_iter())
            .map(|(path, text)| (path, text.to_string()))
            .collect();
        texts.sort();
        texts
    };
    let text = |path: &str| std::fs::read_to_string(root.join(path)).unwrap();
    let both = [ARTICLE, longer].map(|p| (PathBuf::from(p), text(p)));
    assert_eq!(handed(u64::MAX, None), both, "articles only, as read");
    let room = text(ARTICLE).len() as u64;
    assert_eq!(handed(room, None), both[..1], "what fits");
    assert_eq!(handed(0, None), []);
    // A file the last build's stamp vouches for is not read: nothing to hand.
    let later = now() + 60_000_000_000;
    let (first, _) = since(root, later, None);
    let record = Record {
        inputs: first,
        ..record(Vec::new())
    };
    assert_eq!(handed(u64::MAX, Some(&record)), []);
}

fn now() -> i128 {
    nanos(SystemTime::now()).unwrap()
}

/// The record of a build that read `inputs`, with the template's
/// digest replaced by one no file has.
fn with_forged_template(inputs: &Inputs) -> Record {
    let mut record = Record {
        inputs: inputs.clone(),
        ..record(Vec::new())
    };
    let template = record.inputs.files.iter_mut().find(|f| f.path == TEMPLATE);
    template.unwrap().bytes = [1; 32];
    record
}

fn file<'a>(inputs: &'a Inputs, path: &str) -> &'a Source {
    inputs.files.iter().find(|f| f.path == path).unwrap()
}

#[test]
fn a_stamp_is_trusted_only_when_the_file_changed_well_before_the_build() {
    let dir = site();
    let meta = stamp(&std::fs::metadata(dir.path().join(ARTICLE)).unwrap()).unwrap();
    assert!(!trusted(&meta, now()), "just written");
    let later = now() + STAMP_TRUSTED_AFTER.as_nanos() as i128 + 1_000_000_000;
    assert!(trusted(&meta, later));
    // Another briefing took the digests: its stamps are other ones.
    assert_ne!(stamp_of(&meta, &[1; 32]), stamp_of(&meta, &[2; 32]));
    let (inputs, _) = since(dir.path(), now(), None);
    assert!(inputs.files.iter().all(|f| f.stamp.is_none()), "{inputs:?}");
}

#[test]
fn a_file_with_its_recorded_stamp_is_not_read_and_a_changed_one_is() {
    let dir = site();
    let root = dir.path();
    // Every file as if it had last changed long before these builds.
    let later = now() + 60_000_000_000;
    let (first, fronts) = since(root, later, None);
    assert!(first.files.iter().all(|f| f.stamp.is_some()), "{first:?}");
    let front = file(&first, ARTICLE).front.unwrap();
    assert!(fronts.read.contains_key(&front) && fronts.kept.is_empty());

    let record = Record {
        inputs: first.clone(),
        ..record(Vec::new())
    };
    let (again, fronts) = since(root, later, Some(&record));
    assert_eq!(again, first);
    assert!(fronts.read.is_empty(), "nothing read: {fronts:?}");
    assert_eq!(
        fronts.kept,
        [front],
        "the article's front matter is the record's"
    );

    // A digest only the record holds comes back: the file was not read.
    let (taken, _) = since(root, later, Some(&with_forged_template(&first)));
    assert_eq!(file(&taken, TEMPLATE).bytes, [1; 32]);
    assert_ne!(taken.digest, first.digest);

    // Rewritten with bytes of the same length and its modification
    // time put back (as `cp -p` or `rsync -t` do): its change time
    // still tells, and the file is read.
    let path = root.join(TEMPLATE);
    let before = std::fs::metadata(&path).unwrap();
    // Until the file system's clock has ticked (up to 2 s on some).
    while std::fs::metadata(&path).unwrap().ctime_nsec() == before.ctime_nsec()
        && std::fs::metadata(&path).unwrap().ctime() == before.ctime()
    {
        std::thread::sleep(Duration::from_millis(10));
        std::fs::write(&path, "{{ y }}").unwrap();
    }
    let handle = std::fs::File::options().write(true).open(&path).unwrap();
    handle.set_modified(before.modified().unwrap()).unwrap();
    drop(handle);
    let (read, _) = since(root, later, Some(&with_forged_template(&first)));
    let real: Digest = Sha256::digest("{{ y }}").into();
    assert_eq!(file(&read, TEMPLATE).bytes, real);
    assert_eq!(file(&read, ARTICLE), file(&first, ARTICLE));
}

#[test]
fn a_file_changed_just_before_the_build_is_recorded_without_a_stamp() {
    let dir = site();
    let root = dir.path();
    let later = now() + 60_000_000_000;
    let (first, _) = since(root, later, None);
    let record = Record {
        inputs: first.clone(),
        ..record(Vec::new())
    };
    // Rewritten in the same length, and a build starting right after:
    // the new stamp is not trusted, so the next build reads it again.
    std::fs::write(root.join(TEMPLATE), "{{ z }}").unwrap();
    let (read, _) = since(root, now(), Some(&record));
    assert_eq!(file(&read, TEMPLATE).stamp, None);
    assert_eq!(
        file(&read, TEMPLATE).bytes,
        <[u8; 32]>::from(Sha256::digest("{{ z }}"))
    );
}
