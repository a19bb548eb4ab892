//! Metadata, dates: find the publication date a page states.
//!
//! Takes the normalized raw text of a seed (metadata lines included, since
//! cleaning drops them); gives back the stated publication date (the
//! original's, for a repost) with any other date the page gives, or the
//! year a page names an event or programme after ("2026 International
//! Forum") for inference. Dates inside story sentences are event dates,
//! not publication dates, and are left to extraction. The date forms and
//! the page's date stamps are read by the text layer (`text::date`,
//! `text::stamp`).

use chrono::Datelike;

use crate::content::date::PartialDate;
use crate::ingest::text::date::{date_line_frame, is_date_line, is_todays_date};
use crate::ingest::text::line::split_marker;
use crate::ingest::text::stamp::{self, Role};
use crate::ingest::text::vocab;
use crate::ingest::text::words::{word_list, Words};

/// The publication date a page states.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stated {
    /// The original publication of a reposted text, else the page's own
    /// publication date, else (nothing else given) its update date.
    pub(crate) date: PartialDate,
    /// The line that states it.
    pub(crate) line: String,
    /// Another date the page gives for itself (a repost's own date, a
    /// later update), kept beside the chosen one.
    pub(crate) other: Option<PartialDate>,
}

/// The publication date the page states, with the line that states it.
/// `other_stories` are numbers of lines that list other stories (from
/// cleaning): a related headline's date is no stamp of this page.
pub(crate) fn stated(raw: &str, other_stories: &[usize]) -> Option<Stated> {
    let bodies: Vec<&str> = raw
        .lines()
        .enumerate()
        .filter(|(number, line)| !other_stories.contains(number) && !line.trim().is_empty())
        .map(|(_, line)| split_marker(line.trim()).1)
        .collect();
    // A label alone on the line above gives an unlabelled date its role.
    let label_above = |at: usize| {
        at.checked_sub(1)
            .and_then(|above| stamp::label_alone(bodies[above]))
    };
    // A short worded date alone on a line dates the page only in its head.
    const HEAD_LINES: usize = 5;
    let found: Vec<(Role, PartialDate, &str)> = bodies
        .iter()
        .enumerate()
        .flat_map(|(at, &body)| {
            let above = label_above(at);
            let mut roles = stamp::roles_in(body);
            // Read again only for a line that gave a date.
            if at >= HEAD_LINES && !roles.is_empty() && stamp::is_lone_short_date(body) {
                roles.clear();
            }
            // "Thursday, June 13, 2024" opening the page, over its
            // headline: the masthead's date of the visit. The story may
            // be years older, so it states no publication date at all.
            if at == 0 && is_todays_date(body) {
                roles.clear();
            }
            // A timeline's entries open with dates line after line.
            let opens = |line: Option<&&str>| {
                line.is_some_and(|line| stamp::date_opening_the_lead(line).is_some())
            };
            let in_a_timeline = || {
                opens(bodies.get(at + 1)) || opens(at.checked_sub(1).and_then(|a| bodies.get(a)))
            };
            // "October 13, 2025 / headline / October 12, 2025 / headline":
            // dates alone every other line, another day two lines away,
            // list other stories. A board's fields put a label between,
            // which dates them; a page may print its own stamp twice.
            let lone_date = |i: usize| {
                bodies.get(i).is_some_and(|b| is_date_line(b)) && label_above(i).is_none()
            };
            let day_of = |i: usize| stamp::roles_in(bodies[i]).first().map(|r| r.1);
            // The chain of dates two lines apart through this line.
            let first = (0..=at / 2)
                .map(|k| at - 2 * k)
                .take_while(|&i| lone_date(i))
                .last();
            let chain: Vec<usize> = first
                .map(|first| {
                    (first..bodies.len())
                        .step_by(2)
                        .take_while(|&i| lone_date(i))
                        .collect()
                })
                .unwrap_or_default();
            // "Wednesday, March 29, 2023 / headline / Bloomberg News |
            // March 28, 2023 |": a blog's bare post date over the source's
            // stamp lists nothing. A list prints every entry alike: all
            // bare, or all with a source, an author or a section.
            // So does a masthead's date of today, with its weekday, over
            // the story's own date line.
            let alike = || {
                let bare = date_line_frame(bodies[chain[0]]).is_empty();
                let today = is_todays_date(bodies[chain[0]]);
                chain.iter().all(|&i| {
                    date_line_frame(bodies[i]).is_empty() == bare
                        && is_todays_date(bodies[i]) == today
                })
            };
            let listed =
                chain.len() >= 2 && chain.iter().any(|&i| day_of(i) != day_of(chain[0])) && alike();
            if listed {
                roles.retain(|(role, _)| *role != Role::Unlabelled);
            }
            let under_a_byline = at
                .checked_sub(1)
                .is_some_and(|above| stamp::is_byline(bodies[above]));
            if roles.is_empty() && under_a_byline {
                roles.extend(stamp::date_under_a_byline(body).map(|d| (Role::Unlabelled, d)));
            }
            if roles.is_empty() && at < HEAD_LINES && !in_a_timeline() {
                let opening = stamp::date_opening_the_lead(body)
                    .or_else(|| stamp::opens_with_a_clocked_date(body));
                roles.extend(opening.map(|d| (Role::Unlabelled, d)));
            }
            roles.into_iter().map(move |(role, date)| {
                let role = match (role, above) {
                    (Role::Unlabelled, Some(label)) => label,
                    _ => role,
                };
                (role, date, body)
            })
        })
        .collect();
    // Today's date over a site's masthead dates the visit: any other
    // stamp of the same role comes first.
    let first = |role: Role| {
        let of_role = || found.iter().filter(move |(r, _, _)| *r == role);
        of_role()
            .find(|(_, _, line)| !is_todays_date(line))
            .or_else(|| of_role().next())
    };
    let Some((_, date, line)) = first(Role::Original)
        .or_else(|| first(Role::Publication))
        .or_else(|| first(Role::Unlabelled))
        .or_else(|| first(Role::Update))
    else {
        return short_date_the_story_settles(raw, other_stories)
            .or_else(|| korean_short_date_the_story_settles(raw, other_stories));
    };
    let other = [
        Role::Original,
        Role::Publication,
        Role::Unlabelled,
        Role::Update,
    ]
    .iter()
    .find_map(|role| {
        found
            .iter()
            .find(|(r, d, _)| r == role && d != date)
            .map(|(_, d, _)| *d)
    });
    Some(Stated {
        date: *date,
        line: line.to_string(),
        other,
    })
}

/// The first line of the page, past other stories' lines, that `read`
/// makes something of (its list marker and spaces taken off), with the line.
fn first_line_with<'a, T>(
    raw: &'a str,
    other_stories: &[usize],
    read: impl Fn(&'a str) -> Option<T>,
) -> Option<(T, &'a str)> {
    raw.lines().enumerate().find_map(|(number, line)| {
        if other_stories.contains(&number) {
            return None;
        }
        let body = split_marker(line.trim()).1.trim();
        read(body).map(|found| (found, body))
    })
}

/// A line that is only a date of three two-digit numbers between
/// slashes, year last ("08/10/25"), whose day and month could stand in
/// either order, and a story that writes that day in words ("on 8
/// October"): the order the words settle. Both orders written, or
/// neither, settle nothing; a year after today is no year. Korean pages
/// write the year first with dots ("24.10.08"), which is left alone.
fn short_date_the_story_settles(raw: &str, other_stories: &[usize]) -> Option<Stated> {
    use crate::ingest::text::date::{month_and_day, two_digit_parts};
    let this_year = crate::ingest::clock::today().year;
    let ((a, b, year), line) = first_line_with(raw, other_stories, |body| {
        let [a, b, y] = two_digit_parts(body, '/')?;
        let year = 2000 + i32::from(y);
        (year <= this_year).then_some((a, b, year))
    })?;
    let words: Vec<&str> = raw
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    let written: Vec<(u8, u8)> = words
        .windows(2)
        .filter_map(|pair| month_and_day(pair[0], pair[1]))
        .collect();
    let readings = [(b, a), (a, b)];
    let mut settled = readings
        .iter()
        .filter(|(month, day)| written.contains(&(*month, *day)))
        .filter_map(|&(month, day)| PartialDate::ymd(year, month, day));
    let date = settled.next()?;
    if settled.any(|other| other != date) {
        return None;
    }
    Some(Stated {
        date,
        line: line.to_string(),
        other: None,
    })
}

/// A line that is only a date of three two-digit numbers between dots
/// ("26.01.28."), as Korean pages write the year first, and a Korean story
/// that writes that day ("28일 시장조사업체에 따르면"): year, month, day.
/// A day the story does not write, or a day after today, settles nothing.
fn korean_short_date_the_story_settles(raw: &str, other_stories: &[usize]) -> Option<Stated> {
    use crate::ingest::text::date::two_digit_parts;
    use crate::ingest::text::hangul::is_hangul;
    let today = crate::ingest::clock::today();
    let (date, line) = first_line_with(raw, other_stories, |body| {
        let [y, m, d] = two_digit_parts(body.strip_suffix('.').unwrap_or(body), '.')?;
        let date = PartialDate::ymd(2000 + i32::from(y), m, d)?;
        (date <= today).then_some(date)
    })?;
    let day = format!("{}일", date.day?);
    // "28일", "28일에", not "128일" (another word) or "28일간" (a length).
    let writes_the_day = raw.split_whitespace().any(|word| {
        word.strip_prefix(day.as_str())
            .is_some_and(|rest| !rest.starts_with('간') && rest.chars().all(is_hangul))
    });
    writes_the_day.then(|| Stated {
        date,
        line: line.to_string(),
        other: None,
    })
}

/// "투자예정지[사진=한빛시] 2023.08.02 reporter7@hanbit.example |": the day
/// a photo was filed under the reporter's address, with the line's date as
/// written. Pages print it on the day they publish, so it guesses the
/// page's day; it never states it.
pub(crate) fn photo_filed_day(raw: &str) -> Option<(PartialDate, String)> {
    raw.lines().find_map(|line| {
        let (role, date) = *stamp::roles_in(line.trim()).first()?;
        (role == Role::Photo).then(|| (date, date.to_string()))
    })
}

/// The first line among the page's first that opens with a dateline
/// without a year ("SEOUL, Aug. 7 (Yonhap) --"), with its month and day.
fn yearless_dateline(raw: &str) -> Option<(&str, (u8, u8))> {
    const DATELINE_LINES: usize = 12;
    raw.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(DATELINE_LINES)
        .find_map(|l| crate::ingest::text::date::yearless_dateline_day(l).map(|d| (l, d)))
}

/// "October 22, 2023 — 07:09 pm EDT" over "SEOUL, Oct 23 (Reuters) -":
/// a wire story stamped by a site in a time zone behind the dateline's.
/// The dateline's day, when it is the day after the stated `published`,
/// is the day the story's "on Monday" and "today" count from.
pub(crate) fn dateline_day_after(raw: &str, published: PartialDate) -> Option<PartialDate> {
    let (_, (month, day)) = yearless_dateline(raw)?;
    if !published.is_full() {
        return None;
    }
    let next = published.to_naive_floor().succ_opt()?;
    let is_next = u32::from(month) == next.month() && u32::from(day) == next.day();
    is_next.then(|| PartialDate::ymd(next.year(), month, day))?
}

/// A dateline without a year ("SEOUL, Aug. 7 (Yonhap) --") whose day a
/// photo's caption writes in full ("provided by Acme on Aug. 7, 2023"):
/// that day, with the written date, for an inferred date. Only the first
/// lines are searched for the dateline, only caption lines for the year
/// (a story's own full date may be an anniversary), and only one year may
/// match.
pub(crate) fn dateline_with_year_elsewhere(raw: &str) -> Option<(PartialDate, String)> {
    let (_, (month, day)) = yearless_dateline(raw)?;
    static CAPTION_WORDS: Words = word_list!("meta/caption-words.txt");
    let caption = |line: &&str| {
        let lower = line.to_lowercase();
        CAPTION_WORDS.iter().any(|w| lower.contains(w))
    };
    let mut same_day = raw.lines().filter(caption).flat_map(|line| {
        crate::ingest::text::date::full_dates(line)
            .into_iter()
            .filter(|(_, d)| d.month == Some(month) && d.day == Some(day))
            .map(move |(span, d)| (d, line[span].to_string()))
    });
    let (date, written) = same_day.next()?;
    if same_day.any(|(other, _)| other != date) {
        return None;
    }
    Some((date, written))
}

/// A dateline without a year whose lead names the day's weekday
/// ("SEOUL, March 1 (Yonhap) -- Acme said Wednesday …"): dated in the one
/// year, of those the text writes (and one either side), whose calendar
/// puts that weekday on that day. Only the lead's first words are read: a
/// weekday further on may be an earlier day's.
pub(crate) fn dateline_weekday_pinned_day(raw: &str) -> Option<(PartialDate, String)> {
    use crate::ingest::text::weekday::{weekday_fitting_year, DayOfWeek};
    const LEAD_WORDS: usize = 30;
    let (line, (month, day)) = yearless_dateline(raw)?;
    // "said Wednesday", "on Tuesday welcomed": the day of the telling; a
    // weekday after "will" or "plans" is a day ahead.
    static TELLING: Words = word_list!("meta/telling-before-weekday.txt");
    static AHEAD: Words = word_list!("meta/ahead-before-weekday.txt");
    let words: Vec<&str> = line.split_whitespace().take(LEAD_WORDS).collect();
    let (at, weekday, weekday_word) = words.iter().enumerate().find_map(|(at, word)| {
        let word = word.trim_matches(|c: char| !c.is_alphabetic());
        // Full names only: "Sun" and "Wed" are words of their own too.
        let full = word.ends_with("day") && word.starts_with(char::is_uppercase);
        full.then(|| crate::ingest::text::date::weekday_named(word))
            .flatten()
            .map(|w| (at, w, word))
    })?;
    let told = at
        .checked_sub(1)
        .is_some_and(|before| TELLING.contains(&words[before].to_lowercase().as_str()));
    let ahead = words[..at]
        .iter()
        .any(|w| AHEAD.contains(&w.to_lowercase().as_str()));
    if !told || ahead {
        return None;
    }
    let pinned = DayOfWeek {
        month: u32::from(month),
        day: u32::from(day),
        weekday,
    };
    // A page is published by today: a target year ("to be finished in
    // 2028") names no year of publication, and a day after today none.
    let today = crate::ingest::clock::today();
    let years = years_written(raw).into_iter().filter(|&y| y <= today.year);
    let year = weekday_fitting_year(years, &[pinned])?;
    let date = PartialDate::ymd(year, month, day).filter(|&date| date <= today)?;
    let month_word = crate::content::date::month_name(month);
    Some((
        date,
        format!("{month_word} {day}, with “{weekday_word}” in the lead"),
    ))
}

/// A day the page writes with its weekday but no year near its top ("12.20
/// (금)" over the headline, "산업부는 5.19.(월) … 밝혔다" in the lead):
/// dated in the one year, of those the text writes (and one either side),
/// whose calendar puts that weekday on that day. None when no year or
/// more than one fits.
pub(crate) fn weekday_pinned_day(raw: &str) -> Option<(PartialDate, String)> {
    use crate::ingest::text::weekday::{weekday_fitting_year, DayOfWeek};
    const TOP_LINES: usize = 12;
    let (month, day, weekday, written) = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(TOP_LINES)
        .filter(|l| crate::ingest::text::date::full_dates(l).is_empty())
        .find_map(crate::ingest::text::date::yearless_weekday_day)?;
    let pinned = DayOfWeek {
        month: u32::from(month),
        day: u32::from(day),
        weekday,
    };
    let year = weekday_fitting_year(years_written(raw), &[pinned])?;
    Some((PartialDate::ymd(year, month, day)?, written.to_string()))
}

/// Every year from 1990 to 2099 the text writes as four digits of their
/// own ("2024", "2024년", "2025~2028"); not a deadline ("2030년까지", "by
/// 2030"), whose year may lie ahead, nor an amount ("2000원").
fn years_written(raw: &str) -> Vec<i32> {
    let bytes = raw.as_bytes();
    let mut years = Vec::new();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let run = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
        if run == 0 {
            i += 1;
            continue;
        }
        let alone = run == 4 && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
        let after = &raw[i + run..];
        let korean_year = after.starts_with('년') && !after["년".len()..].starts_with("까지");
        let bare = after.starts_with(|c: char| !c.is_alphanumeric()) || after.is_empty();
        let deadline = raw[..i].to_ascii_lowercase().ends_with("by ");
        let year_word = alone && (korean_year || bare && !deadline);
        if let Some(year) = year_word
            .then(|| raw[i..i + 4].parse::<i32>().ok())
            .flatten()
        {
            if (1990..2100).contains(&year) {
                years.push(year);
            }
        }
        i += run;
    }
    years
}

/// A date inside a web address on the page ("![](https://img.example/
/// 2022-06-24/a.jpg)") whose day the story writes in Korean ("24일"): that
/// day, with the address, for an inferred date. The address alone states
/// nothing (`text::date::full_dates` skips it); only one such date may
/// match.
pub(crate) fn address_date_with_day(raw: &str) -> Option<(PartialDate, String)> {
    use crate::ingest::text::date::{address_date, is_address};
    let mut dated = raw
        .split_whitespace()
        .filter(|w| is_address(w))
        .filter_map(|w| Some((address_date(w)?, w)));
    let (date, address) = dated.next()?;
    if dated.any(|(other, _)| other != date) {
        return None;
    }
    let day = date.day?.to_string();
    let writes_day = raw.split_whitespace().filter(|w| !is_address(w)).any(|w| {
        w.strip_prefix(&day)
            .is_some_and(|rest| rest.starts_with('일'))
    });
    // The address itself, without a Markdown image's brackets around it.
    let start = address
        .find("http")
        .or_else(|| address.find("www."))
        .unwrap_or(0);
    let address = address[start..].trim_end_matches([')', ']', '>', '"', '\'']);
    writes_day.then(|| (date, address.to_string()))
}

/// A year that names a happening or programme: "2026 International Forum",
/// "the 2025 Opportunity Development Zone Workforce Training Project".
/// Gives the latest such year and the name, for an inferred date.
pub(crate) fn year_in_names(raw: &str) -> Option<(i32, String)> {
    let mut best: Option<(i32, String)> = None;
    for line in raw.lines() {
        if let Some((year, name)) = year_in_names_of_line(line) {
            if best.as_ref().is_none_or(|(y, _)| year > *y) {
                best = Some((year, name));
            }
        }
    }
    best
}

/// The latest year that names something within one line: a name never
/// runs on past the line ("… value chain by 2030" / "The Global …").
fn year_in_names_of_line(line: &str) -> Option<(i32, String)> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let mut best: Option<(i32, String)> = None;
    for (i, word) in words.iter().enumerate() {
        let token = word.trim_start_matches(['"', '“', '‘', '\'', '(', '[']);
        if token.len() != 4 || !token.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        // "by 2030 The Alliance …", "in 2024 LG …": a year after a
        // preposition is a time, whatever capitals follow it.
        let joined = token == *word
            && i > 0
            && vocab::DATE_JOINING.contains(&words[i - 1].to_lowercase().as_str());
        if joined {
            continue;
        }
        let Ok(year) = token.parse::<i32>() else {
            continue;
        };
        let mut name: Vec<&str> = words[i + 1..]
            .iter()
            .take(10)
            .take_while(|w| {
                w.starts_with(|c: char| c.is_uppercase())
                    || matches!(**w, "on" | "of" | "for" | "and" | "the" | "in")
            })
            .copied()
            .collect();
        while name
            .last()
            .is_some_and(|w| w.starts_with(char::is_lowercase))
        {
            name.pop();
        }
        if let Some(end) = name.iter().position(|w| w.ends_with(['”', '"', ',', '.'])) {
            name.truncate(end + 1);
        }
        // "November 2017 and March 2020": a name opens with a capital
        // word of its own, and a month continues a date, not a name.
        let opens_name = name
            .first()
            .is_some_and(|w| w.starts_with(char::is_uppercase) && !vocab::is_month_name(w));
        let names_event = name.len() >= 2 && opens_name && (1900..=2100).contains(&year);
        if names_event && best.as_ref().is_none_or(|(y, _)| year > *y) {
            let name = format!("{token} {}", name.join(" "));
            best = Some((
                year,
                name.trim_end_matches(['"', '”', ',', '.']).to_string(),
            ));
        }
    }
    best
}

/// How many years after a guessed publication year the text may still
/// name a year and the guess stay believable (see [`outdated_guess`]).
const YEARS_A_STORY_LOOKS_AHEAD: i32 = 10;

/// True when a publication year guessed from the story's latest happening
/// is history rather than news: the nearest later year the text names
/// (a plan, a target, a deadline) lies more than ten years after it. A
/// page that says a factory "was built in 1991" and plans output "by
/// 2028" was not written in 1991; the guess would only be a lower bound
/// shown as a date, and would date a bare "9 September" into 1991.
pub(crate) fn outdated_guess(raw: &str, guess: i32) -> bool {
    raw.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .filter_map(|w| w.parse::<i32>().ok())
        .filter(|&y| (1900..=2100).contains(&y) && y > guess)
        .min()
        .is_some_and(|next| next > guess + YEARS_A_STORY_LOOKS_AHEAD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_date_in_an_unsaid_order_takes_the_order_the_story_writes() {
        let page = "Latest news\n\n  • 04/11/25\n\nThe firms said on 4 November that output starts soon.\n";
        let stated = stated(page, &[]).unwrap();
        assert_eq!(stated.date.to_string(), "2025-11-04");
        assert_eq!(stated.line, "04/11/25");
        let us = page.replace("on 4 November", "on April 11");
        assert_eq!(stated_date(&us), Some("2025-04-11".into()));
        // No day in words, or both orders written: no date.
        assert_eq!(stated_date(&page.replace("on 4 November", "soon")), None);
        let both = page.replace("on 4 November", "on 4 November and April 11");
        assert_eq!(stated_date(&both), None);
        // Dots (a Korean page's year first) and a year to come: no date.
        assert_eq!(stated_date(&page.replace("04/11/25", "04.11.25")), None);
        // A Korean story that writes the day settles the year-first order.
        let korean = "배터리 출하량 순위\n\n25.11.04.\n\n4일 업계에 따르면 출하량이 늘었다.\n";
        assert_eq!(stated_date(korean), Some("2025-11-04".into()));
        assert_eq!(stated_date(&korean.replace("4일", "5일")), None);
        assert_eq!(stated_date(&korean.replace("4일", "14일")), None);
        assert_eq!(stated_date(&page.replace("04/11/25", "04/11/99")), None);
    }

    fn stated_date(page: &str) -> Option<String> {
        stated(page, &[]).map(|s| s.date.to_string())
    }

    #[test]
    fn an_address_dates_the_day_the_story_writes() {
        let page =
            "![](https://img.example.com/photo/2023-05-17/a.jpg)\n한빛전지가 17일 공장을 열었다.";
        let (date, address) = address_date_with_day(page).unwrap();
        assert_eq!(date.to_string(), "2023-05-17");
        assert_eq!(address, "https://img.example.com/photo/2023-05-17/a.jpg");
        let path = "https://news.example.com/2023/05/17/story.html\n한빛전지가 17일 밝혔다.";
        assert_eq!(
            address_date_with_day(path).unwrap().0.to_string(),
            "2023-05-17"
        );
        // Another day, no day, or two addresses that disagree: nothing.
        assert!(address_date_with_day(&page.replace("17일", "18일")).is_none());
        assert!(address_date_with_day(
            "![](https://img.example.com/2023-05-17/a.jpg)\n공장을 열었다."
        )
        .is_none());
        let two = format!("{page}\n![](https://img.example.com/2022-01-17/b.jpg)");
        assert!(address_date_with_day(&two).is_none());
    }

    fn date(text: &str) -> String {
        stated(text, &[])
            .map(|s| s.date.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn a_day_opening_the_lead_dates_the_page_in_its_head_only() {
        let lead = "April 13, 2023: Korea is launching a battery fund worth billions of dollars to keep its makers at home.\nThe minister said so.";
        assert_eq!(date(lead), "2023-04-13");
        let dashed = "Battery fund\n13 April 2023 – Korea is launching a fund worth billions of dollars to keep its makers at home.";
        assert_eq!(date(dashed), "2023-04-13");
        // A timeline's entries or a day far down: no stamp.
        let timeline = "April 13, 2023: Korea launched a battery fund worth billions of dollars to keep its makers at home.\nMay 2, 2023: The fund made its first loan to a maker of cathodes in the south of the country.";
        assert_eq!(date(timeline), "");
        let deep = format!("{}{lead}", "Line of the menu\n".repeat(5));
        assert_eq!(date(&deep), "");
    }

    #[test]
    fn a_day_with_its_time_opening_a_line_is_a_stamp_whatever_is_glued_after() {
        let page = "Acme opens its second plant in the north of the country\n\nSep. 30, 2022 6:38 AM ETACME Battery (ACME)By: Ivo Lind, News Editor, who covers the makers of cells and packs\n  • Acme signed a deal.";
        assert_eq!(date(page), "2022-09-30");
        // Far down the page it is an agenda's line.
        let agenda = format!("{}Sep. 30, 2022 10:00 ETOpening remarks by the chair of the board and the mayor of the city", "Menu line\n".repeat(5));
        assert_eq!(date(&agenda), "");
        // No time after the day, or the day inside a sentence: no stamp.
        let story = "Acme opens a plant\n\nThe deal signed on Sep. 30, 2022 6:38 AM ET gave Acme a site in the north of the country and a grant.\nMore.";
        assert_eq!(date(story), "");
    }

    #[test]
    fn a_meta_bar_glued_to_the_lead_keeps_its_labelled_stamp() {
        let page = "재생 0회 | 등록 2021.07.11<앵커> 정부가 전략을 발표했습니다. 울산에 센터가 들어섭니다. 기자가 전합니다. 시장은 커집니다.";
        assert_eq!(date(page), "2021-07-11");
        // A date deep in the running lead is the story's.
        let deep = "재생 0회 | 정부가 오늘 전략을 발표했습니다 그리고 등록 2021.07.11 이후 센터가 들어섭니다. 시장은 커집니다.";
        assert_eq!(date(deep), "");
        let far = "재생 0회 조회 3회 추천 0회 | 등록 2021.07.11<앵커> 정부가 전략을 발표했습니다. 센터가 들어섭니다. 시장은 커집니다.";
        assert_eq!(date(far), "");
        // 등록 in a story's own line is no label.
        let story = "시는 2024.03.05\n등록 신청은 2024년 4월 1일부터 30일까지 받는다.";
        assert_eq!(date(story), "2024-03-05");
    }

    #[test]
    fn board_labels_glued_or_spaced() {
        assert_eq!(
            date("  • Writer X\n  • Date2023-06-02\n  • Hit247"),
            "2023-06-02"
        );
        assert_eq!(date("- Registration date2024-03-11\nText."), "2024-03-11");
        assert_eq!(date("Posted on March 3, 2025 by admin"), "2025-03-03");
        assert_eq!(date("입력 2026.02.10 09:12"), "2026-02-10");
        // A broadcast's air date; a paid service's first showing.
        assert_eq!(
            date("회차 : 761회 방송일 : 2021.07.08 재생시간 : 03:00"),
            "2021-07-08"
        );
        assert_eq!(
            date("헤드라인\n이 기사는 2023년 10월 26일 15시 39분 유료 서비스에 표출된 기사입니다.\n본문."),
            "2023-10-26"
        );
        // Without the notice's wording the line dates something else.
        let page = "제목\n이 기사는 2022년 11월 1일 열린 세미나 내용을 정리한 것입니다.\n\
                    입력 2022.11.03 09:10\n본문.";
        assert_eq!(date(page), "2022-11-03");
    }

    #[test]
    fn a_press_release_is_dated_by_its_release_time() {
        let fields = "보도시점 : 2025. 7. 15.(화) 11:00  /  배포 : 2025. 7. 14.(월) 14:00";
        let stated = stated(fields, &[]).unwrap();
        assert_eq!(stated.date.to_string(), "2025-07-15");
        assert_eq!(
            stated.other.map(|d| d.to_string()),
            Some("2025-07-14".into())
        );
        // A masthead's date with its weekday and weather loses to the stamp.
        let page =
            "2025년 05월 29일 (목)  맑음 23℃\n승인 2025.05.28 16:40  |  수정 2025.05.28 17:12";
        assert_eq!(date(page), "2025-05-28");
    }

    #[test]
    fn source_lines_and_datelines() {
        assert_eq!(
            date("Body.\nSource: Wire News (October 27, 2021)"),
            "2021-10-27"
        );
        assert_eq!(
            date("SEOUL, Nov. 23, 2026 (Wire) -- The plant opened."),
            "2026-11-23"
        );
        assert_eq!(
            date("BERLIN, 23 November 2026 /Newswire/ — A plant."),
            "2026-11-23"
        );
    }

    #[test]
    fn date_lines_with_a_clock_and_an_update_note() {
        assert_eq!(
            date("Wire\nMarch 3, 2025 4:12 PM EST Updated 2 hours ago\nBody."),
            "2025-03-03"
        );
        assert_eq!(date("Nov. 4, 2025 19:40 JST\nBody."), "2025-11-04");
    }

    #[test]
    fn bare_date_lines_in_every_form() {
        for (line, iso) in [
            ("2026.02.10", "2026-02-10"),
            ("2026. 2. 10.", "2026-02-10"),
            ("Nov. 23, 2026", "2026-11-23"),
            ("23 November 2026", "2026-11-23"),
            ("2026년 2월 10일", "2026-02-10"),
            ("2026-02-10T09:30:00+09:00", "2026-02-10"),
            ("2024/03/11 10:00", "2024-03-11"),
            ("Sept 5, 2024", "2024-09-05"),
            ("21.01.2022", "2022-01-21"),
            ("11/17/2023 09:00", "2023-11-17"),
            ("17/11/2023", "2023-11-17"),
        ] {
            assert_eq!(date(line), iso, "{line}");
        }
    }

    #[test]
    fn dates_in_story_sentences_are_not_publication_dates() {
        assert_eq!(
            date("On October 27, 2021, the ministry held a ceremony in the capital."),
            ""
        );
        assert_eq!(
            date("The plant, opened 2020-05-01, makes cells for many cars."),
            ""
        );
    }

    #[test]
    fn todays_date_over_the_masthead_yields_to_the_stories_stamp() {
        let page = "2024.10.19 토요일\n맑음 서울 1˚C\n산업\n\n기사등록일\n한빛 기자\n2023-10-23 09:21:17\n본문이다.";
        assert_eq!(date(page), "2023-10-23");
        // Alone over the headline, it states no date: the story may be
        // years older than the visit. Under the headline it is a stamp.
        assert!(stated("2024.10.19 토요일\n제목\n본문이다.", &[]).is_none());
        assert!(stated("Thursday, June 13, 2024\n27 C\nHeadline\nBody.", &[]).is_none());
        assert_eq!(date("제목\n2024.10.19 토요일\n본문이다."), "2024-10-19");
        // Registered, then modified: the registration dates the page.
        assert_eq!(
            date("기사등록 2025/03/11 09:12:40 최종수정 2025/03/12 10:05:03\n본문."),
            "2025-03-11"
        );
        // A board's fields, each label on the line above its date, the
        // edit first: the registration still dates the page.
        let board = "- 수정일\n- 2025.04.07\n- 조회수\n- 1764\n- 등록일\n- 2025.03.12\n본문.";
        assert_eq!(date(board), "2025-03-12");
        assert_eq!(
            date("Last updated\n\n2025-04-07\nPublished:\n2025-03-12\nBody."),
            "2025-03-12"
        );
        // A line that only ends in a label gives no role.
        assert_eq!(
            date("2025.05.10\n본문이다.\nEvent date\n2025.06.12\n끝."),
            "2025-05-10"
        );
        // Without labels the page's order decides.
        assert_eq!(date("- 2025.04.07\n- 2025.03.12\n본문."), "2025-04-07");
    }

    #[test]
    fn a_weekday_pins_the_year_of_a_yearless_day() {
        let pinned = |page: &str| weekday_pinned_day(page).map(|(d, w)| (d.to_string(), w));
        // 2024-12-20 was a Friday; 2023 and 2025 put Friday elsewhere.
        let page = "메뉴\n12.20 (금)\n협회, 수료식 개최\n협회는 20일 2024년도 수료식을 열었다.";
        assert_eq!(
            pinned(page),
            Some(("2024-12-20".into(), "12.20 (금)".into()))
        );
        let page = "부는 5.19.(월) 사업에 착수했다.\n사업 기간은 2025년부터 2028년까지다.";
        assert_eq!(pinned(page).unwrap().0, "2025-05-19");
        let page = "Acme opens plant\nDec. 20 (Fri)\nAcme opened its 2024 line.";
        assert_eq!(pinned(page).unwrap().0, "2024-12-20");
        // A weekday no candidate year has, or no year written: nothing.
        assert_eq!(pinned("12.20 (목)\n2024년도 수료식"), None);
        assert_eq!(pinned("12.20 (금)\n수료식을 열었다."), None);
        // A deadline or an amount is no year the page is of.
        assert_eq!(pinned("12.20 (금)\n2030년까지 인재를 양성한다."), None);
        assert_eq!(pinned("12.20 (수)\n가격은 kg당 2000원이다."), None);
        assert_eq!(
            pinned("Dec. 20 (Fri)\nIt will hire 500 people by 2030."),
            None
        );
        // Years far apart leave more than one fit.
        assert_eq!(pinned("12.20 (금)\n2013년과 2030년 사이"), None);
    }

    #[test]
    fn a_weekday_in_the_lead_pins_the_year_of_a_yearless_dateline() {
        let pinned = |page: &str| dateline_weekday_pinned_day(page).map(|(d, _)| d.to_string());
        // 1 March was a Wednesday in 2023 (and 2017, outside the span).
        let page = "Acme begins a plant\nSEOUL, March 1 (Yonhap) -- Acme said Wednesday \
                    it has begun a plant, to be finished by the end of 2024.";
        assert_eq!(pinned(page).as_deref(), Some("2023-03-01"));
        // No weekday in the lead, or none that fits a year the text writes.
        let page = "SEOUL, March 1 (Yonhap) -- Acme has begun a plant to finish in 2024.";
        assert_eq!(pinned(page), None);
        let page = "SEOUL, March 1 (Yonhap) -- Acme said Thursday it will finish in 2024.";
        assert_eq!(pinned(page), None);
        // A weekday of a day ahead, or not of the telling, pins nothing.
        let page = "SEOUL, March 1 (Yonhap) -- Acme will sign a deal on Wednesday, in 2023 talks.";
        assert_eq!(pinned(page), None);
        let page = "SEOUL, March 1 (Yonhap) -- Acme, founded Wednesday, grew in 2023 and 2024.";
        assert_eq!(pinned(page), None);
        // Only target years ahead: 1 March 2090 is a Wednesday, but the
        // page is out by today.
        let page = "SEOUL, March 1 (Yonhap) -- Acme said Wednesday it aims for 2089 and 2090.";
        assert_eq!(pinned(page), None);
        // No year written at all: no span to pick from.
        let page = "SEOUL, March 1 (Yonhap) -- Acme said Wednesday it has begun a plant.";
        assert_eq!(pinned(page), None);
    }

    #[test]
    fn unlabelled_stamps_keep_the_pages_order() {
        // A date line, then a dateline further down: the first dates the page.
        let page = "Acme opens plant\nMarch 14, 2025\n\
                    March 19, 2019 - Atlanta - Acme broke ground on the plant\nAcme said so.";
        assert_eq!(date(page), "2025-03-14");
    }

    #[test]
    fn dates_alone_every_other_line_list_other_stories() {
        let page = "What's Hot\nOctober 13, 2025\nVale wins a bid\nOctober 12, 2025\n\
                    Kestrel raises funds\nOctober 12, 2025\nCora opens a mine\n\
                    Acme opens a plant\nSeptember 23, 2025\nAcme said so.";
        assert_eq!(date(page), "2025-09-23");
        // The page's own stamp printed twice is no list.
        let page = "Energy Daily\nMay 6, 2024\nAcme opens a plant\nMay 6, 2024\nAcme said so.";
        assert_eq!(date(page), "2024-05-06");
        // One date line alone still dates the page.
        let page = "Acme opens a plant\nOctober 13, 2025\nAcme said it would open a plant.";
        assert_eq!(date(page), "2025-10-13");
        // A blog's post date over the source's stamp, each printed its own
        // way, is no list: the source's stamp dates the repost.
        let page = "Wednesday, March 29, 2023\nAcme opens a plant\n\
                    Kestrel News | March 28, 2023 |\nAcme said so.";
        assert_eq!(date(page), "2023-03-28");
        // Today's date with its weekday over the masthead, then the
        // story's date line: no list either.
        let page = "Friday, June 21, 2024\nAcme opens a plant\nMay 19, 2022\nAcme said so.";
        assert_eq!(date(page), "2022-05-19");
        // Entries that each print their own source still list stories.
        let page = "Kestrel buys a mine\nVennor News | March 3, 2024\n\
                    Volt raises funds\nKestrel Wire | March 1, 2024\nAcme said so.";
        assert!(stated(page, &[]).is_none());
    }

    #[test]
    fn a_day_under_a_byline_dates_the_page() {
        let page = "Sign in to read more.\nPrivacy\nNewsletter\nEnergy\nBatteries\n\
                    Acme expands in the US\nby Jane Roe\n\
                    June 22, 2023 | A version of this story appeared in print\n\
                    Acme broke ground on its plant.";
        assert_eq!(date(page), "2023-06-22");
    }

    #[test]
    fn a_short_worded_date_alone_dates_the_page_only_in_its_head() {
        assert_eq!(
            date("13 Feb 24\n\nAcme opens plant\n\nAcme said it would open."),
            "2024-02-13"
        );
        let agenda = "Acme forum\nThe programme\nSpeakers\nVenue\nTickets\n\
                      Opening talks\n20 Jun 24\nPanels\n21 Jun 24\nAcme said so.";
        assert!(stated(agenda, &[]).is_none(), "{:?}", stated(agenda, &[]));
    }

    #[test]
    fn a_labelled_stamp_outranks_a_bare_date_line() {
        let page = "Acme Herald\nOctober 13, 2024\nDeals\nAcme inks a deal\n\
                    • PUBLISHED :September 12, 2024 - 14:28\nAcme said Thursday it signed.";
        assert_eq!(date(page), "2024-09-12");
        // Alone, the date line dates the page.
        assert_eq!(
            date("Acme inks a deal\nOctober 13, 2024\nAcme said Thursday it signed."),
            "2024-10-13"
        );
    }

    #[test]
    fn a_dateline_a_day_ahead_of_the_stamp_dates_the_story() {
        let page = |stamp: &str, dateline: &str| {
            format!("Acme to supply cells\n{stamp}\n{dateline} (Wire) - Acme said on Monday it will supply cells.\n")
        };
        let published = |iso: &str| iso.parse::<PartialDate>().unwrap();
        let day =
            |raw: &str, iso: &str| dateline_day_after(raw, published(iso)).map(|d| d.to_string());
        assert_eq!(
            day(
                &page("October 22, 2023 07:09 pm EDT", "SEOUL, Oct 23"),
                "2023-10-22"
            ),
            Some("2023-10-23".into())
        );
        assert_eq!(
            day(&page("December 31, 2023", "TOKYO, Jan 1"), "2023-12-31"),
            Some("2024-01-01".into())
        );
        // The same day, or a day further off, is no time zone's doing.
        assert_eq!(
            day(&page("October 23, 2023", "SEOUL, Oct 23"), "2023-10-23"),
            None
        );
        assert_eq!(
            day(&page("October 22, 2023", "SEOUL, Oct 25"), "2023-10-22"),
            None
        );
    }

    #[test]
    fn a_photos_filing_day_guesses_the_page_day_and_states_none() {
        let page = "시는 공장을 짓는다.\n부지[사진=한빛시] 2023.08.02 reporter7@hanbit.example |\n공장은 2026년 완공된다.";
        assert_eq!(date(page), "");
        assert_eq!(
            photo_filed_day(page).map(|(d, _)| d.to_string()),
            Some("2023-08-02".into())
        );
        // A byline's stamp signed so is the page's own.
        assert_eq!(
            date("한빛일보 한가람 기자 2023.08.02 reporter7@hanbit.example\n시는 공장을 짓는다."),
            "2023-08-02"
        );
    }

    #[test]
    fn update_dates_only_as_a_last_resort() {
        assert_eq!(
            date("Updated 2024-05-02\nPublished 2024-05-01"),
            "2024-05-01"
        );
        assert_eq!(date("Updated 2024-05-02\nBody."), "2024-05-02");
    }

    #[test]
    fn impossible_dates_are_ignored() {
        assert_eq!(date("Date2023-02-30"), "");
    }

    #[test]
    fn a_guess_far_behind_every_later_year_is_history() {
        let page = "The mill opened in 1987. It will double output by 2031 and again by 2040.";
        assert!(outdated_guess(page, 1987));
        let news =
            "The mill opened in 2019. It will double output by 2026 and reach net zero by 2050.";
        assert!(!outdated_guess(news, 2019));
        // Numbers that are no years (a 2170 cell, a 4680 cell) do not count.
        assert!(!outdated_guess(
            "It makes the 2170 and 4680 cells since 2001.",
            2001
        ));
        assert!(!outdated_guess("Nothing later is named.", 1995));
    }

    #[test]
    fn a_yearless_dateline_takes_the_year_the_page_writes_for_that_day() {
        let raw = "Headline\nSEOUL, Aug. 7 (Yonhap) -- Acme will build a plant.\n\
                   This photo, provided by Acme on Aug. 7, 2023, shows the site.";
        let (date, written) = dateline_with_year_elsewhere(raw).unwrap();
        assert_eq!(date.to_string(), "2023-08-07");
        assert_eq!(written, "Aug. 7, 2023");
        // Another day written in full says nothing of the dateline's year,
        // nor does the same day in a story sentence (an anniversary).
        let raw = "SEOUL, Aug. 7 (Yonhap) -- Acme said it opened on Aug. 1, 2023.";
        assert!(dateline_with_year_elsewhere(raw).is_none());
        let raw = "SEOUL, Aug. 7 (Yonhap) -- A year since the fire of Aug. 7, 2022.";
        assert!(dateline_with_year_elsewhere(raw).is_none());
        // Two years for that day: no guess.
        let raw = "SEOUL, Aug. 7 (Yonhap) -- Acme.\nPhoto: Aug. 7, 2023 and Aug. 7, 2022.";
        assert!(dateline_with_year_elsewhere(raw).is_none());
    }

    #[test]
    fn years_in_names() {
        let (year, name) =
            year_in_names("hosted the “2026 International Forum on Cells” in May").unwrap();
        assert_eq!(year, 2026);
        assert!(name.starts_with("2026 International Forum"), "{name}");
        assert_eq!(year_in_names("by 2030 the plant will open"), None);
        // A year after a preposition is a time, and a name stops at its line.
        assert_eq!(
            year_in_names("aims for a value chain by 2030 The Global Alliance"),
            None
        );
        assert_eq!(
            year_in_names("value chain by\n2030\nThe Global Alliance said"),
            None
        );
        assert_eq!(year_in_names("in 2024 LG Energy Solution opened"), None);
        // A month after "and" continues a date; a name opens with its own capital.
        assert_eq!(
            year_in_names("cars made from May 2019 and June 2021 were"),
            None
        );
    }
}
