//! Check stage: the same story filed twice.
//!
//! Takes the parsed articles; gives back an error for articles sharing a
//! `source.url` or `source.seed`, and a warning for bodies that are nearly
//! identical (word 5-shingle Jaccard ≥ 0.9). Near-duplicates are found in
//! linear time with MinHash and locality-sensitive hashing: only articles
//! that share a band bucket are compared exactly, never all pairs.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};

use rayon::prelude::*;

use crate::content::front_matter::ArticleFrontMatter;
use crate::content::source::Parsed;
use crate::diag::Diagnostic;

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
    group
        .iter()
        .filter(|&&j| j != me)
        .map(|&j| articles[j].path.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn near_identical(articles: &[Parsed<ArticleFrontMatter>]) -> Vec<Diagnostic> {
    let shingles: Vec<Vec<u64>> = articles
        .par_iter()
        .map(|a| shingle(a.body_text()))
        .collect();
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    let signatures: Vec<Option<Vec<u64>>> = shingles
        .par_iter()
        .map(|s| (!s.is_empty()).then(|| signature(s)))
        .collect();
    for (i, sig) in signatures.iter().enumerate() {
        let Some(sig) = sig else { continue };
        for band in 0..BANDS {
            let mut h = DefaultHasher::new();
            sig[band * ROWS..(band + 1) * ROWS].hash(&mut h);
            buckets.entry((band, h.finish())).or_default().push(i);
        }
    }
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for members in buckets.values().filter(|m| m.len() > 1) {
        for (k, &a) in members.iter().enumerate() {
            for &b in &members[k + 1..] {
                pairs.insert((a.min(b), a.max(b)));
            }
        }
    }
    let mut out = Vec::new();
    for (a, b) in pairs {
        let similarity = jaccard(&shingles[a], &shingles[b]);
        if similarity >= THRESHOLD {
            for (me, other) in [(a, b), (b, a)] {
                let article = &articles[me];
                out.push(
                    Diagnostic::warning(
                        "article/near-duplicate",
                        &article.path,
                        format!(
                            "the text is {:.0}% identical to {}",
                            (similarity * 100.0).floor(),
                            articles[other].path.display()
                        ),
                    )
                    .at(&article.source, article.body.start..article.body.start)
                    .with_help("if both tell the same story, keep one article and delete the other; if they differ, rewrite the copied passages"),
                );
            }
        }
    }
    out
}

/// Sorted, distinct hashes of the body's lowercase word 5-grams.
pub(crate) fn shingle(body: &str) -> Vec<u64> {
    let words: Vec<String> = body
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.len() < MIN_WORDS {
        return Vec::new();
    }
    let mut hashes: Vec<u64> = words
        .windows(SHINGLE)
        .map(|w| {
            let mut h = DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect();
    hashes.sort_unstable();
    hashes.dedup();
    hashes
}

/// MinHash signature: for each of `BANDS * ROWS` seeded mixes, the
/// smallest mixed shingle hash.
fn signature(shingles: &[u64]) -> Vec<u64> {
    (0..BANDS * ROWS)
        .map(|k| {
            let seed = (k as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            shingles
                .iter()
                .map(|&s| mix(s ^ seed))
                .min()
                .unwrap_or(u64::MAX)
        })
        .collect()
}

/// splitmix64 finalizer: a cheap, well-spread permutation of `u64`.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Exact Jaccard similarity of two sorted, distinct hash lists.
pub(crate) fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 {
        0.0
    } else {
        both as f64 / union as f64
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
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(diags.iter().all(|d| !d.message.contains("c.md")));
    }

    #[test]
    fn jaccard_of_sorted_sets() {
        assert_eq!(jaccard(&[1, 2, 3], &[2, 3, 4]), 0.5);
        assert_eq!(jaccard(&[], &[]), 0.0);
        assert!(shingle("too short").is_empty());
    }
}
