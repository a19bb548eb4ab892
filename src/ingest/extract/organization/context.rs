//! Extraction, organizations named without a head word: names the text
//! gives as organizations by their form or their place in the sentence.
//!
//! Takes a sentence's tokens with its registry hits and gives back token
//! ranges with a guessed kind: a legal form written before the name ("PT
//! Vale Indonesia"), a name in a list the text introduces as organizations
//! ("a joint venture between A and B", "companies including A, B and C"),
//! a name set in apposition to an organization noun ("Acme Cells, a
//! battery startup"), and a registry company followed by a code of capitals
//! ("EcoPro GEM", a subsidiary of "EcoPro").

use super::{continues_name, is_name_word, name_start_before};
use crate::content::front_matter::OrganizationKind;
use crate::ingest::extract::names::is_role_word;
use crate::ingest::gazetteer::{Gazetteer, Hit};
use crate::ingest::text::token::Token;
use crate::ingest::text::vocab::LEGAL_FORMS;
use crate::ingest::text::vocab::{is_news_agency, is_outlet_word};
use crate::ingest::text::words::{word_list, Words};

/// A token range `start..end` and the kind it suggests.
pub(super) type Range = (usize, usize, Option<OrganizationKind>);

static PREFIXES: Words = word_list!("extract/legal-form-prefixes.txt");
static LIST_CUES: Words = word_list!("extract/organization-list-cues.txt");
static NOUNS: Words = word_list!("extract/organization-nouns.txt");
static GENERIC_CODES: Words = word_list!("extract/generic-acronyms.txt");
static APPOSITION_ENDS: Words = word_list!("extract/apposition-ends.txt");
use crate::ingest::text::vocab::ORGANIZATION_DESCRIPTORS as DESCRIPTORS;
static ROLE_LINKERS: Words = word_list!("extract/person-organization-linkers.txt");
static CITING: Words = word_list!("extract/outlet-citing-verbs.txt");
static TRADES: Words = word_list!("extract/company-clause-verbs.txt");

/// Every range the patterns of this module find.
pub(super) fn candidates(tokens: &[Token<'_>], known: &[Hit], gazetteer: &Gazetteer) -> Vec<Range> {
    let mut found = prefixed(tokens);
    found.extend(listed(tokens));
    found.extend(listed_with_known(tokens, known));
    found.extend(round_leads(tokens));
    found.extend(apposed(tokens));
    found.extend(described(tokens));
    found.extend(cited_outlets(tokens));
    found.extend(trading(tokens));
    found.extend(subsidiaries(tokens, known, gazetteer));
    found.extend(venture_parties(tokens));
    found.extend(capacity_owners(tokens));
    // A place alone ("a joint venture between Korea and Japan") is no
    // organization, nor is a place's adjective before a generic code
    // ("Chinese EV makers").
    found.retain(|&(start, end, _)| {
        let generic = tokens[start..end]
            .iter()
            .rev()
            .take_while(|t| GENERIC_CODES.contains(&t.text))
            .count();
        let name = span_text(
            tokens,
            start,
            end - generic.min((end - start).saturating_sub(1)),
        );
        !gazetteer
            .find_places(&name)
            .iter()
            .any(|p| p.start == 0 && p.end == name.len())
    });
    found
}

/// The text of tokens `start..end` with single spaces where the sentence
/// has any space: enough to look the span up.
fn span_text(tokens: &[Token<'_>], start: usize, end: usize) -> String {
    let mut out = String::new();
    for (i, t) in tokens[start..end].iter().enumerate() {
        if i > 0 && tokens[start + i - 1].end < t.start {
            out.push(' ');
        }
        out.push_str(t.text);
    }
    out
}

/// "PT Industri Baterai Indonesia", "PJSC Norilsk Nickel".
fn prefixed(tokens: &[Token<'_>]) -> Vec<Range> {
    let mut found = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if PREFIXES.contains(&token.text) {
            let end = name_end(tokens, i + 1);
            if end > i + 1 {
                found.push((i, end, Some(OrganizationKind::Company)));
            }
        }
    }
    found
}

/// The end of a run of name words from `from`: capitalized words, "&"
/// between two of them, and the full stop of a legal form ("Co.").
fn name_end(tokens: &[Token<'_>], from: usize) -> usize {
    let mut end = from;
    while let Some(t) = tokens.get(end) {
        let inner_amp =
            t.text == "&" && end > from && tokens.get(end + 1).is_some_and(is_name_word);
        if continues_name(t) || inner_amp {
            end += 1;
        } else {
            break;
        }
    }
    if end > from
        && LEGAL_FORMS.contains(&tokens[end - 1].text)
        && tokens.get(end).is_some_and(|t| t.text == ".")
    {
        end += 1;
    }
    end
}

/// The names in a list after a cue: "partnering with France's Derichebourg
/// and Toyota Tsusho Co.", "companies including A, B and C".
fn listed(tokens: &[Token<'_>]) -> Vec<Range> {
    let mut found = Vec::new();
    for i in 0..tokens.len() {
        if let Some(len) = cue_at(tokens, i) {
            found.extend(list_items(tokens, i + len));
        }
    }
    found
}

/// "The round for the Ohio-based startup was led by A, B and C": after
/// a word of a funding round, the names after "led by" or "co-led by"
/// are its investors (the fixed cues of `organization-list-cues.txt`
/// need the round right before them).
fn round_leads(tokens: &[Token<'_>]) -> Vec<Range> {
    /// Words the round may stand before "led by".
    const ROUND_REACH: usize = 8;
    static ROUND_WORDS: Words = word_list!("extract/funding-round-words.txt");
    let mut found = Vec::new();
    for i in 0..tokens.len() {
        let round_before = tokens[i.saturating_sub(ROUND_REACH)..i]
            .iter()
            .any(|t| ROUND_WORDS.iter().any(|w| t.is(w)));
        let led = matches!(tokens[i].text, "led" | "co-led");
        if round_before && led && tokens.get(i + 1).is_some_and(|t| t.is("by")) {
            // "led by Professor Kim": a person leads, not an investor.
            let items = list_items(tokens, i + 2);
            found.extend(
                items
                    .into_iter()
                    .filter(|&(start, _, _)| !is_role_word(tokens[start].text)),
            );
        }
    }
    found
}

/// "… supplied by makers in Japan and China, including Asahi Kasei, SK IE
/// Technology and Shanghai Energy New Materials": a list after
/// "including" or "such as" that holds a registry organization lists
/// organizations, whatever noun stands before it.
fn listed_with_known(tokens: &[Token<'_>], known: &[Hit]) -> Vec<Range> {
    let is_known = |&(start, end, _): &Range| {
        known
            .iter()
            .any(|h| h.start == tokens[start].start && h.end == tokens[end - 1].end)
    };
    let mut found = Vec::new();
    for i in 0..tokens.len() {
        let len = if tokens[i].is("including") {
            1
        } else if tokens[i].is("such") && tokens.get(i + 1).is_some_and(|t| t.is("as")) {
            2
        } else {
            continue;
        };
        let items = list_items(tokens, i + len);
        if items.len() >= 2 && items.iter().any(is_known) {
            found.extend(items);
        }
    }
    found
}

/// The names listed from `at`: capitalized names joined by "," and "and",
/// each past an owner's country ("France's") or a base ("the
/// Jakarta-based").
fn list_items(tokens: &[Token<'_>], mut at: usize) -> Vec<Range> {
    let mut found = Vec::new();
    loop {
        at = skip_possessive_place(tokens, at);
        at = skip_base(tokens, at);
        let end = name_end(tokens, at);
        if end == at {
            break;
        }
        found.push((at, end, Some(OrganizationKind::Company)));
        match (tokens.get(end), tokens.get(end + 1)) {
            (Some(t), Some(u)) if t.text == "," && u.text == "and" => at = end + 2,
            (Some(t), _) if t.text == "," || t.text == "and" => at = end + 1,
            _ => break,
        }
    }
    found
}

/// "the Jakarta-based Auriga Nusantara": past "the" and the base.
fn skip_base(tokens: &[Token<'_>], at: usize) -> usize {
    let the = usize::from(tokens.get(at).is_some_and(|t| t.is("the")));
    let based = tokens
        .get(at + the)
        .is_some_and(|t| t.text.ends_with("-based") && t.is_capitalized());
    if based {
        at + the + 1
    } else if the == 1 && tokens.get(at + 1).is_some_and(Token::is_capitalized) {
        // "such as the Orla Investment Authority, Brix and …"
        at + 1
    } else {
        at
    }
}

/// "told The Daily Cell Times": a name's own "The" is a sentence opener
/// to the name words, so the name starts after it.
fn skip_capital_the(tokens: &[Token<'_>], at: usize) -> usize {
    let the = tokens.get(at).is_some_and(|t| t.text == "The")
        && tokens.get(at + 1).is_some_and(is_name_word);
    at + usize::from(the)
}

/// The number of tokens of a list cue starting at `at`, if one does.
fn cue_at(tokens: &[Token<'_>], at: usize) -> Option<usize> {
    LIST_CUES.iter().find_map(|cue| {
        // "tie-up" is one token; "joint venture" two.
        let words: Vec<&str> = cue.split(' ').collect();
        let matched = words
            .iter()
            .enumerate()
            .all(|(k, word)| tokens.get(at + k).is_some_and(|t| t.is(word)));
        // "groups, including", "institutions, such as": a comma after the
        // cue's first word.
        let comma = words.len() > 1
            && tokens.get(at).is_some_and(|t| t.is(words[0]))
            && tokens.get(at + 1).is_some_and(|t| t.text == ",")
            && words[1..]
                .iter()
                .enumerate()
                .all(|(k, word)| tokens.get(at + 2 + k).is_some_and(|t| t.is(word)));
        if matched {
            Some(words.len())
        } else {
            comma.then_some(words.len() + 1)
        }
    })
}

/// "France's Derichebourg": the owner's country before the name.
fn skip_possessive_place(tokens: &[Token<'_>], at: usize) -> usize {
    let possessive = tokens.get(at).is_some_and(is_name_word)
        && tokens
            .get(at + 1)
            .is_some_and(|t| matches!(t.text, "'" | "\u{2019}"))
        && tokens.get(at + 2).is_some_and(|t| t.text == "s");
    if possessive {
        at + 3
    } else {
        at
    }
}

/// "Posco-GS Eco Materials -- a joint venture …", "Volta Energy, the
/// battery arm of …": a name, a dash or comma, then "a"/"an"/"the" and a
/// short noun phrase ending in an organization noun.
fn apposed(tokens: &[Token<'_>]) -> Vec<Range> {
    let mut found = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if !matches!(token.text, "," | "-" | "\u{2014}" | "\u{2013}") {
            continue;
        }
        let mut article = i + 1;
        while tokens.get(article).is_some_and(|t| t.text == "-") {
            article += 1;
        }
        let opens = tokens
            .get(article)
            .is_some_and(|t| t.is("a") || t.is("an") || t.is("the"));
        if !opens || !noun_follows(tokens, article + 1) {
            continue;
        }
        // The dash of "--" is two tokens: the name ends before the first.
        if i > 0 && tokens[i - 1].text == "-" {
            continue;
        }
        let start = name_start_before(tokens, i, is_name_word);
        if let Some(start) = start {
            found.push((start, i, Some(OrganizationKind::Company)));
        }
    }
    found
}

/// "Chinese battery maker Zentrix Cells said": a noun of bodies right
/// before a run of name words, or before one set off by commas. The noun
/// is in lowercase, or opens the sentence ("Automaker Velmora Motors
/// said"), so it is no name's last word ("Ford Motor Company Chairman …").
fn described(tokens: &[Token<'_>]) -> Vec<Range> {
    static OUTLETS: Words = word_list!("extract/outlet-descriptors.txt");
    let kinds = (DESCRIPTORS.iter().map(|d| (d, OrganizationKind::Company)))
        .chain(OUTLETS.iter().map(|d| (d, OrganizationKind::Other)));
    let mut found = Vec::new();
    for (descriptor, kind) in kinds {
        let words: Vec<&str> = descriptor.split(' ').collect();
        for first in 0..tokens.len().saturating_sub(words.len()) {
            let matched = words
                .iter()
                .enumerate()
                .all(|(k, word)| tokens[first + k].is(word));
            let lowercase = tokens[first + words.len() - 1]
                .text
                .chars()
                .all(|c| !c.is_uppercase())
                || words.iter().all(|w| w.chars().any(char::is_uppercase))
                || first == 0;
            let mut start = first + words.len();
            if !matched || !lowercase {
                continue;
            }
            // "the joint venture company, Nexcharge, said", "another battery
            // company, Perth-based Acme Cells, will": the name set off by
            // commas on both sides.
            let set_off = tokens.get(start).is_some_and(|t| t.text == ",");
            // "the newspaper The Daily Cell Times": past a capitalized "The".
            start = if set_off {
                skip_base(tokens, start + 1)
            } else {
                skip_capital_the(tokens, start)
            };
            let end = name_end(tokens, start);
            let closed = !set_off || tokens.get(end).is_some_and(|t| t.text == ",");
            if end > start && closed {
                found.push((start, end, Some(kind)));
                // "Panasonic and automaker Subaru": the name joined before
                // is a party of the same kind.
                if first >= 2 && tokens[first - 1].is("and") {
                    let joined = name_start_before(tokens, first - 1, continues_name);
                    if let Some(joined) = joined {
                        found.push((joined, first - 1, Some(kind)));
                    }
                }
            }
        }
    }
    found
}

/// "Acme Cells and Singapore-based Bolt Metals have set up a joint
/// venture": the names joined before a verb that forms a joint venture are
/// its parties.
fn venture_parties(tokens: &[Token<'_>]) -> Vec<Range> {
    static VERBS: Words = word_list!("extract/venture-verbs.txt");
    static AUXILIARIES: Words = word_list!("extract/auxiliaries.txt");
    let mut found = Vec::new();
    for i in 2..tokens.len().saturating_sub(1) {
        let venture = tokens[i].is("joint") && tokens[i + 1].is("venture");
        if !venture || !(tokens[i - 1].is("a") || tokens[i - 1].is("an")) {
            continue;
        }
        let verb = VERBS.iter().find_map(|verb| {
            let words: Vec<&str> = verb.split(' ').collect();
            let first = (i - 1).checked_sub(words.len())?;
            words
                .iter()
                .enumerate()
                .all(|(k, w)| tokens[first + k].is(w))
                .then_some(first)
        });
        let Some(mut end) = verb else {
            continue;
        };
        if end > 0 && AUXILIARIES.iter().any(|w| tokens[end - 1].is(w)) {
            end -= 1;
        }
        // "In 2021 Acme …": a year before the first name is no part of it.
        let name_word =
            |t: &Token<'_>| continues_name(t) && !t.text.starts_with(|c: char| c.is_ascii_digit());
        while let Some(start) = name_start_before(tokens, end, name_word) {
            found.push((start, end, Some(OrganizationKind::Company)));
            // "A, B and C": past "and", ", and" or a comma to the name before.
            let mut joint = start;
            if joint > 0 && tokens[joint - 1].is("and") {
                joint -= 1;
            }
            if joint > 0 && tokens[joint - 1].text == "," {
                joint -= 1;
            }
            if joint == start {
                break;
            }
            end = joint;
        }
    }
    found
}

/// "Akaysha Energy's 415 MW/1,660 MWh Orana battery": a name of two words
/// or more whose possessive owns a power or energy capacity owns the
/// plant, so it is a company (a place is dropped by the caller).
fn capacity_owners(tokens: &[Token<'_>]) -> Vec<Range> {
    static UNITS: Words = word_list!("extract/capacity-units.txt");
    let mut found = Vec::new();
    for i in 1..tokens.len().saturating_sub(4) {
        let possessive = matches!(tokens[i].text, "'" | "\u{2019}") && tokens[i + 1].text == "s";
        let capacity = tokens[i + 2]
            .text
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
            && UNITS.iter().any(|u| tokens[i + 3].text.starts_with(u));
        if !possessive || !capacity {
            continue;
        }
        if let Some(start) = name_start_before(tokens, i, continues_name).filter(|&s| i - s >= 2) {
            found.push((start, i, Some(OrganizationKind::Company)));
        }
    }
    found
}

/// "Zentrix Power, which makes LFP cells, said": a name, a comma, "which"
/// and a verb of a company's trade.
fn trading(tokens: &[Token<'_>]) -> Vec<Range> {
    let mut found = Vec::new();
    for comma in 1..tokens.len().saturating_sub(2) {
        let clause = tokens[comma].text == ","
            && tokens[comma + 1].is("which")
            && TRADES.iter().any(|v| tokens[comma + 2].is(v));
        if !clause {
            continue;
        }
        let start = name_start_before(tokens, comma, continues_name);
        if let Some(start) = start {
            found.push((start, comma, Some(OrganizationKind::Company)));
        }
    }
    found
}

/// "the Korea Herald reported", "according to the Daily Cell Times",
/// "told Reuters": a news outlet the story cites as a source (a name
/// ending like an outlet's, or a wire's one-word name), also named after a
/// comma and the verb at the clause's end ("…, reports Reuters."); any
/// other name there may be a person's or a company's ("…, reports Kwon.").
fn cited_outlets(tokens: &[Token<'_>]) -> Vec<Range> {
    let mut found = Vec::new();
    let mut start = 0;
    while start < tokens.len() {
        let end = name_end(tokens, start);
        if end == start {
            start += 1;
            continue;
        }
        let last = tokens[end - 1].text;
        let outlet =
            end - start >= 2 && is_outlet_word(last) || end - start == 1 && is_news_agency(last);
        // "told The Daily Cell Times": the name's own "The" stands before it.
        let opening = start - usize::from(start > 0 && tokens[start - 1].text == "The");
        let before = |k: usize, word: &str| opening >= k && tokens[opening - k].is(word);
        let citing = |at: usize| {
            tokens
                .get(at)
                .is_some_and(|t| CITING.iter().any(|v| t.is(v)))
        };
        // "the Daily Cell Times recently reported": an adverb between.
        let adverb = tokens.get(end).is_some_and(|t| t.text.ends_with("ly"));
        let cited = citing(end)
            || adverb && citing(end + 1)
            || (before(2, "according") && before(1, "to"))
            || (before(3, "according") && before(2, "to") && before(1, "the"))
            || before(1, "told");
        let inverted = start >= 2
            && citing(start - 1)
            && tokens[start - 2].text == ","
            && tokens
                .get(end)
                .is_none_or(|t| matches!(t.text, "." | "," | ";"));
        if outlet && (cited || inverted) {
            found.push((start, end, Some(OrganizationKind::Other)));
        }
        start = end;
    }
    found
}

/// An organization noun ends a noun phrase of at most six words: "a
/// joint venture between", "the battery arm of", "a startup." ("the
/// company's founder" and "a spokesman for the company" are a person's
/// apposition: a role linked to the organization comes first).
fn noun_follows(tokens: &[Token<'_>], from: usize) -> bool {
    let words = tokens[from.min(tokens.len())..]
        .iter()
        .take_while(|t| t.is_word())
        .take(6)
        .count();
    let person_role = |k: usize| {
        is_role_word(tokens[k].text)
            && tokens
                .get(k + 1)
                .is_some_and(|next| ROLE_LINKERS.iter().any(|l| next.is(l)))
    };
    (from..from + words)
        .take_while(|&k| !person_role(k))
        .any(|k| {
            let one = tokens[k].text.to_lowercase();
            let two = tokens
                .get(k + 1)
                .map(|u| format!("{one} {}", u.text.to_lowercase()));
            let (noun_end, is_noun) = match two {
                Some(two) if NOUNS.contains(&two.as_str()) => (k + 2, true),
                _ => (k + 1, NOUNS.contains(&one.as_str())),
            };
            is_noun && tokens.get(noun_end).is_none_or(ends_noun_phrase)
        })
}

/// What may follow the head noun of an apposition.
fn ends_noun_phrase(token: &Token<'_>) -> bool {
    APPOSITION_ENDS.contains(&token.text)
}

/// "EcoPro GEM": a registry company directly followed by a code of
/// capitals that is no common abbreviation names a company of its group.
fn subsidiaries(tokens: &[Token<'_>], known: &[Hit], gazetteer: &Gazetteer) -> Vec<Range> {
    let mut found = Vec::new();
    for hit in known {
        let company = gazetteer.organizations()[hit.entity].front.kind
            == crate::content::front_matter::OrganizationKind::Company;
        let Some(first) = tokens.iter().position(|t| t.start == hit.start) else {
            continue;
        };
        let Some(last) = tokens.iter().position(|t| t.end == hit.end) else {
            continue;
        };
        let Some(code) = tokens.get(last + 1) else {
            continue;
        };
        let letters = code.text.chars().filter(|c| c.is_alphabetic()).count();
        let capitals = code
            .text
            .chars()
            .all(|c| c.is_ascii_uppercase() || c == '&');
        let shaped = (2..=5).contains(&letters) && capitals && code.start > hit.end;
        if company && shaped && !GENERIC_CODES.contains(&code.text) {
            found.push((first, last + 2, Some(OrganizationKind::Company)));
        } else if let Some(end) = company
            .then(|| regional_end(tokens, last + 1, gazetteer))
            .flatten()
        {
            // "president of Kia Europe": a unit named in a role, not a
            // body of the story (the gold rules keep it in the role).
            let in_role = first >= 2
                && tokens[first - 1].is("of")
                && crate::ingest::extract::names::is_role_word(tokens[first - 2].text);
            if !in_role {
                found.push((first, end, Some(OrganizationKind::Company)));
            }
        }
    }
    found
}

/// "Toyota Motor North America", "Acme Cells Europe": a registry company
/// followed by the name of a country or a region is its subsidiary there,
/// another body. A city after the name is where a plant stands ("Acme
/// Cells Ochang plant"), and a possessive ("Acme Korea's") is read no
/// further. Gives the token after the place.
fn regional_end(tokens: &[Token<'_>], from: usize, gazetteer: &Gazetteer) -> Option<usize> {
    use crate::content::front_matter::PlaceKind;
    let first = tokens.get(from).filter(|t| t.is_capitalized())?;
    let end = name_end(tokens, from);
    let rest = span_text(tokens, from, end);
    let place = gazetteer
        .find_places(&rest)
        .into_iter()
        .find(|p| p.start == 0 && !gazetteer.is_demonym(p))?;
    let kind = gazetteer.places()[place.entity].front.kind;
    let last = (from..end).find(|&k| tokens[k].end - first.start == place.end)?;
    let possessive = tokens
        .get(last + 1)
        .is_some_and(|t| t.text.starts_with(['\'', '’']));
    let joined = first.start > tokens[from - 1].end;
    (matches!(kind, PlaceKind::Country | PlaceKind::Region) && !possessive && joined)
        .then_some(last + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text::token::tokenize;

    fn names(found: Vec<Range>, text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        found
            .into_iter()
            .map(|(s, e, _)| text[tokens[s].start..tokens[e - 1].end].to_string())
            .collect()
    }

    #[test]
    fn a_legal_form_before_the_name() {
        let text = "with PT Nusantara Sel Baterai, a venture, at 10 a.m. PT Monday";
        assert_eq!(
            names(prefixed(&tokenize(text)), text),
            ["PT Nusantara Sel Baterai"]
        );
    }

    #[test]
    fn names_listed_after_a_cue() {
        let text = "a joint venture between Orla Holdings and Brix Energy, owned 51:49";
        assert_eq!(
            names(listed(&tokenize(text)), text),
            ["Orla Holdings", "Brix Energy"]
        );
        let text = "partnering with Spain's Velmora and Kanto Denki Co., respectively";
        assert_eq!(
            names(listed(&tokenize(text)), text),
            ["Velmora", "Kanto Denki Co."]
        );
        let text = "companies including Arvo Motor Co., Brel Corp., Cindra and Dax Cells in Java";
        assert_eq!(
            names(listed(&tokenize(text)), text),
            ["Arvo Motor Co.", "Brel Corp.", "Cindra", "Dax Cells"]
        );
        let text = "a joint venture of state-owned energy companies";
        assert!(listed(&tokenize(text)).is_empty());
    }

    #[test]
    fn the_investors_a_transaction_names() {
        let text = "a PIPE transaction from investors Orla Strategic Platforms, Brix Energy Limited and Kestrel Berman";
        assert_eq!(
            names(listed(&tokenize(text)), text),
            [
                "Orla Strategic Platforms",
                "Brix Energy Limited",
                "Kestrel Berman"
            ]
        );
    }

    #[test]
    fn the_leads_of_a_funding_round() {
        let text = "The round for the Ohio-based startup was led by Orla Capital, Brix Partners, and Kestrel Ventures.";
        assert_eq!(
            names(round_leads(&tokenize(text)), text),
            ["Orla Capital", "Brix Partners", "Kestrel Ventures"]
        );
        // A round far from "led by", or no round: a leader, not an investor.
        let text = "The project, which raised concerns among residents, is led by Dana Roe.";
        assert!(round_leads(&tokenize(text)).is_empty());
        let text = "The delegation was led by Orla Capital chief Ana Ruiz.";
        assert!(round_leads(&tokenize(text)).is_empty());
        // A person leading after a round word is no investor.
        let text = "After the funding round, the team was led by Professor Kim Min-su.";
        assert!(round_leads(&tokenize(text)).is_empty());
    }

    #[test]
    fn a_list_after_a_plural_noun_a_comma_and_such_as() {
        let text = "backed by major institutions, such as the Orla Investment Authority, Brix and Canada's Kestrel.";
        assert_eq!(
            names(listed(&tokenize(text)), text),
            ["Orla Investment Authority", "Brix", "Kestrel"]
        );
    }

    #[test]
    fn a_cue_with_a_comma_and_a_named_base() {
        let text = "Critics, including the Busan-based Green Haneul, objected.";
        assert!(listed(&tokenize(text)).is_empty());
        let text = "Environmental groups, including the Busan-based Green Haneul, objected.";
        assert_eq!(names(listed(&tokenize(text)), text), ["Green Haneul"]);
    }

    #[test]
    fn a_list_holding_a_registry_organization() {
        let text = "made in Japan and Korea, including Acme Energy, Orla Films and Brix Cells.";
        let tokens = tokenize(text);
        let start = text.find("Acme").unwrap();
        let acme = Hit {
            start,
            end: start + "Acme Energy".len(),
            entity: 0,
            pattern: 0,
        };
        assert_eq!(
            names(listed_with_known(&tokens, &[acme]), text),
            ["Acme Energy", "Orla Films", "Brix Cells"]
        );
        // Without a known organization among them, the names could be
        // anything ("including Seoul and Busan").
        assert!(listed_with_known(&tokens, &[]).is_empty());
    }

    #[test]
    fn a_name_in_apposition_to_an_organization_noun() {
        let text = "Going further, Orla Brix Materials -- a joint venture between them -- grew.";
        assert_eq!(
            names(apposed(&tokenize(text)), text),
            ["Orla Brix Materials"]
        );
        let text = "Nordvolt Cells, the battery arm of a group, said";
        assert_eq!(names(apposed(&tokenize(text)), text), ["Nordvolt Cells"]);
        let text = "Seoul, the capital, and Busan, a port city, said";
        assert!(apposed(&tokenize(text)).is_empty());
        // A person's role comes first: the noun is their employer.
        for text in [
            "Dana Orlov, a spokesperson for the company, said",
            "Dana Orlov, the chief executive of the firm, said",
            "Dana Orlov, a researcher at the startup, said",
        ] {
            assert!(apposed(&tokenize(text)).is_empty(), "{text}");
        }
        let text = "Nordvolt Labs, the research arm of the group, said";
        assert_eq!(names(apposed(&tokenize(text)), text), ["Nordvolt Labs"]);
        let text = "Deepvolt, an electric truck startup backed by Orla, said";
        assert_eq!(names(apposed(&tokenize(text)), text), ["Deepvolt"]);
    }

    #[test]
    fn a_name_whose_clause_tells_its_trade() {
        let text = "Zentrix Power, which makes LFP cells, said";
        assert_eq!(names(trading(&tokenize(text)), text), ["Zentrix Power"]);
        for text in [
            "Ulsan, which produces cars, said",
            "the plant, which makes cells, opened",
        ] {
            assert!(trading(&tokenize(text)).is_empty(), "{text}");
        }
    }

    #[test]
    fn an_outlet_the_story_cites() {
        for (text, name) in [
            (
                "as the Daily Cell Herald reported on June 20",
                "Daily Cell Herald",
            ),
            (
                "according to the Seoul Cell Times, sales rose",
                "Seoul Cell Times",
            ),
            ("a spokesman told Reuters on Monday", "Reuters"),
            (
                "the chief told The Daily Cell Times that",
                "Daily Cell Times",
            ),
            (
                "the Daily Cell Times recently reported that",
                "Daily Cell Times",
            ),
            ("the court upheld the permits, reports Reuters.", "Reuters"),
        ] {
            assert_eq!(
                names(cited_outlets(&tokenize(text)), text),
                [name],
                "{text}"
            );
        }
        for text in [
            "the Campus News section",
            "Good News said nothing",
            "as Acme reported",
            // A person's or a company's name, or more of the clause after
            // the name.
            "the court ruled, reports Kwon.",
            "revenue rose 12 percent, reports Velmora.",
            "the court ruled, reports Hirlapo on its site that",
        ] {
            assert!(cited_outlets(&tokenize(text)).is_empty(), "{text}");
        }
    }

    #[test]
    fn the_parties_named_before_forming_a_joint_venture() {
        let text = "Chinese cathode maker Acme Advanced Material and Singapore-based \
                    Bolt International have set up a joint venture in Indonesia.";
        let tokens = tokenize(text);
        assert_eq!(
            names(venture_parties(&tokens), text),
            [
                "Singapore-based Bolt International",
                "Acme Advanced Material"
            ]
        );
        let text = "The firm plans to form a joint venture.";
        assert!(venture_parties(&tokenize(text)).is_empty());
        let text = "In 2021 Acme Cells, Bolt Metals and Chem Corp formed a joint venture.";
        assert_eq!(
            names(venture_parties(&tokenize(text)), text),
            ["Chem Corp", "Bolt Metals", "Acme Cells"]
        );
    }

    #[test]
    fn the_owner_of_a_plants_capacity() {
        let text = "• Acme Power\u{2019}s 415 MW/1,660 MWh Orana battery, and Korea\u{2019}s 30 GW";
        assert_eq!(
            names(capacity_owners(&tokenize(text)), text),
            ["Acme Power"]
        );
        let text = "Bolt's 20 MW plant";
        assert!(capacity_owners(&tokenize(text)).is_empty());
    }

    #[test]
    fn a_name_after_a_noun_that_describes_it() {
        for (text, name) in [
            ("Chinese battery maker Zentrix Cells said", "Zentrix Cells"),
            ("said U.S. startup Quillion Energy on", "Quillion Energy"),
            ("Automaker Velmora Motors Co. said", "Velmora Motors Co."),
            ("as EV maker Arvo announced", "Arvo"),
            ("a report by media outlet Vennor on Monday", "Vennor"),
            ("including renewable power developer Kestra and", "Kestra"),
            ("with chemical trader Naruse on", "Naruse"),
            (
                "said the consultancy Kestrel Advisors in",
                "Kestrel Advisors",
            ),
            (
                "the joint venture company, Daon Charge, said",
                "Daon Charge",
            ),
            (
                "another battery company, Perth-based Acme Cells, will",
                "Acme Cells",
            ),
        ] {
            assert_eq!(names(described(&tokenize(text)), text), [name], "{text}");
        }
        let text = "Zentrix Cells and automaker Velmora said";
        assert_eq!(
            names(described(&tokenize(text)), text),
            ["Velmora", "Zentrix Cells"]
        );
        for text in [
            "Velmora Motor Company Chairman Dana Orlov said",
            "the company Monday said",
            "the company's Chief Executive",
            "policy maker Dana Orlov said",
            "the firm CEO Dana Orlov said",
            "the company, Monday said",
            "like any company, Acme Cells said",
        ] {
            assert!(described(&tokenize(text)).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_news_outlet_after_a_noun_of_media() {
        for (text, name) in [
            (
                "interviewed by the economic publication Orlan Biznes ahead of",
                "Orlan Biznes",
            ),
            (
                "told the local paper, the Kestrel Advertiser, that",
                "Kestrel Advertiser",
            ),
            (
                "told the English language newspaper The Daily Cell Times the firm",
                "Daily Cell Times",
            ),
        ] {
            let found = described(&tokenize(text));
            assert_eq!(names(found.clone(), text), [name], "{text}");
            // A medium, no company.
            assert_eq!(found[0].2, Some(OrganizationKind::Other), "{text}");
        }
        for text in [
            "the newspaper The",
            "The daily Lithium Price Index rose",
            "The paper Velmora Motors filed with regulators",
            "Since its publication Velmora Cells has revised",
        ] {
            assert!(
                described(&tokenize(text))
                    .iter()
                    .all(|found| found.2 != Some(OrganizationKind::Other)),
                "{text}"
            );
        }
    }
}
