//! Render stage, how one figure or event reads: its date range, the word
//! before its year, a metric equivalent for a non-metric unit, and an `id`
//! a reader can link to. Pure functions over front-matter values.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::content::date::PartialDate;
use crate::content::front_matter::{Event, Figure};
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

/// The word before a figure's year: "by" for a deadline ("by 2030",
/// "until 2030"), "in" when its sentence says "in 2024" or gives no
/// deadline word.
pub(crate) fn year_word(figure: &Figure) -> &'static str {
    let (Some(year), Some(quote)) = (figure.year_target, figure.quote.as_deref()) else {
        return "by";
    };
    let quote = quote.to_lowercase();
    let deadline = ["by", "until", "till", "through", "before", "no later than"]
        .iter()
        .any(|w| quote.contains(&format!("{w} {year}")));
    if deadline {
        "by"
    } else {
        "in"
    }
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
pub(crate) fn metric_equivalent(value: f64, unit: &str) -> Option<String> {
    let (factor, metric) = METRIC.get(unit)?;
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
        assert_eq!(year_word(&figure("8 GWh until 2024.")), "by");
    }

    #[test]
    fn pyeong_has_a_metric_equivalent() {
        assert_eq!(
            metric_equivalent(400_000.0, "pyeong").as_deref(),
            Some("about 1.32 km²")
        );
        assert_eq!(
            metric_equivalent(1_000.0, "pyeong").as_deref(),
            Some("about 3,306 m²")
        );
        assert_eq!(metric_equivalent(5.0, "GWh"), None);
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
