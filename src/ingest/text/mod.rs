//! Ingest, text layer: what every later stage knows about plain text.
//!
//! Takes nothing from the other ingest stages; `clean`, `meta` and
//! `extract` import it and it imports none of them. Gives back the word
//! lists of `src/ingest/words/` (`words`), each parsed once.

pub(crate) mod words;
