//! Extraction, organizations: the items of a Korean list closed by 등
//! ("A, B, C 등"), when the list shows it names organizations: a noun such
//! as 기업 follows it ("… 등 선도기업을"), or two of its items are
//! organizations the registry knows ("LG화학과 에코프로비엠, 파워로직스 등").
//! Korean news lists companies so, each by its brand alone, with no legal
//! form or kind word to tell them by.

use super::korean::only_generic_words;
use crate::content::front_matter::OrganizationKind;
use crate::ingest::text::hangul::{hangul_run, is_hangul, is_particle, strip_particle};
use crate::ingest::text::words::{word_list, Pairs, Words};

/// Nouns after 등 that say what a list holds, with its items' kind.
static LIST_NOUNS: Pairs = word_list!(pairs "korean/list-nouns.txt");
/// Words before a comma that open a clause, not a list.
static CONNECTIVES: Words = word_list!("korean/connectives.txt");
static PEOPLE_NOUNS: Words = word_list!("korean/people-nouns.txt");
/// Endings of a verb that joins its clause to the next.
static CLAUSE_ENDINGS: Words = word_list!("korean/clause-endings.txt");

/// Letters in an item: a brand is short, a phrase is no item.
const ITEM_CHARS: std::ops::RangeInclusive<usize> = 2..=12;

/// Known items a list needs, without a noun after it, for its other items
/// to be taken for organizations too.
const KNOWN_ITEMS: usize = 2;

/// Byte spans of the items of each list closed by 등 in `text` that are
/// organizations by the list's evidence, with their kind; items among
/// `known` (registry hits) or `places` are left out.
pub(super) fn items(
    text: &str,
    known: &[(usize, usize)],
    places: &[(usize, usize)],
) -> Vec<(usize, usize, Option<OrganizationKind>)> {
    let overlaps = |spans: &[(usize, usize)], (start, end): (usize, usize)| {
        spans.iter().any(|&(s, e)| s < end && start < e)
    };
    let mut found = Vec::new();
    for (at, _) in text.match_indices(" 등") {
        let after = &text[at + " 등".len()..];
        // 등 is a word of its own here ("등급" is not), a particle glued
        // on at most.
        if !is_particle(hangul_run(after)) {
            continue;
        }
        let list = list_before(text, at);
        // "소재, 부품, 장비 등 중소기업": a list mostly of lines of business
        // names fields, not brands; among brands such a word is left out.
        let generic = |&(s, e): &(usize, usize)| only_generic_words(&text[s..e]);
        let fields = list.iter().filter(|span| generic(span)).count();
        if list.len() < 2 || 2 * fields >= list.len() {
            continue;
        }
        // "정부 관계자와 가온전지, 나래셀 등": people among the bodies.
        let people = |&(s, e): &(usize, usize)| PEOPLE_NOUNS.contains(&&text[s..e]);
        let list: Vec<(usize, usize)> = list
            .into_iter()
            .filter(|span| !generic(span) && !people(span))
            .collect();
        let named = list.iter().filter(|&&span| overlaps(known, span)).count();
        let kind = match noun_after(after) {
            Some(kind) => kind,
            None if named >= KNOWN_ITEMS => Some(OrganizationKind::Company),
            None => continue,
        };
        found.extend(
            list.into_iter()
                .filter(|&span| !overlaps(known, span) && !overlaps(places, span))
                .map(|(start, end)| (start, end, kind)),
        );
    }
    found
}

/// The items of the list that ends at byte `end` of `text`, last first:
/// words joined by a comma or by 과/와 ("LG화학과 에코프로비엠, 파워로직스"),
/// each without a bracket after it ("아모그린텍(산업계)"). A list of
/// categories joined by "·" has no items here.
fn list_before(text: &str, end: usize) -> Vec<(usize, usize)> {
    let mut items = Vec::new();
    let mut rest = &text[..end];
    let mut first = true;
    loop {
        let start = rest.rfind(' ').map_or(0, |space| space + 1);
        let word = &rest[start..];
        let item = if first {
            Some(word)
        } else {
            word.strip_suffix(',').or_else(|| {
                ["과", "와"]
                    .iter()
                    .find_map(|joiner| word.strip_suffix(joiner))
            })
        };
        let Some(item) = item.map(without_bracket) else {
            break;
        };
        if !is_item(item) {
            break;
        }
        items.push((start, start + item.len()));
        first = false;
        if start == 0 {
            break;
        }
        rest = &rest[..start - 1];
    }
    items
}

/// `word` without a bracketed note after it.
fn without_bracket(word: &str) -> &str {
    match word.find('(') {
        Some(open) if word.ends_with(')') => &word[..open],
        _ => word,
    }
}

/// A brand: a short word of letters and digits (Hangul or Latin, "GS건설",
/// "LG에너지솔루션"), with some Hangul or capitals; not a category list, a
/// clause's opening word ("특히,"), a verb ending one ("운영하며,"), a count
/// ("3사와") or a kind of body ("회사,").
fn is_item(item: &str) -> bool {
    ITEM_CHARS.contains(&item.chars().count())
        && !item.starts_with(|c: char| c.is_ascii_digit())
        && !CONNECTIVES.contains(&item)
        && !CLAUSE_ENDINGS.iter().any(|ending| item.ends_with(ending))
        && !LIST_NOUNS.iter().any(|(noun, _)| item.ends_with(noun))
        && item.chars().all(|c| c.is_alphanumeric() || c == '&')
        && item.chars().any(|c| is_hangul(c) || c.is_ascii_uppercase())
}

/// The kind a noun right after 등 gives the list's items ("선도기업을",
/// "3개 기업"), a count before it allowed; `None` when no such noun follows.
fn noun_after(after: &str) -> Option<Option<OrganizationKind>> {
    let mut words = after
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', '.']));
    let mut word = words.next()?;
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        word = words.next()?;
    }
    let noun = strip_particle(word);
    LIST_NOUNS
        .iter()
        .find(|(ending, _)| noun.ends_with(ending))
        .map(|(_, kind)| OrganizationKind::from_word(kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names<'t>(text: &'t str, known: &[&str], places: &[&str]) -> Vec<&'t str> {
        let spans = |words: &[&str]| -> Vec<(usize, usize)> {
            words
                .iter()
                .map(|w| {
                    let at = text.find(w).expect("word in text");
                    (at, at + w.len())
                })
                .collect()
        };
        let mut found: Vec<&str> = items(text, &spans(known), &spans(places))
            .into_iter()
            .map(|(s, e, _)| &text[s..e])
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn a_list_followed_by_a_noun_for_companies() {
        let text = "시에는 가람전지, 누리텍, 다온GS건설 등 선도기업을 비롯해 해솔 등 기업 투자가 잇따른다.";
        assert_eq!(names(text, &[], &[]), ["가람전지", "누리텍", "다온GS건설"]);
        let text = "기관은 라온셀(산업계), 한빛대학교(학계) 등이다.";
        assert!(names(text, &[], &[]).is_empty(), "no noun, nothing known");
    }

    #[test]
    fn a_list_with_two_known_organizations() {
        let text = "도는 한빛화학과 누리소재, 가람텍, 다온반도체 등이 있는 단지를 키운다.";
        assert_eq!(
            names(text, &["한빛화학", "누리소재"], &[]),
            ["가람텍", "다온반도체"]
        );
        assert!(names(text, &["한빛화학"], &[]).is_empty(), "one known item");
    }

    #[test]
    fn places_categories_and_phrases_are_no_items() {
        let text = "청주, 포항, 한빛화학, 누리소재 등 기업이 있다.";
        assert_eq!(
            names(text, &["한빛화학", "누리소재"], &["청주", "포항"]),
            Vec::<&str>::new()
        );
        // Categories joined by "·", and a list word that is a phrase.
        assert!(names("반도체·배터리 등 기업", &[], &[]).is_empty());
        assert_eq!(
            names("아주 큰 회사, 누리텍, 가람텍 등 기업", &[], &[]),
            ["가람텍", "누리텍"]
        );
        assert_eq!(
            names("특히, 누리텍, 가람텍 등 기업", &[], &[]),
            ["가람텍", "누리텍"]
        );
        // Lines of business are no brands, nor are the items beside them.
        assert!(names("국내 소재, 부품, 장비 등 중소·중견기업의 역량", &[], &[]).is_empty());
        assert!(names("반도체, 디스플레이, 가람텍 등 기업", &[], &[]).is_empty());
        assert_eq!(
            names("배터리, 누리텍, 가람텍 등 기업", &[], &[]),
            ["가람텍", "누리텍"]
        );
        // People among the bodies: "관계자와" opens the list.
        let text = "정부 관계자와 한빛화학, 누리소재, 가람텍 등이 참석했다.";
        assert_eq!(names(text, &["한빛화학", "누리소재"], &[]), ["가람텍"]);
        // 등 inside a word ("등급") closes no list.
        assert!(names("가람텍, 누리텍 등급 기업", &[], &[]).is_empty());
    }
}
