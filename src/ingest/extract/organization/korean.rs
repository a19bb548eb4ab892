//! Extraction, organizations: Korean names the registry lacks, by the word
//! that ends a body's name ("…산업위원회", "…전지산업협회"), or by what a
//! company's name carries around it: a legal form ("㈜…", "…(주)",
//! "주식회사 …") or its head in brackets ("…(대표 김민수)").
//!
//! Korean writes a body's name as one word, its kind last, with particles
//! glued after ("…위원회는"). A short stem ("운영위원회", a steering
//! committee) is a generic body, so only long ones count.

use crate::content::front_matter::OrganizationKind;
use crate::ingest::extract::person::{ends_with_korean_title, is_korean_name};
use crate::ingest::text::hangul::{
    company_word_after, hangul_run, is_hangul, is_particle, strip_particle,
};
use crate::ingest::text::vocab::KOREAN_TITLES;
use crate::ingest::text::words::{made_of, word_list, Pairs, Words};

/// Endings of a body's name, with the kind each suggests.
static ENDINGS: Pairs = word_list!(pairs "korean/body-endings.txt");
/// Legal forms written before or after a company's name.
static LEGAL_FORMS: Words = word_list!("korean/legal-forms.txt");
/// Common words before an ending that make no name ("배터리솔루션").
static GENERIC_STEMS: Words = word_list!("korean/generic-stems.txt");
/// Titles of a company's head, written in brackets after its name.
static HEAD_TITLES: Words = word_list!("korean/company-head-titles.txt");

/// Syllables a name needs before its ending: a generic body with a short
/// stem ("운영위원회") is no name, but a company's brand is short.
const LEAST_STEM: usize = 4;
const LEAST_COMPANY_STEM: usize = 2;

/// Byte spans of the Hangul words of `text` that name a body by their
/// ending, with its kind; the particle glued after is left out.
pub(super) fn bodies(text: &str) -> Vec<(usize, usize, Option<OrganizationKind>)> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(is_hangul) {
        let word_start = text.len() - rest.len() + start;
        let word = hangul_run(&rest[start..]);
        if let Some((end, kind)) = named_body(word) {
            found.push((word_start, word_start + end, kind));
        } else if let Some(end) =
            named_company(&text[..word_start], word, &rest[start + word.len()..])
        {
            found.push((
                word_start,
                word_start + end,
                Some(OrganizationKind::Company),
            ));
        }
        rest = &rest[start + word.len()..];
    }
    found
}

/// Byte spans of company names right after a word that describes them
/// ("일차전지 제조 업체인 아리셀 공장에서"), the particle left out.
/// "영국 Circulor사와": a capitalized name in Latin letters glued to 사,
/// the word for a company (`company_word_after`), in Korean text.
pub(super) fn latin_companies(text: &str) -> Vec<(usize, usize, Option<OrganizationKind>)> {
    const MIN_LETTERS: usize = 3;
    let mut found = Vec::new();
    let latin = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '&';
    for (at, _) in text.char_indices() {
        let name = &text[..at];
        if !name.ends_with(latin) || !company_word_after(&text[at..]) {
            continue;
        }
        let start = name.rfind(|c: char| !latin(c)).map_or(0, |k| {
            k + name[k..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &name[start..];
        let named = word.starts_with(|c: char| c.is_ascii_uppercase())
            && word.chars().filter(char::is_ascii_alphabetic).count() >= MIN_LETTERS;
        if named {
            found.push((start, at, Some(OrganizationKind::Company)));
        }
    }
    found
}

pub(super) fn described_companies(text: &str) -> Vec<(usize, usize, Option<OrganizationKind>)> {
    static DESCRIPTORS: Words = word_list!("korean/company-descriptors.txt");
    static NOT_NAMES: Words = word_list!("korean/after-descriptor-not-names.txt");
    let mut found = Vec::new();
    for (space, _) in text.match_indices(' ') {
        let word_before = text[..space].rsplit(' ').next().unwrap_or("");
        // "스타트업인 가온셀", and a name in quotes after the noun alone
        // ("배터리 회사 '가온셀'에", "스타트업 '가온셀'(Gaon Cell)과").
        let described = DESCRIPTORS.iter().any(|d| word_before.ends_with(d));
        let noun_before_quotes = || {
            let noun = |d: &&str| {
                d.strip_suffix('인')
                    .is_some_and(|n| word_before.ends_with(n))
            };
            DESCRIPTORS.iter().any(noun) && quoted_name(&text[space + 1..]).is_some()
        };
        if !described && !noun_before_quotes() {
            continue;
        }
        let start = space + 1;
        // "스타트업인 '가온셀'": the name in quotes.
        if let Some(span) = quoted_name(&text[start..]) {
            found.push((
                start + span.start,
                start + span.end,
                Some(OrganizationKind::Company),
            ));
            continue;
        }
        if let Some(end) = spelt_name_end(&text[start..]) {
            found.push((start, start + end, Some(OrganizationKind::Company)));
            continue;
        }
        let token = first_word(&text[start..]);
        let name = strip_particle(token);
        // "수요기업인 자동차 기업의", "고객사인 글로벌 완성차 업체들은": a
        // kind of company in the same noun phrase, no name. A particle
        // ends the phrase: "고객사인 나래모터스는 전기차 업체로" names one.
        // ("기업인" is no describing word, as it also means a businessman,
        // but 기업 is a kind of company.)
        let is_kind = |w: &str| {
            let w = strip_particle(w);
            let w = w.strip_suffix('들').unwrap_or(w);
            w.ends_with("기업")
                || DESCRIPTORS
                    .iter()
                    .any(|d| d.strip_suffix('인').is_some_and(|noun| w.ends_with(noun)))
        };
        let open_phrase = |w: &str| strip_particle(w) == w;
        let mut next_words = text[start + token.len()..].split_whitespace();
        let kind_follows = open_phrase(token)
            && next_words.next().is_some_and(|first| {
                is_kind(first) || open_phrase(first) && next_words.next().is_some_and(is_kind)
            });
        let plain = !kind_follows && name.chars().next().is_some_and(char::is_alphabetic);
        // "협력사인 A사는": an anonymised company; "…회", "…단": a
        // gathering or a group.
        let anonymised = name.strip_suffix('사').is_some_and(|head| {
            head.chars().count() == 1 && head.chars().all(|c| c.is_ascii_uppercase())
        });
        let gathering = name.ends_with(['회', '단']);
        if !plain
            || anonymised
            || gathering
            || NOT_NAMES.contains(&name)
            // "고객사인 수요 증가에": a market's word, no company.
            || crate::ingest::text::vocab::is_korean_market_noun(name)
            || name.chars().count() < LEAST_COMPANY_STEM
            || is_korean_name(name)
            || ends_with_korean_title(name)
            || KOREAN_TITLES.contains(&name)
            || only_generic_words(name)
        {
            continue;
        }
        let end = start + token.len();
        let tail = (name == token).then(|| name_tail(&text[end..])).flatten();
        let end = tail.map_or(start + name.len(), |len| end + len);
        found.push((start, end, Some(OrganizationKind::Company)));
    }
    found
}

/// The word opening `text`, up to a space, a sign or a quotation mark.
fn first_word(text: &str) -> &str {
    text.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || "·‘’“”".contains(c))
        .next()
        .unwrap_or("")
}

/// " 인터내셔널이": a word of a company's name spaced after its first word
/// and ending the noun phrase; its bytes from `rest`'s start up to the
/// particle.
fn name_tail(rest: &str) -> Option<usize> {
    static TAILS: Words = word_list!("korean/name-tail-words.txt");
    let word = first_word(rest.strip_prefix(' ')?);
    // The name's subject, topic or partner: "가온 인터내셔널이"; an
    // object ("가온마인 리튬을") is what the company sells.
    const NAME_PARTICLES: [&str; 8] = ["이", "가", "은", "는", "와", "과", "의", "도"];
    let stem = strip_particle(word);
    let particle = &word[stem.len()..];
    let ends_phrase = NAME_PARTICLES.contains(&particle) || {
        let after = &rest[1 + word.len()..];
        particle.is_empty() && !after.starts_with(' ')
    };
    (TAILS.contains(&stem) && ends_phrase).then(|| 1 + stem.len())
}

/// "광동 브룬프 리사이클링 테크놀로지(Guangdong Brunp Recycling
/// Technology)": Hangul words spelt word for word in capitalized Latin
/// words in brackets right after them are one name, however many. Where
/// the Hangul name ends in `rest`.
fn spelt_name_end(rest: &str) -> Option<usize> {
    const MAX_WORDS: usize = 6;
    let open = rest.find('(')?;
    let close = open + rest[open..].find(')')?;
    let words: Vec<&str> = rest[..open].split(' ').collect();
    let latin: Vec<&str> = rest[open + 1..close].split_whitespace().collect();
    let hangul_words = words
        .iter()
        .all(|w| !w.is_empty() && w.chars().all(is_hangul));
    let capitalized = latin.iter().all(|w| {
        w.starts_with(|c: char| c.is_ascii_uppercase())
            && w.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '&' | '-' | '.'))
    });
    let word_for_word = (2..=MAX_WORDS).contains(&words.len()) && words.len() == latin.len();
    (word_for_word && hangul_words && capitalized).then_some(open)
}

/// "김가온 나래E&S 회장", "▲박다온 태성 대표이사,": between a person's
/// Korean name and a company officer's title, one word the registry lacks
/// names the company; a qualifier ("신임", "명예"), a title ("부사장
/// CFO"), units and lines of business ("미주", "경영지원", "법무법인",
/// "배터리") or a title with its particle ("회장이 대표이사에서") does
/// not.
pub(super) fn officers_companies(text: &str) -> Vec<(usize, usize, Option<OrganizationKind>)> {
    static OFFICERS: Words = word_list!("korean/company-officer-titles.txt");
    use crate::ingest::text::vocab::{
        KOREAN_BUSINESS_UNITS as UNITS, KOREAN_TITLE_MODIFIERS as QUALIFIERS,
    };
    let words: Vec<(usize, &str)> = text
        .split(' ')
        .scan(0, |at, word| {
            let start = *at;
            *at += word.len() + 1;
            Some((start, word))
        })
        .collect();
    let mut found = Vec::new();
    for triple in words.windows(3) {
        let [(_, name), (start, brand), (_, title)] = triple else {
            continue;
        };
        let name = name.trim_start_matches(|c: char| !is_hangul(c));
        let title = strip_particle(title.trim_end_matches([',', '.', '·']));
        let brand_shaped = brand.chars().count() >= LEAST_COMPANY_STEM
            && brand
                .chars()
                .all(|c| is_hangul(c) || c.is_ascii_alphanumeric() || c == '&')
            && brand.chars().any(is_hangul)
            && !QUALIFIERS.contains(brand)
            && !KOREAN_TITLES.contains(brand)
            && strip_particle(brand) == *brand
            && !is_korean_name(brand)
            && !ends_with_korean_title(brand)
            && !made_of(brand, &UNITS)
            && !only_generic_words(brand);
        if is_korean_name(name) && OFFICERS.contains(&title) && brand_shaped {
            found.push((*start, start + brand.len(), Some(OrganizationKind::Company)));
        }
    }
    found
}

/// Most words of a company's name in quotes.
const MOST_QUOTED_WORDS: usize = 4;

/// The span, inside the quotes, of a name that `text` opens with in
/// quotes ("'가온 파워'에", "‘Gaon Cell’(가온셀)과"): a few words, no
/// sentence, then a particle, a bracket or a comma. A noun after the
/// quotes makes them a programme's or a slogan's ("'밸류업' 프로그램"), and
/// a number with a syllable or two a rank or a year ("'빅3'", "'비전
/// 2030'").
fn quoted_name(text: &str) -> Option<std::ops::Range<usize>> {
    const LEAST_SYLLABLES_BESIDE_DIGITS: usize = 3;
    let open = text.chars().next()?;
    let (_, close) = crate::ingest::text::vocab::NAME_QUOTES
        .iter()
        .find(|(o, _)| *o == open)?;
    let close = *close;
    let inner_start = open.len_utf8();
    let inner_len = text[inner_start..].find(close)?;
    let inner = &text[inner_start..inner_start + inner_len];
    let after = &text[inner_start + inner_len + close.len_utf8()..];
    let words = inner.split_whitespace().count();
    let sentence = inner.contains(['.', ',', '?', '!', '"', '\'', '“', '”']);
    let closes = after.is_empty()
        || after.starts_with(['(', ',', '·'])
        || is_particle(hangul_run(after)) && !hangul_run(after).is_empty();
    let numbered = inner.contains(|c: char| c.is_ascii_digit())
        && inner.chars().filter(|&c| is_hangul(c)).count() < LEAST_SYLLABLES_BESIDE_DIGITS;
    let fits = (1..=MOST_QUOTED_WORDS).contains(&words)
        && inner.chars().count() >= LEAST_COMPANY_STEM
        && inner == inner.trim()
        && !sentence
        && closes
        && !numbered
        && !only_generic_words(inner)
        && !is_korean_name(inner);
    fits.then(|| inner_start..inner_start + inner_len)
}

/// Where the name ends in `word` and its kind, when the word is a long
/// stem, an ending and nothing or a particle.
fn named_body(word: &str) -> Option<(usize, Option<OrganizationKind>)> {
    static NOT_NAMES: Words = word_list!("korean/not-body-names.txt");
    // "수석책임연구원": a researcher's title, not an institute.
    if ends_with_korean_title(strip_particle(word)) || NOT_NAMES.contains(&strip_particle(word)) {
        return None;
    }
    ENDINGS.iter().find_map(|(ending, kind)| {
        let (at, _) = word
            .match_indices(ending)
            .find(|(at, _)| is_particle(&word[at + ending.len()..]))?;
        let kind = OrganizationKind::from_word(kind);
        let least = match kind {
            Some(OrganizationKind::Company) => LEAST_COMPANY_STEM,
            _ => LEAST_STEM,
        };
        let long = word[..at].chars().count() >= least;
        let generic = only_generic_words(&word[..at]);
        (long && !generic).then_some((at + ending.len(), kind))
    })
}

/// A stem made of common words only ("전기차충전" is 전기차 and 충전,
/// "배터리"): a line of business, no brand.
pub(in crate::ingest::extract) fn only_generic_words(stem: &str) -> bool {
    made_of(stem, &GENERIC_STEMS)
}

/// Where a company's name ends in `word`, when a legal form stands right
/// before it (`before` ends with it) or right after it (`after` opens with
/// it), or its head's title and name follow in brackets. A form glued to
/// the word on its other side belongs to that word: in "류광지 ㈜금양" and
/// "기업 ㈜영풍" the form names the brand after it, not the word before.
fn named_company(before: &str, word: &str, after: &str) -> Option<usize> {
    let spaced_before = before.trim_end_matches(' ');
    let spaced_after = after.trim_start_matches(' ');
    let form_before = LEGAL_FORMS.iter().any(|form| {
        spaced_before.ends_with(form)
            && (spaced_before.len() == before.len()
                || !glued_before(&spaced_before[..spaced_before.len() - form.len()]))
    });
    let form_after = LEGAL_FORMS.iter().any(|form| {
        spaced_after.starts_with(form)
            && (spaced_after.len() == after.len() || !glued_after(&spaced_after[form.len()..]))
    });
    // "… 주식회사 전경.": a caption's view of the building, no name.
    static NOT_NAMES: Words = word_list!("korean/not-names-after-a-form.txt");
    let name = if form_before {
        let name = strip_particle(word);
        if NOT_NAMES.contains(&name) {
            return None;
        }
        name
    } else if form_after || headed(after) {
        word
    } else {
        return None;
    };
    (name.chars().count() >= LEAST_COMPANY_STEM).then_some(name.len())
}

/// Whether text ending in `before` runs into what follows it (a word's
/// last letter right before).
fn glued_before(before: &str) -> bool {
    before
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// Whether text opening with `after` runs on from what precedes it into
/// a word (a particle, "주식회사와", is no word of its own).
fn glued_after(after: &str) -> bool {
    match hangul_run(after) {
        "" => after.chars().next().is_some_and(char::is_alphanumeric),
        run => !is_particle(run),
    }
}

/// "(대표 김민수)", "(대표이사 김민수·이지은)": a head's title and a name in
/// brackets right after a company's name.
fn headed(after: &str) -> bool {
    let Some(inside) = after.strip_prefix('(') else {
        return false;
    };
    let Some((inside, _)) = inside.split_once(')') else {
        return false;
    };
    let Some((title, names)) = inside.split_once(' ') else {
        return false;
    };
    HEAD_TITLES.contains(&title)
        && names
            .split(['·', ','])
            .all(|name| is_korean_name(name.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(&str, Option<&'static str>)> {
        bodies(text)
            .into_iter()
            .map(|(s, e, k)| (&text[s..e], k.map(OrganizationKind::word)))
            .collect()
    }

    #[test]
    fn a_long_name_ending_in_a_bodys_word_with_or_without_a_particle() {
        assert_eq!(
            names("이후 국가배터리전략위원회 심의를 거쳐 한국셀소재산업협회는 밝혔다."),
            [
                ("국가배터리전략위원회", Some("government")),
                ("한국셀소재산업협회", Some("association")),
            ]
        );
    }

    #[test]
    fn a_latin_name_glued_to_the_word_for_a_company() {
        let text = "영국 Kestrel사와 협약을 맺고 Orla-Tech사 관계자는 말했다. LG사와 Acme사업부";
        let found: Vec<&str> = latin_companies(text)
            .into_iter()
            .map(|(s, e, _)| &text[s..e])
            .collect();
        // Two letters are an acronym's; 사업 is a longer word.
        assert_eq!(found, ["Kestrel", "Orla-Tech"]);
    }

    #[test]
    fn a_prosecutors_office_and_a_court() {
        assert_eq!(
            names("나래지방검찰청 조사부와 공조했고 한빛중앙지방법원은 판결했다."),
            [
                ("나래지방검찰청", Some("government")),
                ("한빛중앙지방법원", Some("government")),
            ]
        );
    }

    #[test]
    fn an_academy_and_a_mining_company() {
        assert_eq!(
            names("한국셀산업아카데미는 수료식을 열었고 중국 누리광업은 생산을 멈췄다."),
            [
                ("한국셀산업아카데미", Some("other")),
                ("누리광업", Some("company"))
            ]
        );
    }

    #[test]
    fn a_company_by_its_ending_after_a_short_brand() {
        assert_eq!(
            names("해솔머티리얼즈는 공장을 짓는다. 머티리얼즈는 아니다."),
            [("해솔머티리얼즈", Some("company"))]
        );
        // A solutions or mobility company, but not a line of business.
        assert_eq!(
            names(
                "다온배터리솔루션이 짓고 라온모빌리티는 판다. 배터리솔루션 사업과 \
                 차세대모빌리티 분야, 전기차충전솔루션과 오픈이노베이션."
            ),
            [
                ("다온배터리솔루션", Some("company")),
                ("라온모빌리티", Some("company"))
            ]
        );
    }

    #[test]
    fn a_group_a_brokerage_and_investors_by_their_endings() {
        assert_eq!(
            names(
                "해솔그룹으로부터 인수했고 다온증권 애널리스트와 라온캐피털, \
                 가람인베스트먼트는 투자했다."
            ),
            [
                ("해솔그룹", Some("company")),
                ("다온증권", Some("company")),
                ("라온캐피털", Some("company")),
                ("가람인베스트먼트", Some("company"))
            ]
        );
        // A research group, listed securities, an investment firm in
        // general: no names.
        assert!(names("연구그룹은 유가증권 시장의 투자그룹과 만났다.").is_empty());
        assert!(names("신종자본증권을 벤처캐피털이 샀고 워킹그룹은 선두그룹에 들었다.").is_empty());
        // A research association's name may be made of common words.
        assert_eq!(
            names("전지연구조합과 함께 열었다."),
            [("전지연구조합", Some("association"))]
        );
    }

    #[test]
    fn a_company_by_its_legal_form_or_its_head_in_brackets() {
        let text = "㈜해솔은 짓고, 다온텍(주)는 사고, 주식회사 라온셀은 팔고, \
                    가람전지 주식회사와 누리텍(대표 김민수)은 빌렸다.";
        let found: Vec<&str> = names(text).into_iter().map(|(name, _)| name).collect();
        assert_eq!(found, ["해솔", "다온텍", "라온셀", "가람전지", "누리텍"]);
        // A bracket that holds no head's name; a single syllable.
        assert!(names("누리텍(대표 제품)은 팔았다. ㈜나는 갔다.").is_empty());
        // A form glued to the brand after it names that brand alone, and a
        // form glued to the brand before it names that brand alone.
        let found: Vec<&str> = names("류광지 ㈜해솔 회장과 기업 ㈜다온텍, 누리텍㈜ 대표는 왔다.")
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        assert_eq!(found, ["해솔", "다온텍", "누리텍"]);
        // A caption's view after the form is no name.
        let found: Vec<&str> = names("가람전지(GR) 주식회사 전경.")
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        assert!(!found.contains(&"전경"), "{found:?}");
    }

    #[test]
    fn an_institute_by_a_long_stem_and_an_embassy() {
        assert_eq!(
            names("한빛기계부품연구원과 주한칠레대사관이 공동주관했다."),
            [
                ("한빛기계부품연구원", Some("research")),
                ("주한칠레대사관", Some("government"))
            ]
        );
        // A researcher's title is no institute.
        assert!(names("책임연구원과 박사후연구원이 참석했다.").is_empty());
        assert!(names("에이크미 수석책임연구원이 발표했다.").is_empty());
    }

    #[test]
    fn a_company_named_after_the_words_that_describe_it() {
        let described = |text: &'static str| -> Vec<&'static str> {
            described_companies(text)
                .into_iter()
                .map(|(start, end, _)| &text[start..end])
                .collect()
        };
        assert_eq!(
            described("일차전지 제조 업체인 가온셀 공장에서 불이 났다. 소재 회사인 SK가온은 컸다."),
            ["가온셀", "SK가온"]
        );
        // A name in quotes after the noun alone.
        assert_eq!(
            described(
                "배터리 회사 '가온 파워'에 투자했고 스타트업 ‘라온셀’(Raon Cell)과 \
                 사모펀드 회사 '다온 캐피털 매니지먼트'를 통해 벤처 업체 '누리텍'도 샀다."
            ),
            ["가온 파워", "라온셀", "다온 캐피털 매니지먼트", "누리텍"]
        );
        // Words spelt word for word in Latin letters after them.
        assert_eq!(
            described("가온의 자회사인 광동 나래 리사이클링 테크놀로지(Guangdong Narae Recycling Technology)와 협업한다."),
            ["광동 나래 리사이클링 테크놀로지"]
        );
        // Not when the spelling has another number of words.
        assert_eq!(
            described("가온의 자회사인 광동 나래(Guangdong Narae Recycling)와 협업한다."),
            ["광동"]
        );
        // A quoted phrase, a slogan or a quote is no name, nor is a
        // programme's name with its noun after, a rank or a year.
        assert!(described(
            "회사 '미래를 여는 배터리, 가온'을 내걸었고 업체 '배터리'도 썼다. \
             협력사 '동반성장' 지원도, 업체 '빅3'도, 회사 '비전 2030'을 발표했다."
        )
        .is_empty());
        // A person or a title, a common word, another kind of company, a
        // connective, an anonymised company or a gathering.
        assert!(described(
            "중견 업체인 대표가 왔고 업체인 한가람 씨와 배터리 업체인 소재 기업. 수요업체인 가온 기업의 역할"
        )
        .is_empty());
        assert!(described(
            "중소 업체인 만큼 어렵다. 상장 회사인 반면 작다. 협력사인 A사는 컸다. 벤처 업체인 간담회를 열었다."
        )
        .is_empty());
        // A word before a kind of company a word later describes it; a
        // name with its particle ends the phrase.
        assert!(described("고객사인 글로벌 완성차 업체들은 주문을 줄였다.").is_empty());
        assert_eq!(
            described("고객사인 나래모터스는 전기차 업체로 컸고 협력사인 다올테크는 소재 기업으로 출발했다."),
            ["나래모터스", "다올테크"]
        );
    }

    #[test]
    fn a_short_or_glued_name_is_no_body() {
        // A steering committee; a committee's meeting ("위원회의" is a
        // particle, "위원회장" is not).
        assert!(names("운영위원회는 열렸다. 국가배터리전략위원회장 선임.").is_empty());
        assert!(names("The committee met.").is_empty());
    }
}
