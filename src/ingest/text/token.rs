//! Ingest, text layer: a sentence cut into word, number and punctuation tokens.
//!
//! Takes a sentence and gives back tokens with byte spans into it, so every
//! rule that reads tokens can quote the sentence verbatim. Hyphenated words
//! stay whole ("Byung-Seon", "all-solid-state"), and so do numbers with
//! thousands separators and decimals ("400,000", "117.2").

use crate::ingest::text::words::{word_list, Words};

/// One token: its text and where it sits in the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    pub(crate) text: &'a str,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

impl Token<'_> {
    /// A word or number, not punctuation.
    pub(crate) fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }

    /// Starts with an uppercase letter.
    pub(crate) fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Case-insensitive comparison with an ASCII word.
    pub(crate) fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }
}

/// A line in title case without a closing full stop ("Korea Unveils
/// Battery Institute Plans") is a headline: its capitals say nothing about
/// where a name starts.
/// "Group 14 Technologies": a number between a capitalized word and a
/// word in title case (not a unit such as "GWh") is part of a name. Only
/// in a sentence's case: a title-cased headline capitalizes its counts
/// too ("Acme Hires 300 Engineers").
pub(crate) fn number_in_name(tokens: &[Token<'_>], number: usize) -> bool {
    let title_case = |t: &Token<'_>| {
        let mut chars = t.text.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
    };
    let is_number = tokens
        .get(number)
        .is_some_and(|t| t.text.chars().all(|c| c.is_ascii_digit()));
    if !is_number {
        return false;
    }
    let before = number
        .checked_sub(1)
        .map(|k| &tokens[k])
        .is_some_and(|t| t.is_capitalized() && t.end < tokens[number].start);
    before && tokens.get(number + 1).is_some_and(title_case)
}

/// "Vision 2030", "Green Balance 2030": a year closing the name of a
/// strategy or a programme (`shared/programme-name-words.txt`) is the
/// programme's, not a time the story tells of. A show's year ("Battery
/// Show Europe 2024") or a season's ("Summer 2023") is a time.
pub(crate) fn year_in_name(tokens: &[Token<'_>], year: usize) -> bool {
    static PROGRAMME_WORDS: Words = word_list!("shared/programme-name-words.txt");
    let Some(name) = year.checked_sub(1).map(|k| &tokens[k]) else {
        return false;
    };
    let first_word = !tokens[..year - 1].iter().any(Token::is_word);
    !first_word && name.end < tokens[year].start && PROGRAMME_WORDS.contains(&name.text)
}

/// "towards a Golden Indonesia 2045": a word of an aim before a name the
/// year closes (capitalized words, maybe after an article) makes the year
/// the aim's, as a programme's is. A month, a quarter ("Q4 2024") or a
/// show ("Battery Expo 2024") before the year makes it a time.
pub(crate) fn year_of_an_aim(tokens: &[Token<'_>], year: usize) -> bool {
    static AIMS: Words = word_list!("shared/aim-words.txt");
    static SHOWS: Words = word_list!("shared/show-words.txt");
    const NAME_WORDS: usize = 3;
    let Some(mut k) = year.checked_sub(1) else {
        return false;
    };
    let name_end = k;
    while k > 0 && name_end - k < NAME_WORDS && tokens[k].is_capitalized() {
        let word = tokens[k].text;
        let period =
            word.len() == 2 && word.starts_with(['Q', 'H']) && word.ends_with(['1', '2', '3', '4'])
                || word == "FY";
        if crate::ingest::text::vocab::month_number(word).is_some()
            || period
            || SHOWS.contains(&word)
        {
            return false;
        }
        k -= 1;
    }
    if k == name_end {
        return false;
    }
    if ["a", "an", "the"].iter().any(|a| tokens[k].is(a)) && k > 0 {
        k -= 1;
    }
    AIMS.iter().any(|aim| tokens[k].is(aim))
}

pub(crate) fn headline_cased(text: &str) -> bool {
    let text = text.trim_end();
    if text.ends_with(['!', '?']) || text.ends_with('.') && !ends_with_initials(text) {
        return false;
    }
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let capitalized = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 4 && capitalized * 4 >= words.len() * 3
}

/// "… Factory in U.S.": the last word is dotted initials, whose final
/// full stop ends no sentence of a headline.
pub(crate) fn ends_with_initials(text: &str) -> bool {
    let last = text.split_whitespace().next_back().unwrap_or("");
    let letters = last.split_terminator('.').collect::<Vec<_>>();
    last.ends_with('.')
        && letters.len() >= 2
        && letters
            .iter()
            .all(|l| l.chars().count() == 1 && l.chars().all(|c| c.is_uppercase()))
}

/// Tokens of `text`; whitespace is dropped.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        if c.is_alphanumeric() {
            while j < chars.len() {
                let d = chars[j].1;
                let joins = || {
                    let prev = chars[j - 1].1;
                    let next = chars.get(j + 1).map(|&(_, n)| n);
                    match d {
                        '-' => prev.is_alphanumeric() && next.is_some_and(char::is_alphanumeric),
                        // "Chang'an", "O’Neill": an apostrophe inside a
                        // name; "Acme's" and "don't" end at theirs.
                        '’' | '\''
                            if prev.is_alphabetic() && next.is_some_and(char::is_alphabetic) =>
                        {
                            !is_contraction(&chars[j + 1..])
                        }
                        // "430’000": the Swiss thousands mark.
                        '.' | ',' | '’' | '\'' => {
                            prev.is_ascii_digit()
                                && next.is_some_and(|n| n.is_ascii_digit())
                                && (d == '.'
                                    || thousands_group(&chars[j + 1..])
                                    || lakh_groups(&chars[..j], &chars[j + 1..]))
                        }
                        _ => false,
                    }
                };
                if d.is_alphanumeric() || joins() {
                    j += 1;
                } else {
                    break;
                }
            }
        }
        let j = month_glued_to_day(&chars[i..j]).map_or(j, |split| i + split);
        let end = chars.get(j).map_or(text.len(), |&(o, _)| o);
        tokens.push(Token {
            text: &text[start..end],
            start,
            end,
        });
        i = j;
    }
    tokens
}

/// Letters after an apostrophe that make it a possessive or a contraction
/// ("'s", "'t", "'ll").
fn is_contraction(after: &[(usize, char)]) -> bool {
    static ENDINGS: Words = word_list!("shared/contraction-endings.txt");
    let letters: String = after
        .iter()
        .map(|&(_, c)| c)
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    ENDINGS.contains(&letters.as_str())
}

/// "April10": a month's full name glued to its day, as a scrape that lost
/// the space between two markup elements writes it. Gives where the day
/// starts, so the month and the day are two tokens.
fn month_glued_to_day(word: &[(usize, char)]) -> Option<usize> {
    let split = word.iter().position(|&(_, c)| c.is_ascii_digit())?;
    let (letters, digits) = word.split_at(split);
    let month: String = letters.iter().map(|&(_, c)| c).collect();
    let day: String = digits.iter().map(|&(_, c)| c).collect();
    let capitalized = month.starts_with(|c: char| c.is_ascii_uppercase());
    let is_day = day.len() <= 2
        && day.chars().all(|c| c.is_ascii_digit())
        && day.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d));
    let month_name = split > 0 && crate::ingest::text::vocab::is_month_name(&month);
    (capitalized && is_day && month_name).then_some(split)
}

/// True when `start..end` lies inside an e-mail address or URL: names and
/// numbers there ("www.acme.co.kr", "kim2024@…") are not mentions.
pub(crate) fn in_address(text: &str, start: usize, end: usize) -> bool {
    // An address runs up to whitespace, brackets or quotes.
    let edge = |c: char| c.is_whitespace() || "()<>[]\"'".contains(c);
    // Step past the edge character by its own width: it may be multi-byte
    // (a no-break space), and `p + 1` would land inside it.
    let from = text[..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| edge(c))
        .map_or(0, |(p, c)| p + c.len_utf8());
    let to = text[end..].find(edge).map_or(text.len(), |p| end + p);
    let chunk = &text[from..to];
    chunk.contains('@') || chunk.contains("://") || chunk.contains("www.")
}

/// Exactly three digits follow, then no further digit: "400,000" but not
/// "5,6" or "2021,2022".
fn thousands_group(rest: &[(usize, char)]) -> bool {
    rest.len() >= 3
        && rest[..3].iter().all(|&(_, c)| c.is_ascii_digit())
        && rest.get(3).is_none_or(|&(_, c)| !c.is_ascii_digit())
}

/// Pairs of digits up to a last group of three: "2,53,046", "1,20,00,000"
/// (the Indian way of grouping, by lakhs and crores) but not "5,60" or
/// "2021,22".
fn lakh_groups(before: &[(usize, char)], rest: &[(usize, char)]) -> bool {
    // The group before the comma is one or two digits ("2,53,046"), not a
    // year ("2023,24,000").
    let group = before
        .iter()
        .rev()
        .take_while(|&&(_, c)| c.is_ascii_digit())
        .count();
    if group > 2 {
        return false;
    }
    let digit = |k: usize| rest.get(k).is_some_and(|&(_, c)| c.is_ascii_digit());
    let mut k = 0;
    while digit(k) && digit(k + 1) && rest.get(k + 2).is_some_and(|&(_, c)| c == ',') {
        k += 3;
        if thousands_group(&rest[k..]) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by `ingest::properties`: a no-break space before a mention
    /// made the address scan slice inside the character.
    #[test]
    fn regression_multibyte_space_before_a_mention() {
        let text = "\u{16b7d}\u{a0}!";
        let start = text.find('!').unwrap();
        assert!(!in_address(text, start, start + 1));
    }

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn keeps_hyphenated_words_and_numbers_whole() {
        assert_eq!(
            texts("Byung-Seon's 400,000 pyeong, 117.2 won (KRW)."),
            [
                "Byung-Seon",
                "'",
                "s",
                "400,000",
                "pyeong",
                ",",
                "117.2",
                "won",
                "(",
                "KRW",
                ")",
                "."
            ]
        );
        assert_eq!(
            texts("Wh/kg-class 2021, 2022"),
            ["Wh", "/", "kg-class", "2021", ",", "2022"]
        );
    }

    #[test]
    fn numbers_grouped_by_lakhs_are_one_token() {
        assert_eq!(texts("sold 3,41,207 cars"), ["sold", "3,41,207", "cars"]);
        assert_eq!(texts("Rs 1,20,00,000"), ["Rs", "1,20,00,000"]);
        // Pairs that end in no group of three are a list or a decimal comma.
        assert_eq!(
            texts("5,60 and 12,34,5"),
            ["5", ",", "60", "and", "12", ",", "34", ",", "5"]
        );
        // A year before the pairs is no lakh group.
        assert_eq!(texts("2023,24,000"), ["2023", ",", "24,000"]);
    }

    #[test]
    fn an_apostrophe_inside_a_name_joins_it_and_a_possessive_or_contraction_does_not() {
        assert_eq!(texts("Chang'an O’Neill"), ["Chang'an", "O’Neill"]);
        assert_eq!(
            texts("Acme’s don't we'll 'quoted'"),
            ["Acme", "’", "s", "don", "'", "t", "we", "'", "ll", "'", "quoted", "'"]
        );
    }

    #[test]
    fn parts_a_month_glued_to_its_day() {
        assert_eq!(
            texts("from April10 to 13, on June3."),
            ["from", "April", "10", "to", "13", ",", "on", "June", "3", "."]
        );
        // No day, no full month name, no capital: one word stays one token.
        assert_eq!(
            texts("April2024 Jan10 may10 March45 Mayday"),
            ["April2024", "Jan10", "may10", "March45", "Mayday"]
        );
    }

    #[test]
    fn a_title_cased_line_ending_in_initials_is_a_headline() {
        assert!(headline_cased(
            "Acme Opens First Large Cell Factory in U.S."
        ));
        assert!(!headline_cased(
            "Acme Opens First Large Cell Factory Today."
        ));
        assert!(!headline_cased(
            "Acme opened its first large cell factory in the U.S."
        ));
        assert!(ends_with_initials("in U.K.") && !ends_with_initials("in Korea."));
    }

    #[test]
    fn finds_addresses() {
        let text = "see www.acme.co.kr or lee@acme.kr, Acme(www.acme.kr)";
        let at = |w: &str| text.find(w).unwrap();
        assert!(in_address(text, at("acme.co"), at("acme.co") + 4));
        assert!(in_address(text, at("lee"), at("lee") + 3));
        assert!(!in_address(text, at("Acme"), at("Acme") + 4));
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "A\u{a0}€3 bn";
        for token in tokenize(text) {
            assert_eq!(&text[token.start..token.end], token.text);
        }
    }
}
