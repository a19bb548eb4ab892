//! Ingest, last step: an article as file text.
//!
//! Takes the front matter and the cleaned [`Document`]; gives back the
//! bytes of `content/articles/<date>-<slug>.md`: YAML between `---` lines
//! (through `crate::yaml`, so it loads back into the same type), then the
//! story as Markdown. A photo caption is kept once, in italics.
//!
//! Scraped text is text, never markup: the theme renders bodies unescaped,
//! so every `<` (raw HTML, autolinks) and every `&` that would start an
//! entity is backslash-escaped. `<2024 배터리 데이>` stays visible and a
//! `<script>` in a seed stays inert.

use crate::content::front_matter::ArticleFrontMatter;
use crate::ingest::document::{Block, Document};
use crate::yaml::{self, YamlError};

/// The full text of an article file.
pub(crate) fn render(front: &ArticleFrontMatter, document: &Document) -> Result<String, YamlError> {
    let yaml = yaml::to_string(front)?;
    let body = markdown(document);
    Ok(format!("---\n{yaml}---\n\n{body}"))
}

/// The story as Markdown: blocks separated by blank lines, one final newline.
pub(crate) fn markdown(document: &Document) -> String {
    let parts: Vec<String> = document
        .blocks
        .iter()
        .map(|block| match block {
            Block::Heading { level, text } => {
                format!("{} {}", "#".repeat(usize::from(*level)), escape(text))
            }
            Block::Paragraph(text) => escape_start(&escape(text)),
            Block::List { ordered, items } => list(*ordered, items),
            Block::Outline(items) => items
                .iter()
                .enumerate()
                .map(|(n, item)| {
                    let mut out = format!("{}. {}", n + 1, escape(&item.text));
                    for point in &item.points {
                        out.push_str(&format!("\n   - {}", escape(point)));
                    }
                    out
                })
                .collect::<Vec<_>>()
                .join("\n"),
            // One copy of a photo caption stays, set apart: it often carries
            // the only statement of a person's role (the duplicate is noise).
            Block::Caption(text) => format!("*{}*", escape_emphasis(&escape(text))),
        })
        .collect();
    let mut body = parts.join("\n\n");
    body.push('\n');
    body
}

/// Text safe to place in Markdown: no raw HTML, no entities. A backslash
/// that would itself escape the next character is doubled first, so `\<`
/// in a seed cannot undo the escape of its `<`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let rest = &text[i + c.len_utf8()..];
        match c {
            '\\' if rest.starts_with(|n: char| n.is_ascii_punctuation()) => out.push_str("\\\\"),
            '<' => out.push_str("\\<"),
            '&' if starts_entity(rest) => out.push_str("\\&"),
            c => out.push(c),
        }
    }
    out
}

/// Whether `rest` (the text after a `&`) makes it an entity or numeric
/// character reference, as CommonMark reads them.
fn starts_entity(rest: &str) -> bool {
    let Some((name, _)) = rest.split_once(';') else {
        return false;
    };
    let bytes = name.as_bytes();
    match bytes {
        [b'#', b'x' | b'X', hex @ ..] => {
            (1..=6).contains(&hex.len()) && hex.iter().all(u8::is_ascii_hexdigit)
        }
        [b'#', digits @ ..] => {
            (1..=7).contains(&digits.len()) && digits.iter().all(u8::is_ascii_digit)
        }
        [first, tail @ ..] => {
            first.is_ascii_alphabetic()
                && tail.len() < 32
                && tail.iter().all(u8::is_ascii_alphanumeric)
        }
        [] => false,
    }
}

/// Asterisks and underscores inside an emphasized caption would end it early.
fn escape_emphasis(text: &str) -> String {
    text.replace('*', "\\*").replace('_', "\\_")
}

fn list(ordered: bool, items: &[String]) -> String {
    items
        .iter()
        .enumerate()
        .map(|(n, item)| {
            if ordered {
                format!("{}. {}", n + 1, escape(item))
            } else {
                format!("- {}", escape(item))
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A paragraph that happens to start like Markdown syntax ("# 1", "- 30",
/// "1. ") must stay a paragraph.
fn escape_start(text: &str) -> String {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let numbered = digits > 0 && matches!(text.as_bytes().get(digits), Some(b'.' | b')'));
    if text.starts_with(['#', '>', '-', '+', '*', '=']) || numbered {
        if numbered {
            format!("{}\\{}", &text[..digits], &text[digits..])
        } else {
            format!("\\{text}")
        }
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::date::PartialDate;
    use crate::content::front_matter::split;
    use crate::ingest::document::OutlineItem;

    #[test]
    fn renders_every_block_kind() {
        let doc = Document {
            blocks: vec![
                Block::Paragraph("Lead.".into()),
                Block::Caption("A caption".into()),
                Block::Heading {
                    level: 2,
                    text: "Plan".into(),
                },
                Block::Outline(vec![OutlineItem {
                    text: "Supply:".into(),
                    points: vec!["Mines".into()],
                }]),
                Block::List {
                    ordered: false,
                    items: vec!["a".into()],
                },
                Block::Paragraph("2030. A year.".into()),
            ],
        };
        assert_eq!(
            markdown(&doc),
            "Lead.\n\n*A caption*\n\n## Plan\n\n1. Supply:\n   - Mines\n\n- a\n\n2030\\. A year.\n"
        );
    }

    #[test]
    fn text_is_never_markup() {
        let doc = Document {
            blocks: vec![
                Block::Heading {
                    level: 1,
                    text: "<2024 배터리 데이>".into(),
                },
                Block::Paragraph("<img src=x onerror=alert(1)> R&D &amp; \\<b>".into()),
                Block::Caption("<script>_x_</script>".into()),
                Block::List {
                    ordered: true,
                    items: vec!["&#60;script>".into()],
                },
                Block::Outline(vec![OutlineItem {
                    text: "<i>".into(),
                    points: vec!["&lt;".into()],
                }]),
            ],
        };
        assert_eq!(
            markdown(&doc),
            "# \\<2024 배터리 데이>\n\n\
             \\<img src=x onerror=alert(1)> R&D \\&amp; \\\\\\<b>\n\n\
             *\\<script>\\_x\\_\\</script>*\n\n\
             1. \\&#60;script>\n\n\
             1. \\<i>\n   - \\&lt;\n"
        );
    }

    #[test]
    fn entities_are_told_from_plain_ampersands() {
        assert!(starts_entity("amp; x"));
        assert!(starts_entity("#x3C;"));
        assert!(starts_entity("#60;"));
        assert!(!starts_entity(" D;"));
        assert!(!starts_entity("D"));
        assert!(!starts_entity("#;"));
        assert!(!starts_entity("1st;"));
    }

    #[test]
    fn front_matter_round_trips() {
        let front = ArticleFrontMatter {
            title: "A: title".into(),
            title_basis: Default::default(),
            language: None,
            date: PartialDate::ym(2026, 2),
            date_basis: Default::default(),
            date_reason: None,
            other_date: None,
            updated: None,
            ingested: None,
            source: Default::default(),
            summary: Some("One.".into()),
            topics: vec![],
            organizations: vec!["acme".into()],
            people: vec![],
            places: vec![],
            figures: vec![],
            events: vec![],
            evidence: Default::default(),
            suggested_organizations: vec![],
            draft: false,
        };
        let text = render(
            &front,
            &Document {
                blocks: vec![Block::Paragraph("Body.".into())],
            },
        )
        .unwrap();
        let parts = split(&text).unwrap();
        let back: ArticleFrontMatter = crate::yaml::from_str(parts.yaml).unwrap();
        assert_eq!(back, front);
        assert_eq!(parts.body, "\nBody.\n");
    }
}
