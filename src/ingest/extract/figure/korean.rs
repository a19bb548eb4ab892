//! Extraction, figures written the Korean way: digits grouped by the
//! magnitudes 만 (10⁴), 억 (10⁸) and 조 (10¹²), with 천/백 inside a group,
//! and the unit glued on ("5조9442억2734만원", "1조 2000억 원",
//! "43억9000만달러", "3천억원", "100명 이상", "20GWh").
//!
//! Takes a sentence and gives back each figure with its byte span, its value
//! expanded to a plain number, its unit (`words/korean/units.txt`) and a
//! qualifier before or after it (`words/korean/qualifiers.txt`). A number
//! without a unit, and dates and durations ("2027년 8월1일", "3년간"), are
//! not figures. A figure with no Korean in it ("23.2%") is left to the
//! English reader.

use crate::ingest::text::hangul::{hangul_run, is_ending, is_hangul, RANGE_TILDES};
use crate::ingest::text::words::{word_list, Pairs, Words};

/// Units written after a Korean number, as `written = unit`.
static UNITS: Pairs = word_list!(pairs "korean/units.txt");
/// Verbs of reaching a quantity ("늘릴", "확대"): a plan's year for a figure.
static TARGET_VERBS: Words = word_list!("korean/target-verbs.txt");
/// A news board's counters before a count ("댓글 3건"): no figure.
static BOARD_COUNTERS: Words = word_list!("korean/board-counters.txt");
/// Hangul that may follow a unit besides a particle.
static UNIT_ENDINGS: Words = word_list!("korean/unit-endings.txt");
/// Counters that say an amount in 억 or 조 is no money ("2억 년", "1억 개").
static COUNTERS: Words = word_list!("korean/counters.txt");
/// Words that make a sentence a goal for the year it names.
static GOAL_WORDS: Words = word_list!("korean/goal-words.txt");
/// Qualifiers before (`before:`) or after (`after:`) a figure.
static QUALIFIERS: Pairs = word_list!(pairs "korean/qualifiers.txt");

/// One Korean figure: where it is written and what it says.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Korean {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) value: f64,
    pub(super) unit: &'static str,
    pub(super) qualifier: Option<&'static str>,
}

/// Every Korean figure in `sentence`, in text order.
pub(super) fn figures(sentence: &str) -> Vec<Korean> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(offset) = sentence[at..].find(|c: char| c.is_ascii_digit()) {
        let start = at + offset;
        let glued_to_word = sentence[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == ',');
        if let Some(share) = (!glued_to_word)
            .then(|| fraction_at(sentence, start))
            .flatten()
        {
            at = share.end;
            out.push(share);
            continue;
        }
        if let Some((low, high)) = (!glued_to_word)
            .then(|| range_at(sentence, start))
            .flatten()
        {
            at = high.end;
            out.extend([low, high]);
            continue;
        }
        let lead = bare_lead(sentence, start);
        let lead_figure = (lead < start).then(|| figure_at(sentence, lead)).flatten();
        match lead_figure.or_else(|| {
            (!glued_to_word)
                .then(|| figure_at(sentence, start))
                .flatten()
        }) {
            Some(figure) => {
                at = figure.end;
                out.push(figure);
            }
            None => {
                at = start
                    + sentence[start..]
                        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
                        .unwrap_or(sentence.len() - start);
            }
        }
    }
    out
}

/// "4분의 1" (one in four), "3분의 2": a fraction, as the percentage it is.
fn fraction_at(sentence: &str, start: usize) -> Option<Korean> {
    const OF: &str = "분의";
    let digits = |from: usize| {
        let len = sentence[from..]
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(sentence.len() - from);
        sentence[from..from + len]
            .parse::<u32>()
            .ok()
            .map(|n| (f64::from(n), from + len))
    };
    let (whole, end) = digits(start)?;
    let rest = sentence[end..].strip_prefix(OF)?;
    let part_at = sentence.len() - rest.trim_start_matches(' ').len();
    let (part, end) = digits(part_at)?;
    let followed_by_number = sentence[end..].starts_with(|c: char| c.is_ascii_digit() || c == '.');
    if whole < 2.0 || part <= 0.0 || part >= whole || followed_by_number {
        return None;
    }
    Some(Korean {
        start,
        end,
        value: (part / whole * 10_000.0).round() / 100.0,
        unit: "percent",
        qualifier: None,
    })
}

/// "700~750㎞", "3~5조원", "4만2000~4만6500원": a range whose low end has
/// no unit of its own is two figures, as in English: the whole range
/// valued at its low end (in the high end's magnitude and unit, unless
/// it has its own), and the high end.
fn range_at(sentence: &str, start: usize) -> Option<(Korean, Korean)> {
    if figure_at(sentence, start).is_some() {
        return None;
    }
    let Amount {
        value: low,
        korean: korean_magnitude,
        end,
        ..
    } = amount(sentence, start)?;
    let rest = &sentence[end..];
    let tilde = rest.trim_start().strip_prefix(RANGE_TILDES)?;
    let high_start = sentence.len() - tilde.trim_start().len();
    if !tilde.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let high = figure_at(sentence, high_start)?;
    // "4만2000~4만6500원", "100억~300억원": a low end in its own
    // magnitude is an amount as written, in the high end's unit.
    if korean_magnitude {
        let whole = Korean {
            start,
            value: low,
            ..high
        };
        return Some((whole, high));
    }
    // "3~5조5000억원": with two groups the high end's magnitude is no
    // single factor; the range is left to its high end.
    let groups = sentence[high_start..high.end]
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .filter(|g| !g.is_empty())
        .count();
    if groups > 1 {
        return None;
    }
    // The high end's leading digits, without its magnitude.
    let digits: String = sentence[high_start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let plain_high: f64 = digits.trim_end_matches('.').parse().ok()?;
    let factor = if plain_high > 0.0 {
        high.value / plain_high
    } else {
        1.0
    };
    let whole = Korean {
        start,
        value: low * factor,
        ..high
    };
    Some((whole, high))
}

/// The largest number that ranks before 대 ("10대 과제").
const RANK_MAX: f64 = 20.0;

/// The figure whose first digit is at `start`.
fn figure_at(sentence: &str, start: usize) -> Option<Korean> {
    let Amount {
        value,
        korean: korean_magnitude,
        mut end,
        qualifier: glued,
    } = amount(sentence, start)?;
    // "150여명", "300여 명": a qualifier glued between the number and its
    // unit.
    let between = qualifiers("between:").find(|(word, _)| {
        sentence[end..]
            .strip_prefix(word)
            .is_some_and(|rest| unit(rest.strip_prefix(' ').unwrap_or(rest)).is_some())
    });
    if let Some((word, _)) = between {
        end += word.len();
    }
    let spaced = sentence[end..].starts_with(' ');
    let after = &sentence[end + usize::from(spaced)..];
    // Amounts in 억 or 조 are money unless a unit or counter says what
    // they count: "5000억 들여" is won, and in "1500억대" 대 is a range.
    // "제3조" is an article of a law.
    let money_scale = ["억", "조"].iter().any(|m| sentence[..end].ends_with(m))
        && !sentence[..start].ends_with('제');
    // "42.5일", "90일간": more days than a month has, or a fraction of
    // one, count days; "24일" is a date.
    // "5.24일" is a month and a day, "제100일" a day's number.
    let written_number = &sentence[start..end];
    let one_decimal = written_number
        .split_once('.')
        .is_some_and(|(_, decimals)| decimals.len() == 1);
    let days = after.starts_with('일')
        && !money_scale
        && !sentence[..start].ends_with('제')
        && (value > 31.0 && value.fract() == 0.0 || one_decimal)
        && after['일'.len_utf8()..].chars().next().is_none_or(|c| {
            !is_hangul(c)
                || is_ending(hangul_run(&after['일'.len_utf8()..]))
                || matches!(c, '간' | '째' | '분')
        });
    let degrees = after.starts_with('도')
        && !money_scale
        && after['도'.len_utf8()..]
            .chars()
            .next()
            .is_none_or(|c| !is_hangul(c) || is_ending(hangul_run(&after['도'.len_utf8()..])))
        && is_temperature(&sentence[..start], &after['도'.len_utf8()..]);
    // "180만주", "50만 주": shares in ten thousands; "5000억 주로"
    // (mainly), "5000만 주4일제" (a week) and "주 정부" (a state) are none.
    let found = unit(after).filter(|(w, _)| *w != "주" || counts_shares(&sentence[..end], after));
    let (written, unit) = match found {
        Some(("대", _)) if money_scale => ("대", "KRW"),
        Some(found) => found,
        None if days => ("일", "days"),
        None if counts_cycles(&sentence[..start], after) => ("회", "cycles"),
        None if degrees => ("도", "°C"),
        None if money_scale && !COUNTERS.iter().any(|c| after.starts_with(c)) => ("", "KRW"),
        None => return None,
    };
    // "기업 30곳": places counted are the bodies named before them.
    let unit = if written == "곳" {
        static BODIES: Pairs = word_list!(pairs "korean/bodies-counted-as-places.txt");
        let noun = sentence[..start]
            .split_whitespace()
            .next_back()
            .unwrap_or("");
        BODIES
            .iter()
            .find(|(body, _)| *body == noun)
            .map_or(unit, |(_, counted)| *counted)
    } else {
        unit
    };
    // A plain number with a Latin unit ("23.2%", "20 GWh") is the
    // English reader's; a unit sign ("㎞", "㎡") or a Korean qualifier
    // glued before the unit ("5400여t") is this one's.
    if !korean_magnitude && written.is_ascii() && between.is_none() {
        return None;
    }
    // "3대 추진 전략", "세계 5대 기업": a small number glued to 대 before a
    // noun ranks ("the three major …"); it counts no vehicles. So does
    // one glued to 기 ("2기 행정부", a second term), which counts no units.
    let ranks = matches!(written, "대" | "기")
        && unit != "KRW"
        && !korean_magnitude
        && !spaced
        && value <= RANK_MAX
        && after[written.len()..].starts_with(' ');
    // "1회 충전당 800㎞": per single charge, the distance is the figure.
    let per_charge = unit == "cycles" && value <= 1.0;
    // "댓글 3건 조회 318회": a board's counters; "1건당": per case.
    let counted = matches!(unit, "cases" | "works");
    let board = counted
        && BOARD_COUNTERS
            .iter()
            .any(|w| sentence[..start].trim_end().ends_with(w));
    let per_case = counted && after[written.len()..].starts_with('당');
    if ranks || per_charge || board || per_case {
        return None;
    }
    if !written.is_empty() {
        end += usize::from(spaced) + written.len();
    }
    let (mut first, mut qualifier) = (start, None);
    // "영하 20도": below zero.
    let below_zero = unit == "°C" && sentence[..start].trim_end().ends_with(BELOW_ZERO);
    let value = if below_zero {
        first = sentence[..start].trim_end().len() - BELOW_ZERO.len();
        -value
    } else {
        value
    };
    if let Some((word, q)) = qualifier_before(&sentence[..first]) {
        first -= word.len();
        qualifier = Some(q);
    }
    qualifier = qualifier
        .or(between.map(|(_, q)| q))
        .or(glued)
        .or_else(|| qualifier_after(&sentence[end..]));
    Some(Korean {
        start: first,
        end,
        value,
        unit,
        qualifier,
    })
}

/// 주 after an amount in 만 counts shares, unless a number, 로 ("mainly")
/// or 정부 ("state government") follows it.
fn counts_shares(amount: &str, after: &str) -> bool {
    const TEN_THOUSANDS: [&str; 2] = ["만", "만여"];
    const NOT_SHARES_AFTER: [&str; 2] = ["로", "정부"];
    let rest = after['주'.len_utf8()..].trim_start();
    TEN_THOUSANDS.iter().any(|m| amount.ends_with(m))
        && !rest.starts_with(|c: char| c.is_ascii_digit())
        && !NOT_SHARES_AFTER.iter().any(|w| rest.starts_with(w))
}

/// "1200회 이상 충·방전해도", "800회 이상의 장기 충·방전 사이클": times
/// counted by charging and discharging a few words on are cycles. An
/// ordinal ("제2회 … 포럼") or a frequency ("연 2회 … 점검") counts none.
fn counts_cycles(before: &str, after: &str) -> bool {
    static CYCLE_WORDS: Words = word_list!("korean/cycle-words.txt");
    static FREQUENCY_WORDS: Words = word_list!("korean/frequency-words.txt");
    const WITHIN_WORDS: usize = 3;
    let Some(rest) = after.strip_prefix('회') else {
        return false;
    };
    let frequency = before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| FREQUENCY_WORDS.contains(&w))
        && before.ends_with(' ');
    !before.ends_with('제')
        && !frequency
        && !rest.starts_with(|c: char| is_hangul(c) && c != '의')
        && rest
            .split_whitespace()
            .take(WITHIN_WORDS)
            .any(|w| CYCLE_WORDS.iter().any(|c| w.starts_with(c)))
}

/// The word that puts a temperature below zero ("영하 20도").
const BELOW_ZERO: &str = "영하";

/// "영하 20도", "섭씨 80도", or "온도가 80도" (a word of temperature
/// earlier in the number's clause): 도 after a number is degrees Celsius
/// only so. A burn's degree ("2도 화상") or a turn ("360도 회전") never is.
fn is_temperature(before: &str, after_degree: &str) -> bool {
    static TEMPERATURE_WORDS: Words = word_list!("korean/temperature-words.txt");
    const NOT_HEAT: [&str; 2] = ["화상", "회전"];
    let before = before.trim_end();
    let clause = &before[before.rfind([',', '.']).map_or(0, |at| at + 1)..];
    let named = [BELOW_ZERO, "영상", "섭씨"]
        .iter()
        .any(|w| before.ends_with(w))
        || TEMPERATURE_WORDS.iter().any(|w| clause.contains(w));
    let not_heat = NOT_HEAT
        .iter()
        .any(|w| after_degree.trim_start().starts_with(w));
    named && !not_heat
}

/// A group below 만 from `at`: digits, or digits with 천 and 백 and more
/// digits after them ("6천694", "3백50", "2,500"). Gives its value, where
/// it ends, and whether 천 or 백 was written.
fn below_ten_thousand(sentence: &str, mut at: usize) -> Option<(f64, usize, bool)> {
    let mut value = 0.0;
    let mut korean = false;
    loop {
        let digits_end = at
            + sentence[at..]
                .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
                .unwrap_or(sentence.len() - at);
        let digits = sentence[at..digits_end].trim_end_matches(['.', ',']);
        // "천500억원", "만8천500㎡": a bare 천, 백 or 만 is one of it.
        let bare = digits.is_empty()
            && (small_magnitude_at(&sentence[at..]).is_some() || sentence[at..].starts_with("만"));
        let number: f64 = if bare {
            1.0
        } else {
            digits.replace(',', "").parse().ok()?
        };
        let end = at + digits.len();
        if bare && sentence[end..].starts_with("만") {
            return Some((number, end, true));
        }
        let Some((word, factor, digits_below)) = small_magnitude_at(&sentence[end..]) else {
            return Some((value + number, end, korean));
        };
        value += number * factor;
        korean = true;
        at = end + word.len();
        // "1천 172억": the digits below 천 may follow after a space.
        if let Some(rest) = sentence[at..].strip_prefix(' ') {
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let below = digits <= digits_below;
            let more = rest[digits..].starts_with([',', '.']);
            if digits > 0 && below && !more {
                at += 1;
            }
        }
        if !sentence[at..].starts_with(|c: char| c.is_ascii_digit()) {
            return Some((value, at, korean));
        }
    }
}

/// Korean's large magnitudes and their factors.
const MAGNITUDES: [(&str, f64); 3] = [("조", 1e12), ("억", 1e8), ("만", 1e4)];

/// An amount as written: its value, whether a Korean magnitude was
/// written, where it ends, and a qualifier glued before a magnitude
/// ("400여억원").
struct Amount {
    value: f64,
    korean: bool,
    end: usize,
    qualifier: Option<&'static str>,
}

/// The amount from `start`: groups of digits, each with an optional 천/백
/// and a magnitude, the groups optionally a space apart.
fn amount(sentence: &str, start: usize) -> Option<Amount> {
    let mut total = 0.0;
    let mut at = start;
    let mut korean = false;
    let mut qualifier = None;
    loop {
        let (value, mut end, small) = below_ten_thousand(sentence, at)?;
        korean |= small;
        // "400여억원": a qualifier glued between a number and its magnitude.
        let glued = qualifiers("between:").find(|(word, _)| {
            sentence[end..]
                .strip_prefix(word)
                .is_some_and(|rest| MAGNITUDES.iter().any(|(m, _)| rest.starts_with(m)))
        });
        if let Some((word, glued_qualifier)) = glued {
            end += word.len();
            qualifier = Some(glued_qualifier);
        }
        let big = MAGNITUDES
            .into_iter()
            .find(|(word, _)| sentence[end..].starts_with(word));
        match big {
            Some((word, factor)) => {
                total += value * factor;
                end += word.len();
                korean = true;
            }
            None => {
                total += value;
                return Some(Amount {
                    value: total,
                    korean,
                    end,
                    qualifier,
                });
            }
        }
        // Another group follows directly or after one space ("1조 2000억").
        let next = if sentence[end..].starts_with(' ') {
            end + 1
        } else {
            end
        };
        // "14만천㎡": a bare 천 or 백 glued on opens the next group.
        let bare_small = next == end && small_magnitude_at(&sentence[next..]).is_some();
        if !sentence[next..].starts_with(|c: char| c.is_ascii_digit()) && !bare_small {
            return Some(Amount {
                value: total,
                korean,
                end,
                qualifier,
            });
        }
        at = next;
    }
}

/// The magnitudes inside a group below 만 ("3천", "3백"), their factors
/// and how many digits may stand below them ("1천 172억").
const SMALL_MAGNITUDES: [(&str, f64, usize); 2] = [("천", 1e3, 3), ("백", 1e2, 2)];

/// The small magnitude that opens `text`, with its factor and the digits
/// below it.
fn small_magnitude_at(text: &str) -> Option<(&'static str, f64, usize)> {
    SMALL_MAGNITUDES
        .into_iter()
        .find(|(word, _, _)| text.starts_with(word))
}

/// Where the amount whose first digit is at `start` begins: before a bare
/// 천, 백 or 만 (or 만 and 천) glued to it that opens the word.
fn bare_lead(sentence: &str, start: usize) -> usize {
    let mut lead = start;
    if let Some((small, _, _)) = SMALL_MAGNITUDES
        .iter()
        .find(|(word, _, _)| sentence[..lead].ends_with(word))
    {
        lead -= small.len();
    }
    if sentence[..lead].ends_with("만") {
        lead -= "만".len();
    }
    let opens_word = sentence[..lead]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    if opens_word {
        lead
    } else {
        start
    }
}

/// The unit at the start of `text`: the longest written form listed,
/// which is not the start of a longer word ("t" is not "tons").
fn unit(text: &str) -> Option<(&'static str, &'static str)> {
    UNITS
        .iter()
        .copied()
        .filter(|(written, _)| text.starts_with(written))
        .filter(|(written, _)| ends_there(written, &text[written.len()..]))
        .max_by_key(|(written, _)| written.len())
}

/// True when a unit written as `written` is not the start of a longer
/// word: no letter after a Latin unit, and after a Hangul one only a
/// particle or an ending of `words/korean/unit-endings.txt`.
fn ends_there(written: &str, rest: &str) -> bool {
    if written.is_ascii() {
        return !rest.starts_with(|c: char| c.is_ascii_alphanumeric());
    }
    // "2만4000㎡부지에": a unit sign starts no longer word.
    if !written.chars().any(is_hangul) {
        return true;
    }
    let run = hangul_run(rest);
    is_ending(run) || UNIT_ENDINGS.iter().any(|e| run.starts_with(e))
}

/// Qualifiers of one side, as (written, qualifier).
fn qualifiers(side: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    QUALIFIERS
        .iter()
        .filter_map(move |&(written, qualifier)| Some((written.strip_prefix(side)?, qualifier)))
}

/// "약 " right before the number: the written word with its space.
fn qualifier_before(text: &str) -> Option<(&str, &'static str)> {
    let trimmed = text.trim_end_matches(' ');
    qualifiers("before:").find_map(|(word, q)| {
        let head = trimmed.strip_suffix(word)?;
        let own_word = !head.chars().next_back().is_some_and(is_hangul);
        own_word.then(|| (&text[head.len()..], q))
    })
}

/// "이상", "규모" right after the unit (a space between allowed).
fn qualifier_after(text: &str) -> Option<&'static str> {
    let text = text.strip_prefix(' ').unwrap_or(text);
    qualifiers("after:")
        .find(|(word, _)| text.starts_with(word))
        .map(|(_, q)| q)
}

/// The deadline a Korean sentence names: "2030년까지", or the year
/// before an amount that runs until it ("2030년 90%까지 끌어올린다").
pub(super) fn target_year(sentence: &str) -> Option<i32> {
    let amount_until = |(at, _): &(usize, &str)| {
        sentence[at + "년 ".len()..]
            .split_whitespace()
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()) && w.ends_with("까지"))
    };
    // "2030년 … 달성하는 것을 목표로 한다": a goal's year, not a month's.
    let goal_year = || {
        GOAL_WORDS
            .iter()
            .any(|w| sentence.contains(w))
            .then(|| {
                sentence.match_indices("년 ").map(|(at, _)| at).find(|&at| {
                    year_before(sentence, at).is_some()
                        && !sentence[at + "년 ".len()..].starts_with(|c: char| c.is_ascii_digit())
                })
            })
            .flatten()
    };
    // The first deadline decides: when it is no year ("내년까지", "5년까지")
    // the sentence has several deadlines, and no one year is every
    // figure's target.
    let at = sentence
        .find("년까지")
        .or_else(|| sentence.find("년 까지"))
        .or_else(|| {
            sentence
                .match_indices("년 ")
                .find(amount_until)
                .map(|(at, _)| at)
        })
        .or_else(goal_year)?;
    year_before(sentence, at)
}

/// The year a plan sets for one figure ("2024년에는 연간 2만4000톤,
/// 2025년에는 연간 4만톤 규모로 늘려갈 방침이다", "2028년 기준 최대
/// 10만t까지 늘릴 계획"): in a sentence of plans, a year written a few
/// words before the figure, in its clause, which tells no past result
/// ("2024년 매출 3조원을 기록했고").
pub(super) fn planned_year_before(sentence: &str, start: usize) -> Option<i32> {
    const MAX_WORDS_BETWEEN: usize = 3;
    if !crate::ingest::text::vocab::is_korean_plan(sentence) {
        return None;
    }
    let before = &sentence[..start];
    let clause_start = before.rfind([',', '.']).map_or(0, |at| at + 1);
    let at = before[clause_start..].rfind('년')? + clause_start;
    let year = year_before(sentence, at)?;
    let between = &before[at + '년'.len_utf8()..];
    let clause_end = sentence[start..]
        .find([',', '.'])
        .map_or(sentence.len(), |end| start + end);
    let clause = &sentence[start..clause_end];
    let told_past = ["했", "었", "됐"].iter().any(|past| clause.contains(past));
    // "2024년에는 연간 2만4000톤, 2025년에는 …로 늘려갈": the verb may
    // close a later clause of the same list.
    let reached = TARGET_VERBS
        .iter()
        .any(|verb| sentence[start..].contains(verb));
    (between.split_whitespace().count() <= MAX_WORDS_BETWEEN && !told_past && reached)
        .then_some(year)
}

/// The year of four digits that ends right before byte `at` and no longer
/// number does ("2030" of "2030년", not of "12030년" nor "5년").
fn year_before(sentence: &str, at: usize) -> Option<i32> {
    let digits = &sentence[..at];
    let start = digits.len().checked_sub(4)?;
    let year = digits.get(start..)?;
    let standalone = !digits[..start].ends_with(|c: char| c.is_ascii_digit());
    year.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| year.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y) && standalone)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(sentence: &str) -> Vec<(&str, f64, &'static str, Option<&'static str>)> {
        figures(sentence)
            .into_iter()
            .map(|f| (&sentence[f.start..f.end], f.value, f.unit, f.qualifier))
            .collect()
    }

    #[test]
    fn a_unit_sign_before_a_noun_and_packs() {
        assert_eq!(
            read("산단 2만4000㎡부지에 1만2000팩 이상"),
            [
                ("2만4000㎡", 24000.0, "m2", None),
                ("1만2000팩", 12000.0, "packs", Some("more than"))
            ]
        );
    }

    #[test]
    fn a_unit_before_a_quoting_copula_or_a_worth_of_vehicles() {
        assert_eq!(
            read("연구비는 48억3500만원이라고 공시했다."),
            [("48억3500만원", 4_835_000_000.0, "KRW", None)]
        );
        assert_eq!(
            read("43만대분의 배터리와 5테라와트시(TWh)"),
            [
                ("43만대분", 430_000.0, "vehicles", None),
                ("5테라와트시", 5.0, "TWh", None)
            ]
        );
    }

    #[test]
    fn a_bare_thousand_or_ten_thousand_is_one_of_it() {
        assert_eq!(
            read("시는 천500억원을 들여 연면적 만8천500㎡, 부지 14만천㎡에 짓는다."),
            [
                ("천500억원", 1.5e11, "KRW", None),
                ("만8천500㎡", 18500.0, "m2", None),
                ("14만천㎡", 141000.0, "m2", None)
            ]
        );
        // 만 at the end of a word is the word's ("수만"), no number.
        assert_eq!(read("수만500명"), [("500명", 500.0, "people", None)]);
    }

    #[test]
    fn a_group_with_thousands_and_more_digits_is_one_number() {
        assert_eq!(
            read("부지 55만6천694㎡에 30㎾급 설비"),
            [
                ("55만6천694㎡", 556694.0, "m2", None),
                ("30㎾", 30.0, "kW", None)
            ]
        );
    }

    #[test]
    fn expands_grouped_magnitudes() {
        assert_eq!(
            read("회사는 3조1250억7000만원 규모의 계약과 12억5000만달러 투자를 밝혔다."),
            [
                (
                    "3조1250억7000만원",
                    3_125_070_000_000.0,
                    "KRW",
                    Some("about")
                ),
                ("12억5000만달러", 1_250_000_000.0, "USD", None),
            ]
        );
        assert_eq!(
            read("총 1조 2000억 원을 들인다."),
            [("총 1조 2000억 원", 1.2e12, "KRW", Some("a total of"))]
        );
        assert_eq!(read("3천억원"), [("3천억원", 3e11, "KRW", None)]);
        // The digits below 천 after a space; a list's comma ends the group.
        assert_eq!(
            read("사업비 1천 172억 9천만원을 들인다."),
            [("1천 172억 9천만원", 1.1729e11, "KRW", None)]
        );
        assert_eq!(
            read("직원 1천 200명"),
            [("1천 200명", 1200.0, "people", None)]
        );
        assert_eq!(read("5천 1234명"), [("1234명", 1234.0, "people", None)]);
        assert_eq!(read("1천 1,200명"), [("1,200명", 1200.0, "people", None)]);
        // Currencies of other dollars, and units in compatibility glyphs.
        assert_eq!(
            read("5000만 호주달러를 투자했다."),
            [("5000만 호주달러", 5e7, "AUD", None)]
        );
        assert_eq!(
            read("면적당 용량 10㎃h/㎠"),
            [("10㎃h/㎠", 10.0, "mAh/cm2", None)]
        );
        assert_eq!(
            read("에너지밀도 400Wh/㎏"),
            [("400Wh/㎏", 400.0, "Wh/kg", None)]
        );
        // An amount in 억 or 조 is money unless something counts it.
        assert_eq!(
            read("공장에 5000억 들여 매출 1500억대를 노린다."),
            [
                ("5000억", 5e11, "KRW", None),
                ("1500억대", 1.5e11, "KRW", None)
            ]
        );
        assert_eq!(
            read("2억 년 전 1억 개의 별과 8만대, 법 제3조에 따른 3조 2교대"),
            [
                ("1억 개", 1e8, "items", None),
                ("8만대", 8e4, "vehicles", None)
            ]
        );
    }

    #[test]
    fn a_small_number_before_dae_and_a_noun_ranks() {
        assert!(read("3대 추진 전략과 9대 세부 실행계획, 세계 5대 기업").is_empty());
        assert_eq!(
            read("차량 3대를 샀고 전기차 30대 도입, 25대 버스"),
            [
                ("3대", 3.0, "vehicles", None),
                ("30대", 30.0, "vehicles", None),
                ("25대", 25.0, "vehicles", None)
            ]
        );
    }

    #[test]
    fn times_charged_and_discharged_are_cycles() {
        assert_eq!(
            read("1200회 이상 충·방전해도 성능을 유지했고 800회 이상의 장기 충방전 사이클에서도"),
            [
                ("1200회", 1200.0, "cycles", Some("more than")),
                ("800회", 800.0, "cycles", Some("more than")),
            ]
        );
        // Times of anything else, or glued to a word, count no cycles; nor
        // does an ordinal or a frequency.
        assert!(read("올해로 2회째 열렸고 5회 연속 수상했으며 2회에 걸쳐 충·방전").is_empty());
        assert!(read("제2회 배터리 충방전 기술 포럼과 연 2회 정기 충방전 설비 점검").is_empty());
    }

    #[test]
    fn counts_capacities_and_qualifiers() {
        assert_eq!(
            read("약 500명의 인력과 연간 10만t, 30GWh 규모"),
            [
                ("약 500명", 500.0, "people", Some("about")),
                ("10만t", 1e5, "tons", None),
            ]
        );
        assert_eq!(
            read("2,000명 이상"),
            [("2,000명", 2000.0, "people", Some("more than"))]
        );
        assert_eq!(
            read("관계자 150여명이 참석했고 10여 년 전"),
            [("150여명", 150.0, "people", Some("about"))]
        );
        assert_eq!(
            read("5400여t을 비축해 29일 분량과 38만730가구"),
            [
                ("5400여t", 5400.0, "tons", Some("about")),
                ("29일 분량", 29.0, "days", None),
                ("38만730가구", 380730.0, "households", None),
            ]
        );
        // "400여억원": the qualifier glued before the magnitude; "8배나":
        // a particle of emphasis after the unit.
        assert_eq!(
            read("두 회사는 400여억원을 들여 8배나 늘렸고 판결은 3차례 미뤄졌다"),
            [
                ("400여억원", 4e10, "KRW", Some("about")),
                ("8배", 8.0, "times", None),
                ("3차례", 3.0, "times", None),
            ]
        );
        // 기 counts machines (chargers, reactors); a small number glued
        // before a noun is a term ("2기 행정부"), and 기업 no unit.
        assert_eq!(
            read("충전기는 24만여기의 규모로 급속 2만5000기가 보급됐고 트럼프 2기 행정부와 10기업"),
            [
                ("24만여기", 240000.0, "units", Some("about")),
                ("2만5000기", 25000.0, "units", None),
            ]
        );
        assert_eq!(
            read("인사 등 300여 명이 참석했고 전기차 8만대, 3억 셀 규모"),
            [
                ("300여 명", 300.0, "people", Some("about")),
                ("8만대", 8e4, "vehicles", None),
                ("3억 셀", 3e8, "cells", Some("about")),
            ]
        );
        // Cycles count from two; one charge is the measure of a range.
        assert_eq!(
            read("1회 충전당 800㎞를 달리고 1000회 충전 후에도"),
            [
                ("800㎞", 800.0, "km", None),
                ("1000회 충전", 1000.0, "cycles", None)
            ]
        );
    }

    #[test]
    fn cases_and_works_are_counted_but_never_none() {
        assert_eq!(
            read("화재 17건과 논문 230여편, 특허 3건"),
            [
                ("17건", 17.0, "cases", None),
                ("230여편", 230.0, "works", Some("about")),
                ("3건", 3.0, "cases", None),
            ]
        );
        assert!(read("댓글 0건 조회 318회").is_empty());
        assert!(read("글에는 댓글 3건이 달렸다").is_empty());
        assert!(read("계약 1건당 수수료").is_empty());
        // Places counted: sites, or the bodies named before them.
        assert_eq!(read("전국 5곳을 지정했다"), [("5곳", 5.0, "sites", None)]);
        assert_eq!(
            read("공모에는 기업 30곳이 참여했다"),
            [("30곳", 30.0, "companies", None)]
        );
        // Days beyond a month's or a fraction of one; a date is none.
        assert_eq!(
            read("비축량은 42.5일분에서 90일간으로 늘린다. 24일, 지난 5.24일과 제100일 행사."),
            [
                ("42.5일분", 42.5, "days", None),
                ("90일", 90.0, "days", None)
            ]
        );
    }

    #[test]
    fn a_fraction_is_a_percentage() {
        assert_eq!(
            read("세 회사는 시장의 4분의 1을 점유하고 3분의 2는 중국 몫이다"),
            [
                ("4분의 1", 25.0, "percent", None),
                ("3분의 2", 66.67, "percent", None),
            ]
        );
        // Minutes ("10분") and a part no smaller than its whole are none.
        assert!(read("회의는 10분의 휴식 뒤 2분의 3을 논했다").is_empty());
    }

    #[test]
    fn a_unit_sign_is_read_with_its_number() {
        assert_eq!(
            read("주행거리 600㎞에 두께 3㎜, 부지 12만㎡"),
            [
                ("600㎞", 600.0, "km", None),
                ("3㎜", 3.0, "mm", None),
                ("12만㎡", 1.2e5, "m2", None),
            ]
        );
    }

    #[test]
    fn dates_durations_and_plain_english_figures_are_not_korean_figures() {
        for sentence in [
            "계약기간은 2027년 8월1일부터 2030년 7월31일까지다.",
            "3년간 공급하고 1년 앞당겼다. 2분기 18시",
            "매출의 23.2%에 해당하며 20 GWh 규모다.",
            "제2의 반도체",
            "4680 배터리와 2차 전지",
        ] {
            assert!(
                read(sentence).is_empty(),
                "{sentence}: {:?}",
                read(sentence)
            );
        }
    }

    #[test]
    fn degrees_only_where_the_sentence_is_about_temperature() {
        assert_eq!(
            read("영하 20도에서도 작동하고 섭씨 80도 이상도 견딘다."),
            [
                ("영하 20도", -20.0, "°C", None),
                ("80도", 80.0, "°C", Some("more than"))
            ]
        );
        assert_eq!(read("온도가 60도를 넘었다."), [("60도", 60.0, "°C", None)]);
        assert_eq!(
            read("영하 10도에서부터 80도까지 작동한다."),
            [("영하 10도", -10.0, "°C", None), ("80도", 80.0, "°C", None)]
        );
        // No temperature in the sentence: a burn's degree, a province.
        assert!(read("3도 화상을 입었다.").is_empty());
        assert!(read("2도시 협약").is_empty());
        // A temperature word elsewhere makes no angle or burn a heat.
        assert!(read("소개 영상을 공개했으며, 이 배터리는 180도로 접어도 작동한다.").is_empty());
        assert!(read("고온에서도 안정적이며 360도 회전하는 구조다.").is_empty());
        assert!(read("2도 화상을 입었고 현장 온도는 크게 올랐다.").is_empty());
    }

    #[test]
    fn a_plan_gives_each_figure_the_year_written_before_it() {
        let sentence = "2024년에는 연간 2만4000톤, 2025년에는 연간 4만톤 규모로 늘려갈 방침이다.";
        let years: Vec<Option<i32>> = figures(sentence)
            .iter()
            .map(|f| planned_year_before(sentence, f.start))
            .collect();
        assert_eq!(years, [Some(2024), Some(2025)]);
        let sentence = "2028년 기준 최대 10만t까지 리튬 생산을 늘릴 계획이다.";
        let f = &figures(sentence)[0];
        assert_eq!(planned_year_before(sentence, f.start), Some(2028));
        // A goal told in the present ("늘린다는 목표다").
        let sentence = "가온은 전기차를 2026년에 150만 대, 2030년에 350만대까지 늘린다는 목표다.";
        let years: Vec<Option<i32>> = figures(sentence)
            .iter()
            .map(|f| planned_year_before(sentence, f.start))
            .collect();
        assert_eq!(years, [Some(2026), Some(2030)]);
        // A past result, or no plan at all, sets no year.
        let sentence = "2024년 매출 3조원을 기록했고, 공장을 지을 계획이다.";
        assert_eq!(
            planned_year_before(sentence, figures(sentence)[0].start),
            None
        );
        let sentence = "2024년에는 연간 2만4000톤을 생산했다.";
        assert_eq!(
            planned_year_before(sentence, figures(sentence)[0].start),
            None
        );
        // A plan's amount is spent, not reached: the year is the plan's.
        let sentence = "2025년 3000억원 투자를 시작할 예정이다.";
        assert_eq!(
            planned_year_before(sentence, figures(sentence)[0].start),
            None
        );
    }

    #[test]
    fn finds_a_deadline_year() {
        assert_eq!(target_year("2030년까지 5조원을 투자한다"), Some(2030));
        assert_eq!(target_year("12030년까지"), None);
        assert_eq!(target_year("내년까지"), None);
        assert_eq!(
            target_year("재활용률을 현재 60% 수준에서 2030년 90%까지 끌어올린다"),
            Some(2030)
        );
        assert_eq!(target_year("2030년 90% 수준으로 높였다"), None);
        assert_eq!(
            target_year("2030년 점유율 40%를 달성하는 것을 목표로 한다"),
            Some(2030)
        );
        assert_eq!(target_year("2025년 5월 공장 가동을 목표로 한다"), None);
    }

    #[test]
    fn a_count_of_years_after_hangul_is_no_deadline_and_no_crash() {
        // The digits before "년" are one, after a three-byte syllable: a
        // four-byte look back lands inside it.
        assert_eq!(
            target_year("인재를 키운다는 목표로 2021년부터 5년 동안 교육한다"),
            None
        );
        assert_eq!(target_year("새 사업은 내년까지 이어진다"), None);
        assert_eq!(
            target_year("내년까지 1천억원, 2030년까지 5천억원을 투자할 계획이다"),
            None
        );
        assert_eq!(
            target_year("지원은 3년 동안 이어지며 2030년 점유율 40%를 목표로 한다"),
            Some(2030)
        );
    }
}
