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
mod vocab;

use crate::ingest::document::Cleaned;
use crate::ingest::text::line::{ends_sentence, split_marker, word_count, Marker};
use crate::ingest::text::stamp::headline_stamp;
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
    Cleaned {
        headline,
        document: structure::build(&lines),
        masthead,
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
    let before_lead: Vec<usize> = story
        .iter()
        .copied()
        .take_while(|&i| matches!(&lines[i], Line::Story(t) if !starts_lead(t)))
        .collect();
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
        .collect();
    // A line carrying the page's date stamp is the headline: pages print
    // the date with it, never with a menu or section label.
    let stamped = before_lead.iter().copied().find(
        |&i| matches!(&lines[i], Line::Story(t) if headline_stamp(t).is_some_and(is_headline)),
    );
    let chosen = stamped
        .or_else(|| {
            candidates
                .iter()
                .copied()
                .find(|&i| matches!(&lines[i], Line::Story(t) if word_count(t) >= 4))
        })
        .or(candidates.first().copied())?;
    let Line::Story(headline) = std::mem::replace(&mut lines[chosen], Line::Noise("headline"))
    else {
        return None;
    };
    // Short labels around the headline are the site's name, a section, a
    // byline or a button ("PRESS RELEASE", "Jane Roe", "4 min read").
    for &i in &before_lead {
        if matches!(&lines[i], Line::Story(t) if word_count(t) <= 5 && !ends_sentence(t)
            && split_marker(t).0 == Marker::None)
        {
            lines[i] = Line::Noise("masthead");
        }
    }
    Some(
        headline_stamp(&headline)
            .unwrap_or(&headline)
            .trim()
            .to_string(),
    )
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
    ends_sentence(line) && word_count(line) >= 6 || word_count(line) > 30 || line.ends_with(',')
}

fn is_headline(line: &str) -> bool {
    let line = line.trim();
    (3..=30).contains(&word_count(line))
        && line.chars().count() <= 250
        && !ends_sentence(line)
        && !line.ends_with([',', ':', ';'])
        && split_marker(line).0 == Marker::None
        && structure::section_title(line).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::document::Block;

    #[test]
    fn a_headline_with_the_page_stamp_glued_on_wins_and_loses_the_stamp() {
        let cleaned = clean("Home\nParts and materials for cells\nMinister visits a cell plant in the south 2021-07-05\nThe minister visited the plant on Monday to see the lines.\n");
        assert_eq!(
            cleaned.headline.as_deref(),
            Some("Minister visits a cell plant in the south")
        );
    }

    #[test]
    fn takes_the_headline_after_the_noise() {
        let cleaned = clean("Skip to content\nHome\n\nPlant opens in the north\nDate 2024-01-02\nThe plant opened on Monday.\n");
        assert_eq!(
            cleaned.headline.as_deref(),
            Some("Plant opens in the north")
        );
        assert_eq!(
            cleaned.document.blocks,
            [Block::Paragraph("The plant opened on Monday.".into())]
        );
    }

    #[test]
    fn a_site_name_above_the_headline_is_not_the_headline() {
        let cleaned = clean(
            "Daily Wire\nPlant opens in the north today\nThe plant opened on Monday in the city.",
        );
        assert_eq!(
            cleaned.headline.as_deref(),
            Some("Plant opens in the north today")
        );
        assert_eq!(
            cleaned.document.blocks,
            [Block::Paragraph(
                "The plant opened on Monday in the city.".into()
            )]
        );
    }

    #[test]
    fn mastheads_bylines_and_labels_are_not_headlines() {
        let cleaned = clean(
            "Acme Energy Co., Limited\n21 Apr, 2025, 09:00 CST\nAcme Launches a Sodium Cell for Cars\nJane Roe\n4 min read\nBERLIN -- Acme unveiled its new sodium cell on Monday in Berlin.",
        );
        assert_eq!(
            cleaned.headline.as_deref(),
            Some("Acme Launches a Sodium Cell for Cars")
        );
        assert_eq!(cleaned.document.blocks.len(), 1);
        let cleaned = clean("Korea Institute of Science and Technology\nPRESS RELEASE\nCell that lasts 1,500 cycles developed\nThe team said on Monday that it made a cell.");
        assert_eq!(
            cleaned.headline.as_deref(),
            Some("Cell that lasts 1,500 cycles developed")
        );
        assert_eq!(cleaned.document.blocks.len(), 1);
    }

    #[test]
    fn a_sentence_first_means_no_headline() {
        let cleaned = clean("The plant opened on Monday.\nIt makes cells.");
        assert_eq!(cleaned.headline, None);
        assert_eq!(cleaned.document.blocks.len(), 2);
    }

    #[test]
    fn every_story_sentence_survives_in_order() {
        let text = "Menu\nA headline for cells\nFirst.\n\u{a0}\nSecond.\nⓒ Wire. All rights reserved.\nThird?";
        let cleaned = clean(&crate::ingest::seed::normalize(text));
        let texts: Vec<&str> = cleaned.document.texts().collect();
        assert_eq!(texts, ["First.", "Second.", "Third?"]);
    }
}
