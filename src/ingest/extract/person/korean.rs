//! Extraction, people in Korean text: a Hangul name followed by a title.
//!
//! Korean writes the name first and the title last, with the organization
//! in between or before the name: "성명수 산업부 장관은", "김하나 에이크미
//! 대표와", "에이크미 김하나 대표". A Hangul word of a family name and a
//! given name (three syllables, or four with a two-syllable family name)
//! right before a title (`words/korean/titles.txt`), past at most two
//! organization names, is a person; the title (with the organization
//! between) is the role. Family names, titles and common words that look
//! like names are data files under `src/ingest/words/korean/`.

use super::super::names::is_age;
use super::super::organization::only_generic_words;
use super::super::Sentence;
use crate::content::front_matter::Person;
use crate::ingest::gazetteer::{Gazetteer, Hit};
use crate::ingest::text::hangul::{hangul_run, is_hangul, strip_particle};
use crate::ingest::text::token::{tokenize, Token};
use crate::ingest::text::vocab::KOREAN_BUSINESS_UNITS as UNIT_WORDS;
use crate::ingest::text::vocab::KOREAN_ORG_ENDINGS;
use crate::ingest::text::vocab::KOREAN_TITLES as TITLES;
use crate::ingest::text::vocab::KOREAN_TITLE_MODIFIERS as MODIFIERS;
use crate::ingest::text::words::{made_of, word_list, Words};

/// Korean family names.
static SURNAMES: Words = word_list!("korean/surnames.txt");
/// Titles glued to the office's name ("군산시장", "산업정책실장").
static TITLE_ENDINGS: Words = word_list!("korean/title-endings.txt");
/// Common words shaped like names.
static NOT_NAMES: Words = word_list!("korean/not-names.txt");
/// The short names of Korea's provinces, whose governor is "…지사".
static PROVINCES: Words = word_list!("korean/province-short-names.txt");
/// A title's team glued after it ("박사팀").
const TEAMS: [&str; 2] = ["연구팀", "팀"];

/// Words that open a photo's line-up of people ("왼쪽부터").
static LINEUP_CUES: Words = word_list!("korean/lineup-cues.txt");
/// Governments named by their head ("조 바이든 정부").
static GOVERNMENTS: Words = word_list!("korean/governments-named-by-head.txt");
/// Public offices a foreign holder is named before ("… 미국 대통령").
static OFFICES: Words = word_list!("korean/foreign-office-titles.txt");
/// Titles of a local office a place's name may stand before ("여수 부시장").
static LOCAL_OFFICES: Words = word_list!("korean/local-office-titles.txt");

/// Syllables of one word of a foreign name written in Hangul ("벨라스코").
const FOREIGN_WORD_SYLLABLES: std::ops::RangeInclusive<usize> = 2..=5;

/// A Hangul word shaped like one word of a foreign name: Hangul only, two
/// to five syllables.
fn foreign_word(word: &str) -> bool {
    word.chars().all(is_hangul) && FOREIGN_WORD_SYLLABLES.contains(&word.chars().count())
}

/// Foreign given names written in Hangul ("카를로스", "짐").
static GIVEN_NAMES: Words = word_list!("korean/foreign-given-names.txt");
/// Foreign family names of one syllable written in Hangul ("첸").
static SHORT_FAMILY_NAMES: Words = word_list!("korean/foreign-short-family-names.txt");

/// Organization names that may stand between a name and its title.
const MAX_BETWEEN: usize = 3;
/// Kinds of firm written before the firm's own name ("법무법인 가온").
static FIRM_KINDS: Words = word_list!("korean/firm-kinds.txt");

/// People named in Korean in `sentence`, in text order.
pub(super) fn people(sentence: &Sentence<'_>, gazetteer: &Gazetteer) -> Vec<Person> {
    let tokens = tokenize(sentence.text);
    let mut found = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        // "중요성을 고려해", "회의를 주재한": a verb's 해 or 한 (who did)
        // after its object is no name.
        let verb_after_object = token.text.ends_with(['해', '한'])
            && i.checked_sub(1)
                .is_some_and(|b| tokens[b].text.ends_with(['을', '를']));
        if !is_name(token) || claimed(sentence, token) || verb_after_object {
            continue;
        }
        // "송우진·임종철 교수": names joined by a middle dot share the
        // title after the last of them.
        let mut last = i;
        while tokens.get(last + 1).is_some_and(|t| t.text == "·")
            && tokens.get(last + 2).is_some_and(is_name)
        {
            last += 2;
        }
        let Some((title_end, org_hit)) = title_after(sentence, &tokens, last) else {
            continue;
        };
        let role_start = tokens[last + 1 + aside_after_name(&tokens, last + 1)].start;
        let role = &sentence.text[role_start..title_end];
        let organization = org_hit
            .or_else(|| org_before(sentence, token))
            .map(|hit| gazetteer.organizations()[hit.entity].slug.clone());
        found.push(Person {
            name: token.text.to_string(),
            role: Some(role.to_string()),
            organization,
            quote: Some(sentence.text.to_string()),
        });
    }
    found.extend(heads_in_brackets(sentence, gazetteer));
    let listed = personnel_list(sentence, &found);
    found.extend(listed);
    let addressed = addressed_by_honorific(sentence, &tokens, gazetteer, &found);
    found.extend(addressed);
    let foreign = foreign_names_in_lineup(sentence, gazetteer, &found);
    found.extend(foreign);
    let foreign = foreign_names_before_a_country(sentence, &tokens, gazetteer, &found);
    found.extend(foreign);
    let foreign = foreign_names_before_a_title(sentence, &tokens, gazetteer, &found);
    found.extend(foreign);
    let foreign = foreign_names_after_a_title(sentence, &tokens, gazetteer);
    found.extend(foreign);
    let romanized = romanized_names(sentence, &tokens, gazetteer, &found);
    found.extend(romanized);
    found
}

/// Marks that open an item of a personnel list ("△한가람", "▷이나래").
const ITEM_MARKS: [char; 4] = ['△', '▷', '▲', '▶'];
/// Marks that open the heading of a rank in a personnel list ("◇상무").
const HEADING_MARKS: [char; 11] = ['◇', '◆', '■', '□', '●', '○', '◈', '▣', '[', '<', '【'];
/// Given names in a personnel list are as long as elsewhere; a list of
/// this many full names also vouches for a one-syllable given name.
const NAMES_IN_A_LONG_LIST: usize = 3;

/// "◇상무 △한가람 김나무 이도윤", "▲전무 박다온 최라온": a personnel
/// list names the new holders of a rank one after another, after the
/// rank's heading or a rank at the head of the item; the rank is their
/// role. A name with its own title in the item ("△이나래 전지개발센터장")
/// is found like any other (`known`).
fn personnel_list(sentence: &Sentence<'_>, known: &[Person]) -> Vec<Person> {
    let text = sentence.text;
    let marks: Vec<usize> = text.match_indices(ITEM_MARKS).map(|(at, _)| at).collect();
    let mut found: Vec<Person> = Vec::new();
    let mut rank: Option<&str> = None;
    for (n, &at) in marks.iter().enumerate() {
        let previous = n.checked_sub(1).map_or(0, |p| marks[p]);
        // A heading between the last item and this one names a new rank;
        // the sentence's opening words do so for the first item.
        let heading = match text[previous..at].rfind(HEADING_MARKS) {
            Some(h) => Some(&text[previous + h..at]),
            None => (n == 0).then_some(&text[..at]),
        };
        if let Some(heading) = heading {
            rank = rank_of(heading);
        }
        let item = &text[at..];
        let item = item[item.chars().next().map_or(0, char::len_utf8)..]
            .split(|c: char| ITEM_MARKS.contains(&c) || HEADING_MARKS.contains(&c))
            .next()
            .unwrap_or("");
        let words = words_outside_brackets(item);
        let (role, names) = match words.split_first() {
            Some((first, rest)) if title(first) == Some(*first) => (Some(*first), rest),
            _ => (rank, words.as_slice()),
        };
        static APPOINTMENTS: Words = word_list!("korean/appointment-words.txt");
        let appointed = names
            .iter()
            .take_while(|w| APPOINTMENTS.contains(w))
            .count();
        let names = &names[appointed..];
        let Some(role) = role else {
            continue;
        };
        let names: Vec<&str> = names
            .iter()
            .map(|w| w.trim_end_matches(['.', '。']))
            .filter(|w| !w.is_empty())
            .collect();
        // A bullet of names only: "▲사장 신제품 발표" is an agenda's line,
        // "△김가온 이상 3명" a count.
        if !names.iter().all(|w| is_name_word(w) || is_short_name(w)) {
            continue;
        }
        let full = |k: usize| names.get(k).is_some_and(|w| is_name_word(w));
        let long_list = (0..names.len()).filter(|&k| full(k)).count() >= NAMES_IN_A_LONG_LIST;
        for (k, &name) in names.iter().enumerate() {
            // A short name only between full names of a long list.
            let vouched = long_list && k > 0 && full(k - 1) && full(k + 1);
            let taken = known.iter().chain(&found).any(|p| p.name == name);
            if taken || !(full(k) || vouched) {
                continue;
            }
            found.push(Person {
                name: name.to_string(),
                role: Some(role.to_string()),
                organization: None,
                quote: Some(text.to_string()),
            });
        }
    }
    found
}

/// The rank a personnel list's heading names ("◇상무", "[부사장 승진]"):
/// its first word when that is a title, in a heading of three words at
/// most.
fn rank_of(heading: &str) -> Option<&str> {
    let words: Vec<&str> = heading
        .split(|c: char| c.is_whitespace() || HEADING_MARKS.contains(&c) || "]>】:".contains(c))
        .filter(|w| !w.is_empty())
        .collect();
    words
        .first()
        .filter(|_| words.len() <= 3)
        .and_then(|w| title(w).filter(|t| t == w))
}

/// The words of `text` split at spaces, commas and middle dots, without
/// what stands in brackets ("양우솔(이하 상무급 마스터) 유은비").
fn words_outside_brackets(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut depth = 0usize;
    let mut start = None;
    for (at, c) in text.char_indices() {
        let breaks = c.is_whitespace() || matches!(c, ',' | '·' | '(' | ')');
        if breaks || depth > 0 {
            if let Some(s) = start.take() {
                words.push(&text[s..at]);
            }
        } else if start.is_none() {
            start = Some(at);
        }
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push(&text[s..]);
    }
    words
}

/// A family name of one syllable and a given name of one ("서호"), no
/// common word and no title: a name only among other names.
fn is_short_name(word: &str) -> bool {
    word.chars().count() == 2
        && word.chars().all(is_hangul)
        && !NOT_NAMES.contains(&word)
        && !TITLES.contains(&word)
        && SURNAMES
            .iter()
            .any(|surname| surname.chars().count() == 1 && word.starts_with(surname))
}

/// "한가람 씨는": a name with the honorific 씨 and no title.
fn addressed_by_honorific(
    sentence: &Sentence<'_>,
    tokens: &[Token<'_>],
    gazetteer: &Gazetteer,
    known: &[Person],
) -> Vec<Person> {
    const HONORIFIC: &str = "씨";
    let mut found: Vec<Person> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        // Spaced only: "옥수수씨" (a corn seed) is glued.
        let honoured = is_name(token)
            && tokens
                .get(i + 1)
                .is_some_and(|next| strip_particle(next.text) == HONORIFIC);
        if !honoured || claimed(sentence, token) {
            continue;
        }
        let name = token.text;
        if known.iter().chain(&found).any(|p| p.name == name) {
            continue;
        }
        found.push(Person {
            name: name.to_string(),
            role: None,
            organization: org_before(sentence, token)
                .map(|hit| gazetteer.organizations()[hit.entity].slug.clone()),
            quote: Some(sentence.text.to_string()),
        });
    }
    found
}

/// "마르코 벨라스코(Marco Velasco) 상무참사관": Hangul words spelling a
/// foreign name, its Latin spelling (or a Chinese name's characters) in
/// brackets right after, word for word, and a title after it (past an
/// organization at most).
fn romanized_names(
    sentence: &Sentence<'_>,
    tokens: &[Token<'_>],
    gazetteer: &Gazetteer,
    known: &[Person],
) -> Vec<Person> {
    let text = sentence.text;
    let mut found = Vec::new();
    for (open, token) in tokens.iter().enumerate() {
        if token.text != "(" || open == 0 || tokens[open - 1].end != token.start {
            continue;
        }
        let Some(close) = (open + 1..tokens.len().min(open + 6)).find(|&k| tokens[k].text == ")")
        else {
            continue;
        };
        let latin = &tokens[open + 1..close];
        let is_latin_name = |t: &Token<'_>| {
            t.text.starts_with(|c: char| c.is_ascii_uppercase())
                && t.text.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
        };
        let spelled_in_latin = (2..=3).contains(&latin.len()) && latin.iter().all(is_latin_name);
        // "쩡위췬(曾毓群)": a Chinese name and its characters, one syllable
        // for each.
        // "상무부(商务部)" is a body, "상하이(上海)" a place.
        let in_hanja = latin.len() == 1
            && open >= 1
            && hanja_spelling(tokens[open - 1].text, latin[0].text)
            && !is_unknown_organization(tokens[open - 1].text)
            && !is_place(sentence, &tokens[open - 1]);
        if !spelled_in_latin && !in_hanja {
            continue;
        }
        let Some(first) = open.checked_sub(if in_hanja { 1 } else { latin.len() }) else {
            continue;
        };
        let hangul = &tokens[first..open];
        // The Latin spelling vouches for a family name of one syllable
        // ("데이비드 갈(David Gall)"), not for a determiner ("새 법인(…)").
        let Some((family, given)) = hangul.split_last() else {
            continue;
        };
        let one_syllable = family.text.chars().count() == 1 && family.text.chars().all(is_hangul);
        let spelled = in_hanja
            || given
                .iter()
                .all(|t| foreign_word(t.text) || GIVEN_NAMES.contains(&t.text))
                && (one_syllable || foreign_word(family.text));
        let name_start = hangul[0].start;
        // "에이크미 에너지(Acme Energy) 대표": a company spelt both ways.
        let latin_text = &text[tokens[open + 1].start..tokens[close - 1].end];
        let named = covered(sentence, name_start, tokens[close].end)
            || !gazetteer.find_organizations(latin_text).is_empty();
        if !spelled || named {
            continue;
        }
        let name = text[name_start..tokens[open - 1].end].to_string();
        if known.iter().any(|p| p.name == name) {
            continue;
        }
        // The title after the name, or right before it, whole or with
        // the copula ("애널리스트 조지 헤펠(George Heppel)은", "CEO인 댄
        // 쿡(Dan Cook)은").
        let role = match title_after(sentence, tokens, close) {
            Some((title_end, org)) => {
                let role_start = tokens.get(close + 1).map_or(title_end, |t| t.start);
                Some((text[role_start..title_end].to_string(), org))
            }
            None => first
                .checked_sub(1)
                .and_then(|b| title_with_copula(tokens[b].text))
                .map(|t| (t.to_string(), None)),
        };
        let Some((role, org)) = role else {
            continue;
        };
        let organization = org
            .or_else(|| org_before(sentence, &hangul[0]))
            .map(|hit| gazetteer.organizations()[hit.entity].slug.clone());
        found.push(Person {
            name,
            role: Some(role),
            organization,
            quote: Some(text.to_string()),
        });
    }
    found
}

/// A Hangul word of two to four syllables and Chinese characters as many:
/// the Korean reading of a Chinese name and the name as written.
fn hanja_spelling(hangul: &str, hanja: &str) -> bool {
    let is_hanja = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let syllables = hangul.chars().count();
    (2..=4).contains(&syllables)
        && hangul.chars().all(is_hangul)
        && hanja.chars().all(is_hanja)
        && hanja.chars().count() == syllables
}

/// "왼쪽부터 마르코 벨라스코 칠레 광업부 장관, …": in a photo's
/// line-up, an item of two Hangul words that are no Korean name and no
/// registry name, then a title at the item's end, names a foreign person.
/// Korean names in the line-up are found like any other (`known`); a
/// foreign first name may be shaped like one ("마르코").
fn foreign_names_in_lineup(
    sentence: &Sentence<'_>,
    gazetteer: &Gazetteer,
    known: &[Person],
) -> Vec<Person> {
    let text = sentence.text;
    let Some(after) = LINEUP_CUES
        .iter()
        .filter_map(|cue| text.find(cue).map(|at| at + cue.len()))
        .min()
    else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut start = after;
    for item in text[after..].split(',') {
        let item_start = start + (item.len() - item.trim_start().len());
        start += item.len() + 1;
        // The last item ends with the sentence ("… 본부장. <… 제공>").
        let item = item.trim().split(['.', '<', '(']).next().unwrap_or("");
        let words: Vec<&str> = item.split_whitespace().collect();
        let [first, second, .., last] = words.as_slice() else {
            continue;
        };
        // "기업 대표들": a plural title names a group, no one person.
        if words.len() < 3 || title(last).is_none() || last.ends_with('들') {
            continue;
        }
        let foreign = |w: &str| foreign_word(w) && !NOT_NAMES.contains(&w);
        let name_end = item_start + first.len() + 1 + second.len();
        // "미래배터리 산업협회 회장": a body's name, not a person's.
        let named = covered(sentence, item_start, name_end)
            || is_unknown_organization(first)
            || is_unknown_organization(second);
        let korean = known.iter().any(|p| p.name == *first);
        if !foreign(first) || !foreign(second) || named || korean {
            continue;
        }
        let role = words[2..].join(" ");
        let organization = sentence
            .organizations
            .iter()
            .find(|h| name_end < h.start && h.end <= item_start + item.len())
            .map(|hit| gazetteer.organizations()[hit.entity].slug.clone());
        found.push(Person {
            name: format!("{first} {second}"),
            role: Some(role),
            organization,
            quote: Some(text.to_string()),
        });
    }
    found
}

/// A Hangul word that may be one word of a foreign name: shaped like one,
/// no common word, no clause opener, no verb's adnominal form ("방한한",
/// "취임한"), no particle's ending and no word of a Korean name found in
/// the sentence.
fn foreign_name_word(token: &Token<'_>, known: &[Person]) -> bool {
    static OPENERS: Words = word_list!("korean/clause-openers.txt");
    const ADNOMINAL_ENDINGS: [char; 4] = ['한', '된', '던', '는'];
    // "중요성을", "위원회의": an object's, a genitive's or a topic's
    // particle ends no word of a name with a title after it.
    const PARTICLE_ENDINGS: [char; 7] = ['을', '를', '의', '에', '과', '와', '은'];
    foreign_word(token.text)
        && !NOT_NAMES.contains(&token.text)
        && !OPENERS.contains(&token.text)
        && !token.text.ends_with(ADNOMINAL_ENDINGS)
        && !token.text.ends_with(PARTICLE_ENDINGS)
        && !known
            .iter()
            .any(|p| p.name.split_whitespace().any(|w| w == token.text))
}

/// True when a name may start after `before`: at the sentence's start,
/// after a comma, a bracket, a middle dot or a quote, or after 과/와/및
/// ("… 대통령과 도널드 트럼프"); inside a running phrase ("지난달 취임한
/// 미국 대통령") two words are no name.
fn opens_a_phrase(before: &str) -> bool {
    before.is_empty()
        || before.ends_with([',', '(', '·', '"', '“', '\''])
        || before.ends_with(['과', '와'])
        || before.ends_with(" 및")
}

/// Each two words one space apart that no registry name overlaps, with
/// the first one's index: where a foreign name of two words may stand.
fn unnamed_word_pairs<'a, 't>(
    sentence: &'a Sentence<'_>,
    tokens: &'a [Token<'t>],
) -> impl Iterator<Item = (usize, &'a Token<'t>, &'a Token<'t>)> + 'a {
    tokens
        .iter()
        .zip(tokens.iter().skip(1))
        .enumerate()
        .map(|(at, (first, second))| (at, first, second))
        .filter(|(_, first, second)| {
            sentence.text[first.end..second.start] == *" "
                && !covered(sentence, first.start, second.end)
        })
}

/// "도널드 트럼프 미국 대통령이", "브라이언 켐프 조지아 주지사", "… 부다페스트
/// 시장": two Hangul words shaped like a foreign name (no Korean name, no
/// registry name), then a country, a state or a city and a title of its
/// office: the place says whose office the title is, so the words before
/// it name its foreign holder.
fn foreign_names_before_a_country(
    sentence: &Sentence<'_>,
    tokens: &[Token<'_>],
    gazetteer: &Gazetteer,
    known: &[Person],
) -> Vec<Person> {
    use crate::content::front_matter::PlaceKind;
    let text = sentence.text;
    let place_kind_at = |token: &Token<'_>| {
        sentence
            .places
            .iter()
            .find(|hit| hit.start == token.start)
            .map(|hit| gazetteer.places()[hit.entity].front.kind)
    };
    let foreign = |t: &Token<'_>| foreign_name_word(t, known);
    let mut found = Vec::new();
    let spaced = |a: &Token<'_>, b: &Token<'_>| text[a.end..b.start] == *" ";
    for (at, first, second) in unnamed_word_pairs(sentence, tokens) {
        // The name opens the sentence, a clause or a list item ("…
        // 대통령과 도널드 트럼프 미국 대통령"); inside a running phrase
        // ("지난달 취임한 미국 대통령") two words are no name.
        let before = text[..first.start].trim_end();
        let opens = opens_a_phrase(before);
        // "조 바이든": a given name of one syllable, when listed.
        let short_given = GIVEN_NAMES.contains(&first.text) && first.text.chars().count() == 1;
        if !((short_given || foreign(first)) && foreign(second)) {
            continue;
        }
        // A listed given name first is a name wherever it stands ("3일
        // 도널드 트럼프 미국 대통령은").
        let listed = GIVEN_NAMES.contains(&first.text);
        let role = match (tokens.get(at + 2), tokens.get(at + 3)) {
            // "… 부다페스트 시장이": a city's own office (its mayor).
            (Some(country), Some(office))
                if (opens || listed)
                    && spaced(second, country)
                    && spaced(country, office)
                    && matches!(
                        place_kind_at(country),
                        Some(PlaceKind::Country | PlaceKind::Province | PlaceKind::City)
                    ) =>
            {
                // A city's office ("시장", also a market) is a title only here.
                let role = if place_kind_at(country) == Some(PlaceKind::City) {
                    Some(strip_particle(office.text)).filter(|t| LOCAL_OFFICES.contains(t))
                } else {
                    title(office.text).filter(|t| OFFICES.contains(t))
                };
                role.map(|role| Some(format!("{} {role}", country.text)))
            }
            // "조 바이든 정부의": a government named by its head, a listed
            // given name first; the text gives no title.
            (Some(government), _)
                if spaced(second, government)
                    && GIVEN_NAMES.contains(&first.text)
                    && GOVERNMENTS.contains(&strip_particle(government.text)) =>
            {
                Some(None)
            }
            // "도널드 트럼프 2기 정부의", "… 전 행정부": the head's term between.
            (Some(term), Some(government))
                if spaced(second, term)
                    && spaced(term, government)
                    && numbered_term(term.text)
                    && GIVEN_NAMES.contains(&first.text)
                    && GOVERNMENTS.contains(&strip_particle(government.text)) =>
            {
                Some(None)
            }
            // "제프 로빈슨 주한호주대사와": an envoy's office glued to the
            // country he is posted from; the name opens a clause or
            // follows a topic ("행사에는"), not a run of nouns ("협력 강화").
            (Some(office), _)
                if spaced(second, office) && (opens || before.ends_with(['는', '은', '도'])) =>
            {
                envoy(office.text).map(Some)
            }
            _ => None,
        };
        let Some(role) = role else {
            continue;
        };
        found.push(Person {
            name: text[first.start..second.end].to_string(),
            role,
            organization: None,
            quote: Some(text.to_string()),
        });
    }
    found
}

/// "2기": a numbered term of office; "전": the former one.
fn numbered_term(word: &str) -> bool {
    static TERMS: Words = word_list!("korean/term-words.txt");
    TERMS.contains(&word)
        || word
            .strip_suffix('기')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// "스텔란티스 카를로스 타바레스 CEO", "짐 팔리 포드 CEO와", "…과
/// 앤서니 앨버니지 총리가": two Hangul words shaped like a foreign name
/// and a person's title after them, past organizations at most, as a
/// Korean name takes one. The name opens the sentence, a clause or a list
/// item, or follows the body or the country it belongs to and opens with
/// a listed given name; words of a body's name ("배터리 산업 협회 회장"),
/// of its units ("미주 법인") or of a running phrase are no name, and a
/// first word shaped like a Korean name is one ("박가온
/// 에스케이(SK)에코플랜트 대표").
fn foreign_names_before_a_title(
    sentence: &Sentence<'_>,
    tokens: &[Token<'_>],
    gazetteer: &Gazetteer,
    known: &[Person],
) -> Vec<Person> {
    let text = sentence.text;
    let mut found = Vec::new();
    for (at, first, second) in unnamed_word_pairs(sentence, tokens) {
        // "짐 팔리": a given name of one syllable, when listed.
        let given = GIVEN_NAMES.contains(&first.text);
        let short_given = given && first.text.chars().count() == 1;
        let shaped = [first, second]
            .iter()
            .skip(usize::from(short_given))
            .all(|t| {
                foreign_name_word(t, known)
                    && !UNIT_WORDS.contains(&t.text)
                    && !is_unknown_organization(t.text)
                    && !is_bare_body_noun(t.text)
                    && !only_generic_words(t.text)
            })
            && !is_name_word(first.text);
        if !shaped {
            continue;
        }
        // After a body or a country a unit of it may stand ("삼성SDI 미주
        // 법인 CEO"): only a listed given name opens a name there.
        let before = text[..first.start].trim_end();
        let after_a_body = sentence
            .organizations
            .iter()
            .chain(&sentence.places)
            .any(|hit| hit.end == before.len());
        // "넥스트소스의 크레이그 셔바 대표": after a body's genitive, too
        // (a registry name, or a brand's or a body's shape; not "회의").
        let owner = before.strip_suffix('의').filter(|stem| {
            let word = stem.rsplit(' ').next().unwrap_or(stem);
            org_ending_at(sentence, stem.len()).is_some()
                || is_brand(word)
                || is_unknown_organization(word)
        });
        if !(opens_a_phrase(before) || (after_a_body || owner.is_some()) && given) {
            continue;
        }
        let Some((title_end, org)) = title_after(sentence, tokens, at + 1) else {
            continue;
        };
        let role_start = tokens[at + 2 + aside_after_name(tokens, at + 2)].start;
        let organization = org
            .or_else(|| org_before(sentence, first))
            .or_else(|| owner.and_then(|stem| org_ending_at(sentence, stem.len())))
            .map(|hit| gazetteer.organizations()[hit.entity].slug.clone());
        found.push(Person {
            name: text[first.start..second.end].to_string(),
            role: Some(text[role_start..title_end].to_string()),
            organization,
            quote: Some(text.to_string()),
        });
    }
    found
}

/// "최고경영자(CEO) 에릭 슈미트가", "CEO 일론 머스크는": a title, its
/// acronym in brackets or none, then two Hangul words shaped like a
/// foreign name, the first a listed given name and the second closed by a
/// particle, a comma or a middle dot: Korean writes a foreign holder's
/// title before the name. The body named right before the title is the
/// person's ("구글의 전 최고경영자(CEO)").
fn foreign_names_after_a_title(
    sentence: &Sentence<'_>,
    tokens: &[Token<'_>],
    gazetteer: &Gazetteer,
) -> Vec<Person> {
    let text = sentence.text;
    let mut found = Vec::new();
    for (at, first, second) in unnamed_word_pairs(sentence, tokens) {
        let family = strip_particle(second.text);
        let closed = family.len() < second.text.len()
            || tokens
                .get(at + 2)
                .is_some_and(|t| matches!(t.text, "," | "·") && t.start == second.end);
        // "CEO 에릭 가온연구소와": a body is no family name.
        // "CEO 제이슨 첸은": a family name of one syllable, when listed.
        let short_family = SHORT_FAMILY_NAMES.contains(&family);
        let shaped = GIVEN_NAMES.contains(&first.text)
            && (foreign_word(family) || short_family)
            && !NOT_NAMES.contains(&family)
            && !ends_like_a_body(family);
        if !(closed && shaped) {
            continue;
        }
        let Some((title_at, role_end)) = title_before(tokens, at) else {
            continue;
        };
        let role = &text[tokens[title_at].start..role_end];
        // "구글의 전 최고경영자": the body, its genitive, a "former".
        let before = text[..tokens[title_at].start].trim_end();
        let before = before.strip_suffix('전').map_or(before, str::trim_end);
        let before = before.strip_suffix('의').unwrap_or(before);
        let organization = org_ending_at(sentence, before.len())
            .map(|hit| gazetteer.organizations()[hit.entity].slug.clone());
        found.push(Person {
            name: format!("{} {family}", first.text),
            role: Some(role.to_string()),
            organization,
            quote: Some(text.to_string()),
        });
    }
    found
}

/// The token of the title right before the name at token `at`, past an
/// acronym in brackets glued to it ("최고경영자(CEO)"), and where the
/// role ends (before a copula, "CEO인").
fn title_before(tokens: &[Token<'_>], at: usize) -> Option<(usize, usize)> {
    let mut k = at.checked_sub(1)?;
    let bracketed_end = (tokens[k].text == ")").then_some(tokens[k].end);
    if bracketed_end.is_some() {
        let open = k.checked_sub(2)?;
        let acronym = &tokens[k - 1].text;
        let bracketed = tokens[open].text == "("
            && acronym.len() >= 2
            && acronym.chars().all(|c| c.is_ascii_uppercase());
        if !bracketed || tokens[open.checked_sub(1)?].end != tokens[open].start {
            return None;
        }
        k = open - 1;
    }
    let title = title_with_copula(tokens[k].text)?;
    Some((k, bracketed_end.unwrap_or(tokens[k].start + title.len())))
}

/// The title `word` is, whole ("대변인") or before the copula 인 that
/// makes it describe the name after it ("CEO인 카즈오 타다노부는" → "CEO").
fn title_with_copula(word: &str) -> Option<&str> {
    if title(word) == Some(word) {
        return Some(word);
    }
    let bare = word.strip_suffix('인')?;
    (title(bare) == Some(bare)).then_some(bare)
}

/// "주한호주대사와" → "주한호주대사": a foreign envoy's title, 주한 (in
/// Korea), the country and the office, glued.
fn envoy(word: &str) -> Option<String> {
    const POSTED_IN_KOREA: &str = "주한";
    let stem = strip_particle(word);
    let country_and_office = stem.strip_prefix(POSTED_IN_KOREA)?;
    OFFICES
        .iter()
        .any(|office| {
            country_and_office
                .strip_suffix(office)
                .is_some_and(|country| !country.is_empty() && country.chars().all(is_hangul))
        })
        .then(|| stem.to_string())
}

/// "산업통상자원부(장관 안덕근)는": a press release names the head of the
/// body in brackets after it, title first, maybe after the body's other
/// names ("KIST(한국과학기술연구원·원장 윤석진)").
fn heads_in_brackets(sentence: &Sentence<'_>, gazetteer: &Gazetteer) -> Vec<Person> {
    let text = sentence.text;
    let org_ending_at = |at: usize| {
        sentence
            .organizations
            .iter()
            .find(|hit| hit.end <= at && text[hit.end..at].trim().is_empty())
    };
    // "특별위원회(위원장 김하나)", "가온11(대표 한가람)": a bracket glued to
    // a word (Hangul, Latin or digits), or after a registry organization,
    // whose head it names.
    text.match_indices('(')
        .filter_map(|(open, _)| {
            let hit = org_ending_at(open);
            // "더블유씨피(주)(대표이사 한가람)": after the legal form too.
            let head = text[..open]
                .strip_suffix("(주)")
                .or_else(|| text[..open].strip_suffix('㈜'))
                .unwrap_or(&text[..open]);
            let last = head.chars().next_back();
            let glued = last.is_some_and(char::is_alphanumeric);
            // After a model's code ("EV9(대표 모델 …)") only a title of one
            // word heads a body.
            let after_code = last.is_some_and(|c| c.is_ascii_alphanumeric());
            (hit.is_some() || glued).then_some((open, hit, hit.is_none() && after_code))
        })
        .flat_map(|(open, hit, after_code)| {
            let inside = text[open + 1..]
                .split_once(')')
                .map_or("", |(inside, _)| inside);
            let organization = hit.map(|hit| gazetteer.organizations()[hit.entity].slug.clone());
            // "(한국과학기술연구원·원장 윤석진)", "(KERI, 원장 직무대행 김남균)",
            // "(원장 한가람, 이하 NBRI)", "(회장 한가람/이하 가온)": each
            // part that is a title and a name names a head.
            inside.split(['·', ',', '/']).filter_map(move |part| {
                let words: Vec<&str> = part.split_whitespace().collect();
                let (&name, role) = words.split_last()?;
                let titled = role
                    .first()
                    .is_some_and(|title| title_in(text, title) == Some(*title));
                let max_title_words = if after_code { 1 } else { 2 };
                (titled && role.len() <= max_title_words && is_name_word(name)).then(|| Person {
                    name: name.to_string(),
                    role: Some(role.join(" ")),
                    organization: organization.clone(),
                    quote: Some(text.to_string()),
                })
            })
        })
        .collect()
}

/// A Hangul word shaped like a full Korean name: a family name and a
/// two-syllable given name, and no common word.
fn is_name(token: &Token<'_>) -> bool {
    is_name_word(token.text)
}

/// "[한빛일보 한가람기자]": a Korean byline whose reporter's name is
/// glued to the title, a family name and a given name.
pub(in crate::ingest::extract) fn ends_with_glued_byline(text: &str) -> bool {
    crate::ingest::text::vocab::name_glued_to_reporter_title(text)
        .is_some_and(|name| (2..=4).contains(&name.chars().count()) && is_name_word(name))
}

pub(in crate::ingest::extract) fn is_name_word(word: &str) -> bool {
    let syllables = word.chars().count();
    // "조사는", "기술를", "기업의": a topic, object or genitive particle
    // ends no given name.
    // "원장과": a title with a particle is no name.
    if !word.chars().all(is_hangul)
        || NOT_NAMES.contains(&word)
        || word.ends_with(['는', '를', '의'])
        || TITLES.contains(&strip_particle(word))
    {
        return false;
    }
    SURNAMES
        .iter()
        .any(|surname| word.starts_with(surname) && syllables == surname.chars().count() + 2)
}

/// True when a registry name covers the token ("한성대" is a university).
fn claimed(sentence: &Sentence<'_>, token: &Token<'_>) -> bool {
    covered(sentence, token.start, token.end)
}

/// True when a registry organization or place overlaps `start..end`.
fn covered(sentence: &Sentence<'_>, start: usize, end: usize) -> bool {
    let overlaps = |h: &Hit| h.start < end && start < h.end;
    sentence.organizations.iter().any(overlaps) || sentence.places.iter().any(overlaps)
}

/// The title after the name at `name`: the byte offset where it ends (a
/// particle glued to it left out) and the organization named between.
fn title_after(
    sentence: &Sentence<'_>,
    tokens: &[Token<'_>],
    name: usize,
) -> Option<(usize, Option<Hit>)> {
    // "[이유진 / 한빛전지 관계자 : …]": a broadcast's caption names a
    // company's official after the slash, where 관계자 alone is a role.
    const OFFICIAL: &str = "관계자";
    let captioned = tokens
        .get(name + 1)
        .is_some_and(|t| t.text == "/" || t.text == "\\");
    let mut org = None;
    let mut between = 0;
    let mut place_between = false;
    let mut k = name + 1 + aside_after_name(tokens, name + 1);
    while let Some(token) = tokens.get(k) {
        if let Some(stem) = title_in(sentence.text, token.text) {
            // "허개화 중국 GEM회장": a title glued to its office may follow
            // any place.
            if place_between && !LOCAL_OFFICES.contains(&stem) && TITLES.contains(&stem) {
                return None;
            }
            // "품질안전담당 총괄": the unit's title, then the rank in it.
            let rank = tokens
                .get(k + 1)
                .filter(|_| stem == token.text)
                .and_then(|next| title_in(sentence.text, next.text).map(|t| next.start + t.len()));
            return Some((rank.unwrap_or(token.start + stem.len()), org));
        }
        if captioned && org.is_some() && strip_particle(token.text) == OFFICIAL {
            return Some((token.start + OFFICIAL.len(), org));
        }
        // "전 산업부 장관", "신임 대표": a word that qualifies the title.
        if MODIFIERS.contains(&token.text) {
            k += 1;
            continue;
        }
        // "㈜에이크미 대표", "한국과학기술원(KAIST) 교수": a legal form or
        // an acronym in brackets is part of the name beside it.
        let aside = name_aside(tokens, k);
        if aside > 0 {
            k += aside;
            continue;
        }
        // "홍길동 가온하이텍 대표": a brand the registry lacks, right
        // before the title; long or written with Latin letters, so no
        // common word ("업계 대표").
        let next_is_title = tokens
            .get(k + 1)
            .is_some_and(|t| title_in(sentence.text, t.text).is_some());
        // "노다온 ESS 표준기술연구회 위원장": an acronym opening the
        // name of a body the registry lacks.
        let names_a_body = is_acronym(token.text)
            && tokens
                .get(k + 1)
                .is_some_and(|t| is_unknown_organization(t.text));
        let brand = between == 0 && (next_is_title || names_a_body) && is_brand(token.text);
        let hit = sentence
            .organizations
            .iter()
            .find(|h| h.start <= token.start && token.end <= h.end + particle_len(sentence, h));
        match hit {
            // "김가온 스웨덴 투자청 팀장": a place before a body says
            // whose body it is; the title is the body's.
            Some(h) if between < MAX_BETWEEN => {
                org = org.or(Some(*h));
                between += 1;
                place_between = false;
                // Skip every token of a name of several words.
                while tokens.get(k + 1).is_some_and(|t| t.end <= h.end) {
                    k += 1;
                }
            }
            // "법무법인 가온 대표": a kind of firm, then its name, any word.
            None if between < MAX_BETWEEN
                && FIRM_KINDS.contains(&token.text)
                && tokens.get(k + 1).is_some_and(|t| {
                    t.text.chars().all(is_hangul) && title_in(sentence.text, t.text).is_none()
                }) =>
            {
                between += 1;
                place_between = false;
                k += 1;
            }
            // "박현식 여수 부시장": the city whose office it is; "권가온
            // 공단 이사장": the body named before, by its kind (an ending of
            // a body's name standing alone).
            None if between < MAX_BETWEEN
                && (brand
                    || is_unknown_organization(token.text)
                    || KOREAN_ORG_ENDINGS.contains(&token.text)) =>
            {
                between += 1;
                place_between = false;
            }
            // "박가온 가온대 전기소재공학 교수", "… 가온 미주 법인 대표",
            // "… 이사회 의장": the field, department or unit the title
            // belongs to.
            // "CATL 유럽법인 대표": unit words glued ("유럽" and "법인").
            None if between < MAX_BETWEEN
                && (is_department(token.text) || made_of(token.text, &UNIT_WORDS)) =>
            {
                between += 1;
                place_between = false;
            }
            // "가온대 공과대학 이차전지 센터장": the field a unit works
            // in, in common words, once a registry body stands before.
            None if between < MAX_BETWEEN && only_generic_words(token.text) && org.is_some() => {
                between += 1;
                place_between = false;
            }
            None if between < MAX_BETWEEN && is_place(sentence, token) => {
                between += 1;
                place_between = true;
            }
            _ => return None,
        }
        k += 1;
    }
    None
}

/// The tokens at `at` that belong to an organization's name beside them:
/// a legal form ("㈜", "(주)") or an acronym in brackets ("(KAIST)").
fn name_aside(tokens: &[Token<'_>], at: usize) -> usize {
    let text = |i: usize| tokens.get(i).map_or("", |t| t.text);
    if text(at) == "㈜" {
        return 1;
    }
    let inside = text(at + 1);
    let acronym = (2..=8).contains(&inside.len())
        && inside
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    let bracketed = text(at) == "(" && text(at + 2) == ")";
    if bracketed && (matches!(inside, "주" | "유") || acronym) {
        3
    } else {
        0
    }
}

/// "(58)", "(왼쪽부터)", "(사진)" right after a name: the person's age or
/// place in a photo, which stands between the name and its title; or the
/// slash of a broadcast's caption ("인터뷰 : 김가온 / 새만금개발청장").
/// The tokens it takes.
fn aside_after_name(tokens: &[Token<'_>], at: usize) -> usize {
    if tokens.get(at).is_some_and(|t| t.text == "/") {
        return 1;
    }
    // "정재권 \/ 삼성SDI 과장": a scrape that kept the slash's escape.
    if tokens.get(at).is_some_and(|t| t.text == "\\")
        && tokens.get(at + 1).is_some_and(|t| t.text == "/")
    {
        return 2;
    }
    if tokens.get(at).is_none_or(|t| t.text != "(") {
        return 0;
    }
    let Some(close) = (at + 2..tokens.len().min(at + 7)).find(|&k| tokens[k].text == ")") else {
        return 0;
    };
    let inner = &tokens[at + 1..close];
    let age = inner.len() == 1 && is_age(inner[0].text);
    let position = inner.iter().all(|t| {
        crate::ingest::text::vocab::PHOTO_POSITIONS.contains(&t.text)
            || LINEUP_CUES.contains(&t.text)
            || is_age(t.text)
    });
    if age || position {
        close + 1 - at
    } else {
        0
    }
}

/// A company's brand as one word: three syllables or more, or Hangul with
/// Latin letters ("SK온"), and no particle glued to it.
fn is_brand(word: &str) -> bool {
    // "IRS": a company's acronym.
    if is_acronym(word) {
        return true;
    }
    let hangul = word.chars().filter(|&c| is_hangul(c)).count();
    let latin = word.chars().any(|c| c.is_ascii_alphanumeric());
    word.chars()
        .all(|c| is_hangul(c) || c.is_ascii_alphanumeric())
        && (hangul >= 3 || hangul >= 1 && latin)
        // "가나다에이": a long name may end in 이 after a vowel, where the
        // particle would be 가 ("…비엠이 대표" is a subject and a noun).
        && (strip_particle(word) == word || hangul >= 4 && ends_in_vowel_then_i(word))
        && !NOT_NAMES.contains(&word)
}

/// Capitals and digits, two to six ("IRS", "ESS", "K2").
fn is_acronym(word: &str) -> bool {
    (2..=6).contains(&word.len())
        && word
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && word.bytes().any(|b| b.is_ascii_uppercase())
}

/// A word ending in 이 right after a syllable without a final consonant.
fn ends_in_vowel_then_i(word: &str) -> bool {
    const SYLLABLES_START: u32 = 0xAC00;
    const FINALS: u32 = 28;
    let mut chars = word.chars().rev();
    chars.next() == Some('이')
        && chars
            .next()
            .filter(|&c| is_hangul(c))
            .is_some_and(|c| (c as u32 - SYLLABLES_START).is_multiple_of(FINALS))
}

/// A word ending in a title longer than three syllables ("수석책임연구원"
/// ends in 책임연구원): a person's title, however long the word.
pub(in crate::ingest::extract) fn ends_with_long_title(word: &str) -> bool {
    TITLES
        .iter()
        .any(|t| t.chars().count() > 3 && word.ends_with(t))
}

/// [`is_unknown_organization`] by an ending of two syllables or more: a
/// foreign family name may end in "부" ("타다노부") as a ministry does.
fn ends_like_a_body(word: &str) -> bool {
    is_unknown_organization(word)
        && KOREAN_ORG_ENDINGS
            .iter()
            .any(|e| e.chars().count() >= 2 && word.ends_with(e))
}

/// "협회", "재단": a body's ending of two syllables or more standing
/// alone, as a text names the body it spoke of ("박가온 협회 부회장").
fn is_bare_body_noun(word: &str) -> bool {
    KOREAN_ORG_ENDINGS
        .iter()
        .any(|e| e.chars().count() >= 2 && *e == word)
}

/// A Hangul word ending like an organization's name ("미래소재연구원").
fn is_unknown_organization(word: &str) -> bool {
    word.chars().count() >= 3
        && word
            .chars()
            .all(|c| is_hangul(c) || c.is_ascii_alphanumeric())
        && KOREAN_ORG_ENDINGS.iter().any(|e| word.ends_with(e))
}

/// A Hangul word naming a field or a department ("전기소재공학",
/// "화공생명공학과"): three syllables or more ending like one.
fn is_department(word: &str) -> bool {
    static DEPARTMENT_ENDINGS: Words = word_list!("korean/department-endings.txt");
    word.chars().count() >= 3
        && word.chars().all(is_hangul)
        && DEPARTMENT_ENDINGS.iter().any(|e| word.ends_with(e))
}

/// True when `token` is a place the gazetteer found, whole.
fn is_place(sentence: &Sentence<'_>, token: &Token<'_>) -> bool {
    sentence
        .places
        .iter()
        .any(|h| h.start == token.start && h.end == token.end)
}

/// Bytes of the Hangul particle glued after an organization hit.
fn particle_len(sentence: &Sentence<'_>, hit: &Hit) -> usize {
    hangul_run(&sentence.text[hit.end..]).len()
}

/// [`title`], and a city's head ("시장") in a sentence that names a city
/// or quotes what the head said (a market says nothing).
fn title_in<'w>(sentence: &str, word: &'w str) -> Option<&'w str> {
    static CITY_TITLES: Words = word_list!("korean/city-titles.txt");
    title(word).or_else(|| {
        let stem = strip_particle(word);
        let subject = stem != word;
        (CITY_TITLES.contains(&stem) && (names_a_city(sentence) || subject && quotes(sentence)))
            .then_some(stem)
    })
}

/// A sentence that quotes what someone said: a quotation closed by the
/// quotative ending ("…”고 말했다", "…"라고 밝혔다", "…”면서"), which a market's
/// forecast ("…"는 전망", "…"라는 지적") does not take.
fn quotes(sentence: &str) -> bool {
    ['”', '"'].iter().any(|close| {
        sentence.match_indices(*close).any(|(at, q)| {
            [
                "고 ",
                "라고 ",
                "이라고 ",
                "며 ",
                "라며 ",
                "이라며 ",
                "면서 ",
            ]
            .iter()
            .any(|e| sentence[at + q.len()..].starts_with(e))
        })
    })
}

/// "대구시는", "나주시(…)": a Hangul word of two syllables or more and 시,
/// a particle or a bracket after it at most.
fn names_a_city(sentence: &str) -> bool {
    sentence
        .split(|c: char| !is_hangul(c))
        .map(strip_particle)
        .any(|word| {
            word.strip_suffix('시')
                .is_some_and(|stem| stem.chars().count() >= 2)
        })
}

/// The title a word is, without its particle ("장관은" → "장관").
fn title(word: &str) -> Option<&str> {
    let is_title = |w: &str| TITLES.contains(&w) || glued_title(w);
    if is_title(word) {
        return Some(word);
    }
    let stem = strip_particle(word);
    if is_title(stem) {
        return Some(stem);
    }
    // "… 최승돈 전무다": a title that ends the sentence as its predicate
    // (the copula 다 is no particle: "캐나다" ends in it).
    if let Some(title) = word.strip_suffix('다').filter(|t| TITLES.contains(t)) {
        return Some(title);
    }
    // "1차관", "제2차관": a numbered title.
    let unnumbered = stem.strip_prefix('제').unwrap_or(stem);
    let digits = unnumbered.len();
    let unnumbered = unnumbered.trim_start_matches(|c: char| c.is_ascii_digit());
    if unnumbered.len() < digits && !unnumbered.is_empty() && TITLES.contains(&unnumbered) {
        return Some(stem);
    }
    // "하윤철 박사팀이", "김하나 교수연구팀": the title's team.
    let head = TEAMS.iter().find_map(|team| stem.strip_suffix(team))?;
    is_title(head).then_some(head)
}

/// A title glued to the name of its office: at least two syllables of
/// that name, then the title ("부안군수", "전북특별자치도지사"). The
/// office's name may have digits or Latin letters ("2차전지사업총괄",
/// "ESS사업부장"); its syllables are counted in Hangul.
fn glued_title(word: &str) -> bool {
    // "전력PU장": the head of a unit its acronym names (PU, BU).
    let unit_head = word.strip_suffix('장').is_some_and(|unit| {
        unit.len()
            - unit
                .trim_end_matches(|c: char| c.is_ascii_uppercase())
                .len()
            >= 2
    });
    word.chars()
        .all(|c| is_hangul(c) || c.is_ascii_alphanumeric())
        && (unit_head
            || TITLE_ENDINGS.iter().any(|ending| {
                word.strip_suffix(ending).is_some_and(|office| {
                    // "GEM회장": a company's acronym, then its title.
                    let acronym =
                        office.len() >= 2 && office.chars().all(|c| c.is_ascii_uppercase());
                    let syllables = if acronym {
                        2
                    } else {
                        office.chars().filter(|&c| is_hangul(c)).count()
                    };
                    // "시장" is also a market ("유가증권시장", "배터리시장"); a
                    // city's name before a mayor is two syllables ("군산시장").
                    // "경제부시장" is a deputy mayor; "가나남부시장" a market.
                    let market_like = matches!(*ending, "시장" | "부시장");
                    // "전남지사" is a governor; "중국지사" a branch office.
                    let governor = *ending != "지사" || PROVINCES.contains(&office);
                    // "ESS시장" is a market, never an acronym's mayor.
                    syllables >= 2 && (!market_like || syllables == 2 && !acronym) && governor
                })
            }))
}

/// The organization named right before the name ("에이크미 김하나 대표").
fn org_before(sentence: &Sentence<'_>, name: &Token<'_>) -> Option<Hit> {
    org_ending_at(sentence, sentence.text[..name.start].trim_end().len())
}

/// The organization whose name ends at byte `end` of the sentence.
fn org_ending_at(sentence: &Sentence<'_>, end: usize) -> Option<Hit> {
    sentence
        .organizations
        .iter()
        .find(|h| h.end == end)
        .copied()
}
