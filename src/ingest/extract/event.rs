//! Extraction, events: dated happenings and dated plans.
//!
//! Takes the story's sentences, the publication date and the figures already
//! found, and gives back one event per date expression that marks something
//! happening ("on April 12", "in June last year", "starting next year"),
//! each with a one-line title made from its sentence and the sentence as
//! quote. States ("since 2020"), deadlines a figure already carries ("KRW
//! 2 trillion by 2030"), photo captions and the page's own date are skipped.

use super::token::tokenize;
use super::when::{mentions, Cue, Mention};
use super::Sentence;
use crate::content::date::PartialDate;
use crate::content::front_matter::{Event, Figure};

/// Longest title kept, in characters.
const TITLE_LIMIT: usize = 120;

/// Words that mark a sentence as a plan.
const PLAN_WORDS: &[&str] = &[
    "will",
    "plans",
    "plan",
    "planned",
    "planning",
    "scheduled",
    "intends",
    "intend",
    "aims",
    "aim",
    "expected",
    "upcoming",
    "going to",
    "to be held",
    "next year",
    "starting from",
];

/// Events in story order, without duplicates.
pub(crate) fn events(
    sentences: &[&Sentence<'_>],
    published: Option<PartialDate>,
    figures: &[Figure],
) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    let mut last_full = published.filter(PartialDate::is_full);
    for sentence in sentences {
        if is_caption(sentence.text) {
            continue;
        }
        let targets: Vec<i32> = figures
            .iter()
            .filter(|f| f.quote.as_deref() == Some(sentence.text))
            .filter_map(|f| f.year_target)
            .collect();
        let planned_sentence = is_plan(sentence.text);
        for mention in mentions(sentence.text, published, last_full) {
            if mention.date.is_full() {
                last_full = Some(mention.date);
            }
            if !is_event(&mention, planned_sentence, &targets)
                || is_dateline(sentence.text, &mention)
            {
                continue;
            }
            let planned = (planned_sentence && !is_past(&mention, published))
                || is_future(&mention, published);
            let event = Event {
                date: mention.date,
                date_end: mention.date_end,
                title: title(sentence.text, &mention),
                planned,
                quote: Some(sentence.text.to_string()),
            };
            let duplicate = out.iter().any(|e| {
                e.date == event.date && e.date_end == event.date_end && e.title == event.title
            });
            if !duplicate && !event.title.is_empty() {
                out.push(event);
            }
        }
    }
    out
}

/// The year a story without a publication date is about: the year it
/// names most often (ties: the latest), leaving out deadlines ("by 2030").
pub(crate) fn anchor_year(sentences: &[Sentence<'_>]) -> Option<PartialDate> {
    let mut counts: std::collections::BTreeMap<i32, usize> = std::collections::BTreeMap::new();
    for sentence in sentences {
        let tokens = tokenize(sentence.text);
        for (i, token) in tokens.iter().enumerate() {
            let deadline = i > 0
                && ["by", "until", "till", "through", "via", "to"]
                    .iter()
                    .any(|w| tokens[i - 1].is(w));
            let year = token
                .text
                .parse::<i32>()
                .ok()
                .filter(|y| token.text.len() == 4 && (1900..=2100).contains(y));
            if let (Some(year), false) = (year, deadline) {
                *counts.entry(year).or_default() += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(year, count)| (count, year))
        .map(|(year, _)| PartialDate::y(year))
}

/// Which date mentions mark an event.
fn is_event(mention: &Mention, planned: bool, targets: &[i32]) -> bool {
    let year_only = mention.date.month.is_none();
    if year_only && targets.contains(&mention.date.year) {
        return false;
    }
    match mention.cue {
        Cue::Since | Cue::Until => false,
        Cue::By => planned,
        Cue::At => true,
    }
}

fn is_future(mention: &Mention, published: Option<PartialDate>) -> bool {
    published.is_some_and(|p| {
        let precision = |d: PartialDate| (d.year, d.month.filter(|_| mention.date.month.is_some()));
        precision(mention.date) > precision(p)
    })
}

fn is_past(mention: &Mention, published: Option<PartialDate>) -> bool {
    published.is_some_and(|p| {
        let precision = |d: PartialDate| {
            (
                d.year,
                d.month.filter(|_| mention.date.month.is_some()),
                d.day.filter(|_| mention.date.day.is_some()),
            )
        };
        precision(mention.date) < precision(p)
    })
}

/// "SEOUL, May 3 (Reuters) -": the wire dateline, the publication date.
fn is_dateline(sentence: &str, mention: &Mention) -> bool {
    let before = sentence[..mention.start].trim_end();
    let place = before.strip_suffix(',').map(str::trim);
    let capital_place = place.is_some_and(|p| {
        !p.is_empty() && p.len() < 30 && p.chars().all(|c| c.is_uppercase() || c == ' ' || c == '.')
    });
    let after = sentence[mention.end..].trim_start();
    let credit = after.starts_with('(')
        && after.find(')').is_some_and(|close| {
            close < 30
                && after[close + 1..]
                    .trim_start()
                    .starts_with(['-', '\u{2014}', '\u{2013}'])
        });
    (mention.start < 40 && capital_place) || credit
}

fn is_plan(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    PLAN_WORDS.iter().any(|w| {
        lower.match_indices(w).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// Photo captions and credits carry photo dates, not story events.
fn is_caption(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    let credit = ["source:", "copyright", "\u{a9}"]
        .iter()
        .any(|p| lower.starts_with(p));
    credit
        || [
            "photo by",
            "(photo",
            "photo courtesy",
            "photo=",
            "[photo",
            "provided by",
        ]
        .iter()
        .any(|p| lower.contains(p))
}

/// A compact line for the event: the clause holding the date, without the
/// date itself, trimmed to a headline's length. A clause too short to say
/// anything ("On the morning of May 3") gives way to the clause after it;
/// a trailing modifier (", starting next year") to the main clause before.
fn title(sentence: &str, mention: &Mention) -> String {
    let clauses = clauses(sentence);
    let mut at = clauses
        .iter()
        .position(|&(from, to)| from <= mention.start && mention.start < to)
        .unwrap_or(0);
    let words = |(from, to): (usize, usize)| {
        let kept = format!(
            "{} {}",
            &sentence[from..mention.start.clamp(from, to)],
            &sentence[mention.end.clamp(from, to)..to]
        );
        tidy(&kept)
    };
    let clause = |k: usize| &sentence[clauses[k].0..clauses[k].1];
    if content_words(&words(clauses[at])) < 3 {
        // A leading date frame gives way to the clause after it; a short
        // tail (the end of a list) joins the clause before it.
        if at == 0 && clauses.len() > 1 {
            return shorten(&words(clauses[1]));
        }
        if at > 0 {
            return shorten(&words((clauses[at - 1].0, clauses[at].1)));
        }
    } else if is_modifier(clause(at)) {
        if let Some(main) = (0..at).rev().find(|&k| !is_modifier(clause(k))) {
            at = main;
        }
    }
    let text = words(clauses[at]);
    // "CATL, the largest maker, reported …": give the verb its subject.
    let subject = clause(0).trim();
    if at > 0 && starts_with_verb(clause(at)) && subject.split_whitespace().count() <= 5 {
        return shorten(&format!("{subject} {}", lowercase_first(&text)));
    }
    shorten(&text)
}

/// A clause opening with a lowercase verb-like word, not an article or
/// pronoun that brings its own subject.
fn starts_with_verb(clause: &str) -> bool {
    const OWN_SUBJECT: &[&str] = &[
        "the", "a", "an", "it", "they", "he", "she", "we", "this", "that", "which", "for", "while",
        "whereas", "and", "but", "its", "their", "in", "on", "at", "with", "from",
    ];
    let first = clause.split_whitespace().next().unwrap_or("");
    first.starts_with(char::is_lowercase) && !OWN_SUBJECT.contains(&first)
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Words that carry meaning, not the frame of a date ("on the morning of").
fn content_words(text: &str) -> usize {
    const FRAME: &[&str] = &[
        "the",
        "of",
        "on",
        "in",
        "at",
        "morning",
        "afternoon",
        "evening",
        "early",
        "late",
        "end",
        "beginning",
        "start",
        "mid",
        "from",
        "since",
        "during",
    ];
    text.split_whitespace()
        .filter(|w| !FRAME.iter().any(|f| w.eq_ignore_ascii_case(f)))
        .count()
}

/// A clause that only modifies another: "starting from next year …",
/// "including …", "with support from …".
fn is_modifier(clause: &str) -> bool {
    const OPENERS: &[&str] = &[
        "with",
        "from",
        "including",
        "following",
        "after",
        "before",
        "to",
    ];
    let first = clause.split_whitespace().next().unwrap_or("");
    let lower = first.to_lowercase();
    lower.ends_with("ing") && lower.len() > 4 || OPENERS.contains(&lower.as_str())
}

/// Clause bounds: a comma or semicolon followed by a lowercase word starts
/// a new clause (", the ministry said", ", for which …"); commas inside
/// names ("Ministry of Trade, Industry and Energy") do not.
fn clauses(sentence: &str) -> Vec<(usize, usize)> {
    let mut bounds = Vec::new();
    let mut start = 0;
    for (position, c) in sentence.char_indices() {
        if c != ',' && c != ';' {
            continue;
        }
        let rest = sentence[position + 1..].trim_start();
        let lower = rest.chars().next().is_some_and(char::is_lowercase);
        if lower {
            bounds.push((start, position));
            start = position + 1;
        }
    }
    bounds.push((start, sentence.len()));
    bounds
}

/// Collapse spaces, drop dangling punctuation and leading connectives.
fn tidy(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut joined = words.join(" ").replace(" ,", ",").replace(" .", ".");
    for lead in [
        ", ",
        "and ",
        "but ",
        "for which ",
        "which ",
        "while ",
        "whereas ",
    ] {
        if let Some(rest) = joined.strip_prefix(lead) {
            joined = rest.to_string();
        }
    }
    let trimmed = joined.trim_matches(|c: char| matches!(c, ',' | ' ' | '.' | ';' | ':'));
    let mut chars = trimmed.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// At most `TITLE_LIMIT` characters, cut at a word boundary.
fn shorten(title: &str) -> String {
    if title.chars().count() <= TITLE_LIMIT {
        return title.to_string();
    }
    let cut: String = title.chars().take(TITLE_LIMIT).collect();
    let end = cut.rfind(' ').unwrap_or(cut.len());
    cut[..end].trim_end_matches([',', ';', ':']).to_string()
}

#[cfg(test)]
mod tests;
