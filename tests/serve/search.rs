//! Search under `serve`: the index follows an edit, made after the pages
//! (and the reload event), so indexing never delays a reload.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use briefing::serve::incremental::Session;
use briefing::serve::Change;

use super::client::get;
use super::site::{article_path, wait_for, TestSite};
use crate::common::search_hits;

const LIMIT: Duration = Duration::from_secs(20);

/// The slugs of the briefings a served index lists under `term`, fetched
/// as the search page fetches them.
fn served_search(addr: SocketAddr, term: &str) -> Vec<String> {
    search_hits(term, |path| get(addr, &format!("/{path}")).body)
}

#[test]
fn a_served_search_finds_a_newly_added_word() {
    let site = TestSite::new();
    let server = site.serve();
    let addr = server.addr();
    assert_eq!(get(addr, "/search/").status, 200);
    assert!(served_search(addr, "zirconium").is_empty());
    let training = article_path("2023-11-05", "training-program");
    let text = site
        .read(&training)
        .replace("The body of", "Zirconium and the body of");
    site.save_atomically(&training, &text);
    let found = wait_for(LIMIT, || {
        let found = served_search(addr, "zirconium");
        (!found.is_empty()).then_some(found)
    });
    assert_eq!(
        found.as_deref(),
        Some(&["training-program".to_string()][..])
    );
    server.stop();
}

#[test]
fn an_edit_is_indexed_after_its_pages_not_during() {
    let site = TestSite::new();
    let (mut session, first) = Session::preview(&site.root);
    assert!(first.ok());
    // The first build makes the first index as its pages render.
    assert!(!session.update_index(), "the first index");
    let doc = |session: &Session| {
        let file = &session.snapshot().index["search/docs/kistep-forum.json"];
        String::from_utf8_lossy(&file.bytes().unwrap()).into_owned()
    };
    let forum = article_path("2023-06-02", "kistep-forum");
    site.replace(&forum, "title: KISTEP forum", "title: Renamed forum");
    let outcome = session.apply(&[Change::Article(PathBuf::from(&forum))]);
    assert!(outcome.ok(), "{:#?}", outcome.diagnostics);
    assert!(
        outcome
            .changed
            .iter()
            .all(|p| !p.starts_with("search/") || p == "search/index.html"),
        "the pages' rebuild leaves the index alone: {:?}",
        outcome.changed
    );
    assert!(doc(&session).contains("KISTEP forum"), "{}", doc(&session));
    assert!(session.update_index(), "the edit's index");
    assert!(doc(&session).contains("Renamed forum"), "{}", doc(&session));
    assert!(!session.update_index(), "nothing more to do");
}
