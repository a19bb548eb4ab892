//! Ingest stage: raw seeds in `seeds/` become annotated Markdown in
//! `content/articles/`.

#[allow(dead_code)] // read by extract and emit, which land on their own branches
pub(crate) mod document;
pub(crate) mod extract;
pub(crate) mod gazetteer;
