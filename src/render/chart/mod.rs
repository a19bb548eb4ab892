//! Render stage, charts: a page's numbers as a small picture drawn at build
//! time as inline SVG (no JavaScript), with the same numbers as a table.
//!
//! Takes a titled series of labelled values ([`Series`]); gives back a
//! [`ChartView`]: the SVG markup (`role="img"`, named by its `<title>` and
//! `<desc>`) and the rows of its data table. Lengths across the picture are
//! percentages and heights are pixels, so it stretches to its column while
//! its text keeps the page's font size: as readable at 390 px as on a
//! desktop. Every value is written as text beside its bar, so nothing is
//! told by colour alone. Numbers are written at a fixed precision, so the
//! same series always gives the same bytes.

mod numbers;
pub(crate) mod series;

use std::fmt::Write;

use serde::Serialize;

use crate::markdown::highlight::escape;
use numbers::{Fixed2, Plain};

/// One value of a chart.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Point {
    /// Its place on the time axis as the picture shows it ("2024", "Feb").
    pub(crate) label: String,
    /// What the label leaves out, written once under the first label and
    /// again wherever it changes: the year under "Feb".
    pub(crate) group: Option<String>,
    /// The same in full, for the table ("February 2026", "by 2030").
    pub(crate) long_label: String,
    /// The number the bar's length stands for.
    pub(crate) value: f64,
    /// The value as a reader reads it ("3", "KRW 1.2 trillion").
    pub(crate) display: String,
    /// Where the value comes from, for the table: title and link.
    pub(crate) source: Option<(String, String)>,
}

/// How the values are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Upright bars along a time axis, the value above each: counts per
    /// period, whose labels are short.
    Columns,
    /// One line per value, oldest first: its date and value written out,
    /// its bar below. For values whose text is long ("KRW 1.2 trillion").
    Rows,
}

/// A chart before it is drawn.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Series {
    /// `id` of the chart on its page; its title and description derive
    /// theirs from it.
    pub(crate) id: &'static str,
    /// Heading above the picture ("Briefings per year").
    pub(crate) title: String,
    /// What the picture shows, in a sentence or two: the SVG's `<desc>`.
    pub(crate) description: String,
    /// Table header: the label column and the value column.
    pub(crate) columns: [&'static str; 2],
    /// Layout.
    pub(crate) shape: Shape,
    /// Values, in time order.
    pub(crate) points: Vec<Point>,
}

/// A drawn chart, for templates (`partials/chart.html`).
#[derive(Debug, Serialize)]
pub(crate) struct ChartView {
    /// `id` of its heading's section.
    pub(crate) id: &'static str,
    /// Heading.
    pub(crate) title: String,
    /// Inline SVG, escaped, safe to insert as is.
    pub(crate) svg: String,
    /// Table header.
    pub(crate) columns: [&'static str; 2],
    /// Table rows.
    pub(crate) rows: Vec<TableRow>,
}

/// One line of a chart's table.
#[derive(Debug, PartialEq, Serialize)]
pub(crate) struct TableRow {
    /// When ("2023", "by 2030").
    pub(crate) label: String,
    /// The value as read.
    pub(crate) value: String,
    /// Where it comes from: a briefing's title and a link to the value in it.
    pub(crate) source: Option<(String, String)>,
}

/// Width in pixels a chart's column has at least (a 390 px phone less the
/// page's margins): labels are thinned out so that they fit in it.
const NARROWEST: f64 = 300.0;
/// Width in pixels of one character of the chart's text (0.75 rem), with
/// room to spare.
const CHAR_WIDTH: f64 = 7.5;
/// Columns a chart is laid out for at least: fewer values keep a
/// column's width and stand at the left, so one bar is a bar, not a
/// block across the page.
const FEWEST_SLOTS: usize = 6;
/// Height in pixels of the tallest column.
const PLOT: f64 = 96.0;
/// Room above the tallest column for its value.
const TOP: f64 = 20.0;
/// Room below the axis for the labels.
const AXIS: f64 = 22.0;
/// Room below the labels for their groups (the year under the months).
const GROUP: f64 = 14.0;
/// Height in pixels of one line of a [`Shape::Rows`] chart.
const ROW: f64 = 44.0;

impl Series {
    /// Draw the chart.
    pub(crate) fn draw(&self) -> ChartView {
        let body = match self.shape {
            Shape::Columns => columns(&self.points),
            Shape::Rows => rows(&self.points),
        };
        let height = match self.shape {
            Shape::Columns if self.points.iter().any(|p| p.group.is_some()) => {
                TOP + PLOT + AXIS + GROUP
            }
            Shape::Columns => TOP + PLOT + AXIS,
            Shape::Rows => ROW * self.points.len() as f64 + 4.0,
        };
        let id = self.id;
        let height = Plain(height);
        let mut svg = format!(
            "<svg class=\"chart\" role=\"img\" width=\"100%\" height=\"{height}\" \
             aria-labelledby=\"{id}-title {id}-desc\">\
             <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
            escape(&self.title),
            escape(&self.description),
        );
        svg.push_str(&body);
        svg.push_str("</svg>");
        ChartView {
            id,
            title: self.title.clone(),
            svg,
            columns: self.columns,
            rows: self
                .points
                .iter()
                .map(|p| TableRow {
                    label: p.long_label.clone(),
                    value: p.display.clone(),
                    source: p.source.clone(),
                })
                .collect(),
        }
    }
}

/// The largest value, at least 1, so that bars never divide by zero.
fn top_value(points: &[Point]) -> f64 {
    points.iter().map(|p| p.value).fold(1.0, f64::max)
}

/// Upright bars, one per point, each slot `100 / n` percent wide (`n` at
/// least [`FEWEST_SLOTS`]), the axis under the slots used.
fn columns(points: &[Point]) -> String {
    let n = points.len().max(FEWEST_SLOTS) as f64;
    let slot = 100.0 / n;
    let slot_px = NARROWEST / n;
    let widest_label = points
        .iter()
        .map(|p| p.label.chars().count())
        .max()
        .unwrap_or(0) as f64;
    // Every k-th label, so that neighbours never overlap at the narrowest.
    let every = ((widest_label * CHAR_WIDTH + 6.0) / slot_px)
        .ceil()
        .max(1.0) as usize;
    let values_fit = points
        .iter()
        .all(|p| p.display.chars().count() as f64 * CHAR_WIDTH + 2.0 <= slot_px);
    let top = top_value(points);
    let base = TOP + PLOT;
    let mut out = String::new();
    // Slots between two group labels, so that "2025" and "2026" never meet.
    let group_every = (4.0 * CHAR_WIDTH + 6.0) / slot_px;
    let mut last_group: Option<(usize, &str)> = None;
    for (i, point) in points.iter().enumerate() {
        let left = slot * i as f64;
        let middle = left + slot / 2.0;
        let bar = (point.value.max(0.0) / top * PLOT).round();
        if bar > 0.0 {
            let _ = write!(
                out,
                "<rect class=\"chart-bar\" x=\"{}%\" y=\"{}\" width=\"{}%\" height=\"{}\"/>",
                Fixed2(left + slot * 0.15),
                Plain(base - bar),
                Fixed2(slot * 0.7),
                Plain(bar),
            );
        }
        if values_fit {
            let _ = write!(
                out,
                "<text class=\"chart-value\" x=\"{}%\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                Fixed2(middle),
                Plain(base - bar - 5.0),
                escape(&point.display),
            );
        }
        if i % every == 0 {
            let _ = write!(
                out,
                "<text class=\"chart-label\" x=\"{}%\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                Fixed2(middle),
                Plain(base + 16.0),
                escape(&point.label),
            );
        }
        if let Some(group) = point.group.as_deref() {
            let new = last_group
                .is_none_or(|(at, last)| last != group && (i - at) as f64 >= group_every.max(1.0));
            if new {
                let _ = write!(
                    out,
                    "<text class=\"chart-label\" x=\"{}%\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                    Fixed2(middle),
                    Plain(base + 16.0 + GROUP),
                    escape(group),
                );
                last_group = Some((i, group));
            }
        }
    }
    let axis = if points.len() >= FEWEST_SLOTS {
        "100%".to_string()
    } else {
        format!("{}%", Fixed2(slot * points.len() as f64))
    };
    let _ = write!(
        out,
        "<line class=\"chart-axis\" x1=\"0\" x2=\"{axis}\" y1=\"{}\" y2=\"{}\"/>",
        Plain(base),
        Plain(base),
    );
    out
}

/// One line per point: "label · value", then its bar, full width at the
/// largest value.
fn rows(points: &[Point]) -> String {
    let top = top_value(points);
    let mut out = String::new();
    for (i, point) in points.iter().enumerate() {
        let y = ROW * i as f64;
        let _ = write!(
            out,
            "<text class=\"chart-label\" x=\"0\" y=\"{}\">{} · <tspan class=\"chart-value\">{}</tspan></text>",
            Plain(y + 15.0),
            escape(&point.label),
            escape(&point.display),
        );
        // A value too small to see still shows a sliver: it is there.
        let width = (point.value.max(0.0) / top * 100.0).max(0.5);
        let _ = write!(
            out,
            "<rect class=\"chart-bar\" x=\"0\" y=\"{}\" width=\"{}%\" height=\"14\"/>",
            Plain(y + 22.0),
            Fixed2(width),
        );
    }
    out
}

#[cfg(test)]
mod tests;
