//! Ingest, third step: the article's own metadata.
//!
//! Takes the cleaned story (and, for dates and publishers, the raw text);
//! gives back the title (the headline, or one derived from the lead and
//! marked so; the caller takes the lead's dates out of a derived one with
//! extraction's event-title rules, `extract::headline`, so this stage needs
//! nothing from the stage after it), the stated publication date (`date`), the publisher as
//! named (`publisher`), a summary from the lead, and the file slug.

pub(crate) mod date;
pub(crate) mod publisher;

use crate::content::entity::slugify;
use crate::content::front_matter::TitleBasis;
use crate::ingest::document::Cleaned;
use crate::ingest::document::{Block, Document};
use crate::ingest::text::aside::{drop_asides, outside_quotes};
use crate::ingest::text::dateline::strip_dateline;
use crate::ingest::text::hangul;
use crate::ingest::text::line::ends_sentence;
use crate::ingest::text::sentence::split as sentences;
use crate::ingest::text::vocab::FUNCTION_WORDS;

/// At most this many words in a slug, so file names stay readable.
const SLUG_WORDS: usize = 8;
/// Derived titles longer than this are cut at a clause boundary.
const TITLE_WORDS: usize = 20;
/// Summaries stay about this long.
const SUMMARY_CHARS: usize = 300;

/// The title and how it was obtained; `None` when the story is empty.
pub(crate) fn title(cleaned: &Cleaned) -> Option<(String, TitleBasis)> {
    if let Some(headline) = &cleaned.headline {
        return Some((headline.clone(), TitleBasis::Headline));
    }
    let lead = strip_dateline(lead(&cleaned.document)?);
    let all = sentences(lead);
    // A lead that names no one ("Amid rising demand, a major platform has
    // concluded") makes a vague headline; a sentence that does is better.
    let sentence = all
        .iter()
        .take(3)
        .find(|s| names_someone(s) || hangul::is_korean(s))
        .or(all.first())?;
    Some((derive_title(sentence), TitleBasis::Derived))
}

/// True when a word after the first is capitalized: a name, not prose.
/// (Korean has no capitals; a Korean lead sentence is taken as it is.)
fn names_someone(sentence: &str) -> bool {
    sentence.split_whitespace().skip(1).any(|w| {
        w.trim_start_matches(['"', '“', '‘', '\'', '('])
            .starts_with(char::is_uppercase)
    })
}

/// The earliest of `separators` after at least `min_words` words, outside quotes.
fn first_cut(title: &str, separators: &[&str], min_words: usize) -> Option<usize> {
    separators
        .iter()
        .flat_map(|sep| title.match_indices(sep).map(|(i, _)| i))
        .filter(|&i| title[..i].split_whitespace().count() >= min_words && outside_quotes(title, i))
        .min()
}

/// A headline from a lead sentence: no dateline, no attribution, no
/// introductory clause, cut at a clause boundary when long, no full stop.
pub(crate) fn derive_title(sentence: &str) -> String {
    let mut text = strip_dateline(sentence);
    if let Some(rest) = text.strip_prefix("According to ") {
        if let Some((_, main)) = rest.split_once(", ") {
            text = main;
        }
    }
    let intro = [
        "Amid ",
        "As ",
        "While ",
        "With ",
        "Following ",
        "Despite ",
        "After ",
        "In ",
    ];
    if intro.iter().any(|w| text.starts_with(w)) {
        if let Some((_, main)) = text.split_once(", ") {
            if main.split_whitespace().count() >= 6 {
                text = main;
            }
        }
    }
    let mut title = drop_asides(text.trim().trim_end_matches(['.', '!']));
    let clauses = [
        ", and ",
        ", but ",
        "; ",
        ", which ",
        ", with ",
        " to discuss ",
        ", as ",
    ];
    let tails = [" from ", " at the ", " on "];
    for (separators, min_words) in [(&clauses[..], 8), (&tails[..], 10)] {
        if title.split_whitespace().count() > TITLE_WORDS {
            if let Some(cut) = first_cut(&title, separators, min_words) {
                title.truncate(cut);
            }
        }
    }
    capitalize(&title)
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The story's paragraphs; a few lowercase words before them ("industry
/// ministry-battery", an image's label) are none of them.
fn paragraphs(document: &Document) -> impl Iterator<Item = &str> {
    let label = |text: &str| {
        text.starts_with(char::is_lowercase)
            && text.split_whitespace().count() <= 5
            && !text.ends_with(['.', '!', '?'])
    };
    document.blocks.iter().filter_map(move |block| match block {
        Block::Paragraph(text) if !label(text) => Some(text.as_str()),
        _ => None,
    })
}

/// The first paragraph of the story: a title is made from it when the
/// page has no headline, so a short headline-like line counts.
fn lead(document: &Document) -> Option<&str> {
    paragraphs(document).next()
}

/// The paragraph a summary is made from: the lead, unless it is a deck
/// (no sentence) and the next paragraph is a sentence.
fn summary_lead(document: &Document) -> Option<&str> {
    let mut paragraphs = paragraphs(document);
    let first = paragraphs.next()?;
    match paragraphs.next() {
        Some(next) if !ends_sentence(first) && ends_sentence(next) => Some(next),
        _ => Some(first),
    }
}

/// The first one or two sentences of the lead, about 300 characters.
pub(crate) fn summary(document: &Document) -> Option<String> {
    let lead = strip_dateline(summary_lead(document)?);
    let all = sentences(lead);
    let mut summary = all.first()?.to_string();
    if let Some(second) = all.get(1) {
        if summary.len() + second.len() < SUMMARY_CHARS {
            summary = format!("{summary} {second}");
        }
    }
    if summary.chars().count() > SUMMARY_CHARS {
        let mut cut: String = summary.chars().take(SUMMARY_CHARS).collect();
        if let Some(space) = cut.rfind(' ') {
            cut.truncate(space);
        }
        summary = format!("{}…", cut.trim_end_matches([',', ';', ':']));
    }
    Some(summary)
}

/// The file slug: the title's meaningful words, at most eight.
pub(crate) fn slug(title: &str) -> String {
    // A Korean title is romanized, so Korean articles get distinct slugs.
    let latin = hangul::romanize(title);
    let words: Vec<String> = slugify(&latin)
        .split('-')
        .filter(|w| !w.is_empty() && !FUNCTION_WORDS.contains(w))
        .filter(|w| !is_number_or_ordinal(w))
        .take(SLUG_WORDS)
        .map(str::to_string)
        .collect();
    if words.is_empty() {
        "article".to_string()
    } else {
        words.join("-")
    }
}

/// "156th", "2023": numbers say little in a file name that has a date.
fn is_number_or_ordinal(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&word[digits..], "" | "st" | "nd" | "rd" | "th")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_wins_over_the_lead() {
        let cleaned = crate::ingest::clean::clean("Plant opens in the north\nThe plant opened.");
        assert_eq!(
            title(&cleaned),
            Some(("Plant opens in the north".into(), TitleBasis::Headline))
        );
    }

    #[test]
    fn a_deck_above_the_lead_is_no_summary() {
        let cleaned = crate::ingest::clean::clean(
            "Acme turns a profit\n\nAcme's first annual profit, cell sales up\n\nAcme Cells made its first annual profit, it said on Monday.\n",
        );
        assert_eq!(
            summary(&cleaned.document).as_deref(),
            Some("Acme Cells made its first annual profit, it said on Monday.")
        );
    }

    #[test]
    fn an_image_label_above_the_lead_is_no_title() {
        let cleaned = crate::ingest::clean::clean(
            "industry ministry-battery\nSEOUL, May 19 (Wire) -- The ministry will fund cell research at Acme Labs, it said on Monday.",
        );
        assert_eq!(
            title(&cleaned).map(|(t, _)| t),
            Some("The ministry will fund cell research at Acme Labs, it said on Monday".into())
        );
    }

    #[test]
    fn derived_titles_are_faithful_and_short() {
        assert_eq!(
            derive_title("Wire — The ministry opened a plant."),
            "The ministry opened a plant"
        );
        assert_eq!(
            derive_title("Seoul [South Korea], June 21 (ANI): The ministry opened a plant."),
            "The ministry opened a plant"
        );
        assert_eq!(
            strip_dateline("Acme Cells (KRX: 123456): The firm opened a plant."),
            "Acme Cells (KRX: 123456): The firm opened a plant."
        );
        assert_eq!(
            derive_title("According to Wire News, the province leads the field."),
            "The province leads the field"
        );
        assert_eq!(
            derive_title(
                "Amid rising demand, a major global platform for cooperation has concluded."
            ),
            "A major global platform for cooperation has concluded"
        );
        let long = "The minister attended the alliance meeting on March 11 to discuss key issues and measures, and makers agreed on the need for new batteries.";
        // Its dates go later, with extraction's event-title rules.
        assert_eq!(
            derive_title(long),
            "The minister attended the alliance meeting on March 11"
        );
        let cleaned = crate::ingest::clean::clean("The plant opened today. It makes cells.");
        assert_eq!(title(&cleaned).unwrap().1, TitleBasis::Derived);
        let aside = "ACME Lab (ACME, President Jo) hosted the “2026 Forum on Cells in the North” from May 5 to 6 at the Grand Hall of the City, with 300 guests.";
        assert_eq!(
            derive_title(aside),
            "ACME Lab hosted the “2026 Forum on Cells in the North”"
        );
    }

    #[test]
    fn a_vague_lead_gives_way_to_one_that_names_someone() {
        let cleaned = crate::ingest::clean::clean(
            "Wire — Amid rising demand, a big event has ended. ACME Lab hosted the cell forum.",
        );
        assert_eq!(title(&cleaned).unwrap().0, "ACME Lab hosted the cell forum");
    }

    #[test]
    fn sentences_respect_abbreviations() {
        let text = "Dr. Kim met Mr. Lee at Acme Co. Ltd. today. \"It works,\" he said. Then U.S. firms came.";
        assert_eq!(
            sentences(text),
            [
                "Dr. Kim met Mr. Lee at Acme Co. Ltd. today.",
                "\"It works,\" he said.",
                "Then U.S. firms came."
            ]
        );
    }

    #[test]
    fn summary_takes_one_or_two_sentences() {
        let doc = Document {
            blocks: vec![Block::Paragraph("Wire — One. Two. Three.".into())],
        };
        assert_eq!(summary(&doc).as_deref(), Some("One. Two."));
        let long = format!("{}.", "word ".repeat(100).trim());
        let doc = Document {
            blocks: vec![Block::Paragraph(long)],
        };
        let summary = summary(&doc).unwrap();
        assert!(
            summary.chars().count() <= SUMMARY_CHARS + 1 && summary.ends_with('…'),
            "{summary}"
        );
    }

    #[test]
    fn slugs_are_short_and_meaningful() {
        assert_eq!(
            slug("[The 156th ACME Wednesday Forum] Strengthening competitiveness in next-generation cells"),
            "acme-wednesday-forum-strengthening-competitiveness-next-generation-cells"
        );
        assert_eq!(slug("이차전지 공장은 착공"), "ichajeonji-gongjang-chakgong");
        assert_eq!(slug("…"), "article");
    }
}
