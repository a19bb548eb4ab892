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
mod text;
mod vocab;

use crate::ingest::document::Document;
use noise::Line;
pub(crate) use text::split_marker;
use text::{ends_sentence, word_count, Marker};

/// A seed after cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cleaned {
    /// The page's headline: the first story line, when it reads as one.
    pub(crate) headline: Option<String>,
    /// The story, headline excluded.
    pub(crate) document: Document,
}

/// Clean one seed's normalized text.
pub(crate) fn clean(text: &str) -> Cleaned {
    let mut lines: Vec<Line> = text.lines().map(noise::classify).collect();
    page::apply(&mut lines);
    let headline = take_headline(&mut lines);
    Cleaned {
        headline,
        document: structure::build(&lines),
    }
}

/// The first story line is the headline when it is not a sentence: a few
/// words, no full stop, no trailing comma or colon, not a list item or a
/// section title. It is removed from the body, which the page renders
/// under the title anyway.
fn take_headline(lines: &mut [Line]) -> Option<String> {
    let index = lines.iter().position(|l| matches!(l, Line::Story(_)))?;
    let Line::Story(first) = &lines[index] else {
        return None;
    };
    let first = first.trim();
    let words = word_count(first);
    let looks_like_headline = (3..=30).contains(&words)
        && first.chars().count() <= 250
        && !ends_sentence(first)
        && !first.ends_with([',', ':', ';'])
        && split_marker(first).0 == Marker::None
        && structure::section_title(first).is_none();
    if !looks_like_headline {
        return None;
    }
    let headline = first.to_string();
    lines[index] = Line::Noise("headline");
    Some(headline)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::document::Block;

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
