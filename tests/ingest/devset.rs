//! Acceptance on real pages: every article of the shared development set
//! (`../shared/devset/`, beside the repository; CI has it) is ingested into
//! a temporary site with the repository's registries, then scored by the
//! project's scorer, `../shared/tools/score_ingest.py` (python3 with PyYAML;
//! `.ci/run` installs it), exactly as the project is judged. The five seeds
//! (`../shared/seeds/`, gold in `../shared/gold/`) are scored the same way,
//! so they never get worse while the devset improves.
//!
//! Without `../shared/devset/` the test says loudly that it skipped. Never
//! copy devset texts into the repository: they are read where they are.
//! `BRIEFING_DEVSET_DUMP=dir` keeps the generated site for a look.

use std::path::{Path, PathBuf};
use std::process::Command;

use briefing::diag::Severity;

use super::Site;

/// The least acceptable scores, each on its own: just under what main
/// scores (organizations F1 0.99, people 1.00, topics 0.95, figures 0.98,
/// events 0.96 in December; issue 8's targets were 0.92, 0.9, 0.85, 0.85,
/// 0.75). Raise a floor whenever ingest improves; never lower one.
const DEVSET_FLOORS: &[(&str, f64)] = &[
    ("articles_written", 1.0), // every decodable seed becomes an article
    ("date_acc", 1.0),         // stated publication dates exact
    ("date_honest", 1.0),      // no undated or inferred date shown as stated
    ("org_f1", 0.98),
    ("people_f1", 0.99),
    ("topics_f1", 0.94),
    ("figures_f1", 0.97),
    // 0.97 until undated pages stopped taking a year-level happening for
    // their date (0.94): on 40 further real pages that guess was wrong
    // every time; here it was right once, by luck, through a plan.
    ("events_f1", 0.93),
];

/// The five seeds, at what they scored when this test landed.
const SEED_FLOORS: &[(&str, f64)] = &[
    ("articles_written", 1.0),
    ("date_acc", 1.0),
    ("date_honest", 1.0),
    ("org_f1", 1.0),
    ("people_f1", 1.0),
    ("topics_f1", 1.0),
    ("figures_f1", 1.0),
    ("events_f1", 0.93),
];

/// The least acceptable organization scores on the devset when every
/// organization its gold names, and the seeds' gold does not, is taken out
/// of the registry (43 entries): what ingest finds by patterns of language
/// alone, the nearest measure here of articles about organizations nobody
/// filed. Recall was 0.72 (precision 0.97) before these patterns, 0.77
/// before the nouns that describe a company ("battery maker X") and the
/// outlets a story cites ("the Korea Herald reported").
const HELD_OUT_FLOORS: &[(&str, f64)] = &[("org_r", 0.82), ("org_p", 0.98)];

/// The least acceptable scores on the devset with every line hard-wrapped
/// at 72 columns, as mail and plain-text pages give stories: a wrap must
/// not cut sentences (events 0.54, people 0.86 when each wrapped line was a
/// paragraph of its own).
const WRAPPED_FLOORS: &[(&str, f64)] = &[
    ("articles_written", 1.0),
    ("org_f1", 0.97),
    ("people_f1", 0.96),
    ("figures_f1", 0.97),
    ("events_f1", 0.92), // 0.94 before the undated-page rule above (0.93)
];

/// How a seed's bytes are handed to ingest.
type AsSeed = fn(Vec<u8>) -> Vec<u8>;

/// A seed as it was scraped.
fn as_scraped(bytes: Vec<u8>) -> Vec<u8> {
    bytes
}

/// A seed with each line wrapped at 72 columns, words kept whole.
fn wrapped_at_72(bytes: Vec<u8>) -> Vec<u8> {
    const WIDTH: usize = 72;
    let Ok(text) = String::from_utf8(bytes.clone()) else {
        return bytes;
    };
    let mut out = String::new();
    for line in text.lines() {
        let mut column = 0;
        for word in line.split_whitespace() {
            let width = word.chars().count();
            if column > 0 && column + 1 + width > WIDTH {
                out.push('\n');
                column = 0;
            } else if column > 0 {
                out.push(' ');
                column += 1;
            }
            out.push_str(word);
            column += width;
        }
        out.push('\n');
    }
    out.into_bytes()
}

/// A seed inside the furniture of a news page, in its own script: a
/// masthead, a breadcrumb and a menu row above it, its headline printed
/// twice, related and most-read headlines (with names and figures of their
/// own), a newsletter box and share buttons after it. All of it invented.
fn in_page_furniture(bytes: Vec<u8>) -> Vec<u8> {
    let Ok(text) = String::from_utf8(bytes.clone()) else {
        return bytes;
    };
    let korean = text.chars().filter(|c| ('가'..='힣').contains(c)).count() * 4 > text.len();
    let (top, bottom) = if korean {
        (
            "한빛경제신문\n산업 > 에너지\n로그인 회원가입 전체메뉴\n",
            "\n관련기사\n현대차, 미국 조지아 공장 1조원 추가 투자\nSK하이닉스, 2분기 영업이익 5조원 돌파\n\n많이 본 뉴스\n1. 삼성전자, 반도체 투자 20조원 확대\n2. 테슬라, 중국서 가격 인하\n\n공유하기 페이스북 트위터 카카오톡\n구독하기\n",
        )
    } else {
        (
            "The Daily Cell Times\nBusiness > Industry\nMenu Search Login\n",
            "\nRelated Articles\nTesla cuts Model Y prices by $2,000 in China\nToyota to invest $13.9 billion in North Carolina battery plant\n\nMost Read\n1. Samsung Electronics posts record quarterly profit of 10 trillion won\n2. BYD overtakes Tesla in global EV sales\n\nSubscribe to our newsletter\nShare this article: Facebook Twitter LinkedIn Email\n",
        )
    };
    let mut lines: Vec<&str> = text.lines().collect();
    if let Some(first) = lines.iter().position(|l| !l.trim().is_empty()) {
        lines.insert(first + 1, lines[first]);
    }
    format!("{top}{}{bottom}", lines.join("\n")).into_bytes()
}

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

#[test]
fn devset_scores_at_or_above_the_floors() {
    let shared = shared();
    let devset = shared.join("devset");
    if !devset.join("articles").is_dir() {
        eprintln!(
            "\n\n!!!!! SKIPPED: the devset acceptance test needs {} (the shared folder beside the repository); it is not there, so nothing was scored !!!!!\n",
            devset.display()
        );
        return;
    }
    let mut failures = score_set(
        "devset",
        Site::with_registries(),
        (&devset.join("articles"), as_scraped),
        &devset.join("gold"),
        DEVSET_FLOORS,
    );
    failures.extend(score_set(
        "seeds",
        Site::with_registries(),
        (&shared.join("seeds"), as_scraped),
        &shared.join("gold"),
        SEED_FLOORS,
    ));
    let site = Site::with_registries();
    let held = gold_organization_names(&devset.join("gold"));
    let kept = gold_organization_names(&shared.join("gold"));
    let removed = remove_registry_entries(&site, |names| {
        names.iter().any(|n| held.contains(n)) && !names.iter().any(|n| kept.contains(n))
    });
    assert!(removed > 0, "no registry entry names a devset organization");
    println!("devset, held out: {removed} registry entries removed");
    failures.extend(score_set(
        "devset, hard-wrapped",
        Site::with_registries(),
        (&devset.join("articles"), wrapped_at_72),
        &devset.join("gold"),
        WRAPPED_FLOORS,
    ));
    failures.extend(score_set(
        "devset, held out",
        site,
        (&devset.join("articles"), as_scraped),
        &devset.join("gold"),
        HELD_OUT_FLOORS,
    ));
    assert!(
        failures.is_empty(),
        "below the floors:\n{}",
        failures.join("\n")
    );
}

#[test]
fn page_furniture_around_real_texts_changes_no_title_or_body() {
    let articles = shared().join("devset/articles");
    if !articles.is_dir() {
        eprintln!("\n\n!!!!! SKIPPED: no {} !!!!!\n", articles.display());
        return;
    }
    let stories = |as_seed: AsSeed| {
        let site = Site::with_registries();
        for entry in std::fs::read_dir(&articles).unwrap().filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".txt") {
                site.seed(&name, as_seed(std::fs::read(entry.path()).unwrap()));
            }
        }
        site.ingest();
        let mut stories: Vec<(Option<String>, String, String)> = site
            .articles()
            .iter()
            .map(|(_, text)| {
                let (front, body) = super::parse_article(text);
                (front.source.seed, front.title, body)
            })
            .collect();
        stories.sort();
        stories
    };
    let plain = stories(as_scraped);
    let furnished = stories(in_page_furniture);
    assert_eq!(plain.len(), furnished.len());
    let changed: Vec<String> = plain
        .iter()
        .zip(&furnished)
        .filter(|(a, b)| a != b)
        .map(|(a, b)| format!("{:?}: {:?} became {:?}", a.0, a.1, b.1))
        .collect();
    assert!(
        changed.is_empty(),
        "changed by page furniture:\n{}",
        changed.join("\n")
    );
}

/// Ingest every `*.txt` of `articles` and score the site against `gold`;
/// print the scores, give back each one under its floor.
fn score_set(
    label: &str,
    site: Site,
    (articles, as_seed): (&Path, AsSeed),
    gold: &Path,
    floors: &[(&str, f64)],
) -> Vec<String> {
    let mut count = 0;
    for entry in std::fs::read_dir(articles).unwrap().filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".txt") {
            site.seed(&name, as_seed(std::fs::read(entry.path()).unwrap()));
            count += 1;
        }
    }
    let report = site.ingest();
    let mut failures: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            format!(
                "{label}: ingest error on {}: {}",
                d.path.display(),
                d.message
            )
        })
        .collect();
    if let Some(dump) = std::env::var_os("BRIEFING_DEVSET_DUMP") {
        let dump = Path::new(&dump).join(label);
        crate::common::copy_tree(site.root(), &dump);
    }
    let scores = run_scorer(site.root(), gold);
    let written = site.articles().len() as f64 / count.max(1) as f64;
    println!(
        "{label}: {count} articles, {:.0} % written",
        written * 100.0
    );
    println!("{label}: {scores}");
    for &(name, floor) in floors {
        let value = if name == "articles_written" {
            let missing = scores["missing"].as_f64().unwrap_or(f64::MAX);
            if missing > 0.0 {
                0.0
            } else {
                written
            }
        } else {
            scores[name]
                .as_f64()
                .unwrap_or_else(|| panic!("the scorer gave no `{name}`: {scores}"))
        };
        println!("{label}: {name:<17} {value:.3} (floor {floor})");
        if value < floor {
            failures.push(format!("{label}: {name} {value:.3} < {floor}"));
        }
    }
    failures
}

/// `python3 score_ingest.py SITE GOLD --json`: its JSON line.
fn run_scorer(site: &Path, gold: &Path) -> serde_json::Value {
    let scorer = shared().join("tools/score_ingest.py");
    let output = Command::new("python3")
        .arg(&scorer)
        .arg(site)
        .arg(gold)
        .arg("--json")
        .output()
        .unwrap_or_else(|err| panic!("cannot run python3 {}: {err}", scorer.display()));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the scorer failed ({}); it needs python3 with PyYAML (`python3 -m pip install pyyaml`, as .ci/run does):\n{stderr}",
        output.status
    );
    let line = stdout
        .lines()
        .find(|line| line.starts_with('{'))
        .unwrap_or_else(|| panic!("no JSON line from the scorer:\n{stdout}\n{stderr}"));
    serde_json::from_str(line).expect("the scorer's JSON")
}

/// A name as the held-out comparison matches it: lower case, single spaces.
fn normalized(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Every organization name and alias the gold files in `gold` give.
fn gold_organization_names(gold: &Path) -> std::collections::HashSet<String> {
    let mut names = std::collections::HashSet::new();
    for entry in std::fs::read_dir(gold).unwrap().filter_map(Result::ok) {
        if entry.path().extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let value: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        let organizations = value["organizations"]
            .as_sequence()
            .cloned()
            .unwrap_or_default();
        for organization in organizations {
            let aliases = organization["aliases"]
                .as_sequence()
                .cloned()
                .unwrap_or_default();
            for name in std::iter::once(&organization["name"]).chain(&aliases) {
                if let Some(name) = name.as_str() {
                    names.insert(normalized(name));
                }
            }
        }
    }
    names
}

/// Delete the site's organization entries whose name and aliases
/// (normalized) `matches`; how many went.
fn remove_registry_entries(site: &Site, matches: impl Fn(&[String]) -> bool) -> usize {
    let folder = site.path("content/organizations");
    let mut removed = 0;
    for entry in std::fs::read_dir(&folder).unwrap().filter_map(Result::ok) {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let Ok(split) = briefing::content::front_matter::split(&text) else {
            continue;
        };
        let value: serde_yaml::Value = serde_yaml::from_str(split.yaml).unwrap();
        let aliases = value["aliases"].as_sequence().cloned().unwrap_or_default();
        let names: Vec<String> = std::iter::once(&value["name"])
            .chain(&aliases)
            .filter_map(serde_yaml::Value::as_str)
            .map(normalized)
            .collect();
        if matches(&names) {
            std::fs::remove_file(entry.path()).unwrap();
            removed += 1;
        }
    }
    removed
}
