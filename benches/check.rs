//! Self-check of the synthetic corpus against `briefing`'s content model.
//!
//! Generates a small corpus twice, proves the two are byte-identical, then
//! loads it with the library's own types: the site config, the three
//! registries, and every article's front matter, with each reference
//! resolved and each quote found in the body. Used by `cargo bench --bench
//! build -- --check` and by the integration tests.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use briefing::config::SiteConfig;
use briefing::content::article::front_matter_of;
use briefing::content::entity::Registries;
use briefing::content::front_matter::{split, ArticleFrontMatter};
use briefing::diag::{render, Format};

use super::corpus::{self, Options};

/// Generate `articles` articles and `seeds` seeds under `dir` (emptied
/// first) and check them; the error lists every problem found.
pub(crate) fn run(dir: &Path, articles: usize, seeds: usize) -> Result<String, String> {
    let options = Options {
        seeds,
        ..Options::articles(articles)
    };
    let (a, b) = (dir.join("a"), dir.join("b"));
    for root in [&a, &b] {
        if root.exists() {
            fs::remove_dir_all(root).map_err(|e| format!("{}: {e}", root.display()))?;
        }
        corpus::generate(root, &options).map_err(|e| e.to_string())?;
    }
    let mut problems = Vec::new();
    compare_trees(&a, &b, &mut problems);
    let config = SiteConfig::load(&a).map_err(|d| d.message)?;
    let (registries, diagnostics) = Registries::load(&a);
    problems.extend(
        diagnostics
            .iter()
            .map(|d| format!("{}: {}", d.path.display(), d.message)),
    );
    let checked = check_articles(&a, &registries, &mut problems);
    let seed_count = fs::read_dir(a.join("seeds")).map_or(0, |dir| dir.count());
    if checked != articles {
        problems.push(format!("{checked} articles checked, {articles} expected"));
    }
    if seed_count != seeds {
        problems.push(format!("{seed_count} seeds written, {seeds} expected"));
    }
    if problems.is_empty() {
        Ok(format!(
            "corpus ok: site `{}`, {} organizations, {} topics, {} places, {checked} articles, \
             {seed_count} seeds, deterministic",
            config.title,
            registries.organizations.len(),
            registries.topics.len(),
            registries.places.len(),
        ))
    } else {
        Err(problems.join("\n"))
    }
}

fn check_articles(root: &Path, registries: &Registries, problems: &mut Vec<String>) -> usize {
    let orgs: HashSet<&str> = registries
        .organizations
        .iter()
        .map(|o| o.slug.as_str())
        .collect();
    let topics: HashSet<&str> = registries.topics.iter().map(|t| t.slug.as_str()).collect();
    let places: HashSet<&str> = registries.places.iter().map(|p| p.slug.as_str()).collect();
    let mut slugs = HashSet::new();
    let mut count = 0;
    for path in files(&root.join("content/articles")) {
        count += 1;
        let name = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let mut fail = |what: String| problems.push(format!("{name}: {what}"));
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) => {
                fail(err.to_string());
                continue;
            }
        };
        let parts = match split(&text) {
            Ok(parts) => parts,
            Err(err) => {
                fail(err.to_string());
                continue;
            }
        };
        let front: ArticleFrontMatter = match front_matter_of(&path, &Arc::from(text.as_str())) {
            Ok(front) => front,
            Err(errors) => {
                fail(render(&errors, Format::Human));
                continue;
            }
        };
        let (date, slug) = name.split_at(10.min(name.len()));
        let stated = front.date.map(|d| d.to_string()).unwrap_or_default();
        if date != stated || !slugs.insert(slug.to_string()) {
            fail(format!(
                "file name does not match date {stated} or slug repeats"
            ));
        }
        let known = |list: &[String], registry: &HashSet<&str>| {
            list.iter().all(|s| registry.contains(s.as_str()))
        };
        if !known(&front.topics, &topics)
            || !known(&front.organizations, &orgs)
            || !known(&front.places, &places)
        {
            fail("a topic, organization or place is not in its registry".into());
        }
        if !(2..=4).contains(&front.topics.len()) || !(2..=6).contains(&front.organizations.len()) {
            fail("2-4 topics and 2-6 organizations expected".into());
        }
        if !(1..=4).contains(&front.figures.len()) || !(1..=3).contains(&front.events.len()) {
            fail("1-4 figures and 1-3 events expected".into());
        }
        let quotes = front.people.iter().filter_map(|p| p.quote.as_deref());
        let quotes = quotes
            .chain(front.figures.iter().filter_map(|f| f.quote.as_deref()))
            .chain(front.events.iter().filter_map(|e| e.quote.as_deref()));
        for quote in quotes {
            if !parts.body.contains(quote) {
                fail(format!("quote not in body: {quote}"));
            }
        }
        if front.figures.iter().any(|f| !parts.body.contains(&f.text)) {
            fail("a figure's text is not in the body".into());
        }
        let people_ok = front.people.iter().all(|p| {
            p.organization
                .as_ref()
                .is_some_and(|o| front.organizations.contains(o))
        });
        if !people_ok {
            fail("a person's organization is not among the article's organizations".into());
        }
        let words = parts.body.split_ascii_whitespace().count();
        if !(550..=1500).contains(&words) {
            fail(format!("{words} words in the body"));
        }
    }
    count
}

fn compare_trees(a: &Path, b: &Path, problems: &mut Vec<String>) {
    let (left, right) = (files(a), files(b));
    if left.len() != right.len() {
        problems.push(format!(
            "two runs wrote {} and {} files",
            left.len(),
            right.len()
        ));
    }
    for path in left {
        let other = b.join(path.strip_prefix(a).expect("under a"));
        if fs::read(&path).ok() != fs::read(&other).ok() {
            problems.push(format!("not deterministic: {}", path.display()));
        }
    }
}

/// Every file under `dir`, sorted.
pub(crate) fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}
