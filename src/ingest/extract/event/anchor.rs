//! Extraction, events: the year a story without a publication date is
//! about, which dates its "on July 10" and "last year".
//!
//! Two signs, the stronger first: a day of the month written with its
//! weekday ("Wednesday, July 10", "11월 1일(화)") falls on that weekday in
//! one year only, from a year before the earliest year the story names
//! (deadlines included) to a year after the latest; otherwise the year the
//! story names most often, and more than once.

use std::collections::BTreeMap;

use chrono::Weekday;

use super::super::Sentence;
use super::YEAR_BOUNDS;
use crate::content::date::PartialDate;
use crate::ingest::extract::when::is_future_cue;
use crate::ingest::text::token::{headline_cased, tokenize, year_in_name, year_of_an_aim, Token};
use crate::ingest::text::vocab::month_number;
use crate::ingest::text::weekday::{weekday_fitting_year, DayOfWeek};

pub(crate) fn anchor_year(sentences: &[Sentence<'_>]) -> Option<PartialDate> {
    let years = named_years(sentences);
    weekday_year(sentences, &years)
        .or_else(|| most_named_year(&years))
        .map(PartialDate::y)
}

/// Years written in the story, each with how often it is named outside
/// a deadline or threshold ("by 2030", "by fiscal 2028", "before 2021"
/// count 0 but still show the years the story spans). A name's year
/// ("Vision 2030") is no year of the story at all.
fn named_years(sentences: &[Sentence<'_>]) -> BTreeMap<i32, usize> {
    let mut counts = BTreeMap::new();
    for sentence in sentences {
        let tokens = tokenize(sentence.text);
        let title_cased = headline_cased(sentence.text);
        // A year after a future cue ("will be mass-produced from 2028") is
        // a target, however often the story names it.
        let future_from = tokens.iter().position(is_future_cue).unwrap_or(usize::MAX);
        for (i, token) in tokens.iter().enumerate() {
            if !title_cased && (year_in_name(&tokens, i) || year_of_an_aim(&tokens, i)) {
                continue;
            }
            let limit = |t: &Token<'_>| YEAR_BOUNDS.iter().any(|w| t.is(w));
            let fiscal = i > 1 && (tokens[i - 1].is("fiscal") || tokens[i - 1].is("FY"));
            let deadline = i > 0 && limit(&tokens[i - 1]) || fiscal && limit(&tokens[i - 2]);
            let year = token
                .text
                .parse::<i32>()
                .ok()
                .filter(|y| token.text.len() == 4 && (1900..=2100).contains(y));
            if let Some(year) = year {
                *counts.entry(year).or_default() += usize::from(!deadline && i < future_from);
            }
        }
    }
    counts
}

/// The year named most often and more than once (ties: the latest). A
/// year named once ("the factory was built in 1991") is a detail of the
/// story, not the year it keeps returning to.
fn most_named_year(years: &BTreeMap<i32, usize>) -> Option<i32> {
    years
        .iter()
        .filter(|&(_, &count)| count >= 2)
        .max_by_key(|&(&year, &count)| (count, year))
        .map(|(&year, _)| year)
}

/// The one year, from a year before the earliest the story names to a
/// year after the latest, in which every day it gives with a weekday
/// falls on that weekday. None when the story names no year, gives no
/// such day, or more than one year fits.
fn weekday_year(sentences: &[Sentence<'_>], years: &BTreeMap<i32, usize>) -> Option<i32> {
    let days: Vec<DayOfWeek> = sentences
        .iter()
        .flat_map(|s| days_of_week(s.text))
        .collect();
    if days.is_empty() {
        return None;
    }
    weekday_fitting_year(years.keys().copied(), &days)
}

/// Days written with their weekday: "Wednesday, July 10", "July 10
/// (Wed.)", "11월 1일(화)", "12.20 (금)".
fn days_of_week(text: &str) -> Vec<DayOfWeek> {
    let mut out = english_days(text);
    out.extend(korean_days(text));
    out
}

fn english_days(text: &str) -> Vec<DayOfWeek> {
    let tokens = tokenize(text);
    let word = |k: usize| tokens.get(k).map_or("", |t| t.text);
    let weekday_at = |k: usize| -> Option<Weekday> {
        let t = tokens.get(k)?;
        (t.is_capitalized() && t.text.len() >= 3)
            .then(|| t.text.parse().ok())
            .flatten()
    };
    let month_day_at = |k: usize| -> Option<(u32, u32, usize)> {
        let month = tokens
            .get(k)
            .filter(|t| t.is_capitalized())
            .and_then(|t| month_number(t.text))?;
        let next = if word(k + 1) == "." { k + 2 } else { k + 1 };
        let day: u32 = word(next).parse().ok().filter(|d| (1..=31).contains(d))?;
        // "Thursday, March 4, 2010" carries its year: no anchor needed.
        let with_year = word(next + 1) == ","
            && word(next + 2).len() == 4
            && word(next + 2).bytes().all(|b| b.is_ascii_digit());
        (!with_year).then_some((u32::from(month), day, next + 1))
    };
    let mut out = Vec::new();
    for i in 0..tokens.len() {
        // "Wednesday, July 10", "Wednesday July 10"
        if let Some(weekday) = weekday_at(i) {
            let at = if word(i + 1) == "," { i + 2 } else { i + 1 };
            if let Some((month, day, _)) = month_day_at(at) {
                out.push(DayOfWeek {
                    month,
                    day,
                    weekday,
                });
            }
        }
        // "July 10 (Wed.)", "July 10 (Wednesday)"
        if let Some((month, day, after)) = month_day_at(i) {
            if word(after) == "(" {
                if let Some(weekday) = weekday_at(after + 1) {
                    out.push(DayOfWeek {
                        month,
                        day,
                        weekday,
                    });
                }
            }
        }
    }
    out
}

fn korean_days(text: &str) -> Vec<DayOfWeek> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices('(') {
        let Some(weekday) = korean_weekday(&text[at + 1..]) else {
            continue;
        };
        let before = text[..at].trim_end();
        if let Some((month, day)) = korean_month_day(before).or_else(|| dotted_month_day(before)) {
            out.push(DayOfWeek {
                month,
                day,
                weekday,
            });
        }
    }
    out
}

/// "화)" or "화요일)" at the start of `rest`.
fn korean_weekday(rest: &str) -> Option<Weekday> {
    let mut chars = rest.chars();
    let weekday = match chars.next()? {
        '월' => Weekday::Mon,
        '화' => Weekday::Tue,
        '수' => Weekday::Wed,
        '목' => Weekday::Thu,
        '금' => Weekday::Fri,
        '토' => Weekday::Sat,
        '일' => Weekday::Sun,
        _ => return None,
    };
    let rest = chars.as_str();
    let rest = rest.strip_prefix("요일").unwrap_or(rest);
    rest.starts_with(')').then_some(weekday)
}

/// "11월 1일" at the end of `before`.
fn korean_month_day(before: &str) -> Option<(u32, u32)> {
    let head = before.strip_suffix('일')?;
    let (head, day) = trailing_number(head)?;
    let head = head.trim_end().strip_suffix('월')?;
    let (head, month) = trailing_number(head)?;
    // "2025년 3월 4일(화)" carries its year.
    if head.trim_end().ends_with('년') {
        return None;
    }
    valid(month, day)
}

/// "12.20" at the end of `before`.
fn dotted_month_day(before: &str) -> Option<(u32, u32)> {
    let (head, day) = trailing_number(before)?;
    let head = head.strip_suffix('.')?;
    let (head, month) = trailing_number(head)?;
    // "2024.12.20" and "‘24.12.20" carry their year, and a longer run
    // of digits is no month.
    if head
        .trim_end_matches('.')
        .ends_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    valid(month, day)
}

/// The number of one or two digits that ends `text`, and the text before it.
fn trailing_number(text: &str) -> Option<(&str, u32)> {
    let digits = text.len() - text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let at = text.len() - digits;
    Some((&text[..at], text[at..].parse().ok()?))
}

fn valid(month: u32, day: u32) -> Option<(u32, u32)> {
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((month, day))
}

#[cfg(test)]
mod tests {
    use super::super::tests::body;
    use super::*;

    #[test]
    fn days_with_their_weekday_in_both_languages() {
        let day = |month, day, weekday| DayOfWeek {
            month,
            day,
            weekday,
        };
        assert_eq!(
            days_of_week("The council met on Tuesday, March 4 at noon."),
            [day(3, 4, Weekday::Tue)]
        );
        assert_eq!(
            days_of_week("Bids close March 4 (Tue.) and open later."),
            [day(3, 4, Weekday::Tue)]
        );
        assert_eq!(
            days_of_week("□ 3월 4일(화) 장관은 회의를 열었다"),
            [day(3, 4, Weekday::Tue)]
        );
        assert_eq!(days_of_week("3.4 (화요일)"), [day(3, 4, Weekday::Tue)]);
        // A full date needs no weekday to be read; a month alone is no day.
        assert!(days_of_week("입력 2025.3.4(화) 10:00").is_empty());
        assert!(days_of_week("Sales in March (Tuesday) rose.").is_empty());
        assert!(days_of_week("The Sunday Times said March 4 was cold.").is_empty());
        assert!(days_of_week("It opened on Tuesday, March 4, 2025.").is_empty());
        assert!(days_of_week("2025년 3월 4일(화) 개소했다").is_empty());
    }

    #[test]
    fn a_weekday_picks_the_one_year_it_fits_among_the_years_named() {
        // 4 March fell on a Tuesday in 2014, 2025 and 2031: only 2025 lies
        // within a year of the years the story names (2024, 2026).
        let sentences = body(&[
            "The agency announced the plan on Tuesday, March 4.",
            "It follows a review finished in 2024 and takes effect by 2026.",
        ]);
        assert_eq!(anchor_year(&sentences), Some(PartialDate::y(2025)));
        // Named once, 2025 alone would not anchor the story.
        let sentences = body(&["The plan was drafted in 2025."]);
        assert_eq!(anchor_year(&sentences), None);
    }

    #[test]
    fn no_year_named_or_several_fitting_leaves_the_story_undated() {
        let sentences = body(&["The agency announced the plan on Tuesday, March 4."]);
        assert_eq!(anchor_year(&sentences), None);
        // 2014 and 2025 both fit between 2013 and 2030.
        let sentences = body(&[
            "The agency announced the plan on Tuesday, March 4.",
            "It was founded in 2013 and aims to finish by 2030.",
        ]);
        assert_eq!(anchor_year(&sentences), None);
        // A weekday that fits no year named gives way to the count.
        let sentences = body(&[
            "The agency met on Sunday, March 4.",
            "Sales rose in 2025.",
            "In 2025 it hired more.",
        ]);
        assert_eq!(anchor_year(&sentences), Some(PartialDate::y(2025)));
    }

    #[test]
    fn a_fiscal_deadline_does_not_anchor_an_undated_story() {
        let sentences = body(&[
            "Acme aims to sell the cells by fiscal 2028.",
            "It wants the pack to cost less by fiscal 2028.",
        ]);
        assert_eq!(anchor_year(&sentences), None);
        let sentences = body(&["Sales rose in 2024.", "In 2024 it hired more."]);
        assert_eq!(anchor_year(&sentences), Some(PartialDate::y(2024)));
    }

    #[test]
    fn a_plans_year_does_not_anchor_an_undated_story() {
        let sentences = body(&[
            "Cells made by the new process will be mass-produced from 2028.",
            "The company plans to build a second line in 2028.",
        ]);
        assert_eq!(anchor_year(&sentences), None);
        // A year told before the plan's words still dates the story.
        let sentences = body(&[
            "Acme opened its first plant in 2023, and it expects to double output.",
            "Sales in 2023 were higher than expected.",
        ]);
        assert_eq!(anchor_year(&sentences), Some(PartialDate::y(2023)));
    }

    #[test]
    fn a_year_closing_a_name_is_no_year_of_the_story() {
        // 14 September fell on a Thursday in 2045: the strategy's year
        // alone must not date the statement.
        let sentences = body(&[
            "It is a step towards a Golden Vision 2045, the minister said on Thursday, September 14.",
            "The plan serves the Green Balance 2045 strategy.",
        ]);
        assert_eq!(anchor_year(&sentences), None);
        // An aim's name, "towards" and a country: no programme word.
        let sentences = body(&[
            "It is a step towards a Golden Indonesia 2045, the minister said on Thursday, September 14.",
        ]);
        assert_eq!(anchor_year(&sentences), None);
        // Towards a quarter or a show, the year is a time: 18 June 2024
        // was a Tuesday.
        for text in [
            "Acme opened the plant on Tuesday, June 18, working towards a Q4 2024 launch.",
            "Acme opened the plant on Tuesday, June 18, working toward the Paris Battery Expo 2024.",
        ] {
            assert_eq!(anchor_year(&body(&[text])), Some(PartialDate::y(2024)), "{text}");
        }
        // A show's or a season's year is a time: 18 June 2024 was a Tuesday.
        let sentences = body(&[
            "Acme showed the cell at The Battery Show Europe 2024 on Tuesday, June 18.",
            "It plans deliveries after Summer 2024.",
        ]);
        assert_eq!(anchor_year(&sentences), Some(PartialDate::y(2024)));
        // In capitals a show is held in its year; a month's year is a time.
        let sentences = body(&[
            "Acme showed the cell at CES 2024 on Tuesday, January 9.",
            "Sales began in January 2024.",
        ]);
        assert_eq!(anchor_year(&sentences), Some(PartialDate::y(2024)));
    }

    #[test]
    fn a_rules_threshold_year_does_not_anchor_an_undated_story() {
        let sentences = body(&[
            "Scooters registered before 2018 pay the old fee.",
            "Those registered after 2018 pay more, since 2018 rules apply.",
        ]);
        assert_eq!(anchor_year(&sentences), None);
    }
}
