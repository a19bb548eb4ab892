//! Date expressions written the Korean way, resolved like the English ones:
//! "2023년 7월", "2027년 8월1일부터 2030년 7월31일까지" (a range), "26일"
//! (publication month), "6월까지" (a deadline), "내년 2월 27일",
//! "올해 2분기", "지난해", "내년 하반기" (counted from the publication year).
//!
//! Takes a sentence and the publication date; gives back each expression
//! with its byte span, its date at the precision the text supports, and its
//! cue ("부터" / "이후" / "까지" after it).

use super::{month_of_day, year_of_month, Cue, Mention};
use crate::content::date::PartialDate;
use crate::ingest::text::aside::outside_quotes;
use crate::ingest::text::hangul::{hangul_run, is_hangul, is_particle, RANGE_DASHES, RANGE_TILDES};
use crate::ingest::text::words::{word_list, Pairs, Words};

/// Every Korean date expression in `sentence`. Only a full publication
/// date completes "26일", "6월" or "내년": one inferred from the story is
/// too rough to date anything by.
pub(super) fn mentions(sentence: &str, published: Option<PartialDate>) -> Vec<Mention> {
    let published = published.filter(PartialDate::is_full);
    let mut out: Vec<Mention> = Vec::new();
    let mut at = 0;
    while at < sentence.len() {
        // "2023-2024-2025년": a number after a dash is inside a code or a
        // chain, never a date's start (a range's high end is read with it).
        let after_dash = sentence[..at]
            .chars()
            .next_back()
            .is_some_and(|c| RANGE_DASHES.contains(&c));
        // "2020년 3월 12일 …, 6월 …": a later month of the sentence's own
        // year, read with that year when the page gives none.
        let told_year = year_told_before(sentence, &out);
        let found = (!after_dash)
            .then(|| {
                expression(sentence, at, published).or_else(|| {
                    // The told year's last day places a bare month in it.
                    let told = told_year?;
                    expression(sentence, at, PartialDate::ymd(told.year, 12, 31))
                        .filter(|(m, _)| month_alone(sentence, m) && m.date.month >= told.month)
                })
            })
            .flatten();
        let Some((mut mention, end)) = found else {
            at += sentence[at..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        // "A부터 B까지": one range.
        let rest = &sentence[end..];
        if let Some(after_from) = rest.strip_prefix("부터") {
            let gap = after_from.len() - after_from.trim_start().len();
            let next = end + "부터".len() + gap;
            if let Some((last, last_end)) = expression(sentence, next, published) {
                if sentence[last_end..].starts_with("까지") {
                    mention.date_end = Some(last.date);
                    mention.end = last_end + "까지".len();
                    out.push(mention);
                    at = mention_end(&out);
                    continue;
                }
            }
        }
        // "2일과 3일 (양일간)": two days of one happening, told together.
        if let Some((last, last_end)) = paired_day(sentence, end, &mention, published) {
            mention.date_end = Some(last.date);
            mention.end = last_end;
            mention.cue = cue(&sentence[last_end..]);
            out.push(mention);
            at = last_end;
            continue;
        }
        mention.cue = cue(rest);
        in_that_year(sentence, &mut mention, &out);
        in_the_told_year(sentence, &mut mention, told_year);
        out.push(mention);
        at = end;
    }
    out
}

/// The later day of a pair joined by 과/와 right after `first` (which ends
/// at byte `end`): "2일과 3일", "10월 4일과 5일", days in a row of the
/// same month. "3일과 5일", or days told "각각" (respectively), are two
/// happenings and stay two.
fn paired_day(
    sentence: &str,
    end: usize,
    first: &Mention,
    published: Option<PartialDate>,
) -> Option<(Mention, usize)> {
    const JOINERS: [&str; 2] = ["과 ", "와 "];
    const RESPECTIVELY: &str = "각각";
    if first.date_end.is_some() {
        return None;
    }
    let first_day = first.date.day?;
    let rest = JOINERS
        .iter()
        .find_map(|joiner| sentence[end..].strip_prefix(joiner))?;
    let next = sentence.len() - rest.len();
    let (last, last_end) = expression(sentence, next, published)?;
    let same_month = (last.date.year, last.date.month) == (first.date.year, first.date.month);
    let next_day = last.date.day == Some(first_day + 1);
    let respectively = sentence[last_end..].trim_start().starts_with(RESPECTIVELY);
    (same_month && next_day && last.date_end.is_none() && !respectively).then_some((last, last_end))
}

/// "지난해 1월 … 그해 10월": a month of "that year" takes the year of the
/// time named before it in the sentence.
fn in_that_year(sentence: &str, mention: &mut Mention, earlier: &[Mention]) {
    const THAT_YEAR: &str = "그해";
    let Some(head) = sentence[..mention.start].trim_end().strip_suffix(THAT_YEAR) else {
        return;
    };
    let Some(year) = earlier.last().map(|m| m.date.year) else {
        return;
    };
    if mention.date_end.is_some() {
        return;
    }
    if let Some(date) = in_year(mention.date, year) {
        mention.date = date;
        mention.start = head.len();
    }
}

/// The last time before in the sentence written with its year and month
/// ("2020년 3월 12일").
fn year_told_before(sentence: &str, earlier: &[Mention]) -> Option<PartialDate> {
    let last = earlier.last()?;
    let written = sentence[last.start..last.end].trim_start();
    let year_written = written.starts_with(|c: char| c.is_ascii_digit()) && written.contains('년');
    (year_written && last.date.month.is_some() && last.date_end.is_none()).then_some(last.date)
}

/// A month written in digits without a year ("5월", "6월 10일").
fn month_alone(sentence: &str, mention: &Mention) -> bool {
    let written = sentence[mention.start..mention.end].trim_start();
    written.starts_with(|c: char| c.is_ascii_digit())
        && written.contains('월')
        && !written.contains('년')
        && mention.date_end.is_none()
}

/// "2020년 3월 12일 ITC에 제소했으며, 6월 경찰에 고소했다": a bare month
/// after a time of the same sentence written with its year, and not
/// before it in that year, is of that year, whatever the page's date.
fn in_the_told_year(sentence: &str, mention: &mut Mention, told: Option<PartialDate>) {
    let Some(told) = told else {
        return;
    };
    if !month_alone(sentence, mention) || mention.date.month < told.month {
        return;
    }
    if let Some(date) = in_year(mention.date, told.year) {
        mention.date = date;
    }
}

/// `date`'s month (and day) in `year`; none without a month.
fn in_year(date: PartialDate, year: i32) -> Option<PartialDate> {
    let month = date.month?;
    match date.day {
        Some(day) => PartialDate::ymd(year, month, day),
        None => PartialDate::ym(year, month),
    }
}

fn mention_end(out: &[Mention]) -> usize {
    out.last().map_or(0, |m| m.end)
}

/// What the particle after a date says: "까지" a deadline, "이후"/"이래"
/// since, "부터 현재까지" since (a state up to now), anything else a point
/// in time.
fn cue(rest: &str) -> Cue {
    let up_to_now = rest.strip_prefix("부터").is_some_and(|after| {
        let after = after.trim_start();
        ["현재까지", "지금까지", "현재 까지", "지금 까지"]
            .iter()
            .any(|now| after.starts_with(now))
    });
    if rest.starts_with("까지") {
        Cue::By
    } else if ["이후", "이래"]
        .iter()
        .any(|since| rest.trim_start().starts_with(since))
        || up_to_now
    {
        Cue::Since
    } else {
        Cue::At
    }
}

/// The expression starting at byte `at` (which must not sit inside a
/// number or a word), and where it ends.
fn expression(
    sentence: &str,
    at: usize,
    published: Option<PartialDate>,
) -> Option<(Mention, usize)> {
    let before = sentence[..at].chars().next_back();
    if before.is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let text = &sentence[at..];
    if let Some(found) = weekday_dated(text, at, published) {
        return Some(found);
    }
    // A speaker's "today" is the day of the speech, not of the page.
    // Quotes are counted only for a match: this runs at every character.
    let relative = relative_day(text, at, published).filter(|_| outside_quotes(sentence, at));
    if let Some(found) = relative {
        return Some(found);
    }
    let (shift, direction, mut pos) = relative_year(text);
    // Digits open a run of years; this runs at every character.
    let digit_next = text[pos..].starts_with(|c: char| c.is_ascii_digit());
    if let Some(found) = (shift.is_none() && digit_next)
        .then(|| year_range(sentence, at, pos, published))
        .flatten()
    {
        return Some(found);
    }
    let year = match number_before(&text[pos..], "년").or_else(|| abbreviated_year(&text[pos..])) {
        Some((y, len)) if (1900..=2100).contains(&y) && shift.is_none() => {
            pos += len;
            Some(y)
        }
        _ => shift.and_then(|s| published.map(|p| p.year + s)),
    };
    // "지난달 12일", "지난 달", "다음 달": a month told from the
    // publication month.
    let relative = relative_month(&text[pos..], direction).filter(|_| year.is_none());
    let (year, month) = match relative {
        Some((shift, len)) => {
            let (y, m) = shift_month(published?, shift)?;
            pos += len;
            (Some(y), Some((m, 0)))
        }
        None => {
            let month_at = pos + spaces(&text[pos..]);
            let month =
                number_before(&text[month_at..], "월").filter(|(m, _)| (1..=12).contains(m));
            if let Some((_, len)) = month {
                pos = month_at + len;
            }
            (year, month)
        }
    };
    let day_at = pos + spaces(&text[pos..]);
    // "6∼8일": a run of days of one month, dated by its first day.
    let days = range_before(&text[day_at..], "일")
        .filter(|(first, last, _)| (1..=31).contains(first) && (*first + 1..=31).contains(last));
    let day = match days {
        Some((first, _, len)) => Some((first, len)),
        None => number_before(&text[day_at..], "일").filter(|(d, _)| (1..=31).contains(d)),
    };
    if let Some((_, len)) = day {
        pos = day_at + len;
    }
    let date = match (year, month, day) {
        (Some(y), Some((m, _)), Some((d, _))) => PartialDate::ymd(y, m as u8, d as u8)?,
        (Some(y), Some((m, _)), None) => PartialDate::ym(y, m as u8)?,
        (None, Some((m, _)), day) => {
            // A month without a year is the publication year's, or the
            // nearest year on the side "지난"/"오는" names.
            let (m, d) = (m as u8, day.map(|(d, _)| d as u8));
            let side = direction.or_else(|| tense_after(&text[pos..]));
            let y = year_of_month(published?, m, d, side);
            match d {
                Some(d) => PartialDate::ymd(y, m, d)?,
                None => PartialDate::ym(y, m)?,
            }
        }
        (None, None, Some((d, _))) => {
            // "26일": a day of the publication month ("지난 26일" of the
            // month before when that day is still to come).
            let side = direction.or_else(|| tense_after(&text[pos..]));
            let (y, m) = month_of_day(published?, d as u8, side)?;
            PartialDate::ymd(y, m, d as u8)?
        }
        // "1963년생": a person's year of birth, no happening of the story.
        (Some(_), None, None) if text[pos..].starts_with('생') => return None,
        (Some(y), None, None) if pos > 0 => {
            // "내년 초", "2026년 상반기": the part of the year belongs to
            // the expression (the year is as precise as the text gets).
            pos += year_part(&text[pos..]);
            PartialDate::y(y)
        }
        _ => return None,
    };
    let end = at + pos;
    if is_a_span(sentence, at, end, year.is_none() && month.is_none()) {
        return None;
    }
    let date_end =
        days.and_then(|(_, last, _)| PartialDate::ymd(date.year, date.month?, last as u8));
    let mention = Mention {
        start: at,
        end,
        date,
        date_end,
        cue: Cue::At,
        called_coming: direction == Some(true),
    };
    Some((mention, end))
}

/// "2028~2033년", "2019 ~ 2024년 8월 6일": a run of years at `at + pos`,
/// one mention from the first year to the last, or to the day the last
/// year opens ("2028~2033년간" is a length of time).
fn year_range(
    sentence: &str,
    at: usize,
    pos: usize,
    published: Option<PartialDate>,
) -> Option<(Mention, usize)> {
    let years = 1900..=2100;
    let (first, last, len) = range_before(&sentence[at + pos..], "년")?;
    // "2025~27년": a high end of two digits is in the low end's century.
    let short = last < 100;
    let last = if short {
        first / 100 * 100 + last
    } else {
        last
    };
    if !(years.contains(&first) && years.contains(&last) && first < last) {
        return None;
    }
    // "2025~27년": the range ends with that year; else the high end's
    // own expression ("2019~2023년 3월 6~8일") ends it.
    let (end, date_end) = if short {
        (at + pos + len, PartialDate::y(last))
    } else {
        let high_at = at + pos + high_end_at(&sentence[at + pos..], "년")?;
        let (high, end) = expression(sentence, high_at, published)?;
        if high.date.year != last {
            return None;
        }
        (end, high.date_end.unwrap_or(high.date))
    };
    if is_a_span(sentence, at, end, false) {
        return None;
    }
    let mention = Mention {
        start: at,
        end,
        date: PartialDate::y(first),
        date_end: Some(date_end),
        cue: Cue::At,
        called_coming: false,
    };
    Some((mention, end))
}

/// Two numbers joined by a tilde and `unit` after the last ("6∼8일",
/// "6일~8일", "2028~2033년"): both numbers and the bytes up to and
/// including the unit.
fn range_before(text: &str, unit: &str) -> Option<(i32, i32, usize)> {
    let high_at = high_end_at(text, unit)?;
    let digits = leading_digits(text);
    let first = text[..digits].parse().ok()?;
    let (last, len) = number_before(&text[high_at..], unit)?;
    Some((first, last, high_at + len))
}

/// Where the high end of a range opening `text` starts: past the low
/// number (and its `unit`, "6일~8일"), the tilde and spaces, or a dash
/// glued between years.
fn high_end_at(text: &str, unit: &str) -> Option<usize> {
    let digits = leading_digits(text);
    if digits == 0 || digits > 4 {
        return None;
    }
    let rest = &text[digits..];
    let rest = rest.strip_prefix(unit).unwrap_or(rest);
    // "2020-2022년": a dash joins a range of years glued to both numbers;
    // "1-2일 소요" is a length as often as two days, so days keep the tilde.
    let high = match rest.trim_start().strip_prefix(RANGE_TILDES) {
        Some(high) => high.trim_start(),
        None if unit == "년" => rest.strip_prefix(RANGE_DASHES)?,
        None => return None,
    };
    high.starts_with(|c: char| c.is_ascii_digit())
        .then_some(text.len() - high.len())
}

/// "3년간", "2020년대", "2022년형": a length of time, a decade or a model
/// year, no date; and, for
/// a day named alone, a count of days: "7일 분량", "3일 만에", or
/// "1500t(16일)" set in brackets after a quantity. A month or a year
/// with it ("2023년 동안", "8월분") stays a time.
fn is_a_span(sentence: &str, start: usize, end: usize, lone_day: bool) -> bool {
    static DAY_COUNT_ENDINGS: Words = word_list!("korean/day-count-endings.txt");
    let rest = &sentence[end..];
    // "2022년형": a model year, no time.
    if ["간", "대", "째", "형"].iter().any(|s| rest.starts_with(s)) {
        return true;
    }
    if !lone_day {
        return false;
    }
    let spaced = rest.strip_prefix(' ');
    let counts_days = DAY_COUNT_ENDINGS.iter().any(|w| {
        rest.starts_with(w) || w.chars().count() > 1 && spaced.is_some_and(|r| r.starts_with(w))
    });
    // A number and at most a short unit before the bracket ("CNBC(16일)"
    // dates a telling).
    let after_quantity = sentence[..start].strip_suffix('(').is_some_and(|head| {
        let unit = head.len()
            - head
                .trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '%')
                .len();
        unit <= 3 && head[..head.len() - unit].ends_with(|c: char| c.is_ascii_digit())
    }) && rest.starts_with(')');
    counts_days || after_quantity
}

/// "오늘" (today), "어젯밤" (last night): a day counted from the
/// publication day, with a particle at most after it; "오늘날" is
/// "nowadays", "오늘의" "today's" (a present, no day).
fn relative_day(text: &str, at: usize, published: Option<PartialDate>) -> Option<(Mention, usize)> {
    static DAYS: Pairs = word_list!(pairs "korean/relative-days.txt");
    let (len, shift) = day_word(text, &DAYS)?;
    Some((shifted_day(published?, shift, at, at + len)?, at + len))
}

/// "전날" (the day before), "이튿날" (the day after): a day counted from
/// the last full day named before it in its sentence, or else from
/// `anchor`, the last one named before the sentence, when that lies
/// within a month of publication (an old photo's day is no day the story
/// goes on from). The word opens its clause: after a noun it counts from
/// a happening ("사고 다음 날"), and before "보다" or "대비" it is a
/// comparison's baseline ("전날보다 3% 올랐다"). Only a page with a full
/// date of publication counts these days.
pub(super) fn anchored_days(
    sentence: &str,
    earlier: &[Mention],
    anchor: Option<PartialDate>,
    published: Option<PartialDate>,
) -> Vec<Mention> {
    static DAYS: Pairs = word_list!(pairs "korean/anchored-days.txt");
    const NEAR_DAYS: i64 = 31;
    let Some(published) = published.filter(PartialDate::is_full) else {
        return Vec::new();
    };
    let near = |date: &PartialDate| {
        date.is_full()
            && (date.to_naive_floor() - published.to_naive_floor())
                .num_days()
                .abs()
                <= NEAR_DAYS
    };
    let mut out = Vec::new();
    for (at, _) in sentence.char_indices() {
        let before = sentence[..at].trim_end();
        let opens_word = !sentence[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let Some((len, shift)) = day_word(&sentence[at..], &DAYS).filter(|_| opens_word) else {
            continue;
        };
        let after = &sentence[at + len..];
        let baseline = sentence[at..at + len].ends_with("보다")
            || after.trim_start().starts_with("대비")
            || after.trim_start().starts_with("보다");
        let after_a_date = earlier.iter().any(|m| m.end == before.len());
        let opens_clause = before.is_empty()
            || before.ends_with([',', '.'])
            || after_a_date
            || closes_a_clause(before);
        if baseline || !opens_clause {
            continue;
        }
        let from = (earlier.iter().rev())
            .find(|m| m.end <= at && m.date.is_full() && m.date_end.is_none())
            .map(|m| m.date)
            .or(anchor.filter(near));
        if let Some(mention) = from.and_then(|from| shifted_day(from, shift, at, at + len)) {
            out.push(mention);
        }
    }
    out
}

/// A word that closes a topic or a clause ("회사는", "발표했고"), after
/// which a word of time opens its own clause; a bare noun ("사고") does not.
fn closes_a_clause(before: &str) -> bool {
    static ENDINGS: Words = word_list!("korean/clause-closing-endings.txt");
    ENDINGS.iter().any(|ending| before.ends_with(ending))
}

/// The byte length and day shift of the listed word opening `text`, when
/// a particle at most is glued to it.
fn day_word(text: &str, days: &Pairs) -> Option<(usize, i64)> {
    let (word, shift) = days
        .iter()
        .filter(|(word, _)| text.starts_with(word))
        .max_by_key(|(word, _)| word.len())?;
    let rest = &text[word.len()..];
    let glued = if rest.starts_with(char::is_whitespace) {
        ""
    } else {
        rest.split_whitespace()
            .next()
            .unwrap_or("")
            .trim_end_matches([',', '.'])
    };
    if !is_particle(glued) || glued == "의" {
        return None;
    }
    Some((word.len() + glued.len(), shift.parse().ok()?))
}

/// The day `shift` days from `from`, as a mention of `start..end`.
fn shifted_day(from: PartialDate, shift: i64, start: usize, end: usize) -> Option<Mention> {
    use chrono::Datelike;
    let shift = chrono::TimeDelta::try_days(shift)?;
    let from = Some(from).filter(PartialDate::is_full)?;
    let day = from.to_naive_floor().checked_add_signed(shift)?;
    let date = PartialDate::ymd(day.year(), day.month() as u8, day.day() as u8)?;
    Some(Mention {
        start,
        end,
        date,
        date_end: None,
        cue: Cue::At,
        called_coming: false,
    })
}

/// "5.19.(월)": a press release's month and day with the weekday, in the
/// year its tense puts it near publication.
fn weekday_dated(
    text: &str,
    at: usize,
    published: Option<PartialDate>,
) -> Option<(Mention, usize)> {
    let (month, day, _, written) = crate::ingest::text::date::yearless_weekday_day(text)?;
    if !text.starts_with(written) || !written.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let end = at + written.len();
    let year = year_of_month(
        published?,
        month,
        Some(day),
        tense_after(&text[written.len()..]),
    );
    let mention = Mention {
        start: at,
        end,
        date: PartialDate::ymd(year, month, day)?,
        date_end: None,
        cue: Cue::At,
        called_coming: false,
    };
    Some((mention, end))
}

/// Words after a date searched for the verb that gives its tense.
const TENSE_WINDOW: usize = 4;

/// The side of publication the first verb after a date puts it on
/// (`Some(false)` past, `Some(true)` to come; see
/// `words/korean/tense-endings.txt`), within its clause.
fn tense_after(rest: &str) -> Option<bool> {
    // "10월에는 … 마련한 전략을 … 선포할 계획이다": a time set off as the
    // topic belongs to the sentence's own predicate, its last word.
    // Only with no clause between ("3월에는 착공했고, 10월에는 …").
    let one_clause = !rest.contains(',')
        && rest.split_whitespace().rev().skip(1).all(|w| {
            !w.trim_end_matches(|c: char| !is_hangul(c))
                .ends_with(['고', '며'])
        });
    if one_clause && (rest.starts_with("에는") || rest.starts_with("엔 ")) {
        let last = rest.split_whitespace().next_back().unwrap_or("");
        if let Some(tense) = tense_of(last.trim_end_matches(|c: char| !is_hangul(c))) {
            return Some(tense == "future");
        }
    }
    let clause = rest.split([',', '.']).next().unwrap_or("");
    let tenses: Vec<&str> = clause
        .split_whitespace()
        .take(TENSE_WINDOW)
        .map(|word| word.trim_end_matches(|c: char| !is_hangul(c)))
        .filter_map(tense_of)
        .collect();
    // A plan anywhere in the clause ("6월 중 필요한 절차를 마무리할 계획")
    // outweighs an adnominal that only looks past ("필요한").
    if tenses.contains(&"future") {
        Some(true)
    } else if !tenses.is_empty() {
        Some(false)
    } else {
        // "25일 오후 2시, 화학연에서 … 개최하였다": nothing near the date
        // tells its tense; the sentence's own predicate, its last word, does.
        // Not past a quotation's end: "…수립하겠다"고 말했다" tells the
        // speaking, not the quoted plan.
        let quoted = rest.contains(['"', '“', '”']);
        let last = rest.split_whitespace().next_back().unwrap_or("");
        let tense = tense_of(last.trim_end_matches(|c: char| !is_hangul(c)));
        tense.filter(|_| !quoted).map(|tense| tense == "future")
    }
}

/// The tense a verb's ending gives ("past", "future"), see
/// `words/korean/tense-endings.txt`; none for words that only look like
/// one ("필요한").
pub(in crate::ingest::extract) fn tense_of(word: &str) -> Option<&'static str> {
    static ENDINGS: Pairs = word_list!(pairs "korean/tense-endings.txt");
    if ENDINGS
        .iter()
        .any(|&(w, tense)| w == word && tense == "none")
    {
        return None;
    }
    ENDINGS
        .iter()
        .filter(|&&(ending, tense)| tense != "none" && word.ends_with(ending))
        .max_by_key(|(ending, _)| ending.len())
        .map(|&(_, tense)| tense)
}

/// "내년 ", "올해 ", "지난해 ": the year shift, the side of publication
/// "지난 " (past: `Some(false)`) or "오는 " (future: `Some(true)`) puts the
/// date on, and the bytes they take.
fn relative_year(text: &str) -> (Option<i32>, Option<bool>, usize) {
    let text_start = text;
    let (direction, rest) = match (text.strip_prefix("지난 "), text.strip_prefix("오는 ")) {
        (Some(rest), _) => (Some(false), rest),
        (_, Some(rest)) => (Some(true), rest),
        _ => (None, text),
    };
    let (prefix, text) = (text_start.len() - rest.len(), rest);
    for (word, shift) in [
        ("내년", 1),
        ("올해", 0),
        ("지난해", -1),
        ("작년", -1),
        ("금년", 0),
    ] {
        if let Some(rest) = text.strip_prefix(word) {
            return (Some(shift), direction, prefix + word.len() + spaces(rest));
        }
    }
    // "연내 착공할 계획" (within the year): this year, when the word ends
    // there ("연내외" is another word).
    const WITHIN_THE_YEAR: &str = "연내";
    if let Some(rest) = text.strip_prefix(WITHIN_THE_YEAR) {
        let run = hangul_run(rest);
        if run.is_empty() || is_particle(run) {
            return (
                Some(0),
                direction,
                prefix + WITHIN_THE_YEAR.len() + spaces(rest),
            );
        }
    }
    (None, direction, prefix)
}

/// A month named relative to the publication month at the start of
/// `text` ("지난달", "이번 달", "다음 달", or "달" after "지난 "/"오는 ",
/// `direction`): its shift in months and its bytes, past spaces. "달"
/// must end there ("달러", "달성" are other words).
fn relative_month(text: &str, direction: Option<bool>) -> Option<(i32, usize)> {
    static MONTHS: Pairs = word_list!(pairs "korean/relative-months.txt");
    // "달러", "달성": "달" must end its word, a particle after it at most.
    let ends_word = |rest: &str| {
        let run = hangul_run(rest);
        run.is_empty() || is_particle(run)
    };
    let listed = MONTHS
        .iter()
        .filter_map(|(word, shift)| Some((*word, shift.parse::<i32>().ok()?)));
    let found = listed
        .chain(direction.map(|ahead| ("달", if ahead { 1 } else { -1 })))
        .find(|(word, _)| text.strip_prefix(word).is_some_and(ends_word))?;
    let rest = &text[found.0.len()..];
    Some((found.1, found.0.len() + spaces(rest)))
}

/// The year and month `shift` months from the publication month.
fn shift_month(published: PartialDate, shift: i32) -> Option<(i32, i32)> {
    let months = published.year * 12 + i32::from(published.month?) - 1 + shift;
    Some((months.div_euclid(12), months.rem_euclid(12) + 1))
}

/// The bytes of a part of the year ("초", "상반기", "3분기") at the start
/// of `text`, past spaces, when a particle or nothing follows it; else 0.
fn year_part(text: &str) -> usize {
    static PARTS: Words = word_list!("korean/year-parts.txt");
    let gap = spaces(text);
    let rest = &text[gap..];
    let digits = leading_digits(rest);
    let word = hangul_run(&rest[digits..]);
    PARTS
        .iter()
        .filter(|part| word.starts_with(*part) && is_particle(&word[part.len()..]))
        .map(|part| gap + digits + part.len())
        .max()
        .unwrap_or(0)
}

/// Digits right before `unit` at the start of `text`: the number and the
/// bytes up to and including the unit.
fn number_before(text: &str, unit: &str) -> Option<(i32, usize)> {
    let digits = leading_digits(text);
    if digits == 0 || digits > 4 {
        return None;
    }
    text[digits..].starts_with(unit).then_some(())?;
    Some((text[..digits].parse().ok()?, digits + unit.len()))
}

/// "‘21년", "'98년": a year written by its last two digits after an
/// apostrophe, in this century or, past the cut, the last. The year and
/// the bytes up to and including 년.
fn abbreviated_year(text: &str) -> Option<(i32, usize)> {
    const LAST_CENTURY_FROM: i32 = 50;
    let mark = text
        .chars()
        .next()
        .filter(|c| matches!(c, '\'' | '‘' | '’'))?;
    let rest = &text[mark.len_utf8()..];
    let (two, len) = number_before(rest, "년").filter(|_| leading_digits(rest) == 2)?;
    // A month or a particle of time after it: "‘10년 만의", "'20년 무상
    // 보증" in quotes are lengths of time.
    let after = &rest[len..];
    let dated = after.trim_start().starts_with(|c: char| c.is_ascii_digit())
        || year_part(after) > 0
        || ["에", "부터", "까지"].iter().any(|p| after.starts_with(p));
    let century = if two >= LAST_CENTURY_FROM { 1900 } else { 2000 };
    dated.then_some((century + two, mark.len_utf8() + len))
}

/// Bytes of the ASCII digits opening `text`.
fn leading_digits(text: &str) -> usize {
    text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len()
}

fn spaces(text: &str) -> usize {
    text.len() - text.trim_start_matches(' ').len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(sentence: &str, published: Option<PartialDate>) -> Vec<(String, Option<String>, Cue)> {
        mentions(sentence, published)
            .into_iter()
            .map(|m| (m.date.to_string(), m.date_end.map(|d| d.to_string()), m.cue))
            .collect()
    }

    fn d(text: &str) -> (String, Option<String>, Cue) {
        (text.to_string(), None, Cue::At)
    }

    #[test]
    fn a_bare_month_after_a_year_told_in_the_sentence_is_of_that_year() {
        let published = PartialDate::ymd(2021, 4, 11);
        let told = "LG는 2020년 3월 12일 SK를 제소했으며, 6월 경찰에 고소했다.";
        assert_eq!(read(told, published), [d("2020-03-12"), d("2020-06")]);
        // Without a page date the month is still placed.
        assert_eq!(read(told, None), [d("2020-03-12"), d("2020-06")]);
        // A month before the told one, or after a year told alone, keeps
        // the page's year, and without a page date has none.
        let earlier_month = "LG는 2019년 8월 제소했으며, 5월 고소했다.";
        assert_eq!(read(earlier_month, published), [d("2019-08"), d("2020-05")]);
        assert_eq!(read(earlier_month, None), [d("2019-08")]);
        assert_eq!(
            read("회사는 2019년 설립됐으며 5월 신제품을 낸다.", published),
            [d("2019"), d("2021-05")]
        );
    }

    #[test]
    fn full_partial_and_relative_dates() {
        let published = PartialDate::ymd(2025, 12, 15);
        assert_eq!(
            read(
                "회사는 지난 2023년 7월 공장을 지었고 15일 발표했다.",
                published
            ),
            [d("2023-07"), d("2025-12-15")]
        );
        assert_eq!(
            read("내년 2월 27일까지 받고 내년 하반기 중 지정한다.", published),
            [("2026-02-27".to_string(), None, Cue::By), d("2026")]
        );
        assert_eq!(
            read("지난해 매출과 올해 2분기", published),
            [d("2024"), d("2025")]
        );
        // A year by its last two digits, and a range whose high end is.
        assert_eq!(
            read("지난 ‘21년 2월 지정된 이후 ’22년에 선정됐다.", published),
            [d("2021-02"), d("2022")]
        );
        assert_eq!(
            read("공장이 2025~27년 중 생산을 시작한다.", published),
            [("2025".to_string(), Some("2027".to_string()), Cue::At)]
        );
        // A length of time in quotes is no year.
        assert!(read("회사는 ‘10년 만의 최대 실적’을 올렸다.", published).is_empty());
        assert!(read("‘30년 장기 공급계약’을 맺었다.", published).is_empty());
        // A year of birth dates no happening.
        assert_eq!(
            read("한가람 대표는 1963년생으로 2020년 취임했다.", published),
            [d("2020")]
        );
    }

    #[test]
    fn last_and_coming_put_a_month_or_day_on_their_side_of_publication() {
        let published = PartialDate::ymd(2024, 3, 5);
        assert_eq!(
            read(
                "지난 11일 체결했고 지난 12월 합의했고 오는 2월 연다.",
                published
            ),
            [d("2024-02-11"), d("2023-12"), d("2025-02")]
        );
        // Without "지난"/"오는", the verb after the date tells the side:
        // a past verb puts a day or month still to come a year (or a
        // month) back, one to come keeps it ahead.
        assert_eq!(
            read("11일 체결했고 12월 합의했고 지난 3일 열었다.", published),
            [d("2024-02-11"), d("2023-12"), d("2024-03-03")]
        );
        // Nothing near the date tells the side: the sentence's last verb.
        assert_eq!(
            read(
                "25일 오후 2시, 본원에서 기술이전 계약 체결식을 개최하였다.",
                published
            ),
            [d("2024-02-25")]
        );
        assert_eq!(
            read("25일 오후 2시, 본원에서 체결식을 연다.", published),
            [d("2024-03-25")]
        );
        // A quoted plan's date is not the telling's.
        assert_eq!(
            read(
                "장관은 \"6월까지 이차전지 산업발전 전략을 수립하겠다\"고 말했다.",
                published
            ),
            [("2024-06".to_string(), None, Cue::By)]
        );
        // A time set off as the topic takes the sentence's last verb.
        assert_eq!(
            read(
                "10월에는 추진단이 마련한 전략을 선포할 계획이다.",
                published
            ),
            [d("2024-10")]
        );
        assert_eq!(
            read("10월에는 추진단이 마련한 전략을 선포했다.", published),
            [d("2023-10")]
        );
        // A clause of its own keeps its own verb.
        assert_eq!(
            read(
                "회사는 3월에는 공장을 착공했고, 10월에는 준공할 예정이다.",
                published
            ),
            [d("2024-03"), d("2024-10")]
        );
        assert_eq!(
            read(
                "6월 17일 공식 출범한 사업단과 6월 20일 출범할 사업단",
                published
            ),
            [d("2023-06-17"), d("2024-06-20")]
        );
        // A plan later in the clause outweighs an adjective in 한.
        assert_eq!(
            read("6월 중 필요한 절차를 마무리할 계획이다.", published),
            [d("2024-06")]
        );
        // No verb telling a tense: the publication month and year.
        assert_eq!(
            read("11일 행사를 위한 준비와 12월 회의", published),
            [d("2024-03-11"), d("2024-12")]
        );
        let new_year = PartialDate::ymd(2025, 1, 3);
        assert_eq!(read("지난 20일 열었다.", new_year), [d("2024-12-20")]);
        // The month before has no 31st: the one before it has.
        let may = PartialDate::ymd(2025, 5, 22);
        assert_eq!(read("지난 31일 열었다.", may), [d("2025-03-31")]);
        let april = PartialDate::ymd(2025, 4, 10);
        assert_eq!(read("오는 31일 연다.", april), [d("2025-05-31")]);
        let jan = PartialDate::ymd(2025, 1, 31);
        assert_eq!(read("오는 30일 연다.", jan), [d("2025-03-30")]);
    }

    #[test]
    fn today_is_the_publication_day() {
        let published = PartialDate::ymd(2022, 11, 11);
        assert_eq!(
            read("군산시 등은 오늘, 투자 협약을 체결했습니다.", published),
            [d("2022-11-11")]
        );
        assert_eq!(
            read("오늘은 협약식이 열렸다.", published),
            [d("2022-11-11")]
        );
        assert!(read("오늘날 배터리는 어디에나 있다.", published).is_empty());
        assert!(read("오늘의 배터리 시장은 중국이 이끈다.", published).is_empty());
        assert!(read("오늘 협약을 맺었다.", PartialDate::ym(2022, 11)).is_empty());
        // A speaker's today is the day of the speech.
        assert!(read(
            "부시장은 “오늘 협약한 기업이 중요하다”고 말했다.",
            published
        )
        .is_empty());
    }

    #[test]
    fn yesterday_counts_from_the_publication_day() {
        let published = PartialDate::ymd(2025, 3, 1);
        assert_eq!(
            read("어젯밤 10시쯤 공장에서 불이 났습니다.", published),
            [d("2025-02-28")]
        );
        assert_eq!(read("어제 협약을 맺었다.", published), [d("2025-02-28")]);
        assert!(read("어제오늘의 일이 아니다.", published).is_empty());
        // 내일 is as often "the future" ("청년의 내일을 위해"): no day.
        assert!(read("청년의 내일을 위해 학교를 세운다.", published).is_empty());
    }

    #[test]
    fn a_month_of_that_year_takes_the_year_named_before() {
        let published = PartialDate::ymd(2021, 11, 19);
        assert_eq!(
            read(
                "회사는 지난해 1월 사업을 시작하려고 그해 10월 자회사를 세웠다.",
                published
            ),
            [d("2020-01"), d("2020-10")]
        );
        // With no time before it, the month is read as any other.
        assert_eq!(
            read("그해 10월 자회사를 세웠다.", published),
            [d("2021-10")]
        );
    }

    #[test]
    fn the_day_before_counts_from_the_last_day_named() {
        let published = PartialDate::ymd(2025, 3, 1);
        let day = |text: &str, anchor: Option<PartialDate>| {
            let earlier = mentions(text, published);
            let found = anchored_days(text, &earlier, anchor, published);
            found.iter().map(|m| m.date.to_string()).collect::<Vec<_>>()
        };
        // From a day told before it in the sentence, else from the anchor.
        assert_eq!(
            day("23일 보도했고 전날 방송은 전했다.", published),
            ["2025-02-22"]
        );
        assert_eq!(day("전날 공장을 돌아봤다.", published), ["2025-02-28"]);
        assert_eq!(
            day("이튿날 협약을 맺었다.", PartialDate::ymd(2025, 2, 10)),
            ["2025-02-11"]
        );
        // A day named in the sentence is no photo's, however old.
        assert_eq!(
            day(
                "2022년 5월 3일 대책을 발표했고, 다음 날 간담회를 열었다.",
                published
            ),
            ["2022-05-04"]
        );
        // After a noun it counts from a happening; before 보다 it is a
        // baseline.
        assert!(day("사고 다음 날 회사는 생산을 중단했다.", published).is_empty());
        assert!(day("주가는 전날보다 3% 올랐고 전날 대비 5% 높다.", published).is_empty());
        // A longer word, or no full day to count from, dates nothing.
        assert!(day("전날밤새 공장을 돌아봤다.", published).is_empty());
        assert!(day("전날 공장을 돌아봤다.", PartialDate::ym(2025, 3)).is_empty());
        // An old photo's day is far from publication.
        assert!(day("전날 공장을 돌아봤다.", PartialDate::ymd(2016, 12, 16)).is_empty());
    }

    #[test]
    fn years_joined_by_a_hyphen_are_a_range() {
        let published = PartialDate::ymd(2019, 8, 23);
        let range = |a: &str, b: &str| (a.to_string(), Some(b.to_string()), Cue::At);
        assert_eq!(
            read(
                "계약 유효기간은 2020-2022년이고 연장이 가능하다.",
                published
            ),
            [range("2020", "2022")]
        );
        assert_eq!(
            read("공급 기간은 2020–2022년이다.", published),
            [range("2020", "2022")]
        );
        // A model year, a code's chain of numbers, or days: no range.
        assert!(read("2020-2022년형 모델을 리콜했다.", published).is_empty());
        assert!(read("2023-2024-2025년 계획을 세웠다.", published)
            .iter()
            .all(|(start, _, _)| start != "2024"));
        assert!(read("배송은 1-2일 소요된다.", published).is_empty());
    }

    #[test]
    fn within_the_year_is_this_year() {
        let published = PartialDate::ymd(2023, 8, 2);
        assert_eq!(
            read("회사는 연내 공장을 착공할 계획이다.", published),
            [d("2023")]
        );
        assert_eq!(read("연내에 착공한다.", published), [d("2023")]);
        assert!(read("연내외 수요가 늘었다.", published).is_empty());
    }

    #[test]
    fn two_days_in_a_row_told_together_are_one_range() {
        let published = PartialDate::ymd(2021, 9, 3);
        let range = |a: &str, b: &str| (a.to_string(), Some(b.to_string()), Cue::At);
        assert_eq!(
            read(
                "회사는 2일과 3일 양일간 설명회를 열었다고 3일 밝혔다.",
                published
            ),
            [range("2021-09-02", "2021-09-03"), d("2021-09-03")]
        );
        assert_eq!(
            read("회사는 지난 8월 30일과 31일 설명회를 열었다.", published),
            [range("2021-08-30", "2021-08-31")]
        );
        // Days apart, or told respectively, are two happenings.
        assert_eq!(
            read("회사는 1일과 3일 설명회를 열었다.", published),
            [d("2021-09-01"), d("2021-09-03")]
        );
        assert_eq!(
            read(
                "회사는 1일과 2일 각각 미국과 유럽에서 신제품을 공개했다.",
                published
            ),
            [d("2021-09-01"), d("2021-09-02")]
        );
    }

    #[test]
    fn a_press_releases_day_with_its_weekday() {
        let published = PartialDate::ymd(2025, 5, 19);
        assert_eq!(
            read("산업부는 5.19.(월) 사업에 착수했다.", published),
            [d("2025-05-19")]
        );
        // A version number or a score is no day.
        assert!(read("버전 5.19를 냈다.", published).is_empty());
    }

    #[test]
    fn a_part_of_the_year_belongs_to_its_year() {
        let published = PartialDate::ymd(2024, 3, 5);
        let spans: Vec<(String, String)> = [
            "내년 초 완공",
            "2026년 상반기에 가동",
            "2026년 3분기 양산",
            "내년말 준공",
            "2026년 초대형",
        ]
        .iter()
        .map(|sentence| {
            let m = &mentions(sentence, published)[0];
            (m.date.to_string(), sentence[m.start..m.end].to_string())
        })
        .collect();
        let expected = [
            ("2025", "내년 초"),
            ("2026", "2026년 상반기"),
            ("2026", "2026년 3분기"),
            ("2025", "내년말"),
            ("2026", "2026년"),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(d, s)| (d.to_string(), s.to_string()))
            .collect();
        assert_eq!(spans, expected);
    }

    #[test]
    fn ranges_deadlines_and_non_dates() {
        let published = PartialDate::ymd(2025, 7, 30);
        assert_eq!(
            read("기간은 2027년 8월1일부터 2030년 7월31일까지다.", published),
            [(
                "2027-08-01".to_string(),
                Some("2030-07-31".to_string()),
                Cue::At
            )]
        );
        assert_eq!(
            read("6월까지 전략을 세운다.", published),
            [("2025-06".to_string(), None, Cue::By)]
        );
        // From a year up to now: a state since then, not a start.
        assert_eq!(
            read("지난 2020년부터 현재까지 20곳과 협약을 맺었다.", published),
            [("2020".to_string(), None, Cue::Since)]
        );
        assert_eq!(read("2020년부터 생산을 시작했다.", published), [d("2020")]);
        assert_eq!(
            read("가격은 2011년 이후 42% 올랐다.", published),
            [("2011".to_string(), None, Cue::Since)]
        );
        assert!(read("3년간 공급하고 2020년대 들어 12345년 제2의", published).is_empty());
        assert!(read("26일 발표했다.", None).is_empty());
        assert!(read(
            "26일 발표했다. 내년 6월",
            Some(PartialDate::ym(2025, 7).unwrap())
        )
        .is_empty());
    }

    #[test]
    fn a_run_of_days_or_years_joined_by_a_tilde_is_one_range() {
        let published = PartialDate::ymd(2024, 1, 4);
        let range = |from: &str, to: &str| (from.to_string(), Some(to.to_string()), Cue::At);
        assert_eq!(
            read("전시회는 오는 3월 6∼8일 사흘간 열린다.", published),
            [range("2024-03-06", "2024-03-08")]
        );
        assert_eq!(
            read("포럼은 내달 6일～7일 같은 곳에서 열린다.", published),
            [range("2024-02-06", "2024-02-07")]
        );
        assert_eq!(
            read("2028~2033년 6년간 공급한다.", published),
            [range("2028", "2033")]
        );
        assert_eq!(
            read(
                "최근 5년간(2019 ~ 2023년 8월 6일) 화재는 20건이다.",
                published
            ),
            [range("2019", "2023-08-06")]
        );
        // A length of time is no range; a run into the next month is
        // read as its two days.
        assert!(read("2028~2033년간 공급한다.", published).is_empty());
        assert_eq!(
            read("6월 30일∼7월 2일 열린다.", published),
            [d("2024-06-30"), d("2024-07-02")]
        );
    }

    #[test]
    fn a_count_of_days_is_no_day_of_the_month() {
        let published = PartialDate::ymd(2023, 9, 20);
        assert!(read(
            "702t(7일 분량)에 이어 1500t(16일)을 확보했고 29일 분량이 목표다. 3일 만에 끝났다.",
            published
        )
        .is_empty());
        // A date before a word that merely starts like a span ending.
        assert_eq!(
            read("10일 대규모 행사를 열었다.", published),
            [d("2023-09-10")]
        );
        assert_eq!(
            read("발표는 (16일) 오후였다.", published),
            [d("2023-09-16")]
        );
        // A telling in brackets after a name; a year or a month with 동안.
        assert_eq!(
            read("계획을 CNBC(16일)에 밝혔다.", published),
            [d("2023-09-16")]
        );
        assert_eq!(read("2022년 동안 수출했다.", published), [d("2022")]);
    }

    #[test]
    fn a_day_of_last_or_next_month() {
        let published = PartialDate::ymd(2021, 1, 30);
        assert_eq!(
            read("앞서 지난달 12일에는 협약을 체결했다.", published),
            [d("2020-12-12")]
        );
        assert_eq!(
            read("앞서 지난 달 12일에는 협약을 체결했다.", published),
            [d("2020-12-12")]
        );
        assert_eq!(read("다음 달 공장을 착공한다.", published), [d("2021-02")]);
        // "달러", "달성" are other words.
        assert!(read("지난 달러 강세가 이어졌다.", published).is_empty());
    }
}
