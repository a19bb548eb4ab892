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
    // the chosen one) may be the page's own stamp line.
    let other_stories = (0..lines.len())
        .filter(|&i| matches!(lines[i], Line::Noise("related-label" | "related-headline")))
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
    // A line the next one carries on in lowercase, in a block that ends a
    // sentence, is a paragraph's first line, wrapped ("TOKYO, May 2 Acme
    // said" / "on Monday that …"): the lead has begun. A wrapped headline
    // ends its block without one.
    let wrapped = |i: usize| {
        matches!(lines.get(i + 1), Some(Line::Story(next)) if next.starts_with(char::is_lowercase))
            && lines[i..]
                .iter()
                .map_while(|line| match line {
                    Line::Story(text) => Some(text.trim_end()),
                    _ => None,
                })
                .any(ends_sentence)
    };
    let before_lead: Vec<usize> = story
        .iter()
        .copied()
        .take_while(|&i| matches!(&lines[i], Line::Story(t) if !starts_lead(t)) && !wrapped(i))
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
    // byline or a button ("PRESS RELEASE", "Jane Roe", "4 min read").
    for &i in &before_lead {
        if matches!(&lines[i], Line::Story(t) if word_count(t) <= 5 && !ends_sentence(t)
            && split_marker(t).0 == Marker::None)
        {
            lines[i] = Line::Noise("masthead");
        }
    }
    // Headline-like lines above the story's own headline are other stories'
    // headlines ("popular", "related"): nothing they name is in the story.
    for &i in before_lead.iter().filter(|&&i| i < chosen) {
        if matches!(&lines[i], Line::Story(t) if is_headline(t)) {
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
    let shares: Vec<f64> = long
        .iter()
        .map(|&i| {
            let words = content_words(text(i));
            let shared = words.iter().filter(|w| lede.contains(*w)).count();
            shared as f64 / words.len().max(1) as f64
        })
        .collect();
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
    fn a_wrapped_first_line_of_the_lead_is_no_headline_and_stays() {
        let text = "OSAKA Mar 4 Acme Cells said\non Monday that its venture with\nBeta Corp will build a plant.\nIt opens in 2027.\n";
        let cleaned = clean(text);
        assert_eq!(cleaned.headline, None);
        let [Block::Paragraph(lead), ..] = &cleaned.document.blocks[..] else {
            panic!("{:?}", cleaned.document.blocks);
        };
        assert!(
            lead.starts_with("OSAKA Mar 4 Acme Cells said on Monday"),
            "{lead}"
        );
        // A headline wrapped in two lines, its block ending with no sentence.
        let text = "Acme boosts spending on its first lithium-\nmetal cells\n\nAcme Cells said on Monday that it will build a plant.\n";
        let cleaned = clean(text);
        assert!(cleaned.headline.is_some());
        let lead = cleaned.document.blocks.iter().find_map(|b| match b {
            Block::Paragraph(p) if p.contains("said") => Some(p),
            _ => None,
        });
        assert_eq!(
            lead.map(String::as_str),
            Some("Acme Cells said on Monday that it will build a plant.")
        );
    }

    #[test]
    fn a_headline_with_the_page_stamp_glued_on_wins_and_loses_the_stamp() {
        let cleaned = clean("Home\nParts and materials for cells\nMinister visits a cell plant in the south 2021-07-05\nThe minister visited the plant on Monday to see the lines.\n");
        assert_eq!(
            cleaned.headline.as_deref(),
            Some("Minister visits a cell plant in the south")
        );
    }

    #[test]
    fn a_site_name_set_off_by_a_bar_and_a_byline_stamp_are_no_headline() {
        let cleaned = clean("Acme | Acme Cells opens its second plant in the south\nThe company opened the plant on Monday.\n");
        assert_eq!(
            cleaned.headline.as_deref(),
            Some("Acme Cells opens its second plant in the south")
        );
        let cleaned = clean("Regulator clears the cell venture of two firms | Be Savvy\nThe regulator cleared the venture on Monday.\n");
        assert_eq!(
            cleaned.headline.as_deref(),
            Some("Regulator clears the cell venture of two firms")
        );
        // The site's name after a headline of three words stays out.
        let cleaned = clean("Acme Cells expands | The Daily Cell Times Global Edition\nThe company expanded on Monday.\n");
        assert_eq!(cleaned.headline.as_deref(), Some("Acme Cells expands"));
        assert_eq!(
            headline_stamp("한빛일보 홍길동 기자 입력 : 2021.03.04 09:10"),
            None
        );
        let cleaned = clean("한빛·누리, 배터리 거점으로 도약한다\n\n한빛일보 홍길동 기자 입력 : 2021.03.04 09:10\n한빛과 누리가 특화단지로 지정됐다. 이들은 거점이 된다.\n");
        assert_eq!(
            cleaned.headline.as_deref(),
            Some("한빛·누리, 배터리 거점으로 도약한다")
        );
    }

    #[test]
    fn a_sign_setting_the_headline_off_is_no_part_of_it() {
        let cleaned = clean("▷ Plant opens in the north\nThe plant opened on Monday.\n");
        assert_eq!(
            cleaned.headline.as_deref(),
            Some("Plant opens in the north")
        );
        let cleaned = clean("$3B plant opens in the north\nThe plant opened on Monday.\n");
        assert_eq!(
            cleaned.headline.as_deref(),
            Some("$3B plant opens in the north")
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
    fn other_stories_headlines_above_the_real_one_lose_to_it() {
        let text = "Town council debates parking fees downtown\nMarket slides as chip shares fall again\n\nTwo colleges team up on sodium cells\n\nTwo northern colleges have begun a joint project on sodium cells for grid storage. It runs three years.";
        let cleaned = clean(text);
        assert_eq!(
            cleaned.headline.as_deref(),
            Some("Two colleges team up on sodium cells")
        );
        // Nothing of the other stories stays in the body.
        let body = format!("{:?}", cleaned.document.blocks);
        assert!(
            !body.contains("parking") && !body.contains("chip shares"),
            "{body}"
        );
        // A sub-head under the headline tells the same story: the headline
        // stays first.
        let text = "Acme to build cell plant in the north\nThe plant will make sodium cells for grid storage\nAcme said on Monday it will build a plant for sodium cells in the north.";
        assert_eq!(
            clean(text).headline.as_deref(),
            Some("Acme to build cell plant in the north")
        );
    }

    #[test]
    fn a_wrapped_first_line_of_the_lede_is_not_a_headline() {
        let text = "Cell maker unveils a denser battery\n\n\"In one of the biggest steps in years, the\nlargest cell maker has shown a denser battery for cars and planes.";
        assert_eq!(
            clean(text).headline.as_deref(),
            Some("Cell maker unveils a denser battery")
        );
    }

    #[test]
    fn a_photo_credit_is_never_the_headline() {
        let text = "Photo : WIRE News Agency\n\nThe minister, who toured a cell plant on Monday, called for faster output.";
        assert_eq!(clean(text).headline, None);
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
