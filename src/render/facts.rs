//! Render stage, how one figure or event reads: its date range, the word
//! before its year (`year-words.txt`), a metric equivalent for a non-metric unit, and an `id`
//! a reader can link to. Pure functions over front-matter values.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::content::date::PartialDate;
use crate::content::front_matter::{Event, Figure};
use crate::content::unit::Unit;
use crate::url::slugify;

use super::display::{display_date, month_name, thousands};

/// "5–6 February 2026", "28 February – 2 March 2026", "2025–2026".
pub(crate) fn display_range(start: &PartialDate, end: Option<&PartialDate>) -> String {
    let Some(end) = end.filter(|e| *e != start) else {
        return display_date(start);
    };
    if start.year != end.year {
        return format!("{}–{}", display_date(start), display_date(end));
    }
    match (start.month, start.day, end.month, end.day) {
        (Some(m), Some(d), Some(n), Some(e)) if m == n => {
            format!("{d}–{e} {} {}", month_name(m), start.year)
        }
        (Some(m), Some(d), Some(n), Some(e)) => format!(
            "{d} {} – {e} {} {}",
            month_name(m),
            month_name(n),
            start.year
        ),
        (Some(m), None, Some(n), None) => {
            format!("{}–{} {}", month_name(m), month_name(n), start.year)
        }
        _ => format!("{} – {}", display_date(start), display_date(end)),
    }
}

/// What a sentence writes around a year, and how the year then reads
/// (`year-words.txt`).
struct YearWords {
    /// Words right before the year, lowercase, and their reading; an
    /// empty reading is looked past.
    before: Vec<(Vec<&'static str>, &'static str)>,
    /// Text right after the year and its reading.
    after: Vec<(&'static str, &'static str)>,
}

static YEAR_WORDS: LazyLock<YearWords> = LazyLock::new(|| {
    let mut words = YearWords {
        before: Vec::new(),
        after: Vec::new(),
    };
    let lines = include_str!("year-words.txt").lines().map(str::trim);
    for line in lines.filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let Some((written, reading)) = line.split_once('=') else {
            continue;
        };
        let (written, reading) = (written.trim(), reading.trim());
        match written.strip_prefix('~') {
            Some(after) => words.after.push((after, reading)),
            None => words
                .before
                .push((written.split_whitespace().collect(), reading)),
        }
    }
    words
});

/// The word before a figure's year, as its sentence has it: "by" for a
/// deadline ("by the end of 2025"), "through" for the end of a period
/// ("via 2029", "from this year to 2026"), "in" otherwise; "by" for a
/// figure without a sentence, whose year ingest took from a deadline.
pub(crate) fn year_word(figure: &Figure) -> &'static str {
    let (Some(year), Some(quote)) = (figure.year_target, figure.quote.as_deref()) else {
        return "by";
    };
    let quote = quote.to_lowercase();
    let year = year.to_string();
    quote
        .match_indices(&year)
        .filter_map(|(at, _)| {
            let (before, after) = (&quote[..at], &quote[at + year.len()..]);
            let whole = !before.ends_with(char::is_alphanumeric)
                && !after.starts_with(|c: char| c.is_ascii_digit());
            whole.then(|| reading(before, after)).flatten()
        })
        .next()
        .unwrap_or("in")
}

/// How a year reads from the text before and after it, when the words
/// there say.
fn reading(before: &str, after: &str) -> Option<&'static str> {
    let table = &*YEAR_WORDS;
    let after = after.trim_start();
    if let Some((_, reading)) = table.after.iter().find(|(t, _)| after.starts_with(t)) {
        return Some(reading);
    }
    let words: Vec<&str> = before
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let mut end = words.len();
    while end > 0 {
        if is_day(words[end - 1]) {
            end -= 1;
            continue;
        }
        let (length, reading) = table
            .before
            .iter()
            .filter(|(w, _)| w.len() <= end && words[end - w.len()..end] == w[..])
            .map(|(w, reading)| (w.len(), *reading))
            .max_by_key(|(length, _)| *length)?;
        if !reading.is_empty() {
            return Some(reading);
        }
        end -= length;
    }
    None
}

/// "31", "1st", "22nd": a day of the month.
fn is_day(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        && digits.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

/// Non-metric units and their size in a metric one (`units.txt`).
static METRIC: LazyLock<HashMap<&'static str, (f64, &'static str)>> = LazyLock::new(|| {
    include_str!("units.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|line| {
            let mut parts = line.split_whitespace();
            let (unit, factor, metric) = (parts.next()?, parts.next()?, parts.next()?);
            Some((unit, (factor.parse().ok()?, metric)))
        })
        .collect()
});

/// "about 1.32 km²" for 400,000 pyeong; none for a metric unit.
pub(crate) fn metric_equivalent(value: f64, unit: &Unit) -> Option<String> {
    let (factor, metric) = METRIC.get(unit.as_str())?;
    let amount = value * factor;
    Some(match *metric {
        "m²" if amount >= 1e6 => format!("about {} km²", round_to(amount / 1e6)),
        "m²" if amount >= 1e4 => format!("about {} ha", round_to(amount / 1e4)),
        _ => format!("about {} {metric}", round_to(amount)),
    })
}

/// Three significant figures, no trailing zeros.
fn round_to(value: f64) -> String {
    let digits = if value >= 100.0 {
        0
    } else if value >= 10.0 {
        1
    } else {
        2
    };
    let text = format!("{value:.digits$}");
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        thousands(text.parse().unwrap_or(0))
    }
}

/// Ids of an article's figures, in order: `figure-<words of its text>`,
/// with `-2`, `-3` … for repeats, so a link to one survives edits to the
/// others.
pub(crate) fn figure_ids(figures: &[Figure]) -> Vec<String> {
    unique(
        figures
            .iter()
            .map(|f| format!("figure-{}", slugify(&f.text))),
    )
}

/// Ids of an article's events: `event-<date>-<first words of its title>`.
pub(crate) fn event_ids(events: &[Event]) -> Vec<String> {
    unique(events.iter().map(|e| {
        let words: Vec<&str> = e.title.split_whitespace().take(6).collect();
        let slug = slugify(&words.join(" "));
        format!("event-{}-{slug}", e.date)
            .trim_end_matches('-')
            .to_string()
    }))
}

fn unique(ids: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    ids.map(|id| {
        let n = seen.entry(id.clone()).or_insert(0);
        *n += 1;
        if *n == 1 {
            id
        } else {
            format!("{id}-{n}")
        }
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u8, d: u8) -> PartialDate {
        PartialDate::ymd(y, m, d).unwrap()
    }

    #[test]
    fn ranges_read_as_one_date() {
        let start = ymd(2026, 2, 5);
        assert_eq!(
            display_range(&start, Some(&ymd(2026, 2, 6))),
            "5–6 February 2026"
        );
        assert_eq!(
            display_range(&start, Some(&ymd(2026, 3, 2))),
            "5 February – 2 March 2026"
        );
        assert_eq!(
            display_range(&start, Some(&ymd(2027, 1, 2))),
            "5 February 2026–2 January 2027"
        );
        assert_eq!(display_range(&start, None), "5 February 2026");
        assert_eq!(display_range(&start, Some(&start)), "5 February 2026");
    }

    fn figure(quote: &str) -> Figure {
        Figure {
            text: "8 GWh".into(),
            value: 8.0,
            unit: "GWh".into(),
            qualifier: None,
            year_target: Some(2024),
            quote: Some(quote.into()),
            about: None,
        }
    }

    #[test]
    fn a_year_is_a_deadline_only_when_the_sentence_says_so() {
        assert_eq!(year_word(&figure("It sold 8 GWh in 2024.")), "in");
        assert_eq!(year_word(&figure("It will add 8 GWh by 2024.")), "by");
        assert_eq!(year_word(&figure("8 GWh until 2024.")), "through");
        // The reading word may stand a few words before the year.
        assert_eq!(
            year_word(&figure("It will make 8 GWh by the end of 2024.")),
            "by"
        );
        assert_eq!(year_word(&figure("8 GWh by March 31, 2024.")), "by");
        assert_eq!(year_word(&figure("8 GWh by mid-2024.")), "by");
        // The end of a period, not a deadline and not a year of its own.
        assert_eq!(year_word(&figure("Funding of 8 GWh via 2024.")), "through");
        assert_eq!(
            year_word(&figure("It will add 8 GWh from this year to 2024.")),
            "through"
        );
        assert_eq!(year_word(&figure("2024년까지 8 GWh를 만든다.")), "by");
        assert_eq!(year_word(&figure("completion in early 2024")), "in");
        // Only the year itself counts, not a longer number holding it.
        assert_eq!(year_word(&figure("By 12024 units, 2024 output")), "in");
        assert_eq!(year_word(&figure("No year here.")), "in");
        let mut unsourced = figure("x");
        unsourced.quote = None;
        assert_eq!(year_word(&unsourced), "by");
    }

    #[test]
    fn pyeong_has_a_metric_equivalent() {
        assert_eq!(
            metric_equivalent(400_000.0, &"pyeong".into()).as_deref(),
            Some("about 1.32 km²")
        );
        assert_eq!(
            metric_equivalent(1_000.0, &"pyeong".into()).as_deref(),
            Some("about 3,306 m²")
        );
        assert_eq!(metric_equivalent(5.0, &"GWh".into()), None);
    }

    #[test]
    fn ids_are_stable_and_unique() {
        let mut a = figure("x");
        let ids = figure_ids(&[a.clone(), a.clone()]);
        assert_eq!(ids, ["figure-8-gwh", "figure-8-gwh-2"]);
        a.text = "KRW 1.2 trillion".into();
        assert_eq!(figure_ids(&[a]), ["figure-krw-1-2-trillion"]);
    }
}
