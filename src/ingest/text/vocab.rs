//! Ingest, text layer: the vocabulary that more than one stage reads.
//!
//! Month names (publication dates in `meta`, event dates in `extract`,
//! names in `extract` that are really months), the labels that introduce a
//! date on a board page (`meta` reads the date after them, `clean` drops
//! the line), and the capitalized words that open sentences and so never
//! start a person's or an organization's name, and the news agencies and
//! release wires whose names stand in datelines and credits. One list
//! each, so a word added for one stage is known to all.

use crate::ingest::text::words::{word_list, Pairs, Words};

/// Month names in calendar order, lowercase.
static MONTHS: Words = word_list!("shared/months.txt");

/// Month number of a month name or abbreviation, any case ("Nov.",
/// "Sept", "october"); three letters or "sept" for an abbreviation.
pub(crate) fn month_number(word: &str) -> Option<u8> {
    let word = word.trim_end_matches(['.', ',']).to_lowercase();
    if word.len() < 3 {
        return None;
    }
    let index = MONTHS.iter().position(|m| {
        *m == word
            || (word.len() <= 4 && m.starts_with(&word) && (word.len() == 3 || word == "sept"))
    })?;
    Some(index as u8 + 1)
}

/// A month's full name ("March"), not an abbreviation that is also a given
/// name ("Jan").
pub(crate) fn is_month_name(word: &str) -> bool {
    MONTHS.iter().any(|m| m.eq_ignore_ascii_case(word))
}

/// Legal forms ("Co", "Ltd", "Inc"): the tokenizer keeps their full stop
/// inside a sentence, and a registry name followed only by these is the
/// same body.
pub(crate) static LEGAL_FORMS: Words = word_list!("shared/legal-forms.txt");

/// A name without the legal forms that end it: "GEM Co., Ltd." → "GEM".
pub(crate) fn without_legal_form(name: &str) -> &str {
    let mut short = name;
    while let Some((head, last)) = short.trim_end_matches(['.', ',', ' ']).rsplit_once(' ') {
        if !LEGAL_FORMS.contains(&last.trim_end_matches('.')) {
            break;
        }
        short = head.trim_end_matches([',', ' ']);
    }
    short
}

/// Words of a photo's position note ("third from left", "center").
pub(crate) static PHOTO_POSITIONS: Words = word_list!("shared/photo-positions.txt");

/// How credits begin ("사진=", "Photo:", "courtesy of"): `clean` cuts them
/// from captions, `text::stamp` knows a photo's filing date by them.
pub(crate) static CREDIT_STARTS: Words = word_list!("shared/credit-starts.txt");

/// How a paid service's notice opens and how it ends: "이 기사는 2023년
/// 10월 26일 … 표출된 기사입니다".
const NOTICE_OPENER: &str = "이 기사는";
static SHOWING_NOTICES: Words = word_list!("shared/showing-notices.txt");

/// A paid service's notice of the day it first showed the story, after an
/// editor's label in brackets or none ("[편집자] 이 기사는 … 먼저
/// 출고됐습니다"): about the page, not the story. A line opening "이 기사는"
/// without the notice's wording ("… 열린 세미나 내용을 정리한 것입니다")
/// is the story's.
pub(crate) fn is_showing_notice(line: &str) -> bool {
    let lower = line.trim().to_lowercase();
    opens_as_a_notice(&lower) && SHOWING_NOTICES.iter().any(|n| lower.contains(n))
}

/// Whether a line opens as a paid service's notice does ("이 기사는"),
/// after an editor's label in brackets or none.
pub(crate) fn opens_as_a_notice(lower: &str) -> bool {
    let body = match lower
        .strip_prefix('[')
        .and_then(|rest| rest.split_once(']'))
    {
        Some((_, rest)) => rest.trim_start(),
        None => lower,
    };
    body.starts_with(NOTICE_OPENER)
}

/// The words that make a credit a photo's ("photo", "image", "사진").
pub(crate) static PHOTO_CREDIT_WORDS: Words = word_list!("shared/photo-credit-words.txt");

/// True when the inside of a bracket places someone in a photo ("third
/// from left", "center"): a few words, one of them a position.
pub(crate) fn is_position_note(inside: &str) -> bool {
    const MAX_WORDS: usize = 4;
    let words: Vec<String> = inside.split_whitespace().map(str::to_lowercase).collect();
    (1..=MAX_WORDS).contains(&words.len())
        && words.iter().any(|w| PHOTO_POSITIONS.contains(&w.as_str()))
}

/// ISO codes of currencies the figures vocabulary knows ("KRW", "USD").
pub(crate) static CURRENCY_CODES: Words = word_list!("extract/currency-codes.txt");

/// Signs written before an amount of money ("$", "€", "₩").
pub(crate) fn is_currency_sign(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥' | '₩' | '₹')
}

/// Labels of a credit before "=" ("사진=", "자료="): no place of a wire.
pub(crate) static CREDIT_LABELS: Words = word_list!("korean/credit-labels.txt");

/// "서울=뉴스1" inside a wire's tag: its place and its name. The place is
/// letters ("$1 = 156.28 yen" is an exchange rate), no credit's label
/// ("사진="), and the name no provider's ("… 제공").
pub(crate) fn wire_place_and_outlet(content: &str) -> Option<(&str, &str)> {
    let (place, outlet) = content.split_once('=')?;
    let (place, outlet) = (place.trim(), outlet.trim());
    let place_word = !place.is_empty() && place.chars().all(|c| c.is_alphabetic() || c == '·');
    let credit = CREDIT_LABELS.contains(&place) || outlet.ends_with("제공");
    (place_word && !outlet.is_empty() && !credit).then_some((place, outlet))
}

/// Endings of Korean organizations' names ("연구원", "협회", "케미칼"):
/// `extract` knows a body the registry lacks by them, `clean` a caption's
/// provider.
pub(crate) static KOREAN_ORG_ENDINGS: Words = word_list!("korean/org-endings.txt");

/// Korean words of a market's outlook ("전망") and of what a market is
/// ("수요", "가격"): `extract` reads an outlook's sentence by them, and
/// takes a market's word for no company's name.
pub(crate) static KOREAN_OUTLOOK_WORDS: Pairs = word_list!(pairs "korean/outlook-words.txt");

/// "수요", "시장", "매출": a word of what a market is, standing alone.
pub(crate) fn is_korean_market_noun(word: &str) -> bool {
    KOREAN_OUTLOOK_WORDS
        .iter()
        .any(|&(w, kind)| kind == "market" && w == word)
}

/// Administrative suffixes of Korean local governments' names ("군",
/// "시", "도", "구"): `extract` reads a local government by them, `clean`
/// a caption's provider.
pub(crate) static KOREAN_LOCAL_SUFFIXES: Words = word_list!("korean/local-government-suffixes.txt");

/// Function words ("the", "of"): no meaning in a file name, no evidence
/// that a headline and a lede tell the same story.
pub(crate) static FUNCTION_WORDS: Words = word_list!("shared/function-words.txt");

/// A Korean sentence of plans ("~할 계획이다", "~할 방침이다").
pub(crate) fn is_korean_plan(sentence: &str) -> bool {
    static KOREAN_PLAN_WORDS: Words = word_list!("korean/plan-words.txt");
    KOREAN_PLAN_WORDS.iter().any(|w| sentence.contains(w))
}

/// Labels that introduce a publication date on a board or news page.
pub(crate) static DATE_LABELS: Words = word_list!("shared/date-labels.txt");

/// Labels of a later edit to the page.
pub(crate) static UPDATE_LABELS: Words = word_list!("shared/update-labels.txt");

/// Reading-time labels glued to a headline or a date ("facility1 min
/// read", "11 August 20237 minute read").
pub(crate) static READING_TIME: Words = word_list!("shared/reading-time.txt");

/// Words after which a date or year belongs to a phrase ("opened on
/// 2021-07-05", "by 2030"), not to a page stamp or a name.
pub(crate) static DATE_JOINING: Words = word_list!("shared/date-joining-words.txt");

/// Capitalized words that start sentences or clauses, never names.
pub(crate) static SENTENCE_OPENERS: Words = word_list!("shared/sentence-openers.txt");

/// Wire services and press-release distributors, as the single words
/// their names appear as in datelines, credits and bylines ("(Yonhap)",
/// "/PRNewswire/", "Newswise —"). Never part of a person's name.
static NEWS_AGENCIES: Words = word_list!("shared/news-agencies.txt");

/// Whether `word` is a news agency's or release wire's name, any case.
/// A name spaced in its tag ("BUSINESS WIRE") is the wire's too.
pub(crate) fn is_news_agency(word: &str) -> bool {
    let joined: String;
    let word = if word.contains(' ') {
        joined = word.split_whitespace().collect();
        &joined
    } else {
        word
    };
    NEWS_AGENCIES.iter().any(|a| a.eq_ignore_ascii_case(word))
}

static OUTLET_WORDS: Words = word_list!("shared/outlet-words.txt");

/// A word that ends a news outlet's name in Latin letters ("Herald",
/// "Times"), as written.
pub(crate) fn is_outlet_word(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_uppercase()) && OUTLET_WORDS.contains(&word)
}

/// A news outlet's name standing alone on a line ("The Daily Cell Times",
/// "한빛경제신문"): at most five words, capitalized (or Hangul), the last
/// ending like an outlet's name, no sentence.
pub(crate) fn is_masthead(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let Some(last) = words.last() else {
        return false;
    };
    let hangul = last.chars().all(crate::ingest::text::hangul::is_hangul);
    let named = if hangul {
        words.len() <= 2
            && OUTLET_WORDS
                .iter()
                .any(|w| last.ends_with(w) && last.chars().count() > w.chars().count())
    } else {
        (2..=5).contains(&words.len())
            && words
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))
            && OUTLET_WORDS.iter().any(|w| w.eq_ignore_ascii_case(last))
    };
    named && !line.trim_end().ends_with(['.', '!', '?'])
}

/// Titles of an outlet's writer that close a Korean byline ("… 홍길동 기자").
static REPORTER_TITLES: Words = word_list!("korean/reporter-titles.txt");

/// Korean titles and positions written after a name ("교수", "대표").
pub(crate) static KOREAN_TITLES: Words = word_list!("korean/titles.txt");
/// Words that qualify a Korean title before it ("전 장관", "신임 대표").
pub(crate) static KOREAN_TITLE_MODIFIERS: Words = word_list!("korean/title-modifiers.txt");
/// Words of a body's units and projects ("법인", "미주", "이사회").
pub(crate) static KOREAN_BUSINESS_UNITS: Words = word_list!("korean/business-unit-words.txt");

/// True when `word` is a Korean reporter's title ("기자", "특파원").
pub(crate) fn is_reporter_title(word: &str) -> bool {
    REPORTER_TITLES.contains(&word)
}

/// True when `text`'s last word is a Korean reporter's title.
pub(crate) fn ends_with_reporter_title(text: &str) -> bool {
    text.split_whitespace()
        .next_back()
        .is_some_and(is_reporter_title)
}

/// The name a reporter's title is glued to at the end of `text`
/// ("[한빛일보 한가람기자]"), if it ends so.
pub(crate) fn name_glued_to_reporter_title(text: &str) -> Option<&str> {
    let last = text.split_whitespace().next_back()?;
    REPORTER_TITLES
        .iter()
        .find_map(|title| last.strip_suffix(title).filter(|name| !name.is_empty()))
}

/// Quotation marks and brackets that set off a name ('…', 「…」, 《…》),
/// open and close.
pub(crate) const NAME_QUOTES: [(char, char); 7] = [
    ('「', '」'),
    ('『', '』'),
    ('‘', '’'),
    ('“', '”'),
    ('\'', '\''),
    ('"', '"'),
    ('《', '》'),
];

/// Korean words that attribute what follows to a source ("따르면").
static KOREAN_ATTRIBUTIONS: Words = word_list!("korean/attributions.txt");

/// True when a Korean word attributes to a source: "따르면" opens it or
/// ends it ("정부에 따르면", "발표에따르면").
pub(crate) fn is_korean_attribution(word: &str) -> bool {
    KOREAN_ATTRIBUTIONS
        .iter()
        .any(|a| word.starts_with(a) || word.ends_with(a))
}

/// Nouns that describe the organization named right after them ("battery
/// maker", "carmaker", "giant").
pub(crate) static ORGANIZATION_DESCRIPTORS: Words =
    word_list!("extract/organization-descriptors.txt");

/// Roman numbers after a name ("Corp III", "John Doe III").
pub(crate) static ROMAN_NUMBERS: Words = word_list!("shared/roman-numbers.txt");

/// Past tenses without -ed ("rose", "fell", "made").
pub(crate) static IRREGULAR_PAST: Words = word_list!("extract/irregular-past.txt");

/// Articles, possessives and demonstratives before a noun ("the", "its").
pub(crate) static DETERMINERS: Words = word_list!("extract/determiners.txt");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_masthead_is_an_outlets_name_alone() {
        for line in [
            "The Daily Cell Times",
            "Battery Industry News",
            "한빛경제신문",
        ] {
            assert!(is_masthead(line), "{line}");
        }
        for line in [
            "News",
            "Acme Posts Record Profit as Cell Sales Rise",
            "the daily news",
            "신문",
            "Battery News.",
        ] {
            assert!(!is_masthead(line), "{line}");
        }
    }

    #[test]
    fn month_names_and_abbreviations() {
        for (word, month) in [("Nov.", 11), ("Sept", 9), ("october", 10), ("May", 5)] {
            assert_eq!(month_number(word), Some(month), "{word}");
        }
        for word in ["Ma", "Marc", "Mayor", "Jun.e"] {
            assert_eq!(month_number(word), None, "{word}");
        }
        assert!(is_month_name("March") && !is_month_name("Jan"));
    }

    #[test]
    fn news_agencies_in_any_case() {
        assert!(is_news_agency("Yonhap") && is_news_agency("prnewswire"));
        assert!(is_news_agency("BUSINESS WIRE") && !is_news_agency("Seoul Wire"));
        assert!(!is_news_agency("Seoul"));
    }
}
