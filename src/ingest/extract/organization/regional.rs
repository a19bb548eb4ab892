//! Extraction, organizations: a region's own bodies.
//!
//! "The North Carolina Department of Commerce said …": the registry's
//! "Department of Commerce" is the federal one, but a state, province or
//! city written before the generic name makes it that region's body. Local
//! governments are named the same way ("Xuzhou municipal government", "the
//! municipal government of Debrecen", "Hajdú-Bihar County Government
//! Office") or through their people ("Haenam County officials said").

use super::context::Range;
use super::{extend_right, is_name_word};
use crate::content::front_matter::{OrganizationFrontMatter, OrganizationKind, PlaceKind};
use crate::ingest::extract::Sentence;
use crate::ingest::gazetteer::{Gazetteer, Hit};
use crate::ingest::text::hangul::{hangul_run, is_hangul, strip_particle};
use crate::ingest::text::token::Token;
use crate::ingest::text::vocab::KOREAN_LOCAL_SUFFIXES;
use crate::ingest::text::words::{word_list, Words};

/// First words of a public body's generic name.
static HEADS: Words = word_list!("extract/regional-body-heads.txt");

/// True when `hit` is a generic body's name written right after a
/// sub-national place.
pub(super) fn regions_own_body(sentence: &Sentence<'_>, hit: &Hit, gazetteer: &Gazetteer) -> bool {
    let written = &sentence.text[hit.start..hit.end];
    let first = written.split_whitespace().next().unwrap_or("");
    if !HEADS.contains(&first) {
        return false;
    }
    sentence.places.iter().any(|place| {
        is_regional(place, gazetteer)
            && place.end <= hit.start
            && sentence.text[place.end..hit.start].trim().is_empty()
    })
}

/// A place below the nation: a province, state, city or district.
fn is_regional(place: &Hit, gazetteer: &Gazetteer) -> bool {
    matches!(
        gazetteer.places()[place.entity].front.kind,
        PlaceKind::Province | PlaceKind::City | PlaceKind::District
    )
}

static LEVELS: Words = word_list!("extract/local-government-levels.txt");
static DIVISIONS: Words = word_list!("extract/local-divisions.txt");
static STAFF: Words = word_list!("extract/local-government-staff.txt");
static ACTS: Words = word_list!("extract/local-government-acts.txt");
/// Words after a place in a Korean address ("소재", "일원", "산업단지").
static ADDRESS_WORDS: Words = word_list!("korean/address-words.txt");
/// Endings of the smaller divisions of a Korean address ("영통구", "석포면").
static ADDRESS_ENDINGS: Words = word_list!("korean/address-endings.txt");

/// "해남군은 … 밝혔다", "청주시 관계자는": a Korean local government written
/// as its place with the administrative suffix, then a subject particle or
/// its officials. Gives back byte spans of the name as written.
pub(super) fn korean_bodies(text: &str, gazetteer: &Gazetteer) -> Vec<(usize, usize)> {
    gazetteer
        .find_places(text)
        .iter()
        .filter(|hit| is_regional(hit, gazetteer))
        .filter_map(|hit| {
            // The suffix is the name's ("청주시") or glued after it ("청주"
            // then "시는").
            let suffixed = KOREAN_LOCAL_SUFFIXES
                .iter()
                .any(|s| text[hit.start..hit.end].ends_with(s));
            let glued = match suffixed {
                true => 0,
                false => KOREAN_LOCAL_SUFFIXES
                    .iter()
                    .find(|s| text[hit.end..].starts_with(*s))?
                    .len(),
            };
            let end = hit.end + glued;
            acts_after(text, end, gazetteer).then_some((hit.start, end))
        })
        .collect()
}

/// True when the Korean local government whose name ends at `end` acts:
/// a subject particle ("해남군은"), its officials ("청주시 관계자"), cited
/// ("에 따르면"), or a party with another ("청주시와 에이크미는", "과
/// 투자협약을"). Its head in brackets may come between ("부여군(군수
/// 홍길동)은").
fn acts_after(text: &str, end: usize, gazetteer: &Gazetteer) -> bool {
    let mut end = end;
    if text[end..].starts_with('(') {
        match text[end..].find(')') {
            Some(close) => end += close + 1,
            None => return false,
        }
    }
    let rest = &text[end..];
    let run = hangul_run(rest);
    matches!(run, "은" | "는" | "이" | "가")
        || run.is_empty() && rest.trim_start().starts_with("관계자")
        || run == "에" && cited_after(&rest[run.len()..])
        || matches!(run, "과" | "와")
            && (agreement_after(&rest[run.len()..])
                || joint_subject(text, end + run.len(), gazetteer))
}

/// A registry entry for a Korean province's, city's or county's
/// government ("Yesan County", "South Chungcheong Province"): its name
/// is also where things are.
pub(crate) fn is_local_government(entry: &OrganizationFrontMatter) -> bool {
    entry.kind == OrganizationKind::Government
        && entry.country == "KR"
        && entry
            .name
            .split_whitespace()
            .next_back()
            .is_some_and(|last| DIVISIONS.contains(&last) || last == "State")
}

/// "충남 예산군", "예산군 삽교읍", "충청남도 한빛대학교": a registry local
/// government's Korean name written as part of an address (right after or
/// right before another place or body, or before a smaller division of
/// three syllables or more, so no "연구" or "관리"), not acting
/// (`acts_after`): the place, not its government.
pub(super) fn korean_place_only(sentence: &Sentence<'_>, hit: &Hit, gazetteer: &Gazetteer) -> bool {
    let entry = &gazetteer.organizations()[hit.entity].front;
    let text = sentence.text;
    let written = &text[hit.start..hit.end];
    let local = is_local_government(entry)
        && written.chars().all(|c| c == ' ' || is_hangul(c))
        && KOREAN_LOCAL_SUFFIXES.iter().any(|s| written.ends_with(s));
    if !local || acts_after(text, hit.end, gazetteer) {
        return false;
    }
    let before = text[..hit.start].trim_end_matches(' ');
    let after_start =
        hit.end + (text[hit.end..].len() - text[hit.end..].trim_start_matches(' ').len());
    let spaced_after = after_start > hit.end;
    let names = || sentence.places.iter().chain(&sentence.organizations);
    let after_place = names().any(|h| h.end == before.len() && before.len() < hit.start);
    let before_place = spaced_after && names().any(|h| h.start == after_start);
    const DIVISION_MIN_SYLLABLES: usize = 3;
    let next = text[after_start..].split_whitespace().next().unwrap_or("");
    let word = strip_particle(hangul_run(next));
    let address_part = spaced_after
        && (ADDRESS_WORDS.contains(&word)
            || word.chars().count() >= DIVISION_MIN_SYLLABLES
                && ADDRESS_ENDINGS.iter().any(|e| word.ends_with(e)));
    after_place || before_place || address_part
}

/// "에 따르면": the local government is the source cited.
fn cited_after(rest: &str) -> bool {
    rest.split_whitespace()
        .next()
        .is_some_and(crate::ingest::text::vocab::is_korean_attribution)
}

/// "청주시와 에이크미는": a name the registry knows follows 과/와 and ends in
/// a subject particle, so both act together. `at` is the byte after 과/와.
fn joint_subject(text: &str, at: usize, gazetteer: &Gazetteer) -> bool {
    // Only the text from the second name on is searched.
    let rest = text[at..].trim_start();
    let start = text.len() - rest.len();
    // "청주시와 에이크미 등은": a list's "etc." may close the subject.
    let subject = |hit: &Hit| {
        let after = &text[start + hit.end..];
        let after = after.strip_prefix(" 등").unwrap_or(after);
        hit.start == 0 && matches!(hangul_run(after), "은" | "는" | "이" | "가")
    };
    gazetteer.find_organizations(rest).iter().any(subject)
        || gazetteer.find_places(rest).iter().any(subject)
}

/// "과 투자협약을 체결한": one of the two words after a name joined by
/// 과/와 opens with an agreement's word, so the name is its party.
fn agreement_after(rest: &str) -> bool {
    static AGREEMENTS: Words = word_list!("korean/agreement-words.txt");
    rest.split_whitespace()
        .take(2)
        .any(|word| AGREEMENTS.iter().any(|a| word.starts_with(a)))
}

/// Token ranges of `text` that name a region's own body (a government
/// body in all cases). A registry name inside one (the federal
/// "Department of Commerce") does not make it that registry entry.
pub(super) fn bodies(text: &str, tokens: &[Token<'_>], gazetteer: &Gazetteer) -> Vec<Range> {
    let government = Some(OrganizationKind::Government);
    let is = |at: usize, words: &Words| {
        tokens
            .get(at)
            .is_some_and(|t| words.iter().any(|w| t.is(w)))
    };
    let word_at = |at: usize, word: &str| tokens.get(at).is_some_and(|t| t.is(word));
    let places = places(text, tokens, gazetteer);
    let mut found = Vec::new();
    for &(start, end, division) in &places {
        // "Indiana Department of Environmental Management"
        if tokens.get(end).is_some_and(|t| HEADS.contains(&t.text)) {
            let close = extend_right(tokens, end + 1);
            if close > end + 1 {
                found.push((start, close, government));
            }
        }
        // "Xuzhou municipal government", "… County Government Office"
        let mut at = end + usize::from(is(end, &LEVELS));
        if word_at(at, "government") {
            at += 1;
            if tokens.get(at).is_some_and(|t| t.text == "Office") {
                at += 1;
            }
            found.push((start, at, government));
        }
        // "Haenam County officials", "Randolph County approved": the
        // division's own government.
        if division && (is(end, &STAFF) || is(end, &ACTS)) {
            found.push((start, end, government));
        }
    }
    // "the municipal government of Debrecen"
    for i in 0..tokens.len() {
        if is(i, &LEVELS) && word_at(i + 1, "government") && word_at(i + 2, "of") {
            if let Some(&(_, end, _)) = places.iter().find(|p| p.0 == i + 3) {
                found.push((i, end, government));
            }
        }
    }
    found
}

/// Token ranges of `text` that name a nation's body by its generic name
/// after the nation: "the U.S. Department of Energy", "Canada Office of
/// …". Unlike a region's, such a name holding a registry name is that
/// entry (the caller's overlap check drops it), so only bodies the
/// registry lacks come from here.
pub(super) fn national_bodies(
    text: &str,
    tokens: &[Token<'_>],
    gazetteer: &Gazetteer,
) -> Vec<Range> {
    gazetteer
        .find_places(text)
        .iter()
        .filter(|hit| gazetteer.places()[hit.entity].front.kind == PlaceKind::Country)
        .filter_map(|hit| {
            let (start, end) = token_range(tokens, hit)?;
            let head = tokens.get(end).filter(|t| HEADS.contains(&t.text))?;
            let close = extend_right(tokens, end + 1);
            let kind = Some(OrganizationKind::Government);
            (close > end + 1 && head.is_capitalized()).then_some((start, close, kind))
        })
        .collect()
}

/// The tokens `start..end` a place hit covers, when it starts and ends
/// on token edges.
fn token_range(tokens: &[Token<'_>], hit: &Hit) -> Option<(usize, usize)> {
    let start = tokens.iter().position(|t| t.start == hit.start)?;
    let end = tokens.iter().position(|t| t.end == hit.end)? + 1;
    Some((start, end))
}

/// Regional places as token ranges, and whether each ends with a
/// division word: registry places, and capitalized names ending with one
/// ("Hajdú-Bihar County") that the registry lacks.
fn places(text: &str, tokens: &[Token<'_>], gazetteer: &Gazetteer) -> Vec<(usize, usize, bool)> {
    let division = |end: usize| DIVISIONS.contains(&tokens[end - 1].text);
    let mut found: Vec<(usize, usize, bool)> = gazetteer
        .find_places(text)
        .iter()
        .filter(|hit| is_regional(hit, gazetteer))
        .filter_map(|hit| {
            let (start, end) = token_range(tokens, hit)?;
            Some((start, end, division(end)))
        })
        .collect();
    for (i, token) in tokens.iter().enumerate() {
        if !DIVISIONS.contains(&token.text) || found.iter().any(|p| p.1 == i + 1) {
            continue;
        }
        let start = (0..i)
            .rev()
            .take_while(|&j| is_name_word(&tokens[j]) && !DIVISIONS.contains(&tokens[j].text))
            .last();
        if let Some(start) = start {
            found.push((start, i + 1, true));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::gazetteer::tests::registries;
    use crate::ingest::text::token::tokenize;

    fn names(text: &str) -> Vec<String> {
        let gazetteer = Gazetteer::new(&registries());
        let tokens = tokenize(text);
        bodies(text, &tokens, &gazetteer)
            .into_iter()
            .map(|(s, e, _)| text[tokens[s].start..tokens[e - 1].end].to_string())
            .collect()
    }

    #[test]
    fn a_regions_department_and_government() {
        assert_eq!(
            names("The Seoul Department of Climate Action said so."),
            ["Seoul Department of Climate Action"]
        );
        assert_eq!(
            names("Filings with the Seoul municipal government show it."),
            ["Seoul municipal government"]
        );
        assert_eq!(
            names("The municipal government of Seoul agreed."),
            ["municipal government of Seoul"]
        );
        assert_eq!(
            names("The Dalsung County Government Office issued it."),
            ["Dalsung County Government Office"]
        );
    }

    #[test]
    fn a_divisions_officials_make_its_government_act() {
        assert_eq!(
            names("Dalsung County officials said no one was hurt."),
            ["Dalsung County"]
        );
        // A city the registry knows is no division by name: its officials
        // could be anyone's.
        assert!(names("Seoul officials said so.").is_empty());
    }

    #[test]
    fn a_divisions_official_act_makes_its_government_act() {
        assert_eq!(
            names("Dalsung County approved the tax breaks."),
            ["Dalsung County"]
        );
        assert!(names("Dalsung County hosts the plant.").is_empty());
    }

    #[test]
    fn a_korean_local_government_as_subject_or_through_its_officials() {
        let gazetteer = Gazetteer::new(&registries());
        let found = |text: &str| -> Vec<String> {
            korean_bodies(text, &gazetteer)
                .into_iter()
                .map(|(s, e)| text[s..e].to_string())
                .collect()
        };
        assert_eq!(found("충북은 공장을 짓는다."), Vec::<String>::new());
        assert_eq!(found("서울시는 지원을 밝혔다."), ["서울시"]);
        assert_eq!(found("서울시 관계자는 말했다."), ["서울시"]);
        assert!(found("서울시에서 열렸다.").is_empty());
        // A party joined by 과/와 to an agreement; not a place beside another.
        assert_eq!(
            found("에이크미는 서울시와 투자협약을 체결했다."),
            ["서울시"]
        );
        assert!(found("서울시와 부산 사이에 있다.").is_empty());
        // The source cited, or one of two subjects acting together.
        assert_eq!(found("서울시에 따르면 공장은 크다."), ["서울시"]);
        assert_eq!(found("서울시와 에이크미는 인재를 키운다."), ["서울시"]);
        assert!(found("서울시와 에이크미의 공장이 있다.").is_empty());
        assert!(found("서울시에 공장이 있다.").is_empty());
        // A list closed by "etc.", and the head in brackets before the particle.
        assert_eq!(found("서울시와 에이크미 등은 협력한다."), ["서울시"]);
        assert_eq!(found("서울시(시장 홍길동)는 밝혔다."), ["서울시"]);
    }

    #[test]
    fn a_nations_department_the_registry_lacks() {
        let gazetteer = Gazetteer::new(&registries());
        let text = "Funds from the Korea Department of Cell Safety arrived.";
        let tokens = tokenize(text);
        let found: Vec<&str> = national_bodies(text, &tokens, &gazetteer)
            .into_iter()
            .map(|(s, e, _)| &text[tokens[s].start..tokens[e - 1].end])
            .collect();
        assert_eq!(found, ["Korea Department of Cell Safety"]);
        let plain = "Korea Department stores opened.";
        assert!(national_bodies(plain, &tokenize(plain), &gazetteer).is_empty());
    }

    #[test]
    fn a_place_alone_or_a_nation_is_no_body() {
        assert!(names("The plant is in Dalsung County, near Seoul.").is_empty());
        assert!(names("The city government said the Korea government agreed.").is_empty());
    }
}
