//! Cleaning, line rules: tell scrape noise from story, one line at a time.
//!
//! Takes one trimmed line of a seed; gives back its [`Line`] class. Rules
//! that need the whole page (repeats, captions, headline lists) live in
//! `clean::page`. Every rule is general: site UI, board metadata, credits
//! and notices look the same on any site, in English or Korean.

use super::vocab::{
    BANNER_PREFIXES, COPYRIGHT_MARKS, EMBARGO_NOTES, FILE_EXTENSIONS, METADATA_LABELS,
    PAGER_PREFIXES, PHOTO_AGENCIES, RELATED_LABELS, RELATED_TIME_FRAMES, SITE_UI, UI_ENDINGS,
    UI_PREFIXES,
};
use crate::ingest::text::case::lowercase_aligned;
use crate::ingest::text::hangul::is_hangul;
use crate::ingest::text::line::{ends_sentence, is_email, split_marker, word_count};
use crate::ingest::text::vocab as shared;
use crate::ingest::text::vocab::{CREDIT_STARTS, PHOTO_CREDIT_WORDS};
use crate::ingest::text::words::{word_list, Words};

/// What one line of a seed is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Line {
    /// Empty or only spaces: separates paragraphs.
    Blank,
    /// Scrape noise, with the rule that caught it (for tests and logs).
    Noise(&'static str),
    /// A press-release end mark ("###"): what follows is boilerplate.
    EndMark,
    /// A photo caption, its credit removed.
    Caption(String),
    /// Story text, as written (list markers included).
    Story(String),
}

/// A line rule: true when the line is noise of its kind.
type Rule = fn(&str) -> bool;

/// Classify one line by the rules that need no context.
pub(crate) fn classify(line: &str) -> Line {
    // "-30-" ends a release before it is a page's number.
    if is_end_mark(line.trim()) {
        return Line::EndMark;
    }
    let line = without_page_number(line.trim());
    if line.is_empty() {
        return Line::Blank;
    }
    let (_, body) = split_marker(line);
    if body.chars().all(|c| !c.is_alphanumeric()) {
        return Line::Noise("empty-item");
    }
    let rules: [(&'static str, Rule); 17] = [
        // A whole line that is a list's label ("댓글 많은 뉴스") is that
        // before it is a UI prefix's.
        ("related-label", is_related_label),
        ("site-ui", is_site_ui),
        ("share-buttons", is_share_buttons),
        ("menu-row", is_menu_row),
        ("board-metadata", is_board_metadata),
        ("copyright", is_copyright),
        ("byline", is_byline),
        ("editor-note", is_editor_note),
        ("embargo-note", is_embargo_note),
        ("breadcrumb", is_breadcrumb_path),
        ("related-inline", is_inline_related),
        ("metadata-fields", is_metadata_fields),
        ("attachment-name", is_file_name),
        ("timestamp", is_timestamp),
        ("phone-number", is_phone_number),
        ("promotion", is_promotion),
        ("market-quote", is_market_quote),
    ];
    if let Some((rule, _)) = rules.iter().find(|(_, test)| test(body)) {
        return Line::Noise(rule);
    }
    match strip_photo_credit(body) {
        Some(rest) if rest.is_empty() => Line::Noise("photo-credit"),
        Some(rest) => Line::Caption(rest),
        None => Line::Story(line.to_string()),
    }
}

/// "- 1 - 보도자료 배포 …": a printed page's number between dashes, at
/// the start of a line of a document turned into text, is no list
/// marker; the rest of the line is what the page says.
fn without_page_number(line: &str) -> &str {
    const DASHES: [char; 3] = ['-', '–', '—'];
    const MOST_DIGITS: usize = 3;
    let Some(rest) = line.strip_prefix(DASHES) else {
        return line;
    };
    let rest = rest.trim_start();
    let number = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let digits = rest.len() - number.len();
    let Some(after) = number.trim_start().strip_prefix(DASHES) else {
        return line;
    };
    // "- 3 - 4 times": a range, not a page.
    let page = (1..=MOST_DIGITS).contains(&digits)
        && (after.is_empty() || after.starts_with(' '))
        && !after.trim_start().starts_with(|c: char| c.is_ascii_digit());
    if page {
        after.trim_start()
    } else {
        line
    }
}

/// "###", "# # #", "-END-", "- 끝 -", "-30-": the end of a press release.
pub(crate) fn is_end_mark(body: &str) -> bool {
    let squeezed: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    let inner = squeezed.trim_matches(['-', '=', '<', '>', '(', ')', '[', ']']);
    squeezed.chars().all(|c| c == '#') && squeezed.len() >= 3
        || squeezed.starts_with(['-', '<', '(', '[', '='])
            && matches!(inner.to_lowercase().as_str(), "end" | "끝" | "30")
}

/// Menu entries, skip links and buttons, in English, Korean, Japanese or
/// Chinese; Korean links and calls to action of any target ("…바로가기",
/// "go to …"; "…구독신청 하기", "subscribe to …").
pub(crate) fn is_site_ui(body: &str) -> bool {
    let key = body
        .trim_matches(|c: char| c.is_ascii_punctuation() && c != '&' || c == '›' || c == '»')
        .trim()
        .to_lowercase();
    SITE_UI.contains(&key.as_str())
        || UI_ENDINGS
            .iter()
            .any(|e| key.ends_with(e) && word_count(&key) <= UI_ENDING_WORDS)
        || UI_PREFIXES
            .iter()
            .any(|p| key.starts_with(p) && word_count(&key) <= ui_words(p))
        || PAGER_PREFIXES
            .iter()
            .chain(&BANNER_PREFIXES)
            .any(|p| key.starts_with(p))
            && word_count(&key) <= 20
}

/// Most words of a line a Korean UI ending closes: the button's words
/// and its target's name ("한빛경제 TV 실시간 방송").
const UI_ENDING_WORDS: usize = 5;

/// How many words a line opened by a UI prefix may have: a Korean prefix
/// opens sentences too ("댓글 조작 혐의로 …"), so only a short line.
fn ui_words(prefix: &str) -> usize {
    const UI_WORDS: usize = 6;
    const KOREAN_UI_WORDS: usize = 4;
    if prefix.starts_with(is_hangul) {
        KOREAN_UI_WORDS
    } else {
        UI_WORDS
    }
}

/// "로그인 회원가입 전체메뉴", "Menu Search Login": site UI entries a space
/// apart, with nothing else on the line.
pub(crate) fn is_menu_row(body: &str) -> bool {
    let key = body.to_lowercase();
    key.split_whitespace().count() >= 2 && key.split_whitespace().all(|w| SITE_UI.contains(&w))
}

/// A press release's note on its release time ("… 이후부터 보도하여 주시기
/// 바랍니다", "Embargoed until …"): for editors, not the story.
pub(crate) fn is_embargo_note(body: &str) -> bool {
    let lower = body.to_lowercase();
    word_count(body) <= 25 && EMBARGO_NOTES.iter().any(|note| lower.contains(note))
}

/// A line that is only a date and time ("2024-11-22 14:05", "Nov. 22,
/// 2024 10:31 KST"): the page's timestamp, read by `meta`, not story.
pub(crate) fn is_timestamp(body: &str) -> bool {
    // "JakartaPost-June 12, 2023": a source glued to its date.
    let body = crate::ingest::text::date::unglued(body);
    crate::ingest::text::date::is_date_line(&body) && word_count(&body) <= 12
        || crate::ingest::text::date::wire_stamp(&body).is_some()
        || yearless_day_alone(&body)
}

/// "06.28 (금)", "Dec. 20 (Fri) 14:05": a day with its weekday and no
/// year, alone on its line (past a time of day): a page's clock or stamp.
fn yearless_day_alone(body: &str) -> bool {
    use crate::ingest::text::date::{is_clock_word, yearless_weekday_day};
    yearless_weekday_day(body).is_some_and(|(.., written)| {
        body.replacen(written, " ", 1)
            .split_whitespace()
            .all(is_clock_word)
    })
}

/// Board metadata: "Writer KISTEP", "Date2023-06-02", "Hit247", "Views 123",
/// "작성자홍길동  조회수12",
/// "Registration date2024-03-11", "Attached file", "Source: X (date)".
/// A label, glued or not to a short value; never a running sentence.
pub(crate) fn is_board_metadata(body: &str) -> bool {
    // Labels that take a name: "수정안", "입력장치" only begin like labels.
    static NAME_LABELS: Words = word_list!("clean/name-labels.txt");
    let lower = body.to_lowercase();
    let labels = shared::DATE_LABELS.iter().chain(&shared::UPDATE_LABELS);
    labels.chain(&METADATA_LABELS).any(|label| {
        let Some(rest) = lower.strip_prefix(label) else {
            return false;
        };
        // "작성자홍길동": a Korean label glued to a name, on a line of
        // one or two words.
        let glued_name =
            NAME_LABELS.contains(label) && rest.starts_with(is_hangul) && word_count(body) <= 2;
        let glued_ok = rest.is_empty()
            || glued_name
            || rest.starts_with(|c: char| c.is_ascii_digit() || c == ':' || c == ' ' || c == '|');
        let rest = rest.trim_start_matches([':', ' ', '|']);
        glued_ok && word_count(rest) <= 6 && !(ends_sentence(rest) && word_count(rest) > 3)
    })
}

/// Several metadata fields on one line, set apart by runs of spaces or
/// bars: "Source: Press Office    Release date: 2025-06-18    Font size: A A".
pub(crate) fn is_metadata_fields(body: &str) -> bool {
    // "보도시점 : 2025. 7. 15.(화) 11:00  /  배포 : …": a bare slash or
    // bar between fields is no field of its own.
    let fields: Vec<&str> = body
        .split("  ")
        .flat_map(|f| f.split(" | "))
        .flat_map(|f| f.split(" / "))
        .map(str::trim)
        .filter(|f| f.chars().any(char::is_alphanumeric))
        .collect();
    fields.len() >= 2
        && fields
            .iter()
            .all(|f| is_board_metadata(f) || is_timestamp(f))
}

/// "Related: Headline one | Headline two": other stories on one line.
pub(crate) fn is_inline_related(body: &str) -> bool {
    let Some((label, rest)) = body.split_once(':') else {
        return false;
    };
    let label = label.trim().to_lowercase();
    RELATED_LABELS.contains(&label.as_str())
        && !ends_sentence(rest.trim())
        && word_count(rest) <= 40
}

/// Copyright and reprint notices ("ⓒ", "All rights reserved", "무단 전재 및
/// 재배포 금지").
pub(crate) fn is_copyright(body: &str) -> bool {
    let lower = body.to_lowercase();
    word_count(body) <= 40
        && (body.starts_with(['ⓒ', '©'])
            || lower.starts_with("(c) ")
            || COPYRIGHT_MARKS.iter().any(|mark| lower.contains(mark)))
}

/// Bylines and reporter e-mail addresses: "jcpark@yna.co.kr", "Reporter Kim
/// Chul-soo kim@…", "By Jane Doe", "홍길동 기자".
pub(crate) fn is_byline(body: &str) -> bool {
    let words = word_count(body);
    let has_email = body.split_whitespace().any(is_email);
    let lower = body.to_lowercase();
    let labelled = [
        "reporter ",
        "by ",
        "analysis by ",
        "commentary by ",
        "opinion by ",
        "story by ",
        "staff reporter",
        "correspondent ",
        "written by ",
    ]
    .iter()
    .any(|label| lower.starts_with(label));
    let staff = [
        "staff writer",
        "staff reporter",
        "staff report",
        "wire reports",
    ]
    .iter()
    .any(|mark| lower.contains(mark));
    let credits = [
        "(reporting by",
        "(writing by",
        "(editing by",
        "reporting by ",
    ]
    .iter()
    .any(|label| lower.starts_with(label));
    has_email && words <= 15
        || labelled && words <= 6 && !ends_sentence(body)
        || staff && words <= 5
        || credits && words <= 30
        || shared::ends_with_reporter_title(body) && words <= 4
        || is_bracketed_korean_byline(body)
        || is_stamped_korean_byline(body)
        || is_reading_time(&lower)
}

/// "한빛일보 홍길동 기자 입력 : 2021.03.04 09:10": an outlet and its
/// reporter, then the page's stamp (a label or the date itself).
fn is_stamped_korean_byline(body: &str) -> bool {
    let words: Vec<&str> = body.split_whitespace().collect();
    let Some(at) = words
        .iter()
        .take(6)
        .position(|w| shared::is_reporter_title(w))
    else {
        return false;
    };
    let rest = words[at + 1..].join(" ");
    // The stamp right after the title: a date label, or a whole date
    // ("기자 100여명이 참석했다" goes on with the story).
    let dated = crate::ingest::text::date::full_dates(&rest)
        .first()
        .is_some_and(|(span, _)| span.start == 0);
    let stamp = crate::ingest::text::stamp::starts_with_date_label(&rest) || dated;
    at >= 1 && stamp && !ends_sentence(body)
}

/// "[한빛일보 홍길동 기자]" alone on its line: the outlet and its reporter
/// in brackets, with no story after them.
fn is_bracketed_korean_byline(body: &str) -> bool {
    let inside = body
        .strip_prefix('[')
        .and_then(|b| b.strip_suffix(']'))
        .or_else(|| body.strip_prefix('(').and_then(|b| b.strip_suffix(')')));
    inside.is_some_and(|inside| {
        let inside = inside.trim();
        shared::ends_with_reporter_title(inside) && word_count(inside) <= 5
    })
}

/// "4 min read", "3-minute read", "Reading time 5 min".
fn is_reading_time(lower: &str) -> bool {
    let words = word_count(lower);
    words <= 4
        && lower.starts_with(|c: char| c.is_ascii_digit())
        && (lower.ends_with(" min read") || lower.ends_with("minute read"))
}

/// A row of share buttons: "Twitter Facebook LinkedIn", "Share: X | Email".
pub(crate) fn is_share_buttons(body: &str) -> bool {
    static BUTTONS: Words = word_list!("clean/share-buttons.txt");
    let words: Vec<String> = body
        .split(|c: char| c.is_whitespace() || c == '|' || c == ',' || c == ':' || c == '/')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.len() >= 2 && words.len() <= 10 && words.iter().all(|w| BUTTONS.contains(&w.as_str()))
}

/// A line that is only a telephone number, after a short label: "+86 593
/// 8901 666", "Tel. (02) 123-4567"; never a date ("… plant 2021-07-05").
pub(crate) fn is_phone_number(body: &str) -> bool {
    // The label is cut where the number starts, before the number is
    // trimmed: a space after it would move the cut into its first
    // character ("☎02 123 4567 ").
    let number =
        body.trim_start_matches(|c: char| c.is_alphabetic() || c == '.' || c == ':' || c == ' ');
    let label = &body[..body.len() - number.len()];
    let number = number.trim();
    let digits = number.chars().filter(char::is_ascii_digit).count();
    let body = number;
    digits >= 7
        && word_count(label) <= 3
        && crate::ingest::text::date::full_dates(body).is_empty()
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c))
        && (body.starts_with('+') || body.starts_with('(') || body.contains([' ', '-']))
}

/// A market ticker: "KOSPI 2745.82 -9.29 -0.34%", "USD/KRW 1350 ▲1.5
/// +0.11%", one quote or several in a row. Each quote is a short symbol,
/// then its price, change and percentage, one of them signed; a story
/// sentence never reads that way.
pub(crate) fn is_market_quote(body: &str) -> bool {
    let is_number = |w: &str| {
        let digits = w.trim_start_matches(SIGNS).trim_end_matches('%');
        !digits.is_empty()
            && digits
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    };
    let words: Vec<&str> = body.split_whitespace().collect();
    let mut quotes = 0;
    let mut at = 0;
    while at < words.len() {
        let symbol = words[at..].iter().take_while(|w| !is_number(w)).count();
        let numbers = &words[at + symbol..];
        let numbers = &numbers[..numbers.iter().take_while(|w| is_number(w)).count()];
        // A price, its change and the percentage (a number may end the
        // name: "Nikkei 225"); or two numbers after a symbol in capitals
        // ("DOW 39,112 +0.2%"), never a table row ("Sales 2,300 -5%").
        let capitals = words[at..at + symbol]
            .iter()
            .all(|w| !w.chars().any(char::is_lowercase));
        // A currency pair ("USD/KRW 1193.4 0.40 0.03%", "JPY100/KRW",
        // "CNH/KRW": a side the vocabulary knows) may rise unsigned.
        let code = |side: &str| {
            let side = side.trim_end_matches(|c: char| c.is_ascii_digit());
            crate::ingest::text::vocab::CURRENCY_CODES.contains(&side)
        };
        let pair = symbol == 1
            && words[at]
                .trim_start_matches(['•', '-'])
                .split_once('/')
                .is_some_and(|(a, b)| code(a) || code(b));
        let quote = (1..=3).contains(&symbol)
            && ((3..=4).contains(&numbers.len()) || numbers.len() == 2 && capitals)
            && (pair || numbers.iter().any(|w| w.starts_with(SIGNS)))
            && numbers.last().is_some_and(|w| w.ends_with('%'));
        if !quote {
            return false;
        }
        quotes += 1;
        at += symbol + numbers.len();
    }
    quotes > 0
}

/// Signs of a price change: plus, minus (ASCII or typeset), up and down arrows.
const SIGNS: [char; 6] = ['+', '-', '−', '▲', '▼', '△'];

/// A wire service's call to action in capitals: "WANT YOUR COMPANY'S NEWS
/// FEATURED ON PRNEWSWIRE.COM?".
pub(crate) fn is_promotion(body: &str) -> bool {
    let letters: Vec<char> = body.chars().filter(|c| c.is_alphabetic()).collect();
    let shouting = letters.len() >= 12 && letters.iter().all(|c| c.is_uppercase());
    let web = body.split_whitespace().any(|w| {
        [".com", ".net", ".org", ".co."]
            .iter()
            .any(|d| w.to_lowercase().contains(d))
    });
    shouting && word_count(body) >= 4 && (web || body.ends_with('?'))
}

/// Editors' and translators' notes about the page, not the story: a
/// short line with a translator's mark, a wire editor's note in brackets
/// on a line of its own ("(ATTN: ADDS …)"), or a paid service's notice of
/// when it showed the story first.
pub(crate) fn is_editor_note(body: &str) -> bool {
    static MARKS: Words = word_list!("clean/editor-notes.txt");
    static LABELS: Words = word_list!("clean/editor-labels.txt");
    let lower = body.to_lowercase();
    let translated = word_count(body) <= 15 && MARKS.iter().any(|mark| lower.contains(mark));
    let bracketed = body
        .strip_prefix('(')
        .and_then(|inner| inner.strip_suffix(')'))
        .is_some_and(|inner| LABELS.iter().any(|label| inner.starts_with(label)));
    translated || bracketed || shared::is_showing_notice(body)
}

/// "Home > News > Batteries", "Markets | Business | Autos": a path or a menu
/// of short segments.
pub(crate) fn is_breadcrumb_path(body: &str) -> bool {
    for separator in [" > ", " › ", " » ", " >> ", " / ", " | ", " · "] {
        let segments: Vec<&str> = body.split(separator).collect();
        // Pipes also join two menu entries ("Login | Sign up"), and an
        // arrow two sections ("Business > Industry") unless it compares
        // numbers ("capacity > 90%").
        let arrow = matches!(separator, " > " | " › " | " » " | " >> ")
            && !body.contains(|c: char| c.is_ascii_digit());
        let least = if arrow || matches!(separator, " | " | " · ") {
            2
        } else {
            3
        };
        if segments.len() >= least
            && segments
                .iter()
                .all(|s| word_count(s) <= 4 && !s.trim().is_empty())
        {
            return true;
        }
    }
    let lower = body.to_lowercase();
    // "Home » News » …", or glued by a theme: "Home»EV Cars»…".
    ["home >", "home ›", "home »", "home /", "home»", "home›"]
        .iter()
        .any(|crumb| lower.starts_with(crumb))
        && word_count(body) <= 16
}

/// An attachment's file name ("report_2024.pdf (1.2 MB)"), left by a board's
/// "Attached file" box.
pub(crate) fn is_file_name(body: &str) -> bool {
    let lower = body.to_lowercase();
    // "Attachment: Standard Conditions (2025 Edition).pdf": a labelled name
    // may run longer.
    let (labelled, lower) = ["attachment:", "attachments:", "attached file:", "file:"]
        .iter()
        .find_map(|l| lower.strip_prefix(l))
        .map_or((false, lower.as_str()), |rest| (true, rest.trim()));
    let name = if labelled {
        lower
    } else {
        lower.split(" (").next().unwrap_or(lower).trim()
    };
    let limit = if labelled { 16 } else { 6 };
    word_count(name) <= limit && FILE_EXTENSIONS.iter().any(|ext| name.ends_with(ext))
}

/// The label opening a list of other headlines ("Related articles",
/// "[관련기사]", "【Related】").
pub(crate) fn is_related_label(body: &str) -> bool {
    let key = body
        .trim_end_matches([':', ' '])
        .trim_matches(['[', ']', '\u{3010}', '\u{3011}', '<', '>'])
        .trim()
        .to_lowercase()
        .replace('’', "'");
    // "Popular articles in the past week": the label with its time frame.
    let label = RELATED_TIME_FRAMES
        .iter()
        .find_map(|frame| key.strip_suffix(frame).map(str::trim_end))
        .unwrap_or(&key);
    RELATED_LABELS.contains(&label)
}

/// Remove a photo credit from a line: "… Photo by Gwangyang City", "[Photo:
/// KRICT] …", "/ Photo = Yonhap", "(사진=연합뉴스)". Gives back the rest (the
/// caption, possibly empty), or `None` when the line has no credit.
/// The caption before a short bracketed credit that closes a line whose
/// sentence places people in the photo ("(third from left)").
fn positioned_caption(body: &str) -> Option<&str> {
    const CREDIT_MAX_WORDS: usize = 4;
    let open = body.trim_end().strip_suffix(')')?.rfind('(')?;
    let credit = body[open + 1..].trim_end().trim_end_matches(')');
    let caption = body[..open].trim_end();
    let placed = caption.match_indices('(').any(|(at, _)| {
        caption[at + 1..]
            .split_once(')')
            .is_some_and(|(inside, _)| shared::is_position_note(inside))
    });
    (placed
        && ends_sentence(caption)
        && word_count(credit) <= CREDIT_MAX_WORDS
        && credit.starts_with(char::is_uppercase))
    .then_some(caption)
}

pub(crate) fn strip_photo_credit(body: &str) -> Option<String> {
    // "Workers at the line. (Acme Cells) |": a credit in brackets closed by
    // a bar, the way some news sites end a photo's caption.
    if let Some(rest) = body.trim_end().strip_suffix('|') {
        let rest = rest.trim_end();
        if let Some(open) = rest.strip_suffix(')').and_then(|r| r.rfind('(')) {
            let credit = &rest[open + 1..rest.len() - 1];
            if word_count(credit) <= 5 && credit.starts_with(char::is_uppercase) {
                return Some(tidy(rest[..open].trim_end()));
            }
        }
    }
    // "↑ 1분기 기업별 배터리 사용량 순위": an arrow pointing at the picture
    // above is a caption's own mark.
    // A line that ends like a Korean sentence ("…들어갔다.") is the story's.
    if let Some(rest) = body.trim_start().strip_prefix('↑') {
        let rest = rest.trim();
        if !rest.is_empty() && !rest.trim_end_matches('.').ends_with('다') {
            return Some(tidy(rest));
        }
    }
    // The rules below find marks in the lowercase copy and cut `body` there.
    let lower = lowercase_aligned(body);
    // A caption closed by a photo agency: "SK On's plant in Seosan (Yonhap)".
    if let Some(open) = lower.strip_suffix(')').and_then(|l| l.rfind('(')) {
        let agency = &lower[open + 1..lower.len() - 1];
        let caption = body[..open].trim_end();
        if PHOTO_AGENCIES.contains(&agency.trim())
            && !ends_sentence(caption)
            && word_count(caption) <= 30
        {
            return Some(tidy(caption));
        }
    }
    // A wire photo's credit after the caption's last full stop: "… on May
    // 2, 2021. STR/AFP via Getty Images", "… ribbon. Jane Roe/Reuters".
    if let Some(caption) = agency_credit_after_stop(body) {
        return Some(tidy(caption));
    }
    // "… 기념사진을 찍고 있다. 한빛시 제공": a Korean photo's provider and
    // 제공 after the caption's last full stop.
    if let Some(caption) = provider_after_stop(body) {
        return Some(tidy(caption));
    }
    // "Minister Roe (center) opens the line on Monday. (Acme Cells)": a
    // photo's position note, then a short credit in brackets after the
    // last full stop.
    if let Some(caption) = positioned_caption(body) {
        return Some(tidy(caption));
    }
    // A bracketed credit anywhere: remove just the brackets.
    for (open, close) in [('[', ']'), ('(', ')'), ('<', '>'), ('〔', '〕')] {
        if let Some(start) = lower.find(open) {
            let inside_start = start + open.len_utf8();
            let Some(len) = lower[inside_start..].find(close) else {
                continue;
            };
            let inside = lower[inside_start..inside_start + len].trim_start_matches(['/', ' ']);
            // "…협약을 맺었다(사진).": the story points at its photo, which
            // credits no one.
            let points_at_photo = inside
                .split_whitespace()
                .all(|w| shared::PHOTO_POSITIONS.contains(&w));
            let end = inside_start + len + close.len_utf8();
            let rest = format!("{} {}", &body[..start], &body[end..]);
            // "…12% 증가했다(자료=산업부).": a source's tag on a story's
            // sentence; only a photo's credit makes a caption of one.
            let photo = PHOTO_CREDIT_WORDS.iter().any(|w| inside.starts_with(w));
            let sentence = rest.trim_end_matches(['.', ' ']).ends_with('다');
            if is_credit_start(inside) && !points_at_photo && (photo || !sentence) {
                return Some(tidy(&rest));
            }
        }
    }
    // An open credit runs to the end of the line and is short. Unless it
    // names a photo, it stands apart from the words before it: "subsidies
    // provided by the ministry." is the story's.
    let start = CREDIT_STARTS
        .iter()
        .filter_map(|mark| find_mark(&lower, mark))
        .min()?;
    let photo = PHOTO_CREDIT_WORDS
        .iter()
        .any(|word| lower[start..].starts_with(word));
    let before = body[..start].trim_end();
    let set_off = before.is_empty()
        || before.ends_with([
            '.', ',', '/', '|', '-', '\u{2013}', '\u{2014}', ':', '\u{b7}', ')', ']',
        ]);
    (word_count(&body[start..]) <= 8 && (photo || set_off)).then(|| tidy(&body[..start]))
}

/// The caption before "한빛시 제공" (one to three words, the last 제공)
/// after its last full stop.
fn provider_after_stop(body: &str) -> Option<&str> {
    const MAX_CREDIT_WORDS: usize = 3;
    let body = body.trim_end();
    let stop = body.rfind(". ")?;
    let credit = body[stop + 2..].trim();
    let provider = credit.strip_suffix("제공")?.trim_end();
    // A caption's mark opens the line ("▲ …"), or the provider is a body by
    // its ending ("한빛시", "가람연구원"): "… 참석했다. 식후 오찬 제공" is the
    // story's.
    let marked = body.trim_start().starts_with(['▲', '△', '↑']);
    let body_name = provider.split_whitespace().count() == 1
        && shared::KOREAN_ORG_ENDINGS
            .iter()
            .chain(shared::KOREAN_LOCAL_SUFFIXES.iter())
            .any(|ending| provider.ends_with(ending) && provider.len() > ending.len());
    let named = !provider.is_empty() && (marked || body_name);
    (named && word_count(credit) <= MAX_CREDIT_WORDS).then(|| &body[..=stop])
}

/// The caption before a short credit that follows its last full stop and
/// names a photo agency beside a slash or as "via …": the photographer's
/// name, if any, is part of the credit.
fn agency_credit_after_stop(body: &str) -> Option<&str> {
    const MAX_CREDIT_WORDS: usize = 6;
    let body = body.trim_end();
    let stop = body.rfind(". ")?;
    // "(AP Photo/Jane Roe)": the credit may stand in brackets.
    let credit = body[stop + 2..].trim();
    let credit = credit
        .strip_prefix('(')
        .and_then(|c| c.strip_suffix(')'))
        .unwrap_or(credit);
    let lower = credit.to_lowercase();
    let agency_at_end = |sep: &str| {
        lower
            .rsplit_once(sep)
            .is_some_and(|(_, agency)| PHOTO_AGENCIES.contains(&agency.trim()))
    };
    // Or the agency first, then its photographer's name of two or three
    // words: "REUTERS/Jane Roe", "AP Photo/Jane Roe" (not a poll,
    // "Reuters/Ipsos").
    let agency_first = credit.split_once('/').is_some_and(|(agency, name)| {
        let agency = agency.trim().to_lowercase();
        let agency = agency.strip_suffix(" photo").unwrap_or(&agency);
        PHOTO_AGENCIES.contains(&agency) && (2..=3).contains(&word_count(name))
    });
    let credited = agency_at_end("/") || agency_at_end(" via ") || agency_first;
    // A credit is names: "The data came via Reuters" is the story's.
    let names_only = credit
        .split_whitespace()
        .all(|w| w == "via" || !w.starts_with(char::is_lowercase));
    (credited
        && names_only
        && credit.starts_with(char::is_uppercase)
        && word_count(credit) <= MAX_CREDIT_WORDS)
        .then(|| &body[..stop + 1])
}

fn is_credit_start(text: &str) -> bool {
    // "(자료=산업부)", "<제공=한빛전지>": any Korean credit label before "=".
    let labelled = shared::CREDIT_LABELS.iter().any(|label| {
        text.strip_prefix(label)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
    });
    CREDIT_STARTS
        .iter()
        .any(|mark| text.starts_with(mark.trim_end()) || find_mark(text, mark) == Some(0))
        || labelled
        || text.starts_with("photo ")
        || text.starts_with("사진")
}

/// Byte offset where a credit mark starts a word; a mark that ends in a
/// colon or an equals sign takes spaces before it ("Photo : Wire",
/// "사진 = 연합뉴스").
fn find_mark(haystack: &str, mark: &str) -> Option<usize> {
    let Some(stem) = mark.strip_suffix([':', '=']) else {
        return find_word_start(haystack, mark);
    };
    let sign = &mark[stem.len()..];
    let stem = stem.trim_end();
    haystack
        .match_indices(stem)
        .map(|(i, _)| i)
        .filter(|&i| {
            haystack[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        })
        .find(|&i| haystack[i + stem.len()..].trim_start().starts_with(sign))
}

/// Byte offset of `needle` in `haystack` where it starts a word.
fn find_word_start(haystack: &str, needle: &str) -> Option<usize> {
    haystack.match_indices(needle).map(|(i, _)| i).find(|&i| {
        haystack[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

fn tidy(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| c == '/' || c == '|' || c == '-' || c.is_whitespace())
        .to_string()
}

#[cfg(test)]
mod tests;
