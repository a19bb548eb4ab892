//! Extraction, figures: money and quantities with their units.
//!
//! Takes one sentence and gives back each figure in it: the text as written
//! (qualifier, currency, number, magnitude and unit, a verbatim substring),
//! the value expanded to a plain number, the unit, the qualifier, a target
//! year ("by 2030") and the sentence as quote. A number without a unit or
//! currency (years, ordinals, cell formats such as 4680, article numbers,
//! view counts) is not a figure.

mod korean;
use super::unit::{
    currency_code, currency_prefix, is_site_area, magnitude, money_magnitude, per_quantity,
    prices_a_facility, scaled_tons, unit_after, unit_end, Unit,
};
use crate::content::front_matter::Figure;
use crate::ingest::text::token::{in_address, tokenize, Token};
use crate::ingest::text::words::{word_list, Words};

/// Words that qualify a figure, longest first.
static QUALIFIERS: Words = word_list!("extract/figure-qualifiers.txt");

/// Words after which a target year follows.
static TARGET_WORDS: Words = word_list!("extract/figure-target-words.txt");

/// The same quantity, however written ("$3.5B", "$3.5 billion"): the
/// same unit and a value within half a percent.
pub(crate) fn same_quantity(a: &Figure, b: &Figure) -> bool {
    a.unit == b.unit && (a.value - b.value).abs() <= 0.005 * b.value.abs()
}

/// True when `sentence`, the last of a text cut short, ends in one word
/// right after `figure`, without a full stop: the word is the figure's
/// magnitude or unit cut in half ("KRW 900 bill").
pub(crate) fn cut_off(figure: &Figure, sentence: &str) -> bool {
    let sentence = sentence.trim_end();
    let Some(at) = sentence.rfind(&figure.text) else {
        return false;
    };
    let rest = sentence[at + figure.text.len()..].trim_start();
    // "… 15.6 trillion won in": a whole word of the sentence, no unit cut.
    let function_word = crate::ingest::text::vocab::FUNCTION_WORDS.contains(&rest);
    let half_word = !rest.is_empty()
        && !function_word
        && rest.chars().all(char::is_alphabetic)
        && rest.len() < sentence.len() - at - figure.text.len();
    // "970 billion won ($67": the text stops inside the bracket, so the
    // figure's magnitude is lost with it.
    let open_bracket = sentence[..at].rfind('(') > sentence[..at].rfind(')');
    half_word || rest.is_empty() && open_bracket
}

/// Every figure in `sentence`.
pub(crate) fn figures(sentence: &str) -> Vec<Figure> {
    let tokens = tokenize(sentence);
    let targets = explicit_targets(&tokens);
    let planned = planned_year(&tokens);
    let korean = korean::figures(sentence);
    let korean_target = korean::target_year(sentence);
    let mut out: Vec<(usize, Figure)> = korean
        .iter()
        .map(|k| {
            let figure = Figure {
                text: sentence[k.start..k.end].to_string(),
                value: k.value,
                unit: k.unit.into(),
                qualifier: k.qualifier.map(str::to_string),
                year_target: korean_target
                    .or_else(|| korean::planned_year_before(sentence, k.start))
                    .filter(|_| !is_site_area(k.unit, k.value, sentence)),
                quote: Some(sentence.to_string()),
                about: None,
            };
            (k.start, figure)
        })
        .collect();
    let in_korean = |t: &Token<'_>| korean.iter().any(|k| k.start < t.end && t.start < k.end);
    // Read only when a bare amount asks for it: most sentences have none.
    let currency = std::cell::OnceCell::new();
    let mut taken_until = 0;
    for i in 0..tokens.len() {
        if tokens[i].start < taken_until
            || in_korean(&tokens[i])
            || in_address(sentence, tokens[i].start, tokens[i].end)
        {
            continue;
        }
        // A range is two figures, one per end: "272-296 Wh/kg", "65 to 70%".
        let found = match range_at(sentence, &tokens, i) {
            Some((low, high)) => vec![low, high],
            None => figure_at(sentence, &tokens, i)
                .map(|low| shares_magnitude(sentence, &tokens, i, low))
                .or_else(|| fold_at(&tokens, i))
                .or_else(|| {
                    bare_amount(&tokens, i, || {
                        *currency.get_or_init(|| sentence_currency(sentence, &tokens))
                    })
                })
                .into_iter()
                .collect(),
        };
        for found in found {
            taken_until = taken_until.max(found.end);
            // A site's size is the ground a plan builds on, never what it
            // reaches by a deadline.
            let year_target = target_for(sentence, &tokens, found.end, &targets)
                .or_else(|| year_right_after(&tokens, found.end))
                .or(planned.filter(|_| !another_predicate_after(&tokens, found.end)))
                .or(korean_target)
                .filter(|_| !is_site_area(found.unit, found.value, sentence))
                .filter(|_| !prices_a_facility(found.unit, &sentence[found.end..]));
            out.push((
                found.start,
                Figure {
                    text: sentence[found.start..found.end].to_string(),
                    value: found.value,
                    unit: found.unit.into(),
                    qualifier: found.qualifier,
                    year_target,
                    quote: Some(sentence.to_string()),
                    about: None,
                },
            ));
        }
    }
    let quotes = stock_quotes(sentence);
    out.retain(|(start, _)| !quotes.iter().any(|q| q.contains(start)));
    out.sort_by_key(|(start, _)| *start);
    out.into_iter().map(|(_, figure)| figure).collect()
}

/// "에코프로비엠(232,000원 ▼2,000 -0.85%)": a share's price, its move
/// with an arrow and its percent in brackets after a company's name, put
/// there by the site's stock widget. The story states none of them.
fn stock_quotes(sentence: &str) -> Vec<std::ops::Range<usize>> {
    const ARROWS: [char; 6] = ['▲', '▼', '△', '▽', '↑', '↓'];
    let mut quotes = Vec::new();
    let mut from = 0;
    while let Some(open) = sentence[from..].find('(').map(|k| from + k) {
        let Some(close) = sentence[open..].find(')').map(|k| open + k) else {
            break;
        };
        let inside = &sentence[open..close];
        // Price, move and percent: a story's own change ("1200억원(▲15.2%)")
        // gives one number.
        let numbers = inside
            .split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .filter(|w| w.starts_with(|c: char| c.is_ascii_digit()))
            .count();
        if inside.contains(ARROWS) && inside.contains('%') && numbers >= 3 {
            quotes.push(open..close);
        }
        from = close;
    }
    quotes
}

/// Both ends of a range whose first number has no unit of its own:
/// "272-296 Wh/kg" (one token) or "65 to 70 percent", "3-5 trillion won".
fn range_at(sentence: &str, tokens: &[Token<'_>], i: usize) -> Option<(Found, Found)> {
    let token = &tokens[i];
    if figure_at(sentence, tokens, i).is_some() || year(token).is_some() {
        return None;
    }
    if let Some((low, high)) = token.text.split_once('-') {
        let (low, _) = parse_number(low).filter(|(_, s)| s.is_none())?;
        // "500-600GWh": the unit may be glued to the high end.
        let (high, glued) = parse_number(high)?;
        let mut next = i + 1;
        let mut factor = 1.0;
        if let Some(m) = tokens
            .get(next)
            .and_then(|t| magnitude(t.text))
            .filter(|_| glued.is_none())
        {
            factor = m;
            next += 1;
        }
        // "$2-3 billion": the currency before the range is its unit.
        let prefix = currency_prefix(tokens, i);
        let (unit, last, start) = match (unit_after(tokens, next, glued), prefix) {
            (Some((Unit(unit), last)), _) => (unit, last, token.start),
            (None, Some((unit, first))) if glued.is_none() && factor > 1.0 => {
                (unit, next - 1, tokens[first].start)
            }
            _ => return None,
        };
        let end = tokens[last].end.max(token.end);
        let at = |value: f64| {
            let (value, unit) = scaled_tons(value * factor, unit);
            Found {
                start,
                end,
                value,
                unit,
                qualifier: None,
            }
        };
        return Some((at(low), at(high)));
    }
    let (low, suffix) = parse_number(token.text)?;
    // "between 12 and 22 km": "and" joins a range only after "between".
    let between = i > 0 && tokens[i - 1].is("between");
    let joined = tokens.get(i + 1).is_some_and(|t| {
        matches!(t.text, "to" | "-" | "\u{2013}" | "~") || between && t.text == "and"
    });
    if suffix.is_some() || !joined || tokens.get(i + 2).is_none_or(|t| year(t).is_some()) {
        return None;
    }
    let high = figure_at(sentence, tokens, i + 2)?;
    let (number, _) = parse_number(tokens[i + 2].text)?;
    let factor = if number == 0.0 {
        1.0
    } else {
        high.value / number
    };
    let low = Found {
        start: token.start,
        end: high.end,
        value: low * factor,
        unit: high.unit,
        qualifier: qualifier_before(tokens, i).map(|(q, _)| q.to_string()),
    };
    Some((low, high))
}

/// "$2.5 to $3.1 billion": the low end of a money range written without
/// its magnitude takes the high end's.
fn shares_magnitude(sentence: &str, tokens: &[Token<'_>], i: usize, mut low: Found) -> Found {
    let bare = parse_number(tokens[i].text).is_some_and(|(n, s)| s.is_none() && n == low.value);
    let joiner = tokens.iter().position(|t| t.start >= low.end);
    let high_number = joiner
        .filter(|&j| matches!(tokens[j].text, "to" | "-" | "\u{2013}" | "~"))
        .and_then(|j| {
            (j + 1..tokens.len().min(j + 3)).find(|&k| parse_number(tokens[k].text).is_some())
        });
    let Some(k) = high_number.filter(|_| bare) else {
        return low;
    };
    let (number, _) = parse_number(tokens[k].text).unwrap_or((0.0, None));
    if let Some(high) = figure_at(sentence, tokens, k).filter(|h| h.unit == low.unit) {
        if number > 0.0 && high.value / number > 1.0 {
            low.value *= high.value / number;
        }
    }
    low
}

/// The one currency the money figures of `sentence` are in; `None` when
/// there are none or several.
fn sentence_currency(sentence: &str, tokens: &[Token<'_>]) -> Option<&'static str> {
    let mut currencies = (0..tokens.len())
        .filter_map(|i| figure_at(sentence, tokens, i))
        .filter(|found| currency_code(found.unit).is_some())
        .map(|found| found.unit);
    let first = currencies.next()?;
    currencies.all(|unit| unit == first).then_some(first)
}

/// "Operating income reached 310.4 billion, against a loss of 95.2
/// billion won": an amount of billions or more written without its
/// currency takes the currency another amount of the sentence names.
fn bare_amount(
    tokens: &[Token<'_>],
    i: usize,
    currency: impl FnOnce() -> Option<&'static str>,
) -> Option<Found> {
    let (number, None) = parse_number(tokens[i].text)? else {
        return None;
    };
    let factor = magnitude(tokens.get(i + 1)?.text).filter(|&m| m >= 1e9)?;
    // "home to 1.4 billion", "2 billion visits": a count, unless a word of
    // money stands just before ("income reached 310.4 billion").
    static MONEY_CONTEXT: Words = word_list!("extract/money-context-words.txt");
    let money = tokens[i.saturating_sub(4)..i]
        .iter()
        .any(|t| MONEY_CONTEXT.iter().any(|w| t.is(w)));
    if !money {
        return None;
    }
    let (qualifier, start) = match qualifier_before(tokens, i) {
        Some((q, first)) => (Some(q.to_string()), tokens[first].start),
        None => (None, tokens[i].start),
    };
    Some(Found {
        start,
        end: tokens[i + 1].end,
        value: number * factor,
        unit: currency()?,
        qualifier,
    })
}

/// "fivefold", "a 10-fold rise": a multiple, spelled or in digits.
fn fold_at(tokens: &[Token<'_>], i: usize) -> Option<Found> {
    let token = &tokens[i];
    let stem = token.text.to_lowercase();
    let stem = stem.strip_suffix("fold")?.trim_end_matches('-');
    let value = match parse_number(stem) {
        Some((n, None)) => n,
        _ => f64::from(super::when::spelled(stem).filter(|&n| n >= 2)?),
    };
    let (qualifier, start) = match qualifier_before(tokens, i) {
        Some((q, first)) => (Some(q.to_string()), tokens[first].start),
        None => (None, token.start),
    };
    Some(Found {
        start,
        end: token.end,
        value,
        unit: "times",
        qualifier,
    })
}

struct Found {
    start: usize,
    end: usize,
    value: f64,
    unit: &'static str,
    qualifier: Option<String>,
}

/// The figure whose number is token `i`, if it has a unit.
fn figure_at(sentence: &str, tokens: &[Token<'_>], i: usize) -> Option<Found> {
    // "KRW614.8 billion": the currency code glued to the number.
    let glued_code = tokens[i]
        .text
        .get(..3)
        .and_then(currency_code)
        .filter(|_| tokens[i].text[3..].starts_with(|c: char| c.is_ascii_digit()));
    // "W1 trillion", "W50bn": the Korean press's W for won, glued to the
    // number and only with a magnitude (a "W1" alone is a model's name).
    let magnitude_next = || {
        tokens
            .get(i + 1)
            .is_some_and(|t| magnitude(t.text).is_some())
    };
    let won_letter = glued_code.is_none()
        && tokens[i].text.strip_prefix('W').is_some_and(|rest| {
            rest.starts_with(|c: char| c.is_ascii_digit())
                && parse_number(rest).is_some_and(|(_, glued)| match glued {
                    None => magnitude_next(),
                    Some(glued) => magnitude(glued).is_some(),
                })
        });
    let glued_code = glued_code.or(won_letter.then_some("KRW"));
    let text = if won_letter {
        &tokens[i].text[1..]
    } else if glued_code.is_some() {
        &tokens[i].text[3..]
    } else {
        tokens[i].text
    };
    // "one million EVs": a spelled number counts with its magnitude, and
    // alone only as a count of people or a multiple (checked below).
    let magnitude_next = tokens
        .get(i + 1)
        .is_some_and(|t| magnitude(t.text).is_some());
    let spelled = || {
        super::when::spelled(text)
            .filter(|&n| magnitude_next || n >= 2)
            .map(|n| (f64::from(n), None))
    };
    let spelled_alone = !magnitude_next && parse_number(text).is_none();
    let (number, glued) = parse_number(text).or_else(spelled)?;
    // The whole part of a decimal comma: its fraction reads the figure.
    if decimal_comma_whole(sentence, tokens, i + 2).is_some_and(|(k, _)| k == i) {
        return None;
    }
    let decimal = decimal_comma_whole(sentence, tokens, i);
    let first = decimal.map_or(i, |(k, _)| k);
    // "($1 = 76.28 Indian rupees)": a conversion note, both its sides.
    let converts = tokens.get(i + 1).is_some_and(|t| t.text == "=")
        || i.checked_sub(1).is_some_and(|k| tokens[k].text == "=");
    if is_reference_number(tokens, i) || converts {
        return None;
    }
    let (prefix_unit, mut start) = match (glued_code, currency_prefix(tokens, first)) {
        (Some(code), _) => (Some(code), first),
        (None, Some((unit, first))) => (Some(unit), first),
        (None, None) => (None, first),
    };
    let mut value = match decimal {
        Some((_, whole)) => whole + number / 10f64.powi(digits_before_suffix(text)),
        None => number,
    };
    let mut next = i + 1;
    // "12 500 tonnes": thousands set off by a space; not a day, a name's
    // number or a count after "the" ("March 3 100 workers", "Model 3 100
    // kWh", "the 4 100 kWh packs").
    let before = i.checked_sub(1).map(|k| &tokens[k]);
    let may_group = decimal.is_none()
        && !is_reference_number(tokens, i)
        && before.is_none_or(|t| {
            crate::ingest::text::vocab::month_number(t.text).is_none()
                && !t.is_capitalized()
                && !t.is("the")
                && t.text != "."
        });
    while may_group && glued.is_none() && grouped_thousands(tokens, next - 1) {
        value = value * 1000.0 + tokens[next].text.parse::<f64>().ok()?;
        next += 1;
    }
    let mut glued = glued;
    let money_letter = glued
        .and_then(money_magnitude)
        .filter(|_| prefix_unit.is_some());
    if let Some(m) = glued.and_then(magnitude).or(money_letter) {
        value *= m;
        glued = None;
    } else if let Some(m) = tokens.get(next).and_then(|t| magnitude(t.text)) {
        value *= m;
        next += 1;
    } else if prefix_unit.is_some()
        && tokens
            .get(next)
            .is_some_and(|t| matches!(t.text, "m" | "M"))
    {
        // "£350 m": after a currency sign a spaced m is millions.
        value *= 1e6;
        next += 1;
    } else if let Some((m, unit)) = tokens.get(next).and_then(|t| hyphenated_magnitude(t.text)) {
        // "1.23 million-square-meter": the magnitude joined to the unit.
        value *= m;
        glued = Some(unit);
        next += 1;
    }
    let after = unit_after(tokens, next, glued);
    let in_name = next == i + 1
        && crate::ingest::text::token::number_in_name(tokens, i)
        && !crate::ingest::text::token::headline_cased(sentence);
    if prefix_unit.is_none() && in_name {
        return None;
    }
    let (mut unit, mut end_token) = match (after, prefix_unit) {
        (Some((Unit(unit), last)), _) => (unit, last),
        (None, Some(unit)) => (unit, next - 1),
        (None, None) => match casualty_count(tokens, i, next) {
            Some(last) => ("people", last),
            None => return None,
        },
    };
    if spelled_alone && !counts_spelled(tokens, unit, end_token) {
        return None;
    }
    (value, unit) = scaled_tons(value, unit);
    // "4680 cells", "21700 batteries": four or five digits written without
    // a separator before a product are its format, not a count of it.
    let format_number = text.len() >= 4 && text.bytes().all(|b| b.is_ascii_digit());
    if format_number && matches!(unit, "cells" | "batteries") {
        return None;
    }
    // "450 yuan per kilogram": a price per quantity.
    let words: Vec<&str> = tokens[end_token + 1..]
        .iter()
        .take(3)
        .map(|t| t.text)
        .collect();
    if let Some((per, used)) = per_quantity(unit, &words) {
        unit = per;
        end_token += used;
    }
    // "an annual capacity of 25,000 tons": tons a year.
    if unit == "tons" && yearly_before(tokens, start) {
        unit = "tons/year";
    }
    if glued.is_some() && after.is_none() {
        return None;
    }
    // "–30°C": a minus glued to a temperature (elsewhere a dash joins a
    // range or a word).
    let minus = start
        .checked_sub(1)
        .filter(|&k| {
            matches!(tokens[k].text, "-" | "–" | "−") && tokens[k].end == tokens[start].start
        })
        .filter(|&k| {
            // "(-40℃~80℃)": an opening bracket may stand right before it.
            k == 0 || tokens[k - 1].end < tokens[k].start || matches!(tokens[k - 1].text, "(" | "[")
        });
    if let (Some(k), "°C") = (minus, unit) {
        value = -value;
        start = k;
    }
    let qualifier = qualifier_before(tokens, start);
    if let Some((_, first)) = &qualifier {
        start = *first;
    }
    Some(Found {
        start: tokens[start].start,
        end: unit_end(&tokens[end_token]).max(unit_end(&tokens[i])),
        value,
        unit,
        qualifier: qualifier.map(|(q, _)| q.to_string()),
    })
    .filter(|f| f.end <= sentence.len())
}

/// "3,9 percent", "2,5 GWh": a decimal comma, as much of Europe writes
/// it. The tokenizer keeps a comma inside a number only before a group of
/// three digits, so here the fraction (token `i`, one or two digits) and
/// the whole part two tokens back are glued to the comma between them.
/// Gives the whole part's token and value. Not a list ("1,2,3") and not
/// in Korean, where "2,3개" is two or three.
fn decimal_comma_whole(sentence: &str, tokens: &[Token<'_>], i: usize) -> Option<(usize, f64)> {
    let k = i.checked_sub(2)?;
    let (whole, comma, fraction) = (tokens.get(k)?, tokens.get(k + 1)?, tokens.get(i)?);
    let digits = |t: &Token<'_>| t.text.bytes().all(|b| b.is_ascii_digit());
    let glued = |a: &Token<'_>, b: &Token<'_>| a.end == b.start;
    let comma_glued_to_digits = |c: &Token<'_>, d: &Token<'_>| {
        c.text == "," && glued(c, d) && d.text.starts_with(|c: char| c.is_ascii_digit())
    };
    let listed = (k >= 1 && glued(&tokens[k - 1], whole) && tokens[k - 1].text == ",")
        || tokens
            .get(i + 1)
            .zip(tokens.get(i + 2))
            .is_some_and(|(c, d)| glued(fraction, c) && comma_glued_to_digits(c, d));
    let fits = comma.text == ","
        && glued(whole, comma)
        && glued(comma, fraction)
        && digits(whole)
        && (1..=3).contains(&whole.text.len())
        && (1..=2).contains(&digits_before_suffix(fraction.text))
        && !listed
        && !crate::ingest::text::hangul::is_korean(sentence);
    fits.then(|| whole.text.parse().ok().map(|w| (k, w)))?
}

/// How many digits open a number token ("9" in "9GWh").
fn digits_before_suffix(text: &str) -> i32 {
    let count = text.bytes().take_while(u8::is_ascii_digit).count();
    i32::try_from(count).unwrap_or(i32::MAX)
}

/// "killing 14", "injuring nine", "14 dead": a number with no unit
/// right after or before a word of casualties counts people. Gives the
/// last token of the figure.
fn casualty_count(tokens: &[Token<'_>], i: usize, next: usize) -> Option<usize> {
    static CASUALTY: Words = word_list!("extract/casualty-words.txt");
    let is_casualty = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| CASUALTY.iter().any(|w| t.is(w)))
    };
    // "in 2019 killed …": a year counts nobody.
    let year = tokens[i].text.len() == 4 && tokens[i].text.bytes().all(|b| b.is_ascii_digit());
    if year {
        return None;
    }
    let first = qualifier_before(tokens, i).map_or(i, |(_, first)| first);
    // "22 dead." closes its clause; "the top 10 killed more" goes on.
    let clause_ends = |k: usize| {
        tokens
            .get(k)
            .is_none_or(|t| matches!(t.text, "," | "." | ";" | "and" | ")"))
    };
    if first > 0 && is_casualty(first - 1) {
        Some(next - 1)
    } else {
        (is_casualty(next) && clause_ends(next + 1)).then_some(next)
    }
}

/// A number spelled out without a magnitude is a figure as a count of
/// people ("Eleven professors joined"), vehicles, jobs, households, fires,
/// patents or the like ("seven battery electric vehicles", "three fires";
/// `extract/spelled-count-units.txt`), as a
/// share ("three per cent", "two percentage points") or as a multiple in
/// a comparison ("four times the energy density", "six times more"), or
/// as a capacity or size in a measured unit ("eleven GWh", "two
/// gigawatts", "five hectares"); elsewhere it is prose ("two years", "met
/// three times").
fn counts_spelled(tokens: &[Token<'_>], unit: &str, last: usize) -> bool {
    static COMPARATIVES: Words = word_list!("extract/comparatives.txt");
    static MEASURES: Words = word_list!("extract/spelled-measure-units.txt");
    static COUNTS: Words = word_list!("extract/spelled-count-units.txt");
    let next = |k: usize| tokens.get(k);
    let compared = || next(last + 1).is_some_and(|t| COMPARATIVES.iter().any(|w| t.is(w)));
    // "Two people familiar with the matter said": sources, not a count.
    let speech = &super::person::SPEECH;
    let sources =
        next(last + 1).is_some_and(|t| t.is("familiar") || speech.iter().any(|w| t.is(w)));
    (COUNTS.contains(&unit) && !sources)
        || matches!(unit, "percent" | "percentage points")
        || MEASURES.contains(&unit)
        || (unit == "times" && compared())
}

/// "million-square-meter": a magnitude and the rest of the word, its
/// hyphen kept ("-square-meter"), read as a glued unit.
fn hyphenated_magnitude(word: &str) -> Option<(f64, &str)> {
    let at = word.find('-')?;
    Some((magnitude(&word[..at])?, &word[at..]))
}

/// "annual", "yearly" or "a year" in the few words before a quantity.
fn yearly_before(tokens: &[Token<'_>], start: usize) -> bool {
    let from = start.saturating_sub(6);
    tokens[from..start]
        .iter()
        .any(|t| t.is("annual") || t.is("annually") || t.is("yearly"))
}

/// Whether token `k` (digits, three after the first group) is followed,
/// one space apart, by a group of exactly three digits: "12 500", "1 250
/// 000".
fn grouped_thousands(tokens: &[Token<'_>], k: usize) -> bool {
    let digits = |t: &Token<'_>| t.text.bytes().all(|b| b.is_ascii_digit());
    let (Some(group), Some(next)) = (tokens.get(k), tokens.get(k + 1)) else {
        return false;
    };
    digits(group)
        && (1..=3).contains(&group.text.len())
        && digits(next)
        && next.text.len() == 3
        // One space: a plain one is one byte, a no-break one two, a
        // narrow no-break one three.
        && (1..=3).contains(&next.start.saturating_sub(group.end))
}

/// A number token: digits with thousands commas and a decimal point,
/// optionally followed by a glued suffix ("20GWh", "1.2bn", "100억").
pub(crate) fn parse_number(text: &str) -> Option<(f64, Option<&str>)> {
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '.' | '’' | '\'')))
        .unwrap_or(text.len());
    let (digits, suffix) = text.split_at(split);
    if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let value: f64 = digits.replace([',', '’', '\''], "").parse().ok()?;
    // "81-acre", "1-gigawatt-hour": a unit joined by a hyphen.
    let suffix = match suffix.strip_prefix('-') {
        Some(unit) if unit.starts_with(|c: char| c.is_alphabetic()) => unit,
        _ => suffix,
    };
    let suffix = (!suffix.is_empty()).then_some(suffix);
    if suffix.is_some_and(|s| s.starts_with('-') || matches!(s, "st" | "nd" | "rd" | "th")) {
        return None;
    }
    Some((value, suffix))
}

/// Numbers that name things: "No. 5", "Article 3", "Day 1".
fn is_reference_number(tokens: &[Token<'_>], i: usize) -> bool {
    static NAMES: Words = word_list!("extract/figure-reference-names.txt");
    let prev = |back: usize| i.checked_sub(back).and_then(|k| tokens.get(k));
    let word = match prev(1) {
        Some(t) if t.text == "." => prev(2),
        other => other,
    };
    // Capitalized as a label ("Hit 247", "Article 3") or abbreviated
    // ("no. 5"); in a sentence the same word is a verb or a noun of its
    // own ("prices hit 170,000 yuan per ton").
    let label = |t: &Token<'_>| t.is_capitalized() || prev(1).is_some_and(|p| p.text == ".");
    word.is_some_and(|t| label(t) && NAMES.iter().any(|n| t.is(n)))
}

/// The qualifier right before token `at`, and the index of its first token.
fn qualifier_before(tokens: &[Token<'_>], at: usize) -> Option<(&'static str, usize)> {
    QUALIFIERS.iter().find_map(|q| {
        let words: Vec<&str> = q.split(' ').collect();
        let first = at.checked_sub(words.len())?;
        let fits = tokens[first..at].iter().zip(&words).all(|(t, w)| t.is(w));
        fits.then_some((*q, first))
    })
}

/// A four-digit year token.
/// A year, or a part of one joined to it ("mid-2024").
fn year(t: &Token<'_>) -> Option<i32> {
    t.text
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=2100).contains(y) && t.text.len() == 4)
        .or_else(|| super::when::joined_part_year(t.text))
}

/// Deadline years with the index of their "by" / "through" / "until":
/// "by 2030", "by the end of 2031", "by fiscal 2028".
fn explicit_targets(tokens: &[Token<'_>]) -> Vec<(usize, i32)> {
    static FILLER: Words = word_list!("extract/figure-target-filler.txt");
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if !TARGET_WORDS.iter().any(|p| token.is(p)) {
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len() && j <= i + 4 && FILLER.iter().any(|f| tokens[j].is(f)) {
            j += 1;
        }
        if let Some(y) = tokens.get(j).and_then(year) {
            out.push((i, y));
        }
    }
    out
}

/// Where one clause of a sentence ends and another begins.
/// A reporting verb after a comma starts the reported clause, whose
/// deadline is not the subject's ("X, which builds 20 GWh, said … by 2027").
static CLAUSE_BREAKS: Words = word_list!("extract/figure-clause-breaks.txt");

/// The deadline of the figure ending at byte `end`: one that opens the
/// sentence ("By 2030, …"), or the next one after the figure within its
/// clause ("16%, 6% and 6% … by 2031"; not "… by 2027 and create 1,200 jobs").
fn target_for(
    sentence: &str,
    tokens: &[Token<'_>],
    end: usize,
    targets: &[(usize, i32)],
) -> Option<i32> {
    if let Some((_, y)) = targets.iter().find(|(i, _)| *i == 0) {
        return Some(*y);
    }
    // "…; by the end of 2023, it expects to employ over 400 people": a
    // deadline opening the figure's clause after a semicolon.
    let opening = targets.iter().rev().find(|(i, _)| {
        *i > 0
            && tokens[*i].end <= end
            && tokens[*i - 1].text == ";"
            && !sentence[tokens[*i].end..end].contains(';')
    });
    if let Some((_, y)) = opening {
        return Some(*y);
    }
    let (i, y) = targets.iter().find(|(i, _)| tokens[*i].start >= end)?;
    let between = &sentence[end..tokens[*i].start];
    (!CLAUSE_BREAKS.iter().any(|b| between.contains(b))).then_some(*y)
}

/// "to reach 20 GWh by 2023 and 40 GWh in 2024": in a sentence of plans,
/// the year right after a figure is the year it is planned for.
fn year_right_after(tokens: &[Token<'_>], end: usize) -> Option<i32> {
    let next = tokens.iter().position(|t| t.start >= end)?;
    let stated = tokens
        .get(next)?
        .is("in")
        .then(|| tokens.get(next + 1).and_then(year));
    // "is set to double to 30,000 tons in 2028": an expectation too.
    let set_to = || tokens.windows(2).any(|w| w[0].is("set") && w[1].is("to"));
    stated.flatten().filter(|_| states_plan(tokens) || set_to())
}

/// "in 2024" when the sentence states a plan and names no deadline.
fn planned_year(tokens: &[Token<'_>]) -> Option<i32> {
    if !explicit_targets(tokens).is_empty() {
        return None;
    }
    let stated = tokens
        .windows(2)
        .find_map(|w| w[0].is("in").then(|| year(&w[1])).flatten());
    stated.filter(|_| states_plan(tokens))
}

/// "will have a capacity of 28 GWh and go into operation in 2026": after
/// the figure, "and" and a verb of starting open a second predicate,
/// whose year is its own, not the figure's.
fn another_predicate_after(tokens: &[Token<'_>], end: usize) -> bool {
    static STARTING_VERBS: Words = word_list!("extract/starting-verbs.txt");
    let Some(next) = tokens.iter().position(|t| t.start >= end) else {
        return false;
    };
    tokens[next..]
        .windows(2)
        .any(|w| w[0].is("and") && STARTING_VERBS.iter().any(|v| w[1].is(v)))
}

/// A sentence that states a plan or an expectation.
fn states_plan(tokens: &[Token<'_>]) -> bool {
    static PLAN_VERBS: Words = word_list!("extract/figure-plan-verbs.txt");
    tokens.iter().any(|t| PLAN_VERBS.iter().any(|w| t.is(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(sentence: &str) -> (String, f64, String, Option<String>) {
        let mut all = figures(sentence);
        assert_eq!(all.len(), 1, "{sentence}: {all:?}");
        let f = all.remove(0);
        assert!(sentence.contains(&f.text));
        (f.text, f.value, f.unit.to_string(), f.qualifier)
    }

    #[test]
    fn a_stock_widgets_quote_is_no_figure() {
        assert_eq!(
            one("가온비엠(232,000원 ▼2,000 -0.85%)은 매출 5000억원을 올렸다.").0,
            "5000억원"
        );
        assert_eq!(one("Acme (9,200 ▲100 1.2%) sold 20 GWh.").0, "20 GWh");
        // A story's own change, arrow and all, stays.
        let kept: Vec<String> = figures("영업이익은 1200억원(▲15.2%)으로 늘었다.")
            .into_iter()
            .map(|f| f.text)
            .collect();
        assert_eq!(kept, ["1200억원", "15.2%"]);
    }

    #[test]
    fn a_conversion_note_is_no_figure() {
        assert!(figures("($1 = 76.2826 Indian rupees)").is_empty());
        assert_eq!(one("It cost $1 billion ($1 = 83 rupees).").0, "$1 billion");
    }

    #[test]
    fn money_with_currency_and_magnitude() {
        let cases = [
            (
                "It will pour KRW 80.5 billion won into it.",
                "KRW 80.5 billion won",
                80.5e9,
                "KRW",
            ),
            ("They raised $2.4 billion.", "$2.4 billion", 2.4e9, "USD"),
            ("A US$ 3 million grant.", "US$ 3 million", 3e6, "USD"),
            ("A €4 billion fund.", "€4 billion", 4e9, "EUR"),
            (
                "It costs 1.5 trillion yen.",
                "1.5 trillion yen",
                1.5e12,
                "JPY",
            ),
            ("It costs 30 billion yuan.", "30 billion yuan", 30e9, "CNY"),
            (
                "secured 250 million KRW in funds",
                "250 million KRW",
                250e6,
                "KRW",
            ),
            ("예산 300억 원 투입", "300억 원", 300e8, "KRW"),
            (
                "to invest Rs.9,500 crore in it",
                "Rs.9,500 crore",
                9.5e10,
                "INR",
            ),
            ("a Rs 40 lakh grant", "Rs 40 lakh", 4e6, "INR"),
            (
                "set aside Rs. 3,620 crore for it",
                "Rs. 3,620 crore",
                3.62e10,
                "INR",
            ),
            ("got NOK 43.5 million", "NOK 43.5 million", 43.5e6, "NOK"),
            (
                "spent 2.64 billion U.S. dollars",
                "2.64 billion U.S. dollars",
                2.64e9,
                "USD",
            ),
            ("raised A$12 million", "A$12 million", 12e6, "AUD"),
            // A plural magnitude after a number, as some write it.
            (
                "an investment of $200 millions",
                "$200 millions",
                200e6,
                "USD",
            ),
            (
                "committed 2.7 billion Hungarian Forints",
                "2.7 billion Hungarian Forints",
                2.7e9,
                "HUF",
            ),
        ];
        // A utility's name that is also a currency's code is no amount.
        assert!(figures("Acme will supply batteries to PLN 2 years after the tender.").is_empty());
        for (sentence, text, value, unit) in cases {
            let got = one(sentence);
            assert_eq!((got.0.as_str(), got.2.as_str()), (text, unit), "{sentence}");
            assert!(
                (got.1 - value).abs() < 1e-3 * value,
                "{sentence}: {}",
                got.1
            );
        }
    }

    #[test]
    fn multiples_spelled_or_in_digits() {
        assert_eq!(
            one("It will grow nearly fivefold by 2025."),
            (
                "nearly fivefold".into(),
                5.0,
                "times".into(),
                Some("nearly".into())
            )
        );
        assert_eq!(one("a 10-fold rise").1, 10.0);
        assert!(figures("The scaffold held; a manifold leaked; onefold.").is_empty());
    }

    #[test]
    fn a_money_range_shares_its_magnitude() {
        let all = figures("It will cost $2.5 to $3.1 billion.");
        let got: Vec<(f64, &str)> = all.iter().map(|f| (f.value, f.unit.as_str())).collect();
        assert_eq!(got, [(2.5e9, "USD"), (3.1e9, "USD")]);
        let all = figures("Shares rose from $25 to $31 on Monday.");
        assert_eq!(all[0].value, 25.0);
    }

    #[test]
    fn lengths_and_voltages() {
        let got = one("It forms a layer of less than 20 nanometers.");
        assert_eq!(
            (got.0.as_str(), got.1, got.2.as_str()),
            ("less than 20 nanometers", 20.0, "nm")
        );
        assert_eq!(one("a 5 µm coating").2, "µm");
        assert_eq!(one("a capacity of 50 Giga Watt Hour (GWh)").2, "GWh");
        assert_eq!(one("a 2 Mega Watt plant").2, "MW");
        assert_eq!(one("a 665,000-square-meter site").1, 665_000.0);
        let got = one("the 1.23 million-square-meter campus");
        assert_eq!((got.1, got.2.as_str()), (1_230_000.0, "m2"));
        assert_eq!(one("a 815,000 square-foot plant").2, "sq ft");
        assert_eq!(one("EVs will be 30pc of sales").2, "percent");
        let got = one("Even at –30°C the cells charge.");
        assert_eq!(
            (got.0.as_str(), got.1, got.2.as_str()),
            ("–30°C", -30.0, "°C")
        );
        assert_eq!(one("kept at 25 ℃ for a week").1, 25.0);
        assert_eq!(one("in the cold (-40℃) it charged").1, -40.0);
        // A dash joining a range is no minus.
        assert!(figures("kept at 20-25℃ for a week")
            .iter()
            .all(|f| f.value > 0.0));
        assert_eq!(one("charged to 4.4 volts").2, "V");
        assert_eq!(one("It stores 750 watt-hours per liter.").2, "Wh/L");
        assert_eq!(
            one("It stores 400 watt-hours per kilogram.").0,
            "400 watt-hours per kilogram"
        );
        // British spellings; lengths, speeds and power spelt out.
        assert_eq!(one("It stores 430 watt-hours per kilogramme.").2, "Wh/kg");
        assert_eq!(
            one("It stores 310 watt hours per kilogram.").0,
            "310 watt hours per kilogram"
        );
        assert_eq!(one("It stores 290 watt hour per litre.").2, "Wh/L");
        // A spinning part's speed: "18,000rpm", "9,000 rpm".
        assert_eq!(one("The motor turns at 18,000rpm.").2, "rpm");
        // Currencies by their ISO code before the amount; after it, or
        // in lower case, a code is a word ("500 MAD chargers", "3 mad
        // dashes").
        assert_eq!(one("It costs AED 4.2 billion.").2, "AED");
        for text in ["About 500 MAD chargers went in.", "They made 3 mad dashes."] {
            assert!(
                figures(text).iter().all(|f| f.unit.as_str() != "MAD"),
                "{text}"
            );
        }
        assert_eq!(one("a 10-kilometre road").2, "km");
        assert_eq!(one("the 32-metre-long ferry").2, "m");
        // "meters" also count a utility's meters: no length.
        assert!(found("It replaced 2 million meters across the state.")
            .iter()
            .all(|(_, unit)| unit != "m"));
        assert_eq!(one("sails at 16 knots").2, "knots");
        assert_eq!(one("adds 300 kilowatts").2, "kW");
    }

    #[test]
    fn conductivity_cycles_and_counted_incidents() {
        let got = one("The film conducts 6.4 mS/cm at room temperature.");
        assert_eq!((got.1, got.2.as_str()), (6.4, "mS/cm"));
        assert_eq!(one("It reached 1.2mS/cm.").2, "mS/cm");
        assert_eq!(one("상온 이온전도도는 8.1mS/cm로 높다.").0, "8.1mS/cm");
        assert_eq!(one("주행거리는 600km에 달한다.").0, "600km");
        let got = one("셀은 800회 충·방전 뒤에도 용량을 유지했다.");
        assert_eq!((got.1, got.2.as_str()), (800.0, "cycles"));
        assert_eq!(one("The state logged 31 ESS fires last decade.").2, "fires");
        assert_eq!(one("Residents sent 2,400 signatures.").2, "signatures");
    }

    #[test]
    fn qualifiers_are_kept() {
        let got = one("Investment of more than 12 trillion won is planned.");
        assert_eq!(got.0, "more than 12 trillion won");
        assert_eq!(got.3.as_deref(), Some("more than"));
        assert_eq!(
            one("about 120,000 pyeong of land").3.as_deref(),
            Some("about")
        );
    }

    #[test]
    fn technical_units_and_counts() {
        let cases = [
            ("a 350 Wh/kg-class cell", 350.0, "Wh/kg"),
            ("reaching 700 Wh/L density", 700.0, "Wh/L"),
            ("a 30GWh plant", 30.0, "GWh"),
            ("the Ochang 30 GWh plant", 30.0, "GWh"),
            ("Acme hired 300 Engineers", 300.0, "people"),
            ("Acme Hires 300 Engineers For Its Plant", 300.0, "people"),
            ("a 100 MW array", 100.0, "MW"),
            ("a 45% share", 45.0, "percent"),
            ("grew 12.5 percent", 12.5, "percent"),
            ("some 500 participants came", 500.0, "people"),
            ("creating 1,200 new jobs", 1200.0, "jobs"),
            ("50,000 tons per year of cathode", 50000.0, "tons/year"),
            ("an area of 3,000 square meters", 3000.0, "m2"),
            ("for 150 job seekers", 150.0, "people"),
            ("loans to 32 deals so far", 32.0, "deals"),
            ("active in 27 states", 27.0, "states"),
            ("the 2 systems suppliers signed", 2.0, "companies"),
            ("more than 1,000 battery systems", 1000.0, "systems"),
            ("over 1,100 public comments", 1100.0, "comments"),
            ("a site of 430’000 square metres", 430000.0, "m2"),
            // A material between the tons and the year; a counted yearly rate.
            (
                "to produce 15,000 tonnes of lithium annually",
                15000.0,
                "tons/year",
            ),
            (
                "to make 18,000 battery modules per year",
                18000.0,
                "modules/year",
            ),
            (
                "to make 18,000 battery modules for buses",
                18000.0,
                "modules",
            ),
            ("pressed at 50 MPa", 50.0, "MPa"),
            // "a year ago" dates the amount.
            (
                "it sold 15,000 tonnes of lithium a year ago",
                15000.0,
                "tons",
            ),
            (
                "it shipped 18,000 battery modules a year earlier",
                18000.0,
                "modules",
            ),
            ("a plant of 40,000 tpa", 40000.0, "tons/year"),
            ("a line of 12ktpy of anode", 12000.0, "tons/year"),
            ("a terminal of 8 Mtpa of LNG", 8e6, "tons/year"),
            ("a 50,000 mtpa hydroxide refinery", 50000.0, "tons/year"),
            ("it raised £350 m from investors", 350e6, "GBP"),
            ("the wind farm has 140 turbines", 140.0, "turbines"),
            (
                "film of 27 million square meters a year",
                27000000.0,
                "m2/year",
            ),
            ("25,000 t/y of cathode", 25000.0, "tons/year"),
        ];
        for (sentence, value, unit) in cases {
            let got = one(sentence);
            assert_eq!((got.1, got.2.as_str()), (value, unit), "{sentence}");
        }
    }

    #[test]
    fn years_ordinals_formats_and_addresses_are_not_figures() {
        for sentence in [
            "In 2023 the 42nd forum met on May 3.",
            "The 4680 line and 46-series cells.",
            "It makes 4680 cells and 21700 batteries.",
            "Under Article 12 of the act, No. 3 applies.",
            "Mail kim2024@news.co.kr or call 02-123-4567.",
            "Three reasons were given.",
            "Acme will team up with U.S.-based Group 14 Technologies.",
        ] {
            assert!(
                figures(sentence).is_empty(),
                "{sentence}: {:?}",
                figures(sentence)
            );
        }
    }

    #[test]
    fn units_as_the_text_states_them() {
        let cases = [
            ("raised KRW614.8 billion for it", 614.8e9, "KRW"),
            ("on an 81-acre plot", 81.0, "acres"),
            ("a 1-gigawatt-hour line", 1.0, "GWh"),
            ("a capacity of 5 gigawatt hours (GWh)", 5.0, "GWh"),
            ("the 61,000 sq m factory", 61000.0, "m2"),
            ("a $3.5B grant", 3.5e9, "USD"),
            ("up to €800m in aid", 800e6, "EUR"),
            ("worth 15.6 trillion rupiah", 15.6e12, "IDR"),
            ("exceeded 450 Chinese yuan per kilogram", 450.0, "CNY/kg"),
            ("Lithium hit 170,000 yuan per ton", 170_000.0, "CNY/ton"),
            ("sold at $90 a ton", 90.0, "USD/ton"),
            (
                "an annual processing capacity of 25,000 metric tons",
                25000.0,
                "tons/year",
            ),
            ("it pumps 40 m3 per hour", 40.0, "m3/hour"),
            ("Acme will raise KRW 8.9 tln for it", 8.9e12, "KRW"),
            ("capacity of one million EVs per year", 1e6, "vehicles"),
            ("it will process 2000t(of cells) a year", 2000.0, "tons"),
            (
                "up to 150,000 dry metric tonnes (dmt) per year",
                150000.0,
                "tons/year",
            ),
            ("a capacity of around 500,000 t/y", 500000.0, "tons/year"),
            ("a 1.25 million square foot building", 1.25e6, "sq ft"),
            ("limited output of 24V cells", 24.0, "V"),
        ];
        for (sentence, value, unit) in cases {
            let got = one(sentence);
            assert_eq!((got.2.as_str(), got.1), (unit, value), "{sentence}");
        }
        let conversion = figures("a range of 655 kilometers (407 miles) per charge");
        let units: Vec<&str> = conversion.iter().map(|f| f.unit.as_str()).collect();
        assert_eq!(
            units,
            ["km", "miles"],
            "an imperial conversion is its own figure"
        );
    }

    #[test]
    fn a_range_is_two_figures() {
        for (sentence, low, high, unit) in [
            ("cells of 272-296 Wh/kg", 272.0, 296.0, "Wh/kg"),
            ("a share of 65 to 70 percent", 65.0, 70.0, "percent"),
            ("costs of 3-5 trillion won", 3e12, 5e12, "KRW"),
            ("a need for 500-600GWh a year", 500.0, 600.0, "GWh"),
            ("a cost of $2-3 billion", 2e9, 3e9, "USD"),
        ] {
            let all = figures(sentence);
            let got: Vec<(f64, &str)> = all.iter().map(|f| (f.value, f.unit.as_str())).collect();
            assert_eq!(got, [(low, unit), (high, unit)], "{sentence}");
        }
        assert!(figures("from 2020 to 2025").is_empty());
        assert!(figures("LG Energy Solution 0- ").is_empty());
        assert!(figures("rose from 5 to").is_empty());
    }

    #[test]
    fn target_years() {
        let f = figures("It will invest 2 trillion won by 2031.");
        assert_eq!(f[0].year_target, Some(2031));
        let f = figures("In 2025, firms plan to invest 3 trillion won.");
        assert_eq!(f[0].year_target, Some(2025));
        let f = figures("In 2025, firms invested 3 trillion won.");
        assert_eq!(f[0].year_target, None);
        let f = figures("Batteries must hold 16% cobalt, 6% lithium and 6% nickel by 2031.");
        assert!(f.iter().all(|f| f.year_target == Some(2031)));
        let f = figures("The line starts by 2027 and will add 20 GWh, creating 1,200 jobs.");
        assert!(f.iter().all(|f| f.year_target.is_none()));
        let f =
            figures("It plans 100 GWh by 2030 and is building a campus at a cost of $3.5 billion.");
        assert_eq!(f[0].year_target, Some(2030));
        assert_eq!(f[1].year_target, None);
        let f = figures("Firms must recover 80% of the lithium by the end of 2031.");
        assert_eq!(f[0].year_target, Some(2031));
        let f = figures("The plant will have a capacity of 5 GWh by mid-2024.");
        assert_eq!(f[0].year_target, Some(2024));
        let f = figures("X, which runs a 20 GWh plant, said the site would open by 2027.");
        assert_eq!(f[0].year_target, None);
        let f = figures("By 2030, the city will invest 2 trillion won.");
        assert_eq!(f[0].year_target, Some(2030));
        let f = figures(
            "It employs 240 people; by the end of 2023, it expects to employ over 400 people.",
        );
        assert_eq!([f[0].year_target, f[1].year_target], [None, Some(2023)]);
        let f = figures("It is expected to reach 20 GWh by the end of 2023 and 40 GWh in 2024.");
        assert_eq!(
            [f[0].year_target, f[1].year_target],
            [Some(2023), Some(2024)]
        );
        // A second predicate after the figure keeps its year.
        let f = figures("The plant will have 28 GWh of capacity and go into operation in 2026.");
        assert_eq!(f[0].year_target, None);
        let f = figures("The plant will have 28 GWh of capacity in 2026.");
        assert_eq!(f[0].year_target, Some(2026));
        let f = figures("It sold 40 GWh in 2024.");
        assert_eq!(f[0].year_target, None);
        let f = figures("The plant is set to double to 30,000 tons in 2028.");
        assert_eq!(f[0].year_target, Some(2028));
        let f = figures("It is seeking to raise its capacity to 610,000 tons in 2030.");
        assert_eq!(f[0].year_target, Some(2030));
        let f = figures("The market is set to reach 3,000 gigawatt-hours in 2030.");
        assert_eq!(f[0].year_target, Some(2030));
        // A site's area is where the plant goes, not what it reaches.
        let f = figures("It will build the plant on a 60,000 m2 site by 2027.");
        assert_eq!(f[0].year_target, None);
        let f = figures("한빛전지는 2027년까지 부지 3만㎡에 공장을 짓는다.");
        assert_eq!(f[0].year_target, None);
        // A plant's price is no sum reached by the deadline; a sum is.
        let f = figures("It plans to complete the $4.4 billion plant by the end of 2024.");
        assert_eq!(f[0].year_target, None);
        let f = figures("It plans to invest $4.4 billion in the plant by the end of 2024.");
        assert_eq!(f[0].year_target, Some(2024));
        let f = figures("It aims to secure $2 billion project financing by 2026.");
        assert_eq!(f[0].year_target, Some(2026));
        // An area that is the goal keeps its year.
        let f = figures("It will restore 1,000 hectares of wetland by 2030.");
        assert_eq!(f[0].year_target, Some(2030));
        // Separator output in m2 is a capacity.
        let f = figures("Its separator output will reach 900 million m2 by 2027.");
        assert_eq!(f[0].year_target, Some(2027));
    }

    #[test]
    fn spelled_numbers_count_people_and_multiples_only() {
        assert_eq!(one("Twelve engineers joined the team.").1, 12.0);
        assert_eq!(
            one("The cell stores three times the energy of a pouch.").2,
            "times"
        );
        assert_eq!(one("It charges five times faster.").1, 5.0);
        assert!(figures("The two firms met three times in two years.").is_empty());
        assert!(figures("It was one of the first plants.").is_empty());
        assert!(figures("The line was shut three times after the fire.").is_empty());
        assert!(figures("Two people familiar with the matter said so.").is_empty());
        assert_eq!(one("It will sell seven battery electric vehicles.").1, 7.0);
        assert!(figures("The two firms signed three agreements.").is_empty());
        // Patents, lawsuits and mines spelled out are counts too.
        assert_eq!(
            found("LG said SK infringed three patents and filed four litigations."),
            [(3.0, "patents".into()), (4.0, "lawsuits".into())]
        );
        // A measured capacity or size spelled out is a figure.
        assert_eq!(
            found("It adds eleven GWh and two gigawatts on five hectares."),
            [
                (11.0, "GWh".into()),
                (2.0, "GW".into()),
                (5.0, "hectares".into())
            ]
        );
        assert!(figures("The plant runs for two hours a day.").is_empty());
        // A share spelled out is a figure.
        assert_eq!(
            found("Prices fell three per cent."),
            [(3.0, "percent".into())]
        );
        assert_eq!(
            found("Its share rose two percentage points."),
            [(2.0, "percentage points".into())]
        );
        assert_eq!(
            found("Its share rose 15.2 percentage points to 30 ppm."),
            [(15.2, "percentage points".into()), (30.0, "ppm".into())]
        );
    }

    #[test]
    fn a_decimal_comma_is_read_as_a_decimal_point() {
        assert_eq!(
            found("Sales rose 3,9 percent and output 12,5% to 2,75 GWh."),
            [
                (3.9, "percent".into()),
                (12.5, "percent".into()),
                (2.75, "GWh".into())
            ]
        );
        assert_eq!(one("Prices fell 3,9 percent.").0, "3,9 percent");
        assert_eq!(one("It costs €1,5 billion.").1, 1.5e9);
        // A thousands comma stays one: three digits follow it.
        assert_eq!(found("It holds 1,250 tons."), [(1250.0, "tons".into())]);
        // Numbers listed with commas are no decimal, nor is a Korean
        // comma between two numbers ("각각 1,2%": one and two percent).
        assert_eq!(
            found("Grades 1,2,3 percent apply."),
            [(3.0, "percent".into())]
        );
        assert_eq!(found("점유율은 각각 1,2%였다."), [(2.0, "percent".into())]);
    }

    /// Each figure's value and unit.
    fn found(text: &str) -> Vec<(f64, String)> {
        figures(text)
            .into_iter()
            .map(|f| (f.value, f.unit.as_str().to_string()))
            .collect()
    }

    #[test]
    fn counts_of_recalled_vehicles_fires_lines_and_cycles() {
        assert_eq!(
            found("It recalls 80,000 plug-in hybrids; 60,000 of the recalled cars are in Europe."),
            [(80000.0, "vehicles".into()), (60000.0, "vehicles".into())]
        );
        assert_eq!(
            found("Owners reported three fires and four further fires."),
            [(3.0, "fires".into()), (4.0, "fires".into())]
        );
        assert_eq!(
            found(
                "It has 12 battery production lines and lasts 1,500 charge and discharge cycles."
            ),
            [(12.0, "lines".into()), (1500.0, "cycles".into())]
        );
        assert_eq!(
            found("It adds 0.3wt% of binder."),
            [(0.3, "percent".into())]
        );
        assert_eq!(
            found(
                "It kept 90% after 350 charging/discharging cycles on a 45,000 square metre site."
            ),
            [
                (90.0, "percent".into()),
                (350.0, "cycles".into()),
                (45000.0, "m2".into())
            ]
        );
        // A share of a counted whole is the whole's count alone.
        assert_eq!(
            found("Only 30 of the 50 plants run."),
            [(50.0, "plants".into())]
        );
        assert_eq!(
            found("Nine of the twelve fires were in May."),
            [(12.0, "fires".into())]
        );
    }

    #[test]
    fn counts_of_models_units_reports_and_shares() {
        assert_eq!(
            found("It plans 28 electrified models and recalled around 8,200 units."),
            [(28.0, "models".into()), (8200.0, "units".into())]
        );
        assert_eq!(
            found("It had 19 reports of overheating and sued over 25 of its patents."),
            [(19.0, "reports".into()), (25.0, "patents".into())]
        );
        assert_eq!(
            found("It buys 1.4 million newly issued shares."),
            [(1_400_000.0, "shares".into())]
        );
        assert_eq!(
            found("Its 60 amp-hour cells beat 3,000 milliamp-hours."),
            [(60.0, "Ah".into()), (3000.0, "mAh".into())]
        );
        assert_eq!(
            found("Packs of 400 watt-hours caused 17 injuries; 27 key minerals last 90 days."),
            [
                (400.0, "Wh".into()),
                (17.0, "people".into()),
                (27.0, "minerals".into()),
                (90.0, "days".into())
            ]
        );
        // Spelled out, days are prose ("within eight days"), like years.
        assert!(found("It will decide within eight days.").is_empty());
        // Both ends of a Korean range, the first valued at its low end in
        // the high end's magnitude.
        assert_eq!(
            found("주행거리는 700~750㎞, 사업비는 3~5조원이다."),
            [
                (700.0, "km".into()),
                (750.0, "km".into()),
                (3e12, "KRW".into()),
                (5e12, "KRW".into())
            ]
        );
        // A low end in its own magnitude is an amount as written.
        assert_eq!(
            found("공모가는 4만2000~4만6500원, 이익은 100억~300억원이다."),
            [
                (42000.0, "KRW".into()),
                (46500.0, "KRW".into()),
                (1e10, "KRW".into()),
                (3e10, "KRW".into())
            ]
        );
        // Shares after an amount in 만; a small number before 주 is weeks,
        // 주 opening a longer word counts no shares, and neither does 주
        // before 로 ("mainly"), a number ("주4일제") or 정부.
        assert_eq!(
            found("180만주를 공모해 1억2500만여 주의 청약이 몰렸다."),
            [(1.8e6, "shares".into()), (125000000.0, "shares".into())]
        );
        assert!(found("2주 동안 2만 주민이 모였다.").is_empty());
        assert!(found("이익 1조2000억 주로 북미에서 났고 연봉 5000만 주4일제를 둔다.").is_empty());
        assert!(found("보조금 5000만 주 정부가 낸다.").is_empty());
        // A high end of two groups gives no single magnitude: only it.
        assert_eq!(
            found("사업비는 3~5조5000억원이다."),
            [(5.5e12, "KRW".into())]
        );
        // Unit signs and names of lengths.
        assert_eq!(
            found("두께 12㎛의 막과 40나노미터 층"),
            [(12.0, "µm".into()), (40.0, "nm".into())]
        );
        // Thousands set off by spaces, but not after a day, a name's
        // number or "the".
        assert_eq!(
            found("It will process up to 12 500 tonnes of cathode scrap."),
            [(12500.0, "tons".into())]
        );
        for text in [
            "As of June 30 500 units had been delivered.",
            "Its Model 3 100 kWh pack is new.",
            "The 4 100 kWh packs were shipped.",
        ] {
            assert!(
                found(text).iter().all(|(value, _)| *value < 1000.0),
                "{text}: {:?}",
                found(text)
            );
        }
        // The wave dash some pages write for the tilde.
        assert_eq!(
            found("가격은 120\u{223C}250만원, 매달 30\u{FF5E}45개를 판다."),
            [
                (1_200_000.0, "KRW".into()),
                (2_500_000.0, "KRW".into()),
                (30.0, "items".into()),
                (45.0, "items".into())
            ]
        );
    }

    #[test]
    fn casualties_beside_a_bare_number_are_people() {
        let all = figures("A blast hit the plant, killing 14 and injuring nine, police said.");
        let found: Vec<(f64, &str)> = all.iter().map(|f| (f.value, f.unit.as_str())).collect();
        assert_eq!(found, [(14.0, "people"), (9.0, "people")]);
        assert_eq!(one("The fire left 5 dead.").0, "5 dead");
        assert!(figures("The fire started at 5 and spread.").is_empty());
        // A year, a rank and a model name are no casualties.
        assert!(figures("A law passed in 2019 killed the subsidy.").is_empty());
        assert!(figures("The top 10 killed more than the rest.").is_empty());
        assert!(figures("Weak demand for the Model 3 hurt margins.").is_empty());
        // A number naming a model, a level, a round or a rule counts nothing.
        for text in [
            "Level 2 systems are rolling out.",
            "The Gen 2 materials cost less.",
            "Round 4 bids closed.",
            "Title 17 grants were paid.",
            "The Model 3 systems were recalled.",
            "Version 2 tests faster charging.",
            "Orders for the ID.4 vans rose.",
        ] {
            assert!(figures(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn kilotons_short_tons_and_metric_tons() {
        assert_eq!(one("It will make about 25 kt/a of hydroxide.").1, 25_000.0);
        assert_eq!(
            one("It will make about 25 kt/a of hydroxide.").2,
            "tons/year"
        );
        assert_eq!(one("It ships 9,000 stpy of acid.").2, "short tons/year");
        assert_eq!(one("It stores 500 short tons of ore.").2, "short tons");
        assert_eq!(one("Output starts at 3,000 mt/year.").2, "tons/year");
        assert_eq!(one("It draws 12 million gallons a year.").2, "gallons");
    }

    #[test]
    fn an_amount_takes_the_currency_named_elsewhere_in_the_sentence() {
        let all = figures("Net profit reached 310.4 billion, up from 95.2 billion won a year ago.");
        let found: Vec<(f64, &str)> = all.iter().map(|f| (f.value, f.unit.as_str())).collect();
        assert_eq!(found, [(310.4e9, "KRW"), (95.2e9, "KRW")]);
        // No currency in the sentence: no amount.
        assert!(figures("Shares rose to 310.4 billion in volume.").is_empty());
    }

    #[test]
    fn hours_watt_hours_and_a_range_between_two_numbers() {
        assert_eq!(one("The drone flew 11 hours.").2, "hours");
        assert_eq!(one("ESS 배터리 540Wh 등").2, "Wh");
        let all = figures("It cruised between 14 and 19 kilometers up.");
        let found: Vec<f64> = all.iter().map(|f| f.value).collect();
        assert_eq!(found, [14.0, 19.0]);
        // Without "between", "and" joins two figures, not a range.
        let all = figures("It has 3 plants and 40 kilometers of track.");
        assert_eq!(all.len(), 2, "{all:?}");
        assert_eq!(one("They set 18 national standards.").2, "standards");
    }

    #[test]
    fn a_magnitude_hyphenated_to_its_currency() {
        assert_eq!(one("It signed a 4.2 trillion-won deal.").1, 4.2e12);
        assert_eq!(one("It signed a 4.2 trillion-won deal.").2, "KRW");
        assert_eq!(one("It built a 1.2 million-square-meter site.").2, "m2");
    }

    #[test]
    fn won_written_w_before_a_magnitude() {
        assert_eq!(one("It will pay W1.5 trillion in cash.").1, 1.5e12);
        assert_eq!(one("It will pay W1.5 trillion in cash.").2, "KRW");
        assert!(figures("The W1 model sold out.").is_empty());
        // The magnitude glued too.
        assert_eq!(one("A W150bn feasibility study starts.").1, 150e9);
        assert_eq!(one("A W150bn feasibility study starts.").2, "KRW");
        assert!(figures("The W150x model sold out.").is_empty());
    }

    #[test]
    fn a_counted_noun_past_four_modifiers_or_a_joined_pair() {
        assert_eq!(
            one("It opened 500 new Battery Swap Stations.").2,
            "stations"
        );
        assert_eq!(
            one("The cell lasts 3,000 charging and discharging cycles.").2,
            "cycles"
        );
        assert_eq!(one("A swap happens every 2.5 seconds.").2, "seconds");
        // "and" between other words ends the search.
        assert!(figures("Output reached 500 last year and workers were added.").is_empty());
        // A function word still ends the search.
        assert!(figures("It sold 500 of them to the stations.").is_empty());
    }

    #[test]
    fn degrees_celsius_spelled_and_candidates() {
        assert_eq!(one("The cell reached around 300 degrees Celsius.").2, "°C");
        assert_eq!(one("It drew more than 250 candidates.").2, "people");
        assert_eq!(one("국내외 기업 41개 사가 참여했다.").2, "companies");
    }

    #[test]
    fn a_count_of_billions_takes_no_currency() {
        let all = figures("The country, home to 1.4 billion, spends $80 billion a year on oil.");
        let found: Vec<(f64, &str)> = all.iter().map(|f| (f.value, f.unit.as_str())).collect();
        assert_eq!(found, [(80e9, "USD")]);
        // Two currencies in the sentence: none is the bare amount's.
        let all =
            figures("Sales reached 2 billion, with $1 billion and 1 billion euros in orders.");
        assert!(all.iter().all(|f| f.value != 2e9), "{all:?}");
    }

    #[test]
    fn capacity_per_gram_spelt_out_and_counts_of_bodies_and_items() {
        assert_eq!(one("It stores 180 ampere-hours per gramme.").2, "Ah/g");
        assert_eq!(one("It stores 180 milliampere-hours per gram.").2, "mAh/g");
        assert_eq!(
            one("In all 12 industry associations will join.").2,
            "organizations"
        );
        assert_eq!(one("It supports 31 items.").2, "items");
        // Drivers, creditors and makers are counted too.
        assert_eq!(one("It surveyed 2,000 drivers.").2, "people");
        assert_eq!(one("It owes some 75 creditors.").2, "people");
        assert_eq!(one("It joins 12 battery makers.").2, "companies");
    }

    #[test]
    fn weights_engine_power_ore_tonnes_and_a_monthly_rate() {
        assert_eq!(
            found("The pack weighs 575 kg; the motor makes 286 horsepower, or 299 PS."),
            [
                (575.0, "kg".to_string()),
                (286.0, "hp".to_string()),
                (299.0, "PS".to_string())
            ]
        );
        // "ps" in lowercase is no unit.
        assert!(found("Send notes to 12 ps only.").is_empty());
        assert_eq!(one("The mine shipped over 80,000 dmt.").2, "tons");
        assert_eq!(one("It aims for 10 000 t a month.").2, "tons/month");
        assert_eq!(one("It makes 5,000 tonnes per year.").2, "tons/year");
    }
}
