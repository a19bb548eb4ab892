//! Extraction helper for events: date expressions resolved to ISO dates.
//!
//! Takes a sentence, the publication date and the last full date mentioned
//! before it, and gives back each date expression with its byte span and
//! the date it means, at the precision the text supports: "on April 12"
//! (publication year), "from February 5 to six" (a range), "on the 18th"
//! (publication month), "in June last year", "early next year", "in 2023",
//! "on Friday" (counted back from publication), "on the same day".

use std::cmp::Ordering;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::content::date::PartialDate;
use crate::ingest::text::hangul::is_hangul;
use crate::ingest::text::token::{tokenize, Token};
use crate::ingest::text::words::{word_list, Words};

mod korean;
pub(super) use korean::tense_of as korean_tense_of;

/// The word introducing a date, which says how the date relates to the
/// story ("since 2020" is a state, "by 2030" a deadline).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    At,
    Since,
    By,
    Until,
}

/// One resolved date expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Mention {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) date: PartialDate,
    pub(crate) date_end: Option<PartialDate>,
    pub(crate) cue: Cue,
    /// The text calls the date the coming one ("오는 2021년"): a time
    /// scheduled, not a target.
    pub(crate) called_coming: bool,
}

static SPELLED: Words = word_list!("extract/spelled-numbers.txt");
/// "half", "end": parts of a year written before "of" and the year.
static YEAR_PARTS: Words = word_list!("extract/year-parts.txt");

/// Every date expression in `sentence`.
pub(crate) fn mentions(
    sentence: &str,
    published: Option<PartialDate>,
    last_full: Option<PartialDate>,
) -> Vec<Mention> {
    let tokens = tokenize(sentence);
    let mut context = Context {
        tokens: &tokens,
        published,
        last_full,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match context.at(i) {
            Some((mention, next)) => {
                // "signed on Friday … announced on the same day": a day
                // named earlier in the sentence is the one "same day" means.
                if mention.date.is_full() {
                    context.last_full = Some(mention.date);
                }
                out.push(mention);
                i = next;
            }
            None => i += 1,
        }
    }
    if sentence.chars().any(is_hangul) {
        for mention in korean::mentions(sentence, published) {
            if !out
                .iter()
                .any(|m| m.start < mention.end && mention.start < m.end)
            {
                out.push(mention);
            }
        }
        out.sort_by_key(|m| m.start);
        let anchored = korean::anchored_days(sentence, &out, last_full.or(published), published);
        out.extend(anchored);
        out.sort_by_key(|m| m.start);
    }
    out
}

struct Context<'t, 'a> {
    tokens: &'t [Token<'a>],
    published: Option<PartialDate>,
    last_full: Option<PartialDate>,
}

impl Context<'_, '_> {
    fn word(&self, i: usize) -> Option<&str> {
        self.tokens.get(i).map(|t| t.text)
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is(word))
    }

    /// A negation in the clause before token `at` ("will not open", "won't
    /// start"), within a few words.
    fn negated_before(&self, at: usize) -> bool {
        const WITHIN: usize = 6;
        let from = at.saturating_sub(WITHIN);
        // "won't": "t" counts only after an apostrophe ("AT&T" is a name).
        let contracted = |k: usize| {
            self.tokens[k].text.eq_ignore_ascii_case("t")
                && k > 0
                && matches!(self.tokens[k - 1].text, "'" | "’")
        };
        // A clause ends at punctuation and at words that open another
        // ("did not fall and stayed high until …").
        (from..at)
            .rev()
            .take_while(|&k| {
                !matches!(self.tokens[k].text, "," | ";" | ":")
                    && !["and", "but", "whether", "that", "or"]
                        .iter()
                        .any(|w| self.tokens[k].is(w))
            })
            .any(|k| {
                let word = self.tokens[k].text.to_ascii_lowercase();
                matches!(word.as_str(), "not" | "never" | "cannot")
                    || word.ends_with("n't")
                    || contracted(k)
            })
    }

    /// The mention starting at token `i`, and the token after it.
    fn at(&self, i: usize) -> Option<(Mention, usize)> {
        let (date, date_end, next) = self
            .day_first(i)
            .or_else(|| self.month_expression(i))
            .or_else(|| self.ordinal_day(i))
            .or_else(|| self.year(i))
            .or_else(|| self.part_of_year(i))
            .or_else(|| self.relative(i))
            .or_else(|| self.weekday(i))
            .or_else(|| self.same_day(i))?;
        let (mut cue, first) = self.cue(i);
        // "since 2009, when the former introduced …": the year of a
        // happening the clause tells, not the start of a state.
        if cue == Cue::Since && self.is(next, ",") && self.is(next + 1, "when") {
            cue = Cue::At;
        }
        let mention = Mention {
            start: self.tokens[first].start,
            end: self.tokens[next - 1].end,
            date,
            date_end,
            cue,
            called_coming: false,
        };
        Some((mention, next))
    }

    /// The preposition before token `i` and the mention's first token.
    fn cue(&self, i: usize) -> (Cue, usize) {
        let i = i - self.fiscal(i);
        let Some(prev) = i.checked_sub(1) else {
            return (Cue::At, i);
        };
        // "up to December 17", "up to and including December 17": until.
        let phrase_before = |words: &[&str]| {
            let from = (prev + 1).checked_sub(words.len())?;
            words
                .iter()
                .enumerate()
                .all(|(k, w)| self.is(from + k, w))
                .then_some(from)
        };
        if let Some(from) = phrase_before(&["up", "to", "and", "including"])
            .or_else(|| phrase_before(&["up", "to"]))
        {
            return (Cue::Until, from);
        }
        // "since early 2022": the part of the year stands between the cue
        // and its year.
        let part_of_year = ["early", "late", "mid"].iter().any(|w| self.is(prev, w));
        if part_of_year {
            let (cue, at) = self.cue(prev);
            if cue != Cue::At {
                return (cue, at);
            }
        }
        let cue = match self.word(prev).map(str::to_ascii_lowercase).as_deref() {
            Some("since" | "beyond") => Cue::Since,
            Some("by") => Cue::By,
            // "would not start until 2027": the start, not an end.
            Some("until" | "till") if self.negated_before(prev) => Cue::At,
            Some("until" | "till" | "through") => Cue::Until,
            Some(
                "in" | "on" | "from" | "during" | "early" | "late" | "mid" | "at" | "over"
                | "between",
            ) => Cue::At,
            _ => return (Cue::At, i),
        };
        (cue, prev)
    }

    fn published_year(&self) -> Option<i32> {
        self.published.map(|p| p.year)
    }

    /// "April 12", "April 12, 2023", "Feb. 5 to six", "June 2024",
    /// "June last year", "in June".
    fn month_expression(&self, i: usize) -> Option<(PartialDate, Option<PartialDate>, usize)> {
        let month = month_number(self.tokens.get(i)?)?;
        let mut next = i + 1;
        if self.word(next) == Some(".") {
            next += 1;
        }
        if let Some(day) = self.word(next).and_then(day_number) {
            let (year, after) = match self.year_after(next + 1) {
                Some((y, after)) => (Some(y), after),
                None => match self.relative_year(next + 1) {
                    // "on January 1 next year"
                    Some((shift, after)) if shift != 0 => {
                        (self.published_year().map(|y| y + shift), after)
                    }
                    _ => (
                        self.range_year(next + 1)
                            .or_else(|| self.year_of_month(i, month, Some(day))),
                        next + 1,
                    ),
                },
            };
            let year = year?;
            let date = PartialDate::ymd(year, month, day)?;
            return Some(match self.range_end(after, year, month) {
                Some((end, after)) => (date, Some(end), after),
                None => (date, None, after),
            });
        }
        if let Some((year, after)) = self.year_after(next) {
            let date = PartialDate::ym(year, month)?;
            return Some(match self.month_range_end(after, date) {
                Some((end, after)) => (date, Some(end), after),
                None => (date, None, after),
            });
        }
        if let Some((start, end, after)) = self.month_pair(i, month, next) {
            return Some((start, Some(end), after));
        }
        if let Some((shift, after)) = self.relative_year(next) {
            return Some((
                PartialDate::ym(self.published_year()? + shift, month)?,
                None,
                after,
            ));
        }
        let introduced = i > 0
            && [
                "in", "since", "from", "until", "by", "during", "early", "late", "mid", "of",
            ]
            .iter()
            .any(|w| self.is(i - 1, w));
        (introduced || self.scheduled_for(i)).then_some(())?;
        let year = self.year_of_month(i, month, None)?;
        Some((PartialDate::ym(year, month)?, None, next))
    }

    /// "between August and November 2018", "from May to July 2024": two
    /// months at tokens `i` and after `at`, the year written once after
    /// the second (a start month later than the end is the year before's).
    fn month_pair(
        &self,
        i: usize,
        month: u8,
        at: usize,
    ) -> Option<(PartialDate, PartialDate, usize)> {
        let opened_by = |w: &str| i > 0 && self.is(i - 1, w);
        let joined = self.is(at, "and") && opened_by("between")
            || self.joins_a_range(at) && (opened_by("from") || opened_by("between"));
        if !joined {
            return None;
        }
        let (end_month, year, after) = self.month_and_year(at + 1)?;
        let start_year = if month > end_month { year - 1 } else { year };
        Some((
            PartialDate::ym(start_year, month)?,
            PartialDate::ym(year, end_month)?,
            after,
        ))
    }

    /// "… to December 2029" after "January 2026": the later month and
    /// year that close a range, and the token after them.
    fn month_range_end(&self, at: usize, start: PartialDate) -> Option<(PartialDate, usize)> {
        if !self.joins_a_range(at) {
            return None;
        }
        let (month, year, after) = self.month_and_year(at + 1)?;
        let end = PartialDate::ym(year, month)?;
        (end > start).then_some((end, after))
    }

    /// "to", "through", "-" at token `at`: a word joining a range's ends.
    fn joins_a_range(&self, at: usize) -> bool {
        ["to", "through", "until", "till", "-", "–", "—"]
            .iter()
            .any(|w| self.is(at, w))
    }

    /// "November 2018", "Nov. 2018" at token `at`: the month, the year and
    /// the token after them.
    fn month_and_year(&self, at: usize) -> Option<(u8, i32, usize)> {
        let month = month_number(self.tokens.get(at)?)?;
        let mut next = at + 1;
        if self.word(next) == Some(".") {
            next += 1;
        }
        let (year, after) = self.year_after(next)?;
        Some((month, year, after))
    }

    /// The year of a month (and day) named without one: the publication
    /// year; the year before when the story tells it in the past and the
    /// date would lie after publication ("agreed in December", published
    /// in October); the year after when it tells it in the future and the
    /// date would lie before ("will open in February").
    fn year_of_month(&self, i: usize, month: u8, day: Option<u8>) -> Option<i32> {
        let published = self.published?;
        // "decided on Oct. 25 to hold a meeting on Nov. 1": what was
        // decided may come soon after the telling, whatever its tense.
        if self.decided_before(i) && soon_after(published, month, day) {
            return Some(published.year);
        }
        Some(year_of_month(
            published,
            month,
            day,
            self.tense_before(i).or_else(|| self.tense_after(i)),
        ))
    }

    /// "12 March 2025", "on 3 June": day before month (British order).
    fn day_first(&self, i: usize) -> Option<(PartialDate, Option<PartialDate>, usize)> {
        let day = day_number(self.word(i)?)?;
        let month = month_number(self.tokens.get(i + 1)?)?;
        let (year, after) = match self.year_after(i + 2) {
            Some(found) => found,
            // "on 3 June", "from 1 December", "last week (26 October)":
            // the year its tense tells.
            None if i > 0
                && (DAY_PREPOSITIONS.iter().any(|w| self.is(i - 1, w))
                    || self.is(i - 1, "(") && self.is(i + 2, ")")) =>
            {
                (self.year_of_month(i, month, Some(day))?, i + 2)
            }
            None => return None,
        };
        Some((PartialDate::ymd(year, month, day)?, None, after))
    }

    /// ", 2023" or " 2023" after a day.
    fn year_after(&self, at: usize) -> Option<(i32, usize)> {
        let at = if self.word(at) == Some(",") {
            at + 1
        } else {
            at
        };
        let year = self.word(at).and_then(year_number)?;
        Some((year, at + 1))
    }

    /// The year closing a range: "March 30 to April 2, 2024", "April 10
    /// to 13, 2025".
    fn range_year(&self, at: usize) -> Option<i32> {
        let joined = ["to", "-", "–", "through", "~"]
            .iter()
            .any(|w| self.is(at, w));
        if !joined {
            return None;
        }
        let month = self.tokens.get(at + 1).and_then(month_number).is_some();
        let day_at = if month { at + 2 } else { at + 1 };
        self.word(day_at).and_then(day_number)?;
        self.year_after(day_at + 1).map(|(y, _)| y)
    }

    /// "to six", "-6", "through 8", "and 9", "to July 31, 2030" (also
    /// after the comma that closes a full date: "Aug. 1, 2027, to …",
    /// but not "…, and …", which the comma makes a list even after
    /// "between").
    fn range_end(&self, at: usize, year: i32, month: u8) -> Option<(PartialDate, usize)> {
        let joiners = ["to", "-", "–", "through", "and", "~"];
        let joined = |at: usize| joiners.iter().any(|w| self.is(at, w));
        // After a comma "and" starts a list ("May 3, 2024, and June 5").
        let comma_range = self.is(at, ",")
            && !self.is(at + 1, "and")
            && joined(at + 1)
            && !self.changes_a_date(at);
        if comma_range && self.month_day(at + 2).is_some() {
            return self.range_end(at + 1, year, month);
        }
        if !joined(at) {
            return None;
        }
        let word = self.word(at + 1)?;
        if month_number(&self.tokens[at + 1]).is_some() {
            let (end_month, day, next) = self.month_day(at + 1)?;
            // "from Nov. 1, 2026, to Feb. 28": an end before the start
            // falls in the next year.
            let (end_year, after) = match self.year_after(next) {
                Some(written) => written,
                None if end_month < month => (year + 1, next),
                None => (year, next),
            };
            let end = PartialDate::ymd(end_year, end_month, day)?;
            return (end_year >= year).then_some((end, after));
        }
        let day = day_number(word).or_else(|| spelled(word))?;
        Some((PartialDate::ymd(year, month, day)?, at + 2))
    }

    /// A verb of change shortly before token `at` ("moved the start from
    /// Dec. 31, 2026, to June 30, 2027"): the two dates are the old and
    /// the new one, not a period.
    fn changes_a_date(&self, at: usize) -> bool {
        static CHANGE_VERBS: Words = word_list!("extract/date-change-verbs.txt");
        const LOOK_BACK: usize = 12;
        (at.saturating_sub(LOOK_BACK)..at).any(|k| CHANGE_VERBS.iter().any(|v| self.is(k, v)))
    }

    /// A month and a day at token `at` ("July 31", "Aug. 1"), and the
    /// token after them.
    fn month_day(&self, at: usize) -> Option<(u8, u8, usize)> {
        let month = self.tokens.get(at).and_then(month_number)?;
        let at = if self.is(at + 1, ".") { at + 2 } else { at + 1 };
        let day = self.word(at).and_then(day_number)?;
        Some((month, day, at + 1))
    }

    /// "last year" / "next year" / "this year" at `at`: the year shift.
    fn relative_year(&self, at: usize) -> Option<(i32, usize)> {
        let shift = match self.word(at)?.to_ascii_lowercase().as_str() {
            "last" | "previous" => -1,
            "next" | "coming" => 1,
            "this" => 0,
            _ => return None,
        };
        (self.is(at + 1, "year") || self.is(at + 1, "yr")).then_some((shift, at + 2))
    }

    /// "on the 18th": publication year and month.
    fn ordinal_day(&self, i: usize) -> Option<(PartialDate, Option<PartialDate>, usize)> {
        if !(self.is(i, "the") && i > 0 && self.is(i - 1, "on")) {
            return None;
        }
        let word = self.word(i + 1)?;
        let digits = word.trim_end_matches(|c: char| c.is_alphabetic());
        let suffix = &word[digits.len()..];
        if !matches!(suffix, "st" | "nd" | "rd" | "th") {
            return None;
        }
        let day = day_number(digits)?;
        // "on the 11th of April": the month is given after all.
        if self.is(i + 2, "of") {
            if let Some(month) = self.tokens.get(i + 3).and_then(month_number) {
                let (year, after) = match self.year_after(i + 4) {
                    Some((year, after)) => (year, after),
                    None => (self.year_of_month(i, month, Some(day))?, i + 4),
                };
                return Some((PartialDate::ymd(year, month, day)?, None, after));
            }
        }
        let published = self.published?;
        let (year, month) = month_of_day(published, day, self.tense_before(i))?;
        let date = PartialDate::ymd(year, month, day)?;
        Some((date, None, i + 2))
    }

    /// "in 2023", "by 2030", "since 2020", "in early 2024".
    fn year(&self, i: usize) -> Option<(PartialDate, Option<PartialDate>, usize)> {
        let word = self.word(i)?;
        let part_joined = joined_part_year(word);
        // "2024-2028": a range of years written as one word.
        let (year, joined_end) = match (part_joined, word.split_once('-')) {
            (Some(year), _) => (year, None),
            (None, Some((a, b))) => (year_number(a)?, Some(year_number(b)?)),
            (None, None) => (year_number(word)?, None),
        };
        // "by fiscal 2028": the cue stands before "fiscal".
        let k = i - self.fiscal(i);
        let range = match joined_end {
            Some(end) => (end > year).then_some((PartialDate::y(end), i + 1)),
            None => self.year_range_end(i, year, k),
        };
        // "(2025 to 2029)", "between 2025 and 2029": a range of years
        // set off or introduced so is a time.
        let range_opener = k > 0 && ["(", "between", "over"].iter().any(|w| self.is(k - 1, w));
        let introduced = k > 0
            && [
                "in", "since", "by", "until", "through", "till", "during", "early", "late", "mid",
                "from",
            ]
            .iter()
            .any(|w| self.is(k - 1, w))
            || range.is_some() && range_opener
            || part_joined.is_some();
        // "the second half of 2026", "by the end of 2025", "in Q3 2026".
        let part_of = self.after_a_part(i) || i > 0 && self.word(i - 1).is_some_and(is_part_code);
        // "the 2025 Opportunity Zone project" names a programme, not a time.
        let names_something = self.tokens.get(i + 1).is_some_and(|t| t.is_capitalized());
        let introduced = introduced || self.closes_named_event(i);
        if !(introduced || part_of || self.scheduled_for(i)) || names_something {
            return None;
        }
        let end_of = part_of && self.is(i - 2, "end");
        if let (Some((end, after)), false) = (range, end_of) {
            return Some((PartialDate::y(year), Some(end), after));
        }
        if joined_end.is_some() {
            return None;
        }
        let date = if end_of {
            PartialDate::ym(year, 12)?
        } else {
            PartialDate::y(year)
        };
        Some((date, None, i + 1))
    }

    /// "2025 to 2029", "2025 through 2029" ("2025 and 2029" only after
    /// "between", at token `k`): the later year closing a range of years
    /// that opens at token `i`, and the token after it.
    fn year_range_end(&self, i: usize, start: i32, k: usize) -> Option<(PartialDate, usize)> {
        let joiner = self.word(i + 1)?.to_ascii_lowercase();
        let joined = match joiner.as_str() {
            "to" | "through" | "until" | "till" | "-" | "–" | "~" => true,
            "and" => k > 0 && self.is(k - 1, "between"),
            _ => false,
        };
        // "from the beginning of 2025 to the end of 2029": past the part
        // of the closing year.
        let part = self.is(i + 2, "the")
            && YEAR_PARTS.iter().any(|w| self.is(i + 3, w))
            && self.is(i + 4, "of");
        let at = if part { i + 5 } else { i + 2 };
        let end = year_number(self.word(at)?)?;
        (joined && end > start).then_some((PartialDate::y(end), at + 1))
    }

    /// How many words of "fiscal" stand right before the year at token
    /// `i`: one in "by fiscal 2028", two in "from fiscal year 2028".
    fn fiscal(&self, i: usize) -> usize {
        if self.word(i).and_then(year_number).is_none() {
            return 0;
        }
        if i > 1 && self.is(i - 2, "fiscal") && self.is(i - 1, "year") {
            2
        } else {
            usize::from(i > 0 && self.is(i - 1, "fiscal"))
        }
    }

    /// "targeted for 2026", "scheduled for March": "for" after a word of
    /// scheduling introduces a time ("a budget for 2026" does not).
    fn scheduled_for(&self, i: usize) -> bool {
        static SCHEDULING: Words = word_list!("extract/scheduling-words.txt");
        i > 1 && self.is(i - 1, "for") && SCHEDULING.iter().any(|w| self.is(i - 2, w))
    }

    /// "the second half of", "the end of" right before token `i`.
    fn after_a_part(&self, i: usize) -> bool {
        i > 1 && self.is(i - 1, "of") && YEAR_PARTS.iter().any(|w| self.is(i - 2, w))
    }

    /// "last year", "next year", "this year", "last month", "next month".
    fn relative(&self, i: usize) -> Option<(PartialDate, Option<PartialDate>, usize)> {
        if let Some((shift, next)) = self.relative_year(i) {
            // "this year" is a time only as "later this year" or a part of
            // it ("in the second half of this year", "by the end of …").
            // "a quarter of this year's budget" is the budget's.
            let possessive = self
                .tokens
                .get(next)
                .is_some_and(|t| t.text.starts_with(['\'', '’']));
            let part_of = self.after_a_part(i) && !possessive;
            if shift == 0 && !(i > 0 && self.is(i - 1, "later")) && !part_of {
                return None;
            }
            // "in 2023 and a peak the previous year": told from the year
            // the sentence names before it, not from publication; with none
            // named, the year it counts from is unknown.
            if self.is(i, "previous") && i > 0 && self.is(i - 1, "the") {
                let named = (0..i)
                    .rev()
                    .find_map(|k| self.word(k).and_then(year_number))?;
                return Some((PartialDate::y(named + shift), None, next));
            }
            let year = self.published_year()? + shift;
            if part_of && self.is(i - 2, "end") {
                return Some((PartialDate::ym(year, 12)?, None, next));
            }
            return Some((PartialDate::y(year), None, next));
        }
        let shift = match self.word(i)?.to_ascii_lowercase().as_str() {
            "last" => -1,
            "next" => 1,
            _ => return None,
        };
        // "next spring": the season of the following year.
        let season = ["spring", "summer", "autumn", "fall", "winter"]
            .iter()
            .any(|w| self.is(i + 1, w));
        if season && shift == 1 {
            return Some((PartialDate::y(self.published_year()? + 1), None, i + 2));
        }
        // "last November", "next March": the nearest such month on that
        // side of publication (a month's full name: "last may" is a verb's).
        // A day or a year after the month is the month expression's to
        // read ("next January 1", "by next March 2026").
        let dated_on = self
            .word(i + 2)
            .is_some_and(|w| day_number(w).is_some() || year_number(w).is_some());
        if let Some(month) = self
            .tokens
            .get(i + 1)
            .filter(|t| t.is_capitalized() && crate::ingest::text::vocab::is_month_name(t.text))
            .filter(|_| !dated_on)
            .and_then(month_number)
        {
            let published = self.published?;
            let from = published.month?;
            let year = match shift {
                -1 if month >= from => published.year - 1,
                1 if month <= from => published.year + 1,
                _ => published.year,
            };
            return Some((PartialDate::ym(year, month)?, None, i + 2));
        }
        if !self.is(i + 1, "month") {
            return None;
        }
        let published = self.published?;
        let months = published.year * 12 + i32::from(published.month?) - 1 + shift;
        let date = PartialDate::ym(months.div_euclid(12), (months.rem_euclid(12) + 1) as u8)?;
        Some((date, None, i + 2))
    }

    /// "will launch in the fourth quarter": a part of the year ahead named
    /// without its year (the year its tense tells), to the year.
    fn part_of_year(&self, i: usize) -> Option<(PartialDate, Option<PartialDate>, usize)> {
        let introduced = i > 0
            && ["in", "by", "during", "from"]
                .iter()
                .any(|w| self.is(i - 1, w));
        if !(introduced && self.is(i, "the")) {
            return None;
        }
        let ordinal = self.word(i + 1)?.to_ascii_lowercase();
        let unit = self.word(i + 2)?.to_ascii_lowercase();
        let first_month = match (ordinal.as_str(), unit.as_str()) {
            ("first", "quarter" | "half") => 1,
            ("second", "quarter") => 4,
            ("second", "half") => 7,
            ("third", "quarter") => 7,
            ("fourth", "quarter") => 10,
            _ => return None,
        };
        // "the second half of 2026", "of last year": the year is written.
        if self.is(i + 3, "of") {
            return None;
        }
        // "profit rose in the third quarter": a past quarter is the period
        // a result covers, no happening; only one ahead is a time.
        let ahead = self.tense_before(i).or_else(|| self.tense_after(i));
        if ahead != Some(true) {
            return None;
        }
        let year = self.year_of_month(i, first_month, None)?;
        Some((PartialDate::y(year), None, i + 3))
    }

    /// "on Friday": the latest such day not after publication.
    fn weekday(&self, i: usize) -> Option<(PartialDate, Option<PartialDate>, usize)> {
        let day: Weekday = self.word(i)?.parse().ok()?;
        // "on Friday", or wire style "said Tuesday" and "signed the deal
        // Tuesday".
        let cued = i > 0
            && (self.is(i - 1, "on")
                || REPORTED.iter().any(|w| self.is(i - 1, w))
                || self.ends_a_told_clause(i));
        if !(cued && self.tokens[i].is_capitalized()) {
            return None;
        }
        let published = self.published.filter(PartialDate::is_full)?;
        let mut date = published.to_naive_floor();
        let step = if self.looks_ahead(i) {
            date += Duration::days(1);
            Duration::days(1)
        } else {
            Duration::days(-1)
        };
        while date.weekday() != day {
            date += step;
        }
        Some((from_naive(date)?, None, i + 1))
    }

    /// Wire style's bare weekday closing a clause with a verb ("Acme
    /// opened its plant Monday.", "signed a deal Tuesday to build …"): a
    /// lowercase word before it that opens no span or repeat ("every
    /// Monday", "through Sunday"), and nothing after it but an end, a
    /// mark or a word that opens the next part ("runs Thursday through
    /// Sunday" and "added Saturday shifts" name kinds of days).
    fn ends_a_told_clause(&self, i: usize) -> bool {
        static FOLLOWERS: Words = word_list!("extract/weekday-followers.txt");
        static OPENERS: Words = word_list!("extract/weekday-openers.txt");
        let before = &self.tokens[i - 1];
        let plain_word_before = before.is_word()
            && before.text.starts_with(char::is_lowercase)
            && !OPENERS
                .iter()
                .chain(DAY_PREPOSITIONS.iter())
                .any(|w| before.is(w));
        let ends_here = match self.tokens.get(i + 1) {
            None => true,
            Some(next) if !next.is_word() => !next.text.starts_with(['\'', '\u{2019}', '-']),
            Some(next) => FOLLOWERS.contains(&next.text),
        };
        plain_word_before && ends_here && self.tense_before(i).is_some()
    }

    /// True when the nearest tense cue before token `i` is a future one
    /// ("will announce … on Friday", not "said on Friday it will …").
    fn looks_ahead(&self, i: usize) -> bool {
        self.tense_before(i).unwrap_or(false)
    }

    /// The nearest tense cue before token `i`: `Some(true)` for a future
    /// one, `Some(false)` for a past one (a listed verb, or a lowercase
    /// word in "-ed": "agreed", "signed"), `None` when there is none.
    fn tense_before(&self, i: usize) -> Option<bool> {
        if self.told_by_a_source(i) {
            return Some(false);
        }
        (0..i).rev().find_map(|k| self.tense_at(k))
    }

    /// The nearest cue before token `i` is a verb of deciding and "to" with
    /// a verb: "decided to hold a meeting on Nov. 1" (not "agreed to a
    /// deal"). The date then belongs to what was decided.
    fn decided_before(&self, i: usize) -> bool {
        static DECIDING: Words = word_list!("extract/deciding-verbs.txt");
        let decided_to = |k: usize| {
            k > 0
                && self.is(k, "to")
                && DECIDING.iter().any(|w| self.is(k - 1, w))
                && self.tokens.get(k + 1).is_some_and(|next| {
                    next.text.starts_with(char::is_lowercase)
                        && !ADJECTIVE_OPENERS.iter().any(|w| next.is(w))
                })
        };
        (0..i)
            .rev()
            .find(|&k| decided_to(k) || self.tense_at(k).is_some())
            .is_some_and(decided_to)
    }

    /// "…, according to the company on Aug. 6": the date a source told
    /// the story, which lies behind whatever the sentence plans. Only
    /// when the date closes the attribution itself, no tense cue between.
    fn told_by_a_source(&self, i: usize) -> bool {
        const MAX_SOURCE_WORDS: usize = 6;
        if i < 3 || !self.is(i - 1, "on") {
            return false;
        }
        let from = (i - 1).saturating_sub(MAX_SOURCE_WORDS + 2);
        (from..i - 2).rev().any(|k| {
            self.is(k, "according")
                && self.is(k + 1, "to")
                && (k + 2..i - 1).all(|m| self.tense_at(m).is_none())
        })
    }

    /// "displayed at InterBattery Europe 2023", "during CES 2024": the year
    /// that closes the name of a show or meeting something happens at.
    fn closes_named_event(&self, year: usize) -> bool {
        let mut k = year;
        let opens = |k: usize| self.is(k, "at") || self.is(k, "during");
        while k > 0 && self.tokens[k - 1].is_capitalized() && !opens(k - 1) {
            k -= 1;
        }
        if k == year || k == 0 {
            return false;
        }
        if self.is(k - 1, "the") {
            k -= 1;
        }
        k > 0 && (self.is(k - 1, "at") || self.is(k - 1, "during"))
    }

    /// The tense a date that opens its sentence is told in: the first cue
    /// in the few words after it ("In November, speculation emerged").
    fn tense_after(&self, i: usize) -> Option<bool> {
        (i + 1..self.tokens.len())
            .take(TENSE_WINDOW)
            .take_while(|&k| self.tokens[k].text != ".")
            .find_map(|k| self.tense_at(k))
    }

    /// The tense cue token `k` is: `Some(true)` for a future one,
    /// `Some(false)` for a past one (a listed verb, or a lowercase word in
    /// "-ed": "agreed", "signed"), `None` for none.
    fn tense_at(&self, k: usize) -> Option<bool> {
        static PAST: Words = word_list!("extract/past-cues.txt");
        use crate::ingest::text::vocab::IRREGULAR_PAST;
        let t = &self.tokens[k];
        // "of related lines", "the limited supply": an adjective.
        let past_form = t.text.len() > 4
            && t.text.ends_with("ed")
            && t.text.starts_with(char::is_lowercase)
            && !(k > 0 && ADJECTIVE_OPENERS.iter().any(|w| self.tokens[k - 1].is(w)));
        // "will be held": a past form after "be" is a passive; the cue is
        // further back.
        let passive = k > 0 && self.tokens[k - 1].is("be");
        // "set to open", "set for March" look ahead; "set sail", "set up"
        // tell nothing of the time (the past and present forms are one).
        let set_alone = t.is("set")
            && !self
                .tokens
                .get(k + 1)
                .is_some_and(|n| n.is("to") || n.is("for"));
        if set_alone {
            None
        } else if is_future_cue(t) {
            Some(true)
        } else if (PAST.iter().any(|w| t.is(w)) || IRREGULAR_PAST.contains(&t.text) || past_form)
            && !passive
        {
            Some(false)
        } else {
            None
        }
    }

    /// "on this day", "on the same day", "yesterday", and "today" beside a
    /// verb of the news ("today unveiled", "said today"), or opening a
    /// release's sentence that reports news ("Today, the minister …
    /// announced"), not "today" for "nowadays".
    fn same_day(&self, i: usize) -> Option<(PartialDate, Option<PartialDate>, usize)> {
        if self.is(i, "today") {
            let next_past = self.word(i + 1).is_some_and(|w| {
                w.len() > 4 && w.ends_with("ed") && w.starts_with(char::is_lowercase)
            });
            let after_verb = i > 0 && REPORTED.iter().any(|w| self.is(i - 1, w));
            // The verb is the sentence's own: no attribution ("…, the
            // company said in a statement"), no verb of a subordinate
            // clause ("… than when Acme announced"), and no speaker's
            // ("Today, we are announcing …", quoted).
            let spoken = self
                .word(2)
                .is_some_and(|w| super::speaker::third_person_of(w).is_some());
            let subordinate =
                |k: usize| (2..k).any(|j| SUBORDINATORS.iter().any(|w| self.is(j, w)));
            let own_report = |k: usize| {
                let reports = REPORTED.iter().any(|w| self.is(k, w))
                    && !super::person::SPEECH.iter().any(|w| self.is(k, w));
                reports && !subordinate(k)
            };
            let opens_a_report = i == 0
                && self.word(1) == Some(",")
                && !spoken
                && (2..self.tokens.len()).any(own_report);
            if next_past || after_verb || opens_a_report {
                return Some((self.published.filter(PartialDate::is_full)?, None, i + 1));
            }
        }
        if self.is(i, "yesterday") {
            let date = self
                .published
                .filter(PartialDate::is_full)?
                .to_naive_floor();
            return Some((from_naive(date - Duration::days(1))?, None, i + 1));
        }
        let lead = self.is(i, "this") || self.is(i, "that") || self.is(i, "same");
        let same = self.is(i, "the") && self.is(i + 1, "same") && self.is(i + 2, "day");
        if same {
            return Some((self.last_full?, None, i + 3));
        }
        (lead && self.is(i + 1, "day") && i > 0 && self.is(i - 1, "on")).then_some((
            self.last_full?,
            None,
            i + 2,
        ))
    }
}

/// Prepositions after which a day before its month is a date.
static DAY_PREPOSITIONS: Words = word_list!("extract/day-date-prepositions.txt");
/// Words after which a word in "-ed" is an adjective.
static ADJECTIVE_OPENERS: Words = word_list!("extract/adjective-openers.txt");

/// Words after a date that opens its sentence searched for its tense.
const TENSE_WINDOW: usize = 8;

/// Verbs that report news, after which a bare weekday or "today" dates it.
static REPORTED: Words = word_list!("extract/reported-verbs.txt");
/// Words opening a subordinate clause ("when", "that").
static SUBORDINATORS: Words = word_list!("extract/subordinators.txt");

/// The year of a month (and day) named without one: the publication
/// year; the year before when told in the past (`Some(false)`) and the
/// date would lie after publication, the year after when told in the
/// future (`Some(true)`) and it would lie before.
pub(super) fn year_of_month(
    published: PartialDate,
    month: u8,
    day: Option<u8>,
    future: Option<bool>,
) -> i32 {
    let order = match (published.month, published.day, day) {
        (Some(m), Some(d), Some(day)) => (month, day).cmp(&(m, d)),
        (Some(m), _, _) => month.cmp(&m),
        (None, _, _) => return published.year,
    };
    match (order, future) {
        (Ordering::Greater, Some(false)) => published.year - 1,
        (Ordering::Less, Some(true)) => published.year + 1,
        _ => published.year,
    }
}

/// Within two months after `published`, in its year: a month (and day)
/// a decision made then may be about.
fn soon_after(published: PartialDate, month: u8, day: Option<u8>) -> bool {
    const MONTHS_AHEAD: u8 = 2;
    let Some(from) = published.month else {
        return false;
    };
    let later = (month, day.unwrap_or(u8::MAX)) > (from, published.day.unwrap_or(0));
    later && month - from <= MONTHS_AHEAD
}

/// The year and month of a day named alone ("on the 19th", "19일"): the
/// publication month's; the month before when told in the past
/// (`Some(false)`) and the day lies after publication, the month after
/// when told in the future (`Some(true)`) and it lies before. A month
/// without that day is passed over on the same side ("지난 31일" told on
/// May 22 is March 31).
pub(super) fn month_of_day(
    published: PartialDate,
    day: u8,
    future: Option<bool>,
) -> Option<(i32, u8)> {
    let (year, month) = (published.year, published.month?);
    let step = match (published.day.map(|p| day.cmp(&p)), future) {
        (Some(Ordering::Greater), Some(false)) => -1,
        (Some(Ordering::Less), Some(true)) => 1,
        _ => 0,
    };
    let at = |shift: i32| {
        let index = year * 12 + i32::from(month) - 1 + shift;
        (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8)
    };
    let side = match future {
        Some(true) => 1,
        Some(false) => -1,
        None => 0,
    };
    let (y, m) = at(step);
    if side != 0 && day > crate::content::date::days_in_month(y, m) {
        return Some(at(step + side));
    }
    Some((y, m))
}

/// "Q3", "3Q", "H1", "2H": a quarter or half of the year written before it.
fn is_part_code(word: &str) -> bool {
    matches!(
        word.as_bytes(),
        [b'Q', b'1'..=b'4'] | [b'1'..=b'4', b'Q'] | [b'H', b'1' | b'2'] | [b'1' | b'2', b'H']
    )
}

fn from_naive(date: NaiveDate) -> Option<PartialDate> {
    PartialDate::ymd(date.year(), date.month() as u8, date.day() as u8)
}

/// A capitalized month name or its abbreviation ("Feb", "Sept").
fn month_number(token: &Token<'_>) -> Option<u8> {
    token
        .is_capitalized()
        .then(|| crate::ingest::text::vocab::month_number(token.text))
        .flatten()
}

fn day_number(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !(suffix.is_empty() || matches!(suffix, "st" | "nd" | "rd" | "th")) || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// "one" to "twenty" as a number.
pub(crate) fn spelled(word: &str) -> Option<u8> {
    let lower = word.to_ascii_lowercase();
    SPELLED
        .iter()
        .position(|s| *s == lower)
        .map(|p| p as u8 + 1)
}

/// "will", "plans", "scheduled": a word that puts what follows ahead
/// (`words/extract/future-cues.txt`).
pub(crate) fn is_future_cue(token: &Token<'_>) -> bool {
    static FUTURE: Words = word_list!("extract/future-cues.txt");
    FUTURE.iter().any(|w| token.is(w))
}

/// "mid-2026", "early-2027": the year a part of it is joined to.
pub(crate) fn joined_part_year(word: &str) -> Option<i32> {
    static JOINED_PARTS: Words = word_list!("extract/year-part-prefixes.txt");
    JOINED_PARTS
        .iter()
        .find_map(|part| word.strip_prefix(part))
        .and_then(year_number)
}

fn year_number(word: &str) -> Option<i32> {
    (word.len() == 4)
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

#[cfg(test)]
mod tests;
