//! Noisy raw seeds for the ingest benchmark: a story as a scraped page.
//!
//! Takes a [`Story`]; gives back the bytes of a `.txt` seed with the noise
//! real pages carry: site UI in Korean and English, breadcrumbs, board
//! metadata, duplicated photo captions, bylines with e-mails, copyright
//! notices, `###`, attachments and unrelated headlines after the story.
//! Every seed states its date, in one of the forms ingest must read (a page
//! without one is an ingest error by design, which would fail the run); a
//! few files use a BOM, CRLF or UTF-16.

use super::month_name;
use super::story::{thousands, Block, Story};
use super::words::*;
use super::{Rng, World};

const MONTHS_AP: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

/// The seed file for `story`.
pub(super) fn raw_seed(rng: &mut Rng, world: &World, story: &Story) -> Vec<u8> {
    let (publisher, domain) = PUBLISHERS[story.publisher];
    let (y, m, d) = story.date;
    let mut lines: Vec<String> = Vec::with_capacity(story.blocks.len() * 3 + 40);
    for _ in 0..rng.range(0, 3) {
        lines.push(rng.pick(UI_KOREAN).to_string());
    }
    if rng.chance(0.5) {
        lines.push("Home > News & Event > Press Releases".to_string());
    } else {
        for _ in 0..rng.range(1, 3) {
            lines.push(String::new());
            lines.push("News & Event".to_string());
        }
    }
    lines.push(String::new());
    if rng.chance(0.85) {
        let prefix = if rng.chance(0.3) {
            "[Press Release] "
        } else {
            ""
        };
        lines.push(format!("{prefix}{}", story.title));
        lines.push(String::new());
    }
    let style = rng.below(6);
    match style {
        0 => {
            lines.push(format!("  • Writer {publisher}"));
            lines.push(format!("  • Date{}", story.date_string()));
            lines.push(format!("  • Hit{}", rng.range(12, 4000)));
        }
        1 => lines.push(format!(
            "Registration date{}    Views {}",
            story.date_string(),
            rng.range(12, 4000)
        )),
        5 => lines.push(format!("{} {d}, {y}", MONTHS_AP[usize::from(m) - 1])),
        3 => lines.push(format!(
            "{y}.{m:02}.{d:02} {:02}:{:02}",
            rng.range(7, 19),
            rng.below(60)
        )),
        _ => {}
    }
    lines.push(String::new());
    let dateline = (style == 2).then(|| {
        format!(
            "SEOUL, {} {d}, {y} /{publisher}/ -- ",
            MONTHS_AP[usize::from(m) - 1]
        )
    });
    story_lines(rng, world, story, dateline, &mut lines);
    tail_lines(rng, publisher, domain, story, style, &mut lines);
    encode(rng, &lines)
}

fn story_lines(
    rng: &mut Rng,
    world: &World,
    story: &Story,
    mut dateline: Option<String>,
    lines: &mut Vec<String>,
) {
    for block in &story.blocks {
        match block {
            Block::Heading(_, text) => match rng.below(3) {
                0 => lines.push(format!("【{text}】")),
                1 => lines.push(format!("[{text}]")),
                _ => lines.push(format!("< {text} >")),
            },
            Block::Para(text) => {
                if rng.chance(0.12) {
                    let org = &world.orgs[story.orgs[rng.below(story.orgs.len())]];
                    let caption = format!(
                        "{} officials at the event (Photo provided by {})",
                        org.name, org.name
                    );
                    lines.push(caption.clone());
                    lines.push(String::new());
                    lines.push(caption);
                    lines.push(String::new());
                }
                match dateline.take() {
                    Some(prefix) => lines.push(format!("{prefix}{text}")),
                    None => lines.push(text.clone()),
                }
            }
            Block::List(ordered, items) => {
                let bullet = *rng.pick(&["•", "-", "○"]);
                for (i, item) in items.iter().enumerate() {
                    if *ordered {
                        lines.push(format!("{}. {item}", i + 1));
                    } else {
                        lines.push(format!("{bullet} {item}"));
                    }
                }
            }
            Block::Table(rows) => {
                for row in rows {
                    lines.push(row.join("\t"));
                }
            }
            Block::Code(_, text) => lines.extend(text.lines().map(str::to_string)),
        }
        // Scraped pages often separate paragraphs with a line of NBSPs.
        lines.push(if rng.chance(0.3) {
            "\u{a0}".to_string()
        } else {
            String::new()
        });
    }
}

fn tail_lines(
    rng: &mut Rng,
    publisher: &str,
    domain: &str,
    story: &Story,
    style: usize,
    lines: &mut Vec<String>,
) {
    let (y, m, d) = story.date;
    if style == 4 {
        lines.push(format!("Source: {publisher} ({} {d}, {y})", month_name(m)));
        lines.push(String::new());
    }
    if rng.chance(0.7) {
        let family = rng.pick(FAMILY);
        let given = format!("{}-{}", rng.pick(GIVEN), rng.pick(GIVEN).to_lowercase());
        let handle = format!(
            "{}{}",
            given.replace('-', "").to_lowercase(),
            rng.range(1, 99)
        );
        lines.push(format!("{given} {family} reporter {handle}@{domain}"));
        lines.push(String::new());
    }
    if rng.chance(0.3) {
        lines.push("###".to_string());
        lines.push(String::new());
    }
    if rng.chance(0.2) {
        lines.push(format!(
            "Attached file  {}.pdf ({} KB)",
            story.slug,
            thousands(rng.range(80, 4000) as u64)
        ));
    }
    match rng.below(3) {
        0 => lines.push(format!("Copyright ⓒ {publisher}. All rights reserved. Unauthorized reproduction and redistribution prohibited.")),
        1 => lines.push(format!("<저작권자 © {publisher} 무단전재 및 재배포금지>")),
        _ => lines.push("무단전재 및 재배포 금지".to_string()),
    }
    lines.push(String::new());
    if rng.chance(0.6) {
        lines.push("Related articles".to_string());
        for _ in 0..rng.range(3, 6) {
            lines.push(rng.pick(UNRELATED).to_string());
        }
    }
    for _ in 0..rng.range(1, 3) {
        lines.push(rng.pick(UI_ENGLISH).to_string());
    }
    lines.push(rng.pick(UI_KOREAN).to_string());
}

/// Mostly UTF-8; some files with a BOM, CRLF line ends or UTF-16LE.
fn encode(rng: &mut Rng, lines: &[String]) -> Vec<u8> {
    let roll = rng.below(100);
    let eol = if (90..96).contains(&roll) {
        "\r\n"
    } else {
        "\n"
    };
    let mut text = lines.join(eol);
    text.push_str(eol);
    match roll {
        96..=97 => {
            let mut bytes = vec![0xff, 0xfe];
            bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            bytes
        }
        98..=99 => {
            let mut bytes = "\u{feff}".as_bytes().to_vec();
            bytes.extend_from_slice(text.as_bytes());
            bytes
        }
        _ => text.into_bytes(),
    }
}
