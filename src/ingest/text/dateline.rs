//! Ingest, text layer: the dateline that opens a story's first sentence.
//!
//! Takes a sentence; gives it back without a short capitalized head before
//! a dash ("Newswise — Text", "SEOUL (Yonhap) -- Text"), the way titles,
//! summaries and event titles all read a lead.

use crate::ingest::text::date::press_dateline_end;
use crate::ingest::text::vocab::is_news_agency;

/// "Newswise — Text" → "Text"; a short capitalized head before a dash, or
/// before the colon after a wire's tag ("Seoul [South Korea], June 21
/// (ANI): Text").
pub(crate) fn strip_dateline(text: &str) -> &str {
    if let Some(rest) = korean_wire(text) {
        return rest;
    }
    // "[Alpha Biz= Kim Jisun] Seoul, October 14 — Text": an outlet and
    // its reporter in brackets, then the dateline proper.
    if let Some(rest) = outlet_byline(text) {
        return strip_dateline(rest);
    }
    if let Some(start) = press_dateline_end(text) {
        return &text[start..];
    }
    if let Some(i) = text.find("): ") {
        let head = &text[..i];
        let tag = head.rsplit_once('(').map_or("", |(_, tag)| tag.trim());
        // "Beijing, 6 September 2022 (TDI): ": after a full date, a tag in
        // capitals is the outlet's even when no list knows it.
        let dated_tag = (2..=6).contains(&tag.len())
            && tag.chars().all(|c| c.is_ascii_uppercase())
            && !crate::ingest::text::date::full_dates(head).is_empty();
        if head.split_whitespace().count() <= 8
            && head.starts_with(|c: char| c.is_uppercase())
            && (is_news_agency(tag) || dated_tag)
        {
            return &text[i + 3..];
        }
    }
    // "TOKYO, Feb 4 : …" sets its dateline off with a spaced colon.
    for dash in [" — ", " -- ", " – ", " : "] {
        if let Some(i) = text.find(dash) {
            let head = &text[..i];
            // "(Reuters) – …": the agency's tag alone.
            let tag = head.starts_with('(') && head.ends_with(')');
            let dateline = head.split_whitespace().count() <= 6
                && (tag
                    || head.starts_with(|c: char| c.is_uppercase())
                        && (head.contains('(')
                            || head
                                .split_whitespace()
                                .all(|w| !w.starts_with(char::is_lowercase))));
            if dateline {
                let rest = &text[i + dash.len()..];
                // "TOKYO, Jan 16, 2023 – (JCN Newswire) – …": a wire's tag
                // after the place and date.
                return if rest.starts_with('(') && !tag {
                    strip_dateline(rest)
                } else {
                    rest
                };
            }
        }
    }
    // Only with no dash to set it off: "SEOUL Nov 23 Wire -- …" is the
    // dash rule's.
    bare_dateline(text).unwrap_or(text)
}

/// "LYON June 2 Acme opened …": a place in capitals and a month and day,
/// with the wire's punctuation lost, before a capitalized word.
fn bare_dateline(text: &str) -> Option<&str> {
    const MAX_PLACE_WORDS: usize = 3;
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .take(MAX_PLACE_WORDS + 3)
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let capitals = |w: &str| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase());
    let place = words.iter().take_while(|(_, w)| capitals(w)).count();
    if !(1..=MAX_PLACE_WORDS).contains(&place) {
        return None;
    }
    let [(_, month), (_, day), (start, next), ..] = words.get(place..)? else {
        return None;
    };
    (super::date::month_and_day(month, day).is_some()
        && month.starts_with(char::is_uppercase)
        && next.starts_with(char::is_uppercase))
    .then(|| &text[*start..])
}

/// A bracketed tag between a dateline's head and the dash that sets it
/// off names the outlet: alone ("(Wire) – …"), after a place and date
/// ("SEOUL, Nov. 23 (Wire) --"), or a wire, one word, or an outlet's name
/// ("BUSAN (Coast Times) —"). A list's entry "PROJECT (Acme Cells) –
/// France: …", a label and a colon after the dash, names a company.
/// `after` is the text after the closing bracket.
pub(crate) fn is_dateline_tag(head: &str, tag: &str, after: &str) -> bool {
    const MAX_LABEL_WORDS: usize = 3;
    let head = head.trim();
    // "Capacity by maker (GWh): …": a running phrase is no dateline's head.
    if head
        .split_whitespace()
        .any(|w| w.starts_with(char::is_lowercase))
    {
        return false;
    }
    // "SEOUL, Nov. 23": a place and a date; "57inXY" names a project.
    let dated = head.contains(',') && head.contains(|c: char| c.is_ascii_digit());
    if head.is_empty() || dated || crate::ingest::text::vocab::is_news_agency(tag) {
        return true;
    }
    // The entry's label is the first clause's ("– France: …"), not a
    // colon later in the story ("-- UPDATE: …" after a wire's tag).
    let rest = after
        .trim_start()
        .trim_start_matches(['-', '\u{2014}', '\u{2013}'])
        .trim_start();
    let first_clause = rest.split([',', '.', ';']).next().unwrap_or("");
    let labelled = first_clause.split_once(':').is_some_and(|(label, _)| {
        let words = || label.split_whitespace();
        // "UPDATE:", "BREAKING:": an editor's flag in capitals, no label.
        let flag = !label.chars().any(char::is_lowercase);
        (1..=MAX_LABEL_WORDS).contains(&words().count())
            && words().all(|w| w.starts_with(char::is_uppercase))
            && !flag
    });
    !labelled
        && (!tag.trim().contains(char::is_whitespace)
            || tag
                .split_whitespace()
                .last()
                .is_some_and(crate::ingest::text::vocab::is_outlet_word))
}

/// "(서울=뉴스1) 김지현 기자 = Text", "[서울=뉴스핌] 김지현 기자 = Text"
/// and "[이데일리 박성민 기자] Text": a Korean wire's place and outlet, or
/// its reporter's byline, before the story. Gives back the story.
fn korean_wire(text: &str) -> Option<&str> {
    let reporter = |s: &str| {
        let s = s.trim_end();
        crate::ingest::text::vocab::ends_with_reporter_title(s) && s.split_whitespace().count() <= 6
    };
    let (head, rest) = bracketed_head(text)?;
    if reporter(head) {
        return Some(rest);
    }
    let hangul = head.chars().any(crate::ingest::text::hangul::is_hangul);
    if !head.contains('=') || !hangul || head.split_whitespace().count() > 3 {
        return None;
    }
    // "김지현 기자 = ": the reporter after the outlet.
    let byline = rest
        .split_once(" = ")
        .filter(|(name, _)| reporter(name))
        .map(|(_, story)| story);
    Some(byline.unwrap_or(rest).trim_start())
}

/// Where the story starts in a lead opened by an outlet's bracketed
/// byline ("[Acme Biz= Hong Gildong] Seoul, October 14 — Text"); `None`
/// for a sentence without one, whose dashes may be the story's own.
pub(crate) fn bylined_dateline_end(text: &str) -> Option<usize> {
    outlet_byline(text).map(|rest| text.len() - strip_dateline(rest).len())
}

/// "[Alpha Biz= Kim Jisun] Text", "(Seoul=Acme News) Text": a bracketed
/// head of an outlet, "=" and a reporter or place, written in Latin
/// capitals (the Korean forms are [`korean_wire`]'s). Gives back the rest.
fn outlet_byline(text: &str) -> Option<&str> {
    let (head, rest) = bracketed_head(text)?;
    let (outlet, reporter) = head.split_once('=')?;
    let capitalized = |part: &str| {
        let words: Vec<&str> = part.split_whitespace().collect();
        (1..=4).contains(&words.len())
            && words
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
    };
    (capitalized(outlet) && capitalized(reporter)).then_some(rest)
}

/// "[head] rest" or "(head) rest": the text inside the brackets that open
/// `text`, and what follows them.
fn bracketed_head(text: &str) -> Option<(&str, &str)> {
    let close_bracket = match text.chars().next()? {
        '[' => ']',
        '(' => ')',
        _ => return None,
    };
    let inner = &text[1..];
    let close = inner.find(close_bracket)?;
    Some((&inner[..close], inner[close + 1..].trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dateline_without_its_punctuation_is_a_place_in_capitals_and_a_day() {
        assert_eq!(
            strip_dateline("LYON June 2 Acme Cells opened its second line."),
            "Acme Cells opened its second line."
        );
        assert_eq!(
            strip_dateline("SAN JOSE Sept. 30 Acme opened a line."),
            "Acme opened a line."
        );
        // A wire's tag before a dash goes with the dateline.
        assert_eq!(
            strip_dateline("LYON June 2 Wire -- Acme opened a line."),
            "Acme opened a line."
        );
        for text in [
            "LG Energy Solution opened a line.",
            "EV sales rose.",
            "OSAKA plant opened on Mar 4.",
            "OSAKA Mar 4 was a holiday.",
        ] {
            assert_eq!(strip_dateline(text), text);
        }
    }

    #[test]
    fn a_tag_names_an_outlet_in_a_dateline_and_a_company_in_a_list() {
        assert!(is_dateline_tag("", "Acme Cells", " – A plant opened."));
        assert!(is_dateline_tag(
            "SEOUL, Nov. 23",
            "Wire Co",
            " -- The plant."
        ));
        assert!(is_dateline_tag(
            "SEOUL",
            "Yonhap",
            " -- Officials said: yes."
        ));
        assert!(is_dateline_tag("BUSAN", "Coastwire", " — The plant."));
        assert!(is_dateline_tag("BUSAN", "Coast Times", " — The plant."));
        assert!(!is_dateline_tag("BUSAN", "Acme Cells", " — The plant."));
        assert!(!is_dateline_tag("ALPHA", "Betacell", " – France: 16 GWh."));
        assert!(!is_dateline_tag(
            "ALPHA",
            "Acme Cells",
            " – Upper Austria: 2 GWh."
        ));
        // A wire's tag stays one before a story opened by a label.
        assert!(is_dateline_tag("SEOUL", "Yonhap", " -- UPDATE: Acme said."));
        assert!(is_dateline_tag(
            "BUSAN",
            "Coastwire",
            " — BREAKING: Acme said."
        ));
        // A unit in brackets after a running phrase.
        assert!(!is_dateline_tag(
            "Capacity by maker",
            "GWh",
            ": Acme: 339.3"
        ));
        assert!(!is_dateline_tag(
            "57inXY",
            "Acme Cells",
            " – Poland: 11 GWh."
        ));
    }

    #[test]
    fn a_press_release_dateline_ending_in_a_full_stop_goes() {
        assert_eq!(
            strip_dateline("AUSTIN, Texas, March 3, 2024. Acme opened a plant."),
            "Acme opened a plant."
        );
    }

    #[test]
    fn a_short_capitalized_head_before_a_dash_goes() {
        assert_eq!(
            strip_dateline("Newswise — The plant opened."),
            "The plant opened."
        );
        assert_eq!(
            strip_dateline("SEOUL, March 3 (Yonhap) -- The plant opened."),
            "The plant opened."
        );
        // The agency's tag alone, a wire's tag after the date, a colon.
        assert_eq!(
            strip_dateline("(Wirex) – Acme on Thursday recalled packs."),
            "Acme on Thursday recalled packs."
        );
        assert_eq!(
            strip_dateline("OSAKA, Jan 16, 2023 – (Acme Newswire via Relay.com) – Acme said."),
            "Acme said."
        );
        assert_eq!(
            strip_dateline("OSAKA, Feb 4 : Quarterly profit fell."),
            "Quarterly profit fell."
        );
        // A sentence with a spaced colon or a bracket and a dash stays.
        let text = "The ratio is 3 : 1 in most cells.";
        assert_eq!(strip_dateline(text), text);
        let text = "(The note is short) and the plan – long – stays.";
        assert_eq!(strip_dateline(text), text);
    }

    #[test]
    fn a_wire_tag_before_a_colon_goes() {
        assert_eq!(
            strip_dateline("Seoul [South Korea], June 21 (ANI): The plant opened."),
            "The plant opened."
        );
        let text = "The plan (draft): it grows.";
        assert_eq!(strip_dateline(text), text);
        assert_eq!(
            strip_dateline("Lyon, 6 September 2022 (XYZ): The plant opened."),
            "The plant opened."
        );
        let text = "The plan of the EU (EC): it grows.";
        assert_eq!(strip_dateline(text), text);
    }

    #[test]
    fn a_korean_wire_dateline_or_byline_goes() {
        assert_eq!(
            strip_dateline("(부산=연합뉴스) 홍길동 기자 = 공장이 문을 열었다."),
            "공장이 문을 열었다."
        );
        assert_eq!(
            strip_dateline("[한국일보 홍길동 기자] 공장이 문을 열었다."),
            "공장이 문을 열었다."
        );
        assert_eq!(
            strip_dateline("[서울=뉴스통신] 홍길동 기자 = 공장이 문을 열었다."),
            "공장이 문을 열었다."
        );
        assert_eq!(
            strip_dateline("[어느 사이트 커뮤니티 홍길동 기자] 공장이 문을 열었다."),
            "공장이 문을 열었다."
        );
        let text = "(주)에이크미는 공장을 열었다.";
        assert_eq!(strip_dateline(text), text);
        let text = "[단독] 공장이 문을 열었다.";
        assert_eq!(strip_dateline(text), text);
    }

    #[test]
    fn an_outlet_byline_in_brackets_goes_with_the_dateline_after_it() {
        assert_eq!(
            strip_dateline("[Acme Biz= Hong Gildong] Seoul, October 14 — The plant opened."),
            "The plant opened."
        );
        assert_eq!(
            strip_dateline("(Seoul=Acme News) The plant opened."),
            "The plant opened."
        );
        // A bracket of ordinary words, or an equation, is story text.
        let text = "[The plant opened] Seoul reacted.";
        assert_eq!(strip_dateline(text), text);
        let text = "(x = y) The sum holds.";
        assert_eq!(strip_dateline(text), text);
    }

    #[test]
    fn a_clause_before_a_dash_stays() {
        let text = "The plant opened — and it makes cells.";
        assert_eq!(strip_dateline(text), text);
    }
}
