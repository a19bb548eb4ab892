use super::series::{briefings_over_time, figures_over_time, DatedFigure};
use super::TableRow;
use crate::content::date::PartialDate;

fn ymd(y: i32, m: u8, d: u8) -> PartialDate {
    PartialDate::ymd(y, m, d).unwrap()
}

fn figure(when: PartialDate, own_year: bool, unit: &str, value: f64, display: &str) -> DatedFigure {
    DatedFigure {
        when,
        own_year,
        year_word: "by",
        unit: unit.into(),
        value,
        display: display.into(),
        source: ("A briefing".into(), "/articles/a/#figure-x".into()),
    }
}

/// The text inside every `<text>` element, in order.
fn texts(svg: &str) -> Vec<String> {
    texts_of(svg, "")
}

/// The text inside every `<text>` element whose class starts with `class`.
fn texts_of(svg: &str, class: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter(|t| t.starts_with(&format!(" class=\"{class}")))
        .map(|t| {
            let inner = &t[t.find('>').unwrap() + 1..t.find("</text>").unwrap()];
            inner
                .replace("<tspan class=\"chart-value\">", "")
                .replace("</tspan>", "")
        })
        .collect()
}

#[test]
fn briefings_per_year_fill_the_years_between() {
    let dates = [
        ymd(2021, 3, 1),
        ymd(2023, 6, 2),
        ymd(2023, 7, 1),
        PartialDate::y(2024),
    ];
    let series = briefings_over_time(&dates, "KRICT").unwrap();
    assert_eq!(series.title, "Briefings per year");
    let values: Vec<(&str, f64)> = series
        .points
        .iter()
        .map(|p| (p.label.as_str(), p.value))
        .collect();
    assert_eq!(
        values,
        [("2021", 1.0), ("2022", 0.0), ("2023", 2.0), ("2024", 1.0)]
    );
    assert_eq!(
        series.description,
        "4 briefings naming KRICT from 2021 to 2024; the most in 2023: 2."
    );
}

#[test]
fn briefings_within_a_year_are_counted_per_month() {
    let dates = [
        ymd(2025, 11, 3),
        ymd(2026, 2, 5),
        PartialDate::ym(2026, 2).unwrap(),
    ];
    let series = briefings_over_time(&dates, "KRICT").unwrap();
    assert_eq!(series.title, "Briefings per month");
    let labels: Vec<&str> = series
        .points
        .iter()
        .map(|p| p.long_label.as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "November 2025",
            "December 2025",
            "January 2026",
            "February 2026"
        ]
    );
    // A month's year is written under it where the year starts (and
    // under the first month), so "Nov … Feb" says which years.
    let svg = briefings_over_time(&dates, "KRICT").unwrap().draw().svg;
    assert_eq!(
        texts_of(&svg, "chart-label"),
        ["Nov", "2025", "Dec", "Jan", "2026", "Feb"]
    );
    // A date known only to its year cannot sit in a month: years then.
    let dates = [ymd(2026, 2, 5), PartialDate::y(2026)];
    assert_eq!(
        briefings_over_time(&dates, "KRICT").unwrap().title,
        "Briefings per year"
    );
    assert!(briefings_over_time(&[], "KRICT").is_none());
    let one = briefings_over_time(&[ymd(2024, 5, 1)], "KRICT").unwrap();
    assert_eq!(one.description, "1 briefing naming KRICT in May 2024.");
}

#[test]
fn the_briefings_chart_is_accessible_and_stable() {
    let dates = [
        ymd(2021, 3, 1),
        ymd(2023, 6, 2),
        ymd(2023, 7, 1),
        PartialDate::y(2024),
    ];
    let chart = briefings_over_time(&dates, "KRICT & Co").unwrap().draw();
    insta::assert_snapshot!(chart.svg);
    let svg = &chart.svg;
    assert!(svg.starts_with("<svg class=\"chart\" role=\"img\""));
    assert!(svg.contains("aria-labelledby=\"chart-briefings-title chart-briefings-desc\""));
    assert!(svg.contains("<title id=\"chart-briefings-title\">Briefings per year</title>"));
    assert!(svg.contains("<desc id=\"chart-briefings-desc\">4 briefings naming KRICT &amp; Co"));
    // Every count is written beside its bar: nothing is told by colour.
    assert_eq!(
        texts(svg),
        ["1", "2021", "0", "2022", "2", "2023", "1", "2024"]
    );
    // No width in pixels: the picture stretches to its column, the text
    // keeps the page's size.
    assert!(!svg.contains("viewBox"));
    assert_eq!(chart.rows.len(), 4);
    assert_eq!(
        chart.rows[1],
        TableRow {
            label: "2022".into(),
            value: "0".into(),
            source: None
        }
    );
    assert_eq!(
        briefings_over_time(&dates, "KRICT & Co")
            .unwrap()
            .draw()
            .svg,
        chart.svg,
        "deterministic"
    );
}

/// The width of every bar of `svg`, in percent of the chart's.
fn bar_widths(svg: &str) -> Vec<f64> {
    svg.split("<rect class=\"chart-bar\"")
        .skip(1)
        .map(|r| {
            let at = r.find(" width=\"").unwrap() + 8;
            r[at..r[at..].find('%').unwrap() + at].parse().unwrap()
        })
        .collect()
}

#[test]
fn one_bar_is_a_bar_not_a_block_across_the_page() {
    let svg = briefings_over_time(&[ymd(2024, 5, 1)], "X")
        .unwrap()
        .draw()
        .svg;
    let widths = bar_widths(&svg);
    assert_eq!(widths.len(), 1);
    assert!(widths[0] < 15.0, "{svg}");
    assert!(
        svg.contains("x2=\"16.67%\""),
        "the axis under it only: {svg}"
    );
    // Many bars share the whole width.
    let dates: Vec<PartialDate> = (2001..=2012).map(PartialDate::y).collect();
    let svg = briefings_over_time(&dates, "X").unwrap().draw().svg;
    assert!(bar_widths(&svg).iter().all(|w| (w - 5.83).abs() < 0.01));
    assert!(svg.contains("x2=\"100%\""));
}

#[test]
fn crowded_labels_are_thinned_to_fit_a_phone() {
    let dates: Vec<PartialDate> = (2001..=2024).map(PartialDate::y).collect();
    let svg = briefings_over_time(&dates, "X").unwrap().draw().svg;
    let labels: Vec<String> = texts_of(&svg, "chart-label");
    // 24 years in 300 px: 12.5 px a column, too narrow for "2001".
    assert_eq!(
        labels,
        ["2001", "2004", "2007", "2010", "2013", "2016", "2019", "2022"]
    );
    assert_eq!(texts_of(&svg, "chart-value").len(), 24, "a count fits");
    let many: Vec<PartialDate> = (2001..=2024)
        .flat_map(|y| std::iter::repeat_n(PartialDate::y(y), 10))
        .collect();
    let svg = briefings_over_time(&many, "X").unwrap().draw().svg;
    assert!(texts_of(&svg, "chart-value").is_empty(), "\"10\" does not");
}

#[test]
fn figures_of_the_commonest_unit_are_charted_from_three() {
    let figures = vec![
        figure(
            PartialDate::y(2030),
            true,
            "KRW",
            5e13,
            "over KRW 50 trillion",
        ),
        figure(ymd(2023, 6, 2), false, "KRW", 1.2e12, "KRW 1.2 trillion"),
        figure(ymd(2024, 1, 1), false, "GWh", 8.0, "8 GWh"),
        figure(
            ymd(2024, 3, 11),
            false,
            "KRW",
            1.172e11,
            "KRW 117.2 billion",
        ),
    ];
    let series = figures_over_time(&figures, "Samsung SDI").unwrap();
    assert_eq!(series.title, "Figures in KRW over time");
    let labels: Vec<(&str, &str)> = series
        .points
        .iter()
        .map(|p| (p.long_label.as_str(), p.display.as_str()))
        .collect();
    assert_eq!(
        labels,
        [
            ("2 June 2023", "KRW 1.2 trillion"),
            ("11 March 2024", "KRW 117.2 billion"),
            ("by 2030", "over KRW 50 trillion"),
        ]
    );
    let chart = series.draw();
    insta::assert_snapshot!(chart.svg);
    assert_eq!(
        texts(&chart.svg),
        [
            "2 June 2023 · KRW 1.2 trillion",
            "11 March 2024 · KRW 117.2 billion",
            "by 2030 · over KRW 50 trillion",
        ]
    );
    assert!(chart.svg.contains("role=\"img\""));
    assert!(chart
        .svg
        .contains("<desc id=\"chart-figures-desc\">3 figures in KRW about Samsung SDI"));
    assert_eq!(
        chart.rows[0].source,
        Some((
            "A briefing".to_string(),
            "/articles/a/#figure-x".to_string()
        ))
    );
    // Two of a unit are a list, not a picture.
    assert!(figures_over_time(&figures[..2], "Samsung SDI").is_none());
}
