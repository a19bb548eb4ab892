//! Ingest, text layer, dates on the page: every full date a page gives outside its
//! story sentences, and what each one is.
//!
//! Takes one line of the raw page; gives back its dates with their role:
//! the original publication of a reposted text ("Source: Wire (October 27,
//! 2021)"), the page's publication ("Posted : …", "작성일 …", a date line,
//! a dateline, a date glued to the headline), or a later update ("Updated:
//! …", "수정 …"). A label counts where it stands right before its date,
//! anywhere in a line that is not a running sentence, so a stamp glued to a
//! headline or a board's one-line metadata ("조회 217회 작성일 2023-04-21")
//! is read too.

use super::date::{
    full_dates, is_clock_word, is_date_line, is_dateline, short_year_dates, update_labels,
    weekday_named,
};
use super::hangul::is_hangul;
use crate::content::date::PartialDate;
use crate::ingest::text::line::{ends_sentence, is_email, word_count};
use crate::ingest::text::vocab;
use crate::ingest::text::vocab::READING_TIME;
use crate::ingest::text::words::{word_list, Words};

/// Labels that introduce the publication date, besides `DATE_LABELS`.
static PUBLICATION_LABELS: Words = word_list!("shared/publication-labels.txt");
/// Labels that introduce the original publication of a reposted text.
static ORIGINAL_LABELS: Words = word_list!("shared/original-labels.txt");
/// Comment counters in a story's meta bar ("No Comments").
static META_BAR_LABELS: Words = word_list!("shared/meta-bar-labels.txt");

/// What a date on the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The original publication of a reposted text.
    Original,
    /// The page's own publication.
    Publication,
    /// A stamp with no label (a date line, a dateline, a date glued to
    /// the headline, a meta bar): the page's publication unless a
    /// labelled stamp says otherwise (a site's clock over the masthead
    /// writes a date line too). Among these the page's order decides.
    Unlabelled,
    /// A later edit: used only when nothing else dates the page.
    Update,
    /// The day a photo was filed, its caption signed by the reporter's
    /// address: the page's day as a guess, never as its stamp.
    Photo,
}

/// The role a line that is only a date label gives the date on the line
/// after it ("- 등록일" over "- 2025.03.12", "Published:" over a date).
/// The whole line must be the label ("Event date" is no label), and a
/// source's label alone ("출처") names no original publication.
pub(crate) fn label_alone(body: &str) -> Option<Role> {
    let label = body.trim().trim_end_matches([':', ' ']).to_lowercase();
    let is = |l: &&str| l.trim() == label;
    if label.is_empty() {
        None
    } else if update_labels().any(&is) {
        Some(Role::Update)
    } else if publication_labels().any(is) {
        Some(Role::Publication)
    } else {
        None
    }
}

/// The dates one line gives, with their roles, in order.
pub(crate) fn roles_in(body: &str) -> Vec<(Role, PartialDate)> {
    let unglued = super::date::unglued(body);
    let body: &str = &unglued;
    if let Some(date) = crate::ingest::text::date::wire_stamp(body) {
        return vec![(Role::Publication, date)];
    }
    let dates: Vec<_> = full_dates(body)
        .into_iter()
        .filter(|(span, _)| !is_reference_time(body, span))
        .collect();
    let Some(&(_, first)) = dates.first() else {
        return labelled_short_dates(body);
    };
    let lower = body.to_lowercase();
    // "이 기사는 2023년 10월 26일 … 표출된 기사입니다": a paid service's
    // notice of the day it first showed the story; without the notice's
    // wording the line dates a seminar or an earlier story.
    if vocab::opens_as_a_notice(&lower) {
        return if vocab::is_showing_notice(&lower) {
            vec![(Role::Publication, first)]
        } else {
            Vec::new()
        };
    }
    if starts_with_label(&lower, update_labels()) || opens_with_page_clock(&lower) {
        return vec![(Role::Update, first)];
    }
    if starts_with_label(&lower, ORIGINAL_LABELS.iter()) {
        return vec![(Role::Original, first)];
    }
    // A running sentence keeps its dates: they are the story's.
    let field_line = !ends_sentence(body) || word_count(body) <= 12;
    let mut found: Vec<(Role, PartialDate)> = if field_line {
        dates
            .iter()
            .filter_map(|(span, date)| {
                label_before(&body[..span.start])
                    .or_else(|| signed_by_reporter(&body[..span.start], &body[span.end..]))
                    .or_else(|| after_a_byline(&body[..span.start]))
                    .map(|role| (role, *date))
            })
            .collect()
    } else {
        stamp_glued_to_the_lead(body, &dates).into_iter().collect()
    };
    let labelled_line = starts_with_label(&lower, publication_labels());
    // "27 Apr 2023 10:20PM (Updated: 28 Apr 2023 12:30AM)": an edit
    // noted after the stamp leaves the stamp unlabelled, not absent.
    // A headline's or a meta bar's stamp is its last date, so only a line
    // that is a date (before its update note) may carry both.
    let only_updates = found.iter().all(|(role, _)| *role == Role::Update);
    let unlabelled_stamp = only_updates
        && (is_date_line(body) || is_dateline(body) && !places_people_in_a_photo(&lower))
        || found.is_empty() && (headline_stamp(body).is_some() || is_meta_bar(body));
    if (labelled_line || unlabelled_stamp) && found.first().map(|f| f.1) != Some(first) {
        let role = if labelled_line {
            Role::Publication
        } else {
            Role::Unlabelled
        };
        found.insert(0, (role, first));
    }
    found
}

/// "재생 0회 | 등록 2021.07.11<앵커> 휴대폰이 …": a scrape that glued the
/// page's meta bar to the story's lead. The line runs on as sentences,
/// but a labelled date among its first few words is still the stamp.
fn stamp_glued_to_the_lead(
    body: &str,
    dates: &[(std::ops::Range<usize>, PartialDate)],
) -> Option<(Role, PartialDate)> {
    const META_WORDS: usize = 5;
    let (span, date) = dates.first()?;
    let before = &body[..span.start];
    if word_count(before) > META_WORDS {
        return None;
    }
    // The label opens the line or follows a meta bar's separator: "The
    // report, published on March 3, 2021, …" is a sentence.
    static GLUED_LABELS: Words = word_list!("shared/glued-stamp-labels.txt");
    let head = without_time_words(before).to_lowercase();
    let glued = GLUED_LABELS
        .iter()
        .find(|l| head.ends_with(*l))
        .map(|l| l.len());
    let rest = head[..head.len() - label_at_end(&head).or(glued)?].trim_end();
    if !rest.is_empty() && !rest.ends_with(['|', '·', '│', '/']) {
        return None;
    }
    let role = label_before(before).or(glued.map(|_| Role::Publication));
    role.map(|role| (role, *date))
}

/// "Sep. 30, 2022 6:38 AM ETFREYR Battery (FREY)By: …": a line opening
/// with a day and its time of day is a stamp, whatever the scrape glued
/// after it; a story's sentence never opens so. Only the caller knows
/// whether the line stands in the page's head (an agenda's lines open so
/// further down).
pub(crate) fn opens_with_a_clocked_date(body: &str) -> Option<PartialDate> {
    let dates = full_dates(body);
    dates
        .first()
        .filter(|(span, date)| {
            let time = body[span.end..].split_whitespace().next().unwrap_or("");
            let clock = time.contains(':') && time.contains(|c: char| c.is_ascii_digit());
            span.start == 0 && date.day.is_some() && clock && is_clock_word(time)
        })
        .map(|(_, date)| *date)
}

/// "UPDATE. 2018-11-14 21:02 (수)": a page clock's label, a full stop and
/// the date right after it. Only here, never in cleaning's labels:
/// "UPDATE. Talks resumed Friday." is a story's line.
fn opens_with_page_clock(lower: &str) -> bool {
    const CLOCK_LABEL: &str = "update.";
    lower
        .strip_prefix(CLOCK_LABEL)
        .is_some_and(|rest| rest.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// "March 19, 2019 - Atlanta - Jaewon Chey, left, and …": a photo's
/// caption in a dateline's form, placing its people ("left", "(center)",
/// "from left"). Its date is the photo's, never the page's stamp.
fn places_people_in_a_photo(lower: &str) -> bool {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != ',' && c != '(' && c != ')')
        .flat_map(|w| w.split_inclusive([',', ')']))
        .filter(|w| !w.is_empty())
        .collect();
    vocab::PHOTO_POSITIONS.iter().any(|position| {
        let set_off = [
            format!(", {position},"),
            format!(", {position})"),
            format!("({position})"),
        ]
        .iter()
        .any(|mark| lower.contains(mark.as_str()));
        // "from left" as words of their own ("from leftover" is none).
        let from = words
            .windows(2)
            .any(|w| w[0] == "from" && w[1].trim_end_matches([',', ')']) == *position);
        set_off || from
    })
}

/// A story's meta bar: no sentence, with a reading time or a comment
/// counter ("By admin December 13, 2024 No Comments 3 Mins Read").
fn is_meta_bar(body: &str) -> bool {
    let lower = body.to_lowercase();
    !ends_sentence(body)
        && word_count(body) <= 16
        && READING_TIME
            .iter()
            .chain(META_BAR_LABELS.iter())
            .any(|label| lower.contains(label))
}

/// A date a line marks as the time its data holds ("2022.08.01 00:00
/// 기준", "8월 기준으로", "As of May 1, 2024"): a ranking's, a table's or
/// a statistic's, not the page's and no happening.
pub(crate) fn is_reference_time(body: &str, span: &std::ops::Range<usize>) -> bool {
    static AS_OF: Words = word_list!("shared/as-of-words.txt");
    // "5월 말 기준": the part of a month between the date and its marker
    // ("5월 중 기준 금리를" is no such part: 중 is "during").
    static MONTH_PARTS: Words = word_list!("korean/month-parts.txt");
    let next = body[span.end..]
        .split_whitespace()
        .find(|w| !is_clock_word(w) && !MONTH_PARTS.contains(w))
        .map(str::to_lowercase);
    let before = body[..span.start].trim_end().to_lowercase();
    // "as of" before the date, as a phrase of its own ("Bias of May 1" is
    // no "as of").
    let as_of_before = |w: &&str| {
        before
            .strip_suffix(*w)
            .is_some_and(|head| !head.ends_with(char::is_alphanumeric))
    };
    // "8월 기준으로": the adverbial particle only; "기준을 강화했다" is
    // the noun "standard".
    let marks = |w: &str| {
        let w = w.trim_end_matches([',', '.', ')', ']']);
        AS_OF.iter().any(|a| {
            w.strip_prefix(a)
                .is_some_and(|rest| ["", "으로", "으로는", "으론"].contains(&rest))
        })
    };
    next.is_some_and(|w| marks(&w)) || AS_OF.iter().filter(|w| w.contains(' ')).any(as_of_before)
}

/// Stamps with a two-digit year ("작성일 25-05-13 17:47", "Updated On -
/// 08:03 PM, Fri - 2 December 22"): read only right after a date label,
/// in a line that is no running sentence. A label in Hangul gives the
/// year-first order Korean pages write numbers in.
fn labelled_short_dates(body: &str) -> Vec<(Role, PartialDate)> {
    if ends_sentence(body) && word_count(body) > 12 {
        return Vec::new();
    }
    let year_first = body.chars().any(is_hangul);
    short_year_dates(body, year_first)
        .into_iter()
        .filter_map(|(span, date)| {
            label_before(&body[..span.start])
                .or_else(|| weekday_fits(&body[..span.start], date).then_some(Role::Unlabelled))
                .or_else(|| short_date_alone(body, &span).then_some(Role::Unlabelled))
                .map(|role| (role, date))
        })
        .collect()
}

/// "April 13, 2023: South Korea is launching …": a full day opening the
/// lead, set off by a colon or a dash, as trade papers date a story.
/// Only the caller knows whether the line stands in the page's head and
/// is no entry of a timeline.
pub(crate) fn date_opening_the_lead(body: &str) -> Option<PartialDate> {
    let (span, date) = full_dates(body).into_iter().next()?;
    let after = body[span.end..].trim_start();
    let set_off = [":", "—", "–", "- "]
        .iter()
        .any(|mark| after.starts_with(mark));
    let lead = after.trim_start_matches([':', '—', '–', '-', ' ']);
    (span.start == 0 && date.day.is_some() && set_off && word_count(lead) > 3).then_some(date)
}

/// A line that is only a short worded date ("13 Feb 24"): a stamp in a
/// page's head, an agenda's day further down.
pub(crate) fn is_lone_short_date(body: &str) -> bool {
    short_year_dates(body, false)
        .iter()
        .any(|(span, _)| short_date_alone(body, span))
}

/// "13 Feb 24" or "13 Feb 24, 10:33" alone on its line: a stamp whose
/// month is a word, so day and year cannot be read the other way round.
fn short_date_alone(body: &str, span: &std::ops::Range<usize>) -> bool {
    let month_worded = body[span.clone()]
        .split_whitespace()
        .any(|w| vocab::month_number(w.trim_end_matches([',', '.'])).is_some());
    let others_are_clock = |text: &str| {
        text.split_whitespace()
            .all(|w| is_clock_word(w.trim_end_matches(',')) || matches!(w, "|" | "-" | "·"))
    };
    month_worded && body[..span.start].trim().is_empty() && others_are_clock(&body[span.end..])
}

/// "Mon 11 Apr 22, 10:33am": the weekday right before a two-digit year's
/// date, and the day falls on it. The weekday proves the stamp as a
/// label would.
fn weekday_fits(before: &str, date: PartialDate) -> bool {
    use chrono::Datelike;
    let word = before.trim_end().trim_end_matches([',', '.']);
    let word = word.rsplit(char::is_whitespace).next().unwrap_or("");
    // "금 24.05.10 시세": 금 is gold as often as Friday; a Korean weekday
    // stands in brackets after its date.
    word.is_ascii()
        && date.is_full()
        && weekday_named(word).is_some_and(|w| w == date.to_naive_floor().weekday())
}

/// A headline with the page's date stamp glued to its end ("Minister visits
/// plant 2021-07-05", "… facility1 min read . Updated: 19 Dec 2022, 02:29
/// PM IST"): the headline without the stamp, its label and a reading time.
pub(crate) fn headline_stamp(line: &str) -> Option<&str> {
    let line = line.trim();
    let (span, _) = full_dates(line).into_iter().last()?;
    let after = &line[span.end..];
    // "… Minerals. July. 01, 2022 08:12. by Jane Roe jroe@example.com.":
    // the reporter's byline closes the stamp, full stop and all.
    let byline = trailing_byline(after);
    let after = byline.map_or(after, |at| &after[..at]);
    // Only a stamp's clock before the byline tells it from a sentence
    // ending "… July 1, 2022 by Jane Roe.".
    let clocked = after
        .split_whitespace()
        .any(|w| w.contains(':') && is_clock_word(w));
    if ends_sentence(line) && !(byline.is_some() && clocked) {
        return None;
    }
    if !after
        .split_whitespace()
        .all(|w| is_clock_word(w) || w.starts_with('('))
    {
        return None;
    }
    let mut head = trim_separators(&line[..span.start]);
    if let Some(label) = label_at_end(head) {
        head = trim_separators(&head[..head.len() - label]);
    }
    let lower = head.to_lowercase();
    if let Some(label) = READING_TIME.iter().find(|l| lower.ends_with(*l)) {
        let number = head[..head.len() - label.len()].trim_end();
        head = trim_separators(number.trim_end_matches(|c: char| c.is_ascii_digit()));
    }
    let last = head.split_whitespace().next_back()?.to_lowercase();
    // "한빛일보 홍길동 기자 입력 : 2021.03.04": a reporter's byline over
    // its stamp, not a headline.
    let byline = vocab::ends_with_reporter_title(head) && word_count(head) <= 5;
    let stamp_like = word_count(head) >= 3
        && !vocab::DATE_JOINING.contains(&last.as_str())
        && !head.to_lowercase().starts_with("by ")
        && !byline
        && !ends_sentence(head);
    stamp_like.then_some(head)
}

/// A line opened by a date label and a date ("등록일 2024년03월05일
/// 09시10분 URL복사", "Posted 3 March 2024"): the page's stamp, whatever
/// else the line holds.
pub(crate) fn is_stamp_line(line: &str) -> bool {
    let lower = line.trim_start().to_lowercase();
    // "by" opens bylines and deadlines ("By 2027 the plant …") alike.
    let labels = publication_labels()
        .chain(update_labels())
        .filter(|label| label.trim() != "by");
    let labelled = labels.into_iter().any(|label| {
        lower.strip_prefix(*label).is_some_and(|rest| {
            !rest.starts_with(char::is_alphabetic)
                && rest
                    .trim_start_matches([' ', ':', '-', '|'])
                    .starts_with(|c: char| c.is_ascii_digit())
        })
    });
    labelled && !roles_in(line).is_empty()
}

/// True when `text` opens with a label of a publication or update date
/// ("입력 : 2021.03.04", "Posted on …").
pub(crate) fn starts_with_date_label(text: &str) -> bool {
    starts_with_label(
        &text.to_lowercase(),
        publication_labels().chain(update_labels()),
    )
}

fn publication_labels() -> impl Iterator<Item = &'static &'static str> {
    vocab::DATE_LABELS.iter().chain(&PUBLICATION_LABELS)
}

fn starts_with_label<'a>(lower: &str, mut labels: impl Iterator<Item = &'a &'a str>) -> bool {
    // "작성된 보고서에 따르면": a Hangul label runs into no more Hangul.
    labels.any(|l| {
        lower
            .strip_prefix(*l)
            .is_some_and(|rest| !l.chars().any(is_hangul) || !rest.starts_with(is_hangul))
    })
}

/// "2024.03.05 reporter7@hanbit.example": a date the reporter's e-mail address
/// signs is the page's own stamp; under a photo's credit ("[사진=한빛시]"
/// before it) it is the day the photo was filed.
fn signed_by_reporter(before: &str, after: &str) -> Option<Role> {
    // A credit's form ("[사진=…]", "Photo: …"), not a photo desk's byline
    // ("사진부 한가람 기자", "Photo Editor").
    let next = after.split_whitespace().next()?;
    let lower = before.to_lowercase();
    let photo = vocab::CREDIT_STARTS
        .iter()
        .filter(|start| {
            vocab::PHOTO_CREDIT_WORDS
                .iter()
                .any(|w| start.starts_with(w))
        })
        .any(|start| lower.contains(start));
    crate::ingest::text::line::is_email(next).then_some(if photo {
        Role::Photo
    } else {
        Role::Publication
    })
}

/// "한빛일보 한가람 기자, 남궁하늘 기자 2024.09.03 11:34": a date right
/// after a Korean byline's reporter title is the page's stamp.
/// Only a byline: each comma-set piece an outlet, a name and the title at
/// most, and no caption's or list's marks, so a related headline with its
/// reporter ("배터리 가격 하락세 지속 한가람 기자 2023.05.02") dates
/// nothing. Unlabelled: a labelled stamp still wins.
fn after_a_byline(before: &str) -> Option<Role> {
    const MAX_PIECE_WORDS: usize = 3;
    let before = before.trim_end().trim_end_matches([',', '|']).trim_end();
    // "(서울=뉴스1) 한가람 기자 |": a wire's place and name open the byline.
    let before = wire_tag_opening(before).map_or(before, str::trim_start);
    let only_bylines = before.split(',').all(|piece| {
        word_count(piece) <= MAX_PIECE_WORDS && vocab::ends_with_reporter_title(piece)
    });
    let marked = ['=', '/', '[', '▲', '△']
        .iter()
        .any(|m| before.contains(*m));
    (!before.is_empty() && only_bylines && !marked).then_some(Role::Unlabelled)
}

/// The text after a wire's place and name in brackets that opens `text`
/// ("(서울=뉴스1) …", "[세종=가온뉴스] …").
fn wire_tag_opening(text: &str) -> Option<&str> {
    const MAX_TAG_CHARS: usize = 20;
    let close = match text.chars().next()? {
        '(' => ')',
        '[' => ']',
        _ => return None,
    };
    let end = text.find(close)?;
    let tag = &text[1..end];
    let short = tag.chars().count() <= MAX_TAG_CHARS && !tag.contains(' ');
    (short && vocab::wire_place_and_outlet(tag).is_some()).then(|| &text[end + 1..])
}

/// The role a label right before a date gives it ("Posted : ", "작성일 ").
fn label_before(before: &str) -> Option<Role> {
    let before = without_time_words(before).to_lowercase();
    let ends_with = |label: &str| {
        let label = label.trim();
        // "by" names a byline only where it opens a line.
        // A Hangul label ends a Hangul word only: "기자l승인2021.07.07"
        // sets it off with a letter standing for a bar.
        let hangul = label.chars().any(is_hangul);
        label != "by"
            && before.ends_with(label)
            && before[..before.len() - label.len()]
                .chars()
                .next_back()
                .is_none_or(|c| {
                    if hangul {
                        !is_hangul(c)
                    } else {
                        !c.is_alphanumeric()
                    }
                })
    };
    if update_labels().any(|l| ends_with(l)) {
        Some(Role::Update)
    } else if ORIGINAL_LABELS.iter().any(|l| ends_with(l)) {
        Some(Role::Original)
    } else if publication_labels().any(|l| ends_with(l)) {
        Some(Role::Publication)
    } else {
        None
    }
}

/// Length of a date label ending `head`, if one does.
fn label_at_end(head: &str) -> Option<usize> {
    let lower = head.to_lowercase();
    update_labels()
        .chain(publication_labels())
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && *l != "by" && lower.ends_with(l))
        .map(str::len)
        .max()
}

/// `text` without the time of day, weekday and "on" a label may put
/// before its date ("Updated On - 08:03 PM, Fri - ").
fn without_time_words(text: &str) -> &str {
    let mut text = trim_separators(text);
    while let Some(word) = text.split_whitespace().next_back() {
        let word_text = word.trim_end_matches([',', '.']);
        let timely = is_clock_word(word)
            || word_text.eq_ignore_ascii_case("on")
            || word_text.parse::<chrono::Weekday>().is_ok();
        if !timely || word.len() == text.len() {
            break;
        }
        text = trim_separators(&text[..text.len() - word.len()]);
    }
    text
}

/// Where a byline closing a stamp starts ("08:12. by Jane Roe
/// jroe@example.com.").
fn trailing_byline(after: &str) -> Option<usize> {
    after
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .map(|(i, c)| i + c.len_utf8())
        .find(|&i| is_byline(&after[i..]))
}

/// "by Jane Roe", "By Jane Roe jroe@example.com.": "by", two to four
/// capitalized words of a name, then at most an e-mail address. One word
/// ("By March", "by Acme") is a time or an agent, no byline.
pub(crate) fn is_byline(line: &str) -> bool {
    const NAME_WORDS: std::ops::RangeInclusive<usize> = 2..=4;
    let line = line.trim();
    if !line.to_lowercase().starts_with("by ") {
        return false;
    }
    let words: Vec<&str> = line[3..].split_whitespace().collect();
    let (email, name) = match words.split_last() {
        Some((last, name)) if is_email(last.trim_end_matches('.')) => (true, name),
        _ => (false, &words[..]),
    };
    let capitalized = |w: &&str| w.starts_with(char::is_uppercase);
    let month = |w: &&str| vocab::month_number(w.trim_end_matches([',', '.'])).is_some();
    NAME_WORDS.contains(&name.len())
        && name.iter().all(capitalized)
        && !name.iter().any(month)
        && (email || !name.iter().any(|w| w.trim_end_matches('.').contains('.')))
}

/// "June 22, 2023 | A version of this story appeared in print": a day
/// opening the line under a byline, set off by a bar, is the byline's
/// stamp. Only the caller knows the line above.
pub(crate) fn date_under_a_byline(body: &str) -> Option<PartialDate> {
    let (span, date) = full_dates(body).into_iter().next()?;
    let after = body[span.end..].trim_start();
    (span.start == 0 && date.day.is_some() && (after.is_empty() || after.starts_with('|')))
        .then_some(date)
}

fn trim_separators(text: &str) -> &str {
    text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '.' | '|' | '：' | '-' | '·' | '•' | ',' | '/')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(line: &str) -> Vec<(Role, String)> {
        roles_in(line)
            .into_iter()
            .map(|(role, date)| (role, date.to_string()))
            .collect()
    }

    #[test]
    fn labels_anywhere_in_a_metadata_line() {
        assert_eq!(
            roles("By Jane Roe Posted : March 14, 2022, 17:10 Updated : March 15, 2022, 17:10"),
            [
                (Role::Publication, "2022-03-14".into()),
                (Role::Update, "2022-03-15".into())
            ]
        );
        assert_eq!(
            roles("댓글 0건 조회 217회 작성일 2023-04-21 10:32"),
            [(Role::Publication, "2023-04-21".into())]
        );
        assert_eq!(
            roles("Source: Wire News (October 27, 2021)"),
            [(Role::Original, "2021-10-27".into())]
        );
        assert_eq!(
            roles("작성자 관리자 댓글 조회 작성일 25-05-13 17:47본문"),
            [(Role::Publication, "2025-05-13".into())]
        );
        assert_eq!(
            roles("By Jane Roe Updated On - 08:03 PM, Fri - 2 December 22"),
            [(Role::Update, "2022-12-02".into())]
        );
        assert_eq!(
            roles("Posted on Friday, March 3, 2025"),
            [(Role::Publication, "2025-03-03".into())]
        );
        // "Time:" in a portal's meta line, an outlet's name before it.
        assert_eq!(
            roles("Kestrel Time:Jun 12, 2023 10:44 Source:wire"),
            [(Role::Publication, "2023-06-12".into())]
        );
        assert_eq!(
            roles("Release Time: 2023-06-12 | Update Time: 2023-06-14"),
            [
                (Role::Publication, "2023-06-12".into()),
                (Role::Update, "2023-06-14".into())
            ]
        );
        // A weekday the day falls on proves the stamp as a label would.
        assert_eq!(
            roles("Mon 11 Apr 22, 10:33am (AEST)"),
            [(Role::Unlabelled, "2022-04-11".into())]
        );
        assert!(roles("Tue 11 Apr 22, 10:33am").is_empty());
        // Alone on its line, a worded month leaves one reading.
        assert_eq!(
            roles("13 Feb 24"),
            [(Role::Unlabelled, "2024-02-13".into())]
        );
        assert_eq!(
            roles("13 Feb 24 10:33"),
            [(Role::Unlabelled, "2024-02-13".into())]
        );
        assert!(roles("13 Feb 24 players").is_empty());
        assert!(roles("Team 13 Feb 24").is_empty());
        // A Korean label glued to its stamp, and the new label 작성.
        assert_eq!(
            roles("작성자 관리자 작성일23-07-21 12:06 조회902회"),
            [(Role::Publication, "2023-07-21".into())]
        );
        // A label runs into no more Hangul: "작성된" opens a sentence.
        assert!(roles("작성된 보고서에 따르면 공장은 2019년 3월 5일 섰다")
            .iter()
            .all(|(role, _)| *role != Role::Publication));
        assert_eq!(
            roles("배터리 공장 설립 한가람 기자l승인2021.07.07l1면"),
            [(Role::Publication, "2021-07-07".into())]
        );
        assert_eq!(
            roles("작성 2024.08.09 16:53 수정 2024.08.09 16:57"),
            [
                (Role::Publication, "2024-08-09".into()),
                (Role::Update, "2024-08-09".into())
            ]
        );
        assert!(roles("시세 금 24.05.10 기준").is_empty());
        // Without a label two digits are no year.
        assert!(roles("Team 2 December 22 players").is_empty());
        assert!(roles("Results 25-05-13 17:47").is_empty());
        assert_eq!(
            roles("UPDATED. 2024-09-12 07:50"),
            [(Role::Update, "2024-09-12".into())]
        );
        assert_eq!(
            roles("UPDATE. 2024-09-12 07:50 (목)"),
            [(Role::Update, "2024-09-12".into())]
        );
    }

    #[test]
    fn a_date_after_a_korean_byline_is_the_pages() {
        assert_eq!(
            roles("한빛일보 한가람 기자, 남궁하늘 기자 2024.09.03 11:34"),
            [(Role::Unlabelled, "2024-09-03".into())]
        );
        // A wire's place and name may open the byline.
        assert_eq!(
            roles("(서울=가온뉴스) 한가람 기자 | 2021-03-16 17:20 송고"),
            [(Role::Unlabelled, "2021-03-16".into())]
        );
        // A photo's credit in brackets is no wire's tag.
        assert!(roles("(사진=가온전지) 남궁하늘 기자 2023.05.02").is_empty());
        // A related headline, a photo's credit, a list's item.
        for line in [
            "배터리 가격 하락세 지속 남궁하늘 기자 2023.05.02",
            "사진=남궁하늘 기자 2023.05.02",
            "[관련기사] 가온, 증설 착수 / 한가람 기자 / 2023-05-02",
        ] {
            assert!(
                roles(line)
                    .iter()
                    .all(|(role, _)| *role != Role::Publication),
                "{line}: {:?}",
                roles(line)
            );
        }
        // A reporter named in a running sentence dates nothing.
        assert!(roles("한가람 기자는 2024.09.03 공장을 방문해 설비를 점검하고 생산 계획을 들었으며 직원들과 만나 이야기를 나눴다.").is_empty());
    }

    #[test]
    fn a_meta_bar_dates_the_page_even_glued() {
        // A theme that drops the spaces between its meta fields.
        assert_eq!(
            roles("editorBy editorMarch 4, 2025No Comments4 Mins Read"),
            [(Role::Unlabelled, "2025-03-04".into())]
        );
        assert_eq!(
            roles("By Jane Roe | Sept. 9, 2023 | Leave a comment"),
            [(Role::Publication, "2023-09-09".into())]
        );
        assert_eq!(
            roles("adminBy adminDecember 13, 2024No Comments3 Mins Read"),
            [(Role::Unlabelled, "2024-12-13".into())]
        );
        assert_eq!(
            roles("PUBLISHED :September 12, 2024 - 14:28"),
            [(Role::Publication, "2024-09-12".into())]
        );
        assert_eq!(
            roles("WirePost-June 12, 2023"),
            [(Role::Unlabelled, "2023-06-12".into())]
        );
        assert!(roles("prices fell in mid-June 12 times").is_empty());
        // Without a reading time or a comment counter a name and a date
        // are no stamp.
        assert!(roles("Jane RoeMarch 4, 2025 Acme Cells").is_empty());
        // A running sentence keeps its date.
        assert!(roles(
            "The plant opened on March 4, 2025, with no comments from Acme, a 3 min read."
        )
        .is_empty());
    }

    #[test]
    fn a_photo_caption_in_a_datelines_form_is_no_stamp() {
        assert!(roles(
            "March 19, 2019 - Atlanta - Acme Vice Chairman Jae Roe, left, and Gov. Ann Lee look over an ad"
        )
        .is_empty());
        assert_eq!(
            roles("March 19, 2019 - Atlanta - Acme broke ground on a plant on Tuesday"),
            [(Role::Unlabelled, "2019-03-19".into())]
        );
        assert!(
            !roles("March 19, 2019 - Atlanta - Acme recovers lithium from leftover scrap")
                .is_empty()
        );
        assert!(
            roles("March 19, 2019 - Atlanta - From left, Jae Roe and Ann Lee look on").is_empty()
        );
    }

    #[test]
    fn a_reference_time_is_no_stamp() {
        assert!(roles("2024.03.05 09:00 기준").is_empty());
        assert!(roles("2024년 3월 5일 현재").is_empty());
        assert!(roles("As of March 5, 2024").is_empty());
        assert_eq!(
            roles("Bias of March 5, 2024"),
            [(Role::Unlabelled, "2024-03-05".into())]
        );
        // The page's own stamp on the same line still counts.
        assert_eq!(
            roles("순위 2024.03.05 기준  입력 2024.03.06 10:00"),
            [(Role::Publication, "2024-03-06".into())]
        );
        assert_eq!(
            roles("2024.03.05 09:00"),
            [(Role::Unlabelled, "2024-03-05".into())]
        );
    }

    #[test]
    fn story_sentences_keep_their_dates() {
        assert!(roles(
            "The report, published on March 3, 2021, names the plant and its owner in full."
        )
        .is_empty());
        assert!(roles("The plant opened on 2021-07-05").is_empty());
        assert!(roles("Sales of the last update: 2021-07-05 grew.").is_empty());
    }

    #[test]
    fn a_stamp_glued_to_a_headline() {
        assert_eq!(
            headline_stamp("Minister visits a cell plant 2021-07-05"),
            Some("Minister visits a cell plant")
        );
        assert_eq!(
            headline_stamp("Firm to invest in a battery facility1 min read . Updated: 19 Dec 2022, 02:29 PM IST"),
            Some("Firm to invest in a battery facility")
        );
        assert_eq!(headline_stamp("The plant opened on 2021-07-05"), None);
        assert_eq!(
            headline_stamp("The last date for bids is April 22, 2024"),
            None
        );
        assert_eq!(headline_stamp("December 15, 2022 by Jane Roe"), None);
        // A byline after the stamp's clock closes the line, full stop and all.
        assert_eq!(
            headline_stamp(
                "Acme to buy lithium from Vale. July. 01, 2022 08:12. by Jane Roe jroe@example.com."
            ),
            Some("Acme to buy lithium from Vale")
        );
        assert!(is_byline("by Jane Roe"));
        assert!(!is_byline("by the end of June"));
        assert!(!is_byline("By March"));
        assert!(!is_byline("by Tesla."));
        // No clock before the byline: a story's sentence.
        assert_eq!(
            headline_stamp("The first cells were delivered July 1, 2022 by Jane Roe."),
            None
        );
        // A space of more than one byte after the date reads without a panic.
        assert_eq!(
            headline_stamp("Acme opens a cell plant in Ohio July 1, 2022\u{2028}08:12"),
            Some("Acme opens a cell plant in Ohio")
        );
        assert_eq!(
            date_under_a_byline("June 22, 2023 | A version of this story appeared in print"),
            PartialDate::ymd(2023, 6, 22)
        );
        assert_eq!(
            date_under_a_byline("June 22, 2023: Acme opened a plant."),
            None
        );
        // A sentence that merely ends on a date and "by" a company is no stamp.
        assert_eq!(
            headline_stamp("The plant will open on July 1, 2022 by Acme and Vale's joint venture."),
            None
        );
        assert_eq!(
            roles("Minister visits a cell plant 2021-07-05"),
            [(Role::Unlabelled, "2021-07-05".into())]
        );
        assert_eq!(
            roles("Firm to invest in a battery facility1 min read . Updated: 19 Dec 2022, 02:29 PM IST"),
            [(Role::Update, "2022-12-19".into())]
        );
    }

    #[test]
    fn a_stamp_with_its_edit_noted_after_it() {
        assert_eq!(
            roles("12 Mar 2024 10:20PM (Updated: 13 Mar 2024 12:30AM)"),
            [
                (Role::Unlabelled, "2024-03-12".into()),
                (Role::Update, "2024-03-13".into())
            ]
        );
        assert_eq!(
            roles("March 3, 2025 4:12 PM | Updated March 4, 2025"),
            [
                (Role::Unlabelled, "2025-03-03".into()),
                (Role::Update, "2025-03-04".into())
            ]
        );
        // A headline's own date is no stamp beside the update.
        assert_eq!(
            roles("Acme to finish Vennor plant by 30 June 2025 | Updated 28 Apr 2023 10:20"),
            [(Role::Update, "2023-04-28".into())]
        );
    }

    #[test]
    fn a_date_the_reporters_address_signs_is_the_pages_stamp() {
        let roles = roles_in("한빛일보 한가람 기자 2024.03.05 reporter7@hanbit.example");
        assert_eq!(
            roles,
            [(Role::Publication, PartialDate::ymd(2024, 3, 5).unwrap())]
        );
        // A photo desk's byline signs the page's stamp too.
        let roles = roles_in("한빛일보 사진부 한가람 기자 2024.03.05 reporter7@hanbit.example");
        assert_eq!(
            roles,
            [(Role::Publication, PartialDate::ymd(2024, 3, 5).unwrap())]
        );
        // Under a photo's credit it is the day the photo was filed.
        let roles =
            roles_in("한빛시 제공 사진. [사진=한빛시] 2024.03.05 reporter7@hanbit.example |");
        assert_eq!(
            roles,
            [(Role::Photo, PartialDate::ymd(2024, 3, 5).unwrap())]
        );
        // A date in a running sentence stays the story's.
        assert!(
            roles_in("The plant, opened on March 5, 2024, employs 300 people and more.").is_empty()
        );
    }
}
