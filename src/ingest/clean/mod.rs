//! Ingest, second step: scrape noise out, story structure in.
//!
//! Takes the normalized text of one seed (`seed`); gives back the page's
//! headline, when it has one, and the story as [`Document`] blocks. Lines
//! are classified one by one (`noise`), then against the whole page
//! (`page`), then grouped into headings, lists and paragraphs
//! (`structure`). Metadata lines are dropped here; `meta` reads dates and
//! publishers from the raw text itself.

mod noise;
mod page;
mod structure;
pub(crate) mod vocab;

use crate::ingest::document::Cleaned;
use crate::ingest::text::line::{ends_sentence, split_marker, word_count, Marker};
use crate::ingest::text::stamp::headline_stamp;
use crate::ingest::text::vocab::FUNCTION_WORDS;
use crate::ingest::text::words::{word_list, Words};
use noise::Line;

/// Clean one seed's normalized text.
pub(crate) fn clean(text: &str) -> Cleaned {
    let mut lines: Vec<Line> = text.lines().map(noise::classify).collect();
    page::apply(&mut lines);
    let masthead = lines
        .iter()
        .filter_map(|line| match line {
            Line::Story(text) => Some(text),
            _ => None,
        })
        .take(3)
        .find(|text| is_name_line(text))
        .map(|text| text.trim().to_string());
    let headline = take_headline(&mut lines);
    // Only a labelled list: a line guessed to be another headline (above
    // the chosen one) may be the page's own stamp line. A comment thread
    // follows the story; a story quoted in it is dated there. The site
    // bar's clock dates the visit.
    let raw: Vec<&str> = text.lines().collect();
    let other_stories = (0..lines.len())
        .filter(|&i| {
            matches!(
                lines[i],
                Line::Noise("related-label" | "related-headline" | "comments")
            ) || page::is_page_clock(&raw, i)
        })
        .collect();
    Cleaned {
        headline,
        document: structure::build(&lines),
        masthead,
        other_stories,
    }
}

/// The headline is a story line before the lead that is not a sentence: a
/// few words, no full stop, no trailing comma or colon, not a list item or
/// a section title. When several come before the lead, the first of four
/// words or more wins: shorter ones above it are the site's name or a
/// section label, and are dropped with it. The headline leaves the body,
/// which the page renders under the title anyway.
fn take_headline(lines: &mut [Line]) -> Option<String> {
    let story: Vec<usize> = (0..lines.len())
        .filter(|&i| matches!(lines[i], Line::Story(_)))
        .collect();
    let mut before_lead: Vec<usize> = story
        .iter()
        .copied()
        .take_while(|&i| matches!(&lines[i], Line::Story(t) if !starts_lead(t)))
        .collect();
    if let Some(at) = before_lead
        .iter()
        .position(|&i| wrapped_lead(lines, i, &before_lead))
    {
        before_lead.truncate(at);
    }
    // A masthead ("Korea Institute of Science and Technology", "Acme Co.,
    // Limited") names the site, not the story.
    for &i in &before_lead {
        if matches!(&lines[i], Line::Story(t) if is_name_line(t)) {
            lines[i] = Line::Noise("masthead");
        }
    }
    let candidates: Vec<usize> = before_lead
        .iter()
        .copied()
        .filter(|&i| matches!(&lines[i], Line::Story(t) if is_headline(t)))
        // A line the next one carries on in lowercase is a paragraph's
        // first line, wrapped: "… in recent years, the" / "world's …".
        .filter(|&i| !carried_on(lines, i))
        .collect();
    // A line carrying the page's date stamp is the headline: pages print
    // the date with it, never with a menu or section label.
    let stamped = before_lead.iter().copied().find(
        |&i| matches!(&lines[i], Line::Story(t) if headline_stamp(t).is_some_and(is_headline)),
    );
    let long: Vec<usize> = candidates
        .iter()
        .copied()
        .filter(|&i| matches!(&lines[i], Line::Story(t) if word_count(t) >= 4))
        .collect();
    // The lede: the first lines of the story after the headline-like ones.
    let lede: Vec<&str> = story[before_lead.len()..]
        .iter()
        .take(3)
        .filter_map(|&i| match &lines[i] {
            Line::Story(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    let lede = (!lede.is_empty()).then(|| lede.join(" "));
    let chosen = stamped
        .or_else(|| telling_the_story(&long, lines, lede.as_deref()))
        .or(candidates.first().copied())?;
    let Line::Story(headline) = std::mem::replace(&mut lines[chosen], Line::Noise("headline"))
    else {
        return None;
    };
    // Short labels around the headline are the site's name, a section, a
    // byline or a button ("PRESS RELEASE", "Jane Roe", "4 min read"); a
    // deck under it is the story's.
    let deck = deck_lines(lines, &before_lead, chosen);
    for &i in before_lead.iter().filter(|i| !deck.contains(i)) {
        if matches!(&lines[i], Line::Story(t) if word_count(t) <= 5 && !ends_sentence(t)
            && split_marker(t).0 == Marker::None)
        {
            lines[i] = Line::Noise("masthead");
        }
    }
    // Headline-like lines above the story's own headline are other stories'
    // headlines ("popular", "related"): nothing they name is in the story.
    // One alone right above it that the story bears out is the story's own
    // deck, printed first, and stays.
    let own_deck = own_deck_above(lines, &before_lead, chosen);
    for &i in before_lead.iter().filter(|&&i| i < chosen) {
        if Some(i) != own_deck && matches!(&lines[i], Line::Story(t) if is_headline(t)) {
            lines[i] = Line::Noise("other headline");
        }
    }
    // "▷ Plant opens": a sign that sets the line off is no word of it.
    let headline = headline_stamp(&headline).unwrap_or(&headline).trim();
    let signless = headline
        .trim_start_matches(crate::ingest::text::line::is_set_off_sign)
        .trim_start();
    Some(without_site_name(signless).to_string())
}

/// The deck under a Korean headline: short lines between the headline
/// and the lead that sum the story up ("2026년까지 지원센터 구축", "고용창출
/// 5000명 기대"). Lines of three to five words with Hangul are kept (longer
/// lines stay anyway); a label is shorter (a section), names a person
/// under a photo ("홍길동 한빛대 교수"), calls out ("… 딱!"), sits in
/// brackets, or holds a word of page furniture (`clean/deck-exclusions.txt`:
/// a photo's credit, "이 기사").
fn deck_lines(lines: &[Line], before_lead: &[usize], headline: usize) -> Vec<usize> {
    static EXCLUSIONS: Words = word_list!("clean/deck-exclusions.txt");
    const WORDS: std::ops::RangeInclusive<usize> = 3..=5;
    const LABEL_WORDS: usize = 4;
    let is_deck = |text: &str| {
        let text = text.trim();
        let last = text.split_whitespace().next_back().unwrap_or("");
        let person_label = word_count(text) <= LABEL_WORDS
            && crate::ingest::text::vocab::KOREAN_TITLES.contains(&last);
        // "전지협회-한빛대-가온대": parties joined by hyphens count as
        // words toward the least; "K-배터리" stays one word toward the
        // most.
        let parts = text
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty())
            .count();
        parts >= *WORDS.start()
            && word_count(text) <= *WORDS.end()
            && text.chars().any(crate::ingest::text::hangul::is_hangul)
            && !text.ends_with(['!', '?', '>', ']', ')'])
            && !text.starts_with(['<', '[', '('])
            && !text.contains('@')
            && !EXCLUSIONS.iter().any(|e| {
                // "… 이미지사진한빛시": a word that opens with one.
                e.contains(' ') && text.contains(e)
                    || text.split_whitespace().any(|w| w.starts_with(e))
            })
            && !person_label
    };
    before_lead
        .iter()
        .copied()
        .filter(|&i| i > headline && matches!(&lines[i], Line::Story(t) if is_deck(t)))
        .collect()
}

/// The one headline-like line above the headline `chosen`, right above
/// it, whose subject (its first word) and half of its words or more recur
/// in the story under the headline ("에코프로비엠 첫 보고서 발간" over the
/// headline, then a story about that report): the story's own deck,
/// printed first. Other stories' headlines come in lists, and name
/// another subject.
fn own_deck_above(lines: &[Line], before_lead: &[usize], chosen: usize) -> Option<usize> {
    const MIN_SHARE: f64 = 0.5;
    let above: Vec<usize> = before_lead
        .iter()
        .copied()
        .filter(|&i| i < chosen && matches!(&lines[i], Line::Story(t) if is_headline(t)))
        .collect();
    let [only] = above[..] else {
        return None;
    };
    let between_is_blank = lines[only + 1..chosen]
        .iter()
        .all(|line| matches!(line, Line::Blank));
    let Line::Story(text) = &lines[only] else {
        return None;
    };
    let story: Vec<&str> = lines[chosen + 1..]
        .iter()
        .filter_map(|line| match line {
            Line::Story(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    let story = content_words(&story.join(" "));
    let subject = text
        .split_whitespace()
        .next()
        .map(content_words)
        .is_some_and(|words| !words.is_empty() && words.iter().all(|w| story.contains(w)));
    (between_is_blank && subject && share_in(text, &story) >= MIN_SHARE).then_some(only)
}

/// The share of `line`'s content words that `words` holds.
fn share_in(line: &str, words: &std::collections::HashSet<String>) -> f64 {
    let own = content_words(line);
    let shared = own.iter().filter(|w| words.contains(*w)).count();
    shared as f64 / own.len().max(1) as f64
}

/// True when the next line carries line `i` on in lowercase.
fn carried_on(lines: &[Line], i: usize) -> bool {
    matches!(lines.get(i + 1), Some(Line::Story(next)) if next.starts_with(char::is_lowercase))
}

/// A paragraph's first line, wrapped, in a block that ends a sentence
/// ("Acme Cells plans to double the output of" / "its plant in Lyon, …"):
/// the lead has begun. Not when a headline-like line follows the block
/// (a wrapped notice above the headline), nor when the block ends with no
/// sentence (a wrapped headline).
fn wrapped_lead(lines: &[Line], i: usize, before_lead: &[usize]) -> bool {
    let block_end = i + lines[i..]
        .iter()
        .take_while(|line| matches!(line, Line::Story(_)))
        .count();
    let ends_a_sentence = lines[i..block_end]
        .iter()
        .any(|line| matches!(line, Line::Story(text) if ends_sentence(text.trim_end())));
    let headline_after = before_lead
        .iter()
        .any(|&j| j >= block_end && matches!(&lines[j], Line::Story(t) if is_headline(t)));
    carried_on(lines, i) && ends_a_sentence && !headline_after
}

/// "Acme | Acme opens its second plant", "Plant opens in the south | Our
/// Slogan": a site's name or slogan set off by a bar is no part of the
/// headline. The first part is the headline unless it is a name of one
/// or two words; then the longest other part is.
fn without_site_name(headline: &str) -> &str {
    let parts: Vec<&str> = headline.split(" | ").map(str::trim).collect();
    match parts.as_slice() {
        [_] => headline,
        [first, ..] if word_count(first) >= 3 => first,
        [_, rest @ ..] => rest
            .iter()
            .copied()
            .max_by_key(|part| word_count(part))
            .filter(|part| word_count(part) >= 4)
            .unwrap_or(headline),
        [] => headline,
    }
}

/// Of the headline-like lines of four words or more, the first that tells
/// the lede's story. Pages print other stories' headlines ("related",
/// "popular") above the real one; one that shares less than half as much
/// of its wording with the lede as the best line does is such a headline.
fn telling_the_story(long: &[usize], lines: &[Line], lede: Option<&str>) -> Option<usize> {
    let text = |i: usize| match &lines[i] {
        Line::Story(t) => t.as_str(),
        _ => "",
    };
    let Some(lede) = lede.filter(|_| long.len() > 1) else {
        return long.first().copied();
    };
    let lede = content_words(lede);
    let shares: Vec<f64> = long.iter().map(|&i| share_in(text(i), &lede)).collect();
    let best = shares.iter().copied().fold(0.0, f64::max);
    long.iter()
        .zip(&shares)
        .find(|(_, &share)| share > 0.0 && share * 2.0 >= best)
        .map(|(&i, _)| i)
        .or(long.first().copied())
}

/// The words of a line that carry its meaning, reduced to a common stem:
/// lowercase, no function words, a plural's ending off ("batteries" and
/// "battery" are one word), a Korean word to its first two syllables (its
/// particle off: "배터리도", "배터리").
fn content_words(text: &str) -> std::collections::HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1)
        .map(str::to_lowercase)
        .filter(|w| !FUNCTION_WORDS.contains(&w.as_str()))
        .map(|w| {
            if w.chars().any(crate::ingest::text::hangul::is_hangul) {
                w.chars().take(2).collect()
            } else if let Some(stem) = w.strip_suffix("ies").filter(|s| s.len() > 2) {
                format!("{stem}y")
            } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
                w[..w.len() - 1].to_string()
            } else {
                w
            }
        })
        .collect()
}

/// Last words of an organization's name; a line of capitalized words that
/// ends with one is a name, not a headline.
static NAME_TAILS: Words = word_list!("clean/name-tails.txt");

/// "Korea Institute of Science and Technology", "Acme Co., Limited": every
/// word capitalized (or a joining word), no digits, ending like a name.
fn is_name_line(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let joining = |w: &str| matches!(w, "of" | "and" | "for" | "the" | "&" | "de" | "on");
    let last = words.last().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    (2..=8).contains(&words.len())
        && !line.chars().any(|c| c.is_ascii_digit())
        && words
            .iter()
            .all(|w| joining(w) || w.starts_with(|c: char| c.is_uppercase()))
        && last.is_some_and(|w| NAME_TAILS.contains(&w.as_str()))
}

/// A line that opens the story: a sentence, a long line, or one cut
/// after a comma.
fn starts_lead(line: &str) -> bool {
    let line = line.trim();
    // "… Factory in U.S.": a title-cased line whose last full stop is
    // one of dotted initials is a headline, no sentence.
    let sentence = ends_sentence(line) && !crate::ingest::text::token::headline_cased(line);
    sentence && word_count(line) >= 6 || word_count(line) > 30 || line.ends_with(',')
}

fn is_headline(line: &str) -> bool {
    let line = line.trim();
    (3..=30).contains(&word_count(line))
        && line.chars().count() <= 250
        && (!ends_sentence(line) || crate::ingest::text::token::headline_cased(line))
        && !line.ends_with([',', ':', ';'])
        && split_marker(line).0 == Marker::None
        && structure::section_title(line).is_none()
}

#[cfg(test)]
mod tests;
