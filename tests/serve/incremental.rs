//! Incremental rebuilds equal full builds: a series of edits, each applied
//! to a live session and compared byte for byte with a fresh full render.

use std::collections::BTreeMap;
use std::path::PathBuf;

use briefing::build;
use briefing::serve::incremental::{Outcome, Session};
use briefing::serve::Change;

use super::site::{add_bulk, article, article_path, bulk, new_cell, TestSite};
use crate::common::Lcg;

type Tree = BTreeMap<String, Vec<u8>>;

/// What a full preview build of the site writes (the output folder's own
/// marker and build stamp left out): the tree serve must match. The
/// build keeps its caches in the site, as any build does.
pub(crate) fn full_render(site: &TestSite, session: &Session) -> Tree {
    let out = tempfile::tempdir().unwrap();
    let mut options = build::BuildOptions::new(&site.root);
    options.output = Some(out.path().join("public"));
    options.drafts = true;
    options.render = session.render_options().clone();
    options.ingest = false;
    build::build(&options).expect("the site builds");
    crate::common::tree(&out.path().join("public"))
        .into_iter()
        .filter(|(path, _)| !path.starts_with('.'))
        .collect()
}

/// Every file the session serves: static files, search index, pages.
pub(crate) fn served(session: &Session) -> Tree {
    let snapshot = session.snapshot();
    let mut tree: Tree = snapshot
        .statics
        .iter()
        .map(|(k, v)| (k.clone(), v.bytes().unwrap().to_vec()))
        .collect();
    tree.extend(
        snapshot
            .index
            .iter()
            .chain(snapshot.pages.iter())
            .map(|(k, v)| (k.clone(), v.bytes().unwrap().to_vec())),
    );
    tree
}

struct Check<'a> {
    site: &'a TestSite,
    session: Session,
    total: usize,
}

impl<'a> Check<'a> {
    /// A session on `site`, whose first build succeeded.
    fn start(site: &'a TestSite) -> Check<'a> {
        let (session, first) = Session::preview(&site.root);
        assert!(first.ok(), "{:#?}", first.diagnostics);
        Check {
            site,
            session,
            total: 0,
        }
    }

    /// Assert that `what` re-rendered less than half the site.
    fn partial(&self, outcome: &Outcome, what: &str) {
        let (rendered, total) = (outcome.rendered, self.total);
        assert!(
            rendered < total / 2,
            "{what} re-rendered {rendered} of {total} files"
        );
    }

    fn apply(&mut self, step: &str, changes: &[Change]) -> Outcome {
        let outcome = self.session.apply(changes);
        assert!(outcome.ok(), "{step}: {:#?}", outcome.diagnostics);
        // As serve does once the reload event is sent.
        self.session.update_index();
        let expected = full_render(self.site, &self.session);
        let actual = served(&self.session);
        let differ: Vec<&String> = expected
            .keys()
            .chain(actual.keys())
            .filter(|k| expected.get(*k) != actual.get(*k))
            .collect();
        assert!(
            differ.is_empty(),
            "{step}: these differ from a full build: {differ:?}"
        );
        self.total = expected.len();
        outcome
    }
}

fn art(path: &str) -> Change {
    Change::Article(PathBuf::from(path))
}

#[test]
fn a_series_of_edits_equals_a_full_build_after_each() {
    let site = TestSite::new();
    let mut check = Check::start(&site);
    check.apply("start", &[]);

    let forum = article_path("2023-06-02", "kistep-forum");
    let text = site.read(&forum).replace("The body of", "A new body for");
    site.save_atomically(&forum, &text);
    let outcome = check.apply("edit body", &[art(&forum)]);
    assert!(
        outcome.rendered < check.total / 4,
        "a body edit re-rendered {} of {} files",
        outcome.rendered,
        check.total
    );
    assert!(outcome
        .changed
        .contains(&"articles/kistep-forum/index.html".to_string()));

    let training = article_path("2023-11-05", "training-program");
    site.replace(
        &training,
        "title: Battery training program",
        "title: Battery training, renamed",
    );
    let outcome = check.apply("edit title", &[art(&training)]);
    assert!(outcome.rendered < check.total, "not the whole site");

    let rules = article_path("2022-12-24", "recycling-rules");
    site.write(
        &rules,
        &site
            .read(&rules)
            .replace("date: 2022-12-24", "date: 2024-05-01"),
    );
    check.apply("edit date, reordering lists", &[art(&rules)]);
    // The timeline overview opens on the newest briefing's year: moving an
    // article without events past a planned year must re-render it.
    let plan = article_path("2024-03-03", "far-plan");
    let plain = article_path("2024-01-01", "plain-news");
    let eventless = |title: &str, date: &str, event: &str| {
        article(title, date, "[recycling]", "[kistep]", "Text.").replace(
            &format!("events: [{{ date: {date}, title: \"{title} happens\" }}]"),
            event,
        )
    };
    site.write(
        &plan,
        &eventless(
            "Far plan",
            "2024-03-03",
            "events: [{ date: 2030, title: \"Plant opens\", planned: true }]",
        ),
    );
    site.write(&plain, &eventless("Plain news", "2024-01-01", "events: []"));
    check.apply(
        "add a planned event and an article without events",
        &[art(&plan), art(&plain)],
    );
    let later = site
        .read(&plain)
        .replace("date: 2024-01-01", "date: 2031-01-01");
    site.write(&plain, &later);
    check.apply(
        "an article without events becomes the newest",
        &[art(&plain)],
    );

    let pilot = article_path("2024-02-10", "solid-state-pilot");
    site.replace(
        &pilot,
        "topics: [all-solid-state, recycling]",
        "topics: [all-solid-state, recycling, workforce-training]",
    );
    check.apply("add a topic", &[art(&pilot)]);

    let sdi = "organizations/samsung-sdi/index.html";
    assert!(
        !served(&check.session).contains_key(sdi),
        "no article names it"
    );
    site.replace(
        &training,
        "organizations: [kistep]",
        "organizations: [kistep, samsung-sdi]",
    );
    check.apply("name an organization for the first time", &[art(&training)]);
    assert!(served(&check.session).contains_key(sdi));
    site.replace(
        &training,
        "organizations: [kistep, samsung-sdi]",
        "organizations: [kistep]",
    );
    check.apply("remove its last mention", &[art(&training)]);
    assert!(!served(&check.session).contains_key(sdi));

    site.replace(
        &training,
        "events: [",
        "events: [{ date: 2019-04, title: \"Early event\" }, ",
    );
    check.apply("add an event in a new year", &[art(&training)]);

    site.write(
        &pilot,
        &site
            .read(&pilot)
            .replace("summary:", "draft: true\nsummary:"),
    );
    check.apply("make a draft", &[art(&pilot)]);

    site.remove(&forum);
    check.apply("delete an article", &[art(&forum)]);

    let (fresh, text) = new_cell();
    site.write(&fresh, &text);
    check.apply("add an article", &[art(&fresh)]);

    let renamed = article_path("2025-01-01", "newer-cell");
    std::fs::rename(site.path(&fresh), site.path(&renamed)).unwrap();
    check.apply("rename an article", &[art(&fresh), art(&renamed)]);

    let template = site.read("themes/default/templates/article.html");
    site.write(
        "templates/article.html",
        &template.replace("</article>", "<p>override</p></article>"),
    );
    let outcome = check.apply(
        "override a page template",
        &[Change::Template("article.html".into())],
    );
    assert!(
        outcome.changed.iter().all(|p| p.starts_with("articles/")),
        "{:?}",
        outcome.changed
    );

    let card = site.read("themes/default/templates/partials/card.html");
    site.write(
        "themes/default/templates/partials/card.html",
        &format!("{card}<!-- card -->"),
    );
    check.apply(
        "change a partial",
        &[Change::Template("partials/card.html".into())],
    );

    let css = site.read("themes/default/static/css/style.css");
    site.write(
        "themes/default/static/css/style.css",
        &format!("{css}\nbody {{ color: red; }}\n"),
    );
    let outcome = check.apply(
        "change a stylesheet",
        &[Change::Static("css/style.css".into())],
    );
    assert!(outcome.css_only);
    assert_eq!(outcome.changed, vec!["css/style.css".to_string()]);

    site.replace(
        "content/organizations/kistep.md",
        "name: KISTEP",
        "name: Korea Institute of S&T Evaluation and Planning",
    );
    check.apply("rename an organization", &[Change::Content]);
    site.write(
        "content/pages/contact.md",
        "---\ntitle: Contact\ndescription: Write to us.\n---\nWrite to us.\n",
    );
    let outcome = check.apply("add a plain page", &[Change::Content]);
    assert!(outcome.changed.contains(&"contact/index.html".to_string()));
    site.replace(
        "content/organizations/sk-on.md",
        "kind: company",
        "kind: firm",
    );
    let outcome = check.session.apply(&[Change::Content]);
    assert!(!outcome.ok(), "a registry error fails the rebuild");
    assert!(outcome.changed.is_empty(), "the last good site stays");
    site.replace(
        "content/organizations/sk-on.md",
        "kind: firm",
        "kind: company",
    );
    check.apply("fix the registry entry", &[Change::Content]);

    site.write(
        "site.yaml",
        &site
            .read("site.yaml")
            .replace("items_per_page: 2", "items_per_page: 3"),
    );
    check.apply("change the config", &[Change::Full]);
}

#[test]
fn a_broken_file_keeps_the_last_good_site_until_fixed() {
    let site = TestSite::new();
    let (mut session, first) = Session::preview(&site.root);
    assert!(first.ok());
    session.update_index();
    let before = served(&session);
    let forum = article_path("2023-06-02", "kistep-forum");
    let good = site.read(&forum);
    site.write(&forum, &good.replace("title: KISTEP", "title: [KISTEP"));
    let outcome = session.apply(&[art(&forum)]);
    assert!(!outcome.ok());
    assert!(outcome.diagnostics[0]
        .path
        .ends_with("2023-06-02-kistep-forum.md"));
    assert_eq!(
        served(&session),
        before,
        "the last good site is still served"
    );

    let twin = article_path("2021-01-01", "recycling-plant");
    site.write(
        &twin,
        &article("Twin", "2021-01-01", "[recycling]", "[sk-on]", "Twin."),
    );
    let outcome = session.apply(&[art(&twin)]);
    assert!(outcome
        .diagnostics
        .iter()
        .any(|d| d.message.contains("slug `recycling-plant`")));

    site.remove(&twin);
    site.write(&forum, &good.replace("The body of", "Fixed body of"));
    let outcome = session.apply(&[art(&forum), art(&twin)]);
    assert!(outcome.ok(), "{:#?}", outcome.diagnostics);
    session.update_index();
    assert_eq!(served(&session), full_render(&site, &session));
}

#[test]
fn random_edits_on_a_bigger_site_equal_a_full_build() {
    let site = TestSite::new();
    let topics = ["recycling", "all-solid-state", "workforce-training"];
    let orgs = ["kistep", "lg-energy-solution", "sk-on"];
    let mut rng = Lcg(42);
    let mut paths = Vec::new();
    for i in 0..80 {
        let date = format!("20{:02}-{:02}-{:02}", 18 + i % 6, 1 + i % 12, 1 + i % 27);
        let path = article_path(&date, &format!("bulk-{i}"));
        let topic = format!("[{}]", topics[i % 3]);
        let org = format!("[{}, {}]", orgs[i % 3], orgs[(i + 1) % 3]);
        site.write(
            &path,
            &article(&format!("Bulk {i}"), &date, &topic, &org, "Bulk body."),
        );
        paths.push(path);
    }
    let mut check = Check::start(&site);
    for step in 0..30 {
        let path = paths[rng.below(paths.len())].clone();
        let text = site.read(&path);
        let (what, new) = match rng.below(5) {
            0 => ("body", text.replace("body", "body edited")),
            1 => (
                "title",
                text.replacen("title: Bulk", "title: Renamed bulk", 1),
            ),
            2 => {
                let day = 1 + rng.below(27);
                let year = 2017 + rng.below(8);
                let line = text
                    .lines()
                    .find(|l| l.starts_with("date:"))
                    .unwrap()
                    .to_string();
                (
                    "date",
                    text.replacen(&line, &format!("date: {year}-06-{day:02}"), 1),
                )
            }
            3 => {
                let line = text
                    .lines()
                    .find(|l| l.starts_with("topics:"))
                    .unwrap()
                    .to_string();
                let topic = topics[rng.below(3)];
                (
                    "topics",
                    text.replacen(&line, &format!("topics: [{topic}]"), 1),
                )
            }
            _ => {
                let line = text
                    .lines()
                    .find(|l| l.starts_with("organizations:"))
                    .unwrap()
                    .to_string();
                let org = orgs[rng.below(3)];
                (
                    "organizations",
                    text.replacen(&line, &format!("organizations: [{org}]"), 1),
                )
            }
        };
        site.write(&path, &new);
        check.apply(&format!("step {step}: {what} of {path}"), &[art(&path)]);
    }
}

#[test]
fn title_edits_and_last_mentions_equal_a_full_build() {
    let site = TestSite::new();
    site.write(
        "content/places/japan.md",
        "---\nname: Japan\nkind: country\naliases: []\n---\n",
    );
    let mut check = Check::start(&site);
    let plant = article_path("2024-03-01", "recycling-plant");
    site.replace(
        &plant,
        "title: Recycling plant opens",
        "title: Recycling plant opens its doors",
    );
    let outcome = check.apply("retitle the newest article", &[art(&plant)]);
    assert!(outcome.rendered < check.total / 2, "not the whole site");

    let rules = article_path("2022-12-24", "recycling-rules");
    site.write(
        &rules,
        &site
            .read(&rules)
            .replace(
                "title: New recycling rules",
                "title: Recycling rules, revised",
            )
            .replace("date: 2022-12-24", "date: 2024-04-01"),
    );
    check.apply(
        "retitle the oldest article and make it the newest, reordering every list",
        &[art(&rules)],
    );
    site.write(
        &rules,
        &site
            .read(&rules)
            .replace("title: Recycling rules, revised", "title: Rules")
            .replace("date: 2024-04-01", "date: 2021-01-01"),
    );
    check.apply("and back to the bottom", &[art(&rules)]);

    let training = article_path("2023-11-05", "training-program");
    let forum = article_path("2023-06-02", "kistep-forum");
    site.replace(
        &forum,
        "topics: [all-solid-state, workforce-training]",
        "topics: [all-solid-state]",
    );
    check.apply("a topic loses a mention", &[art(&forum)]);
    site.replace(
        &training,
        "topics: [workforce-training]",
        "topics: [recycling]",
    );
    check.apply("a topic loses its last mention", &[art(&training)]);
    assert!(!served(&check.session).contains_key("topics/workforce-training/index.html"));

    site.replace(&training, "places: [korea]", "places: [korea, japan]");
    check.apply("a place is named for the first time", &[art(&training)]);
    assert!(served(&check.session).contains_key("places/japan/index.html"));
    site.replace(&training, "places: [korea, japan]", "places: [korea]");
    check.apply("the place loses its last mention", &[art(&training)]);
    assert!(!served(&check.session).contains_key("places/japan/index.html"));

    // A person's organization links to its page only while an article
    // lists the organization.
    site.replace(
        &forum,
        "summary:",
        "people: [{ name: Kim Min-ji, role: Director, organization: samsung-sdi }]\nsummary:",
    );
    check.apply(
        "a person works for an unlisted organization",
        &[art(&forum)],
    );
    site.replace(
        &plant,
        "organizations: [sk-on, kistep]",
        "organizations: [sk-on, kistep, samsung-sdi]",
    );
    check.apply(
        "another article lists it: the person's link appears",
        &[art(&plant)],
    );
    site.replace(
        &plant,
        "organizations: [sk-on, kistep, samsung-sdi]",
        "organizations: [sk-on, kistep]",
    );
    check.apply(
        "its last listing goes: the person's link goes too",
        &[art(&plant)],
    );
}

#[test]
fn random_adds_deletes_and_renames_equal_a_full_build() {
    let site = TestSite::new();
    let mut paths = add_bulk(&site, 60);
    let mut check = Check::start(&site);
    let mut rng = Lcg(7);
    let mut next = 60;
    for step in 0..24 {
        let at = rng.below(paths.len());
        match rng.below(4) {
            0 => {
                let (path, text) = bulk(next);
                next += 1;
                site.write(&path, &text);
                paths.push(path.clone());
                let outcome = check.apply(&format!("step {step}: add {path}"), &[art(&path)]);
                // No page but home and the archive shows the count.
                check.partial(&outcome, "an add");
            }
            1 => {
                let path = paths.swap_remove(at);
                site.remove(&path);
                let outcome = check.apply(&format!("step {step}: delete {path}"), &[art(&path)]);
                check.partial(&outcome, "a delete");
            }
            2 => {
                // A new slug: every page linking the article moves with it.
                let from = paths[at].clone();
                let to = from.replace("bulk-", &format!("moved{step}-"));
                std::fs::rename(site.path(&from), site.path(&to)).unwrap();
                paths[at] = to.clone();
                let outcome = check.apply(
                    &format!("step {step}: rename {from} to {to}"),
                    &[art(&from), art(&to)],
                );
                check.partial(&outcome, "a rename");
            }
            _ => {
                // The same slug under another date prefix: the page stays.
                let from = paths[at].clone();
                let (_, slug) = from.rsplit_once('/').unwrap();
                let to = format!("content/articles/1999-01-01-{}", &slug[11..]);
                std::fs::rename(site.path(&from), site.path(&to)).unwrap();
                paths[at] = to.clone();
                check.apply(
                    &format!("step {step}: re-date the file name {from}"),
                    &[art(&to), art(&from)],
                );
            }
        }
    }
    // A batch of every kind at once.
    let (fresh, text) = bulk(next);
    site.write(&fresh, &text);
    let gone = paths.pop().unwrap();
    site.remove(&gone);
    let from = paths[0].clone();
    let to = from.replace("bulk-", "batched-");
    std::fs::rename(site.path(&from), site.path(&to)).unwrap();
    check.apply(
        "add, delete and rename in one batch",
        &[art(&fresh), art(&gone), art(&from), art(&to)],
    );
}

/// A theme whose footer shows the article count (as the default one did)
/// still gets every page re-rendered when an article comes or goes.
#[test]
fn a_count_in_every_footer_is_kept_right_on_add_and_delete() {
    let site = TestSite::new();
    let base = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html"),
    )
    .unwrap()
    .replacen(
        "</footer>",
        "<p>{{ site.article_count }} in all</p></footer>",
        1,
    );
    site.write("templates/base.html", &base);
    let mut check = Check::start(&site);
    let path = article_path("2024-05-05", "counted");
    site.write(
        &path,
        &article("Counted", "2024-05-05", "[recycling]", "[kistep]", "Body."),
    );
    let outcome = check.apply("add", &[art(&path)]);
    assert!(
        outcome.rendered >= check.total / 2,
        "every page shows the count"
    );
    site.remove(&path);
    check.apply("delete", &[art(&path)]);
}
