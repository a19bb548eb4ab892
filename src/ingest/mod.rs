//! Ingest stage: raw seeds in `seeds/` become annotated Markdown in
//! `content/articles/`.

pub(crate) mod document;
pub(crate) mod extract;
pub(crate) mod gazetteer;
