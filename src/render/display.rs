//! Render stage, how numbers and dates read: "2 June 2023", "KRW 50
//! trillion", "1,234 briefings". Pure functions over plain values, used by
//! the template views and by the facts' own wording.

pub(crate) use crate::content::date::month_name;
use crate::content::date::PartialDate;
use crate::content::unit::{Unit, UnitFamily};

/// "2 June 2023", "June 2023" or "2023", written part by part (as
/// `format!` would write them): every card and article page shows one.
pub(crate) fn display_date(date: &PartialDate) -> String {
    let mut out = String::with_capacity(20);
    if let Some(m) = date.month {
        if let Some(d) = date.day {
            push_decimal(&mut out, u64::from(d));
            out.push(' ');
        }
        out.push_str(month_name(m));
        out.push(' ');
    }
    if date.year < 0 {
        out.push('-');
    }
    push_decimal(&mut out, u64::from(date.year.unsigned_abs()));
    out
}

/// `n` in decimal digits, as `{}` writes it (and JSON an unsigned
/// number), without the formatting machinery.
pub(crate) fn push_decimal(out: &mut String, n: u64) {
    if n >= 10 {
        push_decimal(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// "KRW 50 trillion", "USD 1.2 billion", "400 Wh/kg", "63%".
pub(crate) fn display_figure(value: f64, unit: &Unit) -> String {
    match unit.family() {
        UnitFamily::Money => {
            let scales = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")];
            for (scale, word) in scales {
                if value.abs() >= scale {
                    return format!("{unit} {} {word}", trim_number(value / scale));
                }
            }
            format!("{unit} {}", group_thousands(value))
        }
        UnitFamily::Percent => format!("{}%", trim_number(value)),
        UnitFamily::Quantity => {
            format!("{} {}", group_thousands(value), unit_symbol(unit.as_str()))
        }
    }
}

/// A unit as printed: an area or a volume written with a plain digit
/// ("m2", "km3", as sources type them) takes its superscript ("m²").
fn unit_symbol(unit: &str) -> std::borrow::Cow<'_, str> {
    let power = match unit.strip_suffix(['2', '3']) {
        Some(base) if base.ends_with('m') && base.chars().all(|c| c.is_ascii_alphabetic()) => {
            if unit.ends_with('2') {
                '²'
            } else {
                '³'
            }
        }
        _ => return unit.into(),
    };
    format!("{}{power}", &unit[..unit.len() - 1]).into()
}

fn trim_number(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// `1` → `1 briefing`, `2` → `2 briefings`.
pub(crate) fn briefings(n: usize) -> String {
    let noun = if n == 1 { "briefing" } else { "briefings" };
    format!("{} {noun}", thousands(n as u64))
}

/// `1234567` → `1,234,567`.
pub(crate) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn group_thousands(value: f64) -> String {
    if value.fract() != 0.0 || value.abs() >= 1e15 {
        return trim_number(value);
    }
    let out = thousands(value.abs() as u64);
    if value < 0.0 {
        format!("-{out}")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_naturally() {
        assert_eq!(display_figure(5e13, &"KRW".into()), "KRW 50 trillion");
        assert_eq!(display_figure(1.172e11, &"KRW".into()), "KRW 117.2 billion");
        assert_eq!(display_figure(400.0, &"Wh/kg".into()), "400 Wh/kg");
        assert_eq!(display_figure(12000.0, &"people".into()), "12,000 people");
        assert_eq!(display_figure(63.5, &"percent".into()), "63.5%");
        assert_eq!(display_figure(61000.0, &"m2".into()), "61,000 m²");
        assert_eq!(display_figure(3.0, &"km2".into()), "3 km²");
        assert_eq!(display_figure(5.0, &"m3".into()), "5 m³");
        assert_eq!(display_figure(5.0, &"CO2".into()), "5 CO2", "not a length");
    }

    #[test]
    fn dates_show_their_precision() {
        assert_eq!(
            display_date(&PartialDate::ymd(2023, 6, 2).unwrap()),
            "2 June 2023"
        );
        assert_eq!(
            display_date(&PartialDate::ym(2026, 2).unwrap()),
            "February 2026"
        );
        assert_eq!(display_date(&PartialDate::y(2027)), "2027");
    }

    proptest::proptest! {
        /// Written part by part, a date reads as `format!` wrote it, for
        /// any fields (a day without a month shows the year only).
        #[test]
        fn dates_read_as_format_wrote_them(
            year in proptest::num::i32::ANY,
            month in proptest::option::of(1u8..=12),
            day in proptest::option::of(1u8..=31),
        ) {
            let date = PartialDate { year, month, day };
            let expected = match (month, day) {
                (Some(m), Some(d)) => format!("{d} {} {year}", month_name(m)),
                (Some(m), None) => format!("{} {year}", month_name(m)),
                _ => year.to_string(),
            };
            proptest::prop_assert_eq!(display_date(&date), expected);
        }
    }
}
