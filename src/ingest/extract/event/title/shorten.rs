//! Events, titles, shortening: any clause down to a headline's length.
//!
//! Takes a clause or lead sentence; gives back at most `TITLE_LIMIT`
//! characters of it, cut where a phrase ends, never mid-name, never on a
//! function word, keeping a closing phrase that holds the point when the
//! text runs only a little over.

use super::phrase::{is_modifier_word, use_acronyms};
use super::{REPORTING, TITLE_LIMIT};
use crate::ingest::text::words::{word_list, Words};

/// Where a long title may end: before a clause of purpose, manner or place.
static TITLE_BREAKS: Words = word_list!("extract/event-title-breaks.txt");

/// Words a title never ends on.
static DANGLING: Words = word_list!("extract/event-title-dangling.txt");

/// A compact, complete clause of at most `TITLE_LIMIT` characters: no
/// dateline, no "(…)" asides (a name with an acronym becomes the acronym
/// when the text runs long), no "announced that it", cut before a
/// trailing purpose or place phrase rather than mid-phrase or mid-name,
/// never ending on a function word or a modifier waiting for its noun.
pub(in crate::ingest::extract::event) fn shorten(title: &str) -> String {
    let text = compact(title);
    let cut_short = text.chars().count() > TITLE_LIMIT && !ends_in_key_phrase(&text);
    let kept = if cut_short {
        &text[..cut_point(&text)]
    } else {
        &text[..]
    };
    let mut words: Vec<&str> = kept.split_whitespace().collect();
    if cut_short
        && text[kept.len()..]
            .trim_start()
            .starts_with(char::is_uppercase)
    {
        // Never keep half a name ("the Ochang Science Industrial").
        while words.len() > 3
            && words
                .last()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
        {
            words.pop();
        }
    }
    drop_dangling(&mut words);
    // A cut text may end on a word waiting for its noun ("the first
    // government-funded"): drop it and what then dangles.
    while cut_short && words.len() > 3 && words.last().is_some_and(|w| is_modifier_word(w)) {
        words.pop();
        drop_dangling(&mut words);
    }
    let text = uppercase_first(words.join(" ").trim_end_matches([',', ';', ':', ' ']));
    without_sentence_end(&text)
}

/// A title taken from the end of a quotation keeps neither the quotation's
/// closing mark nor the sentence's full stop: "…technologies.”" → "…technologies".
fn without_sentence_end(text: &str) -> String {
    let mut end = text;
    let opens = end.matches('\u{201c}').count();
    if end.ends_with('\u{201d}') && end.matches('\u{201d}').count() > opens {
        end = &end[..end.len() - '\u{201d}'.len_utf8()];
    } else if end.ends_with('"') && end.matches('"').count() % 2 == 1 {
        end = &end[..end.len() - 1];
    }
    // A full stop after a lowercase word ends a sentence; after "Co." or
    // "U.S." it belongs to the word.
    if let Some(stem) = end.strip_suffix('.') {
        let last = stem.rsplit(' ').next().unwrap_or("");
        if !last.is_empty() && last.chars().all(|c| c.is_lowercase() || c == '-') {
            end = stem;
        }
    }
    end.to_string()
}

/// The title without dateline, asides, opening connective or reporting
/// verb; with acronyms for defined names when it runs long.
fn compact(title: &str) -> String {
    let title = crate::ingest::text::dateline::strip_dateline(title);
    let mut text = crate::ingest::text::aside::drop_asides(title);
    if text.chars().count() > TITLE_LIMIT {
        // A name the text gives an acronym for is the first thing to go.
        text = crate::ingest::text::aside::drop_asides(&use_acronyms(title));
    }
    for lead in [
        "Meanwhile, ",
        "In addition, ",
        "Also, ",
        "Additionally, ",
        "However, ",
    ] {
        if let Some(rest) = text.strip_prefix(lead) {
            text = rest.to_string();
        }
    }
    unreport(&text)
}

/// Where a text over the limit is cut: a break late enough to keep the
/// verb and its object; else the end of a quotation that closes soon
/// after the limit; else the last space outside a quotation.
fn cut_point(text: &str) -> usize {
    let limit = text
        .char_indices()
        .nth(TITLE_LIMIT)
        .map_or(text.len(), |(i, _)| i);
    let breaks = TITLE_BREAKS
        .iter()
        .flat_map(|b| text[..limit].match_indices(b).map(|(i, _)| i))
        .filter(|&i| i * 5 >= limit * 2 && outside_any_quote(text, i))
        .max();
    // The end of the text counts as a space after the last word.
    let spaces: Vec<usize> = text
        .match_indices(' ')
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let outside = |i: &&usize| outside_any_quote(text, **i);
    let in_quote = !outside_any_quote(text, limit);
    let last_space = |min: &dyn Fn(usize) -> bool| {
        spaces
            .iter()
            .filter(|&&i| i <= limit && min(i))
            .filter(outside)
            .max()
            .copied()
    };
    breaks
        .or_else(|| {
            spaces
                .iter()
                .filter(|&&i| in_quote && i > limit && i <= limit + 60)
                .find(outside)
                .copied()
        })
        .or_else(|| last_space(&|i| i * 5 >= limit * 3))
        .or_else(|| last_space(&|i| text[..i].split_whitespace().count() >= 5))
        .unwrap_or_else(|| text[..limit].rfind(' ').unwrap_or(limit))
}

/// Drop function words a title never ends on.
fn drop_dangling(words: &mut Vec<&str>) {
    while words.len() > 3
        && words.last().is_some_and(|w| {
            DANGLING.contains(&w.trim_end_matches([',', ';', ':']).to_lowercase().as_str())
        })
    {
        words.pop();
    }
}

/// The text with its first letter in upper case.
pub(super) fn uppercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// True when byte `i` is outside double and single quotations ("'Theme
/// of the day' forum").
pub(super) fn outside_any_quote(text: &str, i: usize) -> bool {
    let before = &text[..i];
    let opened = before.matches(" '").count() + before.matches(" ‘").count();
    let closed = ["' ", "',", "'.", "’ ", "’,", "’."]
        .iter()
        .map(|c| before.matches(c).count())
        .sum::<usize>();
    crate::ingest::text::aside::outside_quotes(text, i) && opened <= closed
}

/// A text a little over the limit whose last words are one prepositional
/// phrase naming what it is about ("… as the best powerhouse in the
/// secondary battery field"): cutting it would lose the point.
fn ends_in_key_phrase(text: &str) -> bool {
    const SLACK: usize = 20;
    static PREPOSITIONS: Words = word_list!("extract/event-title-key-prepositions.txt");
    if text.chars().count() > TITLE_LIMIT + SLACK || text.contains(['"', '“', '‘']) {
        return false;
    }
    let Some(at) = PREPOSITIONS.iter().filter_map(|p| text.rfind(p)).max() else {
        return false;
    };
    let tail: Vec<&str> = text[at..].split_whitespace().skip(1).collect();
    let nouns = tail
        .iter()
        .filter(|w| !DANGLING.contains(&w.to_lowercase().as_str()));
    text[..at].chars().count() <= TITLE_LIMIT
        && tail.len() <= 6
        && !text[at..].contains([',', ';'])
        && nouns.count() >= 2
}

/// "X announced that it developed …" → "X developed …"; a manner adverb
/// right before the verb ("that it successfully developed") goes too.
/// Without "that", only before a modal or an auxiliary ("X said it will
/// spend …" → "X will spend …"), where the pronoun is surely the subject.
fn unreport(text: &str) -> String {
    static PLAN_AUXILIARIES: Words = word_list!("extract/plan-auxiliaries.txt");
    for verb in &REPORTING {
        for pronoun in ["it", "they", "he", "she", "the company", "the team"] {
            let pattern = format!(" {verb} that {pronoun} ");
            let bare = format!(" {verb} {pronoun} ");
            let found = text.find(&pattern).map(|i| (i, pattern.len())).or_else(|| {
                let i = text
                    .find(&bare)
                    .filter(|_| matches!(pronoun, "it" | "they"))?;
                let next = text[i + bare.len()..].split(' ').next()?;
                PLAN_AUXILIARIES.contains(&next).then_some((i, bare.len()))
            });
            if let Some((i, len)) = found {
                let mut rest = &text[i + len..];
                if let Some((adverb, after)) = rest.split_once(' ') {
                    let verb_follows = after.split(' ').next().is_some_and(|w| w.ends_with("ed"));
                    if adverb.len() > 4 && adverb.ends_with("ly") && verb_follows {
                        rest = after;
                    }
                }
                return format!("{} {}", &text[..i], rest);
            }
        }
    }
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::without_sentence_end;

    #[test]
    fn drops_an_unmatched_closing_quote_and_the_full_stop() {
        assert_eq!(
            without_sentence_end("We will unveil new cells.\u{201d}"),
            "We will unveil new cells"
        );
        assert_eq!(
            without_sentence_end("The plant opens.\""),
            "The plant opens"
        );
        assert_eq!(
            without_sentence_end("KRICT hosted the \u{201c}Forum\u{201d}"),
            "KRICT hosted the \u{201c}Forum\u{201d}"
        );
        assert_eq!(
            without_sentence_end("Deal signed with Acme Co."),
            "Deal signed with Acme Co."
        );
        assert_eq!(
            without_sentence_end("Plant opens in the U.S."),
            "Plant opens in the U.S."
        );
    }
}
