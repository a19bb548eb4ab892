//! Events, titles: a compact, complete clause for each dated happening.
//!
//! Takes the sentence and the date mention inside it; gives back a line of
//! at most `TITLE_LIMIT` characters: the clause holding the date, without
//! the date or its frame ("in the second half of"), the dateline, "(…)"
//! asides or "announced that it", cut before a trailing phrase rather than
//! mid-phrase, never ending on a function word.

use super::super::when::Mention;
use crate::ingest::text::words::{word_list, Words};

/// Longest title kept, in characters.
const TITLE_LIMIT: usize = 100;

/// A compact headline from a lead sentence: the same rules as an event
/// title (no dateline, asides or "announced that it", cut before a
/// trailing phrase, never on a function word), without its dates and their
/// frames ("on March 11"), at most `TITLE_LIMIT` characters.
pub(crate) fn headline(sentence: &str) -> String {
    let mut text = String::with_capacity(sentence.len());
    let mut from = 0;
    // Only where the dates sit matters here, so any anchor will do: it
    // lets "on March 11" be found without a year.
    let anchor = Some(crate::content::date::PartialDate {
        year: 2000,
        month: Some(1),
        day: Some(1),
    });
    let mentions = super::super::when::mentions(sentence, anchor, None);
    for mention in mentions
        .iter()
        .filter(|m| outside_any_quote(sentence, m.start))
    {
        text.push_str(without_frame(&sentence[from..mention.start], sentence));
        text.push(' ');
        from = mention.end;
    }
    text.push_str(&sentence[from..]);
    let text = tidy(&text);
    // A date that was the whole sentence leaves nothing: keep the sentence.
    let text = if content_words(&text) < 3 {
        sentence
    } else {
        &text
    };
    shorten(text)
}

/// A compact line for the event: the clause holding the date, without the
/// date itself, trimmed to a headline's length. A clause too short to say
/// anything ("On the morning of May 3") gives way to the clause after it;
/// a trailing modifier (", starting next year") to the main clause before.
pub(super) fn title(sentence: &str, mention: &Mention) -> String {
    let clauses = clauses(sentence);
    let mut at = clauses
        .iter()
        .position(|&(from, to)| from <= mention.start && mention.start < to)
        .unwrap_or(0);
    let words = |(from, to): (usize, usize)| {
        let kept = format!(
            "{} {}",
            without_frame(&sentence[from..mention.start.clamp(from, to)], sentence),
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
            // Join back until the clause says something: a list split at
            // its commas ("materials, parts, and equipment") is one phrase.
            let mut from = at - 1;
            while from > 0 && content_words(&words((clauses[from].0, clauses[at].1))) < 6 {
                from -= 1;
            }
            return shorten(&words((clauses[from].0, clauses[at].1)));
        }
    } else if at > 0 && is_attribution(&words(clauses[at])) {
        // "…, the two companies said Tuesday": the news is the clause before.
        let main = shorten(&tidy(clause(at - 1)));
        if content_words(&main) >= 3 {
            return main;
        }
    } else if is_modifier(clause(at)) {
        if let Some(main) = (0..at).rev().find(|&k| !is_modifier(clause(k))) {
            at = main;
        }
    }
    let text = words(clauses[at]);
    // "On May 3, Jane Roe, Minister of Energy, announced …": the date's
    // clause is a subject and its apposition; the verb opens the next.
    // An apposition names the subject again in two words or more ("Dayton,
    // Ohio, said to be …" is a place's); a verb of speech after it is an
    // attribution or a hearsay ("said Jane Roe", "said to be").
    if let Some((subject, apposition)) = text.split_once(", ") {
        let verb_next = clauses.get(at + 1).is_some_and(|&(from, to)| {
            let next = &sentence[from..to];
            let first = next.split_whitespace().next().unwrap_or("");
            starts_with_verb(next.trim())
                && !is_modifier(next)
                && !crate::ingest::extract::person::SPEECH.contains(&first)
                && next.split_whitespace().count() >= 3
        });
        let names_again = apposition.split_whitespace().count() >= 2;
        if verb_next && names_again && subject.split_whitespace().count() <= MAX_SUBJECT_WORDS {
            let verb = lowercase_first(&tidy(clause(at + 1)));
            return shorten(&format!("{subject} {verb}"));
        }
    }
    if at > 0 {
        if let Some(subject) = subject_for(clause(0), clause(at - 1), clause(at)) {
            return shorten(&format!("{subject} {}", lowercase_first(&text)));
        }
    }
    if at > 0 {
        return shorten(&without_leading_report(&text, clause(at)));
    }
    shorten(&text)
}

/// Words of a subject a clause may borrow: longer, it is a phrase.
const MAX_SUBJECT_WORDS: usize = 6;

/// The subject a clause without one borrows: the antecedent of a relative
/// clause ("a new plant in Ulm, which is due to …"), or the sentence's
/// subject before a verb ("CATL, the largest maker, reported …"), with
/// "is" before a predicate adjective ("The line, due to start …").
fn subject_for(first: &str, before: &str, clause: &str) -> Option<String> {
    if phrase::relative_body(clause).is_some() {
        return phrase::antecedent(before);
    }
    let subject = crate::ingest::text::aside::drop_asides(
        crate::ingest::text::dateline::strip_dateline(first.trim()),
    );
    if !starts_with_verb(clause) || subject.split_whitespace().count() > MAX_SUBJECT_WORDS {
        return None;
    }
    if phrase::needs_copula(clause.trim()) {
        return Some(format!("{subject} is"));
    }
    Some(subject)
}

/// The text before a removed date without the frame that led to it:
/// "operating in the second half of" → "operating", "production by" →
/// "production". `sentence` is the whole sentence `before` opens.
fn without_frame<'a>(before: &'a str, sentence: &str) -> &'a str {
    static FRAME: Words = word_list!("extract/event-title-date-frame.txt");
    // "start", "end" and "beginning" frame a date only before "of" ("at
    // the start of 2026"); otherwise they are the verb ("Deliveries start
    // in the second quarter of 2026").
    let verb_alike = |word: &str, after: Option<&str>| {
        matches!(word, "start" | "end" | "beginning") && after != Some("of")
    };
    // "SK On on Friday": in running text a frame word written like a name
    // ("On", not "Q1" or "1H") is a name's ("SK On"); a headline
    // capitalizes every word.
    let title_cased = crate::ingest::text::token::headline_cased(sentence);
    let name_like = |word: &str| {
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
    };
    let mut rest = before.trim_end();
    let mut after: Option<String> = None;
    while let Some((head, last)) = rest.rsplit_once(' ') {
        let word = last.to_lowercase();
        let framing = title_cased || !name_like(last);
        if framing && FRAME.contains(&word.as_str()) && !verb_alike(&word, after.as_deref()) {
            rest = head.trim_end();
            after = Some(word);
        } else {
            break;
        }
    }
    if FRAME.contains(&rest.to_lowercase().as_str()) {
        ""
    } else {
        rest
    }
}

/// A clause opening with a lowercase verb-like word, not an article or
/// pronoun that brings its own subject.
fn starts_with_verb(clause: &str) -> bool {
    static OWN_SUBJECT: Words = word_list!("extract/event-title-own-subject.txt");
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
    static FRAME: Words = word_list!("extract/event-title-frame-words.txt");
    text.split_whitespace()
        .filter(|w| !FRAME.iter().any(|f| w.eq_ignore_ascii_case(f)))
        .count()
}

/// A clause that only modifies another: "starting from next year …",
/// "including …", "with support from …".
fn is_modifier(clause: &str) -> bool {
    static OPENERS: Words = word_list!("extract/event-title-modifier-openers.txt");
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
        "who ",
        "that ",
        "while ",
        "whereas ",
    ] {
        if let Some(rest) = joined.strip_prefix(lead) {
            joined = rest.to_string();
        }
    }
    // "▷ Opening a plant": the sign that sets a summary point off.
    let joined = joined.trim_start_matches(|c: char| {
        crate::ingest::text::line::is_set_off_sign(c) || c.is_whitespace()
    });
    shorten::uppercase_first(
        joined.trim_matches(|c: char| matches!(c, ',' | ' ' | '.' | ';' | ':')),
    )
}

/// Verbs that only report the clause after them: "X announced that it
/// developed …" says "X developed …".
static REPORTING: Words = word_list!("extract/reporting-verbs.txt");

/// Auxiliaries and modals: a clause holding one after its reporting verb
/// tells what was said with a verb of its own.
static AUXILIARIES: Words = word_list!("extract/auxiliaries.txt");

/// "…, but said production would not start" → "production would not
/// start": a later clause that opens with its reporting verb (written in
/// lowercase, its subject the sentence's) tells what was said after it.
/// "Added capacity will come online" opens with an adjective.
fn without_leading_report(clause: &str, written: &str) -> String {
    let written = written.trim_start();
    let written = ["but ", "and "]
        .iter()
        .find_map(|c| written.strip_prefix(c))
        .unwrap_or(written);
    let lowercase = written.starts_with(char::is_lowercase);
    let Some((verb, said)) = clause.split_once(' ') else {
        return clause.to_string();
    };
    if !lowercase {
        return clause.to_string();
    }
    let said = said.strip_prefix("that ").unwrap_or(said);
    let has_verb = said
        .split_whitespace()
        .skip(1)
        .take(4)
        .any(|w| AUXILIARIES.contains(&w.to_lowercase().as_str()));
    if REPORTING.contains(&verb.to_lowercase().as_str()) && has_verb {
        said.to_string()
    } else {
        clause.to_string()
    }
}

/// "The company said in a filing", "the ministry announced": who said it,
/// not what happened.
fn is_attribution(clause: &str) -> bool {
    let words: Vec<&str> = clause.split_whitespace().collect();
    let verb = words
        .iter()
        .take(5)
        .position(|w| REPORTING.contains(&w.to_lowercase().as_str()));
    // "said production would not start …": what was said, with its own
    // verb, is the news.
    let reports_a_plan = verb.is_some_and(|v| {
        words[v + 1..]
            .iter()
            .any(|w| AUXILIARIES.contains(&w.to_lowercase().as_str()))
    });
    words.len() <= 8 && verb.is_some() && !reports_a_plan && !words.contains(&"that")
}

mod phrase;
mod shorten;
use shorten::outside_any_quote;
pub(super) use shorten::shorten;
