//! Acceptance: ingest the five fixture seeds with the repository's real
//! registries and score the front matter against the gold annotations in
//! `tests/fixtures/ingest/gold/` (copied from `shared/gold`, whose README
//! defines them). Prints a score table; fails below the agreed thresholds.
//!
//! Matching rules (the gold README's "Suggested scoring", made exact):
//! - Names are normalized: lowercase, curly quotes straightened, whitespace
//!   squeezed, a leading "the " and surrounding punctuation dropped.
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

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use briefing::content::entity::Registries;
use briefing::content::front_matter::{ArticleFrontMatter, DateBasis};
use serde::Deserialize;

use super::{parse_article, Site};

#[derive(Debug, Deserialize)]
struct Gold {
    source: String,
    title: String,
    #[serde(default)]
    title_alternatives: Vec<String>,
    date: Option<String>,
    #[serde(default)]
    date_inferred: Option<String>,
    #[serde(default)]
    publisher: Option<String>,
    #[serde(default)]
    organizations: Vec<Named>,
    #[serde(default)]
    people: Vec<Named>,
    #[serde(default)]
    places: Vec<String>,
    #[serde(default)]
    places_uncertain: Vec<String>,
    #[serde(default)]
    topics: Vec<String>,
    #[serde(default)]
    topics_uncertain: Vec<String>,
    #[serde(default)]
    figures: Vec<GoldFigure>,
    #[serde(default)]
    events: Vec<GoldEvent>,
}

#[derive(Debug, Deserialize)]
struct Named {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    uncertain: bool,
}

#[derive(Debug, Deserialize)]
struct GoldFigure {
    text: String,
    value: f64,
    unit: String,
    #[serde(default)]
    uncertain: bool,
}

#[derive(Debug, Deserialize)]
struct GoldEvent {
    date: String,
    what: String,
    #[serde(default)]
    uncertain: bool,
}

/// True positives, false positives, false negatives.
#[derive(Debug, Default, Clone, Copy)]
struct Count {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Count {
    fn add(&mut self, other: Count) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

fn normalize(text: &str) -> String {
    let text = text
        .replace(['’', '‘', '`'], "'")
        .replace(['“', '”'], "\"")
        .to_lowercase();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text.trim_matches(|c: char| c.is_ascii_punctuation() && c != '&' || c == ' ');
    text.strip_prefix("the ").unwrap_or(text).to_string()
}

/// One-to-one matching of tool items to gold items (certain gold first).
fn score<T, G>(
    tool: &[T],
    gold: &[G],
    uncertain: impl Fn(&G) -> bool,
    matches: impl Fn(&T, &G) -> bool,
) -> (Count, Vec<String>)
where
    G: std::fmt::Debug,
{
    let mut used = vec![false; tool.len()];
    let mut count = Count::default();
    let mut missed = Vec::new();
    let mut order: Vec<usize> = (0..gold.len()).collect();
    order.sort_by_key(|&g| uncertain(&gold[g]));
    for g in order {
        let hit = (0..tool.len()).find(|&t| !used[t] && matches(&tool[t], &gold[g]));
        match (hit, uncertain(&gold[g])) {
            (Some(t), certain) => {
                used[t] = true;
                if !certain {
                    count.tp += 1;
                }
            }
            (None, false) => {
                count.fn_ += 1;
                missed.push(format!("{:?}", gold[g]));
            }
            (None, true) => {}
        }
    }
    count.fp = used.iter().filter(|u| !**u).count();
    (count, missed)
}

fn content_words(text: &str) -> BTreeSet<String> {
    const STOP: &[&str] = &[
        "the", "and", "for", "with", "from", "its", "that", "this", "was", "were", "has", "have",
        "into", "on", "of", "in", "at", "to", "a", "an", "by",
    ];
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 3 && !STOP.contains(w))
        .map(str::to_string)
        .collect()
}

struct Scores {
    organizations: Count,
    people: Count,
    places: Count,
    topics: Count,
    figures: Count,
    events: Count,
}

fn score_seed(
    front: &ArticleFrontMatter,
    gold: &Gold,
    registries: &Registries,
    report: &mut Vec<String>,
) -> Scores {
    let names_of: BTreeMap<&str, Vec<String>> = registries
        .organizations
        .iter()
        .map(|o| {
            (
                o.slug.as_str(),
                std::iter::once(&o.front.name)
                    .chain(&o.front.aliases)
                    .map(|n| normalize(n))
                    .collect(),
            )
        })
        .collect();
    let (organizations, missed) = score(
        &front.organizations,
        &gold.organizations,
        |g| g.uncertain,
        |slug, g| {
            let tool = names_of
                .get(slug.as_str())
                .cloned()
                .unwrap_or_else(|| vec![normalize(slug)]);
            std::iter::once(&g.name)
                .chain(&g.aliases)
                .any(|n| tool.contains(&normalize(n)))
        },
    );
    report.push(format!("  organizations missed: {missed:?}"));
    let extra: Vec<&String> = front
        .organizations
        .iter()
        .filter(|slug| {
            let tool = names_of.get(slug.as_str()).cloned().unwrap_or_default();
            !gold.organizations.iter().any(|g| {
                std::iter::once(&g.name)
                    .chain(&g.aliases)
                    .any(|n| tool.contains(&normalize(n)))
            })
        })
        .collect();
    report.push(format!("  organizations extra: {extra:?}"));
    let person_key = |n: &str| normalize(&n.replace('-', " "));
    let (people, missed) = score(
        &front.people,
        &gold.people,
        |g| g.uncertain,
        |p, g| {
            std::iter::once(&g.name)
                .chain(&g.aliases)
                .any(|n| person_key(n) == person_key(&p.name))
        },
    );
    report.push(format!("  people missed: {missed:?}"));
    let tool_places: Vec<String> = front
        .places
        .iter()
        .flat_map(|p| p.split(','))
        .map(normalize)
        .collect();
    let mut gold_places: Vec<(String, bool)> =
        gold.places.iter().map(|p| (normalize(p), false)).collect();
    gold_places.extend(gold.places_uncertain.iter().map(|p| (normalize(p), true)));
    let (places, _) = score(&tool_places, &gold_places, |g| g.1, |t, g| *t == g.0);
    let mut gold_topics: Vec<(String, bool)> =
        gold.topics.iter().map(|t| (t.clone(), false)).collect();
    gold_topics.extend(gold.topics_uncertain.iter().map(|t| (t.clone(), true)));
    let (topics, missed) = score(&front.topics, &gold_topics, |g| g.1, |t, g| *t == g.0);
    report.push(format!(
        "  topics missed: {missed:?}; tool: {:?}",
        front.topics
    ));
    let (figures, missed) = score(
        &front.figures,
        &gold.figures,
        |g| g.uncertain,
        |f, g| {
            let same_value = f.unit.eq_ignore_ascii_case(&g.unit)
                && (f.value - g.value).abs() <= g.value.abs() * 0.005;
            let (ft, gt) = (normalize(&f.text), normalize(&g.text));
            same_value || ft.contains(&gt) || gt.contains(&ft) && !ft.is_empty()
        },
    );
    report.push(format!("  figures missed: {missed:?}"));
    let (events, missed) = score(
        &front.events,
        &gold.events,
        |g| g.uncertain,
        |e, g| {
            let date_ok = e.date.to_string().starts_with(&g.date);
            let gold_words = content_words(&g.what);
            let tool_words =
                content_words(&format!("{} {}", e.title, e.quote.as_deref().unwrap_or("")));
            let shared = gold_words.intersection(&tool_words).count();
            date_ok && shared as f64 >= 0.4 * gold_words.len() as f64
        },
    );
    report.push(format!("  events missed: {missed:?}"));
    Scores {
        organizations,
        people,
        places,
        topics,
        figures,
        events,
    }
}

/// Strict date score, with the reason when it fails.
fn date_ok(front: &ArticleFrontMatter, gold: &Gold) -> Result<(), String> {
    let tool = front.date.to_string();
    match &gold.date {
        Some(date) if *date == tool && front.date_basis == DateBasis::Stated => Ok(()),
        Some(date) => Err(format!(
            "expected stated {date}, got {tool} ({:?})",
            front.date_basis
        )),
        None => {
            let inferred = gold.date_inferred.clone().unwrap_or_default();
            let agrees = inferred.starts_with(&tool);
            if front.date_basis == DateBasis::Inferred && !front.date.is_full() && agrees {
                Ok(())
            } else {
                Err(format!(
                    "expected an inferred partial date agreeing with {inferred}, got {tool} ({:?})",
                    front.date_basis
                ))
            }
        }
    }
}

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
