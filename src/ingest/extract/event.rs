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
use crate::ingest::text::token::tokenize;
use crate::ingest::text::words::{word_list, Words};
pub(crate) use title::headline;
use title::title;

/// Words that mark a sentence as a plan.
static PLAN_WORDS: Words = word_list!("extract/plan-words.txt");
/// Korean plan words ("예정", "계획"), matched anywhere in a sentence.
static KOREAN_PLAN_WORDS: Words = word_list!("korean/plan-words.txt");

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
            // "said on Monday it will …": the date is the telling, not the plan.
            let told = reported_at(&sentence.text[..mention.start]);
            let planned = (planned_sentence && !told && !is_past(&mention, published))
                || is_future(&mention, published);
            let event = Event {
                date: mention.date,
                date_end: mention.date_end,
                title: if is_hangul_text(sentence.text) {
                    korean_title(sentence.text, &mention)
                } else {
                    title(sentence.text, &mention)
                },
                planned,
                quote: Some(sentence.text.to_string()),
                about: None,
            };
            // A Korean story restating a date ("6월까지" twice) tells one event.
            let korean = is_hangul_text(sentence.text);
            let duplicate = out.iter().any(|e| {
                e.date == event.date
                    && e.date_end == event.date_end
                    && (korean || e.title == event.title)
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
    // "SEOUL", "RENO, Nev.", "NINGDE, China": the city is in capitals.
    let capital_place = place.is_some_and(|p| {
        let city = p.split(',').next().unwrap_or("").trim();
        !city.is_empty()
            && p.len() < 30
            && city.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && city
                .chars()
                .all(|c| c.is_uppercase() || c == ' ' || c == '.')
    });
    let after = sentence[mention.end..].trim_start();
    let credit = after.starts_with('(')
        && after.find(')').is_some_and(|close| {
            close < 30
                && after[close + 1..]
                    .trim_start()
                    .starts_with(['-', '\u{2014}', '\u{2013}'])
        });
    let wire_tag = after.starts_with('/') && after[1..].find("/ ").is_some_and(|end| end < 30);
    (mention.start < 40 && capital_place) || credit || wire_tag
}

/// True when the text before a date ends with a verb of telling ("said",
/// "announced"), so the date is when the news was told.
fn reported_at(before: &str) -> bool {
    let lower = before.trim_end().to_lowercase();
    [
        "said",
        "says",
        "announced",
        "told reporters",
        "reported",
        "confirmed",
        "unveiled",
    ]
    .iter()
    .any(|verb| {
        lower
            .strip_suffix(verb)
            .is_some_and(|rest| !rest.chars().next_back().is_some_and(char::is_alphanumeric))
    })
}

fn is_plan(sentence: &str) -> bool {
    if is_hangul_text(sentence) {
        return KOREAN_PLAN_WORDS.iter().any(|w| sentence.contains(w));
    }
    let lower = sentence.to_lowercase();
    PLAN_WORDS.iter().any(|w| {
        lower.match_indices(w).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let after = lower[at + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

/// A Korean sentence: English title and plan rules do not apply.
fn is_hangul_text(sentence: &str) -> bool {
    crate::ingest::text::hangul::is_korean(sentence)
}

/// A Korean event's title: its sentence without the date and the full
/// stop, cut at a space when long.
fn korean_title(sentence: &str, mention: &Mention) -> String {
    const MAX_CHARS: usize = 90;
    // The particle that tied the date to the sentence goes with it.
    let after = &sentence[mention.end..];
    let particle = ["까지", "부터", "중에", "중", "에는", "에", "께"]
        .iter()
        .find(|p| after.starts_with(*p))
        .map_or(0, |p| p.len());
    let joined = format!("{} {}", &sentence[..mention.start], &after[particle..]);
    let mut text = joined.split_whitespace().collect::<Vec<_>>().join(" ");
    text = text.trim_end_matches(['.', ' ']).to_string();
    if text.chars().count() > MAX_CHARS {
        let cut: String = text.chars().take(MAX_CHARS).collect();
        let at = cut.rfind(' ').unwrap_or(cut.len());
        text = format!("{}…", &cut[..at]);
    }
    text
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

mod title;

#[cfg(test)]
mod tests;
