//! Stories for the synthetic corpus: organizations, then articles made of
//! sentences from templates, with the annotations each sentence carries.
//!
//! A [`Story`] is written either as an annotated Markdown article
//! ([`Story::to_markdown`]) or, by `corpus_seeds.rs`, as a noisy raw page.

use super::month_name;
use std::collections::HashSet;
use std::fmt::Write as _;

use super::words::*;
use super::{quote, slugify, Org, Rng, World};

/// One block of a story body, in order.
#[derive(Debug, Clone)]
pub(crate) enum Block {
    /// `##` heading (level 2) or `###` (level 3).
    Heading(u8, String),
    /// A paragraph of sentences.
    Para(String),
    /// A list.
    List(bool, Vec<String>),
    /// A table, first row the header.
    Table(Vec<Vec<String>>),
    /// A fenced code block: language and text.
    Code(&'static str, String),
}

/// A person annotation.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    /// Name as written.
    pub(crate) name: String,
    /// Title.
    pub(crate) role: &'static str,
    /// Index into `World::orgs`.
    pub(crate) org: usize,
    /// The sentence.
    pub(crate) quote: String,
}

/// A figure annotation.
#[derive(Debug, Clone)]
pub(crate) struct Figure {
    /// As written, qualifier included.
    pub(crate) text: String,
    /// Plain number.
    pub(crate) value: f64,
    /// Unit code.
    pub(crate) unit: &'static str,
    /// "over", "about", …
    pub(crate) qualifier: Option<&'static str>,
    /// "by 2030".
    pub(crate) year_target: Option<i32>,
    /// The sentence.
    pub(crate) quote: String,
}

/// An event annotation.
#[derive(Debug, Clone)]
pub(crate) struct Event {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub(crate) date: String,
    /// End of a range.
    pub(crate) date_end: Option<String>,
    /// One line.
    pub(crate) title: String,
    /// A plan rather than a happening.
    pub(crate) planned: bool,
    /// The sentence.
    pub(crate) quote: String,
}

/// A generated article: metadata, annotations and body.
#[derive(Debug, Clone)]
pub(crate) struct Story {
    /// Headline.
    pub(crate) title: String,
    /// Unique slug (without the date).
    pub(crate) slug: String,
    /// Publication date.
    pub(crate) date: (i32, u8, u8),
    /// Index into `PUBLISHERS`.
    pub(crate) publisher: usize,
    /// One sentence.
    pub(crate) summary: String,
    /// Indexes into `World::topics`.
    pub(crate) topics: Vec<usize>,
    /// Indexes into `World::orgs`.
    pub(crate) orgs: Vec<usize>,
    /// Indexes into `World::places`.
    pub(crate) places: Vec<usize>,
    /// People quoted.
    pub(crate) people: Vec<Person>,
    /// Key figures.
    pub(crate) figures: Vec<Figure>,
    /// Dated events.
    pub(crate) events: Vec<Event>,
    /// Body.
    pub(crate) blocks: Vec<Block>,
    /// Words in the body.
    pub(crate) words: usize,
    /// A few articles are drafts.
    pub(crate) draft: bool,
    /// A few have an inferred date.
    pub(crate) inferred: bool,
}

/// `count` organizations with unique slugs, names and aliases.
pub(super) fn organizations(rng: &mut Rng, count: usize) -> Vec<Org> {
    let mut taken = HashSet::new();
    let mut orgs = Vec::with_capacity(count);
    let mut attempts = 0;
    while orgs.len() < count {
        attempts += 1;
        assert!(
            attempts < count * 100 + 1000,
            "ran out of organization names"
        );
        let kind = match rng.below(100) {
            0..=9 => "government",
            10..=61 => "company",
            62..=75 => "research",
            76..=87 => "university",
            88..=94 => "association",
            _ => "other",
        };
        let (base, suffix, country) = org_name(rng, kind);
        let slug = slugify(&base);
        let name = if suffix.is_empty() {
            base.clone()
        } else {
            format!("{base} {suffix}")
        };
        if !taken.insert(slug.clone()) || !taken.insert(name.to_lowercase()) {
            continue;
        }
        let mut aliases = Vec::new();
        if name != base && taken.insert(base.to_lowercase()) {
            aliases.push(base.clone());
        }
        let short = if kind == "company" {
            base.split(' ').next().unwrap_or("").to_string()
        } else {
            acronym(&base)
        };
        if short.len() >= 3 && taken.insert(short.to_lowercase()) {
            aliases.push(short);
        }
        let korean = korean_name(rng, kind);
        if taken.insert(korean.clone()) {
            aliases.push(korean);
        }
        let website = rng
            .chance(0.6)
            .then(|| format!("https://www.{slug}.example"));
        orgs.push(Org {
            slug,
            short: base,
            name,
            kind,
            country,
            aliases,
            website,
        });
    }
    orgs
}

fn org_name(rng: &mut Rng, kind: &str) -> (String, &'static str, &'static str) {
    let stem = format!("{}{}", rng.pick(STEM_HEADS), rng.pick(STEM_TAILS));
    let region = *rng.pick(REGIONS);
    let field = *rng.pick(FIELDS);
    match kind {
        "company" => {
            let (country, suffix) = *rng.pick(COMPANY_COUNTRIES);
            (format!("{stem} {}", rng.pick(SECTORS)), suffix, country)
        }
        "government" => {
            let name = match rng.below(3) {
                0 => format!("{region} Metropolitan Government"),
                1 => format!("National Agency for {field}"),
                _ => format!("Korea {field} Agency"),
            };
            (name, "", "KR")
        }
        "research" => {
            let prefix = match rng.below(4) {
                0 => "Korea",
                1 => "National",
                2 => "Central",
                _ => region,
            };
            (format!("{prefix} Institute of {field}"), "", "KR")
        }
        "university" => match rng.below(3) {
            0 => (format!("{region} National University"), "", "KR"),
            1 => (format!("{stem} University"), "", "KR"),
            _ => (
                format!("{region} Institute of Science and Technology"),
                "",
                "KR",
            ),
        },
        "association" => match rng.below(3) {
            0 => (format!("Korea {field} Association"), "", "KR"),
            1 => (format!("{region} Battery Industry Association"), "", "KR"),
            _ => (format!("Global {field} Alliance"), "", "INT"),
        },
        _ => match rng.below(3) {
            0 => (format!("{region} Technopark"), "", "KR"),
            1 => (format!("{field} Promotion Center"), "", "KR"),
            _ => (format!("{stem} Media"), "", "KR"),
        },
    }
}

fn acronym(name: &str) -> String {
    name.split(' ')
        .filter(|w| !matches!(*w, "of" | "and" | "for" | "the" | "at"))
        .filter_map(|w| w.chars().next())
        .filter(char::is_ascii_uppercase)
        .collect()
}

fn korean_name(rng: &mut Rng, kind: &str) -> String {
    let mut name = String::new();
    for _ in 0..rng.range(2, 4) {
        name.push_str(rng.pick::<&str>(HANGUL));
    }
    let word = HANGUL_KIND
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or("", |(_, w)| *w);
    name.push_str(word);
    name
}

/// Call `each` with `count` stories, in order, with unique slugs.
pub(super) fn for_each_story<E>(
    rng: &Rng,
    world: &World,
    count: usize,
    mut each: impl FnMut(usize, Story) -> Result<(), E>,
) -> Result<(), E> {
    let mut slugs = HashSet::with_capacity(count);
    for index in 0..count {
        let mut story = Draft::new(rng.fork(index as u64), world).write();
        if !slugs.insert(story.slug.clone()) {
            let base = story.slug.clone();
            let mut n = 2;
            while !slugs.insert(format!("{base}-{n}")) {
                n += 1;
            }
            story.slug = format!("{base}-{n}");
        }
        each(index, story)?;
    }
    Ok(())
}

const TITLES: &[&str] = &[
    "{org} to expand {kw} output in {place}",
    "{org} and {org2} team up on {kw}",
    "{org} unveils roadmap for {kw}",
    "Forum in {place} weighs the future of {kw}",
    "{org} secures funding for {kw} pilot line",
    "Government backs {kw} with new support package",
    "{org} reports progress on {kw}",
    "{place} bets on {kw} to anchor battery cluster",
];

const STATEMENTS: &[&str] = &[
    "We expect {kw} to reach the market faster than many predicted",
    "The next two years will decide who leads in {kw}",
    "Our partners in {place} have shown that {kw} can be produced at competitive cost",
    "Without a stable supply chain, progress on {kw} will stall",
    "This agreement gives small suppliers a real path into {kw}",
];

struct Draft<'w> {
    rng: Rng,
    world: &'w World,
    story: Story,
}

impl<'w> Draft<'w> {
    fn new(mut rng: Rng, world: &'w World) -> Draft<'w> {
        let year = 2016 + rng.below(10) as i32;
        let month = rng.range(1, 12) as u8;
        let day = rng.range(1, days_in_month(year, month) as usize) as u8;
        let counts = (rng.range(2, 4), rng.range(2, 6), rng.range(1, 3));
        let topics = world.topic_zipf.distinct(&mut rng, counts.0);
        let orgs = world.org_zipf.distinct(&mut rng, counts.1);
        let places = world.place_zipf.distinct(&mut rng, counts.2);
        let story = Story {
            title: String::new(),
            slug: String::new(),
            date: (year, month, day),
            publisher: rng.below(PUBLISHERS.len()),
            summary: String::new(),
            topics,
            orgs,
            places,
            people: Vec::new(),
            figures: Vec::new(),
            events: Vec::new(),
            blocks: Vec::new(),
            words: 0,
            draft: rng.chance(0.005),
            inferred: rng.chance(0.03),
        };
        Draft { rng, world, story }
    }

    fn org(&self, i: usize) -> &'w Org {
        &self.world.orgs[self.story.orgs[i % self.story.orgs.len()]]
    }

    fn short(&self, i: usize) -> &'w str {
        &self.org(i).short
    }

    fn keyword(&mut self) -> &'static str {
        let topic = self.story.topics[self.rng.below(self.story.topics.len())];
        self.rng.pick::<&str>(self.world.topics[topic].keywords)
    }

    fn place(&mut self) -> &'static str {
        let place = self.story.places[self.rng.below(self.story.places.len())];
        self.world.places[place].name
    }

    fn fill(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 48);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("slot is closed");
            match &rest[open + 1..close] {
                "org" => out.push_str(self.short(0)),
                "org2" => out.push_str(self.short(1)),
                "anyorg" => {
                    let i = self.rng.below(self.story.orgs.len());
                    out.push_str(self.short(i));
                }
                "kw" | "kw2" => out.push_str(self.keyword()),
                "place" => out.push_str(self.place()),
                "year" => {
                    let _ = write!(out, "{}", self.story.date.0 + 1);
                }
                other => panic!("unknown slot {other}"),
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        out
    }

    fn filler(&mut self, count: usize) -> Vec<String> {
        (0..count)
            .map(|_| {
                let template = *self.rng.pick(FILLER);
                self.fill(template)
            })
            .collect()
    }

    fn push(&mut self, block: Block) {
        self.story.words += match &block {
            Block::Heading(_, t) | Block::Para(t) => count_words(t),
            Block::List(_, items) => items.iter().map(|i| count_words(i)).sum(),
            Block::Table(rows) => rows.iter().flatten().map(|c| count_words(c)).sum(),
            Block::Code(_, _) => 0,
        };
        self.story.blocks.push(block);
    }

    fn para(&mut self, mut sentences: Vec<String>, filler: usize) {
        let extra = self.filler(filler);
        for sentence in extra {
            let at = self
                .rng
                .range(usize::from(!sentences.is_empty()), sentences.len());
            sentences.insert(at, sentence);
        }
        self.push(Block::Para(sentences.join(" ")));
    }

    fn write(mut self) -> Story {
        let target = self.rng.range(600, 1200);
        let template = *self.rng.pick(TITLES);
        let title = self.fill(template);
        self.story.slug = slugify(&title);
        self.story.title = title;
        let template = *self.rng.pick(PLANS);
        let plan = self.fill(template);
        let (_, month, day) = self.story.date;
        let lead = format!(
            "{} {} on {} {day} {plan}, {}.",
            self.org(0).name,
            self.rng.pick(ANNOUNCE),
            month_name(month),
            self.fill("a step that officials in {place} said would strengthen work on {kw2}"),
        );
        self.story.summary = format!("{} {} {plan}.", self.short(0), self.rng.pick(ANNOUNCE));
        let figure_count = self.rng.range(1, 4);
        let figures: Vec<String> = (0..figure_count).map(|_| self.figure()).collect();
        self.para(vec![lead, figures[0].clone()], 2);
        let intros = self.introductions();
        self.para(intros, 1);
        let heading = self.rng.pick(&HEADINGS[..4]).to_string();
        self.push(Block::Heading(2, heading));
        let quotes: Vec<String> = (0..self.rng.range(1, 3)).map(|_| self.person()).collect();
        self.para(quotes, 2);
        let items = (0..self.rng.range(3, 5))
            .map(|_| {
                let template = *self.rng.pick(LIST_ITEMS);
                self.fill(template)
            })
            .collect();
        let ordered = self.rng.chance(0.5);
        self.push(Block::List(ordered, items));
        self.para(figures[1..].to_vec(), 2);
        if self.rng.chance(0.3) {
            let table = self.table();
            self.push(table);
        }
        let heading = self.rng.pick(&HEADINGS[4..]).to_string();
        self.push(Block::Heading(2, heading));
        let events: Vec<String> = (0..self.rng.range(1, 3)).map(|_| self.event()).collect();
        self.para(events, 2);
        if self.rng.chance(0.15) {
            self.push(Block::Heading(3, "Test protocol".to_string()));
            let code = self.code();
            self.push(code);
        }
        while self.story.words < target {
            let count = self.rng.range(3, 6);
            let sentences = self.filler(count);
            self.para(sentences, 0);
        }
        self.story
    }

    fn introductions(&mut self) -> Vec<String> {
        let mut sentences = Vec::new();
        for i in 1..self.story.orgs.len() {
            let org = self.org(i);
            let alias = org.aliases.first().filter(|_| self.rng.chance(0.5));
            let name = match alias {
                Some(alias) => format!("{} ({alias})", org.name),
                None => org.name.clone(),
            };
            sentences.push(self.fill(&format!("{name} will take part in the work on {{kw}}.")));
        }
        for i in 0..self.story.places.len() {
            let place = self.world.places[self.story.places[i]].name;
            sentences.push(format!("Part of the work will take place in {place}."));
        }
        sentences
    }

    fn person(&mut self) -> String {
        let name = if self.rng.chance(0.8) {
            let given = format!(
                "{}-{}",
                self.rng.pick(GIVEN),
                self.rng.pick(GIVEN).to_lowercase()
            );
            format!("{given} {}", self.rng.pick(FAMILY))
        } else {
            let (first, last) = self.rng.pick(WESTERN);
            format!("{first} {last}")
        };
        let role = *self.rng.pick(ROLES);
        let index = self.rng.below(self.story.orgs.len());
        let template = *self.rng.pick(STATEMENTS);
        let statement = self.fill(template);
        let quote = format!(
            "\"{statement},\" said {name}, {role} of {}.",
            self.short(index)
        );
        let org = self.story.orgs[index];
        self.story.people.push(Person {
            name,
            role,
            org,
            quote: quote.clone(),
        });
        quote
    }

    fn figure(&mut self) -> String {
        let qualifier = self.rng.chance(0.4).then(|| {
            *self
                .rng
                .pick(&["over", "about", "more than", "nearly", "up to"])
        });
        let year_target = self
            .rng
            .chance(0.35)
            .then(|| self.story.date.0 + self.rng.range(1, 8) as i32);
        let tenths = self.rng.range(11, 9999) as u64;
        let decimal = if tenths.is_multiple_of(10) {
            format!("{}", tenths / 10)
        } else {
            format!("{}.{}", tenths / 10, tenths % 10)
        };
        let whole = self.rng.range(2, 500) as u64;
        let (text, value, unit, template) = match self.rng.below(8) {
            0 => (
                format!("KRW {decimal} billion"),
                tenths as f64 * 1e8,
                "KRW",
                "{org} will invest {fig} in {kw}",
            ),
            1 => (
                format!("{decimal} trillion won"),
                tenths as f64 * 1e11,
                "KRW",
                "The government set aside {fig} for {kw}",
            ),
            2 => (
                format!("${whole} million"),
                whole as f64 * 1e6,
                "USD",
                "The supply contract with {org2} is worth {fig}",
            ),
            3 => (
                format!("€{decimal} billion"),
                tenths as f64 * 1e8,
                "EUR",
                "European partners committed {fig} to {kw}",
            ),
            4 => (
                format!("{} Wh/kg", whole + 150),
                (whole + 150) as f64,
                "Wh/kg",
                "The prototype cell reached an energy density of {fig}",
            ),
            5 => (
                format!("{} GWh", whole / 4 + 1),
                (whole / 4 + 1) as f64,
                "GWh",
                "Annual production capacity will rise to {fig}",
            ),
            6 => (
                format!("{} percent", whole % 90 + 3),
                (whole % 90 + 3) as f64,
                "percent",
                "Costs for {kw} fell by {fig} compared with the previous generation",
            ),
            _ => (
                format!("{} people", thousands(whole * 10)),
                (whole * 10) as f64,
                "people",
                "The program will train {fig} in {kw}",
            ),
        };
        let text = match qualifier {
            Some(q) => format!("{q} {text}"),
            None => text,
        };
        let mut sentence = self.fill(&template.replace("{fig}", &text));
        if let Some(year) = year_target {
            let _ = write!(sentence, " by {year}");
        }
        sentence.push('.');
        self.story.figures.push(Figure {
            text,
            value,
            unit,
            qualifier,
            year_target,
            quote: sentence.clone(),
        });
        sentence
    }

    fn event(&mut self) -> String {
        let (year, month, _) = self.story.date;
        let noun = *self.rng.pick(EVENT_NOUNS);
        let index = self.rng.below(self.story.orgs.len());
        let org = self.short(index);
        let kw = self.keyword();
        let place = self.place();
        let m = self.rng.range(1, usize::from(month)) as u8;
        let month = month_name(m);
        let d = self.rng.range(1, usize::from(days_in_month(year, m)) - 3);
        let mut date_end = None;
        let mut planned = false;
        let (date, quote, title) = match self.rng.below(4) {
            0 => (
                format!("{year}-{m:02}-{d:02}"),
                format!("On {month} {d}, {org} held a {noun} on {kw} in {place}."),
                format!("{org} holds {noun} on {kw}"),
            ),
            1 => {
                let end = d + self.rng.range(1, 3);
                date_end = Some(format!("{year}-{m:02}-{end:02}"));
                (
                    format!("{year}-{m:02}-{d:02}"),
                    format!("The {noun} organized by {org} ran from {month} {d} to {end}, drawing companies working on {kw}."),
                    format!("{org} runs {noun} on {kw}"),
                )
            }
            2 => {
                let pm = self.rng.range(1, 12);
                planned = true;
                (
                    format!("{}-{pm:02}", year + 1),
                    format!(
                        "{org} plans to hold a {noun} on {kw} in {} {}.",
                        month_name(pm as u8),
                        year + 1
                    ),
                    format!("{org} to hold {noun} on {kw}"),
                )
            }
            _ => {
                let target = year + self.rng.range(1, 6) as i32;
                planned = true;
                (
                    format!("{target}"),
                    format!(
                        "{org} aims to start mass production in {target} under its {kw} program."
                    ),
                    format!("{org} targets mass production under {kw} program"),
                )
            }
        };
        self.story.events.push(Event {
            date,
            date_end,
            title,
            planned,
            quote: quote.clone(),
        });
        quote
    }

    fn table(&mut self) -> Block {
        let year = self.story.date.0;
        let mut rows = vec![vec![
            "Item".to_string(),
            format!("{}", year - 1),
            format!("{year}"),
            format!("{} (plan)", year + 1),
        ]];
        for label in [
            "Capacity (GWh)",
            "Employees",
            "R&D budget (KRW billion)",
            "Suppliers",
        ] {
            let base = self.rng.range(10, 900);
            let mut row = vec![label.to_string()];
            for step in 0..3 {
                row.push(thousands((base + step * self.rng.range(1, 60)) as u64));
            }
            rows.push(row);
        }
        Block::Table(rows)
    }

    fn code(&mut self) -> Block {
        let chemistry = *self.rng.pick(&["NCM811", "LFP", "NCMA", "LMFP", "Na-ion"]);
        let cycles = self.rng.range(2, 20) * 100;
        if self.rng.chance(0.5) {
            let text = format!(
                "[cycle_test]\nchemistry = \"{chemistry}\"\nc_rate = 0.5\ncycles = {cycles}\ntemperature_c = {}\ncutoff_v = [2.8, 4.2]\n",
                self.rng.range(15, 45)
            );
            Block::Code("toml", text)
        } else {
            let text = format!(
                "{{\n  \"chemistry\": \"{chemistry}\",\n  \"cycles\": {cycles},\n  \"retention_pct\": {},\n  \"passed\": true\n}}\n",
                self.rng.range(70, 99)
            );
            Block::Code("json", text)
        }
    }
}

fn count_words(text: &str) -> usize {
    text.split_ascii_whitespace().count()
}

pub(super) use super::thousands;

pub(super) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Story {
    /// `YYYY-MM-DD`.
    pub(crate) fn date_string(&self) -> String {
        let (y, m, d) = self.date;
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// The article file: front matter and Markdown body.
    pub(crate) fn to_markdown(&self, world: &World) -> String {
        let mut out = String::with_capacity(8192);
        self.front_matter(world, &mut out);
        for block in &self.blocks {
            out.push('\n');
            match block {
                Block::Heading(level, text) => {
                    let _ = writeln!(out, "{} {text}", "#".repeat(usize::from(*level)));
                }
                Block::Para(text) => {
                    out.push_str(text);
                    out.push('\n');
                }
                Block::List(ordered, items) => {
                    for (i, item) in items.iter().enumerate() {
                        if *ordered {
                            let _ = writeln!(out, "{}. {item}", i + 1);
                        } else {
                            let _ = writeln!(out, "- {item}");
                        }
                    }
                }
                Block::Table(rows) => {
                    for (i, row) in rows.iter().enumerate() {
                        let _ = writeln!(out, "| {} |", row.join(" | "));
                        if i == 0 {
                            let _ = writeln!(out, "|{}", "---|".repeat(row.len()));
                        }
                    }
                }
                Block::Code(lang, text) => {
                    let _ = write!(out, "```{lang}\n{text}```\n");
                }
            }
        }
        out
    }

    fn front_matter(&self, world: &World, out: &mut String) {
        let (publisher, domain) = PUBLISHERS[self.publisher];
        let _ = write!(
            out,
            "---\ntitle: {}\ndate: {}\n",
            quote(&self.title),
            self.date_string()
        );
        if self.inferred {
            out.push_str("date_basis: inferred\ndate_reason: \"the page gives no date; taken from the publisher's archive listing\"\n");
        }
        let _ = write!(
            out,
            "source:\n  publisher: {}\n  url: \"https://{domain}/news/{}\"\n  seed: null\nsummary: {}\n",
            quote(publisher),
            self.slug,
            quote(&self.summary)
        );
        let slugs = |items: &mut dyn Iterator<Item = &str>| items.collect::<Vec<_>>().join(", ");
        let _ = writeln!(
            out,
            "topics: [{}]",
            slugs(&mut self.topics.iter().map(|&t| world.topics[t].slug))
        );
        let _ = writeln!(
            out,
            "organizations: [{}]",
            slugs(&mut self.orgs.iter().map(|&o| world.orgs[o].slug.as_str()))
        );
        out.push_str("people:\n");
        for p in &self.people {
            let _ = write!(
                out,
                "  - name: {}\n    role: {}\n    organization: {}\n    quote: {}\n",
                quote(&p.name),
                quote(p.role),
                world.orgs[p.org].slug,
                quote(&p.quote)
            );
        }
        let _ = writeln!(
            out,
            "places: [{}]",
            slugs(&mut self.places.iter().map(|&p| world.places[p].slug.as_str()))
        );
        out.push_str("figures:\n");
        for f in &self.figures {
            let _ = write!(
                out,
                "  - text: {}\n    value: {}\n    unit: {}\n",
                quote(&f.text),
                f.value,
                quote(f.unit)
            );
            if let Some(q) = f.qualifier {
                let _ = writeln!(out, "    qualifier: {}", quote(q));
            }
            if let Some(y) = f.year_target {
                let _ = writeln!(out, "    year_target: {y}");
            }
            let _ = writeln!(out, "    quote: {}", quote(&f.quote));
        }
        out.push_str("events:\n");
        for e in &self.events {
            let _ = writeln!(out, "  - date: {}", quote(&e.date));
            if let Some(end) = &e.date_end {
                let _ = writeln!(out, "    date_end: {}", quote(end));
            }
            let _ = writeln!(out, "    title: {}", quote(&e.title));
            if e.planned {
                out.push_str("    planned: true\n");
            }
            let _ = writeln!(out, "    quote: {}", quote(&e.quote));
        }
        let _ = write!(out, "draft: {}\n---\n", self.draft);
    }
}
