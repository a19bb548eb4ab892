//! Extraction, events: dated happenings and dated plans.
//!
//! Takes the story's sentences, the publication date and the figures already
//! found, and gives back one event per date expression that marks something
//! happening ("on April 12", "in June last year", "starting next year"),
//! each with a one-line title made from its sentence and the sentence as
//! quote. States ("since 2020"), deadlines a figure already carries ("KRW
//! 2 trillion by 2030"), photo captions and the page's own date are skipped.

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
            if !is_event(&mention, planned_sentence, &targets) {
                continue;
            }
            let planned = planned_sentence || is_future(&mention, published);
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
    [
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
/// date itself, trimmed to a headline's length.
fn title(sentence: &str, mention: &Mention) -> String {
    let (from, to) = clause(sentence, mention.start);
    let mut text = String::with_capacity(to - from);
    text.push_str(&sentence[from..mention.start.max(from)]);
    text.push(' ');
    text.push_str(&sentence[mention.end.min(to)..to]);
    let mut title = tidy(&text);
    if title.split_whitespace().count() < 4 {
        let whole = format!(
            "{} {}",
            &sentence[..mention.start],
            &sentence[mention.end..]
        );
        title = tidy(&whole);
    }
    shorten(&title)
}

/// Bounds of the clause around `at`: clauses start after ", which",
/// ", for which", ", while", ", and", "; ".
fn clause(sentence: &str, at: usize) -> (usize, usize) {
    const JOINS: &[&str] = &[
        ", for which ",
        ", which ",
        ", while ",
        ", whereas ",
        ", and ",
        "; ",
    ];
    let mut start = 0;
    let mut end = sentence.len();
    for join in JOINS {
        for (position, _) in sentence.match_indices(join) {
            let after = position + join.len();
            if after <= at && after > start {
                start = after;
            }
            if position > at && position < end {
                end = position;
            }
        }
    }
    (start, end)
}

/// Collapse spaces, drop dangling punctuation and leading connectives.
fn tidy(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut joined = words.join(" ").replace(" ,", ",").replace(" .", ".");
    for lead in [", ", "and ", "but "] {
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
