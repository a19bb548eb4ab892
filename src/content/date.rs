//! Dates with the precision the text supports: `2024`, `2024-06` or `2024-06-18`.
//!
//! Used for article publication dates and for event dates. Serialized as the
//! ISO string, so front matter stays readable and round-trips byte for byte.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date known to the year, the month or the day.
///
/// Ordering puts a coarser date before a finer one in the same period
/// (`2024` < `2024-01` < `2024-01-01`), which keeps sorts total and stable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// Four-digit year.
    pub year: i32,
    /// Month 1–12, when known.
    pub month: Option<u8>,
    /// Day of month, when known (only with a month).
    pub day: Option<u8>,
}

/// English month names, as the site writes dates ("2 June 2023").
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of a 1-based month (out-of-range months are clamped),
/// the one home of month names for pages and the benchmark corpus.
pub fn month_name(month: u8) -> &'static str {
    MONTHS[usize::from(month.clamp(1, 12)) - 1]
}

/// Why a date string was rejected; shown to contributors with a hint.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{input}` is not a date: {reason}")]
pub struct DateError {
    /// The text as written.
    pub input: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl PartialDate {
    /// A date known to the day. Returns `None` when the day does not exist.
    pub fn ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        let date = PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        };
        date.is_valid().then_some(date)
    }

    /// A date known to the month.
    pub fn ym(year: i32, month: u8) -> Option<Self> {
        let date = PartialDate {
            year,
            month: Some(month),
            day: None,
        };
        date.is_valid().then_some(date)
    }

    /// A date known to the year.
    pub fn y(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    /// True when the date is known to the day.
    pub fn is_full(&self) -> bool {
        self.day.is_some()
    }

    fn is_valid(&self) -> bool {
        if !(1000..=9999).contains(&self.year) {
            return false;
        }
        match (self.month, self.day) {
            (None, None) => true,
            (Some(m), None) => (1..=12).contains(&m),
            (Some(m), Some(d)) => {
                (1..=12).contains(&m) && d >= 1 && d <= days_in_month(self.year, m)
            }
            (None, Some(_)) => false,
        }
    }

    /// The same date as a chrono date, filling a missing month or day with 1.
    pub fn to_naive_floor(&self) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(
            self.year,
            u32::from(self.month.unwrap_or(1)),
            u32::from(self.day.unwrap_or(1)),
        )
        .expect("validated on construction")
    }

    /// RFC 3339 timestamp at midnight UTC, for feeds.
    pub fn to_rfc3339(&self) -> String {
        let mut out = self.floor_iso();
        out.push_str("T00:00:00Z");
        out
    }

    /// The day [`PartialDate::to_naive_floor`] gives, as `YYYY-MM-DD`
    /// (chrono's `%Y-%m-%d`), for feeds and sitemaps. A valid date's
    /// digits are written as they are: chrono parsed the format again for
    /// every date, a thousand instructions each in every feed entry.
    pub fn floor_iso(&self) -> String {
        if !self.is_valid() {
            return self.to_naive_floor().format("%Y-%m-%d").to_string();
        }
        let mut out = String::with_capacity(20);
        let parts = [self.month.unwrap_or(1), self.day.unwrap_or(1)];
        let mut digits = [0; ISO_BYTES];
        out.push_str(iso_digits(self.year, parts.map(Some), &mut digits));
        out
    }
}

/// Bytes of `YYYY-MM-DD`.
const ISO_BYTES: usize = 10;

/// `YYYY`, then `-MM` and `-DD` for the `parts` given (month, day), of a
/// year of four digits and parts of two at most, their digits written as
/// they are: through `write!` and `{:04}` a date took a thousand
/// instructions, and a build writes each article's date a few times (its
/// card, its page, its JSON-LD, the feeds, the sitemap, the cache).
fn iso_digits(year: i32, parts: [Option<u8>; 2], out: &mut [u8; ISO_BYTES]) -> &str {
    let year = year.unsigned_abs();
    for (at, digit) in [year / 1000, year / 100 % 10, year / 10 % 10, year % 10]
        .into_iter()
        .enumerate()
    {
        out[at] = b'0' + digit as u8;
    }
    let mut len = 4;
    for part in parts.into_iter().flatten() {
        out[len..len + 3].copy_from_slice(&[b'-', b'0' + part / 10, b'0' + part % 10]);
        len += 3;
    }
    std::str::from_utf8(&out[..len]).expect("ASCII digits")
}

/// Days in a month of the proleptic Gregorian calendar.
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts = [self.month, self.day];
        if (1000..=9999).contains(&self.year) && parts.iter().flatten().all(|&p| p < 100) {
            let mut digits = [0; ISO_BYTES];
            return f.write_str(iso_digits(self.year, parts, &mut digits));
        }
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let fail = |reason| DateError {
            input: input.to_string(),
            reason,
        };
        let parts: Vec<&str> = input.trim().split('-').collect();
        let widths_ok = match parts.as_slice() {
            [y] => y.len() == 4,
            [y, m] => y.len() == 4 && m.len() == 2,
            [y, m, d] => y.len() == 4 && m.len() == 2 && d.len() == 2,
            _ => false,
        };
        if !widths_ok || parts.iter().any(|p| !p.bytes().all(|b| b.is_ascii_digit())) {
            return Err(fail("dates are written YYYY-MM-DD (or YYYY-MM, or YYYY)"));
        }
        let year: i32 = parts[0]
            .parse()
            .map_err(|_| fail("the year is not a number"))?;
        let month = parts.get(1).map(|m| m.parse::<u8>().unwrap_or(0));
        let day = parts.get(2).map(|d| d.parse::<u8>().unwrap_or(0));
        let date = PartialDate { year, month, day };
        if !(1000..=9999).contains(&year) {
            return Err(fail("the year must be between 1000 and 9999"));
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(fail("the month must be between 01 and 12"));
            }
        }
        if !date.is_valid() {
            return Err(fail("that day does not exist in that month"));
        }
        Ok(date)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // YAML may hand us `2024` as an integer; accept it as a year.
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date written YYYY-MM-DD, YYYY-MM or YYYY")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PartialDate, E> {
                v.parse().map_err(E::custom)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<PartialDate, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<PartialDate, E> {
                self.visit_str(&v.to_string())
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl schemars::JsonSchema for PartialDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PartialDate".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        // A bare year is an integer to YAML, and accepted as one.
        schemars::json_schema!({
            "description": "A date written YYYY-MM-DD, or YYYY-MM / YYYY when only that much is known",
            "anyOf": [
                { "type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$" },
                { "type": "integer", "minimum": 1000, "maximum": 9999 }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_are_english_and_clamped() {
        assert_eq!(month_name(1), "January");
        assert_eq!(month_name(12), "December");
        assert_eq!(month_name(0), "January");
        assert_eq!(month_name(13), "December");
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!("2024".parse::<PartialDate>().unwrap(), PartialDate::y(2024));
        assert_eq!(
            "2024-06".parse::<PartialDate>().unwrap(),
            PartialDate::ym(2024, 6).unwrap()
        );
        assert_eq!(
            "2024-02-29".parse::<PartialDate>().unwrap(),
            PartialDate::ymd(2024, 2, 29).unwrap()
        );
    }

    #[test]
    fn rejects_impossible_and_misformatted_dates() {
        assert!("2023-02-29".parse::<PartialDate>().is_err());
        assert!("2023-13".parse::<PartialDate>().is_err());
        let err = "02/06/2023".parse::<PartialDate>().unwrap_err();
        assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
        assert!("2023-6-2".parse::<PartialDate>().is_err());
        let err = "0000-01-01".parse::<PartialDate>().unwrap_err();
        assert!(err.to_string().contains("between 1000 and 9999"), "{err}");
    }

    #[test]
    fn orders_coarse_before_fine_and_displays_round_trip() {
        let y = PartialDate::y(2024);
        let ym = PartialDate::ym(2024, 1).unwrap();
        let ymd = PartialDate::ymd(2024, 1, 1).unwrap();
        assert!(y < ym && ym < ymd);
        assert_eq!(ymd.to_string(), "2024-01-01");
        assert_eq!(ym.to_string(), "2024-01");
    }

    #[test]
    fn a_year_out_of_range_is_written_as_chrono_writes_it() {
        assert_eq!(PartialDate::y(12345).floor_iso(), "+12345-01-01");
        assert_eq!(PartialDate::y(999).to_rfc3339(), "0999-01-01T00:00:00Z");
    }

    proptest::proptest! {
        #[test]
        fn a_date_is_written_as_its_parts_formatted_with_padding(
            year in proptest::prop_oneof![1000i32..=9999, proptest::num::i32::ANY],
            month in proptest::option::of(proptest::num::u8::ANY),
            day in proptest::option::of(proptest::num::u8::ANY),
        ) {
            let date = PartialDate { year, month, day };
            let mut padded = format!("{year:04}");
            if let Some(m) = month {
                padded.push_str(&format!("-{m:02}"));
            }
            if let Some(d) = day {
                padded.push_str(&format!("-{d:02}"));
            }
            proptest::prop_assert_eq!(date.to_string(), padded);
        }

        #[test]
        fn the_floor_is_written_as_chrono_formats_it(
            year in 1000i32..=9999,
            month in 0u8..=12,
            day in 0u8..=31,
        ) {
            let date = match (month, day) {
                (0, _) => Some(PartialDate::y(year)),
                (m, 0) => PartialDate::ym(year, m),
                (m, d) => PartialDate::ymd(year, m, d),
            };
            if let Some(date) = date {
                let chrono = date.to_naive_floor().format("%Y-%m-%d").to_string();
                proptest::prop_assert_eq!(date.floor_iso(), chrono.clone());
                proptest::prop_assert_eq!(date.to_rfc3339(), format!("{chrono}T00:00:00Z"));
            }
        }
    }
}
