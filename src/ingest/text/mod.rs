//! Ingest, text layer: what every later stage knows about plain text.
//!
//! Takes nothing from the other ingest stages; `clean`, `meta` and
//! `extract` import it and it imports none of them. Gives back the word
//! lists of `src/ingest/words/` (`words`), each parsed once, and what
//! Korean script needs (`hangul`).

pub(crate) mod hangul;
pub(crate) mod words;
