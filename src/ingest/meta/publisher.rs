//! Metadata, publisher: who issued the page.
//!
//! Takes the normalized raw text of a seed; gives back the publisher named
//! by a source line ("Source: X (date)"), a copyright notice ("© X. All
//! rights reserved."), board metadata ("Writer X"), a dateline ("X —",
//! "(Yonhap)"), an attribution ("According to X,") or a byline ("Reporter …
//! of X"), in that order of trust. Canonical names come from the gazetteer
//! in `ingest::run`; this module only reads the text.

use crate::ingest::text::case::lowercase_aligned;
use crate::ingest::text::line::split_marker;
use crate::ingest::text::vocab::CREDIT_LABELS;
use crate::ingest::text::words::{word_list, Words};

/// The publisher as the text names it, if it names one. `other_stories`
/// are numbers of lines that list other stories or hold readers' comments
/// (from cleaning): a source named there is theirs.
pub(crate) fn named(raw: &str, other_stories: &[usize]) -> Option<String> {
    let lines: Vec<&str> = raw
        .lines()
        .enumerate()
        .map(|(at, l)| {
            if other_stories.contains(&at) {
                ""
            } else {
                split_marker(l.trim()).1
            }
        })
        .collect();
    // Each finder, and whether it reads only the top of the text: "According
    // to X," deep in the story names a source, not the page's publisher
    // (unless it stands on a line of its own).
    let finders: [(Finder, bool); 7] = [
        (from_source_line, false),
        (from_copyright, false),
        (from_newsroom, false),
        (from_writer, false),
        (from_dateline, false),
        (from_attribution, true),
        (from_byline, false),
    ];
    // A candidate that is no name (too long, empty) gives way to the next.
    finders.iter().find_map(|&(find, top_only)| {
        lines
            .iter()
            .enumerate()
            .filter(|(at, line)| {
                !top_only || *at < ATTRIBUTION_LINES || line.trim_end().ends_with(',')
            })
            .filter_map(|(_, line)| find(line))
            .map(|name| tidy(&name))
            .find(|name| names_an_outlet(name))
    })
}

/// A candidate that can be an outlet's name: short, with letters ("@" from
/// an e-mail address is none, "연" is a name cut short), and no reporter
/// ("오소영 기자", "차영례기자").
fn names_an_outlet(name: &str) -> bool {
    use crate::ingest::text::vocab::{ends_with_reporter_title, name_glued_to_reporter_title};
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && name.split_whitespace().count() <= 12
        && !ends_with_reporter_title(name)
        && name_glued_to_reporter_title(name).is_none()
}

/// "매경닷컴": a paper's web edition, named in its reporters' bylines.
fn is_portal_name(word: &str) -> bool {
    const PORTAL: &str = "닷컴";
    word.strip_suffix(PORTAL)
        .is_some_and(|name| !name.is_empty())
}

/// A reader of one line for the publisher's name.
type Finder = fn(&str) -> Option<String>;

/// Lines from the top of the text an attribution may name the publisher in.
const ATTRIBUTION_LINES: usize = 3;

fn strip_label<'a>(line: &'a str, labels: &[&str]) -> Option<&'a str> {
    let lower = line.to_lowercase();
    labels.iter().find_map(|label| {
        lower
            .starts_with(label)
            .then(|| line[label.len()..].trim_start_matches([':', ' ', '=']))
    })
}

/// "Source: Wire News (October 27, 2021)" → "Wire News".
fn from_source_line(line: &str) -> Option<String> {
    let rest = strip_label(line, &["source:", "source :", "출처:", "출처 :"])?;
    // Other fields may share the line: "Source: X    Release date: …".
    let name = rest.split(['(', ',', '|']).next()?;
    let name = name.split("  ").next()?.trim();
    // "Source: Department of …" names the issuing sub-unit, not the site.
    let unit = ["department", "division", "bureau", "office of", "team"]
        .iter()
        .any(|w| name.to_lowercase().starts_with(w));
    (!unit).then(|| name.to_string())
}

/// "ⓒ The Daily(www.daily.example). All rights reserved." → "The Daily";
/// "Copyrights Wire News. All Rights Reserved." → "Wire News".
fn from_copyright(line: &str) -> Option<String> {
    // The notice's start, found in the lowercase copy, cuts `line`.
    let lower = lowercase_aligned(line);
    // The notice may close a sentence of site text: "Subscribers only.
    // Copyright © 2025 Acme Inc."
    let start = ["ⓒ", "©", "copyright", "(c) "]
        .iter()
        .filter_map(|mark| lower.find(mark))
        .filter(|&i| {
            let before = lower[..i].trim_end();
            // "<저작권자 ⓒ 이데일리": the copyright holder's label.
            i == 0 || before.ends_with(['.', '|', '/']) || before.ends_with("저작권자")
        })
        .min()?;
    // "▲ 3공장 전경. ⓒ엘앤에프", "ⓒ광양만권경제자유구역청 제공": a photo's credit.
    if line.starts_with(['▲', '↑', '△']) || line.trim_end().ends_with("제공") {
        return None;
    }
    let mut rest = &line[start..];
    loop {
        let before = rest;
        rest = rest.trim_start_matches(['ⓒ', '©', ' ', ':']);
        for prefix in [
            "Copyrights",
            "Copyright",
            "COPYRIGHT",
            "copyright",
            "(c)",
            "(C)",
            "by ",
        ] {
            rest = rest.strip_prefix(prefix).unwrap_or(rest);
        }
        rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == ' ');
        if rest == before {
            break;
        }
    }
    // "© Volkswagen" alone, with no year and no rights reserved: the
    // credit of a picture beside it, not the page's notice.
    if start == 0 && rest.split_whitespace().count() == 1 && !lower.contains("copyright") {
        let bare_mark = !line.chars().any(|c| c.is_ascii_digit()) && !rest.contains(['.', ',']);
        if bare_mark && !rest.contains(crate::ingest::text::hangul::is_hangul) {
            return None;
        }
    }
    // A name in Hangul ends at punctuation or the notice; a slogan may come
    // before it ("종합 경제정보 미디어 이데일리 - 상업적 무단전재"): the last
    // Hangul word is the outlet.
    if rest.starts_with(crate::ingest::text::hangul::is_hangul) {
        let end = rest
            .find([',', '.', '|', '(', '>', '·', '-', '&', '《', '》'])
            .unwrap_or(rest.len());
        let holder = &rest[..end];
        let holder = crate::ingest::clean::vocab::COPYRIGHT_MARKS
            .iter()
            .filter_map(|notice| holder.find(notice))
            .min()
            .map_or(holder, |cut| &holder[..cut]);
        let outlet = holder
            .split_whitespace()
            .rev()
            .find(|w| w.contains(crate::ingest::text::hangul::is_hangul))?;
        return Some(outlet.to_string());
    }
    // A notice in another script follows the name ("Daily 무단전재 …").
    let end = rest
        .find(|c: char| {
            c.is_ascii_punctuation() && "(.,|".contains(c) || !c.is_ascii() && c.is_alphabetic()
        })
        .unwrap_or(rest.len());
    let end = rest
        .to_lowercase()
        .find("all rights")
        .map_or(end, |i| i.min(end));
    Some(rest[..end].trim().to_string())
}

/// A site label "POSTECH Newsroom | Research Highlights" or "Acme Press
/// Room" → the organization whose newsroom it is.
fn from_newsroom(line: &str) -> Option<String> {
    if line.split_whitespace().count() > 8 {
        return None;
    }
    let first = line.split(['|', '>', '/']).next()?.trim();
    // The name's end, found in the lowercase copy, cuts `first`.
    let lower = lowercase_aligned(first);
    [
        "newsroom",
        "news room",
        "press room",
        "pressroom",
        "press center",
        "news center",
    ]
    .iter()
    .find_map(|label| lower.strip_suffix(label))
    .map(|name| first[..name.len()].trim().to_string())
}

/// Board metadata "Writer KISTEP" → the writer, unless the board names
/// only an account ("작성자 관리자", "Writer admin") or an office of the
/// site's owner ("작성자 홍보계").
fn from_writer(line: &str) -> Option<String> {
    static ACCOUNTS: Words = word_list!("meta/board-accounts.txt");
    static OFFICE_ENDINGS: Words = word_list!("meta/board-office-endings.txt");
    let rest = strip_label(line, &["writer", "author", "작성자", "글쓴이"])?;
    let account = ACCOUNTS.iter().any(|a| rest.eq_ignore_ascii_case(a));
    // "작성자 홍보계 작성일 2024.01.02 조회수 31": a board's office and the
    // fields after it; "investment [ 박근배 ☎054-…]": a desk and its phone.
    let fields_follow = rest
        .split_whitespace()
        .skip(1)
        .any(|w| w.contains(|c: char| c.is_ascii_digit()))
        || rest.contains(['[', '☎', '@']);
    let lower = rest.to_lowercase();
    let office = rest.starts_with(|c: char| c.is_ascii_punctuation())
        || OFFICE_ENDINGS.iter().any(|e| lower.ends_with(e));
    (rest.split_whitespace().count() <= 5 && !account && !fields_follow && !office)
        .then(|| rest.to_string())
}

/// "Newswise — A plant …" → "Newswise"; "SEOUL, Nov. 23 (Yonhap) -- …" →
/// "Yonhap"; "/PRNewswire/" → "PRNewswire".
fn from_dateline(line: &str) -> Option<String> {
    let head: String = line.chars().take(80).collect();
    if let Some(outlet) = korean_wire_outlet(&head) {
        return Some(outlet);
    }
    if let Some(open) = head.find('(') {
        let close = head[open..].find(')')? + open;
        let after = head[close + 1..].trim_start();
        // "… (Wire) -- …", or "Seoul [South Korea], June 21 (Wire): …".
        let set_off = after.starts_with("--") || after.starts_with(['—', '–', '-', ':']);
        let tag = &head[open + 1..close];
        if set_off && crate::ingest::text::dateline::is_dateline_tag(&head[..open], tag, after) {
            return Some(tag.to_string());
        }
    }
    // A wire tag is one word between slashes: " /PRNewswire/ ", not a
    // path ("Home / Articles / Press").
    if let Some(start) = head.find(" /") {
        let inner = &head[start + 2..];
        if let Some(end) = inner.find("/ ") {
            let tag = &inner[..end];
            if !tag.is_empty() && !tag.contains(char::is_whitespace) {
                return Some(tag.to_string());
            }
        }
    }
    let dash = head.find(" — ").or_else(|| head.find(" -- "))?;
    let name = head[..dash].trim();
    let capitalized = name
        .split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    // "TOKYO --" is the dateline's city, not an outlet.
    let city = name.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !name.chars().any(char::is_lowercase);
    (capitalized && !city && name.split_whitespace().count() <= 3 && !name.contains(','))
        .then(|| name.to_string())
}

/// A news site's section labels in brackets ("[포토뉴스]"): no outlet.
static SECTION_LABELS: Words = word_list!("korean/section-labels.txt");

/// "(서울=뉴스1) …" → "뉴스1"; "[이데일리 박성민 기자] …" → "이데일리".
fn korean_wire_outlet(head: &str) -> Option<String> {
    // "(서울=뉴스1)", "[서울=한빛뉴스]": a place of one word, then the
    // outlet; "[사진=Acme 제공]" credits a photo.
    let place_and_outlet = |content: &str| {
        let (place, outlet) = content.split_once('=')?;
        let outlet = outlet.trim();
        // "[더구루=오소영 기자]": the outlet, then its reporter; "[천안=
        // 한빛일보 한가람 기자]": a place, then the outlet and its reporter.
        if crate::ingest::text::vocab::ends_with_reporter_title(outlet)
            || crate::ingest::text::vocab::name_glued_to_reporter_title(outlet).is_some()
        {
            // Only a word that reads as an outlet's name is one: "[한빛경제=
            // 한가람 선임 기자]" is an outlet, its reporter and two titles.
            const OUTLET_NAME_TITLE: usize = 3;
            let words: Vec<&str> = outlet.split_whitespace().collect();
            let outlet_first = words.len() == OUTLET_NAME_TITLE
                && crate::ingest::text::vocab::is_masthead(words[0]);
            if CREDIT_LABELS.contains(&place.trim()) {
                return None;
            }
            return Some(if outlet_first {
                words[0].to_string()
            } else {
                place.trim().to_string()
            });
        }
        crate::ingest::text::vocab::wire_place_and_outlet(content)
            .map(|(_, outlet)| outlet.to_string())
    };
    if let Some(inner) = head.strip_prefix('(') {
        return place_and_outlet(&inner[..inner.find(')')?]);
    }
    // "[서울=한빛일보]", or in lenticular brackets "【서울=한빛일보】".
    let inner = head.strip_prefix('[').or_else(|| head.strip_prefix('【'))?;
    let content = &inner[..inner.find([']', '】'])?];
    if content.contains('=') {
        return place_and_outlet(content).filter(|_| !content.is_ascii());
    }
    // "[한빛경제신문] …": the outlet's name alone, not a section's label
    // ("[포토뉴스]").
    let words: Vec<&str> = content.split_whitespace().collect();
    if words.len() == 1
        && crate::ingest::text::vocab::is_masthead(content)
        && !SECTION_LABELS.contains(&content)
    {
        return Some(content.to_string());
    }
    // "[이데일리 박성민 기자]" or "[김우현 매경닷컴 기자]": the word that
    // is an outlet's name, else the first.
    let byline = words.len() == 3 && crate::ingest::text::vocab::is_reporter_title(words[2]);
    if !byline {
        return None;
    }
    let outlet = words[..2]
        .iter()
        .find(|w| crate::ingest::text::vocab::is_masthead(w) || is_portal_name(w))
        .unwrap_or(&words[0]);
    Some(outlet.to_string())
}

/// "According to Wire News, …" at the start of the story.
fn from_attribution(line: &str) -> Option<String> {
    let rest = line.strip_prefix("According to ")?;
    let name = rest.split(',').next()?.trim();
    let short = name.split_whitespace().count() <= 4 && rest.contains(',');
    (short && name.starts_with(|c: char| c.is_uppercase())).then(|| name.to_string())
}

/// "Reporter Kim Chul-soo of The Daily" → "The Daily".
fn from_byline(line: &str) -> Option<String> {
    let rest = strip_label(line, &["reporter ", "by "])?;
    if line.split_whitespace().count() > 12 {
        return None;
    }
    let (_, outlet) = rest.split_once(" of ")?;
    Some(outlet.split(['(', ',']).next()?.trim().to_string())
}

fn tidy(name: &str) -> String {
    let name = name.trim().trim_end_matches(['.', ',', ':', ';']).trim();
    // "Nikkei Inc." is the outlet Nikkei: a legal form is no part of the name.
    let bare = [" Inc", " Ltd", " LLC", " Corp", " plc", " GmbH"]
        .iter()
        .find_map(|form| name.strip_suffix(form))
        .map_or(name, |rest| rest.trim_end_matches([',', ' ']));
    bare.to_string()
}

#[cfg(test)]
mod tests {
    fn named(raw: &str) -> Option<String> {
        super::named(raw, &[])
    }

    #[test]
    fn a_letter_whose_lowercase_is_shorter_never_cuts_a_syllable_of_the_name() {
        // The Kelvin sign 'K' lowercases to one byte 'k': the name's end
        // and the notice's start, found in the lowercase copy, once fell
        // inside 랩 and 식 of the line.
        assert_eq!(
            named("\u{212a}-랩 Newsroom | Research").as_deref(),
            Some("\u{212a}-랩")
        );
        assert_eq!(
            named("\u{212a}-랩 소식.ⓒ 한빛일보").as_deref(),
            Some("한빛일보")
        );
    }

    #[test]
    fn each_form_names_the_publisher() {
        for (text, publisher) in [
            ("Body.\nSource: Wire News (October 27, 2021)", "Wire News"),
            ("Body.\nCopyright © 2025 Acme Inc. All rights reserved.", "Acme"),
            ("(부산=한빛뉴스) 홍길동 기자 = 본문.", "한빛뉴스"),
            ("[한빛일보 홍길동 기자] 본문.", "한빛일보"),
            ("[부산=한빛뉴스] 홍길동 기자 = 본문.", "한빛뉴스"),
            ("[한빛경제포스트] 본문이 이어진다.", "한빛경제포스트"),
            ("본문.\n<저작권자 ⓒ 한빛일보, 무단전재 및 재배포 금지>", "한빛일보"),
            ("본문.\nCopyright ⓒ 한빛뉴스. All rights reserved.", "한빛뉴스"),
            (
                "Body.\nⓒ The Daily(www.daily.example). All rights reserved.",
                "The Daily",
            ),
            ("Copyrights Wire News. All Rights Reserved.", "Wire News"),
            ("Copyright © 2024 Acme Media, Inc.", "Acme Media"),
            ("  • Writer ACME\n  • Date2023-06-02", "ACME"),
            ("Newsdesk — A plant opened today.", "Newsdesk"),
            ("SEOUL, Nov. 23 (Wire) -- The ministry said.", "Wire"),
            ("Seoul [South Korea], June 21 (Wire): The ministry said.", "Wire"),
            (
                "BERLIN, Nov. 23, 2026 /PRNewswire/ -- A plant.",
                "PRNewswire",
            ),
            ("According to Wire News,\nThe plant opened.", "Wire News"),
            (
                "A plant opened.\nMore.\nMore.\nAccording to Wire News,\nThe end.",
                "Wire News",
            ),
            ("Reporter Kim Su of The Daily", "The Daily"),
            (
                "TOKYO -- A plant.\nSubscribers only. Copyright © 2025 Acme Inc. All rights reserved.",
                "Acme",
            ),
            ("ⓒ Daily Wire 무단전재 및 재배포 금지", "Daily Wire"),
            // A place, then the outlet and its reporter.
            ("[천안=한빛일보 한가람 기자] 에이크미가 공장을 짓는다.", "한빛일보"),
            ("[한빛경제=한가람 기자] 에이크미가 공장을 짓는다.", "한빛경제"),
            ("[한빛경제=한가람 선임 기자] 에이크미가 공장을 짓는다.", "한빛경제"),
            ("【서울=한빛일보】한가람 기자 = 에이크미가 공장을 짓는다.", "한빛일보"),
        ] {
            assert_eq!(named(text).as_deref(), Some(publisher), "{text}");
        }
    }

    #[test]
    fn a_source_deep_in_the_story_or_a_board_account_is_no_publisher() {
        for text in [
            "A plant opened.\nMore.\nMore.\nAccording to Acme Cells, it works.",
            "  • 작성자 최고관리자\n  • Date2023-06-02",
            "  • Writer admin\n  • Date2023-06-02",
            // A section's name looks like an outlet's ("Campus News").
            "Campus News\nAcme opens a plant\nIt opened.",
        ] {
            assert_eq!(named(text), None, "{text}");
        }
    }

    #[test]
    fn a_listed_project_and_its_company_name_no_publisher() {
        let list = "Grants go to:\nALPHA (Acme Cells) – Poland: 11 GWh a year.\nBETA (Betacell) – France: 16 GWh.";
        assert_eq!(named(list), None);
        // A wire or an outlet after a city alone still does.
        assert_eq!(
            named("SEOUL (Yonhap) -- A plant.").as_deref(),
            Some("Yonhap")
        );
        assert_eq!(
            named("BUSAN (Coast Times) — A plant.").as_deref(),
            Some("Coast Times")
        );
        assert_eq!(
            named("SEOUL (Yonhap) -- Officials said: a plant.").as_deref(),
            Some("Yonhap")
        );
        assert_eq!(
            named("BUSAN (Coastwire) — A plant.").as_deref(),
            Some("Coastwire")
        );
    }

    #[test]
    fn a_photo_credit_or_a_section_label_names_no_publisher() {
        assert_eq!(named("[사진=한빛전지 제공]\n본문이 이어진다."), None);
        assert_eq!(named("(자료=한빛전지)\n본문이 이어진다."), None);
        assert_eq!(named("[포토뉴스] 한빛전지가 공장을 열었다."), None);
        assert_eq!(
            named("SEOUL (Yonhap) -- UPDATE: A plant opened.").as_deref(),
            Some("Yonhap")
        );
    }

    #[test]
    fn a_reporter_is_no_publisher_but_the_outlet_before_him_is() {
        let lead = "한빛전지가 공장을 열었다.";
        assert_eq!(
            named(&format!("[한빛일보=홍길동 기자] {lead}")).as_deref(),
            Some("한빛일보")
        );
        assert_eq!(
            named(&format!("[한빛뉴스=홍길동기자] {lead}")).as_deref(),
            Some("한빛뉴스")
        );
        assert_eq!(
            named(&format!("[홍길동 한빛닷컴 기자]\n{lead}")).as_deref(),
            Some("한빛닷컴")
        );
        assert_eq!(named(&format!("{lead}\n  • 홍길동 기자")), None);
    }

    #[test]
    fn a_slogan_before_the_outlet_in_a_notice_is_no_name() {
        let lead = "한빛전지가 공장을 열었다.";
        for (notice, outlet) in [
            (
                "ⓒ종합 경제정보 미디어 한빛데일리 - 상업적 무단전재 & 재배포 금지",
                "한빛데일리",
            ),
            (
                "저작권자 © 온라인 경제미디어 한빛웨이 · 무단 전재 및 재배포 금지",
                "한빛웨이",
            ),
            (
                "<저작권자© 미래의 지름길 종합뉴스통신사 한빛핌(Hanbitpim), 무단",
                "한빛핌",
            ),
            (
                "저작권자 © 전자부품 전문 미디어 한빛렉 무단전재 및 재배포 금지",
                "한빛렉",
            ),
        ] {
            assert_eq!(named(&format!("{lead}\n{notice}")).as_deref(), Some(outlet));
        }
        // A notice cut after its first syllable names nothing.
        assert_eq!(named(&format!("{lead}\nCopyright © 한")), None);
        // A second holder after & is another of the outlet's sites.
        assert_eq!(
            named(&format!(
                "{lead}\n저작권자 © 한빛신문 & 한빛신문인터넷, 무단전재 및 재배포금지"
            ))
            .as_deref(),
            Some("한빛신문")
        );
    }

    #[test]
    fn a_pictures_credit_is_no_notice() {
        let lead = "The plant opened.";
        assert_eq!(named(&format!("© Acme\n{lead}")), None);
        assert_eq!(
            named(&format!("{lead}\n© Acme Herald")).as_deref(),
            Some("Acme Herald")
        );
        assert_eq!(
            named("▲ 한빛전지 3공장 전경. ⓒ한빛전지\n공장을 열었다."),
            None
        );
        assert_eq!(
            named("기념촬영을 하고 있다. ⓒ한빛시청 제공\n공장을 열었다."),
            None
        );
        assert_eq!(
            named(&format!("{lead}\n© 2024 Acme News")).as_deref(),
            Some("Acme News")
        );
    }

    #[test]
    fn a_boards_office_or_its_fields_name_no_publisher() {
        let lead = "\n공장을 열었다.";
        assert_eq!(
            named(&format!("작성자 홍보계 작성일 2024.01.02 조회수 31{lead}")),
            None
        );
        assert_eq!(
            named(&format!("작성자 작성일 24-04-25 19:01본문{lead}")),
            None
        );
        assert_eq!(
            named(&format!("  • 작성자. External Relations Team{lead}")),
            None
        );
        assert_eq!(
            named(&format!("작성자 invest [ 홍길동 ☎054-000-0000 ]{lead}")),
            None
        );
        assert_eq!(
            named(&format!("Writer KISTEP{lead}")).as_deref(),
            Some("KISTEP")
        );
        assert_eq!(
            named(&format!("작성자 한빛뉴스1{lead}")).as_deref(),
            Some("한빛뉴스1")
        );
    }

    #[test]
    fn an_exchange_rate_note_names_no_publisher() {
        assert_eq!(named("Profit fell.\n($1 = 156.2800 yen)"), None);
        assert_eq!(
            named("(세종·서울=뉴스1) 한빛전지가 공장을 열었다.").as_deref(),
            Some("뉴스1")
        );
        assert_eq!(
            named("(서울=뉴스1) 한빛전지가 공장을 열었다.").as_deref(),
            Some("뉴스1")
        );
    }

    #[test]
    fn nothing_said_means_no_publisher() {
        assert_eq!(
            named("The ministry said on Monday that cells matter.\nMore text."),
            None
        );
        assert_eq!(
            named("Amid rising demand — and falling prices — makers cut output."),
            None
        );
    }

    #[test]
    fn a_path_is_not_a_wire_tag() {
        assert_eq!(named("Home / Articles / Press Releases\nBody."), None);
    }

    #[test]
    fn source_outranks_attribution() {
        let text = "According to Wire News,\nBody.\nSource: Wire News Agency (May 1, 2020)";
        assert_eq!(named(text).as_deref(), Some("Wire News Agency"));
    }

    #[test]
    fn a_source_sub_unit_gives_way_to_the_copyright_holder() {
        let text = "Source: Department of Energy Storage    Release date: 2025-06-18\nBody.\nCopyright © Acme Ministry of Power";
        assert_eq!(named(text).as_deref(), Some("Acme Ministry of Power"));
        let text = "Source: Wire News    Release date: 2025-06-18\nBody.";
        assert_eq!(named(text).as_deref(), Some("Wire News"));
    }

    #[test]
    fn a_newsroom_label_names_its_owner() {
        let text = "Acme University Newsroom | Research\nBody text here.";
        assert_eq!(named(text).as_deref(), Some("Acme University"));
        assert_eq!(named("Visit our newsroom for more.\nBody."), None);
    }
}
