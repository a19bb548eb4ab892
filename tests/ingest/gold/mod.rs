//! Acceptance: ingest the five fixture seeds with the repository's real
//! registries and score the front matter against the gold annotations in
//! `tests/fixtures/ingest/gold/` (copied from `shared/gold`, whose README
//! defines them). Prints a score table; fails below the agreed thresholds.
//!
//! Matching rules (the gold README's "Suggested scoring", made exact):
//! - Names are normalized: lowercase, curly quotes straightened, whitespace
//!   squeezed, a leading "the " and surrounding punctuation dropped.
//! - Places: a tool place (a canonical registry name; "Seoul, Korea" is
//!   also split on commas) matches a gold place written as its name or any
//!   registry alias.
//! - Organizations: a tool slug is resolved to its registry name and
//!   aliases; it matches a gold organization when any of those equals the
//!   gold name or one of its aliases. Matching is one-to-one.
//! - People: the tool's name equals the gold name or an alias, with hyphens
//!   read as spaces.
//! - Topics: exact slugs; `topics_uncertain` count neither way.
//! - Figures: same unit (case-insensitive) and value within 0.5 %, or the
//!   tool's text and the gold text overlap (one contains the other).
//! - Events: the tool date equals the gold date or is more precise and
//!   agrees with it (`2024-06-18` for `2024-06`; end dates are not scored);
//!   and at least 40 % of the gold `what`'s content words appear in the
//!   tool's title or quote.
//! - Items marked `uncertain` are neither required (no recall lost) nor
//!   forbidden (a tool item matching one is not a false positive).
//! - Date (strict): a gold date must be output exactly, stated. A null gold
//!   date must come out `date_basis: inferred`, without a day, and agreeing
//!   with `date_inferred` (its year, and its month when the tool gives one).

mod score;

use std::collections::BTreeMap;
use std::path::Path;

use briefing::content::entity::Registries;
use briefing::content::front_matter::ArticleFrontMatter;

use super::{parse_article, Site};
use score::{date_ok, score_seed, Count, Gold};

#[test]
fn gold_seeds_score_above_thresholds() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest/gold");
    let site = Site::with_registries();
    let mut golds = BTreeMap::new();
    for entry in std::fs::read_dir(&fixtures).unwrap().filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".txt") {
            site.seed(&name, std::fs::read(entry.path()).unwrap());
            let yaml = std::fs::read_to_string(fixtures.join(format!("{stem}.yaml"))).unwrap();
            let gold: Gold = briefing::yaml::from_str(&yaml).unwrap();
            golds.insert(format!("seeds/{name}"), gold);
        }
    }
    let report = site.ingest();
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.severity != briefing::diag::Severity::Error),
        "{:?}",
        report.diagnostics
    );
    // `BRIEFING_GOLD_DUMP=dir` keeps the generated articles for a look.
    if let Some(dump) = std::env::var_os("BRIEFING_GOLD_DUMP") {
        std::fs::create_dir_all(&dump).unwrap();
        for (path, text) in site.articles() {
            std::fs::write(
                Path::new(&dump).join(Path::new(&path).file_name().unwrap()),
                text,
            )
            .unwrap();
        }
    }
    let (registries, _) = Registries::load(site.root());
    let articles: BTreeMap<String, ArticleFrontMatter> = site
        .articles()
        .into_iter()
        .map(|(_, text)| parse_article(&text).0)
        .map(|front| (front.source.seed.clone().unwrap_or_default(), front))
        .collect();

    let mut totals = [Count::default(); 6];
    let mut date_failures = Vec::new();
    let mut lines = vec![format!(
        "{:<26} {:>9} {:>9} {:>7} {:>7} {:>8} {:>8} {:>7}  date",
        "seed", "org P", "org R", "ppl R", "place R", "topic F1", "fig R", "evt R"
    )];
    let mut details = Vec::new();
    for (seed, gold) in &golds {
        assert_eq!(&gold.source, seed);
        let front = articles
            .get(seed)
            .unwrap_or_else(|| panic!("no article for {seed}"));
        details.push(format!(
            "{seed}: title {:?} (gold {:?} / {:?}), publisher {:?} (gold {:?}), date {} {:?}",
            front.title,
            gold.title,
            gold.title_alternatives,
            front.source.publisher,
            gold.publisher,
            front.date,
            front.date_reason
        ));
        let s = score_seed(front, gold, &registries, &mut details);
        let date = date_ok(front, gold);
        if let Err(why) = &date {
            date_failures.push(format!("{seed}: {why}"));
        }
        lines.push(format!(
            "{:<26} {:>9.2} {:>9.2} {:>7.2} {:>7.2} {:>8.2} {:>8.2} {:>7.2}  {}",
            seed.trim_start_matches("seeds/").trim_end_matches(".txt"),
            s.organizations.precision(),
            s.organizations.recall(),
            s.people.recall(),
            s.places.recall(),
            s.topics.f1(),
            s.figures.recall(),
            s.events.recall(),
            if date.is_ok() { "ok" } else { "FAIL" }
        ));
        for (total, count) in totals.iter_mut().zip([
            s.organizations,
            s.people,
            s.places,
            s.topics,
            s.figures,
            s.events,
        ]) {
            total.add(count);
        }
    }
    let [orgs, people, places, topics, figures, events] = totals;
    lines.push(format!(
        "{:<26} {:>9.2} {:>9.2} {:>7.2} {:>7.2} {:>8.2} {:>8.2} {:>7.2}  {}/{}",
        "micro-average",
        orgs.precision(),
        orgs.recall(),
        people.recall(),
        places.recall(),
        topics.f1(),
        figures.recall(),
        events.recall(),
        golds.len() - date_failures.len(),
        golds.len()
    ));
    println!("{}\n\n{}", lines.join("\n"), details.join("\n"));
    println!("people precision {:.2}, places precision {:.2}, topics P {:.2} R {:.2}, figures precision {:.2}, events precision {:.2}",
        people.precision(), places.precision(), topics.precision(), topics.recall(), figures.precision(), events.precision());

    let mut failures = date_failures;
    for (name, value, threshold) in [
        ("organizations precision", orgs.precision(), 0.95),
        ("organizations recall", orgs.recall(), 0.95),
        ("people recall", people.recall(), 0.9),
        ("figures recall", figures.recall(), 0.9),
        ("topics F1", topics.f1(), 0.85),
        ("events recall", events.recall(), 0.8),
    ] {
        if value < threshold {
            failures.push(format!("{name} {value:.2} < {threshold}"));
        }
    }
    assert!(
        failures.is_empty(),
        "below the acceptance thresholds:\n{}",
        failures.join("\n")
    );
}
