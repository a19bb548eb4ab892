//! Ingest, text layer: what every stage knows about plain text.
//!
//! Takes nothing from the other ingest stages; `clean`, `meta`, `extract`
//! and the gazetteer import it and it imports none of them, so a rule about
//! text has one home. Gives back lines and their list markers (`line`),
//! sentences (`sentence`), tokens (`token`), asides and quotations
//! (`aside`), datelines (`dateline`), dates written in a line (`date`)
//! and the page's own date stamps (`stamp`), the canonical word form topics are
//! matched in (`canonical`), a lowercase copy that keeps byte offsets
//! (`case`), what Korean script needs (`hangul`), the year a day written
//! with its weekday falls in (`weekday`), the
//! shared vocabulary (`vocab`) and the word lists of `src/ingest/words/`,
//! each parsed once (`words`).

pub(crate) mod aside;
pub(crate) mod canonical;
pub(crate) mod case;
pub(crate) mod date;
pub(crate) mod dateline;
pub(crate) mod hangul;
pub(crate) mod line;
pub(crate) mod sentence;
pub(crate) mod stamp;
pub(crate) mod token;
pub(crate) mod vocab;
pub(crate) mod weekday;
pub(crate) mod words;
