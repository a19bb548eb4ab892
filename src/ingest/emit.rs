//! Ingest, last step: an article as file text.
//!
//! Takes the front matter and the cleaned [`Document`]; gives back the
//! bytes of `content/articles/<date>-<slug>.md`: YAML between `---` lines
//! (through `crate::yaml`, so it loads back into the same type), then the
//! story as Markdown. A photo caption is kept once, in italics.

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
                format!("{} {}", "#".repeat(usize::from(*level)), text)
            }
            Block::Paragraph(text) => escape_start(text),
            Block::List { ordered, items } => list(*ordered, items),
            Block::Outline(items) => items
                .iter()
                .enumerate()
                .map(|(n, item)| {
                    let mut out = format!("{}. {}", n + 1, item.text);
                    for point in &item.points {
                        out.push_str(&format!("\n   - {point}"));
                    }
                    out
                })
                .collect::<Vec<_>>()
                .join("\n"),
            // One copy of a photo caption stays, set apart: it often carries
            // the only statement of a person's role (the duplicate is noise).
            Block::Caption(text) => format!("*{}*", escape_emphasis(text)),
        })
        .collect();
    let mut body = parts.join("\n\n");
    body.push('\n');
    body
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
                format!("{}. {item}", n + 1)
            } else {
                format!("- {item}")
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
    fn front_matter_round_trips() {
        let front = ArticleFrontMatter {
            title: "A: title".into(),
            title_basis: Default::default(),
            date: PartialDate::ym(2026, 2).unwrap(),
            date_basis: Default::default(),
            date_reason: None,
            updated: None,
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
