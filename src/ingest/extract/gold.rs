//! Development check: extraction on the seed texts scored against the gold
//! labels in `../shared/gold`. Ignored by default (it needs the shared
//! folder); run with `cargo test --lib gold -- --ignored --nocapture`.
//! The acceptance test proper lives with the ingest integration tests.

use std::collections::BTreeSet;
use std::path::Path;

use serde_yaml::Value;

use super::annotate;
use crate::content::entity::Registries;
use crate::ingest::document::{Block, Document};
use crate::ingest::gazetteer::Gazetteer;

fn norm(s: &str) -> String {
    s.replace(['\u{2019}', '\u{2018}'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_sequence()
        .map(|s| s.iter().filter_map(|x| x.as_str().map(norm)).collect())
        .unwrap_or_default()
}

fn uncertain(v: &Value) -> bool {
    v.get("uncertain").and_then(Value::as_bool).unwrap_or(false)
}

/// Names and aliases of each gold item, and whether it is uncertain.
fn named(items: &Value) -> Vec<(BTreeSet<String>, bool)> {
    let mut out = Vec::new();
    for item in items.as_sequence().into_iter().flatten() {
        let mut names: BTreeSet<String> = strings(&item["aliases"]).into_iter().collect();
        names.insert(norm(item["name"].as_str().unwrap_or("")));
        out.push((names, uncertain(item)));
    }
    out
}

#[derive(Default)]
struct Score {
    tp_p: usize,
    n_p: usize,
    tp_r: usize,
    n_r: usize,
}

impl Score {
    fn add(&mut self, other: (usize, usize, usize, usize)) {
        self.tp_p += other.0;
        self.n_p += other.1;
        self.tp_r += other.2;
        self.n_r += other.3;
    }
    fn show(&self, name: &str) {
        let p = self.tp_p as f64 / self.n_p.max(1) as f64;
        let r = self.tp_r as f64 / self.n_r.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        println!(
            "{name:14} P {p:.2} ({}/{})  R {r:.2} ({}/{})  F1 {f:.2}",
            self.tp_p, self.n_p, self.tp_r, self.n_r
        );
    }
}

/// Precision and recall counts of `predicted` against `gold`; uncertain
/// gold items count neither way. Prints extras and misses.
fn tally<P, G>(
    predicted: &[P],
    gold: &[G],
    is_uncertain: impl Fn(&G) -> bool,
    matches: impl Fn(&P, &G) -> bool,
    extra: impl Fn(&P),
    missed: impl Fn(&G),
) -> (usize, usize, usize, usize) {
    let (mut tp_p, mut n_p) = (0, 0);
    for p in predicted {
        match gold.iter().find(|g| matches(p, g)) {
            Some(g) if is_uncertain(g) => {}
            Some(_) => {
                tp_p += 1;
                n_p += 1;
            }
            None => {
                n_p += 1;
                extra(p);
            }
        }
    }
    let (mut tp_r, mut n_r) = (0, 0);
    for g in gold.iter().filter(|g| !is_uncertain(g)) {
        n_r += 1;
        if predicted.iter().any(|p| matches(p, g)) {
            tp_r += 1;
        } else {
            missed(g);
        }
    }
    (tp_p, n_p, tp_r, n_r)
}

/// Match predicted name sets against gold; prints misses and extras.
fn score_named(
    label: &str,
    predicted: &[BTreeSet<String>],
    gold: &[(BTreeSet<String>, bool)],
) -> (usize, usize, usize, usize) {
    tally(
        predicted,
        gold,
        |(_, unsure)| *unsure,
        |p, (g, _)| !p.is_disjoint(g),
        |p| println!("  {label} extra: {p:?}"),
        |(g, _)| println!("  {label} MISSED: {g:?}"),
    )
}

fn document(text: &str) -> Document {
    let mut blocks: Vec<Block> = Vec::new();
    for line in text.lines() {
        let line = line.replace('\u{a0}', " ");
        let line = line.trim();
        let repeated = matches!(blocks.last(), Some(Block::Paragraph(p)) if p == line);
        if !line.is_empty() && !repeated {
            blocks.push(Block::Paragraph(line.to_string()));
        }
    }
    Document { blocks }
}

#[test]
#[ignore]
fn gold_scores() {
    let gold_dir = Path::new("../shared/gold");
    let (registries, _) = Registries::load(Path::new("."));
    let gazetteer = Gazetteer::new(&registries);
    let mut scores: [Score; 6] = Default::default();
    let mut stems: Vec<_> = std::fs::read_dir(gold_dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "yaml")
                .then(|| p.file_stem().unwrap().to_string_lossy().into_owned())
        })
        .collect();
    stems.sort();
    for stem in stems {
        let gold: Value = serde_yaml::from_str(
            &std::fs::read_to_string(gold_dir.join(format!("{stem}.yaml"))).unwrap(),
        )
        .unwrap();
        let text = std::fs::read_to_string(format!("seeds/{stem}.txt")).unwrap();
        let published = gold["date"].as_str().and_then(|d| d.parse().ok());
        let title = gold["title"].as_str().unwrap_or("");
        let a = annotate(&document(&text), title, published, &gazetteer);
        println!("== {stem}");
        let orgs: Vec<BTreeSet<String>> = a
            .organizations
            .iter()
            .map(|slug| {
                let o = registries
                    .organizations
                    .iter()
                    .find(|o| &o.slug == slug)
                    .unwrap();
                std::iter::once(&o.front.name)
                    .chain(&o.front.aliases)
                    .map(|n| norm(n))
                    .collect()
            })
            .collect();
        scores[0].add(score_named("org", &orgs, &named(&gold["organizations"])));
        let people: Vec<BTreeSet<String>> =
            a.people.iter().map(|p| [norm(&p.name)].into()).collect();
        scores[1].add(score_named("person", &people, &named(&gold["people"])));
        for p in &a.people {
            println!("  person: {} | {:?} | {:?}", p.name, p.role, p.organization);
        }
        let places: Vec<BTreeSet<String>> = a
            .places
            .iter()
            .map(|name| {
                let p = registries
                    .places
                    .iter()
                    .find(|p| &p.front.name == name)
                    .unwrap();
                std::iter::once(&p.front.name)
                    .chain(&p.front.aliases)
                    .map(|n| norm(n))
                    .collect()
            })
            .collect();
        let mut gp: Vec<(BTreeSet<String>, bool)> = strings(&gold["places"])
            .into_iter()
            .map(|p| ([p].into(), false))
            .collect();
        gp.extend(
            strings(&gold["places_uncertain"])
                .into_iter()
                .map(|p| ([p].into(), true)),
        );
        scores[2].add(score_named("place", &places, &gp));
        let topics: Vec<BTreeSet<String>> = a.topics.iter().map(|t| [t.clone()].into()).collect();
        let mut gt: Vec<(BTreeSet<String>, bool)> = strings(&gold["topics"])
            .into_iter()
            .map(|p| ([p].into(), false))
            .collect();
        gt.extend(
            strings(&gold["topics_uncertain"])
                .into_iter()
                .map(|p| ([p].into(), true)),
        );
        scores[3].add(score_named("topic", &topics, &gt));
        scores[4].add(score_figures(&a.figures, &gold["figures"]));
        scores[5].add(score_events(&a.events, &gold["events"]));
        for s in &a.suggested_organizations {
            println!("  suggestion: {} ({:?})", s.name, s.kind);
        }
    }
    for (score, name) in scores.iter().zip([
        "organizations",
        "people",
        "places",
        "topics",
        "figures",
        "events",
    ]) {
        score.show(name);
    }
}

fn score_figures(
    figures: &[crate::content::front_matter::Figure],
    gold: &Value,
) -> (usize, usize, usize, usize) {
    let gold: Vec<&Value> = gold.as_sequence().into_iter().flatten().collect();
    let matches = |f: &crate::content::front_matter::Figure, g: &Value| {
        let value = g["value"].as_f64().unwrap_or(f64::NAN);
        let same = (f.value - value).abs() <= 0.005 * value.abs()
            && g["unit"].as_str() == Some(f.unit.as_str());
        let text = g["text"].as_str().unwrap_or("");
        same || f.text.contains(text) || text.contains(&f.text)
    };
    tally(
        figures,
        &gold,
        |g| uncertain(g),
        |f, g| matches(f, g),
        |f| {
            println!(
                "  figure extra: {} = {} {} (target {:?})",
                f.text, f.value, f.unit, f.year_target
            )
        },
        |g| println!("  figure MISSED: {:?}", g["text"]),
    )
}

fn words(s: &str) -> BTreeSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 3)
        .map(str::to_lowercase)
        .collect()
}

fn score_events(
    events: &[crate::content::front_matter::Event],
    gold: &Value,
) -> (usize, usize, usize, usize) {
    let gold: Vec<&Value> = gold.as_sequence().into_iter().flatten().collect();
    let matches = |e: &crate::content::front_matter::Event, g: &Value| {
        let date = g["date"].as_str().unwrap_or("");
        let what = words(g["what"].as_str().unwrap_or(""));
        let shared = what.intersection(&words(&e.title)).count();
        e.date.to_string() == date && shared * 4 >= what.len().min(8)
    };
    tally(
        events,
        &gold,
        |g| uncertain(g),
        |e, g| matches(e, g),
        |e| {
            println!(
                "  event extra: {} {:?} planned={} {}",
                e.date, e.date_end, e.planned, e.title
            )
        },
        |g| println!("  event MISSED: {:?} {:?}", g["date"], g["what"]),
    )
}

/// Annotate `$BRIEFING_SCRATCH` (a text file, one paragraph a line) and
/// print everything: for trying rules on articles outside the seeds.
#[test]
#[ignore]
fn scratch() {
    let Ok(path) = std::env::var("BRIEFING_SCRATCH") else {
        return;
    };
    let (registries, _) = Registries::load(Path::new("."));
    let gazetteer = Gazetteer::new(&registries);
    let text = std::fs::read_to_string(path).unwrap();
    let published = std::env::var("BRIEFING_PUBLISHED")
        .ok()
        .and_then(|d| d.parse().ok());
    let a = annotate(&document(&text), "", published, &gazetteer);
    println!(
        "orgs {:?}\nplaces {:?}\ntopics {:?}",
        a.organizations, a.places, a.topics
    );
    for p in &a.people {
        println!("person {} | {:?} | {:?}", p.name, p.role, p.organization);
    }
    for f in &a.figures {
        println!(
            "figure {} = {} {} q={:?} t={:?}",
            f.text, f.value, f.unit, f.qualifier, f.year_target
        );
    }
    for e in &a.events {
        println!(
            "event {} {:?} planned={} {}",
            e.date, e.date_end, e.planned, e.title
        );
    }
    for s in &a.suggested_organizations {
        println!("suggest {} {:?}", s.name, s.kind);
    }
}

/// Rough speed check (debug build): gazetteer build and annotate per seed.
#[test]
#[ignore]
fn speed() {
    let (registries, _) = Registries::load(Path::new("."));
    let started = std::time::Instant::now();
    let gazetteer = Gazetteer::new(&registries);
    println!("gazetteer: {:?}", started.elapsed());
    let docs: Vec<Document> = std::fs::read_dir("seeds")
        .unwrap()
        .map(|e| document(&std::fs::read_to_string(e.unwrap().path()).unwrap()))
        .collect();
    let started = std::time::Instant::now();
    let rounds = 100;
    for _ in 0..rounds {
        for doc in &docs {
            std::hint::black_box(annotate(doc, "", None, &gazetteer));
        }
    }
    println!(
        "per article: {:?}",
        started.elapsed() / (rounds * docs.len() as u32)
    );
}
