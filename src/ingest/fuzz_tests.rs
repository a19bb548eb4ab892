//! Deterministic fuzzing of one seed's way through ingest: cleaning,
//! metadata and extraction ([`generate`]) never panic on hostile text.
//!
//! A small xorshift generator with a fixed seed builds a few thousand
//! texts from pieces aimed at the date, figure, name and organization
//! rules: Hangul words with their particles and units glued to digits of
//! every length, English dates, money and titles, every kind of bracket,
//! quote and bullet, invisible and non-breaking spaces, emoji and
//! combining marks, on many lines or on one very long one. The same seed
//! gives the same texts on every run, so a failure is found again; a
//! failing text is shrunk piece by piece before it is reported.
//! `BRIEFING_FUZZ_TEXTS` sets how many texts run (3,000 by default in a
//! release build, 300 in a debug one) and `BRIEFING_FUZZ_SEED` another
//! fixed seed, for a longer search by hand:
//! `BRIEFING_FUZZ_TEXTS=100000 BRIEFING_FUZZ_SEED=7 cargo test --release
//! --lib fuzz_tests`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Mutex;

use super::article::generate;
use super::invariants::{gazetteer, today};
use super::seed::decode;

/// xorshift64*: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// True about `percent` times in a hundred.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

/// Korean words, particles, units and the words the date, figure, person
/// and organization rules look for.
const KOREAN: &[&str] = &[
    "년",
    "월",
    "일",
    "까지",
    "부터",
    "억원",
    "조원",
    "억 원",
    "조 원",
    "만원",
    "명",
    "개",
    "%",
    "목표",
    "목표로",
    "계획",
    "계획이다",
    "예정",
    "예정이다",
    "지난해",
    "올해",
    "내년",
    "지난",
    "오는",
    "밝혔다",
    "말했다",
    "했다",
    "대표",
    "교수",
    "주식회사",
    "㈜",
    "(주)",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "에",
    "에서",
    "의",
    "로",
    "으로",
    "와",
    "과",
    "등",
    "및",
    "기자",
    "회장",
    "사장",
    "장관",
    "연구원",
    "박사",
    "분기",
    "상반기",
    "하반기",
    "말",
    "초",
    "중순",
    "투자",
    "배터리",
    "이차전지",
    "공장",
    "양산",
    "만",
    "천",
    "억",
    "조",
    "원",
    "달러",
    "톤",
    "씨",
    "세계 최초",
    "서울",
    "부산",
    "충북",
    "오창",
    "한국화학연구원",
    "삼성SDI",
    "LG에너지솔루션",
    "에코프로비엠",
    "김철수",
    "이영희",
    "박",
    "최",
    "동안",
    "이후",
    "전년 대비",
    "증가했다",
    "규모",
    "매출",
    "영업이익",
    "약",
    "총",
    "가량",
    "이상",
    "대비",
    "분기에",
    "산업통상자원부",
    "대학교",
    "공동",
    "연구팀",
    "관계자는",
    "따르면",
    "전자",
    "화학",
    "그룹",
];

/// English words, titles, legal forms and the months and units.
const ENGLISH: &[&str] = &[
    "by",
    "in",
    "on",
    "at",
    "said",
    "Monday",
    "Tuesday",
    "July",
    "Jan.",
    "Sept.",
    "March",
    "percent",
    "billion",
    "million",
    "trillion",
    "Inc.",
    "Co.",
    "Corp.",
    "Ltd.",
    "Dr.",
    "Mr.",
    "Ms.",
    "President",
    "CEO",
    "Chairman",
    "Professor",
    "the",
    "of",
    "and",
    "a",
    "won",
    "$",
    "US$",
    "KRW",
    "GWh",
    "MWh",
    "tons",
    "year",
    "years",
    "quarter",
    "first half",
    "end of",
    "until",
    "from",
    "to",
    "through",
    "since",
    "(Yonhap)",
    "SEOUL,",
    "--",
    "Reporter",
    "LG Energy Solution",
    "Samsung SDI",
    "Acme",
    "Kim",
    "Lee",
    "Park",
    "Jae-yong",
    "'s",
    "plans to",
    "aims to",
    "will",
    "expected",
    "target",
    "the company",
    "University",
    "Ministry",
    "last year",
    "next year",
    "this year",
    "early",
    "late",
    "according to",
    "told",
    "Q3",
    "H1",
    "FY2025",
    "No.",
    "vs.",
    "e.g.",
    "U.S.",
    "Gov.",
];

/// Punctuation, brackets, bullets, spaces that are not plain spaces,
/// emoji, combining marks and other scripts.
const MARKS: &[&str] = &[
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "\"",
    "'",
    "“",
    "”",
    "‘",
    "’",
    "·",
    "ㆍ",
    "△",
    "▷",
    "▶",
    "□",
    "■",
    "○",
    "●",
    "※",
    "-",
    "『",
    "』",
    "「",
    "」",
    "【",
    "】",
    "《",
    "》",
    "〈",
    "〉",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "<",
    ">",
    "—",
    "–",
    "―",
    "~",
    "∼",
    "〜",
    "/",
    "\\",
    "…",
    "‥",
    "&",
    "＆",
    "#",
    "@",
    "*",
    "_",
    "=",
    "+",
    "％",
    "＄",
    "￦",
    "₩",
    "€",
    "¥",
    "，",
    "．",
    "（",
    "）",
    "［",
    "］",
    "\u{a0}",
    "\u{200b}",
    "\u{200c}",
    "\u{200d}",
    "\u{feff}",
    "\u{3000}",
    "\u{2028}",
    "\u{85}",
    "\t",
    "\r",
    "🔋",
    "😀",
    "👍🏽",
    "👨\u{200d}👩\u{200d}👧",
    "🇰🇷",
    "e\u{301}",
    "\u{301}",
    "\u{20dd}",
    "\u{1100}\u{1161}\u{11a8}",
    "\u{1161}",
    "ㄱ",
    "ㅎ",
    "２０２４",
    "３",
    "ⓒ",
    "©",
    "Ⅱ",
    "①",
    "㎾h",
    "㎿",
    "℃",
    "½",
    "²",
    "٣",
    "漢字",
    "株式会社",
    "ß",
    "Ω",
    "\u{7f}",
    "\u{1b}",
    "\u{fffd}",
    "\u{10ffff}",
    // Letters whose lowercase is longer or shorter in bytes: a byte found
    // in a lowercased copy is no byte of the original.
    "\u{212a}",
    "\u{212b}",
    "\u{1e9e}",
    "İ",
    "\u{23a}",
    "\u{23e}",
];

/// What a scraped page puts around its story: bylines, credits, labels,
/// wire tags and site chrome, which the cleaning and metadata rules read.
const PAGE: &[&str] = &[
    "Newsroom",
    "Press Room",
    "(Yonhap)",
    "(AFP)",
    "Photo by",
    "Photo:",
    "/ Photo = ",
    "(사진=연합뉴스)",
    "[사진]",
    "Source:",
    "출처:",
    "Writer",
    "작성자",
    "Posted on",
    "Updated",
    "입력",
    "수정",
    "기자",
    "= ",
    "reporter@example.com",
    "/PRNewswire/",
    " — ",
    " -- ",
    "Copyright ⓒ",
    "All rights reserved",
    "###",
    "Related articles",
    "via Getty Images",
    "STR/AFP",
    "(center)",
    "(third from left)",
    "min read",
    "분 소요",
    "According to",
    "SEOUL,",
    "Tel.",
    "|",
    ">",
    "Home > News",
    "1.",
    "- ",
    "○ ",
    "※ ",
    "■ ",
    "▲",
    "☞",
    "https://example.com/a?b=1",
    "&amp;",
    "&lt;p&gt;",
    "<p>",
    "</p>",
    "<br>",
    "NEWSROOM",
    "PHOTO",
    "YONHAP",
];

/// Invented sentences in the shapes the rules are written for, as words a
/// space apart; `#` stands for a random number. A line made from one is
/// mutated (words dropped, doubled, glued, replaced) so the rules meet
/// their own shapes broken in every way.
const SENTENCES: &[&str] = &[
    "에이크미㈜는 # 년 # 월 # 일 충북 오창에 # 억원을 투자해 # 년까지 # GWh 규모의 공장을 짓는다고 밝혔다.",
    "한빛전지 주식회사 홍길동 대표는 \"올해 매출 # 조원, 내년 # 조 원을 목표로 한다\"고 말했다.",
    "에이크미 김철수 대표이사(# 세)와 한빛대학교 이영희 교수 연구팀은 지난해 # 월 세계 최초로 개발했다.",
    "산업통상자원부는 # 년부터 # 년까지 # 년 동안 총 # 억원을 지원할 계획이다.",
    "회사는 목표로 # 년부터 # 년 동안 # %를 줄일 예정이다.",
    "에이크미, 한빛소재, 오창전지 등 # 개 기업과 # 명이 참여했다.",
    "지난 # 년 # 월 # 일 이후 # 분기 영업이익은 전년 대비 # % 증가한 # 억 # 천만원을 기록했다.",
    "[한빛일보 홍길동 기자] 에이크미(대표 김철수)는 # 일 밝혔다.",
    "(서울=한빛뉴스) 홍길동 기자 = 에이크미는 # 일 # 년 상반기 양산을 시작한다고 밝혔다.",
    "△에이크미 # 억원 △한빛소재 # 억원 ▷오창전지 # 만톤 □기타 # 개",
    "『# 배터리 포럼』에서 「차세대 전지」를 발표한 박 교수는 # 년 말까지 완료한다.",
    "SEOUL, July # (Yonhap) -- Acme Energy Co. said on Monday it will invest # billion won by # .",
    "Acme Cells Inc. President Kim Jae-yong said the company aims to reach # GWh in # , up # percent.",
    "Dr. Lee, a professor at Hanbit University, said in a statement on Jan. # , # that sales rose # % to $ # billion.",
    "The Ministry of Trade, Industry and Energy (MOTIE) plans to spend KRW # trillion from # to # .",
    "By the end of # , Acme Co., Ltd. expects # tons per year, Mr. Park told reporters in Busan on Sept. # .",
    "“We will build # plants by # ,” said Ms. Choi, CEO of Acme Inc. , on Tuesday.",
    "Photo: Acme Cells — Workers (third from left) at the # GWh line in Ochang on March # , # . (Acme)",
    "입력 # . # . # 수정 # . # . # # : # | 홍길동 기자 reporter@example.com",
    "Posted on # - # - # by Jane Roe | # min read",
];

/// Spaces (and their absence) between two pieces.
const JOINTS: &[&str] = &[
    " ", " ", " ", " ", "", "", "", "\n", "\u{a0}", "\u{200b}", "  ", "\u{3000}",
];

/// Line breaks between lines.
const BREAKS: &[&str] = &["\n", "\n", "\n\n", "\n\n", "\r\n", "\n \n", "\n\n\n"];

/// Digits of varied length, sometimes grouped or with decimals.
fn digits(rng: &mut Rng) -> String {
    match rng.below(8) {
        0 => format!("{}", 1990 + rng.below(50)),
        1 => format!("{}", rng.below(10)),
        2 => format!("{}", rng.below(100)),
        3 => format!("{},{:03}", 1 + rng.below(999), rng.below(1000)),
        4 => format!("{}.{}", rng.below(1000), rng.below(100)),
        5 => format!("{:0width$}", 0, width = 1 + rng.below(6)),
        6 => (0..1 + rng.below(24))
            .map(|_| char::from(b'0' + rng.below(10) as u8))
            .collect(),
        _ => format!("{}", rng.below(100_000)),
    }
}

/// One to four random Hangul syllables.
fn syllables(rng: &mut Rng) -> String {
    (0..1 + rng.below(4))
        .map(|_| char::from_u32(0xac00 + rng.below(11_172) as u32).unwrap_or('가'))
        .collect()
}

/// Phrases that put the rules' keywords in their usual order, with
/// random numbers.
fn phrase(rng: &mut Rng) -> String {
    let (a, b, c) = (digits(rng), digits(rng), digits(rng));
    match rng.below(16) {
        0 => format!("{a}년 {b}월 {c}일"),
        1 => format!("{a}년{b}월{c}일"),
        2 => format!("{a}억원"),
        3 => format!("{a}조 {b}억원"),
        4 => format!("지난 {a}년"),
        5 => format!("{a}년까지"),
        6 => format!("목표로 {a}년부터 {b}년 동안"),
        7 => format!("{a}년 말까지 {b}%"),
        8 => format!(
            "on {} {a}, {b}",
            rng.pick(&["July", "Jan.", "March", "Sept."])
        ),
        9 => format!("${a} billion"),
        10 => format!("KRW {a} trillion"),
        11 => format!("{a} percent"),
        12 => format!("{a}.{b}.{c}"),
        13 => format!("{a}-{b}-{c}"),
        14 => format!("({a})"),
        _ => format!("{a}{}", rng.pick(KOREAN)),
    }
}

/// One random piece of text.
fn piece(rng: &mut Rng) -> String {
    match rng.below(22) {
        0..=5 => rng.pick(KOREAN).to_string(),
        6..=8 => rng.pick(ENGLISH).to_string(),
        9..=11 => rng.pick(MARKS).to_string(),
        12..=14 => digits(rng),
        15..=16 => syllables(rng),
        17..=18 => rng.pick(PAGE).to_string(),
        _ => phrase(rng),
    }
}

/// One line from an invented sentence, mutated: its words as pieces.
fn sentence(rng: &mut Rng, pieces: &mut Vec<String>) {
    let words: Vec<&str> = rng.pick(SENTENCES).split(' ').collect();
    let mut first = true;
    for word in words {
        let word = match word {
            "#" => digits(rng),
            _ => word.to_string(),
        };
        let (keep, twice, extra) = (!rng.chance(8), rng.chance(3), rng.chance(10));
        if !first {
            // Mostly the sentence's own space, now and then none or another.
            let joint = if rng.chance(85) {
                " "
            } else {
                rng.pick(JOINTS)
            };
            pieces.push(joint.to_string());
        }
        first = false;
        if keep {
            pieces.push(word.clone());
        }
        if twice {
            pieces.push(word);
        }
        if extra {
            pieces.push(piece(rng));
        }
    }
}

/// A text as its pieces, so a failure can be shrunk by dropping some:
/// mostly a few short lines, now and then many lines or one very long
/// line (a page scraped without its line breaks).
fn text(rng: &mut Rng) -> Vec<String> {
    let mut pieces = Vec::new();
    let lines = if rng.chance(10) {
        8 + rng.below(24)
    } else {
        1 + rng.below(6)
    };
    let long_line = rng.chance(2).then(|| rng.below(lines));
    for line in 0..lines {
        if line > 0 {
            pieces.push(rng.pick(BREAKS).to_string());
        }
        if rng.chance(40) {
            sentence(rng, &mut pieces);
            continue;
        }
        let long = long_line == Some(line);
        let words = if long {
            150 + rng.below(450)
        } else {
            rng.below(16)
        };
        for word in 0..words {
            if word > 0 {
                let joint = rng.pick(JOINTS);
                pieces.push(if long && joint == "\n" { " " } else { joint }.to_string());
            }
            pieces.push(piece(rng));
        }
        // Most lines end like a sentence, so cleaning keeps them.
        if rng.chance(70) {
            pieces.push(
                rng.pick(&[".", "다.", "했다.", "밝혔다.", ".”", "?", "…"])
                    .to_string(),
            );
        }
    }
    pieces
}

/// Whether ingesting `text` as a seed panics (the panic's message if so):
/// decoded and normalized as ingest reads a seed file, then made into an
/// article.
fn panics(text: &str) -> Option<String> {
    let result = catch_unwind(AssertUnwindSafe(|| {
        if let Ok(decoded) = decode(text.as_bytes()) {
            let _ = generate("seeds/fuzz.txt", &decoded.text, gazetteer(), today());
        }
    }));
    let payload = result.err()?;
    let message = payload
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "a panic without a message".to_string());
    Some(message)
}

/// Drop runs of pieces, halving the run length, while the text still
/// panics; gives back the smallest text found.
fn shrink(mut pieces: Vec<String>) -> Vec<String> {
    let mut run = pieces.len().max(1);
    while run > 0 {
        let mut at = 0;
        while at < pieces.len() {
            let end = (at + run).min(pieces.len());
            let mut fewer = pieces.clone();
            fewer.drain(at..end);
            if panics(&fewer.concat()).is_some() {
                pieces = fewer;
            } else {
                at += run;
            }
        }
        run /= 2;
    }
    pieces
}

#[test]
fn ingest_never_panics_on_generated_hostile_text() {
    let count = std::env::var("BRIEFING_FUZZ_TEXTS")
        .ok()
        .and_then(|s| s.parse::<usize>().ok())
        // A debug build (plain `cargo test`) is many times slower.
        .unwrap_or(if cfg!(debug_assertions) { 300 } else { 3_000 });
    let seed = std::env::var("BRIEFING_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .filter(|&s| s != 0)
        .unwrap_or(0x9e37_79b9_7f4a_7c15);
    let mut rng = Rng(seed);
    let started = std::time::Instant::now();
    for case in 0..count {
        let pieces = text(&mut rng);
        let whole = pieces.concat();
        if let Some(message) = panics(&whole) {
            // While shrinking, each try that panics again only records
            // where (the test fails anyway; the hook is the process's).
            static PLACE: Mutex<String> = Mutex::new(String::new());
            let hook = std::panic::take_hook();
            std::panic::set_hook(Box::new(|info| {
                if let (Some(place), Ok(mut last)) = (info.location(), PLACE.lock()) {
                    *last = place.to_string();
                }
            }));
            let small = shrink(pieces).concat();
            let again = panics(&small).unwrap_or(message);
            std::panic::set_hook(hook);
            let place = PLACE.lock().map(|p| p.clone()).unwrap_or_default();
            panic!(
                "case {case} (seed {seed}): ingest panicked at {place}: {again}\n\
                 shrunk text: {small:?}"
            );
        }
    }
    eprintln!("ingest fuzz: {count} texts in {:.1?}", started.elapsed());
}
