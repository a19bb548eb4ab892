//! Serve's first build takes articles and bodies from the build's caches
//! (`build::cached`): none rendered again from Markdown when they are
//! warm, every one when they are of another config or damaged, and the
//! same pages served whichever it was.

use briefing::build;
use briefing::serve::incremental::Session;
use briefing::serve::Change;

use super::incremental::{full_render, served};
use super::site::{article, article_path, TestSite};

/// The site's articles, drafts included.
fn articles(site: &TestSite) -> usize {
    std::fs::read_dir(site.path("content/articles"))
        .unwrap()
        .count()
}

/// A draft beside the site's articles.
fn add_draft(site: &TestSite) {
    let text = article(
        "Unfinished cell",
        "2025-02-01",
        "[recycling]",
        "[sk-on]",
        "Not yet.",
    )
    .replacen("---\n", "---\ndraft: true\n", 1);
    site.write(&article_path("2025-02-01", "unfinished-cell"), &text);
}

/// A session started on the site, which must serve what a full build
/// writes; how many bodies its first build rendered from Markdown.
fn start(site: &TestSite) -> (Session, usize) {
    let (mut session, first) = Session::preview(&site.root);
    assert!(first.ok(), "{:#?}", first.diagnostics);
    assert!(!session.update_index(), "indexed with the first build");
    // The full build writes the caches again: compared after the start.
    assert_eq!(served(&session), full_render(site, &session));
    (session, first.bodies)
}

/// `build` of the site as `serve` renders it (drafts included), or as
/// published (`drafts` false).
fn build_site(site: &TestSite, drafts: bool) {
    let out = tempfile::tempdir().unwrap();
    let mut options = build::BuildOptions::new(&site.root);
    options.output = Some(out.path().join("public"));
    options.drafts = drafts;
    options.ingest = false;
    build::build(&options).expect("the site builds");
}

#[test]
fn a_warm_cache_renders_no_body_and_a_cold_one_every_body() {
    let site = TestSite::new();
    add_draft(&site);
    // Each body twice: for its page and for the site feed, which shows
    // every article of so small a site.
    let (_, cold) = start(&site);
    assert_eq!(cold, 2 * articles(&site), "no cache yet");
    // `start` built the site with drafts, as serve shows it.
    let (_, warm) = start(&site);
    assert_eq!(warm, 0, "every body from the cache");
    // Built as published: the draft's body is not in the cache.
    let _ = std::fs::remove_dir_all(site.path(".briefing-cache"));
    build_site(&site, false);
    let (_, published) = start(&site);
    assert_eq!(published, 2, "the draft alone");
}

#[test]
fn a_cache_of_another_config_or_damaged_is_ignored() {
    let site = TestSite::new();
    build_site(&site, true);
    site.replace(
        "site.yaml",
        "title: Test Briefing",
        "title: Renamed Briefing",
    );
    let (_, other) = start(&site);
    assert_eq!(other, 2 * articles(&site), "another config");
    for name in ["articles", "bodies"] {
        let path = site.path(&format!(".briefing-cache/{name}"));
        let mut bytes = std::fs::read(&path).unwrap();
        // Past the header: the payload, or the pack's first entry.
        let at = bytes.len() / 3;
        bytes[at] ^= 0x55;
        std::fs::write(&path, bytes).unwrap();
    }
    // `start` checks every page served against a build from scratch.
    let (_, damaged) = start(&site);
    assert!(damaged >= 1, "the damaged entry is rendered again");
}

#[test]
fn an_edit_after_a_warm_start_is_served() {
    let site = TestSite::new();
    build_site(&site, true);
    let (mut session, warm) = start(&site);
    assert_eq!(warm, 0);
    let forum = article_path("2023-06-02", "kistep-forum");
    let text = site.read(&forum).replace("The body of", "A new body for");
    site.save_atomically(&forum, &text);
    let outcome = session.apply(&[Change::Article(forum.into())]);
    assert!(outcome.ok(), "{:#?}", outcome.diagnostics);
    // Its page, and the site feed: the cache serves a full render only
    // (its keys are the files as that load found them).
    assert_eq!(outcome.bodies, 1 + articles(&site), "the edited body");
    session.update_index();
    let page = &served(&session)["articles/kistep-forum/index.html"];
    assert!(String::from_utf8_lossy(page).contains("A new body for"));
    assert_eq!(served(&session), full_render(&site, &session));
}

/// Serve takes the digests `build` recorded for `public/` for files whose
/// stamps are unchanged: an article rewritten in place since, with its
/// size and modification time kept, is still read, and served as it is.
#[test]
fn an_article_edited_in_place_after_a_build_is_served_as_it_is_now() {
    let site = TestSite::new();
    // Only files that last changed well before a build have their stamps
    // kept by it.
    crate::common::wait_until_settled(&site.root);
    let mut options = build::BuildOptions::new(&site.root);
    options.drafts = true;
    options.ingest = false;
    build::build(&options).expect("the site builds into public/");
    let edited = std::fs::read_dir(site.path("content/articles"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .min()
        .unwrap();
    let relative = format!("content/articles/{edited}");
    let text = site.read(&relative);
    let body = text.rfind("---\n").unwrap() + 4;
    let (front, old) = text.split_at(body);
    let new = old.replacen(|c: char| c.is_ascii_lowercase(), "Q", 1);
    assert_ne!(new, old);
    crate::common::rewrite_keeping_time(&site.root, &relative, &format!("{front}{new}"));
    // Every other body from the cache; the edited one rendered (its page
    // and the site feed), and what is served is what a build writes.
    let (_, bodies) = start(&site);
    assert_eq!(bodies, 2, "the edited body alone");
}
