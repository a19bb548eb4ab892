//! Ingest, the one clock it reads: the day an undated article came to the
//! site, recorded once as its `ingested:` day.
//!
//! `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds
//! convention) fixes it, so a rebuilt site can reproduce recorded days.

use crate::content::date::PartialDate;

/// Today (UTC), or the day of `SOURCE_DATE_EPOCH` when it is set.
pub(crate) fn today() -> PartialDate {
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
    day_of(epoch.as_deref()).unwrap_or_else(|| day(chrono::Utc::now().date_naive()))
}

/// The day of a `SOURCE_DATE_EPOCH` value; `None` when absent or invalid.
fn day_of(epoch: Option<&str>) -> Option<PartialDate> {
    let seconds: i64 = epoch?.trim().parse().ok()?;
    let time = chrono::DateTime::from_timestamp(seconds, 0)?;
    Some(day(time.date_naive()))
}

fn day(date: chrono::NaiveDate) -> PartialDate {
    use chrono::Datelike;
    // chrono's months and days always fit and always exist.
    PartialDate::ymd(date.year(), date.month() as u8, date.day() as u8).expect("a calendar day")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_date_epoch_fixes_the_day() {
        assert_eq!(day_of(Some("1764547200")), PartialDate::ymd(2025, 12, 1));
        assert_eq!(day_of(Some("not a number")), None);
        assert_eq!(day_of(None), None);
    }
}
