//! Content stage: files under `content/` become typed, validated data.

pub mod article;
pub mod changes;
pub mod contents;
pub mod date;
pub mod entity;
pub mod front_matter;
pub mod library;
pub mod source;
pub mod suggest;
