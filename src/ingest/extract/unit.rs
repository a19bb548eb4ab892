//! Extraction helper for figures: currencies, magnitudes and units.
//!
//! Takes the tokens around a number and says which currency precedes it,
//! which magnitude word follows ("billion", "억") and which unit ends it
//! ("won", "Wh/kg", "GWh", "pyeong", "tons per year", "300 stakeholders"),
//! as the unit names of the gold vocabulary.

use crate::ingest::text::token::Token;
use crate::ingest::text::words::{word_list, Pairs, Words};

/// A unit name from the vocabulary (`KRW`, `Wh/kg`, `people`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Unit(pub(crate) &'static str);

/// Currency written before the number: the unit and its first token.
pub(crate) fn currency_prefix(tokens: &[Token<'_>], i: usize) -> Option<(&'static str, usize)> {
    let prev = tokens.get(i.checked_sub(1)?)?;
    let code = match prev.text {
        "$" => {
            // "US$", and the dollars of other countries: "A$", "C$".
            let country = (i >= 2 && tokens[i - 2].end == prev.start)
                .then(|| match tokens[i - 2].text {
                    "US" => Some("USD"),
                    "A" | "AU" => Some("AUD"),
                    "C" | "CA" => Some("CAD"),
                    _ => None,
                })
                .flatten();
            return Some(match country {
                Some(code) => (code, i - 2),
                None => ("USD", i - 1),
            });
        }
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₩" => "KRW",
        "RMB" => "CNY",
        "Rp" => "IDR",
        "Rs" | "₹" => "INR",
        // "Rs.9,500 crore": the rupee's abbreviation with its dot.
        "." if i >= 2 && tokens[i - 2].text == "Rs" && tokens[i - 2].end == prev.start => {
            return Some(("INR", i - 2));
        }
        // "KRW", "USD", …: a code the vocabulary knows.
        text => currency_code(text)?,
    };
    Some((code, i - 1))
}

/// The currency an ISO code names, as the vocabulary writes it.
pub(crate) fn currency_code(text: &str) -> Option<&'static str> {
    crate::ingest::text::vocab::CURRENCY_CODES
        .iter()
        .copied()
        .find(|c| *c == text)
}

/// A word that names a currency on its own ("yuan", "dollars", "won").
pub(crate) fn is_currency_word(word: &str) -> bool {
    physical(&|k| (k == 0).then_some(word)).is_some_and(|(unit, _)| currency_code(unit).is_some())
}

/// Multiplier of a one-letter magnitude glued to an amount of money
/// ("$3.5B", "$800M", "€5m"); without a currency the letter may be a
/// unit ("5m" of cable), so only money reads it.
pub(crate) fn money_magnitude(suffix: &str) -> Option<f64> {
    let factor = match suffix {
        "K" | "k" => 1e3,
        "M" | "m" => 1e6,
        "B" | "b" => 1e9,
        "T" => 1e12,
        _ => return None,
    };
    Some(factor)
}

/// Multiplier of a magnitude word.
pub(crate) fn magnitude(word: &str) -> Option<f64> {
    let factor = match word.to_ascii_lowercase().as_str() {
        "thousand" => 1e3,
        // "$200 millions": a plural after a number, as some write it.
        "million" | "millions" | "mn" | "mln" => 1e6,
        "billion" | "billions" | "bn" | "bln" => 1e9,
        "trillion" | "trillions" | "tn" | "tln" | "trn" => 1e12,
        // South Asian magnitudes: "Rs 9,500 crore".
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        "만" => 1e4,
        "억" => 1e8,
        "조" => 1e12,
        _ => return None,
    };
    Some(factor)
}

/// Possessives after "of" that keep a count going ("30 of its patents").
const POSSESSIVES: [&str; 3] = ["its", "their", "our"];

/// Nouns counted by figures, and the unit they give.
static COUNTED: Pairs = word_list!(pairs "extract/counted-nouns.txt");
/// Units of one word after a number ("won", "GWh", "hectares").
static PHYSICAL_UNITS: Pairs = word_list!(pairs "extract/physical-units.txt");

/// A unit that counts things ("people", "plants"): its figures repeat
/// for different things as often as for the same.
pub(crate) fn is_count(unit: &str) -> bool {
    COUNTED.iter().any(|(_, counted)| *counted == unit)
}

/// A site's size: an area in a sentence that speaks of a site ("부지",
/// "site", "plot"; `extract/site-words.txt`), in pyeong, hectares, acres
/// or km2, or in m2 below ten square kilometres (separator and film
/// output is counted in m2 by the hundred million). An area that is a
/// goal ("restore 1,000 hectares of wetland by 2030") names no site.
pub(crate) fn is_site_area(unit: &str, value: f64, sentence: &str) -> bool {
    static SITE_WORDS: Words = word_list!("extract/site-words.txt");
    const LARGEST_SITE_M2: f64 = 10_000_000.0;
    let area = matches!(unit, "km2" | "pyeong" | "hectares" | "acres")
        || unit == "m2" && value < LARGEST_SITE_M2;
    let lower = sentence.to_lowercase();
    let site = || {
        SITE_WORDS.iter().any(|w| {
            if w.starts_with(crate::ingest::text::hangul::is_hangul) {
                lower.contains(w)
            } else {
                lower
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|word| word == *w)
            }
        })
    };
    area && site()
}

/// "the $4.4 billion plant": an amount of money right before a noun of
/// what money builds is that thing's price, never a sum to reach by a
/// deadline. `after` is the sentence after the figure.
pub(crate) fn prices_a_facility(unit: &str, after: &str) -> bool {
    static FACILITIES: Words = word_list!("extract/priced-facilities.txt");
    let next = after
        .trim_start_matches(['-', ' '])
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    currency_code(unit).is_some() && FACILITIES.contains(&next)
}

/// Words that may sit between a number and its counted noun.
fn is_modifier(token: &Token<'_>) -> bool {
    static FUNCTION: Words = word_list!("extract/counted-modifiers.txt");
    token.is_word()
        && token.text.chars().all(|c| c.is_alphabetic() || c == '-')
        && !FUNCTION.iter().any(|f| token.is(f))
}

/// The unit after a number: tokens from `next` on, plus a suffix glued to
/// the number ("20GWh"). Gives the unit and the index of its last token.
pub(crate) fn unit_after(
    tokens: &[Token<'_>],
    next: usize,
    glued: Option<&str>,
) -> Option<(Unit, usize)> {
    // "46-series cells", "a 3-layer cell": a number joined to a word by a
    // hyphen describes the noun, it does not count it; "a 30-GWh plant"
    // keeps the unit so joined.
    let joined = |k: usize| {
        tokens
            .get(k)
            .filter(|t| k > 0 && t.start == tokens[k - 1].end)
    };
    if glued.is_none() && joined(next).is_some_and(|t| t.text == "-") {
        let word = joined(next + 1)?.text;
        let (unit, _) = physical(&|k| (k == 0).then_some(word))?;
        return Some((Unit(unit), next + 1));
    }
    // "30pc": Argus and the British press write "pc" for per cent.
    if glued == Some("pc") {
        return Some((Unit("percent"), next - 1));
    }
    let rest = || {
        tokens
            .iter()
            .enumerate()
            .skip(next)
            .take(8)
            .map(|(k, t)| (t.text, k))
    };
    // Word stream: the glued suffix counts as the token before `next`
    // ("4.2 trillion-won": the hyphen joins, it is no part of the unit).
    let whole: Vec<(&str, usize)> = glued
        .map(|g| (g.strip_prefix('-').unwrap_or(g), next - 1))
        .into_iter()
        .chain(rest())
        .collect();
    // "665,000-square-meter": a hyphenated suffix, also word by word.
    let parts = glued
        .map(|g| g.trim_start_matches('-'))
        .filter(|g| g.contains('-'))
        .map(|g| {
            let parts = g.split('-').map(|part| (part, next - 1));
            parts.chain(rest()).collect::<Vec<(&str, usize)>>()
        });
    std::iter::once(whole).chain(parts).find_map(|words| {
        let text = |k: usize| words.get(k).map(|w| strip_class(strip_particle(w.0)));
        let (unit, used) = physical(&text)?;
        // A word glued to the number ("46-series") is a unit or nothing:
        // it never describes a counted noun after it ("46-series cells").
        let counted_after_glued = glued.is_some() && used >= 2 && counted(&text).is_some();
        (!counted_after_glued).then(|| (Unit(unit), words[used - 1].1))
    })
}

/// "cm로", "GWh를", "600km에": a Korean particle glued to a Latin unit
/// (or to a number with its unit).
fn strip_particle(word: &str) -> &str {
    if word.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        word.trim_end_matches(crate::ingest::text::hangul::is_hangul)
    } else {
        word
    }
}

/// Where a unit's token ends as a unit: before a Korean particle glued to
/// it ("8.1mS/cm로" ends after "cm").
pub(crate) fn unit_end(token: &Token<'_>) -> usize {
    token.start + strip_particle(token.text).len()
}

/// "-class", "-scale", "-level" suffixes ("400 Wh/kg-class") keep the unit.
fn strip_class(word: &str) -> &str {
    ["-class", "-scale", "-level", "-grade"]
        .iter()
        .find_map(|s| word.strip_suffix(s))
        .unwrap_or(word)
}

/// Match a unit on the word stream; gives the unit and words used.
fn physical<'a>(text: &dyn Fn(usize) -> Option<&'a str>) -> Option<(&'static str, usize)> {
    let first = text(0)?;
    let lower = first.to_ascii_lowercase();
    let is = |k: usize, w: &str| text(k).is_some_and(|t| t.eq_ignore_ascii_case(w));
    let single = PHYSICAL_UNITS
        .iter()
        .find(|(word, _)| *word == lower)
        .map(|(_, unit)| *unit);
    // "299 PS": metric horsepower, in capitals only ("ps" is a postscript).
    if first == "PS" {
        return Some(("PS", 1));
    }
    // "-30°C", "25 ° C": degrees Celsius.
    if first == "°" && is(1, "C") {
        return Some(("°C", 2));
    }
    if lower == "degrees" && (is(1, "celsius") || is(1, "centigrade")) {
        return Some(("°C", 2));
    }
    if lower == "us" && is(1, "dollars") {
        return Some(("USD", 2));
    }
    // "U.S. dollars": the initials are four tokens.
    if lower == "u" && is(1, ".") && is(2, "s") && is(3, ".") && is(4, "dollars") {
        return Some(("USD", 5));
    }
    // "0.3wt%": a share by weight.
    if lower == "wt" && (is(1, "%") || is(1, ".") && is(2, "%")) {
        return Some(("percent", if is(1, "%") { 2 } else { 3 }));
    }
    if lower == "per" && is(1, "cent") {
        return Some(("percent", 2));
    }
    // "15.2 percentage points": a change of a share, not a share.
    if lower == "percentage" && (is(1, "points") || is(1, "point")) {
        return Some(("percentage points", 2));
    }
    if lower == "wh" && is(1, "/") {
        let per = text(2)?;
        return match per {
            "kg" => Some(("Wh/kg", 3)),
            "L" | "l" => Some(("Wh/L", 3)),
            _ => None,
        };
    }
    // Ionic conductivity: "8.1 mS/cm", "1.2 S/cm".
    if matches!(first, "mS" | "S") && is(1, "/") && is(2, "cm") {
        return Some((if first == "S" { "S/cm" } else { "mS/cm" }, 3));
    }
    // "5 gigawatt-hours", "5 gigawatt hours".
    if matches!(lower.as_str(), "gigawatt" | "megawatt" | "kilowatt") {
        let at = if is(1, "-") { 2 } else { 1 };
        let hours = text(at)
            .is_some_and(|t| t.eq_ignore_ascii_case("hours") || t.eq_ignore_ascii_case("hour"));
        if hours {
            let unit = match lower.as_str() {
                "gigawatt" => "GWh",
                "megawatt" => "MWh",
                _ => "kWh",
            };
            return Some((unit, at + 1));
        }
    }
    // "50 Giga Watt Hour": the prefix, the watt and the hour a word each.
    let prefix = match lower.as_str() {
        "giga" => Some(("GWh", "GW")),
        "mega" => Some(("MWh", "MW")),
        "kilo" => Some(("kWh", "kW")),
        _ => None,
    };
    if let Some((energy, power)) =
        prefix.filter(|_| text(1).is_some_and(|t| t.eq_ignore_ascii_case("watt")))
    {
        let hours = text(2)
            .is_some_and(|t| t.eq_ignore_ascii_case("hours") || t.eq_ignore_ascii_case("hour"));
        return Some(if hours { (energy, 3) } else { (power, 2) });
    }
    // "200 ampere-hours per gramme": a specific capacity spelt out.
    if matches!(
        lower.as_str(),
        "ampere-hours" | "amp-hours" | "milliampere-hours"
    ) && is(1, "per")
        && text(2)
            .is_some_and(|w| matches!(w.to_ascii_lowercase().as_str(), "gram" | "gramme" | "g"))
    {
        let unit = if lower.starts_with("milli") {
            "mAh/g"
        } else {
            "Ah/g"
        };
        return Some((unit, 3));
    }
    // "a 40 amp-hour cell": a cell's charge capacity spelt out.
    match lower.as_str() {
        "ampere-hours" | "ampere-hour" | "amp-hours" | "amp-hour" => return Some(("Ah", 1)),
        "milliampere-hours" | "milliampere-hour" | "milliamp-hours" | "milliamp-hour" => {
            return Some(("mAh", 1))
        }
        _ => {}
    }
    // "750 watt-hours per liter", "350 watt hour per kilogramme": an
    // energy density spelt out.
    let spaced_hours = lower == "watt" && (is(1, "hours") || is(1, "hour"));
    let per = if spaced_hours { 2 } else { 1 };
    if (matches!(lower.as_str(), "watt-hours" | "watt-hour") || spaced_hours) && is(per, "per") {
        return match text(per + 1)?.to_ascii_lowercase().as_str() {
            "kilogram" | "kilogramme" | "kg" => Some(("Wh/kg", per + 2)),
            "liter" | "litre" | "l" => Some(("Wh/L", per + 2)),
            _ => None,
        };
    }
    // "500 watt-hours (Wh)": an energy spelt out.
    if matches!(lower.as_str(), "watt-hours" | "watt-hour") {
        return Some(("Wh", 1));
    }
    if lower == "square" && (is(1, "meters") || is(1, "metres") || is(1, "meter") || is(1, "metre"))
    {
        // "27 million square meters a year" of separator film: output.
        return Some(match yearly_after(&|k| text(2 + k)) {
            Some(used) => ("m2/year", 2 + used),
            None => ("m2", 2),
        });
    }
    if lower == "sq" && (is(1, "m") || is(1, "km") || is(1, "ft")) {
        let unit = if is(1, "m") {
            "m2"
        } else if is(1, "km") {
            "km2"
        } else {
            "sq ft"
        };
        return Some((unit, 2));
    }
    if lower == "square" && (is(1, "feet") || is(1, "foot")) {
        return Some(("sq ft", 2));
    }
    if lower == "cubic" && (is(1, "meters") || is(1, "metres")) {
        return Some(per_time("m3", 2, text));
    }
    // "450 Chinese yuan", "2 trillion Indonesian rupiah": the currency's
    // country before its name.
    if matches!(
        lower.as_str(),
        "chinese" | "japanese" | "korean" | "indonesian" | "indian" | "hungarian"
    ) {
        let currency = physical(&|k| text(k + 1)).filter(|(unit, _)| currency_code(unit).is_some());
        if let Some((unit, used)) = currency {
            return Some((unit, used + 1));
        }
    }
    // "metric tons", "dry metric tonnes": kinds of ton.
    if matches!(lower.as_str(), "metric" | "dry") {
        let ton = physical(&|k| text(k + 1)).filter(|(unit, _)| unit.starts_with("tons"));
        if let Some((unit, used)) = ton {
            return Some((unit, used + 1));
        }
    }
    // "10,000 tpa": tonnes per annum.
    if matches!(lower.as_str(), "tpa") {
        return Some(("tons/year", 1));
    }
    // "3,000 mt/year": the commodity press writes "mt" for metric tons.
    // "80,000 dmt": dry (or wet) metric tonnes of ore or concentrate.
    if matches!(
        lower.as_str(),
        "tons" | "tonnes" | "ton" | "tonne" | "t" | "dmt" | "wmt"
    ) || first == "mt"
    {
        return Some(tons(text));
    }
    // "25 kt/a": thousands of tons, scaled by the caller (`scaled_tons`).
    if matches!(
        lower.as_str(),
        "kt" | "kilotonnes" | "kilotons" | "kilotonne" | "kiloton"
    ) {
        let (unit, used) = tons(text);
        return Some((if unit == "tons" { "kt" } else { "kt/year" }, used));
    }
    // "12ktpy", "8 Mtpa": thousands or millions of tonnes a year.
    if matches!(lower.as_str(), "ktpa" | "ktpy") {
        return Some(("kt/year", 1));
    }
    if matches!(lower.as_str(), "mtpa" | "mtpy") {
        return Some(("Mt/year", 1));
    }
    // "9,000 stpy", "500 short tons": tons of 2,000 pounds.
    if lower == "stpy" {
        return Some(("short tons/year", 1));
    }
    if lower == "short" && (is(1, "tons") || is(1, "ton")) {
        let (unit, used) = tons(&|k| text(k + 1));
        let unit = if unit == "tons" {
            "short tons"
        } else {
            "short tons/year"
        };
        return Some((unit, used + 1));
    }
    if let Some(unit) = single {
        if unit == "m3" {
            return Some(per_time(unit, 1, text));
        }
        return Some((unit, 1));
    }
    counted(text)
}

/// "m3 per hour", "m3/day": a flow keeps its time unit.
fn per_time<'a>(
    unit: &'static str,
    used: usize,
    text: &dyn Fn(usize) -> Option<&'a str>,
) -> (&'static str, usize) {
    let is = |k: usize, w: &str| text(k).is_some_and(|t| t.eq_ignore_ascii_case(w));
    if is(used, "per") || is(used, "/") || is(used, "an") || is(used, "a") {
        for (word, flow) in [("hour", "m3/hour"), ("h", "m3/hour"), ("day", "m3/day")] {
            if unit == "m3" && is(used + 1, word) {
                return (flow, used + 2);
            }
        }
    }
    (unit, used)
}

/// The unit of a price after a currency figure: "per kilogram", "a ton",
/// "/kg" make `CNY` into `CNY/kg`. Gives the unit and the words used.
pub(crate) fn per_quantity(currency: &str, words: &[&str]) -> Option<(&'static str, usize)> {
    let first = words.first()?;
    if !(first.eq_ignore_ascii_case("per") || *first == "/" || first.eq_ignore_ascii_case("a")) {
        return None;
    }
    let what = words.get(1)?.to_ascii_lowercase();
    let per = match what.as_str() {
        "kg" | "kilogram" | "kilogramme" | "kilo" => "kg",
        "ton" | "tonne" | "metric" => "ton",
        "kwh" => "kWh",
        _ => return None,
    };
    let used = if what == "metric" { 3 } else { 2 };
    let unit = match (currency, per) {
        ("USD", "kg") => "USD/kg",
        ("USD", "ton") => "USD/ton",
        ("USD", "kWh") => "USD/kWh",
        ("CNY", "kg") => "CNY/kg",
        ("CNY", "ton") => "CNY/ton",
        ("KRW", "kg") => "KRW/kg",
        ("KRW", "ton") => "KRW/ton",
        ("KRW", "kWh") => "KRW/kWh",
        ("EUR", "kg") => "EUR/kg",
        ("EUR", "ton") => "EUR/ton",
        ("EUR", "kWh") => "EUR/kWh",
        _ => return None,
    };
    Some((unit, used))
}

/// The smallest count of "mtpa" read as metric tonnes rather than
/// millions: no plant makes a thousand million tonnes a year.
const METRIC_TONNES_FROM: f64 = 1000.0;

/// The value and unit of a figure in thousands or millions of tons ("25
/// kt/a" is 25,000 tons a year, "8 Mtpa" 14 million); other figures as
/// they are.
pub(crate) fn scaled_tons(value: f64, unit: &'static str) -> (f64, &'static str) {
    match unit {
        "kt" => (value * 1000.0, "tons"),
        "kt/year" => (value * 1000.0, "tons/year"),
        // "8 mtpa" of LNG is millions; "50,000 mtpa" of lithium
        // hydroxide is metric tonnes, as the commodity press writes "mt".
        "Mt/year" if value >= METRIC_TONNES_FROM => (value, "tons/year"),
        "Mt/year" => (value * 1e6, "tons/year"),
        _ => (value, unit),
    }
}

/// Counts that a figure may give per year, with the unit of the rate.
static YEARLY: Pairs = word_list!(pairs "extract/yearly-units.txt");

/// "per year", "a year", "each year", "annually" at the start of `text`:
/// the tokens it takes.
/// "a year ago", "a year earlier" date the amount, no rate.
fn yearly_after<'a>(text: &dyn Fn(usize) -> Option<&'a str>) -> Option<usize> {
    const DATING: [&str; 6] = ["ago", "earlier", "later", "before", "after", "on"];
    let is = |k: usize, w: &str| text(k).is_some_and(|t| t.eq_ignore_ascii_case(w));
    if is(0, "annually") {
        Some(1)
    } else if (is(0, "per") || is(0, "a") || is(0, "each"))
        && (is(1, "year") || is(1, "annum"))
        && !DATING.iter().any(|w| is(2, w))
    {
        Some(2)
    } else {
        None
    }
}

/// Tons, per year when the text says so.
/// An acronym in brackets after the unit ("tonnes (dmt) per year") is
/// read past.
fn tons<'a>(text: &dyn Fn(usize) -> Option<&'a str>) -> (&'static str, usize) {
    let acronym = is_bracketed_acronym(&|k| text(k + 1));
    let after = if acronym { 4 } else { 1 };
    let is = |k: usize, w: &str| text(after + k - 1).is_some_and(|t| t.eq_ignore_ascii_case(w));
    // "15,000 tonnes of lithium annually": the material between.
    let material =
        is(1, "of") && text(after + 1).is_some_and(|w| w.chars().all(|c| c.is_ascii_lowercase()));
    let yearly = yearly_after(&|k| text(after + k));
    let material_yearly = yearly_after(&|k| text(after + 2 + k)).filter(|_| material);
    let slashed = is(1, "/") && (is(2, "year") || is(2, "y") || is(2, "a"));
    if let Some(words) = yearly {
        ("tons/year", after + words)
    } else if let Some(words) = material_yearly {
        ("tons/year", after + 2 + words)
    } else if slashed {
        ("tons/year", after + 2)
    } else if (is(1, "per") || is(1, "a") || is(1, "/")) && is(2, "month") {
        // "10 000 t a month": a mine's or a plant's monthly rate.
        ("tons/month", after + 2)
    } else {
        ("tons", 1)
    }
}

/// "(dmt)": an acronym of lowercase or capital letters in brackets.
fn is_bracketed_acronym<'a>(text: &dyn Fn(usize) -> Option<&'a str>) -> bool {
    text(0) == Some("(")
        && text(2) == Some(")")
        && text(1).is_some_and(|w| {
            (2..=6).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_alphabetic())
        })
}

/// A counted noun within four words ("200 job seekers", "1,000 new jobs",
/// "1,000 new Power Swap Stations"). "and" or "or" ends the search (see
/// `counted-modifiers.txt`) except between two words that modify the noun
/// together ("1,000 charging and discharging cycles", "800 charge and
/// discharge cycles").
fn counted<'a>(text: &dyn Fn(usize) -> Option<&'a str>) -> Option<(&'static str, usize)> {
    let participle = |w: Option<&str>| w.is_some_and(|w| w.ends_with("ing") || w.ends_with("ed"));
    let counted_noun = |word: &str| {
        COUNTED
            .iter()
            .find(|(n, _)| word == *n || (word.eq_ignore_ascii_case(n) && *n != "EVs"))
            .map(|(_, unit)| *unit)
    };
    for k in 0..4 {
        let word = text(k)?;
        let joins = k > 0
            && matches!(word, "and" | "or" | "/")
            && (participle(text(k - 1)) && participle(text(k + 1))
                || text(k + 2).and_then(counted_noun).is_some());
        // "30 of its patents": a share of the owner's own, counted; so is
        // "60,000 of the recalled cars", unlike "30 of the 50 plants"
        // or "two of the three fires".
        let owned = k == 0 && word == "of" && text(1).is_some_and(|w| POSSESSIVES.contains(&w));
        let of_the = k == 0
            && word == "of"
            && text(1) == Some("the")
            && text(2).is_some_and(|w| {
                !w.starts_with(|c: char| c.is_ascii_digit()) && super::when::spelled(w).is_none()
            });
        if joins || owned {
            continue;
        }
        if of_the {
            return counted(&|j| text(j + 2)).map(|(unit, used)| (unit, used + 2));
        }
        // "2 systems integrators": the noun describes the one after it,
        // an agent's ("integrators", "suppliers"), which the number counts.
        let describes_agent = text(k + 1).is_some_and(|next| {
            next.chars().all(|c| c.is_ascii_lowercase())
                && (next.ends_with("ers") || next.ends_with("ors"))
        });
        if let Some(unit) = counted_noun(word) {
            if describes_agent {
                continue;
            }
            // "18,000 battery modules per year": a yearly rate.
            let per_year = yearly_after(&|j| text(k + 1 + j));
            let yearly = YEARLY.iter().find(|(count, _)| *count == unit);
            return Some(match (per_year, yearly) {
                (Some(words), Some((_, rate))) => (*rate, k + 1 + words),
                _ => (unit, k + 1),
            });
        }
        let token = Token {
            text: word,
            start: 0,
            end: word.len(),
        };
        if !is_modifier(&token) {
            return None;
        }
    }
    None
}
