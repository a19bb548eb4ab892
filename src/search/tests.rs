use super::records::tests::fixture;
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
    let mut library = fixture();
    library.articles[0].body.text = "삼성SDI는 전고체 배터리를 양산한다.".into();
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
