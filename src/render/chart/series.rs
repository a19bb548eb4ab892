//! Render stage, what an entity page charts: how many briefings name it per
//! year (or per month, when they all fall within a year), and the figures
//! of one unit about it over time. Pure functions over dates and figures;
//! the page gathers them from the library.

use std::collections::BTreeMap;

use super::{Point, Series, Shape};
use crate::content::date::PartialDate;
use crate::content::unit::{Unit, UnitFamily};
use crate::render::display::{briefings, display_date, month_name};

/// Figures about an entity it takes before their picture says more than
/// the list.
const MIN_FIGURES: usize = 3;
/// Figures one chart shows at most: the latest.
const MAX_FIGURES: usize = 12;
/// Months a month-by-month chart spans at most.
const MAX_MONTHS: i32 = 12;

/// Briefings per year from the publication dates of the briefings naming
/// `name`, every year between the first and the last (a year without any
/// counts 0); per month when each date gives its month and they all fall
/// within twelve months. None without a dated briefing.
pub(crate) fn briefings_over_time(dates: &[PartialDate], name: &str) -> Option<Series> {
    let first = dates.iter().min()?;
    let last = dates.iter().max()?;
    let month_index = |d: &PartialDate| d.year * 12 + i32::from(d.month.unwrap_or(1)) - 1;
    let by_month = dates.iter().all(|d| d.month.is_some())
        && month_index(last) - month_index(first) < MAX_MONTHS;
    let mut counts: BTreeMap<i32, usize> = BTreeMap::new();
    let key = |d: &PartialDate| if by_month { month_index(d) } else { d.year };
    let (from, to) = (key(first), key(last));
    for k in from..=to {
        counts.insert(k, 0);
    }
    for date in dates {
        *counts.entry(key(date)).or_default() += 1;
    }
    let label = |k: i32| -> (String, String) {
        if by_month {
            let (year, month) = (k.div_euclid(12), (k.rem_euclid(12) + 1) as u8);
            let name = month_name(month);
            (name[..3].to_string(), format!("{name} {year}"))
        } else {
            (k.to_string(), k.to_string())
        }
    };
    let points: Vec<Point> = counts
        .iter()
        .map(|(&k, &n)| {
            let (short, long) = label(k);
            Point {
                label: short,
                group: by_month.then(|| k.div_euclid(12).to_string()),
                long_label: long,
                value: n as f64,
                display: n.to_string(),
                source: None,
            }
        })
        .collect();
    let unit = if by_month { "month" } else { "year" };
    let span = if from == to {
        format!("in {}", label(from).1)
    } else {
        format!("from {} to {}", label(from).1, label(to).1)
    };
    let peak = points
        .iter()
        .max_by(|a, b| {
            a.value
                .total_cmp(&b.value)
                .then(b.long_label.cmp(&a.long_label))
        })
        .expect("at least one period");
    let mut description = format!("{} naming {name} {span}", briefings(dates.len()));
    if points.len() > 1 {
        description.push_str(&format!(
            "; the most in {}: {}",
            peak.long_label, peak.display
        ));
    }
    description.push('.');
    Some(Series {
        id: "chart-briefings",
        title: format!("Briefings per {unit}"),
        description,
        columns: [if by_month { "Month" } else { "Year" }, "Briefings"],
        shape: Shape::Columns,
        points,
    })
}

/// A figure about an entity, placed in time.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DatedFigure {
    /// The year the figure is for ("by 2030"), else its briefing's date.
    pub(crate) when: PartialDate,
    /// Whether `when` is the figure's own year rather than its briefing's.
    pub(crate) own_year: bool,
    /// The word before its own year: "by" or "in".
    pub(crate) year_word: &'static str,
    /// Unit, as in front matter (`KRW`, `GWh`).
    pub(crate) unit: Unit,
    /// Plain value.
    pub(crate) value: f64,
    /// The value as read, with its qualifier ("over KRW 50 trillion").
    pub(crate) display: String,
    /// Its briefing's title and the link to the figure there.
    pub(crate) source: (String, String),
}

/// The figures of the unit most figures about `name` share, oldest first,
/// when there are at least three; the latest twelve.
pub(crate) fn figures_over_time(figures: &[DatedFigure], name: &str) -> Option<Series> {
    let mut by_unit: BTreeMap<&Unit, Vec<&DatedFigure>> = BTreeMap::new();
    for figure in figures {
        by_unit.entry(&figure.unit).or_default().push(figure);
    }
    // The unit with the most figures; the first in order on a tie.
    let (unit, mut chosen) = by_unit
        .into_iter()
        .rev()
        .max_by_key(|(_, list)| list.len())?;
    if chosen.len() < MIN_FIGURES {
        return None;
    }
    chosen.sort_by_key(|f| f.when);
    let chosen = &chosen[chosen.len().saturating_sub(MAX_FIGURES)..];
    let points: Vec<Point> = chosen
        .iter()
        .map(|f| {
            let when = if f.own_year {
                format!("{} {}", f.year_word, f.when.year)
            } else {
                display_date(&f.when)
            };
            Point {
                label: when.clone(),
                group: None,
                long_label: when,
                value: f.value,
                display: f.display.clone(),
                source: Some(f.source.clone()),
            }
        })
        .collect();
    let unit_name = match unit.family() {
        UnitFamily::Percent => "%",
        _ => unit.as_str(),
    };
    let listed: Vec<String> = points
        .iter()
        .map(|p| format!("{}: {}", p.long_label, p.display))
        .collect();
    Some(Series {
        id: "chart-figures",
        title: format!("Figures in {unit_name} over time"),
        description: format!(
            "{} figures in {unit_name} about {name}, oldest first. {}.",
            points.len(),
            listed.join("; ")
        ),
        columns: ["When", "Figure"],
        shape: Shape::Rows,
        points,
    })
}
