//! Ingest, text layer: the year a day written with its weekday falls in.
//!
//! Takes days of the month with the weekday the text gives them ("12.20
//! (금)", "Tuesday, March 4") and the years the text writes; gives back
//! the one year, from a year before the earliest to a year after the
//! latest, whose calendar puts every weekday on its day. Metadata dates a
//! page by it, extraction an undated story's events.

use chrono::{Datelike, NaiveDate, Weekday};

/// A day of the month and the weekday the text gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DayOfWeek {
    pub(crate) month: u32,
    pub(crate) day: u32,
    pub(crate) weekday: Weekday,
}

/// The one year, from a year before the earliest of `years` to a year
/// after the latest, in which every day of `days` falls on its weekday.
/// None when no year is written or no year or more than one fits: a
/// weekday returns to a day every few years, so only a narrow span names
/// one.
pub(crate) fn weekday_fitting_year(
    years: impl IntoIterator<Item = i32>,
    days: &[DayOfWeek],
) -> Option<i32> {
    let years: Vec<i32> = years.into_iter().collect();
    let (first, last) = (*years.iter().min()?, *years.iter().max()?);
    let mut fitting = (first - 1..=last + 1).filter(|&year| {
        days.iter().all(|d| {
            NaiveDate::from_ymd_opt(year, d.month, d.day)
                .is_some_and(|date| date.weekday() == d.weekday)
        })
    });
    let year = fitting.next()?;
    fitting.next().is_none().then_some(year)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(month: u32, day: u32, weekday: Weekday) -> DayOfWeek {
        DayOfWeek {
            month,
            day,
            weekday,
        }
    }

    #[test]
    fn the_one_year_within_a_year_of_those_written() {
        // 4 March was a Tuesday in 2014, 2025 and 2031.
        let tuesday = [day(3, 4, Weekday::Tue)];
        assert_eq!(weekday_fitting_year([2024, 2026], &tuesday), Some(2025));
        // One either side of the years written: 2024 alone reaches 2025.
        assert_eq!(weekday_fitting_year([2024], &tuesday), Some(2025));
        assert_eq!(weekday_fitting_year([2020], &tuesday), None);
        // 2014 and 2025 both lie between 2013 and 2030.
        assert_eq!(weekday_fitting_year([2030, 2013], &tuesday), None);
        assert_eq!(weekday_fitting_year([], &tuesday), None);
        // Every day must fit: 6 March 2025 was a Thursday, not a Friday.
        let both = [day(3, 4, Weekday::Tue), day(3, 6, Weekday::Thu)];
        assert_eq!(weekday_fitting_year([2025], &both), Some(2025));
        let clash = [day(3, 4, Weekday::Tue), day(3, 6, Weekday::Fri)];
        assert_eq!(weekday_fitting_year([2025], &clash), None);
        // 29 February exists in leap years only.
        let leap = [day(2, 29, Weekday::Thu)];
        assert_eq!(weekday_fitting_year([2023, 2025], &leap), Some(2024));
    }
}
