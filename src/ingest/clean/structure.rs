//! Cleaning, structure: the story lines that survive the noise rules become
//! [`Document`] blocks.
//!
//! Takes classified lines (headline already removed); gives back headings
//! for bracketed section titles ("※ 【Strategy", "[Key points]", "■ Plans"),
//! ordered lists, numbered items with their points as an outline, bulleted
//! lists, paragraphs (a line cut after a comma joins the next), captions,
//! and the "about the institute" boilerplate under its own `## About …`.

use super::noise::Line;
use crate::ingest::document::{Block, Document, OutlineItem};
use crate::ingest::text::line::{ends_sentence, split_marker, word_count, Marker};
use crate::ingest::text::words::{word_list, Chars};

/// Build the document from the lines after the headline.
pub(crate) fn build(lines: &[Line]) -> Document {
    let wrapped = is_hard_wrapped(lines);
    let mut blocks = Vec::new();
    let mut after_end_mark = false;
    let mut i = 0;
    while i < lines.len() {
        match &lines[i] {
            Line::Blank | Line::Noise(_) => i += 1,
            Line::EndMark => {
                after_end_mark = true;
                i += 1;
            }
            Line::Caption(text) => {
                blocks.push(Block::Caption(text.clone()));
                i += 1;
            }
            Line::Story(text) => {
                let (block, next) = story_block(lines, i, text, wrapped);
                if after_end_mark {
                    push_boilerplate(&mut blocks, block);
                } else {
                    blocks.push(block);
                }
                i = next;
            }
        }
    }
    mark_trailing_boilerplate(&mut blocks, after_end_mark);
    Document { blocks }
}

/// The block starting at story line `i`, and the index after it.
fn story_block(lines: &[Line], i: usize, text: &str, wrapped: bool) -> (Block, usize) {
    if let Some(title) = section_title(text) {
        return (
            Block::Heading {
                level: 2,
                text: title,
            },
            i + 1,
        );
    }
    match split_marker(text) {
        (Marker::Number(_), _) => numbered(lines, i),
        (Marker::Bullet, _) => {
            let (items, next) = run_of(lines, i, |m| m == Marker::Bullet);
            (
                Block::List {
                    ordered: false,
                    items,
                },
                next,
            )
        }
        (Marker::None, _) => paragraph(lines, i, wrapped),
    }
}

/// Numbered items: an outline when any item has points under it (lines
/// without markers that are not sentences), an ordered list otherwise.
fn numbered(lines: &[Line], start: usize) -> (Block, usize) {
    let mut items = Vec::new();
    let mut i = start;
    while let Some(body) = numbered_at(lines, i) {
        let (points, next) = points_after(lines, i + 1);
        items.push(OutlineItem {
            text: body.to_string(),
            points,
        });
        i = next;
        match next_story(lines, i) {
            Some(j) if numbered_at(lines, j).is_some() => i = j,
            _ => break,
        }
    }
    if items.iter().all(|item| item.points.is_empty()) {
        let items = items.into_iter().map(|item| item.text).collect();
        return (
            Block::List {
                ordered: true,
                items,
            },
            i,
        );
    }
    (Block::Outline(items), i)
}

/// The text of the numbered item at line `i`, if it is one.
fn numbered_at(lines: &[Line], i: usize) -> Option<&str> {
    let Some(Line::Story(text)) = lines.get(i) else {
        return None;
    };
    match split_marker(text) {
        (Marker::Number(_), body) => Some(body),
        _ => None,
    }
}

/// The points under a numbered item from line `i`: unnumbered lines that
/// are not sentences. Gives them and the index after the last.
fn points_after(lines: &[Line], mut i: usize) -> (Vec<String>, usize) {
    let mut points = Vec::new();
    while let Some(j) = next_story(lines, i) {
        let Line::Story(point) = &lines[j] else {
            break;
        };
        let (marker, body) = split_marker(point);
        let is_point = !matches!(marker, Marker::Number(_))
            && !ends_sentence(body)
            && word_count(body) <= 25
            && section_title(point).is_none();
        if !is_point {
            break;
        }
        points.push(body.to_string());
        i = j + 1;
    }
    (points, i)
}

/// Consecutive lines (blank lines between allowed) whose marker passes `keep`.
fn run_of(lines: &[Line], start: usize, keep: impl Fn(Marker) -> bool) -> (Vec<String>, usize) {
    let mut items = Vec::new();
    let mut i = start;
    while let Some(j) = next_story(lines, i) {
        let Line::Story(text) = &lines[j] else { break };
        let (marker, body) = split_marker(text);
        if !keep(marker) || (j > start && section_title(text).is_some()) {
            break;
        }
        items.push(body.to_string());
        i = j + 1;
    }
    (items, i)
}

/// A paragraph; a line ending in a comma was cut by the scrape, so it joins
/// the next plain line ("According to Wire News," / "The plant …"). So
/// does a line the next one carries on: one that does not end a sentence,
/// before a line in lowercase ("… in recent years, the" / "world's …") or,
/// in hard-wrapped text, before any plain line with no blank between.
fn paragraph(lines: &[Line], start: usize, wrapped: bool) -> (Block, usize) {
    let Line::Story(first) = &lines[start] else {
        unreachable!("paragraph starts on a story line")
    };
    let mut text = first.trim().to_string();
    let mut last_line = first.as_str();
    let mut i = start + 1;
    loop {
        let (j, next) = match text.ends_with(',') {
            true => match next_story(lines, i) {
                Some(j) => (j, &lines[j]),
                None => break,
            },
            false => match lines.get(i) {
                Some(next) => (i, next),
                None => break,
            },
        };
        let Line::Story(next) = next else { break };
        if split_marker(next).0 != Marker::None || section_title(next).is_some() {
            break;
        }
        let carried = !ends_sentence(&text)
            && (next.trim_start().starts_with(char::is_lowercase)
                || wrapped && is_wrapped_line(last_line));
        if !text.ends_with(',') && !carried {
            break;
        }
        text.push(' ');
        text.push_str(next.trim());
        last_line = next;
        i = j + 1;
    }
    (Block::Paragraph(text), i)
}

/// Characters of the shortest line that reads as cut by a wrap (its last
/// line excepted, a wrapped paragraph's lines are about as long).
const WRAPPED_LINE_CHARS: usize = 40;
/// Lines a wrap cuts are at most this long (72–80 in mail and plain text).
const WRAP_WIDTH_CHARS: usize = 100;

/// A line long enough to be cut by a wrap, and not longer than one.
fn is_wrapped_line(text: &str) -> bool {
    let chars = text.trim().chars().count();
    (WRAPPED_LINE_CHARS..=WRAP_WIDTH_CHARS).contains(&chars)
}

/// True when the story was hard-wrapped: most story lines followed by
/// another with no blank between are cut mid-sentence at a wrap's width
/// (at least three of them, so one cut line proves nothing).
fn is_hard_wrapped(lines: &[Line]) -> bool {
    let followed: Vec<&str> = lines
        .windows(2)
        .filter_map(|pair| match pair {
            [Line::Story(line), Line::Story(_)] => Some(line.as_str()),
            _ => None,
        })
        .collect();
    let cut = followed
        .iter()
        .filter(|line| !ends_sentence(line) && is_wrapped_line(line))
        .count();
    cut >= 3 && cut * 2 > followed.len()
}

/// Index of the next non-blank, non-noise line at or after `i`, if it is story.
fn next_story(lines: &[Line], i: usize) -> Option<usize> {
    let j = (i..lines.len()).find(|&j| !matches!(lines[j], Line::Blank | Line::Noise(_)))?;
    matches!(lines[j], Line::Story(_)).then_some(j)
}

static SECTION_MARKS: Chars = word_list!(chars "clean/section-marks.txt");

/// "※ 【Strategy for X", "[Key points]", "■ Plans", "【Outlook】", "< Background >":
/// a section title, without its marks. Never a sentence.
pub(crate) fn section_title(line: &str) -> Option<String> {
    let line = line.trim();
    let marked = line.starts_with(&*SECTION_MARKS);
    let unmarked = line.trim_start_matches(|c: char| SECTION_MARKS.contains(&c) || c == ' ');
    let bracketed = [
        ('【', '】'),
        ('[', ']'),
        ('<', '>'),
        ('〈', '〉'),
        ('《', '》'),
        ('「', '」'),
    ]
    .iter()
    .find(|(open, close)| {
        unmarked.starts_with(*open) && (unmarked.ends_with(*close) || *open == '【')
    });
    if !marked && bracketed.is_none() {
        return None;
    }
    let title = unmarked
        .trim_start_matches(['【', '[', '<', '〈', '《', '「'])
        .trim_end_matches(['】', ']', '>', '〉', '》', '」'])
        .trim();
    let plausible = !title.is_empty()
        && word_count(title) <= 15
        && !ends_sentence(title)
        && !title.contains(['【', '】', ']']);
    plausible.then(|| title.to_string())
}

/// After an end mark, "About X" lines become headings and "X is a …"
/// paragraphs get an `About X` heading of their own.
fn push_boilerplate(blocks: &mut Vec<Block>, block: Block) {
    if let Block::Paragraph(text) = &block {
        if let Some(name) = text.strip_prefix("About ").filter(|n| word_count(n) <= 8) {
            let name = name.trim_end_matches(':').to_string();
            blocks.push(Block::Heading {
                level: 2,
                text: format!("About {name}"),
            });
            return;
        }
        let already = matches!(blocks.last(), Some(Block::Heading { text, .. }) if text.starts_with("About "));
        if let Some(subject) = boilerplate_subject(text).filter(|_| !already) {
            blocks.push(Block::Heading {
                level: 2,
                text: format!("About {subject}"),
            });
        }
    }
    blocks.push(block);
}

/// Without an end mark, a last paragraph that introduces an institution
/// ("X is a non-profit … founded in …") is boilerplate too.
fn mark_trailing_boilerplate(blocks: &mut Vec<Block>, after_end_mark: bool) {
    if after_end_mark || blocks.len() < 3 {
        return;
    }
    let Some(Block::Paragraph(text)) = blocks.last() else {
        return;
    };
    let lower = text.to_lowercase();
    let cues = [
        "founded in",
        "established in",
        "non-profit",
        "headquartered",
        "www.",
        "http",
    ];
    if let Some(subject) =
        boilerplate_subject(text).filter(|_| cues.iter().any(|c| lower.contains(c)))
    {
        let last = blocks.len() - 1;
        blocks.insert(
            last,
            Block::Heading {
                level: 2,
                text: format!("About {subject}"),
            },
        );
    }
}

/// "KRICT is a non-profit …" → "KRICT": a short capitalized subject.
fn boilerplate_subject(text: &str) -> Option<&str> {
    let cut = [
        " is a ",
        " is an ",
        " is the ",
        " was founded",
        " was established",
    ]
    .iter()
    .filter_map(|verb| text.find(verb))
    .min()?;
    let subject = text[..cut].trim();
    let capitalized = subject.chars().next().is_some_and(char::is_uppercase);
    (capitalized && word_count(subject) <= 8 && !subject.contains(',')).then_some(subject)
}

#[cfg(test)]
mod tests {
    use super::super::noise::classify;
    use super::*;

    fn doc(text: &str) -> Vec<Block> {
        build(&text.lines().map(classify).collect::<Vec<_>>()).blocks
    }

    fn para(text: &str) -> Block {
        Block::Paragraph(text.into())
    }

    #[test]
    fn bracketed_section_titles_become_headings() {
        for (line, title) in [
            ("※ 【Strategy for Cells", "Strategy for Cells"),
            ("[Key points]", "Key points"),
            ("■ Next steps", "Next steps"),
            ("【Outlook】", "Outlook"),
        ] {
            assert_eq!(section_title(line).as_deref(), Some(title), "{line}");
        }
        assert_eq!(
            section_title("[Seoul] The ministry said on Monday it will fund cells."),
            None
        );
        assert_eq!(section_title("A plain line"), None);
    }

    #[test]
    fn numbered_items_with_points_make_an_outline() {
        let blocks = doc("1. Securing supply:\n\nMore mines\n\nBetter recycling\n \n2. Building hubs:\nNew labs\n\nThe plan ends here.");
        let Block::Outline(items) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(items.len(), 2);
        assert_eq!(items[0].text, "Securing supply:");
        assert_eq!(items[0].points, ["More mines", "Better recycling"]);
        assert_eq!(items[1].points, ["New labs"]);
        assert_eq!(blocks[1], para("The plan ends here."));
    }

    #[test]
    fn numbered_sentences_make_an_ordered_list() {
        let blocks = doc("1. First we build.\n2. Then we sell.");
        assert_eq!(
            blocks,
            [Block::List {
                ordered: true,
                items: vec!["First we build.".into(), "Then we sell.".into()]
            }]
        );
    }

    #[test]
    fn bullets_make_a_list_and_paragraphs_stay_in_order() {
        let blocks = doc("Intro.\n- one\n- two\nOutro.");
        assert_eq!(blocks[0], para("Intro."));
        assert_eq!(
            blocks[1],
            Block::List {
                ordered: false,
                items: vec!["one".into(), "two".into()]
            }
        );
        assert_eq!(blocks[2], para("Outro."));
    }

    #[test]
    fn hard_wrapped_lines_join_into_their_paragraphs() {
        let wrapped = "Dalsung Cells said on Monday that it would build a second\n\
            Plant near the port, where the city offered land and a grid\n\
            Connection for the lines it plans to run from next year.\n\
            \n\
            Outlook\n\
            Analysts at Hanul Research expect the new cells to reach the\n\
            Market in volume before the end of the decade, they said.";
        assert_eq!(
            doc(wrapped),
            [
                para("Dalsung Cells said on Monday that it would build a second Plant near the port, where the city offered land and a grid Connection for the lines it plans to run from next year."),
                para("Outlook"),
                para("Analysts at Hanul Research expect the new cells to reach the Market in volume before the end of the decade, they said."),
            ]
        );
    }

    #[test]
    fn a_paragraph_a_line_stays_apart_unless_the_next_line_carries_it_on() {
        let lines = "Dalsung Cells will build a second plant near the port of Ulsan.\n\
            The city offered land and a grid connection for the new lines.\n\
            Key figures for the year ahead at the Ulsan site\n\
            Output is to double by 2027.\n\
            In one of the largest deals of recent years, the\n\
            company signed with three carmakers.";
        assert_eq!(
            doc(lines),
            [
                para("Dalsung Cells will build a second plant near the port of Ulsan."),
                para("The city offered land and a grid connection for the new lines."),
                para("Key figures for the year ahead at the Ulsan site"),
                para("Output is to double by 2027."),
                para("In one of the largest deals of recent years, the company signed with three carmakers."),
            ]
        );
    }

    #[test]
    fn a_line_cut_after_a_comma_joins_the_next() {
        assert_eq!(
            doc("According to Wire News,\nThe plant opened."),
            [para("According to Wire News, The plant opened.")]
        );
    }

    #[test]
    fn boilerplate_after_an_end_mark_gets_an_about_heading() {
        let blocks = doc("Story.\n###\nACME Lab is a non-profit institute founded in 1970.");
        assert_eq!(
            blocks[1],
            Block::Heading {
                level: 2,
                text: "About ACME Lab".into()
            }
        );
        assert_eq!(
            blocks[2],
            para("ACME Lab is a non-profit institute founded in 1970.")
        );
    }

    #[test]
    fn trailing_boilerplate_without_end_mark() {
        let blocks = doc("One.\nTwo.\nThree.\nACME is a maker of cells, founded in 1990.");
        assert_eq!(
            blocks[3],
            Block::Heading {
                level: 2,
                text: "About ACME".into()
            }
        );
    }

    #[test]
    fn captions_are_kept_as_captions() {
        assert_eq!(
            doc("Workers at the line. Photo by ACME")[0],
            Block::Caption("Workers at the line.".into())
        );
    }
}
