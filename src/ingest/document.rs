//! The cleaned story: what cleaning gives back and extraction reads.
//!
//! Cleaning (`clean`) turns a raw seed into [`Cleaned`]: a headline and
//! [`Document`] blocks in story order; metadata (`meta`) reads the title
//! from it; extraction (`extract`) annotates them; `emit` writes them as
//! Markdown. The type sits between the stages so each can be tested alone.

/// A seed after cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cleaned {
    /// The page's headline: the first story line, when it reads as one.
    pub(crate) headline: Option<String>,
    /// The story, headline excluded.
    pub(crate) document: Document,
    /// The site's name above the headline ("Korea Institute of Science
    /// and Technology"), when the page shows one: a publisher of last resort.
    pub(crate) masthead: Option<String>,
    /// Numbers of the text's lines that list other stories (a "related"
    /// label and its headlines) or hold readers' comments: their dates
    /// are theirs, not the page's.
    pub(crate) other_stories: Vec<usize>,
}

/// One block of the cleaned story, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    /// A section title (bracketed titles such as "【Innovation Strategy】").
    Heading {
        /// 2 for sections, 3 for sub-sections.
        level: u8,
        /// Heading text without brackets.
        text: String,
    },
    /// A paragraph of running text.
    Paragraph(String),
    /// A numbered or bulleted list.
    List {
        /// Numbered (`1.`) rather than bulleted.
        ordered: bool,
        /// Item texts, without their markers.
        items: Vec<String>,
    },
    /// A numbered list whose items carry bulleted points ("1. Securing a
    /// supply chain:" followed by its points): a nested list in Markdown.
    Outline(Vec<OutlineItem>),
    /// A photo caption. Not part of the story, so not written to the body,
    /// but kept for extraction: captions often name people with their roles.
    Caption(String),
}

/// One item of an [`Block::Outline`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OutlineItem {
    /// The item's own text, without its number.
    pub(crate) text: String,
    /// Its bulleted points, in order.
    pub(crate) points: Vec<String>,
}

/// The cleaned story body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Document {
    /// Blocks in story order.
    pub(crate) blocks: Vec<Block>,
}

impl Document {
    /// Every text of the story (headings, paragraphs, list items, captions),
    /// in order.
    pub(crate) fn texts(&self) -> impl Iterator<Item = &str> {
        self.blocks
            .iter()
            .flat_map(|block| -> Box<dyn Iterator<Item = &str>> {
                match block {
                    Block::Heading { text, .. } => Box::new(std::iter::once(text.as_str())),
                    Block::Paragraph(text) => Box::new(std::iter::once(text.as_str())),
                    Block::List { items, .. } => Box::new(items.iter().map(String::as_str)),
                    Block::Outline(items) => Box::new(items.iter().flat_map(|item| {
                        std::iter::once(item.text.as_str())
                            .chain(item.points.iter().map(String::as_str))
                    })),
                    Block::Caption(text) => Box::new(std::iter::once(text.as_str())),
                }
            })
    }
}
