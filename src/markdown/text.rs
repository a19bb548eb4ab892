//! Markdown, plain text: what a body says without its markup, for the
//! search index (which indexes words, and cuts its excerpts from them).
//!
//! Takes the event stream the HTML is rendered from; gives back the text of
//! every paragraph, heading, list item, table cell and code block, one
//! block a line. Raw HTML gives no text: its tags are not words a reader
//! sees.

use pulldown_cmark::{Event, TagEnd};

/// The words of a stream of events, gathered as they pass (the renderer
/// reads each event once).
#[derive(Default)]
pub(crate) struct Words {
    text: String,
}

impl Words {
    /// Room for the words of a body of `len` bytes (about as many).
    pub(crate) fn with_capacity(len: usize) -> Self {
        Words {
            text: String::with_capacity(len),
        }
    }

    /// Take the words of `event`.
    pub(crate) fn push(&mut self, event: &Event<'_>) {
        let text = &mut self.text;
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(end) if ends_block(end) && !text.is_empty() && !text.ends_with('\n') => {
                text.push('\n');
            }
            _ => {}
        }
    }

    /// The words, without trailing white space.
    pub(crate) fn finish(mut self) -> String {
        self.text.truncate(self.text.trim_end().len());
        self.text
    }
}

fn ends_block(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::Item
            | TagEnd::TableCell
            | TagEnd::CodeBlock
            | TagEnd::BlockQuote(_)
            | TagEnd::FootnoteDefinition
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{Options, Parser};

    fn text(markdown: &str) -> String {
        let mut words = Words::default();
        for event in Parser::new_ext(markdown, Options::all()) {
            words.push(&event);
        }
        words.finish()
    }

    #[test]
    fn blocks_become_lines_and_markup_goes() {
        let markdown =
            "# Plant *opens*\n\nLG Energy Solution [opened](https://x.org) a\nplant.\n\n\
                        - one\n- `two`\n\n| a | b |\n|---|---|\n| 8 GWh | 2024 |\n\n\
                        <div class=\"x\">raw</div>\n\n```rust\nlet x = 1;\n```\n";
        assert_eq!(
            text(markdown),
            "Plant opens\nLG Energy Solution opened a plant.\none\ntwo\na\nb\n8 GWh\n2024\nlet x = 1;"
        );
    }

    #[test]
    fn hangul_is_kept_as_written() {
        assert_eq!(text("산업부는 **배터리** 전략을"), "산업부는 배터리 전략을");
    }
}
