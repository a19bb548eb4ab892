//! Events, titles, phrases: the pieces a headline clause is rebuilt from.
//!
//! Takes text around a title's clause and gives back: the noun phrase a
//! relative clause refers to ("a new factory in Debrecen, Hungary, which
//! is due …" → "a new factory in Debrecen, Hungary"), a full name replaced
//! by the acronym the text defines for it when a title runs long, and
//! whether a word only modifies the noun after it (so a title never ends on
//! it: "the first government-funded").

use crate::ingest::text::words::{word_list, Words};

/// Words that open a noun phrase.
use crate::ingest::text::vocab::DETERMINERS;

/// The noun phrase at the end of `before` that a relative clause after it
/// refers to: from its last determiner, or its closing run of capitalized
/// words ("Hyundai Motor Company"). `None` when neither is near the end.
pub(super) fn antecedent(before: &str) -> Option<String> {
    let words: Vec<&str> = before.split_whitespace().collect();
    let mut run = words.len();
    while run > 0 && words[run - 1].starts_with(char::is_uppercase) {
        run -= 1;
    }
    // A name after a place preposition ("a plant in Lyon, France") belongs
    // to the phrase before; after a verb ("go to Blue Horizon") it is one.
    static PLACE: Words = word_list!("extract/event-title-place-prepositions.txt");
    let placed = run > 0 && PLACE.contains(&words[run - 1]);
    let determiner = (0..words.len())
        .rev()
        .take(8)
        .find(|&k| DETERMINERS.contains(&words[k].to_lowercase().as_str()));
    let from = match determiner {
        Some(k) if placed || run == words.len() => k,
        _ if run < words.len() && words.len() - run <= 5 => run,
        _ => determiner?,
    };
    Some(words[from..].join(" ").trim_end_matches(',').to_string())
}

/// A relative clause with its own verb next ("which is due to …", "who
/// led …"), not one whose subject follows ("which it sold …").
pub(super) fn relative_body(clause: &str) -> Option<&str> {
    let clause = clause.trim_start();
    let rest = ["which ", "who ", "that "]
        .iter()
        .find_map(|r| clause.strip_prefix(r))?;
    let next = rest.split_whitespace().next()?.to_lowercase();
    static OWN_SUBJECT: Words = word_list!("extract/event-title-relative-subjects.txt");
    (!OWN_SUBJECT.contains(&next.as_str())).then_some(rest)
}

/// "due to start …", "set to open …": an adjective clause that reads as a
/// predicate once given "is".
pub(super) fn needs_copula(clause: &str) -> bool {
    let mut words = clause.split_whitespace();
    let first = words.next().unwrap_or("");
    static PREDICATIVE: Words = word_list!("extract/event-title-predicatives.txt");
    PREDICATIVE.contains(&first) && words.next() == Some("to")
}

/// "Full Name (ACRONYM) …" → "ACRONYM …", with the article before the
/// name, when the text defines an acronym; the text unchanged otherwise.
pub(super) fn use_acronyms(text: &str) -> String {
    let mut out = text.to_string();
    while let Some(shorter) = one_acronym(&out) {
        out = shorter;
    }
    out
}

fn one_acronym(text: &str) -> Option<String> {
    let mut search = 0;
    while let Some(open) = text[search..].find(" (").map(|i| search + i) {
        search = open + 2;
        let close = open + 2 + text[open + 2..].find(')')?;
        // "(KRICT, President Lee)": the acronym comes first in the aside.
        let aside = &text[open + 2..close];
        let acronym = aside.split([',', ';']).next().unwrap_or(aside);
        let is_acronym = (2..=8).contains(&acronym.len())
            && acronym.chars().all(|c| c.is_ascii_uppercase() || c == '&')
            && acronym.chars().filter(char::is_ascii_uppercase).count() >= 2;
        if !is_acronym {
            continue;
        }
        let Some(start) = name_start(&text[..open], acronym) else {
            continue;
        };
        return Some(format!("{}{acronym}{}", &text[..start], &text[close + 1..]));
    }
    None
}

/// Byte where the full name ending at `before`'s end starts: the longest
/// run of capitalized words and connectors whose initials spell the
/// acronym in order ("Ministry of Trade, Industry and Energy" for MOTIE),
/// with a "the" before it taken along.
fn name_start(before: &str, acronym: &str) -> Option<usize> {
    static CONNECTORS: Words = word_list!("extract/acronym-name-connectors.txt");
    let mut words = Vec::new();
    let mut end = before.len();
    loop {
        let at = before[..end].rfind(' ').map_or(0, |p| p + 1);
        let word = &before[at..end];
        let capital = word.chars().next().filter(char::is_ascii_uppercase);
        match capital {
            Some(c) => words.push((at, c)),
            None if CONNECTORS.contains(&word) => {}
            None => break,
        }
        if at == 0 {
            break;
        }
        end = at - 1;
    }
    // Words were gathered from the end back; try the farthest start first.
    let from = (0..words.len()).rev().find(|&k| {
        let initials: String = words[..=k].iter().rev().map(|&(_, c)| c).collect();
        initials.starts_with(acronym.chars().next().unwrap_or(' '))
            && is_subsequence(&initials, acronym)
    })?;
    let from = words[from].0;
    let head = &before[..from];
    let article = head.strip_suffix("the ").or(head.strip_suffix("The "));
    Some(article.map_or(from, str::len))
}

fn is_subsequence(short: &str, long: &str) -> bool {
    let mut letters = long.chars();
    short.chars().all(|c| letters.any(|l| l == c))
}

/// A word that only modifies the noun after it: ordinals and superlatives
/// ("first", "largest"), compounds of a participle ("government-funded",
/// "Nevada-based") and a few common adjectives.
pub(super) fn is_modifier_word(word: &str) -> bool {
    static ADJECTIVES: Words = word_list!("extract/event-title-adjectives.txt");
    let word = word.trim_end_matches([',', ';', ':']).to_lowercase();
    let compound = word
        .rsplit_once('-')
        .is_some_and(|(_, tail)| tail.ends_with("ed") || tail == "based" || tail == "led");
    ADJECTIVES.contains(&word.as_str()) || compound
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn antecedents_of_relative_clauses() {
        assert_eq!(
            antecedent("Acme makes cells at its plant in Ulm and at a new site in Lyon, France")
                .as_deref(),
            Some("a new site in Lyon, France")
        );
        assert_eq!(
            antecedent("The cells go to Blue Horizon Motors").as_deref(),
            Some("Blue Horizon Motors")
        );
        assert_eq!(
            relative_body("which is due to open"),
            Some("is due to open")
        );
        assert_eq!(relative_body("which it sold"), None);
    }

    #[test]
    fn acronyms_replace_their_full_names() {
        assert_eq!(
            use_acronyms("The Northern Battery Research Institute (NBRI) was founded as a lab"),
            "NBRI was founded as a lab"
        );
        assert_eq!(
            use_acronyms("Cells from the Acme Group (AG) and Blue Cells (BC) ship"),
            "Cells from AG and BC ship"
        );
        assert_eq!(
            use_acronyms("A 5 GWh (gigawatt-hour) line (2025)"),
            "A 5 GWh (gigawatt-hour) line (2025)"
        );
    }

    #[test]
    fn modifiers_are_not_heads() {
        for word in ["first", "government-funded", "Nevada-based", "largest"] {
            assert!(is_modifier_word(word), "{word}");
        }
        for word in ["institute", "forest", "plant", "Midwest"] {
            assert!(!is_modifier_word(word), "{word}");
        }
    }
}
