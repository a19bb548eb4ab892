//! Synthetic corpus for the benchmarks: writes a complete site folder.
//!
//! Takes a size and a seed; gives back a site under a folder: `site.yaml`, a
//! copy of the repository's `themes/`, registries of organizations, topics
//! and places, `N` annotated articles and, optionally, `M` noisy raw seeds.
//! Everything comes from a seeded PRNG written here (no `rand`), so the same
//! options give byte-identical files on every machine. Std only, so a test
//! can include it with `#[path = "../benches/corpus.rs"]`.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;
use std::time::{Duration, Instant};

#[path = "corpus_seeds.rs"]
mod seeds;
#[path = "corpus_story.rs"]
mod story;
#[path = "corpus_words.rs"]
mod words;

/// What to generate.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    /// Annotated articles under `content/articles/`.
    pub(crate) articles: usize,
    /// Noisy raw articles under `seeds/`.
    pub(crate) seeds: usize,
    /// Organizations in the registry.
    pub(crate) organizations: usize,
    /// PRNG seed.
    pub(crate) seed: u64,
}

impl Options {
    /// `articles` articles, no seeds, 400 organizations, the default seed.
    pub(crate) fn articles(articles: usize) -> Options {
        Options {
            articles,
            seeds: 0,
            organizations: 400,
            seed: 0x00ba_7735_eed0_2024,
        }
    }
}

/// What was written.
#[derive(Debug, Clone, Default)]
pub(crate) struct Summary {
    /// Article files.
    pub(crate) articles: usize,
    /// Seed files.
    pub(crate) seeds: usize,
    /// Organization files.
    pub(crate) organizations: usize,
    /// Topic files.
    pub(crate) topics: usize,
    /// Place files.
    pub(crate) places: usize,
    /// Words in article bodies, all together.
    pub(crate) words: usize,
    /// Bytes written, themes excluded.
    pub(crate) bytes: u64,
    /// Time taken.
    pub(crate) elapsed: Duration,
}

/// splitmix64: tiny, fast, and good enough for test data.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// An independent stream for item `index`, so items do not depend on
    /// how many draws earlier items made.
    pub(crate) fn fork(&self, index: u64) -> Rng {
        let mut mixer = Rng(self.0 ^ index.wrapping_mul(0xd134_2543_de82_ef95));
        Rng(mixer.next_u64())
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// Uniform in `[0, 1)`.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// One element of a non-empty slice.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Zipf-like popularity over `n` ranks: rank `r` has weight `1 / r^s`.
#[derive(Debug, Clone)]
pub(crate) struct Zipf {
    cdf: Vec<f64>,
}

impl Zipf {
    /// Weights for `n` ranks with exponent `s`.
    pub(crate) fn new(n: usize, s: f64) -> Zipf {
        let mut total = 0.0;
        let cdf = (1..=n)
            .map(|rank| {
                total += 1.0 / (rank as f64).powf(s);
                total
            })
            .collect();
        Zipf { cdf }
    }

    /// A rank in `0..n`, popular ranks first.
    pub(crate) fn sample(&self, rng: &mut Rng) -> usize {
        let target = rng.unit() * self.cdf[self.cdf.len() - 1];
        self.cdf
            .partition_point(|&c| c <= target)
            .min(self.cdf.len() - 1)
    }

    /// `count` distinct ranks.
    pub(crate) fn distinct(&self, rng: &mut Rng, count: usize) -> Vec<usize> {
        let count = count.min(self.cdf.len());
        let mut picked = Vec::with_capacity(count);
        while picked.len() < count {
            let rank = self.sample(rng);
            if !picked.contains(&rank) {
                picked.push(rank);
            }
        }
        picked
    }
}

/// A registry organization.
#[derive(Debug, Clone)]
pub(crate) struct Org {
    /// File stem.
    pub(crate) slug: String,
    /// Canonical name.
    pub(crate) name: String,
    /// Name without the legal suffix, as running text uses it.
    pub(crate) short: String,
    /// `government`, `company`, …
    pub(crate) kind: &'static str,
    /// ISO alpha-2.
    pub(crate) country: &'static str,
    /// Acronym and Korean name.
    pub(crate) aliases: Vec<String>,
    /// Official site, sometimes.
    pub(crate) website: Option<String>,
}

/// A registry topic.
#[derive(Debug, Clone)]
pub(crate) struct Topic {
    /// File stem.
    pub(crate) slug: &'static str,
    /// Display name.
    pub(crate) name: &'static str,
    /// Signal phrases.
    pub(crate) keywords: &'static [&'static str],
}

/// A registry place.
#[derive(Debug, Clone)]
pub(crate) struct Place {
    /// File stem.
    pub(crate) slug: String,
    /// Canonical name.
    pub(crate) name: &'static str,
    /// `country`, `city`, …
    pub(crate) kind: &'static str,
    /// ISO alpha-2, empty for regions.
    pub(crate) country: &'static str,
    /// Korean name.
    pub(crate) korean: &'static str,
}

/// The registries every article draws from, with popularity weights.
#[derive(Debug, Clone)]
pub(crate) struct World {
    /// Organizations, most popular first.
    pub(crate) orgs: Vec<Org>,
    /// Topics, most popular first.
    pub(crate) topics: Vec<Topic>,
    /// Places, most popular first.
    pub(crate) places: Vec<Place>,
    /// Popularity of organizations (steep: a few appear in thousands).
    pub(crate) org_zipf: Zipf,
    /// Popularity of topics (gentle).
    pub(crate) topic_zipf: Zipf,
    /// Popularity of places.
    pub(crate) place_zipf: Zipf,
}

impl World {
    /// Registries for `organizations` organizations.
    pub(crate) fn new(rng: &Rng, organizations: usize) -> World {
        let orgs = story::organizations(&mut rng.fork(1), organizations);
        let topics: Vec<Topic> = words::TOPICS
            .iter()
            .map(|&(slug, name, keywords)| Topic {
                slug,
                name,
                keywords,
            })
            .collect();
        let places: Vec<Place> = words::PLACES
            .iter()
            .map(|&(name, kind, country, korean)| Place {
                slug: slugify(name),
                name,
                kind,
                country,
                korean,
            })
            .collect();
        World {
            org_zipf: Zipf::new(orgs.len(), 1.0),
            topic_zipf: Zipf::new(topics.len(), 0.6),
            place_zipf: Zipf::new(places.len(), 1.1),
            orgs,
            topics,
            places,
        }
    }
}

/// Write the site for `options` into `root`, which must not exist yet or be
/// empty: the caller decides what to delete.
pub(crate) fn generate(root: &Path, options: &Options) -> io::Result<Summary> {
    let start = Instant::now();
    let rng = Rng::new(options.seed);
    let world = World::new(&rng, options.organizations);
    let mut summary = Summary::default();
    let mut writer = Writer {
        root,
        bytes: &mut summary.bytes,
    };
    writer.file("site.yaml", SITE_YAML)?;
    writer.file(
        "content/pages/about.md",
        "---\ntitle: About\ndescription: A synthetic corpus for benchmarks.\n---\n\nEvery article on this site was generated by `benches/corpus.rs`.\n",
    )?;
    write_registries(&mut writer, &world)?;
    summary.organizations = world.orgs.len();
    summary.topics = world.topics.len();
    summary.places = world.places.len();

    let mut words = 0;
    story::for_each_story(&rng.fork(2), &world, options.articles, |_, story| {
        words += story.words;
        let path = format!("content/articles/{}-{}.md", story.date_string(), story.slug);
        writer.file(&path, &story.to_markdown(&world))
    })?;
    summary.words = words;
    summary.articles = options.articles;

    let noise = rng.fork(4);
    story::for_each_story(&rng.fork(3), &world, options.seeds, |index, story| {
        let mut seed_rng = noise.fork(index as u64);
        let name = format!("seeds/{index:05}_{:016x}.txt", seed_rng.next_u64());
        writer.bytes(&name, &seeds::raw_seed(&mut seed_rng, &world, &story))
    })?;
    summary.seeds = options.seeds;

    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("themes"),
        &root.join("themes"),
    )?;
    summary.elapsed = start.elapsed();
    Ok(summary)
}

const SITE_YAML: &str = "title: Battery Briefing (synthetic benchmark corpus)
description: Generated articles about the secondary-battery industry, for benchmarks.
base_url: https://bench.example.org/briefing/
language: en
theme: default
items_per_page: 20
author: benches/corpus.rs
";

fn write_registries(writer: &mut Writer<'_>, world: &World) -> io::Result<()> {
    for org in &world.orgs {
        let mut text = format!(
            "---\nname: {}\nkind: {}\ncountry: {}\naliases: [{}]\n",
            quote(&org.name),
            org.kind,
            org.country,
            list(org.aliases.iter().map(|a| quote(a)))
        );
        if let Some(site) = &org.website {
            let _ = writeln!(text, "website: {site}");
        }
        let _ = write!(
            text,
            "---\n\n{} is a {} organization based in {}. It appears in this corpus to give \
             the build realistic entity pages, with articles, figures and a timeline.\n",
            org.name, org.kind, org.country
        );
        writer.file(&format!("content/organizations/{}.md", org.slug), &text)?;
    }
    for topic in &world.topics {
        let text = format!(
            "---\nname: {}\nkeywords: [{}]\n---\n\nArticles about {}.\n",
            quote(topic.name),
            list(topic.keywords.iter().map(|k| quote(k))),
            topic.name.to_lowercase()
        );
        writer.file(&format!("content/topics/{}.md", topic.slug), &text)?;
    }
    for place in &world.places {
        let mut text = format!("---\nname: {}\nkind: {}\n", quote(place.name), place.kind);
        if !place.country.is_empty() {
            let _ = writeln!(text, "country: {}", place.country);
        }
        let _ = write!(text, "aliases: [{}]\n---\n", quote(place.korean));
        writer.file(&format!("content/places/{}.md", place.slug), &text)?;
    }
    Ok(())
}

struct Writer<'a> {
    root: &'a Path,
    bytes: &'a mut u64,
}

impl Writer<'_> {
    fn file(&mut self, relative: &str, text: &str) -> io::Result<()> {
        self.bytes(relative, text.as_bytes())
    }

    fn bytes(&mut self, relative: &str, bytes: &[u8]) -> io::Result<()> {
        let path = self.root.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| named(e, parent))?;
        }
        fs::write(&path, bytes).map_err(|e| named(e, &path))?;
        *self.bytes += bytes.len() as u64;
        Ok(())
    }
}

fn named(err: io::Error, path: &Path) -> io::Error {
    io::Error::new(err.kind(), format!("{}: {err}", path.display()))
}

/// Copy a folder tree; a missing source is skipped (the theme may not
/// exist yet on this branch).
pub(crate) fn copy_dir(from: &Path, to: &Path) -> io::Result<()> {
    if !from.is_dir() {
        return Ok(());
    }
    fs::create_dir_all(to).map_err(|e| named(e, to))?;
    for entry in fs::read_dir(from).map_err(|e| named(e, from))? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target).map_err(|e| named(e, &target))?;
        }
    }
    Ok(())
}

/// A YAML double-quoted string.
pub(crate) fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

fn list(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

/// The library's own slug rule, so corpus file names are what ingest and
/// `new` would choose.
pub(crate) use briefing::content::entity::slugify;

/// Month names as the site writes dates: the library's own.
pub(crate) use briefing::content::date::month_name;

/// `12345` → `12,345`.
pub(crate) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
