//! Extraction, topics: how much the words of one sentence say about a topic.
//!
//! Takes a sentence with its organization spans and gives back its pieces
//! with a weight each: words inside a proper name ("Energy Storage Research
//! Center", "Office of … Renewable Energy") say nothing and are masked; a
//! quotation of a speaker counts half; a funding acknowledgment ("The work
//! was funded by …") is a formula and counts a quarter. Also finds the
//! signals keywords cannot carry: a money amount next to a funding word,
//! and a named law ("Inflation Reduction Act").

use crate::ingest::text::hangul::{is_hangul, strip_particle};
use crate::ingest::text::token::{tokenize, Token};
use crate::ingest::text::words::{word_list, Words};

/// Head nouns of institutions and their units: a capitalized run that
/// contains one is a name, not a description of the work.
static INSTITUTION_HEADS: Words = word_list!("extract/institution-heads.txt");

/// Small words that may sit inside a capitalized name.
static NAME_JOINERS: Words = word_list!("extract/name-joiners.txt");

/// Verbs that move money to someone: beside an amount they tell funding.
static FUNDING_VERBS: Words = word_list!("extract/funding-verbs.txt");

/// Words that name a law, a rule or a government plan when capitalized after a capitalized word.
static LAW_HEADS: Words = word_list!("extract/law-heads.txt");

/// Words ending a quoted Korean name of a law or measure ('… 대책').
static KOREAN_POLICY_HEADS: Words = word_list!("korean/policy-heads.txt");

/// Words ending a quoted Korean name of a plan ('… 발전전략'), a
/// government's or a company's.
static KOREAN_PLAN_HEADS: Words = word_list!("korean/government-plan-heads.txt");

/// Endings of a Korean word that names a law unquoted ("배터리산업특별법").
/// Nouns of a plan that, beside a government, make it a policy.
static GOVERNMENT_PLAN_NOUNS: Words = word_list!("extract/government-plan-nouns.txt");

static KOREAN_LAW_ENDINGS: Words = word_list!("korean/law-endings.txt");

/// Most words a quoted text may have and still be a name, not speech.
const NAME_MAX_WORDS: usize = 6;

/// One piece of a sentence and how much its keywords count.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Piece {
    pub(crate) text: String,
    pub(crate) factor: f64,
    /// Speech in quotation marks: its common words count half.
    pub(crate) quoted: bool,
}

/// The sentence in weighted pieces: names masked, quotations apart.
/// `names` are byte spans already known to be names (organizations).
pub(crate) fn pieces(text: &str, names: &[(usize, usize)], headline: bool) -> Vec<Piece> {
    let mut masked = text.to_string();
    let mut spans = names.to_vec();
    if !headline {
        spans.extend(institution_names(text));
    }
    for (start, end) in spans {
        if let Some(span) = masked.get(start..end) {
            let blank = " ".repeat(span.len());
            masked.replace_range(start..end, &blank);
        }
    }
    let base = if acknowledgment(text) { 0.25 } else { 1.0 };
    quotations(&masked)
        .into_iter()
        .map(|(piece, quoted)| Piece {
            text: piece.to_string(),
            factor: base,
            quoted,
        })
        .collect()
}

/// "The work was funded by …", "This research was supported by …": the
/// formula that closes a research release, not news about money.
pub(crate) fn acknowledgment(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["funded by", "supported by", "sponsored by", "financed by"]
        .iter()
        .any(|p| lower.contains(&format!("was {p}")) || lower.contains(&format!("were {p}")))
}

/// Spans of capitalized runs that contain an institution's head noun
/// ("Energy Storage Research Center", "Office of Energy Efficiency and
/// Renewable Energy").
fn institution_names(text: &str) -> Vec<(usize, usize)> {
    let tokens = tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !capitalized(&tokens[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut j = i + 1;
        while j < tokens.len() {
            if capitalized(&tokens[j]) {
                end = j + 1;
            } else if !NAME_JOINERS.contains(&tokens[j].text) {
                break;
            }
            j += 1;
        }
        let run = &tokens[start..end];
        if run.len() >= 2 && run.iter().any(|t| INSTITUTION_HEADS.contains(&t.text)) {
            out.push((run[0].start, run[run.len() - 1].end));
        }
        i = end;
    }
    out
}

fn capitalized(token: &Token<'_>) -> bool {
    token.text.chars().next().is_some_and(char::is_uppercase)
}

/// The text in runs, each marked quoted or not. Only speech counts as a
/// quotation: five words or more, and the whole sentence, or ending in
/// punctuation, or introduced by a colon or comma ("said, “…”"). A quoted
/// term or the name of a plan ("the “K-Battery ESS Strategy”") is part of
/// the sentence.
fn quotations(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut rest = continued_quote(text, &mut out);
    while let Some(open) = rest.find(['"', '“']) {
        let body = open + rest[open..].chars().next().map_or(1, char::len_utf8);
        let after = &rest[body..];
        // A quotation the sentence splitter cut off runs to the end.
        let (quote, resume) = match after.find(['"', '”']) {
            Some(close) => (
                &after[..close],
                body + close + after[close..].chars().next().map_or(1, char::len_utf8),
            ),
            None => (after, rest.len()),
        };
        let introduced = rest[..open].trim_end().ends_with([',', ':']);
        let whole = rest[..open].trim().is_empty() && rest[resume..].trim().len() <= 1;
        let ends = quote.trim_end().ends_with(['.', ',', '!', '?', '…']);
        if quote.split_whitespace().count() >= 5 && (introduced || whole || ends) {
            out.push((&rest[..open], false));
            out.push((quote, true));
        } else {
            out.push((&rest[..resume], false));
        }
        rest = &rest[resume..];
    }
    out.push((rest, false));
    out.retain(|(piece, _)| !piece.trim().is_empty());
    out
}

/// The end of a quotation begun in an earlier sentence ("… in ESS.”"):
/// pushed as quoted; gives back the text after it.
fn continued_quote<'a>(text: &'a str, out: &mut Vec<(&'a str, bool)>) -> &'a str {
    let Some(first) = text.find(['"', '“', '”']) else {
        return text;
    };
    let mark = text[first..].chars().next().unwrap_or('"');
    let straight_unpaired = mark == '"' && text.matches('"').count() % 2 == 1;
    let closes = mark == '”' || (straight_unpaired && first > 0);
    let after = first + mark.len_utf8();
    if closes && text[..first].split_whitespace().count() >= 5 {
        out.push((&text[..first], true));
        return &text[after..];
    }
    text
}

/// A currency amount in the sentence ("RMB 10 billion", "€3 billion").
pub(crate) fn has_money(text: &str) -> bool {
    super::super::figure::figures(text)
        .iter()
        .any(|f| super::super::unit::currency_code(f.unit.as_str()).is_some())
}

/// A verb that moves money ("will provide", "contributed", "지원한다").
pub(crate) fn moves_money(text: &str) -> bool {
    tokenize(text).iter().any(|token| {
        let word = token.text.to_lowercase();
        FUNDING_VERBS.iter().any(|verb| {
            let korean = verb.chars().any(crate::ingest::text::hangul::is_hangul);
            word == *verb || korean && word.starts_with(verb)
        })
    })
}

/// A named law or rule: a capitalized "Act", "Regulation", "Directive" …
/// right after another capitalized word ("Inflation Reduction Act",
/// "Battery Regulation").
/// In Korean: a quoted name ending in a word of a law or measure
/// (「배터리 보관 안전관리 대책」), or of a plan when `government` (the
/// sentence names a government: a company has strategies too), or a word
/// that is a law's name ("배터리산업특별법에"). In English, beside a
/// government, a plan's noun ("the ministry's strategy", "the incentive
/// scheme").
pub(crate) fn names_law(text: &str, government: bool) -> bool {
    let tokens = tokenize(text);
    tokens
        .windows(2)
        .any(|w| capitalized(&w[0]) && LAW_HEADS.contains(&w[1].text))
        || quoted_korean_policy(text, &KOREAN_POLICY_HEADS)
        || government && quoted_korean_policy(text, &KOREAN_PLAN_HEADS)
        || government
            && tokens.iter().any(|t| {
                GOVERNMENT_PLAN_NOUNS
                    .iter()
                    .any(|n| t.text.eq_ignore_ascii_case(n))
            })
        || tokens.iter().any(|token| {
            let word = strip_particle(token.text);
            KOREAN_LAW_ENDINGS
                .iter()
                .any(|end| word.len() > end.len() && word.ends_with(end))
        })
}

/// A short quoted Hangul name whose last word ends in one of `heads`.
fn quoted_korean_policy(text: &str, heads: &Words) -> bool {
    crate::ingest::text::vocab::NAME_QUOTES
        .iter()
        .any(|&(open, close)| {
            let mut rest = text;
            while let Some(start) = rest.find(open) {
                let after = &rest[start + open.len_utf8()..];
                let Some(end) = after.find(close) else {
                    return false;
                };
                let name = after[..end].trim();
                // "발전대책 2.0", "전략 2030": a version or a year after the head.
                let numbered = |w: &&str| w.chars().all(|c| c.is_ascii_digit() || c == '.');
                let last = name
                    .split_whitespace()
                    .rev()
                    .find(|w| !numbered(w))
                    .unwrap_or("");
                let hangul = last.chars().any(is_hangul);
                if hangul
                    && name.split_whitespace().count() <= NAME_MAX_WORDS
                    && heads.iter().any(|head| last.ends_with(head))
                {
                    return true;
                }
                rest = &after[end + close.len_utf8()..];
            }
            false
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_masked_and_quotes_weigh_half() {
        let text = "Dr. Kim of the Energy Storage Research Center said, \"we will make storage cheap for everyone\".";
        let out = pieces(text, &[], false);
        assert!(!out.iter().any(|p| p.text.contains("Energy Storage")));
        assert!(out
            .iter()
            .any(|p| p.quoted && p.text.contains("storage cheap")));
        let cut = pieces(
            "We will lead this market in every way.\" He left.",
            &[],
            false,
        );
        assert!(cut[0].quoted);
        let short = pieces("It is called \"Naxtra\" here.", &[], false);
        assert!(short.iter().all(|p| !p.quoted && p.factor == 1.0));
    }

    #[test]
    fn acknowledgments_laws_and_money() {
        assert!(acknowledgment("The work was funded by the DOE."));
        assert!(!acknowledgment("The DOE funded the work."));
        assert!(names_law(
            "The U.S. Inflation Reduction Act offers credits.",
            false
        ));
        assert!(!names_law("They act fast.", false));
        assert!(names_law(
            "정부는 '저장장치 산업 육성전략'을 발표했다.",
            true
        ));
        assert!(names_law("정부는 「배터리 안전 대책」을 냈다.", false));
        // A version or a year after the head.
        assert!(names_law(
            "정부는 '희소금속 산업 발전대책 2.0'을 냈다.",
            false
        ));
        assert!(!names_law("정부는 '희소금속 2.0'을 냈다.", false));
        assert!(names_law("배터리산업특별법에 따라 지원한다.", false));
        // In English, a plan's noun beside a government.
        assert!(names_law(
            "The ministry set out its strategy for securing minerals.",
            true
        ));
        assert!(!names_law(
            "Acme set out its strategy for securing minerals.",
            false
        ));
        assert!(!names_law("The ministry plans to act.", true));
        // A company's strategy is no policy.
        assert!(!names_law(
            "에이크미는 '배터리 사업 확대 전략'을 공개했다.",
            false
        ));
        // A method or how-to is no law; a long quotation is no name.
        assert!(!names_law("새로운 방법을 찾았다.", true));
        assert!(!names_law("오래 타는 충전관리법을 소개한다.", true));
        assert!(!names_law("그는 '이 일은 우리가 오래 준비해 온 것이고 앞으로도 계속 키워 나갈 대책'이라고 말했다.", true));
        assert!(has_money("CATL has invested RMB 10 billion in research."));
        assert!(!has_money("It keeps 92% of its capacity."));
        assert!(moves_money("The ministry will provide 6 billion won."));
        assert!(moves_money("정부는 100억원을 지원한다."));
        assert!(!moves_money("Sales rose to 5 trillion won."));
    }
}
