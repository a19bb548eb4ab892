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

pub(super) mod score;

use std::collections::BTreeMap;
use std::path::Path;

use briefing::content::entity::Registries;
use briefing::content::front_matter::ArticleFrontMatter;

use super::{parse_article, Site};
use score::{date_ok, score_seed, Count, Gold};

/// Ingest the seeds of one fixture folder (`<name>.txt` beside its gold
/// `<name>.yaml`) into a site with the real registries; give back the
/// site, the gold files and the articles, both keyed by seed.
fn ingest_fixtures(
    folder: &str,
) -> (
    Site,
    BTreeMap<String, Gold>,
    BTreeMap<String, ArticleFrontMatter>,
) {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ingest")
        .join(folder);
    let site = Site::with_registries();
    let mut golds = BTreeMap::new();
    for entry in std::fs::read_dir(&fixtures).unwrap().filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".txt") {
            site.seed(&name, std::fs::read(entry.path()).unwrap());
            let yaml = std::fs::read_to_string(fixtures.join(format!("{stem}.yaml"))).unwrap();
            let gold: Gold = serde_yaml::from_str(&yaml).unwrap();
            golds.insert(format!("seeds/{name}"), gold);
        }
    }
    let report = site.ingest();
    let errors: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == briefing::diag::Severity::Error)
        .collect();
    // A seed that gives no article fails in the score table, not here,
    // so the table of the others still prints.
    for error in &errors {
        println!("ingest error: {error:?}");
    }
    // `BRIEFING_GOLD_DUMP=dir` keeps the generated articles for a look.
    if let Some(dump) = std::env::var_os("BRIEFING_GOLD_DUMP") {
        std::fs::create_dir_all(&dump).unwrap();
        for (path, text) in site.articles() {
            let name = Path::new(&path).file_name().unwrap();
            std::fs::write(Path::new(&dump).join(name), text).unwrap();
        }
    }
    let articles = site
        .articles()
        .into_iter()
        .map(|(_, text)| parse_article(&text).0)
        .map(|front| (front.source.seed.clone().unwrap_or_default(), front))
        .collect();
    (site, golds, articles)
}

const HEADER: [&str; 7] = [
    "org P", "org R", "ppl R", "place R", "topic F1", "fig R", "evt R",
];

/// One line of the score table.
fn row(label: &str, counts: &[Count; 6], date: &str) -> String {
    let [orgs, people, places, topics, figures, events] = counts;
    let values = [
        orgs.precision(),
        orgs.recall(),
        people.recall(),
        places.recall(),
        topics.f1(),
        figures.recall(),
        events.recall(),
    ];
    let cells: Vec<String> = values.iter().map(|v| format!("{v:>8.2}")).collect();
    format!("{label:<26} {}  {date}", cells.join(" "))
}

/// The least acceptable micro-averaged scores of one fixture set.
pub(super) struct Thresholds {
    pub(super) organizations_precision: f64,
    pub(super) organizations_recall: f64,
    pub(super) people_recall: f64,
    pub(super) figures_recall: f64,
    pub(super) topics_f1: f64,
    pub(super) events_recall: f64,
}

#[test]
fn gold_seeds_score_above_thresholds() {
    score_fixtures(
        "gold",
        &Thresholds {
            organizations_precision: 0.95,
            organizations_recall: 0.95,
            people_recall: 0.9,
            figures_recall: 0.9,
            topics_f1: 0.85,
            events_recall: 0.8,
        },
    );
}

/// Ingest and score one fixture folder; print the table; fail below the
/// thresholds or on any wrong publication date.
pub(super) fn score_fixtures(folder: &str, thresholds: &Thresholds) {
    let (site, golds, articles) = ingest_fixtures(folder);
    let (registries, _) = Registries::load(site.root());
    let mut totals = [Count::default(); 6];
    let mut failures = Vec::new();
    let header: Vec<String> = HEADER.iter().map(|h| format!("{h:>8}")).collect();
    let mut table = vec![format!("{:<26} {}  date", "seed", header.join(" "))];
    let mut details = Vec::new();
    for (seed, gold) in &golds {
        assert_eq!(&gold.source, seed);
        let Some(front) = articles.get(seed) else {
            failures.push(format!("{seed}: no article"));
            continue;
        };
        details.push(format!(
            "{seed}: title {:?} (gold {:?} / {:?}), publisher {:?} (gold {:?}), date {:?} {:?}",
            front.title,
            gold.title,
            gold.title_alternatives,
            front.source.publisher,
            gold.publisher,
            front.date,
            front.date_reason
        ));
        let counts = score_seed(front, gold, &registries, &mut details).counts();
        let date = date_ok(front, gold);
        if let Err(why) = &date {
            failures.push(format!("{seed}: {why}"));
        }
        let label = seed.trim_start_matches("seeds/").trim_end_matches(".txt");
        table.push(row(
            label,
            &counts,
            if date.is_ok() { "ok" } else { "FAIL" },
        ));
        for (total, count) in totals.iter_mut().zip(counts) {
            total.add(count);
        }
    }
    let dates = format!("{}/{}", golds.len() - failures.len(), golds.len());
    table.push(row("micro-average", &totals, &dates));
    println!("{}\n\n{}", table.join("\n"), details.join("\n"));
    let [orgs, people, places, topics, figures, events] = totals;
    println!(
        "precision: people {:.2}, places {:.2}, topics {:.2} (recall {:.2}), figures {:.2}, events {:.2}",
        people.precision(), places.precision(), topics.precision(), topics.recall(),
        figures.precision(), events.precision()
    );
    for (name, value, threshold) in [
        (
            "organizations precision",
            orgs.precision(),
            thresholds.organizations_precision,
        ),
        (
            "organizations recall",
            orgs.recall(),
            thresholds.organizations_recall,
        ),
        ("people recall", people.recall(), thresholds.people_recall),
        (
            "figures recall",
            figures.recall(),
            thresholds.figures_recall,
        ),
        ("topics F1", topics.f1(), thresholds.topics_f1),
        ("events recall", events.recall(), thresholds.events_recall),
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
