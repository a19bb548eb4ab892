//! Content, a figure's `unit:`: the text as written, and what it measures.
//! Units are an open list (`KRW`, `Wh/kg`, `tons/year`, `pyeong`, …); how
//! a figure reads depends only on its family.

use std::fmt;

use serde::Serialize;

/// A figure's unit exactly as front matter writes it; code that reads it
/// asks for its [`UnitFamily`] instead of comparing words.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Unit(String);

impl Unit {
    /// The unit as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What the unit measures.
    pub fn family(&self) -> UnitFamily {
        UnitFamily::of(&self.0)
    }
}

impl From<&str> for Unit {
    fn from(text: &str) -> Unit {
        Unit(text.to_string())
    }
}

impl From<String> for Unit {
    fn from(text: String) -> Unit {
        Unit(text)
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The family of a figure's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitFamily {
    /// An ISO 4217 currency code: three capital letters (`KRW`, `USD`).
    Money,
    /// `percent`.
    Percent,
    /// Anything else counted or measured (`GWh`, `Wh/kg`, `people`).
    Quantity,
}

impl UnitFamily {
    /// The family of a unit as written in front matter.
    fn of(unit: &str) -> UnitFamily {
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
