//! Check stage: the same story filed twice.
//!
//! Takes the parsed articles; gives back an error for articles sharing a
//! `source.url` or `source.seed`, and one warning for each cluster of
//! bodies that are nearly identical (word 5-shingle Jaccard ≥ 0.9).
//! Near-duplicates are found in linear time with MinHash and
//! locality-sensitive hashing: only articles that share a band bucket are
//! compared exactly, never all pairs. A finding names at most ten other
//! files, so its size stays bounded however many copies there are.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};

use rayon::prelude::*;

use crate::content::front_matter::ArticleFrontMatter;
use crate::content::source::Parsed;
use crate::diag::Diagnostic;
use minhash::{jaccard, shingle, signature};

mod minhash;

/// Words per shingle.
const SHINGLE: usize = 5;
/// Bodies with fewer words are too short to call duplicates.
const MIN_WORDS: usize = 20;
/// Jaccard similarity from which two bodies are duplicates.
const THRESHOLD: f64 = 0.9;
/// MinHash signature: `BANDS` × `ROWS` hashes. At s = 0.9 a pair shares a
/// band with probability ≈ 0.99; at s = 0.5 with ≈ 0.03, so few false
/// candidates reach the exact comparison.
const BANDS: usize = 8;
const ROWS: usize = 8;

/// Run both duplicate checks.
pub(crate) fn check(articles: &[Parsed<ArticleFrontMatter>]) -> Vec<Diagnostic> {
    let mut out = same_source(articles, "url", |f| f.source.url.as_deref());
    out.extend(same_source(articles, "seed", |f| f.source.seed.as_deref()));
    out.extend(near_identical(articles));
    out
}

fn same_source(
    articles: &[Parsed<ArticleFrontMatter>],
    field: &str,
    get: impl Fn(&ArticleFrontMatter) -> Option<&str>,
) -> Vec<Diagnostic> {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, article) in articles.iter().enumerate() {
        if let Some(value) = get(&article.front).map(str::trim).filter(|v| !v.is_empty()) {
            groups.entry(normalize_source(value)).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    for group in groups.values().filter(|g| g.len() > 1) {
        for &i in group {
            let article = &articles[i];
            let value = get(&article.front).unwrap_or_default();
            out.push(
                Diagnostic::error(
                    "article/duplicate-source",
                    &article.path,
                    format!(
                        "`source.{field}` `{value}` is also the source of {}",
                        others(articles, group, i)
                    ),
                )
                .at(&article.source, article.find_after_key("source", value))
                .with_help("one story, one article: merge the two files and delete the other"),
            );
        }
    }
    out
}

/// URLs differing only in scheme, `www.` or a trailing slash are the same.
fn normalize_source(value: &str) -> String {
    let value = value.trim().trim_end_matches('/');
    let value = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .unwrap_or(value);
    value.strip_prefix("www.").unwrap_or(value).to_lowercase()
}

fn others(articles: &[Parsed<ArticleFrontMatter>], group: &[usize], me: usize) -> String {
    let paths: Vec<String> = group
        .iter()
        .filter(|&&j| j != me)
        .map(|&j| articles[j].path.display().to_string())
        .collect();
    name_some(&paths)
}

fn near_identical(articles: &[Parsed<ArticleFrontMatter>]) -> Vec<Diagnostic> {
    // Each article's shingles are let go once its signature is made: only
    // the candidates' are made again, below (every article's at once
    // would be ~8 KB an article, gigabytes at 100,000).
    let signatures: Vec<Option<Vec<u64>>> = articles
        .par_iter()
        .map(|a| {
            let shingles = shingle(a.body_text());
            (!shingles.is_empty()).then(|| signature(&shingles))
        })
        .collect();
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    for (i, sig) in signatures.iter().enumerate() {
        let Some(sig) = sig else { continue };
        for band in 0..BANDS {
            let mut h = DefaultHasher::new();
            sig[band * ROWS..(band + 1) * ROWS].hash(&mut h);
            buckets.entry((band, h.finish())).or_default().push(i);
        }
    }
    let mut candidate = vec![false; articles.len()];
    for members in buckets.values().filter(|m| m.len() > 1) {
        for &i in members {
            candidate[i] = true;
        }
    }
    let shingles: Vec<Vec<u64>> = articles
        .par_iter()
        .zip(&candidate)
        .map(|(a, &wanted)| match wanted {
            true => shingle(a.body_text()),
            false => Vec::new(),
        })
        .collect();
    let mut clusters = Clusters::new(articles.len());
    for members in buckets.values().filter(|m| m.len() > 1) {
        cluster_bucket(members, &shingles, &mut clusters);
    }
    let mut out = Vec::new();
    for group in clusters.groups() {
        let mut group: Vec<&Parsed<ArticleFrontMatter>> =
            group.iter().map(|&i| &articles[i]).collect();
        group.sort_by(|a, b| a.path.cmp(&b.path));
        let first = group[0];
        let others: Vec<String> = group[1..]
            .iter()
            .map(|a| a.path.display().to_string())
            .collect();
        let message = if let [other] = group[1..] {
            let similarity = jaccard(&shingle(first.body_text()), &shingle(other.body_text()));
            format!(
                "the text is {:.0}% identical to {}",
                (similarity * 100.0).floor(),
                other.path.display()
            )
        } else {
            format!(
                "the text is nearly identical (90% or more) in {} articles: this one and {}",
                group.len(),
                name_some(&others)
            )
        };
        out.push(
            Diagnostic::warning("article/near-duplicate", &first.path, message)
                .at(&first.source, first.body.start..first.body.start)
                .with_help("if they tell the same story, keep one article and delete the others; if they differ, rewrite the copied passages"),
        );
    }
    out
}

/// Join the near-identical members of one bucket. Each member is compared
/// with the groups met so far, first member first, and joins every group
/// it is near-identical to; a group already in its cluster is joined
/// without comparing. So 2,000 copies of one text cost about 2,000
/// comparisons (not 2 million) and end as one cluster, one finding.
fn cluster_bucket(members: &[usize], shingles: &[Vec<u64>], clusters: &mut Clusters) {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &b in members {
        let mut joined: Option<usize> = None;
        let mut k = 0;
        while k < groups.len() {
            let group = &groups[k];
            let linked = clusters.find(group[0]) == clusters.find(b)
                || group
                    .iter()
                    .any(|&a| jaccard(&shingles[a], &shingles[b]) >= THRESHOLD);
            if !linked {
                k += 1;
                continue;
            }
            clusters.join(group[0], b);
            match joined {
                None => {
                    groups[k].push(b);
                    joined = Some(k);
                    k += 1;
                }
                Some(first) => {
                    let merged = groups.remove(k);
                    groups[first].extend(merged);
                }
            }
        }
        if joined.is_none() {
            groups.push(vec![b]);
        }
    }
}

/// At most this many other files are named in one finding.
const NAMED: usize = 10;

/// `a, b, c` — or the first [`NAMED`] and how many more.
fn name_some(paths: &[String]) -> String {
    let mut text = paths[..paths.len().min(NAMED)].join(", ");
    if paths.len() > NAMED {
        text.push_str(&format!(" and {} more", paths.len() - NAMED));
    }
    text
}

/// Union-find over article indexes.
struct Clusters {
    parent: Vec<usize>,
}

impl Clusters {
    fn new(n: usize) -> Self {
        Clusters {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        self.parent[a.max(b)] = a.min(b);
    }

    /// Clusters of two or more, by their smallest index.
    fn groups(&mut self) -> Vec<Vec<usize>> {
        let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..self.parent.len() {
            let root = self.find(i);
            groups.entry(root).or_default().push(i);
        }
        groups.into_values().filter(|g| g.len() > 1).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::source::parse_file;
    use std::path::Path;
    use std::sync::Arc;

    fn article(name: &str, url: &str, body: &str) -> Parsed<ArticleFrontMatter> {
        let text =
            format!("---\ntitle: T\ndate: 2024-01-01\nsource: {{ url: \"{url}\" }}\n---\n{body}");
        parse_file(
            Path::new(&format!("content/articles/{name}.md")),
            &Arc::from(text.as_str()),
        )
        .unwrap()
    }

    fn words(n: usize, salt: &str) -> String {
        (0..n)
            .map(|i| format!("w{i}{salt}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn same_url_modulo_scheme_and_slash_is_an_error() {
        let a = article("a", "https://www.x.org/n/1", "A");
        let b = article("b", "http://x.org/n/1/", "B");
        let c = article("c", "https://x.org/n/2", "C");
        let diags = check(&[a, b, c]);
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(diags[0].message.contains("content/articles/b.md"));
        assert_eq!(diags[0].line_col().0, 4);
    }

    #[test]
    fn near_identical_bodies_are_found_and_different_ones_not() {
        let base = words(300, "");
        let edited = format!("{} changed", words(299, ""));
        let other = words(300, "x");
        let articles = [
            article("a", "1", &base),
            article("b", "2", &edited),
            article("c", "3", &other),
        ];
        let diags = near_identical(&articles);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].path, Path::new("content/articles/a.md"));
        assert_eq!(
            diags[0].message,
            "the text is 99% identical to content/articles/b.md"
        );
    }

    /// 400 copies of one text: one finding naming ten files and the count
    /// of the rest, not a warning for each of the 79,800 pairs.
    #[test]
    fn many_near_identical_bodies_are_one_cluster() {
        let base = words(60, "");
        let articles: Vec<_> = (0..400)
            .map(|i| article(&format!("a{i:04}"), &i.to_string(), &format!("{base} n{i}")))
            .collect();
        let diags = near_identical(&articles);
        assert_eq!(diags.len(), 1, "{:?}", &diags[..diags.len().min(3)]);
        assert!(
            diags[0].message.starts_with("the text is nearly identical (90% or more) in 400 articles: this one and content/articles/a0001.md, "),
            "{}",
            diags[0].message
        );
        assert!(
            diags[0].message.ends_with(" and 389 more"),
            "{}",
            diags[0].message
        );
        let same_url: Vec<_> = (0..3)
            .map(|i| article(&format!("u{i}"), "https://x.org/1", &format!("text {i}")))
            .collect();
        assert!(check(&same_url)[0]
            .message
            .ends_with("content/articles/u1.md, content/articles/u2.md"));
    }
}
