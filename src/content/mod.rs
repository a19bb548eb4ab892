//! Content stage: files under `content/` become typed, validated data.

pub mod article;
pub(crate) mod changes;
pub(crate) mod contents;
pub mod date;
pub mod entity;
pub mod evidence;
pub mod front_matter;
pub(crate) mod library;
pub(crate) mod source;
pub(crate) mod suggest;
pub mod unit;
