use super::records::tests::{fixture, fixture_copy, with_body};
use super::*;

fn find(files: &[RenderedPage], path: &str) -> serde_json::Value {
    let file = files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no {path}"));
    serde_json::from_slice(&file.contents).expect("JSON")
}

/// Articles holding every term of `terms`.
fn holding(files: &[RenderedPage], terms: &[&str]) -> BTreeSet<u32> {
    let mut found: Option<BTreeSet<u32>> = None;
    for term in terms {
        let these: BTreeSet<u32> = postings(files, term).into_iter().map(|(a, _)| a).collect();
        found = Some(match found {
            Some(before) => before.intersection(&these).copied().collect(),
            None => these,
        });
    }
    found.unwrap_or_default()
}

#[test]
fn meta_lists_each_article_with_its_filter_values() {
    let library = fixture();
    let files = index(&library);
    let meta = find(&files, "search/meta.json");
    let docs = meta["docs"].as_array().unwrap();
    assert_eq!(docs.len(), library.articles.len());
    let pilot = docs
        .iter()
        .position(|d| d[0] == "solid-state-pilot-line")
        .expect("the pilot-line briefing");
    let doc = &docs[pilot];
    let names = |filter: &str, at: &serde_json::Value| -> Vec<String> {
        at.as_array()
            .unwrap()
            .iter()
            .map(|i| {
                meta["filters"][filter][i.as_u64().unwrap() as usize]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    assert_eq!(names("topic", &doc[1]), ["All-solid-state batteries"]);
    assert_eq!(
        names("organization", &doc[2]),
        [
            "Korea Research Institute of Chemical Technology",
            "LG Energy Solution"
        ]
    );
    assert_eq!(names("place", &doc[3]), ["Korea"]);
    assert_eq!(doc[4], 2024);
    let years = meta["filters"]["year"].as_array().unwrap();
    assert!(
        years.windows(2).all(|w| w[0].as_i64() > w[1].as_i64()),
        "newest first: {years:?}"
    );
}

#[test]
fn words_names_and_korean_aliases_find_their_article() {
    let library = fixture();
    let files = index(&library);
    let pilot = library
        .articles
        .iter()
        .position(|a| a.slug == "solid-state-pilot-line")
        .unwrap() as u32;
    assert!(holding(&files, &["electrolytes"]).contains(&pilot));
    // A name the text never writes: the Korean alias, by its bigrams.
    assert!(holding(&files, &["한국", "국화", "화학", "학연", "연구", "구원"]).contains(&pilot));
    // A title word outweighs a body word.
    let krict = postings(&files, "krict");
    let score = krict.iter().find(|(a, _)| *a == pilot).unwrap().1;
    assert!(score > TITLE, "{krict:?}");
}

#[test]
fn hangul_is_found_inside_words_and_beside_latin() {
    let (dir, library) = fixture_copy();
    let library = with_body(
        library,
        dir.path(),
        0,
        "삼성SDI는 전고체 배터리를 양산한다.",
    );
    let files = index(&library);
    assert_eq!(holding(&files, &["삼성", "sdi"]), BTreeSet::from([0]));
    assert_eq!(holding(&files, &["배터", "터리"]), BTreeSet::from([0]));
}

#[test]
fn postings_are_in_article_order_and_scores_bounded() {
    let files = index(&fixture());
    let list = postings(&files, "the");
    assert!(list.windows(2).all(|w| w[0].0 < w[1].0), "{list:?}");
    assert!(
        list.iter().all(|(_, s)| (1..=MAX_SCORE).contains(s)),
        "{list:?}"
    );
}

#[test]
fn no_index_when_search_is_off() {
    let mut library = fixture();
    library.config.search = false;
    assert!(index(&library).is_empty());
}

type Tree = std::collections::BTreeMap<String, Vec<u8>>;

fn tree(files: Vec<RenderedPage>) -> Tree {
    files.into_iter().map(|f| (f.path, f.contents)).collect()
}

/// Apply an update to `files`; the paths it made.
fn apply(files: &mut Tree, kept: &mut Kept, library: &Library) -> BTreeSet<String> {
    let update = kept.files(library).unwrap().expect("search is on");
    for path in &update.gone {
        assert!(files.remove(path).is_some(), "{path} was not there");
    }
    let made = update.made;
    let paths = made.iter().map(|f| f.path.clone()).collect();
    files.extend(tree(made));
    paths
}

#[test]
fn an_update_makes_only_the_files_an_edit_changes_and_ends_as_a_full_index() {
    let (dir, mut library) = fixture_copy();
    let mut kept = Kept::for_session();
    let mut files = Tree::new();
    let first = apply(&mut files, &mut kept, &library);
    assert_eq!(
        files,
        tree(index(&library)),
        "the first update is the index"
    );
    assert_eq!(first.len(), files.len());
    assert!(
        apply(&mut files, &mut kept, &library).is_empty(),
        "nothing changed, nothing made"
    );

    // A word added to one body: that article's result file and the shard
    // of the new term; meta.json and every other file stay.
    let pilot = library
        .articles
        .iter()
        .position(|a| a.slug == "solid-state-pilot-line")
        .unwrap();
    let text = library.markdown_of(&library.articles[pilot]).unwrap() + " Zirconium.";
    library = with_body(library, dir.path(), pilot, &text);
    let made = apply(&mut files, &mut kept, &library);
    let shards = files.keys().filter(|p| p.contains("/terms/")).count() as u32;
    let expected = BTreeSet::from([
        "search/docs/solid-state-pilot-line.json".to_string(),
        format!("search/terms/{}.json", terms::shard("zirconium", shards)),
    ]);
    assert_eq!(made, expected);
    assert_eq!(files, tree(index(&library)), "after a body edit");

    // A title edit re-scores the title's words in their shards only.
    library.articles[pilot].front.title = "KRICT opens a sodium pilot line".into();
    let made = apply(&mut files, &mut kept, &library);
    let mut expected = BTreeSet::from(["search/docs/solid-state-pilot-line.json".to_string()]);
    for term in ["solid", "state", "sodium"] {
        expected.insert(format!("search/terms/{}.json", terms::shard(term, shards)));
    }
    assert_eq!(made, expected);
    assert_eq!(files, tree(index(&library)), "after a title edit");

    // Articles deleted and moved: their numbers shift, so every shard
    // and meta.json are made again; the deleted one's result file goes.
    let gone = library.articles.remove(0);
    library.articles.swap(0, 1);
    let made = apply(&mut files, &mut kept, &library);
    assert!(made.contains("search/meta.json"), "{made:?}");
    assert!(!files.contains_key(&format!("search/docs/{}.json", gone.slug)));
    assert_eq!(files, tree(index(&library)), "after a delete and a move");

    // A registry edit: a Korean alias found by the articles naming it.
    for organization in &mut library.organizations {
        organization.front.aliases.push("가나다라".into());
    }
    apply(&mut files, &mut kept, &library);
    assert_eq!(files, tree(index(&library)), "after a new alias");
    assert!(!postings(&index(&library), "가나").is_empty());
}

#[test]
fn a_result_file_is_what_serde_writes_for_its_fields() {
    #[derive(Serialize)]
    struct Doc<'a> {
        url: &'a str,
        title: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        lang: Option<&'a str>,
        date: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        publisher: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        summary: Option<&'a str>,
        text: &'a str,
    }
    let library = fixture();
    let mut record = records::records(&library).remove(0);
    let text = "Line one \"quoted\"\n\tC:\\path \u{1} 삼성";
    for (lang, summary) in [(Some("ko"), Some("A \"short\" one")), (None, None)] {
        (record.lang, record.summary) = (lang, summary);
        let expected = serde_json::to_vec(&Doc {
            url: &record.url,
            title: record.title,
            lang: record.lang,
            date: &record.date,
            publisher: record.publisher,
            summary: record.summary,
            text,
        })
        .unwrap();
        let made = doc(&record, text).contents;
        assert_eq!(
            String::from_utf8(made).unwrap(),
            String::from_utf8(expected).unwrap()
        );
    }
}
