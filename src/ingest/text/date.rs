//! Ingest, text layer: dates written in a line.
//!
//! Takes a line or sentence and gives back the full dates written in it
//! (numeric, dotted, ISO, Korean and worded forms) with their byte spans,
//! and says whether a line is a date line ("2026.02.10 14:03"), a news
//! dateline ("SEOUL, Nov. 23, 2026 (Yonhap) --") or a clock word. Cleaning
//! reads these to keep page stamps apart from the story, metadata to find
//! the publication date.

use crate::content::date::PartialDate;
use crate::ingest::text::case::lowercase_aligned;
use crate::ingest::text::line::word_count;
use crate::ingest::text::vocab;
use crate::ingest::text::vocab::month_number;
use crate::ingest::text::words::{word_list, Words};

/// Labels of a later edit, besides the shared English ones.
static KOREAN_UPDATE_LABELS: Words = word_list!("shared/korean-update-labels.txt");

/// Labels of a later edit: used only when nothing else dates the page.
pub(crate) fn update_labels() -> impl Iterator<Item = &'static &'static str> {
    vocab::UPDATE_LABELS.iter().chain(&KOREAN_UPDATE_LABELS)
}

/// Marks that set a byline off from the date beside it ("May 18, 2023 |
/// by Jane Roe", "by AP - 06/13/23 9:40 AM ET").
const BYLINE_MARKS: [char; 6] = [',', '|', '-', '—', '–', '·'];
/// Words of a byline beside a date: "by" and a name.
const MAX_BYLINE_WORDS: usize = 5;

/// A line that is a date and little else ("2026.02.10 14:03", "Nov. 23, 2026").
pub(crate) fn is_date_line(body: &str) -> bool {
    let Some((span, _)) = full_dates(body).into_iter().next() else {
        return false;
    };
    // What follows an update label is the edit time ("Updated 2 hours ago").
    let after = &body[span.end..];
    let lower = lowercase_aligned(after);
    let after = update_labels()
        .filter_map(|l| lower.find(l))
        .min()
        .map_or(after, |i| &after[..i]);
    // A byline after a date that opens the line ("December 15, 2022 by Jane
    // Roe", "May 18, 2023, by Jane Roe", "… | by Jane Roe"); "by the
    // numbers" names no one.
    let byline = after
        .trim_start()
        .trim_start_matches(BYLINE_MARKS)
        .trim_start();
    let named = byline
        .split_whitespace()
        .nth(1)
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    let bylined = body[..span.start].trim().is_empty()
        && byline.to_lowercase().starts_with("by ")
        && named
        && word_count(byline) <= MAX_BYLINE_WORDS;
    // A date that opens the line before the site's section trail
    // ("08/20/2020 HYU News > Performance").
    let trail = body[..span.start].trim().is_empty()
        && [" > ", " › ", " » "].iter().any(|s| after.contains(s))
        && word_count(after) <= 6
        && !after.trim_end().ends_with(['.', '!', '?']);
    let rest = format!("{} {}", &body[..span.start], after);
    bylined
        || trail
        || rest
            .split_whitespace()
            .filter(|w| !is_clock_word(w))
            .count()
            <= 2
}

/// "adminDecember 13, 2024No Comments": a theme that drops the spaces
/// between its meta fields glues a month to the name before it (the year
/// glued to the label after it reads as it is); a source line hyphens its
/// name to the date; a label's colon, or a Korean label, runs into it.
/// The line with those spaces put back.
pub(crate) fn unglued(body: &str) -> std::borrow::Cow<'_, str> {
    let bytes = body.as_bytes();
    let mut cuts = Vec::new();
    for (i, c) in body.char_indices() {
        let after_lower = i > 0 && bytes[i - 1].is_ascii_lowercase();
        // "JakartaPost-June 12, 2023": a source's name hyphened to its date.
        let after_name = i > 1 && bytes[i - 1] == b'-' && {
            let word = body[..i - 1].split_whitespace().next_back().unwrap_or("");
            word.starts_with(|c: char| c.is_ascii_uppercase())
                && word.ends_with(|c: char| c.is_ascii_alphabetic())
        };
        // "Mar 11,2020": a year glued to the comma after a month's day.
        if c.is_ascii_digit() && i > 0 && bytes[i - 1] == b',' && year_glued_after_day(body, i) {
            cuts.push(i);
        }
        // "작성일23-07-21 12:06": a Korean label glued to a stamp with a
        // two-digit year.
        let after_hangul = body[..i]
            .chars()
            .next_back()
            .is_some_and(super::hangul::is_hangul);
        if c.is_ascii_digit() && after_hangul {
            let word = body[i..].split_whitespace().next().unwrap_or("");
            if short_numeric(word).is_some() {
                cuts.push(i);
            }
        }
        // "11 August 20237 minute read": a year glued to a reading time.
        if c.is_ascii_digit() && year_glued_to_reading_time(body, i) {
            cuts.push(i + YEAR_DIGITS);
        }
        // "Published:September 12, 2024": a label's colon glued to it.
        let after_colon = i > 0 && bytes[i - 1] == b':';
        if c.is_ascii_uppercase() && (after_lower || after_name || after_colon) {
            let word: &str = body[i..]
                .split(|c: char| !c.is_ascii_alphabetic())
                .next()
                .unwrap_or("");
            let day_follows = body[i + word.len()..]
                .trim_start_matches(['.', ' '])
                .starts_with(|c: char| c.is_ascii_digit());
            if crate::ingest::text::vocab::month_number(word).is_some() && day_follows {
                cuts.push(i);
            }
        }
    }
    if cuts.is_empty() {
        return body.into();
    }
    let mut out = String::with_capacity(body.len() + cuts.len());
    let mut from = 0;
    for cut in cuts {
        out.push_str(&body[from..cut]);
        out.push(' ');
        from = cut;
    }
    out.push_str(&body[from..]);
    out.into()
}

/// Digits of a written year.
const YEAR_DIGITS: usize = 4;

/// A run of digits starting at `at` that is a year of this or the last
/// century with one or two more digits glued after it, and a reading-time
/// label after the run ("20237 minute read").
fn year_glued_to_reading_time(body: &str, at: usize) -> bool {
    use crate::ingest::text::vocab::READING_TIME;
    // Only where a run of digits starts: inside one it was read already.
    if body[..at].ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let run = body[at..].bytes().take_while(u8::is_ascii_digit).count();
    if !matches!(run, 5 | 6) || !matches!(&body[at..at + 2], "19" | "20") {
        return false;
    }
    let rest = body[at + run..].trim_start().to_lowercase();
    READING_TIME.iter().any(|label| rest.starts_with(label))
}

/// Four digits at `at` (a year, nothing glued after it) right after "Mar
/// 11,": a month's name, its day and the comma.
fn year_glued_after_day(body: &str, at: usize) -> bool {
    let year = body[at..].bytes().take_while(u8::is_ascii_digit).count();
    let mut words = body[..at - 1].split_whitespace().rev();
    let (Some(day), Some(month)) = (words.next(), words.next()) else {
        return false;
    };
    // "(March 4,2024)": a bracket opens the date.
    let month = month.trim_start_matches(['(', '[']);
    year == 4 && month_and_day(month, day).is_some() && month_number(month).is_some()
}

/// A time of day and its zone: "14:05", "4:12", "PM", "p.m.", "EST", "KST".
pub(crate) fn is_clock_word(word: &str) -> bool {
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    // A sign glued to digits ("23℃") is a measure, not a time.
    let digits = word.chars().any(|c| c.is_ascii_digit());
    word.chars().all(|c| {
        c.is_ascii_digit() || c == ':' || !c.is_alphanumeric() && (c.is_ascii() || !digits)
    }) || matches!(letters.to_lowercase().as_str(), "am" | "pm")
        || (2..=4).contains(&letters.len())
            && letters.len() == word.trim_matches(|c: char| !c.is_alphanumeric()).len()
            && letters.chars().all(|c| c.is_ascii_uppercase())
            && letters.ends_with('T')
}

/// A news dateline: "SEOUL, Nov. 23, 2026 (Yonhap) --", "Berlin, 23 November
/// 2026 /PRNewswire/ —", "July 5, 2026 | Brussels —": a date near the
/// start, then a dash, a bar or an agency tag.
pub(crate) fn is_dateline(body: &str) -> bool {
    let Some((span, _)) = full_dates(body).into_iter().next() else {
        return false;
    };
    let after = skip_weekday(body[span.end..].trim_start());
    // "London, 11 October 2023, (Acme Wire) –": a place, the date, then a
    // comma before the tag.
    // The place is a name of one to three capitalized words, no weekday
    // ("On Wednesday, 11 October 2023, (local time) …" is a sentence).
    const MAX_PLACE_WORDS: usize = 3;
    let place = body[..span.start].trim_end();
    // "WASHINGTON (March 4, 2024) –", "[March 4, 2024]": the date in
    // brackets after the place, which must then be a place's name ("The
    // deadline (June 30, 2024) – which …" is a sentence).
    let bracketed = [('(', ')'), ('[', ']')].iter().find_map(|&(open, close)| {
        Some((
            place.strip_suffix(open)?.trim_end(),
            after.strip_prefix(close)?.trim_start(),
        ))
    });
    let (place, after) = bracketed.unwrap_or((place, after));
    let place_words: Vec<&str> = place.split_whitespace().collect();
    let names_a_place = (1..=MAX_PLACE_WORDS).contains(&place_words.len())
        && place_words.iter().all(|w| {
            w.starts_with(char::is_uppercase) && weekday_named(w.trim_end_matches(',')).is_none()
        });
    let tagged_after_a_comma = place.ends_with(',')
        && names_a_place
        && after
            .strip_prefix(',')
            .is_some_and(|rest| rest.trim_start().starts_with('('));
    span.start <= 40
        && (bracketed.is_none() || names_a_place)
        && (after.starts_with(['—', '–', '(', '/'])
            || tagged_after_a_comma
            || barred_dateline(after)
            || after.starts_with("--")
            || after.starts_with("- "))
        || press_dateline_end(body).is_some()
        || places_then_comma(place, after)
}

/// "New York, Oslo, and Newnan, GA, May 22, 2024, Acme Battery (NYSE:
/// ACME) has provided …": a release's places and their states, each a
/// capitalized name of one to three words, at least two of them, then the
/// date and a comma before the story. A sentence opens with a word of its
/// own ("In Seoul, May 22, 2024, …") or names one place.
fn places_then_comma(place: &str, after: &str) -> bool {
    const MAX_PLACE_WORDS: usize = 3;
    const MAX_PLACES: usize = 5;
    let Some(place) = place.strip_suffix(',') else {
        return false;
    };
    let places: Vec<&str> = place
        .split(',')
        .map(|p| p.trim().strip_prefix("and ").unwrap_or(p.trim()))
        .collect();
    let named = |p: &&str| {
        let words: Vec<&str> = p.split_whitespace().collect();
        (1..=MAX_PLACE_WORDS).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(char::is_uppercase)
                    && weekday_named(w).is_none()
                    && !vocab::FUNCTION_WORDS.contains(&w.to_lowercase().as_str())
            })
    };
    // A citation's authors ("Roe, J., Orlov, D.,") and a caption's names
    // are capitalized too: a release writes its state's code last ("GA")
    // or its first place in capitals ("NEWNAN").
    let capitals = |p: &str| {
        p.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && p.chars().all(|c| !c.is_lowercase() && c != '.')
    };
    (2..=MAX_PLACES).contains(&places.len())
        && places.iter().all(named)
        && (places.last().is_some_and(|p| capitals(p)) || capitals(places[0]))
        && after
            .strip_prefix(',')
            .is_some_and(|rest| rest.trim_start().starts_with(char::is_uppercase))
}

/// "| Brussels, Belgium — …" after a dateline's date: a bar, then a short
/// place set off by a dash. A timeline's row ("March 3, 2024 | Acme broke
/// ground …") has no such dash.
pub(crate) fn barred_dateline(after: &str) -> bool {
    const MAX_PLACE_CHARS: usize = 40;
    let Some(rest) = after.strip_prefix('|') else {
        return false;
    };
    [" — ", " – ", " -- ", " - "]
        .iter()
        .filter_map(|dash| rest.find(dash))
        .min()
        .is_some_and(|at| at <= MAX_PLACE_CHARS && !rest[..at].contains(['.', ';']))
}

/// The month and day of a dateline that gives no year: "SEOUL, Aug. 7
/// (Yonhap) --", "Seoul, October 14 — ": a place and a comma, the day,
/// then an agency tag or a dash.
pub(crate) fn yearless_dateline_day(body: &str) -> Option<(u8, u8)> {
    let words = word_spans(body);
    let k = (1..words.len().min(6))
        .find(|&k| k + 1 < words.len() && month_and_day(words[k].1, words[k + 1].1).is_some())?;
    let (m, d) = month_and_day(words[k].1, words[k + 1].1)?;
    let head = body[..words[k].0].trim_end();
    let (end, last) = words[k + 1];
    let after = body[end + last.len()..].trim_start();
    let set_off = after.starts_with(['(', '—', '–']) || after.starts_with("--");
    let dated = full_dates(body)
        .first()
        .is_some_and(|(span, _)| span.start == words[k].0);
    (head.ends_with(',') && head.starts_with(char::is_uppercase) && set_off && !dated)
        .then_some((m, d))
}

/// Where the story starts after a press release's dateline that ends in a
/// full stop: "WOODINVILLE and MOSES LAKE, Wash., Sept. 19, 2023. Group14
/// …". The place opens in capitals and a comma sets off the date, so a
/// story sentence that merely starts with a date is no dateline.
pub(crate) fn press_dateline_end(body: &str) -> Option<usize> {
    let (span, _) = full_dates(body).into_iter().next()?;
    let head = &body[..span.start];
    let first = head.split_whitespace().next()?.trim_end_matches(',');
    let capitals = first.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && first.chars().all(|c| !c.is_lowercase());
    let after = &body[span.end..];
    let rest = after
        .strip_prefix(". ")
        .or_else(|| after.strip_prefix(": "))?;
    (capitals
        && head.trim_end().ends_with(',')
        && head.split_whitespace().count() <= 8
        && rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
    .then(|| body.len() - rest.len())
}

/// A site masthead's date of today: a date and its weekday alone, no time
/// ("2024.10.19 토요일", "Saturday, November 23, 2024"). A story's stamp
/// gives its time or a label; this one dates the visit, not the story.
pub(crate) fn is_todays_date(body: &str) -> bool {
    is_date_with_only(body, |_| false)
}

/// A date with its weekday beside it and nothing else but words `also`
/// allows ("구독하기 2024.04.27. (토)": a site bar's button).
pub(crate) fn is_date_with_only(body: &str, also: impl Fn(&str) -> bool) -> bool {
    let Some(words) = words_beside_the_date(body) else {
        return false;
    };
    words.iter().any(|w| is_weekday(w)) && words.iter().all(|w| is_weekday(w) || also(w))
}

/// The words of a line beside its first date, without punctuation
/// ("Bloomberg News | March 28, 2023 |" → Bloomberg, News, |, |); None
/// when the line writes no date.
fn words_beside_the_date(body: &str) -> Option<Vec<&str>> {
    let (span, _) = full_dates(body).into_iter().next()?;
    let words = [&body[..span.start], &body[span.end..]]
        .into_iter()
        .flat_map(|part| {
            part.split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '.'))
        })
        .filter(|w| !w.is_empty())
        .collect();
    Some(words)
}

/// "Wednesday", "수요일", "수": a weekday's name.
fn is_weekday(word: &str) -> bool {
    let korean = word.strip_suffix("요일").unwrap_or(word);
    (korean.chars().count() == 1 && KOREAN_WEEKDAYS.contains(korean))
        || word.parse::<chrono::Weekday>().is_ok()
}

/// What a date line prints beside its date, past weekdays and times
/// ("Bloomberg News |" for "Bloomberg News | March 28, 2023 |"): a list
/// of other stories prints every entry's date alike.
pub(crate) fn date_line_frame(body: &str) -> Vec<String> {
    words_beside_the_date(body)
        .unwrap_or_default()
        .into_iter()
        .filter(|w| !is_weekday(w) && !is_clock_word(w))
        .map(str::to_lowercase)
        .collect()
}

/// A month and day written with their weekday and no year: "12.20 (금)",
/// "5.19.(월)", "12월 20일(금)", "Dec. 20 (Fri)". The weekday pins the
/// year among a few candidates, so such a day can date a page whose year
/// the text gives elsewhere. Gives the month, day, weekday and the words.
pub(crate) fn yearless_weekday_day(body: &str) -> Option<(u8, u8, chrono::Weekday, &str)> {
    let mut from = 0;
    while let Some(open) = body[from..].find('(').map(|i| from + i) {
        from = open + 1;
        let Some(close) = body[open..].find(')').map(|i| open + i) else {
            break;
        };
        let Some(weekday) = weekday_named(body[open + 1..close].trim().trim_end_matches('.'))
        else {
            continue;
        };
        let head = body[..open].trim_end();
        if let Some((month, day, start)) = numeric_month_day(head)
            .or_else(|| korean_month_day(head))
            .or_else(|| worded_month_day(head))
        {
            return Some((month, day, weekday, &body[start..=close]));
        }
    }
    None
}

/// "금", "금요일", "Fri", "Friday": a weekday.
pub(crate) fn weekday_named(word: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday::*;
    let korean = word.strip_suffix("요일").unwrap_or(word);
    let index = KOREAN_WEEKDAYS
        .chars()
        .position(|c| korean == c.to_string());
    match index {
        Some(i) => Some([Mon, Tue, Wed, Thu, Fri, Sat, Sun][i]),
        None => word.parse().ok(),
    }
}

/// "12.20", "5.19." ending `head`, not preceded by a year ("2024.12.20").
fn numeric_month_day(head: &str) -> Option<(u8, u8, usize)> {
    let head = head.strip_suffix('.').unwrap_or(head);
    let start = head
        .rfind(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
    let [m, d] = head[start..].split('.').collect::<Vec<_>>()[..] else {
        return None;
    };
    let short = |n: &str| (1..=2).contains(&n.len());
    (short(m) && short(d)).then_some(())?;
    Some((
        m.parse().ok().filter(|m| (1..=12).contains(m))?,
        day_number(d)?,
        start,
    ))
}

/// "12월 20일" ending `head`, with no year ("2024년") before it.
fn korean_month_day(head: &str) -> Option<(u8, u8, usize)> {
    let head = head.strip_suffix('일')?;
    let (before, day) = head.rsplit_once('월')?;
    let day = day.trim();
    let month_start = before.rfind(|c: char| !c.is_ascii_digit()).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let month = &before[month_start..];
    if before[..month_start].trim_end().ends_with('년') {
        return None;
    }
    let month: u8 = month.parse().ok().filter(|m| (1..=12).contains(m))?;
    Some((month, day_number(day)?, month_start))
}

/// "Dec. 20", "December 20" ending `head`.
fn worded_month_day(head: &str) -> Option<(u8, u8, usize)> {
    let words = word_spans(head);
    let [.., (start, month), (_, day)] = words[..] else {
        return None;
    };
    Some((month_number(month)?, day_number(day)?, start))
}

/// Korean weekdays, one syllable each: "2025년 05월 29일 (목)".
const KOREAN_WEEKDAYS: &str = "월화수목금토일";

/// What follows a date once its weekday in brackets is skipped: "(목)",
/// "(Tue.)" belong to the date, they are no agency tag ("(Yonhap)").
fn skip_weekday(after: &str) -> &str {
    let Some((inner, rest)) = after
        .strip_prefix('(')
        .and_then(|rest| rest.split_once(')'))
    else {
        return after;
    };
    let inner = inner.trim().trim_end_matches('.');
    let korean = inner.chars().count() == 1 && KOREAN_WEEKDAYS.contains(inner);
    if korean || inner.parse::<chrono::Weekday>().is_ok() {
        rest.trim_start()
    } else {
        after
    }
}

/// Every full date in `text`, with its byte span, in order of appearance.
pub(crate) fn full_dates(text: &str) -> Vec<(std::ops::Range<usize>, PartialDate)> {
    let mut found = numeric_dates(text);
    found.extend(year_last_dates(text));
    found.extend(worded_dates(text));
    found.extend(dashed_worded_dates(text));
    // "![](https://img.example/2022-06-24/photo.jpg)": a path's date is
    // the file's, written nowhere on the page.
    let addresses: Vec<std::ops::Range<usize>> = word_spans(text)
        .into_iter()
        .filter(|(_, word)| is_address(word))
        .map(|(start, word)| start..start + word.len())
        .collect();
    found.retain(|(span, _)| {
        !addresses
            .iter()
            .any(|a| a.start < span.end && span.start < a.end)
    });
    found.sort_by_key(|(span, _)| span.start);
    found
}

/// A word that is a web address or holds one ("https://…", "www.…",
/// "![](https://…)").
pub(crate) fn is_address(word: &str) -> bool {
    word.contains("://") || word.contains("www.")
}

/// The date a web address's path holds ("…/2022-06-24/…",
/// "…/2022/06/24/…"): the file's date, which the page writes nowhere.
pub(crate) fn address_date(address: &str) -> Option<PartialDate> {
    numeric_dates(address).first().map(|&(_, date)| date)
}

/// "05-Mar-2024", "5-March-2024": day, month name and year joined by
/// dashes into one word.
fn dashed_worded_dates(text: &str) -> Vec<(std::ops::Range<usize>, PartialDate)> {
    word_spans(text)
        .into_iter()
        .filter_map(|(start, word)| {
            let word = word.trim_end_matches([',', '.']);
            let [day, month, year] = word.split('-').collect::<Vec<_>>()[..] else {
                return None;
            };
            let date = PartialDate::ymd(parse_year(year)?, month_number(month)?, day_number(day)?)?;
            Some((start..start + word.len(), date))
        })
        .collect()
}

/// "2023-06-02", "2026.02.10", "2026. 2. 10.", "2024/03/11", ISO timestamps
/// ("2026-02-10T09:00:00+09:00"), and Korean "2026년 2월 10일".
fn numeric_dates(text: &str) -> Vec<(std::ops::Range<usize>, PartialDate)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let boundary = i == 0 || !bytes[i - 1].is_ascii_digit();
        if boundary && bytes[i..i + 4].iter().all(u8::is_ascii_digit) {
            if let Some((end, date)) = numeric_after_year(text, i) {
                found.push((i..end, date));
                i = end;
                continue;
            }
        }
        i += 1;
    }
    found
}

fn numeric_after_year(text: &str, start: usize) -> Option<(usize, PartialDate)> {
    let year: i32 = text[start..start + 4].parse().ok()?;
    if let Some(found) = board_date(text, start + 4, year) {
        return Some(found);
    }
    let mut pos = start + 4;
    let mut parts = Vec::new();
    for unit in ["년", "월"] {
        let rest = &text[pos..];
        let sep_len = separator_len(rest, unit)?;
        let digits_at = pos + sep_len;
        let digits = text[digits_at..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        if digits == 0 || digits > 2 {
            return None;
        }
        parts.push(text[digits_at..digits_at + digits].parse::<u8>().ok()?);
        pos = digits_at + digits;
    }
    if text[pos..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if let Some(rest) = text[pos..].strip_prefix("일") {
        pos = text.len() - rest.len();
    }
    PartialDate::ymd(year, parts[0], parts[1]).map(|d| (pos, d))
}

/// "2023 03.24" alone on its line: a board's date badge, the year set
/// apart from a two-digit month and day. Only a whole line counts, and
/// not a row of a table of years ("2022 11.40" over "2023 10.25"), so "in
/// 2023 10.25 percent" stays a year and a number.
fn board_date(text: &str, after_year: usize, year: i32) -> Option<(usize, PartialDate)> {
    const BADGE_LEN: usize = 5;
    let rest = text[after_year..].strip_prefix(' ')?;
    let badge = rest.get(..BADGE_LEN).filter(|badge| badge.is_ascii())?;
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let year_at = after_year - YEAR_DIGITS;
    let line_start = text[..year_at].rfind('\n').map_or(0, |at| at + 1);
    let line_end = after_year + 1 + BADGE_LEN;
    let whole_line = text[line_start..year_at].trim().is_empty()
        && text[line_end..]
            .lines()
            .next()
            .is_none_or(|tail| tail.trim().is_empty());
    // A table's row: the line before or after opens with a year too.
    let opens_with_year = |line: &str| {
        let line = line.trim_start().as_bytes();
        line.len() > YEAR_DIGITS
            && line[..YEAR_DIGITS].iter().all(u8::is_ascii_digit)
            && line[YEAR_DIGITS] == b' '
    };
    let before = text[..line_start]
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty());
    let after = text[line_end..]
        .lines()
        .skip(1)
        .find(|l| !l.trim().is_empty());
    let in_a_table = before.is_some_and(opens_with_year) || after.is_some_and(opens_with_year);
    let shaped = all_digits(&badge[..2]) && &badge[2..3] == "." && all_digits(&badge[3..]);
    if !(shaped && whole_line) || in_a_table {
        return None;
    }
    let date = PartialDate::ymd(year, badge[..2].parse().ok()?, badge[3..].parse().ok()?)?;
    Some((line_end, date))
}

/// Day or month first, year last: "21.01.2022" (dots: day first, as
/// Europe writes it), "11/17/2023" or "17/11/2023" only when one part
/// cannot be a month; "03/11/2024" is ambiguous and left alone.
fn year_last_dates(text: &str) -> Vec<(std::ops::Range<usize>, PartialDate)> {
    let bytes = text.as_bytes();
    let digits_at = |i: usize| bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let boundary = i == 0 || !(bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b'.');
        let first = digits_at(i);
        if !boundary || !(1..=2).contains(&first) {
            i += first.max(1);
            continue;
        }
        let sep = bytes.get(i + first).copied();
        let second_at = i + first + 1;
        let parsed = matches!(sep, Some(b'.' | b'/'))
            .then(|| {
                let second = digits_at(second_at.min(bytes.len()));
                let year_at = second_at + second + 1;
                let ok = (1..=2).contains(&second)
                    && bytes.get(second_at + second) == sep.as_ref()
                    && digits_at(year_at.min(bytes.len())) == 4;
                ok.then_some((second, year_at))
            })
            .flatten();
        let Some((second, year_at)) = parsed else {
            i += first;
            continue;
        };
        let a: u8 = text[i..i + first].parse().unwrap_or(0);
        let b: u8 = text[second_at..second_at + second].parse().unwrap_or(0);
        let year: i32 = text[year_at..year_at + 4].parse().unwrap_or(0);
        let (day, month) = match sep {
            Some(b'.') => (a, b),
            _ if a > 12 => (a, b),
            _ if b > 12 => (b, a),
            _ => (0, 0),
        };
        if let Some(date) = PartialDate::ymd(year, month, day) {
            found.push((i..year_at + 4, date));
        }
        i = year_at + 4;
    }
    found
}

/// Length of the separator between date parts: "-", "/", "." (optionally
/// followed by a space), or a Korean unit ("년 ", "월 ").
fn separator_len(rest: &str, korean_unit: &str) -> Option<usize> {
    if let Some(after) = rest.strip_prefix(korean_unit) {
        return Some(rest.len() - after.trim_start_matches(' ').len());
    }
    match rest.chars().next()? {
        '-' | '/' => Some(1),
        '.' => Some(if rest[1..].starts_with(' ') { 2 } else { 1 }),
        _ => None,
    }
}

/// "October 27, 2021", "Nov. 23, 2026", "23 November 2026", "23 Nov. 2026",
/// and the year first as some Asian press pages write it: "2021. June 21.",
/// "2021, June 21".
fn worded_dates(text: &str) -> Vec<(std::ops::Range<usize>, PartialDate)> {
    let words: Vec<(usize, &str)> = word_spans(text);
    let mut found = Vec::new();
    for window in words.windows(3) {
        let [(start, a), (_, b), (end, c)] = *window else {
            continue;
        };
        let date = parse_year(c)
            .zip(month_and_day(a, b))
            .and_then(|(y, (m, d))| PartialDate::ymd(y, m, d));
        if let Some(date) = date {
            let year_len = c.trim_end_matches(|ch: char| !ch.is_ascii_digit()).len();
            found.push((start..end + year_len, date));
            continue;
        }
        // The year first needs a mark after it: "in 2021 June sales …" is
        // no date.
        let year_first = a
            .strip_suffix(['.', ','])
            .and_then(parse_year)
            .zip(month_number(b).zip(day_number(c)))
            .and_then(|(y, (m, d))| PartialDate::ymd(y, m, d));
        if let Some(date) = year_first {
            let day_len = c.trim_end_matches(['.', ',']).len();
            found.push((start..end + day_len, date));
        }
    }
    found
}

/// Dates with a two-digit year, which a page writes only in its own
/// stamps: "2 December 22", "Dec. 2, 22", and (`year_first`, the Korean
/// order, where "13.05.25" cannot be a European day first) "25-05-13".
/// Read only right after a date label; in a sentence "22" is no year.
pub(crate) fn short_year_dates(
    text: &str,
    year_first: bool,
) -> Vec<(std::ops::Range<usize>, PartialDate)> {
    let words = word_spans(text);
    let mut found = Vec::new();
    for (i, &(start, word)) in words.iter().enumerate() {
        let numeric = year_first
            .then(|| short_numeric(word.trim_end_matches(',')))
            .flatten();
        if let Some(date) = numeric {
            found.push((start..start + word.trim_end_matches(',').len(), date));
            continue;
        }
        let [(_, b), (end, c)] = words.get(i + 1..i + 3).unwrap_or_default() else {
            continue;
        };
        let Some(year) = short_year(c) else { continue };
        let date = month_and_day(word, b).and_then(|(m, d)| PartialDate::ymd(year, m, d));
        if let Some(date) = date {
            found.push((start..end + 2, date));
        }
    }
    found
}

/// "03-11-24 1502ET" alone on a line, "by AP - 06/13/23 9:40 AM ET": a US
/// newswire's stamp, month and day first, then a two-digit year and the
/// clock with its time zone; a byline set off by a dash or a bar may open
/// the line. The zone is what says the order is American.
pub(crate) fn wire_stamp(line: &str) -> Option<PartialDate> {
    static ZONES: Words = word_list!("shared/wire-time-zones.txt");
    let words: Vec<&str> = line.split_whitespace().collect();
    let (&last, rest) = words.split_last()?;
    // "1502ET": the clock glued to its zone; "9:40 AM ET": spaced.
    let digits = last.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let glued = digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && ZONES.contains(&&last[digits.len()..]);
    let before_clock = if glued {
        rest
    } else {
        let spaced_clock = |words: &[&str]| match words {
            [.., clock, half]
                if matches!(half.replace('.', "").to_lowercase().as_str(), "am" | "pm") =>
            {
                Some(words.len() - 2).filter(|_| is_hour_minute(clock))
            }
            [.., clock] => Some(words.len() - 1).filter(|_| is_hour_minute(clock)),
            [] => None,
        };
        let at = ZONES
            .contains(&last)
            .then(|| spaced_clock(rest))
            .flatten()?;
        &rest[..at]
    };
    let (&date, opening) = before_clock.split_last()?;
    let bylined = match opening {
        [] => true,
        [by, name @ .., mark] => {
            by.eq_ignore_ascii_case("by")
                && mark.chars().count() == 1
                && mark.chars().all(|c| BYLINE_MARKS.contains(&c) && c != ',')
                && (1..=MAX_BYLINE_WORDS).contains(&name.len())
        }
        _ => false,
    };
    if !bylined {
        return None;
    }
    let sep = if date.contains('/') { '/' } else { '-' };
    let [m, d, y] = two_digit_parts(date, sep)?;
    PartialDate::ymd(2000 + i32::from(y), m, d)
}

/// "9:40", "14:05": hours and minutes.
fn is_hour_minute(word: &str) -> bool {
    word.split_once(':').is_some_and(|(h, m)| {
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
    })
}

/// "25-05-13" split at `sep` into three numbers of exactly two digits.
pub(crate) fn two_digit_parts(word: &str, sep: char) -> Option<[u8; 3]> {
    let two = |p: &str| {
        (p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u8>().ok())
            .flatten()
    };
    let [a, b, c] = word.split(sep).collect::<Vec<_>>()[..] else {
        return None;
    };
    Some([two(a)?, two(b)?, two(c)?])
}

/// "25-05-13", "25.05.13", "25/05/13": two digits each, year first.
fn short_numeric(word: &str) -> Option<PartialDate> {
    let sep = word.chars().find(|c| matches!(c, '-' | '.' | '/'))?;
    let [y, m, d] = two_digit_parts(word, sep)?;
    PartialDate::ymd(2000 + i32::from(y), m, d)
}

/// "22" (or "22," closing a phrase) as a year of this century.
fn short_year(word: &str) -> Option<i32> {
    let digits = word.trim_end_matches([',', '.']);
    (digits.len() == 2 && digits.bytes().all(|b| b.is_ascii_digit()))
        .then(|| 2000 + digits.parse::<i32>().unwrap_or(0))
}

/// Month and day of two words in either order: "Nov. 23", "23 November".
pub(crate) fn month_and_day(a: &str, b: &str) -> Option<(u8, u8)> {
    month_number(a)
        .zip(day_number(b))
        .or_else(|| month_number(b).zip(day_number(a)))
}

fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part_of_word = !c.is_whitespace() && !matches!(c, '(' | ')' | '[' | ']');
        match (part_of_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, &text[s..]));
    }
    spans
}

fn day_number(word: &str) -> Option<u8> {
    let word = word.trim_end_matches([',', '.']);
    let word = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| word.strip_suffix(suffix))
        .unwrap_or(word);
    (word.len() <= 2)
        .then(|| word.parse().ok())
        .flatten()
        .filter(|d| (1..=31).contains(d))
}

fn parse_year(word: &str) -> Option<i32> {
    let word = word.trim_end_matches(|c: char| !c.is_ascii_digit());
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit())).then(|| word.parse().ok())?
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_date_in_brackets_after_the_place_is_a_dateline() {
        assert!(is_dateline(
            "WASHINGTON (March 4, 2024) – The commission voted."
        ));
        assert!(is_dateline(&unglued(
            "NEW YORK (Jan. 31,2025) — The commission voted."
        )));
        assert_eq!(
            unglued("WASHINGTON (March 4,2024) –"),
            "WASHINGTON (March 4, 2024) –"
        );
        assert!(is_dateline("WASHINGTON [March 4, 2024] – The vote."));
        // Before a bracketed date, only a place's name makes a dateline.
        assert!(!is_dateline(
            "The original deadline (June 30, 2024) – which Acme missed – passed."
        ));
        assert!(!is_dateline(
            "Phase 1 (December 31, 2024) – 8 GWh of cells delivered"
        ));
    }

    #[test]
    fn a_year_glued_to_the_days_comma() {
        assert_eq!(unglued("Mar 11,2020"), "Mar 11, 2020");
        assert_eq!(
            full_dates(&unglued("Mar 11,2020"))[0].1.to_string(),
            "2020-03-11"
        );
        // Counts and thousands stay as they are.
        assert_eq!(unglued("about 11,2020 units"), "about 11,2020 units");
        assert_eq!(unglued("Mar 11,20201"), "Mar 11,20201");
    }

    #[test]
    fn a_year_glued_to_a_reading_time() {
        assert_eq!(
            unglued("11 August 20237 minute read"),
            "11 August 2023 7 minute read"
        );
        assert_eq!(
            unglued("May 2, 202412 mins read"),
            "May 2, 2024 12 mins read"
        );
        // Other numbers, or no reading time after them, stay.
        assert_eq!(
            unglued("It has 30237 minute hands"),
            "It has 30237 minute hands"
        );
        assert_eq!(unglued("Sold 20237 units"), "Sold 20237 units");
    }

    #[test]
    fn a_day_with_its_weekday_and_no_year() {
        use chrono::Weekday::*;
        let read = |t: &str| yearless_weekday_day(t).map(|(m, d, w, s)| (m, d, w, s.to_string()));
        assert_eq!(read("12.20 (금)"), Some((12, 20, Fri, "12.20 (금)".into())));
        assert_eq!(
            read("산업부는 5.19.(월) 착수했다"),
            Some((5, 19, Mon, "5.19.(월)".into()))
        );
        assert_eq!(
            read("12월 20일(금요일)"),
            Some((12, 20, Fri, "12월 20일(금요일)".into()))
        );
        assert_eq!(
            read("Dec. 20 (Fri)"),
            Some((12, 20, Fri, "Dec. 20 (Fri)".into()))
        );
        // A year before the day, a bracket that is no weekday: none.
        assert_eq!(read("2024.12.20 (금)"), None);
        assert_eq!(read("2024년 12월 20일(금)"), None);
        assert_eq!(read("12.20 (Yonhap)"), None);
        assert_eq!(read("13.20 (금)"), None);
    }

    use super::*;

    #[test]
    fn a_boards_date_badge_sets_the_year_apart() {
        let dates = |t: &str| {
            full_dates(t)
                .into_iter()
                .map(|(span, d)| (span, d.to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(dates("2023 03.24"), [(0..10, "2023-03-24".to_string())]);
        assert_eq!(
            dates("조회수 12\n2023 03.24 \n본문"),
            [(13..23, "2023-03-24".to_string())]
        );
        assert!(is_date_line("2023 03.24"));
        // Not alone on its line, a table's row, or not two digits a part:
        // a year and a number.
        assert!(dates("in 2023 10.25 percent more").is_empty());
        assert!(dates("Margin by year: 2023 10.25").is_empty());
        assert!(dates("Price, in dollars:\n2022 11.40\n2023 10.25\n").is_empty());
        assert!(dates("2023 10.25\n\n2024 11.02").is_empty());
        assert!(dates("2023 3.24").is_empty());
        assert!(dates("2023 13.24").is_empty());
    }

    #[test]
    fn a_letter_whose_lowercase_is_shorter_never_cuts_a_syllable_after_the_date() {
        // The Kelvin sign 'K' lowercases to one byte 'k': the update label
        // found in the lowercase copy once ended the line inside 랩.
        assert!(is_date_line("March 16, 2024 \u{212a}-랩 수정"));
    }

    #[test]
    fn a_dateline_without_a_year_gives_its_month_and_day() {
        assert_eq!(
            yearless_dateline_day("SEOUL, Aug. 7 (Yonhap) -- Acme said."),
            Some((8, 7))
        );
        assert_eq!(
            yearless_dateline_day("Seoul, October 14 — Acme said."),
            Some((10, 14))
        );
        // A year in the dateline, or a date inside a sentence, is another
        // matter.
        assert_eq!(
            yearless_dateline_day("SEOUL, Aug. 7, 2023 (Yonhap) -- Acme."),
            None
        );
        assert_eq!(
            yearless_dateline_day("Acme said on Aug. 7 (Monday) it grew."),
            None
        );
    }

    #[test]
    fn a_worded_date_with_its_year_first() {
        let read =
            |t: &str| -> Vec<String> { full_dates(t).iter().map(|(_, d)| d.to_string()).collect() };
        assert_eq!(read("2021. June 21."), ["2021-06-21"]);
        assert_eq!(read("Seoul, 2021, Jun 21"), ["2021-06-21"]);
        // The year needs its mark: a year and a month's sales are no day.
        assert!(read("in 2021 June 21 units").is_empty());
    }

    #[test]
    fn ambiguous_partial_and_impossible_numbers_are_no_full_dates() {
        assert!(full_dates("03/11/2024").is_empty());
        assert!(full_dates("version 1.2.20245").is_empty());
        assert!(full_dates("1.21.2022").is_empty());
        assert!(full_dates("version 2023.1.2.3").len() <= 1);
        assert!(full_dates("2023-02-30").is_empty());
    }

    #[test]
    fn two_digit_years_in_stamps() {
        let dates = |text: &str, year_first: bool| -> Vec<String> {
            short_year_dates(text, year_first)
                .into_iter()
                .map(|(span, date)| format!("{} {date}", &text[span]))
                .collect()
        };
        assert_eq!(dates("25-05-13 17:47", true), ["25-05-13 2025-05-13"]);
        // A day first is as likely outside Korea: no order is guessed.
        assert!(dates("13.05.25 17:47", false).is_empty());
        assert_eq!(
            dates("Fri - 2 December 22", false),
            ["2 December 22 2022-12-02"]
        );
        assert_eq!(dates("Dec. 2, 22", false), ["Dec. 2, 22 2022-12-02"]);
        assert!(dates("2 December 2022", false).is_empty());
        assert!(dates("25-13-05", true).is_empty());
    }

    #[test]
    fn a_day_month_name_and_year_joined_by_dashes() {
        let found = full_dates("Posted 05-Mar-2024, 10:31");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1.to_string(), "2024-03-05");
        assert_eq!(
            &"Posted 05-Mar-2024, 10:31"[found[0].0.clone()],
            "05-Mar-2024"
        );
        assert!(full_dates("the 05-Foo-2024 batch").is_empty());
    }

    #[test]
    fn a_date_inside_an_address_is_written_nowhere() {
        assert!(full_dates("![](https://img.example.com/photo/2022-06-24/a.jpg)").is_empty());
        assert!(full_dates("See www.example.com/2023/05/12/story for more").is_empty());
        assert_eq!(
            full_dates("Posted 2022-06-24 at https://example.com/").len(),
            1
        );
    }

    #[test]
    fn a_weekday_in_brackets_is_no_agency_tag() {
        // A site's masthead: today's date, its weekday and the weather.
        assert!(!is_dateline("2025년 05월 29일 (목)  맑음 23℃"));
        assert!(!is_dateline("Thursday edition 27.03.2025 (Thu.) Sunny"));
        assert!(is_dateline(
            "WOODINVILLE and MOSES LAKE, Wash., Sept. 19, 2023. Acme said it had won."
        ));
        assert!(!is_dateline("On Sept. 19, 2023. Acme said it had won."));
        assert!(!is_dateline("Seoul, Sept. 19, 2023. Acme said it had won."));
        assert!(is_dateline("2025.05.28 (수) (서울=연합뉴스) 기자 ="));
        assert!(is_dateline(
            "SEOUL, Nov. 23, 2026 (Yonhap) -- The ministry said"
        ));
        assert!(is_dateline(
            "May 6, 2026 | Lyon, France — The agency has opened a fund."
        ));
        assert!(!is_dateline("On May 6, 2026, Acme opened a plant | said."));
        assert!(is_dateline(
            "London, 11 October 2023, (Acme Wire) – Acme and Vale today announced a plant."
        ));
        assert!(!is_dateline(
            "On 11 October 2023, (as planned) Acme and Vale announced a plant."
        ));
        assert!(!is_dateline(
            "On Wednesday, 11 October 2023, (local time) Acme bought the land."
        ));
        assert!(!is_dateline(
            "Back then, 11 October 2023, (a Wednesday) was the day."
        ));
        // Places and their states, the date, a comma, the story.
        assert!(is_dateline(
            "Boston, Oslo, and Newnan, GA, May 22, 2024, Acme Battery (NYSE: ACME) has provided an update."
        ));
        assert!(is_dateline(
            "Newnan, GA, May 22, 2024, Acme Battery has provided an update."
        ));
        assert!(!is_dateline(
            "In Newnan, GA, May 22, 2024, Acme Battery opened a plant."
        ));
        assert!(!is_dateline(
            "Newnan, May 22, 2024, Acme Battery opened a plant."
        ));
        // A citation's authors and a caption's names are no places.
        assert!(!is_dateline(
            "Roe, J., Orlov, D., March 3, 2021, Battery Review 12."
        ));
        assert!(!is_dateline("Jane Roe, Dana Orlov, May 22, 2024, Berlin."));
        assert!(!is_dateline(
            "Acme, Vale, May 22, 2024, was the day the plant opened."
        ));
        // A timeline's row.
        assert!(!is_dateline(
            "March 3, 2024 | Acme breaks ground on the Ohio plant."
        ));
        assert!(!is_date_line("2025년 05월 29일 (목)  맑음 23℃"));
        assert!(is_date_line("2025년 05월 29일 (목) 14:05"));
        // Today's date over a masthead, unlike a story's stamp.
        assert!(is_todays_date("2024.10.19 토요일"));
        assert!(is_todays_date("Saturday, November 23, 2024"));
        assert!(!is_todays_date("2024.11.23 (토) 14:05"));
        assert!(!is_todays_date("입력 2024.10.19 토요일"));
    }

    #[test]
    fn a_date_lines_frame_is_what_it_prints_beside_weekday_and_time() {
        assert!(date_line_frame("Saturday, November 23, 2024").is_empty());
        assert!(date_line_frame("2024.11.23 (토) 14:05").is_empty());
        assert_eq!(
            date_line_frame("Kestrel Wire | March 28, 2023 |"),
            ["kestrel", "wire"]
        );
    }

    #[test]
    fn a_date_before_the_sections_trail_is_a_date_line() {
        assert!(is_date_line("08/20/2020 Campus News > Research"));
        // A masthead's clock before its menu is not.
        assert!(!is_date_line(
            "08/20/2020 | Sign in | Subscribe | Newsletter"
        ));
    }

    #[test]
    fn a_byline_set_off_after_the_date_keeps_it_a_date_line() {
        assert!(is_date_line("May 18, 2023, by Jane Roe"));
        assert!(is_date_line("May 18, 2023 | by Jane Roe"));
        assert!(is_date_line("May 18, 2023 by Jane Roe"));
        // A sentence after the date, or "by" naming no one, is no byline.
        assert!(!is_date_line(
            "May 18, 2023, by which time the plant had closed its doors"
        ));
        assert!(!is_date_line("May 18, 2023 - by the numbers"));
    }

    #[test]
    fn a_us_wire_stamp_is_month_day_year() {
        assert_eq!(wire_stamp("06-17-24 0915ET"), PartialDate::ymd(2024, 6, 17));
        assert_eq!(
            wire_stamp("03-11-24 1502GMT"),
            PartialDate::ymd(2024, 3, 11)
        );
        // No time zone, or more on the line: no stamp.
        assert_eq!(wire_stamp("06-17-24 0915"), None);
        assert_eq!(wire_stamp("Sales 06-17-24 0915ET"), None);
        // Slashes, a spaced clock, and a byline set off before the date.
        assert_eq!(
            wire_stamp("by AP - 06/13/23 9:40 AM ET"),
            PartialDate::ymd(2023, 6, 13)
        );
        assert_eq!(
            wire_stamp("06/13/23 14:05 EDT"),
            PartialDate::ymd(2023, 6, 13)
        );
        assert_eq!(
            wire_stamp("by Jane Roe | 06/13/23 9:40 a.m. ET"),
            PartialDate::ymd(2023, 6, 13)
        );
        // A sentence before the date, no mark after the byline, or no
        // zone after the clock: no stamp.
        assert_eq!(wire_stamp("Sales rose 06/13/23 9:40 AM ET"), None);
        assert_eq!(wire_stamp("by AP 06/13/23 9:40 AM ET"), None);
        assert_eq!(wire_stamp("by AP - 06/13/23 9:40 AM"), None);
    }
}
