//! Content, what a figure's `unit:` measures. Units are an open list
//! (`KRW`, `Wh/kg`, `tons/year`, `pyeong`, …); how a figure reads depends
//! only on its family.

/// The family of a figure's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitFamily {
    /// An ISO 4217 currency code: three capital letters (`KRW`, `USD`).
    Money,
    /// `percent`.
    Percent,
    /// Anything else counted or measured (`GWh`, `Wh/kg`, `people`).
    Quantity,
}

impl UnitFamily {
    /// The family of a unit as written in front matter.
    pub(crate) fn of(unit: &str) -> UnitFamily {
        if unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase()) {
            UnitFamily::Money
        } else if unit == "percent" {
            UnitFamily::Percent
        } else {
            UnitFamily::Quantity
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_fall_into_their_family() {
        assert_eq!(UnitFamily::of("KRW"), UnitFamily::Money);
        assert_eq!(UnitFamily::of("percent"), UnitFamily::Percent);
        for unit in ["GWh", "Wh/kg", "people", "tons/year", "PCT", "krw"] {
            let expected = if unit == "PCT" {
                UnitFamily::Money
            } else {
                UnitFamily::Quantity
            };
            assert_eq!(UnitFamily::of(unit), expected, "{unit}");
        }
    }
}
