//! Cleaning, vocabularies: the words of site furniture, in the languages
//! the line rules (`clean::noise`) recognize. Lowercase; extend freely.

use crate::ingest::text::words::{word_list, Words};

/// Menu entries, skip links and buttons (whole lines).
pub(super) static SITE_UI: Words = word_list!("clean/site-ui.txt");

/// Labels of board metadata, glued to their value or not, besides the
/// shared date and update labels (`text::vocab`).
pub(super) static METADATA_LABELS: Words = word_list!("clean/metadata-labels.txt");

/// Phrases of copyright and reprint notices.
pub(crate) static COPYRIGHT_MARKS: Words = word_list!("clean/copyright-marks.txt");

/// Extensions of attachments listed under "Attached file".
pub(super) static FILE_EXTENSIONS: Words = word_list!("clean/file-extensions.txt");

/// Labels opening lists of other headlines.
pub(super) static RELATED_LABELS: Words = word_list!("clean/related-labels.txt");
/// Time frames a label of other headlines may end with ("… this week").
pub(super) static RELATED_TIME_FRAMES: Words = word_list!("clean/related-time-frames.txt");

/// News-photo agencies credited in brackets at the end of a caption
/// ("… in Seosan (Yonhap)").
pub(super) static PHOTO_AGENCIES: Words = word_list!("clean/photo-agencies.txt");

/// How share buttons and calls to action begin (short lines only).
pub(super) static UI_PREFIXES: Words = word_list!("clean/ui-prefixes.txt");

/// How Korean links and calls to action end (short lines only).
pub(super) static UI_ENDINGS: Words = word_list!("clean/ui-endings.txt");

/// Links to the neighbouring posts of a board, with their titles
/// ("이전글 Korea and Chile sign …", "Next article: …").
pub(super) static PAGER_PREFIXES: Words = word_list!("clean/pager-prefixes.txt");
/// How banners and tickers above the story begin ("WEATHER ALERT: …").
pub(super) static BANNER_PREFIXES: Words = word_list!("clean/banner-prefixes.txt");
/// A press release's note on when it may be published.
pub(super) static EMBARGO_NOTES: Words = word_list!("clean/embargo-notes.txt");
