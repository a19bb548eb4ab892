//! Content stage: files under `content/` become a validated [`library::Library`].

pub mod date;
pub mod front_matter;
