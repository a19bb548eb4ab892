//! Ingest, text layer: text split into sentences, the one splitter that
//! titles, summaries and annotations share.
//!
//! Takes the text of one block and gives back its sentences as trimmed
//! slices, in order. Every annotation keeps the sentence it came from, so a
//! split in the wrong place would cut a quote in half: abbreviations
//! ("Dr.", "Co.", "U.S.", "Nov."), initials, decimals and closing quotes are
//! handled here.

use crate::ingest::text::hangul::is_hangul;
use crate::ingest::text::words::{word_list, Words};

/// Words that end with a period without ending the sentence.
static ABBREVIATIONS: Words = word_list!("shared/abbreviations.txt");

/// Syllables a Korean sentence ends with before its full stop (했다,
/// 해요, 했음, 함, 됨, 임, 합니다).
const SENTENCE_FINAL: &str = "다요음함됨임니";

/// The sentences of `text`, trimmed, without empty ones.
pub(crate) fn split(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    for line in text.split('\n') {
        let mut start = 0;
        for end in boundaries(line) {
            push_trimmed(&mut sentences, &line[start..end]);
            start = end;
        }
        push_trimmed(&mut sentences, &line[start..]);
    }
    sentences
}

fn push_trimmed<'a>(sentences: &mut Vec<&'a str>, piece: &'a str) {
    let piece = piece.trim_matches(|c: char| c.is_whitespace());
    if piece.chars().any(char::is_alphanumeric) {
        sentences.push(piece);
    }
}

/// Byte offsets just past each sentence end (after closing quotes).
fn boundaries(line: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (offset, c) = chars[i];
        if !matches!(c, '.' | '!' | '?' | '。') {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && is_closer(chars[j].1) {
            j += 1;
        }
        let followed_by_space = j < chars.len() && chars[j].1.is_whitespace();
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        let next = chars.get(k).map(|&(_, n)| n);
        let starts_sentence = next
            .is_some_and(|n| n.is_uppercase() || n.is_numeric() || is_opener(n) || !n.is_ascii());
        // "HiNa Technology Co., Ltd. (HiNa Battery), the …": a legal form
        // with a bracket after it goes on naming the company.
        let aside = next == Some('(') && c == '.' && ends_with_legal_form(&line[..offset]);
        // "…체결했다.이날 …": scraped Korean text that lost the space or line
        // break between two sentences.
        // Two syllables on each side, the first side ending as a sentence
        // does: "한.미 양국" and "한빛.에너지" stay whole.
        let hangul = |k: usize| chars.get(k).is_some_and(|&(_, h)| is_hangul(h));
        let ends_sentence = i > 0 && SENTENCE_FINAL.contains(chars[i - 1].1);
        let glued_korean =
            c == '.' && i > 1 && hangul(i - 2) && ends_sentence && hangul(j) && hangul(j + 1);
        if glued_korean {
            ends.push(chars[j].0);
        } else if followed_by_space
            && starts_sentence
            && !aside
            && !(c == '.' && is_abbreviation(&line[..offset]))
        {
            ends.push(chars.get(j).map_or(line.len(), |&(o, _)| o));
        }
        i = j.max(i + 1);
    }
    ends
}

fn ends_with_legal_form(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    crate::ingest::text::vocab::LEGAL_FORMS.contains(&word)
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201D}' | '\u{2019}' | ')' | ']' | '」' | '』'
    )
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201C}' | '\u{2018}' | '(' | '[' | '「' | '【'
    )
}

/// True when the text before a period ends with an abbreviation or an
/// initial ("J." in "J. Smith", "S." in "U.S.").
fn is_abbreviation(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let last = word.rsplit('.').next().unwrap_or("");
    if last.chars().count() == 1 && last.chars().all(char::is_uppercase) {
        return true;
    }
    ABBREVIATIONS.contains(&word.as_str()) || ABBREVIATIONS.contains(&last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_sentences_glued_at_the_full_stop_are_two() {
        assert_eq!(
            split("협약을 체결했다.이날 행사에는 홍길동 부지사가 참석했다."),
            [
                "협약을 체결했다.",
                "이날 행사에는 홍길동 부지사가 참석했다."
            ]
        );
        // A full stop between digits, or as a separator, is no such glue.
        assert_eq!(split("매출은 1.5배 늘었다."), ["매출은 1.5배 늘었다."]);
        assert_eq!(
            split("한.미 양국은 협력하기로 했다."),
            ["한.미 양국은 협력하기로 했다."]
        );
        assert_eq!(
            split("(주)한빛.에너지가 공장을 열었다."),
            ["(주)한빛.에너지가 공장을 열었다."]
        );
    }

    #[test]
    fn splits_plain_sentences_and_lines() {
        assert_eq!(
            split("One here. Two there!\nThree?"),
            ["One here.", "Two there!", "Three?"]
        );
    }

    #[test]
    fn keeps_abbreviations_initials_and_decimals() {
        let text =
            "Dr. Lee of Acme Co. met Mr. J. Park in the U.S. on Nov. 3. It cost 1.5 billion won.";
        assert_eq!(
            split(text),
            [
                "Dr. Lee of Acme Co. met Mr. J. Park in the U.S. on Nov. 3.",
                "It cost 1.5 billion won."
            ]
        );
        // The rupee's "Rs." before its amount.
        assert_eq!(
            split("It set aside Rs. 3,620 crore."),
            ["It set aside Rs. 3,620 crore."]
        );
        // Malaysia's "Sdn. Bhd.": the first form never ends a sentence, the
        // second often does.
        assert_eq!(
            split("Acme Malaysia Sdn. Bhd. signed it. It grew with Kestrel Sdn. Bhd. The plant opened."),
            [
                "Acme Malaysia Sdn. Bhd. signed it.",
                "It grew with Kestrel Sdn. Bhd.",
                "The plant opened."
            ]
        );
    }

    #[test]
    fn ends_after_closing_quotes() {
        let text = "He said, \u{201C}We will win.\u{201D} Then he left. \"Yes.\" No. 5 won.";
        assert_eq!(
            split(text),
            [
                "He said, \u{201C}We will win.\u{201D}",
                "Then he left.",
                "\"Yes.\"",
                "No. 5 won."
            ]
        );
    }

    #[test]
    fn does_not_split_before_lowercase() {
        assert_eq!(
            split("Acme Co., Ltd. signed it. ok."),
            ["Acme Co., Ltd. signed it. ok."]
        );
    }
}
