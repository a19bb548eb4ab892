//! Gold acceptance, scoring: the gold file types and the matching rules
//! described in `gold/mod.rs`.

use std::collections::{BTreeMap, BTreeSet};

use briefing::content::entity::Registries;
use briefing::content::front_matter::{ArticleFrontMatter, DateBasis};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub(super) struct Gold {
    pub(super) source: String,
    pub(super) title: String,
    #[serde(default)]
    pub(super) title_alternatives: Vec<String>,
    pub(super) date: Option<String>,
    #[serde(default)]
    pub(super) date_inferred: Option<String>,
    #[serde(default)]
    pub(super) publisher: Option<String>,
    #[serde(default)]
    pub(super) organizations: Vec<Named>,
    #[serde(default)]
    pub(super) people: Vec<Named>,
    #[serde(default)]
    pub(super) places: Vec<String>,
    #[serde(default)]
    pub(super) places_uncertain: Vec<String>,
    #[serde(default)]
    pub(super) topics: Vec<String>,
    #[serde(default)]
    pub(super) topics_uncertain: Vec<String>,
    #[serde(default)]
    pub(super) figures: Vec<GoldFigure>,
    #[serde(default)]
    pub(super) events: Vec<GoldEvent>,
}

#[derive(Debug, Deserialize)]
pub(super) struct Named {
    pub(super) name: String,
    #[serde(default)]
    pub(super) aliases: Vec<String>,
    #[serde(default)]
    pub(super) uncertain: bool,
}

#[derive(Debug, Deserialize)]
pub(super) struct GoldFigure {
    pub(super) text: String,
    pub(super) value: f64,
    pub(super) unit: String,
    #[serde(default)]
    pub(super) uncertain: bool,
}

#[derive(Debug, Deserialize)]
pub(super) struct GoldEvent {
    pub(super) date: String,
    pub(super) what: String,
    #[serde(default)]
    pub(super) uncertain: bool,
}

/// True positives, false positives, false negatives.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Count {
    pub(super) tp: usize,
    pub(super) fp: usize,
    pub(super) fn_: usize,
}

impl Count {
    pub(super) fn add(&mut self, other: Count) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
    pub(super) fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub(super) fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub(super) fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

pub(super) fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

pub(super) fn normalize(text: &str) -> String {
    let text = text
        .replace(['’', '‘', '`'], "'")
        .replace(['“', '”'], "\"")
        .to_lowercase();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text.trim_matches(|c: char| c.is_ascii_punctuation() && c != '&' || c == ' ');
    text.strip_prefix("the ").unwrap_or(text).to_string()
}

/// One-to-one matching of tool items to gold items (certain gold first).
pub(super) fn score<T, G>(
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

pub(super) fn content_words(text: &str) -> BTreeSet<String> {
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

pub(super) struct Scores {
    pub(super) organizations: Count,
    pub(super) people: Count,
    pub(super) places: Count,
    pub(super) topics: Count,
    pub(super) figures: Count,
    pub(super) events: Count,
}

impl Scores {
    /// In table order: organizations, people, places, topics, figures, events.
    pub(super) fn counts(&self) -> [Count; 6] {
        [
            self.organizations,
            self.people,
            self.places,
            self.topics,
            self.figures,
            self.events,
        ]
    }
}

pub(super) fn score_seed(
    front: &ArticleFrontMatter,
    gold: &Gold,
    registries: &Registries,
    report: &mut Vec<String>,
) -> Scores {
    Scores {
        organizations: organizations(front, gold, registries, report),
        people: people(front, gold, report),
        places: places(front, gold, registries, report),
        topics: topics(front, gold, report),
        figures: figures(front, gold, report),
        events: events(front, gold, report),
    }
}

/// Normalized name and aliases of each registry organization, by slug.
fn organization_names(registries: &Registries) -> BTreeMap<&str, Vec<String>> {
    registries
        .organizations
        .iter()
        .map(|o| {
            let names = std::iter::once(&o.front.name)
                .chain(&o.front.aliases)
                .map(|n| normalize(n))
                .collect();
            (o.slug.as_str(), names)
        })
        .collect()
}

fn named_as(gold: &Named, names: &[String]) -> bool {
    std::iter::once(&gold.name)
        .chain(&gold.aliases)
        .any(|n| names.contains(&normalize(n)))
}

fn organizations(
    front: &ArticleFrontMatter,
    gold: &Gold,
    registries: &Registries,
    report: &mut Vec<String>,
) -> Count {
    let names_of = organization_names(registries);
    let names = |slug: &String| {
        names_of
            .get(slug.as_str())
            .cloned()
            .unwrap_or_else(|| vec![normalize(slug)])
    };
    let (count, missed) = score(
        &front.organizations,
        &gold.organizations,
        |g| g.uncertain,
        |slug, g| named_as(g, &names(slug)),
    );
    let extra: Vec<&String> = front
        .organizations
        .iter()
        .filter(|slug| !gold.organizations.iter().any(|g| named_as(g, &names(slug))))
        .collect();
    report.push(format!(
        "  organizations missed: {missed:?}; extra: {extra:?}"
    ));
    count
}

fn people(front: &ArticleFrontMatter, gold: &Gold, report: &mut Vec<String>) -> Count {
    let key = |n: &str| normalize(&n.replace('-', " "));
    let (count, missed) = score(
        &front.people,
        &gold.people,
        |g| g.uncertain,
        |p, g| {
            std::iter::once(&g.name)
                .chain(&g.aliases)
                .any(|n| key(n) == key(&p.name))
        },
    );
    report.push(format!("  people missed: {missed:?}"));
    count
}

/// A tool place is a canonical registry name: it matches the gold's
/// as-written form through the registry's aliases, as organizations do.
fn places(
    front: &ArticleFrontMatter,
    gold: &Gold,
    registries: &Registries,
    report: &mut Vec<String>,
) -> Count {
    let place_names = |place: &str| -> Vec<String> {
        let key = normalize(place);
        registries
            .places
            .iter()
            .find(|p| normalize(&p.front.name) == key)
            .map(|p| {
                std::iter::once(&p.front.name)
                    .chain(&p.front.aliases)
                    .map(|n| normalize(n))
                    .collect()
            })
            .unwrap_or_else(|| vec![key])
    };
    let tool: Vec<Vec<String>> = front
        .places
        .iter()
        .flat_map(|p| std::iter::once(p.as_str()).chain(p.split(',').filter(|_| p.contains(','))))
        .map(|p| place_names(p.trim()))
        .collect();
    let mut expected: Vec<(String, bool)> =
        gold.places.iter().map(|p| (normalize(p), false)).collect();
    expected.extend(gold.places_uncertain.iter().map(|p| (normalize(p), true)));
    let (count, missed) = score(&tool, &expected, |g| g.1, |t, g| t.contains(&g.0));
    report.push(format!(
        "  places missed: {missed:?}; tool: {:?}",
        front.places
    ));
    count
}

fn topics(front: &ArticleFrontMatter, gold: &Gold, report: &mut Vec<String>) -> Count {
    let mut expected: Vec<(String, bool)> =
        gold.topics.iter().map(|t| (t.clone(), false)).collect();
    expected.extend(gold.topics_uncertain.iter().map(|t| (t.clone(), true)));
    let (count, missed) = score(&front.topics, &expected, |g| g.1, |t, g| *t == g.0);
    report.push(format!(
        "  topics missed: {missed:?}; tool: {:?}",
        front.topics
    ));
    count
}

fn figures(front: &ArticleFrontMatter, gold: &Gold, report: &mut Vec<String>) -> Count {
    let (count, missed) = score(
        &front.figures,
        &gold.figures,
        |g| g.uncertain,
        |f, g| {
            let same_value = f.unit.as_str().eq_ignore_ascii_case(&g.unit)
                && (f.value - g.value).abs() <= g.value.abs() * 0.005;
            let (ft, gt) = (normalize(&f.text), normalize(&g.text));
            same_value || ft.contains(&gt) || (!ft.is_empty() && gt.contains(&ft))
        },
    );
    report.push(format!("  figures missed: {missed:?}"));
    count
}

fn events(front: &ArticleFrontMatter, gold: &Gold, report: &mut Vec<String>) -> Count {
    let (count, missed) = score(
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
    count
}

/// Strict date score, with the reason when it fails.
pub(super) fn date_ok(front: &ArticleFrontMatter, gold: &Gold) -> Result<(), String> {
    let tool = front.date.map(|d| d.to_string()).unwrap_or_default();
    match &gold.date {
        Some(date) if *date == tool && front.date_basis == DateBasis::Stated => Ok(()),
        Some(date) => Err(format!(
            "expected stated {date}, got {tool} ({:?})",
            front.date_basis
        )),
        // No date is honest where the text states none.
        None if front.date.is_none() && front.date_basis == DateBasis::Unknown => Ok(()),
        None => {
            let inferred = gold.date_inferred.clone().unwrap_or_default();
            let agrees = inferred.starts_with(&tool);
            let partial = front.date.is_some_and(|d| !d.is_full());
            if front.date_basis == DateBasis::Inferred && partial && agrees {
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
